//! `document_ref`: references to legal and Party documents.
//!
//! Rules (ids reported in `rule`):
//! - `document_ref/typed_code`: type word + optional `số` + code
//!   (`Chỉ thị số 05-CT/TW`, `Nghị định 30/2020/NĐ-CP`, `Nghị quyết số 18 - NQ/TW`);
//! - `document_ref/code`: a code alone (`theo 30/2020/NĐ-CP`, `Số: 87/2025/NĐ-CP`);
//! - `document_ref/short`: type word + number (`Chỉ thị 05`, `Nghị quyết số 18`),
//!   and `document_ref/short_list` for `Nghị định 29 và 178`;
//! - `document_ref/plenum`, `document_ref/congress`: `Nghị quyết Trung ương 4 khóa XII`,
//!   `Nghị quyết Đại hội XII`;
//! - `document_ref/named`: `Luật Đất đai năm 2024`, `Bộ luật Hình sự`, `Điều lệ Đảng`,
//!   `Hiến pháp năm 2013`, `Quy hoạch điện VIII`, `Luật sửa đổi, bổ sung...`.
//!
//! Not references: `Nghị định này`, `Quyết định bổ nhiệm`, `các nghị quyết`, `Điều 5`.
//! A code never starts with a digit run followed by a lower-case word, so
//! `38/64 đảng bộ` and dates such as `30/7/2019` are never codes.

use std::sync::LazyLock;

use regex::Regex;

use super::id;
use super::numerals::{numeral, roman_upper as roman};
use super::words::{ends_document_name, is_counted_noun, is_time_unit};
use crate::gazetteer::{Cite, Data, DocType};
use crate::lexicon::{self, List};
use crate::record::{DocumentRef, Fields, System};
use crate::select::Candidate;
use crate::text::{boundary_after, boundary_before};
use crate::tokens::Tokens;

/// Document codes, Party (`NN-XX/YY`) and state (`NN[/YYYY]/XX-YY`), on the
/// normalized view (dashes are already `-`). ASCII classes keep it fast. A
/// line end may follow a dash: PDF text breaks codes there (`05-` / `CT/TW`).
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    // A group may join another with `&` (`BNN&MT`, `QLN& PTĐT`); a space
    // or a line end may follow a dash (`TT- BTC`); the legislature of a
    // law may stand apart (`QH 15`).
    let up = "[A-ZĐƯ][A-Za-z0-9ĐđƯư]*(?:&[ ]?[A-ZĐƯ][A-Za-z0-9ĐđƯư]*)*";
    Regex::new(&format!(
        r"(?P<num>[0-9]{{1,5}}(?:\.[0-9]{{1,2}})?)(?:[ ]{{0,2}}-(?:[ ]{{0,2}}|\n)(?P<ptype>{up})[ ]{{0,2}}/[ ]{{0,2}}(?P<piss>{up}(?:-[\n ]?{up})*)|[ ]{{0,2}}/[ ]{{0,2}}(?:(?P<year>(?:19|20)[0-9]{{2}})[ ]{{0,2}}/[ ]{{0,2}})?(?P<stail>QH[ ]1[0-9]|{up}(?:-[\n ]?{up})*))"
    ))
    .expect("code regex compiles")
});

/// What may stand between a reference and `của <issuer>`: a comma, a date.
static BEFORE_ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ ,]*(?:(?:ngày|Ngày) [0-9]{1,2}(?:[/.-][0-9]{1,2}[/.-][0-9]{4}| tháng [0-9]{1,2},? năm [0-9]{4})[ ,]*)?của ",
    )
    .expect("issuer regex compiles")
});

/// A quoted title after a reference and its issuer. No capture group: the
/// title is what stands between the first quote and the last, and finding
/// the match costs a fraction of capturing inside it.
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[ ,:]*(?:(?:về|Về)(?: việc)? )?["“][^"”\n]{1,500}["”]"#)
        .expect("title regex compiles")
});

/// A parsed document code.
#[derive(Debug, Clone)]
struct Code {
    start: usize,
    end: usize,
    fields: DocumentRef,
}

/// Finds every document reference in `text`.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let (text, t) = (cx.text, cx.tokens);
    let norm = text.norm();
    let codes = find_codes(&t.lists.data, norm);
    let mut used = vec![false; codes.len()];
    let mut refs: Vec<(usize, usize, DocumentRef, &'static str)> = Vec::new();

    // Type words, leftmost and longest first, from the tokens' lexicon.
    let mut i = 0;
    while i < t.len() {
        let Some((e, idx)) = lexicon::at(t, List::DocType, i) else {
            i += 1;
            continue;
        };
        let (start, end) = (t.toks[i].start, t.toks[e - 1].end);
        let first = i;
        i = e;
        if !boundary_before(norm, start) || !boundary_after(norm, end) {
            continue;
        }
        let ty = &t.lists.data.doc_types[idx];
        // `pháp luật` is law in general, `kỷ luật` discipline, `quy luật` a
        // rule of nature: words, not a law.
        if ty.name == "Luật"
            && first > 0
            && t.is_word(first - 1)
            && matches!(t.low(first - 1), "pháp" | "kỷ" | "quy" | "định")
        {
            continue;
        }
        let capitalized = norm[start..].chars().next().is_some_and(char::is_uppercase);
        let found = typed(t, &codes, &mut used, ty, start, end, capitalized);
        for (s, e, fields, rule) in found {
            refs.push((s, e, fields, rule));
        }
    }
    for (code, used) in codes.iter().zip(&used) {
        if !used {
            let mut f = code.fields.clone();
            f.own_number = is_own_number(norm, code.start);
            refs.push((code.start, code.end, f, id::DOCUMENT_REF_CODE));
        }
    }
    for (start, end, mut f, rule) in refs {
        f.type_written = rule != id::DOCUMENT_REF_CODE;
        trailing(t, norm, text.lower(), end, &mut f);
        out.push(Candidate {
            start,
            end,
            fields: Fields::DocumentRef(Box::new(f)),
            rule,
        });
    }
}

