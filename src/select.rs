//! One conflict policy for every candidate, whatever rule produced it.
//!
//! Candidates of the same kind never overlap in the output, and neither do
//! the time kinds (`date`, `period`, `duration`) among themselves. When two
//! conflict, the longer wins, then the kind with the higher priority, then the
//! leftmost. Candidates of kinds that conflict with nothing else nest freely.

use crate::record::{Fields, Kind};

/// A match in the normalized text, before selection and offset mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte span in the normalized view.
    pub start: usize,
    pub end: usize,
    pub fields: Fields,
    /// Stable rule id, reported with the record.
    pub rule: &'static str,
}

impl Candidate {
    pub fn kind(&self) -> Kind {
        self.fields.kind()
    }

    /// Takes the candidate, found in a text that joins several, to the
    /// text at `lo..hi` of it: its spans, those in its fields too, move
    /// back by `lo`. False (nothing moved) when a span is not inside.
    pub fn shift_back(&mut self, lo: usize, hi: usize) -> bool {
        let inside = |s: usize, e: usize| lo <= s && s <= e && e <= hi;
        let organ = match &mut self.fields {
            Fields::Event(ev) => ev.organ_span.as_mut(),
            _ => None,
        };
        if !inside(self.start, self.end) || organ.as_ref().is_some_and(|o| !inside(o.0, o.1)) {
            return false;
        }
        if let Some(o) = organ {
            *o = (o.0 - lo, o.1 - lo);
        }
        self.start -= lo;
        self.end -= lo;
        true
    }
}

/// Kinds that compete for the same text share a group.
fn group(kind: Kind) -> Kind {
    if kind.is_time() {
        Kind::Date
    } else {
        kind
    }
}

/// Higher wins between equally long candidates of one group: a user's rule
/// over a built-in one, then periods, dates, durations.
fn priority(c: &Candidate) -> u8 {
    let kind = match c.kind() {
        Kind::Period => 3,
        Kind::Date => 2,
        Kind::Duration => 1,
        _ => 0,
    };
    kind | u8::from(crate::rules::id::is_user(c.rule)) << 2
}

/// Keeps the winners of every conflict, sorted by start, longer first.
pub fn select(candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Decide on small keys; candidates are large and move once, at the end.
    let mut order: Vec<(usize, u8, usize, usize, Kind)> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.end > c.start)
        .map(|(i, c)| (c.end - c.start, priority(c), c.start, i, c.kind()))
        .collect();
    order.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    // Per group: the bytes its accepted spans cover, one bit each. Spans of
    // a group never overlap, so a candidate conflicts exactly when one of
    // its bytes is taken.
    let mut taken: [Vec<u64>; Kind::ALL.len()] = Default::default();
    let words = order.iter().map(|o| o.0 + o.2).max().unwrap_or(0) / 64 + 1;
    let mut keep = vec![false; candidates.len()];
    for &(len, _, start, i, kind) in &order {
        let bits = &mut taken[group(kind) as usize];
        if bits.is_empty() {
            bits.resize(words, 0);
        }
        if any_set(bits, start, start + len) {
            continue;
        }
        set_range(bits, start, start + len);
        keep[i] = true;
    }
    let kept: Vec<usize> = (0..candidates.len()).filter(|&i| keep[i]).collect();
    let kept = unblocked(&candidates, kept);
    in_span_order(candidates, kept, |c| (c.start, c.end))
}

/// Sorts by start, longer first, keeping the order of equal spans (a stable
/// sort).
pub fn sort_by_span<T>(items: &mut Vec<T>, span: impl Fn(&T) -> (usize, usize)) {
    let key = |x: &T| {
        let (s, e) = span(x);
        (s, std::cmp::Reverse(e))
    };
    if !items.is_sorted_by_key(key) {
        let all = (0..items.len()).collect();
        *items = in_span_order(std::mem::take(items), all, span);
    }
}

/// The items at `chosen`, by start, longer first, then by index. Records are
/// large: the order is found on small keys and each item moves once, where
/// a merge sort would move it on every pass.
fn in_span_order<T>(
    items: Vec<T>,
    chosen: Vec<usize>,
    span: impl Fn(&T) -> (usize, usize),
) -> Vec<T> {
    let mut order: Vec<_> = chosen
        .into_iter()
        .map(|i| {
            let (s, e) = span(&items[i]);
            (s, std::cmp::Reverse(e), i)
        })
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(_, _, i)| slots[i].take())
        .collect()
}

