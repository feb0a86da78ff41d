//! Document-level resolution after selection: what one mention tells about
//! another in the same document.

use crate::data::admin::AdminUnit;
use crate::data::Lists;
use crate::gazetteer::FastMap;
use crate::record::{EventType, Fields, PlaceCategory, Ymd};
use crate::select::Candidate;

/// Fills `refers_to` of short references (`Chỉ thị 05`) from a full code of
/// the same type and number elsewhere in the document (the nearest one
/// before it, else the first after), and the `doc_type` of bare codes from a
/// typed mention of the same code.
pub fn resolve(candidates: &mut [Candidate]) {
    // Full codes by (type, number without leading zeros), in text order.
    let mut full: FastMap<(String, String), Vec<(usize, String)>> = FastMap::default();
    let mut typed_codes: FastMap<String, String> = FastMap::default();
    for c in candidates.iter() {
        let Fields::DocumentRef(f) = &c.fields else {
            continue;
        };
        let (Some(code), Some(number)) = (&f.code, &f.number) else {
            continue;
        };
        let doc_type = f.doc_type.clone().unwrap_or_default();
        full.entry((doc_type.clone(), number.trim_start_matches('0').to_string()))
            .or_default()
            .push((c.start, code.clone()));
        if f.type_written && !doc_type.is_empty() {
            typed_codes.entry(code.clone()).or_insert(doc_type);
        }
    }
    for c in candidates.iter_mut() {
        let Fields::DocumentRef(f) = &mut c.fields else {
            continue;
        };
        match (&f.code, &f.number, &f.doc_type) {
            (None, Some(number), Some(doc_type)) => {
                let key = (doc_type.clone(), number.trim_start_matches('0').to_string());
                if let Some(list) = full.get(&key) {
                    // The nearest one before, else the first after.
                    let i = list.partition_point(|(s, _)| *s < c.start);
                    let pick = if i > 0 { &list[i - 1] } else { &list[0] };
                    f.refers_to = Some(pick.1.clone());
                }
            }
            // A bare code takes the type word written with the same code
            // elsewhere (`Quy định số 08-QĐ/TW` makes `08-QĐ/TW` a Quy định).
            (Some(code), _, _) if !f.type_written => {
                if let Some(t) = typed_codes.get(code) {
                    f.doc_type = Some(t.clone());
                }
            }
            _ => {}
        }
    }
}

