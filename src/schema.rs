//! The JSON Schema (draft 2020-12) of an output line: generated from the
//! record types (`schemars` reads their serde attributes), with the fields
//! every record shares and one variant per kind. `vnextract schema` prints
//! it; `schema/vnextract-1.schema.json` is that output, and a test keeps the
//! two equal.

use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::input::{Encoding, Format};
use crate::record::{
    Date, Document, DocumentRef, Duration, Event, Location, Organization, Period, Person, Quantity,
};
use crate::Kind;

/// The error codes an output line may carry.
pub const ERROR_CODES: [&str; 11] = [
    "not_found",
    "unreadable",
    "invalid_utf8",
    "binary",
    "empty",
    "no_text_files",
    "invalid_json",
    "missing_field",
    "invalid_docx",
    "unsupported_format",
    "internal",
];

/// The schema of one output line, as a JSON value.
pub fn schema() -> Value {
    // What the records serialize to (fields skipped when empty are optional).
    let mut settings = schemars::generate::SchemaSettings::draft2020_12();
    settings.contract = schemars::generate::Contract::Serialize;
    let mut generator = SchemaGenerator::new(settings);
    let mut variants = Vec::new();
    let mut add = |kind: Kind, fields: Value| {
        let mut props = Map::new();
        props.insert("kind".into(), json!({ "const": kind.as_str() }));
        props.insert("text".into(), json!({ "type": "string" }));
        for k in ["start", "end", "byte_start", "byte_end"] {
            props.insert(k.into(), json!({ "type": "integer", "minimum": 0 }));
        }
        let mut required: Vec<Value> = [
            "kind",
            "text",
            "start",
            "end",
            "byte_start",
            "byte_end",
            "rule",
        ]
        .iter()
        .map(|&k| json!(k))
        .collect();
        if let Some(Value::Object(p)) = fields.get("properties") {
            for (k, v) in p {
                props.insert(k.clone(), v.clone());
            }
        }
        if let Some(Value::Array(r)) = fields.get("required") {
            required.extend(r.iter().cloned());
        }
        props.insert("rule".into(), json!({ "type": "string" }));
        variants.push(json!({
            "title": kind.as_str(),
            "type": "object",
            "properties": props,
            "required": required,
            "additionalProperties": false,
        }));
    };
    fn fields<T: JsonSchema>(g: &mut SchemaGenerator) -> Value {
        g.root_schema_for::<T>().to_value()
    }
    add(Kind::DocumentRef, fields::<DocumentRef>(&mut generator));
    add(Kind::Date, fields::<Date>(&mut generator));
    add(Kind::Period, fields::<Period>(&mut generator));
    add(Kind::Duration, fields::<Duration>(&mut generator));
    add(Kind::Organization, fields::<Organization>(&mut generator));
    add(Kind::Person, fields::<Person>(&mut generator));
    add(Kind::Event, fields::<Event>(&mut generator));
    add(Kind::Location, fields::<Location>(&mut generator));
    add(Kind::Quantity, fields::<Quantity>(&mut generator));
    add(Kind::Document, fields::<Document>(&mut generator));
    let mut defs: Map<String, Value> = generator
        .definitions()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    defs.insert("record".into(), json!({ "oneOf": variants }));
    let formats: Vec<&str> = [Format::Text, Format::Html, Format::Docx]
        .iter()
        .map(|f| f.as_str())
        .collect();
    let encodings: Vec<&str> = Encoding::ALL.iter().map(|e| e.as_str()).collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vnextract.invalid/schema/vnextract-1.schema.json",
        "title": "vnextract/1 output line",
        "description": "One line per input document: its records, or the error that kept it from being read. Generated from the Rust record types by `vnextract schema`.",
        "type": "object",
        "properties": {
            "schema": { "const": crate::output::SCHEMA },
            "source": { "type": "string" },
            "format": { "enum": formats },
            "encoding": { "enum": encodings },
            "chars": { "type": "integer", "minimum": 0 },
            "records": { "type": "array", "items": { "$ref": "#/$defs/record" } },
            "entities": { "type": "array", "items": { "type": "object" } },
            "error": {
                "type": "object",
                "properties": {
                    "code": { "enum": ERROR_CODES },
                    "message": { "type": "string" },
                },
                "required": ["code", "message"],
                "additionalProperties": false,
            },
        },
        "required": ["schema", "source"],
        "anyOf": [{ "required": ["records"] }, { "required": ["error"] }],
        "additionalProperties": false,
        "$defs": defs,
    })
}

/// The schema as `vnextract schema` prints it and the committed file holds.
pub fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).expect("a schema serializes");
    s.push('\n');
    s
}
