//! Words and punctuation of the normalized text, built once per document for
//! the rules that read phrases word by word (organizations, persons, places,
//! events).

use std::cell::{OnceCell, RefCell};

use crate::data::Lists;
use crate::gazetteer::{pack_le, pack_le_at};
use crate::lexicon::Lexicon;
use crate::text::{is_lower, is_upper, is_word_char, lower_letter_len, Text};

/// One word (letters and digits, with `&` inside: `GD&ĐT`) or one punctuation
/// character. Offsets are bytes of the normalized view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// A line break stands between this token and the previous one.
    pub after_newline: bool,
    /// A word whose first letter is upper case.
    pub cap: bool,
    /// A word written in capitals, at least two letters.
    pub allcaps: bool,
    /// The separator between documents joined into one text
    /// ([`Tokens::with_breaks`]): rules that remember what a document said
    /// forget it here.
    pub doc_break: bool,
    /// The lower-case text packed into an integer when it has at most eight
    /// bytes (most syllables), 0 otherwise: rules compare words to their
    /// keywords with one integer compare ([`Tokens::is_low`]).
    pub key: u64,
}

/// The [`Token::key`] of a keyword, at compile time: `const TINH: u64 =
/// key("tỉnh")`. Like a token's, 0 for a word longer than eight bytes (a
/// key match then still needs the words compared).
pub const fn key(word: &str) -> u64 {
    let b = word.as_bytes();
    assert!(!b.is_empty(), "keys are for words");
    if b.len() > 8 {
        0
    } else {
        pack_le(b)
    }
}

/// A compile-time filter over a few keywords' keys: one multiply, a shift
/// and a bit test tell most tokens apart from all of them at once, which a
/// row of compares cannot do without a branch each. It may answer yes for
/// a word that is none of them (about one in ten for a dozen keywords), never
/// no for one that is.
#[derive(Debug, Clone, Copy)]
pub struct KeyFilter(u128);

impl KeyFilter {
    pub const fn new(words: &[&str]) -> Self {
        let mut mask = 0u128;
        let mut k = 0;
        while k < words.len() {
            mask |= 1 << Self::bit(key(words[k]));
            k += 1;
        }
        KeyFilter(mask)
    }

    /// The filter of keywords given by their keys.
    pub const fn of_keys(keys: &[u64]) -> Self {
        let mut mask = 0u128;
        let mut k = 0;
        while k < keys.len() {
            mask |= 1 << Self::bit(keys[k]);
            k += 1;
        }
        KeyFilter(mask)
    }

    const fn bit(key: u64) -> u32 {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57) as u32
    }

    /// `key` may be one of the keywords' keys.
    #[inline]
    pub fn may_hold(self, key: u64) -> bool {
        self.0 >> Self::bit(key) & 1 == 1
    }
}

/// The tokens of one document with both views of its text, and per-token
/// lookups that several rules ask for, computed once on first use.
pub struct Tokens<'t> {
    pub norm: &'t str,
    pub lower: &'t str,
    pub toks: Vec<Token>,
    pub memo: Memo,
    /// The extractor's lists, and their lexicon.
    pub lists: &'t Lists,
    pub lexicon: &'t Lexicon,
}

/// Per-token results of gazetteer lookups and of organization parsing, so
/// that rules asking again at the same token pay nothing.
#[derive(Debug, Default)]
pub struct Memo {
    /// The list lookups of `lexicon`, one table per list.
    pub lists: OnceCell<crate::lexicon::Table>,
    /// Token starts a personal name (family name + given name).
    pub surnames: OnceCell<Vec<bool>>,

    /// Organization parsed at each token (depth 0); boxed, since few tokens
    /// start one and the table is allocated for all.
    pub orgs: OnceCell<OrgMemo>,
}

impl<'t> Tokens<'t> {
    /// The tokens of `text` with the embedded lists (for tests and tools).
    pub fn new(text: &'t Text) -> Self {
        let ex = crate::extractor::embedded();
        Tokens::with_lists(text, &[], &ex.lists, &ex.lexicon)
    }

