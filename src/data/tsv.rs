//! The TSV format of every data file: `#` comment lines, one header row,
//! tab-separated cells, `|` between alternatives inside a cell; and the
//! merge of a user's rows into the embedded ones.

use std::fmt;

use crate::gazetteer::match_key;

/// A bad row in a data file, or a data file that cannot be read: the
/// library's one error type for data, shown as `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// 1-based; 0 when the error is about the whole file.
    pub line: usize,
    pub message: String,
}

impl DataError {
    pub(crate) fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        DataError {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for DataError {}

/// One data row: the file it comes from, its line number and its cells
/// (empty cells are `""`).
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub file: &'a str,
    pub line: usize,
    pub cells: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Cell `i`, trimmed; `""` when absent.
    pub fn get(&self, i: usize) -> &'a str {
        self.cells.get(i).map_or("", |c| c.trim())
    }

    /// An error about this row.
    pub fn error(&self, message: impl Into<String>) -> DataError {
        DataError::new(self.file, self.line, message)
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
    file: &'a str,
    content: &'a str,
    header: &[&str],
) -> Result<Vec<Row<'a>>, DataError> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        let err = |message: String| DataError::new(file, line, message);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = raw.split('\t').collect();
        if !seen_header {
            if cells != header {
                return Err(err(format!(
                    "header must be {:?}, found {:?}",
                    header.join("\t"),
                    raw
                )));
            }
            seen_header = true;
            continue;
        }
        if cells.len() > header.len() {
            return Err(err(format!(
                "{} cells, at most {} expected",
                cells.len(),
                header.len()
            )));
        }
        if cells[0].trim().is_empty() {
            return Err(err(format!("empty `{}`", header[0])));
        }
        if cells
            .iter()
            .any(|c| c.chars().any(|ch| ch == '\u{00D0}' || ch == '\u{00A0}'))
        {
            return Err(err(
                "look-alike Ð or no-break space; write Đ and a plain space".into(),
            ));
        }
        rows.push(Row { file, line, cells });
    }
    if !seen_header {
        return Err(DataError::new(file, 1, "no header row"));
    }
    Ok(rows)
}

/// The rows of the embedded file followed by those of the user's files of
/// the same name: a user row whose first cell (the canonical name) matches
/// an earlier row's replaces it in place, any other is added at the end.
pub fn merged<'a>(
    embedded: (&'a str, &'a str),
    user: impl IntoIterator<Item = (&'a str, &'a str)>,
    header: &[&str],
) -> Result<Vec<Row<'a>>, DataError> {
    let mut rows = parse_tsv(embedded.0, embedded.1, header)?;
    let mut user = user.into_iter().peekable();
    if user.peek().is_none() {
        return Ok(rows);
    }
    let mut at: std::collections::HashMap<String, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (match_key(r.get(0)), i))
        .collect();
    for (file, content) in user {
        for row in parse_tsv(file, content, header)? {
            match at.entry(match_key(row.get(0))) {
                std::collections::hash_map::Entry::Occupied(e) => rows[*e.get()] = row,
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(rows.len());
                    rows.push(row);
                }
            }
        }
    }
    Ok(rows)
}

/// Checks an ISO date cell (`YYYY-MM-DD`), empty allowed.
pub fn check_date(row: &Row, i: usize) -> Result<(), DataError> {
    let v = row.get(i);
    let ok = v.is_empty()
        || (v.len() == 10
            && v.as_bytes()[4] == b'-'
            && v.as_bytes()[7] == b'-'
            && v.split('-').all(|p| p.bytes().all(|b| b.is_ascii_digit())));
    if ok {
        Ok(())
    } else {
        Err(row.error(format!("`{v}` is not a YYYY-MM-DD date")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_rows_report_file_and_line() {
        let e = parse_tsv("y.tsv", "a\tb\n", &["a", "c"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "y.tsv:1: header must be \"a\\tc\", found \"a\\tb\""
        );
        let e = parse_tsv("y.tsv", "# c\na\tb\nx\ty\tz\n", &["a", "b"]).unwrap_err();
        assert_eq!(e.to_string(), "y.tsv:3: 3 cells, at most 2 expected");
        let e = parse_tsv("y.tsv", "", &["a", "b"]).unwrap_err();
        assert_eq!(e.to_string(), "y.tsv:1: no header row");
    }

    #[test]
    fn user_rows_replace_by_name_and_add_the_rest() {
        let header = &["name", "v"];
        let rows = merged(
            ("e.tsv", "name\tv\nBộ A\t1\nBộ B\t2\n"),
            [("u.tsv", "name\tv\r\nBỘ A\t9\r\nBộ C\t3\r\n")],
            header,
        )
        .unwrap();
        let got: Vec<(&str, &str, &str)> =
            rows.iter().map(|r| (r.file, r.get(0), r.get(1))).collect();
        assert_eq!(
            got,
            [
                ("u.tsv", "BỘ A", "9"),
                ("e.tsv", "Bộ B", "2"),
                ("u.tsv", "Bộ C", "3")
            ]
        );
    }
}
