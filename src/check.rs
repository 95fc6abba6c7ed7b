//! `stancemap lexicon check`: everything an analyst who edited the lexicon files should know.
//!
//! Parsing already rejects malformed rows, empty ids, duplicate ids and rows, unknown words,
//! aliases claimed by two ids and regular expressions that do not compile, every one of them
//! with its file and line (see [`crate::lexicon`]); this module adds the behavioural check:
//! every cue and marker entry is run on its own examples, each of which it must match, and on
//! its counterexamples, none of which it may match. Matching is the real thing (the full
//! automaton with every other entry present), so an entry shadowed by a longer one fails too.

use crate::lexicon::{CueIdx, Lexicon, MarkerIdx};
use crate::matcher::{Matcher, Target};

/// One failed example: `file:line: problem`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleFailure {
    /// `cues.csv` or `markers.csv`.
    pub file: &'static str,
    /// Line of the entry.
    pub line: usize,
    /// What went wrong.
    pub message: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Counts of what was checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckCounts {
    /// Entries checked.
    pub entries: usize,
    /// Examples run (both kinds).
    pub examples: usize,
}

/// Runs every example and counterexample of every cue and marker entry.
pub fn check_examples(lexicon: &Lexicon, matcher: &Matcher) -> (CheckCounts, Vec<ExampleFailure>) {
    let mut counts = CheckCounts::default();
    let mut failures = Vec::new();
    let mut run = |file: &'static str,
                   line: usize,
                   target: Target,
                   what: &str,
                   examples: &[String],
                   counter: &[String]| {
        counts.entries += 1;
        if examples.is_empty() {
            failures.push(ExampleFailure {
                file,
                line,
                message: format!("{what} has no example sentence"),
            });
        }
        if counter.is_empty() {
            failures.push(ExampleFailure {
                file,
                line,
                message: format!("{what} has no counterexample sentence"),
            });
        }
        for (list, must) in [(examples, true), (counter, false)] {
            for sentence in list {
                counts.examples += 1;
                let hits = matcher.find(sentence);
                let found = hits
                    .cues
                    .iter()
                    .chain(&hits.markers)
                    .any(|h| h.target == target);
                if found != must {
                    let message = if must {
                        format!("{what} is not found in its example {sentence:?}")
                    } else {
                        format!("{what} is found in its counterexample {sentence:?}")
                    };
                    failures.push(ExampleFailure {
                        file,
                        line,
                        message,
                    });
                }
            }
        }
    };
    for (i, c) in lexicon.cues.iter().enumerate() {
        let what = format!("cue {:?}", c.phrase);
        run(
            "cues.csv",
            c.line,
            Target::Cue(CueIdx(i as u16)),
            &what,
            &c.examples,
            &c.counterexamples,
        );
    }
    for (i, m) in lexicon.markers.iter().enumerate() {
        let what = format!("marker {:?}", m.phrase);
        run(
            "markers.csv",
            m.line,
            Target::Marker(MarkerIdx(i as u16)),
            &what,
            &m.examples,
            &m.counterexamples,
        );
    }
    (counts, failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_cue_and_marker_passes_its_examples() {
        let lexicon = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
        let matcher = Matcher::new(&lexicon).unwrap_or_else(|e| panic!("{e}"));
        let (counts, failures) = check_examples(&lexicon, &matcher);
        let report: Vec<String> = failures.iter().map(ToString::to_string).collect();
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            report.join("\n")
        );
        assert!(counts.examples >= 2 * counts.entries, "{counts:?}");
    }

    #[test]
    fn a_wrong_example_is_reported_with_its_line() {
        use crate::lexicon::LexiconFile;
        let files = [
            ("actors.csv", "id,label,kind,affiliation,aliases\nrussia,R,collective,,Russia\n"),
            ("topics.csv", "id,label,aliases\nceasefire,C,ceasefire\n"),
            (
                "cues.csv",
                "phrase,pos,stance,topic,examples,counterexamples\nreject,verb,reject,after,Moscow rejected it.|Moscow said no.,Rejection came.\n",
            ),
            ("markers.csv", "phrase,role,pos,examples,counterexamples\nnot,negation,phrase,It is not.,Nothing.|It was not.\n"),
            ("abbreviations.csv", "word,rule\nMr.,title\n"),
        ]
        .map(|(name, text)| LexiconFile { name: name.into(), text: text.into() });
        let lexicon = Lexicon::parse(&files).unwrap();
        let matcher = Matcher::new(&lexicon).unwrap();
        let (_, failures) = check_examples(&lexicon, &matcher);
        let text: Vec<String> = failures.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "cues.csv:2: cue \"reject\" is not found in its example \"Moscow said no.\"",
                "markers.csv:2: marker \"not\" is found in its counterexample \"It was not.\"",
            ]
        );
    }
}
