//! Matching: every lexicon pattern found in a document.
//!
//! In: a [`Lexicon`] (once, to build), then document texts. Out: [`Hits`], three sorted lists
//! of spans in the document's byte offsets: entities (actor and topic mentions), stance cues,
//! and grammatical markers.
//!
//! How: the document is folded ([`crate::text::fold`]): lowercase, and every run of
//! non-letters made one space, so the folded text is words separated by single spaces. Every
//! pattern is folded the same way, so every pattern is a sequence of whole folded words, and a
//! match is a pattern whose bytes stand at the start of a word and end where a word ends (at a
//! space, or at an apostrophe: "Kyiv" in "Kyiv's"). Short all-capital aliases ("US", "UN")
//! also need their letters in capitals in the original text, so "us" and "un" are not actors.
//!
//! The search is a word index rather than an automaton: the folded text is walked word by
//! word (memchr for spaces), each word is hashed, an 8 KB bitmap of the patterns' first words
//! turns most words away with one lookup, and the few candidates (the patterns that start with
//! that word, longest first) are compared byte for byte. On this lexicon an aho-corasick DFA
//! (10 MB) scanned about 200 MB/s alone and 55 MB/s inside a run, where it competes for the
//! cache; the index keeps every table small (DESIGN.md has the figures).
//!
//! Three layers, each searched with its own index:
//!
//! - **entities** (actor and topic aliases) and **cues**: leftmost-longest per layer. At each
//!   word start, the longest pattern that matches and holds its boundaries and case wins, and
//!   words inside it start nothing more in that layer: at every position the longest alias on
//!   word boundaries wins ("peacekeeping" in "peacekeeping forces" even where the longer alias
//!   "peacekeeping force" is a candidate). Cue entries sharing a phrase are all reported.
//! - **markers** (grammatical words): every pattern at every word start, but only in the
//!   sentences the tagger will read; a marker inside a longer marker of the same role is
//!   dropped ("no" in "no longer"), one of another role is kept ("would" in "would not").
//!   Markers written only with punctuation (";") are found in the original text.
//!
//! Regular-expression cues run on the folded text.
//!
//! Always: hits are on character boundaries of the document, inside it, sorted by start; the
//! same text gives the same hits.

use std::collections::HashMap;

use regex::Regex;

use crate::lexicon::{ActorIdx, CueIdx, Form, Lexicon, MarkerIdx, Role, TopicIdx};
use crate::text::{Folded, OffsetCursor, fold, letters};

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
    /// Stance cues, non-overlapping (entries sharing one phrase share its span).
    pub cues: Vec<Hit>,
    /// Grammatical markers; two markers may share a span.
    pub markers: Vec<Hit>,
}

/// What one pattern stands for (one folded string may stand for several entries).
#[derive(Clone, Debug)]
struct PatternInfo {
    target: Target,
    /// The letters the original must have, for exact-case forms.
    exact: Option<Box<str>>,
    participle: bool,
    /// The written form ends with a period ("U.S."), which the mention includes.
    trailing_dot: bool,
}

/// Hashes are already mixed: the hash map uses them as they are.
#[derive(Clone, Copy, Debug, Default)]
struct IdentityHash;

impl std::hash::BuildHasher for IdentityHash {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used; fold anything else in, to stay correct.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// A hash of a folded word's bytes.
#[inline]
fn word_hash(w: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    if w.len() <= 8 {
        // Most words: one load.
        let mut b = [0u8; 8];
        b[..w.len()].copy_from_slice(w);
        let h = (u64::from_le_bytes(b) ^ ((w.len() as u64) << 59)).wrapping_mul(K);
        return h ^ (h >> 29);
    }
    let mut h = (w.len() as u64).wrapping_mul(K);
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ v).wrapping_mul(K).rotate_left(31);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(K).rotate_left(31);
    }
    h ^ (h >> 29)
}

/// Bits in a layer's first-word bitmap (8 KB).
const BITS: usize = 1 << 16;

