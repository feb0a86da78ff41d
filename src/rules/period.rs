//! `period`: stretches of time with inclusive bounds.
//!
//! Rules (ids reported in `rule`; `period/term` ranges do not lend their
//! years to other dates, the others do):
//! - `period/months`: `6 tháng đầu năm`, `6 tháng cuối năm 2019`, `Những tháng cuối năm 2019`;
//! - `period/part_of_year`: `cuối năm 2024`, `đầu năm`, `nửa đầu năm 2025`;
//! - `period/quarter`: `quý I/2024`, `quý 4 năm 2018`, `Quý I`;
//! - `period/term`: `nhiệm kỳ 2015-2020`, `giai đoạn 2021 - 2025`, `2016-2021`;
//! - `period/congress`: `nhiệm kỳ Đại hội XII`, `nhiệm kỳ khóa XII`;
//! - `period/days`: `từ ngày 25-27/9`, `ngày 24 và 25/1`, `ngày 13 đến 15/10/2015`;
//! - `period/range`: two dates joined by `-`/`đến`: `từ ngày 1/7 đến ngày 31/12/2019`,
//!   `30.4.1975 - 30.4.2025`.

use std::sync::LazyLock;

use regex::Regex;

use super::date::{clear_after, clear_before, valid, word_before};
use super::id;
use super::numerals::{days_in_month, roman, word_number};
use crate::record::{Fields, Kind, Period, Ymd};
use crate::select::Candidate;
use crate::text::Text;

static MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"tháng[ ]+(đầu|cuối)[ ]+năm(?:[ ]+([0-9]{4})|[ ]+nay)?")
        .expect("period regex compiles")
});

/// `9 tháng năm 2024`: the first months of a year, year written.
static MONTHS_OF_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{1,2})[ ]+tháng[ ]+năm[ ]+([0-9]{4})").expect("period regex compiles")
});

static PART_OF_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(đầu|cuối)[ ]+năm(?:[ ]+([0-9]{4})|[ ]+nay)?").expect("period regex compiles")
});

/// `cuối tháng 11/2025`, `đầu tháng 9`: the end or the start of a month.
static PART_OF_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(đầu|cuối)[ ]+tháng[ ]+([0-9]{1,2})(?:[ ]*[/.-][ ]*([0-9]{4})|[ ]+năm[ ]+([0-9]{4}))?",
    )
    .expect("period regex compiles")
});

static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"quý[ ]+(iv|i{1,3}|[1-4])(?:[ ]*[/-][ ]*([0-9]{4})|[ ]+năm[ ]+([0-9]{4}))?")
        .expect("period regex compiles")
});

static TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})[ ]*-(?:[ ]*\n)?[ ]*((?:19|20)[0-9]{2})")
        .expect("period regex compiles")
});

static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"nhiệm kỳ[ ]+(?:(đại hội)|khóa)[ ]+([ivxl]+)").expect("period regex compiles")
});

static DAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]{1,2})[ ]*(?:-|đến|tới|và)[ ]*(?:ngày[ ]+)?([0-9]{1,2})([/.-])([0-9]{1,2})(?:[/.-]([0-9]{4}))?",
    )
    .expect("period regex compiles")
});

/// What joins the two dates of a range.
static RANGE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ ]*(?:-|đến|tới)[ ]*").expect("period regex compiles"));

/// Finds every period; the dates found before it join ranges.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let dates: Vec<Candidate> = out
        .iter()
        .filter(|c| c.kind() == Kind::Date)
        .cloned()
        .collect();
    scan(cx.text, &dates, out);
}

