//! The baseline of BENCHMARKS.md: a plain program that only reads the files, runs one
//! aho-corasick automaton (leftmost-longest, the actor and topic aliases of the built-in
//! lexicon) over them and splits them with `unicode-segmentation`'s sentence bounds. It writes
//! nothing. stancemap does all of this and more, so its throughput is measured against this.
//!
//! usage: cargo run --release --example baseline -- DIR [THREADS]

use std::path::PathBuf;
use std::time::Instant;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn files(dir: &PathBuf, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(args.get(1).map(String::as_str).unwrap_or("corpus"));
    let threads: usize = args.get(2).and_then(|t| t.parse().ok()).unwrap_or(0);
    let lexicon = stancemap::lexicon::Lexicon::builtin().expect("lexicon");
    let patterns: Vec<String> = lexicon
        .actors
        .iter()
        .flat_map(|a| a.forms.iter())
        .chain(lexicon.topics.iter().flat_map(|t| t.forms.iter()))
        .map(|f| f.text.clone())
        .collect();
    let started = Instant::now();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("automaton");
    let mut list = Vec::new();
    files(&dir, &mut list);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let (bytes, matches, sentences) = pool.install(|| {
        list.par_iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).unwrap_or_default();
                let m = ac.find_iter(&text).count();
                let s = text.split_sentence_bounds().count();
                (text.len(), m, s)
            })
            .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "baseline: {} files, {} bytes, {} matches, {} sentences in {:.2}s ({:.1} MB/s)",
        list.len(),
        bytes,
        matches,
        sentences,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
