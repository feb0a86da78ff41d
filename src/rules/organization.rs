//! `organization`: named bodies, from the gazetteer (`data/organizations.tsv`)
//! and from productive names built on a head (`data/org_heads.tsv`):
//! - head + place: `UBND tỉnh Quảng Nam`, `UBND huyện Phù Cát`, `Công an tỉnh Bắc Ninh`,
//!   `Tỉnh ủy Bình Định`, `HĐND xã Quỳnh Hồng`, `Đảng ủy xã Quỳnh Bá`;
//! - head + sector: `Sở Tài chính tỉnh Bình Định`, `Sở GD&ĐT`;
//! - head + name: `Cục Tổ chức cán bộ`, `Trường THCS Nhơn Hạnh`, `Đảng bộ Cơ quan Tạp chí Cộng sản`;
//! - head + organization: `Ban Thường vụ Tỉnh ủy`, `Ban Thường vụ Đảng ủy UBND tỉnh`,
//!   `Ban Chấp hành Đảng bộ Khối các cơ quan Trung ương`.
//!
//! A trailing `khóa XII` goes to `term`, outside the span. Rule ids:
//! `organization/gazetteer`, `organization/head`, `organization/bare` (a head
//! alone, such as `Đảng ủy`, kept only when the document says which body it is).
//!
//! Not organizations: generic nouns (`các đảng ủy trực thuộc`, `cấp ủy`,
//! `UBND cấp huyện`), lower-case heads (`đảng bộ`), offices (`Thủ tướng`).

use std::cell::OnceCell;

use super::id;
use super::numerals::numeral;
use super::words::{ends_name_at, event_noun};
use crate::gazetteer::Category;
use crate::lexicon::{place_at, surname_start};
use crate::record::{Fields, Organization, PlaceCategory};
use crate::select::Candidate;
use crate::text::join_words;
use crate::tokens::{key, KeyFilter, Tokens};

/// Words that introduce a place inside an organization name, with the
/// full form of the place word.
const PLACE_WORDS: &[(&[&str], &str)] = &[
    (&["thành", "phố"], "thành phố"),
    (&["thị", "xã"], "thị xã"),
    (&["thị", "trấn"], "thị trấn"),
    (&["thủ", "đô"], "thủ đô"),
    (&["nước"], "nước"),
    (&["đặc", "khu"], "đặc khu"),
    (&["tỉnh"], "tỉnh"),
    (&["huyện"], "huyện"),
    (&["quận"], "quận"),
    (&["xã"], "xã"),
    (&["phường"], "phường"),
    (&["tp"], "thành phố"),
    (&["tx"], "thị xã"),
];

/// The first words' keys: most tokens are none of them.
const PLACE_FIRST: [u64; PLACE_WORDS.len()] = {
    let mut keys = [0; PLACE_WORDS.len()];
    let mut k = 0;
    while k < PLACE_WORDS.len() {
        keys[k] = key(PLACE_WORDS[k].0[0]);
        k += 1;
    }
    keys
};

const PLACE_FILTER: KeyFilter = KeyFilter::of_keys(&PLACE_FIRST);

/// A word that introduces a place inside an organization name at token
/// `i`: the token after it and the place word's full form. Asked of nearly
/// every token, so the filter is inlined and the rest is not.
#[inline]
pub fn place_word(t: &Tokens, i: usize) -> Option<(usize, &'static str)> {
    if !PLACE_FILTER.may_hold(t.key(i)) {
        return None;
    }
    place_word_at(t, i)
}

#[inline(never)]
fn place_word_at(t: &Tokens, i: usize) -> Option<(usize, &'static str)> {
    if !t.is_word(i) {
        return None;
    }
    let first = t.key(i);
    for ((words, full), k) in PLACE_WORDS.iter().zip(PLACE_FIRST) {
        if k != first {
            continue;
        }
        if let Some(mut e) = t.expect(i, words) {
            // `TP.` and `TP. Hồ Chí Minh`.
            if *full == "thành phố" && t.low(i) == "tp" && t.is_punct(e, '.') && t.glued(i) {
                e += 1;
            }
            return Some((e, full));
        }
    }
    None
}

/// A place after a head: `tỉnh Bình Định`, `tỉnh`, `huyện Phù Cát`, `Bình Định`,
/// `Trung ương`. Returns the end token and the place as it goes into `name`.
fn place(t: &Tokens, i: usize) -> Option<(usize, String)> {
    if !t.is_word(i) || t.toks[i].after_newline {
        return None;
    }
    if let Some(e) = central(t, i) {
        return Some((e, "Trung ương".into()));
    }
    if let Some((e, full)) = place_word(t, i) {
        if let Some(ne) = place_name(t, e, full) {
            return Some((ne, join_words(full, &place_text(t, e, ne))));
        }
        return Some((e, full.to_string()));
    }
    let (e, _) = place_at(t, i)?;
    Some((e, place_text(t, i, e)))
}

/// A place name as it goes into an organization's name: the listed
/// spelling when the place is known (`QUẢNG NAM` → `Quảng Nam`).
fn place_text(t: &Tokens, s: usize, e: usize) -> String {
    match place_at(t, s) {
        // `TPHCM`, `TP.HCM` carry their place word: `thành phố Hồ Chí Minh`.
        Some((ke, p))
            if ke == e && p.category == PlaceCategory::City && t.low(s).starts_with("tp") =>
        {
            join_words("thành phố", &p.name)
        }
        Some((ke, p)) if ke == e && p.category != PlaceCategory::Region => p.name.clone(),
        _ => t.norm[t.toks[s].start..t.toks[e - 1].end].to_string(),
    }
}