fn scan(text: &Text, dates: &[Candidate], out: &mut Vec<Candidate>) {
    let low = text.lower();
    let ok = |s: usize, e: usize| clear_before(low, s) && clear_after(low, e);
    // The regexes start at a keyword or a digit; the count or keyword
    // before it (`6 tháng`, `nhiệm kỳ 2020-2025`, `từ ngày`) is read here.
    for c in MONTHS.captures_iter(low) {
        let m = c.get(0).expect("match");
        let Some((start, count)) = count_before(low, m.start()) else {
            continue;
        };
        if !ok(start, m.end()) {
            continue;
        }
        let year = year_of(c.get(2));
        let first = c.get(1).expect("position").as_str() == "đầu";
        let n = count.and_then(|n| n.parse::<f64>().ok().or_else(|| word_number(n)));
        let (from, to) = match n {
            Some(n) => {
                let months = if n == 0.5 { 6 } else { n as u32 };
                if !(1..=12).contains(&months) {
                    continue;
                }
                if first {
                    (Some(ymd(year, 1, 1)), Some(end_of(year, months)))
                } else {
                    (Some(ymd(year, 13 - months, 1)), Some(end_of(year, 12)))
                }
            }
            None if first => (Some(ymd(year, 1, 1)), None),
            None => (None, Some(end_of(year, 12))),
        };
        push(
            out,
            start,
            m.end(),
            Period::new(from, to),
            id::PERIOD_MONTHS,
        );
    }
    for c in MONTHS_OF_YEAR.captures_iter(low) {
        let m = c.get(0).expect("match");
        let months: u32 = c[1].parse().unwrap_or(0);
        if !ok(m.start(), m.end()) || !(1..=11).contains(&months) {
            continue;
        }
        let year = year_of(c.get(2));
        let p = Period::new(Some(ymd(year, 1, 1)), Some(end_of(year, months)));
        push(out, m.start(), m.end(), p, id::PERIOD_MONTHS);
    }
    for c in PART_OF_YEAR.captures_iter(low) {
        let m = c.get(0).expect("match");
        if !ok(m.start(), m.end()) {
            continue;
        }
        let year = year_of(c.get(2));
        let nua = word_before(low, m.start(), "nửa");
        let half = nua.is_some();
        // A bare `cuối năm`, `đầu năm` (`dịp cuối năm và đầu năm mới`) is
        // a season of any year, not a period.
        if !half && c.get(2).is_none() && !m.as_str().ends_with("nay") {
            continue;
        }
        let first = &c[1] == "đầu";
        let (from, to) = match (half, first) {
            (true, true) => (Some(ymd(year, 1, 1)), Some(end_of(year, 6))),
            (true, false) => (Some(ymd(year, 7, 1)), Some(end_of(year, 12))),
            (false, true) => (Some(ymd(year, 1, 1)), None),
            (false, false) => (None, Some(end_of(year, 12))),
        };
        push(
            out,
            nua.unwrap_or(m.start()),
            m.end(),
            Period::new(from, to),
            id::PERIOD_PART_OF_YEAR,
        );
    }
    for c in PART_OF_MONTH.captures_iter(low) {
        let m = c.get(0).expect("match");
        if !ok(m.start(), m.end()) {
            continue;
        }
        let month: u32 = c[2].parse().unwrap_or(0);
        if !(1..=12).contains(&month) {
            continue;
        }
        let year = year_of(c.get(3).or(c.get(4)));
        let (from, to) = if &c[1] == "đầu" {
            (Some(ymd(year, month, 1)), None)
        } else {
            (None, Some(end_of(year, month)))
        };
        push(
            out,
            m.start(),
            m.end(),
            Period::new(from, to),
            id::PERIOD_PART_OF_MONTH,
        );
    }
    for c in QUARTER.captures_iter(low) {
        let m = c.get(0).expect("match");
        if !ok(m.start(), m.end()) {
            continue;
        }
        let q = c[1]
            .parse()
            .ok()
            .or_else(|| roman(&c[1]))
            .filter(|q| (1..=4).contains(q));
        let Some(q) = q else { continue };
        let year = year_of(c.get(2).or(c.get(3)));
        let p = Period::new(Some(ymd(year, 3 * q - 2, 1)), Some(end_of(year, 3 * q)));
        push(out, m.start(), m.end(), p, id::PERIOD_QUARTER);
    }
    for c in TERM.captures_iter(low) {
        let m = c.get(0).expect("match");
        if !ok(m.start(), m.end()) {
            continue;
        }
        let (a, b): (i32, i32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        // Up to a centenary (`1930-2030`); a wider range is not one period.
        if b <= a || b - a > 100 {
            continue;
        }
        let p = Period::new(
            Some(Ymd::new(Some(a), None, None)),
            Some(Ymd::new(Some(b), None, None)),
        );
        let start = ["nhiệm kỳ", "giai đoạn", "thời kỳ", "niên khóa", "năm"]
            .iter()
            .find_map(|w| word_before(low, m.start(), w))
            .filter(|&s| !counted_year(low, s))
            .unwrap_or(m.start());
        push(out, start, m.end(), p, id::PERIOD_TERM);
    }
    for c in CONGRESS.captures_iter(low) {
        let m = c.get(0).expect("match");
        if !ok(m.start(), m.end()) {
            continue;
        }
        let Some(n) = roman(&c[2]) else { continue };
        let mut p = Period::default();
        if c.get(1).is_some() {
            p.congress = Some(n);
        } else {
            p.term = Some(n);
        }
        push(out, m.start(), m.end(), p, id::PERIOD_CONGRESS);
    }
    for c in DAYS.captures_iter(low) {
        let m = c.get(0).expect("match");
        // `ngày 13 đến 15/10`, `từ ngày 25-27/9`, `từ 1 đến 10/12`.
        let ngay = word_before(low, m.start(), "ngày");
        let tu = word_before(low, ngay.unwrap_or(m.start()), "từ");
        let Some(start) = tu.or(ngay) else { continue };
        if !ok(start, m.end()) {
            continue;
        }
        let (d1, d2, month): (u32, u32, u32) = (
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[4].parse().unwrap_or(0),
        );
        let year = year_of(c.get(5));
        let (Some(a), Some(b)) = (
            valid(year, Some(month), Some(d1)),
            valid(year, Some(month), Some(d2)),
        ) else {
            continue;
        };
        if d1 >= d2 {
            continue;
        }
        push(
            out,
            start,
            m.end(),
            Period::new(Some(a), Some(b)),
            id::PERIOD_DAYS,
        );
    }
    ranges(low, dates, out);
}

/// Two dates of one precision joined by `-`, `đến` or `tới`, with an
/// optional `từ` before: `từ ngày 1/7 đến ngày 31/12/2019`,
/// `từ tháng 7 đến tháng 12/2025`, `từ năm 2020 đến năm 2025`.
fn ranges(low: &str, dates: &[Candidate], out: &mut Vec<Candidate>) {
    let mut by_start: Vec<(usize, usize, Ymd)> = dates
        .iter()
        .filter_map(|c| match &c.fields {
            Fields::Date(d) => Some((c.start, c.end, d.ymd)),
            _ => None,
        })
        .collect();
    by_start.sort_by_key(|d| d.0);
    for &(s, e, a) in &by_start {
        // Only the next few bytes: a search over the rest of the text per date
        // would make the pass quadratic.
        let Some(j) = RANGE_JOIN.find(&low[e..low.floor_char_boundary(e + 24)]) else {
            continue;
        };
        let next = e + j.end();
        let Ok(k) = by_start.binary_search_by_key(&next, |d| d.0) else {
            continue;
        };
        let (_, e2, b) = by_start[k];
        // `từ năm 2022 đến tháng 9/2024`: grains may differ when both
        // years are written.
        let both_years = a.year.is_some() && b.year.is_some() && a.year < b.year;
        if (a.grain() != b.grain() && !both_years) || (a.month.is_none() && a.year.is_none()) {
            continue;
        }
        let mut a = a;
        if a.year.is_none() {
            a.year = b.year;
        }
        if a.year.is_some() && b.year.is_some() && a >= b {
            continue;
        }
        let start = low[..s].strip_suffix("từ ").map_or(s, |_| s - "từ ".len());
        let start = if counted_year(low, start) {
            start + "năm ".len()
        } else {
            start
        };
        push(
            out,
            start,
            e2,
            Period::new(Some(a), Some(b)),
            id::PERIOD_RANGE,
        );
    }
}

/// `10 năm 2021 - 2030`: the `năm` at `pos` is the unit of the count
/// before it, so a range of years starts after it.
fn counted_year(low: &str, pos: usize) -> bool {
    low[pos..].starts_with("năm ")
        && low[..pos]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
}

/// The count before `tháng` at `pos`: digits, `nửa`, `ba`, `sáu`, `chín`
/// (`Some(count)`), or `những`/`các`/`mấy` (`None`); with the start of the span.
fn count_before(low: &str, pos: usize) -> Option<(usize, Option<&str>)> {
    let before = low[..pos].trim_end_matches(' ');
    if before.len() == pos {
        return None;
    }
    let start = before
        .rfind(|c: char| !crate::text::is_word_char(c))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[start..];
    match word {
        "những" | "các" | "mấy" => Some((start, None)),
        "nửa" | "ba" | "sáu" | "chín" => Some((start, Some(word))),
        w if !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) => {
            Some((start, Some(word)))
        }
        _ => None,
    }
}

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, p: Period, rule: &'static str) {
    out.push(Candidate {
        start,
        end,
        fields: Fields::Period(Box::new(p)),
        rule,
    });
}

