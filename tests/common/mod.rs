//! What the tests and the benchmarks share.

/// The texts of `data/samples/`, in file name order.
pub fn samples() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir("data/samples")
        .expect("data/samples")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 sample"))
        .collect()
}