/// All codes in the normalized text, with boundaries checked.
fn find_codes(d: &Data, norm: &str) -> Vec<Code> {
    let mut out = Vec::new();
    // `find_iter` runs on the fast DFA; which shape matched is read from the text.
    for m in CODE.find_iter(norm) {
        let (start, mut end) = (m.start(), m.end());
        let before = norm[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | ',')) {
            continue;
        }
        // Glued text (`NĐ-CPquy định`): cut the lower-case tail of the last group.
        let glued = norm[end..].chars().next().is_some_and(char::is_alphabetic);
        let tail_lower = norm[..end]
            .chars()
            .rev()
            .take_while(|c| c.is_lowercase())
            .map(char::len_utf8)
            .sum::<usize>();
        let tail_chars = norm[end - tail_lower..end].chars().count();
        if glued || tail_chars >= 3 {
            end -= tail_lower;
            if !boundary_after(norm, end) && norm[end..].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
        }
        if end <= start || !norm[..end].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        if norm[..end].ends_with('-') || norm[..end].ends_with('/') {
            continue;
        }
        // After a spaced dash or `&`, the group must end the word: not the
        // capital of a word that follows (`15/CT- Đoàn`).
        let spaced = norm[start..end].contains("- ") || norm[start..end].contains("& ");
        if spaced && norm[end..].starts_with(char::is_alphabetic) {
            continue;
        }
        let raw: String = norm[start..end]
            .chars()
            .filter(|c| *c != ' ' && *c != '\n')
            .collect();
        // `diện 2/IV`: a Roman numeral after a slash is a category, not an issuer.
        // Party codes put the type after a dash (`05-CT/TW`), state codes after a slash.
        let party = raw
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .starts_with('-');
        let tail = raw.rsplit('/').next().unwrap_or("");
        if !party && raw.matches('/').count() == 1 && !tail.contains('-') && roman(tail).is_some() {
            continue;
        }
        if let Some(fields) = parse_code(d, &raw, party) {
            out.push(Code { start, end, fields });
        }
    }
    out
}

/// Splits a code without spaces into its fields.
fn parse_code(d: &Data, raw: &str, party: bool) -> Option<DocumentRef> {
    let mut f = DocumentRef {
        code: Some(raw.to_string()),
        ..DocumentRef::default()
    };
    if party {
        let (num, rest) = raw.split_once('-')?;
        let (ty, issuer) = rest.split_once('/')?;
        f.number = Some(num.to_string());
        let ty_canon = d.canonical_type_abbr(ty).unwrap_or(ty).to_string();
        f.doc_type = d.doc_type_by_abbr(ty, true).map(|t| t.name.clone());
        f.code = Some(format!("{num}-{ty_canon}/{issuer}"));
        f.type_abbr = Some(ty_canon);
        f.issuer_abbr = Some(issuer.to_string());
        f.system = Some(System::Party);
        return Some(f);
    }
    let mut parts = raw.split('/');
    let num = parts.next()?;
    let second = parts.next()?;
    let (year, tail) = match parts.next() {
        Some(t) => (Some(second), t),
        None => (None, second),
    };
    f.number = Some(num.to_string());
    f.year = year.map(String::from);
    f.system = Some(System::State);
    let mut groups = tail.split('-');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let is_type = !rest.is_empty() && d.doc_type_by_abbr(first, false).is_some();
    if is_type {
        let ty = d.canonical_type_abbr(first).unwrap_or(first).to_string();
        f.doc_type = d.doc_type_by_abbr(first, false).map(|t| t.name.clone());
        let issuers: Vec<String> = rest
            .iter()
            .map(|g| d.canonical_issuer_abbr(g).unwrap_or_else(|| g.to_string()))
            .collect();
        f.issuer_abbr = Some(issuers.join("-"));
        if issuers.len() == 1 {
            f.issuer = d.issuer_name(&issuers[0]).map(String::from);
        }
        f.code = Some(format!(
            "{}{}/{}-{}",
            num,
            year.map(|y| format!("/{y}")).unwrap_or_default(),
            ty,
            issuers.join("-")
        ));
        f.type_abbr = Some(ty);
    } else {
        // `N/YYYY/QH15` (laws, resolutions of the National Assembly) or a
        // letter `N/ISSUER-UNIT`: the first group names the issuer.
        f.issuer_abbr = Some(tail.to_string());
        f.issuer = d.issuer_name(first).map(String::from);
    }
    Some(f)
}

/// `Số: 87/2025/NĐ-CP` at the head of a legal text.
fn is_own_number(norm: &str, start: usize) -> bool {
    let before = norm[..start].trim_end_matches([' ', '\n', '\t']);
    before.ends_with("Số:") || before.ends_with("SỐ:")
}

