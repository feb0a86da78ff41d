//! Document-level resolution after selection: what one mention tells about
//! another in the same document.

use crate::record::Fields;
use crate::select::Candidate;

/// Fills `refers_to` of short references (`Chỉ thị 05`) from a full code of
/// the same type and number elsewhere in the document (the nearest one
/// before it, else the first after), and the `doc_type` of bare codes from a
/// typed mention of the same code.
pub fn resolve(candidates: &mut [Candidate]) {
    let full: Vec<(usize, String, String, String)> = candidates
        .iter()
        .filter_map(|c| match &c.fields {
            Fields::DocumentRef(f) => Some((
                c.start,
                f.code.clone()?,
                f.number.clone()?,
                f.doc_type.clone().unwrap_or_default(),
            )),
        })
        .collect();
    let typed_codes: Vec<(String, String)> = candidates
        .iter()
        .filter(|c| c.rule != "document_ref/code")
        .filter_map(|c| match &c.fields {
            Fields::DocumentRef(f) => Some((f.code.clone()?, f.doc_type.clone()?)),
        })
        .collect();
    for c in candidates.iter_mut() {
        let Fields::DocumentRef(f) = &mut c.fields;
        match (&f.code, &f.number, &f.doc_type) {
            (None, Some(number), Some(doc_type)) => {
                let same = |(_, _, n, t): &&(usize, String, String, String)| {
                    t == doc_type && same_number(n, number)
                };
                let before = full.iter().rev().filter(same).find(|x| x.0 < c.start);
                let any = before.or_else(|| full.iter().find(same));
                f.refers_to = any.map(|x| x.1.clone());
            }
            // A bare code takes the type word written with the same code
            // elsewhere (`Quy định số 08-QĐ/TW` makes `08-QĐ/TW` a Quy định).
            (Some(code), _, _) if c.rule == "document_ref/code" => {
                let typed = typed_codes.iter().find(|(c2, _)| c2 == code);
                if let Some((_, t)) = typed {
                    f.doc_type = Some(t.clone());
                }
            }
            _ => {}
        }
    }
}

/// `05` and `5` are the same document number.
fn same_number(a: &str, b: &str) -> bool {
    a.trim_start_matches('0') == b.trim_start_matches('0')
}
