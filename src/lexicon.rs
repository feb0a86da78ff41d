//! Every list that rules look up token by token (places, titles, listed
//! organizations, organization heads) in one automaton, so that a document
//! is scanned once for all of them.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::gazetteer::{NameMatcher, DATA};
use crate::tokens::Tokens;

/// The lists of the combined automaton.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Place = 0,
    Title = 1,
    OrgName = 2,
    OrgHead = 3,
}

const LISTS: usize = 4;

/// For each token, the longest entry of a list that starts at its first byte
/// and ends at the end of a token: `(end token, payload)`.
/// Stored as `u32` pairs: a document is processed in stretches far below 4 GiB.
pub type Table = Vec<Option<(u32, u32)>>;

struct Combined {
    automaton: AhoCorasick,
    /// (list, payload) of each pattern.
    tags: Vec<(usize, usize)>,
}

static COMBINED: LazyLock<Combined> = LazyLock::new(|| {
    let lists: [&NameMatcher; LISTS] = [
        crate::places::PLACES.matcher(),
        &crate::rules::person::TITLES,
        &DATA.organization_names,
        &crate::rules::organization::HEADS.matcher,
    ];
    let mut keys = Vec::new();
    let mut tags = Vec::new();
    for (list, m) in lists.iter().enumerate() {
        for (key, payload) in m.entries() {
            keys.push(key.to_string());
            tags.push((list, payload));
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&keys)
        .expect("lexicon automaton builds");
    Combined { automaton, tags }
});

fn build(t: &Tokens) -> [Table; LISTS] {
    let mut tables: [Table; LISTS] = std::array::from_fn(|_| vec![None; t.len()]);
    let c = &*COMBINED;
    for m in c.automaton.find_overlapping_iter(t.lower) {
        let i = t.at_or_after(m.start());
        if i >= t.len() || t.toks[i].start != m.start() {
            continue;
        }
        let k = t.at_or_after(m.end());
        if k <= i || t.toks[k - 1].end != m.end() {
            continue;
        }
        let (list, payload) = c.tags[m.pattern().as_usize()];
        let slot = &mut tables[list][i];
        if slot.is_none_or(|(e, _)| k as u32 > e) {
            *slot = Some((k as u32, payload as u32));
        }
    }
    tables
}

/// The entry of `list` at token `i`: `(end token, payload)`.
pub fn at(t: &Tokens, list: List, i: usize) -> Option<(usize, usize)> {
    let tables = t.memo.lists.get_or_init(|| build(t));
    tables[list as usize]
        .get(i)
        .copied()
        .flatten()
        .map(|(e, p)| (e as usize, p as usize))
}
