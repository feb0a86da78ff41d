//! The `vnextract` command line: inputs → extract → JSON Lines.
//!
//! Documents go in input order to a pool of workers, a batch at a time; each
//! worker reads, decodes and extracts its documents, and the main thread
//! writes the lines back in input order. At most two batches per worker are
//! in flight, so memory follows the largest document, not the batch.
//! Documents larger than [`STREAM_BYTES`] come back unextracted: the main
//! thread extracts them and streams their records straight to the output.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::Value;

use vnextract::entities::EntityTable;
use vnextract::input::{self, Encoding, ReadOptions, TextLayer};
use vnextract::output::{guarded, DocumentLine, InputError, SCHEMA};
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
    // Panics inside one document are caught and reported as its error line;
    // the default hook would print a trace to the user.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    let args = match cli.command {
        Command::Extract(args) => args,
        Command::Text(args) => return print_text(&args),
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

/// One document to extract, or the error that stands for it.
struct Job {
    seq: usize,
    source: String,
    text: Result<Input, InputError>,
    ref_date: Option<Ymd>,
}

/// A document as handed to a worker: files are read, checked and decoded
/// by the worker that extracts them, which keeps the ordering thread light
/// and each document's bytes on one core.
enum Input {
    Path(String),
    /// A file's bytes, with its name (which tells the format), or stdin's.
    File(Option<String>, Vec<u8>),
    Text(String),
    /// Decoded already (a long document the writer streams).
    Layer(TextLayer),
}

impl Input {
    /// Reads a file; other inputs are already in memory.
    fn load(self) -> Result<Input, InputError> {
        match self {
            Input::Path(p) => read_input(&p).map(|b| Input::File(Some(p), b)),
            other => Ok(other),
        }
    }

    /// Bytes in memory (a path not yet read counts none).
    fn len(&self) -> usize {
        match self {
            Input::Path(_) => 0,
            Input::File(_, b) => b.len(),
            Input::Text(t) => t.len(),
            Input::Layer(l) => l.text().len(),
        }
    }

    /// The text layer the extractor reads.
    fn decode(self, read: &ReadOptions) -> Result<TextLayer, InputError> {
        match self.load()? {
            Input::File(name, b) => input::read(b, name.as_deref(), read),
            Input::Text(t) => Ok(input::from_text(t, read)),
            Input::Layer(l) => Ok(l),
            Input::Path(_) => unreachable!("load reads paths"),
        }
    }
}

/// An extracted document, serialized, with what the summary counts.
struct Done {
    seq: usize,
    /// The serialized line, without its line break.
    out: Vec<u8>,
    records: usize,
    bytes: usize,
    error: Option<String>,
    /// A document too long to hold its records: the writer streams it.
    stream: Option<Job>,
}

/// Totals for `--stats` and the progress line.
#[derive(Default)]
struct Totals {
    documents: usize,
    records: usize,
    errors: usize,
    bytes: usize,
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

/// Documents go to workers, and come back, this many at a time (fewer
/// when they hold [`BATCH_BYTES`]): one wake-up per batch instead of one per
/// small document, and short documents extracted in groups of up to
/// [`vnextract::GROUP_BYTES`], over which the rules run faster than over
/// a few documents.
const BATCH_DOCS: usize = 96;
const BATCH_BYTES: usize = 1 << 20;

/// Worker threads pulling batches of jobs from one queue.
struct Pool {
    jobs: Option<mpsc::Sender<Vec<Job>>>,
    results: mpsc::Receiver<Vec<Done>>,
    handles: Vec<std::thread::JoinHandle<()>>,
}

impl Pool {
    fn new(threads: usize, options: &Options, setup: &Setup) -> Pool {
        let (job_tx, job_rx) = mpsc::channel::<Vec<Job>>();
        let (done_tx, done_rx) = mpsc::channel::<Vec<Done>>();
        let job_rx = Arc::new(Mutex::new(job_rx));
        let handles = (0..if threads > 1 { threads } else { 0 })
            .map(|_| {
                let job_rx = Arc::clone(&job_rx);
                let done_tx = done_tx.clone();
                let options = options.clone();
                let setup = setup.clone();
                std::thread::spawn(move || loop {
                    let jobs = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok(jobs) = jobs else { return };
                    // Results go back per batch, or sooner once they are large.
                    let mut done = Vec::with_capacity(jobs.len());
                    let mut bytes = 0;
                    let mut open = true;
                    process_batch(jobs, &options, &setup, |d| {
                        bytes += d.out.len();
                        let urgent = d.stream.is_some() || bytes >= BATCH_BYTES;
                        done.push(d);
                        if urgent && open {
                            open = done_tx.send(std::mem::take(&mut done)).is_ok();
                            bytes = 0;
                        }
                    });
                    if !open || (!done.is_empty() && done_tx.send(done).is_err()) {
                        return;
                    }
                })
            })
            .collect();
        Pool {
            jobs: Some(job_tx),
            results: done_rx,
            handles,
        }
    }

