//! Properties that hold on any input: no panic, offsets that point into the
//! original text, encoding variants that give the same records, and shifted
//! input that shifts offsets.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vnextract::input::{read, Format, ReadOptions};
use vnextract::{extract, extract_many, extract_with, Options, Record, Ymd};

/// Pieces of realistic text mixed with hostile characters.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Chỉ thị số 05-CT/TW".to_string()),
        Just("Nghị định 30/2020/NĐ-CP".to_string()),
        Just("Nghị quyết số 18 - NQ/TW".to_string()),
        Just("của Bộ Chính trị".to_string()),
        Just("Luật Đất đai năm 2024".to_string()),
        Just("Chỉ thị 05".to_string()),
        Just("ngày 30/7/2019".to_string()),
        Just("38/64 đảng bộ".to_string()),
        Just("Uỷ ban hoà giải".to_string()),
        Just("\r\n".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{00A0}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\u{0301}\u{0323}".to_string()),
        Just("Ð".to_string()),
        Just("😀".to_string()),
        Just(" – ".to_string()),
        Just("“".to_string()),
        Just("_".to_string()),
        "[ -~]{0,6}",
        "\\PC{0,4}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..24).prop_map(|v| v.join(" "))
}

fn check_offsets(input: &str, records: &[Record]) {
    for r in records {
        assert_eq!(&input[r.byte_start..r.byte_end], r.text, "byte span");
        let by_chars: String = input.chars().skip(r.start).take(r.end - r.start).collect();
        assert_eq!(by_chars, r.text, "code point span");
    }
}

/// Records without their offsets and text, for comparing encodings.
fn essence(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).unwrap();
            for k in ["text", "start", "end", "byte_start", "byte_end"] {
                v.as_object_mut().unwrap().remove(k);
            }
            v.to_string()
        })
        .collect()
}

mod common;

/// The texts of `data/samples/`, read once.
fn samples() -> &'static [String] {
    static SAMPLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(common::samples)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn offsets_point_into_the_original(input in document()) {
        let records = extract(&input);
        check_offsets(&input, &records);
    }

    #[test]
    fn arbitrary_strings_never_panic(input in "\\PC{0,200}") {
        let records = extract(&input);
        check_offsets(&input, &records);
    }

    #[test]
    fn encodings_give_the_same_records(input in document()) {
        let base = extract(&input);
        let variants = [
            input.nfd().collect::<String>(),
            input.replace('Đ', "Ð"),
            input.replace('\n', "\r\n"),
            format!("\u{FEFF}{input}"),
            input.replace(' ', "\u{00A0}"),
            input.replace("ủy", "uỷ").replace("òa", "oà"),
        ];
        for v in &variants {
            let got = extract(v);
            check_offsets(v, &got);
            prop_assert_eq!(essence(&got), essence(&base));
        }
    }

    #[test]
    fn every_prefix_of_a_sample_is_a_document(which in 0usize..64, cut in 0.0f64..1.0) {
        // A real text cut anywhere: rules reading ahead meet the end of the
        // input in every kind of phrase (a count ending the text once panicked).
        let samples = samples();
        let text = &samples[which % samples.len()];
        let input = &text[..text.floor_char_boundary((text.len() as f64 * cut) as usize)];
        check_offsets(input, &extract(input));
    }

    #[test]
    fn many_documents_give_each_its_own_records(
        docs in prop::collection::vec(document(), 0..12),
        year in 2000i32..2030,
    ) {
        // Every other document with its own options, as JSONL input gives.
        let plain = Options::default();
        let dated = Options { ref_date: Some(Ymd::new(Some(year), None, None)), ..Options::default() };
        let pairs: Vec<(&str, &Options)> = docs
            .iter()
            .enumerate()
            .map(|(k, d)| (d.as_str(), if k % 2 == 0 { &plain } else { &dated }))
            .collect();
        let many = extract_many(&pairs);
        prop_assert_eq!(many.len(), docs.len());
        for ((doc, options), got) in pairs.iter().zip(&many) {
            prop_assert_eq!(got, &extract_with(doc, options));
        }
    }

    #[test]
    fn output_lines_are_the_bytes_serde_json_writes(input in document(), source in "\\PC{0,12}") {
        let line = vnextract::output::DocumentLine::with_records(source, &input, extract(&input));
        let mut ours = Vec::new();
        vnextract::json::write(&mut ours, &line).expect("writes");
        prop_assert_eq!(ours, serde_json::to_vec(&line).expect("serializes"));
    }

    #[test]
    fn shifting_the_input_shifts_offsets(input in document(), pad in "[a-z ]{0,5}\n") {
        let base = extract(&input);
        let shifted = extract(&format!("{pad}{input}"));
        let n = pad.chars().count();
        prop_assert_eq!(base.len(), shifted.len());
        for (a, b) in base.iter().zip(&shifted) {
            prop_assert_eq!(a.start + n, b.start);
            prop_assert_eq!(a.byte_start + pad.len(), b.byte_start);
            prop_assert_eq!(&a.text, &b.text);
        }
    }
    /// Any bytes, read as any format: the text layer never panics, and
    /// records' byte spans, mapped back, lie inside the input in order.
    #[test]
    fn any_bytes_read_as_any_format(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        lead in prop_oneof![
            Just(&b""[..]),
            Just(&b"<p>"[..]),
            Just(&b"PK\x03\x04"[..]),
            Just("Nghị định ".as_bytes())
        ],
        format in prop_oneof![Just(None), Just(Some(Format::Html)), Just(Some(Format::Text))],
    ) {
        let data = [lead, &bytes[..]].concat();
        let options = ReadOptions { format, encoding: None };
        if let Ok(layer) = read(data.clone(), Some("input"), &options) {
            for mut r in extract(layer.text()) {
                layer.map_record(&mut r);
                prop_assert!(r.byte_start <= r.byte_end && r.byte_end <= data.len());
            }
        }
    }
}