/// A place word and name opening the next line (`TỈNH QUẢNG NAM`).
fn place_on_next_line(t: &Tokens, i: usize) -> Option<(usize, String)> {
    let (e, full) = place_word(t, i)?;
    let ne = place_name(t, e, full)?;
    Some((ne, join_words(full, &place_text(t, e, ne))))
}

/// `Trung ương`, `TW`, `T.Ư`, `TƯ`.
pub fn central(t: &Tokens, i: usize) -> Option<usize> {
    if !t.is_word(i) {
        return None;
    }
    if let Some(e) = t.expect(i, &["trung", "ương"]) {
        return Some(e);
    }
    match t.low(i) {
        "tw" | "tư" => Some(i + 1),
        "t" if t.is_punct(i + 1, '.')
            && t.is_word(i + 2)
            && matches!(t.low(i + 2), "ư" | "w")
            && t.glued(i)
            && t.glued(i + 1) =>
        {
            Some(i + 3)
        }
        _ => None,
    }
}

/// The proper name of a place after a place word: a known place, a run of
/// capitalized words (not the start of a person's name), or a number.
pub fn place_name(t: &Tokens, i: usize, word: &str) -> Option<usize> {
    if !t.is_word(i) || t.toks[i].after_newline {
        return None;
    }
    // A known name, unless it only opens a longer one (`Mỹ Thọ`, not the country `Mỹ`).
    if let Some((e, _)) = place_at(t, i) {
        let longer = t.is_capitalized(e)
            && !t.is_allcaps(e)
            && !t.toks[e].after_newline
            && !surname_start(t, e);
        if !longer {
            return Some(e);
        }
    }
    // `Phường 3`, `Quận 1`: only wards and urban districts are numbered.
    if t.text(i).bytes().all(|b| b.is_ascii_digit()) {
        return matches!(word, "phường" | "quận").then_some(i + 1);
    }
    if surname_start(t, i) {
        // `xã Hồ Bốn`, `phường Trần Hưng Đạo`: a unit named like a person.
        return admin_unit_at(t, i);
    }
    let mut e = i;
    while e < i + 4
        && t.is_capitalized(e)
        && !t.is_allcaps(e)
        && (e == i || !t.toks[e].after_newline)
    {
        if e > i && surname_start(t, e) {
            break;
        }
        e += 1;
    }
    // `xã Ủy ban`, `tỉnh Hội đồng`: an unknown name of one syllable that a
    // lower-case word goes on from is a word, not a place.
    if e == i + 1 && t.is_word(e) && !t.is_capitalized(e) && !t.toks[e].after_newline {
        return None;
    }
    // `Bà Rịa - Vũng Tàu`, `Phan Rang-Tháp Chàm`.
    if e > i && t.is_punct(e, '-') && t.is_capitalized(e + 1) && t.is_capitalized(e + 2) {
        e += 3;
    }
    (e > i).then_some(e)
}

/// The end of the longest administrative unit name at `i`, written with
/// capitals (`Kim Tân`, `Phan Si Păng`).
pub fn admin_unit_at(t: &Tokens, i: usize) -> Option<usize> {
    let units = t.lists.admin.get();
    let mut key = String::new();
    let mut found = None;
    for e in i..(i + units.max_words).min(t.len()) {
        if !t.is_capitalized(e) || t.is_allcaps(e) || (e > i && t.toks[e].after_newline) {
            break;
        }
        if e > i {
            key.push(' ');
        }
        key.push_str(t.low(e));
        if units.named(&key).next().is_some() {
            found = Some(e + 1);
        }
    }
    found
}

/// A proper name after a head (`Tổ chức cán bộ`, `THCS`, `Điện lực Bình Định`,
/// `Pháp chế và Quản lý`): it starts with a capital; a capitalized word may
/// take lower-case syllables after it (three after the first word of each
/// conjunct, as in `Tổ chức cán bộ`, one after later ones), and a number or a function word
/// ends it.
fn name_run(t: &Tokens, i: usize) -> Option<usize> {
    if !t.is_capitalized(i)
        || t.toks[i].after_newline
        || surname_start(t, i)
        || event_noun(t, i).is_some()
    {
        return None;
    }
    let mut end = i + 1;
    let mut e = i + 1;
    let mut allowed = 3;
    while e < i + 10 && !t.toks.get(e).is_none_or(|x| x.after_newline) {
        // `Tổ chức - Biên chế`: a hyphen joins two names, not a name and a body.
        if t.is_punct(e, '-') {
            if t.is_capitalized(e + 1)
                && !surname_start(t, e + 1)
                && head_word_at(t, e + 1).is_none()
                && listed_at(t, e + 1).is_none()
                && place_at(t, e + 1).is_none()
            {
                e += 1;
                continue;
            }
            break;
        }
        if !t.is_word(e) {
            break;
        }
        if t.is_capitalized(e) {
            if surname_start(t, e) || event_noun(t, e).is_some() {
                break;
            }
            // A conjunct after `và` or `-` is a name of its own: `Pháp chế và Quản lý khoa học`.
            allowed = if matches!(t.low(e - 1), "và" | "-") {
                3
            } else {
                1
            };
            e += 1;
            end = e;
            continue;
        }
        let low = t.low(e);
        if event_noun(t, e).is_some() {
            break;
        }
        // `và` joins two specialties, not two bodies (`… và Chi cục …`).
        if low == "và"
            && t.is_capitalized(e + 1)
            && !surname_start(t, e + 1)
            && head_word_at(t, e + 1).is_none()
            && listed_at(t, e + 1).is_none()
        {
            e += 1;
            continue;
        }
        let plain = |k: usize| {
            t.is_word(k)
                && !t.is_capitalized(k)
                && !t.toks[k].after_newline
                && !ends_name_at(t, k)
                && !t.text(k).starts_with(|c: char| c.is_ascii_digit())
                && place_word(t, k).is_none()
        };
        let mut k = e;
        while k < e + allowed && plain(k) {
            k += 1;
        }
        if k == e {
            break;
        }
        // A longer run of plain syllables that a comma, a bracket or the
        // line end closes is still the name (`Quản lý xử lý vi phạm hành
        // chính,`): a sentence says more before its first comma.
        if k == e + allowed {
            let mut m = k;
            while m < e + 7 && plain(m) {
                m += 1;
            }
            // A place closes it too (`Phục vụ hành chính công phường Phú An`).
            let closed = t.toks.get(m).is_none_or(|x| x.after_newline)
                || [',', ';', '(', ')', ':'].iter().any(|&c| t.is_punct(m, c))
                || place_word(t, m).is_some();
            if m > k && closed {
                k = m;
            }
        }
        e = k;
        end = k;
        allowed = 0;
    }
    Some(end)
}

