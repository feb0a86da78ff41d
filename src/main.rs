//! The `vnextract` command line: inputs → extract → JSON Lines.

use std::io::{self, BufWriter, Read, Write};
use std::panic;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::Value;

use vnextract::output::{DocumentLine, InputError};
use vnextract::{Kind, Options, Ymd};

#[derive(Parser)]
#[command(
    name = "vnextract",
    version,
    about = "Typed records from Vietnamese government and Party texts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from text files, folders of them (recursive, *.txt) or `-` (stdin).
    Extract(ExtractArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files, folders or `-` for standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output format: one JSON object per line, or a pretty array for people.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Only these kinds, comma-separated (e.g. `date,document_ref`).
    #[arg(long, value_delimiter = ',')]
    kinds: Vec<String>,
    /// How inputs are read: whole files as text, or JSON Lines with one document per line.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    input_format: InputFormat,
    /// With `--input-format jsonl`: the field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// With `--input-format jsonl`: the field holding the document id, reported as `source`.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Publication date (YYYY-MM-DD) for documents that state none: dates written
    /// without a year take its year.
    #[arg(long, value_parser = parse_date)]
    ref_date: Option<Ymd>,
    /// With `--input-format jsonl`: the field holding each document's publication date.
    #[arg(long)]
    date_field: Option<String>,
}

fn parse_date(s: &str) -> Result<Ymd, String> {
    Ymd::parse(s).ok_or_else(|| format!("`{s}` is not a date like 2025-06-30"))
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Text,
    Jsonl,
}

fn err(code: &'static str, message: impl Into<String>) -> InputError {
    InputError::new(code, message)
}

/// Writes document lines as JSONL or as one pretty array, and counts errors.
struct Sink<W: Write> {
    out: W,
    format: Format,
    written: usize,
    errors: usize,
}

impl<W: Write> Sink<W> {
    fn emit(&mut self, line: &DocumentLine) -> io::Result<()> {
        if let Some(e) = &line.error {
            self.errors += 1;
            eprintln!("vnextract: {}: {}", line.source, e.message);
        }
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, line)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, line)?;
            }
        }
        self.written += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Format::Json = self.format {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

fn main() -> ExitCode {
    // Panics inside one document are caught and reported as its error line;
    // the default hook would print a trace to the user.
    panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    let Command::Extract(args) = cli.command;
    match run(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vnextract: {e}");
            ExitCode::from(2)
        }
    }
}

/// Processes every input; returns the number of inputs that failed.
fn run(args: &ExtractArgs) -> io::Result<usize> {
    let mut kinds = Vec::new();
    for k in args.kinds.iter().filter(|k| !k.is_empty()) {
        match Kind::parse(k.trim()) {
            Some(kind) => kinds.push(kind),
            None => {
                let all: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("unknown kind `{k}`; kinds are {}", all.join(", ")),
                ));
            }
        }
    }
    let options = Options {
        kinds,
        ref_date: args.ref_date,
    };
    let stdout = io::stdout();
    let mut sink = Sink {
        out: BufWriter::new(stdout.lock()),
        format: args.format,
        written: 0,
        errors: 0,
    };
    for path in &args.paths {
        for input in expand(path) {
            match input {
                Ok(p) => process_path(&p, args, &options, &mut sink)?,
                Err((source, e)) => sink.emit(&error_line(source, e))?,
            }
        }
    }
    sink.finish()?;
    Ok(sink.errors)
}

/// A path names stdin (`-`), a file, or a folder whose `*.txt` files are
/// taken recursively in sorted order.
fn expand(path: &str) -> Vec<Result<String, (String, InputError)>> {
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
                        format!("{path}: no .txt files in this folder"),
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

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<(String, InputError)>) {
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
        if p.is_dir() {
            walk(&p, files, errors);
        } else if p.extension().is_some_and(|e| e == "txt") {
            files.push(p);
        }
    }
}

fn io_error(path: &str, e: &io::Error) -> InputError {
    match e.kind() {
        io::ErrorKind::NotFound => err("not_found", format!("{path}: no such file or folder")),
        io::ErrorKind::PermissionDenied => err("unreadable", format!("{path}: permission denied")),
        _ => err("unreadable", format!("{path}: {e}")),
    }
}

fn error_line(source: String, error: InputError) -> DocumentLine {
    DocumentLine::error(source, error)
}

fn read_input(path: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    res.map_err(|e| io_error(path, &e))?;
    Ok(bytes)
}

/// Checks that raw bytes are a text document and decodes them.
fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.is_empty() {
        return Err(err("empty", "empty input"));
    }
    if bytes.contains(&0) {
        return Err(err("binary", "binary data (NUL bytes), not a text file"));
    }
    String::from_utf8(bytes).map_err(|e| {
        err(
            "invalid_utf8",
            format!(
                "invalid UTF-8 at byte {} (convert legacy encodings to UTF-8 first)",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

fn process_path<W: Write>(
    path: &str,
    args: &ExtractArgs,
    options: &Options,
    sink: &mut Sink<W>,
) -> io::Result<()> {
    let source = if path == "-" {
        "<stdin>".to_string()
    } else {
        path.to_string()
    };
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => return sink.emit(&error_line(source, e)),
    };
    match args.input_format {
        InputFormat::Text => match decode(bytes) {
            Ok(text) => process_document(source, &text, options, sink),
            Err(e) => sink.emit(&error_line(source, e)),
        },
        InputFormat::Jsonl => process_jsonl(&source, &bytes, args, options, sink),
    }
}

/// One document per JSON line; the id field becomes `source`.
fn process_jsonl<W: Write>(
    source: &str,
    bytes: &[u8],
    args: &ExtractArgs,
    options: &Options,
    sink: &mut Sink<W>,
) -> io::Result<()> {
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let at = format!("{source}:{}", n + 1);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let value: Value = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => {
                sink.emit(&error_line(
                    at,
                    err("invalid_json", format!("not a JSON object: {e}")),
                ))?;
                continue;
            }
        };
        let id = match value.get(&args.id_field) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => at.clone(),
        };
        let doc_date = args
            .date_field
            .as_ref()
            .and_then(|f| value.get(f))
            .and_then(Value::as_str)
            .and_then(Ymd::parse);
        let doc_options = Options {
            ref_date: doc_date.or(options.ref_date),
            ..options.clone()
        };
        match value.get(&args.text_field) {
            Some(Value::String(text)) => process_document(id, text, &doc_options, sink)?,
            _ => sink.emit(&error_line(
                id,
                err(
                    "missing_field",
                    format!("{at}: no string field `{}`", args.text_field),
                ),
            ))?,
        }
    }
    Ok(())
}

fn process_document<W: Write>(
    source: String,
    text: &str,
    options: &Options,
    sink: &mut Sink<W>,
) -> io::Result<()> {
    sink.emit(&DocumentLine::extract(source, text, options))
}
