//! The [`Extractor`]: one immutable object that owns every list, the
//! lexicon compiled from them and the user's rules, built once and shared by
//! all worker threads; and the pipeline it runs (text → tokens → rules →
//! selection → context → records).

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use crate::data::{self, DataError, Lists, UserFile};
use crate::lexicon::Lexicon;
use crate::record::Record;
use crate::rules::user::{RulesFile, UserRules};
use crate::rules::{self, Context};
use crate::select::{self, Candidate};
use crate::text::{char_offsets, Text};
use crate::tokens::Tokens;
use crate::{context, Options};

/// What an extractor is made of.
/// The lists and their lexicon are shared between extractors that differ
/// only in their rules.
pub(crate) struct Parts {
    pub lists: Arc<Lists>,
    pub lexicon: Arc<Lexicon>,
    pub user: UserRules,
}

impl Parts {
    fn new(lists: Lists, user: UserRules) -> Parts {
        let lexicon = Arc::new(Lexicon::build(&lists));
        Parts {
            lists: Arc::new(lists),
            lexicon,
            user,
        }
    }
}

static EMBEDDED: LazyLock<Extractor> = LazyLock::new(|| {
    let lists = match Lists::build(&[]) {
        Ok(l) => l,
        // The embedded files are checked by `cargo test`.
        Err(e) => panic!("embedded data is invalid: {e}"),
    };
    Extractor {
        parts: Arc::new(Parts::new(lists, UserRules::default())),
    }
});

/// The parts of the embedded extractor.
pub(crate) fn embedded() -> &'static Parts {
    &EMBEDDED.parts
}

/// Extracts records from texts. Build one with [`Extractor::builder`] (or
/// take [`Extractor::default`], the embedded data, built once per process)
/// and share it: it is `Send + Sync`, and a clone is a pointer copy.
///
/// ```
/// let ex = vnextract::Extractor::builder()
///     .rules_str(
///         "my-rules.jsonl",
///         r#"{"kind": "organization", "phrases": ["KKT Vân Phong"], "fields": {"name": "Khu kinh tế Vân Phong", "category": "state"}}"#,
///     )
///     .build()
///     .unwrap();
/// let records = ex.extract("Đoàn công tác đến KKT Vân Phong hôm qua.");
/// assert!(records.iter().any(|r| r.text == "KKT Vân Phong" && r.rule == "user/my-rules.jsonl:1"));
/// ```
#[derive(Clone)]
pub struct Extractor {
    parts: Arc<Parts>,
}

impl Default for Extractor {
    /// The embedded data and no user rules.
    fn default() -> Self {
        EMBEDDED.clone()
    }
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("organizations", &self.parts.lists.data.organizations.len())
            .field("user_rules", &!self.parts.user.is_empty())
            .finish()
    }
}

/// Builds an [`Extractor`] from the embedded data plus user data folders,
/// data files and rules files. Nothing is read until [`build`](Self::build).
#[derive(Debug, Default, Clone)]
pub struct ExtractorBuilder {
    data_dirs: Vec<PathBuf>,
    data_files: Vec<UserFile>,
    rules_paths: Vec<PathBuf>,
    rules: Vec<RulesFile>,
}

impl ExtractorBuilder {
    /// A folder of TSV files named like `data/*.tsv` (`organizations.tsv`,
    /// `places.tsv`, …), with the same header rows: their rows are added to
    /// the embedded ones, and a row with the same canonical name (first
    /// column) replaces the embedded row.
    pub fn data_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.data_dirs.push(dir.as_ref().to_path_buf());
        self
    }

    /// One data file given as text: `name` is its file name
    /// (`organizations.tsv`), `path` what errors call it.
    pub fn data_str(
        mut self,
        name: impl Into<String>,
        path: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        self.data_files.push(UserFile {
            name: name.into(),
            path: path.into(),
            content: content.into(),
        });
        self
    }

    /// A JSON Lines file of pattern rules (see [`crate::rules::user`]).
    pub fn rules_file(mut self, path: impl AsRef<Path>) -> Self {
        self.rules_paths.push(path.as_ref().to_path_buf());
        self
    }

    /// Pattern rules given as text; `path` names them in errors and rule ids.
    pub fn rules_str(mut self, path: impl Into<String>, content: impl Into<String>) -> Self {
        self.rules.push(RulesFile {
            path: path.into(),
            content: content.into(),
        });
        self
    }

    /// Reads, validates and compiles everything. The first bad file, row or
    /// rule is the error (`file:line: message`); nothing is half-loaded.
    pub fn build(self) -> Result<Extractor, DataError> {
        let mut files = Vec::new();
        for dir in &self.data_dirs {
            files.extend(data::read_dir(dir)?);
        }
        files.extend(self.data_files);
        let mut rules = Vec::new();
        for p in &self.rules_paths {
            let path = p.display().to_string();
            let content = std::fs::read(p).map_err(|e| DataError::new(&path, 0, e.to_string()))?;
            let content = String::from_utf8(content)
                .map_err(|_| DataError::new(&path, 0, "not UTF-8 text"))?;
            rules.push(RulesFile { path, content });
        }
        rules.extend(self.rules);
        let user = UserRules::load(&rules)?;
        if files.is_empty() {
            // The embedded lists and lexicon, shared, with the user's rules.
            if user.is_empty() {
                return Ok(Extractor::default());
            }
            let e = embedded();
            return Ok(Extractor {
                parts: Arc::new(Parts {
                    lists: e.lists.clone(),
                    lexicon: e.lexicon.clone(),
                    user,
                }),
            });
        }
        let lists = Lists::build(&files)?;
        Ok(Extractor {
            parts: Arc::new(Parts::new(lists, user)),
        })
    }
}