/// An organization starting at token `i`.
#[derive(Debug, Clone)]
pub struct Org {
    pub end: usize,
    pub name: String,
    /// From the lists: borrowed until a record needs its own copy.
    pub category: Option<Category>,
    pub abbr: Option<String>,
    pub rule: &'static str,
    /// Only a head (`Đảng ủy`): kept when the document resolves it.
    pub bare: bool,
    /// The canonical head of a productive name.
    pub head: Option<usize>,
    /// A bare head that an earlier full mention can resolve (`Đảng ủy`,
    /// not `Sở`).
    pub resolvable: bool,
    /// The listed body (index into the lists' organizations), for its history.
    pub listed: Option<usize>,
}

/// The longest organization name starting at token `i`.
pub fn parse(t: &Tokens, i: usize, depth: usize) -> Option<Org> {
    if depth == 0 {
        return at(t, i).cloned();
    }
    parse_uncached(t, i, depth)
}

/// The organization at token `i`, parsed once per document whoever asks.
pub fn at<'t>(t: &'t Tokens, i: usize) -> Option<&'t Org> {
    // Every organization starts with a listed name or a head.
    if !t.is_word(i) || (listed_at(t, i).is_none() && head_word_at(t, i).is_none()) {
        return None;
    }
    let memo = t.memo.orgs.get_or_init(|| {
        let mut memo = crate::tokens::spare_orgs();
        memo.resize_with(t.len(), OnceCell::new);
        memo
    });
    memo[i]
        .get_or_init(|| parse_uncached(t, i, 0).map(Box::new))
        .as_deref()
}

fn parse_uncached(t: &Tokens, i: usize, depth: usize) -> Option<Org> {
    if depth > 3 || !t.is_word(i) {
        return None;
    }
    let gaz = gazetteer_at(t, i);
    let head = head_at(t, i, depth);
    match (gaz, head) {
        // The listed name wins unless the productive one goes on with a
        // capitalized word or a place (`Tạp chí Cộng sản` + `xứng đáng` does not).
        (Some(g), Some(h)) => {
            let more = h.end > g.end
                && !h.bare
                && (t.is_capitalized(g.end) || place_word(t, g.end).is_some());
            Some(if more { h } else { g })
        }
        (g, h) => g.or(h),
    }
}

/// The listed name starting at token `i`: (end token, index).
fn listed_at(t: &Tokens, i: usize) -> Option<(usize, usize)> {
    crate::lexicon::at(t, crate::lexicon::List::OrgName, i)
}

/// The head starting at token `i`: (end token, index).
fn head_word_at(t: &Tokens, i: usize) -> Option<(usize, usize)> {
    crate::lexicon::at(t, crate::lexicon::List::OrgHead, i)
}

fn gazetteer_at(t: &Tokens, i: usize) -> Option<Org> {
    let (end, idx) = listed_at(t, i)?;
    let o = &t.lists.data.organizations[idx];
    if o.category == Category::Office {
        return None;
    }
    // Lower-case mentions only for long names (`đảng ủy các cơ quan Đảng Trung ương`).
    if !t.is_capitalized(i) && end - i < 4 {
        return None;
    }
    // An abbreviation written as the whole name (`TCHQ`, `ASEAN`) or as its
    // head of a body listed without one (`TAND cấp cao tại Đà Nẵng`), else
    // the listed one.
    let whole = end == i + 1 && t.is_allcaps(i);
    let head_abbr = o.abbr.is_none()
        && end > i + 1
        && t.is_allcaps(i)
        && !(i + 1..end).all(|k| t.is_allcaps(k));
    let written_abbr = (whole || head_abbr).then(|| t.text(i).to_string());
    // The head the listed name starts with, so that a later bare head
    // (`UBKT` after `Ủy ban Kiểm tra Trung ương`) can be resolved to it.
    let head = head_word_at(t, i).map(|(_, h)| h);
    // `Bộ Nội vụ (BNV)`: the abbreviation in brackets is part of the mention.
    let (end, written_abbr) = with_paren_abbr(t, end, written_abbr);
    Some(Org {
        end,
        name: o.name.clone(),
        category: Some(o.category),
        abbr: written_abbr.or_else(|| o.abbr.clone()),
        rule: id::ORGANIZATION_GAZETTEER,
        bare: false,
        head,
        resolvable: false,
        listed: Some(idx),
    })
}

