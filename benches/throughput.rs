//! Throughput of `extract` on a realistic article, on a batch, on growing
//! inputs (time per byte should stay flat), and of the single-pass scan the
//! issue compares against (one code regex + one automaton of organization
//! names over the same bytes). `cargo bench`; compiled in CI with
//! `cargo bench --no-run`.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../tests/common/mod.rs"]
mod common;
use common::{samples, Scan};

fn article(c: &mut Criterion) {
    let texts = samples();
    let seed = texts
        .iter()
        .find(|t| t.contains("Đảng bộ Khối"))
        .expect("the seed article")
        .clone();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("article", |b| {
        b.iter(|| vnextract::extract(black_box(&seed)))
    });
    let total: usize = texts.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("batch", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| vnextract::extract(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn baseline(c: &mut Criterion) {
    let texts = samples();
    let total: usize = texts.iter().map(String::len).sum();
    let scan = Scan::new();
    let mut g = c.benchmark_group("baseline");
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("one_pass_scan", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| scan.count(black_box(t)))
                .sum::<usize>()
        })
    });
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let texts = samples();
    let unit: String = texts.concat();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    for reps in [1usize, 4, 16] {
        let input = unit.repeat(reps);
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("samples_repeated", reps),
            &input,
            |b, s| b.iter(|| vnextract::extract(black_box(s)).len()),
        );
    }
    for n in [25_000usize, 100_000] {
        let digits: String = (0..n).map(|i| format!("{}/{}-", i % 97, i % 13)).collect();
        g.throughput(Throughput::Bytes(digits.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("digits_and_slashes", n),
            &digits,
            |b, s| b.iter(|| vnextract::extract(black_box(s)).len()),
        );
        let codes = "05-CT/TW ".repeat(n);
        g.throughput(Throughput::Bytes(codes.len() as u64));
        g.bench_with_input(BenchmarkId::new("one_code_repeated", n), &codes, |b, s| {
            b.iter(|| vnextract::extract(black_box(s)).len())
        });
    }
    g.finish();
}

criterion_group!(benches, article, baseline, scaling);
criterion_main!(benches);