/// The largest stretch of a document processed at once. Longer documents
/// are cut at line breaks, so that memory stays a small multiple of this
/// size whatever the document's; document-level resolution (years, short
/// names) then works within each stretch.
pub const CHUNK_BYTES: usize = 512 << 10;

/// Documents at most this long are extracted in groups of at most this
/// many bytes (see [`Extractor::extract_many`]).
pub const GROUP_BYTES: usize = 384 << 10;

/// What stands between joined documents: a line of its own that no rule
/// reads across (no rule joins words over a line break and a punctuation
/// mark, and none takes U+0001 for anything).
const SEPARATOR: &str = "\n\u{1}\n";

impl Extractor {
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The lists this extractor reads (for tools; not part of the API).
    #[doc(hidden)]
    pub fn lists(&self) -> &Lists {
        &self.parts.lists
    }

    /// Every record of `input`, all kinds.
    pub fn extract(&self, input: &str) -> Vec<Record> {
        self.extract_with(input, &Options::default())
    }

    /// The records of the kinds selected in `options`.
    pub fn extract_with(&self, input: &str, options: &Options) -> Vec<Record> {
        let mut records = Vec::new();
        self.extract_each(input, options, |r| records.push(r));
        records
    }

    /// The records of `input` handed to `f` in order, a stretch of at most
    /// [`CHUNK_BYTES`] at a time.
    pub fn extract_each(&self, input: &str, options: &Options, mut f: impl FnMut(Record)) {
        let mut start = 0;
        let mut chars = 0;
        while start < input.len() {
            let end = chunk_end(input, start);
            let piece = &input[start..end];
            let records = self
                .extract_pieces(&[(piece, options)])
                .pop()
                .unwrap_or_default();
            for mut r in records {
                r.start += chars;
                r.end += chars;
                r.byte_start += start;
                r.byte_end += start;
                f(r);
            }
            if end < input.len() {
                chars += piece.chars().count();
            }
            start = end;
        }
    }

    /// Several documents, each with its options; the records of each, in
    /// order. The same records as [`extract_with`](Self::extract_with) on
    /// each document, found faster when documents are short: a group of
    /// short documents is joined into one text, with a separator no rule
    /// reads across, so that the rules set up their tables and buffers once
    /// per group; selection and document-level resolution still run on each
    /// document alone.
    pub fn extract_many(&self, docs: &[(&str, &Options)]) -> Vec<Vec<Record>> {
        let mut out = Vec::with_capacity(docs.len());
        let mut i = 0;
        while i < docs.len() {
            let (input, options) = docs[i];
            if input.len() > GROUP_BYTES {
                out.push(self.extract_with(input, options));
                i += 1;
                continue;
            }
            let mut j = i;
            let mut bytes = 0;
            while j < docs.len() && docs[j].0.len() <= GROUP_BYTES - bytes {
                bytes += docs[j].0.len();
                j += 1;
            }
            out.extend(self.extract_pieces(&docs[i..j]));
            i = j;
        }
        out
    }

    /// Runs the pipeline over pieces of at most [`CHUNK_BYTES`].
    fn extract_pieces(&self, pieces: &[(&str, &Options)]) -> Vec<Vec<Record>> {
        let texts: Vec<Text> = pieces.iter().map(|(input, _)| Text::new(input)).collect();
        let candidates = match texts.as_slice() {
            [text] => vec![self.candidates(text, &[])],
            _ => self
                .joined_candidates(&texts)
                .unwrap_or_else(|| texts.iter().map(|t| self.candidates(t, &[])).collect()),
        };
        texts
            .iter()
            .zip(candidates)
            .zip(pieces)
            .map(|((text, c), (_, options))| self.finish(text, c, options))
            .collect()
    }

