//! Time spent in each stage of the pipeline over a folder of texts:
//! `cargo run --release --example stages -- FOLDER`.

use std::time::{Duration, Instant};

use vnextract::internals::{self as rules, Text, Tokens};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --release --example stages -- FOLDER_OF_TXT_FILES");
        std::process::exit(2);
    };
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("error: {dir}: {e}");
            std::process::exit(1);
        }
    };
    let mut texts = Vec::new();
    for p in entries.flatten().map(|e| e.path()) {
        if let Ok(s) = std::fs::read_to_string(&p) {
            texts.push(s);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    // Text, tokens and lexicon, then every rule in the pipeline's order.
    let mut names = vec!["text", "tokens", "lexicon"];
    names.extend(rules::RULES.iter().map(|(name, _)| *name));
    let mut times = vec![Duration::ZERO; names.len()];
    let ex = vnextract::Extractor::default();
    ex.extract("warm up: Chỉ thị 05-CT/TW, UBND tỉnh Bình Định, 3 năm, 6 phòng");
    let lists = ex.lists();
    let user = rules::UserRules::default();
    for s in &texts {
        let mut c = Vec::new();
        let t0 = Instant::now();
        let text = Text::new(s);
        times[0] += t0.elapsed();
        let t = Instant::now();
        let tokens = Tokens::new(&text);
        times[1] += t.elapsed();
        let t = Instant::now();
        let _ = rules::at(&tokens, rules::List::Place, 0);
        times[2] += t.elapsed();
        let cx = rules::Context {
            text: &text,
            tokens: &tokens,
            lists,
            user: &user,
        };
        for (k, (_, find)) in rules::RULES.iter().enumerate() {
            let t = Instant::now();
            find(&cx, &mut c);
            times[3 + k] += t.elapsed();
        }
        let _ = rules::select(c);
    }
    let total: Duration = times.iter().sum();
    println!(
        "{} files, {:.1} MB, {:.2} s in stages ({:.1} MB/s)",
        texts.len(),
        bytes as f64 / 1e6,
        total.as_secs_f64(),
        bytes as f64 / 1e6 / total.as_secs_f64()
    );
    for (n, d) in names.iter().zip(&times) {
        println!(
            "{n:>14} {:>7.3} s {:>7.1} MB/s",
            d.as_secs_f64(),
            bytes as f64 / 1e6 / d.as_secs_f64()
        );
    }
}
