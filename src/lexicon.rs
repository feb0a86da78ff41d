//! Every list that rules look up token by token (places, titles, listed
//! organizations, organization heads, document type words, sectors), merged
//! into one trie of words, built once per extractor from its lists: each
//! token is hashed once, then entries are followed word by word with integer
//! lookups. Cheaper than scanning the text with an automaton, since most
//! words start no entry. Also the per-token questions asked of the lists
//! (a known place, a family name starting a personal name).

use crate::data::places::Place;
use crate::data::Lists;
use crate::gazetteer::{FastMap, NameMatcher};
use crate::intmap::IntMap;
use crate::text::Text;
use crate::tokens::{key, tokenize, Tokens};

/// The lists of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Place = 0,
    Title = 1,
    OrgName = 2,
    OrgHead = 3,
    DocType = 4,
    /// Sector names after `Sở`/`Phòng` (`Tài chính`, `GD&ĐT`).
    Sector = 5,
}

const LISTS: usize = 6;

/// For each token, the longest entry of each list that starts at it, packed
/// into one `u32` per list (`tokens << 24 | payload`, 0 for none): the
/// lists of a token share a cache line and a document's table stays small.
pub type Table = Vec<[u32; LISTS]>;

/// Entries longer than this many tokens, or payloads beyond 24 bits, do not
/// fit the packing; no list comes near either.
const MAX_TOKENS: usize = 255;
const MAX_PAYLOAD: usize = (1 << 24) - 1;

/// A word of the trie: its id, and the node its entries start at (the root's
/// child, 0 when no entry starts with it), so the first step of a lookup
/// costs no second hash.
#[derive(Debug, Clone, Copy, Default)]
struct Word {
    id: u32,
    first: u32,
}

/// All entries of all lists as a trie over word ids.
pub struct Lexicon {
    /// Every word of every entry, lower case, keyed by its token key when it
    /// has one (most syllables: an integer compare instead of a string one).
    short_words: IntMap<Word>,
    long_words: FastMap<String, Word>,
    /// `(node, word, glued to the word before)` → child node.
    edges: IntMap<u32>,
    /// Per node and list: the payload of the first entry ending there.
    ends: Vec<[Option<u32>; LISTS]>,
    /// A bit per hash of the keys of words that start an entry: most tokens
    /// start none and are told apart here, in a table that stays in cache,
    /// before any lookup.
    first_keys: [u64; 64],
}

/// The bit of [`Lexicon::first_keys`] for `key`.
fn first_bit(key: u64) -> (usize, u64) {
    let h = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize;
    (h / 64, 1 << (h % 64))
}

impl Lexicon {
    fn word_mut(&mut self, word: &str) -> &mut Word {
        let fresh = Word {
            id: (self.short_words.len() + self.long_words.len()) as u32,
            first: 0,
        };
        match key(word) {
            0 => self.long_words.entry(word.to_string()).or_insert(fresh),
            k => self.short_words.get_or_insert_with(k, || fresh),
        }
    }
}

fn edge(node: u32, word: u32, glued: bool) -> u64 {
    (u64::from(node) << 32) | (u64::from(word) << 1) | u64::from(glued)
}

impl Lexicon {
    /// The trie of every list of `lists`.
    pub fn build(lists: &Lists) -> Lexicon {
        let lists: [&NameMatcher; LISTS] = [
            lists.places.matcher(),
            &lists.titles,
            &lists.data.organization_names,
            &lists.heads.matcher,
            &lists.data.doc_type_words,
            &lists.heads.sectors,
        ];
        let mut trie = Lexicon {
            short_words: IntMap::default(),
            long_words: FastMap::default(),
            edges: IntMap::default(),
            ends: vec![[None; LISTS]],
            first_keys: [0; 64],
        };
        for (list, m) in lists.iter().enumerate() {
            for (key, payload) in m.entries() {
                // Split the key exactly as documents are split.
                let text = Text::new(key);
                let toks = tokenize(&text);
                let low = |k: usize| &text.lower()[toks[k].start..toks[k].end];
                let mut node = 0;
                for k in 0..toks.len() {
                    let fresh = trie.ends.len() as u32;
                    let word = trie.word_mut(low(k));
                    if k == 0 {
                        if word.first == 0 {
                            word.first = fresh;
                        }
                        node = word.first;
                        let (w, bit) = first_bit(toks[0].key);
                        trie.first_keys[w] |= bit;
                    } else {
                        let glued = toks[k - 1].end == toks[k].start;
                        let id = word.id;
                        node = *trie
                            .edges
                            .get_or_insert_with(edge(node, id, glued), || fresh);
                    }
                    if node == fresh {
                        trie.ends.push([None; LISTS]);
                    }
                }
                if node != 0 && toks.len() <= MAX_TOKENS && payload <= MAX_PAYLOAD {
                    let slot = &mut trie.ends[node as usize][list];
                    slot.get_or_insert(payload as u32);
                }
            }
        }
        trie
    }
}