/// Gives short organization names the full name the document establishes:
/// - a bare head (`Đảng ủy`, `UBKT`) takes the name of the nearest earlier
///   mention with the same head (`Đảng ủy UBND tỉnh`); unresolved, it is dropped;
/// - `Đảng ủy Khối`, `Đảng bộ Khối` take the completion of `Khối` that the
///   document writes in full (`Khối các cơ quan Trung ương`);
/// - a bare place word (`UBND tỉnh`, `Đảng bộ thành phố`) or committee
///   (`Tỉnh ủy`, `Ban Thường vụ Thành ủy`) takes the province or city the
///   document names most often.
pub fn resolve_organizations(candidates: &mut Vec<Candidate>, lists: &Lists, norm: &str) {
    let main_place = main_places(candidates);
    let places = PlaceMentions::new(candidates);
    let org_spans: Vec<(usize, usize)> = candidates
        .iter()
        .filter(|c| matches!(c.fields, Fields::Organization(_)))
        .map(|c| (c.start, c.end))
        .collect();
    let khoi = khoi_completion(candidates, &lists.khoi_suffixes);
    // The latest full mention of each head, as an index: few heads per
    // document, so a short list.
    let mut last_by_head: Vec<(String, usize)> = Vec::new();
    let mut keep = vec![true; candidates.len()];
    // The name and category of the latest full mention with head `h`.
    let prior_of = |candidates: &[Candidate], last: &[(String, usize)], h: &String| {
        last.iter()
            .find(|(seen, _)| seen == h)
            .and_then(|&(_, p)| match &candidates[p].fields {
                Fields::Organization(full) => Some((full.name.clone(), full.category)),
                _ => None,
            })
    };
    for k in 0..candidates.len() {
        let Fields::Organization(o) = &candidates[k].fields else {
            continue;
        };
        if o.bare {
            let prior = o
                .head
                .as_ref()
                .filter(|_| o.resolvable)
                .and_then(|h| prior_of(candidates, &last_by_head, h));
            let Fields::Organization(o) = &mut candidates[k].fields else {
                continue;
            };
            match prior {
                Some((name, category)) => {
                    o.name = name;
                    o.category = category.or(o.category.take());
                    o.bare = false;
                }
                None => keep[k] = false,
            }
            continue;
        }
        // `TM. ỦY BAN NHÂN DÂN` under a header of `Ủy ban nhân dân tỉnh
        // Quảng Ninh`: a head that names a body alone is the body the
        // document last named in full with it.
        // (`Tỉnh ủy`, `Thành ủy` take the document's main place below.)
        // A head alone is the body last named in full with it; a name the
        // document wrote longer before (`Ban Thường vụ Đảng ủy` after `Ban
        // Thường vụ Đảng ủy xã Ia Grai`) or a part of such a body
        // (`Thường trực HĐND` after `HĐND tỉnh Gia Lai`) is that body.
        let placed = main_place
            .iter()
            .any(|(word, _, _)| o.name.ends_with(*word));
        let prior = o.head.as_ref().filter(|_| !placed).and_then(|h| {
            // Longer by a name or a place (`xã An Nghĩa`), not by a word
            // of another name (`Tạp chí Cộng sản điện tử`).
            let longer = |name: &str| {
                name.strip_prefix(o.name.as_str())
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|rest| {
                        rest.starts_with(char::is_uppercase)
                            || PLACE_WORDS
                                .iter()
                                .any(|w| rest.strip_prefix(w).is_some_and(|r| r.starts_with(' ')))
                    })
            };
            if let Some((name, category)) = prior_of(candidates, &last_by_head, h) {
                if o.name == *h || longer(&name) {
                    return Some((name, category));
                }
            }
            let rest = o.name.strip_prefix(h.as_str())?.strip_prefix(' ')?;
            let (name, category) = prior_of(candidates, &last_by_head, &rest.to_string())?;
            name.strip_prefix(rest)?
                .starts_with(' ')
                .then(|| (format!("{h} {name}"), category))
        });
        let (start, end) = (candidates[k].start, candidates[k].end);
        let Fields::Organization(o) = &mut candidates[k].fields else {
            continue;
        };
        if let Some((name, _)) = prior {
            o.name = name;
        }
        if let Some(done) = &khoi {
            if o.name.ends_with(" Khối") {
                o.name = format!("{} {done}", o.name);
            }
        }
        for (word, full, place) in &main_place {
            if let Some(stem) = o.name.strip_suffix(*word) {
                if stem.is_empty() || stem.ends_with(' ') {
                    let cat = if word.starts_with(['t', 'T']) && word.contains("ỉnh") {
                        "province"
                    } else {
                        "city"
                    };
                    let place = places
                        .place_for(cat, start, end, norm, &org_spans)
                        .unwrap_or(place);
                    o.name = format!("{stem}{full} {place}");
                    break;
                }
            }
        }
        if let Some(h) = &o.head {
            match last_by_head.iter_mut().find(|(seen, _)| seen == h) {
                Some(last) => last.1 = k,
                None => last_by_head.push((h.clone(), k)),
            }
        }
    }
    let mut k = 0;
    candidates.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// What follows the first `pat` in `s`. For the short names searched here a
/// plain scan beats `str::split_once`, which prepares a searcher per call.
fn after<'s>(s: &'s str, pat: &str) -> Option<&'s str> {
    let (h, p) = (s.as_bytes(), pat.as_bytes());
    let first = *p.first()?;
    (0..(h.len() + 1).saturating_sub(p.len()))
        .find(|&i| h[i] == first && h[i..].starts_with(p))
        .map(|i| &s[i + p.len()..])
}

