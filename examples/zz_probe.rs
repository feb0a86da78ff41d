use std::time::Instant;
use vnextract::{rules, select, select::Candidate, text::Text, tokens::Tokens};
fn run_doc_major(texts: &[String]) -> usize {
    let mut n = 0;
    for s in texts {
        let text = Text::new(s);
        let mut c: Vec<Candidate> = Vec::new();
        rules::document_ref::find(&text, &mut c);
        let first = c.len();
        rules::date::find(&text, &mut c);
        let dates = c[first..].to_vec();
        rules::period::find(&text, &dates, &mut c);
        let tokens = Tokens::new(&text);
        rules::duration::find(&text, &tokens, &mut c);
        rules::organization::find(&tokens, &mut c);
        rules::location::find(&tokens, &mut c);
        rules::person::find(&tokens, &mut c);
        rules::event::find(&tokens, &mut c);
        rules::quantity::find(&tokens, &mut c);
        n += select::select(c).len();
    }
    n
}
fn run_stage_major(texts: &[String], batch: usize) -> usize {
    let mut n = 0;
    for group in texts.chunks(batch) {
        let tx: Vec<Text> = group.iter().map(|s| Text::new(s)).collect();
        let mut cs: Vec<Vec<Candidate>> = tx.iter().map(|_| Vec::new()).collect();
        for (t, c) in tx.iter().zip(cs.iter_mut()) {
            rules::document_ref::find(t, c);
        }
        let firsts: Vec<usize> = cs.iter().map(|c| c.len()).collect();
        for (t, c) in tx.iter().zip(cs.iter_mut()) {
            rules::date::find(t, c);
        }
        for ((t, c), f) in tx.iter().zip(cs.iter_mut()).zip(&firsts) {
            let d = c[*f..].to_vec();
            rules::period::find(t, &d, c);
        }
        let toks: Vec<Tokens> = tx.iter().map(|t| Tokens::new(t)).collect();
        for ((t, c), k) in tx.iter().zip(cs.iter_mut()).zip(&toks) {
            rules::duration::find(t, k, c);
        }
        for (c, k) in cs.iter_mut().zip(&toks) {
            rules::organization::find(k, c);
        }
        for (c, k) in cs.iter_mut().zip(&toks) {
            rules::location::find(k, c);
        }
        for (c, k) in cs.iter_mut().zip(&toks) {
            rules::person::find(k, c);
        }
        for (c, k) in cs.iter_mut().zip(&toks) {
            rules::event::find(k, c);
        }
        for (c, k) in cs.iter_mut().zip(&toks) {
            rules::quantity::find(k, c);
        }
        drop(toks);
        for c in cs {
            n += select::select(c).len();
        }
    }
    n
}
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut texts = Vec::new();
    for p in std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()) {
        if let Ok(s) = std::fs::read_to_string(&p) {
            texts.push(s);
        }
    }
    vnextract::extract("warm Chỉ thị 05-CT/TW, UBND tỉnh Bình Định, 3 năm, 6 phòng");
    for _ in 0..3 {
        let t = Instant::now();
        let a = run_doc_major(&texts);
        let ta = t.elapsed();
        let t = Instant::now();
        let b = run_stage_major(&texts, 8);
        let tb = t.elapsed();
        let t = Instant::now();
        let c = run_stage_major(&texts, 32);
        let tc = t.elapsed();
        println!("doc-major {ta:?} stage-major/8 {tb:?} stage-major/32 {tc:?} ({a} {b} {c})");
    }
}