fn year_of(m: Option<regex::Match>) -> Option<i32> {
    m.and_then(|m| m.as_str().parse().ok())
}

fn ymd(year: Option<i32>, month: u32, day: u32) -> Ymd {
    Ymd::new(year, Some(month), Some(day))
}

/// The last day of `month`.
fn end_of(year: Option<i32>, month: u32) -> Ymd {
    Ymd::new(year, Some(month), Some(days_in_month(year, month)))
}

#[cfg(test)]
mod tests {
    use crate::record::Fields;

    fn periods(input: &str) -> Vec<(String, Option<String>, Option<String>)> {
        crate::found(input, |f| match f {
            Fields::Period(p) => Some((p.from, p.to)),
            _ => None,
        })
        .into_iter()
        .map(|(text, (from, to))| (text, from, to))
        .collect()
    }

    fn p(t: &str, f: Option<&str>, to: Option<&str>) -> (String, Option<String>, Option<String>) {
        (t.to_string(), f.map(String::from), to.map(String::from))
    }

    #[test]
    fn parts_of_months_mixed_ranges_and_bare_seasons() {
        assert_eq!(
            periods("Cuối tháng 11/2025, từ năm 2022 đến tháng 9/2024, trong quý IV-2025"),
            vec![
                p("Cuối tháng 11/2025", None, Some("2025-11-30")),
                p(
                    "từ năm 2022 đến tháng 9/2024",
                    Some("2022"),
                    Some("2024-09")
                ),
                p("quý IV-2025", Some("2025-10-01"), Some("2025-12-31")),
            ]
        );
        assert!(periods("nhất là dịp cuối năm và đầu năm mới").is_empty());
        // A hard line break after the dash of a term (crawled headings).
        assert_eq!(
            periods("GIAI ĐOẠN 2021 -\n2025 TRÊN ĐỊA BÀN"),
            vec![p("GIAI ĐOẠN 2021 -\n2025", Some("2021"), Some("2025"))]
        );
        // A centenary is one period; a wider range is not.
        assert_eq!(
            periods("100 năm (1930-2030); mã 1900-2020"),
            vec![p("1930-2030", Some("1930"), Some("2030"))]
        );
    }

