//! The `vnextract` command line: inputs → extract → JSON Lines.
//!
//! Documents go in input order to a pool of workers, a batch at a time; each
//! worker reads, decodes and extracts its documents, and the main thread
//! writes the lines back in input order. At most two batches per worker are
//! in flight, so memory follows the largest document, not the batch.
//! Documents larger than [`STREAM_BYTES`] come back unextracted: the main
//! thread extracts them and streams their records straight to the output.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

mod cli;
use cli::inputs::{expand, read_input, read_jobs};
use cli::job::{Done, Input, Job, Totals};
use cli::pool::{Pool, BATCH_BYTES, BATCH_DOCS};
use cli::writer::{Progress, Writer};

use vnextract::input::{self, Encoding, ReadOptions};
use vnextract::output::InputError;
use vnextract::{Extractor, Kind, Options, Ymd};

// Extraction allocates many small strings and vectors per document; mimalloc
// serves them faster than the system allocator. Its `no_thp` feature keeps it
// off transparent huge pages: each 2 MB page it purged and touched again was
// zeroed by the kernel (about 2 % of a run), and peak memory doubled.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Documents at least this large are not extracted whole: their records are
/// streamed to the output as they are found.
const STREAM_BYTES: usize = 8 << 20;

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
    /// Extract records from files (text in any Vietnamese encoding, HTML,
    /// DOCX), folders of them (recursive: *.txt, *.html, *.htm, *.docx) or
    /// `-` (stdin).
    Extract(ExtractArgs),
    /// Print the text layer of each file exactly as `extract` reads it:
    /// records' `start`/`end` index this text.
    Text(TextArgs),
    /// Print the JSON Schema (draft 2020-12) of an output line.
    Schema,
}

#[derive(clap::Args)]
struct TextArgs {
    /// Files, or `-` for standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    #[command(flatten)]
    read: ReadArgs,
}

/// How inputs are read, for `extract` and `text`.
#[derive(clap::Args)]
struct ReadArgs {
    /// The encoding of every input (utf-8, tcvn3, vni, cp1258, viqr,
    /// utf-8-mojibake, tcvn3-mojibake, vni-mojibake). Default: detected;
    /// `utf-8` reads strictly, without detection or repair.
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<Encoding>,
    /// How inputs are read: text, html, docx, or JSON Lines with one
    /// document per line. Default: by file name (.html/.htm, .docx, else text).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
}

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            format: match self.input_format {
                Some(InputFormat::Text) => Some(input::Format::Text),
                Some(InputFormat::Html) => Some(input::Format::Html),
                Some(InputFormat::Docx) => Some(input::Format::Docx),
                Some(InputFormat::Jsonl) | None => None,
            },
            encoding: self.encoding,
        }
    }
}

fn parse_encoding(s: &str) -> Result<Encoding, String> {
    Encoding::parse(s).ok_or_else(|| {
        let all: Vec<_> = Encoding::ALL.iter().map(|e| e.as_str()).collect();
        format!("unknown encoding `{s}`; encodings are {}", all.join(", "))
    })
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
    #[command(flatten)]
    read: ReadArgs,
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
    /// Worker threads (default: all cores). Output stays in input order.
    #[arg(long)]
    threads: Option<usize>,
    /// Print a summary line on stderr at the end: documents, records, errors, MB/s.
    #[arg(long)]
    stats: bool,
    /// A folder of TSV files named like `data/*.tsv` whose rows are added to the
    /// embedded lists (a row with the same name replaces the embedded one). Repeatable.
    #[arg(long, value_name = "DIR")]
    data: Vec<PathBuf>,
    /// A JSON Lines file of pattern rules (regexes or phrases, with fields). Repeatable.
    #[arg(long, value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Add each document's entity table: one row per distinct body, person,
    /// document and place, with the indices of its mentions.
    #[arg(long)]
    entities: bool,
}

/// What every worker needs besides its jobs.
#[derive(Clone)]
struct Setup {
    ex: Extractor,
    read: ReadOptions,
    format: Format,
    entities: bool,
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
    Html,
    Docx,
    Jsonl,
}

fn err(code: &'static str, message: impl Into<String>) -> InputError {
    InputError::new(code, message)
}

