//! A whole run: input folders in, tables out.
//!
//! Sources are processed in batches: each batch is read, analysed and rendered in parallel on a
//! local thread pool (order kept), then appended to the tables from this thread, so rows stream
//! out in document order and memory holds one batch at a time. The same inputs give the same
//! bytes whatever the thread count. A document that cannot be read gets a `documents.csv` row
//! with the reason and no other rows; every other document is still processed. Tables are
//! renamed into place only when every row is written.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::export::{DocOutput, Tables, render, render_failure};
use crate::input::{Source, discover, read};
use crate::pipeline::Engine;

/// What to run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Folders and files to read.
    pub inputs: Vec<PathBuf>,
    /// Folder to write the tables to.
    pub out: PathBuf,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Show a progress bar on stderr (only drawn when stderr is a terminal).
    pub progress: bool,
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunSummary {
    /// Documents processed (including failed ones).
    pub documents: u64,
    /// Sentences written.
    pub sentences: u64,
    /// Mentions written.
    pub mentions: u64,
    /// Stance records written.
    pub stances: u64,
    /// Documents or paths that failed, with the reason.
    pub failures: Vec<(String, String)>,
    /// Bytes of input read.
    pub bytes: u64,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

impl RunSummary {
    /// Input megabytes (10^6 bytes) per second.
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        }
    }

    /// The one-line summary printed at the end of a run.
    pub fn line(&self) -> String {
        format!(
            "{} documents, {} sentences, {} mentions, {} stances, {} failures in {:.2}s ({:.1} MB/s)",
            self.documents,
            self.sentences,
            self.mentions,
            self.stances,
            self.failures.len(),
            self.elapsed.as_secs_f64(),
            self.mb_per_s()
        )
    }
}

/// A run that could not start or finish; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// No article was found under the inputs.
    #[error("no inputs: no .txt articles found under {0}{1}")]
    NoInputs(String, String),
    /// The output folder cannot be written.
    #[error("cannot write to {0}: {1}")]
    Output(PathBuf, std::io::Error),
    /// The thread pool could not be built.
    #[error("cannot start {0} worker threads: {1}")]
    Threads(usize, rayon::ThreadPoolBuildError),
}

/// Documents per batch: enough to keep every core busy, few enough to bound memory.
const BATCH: usize = 64;

/// Reads, analyses and renders one source.
pub fn process(engine: &Engine, source: &Source) -> DocOutput {
    match read(source) {
        Ok(doc) => {
            let analysis = engine.analyze(&doc.text);
            render(&engine.lexicon, &doc.doc, &doc.text, doc.bytes, &analysis)
        }
        Err(e) => {
            let bytes = std::fs::metadata(&source.path)
                .map(|m| m.len())
                .unwrap_or(0);
            render_failure(&e.doc, bytes, &e.reason)
        }
    }
}

/// Runs the pipeline over `opts.inputs` and writes the tables to `opts.out`.
pub fn run(engine: &Engine, opts: &RunOptions) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    let (sources, problems) = discover(&opts.inputs);
    if sources.is_empty() {
        let names = opts
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let why = problems
            .iter()
            .map(|p| format!("; {}: {}", p.doc, p.message))
            .collect::<String>();
        return Err(RunError::NoInputs(names, why));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(|e| RunError::Threads(opts.threads, e))?;
    let mut tables =
        Tables::create(&opts.out).map_err(|e| RunError::Output(opts.out.clone(), e))?;
    let total_bytes: u64 = sources
        .iter()
        .map(|s| std::fs::metadata(&s.path).map(|m| m.len()).unwrap_or(0))
        .sum();
    let bar = if opts.progress {
        let bar = indicatif::ProgressBar::new(total_bytes);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut summary = RunSummary::default();
    let write_err = |e| RunError::Output(opts.out.clone(), e);
    for batch in sources.chunks(BATCH) {
        let outputs: Vec<DocOutput> =
            pool.install(|| batch.par_iter().map(|s| process(engine, s)).collect());
        for (source, out) in batch.iter().zip(&outputs) {
            tables.append(out).map_err(write_err)?;
            summary.documents += 1;
            summary.sentences += out.counts[0];
            summary.mentions += out.counts[1];
            summary.stances += out.counts[2];
            summary.bytes += out.bytes;
            if out.failed {
                let reason = String::from_utf8_lossy(&out.document)
                    .trim_end()
                    .rsplit(',')
                    .next()
                    .unwrap_or("")
                    .to_string();
                summary.failures.push((source.doc.clone(), reason));
            }
            bar.inc(out.bytes);
        }
    }
    for p in &problems {
        tables
            .append(&render_failure(&p.doc, 0, &p.message))
            .map_err(write_err)?;
        summary.documents += 1;
        summary.failures.push((p.doc.clone(), p.message.clone()));
    }
    tables.commit(&engine.lexicon).map_err(write_err)?;
    bar.finish_and_clear();
    summary.elapsed = started.elapsed();
    Ok(summary)
}