    #[test]
    fn forms() {
        assert_eq!(
            periods("sơ kết 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2019"),
            vec![
                p("6 tháng đầu năm", Some("2019-01-01"), Some("2019-06-30")),
                p(
                    "6 tháng cuối năm 2019",
                    Some("2019-07-01"),
                    Some("2019-12-31")
                )
            ]
        );
        assert_eq!(
            periods("Cuối năm 2024, tỉnh"),
            vec![p("Cuối năm 2024", None, Some("2024-12-31"))]
        );
        assert_eq!(
            periods("quý I/2024 và quý 4 năm 2018"),
            vec![
                p("quý I/2024", Some("2024-01-01"), Some("2024-03-31")),
                p("quý 4 năm 2018", Some("2018-10-01"), Some("2018-12-31"))
            ]
        );
        assert_eq!(
            periods("nhiệm kỳ 2020 - 2025"),
            vec![p("nhiệm kỳ 2020 - 2025", Some("2020"), Some("2025"))]
        );
        assert_eq!(
            periods("từ ngày 1/7 đến ngày 31/12/2019"),
            vec![p(
                "từ ngày 1/7 đến ngày 31/12/2019",
                Some("2019-07-01"),
                Some("2019-12-31")
            )]
        );
        assert_eq!(
            periods("Từ ngày 25-27/9, Ủy ban"),
            vec![p("Từ ngày 25-27/9", Some("--09-25"), Some("--09-27"))]
        );
        assert_eq!(
            periods("(30.4.1975 - 30.4.2025)"),
            vec![p(
                "30.4.1975 - 30.4.2025",
                Some("1975-04-30"),
                Some("2025-04-30")
            )]
        );
    }
}
