//! A whole run: input folders in, tables out.
//!
//! Sources are processed in batches: each batch is read, analysed and rendered in parallel on a
//! local thread pool (order kept), then appended to the tables from this thread, so rows stream
//! out in document order and memory holds one batch at a time. The same inputs give the same
//! bytes whatever the thread count. A document that cannot be read, or is not an article, gets
//! a `documents.csv` row with the reason and no other rows; every other document is still
//! processed.
//!
//! The tables are written as a new generation of the output folder ([`crate::store`]) and
//! switched into place at once when every row is written; a run that fails or is killed
//! leaves the previous tables as they were.
//!
//! **Appending** (`--append`) carries the existing rows over and adds the new documents'. A
//! file is identified by its content (the `sha256` column) and by where it is (the `source`
//! column, its absolute path):
//!
//! - the same content as a document already in the tables, under any name: not added again
//!   (counted as "already in the tables");
//! - a known path whose content changed: analysed again, its old rows removed and its new rows
//!   added at the end, under its old name;
//! - a known path that still cannot be read, with the same status: left as it is;
//! - anything else: added; a name already used in the tables is prefixed with its input
//!   folder's name ("2025-08-20/a.txt"), then numbered ("a.txt#2").
//!
//! Running the same command twice leaves the tables byte-identical (the second run changes
//! nothing and writes nothing). Tables written with other lexicons are refused: mixing rows
//! of two lexicons would make counts that mean nothing.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::export::{CarryError, DocMeta, DocOutput, Tables, render_failure, render_with};
use crate::input::{Source, discover, open_ahead, read_opened};
use crate::pipeline::Engine;
use crate::store::{FORMAT, Manifest, Store, StoreError};

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
    /// Add to the tables in `out` instead of replacing them.
    pub append: bool,
    /// Write into an output folder that holds files stancemap did not write.
    pub force: bool,
    /// Files larger than this are skipped.
    pub max_bytes: u64,
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunSummary {
    /// Documents that got rows in this run (processed, failed or skipped).
    pub documents: u64,
    /// Of those, documents whose earlier rows they replaced (`--append`).
    pub replaced: u64,
    /// Files not added because the tables already hold their content: (file, the document
    /// holding it).
    pub duplicates: Vec<(String, String)>,
    /// Documents carried over unchanged from the existing tables (`--append`).
    pub kept: u64,
    /// Sentences written.
    pub sentences: u64,
    /// Mentions written.
    pub mentions: u64,
    /// Stance records written.
    pub stances: u64,
    /// Documents or paths that could not be read, with their status.
    pub failures: Vec<(String, String)>,
    /// Files skipped as not articles (binary, too large), with their status.
    pub skipped: Vec<(String, String)>,
    /// Documents read with a warning (a legacy encoding, damaged bytes).
    pub warnings: Vec<(String, String)>,
    /// Files left alone because of their extension.
    pub ignored: usize,
    /// Did the tables change?
    pub written: bool,
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
        let mut extra = Vec::new();
        if self.replaced > 0 {
            extra.push(format!("{} replaced", self.replaced));
        }
        let unchanged = self.duplicates.iter().filter(|(f, h)| f == h).count();
        if unchanged > 0 {
            extra.push(format!("{unchanged} unchanged"));
        }
        let elsewhere = self.duplicates.len() - unchanged;
        if elsewhere > 0 {
            extra.push(format!("{elsewhere} already in the tables"));
        }
        if self.kept > 0 {
            extra.push(format!("{} kept", self.kept));
        }
        if !self.skipped.is_empty() {
            extra.push(format!("{} skipped", self.skipped.len()));
        }
        if self.ignored > 0 {
            extra.push(format!("{} other files ignored", self.ignored));
        }
        if !self.written {
            extra.push("tables unchanged".to_string());
        }
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join(", "))
        };
        format!(
            "{} documents, {} sentences, {} mentions, {} stances, {} failures in {:.2}s ({:.1} MB/s){extra}",
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

/// A run that could not start or finish; the tables were not changed.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// No article was found under the inputs.
    #[error("no inputs: no articles (.txt, .md, .html) found under {0}{1}")]
    NoInputs(String, String),
    /// The output folder cannot be used or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A table file could not be written.
    #[error("cannot write to {0}: {1}")]
    Output(PathBuf, std::io::Error),
    /// The existing tables could not be carried over.
    #[error("cannot append to the tables")]
    Carry(#[from] CarryError),
    /// The existing tables were written with other lexicons or by another version.
    #[error(
        "cannot append to the tables in {dir}: they were made {why}; mixing their rows with \
         new ones would count different things together. Write to a new --out folder, or run \
         without --append to replace them"
    )]
    Mismatch {
        /// The output folder.
        dir: PathBuf,
        /// What differs.
        why: String,
    },
    /// The thread pool could not be built.
    #[error("cannot start {0} worker threads: {1}")]
    Threads(usize, rayon::ThreadPoolBuildError),
}

