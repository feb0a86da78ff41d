//! Every administrative unit before and after 2025-07-01 (`admin_units.tsv`),
//! looked up by name after a place word: the commune or district a name
//! names, its province, and the unit that succeeded it.

use crate::data::tsv::{DataError, Row};
use crate::gazetteer::FastMap;

/// The unit list of an extractor: the embedded one, read on first use and
/// shared by every extractor, or one merged with a user's file.
#[derive(Debug)]
pub enum Admin {
    Embedded,
    Built(Box<AdminUnits>),
}

impl Admin {
    pub fn embedded() -> Admin {
        Admin::Embedded
    }

    pub fn built(units: AdminUnits) -> Admin {
        Admin::Built(Box::new(units))
    }

    pub fn get(&self) -> &AdminUnits {
        static EMBEDDED: std::sync::LazyLock<AdminUnits> = std::sync::LazyLock::new(|| {
            let file = super::FILES
                .iter()
                .find(|f| f.name == super::ADMIN_UNITS)
                .expect("admin_units.tsv is a data file");
            super::tsv::parse_tsv(file.name, file.embedded, file.header)
                .and_then(|rows| AdminUnits::load(&rows))
                .unwrap_or_else(|e| panic!("embedded data is invalid: {e}"))
        });
        match self {
            Admin::Embedded => &EMBEDDED,
            Admin::Built(units) => units,
        }
    }
}

/// One unit of `admin_units.tsv`.
#[derive(Debug, Clone)]
pub struct AdminUnit {
    pub name: String,
    /// `province`, `district` or `commune`.
    pub level: &'static str,
    /// Valid from 2025-07-01 (else until 2025-06-30).
    pub current: bool,
    /// The province of the unit in its era.
    pub province: String,
    /// For a unit before 2025-07-01: the unit that holds it now.
    pub successor: Option<String>,
    /// For a unit before 2025-07-01: the province that holds it now.
    pub successor_province: Option<String>,
}

/// The units by the match key of their name.
#[derive(Debug, Default)]
pub struct AdminUnits {
    pub units: Vec<AdminUnit>,
    by_name: FastMap<String, Vec<u32>>,
    /// The most words a name has.
    pub max_words: usize,
}

impl AdminUnits {
    /// Validates the rows of `admin_units.tsv`.
    pub fn load(rows: &[Row]) -> Result<AdminUnits, DataError> {
        let mut out = AdminUnits::default();
        for row in rows {
            let level = match row.get(2) {
                "province" => "province",
                "district" => "district",
                "commune" => "commune",
                other => {
                    return Err(row.error(format!(
                        "level `{other}` is not province, district or commune"
                    )))
                }
            };
            let current = match row.get(3) {
                "2025" => true,
                "pre2025" => false,
                other => return Err(row.error(format!("era `{other}` is not pre2025 or 2025"))),
            };
            let name = row.get(0);
            if name.is_empty() || row.get(4).is_empty() {
                return Err(row.error("a unit needs a name and a province"));
            }
            let key = name.to_lowercase();
            out.max_words = out.max_words.max(key.split(' ').count());
            out.by_name
                .entry(key)
                .or_default()
                .push(out.units.len() as u32);
            out.units.push(AdminUnit {
                name: name.to_string(),
                level,
                current,
                province: row.get(4).to_string(),
                // Split over several: the package's default first.
                successor: row
                    .get(6)
                    .split('|')
                    .next()
                    .filter(|s| !s.is_empty() && *s != name)
                    .map(str::to_string),
                successor_province: Some(row.get(7))
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            });
        }
        Ok(out)
    }

    /// The units named `key` (a match key: lower case, single spaces).
    pub fn named(&self, key: &str) -> impl Iterator<Item = &AdminUnit> {
        self.by_name
            .get(key)
            .into_iter()
            .flatten()
            .map(|&i| &self.units[i as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_units_load_and_their_keys_are_normalized_lower_case() {
        let units = Admin::embedded();
        let units = units.get();
        assert!(units.units.len() > 14_000);
        // Keys are plain lower case: that is the text layer's normalized
        // lower view of every name, so no name needs the slower match key.
        for u in &units.units {
            assert_eq!(
                crate::gazetteer::match_key(&u.name),
                u.name.to_lowercase(),
                "{}",
                u.name
            );
        }
        let tam_hiep: Vec<&str> = units
            .named("tam hiệp")
            .map(|u| u.province.as_str())
            .collect();
        assert!(tam_hiep.len() > 1, "{tam_hiep:?}");
    }
}