type Found = (usize, usize, DocumentRef, &'static str);

/// References that start with the type word at `start..end`.
fn typed(
    t: &Tokens,
    codes: &[Code],
    used: &mut [bool],
    ty: &DocType,
    start: usize,
    end: usize,
    capitalized: bool,
) -> Vec<Found> {
    let norm = t.norm;
    // Built only for a hit: most type words (`kế hoạch`, `báo cáo`) cite nothing.
    let base = || DocumentRef {
        doc_type: Some(ty.name.clone()),
        ..DocumentRef::default()
    };
    // Spaces in the lower view: a soft wrap or a page break between the
    // type word, `số` and the code is one (`Nghị định số` / `45/2025/NĐ-CP`).
    let mut pos = skip_spaces(t.lower, end);
    if pos == end {
        return Vec::new();
    }
    // Optional `số` / `số:`.
    let lower_rest = &norm[pos..];
    if let Some(after) = strip_word_ci(lower_rest, "số") {
        let mut p = pos + (lower_rest.len() - after.len());
        if norm[p..].starts_with(':') {
            p += 1;
        }
        let q = skip_spaces(t.lower, p);
        if q > p || norm[p..].starts_with(|c: char| c.is_ascii_digit()) {
            pos = q;
        }
    }
    // A code.
    if let Ok(i) = codes.binary_search_by_key(&pos, |c| c.start) {
        used[i] = true;
        let mut f = codes[i].fields.clone();
        f.doc_type = Some(ty.name.clone());
        return vec![(start, codes[i].end, f, id::DOCUMENT_REF_TYPED_CODE)];
    }
    // A number and its year, the rest of the code left off, as news
    // writes it: `Nghị quyết số 202/2025`.
    if let Some((slash, e)) = number_year(norm, pos) {
        return vec![(
            start,
            e,
            DocumentRef {
                code: Some(norm[pos..e].to_string()),
                number: Some(norm[pos..slash].to_string()),
                year: Some(norm[slash + 1..e].to_string()),
                ..base()
            },
            id::DOCUMENT_REF_NUMBER_YEAR,
        )];
    }
    // A short number: `Chỉ thị 05`, `Nghị định 29 và 178`.
    if let Some(num_end) = short_number(norm, pos) {
        let mut out = vec![(
            start,
            num_end,
            DocumentRef {
                number: Some(norm[pos..num_end].to_string()),
                ..base()
            },
            id::DOCUMENT_REF_SHORT,
        )];
        let rest = &norm[num_end..];
        for sep in [" và ", ", "] {
            if rest.starts_with(sep) {
                let p = num_end + sep.len();
                if let Some(e) = short_number(norm, p) {
                    out.push((
                        p,
                        e,
                        DocumentRef {
                            number: Some(norm[p..e].to_string()),
                            ..base()
                        },
                        id::DOCUMENT_REF_SHORT_LIST,
                    ));
                }
                break;
            }
        }
        return out;
    }
    if !capitalized {
        return Vec::new();
    }
    if ty.name == "Nghị quyết" {
        let base = base();
        if let Some((e, f)) = plenum(norm, pos, &base) {
            return vec![(start, e, f, id::DOCUMENT_REF_PLENUM)];
        }
        if let Some((e, f)) = congress(norm, pos, &base) {
            return vec![(start, e, f, id::DOCUMENT_REF_CONGRESS)];
        }
    }
    if ty.cite == Cite::Code {
        return Vec::new();
    }
    match named(t, norm, t.lower, end, ty) {
        Some((e, f)) => vec![(start, e, f, id::DOCUMENT_REF_NAMED)],
        None => Vec::new(),
    }
}

fn skip_spaces(s: &str, mut pos: usize) -> usize {
    while s[pos..].starts_with(' ') {
        pos += 1;
    }
    pos
}

/// `s` without a leading `word` (case-insensitive) that ends at a boundary.
fn strip_word_ci<'s>(s: &'s str, word: &str) -> Option<&'s str> {
    let head = s.get(..word.len())?;
    let same = head.chars().flat_map(char::to_lowercase).eq(word.chars());
    if !same || !boundary_after(s, word.len()) {
        return None;
    }
    Some(&s[word.len()..])
}

/// End of a short reference number at `pos`: 1–4 digits that do not go on
/// into a code, a date, a fraction or a decimal.
fn short_number(norm: &str, pos: usize) -> Option<usize> {
    let digits = norm[pos..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let end = pos + digits;
    let rest = &norm.as_bytes()[end..];
    match rest {
        [b'/' | b'-' | b'.' | b',', d, ..] if d.is_ascii_digit() || d.is_ascii_uppercase() => None,
        [b'/' | b'-', ..] => None,
        _ if !boundary_after(norm, end) => None,
        _ => {
            let next = word_at(norm, end + 1).filter(|_| rest.first() == Some(&b' '));
            let unit = next.is_some_and(|(w, _)| {
                let w = w.to_lowercase();
                is_time_unit(&w) || is_counted_noun(&w)
            });
            (!unit).then_some(end)
        }
    }
}

/// `202/2025` at `pos`, not followed by more of a code: where the slash
/// is, and the end.
fn number_year(norm: &str, pos: usize) -> Option<(usize, usize)> {
    let b = norm.as_bytes();
    let digits = b[pos..].iter().take_while(|c| c.is_ascii_digit()).count();
    let slash = pos + digits;
    if !(1..=5).contains(&digits) || b.get(slash) != Some(&b'/') {
        return None;
    }
    let year = b.get(slash + 1..slash + 5)?;
    let end = slash + 5;
    let more =
        matches!(b.get(end), Some(c) if c.is_ascii_alphanumeric() || *c == b'/' || *c == b'-');
    (year.iter().all(u8::is_ascii_digit) && matches!(&year[..2], b"19" | b"20") && !more)
        .then_some((slash, end))
}

/// The word at `pos` (letters and digits) and its end.
fn word_at(s: &str, pos: usize) -> Option<(&str, usize)> {
    let len: usize = s
        .get(pos..)?
        .chars()
        .take_while(|&c| crate::text::is_word_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| (&s[pos..pos + len], pos + len))
}

/// Words separated by single spaces starting at `pos`, lower-cased compare.
fn expect_words(norm: &str, pos: usize, words: &[&str]) -> Option<usize> {
    let mut p = pos;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            p = norm[p..].strip_prefix(' ').map(|_| p + 1)?;
        }
        let (got, e) = word_at(norm, p)?;
        if !got.chars().flat_map(char::to_lowercase).eq(w.chars()) {
            return None;
        }
        p = e;
    }
    Some(p)
}