fn build(t: &Tokens) -> Table {
    let mut table = crate::tokens::spare_table();
    table.resize(t.len(), [0; LISTS]);
    let trie = t.lexicon;
    // The word of token `j`; punctuation and numbers have none unless some
    // entry contains them. Most tokens start no entry, so the words after a
    // token are looked up only when an entry starts at it.
    let word = |j: usize| {
        let tok = t.toks.get(j)?;
        match tok.key {
            // The token's key is the trie's key for short words.
            0 => trie.long_words.get(&t.lower[tok.start..tok.end]).copied(),
            key => trie.short_words.get(key),
        }
    };
    for (i, tok) in t.toks.iter().enumerate() {
        // Entries start with a letter.
        if !tok.word || t.lower.as_bytes()[tok.start].is_ascii_digit() {
            continue;
        }
        // Long words (key 0) share one bit with the rest.
        let (w, bit) = first_bit(tok.key);
        if trie.first_keys[w] & bit == 0 {
            continue;
        }
        let Some(first) = word(i).map(|w| w.first).filter(|&n| n != 0) else {
            continue;
        };
        let mut node = first;
        let mut j = i + 1;
        loop {
            for (list, end) in trie.ends[node as usize].iter().enumerate() {
                if let Some(payload) = end {
                    table[i][list] = ((j - i) as u32) << 24 | *payload;
                }
            }
            let Some(w) = word(j).filter(|_| !t.toks[j].after_newline) else {
                break;
            };
            let Some(next) = trie.edges.get(edge(node, w.id, t.glued(j - 1))) else {
                break;
            };
            node = next;
            j += 1;
        }
    }
    table
}

/// The entry of `list` at token `i`: `(end token, payload)`.
pub fn at(t: &Tokens, list: List, i: usize) -> Option<(usize, usize)> {
    let packed = t.memo.lists.get_or_init(|| build(t)).get(i)?[list as usize];
    (packed != 0).then(|| (i + (packed >> 24) as usize, (packed & 0xFF_FFFF) as usize))
}

/// A known place name starting at token `i`, written with a capital:
/// `(end token, place)`.
pub fn place_at<'l>(t: &Tokens<'l>, i: usize) -> Option<(usize, &'l Place)> {
    let (e, idx) = at(t, List::Place, i)?;
    let place = &t.lists.places.places[idx];
    let capital_ok = t.is_capitalized(i) || place.category == crate::record::PlaceCategory::Region;
    capital_ok.then_some((e, place))
}

/// Token `i` is a family name followed by a capitalized given name, and the
/// run is not a known place (`Hà Nội`, `Lâm Đồng`).
pub fn surname_start(t: &Tokens, i: usize) -> bool {
    let all = t
        .memo
        .surnames
        .get_or_init(|| (0..t.len()).map(|k| is_surname_start(t, k)).collect());
    all.get(i).copied().unwrap_or(false)
}

fn is_surname_start(t: &Tokens, i: usize) -> bool {
    t.is_capitalized(i)
        && t.is_word(i)
        && t.lists.places.is_surname(t.text(i))
        && t.is_capitalized(i + 1)
        && !t.is_allcaps(i + 1)
        && !t.toks[i + 1].after_newline
        && place_at(t, i).is_none_or(|(_, p)| p.prefix_only)
}

/// An honorific ending right before token `end`: (start token, lower-case form).
pub fn honorific_before(t: &Tokens, end: usize) -> Option<(usize, &'static str)> {
    if end >= 2 && t.expect(end - 2, &["đồng", "chí"]).is_some() {
        return Some((end - 2, "đồng chí"));
    }
    if end >= 1 && t.is_word(end - 1) {
        let h = match t.low(end - 1) {
            "ông" => "ông",
            "bà" => "bà",
            "anh" => "anh",
            "chị" => "chị",
            _ => return None,
        };
        return Some((end - 1, h));
    }
    None
}

/// A one-word head that is a name here: after an honorific (`đồng chí
/// Trường Chinh`), after a family name (`Lê Trường Lưu`), or a family name
/// itself before a middle name (`Đoàn Văn Việt`), when capitalized names
/// follow it.
pub fn head_is_name(t: &Tokens, i: usize) -> bool {
    let named_on = |k: usize| {
        t.is_capitalized(k) && !t.is_allcaps(k) && t.is_word(k) && !t.toks[k].after_newline
    };
    if t.is_allcaps(i) || !named_on(i + 1) {
        return false;
    }
    let after_surname = i > 0
        && !t.toks[i].after_newline
        && t.is_capitalized(i - 1)
        && !t.is_allcaps(i - 1)
        && t.lists.places.is_surname(t.text(i - 1));
    let middle = t.lists.places.is_surname(t.text(i))
        && matches!(
            t.low(i + 1),
            "văn" | "thị" | "hữu" | "đình" | "bá" | "trọng"
        )
        && named_on(i + 2);
    after_surname || middle || honorific_before(t, i).is_some()
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

    #[test]
    fn surnames_start_person_names_but_not_places() {
        let text = Text::new("Hà Nội và Hồ Quốc Dũng");
        let t = Tokens::new(&text);
        assert!(!surname_start(&t, 0));
        assert!(surname_start(&t, 3));
    }
}