/// What follows the first ` tỉnh `, ` thành phố `, `Tỉnh ủy ` and `Thành ủy `
/// in an organization's name, with the category it names; one pass over
/// the name (all four open with ` t` or `T`).
fn places_named(name: &str) -> [Option<(&str, &'static str)>; 4] {
    const WORDS: [(&str, &str); 4] = [
        (" tỉnh ", "province"),
        (" thành phố ", "city"),
        ("Tỉnh ủy ", "province"),
        ("Thành ủy ", "city"),
    ];
    let mut found = [None; 4];
    let b = name.as_bytes();
    for i in 0..b.len() {
        let candidates = match (b[i], b.get(i + 1)) {
            (b' ', Some(b't')) => 0..2,
            (b'T', _) => 2..4,
            _ => continue,
        };
        for k in candidates {
            let (word, cat) = WORDS[k];
            if found[k].is_none() && b[i..].starts_with(word.as_bytes()) {
                found[k] = Some((&name[i + word.len()..], cat));
            }
        }
    }
    found
}

/// What follows `Khối` in the document's full mentions, when it is one thing.
fn khoi_completion(candidates: &[Candidate], suffixes: &[String]) -> Option<String> {
    let mut found: Option<String> = None;
    for c in candidates {
        let Fields::Organization(o) = &c.fields else {
            continue;
        };
        if let Some(rest) = after(&o.name, " Khối ") {
            let known = suffixes.binary_search_by(|s| s.as_str().cmp(rest)).is_ok();
            match &found {
                Some(f) if f != rest => return None,
                _ if known => found = Some(rest.to_string()),
                _ => {}
            }
        }
    }
    found
}

/// Place words that may open what a full mention adds to a shorter one.
const PLACE_WORDS: [&str; 8] = [
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "đặc khu",
];

/// The provinces and cities the document names, where it names them: place
/// records and bodies with a place written in their name (`UBND tỉnh Bắc
/// Ninh`), in text order.
struct PlaceMentions {
    found: Vec<(usize, usize, &'static str, String)>,
    /// Whether the document names two or more of a category.
    several: [bool; 2],
}

impl PlaceMentions {
    fn new(candidates: &[Candidate]) -> Self {
        let mut found = Vec::new();
        for c in candidates {
            match &c.fields {
                Fields::Location(l) => {
                    if let Some(cat) = l
                        .category
                        .map(PlaceCategory::as_str)
                        .filter(|c| matches!(*c, "province" | "city"))
                    {
                        found.push((c.start, c.end, cat, l.name.clone()));
                    }
                }
                Fields::Organization(o) if !o.bare => {
                    for (place, cat) in places_named(&o.name).into_iter().flatten() {
                        if place.starts_with(char::is_uppercase) {
                            found.push((c.start, c.end, cat, place.to_string()));
                            break;
                        }
                    }
                }
                _ => {}
            }
        }
        let several = ["province", "city"].map(|cat| {
            let mut names = found.iter().filter(|m| m.2 == cat).map(|m| &m.3);
            names.next().is_some_and(|first| names.any(|n| n != first))
        });
        PlaceMentions { found, several }
    }

    /// The place of category `cat` that a committee or place word without
    /// its place (`Tỉnh ủy`, `UBND tỉnh`) at `start..end` stands for: the
    /// one a title chain after it names (`Phó Bí thư Tỉnh ủy, Chủ tịch UBND
    /// tỉnh Bắc Ninh`), else, in a document naming several, the one named
    /// most recently before it. `None` leaves the document's main place.
    fn place_for(
        &self,
        cat: &str,
        start: usize,
        end: usize,
        norm: &str,
        orgs: &[(usize, usize)],
    ) -> Option<&str> {
        let after = self.found.partition_point(|m| m.0 < end);
        let next = self.found[after..].iter().find(|m| m.2 == cat);
        if let Some(m) = next.filter(|m| title_chain(norm, end, m.0, orgs)) {
            return Some(&m.3);
        }
        if !self.several[usize::from(cat == "city")] {
            return None;
        }
        let before = self.found.partition_point(|m| m.0 < start);
        self.found[..before]
            .iter()
            .rev()
            .find(|m| m.1 <= start && m.2 == cat)
            .map(|m| m.3.as_str())
    }
}

/// Whether `norm[from..to]` only joins titles and bodies of one person's
/// chain of posts (`, Chủ tịch `, ` và thôi giữ chức Phó Bí thư `): title
/// words, joining words and bodies, within one clause.
fn title_chain(norm: &str, from: usize, to: usize, orgs: &[(usize, usize)]) -> bool {
    const WORDS: &[&str] = &[
        "và",
        "kiêm",
        "thôi",
        "giữ",
        "chức",
        "đồng",
        "thời",
        "phó",
        "chủ",
        "tịch",
        "bí",
        "thư",
        "thường",
        "trực",
        "ủy",
        "viên",
        "trưởng",
        "giám",
        "đốc",
        "chánh",
        "dự",
        "khuyết",
        "quyền",
        "-",
        "–",
    ];
    if to - from > 120 {
        return false;
    }
    let mut at = from;
    let mut gap = String::new();
    let first = orgs.partition_point(|(s, _)| *s < from);
    for &(s, e) in orgs[first..].iter().take_while(|(s, _)| *s < to) {
        if e > to {
            break;
        }
        gap.push_str(&norm[at..s]);
        gap.push(' ');
        at = e;
    }
    gap.push_str(&norm[at..to]);
    !gap.contains(['.', ';', ':', '\n', '(', ')'])
        && gap
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| WORDS.contains(&w.to_lowercase().as_str()))
}

/// The province and the city the document names most often, keyed by the
/// place words and committees that stand for them (` tỉnh`, ` thành phố`,
/// ` thủ đô`, `Tỉnh ủy`, `Thành ủy`).
fn main_places(candidates: &[Candidate]) -> Vec<(&'static str, &'static str, String)> {
    let mut counts: FastMap<(&str, &str), usize> = FastMap::default();
    for c in candidates {
        match &c.fields {
            Fields::Location(l) => {
                if let Some(cat) = l
                    .category
                    .map(PlaceCategory::as_str)
                    .filter(|c| matches!(*c, "province" | "city"))
                {
                    *counts.entry((cat, l.name.as_str())).or_default() += 1;
                }
            }
            // `UBND tỉnh Gia Lai` names the province too.
            Fields::Organization(o) => {
                for (place, cat) in places_named(&o.name).into_iter().flatten() {
                    if place.starts_with(char::is_uppercase) {
                        *counts.entry((cat, place)).or_default() += 1;
                    }
                }
            }
            _ => {}
        }
    }
    let best = |cat: &str| {
        counts
            .iter()
            .filter(|((c, _), _)| *c == cat)
            .max_by(|a, b| a.1.cmp(b.1).then(b.0 .1.cmp(a.0 .1)))
            .map(|((_, n), _)| n.to_string())
    };
    let mut out = Vec::new();
    if let Some(p) = best("province") {
        out.push(("tỉnh", "tỉnh", p.clone()));
        out.push(("Tỉnh ủy", "Tỉnh ủy", p));
    }
    if let Some(c) = best("city") {
        out.push(("thành phố", "thành phố", c.clone()));
        out.push(("thủ đô", "thành phố", c.clone()));
        // The committee as the document names it in full: `Thành ủy TPHCM`
        // keeps its place word (`Thành ủy thành phố Hồ Chí Minh`).
        let with_word = format!("Thành ủy thành phố {c}");
        let keeps_word = candidates
            .iter()
            .any(|k| matches!(&k.fields, Fields::Organization(o) if o.name.ends_with(&with_word)));
        let full = if keeps_word {
            "Thành ủy thành phố"
        } else {
            "Thành ủy"
        };
        out.push(("Thành ủy", full, c));
    }
    out
}

/// Names the organ of each event after the organization written at its
/// organ span, with the name the document resolved for it.
/// A district or commune takes its province from the unit list: the
/// province the document names most recently before it (else first after
/// it) that has a unit of that name; in a document naming no province, the
/// one province that has one. Otherwise it keeps no province: the list does
/// not hold every unit a text may name (communes merged before 2024).
pub fn resolve_locations(candidates: &mut [Candidate], lists: &Lists) {
    // A former province (`Thừa Thiên Huế`) also names the unit that holds
    // its districts now (`Huế`).
    let named: Vec<(usize, String, Option<String>)> = candidates
        .iter()
        .filter_map(|c| match &c.fields {
            Fields::Location(l)
                if matches!(
                    l.category,
                    Some(PlaceCategory::Province | PlaceCategory::City)
                ) =>
            {
                Some((c.start, l.name.clone(), l.successor.clone()))
            }
            _ => None,
        })
        .collect();
    let units = lists.admin.get();
    for c in candidates.iter_mut() {
        let start = c.start;
        let Fields::Location(l) = &mut c.fields else {
            continue;
        };
        let Some(level) = l
            .category
            .map(PlaceCategory::as_str)
            .filter(|c| matches!(*c, "district" | "commune"))
        else {
            continue;
        };
        let key = l.name.to_lowercase();
        let of_level = || units.named(&key).filter(|u| u.level == level);
        let unit = if named.is_empty() {
            // The one province with such a unit; the current unit of a name
            // in both eras.
            let mut found: Option<&AdminUnit> = None;
            let mut several = false;
            for u in of_level() {
                match found {
                    Some(f) if f.province != u.province => several = true,
                    Some(f) if f.current || !u.current => {}
                    _ => found = Some(u),
                }
            }
            found.filter(|_| !several)
        } else {
            let holds = |p: &str| {
                of_level()
                    .filter(|u| u.province == p || u.successor_province.as_deref() == Some(p))
                    .max_by_key(|u| u.current)
            };
            let before = named.iter().rev().filter(|(s, ..)| *s < start);
            let after = named.iter().filter(|(s, ..)| *s > start);
            before
                .chain(after)
                .find_map(|(_, p, then)| holds(p).or_else(|| then.as_deref().and_then(holds)))
        };
        if let Some(u) = unit {
            l.province = Some(u.province.clone());
            l.successor = l.successor.take().or_else(|| u.successor.clone());
        }
    }
}

pub fn resolve_events(candidates: &mut [Candidate]) {
    // Spans and indices of the organizations; names are copied only for the
    // events that take one.
    let orgs: Vec<(usize, usize, usize)> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.fields, Fields::Organization(_)))
        .map(|(k, c)| (c.start, c.end, k))
        .collect();
    for k in 0..candidates.len() {
        let Fields::Event(e) = &candidates[k].fields else {
            continue;
        };
        let Some((s, end)) = e.organ_span else {
            continue;
        };
        let organ = orgs.iter().find(|o| o.0 == s && o.1 <= end).and_then(|o| {
            match &candidates[o.2].fields {
                Fields::Organization(org) => Some(org.name.clone()),
                _ => None,
            }
        });
        if let Fields::Event(e) = &mut candidates[k].fields {
            e.organ = organ;
        }
    }
    // Another mention of a numbered sitting (`kỳ họp thứ 2` and `kỳ họp
    // thứ 2, HĐND tỉnh khóa VIII`, `Đại hội XIV` and `Đại hội XIV của Đảng`)
    // is the same sitting when those of that number name one organ.
    let seen: Vec<(EventType, u32, String, Option<u32>)> = candidates
        .iter()
        .filter_map(|c| match &c.fields {
            Fields::Event(e) => Some((e.event_type, e.ordinal?, e.organ.clone()?, e.term)),
            _ => None,
        })
        .collect();
    for c in candidates.iter_mut() {
        let Fields::Event(e) = &mut c.fields else {
            continue;
        };
        let Some(n) = e.ordinal else { continue };
        if e.organ.is_some() || e.national {
            continue;
        }
        let mut same = seen.iter().filter(|x| x.0 == e.event_type && x.1 == n);
        if let Some(first) = same.next() {
            if same.all(|x| x.2 == first.2) {
                e.organ = Some(first.2.clone());
                e.term = e.term.or(first.3);
            }
        }
    }
}

