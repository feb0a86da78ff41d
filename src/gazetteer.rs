//! Name lists and the tables of document types, issuers and listed bodies,
//! built from rows of the data files (`crate::data`); the word hasher the
//! crate's maps use.

use crate::data::tsv::{check_date, DataError, Row};
use crate::text::Text;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The lower-case normalized key used to match a gazetteer entry.
pub fn match_key(s: &str) -> String {
    Text::new(s).lower().to_string()
}

/// A list of names with a payload index each, as match keys (lower-case
/// normalized): the lexicon (`crate::lexicon`) compiles every list into one
/// trie of words.
#[derive(Debug, Default)]
pub struct NameMatcher {
    keys: Vec<String>,
    payload: Vec<usize>,
}

impl NameMatcher {
    /// The list of `(name, payload)` pairs.
    pub fn new<'n>(names: impl IntoIterator<Item = (&'n str, usize)>) -> Self {
        let (keys, payload) = names.into_iter().map(|(n, p)| (match_key(n), p)).unzip();
        NameMatcher { keys, payload }
    }

    /// The match keys with their payloads.
    pub fn entries(&self) -> impl Iterator<Item = (&str, usize)> {
        self.keys
            .iter()
            .map(String::as_str)
            .zip(self.payload.iter().copied())
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

pub use crate::record::Category;

/// A listed body (a row of `organizations.tsv`).
#[derive(Debug)]
pub struct Organization {
    pub name: String,
    pub abbr: Option<String>,
    pub category: Category,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    /// The body that took over when this one was merged or dissolved.
    pub successor: Option<String>,
}

/// The tables of document types, issuers and listed bodies.
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

impl Data {
    /// Validates the rows of `doc_types.tsv`, `issuers.tsv` and
    /// `organizations.tsv`.
    pub fn load(
        doc_types: &[Row],
        issuers: &[Row],
        organizations: &[Row],
    ) -> Result<Data, DataError> {
        let doc_types = load_doc_types(doc_types)?;
        let doc_type_words = NameMatcher::new(
            doc_types
                .iter()
                .enumerate()
                .map(|(i, t)| (t.name.as_str(), i)),
        );
        let issuers = load_issuers(issuers)?;
        let (organizations, aliases) = load_organizations(organizations)?;
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

fn load_doc_types(rows: &[Row]) -> Result<Vec<DocType>, DataError> {
    let mut out = Vec::new();
    for row in rows {
        let bad = |message: String| row.error(message);
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

fn load_issuers(rows: &[Row]) -> Result<HashMap<String, (String, String)>, DataError> {
    let mut out = HashMap::new();
    for row in rows {
        if row.get(1).is_empty() {
            return Err(row.error("empty `name`"));
        }
        if out
            .insert(
                row.get(0).to_lowercase(),
                (row.get(0).to_string(), row.get(1).to_string()),
            )
            .is_some()
        {
            return Err(row.error(format!("duplicate abbreviation `{}`", row.get(0))));
        }
    }
    Ok(out)
}

type Aliases = Vec<(String, usize)>;

fn load_organizations(rows: &[Row]) -> Result<(Vec<Organization>, Aliases), DataError> {
    let mut orgs = Vec::new();
    let mut aliases = Vec::new();
    let mut seen: HashMap<String, (&str, usize)> = HashMap::new();
    for row in rows {
        let bad = |message: String| row.error(message);
        let Some(category) = Category::parse(row.get(3)) else {
            return Err(bad(format!(
                "category `{}` is not party, state, mass, other or office",
                row.get(3)
            )));
        };
        check_date(row, 4)?;
        check_date(row, 5)?;
        let idx = orgs.len();
        for alias in std::iter::once(row.get(0)).chain(row.list(1)) {
            let key = match_key(alias);
            if let Some((file, line)) = seen.insert(key, (row.file, row.line)) {
                return Err(bad(format!("`{alias}` is already listed at {file}:{line}")));
            }
            aliases.push((alias.to_string(), idx));
        }
        orgs.push(Organization {
            name: row.get(0).to_string(),
            abbr: Some(row.get(2)).filter(|a| !a.is_empty()).map(String::from),
            category,
            valid_from: Some(row.get(4)).filter(|d| !d.is_empty()).map(String::from),
            valid_to: Some(row.get(5)).filter(|d| !d.is_empty()).map(String::from),
            successor: Some(row.get(6)).filter(|s| !s.is_empty()).map(String::from),
        });
    }
    // `Trung ương` is written `TW`, `T.Ư` and `TƯ` inside any name
    // (`Ban Bí thư T.Ư Đảng`, `Ban Tổ chức TƯ`).
    let mut short = Vec::new();
    for (alias, idx) in &aliases {
        if !alias.contains("Trung ương") {
            continue;
        }
        for abbr in ["TW", "T.Ư", "TƯ"] {
            let variant = alias.replace("Trung ương", abbr);
            if seen.insert(match_key(&variant), ("", 0)).is_none() {
                short.push((variant, *idx));
            }
        }
    }
    // A ministry is written with the abbreviation of its sector
    // (`Bộ GD&ĐT`, `Bộ NN-MT`, `Bộ LĐ-TB&XH`), as `Sở` is.
    for (alias, idx) in &aliases {
        let Some(sector) = alias.strip_prefix("Bộ ") else {
            continue;
        };
        for abbr in crate::data::heads::sector_abbreviations(sector) {
            let variant = format!("Bộ {abbr}");
            if seen.insert(match_key(&variant), ("", 0)).is_none() {
                short.push((variant, *idx));
            }
        }
    }
    aliases.extend(short);
    Ok((orgs, aliases))
}

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
        let d = &crate::data::Lists::embedded().data;
        assert!(d.doc_types.len() > 30);
        assert_eq!(d.issuer_name("QH15"), Some("Quốc hội"));
        assert_eq!(d.issuer_name("TTG"), Some("Thủ tướng Chính phủ"));
        assert_eq!(d.canonical_issuer_abbr("TTG").as_deref(), Some("TTg"));
        assert_eq!(d.canonical_type_abbr("Ctr"), Some("CTr"));
        assert_eq!(d.doc_type_by_abbr("TT", true).unwrap().name, "Thông tri");
        assert_eq!(d.doc_type_by_abbr("TT", false).unwrap().name, "Thông tư");
    }

    fn rows<'a>(content: &'a str, header: &[&str]) -> Vec<Row<'a>> {
        crate::data::tsv::parse_tsv("x.tsv", content, header).unwrap()
    }

    #[test]
    fn bad_rows_report_file_and_line() {
        let header = &["name", "abbr", "system", "cite", "comment"];
        let bad = "# c\nname\tabbr\tsystem\tcite\tcomment\nLuật\t\tstate\tsometimes\t\n";
        let e = load_doc_types(&rows(bad, header)).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().starts_with("x.tsv:3:"), "{e}");
        let header = &[
            "name",
            "aliases",
            "abbr",
            "category",
            "valid_from",
            "valid_to",
            "successor",
        ];
        let dup = "name\taliases\tabbr\tcategory\tvalid_from\tvalid_to\tsuccessor\nBộ A\t\t\tstate\nBộ a\t\t\tstate\n";
        assert_eq!(load_organizations(&rows(dup, header)).unwrap_err().line, 3);
        let date = "name\taliases\tabbr\tcategory\tvalid_from\tvalid_to\tsuccessor\nBộ A\t\t\tstate\t2025\n";
        assert_eq!(load_organizations(&rows(date, header)).unwrap_err().line, 2);
    }
}
