//! The data layer: every list the rules read, parsed from the files of
//! `data/` that are embedded in the binary, plus a user's folder of files
//! with the same names (`--data DIR`), validated and built into one
//! [`Lists`]. Nothing here reads text: tokens, the lexicon and the rules sit
//! above it.

pub mod admin;
pub mod heads;
pub mod places;
pub mod tsv;
pub mod units;

use std::path::Path;

use crate::gazetteer::{Data, NameMatcher};
use heads::Heads;
use places::Places;
pub use tsv::DataError;
use tsv::Row;
use units::Unit;

/// One data file: its name, header and embedded content.
pub struct File {
    pub name: &'static str,
    pub header: &'static [&'static str],
    pub embedded: &'static str,
}

macro_rules! file {
    ($name:literal, [$($col:literal),*]) => {
        File {
            name: $name,
            header: &[$($col),*],
            embedded: include_str!(concat!("../../data/", $name)),
        }
    };
}

const ADMIN_UNITS: &str = "admin_units.tsv";

/// Every data file, by the name a user's folder uses too.
pub const FILES: &[File] = &[
    file!(
        "doc_types.tsv",
        ["name", "abbr", "system", "cite", "comment"]
    ),
    file!("issuers.tsv", ["abbr", "name", "comment"]),
    file!(
        "organizations.tsv",
        [
            "name",
            "aliases",
            "abbr",
            "category",
            "valid_from",
            "valid_to",
            "successor"
        ]
    ),
    file!(
        "org_heads.tsv",
        ["head", "canonical", "category", "abbr", "attach", "bare"]
    ),
    file!(
        "places.tsv",
        [
            "name",
            "aliases",
            "category",
            "successor",
            "prefix_only",
            "comment"
        ]
    ),
    file!("titles.tsv", ["title", "category", "comment"]),
    file!("surnames.tsv", ["surname", "comment"]),
    file!("units.tsv", ["unit", "measure", "currency", "comment"]),
    file!(
        "admin_units.tsv",
        [
            "name",
            "type",
            "level",
            "era",
            "province",
            "district",
            "successor",
            "successor_province",
            "code"
        ]
    ),
];

/// Every list, parsed and validated.
pub struct Lists {
    /// Document types, issuers and listed bodies.
    pub data: Data,
    pub heads: Heads,
    /// Title words (`Bí thư`, `Thiếu tướng`).
    pub titles: NameMatcher,
    pub places: Places,
    /// Longest spelling first.
    pub units: Vec<Unit>,
    /// Every province, district and commune before and after 2025-07-01.
    pub admin: admin::Admin,
    /// What follows `Khối` in the listed names (`các cơ quan Trung ương`).
    pub khoi_suffixes: Vec<String>,
    /// The document type names as match keys, leftmost-longest, for the
    /// type heading of a document's header (pattern = index into doc types).
    pub doc_type_heads: aho_corasick::AhoCorasick,
}

/// A user's data file: the path it was read from (for errors) and its text.
#[derive(Debug, Clone)]
pub struct UserFile {
    pub name: String,
    pub path: String,
    pub content: String,
}

impl Lists {
    /// The embedded lists, built once per process. The embedded files are
    /// checked by `cargo test`, so building them cannot fail in a release.
    pub fn embedded() -> &'static Lists {
        static EMBEDDED: std::sync::LazyLock<Lists> =
            std::sync::LazyLock::new(|| match Lists::build(&[]) {
                Ok(l) => l,
                Err(e) => panic!("embedded data is invalid: {e}"),
            });
        &EMBEDDED
    }

    /// The embedded lists with the rows of `user` files merged in (see
    /// [`tsv::merged`]). A user file whose name is not one of [`FILES`] is
    /// an error.
    pub fn build(user: &[UserFile]) -> Result<Lists, DataError> {
        if let Some(f) = user
            .iter()
            .find(|f| !FILES.iter().any(|d| d.name == f.name))
        {
            let names: Vec<&str> = FILES.iter().map(|d| d.name).collect();
            return Err(DataError::new(
                &f.path,
                0,
                format!("not a data file name; expected one of {}", names.join(", ")),
            ));
        }
        let mut rows: Vec<Vec<Row>> = Vec::with_capacity(FILES.len());
        // The unit list is large: without a user's file of it, it is read
        // when first needed (the embedded file is checked by `cargo test`).
        let admin_lazy = !user.iter().any(|f| f.name == ADMIN_UNITS);
        for spec in FILES {
            if spec.name == ADMIN_UNITS && admin_lazy {
                rows.push(Vec::new());
                continue;
            }
            let embedded = (spec.name, spec.embedded);
            let theirs = user
                .iter()
                .filter(|f| f.name == spec.name)
                .map(|f| (f.path.as_str(), f.content.as_str()));
            rows.push(tsv::merged(embedded, theirs, spec.header)?);
        }
        let [doc_types, issuers, organizations, org_heads, places, titles, surnames, units, admin_units] =
            rows.as_slice()
        else {
            unreachable!("one row list per file");
        };
        let data = Data::load(doc_types, issuers, organizations)?;
        let heads = heads::load_heads(org_heads, &data)?;
        let titles = NameMatcher::new(titles.iter().enumerate().map(|(i, r)| (r.get(0), i)));
        let places = Places::load(places, surnames)?;
        let units = units::load_units(units)?;
        let admin = if admin_lazy {
            admin::Admin::embedded()
        } else {
            admin::Admin::built(admin::AdminUnits::load(admin_units)?)
        };
        let mut khoi_suffixes: Vec<String> = data
            .organizations
            .iter()
            .filter_map(|g| g.name.split_once("Khối ").map(|(_, rest)| rest.to_string()))
            .collect();
        khoi_suffixes.sort();
        khoi_suffixes.dedup();
        let doc_type_heads = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(
                data.doc_types
                    .iter()
                    .map(|t| crate::gazetteer::match_key(&t.name)),
            )
            .map_err(|e| DataError::new("doc_types.tsv", 0, e.to_string()))?;
        Ok(Lists {
            data,
            heads,
            titles,
            places,
            units,
            admin,
            khoi_suffixes,
            doc_type_heads,
        })
    }
}

