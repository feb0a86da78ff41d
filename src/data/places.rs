//! Places (`places.tsv`) and family names (`surnames.tsv`).

use std::collections::HashSet;

use crate::data::tsv::{DataError, Row};
use crate::gazetteer::{match_key, NameMatcher};
use crate::record::PlaceCategory;

/// One row of `data/places.tsv`.
#[derive(Debug)]
pub struct Place {
    pub name: String,
    pub category: PlaceCategory,
    pub successor: Option<String>,
    /// A place only after a place word (`TP Hồ Chí Minh`).
    pub prefix_only: bool,
}

pub struct Places {
    pub places: Vec<Place>,
    matcher: NameMatcher,
    surnames: crate::gazetteer::FastSet,
}

impl Places {
    /// Validates the rows of `places.tsv` and `surnames.tsv`.
    pub fn load(place_rows: &[Row], surname_rows: &[Row]) -> Result<Places, DataError> {
        let mut places = Vec::new();
        let mut names = Vec::new();
        let mut seen = HashSet::new();
        for row in place_rows {
            let bad = |message: String| row.error(message);
            let Some(category) = PlaceCategory::parse(row.get(2)) else {
                return Err(bad(format!(
                    "category `{}` is not a place category",
                    row.get(2)
                )));
            };
            if !matches!(row.get(4), "" | "yes") {
                return Err(bad("prefix_only must be yes or empty".into()));
            }
            for n in std::iter::once(row.get(0)).chain(row.list(1)) {
                if !seen.insert(match_key(n)) {
                    return Err(bad(format!("`{n}` is listed twice")));
                }
                names.push((n.to_string(), places.len()));
            }
            // A name in two parts is written with the dash spaced or glued
            // (`Thừa Thiên - Huế`, `Thừa Thiên-Huế`): both match.
            for n in std::iter::once(row.get(0)).chain(row.list(1)) {
                let other = if n.contains(" - ") {
                    n.replace(" - ", "-")
                } else if n.contains('-') && !n.contains(' ') {
                    continue; // `BR-VT`, `TT-Huế`: abbreviations keep their form.
                } else {
                    n.replace('-', " - ")
                };
                if other != n && seen.insert(match_key(&other)) {
                    names.push((other, places.len()));
                }
            }
            places.push(Place {
                name: row.get(0).to_string(),
                category,
                successor: Some(row.get(3).to_string()).filter(|s| !s.is_empty()),
                prefix_only: row.get(4) == "yes",
            });
        }
        let matcher = NameMatcher::new(names.iter().map(|(n, i)| (n.as_str(), *i)));
        let mut surnames = crate::gazetteer::FastSet::default();
        for row in surname_rows {
            surnames.insert(row.get(0).to_string());
        }
        Ok(Places {
            places,
            matcher,
            surnames,
        })
    }

    /// The list of place names and aliases.
    pub fn matcher(&self) -> &NameMatcher {
        &self.matcher
    }

    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
    }
}