/// The patterns of one layer and the index of their first words.
#[derive(Clone, Debug)]
struct Layer {
    /// The folded bytes of each pattern.
    patterns: Vec<Box<[u8]>>,
    /// For pattern `i`: `infos[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    infos: Vec<PatternInfo>,
    /// One bit per key hash (modulo [`BITS`]): one-word patterns under their word,
    /// longer ones under their first two words.
    bits: Vec<u64>,
    /// Hash of a one-word pattern's word → those patterns.
    single: HashMap<u64, Vec<u32>, IdentityHash>,
    /// Hash of a longer pattern's first two words → those patterns, longest first.
    pairs: HashMap<u64, Vec<u32>, IdentityHash>,
    /// One bit per hash of a word that starts a longer pattern: only then is a pair key worth
    /// computing.
    multi_first: Vec<u64>,
}

impl Layer {
    fn build(forms: Vec<(&Form, Target)>) -> Layer {
        let mut by_text: std::collections::BTreeMap<&str, Vec<PatternInfo>> = Default::default();
        for (form, target) in forms {
            if form.text.is_empty() {
                continue;
            }
            by_text
                .entry(form.text.as_str())
                .or_default()
                .push(PatternInfo {
                    target,
                    exact: form
                        .exact_case
                        .then(|| letters(&form.written).into_boxed_str()),
                    participle: form.participle,
                    trailing_dot: form.written.ends_with('.'),
                });
        }
        let mut layer = Layer {
            patterns: Vec::with_capacity(by_text.len()),
            starts: Vec::with_capacity(by_text.len() + 1),
            infos: Vec::new(),
            bits: vec![0; BITS / 64],
            single: HashMap::with_hasher(IdentityHash),
            pairs: HashMap::with_hasher(IdentityHash),
            multi_first: vec![0; BITS / 64],
        };
        for (text, list) in by_text {
            let id = layer.patterns.len() as u32;
            layer.starts.push(layer.infos.len() as u32);
            layer.infos.extend(list);
            layer.patterns.push(text.as_bytes().into());
            // The key: the word of a one-word pattern, the first two words of a longer one.
            let key_end = text
                .match_indices(' ')
                .nth(1)
                .map_or(text.len(), |(i, _)| i);
            let h = word_hash(&text.as_bytes()[..key_end]);
            layer.bits[(h as usize % BITS) / 64] |= 1 << (h % 64);
            if let Some((first, _)) = text.split_once(' ') {
                let f = word_hash(first.as_bytes());
                layer.multi_first[(f as usize % BITS) / 64] |= 1 << (f % 64);
            }
            let map = if text.contains(' ') {
                &mut layer.pairs
            } else {
                &mut layer.single
            };
            map.entry(h).or_default().push(id);
        }
        layer.starts.push(layer.infos.len() as u32);
        let patterns = &layer.patterns;
        for list in layer.pairs.values_mut().chain(layer.single.values_mut()) {
            list.sort_by_key(|&p| std::cmp::Reverse(patterns[p as usize].len()));
        }
        layer
    }

    fn infos(&self, pattern: usize) -> &[PatternInfo] {
        &self.infos[self.starts[pattern] as usize..self.starts[pattern + 1] as usize]
    }

    #[inline]
    fn present(&self, h: u64) -> bool {
        self.bits[(h as usize % BITS) / 64] & (1 << (h % 64)) != 0
    }

    #[inline]
    fn starts_multi(&self, h: u64) -> bool {
        self.multi_first[(h as usize % BITS) / 64] & (1 << (h % 64)) != 0
    }

    /// The candidate lists for a word position, longest patterns first: those of more than
    /// one word (under the pair keys), then those of one. Most positions have none.
    #[inline]
    fn candidates(&self, keys: &Keys) -> [&[u32]; 4] {
        [
            self.list(&self.pairs, keys.pair),
            self.list(&self.pairs, keys.pair_stem),
            self.list(&self.single, Some(keys.word)),
            self.list(&self.single, keys.word_stem),
        ]
    }

