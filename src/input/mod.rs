//! The text layer: every input (plain text in any encoding, HTML, DOCX)
//! turned into the one Unicode text the extractor reads, with a map from
//! that text back to the input's bytes.
//!
//! Records index the text layer (`start`/`end` in code points); their
//! `byte_start`/`byte_end` are mapped back into the input file where that
//! means something (plain text in any encoding, HTML) and index the text
//! layer's UTF-8 otherwise (DOCX). For plain UTF-8 input the text layer is
//! the input itself.

mod docx;
pub mod encoding;
mod html;
mod offsets;

pub use encoding::Encoding;
pub use offsets::OffsetMap;

use crate::output::InputError;
use crate::record::Record;

/// What kind of file an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Docx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    /// The format a file name says, if it says one we read.
    pub fn of_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

/// How to read inputs: formats and encodings found by themselves unless
/// forced.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The format of every input (`--input-format`); otherwise by file name
    /// and content.
    pub format: Option<Format>,
    /// The encoding of every input (`--encoding`); `utf-8` is strict: no
    /// detection, no repair.
    pub encoding: Option<Encoding>,
}

/// The text of a layer: a file's bytes, checked once as UTF-8 with SIMD
/// (the standard library's check, which `String::from_utf8` would run
/// again, is several times slower), or a decoded string.
#[derive(Debug, Clone)]
enum Buf {
    Checked(Vec<u8>),
    Text(String),
}

/// One input as the extractor reads it.
#[derive(Debug, Clone)]
pub struct TextLayer {
    buf: Buf,
    pub format: Format,
    pub encoding: Encoding,
    /// Text-layer bytes → input bytes; `None` when they are the same
    /// (clean UTF-8 text) or when input bytes mean nothing (DOCX).
    map: Option<OffsetMap>,
}

impl TextLayer {
    /// A text that is its own text layer.
    pub fn plain(text: String) -> TextLayer {
        TextLayer::decoded(text, Format::Text, Encoding::Utf8, None)
    }

    pub(crate) fn decoded(
        text: String,
        format: Format,
        encoding: Encoding,
        map: Option<OffsetMap>,
    ) -> TextLayer {
        TextLayer {
            buf: Buf::Text(text),
            format,
            encoding,
            map,
        }
    }

    /// The text the extractor reads.
    pub fn text(&self) -> &str {
        match &self.buf {
            Buf::Checked(b) => simdutf8::basic::from_utf8(b).expect("checked as UTF-8"),
            Buf::Text(t) => t,
        }
    }

    pub fn into_text(self) -> String {
        match self.buf {
            Buf::Checked(b) => String::from_utf8(b).expect("checked as UTF-8"),
            Buf::Text(t) => t,
        }
    }

    /// Whether the text layer differs from the input as it was given.
    pub fn is_plain(&self) -> bool {
        self.format == Format::Text && self.encoding == Encoding::Utf8
    }

    /// What an output line reports as `format` and `encoding`: nothing for
    /// plain UTF-8 text, the encoding only when it is not UTF-8.
    pub fn described(&self) -> (Option<&'static str>, Option<&'static str>) {
        let format = (!self.is_plain()).then(|| self.format.as_str());
        let encoding = (self.encoding != Encoding::Utf8).then(|| self.encoding.as_str());
        (format, encoding)
    }

    /// The input byte where text-layer byte `p` came from.
    pub fn source_byte(&self, p: usize) -> usize {
        self.map.as_ref().map_or(p, |m| m.source(p))
    }

    /// Points a record's `byte_start`/`byte_end` into the input file.
    pub fn map_record(&self, r: &mut Record) {
        if let Some(m) = &self.map {
            r.byte_start = m.source(r.byte_start);
            r.byte_end = m.source(r.byte_end);
        }
    }
}

/// Reads one input's bytes into its text layer. `name` (a file name) tells
/// the format when the options do not.
pub fn read(
    bytes: Vec<u8>,
    name: Option<&str>,
    options: &ReadOptions,
) -> Result<TextLayer, InputError> {
    if bytes.is_empty() {
        return Err(InputError::new("empty", "empty input"));
    }
    let by_name = name.and_then(Format::of_name);
    if options.format.is_none() {
        unsupported(&bytes, name)?;
    }
    let format = options.format.or(by_name).unwrap_or_else(|| {
        if bytes.starts_with(b"PK\x03\x04") {
            Format::Docx
        } else {
            Format::Text
        }
    });
    match format {
        Format::Docx => docx::read(&bytes),
        Format::Html => {
            let forced = options.encoding.or_else(|| html::meta_charset(&bytes));
            html::read(decode_text(bytes, forced)?)
        }
        Format::Text => decode_text(bytes, options.encoding),
    }
}

/// The text layer of a text given as a string (a JSON Lines field):
/// mojibake is repaired unless the options force UTF-8.
pub fn from_text(text: String, options: &ReadOptions) -> TextLayer {
    if options.encoding == Some(Encoding::Utf8) {
        return TextLayer::plain(text);
    }
    match encoding::repair_text(&text, options.encoding) {
        Some((e, d)) => TextLayer::decoded(d.text, Format::Text, e, Some(d.map)),
        None => TextLayer::plain(text),
    }
}

/// `.doc` and `.pdf` (by name or by their first bytes) are not read.
fn unsupported(bytes: &[u8], name: Option<&str>) -> Result<(), InputError> {
    let ext = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    let what = if bytes.starts_with(b"%PDF") || ext.as_deref() == Some("pdf") {
        "a PDF file: convert it to text first (`pdftotext -layout FILE.pdf`)"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || ext.as_deref() == Some("doc") {
        "a Word 97-2003 (.doc) file: convert it first (`libreoffice --headless --convert-to docx FILE.doc`)"
    } else {
        return Ok(());
    };
    Err(InputError::new("unsupported_format", what))
}

/// Decodes text bytes: UTF-8 (repaired when it is mojibake), or a legacy
/// encoding found by detection.
fn decode_text(bytes: Vec<u8>, forced: Option<Encoding>) -> Result<TextLayer, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::new(
            "binary",
            "binary data (NUL bytes), not a text file",
        ));
    }
    let forced_legacy = forced.filter(|e| !e.reads_utf8());
    if forced_legacy.is_none() {
        if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
            let repaired = match forced {
                Some(Encoding::Utf8) => None,
                _ => encoding::repair_text(text, forced),
            };
            return Ok(match repaired {
                Some((e, d)) => TextLayer::decoded(d.text, Format::Text, e, Some(d.map)),
                None => TextLayer {
                    buf: Buf::Checked(bytes),
                    format: Format::Text,
                    encoding: Encoding::Utf8,
                    map: None,
                },
            });
        }
        if forced.is_some() {
            return Err(invalid_utf8(&bytes, forced));
        }
    }
    encoding::decode_bytes(&bytes, forced_legacy)
        .map(|(e, d)| TextLayer::decoded(d.text, Format::Text, e, Some(d.map)))
        .ok_or_else(|| invalid_utf8(&bytes, forced))
}

fn invalid_utf8(bytes: &[u8], forced: Option<Encoding>) -> InputError {
    let at = simdutf8::compat::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0);
    let hint = if forced.is_some() {
        "(--encoding forces UTF-8)"
    } else {
        "and no Vietnamese legacy encoding (TCVN3, VNI, Windows-1258) explains the bytes; name one with --encoding"
    };
    InputError::new("invalid_utf8", format!("invalid UTF-8 at byte {at} {hint}"))
}
