//! User data at run time: `--data DIR`, `--rules FILE`, their errors, and
//! the entity table (`--entities`).

use std::fs;
use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vnextract"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn records(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    line["records"].as_array().unwrap().clone()
}

fn orgs(records: &[Value]) -> Vec<(String, String)> {
    records
        .iter()
        .filter(|r| r["kind"] == "organization")
        .map(|r| {
            (
                r["text"].as_str().unwrap().into(),
                r["name"].as_str().unwrap().into(),
            )
        })
        .collect()
}

const ORG_HEADER: &str = "name\taliases\tabbr\tcategory\tvalid_from\tvalid_to\tsuccessor\n";
const TEXT: &str = "Đoàn công tác làm việc với KKT Vân Phong. Khu kinh tế Vân Phong đón đoàn.";

#[test]
fn a_data_folder_adds_a_body_and_an_alias() {
    let before = records(&run(&["extract", "-"], TEXT));
    assert!(
        orgs(&before).iter().all(|(t, _)| t != "KKT Vân Phong"),
        "{before:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let rows = format!(
        "{ORG_HEADER}Khu kinh tế Vân Phong\tKKT Vân Phong\t\tstate\t\t\t\n\
         Bộ Tài chính\tBộ TC|BTC\tBTC\tstate\t\t\t\n"
    );
    fs::write(dir.path().join("organizations.tsv"), rows).unwrap();
    let d = dir.path().to_str().unwrap();
    let after = records(&run(&["extract", "--data", d, "-"], TEXT));
    assert_eq!(
        orgs(&after),
        [
            ("KKT Vân Phong".into(), "Khu kinh tế Vân Phong".into()),
            (
                "Khu kinh tế Vân Phong".into(),
                "Khu kinh tế Vân Phong".into()
            ),
        ]
    );
    let r = after.iter().find(|r| r["text"] == "KKT Vân Phong").unwrap();
    assert_eq!(r["category"], "state");
    assert_eq!(r["rule"], "organization/gazetteer");
    // The replaced embedded row takes its new alias.
    let bo = records(&run(
        &["extract", "--data", d, "-"],
        "Theo ý kiến của Bộ TC hôm qua.",
    ));
    assert_eq!(orgs(&bo), [("Bộ TC".into(), "Bộ Tài chính".into())]);
}

#[test]
fn a_rules_file_adds_a_regex_and_a_phrase_rule() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.jsonl");
    fs::write(
        &rules,
        "{\"kind\": \"document_ref\", \"regex\": \"QCVN (?P<number>[0-9]+):(?P<year>[0-9]{4})/B[A-Z]+\", \"fields\": {\"doc_type\": \"Quy chuẩn kỹ thuật quốc gia\"}}\n\
         {\"kind\": \"organization\", \"id\": \"vp\", \"phrases\": [\"KKT Vân Phong\"], \"fields\": {\"name\": \"Khu kinh tế Vân Phong\", \"category\": \"state\"}}\n",
    )
    .unwrap();
    let text = "Theo QCVN 01:2021/BYT, Đoàn công tác đến KKT VÂN PHONG.";
    let before = records(&run(&["extract", "-"], text));
    assert!(before
        .iter()
        .all(|r| r["rule"].as_str().unwrap().starts_with(|c: char| c != 'u')));
    let got = records(&run(
        &["extract", "--rules", rules.to_str().unwrap(), "-"],
        text,
    ));
    let qcvn = got.iter().find(|r| r["kind"] == "document_ref").unwrap();
    assert_eq!(qcvn["text"], "QCVN 01:2021/BYT");
    assert_eq!(qcvn["doc_type"], "Quy chuẩn kỹ thuật quốc gia");
    assert_eq!(
        (qcvn["number"].as_str(), qcvn["year"].as_str()),
        (Some("01"), Some("2021"))
    );
    assert_eq!(qcvn["rule"], "user/rules.jsonl:1");
    // The built-in code rule found `2021/BYT` inside it: the longer span wins.
    assert_eq!(
        got.iter().filter(|r| r["kind"] == "document_ref").count(),
        1
    );
    let vp = got.iter().find(|r| r["kind"] == "organization").unwrap();
    assert_eq!(vp["text"], "KKT VÂN PHONG");
    assert_eq!(vp["name"], "Khu kinh tế Vân Phong");
    assert_eq!(vp["rule"], "user/vp");
    // Offsets still index the input.
    let chars: Vec<char> = text.chars().collect();
    let (s, e) = (
        vp["start"].as_u64().unwrap() as usize,
        vp["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[s..e].iter().collect::<String>(), "KKT VÂN PHONG");
}

#[test]
fn a_user_rule_wins_over_a_built_in_one_on_the_same_span() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.jsonl");
    fs::write(
        &rules,
        "{\"kind\": \"organization\", \"phrases\": [\"Bộ Tài chính\"], \"fields\": {\"name\": \"Bộ Tài chính (Việt Nam)\", \"category\": \"state\"}}\n",
    )
    .unwrap();
    let got = records(&run(
        &["extract", "--rules", rules.to_str().unwrap(), "-"],
        "Bộ Tài chính họp.",
    ));
    assert_eq!(
        orgs(&got),
        [("Bộ Tài chính".into(), "Bộ Tài chính (Việt Nam)".into())]
    );
    assert_eq!(got[0]["rule"], "user/r.jsonl:1");
}

