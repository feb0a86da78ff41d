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
        .min();
    // A copy without the motto (a telegram as the portal prints it) is a
    // document when its first line is a type heading in capitals.
    let lead = (norm.len() - norm.trim_start().len()).min(head_end);
    let first_line_end = norm[lead..head_end]
        .find('\n')
        .map_or(head_end, |k| lead + k);
    let headed_at_start = motto.is_none()
        && type_heading(norm, lower, lead, first_line_end, lists)
            .is_some_and(|(s, e, _)| s == lead && norm[e..first_line_end].trim().is_empty());
    let motto = match motto {
        Some(m) => m,
        None if headed_at_start => (lead, lead),
        None => return None,
    };
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
                place_before(norm, lower, c.start).map(|p| (c, date.value.clone(), p))
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
                subject_after(norm, e, &bodies_caps(norm, candidates, motto.0), lists);
            ((s, sub_end.max(e)), subject)
        }
        // A heading the copy broke (`K ÉT LUẬN` from a scan): the document
        // is of its own number's type, and the line in capitals after the
        // dateline stands for the heading.
        None if d.doc_type.is_some() && !lower[number_end..head_end].contains("v/v") => {
            let line_start = after + (norm[after..].len() - norm[after..].trim_start().len());
            let line_end = norm[line_start..]
                .find('\n')
                .map_or(norm.len(), |k| line_start + k);
            let line = norm[line_start..line_end].trim_end();
            if line.is_empty() || line.len() > 40 || line.chars().any(char::is_lowercase) {
                let c = own.map(|(c, _)| c)?;
                ((c.start, c.end), None)
            } else {
                let e = line_start + line.len();
                let (sub_end, subject) =
                    subject_after(norm, e, &bodies_caps(norm, candidates, motto.0), lists);
                ((line_start, sub_end.max(e)), subject)
            }
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
    if own.is_none() && d.date.is_none() && !headed_at_start {
        return None;
    }
    if d.issuer.is_none() {
        d.issuer = enacting_issuer(norm, span.1, lists);
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
fn place_before(norm: &str, lower: &str, start: usize) -> Option<String> {
    // The line as the lower view joins it: a crawl may wrap the place
    // (`Lai` / `Châu, ngày …`).
    let line_start = lower[..start].rfind('\n').map_or(0, |k| k + 1);
    let before = norm[line_start..start]
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let mut words: Vec<&str> = Vec::new();
    for w in before.split([' ', '\n']).rev() {
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
        .map(|c| collapse(&norm[c.start..c.end]))
        .filter(|s| !s.chars().any(char::is_lowercase))
        .collect()
}

/// The issuer named by the enacting line under the subject when no body
/// stands above the motto (`THỦ TƯỚNG CHÍNH PHỦ điện:`): a listed issuer.
fn enacting_issuer(norm: &str, from: usize, lists: &Lists) -> Option<String> {
    let line = norm[from..]
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && *l != "|")?;
    let line = line
        .strip_suffix(':')
        .map(|l| l.trim_end().strip_suffix("điện").unwrap_or(l))
        .unwrap_or(line);
    let key = match_key(line.trim());
    lists
        .data
        .issuers
        .values()
        .map(|(_, name)| name)
        .find(|name| match_key(name) == key)
        .cloned()
}

/// The subject after a type heading ending at `pos`: the rest of its line
/// and the lines that go on with it (capitals after capitals, or a
/// sentence-case line and its lower-case continuations), up to `Căn cứ`, a
/// blank line or the repeated issuer. `(end, subject)`.
fn subject_after(
    norm: &str,
    pos: usize,
    issuers: &[String],
    lists: &Lists,
) -> (usize, Option<String>) {
    let limit = norm.floor_char_boundary((pos + 700).min(norm.len()));
    let mut end = pos;
    let mut caps: Option<bool> = None;
    let mut wrapped = false;
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
        // The enacting formula repeats the issuer, perhaps after the
        // signer's title (`CHỦ TỊCH ỦY BAN …`), and the preamble follows it;
        // a body inside the subject (`… BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA
        // XIII`) goes on in capitals to the line's end and is no cut.
        for body in issuers {
            let Some(k) = line.find(body.as_str()) else {
                continue;
            };
            let rest = line[k + body.len()..].trim_start();
            if !rest.is_empty()
                && !rest.starts_with("CĂN CỨ")
                && !rest.chars().any(char::is_lowercase)
            {
                continue;
            }
            let head = line[..k].trim_end();
            let k = match split_title(head, lists) {
                _ if is_title(head, lists) => 0,
                (before, Some(_)) => before.len(),
                _ => k,
            };
            // Alone on its line, or run together with the preamble (on its
            // line or the next); ending a line that the enacting formula
            // follows, it is the subject's own (`… CỦA CHỦ TỊCH ỦY BAN NHÂN
            // DÂN TỈNH …`).
            let run_on = !rest.is_empty() || {
                let next = norm[line_end..].trim_start();
                next.starts_with("Căn cứ") || next.starts_with("CĂN CỨ")
            };
            if (k == 0 && end > pos) || (k > 0 && run_on) {
                cut = cut.min(k);
            }
        }
        let part = line[..cut].trim_end();
        if part.is_empty() {
            break;
        }
        let is_caps = !part.chars().any(char::is_lowercase);
        let wraps = part.chars().next().is_some_and(char::is_lowercase);
        match caps {
            None => caps = Some(is_caps),
            // `HỘI NGHỊ LẦN THỨ BẢY …` / `về xây dựng …`: a Party heading's
            // topic in sentence case under its capitals, then its wraps.
            _ if wrapped && !wraps => break,
            _ if wrapped => {}
            Some(true) if !is_caps && part.starts_with("về ") => wrapped = true,
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
            let rest = l
                .strip_prefix(a)
                .and_then(|r| r.trim_start().strip_prefix('.'));
            // `T/M`, `K/T`, `T/L`: the slashed spelling of the same formulas.
            let rest = rest.or_else(|| {
                let (x, y) = a.split_at(1);
                (a.len() == 2)
                    .then(|| l.strip_prefix(x)?.strip_prefix('/')?.strip_prefix(y))
                    .flatten()
                    .filter(|r| r.starts_with([' ', '.']))
            })?;
            Some((
                a.to_string(),
                rest.trim_start_matches('.').trim().to_string(),
            ))
        })
    };
    // `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`: the signer
    // signs by the formula just above the title.
    let last_formula = lines.iter().rposition(|l| formula(l).is_some());
    match last_formula {
        Some(k) => {
            let (a, target) = formula(&lines[k]).expect("a formula");
            d.authority = Some(a);
            let titles: Vec<&String> = lines[k + 1..]
                .iter()
                .filter(|l| formula(l).is_none())
                .collect();
            match titles.split_last() {
                Some((t, _)) => {
                    // The body signed for may wrap (`TM. ỦY BAN NHÂN` / `DÂN`):
                    // the lines between it and the title go on with it.
                    let wrapped = lines[k + 1..lines.len() - 1]
                        .iter()
                        .take_while(|l| formula(l).is_none());
                    let target = std::iter::once(&target)
                        .chain(wrapped)
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(" ");
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
    // The title ends the run after a space, with or without `phó` before it.
    let ends_with_word = |t: &str| {
        key.len() > t.len() && key.ends_with(t) && key.as_bytes()[key.len() - t.len() - 1] == b' '
    };
    let mut best: Option<usize> = None;
    for (title, _) in lists.titles.entries() {
        if ends_with_word(title) {
            let rest = &key[..key.len() - title.len() - 1];
            let pho = rest.len() > "phó".len()
                && rest.ends_with("phó")
                && rest.as_bytes()[rest.len() - "phó".len() - 1] == b' ';
            best = best.max(Some(title.len() + if pho { "phó ".len() } else { 0 }));
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

/// Whether `run` is a listed title as a whole (`CHỦ TỊCH`, `PHÓ CHỦ TỊCH`).
fn is_title(run: &str, lists: &Lists) -> bool {
    let key = match_key(run);
    let key = key.strip_prefix("phó ").unwrap_or(&key);
    lists.titles.entries().any(|(t, _)| t == key)
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
        let rest = lower[p..].trim_start();
        // Signed, or adopted (a resolution): the date of issue.
        let date = if rest.starts_with("ký") || rest.starts_with("được thông qua") {
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
    let mut out: Vec<String> = Vec::new();
    // Whether the last item's line ended with a comma: it wraps.
    let mut open = false;
    for line in body.lines().take(60) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !line.starts_with(['-', '+', '•']) && !out.is_empty() {
            match out.last_mut() {
                Some(last) if open && !line.starts_with("Lưu") => {
                    let more = line.trim_end_matches([';', '.', ',']).trim();
                    last.push_str(", ");
                    last.push_str(more);
                    open = line.ends_with(',');
                    continue;
                }
                _ => break,
            }
        }
        open = line.ends_with(',');
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
    fn a_telegram_without_motto_and_a_wrapped_recipient() {
        let text = "CÔNG ĐIỆN\n\nVỀ PHÒNG, CHỐNG BÃO\nVÀ MƯA LŨ\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n\n\
                    - Chủ tịch Ủy ban nhân dân các tỉnh.\n\nCác địa phương khẩn trương triển khai.\n\
                    Nơi nhận:\n- Như trên;\n- VPCP: BTCN, các PCN,\ncác Vụ: KTTH, NN;\n- Lưu: VT.\n\
                    THỦ TƯỚNG\nPhạm Minh Chính\n";
        let d = document(text).expect("a telegram");
        assert_eq!(d.doc_type.as_deref(), Some("Công điện"));
        assert_eq!(d.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
        assert_eq!(d.subject.as_deref(), Some("VỀ PHÒNG, CHỐNG BÃO VÀ MƯA LŨ"));
        assert_eq!(
            d.recipients,
            ["Như trên", "VPCP: BTCN, các PCN, các Vụ: KTTH, NN"]
        );
        assert_eq!(d.signer.as_deref(), Some("Phạm Minh Chính"));
    }

    #[test]
    fn a_body_wrapped_in_capitals_and_a_slashed_formula() {
        let text = "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                    Độc lập - Tự do - Hạnh phúc\nSố: 10/NQ-UBTVQH15\nHà Nội, ngày 16 tháng 6 năm 2025\n\
                    NGHỊ QUYẾT\nVỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\
                    Căn cứ Hiến pháp;\nNghị quyết này có hiệu lực thi hành từ ngày được thông qua.\n\
                    T/M ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\nCHỦ TỊCH\nTrần Thanh Mẫn\n";
        let d = document(text).expect("a resolution");
        assert_eq!(d.issuer.as_deref(), Some("Ủy ban Thường vụ Quốc hội"));
        assert_eq!(
            d.subject.as_deref(),
            Some("VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH")
        );
        assert_eq!(d.effective.as_deref(), Some("2025-06-16"));
        assert_eq!(d.authority.as_deref(), Some("TM"));
        assert_eq!(
            d.authority_for.as_deref(),
            Some("ỦY BAN THƯỜNG VỤ QUỐC HỘI")
        );
        assert_eq!(d.signer_title.as_deref(), Some("CHỦ TỊCH"));
    }

    #[test]
    fn two_formulas_sign_by_the_one_above_the_title() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                    Số: 98/2025/QĐ-UBND\nQuảng Ninh, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\n\
                    PHÂN CẤP THẨM QUYỀN\nĐiều 1. Phạm vi.\nTM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\n\
                    PHÓ CHỦ TỊCH\nVũ Văn Diện\n";
        let d = document(text).expect("a decision");
        assert_eq!(d.authority.as_deref(), Some("KT"));
        assert_eq!(d.authority_for.as_deref(), Some("CHỦ TỊCH"));
        assert_eq!(d.signer_title.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(d.signer.as_deref(), Some("Vũ Văn Diện"));
    }

    #[test]
    fn a_heading_broken_by_a_scan_takes_the_own_number_type() {
        let text = "TỈNH ỦY BẮC NINH\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-KL/TU\n\
                    Bắc Ninh, ngày 13 tháng 5 năm 2022\nK ÉT LUẬN\nHỘI NGHỊ LẦN THỨ BẢY\n\
                    về phát triển hạ tầng,\nđến năm 2030\nHội nghị đã thảo luận và kết luận:\n";
        let d = document(text).expect("a conclusion");
        assert_eq!(d.doc_type.as_deref(), Some("Kết luận"));
        assert_eq!(
            d.subject.as_deref(),
            Some("HỘI NGHỊ LẦN THỨ BẢY về phát triển hạ tầng, đến năm 2030")
        );
        assert_eq!(d.signer, None);
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
