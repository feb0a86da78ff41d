//! Embedded data files (`data/*.tsv`): parsing with `file:line` errors, and
//! the tables and automata built from them once per process.
//!
//! TSV format: `#` comment lines, one header row, tab-separated cells,
//! `|` between alternatives inside a cell.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::text::{boundary_after, Text};

/// A bad row in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DataError {}

/// One data row: its line number and cells (empty cells are `""`).
#[derive(Debug)]
pub struct Row<'a> {
    pub line: usize,
    pub cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Cell `i`, trimmed; `""` when absent.
    pub fn get(&self, i: usize) -> &'a str {
        self.cells.get(i).map_or("", |c| c.trim())
    }

    /// An error about this row.
    pub fn error(&self, file: &str, message: impl Into<String>) -> DataError {
        DataError {
            file: file.to_string(),
            line: self.line,
            message: message.into(),
        }
    }

    /// Non-empty `|`-separated alternatives of cell `i`.
    pub fn list(&self, i: usize) -> Vec<&'a str> {
        self.get(i)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// Parses a TSV file whose header must be exactly `header`. Every row must
/// have at most that many cells and a non-empty first cell.
pub fn parse_tsv<'a>(
    file: &str,
    content: &'a str,
    header: &[&str],
) -> Result<Vec<Row<'a>>, DataError> {
    let err = |line, message: String| DataError {
        file: file.to_string(),
        line,
        message,
    };
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = raw.split('\t').collect();
        if !seen_header {
            if cells != header {
                return Err(err(
                    line,
                    format!("header must be {:?}, found {:?}", header.join("\t"), raw),
                ));
            }
            seen_header = true;
            continue;
        }
        if cells.len() > header.len() {
            return Err(err(
                line,
                format!("{} cells, at most {} expected", cells.len(), header.len()),
            ));
        }
        if cells[0].trim().is_empty() {
            return Err(err(line, format!("empty `{}`", header[0])));
        }
        if cells
            .iter()
            .any(|c| c.chars().any(|ch| ch == '\u{00D0}' || ch == '\u{00A0}'))
        {
            return Err(err(
                line,
                "look-alike Ð or no-break space; write Đ and a plain space".into(),
            ));
        }
        rows.push(Row { line, cells });
    }
    if !seen_header {
        return Err(err(1, "no header row".into()));
    }
    Ok(rows)
}

/// Checks an ISO date cell (`YYYY-MM-DD`), empty allowed.
fn check_date(file: &str, row: &Row, i: usize) -> Result<(), DataError> {
    let v = row.get(i);
    let ok = v.is_empty()
        || (v.len() == 10
            && v.as_bytes()[4] == b'-'
            && v.as_bytes()[7] == b'-'
            && v.split('-').all(|p| p.bytes().all(|b| b.is_ascii_digit())));
    if ok {
        Ok(())
    } else {
        Err(row.error(file, format!("`{v}` is not a YYYY-MM-DD date")))
    }
}

/// The lower-case normalized key used to match a gazetteer entry.
pub fn match_key(s: &str) -> String {
    Text::new(s).lower().to_string()
}

/// A list of names matched case-insensitively on the lower view, as a DFA
/// with leftmost-longest semantics. Each pattern carries a payload index.
#[derive(Debug)]
pub struct NameMatcher {
    automaton: AhoCorasick,
    /// The match keys (lower-case normalized names), for combined automata.
    keys: Vec<String>,
    payload: Vec<usize>,
    /// The first word of every name: most positions start no name, and a
    /// lookup here is cheaper than a search.
    first_words: FastSet,
}