/// Gives dates and periods written without a year the year of the document:
/// its dateline (a full date opening the text on a short line), else
/// `ref_date`, else the year of its own number (`Số: 87/2025/NĐ-CP`), else
/// the latest year of the full dates, months, quarters and
/// parts of a year written in it. Terms (`nhiệm kỳ 2020-2025`) and bare years
/// (`SN 1978`) do not date the document. With no year at all, values keep
/// ISO's year-less form (`--07-30`).
pub fn resolve_years(candidates: &mut [Candidate], norm: &str, ref_date: Option<Ymd>) {
    let Some(year) = document_year(candidates, norm, ref_date) else {
        return;
    };
    for c in candidates.iter_mut() {
        match &mut c.fields {
            Fields::Date(d) if d.ymd.year.is_none() => {
                d.ymd.year = Some(year);
                if crate::rules::date::valid(d.ymd.year, d.ymd.month, d.ymd.day).is_none() {
                    // 29/2 in a year without it: keep the year-less value.
                    d.ymd.year = None;
                    continue;
                }
                d.value = d.ymd.iso();
                d.year_inferred = true;
            }
            Fields::Period(p) => {
                let mut changed = false;
                for b in [&mut p.bounds.0, &mut p.bounds.1].into_iter().flatten() {
                    if b.year.is_none() && b.month.is_some() {
                        b.year = Some(year);
                        if let (Some(m), Some(d)) = (b.month, b.day) {
                            b.day =
                                Some(d.min(crate::rules::numerals::days_in_month(Some(year), m)));
                        }
                        changed = true;
                    }
                }
                if changed {
                    p.year_inferred = true;
                    p.refresh();
                }
            }
            _ => {}
        }
    }
}

