//! `quantity`: numeric facts — a number with its unit noun phrase, read in
//! Vietnamese formats, and the change verb that governs it.
//!
//! - `giảm 6 phòng` (decrease), `còn 21 phòng` (remain), `tăng 7,51%`
//!   (increase), `bầu bổ sung 3 đồng chí` (add), `đạt từ 8,5 - 9%` (reach);
//!   one verb over a list: `giảm 26 chi bộ trực thuộc, 1 đảng bộ bộ phận`;
//! - `38/64 đảng bộ trực thuộc` is a ratio with `denominator` 64;
//! - `1.234.567` = 1234567, `3,5` = 3.5, `1,5 tỷ đồng` = 1 500 000 000 VND,
//!   `3,153 triệu người`, `520 triệu kWh/năm`, `21.576,5 km²`, `hai (2) phụ lục`;
//! - `hơn`, `gần`, `khoảng` stay outside the span and set `approx`.
//!
//! Not quantities: numbers of codes, dates and periods (selection drops them),
//! ordinals (`lần thứ 17`, `kỳ họp thứ 22`), article and list numbers
//! (`Điều 5`, `khoản 1`, `1.`), clock times (`10:13`), a number without a
//! unit. Time units (`3 năm`) are durations. Rule ids `quantity/number`,
//! `quantity/list`, `quantity/ratio`.

use super::id;
use super::words::{ends_name_at, is_time_unit, is_title_prefix};
use crate::data::units::Unit;
use crate::record::{Change, Fields, Measure, Quantity};
use crate::select::Candidate;
use crate::text::next_digit;
use crate::tokens::Tokens;

/// The numbers of `s` as byte spans: `[0-9]+(?:[.,][0-9]+)*`, leftmost
/// first and not overlapping, as a regex would find them, scanned by hand:
/// numbers are frequent and each regex match costs a search set-up.
fn numbers(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        i = next_digit(b, i)?;
        let start = i;
        loop {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let more = matches!(b.get(i), Some(b'.' | b','))
                && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !more {
                return Some((start, i));
            }
            i += 1;
        }
    })
}

/// Reads a number written the Vietnamese way: `.` groups thousands, `,`
/// marks decimals; a lone `.` before other than three digits is a decimal.
pub fn parse_number(s: &str) -> Option<f64> {
    let grouped = {
        let (int, _) = s.split_once(',').unwrap_or((s, ""));
        let mut parts = int.split('.');
        let first = parts.next().unwrap_or("");
        int.contains('.') && (1..=3).contains(&first.len()) && parts.all(|p| p.len() == 3)
    };
    let cleaned: std::borrow::Cow<str> = if grouped || s.contains(',') {
        s.replace('.', "").replacen(',', ".", 1).into()
    } else {
        s.into()
    };
    if cleaned.matches('.').count() > 1 || cleaned.contains(',') {
        return None;
    }
    cleaned.parse().ok()
}

/// Change verbs directly before the number, longest first.
const CHANGES: &[(&[&str], Change)] = &[
    (&["bầu", "bổ", "sung"], Change::Add),
    (&["cắt", "giảm"], Change::Decrease),
    (&["bổ", "sung"], Change::Add),
    (&["giảm"], Change::Decrease),
    (&["tăng"], Change::Increase),
    (&["còn"], Change::Remain),
    (&["thêm"], Change::Add),
    (&["đạt"], Change::Reach),
];

/// Words that make the number before them something other than a quantity.
const NOT_BEFORE: &[&str] = &[
    "điều",
    "khoản",
    "điểm",
    "mục",
    "phần",
    "chương",
    "số",
    "thứ",
    "kỳ",
    "khóa",
    "năm",
    "tháng",
    "ngày",
    "quý",
    "lớp",
    "phụ",
    "lục",
    "phiên",
    "lúc",
    "giờ",
    "trang",
    "tập",
    "quyển",
    "đợt",
    "hạng",
    "mã",
    "tổ",
    "phường",
    "quận",
];

