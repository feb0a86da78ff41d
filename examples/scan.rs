//! The single-pass scan of issue 6 (one code regex and one automaton of
//! organization names) over a folder, read file by file as the CLI reads
//! it, on one thread: the yardstick for `vnextract extract --threads 1` on
//! the same bytes. `cargo run --release --example scan -- FOLDER`.

use std::time::Instant;

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --release --example scan -- FOLDER_OF_TXT_FILES");
        std::process::exit(2);
    };
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
        Err(e) => {
            eprintln!("error: {dir}: {e}");
            std::process::exit(1);
        }
    };
    paths.sort();
    let scan = common::Scan::new();
    let started = Instant::now();
    let (mut bytes, mut matches) = (0, 0);
    for p in &paths {
        let Ok(data) = std::fs::read(p) else { continue };
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        bytes += text.len();
        matches += scan.count(text);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} files, {:.1} MB, {matches} matches, {secs:.2} s, {:.1} MB/s",
        paths.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