impl NameMatcher {
    /// Builds the automaton from `(name, payload)` pairs.
    pub fn new<'n>(names: impl IntoIterator<Item = (&'n str, usize)>) -> Self {
        let mut keys = Vec::new();
        let mut payload = Vec::new();
        for (name, p) in names {
            keys.push(match_key(name));
            payload.push(p);
        }
        let first_words: FastSet = keys.iter().map(|k| first_word(k).to_string()).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&keys)
            .expect("gazetteer automaton builds");

        NameMatcher {
            automaton,
            keys,
            payload,
            first_words,
        }
    }

    /// All non-overlapping matches in `lower` as `(start, end, payload)`,
    /// leftmost-longest.
    pub fn find_all<'h>(
        &'h self,
        lower: &'h str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'h {
        self.automaton
            .find_iter(lower)
            .map(|m| (m.start(), m.end(), self.payload[m.pattern().as_usize()]))
    }

    /// The match keys with their payloads.
    pub fn entries(&self) -> impl Iterator<Item = (&str, usize)> {
        self.keys
            .iter()
            .map(String::as_str)
            .zip(self.payload.iter().copied())
    }

    /// The longest match starting exactly at `pos` that ends at a word
    /// boundary, as `(end, payload)`.
    pub fn match_at(&self, lower: &str, pos: usize) -> Option<(usize, usize)> {
        let word = first_word(lower.get(pos..)?);
        if !self.first_words.contains(word) {
            return None;
        }
        let input = Input::new(lower)
            .span(pos..lower.len())
            .anchored(Anchored::Yes);
        let m = self.automaton.find(input)?;
        boundary_after(lower, m.end()).then(|| (m.end(), self.payload[m.pattern().as_usize()]))
    }
}

/// A multiply-rotate hasher for short keys (words): the default SipHash is
/// built for untrusted input and is several times slower here.
#[derive(Default)]
pub struct WordHasher(u64);

impl WordHasher {
    /// One multiply-rotate step over eight bytes of key.
    fn mix(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Up to eight bytes as one little-endian integer, zero-padded. Built byte by
/// byte: a copy into a buffer would call memcpy.
pub const fn pack_le(bytes: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        v = (v << 8) | bytes[i] as u64;
    }
    v
}

/// [`pack_le`] of `bytes[start..start + len]` (`len` at most 8), read with
/// one eight-byte load and a mask where the text goes on that far.
#[inline]
pub fn pack_le_at(bytes: &[u8], start: usize, len: usize) -> u64 {
    debug_assert!(len <= 8);
    match bytes.get(start..start + 8) {
        Some(eight) => {
            let v = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            if len == 0 {
                0
            } else {
                v & (u64::MAX >> (64 - 8 * len))
            }
        }
        None => pack_le(&bytes[start..start + len]),
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // Tables pick buckets by the low bits, which a product mixes least:
        // fold the well-mixed high bits onto them.
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time: words are short.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.mix(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        // The rest in at most two loads (overlapping when it has four to
        // seven bytes): only hashing reads these values, and the length
        // tells the overlaps apart.
        let rest = chunks.remainder();
        let n = rest.len();
        let v = match n {
            0 => return,
            4.. => {
                let head = u32::from_le_bytes(rest[..4].try_into().expect("four bytes"));
                let tail = u32::from_le_bytes(rest[n - 4..].try_into().expect("four bytes"));
                u64::from(head) | u64::from(tail) << 32
            }
            _ => pack_le(rest),
        };
        self.mix(v ^ ((n as u64) << 59));
    }

    fn write_u64(&mut self, v: u64) {
        self.mix(v);
    }

    fn write_u8(&mut self, b: u8) {
        self.mix(u64::from(b));
    }
}

/// A set of words hashed with [`WordHasher`].
pub type FastSet = HashSet<String, BuildHasherDefault<WordHasher>>;

/// A map keyed by words or other short strings, hashed with [`WordHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// The leading run of word characters of `s` (or its first character).
fn first_word(s: &str) -> &str {
    let len: usize = s
        .chars()
        .take_while(|&c| crate::text::is_word_char(c))
        .map(char::len_utf8)
        .sum();
    let len = if len == 0 {
        s.chars().next().map_or(0, char::len_utf8)
    } else {
        len
    };
    &s[..len]
}

/// How a document type is cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cite {
    /// Only with a number or code (`Chỉ thị số 05-CT/TW`, `Chỉ thị 05`).
    Code,
    /// Also by a capitalized name (`Luật Đất đai`).
    Named,
    /// Also alone (`Hiến pháp`).
    Bare,
}

/// Which numbering systems use a document type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    State,
    Party,
    Both,
}

