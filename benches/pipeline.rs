//! Throughput of each stage and of a whole document, over the team corpus (`corpus/`).
//!
//! Every benchmark first computes its result once and asserts that it did real work (counts
//! that a broken stage could not reach), so a fast wrong answer fails instead of being timed.
//! Results read as bytes of article text per second.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use stancemap::export::{DocMeta, render_with};
use stancemap::lexicon::Lexicon;
use stancemap::pipeline::Engine;
use stancemap::text::scan_words;

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&p).expect("utf-8 article");
            (name, text.trim_start_matches('\u{feff}').to_string())
        })
        .collect()
}

/// The `documents.csv` facts of a corpus article (not measured).
fn meta<'a>(doc: &'a str, text: &str) -> DocMeta<'a> {
    DocMeta {
        doc,
        bytes: text.len() as u64,
        sha256: "",
        encoding: "utf-8",
        source: doc,
    }
}

fn stages(c: &mut Criterion) {
    let engine = Engine::new(Lexicon::builtin().expect("lexicon")).expect("engine");
    let docs = corpus();
    assert!(docs.len() >= 30, "the corpus has {} articles", docs.len());
    let bytes: u64 = docs.iter().map(|(_, t)| t.len() as u64).sum();

    // Precomputed inputs of the later stages, and checks that each stage does its work.
    let sentences: Vec<_> = docs
        .iter()
        .map(|(_, t)| engine.segmenter.segment(t))
        .collect();
    let n_sentences: usize = sentences.iter().map(Vec::len).sum();
    assert!(
        n_sentences > 1_000,
        "segmentation found only {n_sentences} sentences"
    );
    let n_words: usize = docs
        .iter()
        .map(|(_, t)| scan_words(t, 0..t.len()).len())
        .sum();
    assert!(
        n_words > 10 * n_sentences,
        "word scan found only {n_words} words in {n_sentences} sentences"
    );
    let hits: Vec<_> = docs
        .iter()
        .zip(&sentences)
        .map(|((_, t), s)| engine.hits(t, s))
        .collect();
    let n_entities: usize = hits.iter().map(|h| h.entities.len()).sum();
    assert!(
        n_entities > 2_000,
        "matching found only {n_entities} mentions"
    );
    let records: usize = docs
        .iter()
        .zip(&sentences)
        .zip(&hits)
        .map(|(((_, t), s), h)| engine.tagger.tag(t, s, h).records.len())
        .sum();
    assert!(records > 200, "tagging found only {records} records");
    let analyses: Vec<_> = docs.iter().map(|(_, t)| engine.analyze(t)).collect();
    let rendered: usize = docs
        .iter()
        .zip(&analyses)
        .map(|((d, t), a)| {
            render_with(&engine.cells, &engine.lexicon, &meta(d, t), t, a)
                .sentences
                .len()
        })
        .sum();
    assert!(
        rendered as u64 > bytes,
        "sentences.csv holds every sentence: {rendered} bytes"
    );

    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("segment", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(_, t)| engine.segmenter.segment(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("words", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(_, t)| scan_words(black_box(t), 0..t.len()).len())
                .sum::<usize>()
        })
    });
    g.bench_function("match", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&sentences)
                .map(|((_, t), s)| engine.hits(black_box(t), s).entities.len())
                .sum::<usize>()
        })
    });
    g.bench_function("stance", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&sentences)
                .zip(&hits)
                .map(|(((_, t), s), h)| engine.tagger.tag(black_box(t), s, h).records.len())
                .sum::<usize>()
        })
    });
    g.bench_function("export", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&analyses)
                .map(|((d, t), a)| {
                    render_with(&engine.cells, &engine.lexicon, &meta(d, t), black_box(t), a)
                        .stances
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("whole_document", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(d, t)| {
                    let a = engine.analyze(black_box(t));
                    render_with(&engine.cells, &engine.lexicon, &meta(d, t), t, &a)
                        .stances
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
