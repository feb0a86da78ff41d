//! Every list that rules look up token by token (places, titles, listed
//! organizations, organization heads), indexed by first word: a token is
//! looked up once, and only the entries that start with it are compared
//! word by word. Cheaper than scanning the text with an automaton, since
//! most words start no entry.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::gazetteer::{NameMatcher, WordHasher, DATA};
use crate::text::Text;
use crate::tokens::Tokens;

/// The lists of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Place = 0,
    Title = 1,
    OrgName = 2,
    OrgHead = 3,
}

const LISTS: usize = 4;

/// For each token, the longest entry of a list that starts at it:
/// `(end token, payload)`, stored as `u32` pairs.
pub type Table = Vec<Option<(u32, u32)>>;

/// One entry: its words after the first, whether each is written glued to
/// the one before (`T.Ư`), its list and payload.
struct Entry {
    rest: Vec<(String, bool)>,
    list: usize,
    payload: usize,
}

type Index = HashMap<String, Vec<Entry>, BuildHasherDefault<WordHasher>>;

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let lists: [&NameMatcher; LISTS] = [
        crate::places::PLACES.matcher(),
        &crate::rules::person::TITLES,
        &DATA.organization_names,
        &crate::rules::organization::HEADS.matcher,
    ];
    let mut index = Index::default();
    for (list, m) in lists.iter().enumerate() {
        for (key, payload) in m.entries() {
            // Split the key exactly as documents are split.
            let text = Text::new(key);
            let toks = Tokens::new(&text);
            if toks.is_empty() {
                continue;
            }
            let rest = (1..toks.len())
                .map(|i| (toks.low(i).to_string(), toks.glued(i - 1)))
                .collect();
            index
                .entry(toks.low(0).to_string())
                .or_default()
                .push(Entry {
                    rest,
                    list,
                    payload,
                });
        }
    }
    index
});

fn build(t: &Tokens) -> [Table; LISTS] {
    let mut tables: [Table; LISTS] = std::array::from_fn(|_| vec![None; t.len()]);
    let index = &*INDEX;
    // Entries start with a letter: punctuation and numbers are skipped unread.
    for (i, tok) in t
        .toks
        .iter()
        .enumerate()
        .filter(|(_, k)| k.word && !t.lower.as_bytes()[k.start].is_ascii_digit())
    {
        let Some(entries) = index.get(&t.lower[tok.start..tok.end]) else {
            continue;
        };
        'entries: for e in entries {
            let end = i + 1 + e.rest.len();
            if end > t.len() {
                continue;
            }
            for (k, (word, glued)) in e.rest.iter().enumerate() {
                let j = i + 1 + k;
                if t.low(j) != word || t.toks[j].after_newline || t.glued(j - 1) != *glued {
                    continue 'entries;
                }
            }
            let slot = &mut tables[e.list][i];
            if slot.is_none_or(|(old, _)| end as u32 > old) {
                *slot = Some((end as u32, e.payload as u32));
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_match_word_by_word() {
        let text = Text::new("Ủy ban Kiểm tra T.Ư và UBKT T. Ư, tại Hà\nNội");
        let t = Tokens::new(&text);
        let org = at(&t, List::OrgName, 0).map(|(e, _)| e);
        assert_eq!(org, Some(7), "Ủy ban Kiểm tra T.Ư");
        // Spaces where the entry has none (`T. Ư`): only the head matches.
        assert_eq!(at(&t, List::OrgName, 8), None);
        assert_eq!(at(&t, List::OrgHead, 8).map(|(e, _)| e), Some(9));
        // A line break inside a name: no match.
        let ha = (0..t.len()).find(|&i| t.text(i) == "Hà").unwrap();
        assert_eq!(at(&t, List::Place, ha), None);
    }
}
