//! The text layer on real inputs: the seed article in every legacy encoding
//! and mojibake gives the records of its UTF-8 original, HTML and DOCX give
//! their visible text with offsets into the file, and bad files give one
//! error each.

use std::collections::HashMap;
use std::io::Write;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;
use vnextract::input::{self, Encoding, Format, ReadOptions};

const SEED: &str = include_str!("../data/samples/seed-dangbokhoi-2019.txt");
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// The TCVN3 or VNI bytes of a text, from the letters table.
fn legacy(text: &str, vni: bool) -> Vec<u8> {
    let mut codes: HashMap<char, Vec<u8>> = HashMap::new();
    for line in include_str!("../data/legacy_letters.tsv").lines().skip(4) {
        let cols: Vec<&str> = line.split('\t').collect();
        let hex = |h: &str| u8::from_str_radix(h, 16).unwrap();
        let bytes = if vni {
            cols[2].split(' ').map(hex).collect()
        } else {
            vec![hex(cols[1])]
        };
        codes
            .entry(cols[0].chars().next().unwrap())
            .or_insert(bytes);
    }
    let mut out = Vec::new();
    for c in text.chars() {
        match codes.get(&c) {
            Some(b) => out.extend(b),
            None if c.is_ascii() => out.push(c as u8),
            None => {
                let mut tmp = [0; 4];
                let (b, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut tmp));
                assert!(!unmappable, "{c:?} in no legacy table");
                out.extend(b.iter());
            }
        }
    }
    out
}

