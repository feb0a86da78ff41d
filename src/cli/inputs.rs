//! The inputs of a run: paths expanded into files, files and JSON lines into jobs.

use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;
use vnextract::output::InputError;
use vnextract::Ymd;

use super::job::Input;
use crate::{err, ExtractArgs, InputFormat};

/// A path names stdin (`-`), a file, or a folder whose text, HTML and Word files are
/// taken recursively in sorted order.
pub(crate) fn expand(path: &str) -> Vec<Result<String, (String, InputError)>> {
    if path == "-" {
        return vec![Ok(path.to_string())];
    }
    let p = Path::new(path);
    match std::fs::metadata(p) {
        Err(e) => vec![Err((path.to_string(), io_error(path, &e)))],
        Ok(m) if m.is_dir() => {
            let mut files = Vec::new();
            let mut errors = Vec::new();
            walk(p, &mut files, &mut errors);
            files.sort();
            if files.is_empty() && errors.is_empty() {
                return vec![Err((
                    path.to_string(),
                    err(
                        "no_text_files",
                        format!("{path}: no .txt, .html, .htm or .docx files in this folder"),
                    ),
                ))];
            }
            let mut out: Vec<_> = errors.into_iter().map(Err).collect();
            out.extend(
                files
                    .into_iter()
                    .map(|f| Ok(f.to_string_lossy().into_owned())),
            );
            out
        }
        Ok(_) => vec![Ok(path.to_string())],
    }
}

/// The files a folder walk takes: text, HTML and Word files (`.doc` and
/// `.pdf` are left to the user to convert).
pub(crate) const READ_EXTENSIONS: [&str; 5] = ["txt", "html", "htm", "xhtml", "docx"];

pub(crate) fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<(String, InputError)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let s = dir.display().to_string();
            errors.push((s.clone(), io_error(&s, &e)));
            return;
        }
    };
    for entry in entries.flatten() {
        let p = entry.path();
        // The directory entry knows its type; only links need a stat.
        let is_dir = match entry.file_type() {
            Ok(t) if !t.is_symlink() => t.is_dir(),
            _ => p.is_dir(),
        };
        if is_dir {
            walk(&p, files, errors);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| READ_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            files.push(p);
        }
    }
}

pub(crate) fn io_error(path: &str, e: &io::Error) -> InputError {
    match e.kind() {
        io::ErrorKind::NotFound => err("not_found", format!("{path}: no such file or folder")),
        io::ErrorKind::PermissionDenied => err("unreadable", format!("{path}: permission denied")),
        _ => err("unreadable", format!("{path}: {e}")),
    }
}

pub(crate) fn read_input(path: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        // One stat (for the size) and reads: no seek.
        std::fs::read(path).map(|b| bytes = b)
    };
    res.map_err(|e| io_error(path, &e))?;
    Ok(bytes)
}

pub(crate) type JobInput = (String, Result<Input, InputError>, Option<Ymd>);

/// The documents of one input path: the whole file, or one per JSON line,
/// read as they are needed.
pub(crate) fn read_jobs<'a>(
    path: &str,
    args: &'a ExtractArgs,
) -> Box<dyn Iterator<Item = JobInput> + 'a> {
    let source = if path == "-" {
        "<stdin>".to_string()
    } else {
        path.to_string()
    };
    if !matches!(args.read.input_format, Some(InputFormat::Jsonl)) {
        // Files are read by the worker that extracts them.
        let text = if path == "-" {
            read_input(path).map(|b| Input::File(None, b))
        } else {
            Ok(Input::Path(path.to_string()))
        };
        return Box::new(std::iter::once((source, text, None)));
    }
    let reader: io::BufReader<Box<dyn Read>> = if path == "-" {
        io::BufReader::new(Box::new(io::stdin()))
    } else {
        match std::fs::File::open(path) {
            Ok(f) => io::BufReader::new(Box::new(f)),
            Err(e) => {
                return Box::new(std::iter::once((
                    source.clone(),
                    Err(io_error(&source, &e)),
                    None,
                )))
            }
        }
    };
    let mut lines = reader.split(b'\n').enumerate();
    let mut failed = false;
    Box::new(std::iter::from_fn(move || loop {
        if failed {
            return None;
        }
        let (n, line) = lines.next()?;
        let at = format!("{source}:{}", n + 1);
        match line {
            Ok(line) => {
                if let Some(job) = jsonl_job(&at, &line, args) {
                    return Some(job);
                }
            }
            Err(e) => {
                failed = true;
                return Some((at.clone(), Err(io_error(&at, &e)), None));
            }
        }
    }))
}

/// One document from a JSON line; the id field becomes `source`.
pub(crate) fn jsonl_job(at: &str, line: &[u8], args: &ExtractArgs) -> Option<JobInput> {
    let at = at.to_string();
    {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let value: Value = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => {
                return Some((
                    at,
                    Err(err("invalid_json", format!("not a JSON object: {e}"))),
                    None,
                ))
            }
        };
        let id = match value.get(&args.id_field) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => at.clone(),
        };
        let date = args
            .date_field
            .as_ref()
            .and_then(|f| value.get(f))
            .and_then(Value::as_str)
            .and_then(Ymd::parse);
        match value.get(&args.text_field) {
            Some(Value::String(text)) => Some((id, Ok(Input::Text(text.clone())), date)),
            _ => Some((
                id,
                Err(err(
                    "missing_field",
                    format!("{at}: no string field `{}`", args.text_field),
                )),
                date,
            )),
        }
    }
}
