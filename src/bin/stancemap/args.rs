//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Turn folders of news articles into tables of who stands where.
#[derive(Debug, Parser)]
#[command(name = "stancemap", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse folders (or files) of articles and write the CSV tables.
    Run {
        /// Folders (walked recursively for .txt files) and files to analyse.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Folder to write the tables to (created if missing).
        #[arg(long, short)]
        out: PathBuf,
        /// Lexicon folder to use instead of the built-in lexicons.
        #[arg(long)]
        lexicons: Option<PathBuf>,
        /// Worker threads (default: one per core).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Add the articles to the tables already in --out (an article whose content is
        /// already there is not added twice; one whose file changed replaces its old rows).
        #[arg(long)]
        append: bool,
        /// Write into an --out folder that holds files stancemap did not write.
        #[arg(long)]
        force: bool,
        /// Skip files larger than this many megabytes (10^6 bytes).
        #[arg(long, default_value_t = 32)]
        max_mb: u64,
    },
    /// Score stance records against hand-annotated gold files.
    Eval {
        /// Folder of gold CSV files (one per article; see the README).
        #[arg(long)]
        gold: PathBuf,
        /// Folder holding the articles the gold files annotate.
        #[arg(long)]
        texts: PathBuf,
        /// A stances.csv to score; without it the pipeline runs on --texts.
        #[arg(long)]
        pred: Option<PathBuf>,
        /// Lexicon folder to use instead of the built-in lexicons.
        #[arg(long)]
        lexicons: Option<PathBuf>,
        /// List every missed gold record and every false predicted record.
        #[arg(long)]
        list: bool,
    },
    /// Check lexicon files: formats, ids, aliases, and every cue and marker example.
    Lexicon {
        /// What to do with the lexicon.
        #[command(subcommand)]
        action: LexiconAction,
    },
    /// Write a corpus of a given size for speed and memory measurements: the articles of
    /// `--from` repeated with deterministic variations (name spellings, quotes, paragraph
    /// order, line endings).
    Generate {
        /// Folder of source articles.
        #[arg(long, default_value = "corpus")]
        from: PathBuf,
        /// Folder to write to (1,000 articles per subfolder).
        #[arg(long)]
        out: PathBuf,
        /// Size in megabytes (10^6 bytes).
        #[arg(long, default_value_t = 100)]
        mb: u64,
        /// Seed of the variations.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Show how one article was analysed: sentences, mentions, cues, and why each stance record
    /// was (or was not) written.
    Explain {
        /// The article (a text file).
        file: PathBuf,
        /// Lexicon folder to use instead of the built-in lexicons.
        #[arg(long)]
        lexicons: Option<PathBuf>,
    },
}

/// Lexicon subcommands.
#[derive(Debug, Subcommand)]
pub enum LexiconAction {
    /// Validate a lexicon folder (or the built-in lexicons) and run every cue and marker
    /// entry on its examples and counterexamples. Exit code 1 if anything is wrong.
    Check {
        /// Lexicon folder (default: the built-in lexicons).
        #[arg(long)]
        lexicons: Option<PathBuf>,
    },
}
