//! The `document` record: when the text is itself a legal or Party
//! document, its header (issuer, national motto, number, dateline, type
//! heading and subject) and signature block, read into one record after
//! selection, from the records found there and the lines around them.
//!
//! A text is a document only when its head carries the national motto (or
//! the Party's name) and either its own number or a type heading: a news
//! article that quotes a code or a `V/v` has neither.

use crate::data::Lists;
use crate::gazetteer::match_key;
use crate::record::{Document, DocumentRef, Fields};
use crate::select::Candidate;

/// How far into the text the header may reach, and how far from the end the
/// signature block starts.
const HEAD_BYTES: usize = 2500;
const TAIL_BYTES: usize = 3000;

/// The document record of a text, if it is one. `norm` and `lower` are the
/// normalized views the candidates' spans index.
pub fn find(norm: &str, lower: &str, candidates: &[Candidate], lists: &Lists) -> Option<Candidate> {
    let head_end = norm.floor_char_boundary(HEAD_BYTES.min(norm.len()));
    let head = &lower[..head_end];
    // The motto's first words: crawls break it over lines.
    // (Both already lower-case NFC: the lower view's spelling.)
    let motto = ["cộng hòa xã hội", "đảng cộng sản việt nam"]
        .iter()
        .filter_map(|m| head.find(m).map(|s| (s, s + m.len())))
        .min()?;
    let in_head = |c: &&Candidate| c.start < head_end;
    let own = candidates
        .iter()
        .filter(in_head)
        .find_map(|c| match &c.fields {
            Fields::DocumentRef(f) if f.code.is_some() && is_own(norm, c.start, f) => Some((c, f)),
            _ => None,
        });
    let mut d = Document::default();
    let mut after = motto.1;
    let mut number_end = motto.1;
    if let Some((c, f)) = own {
        d.code = f.code.clone();
        d.number = f.number.clone();
        d.year = f.year.clone();
        d.type_abbr = f.type_abbr.clone();
        d.issuer_abbr = f.issuer_abbr.clone();
        d.system = f.system;
        d.issuer = f.issuer.clone();
        d.doc_type = f.doc_type.clone();
        after = after.max(c.end);
        number_end = number_end.max(c.end);
    }
    // The bodies printed above the motto: the issuer, under its superior.
    let bodies: Vec<&str> = candidates
        .iter()
        .filter(|c| c.end <= motto.0)
        .filter_map(|c| match &c.fields {
            Fields::Organization(o) => Some(o.name.as_str()),
            _ => None,
        })
        .collect();
    match bodies.as_slice() {
        [] => {}
        [one] => d.issuer = d.issuer.take().or_else(|| Some(one.to_string())),
        [first, .., last] => {
            d.parent = Some(first.to_string());
            d.issuer = d.issuer.take().or_else(|| Some(last.to_string()));
        }
    }
    // The dateline: the first full date of the head after the motto, with
    // the place written before it on its line.
    let dateline = candidates
        .iter()
        .filter(in_head)
        .find_map(|c| match &c.fields {
            Fields::Date(date)
                if c.start >= motto.1 && date.ymd.day.is_some() && date.ymd.year.is_some() =>
            {
                place_before(norm, c.start).map(|p| (c, date.value.clone(), p))
            }
            _ => None,
        });
    if let Some((c, value, place)) = dateline {
        d.date = Some(value);
        d.place = Some(place);
        after = after.max(c.end);
    }
    // The type heading and the subject under it; a letter has `V/v` instead.
    let heading = type_heading(norm, lower, after, head_end, lists);
    let (span, subject) = match heading {
        Some((s, e, doc_type)) => {
            d.doc_type = Some(doc_type);
            let (sub_end, subject) =
                subject_after(norm, e, &bodies_caps(norm, candidates, motto.0));
            ((s, sub_end.max(e)), subject)
        }
        None => {
            // A letter's `V/v` stands under its number, before or after the dateline.
            let v = lower[number_end..head_end]
                .find("v/v")
                .map(|k| number_end + k)?;
            let line_end = norm[v..].find('\n').map_or(norm.len(), |k| v + k);
            let sub = norm[v + 3..line_end].trim_start_matches([':', ' ']).trim();
            if d.doc_type.is_none() {
                d.doc_type = Some("Công văn".to_string());
            }
            (
                (v, v + norm[v..line_end].trim_end().len()),
                Some(collapse(sub)),
            )
        }
    };
    if own.is_none() && d.date.is_none() {
        return None;
    }
    d.subject = subject.filter(|s| !s.is_empty());
    signature(norm, lower, candidates, lists, &mut d);
    d.effective = effective(lower, candidates, d.date.as_deref());
    d.recipients = recipients(norm, lower);
    Some(Candidate {
        start: span.0,
        end: span.1,
        fields: Fields::Document(Box::new(d)),
        rule: crate::rules::id::DOCUMENT_HEADER,
    })
}