fn main() -> ExitCode {
    // Panics inside one document's extraction are caught and reported as
    // its error line, quietly; any other panic is a bug and says so.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !vnextract::output::in_guarded() {
            default_hook(info);
        }
    }));
    let cli = Cli::parse();
    let args = match cli.command {
        Command::Extract(args) => args,
        Command::Text(args) => return print_text(&args),
        Command::Schema => {
            let text = vnextract::schema::schema_text();
            return match io::stdout().lock().write_all(text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("vnextract: {e}");
                    ExitCode::from(2)
                }
            };
        }
    };
    // Bad user data stops the run before any document is read.
    let mut builder = Extractor::builder();
    for d in &args.data {
        builder = builder.data_dir(d);
    }
    for r in &args.rules {
        builder = builder.rules_file(r);
    }
    let ex = match builder.build() {
        Ok(ex) => ex,
        Err(e) => {
            eprintln!("vnextract: {e}");
            return ExitCode::from(2);
        }
    };
    let setup = Setup {
        ex,
        read: args.read.options(),
        format: args.format,
        entities: args.entities,
    };
    match run(&args, &setup) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vnextract: {e}");
            ExitCode::from(2)
        }
    }
}

/// `vnextract text`: each file's text layer on stdout, errors on stderr.
fn print_text(args: &TextArgs) -> ExitCode {
    let read = args.read.options();
    let mut out = io::stdout().lock();
    let mut failed = false;
    for path in &args.paths {
        let (name, bytes) = match read_input(path) {
            Ok(b) => ((path != "-").then_some(path.as_str()), b),
            Err(e) => {
                eprintln!("vnextract: {}", e.message);
                failed = true;
                continue;
            }
        };
        match input::read(bytes, name, &read) {
            Ok(layer) => {
                if let Err(e) = out.write_all(layer.text().as_bytes()) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return ExitCode::SUCCESS;
                    }
                    eprintln!("vnextract: {e}");
                    return ExitCode::from(2);
                }
            }
            Err(e) => {
                eprintln!("vnextract: {path}: {}", e.message);
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Processes every input; returns the number of inputs that failed.
fn run(args: &ExtractArgs, setup: &Setup) -> io::Result<usize> {
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
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let inputs: Vec<Result<String, (String, InputError)>> =
        args.paths.iter().flat_map(|p| expand(p)).collect();
    // Sizes only serve the ETA of the progress line: no stat per file otherwise.
    let total_bytes: u64 = if io::stderr().is_terminal() {
        inputs
            .iter()
            .filter_map(|i| i.as_ref().ok())
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum()
    } else {
        0
    };
    let stdout = io::stdout();
    let mut writer = Writer {
        out: BufWriter::with_capacity(1 << 18, stdout.lock()),
        setup: setup.clone(),
        options: options.clone(),
        written: 0,
        totals: Totals::default(),
        progress: Progress::new(total_bytes),
    };
    let started = Instant::now();
    let pool = Pool::new(threads, &options, setup);
    let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
    let mut next = 0;
    let mut seq = 0;
    let mut batch: Vec<Job> = Vec::new();
    let mut batch_bytes = 0;
    for input in inputs {
        let jobs = match input {
            Ok(path) => read_jobs(&path, args),
            Err((source, e)) => Box::new(std::iter::once((source, Err(e), None))),
        };
        for (source, text, date) in jobs {
            let job = Job {
                seq,
                source,
                text,
                ref_date: date.or(options.ref_date),
            };
            seq += 1;
            batch_bytes += job.text.as_ref().map_or(0, Input::len);
            batch.push(job);
            if threads == 1 {
                // Files are read when processed: only lines of standard
                // input count here, and a batch of paths waits for none.
                if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                    next += writer.run_batch(std::mem::take(&mut batch))?;
                    batch_bytes = 0;
                }
                continue;
            }
            if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                pool.send(std::mem::take(&mut batch));
                batch_bytes = 0;
            }
            // Bounded window: two batches per worker in flight.
            while seq - next > threads * BATCH_DOCS * 2 {
                if !batch.is_empty() {
                    pool.send(std::mem::take(&mut batch));
                    batch_bytes = 0;
                }
                let done = pool.results.recv().expect("workers outlive the batch");
                pending.extend(done.into_iter().map(|d| (d.seq, d)));
                writer.flush_ready(&mut pending, &mut next)?;
            }
            while let Ok(done) = pool.results.try_recv() {
                pending.extend(done.into_iter().map(|d| (d.seq, d)));
            }
            writer.flush_ready(&mut pending, &mut next)?;
        }
    }
    if threads == 1 {
        next += writer.run_batch(std::mem::take(&mut batch))?;
    }
    if !batch.is_empty() {
        pool.send(batch);
    }
    while next < seq {
        let done = pool.results.recv().expect("workers outlive the batch");
        pending.extend(done.into_iter().map(|d| (d.seq, d)));
        writer.flush_ready(&mut pending, &mut next)?;
    }
    drop(pool);
    writer.finish()?;
    writer.progress.clear();
    let t = &writer.totals;
    if args.stats {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "{} documents, {} records, {} errors, {:.1} MB/s",
            t.documents,
            t.records,
            t.errors,
            t.bytes as f64 / 1e6 / secs
        );
    }
    Ok(t.errors)
}
