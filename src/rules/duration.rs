//! `duration`: lengths of time (`3 năm`, `18 tháng`, `nửa năm`, `năm năm`,
//! `kỷ niệm 50 năm`). Rule id `duration/count`.
//!
//! A number with a time unit that belongs to a date or a period is not a
//! duration: `6 tháng đầu năm` is a period and `ngày 30 tháng 7` a date
//! (the longer candidate wins in selection). Clock times (`11 giờ 47 phút`,
//! `lúc 8 giờ`) are refused here.

use std::sync::LazyLock;

use regex::Regex;

use super::date::{clear_after, clear_before};
use super::id;
use super::numerals::word_number;
use super::words::{time_unit, DURATION_UNITS};
use crate::record::{Duration, Fields, TimeUnit};
use crate::select::Candidate;
use crate::tokens::key;

/// Digits and a time unit; counts written as words are found on the tokens.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let units: Vec<&str> = DURATION_UNITS.iter().map(|(u, _)| *u).collect();
    Regex::new(&format!(
        r"[0-9]{{1,4}}(?:,[0-9]+)?[ ]+(?:{})",
        units.join("|")
    ))
    .expect("duration regex compiles")
});

/// The duration units' token keys, for the count words read on tokens.
const UNIT_KEYS: [u64; DURATION_UNITS.len()] = {
    let mut keys = [0; DURATION_UNITS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = key(DURATION_UNITS[i].0);
        i += 1;
    }
    keys
};

/// Finds every duration in `text`.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let (text, tokens) = (cx.text, cx.tokens);
    let low = text.lower();
    // The number runs to the first space, the unit follows the spaces: read
    // from the match, which costs less than capturing groups.
    let counts: Vec<(usize, usize, &str, &str)> = COUNT
        .find_iter(low)
        .map(|m| {
            let (n, rest) = m.as_str().split_once(' ').expect("a space in the match");
            (m.start(), m.end(), n, rest.trim_start_matches(' '))
        })
        .collect();
    let mut i = 0;
    while i < counts.len() {
        let chain = compound_len(low, &counts[i..]);
        if chain > 1 {
            compound(low, &counts[i..i + chain], out);
        } else {
            let (start, end, n, unit) = counts[i];
            consider(low, start, end, n, unit, out);
        }
        i += chain;
    }
    // `năm năm`, `nửa năm`, `ba tháng`.
    for i in 1..tokens.len() {
        // A capitalized unit starts a name (`50 năm Ngày giải phóng`); a
        // number before the count word makes it the unit (`50 năm`).
        let unit_ok =
            tokens.is_word(i) && UNIT_KEYS.contains(&tokens.key(i)) && !tokens.is_capitalized(i);
        if unit_ok
            && tokens.is_word(i - 1)
            && !(i >= 2 && tokens.text(i - 2).starts_with(|c: char| c.is_ascii_digit()))
        {
            let n = tokens.low(i - 1);
            if word_number(n).is_some() && !tokens.toks[i].after_newline {
                consider(
                    low,
                    tokens.toks[i - 1].start,
                    tokens.toks[i].end,
                    n,
                    tokens.low(i),
                    out,
                );
            }
        }
    }
}

/// How many counts from the first make one length (`2 năm 9 tháng 20
/// ngày`): each right after the last, in a smaller unit.
fn compound_len(low: &str, counts: &[(usize, usize, &str, &str)]) -> usize {
    let rank = |u: &str| DURATION_UNITS.iter().position(|(w, _)| *w == u);
    let mut n = 1;
    while n < counts.len() {
        let (prev, next) = (counts[n - 1], counts[n]);
        let adjacent = low[prev.1..next.0].bytes().all(|b| b == b' ') && next.0 > prev.1;
        if !adjacent || rank(next.3) <= rank(prev.3) {
            break;
        }
        n += 1;
    }
    n
}

/// A length written in several units: one duration, its `iso` holding
/// every part; `value` and `unit` are the whole in the smallest unit when
/// that is exact (`5 năm 6 tháng`: 66 months), else the first part's.
fn compound(low: &str, parts: &[(usize, usize, &str, &str)], out: &mut Vec<Candidate>) {
    let (start, end) = (parts[0].0, parts[parts.len() - 1].1);
    if !clear_before(low, start) || !clear_after(low, end) {
        return;
    }
    let mut read = Vec::with_capacity(parts.len());
    for &(_, _, n, unit) in parts {
        let (Ok(v), Some(u)) = (n.replace(',', ".").parse::<f64>(), time_unit(unit)) else {
            return;
        };
        read.push((v, u));
    }
    out.push(Candidate {
        start,
        end,
        fields: Fields::Duration(Box::new(Duration::compound(&read))),
        rule: id::DURATION_COUNT,
    });
}