/// Most documents per batch.
const BATCH: usize = 256;

/// Input bytes per batch: enough to keep every core busy, few enough to bound memory (a batch
/// being analysed and one being written are in memory at once, each a few times its input).
const BATCH_BYTES: u64 = 8 << 20;

/// The absolute path of a file, as recorded in the `source` column.
fn source_of(path: &Path) -> String {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// [`source_of`] for many paths, resolving each folder once: `canonicalize` reads every
/// component of a path as a possible link, and doing that for each of 20,000 files was 4% of a
/// run. A path whose last component is not itself a link resolves to its resolved folder plus
/// its name, which is what `canonicalize` gives. With each path, the size of a regular file
/// that is not a link, from the same `lstat` (`None` for others: a link's size is its
/// target's, read when needed).
fn sources_of<'p>(paths: impl Iterator<Item = &'p Path>) -> Vec<(String, Option<u64>)> {
    let mut folders: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    paths
        .map(|path| {
            let meta = std::fs::symlink_metadata(path).ok();
            let plain = meta.as_ref().is_some_and(|m| !m.file_type().is_symlink());
            let size = meta.filter(|m| m.file_type().is_file()).map(|m| m.len());
            let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
                return (source_of(path), size);
            };
            if !plain || parent.as_os_str().is_empty() {
                return (source_of(path), size);
            }
            let folder = folders
                .entry(parent.to_path_buf())
                .or_insert_with(|| std::fs::canonicalize(parent).ok());
            match folder {
                Some(f) => (f.join(name).display().to_string(), size),
                None => (source_of(path), size),
            }
        })
        .collect()
}

/// Reads, analyses and renders one source, named `doc` in the tables.
/// `src` is the source's absolute path, for the `source` column.
pub fn process(
    engine: &Engine,
    source: &Source,
    src: &str,
    doc: &str,
    max_bytes: u64,
) -> DocOutput {
    process_opened(engine, source, None, None, src, doc, max_bytes)
}

/// [`process`], reading the file [`open_ahead`] opened when there is one. Never inlined: it
/// is called once per document, and profiles count a document's work as the work under it.
#[inline(never)]
fn process_opened(
    engine: &Engine,
    source: &Source,
    opened: Option<std::fs::File>,
    size: Option<u64>,
    src: &str,
    doc: &str,
    max_bytes: u64,
) -> DocOutput {
    match read_opened(source, opened, size, max_bytes) {
        Ok(d) => {
            let mut analysis = engine.analyze(&d.text);
            if analysis.date.is_none() {
                analysis.date = d.date.clone();
            }
            let meta = DocMeta {
                doc,
                bytes: d.bytes,
                sha256: &d.sha256,
                encoding: &d.encoding,
                source: src,
            };
            let mut out = render_with(&engine.cells, &engine.lexicon, &meta, &d.text, &analysis);
            out.warning = d.warning;
            out
        }
        Err(e) => {
            let bytes = std::fs::metadata(&source.path)
                .map(|m| m.len())
                .unwrap_or(0);
            let sha256 = e.sha256.unwrap_or_default();
            let meta = DocMeta {
                doc,
                bytes,
                sha256: &sha256,
                encoding: "",
                source: src,
            };
            render_failure(&meta, &e.status)
        }
    }
}

