//! Matching: every lexicon pattern found in a document, in one pass.
//!
//! In: a [`Lexicon`] (once, to build), then document texts. Out: [`Hits`], three sorted lists
//! of spans in the document's byte offsets: entities (actor and topic mentions), stance cues,
//! and grammatical markers.
//!
//! How: the document is folded ([`crate::text::fold`]: ASCII case, curly quotes, white space)
//! and one aho-corasick automaton over all folded patterns reports every occurrence
//! (overlapping). A hit counts only on word boundaries (when the pattern starts or ends with a
//! word character, the text beside it must not be one), and short all-capital aliases only in
//! capitals ("US" is not "us"). Then, per layer, the longest valid hit at the leftmost position
//! wins and hits within it are dropped: at every position the longest alias that sits on word
//! boundaries is kept, so "peacekeeping" is still found in "peacekeeping forces" when
//! "peacekeeping force" is a longer alias that fails the boundary check. Markers are kept
//! unless a longer marker contains them, so one word can play two roles (a title and a
//! non-actor noun). Cues given as regular expressions run on the folded text too.
//!
//! Always: hits are on character boundaries of the document, inside it, sorted by start; the
//! same text gives the same hits.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::lexicon::{ActorIdx, CueIdx, Form, Lexicon, MarkerIdx, TopicIdx};
use crate::text::{Folded, char_at, char_before, fold, is_word_char};

/// What a hit is a hit of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A mention of an actor.
    Actor(ActorIdx),
    /// A mention of a topic; `opposite` when the words name its opposite ("sanctions relief").
    Topic {
        /// The topic.
        topic: TopicIdx,
        /// Do the words name the topic's opposite?
        opposite: bool,
    },
    /// A stance cue.
    Cue(CueIdx),
    /// A grammatical marker.
    Marker(MarkerIdx),
}

/// One occurrence of a pattern in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the first byte in the document.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// What was found.
    pub target: Target,
    /// Was it a verb's past participle (for passives)?
    pub participle: bool,
}

/// All hits of a document, by layer, each sorted by start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    /// Actor and topic mentions, non-overlapping.
    pub entities: Vec<Hit>,
    /// Stance cues, non-overlapping.
    pub cues: Vec<Hit>,
    /// Grammatical markers; two markers may share a span.
    pub markers: Vec<Hit>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Entity,
    Cue,
    Marker,
}

impl Target {
    fn layer(self) -> Layer {
        match self {
            Target::Actor(_) | Target::Topic { .. } => Layer::Entity,
            Target::Cue(_) => Layer::Cue,
            Target::Marker(_) => Layer::Marker,
        }
    }
}

/// What one automaton pattern stands for (one folded string may stand for several).
#[derive(Clone, Debug)]
struct PatternInfo {
    target: Target,
    /// The exact text the original must have, for exact-case forms.
    exact: Option<Box<str>>,
    participle: bool,
}

/// The compiled lexicon automaton. Build once, share across threads.
#[derive(Clone, Debug)]
pub struct Matcher {
    automaton: AhoCorasick,
    /// For automaton pattern `i`: `infos[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    infos: Vec<PatternInfo>,
    /// Does the pattern start / end with a word character (then that edge needs a boundary)?
    edges: Vec<(bool, bool)>,
    regexes: Vec<(Regex, CueIdx)>,
    /// The role of each marker: a marker inside a longer one is dropped only when both have the
    /// same role ("no" inside "no longer"), not otherwise ("would" inside "would not").
    marker_roles: Vec<crate::lexicon::Role>,
}

/// The matcher could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The automaton could not be built (too many or too long patterns).
    #[error("cannot build the lexicon automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
    /// A regular-expression cue does not compile.
    #[error("cue on line {line} of cues.csv: {source}")]
    Regex {
        /// The cue's line.
        line: usize,
        /// The compiler's error.
        source: regex::Error,
    },
}