/// Nouns whose first syllable is also a function word or verb elsewhere,
/// and counted nouns longer than the two syllables the rule otherwise takes
/// (a noun and a two-syllable noun after it: `tổ công tác`, `sổ tiết kiệm`).
/// Longest first where one opens another.
const COMPOUNDS: &[&[&str]] = &[
    &["giấy", "chứng", "nhận", "quyền", "sử", "dụng", "đất"],
    &["giấy", "chứng", "nhận"],
    &["sổ", "tiết", "kiệm"],
    &["tổ", "công", "tác"],
    &["đoàn", "công", "tác"],
    &["đoàn", "kiểm", "tra"],
    &["đoàn", "giám", "sát"],
    &["hộ", "gia", "đình"],
    &["hộ", "kinh", "doanh"],
    &["xe", "ô", "tô"],
    &["người", "lao", "động"],
    &["cơ", "sở", "giáo", "dục"],
    &["cơ", "sở", "y", "tế"],
    &["đơn", "vị", "sự", "nghiệp"],
    &["tổ", "chức", "cơ", "sở", "đảng"],
    &["tổ", "chức", "đảng"],
    // Court and police news.
    &["hội", "thẩm", "nhân", "dân"],
    &["kiểm", "sát", "viên"],
    &["bị", "cáo"],
    &["bị", "can"],
    &["bị", "hại"],
    &["đối", "tượng"],
    &["thẩm", "phán"],
    &["đại", "biểu"],
    &["tổ", "chức"],
    &["nhiệm", "vụ"],
    &["chỉ", "tiêu"],
    &["chủ", "trương"],
    &["đồng", "chí"],
    &["thành", "viên"],
    &["thành", "phố"],
    &["đề", "án"],
    &["dự", "án"],
    &["báo", "cáo"],
    &["ban", "chỉ"],
    &["đảng", "viên"],
    &["nghị", "quyết"],
    &["quyết", "định"],
    &["chỉ", "thị"],
    &["thông", "tư"],
    &["thông", "báo"],
    &["hội", "nghị"],
    &["đại", "hội"],
    &["cuộc", "họp"],
    &["phiên", "họp"],
    &["lượt", "người"],
];

/// Modifiers that stay with a counted noun (`chi bộ trực thuộc`, `đơn vị
/// hành chính cấp xã`, `nhiệm vụ trọng tâm`).
const MODIFIERS: &[&[&str]] = &[
    &["trực", "thuộc"],
    &["bộ", "phận"],
    &["cơ", "sở"],
    &["hành", "chính"],
    &["trọng", "tâm"],
    &["chính", "thức"],
    &["dự", "khuyết"],
    &["tiêu", "biểu"],
    &["tổng", "quát"],
    &["trọng", "điểm"],
    &["đột", "phá"],
    &["đảng"],
    &["ngang", "bộ"],
];

/// The syllables of a counted noun starting at `k` (one or two): its end.
fn head_noun(t: &Tokens, k: usize) -> Option<usize> {
    if let Some(e) = COMPOUNDS.iter().find_map(|c| t.expect(k, c)) {
        return Some(e);
    }
    // `2 cựu Phó Chánh án`, `3 Phó Chủ tịch`: officials counted by title.
    let mut j = k;
    while t.is_word(j) && is_title_prefix(t.low(j)) {
        j += 1;
    }
    if let Some((e, _)) = crate::lexicon::at(t, crate::lexicon::List::Title, j) {
        return Some(e);
    }
    let plain = |m: usize| {
        t.is_word(m)
            && !t.toks[m].after_newline
            && !t.is_capitalized(m)
            && !ends_name_at(t, m)
            && !matches!(
                t.low(m),
                "ở" | "là"
                    | "nguyên"
                    | "gồm"
                    | "mới"
                    | "so"
                    | "hơn"
                    // Verbs after a counted noun: `5 trường đạt chuẩn`,
                    // `4 xã hoàn thành`, `08 xã không …`.
                    | "đạt"
                    | "hoàn"
                    | "hình"
                    | "không"
                    | "chưa"
                    | "cần"
                    | "phải"
            )
            && !t.text(m).starts_with(|c: char| c.is_ascii_digit())
    };
    // `Công an cấp tỉnh`, `Giấy đề nghị`: a capitalized noun first.
    let first_ok = plain(k) || (t.is_capitalized(k) && !t.is_allcaps(k) && plain(k + 1));
    if !first_ok || is_time_unit(t.low(k)) {
        return None;
    }
    let e = k + 1;
    if plain(e) && MODIFIERS.iter().all(|m| t.expect(e, m).is_none()) && t.low(e) != "cấp" {
        return Some(e + 1);
    }
    Some(e)
}

