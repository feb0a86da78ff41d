//! The command line as users run it: inputs, formats, filters and bad input.

use std::fs;
use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vnextract"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    if let Some(input) = stdin {
        // The process may exit before reading (bad arguments): ignore a broken pipe.
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn samples_folder_gives_one_line_per_file_in_sorted_order() {
    let out = run(&["extract", "data/samples"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    let sources: Vec<&str> = docs.iter().map(|d| d["source"].as_str().unwrap()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert!(sources.len() >= 3);
    for d in &docs {
        assert_eq!(d["schema"], "vnextract/1");
        assert!(d["records"].is_array());
        assert!(d["chars"].as_u64().unwrap() > 0);
    }
}

#[test]
fn stdin_kinds_filter_and_pretty_json() {
    let input = "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.".as_bytes();
    let out = run(
        &[
            "extract",
            "--format",
            "json",
            "--kinds",
            "document_ref",
            "-",
        ],
        Some(input),
    );
    assert!(out.status.success());
    let all: Value = serde_json::from_slice(&out.stdout).expect("a JSON array");
    let recs = &all[0]["records"];
    assert_eq!(all[0]["source"], "<stdin>");
    assert_eq!(recs[0]["code"], "05-CT/TW");
    assert_eq!(recs[0]["start"], 10);

    let out = run(&["extract", "--kinds", "date", "-"], Some(input));
    assert_eq!(lines(&out)[0]["records"].as_array().unwrap().len(), 0);

    let out = run(&["extract", "--kinds", "dates", "-"], Some(input));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown kind `dates`"));
}

#[test]
fn jsonl_input_uses_id_and_text_fields() {
    let input = concat!(
        "{\"id\": \"a1\", \"body\": \"theo Nghị định 30/2020/NĐ-CP\"}\n",
        "not json\n",
        "{\"id\": 7, \"other\": 1}\n",
        "{\"id\": \"a2\", \"body\": \"Luật Đất đai năm 2024\"}\n"
    );
    let out = run(
        &[
            "extract",
            "--input-format",
            "jsonl",
            "--text-field",
            "body",
            "-",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 4);
    assert_eq!(docs[0]["source"], "a1");
    assert_eq!(docs[0]["records"][0]["code"], "30/2020/NĐ-CP");
    assert_eq!(docs[1]["error"]["code"], "invalid_json");
    assert_eq!(docs[1]["source"], "<stdin>:2");
    assert_eq!(docs[2]["error"]["code"], "missing_field");
    assert_eq!(docs[2]["source"], "7");
    assert_eq!(docs[3]["records"][0]["doc_type"], "Luật");
}

#[test]
fn bad_inputs_give_one_error_line_each_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    fs::write(p("a_invalid.txt"), b"Ngh\xe1\xbb quy\xff").unwrap();
    fs::write(p("b_binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    fs::write(p("c_empty.txt"), b"").unwrap();
    fs::write(p("d_good.txt"), "Chỉ thị 05-CT/TW".as_bytes()).unwrap();
    fs::create_dir(p("empty_dir")).unwrap();
    fs::write(p("empty_dir/notes.md"), "x").unwrap();
    let out = run(
        &[
            "extract",
            &p("a_invalid.txt"),
            &p("b_binary.txt"),
            &p("c_empty.txt"),
            &p("missing.txt"),
            &p("empty_dir"),
            &p("d_good.txt"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    let codes: Vec<&str> = docs
        .iter()
        .map(|d| d["error"]["code"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(
        codes,
        [
            "invalid_utf8",
            "binary",
            "empty",
            "not_found",
            "no_text_files",
            "ok"
        ]
    );
    for d in &docs[..5] {
        assert!(d.get("records").is_none());
        assert!(!d["error"]["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(docs[5]["records"][0]["code"], "05-CT/TW");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().count(),
        5,
        "one message per bad input: {stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("secret.txt");
    fs::write(&f, "Chỉ thị 05").unwrap();
    fs::set_permissions(&f, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&f).is_ok() {
        return; // running as root: permissions do not apply
    }
    let out = run(&["extract", f.to_str().unwrap()], None);
    assert_eq!(lines(&out)[0]["error"]["code"], "unreadable");
}

#[test]
fn offsets_refer_to_the_original_bytes() {
    let input = "\u{FEFF}Ngày 30/7, Nghi\u{0323} đi\u{0323}nh số 30/2020/NÐ-CP\r\n".as_bytes();
    let out = run(&["extract", "-"], Some(input));
    let docs = lines(&out);
    let text = std::str::from_utf8(input).unwrap();
    for r in docs[0]["records"].as_array().unwrap() {
        let (bs, be) = (
            r["byte_start"].as_u64().unwrap() as usize,
            r["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[bs..be], r["text"].as_str().unwrap());
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        let by_chars: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(by_chars, r["text"].as_str().unwrap());
    }
    let recs = docs[0]["records"].as_array().unwrap();
    let kinds: Vec<&str> = recs.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["date", "document_ref"]);
    assert_eq!(recs[0]["value"], "--07-30");
    let rec = &recs[1];
    assert_eq!(rec["code"], "30/2020/NĐ-CP");
    assert_eq!(rec["doc_type"], "Nghị định");
}

#[test]
fn ref_date_and_date_field_lend_their_year() {
    let out = run(
        &["extract", "--ref-date", "2025-06-30", "-"],
        Some("Sáng 28/6, tại Hà Nội".as_bytes()),
    );
    let rec = &lines(&out)[0]["records"][0];
    assert_eq!(rec["value"], "2025-06-28");
    assert_eq!(rec["year_inferred"], true);

    let input = "{\"id\": \"x\", \"text\": \"Sáng 28/6\", \"published\": \"2016-07-01T08:00:00\"}\n{\"id\": \"y\", \"text\": \"Sáng 28/6\"}\n";
    let out = run(
        &[
            "extract",
            "--input-format",
            "jsonl",
            "--date-field",
            "published",
            "-",
        ],
        Some(input.as_bytes()),
    );
    let docs = lines(&out);
    assert_eq!(docs[0]["records"][0]["value"], "2016-06-28");
    assert_eq!(docs[1]["records"][0]["value"], "--06-28");

    let out = run(&["extract", "--ref-date", "30/6/2025", "-"], Some(b"x"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a date"));
}

#[test]
fn threads_keep_input_order_and_stats_sum_up() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let text = format!(
            "Văn bản {i}: theo Chỉ thị số {i:02}-CT/TW, UBND tỉnh Bình Định giảm {i} phòng."
        );
        fs::write(dir.path().join(format!("doc{i:03}.txt")), text).unwrap();
    }
    fs::write(dir.path().join("doc999.txt"), b"").unwrap();
    let path = dir.path().to_str().unwrap();
    let one = run(&["extract", "--threads", "1", path], None);
    let three = run(&["extract", "--threads", "3", "--stats", path], None);
    assert_eq!(one.stdout, three.stdout, "same lines in the same order");
    let docs = lines(&three);
    assert_eq!(docs.len(), 41);
    assert!(docs[0]["source"].as_str().unwrap().ends_with("doc000.txt"));
    assert_eq!(docs[40]["error"]["code"], "empty");
    let records: usize = docs
        .iter()
        .filter_map(|d| d["records"].as_array())
        .map(Vec::len)
        .sum();
    let stderr = String::from_utf8_lossy(&three.stderr);
    let stats = stderr.lines().last().unwrap();
    assert!(
        stats.starts_with(&format!("41 documents, {records} records, 1 errors, ")),
        "{stats}"
    );
    assert!(stats.ends_with(" MB/s"), "{stats}");
}

#[test]
fn a_large_document_is_streamed_as_one_valid_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Ngày 30/7/2019, UBND tỉnh Bình Định giảm 6 phòng theo Chỉ thị số 05-CT/TW.\n";
    let text = line.repeat((8 << 20) / line.len() + 10);
    let big = dir.path().join("big.txt");
    fs::write(&big, &text).unwrap();
    fs::write(dir.path().join("small.txt"), "Chỉ thị 05-CT/TW").unwrap();
    let out = run(
        &["extract", "--threads", "2", dir.path().to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["schema"], "vnextract/1");
    assert_eq!(docs[0]["chars"], text.chars().count());
    let records = docs[0]["records"].as_array().unwrap();
    let per_line = vnextract::extract(line).len();
    assert_eq!(records.len(), per_line * (text.len() / line.len()));
    let last = records.last().unwrap();
    let (bs, be) = (
        last["byte_start"].as_u64().unwrap() as usize,
        last["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[bs..be], last["text"].as_str().unwrap());
    assert_eq!(docs[1]["records"][0]["code"], "05-CT/TW");
}

#[test]
fn a_large_file_that_is_not_text_gets_its_error_line_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "Chỉ thị số 05-CT/TW. ".repeat((8 << 20) / 20).into_bytes();
    bytes.extend_from_slice(b"\xff\xfe tail");
    fs::write(dir.path().join("a_big.txt"), &bytes).unwrap();
    fs::write(dir.path().join("b_small.txt"), "Chỉ thị 05-CT/TW").unwrap();
    for threads in ["1", "2"] {
        let out = run(
            &[
                "extract",
                "--threads",
                threads,
                dir.path().to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "an input error sets the exit code"
        );
        let docs = lines(&out);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0]["error"]["code"], "invalid_utf8");
        assert_eq!(docs[1]["records"][0]["code"], "05-CT/TW");
    }
}

#[test]
fn html_and_legacy_files_say_what_was_read_and_text_prints_the_layer() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    fs::write(
        p("a.html"),
        "<p><b>Bộ</b> Tài chính</p><script>x = '05-CT/TW'</script><p>Chỉ thị 06-CT/TW</p>",
    )
    .unwrap();
    // `Việt Nam` in VNI-Windows bytes.
    fs::write(
        p("b.txt"),
        b"Vie\xe4t Nam, Vie\xe4t Nam, Vie\xe4t Nam, \xd1a\xfbng",
    )
    .unwrap();
    fs::write(p("c.pdf"), b"%PDF-1.4").unwrap();
    let out = run(&["extract", &dir.path().to_string_lossy()], None);
    let docs = lines(&out);
    // The folder walk takes HTML and text; PDFs are left to convert.
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["format"], "html");
    assert!(docs[0].get("encoding").is_none());
    let codes: Vec<&str> = docs[0]["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["code"].as_str())
        .collect();
    assert_eq!(codes, ["06-CT/TW"]);
    assert_eq!(
        (docs[1]["format"].as_str(), docs[1]["encoding"].as_str()),
        (Some("text"), Some("vni"))
    );
    let text = run(&["text", &p("a.html"), &p("b.txt")], None);
    assert_eq!(
        String::from_utf8(text.stdout).unwrap(),
        "Bộ Tài chính\nChỉ thị 06-CT/TW".to_string() + "Việt Nam, Việt Nam, Việt Nam, Đảng"
    );
    let pdf = run(&["extract", &p("c.pdf")], None);
    assert_eq!(lines(&pdf)[0]["error"]["code"], "unsupported_format");
    // `--encoding utf-8` is strict.
    let strict = run(&["extract", "--encoding", "utf-8", &p("b.txt")], None);
    assert_eq!(lines(&strict)[0]["error"]["code"], "invalid_utf8");
}

#[test]
fn a_worker_that_fails_gives_an_internal_error_line_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    for (n, t) in [
        ("a.txt", "Chỉ thị 05-CT/TW"),
        ("b_fault.txt", "Bộ Chính trị"),
        ("c.txt", "Quốc hội"),
    ] {
        fs::write(dir.path().join(n), t).unwrap();
    }
    for threads in ["1", "2"] {
        let mut child = bin()
            .args([
                "extract",
                "--threads",
                threads,
                &dir.path().to_string_lossy(),
            ])
            .env("VNEXTRACT_INJECT_PANIC", "b_fault")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            assert!(started.elapsed().as_secs() < 60, "the run hangs");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let docs = lines(&out);
        let codes: Vec<&str> = docs
            .iter()
            .map(|d| d["error"]["code"].as_str().unwrap_or("ok"))
            .collect();
        // The document at fault and those extracted with it get the error;
        // the ones written before it keep their records.
        assert_eq!(codes.len(), 3, "threads {threads}");
        assert_eq!(&codes[..2], ["ok", "internal"], "threads {threads}");
        // The failure is a bug, and the panic message says so on stderr.
        assert!(String::from_utf8_lossy(&out.stderr).contains("injected failure"));
    }
}
