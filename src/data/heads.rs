//! Heads of productive organization names (`org_heads.tsv`) and the sector
//! names that follow `Sở`/`Phòng`.

use crate::data::tsv::{DataError, Row};
use crate::gazetteer::{Category, Data, NameMatcher};

/// A head of productive names (a row of `data/org_heads.tsv`).
#[derive(Debug)]
pub struct Head {
    pub canonical: String,
    pub category: Option<Category>,
    pub abbr: Option<String>,
    pub place: bool,
    pub name: bool,
    pub sector: bool,
    pub org: bool,
    pub bare: bool,
}

/// Heads and sectors, compiled once.
pub struct Heads {
    pub heads: Vec<Head>,
    pub matcher: NameMatcher,
    /// Sector names (`Tài chính`, `GD&ĐT`) after `Sở`/`Phòng`.
    pub sectors: NameMatcher,
}

/// Validates the rows of `org_heads.tsv`; sectors come from the ministries
/// of the listed bodies.
pub fn load_heads(rows: &[Row], data: &Data) -> Result<Heads, DataError> {
    let mut heads = Vec::new();
    let mut variants = Vec::new();
    for row in rows {
        let bad = |message: String| row.error(message);
        let category = Category::parse(row.get(2));
        if !row.get(2).is_empty() && !matches!(category, Some(c) if c != Category::Office) {
            return Err(bad(format!(
                "category `{}` is not party, state, mass, other or empty",
                row.get(2)
            )));
        }
        let attach = row.list(4);
        if attach.is_empty()
            || attach
                .iter()
                .any(|a| !matches!(*a, "place" | "name" | "sector" | "org"))
        {
            return Err(bad(format!(
                "attach `{}` must list place, name, sector or org",
                row.get(4)
            )));
        }
        if !matches!(row.get(5), "yes" | "no") {
            return Err(bad("bare must be yes or no".into()));
        }
        for v in row.list(0) {
            variants.push((v.to_string(), heads.len()));
        }
        heads.push(Head {
            canonical: row.get(1).to_string(),
            category,
            abbr: Some(row.get(3).to_string()).filter(|a| !a.is_empty()),
            place: attach.contains(&"place"),
            name: attach.contains(&"name"),
            sector: attach.contains(&"sector"),
            org: attach.contains(&"org"),
            bare: row.get(5) == "yes",
        });
    }
    let matcher = NameMatcher::new(variants.iter().map(|(v, i)| (v.as_str(), *i)));
    let mut sectors: Vec<String> = data
        .organizations
        .iter()
        .filter_map(|o| o.name.strip_prefix("Bộ ").map(String::from))
        .filter(|s| !s.starts_with("Chính trị"))
        .collect();
    for s in SECTOR_ABBRS {
        sectors.push(s.to_string());
    }
    let sectors = NameMatcher::new(sectors.iter().enumerate().map(|(i, s)| (s.as_str(), i)));
    Ok(Heads {
        heads,
        matcher,
        sectors,
    })
}

/// Sector abbreviations used after `Sở`/`Phòng` and extra sector names.
const SECTOR_ABBRS: &[&str] = &[
    "GD&ĐT",
    "KH&ĐT",
    "LĐ-TB&XH",
    "LĐTB&XH",
    "TN&MT",
    "NN&PTNT",
    "NN&MT",
    "VH-TT&DL",
    "VHTT&DL",
    "KH&CN",
    "TT&TT",
    "GTVT",
    "Giao thông vận tải",
    "Tài nguyên và Môi trường",
    "Văn hóa và Thể thao",
    "Du lịch",
    "Lao động - Thương binh và Xã hội",
    "Thông tin và Truyền thông",
    "Kế hoạch và Đầu tư",
    "Ngoại vụ",
    "Dân tộc và Tôn giáo",
];
