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

// The public API is the extractor and its builder, the options, the records
// with their field types, the entity table, output lines and errors; the
// stages below stay internal so they can change without breaking users.
pub(crate) mod context;
pub(crate) mod data;
pub(crate) mod document;
pub mod entities;
pub(crate) mod extractor;
pub(crate) mod gazetteer;
pub mod input;
mod intmap;
pub mod json;
pub(crate) mod lexicon;
pub mod output;
pub mod record;
pub(crate) mod rules;
pub mod schema;
pub(crate) mod select;
pub(crate) mod text;
pub(crate) mod tokens;

/// The pipeline's stages, for the benchmarks and `examples/stages.rs`
/// only: not part of the API, and free to change.
#[doc(hidden)]
pub mod internals {
    pub use crate::data::Lists;
    pub use crate::lexicon::{at, List};
    pub use crate::rules::user::UserRules;
    pub use crate::rules::{Context, RULES};
    pub use crate::select::select;
    pub use crate::text::Text;
    pub use crate::tokens::Tokens;
}

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
    Category, Change, Date, DocumentRef, Duration, EventType, Fields, Grain, Kind, Measure, Period,
    PlaceCategory, Record, System, TimeUnit, Ymd,
};

pub use data::DataError;
pub use extractor::{Extractor, ExtractorBuilder, CHUNK_BYTES, GROUP_BYTES};

/// What to extract.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only these kinds; all kinds when empty.
    pub kinds: Vec<Kind>,
    /// Publication date for documents that do not state one: lends its year
    /// to dates written without a year.
    pub ref_date: Option<Ymd>,
}

/// Extracts every record from `input` with the embedded data.
pub fn extract(input: &str) -> Vec<Record> {
    Extractor::default().extract(input)
}

/// Extracts the records of the kinds selected in `options`, with the
/// embedded data.
pub fn extract_with(input: &str, options: &Options) -> Vec<Record> {
    Extractor::default().extract_with(input, options)
}

/// [`Extractor::extract_each`] with the embedded data.
pub fn extract_each(input: &str, options: &Options, f: impl FnMut(Record)) {
    Extractor::default().extract_each(input, options, f)
}

/// [`Extractor::extract_many`] with the embedded data.
pub fn extract_many(docs: &[(&str, &Options)]) -> Vec<Vec<Record>> {
    Extractor::default().extract_many(docs)
}