    /// The candidates of each text, found in one run of the rules over all
    /// the texts joined: every stage's tables and buffers are set up once
    /// for the group instead of once per document, which is most of what a
    /// short document costs beyond its bytes. `None` if a candidate reaches
    /// across a separator (no rule should let one): the caller then runs
    /// the texts one by one.
    fn joined_candidates(&self, texts: &[Text]) -> Option<Vec<Vec<Candidate>>> {
        let (joined, starts) = Text::join(texts, SEPARATOR);
        // The separator tokens: rules that remember what a document said
        // (`ông Nghị` after `Nguyễn Văn Nghị`) forget it there.
        let breaks: Vec<usize> = starts[1..]
            .iter()
            .map(|s| s - SEPARATOR.len() + 1)
            .collect();
        let mut out: Vec<Vec<Candidate>> = texts
            .iter()
            .map(|t| Vec::with_capacity(t.norm().len() / 40 + 16))
            .collect();
        for mut c in self.candidates(&joined, &breaks) {
            let d = starts.partition_point(|&s| s <= c.start) - 1;
            let (lo, hi) = (starts[d], starts[d] + texts[d].norm().len());
            if c.end > hi || !c.shift_back(lo, hi) {
                return None;
            }
            out[d].push(c);
        }
        Some(out)
    }

    /// Every rule's candidates in `text`; `breaks` are the starts of the
    /// separators when `text` joins several documents.
    fn candidates(&self, text: &Text, breaks: &[usize]) -> Vec<Candidate> {
        let p = &*self.parts;
        // About one candidate per 40 bytes of text: one allocation, no regrowth.
        let mut c = Vec::with_capacity(text.norm().len() / 40 + 16);
        let tokens = Tokens::with_lists(text, breaks, &p.lists, &p.lexicon);
        let cx = Context {
            text,
            tokens: &tokens,
            lists: &p.lists,
            user: &p.user,
        };
        for (_, find) in rules::RULES {
            find(&cx, &mut c);
        }
        c
    }

    /// Selection, document-level resolution and offsets of one piece.
    fn finish(&self, text: &Text, candidates: Vec<Candidate>, options: &Options) -> Vec<Record> {
        let mut selected = select::select(candidates);
        context::resolve(&mut selected);
        context::resolve_organizations(&mut selected, &self.parts.lists, text.norm());
        context::resolve_locations(&mut selected, &self.parts.lists);
        context::resolve_events(&mut selected);
        context::resolve_years(&mut selected, text.norm(), options.ref_date);
        // A text that is itself a document: its record, and the legal basis
        // its preamble cites.
        let lists = &self.parts.lists;
        if let Some(d) = crate::document::find(text.norm(), text.lower(), &selected, lists) {
            crate::document::mark_basis(text.norm(), &mut selected);
            selected.push(d);
        }
        if !options.kinds.is_empty() {
            selected.retain(|c| options.kinds.contains(&c.kind()));
        }
        to_records(text, selected)
    }
}

/// End of the stretch that starts at `start`: after the last line break
/// within [`CHUNK_BYTES`], else after the last space, else at a character.
fn chunk_end(input: &str, start: usize) -> usize {
    if input.len() - start <= CHUNK_BYTES {
        return input.len();
    }
    let limit = input.floor_char_boundary(start + CHUNK_BYTES);
    let window = &input[start..limit];
    let cut = window
        .rfind('\n')
        .or_else(|| window.rfind(' '))
        .map_or(limit, |i| start + i + 1);
    if cut > start {
        cut
    } else {
        limit.max(start + input[start..].chars().next().map_or(1, char::len_utf8))
    }
}

/// Maps selected candidates to records with original offsets.
fn to_records(text: &Text, selected: Vec<Candidate>) -> Vec<Record> {
    let original = text.original();
    let spans: Vec<(usize, usize)> = selected
        .iter()
        .map(|c| text.to_original(c.start, c.end))
        .collect();
    let positions: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    let chars = char_offsets(original, &positions);
    let mut records: Vec<Record> = selected
        .into_iter()
        .zip(spans)
        .enumerate()
        .map(|(i, (c, (bs, be)))| Record {
            text: original[bs..be].to_string(),
            start: chars[2 * i],
            end: chars[2 * i + 1],
            byte_start: bs,
            byte_end: be,
            fields: c.fields,
            rule: c.rule,
        })
        .collect();
    select::sort_by_span(&mut records, |r| (r.start, r.end));
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractors_are_shared_across_threads() {
        fn shared<T: Send + Sync + Clone>() {}
        shared::<Extractor>();
    }
}
