//! Whole-output snapshots of every sample in `data/samples/`, reviewed like
//! code: a snapshot that records a wrong value is a bug.

#[test]
fn samples() {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("../data/samples", "*.txt", |path| {
            let input = std::fs::read_to_string(path).expect("sample is UTF-8");
            let records = vnextract::extract(&input);
            for r in &records {
                assert_eq!(&input[r.byte_start..r.byte_end], r.text);
            }
            insta::assert_json_snapshot!("samples", records);
        });
    });
}
