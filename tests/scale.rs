//! Inputs built to trip quadratic passes or chunk boundaries: each must
//! finish with valid offsets (time is measured in `benches/`, not here).

use vnextract::{extract, Kind, Record, CHUNK_BYTES};

fn check(input: &str, records: &[Record]) {
    for r in records {
        assert_eq!(&input[r.byte_start..r.byte_end], r.text);
    }
    let mut by_start = records.to_vec();
    by_start.sort_by_key(|r| r.byte_start);
    assert_eq!(by_start.len(), records.len());
}

#[test]
fn a_long_line_of_digits_and_slashes() {
    let input: String = (0..100_000)
        .map(|i| format!("{}/{}-", i % 97, i % 13))
        .collect();
    let records = extract(&input);
    check(&input, &records);
}

#[test]
fn one_code_repeated_many_times() {
    let input = "05-CT/TW ".repeat(100_000);
    let records = extract(&input);
    check(&input, &records);
    assert_eq!(
        records
            .iter()
            .filter(|r| r.kind() == Kind::DocumentRef)
            .count(),
        100_000
    );
}

#[test]
fn short_references_and_codes_interleaved() {
    let input = "Chỉ thị 05 và Chỉ thị số 05-CT/TW. ".repeat(20_000);
    let records = extract(&input);
    check(&input, &records);
    let refs: Vec<_> = records
        .iter()
        .filter(|r| r.kind() == Kind::DocumentRef)
        .collect();
    assert_eq!(refs.len(), 40_000);
}

#[test]
fn documents_longer_than_a_chunk_keep_their_offsets() {
    let line = "Ngày 30/7/2019, UBND tỉnh Bình Định giảm 6 phòng theo Chỉ thị số 05-CT/TW của Bộ Chính trị.\n";
    let reps = CHUNK_BYTES / line.len() * 2 + 7;
    let input = line.repeat(reps);
    let records = extract(&input);
    check(&input, &records);
    let per_line = extract(line).len();
    assert_eq!(records.len(), per_line * reps);
    let last = records.last().unwrap();
    let by_chars: String = input
        .chars()
        .skip(last.start)
        .take(last.end - last.start)
        .collect();
    assert_eq!(by_chars, last.text);
}

#[test]
fn a_long_line_without_breaks_is_cut_at_spaces() {
    let input = "Bí thư Tỉnh ủy Hồ Quốc Dũng ".repeat(CHUNK_BYTES / 25);
    let records = extract(&input);
    check(&input, &records);
}