/// A name ending at `end` with the abbreviation it has so far, extended over
/// a parenthesised abbreviation right after it, which is inside its span and
/// is its abbreviation (`Ủy ban Kiểm tra (UBKT) Tỉnh ủy`, `Sở Nông nghiệp và
/// Môi trường (NN-MT)`, `(PA05)`).
fn with_paren_abbr(t: &Tokens, end: usize, abbr: Option<String>) -> (usize, Option<String>) {
    match paren_abbr(t, end) {
        Some((pe, a)) => (pe, Some(a)),
        None => (end, abbr),
    }
}

/// The parenthesised abbreviation at `i`: the token after `)` and the abbreviation.
fn paren_abbr(t: &Tokens, i: usize) -> Option<(usize, String)> {
    if !t.is_punct(i, '(') || t.toks[i].after_newline || !t.is_allcaps(i + 1) || !t.glued(i) {
        return None;
    }
    let mut k = i + 2;
    // One glued stretch: `(KHÓA XVI)` is a term, not an abbreviation.
    while k < i + 6 && !t.is_punct(k, ')') {
        let joint = ['-', '&', '.'].iter().any(|&c| t.is_punct(k, c));
        let part = t.is_word(k)
            && t.text(k)
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit());
        if !(joint || part) || !t.glued(k - 1) {
            return None;
        }
        k += 1;
    }
    if !t.is_punct(k, ')') {
        return None;
    }
    let abbr = t.norm[t.toks[i + 1].start..t.toks[k - 1].end].to_string();
    Some((k + 1, abbr))
}

/// A body a department belongs to, right after its name on the same line:
/// one with a place (`Công an tỉnh Quảng Trị`, `UBND huyện Phù Cát`).
fn parent_at(t: &Tokens, i: usize, depth: usize) -> Option<Org> {
    if depth > 0 || !t.is_word(i) || t.toks[i].after_newline {
        return None;
    }
    let (_, idx) = head_word_at(t, i)?;
    if !t.lists.heads.heads[idx].place {
        return None;
    }
    parse(t, i, depth + 1).filter(|o| o.end > i + 1)
}

