//! A document on its way through the run: what a worker is given and what it hands back.

use vnextract::input::{self, ReadOptions, TextLayer};
use vnextract::output::InputError;
use vnextract::Ymd;

use super::inputs::read_input;

/// One document to extract, or the error that stands for it.
pub(crate) struct Job {
    pub(crate) seq: usize,
    pub(crate) source: String,
    pub(crate) text: Result<Input, InputError>,
    pub(crate) ref_date: Option<Ymd>,
}

/// A document as handed to a worker: files are read, checked and decoded
/// by the worker that extracts them, which keeps the ordering thread light
/// and each document's bytes on one core.
pub(crate) enum Input {
    Path(String),
    /// A file's bytes, with its name (which tells the format), or stdin's.
    File(Option<String>, Vec<u8>),
    Text(String),
    /// Decoded already (a long document the writer streams).
    Layer(TextLayer),
}

impl Input {
    /// Reads a file; other inputs are already in memory.
    pub(crate) fn load(self) -> Result<Input, InputError> {
        match self {
            Input::Path(p) => read_input(&p).map(|b| Input::File(Some(p), b)),
            other => Ok(other),
        }
    }

    /// Bytes in memory (a path not yet read counts none).
    pub(crate) fn len(&self) -> usize {
        match self {
            Input::Path(_) => 0,
            Input::File(_, b) => b.len(),
            Input::Text(t) => t.len(),
            Input::Layer(l) => l.text().len(),
        }
    }

    /// The text layer the extractor reads.
    pub(crate) fn decode(self, read: &ReadOptions) -> Result<TextLayer, InputError> {
        match self.load()? {
            Input::File(name, b) => input::read(b, name.as_deref(), read),
            Input::Text(t) => Ok(input::from_text(t, read)),
            Input::Layer(l) => Ok(l),
            Input::Path(_) => unreachable!("load reads paths"),
        }
    }
}

/// An extracted document, serialized, with what the summary counts.
pub(crate) struct Done {
    pub(crate) seq: usize,
    /// The serialized line, without its line break.
    pub(crate) out: Vec<u8>,
    pub(crate) records: usize,
    pub(crate) bytes: usize,
    pub(crate) error: Option<String>,
    /// A document too long to hold its records: the writer streams it.
    pub(crate) stream: Option<Job>,
}

/// Totals for `--stats` and the progress line.
#[derive(Default)]
pub(crate) struct Totals {
    pub(crate) documents: usize,
    pub(crate) records: usize,
    pub(crate) errors: usize,
    pub(crate) bytes: usize,
}