    /// The patterns of `map` under key `h`; the bitmap answers most misses without hashing.
    #[inline]
    fn list<'a>(&self, map: &'a HashMap<u64, Vec<u32>, IdentityHash>, h: Option<u64>) -> &'a [u32] {
        match h {
            Some(h) if self.present(h) => map.get(&h).map_or(&[], Vec::as_slice),
            _ => &[],
        }
    }
}

/// The lookup keys of a word position: the word (and its stem before an apostrophe), and the
/// word with the next one (and that one's stem).
#[derive(Clone, Copy, Debug)]
struct Keys {
    word: u64,
    word_stem: Option<u64>,
    pair: Option<u64>,
    pair_stem: Option<u64>,
}

impl Keys {
    fn of(hay: &[u8], w: Word, next: Option<Word>, layers: &[&Layer]) -> Keys {
        let (s, e) = (w.start as usize, w.end as usize);
        let word = word_hash(&hay[s..e]);
        // Pair keys only when the word starts a longer pattern of some layer.
        let next = next.filter(|_| layers.iter().any(|l| l.starts_multi(word)));
        Keys {
            word,
            word_stem: (w.stem_end < w.end).then(|| word_hash(&hay[s..w.stem_end as usize])),
            pair: next.map(|n| word_hash(&hay[s..n.end as usize])),
            pair_stem: next
                .filter(|n| n.stem_end < n.end)
                .map(|n| word_hash(&hay[s..n.stem_end as usize])),
        }
    }
}

/// A word of the folded text: `[start, end)`, and where an apostrophe cuts it ("kyiv's").
#[derive(Clone, Copy, Debug)]
struct Word {
    start: u32,
    end: u32,
    stem_end: u32,
}

/// The words of a folded text, in order.
fn words(hay: &[u8], range: std::ops::Range<usize>) -> impl Iterator<Item = Word> + '_ {
    let mut i = range.start;
    let end = range.end.min(hay.len());
    std::iter::from_fn(move || {
        while i < end {
            let next = i + memchr::memchr(b' ', &hay[i..end]).unwrap_or(end - i);
            let (s, e) = (i, next);
            i = next + 1;
            if e > s {
                let stem_end = memchr::memchr(b'\'', &hay[s..e]).map_or(e, |k| s + k);
                return Some(Word {
                    start: s as u32,
                    end: e as u32,
                    stem_end: stem_end as u32,
                });
            }
        }
        None
    })
}

/// Is there a word boundary at byte `e` of the folded text (a space, an apostrophe or the end)?
#[inline]
fn right_boundary(hay: &[u8], e: usize) -> bool {
    matches!(hay.get(e), None | Some(b' ' | b'\''))
}

/// The compiled lexicon patterns. Build once, share across threads.
#[derive(Clone, Debug)]
pub struct Matcher {
    entities: Layer,
    cues: Layer,
    markers: Layer,
    /// Markers written only with punctuation (";"), found in the original text.
    punct_markers: Vec<(char, MarkerIdx)>,
    regexes: Vec<(Regex, CueIdx)>,
    /// The role of each marker (containment is dropped only within a role).
    marker_roles: Vec<Role>,
}