/// Runs with bad data and checks exit 2, `file:line` on stderr and nothing on stdout.
fn rejected(args: &[&str], want: &str) {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    all.push("data/samples");
    let out = run(&all, "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}");
    assert!(err.contains(want), "{args:?}: want {want:?} in {err:?}");
}

#[test]
fn bad_data_stops_the_run_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    let sub = |name: &str| {
        let d = dir.path().join(name);
        fs::create_dir(&d).unwrap();
        d
    };
    // An unknown file name.
    let d = sub("typo");
    fs::write(d.join("organisations.tsv"), ORG_HEADER).unwrap();
    rejected(
        &["--data", d.to_str().unwrap()],
        "organisations.tsv: not a data file name",
    );
    // A wrong header.
    let d = sub("header");
    fs::write(d.join("places.tsv"), "name\tcategory\nX\tcommune\n").unwrap();
    rejected(
        &["--data", d.to_str().unwrap()],
        "places.tsv:1: header must be",
    );
    // A bad row.
    let d = sub("row");
    fs::write(
        d.join("organizations.tsv"),
        format!("{ORG_HEADER}# c\nSở X\t\t\tplanet\t\t\t\n"),
    )
    .unwrap();
    rejected(
        &["--data", d.to_str().unwrap()],
        "organizations.tsv:3: category `planet`",
    );
    // A missing folder.
    rejected(&["--data", p("nowhere").to_str().unwrap()], "nowhere");
    // Rules: invalid JSON, an invalid regex, an unknown kind, an unknown field.
    for (content, want) in [
        ("{\"kind\": \"organization\", \"regex\": \"a\"}\n{oops", "r.jsonl:2: invalid JSON"),
        ("{\"kind\": \"organization\", \"regex\": \"(a\"}", "r.jsonl:1: invalid regex"),
        ("{\"kind\": \"planet\", \"regex\": \"a\"}", "r.jsonl:1: unknown kind `planet`"),
        (
            "\n{\"kind\": \"organization\", \"phrases\": [\"A B\"], \"fields\": {\"colour\": \"red\"}}",
            "r.jsonl:2: fields of organization: unknown field `colour`",
        ),
    ] {
        fs::write(p("r.jsonl"), content).unwrap();
        rejected(&["--rules", p("r.jsonl").to_str().unwrap()], want);
    }
}

#[test]
fn entities_group_short_and_full_mentions() {
    let out = run(
        &[
            "extract",
            "--entities",
            "data/samples/seed-dangbokhoi-2019.txt",
        ],
        "",
    );
    assert!(out.status.success());
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    let records = line["records"].as_array().unwrap();
    let entities = line["entities"].as_array().unwrap();
    let mentions = |e: &Value| -> Vec<String> {
        e["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                records[m.as_u64().unwrap() as usize]["text"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let named = |name: &str| entities.iter().find(|e| e["name"] == name).unwrap();
    // Every `Đảng ủy Khối` is one body, the one the lists name in full.
    let duk = named("Đảng ủy Khối các cơ quan Trung ương");
    let short = records
        .iter()
        .filter(|r| r["kind"] == "organization" && r["text"] == "Đảng ủy Khối")
        .count();
    assert!(short >= 10);
    assert_eq!(
        mentions(duk)
            .iter()
            .filter(|t| *t == "Đảng ủy Khối")
            .count(),
        short
    );
    // Short and full mentions of the Party organization share a row.
    let dbk = mentions(named("Đảng bộ Khối các cơ quan Trung ương"));
    assert!(dbk.contains(&"Đảng bộ Khối".to_string()));
    assert!(dbk.contains(&"Đảng bộ Khối các cơ quan Trung ương".to_string()));
    // A person's titles add up; ids are in order of first mention.
    let person = entities.iter().find(|e| e["kind"] == "person").unwrap();
    assert!(person["titles"].as_array().is_some_and(|t| !t.is_empty()));
    assert_eq!(entities[0]["id"], "e1");
    // Without the flag, no table.
    let out = run(&["extract", "data/samples/seed-dangbokhoi-2019.txt"], "");
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(line.get("entities").is_none());
}

#[test]
fn merged_bodies_carry_their_successor() {
    let got = records(&run(
        &["extract", "-"],
        "Đảng ủy Khối các cơ quan Trung ương họp.",
    ));
    assert_eq!(got[0]["successor"], "Đảng ủy các cơ quan Đảng Trung ương");
    assert_eq!(got[0]["valid_to"], "2025-02-03");
}
