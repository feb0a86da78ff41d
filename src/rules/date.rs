//! `date`: calendar dates at the precision written. Matching runs on the
//! lower-case view; years missing from an expression are filled in later
//! from the document (`context::resolve_years`).
//!
//! Rules (ids reported in `rule`):
//! - `date/text`: `ngày 30 tháng 7 năm 2019`, `ngày 05 tháng 02 năm 2024`,
//!   `NGÀY 01 THÁNG 7 NĂM 1991`, `ngày 30 tháng 7`;
//! - `date/numeric`: `ngày 30/7/2019`, `30-6-2019`, `30.4.2025`, and without a
//!   year `22.4`, `23-10`, `Ngày 30/7` when `ngày`, a time of day (`sáng`,
//!   `chiều`) or a preposition (`từ`, `trước`) introduces them, or they open a line;
//! - `date/month`: `tháng 7/2019`, `tháng 7 năm 2019`, `tháng 7`;
//! - `date/year`: `năm 2019`, and a bare `2019` not followed by a counted noun.
//!
//! Refused: `38/64 đảng bộ` (no 38th day), `1/3 số đại biểu` (no introducing
//! word), `31/02`, numbers inside codes (`30/2020/NĐ-CP`), clock times (`10:13`).

use std::sync::LazyLock;

use regex::Regex;

use super::id;
use super::numerals::days_in_month;
use super::words::is_counted_noun;
use crate::record::{Date, Fields, Ymd};
use crate::select::Candidate;
use crate::text::next_digit;

static TEXTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9]{1,2}[ ]+tháng[ ]+[0-9]{1,2}(?:[ ]*,?[ ]*năm[ ]+[0-9]{4})?")
        .expect("date regex compiles")
});

/// Numeric dates, `[0-9]{1,2}[/.-][0-9]{1,2}(?:[/.-][0-9]{4})?`, leftmost
/// first and not overlapping, as that regex finds them; scanned by hand,
/// since digits are frequent and every regex match costs a search set-up.
/// A run of digits can open a match only with its last one or two digits
/// (a longer run leaves a digit where the separator must stand), and all
/// of those share what follows the run.
fn numeric_dates(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let digits_from = |i: usize| {
        b.get(i..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let sep = |i: usize| matches!(b.get(i), Some(b'/' | b'.' | b'-'));
    let mut at = 0;
    std::iter::from_fn(move || loop {
        at = next_digit(b, at)?;
        let run_end = at + digits_from(at);
        let start = at.max(run_end.saturating_sub(2));
        at = run_end;
        let second = digits_from(run_end + 1).min(2);
        if !sep(run_end) || second == 0 {
            continue;
        }
        let mut end = run_end + 1 + second;
        if sep(end) && digits_from(end + 1) >= 4 {
            end += 5;
        }
        at = end;
        return Some((start, end));
    })
}

/// Years, `(?:19|20)[0-9]{2}`, as that regex finds them (by hand, like
/// [`numeric_dates`]).
fn years(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        at = next_digit(b, at)?;
        if !matches!(b[at], b'1' | b'2') {
            at += 1;
            continue;
        }
        let four = b.get(at..at + 4)?;
        if matches!(four[..2], [b'1', b'9'] | [b'2', b'0'])
            && four[2..].iter().all(u8::is_ascii_digit)
        {
            at += 4;
            return Some((at - 4, at));
        }
        at += 1;
    })
}

static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"tháng[ ]+[0-9]{1,2}(?:[ ]*(?:/|-|năm)[ ]*[0-9]{4})?").expect("date regex compiles")
});

/// Words that introduce a day-month date written without a year.
const INTRODUCERS: &[&str] = &[
    "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "khuya", "hôm", "từ", "đến", "tới", "trước",
    "sau", "vào", "hạn", "lúc", "đầu", "cuối", "giữa", "qua", "nay",
];