/// A document already in the tables.
#[derive(Clone, Debug)]
struct Known {
    doc: String,
    sha256: String,
    status: String,
}

/// The `documents.csv` rows of a generation: by source path, and content hash → document.
fn known_documents(path: &Path) -> Result<Vec<(String, Known)>, CarryError> {
    let mut rdr = csv::Reader::from_path(path)
        .map_err(|e| CarryError::Format(path.to_path_buf(), e.to_string()))?;
    let headers = rdr
        .headers()
        .map_err(|e| CarryError::Format(path.to_path_buf(), e.to_string()))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| CarryError::Format(path.to_path_buf(), format!("no {name} column")))
    };
    let (doc, sha, status, source) = (col("doc")?, col("sha256")?, col("status")?, col("source")?);
    let mut out = Vec::new();
    for r in rdr.records() {
        let r = r.map_err(|e| CarryError::Format(path.to_path_buf(), e.to_string()))?;
        let get = |i: usize| crate::export::unguard_formula(r.get(i).unwrap_or("")).to_string();
        out.push((
            get(source),
            Known {
                doc: get(doc),
                sha256: get(sha),
                status: get(status),
            },
        ));
    }
    Ok(out)
}

/// What to do with each source of an appending run.
enum Plan {
    /// Process it under this name.
    Add(String),
    /// Process it under this (old) name, replacing that document's rows.
    Replace(String),
    /// Leave the tables' rows for it (this document's) as they are.
    Unchanged(String),
}

/// The sources found under a run's inputs, with their absolute paths and sizes
/// ([`sources_of`]).
struct Discovered {
    found: crate::input::Found,
    sources_abs: Vec<(String, Option<u64>)>,
}

/// Walks the inputs and resolves the sources' absolute paths: the part of a run that needs
/// no engine.
fn discover_sources(inputs: &[PathBuf]) -> Discovered {
    let found = discover(inputs);
    let sources_abs = sources_of(found.sources.iter().map(|s| s.path.as_path()));
    Discovered { found, sources_abs }
}

/// The worker pool of a run.
fn pool_of(threads: usize) -> Result<rayon::ThreadPool, RunError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| RunError::Threads(threads, e))
}

/// Runs the pipeline over `opts.inputs` and writes the tables to `opts.out`.
pub fn run(engine: &Engine, opts: &RunOptions) -> Result<RunSummary, RunError> {
    let started = Instant::now();
    let pool = pool_of(opts.threads)?;
    let discovered = discover_sources(&opts.inputs);
    run_discovered(engine, opts, &pool, discovered, started)
}

/// [`run`] with the engine built by `load`, on one worker while another walks the inputs
/// (building the engine and walking 20,000 files were each a serial tenth of a second
/// before any document was read). With one worker, the engine is built first, then the
/// inputs walked. An engine that cannot be built is the outer error, and nothing is
/// written; `elapsed` counts from before the engine was built. The engine is handed back
/// with the run's result (a caller about to exit need not spend the time to free it).
pub fn run_loading<E: Send>(
    load: impl FnOnce() -> Result<Engine, E> + Send,
    opts: &RunOptions,
) -> Result<(Engine, Result<RunSummary, RunError>), E> {
    let started = Instant::now();
    let pool = match pool_of(opts.threads) {
        Ok(pool) => pool,
        Err(e) => return Ok((load()?, Err(e))),
    };
    let (engine, discovered) = pool.join(load, || discover_sources(&opts.inputs));
    let engine = engine?;
    let result = run_discovered(&engine, opts, &pool, discovered, started);
    Ok((engine, result))
}

