//! The committed JSON Schema is what `vnextract schema` prints, and every
//! output line the CLI writes (records of every kind, entity tables, every
//! error) validates against it; lines that break the contract do not.

use std::fs;
use std::process::Command;

use serde_json::Value;

const SCHEMA_FILE: &str = "schema/vnextract-1.schema.json";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vnextract"))
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&fs::read_to_string(SCHEMA_FILE).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("a valid draft 2020-12 schema")
}

#[test]
fn the_committed_schema_is_the_commands_output() {
    let out = bin().arg("schema").output().unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(printed, vnextract::schema::schema_text());
    assert_eq!(
        fs::read_to_string(SCHEMA_FILE).unwrap(),
        printed,
        "regenerate with `cargo run --release -- schema > {SCHEMA_FILE}`"
    );
}

#[test]
fn every_output_line_validates() {
    let v = validator();
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    fs::write(p("empty.txt"), b"").unwrap();
    fs::write(
        p("noise.txt"),
        (0..2000u32)
            .map(|i| (i * 7919 % 251) as u8 | 0x80)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    fs::write(p("nul.txt"), b"a\0b").unwrap();
    fs::write(p("a.pdf"), b"%PDF-1.4").unwrap();
    fs::write(p("bad.docx"), b"PK\x03\x04broken").unwrap();
    fs::write(p("page.html"), "<p><b>Bộ</b> Tài chính, ngày 5/6/2024</p>").unwrap();
    fs::write(
        p("vni.txt"),
        b"Vie\xe4t Nam, Vie\xe4t Nam, Vie\xe4t Nam, \xd1a\xfbng",
    )
    .unwrap();
    fs::write(
        p("docs.jsonl"),
        "{\"id\": 1, \"text\": \"Chỉ thị 05-CT/TW\"}\n{oops\n{\"id\": 2}\n",
    )
    .unwrap();
    let mut runs: Vec<Vec<String>> = vec![
        vec![
            "data/samples".into(),
            "tests/dev2/texts".into(),
            "tests/documents".into(),
        ],
        vec!["--entities".into(), "data/samples".into()],
        [
            "empty.txt",
            "noise.txt",
            "nul.txt",
            "a.pdf",
            "bad.docx",
            "page.html",
            "vni.txt",
            "missing.txt",
        ]
        .iter()
        .map(|n| p(n))
        .collect(),
        vec!["--input-format".into(), "jsonl".into(), p("docs.jsonl")],
    ];
    // The shared dev texts, where the checkout has them beside it.
    if std::path::Path::new("../shared/eval/texts/dev").is_dir() {
        runs.push(vec!["../shared/eval/texts/dev".into()]);
    }
    runs[2].push(dir.path().join("empty-dir").to_string_lossy().into_owned());
    fs::create_dir(dir.path().join("empty-dir")).unwrap();
    let mut kinds = std::collections::BTreeSet::new();
    let mut codes = std::collections::BTreeSet::new();
    for args in runs {
        let out = bin().arg("extract").args(&args).output().unwrap();
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let value: Value = serde_json::from_str(line).unwrap();
            let errors: Vec<String> = v
                .iter_errors(&value)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", value["source"]);
            for r in value["records"].as_array().into_iter().flatten() {
                kinds.insert(r["kind"].as_str().unwrap().to_string());
            }
            if let Some(c) = value["error"]["code"].as_str() {
                codes.insert(c.to_string());
            }
        }
    }
    assert_eq!(kinds.len(), vnextract::Kind::ALL.len(), "{kinds:?}");
    assert!(codes.len() >= 8, "{codes:?}");
}

#[test]
fn lines_that_break_the_contract_are_rejected() {
    let v = validator();
    let good: Value = serde_json::from_str(
        r#"{"schema":"vnextract/1","source":"a.txt","chars":16,"records":[{"kind":"document_ref","text":"Chỉ thị 05-CT/TW","start":0,"end":16,"byte_start":0,"byte_end":22,"code":"05-CT/TW","rule":"document_ref/code"}]}"#,
    )
    .unwrap();
    assert!(v.is_valid(&good));
    let mut unknown_kind = good.clone();
    unknown_kind["records"][0]["kind"] = "planet".into();
    assert!(!v.is_valid(&unknown_kind));
    let mut no_start = good.clone();
    no_start["records"][0]
        .as_object_mut()
        .unwrap()
        .remove("start");
    assert!(!v.is_valid(&no_start));
    let mut stray_field = good.clone();
    stray_field["records"][0]["colour"] = "red".into();
    assert!(!v.is_valid(&stray_field));
    let mut neither = good;
    neither.as_object_mut().unwrap().remove("records");
    assert!(!v.is_valid(&neither));
}
