//! The typed records and their serialization: the output contract of
//! `../shared/spec/RECORDS.md` (schema `vnextract/1`).

use serde::{Serialize, Serializer};

/// The record kinds of the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    DocumentRef,
    Organization,
    Person,
    Date,
    Period,
    Duration,
    Quantity,
    Event,
    Location,
}

impl Kind {
    /// Every kind, in schema order.
    pub const ALL: [Kind; 9] = [
        Kind::DocumentRef,
        Kind::Organization,
        Kind::Person,
        Kind::Date,
        Kind::Period,
        Kind::Duration,
        Kind::Quantity,
        Kind::Event,
        Kind::Location,
    ];

    /// The snake_case name used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::DocumentRef => "document_ref",
            Kind::Organization => "organization",
            Kind::Person => "person",
            Kind::Date => "date",
            Kind::Period => "period",
            Kind::Duration => "duration",
            Kind::Quantity => "quantity",
            Kind::Event => "event",
            Kind::Location => "location",
        }
    }

    /// Parses a kind name as written in the output (`document_ref`).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Dates, periods and durations: kinds that never overlap each other.
    pub fn is_time(self) -> bool {
        matches!(self, Kind::Date | Kind::Period | Kind::Duration)
    }
}

/// `party` (`NUMBER-TYPE/ISSUER`) or `state` (`NUMBER[/YEAR]/TYPE-ISSUER`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum System {
    Party,
    State,
}

/// Fields of a `document_ref` record. Unknown fields are omitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocumentRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_abbr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_abbr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<System>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plenum: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub congress: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<String>,
    /// True for the document's own number in its legal header (`Số: ...`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub own_number: bool,
}

/// The kind-specific part of a record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Fields {
    DocumentRef(DocumentRef),
}

impl Fields {
    /// The kind these fields belong to.
    pub fn kind(&self) -> Kind {
        match self {
            Fields::DocumentRef(_) => Kind::DocumentRef,
        }
    }
}

/// One extracted record. Offsets refer to the original input:
/// `input[byte_start..byte_end] == text`, and `start`/`end` count code points.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub fields: Fields,
    /// Stable id of the rule that produced the record (`document_ref/code`).
    pub rule: &'static str,
}

impl Record {
    pub fn kind(&self) -> Kind {
        self.fields.kind()
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Flat<'a> {
            kind: Kind,
            text: &'a str,
            start: usize,
            end: usize,
            byte_start: usize,
            byte_end: usize,
            #[serde(flatten)]
            fields: &'a Fields,
            rule: &'static str,
        }
        Flat {
            kind: self.kind(),
            text: &self.text,
            start: self.start,
            end: self.end,
            byte_start: self.byte_start,
            byte_end: self.byte_end,
            fields: &self.fields,
            rule: self.rule,
        }
        .serialize(serializer)
    }
}
