//! Any UTF-8 input: no panic, and every record points into the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = std::str::from_utf8(data) {
        for r in vnextract::extract(input) {
            assert_eq!(&input[r.byte_start..r.byte_end], r.text);
            assert!(r.start <= r.end);
        }
    }
});