    /// The tokens of a text with the lists rules read. When the text joins
    /// several documents, the tokens that start at `breaks` (byte offsets)
    /// are their separators.
    pub fn with_lists(
        text: &'t Text,
        breaks: &[usize],
        lists: &'t Lists,
        lexicon: &'t Lexicon,
    ) -> Self {
        let mut t = Tokens {
            norm: text.norm(),
            lower: text.lower(),
            toks: tokenize(text),
            memo: Memo::default(),
            lists,
            lexicon,
        };
        for &b in breaks {
            let k = t.toks.partition_point(|tok| tok.start < b);
            if let Some(tok) = t.toks.get_mut(k).filter(|tok| tok.start == b) {
                tok.doc_break = true;
            }
        }
        t
    }
}

/// The words and punctuation of `text`.
pub fn tokenize(text: &Text) -> Vec<Token> {
    let norm = text.norm();
    let mut toks = take_spare(|s| &mut s.toks);
    toks.reserve(norm.len() / 5);
    let mut newline = false;
    let bytes = norm.as_bytes();
    let lower_bytes = text.lower().as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A space, or page furniture the lower view blanked (`Text`).
        if bytes[i] == b' ' || lower_bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let (c, len) = char_at(norm, i);
        if c.is_whitespace() {
            // A soft wrap is a space in the lower view (`Text`).
            newline |= c == '\n' && lower_bytes[i] == b'\n';
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        let word = is_word_char(c);
        let cap = word && is_upper(c);
        let mut upper = usize::from(cap);
        let mut lower = false;
        if word {
            while end < bytes.len() {
                // ASCII letters and digits without the general checks.
                match bytes[end] {
                    b'a'..=b'z' => {
                        lower = true;
                        end += 1;
                        continue;
                    }
                    b'0'..=b'9' => {
                        end += 1;
                        continue;
                    }
                    b'A'..=b'Z' => {
                        upper += 1;
                        end += 1;
                        continue;
                    }
                    b if b < 0x80 && b != b'&' => break,
                    _ => {}
                }
                // The common lower-case letters without decoding (`÷`
                // aside, which ends a word).
                let len = lower_letter_len(bytes, end);
                if len > 0 && !(bytes[end] == 0xC3 && bytes[end + 1] == 0xB7) {
                    lower = true;
                    end += len;
                    continue;
                }
                let (d, dlen) = char_at(norm, end);
                let amp = d == '&' && norm[end + 1..].starts_with(is_word_char);
                if !(is_word_char(d) || amp) {
                    break;
                }
                if is_upper(d) {
                    upper += 1;
                } else if !lower && is_lower(d) {
                    lower = true;
                }
                end += dlen;
            }
        }
        i = end;
        let key = if end - start <= 8 {
            pack_le_at(lower_bytes, start, end - start)
        } else {
            0
        };
        toks.push(Token {
            start,
            end,
            word,
            after_newline: newline,
            cap,
            allcaps: cap && !lower && upper >= 2,
            doc_break: false,
            key,
        });
        newline = false;
    }
    toks
}

impl<'t> Tokens<'t> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The token text as written (normalized view); empty past the last
    /// token, so that rules reading ahead meet the end of the text as a
    /// word that matches nothing.
    pub fn text(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| &self.norm[t.start..t.end])
    }

    /// The token text in lower case; empty past the last token.
    pub fn low(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// Token `i` is `w` in lower case (`w` a lower-case word).
    #[inline]
    pub fn is_low(&self, i: usize, w: &str) -> bool {
        match self.toks.get(i) {
            // Lengths differ for most pairs, and a word that is not a
            // literal (`expect`) would have its key packed byte by byte.
            Some(t) if t.end - t.start != w.len() => false,
            Some(t) if w.len() <= 8 => t.key == key(w),
            Some(t) => &self.lower[t.start..t.end] == w,
            None => false,
        }
    }

    /// The [`Token::key`] of token `i` (0 past the end).
    #[inline]
    pub fn key(&self, i: usize) -> u64 {
        self.toks.get(i).map_or(0, |t| t.key)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }

    /// A word whose first letter is upper case (`Bình`, `UBND`, `Ủy`).
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// A word written in capitals, at least two letters (`UBND`, `HĐND`, `TP`).
    pub fn is_allcaps(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.allcaps)
    }

    /// The token is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| !t.word && self.norm[t.start..t.end].starts_with(c))
    }

    /// Tokens `i` and `i + 1` are written without a space between them.
    pub fn glued(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn at_or_after(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }

    /// The lower-case words `words` start at token `i`; returns the index after them.
    pub fn expect(&self, i: usize, words: &[&str]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
            if !self.is_word(i + k) || !self.is_low(i + k, w) {
                return None;
            }
            if k > 0 && self.toks[i + k].after_newline {
                return None;
            }
        }
        Some(i + words.len())
    }
}