/// Marks the references cited in the `Căn cứ …` clauses of a document's
/// preamble (before its first article) as its legal basis.
pub fn mark_basis(norm: &str, candidates: &mut [Candidate]) {
    let body = norm.find("\nĐiều 1").unwrap_or(norm.len());
    for c in candidates.iter_mut().filter(|c| c.start < body) {
        let Fields::DocumentRef(f) = &mut c.fields else {
            continue;
        };
        if f.own_number {
            continue;
        }
        let window = &norm[norm.floor_char_boundary(c.start.saturating_sub(600))..c.start];
        // The clause runs from its `Căn cứ` to a line end or a sentence end.
        f.basis = window.rfind("Căn cứ").is_some_and(|k| {
            let clause = &window[k..];
            !clause.contains('\n') && !clause.contains(". ") && !clause.contains(';')
        });
    }
}

/// A code that is the document's own number: `Số: 87/2025/NĐ-CP`, or a
/// Party `Số 05-HD/TU` at the start of a line.
fn is_own(norm: &str, start: usize, f: &DocumentRef) -> bool {
    if f.own_number {
        return true;
    }
    let line = &norm[norm[..start].rfind('\n').map_or(0, |k| k + 1)..start];
    let line = line.trim();
    matches!(line, "Số" | "SỐ" | "Số:" | "SỐ:")
}

