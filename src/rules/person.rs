//! `person`: personal names, found by their shape (a family name from
//! `data/surnames.tsv` followed by capitalized given names) and described by
//! the titles around them (`data/titles.tsv`).
//!
//! - `title` is the position phrase in apposition, as written: before the
//!   name (`Phó Chủ tịch UBND tỉnh Nguyễn Tự Công Hoàng`, several titles joined
//!   by commas, signature blocks `KT. BỘ TRƯỞNG THỨ TRƯỞNG Vũ Thị Mai`), else
//!   after it (`Hồ Quốc Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy`);
//! - `honorific`: `đồng chí`, `ông`, `bà` right before the name or its title;
//! - short later mentions (`ông Nghị`) are persons when a full name of the
//!   document ends with that word; `name` is the full name.
//!
//! Rule ids: `person/name`, `person/short`. Names inside organization and
//! place names (`TP Hồ Chí Minh`, `Đoàn TNCS Hồ Chí Minh`) are dropped in selection.

use std::collections::HashMap;

use super::id;
use super::organization::{self, place_name, place_word};
use super::words::{ends_name, is_title_prefix};
use crate::lexicon::{honorific_before, surname_start};
use crate::record::{Fields, Person};
use crate::select::Candidate;
use crate::tokens::Tokens;

/// End token of a title word starting at token `i`.
fn title_at(t: &Tokens, i: usize) -> Option<usize> {
    crate::lexicon::at(t, crate::lexicon::List::Title, i).map(|(e, _)| e)
}

/// Start token of a title unit whose title word is at `i`, taking `Phó`,
/// `nguyên`, `Quyền` before it.
fn with_prefixes(t: &Tokens, mut i: usize) -> usize {
    while i > 0 && t.is_word(i - 1) && (is_title_prefix(t.low(i - 1)) || t.low(i - 1) == "tổng") {
        i -= 1;
    }
    i
}

/// How far a title phrase starting with a title word at `k` goes, at most to
/// `limit`: title words, the bodies and places they govern (`Phó Chủ tịch` +
/// `UBND tỉnh`, `Ủy viên` + `Trung ương Đảng`), capitalized words with one
/// lower-case syllable each (`Tuyên giáo`). A verb, a function word or
/// another person's name ends it.
fn title_phrase_end(t: &Tokens, k: usize, limit: usize) -> usize {
    let mut m = k;
    while m < limit {
        if m > k && (t.toks[m].after_newline || surname_start(t, m)) {
            break;
        }
        if let Some(e) = title_at(t, m) {
            m = e;
            continue;
        }
        if (is_title_prefix(t.low(m)) || matches!(t.low(m), "thường" | "trực")) && t.is_word(m)
        {
            m += 1;
            continue;
        }
        if let Some(o) = organization::at(t, m) {
            m = o.end.min(limit);
            continue;
        }
        if let Some((e, word)) = place_word(t, m) {
            m = place_name(t, e, word).unwrap_or(e).min(limit);
            continue;
        }
        if t.is_capitalized(m) {
            m += 1;
            // One lower-case syllable of a compound (`Tuyên giáo`, `Biên tập`).
            if m < limit
                && t.is_word(m)
                && !t.is_capitalized(m)
                && !ends_name(t.low(m))
                && title_at(t, m).is_none()
            {
                m += 1;
            }
            continue;
        }
        // `T.Ư`, `GD&ĐT`: dots glued inside abbreviations.
        if t.is_punct(m, '.') && m > 0 && t.glued(m - 1) && t.glued(m) {
            m += 1;
            continue;
        }
        // `Chủ tịch UBND TP Hà Nội hiện nay`, `Bí thư khi đó`.
        if let Some(e) = [
            ["hiện", "nay"],
            ["khi", "đó"],
            ["lúc", "đó"],
            ["đương", "nhiệm"],
        ]
        .iter()
        .find_map(|w| t.expect(m, w))
        {
            m = e;
            continue;
        }
        // `Bộ Kế hoạch và Đầu tư`; not `… xã Quảng Trung và Nguyễn Văn Luyện`.
        if t.is_word(m) && t.low(m) == "và" && t.is_capitalized(m + 1) && !surname_start(t, m + 1)
        {
            m += 1;
            continue;
        }
        break;
    }
    m
}