thread_local! {
    /// The buffers of the tokens last dropped on this thread, for the next
    /// ones: a group's token and lexicon tables take megabytes, and fresh
    /// ones for every group cost page faults and leave the allocator holding
    /// freed memory.
    static SPARE: RefCell<Spare> = RefCell::default();
}

#[derive(Default)]
struct Spare {
    toks: Vec<Token>,
    table: crate::lexicon::Table,
    orgs: OrgMemo,
}

/// Organizations parsed at each token (see [`Memo::orgs`]).
pub type OrgMemo = Vec<OnceCell<Option<Box<crate::rules::organization::Org>>>>;

impl Drop for Tokens<'_> {
    fn drop(&mut self) {
        let (toks, table) = (std::mem::take(&mut self.toks), self.memo.lists.take());
        let mut orgs = self.memo.orgs.take().unwrap_or_default();
        orgs.clear();
        // Each buffer keeps the larger room, so that a short document
        // between groups does not make the next group allocate again.
        // Nothing to keep them for while the thread ends.
        let _ = SPARE.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                keep_larger(&mut s.toks, toks);
                keep_larger(&mut s.table, table.unwrap_or_default());
                keep_larger(&mut s.orgs, orgs);
            }
        });
    }
}

fn keep_larger<T>(kept: &mut Vec<T>, v: Vec<T>) {
    if v.capacity() > kept.capacity() {
        *kept = v;
    }
}

/// One of the spare buffers, taken (empty, with its room) for new tokens.
fn take_spare<T>(part: impl FnOnce(&mut Spare) -> &mut Vec<T>) -> Vec<T> {
    let mut v = SPARE
        .try_with(|s| s.try_borrow_mut().map(|mut s| std::mem::take(part(&mut s))))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    v.clear();
    v
}

/// An empty lexicon table with the room of the last one dropped.
pub(crate) fn spare_table() -> crate::lexicon::Table {
    take_spare(|s| &mut s.table)
}

/// An empty organization memo with the room of the last one dropped.
pub(crate) fn spare_orgs() -> OrgMemo {
    take_spare(|s| &mut s.orgs)
}

/// The character at byte `i` (a char boundary) and its length; ASCII
/// without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_filter_holds_its_words_and_few_others() {
        const WORDS: [&str; 5] = ["tỉnh", "huyện", "xã", "phường", "tp"];
        const F: KeyFilter = KeyFilter::new(&WORDS);
        assert!(WORDS.iter().all(|w| F.may_hold(key(w))));
        let text = Text::new(include_str!("../data/samples/seed-dangbokhoi-2019.txt"));
        let t = Tokens::new(&text);
        let others: Vec<u64> = (0..t.len())
            .filter(|&i| !WORDS.contains(&t.low(i)))
            .map(|i| t.key(i))
            .collect();
        let passed = others.iter().filter(|&&k| F.may_hold(k)).count();
        assert!(passed * 5 < others.len(), "{passed} of {}", others.len());
    }

    #[test]
    fn keys_are_the_tokens_keys() {
        let text = Text::new("Tháng 5, phường Hòa Xuân họp");
        let t = Tokens::new(&text);
        assert_eq!(t.key(0), key("tháng"));
        assert!(t.is_low(0, "tháng") && t.is_low(3, "phường"));
        // Longer than eight bytes: no key, the words are compared.
        assert_eq!((key("phường"), t.key(3)), (0, 0));
        assert_eq!(t.key(99), 0);
        // Past the last token: an empty word, not a panic.
        assert_eq!((t.low(99), t.text(99)), ("", ""));
    }

    #[test]
    fn words_and_punctuation() {
        let text = Text::new("Sở GD&ĐT tỉnh, T.Ư\nUBND");
        let t = Tokens::new(&text);
        let words: Vec<&str> = (0..t.len()).map(|i| t.text(i)).collect();
        assert_eq!(words, ["Sở", "GD&ĐT", "tỉnh", ",", "T", ".", "Ư", "UBND"]);
        assert!(t.is_allcaps(1) && t.is_allcaps(7) && !t.is_allcaps(0));
        assert!(t.toks[7].after_newline);
        assert!(t.glued(4));
        assert_eq!(t.expect(0, &["sở", "gd&đt"]), Some(2));
    }
}