/// The data files of a user's folder: every regular file in it (not in
/// subfolders), sorted by name. Anything but a `.tsv` of [`FILES`] is an
/// error, so that a misspelt name is not ignored.
pub fn read_dir(dir: &Path) -> Result<Vec<UserFile>, DataError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| DataError::new(&shown, 0, e.to_string()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| DataError::new(&shown, 0, e.to_string()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path_s = path.display().to_string();
        let content =
            std::fs::read(&path).map_err(|e| DataError::new(&path_s, 0, e.to_string()))?;
        let content =
            String::from_utf8(content).map_err(|_| DataError::new(&path_s, 0, "not UTF-8 text"))?;
        files.push(UserFile {
            name,
            path: path_s,
            content,
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_loads() {
        let l = Lists::build(&[]).unwrap();
        assert!(l.places.places.len() > 100);
        let bd = l
            .places
            .places
            .iter()
            .find(|x| x.name == "Bình Định")
            .unwrap();
        assert_eq!(bd.successor.as_deref(), Some("Gia Lai"));
        assert!(l.places.is_surname("Nguyễn"));
        assert!(!l.units.is_empty());
    }

    fn user(name: &str, content: &str) -> UserFile {
        UserFile {
            name: name.into(),
            path: format!("my/{name}"),
            content: content.into(),
        }
    }

    #[test]
    fn bad_user_files_report_file_and_line() {
        let bad = "head\tcanonical\tcategory\tabbr\tattach\tbare\nSở\tSở\tstate\t\tsomewhere\tno\n";
        let e = Lists::build(&[user("org_heads.tsv", bad)]).err().unwrap();
        assert!(e.to_string().starts_with("my/org_heads.tsv:2:"), "{e}");
        let bad = "name\taliases\tcategory\tsuccessor\tprefix_only\tcomment\nX\t\tplanet\t\t\t\n";
        let e = Lists::build(&[user("places.tsv", bad)]).err().unwrap();
        assert_eq!((e.file.as_str(), e.line), ("my/places.tsv", 2));
        let e = Lists::build(&[user("organisations.tsv", "")])
            .err()
            .unwrap();
        assert!(
            e.to_string()
                .starts_with("my/organisations.tsv: not a data file"),
            "{e}"
        );
    }

    #[test]
    fn user_rows_add_and_replace() {
        let orgs = "name\taliases\tabbr\tcategory\tvalid_from\tvalid_to\tsuccessor\n\
                    Khu kinh tế Vân Phong\tKKT Vân Phong\t\tstate\t\t\t\n\
                    Bộ Tài chính\tBộ TC\tBTC\tstate\t\t\t\n";
        let l = Lists::build(&[user("organizations.tsv", orgs)]).unwrap();
        let e = Lists::embedded();
        let names = |l: &Lists| {
            l.data
                .organizations
                .iter()
                .filter(|o| o.name == "Bộ Tài chính")
                .count()
        };
        assert_eq!(names(&l), 1);
        assert_eq!(l.data.organizations.len(), e.data.organizations.len() + 1);
        assert!(l
            .data
            .organizations
            .iter()
            .any(|o| o.name == "Khu kinh tế Vân Phong"));
    }
}