/// Checks a count and unit found at `start..end` and adds the duration.
fn consider(low: &str, start: usize, end: usize, n: &str, unit: &str, out: &mut Vec<Candidate>) {
    if !clear_before(low, start) || !clear_after(low, end) {
        return;
    }
    let value = match n.replace(',', ".").parse::<f64>() {
        Ok(v) => v,
        Err(_) => match word_number(n) {
            Some(v) => v,
            None => return,
        },
    };
    let Some(unit) = time_unit(unit) else {
        return;
    };
    let rest = low[end..].trim_start_matches(' ');
    let before = low[..start].trim_end_matches(' ');
    // `11 giờ 47`, `lúc 8 giờ`: clock times. `năm 2019`, `tháng 7`: dates.
    // But `10 năm 2021 - 2030` counts years over the range after it
    // (not `tháng 5 năm 2021`).
    if rest.starts_with(|ch: char| ch.is_ascii_digit())
        && !(unit == TimeUnit::Year && !before.ends_with("tháng") && years_range(rest))
    {
        return;
    }
    if unit == TimeUnit::Hour && before.ends_with("lúc") {
        return;
    }
    // `lần thứ ba năm`, `thứ năm`: ordinals and weekdays.
    if before.ends_with("thứ") {
        return;
    }
    let (value, unit) = if value == 0.5 && unit == TimeUnit::Year {
        (6.0, TimeUnit::Month)
    } else {
        (value, unit)
    };
    if value <= 0.0 {
        return;
    }
    out.push(Candidate {
        start,
        end,
        fields: Fields::Duration(Box::new(Duration::new(value, unit))),
        rule: id::DURATION_COUNT,
    });
}

/// `2021 - 2030`, `2021-2030` at the start of `s`.
fn years_range(s: &str) -> bool {
    let b = s.as_bytes();
    let year = |k: usize| b.len() >= k + 4 && b[k..k + 4].iter().all(u8::is_ascii_digit);
    if !year(0) {
        return false;
    }
    let rest = s[4..].trim_start_matches(' ');
    let Some(rest) = rest.strip_prefix('-') else {
        return false;
    };
    year(s.len() - rest.trim_start_matches(' ').len())
}

#[cfg(test)]
mod tests {
    use crate::record::{Fields, TimeUnit};

    fn durations(input: &str) -> Vec<(String, String)> {
        crate::found(input, |f| match f {
            Fields::Duration(d) => Some(d.iso),
            _ => None,
        })
    }

    #[test]
    fn forms_and_refusals() {
        let d =
            durations("đánh giá 3 năm thực hiện, trong thời hạn năm năm, nửa năm trước, 18 tháng");
        let got: Vec<(&str, &str)> = d.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("3 năm", "P3Y"),
                ("năm năm", "P5Y"),
                ("nửa năm", "P6M"),
                ("18 tháng", "P18M")
            ]
        );
        assert!(durations(
            "6 tháng đầu năm, ngày 30 tháng 7 năm 2019, lúc 11 giờ 47 phút, tháng 7"
        )
        .is_empty());
    }

    #[test]
    fn years_counted_over_the_range_after_them() {
        let got: Vec<String> =
            crate::extract("Chiến lược 10 năm 2021 - 2030; ngày 10 tháng 5 năm 2021 - 2022")
                .into_iter()
                .map(|r| format!("{}:{}", r.kind().as_str(), r.text))
                .collect();
        assert_eq!(
            got,
            [
                "duration:10 năm",
                "period:2021 - 2030",
                "period:ngày 10 tháng 5 năm 2021 - 2022"
            ]
        );
    }

    #[test]
    fn a_length_in_several_units_is_one_duration() {
        let d = durations(
            "phạt 2 năm 9 tháng 20 ngày tù, bị cáo B 5 năm 6 tháng tù; ngày 16 tháng 10 năm 2025",
        );
        let got: Vec<(&str, &str)> = d.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("2 năm 9 tháng 20 ngày", "P2Y9M20D"),
                ("5 năm 6 tháng", "P5Y6M")
            ]
        );
        let five =
            crate::record::Duration::compound(&[(5.0, TimeUnit::Year), (6.0, TimeUnit::Month)]);
        assert_eq!((five.value, five.unit), (66.0, TimeUnit::Month));
    }
}