    fn send(&self, jobs: Vec<Job>) {
        if let Some(tx) = &self.jobs {
            tx.send(jobs).expect("workers outlive the batch");
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.jobs.take();
        for h in self.handles.drain(..) {
            let _ = h.join();
        }
    }
}

/// Extracts one document and serializes its line; a long document goes
/// back to the writer to be streamed.
fn process(job: Job, options: &Options, setup: &Setup) -> Done {
    let mut done = None;
    process_batch(vec![job], options, setup, |d| done = Some(d));
    done.expect("one line per job")
}

/// Extracts a batch of documents and hands their serialized lines to `emit`,
/// in order. Consecutive short documents are extracted together
/// ([`vnextract::extract_many`]), at most [`vnextract::GROUP_BYTES`] at a
/// time; should that panic, each is extracted on its own, so that only the
/// document at fault gets an error line. Longer documents go one by one.
fn process_batch(jobs: Vec<Job>, options: &Options, setup: &Setup, mut emit: impl FnMut(Done)) {
    let mut group = Group::default();
    for job in jobs {
        let input = job.text.and_then(Input::load);
        if input.as_ref().is_ok_and(|i| i.len() >= STREAM_BYTES) {
            group.flush(setup, &mut emit);
            emit(Done {
                seq: job.seq,
                out: Vec::new(),
                records: 0,
                bytes: 0,
                error: None,
                stream: Some(Job { text: input, ..job }),
            });
            continue;
        }
        let text = match input.and_then(|i| i.decode(&setup.read)) {
            Ok(text) => text,
            Err(e) => {
                group.flush(setup, &mut emit);
                emit(serialized(
                    job.seq,
                    DocumentLine::error(job.source, e),
                    0,
                    setup,
                ));
                continue;
            }
        };
        let len = text.text().len();
        if group.bytes + len > vnextract::GROUP_BYTES {
            group.flush(setup, &mut emit);
        }
        let options = Options {
            ref_date: job.ref_date,
            ..options.clone()
        };
        group.bytes += len;
        group.docs.push((job.seq, job.source, text, options));
        if len > vnextract::GROUP_BYTES {
            group.flush(setup, &mut emit);
        }
    }
    group.flush(setup, &mut emit);
}

/// Decoded documents waiting to be extracted together.
#[derive(Default)]
struct Group {
    docs: Vec<(usize, String, TextLayer, Options)>,
    bytes: usize,
}

impl Group {
    fn flush(&mut self, setup: &Setup, emit: &mut impl FnMut(Done)) {
        let docs = std::mem::take(&mut self.docs);
        self.bytes = 0;
        if docs.is_empty() {
            return;
        }
        let texts: Vec<(&str, &Options)> = docs
            .iter()
            .map(|(_, _, layer, options)| (layer.text(), options))
            .collect();
        let mut found = guarded(|| setup.ex.extract_many(&texts))
            .ok()
            .map(Vec::into_iter);
        drop(texts);
        for (seq, source, layer, options) in docs {
            let line = match found.as_mut().and_then(Iterator::next) {
                Some(records) => DocumentLine::with_layer(source, &layer, records),
                None => match guarded(|| setup.ex.extract_with(layer.text(), &options)) {
                    Ok(records) => DocumentLine::with_layer(source, &layer, records),
                    Err(e) => DocumentLine::error(source, e),
                },
            };
            emit(serialized(seq, line, layer.text().len(), setup));
        }
    }
}

/// A document's line, serialized.
fn serialized(seq: usize, line: DocumentLine, bytes: usize, setup: &Setup) -> Done {
    let line = if setup.entities {
        line.with_entities()
    } else {
        line
    };
    // Output runs about three times the input: one allocation, not a dozen.
    let mut out = Vec::with_capacity(bytes.saturating_mul(3).clamp(256, 64 << 20));
    match setup.format {
        Format::Jsonl => vnextract::json::write(&mut out, &line),
        Format::Json => serde_json::to_writer_pretty(&mut out, &line),
    }
    .expect("records serialize");
    Done {
        seq,
        out,
        records: line.records.as_ref().map_or(0, Vec::len),
        bytes,
        error: line
            .error
            .map(|e| format!("{}: {}", line.source, e.message)),
        stream: None,
    }
}

/// Writes document lines in input order, as JSONL or as one pretty array.
struct Writer<W: Write> {
    out: W,
    setup: Setup,
    /// For the documents the writer streams itself.
    options: Options,
    written: usize,
    totals: Totals,
    progress: Progress,
}

impl<W: Write> Writer<W> {
    fn flush_ready(
        &mut self,
        pending: &mut BTreeMap<usize, Done>,
        next: &mut usize,
    ) -> io::Result<()> {
        while let Some(d) = pending.remove(next) {
            self.write_done(d)?;
            *next += 1;
        }
        Ok(())
    }

