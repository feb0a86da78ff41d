//! What the tests and the benchmarks share.

/// The texts of `data/samples/`, in file name order.
#[allow(dead_code)] // Each user of this module needs only part of it.
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

/// The single-pass scan that issue 6 compares throughput against: one regex
/// for document codes and one automaton of the listed organization names
/// (and their aliases) over the lower-cased text. Returns the number of
/// matches, so that the work cannot be optimized away.
#[allow(dead_code)] // Each user of this module needs only part of it.
pub struct Scan {
    code: regex::Regex,
    names: aho_corasick::AhoCorasick,
}

#[allow(dead_code)]
impl Scan {
    pub fn new() -> Self {
        let up = "[A-ZĐƯ][A-Za-z0-9ĐđƯư]*";
        let code = regex::Regex::new(&format!(
            r"[0-9]{{1,5}}(?:[ ]{{0,2}}-[ ]{{0,2}}{up}[ ]{{0,2}}/[ ]{{0,2}}{up}(?:-{up})*|[ ]{{0,2}}/[ ]{{0,2}}(?:(?:19|20)[0-9]{{2}}[ ]{{0,2}}/[ ]{{0,2}})?{up}(?:-{up})*)"
        ))
        .expect("regex");
        let names: Vec<String> = include_str!("../../data/organizations.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("name\t"))
            .flat_map(|l| {
                let cells: Vec<&str> = l.split('\t').collect();
                let aliases = cells.get(1).map_or(Vec::new(), |a| {
                    a.split('|').filter(|a| !a.is_empty()).collect()
                });
                std::iter::once(cells[0])
                    .chain(aliases)
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect();
        let names = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&names)
            .expect("automaton");
        Scan { code, names }
    }

    pub fn count(&self, text: &str) -> usize {
        self.code.find_iter(text).count() + self.names.find_iter(&text.to_lowercase()).count()
    }
}
