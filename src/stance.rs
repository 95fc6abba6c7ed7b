//! Stance tagging: from the hits of one sentence to (holder, topic, stance) records.
//!
//! In: a document's text, its sentences, and its [`Hits`]. Out: [`Record`]s in sentence order,
//! each carrying the spans of the words that made it and the rule that decided its holder, and
//! [`Note`]s for cues that gave no record (why not). The tagger never looks beyond the current
//! and the previous sentence.
//!
//! The rules, in the order they apply to each cue of a sentence (see `DESIGN.md`):
//!
//! 1. **Chains.** A cue that governs another cue right after it ("refused to *rule out*",
//!    "pledged to *support*", "stopped short of *endorsing*") forms a chain with it. The chain's
//!    stance composes: a rejecting outer cue reverses a supporting inner one and cancels a
//!    rejecting one ("refused to rule out" is no record).
//! 2. **Negation.** A negator up to three words before the chain, in its clause, reverses
//!    support ("did not endorse") and cancels a reject ("did not reject").
//! 3. **Topic.** The first topic mention after the chain (or before it, for cues such as
//!    "unacceptable"), within the cue's reach, in the same clause, not past another cue or a
//!    condition marker. Topics coordinated with it ("guarantees and military support") join it.
//!    A topic phrase naming the opposite ("sanctions relief") reverses the stance.
//! 4. **Holder.** The possessor of a stance noun ("Kyiv's demand for", "its opposition to");
//!    the agent of a passive ("was rejected by Moscow"); else the subject, found by scanning left
//!    past adverbs and auxiliaries, skipping actors after prepositions ("with Putin") and
//!    parentheticals (", at a press conference with Trump,"), stopping at a non-actor subject
//!    ("analysts"). Coordinated subjects give one holder each. A pronoun is resolved to an actor
//!    in this or the previous sentence, or gives no record. A title alone ("the Ukrainian
//!    president") is an alias of its person in the lexicon; a collective before a title and a
//!    person ("Kremlin aide Yuri Ushakov") is dropped for the person.
//! 5. **Reported speech.** With no subject in the reported clause, the speaker holds ("X said a
//!    ceasefire would…", "…, Macron said", "according to the Kremlin"). A person who reports
//!    their own collective's position holds it ("Zakharova said Moscow rejects" is Zakharova's);
//!    "we" in a quote is the speaker.
//! 6. **Condition.** A condition marker in the clause ("if", "provided that", "in exchange
//!    for", "once") makes support conditional. A reject stays a reject (a threat).
//! 7. **Not a stance.** Questions, hypotheticals ("Should Kyiv…"), and a headline repeated word
//!    for word (its first occurrence keeps the records).

use std::collections::HashSet;

use crate::lexicon::{
    ActorIdx, ActorKind, CueIdx, Lexicon, Pronoun, Role, Stance, TopicIdx, TopicSide,
};
use crate::matcher::{Hit, Hits, Target};
use crate::segment::Span;
use crate::text::{Token, TokenKind, tokenize};

/// How a record's holder was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolderRule {
    /// The subject of the cue.
    Subject,
    /// The possessor of a stance noun ("Kyiv's demand").
    Possessor,
    /// The agent of a passive ("rejected by Moscow").
    Passive,
    /// The speaker of the reported clause ("X said …").
    Speaker,
    /// A person reporting their own collective's position.
    SpeaksFor,
    /// A pronoun resolved to an actor.
    Pronoun,
}

impl HolderRule {
    /// A short name for tables and explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            HolderRule::Subject => "subject",
            HolderRule::Possessor => "possessor",
            HolderRule::Passive => "passive agent",
            HolderRule::Speaker => "speaker",
            HolderRule::SpeaksFor => "speaker for own side",
            HolderRule::Pronoun => "pronoun",
        }
    }
}

/// A byte span in a document.
pub type ByteSpan = (u32, u32);

/// One stance record, with the evidence that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// Index of the sentence in its document.
    pub sentence: usize,
    /// Who takes the position.
    pub holder: ActorIdx,
    /// What it is about.
    pub topic: TopicIdx,
    /// Support, reject or conditional.
    pub stance: Stance,
    /// The cue words (and negator), in order.
    pub cue_spans: Vec<ByteSpan>,
    /// The words that named the holder (a mention, a pronoun, a possessive).
    pub holder_span: ByteSpan,
    /// The topic mention.
    pub topic_span: ByteSpan,
    /// The negator, if one applied.
    pub negation: Option<ByteSpan>,
    /// The condition marker, if one applied.
    pub condition: Option<ByteSpan>,
    /// How the holder was found.
    pub rule: HolderRule,
}

/// Why a cue gave no record (for `explain`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Index of the sentence.
    pub sentence: usize,
    /// The cue (or the first cue of a chain).
    pub cue: ByteSpan,
    /// The reason, in words.
    pub reason: String,
}

/// The tagger's output for one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tagged {
    /// Records in sentence order.
    pub records: Vec<Record>,
    /// Cues that gave no record, and why.
    pub notes: Vec<Note>,
}

/// Role bits of markers, for quick tests on a token.
mod bits {
    pub const NEGATION: u32 = 1 << 0;
    pub const CONDITION: u32 = 1 << 1;
    pub const CLAUSE: u32 = 1 << 2;
    pub const REPORT: u32 = 1 << 3;
    pub const ACCORDING: u32 = 1 << 4;
    pub const PRONOUN: u32 = 1 << 5;
    pub const POSSESSIVE: u32 = 1 << 6;
    pub const PREPOSITION: u32 = 1 << 7;
    pub const NONACTOR: u32 = 1 << 8;
    pub const TITLE: u32 = 1 << 9;
    pub const AUXILIARY: u32 = 1 << 10;
    pub const HEDGE: u32 = 1 << 11;
}