/// ` khóa XII` or ` (khóa XII)` at `pos` → (end, 12).
fn term_at(norm: &str, pos: usize) -> Option<(usize, u32)> {
    let mut p = skip_spaces(norm, pos);
    let paren = norm[p..].starts_with('(');
    if paren {
        p += 1;
    }
    p = expect_words(norm, p, &["khóa"])?;
    let (w, mut e) = word_at(norm, skip_spaces(norm, p))?;
    if paren {
        e = norm[e..].starts_with(')').then_some(e + 1)?;
    }
    Some((e, numeral(w)?))
}

/// `Trung ương 4 khóa XII`, `Hội nghị Trung ương 4`, `Hội nghị lần thứ 11 Ban
/// Chấp hành Trung ương Đảng khóa XIII` after `Nghị quyết`.
fn plenum(norm: &str, pos: usize, base: &DocumentRef) -> Option<(usize, DocumentRef)> {
    let mut p = pos;
    let mut number = None;
    if let Some(e) = expect_words(norm, p, &["hội", "nghị"]) {
        p = skip_spaces(norm, e);
        if let Some(e) = expect_words(norm, p, &["lần", "thứ"]) {
            let (w, e2) = word_at(norm, skip_spaces(norm, e))?;
            number = Some(numeral(w)?);
            p = skip_spaces(norm, e2);
            p = expect_words(norm, p, &["ban", "chấp", "hành"]).map_or(p, |e| skip_spaces(norm, e));
        }
    }
    let mut end = expect_words(norm, p, &["trung", "ương"])?;
    if let Some(e) = expect_words(norm, skip_spaces(norm, end), &["đảng"]) {
        end = e;
    }
    if number.is_none() {
        if let Some((w, e)) = word_at(norm, skip_spaces(norm, end)) {
            if let Some(n) = numeral(w) {
                number = Some(n);
                end = e;
            }
        }
    }
    let mut f = DocumentRef {
        plenum: number,
        ..base.clone()
    };
    if let Some((e, t)) = term_at(norm, end) {
        f.term = Some(t);
        end = e;
    }
    (f.plenum.is_some() || f.term.is_some()).then_some((end, f))
}

/// `Đại hội XII`, `Đại hội Đảng bộ tỉnh lần thứ X` after `Nghị quyết`.
fn congress(norm: &str, pos: usize, base: &DocumentRef) -> Option<(usize, DocumentRef)> {
    let mut p = expect_words(norm, pos, &["đại", "hội"])?;
    for _ in 0..8 {
        if !norm[p..].starts_with(' ') {
            return None;
        }
        p += 1;
        let (w, e) = word_at(norm, p)?;
        if let Some(n) = roman(w).filter(|_| w.len() > 1 || w == "I" || w == "V" || w == "X") {
            return Some((
                e,
                DocumentRef {
                    congress: Some(n),
                    ..base.clone()
                },
            ));
        }
        if w == "lần" {
            let e2 = expect_words(norm, p, &["lần", "thứ"])?;
            let (n, e3) = word_at(norm, skip_spaces(norm, e2))?;
            return Some((
                e3,
                DocumentRef {
                    congress: Some(numeral(n)?),
                    ..base.clone()
                },
            ));
        }
        if ends_document_name(&w.to_lowercase()) {
            return None;
        }
        p = e;
    }
    None
}

