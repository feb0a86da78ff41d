//! The worker pool: batches of documents read, decoded, extracted and serialized on
//! worker threads, and the extraction of one batch that the single-thread run shares.

use std::sync::{mpsc, Arc, Mutex};

use vnextract::input::TextLayer;
use vnextract::output::{guarded, DocumentLine};
use vnextract::Options;

use super::job::{Done, Input, Job};
use crate::{err, Format, Setup, STREAM_BYTES};

/// Documents go to workers, and come back, this many at a time (fewer
/// when they hold [`BATCH_BYTES`]): one wake-up per batch instead of one per
/// small document, and short documents extracted in groups of up to
/// [`vnextract::GROUP_BYTES`], over which the rules run faster than over
/// a few documents.
pub(crate) const BATCH_DOCS: usize = 96;
pub(crate) const BATCH_BYTES: usize = 1 << 20;

/// Worker threads pulling batches of jobs from one queue.
pub(crate) struct Pool {
    pub(crate) jobs: Option<mpsc::Sender<Vec<Job>>>,
    pub(crate) results: mpsc::Receiver<Vec<Done>>,
    pub(crate) handles: Vec<std::thread::JoinHandle<()>>,
}

impl Pool {
    pub(crate) fn new(threads: usize, options: &Options, setup: &Setup) -> Pool {
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
                    process_batch_or_fail(jobs, &options, &setup, |d| {
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

    pub(crate) fn send(&self, jobs: Vec<Job>) {
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
pub(crate) fn process(job: Job, options: &Options, setup: &Setup) -> Done {
    let mut done = None;
    process_batch(vec![job], options, setup, |d| done = Some(d));
    done.expect("one line per job")
}

/// Extracts a batch of documents and hands their serialized lines to `emit`,
/// in order. Consecutive short documents are extracted together
/// ([`vnextract::extract_many`]), at most [`vnextract::GROUP_BYTES`] at a
/// time; should that panic, each is extracted on its own, so that only the
/// document at fault gets an error line. Longer documents go one by one.
pub(crate) fn process_batch(
    jobs: Vec<Job>,
    options: &Options,
    setup: &Setup,
    mut emit: impl FnMut(Done),
) {
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

/// [`process_batch`], and should it fail outside the guarded extraction
/// (a bug), an `internal` error line for each document it left: the
/// writer waits for every line, so a lost one would hang the run.
pub(crate) fn process_batch_or_fail(
    jobs: Vec<Job>,
    options: &Options,
    setup: &Setup,
    mut emit: impl FnMut(Done),
) {
    let left: Vec<(usize, String)> = jobs.iter().map(|j| (j.seq, j.source.clone())).collect();
    let mut emitted = 0;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        process_batch(jobs, options, setup, |d| {
            emitted += 1;
            emit(d);
        })
    }));
    if result.is_err() {
        for (seq, source) in left.into_iter().skip(emitted) {
            let e = err(
                "internal",
                "internal error: the worker processing this document failed",
            );
            emit(serialized(seq, DocumentLine::error(source, e), 0, setup));
        }
    }
}

/// Decoded documents waiting to be extracted together.
#[derive(Default)]
pub(crate) struct Group {
    pub(crate) docs: Vec<(usize, String, TextLayer, Options)>,
    pub(crate) bytes: usize,
}

impl Group {
    pub(crate) fn flush(&mut self, setup: &Setup, emit: &mut impl FnMut(Done)) {
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
pub(crate) fn serialized(seq: usize, line: DocumentLine, bytes: usize, setup: &Setup) -> Done {
    if line.error.is_none() {
        inject_fault(&line.source);
    }
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

/// For the tests only: `VNEXTRACT_INJECT_PANIC=NAME` makes a worker panic
/// outside the guarded extraction on the document whose source holds NAME.
pub(crate) fn inject_fault(source: &str) {
    static FAULT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let fault = FAULT.get_or_init(|| std::env::var("VNEXTRACT_INJECT_PANIC").ok());
    if let Some(name) = fault.as_deref() {
        if !name.is_empty() && source.contains(name) {
            panic!("injected failure for {source}");
        }
    }
}
