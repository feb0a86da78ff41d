//! The ordered writer: lines in input order, long documents streamed, the
//! summary and the progress line.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use vnextract::entities::EntityTable;
use vnextract::output::{guarded, SCHEMA};
use vnextract::Options;

use super::job::{Done, Input, Job, Totals};
use super::pool::{process, process_batch_or_fail};
use crate::{Format, Setup};

/// Writes document lines in input order, as JSONL or as one pretty array.
pub(crate) struct Writer<W: Write> {
    pub(crate) out: W,
    pub(crate) setup: Setup,
    /// For the documents the writer streams itself.
    pub(crate) options: Options,
    pub(crate) written: usize,
    pub(crate) totals: Totals,
    pub(crate) progress: Progress,
}

impl<W: Write> Writer<W> {
    pub(crate) fn flush_ready(
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

    pub(crate) fn open(&mut self) -> io::Result<()> {
        if let Format::Json = self.setup.format {
            self.out
                .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        Ok(())
    }

    /// Extracts a batch on this thread and writes its lines (one thread);
    /// returns how many lines it wrote.
    pub(crate) fn run_batch(&mut self, jobs: Vec<Job>) -> io::Result<usize> {
        let (options, setup) = (self.options.clone(), self.setup.clone());
        let mut written = 0;
        let mut result = Ok(());
        process_batch_or_fail(jobs, &options, &setup, |d| {
            if result.is_ok() {
                result = self.write_done(d);
            }
            written += 1;
        });
        result.map(|()| written)
    }

    pub(crate) fn write_done(&mut self, d: Done) -> io::Result<()> {
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

    pub(crate) fn count(&mut self, d: &Done) {
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
    pub(crate) fn stream(&mut self, job: Job) -> io::Result<()> {
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
        let (format, encoding) = layer.described();
        write!(self.out, "{{\"schema\":\"{SCHEMA}\",\"source\":{source},")?;
        if let Some(f) = format {
            write!(self.out, "\"format\":\"{f}\",")?;
        }
        if let Some(e) = encoding {
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

    pub(crate) fn finish(&mut self) -> io::Result<()> {
        if let Format::Json = self.setup.format {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// Files done, MB/s and ETA on stderr while it is a terminal.
pub(crate) struct Progress {
    pub(crate) on: bool,
    pub(crate) total: u64,
    pub(crate) started: Instant,
    pub(crate) last: Instant,
}

impl Progress {
    pub(crate) fn new(total: u64) -> Progress {
        let now = Instant::now();
        Progress {
            on: io::stderr().is_terminal(),
            total,
            started: now,
            last: now,
        }
    }

    pub(crate) fn update(&mut self, t: &Totals) {
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

    pub(crate) fn clear(&mut self) {
        if self.on && self.started.elapsed() >= Duration::from_millis(250) {
            eprint!("\r{:60}\r", "");
        }
    }
}