/// A known unit of measure starting at token `k`: (end token, unit, measure, currency).
fn unit_at(t: &Tokens, k: usize) -> Option<(usize, String, Measure, Option<String>)> {
    if k >= t.len() {
        return None;
    }
    let rest = &t.norm[t.toks[k].start..];
    for Unit {
        name: u,
        measure,
        currency,
        symbol,
    } in t.lists.units.iter()
    {
        let hit = if *symbol {
            rest.starts_with(u.as_str())
        } else {
            t.lower[t.toks[k].start..].starts_with(u.as_str())
        };
        if !hit {
            continue;
        }
        let end_byte = t.toks[k].start + u.len();
        if rest[u.len()..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        // `đồng chí`, `đồng thời`: not the currency.
        if COMPOUNDS.iter().any(|c| t.expect(k, c).is_some())
            || t.expect(k, &["đồng", "thời"]).is_some()
        {
            continue;
        }
        let mut e = t.at_or_after(end_byte);
        let mut unit = rest[..u.len()].to_string();
        // `kWh/năm`
        if t.is_punct(e, '/') && t.glued(e - 1) && t.glued(e) && t.is_word(e + 1) {
            unit = format!("{unit}/{}", t.text(e + 1));
            e += 2;
        }
        return Some((e, unit, *measure, currency.clone()));
    }
    None
}

/// The counted noun phrase at `k`: a head noun and its modifiers.
fn noun_phrase(t: &Tokens, k: usize) -> Option<(usize, String)> {
    if !t.is_word(k)
        || t.toks[k].after_newline
        || t.text(k).starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let mut e = head_noun(t, k)?;
    loop {
        if let Some(m) = MODIFIERS
            .iter()
            .find_map(|m| t.expect(e, m))
            .filter(|_| !t.is_capitalized(e))
        {
            // `thành phố trực thuộc Trung ương` is one term; `đảng bộ trực
            // thuộc Đảng bộ Khối` names the superior body after the unit.
            e = super::organization::central(t, m)
                .filter(|_| t.low(e) == "trực")
                .unwrap_or(m);
        } else if t.is_word(e)
            && t.low(e) == "cấp"
            && t.is_word(e + 1)
            && !t.toks[e + 1].after_newline
        {
            e += 2;
        } else {
            break;
        }
    }
    Some((e, t.norm[t.toks[k].start..t.toks[e - 1].end].to_string()))
}

/// Finds every quantity.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let t = cx.tokens;
    // The change of the previous quantity, for lists under one verb.
    let mut list: Option<(usize, Change)> = None;
    let norm = t.norm;
    // Numbers come in order: the token cursor only moves on.
    let mut i = 0;
    for (ms, me) in numbers(norm) {
        while i < t.len() && t.toks[i].start < ms {
            i += 1;
        }
        if i >= t.len() || t.toks[i].start != ms {
            continue;
        }
        // The number's tokens end where the match ends.
        let mut j = i;
        while j < t.len() && t.toks[j].end <= me {
            j += 1;
        }
        // A number inside a word (`0A`, `X01`) is not one.
        if j == i || t.toks[j - 1].end != me {
            continue;
        }
        // Glued to letters or more digits on the left (`QH15`, `2/IV`).
        if ms > 0
            && norm[..ms].ends_with(|c: char| {
                c.is_alphanumeric() || c == '/' || c == '-' && i > 0 && t.glued(i - 1)
            })
        {
            continue;
        }
        let raw = &norm[ms..me];
        let Some(mut value) = parse_number(raw) else {
            continue;
        };
        // `số 12` is a label, but `dân số 32.500 người`, `tổng số 120 đảng viên` count.
        let counted_total = i > 1
            && t.low(i - 1) == "số"
            && t.is_word(i - 2)
            && matches!(t.low(i - 2), "dân" | "tổng");
        if i > 0 && t.is_word(i - 1) && NOT_BEFORE.contains(&t.low(i - 1)) && !counted_total {
            continue;
        }
        // `1.` opening a line is list numbering; `10:13` a clock time.
        if t.toks[i].after_newline && t.is_punct(j, '.') || t.is_punct(j, ':') && t.glued(j - 1) {
            continue;
        }
        let mut start = i;
        let mut q = Quantity {
            value,
            measure: Measure::Count,
            ..Quantity::default()
        };
        let mut e = j;
        // `hai (2) phụ lục`: the word number opens the span.
        if i >= 2
            && t.is_punct(i - 1, '(')
            && t.is_punct(j, ')')
            && t.is_word(i - 2)
            && super::numerals::word_number(t.low(i - 2)).is_some_and(|w| w == value)
        {
            start = i - 2;
            e = j + 1;
        }
        // Ratio `38/64`.
        if t.is_punct(e, '/') && t.glued(e - 1) && t.glued(e) && t.is_word(e + 1) {
            let Some(den) = parse_number(t.text(e + 1)) else {
                continue;
            };
            if den < value || den == 0.0 {
                continue;
            }
            q.denominator = Some(den);
            q.measure = Measure::Ratio;
            e += 2;
        }
        // Range `8,5 - 9%`.
        if q.denominator.is_none() && t.is_punct(e, '-') && t.is_word(e + 1) {
            if let Some(hi) = parse_number(t.text(e + 1)).filter(|hi| *hi > value) {
                if t.is_punct(e + 2, '%') || t.is_word(e + 2) {
                    q.value_max = Some(hi);
                    e += 2;
                }
            }
        }
        // Range `từ 5 đến 7 biên chế`.
        let from = i > 0 && t.is_word(i - 1) && t.low(i - 1) == "từ";
        if from && q.value_max.is_none() && t.is_word(e) && matches!(t.low(e), "đến" | "tới") {
            let hi = t
                .is_word(e + 1)
                .then(|| parse_number(t.text(e + 1)))
                .flatten();
            if let Some(hi) = hi.filter(|hi| *hi > value && q.denominator.is_none()) {
                q.value_max = Some(hi);
                e += 2;
            }
        }
        // Scale words.
        if t.is_word(e) {
            let scale = match t.low(e) {
                "nghìn" | "ngàn" => 1e3,
                "triệu" => 1e6,
                "tỷ" | "tỉ" => 1e9,
                _ => 1.0,
            };
            if scale > 1.0 {
                value *= scale;
                e += 1;
                if t.is_word(e) && matches!(t.low(e), "tỷ" | "tỉ") {
                    value *= 1e9;
                    e += 1;
                }
                q.value = value;
                q.value_max = q.value_max.map(|v| v * scale);
            }
        }
        // The unit.
        if t.is_punct(e, '%') {
            q.unit = "%".into();
            q.measure = Measure::Percent;
            e += 1;
        } else if let Some((ue, unit, measure, currency)) =
            unit_at(t, e).filter(|_| !t.toks[e].after_newline)
        {
            q.unit = unit;
            if q.denominator.is_none() {
                q.measure = measure;
            }
            q.currency = currency;
            e = ue;
        } else if let Some((ue, unit)) = noun_phrase(t, e) {
            q.unit = unit;
            e = ue;
        } else if i > 0 && t.is_word(i - 1) && t.low(i - 1) == "tuổi" {
            // `tuổi 63`
            start = i - 1;
            q.unit = "tuổi".into();
            q.measure = Measure::Amount;
        } else {
            list = None;
            continue;
        }
        // The verb that governs the number, or the list it continues.
        let mut rule = id::QUANTITY_NUMBER;
        let mut verb_start = start;
        let mut k = start;
        // `từ 5 đến 7 biên chế`, `đạt từ 8%`: `từ` opens the range or the
        // bound, after the verb.
        let tu = k > 0 && t.is_word(k - 1) && t.low(k - 1) == "từ";
        // (`giảm từ 17 chi cục … còn 7`: after another verb, `từ` opens the
        // value before the change, which the verb does not govern.)
        let dat_tu = k >= 2 && t.is_word(k - 2) && t.low(k - 2) == "đạt";
        if tu && (q.value_max.is_some() || dat_tu) {
            k -= 1;
        }
        if k < start {
            verb_start = k;
        }
        // `giảm khoảng 60%`: the verb governs the number over an
        // approximation word, which stays out of the span.
        let approx_word = |m: usize| {
            m > 0 && t.is_word(m - 1) && matches!(t.low(m - 1), "khoảng" | "hơn" | "gần" | "chừng")
        };
        let over = if k == start && approx_word(k) { 1 } else { 0 };
        for (words, change) in CHANGES {
            let at = k - over;
            if at >= words.len() && t.expect(at - words.len(), words).is_some() {
                q.change = Some(*change);
                if over == 0 {
                    verb_start = k - words.len();
                }
                break;
            }
        }
        if q.change.is_none() {
            if let Some((prev_end, change)) = &list {
                // `còn 7 chi cục và 1 tổ chức`: a list goes on after `,` or `và`.
                let joined = start >= 1
                    && (t.is_punct(start - 1, ',')
                        || (t.is_word(start - 1) && t.low(start - 1) == "và"));
                if joined && *prev_end == start - 1 {
                    q.change = Some(*change);
                    rule = id::QUANTITY_LIST;
                }
            }
        }
        if start > 0
            && t.is_word(start - 1)
            && matches!(
                t.low(start - 1),
                "hơn" | "gần" | "khoảng" | "trên" | "dưới" | "tới" | "chừng"
            )
        {
            q.approx = true;
        }
        if q.denominator.is_some() {
            rule = id::QUANTITY_RATIO;
        }
        list = q.change.map(|c| (e, c));
        out.push(Candidate {
            start: t.toks[verb_start].start,
            end: t.toks[e - 1].end,
            fields: Fields::Quantity(Box::new(q)),
            rule,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::parse_number;
    use crate::record::{Fields, Quantity};
    use proptest::prelude::*;

    #[test]
    fn counted_nouns_of_three_and_more_syllables() {
        let got = crate::found(
            "Thu giữ 20 giấy chứng nhận quyền sử dụng đất, 5 sổ tiết kiệm; lập 5 tổ công tác và 3 đoàn kiểm tra; 5 tổ chức tham gia.",
            |f| match f {
                crate::record::Fields::Quantity(q) => Some(q.unit),
                _ => None,
            },
        );
        let units: Vec<&str> = got.iter().map(|(_, u)| u.as_str()).collect();
        assert_eq!(
            units,
            [
                "giấy chứng nhận quyền sử dụng đất",
                "sổ tiết kiệm",
                "tổ công tác",
                "đoàn kiểm tra",
                "tổ chức"
            ]
        );
    }

    #[test]
    fn has_digit_sees_every_digit_in_every_lane_and_nothing_else() {
        for filler in [b'a', b'/', b':', 0x80, 0xFF, 0] {
            for lane in 0..8 {
                for v in 0..=255u8 {
                    let mut w = [filler; 8];
                    w[lane] = v;
                    let got = crate::text::has_digit(u64::from_le_bytes(w));
                    assert_eq!(
                        got,
                        v.is_ascii_digit(),
                        "byte {v:#x} lane {lane} among {filler:#x}"
                    );
                }
            }
        }
    }

    proptest! {
        /// The hand scan finds what the regex it replaces finds.
        #[test]
        fn numbers_are_the_regex_matches(s in "[0-9.,a /đ-]{0,40}") {
            let re = regex::Regex::new(r"[0-9]+(?:[.,][0-9]+)*").expect("regex");
            let want: Vec<(usize, usize)> = re.find_iter(&s).map(|m| (m.start(), m.end())).collect();
            prop_assert_eq!(super::numbers(&s).collect::<Vec<_>>(), want);
        }
    }

    fn quantities(input: &str) -> Vec<(String, Quantity)> {
        crate::found(input, |f| match f {
            Fields::Quantity(q) => Some(*q),
            _ => None,
        })
    }

    #[test]
    fn a_count_at_the_very_end() {
        // The noun phrase runs to the last token: nothing may look past it.
        let got = quantities("tại 38/64 đảng bộ trực thuộc");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "38/64 đảng bộ trực thuộc");
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1.234.567"), Some(1234567.0));
        assert_eq!(parse_number("3,5"), Some(3.5));
        assert_eq!(parse_number("21.576,5"), Some(21576.5));
        assert_eq!(parse_number("4.5"), Some(4.5));
        assert_eq!(parse_number("4.505"), Some(4505.0));
        assert_eq!(parse_number("1.2.3"), None);
    }

    #[test]
    fn changes_lists_and_ratios() {
        let q = quantities("sắp xếp lại còn 21 phòng, giảm 6 phòng. Đã giảm 26 chi bộ trực thuộc, 1 đảng bộ bộ phận, 7 chi bộ cơ sở.");
        let got: Vec<(&str, f64, &str, Option<&str>)> = q
            .iter()
            .map(|(t, q)| {
                (
                    t.as_str(),
                    q.value,
                    q.unit.as_str(),
                    q.change.map(crate::record::Change::as_str),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("còn 21 phòng", 21.0, "phòng", Some("remain")),
                ("giảm 6 phòng", 6.0, "phòng", Some("decrease")),
                (
                    "giảm 26 chi bộ trực thuộc",
                    26.0,
                    "chi bộ trực thuộc",
                    Some("decrease")
                ),
                (
                    "1 đảng bộ bộ phận",
                    1.0,
                    "đảng bộ bộ phận",
                    Some("decrease")
                ),
                ("7 chi bộ cơ sở", 7.0, "chi bộ cơ sở", Some("decrease")),
            ]
        );
        let q = quantities("tại 38/64 đảng bộ trực thuộc Đảng bộ Khối");
        assert_eq!(
            (q[0].1.value, q[0].1.denominator, q[0].1.measure.as_str()),
            (38.0, Some(64.0), "ratio")
        );
        let q = quantities("bố trí từ 5 đến 7 biên chế, tăng từ 10 đến 15%");
        let got: Vec<(&str, f64, Option<f64>)> = q
            .iter()
            .map(|(t, q)| (t.as_str(), q.value, q.value_max))
            .collect();
        assert_eq!(
            got,
            [
                ("từ 5 đến 7 biên chế", 5.0, Some(7.0)),
                ("tăng từ 10 đến 15%", 10.0, Some(15.0))
            ]
        );
        let q = quantities("có 6 thành phố trực thuộc Trung ương và 28 tỉnh");
        assert_eq!(q[0].1.unit, "thành phố trực thuộc Trung ương");
        let q = quantities("dân số 32.500 người, tổng số 120 đảng viên, Văn bản số 12");
        let got: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(got, ["32.500 người", "120 đảng viên"]);
        let q = quantities("còn 3 cơ quan ngang bộ, giảm 5 bộ so với trước");
        let got: Vec<&str> = q.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(got, ["còn 3 cơ quan ngang bộ", "giảm 5 bộ"]);
    }

    #[test]
    fn changes_over_words_and_lists_with_va() {
        let q = quantities("giảm từ 17 chi cục còn 7 chi cục và 1 tổ chức hành chính, giảm khoảng 60% đầu mối; tăng trưởng đạt từ 8% trở lên");
        let got: Vec<(&str, Option<&str>)> = q
            .iter()
            .map(|(t, q)| (t.as_str(), q.change.map(crate::record::Change::as_str)))
            .collect();
        assert_eq!(
            got,
            [
                ("17 chi cục", None),
                ("còn 7 chi cục", Some("remain")),
                ("1 tổ chức hành chính", Some("remain")),
                ("60%", Some("decrease")),
                ("đạt từ 8%", Some("reach")),
            ]
        );
    }

    #[test]
    fn formats_money_percent() {
        let q = quantities("hỗ trợ 1,5 tỷ đồng, tăng 3,5%, đạt từ 8,5 - 9%, hơn 3,153 triệu người, hai (2) phụ lục");
        assert_eq!(
            (
                q[0].1.value,
                q[0].1.currency.as_deref(),
                q[0].1.measure.as_str()
            ),
            (1.5e9, Some("VND"), "money")
        );
        assert_eq!((q[1].0.as_str(), q[1].1.value), ("tăng 3,5%", 3.5));
        assert_eq!(
            (q[2].0.as_str(), q[2].1.value_max),
            ("đạt từ 8,5 - 9%", Some(9.0))
        );
        assert_eq!((q[3].1.value, q[3].1.approx), (3_153_000.0, true));
        assert_eq!((q[4].0.as_str(), q[4].1.value), ("hai (2) phụ lục", 2.0));
    }

    #[test]
    fn refusals() {
        let q = quantities("Điều 5, khoản 1, lần thứ 17, ngày 30/6, lúc 10:13, Chỉ thị 05-CT/TW, 3 năm, khóa XII\n1. Nội dung");
        assert!(q.is_empty(), "{q:?}");
    }
}
