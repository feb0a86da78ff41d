//! Place and family-name lists (`data/places.tsv`, `data/surnames.tsv`),
//! shared by the location, organization and person rules.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::gazetteer::{match_key, parse_tsv, DataError, NameMatcher};
use crate::tokens::Tokens;

/// One row of `data/places.tsv`.
#[derive(Debug)]
pub struct Place {
    pub name: String,
    pub category: String,
    pub successor: Option<String>,
    /// A place only after a place word (`TP Hồ Chí Minh`).
    pub prefix_only: bool,
}

pub struct Places {
    pub places: Vec<Place>,
    matcher: NameMatcher,
    surnames: crate::gazetteer::FastSet,
}

pub const PLACES_TSV: &str = include_str!("../data/places.tsv");
pub const SURNAMES_TSV: &str = include_str!("../data/surnames.tsv");

pub static PLACES: LazyLock<Places> =
    LazyLock::new(|| match Places::load(PLACES_TSV, SURNAMES_TSV) {
        Ok(p) => p,
        Err(e) => panic!("embedded data is invalid: {e}"),
    });

impl Places {
    pub fn load(places_tsv: &str, surnames_tsv: &str) -> Result<Places, DataError> {
        let file = "data/places.tsv";
        let header = &[
            "name",
            "aliases",
            "category",
            "successor",
            "prefix_only",
            "comment",
        ];
        let mut places = Vec::new();
        let mut names = Vec::new();
        let mut seen = HashSet::new();
        for row in parse_tsv(file, places_tsv, header)? {
            let bad = |message: String| row.error(file, message);
            let category = row.get(2);
            if !matches!(
                category,
                "province" | "city" | "district" | "commune" | "country" | "region"
            ) {
                return Err(bad(format!(
                    "category `{category}` is not a place category"
                )));
            }
            if !matches!(row.get(4), "" | "yes") {
                return Err(bad("prefix_only must be yes or empty".into()));
            }
            for n in std::iter::once(row.get(0)).chain(row.list(1)) {
                if !seen.insert(match_key(n)) {
                    return Err(bad(format!("`{n}` is listed twice")));
                }
                names.push((n.to_string(), places.len()));
            }
            places.push(Place {
                name: row.get(0).to_string(),
                category: category.to_string(),
                successor: Some(row.get(3).to_string()).filter(|s| !s.is_empty()),
                prefix_only: row.get(4) == "yes",
            });
        }
        let matcher = NameMatcher::new(names.iter().map(|(n, i)| (n.as_str(), *i)));
        let mut surnames = crate::gazetteer::FastSet::default();
        for row in parse_tsv("data/surnames.tsv", surnames_tsv, &["surname", "comment"])? {
            surnames.insert(row.get(0).to_string());
        }
        Ok(Places {
            places,
            matcher,
            surnames,
        })
    }

    /// A known place name starting at token `i`, written with a capital:
    /// `(end token, place)`.
    pub fn known_at(&self, t: &Tokens, i: usize) -> Option<(usize, &Place)> {
        let (e, idx) = crate::lexicon::at(t, crate::lexicon::List::Place, i)?;
        let place = &self.places[idx];
        let capital_ok = t.is_capitalized(i) || place.category == "region";
        capital_ok.then_some((e, place))
    }

    /// The automaton of place names.
    pub fn matcher(&self) -> &NameMatcher {
        &self.matcher
    }

    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
    }
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
        && PLACES.is_surname(t.text(i))
        && t.is_capitalized(i + 1)
        && !t.is_allcaps(i + 1)
        && !t.toks[i + 1].after_newline
        && PLACES.known_at(t, i).is_none_or(|(_, p)| p.prefix_only)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    #[test]
    fn embedded_places_load() {
        let p = Places::load(PLACES_TSV, SURNAMES_TSV).unwrap();
        assert!(p.places.len() > 100);
        let bd = p.places.iter().find(|x| x.name == "Bình Định").unwrap();
        assert_eq!(bd.successor.as_deref(), Some("Gia Lai"));
        let na = p.places.iter().find(|x| x.name == "Nghệ An").unwrap();
        assert_eq!(na.successor, None);
        assert!(p.is_surname("Nguyễn"));
    }

    #[test]
    fn bad_rows_are_reported() {
        let bad = "name\taliases\tcategory\tsuccessor\tprefix_only\tcomment\nX\t\tplanet\t\t\t\n";
        assert_eq!(Places::load(bad, SURNAMES_TSV).err().unwrap().line, 2);
    }

    #[test]
    fn surnames_start_person_names_but_not_places() {
        let text = Text::new("Hà Nội và Hồ Quốc Dũng");
        let t = Tokens::new(&text);
        assert!(!surname_start(&t, 0));
        assert!(surname_start(&t, 3));
    }
}
