//! Units of measure and currencies after a number (`units.tsv`).

use crate::data::tsv::{DataError, Row};

/// A unit of measure from `data/units.tsv`.
#[derive(Debug, Clone)]
pub struct Unit {
    pub name: String,
    /// `amount`, `money` or `percent`.
    pub measure: String,
    pub currency: Option<String>,
    /// Symbols (`%`, `USD`, `km`) match case as written; words match the
    /// lower view. Fixed once here: the check runs for every number.
    pub symbol: bool,
}

/// Validates the rows of `units.tsv`.
pub fn load_units(rows: &[Row]) -> Result<Vec<Unit>, DataError> {
    let mut out = Vec::new();
    for row in rows {
        let measure = row.get(1);
        if !matches!(measure, "amount" | "money" | "percent") {
            return Err(row.error(format!(
                "measure `{measure}` is not amount, money or percent"
            )));
        }
        let name = row.get(0);
        out.push(Unit {
            name: name.to_string(),
            measure: measure.to_string(),
            currency: Some(row.get(2).to_string()).filter(|c| !c.is_empty()),
            symbol: name.chars().any(|c| c.is_uppercase() || !c.is_alphabetic()) || name.len() <= 3,
        });
    }
    // Longest spelling first, so that `kWh` wins over `kW`.
    out.sort_by_key(|u| std::cmp::Reverse(u.name.chars().count()));
    Ok(out)
}
