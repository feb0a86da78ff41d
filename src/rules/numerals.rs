//! Numbers written in words and Roman numerals, shared by the rules.

/// Value of a Roman numeral in either case (`XIII`, `xiii` → 13).
pub fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let val = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1i64),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let vals: Vec<i64> = s.chars().map(val).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, v) in vals.iter().enumerate() {
        if vals.get(i + 1).is_some_and(|n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

/// An upper-case Roman numeral (`XIII`); lower-case words such as `vi` in
/// `vi phạm` are words, not numbers.
pub fn roman_upper(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_uppercase()) {
        roman(s)
    } else {
        None
    }
}

/// A number written in Arabic or upper-case Roman numerals (`17`, `XIII`).
pub fn numeral(word: &str) -> Option<u32> {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        word.parse().ok()
    } else {
        roman_upper(word)
    }
}

/// Small numbers written as words (lower case): `năm` → 5, `nửa` → 0.5.
pub fn word_number(w: &str) -> Option<f64> {
    Some(match w {
        "nửa" => 0.5,
        "một" => 1.0,
        "hai" => 2.0,
        "ba" => 3.0,
        "bốn" | "tư" => 4.0,
        "năm" => 5.0,
        "sáu" => 6.0,
        "bảy" => 7.0,
        "tám" => 8.0,
        "chín" => 9.0,
        "mười" => 10.0,
        _ => return None,
    })
}

/// Days in `month` of `year`; February has 29 when the year is unknown.
pub fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(roman("XIII"), Some(13));
        assert_eq!(roman("xiv"), Some(14));
        assert_eq!(roman("IX"), Some(9));
        assert_eq!(roman("ABC"), None);
        assert_eq!(roman_upper("vi"), None);
        assert_eq!(numeral("XII"), Some(12));
        assert_eq!(numeral("17"), Some(17));
        assert_eq!(word_number("năm"), Some(5.0));
        assert_eq!(days_in_month(Some(2023), 2), 28);
        assert_eq!(days_in_month(Some(2024), 2), 29);
        assert_eq!(days_in_month(None, 2), 29);
        assert_eq!(days_in_month(None, 13), 0);
    }
}