/// Finds every date in `text`.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let text = cx.text;
    let low = text.lower();
    // The regexes start at a digit (fast to scan for); a `ngày`/`năm`
    // before the match joins the span here.
    // The numbers are the match's digit runs, read from its text: cheaper
    // than capture groups, and most matches fail a check first.
    for m in TEXTUAL.find_iter(low) {
        let [day, month, year] = digit_runs(m.as_str());
        let ngay = word_before(low, m.start(), "ngày");
        let has_ngay = ngay.is_some();
        let start = ngay.unwrap_or(m.start());
        let year = year.and_then(|y| y.parse().ok());
        if !has_ngay && year.is_none() {
            continue;
        }
        if !clear_before(low, start) || !clear_after(low, m.end()) {
            continue;
        }
        push(
            out,
            start,
            m.end(),
            year,
            num(month),
            num(day),
            id::DATE_TEXT,
        );
    }
    for (ms, me) in numeric_dates(low) {
        if !clear_before(low, ms) || !clear_after(low, me) {
            continue;
        }
        // `d<sep>m` and maybe `<sep>yyyy`: the separators stand after the
        // first and the second run of digits.
        let s = &low[ms..me];
        let [day, month, year] = digit_runs(s);
        let (day, month) = (day.unwrap_or(""), month.unwrap_or(""));
        let sep1 = s.as_bytes()[day.len()];
        let year = match year {
            Some(y) if s.as_bytes()[day.len() + 1 + month.len()] == sep1 => y.parse().ok(),
            Some(_) => continue,
            None => None,
        };
        let ngay = word_before(low, ms, "ngày");
        if year.is_none() && ngay.is_none() && !introduced(low, ms) {
            continue;
        }
        push(
            out,
            ngay.unwrap_or(ms),
            me,
            year,
            num(Some(month)),
            num(Some(day)),
            id::DATE_NUMERIC,
        );
    }
    for m in MONTH.find_iter(low) {
        if !clear_before(low, m.start()) || !clear_after(low, m.end()) {
            continue;
        }
        // `6 tháng` counts months; `tháng 7` names one.
        if preceded_by_number(low, m.start()) {
            continue;
        }
        let [month, year, _] = digit_runs(m.as_str());
        let year = year.and_then(|y| y.parse().ok());
        push(
            out,
            m.start(),
            m.end(),
            year,
            num(month),
            None,
            id::DATE_MONTH,
        );
    }
    // The whole match is the year: no groups to capture.
    for (ms, me) in years(low) {
        if !clear_before(low, ms) || !clear_after(low, me) {
            continue;
        }
        let nam = word_before(low, ms, "năm");
        // `số 2000 hồ sơ`, `khoảng 2000 người`: a count, not a year.
        let counted_before = ["số", "khoảng", "hơn", "gần", "tổng"]
            .iter()
            .any(|w| word_before(low, ms, w).is_some());
        if nam.is_none()
            && (counted_after(low, me) || preceded_by_number(low, ms) || counted_before)
        {
            continue;
        }
        push(
            out,
            nam.unwrap_or(ms),
            me,
            low[ms..me].parse().ok(),
            None,
            None,
            id::DATE_YEAR,
        );
    }
}

fn num(digits: Option<&str>) -> Option<u32> {
    digits.and_then(|d| d.parse().ok())
}

/// The first three runs of ASCII digits in `s`, in order.
fn digit_runs(s: &str) -> [Option<&str>; 3] {
    let mut runs = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty());
    [runs.next(), runs.next(), runs.next()]
}

/// Start of `word` when it stands right before `pos` (spaces between), as a
/// whole word.
pub fn word_before(low: &str, pos: usize, word: &str) -> Option<usize> {
    let before = low[..pos].trim_end_matches(' ');
    if before.len() == pos {
        return None;
    }
    let start = before.strip_suffix(word).map(str::len)?;
    crate::text::boundary_before(low, start).then_some(start)
}

/// Checks the calendar and adds the candidate.
pub fn push(
    out: &mut Vec<Candidate>,
    start: usize,
    end: usize,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    rule: &'static str,
) {
    if let Some(ymd) = valid(year, month, day) {
        out.push(Candidate {
            start,
            end,
            fields: Fields::Date(Box::new(Date::new(ymd))),
            rule,
        });
    }
}

/// A real calendar value, or `None` (`31/02`, month 13, year 1066).
pub fn valid(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Option<Ymd> {
    if let Some(y) = year {
        if !(1800..=2100).contains(&y) {
            return None;
        }
    }
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return None;
        }
        if let Some(d) = day {
            if d == 0 || d > days_in_month(year, m) {
                return None;
            }
        }
    } else if day.is_some() {
        return None;
    }
    Some(Ymd::new(year, month, day))
}