/// The place written before the date at `start` on its line (`Hà Nội, ngày
/// 05 …`): the capitalized words just before it.
fn place_before(norm: &str, start: usize) -> Option<String> {
    let line_start = norm[..start].rfind('\n').map_or(0, |k| k + 1);
    let before = norm[line_start..start]
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let mut words: Vec<&str> = Vec::new();
    for w in before.split(' ').rev() {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !capital || w.chars().any(|c| c.is_ascii_digit() || c == '/') || words.len() == 5 {
            break;
        }
        words.push(w);
    }
    words.reverse();
    // `TP.` and similar place words stay out of the name.
    let name = words.join(" ");
    let name = name
        .trim_start_matches("TP.")
        .trim_start_matches("TP ")
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The first document type written in capitals between `from` and `to`:
/// `(start, end, canonical type)`.
fn type_heading(
    norm: &str,
    lower: &str,
    from: usize,
    to: usize,
    lists: &Lists,
) -> Option<(usize, usize, String)> {
    lists
        .doc_type_heads
        .find_iter(&lower[from..to])
        .find_map(|m| {
            let (s, e) = (from + m.start(), from + m.end());
            let caps = !norm[s..e].chars().any(char::is_lowercase);
            let bounded =
                crate::text::boundary_before(norm, s) && crate::text::boundary_after(norm, e);
            (caps && bounded).then(|| {
                (
                    s,
                    e,
                    lists.data.doc_types[m.pattern().as_usize()].name.clone(),
                )
            })
        })
}

/// The names of the bodies above the motto, in capitals as printed: the
/// enacting formula repeats them after the subject of a flattened header.
fn bodies_caps(norm: &str, candidates: &[Candidate], motto: usize) -> Vec<String> {
    candidates
        .iter()
        .filter(|c| c.end <= motto && matches!(c.fields, Fields::Organization(_)))
        .map(|c| norm[c.start..c.end].to_string())
        .filter(|s| !s.chars().any(char::is_lowercase))
        .collect()
}

/// The subject after a type heading ending at `pos`: the rest of its line
/// and the lines that go on with it (capitals after capitals, or a
/// sentence-case line and its lower-case continuations), up to `Căn cứ`, a
/// blank line or the repeated issuer. `(end, subject)`.
fn subject_after(norm: &str, pos: usize, issuers: &[String]) -> (usize, Option<String>) {
    let limit = norm.floor_char_boundary((pos + 700).min(norm.len()));
    let mut end = pos;
    let mut caps: Option<bool> = None;
    let mut p = pos;
    while p < limit {
        let line_end = norm[p..limit].find('\n').map_or(limit, |k| p + k);
        let raw = &norm[p..line_end];
        let line = raw.trim();
        let lead = p + (raw.len() - raw.trim_start().len());
        if line.is_empty() {
            if end > pos {
                break;
            }
            p = line_end + 1;
            continue;
        }
        // Where the subject stops inside the line.
        let mut cut = line.len();
        for stop in ["Căn cứ", "CĂN CỨ"] {
            if let Some(k) = line.find(stop) {
                cut = cut.min(k);
            }
        }
        for body in issuers {
            if let Some(k) = line.find(body.as_str()).filter(|&k| k > 0 || end > pos) {
                cut = cut.min(k);
            }
        }
        let part = line[..cut].trim_end();
        if part.is_empty() {
            break;
        }
        let is_caps = !part.chars().any(char::is_lowercase);
        match caps {
            None => caps = Some(is_caps),
            Some(true) if !is_caps => break,
            // A sentence-case subject goes on over its line breaks, up to a
            // line in capitals (the enacting body) or a heading word.
            Some(false)
                if is_caps
                    || ["Căn cứ", "Điều", "Kính gửi", "Chương"]
                        .iter()
                        .any(|w| part.starts_with(w)) =>
            {
                break
            }
            _ => {}
        }
        end = lead + part.len();
        if cut < line.len() {
            break;
        }
        p = line_end + 1;
    }
    if end == pos {
        return (pos, None);
    }
    let subject = collapse(norm[pos..end].trim());
    let subject = subject
        .strip_prefix("V/v ")
        .or_else(|| subject.strip_prefix("V/v: "))
        .map(String::from)
        .unwrap_or(subject);
    (end, Some(subject))
}

/// Spaces and line breaks collapsed to single spaces.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The signer, their title and the signing formula, from the last personal
/// name of the text's end that stands on a line of its own.
fn signature(norm: &str, lower: &str, candidates: &[Candidate], lists: &Lists, d: &mut Document) {
    let tail = norm.floor_char_boundary(norm.len().saturating_sub(TAIL_BYTES));
    let signer = candidates
        .iter()
        .rev()
        .take_while(|c| c.start >= tail)
        .find(|c| {
            matches!(c.fields, Fields::Person(_)) && {
                let line_start = norm[..c.start].rfind('\n').map_or(0, |k| k + 1);
                let line_end = norm[c.end..].find('\n').map_or(norm.len(), |k| c.end + k);
                let before = &norm[line_start..c.start];
                let after = lower[c.end..line_end].replace("(đã ký)", "");
                !before.chars().any(char::is_lowercase) && after.trim().is_empty()
            }
        });
    let Some(c) = signer else {
        return;
    };
    if let Fields::Person(p) = &c.fields {
        d.signer = Some(p.name.clone());
    }
    // The capital lines above the name, nearest last.
    let mut lines: Vec<String> = Vec::new();
    let line_start = norm[..c.start].rfind('\n').map_or(0, |k| k + 1);
    let own = norm[line_start..c.start].trim();
    if !own.is_empty() {
        lines.push(own.to_string());
    }
    let mut p = line_start;
    while p > tail && lines.len() < 4 {
        let prev_start = norm[..p - 1].rfind('\n').map_or(0, |k| k + 1);
        let line = norm[prev_start..p - 1].trim();
        p = prev_start;
        let bare = line.replace("(Đã ký)", "").replace("(đã ký)", "");
        let bare = bare.trim();
        if bare.is_empty() || bare.starts_with('[') {
            continue;
        }
        if bare.chars().any(char::is_lowercase) || !bare.chars().any(char::is_alphabetic) {
            break;
        }
        lines.push(bare.to_string());
    }
    lines.reverse();
    let formula = |l: &str| {
        ["KT", "TM", "TL", "TUQ", "Q"].iter().find_map(|a| {
            let rest = l.strip_prefix(a)?.trim_start().strip_prefix('.')?;
            Some((a.to_string(), rest.trim().to_string()))
        })
    };
    let first_formula = lines.iter().position(|l| formula(l).is_some());
    match first_formula {
        Some(k) => {
            let (a, target) = formula(&lines[k]).expect("a formula");
            d.authority = Some(a);
            let titles: Vec<&String> = lines[k + 1..]
                .iter()
                .filter(|l| formula(l).is_none())
                .collect();
            match titles.last() {
                Some(t) => {
                    d.authority_for = Some(target);
                    d.signer_title = Some(t.to_string());
                }
                // `KT. BỘ TRƯỞNG THỨ TRƯỞNG`: the signer's title ends the line.
                None => {
                    let (f, t) = split_title(&target, lists);
                    d.authority_for = Some(f);
                    d.signer_title = t;
                }
            }
        }
        None => d.signer_title = lines.last().cloned(),
    }
}

/// Splits `BỘ TRƯỞNG THỨ TRƯỞNG` into what is signed for and the signer's
/// own title, the longest listed title that ends the run.
fn split_title(run: &str, lists: &Lists) -> (String, Option<String>) {
    let key = match_key(run);
    let mut best: Option<usize> = None;
    for (title, _) in lists.titles.entries() {
        for t in [title.to_string(), format!("phó {title}")] {
            if key.len() > t.len()
                && key.ends_with(&t)
                && key.as_bytes()[key.len() - t.len() - 1] == b' '
            {
                best = best.max(Some(t.len()));
            }
        }
    }
    match best {
        Some(n) => {
            let cut = run.len() - n;
            (run[..cut].trim().to_string(), Some(run[cut..].to_string()))
        }
        None => (run.to_string(), None),
    }
}

/// The date it takes effect: `có hiệu lực (thi hành) (kể) từ ngày …`, or
/// the date of issue for `… từ ngày ký`. A statement about this document
/// (`Nghị định này có hiệu lực …`) wins over one about a document it cites
/// (`Nghị định 127/2005/NĐ-CP có hiệu lực …`).
fn effective(lower: &str, candidates: &[Candidate], issued: Option<&str>) -> Option<String> {
    let mut own: Option<String> = None;
    let mut other: Option<String> = None;
    let mut at = 0;
    while let Some(k) = lower[at..].find("có hiệu lực") {
        let phrase = at + k;
        let s = phrase + "có hiệu lực".len();
        at = s;
        let window = &lower[s..lower.floor_char_boundary((s + 40).min(lower.len()))];
        let Some(from) = window.find("từ ngày") else {
            continue;
        };
        let p = s + from + "từ ngày".len();
        let date = if lower[p..].trim_start().starts_with("ký") {
            issued.map(String::from)
        } else {
            candidates.iter().find_map(|c| match &c.fields {
                Fields::Date(d) if c.start + 8 >= p && c.start <= p + 4 && d.ymd.year.is_some() => {
                    Some(d.value.clone())
                }
                _ => None,
            })
        };
        let Some(date) = date else {
            continue;
        };
        let before = &lower[lower.floor_char_boundary(phrase.saturating_sub(40))..phrase];
        if before.contains(" này") {
            own = own.or(Some(date));
            break;
        }
        let cites = before.chars().rev().take(24).any(|c| c == '/');
        if !cites {
            other = other.or(Some(date));
        }
    }
    own.or(other)
}

/// The lines under `Nơi nhận:`, without their dashes and trailing
/// punctuation, up to the archive line (`Lưu: …`).
fn recipients(norm: &str, lower: &str) -> Vec<String> {
    let tail = norm.floor_char_boundary(norm.len().saturating_sub(TAIL_BYTES));
    let Some(k) = lower[tail..].rfind("nơi nhận") else {
        return Vec::new();
    };
    let start = tail + k + "nơi nhận".len();
    let body = norm[start..].trim_start_matches([':', ' ']);
    let mut out = Vec::new();
    for line in body.lines().take(60) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !line.starts_with(['-', '+', '•']) && !out.is_empty() {
            break;
        }
        for item in line.split("; -") {
            let item = item.trim().trim_start_matches(['-', '+', '•']).trim();
            let item = item.trim_end_matches([';', '.', ',']).trim();
            if item.starts_with("Lưu") {
                return out;
            }
            if !item.is_empty() {
                out.push(item.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::record::Fields;

    fn document(text: &str) -> Option<crate::record::Document> {
        crate::extract(text)
            .into_iter()
            .find_map(|r| match r.fields {
                Fields::Document(d) => Some(*d),
                _ => None,
            })
    }

    #[test]
    fn a_flattened_header_and_a_run_together_signature() {
        let text = "BỘ TÀI CHÍNH ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n\
                    Số: 12/2024/TT-BTC Hà Nội, ngày 05 tháng 3 năm 2024\n\
                    THÔNG TƯ\nQuy định về phí\nCăn cứ Luật Quản lý thuế ngày 13 tháng 6 năm 2019;\n\
                    Điều 1. Thông tư này có hiệu lực kể từ ngày ký.\n\
                    Nơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT.\nKT. BỘ TRƯỞNG THỨ TRƯỞNG\nVũ Thị Mai\n";
        let d = document(text).expect("a document");
        assert_eq!(d.doc_type.as_deref(), Some("Thông tư"));
        assert_eq!(d.code.as_deref(), Some("12/2024/TT-BTC"));
        assert_eq!(d.issuer.as_deref(), Some("Bộ Tài chính"));
        assert_eq!(
            (d.place.as_deref(), d.date.as_deref()),
            (Some("Hà Nội"), Some("2024-03-05"))
        );
        assert_eq!(d.subject.as_deref(), Some("Quy định về phí"));
        assert_eq!(d.effective.as_deref(), Some("2024-03-05"));
        assert_eq!(d.recipients, ["Văn phòng Chính phủ"]);
        assert_eq!(d.signer.as_deref(), Some("Vũ Thị Mai"));
        assert_eq!(d.authority.as_deref(), Some("KT"));
        assert_eq!(d.authority_for.as_deref(), Some("BỘ TRƯỞNG"));
        assert_eq!(d.signer_title.as_deref(), Some("THỨ TRƯỞNG"));
        let basis: Vec<(String, bool)> = crate::extract(text)
            .into_iter()
            .filter_map(|r| match r.fields {
                Fields::DocumentRef(f) => Some((r.text, f.basis)),
                _ => None,
            })
            .collect();
        assert!(
            basis.contains(&("Luật Quản lý thuế".to_string(), true)),
            "{basis:?}"
        );
    }

    #[test]
    fn news_quoting_a_code_or_a_letter_is_no_document() {
        assert!(document(
            "Theo Công văn số 4154/UBND-KT V/v triển khai, ngày 3/5/2024 tỉnh đã họp."
        )
        .is_none());
        assert!(
            document("Số: 12/2024/TT-BTC Hà Nội, ngày 05 tháng 3 năm 2024 THÔNG TƯ về phí")
                .is_none()
        );
    }
}
