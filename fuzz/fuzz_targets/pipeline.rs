//! The whole per-document pipeline on arbitrary bytes: decode (as text and as HTML), analyze,
//! render, explain, matcher.find; see ../README.md for the invariants checked.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use stancemap::export::{DocMeta, HEADERS, render};
use stancemap::input::{Kind, decode};
use stancemap::lexicon::Lexicon;
use stancemap::pipeline::{Analysis, Engine};

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::new(Lexicon::builtin().expect("builtin lexicon")).expect("engine"));

/// Checks that `(start, end)` is a valid, char-aligned byte range of `text`.
fn span(text: &str, what: &str, start: u32, end: u32) {
    let (s, e) = (start as usize, end as usize);
    assert!(
        s <= e && e <= text.len(),
        "{what}: bad span {s}..{e} (text is {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(s) && text.is_char_boundary(e),
        "{what}: span {s}..{e} not on char boundaries"
    );
}

/// Number of fields of every table, from the header lines.
fn widths() -> [usize; 4] {
    let w = |i: usize| HEADERS[i].split(',').count();
    [w(0), w(1), w(2), w(3)]
}

/// Parses CSV bytes (no headers), checks every record has `fields` fields, returns the records.
fn parse(what: &str, bytes: &[u8], fields: usize) -> Vec<csv::StringRecord> {
    assert!(std::str::from_utf8(bytes).is_ok(), "{what}: CSV is not UTF-8");
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for r in rd.records() {
        let r = r.unwrap_or_else(|e| panic!("{what}: CSV does not parse: {e}"));
        assert_eq!(r.len(), fields, "{what}: row with {} fields: {r:?}", r.len());
        rows.push(r);
    }
    rows
}

fn check_analysis(text: &str, a: &Analysis) {
    // Sentences: valid spans, in order, not overlapping.
    let mut prev_end = 0u32;
    for (i, s) in a.sentences.iter().enumerate() {
        span(text, "sentence", s.start, s.end);
        assert!(
            s.start >= prev_end,
            "sentence {i} ({}..{}) overlaps or precedes the previous one (ends at {prev_end})",
            s.start,
            s.end
        );
        prev_end = s.end;
    }
    // Mentions: valid spans, inside the sentence they name.
    for (si, h) in &a.mentions {
        span(text, "mention", h.start, h.end);
        assert!(*si < a.sentences.len(), "mention names sentence {si} of {}", a.sentences.len());
        let s = a.sentences[*si];
        assert!(
            s.start <= h.start && h.end <= s.end,
            "mention {}..{} outside its sentence {si} ({}..{})",
            h.start,
            h.end,
            s.start,
            s.end
        );
    }
    // Records and notes.
    for r in &a.tagged.records {
        assert!(
            r.sentence < a.sentences.len(),
            "record names sentence {} of {}",
            r.sentence,
            a.sentences.len()
        );
        for &(s, e) in &r.cue_spans {
            span(text, "record cue", s, e);
        }
        span(text, "record holder", r.holder_span.0, r.holder_span.1);
        span(text, "record topic", r.topic_span.0, r.topic_span.1);
        if let Some((s, e)) = r.negation {
            span(text, "record negation", s, e);
        }
        if let Some((s, e)) = r.condition {
            span(text, "record condition", s, e);
        }
    }
    for n in &a.tagged.notes {
        span(text, "note cue", n.cue.0, n.cue.1);
    }
}

fn run(text: &str, bytes: u64) {
    let engine = &*ENGINE;

    // 5. Determinism (and 1, no panic).
    let a = engine.analyze(text);
    let b = engine.analyze(text);
    assert!(a == b, "analyze is not deterministic");

    // 2, 3.
    check_analysis(text, &a);

    // matcher.find: every hit, markers included.
    let hits = engine.matcher.find(text);
    for h in hits.entities.iter().chain(&hits.cues).chain(&hits.markers) {
        span(text, "matcher.find hit", h.start, h.end);
    }

    // 4. Render: UTF-8, parses, right widths, right row counts.
    let meta = DocMeta {
        doc: "fuzz/doc,\"1\".txt",
        bytes,
        sha256: "00",
        encoding: "utf-8",
        source: "/tmp/fuzz/doc.txt",
    };
    let out = render(&engine.lexicon, &meta, text, &a);
    let [wd, ws, wm, wst] = widths();
    let docs = parse("documents", &out.document, wd);
    assert_eq!(docs.len(), 1, "documents: {} rows", docs.len());
    let n_s = parse("sentences", &out.sentences, ws).len();
    let n_m = parse("mentions", &out.mentions, wm).len();
    let n_st = parse("stances", &out.stances, wst).len();
    assert_eq!(n_s, a.sentences.len(), "sentences rows");
    assert_eq!(n_m, a.mentions.len(), "mentions rows");
    assert_eq!(n_st, a.tagged.records.len(), "stances rows");
    assert_eq!(
        out.counts,
        [n_s as u64, n_m as u64, n_st as u64],
        "DocOutput.counts"
    );

    // explain: no panic, analyses the same way.
    let _ = stancemap::explain::explain(engine, text);
}

fuzz_target!(|data: &[u8]| {
    let bytes = data.len() as u64;
    let text = decode("fuzz.txt", Kind::Text, data.to_vec()).ok().map(|d| d.text);
    if let Some(text) = &text {
        run(text, bytes);
    }
    // HTML: always decoded; its text analysed unless it is the same text as above (plain text
    // through the HTML reader often is), which halves the cost of most inputs.
    if let Ok(d) = decode("fuzz.html", Kind::Html, data.to_vec()) {
        if text.as_deref() != Some(d.text.as_str()) {
            run(&d.text, bytes);
        }
    }
});
