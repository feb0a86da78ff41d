//! Units of measure and currencies after a number (`units.tsv`).

use crate::data::tsv::{DataError, Row};
use crate::record::Measure;

/// A unit of measure from `data/units.tsv`.
#[derive(Debug, Clone)]
pub struct Unit {
    pub name: String,
    /// `amount`, `money` or `percent`.
    pub measure: Measure,
    pub currency: Option<String>,
    /// Symbols (`%`, `USD`, `km`) match case as written; words match the
    /// lower view. Fixed once here: the check runs for every number.
    pub symbol: bool,
}

/// Validates the rows of `units.tsv`.
pub fn load_units(rows: &[Row]) -> Result<Vec<Unit>, DataError> {
    let mut out = Vec::new();
    for row in rows {
        let measure = match Measure::parse(row.get(1)) {
            Some(m @ (Measure::Amount | Measure::Money | Measure::Percent)) => m,
            _ => {
                return Err(row.error(format!(
                    "measure `{}` is not amount, money or percent",
                    row.get(1)
                )))
            }
        };
        let name = row.get(0);
        out.push(Unit {
            name: name.to_string(),
            measure,
            currency: Some(row.get(2).to_string()).filter(|c| !c.is_empty()),
            symbol: name.chars().any(|c| c.is_uppercase() || !c.is_alphabetic()) || name.len() <= 3,
        });
    }
    // Longest spelling first, so that `kWh` wins over `kW`.
    out.sort_by_key(|u| std::cmp::Reverse(u.name.chars().count()));
    Ok(out)
}