impl Matcher {
    /// Builds the automaton over every form of the lexicon.
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, BuildError> {
        let mut by_text: std::collections::BTreeMap<String, Vec<PatternInfo>> = Default::default();
        let mut add = |form: &Form, target: Target| {
            let key = form.text.to_lowercase();
            by_text.entry(key).or_default().push(PatternInfo {
                target,
                exact: form.exact_case.then(|| form.text.clone().into_boxed_str()),
                participle: form.participle,
            });
        };
        for (i, a) in lexicon.actors.iter().enumerate() {
            for f in &a.forms {
                add(f, Target::Actor(ActorIdx(i as u16)));
            }
        }
        for (i, t) in lexicon.topics.iter().enumerate() {
            for f in &t.forms {
                add(
                    f,
                    Target::Topic {
                        topic: TopicIdx(i as u16),
                        opposite: false,
                    },
                );
            }
            for f in &t.opposite_forms {
                add(
                    f,
                    Target::Topic {
                        topic: TopicIdx(i as u16),
                        opposite: true,
                    },
                );
            }
        }
        for (i, c) in lexicon.cues.iter().enumerate() {
            for f in &c.forms {
                add(f, Target::Cue(CueIdx(i as u16)));
            }
        }
        for (i, m) in lexicon.markers.iter().enumerate() {
            for f in &m.forms {
                add(f, Target::Marker(MarkerIdx(i as u16)));
            }
        }
        let mut patterns = Vec::with_capacity(by_text.len());
        let mut starts = Vec::with_capacity(by_text.len() + 1);
        let mut infos = Vec::new();
        let mut edges = Vec::with_capacity(by_text.len());
        for (text, list) in by_text {
            starts.push(infos.len() as u32);
            infos.extend(list);
            let first = text.chars().next().is_some_and(is_word_char);
            let last = text.chars().next_back().is_some_and(is_word_char);
            edges.push((first, last));
            patterns.push(text);
        }
        starts.push(infos.len() as u32);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)?;
        let mut regexes = Vec::new();
        for (i, c) in lexicon.cues.iter().enumerate() {
            if let Some(re) = &c.regex {
                let compiled =
                    Regex::new(&format!("(?i){re}")).map_err(|source| BuildError::Regex {
                        line: c.line,
                        source,
                    })?;
                regexes.push((compiled, CueIdx(i as u16)));
            }
        }
        let marker_roles = lexicon.markers.iter().map(|m| m.role).collect();
        Ok(Matcher {
            automaton,
            starts,
            infos,
            edges,
            regexes,
            marker_roles,
        })
    }

    /// Finds every hit in `text`.
    pub fn find(&self, text: &str) -> Hits {
        self.find_folded(text, &fold(text))
    }

    /// Finds every hit in `text`, given its folded form.
    pub fn find_folded(&self, text: &str, folded: &Folded) -> Hits {
        let hay = folded.text.as_str();
        let mut raw: Vec<(Layer, Hit)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(hay) {
            let (s, e) = (m.start(), m.end());
            let p = m.pattern().as_usize();
            let (need_left, need_right) = self.edges[p];
            if need_left && char_before(hay, s).is_some_and(is_word_char) {
                continue;
            }
            if need_right && char_at(hay, e).is_some_and(is_word_char) {
                continue;
            }
            let (os, oe) = (folded.original(s), folded.original(e));
            let infos = &self.infos[self.starts[p] as usize..self.starts[p + 1] as usize];
            for info in infos {
                if let Some(exact) = &info.exact
                    && text.get(os..oe) != Some(&**exact)
                {
                    continue;
                }
                raw.push((
                    info.target.layer(),
                    Hit {
                        start: os as u32,
                        end: oe as u32,
                        target: info.target,
                        participle: info.participle,
                    },
                ));
            }
        }
        for (re, cue) in &self.regexes {
            for m in re.find_iter(hay) {
                if m.is_empty() {
                    continue;
                }
                let (os, oe) = (folded.original(m.start()), folded.original(m.end()));
                raw.push((
                    Layer::Cue,
                    Hit {
                        start: os as u32,
                        end: oe as u32,
                        target: Target::Cue(*cue),
                        participle: false,
                    },
                ));
            }
        }
        // Sort: by layer, start, longest first, then lexicon order (deterministic ties).
        raw.sort_by_key(|(layer, h)| {
            (
                *layer,
                h.start,
                std::cmp::Reverse(h.end),
                target_order(h.target),
            )
        });
        let mut hits = Hits::default();
        let mut i = 0;
        while i < raw.len() {
            let layer = raw[i].0;
            let j = i + raw[i..].iter().take_while(|(l, _)| *l == layer).count();
            let group = raw[i..j].iter().map(|(_, h)| *h);
            match layer {
                Layer::Entity => hits.entities = longest_first(group),
                Layer::Cue => hits.cues = longest_first_with_ties(group),
                Layer::Marker => hits.markers = self.uncontained(group.collect()),
            }
            i = j;
        }
        hits
    }
}

