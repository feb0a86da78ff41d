//! Words shared by the rules that read names word by word.

use crate::record::{EventType, TimeUnit};
use crate::tokens::{KeyFilter, Tokens};

/// Function words that end any name (`của`, `về`, `ngày`, `theo`, `trong`…);
/// each rule adds the verbs and nouns that end its own names.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "của"
            | "về"
            | "ngày"
            | "được"
            | "đã"
            | "đang"
            | "sẽ"
            | "có"
            | "là"
            | "thì"
            | "mà"
            | "này"
            | "đó"
            | "theo"
            | "tại"
            | "trong"
            | "cho"
            | "với"
            | "để"
            | "do"
            | "bởi"
            | "khi"
            | "từ"
            | "đến"
            | "trên"
            | "sau"
            | "trước"
            | "cũng"
            | "còn"
            | "nhằm"
            | "gồm"
            | "như"
            | "thuộc"
            | "hiện"
    )
}

/// Verbs and nouns that end any name read word by word, organizations' and
/// documents' alike.
fn ends_any_name(w: &str) -> bool {
    is_function_word(w)
        || matches!(
            w,
            "những"
                | "ban"
                | "thực"
                | "triển"
                | "chỉ"
                | "thông"
                | "tiếp"
                | "ký"
                | "lần"
                | "khóa"
                | "nhiệm"
                | "tháng"
                | "và"
                | "hoặc"
                | "các"
                | "mới"
                | "nay"
                | "ra"
                | "vào"
                | "nên"
                | "qua"
                | "hướng"
        )
}

/// Words that end the name of a body, a title or a counted unit: the verbs
/// of reporting and meeting (`phát biểu`, `chủ trì`, `dự`), times of day and
/// event nouns.
pub fn ends_name(w: &str) -> bool {
    ends_any_name(w)
        || matches!(
            w,
            "tổ" | "phối"
                | "báo"
                | "đề"
                | "yêu"
                | "giao"
                | "họp"
                | "làm"
                | "trao"
                | "quyết"
                | "xem"
                | "lãnh"
                | "phát"
                | "chủ"
                | "dự"
                | "tham"
                | "gặp"
                | "nhận"
                | "tiến"
                | "khẳng"
                | "nhấn"
                | "đánh"
                | "bàn"
                | "thảo"
                | "nêu"
                | "đưa"
                | "vừa"
                | "năm"
                | "số"
                | "cấp"
                | "trực"
                | "cũ"
                | "tới"
                | "hội"
                | "kỳ"
                | "phiên"
                | "đại"
                | "lúc"
                | "sáng"
                | "chiều"
                | "tối"
                | "vì"
                | "rằng"
                | "đi"
                | "bị"
                | "thay"
                | "xứng"
                | "kỷ"
                | "nhân"
                | "dịp"
        )
}

/// Whether the word at `k` ends a name. A syllable that starts a verb
/// only with its partner (`triển khai`, `thực hiện`, `thông qua`, `tiếp
/// tục`) is part of a noun otherwise: `Phát triển nông thôn`, `Bảo vệ thực
/// vật`, `Giao thông vận tải`, `Tiếp công dân`.
pub fn ends_name_at(t: &Tokens, k: usize) -> bool {
    let w = t.low(k);
    let partners: &[&str] = match w {
        "triển" => &["khai"],
        // `tổ chức` the verb; `tổ công tác` a noun.
        "tổ" => &["chức"],
        "thực" => &["hiện", "thi", "sự", "tế", "chất", "hành", "trạng"],
        "thông" => &["qua", "báo", "tin", "cáo", "tư", "suốt"],
        "tiếp" => &["tục", "nhận", "thu", "đón", "xúc", "cận", "theo", "đến"],
        _ => return ends_name(w),
    };
    t.is_word(k + 1) && partners.contains(&t.low(k + 1))
}

/// Words that end the name of a document (`Luật Đất đai`, `Nghị quyết về …`):
/// the modal and legal-structure words that follow a cited name.
pub fn ends_document_name(w: &str) -> bool {
    ends_any_name(w)
        || matches!(
            w,
            "kia"
                | "nếu"
                | "hay"
                | "dưới"
                | "vẫn"
                | "lại"
                | "phải"
                | "cần"
                | "đều"
                | "chưa"
                | "không"
                | "mọi"
                | "điều"
                | "khoản"
                | "sửa"
                | "giai"
                | "đối"
                | "tổng"
        )
}

/// Units of a span of time, with the unit a duration takes.
pub const DURATION_UNITS: [(&str, TimeUnit); 5] = [
    ("năm", TimeUnit::Year),
    ("tháng", TimeUnit::Month),
    ("tuần", TimeUnit::Week),
    ("ngày", TimeUnit::Day),
    ("giờ", TimeUnit::Hour),
];

/// Every time unit: a number before one is a duration or a date, not a count.
pub fn is_time_unit(w: &str) -> bool {
    DURATION_UNITS.iter().any(|(u, _)| *u == w) || matches!(w, "phút" | "giây" | "quý")
}

/// The duration unit a word names.
pub fn time_unit(w: &str) -> Option<TimeUnit> {
    DURATION_UNITS
        .iter()
        .find(|(u, _)| *u == w)
        .map(|&(_, t)| t)
}

/// Nouns a number counts (`2025 người`, `5 lần`, `3 tỷ đồng`): with one after
/// it, a four-digit number is not a year and a number is not a document's.
pub fn is_counted_noun(w: &str) -> bool {
    matches!(
        w,
        "người"
            | "đồng"
            | "tỷ"
            | "tỉ"
            | "triệu"
            | "nghìn"
            | "ngàn"
            | "ha"
            | "km"
            | "m"
            | "kg"
            | "tấn"
            | "hộ"
            | "đảng"
            | "cán"
            | "học"
            | "lượt"
            | "lần"
            | "điểm"
            | "trường"
            | "xã"
            | "căn"
            | "usd"
            | "vnđ"
            | "%"
    )
}

/// The event nouns and the event type each starts: `Hội nghị`, `Đại hội`,
/// `Kỳ họp`, `Phiên họp`, `cuộc họp`.
pub const EVENT_NOUNS: &[(&[&str], EventType)] = &[
    (&["hội", "nghị"], EventType::Conference),
    (&["đại", "hội"], EventType::Congress),
    (&["kỳ", "họp"], EventType::Session),
    (&["phiên", "họp"], EventType::Meeting),
    (&["cuộc", "họp"], EventType::Meeting),
];

/// The event noun at token `i`: (end token, event type).
#[inline]
pub fn event_noun(t: &Tokens, i: usize) -> Option<(usize, EventType)> {
    const FIRST: KeyFilter = KeyFilter::new(&["hội", "đại", "kỳ", "phiên", "cuộc"]);
    if !FIRST.may_hold(t.key(i)) {
        return None;
    }
    event_noun_words(t, i)
}

/// The table lookup behind [`event_noun`]'s cheap first-word test.
fn event_noun_words(t: &Tokens, i: usize) -> Option<(usize, EventType)> {
    if !t.is_word(i) {
        return None;
    }
    EVENT_NOUNS
        .iter()
        .find_map(|(words, kind)| t.expect(i, words).map(|e| (e, *kind)))
}

/// Words before a title that keep it the same office: `Phó`, `nguyên`,
/// `Quyền`, `cựu`.
pub fn is_title_prefix(w: &str) -> bool {
    matches!(w, "phó" | "nguyên" | "quyền" | "cựu")
}