fn role_bit(role: Role) -> u32 {
    match role {
        Role::Negation => bits::NEGATION,
        Role::Condition => bits::CONDITION,
        Role::Clause => bits::CLAUSE,
        Role::Report => bits::REPORT,
        Role::AccordingTo => bits::ACCORDING,
        Role::Pronoun(_) => bits::PRONOUN,
        Role::Possessive(_) => bits::POSSESSIVE,
        Role::Preposition => bits::PREPOSITION,
        Role::NonActor => bits::NONACTOR,
        Role::Title => bits::TITLE,
        Role::Auxiliary => bits::AUXILIARY,
        Role::Hedge => bits::HEDGE,
    }
}

/// Words that may stand between two cues of a chain ("refused *to* rule out").
const CHAIN_LINKS: &[&str] = &[
    "to",
    "on",
    "for",
    "of",
    "the",
    "a",
    "an",
    "any",
    "his",
    "her",
    "its",
    "their",
    "our",
    "in",
    "with",
    "at",
    "from",
    "further",
    "more",
    "new",
    "fresh",
    "well",
    "formally",
    "publicly",
    "explicitly",
];

/// Words between coordinated holders or topics.
const COORDINATORS: &[&str] = &["and", "or", "&", "both", "as", "well", "plus", "along"];

/// How far (in words) the subject may stand before its cue.
const SUBJECT_REACH: usize = 14;
/// How far (in words) a negator may stand before its cue.
const NEGATION_REACH: usize = 3;

/// An actor mention in a sentence, by token range.
#[derive(Clone, Copy, Debug)]
struct ActorMention {
    actor: ActorIdx,
    t0: usize,
    t1: usize,
}

#[derive(Clone, Copy, Debug)]
struct TopicMention {
    topic: TopicIdx,
    opposite: bool,
    t0: usize,
    t1: usize,
}

#[derive(Clone, Copy, Debug)]
struct CueMention {
    cue: CueIdx,
    participle: bool,
    t0: usize,
    t1: usize,
}

#[derive(Clone, Copy, Debug)]
struct MarkerMention {
    role: Role,
    t0: usize,
    t1: usize,
}

/// A holder candidate before resolution.
#[derive(Clone, Copy, Debug)]
enum Found {
    /// Actor mentions (coordinated), by index into the sentence's actors.
    Actors { first: usize, last: usize },
    /// A pronoun marker at token range.
    Pronoun {
        pronoun: Pronoun,
        t0: usize,
        t1: usize,
    },
    /// The speaker of a reporting verb at token `t`.
    Report { t: usize },
}

/// Context carried from one sentence to the next.
#[derive(Clone, Debug, Default)]
struct Context {
    /// Holders of the previous sentence's records, or its subjects.
    prev_holders: Vec<ActorIdx>,
    /// Actors mentioned in the previous sentence, in order.
    prev_actors: Vec<ActorIdx>,
}

/// The stance tagger, built once from a lexicon.
#[derive(Clone, Debug)]
pub struct Tagger {
    actor_kind: Vec<ActorKind>,
    actor_pronoun: Vec<Option<Pronoun>>,
    actor_affiliation: Vec<ActorIdx>,
    cue_stance: Vec<Stance>,
    cue_side: Vec<TopicSide>,
    cue_reach: Vec<usize>,
    marker_role: Vec<Role>,
}

impl Tagger {
    /// A tagger for `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Tagger {
        Tagger {
            actor_kind: lexicon.actors.iter().map(|a| a.kind).collect(),
            actor_pronoun: lexicon.actors.iter().map(|a| a.pronoun).collect(),
            actor_affiliation: lexicon.actors.iter().map(|a| a.affiliation).collect(),
            cue_stance: lexicon.cues.iter().map(|c| c.stance).collect(),
            cue_side: lexicon.cues.iter().map(|c| c.topic_side).collect(),
            cue_reach: lexicon.cues.iter().map(|c| c.reach).collect(),
            marker_role: lexicon.markers.iter().map(|m| m.role).collect(),
        }
    }

    /// Tags every sentence of a document.
    pub fn tag(&self, text: &str, sentences: &[Span], hits: &Hits) -> Tagged {
        let mut out = Tagged::default();
        let mut ctx = Context::default();
        let mut seen_texts: HashSet<&str> = HashSet::new();
        let (mut ie, mut ic, mut im) = (0, 0, 0);
        let mut tokens = Vec::new();
        for (si, span) in sentences.iter().enumerate() {
            let take = |list: &[Hit], i: &mut usize| -> (usize, usize) {
                while *i < list.len() && list[*i].start < span.start {
                    *i += 1;
                }
                let from = *i;
                while *i < list.len() && list[*i].start < span.end {
                    *i += 1;
                }
                (from, *i)
            };
            let (e0, e1) = take(&hits.entities, &mut ie);
            let (c0, c1) = take(&hits.cues, &mut ic);
            let (m0, m1) = take(&hits.markers, &mut im);
            let entities = &hits.entities[e0..e1];
            let cues = &hits.cues[c0..c1];
            let markers = &hits.markers[m0..m1];
            let repeated = !seen_texts.insert(span.text(text));
            if cues.is_empty() {
                ctx = Context {
                    prev_holders: Vec::new(),
                    prev_actors: entities
                        .iter()
                        .filter_map(|h| match h.target {
                            Target::Actor(a) => Some(a),
                            _ => None,
                        })
                        .collect(),
                };
                continue;
            }
            tokens.clear();
            tokenize(text, span.start as usize, span.end as usize, &mut tokens);
            let sent = Sentence::new(self, text, *span, &tokens, entities, cues, markers);
            let before = out.records.len();
            sent.tag(self, si, &ctx, repeated, &mut out);
            let new_holders: Vec<ActorIdx> =
                out.records[before..].iter().map(|r| r.holder).collect();
            ctx = Context {
                prev_holders: if new_holders.is_empty() {
                    sent.main_subjects(self)
                } else {
                    new_holders
                },
                prev_actors: sent.actors.iter().map(|m| m.actor).collect(),
            };
        }
        out
    }

    fn compose(outer: Stance, inner: Option<Stance>) -> Option<Stance> {
        let inner = inner?;
        match outer {
            Stance::Support => Some(inner),
            Stance::Reject => Self::negate(inner),
            Stance::Conditional => match inner {
                Stance::Reject => Some(Stance::Reject),
                _ => Some(Stance::Conditional),
            },
        }
    }

    fn negate(s: Stance) -> Option<Stance> {
        match s {
            Stance::Support | Stance::Conditional => Some(Stance::Reject),
            Stance::Reject => None,
        }
    }
}