/// The matcher could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
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
    /// Builds the pattern indexes of the lexicon.
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, BuildError> {
        let mut entity_forms = Vec::new();
        for (i, a) in lexicon.actors.iter().enumerate() {
            entity_forms.extend(
                a.forms
                    .iter()
                    .map(|f| (f, Target::Actor(ActorIdx(i as u16)))),
            );
        }
        for (i, t) in lexicon.topics.iter().enumerate() {
            let topic = TopicIdx(i as u16);
            entity_forms.extend(t.forms.iter().map(|f| {
                (
                    f,
                    Target::Topic {
                        topic,
                        opposite: false,
                    },
                )
            }));
            entity_forms.extend(t.opposite_forms.iter().map(|f| {
                (
                    f,
                    Target::Topic {
                        topic,
                        opposite: true,
                    },
                )
            }));
        }
        let mut cue_forms = Vec::new();
        for (i, c) in lexicon.cues.iter().enumerate() {
            cue_forms.extend(c.forms.iter().map(|f| (f, Target::Cue(CueIdx(i as u16)))));
        }
        let mut marker_forms = Vec::new();
        let mut punct_markers = Vec::new();
        for (i, m) in lexicon.markers.iter().enumerate() {
            for f in &m.forms {
                if f.text.is_empty() {
                    for c in f.written.chars().filter(|c| !c.is_whitespace()) {
                        punct_markers.push((c, MarkerIdx(i as u16)));
                    }
                } else {
                    marker_forms.push((f, Target::Marker(MarkerIdx(i as u16))));
                }
            }
        }
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
        Ok(Matcher {
            entities: Layer::build(entity_forms),
            cues: Layer::build(cue_forms),
            markers: Layer::build(marker_forms),
            punct_markers,
            regexes,
            marker_roles: lexicon.markers.iter().map(|m| m.role).collect(),
        })
    }

    /// Every hit in `text`, markers included everywhere (for checks and tests; the pipeline
    /// looks for markers only in the sentences it tags).
    pub fn find(&self, text: &str) -> Hits {
        let folded = fold(text);
        let mut hits = self.find_main(text, &folded);
        hits.markers = self.find_markers(text, &folded, &[(0, text.len() as u32)]);
        hits
    }

    /// Entity and cue hits of `text`, given its folded form; `markers` is left empty.
    pub fn find_main(&self, text: &str, folded: &Folded) -> Hits {
        let hay = folded.text.as_bytes();
        let mut hits = Hits::default();
        let (mut free_entity, mut free_cue) = (0u32, 0u32);
        let (mut entity_map, mut cue_map) = (folded.cursor(), folded.cursor());
        let mut it = words(hay, 0..hay.len()).peekable();
        while let Some(w) = it.next() {
            let keys = Keys::of(hay, w, it.peek().copied(), &[&self.entities, &self.cues]);
            if w.start >= free_entity
                && let Some(e) = self.longest(
                    &self.entities,
                    w,
                    &keys,
                    text,
                    hay,
                    &mut entity_map,
                    &mut hits.entities,
                )
            {
                free_entity = e;
            }
            if w.start >= free_cue
                && let Some(e) = self.longest(
                    &self.cues,
                    w,
                    &keys,
                    text,
                    hay,
                    &mut cue_map,
                    &mut hits.cues,
                )
            {
                free_cue = e;
            }
        }
        if !self.regexes.is_empty() {
            let hay = folded.text.as_str();
            for (re, cue) in &self.regexes {
                for m in re.find_iter(hay) {
                    let part = &hay[m.start()..m.end()];
                    let trimmed = part.trim();
                    if trimmed.is_empty() {
                        continue;
                    }
                    let s = m.start() + (part.len() - part.trim_start().len());
                    let e = s + trimmed.len();
                    let (os, oe) = (folded.original(s), folded.original(e));
                    hits.cues.push(Hit {
                        start: os as u32,
                        end: oe as u32,
                        target: Target::Cue(*cue),
                        participle: false,
                    });
                }
            }
            hits.cues
                .sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        }
        hits
    }

    /// The longest pattern of `layer` at word `w` that holds; pushes its hits and returns its
    /// folded end.
    #[allow(clippy::too_many_arguments)]
    fn longest(
        &self,
        layer: &Layer,
        w: Word,
        keys: &Keys,
        text: &str,
        hay: &[u8],
        map: &mut OffsetCursor,
        out: &mut Vec<Hit>,
    ) -> Option<u32> {
        let s = w.start as usize;
        for list in layer.candidates(keys) {
            for &p in list {
                let pat = &layer.patterns[p as usize];
                let e = s + pat.len();
                if hay.get(s..e) == Some(&pat[..])
                    && right_boundary(hay, e)
                    && self.push_valid(layer, p as usize, s, e, text, map, out)
                {
                    return Some(e as u32);
                }
            }
        }
        None
    }

    /// Pushes the hits of pattern `p` at folded `[s, e)` whose case check holds; returns
    /// whether any did.
    #[allow(clippy::too_many_arguments)]
    fn push_valid(
        &self,
        layer: &Layer,
        p: usize,
        s: usize,
        e: usize,
        text: &str,
        map: &mut OffsetCursor,
        out: &mut Vec<Hit>,
    ) -> bool {
        let os = map.original(s);
        let oe = map.original(e);
        let mut any = false;
        for info in layer.infos(p) {
            if let Some(exact) = &info.exact
                && text.get(os..oe).is_none_or(|w| letters(w) != **exact)
            {
                continue;
            }
            let end = if info.trailing_dot && text.as_bytes().get(oe) == Some(&b'.') {
                oe + 1
            } else {
                oe
            };
            out.push(Hit {
                start: os as u32,
                end: end as u32,
                target: info.target,
                participle: info.participle,
            });
            any = true;
        }
        any
    }

    /// Marker hits of `text` inside the original byte `spans` (sorted, not overlapping).
    pub fn find_markers(&self, text: &str, folded: &Folded, spans: &[(u32, u32)]) -> Vec<Hit> {
        let hay = folded.text.as_bytes();
        let mut raw: Vec<Hit> = Vec::new();
        for &(a, b) in spans {
            let fa = folded.folded(a as usize);
            let fb = folded.folded(b as usize).min(hay.len());
            let mut map = folded.cursor();
            let mut it = words(hay, fa..fb).peekable();
            while let Some(w) = it.next() {
                let s = w.start as usize;
                let keys = Keys::of(hay, w, it.peek().copied(), &[&self.markers]);
                for list in self.markers.candidates(&keys) {
                    for &p in list {
                        let pat = &self.markers.patterns[p as usize];
                        let e = s + pat.len();
                        if hay.get(s..e) == Some(&pat[..]) && right_boundary(hay, e) {
                            self.push_valid(
                                &self.markers,
                                p as usize,
                                s,
                                e,
                                text,
                                &mut map,
                                &mut raw,
                            );
                        }
                    }
                }
            }
            if !self.punct_markers.is_empty() {
                let slice = text.get(a as usize..b as usize).unwrap_or("");
                for (i, c) in slice.char_indices() {
                    for &(pc, idx) in &self.punct_markers {
                        if c == pc {
                            let start = a + i as u32;
                            raw.push(Hit {
                                start,
                                end: start + c.len_utf8() as u32,
                                target: Target::Marker(idx),
                                participle: false,
                            });
                        }
                    }
                }
            }
        }
        raw.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), target_order(h.target)));
        raw.dedup();
        self.uncontained(raw)
    }
    /// Keeps every marker hit not strictly inside a longer marker hit of the same role. Hits
    /// come sorted by start, longest first, so any container of a hit comes before it: one pass
    /// with the furthest end seen so far per role decides.
    fn uncontained(&self, hits: Vec<Hit>) -> Vec<Hit> {
        let role = |h: &Hit| match h.target {
            Target::Marker(m) => Some(self.marker_roles[m.index()]),
            _ => None,
        };
        let mut furthest: Vec<(Option<Role>, u32)> = Vec::new();
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        let mut i = 0;
        while i < hits.len() {
            let span = (hits[i].start, hits[i].end);
            let j = i + hits[i..]
                .iter()
                .take_while(|h| (h.start, h.end) == span)
                .count();
            for h in &hits[i..j] {
                let r = role(h);
                if !furthest.iter().any(|&(fr, end)| fr == r && end >= h.end) {
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

fn target_order(t: Target) -> (u8, u16, bool) {
    match t {
        Target::Actor(a) => (0, a.0, false),
        Target::Topic { topic, opposite } => (1, topic.0, opposite),
        Target::Cue(c) => (2, c.0, false),
        Target::Marker(m) => (3, m.0, false),
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