/// What joins the titles of a chain: a comma or a spaced dash (`Phó Bí thư
/// Tỉnh ủy – Chủ tịch UBND tỉnh`; `Bà Rịa-Vũng Tàu` is glued).
fn is_joint(t: &Tokens, k: usize) -> bool {
    t.is_punct(k, ',') || (t.is_punct(k, '-') && k > 0 && !t.glued(k - 1) && !t.glued(k))
}

/// The title phrase ending right before token `end`: its start, or `None`.
fn title_before(t: &Tokens, end: usize) -> Option<usize> {
    // The stretch back to a hard stop, in comma-separated units.
    let mut seg = end;
    // Titles are short: look back over 40 tokens at most.
    while seg > 0 && end - seg < 40 {
        let k = seg - 1;
        if seg < end && t.toks[seg].after_newline {
            break;
        }
        if t.is_word(k)
            || is_joint(t, k)
            || (t.is_punct(k, '.') && k > 0 && t.glued(k - 1) && t.glued(k))
        {
            seg -= 1;
            continue;
        }
        break;
    }
    if seg == end {
        return None;
    }
    // Signature blocks: `KT. BỘ TRƯỞNG THỨ TRƯỞNG`.
    if seg >= 2
        && t.is_punct(seg - 1, '.')
        && matches!(t.text(seg - 2), "KT" | "TM" | "TL" | "TUQ" | "Q")
        && (seg..end).any(|k| title_at(t, k).is_some())
    {
        return Some(seg - 2);
    }
    let mut start = None;
    let mut unit_end = end;
    loop {
        let unit_start = (seg..unit_end)
            .rev()
            .find(|&k| is_joint(t, k))
            .map_or(seg, |k| k + 1);
        // The earliest title word whose phrase runs to the unit's end.
        let found = (unit_start..unit_end)
            .find(|&k| title_at(t, k).is_some() && title_phrase_end(t, k, unit_end) == unit_end)
            .map(|k| with_prefixes(t, k));
        let Some(k) = found else { break };
        start = Some(k);
        // Earlier units belong to the chain only when this one is a title throughout.
        if k != unit_start || unit_start == seg || !is_joint(t, unit_start - 1) {
            break;
        }
        unit_end = unit_start - 1;
    }
    start
}

/// The title chain after a name: ` - Ủy viên …, Bí thư Tỉnh ủy` or `, Giám đốc …`.
fn title_after(t: &Tokens, mut from: usize) -> Option<(usize, usize)> {
    // `Nguyễn Hoài Anh (sinh năm 1977) - Ủy viên …`: a short aside first.
    if t.is_punct(from, '(') {
        let close = (from + 1..t.len().min(from + 10))
            .take_while(|&k| !t.toks[k].after_newline)
            .find(|&k| t.is_punct(k, ')'))?;
        from = close + 1;
    }
    // `Chu Đức Khương, 45 tuổi, Trưởng phòng …`: the age first.
    if t.is_punct(from, ',')
        && t.text(from + 1).bytes().all(|b| b.is_ascii_digit())
        && t.low(from + 2) == "tuổi"
        && t.is_punct(from + 3, ',')
    {
        from += 3;
    }
    if !t.is_punct(from, '-') && !t.is_punct(from, ',') {
        return None;
    }
    let start = from + 1;
    let mut end = start;
    let mut k = start;
    loop {
        let first = with_prefix_end(t, k);
        if title_at(t, first).is_none() {
            break;
        }
        let e = title_phrase_end(t, first, t.len().min(k + 40));
        end = e;
        if !is_joint(t, e) {
            break;
        }
        k = e + 1;
    }
    (end > start).then_some((start, end))
}

/// Skips `Phó`, `nguyên`, `Quyền` at `i`.
fn with_prefix_end(t: &Tokens, mut i: usize) -> usize {
    while t.is_word(i) && is_title_prefix(t.low(i)) {
        i += 1;
    }
    i
}