/// [`run`] once the inputs are walked.
fn run_discovered(
    engine: &Engine,
    opts: &RunOptions,
    pool: &rayon::ThreadPool,
    discovered: Discovered,
    started: Instant,
) -> Result<RunSummary, RunError> {
    let Discovered { found, sources_abs } = discovered;
    if found.sources.is_empty() && found.problems.is_empty() {
        let names = opts
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let why = if found.ignored > 0 {
            format!(" ({} files of other types ignored)", found.ignored)
        } else {
            String::new()
        };
        return Err(RunError::NoInputs(names, why));
    }
    let store = Store::open(&opts.out, opts.force)?;
    let previous = if opts.append { store.current()? } else { None };
    if let Some(prev) = &previous {
        let why = if prev.manifest.format != FORMAT {
            Some(format!(
                "by another version of stancemap ({}, table format {}; this one writes format {FORMAT})",
                prev.manifest.writer, prev.manifest.format
            ))
        } else if prev.manifest.lexicons != engine.lexicon.fingerprint {
            Some(format!(
                "with other lexicons (fingerprint {}; these lexicons are {})",
                prev.manifest.lexicons, engine.lexicon.fingerprint
            ))
        } else {
            None
        };
        if let Some(why) = why {
            return Err(RunError::Mismatch {
                dir: opts.out.clone(),
                why,
            });
        }
    }
    let known = match &previous {
        Some(prev) => known_documents(&prev.table("documents.csv"))?,
        None => Vec::new(),
    };
    let mut summary = RunSummary {
        ignored: found.ignored,
        ..RunSummary::default()
    };

    // Plan: which sources to process, under which names, replacing what.
    let by_source: HashMap<&str, &Known> = known.iter().map(|(s, k)| (s.as_str(), k)).collect();
    let mut removed: HashSet<String> = HashSet::new();
    let mut plans: Vec<Plan> = Vec::with_capacity(found.sources.len());
    {
        // Sources at a known path: unchanged (same bytes, or same failure) or replaced.
        let rereads: Vec<Option<Plan>> = pool.install(|| {
            found
                .sources
                .par_iter()
                .zip(&sources_abs)
                .map(|(s, (abs, _))| {
                    let k = by_source.get(abs.as_str())?;
                    let same = match std::fs::read(&s.path) {
                        Ok(bytes) => crate::input::sha256_hex(&bytes) == k.sha256,
                        Err(_) => k.status.starts_with("failed"),
                    };
                    Some(if same {
                        Plan::Unchanged(k.doc.clone())
                    } else {
                        Plan::Replace(k.doc.clone())
                    })
                })
                .collect()
        });
        // Sized once for every name it may take: grown by doubling, each larger table came
        // from fresh memory the kernel cleared (a run's lists of 20,000 sources showed as
        // `clear_page` in profiles).
        let mut used: HashSet<String> = HashSet::with_capacity(known.len() + found.sources.len());
        used.extend(known.iter().map(|(_, k)| k.doc.clone()));
        for (s, plan) in found.sources.iter().zip(rereads) {
            let plan = match plan {
                Some(Plan::Replace(doc)) => {
                    removed.insert(doc.clone());
                    Plan::Replace(doc)
                }
                Some(p) => p,
                None => {
                    let mut name = s.doc.clone();
                    if used.contains(&name) && !s.root.is_empty() && !name.starts_with(&s.root) {
                        name = format!("{}/{}", s.root, s.doc);
                    }
                    let base = name.clone();
                    let mut n = 1;
                    while used.contains(&name) {
                        n += 1;
                        name = format!("{base}#{n}");
                    }
                    used.insert(name.clone());
                    Plan::Add(name)
                }
            };
            plans.push(plan);
        }
    }
    let problem_plans: Vec<bool> = found
        .problems
        .iter()
        .map(|p| {
            // A problem already recorded with the same status stays as it is.
            !known
                .iter()
                .any(|(_, k)| k.doc == p.doc && k.status == p.message)
        })
        .collect();

    let staged = store.begin()?;
    let write_err = |e| RunError::Output(opts.out.clone(), e);
    let mut tables = Tables::create(staged.path()).map_err(write_err)?;
    // Content already in the tables, and where.
    let mut contents: HashMap<String, String> =
        HashMap::with_capacity(known.len() + found.sources.len());
    if let Some(prev) = &previous {
        tables.carry(&prev.dir, &engine.lexicon, |doc| !removed.contains(doc))?;
        summary.kept = tables.documents();
        for (_, k) in &known {
            if !removed.contains(&k.doc) && !k.sha256.is_empty() {
                contents.entry(k.sha256.clone()).or_insert(k.doc.clone());
            }
        }
    }

    // (source, its absolute path, its name in the tables, whether it replaces old rows, its
    // size when discovery's `lstat` gave it)
    let mut todo: Vec<(&Source, &str, &str, bool, Option<u64>)> =
        Vec::with_capacity(found.sources.len());
    todo.extend(
        found
            .sources
            .iter()
            .zip(&sources_abs)
            .zip(&plans)
            .filter_map(|((s, (abs, size)), p)| match p {
                Plan::Add(name) => Some((s, abs.as_str(), name.as_str(), false, *size)),
                Plan::Replace(name) => Some((s, abs.as_str(), name.as_str(), true, *size)),
                Plan::Unchanged(_) => None,
            }),
    );
    for (s, p) in found.sources.iter().zip(&plans) {
        if let Plan::Unchanged(holder) = p {
            summary.duplicates.push((s.doc.clone(), holder.clone()));
        }
    }
    let sizes: Vec<u64> = todo
        .iter()
        .map(|&(s, .., size)| {
            size.unwrap_or_else(|| std::fs::metadata(&s.path).map(|m| m.len()).unwrap_or(0))
        })
        .collect();
    let total_bytes: u64 = sizes.iter().sum();
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
    let mut changed = !removed.is_empty();
    // Batches by size, so that memory follows the batch, not the corpus. While the workers
    // analyse one batch, this thread writes the previous one (rayon's join runs both in the
    // pool), so writing does not leave the cores idle.
    let mut batches: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (i, &size) in sizes.iter().enumerate() {
        bytes += size;
        if bytes >= BATCH_BYTES || i + 1 - start >= BATCH {
            batches.push(start..i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < todo.len() {
        batches.push(start..todo.len());
    }
    let mut pending: Option<(std::ops::Range<usize>, Vec<DocOutput>)> = None;
    let mut write = |range: std::ops::Range<usize>,
                     outputs: Vec<DocOutput>,
                     tables: &mut Tables,
                     summary: &mut RunSummary|
     -> Result<(), RunError> {
        // The batch's rows are written at once, from the documents' buffers (see
        // `Tables::append_all`), in the order they are counted here.
        let mut rows: Vec<&DocOutput> = Vec::with_capacity(outputs.len());
        for ((source, _, name, replaces, _), out) in todo[range].iter().zip(&outputs) {
            bar.inc(out.bytes);
            summary.bytes += out.bytes;
            if !out.sha256.is_empty() {
                if let Some(holder) = contents.get(&out.sha256) {
                    summary
                        .duplicates
                        .push((source.doc.clone(), holder.clone()));
                    continue;
                }
                contents.insert(out.sha256.clone(), name.to_string());
            }
            rows.push(out);
            changed = true;
            summary.documents += 1;
            summary.replaced += u64::from(*replaces);
            summary.sentences += out.counts[0];
            summary.mentions += out.counts[1];
            summary.stances += out.counts[2];
            if out.failed {
                let entry = (name.to_string(), out.status.clone());
                if out.status.starts_with("skipped") {
                    summary.skipped.push(entry);
                } else {
                    summary.failures.push(entry);
                }
            }
            if let Some(w) = &out.warning {
                summary.warnings.push((name.to_string(), w.clone()));
            }
        }
        tables
            .append_all(&rows)
            .map_err(|e| RunError::Output(opts.out.clone(), e))?;
        tables.sync_behind();
        Ok(())
    };
    // The files of a batch are opened, and their bytes asked of the disk, while the batch
    // before it is analysed (see `open_ahead`): with several workers, next to the writing
    // (one worker opens and writes while the others analyse); with one, before the batch
    // before it is analysed (the worker would run the two one after the other, and the
    // disk would only be asked once there was nothing left to overlap).
    let parallel = pool.current_num_threads() > 1;
    let open_batch = |range: &std::ops::Range<usize>| -> Vec<Option<std::fs::File>> {
        todo[range.clone()]
            .iter()
            .map(|(s, ..)| open_ahead(s))
            .collect()
    };
    let mut ahead = batches.first().map(open_batch).unwrap_or_default();
    for (b, range) in batches.iter().enumerate() {
        let range = range.clone();
        let batch = &todo[range.clone()];
        let next = batches.get(b + 1);
        let opened = std::mem::take(&mut ahead);
        if !parallel {
            ahead = next.map(open_batch).unwrap_or_default();
        }
        let analyse = || -> Vec<DocOutput> {
            opened
                .into_par_iter()
                .zip(batch.par_iter())
                .map(|(file, &(s, abs, name, _, size))| {
                    process_opened(engine, s, file, size, abs, name, opts.max_bytes)
                })
                .collect()
        };
        let previous = pending.take();
        let (outputs, written) = pool.join(analyse, || {
            if parallel {
                ahead = next.map(open_batch).unwrap_or_default();
            }
            match previous {
                Some((r, outs)) => write(r, outs, &mut tables, &mut summary),
                None => Ok(()),
            }
        });
        written?;
        pending = Some((range, outputs));
    }
    if let Some((r, outs)) = pending.take() {
        write(r, outs, &mut tables, &mut summary)?;
    }
    for (p, add) in found.problems.iter().zip(problem_plans) {
        let entry = (p.doc.clone(), p.message.clone());
        if p.message.starts_with("skipped") {
            summary.skipped.push(entry);
        } else {
            summary.failures.push(entry);
        }
        if !add {
            continue;
        }
        let src = source_of(&p.path);
        let meta = DocMeta {
            doc: &p.doc,
            bytes: 0,
            sha256: "",
            encoding: "",
            source: &src,
        };
        tables
            .append(&render_failure(&meta, &p.message))
            .map_err(write_err)?;
        changed = true;
        summary.documents += 1;
    }
    bar.finish_and_clear();
    if changed || previous.is_none() {
        let manifest = Manifest {
            format: FORMAT,
            lexicons: engine.lexicon.fingerprint.clone(),
            writer: format!("stancemap {}", env!("CARGO_PKG_VERSION")),
            documents: tables.documents(),
        };
        tables.finish(&engine.lexicon).map_err(write_err)?;
        staged.commit(&manifest)?;
        summary.written = true;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folder cache gives what `canonicalize` gives, links included: a plain file, a file
    /// that is a link, a file in a linked folder, a link to a link, a relative path, a missing
    /// file.
    #[test]
    fn absolute_sources_are_canonical_paths() {
        let dir = tempfile::tempdir().unwrap();
        let p = |s: &str| dir.path().join(s);
        std::fs::create_dir_all(p("real/sub")).unwrap();
        std::fs::write(p("real/a.txt"), "a").unwrap();
        std::fs::write(p("real/sub/b.txt"), "b").unwrap();
        std::os::unix::fs::symlink(p("real/sub/b.txt"), p("real/link-to-b.txt")).unwrap();
        std::os::unix::fs::symlink(p("real/link-to-b.txt"), p("real/link-to-link.txt")).unwrap();
        std::os::unix::fs::symlink(p("real/sub"), p("linked")).unwrap();
        let paths = [
            p("real/a.txt"),
            p("real/link-to-b.txt"),
            p("real/link-to-link.txt"),
            p("linked/b.txt"),
            p("real/sub/../a.txt"),
            p("real/missing.txt"),
            PathBuf::from("Cargo.toml"),
            PathBuf::from("src/../Cargo.toml"),
        ];
        let cached: Vec<String> = sources_of(paths.iter().map(PathBuf::as_path))
            .into_iter()
            .map(|(abs, _)| abs)
            .collect();
        let each: Vec<String> = paths.iter().map(|p| source_of(p)).collect();
        assert_eq!(cached, each);
        assert!(cached[1].ends_with("real/sub/b.txt"), "{}", cached[1]);
        assert!(cached[3].ends_with("real/sub/b.txt"), "{}", cached[3]);
    }
}