#[derive(Debug)]
pub struct DocType {
    pub name: String,
    pub abbrs: Vec<String>,
    pub scope: Scope,
    pub cite: Cite,
}

#[derive(Debug)]
pub struct Organization {
    pub name: String,
    pub abbr: Option<String>,
    pub category: String,
}

/// All embedded tables, parsed and compiled once.
#[derive(Debug)]
pub struct Data {
    pub doc_types: Vec<DocType>,
    /// Type words (names) → index into `doc_types`.
    pub doc_type_words: NameMatcher,
    /// Type abbreviation in lower case → (its spelling, the types that use it, in file order).
    pub type_abbrs: HashMap<String, (String, Vec<usize>)>,
    /// State issuer abbreviation in lower case → (its spelling, canonical name).
    pub issuers: HashMap<String, (String, String)>,
    pub organizations: Vec<Organization>,
    /// Organization names and aliases → index into `organizations`.
    pub organization_names: NameMatcher,
}

pub const DOC_TYPES_TSV: &str = include_str!("../data/doc_types.tsv");
pub const ISSUERS_TSV: &str = include_str!("../data/issuers.tsv");
pub const ORGANIZATIONS_TSV: &str = include_str!("../data/organizations.tsv");

impl Data {
    /// Parses and validates every embedded file.
    pub fn load() -> Result<Data, DataError> {
        let doc_types = load_doc_types("data/doc_types.tsv", DOC_TYPES_TSV)?;
        let doc_type_words = NameMatcher::new(
            doc_types
                .iter()
                .enumerate()
                .map(|(i, t)| (t.name.as_str(), i)),
        );
        let issuers = load_issuers("data/issuers.tsv", ISSUERS_TSV)?;
        let (organizations, aliases) =
            load_organizations("data/organizations.tsv", ORGANIZATIONS_TSV)?;
        let organization_names = NameMatcher::new(aliases.iter().map(|(n, i)| (n.as_str(), *i)));
        let mut type_abbrs: HashMap<String, (String, Vec<usize>)> = HashMap::new();
        for (i, t) in doc_types.iter().enumerate() {
            for a in &t.abbrs {
                type_abbrs
                    .entry(a.to_lowercase())
                    .or_insert_with(|| (a.clone(), Vec::new()))
                    .1
                    .push(i);
            }
        }
        // Text stripped of diacritics writes `NĐ` as `ND`: the folded spelling
        // finds the type when no other abbreviation folds to it (`HĐ` does
        // not, `HD` is Hướng dẫn).
        let mut folded: HashMap<String, Option<(String, Vec<usize>)>> = HashMap::new();
        for (key, value) in &type_abbrs {
            if key.contains('đ') {
                let f = key.replace('đ', "d");
                folded
                    .entry(f)
                    .and_modify(|v| *v = None)
                    .or_insert_with(|| Some(value.clone()));
            }
        }
        for (key, value) in folded {
            if let (Some(value), false) = (value, type_abbrs.contains_key(&key)) {
                type_abbrs.insert(key, value);
            }
        }
        Ok(Data {
            doc_types,
            doc_type_words,
            type_abbrs,
            issuers,
            organizations,
            organization_names,
        })
    }

    /// The document type whose code abbreviation is `abbr` (case-insensitive)
    /// in `party` or state codes.
    pub fn doc_type_by_abbr(&self, abbr: &str, party: bool) -> Option<&DocType> {
        let (_, types) = self.type_abbrs.get(&abbr.to_lowercase())?;
        types
            .iter()
            .map(|&i| &self.doc_types[i])
            .find(|t| match t.scope {
                Scope::Both => true,
                Scope::Party => party,
                Scope::State => !party,
            })
    }