/// No digit, letter or number separator glued on the left.
pub fn clear_before(s: &str, pos: usize) -> bool {
    let mut back = s[..pos].chars().rev();
    match back.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('/' | '.' | '-' | ',') => !back.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        Some(_) => true,
    }
}

/// No digit or letter glued on the right, and no separator that goes on
/// into more digits (`30/2020/…`, `4.5`).
pub fn clear_after(s: &str, pos: usize) -> bool {
    let mut it = s[pos..].chars();
    match it.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('/' | '.' | '-' | ',' | ':') => !it.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        Some('%') => false,
        Some(_) => true,
    }
}

/// The word before `pos` introduces a date, or `pos` opens a line.
fn introduced(low: &str, pos: usize) -> bool {
    let before = low[..pos].trim_end_matches([' ', '(', ',']);
    if before.is_empty() || before.ends_with('\n') {
        return true;
    }
    let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    INTRODUCERS.contains(&&before[word_start..])
}

/// `6 tháng`, `1.500 2019`: a number stands right before `pos`.
fn preceded_by_number(low: &str, pos: usize) -> bool {
    low[..pos]
        .trim_end_matches(' ')
        .ends_with(|c: char| c.is_ascii_digit())
}

/// A counted noun follows (`2025 người`).
fn counted_after(low: &str, pos: usize) -> bool {
    let rest = low[pos..].trim_start_matches(' ');
    if rest.len() == low[pos..].len() {
        return rest.starts_with('%');
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '%')
        .collect();
    is_counted_noun(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The hand scans find what the regexes they replace find.
        #[test]
        fn scans_are_the_regex_matches(s in "[0-9/.,a -]{0,40}", y in "[0-9a ]{0,24}") {
            let spans = |re: &str, s: &str| -> Vec<(usize, usize)> {
                let re = Regex::new(re).expect("regex");
                re.find_iter(s).map(|m| (m.start(), m.end())).collect()
            };
            let want = spans(r"[0-9]{1,2}[/.-][0-9]{1,2}(?:[/.-][0-9]{4})?", &s);
            prop_assert_eq!(numeric_dates(&s).collect::<Vec<_>>(), want);
            let want = spans(r"(?:19|20)[0-9]{2}", &y);
            prop_assert_eq!(years(&y).collect::<Vec<_>>(), want);
        }
    }

    fn dates(input: &str) -> Vec<(String, String)> {
        crate::found(input, |f| match f {
            Fields::Date(d) => Some(d.value),
            _ => None,
        })
    }

    fn pair(t: &str, v: &str) -> (String, String) {
        (t.to_string(), v.to_string())
    }

    #[test]
    fn forms() {
        assert_eq!(
            dates("Hà Nội, ngày 05 tháng 02 năm 2024"),
            vec![pair("ngày 05 tháng 02 năm 2024", "2024-02-05")]
        );
        assert_eq!(
            dates("TRƯỚC NGÀY 01 THÁNG 7 NĂM 1991"),
            vec![pair("NGÀY 01 THÁNG 7 NĂM 1991", "1991-07-01")]
        );
        assert_eq!(
            dates("kể từ ngày 30/7/2019."),
            vec![pair("ngày 30/7/2019", "2019-07-30")]
        );
        assert_eq!(
            dates("đến 30-6-2019 và 30.4.2025"),
            vec![
                pair("30-6-2019", "2019-06-30"),
                pair("30.4.2025", "2025-04-30")
            ]
        );
        assert_eq!(
            dates("tháng 7/2019, tháng 7 năm 2019"),
            vec![
                pair("tháng 7/2019", "2019-07"),
                pair("tháng 7 năm 2019", "2019-07")
            ]
        );
        assert_eq!(
            dates("trong năm 2019 và SN 1978"),
            vec![pair("năm 2019", "2019"), pair("1978", "1978")]
        );
        assert_eq!(
            dates("Thứ Ba, 29/09/2015, 10:13"),
            vec![pair("29/09/2015", "2015-09-29")]
        );
    }

    #[test]
    fn refusals() {
        assert!(dates("38/64 đảng bộ và 1/3 số đại biểu").is_empty());
        assert!(dates("ngày 31/02 không có").is_empty());
        assert!(dates("theo Nghị định 30/2020/NĐ-CP và Chỉ thị 05-CT/TW").is_empty());
        assert!(dates("lúc 10:13, 6 tháng, 2025 người, 4.5 GW").is_empty());
    }
}
