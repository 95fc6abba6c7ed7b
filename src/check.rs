//! `stancemap lexicon check`: everything an analyst who edited the lexicon files should know.
//!
//! Parsing already rejects malformed rows, empty ids, duplicate ids and rows, unknown words,
//! aliases claimed by two ids and regular expressions that do not compile, every one of them
//! with its file and line (see [`crate::lexicon`]); this module adds the behavioural check:
//! every cue and marker entry is run on its own examples, each of which it must match, and on
//! its counterexamples, none of which it may match. Matching is the real thing (the full
//! automaton with every other entry present), so an entry shadowed by a longer one fails too.
//! It also reports cue forms that two rows share ([`shared_cue_forms`]).

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

/// Cue forms listed in two rows that read the topic on the same side (`either` overlaps both,
/// `implicit` overlaps `after`): the same stance twice
/// makes one row redundant (an analyst who edits one of them is surprised when the other still
/// matches); two stances make the rows contradict each other, and the tagger writes both
/// readings. Reported once per pair of rows, at the later row, with the first form they share.
/// (The same phrase with the topic on two sides is deliberate: "part of any" reads a topic
/// before it and after it.)
pub fn shared_cue_forms(lexicon: &Lexicon) -> Vec<ExampleFailure> {
    use crate::lexicon::TopicSide;
    // Sides that read a topic in the same place: `either` looks both ways, and an `implicit`
    // cue reads the topic after it first.
    let overlap = |a: TopicSide, b: TopicSide| {
        a == b
            || a == TopicSide::Either
            || b == TopicSide::Either
            || matches!(
                (a, b),
                (TopicSide::Implicit, TopicSide::After) | (TopicSide::After, TopicSide::Implicit)
            )
    };
    let mut rows_of: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    let mut pairs = std::collections::BTreeMap::new();
    for (i, c) in lexicon.cues.iter().enumerate() {
        for f in &c.forms {
            let rows = rows_of.entry(f.text.as_str()).or_default();
            for &j in rows.iter() {
                let other = &lexicon.cues[j];
                if overlap(other.topic_side, c.topic_side) && j != i {
                    pairs.entry((i, j)).or_insert_with(|| f.written.clone());
                }
            }
            if !rows.contains(&i) {
                rows.push(i);
            }
        }
    }
    pairs
        .into_iter()
        .map(|((i, j), form)| {
            let (c, other) = (&lexicon.cues[i], &lexicon.cues[j]);
            let message = if c.stance == other.stance {
                format!(
                    "cue {:?} shares the form {form:?} with line {} (same stance, topic on the same side): one of the two rows is redundant",
                    c.phrase, other.line
                )
            } else {
                format!(
                    "cue {:?} ({}) shares the form {form:?} with line {} ({}), on the same topic side: the two rows contradict each other",
                    c.phrase,
                    c.stance.as_str(),
                    other.line,
                    other.stance.as_str()
                )
            };
            ExampleFailure {
                file: "cues.csv",
                line: c.line,
                message,
            }
        })
        .collect()
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
    fn the_builtin_cues_share_no_form_on_one_topic_side() {
        let lexicon = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
        let shared: Vec<String> = shared_cue_forms(&lexicon)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(shared.is_empty(), "{}", shared.join("\n"));
    }

    #[test]
    fn a_cue_form_in_two_rows_is_reported_at_the_later_row() {
        use crate::lexicon::LexiconFile;
        let cues = "phrase,pos,stance,topic,examples,counterexamples\n\
                    back,verb,support,after,x,y\n\
                    (back/endorse),verb,support,after,x,y\n\
                    endorse,verb,reject,after,x,y\n\
                    endorse,verb,support,before,x,y\n\
                    endorse,verb,reject,either,x,y\n";
        let files = [
            (
                "actors.csv",
                "id,label,kind,affiliation,aliases\nrussia,R,collective,,Russia\n",
            ),
            ("topics.csv", "id,label,aliases\nceasefire,C,ceasefire\n"),
            ("cues.csv", cues),
            (
                "markers.csv",
                "phrase,role,pos,examples,counterexamples\nnot,negation,phrase,x,y\n",
            ),
            ("abbreviations.csv", "word,rule\nMr.,title\n"),
        ]
        .map(|(name, text)| LexiconFile {
            name: name.into(),
            text: text.into(),
        });
        let lexicon = Lexicon::parse(&files).unwrap_or_else(|e| panic!("{e}"));
        let text: Vec<String> = shared_cue_forms(&lexicon)
            .iter()
            .map(ToString::to_string)
            .collect();
        // Line 5 reads the topic before: a second reading of "endorse", not a duplicate of
        // lines 3 and 4. Line 6 reads it on either side, so it overlaps all three.
        assert_eq!(
            text,
            [
                "cues.csv:3: cue \"(back/endorse)\" shares the form \"back\" with line 2 (same stance, topic on the same side): one of the two rows is redundant",
                "cues.csv:4: cue \"endorse\" (reject) shares the form \"endorse\" with line 3 (support), on the same topic side: the two rows contradict each other",
                "cues.csv:6: cue \"endorse\" (reject) shares the form \"endorse\" with line 3 (support), on the same topic side: the two rows contradict each other",
                "cues.csv:6: cue \"endorse\" shares the form \"endorse\" with line 4 (same stance, topic on the same side): one of the two rows is redundant",
                "cues.csv:6: cue \"endorse\" (reject) shares the form \"endorse\" with line 5 (support), on the same topic side: the two rows contradict each other",
            ]
        );
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