fn head_at(t: &Tokens, i: usize, depth: usize) -> Option<Org> {
    // Heads are written with a capital, or hold an abbreviation (`đoàn ĐBQH`).
    if !t.is_capitalized(i) && !t.is_allcaps(i + 1) {
        return None;
    }
    let (hend, idx) = head_word_at(t, i)?;
    if hend - i == 1 && crate::lexicon::head_is_name(t, i) {
        return None;
    }
    // `xã Trường Hà`, `phường Hội Hợp`: after a place word, a unit's name.
    let after_place_word =
        (i.saturating_sub(2)..i).any(|k| place_word(t, k).is_some_and(|(e, _)| e == i));
    if hend - i == 1 && after_place_word && admin_unit_at(t, i).is_some_and(|e| e > hend) {
        return None;
    }
    let head = &t.lists.heads.heads[idx];
    let abbr_written = (i..hend).any(|k| t.is_allcaps(k));
    if !t.is_capitalized(i) && !abbr_written {
        return None;
    }
    // `BAN HÀNH DANH MỤC`: a one-word head in an all-caps heading is a word,
    // unless it is an abbreviation (`UBND`) or takes a sector (`SỞ TÀI CHÍNH`);
    // `ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM` is a head in capitals too.
    let all_caps = (i..hend).all(|k| t.is_allcaps(k));
    if all_caps
        && hend - i == 1
        && head.abbr.as_deref() != Some(t.text(i))
        && !head.abbreviations.iter().any(|a| a == t.text(i))
        && !head.sector
    {
        return None;
    }
    let written = t.norm[t.toks[i].start..t.toks[hend - 1].end].to_string();
    // A head written with an abbreviation is named in full (`Đoàn ĐBQH`,
    // `Ủy ban MTTQ Việt Nam`: `Đoàn đại biểu Quốc hội`, `Ủy ban Mặt trận Tổ quốc Việt Nam`).
    let head_name = if abbr_written {
        head.canonical.as_str()
    } else {
        written.as_str()
    };
    // The abbreviation as written (`Ủy ban MTTQ Việt Nam`: `MTTQ`); a head
    // all in capitals (`TỈNH ỦY`, `BAN CHẤP HÀNH`) holds one only when it is
    // the listed abbreviation (`UBND`).
    let abbr = if all_caps {
        head.abbr
            .clone()
            .filter(|a| (i..hend).any(|k| t.text(k) == a))
    } else if abbr_written {
        (i..hend)
            .find(|&k| t.is_allcaps(k))
            .map(|k| t.text(k).to_string())
            .or_else(|| head.abbr.clone())
    } else {
        None
    };
    // What follows the head starts after its parenthesised abbreviation.
    let (hend, abbr) = with_paren_abbr(t, hend, abbr);
    let make =
        |end: usize, tail: Option<String>, category: Option<Category>, abbr: Option<String>| Org {
            end,
            name: match tail {
                Some(tail) => join_words(head_name, &tail),
                None => head_name.to_string(),
            },
            category: category.or(head.category),
            abbr,
            rule: id::ORGANIZATION_HEAD,
            bare: false,
            head: None,
            resolvable: false,
            listed: None,
        };
    // `UBND cấp huyện`, `các cấp`: generic.
    if t.is_word(hend) && t.low(hend) == "cấp" {
        return None;
    }
    // `Công an tỉnh, thành phố`, `Công an tỉnh, Công an cấp xã`: levels
    // of a service everywhere, not one body.
    if let Some((e, word)) = place_word(t, hend) {
        let listed = t.is_punct(e, ',') || (t.is_word(e) && t.low(e) == "và");
        if place_name(t, e, word).is_none() && listed {
            if place_word(t, e + 1).is_some() {
                return None;
            }
            if let Some((he, h)) = head_word_at(t, e + 1) {
                if h == idx && t.is_word(he) && t.low(he) == "cấp" {
                    return None;
                }
            }
        }
    }
    // `Phó Bí thư Thường trực Tỉnh ủy`, `Phó Thủ tướng Thường trực Chính phủ`,
    // `Phó Trưởng Ban Thường trực Ban Tổ chức`: part of the title, not a body.
    let title_end = |w: &str| matches!(w, "thư" | "tịch" | "tướng" | "trưởng" | "nhiệm");
    if i > 0
        && ((head.canonical == "Thường trực" && (title_end(t.low(i - 1)) || t.low(i - 1) == "ban"))
            || (head.canonical == "Ban Thường trực" && t.low(i - 1) == "trưởng"))
    {
        return None;
    }
    // `Thường trực Ban Bí thư` is one person's office (the Secretariat has no
    // standing board); `Thường trực Tỉnh ủy`, `Thường trực Chính phủ` are bodies.
    if head.canonical == "Thường trực" && t.expect(hend, &["ban", "bí", "thư"]).is_some() {
        return None;
    }
    let mut best: Option<Org> = None;
    let mut consider = |o: Org| {
        if best.as_ref().is_none_or(|b| o.end > b.end) {
            best = Some(o);
        }
    };
    if head.org {
        // `Đảng bộ cơ quan Tạp chí Cộng sản`: an optional `cơ quan` before the inner body.
        let mut j = hend;
        let mut co_quan = None;
        if let Some(k) = t.expect(j, &["cơ", "quan"]) {
            co_quan = Some("Cơ quan");
            j = k;
        }
        if let Some(inner) = parse(t, j, depth + 1) {
            let tail = match co_quan {
                Some(c) => join_words(c, &inner.name),
                None => inner.name.clone(),
            };
            let category = head.category.or(inner.category);
            // `Đảng ủy UBND tỉnh` keeps the written abbreviation; `Đảng đoàn
            // Quốc hội` is not `QH`.
            let inner_abbr = inner
                .abbr
                .clone()
                .filter(|_| (j..inner.end).any(|k| t.is_allcaps(k)));
            // `BCH` + `Trung ương Đảng`: the inner body's own name already
            // holds the head (`Ban Chấp hành Trung ương Đảng`).
            let holds_head = co_quan.is_none()
                && inner.name.starts_with(&head.canonical)
                && inner.name[head.canonical.len()..].starts_with(' ');
            // `TT HĐND tỉnh`: two written abbreviations make one (`TT HĐND`).
            let inner_abbr = match (&abbr, inner_abbr) {
                (Some(a), Some(ia)) if abbr_written && co_quan.is_none() => {
                    Some(format!("{a} {ia}"))
                }
                (_, ia) => ia,
            };
            let abbr = if abbr_written && inner_abbr.is_some() {
                None
            } else {
                abbr.clone()
            };
            if holds_head {
                let mut o = make(inner.end, None, category, abbr.clone().or(inner_abbr));
                o.name = inner.name.clone();
                o.listed = inner.listed;
                consider(o);
            } else {
                consider(make(
                    inner.end,
                    Some(tail),
                    category,
                    abbr.clone().or(inner_abbr),
                ));
            }
        } else if co_quan.is_some() && head.name {
            if let Some(e) = name_run(t, j) {
                let tail = join_words("Cơ quan", &t.norm[t.toks[j].start..t.toks[e - 1].end]);
                consider(make(e, Some(tail), None, abbr.clone()));
            }
        }
    }
    if head.place {
        if let Some((e, p)) = place(t, hend) {
            consider(make(e, Some(p), None, abbr.clone()));
        } else if all_caps
            && t.is_allcaps(hend)
            && t.toks.get(hend).is_some_and(|k| k.after_newline)
        {
            // A legal header writes the body on two lines: `ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NAM`.
            if let Some((e, p)) = place_on_next_line(t, hend) {
                consider(make(e, Some(p), None, abbr.clone()));
            }
        }
    }
    if head.sector {
        if let Some((se, si)) = crate::lexicon::at(t, crate::lexicon::List::Sector, hend) {
            let written = &t.norm[t.toks[hend].start..t.toks[se - 1].end];
            let sector_abbr = (hend..se)
                .any(|k| t.is_allcaps(k))
                .then(|| written.to_string());
            // `Sở NN-MT`: the name spells the sector out.
            // (A sector in capitals, `SỞ TÀI CHÍNH`, stays as written.)
            let sector = if sector_abbr.is_some() && !written.contains(' ') {
                t.lists.heads.sector_names[si].clone()
            } else {
                written.to_string()
            };
            let (se, sector_abbr) = with_paren_abbr(t, se, sector_abbr);
            let (end, tail) = match place(t, se) {
                Some((pe, p)) => (pe, join_words(&sector, &p)),
                None => match parent_at(t, se, depth) {
                    // `Phòng Cảnh sát hình sự Công an tỉnh Quảng Trị`,
                    // `Phòng Tư pháp UBND huyện Phù Cát`: the body it belongs to.
                    Some(parent) => (parent.end, join_words(&sector, &parent.name)),
                    None => (se, sector),
                },
            };
            consider(make(end, Some(tail), None, sector_abbr.or(abbr.clone())));
        }
    }
    if head.name {
        if let Some(e) = name_run(t, hend) {
            let name = t.norm[t.toks[hend].start..t.toks[e - 1].end].to_string();
            let (e, name_abbr) = with_paren_abbr(t, e, abbr.clone());
            let (end, tail) = match place(t, e) {
                Some((pe, p)) => (pe, join_words(&name, &p)),
                None => (e, name),
            };
            consider(make(end, Some(tail), None, name_abbr));
        }
    }
    if best.is_none() {
        // `Công an các tỉnh`: a head over many bodies is not one body.
        if t.is_word(hend) && t.low(hend) == "các" {
            return None;
        }
        // Two capitals alone (`TT`: Thường trực, trung tâm, thị trấn,
        // Thông tư) say too little to be a body.
        if all_caps && written.chars().count() <= 2 {
            return None;
        }
        // `Lê Văn Trường`, `Hỗ Sỹ Trường`: a head alone that ends a
        // person's name is the given name.
        let in_name = (i.saturating_sub(3)..i).any(|k| {
            surname_start(t, k)
                && (k + 1..=i)
                    .all(|m| t.is_capitalized(m) && !t.is_allcaps(m) && !t.toks[m].after_newline)
        });
        if in_name {
            return None;
        }
        let mut o = make(hend, None, None, abbr);
        o.bare = !head.bare;
        if o.bare {
            o.rule = id::ORGANIZATION_BARE;
            o.name = written;
        }
        best = Some(o);
    }
    best.map(|mut o| {
        o.head = Some(idx);
        o.resolvable = head.org || head.place;
        o
    })
}