/// Windows-1258: base letters, tones as combining bytes.
fn cp1258(text: &str) -> Vec<u8> {
    let split: String = text
        .chars()
        .flat_map(|c| {
            let base: String = c.nfd().filter(|d| !TONES.contains(d)).nfc().collect();
            base.chars()
                .chain(c.nfd().filter(|d| TONES.contains(d)))
                .collect::<Vec<_>>()
        })
        .collect();
    let (b, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
    assert!(!unmappable);
    b.into_owned()
}

/// Bytes shown as Windows-1252 (bytes it leaves out as C1 controls, as
/// Latin-1 readers show them) and saved as UTF-8.
fn misread(bytes: &[u8]) -> Vec<u8> {
    let mut s = String::new();
    for &b in bytes {
        let byte = [b];
        let (c, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        s.push_str(&c);
    }
    s.into_bytes()
}

/// The records of an input as JSON values, without byte offsets (they
/// index different files).
fn records(bytes: Vec<u8>, name: &str, options: &ReadOptions) -> (input::TextLayer, Vec<Value>) {
    let layer = input::read(bytes, Some(name), options).expect("readable");
    let mut out = Vec::new();
    for r in vnextract::extract(layer.text()) {
        let mut v = serde_json::to_value(&r).unwrap();
        let m = v.as_object_mut().unwrap();
        m.remove("byte_start");
        m.remove("byte_end");
        out.push(v);
    }
    (layer, out)
}

#[test]
fn every_lossless_encoding_gives_the_records_of_the_original() {
    let auto = ReadOptions::default();
    let (_, want) = records(SEED.as_bytes().to_vec(), "seed.txt", &auto);
    assert!(want.len() > 50);
    let variants = [
        (Encoding::Vni, legacy(SEED, true)),
        (Encoding::Cp1258, cp1258(SEED)),
        (Encoding::Utf8Mojibake, misread(SEED.as_bytes())),
        (Encoding::VniMojibake, misread(&legacy(SEED, true))),
    ];
    for (encoding, bytes) in variants {
        let (layer, got) = records(bytes.clone(), "seed.txt", &auto);
        assert_eq!(layer.encoding, encoding);
        assert_eq!(layer.text(), SEED, "{encoding:?}");
        assert_eq!(got, want, "{encoding:?}");
        // Byte offsets point into the file: each record's bytes, read in
        // the same encoding, are its text.
        let forced = ReadOptions {
            encoding: Some(encoding),
            ..auto
        };
        for r in vnextract::extract(layer.text()) {
            let mut r = r;
            layer.map_record(&mut r);
            let piece = bytes[r.byte_start..r.byte_end].to_vec();
            let back = input::read(piece, None, &forced).unwrap();
            assert_eq!(back.text(), r.text, "{encoding:?}");
        }
    }
}

#[test]
fn tcvn3_loses_the_case_of_toned_capitals_and_keeps_most_records() {
    let auto = ReadOptions::default();
    let (_, want) = records(SEED.as_bytes().to_vec(), "seed.txt", &auto);
    for (encoding, bytes) in [
        (Encoding::Tcvn3, legacy(SEED, false)),
        (Encoding::Tcvn3Mojibake, misread(&legacy(SEED, false))),
    ] {
        let (layer, got) = records(bytes, "seed.txt", &auto);
        assert_eq!(layer.encoding, encoding);
        assert_eq!(layer.text().to_lowercase(), SEED.to_lowercase());
        let key = |v: &Value| (v["kind"].clone(), v["start"].clone(), v["end"].clone());
        let found = want
            .iter()
            .filter(|w| got.iter().any(|g| key(g) == key(w)))
            .count();
        assert!(
            found * 100 >= want.len() * 95,
            "{encoding:?}: {found} of {}",
            want.len()
        );
    }
}

#[test]
fn clean_text_is_never_re_decoded() {
    let auto = ReadOptions::default();
    for text in [
        format!("{SEED}\n© 2024 Báo Điện tử ® © ® ©"),
        "Bản quyền © ® © ® © ® thuộc về ông François Lê và bà Zoë Ngô.".to_string(),
        "Ðảng bộ tỉnh, Ðại hội lần thứ XV; tác giả José Müller © ®".to_string(),
    ] {
        let layer = input::read(text.clone().into_bytes(), Some("a.txt"), &auto).unwrap();
        assert_eq!(
            (layer.encoding, layer.format, layer.text()),
            (Encoding::Utf8, Format::Text, text.as_str())
        );
    }
}

#[test]
fn an_html_page_gives_its_visible_text_and_offsets_into_the_markup() {
    let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Chỉ thị 07-CT/TW</title>\
                <script>var doc = \"Chỉ thị số 05-CT/TW\";</script></head><body>\
                <h1>Hội nghị</h1><p><b>Bộ</b> Tài&nbsp;chính ban hành Thông tư số 31/2022/TT-BTC \
                ngày 08&#47;6&#x2F;2022.</p><!-- Nghị định 30/2020/NĐ-CP --></body></html>";
    let (layer, _) = records(
        html.as_bytes().to_vec(),
        "page.html",
        &ReadOptions::default(),
    );
    assert_eq!(layer.format, Format::Html);
    assert!(!layer.text().contains("05-CT/TW") && !layer.text().contains("30/2020"));
    let mut found = vnextract::extract(layer.text());
    for r in &mut found {
        layer.map_record(r);
    }
    let org = found
        .iter()
        .find(|r| r.text.starts_with("Bộ"))
        .expect("Bộ Tài chính");
    assert_eq!(&html[org.byte_start..org.byte_end], "Bộ</b> Tài&nbsp;chính");
    let date = found
        .iter()
        .find(|r| r.text.starts_with("ngày 08"))
        .expect("a date");
    assert_eq!(
        &html[date.byte_start..date.byte_end],
        "ngày 08&#47;6&#x2F;2022"
    );
    assert!(found.iter().all(|r| !r.text.contains("05-CT")));
}

#[test]
fn a_docx_gives_its_paragraphs_and_bad_files_give_errors() {
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let body = "<w:p><w:r><w:t>Thực hiện Chỉ thị số 05-CT/TW</w:t></w:r></w:p>\
                <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Bộ Chính trị</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        z.start_file("word/document.xml", opts).unwrap();
        write!(z, "<w:document {w}><w:body>{body}</w:body></w:document>").unwrap();
        z.finish().unwrap();
    }
    let docx = buf.into_inner();
    let (layer, recs) = records(docx.clone(), "a.docx", &ReadOptions::default());
    assert_eq!(layer.text(), "Thực hiện Chỉ thị số 05-CT/TW\nBộ Chính trị");
    assert!(recs.iter().any(|r| r["code"] == "05-CT/TW"));
    let auto = ReadOptions::default();
    let err = |bytes: &[u8], name: &str| {
        input::read(bytes.to_vec(), Some(name), &auto)
            .unwrap_err()
            .code
    };
    assert_eq!(err(&docx[..docx.len() / 2], "a.docx"), "invalid_docx");
    assert_eq!(err(b"%PDF-1.4 ...", "a.pdf"), "unsupported_format");
    assert_eq!(
        err(&[0xD0, 0xCF, 0x11, 0xE0, 1, 2], "a.doc"),
        "unsupported_format"
    );
    let noise: Vec<u8> = (0..4000u32)
        .map(|i| (i * 7919 % 251) as u8 | 0x80)
        .collect();
    assert_eq!(err(&noise, "a.txt"), "invalid_utf8");
    // Unclosed tags and a 10 MB attribute still read.
    let page = format!(
        "<div title=\"{}\"><p>Chính phủ<li><span>Quốc hội",
        "x".repeat(10 << 20)
    );
    let layer = input::read(page.into_bytes(), Some("a.htm"), &auto).unwrap();
    assert_eq!(layer.text(), "Chính phủ\nQuốc hội");
}

/// Text from a PDF: the seed article cut into pages inside sentences, each
/// break a form feed, a page number and the running header, gives the
/// records of the article as one text; the offsets point into the paged text.
#[test]
fn page_breaks_from_a_pdf_are_read_through() {
    let header = "Báo cáo tổng kết năm 2019";
    let mut paged = String::new();
    let mut page = 1;
    let mut last = 0;
    for (i, _) in SEED.match_indices(' ') {
        let next_lower = SEED[i + 1..].chars().next().is_some_and(char::is_lowercase);
        let prev_word = SEED[..i].chars().last().is_some_and(char::is_alphanumeric);
        if i - last >= 700 && next_lower && prev_word {
            page += 1;
            paged.push_str(&SEED[last..i]);
            paged.push_str(&format!("\n\n\u{c}          - {page} -\n{header}\n"));
            last = i + 1;
        }
    }
    paged.push_str(&SEED[last..]);
    assert!(page > 4);
    let fields = |text: &str| -> Vec<(String, Value)> {
        vnextract::extract(text)
            .into_iter()
            .map(|r| {
                let v = serde_json::to_value(&r).unwrap();
                (v["kind"].as_str().unwrap().to_string(), v["fields"].clone())
            })
            .collect()
    };
    assert_eq!(fields(&paged), fields(SEED));
    let chars: Vec<char> = paged.chars().collect();
    for r in vnextract::extract(&paged) {
        assert_eq!(chars[r.start..r.end].iter().collect::<String>(), r.text);
    }
}
