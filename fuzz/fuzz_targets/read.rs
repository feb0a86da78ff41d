//! Any bytes, read as each format: the text layer never panics, and every
//! record's mapped byte span lies inside the input in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnextract::input::{read, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    for format in [None, Some(Format::Text), Some(Format::Html), Some(Format::Docx)] {
        let options = ReadOptions { format, encoding: None };
        if let Ok(layer) = read(data.to_vec(), Some("input"), &options) {
            for mut r in vnextract::extract(layer.text()) {
                layer.map_record(&mut r);
                assert!(r.byte_start <= r.byte_end);
                if format != Some(Format::Docx) {
                    assert!(r.byte_end <= data.len());
                }
            }
        }
    }
});
