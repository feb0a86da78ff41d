//! vnextract reads Vietnamese government and Party documents and news and
//! returns typed records: document references and their codes, and (as the
//! rules grow) organizations, officials, dates, periods, events, places and
//! numeric facts.
//!
//! The pipeline is rule-based:
//! 1. [`text::Text`] builds a normalized view of the input (NFC, look-alike
//!    `Ð`, odd spaces, old/new tone placement, case folding) that maps back to
//!    the original input;
//! 2. the rules of each kind (`rules::*`) propose [`select::Candidate`]s, using
//!    gazetteers from `data/*.tsv` compiled once into aho-corasick automata;
//! 3. [`select::select`] applies one conflict policy to all candidates;
//! 4. document-level resolution fills fields one mention gives another
//!    (`refers_to` of `Chỉ thị 05`);
//! 5. spans are mapped back to the original input, so that for every record
//!    `&input[r.byte_start..r.byte_end] == r.text`.
//!
//! ```
//! let records = vnextract::extract("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.");
//! let r = &records[0];
//! assert_eq!(r.text, "Chỉ thị số 05-CT/TW");
//! assert_eq!((r.start, r.end), (10, 29));
//! let json = serde_json::to_value(r).unwrap();
//! assert_eq!(json["kind"], "document_ref");
//! assert_eq!(json["code"], "05-CT/TW");
//! assert_eq!(json["issuer"], "Bộ Chính trị");
//! ```

pub mod context;
pub mod gazetteer;
mod intmap;
pub mod json;
pub mod lexicon;
pub mod output;
pub mod places;
pub mod record;
pub mod rules;
pub mod select;
pub mod text;
pub mod tokens;

/// The records of one kind in `input`, with their text: `pick` keeps the
/// fields it wants (rule tests read their own kind this way).
#[cfg(test)]
pub(crate) fn found<T>(input: &str, pick: impl Fn(Fields) -> Option<T>) -> Vec<(String, T)> {
    extract(input)
        .into_iter()
        .filter_map(|r| pick(r.fields).map(|v| (r.text, v)))
        .collect()
}

/// The README's examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use record::{
    Date, DocumentRef, Duration, Fields, Grain, Kind, Period, Record, System, TimeUnit, Ymd,
};

use select::Candidate;
use text::{char_offsets, Text};

/// What to extract.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only these kinds; all kinds when empty.
    pub kinds: Vec<Kind>,
    /// Publication date for documents that do not state one: lends its year
    /// to dates written without a year.
    pub ref_date: Option<Ymd>,
}

/// Extracts every record from `input` with default options.
pub fn extract(input: &str) -> Vec<Record> {
    extract_with(input, &Options::default())
}

/// Extracts the records of the kinds selected in `options`.
pub fn extract_with(input: &str, options: &Options) -> Vec<Record> {
    let mut records = Vec::new();
    extract_each(input, options, |r| records.push(r));
    records
}

/// The largest stretch of a document processed at once. Longer documents
/// are cut at line breaks, so that memory stays a small multiple of this
/// size whatever the document's; document-level resolution (years, short
/// names) then works within each stretch.
pub const CHUNK_BYTES: usize = 512 << 10;

/// Extracts the records of `input` and hands them to `f` in order, a
/// stretch of at most [`CHUNK_BYTES`] at a time.
pub fn extract_each(input: &str, options: &Options, mut f: impl FnMut(Record)) {
    let mut start = 0;
    let mut chars = 0;
    while start < input.len() {
        let end = chunk_end(input, start);
        let piece = &input[start..end];
        for mut r in extract_piece(piece, options) {
            r.start += chars;
            r.end += chars;
            r.byte_start += start;
            r.byte_end += start;
            f(r);
        }
        if end < input.len() {
            chars += piece.chars().count();
        }
        start = end;
    }
}

/// End of the stretch that starts at `start`: after the last line break
/// within [`CHUNK_BYTES`], else after the last space, else at a character.
fn chunk_end(input: &str, start: usize) -> usize {
    if input.len() - start <= CHUNK_BYTES {
        return input.len();
    }
    let limit = input.floor_char_boundary(start + CHUNK_BYTES);
    let window = &input[start..limit];
    let cut = window
        .rfind('\n')
        .or_else(|| window.rfind(' '))
        .map_or(limit, |i| start + i + 1);
    if cut > start {
        cut
    } else {
        limit.max(start + input[start..].chars().next().map_or(1, char::len_utf8))
    }
}

fn extract_piece(input: &str, options: &Options) -> Vec<Record> {
    extract_pieces(&[(input, options)])
        .pop()
        .unwrap_or_default()
}

/// Documents at most this long are extracted in groups of at most this
/// many bytes (see [`extract_many`]).
pub const GROUP_BYTES: usize = 384 << 10;