fn document_year(candidates: &[Candidate], norm: &str, ref_date: Option<Ymd>) -> Option<i32> {
    let dateline = candidates.iter().find_map(|c| match &c.fields {
        Fields::Date(d)
            if d.ymd.year.is_some() && d.ymd.day.is_some() && is_dateline(norm, c.start, c.end) =>
        {
            d.ymd.year
        }
        _ => None,
    });
    let own_code = candidates.iter().find_map(|c| match &c.fields {
        Fields::DocumentRef(f) if f.own_number => f.year.as_deref().and_then(|y| y.parse().ok()),
        _ => None,
    });
    if let Some(y) = dateline.or(ref_date.and_then(|r| r.year)).or(own_code) {
        return Some(y);
    }
    candidates
        .iter()
        .filter_map(|c| match &c.fields {
            Fields::Date(d) if d.ymd.month.is_some() => d.ymd.year,
            // A term (`2020-2025`) has no month and gives no year here.
            Fields::Period(p) => p.bounds.1.or(p.bounds.0).and_then(|b| b.month.and(b.year)),
            _ => None,
        })
        .max()
        .or_else(|| congress_year(candidates, norm))
}

/// A congress meets in the first year of the term it opens: the news of
/// `Đại hội … lần thứ XX, nhiệm kỳ 2025-2030` is of 2025.
fn congress_year(candidates: &[Candidate], norm: &str) -> Option<i32> {
    candidates.iter().find_map(|c| match &c.fields {
        Fields::Period(p) if p.bounds.0.is_some_and(|b| b.month.is_none()) => {
            let line_start = norm[..c.start].rfind('\n').map_or(0, |k| k + 1);
            let mut from = c.start.saturating_sub(160).max(line_start);
            while !norm.is_char_boundary(from) {
                from += 1;
            }
            let before = &norm[from..c.start];
            let congress = ["Đại hội", "đại hội", "ĐẠI HỘI"]
                .iter()
                .any(|w| before.contains(w));
            let term = ["nhiệm kỳ", "Nhiệm kỳ"]
                .iter()
                .any(|w| norm[c.start..].starts_with(w));
            (congress && term)
                .then(|| p.bounds.0.and_then(|b| b.year))
                .flatten()
        }
        _ => None,
    })
}

