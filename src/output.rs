//! One output line per input document (schema `vnextract/1`): its records, or
//! the error that kept it from being processed.

use std::panic::{self, AssertUnwindSafe};

use serde::Serialize;

use crate::entities::{Entity, EntityTable};
use crate::input::TextLayer;
use crate::{Extractor, Options, Record};

/// The schema name written in every line.
pub const SCHEMA: &str = "vnextract/1";

/// Why an input produced no records.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Stable machine-readable code: `not_found`, `unreadable`, `invalid_utf8`,
    /// `binary`, `empty`, `no_text_files`, `invalid_json`, `missing_field`,
    /// `invalid_docx`, `unsupported_format`, `internal`.
    pub code: &'static str,
    pub message: String,
}

impl InputError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        InputError {
            code,
            message: message.into(),
        }
    }
}

/// One JSON line of output.
#[derive(Serialize, Debug)]
pub struct DocumentLine {
    pub schema: &'static str,
    pub source: String,
    /// What was read: `html`, `docx`, or `text` in a repaired encoding;
    /// omitted for plain UTF-8 text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// The encoding the input was read in, when not clean UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chars: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<Vec<Record>>,
    /// The entity table (`--entities`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<Entity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<InputError>,
}

impl DocumentLine {
    /// The line of a document that could not be read or processed.
    pub fn error(source: String, error: InputError) -> Self {
        DocumentLine {
            schema: SCHEMA,
            source,
            format: None,
            encoding: None,
            chars: None,
            records: None,
            entities: None,
            error: Some(error),
        }
    }

    /// Extracts `text`; a panic inside the extractor becomes this document's
    /// `internal` error instead of ending the run.
    pub fn extract(ex: &Extractor, source: String, text: &str, options: &Options) -> Self {
        match guarded(|| ex.extract_with(text, options)) {
            Ok(records) => DocumentLine::with_records(source, text, records),
            Err(e) => DocumentLine::error(source, e),
        }
    }

    /// The line of `text` with the records extracted from it.
    pub fn with_records(source: String, text: &str, records: Vec<Record>) -> Self {
        DocumentLine {
            schema: SCHEMA,
            source,
            format: None,
            encoding: None,
            chars: Some(text.chars().count()),
            records: Some(records),
            entities: None,
            error: None,
        }
    }

    /// The line of a text layer with the records extracted from it: their
    /// byte offsets point into the input file, and the line says what was
    /// read unless it was plain UTF-8 text.
    pub fn with_layer(source: String, layer: &TextLayer, mut records: Vec<Record>) -> Self {
        for r in &mut records {
            layer.map_record(r);
        }
        let mut line = DocumentLine::with_records(source, layer.text(), records);
        line.describe(layer);
        line
    }

    /// Sets `format` and `encoding` from the text layer.
    pub fn describe(&mut self, layer: &TextLayer) {
        (self.format, self.encoding) = layer.described();
    }

    /// Adds the entity table of the line's records.
    pub fn with_entities(mut self) -> Self {
        if let Some(r) = &self.records {
            self.entities = Some(EntityTable::of(r));
        }
        self
    }
}

thread_local! {
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this thread is inside [`guarded`]: a panic hook stays quiet
/// there (the panic becomes an error line) and speaks everywhere else.
pub fn in_guarded() -> bool {
    GUARDED.with(|g| g.get())
}

/// Runs `f`, turning a panic into an `internal` error.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, InputError> {
    let outer = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(outer));
    result.map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        InputError::new(
            "internal",
            format!("internal error while extracting: {what}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error() {
        let got: Result<(), _> = guarded(|| panic!("boom at {}", 3));
        let e = got.unwrap_err();
        assert_eq!(e.code, "internal");
        assert!(e.message.ends_with("boom at 3"));
        assert_eq!(guarded(|| 5), Ok(5));
    }

    #[test]
    fn lines_serialize_per_schema() {
        let ok = DocumentLine::extract(
            &Extractor::default(),
            "a.txt".into(),
            "Chỉ thị 05-CT/TW",
            &Options::default(),
        );
        let v = serde_json::to_value(&ok).unwrap();
        assert_eq!(v["schema"], "vnextract/1");
        assert_eq!(v["chars"], 16);
        assert!(v.get("error").is_none());
        let bad = DocumentLine::error("b.txt".into(), InputError::new("empty", "empty input"));
        let v = serde_json::to_value(&bad).unwrap();
        assert!(v.get("records").is_none());
        assert_eq!(v["error"]["code"], "empty");
    }
}
