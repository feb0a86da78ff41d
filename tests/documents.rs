//! The `document` record on real headers of different shapes
//! (`tests/documents/`, sources in its INDEX.md): news texts get none, and
//! every (file, field) in `tests/documents/passing.txt` stays right. A field
//! newly read right is added there (`UPDATE_PASSING=1`, then review the
//! diff); one that breaks fails the test.

use std::collections::BTreeSet;

use serde_json::Value;

fn matches(want: &Value, got: Option<&Value>) -> bool {
    let want = want.get("all").unwrap_or(want);
    match (want, got) {
        // A list of alternatives, except for the list-valued recipients.
        (Value::Array(options), Some(g)) if !g.is_array() => options.contains(g),
        (w, Some(g)) => w == g,
        (_, None) => false,
    }
}

/// Every (file, field) the extractor reads right, and the number of fields.
fn right_fields() -> (BTreeSet<String>, usize, Vec<String>) {
    let expected = std::fs::read_to_string("tests/documents/expected.jsonl").unwrap();
    let mut right = BTreeSet::new();
    let mut total = 0;
    let mut false_docs = Vec::new();
    for line in expected.lines() {
        let e: Value = serde_json::from_str(line).unwrap();
        let file = e["file"].as_str().unwrap();
        let text = std::fs::read_to_string(format!("tests/documents/{file}")).unwrap();
        let records = vnextract::extract(&text);
        let docs: Vec<Value> = records
            .iter()
            .filter(|r| r.kind() == vnextract::Kind::Document)
            .map(|r| serde_json::to_value(r).unwrap())
            .collect();
        assert!(docs.len() <= 1, "{file}: at most one document record");
        let Some(want) = e["document"].as_object() else {
            if !docs.is_empty() {
                false_docs.push(file.to_string());
            }
            continue;
        };
        for (field, value) in want {
            if matches!(field.as_str(), "start" | "end" | "byte_start" | "byte_end") {
                continue;
            }
            total += 1;
            if docs.first().is_some_and(|d| matches(value, d.get(field))) {
                right.insert(format!("{file}\t{field}"));
            }
        }
    }
    (right, total, false_docs)
}

#[test]
fn headers_of_every_shape_keep_the_fields_they_read_right() {
    let (right, total, false_docs) = right_fields();
    assert!(
        false_docs.is_empty(),
        "news texts read as documents: {false_docs:?}"
    );
    let path = "tests/documents/passing.txt";
    if std::env::var_os("UPDATE_PASSING").is_some() {
        let mut out = String::from("# (file, field) pairs the extractor reads right; UPDATE_PASSING=1 cargo test --test documents rewrites it\n");
        for r in &right {
            out.push_str(r);
            out.push('\n');
        }
        std::fs::write(path, out).unwrap();
    }
    let passing = std::fs::read_to_string(path).unwrap();
    let lost: Vec<&str> = passing
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| !right.contains(*l))
        .collect();
    eprintln!("{} of {total} fields right", right.len());
    assert!(lost.is_empty(), "fields no longer read right: {lost:#?}");
}
