//! Pattern rules a user loads at run time (`--rules FILE`, JSON Lines), in
//! the manner of spaCy's EntityRuler:
//!
//! ```text
//! {"kind": "document_ref", "regex": "QCVN [0-9]+:[0-9]{4}/B[A-Z]+", "fields": {"doc_type": "Quy chuẩn kỹ thuật quốc gia"}}
//! {"kind": "organization", "id": "kkt", "phrases": ["Khu kinh tế Vân Phong", "KKT Vân Phong"], "fields": {"name": "Khu kinh tế Vân Phong", "category": "state"}}
//! ```
//!
//! Phrases match like the gazetteers (any case, old or new tone placement,
//! NFD, `Ð`), between word boundaries. Regexes run on the normalized text
//! (NFC, `Đ`, plain spaces), case-sensitive unless `"case_insensitive":
//! true`; a named group whose name is a field of the kind (`(?P<code>…)`)
//! sets that field. Candidates go through the one conflict policy, where a
//! user rule wins over a built-in one on the same span.

use std::collections::HashSet;
use std::sync::Mutex;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde_json::{Map, Value};

use super::id;
use crate::data::DataError;
use crate::gazetteer::match_key;
use crate::record::{DocumentRef, Event, Fields, Kind, Location, Organization, Person, Quantity};
use crate::select::Candidate;
use crate::text::{boundary_after, boundary_before};

/// One rule of a rules file.
#[derive(Debug)]
struct Rule {
    kind: Kind,
    /// The fields of every match, as written in the file.
    fields: Map<String, Value>,
    /// `user/<id>`, or `user/<file>:<line>`.
    id: &'static str,
}

#[derive(Debug)]
struct RegexRule {
    regex: Regex,
    /// The named groups that set fields.
    groups: Vec<String>,
    rule: usize,
}

/// The user's rules, compiled.
#[derive(Debug, Default)]
pub struct UserRules {
    rules: Vec<Rule>,
    regexes: Vec<RegexRule>,
    /// All phrases of all rules over the lower view, leftmost-longest, with
    /// the rule of each pattern.
    phrases: Option<(AhoCorasick, Vec<usize>)>,
}

/// A rules file: the name shown in errors and rule ids, and its text.
#[derive(Debug, Clone)]
pub struct RulesFile {
    pub path: String,
    pub content: String,
}

/// The fields of each kind, with the keys a file may set.
const KINDS: &[Kind] = &[
    Kind::DocumentRef,
    Kind::Organization,
    Kind::Person,
    Kind::Event,
    Kind::Location,
    Kind::Quantity,
];

