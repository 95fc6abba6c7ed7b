//! The `stancemap` binary: parses the command line, builds the engine, calls the library,
//! turns the outcome into an exit code. Exit codes: 0 every document processed; 2 some inputs
//! could not be read (their rows are missing, everything else is written); 1 a fatal error
//! (bad lexicon, no inputs, unwritable output), with nothing written.

mod args;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use stancemap::eval;
use stancemap::lexicon::Lexicon;
use stancemap::pipeline::Engine;
use stancemap::run::{RunOptions, run_loading};

use args::{Cli, Command, LexiconAction};

/// mimalloc instead of the system allocator: a run makes many small, short-lived allocations
/// (per sentence and per row), and glibc's malloc and free took about 10% of a profile.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load_engine(lexicons: Option<&Path>) -> Result<Engine> {
    let lexicon = match lexicons {
        Some(dir) => Lexicon::from_dir(dir),
        None => Lexicon::builtin(),
    }
    .map_err(|e| anyhow::anyhow!("the lexicon has errors; nothing was written:\n{e}"))?;
    Engine::new(lexicon).context("cannot build the lexicon matcher")
}

/// Writes a report to standard output. A reader that stops reading ("| head") closes the
/// pipe: that ends the report quietly instead of panicking, as `print!` does.
fn write_stdout(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stancemap: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Run {
            inputs,
            out,
            lexicons,
            threads,
            append,
            force,
            max_mb,
        } => {
            let opts = RunOptions {
                inputs,
                out,
                threads,
                progress: std::io::stderr().is_terminal(),
                append,
                force,
                max_bytes: max_mb.saturating_mul(1_000_000),
            };
            let (engine, summary) = run_loading(|| load_engine(lexicons.as_deref()), &opts)?;
            // The process ends after the report: the engine's memory is left to it (freeing
            // its tries and lists took 10 ms, with the cores idle, at the end of every run).
            std::mem::forget(engine);
            let summary = summary?;
            for (doc, warning) in &summary.warnings {
                eprintln!("stancemap: warning: {doc}: {warning}");
            }
            for (doc, status) in summary.skipped.iter().chain(&summary.failures) {
                eprintln!("stancemap: {doc}: {status}");
            }
            // Files already in the tables under their own name are only counted: re-running a
            // day's folder would otherwise list every file of it.
            for (file, holder) in summary.duplicates.iter().filter(|(f, h)| f != h) {
                eprintln!("stancemap: {file}: already in the tables as {holder}");
            }
            eprintln!("{}", summary.line());
            Ok(if summary.failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
        Command::Eval {
            gold,
            texts,
            pred,
            lexicons,
            list,
        } => {
            let engine = load_engine(lexicons.as_deref())?;
            let gold_set = eval::load_gold(&gold, &texts).map_err(|e| anyhow::anyhow!("{e}"))?;
            let predicted = match pred {
                Some(path) => eval::load_predictions(&path, &engine.lexicon)
                    .map_err(|e| anyhow::anyhow!("{e}"))?,
                None => eval::predict(&engine, &texts).map_err(|e| anyhow::anyhow!("{e}"))?,
            };
            let report = eval::score(&gold_set, &predicted, &engine.lexicon);
            write_stdout(&report.render(list))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Lexicon {
            action: LexiconAction::Check { lexicons },
        } => {
            let shown = lexicons
                .as_ref()
                .map_or("the built-in lexicons".to_string(), |d| {
                    d.display().to_string()
                });
            let lexicon = match lexicons.as_deref() {
                Some(dir) => Lexicon::from_dir(dir),
                None => Lexicon::builtin(),
            };
            let engine = match lexicon {
                Ok(lexicon) => Engine::new(lexicon).context("cannot build the lexicon matcher")?,
                Err(e) => {
                    eprintln!("{shown}: the lexicon has errors:\n{e}");
                    return Ok(ExitCode::from(1));
                }
            };
            let (counts, mut failures) =
                stancemap::check::check_examples(&engine.lexicon, &engine.matcher);
            failures.extend(stancemap::check::shared_cue_forms(&engine.lexicon));
            failures.sort_by_key(|f| (f.file, f.line));
            let mut shown_failures = String::new();
            for f in &failures {
                shown_failures.push_str(&format!("{f}\n"));
            }
            write_stdout(&shown_failures)?;
            let lex = &engine.lexicon;
            write_stdout(&format!(
                "{shown}: {} actors, {} topics, {} cues, {} markers, {} abbreviations; {} examples of {} entries run, {} problems\n",
                lex.actors.len(),
                lex.topics.len(),
                lex.cues.len(),
                lex.markers.len(),
                lex.abbreviations.len(),
                counts.examples,
                counts.entries,
                failures.len()
            ))?;
            Ok(if failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Generate {
            from,
            out,
            mb,
            seed,
        } => {
            let (files, bytes) = stancemap::generate::generate(&from, &out, mb * 1_000_000, seed)
                .with_context(|| {
                format!(
                    "cannot generate a corpus from {} into {}",
                    from.display(),
                    out.display()
                )
            })?;
            eprintln!(
                "{files} articles, {bytes} bytes written to {}",
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { file, lexicons } => {
            let engine = load_engine(lexicons.as_deref())?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let source = stancemap::input::Source {
                doc: name,
                kind: stancemap::input::Kind::of(&file).unwrap_or(stancemap::input::Kind::Text),
                root: String::new(),
                path: file.clone(),
            };
            let doc = stancemap::input::read(&source, stancemap::input::DEFAULT_MAX_BYTES)
                .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), e.status))?;
            write_stdout(&stancemap::explain::explain(&engine, &doc.text))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