/// Extracts several documents, each with its options; the records of each,
/// in order. The same records as [`extract_with`] on each document, found
/// faster when documents are short: a group of short documents is joined
/// into one text, with a separator no rule reads across, so that the rules
/// set up their automata, tables and buffers once per group; selection and
/// document-level resolution still run on each document alone.
pub fn extract_many(docs: &[(&str, &Options)]) -> Vec<Vec<Record>> {
    let mut out = Vec::with_capacity(docs.len());
    let mut i = 0;
    while i < docs.len() {
        let (input, options) = docs[i];
        if input.len() > GROUP_BYTES {
            out.push(extract_with(input, options));
            i += 1;
            continue;
        }
        let mut j = i;
        let mut bytes = 0;
        while j < docs.len() && docs[j].0.len() <= GROUP_BYTES - bytes {
            bytes += docs[j].0.len();
            j += 1;
        }
        out.extend(extract_pieces(&docs[i..j]));
        i = j;
    }
    out
}

/// Runs the pipeline over pieces of at most [`CHUNK_BYTES`].
fn extract_pieces(pieces: &[(&str, &Options)]) -> Vec<Vec<Record>> {
    let texts: Vec<Text> = pieces.iter().map(|(input, _)| Text::new(input)).collect();
    let candidates = match texts.as_slice() {
        [text] => vec![candidates(text, &[])],
        _ => joined_candidates(&texts)
            .unwrap_or_else(|| texts.iter().map(|t| candidates(t, &[])).collect()),
    };
    texts
        .iter()
        .zip(candidates)
        .zip(pieces)
        .map(|((text, c), (_, options))| finish(text, c, options))
        .collect()
}

/// What stands between joined documents: a line of its own that no rule
/// reads across (no rule joins words over a line break and a punctuation
/// mark, and none takes U+0001 for anything).
const SEPARATOR: &str = "\n\u{1}\n";

/// The candidates of each text, found in one run of the rules over all the
/// texts joined: every stage's automata, tables and buffers are set up once
/// for the group instead of once per document, which is most of what a
/// short document costs beyond its bytes. `None` if a candidate reaches
/// across a separator (no rule should let one): the caller then runs the
/// texts one by one.
fn joined_candidates(texts: &[Text]) -> Option<Vec<Vec<Candidate>>> {
    let (joined, starts) = Text::join(texts, SEPARATOR);
    // The separator tokens: rules that remember what a document said
    // (`ông Nghị` after `Nguyễn Văn Nghị`) forget it there.
    let breaks: Vec<usize> = starts[1..]
        .iter()
        .map(|s| s - SEPARATOR.len() + 1)
        .collect();
    let mut out: Vec<Vec<Candidate>> = texts
        .iter()
        .map(|t| Vec::with_capacity(t.norm().len() / 40 + 16))
        .collect();
    for mut c in candidates(&joined, &breaks) {
        let d = starts.partition_point(|&s| s <= c.start) - 1;
        let (lo, hi) = (starts[d], starts[d] + texts[d].norm().len());
        if c.end > hi || !c.shift_back(lo, hi) {
            return None;
        }
        out[d].push(c);
    }
    Some(out)
}

/// Every rule's candidates in `text`; `breaks` are the starts of the
/// separators when `text` joins several documents.
fn candidates(text: &Text, breaks: &[usize]) -> Vec<Candidate> {
    // About one candidate per 40 bytes of text: one allocation, no regrowth.
    let mut c = Vec::with_capacity(text.norm().len() / 40 + 16);
    let t = tokens::Tokens::with_breaks(text, breaks);
    rules::document_ref::find(text, &t, &mut c);
    let first_date = c.len();
    rules::date::find(text, &mut c);
    let dates = c[first_date..].to_vec();
    rules::period::find(text, &dates, &mut c);
    rules::duration::find(text, &t, &mut c);
    rules::organization::find(&t, &mut c);
    rules::location::find(&t, &mut c);
    rules::person::find(&t, &mut c);
    rules::event::find(&t, &mut c);
    rules::quantity::find(&t, &mut c);
    c
}

/// Selection, document-level resolution and offsets of one piece.
fn finish(text: &Text, candidates: Vec<Candidate>, options: &Options) -> Vec<Record> {
    let mut selected = select::select(candidates);
    context::resolve(&mut selected);
    context::resolve_organizations(&mut selected);
    context::resolve_events(&mut selected);
    context::resolve_years(&mut selected, text.norm(), options.ref_date);
    if !options.kinds.is_empty() {
        selected.retain(|c| options.kinds.contains(&c.kind()));
    }
    to_records(text, selected)
}

/// Maps selected candidates to records with original offsets.
fn to_records(text: &Text, selected: Vec<Candidate>) -> Vec<Record> {
    let original = text.original();
    let spans: Vec<(usize, usize)> = selected
        .iter()
        .map(|c| text.to_original(c.start, c.end))
        .collect();
    let positions: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    let chars = char_offsets(original, &positions);
    let mut records: Vec<Record> = selected
        .into_iter()
        .zip(spans)
        .enumerate()
        .map(|(i, (c, (bs, be)))| Record {
            text: original[bs..be].to_string(),
            start: chars[2 * i],
            end: chars[2 * i + 1],
            byte_start: bs,
            byte_end: be,
            fields: c.fields,
            rule: c.rule,
        })
        .collect();
    select::sort_by_span(&mut records, |r| (r.start, r.end));
    records
}