fn target_order(t: Target) -> (u8, u16, bool) {
    match t {
        Target::Actor(a) => (0, a.0, false),
        Target::Topic { topic, opposite } => (1, topic.0, opposite),
        Target::Cue(c) => (2, c.0, false),
        Target::Marker(m) => (3, m.0, false),
    }
}

/// Leftmost-longest selection over hits sorted by (start, longest first, order).
fn longest_first(sorted: impl Iterator<Item = Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let mut taken_to = 0u32;
    for h in sorted {
        if out.is_empty() || h.start >= taken_to {
            taken_to = h.end;
            out.push(h);
        }
    }
    out
}

/// Leftmost-longest selection that also keeps other entries with exactly the chosen span (one
/// phrase listed twice, with two stances, for two sides).
fn longest_first_with_ties(sorted: impl Iterator<Item = Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::new();
    let mut taken_to = 0u32;
    for h in sorted {
        let tie = out
            .last()
            .is_some_and(|l| l.start == h.start && l.end == h.end && l.target != h.target);
        if out.is_empty() || h.start >= taken_to || tie {
            taken_to = h.end;
            out.push(h);
        }
    }
    out
}

impl Matcher {
    /// Keeps every marker hit not strictly inside a longer marker hit of the same role. Hits
    /// come sorted by start, longest first, so any container of a hit comes before it: one pass
    /// with the furthest end seen so far per role decides.
    fn uncontained(&self, hits: Vec<Hit>) -> Vec<Hit> {
        let role = |h: &Hit| match h.target {
            Target::Marker(m) => Some(self.marker_roles[m.index()]),
            _ => None,
        };
        let mut furthest: Vec<(Option<crate::lexicon::Role>, u32)> = Vec::new();
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        let mut i = 0;
        while i < hits.len() {
            let span = (hits[i].start, hits[i].end);
            let j = i + hits[i..]
                .iter()
                .take_while(|h| (h.start, h.end) == span)
                .count();
            let group_start = out.len();
            for h in &hits[i..j] {
                let r = role(h);
                let contained = furthest.iter().any(|&(fr, end)| fr == r && end >= h.end);
                if !contained && !out[group_start..].contains(h) {
                    out.push(*h);
                }
            }
            for h in &hits[i..j] {
                let r = role(h);
                match furthest.iter_mut().find(|(fr, _)| *fr == r) {
                    Some(entry) => entry.1 = entry.1.max(h.end),
                    None => furthest.push((r, h.end)),
                }
            }
            i = j;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconFile;

    fn lexicon(actors: &str, topics: &str) -> Lexicon {
        let files = [
            ("actors.csv", format!("id,label,kind,affiliation,aliases\n{actors}")),
            ("topics.csv", format!("id,label,aliases,opposites\n{topics}")),
            ("cues.csv", "phrase,pos,stance,topic\nreject,verb,reject,after\nre:\\bred lines?\\b,phrase,reject,either\n".to_string()),
            ("markers.csv", "phrase,role,pos\npresident,title,phrase\npresident[s],nonactor,phrase\nno|no longer,negation,phrase\nwould,modal,phrase\nwould not,negation,phrase\n".to_string()),
            ("abbreviations.csv", "word,rule\nMr.,title\n".to_string()),
        ]
        .map(|(name, text)| LexiconFile { name: name.into(), text });
        Lexicon::parse(&files).unwrap_or_else(|e| panic!("{e}"))
    }

    fn standard() -> Lexicon {
        lexicon(
            "usa,USA,collective,,US|U.S.|United States|Washington\nun,UN,collective,,UN\neu,EU,collective,,EU|European Union\nukraine,Ukraine,collective,,Ukraine|Kyiv\nzelensky,Z,person,ukraine,Zelensky|Zelenskyy\n",
            "troop_deployment,T,peacekeeping|peacekeeping force[s]|European troops,\nsecurity_guarantees,S,security guarantee[s]|guarantee [Ukraine's] security,\nsanctions,Sanctions,sanctions,sanctions relief\n",
        )
    }

    /// The (text, id) of each entity hit.
    fn entities(lex: &Lexicon, text: &str) -> Vec<(String, String)> {
        let m = Matcher::new(lex).unwrap();
        m.find(text)
            .entities
            .iter()
            .map(|h| {
                let id = match h.target {
                    Target::Actor(a) => lex.actor(a).id.clone(),
                    Target::Topic { topic, opposite } => {
                        format!("{}{}", lex.topic(topic).id, if opposite { "!" } else { "" })
                    }
                    _ => unreachable!(),
                };
                (text[h.start as usize..h.end as usize].to_string(), id)
            })
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$(($span:expr, $id:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                let lex = standard();
                let expected: Vec<(String, String)> = vec![$(($span.to_string(), $id.to_string())),*];
                assert_eq!(entities(&lex, $text), expected);
            }
        };
    }

    t!(
        matches_whole_words_only,
        "Kyivan and Ukrainians, but Kyiv.",
        [("Kyiv", "ukraine")]
    );
    t!(
        short_capitals_need_capitals,
        "Let us ask the US and the un about UN aid.",
        [("US", "usa"), ("UN", "un")]
    );
    t!(eu_not_inside_words, "neutral EU", [("EU", "eu")]);
    t!(
        dotted_acronym,
        "U.S. troops and U.S.-led talks",
        [("U.S.", "usa"), ("U.S.", "usa")]
    );
    t!(
        curly_apostrophes_fold,
        "help guarantee Ukraine’s security",
        [("guarantee Ukraine’s security", "security_guarantees")]
    );
    t!(
        possessive_is_a_boundary,
        "Zelenskyy’s demand",
        [("Zelenskyy", "zelensky")]
    );
    t!(
        line_breaks_inside_an_alias,
        "the security\r\n  guarantees",
        [("security\r\n  guarantees", "security_guarantees")]
    );
    t!(
        longest_wins,
        "a European Union plan",
        [("European Union", "eu")]
    );
    t!(
        longest_valid_alias_at_each_position,
        "peacekeeping forces and peacekeeping forcefulness",
        [
            ("peacekeeping forces", "troop_deployment"),
            ("peacekeeping", "troop_deployment")
        ]
    );
    t!(
        opposites_are_marked,
        "sanctions relief and sanctions",
        [
            ("sanctions relief", "sanctions!"),
            ("sanctions", "sanctions")
        ]
    );
    t!(
        case_insensitive_elsewhere,
        "WASHINGTON and washington",
        [("WASHINGTON", "usa"), ("washington", "usa")]
    );
    t!(
        hyphen_is_a_boundary,
        "a Zelensky-Putin meeting",
        [("Zelensky", "zelensky")]
    );
    t!(
        non_ascii_letters_are_word_characters,
        "Kyivé Kyiv",
        [("Kyiv", "ukraine")]
    );

    #[test]
    fn markers_keep_two_roles_for_one_word_but_drop_contained_ones() {
        let lex = standard();
        let m = Matcher::new(&lex).unwrap();
        let text = "the president no longer agrees and would not";
        let hits = m.find(text);
        let spans: Vec<(&str, usize)> = hits
            .markers
            .iter()
            .map(|h| match h.target {
                Target::Marker(i) => (&text[h.start as usize..h.end as usize], i.index()),
                _ => unreachable!(),
            })
            .collect();
        // "president" as title (0) and non-actor (1); "no longer" but not "no" inside it.
        // The modal "would" inside the negator "would not" stays (another role).
        assert_eq!(
            spans,
            [
                ("president", 0),
                ("president", 1),
                ("no longer", 2),
                ("would not", 4),
                ("would", 3)
            ]
        );
    }

    #[test]
    fn regex_cues_run_on_folded_text() {
        let lex = standard();
        let m = Matcher::new(&lex).unwrap();
        let text = "It is a RED\nLINE for Kyiv.";
        let hits = m.find(text);
        assert_eq!(hits.cues.len(), 1);
        assert_eq!(
            &text[hits.cues[0].start as usize..hits.cues[0].end as usize],
            "RED\nLINE"
        );
    }

    #[test]
    fn verb_participles_are_flagged() {
        let lex = standard();
        let m = Matcher::new(&lex).unwrap();
        let hits = m.find("rejected and rejects");
        let flags: Vec<bool> = hits.cues.iter().map(|h| h.participle).collect();
        assert_eq!(flags, [true, false]);
    }

    #[test]
    fn matcher_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Matcher>();
    }
}