#[test]
fn encoding_variants_of_a_sentence() {
    let plain = "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và Nghị quyết của Uỷ ban Thường vụ Quốc hội.";
    let nfd: String = plain.nfd().collect();
    let lookalike = plain.replace('Đ', "Ð");
    for v in [nfd.as_str(), lookalike.as_str(), plain] {
        let all = extract(v);
        check_offsets(v, &all);
        let kinds: Vec<&str> = all.iter().map(|r| r.kind().as_str()).collect();
        assert_eq!(kinds, ["document_ref", "organization", "organization"]);
        let r: Vec<_> = all
            .into_iter()
            .filter(|r| r.kind() == vnextract::Kind::DocumentRef)
            .collect();
        assert_eq!(
            r[0].text.nfc().collect::<String>().replace('Ð', "Đ"),
            "Chỉ thị số 05-CT/TW"
        );
    }
    let r = extract(&lookalike);
    assert_eq!((r[0].start, r[0].end), (10, 29));
    assert_eq!(r[2].text, "Uỷ ban Thường vụ Quốc hội");
}

#[test]
fn many_documents_of_every_size_match_one_by_one() {
    // Short ones grouped, one past the group size alone, one past the
    // stretch size cut in stretches, with kinds filtered for one of them.
    let sample =
        std::fs::read_to_string("data/samples/seed-dangbokhoi-2019.txt").expect("the seed sample");
    let long = sample.repeat(vnextract::GROUP_BYTES / sample.len() + 1);
    let longer = sample.repeat(vnextract::CHUNK_BYTES / sample.len() + 2);
    let only_dates = Options {
        kinds: vec![vnextract::Kind::Date],
        ..Options::default()
    };
    let plain = Options::default();
    let docs: Vec<(&str, &Options)> = vec![
        (&sample, &plain),
        ("", &plain),
        (&long, &plain),
        (&sample, &only_dates),
        (&longer, &plain),
        (
            &sample[..sample.floor_char_boundary(sample.len() / 2)],
            &plain,
        ),
    ];
    let many = extract_many(&docs);
    assert_eq!(many.len(), docs.len());
    for ((doc, options), got) in docs.iter().zip(&many) {
        assert_eq!(got, &extract_with(doc, options));
    }
    assert!(many[3].iter().all(|r| r.kind() == vnextract::Kind::Date));
}

#[test]
fn every_text_ending_shortly_after_a_number_is_a_document() {
    // Phrases read ahead of a number (counts, units, dates) meet the end of
    // the input: cut each sample at every word end up to 40 bytes after a
    // digit (`… tại 38/64 đảng bộ trực thuộc` once panicked).
    for text in samples() {
        let bytes = text.as_bytes();
        let mut last_digit = None;
        for (i, &b) in bytes.iter().enumerate() {
            if b.is_ascii_digit() {
                last_digit = Some(i);
            }
            let near = last_digit.is_some_and(|d| i - d <= 40);
            if near && matches!(b, b' ' | b'\n') {
                let input = &text[..i];
                check_offsets(input, &extract(input));
            }
        }
    }
}

/// Grouped documents are read as one text with separators between them:
/// nothing of one may reach the next. Pairs whose join would read as one
/// phrase, a name remembered from the document before, a byline that is
/// the last line of its document only, and every sample cut in two.
#[test]
fn grouped_documents_do_not_read_into_each_other() {
    let plain = Options::default();
    let pairs = [
        ("Ông Nguyễn Văn Nghị phát biểu.", "Ông Nghị cho biết thêm."),
        (
            "Bài viết của\n\nNguyễn Văn An",
            "Hội nghị diễn ra sáng nay.",
        ),
        ("Số:", "87/2025/NĐ-CP"),
        ("Ủy ban nhân dân", "tỉnh Bình Định"),
        ("Ngày 5", "tháng 3 năm 2024"),
        ("Đại hội", "Đảng bộ tỉnh lần thứ XX"),
        ("Nghị quyết", "số 18-NQ/TW của Bộ Chính trị"),
        ("từ ngày 1/3", "đến ngày 5/3/2024"),
        ("về việc “Quy định", "chức năng” của Sở"),
        ("Chỉ thị 05-CT/TW của", "Ban Bí thư"),
        ("38/64", "đảng bộ trực thuộc"),
        ("nhiệm kỳ 2020", "- 2025"),
    ];
    let check = |a: &str, b: &str| {
        let many = extract_many(&[(a, &plain), (b, &plain)]);
        assert_eq!(many[0], extract_with(a, &plain), "{a:?} before {b:?}");
        assert_eq!(many[1], extract_with(b, &plain), "{b:?} after {a:?}");
    };
    for (a, b) in pairs {
        check(a, b);
    }
    for text in samples() {
        let cuts: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| c == ' ' || c == '\n')
            .map(|(i, _)| i)
            .step_by(23)
            .collect();
        for cut in cuts {
            check(&text[..cut], &text[cut..]);
        }
    }
}