impl UserRules {
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Parses and compiles rules files; the first bad line is an error.
    pub fn load(files: &[RulesFile]) -> Result<UserRules, DataError> {
        let mut out = UserRules::default();
        let mut phrases: Vec<(String, usize)> = Vec::new();
        let mut ids = HashSet::new();
        for f in files {
            let label = std::path::Path::new(&f.path)
                .file_name()
                .map_or(f.path.clone(), |n| n.to_string_lossy().into_owned());
            for (i, line) in f.content.lines().enumerate() {
                let n = i + 1;
                let bad = |message: String| DataError::new(&f.path, n, message);
                if line.trim().is_empty() {
                    continue;
                }
                let v: Value =
                    serde_json::from_str(line).map_err(|e| bad(format!("invalid JSON: {e}")))?;
                let Value::Object(mut obj) = v else {
                    return Err(bad("a rule is a JSON object".into()));
                };
                let kind_name = match obj.remove("kind") {
                    Some(Value::String(k)) => k,
                    Some(_) => return Err(bad("`kind` must be a string".into())),
                    None => return Err(bad("missing `kind`".into())),
                };
                let kind = Kind::parse(&kind_name)
                    .filter(|k| KINDS.contains(k))
                    .ok_or_else(|| {
                        let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
                        bad(format!(
                            "unknown kind `{kind_name}`; user rules take {}",
                            names.join(", ")
                        ))
                    })?;
                let id = match obj.remove("id") {
                    Some(Value::String(id)) if !id.is_empty() => {
                        if !ids.insert(id.clone()) {
                            return Err(bad(format!("id `{id}` is used twice")));
                        }
                        format!("{}{id}", id::USER_PREFIX)
                    }
                    None => format!("{}{label}:{n}", id::USER_PREFIX),
                    Some(_) => return Err(bad("`id` must be a non-empty string".into())),
                };
                let case_insensitive = match obj.remove("case_insensitive") {
                    None => false,
                    Some(Value::Bool(b)) => b,
                    Some(_) => return Err(bad("`case_insensitive` must be true or false".into())),
                };
                let fields = match obj.remove("fields") {
                    None => Map::new(),
                    Some(Value::Object(m)) => m,
                    Some(_) => return Err(bad("`fields` must be an object".into())),
                };
                let regex = obj.remove("regex");
                let phrase_list = obj.remove("phrases");
                if let Some(key) = obj.keys().next() {
                    return Err(bad(format!(
                        "unknown key `{key}`; a rule has kind, regex or phrases, fields, id, case_insensitive"
                    )));
                }
                // The fields must make a record of the kind.
                fields_of(kind, &fields, &[], "x").map_err(&bad)?;
                let rule = out.rules.len();
                match (regex, phrase_list) {
                    (Some(Value::String(pattern)), None) => {
                        let regex = regex::RegexBuilder::new(&pattern)
                            .case_insensitive(case_insensitive)
                            .build()
                            .map_err(|e| bad(format!("invalid regex: {e}")))?;
                        let groups: Vec<String> =
                            regex.capture_names().flatten().map(String::from).collect();
                        for g in &groups {
                            let mut probe = fields.clone();
                            probe.insert(g.clone(), Value::String("1".into()));
                            if fields_of(kind, &probe, &[], "x").is_err() {
                                return Err(bad(format!(
                                    "group `{g}` is not a field of {kind_name}"
                                )));
                            }
                        }
                        out.regexes.push(RegexRule {
                            regex,
                            groups,
                            rule,
                        });
                    }
                    (None, Some(Value::Array(list))) if !list.is_empty() => {
                        for p in list {
                            match p {
                                Value::String(p) if !p.trim().is_empty() => {
                                    phrases.push((match_key(p.trim()), rule))
                                }
                                _ => return Err(bad("`phrases` holds non-empty strings".into())),
                            }
                        }
                    }
                    (None, Some(_)) => {
                        return Err(bad("`phrases` must be a non-empty list of strings".into()))
                    }
                    (Some(_), None) => return Err(bad("`regex` must be a string".into())),
                    (None, None) => return Err(bad("a rule needs `regex` or `phrases`".into())),
                    (Some(_), Some(_)) => {
                        return Err(bad("a rule has `regex` or `phrases`, not both".into()))
                    }
                }
                out.rules.push(Rule {
                    kind,
                    fields,
                    id: intern(id),
                });
            }
        }
        if !phrases.is_empty() {
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(phrases.iter().map(|(p, _)| p))
                .map_err(|e| DataError::new("rules", 0, format!("phrases do not compile: {e}")))?;
            out.phrases = Some((automaton, phrases.into_iter().map(|(_, r)| r).collect()));
        }
        Ok(out)
    }
}

/// Rule ids live as long as the process, like the built-in ones; each
/// distinct id is kept once, however many extractors are built.
fn intern(id: String) -> &'static str {
    static IDS: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut ids = IDS.lock().unwrap_or_else(|e| e.into_inner());
    let ids = ids.get_or_insert_with(HashSet::new);
    if let Some(&known) = ids.get(id.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(id.into_boxed_str());
    ids.insert(leaked);
    leaked
}

/// The record fields of a match: the rule's fields, then the named groups,
/// with `name` (where the kind has one) defaulting to the matched text.
fn fields_of(
    kind: Kind,
    base: &Map<String, Value>,
    groups: &[(&str, &str)],
    matched: &str,
) -> Result<Fields, String> {
    let mut m = base.clone();
    for (g, v) in groups {
        let value = match v.parse::<u32>() {
            Ok(n) if matches!(*g, "term" | "plenum" | "congress" | "ordinal") => Value::from(n),
            _ => Value::String(v.to_string()),
        };
        m.insert(g.to_string(), value);
    }
    if matches!(kind, Kind::Organization | Kind::Person | Kind::Location) {
        m.entry("name")
            .or_insert_with(|| Value::String(matched.to_string()));
    }
    let v = Value::Object(m);
    let bad = |e: serde_json::Error| format!("fields of {}: {e}", kind.as_str());
    Ok(match kind {
        Kind::DocumentRef => {
            let mut f = serde_json::from_value::<DocumentRef>(v).map_err(bad)?;
            // The user's rule names the reference as written.
            f.type_written = true;
            Fields::DocumentRef(Box::new(f))
        }
        Kind::Organization => Fields::Organization(Box::new(
            serde_json::from_value::<Organization>(v).map_err(bad)?,
        )),
        Kind::Person => Fields::Person(Box::new(serde_json::from_value::<Person>(v).map_err(bad)?)),
        Kind::Event => Fields::Event(Box::new(serde_json::from_value::<Event>(v).map_err(bad)?)),
        Kind::Location => Fields::Location(Box::new(
            serde_json::from_value::<Location>(v).map_err(bad)?,
        )),
        Kind::Quantity => Fields::Quantity(Box::new(
            serde_json::from_value::<Quantity>(v).map_err(bad)?,
        )),
        other => return Err(format!("user rules do not make {} records", other.as_str())),
    })
}