/// `Luật Đất đai năm 2024`, `Bộ luật Tố tụng dân sự số 92/2015/QH13`,
/// `Hiến pháp năm 2013`, `Điều lệ Đảng`, `Quy hoạch điện VIII`,
/// `Luật sửa đổi, bổ sung một số điều` — starting after the type word at `pos`.
fn named(
    t: &Tokens,
    norm: &str,
    lower: &str,
    pos: usize,
    ty: &DocType,
) -> Option<(usize, DocumentRef)> {
    let mut f = DocumentRef {
        doc_type: Some(ty.name.clone()),
        ..DocumentRef::default()
    };
    // Amending laws: `Luật sửa đổi, bổ sung (một số điều)`.
    if let Some(e) = expect_words(norm, pos + 1, &["sửa", "đổi"]) {
        let mut end = e;
        if let Some(e) = norm[end..]
            .strip_prefix(", ")
            .and_then(|_| expect_words(norm, end + 2, &["bổ", "sung"]))
        {
            end = e;
            if let Some(e) = expect_words(norm, end + 1, &["một", "số", "điều"]) {
                end = e;
            }
        }
        return Some((end, f));
    }
    let mut end = pos;
    let mut words = 0usize;
    let mut lower_run = 0usize;
    let mut p = pos;
    loop {
        // Separator: one space, or `, ` inside a name (`Quản lý, sử dụng`).
        // A soft wrap is a space in the lower view (`Luật Viên chức` /
        // `số 58/2010/QH12`).
        let (sep_ok, after_sep) = if lower[p..].starts_with(' ') {
            (true, p + 1)
        } else if words > 0 && lower[p..].starts_with(", ") {
            (true, p + 2)
        } else {
            (false, p)
        };
        if !sep_ok {
            break;
        }
        let comma = after_sep == p + 2;
        if norm[after_sep..].starts_with("(sửa đổi") {
            if let Some(close) = norm[after_sep..].find(')').filter(|&c| c < 30) {
                end = after_sep + close + 1;
            }
            break;
        }
        let Some((w, e)) = word_at(norm, after_sep) else {
            break;
        };
        let lw = &lower[after_sep..e];
        let upper = w.chars().next().is_some_and(char::is_uppercase);
        if is_year(w) {
            if words > 0 || ty.cite == Cite::Bare {
                f.year = Some(w.to_string());
                end = e;
            }
            break;
        }
        if lw == "năm" {
            if let Some((y, ye)) = word_at(norm, skip_spaces(norm, e)).filter(|(y, _)| is_year(y)) {
                if words > 0 || ty.cite == Cite::Bare {
                    f.year = Some(y.to_string());
                    end = ye;
                }
            }
            break;
        }
        if lw == "số" && words > 0 {
            let q = skip_spaces(lower, e);
            let codes = find_codes(&t.lists.data, &norm[q..norm.floor_char_boundary(q + 40)]);
            if let Some(c) = codes.first().filter(|c| c.start == 0) {
                let mut cf = c.fields.clone();
                cf.doc_type = f.doc_type.take();
                cf.year = cf.year.or(f.year.take());
                f = cf;
                end = q + c.end;
            }
            break;
        }
        if lw == "và" {
            // `Khoa học và Công nghệ` goes on; `Luật A và Luật B` does not.
            let next = word_at(norm, e + 1).filter(|_| norm[e..].starts_with(' '));
            match next {
                Some((n, _))
                    if n.chars().next().is_some_and(char::is_uppercase)
                        && !starts_type_word(t, e + 1) =>
                {
                    p = e;
                    continue;
                }
                _ => break,
            }
        }
        // A capitalized first word is a name even when it is a function word
        // (`Luật Các tổ chức tín dụng`), but not in all-caps headings.
        let titlecase = upper && w.chars().skip(1).any(char::is_lowercase);
        if (ends_document_name(lw) && !(words == 0 && titlecase))
            || w.starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        if comma && (upper || words == 0) {
            break;
        }
        if words == 0 && !upper {
            // `Hiến pháp nước Cộng hòa...`, `Quy hoạch điện VIII`.
            let lead_ok =
                (ty.cite == Cite::Bare && lw == "nước") || roman_within(norm, after_sep, 4);
            if !lead_ok {
                break;
            }
        }
        // `Quy hoạch điện VIII`: a Roman numeral closes the name.
        if words > 0 && roman(w).is_some() {
            end = e;
            break;
        }
        lower_run = if upper { 0 } else { lower_run + 1 };
        if lower_run > 7 {
            break;
        }
        words += 1;
        end = e;
        p = e;
        if words >= 14 {
            break;
        }
    }
    if end == pos {
        return (ty.cite == Cite::Bare).then_some((pos, f));
    }
    Some((end, f))
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// True when a document type word (`Luật`, `Chương trình hành động`) starts
/// at byte `pos`.
fn starts_type_word(t: &Tokens, pos: usize) -> bool {
    token_at(t, pos).is_some_and(|k| lexicon::at(t, List::DocType, k).is_some())
}

/// The token that starts at byte `pos`.
fn token_at(t: &Tokens, pos: usize) -> Option<usize> {
    let k = t.at_or_after(pos);
    t.toks
        .get(k)
        .is_some_and(|tok| tok.start == pos)
        .then_some(k)
}

/// True when a Roman numeral ends a run of at most `max` lower-case words at `pos`.
fn roman_within(norm: &str, pos: usize, max: usize) -> bool {
    let mut p = pos;
    for _ in 0..=max {
        let Some((w, e)) = word_at(norm, p) else {
            return false;
        };
        if roman(w).is_some() && w.len() > 1 {
            return true;
        }
        if !w.chars().next().is_some_and(char::is_lowercase)
            || ends_document_name(&w.to_lowercase())
        {
            return false;
        }
        if !norm[e..].starts_with(' ') {
            return false;
        }
        p = e + 1;
    }
    false
}

/// Fields taken from what follows a reference: `của <issuer>` (possibly after
/// a date) and a quoted title.
fn trailing(t: &Tokens, norm: &str, lower: &str, end: usize, f: &mut DocumentRef) {
    let mut pos = end;
    // Anchored patterns see only the next stretch of text: a search over the
    // rest of the document for each reference would make the pass quadratic.
    // The anchored patterns run only when the text can open them: most
    // references are followed by neither.
    let opens = |s: &str, skip: &[char], words: &[&str]| {
        let s = s.trim_start_matches(skip);
        words.iter().any(|w| s.starts_with(w))
    };
    // The lower view, where a soft wrap is a space (`ngày 01 tháng 4 năm
    // 2025 của` / `Chính phủ`).
    let window = near(lower, end, 120);
    let issuer_opens = opens(window, &[' ', ','], &["của ", "ngày "]);
    if let Some(m) = issuer_opens.then(|| BEFORE_ISSUER.find(window)).flatten() {
        let p = end + m.end();
        if let Some((e, name)) = issuer_at(t, norm, lower, p) {
            f.issuer = Some(name);
            pos = term_at(norm, e).map_or(e, |(e, _)| e);
        }
    }
    let window = near(norm, pos, 1200);
    let title_opens = opens(window, &[' ', ',', ':'], &["\"", "“", "về ", "Về "]);
    if let Some(m) = title_opens.then(|| TITLE.find(window)).flatten() {
        let quoted = m.as_str();
        // The match ends with its closing quote; the opening one is its first.
        let open = quoted.find(['"', '“']).expect("an opening quote");
        let open = open + quoted[open..].chars().next().map_or(1, char::len_utf8);
        let close = quoted
            .char_indices()
            .next_back()
            .map_or(quoted.len(), |(i, _)| i);
        f.title = Some(quoted[open..close].trim().to_string());
    }
}

/// At most `len` bytes of `s` from `pos`, cut at a character.
fn near(s: &str, pos: usize, len: usize) -> &str {
    &s[pos..s.floor_char_boundary(pos + len)]
}

/// The body named at `pos`: a gazetteer name (canonical), or the capitalized
/// phrase as written (`Ban Chấp hành Đảng bộ Khối`, `Bộ trưởng Bộ Tài chính`).
/// The gazetteer name wins unless the phrase goes on with another capitalized
/// word (`Đảng` + `bộ Khối` is not the Party).
fn issuer_at(t: &Tokens, norm: &str, lower: &str, pos: usize) -> Option<(usize, String)> {
    if starts_type_word(t, pos) {
        return None;
    }
    let run_end = capitalized_run(t, norm, lower, pos)?;
    let listed = token_at(t, pos).and_then(|k| lexicon::at(t, List::OrgName, k));
    if let Some((e, idx)) = listed.map(|(e, idx)| (t.toks[e - 1].end, idx)) {
        let goes_on = e < run_end
            && norm[e..run_end]
                .split([' ', '\n'])
                .nth(1)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        if !goes_on {
            return Some((e, t.lists.data.organizations[idx].name.clone()));
        }
    }
    // A body the organization rule reads ends the issuer where the run
    // of words overshoots it (`Ủy ban nhân dân tỉnh` / `phân cấp thẩm quyền`).
    let body_end = token_at(t, pos)
        .and_then(|k| super::organization::at(t, k))
        .map(|o| t.toks[o.end - 1].end)
        .filter(|&e| {
            e < run_end
                && !norm[e..run_end]
                    .trim_start()
                    .starts_with(char::is_uppercase)
        });
    let end = body_end.unwrap_or(run_end);
    Some((end, norm[pos..end].replace('\n', " ")))
}

/// End of a name that starts with a capital at `pos` and goes on through
/// its words until a function word or punctuation.
fn capitalized_run(t: &Tokens, norm: &str, lower: &str, pos: usize) -> Option<usize> {
    let (first, mut end) = word_at(norm, pos)?;
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // The words of a head (`Ủy ban nhân dân`) are the name's, whatever
    // they are elsewhere (`ban` of `ban hành`).
    let head_end = token_at(t, pos)
        .and_then(|k| lexicon::at(t, List::OrgHead, k))
        .map_or(0, |(e, _)| t.toks[e - 1].end);
    let mut p = end;
    for _ in 0..12 {
        // A soft wrap is a space in the lower view (`của` / `Ủy ban nhân dân tỉnh`).
        if !lower[p..].starts_with(' ') {
            break;
        }
        let Some((w, e)) = word_at(norm, p + 1) else {
            break;
        };
        if e <= head_end {
            end = e;
            p = e;
            continue;
        }
        let lw = &lower[p + 1..e];
        if ends_document_name(lw) && lw != "và" || w.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        let next_is_name = word_at(norm, e + 1)
            .is_some_and(|(n, _)| n.starts_with(char::is_uppercase) && !starts_type_word(t, e + 1));
        if lw == "và" && !next_is_name {
            break;
        }
        if lw == "quy" || lw == "số" || starts_type_word(t, p + 1) {
            break;
        }
        end = e;
        p = e;
    }
    // A trailing `và` is not part of the name.
    let name = &norm[pos..end];
    Some(pos + name.trim_end_matches(" và").len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(input: &str) -> Vec<(String, DocumentRef)> {
        crate::found(input, |f| match f {
            Fields::DocumentRef(f) => Some(*f),
            _ => None,
        })
    }

    fn texts(input: &str) -> Vec<String> {
        refs(input).into_iter().map(|r| r.0).collect()
    }

    #[test]
    fn party_codes() {
        let r = refs("thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về việc");
        assert_eq!(r.len(), 1);
        let (t, f) = &r[0];
        assert_eq!(t, "Chỉ thị số 05-CT/TW");
        assert_eq!(f.code.as_deref(), Some("05-CT/TW"));
        assert_eq!(f.number.as_deref(), Some("05"));
        assert_eq!(f.type_abbr.as_deref(), Some("CT"));
        assert_eq!(f.issuer_abbr.as_deref(), Some("TW"));
        assert_eq!(f.system, Some(System::Party));
        assert_eq!(f.issuer.as_deref(), Some("Bộ Chính trị"));
        let r = refs("quán triệt Nghị quyết số 18 - NQ/TW “Một số vấn đề”; Chương trình hành động số 14-Ctr/ĐUK");
        assert_eq!(r[0].0, "Nghị quyết số 18 - NQ/TW");
        assert_eq!(r[0].1.code.as_deref(), Some("18-NQ/TW"));
        assert_eq!(r[0].1.title.as_deref(), Some("Một số vấn đề"));
        assert_eq!(r[1].1.type_abbr.as_deref(), Some("CTr"));
        assert_eq!(r[1].1.doc_type.as_deref(), Some("Chương trình hành động"));
    }

    #[test]
    fn codes_a_pdf_broke_after_a_dash() {
        let r = refs("Thực hiện Chỉ thị số 05-\nCT/TW và Nghị định 30/2020/NĐ-\nCP của Chính phủ.");
        let codes: Vec<_> = r.iter().map(|(_, f)| f.code.clone().unwrap()).collect();
        assert_eq!(codes, ["05-CT/TW", "30/2020/NĐ-CP"]);
        assert_eq!(r[0].0, "Chỉ thị số 05-\nCT/TW");
        // A line that ends in a number and a dash, then a new sentence, is no code.
        assert!(refs("Giai đoạn 2021-\nNăm tới").is_empty());
        // The type word and `số` wrapped away from the code, or a page between.
        for wrapped in [
            "Căn cứ Nghị định số\n45/2025/NĐ-CP của Chính phủ.",
            "Căn cứ Nghị định số\n\n- 2 -\n\x0c45/2025/NĐ-CP của Chính phủ.",
        ] {
            let r = refs(wrapped);
            assert_eq!(r[0].1.doc_type.as_deref(), Some("Nghị định"), "{wrapped:?}");
            assert_eq!(r[0].1.code.as_deref(), Some("45/2025/NĐ-CP"));
            assert!(r[0].0.starts_with("Nghị định số\n"));
        }
    }

    #[test]
    fn codes_with_ampersands_spaces_and_legislatures() {
        let r = refs("Theo Kế hoạch 123/KH-BNN&MT, Công văn 456/SXD-QLN& PTĐT, Luật số 57/2024/QH 15, Thông tư 12/2025/TT- BTC và Nghị quyết số 202/2025 của Quốc hội.");
        let codes: Vec<_> = r.iter().map(|(_, f)| f.code.clone().unwrap()).collect();
        assert_eq!(
            codes,
            [
                "123/KH-BNN&MT",
                "456/SXD-QLN&PTĐT",
                "57/2024/QH15",
                "12/2025/TT-BTC",
                "202/2025"
            ]
        );
        assert_eq!(r[3].1.issuer_abbr.as_deref(), Some("BTC"));
        assert_eq!(r[4].1.number.as_deref(), Some("202"));
        assert_eq!(r[4].1.issuer.as_deref(), Some("Quốc hội"));
        // A spaced dash before a word is no code.
        assert!(refs("Chỉ thị 15/CT- Đoàn trường").is_empty());
    }

    #[test]
    fn state_codes() {
        let r = refs(
            "Căn cứ Nghị định số 08/2015/NĐ-CP ngày 21 tháng 01 năm 2015 của Chính phủ quy định",
        );
        let f = &r[0].1;
        assert_eq!(r[0].0, "Nghị định số 08/2015/NĐ-CP");
        assert_eq!(f.year.as_deref(), Some("2015"));
        assert_eq!(
            (f.type_abbr.as_deref(), f.issuer_abbr.as_deref()),
            (Some("NĐ"), Some("CP"))
        );
        assert_eq!(f.issuer.as_deref(), Some("Chính phủ"));
        let r = refs("theo 30/2020/NĐ-CP và Quyết định 18/2020/QĐ-TTG, Công văn 4154/UBND-KT");
        assert_eq!(r[0].0, "30/2020/NĐ-CP");
        assert_eq!(r[0].1.doc_type.as_deref(), Some("Nghị định"));
        assert_eq!(r[1].1.issuer_abbr.as_deref(), Some("TTg"));
        assert_eq!(r[1].1.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(r[2].1.issuer_abbr.as_deref(), Some("UBND-KT"));
        let r = refs("Luật số 80/2015/QH13 và Thông tư liên tịch 01/2005/TTLT-BNV-BTC");
        assert_eq!(r[0].1.issuer.as_deref(), Some("Quốc hội"));
        assert_eq!(r[1].1.issuer_abbr.as_deref(), Some("BNV-BTC"));
        assert_eq!(r[1].1.doc_type.as_deref(), Some("Thông tư liên tịch"));
        // Text without diacritics: `ND` is `NĐ`; `HD` stays Hướng dẫn.
        let r = refs("theo 30/2020/ND-CP va 12-HD/TW");
        assert_eq!(r[0].1.code.as_deref(), Some("30/2020/NĐ-CP"));
        assert_eq!(r[0].1.doc_type.as_deref(), Some("Nghị định"));
        assert_eq!(r[1].1.doc_type.as_deref(), Some("Hướng dẫn"));
    }

    #[test]
    fn short_and_named() {
        // Words ending in `luật` are not laws.
        assert!(texts("TĂNG CƯỜNG KỶ LUẬT HÀNH CHÍNH; quy luật Cung cầu").is_empty());
        assert_eq!(
            texts("Qua 3 năm thực hiện Chỉ thị 05, toàn Đảng bộ"),
            vec!["Chỉ thị 05"]
        );
        assert_eq!(
            texts("theo Nghị định 29 và 178."),
            vec!["Nghị định 29", "178"]
        );
        let r =
            refs("thực hiện Nghị quyết Trung ương 4 khóa XII và Nghị quyết Đại hội XII của Đảng");
        assert_eq!(r[0].0, "Nghị quyết Trung ương 4 khóa XII");
        assert_eq!((r[0].1.plenum, r[0].1.term), (Some(4), Some(12)));
        assert_eq!(r[1].0, "Nghị quyết Đại hội XII");
        assert_eq!(r[1].1.congress, Some(12));
        assert_eq!(
            texts("Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;"),
            vec!["Luật Đất đai"]
        );
        assert_eq!(
            texts("của Luật Điện lực 2024 về"),
            vec!["Luật Điện lực 2024"]
        );
        assert_eq!(
            texts("Luật Quản lý, sử dụng tài sản công, Luật Quản lý thuế"),
            vec!["Luật Quản lý, sử dụng tài sản công", "Luật Quản lý thuế"]
        );
        // A crawl's hard wraps inside the name or before `số`.
        let r = refs("Căn cứ Luật Viên chức\nsố 58/2010/QH12 được sửa đổi; Luật Tổ chức\nchính quyền địa phương số\n72/2025/QH15;");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].0, "Luật Viên chức\nsố 58/2010/QH12");
        assert_eq!(r[0].1.code.as_deref(), Some("58/2010/QH12"));
        assert_eq!(
            r[1].0,
            "Luật Tổ chức\nchính quyền địa phương số\n72/2025/QH15"
        );
        assert_eq!(r[1].1.doc_type.as_deref(), Some("Luật"));
        assert_eq!(
            texts("thi hành Điều lệ Đảng nhiệm kỳ"),
            vec!["Điều lệ Đảng"]
        );
        assert_eq!(
            texts("Hiến pháp năm 2013 quy định"),
            vec!["Hiến pháp năm 2013"]
        );
        assert_eq!(
            texts("trong Điều chỉnh Quy hoạch điện VIII với"),
            vec!["Quy hoạch điện VIII"]
        );
        let r = refs("Luật Kinh doanh bất động sản số 29/2023/QH15 và");
        assert_eq!(r[0].0, "Luật Kinh doanh bất động sản số 29/2023/QH15");
        assert_eq!(r[0].1.code.as_deref(), Some("29/2023/QH15"));
    }

    #[test]
    fn issuers_terms_and_titles() {
        let r =
            refs("Theo Quyết định số 1234/QĐ-UBND ngày 12/5/2023 của UBND tỉnh Quảng Nam về việc");
        assert_eq!(r[0].1.issuer.as_deref(), Some("UBND tỉnh Quảng Nam"));
        // The body ends where the organization rule ends it, before the subject.
        let r = refs("thay thế Quyết định số 59/2024/QĐ-UBND ngày 09 tháng 12 năm 2024 của Ủy ban nhân dân tỉnh phân cấp thẩm quyền");
        assert_eq!(r[0].1.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh"));
        let r = refs("Thông báo Kết luận số 123-TB/TW của Bộ Chính trị");
        assert_eq!(r[0].0, "Thông báo Kết luận số 123-TB/TW");
        assert_eq!(r[0].1.doc_type.as_deref(), Some("Thông báo kết luận"));
        let r = refs("Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng (khóa XII) “Một số vấn đề”.");
        assert_eq!(
            r[0].1.issuer.as_deref(),
            Some("Ban Chấp hành Trung ương Đảng")
        );
        assert_eq!(r[0].1.title.as_deref(), Some("Một số vấn đề"));
        let r = refs("Nghị quyết Trung ương 6 (khóa XII) và Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII");
        assert_eq!((r[0].1.plenum, r[0].1.term), (Some(6), Some(12)));
        assert_eq!(r[1].1.congress, Some(13));
        let r = refs("Nghị quyết số 57-NQ/TW của Bộ Chính trị. Sau đó Nghị quyết 57 và Quy định số 08-QĐ/TW, 08-QĐ/TW.");
        assert_eq!(r[1].1.refers_to.as_deref(), Some("57-NQ/TW"));
        assert_eq!(r[3].1.doc_type.as_deref(), Some("Quy định"));
        let r = refs("Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN, Nghị quyết số 66.7/2025/NQ-CP");
        assert_eq!(
            r[0].1.issuer_abbr.as_deref(),
            Some("UBTVQH14-CP-ĐCTUBTWMTTQVN")
        );
        assert_eq!(r[1].1.number.as_deref(), Some("66.7"));
        // The issuer over a crawl's hard wrap.
        let r = refs("theo Quyết định số 59/2024/QĐ-UBND ngày 20/12/2024 của Ủy\nban nhân dân tỉnh Quảng Ninh;");
        assert_eq!(
            r[0].1.issuer.as_deref(),
            Some("Ủy ban nhân dân tỉnh Quảng Ninh")
        );
    }

    #[test]
    fn refusals() {
        assert!(texts("Kế hoạch 5 năm và Quyết định 2 lần").is_empty());
        assert!(
            texts("Nghị định này có hiệu lực; Quyết định bổ nhiệm; các nghị quyết của Đảng")
                .is_empty()
        );
        assert!(texts("38/64 đảng bộ, ngày 30/7/2019, 1/3 số đại biểu, Điều 5").is_empty());
        assert!(texts("Luật này quy định").is_empty());
    }
}
