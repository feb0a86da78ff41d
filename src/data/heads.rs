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
    /// Variants written all in capitals (`UBND`, `UBMTTQVN`): abbreviations,
    /// which name the head even in an all-caps heading.
    pub abbreviations: Vec<String>,
}

/// Heads and sectors, compiled once.
pub struct Heads {
    pub heads: Vec<Head>,
    pub matcher: NameMatcher,
    /// Sector names (`Tài chính`, `GD&ĐT`) after `Sở`/`Phòng`.
    pub sectors: NameMatcher,
    /// The full name of each sector the matcher finds: an abbreviation
    /// (`NN-MT`) names its sector in full (`Nông nghiệp và Môi trường`).
    pub sector_names: Vec<String>,
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
        let mut abbreviations = Vec::new();
        for v in row.list(0) {
            variants.push((v.to_string(), heads.len()));
            if !v.contains(' ') && !v.chars().any(char::is_lowercase) {
                abbreviations.push(v.to_string());
            }
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
            abbreviations,
        });
    }
    let matcher = NameMatcher::new(variants.iter().map(|(v, i)| (v.as_str(), *i)));
    let mut full: Vec<String> = data
        .organizations
        .iter()
        .filter_map(|o| o.name.strip_prefix("Bộ ").map(String::from))
        .filter(|s| !s.starts_with("Chính trị"))
        .collect();
    full.extend(SECTOR_NAMES.iter().map(|s| s.to_string()));
    // Each sector by its name and by the abbreviations of it (`TN&MT`,
    // `NN-MT`, `NNMT`), all naming the full sector.
    let mut seen = std::collections::HashSet::new();
    let mut spellings: Vec<(String, usize)> = Vec::new();
    for (i, name) in full.iter().enumerate() {
        for s in std::iter::once(name.clone()).chain(sector_abbreviations(name)) {
            if seen.insert(s.to_lowercase()) {
                spellings.push((s, i));
            }
        }
    }
    let sectors = NameMatcher::new(spellings.iter().map(|(s, i)| (s.as_str(), *i)));
    Ok(Heads {
        heads,
        matcher,
        sectors,
        sector_names: full,
    })
}

/// The abbreviations of a sector name of several parts: the capital
/// initials of each part's syllables, the parts joined by `&`, `-`, `,` or
/// nothing (`Lao động - Thương binh và Xã hội`: `LĐ-TB&XH`, `LĐTB&XH`,
/// `LĐTBXH`). One-part names of fewer than three syllables have none:
/// `TC` or `TP` would name anything.
pub(crate) fn sector_abbreviations(name: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut written_seps: Vec<&str> = Vec::new();
    let mut current = String::new();
    let words = name.split(' ').peekable();
    for w in words {
        let (sep, word) = match w {
            "và" => ("&", None),
            "-" => ("-", None),
            _ if w.ends_with(',') => (",", Some(w.trim_end_matches(','))),
            _ => ("", Some(w)),
        };
        if let Some(word) = word {
            match word.chars().next() {
                Some(c) => current.extend(c.to_uppercase()),
                None => return Vec::new(),
            }
        }
        if !sep.is_empty() && !current.is_empty() {
            parts.push(std::mem::take(&mut current));
            written_seps.push(sep);
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    if parts.len() == 1 && parts[0].chars().count() < 3 || parts.len() > 4 {
        return Vec::new();
    }
    // Every choice of joint between the parts.
    let mut out = vec![parts[0].clone()];
    for (k, part) in parts.iter().enumerate().skip(1) {
        let joints: &[&str] = if written_seps[k - 1] == "," {
            &[",", "-", "", "&"]
        } else {
            &["&", "-", ""]
        };
        out = out
            .iter()
            .flat_map(|head| joints.iter().map(move |j| format!("{head}{j}{part}")))
            .collect();
    }
    out
}

/// Sectors after `Sở`/`Phòng` that are not the name of a ministry.
const SECTOR_NAMES: &[&str] = &[
    "Giao thông vận tải",
    "Tài nguyên và Môi trường",
    "Văn hóa và Thể thao",
    "Du lịch",
    "Lao động - Thương binh và Xã hội",
    "Thông tin và Truyền thông",
    "Kế hoạch và Đầu tư",
    "Ngoại vụ",
    "Dân tộc và Tôn giáo",
    // Departments of district and commune governments (before and after 2025).
    "Tài chính - Kế hoạch",
    "Kinh tế",
    "Kinh tế - Hạ tầng",
    "Kinh tế, Hạ tầng và Đô thị",
    "Quản lý đô thị",
    "Văn hóa và Thông tin",
    "Văn hóa - Thông tin",
    "Văn hóa - Xã hội",
    // Departments of provincial police (`Phòng Cảnh sát hình sự Công an tỉnh …`).
    "Cảnh sát hình sự",
    "Cảnh sát kinh tế",
    "Cảnh sát giao thông",
    "Cảnh sát cơ động",
    "Cảnh sát môi trường",
    "Cảnh sát đường thủy",
    "Cảnh sát điều tra tội phạm về ma túy",
    "Cảnh sát điều tra tội phạm về trật tự xã hội",
    "Cảnh sát quản lý hành chính về trật tự xã hội",
    "Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Cảnh sát thi hành án hình sự và hỗ trợ tư pháp",
    "An ninh điều tra",
    "An ninh nội địa",
    "An ninh kinh tế",
    "An ninh chính trị nội bộ",
    "An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
    "Quản lý xuất nhập cảnh",
    "Kỹ thuật hình sự",
    "Hồ sơ nghiệp vụ",
    "Tổ chức cán bộ",
    "Tham mưu",
    "Hậu cần",
];