/// Kinds whose records may not overlap a record of `kind`: numbers that
/// belong to a document reference (`30/2020/NĐ-CP`, the year of `Luật Điện
/// lực 2024`) are its fields; a place or a name inside an organization's name
/// (`UBND tỉnh Bình Định`, `Đoàn TNCS Hồ Chí Minh`) is part of it.
fn blocked_by(kind: Kind) -> &'static [Kind] {
    match kind {
        Kind::Date | Kind::Period | Kind::Duration => &[Kind::DocumentRef],
        Kind::Quantity => &[
            Kind::DocumentRef,
            Kind::Date,
            Kind::Period,
            Kind::Duration,
            Kind::Event,
        ],
        // Names inside a document reference (`1234/QĐ-UBND`, `Luật Tổ chức
        // Chính phủ`) belong to it.
        Kind::Organization => &[Kind::DocumentRef],
        Kind::Location => &[Kind::Organization, Kind::DocumentRef],
        Kind::Person => &[Kind::Organization, Kind::Location, Kind::DocumentRef],
        Kind::Event => &[Kind::DocumentRef, Kind::Period],
        _ => &[],
    }
}

/// The candidates of `kept` that no candidate of a blocking kind overlaps.
fn unblocked(candidates: &[Candidate], mut kept: Vec<usize>) -> Vec<usize> {
    // The kept spans by kind, then start: one vector, one sort.
    let mut spans: Vec<(Kind, usize, usize)> = kept
        .iter()
        .map(|&i| (candidates[i].kind(), candidates[i].start, candidates[i].end))
        .collect();
    spans.sort_unstable();
    // Where each kind's spans are.
    let mut of_kind = [(0, 0); Kind::ALL.len()];
    for k in Kind::ALL {
        let from = spans.partition_point(|s| s.0 < k);
        of_kind[k as usize] = (from, from + spans[from..].partition_point(|s| s.0 <= k));
    }
    kept.retain(|&i| {
        let c = &candidates[i];
        blocked_by(c.kind()).iter().all(|&k| {
            let (from, to) = of_kind[k as usize];
            let v = &spans[from..to];
            // Spans of one kind never overlap, so only the last one starting
            // before `c` ends can reach it.
            let i = v.partition_point(|&(_, s, _)| s < c.end);
            v[..i].last().is_none_or(|&(_, _, e)| e <= c.start)
        })
    });
    kept
}

/// Whether any bit of `start..end` is set.
fn any_set(bits: &[u64], start: usize, end: usize) -> bool {
    let (first, last) = (start / 64, (end - 1) / 64);
    (first..=last).any(|w| bits[w] & range_mask(w, start, end) != 0)
}

/// Sets the bits of `start..end`.
fn set_range(bits: &mut [u64], start: usize, end: usize) {
    let (first, last) = (start / 64, (end - 1) / 64);
    for (w, bits) in bits.iter_mut().enumerate().take(last + 1).skip(first) {
        *bits |= range_mask(w, start, end);
    }
}

/// The bits of word `w` that fall in `start..end` (non-empty).
fn range_mask(w: usize, start: usize, end: usize) -> u64 {
    let lo = start.max(w * 64) - w * 64;
    let hi = end.min(w * 64 + 64) - w * 64;
    (u64::MAX >> (64 - (hi - lo))) << lo
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(start: usize, end: usize) -> Candidate {
        Candidate {
            start,
            end,
            fields: Fields::DocumentRef(Box::default()),
            rule: "test",
        }
    }

    #[test]
    fn longest_then_leftmost() {
        let got = select(vec![doc(0, 5), doc(3, 10), doc(8, 12), doc(20, 22)]);
        let spans: Vec<_> = got.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, vec![(3, 10), (20, 22)]);
        let tie = select(vec![doc(4, 8), doc(2, 6)]);
        assert_eq!((tie[0].start, tie[0].end), (2, 6));
        assert_eq!(tie.len(), 1);
    }

    #[test]
    fn codes_block_time_kinds() {
        use crate::record::{Date, Ymd};
        let code = doc(0, 13);
        let date = Candidate {
            start: 0,
            end: 7,
            fields: Fields::Date(Box::new(Date::new(Ymd::new(Some(2020), Some(1), Some(30))))),
            rule: "test",
        };
        let got = select(vec![code, date.clone()]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].kind(), Kind::DocumentRef);
        assert_eq!(select(vec![date]).len(), 1);
    }

    #[test]
    fn adjacent_spans_both_stay() {
        assert_eq!(select(vec![doc(0, 4), doc(4, 8)]).len(), 2);
    }
}