    /// The canonical spelling of a type abbreviation (`Ctr` → `CTr`).
    pub fn canonical_type_abbr(&self, abbr: &str) -> Option<&str> {
        self.type_abbrs
            .get(&abbr.to_lowercase())
            .map(|(spelling, _)| spelling.as_str())
    }

    /// The body named by a state issuer code (`CP`, `QH15`, `TTG`).
    pub fn issuer_name(&self, abbr: &str) -> Option<&str> {
        let stem = abbr.trim_end_matches(|c: char| c.is_ascii_digit());
        self.issuers
            .get(&stem.to_lowercase())
            .map(|(_, name)| name.as_str())
    }

    /// The canonical spelling of an issuer abbreviation (`TTG` → `TTg`), with
    /// any legislature number kept.
    pub fn canonical_issuer_abbr(&self, abbr: &str) -> Option<String> {
        let stem = abbr.trim_end_matches(|c: char| c.is_ascii_digit());
        let digits = &abbr[stem.len()..];
        let (spelling, _) = self.issuers.get(&stem.to_lowercase())?;
        Some(format!("{spelling}{digits}"))
    }
}

const DOC_TYPES_HEADER: &[&str] = &["name", "abbr", "system", "cite", "comment"];
const ISSUERS_HEADER: &[&str] = &["abbr", "name", "comment"];
const ORGANIZATIONS_HEADER: &[&str] = &[
    "name",
    "aliases",
    "abbr",
    "category",
    "valid_from",
    "valid_to",
    "successor",
];

fn load_doc_types(file: &str, content: &str) -> Result<Vec<DocType>, DataError> {
    let mut out = Vec::new();
    for row in parse_tsv(file, content, DOC_TYPES_HEADER)? {
        let bad = |message: String| row.error(file, message);
        let scope = match row.get(2) {
            "state" => Scope::State,
            "party" => Scope::Party,
            "both" => Scope::Both,
            other => return Err(bad(format!("system `{other}` is not state, party or both"))),
        };
        let cite = match row.get(3) {
            "code" => Cite::Code,
            "named" => Cite::Named,
            "bare" => Cite::Bare,
            other => return Err(bad(format!("cite `{other}` is not code, named or bare"))),
        };
        out.push(DocType {
            name: row.get(0).to_string(),
            abbrs: row.list(1).into_iter().map(String::from).collect(),
            scope,
            cite,
        });
    }
    Ok(out)
}

fn load_issuers(file: &str, content: &str) -> Result<HashMap<String, (String, String)>, DataError> {
    let mut out = HashMap::new();
    for row in parse_tsv(file, content, ISSUERS_HEADER)? {
        if row.get(1).is_empty() {
            return Err(row.error(file, "empty `name`"));
        }
        if out
            .insert(
                row.get(0).to_lowercase(),
                (row.get(0).to_string(), row.get(1).to_string()),
            )
            .is_some()
        {
            return Err(row.error(file, format!("duplicate abbreviation `{}`", row.get(0))));
        }
    }
    Ok(out)
}

type Aliases = Vec<(String, usize)>;

fn load_organizations(
    file: &str,
    content: &str,
) -> Result<(Vec<Organization>, Aliases), DataError> {
    let mut orgs = Vec::new();
    let mut aliases = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in parse_tsv(file, content, ORGANIZATIONS_HEADER)? {
        let bad = |message: String| row.error(file, message);
        let category = row.get(3);
        if !matches!(category, "party" | "state" | "mass" | "other" | "office") {
            return Err(bad(format!(
                "category `{category}` is not party, state, mass, other or office"
            )));
        }
        check_date(file, &row, 4)?;
        check_date(file, &row, 5)?;
        let idx = orgs.len();
        for alias in std::iter::once(row.get(0)).chain(row.list(1)) {
            let key = match_key(alias);
            if let Some(prev) = seen.insert(key, row.line) {
                return Err(bad(format!("`{alias}` is already listed on line {prev}")));
            }
            aliases.push((alias.to_string(), idx));
        }
        orgs.push(Organization {
            name: row.get(0).to_string(),
            abbr: Some(row.get(2)).filter(|a| !a.is_empty()).map(String::from),
            category: category.to_string(),
        });
    }
    Ok((orgs, aliases))
}