/// Finds every organization in the document.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let t = cx.tokens;
    let mut i = 0;
    while i < t.len() {
        if !t.is_word(i) {
            i += 1;
            continue;
        }
        // `Hải Phòng`: a head inside a place name is not a head.
        // `Hải Phòng`, `Trường Sa`: a head inside or opening a place name is not a head.
        let inside_name = || {
            (i.saturating_sub(2)..=i)
                .any(|k| place_at(t, k).is_some_and(|(e, _)| e > i + usize::from(k == i)))
        };
        if let Some(o) =
            parse(t, i, 0).filter(|o| o.rule == id::ORGANIZATION_GAZETTEER || !inside_name())
        {
            let history = o.listed.map(|k| &t.lists.data.organizations[k]);
            let mut org = Organization {
                name: o.name,
                category: o.category,
                abbr: o.abbr,
                term: None,
                successor: history.and_then(|h| h.successor.clone()),
                valid_to: history.and_then(|h| h.valid_to.clone()),
                bare: o.bare,
                head: o.head.map(|h| t.lists.heads.heads[h].canonical.clone()),
                resolvable: o.resolvable,
            };
            // `Ban Chấp hành Trung ương khóa XII`: the term is a field.
            if let Some(k) = t.expect(o.end, &["khóa"]) {
                if t.is_word(k) {
                    org.term = numeral(t.text(k));
                }
            }
            out.push(Candidate {
                start: t.toks[i].start,
                end: t.toks[o.end - 1].end,
                fields: Fields::Organization(Box::new(org)),
                rule: o.rule,
            });
            i = o.end;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::record::Fields;

    fn orgs(input: &str) -> Vec<(String, String)> {
        crate::found(input, |f| match f {
            Fields::Organization(o) => Some(o.name),
            _ => None,
        })
    }

    fn texts(input: &str) -> Vec<String> {
        orgs(input).into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn productive_names() {
        assert_eq!(
            texts("tại Trung tâm Phục vụ hành chính công phường Phú An và Trung tâm Y tế huyện Phù Cát"),
            [
                "Trung tâm Phục vụ hành chính công phường Phú An",
                "Trung tâm Y tế huyện Phù Cát"
            ]
        );
        assert_eq!(
            texts("UBND tỉnh Quảng Nam và UBND huyện Phù Cát họp"),
            ["UBND tỉnh Quảng Nam", "UBND huyện Phù Cát"]
        );
        assert_eq!(
            texts("Sở Tài chính tỉnh Bình Định phối hợp"),
            ["Sở Tài chính tỉnh Bình Định"]
        );
        assert_eq!(
            texts("giao Vụ Pháp chế và Quản lý khoa học chủ trì, Sở Kế hoạch và Đầu tư thực hiện"),
            ["Vụ Pháp chế và Quản lý khoa học", "Sở Kế hoạch và Đầu tư"]
        );
        assert_eq!(
            texts("Phó Tư lệnh Quân khu 5; Bộ Tư lệnh Quân khu 7; nguyên Thường trực Ban Bí thư"),
            ["Quân khu 5", "Bộ Tư lệnh Quân khu 7", "Ban Bí thư"]
        );
        assert_eq!(
            texts("Vụ Tổ chức - Biên chế; Vụ Pháp chế - Bộ Tư pháp"),
            ["Vụ Tổ chức - Biên chế", "Vụ Pháp chế", "Bộ Tư pháp"]
        );
        assert_eq!(
            texts("Giám đốc Công an tỉnh Bắc Ninh"),
            ["Công an tỉnh Bắc Ninh"]
        );
        assert_eq!(
            texts("Ban Thường vụ Tỉnh ủy tổ chức"),
            ["Ban Thường vụ Tỉnh ủy"]
        );
        assert_eq!(
            texts("Ban Thường vụ Đảng ủy UBND tỉnh"),
            ["Ban Thường vụ Đảng ủy UBND tỉnh"]
        );
        assert_eq!(
            texts("Đảng bộ Cơ quan Tạp chí Cộng sản"),
            ["Đảng bộ Cơ quan Tạp chí Cộng sản"]
        );
        assert_eq!(
            texts("học sinh Trường THCS Nhơn Hạnh (TX An Nhơn)"),
            ["Trường THCS Nhơn Hạnh"]
        );
        assert_eq!(
            texts("Phó Chủ tịch UBND tỉnh Nguyễn Tự Công Hoàng"),
            ["UBND tỉnh"]
        );
        // Short forms take the province the document is about.
        let o =
            orgs("Tại tỉnh Bình Định, Ban Thường vụ Tỉnh ủy và UBND tỉnh họp; Tỉnh ủy chỉ đạo.");
        let names: Vec<&str> = o.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ban Thường vụ Tỉnh ủy Bình Định",
                "Ủy ban nhân dân tỉnh Bình Định",
                "Tỉnh ủy Bình Định"
            ]
        );
        let o = orgs("Chủ tịch UBND TP.HCM phát biểu");
        assert_eq!(
            o,
            [(
                "UBND TP.HCM".to_string(),
                "Ủy ban nhân dân thành phố Hồ Chí Minh".to_string()
            )]
        );
        let o = orgs("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\nSỞ TÀI CHÍNH\nTHÔNG TƯ BAN HÀNH DANH MỤC");
        assert_eq!(o[0].1, "Ủy ban nhân dân tỉnh Quảng Nam");
        assert_eq!(o[1].0, "SỞ TÀI CHÍNH");
        assert_eq!(o.len(), 2);
    }

    #[test]
    fn gazetteer_names_and_terms() {
        let o = orgs("Ban Chấp hành Trung ương khóa XII và Bộ_Chính_trị, UBKT T.Ư");
        assert_eq!(
            o[0],
            (
                "Ban Chấp hành Trung ương".to_string(),
                "Ban Chấp hành Trung ương Đảng".to_string()
            )
        );
        assert_eq!(o[1].1, "Bộ Chính trị");
        assert_eq!(o[2].1, "Ủy ban Kiểm tra Trung ương");
    }

    #[test]
    fn lower_case_specialties_run_on() {
        assert_eq!(
            texts("Chi cục Phát triển nông thôn và Chi cục Trồng trọt và Bảo vệ thực vật được sáp nhập; Sở Giao thông vận tải tỉnh; Ban Tiếp công dân tỉnh"),
            [
                "Chi cục Phát triển nông thôn",
                "Chi cục Trồng trọt và Bảo vệ thực vật",
                "Sở Giao thông vận tải tỉnh",
                "Ban Tiếp công dân tỉnh"
            ]
        );
        // A long specialty closed by a comma; a verb after a name ends it.
        assert_eq!(
            texts("Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính, Sở Xây dựng triển khai kế hoạch"),
            ["Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính", "Sở Xây dựng"]
        );
    }

    #[test]
    fn ministries_with_the_abbreviation_of_their_sector() {
        let o = orgs("Bộ GD&ĐT, Bộ NN-MT, Bộ LĐ-TB&XH và Bộ Tài chính; Bộ Chính trị");
        let names: Vec<&str> = o.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Bộ Giáo dục và Đào tạo",
                "Bộ Nông nghiệp và Môi trường",
                "Bộ Lao động - Thương binh và Xã hội",
                "Bộ Tài chính",
                "Bộ Chính trị"
            ]
        );
    }

    #[test]
    fn two_written_abbreviations_make_one() {
        let abbrs = crate::found(
            "TT HĐND tỉnh; TT Tỉnh ủy; BTV Tỉnh ủy; VP UBND tỉnh",
            |f| match f {
                Fields::Organization(o) => Some(o.abbr),
                _ => None,
            },
        );
        let got: Vec<Option<&str>> = abbrs.iter().map(|(_, a)| a.as_deref()).collect();
        assert_eq!(
            got,
            [Some("TT HĐND"), Some("TT"), Some("BTV"), Some("VP UBND")]
        );
    }

    #[test]
    fn bracketed_abbreviations_departments_and_border_guards() {
        let o = orgs(
            "Ủy ban Kiểm tra (UBKT) Tỉnh ủy Bình Định; Sở Nông nghiệp và Môi trường (NN-MT) TPHCM; \
             Bộ Nội vụ (BNV); Ban Chấp hành Đảng bộ tỉnh (KHÓA XVI)",
        );
        let got: Vec<(&str, &str)> = o.iter().map(|(t, n)| (t.as_str(), n.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    "Ủy ban Kiểm tra (UBKT) Tỉnh ủy Bình Định",
                    "Ủy ban Kiểm tra Tỉnh ủy Bình Định"
                ),
                (
                    "Sở Nông nghiệp và Môi trường (NN-MT) TPHCM",
                    "Sở Nông nghiệp và Môi trường thành phố Hồ Chí Minh"
                ),
                ("Bộ Nội vụ (BNV)", "Bộ Nội vụ"),
                // The document's province completes the bare level.
                (
                    "Ban Chấp hành Đảng bộ tỉnh",
                    "Ban Chấp hành Đảng bộ tỉnh Bình Định"
                ),
            ]
        );
        // A department of a body with a place; abbreviated heads named in full.
        let o = orgs(
            "Phòng Cảnh sát hình sự Công an tỉnh Quảng Trị, Phòng CSGT Công an tỉnh Bình Định, \
             Phòng Tư pháp UBND huyện Phù Cát, Đoàn ĐBQH tỉnh Lai Châu, Ủy ban MTTQ tỉnh Thanh Hóa, \
             Đồn Biên phòng Cà Ná và Bộ Chỉ huy BĐBP tỉnh Tây Ninh",
        );
        let names: Vec<&str> = o.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Phòng Cảnh sát hình sự Công an tỉnh Quảng Trị",
                "Phòng Cảnh sát giao thông Công an tỉnh Bình Định",
                "Phòng Tư pháp Ủy ban nhân dân huyện Phù Cát",
                "Đoàn đại biểu Quốc hội tỉnh Lai Châu",
                "Ủy ban Mặt trận Tổ quốc tỉnh Thanh Hóa",
                "Đồn Biên phòng Cà Ná",
                "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tây Ninh",
            ]
        );
        // Abbreviations alone in capitals; a head before a head (`Ban Thường
        // trực`, `Cục` + `Thi hành án dân sự`); a title's `Thường trực` is no body.
        let o = orgs(
            "Ban Thường trực UBMTTQVN tỉnh Quảng Trị, Cục Thi hành án dân sự tỉnh Nam Định, \
             Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh; Phó Thủ tướng Thường trực Chính phủ",
        );
        let names: Vec<&str> = o.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị",
                "Cục Thi hành án dân sự tỉnh Nam Định",
                "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh",
                "Chính phủ",
            ]
        );
    }

    #[test]
    fn abbreviated_heads_and_self_prefixed_cities() {
        let o = orgs("- TT Tỉnh ủy, TT HĐND tỉnh; BTV Tỉnh ủy; Ủy viên BCH Trung ương Đảng; Thành ủy TPHCM, Công an TP.HCM");
        let names: Vec<&str> = o.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Thường trực Tỉnh ủy",
                "Thường trực Hội đồng nhân dân tỉnh",
                "Ban Thường vụ Tỉnh ủy",
                "Ban Chấp hành Trung ương Đảng",
                "Thành ủy thành phố Hồ Chí Minh",
                "Công an thành phố Hồ Chí Minh",
            ]
        );
        // `Trung ương` abbreviated inside a listed name.
        let o = orgs("Ban Bí thư T.Ư Đảng, Ban Tổ chức TƯ và Ban Tổ chức TW");
        let names: Vec<&str> = o.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ban Bí thư",
                "Ban Tổ chức Trung ương",
                "Ban Tổ chức Trung ương"
            ]
        );
        // Sector abbreviations spell the sector out in `name`.
        let o = orgs("Sở NN-MT TPHCM, Sở NNMT, Sở LĐ-TB&XH và Sở VH,TT&DL; SỞ TÀI CHÍNH");
        let names: Vec<&str> = o.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Sở Nông nghiệp và Môi trường thành phố Hồ Chí Minh",
                // The later short mention is the body named in full before.
                "Sở Nông nghiệp và Môi trường thành phố Hồ Chí Minh",
                "Sở Lao động - Thương binh và Xã hội",
                "Sở Văn hóa, Thể thao và Du lịch",
                "Sở TÀI CHÍNH"
            ]
        );
        // Two capitals alone are no body.
        assert!(texts("Hội nghị tại TT Y tế huyện; TT. Phú Phong").is_empty());
    }

    #[test]
    fn abbreviations_are_written_ones() {
        let abbrs: Vec<Option<String>> = crate::found(
            "Đảng đoàn Quốc hội, Ban Thường vụ Đảng ủy UBND tỉnh, Sở GD&ĐT",
            |f| match f {
                Fields::Organization(o) => Some(o.abbr),
                _ => None,
            },
        )
        .into_iter()
        .map(|(_, a)| a)
        .collect();
        assert_eq!(abbrs, [None, Some("UBND".into()), Some("GD&ĐT".into())]);
    }

    #[test]
    fn generic_nouns_are_not_organizations() {
        assert!(texts("các đảng ủy trực thuộc, cấp ủy, UBND cấp huyện, đảng bộ").is_empty());
        // Levels of a service everywhere.
        assert!(
            texts("cán bộ Công an tỉnh, thành phố; bộ máy Công an tỉnh, Công an cấp xã").is_empty()
        );
        assert_eq!(
            texts("UBND tỉnh, Sở Tài chính"),
            ["UBND tỉnh", "Sở Tài chính"]
        );
    }

    #[test]
    fn heads_that_are_names_of_persons_and_places() {
        assert!(texts("ông Lê Trường Lưu, đồng chí Đoàn Hồng Phong, Đoàn Văn Việt").is_empty());
        assert_eq!(
            texts("Hội LHPN xã Trường Hà, Tỉnh Đoàn Bình Định"),
            ["Hội LHPN xã Trường Hà", "Tỉnh Đoàn Bình Định"]
        );
    }
}
