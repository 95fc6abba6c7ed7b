//! Explanations: why each stance record of one article was written, and why cues gave none.
//!
//! For every sentence that has a mention or a cue: the sentence, its actor and topic mentions
//! and cues marked, each record with the words that made its holder, cue and topic, the
//! negator and condition that changed its stance, and the rule that found the holder; and
//! for each cue that gave no record, the reason.

use std::fmt::Write as _;

use crate::export::one_line;
use crate::matcher::Target;
use crate::pipeline::Engine;

fn words(text: &str, (a, b): (u32, u32)) -> String {
    one_line(text.get(a as usize..b as usize).unwrap_or("")).into_owned()
}

/// Explains the analysis of one article's text.
pub fn explain(engine: &Engine, text: &str) -> String {
    let lex = &engine.lexicon;
    let analysis = engine.analyze(text);
    let hits = engine.matcher.find(text);
    let mut out = String::new();
    for (si, s) in analysis.sentences.iter().enumerate() {
        let mentions: Vec<String> = analysis
            .mentions
            .iter()
            .filter(|(i, _)| *i == si)
            .map(|(_, h)| match h.target {
                Target::Actor(a) => format!(
                    "«{}» actor {}",
                    words(text, (h.start, h.end)),
                    lex.actor(a).id
                ),
                Target::Topic { topic, opposite } => format!(
                    "«{}» topic {}{}",
                    words(text, (h.start, h.end)),
                    lex.topic(topic).id,
                    if opposite { " (its opposite)" } else { "" }
                ),
                _ => String::new(),
            })
            .collect();
        let cues: Vec<String> = hits
            .cues
            .iter()
            .filter(|h| s.contains(h.start))
            .map(|h| match h.target {
                Target::Cue(c) => format!(
                    "«{}» {} (cues.csv line {})",
                    words(text, (h.start, h.end)),
                    lex.cue(c).stance,
                    lex.cue(c).line
                ),
                _ => String::new(),
            })
            .collect();
        let records: Vec<_> = analysis
            .tagged
            .records
            .iter()
            .filter(|r| r.sentence == si)
            .collect();
        let notes: Vec<_> = analysis
            .tagged
            .notes
            .iter()
            .filter(|n| n.sentence == si)
            .collect();
        if mentions.is_empty() && cues.is_empty() {
            continue;
        }
        let _ = writeln!(out, "sentence {si} [{}..{}]", s.start, s.end);
        let _ = writeln!(out, "  {}", one_line(s.text(text)));
        if !mentions.is_empty() {
            let _ = writeln!(out, "  mentions: {}", mentions.join(" · "));
        }
        if !cues.is_empty() {
            let _ = writeln!(out, "  cues: {}", cues.join(" · "));
        }
        for r in &records {
            let holder = lex.actor(r.holder);
            let cue: Vec<String> = r
                .cue_spans
                .iter()
                .map(|&c| format!("«{}»", words(text, c)))
                .collect();
            let _ = write!(
                out,
                "  → RECORD {} {} {}: holder «{}» by rule '{}'{}; cue {}; topic «{}»",
                holder.id,
                lex.topic(r.topic).id,
                r.stance,
                words(text, r.holder_span),
                r.rule.as_str(),
                if holder.affiliation != r.holder {
                    format!(" (affiliation {})", lex.actor(holder.affiliation).id)
                } else {
                    String::new()
                },
                cue.join(" + "),
                words(text, r.topic_span),
            );
            if let Some(n) = r.negation {
                let _ = write!(out, "; negated by «{}»", words(text, n));
            }
            if let Some(c) = r.condition {
                let _ = write!(out, "; condition «{}»", words(text, c));
            }
            let _ = writeln!(out);
        }
        for n in &notes {
            let _ = writeln!(
                out,
                "  ✗ no record from «{}»: {}",
                words(text, n.cue),
                n.reason
            );
        }
        // A cue the tagger did not read as one says so too: one inside a topic's words ("a
        // pause" is the ceasefire, not a reject), before a length of time ("argued for months
        // that…"), or a participle joined by a hyphen ("NATO-backed").
        let touched = |c: (u32, u32)| {
            records
                .iter()
                .any(|r| r.cue_spans.iter().any(|&k| k.0 < c.1 && c.0 < k.1))
                || notes.iter().any(|n| n.cue.0 < c.1 && c.0 < n.cue.1)
        };
        for h in hits.cues.iter().filter(|h| s.contains(h.start)) {
            if !touched((h.start, h.end)) {
                let _ = writeln!(
                    out,
                    "  ✗ no record from «{}»: passed over without a note of its own (inside a \
                     topic's words, before a length of time, a hyphenated participle, part of \
                     a longer cue, a table cell that is not read, or a record already written \
                     for the same holder, topic and stance)",
                    words(text, (h.start, h.end))
                );
            }
        }
    }
    out
}