    fn open(&mut self) -> io::Result<()> {
        if let Format::Json = self.setup.format {
            self.out
                .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        Ok(())
    }

    /// Extracts a batch on this thread and writes its lines (one thread);
    /// returns how many lines it wrote.
    fn run_batch(&mut self, jobs: Vec<Job>) -> io::Result<usize> {
        let (options, setup) = (self.options.clone(), self.setup.clone());
        let mut written = 0;
        let mut result = Ok(());
        process_batch(jobs, &options, &setup, |d| {
            if result.is_ok() {
                result = self.write_done(d);
            }
            written += 1;
        });
        result.map(|()| written)
    }

    fn write_done(&mut self, d: Done) -> io::Result<()> {
        if let Some(job) = d.stream {
            let job = Job {
                text: job
                    .text
                    .and_then(|i| i.decode(&self.setup.read))
                    .map(Input::Layer),
                ..job
            };
            if job.text.is_ok() {
                return self.stream(job);
            }
            // Not a text after all: its error line.
            return self.write_done(process(job, &self.options, &self.setup.clone()));
        }
        self.open()?;
        self.out.write_all(&d.out)?;
        if let Format::Jsonl = self.setup.format {
            self.out.write_all(b"\n")?;
        }
        self.count(&d);
        Ok(())
    }

    fn count(&mut self, d: &Done) {
        if let Some(e) = &d.error {
            self.progress.clear();
            eprintln!("vnextract: {e}");
            self.totals.errors += 1;
        }
        self.written += 1;
        self.totals.documents += 1;
        self.totals.records += d.records;
        self.totals.bytes += d.bytes;
        self.progress.update(&self.totals);
    }

    /// Writes a large document's line while its records are found.
    fn stream(&mut self, job: Job) -> io::Result<()> {
        let Ok(Input::Layer(layer)) = job.text else {
            unreachable!("only decoded texts are streamed")
        };
        let text = layer.text();
        let options = Options {
            ref_date: job.ref_date,
            ..self.options.clone()
        };
        self.open()?;
        let source = serde_json::to_string(&job.source).expect("serializes");
        let chars = text.chars().count();
        let mut described = DocumentLine::error(String::new(), InputError::new("", ""));
        described.describe(&layer);
        write!(self.out, "{{\"schema\":\"{SCHEMA}\",\"source\":{source},")?;
        if let Some(f) = described.format {
            write!(self.out, "\"format\":\"{f}\",")?;
        }
        if let Some(e) = described.encoding {
            write!(self.out, "\"encoding\":\"{e}\",")?;
        }
        write!(self.out, "\"chars\":{chars},\"records\":[")?;
        let mut n = 0;
        let mut failure: Option<io::Error> = None;
        let out = &mut self.out;
        let ex = &self.setup.ex;
        let mut table = self.setup.entities.then(EntityTable::default);
        let result = guarded(|| {
            ex.extract_each(text, &options, |mut r| {
                if failure.is_some() {
                    return;
                }
                layer.map_record(&mut r);
                if let Some(t) = table.as_mut() {
                    t.add(&r);
                }
                let sep: &[u8] = if n == 0 { b"" } else { b"," };
                let res = out
                    .write_all(sep)
                    .and_then(|_| serde_json::to_writer(&mut *out, &r).map_err(io::Error::from));
                if let Err(e) = res {
                    failure = Some(e);
                }
                n += 1;
            })
        });
        if let Some(e) = failure {
            return Err(e);
        }
        self.out.write_all(b"]")?;
        if let Some(t) = table {
            self.out.write_all(b",\"entities\":")?;
            serde_json::to_writer(&mut self.out, &t.finish()).map_err(io::Error::from)?;
        }
        let error = match result {
            Ok(()) => None,
            Err(e) => {
                // The records so far stay; the error is part of the same line.
                let e = serde_json::to_string(&e).expect("serializes");
                self.out.write_all(b",\"error\":")?;
                self.out.write_all(e.as_bytes())?;
                Some(format!("{}: internal error while extracting", job.source))
            }
        };
        self.out.write_all(b"}")?;
        if let Format::Jsonl = self.setup.format {
            self.out.write_all(b"\n")?;
        }
        let d = Done {
            seq: job.seq,
            out: Vec::new(),
            records: n,
            bytes: text.len(),
            error,
            stream: None,
        };
        self.count(&d);
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Format::Json = self.setup.format {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// Files done, MB/s and ETA on stderr while it is a terminal.
struct Progress {
    on: bool,
    total: u64,
    started: Instant,
    last: Instant,
}

impl Progress {
    fn new(total: u64) -> Progress {
        let now = Instant::now();
        Progress {
            on: io::stderr().is_terminal(),
            total,
            started: now,
            last: now,
        }
    }

    fn update(&mut self, t: &Totals) {
        if !self.on || self.last.elapsed() < Duration::from_millis(250) {
            return;
        }
        self.last = Instant::now();
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let rate = t.bytes as f64 / secs;
        let eta = if rate > 0.0 && self.total > t.bytes as u64 {
            format!(", ETA {:.0} s", (self.total - t.bytes as u64) as f64 / rate)
        } else {
            String::new()
        };
        eprint!(
            "\r{} files, {:.1} MB, {:.1} MB/s{eta}   ",
            t.documents,
            t.bytes as f64 / 1e6,
            rate / 1e6
        );
    }

    fn clear(&mut self) {
        if self.on && self.started.elapsed() >= Duration::from_millis(250) {
            eprint!("\r{:60}\r", "");
        }
    }
}

/// A path names stdin (`-`), a file, or a folder whose text, HTML and Word files are
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
const READ_EXTENSIONS: [&str; 5] = ["txt", "html", "htm", "xhtml", "docx"];

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

fn io_error(path: &str, e: &io::Error) -> InputError {
    match e.kind() {
        io::ErrorKind::NotFound => err("not_found", format!("{path}: no such file or folder")),
        io::ErrorKind::PermissionDenied => err("unreadable", format!("{path}: permission denied")),
        _ => err("unreadable", format!("{path}: {e}")),
    }
}

fn read_input(path: &str) -> Result<Vec<u8>, InputError> {
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

type JobInput = (String, Result<Input, InputError>, Option<Ymd>);

/// The documents of one input path: the whole file, or one per JSON line,
/// read as they are needed.
fn read_jobs<'a>(path: &str, args: &'a ExtractArgs) -> Box<dyn Iterator<Item = JobInput> + 'a> {
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
fn jsonl_job(at: &str, line: &[u8], args: &ExtractArgs) -> Option<JobInput> {
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