/// One sentence, tokenized, with its hits mapped to token ranges.
struct Sentence<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// Lowercased word of each token ("" for punctuation).
    words: Vec<String>,
    actors: Vec<ActorMention>,
    topics: Vec<TopicMention>,
    cues: Vec<CueMention>,
    markers: Vec<MarkerMention>,
    /// Role bits of markers starting at each token.
    starts: Vec<u32>,
    /// Role bits of markers covering each token.
    covers: Vec<u32>,
    /// Clause number of each token.
    clause: Vec<u16>,
    /// The entity at each token: Some(index into actors) / topics.
    actor_at: Vec<Option<usize>>,
    topic_at: Vec<Option<usize>>,
    cue_at: Vec<Option<usize>>,
}

/// The token range `[t0, t1)` covering byte span `[start, end)`.
fn token_range(tokens: &[Token], start: u32, end: u32) -> (usize, usize) {
    let t0 = tokens.partition_point(|t| t.end <= start);
    let t1 = tokens.partition_point(|t| t.start < end).max(t0);
    (t0, t1)
}

impl<'a> Sentence<'a> {
    fn new(
        tagger: &Tagger,
        text: &'a str,
        span: Span,
        tokens: &'a [Token],
        entities: &[Hit],
        cues: &[Hit],
        markers: &[Hit],
    ) -> Sentence<'a> {
        let n = tokens.len();
        let words: Vec<String> = tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word => text[t.start as usize..t.end as usize].to_lowercase(),
                TokenKind::Punct(_) => String::new(),
            })
            .collect();
        let inside = |h: &Hit| h.end <= span.end;
        let mut actors = Vec::new();
        let mut topics = Vec::new();
        for h in entities.iter().filter(|h| inside(h)) {
            let (t0, t1) = token_range(tokens, h.start, h.end);
            if t0 >= t1 {
                continue;
            }
            match h.target {
                Target::Actor(actor) => actors.push(ActorMention { actor, t0, t1 }),
                Target::Topic { topic, opposite } => topics.push(TopicMention {
                    topic,
                    opposite,
                    t0,
                    t1,
                }),
                _ => {}
            }
        }
        let mut topic_at = vec![None; n];
        for (i, m) in topics.iter().enumerate() {
            topic_at[m.t0..m.t1].fill(Some(i));
        }
        // Cues inside a topic phrase are part of the topic ("halt the fighting").
        let mut cue_list = Vec::new();
        for h in cues.iter().filter(|h| inside(h)) {
            let (t0, t1) = token_range(tokens, h.start, h.end);
            if t0 >= t1 || topic_at[t0..t1].iter().any(Option::is_some) {
                continue;
            }
            if let Target::Cue(cue) = h.target {
                cue_list.push(CueMention {
                    cue,
                    participle: h.participle,
                    t0,
                    t1,
                });
            }
        }
        let mut sentence = Sentence {
            text,
            tokens,
            words,
            actors: Vec::new(),
            topics,
            cues: cue_list,
            markers: Vec::new(),
            starts: vec![0; n],
            covers: vec![0; n],
            clause: vec![0; n],
            actor_at: vec![None; n],
            topic_at,
            cue_at: vec![None; n],
        };
        sentence.actors = sentence.normalize_actors(tagger, actors);
        for (i, m) in sentence.actors.iter().enumerate() {
            sentence.actor_at[m.t0..m.t1].fill(Some(i));
        }
        for (i, c) in sentence.cues.iter().enumerate() {
            sentence.cue_at[c.t0..c.t1].fill(Some(i));
        }
        // Markers inside an entity mention belong to it ("European allies").
        for h in markers.iter().filter(|h| inside(h)) {
            let (t0, t1) = token_range(tokens, h.start, h.end);
            if t0 >= t1
                || sentence.actor_at[t0..t1].iter().any(Option::is_some)
                || sentence.topic_at[t0..t1].iter().any(Option::is_some)
            {
                continue;
            }
            if let Target::Marker(m) = h.target {
                let role = tagger.marker_role[m.index()];
                sentence.markers.push(MarkerMention { role, t0, t1 });
                sentence.starts[t0] |= role_bit(role);
                for c in &mut sentence.covers[t0..t1] {
                    *c |= role_bit(role);
                }
            }
        }
        let mut clause = 0u16;
        for i in 0..n {
            if sentence.starts[i] & bits::CLAUSE != 0 && sentence.cue_at[i].is_none() {
                clause += 1;
            }
            sentence.clause[i] = clause;
        }
        sentence
    }

    /// Merges repeated mentions of one actor ("Russian President" + "Vladimir Putin") and drops
    /// collectives that only qualify a person ("Kremlin aide Yuri Ushakov", "Ukraine's
    /// Zelensky", "European leaders Macron and Merz").
    fn normalize_actors(&self, tagger: &Tagger, list: Vec<ActorMention>) -> Vec<ActorMention> {
        let mut out: Vec<ActorMention> = Vec::new();
        let mut i = 0;
        while i < list.len() {
            let m = list[i];
            if let Some(next) = list.get(i + 1) {
                let gap = &self.tokens[m.t1..next.t0];
                let same =
                    next.actor == m.actor && gap.iter().all(|t| !t.is_word() && !t.is_punct(','));
                if same {
                    out.push(ActorMention {
                        actor: m.actor,
                        t0: m.t0,
                        t1: next.t1,
                    });
                    i += 2;
                    continue;
                }
                let collective = tagger.actor_kind[m.actor.index()] == ActorKind::Collective;
                let person = tagger.actor_kind[next.actor.index()] == ActorKind::Person;
                if collective && person && next.t0 - m.t1 <= 6 && self.is_title_gap(m.t1, next.t0) {
                    i += 1;
                    continue;
                }
            }
            out.push(m);
            i += 1;
        }
        out
    }

    /// Are the tokens `[a, b)` only a title ("aide", "Foreign Ministry spokesperson"), a
    /// possessive "'s", or capitalized words?
    fn is_title_gap(&self, a: usize, b: usize) -> bool {
        (a..b).all(|i| {
            let t = &self.tokens[i];
            match t.kind {
                TokenKind::Punct(c) => matches!(c, '\'' | '’'),
                TokenKind::Word => {
                    self.words[i] == "s"
                        || self.words[i] == "the"
                        || self.text[t.start as usize..].starts_with(char::is_uppercase)
                        || self.title_word(i)
                }
            }
        })
    }

    fn title_word(&self, i: usize) -> bool {
        self.markers
            .iter()
            .any(|m| m.role == Role::Title && m.t0 <= i && i < m.t1)
    }

    fn span_of(&self, t0: usize, t1: usize) -> ByteSpan {
        if t0 >= t1 || t1 > self.tokens.len() {
            return (0, 0);
        }
        (self.tokens[t0].start, self.tokens[t1 - 1].end)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.words.get(i).is_some_and(|x| x == w)
    }

    /// Is the sentence a question (ends with '?', perhaps inside quotes)?
    fn is_question(&self) -> bool {
        self.tokens
            .iter()
            .rev()
            .find(|t| !matches!(t.kind, TokenKind::Punct('"' | '”' | '’' | '\'' | ')' | '»')))
            .is_some_and(|t| t.is_punct('?'))
    }

    /// Does the sentence open with a hedge ("Should Kyiv obtain…")?
    fn is_hypothetical(&self) -> bool {
        let first = self.tokens.iter().position(Token::is_word).unwrap_or(0);
        self.starts.get(first).is_some_and(|b| b & bits::HEDGE != 0)
    }

    /// Is token `t` just after a preposition (allowing a determiner between)?
    fn after_preposition(&self, t: usize) -> bool {
        let mut i = t;
        let mut skipped = 0;
        while i > 0 {
            i -= 1;
            let tok = &self.tokens[i];
            if !tok.is_word() {
                // Quotes and apostrophes may sit between ("with ‘Moscow’"), not commas.
                if matches!(tok.kind, TokenKind::Punct('"' | '“' | '‘' | '\'')) {
                    continue;
                }
                return false;
            }
            if self.covers[i] & bits::PREPOSITION != 0 && self.starts[i] & bits::PREPOSITION != 0 {
                return true;
            }
            if self.covers[i] & bits::PREPOSITION != 0 {
                return true;
            }
            if matches!(self.words[i].as_str(), "the" | "a" | "an" | "both" | "all") && skipped == 0
            {
                skipped += 1;
                continue;
            }
            return false;
        }
        false
    }

    /// The coordinated group ending with actor mention `last`: walks left over ", X", "and X".
    fn group_ending_at(&self, last: usize) -> usize {
        let mut first = last;
        while first > 0 {
            let prev = first - 1;
            let gap_start = self.actors[prev].t1;
            let gap_end = self.actors[first].t0;
            if gap_end < gap_start || gap_end - gap_start > 3 {
                break;
            }
            let ok = (gap_start..gap_end).all(|i| {
                let t = &self.tokens[i];
                t.is_punct(',') || (t.is_word() && COORDINATORS.contains(&self.words[i].as_str()))
            }) && gap_end > gap_start;
            if !ok {
                break;
            }
            first = prev;
        }
        first
    }

    /// Finds the subject before token `from`: see the module docs.
    fn scan_subject(&self, from: usize) -> Option<Found> {
        let mut i = from;
        let mut words = 0usize;
        while i > 0 {
            i -= 1;
            if let Some(a) = self.actor_at[i] {
                let mention = self.actors[a];
                let first = self.group_ending_at(a);
                if self.after_preposition(self.actors[first].t0)
                    || self.possessor_of_noun(mention.t1)
                {
                    i = self.actors[first].t0;
                    words += 1;
                    continue;
                }
                return Some(Found::Actors { first, last: a });
            }
            let tok = self.tokens[i];
            if tok.is_word() {
                let bits = self.covers[i];
                let start_bits = self.starts[i];
                if bits & bits::PRONOUN != 0 && start_bits & bits::PRONOUN != 0 {
                    if let Some(p) = self.pronoun_at(i) {
                        if !self.after_preposition(i) {
                            return Some(Found::Pronoun {
                                pronoun: p,
                                t0: i,
                                t1: i + 1,
                            });
                        }
                    }
                }
                if bits & bits::NONACTOR != 0 && !self.after_preposition(i) {
                    return None;
                }
                if start_bits & bits::REPORT != 0 && words > 0 {
                    return Some(Found::Report { t: i });
                }
                if matches!(self.words[i].as_str(), "who" | "which") {
                    // A relative clause: its antecedent is the subject.
                    let mut j = i;
                    while j > 0 && !self.tokens[j - 1].is_word() {
                        j -= 1;
                    }
                    if j > 0 {
                        if let Some(a) = self.actor_at[j - 1] {
                            let first = self.group_ending_at(a);
                            return Some(Found::Actors { first, last: a });
                        }
                    }
                }
                words += 1;
                if words > SUBJECT_REACH {
                    return None;
                }
            } else if matches!(tok.kind, TokenKind::Punct(',' | '—' | '–' | '(' | ')')) {
                if let Some(j) = self.parenthetical_start(i) {
                    i = j;
                }
            }
        }
        None
    }

    /// If the comma or dash at `close` ends a parenthetical (", at a briefing with Trump,"),
    /// the token where it opens.
    fn parenthetical_start(&self, close: usize) -> Option<usize> {
        let mut j = close;
        while j > 0 {
            j -= 1;
            let t = &self.tokens[j];
            if matches!(t.kind, TokenKind::Punct(',' | '—' | '–' | '(')) {
                let first = (j + 1..close).find(|&k| self.tokens[k].is_word())?;
                let opens = self.starts[first] & (bits::PREPOSITION | bits::REPORT | bits::PRONOUN)
                    != 0
                    || matches!(
                        self.words[first].as_str(),
                        "who"
                            | "which"
                            | "whose"
                            | "speaking"
                            | "however"
                            | "meanwhile"
                            | "too"
                            | "also"
                            | "in"
                            | "for"
                    );
                let has_actor_first = self.actor_at[first].is_some();
                return (opens && !has_actor_first).then_some(j);
            }
            if close - j > 16 {
                return None;
            }
        }
        None
    }

    /// Is the actor mention ending at token `t1` a possessor of a noun that is not a cue
    /// ("Ukraine's allies …")? Then it is not the subject.
    fn possessor_of_noun(&self, t1: usize) -> bool {
        let apostrophe = self
            .tokens
            .get(t1)
            .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'));
        apostrophe
            && self.is_word(t1 + 1, "s")
            && self.cue_at.get(t1 + 2).is_some_and(Option::is_none)
    }

    fn pronoun_at(&self, i: usize) -> Option<Pronoun> {
        self.markers
            .iter()
            .find(|m| m.t0 == i)
            .and_then(|m| match m.role {
                Role::Pronoun(p) => Some(p),
                _ => None,
            })
    }

    fn possessive_at(&self, i: usize) -> Option<Pronoun> {
        self.markers
            .iter()
            .find(|m| m.t0 == i)
            .and_then(|m| match m.role {
                Role::Possessive(p) => Some(p),
                _ => None,
            })
    }

    /// The possessor right before a stance noun at token `t`: "Kyiv's demand", "its
    /// longstanding opposition", "Moscow’s firm objections".
    fn possessor_before(&self, t: usize) -> Option<Found> {
        let mut i = t;
        let mut adjectives = 0;
        while i > 0 {
            i -= 1;
            let tok = self.tokens[i];
            if tok.is_word() {
                if self.is_word(i, "s")
                    && i >= 2
                    && (self.tokens[i - 1].is_punct('\'') || self.tokens[i - 1].is_punct('’'))
                {
                    let a = self.actor_at[i - 2]?;
                    let first = self.group_ending_at(a);
                    return Some(Found::Actors { first, last: a });
                }
                if let Some(p) = self.possessive_at(i) {
                    return Some(Found::Pronoun {
                        pronoun: p,
                        t0: i,
                        t1: i + 1,
                    });
                }
                if adjectives >= 2
                    || self.actor_at[i].is_some()
                    || self.topic_at[i].is_some()
                    || self.cue_at[i].is_some()
                    || self.covers[i] != 0
                {
                    return None;
                }
                adjectives += 1;
            } else if tok.is_punct('\'') || tok.is_punct('’') {
                // Plural possessive: "the allies' demand".
                let a = self.actor_at[i.checked_sub(1)?]?;
                return Some(Found::Actors { first: a, last: a });
            } else {
                return None;
            }
        }
        None
    }

    /// The agent of a passive: the chain's first cue is a participle after an auxiliary
    /// and "by ACTOR" follows. Returns the actor group.
    fn passive_agent(&self, first: &CueMention, last: &CueMention) -> Option<Found> {
        if !first.participle {
            return None;
        }
        let mut i = first.t0;
        let mut skipped = 0;
        let aux = loop {
            if i == 0 {
                break false;
            }
            i -= 1;
            if !self.tokens[i].is_word() {
                continue;
            }
            if self.covers[i] & bits::AUXILIARY != 0 {
                break true;
            }
            skipped += 1;
            if skipped > 1 {
                break false;
            }
        };
        if !aux {
            return None;
        }
        let mut j = last.t1;
        let end = (last.t1 + 4).min(self.tokens.len());
        while j < end {
            if self.is_word(j, "by") {
                let a = self.actor_at.get(j + 1).copied().flatten()?;
                // Extend the group to the right over "and X".
                let mut last_a = a;
                while let Some(next) = self.actors.get(last_a + 1) {
                    let gap = self.actors[last_a].t1..next.t0;
                    if gap.len() <= 3
                        && gap.clone().all(|k| {
                            self.tokens[k].is_punct(',')
                                || COORDINATORS.contains(&self.words[k].as_str())
                        })
                    {
                        last_a += 1;
                    } else {
                        break;
                    }
                }
                return Some(Found::Actors {
                    first: a,
                    last: last_a,
                });
            }
            j += 1;
        }
        None
    }

    /// The speaker of the reporting verb at token `t`: its subject, or the actor right after
    /// it (", said Lavrov").
    fn speaker_of(&self, t: usize) -> Option<Found> {
        let end = self
            .markers
            .iter()
            .find(|m| m.t0 == t && m.role == Role::Report)
            .map_or(t + 1, |m| m.t1);
        if let Some(a) = self.actor_at.get(end).copied().flatten() {
            // ", said Lavrov" — only when the verb follows a comma or quote.
            let prev_punct = t > 0 && !self.tokens[t - 1].is_word();
            if prev_punct {
                return Some(Found::Actors { first: a, last: a });
            }
        }
        match self.scan_subject(t) {
            Some(Found::Report { .. }) | None => None,
            found => found,
        }
    }

    /// A speaker for the whole sentence: "according to X", or a trailing ", X said" after
    /// token `after`.
    fn sentence_speaker(&self, after: usize) -> Option<Found> {
        for m in &self.markers {
            if m.role == Role::AccordingTo {
                if let Some(a) = self.actor_at.get(m.t1).copied().flatten() {
                    return Some(Found::Actors { first: a, last: a });
                }
            }
        }
        for m in self.markers.iter().rev() {
            if m.role == Role::Report && m.t0 > after {
                // Trailing attribution: "…, Macron said." / "…,” said Lavrov."
                let prev = (0..m.t0).rev().find(|&k| self.tokens[k].is_word());
                let prev_is_actor = prev.is_some_and(|k| {
                    self.actor_at[k].is_some() || self.covers[k] & bits::PRONOUN != 0
                });
                let next_is_actor = self.actor_at.get(m.t1).copied().flatten().is_some();
                if prev_is_actor || next_is_actor {
                    return self.speaker_of(m.t0);
                }
            }
        }
        None
    }

    /// The reporting verb governing the clause that contains token `t`, if one stands before
    /// it in the sentence ("Zakharova said [Moscow rejects …]").
    fn report_before(&self, t: usize) -> Option<usize> {
        (0..t)
            .rev()
            .find(|&i| self.starts[i] & bits::REPORT != 0 && self.cue_at[i].is_none())
    }

    /// Subjects of the sentence's first clause (for pronouns in the next sentence).
    fn main_subjects(&self, tagger: &Tagger) -> Vec<ActorIdx> {
        let first_verb = self
            .markers
            .iter()
            .filter(|m| m.role == Role::Report)
            .map(|m| m.t0)
            .chain(self.cues.iter().map(|c| c.t0))
            .min();
        match first_verb.and_then(|t| self.scan_subject(t)) {
            Some(Found::Actors { first, last }) => {
                (first..=last).map(|i| self.actors[i].actor).collect()
            }
            _ => {
                let _ = tagger;
                Vec::new()
            }
        }
    }

    /// Resolves a found holder to actor ids with the rule that found them.
    fn resolve(
        &self,
        tagger: &Tagger,
        found: Found,
        ctx: &Context,
        speaker: Option<Found>,
        depth: u8,
    ) -> Option<(Vec<ActorIdx>, HolderRule, ByteSpan)> {
        match found {
            Found::Actors { first, last } => {
                let ids: Vec<ActorIdx> = (first..=last).map(|i| self.actors[i].actor).collect();
                let span = self.span_of(self.actors[first].t0, self.actors[last].t1);
                Some((ids, HolderRule::Subject, span))
            }
            Found::Report { t } => {
                if depth > 2 {
                    return None;
                }
                let s = self.speaker_of(t)?;
                let (ids, _, span) = self.resolve(tagger, s, ctx, None, depth + 1)?;
                Some((ids, HolderRule::Speaker, span))
            }
            Found::Pronoun { pronoun, t0, t1 } => {
                let span = self.span_of(t0, t1);
                if pronoun == Pronoun::We {
                    let s = speaker?;
                    let (ids, _, _) = self.resolve(tagger, s, ctx, None, depth + 1)?;
                    return Some((ids, HolderRule::Speaker, span));
                }
                let ids = self.resolve_pronoun(tagger, pronoun, t0, ctx)?;
                Some((ids, HolderRule::Pronoun, span))
            }
        }
    }

    /// The actor a pronoun at token `t` refers to: the nearest fitting actor before it in this
    /// sentence, else the previous sentence's holder or sole fitting actor.
    fn resolve_pronoun(
        &self,
        tagger: &Tagger,
        p: Pronoun,
        t: usize,
        ctx: &Context,
    ) -> Option<Vec<ActorIdx>> {
        let fits = |a: ActorIdx| {
            let kind = tagger.actor_kind[a.index()];
            let own = tagger.actor_pronoun[a.index()];
            match p {
                Pronoun::He | Pronoun::She => {
                    kind == ActorKind::Person && own.is_none_or(|o| o == p)
                }
                Pronoun::It => {
                    kind == ActorKind::Collective && own.is_none_or(|o| o == Pronoun::It)
                }
                Pronoun::They => kind == ActorKind::Collective && own == Some(Pronoun::They),
                Pronoun::We => false,
            }
        };
        // In this sentence, before the pronoun, not after a preposition.
        if let Some(m) = self
            .actors
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, m)| m.t1 <= t)
            .find(|(_, m)| fits(m.actor) && !self.after_preposition(m.t0))
        {
            return Some(vec![m.1.actor]);
        }
        if p == Pronoun::They {
            if ctx.prev_holders.len() > 1 {
                return Some(ctx.prev_holders.clone());
            }
        }
        let holders: Vec<ActorIdx> = ctx
            .prev_holders
            .iter()
            .copied()
            .filter(|&a| fits(a))
            .collect();
        if holders.len() == 1 {
            return Some(holders);
        }
        let mut distinct: Vec<ActorIdx> = Vec::new();
        for &a in &ctx.prev_actors {
            if fits(a) && !distinct.contains(&a) {
                distinct.push(a);
            }
        }
        (distinct.len() == 1).then(|| distinct)
    }

    /// Groups cues into chains: a cue governs the next one when only link words stand between.
    fn chains(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.cues.len() {
            let mut j = i;
            while j + 1 < self.cues.len() {
                let (a, b) = (self.cues[j], self.cues[j + 1]);
                let gap = a.t1..b.t0;
                let linked = gap.len() <= 3
                    && gap.clone().all(|k| {
                        self.tokens[k].is_word() && CHAIN_LINKS.contains(&self.words[k].as_str())
                    })
                    && self.clause[a.t0] == self.clause[b.t0];
                if !linked {
                    break;
                }
                j += 1;
            }
            out.push((i, j));
            i = j + 1;
        }
        out
    }

    /// The topics governed by a chain ending with cue `last`: first topic on the cue's side,
    /// plus topics coordinated with it.
    fn find_topics(
        &self,
        tagger: &Tagger,
        last: &CueMention,
        next_cue_t0: Option<usize>,
    ) -> Vec<usize> {
        let side = tagger.cue_side[last.cue.index()];
        let reach = tagger.cue_reach[last.cue.index()];
        let clause = self.clause[last.t0];
        let after = || -> Option<(usize, usize)> {
            let stop = next_cue_t0.unwrap_or(self.tokens.len());
            let mut words = 0;
            for i in last.t1..stop {
                if self.clause[i] != clause || self.starts[i] & bits::CONDITION != 0 {
                    return None;
                }
                if let Some(tp) = self.topic_at[i] {
                    return Some((tp, words));
                }
                if self.tokens[i].is_word() {
                    words += 1;
                    if words > reach {
                        return None;
                    }
                }
            }
            None
        };
        let before = || -> Option<(usize, usize)> {
            let mut words = 0;
            let mut i = last.t0;
            while i > 0 {
                i -= 1;
                if self.clause[i] != clause
                    || (self.cue_at[i].is_some() && i < last.t0) && !self.in_chain_with(i, last)
                {
                    return None;
                }
                if let Some(tp) = self.topic_at[i] {
                    return Some((tp, words));
                }
                if self.tokens[i].is_word() {
                    words += 1;
                    if words > reach {
                        return None;
                    }
                }
            }
            None
        };
        let first = match side {
            TopicSide::After => after(),
            TopicSide::Before => before(),
            TopicSide::Either => match (after(), before()) {
                (Some(a), Some(b)) => Some(if a.1 < b.1 { a } else { b }),
                (a, b) => a.or(b),
            },
        };
        let Some((first, _)) = first else {
            return Vec::new();
        };
        let mut out = vec![first];
        // Coordinated topics after it: "guarantees and continued military support".
        let mut cur = first;
        while let Some(next) = self.topics.get(cur + 1) {
            let gap = self.topics[cur].t1..next.t0;
            let ok = gap.len() <= 4
                && self.clause[next.t0] == clause
                && gap.clone().all(|k| {
                    let t = &self.tokens[k];
                    t.is_punct(',')
                        || (t.is_word()
                            && (COORDINATORS.contains(&self.words[k].as_str())
                                || matches!(
                                    self.words[k].as_str(),
                                    "continued"
                                        | "more"
                                        | "new"
                                        | "further"
                                        | "the"
                                        | "a"
                                        | "an"
                                        | "other"
                                        | "also"
                                )))
                })
                && gap.clone().any(|k| {
                    self.is_word(k, "and") || self.is_word(k, "or") || self.tokens[k].is_punct(',')
                });
            if !ok {
                break;
            }
            cur += 1;
            out.push(cur);
        }
        out
    }

    fn in_chain_with(&self, token: usize, last: &CueMention) -> bool {
        self.cue_at[token]
            .is_some_and(|c| self.cues[c].t1 <= last.t0 && last.t0 - self.cues[c].t1 <= 3)
    }

    /// A negator shortly before token `t` in its clause.
    fn negation_before(&self, t: usize) -> Option<ByteSpan> {
        let clause = self.clause.get(t).copied().unwrap_or(0);
        let mut words = 0;
        let mut i = t;
        while i > 0 {
            i -= 1;
            if self.clause[i] != clause || self.actor_at[i].is_some() || self.topic_at[i].is_some()
            {
                return None;
            }
            if self.covers[i] & bits::NEGATION != 0 {
                let m = self
                    .markers
                    .iter()
                    .find(|m| m.role == Role::Negation && m.t0 <= i && i < m.t1)?;
                return Some(self.span_of(m.t0, m.t1));
            }
            if self.tokens[i].is_word() {
                words += 1;
                if words > NEGATION_REACH {
                    return None;
                }
            }
        }
        None
    }

    /// A condition marker in the clause of token `t`.
    fn condition_in_clause(&self, t: usize) -> Option<ByteSpan> {
        let clause = self.clause.get(t).copied()?;
        self.markers
            .iter()
            .find(|m| m.role == Role::Condition && self.clause[m.t0] == clause)
            .map(|m| self.span_of(m.t0, m.t1))
    }

    fn tag(&self, tagger: &Tagger, si: usize, ctx: &Context, repeated: bool, out: &mut Tagged) {
        let note = |out: &mut Tagged, c: &CueMention, reason: &str| {
            out.notes.push(Note {
                sentence: si,
                cue: self.span_of(c.t0, c.t1),
                reason: reason.to_string(),
            })
        };
        let chains = self.chains();
        if repeated || self.is_question() || self.is_hypothetical() {
            let reason = if repeated {
                "the sentence repeats an earlier one (a repeated headline): recorded once"
            } else if self.is_question() {
                "the sentence is a question"
            } else {
                "the sentence is hypothetical"
            };
            for &(a, _) in &chains {
                note(out, &self.cues[a], reason);
            }
            return;
        }
        let mut emitted: HashSet<(ActorIdx, TopicIdx, Stance)> = HashSet::new();
        for (ci, &(a, b)) in chains.iter().enumerate() {
            let first = self.cues[a];
            let last = self.cues[b];
            // 1. Chain stance.
            let mut stance = Some(tagger.cue_stance[last.cue.index()]);
            for k in (a..b).rev() {
                stance = Tagger::compose(tagger.cue_stance[self.cues[k].cue.index()], stance);
            }
            // 2. Negation.
            let negation = self.negation_before(first.t0);
            if negation.is_some() {
                stance = stance.and_then(Tagger::negate);
            }
            let Some(mut stance) = stance else {
                note(
                    out,
                    &first,
                    "a negated or reversed reject (\"refused to rule out\", \"did not reject\"): no position",
                );
                continue;
            };
            // 3. Topic.
            let next_cue = chains.get(ci + 1).map(|&(n, _)| self.cues[n].t0);
            let passive = self.passive_agent(&first, &last);
            let topics = if passive.is_some() {
                // In a passive the topic is the subject, before the verb.
                let before: Vec<usize> = (0..self.topics.len())
                    .rev()
                    .filter(|&i| {
                        self.topics[i].t1 <= first.t0
                            && self.clause[self.topics[i].t0] == self.clause[first.t0]
                    })
                    .take(1)
                    .collect();
                before
            } else {
                self.find_topics(tagger, &last, next_cue)
            };
            if topics.is_empty() {
                note(
                    out,
                    &first,
                    "no topic governed by the cue within its reach in this clause",
                );
                continue;
            }
            // 4. Holder.
            let speaker = self.sentence_speaker(last.t1);
            let topic_first_t0 = self.topics[topics[0]].t0;
            let side_before = topic_first_t0 < first.t0;
            let found = if let Some(p) = passive {
                Some((p, HolderRule::Passive))
            } else if let Some(p) = self.possessor_before(first.t0) {
                Some((p, HolderRule::Possessor))
            } else {
                let from = if side_before {
                    topic_first_t0
                } else {
                    first.t0
                };
                self.scan_subject(from)
                    .map(|f| (f, HolderRule::Subject))
                    .or_else(|| speaker.map(|s| (s, HolderRule::Speaker)))
            };
            let Some((found, rule)) = found else {
                note(
                    out,
                    &first,
                    "no holder: no actor is the subject, possessor or speaker",
                );
                continue;
            };
            let Some((mut holders, found_rule, holder_span)) =
                self.resolve(tagger, found, ctx, speaker, 0)
            else {
                note(
                    out,
                    &first,
                    "no holder: a pronoun or speaker that cannot be resolved to an actor",
                );
                continue;
            };
            let mut rule = match (rule, found_rule) {
                (HolderRule::Subject, r) => r,
                (r, HolderRule::Pronoun) if r == HolderRule::Possessor => HolderRule::Possessor,
                (r, _) => r,
            };
            // 5. A person reporting their own collective's position holds it.
            let report = match found {
                Found::Actors { first: f, .. } => self.report_before(self.actors[f].t0),
                Found::Pronoun { t0, .. } => self.report_before(t0),
                Found::Report { .. } => None,
            };
            let outer_speaker = report.and_then(|r| self.speaker_of(r)).or(speaker);
            if let Some(sp) = outer_speaker {
                if let Some((ids, _, _)) = self.resolve(tagger, sp, ctx, None, 1) {
                    if ids.len() == 1 {
                        let s = ids[0];
                        let speaks_for = |h: &ActorIdx| {
                            tagger.actor_kind[h.index()] == ActorKind::Collective
                                && tagger.actor_kind[s.index()] == ActorKind::Person
                                && tagger.actor_affiliation[s.index()] == *h
                        };
                        if holders.iter().all(speaks_for) {
                            holders = vec![s];
                            rule = HolderRule::SpeaksFor;
                        }
                    }
                }
            }
            // 6. Condition.
            let condition = self.condition_in_clause(first.t0);
            if condition.is_some() && stance == Stance::Support {
                stance = Stance::Conditional;
            }
            let mut cue_spans: Vec<ByteSpan> = Vec::new();
            if let Some(n) = negation {
                cue_spans.push(n);
            }
            for k in a..=b {
                cue_spans.push(self.span_of(self.cues[k].t0, self.cues[k].t1));
            }
            for &tp in &topics {
                let m = self.topics[tp];
                let s = if m.opposite { reverse(stance) } else { stance };
                for &h in &holders {
                    if !emitted.insert((h, m.topic, s)) {
                        continue;
                    }
                    out.records.push(Record {
                        sentence: si,
                        holder: h,
                        topic: m.topic,
                        stance: s,
                        cue_spans: cue_spans.clone(),
                        holder_span,
                        topic_span: self.span_of(m.t0, m.t1),
                        negation,
                        condition,
                        rule,
                    });
                }
            }
        }
    }
}

/// The stance on a topic's opposite ("sanctions relief") as a stance on the topic.
fn reverse(s: Stance) -> Stance {
    match s {
        Stance::Support | Stance::Conditional => Stance::Reject,
        Stance::Reject => Stance::Support,
    }
}