/// The candidates of the user's rules.
pub fn find(cx: &super::Context, out: &mut Vec<Candidate>) {
    let u = cx.user;
    if u.is_empty() {
        return;
    }
    let (norm, lower) = (cx.text.norm(), cx.text.lower());
    for r in &u.regexes {
        let rule = &u.rules[r.rule];
        for c in r.regex.captures_iter(norm) {
            let m = c.get(0).expect("the whole match");
            if m.is_empty() {
                continue;
            }
            let groups: Vec<(&str, &str)> = r
                .groups
                .iter()
                .filter_map(|g| c.name(g).map(|v| (g.as_str(), v.as_str())))
                .collect();
            if let Ok(fields) = fields_of(rule.kind, &rule.fields, &groups, m.as_str()) {
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    fields,
                    rule: rule.id,
                });
            }
        }
    }
    if let Some((automaton, rules)) = &u.phrases {
        for m in automaton.find_iter(lower) {
            if !boundary_before(lower, m.start()) || !boundary_after(lower, m.end()) {
                continue;
            }
            let rule = &u.rules[rules[m.pattern().as_usize()]];
            let text = &norm[m.start()..m.end()];
            if let Ok(fields) = fields_of(rule.kind, &rule.fields, &[], text) {
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    fields,
                    rule: rule.id,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(content: &str) -> Result<UserRules, String> {
        UserRules::load(&[RulesFile {
            path: "dir/my.jsonl".into(),
            content: content.into(),
        }])
        .map_err(|e| e.to_string())
    }

    #[test]
    fn bad_rules_name_file_and_line() {
        let cases = [
            ("{", "dir/my.jsonl:1: invalid JSON"),
            (
                r#"{"kind": "planet", "regex": "x"}"#,
                "dir/my.jsonl:1: unknown kind `planet`",
            ),
            (
                r#"{"kind": "date", "regex": "x"}"#,
                "dir/my.jsonl:1: unknown kind `date`",
            ),
            (
                r#"{"kind": "organization", "regex": "("}"#,
                "dir/my.jsonl:1: invalid regex",
            ),
            (
                r#"{"kind": "organization", "phrases": ["A"], "fields": {"colour": "x"}}"#,
                "dir/my.jsonl:1: fields of organization: unknown field `colour`",
            ),
            (
                r#"{"kind": "organization", "phrases": []}"#,
                "dir/my.jsonl:1: `phrases` must be",
            ),
            (
                r#"{"kind": "organization"}"#,
                "dir/my.jsonl:1: a rule needs",
            ),
            (
                r#"{"kind": "organization", "regex": "a", "flags": 1}"#,
                "dir/my.jsonl:1: unknown key `flags`",
            ),
            (
                r#"{"kind": "document_ref", "regex": "(?P<colour>a)"}"#,
                "dir/my.jsonl:1: group `colour`",
            ),
            (
                "\n{\"kind\": \"event\", \"regex\": \"a\"}",
                "dir/my.jsonl:2: fields of event: missing field `event_type`",
            ),
        ];
        for (content, want) in cases {
            let e = load(content).unwrap_err();
            assert!(e.starts_with(want), "{content}: {e}");
        }
    }

    #[test]
    fn ids_come_from_the_rule_or_its_line() {
        let u = load(
            "{\"kind\": \"organization\", \"phrases\": [\"KKT Vân Phong\"]}\n\
             {\"kind\": \"organization\", \"id\": \"x\", \"phrases\": [\"Khu B\"]}",
        )
        .unwrap();
        assert_eq!(u.rules[0].id, "user/my.jsonl:1");
        assert_eq!(u.rules[1].id, "user/x");
    }
}