/// A full date near the top of the text on a line of its own (with at most
/// a weekday and a clock time beside it): `Thứ Ba, 29/09/2015, 10:13`.
fn is_dateline(norm: &str, start: usize, end: usize) -> bool {
    if start > 400 {
        return false;
    }
    let line_start = norm[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = norm[end..].find('\n').map_or(norm.len(), |i| end + i);
    let others = norm[line_start..start].chars().count() + norm[end..line_end].chars().count();
    others <= 24
}

#[cfg(test)]
mod tests {
    use crate::record::{Fields, Ymd};
    use crate::{extract_with, Options};

    fn values(input: &str, ref_date: Option<&str>) -> Vec<String> {
        let options = Options {
            ref_date: ref_date.and_then(Ymd::parse),
            ..Options::default()
        };
        extract_with(input, &options)
            .into_iter()
            .filter_map(|r| match r.fields {
                Fields::Date(d) => Some(format!(
                    "{}{}",
                    d.value,
                    if d.year_inferred { "*" } else { "" }
                )),
                Fields::Period(p) => Some(format!(
                    "{:?}..{:?}{}",
                    p.from,
                    p.to,
                    if p.year_inferred { "*" } else { "" }
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_dateline_dates_the_document() {
        let text = "Thứ Ba, 29/09/2015, 10:13\nNgày 29/9, Đảng ủy họp; dự kiến quý I/2017.";
        assert_eq!(
            values(text, None),
            [
                "2015-09-29",
                "2015-09-29*",
                "Some(\"2017-01-01\")..Some(\"2017-03-31\")"
            ]
        );
    }

    #[test]
    fn latest_written_year_otherwise() {
        let text = "Sáng 22.4, nhân kỷ niệm (30.4.1975 - 30.4.2025), quý I.";
        assert_eq!(
            values(text, None),
            [
                "2025-04-22*",
                "Some(\"1975-04-30\")..Some(\"2025-04-30\")",
                "Some(\"2025-01-01\")..Some(\"2025-03-31\")*"
            ]
        );
    }

    #[test]
    fn terms_and_bare_years_do_not_date_it() {
        assert_eq!(
            values("Sáng 4/11, nhiệm kỳ 2011-2016, sinh năm 1952.", None)[0],
            "--11-04"
        );
        assert_eq!(
            values("Sáng 4/11, nhiệm kỳ 2011-2016.", Some("2015-11-05"))[0],
            "2015-11-04*"
        );
    }

    #[test]
    fn a_congress_is_of_the_first_year_of_its_term() {
        let news = "Sáng 29/7, Đảng bộ xã An Phú tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025 - 2030.";
        assert_eq!(values(news, None)[0], "2025-07-29*");
        // A term without a congress dates nothing; a written date comes first.
        assert_eq!(values("Sáng 4/11, nhiệm kỳ 2025-2030.", None)[0], "--11-04");
        let dated = "Ngày 4/11, Đại hội lần thứ I, nhiệm kỳ 2025-2030; ngày 1/3/2024 khởi công.";
        assert_eq!(values(dated, None)[0], "2024-11-04*");
    }

    #[test]
    fn a_numbered_sitting_again_is_the_same_sitting() {
        let text = "Khai mạc kỳ họp thứ 2, HĐND tỉnh Gia Lai khóa VIII. Bế mạc kỳ họp thứ 2.";
        let got: Vec<(Option<String>, Option<u32>)> = crate::extract(text)
            .into_iter()
            .filter_map(|r| match r.fields {
                Fields::Event(e) => Some((e.organ, e.term)),
                _ => None,
            })
            .collect();
        let organ = Some("Hội đồng nhân dân tỉnh Gia Lai".to_string());
        assert_eq!(got, [(organ.clone(), Some(8)), (organ, Some(8))]);
    }

    fn org_names(input: &str) -> Vec<String> {
        crate::extract(input)
            .into_iter()
            .filter_map(|r| match r.fields {
                Fields::Organization(o) => Some(o.name),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_head_alone_is_the_body_last_named_with_it() {
        let doc =
            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\n\nQuyết định.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH";
        assert_eq!(
            org_names(doc),
            [
                "Ủy ban nhân dân tỉnh Quảng Ninh",
                "Ủy ban nhân dân tỉnh Quảng Ninh"
            ]
        );
        // The city committee as the document writes it in full.
        assert_eq!(
            org_names("Thành ủy TPHCM họp. Ban Thường vụ Thành ủy chỉ đạo."),
            [
                "Thành ủy thành phố Hồ Chí Minh",
                "Ban Thường vụ Thành ủy thành phố Hồ Chí Minh"
            ]
        );
        assert_eq!(
            org_names("Thành ủy Hà Nội họp. Thành ủy chỉ đạo."),
            ["Thành ủy Hà Nội", "Thành ủy Hà Nội"]
        );
    }

    #[test]
    fn a_shorter_mention_or_a_part_is_the_body_named_in_full() {
        assert_eq!(
            org_names("HĐND tỉnh Gia Lai họp. Thường trực HĐND chỉ đạo."),
            [
                "Hội đồng nhân dân tỉnh Gia Lai",
                "Thường trực Hội đồng nhân dân tỉnh Gia Lai"
            ]
        );
        assert_eq!(
            org_names("Ban Thường vụ Đảng ủy xã Ia Grai họp. Ban Thường vụ Đảng ủy thống nhất."),
            [
                "Ban Thường vụ Đảng ủy xã Ia Grai",
                "Ban Thường vụ Đảng ủy xã Ia Grai"
            ]
        );
        // A listed name is not lengthened by a word of another one.
        assert_eq!(
            org_names("Tạp chí Cộng sản điện tử đưa tin. Tạp chí Cộng sản ra số mới."),
            ["Tạp chí Cộng sản điện tử", "Tạp chí Cộng sản"]
        );
    }

    #[test]
    fn a_committee_without_its_place_is_of_the_chain_or_the_latest_place() {
        // The title chain after it names the province.
        let doc = "Tỉnh ủy Thái Nguyên họp. Ông A, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh \
                   Bắc Ninh, nhận quyết định. Tỉnh ủy Thái Nguyên công bố.";
        assert_eq!(
            org_names(doc),
            [
                "Tỉnh ủy Thái Nguyên",
                "Tỉnh ủy Bắc Ninh",
                "Ủy ban nhân dân tỉnh Bắc Ninh",
                "Tỉnh ủy Thái Nguyên"
            ]
        );
        // Else the province named most recently before it.
        let doc = "Tỉnh ủy Hà Giang họp. Tỉnh ủy Hà Giang chỉ đạo. Tại tỉnh Tuyên Quang, \
                   Bí thư Tỉnh ủy phát biểu.";
        assert_eq!(org_names(doc).last().unwrap(), "Tỉnh ủy Tuyên Quang");
    }

    #[test]
    fn leap_day_without_its_year_stays_yearless() {
        assert_eq!(values("ngày 29/2, quý I/2023", None)[0], "--02-29");
    }
}