/// The embedded data, loaded on first use. The embedded files are checked by
/// `cargo test`, so loading cannot fail in a released build.
pub static DATA: LazyLock<Data> = LazyLock::new(|| match Data::load() {
    Ok(d) => d,
    Err(e) => panic!("embedded data is invalid: {e}"),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_at_an_offset_packs_the_same() {
        let text = "Ủy ban nhân dân tỉnh Bình Định".as_bytes();
        for start in 0..text.len() {
            for len in 0..=8.min(text.len() - start) {
                let want = pack_le(&text[start..start + len]);
                assert_eq!(pack_le_at(text, start, len), want, "{start} {len}");
            }
        }
    }

    #[test]
    fn embedded_data_loads() {
        let d = Data::load().unwrap();
        assert!(d.doc_types.len() > 30);
        assert_eq!(d.issuer_name("QH15"), Some("Quốc hội"));
        assert_eq!(d.issuer_name("TTG"), Some("Thủ tướng Chính phủ"));
        assert_eq!(d.canonical_issuer_abbr("TTG").as_deref(), Some("TTg"));
        assert_eq!(d.canonical_type_abbr("Ctr"), Some("CTr"));
        assert_eq!(d.doc_type_by_abbr("TT", true).unwrap().name, "Thông tri");
        assert_eq!(d.doc_type_by_abbr("TT", false).unwrap().name, "Thông tư");
    }

    #[test]
    fn every_embedded_file_loads() {
        crate::rules::organization::load_heads(crate::rules::organization::ORG_HEADS_TSV).unwrap();
        crate::rules::person::load_titles(crate::rules::person::TITLES_TSV).unwrap();
        crate::places::Places::load(crate::places::PLACES_TSV, crate::places::SURNAMES_TSV)
            .unwrap();
        crate::rules::quantity::load_units(crate::rules::quantity::UNITS_TSV).unwrap();
        let bad = "head\tcanonical\tcategory\tabbr\tattach\tbare\nSở\tSở\tstate\t\tsomewhere\tno\n";
        let e = crate::rules::organization::load_heads(bad).err().unwrap();
        assert!(e.to_string().starts_with("data/org_heads.tsv:2:"), "{e}");
    }

    #[test]
    fn bad_rows_report_file_and_line() {
        let bad = "# c\nname\tabbr\tsystem\tcite\tcomment\nLuật\t\tstate\tsometimes\t\n";
        let e = load_doc_types("x.tsv", bad).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().starts_with("x.tsv:3:"), "{e}");
        let e = parse_tsv("y.tsv", "a\tb\n", &["a", "c"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "y.tsv:1: header must be \"a\\tc\", found \"a\\tb\""
        );
        let dup = "name\taliases\tabbr\tcategory\tvalid_from\tvalid_to\tsuccessor\nBộ A\t\t\tstate\nBộ a\t\t\tstate\n";
        assert_eq!(load_organizations("o.tsv", dup).unwrap_err().line, 3);
        let date = "name\taliases\tabbr\tcategory\tvalid_from\tvalid_to\tsuccessor\nBộ A\t\t\tstate\t2025\n";
        assert_eq!(load_organizations("o.tsv", date).unwrap_err().line, 2);
    }

    #[test]
    fn matcher_is_case_and_tone_insensitive() {
        let m = NameMatcher::new([("Ủy ban Thường vụ Quốc hội", 0), ("Quốc hội", 1)]);
        let t = Text::new("của UỶ BAN THƯỜNG VỤ QUỐC HỘI và Quốc hội");
        let hits: Vec<_> = m.find_all(t.lower()).map(|h| h.2).collect();
        assert_eq!(hits, vec![0, 1]);
        let at = t.lower().find("ủy").unwrap();
        assert_eq!(m.match_at(t.lower(), at).map(|h| h.1), Some(0));
        assert_eq!(m.match_at(t.lower(), at + "ủ".len()), None);
    }
}
