//! The native part of the `vnextract` Python package: an extractor built
//! from the embedded data (plus the user's), whose records cross into Python
//! as the JSON the CLI writes, so that both give the same fields and values.

use std::path::PathBuf;
use std::sync::mpsc;

mod topy;

use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use vnextract::{Kind, Options, Ymd};

/// The options of one call: kinds by name, a publication date.
fn options(kinds: Option<Vec<String>>, ref_date: Option<&str>) -> PyResult<Options> {
    let mut out = Options::default();
    for k in kinds.unwrap_or_default() {
        let kind = Kind::parse(k.trim()).ok_or_else(|| {
            let all: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            PyValueError::new_err(format!("unknown kind `{k}`; kinds are {}", all.join(", ")))
        })?;
        out.kinds.push(kind);
    }
    out.ref_date = match ref_date {
        Some(d) => Some(Ymd::parse(d).ok_or_else(|| {
            PyValueError::new_err(format!("`{d}` is not a date like 2025-06-30"))
        })?),
        None => None,
    };
    Ok(out)
}

/// Records as the CLI writes them (the same bytes as `serde_json`, faster).
fn to_json(records: &[vnextract::Record]) -> String {
    let mut out = Vec::with_capacity(256 + records.len() * 200);
    vnextract::json::write(&mut out, records).expect("records serialize");
    String::from_utf8(out).expect("JSON is UTF-8")
}

#[pyclass(frozen, module = "vnextract._vnextract")]
struct Extractor {
    inner: vnextract::Extractor,
}

#[pymethods]
impl Extractor {
    /// The embedded data plus the user's: folders of TSV lists named like
    /// `data/*.tsv`, and JSON Lines files of rules. Bad data raises
    /// `ValueError` with its `file:line`.
    #[new]
    #[pyo3(signature = (data_dir=None, rules=None))]
    fn new(data_dir: Option<Vec<PathBuf>>, rules: Option<Vec<PathBuf>>) -> PyResult<Self> {
        let mut b = vnextract::Extractor::builder();
        for d in data_dir.unwrap_or_default() {
            if !d.is_dir() {
                return Err(PyOSError::new_err(format!(
                    "{}: no such folder",
                    d.display()
                )));
            }
            b = b.data_dir(d);
        }
        for r in rules.unwrap_or_default() {
            b = b.rules_file(r);
        }
        b.build()
            .map(|inner| Extractor { inner })
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The records of many texts, one JSON array each, extracted on
    /// `threads` Rust threads (default: all cores) without the GIL.
    #[pyo3(signature = (texts, threads=None, kinds=None, ref_date=None))]
    fn extract_many_json(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        threads: Option<usize>,
        kinds: Option<Vec<String>>,
        ref_date: Option<&str>,
    ) -> PyResult<Vec<String>> {
        let options = options(kinds, ref_date)?;
        let out = py.allow_threads(|| {
            many(&self.inner, &texts, threads, &options)
                .iter()
                .map(|r| to_json(r))
                .collect()
        });
        Ok(out)
    }

    /// The records of one text, as Python dicts (built straight from the
    /// records, without JSON in between).
    #[pyo3(signature = (text, kinds=None, ref_date=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        kinds: Option<Vec<String>>,
        ref_date: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = options(kinds, ref_date)?;
        let records = py.allow_threads(|| self.inner.extract_with(text, &options));
        topy::ToPy::new(py).convert(&records)
    }

    /// The records of many texts, extracted on `threads` Rust threads
    /// without the GIL; this thread turns them into lists of dicts as they
    /// come, while the workers go on.
    #[pyo3(signature = (texts, threads=None, kinds=None, ref_date=None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        threads: Option<usize>,
        kinds: Option<Vec<String>>,
        ref_date: Option<&str>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let options = options(kinds, ref_date)?;
        let mut out: Vec<Option<Bound<'py, PyAny>>> = vec![None; texts.len()];
        let mut to = topy::ToPy::new(py);
        let (tx, rx) = mpsc::channel::<(usize, Vec<Vec<vnextract::Record>>)>();
        std::thread::scope(|s| -> PyResult<()> {
            let (inner, texts, options) = (&self.inner, &texts, &options);
            s.spawn(move || many_streamed(inner, texts, threads, options, tx));
            // Until every worker has hung up; waiting without the GIL (the
            // receiver goes along, as it may not be shared).
            let mut rx = rx;
            loop {
                let (got, back) = py.allow_threads(move || (rx.recv(), rx));
                rx = back;
                let Ok((first, found)) = got else {
                    return Ok(());
                };
                for (k, records) in found.iter().enumerate() {
                    out[first + k] = Some(to.convert(records)?);
                }
            }
        })?;
        Ok(out
            .into_iter()
            .map(|r| r.expect("every text extracted"))
            .collect())
    }
}

/// Extracts `texts` on up to `threads` threads, each taking a contiguous
/// share in groups of up to `GROUP_BYTES` as the CLI runs them, and sends
/// each group's records, with the index of its first text, once it is done.
fn many_streamed(
    ex: &vnextract::Extractor,
    texts: &[String],
    threads: Option<usize>,
    options: &Options,
    tx: mpsc::Sender<(usize, Vec<Vec<vnextract::Record>>)>,
) {
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, texts.len().max(1));
    let chunk = texts.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        for (n, texts) in texts.chunks(chunk).enumerate() {
            let tx = tx.clone();
            s.spawn(move || {
                for_groups(texts, |k, end| {
                    let docs: Vec<(&str, &Options)> = texts[k..end]
                        .iter()
                        .map(|t| (t.as_str(), options))
                        .collect();
                    // The receiver is gone only when conversion failed.
                    let _ = tx.send((n * chunk + k, ex.extract_many(&docs)));
                });
            });
        }
    });
}

/// Calls `f(k, end)` for consecutive groups `texts[k..end]` of up to
/// `GROUP_BYTES`, as the CLI extracts them.
fn for_groups(texts: &[String], mut f: impl FnMut(usize, usize)) {
    let mut k = 0;
    while k < texts.len() {
        let mut end = k + 1;
        let mut bytes = texts[k].len();
        while end < texts.len() && bytes + texts[end].len() <= vnextract::GROUP_BYTES {
            bytes += texts[end].len();
            end += 1;
        }
        f(k, end);
        k = end;
    }
}

/// Extracts `texts` on up to `threads` threads, as [`many_streamed`] does,
/// and collects the records in order.
fn many(
    ex: &vnextract::Extractor,
    texts: &[String],
    threads: Option<usize>,
    options: &Options,
) -> Vec<Vec<vnextract::Record>> {
    let (tx, rx) = mpsc::channel();
    // The channel is unbounded: every group is sent before it is read here.
    many_streamed(ex, texts, threads, options, tx);
    let mut out: Vec<Vec<vnextract::Record>> = vec![Vec::new(); texts.len()];
    for (first, found) in rx {
        for (k, records) in found.into_iter().enumerate() {
            out[first + k] = records;
        }
    }
    out
}

#[pymodule]
fn _vnextract(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add("SCHEMA", vnextract::output::SCHEMA)?;
    Ok(())
}
