//! One example of each built-in rule, run by one harness: the text, the
//! span the rule must find in it, and the rule id it must report. A rule
//! without an example fails the harness, so a new rule brings its own.

use super::id;

/// (rule id, input, span found).
const EXAMPLES: &[(&str, &str, &str)] = &[
    (id::DOCUMENT_REF_CODE, "Căn cứ 45/2025/NĐ-CP, Sở hướng dẫn.", "45/2025/NĐ-CP"),
    (id::DOCUMENT_REF_TYPED_CODE, "Theo Nghị định số 30/2020/NĐ-CP của Chính phủ.", "Nghị định số 30/2020/NĐ-CP"),
    (id::DOCUMENT_REF_SHORT, "Thực hiện các Nghị quyết số 18, 19 của Trung ương.", "Nghị quyết số 18"),
    (id::DOCUMENT_REF_NUMBER_YEAR, "Công bố Nghị quyết số 202/2025 của Quốc hội.", "Nghị quyết số 202/2025"),
    (id::DOCUMENT_REF_SHORT_LIST, "Thực hiện các Nghị quyết số 18, 19 của Trung ương.", "19"),
    (id::DOCUMENT_REF_PLENUM, "Quán triệt Nghị quyết Trung ương 5 khóa XIII.", "Nghị quyết Trung ương 5 khóa XIII"),
    (id::DOCUMENT_REF_CONGRESS, "Thực hiện Nghị quyết Đại hội XIII của Đảng.", "Nghị quyết Đại hội XIII"),
    (id::DOCUMENT_REF_NAMED, "Theo Luật Đất đai năm 2024, đất được giao.", "Luật Đất đai năm 2024"),
    (id::DATE_TEXT, "Ngày 12 tháng 5 năm 2025, Sở họp.", "Ngày 12 tháng 5 năm 2025"),
    (id::DATE_NUMERIC, "Ký ngày 05/3/2020 tại Hà Nội.", "ngày 05/3/2020"),
    (id::DATE_MONTH, "Họp trong tháng 7/2024 tại tỉnh.", "tháng 7/2024"),
    (id::DATE_YEAR, "Kết quả năm 2023 được tổng kết.", "năm 2023"),
    (id::PERIOD_MONTHS, "Trong 6 tháng đầu năm 2025, thu ngân sách tăng.", "6 tháng đầu năm 2025"),
    (id::PERIOD_PART_OF_YEAR, "Từ đầu năm 2025, tỉnh đã làm.", "đầu năm 2025"),
    (id::PERIOD_PART_OF_MONTH, "Cuối tháng 11/2025, công an đã bắt giữ.", "Cuối tháng 11/2025"),
    (id::PERIOD_QUARTER, "Hoàn thành trong quý II/2025.", "quý II/2025"),
    (id::PERIOD_TERM, "Đại hội nhiệm kỳ 2020-2025 thành công.", "nhiệm kỳ 2020-2025"),
    (id::PERIOD_CONGRESS, "Trong nhiệm kỳ Đại hội XIII, Đảng bộ đã làm.", "nhiệm kỳ Đại hội XIII"),
    (id::PERIOD_DAYS, "Diễn ra từ ngày 5 đến ngày 9/5/2025 tại tỉnh.", "từ ngày 5 đến ngày 9/5/2025"),
    (id::PERIOD_RANGE, "Thực hiện từ tháng 3/2024 đến tháng 6/2025.", "từ tháng 3/2024 đến tháng 6/2025"),
    (id::DURATION_COUNT, "Sau 3 năm thực hiện, tỉnh đạt kết quả.", "3 năm"),
    (id::ORGANIZATION_GAZETTEER, "Theo chỉ đạo của Chính phủ, tỉnh triển khai.", "Chính phủ"),
    (id::ORGANIZATION_HEAD, "UBND tỉnh Quảng Ngãi ban hành kế hoạch.", "UBND tỉnh Quảng Ngãi"),
    (id::ORGANIZATION_BARE, "Đảng ủy Khối các cơ quan tỉnh họp; sau đó, Đảng ủy tổ chức hội nghị.", "Đảng ủy"),
    (id::LOCATION_PREFIXED, "Đoàn làm việc tại xã Tam Hiệp.", "Tam Hiệp"),
    (id::LOCATION_GAZETTEER, "Đoàn làm việc tại Hà Nội.", "Hà Nội"),
    (id::PERSON_NAME, "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, phát biểu.", "Nguyễn Văn An"),
    (id::PERSON_SHORT, "Đồng chí Nguyễn Văn An phát biểu; đồng chí An nhấn mạnh.", "An"),
    (id::EVENT_NOUN, "Tỉnh ủy tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh.", "Hội nghị Ban Chấp hành Đảng bộ tỉnh"),
    (id::QUANTITY_NUMBER, "Sở giảm 6 phòng trong năm.", "giảm 6 phòng"),
    (id::QUANTITY_LIST, "Sở giảm 2 phòng, 3 chi cục.", "3 chi cục"),
    (id::QUANTITY_RATIO, "Có 38/64 đảng bộ trực thuộc hoàn thành.", "38/64 đảng bộ trực thuộc"),
    (
        id::DOCUMENT_HEADER,
        "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/2025/NĐ-CP\nHà Nội, ngày 3 tháng 2 năm 2025\nNGHỊ ĐỊNH\nQuy định về quản lý thuế\n",
        "NGHỊ ĐỊNH\nQuy định về quản lý thuế",
    ),
];

#[test]
fn every_rule_finds_its_example() {
    let ex = crate::Extractor::default();
    let mut failed = Vec::new();
    for (rule, input, span) in EXAMPLES {
        let records = ex.extract(input);
        if !records.iter().any(|r| r.rule == *rule && r.text == *span) {
            let got: Vec<String> = records
                .iter()
                .map(|r| format!("{} {:?}", r.rule, r.text))
                .collect();
            failed.push(format!(
                "{rule}: {span:?} not found in {input:?}; got {got:?}"
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn every_rule_has_an_example() {
    let missing: Vec<&str> = id::ALL
        .iter()
        .filter(|rule| !EXAMPLES.iter().any(|(r, _, _)| r == *rule))
        .copied()
        .collect();
    assert!(missing.is_empty(), "rules without an example: {missing:?}");
}