/// End token of a personal name starting at `i`: a family name and one to
/// three capitalized given names.
fn name_end(t: &Tokens, i: usize) -> Option<usize> {
    if !surname_start(t, i) && !pen_name_start(t, i) {
        return None;
    }
    let mut e = i + 1;
    while e < i + 5
        && t.is_capitalized(e)
        && !t.is_allcaps(e)
        && !t.toks[e].after_newline
        && title_at(t, e).is_none()
    {
        e += 1;
    }
    Some(e)
}

/// `đường Nguyễn Đức Cảnh`, `phố Lê Lợi`: a street named after a person.
fn street_before(t: &Tokens, i: usize) -> bool {
    let word = |k: usize| t.is_word(k) && (t.text(k) == t.low(k) || t.low(k) == "đường");
    i > 0
        && word(i - 1)
        && (matches!(t.low(i - 1), "đường" | "phố" | "ngõ" | "hẻm")
            && !(i > 1 && t.low(i - 2) == "thành")
            || i > 1 && word(i - 2) && t.low(i - 2) == "đại" && t.low(i - 1) == "lộ")
}

/// A given name alone where only a person fits: after a word in small
/// letters or a role in court news, and not a place or a compass word
/// (`miền Nam`).
fn short_mention_context(t: &Tokens, i: usize) -> bool {
    if i == 0 || t.toks[i].after_newline || !t.is_word(i - 1) {
        return false;
    }
    let role = i >= 2
        && matches!(
            (t.low(i - 2), t.low(i - 1)),
            ("bị", "cáo" | "can" | "hại") | ("đối", "tượng") | ("nghi", "phạm")
        );
    let after_small = t.text(i - 1) == t.low(i - 1) && !t.is_punct(i - 1, '-');
    (role || after_small)
        && !matches!(t.low(i), "nam" | "bắc" | "đông" | "tây" | "trung")
        && crate::lexicon::place_at(t, i).is_none()
        && super::words::event_noun(t, i).is_none()
}

/// A name without a family name that an honorific written in small letters
/// introduces: `đồng chí Trường Chinh`, `ông Tố Hữu`.
fn pen_name_start(t: &Tokens, i: usize) -> bool {
    let lower_honorific =
        honorific_before(t, i).is_some_and(|(h, _)| t.text(h) == t.low(h) || t.low(h) == "đồng");
    lower_honorific
        && t.is_capitalized(i)
        && !t.is_allcaps(i)
        && t.is_capitalized(i + 1)
        && !t.is_allcaps(i + 1)
        && !t.toks[i + 1].after_newline
        && title_at(t, i).is_none()
        && crate::lexicon::place_at(t, i).is_none()
}

