//! The entity table of one document (`--entities`): one row per distinct
//! body, person, document and place, with the indices of the records that
//! mention it and what those mentions add up to. Records stay as they are;
//! this is the table users load into a database next to them.

use serde::Serialize;

use crate::gazetteer::FastMap;
use crate::record::{Fields, Kind, Record};

/// One distinct thing the document names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// `e1`, `e2`, … in the order of first mention.
    pub id: String,
    pub kind: Kind,
    /// The canonical name: a body's or place's `name`, a person's full name,
    /// a document's code (else its reference as written).
    pub name: String,
    /// Indices into the document's `records`.
    pub mentions: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// A body's abbreviation, as the first mention that gives one writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abbr: Option<String>,
    /// Every title a person is given, in order, once each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    /// A document's full code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    /// The short references to a document (`Chỉ thị 05`), as written, once each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub short_refs: Vec<String>,
    /// For a body or province that was merged: what holds it now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
}

/// Builds the table one record at a time, so that a streamed document
/// needs only the table, not its records.
#[derive(Debug, Default)]
pub struct EntityTable {
    entities: Vec<Entity>,
    by_key: FastMap<(Kind, String), usize>,
    seen: usize,
}

impl EntityTable {
    /// Adds the next record of the document (its index is the number of
    /// records added before it).
    pub fn add(&mut self, r: &Record) {
        let index = self.seen;
        self.seen += 1;
        let Some((name, key)) = identity(r) else {
            return;
        };
        let kind = r.kind();
        let k = *self.by_key.entry((kind, key)).or_insert_with(|| {
            self.entities.push(Entity {
                id: format!("e{}", self.entities.len() + 1),
                kind,
                name,
                mentions: Vec::new(),
                category: None,
                abbr: None,
                titles: Vec::new(),
                code: None,
                doc_type: None,
                short_refs: Vec::new(),
                successor: None,
            });
            self.entities.len() - 1
        });
        let e = &mut self.entities[k];
        e.mentions.push(index);
        match &r.fields {
            Fields::Organization(o) => {
                e.category = e
                    .category
                    .take()
                    .or_else(|| o.category.map(|c| c.as_str().to_string()));
                e.abbr = e.abbr.take().or_else(|| o.abbr.clone());
                e.successor = e.successor.take().or_else(|| o.successor.clone());
            }
            Fields::Person(p) => {
                if let Some(t) = &p.title {
                    if !e.titles.contains(t) {
                        e.titles.push(t.clone());
                    }
                }
            }
            Fields::DocumentRef(d) => {
                e.doc_type = e.doc_type.take().or_else(|| d.doc_type.clone());
                match (&d.code, &d.refers_to) {
                    (Some(code), _) => e.code = Some(code.clone()),
                    (None, Some(code)) => {
                        e.code = Some(code.clone());
                        if !e.short_refs.contains(&r.text) {
                            e.short_refs.push(r.text.clone());
                        }
                    }
                    (None, None) => {}
                }
            }
            Fields::Location(l) => {
                e.category = e
                    .category
                    .take()
                    .or_else(|| l.category.map(|c| c.as_str().to_string()));
                e.successor = e.successor.take().or_else(|| l.successor.clone());
            }
            _ => {}
        }
    }

    pub fn finish(self) -> Vec<Entity> {
        self.entities
    }

    /// The table of a whole document's records.
    pub fn of(records: &[Record]) -> Vec<Entity> {
        let mut t = EntityTable::default();
        for r in records {
            t.add(r);
        }
        t.finish()
    }
}

/// The canonical name of what a record names, and the key mentions of the
/// same thing share; `None` for kinds that name no entity.
fn identity(r: &Record) -> Option<(String, String)> {
    let lower = |s: &str| crate::gazetteer::match_key(s);
    match &r.fields {
        Fields::Organization(o) => Some((o.name.clone(), lower(&o.name))),
        Fields::Person(p) => Some((p.name.clone(), lower(&p.name))),
        Fields::Location(l) => Some((l.name.clone(), lower(&l.name))),
        Fields::DocumentRef(d) => match d.code.as_ref().or(d.refers_to.as_ref()) {
            Some(code) => Some((code.clone(), code.to_uppercase())),
            // A named document (`Luật Đất đai`), or a short reference whose
            // full code the text never gives: its type and name as written.
            None => Some((r.text.clone(), lower(&r.text))),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_of_one_thing_share_a_row() {
        let text = "Chỉ thị số 05-CT/TW của Bộ Chính trị. Bí thư Tỉnh ủy Nguyễn Văn An dự. \
                    Thực hiện Chỉ thị 05, ông An, Chủ tịch UBND tỉnh, nói; Bộ Chính trị chỉ đạo.";
        let records = crate::extract(text);
        let table = EntityTable::of(&records);
        let doc = table.iter().find(|e| e.kind == Kind::DocumentRef).unwrap();
        assert_eq!(doc.name, "05-CT/TW");
        assert_eq!(doc.mentions.len(), 2);
        assert_eq!(doc.short_refs, ["Chỉ thị 05"]);
        let bct = table.iter().find(|e| e.name == "Bộ Chính trị").unwrap();
        assert_eq!(bct.mentions.len(), 2);
        for &m in &bct.mentions {
            assert_eq!(records[m].text, "Bộ Chính trị");
        }
        let an = table.iter().find(|e| e.kind == Kind::Person).unwrap();
        assert_eq!(an.name, "Nguyễn Văn An");
        assert_eq!(an.mentions.len(), 2, "{table:?}");
        let ids: Vec<&str> = table.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids[0], "e1");
    }
}