/// The text of tokens `s..e` with every run of white space as one space.
fn spaced(t: &Tokens, s: usize, e: usize) -> String {
    let text = &t.norm[t.toks[s].start..t.toks[e - 1].end];
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Finds every person in the document.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let t = cx.tokens;
    let mut full_names: HashMap<String, String> = HashMap::new();
    let mut i = 0;
    while i < t.len() {
        if t.toks[i].doc_break {
            full_names.clear();
        }
        if let Some(e) = name_end(t, i) {
            if street_before(t, i) {
                i = e;
                continue;
            }
            let name = spaced(t, i, e);
            let mut p = Person {
                name: name.clone(),
                ..Person::default()
            };
            let mut before = i;
            if let Some((hs, h)) = honorific_before(t, i) {
                p.honorific = Some(h.to_string());
                before = hs;
            }
            // `Chủ tịch UBND TP Hà Nội hiện nay, ông Nguyễn Thế Thảo`; but in
            // `…, ông Phạm Văn Trọng – Phó Chủ tịch UBND tỉnh` the title
            // before the comma is another person's, and the dash gives his.
            let dash_title = t.is_punct(e, '-') && title_after(t, e).is_some();
            let title_start = title_before(t, before).or_else(|| {
                (p.honorific.is_some() && before > 0 && t.is_punct(before - 1, ',') && !dash_title)
                    .then(|| title_before(t, before - 1))
                    .flatten()
                    .map(|s| s.min(before - 1))
            });
            let title_end =
                if title_start.is_some_and(|s| s < before - 1) && t.is_punct(before - 1, ',') {
                    before - 1
                } else {
                    before
                };
            if let Some(ts) = title_start {
                let before = title_end;
                p.title = Some(spaced(t, ts, before));
                if p.honorific.is_none() {
                    if let Some((_, h)) = honorific_before(t, ts) {
                        p.honorific = Some(h.to_string());
                    }
                }
            } else if let Some((ts, te)) = title_after(t, e) {
                p.title = Some(spaced(t, ts, te));
            }
            // A name alone on the last line is the byline.
            let alone =
                (i == 0 || t.toks[i].after_newline) && (e == t.len() || t.toks[e].after_newline);
            let last_line = || {
                !t.toks[e..]
                    .iter()
                    .take_while(|k| !k.doc_break)
                    .any(|k| k.after_newline)
            };
            if alone && p.title.is_none() && last_line() {
                p.role = Some("author".into());
            }
            if let Some(last) = name.rsplit(' ').next() {
                full_names.insert(last.to_string(), name.clone());
            }
            out.push(Candidate {
                start: t.toks[i].start,
                end: t.toks[e - 1].end,
                fields: Fields::Person(Box::new(p)),
                rule: id::PERSON_NAME,
            });
            i = e;
            continue;
        }
        // `ông Nghị`: a short mention of a name seen before.
        // In court news also without one, inside a sentence (`chỉ đạo Thu
        // lập khống`, `Bị cáo Hưng`).
        if t.is_capitalized(i) && !t.is_allcaps(i) && !t.is_capitalized(i + 1) {
            if let Some(full) = full_names.get(t.text(i)) {
                let h = honorific_before(t, i);
                if h.is_some() || short_mention_context(t, i) {
                    out.push(Candidate {
                        start: t.toks[i].start,
                        end: t.toks[i].end,
                        fields: Fields::Person(Box::new(Person {
                            name: full.clone(),
                            honorific: h.map(|(_, h)| h.to_string()),
                            ..Person::default()
                        })),
                        rule: id::PERSON_SHORT,
                    });
                }
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::record::{Fields, Person};

    fn persons(input: &str) -> Vec<(String, Person)> {
        crate::found(input, |f| match f {
            Fields::Person(p) => Some(*p),
            _ => None,
        })
    }

    #[test]
    fn rarer_family_names_long_names_and_heads_as_given_names() {
        let names: Vec<String> = persons(
            "gồm: Nghiêm Xuân Thành, Hỗ Sỹ Trường (cùng trú tỉnh Nghệ An); Phan Thanh Ngọc Hoàng Linh (Đồng Tháp); bà Văn Thị Bạch Tuyết",
        )
        .into_iter()
        .map(|(_, p)| p.name)
        .collect();
        assert_eq!(
            names,
            [
                "Nghiêm Xuân Thành",
                "Hỗ Sỹ Trường",
                "Phan Thanh Ngọc Hoàng Linh",
                "Văn Thị Bạch Tuyết"
            ]
        );
    }

    #[test]
    fn titles_before_and_after() {
        let p = persons(
            "Tại buổi gặp mặt, Phó Chủ tịch UBND tỉnh Nguyễn Tự Công Hoàng đã trao quyết định.",
        );
        assert_eq!(p[0].0, "Nguyễn Tự Công Hoàng");
        assert_eq!(p[0].1.title.as_deref(), Some("Phó Chủ tịch UBND tỉnh"));
        let p = persons("các đồng chí: Hồ Quốc Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; Lê Kim Toàn");
        assert_eq!(
            p[0].1.title.as_deref(),
            Some("Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh")
        );
        let p = persons("Bộ trưởng Bộ Công an, Đại tướng Lương Tam Quang trao Quyết định");
        assert_eq!(
            p[0].1.title.as_deref(),
            Some("Bộ trưởng Bộ Công an, Đại tướng")
        );
        let p = persons("- Lưu: VT.\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Vũ Thị Mai");
        assert_eq!(p[0].1.title.as_deref(), Some("KT. BỘ TRƯỞNG THỨ TRƯỞNG"));
    }

    #[test]
    fn title_chains_after_an_aside_and_abbreviated_member_titles() {
        let p = persons(
            "chỉ định ông Nguyễn Hoài Anh (sinh năm 1977) - Ủy viên dự khuyết TƯ Đảng, Phó Bí thư Tỉnh ủy Lâm Đồng, tham gia; bà Nguyễn Thị Hồng Lâm - TUV, Phó Chủ tịch HĐND tỉnh.",
        );
        let titles: Vec<Option<&str>> = p.iter().map(|(_, p)| p.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("Ủy viên dự khuyết TƯ Đảng, Phó Bí thư Tỉnh ủy Lâm Đồng"),
                Some("TUV, Phó Chủ tịch HĐND tỉnh")
            ]
        );
        // Spaced dashes chain titles; a dash after the name gives its own
        // title, not the one before the comma (another person's).
        let p = persons(
            "Phó Bí thư Tỉnh ủy – Chủ tịch UBND tỉnh Nguyễn Văn Vĩnh chủ trì; có ông Trần văn Dũng – Phó Chủ tịch thường trực UBND tỉnh, ông Phạm Văn Trọng – Phó Chủ tịch UBND tỉnh.",
        );
        let titles: Vec<Option<&str>> = p.iter().map(|(_, p)| p.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("Phó Bí thư Tỉnh ủy - Chủ tịch UBND tỉnh"),
                Some("Phó Chủ tịch UBND tỉnh")
            ]
        );
    }

    #[test]
    fn honorifics_and_short_mentions() {
        let p = persons("Ông Phạm_Quang_Nghị cho biết. Theo ông Nghị, việc này");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].1.name, "Phạm Quang Nghị");
        assert_eq!(p[0].1.honorific.as_deref(), Some("ông"));
        assert_eq!(p[1].0, "Nghị");
        assert_eq!(p[1].1.name, "Phạm Quang Nghị");
        // Court news: the given name alone inside a sentence or after a role.
        let p = persons(
            "Nguyễn Thị Thu là kế toán. Hưng chỉ đạo Thu lập hồ sơ. Bị cáo Thu khai; miền Nam",
        );
        let short: Vec<&str> = p.iter().skip(1).map(|(s, _)| s.as_str()).collect();
        assert_eq!(short, ["Thu", "Thu"]);
        assert!(p.iter().all(|(_, x)| x.name == "Nguyễn Thị Thu"));
    }

    #[test]
    fn titles_after_an_age() {
        let p = persons(
            "bắt ông Chu Đức Khương, 45 tuổi, Trưởng phòng Tài chính huyện Quảng Xương; Mai Ngọc Tứ, 54 tuổi, Chủ tịch UBND xã Quảng Trung và Nguyễn Văn Luyện, 55 tuổi, cán bộ xã",
        );
        let titles: Vec<Option<&str>> = p.iter().map(|(_, x)| x.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("Trưởng phòng Tài chính huyện Quảng Xương"),
                Some("Chủ tịch UBND xã Quảng Trung"),
                None
            ]
        );
    }

    #[test]
    fn heads_and_pen_names_inside_personal_names() {
        let names: Vec<String> = persons(
            "CHỦ TỊCH\nLê Trường Lưu\n. Ông Đoàn Văn Việt và ông Đoàn Hồng Phong; đồng chí Trường Chinh",
        )
        .into_iter()
        .map(|(_, p)| p.name)
        .collect();
        assert_eq!(
            names,
            [
                "Lê Trường Lưu",
                "Đoàn Văn Việt",
                "Đoàn Hồng Phong",
                "Trường Chinh"
            ]
        );
    }

    #[test]
    fn places_and_bodies_are_not_persons() {
        assert!(persons("tại đường Nguyễn Đức Cảnh, đại lộ Võ Văn Kiệt; Đường Lê Lợi").is_empty());
        assert!(persons("tại Hà Nội, TP Hồ Chí Minh và Đoàn TNCS Hồ Chí Minh").is_empty());
        assert_eq!(persons("tư tưởng Hồ Chí Minh")[0].1.name, "Hồ Chí Minh");
    }
}
