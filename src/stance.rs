//! Stance tagging: from the hits of one sentence to (holder, topic, stance) records.
//!
//! In: a document's text, its sentences, and its [`Hits`]. Out: [`Record`]s in sentence order,
//! each carrying the spans of the words that made it and the rule that decided its holder, and
//! [`Note`]s for cues that gave no record (why not). The tagger never looks beyond the current
//! and the previous sentence, and for a list item, the header of its list.
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
//!    A list item after a header whose cue found no topic ("Kyiv's request includes:") is read
//!    as the header followed by the item, the item being the cue's object.
//! 4. **Holder.** The possessor of a stance noun ("Kyiv's demand for", "its opposition to");
//!    the agent of a passive ("was rejected by Moscow"); else the subject, found by scanning left
//!    past adverbs and auxiliaries, skipping actors after prepositions ("with Putin") and
//!    parentheticals (", at a press conference with Trump,"), stopping at a non-actor subject
//!    ("analysts"). Coordinated subjects give one holder each. A pronoun is resolved to an actor
//!    in this sentence (the first subject of its own clause, else of an earlier clause) or the
//!    previous one, or gives no record. A title alone ("the Ukrainian
//!    president") is an alias of its person in the lexicon; a collective before a title and a
//!    person ("Kremlin aide Yuri Ushakov") is dropped for the person. Groups: "the leaders of
//!    France and Germany" are their leaders (`leader` column of the actors); "the two leaders",
//!    "the three governments" are those named last; "the leaders" or "a joint statement" after
//!    a list of persons are the persons listed; ", backed by Poland," adds Poland. A verb of
//!    demanding with "that" and a bare verb ("insisted that Kyiv renounce…") is the demander's.
//! 5. **Reported speech.** With no subject in the reported clause, the speaker holds ("X said a
//!    ceasefire would…", "…, Macron said", "according to the Kremlin"). A person who reports
//!    their own collective's position holds it ("Zakharova said Moscow rejects" is Zakharova's);
//!    "we" in a quote is the speaker.
//! 6. **Condition.** A condition marker in the clause ("if", "provided that", "in exchange
//!    for", "once") makes support conditional. A reject stays a reject when the condition
//!    speaks of the topic (a threat: "troops would be targets if they came") or is part of its
//!    phrase; it is conditional when the topic is rejected only without something or before
//!    something happens ("guarantees without Russia are a dead end": a requirement), or on a
//!    condition stated after it ("would step back from the talks, depending on whether…").
//!    A sentence that backs a topic and also backs it on a condition, for the same holder,
//!    gives the conditional record only ("would support a truce, but it would mean little
//!    unless…").
//! 7. **Not a stance.** Questions, hypotheticals ("Should Kyiv…"), and a headline repeated word
//!    for word (its first occurrence keeps the records).

use crate::lexicon::{
    ActorIdx, ActorKind, CueIdx, Lexicon, Pronoun, Role, Stance, TopicIdx, TopicSide,
};
use crate::matcher::{Hit, Hits, Indexed, Target};
use crate::segment::Span;
use crate::text::{FastSet, Token, TokenKind, tokenize, tokenize_words};

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
    /// Actors sharing the position before them (", as does Berlin", "and Paris signalled
    /// much the same").
    Shared,
    /// The actor named in the first cell of a row of a table of positions.
    TableRow,
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
            HolderRule::Shared => "shared",
            HolderRule::TableRow => "table row",
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
    pub const NEGATION: u64 = 1 << 0;
    pub const CONDITION: u64 = 1 << 1;
    pub const CLAUSE: u64 = 1 << 2;
    pub const REPORT: u64 = 1 << 3;
    pub const ACCORDING: u64 = 1 << 4;
    pub const PRONOUN: u64 = 1 << 5;
    pub const POSSESSIVE: u64 = 1 << 6;
    pub const PREPOSITION: u64 = 1 << 7;
    pub const NONACTOR: u64 = 1 << 8;
    pub const TITLE: u64 = 1 << 9;
    pub const AUXILIARY: u64 = 1 << 10;
    pub const HEDGE: u64 = 1 << 11;
    pub const QUESTION: u64 = 1 << 12;
    pub const OBJECT_VERB: u64 = 1 << 13;
    pub const ACCUSATION: u64 = 1 << 14;
    pub const MODAL: u64 = 1 << 15;
    pub const TOPIC_VERB: u64 = 1 << 16;
    pub const ANAPHOR: u64 = 1 << 17;
    pub const POSITION: u64 = 1 << 18;
    pub const OBJECTION: u64 = 1 << 19;
    pub const WANTING: u64 = 1 << 20;
    pub const GROUP: u64 = 1 << 21;
    pub const STATEMENT: u64 = 1 << 22;
    pub const LEADERS: u64 = 1 << 23;
    pub const DEMANDING: u64 = 1 << 24;
    pub const JOINING: u64 = 1 << 25;
    pub const PERSONS_GROUP: u64 = 1 << 26;
    pub const COLLECTIVES_GROUP: u64 = 1 << 27;
    pub const CREDITING: u64 = 1 << 28;
    pub const CONDITION_HEADING: u64 = 1 << 29;
    pub const UNDECIDED: u64 = 1 << 30;
    pub const INSTITUTION: u64 = 1 << 31;
    pub const VOICING: u64 = 1 << 32;
    pub const CONTENT_VERB: u64 = 1 << 33;
    pub const CONTENT_INFINITIVE: u64 = 1 << 34;
    pub const HEAD_TITLE: u64 = 1 << 35;
    pub const AWAITED: u64 = 1 << 36;
    pub const PROPOSAL_NOUN: u64 = 1 << 37;
}

/// Does the gap between two mentions join them into a list: does it hold a comma or the word
/// "and", and none of `. ; : ( " “`? An ASCII gap (most are) is read by bytes, where
/// `split_whitespace` decoded it by characters; others by characters.
fn list_gap(g: &str) -> bool {
    if !g.is_ascii() {
        return (g.contains(',') || g.split_whitespace().any(|w| w == "and"))
            && !g.contains(['.', ';', ':', '(', '"', '“']);
    }
    let b = g.as_bytes();
    // One pass for the marks that part the mentions and for a comma; the words are split only
    // where there is no comma (most joined gaps are ", ").
    let mut comma = false;
    for &c in b {
        match c {
            b'.' | b';' | b':' | b'(' | b'"' => return false,
            b',' => comma = true,
            _ => {}
        }
    }
    // The ASCII characters `char::is_whitespace` holds: tab to carriage return, and space
    // (pieces between two white space bytes are empty, never "and").
    comma || b.split(|&c| is_ascii_white(c)).any(|w| w == b"and")
}

/// Is `g` all white space (`g.trim().is_empty()`)? By bytes up to the first that is not ASCII
/// white space (most gaps are decided by their second byte); by characters from a non-ASCII
/// byte met before any other.
fn blank(g: &str) -> bool {
    for &b in g.as_bytes() {
        if b >= 0x80 {
            return g.trim().is_empty();
        }
        if !is_ascii_white(b) {
            return false;
        }
    }
    true
}

/// `v` emptied, its buffer kept.
fn cleared<T>(mut v: Vec<T>) -> Vec<T> {
    v.clear();
    v
}

fn role_bit(role: Role) -> u64 {
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
        Role::Question => bits::QUESTION,
        Role::ObjectVerb => bits::OBJECT_VERB,
        Role::Accusation => bits::ACCUSATION,
        Role::Modal => bits::MODAL,
        Role::TopicVerb => bits::TOPIC_VERB,
        Role::Anaphor => bits::ANAPHOR,
        Role::Position => bits::POSITION,
        Role::Objection => bits::OBJECTION,
        Role::Wanting => bits::WANTING,
        Role::Group => bits::GROUP,
        Role::Statement => bits::STATEMENT,
        Role::Leaders => bits::LEADERS,
        Role::Demanding => bits::DEMANDING,
        Role::Joining => bits::JOINING,
        Role::PersonsGroup => bits::PERSONS_GROUP,
        Role::CollectivesGroup => bits::COLLECTIVES_GROUP,
        Role::Crediting => bits::CREDITING,
        Role::ConditionHeading => bits::CONDITION_HEADING,
        Role::Undecided => bits::UNDECIDED,
        Role::Institution => bits::INSTITUTION,
        Role::Voicing => bits::VOICING,
        Role::ContentVerb => bits::CONTENT_VERB,
        Role::ContentInfinitive => bits::CONTENT_INFINITIVE,
        Role::HeadTitle => bits::HEAD_TITLE,
        Role::Awaited => bits::AWAITED,
        Role::ProposalNoun => bits::PROPOSAL_NOUN,
    }
}

/// Stance nouns an adjective naming an actor makes that actor's position ("European plans
/// to…", "Russian demands for…"): the positions of the gold policy P2 (a plan, proposal,
/// demand, insistence, call, offer, readiness, refusal, objection or opposition, effort) and
/// their near synonyms. Nouns that also name the thing given ("support", "backing", "aid")
/// are left out: "pledged American support" is aid pledged.
const ADJECTIVE_POSITION_NOUNS: &[&str] = &[
    "plan",
    "proposal",
    "demand",
    "insistence",
    "call",
    "offer",
    "readiness",
    "refusal",
    "objection",
    "opposition",
    "effort",
    "request",
    "push",
    "bid",
    "idea",
    "initiative",
];

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

/// Words that may open a coordinated holder ("and *most* European governments").
const QUANTIFIERS: &[&str] = &[
    "most", "some", "the", "other", "several", "many", "all", "its", "their",
];

/// How many tokens the rest of a list item may run after its topic, up to the comma before
/// the next item ("a full ceasefire [of at least 30 days], an exchange…").
const LIST_ITEM_TAIL: usize = 16;

/// How far (in words) the subject may stand before its cue.
const SUBJECT_REACH: usize = 14;

/// Nouns that name a position stated just before them, in an apposition that another actor
/// answers: "…must stop, *a demand* Kyiv rejects"; "…, *an idea* Berlin has welcomed".
const RESUMPTIVE_NOUNS: &[&str] = &[
    "demand",
    "idea",
    "proposal",
    "plan",
    "position",
    "view",
    "stance",
    "line",
    "request",
    "call",
    "condition",
    "offer",
    "suggestion",
    "notion",
    "approach",
    "option",
    "arrangement",
    "format",
    "formula",
    "step",
    "demands",
    "options",
    "proposals",
    "conditions",
    "ideas",
    "plans",
];
/// How many words the content of a plan ("a model in which …", "a deal under which …") may
/// run before its topic.
const RELATIVE_PLAN_REACH: usize = 16;
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
    /// The cue's reach in words (its lexicon row's).
    reach: usize,
}

#[derive(Clone, Copy, Debug)]
struct MarkerMention {
    role: Role,
    t0: usize,
    t1: usize,
}

/// Whether an actor mention can be the subject of what follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subjecthood {
    /// It can.
    Subject,
    /// It is an object (of a preposition, a verb, a reporting verb).
    Object,
    /// It is accused of what follows: the clause has no holder.
    Stop,
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
    /// A title alone ("the prime minister") at token range.
    Title { t0: usize, t1: usize },
    /// "The leaders" right after a sentence that listed them, or "a joint statement" in a
    /// sentence that lists its signatories before it (`here`), at token range.
    Group { t0: usize, t1: usize, here: bool },
    /// "the two leaders", "both presidents", "the three governments" at token range: the last
    /// `n` persons (or collectives, when not `persons`) named.
    Several {
        t0: usize,
        t1: usize,
        n: usize,
        persons: bool,
    },
    /// The speaker of the quotation this sentence continues.
    Quoted,
    /// An adjective naming an actor right before a stance noun ("European plans to…"), at
    /// token `t`.
    Adjective { actor: ActorIdx, t: usize },
    /// A possessive pronoun and a noun of those who act for an actor ("his government", "her
    /// ministers") at token range: the collective of the one the pronoun refers to.
    Institution {
        pronoun: Pronoun,
        t0: usize,
        t1: usize,
    },
}

/// Context carried from one sentence to the next.
#[derive(Clone, Debug, Default)]
struct Context {
    /// Holders of the previous sentence's records, or its subjects.
    prev_holders: Vec<ActorIdx>,
    /// Actors mentioned in the previous sentence, in order.
    prev_actors: Vec<ActorIdx>,
    /// The topic an anaphor ("it", "the idea") in this sentence may refer to: the topic of the
    /// previous sentence's last record, else its last topic mention.
    prev_topic: Option<TopicRef>,
    /// Persons mentioned lately (most recent last), for titles used alone.
    recent_persons: Vec<ActorIdx>,
    /// Sentences read since the last one that named a person (0: the previous one did).
    since_person: usize,
    /// The last mentions of collectives (most recent last; an actor once per mention), for
    /// "the three governments".
    recent_collectives: Vec<ActorIdx>,
    /// The records of the last [`PRIOR_SENTENCES`] sentences (most recent last), for a noun
    /// that refers back to a position ("dismissed the objection").
    positions: Vec<PriorPosition>,
    /// The list of three or more persons the previous sentence named ("…, including Rutte,
    /// Macron, Merz and Meloni"), for "the leaders" in this one.
    prev_list: Vec<ActorIdx>,
    /// The same list for the sentence being read ("Starmer, Macron, Merz, Meloni, Tusk and
    /// Stubb were among the signatories of a joint statement … that supported…").
    here_list: Vec<ActorIdx>,
    /// Where `here_list` ends in the text (a byte offset): "they" after it refers to it.
    here_list_end: u32,
    /// Is `here_list` a list of leaders ("the leaders of France and Germany")?
    here_list_led: bool,
    /// The speaker of the quote in progress (from a header line ending in ':' or an
    /// attribution), for the sentences of the quote that follow.
    quote_speaker: Option<Vec<ActorIdx>>,
    /// Which quotation, if any, was open where the previous sentence ended.
    in_quote: Open,
    /// For the current sentence: the speaker it inherits, if it is (inside) a quote or a
    /// transcript's turn.
    inherited: Option<Vec<ActorIdx>>,
    /// The person whose turn a transcript is in ("TRUMP: Look, I like Ukraine. We will
    /// not send troops."): named by a label at the start of a sentence, kept up to a blank
    /// line or the next label.
    turn_speaker: Option<ActorIdx>,
    /// The person whose turn goes on past a blank line ("VLADIMIR PUTIN: Good evening…" and
    /// paragraphs of a speech after it): "I" and "we" are that person, up to the next label
    /// or a line without words ("* * *", "[...]"). Only the first person is read so: the
    /// other sentences of those paragraphs may be the author's.
    turn_voice: Option<ActorIdx>,
    /// The signers a statement's heading names ("Joint statement by the leaders of France,
    /// Germany, Poland and the United Kingdom"): the paragraphs under it are their words, as
    /// a quote's are its speaker's ("we" included), up to a heading in capitals ("OUR
    /// READING"), a line starting with '[' ("[End of text]") or a speaker's label.
    statement_voice: Vec<ActorIdx>,
    /// Has a sentence with closing punctuation been read under the statement's title (its
    /// text begun)? A line without one then ends the statement ("Done at Kyiv, 10 May").
    statement_begun: bool,
    /// Does the paragraph being read open with a number ("3. We call on Russia…")? Only
    /// there is a sentence without a holder of its own the signers'.
    numbered_paragraph: bool,
    /// Was the previous sentence a row of a table ("| France | Troops | After a ceasefire |")?
    in_table: bool,
    /// The heading of the table being read, when it heads a column of positions.
    table: Option<TableHead>,
}

/// The heading row of a table of positions ("| Country | Pledge | Conditions |"): a column
/// headed by a position word (a supporting cue such as "Pledge", "Offer", or a position noun
/// such as "Position"), the rows naming an actor in their first cell.
#[derive(Clone, Debug, Default)]
struct TableHead {
    /// The heading word of the column of positions: the cue of a record whose cell has none.
    heading: ByteSpan,
    /// Columns headed by a condition word ("Conditions", "Caveats"), by their number (the
    /// cells before them).
    conditions: Vec<usize>,
    /// Columns headed by a rejecting word ("Opposes", "Red lines"): what they list is rejected.
    rejecting: Vec<usize>,
}

/// A record of an earlier sentence, as a position a later noun may refer back to.
#[derive(Clone, Copy, Debug)]
struct PriorPosition {
    sentence: usize,
    holder: ActorIdx,
    /// The record's topic, `opposite` when the record rejects it: taking a stance on the
    /// position composes with its stance ("dismissed the objection" to troops backs them).
    topic: TopicRef,
    /// A conditional record, which is not composed with.
    conditional: bool,
}

/// How far back (in sentences) [`Context::positions`] keeps records, and at most how many.
const PRIOR_SENTENCES: usize = 20;
const PRIOR_POSITIONS: usize = 64;

/// Does a person's name form (lowercase: "president trump", "u.s. vice president") bear the
/// title `title` ("president") as its office: the title's words as whole words, not after a
/// word that makes it another office ("vice", "deputy", "former", "acting").
fn bears_title(form: &str, title: &str) -> bool {
    // (Without allocating: it runs for every person a title alone is tried against.)
    form.match_indices(title).any(|(i, _)| {
        let end = i + title.len();
        let whole = (i == 0 || form.as_bytes()[i - 1] == b' ')
            && (end == form.len() || form.as_bytes()[end] == b' ');
        let office_word = form[..i].trim_end().rsplit(' ').next();
        whole && !matches!(office_word, Some("vice" | "deputy" | "former" | "acting"))
    })
}

/// Which quotation is open, if any: one opened by a double mark (`“`, `"`, `«`), one opened
/// by a single `‘` (British papers quote with single marks), or a double one inside a single
/// one (British papers' quotation within a quotation: "‘We reject the “plan”. …’"). A single
/// mark inside a double quotation is a quotation within it and changes nothing. Single
/// quotations only come from `‘`, so text without it reads as it did before single marks
/// were read at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Open {
    #[default]
    None,
    Double,
    Single,
    DoubleInSingle,
}

impl Open {
    #[inline]
    pub(crate) fn is_open(self) -> bool {
        self != Open::None
    }
}

/// A quotation mark, by what it does to an open quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QuoteMark {
    /// A straight `"`: opens a quotation where none is open, closes one otherwise.
    Toggle,
    /// `“` or `«`.
    Open,
    /// `”` or `»`.
    Close,
    /// `‘` before a letter, after no letter or digit: opens a single quotation.
    SingleOpen,
    /// `’` after no white space and before no letter or digit: closes a single quotation.
    /// (An apostrophe inside a word, "Ukraine’s", is none; a plural possessive, "the
    /// allies’ plan", closes one early, as if the quotation had not been read.)
    SingleClose,
}

impl QuoteMark {
    /// Which quotation is open after this mark, given which one was open before it.
    #[inline]
    pub(crate) fn after(self, open: Open) -> Open {
        use Open::{Double as D, DoubleInSingle as DS, None as N, Single as S};
        // By mark, then by the quotation open before it (None, Double, Single,
        // DoubleInSingle). (A table: the match it replaces cost 0.6 instructions a byte.)
        const AFTER: [[Open; 4]; 5] = [
            [D, N, DS, S],  // Toggle: closes a double one, else opens one
            [D, D, DS, DS], // Open
            [N, N, S, S],   // Close: a double one inside a single one leaves the single
            [S, D, S, DS],  // SingleOpen: only where none is open
            [N, D, N, DS],  // SingleClose: only a single one
        ];
        AFTER[self as usize][open as usize]
    }
}

/// The quotation mark that starts at byte `k` of `b`, if any. A byte scan: `"` is one byte,
/// `“ ”` are E2 80 9C/9D, `‘ ’` E2 80 98/99, `« »` C2 AB/BB; in valid UTF-8, E2 and C2 only
/// ever start a character. (The pipeline and the tagger read quotes the same way through
/// this.) A single mark is read by its neighbours: `‘` opens after no ASCII letter or digit
/// and before a letter (not a digit: "the ‘90s"); `’` closes after anything but white space
/// and before no ASCII letter or digit ("it’s", "Ukraine’s" are apostrophes). Where `b` is
/// a sentence, its ends count as white space.
#[inline]
pub(crate) fn quote_mark(b: &[u8], k: usize) -> Option<QuoteMark> {
    let at = |d: usize| b.get(k + d).copied().unwrap_or(0);
    let before = || {
        k.checked_sub(1)
            .and_then(|j| b.get(j))
            .copied()
            .unwrap_or(b' ')
    };
    match (at(0), at(1), at(2)) {
        (b'"', _, _) => Some(QuoteMark::Toggle),
        (0xE2, 0x80, 0x9C) | (0xC2, 0xAB, _) => Some(QuoteMark::Open),
        (0xE2, 0x80, 0x9D) | (0xC2, 0xBB, _) => Some(QuoteMark::Close),
        (0xE2, 0x80, 0x98) => {
            // A letter after the mark: ASCII, or the lead byte of a two-byte letter (Latin
            // with accents, Greek, Cyrillic: C3..=D4).
            let next = at(3);
            (!before().is_ascii_alphanumeric()
                && (next.is_ascii_alphabetic() || (0xC3..=0xD4).contains(&next)))
            .then_some(QuoteMark::SingleOpen)
        }
        (0xE2, 0x80, 0x99) => (!before().is_ascii_whitespace() && !at(3).is_ascii_alphanumeric())
            .then_some(QuoteMark::SingleClose),
        _ => None,
    }
}

/// Where a sentence stands with respect to quotation marks.
#[derive(Clone, Copy, Debug, Default)]
struct QuoteState {
    /// It opens with a quotation mark (after any bullet).
    opens: bool,
    /// It holds a quotation mark.
    any: bool,
    /// Which quotation, if any, is still open at its end.
    ends: Open,
}

impl QuoteState {
    #[cfg(test)]
    fn of(sentence: &str, in_quote: Open) -> QuoteState {
        let marks = memchr::memchr3_iter(b'"', 0xE2, 0xC2, sentence.as_bytes());
        QuoteState::with_marks(sentence, in_quote, marks)
    }

    /// Does the sentence open with a quotation mark (after any bullet)?
    #[inline]
    fn opens_with_mark(sentence: &str) -> bool {
        // (Most sentences open with a letter: nothing to pass over, no quote.)
        !sentence.starts_with(|c: char| c.is_ascii_alphanumeric())
            && sentence
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '-' | '•' | '*' | '–' | '—')
                })
                .starts_with(['“', '"', '‘', '«'])
    }

    /// [`QuoteState::of`], given where the sentence has a byte `"`, E2 or C2 (`marks`, in
    /// order): the tagger finds them in the whole document at once, where a search per
    /// sentence cost more to set up than to run.
    fn with_marks(
        sentence: &str,
        in_quote: Open,
        marks: impl Iterator<Item = usize>,
    ) -> QuoteState {
        let opens = QuoteState::opens_with_mark(sentence);
        let mut open = in_quote;
        let mut any = false;
        // A byte scan (`quote_mark`). (Decoding every character here was a fifth of the
        // tagger's own time.)
        let b = sentence.as_bytes();
        for i in marks {
            if let Some(q) = quote_mark(b, i) {
                let next = q.after(open);
                // (A single mark counts only where it opens or closes: an apostrophe at a
                // word's end, "the allies’ plan", is no quotation.)
                any |= next != open || !matches!(q, QuoteMark::SingleOpen | QuoteMark::SingleClose);
                open = next;
            }
        }
        QuoteState {
            opens,
            any,
            ends: open,
        }
    }
}

/// A topic governed by a cue: a mention in this sentence, or one an anaphor refers back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TopicRef {
    topic: TopicIdx,
    opposite: bool,
    span: ByteSpan,
}

/// Words a relative clause may put between a rejected deal and the topic that is its content
/// ("any peace deal *that would require it to* pull its forces out").
const CONTENT_REACH: usize = 6;

/// The last words of a topic mention that names a deal with a content of its own: "any
/// agreement on sanctions" is about sanctions, "any deal that would require…" is rejected for
/// what it requires.
const DEAL_NOUNS: [&str; 16] = [
    "deal",
    "deals",
    "agreement",
    "agreements",
    "settlement",
    "settlements",
    "accord",
    "accords",
    "treaty",
    "plan",
    "plans",
    "framework",
    "arrangement",
    "arrangements",
    "proposal",
    "proposals",
];

/// Words that keep something out of a deal's content ("a deal that would bar Ukraine from
/// NATO"): the topic after them is not what the deal holds.
const EXCLUDING_WORDS: [&str; 24] = [
    "bar",
    "bars",
    "barred",
    "barring",
    "exclude",
    "excludes",
    "excluded",
    "excluding",
    "limit",
    "limits",
    "limited",
    "limiting",
    "deny",
    "denies",
    "denied",
    "denying",
    "prevent",
    "prevents",
    "prevented",
    "preventing",
    "without",
    "ban",
    "bans",
    "banned",
];

/// Sentences longer than this (in bytes) are not read for stances (about 1,500 words; the
/// longest sentences of news articles have a few hundred).
pub const MAX_SENTENCE_BYTES: u32 = 10_000;

/// How many sentences without a person, after the one that named the last person, "he" or
/// "she" may still refer back to that person across.
const PERSON_CHAIN: usize = 3;

/// What a sentence ends with when it is no heading or title line: a stop, a colon, a closing
/// quotation mark, a semicolon or a comma.
const CLOSING_PUNCTUATION: [char; 9] = ['.', '!', '?', ':', '"', '”', '’', ';', ','];

/// How many sentences on the tagger looks for the end of a quote whose speaker is named there.
const QUOTE_AHEAD: usize = 6;

/// The stance tagger, built once from a lexicon.
#[derive(Clone, Debug)]
pub struct Tagger {
    actor_kind: Vec<ActorKind>,
    actor_pronoun: Vec<Option<Pronoun>>,
    actor_affiliation: Vec<ActorIdx>,
    /// For each topic, the actor it acts against (topics.csv `target`), if any.
    topic_target: Vec<Option<ActorIdx>>,
    /// For each collective, the person who leads it, if the lexicon says.
    actor_leader: Vec<Option<ActorIdx>>,
    /// For each collective, the wider collective it belongs to, if the lexicon says.
    actor_member_of: Vec<Option<ActorIdx>>,
    /// Adjectives naming actors before a stance noun ("european" → europe).
    actor_adjectives: Vec<(String, ActorIdx)>,
    /// For each person, the folded aliases that hold a title ("u.s. president").
    person_titles: Vec<Vec<String>>,
    cue_stance: Vec<Stance>,
    cue_negated: Vec<Option<Stance>>,
    cue_side: Vec<TopicSide>,
    /// Is the cue a noun ("proposal of", "demands")?
    cue_noun: Vec<bool>,
    cue_reach: Vec<usize>,
    marker_role: Vec<Role>,
    /// The one-word forms of the "he" and "she" pronoun markers, lowercase, with their
    /// pronoun: a sentence that opens with one keeps the person it refers to.
    person_pronouns: Vec<(String, Pronoun)>,
    /// For each byte, may a sentence that starts with it open with "his", "her" or one of
    /// `person_pronouns` ([`Tagger::keep_opening_referent`])? False only for an ASCII byte
    /// that is no white space and opens none of them (most sentences' first bytes), which
    /// the function then passes over by one load, where trimming the sentence and trying
    /// each pronoun cost about 150 instructions a sentence.
    may_open_referent: [bool; 256],
    /// The role bit of each marker ([`role_bit`] of its role), looked up once per marker hit
    /// where the match on the role was a table jump per hit.
    marker_bit: Vec<u64>,
}

impl Tagger {
    /// A tagger for `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Tagger {
        let person_pronouns: Vec<(String, Pronoun)> = lexicon
            .markers
            .iter()
            .filter_map(|m| match m.role {
                Role::Pronoun(p @ (Pronoun::He | Pronoun::She)) => Some((m, p)),
                _ => None,
            })
            .flat_map(|(m, p)| m.forms.iter().map(move |f| (f.text.to_lowercase(), p)))
            .filter(|(t, _)| !t.contains(' '))
            .collect();
        let may_open_referent = std::array::from_fn(|b| {
            let b = b as u8;
            // (`char::is_whitespace` of an ASCII byte: the bytes `trim_start` removes.)
            let white = matches!(b, b'\t'..=b'\r' | b' ');
            !b.is_ascii()
                || white
                || b.eq_ignore_ascii_case(&b'h')
                || person_pronouns.iter().any(|(p, _)| {
                    p.as_bytes()
                        .first()
                        .is_some_and(|f| f.eq_ignore_ascii_case(&b))
                })
        });
        Tagger {
            actor_kind: lexicon.actors.iter().map(|a| a.kind).collect(),
            actor_pronoun: lexicon.actors.iter().map(|a| a.pronoun).collect(),
            actor_affiliation: lexicon.actors.iter().map(|a| a.affiliation).collect(),
            topic_target: lexicon.topics.iter().map(|t| t.target).collect(),
            actor_leader: lexicon.actors.iter().map(|a| a.leader).collect(),
            actor_member_of: lexicon.actors.iter().map(|a| a.member_of).collect(),
            actor_adjectives: lexicon
                .actors
                .iter()
                .enumerate()
                .flat_map(|(i, a)| {
                    a.adjectives
                        .iter()
                        .map(move |w| (w.clone(), ActorIdx(i as u16)))
                })
                .collect(),
            person_titles: lexicon
                .actors
                .iter()
                .map(|a| {
                    a.forms
                        .iter()
                        .map(|f| f.text.to_lowercase())
                        .filter(|t| t.contains(' '))
                        .collect()
                })
                .collect(),
            cue_stance: lexicon.cues.iter().map(|c| c.stance).collect(),
            cue_negated: lexicon.cues.iter().map(|c| c.negated).collect(),
            cue_side: lexicon.cues.iter().map(|c| c.topic_side).collect(),
            cue_noun: lexicon
                .cues
                .iter()
                .map(|c| c.pos == crate::lexicon::PartOfSpeech::Noun)
                .collect(),
            cue_reach: lexicon.cues.iter().map(|c| c.reach).collect(),
            marker_role: lexicon.markers.iter().map(|m| m.role).collect(),
            person_pronouns,
            marker_bit: lexicon.markers.iter().map(|m| role_bit(m.role)).collect(),
            may_open_referent,
        }
    }

    /// Tags every sentence of a document.
    pub fn tag(&self, text: &str, sentences: &[Span], hits: &Hits) -> Tagged {
        self.tag_indexed(text, sentences, hits, None)
    }

    /// [`Tagger::tag`], with the word index the hits were found with: the tokens of a sentence
    /// are taken from its words instead of read from its bytes again (the same tokens).
    pub fn tag_indexed(
        &self,
        text: &str,
        sentences: &[Span],
        hits: &Hits,
        words: Option<&Indexed>,
    ) -> Tagged {
        // (Most documents have no spaced hyphen: their tokens are not walked for one. The
        // hyphens are found by `memchr`, where a substring search for " -" was set up for
        // each document and ran slowly on the frequent space.)
        let bytes = text.as_bytes();
        let spaced_hyphen =
            memchr::memchr_iter(b'-', bytes).any(|k| k > 0 && bytes.get(k - 1) == Some(&b' '));
        // The tokens of text[start..end], appended to `tokens`. (`word_hint`: where the
        // words of the span tokenized last start, for `Indexed::words_from_hint`.)
        let word_hint = std::cell::Cell::new(0);
        let tokenize = |start: u32, end: u32, tokens: &mut Vec<Token>| {
            let (s, e) = (start as usize, end as usize);
            let from = tokens.len();
            if !words.is_some_and(|ix| {
                tokenize_words(text, s, e, ix.words_from_hint(start, &word_hint), tokens)
            }) {
                tokenize(text, s, e, tokens);
            }
            // (Nor are those of a sentence without a hyphen.)
            if spaced_hyphen
                && bytes
                    .get(s..e)
                    .is_some_and(|b| memchr::memchr(b'-', b).is_some())
            {
                spaced_dashes(text, tokens, from);
            }
        };
        let mut out = Tagged::default();
        let mut ctx = Context::default();
        // Sized once: growing it re-hashed every sentence text seen so far.
        let mut seen_texts: FastSet<SentenceKey<'_>> =
            FastSet::with_capacity_and_hasher(sentences.len(), Default::default());
        // The first sentences read (a headline, its subheading, a standfirst), compared with
        // each later one up to white space.
        let mut heads: Vec<&str> = Vec::with_capacity(HEADS);
        let (mut ie, mut ic, mut im) = (0, 0, 0);
        // The per-sentence buffers sized once for the document's longest sentence (about a
        // token per 4 bytes), where growing each of them from empty cost a dozen
        // reallocations per document.
        let longest = sentences
            .iter()
            .map(|s| s.end.saturating_sub(s.start))
            .filter(|&n| n <= MAX_SENTENCE_BYTES)
            .max()
            .unwrap_or(0) as usize;
        let n_tokens = longest / 4 + 16;
        // One lowercase copy of the document (ASCII, so offsets do not move) for the word
        // comparisons, and one sentence whose buffers are read again for each sentence.
        let lower = text.to_ascii_lowercase();
        // The sentence is the thread's from its previous document where there is one: its
        // buffers (about fifteen vectors) were allocated, grown and freed once per document.
        thread_local! {
            static SPARE: std::cell::Cell<Option<Sentence<'static>>> =
                const { std::cell::Cell::new(None) };
        }
        let mut sent = match SPARE.take() {
            Some(spare) => Sentence::reuse(spare, text, n_tokens),
            None => Sentence::with_capacity(text, n_tokens),
        };
        let mut tag_buffers = std::mem::take(&mut sent.tag_buffers);
        // A second sentence, read ahead for the speaker named at the end of a quote of
        // several sentences (most documents have none: made when first needed).
        let mut ahead: Option<Sentence<'_>> = None;
        // A header that states a position with nothing after it ("Kyiv's request includes:"),
        // and its hit ranges: the list items that follow it complete it.
        let mut list_head: Option<ListHead> = None;
        let mut joined: [Vec<Hit>; 3] = Default::default();
        let mut next_holders: Vec<ActorIdx> = Vec::new();
        let mut list_run: Vec<ActorIdx> = Vec::new();
        // Where the document has a byte that may start a quotation mark, for `QuoteState`.
        let found_marks;
        let quote_marks: &[u32] = match &hits.quote_marks {
            Some(marks) => marks,
            None => {
                found_marks = memchr::memchr3_iter(b'"', 0xE2, 0xC2, text.as_bytes())
                    .map(|k| k as u32)
                    .collect::<Vec<u32>>();
                &found_marks
            }
        };
        let mut iq = 0;
        // Each sentence's hits where the pipeline found them for these same sentences (hits
        // found for other sentences, or a range past a list, which a caller could give, are
        // not trusted: the lists are then walked).
        let sentence_hits = hits.sentence_hits.as_deref().filter(|ranges| {
            ranges.len() == sentences.len()
                && ranges.iter().zip(sentences).all(|(h, s)| {
                    let (e, c, m) = (h.entities, h.cues, h.markers);
                    h.span == (s.start, s.end)
                        && e.0 <= e.1
                        && e.1 as usize <= hits.entities.len()
                        && c.0 <= c.1
                        && c.1 as usize <= hits.cues.len()
                        && m.0 <= m.1
                        && m.1 as usize <= hits.markers.len()
                })
        });
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
            // The sentence's first word in the word index, where the marker search found it.
            let mut first_word = u32::MAX;
            // Its actor mentions and whether it names a topic, where the pipeline counted them.
            let mut counted: Option<(usize, bool)> = None;
            let ((e0, e1), (c0, c1), (m0, m1)) = match sentence_hits {
                Some(ranges) => {
                    let here = ranges[si];
                    first_word = here.first_word;
                    counted = Some((here.actors as usize, here.topics));
                    let r = |(a, b): (u32, u32)| (a as usize, b as usize);
                    (r(here.entities), r(here.cues), r(here.markers))
                }
                None => (
                    take(&hits.entities, &mut ie),
                    take(&hits.cues, &mut ic),
                    take(&hits.markers, &mut im),
                ),
            };
            let entities = &hits.entities[e0..e1];
            let cues = &hits.cues[c0..c1];
            let markers = &hits.markers[m0..m1];
            // (Not for a sentence too long to be read: the list costs mentions × markers.)
            (ctx.here_list_end, ctx.here_list_led) = if span.end - span.start <= MAX_SENTENCE_BYTES
            {
                let mentions = counted.map(|(actors, _)| actors);
                self.person_list(
                    text,
                    entities,
                    markers,
                    mentions,
                    &mut ctx.here_list,
                    &mut list_run,
                )
            } else {
                ctx.here_list.clear();
                (0, false)
            };
            let sentence_text = span.text(text);
            // A table's first row is its heading; the rule under it ("|---|---|") is no row. A
            // blank line ends a table; a sentence that does not start a line is the rest of a
            // row split at a full stop inside a cell (not read as a row, the table goes on).
            let mut table_row = false;
            let gap = si
                .checked_sub(1)
                .and_then(|p| {
                    text.as_bytes()
                        .get(sentences[p].end as usize..span.start as usize)
                })
                .unwrap_or_default();
            let breaks = gap.iter().filter(|&&b| b == b'\n').count();
            // A statement's heading gives its signers' "we" to the paragraphs under it.
            // It ends at a heading in capitals, a line opening with '[', or, once its text has
            // begun, a line without closing punctuation ("Done at Kyiv, 10 May", "How
            // capitals answered") or the lines after a text: a signature, a byline, a note.
            if breaks >= 2 {
                let b = sentence_text.trim_start().as_bytes();
                let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
                ctx.numbered_paragraph = digits > 0 && matches!(b.get(digits), Some(b'.' | b')'));
            }
            if !ctx.statement_voice.is_empty() && breaks >= 1 {
                let t = sentence_text.trim();
                let unpunctuated = !t.ends_with(CLOSING_PUNCTUATION);
                let closing = ["done at", "signed", "reporting by", "editor", "(c)", "©"]
                    .iter()
                    .any(|p| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
                if (t.bytes().any(|b| b.is_ascii_uppercase())
                    && !t.bytes().any(|b| b.is_ascii_lowercase()))
                    || t.starts_with('[')
                    || closing
                    || (ctx.statement_begun && unpunctuated && !ctx.numbered_paragraph)
                {
                    ctx.statement_voice.clear();
                }
            }
            if !ctx.statement_voice.is_empty()
                && sentence_text.trim_end().ends_with(['.', '!', '?'])
            {
                ctx.statement_begun = true;
            }
            if ctx.here_list_end > 0
                && (breaks >= 1 || si == 0)
                && !sentence_text
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', '"', '”', '’'])
                // (The heading is the document's title: "[Joint] statement …" opens it. A
                // news headline that mentions a statement, "Leaders issue joint statement",
                // is no such title.)
                && markers.iter().any(|m| {
                    self.role_of(m) == Some(Role::Statement)
                        && text
                            .get(span.start as usize..m.start as usize)
                            .is_some_and(|g| {
                                let g = g.trim();
                                g.is_empty() || g.eq_ignore_ascii_case("joint")
                            })
                })
                // (Nothing after the names but what it is on: "… angers Moscow", "…
                // unlikely, officials say" are headlines.)
                && text
                    .get(ctx.here_list_end as usize..span.end as usize)
                    .is_some_and(|rest| {
                        let rest = rest.trim_start();
                        rest.trim().is_empty()
                            || rest.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("on "))
                    })
            {
                ctx.statement_voice.clone_from(&ctx.here_list);
                ctx.statement_begun = false;
            }
            if breaks >= 2 {
                ctx.in_table = false;
                ctx.table = None;
            }
            let continues_row = ctx.in_table && si > 0 && breaks == 0;
            match table_row_kind(sentence_text).or(continues_row.then_some(RowKind::Rule)) {
                None => {
                    ctx.in_table = false;
                    ctx.table = None;
                }
                Some(RowKind::Rule) => {}
                Some(RowKind::Cells) if !ctx.in_table => {
                    ctx.in_table = true;
                    ctx.table = self.table_head(text, *span, cues, markers);
                }
                Some(RowKind::Cells) => table_row = ctx.table.is_some(),
            }
            // (Only asked under a list header: a list item is read differently only there.)
            // A blank line before an item without a bullet ends the list.
            let item = list_head.is_some_and(|h| {
                is_list_item(sentence_text)
                    || (h.bare_items && breaks == 1 && is_line_item(text, span.start, span.end))
            });
            if !item {
                list_head = None;
            }
            // (Where the pipeline read the quotation marks, as it read them: from the
            // document's start, as `ctx.in_quote` is carried here.)
            let quotes = match sentence_hits {
                Some(ranges) => QuoteState {
                    opens: QuoteState::opens_with_mark(sentence_text),
                    any: ranges[si].quotes.0,
                    ends: ranges[si].quotes.1,
                },
                None => {
                    while iq < quote_marks.len() && quote_marks[iq] < span.start {
                        iq += 1;
                    }
                    let marks_from = iq;
                    while iq < quote_marks.len() && quote_marks[iq] < span.end {
                        iq += 1;
                    }
                    QuoteState::with_marks(
                        sentence_text,
                        ctx.in_quote,
                        quote_marks[marks_from..iq]
                            .iter()
                            .map(|&k| (k - span.start) as usize),
                    )
                }
            };
            let header = ends_with_colon(sentence_text);
            let (has_actor, has_topic) = match counted {
                Some((actors, topics)) => (actors > 0, topics),
                None => (
                    entities
                        .iter()
                        .any(|h| matches!(h.target, Target::Actor(_))),
                    entities
                        .iter()
                        .any(|h| matches!(h.target, Target::Topic { .. })),
                ),
            };
            let quoted = quotes.opens || ctx.in_quote.is_open();
            // A quote that opens here and runs over several sentences, its speaker named only
            // where it closes ("“We will not leave Donbas. It is our land,” he said."): the
            // closing sentence's speaker speaks for all of it, from its first sentence on (the
            // speaker is then carried through the quote as a header's is).
            // (A speaker carried from an earlier quote gives way to the one named at this
            // quote's end.)
            if quotes.opens
                && quotes.ends.is_open()
                && !ctx.in_quote.is_open()
                && let Some(found) = self.speaker_at_quote_end(
                    text,
                    &lower,
                    sentences,
                    si,
                    hits,
                    quote_marks,
                    quotes.ends,
                    &ctx,
                    &mut |s, e, tokens| tokenize(s, e, tokens),
                    ahead.get_or_insert_with(|| Sentence::with_capacity(text, n_tokens)),
                )
            {
                ctx.quote_speaker = Some(found);
            }
            // The speaker of a quote that opened in an earlier sentence or under a header.
            ctx.inherited = if quoted {
                ctx.quote_speaker.clone()
            } else {
                None
            };
            // A transcript's turn: the sentences after a speaker's label ("ZELENSKY: We need
            // air defence. We will never give up Donbas.") are that person's words as a
            // quote's are, up to a blank line or the next label (the label's own sentence
            // has its speaker already: `sentence_speaker`).
            match speaker_label(sentence_text) {
                Some(colon) => {
                    let colon = span.start + colon as u32;
                    ctx.turn_voice = None;
                    ctx.statement_voice.clear();
                    ctx.turn_speaker = entities.iter().find_map(|h| match h.target {
                        Target::Actor(a)
                            if h.end <= colon
                                && self.actor_kind[a.index()] == ActorKind::Person =>
                        {
                            Some(a)
                        }
                        _ => None,
                    });
                }
                None if breaks >= 2 => {
                    ctx.turn_voice = ctx.turn_speaker.take().or(ctx.turn_voice);
                    // (A line without words, "* * *", or a heading ends it: in capitals, or
                    // a short line without closing punctuation, "Our take". Read only while
                    // a turn goes on: most paragraphs are in none.)
                    if ctx.turn_voice.is_some() {
                        let t = sentence_text.trim();
                        let heading =
                            !t.ends_with(CLOSING_PUNCTUATION) && t.split_whitespace().count() <= 8;
                        if !t.bytes().any(|b| b.is_ascii_lowercase()) || heading {
                            ctx.turn_voice = None;
                        }
                    }
                }
                None if !quoted => ctx.inherited = ctx.turn_speaker.map(|a| vec![a]),
                None => {}
            }
            // Under a statement's title its text is its signers' words, as a quote's are;
            // not a sentence that quotes someone or reports an actor's words ("In his
            // remarks, Trump said: “We want a ceasefire.”", "Putin said on Friday that…"),
            // which is no statement's wording.
            let reports_actor = || {
                markers.iter().any(|m| {
                    self.role_of(m) == Some(Role::Report)
                        && entities.iter().any(|h| {
                            matches!(h.target, Target::Actor(_))
                                && h.end <= m.start
                                && text
                                    .get(h.end as usize..m.start as usize)
                                    .is_some_and(|g| g.trim().is_empty())
                        })
                })
            };
            if ctx.inherited.is_none()
                && !quoted
                && !ctx.statement_voice.is_empty()
                && ctx.numbered_paragraph
                && !sentence_text.contains(['"', '“', '”', '«', '»'])
                && !reports_actor()
            {
                ctx.inherited = Some(ctx.statement_voice.clone());
            }
            let mut speaker_here: Option<Vec<ActorIdx>> = None;
            let mut sent_topics: Option<TopicRef> = None;
            // The holders of this sentence's records, else its subjects: the next sentence's
            // `prev_holders` (a buffer kept across sentences).
            next_holders.clear();
            let mut unknown_speaker = false;
            // A "sentence" of thousands of words is a list, a table or a page without
            // punctuation, not something a reader takes a position from; reading it would
            // also cost time that grows with the square of its length.
            let readable = span.end - span.start <= MAX_SENTENCE_BYTES;
            if !readable && let Some(c) = cues.first() {
                out.notes.push(Note {
                    sentence: si,
                    cue: (c.start, c.end),
                    reason: format!(
                        "the sentence is {} bytes long, more than the {MAX_SENTENCE_BYTES} a \
                         sentence is read up to: not read for stances",
                        span.end - span.start
                    ),
                });
            }
            if readable && (!cues.is_empty() || has_topic || (has_actor && (header || quotes.any)))
            {
                // Only sentences read here can give records, so only they need to be
                // remembered to spot a repeat (the same words give the same hits).
                // A headline has no full stop where the body sentence repeating it has one.
                let words_only = without_final_stop(sentence_text);
                // A headline (one of the first sentences read) is still repeated by a body
                // sentence that breaks its lines at other places ("Merz backs tougher" + line
                // break + "sanctions on Russia").
                let repeated = !seen_texts.insert(SentenceKey(words_only))
                    || heads.iter().any(|h| {
                        // (Most differ in their first byte: the call is not made for them.)
                        h.as_bytes().first() == words_only.as_bytes().first()
                            && same_words(h, words_only)
                    });
                if !repeated && heads.len() < HEADS {
                    heads.push(words_only);
                }
                sent.tokens.clear();
                // A list item under a position header is read as the header followed by the
                // item: "Kyiv's request includes: - Patriot interceptors".
                let head = list_head.filter(|_| item);
                let (read_span, read_hits) = match head {
                    Some(h) => {
                        tokenize(h.span.start, h.span.end, &mut sent.tokens);
                        for (k, (list, mine)) in [
                            (&hits.entities, entities),
                            (&hits.cues, cues),
                            (&hits.markers, markers),
                        ]
                        .into_iter()
                        .enumerate()
                        {
                            joined[k].clear();
                            joined[k].extend_from_slice(&list[h.ranges[k].0..h.ranges[k].1]);
                            joined[k].extend_from_slice(mine);
                        }
                        (
                            Span {
                                start: h.span.start,
                                end: span.end,
                            },
                            (&joined[0][..], &joined[1][..], &joined[2][..]),
                        )
                    }
                    None => (*span, (entities, cues, markers)),
                };
                let item_start = head.map(|_| sent.tokens.len());
                // (Its words are looked for from its first word where that is known: the
                // hint is then the answer.)
                if first_word != u32::MAX {
                    word_hint.set(first_word as usize);
                }
                tokenize(span.start, span.end, &mut sent.tokens);
                sent.read(self, read_span, &lower, read_hits);
                sent.item_start = item_start;
                sent.listed = !ctx.here_list.is_empty();
                sent.prev_listed = !ctx.prev_list.is_empty();
                let before = out.records.len();
                let read_as_row = table_row
                    && !repeated
                    && ctx
                        .table
                        .as_ref()
                        .is_some_and(|head| sent.table_row(self, si, head, &mut out));
                if !read_as_row {
                    sent.tag(self, si, &ctx, repeated, &mut out, &mut tag_buffers);
                }
                conditional_wins(&mut out, before, si);
                self.against_target(&mut out, before, si);
                next_holders.extend(out.records[before..].iter().map(|r| r.holder));
                ctx.positions
                    .extend(out.records[before..].iter().map(|r| PriorPosition {
                        sentence: si,
                        holder: r.holder,
                        topic: TopicRef {
                            topic: r.topic,
                            opposite: r.stance == Stance::Reject,
                            span: r.topic_span,
                        },
                        conditional: r.stance == Stance::Conditional,
                    }));
                let stale = ctx
                    .positions
                    .iter()
                    .take_while(|r| r.sentence + PRIOR_SENTENCES < si)
                    .count()
                    .max(ctx.positions.len().saturating_sub(PRIOR_POSITIONS));
                ctx.positions.drain(..stale);
                if next_holders.is_empty() {
                    // ("“Putin cannot be trusted,” he said.", "he" unresolved: the actors
                    // quoted are no referents for the next sentence's "he".)
                    (next_holders, unknown_speaker) = sent.main_subjects(self, &ctx);
                }
                // "His letter offered steps, provided Russia does the same. He added…": a
                // sentence that opens with a person's pronoun and names no other person as a
                // subject keeps that person for the next one, as an unread sentence does
                // (below); a collective subject of a later clause ("Russia") does not
                // replace them.
                self.keep_opening_referent(text, *span, entities, markers, &ctx, &mut next_holders);
                sent_topics = out.records[before..]
                    .last()
                    .map(|r| TopicRef {
                        topic: r.topic,
                        opposite: false,
                        span: r.topic_span,
                    })
                    .or_else(|| sent.topics.first().map(|m| sent.topic_ref_of(m)));
                // The speaker is only carried to the next sentence from a header or a quote
                // (`keep_quote_speaker` below): most sentences are neither, and their
                // attribution is not looked for.
                speaker_here = if header {
                    sent.header_speaker()
                } else if quotes.ends.is_open() || quoted {
                    sent.attributed_speaker(self, &ctx)
                } else {
                    None
                };
                if header && head.is_none() && out.records.len() == before && !cues.is_empty() {
                    list_head = Some(ListHead {
                        span: *span,
                        ranges: [(e0, e1), (c0, c1), (m0, m1)],
                        bare_items: has_actor
                            && !has_topic
                            && cues.iter().any(
                                |h| matches!(h.target, Target::Cue(c) if self.cue_noun[c.index()]),
                            ),
                    });
                } else if head.is_none() {
                    list_head = None;
                }
            } else if header {
                speaker_here = entities.iter().find_map(|h| match h.target {
                    Target::Actor(a) => Some(vec![a]),
                    _ => None,
                });
            } else {
                next_holders.extend(self.reporting_subject(text, span.start, entities, markers));
                // "He also has a scandal at home and a partner in Washington.": a sentence
                // that opens with "he" or "she" and has no other subject keeps the person the
                // pronoun refers to for the next sentence (Washington is no subject here).
                self.keep_opening_referent(text, *span, entities, markers, &ctx, &mut next_holders);
            }
            let quote_speaker = speaker_here.or_else(|| {
                (quoted || quotes.ends.is_open())
                    .then(|| ctx.quote_speaker.clone())
                    .flatten()
            });
            let keep_quote_speaker = header || quotes.ends.is_open() || quoted;
            // The context for the next sentence, updated in place (its buffers kept). A
            // sentence that names no actor leaves the actors a pronoun may refer to as they
            // were ("Trump has spent the summer setting deadlines. [No actor here.] He has
            // threatened…").
            // (`has_actor`: whether the sentence names an actor.)
            if has_actor || !next_holders.is_empty() {
                std::mem::swap(&mut ctx.prev_holders, &mut next_holders);
                ctx.prev_actors.clear();
                if !unknown_speaker {
                    ctx.prev_actors
                        .extend(entities.iter().filter_map(|h| match h.target {
                            Target::Actor(a) => Some(a),
                            _ => None,
                        }));
                }
            }
            ctx.prev_topic = sent_topics
                .or_else(|| {
                    entities.iter().rev().find_map(|h| match h.target {
                        Target::Topic { topic, opposite } => Some(TopicRef {
                            topic,
                            opposite,
                            span: (h.start, h.end),
                        }),
                        _ => None,
                    })
                })
                .or(ctx.prev_topic);
            self.recent_actors(&mut ctx, entities);
            // ("His successor said Ukraine would fight on. He said…": a sentence that
            // reports someone who is no person of the lexicon gives "he" a referent the
            // lexicon cannot name; the chain to the last person named ends.)
            // (Only while the chain can still be followed: most sentences are past it.)
            if (1..=PERSON_CHAIN).contains(&ctx.since_person)
                && markers
                    .iter()
                    .any(|m| self.role_of(m) == Some(Role::Report))
            {
                ctx.since_person = usize::MAX;
            }
            std::mem::swap(&mut ctx.prev_list, &mut ctx.here_list);
            ctx.here_list.clear();
            ctx.quote_speaker = if keep_quote_speaker {
                quote_speaker
            } else {
                None
            };
            ctx.in_quote = quotes.ends;
            ctx.inherited = None;
        }
        sent.tag_buffers = tag_buffers;
        SPARE.set(sent.spare());
        out
    }

    /// The speaker named where a quote that opens in sentence `si` closes, a few sentences
    /// on ("“We will not leave Donbas. It is our land,” he said."): the closing sentence is
    /// read (into `ahead`) for its attribution, as the tagger reads any quoted sentence's.
    /// None when the quote runs past a blank line or [`QUOTE_AHEAD`] sentences, or its last
    /// sentence names no speaker the context resolves.
    #[allow(clippy::too_many_arguments)]
    #[cold]
    #[inline(never)]
    fn speaker_at_quote_end<'d>(
        &self,
        text: &'d str,
        lower: &'d str,
        sentences: &[Span],
        si: usize,
        hits: &Hits,
        quote_marks: &[u32],
        open: Open,
        ctx: &Context,
        tokenize: &mut dyn FnMut(u32, u32, &mut Vec<Token>),
        ahead: &mut Sentence<'d>,
    ) -> Option<Vec<ActorIdx>> {
        let slice = |list: &[Hit], span: &Span| -> (usize, usize) {
            let from = list.partition_point(|h| h.start < span.start);
            let to = list.partition_point(|h| h.start < span.end);
            (from, to)
        };
        for j in si + 1..sentences.len().min(si + 1 + QUOTE_AHEAD) {
            let span = &sentences[j];
            // No cue and no topic in the opening sentence: no record for its speaker to
            // hold there (the speaker found at a later sentence is found again there).
            if j == si + 1 {
                let (c0, c1) = slice(&hits.cues, &sentences[si]);
                let (e0, e1) = slice(&hits.entities, &sentences[si]);
                if c0 == c1
                    && !hits.entities[e0..e1]
                        .iter()
                        .any(|h| matches!(h.target, Target::Topic { .. }))
                {
                    return None;
                }
            }
            let gap = text
                .as_bytes()
                .get(sentences[j - 1].end as usize..span.start as usize)
                .unwrap_or_default();
            if gap.iter().filter(|&&b| b == b'\n').count() >= 2
                || span.end - span.start > MAX_SENTENCE_BYTES
            {
                return None;
            }
            let (q0, q1) = (
                quote_marks.partition_point(|&k| k < span.start),
                quote_marks.partition_point(|&k| k < span.end),
            );
            let quotes = QuoteState::with_marks(
                span.text(text),
                open,
                quote_marks[q0..q1]
                    .iter()
                    .map(|&k| (k - span.start) as usize),
            );
            if quotes.ends.is_open() {
                continue;
            }
            let (e0, e1) = slice(&hits.entities, span);
            let (c0, c1) = slice(&hits.cues, span);
            let (m0, m1) = slice(&hits.markers, span);
            ahead.tokens.clear();
            tokenize(span.start, span.end, &mut ahead.tokens);
            ahead.read(
                self,
                *span,
                lower,
                (
                    &hits.entities[e0..e1],
                    &hits.cues[c0..c1],
                    &hits.markers[m0..m1],
                ),
            );
            ahead.item_start = None;
            ahead.listed = false;
            ahead.prev_listed = !ctx.prev_list.is_empty();
            return ahead.attributed_speaker(self, ctx);
        }
        None
    }

    /// The role of a marker hit (None for any other hit).
    fn role_of(&self, h: &Hit) -> Option<Role> {
        match h.target {
            Target::Marker(m) => Some(self.marker_role[m.index()]),
            _ => None,
        }
    }

    /// The heading of a table of positions, from the hits of its first row: the first
    /// supporting cue or position noun after the first cell ("| Country | Pledge | Conditions
    /// |"), else its first cue ("| Country | Opposes |"); the columns headed by a condition
    /// word; the columns headed by a rejecting cue. None when no column is headed by a
    /// position word (the table lists something else: figures, dates).
    fn table_head(
        &self,
        text: &str,
        span: Span,
        cues: &[Hit],
        markers: &[Hit],
    ) -> Option<TableHead> {
        // The column of a hit: the cells before it (the bars before it, less the opening one).
        let column = |at: u32| {
            text.get(span.start as usize..at as usize)
                .map_or(0, |g| g.bytes().filter(|&b| b == b'|').count())
                .saturating_sub(1)
        };
        let role_of = |h: &Hit| self.role_of(h);
        let heading = cues
            .iter()
            .find(|h| {
                matches!(h.target, Target::Cue(c) if self.cue_stance[c.index()] == Stance::Support)
                    && column(h.start) >= 1
            })
            .or_else(|| {
                markers
                    .iter()
                    .find(|h| role_of(h) == Some(Role::Position) && column(h.start) >= 1)
            })
            .or_else(|| {
                cues.iter()
                    .find(|h| matches!(h.target, Target::Cue(_)) && column(h.start) >= 1)
            })?;
        let conditions = markers
            .iter()
            .filter(|h| role_of(h) == Some(Role::ConditionHeading))
            .map(|h| column(h.start))
            .filter(|&j| j >= 1)
            .collect();
        let rejecting = cues
            .iter()
            .filter(|h| matches!(h.target, Target::Cue(c) if self.cue_stance[c.index()] == Stance::Reject))
            .map(|h| column(h.start))
            .filter(|&j| j >= 1)
            .collect();
        Some(TableHead {
            heading: (heading.start, heading.end),
            conditions,
            rejecting,
        })
    }

    /// The longest list of three or more distinct persons among a sentence's mentions: person
    /// mentions each separated from the one before by a comma or "and" within a few words
    /// (titles and other mentions may stand between: ", European Commission President …").
    /// Collectives after a `leaders` marker ("the leaders of France, Britain and Germany")
    /// count as their leaders, and such a list may be two long. Written into `best` (empty
    /// when there is none), with `run` as scratch: both buffers are kept across sentences.
    /// Returns where the list ends (a byte offset), 0 when there is none, and whether it is a
    /// list of leaders.
    fn person_list(
        &self,
        text: &str,
        entities: &[Hit],
        markers: &[Hit],
        mentions: Option<usize>,
        best: &mut Vec<ActorIdx>,
        run: &mut Vec<ActorIdx>,
    ) -> (u32, bool) {
        best.clear();
        run.clear();
        let mut last_end: Option<u32> = None;
        // Does the run being built hold leaders of collectives, and where does `best` end.
        let (mut led, mut best_led, mut best_end) = (false, false, 0u32);
        let role = |m: &Hit| self.role_of(m);
        // A list holds at most one actor per actor mention, and a list of two needs leaders
        // (without a leaders marker no collective joins a list, so none is led): most
        // sentences, with fewer mentions, have no list, found without reading their gaps.
        // The mentions are counted first: a sentence with fewer than two (most of them) has
        // no list whatever its markers, which are then not read. (`mentions`: their count,
        // where the caller has it.)
        let mentions = mentions.unwrap_or_else(|| {
            entities
                .iter()
                .filter(|h| matches!(h.target, Target::Actor(_)))
                .count()
        });
        if mentions < 2 {
            return (0, false);
        }
        // Most sentences hold no leaders marker: then no collective is looked at.
        let has_leaders = markers.iter().any(|m| role(m) == Some(Role::Leaders));
        if mentions < 3 && !has_leaders {
            return (0, false);
        }
        // The markers are sorted by start: `mi` moves forward to the first one at or after
        // the previous mention's end, so the clause test costs about one pass in all.
        let mut mi = 0;
        for h in entities {
            let Target::Actor(mut a) = h.target else {
                continue;
            };
            // "the leaders of [the] France": a leaders marker ends right before the mention.
            let after_leaders = || {
                has_leaders
                    && markers.iter().any(|m| {
                        role(m) == Some(Role::Leaders)
                            && m.end <= h.start
                            && text.get(m.end as usize..h.start as usize).is_some_and(|g| {
                                let g = g.trim();
                                g.is_empty() || g.eq_ignore_ascii_case("the")
                            })
                    })
            };
            let gap = last_end
                .filter(|&e| e <= h.start && h.start - e <= 60)
                .and_then(|e| text.get(e as usize..h.start as usize));
            // A reporting verb, a pronoun or a clause break between two mentions puts them in
            // different clauses: ", said they were ready to work with Trump". (A cue does
            // not: "…, also backed by Meloni," is an aside within the list.)
            let from = last_end.unwrap_or(0);
            while mi < markers.len() && markers[mi].start < from {
                mi += 1;
            }
            let other_clause = markers[mi..]
                .iter()
                .take_while(|m| m.start < h.start)
                .any(|m| {
                    m.end <= h.start
                        && matches!(
                            role(m),
                            Some(Role::Report | Role::Pronoun(_) | Role::Clause)
                        )
                });
            // ("and" may stand at a line break of a hard-wrapped article.)
            // Joined into a list, or adjacent: only the two together decide below. (A gap is
            // one only after a mention; the blank test is the cheaper, and a list's gap is
            // read only where no clause parts the mentions.)
            let linked = gap.is_some_and(|g| blank(g) || (!other_clause && list_gap(g)));
            if self.actor_kind[a.index()] != ActorKind::Person {
                // A collective counts only inside a list of leaders, as its leader; one with
                // no leader in the lexicon is passed over.
                if !((led && linked) || after_leaders()) {
                    continue;
                }
                // A list of leaders may continue a list of persons ("Macron, Merz and the
                // leaders of Poland and Italy").
                if !linked {
                    if run.len() > best.len() {
                        std::mem::swap(best, run);
                        (best_led, best_end) = (led, last_end.unwrap_or(0));
                    }
                    run.clear();
                }
                led = true;
                last_end = Some(h.end);
                let Some(leader) = self.actor_leader[a.index()] else {
                    continue;
                };
                a = leader;
            } else if !linked {
                if run.len() > best.len() {
                    std::mem::swap(best, run);
                    (best_led, best_end) = (led, last_end.unwrap_or(0));
                }
                run.clear();
                led = false;
            }
            if !run.contains(&a) {
                run.push(a);
            }
            last_end = Some(h.end);
        }
        if run.len() > best.len() {
            std::mem::swap(best, run);
            (best_led, best_end) = (led, last_end.unwrap_or(0));
        }
        if best.len() < 2 || (best.len() < 3 && !best_led) {
            best.clear();
            return (0, false);
        }
        (best_end, best_led)
    }

    /// The speaker of a sentence that was not read for stances, for a pronoun in the next
    /// one: "Finnish President Alexander Stubb said this week that … He backed …". The
    /// sentence opens with mentions of one actor (no comma before them, so no fronted
    /// clause), and a reporting verb follows them within three words.
    fn reporting_subject(
        &self,
        text: &str,
        start: u32,
        entities: &[Hit],
        markers: &[Hit],
    ) -> Option<ActorIdx> {
        let report = markers.iter().find(|m| {
            matches!(m.target, Target::Marker(k) if self.marker_role[k.index()] == Role::Report)
        });
        let Some(report) = report else {
            return self.opening_subject(text, start, entities, markers);
        };
        let mut actor = None;
        let mut last_end = start;
        for h in entities.iter().take_while(|h| h.end <= report.start) {
            let Target::Actor(a) = h.target else {
                return None;
            };
            let gap = text.get(last_end as usize..h.start as usize).unwrap_or(",");
            // (At most one word: the search stops at a second.)
            let opening = actor.is_none() && gap.split_whitespace().nth(1).is_none();
            if actor.is_some_and(|b| b != a)
                || gap.contains(',')
                || !(opening || gap.trim().is_empty())
            {
                return None;
            }
            actor = Some(a);
            last_end = h.end;
        }
        let gap = text
            .get(last_end as usize..report.start as usize)
            .unwrap_or(",");
        actor.filter(|_| !gap.contains(',') && gap.split_whitespace().nth(3).is_none())
    }

    /// A sentence that opens with a person's pronoun and names no other person as a subject
    /// keeps that person for the next sentence ("He also has a scandal at home and a partner in
    /// Washington.", "His letter offered steps, provided Russia does the same. He added…"): a
    /// collective in a later clause does not replace them. With no subject at all, the
    /// previous sentence's holders are kept as they were. Not "His successor said…": a
    /// possessed noun that reports is another person, whom a later "he" may mean.
    fn keep_opening_referent(
        &self,
        text: &str,
        span: Span,
        entities: &[Hit],
        markers: &[Hit],
        ctx: &Context,
        next_holders: &mut Vec<ActorIdx>,
    ) {
        if next_holders
            .iter()
            .any(|a| self.actor_kind[a.index()] == ActorKind::Person)
        {
            return;
        }
        // (Most sentences open with a letter that opens no such word: see
        // `may_open_referent`. An empty span falls through, and returns below.)
        if span.start < span.end
            && let Some(&b) = text.as_bytes().get(span.start as usize)
            && !self.may_open_referent[b as usize]
        {
            return;
        }
        let opening = text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("");
        let lead = opening.len() - opening.trim_start().len();
        let opening = &opening[lead..];
        let (p, noun) = match possessive_opening(opening) {
            Some((p, n)) => (p, Some(span.start + (lead + n) as u32)),
            None => match self.opening_person_pronoun(opening) {
                Some(p) => (p, None),
                None => return,
            },
        };
        // The possessed noun reports when a reporting verb comes after it and before any
        // actor ("His successor said Ukraine…"; not "Her remarks came later, after Russia
        // answered", where the noun itself, her own remarks, is no other speaker).
        if let Some(noun) = noun {
            let first_actor = entities
                .iter()
                .find(|h| matches!(h.target, Target::Actor(_)))
                .map_or(u32::MAX, |h| h.start);
            let reports = markers.iter().any(|m| {
                m.start > noun
                    && m.start < first_actor
                    && matches!(m.target, Target::Marker(k) if self.marker_role[k.index()] == Role::Report)
            });
            if reports {
                return;
            }
        }
        if next_holders.is_empty() {
            next_holders.extend_from_slice(&ctx.prev_holders);
        }
        if let Some(a) = self.opening_referent(p, ctx)
            && !next_holders.contains(&a)
        {
            next_holders.push(a);
        }
    }

    /// The "he" or "she" pronoun that `s` (a sentence's text, from its first character)
    /// opens with ("He also has…").
    fn opening_person_pronoun(&self, s: &str) -> Option<Pronoun> {
        // (Most sentences start with a letter no pronoun starts with: not split.)
        let &b = s.as_bytes().first()?;
        if !self.person_pronouns.iter().any(|(p, _)| {
            p.as_bytes()
                .first()
                .is_some_and(|f| f.eq_ignore_ascii_case(&b))
        }) {
            return None;
        }
        let first = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        self.person_pronouns
            .iter()
            .find(|(p, _)| !first.is_empty() && p.eq_ignore_ascii_case(first))
            .map(|&(_, p)| p)
    }

    /// The person a sentence-opening "he", "she", "his" or "her" refers to: the one such
    /// person among the previous sentence's holders, else among the actors it named.
    fn opening_referent(&self, p: Pronoun, ctx: &Context) -> Option<ActorIdx> {
        let fits = |a: &&ActorIdx| {
            self.actor_kind[a.index()] == ActorKind::Person
                && self.actor_pronoun[a.index()].is_none_or(|o| o == p)
        };
        let sole = |list: &[ActorIdx]| {
            let mut it = list.iter().filter(fits);
            let first = *it.next()?;
            it.all(|&a| a == first).then_some(first)
        };
        sole(&ctx.prev_holders).or_else(|| sole(&ctx.prev_actors))
    }

    /// The actor that opens a sentence as its subject, followed by a verb-like lowercase word
    /// ("Trump has spent the summer…") or as the possessor of its first noun ("Trump's post…"):
    /// one actor at most one word into the sentence.
    fn opening_subject(
        &self,
        text: &str,
        start: u32,
        entities: &[Hit],
        markers: &[Hit],
    ) -> Option<ActorIdx> {
        let h = entities.first()?;
        let Target::Actor(a) = h.target else {
            return None;
        };
        let before = text.get(start as usize..h.start as usize)?;
        // (More than one word: the search stops at the second, where counting them all read
        // the whole of a long opening, by characters, for most sentences.)
        if before.split_whitespace().nth(1).is_some() || before.contains(',') {
            return None;
        }
        let after = text.get(h.end as usize..)?;
        // "Meloni's speech drew attention": the possessor of the opening noun; not of a
        // person ("Putin's spokesman Dmitry Peskov spoke…": the spokesman is the subject).
        if after.starts_with("'s ") || after.starts_with("’s ") {
            let noun = h.end + if after.starts_with('\'') { 3 } else { 5 };
            let person_noun = markers.iter().any(|m| {
                m.start == noun
                    && matches!(m.target, Target::Marker(k)
                        if matches!(self.marker_role[k.index()], Role::Title | Role::NonActor))
            });
            // A name right after the noun, or after a title of up to three words.
            let named = entities
                .iter()
                .find(|e| e.start >= noun && matches!(e.target, Target::Actor(_)))
                .and_then(|e| text.get(noun as usize..e.start as usize))
                .is_some_and(|gap| gap.split_whitespace().nth(3).is_none());
            return (!person_noun && !named).then_some(a);
        }
        // "Yuri Ushakov, Putin's foreign policy aide, was blunter…": an apposition of up to
        // six words between commas; the verb comes after it (and an actor inside it, such as
        // "Putin's", only describes the subject).
        // (Any white space after the comma: a line break or two spaces is one.)
        let comma_space = after
            .strip_prefix(',')
            .filter(|r| r.starts_with(char::is_whitespace))
            .map(str::trim_start);
        let (after, apposition) = match comma_space {
            Some(rest) => {
                let close = rest.find(',')?;
                let inside = &rest[..close];
                let words = inside.split_whitespace().count();
                if words == 0 || words > 6 || inside.contains(['"', '“', '(', ';', ':']) {
                    return None;
                }
                (&rest[close + 1..], true)
            }
            None => (after, false),
        };
        // (After any white space: "Zelensky  has arrived", "Zelensky" + line break + "has".)
        let next = after
            .strip_prefix(char::is_whitespace)?
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()?;
        // An auxiliary or a word in -s/-ed ("has", "was", "rejected", "says"); not a noun
        // that makes the actor a qualifier ("Putin ally Yuri Ushakov", "Kremlin aide").
        let auxiliary = matches!(
            next,
            "has"
                | "had"
                | "have"
                | "is"
                | "was"
                | "are"
                | "were"
                | "will"
                | "would"
                | "could"
                | "can"
                | "did"
                | "does"
                | "must"
                | "should"
                | "also"
                | "then"
                | "now"
        );
        let inflected = next.len() > 3
            && next.starts_with(|c: char| c.is_ascii_lowercase())
            && (next.ends_with("ed") || next.ends_with('s'));
        // Another actor right after it: the first one only qualifies it.
        let qualifier = !apposition
            && entities
                .get(1)
                .is_some_and(|n| n.start.saturating_sub(h.end) <= 16);
        ((auxiliary || inflected) && !qualifier).then_some(a)
    }

    /// Persons mentioned lately (`out`), updated with a sentence's mentions (at most eight).
    /// Adds a sentence's actor mentions to the last eight persons (each once, most recent
    /// last) and the last eight collective mentions of the context.
    fn recent_actors(&self, ctx: &mut Context, entities: &[Hit]) {
        ctx.since_person = ctx.since_person.saturating_add(1);
        for h in entities {
            let Target::Actor(a) = h.target else { continue };
            if self.actor_kind[a.index()] == ActorKind::Person {
                ctx.since_person = 0;
                ctx.recent_persons.retain(|&x| x != a);
                ctx.recent_persons.push(a);
            } else {
                ctx.recent_collectives.push(a);
            }
        }
        for list in [&mut ctx.recent_persons, &mut ctx.recent_collectives] {
            let excess = list.len().saturating_sub(8);
            if excess > 0 {
                list.drain(..excess);
            }
        }
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
struct Sentence<'d> {
    text: &'d str,
    /// The tokens of the sentence (of the header and the item, for a list item).
    tokens: Vec<Token>,
    /// Lowercased word of each token ("" for punctuation).
    words: Vec<&'d str>,
    actors: Vec<ActorMention>,
    topics: Vec<TopicMention>,
    cues: Vec<CueMention>,
    markers: Vec<MarkerMention>,
    /// Role bits of markers starting at each token.
    starts: Vec<u64>,
    /// Role bits of markers covering each token.
    covers: Vec<u64>,
    /// Clause number of each token.
    clause: Vec<u16>,
    /// The entity at each token: Some(index into actors) / topics. These three tables may
    /// be longer than the sentence (they only grow within a document, where resizing them
    /// to each sentence's length refilled them): an entry past the last token is `None`,
    /// so read them by index or by `get(k).copied().flatten()`, never by their length.
    actor_at: Vec<Option<usize>>,
    topic_at: Vec<Option<usize>>,
    cue_at: Vec<Option<usize>>,
    /// For a list item read after its header, the item's first token: a cue of the header
    /// governs the item's first topic wherever it stands in the item (the item is its object).
    item_start: Option<usize>,
    /// Does this sentence, or the one before, list three or more persons (`Context::here_list`,
    /// `prev_list`)? Only then does a joint statement stand for them.
    listed: bool,
    prev_listed: bool,
    /// The role bits of all its markers: a search of the markers for a role the sentence
    /// has none of (most of them, for most roles) is skipped.
    roles: u64,
    /// The last two answers of [`Sentence::scan_subject`] (token, answer; `usize::MAX` for
    /// none yet): a holder search often asks for the subject before the same cue twice
    /// (about a fifth of the searches).
    subject_memo: std::cell::Cell<[(usize, Option<Found>); 2]>,
    /// Scratch space of [`Sentence::read`]: the actor mentions before they are merged, and
    /// the tokens that may open a clause.
    raw_actors: Vec<ActorMention>,
    clause_at: Vec<usize>,
    /// Scratch space of [`Sentence::read`]: at `k`, the token that starts at byte `k` of the
    /// span read, where a token starts (elsewhere a stale entry, so each answer is checked).
    token_at: Vec<u32>,
    /// The buffers of [`Sentence::tag`] (cue chains, their plans, governed topics, written
    /// triples), kept across sentences and documents, where each sentence with a cue
    /// allocated its own: the tagger takes them out for a document and passes them to `tag`
    /// (which reads the sentence through `&self`), and puts them back at its end.
    tag_buffers: TagBuffers,
}

/// Does `s` (a sentence's text, from its first character) open with the word "His" or
/// "Her" ("His letter offered…")? The pronoun it stands for, and the byte offset in `s` of
/// the word after it, the possessed noun. The pipeline finds the markers of such a
/// sentence, so that the tagger can tell whether the noun reports ("His successor said…").
pub(crate) fn possessive_opening(s: &str) -> Option<(Pronoun, usize)> {
    let b = s.as_bytes();
    if b.len() < 4 || !b[0].eq_ignore_ascii_case(&b'h') {
        return None;
    }
    let p = if b[1..3].eq_ignore_ascii_case(b"is") {
        Pronoun::He
    } else if b[1..3].eq_ignore_ascii_case(b"er") {
        Pronoun::She
    } else {
        return None;
    };
    // (A word of its own: white space after it, not "History" or "Herald".)
    let rest = s.get(3..)?;
    let space = rest.len() - rest.trim_start().len();
    (space > 0).then_some((p, 3 + space))
}

/// A hyphen between spaces, or two ("Graham said his bill -- which would allow tariffs --
/// has 80 co-sponsors", "Moscow - and Minsk - objected"), in `tokens[from..]` is a dash, as
/// typewriters and wire copy write one: its token becomes an en dash ("--" one token), so
/// that it parts asides and clauses as "—" does. Not a hyphen that opens the text read (a
/// list item's "- "), nor one in a word ("co-sponsors"). (Spaces only, no tab or line break:
/// the caller skips documents without " -".) Tokens are compacted in place, in one pass.
fn spaced_dashes(text: &str, tokens: &mut Vec<Token>, from: usize) {
    let b = text.as_bytes();
    let spaced = |at: usize| b.get(at) == Some(&b' ');
    // Tokens are read at `k` and written at `w` (`w <= k`).
    let (mut k, mut w) = (from, from);
    while k < tokens.len() {
        let t = tokens[k];
        let mut out = t;
        let mut step = 1;
        if k > from && t.is_punct('-') {
            // "--": the second hyphen right after the first.
            let double = tokens
                .get(k + 1)
                .is_some_and(|n| n.is_punct('-') && n.start == t.end);
            let end = if double { tokens[k + 1].end } else { t.end };
            if t.start > 0 && spaced(t.start as usize - 1) && spaced(end as usize) {
                out = Token {
                    kind: TokenKind::Punct('–'),
                    start: t.start,
                    end,
                };
                step = if double { 2 } else { 1 };
            }
        }
        tokens[w] = out;
        w += 1;
        k += step;
    }
    tokens.truncate(w);
}

/// How many of a document's first sentences read are compared with each later one up to white
/// space ([`same_words`]), as a headline and what follows it.
const HEADS: usize = 3;

/// Are `a` and `b` the same words, up to white space (a run of ASCII white space or no-break
/// spaces in one where the other has such a run)? Compared byte by byte, stopping at the
/// first difference (most pairs differ in their first bytes).
fn same_words(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Steps `i` over white space; was there any?
    let skip = |x: &[u8], i: &mut usize| {
        let from = *i;
        loop {
            match x.get(*i) {
                Some(&c) if is_ascii_white(c) => *i += 1,
                Some(0xC2) if x.get(*i + 1) == Some(&0xA0) => *i += 2,
                _ => return *i > from,
            }
        }
    };
    let (mut i, mut j) = (0, 0);
    loop {
        let (wa, wb) = (skip(a, &mut i), skip(b, &mut j));
        match (a.get(i), b.get(j)) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y && wa == wb => {
                i += 1;
                j += 1;
            }
            _ => return false,
        }
    }
}

/// A sentence's words as a key of the set of sentences read so far: equal when the texts are
/// equal, hashed by their length and their first, middle and last 8 bytes only (a sentence
/// was hashed whole, 8 bytes at a time; sentences that share those and differ elsewhere
/// only share a bucket, and are still told apart by comparing them).
#[derive(Clone, Copy, PartialEq, Eq)]
struct SentenceKey<'a>(&'a str);

impl std::hash::Hash for SentenceKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let b = self.0.as_bytes();
        let n = b.len();
        // The 8 bytes at `at` (fewer, zero-padded, past the end).
        let eight = |at: usize| -> u64 {
            match b.get(at..at + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
                Some(c) => u64::from_le_bytes(c),
                None => b
                    .get(at..)
                    .unwrap_or_default()
                    .iter()
                    .rev()
                    .fold(0u64, |v, &x| v << 8 | u64::from(x)),
            }
        };
        state.write_u64(n as u64);
        state.write_u64(eight(0));
        state.write_u64(eight(n / 2));
        state.write_u64(eight(n.saturating_sub(8)));
    }
}

/// What [`Sentence::tag`] makes of a cue chain before it looks for holders.
struct Plan {
    stance: Option<Stance>,
    negation: Option<ByteSpan>,
    topics: Vec<TopicRef>,
    scope: Option<&'static str>,
    /// Is the chain's first cue a passive (asked once, for both passes)?
    passive: bool,
    /// Has the chain taken the next chain's topics as its object?
    took_next: bool,
}

/// The buffers [`Sentence::tag`] fills for each sentence, kept across sentences.
#[derive(Default)]
struct TagBuffers {
    /// The cue chains (first and last cue of each).
    chains: Vec<(usize, usize)>,
    /// Each chain's plan.
    plans: Vec<Plan>,
    /// The topics the chains govern.
    governed: Vec<usize>,
    /// The triples written.
    emitted: Emitted,
}

/// The (holder, topic, stance) triples a sentence has given records for, so that it gives
/// each once: a sentence has a few, so a list searched in order (empty until the first
/// record, so most sentences allocate nothing) costs less than a hash set, which hashed
/// every triple and allocated its table for each sentence with a record.
#[derive(Default)]
struct Emitted(Vec<(ActorIdx, TopicIdx, Stance)>);

impl Emitted {
    /// Adds `t`; returns whether it was not there yet (as `HashSet::insert`).
    fn insert(&mut self, t: (ActorIdx, TopicIdx, Stance)) -> bool {
        if self.0.contains(&t) {
            return false;
        }
        self.0.push(t);
        true
    }
}

/// A header sentence whose position the list items after it complete: its span and the
/// ranges of its entity, cue and marker hits.
#[derive(Clone, Copy, Debug)]
struct ListHead {
    span: Span,
    ranges: [(usize, usize); 3],
    /// May its items go without bullets? Only when the header names an actor, no topic, and a
    /// position by a noun ("The proposal of Starmer contained:", "Kyiv's demands:"): the items
    /// then say what the position is about. A header with a topic of its own introduces the
    /// author's points as often, and one with a verb ("Orban rejected the plan:") is as often
    /// followed by lines of prose.
    bare_items: bool,
}

/// The ASCII characters `char::is_whitespace` holds: tab, line feed, vertical tab, form feed,
/// carriage return and space.
fn is_ascii_white(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// How far into a sentence a speaker's label may end (its colon).
const LABEL_SCAN: usize = 96;

/// The colon of a speaker's label that opens a sentence ("TRUMP: Look…", "[00:12:31]
/// Zelensky: We…", "KELLY (Kyiv): He…", "Q: Will…"), as a byte offset in the sentence: after
/// a time stamp at most, one to six words (and a parenthesis) without sentence punctuation,
/// then ':' and a space. None for a time ("14:05") or a sentence that does not open so.
/// Read from the bytes, for every sentence (a turn's label often has no cue, so its sentence
/// is not read into tokens); within a read sentence, `Sentence::sentence_speaker` finds the
/// same "Zakharova: …" opening from its tokens.
pub(crate) fn speaker_label(sentence: &str) -> Option<usize> {
    let b = sentence.as_bytes();
    // Most sentences have no colon near their start: they are passed over at once.
    memchr::memchr(b':', &b[..b.len().min(LABEL_SCAN)])?;
    label_colon(b)
}

/// [`speaker_label`] past its first test (kept apart: most sentences never get here).
///
/// A no-break space (U+00A0) is read as a space throughout: "- Macron:\u{a0}no French
/// soldiers" is a label as "- Macron: no…" is.
#[inline(never)]
fn label_colon(b: &[u8]) -> Option<usize> {
    // A time stamp: digits, brackets and the punctuation of times, and spaces.
    let mut k = 0;
    let mut last_space = false;
    while k < b.len() {
        let space = space_len(b, k);
        if space > 0 {
            k += space;
            last_space = true;
        } else if matches!(b[k], b'0'..=b'9' | b'[' | b']' | b':' | b'.') {
            k += 1;
            last_space = false;
        } else {
            break;
        }
    }
    if k > 0 && !last_space {
        // "14:05" glued to a word is no stamp; nothing of the kind opens a label.
        return None;
    }
    let (mut words, mut in_word, mut in_paren) = (0, false, false);
    while k < b.len() && k < LABEL_SCAN {
        let space = space_len(b, k);
        if space > 1 {
            in_word = false;
            k += space;
            continue;
        }
        match b[k] {
            b':' if !in_paren => {
                return ((1..=6).contains(&words) && space_len(b, k + 1) > 0).then_some(k);
            }
            b'(' => in_paren = true,
            b')' => in_paren = false,
            b'!' | b'?' | b';' | b'"' | b'\n' if !in_paren => return None,
            c if c.is_ascii_alphabetic() || c >= 0x80 || c == b'\'' || c == b'-' => {
                if !in_word && !in_paren {
                    // A name, not a clause ("Lavrov was sharper: …", "Trump post: …"):
                    // its words are capitalised, but for the particles of names.
                    if c.is_ascii_lowercase() && !name_particle(&b[k..]) {
                        return None;
                    }
                    words += 1;
                }
                in_word = true;
                k += 1;
                continue;
            }
            _ => {}
        }
        in_word = false;
        k += 1;
    }
    None
}

/// The length in bytes of the space at `b[k]`: 1 for a space or a tab, 2 for a no-break
/// space (U+00A0, C2 A0), else 0.
fn space_len(b: &[u8], k: usize) -> usize {
    match b.get(k) {
        Some(b' ' | b'\t') => 1,
        Some(0xC2) if b.get(k + 1) == Some(&0xA0) => 2,
        _ => 0,
    }
}

/// Does `rest` open with a lowercase particle of a name ("von der Leyen", "de Gaulle"),
/// before a space or a no-break space?
fn name_particle(rest: &[u8]) -> bool {
    if rest.starts_with(b"al-") {
        return true;
    }
    [
        "von", "der", "van", "de", "da", "du", "la", "le", "bin", "ter",
    ]
    .iter()
    .any(|p| rest.starts_with(p.as_bytes()) && space_len(rest, p.len()) > 0)
}

/// Does the sentence end with ':' after any white space (a header)? Read from its last byte
/// where that is ASCII (a call of `trim_end` per sentence cost more than the test).
fn ends_with_colon(sentence: &str) -> bool {
    match sentence.as_bytes().last() {
        Some(&b) if b < 0x80 && !is_ascii_white(b) => b == b':',
        _ => sentence.trim_end().ends_with(':'),
    }
}

/// The sentence without the white space and the full stops, exclamation marks and ellipses
/// at its end (a headline has none where the body sentence repeating it has one). ASCII ones
/// are passed over by bytes; from a byte past ASCII on, `trim_end_matches` decides.
fn without_final_stop(sentence: &str) -> &str {
    let b = sentence.as_bytes();
    let mut e = b.len();
    while e > 0 && (is_ascii_white(b[e - 1]) || matches!(b[e - 1], b'.' | b'!')) {
        e -= 1;
    }
    let rest = &sentence[..e];
    if e > 0 && b[e - 1] >= 0x80 {
        return rest.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '…'));
    }
    rest
}

/// "Ukraine would support a truce at any moment, but … it would mean little unless it came
/// with guarantees": a sentence that backs a topic and also backs it on a condition, for the
/// same holder, states conditional backing (the guidelines' "backs it only under a stated
/// condition"). The support records of `out.records[from..]` that a conditional record of the
/// same holder and topic qualifies are dropped, with a note.
fn conditional_wins(out: &mut Tagged, from: usize, si: usize) {
    let here = &out.records[from..];
    // (Most read sentences have no conditional record: nothing to look at, nothing allocated.)
    if !here.iter().any(|c| c.stance == Stance::Conditional) {
        return;
    }
    let qualified: Vec<bool> = here
        .iter()
        .map(|r| {
            r.stance == Stance::Support
                && here.iter().any(|c| {
                    c.stance == Stance::Conditional && c.holder == r.holder && c.topic == r.topic
                })
        })
        .collect();
    if !qualified.contains(&true) {
        return;
    }
    drop_records(
        out,
        from,
        si,
        |i, _| qualified[i],
        "support that the same sentence makes conditional for the same holder: the \
         conditional record stands",
    );
}

/// Drops the records of `out.records[from..]` for which `drop` (given the index from `from`
/// and the record) holds, each with a note for `explain` on sentence `si` giving `reason`.
fn drop_records(
    out: &mut Tagged,
    from: usize,
    si: usize,
    mut drop: impl FnMut(usize, &Record) -> bool,
    reason: &str,
) {
    let mut k = 0;
    let mut dropped = Vec::new();
    out.records.retain(|r| {
        let i = k;
        k += 1;
        let gone = i >= from && drop(i - from, r);
        if gone {
            dropped.push(r.cue_spans.first().copied().unwrap_or(r.topic_span));
        }
        !gone
    });
    for cue in dropped {
        out.notes.push(Note {
            sentence: si,
            cue,
            reason: reason.to_string(),
        });
    }
}

impl Tagger {
    /// "Trump wrote that Putin might be stringing him along and floated secondary
    /// sanctions": a topic aimed at one side (topics.csv `target`: sanctions at Russia) is
    /// never backed by that side, so a record of `out.records[from..]` that has it backed,
    /// outright or on a condition, by that actor or one of its side misread its holder. It is
    /// dropped, with a note.
    fn against_target(&self, out: &mut Tagged, from: usize, si: usize) {
        let aimed_at_holder = |r: &Record| {
            r.stance != Stance::Reject
                && self.topic_target[r.topic.index()]
                    .is_some_and(|t| r.holder == t || self.actor_affiliation[r.holder.index()] == t)
        };
        // (Most sentences have no such record: nothing allocated.)
        if !out.records[from..].iter().any(aimed_at_holder) {
            return;
        }
        drop_records(
            out,
            from,
            si,
            |_, r| aimed_at_holder(r),
            "a topic aimed at the holder's own side (topics.csv target), backed by it: the \
             holder was misread, no record",
        );
    }
}

/// What a line of a table is: a row of cells, or the rule under the heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    Cells,
    Rule,
}

/// Is this sentence a line of a table ("| France | Troops | After a ceasefire |", "|---|---|")?
fn table_row_kind(sentence: &str) -> Option<RowKind> {
    // A sentence that opens with an ASCII letter or digit (most do) trims to itself at its
    // start, so it does not start with '|': no row, decided without trimming it.
    if sentence.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let t = sentence.trim();
    let rest = t.strip_prefix('|')?;
    if !rest.contains('|') {
        return None;
    }
    if t.bytes()
        .all(|b| matches!(b, b'|' | b'-' | b':' | b'+' | b' '))
    {
        Some(RowKind::Rule)
    } else {
        Some(RowKind::Cells)
    }
}

/// Is the sentence a list item: a bullet ("-", "•", "*", "·", "–") or a number with "." or ")"
/// before its words?
fn is_list_item(sentence: &str) -> bool {
    let t = sentence.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('-' | '•' | '*' | '·' | '–' | '▪' | '◦') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            let mut r = rest.chars();
            matches!(r.next(), Some('.' | ')')) && r.next().is_some_and(char::is_whitespace)
        }
        _ => false,
    }
}

/// An item of a list written without bullets: a short sentence that is a line of its own
/// ("The proposal of Starmer listed:" and then "A mutual defence pact between…", "Harder
/// enforcement of sanctions…", one to a line). Asked only under a list header; a
/// line of several sentences, or a long one, is prose again and ends the list.
fn is_line_item(text: &str, start: u32, end: u32) -> bool {
    let (start, end) = (start as usize, end as usize);
    let before = text
        .get(..start)
        .map(|t| t.trim_end_matches([' ', '\t', '\u{a0}']));
    let after = text
        .get(end..)
        .map(|t| t.trim_start_matches([' ', '\t', '\u{a0}']));
    end.saturating_sub(start) <= MAX_LINE_ITEM_BYTES
        && before.is_some_and(|t| t.ends_with('\n'))
        && after.is_some_and(|t| t.is_empty() || t.starts_with(['\n', '\r']))
}

/// The longest list item without a bullet, in bytes (about 30 words).
const MAX_LINE_ITEM_BYTES: usize = 200;

/// Does a mention stand at any token of `t0..t1` (`at`: `Sentence::actor_at` or `topic_at`)?
/// Most hits are one token: one load, where the slice's iterator cost about 25 instructions
/// per marker hit.
#[inline]
fn any_at(at: &[Option<usize>], t0: usize, t1: usize) -> bool {
    if t1 == t0 + 1 {
        at[t0].is_some()
    } else {
        at[t0..t1].iter().any(Option::is_some)
    }
}

/// The token range `[t0, t1)` covering byte span `[start, end)`.
fn token_range(tokens: &[Token], start: u32, end: u32) -> (usize, usize) {
    let t0 = tokens.partition_point(|t| t.end <= start);
    let t1 = tokens.partition_point(|t| t.start < end).max(t0);
    (t0, t1)
}

/// [`token_range`] by the table of the tokens' starts ([`Sentence::token_at`], bytes from
/// `base` on): a span that starts where a token starts (every hit, in practice) finds its first
/// token by one load, and most end with that token. Where the three lists of hits were mapped
/// by a cursor each stepping over the sentence's tokens, the steps cost about 6 instructions a
/// token a list, 3 per byte of the run (callgrind, `/tmp/cg2mb`).
#[inline]
fn range_at(tokens: &[Token], token_at: &[u32], base: u32, start: u32, end: u32) -> (usize, usize) {
    // (A span before `base` wraps to an index past the table.)
    if let Some(&t) = token_at.get(start.wrapping_sub(base) as usize)
        && let t0 = t as usize
        && let Some(first) = tokens.get(t0)
        && first.start == start
    {
        // (Most hits are one token.)
        if first.end == end {
            debug_assert_eq!((t0, t0 + 1), token_range(tokens, start, end));
            return (t0, t0 + 1);
        }
        let mut t1 = t0;
        while t1 < tokens.len() && tokens[t1].start < end {
            t1 += 1;
        }
        debug_assert_eq!((t0, t1), token_range(tokens, start, end));
        return (t0, t1);
    }
    token_range(tokens, start, end)
}

impl<'d> Sentence<'d> {
    /// An empty sentence of `text`, its buffers sized for sentences of up to `n` tokens
    /// (longer ones grow them). One is made per thread, kept from document to document
    /// ([`Sentence::spare`]), and read again for each sentence ([`Sentence::read`]):
    /// reading one allocates nothing once the buffers have grown, and its buffers stay
    /// where they are (building a sentence from buffers taken out of a scratch struct, and
    /// handing them back, moved about 450 bytes of vector headers per sentence).
    fn with_capacity(text: &'d str, n: usize) -> Sentence<'d> {
        // Mentions, cues and markers: at most one per token, a few in most sentences.
        let m = n / 4 + 4;
        Sentence {
            text,
            tokens: Vec::with_capacity(n),
            words: Vec::with_capacity(n),
            actors: Vec::with_capacity(m),
            topics: Vec::with_capacity(m),
            cues: Vec::with_capacity(m),
            markers: Vec::with_capacity(n / 2 + 4),
            starts: Vec::with_capacity(n),
            covers: Vec::with_capacity(n),
            clause: Vec::with_capacity(n),
            actor_at: Vec::with_capacity(n),
            topic_at: Vec::with_capacity(n),
            cue_at: Vec::with_capacity(n),
            item_start: None,
            listed: false,
            prev_listed: false,
            roles: 0,
            subject_memo: std::cell::Cell::new([(usize::MAX, None); 2]),
            raw_actors: Vec::with_capacity(m),
            clause_at: Vec::with_capacity(m),
            token_at: Vec::new(),
            tag_buffers: TagBuffers::default(),
        }
    }

    /// This sentence's buffers, for the next document's ([`Sentence::reuse`]), emptied: the
    /// sentence is as [`Sentence::with_capacity`] makes one, but for the capacities (and the
    /// stale entries of `token_at`, which are checked where read). `None` when they have
    /// grown past what one thread should keep (a long list header read with a far item).
    fn spare(self) -> Option<Sentence<'static>> {
        const KEEP_TOKENS: usize = 1 << 14;
        if self.tokens.capacity() > KEEP_TOKENS || self.token_at.capacity() > 1 << 16 {
            return None;
        }
        let mut words = self.words;
        words.clear();
        // An empty vector of `&'d str` as one of `&'static str`: collected in place (same
        // size and alignment), its buffer kept.
        let words: Vec<&'static str> = words.into_iter().map(|_| "").collect();
        // (Each buffer emptied as it is moved in: the mention tables with the mention lists,
        // as `read` expects them to agree.)
        let s = Sentence {
            text: "",
            tokens: cleared(self.tokens),
            words,
            actors: cleared(self.actors),
            topics: cleared(self.topics),
            cues: cleared(self.cues),
            markers: cleared(self.markers),
            starts: cleared(self.starts),
            covers: cleared(self.covers),
            clause: cleared(self.clause),
            actor_at: cleared(self.actor_at),
            topic_at: cleared(self.topic_at),
            cue_at: cleared(self.cue_at),
            item_start: None,
            listed: false,
            prev_listed: false,
            roles: 0,
            subject_memo: std::cell::Cell::new([(usize::MAX, None); 2]),
            raw_actors: cleared(self.raw_actors),
            clause_at: cleared(self.clause_at),
            token_at: self.token_at,
            tag_buffers: self.tag_buffers,
        };
        Some(s)
    }

    /// A sentence of `text` with the buffers of `spare` ([`Sentence::spare`]), with room
    /// for at least what [`Sentence::with_capacity`] would give it (a sentence of `n` tokens
    /// more than the previous document's last read).
    fn reuse(spare: Sentence<'static>, text: &'d str, n: usize) -> Sentence<'d> {
        let mut s: Sentence<'d> = spare;
        s.text = text;
        for v in [&mut s.starts, &mut s.covers] {
            v.reserve(n);
        }
        for v in [&mut s.actor_at, &mut s.topic_at, &mut s.cue_at] {
            v.reserve(n);
        }
        s.tokens.reserve(n);
        s.words.reserve(n);
        s.clause.reserve(n);
        s.markers.reserve(n / 2 + 4);
        s
    }

    /// Reads one sentence whose tokens are in `self.tokens`: their words, mentions, cues and
    /// markers, and clauses. `hits` are the document's entity, cue and marker hits from this
    /// sentence on. Everything the previous sentence read is replaced; `item_start`,
    /// `listed` and `prev_listed` are left to the caller.
    // (Inlined into both callers, the tagger's loop and its look-ahead for a quote's
    // speaker: called from two places it was kept out of line, at 1.3 instructions a byte.)
    #[inline(always)]
    fn read(
        &mut self,
        tagger: &Tagger,
        span: Span,
        lower: &'d str,
        hits: (&[Hit], &[Hit], &[Hit]),
    ) {
        let (entities, cues, markers) = hits;
        // The mention tables are kept all `None` between sentences: the entries the
        // previous sentence set (a few) are cleared, and only their length is set below,
        // where filling every token's entry of the three tables cost about as much as the
        // rest of reading the entities.
        for m in &self.actors {
            self.actor_at[m.t0..m.t1].fill(None);
        }
        for m in &self.topics {
            self.topic_at[m.t0..m.t1].fill(None);
        }
        for c in &self.cues {
            self.cue_at[c.t0..c.t1].fill(None);
        }
        let n = self.tokens.len();
        for v in [&mut self.actor_at, &mut self.topic_at, &mut self.cue_at] {
            debug_assert!(v.iter().all(Option::is_none));
            if v.len() < n {
                v.resize(n, None);
            }
        }
        for v in [&mut self.starts, &mut self.covers] {
            v.clear();
            v.resize(n, 0);
        }
        self.clause.clear();
        self.clause.resize(n, 0);
        self.actors.clear();
        self.topics.clear();
        self.cues.clear();
        self.markers.clear();
        self.item_start = None;
        self.listed = false;
        self.prev_listed = false;
        self.roles = 0;
        self.subject_memo.set([(usize::MAX, None); 2]);
        let tokens = &self.tokens;
        // The words and the table of token starts in one pass over the tokens.
        let base = span.start;
        // (Bounded: a longer span, a list header read with an item far after it, finds the
        // tokens past the table by binary search.)
        let len = (span.end.saturating_sub(base) as usize).min(1 << 16);
        if self.token_at.len() < len {
            self.token_at.resize(len, 0);
        }
        let token_at = &mut self.token_at;
        self.words.clear();
        // (`move`: `base` is copied into the closure, not loaded through a reference for
        // every token.)
        self.words
            .extend(tokens.iter().enumerate().map(move |(i, t)| match t.kind {
                TokenKind::Word => {
                    if let Some(at) = token_at.get_mut(t.start.wrapping_sub(base) as usize) {
                        *at = i as u32;
                    }
                    lower.get(t.start as usize..t.end as usize).unwrap_or("")
                }
                TokenKind::Punct(_) => "",
            }));
        let token_at = &self.token_at[..];
        let inside = |h: &Hit| h.end <= span.end;
        let mut actors = std::mem::take(&mut self.raw_actors);
        actors.clear();
        for h in entities.iter().filter(|h| inside(h)) {
            let (t0, t1) = range_at(tokens, token_at, base, h.start, h.end);
            if t0 >= t1 {
                continue;
            }
            match h.target {
                Target::Actor(actor) => actors.push(ActorMention { actor, t0, t1 }),
                Target::Topic { topic, opposite } => self.topics.push(TopicMention {
                    topic,
                    opposite,
                    t0,
                    t1,
                }),
                _ => {}
            }
        }
        // "demands a guarantee that Ukraine will never join NATO": a cue that starts inside a
        // topic phrase and runs past it into "that" ("guarantee that"), with an actor right
        // after it and another topic later in the clause, makes the phrase the wrapper of the
        // clause, which is what is wanted; the phrase is no topic. (Not "guarantees that
        // would deter Russia", a relative clause, nor "guarantees that Russia will not attack
        // again", which names no other topic.)
        if self.topics.len() > 1 {
            let words = &self.words;
            let topics = &mut self.topics;
            // (The hit's own bytes first: most cues do not end in "that", and the cue loop
            // below finds their tokens anyway.)
            let ends_that = |h: &&Hit| {
                lower
                    .get(h.start as usize..h.end as usize)
                    .is_some_and(|c| c.ends_with("that"))
            };
            for h in cues.iter().filter(|h| inside(h)).filter(ends_that) {
                let (t0, t1) = range_at(tokens, token_at, base, h.start, h.end);
                if t0 + 1 >= t1 || words[t1 - 1] != "that" || !actors.iter().any(|a| a.t0 == t1) {
                    continue;
                }
                let clause_end = (t1..tokens.len())
                    .find(|&k| matches!(tokens[k].kind, TokenKind::Punct(';' | '.' | ',')))
                    .unwrap_or(tokens.len());
                let Some(other) = topics.iter().find(|m| t1 < m.t0 && m.t1 <= clause_end) else {
                    continue;
                };
                // Only a guarantee that something will not happen ("that Ukraine will never join
                // NATO"): "received assurances that Russia would agree to a ceasefire" reports
                // the giver's position, "wants a guarantee that Europe will defend Ukraine" is
                // a security guarantee.
                let negated = (t1..other.t0).any(|k| matches!(words[k], "not" | "never" | "t"));
                if !negated {
                    continue;
                }
                topics.retain(|m| !(m.t0 <= t0 && t0 < m.t1 && m.t1 < t1));
            }
        }
        for (i, m) in self.topics.iter().enumerate() {
            self.topic_at[m.t0..m.t1].fill(Some(i));
        }
        // Cues inside a topic phrase are part of the topic ("halt the fighting").
        let (words, topic_at) = (&self.words, &self.topic_at);
        for h in cues.iter().filter(|h| inside(h)) {
            let (t0, mut t1) = range_at(tokens, token_at, base, h.start, h.end);
            // A cue that runs into a topic by an article ("must be part of a" before "a
            // comprehensive deal") ends where the topic starts.
            if t0 < t1
                && topic_at[t0].is_none()
                && let Some(k) = (t0..t1).find(|&k| topic_at[k].is_some())
                && (k..t1).all(|j| matches!(words[j], "a" | "an" | "the" | "any"))
            {
                t1 = k;
            }
            if t0 >= t1 || any_at(topic_at, t0, t1) {
                continue;
            }
            // "argued for months": a cue ending in "for" before a span of time is not one.
            let word = |t: usize| words.get(t).copied().unwrap_or("");
            let ends_for = word(t1 - 1) == "for";
            let (next, after_next) = (word(t1), word(t1 + 1));
            let temporal = ends_for
                && (matches!(
                    next,
                    "months" | "years" | "weeks" | "days" | "decades" | "hours" | "now"
                ) || (matches!(next, "a" | "some" | "the" | "long")
                    && matches!(
                        after_next,
                        "while" | "time" | "moment" | "year" | "month" | "week" | "decade"
                    )));
            // "NATO-backed", "U.S.-brokered": a participle joined to a word by a hyphen
            // describes a noun; it is nobody's position.
            let before = self
                .text
                .as_bytes()
                .get(..h.start as usize)
                .unwrap_or_default();
            let compound = h.participle
                && before.len() >= 2
                && before[before.len() - 1] == b'-'
                && (before[before.len() - 2].is_ascii_alphanumeric()
                    || before[before.len() - 2] == b'.');
            // "held back-to-back talks", "an all-for-all basis": a cue whose last word runs
            // on by a hyphen into a word is part of a compound ("back-to-back"), not a verb.
            let after = self
                .text
                .as_bytes()
                .get(h.end as usize..(h.end as usize + 2).min(self.text.len()))
                .unwrap_or_default();
            let runs_on = after.len() == 2 && after[0] == b'-' && after[1].is_ascii_alphabetic();
            // The same for the last part of such a compound ("back-to-back": the second
            // "back" comes after two hyphens in its word; "re-impose" after one is a verb).
            let chained = before.last() == Some(&b'-')
                && before
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_ascii_whitespace())
                    .filter(|&&c| c == b'-')
                    .take(2)
                    .count()
                    == 2;
            // "the full use of frozen Russian assets", "the suspended deliveries": a one-word
            // participle after an article, a possessive determiner or a preposition, with a
            // word after it, describes the noun that follows; nobody freezes anything there.
            let attributive = h.participle
                && t1 == t0 + 1
                && t0 > 0
                && matches!(
                    word(t0 - 1),
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "these"
                        | "those"
                        | "of"
                        | "from"
                        | "with"
                        | "on"
                )
                && !next.is_empty()
                && !matches!(
                    next,
                    "by" | "in" | "to" | "as" | "at" | "for" | "until" | "since" | "over" | "and"
                );
            if let Target::Cue(cue) = h.target
                && !temporal
                && !compound
                && !runs_on
                && !chained
                && !attributive
            {
                self.cues.push(CueMention {
                    cue,
                    participle: h.participle,
                    t0,
                    t1,
                    reach: tagger.cue_reach[cue.index()],
                });
            }
        }
        let mut merged = std::mem::take(&mut self.actors);
        self.normalize_actors(tagger, &actors, &mut merged);
        self.actors = merged;
        self.raw_actors = actors;
        for (i, m) in self.actors.iter().enumerate() {
            self.actor_at[m.t0..m.t1].fill(Some(i));
        }
        for (i, c) in self.cues.iter().enumerate() {
            self.cue_at[c.t0..c.t1].fill(Some(i));
        }
        // The tokens where a clause marker starts, or before a reporting verb ("…, and
        // said"): the only ones that can open a clause.
        let mut clause_at = std::mem::take(&mut self.clause_at);
        clause_at.clear();
        // Markers inside an entity mention belong to it ("European allies"); a condition
        // that only ends in a topic names the event waited for ("after a ceasefire"). A
        // condition is one run of words ("before, not after, any ceasefire" is none).
        for h in markers.iter().filter(|h| inside(h)) {
            let (t0, t1) = range_at(&self.tokens, token_at, base, h.start, h.end);
            let Target::Marker(m) = h.target else {
                continue;
            };
            let role = tagger.marker_role[m.index()];
            let bit = tagger.marker_bit[m.index()];
            let in_topic = any_at(&self.topic_at, t0, t1);
            if t0 >= t1
                || any_at(&self.actor_at, t0, t1)
                || (in_topic
                    && !matches!(
                        role,
                        Role::TopicVerb
                            | Role::Voicing
                            | Role::ContentVerb
                            | Role::ContentInfinitive
                            | Role::ProposalNoun
                    )
                    && !(role == Role::Condition && self.topic_at[t0].is_none()))
                || (role == Role::Condition
                    && (self.once_as_adverb(t0, t1)
                        || self.duration_idiom(t0, t1)
                        || self.tokens[t0..t1].iter().any(|t| !t.is_word())))
            {
                continue;
            }
            // "his government": an institution noun counts only after a possessive pronoun
            // (elsewhere "government troops", "a senior official" are plain words).
            if role == Role::Institution
                && !t0.checked_sub(1).is_some_and(|k| {
                    self.markers
                        .iter()
                        .any(|m| m.t1 == t0 && m.t0 == k && matches!(m.role, Role::Possessive(_)))
                })
            {
                continue;
            }
            {
                self.markers.push(MarkerMention { role, t0, t1 });
                self.roles |= bit;
                self.starts[t0] |= bit;
                // (Most markers are one word.)
                if t1 == t0 + 1 {
                    self.covers[t0] |= bit;
                } else {
                    for c in &mut self.covers[t0..t1] {
                        *c |= bit;
                    }
                }
                if bit & bits::CLAUSE != 0 {
                    clause_at.push(t0);
                }
                if bit & bits::REPORT != 0 && t0 > 0 {
                    clause_at.push(t0 - 1);
                }
            }
        }
        clause_at.sort_unstable();
        clause_at.dedup();
        // A token's clause number counts the clause starts up to it (`clause` is all zeros
        // here): only a token where a clause marker starts (or one before a reporting verb)
        // can be one, so the tests are made at those alone (`clause_at`, in order), and each
        // clause's tokens are filled at once.
        let (mut clause, mut from) = (0u16, 0);
        for &i in &clause_at {
            // ", and said …" opens a second clause of the same subject: a condition of the
            // first clause does not reach into it.
            let and_report = self.starts[i] & bits::CLAUSE == 0
                && i + 1 < n
                && self.comma_and_before(i + 1)
                && self.starts[i + 1] & bits::REPORT != 0;
            if self.starts[i] & bits::CLAUSE == 0 && !and_report {
                continue;
            }
            // Right after an auxiliary, a connective is an adverb: "Washington has yet to say".
            let after_auxiliary =
                i > 0 && self.tokens[i - 1].is_word() && self.covers[i - 1] & bits::AUXILIARY != 0;
            // So is one between commas inside a verb phrase: "would not, however, commit".
            let parenthetical = i >= 1
                && self.tokens[i - 1].is_punct(',')
                && self.tokens.get(i + 1).is_some_and(|t| t.is_punct(','))
                && self.verb_phrase_aside(i - 1, i + 1);
            if and_report
                || (self.cue_at[i].is_none()
                    && !self.condition_follows(i)
                    && !after_auxiliary
                    && !parenthetical)
            {
                self.clause[from..i].fill(clause);
                clause += 1;
                from = i;
            }
        }
        self.clause[from..].fill(clause);
        self.clause_at = clause_at;
    }

    /// Merges repeated mentions of one actor ("Russian President" + "Vladimir Putin") and drops
    /// collectives that only qualify a person ("Kremlin aide Yuri Ushakov", "Ukraine's
    /// Zelensky", "European leaders Macron and Merz").
    fn normalize_actors(
        &self,
        tagger: &Tagger,
        list: &[ActorMention],
        out: &mut Vec<ActorMention>,
    ) {
        out.clear();
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
    }

    /// Is the marker at tokens `[t0, t1)` the adverb "once" ("once again", "at once", "more
    /// than once") rather than the conjunction that opens a condition?
    fn once_as_adverb(&self, t0: usize, t1: usize) -> bool {
        t1 == t0 + 1
            && self.is_word(t0, "once")
            && (matches!(
                self.words.get(t1),
                Some(&("again" | "more" | "before" | "already"))
            ) || (self.is_word(t1, "and") && self.is_word(t1 + 1, "for"))
                || (t0 > 0 && matches!(self.words[t0 - 1], "at" | "than")))
    }

    /// Is the marker at tokens `[t0, t1)` "as long as" (or "so long as") opening a clause of
    /// duration, not of condition: "for as long as it takes", "as long as necessary", "as long
    /// as needed", "as long as it is needed". A pledge made "for as long as it takes" is made
    /// without condition.
    fn duration_idiom(&self, t0: usize, t1: usize) -> bool {
        // The idiom ends its clause: punctuation or the sentence's end after it, or "to"/"for"
        // after "it takes" ("as long as it takes to get it right"); "as long as it takes part
        // as an equal" and "as long as necessary guarantees are…" are conditions.
        let ends = |k: usize| self.tokens.get(k).is_none_or(|t| !t.is_word());
        t1 == t0 + 3
            && matches!(self.words[t0], "as" | "so")
            && self.is_word(t0 + 1, "long")
            && ((self.is_word(t1, "it")
                && self.is_word(t1 + 1, "takes")
                && (ends(t1 + 2) || self.is_word(t1 + 2, "to") || self.is_word(t1 + 2, "for")))
                || (matches!(
                    self.words.get(t1),
                    Some(&("necessary" | "needed" | "required" | "possible"))
                ) && ends(t1 + 1))
                // "as long as it is needed", "as long as they are necessary"
                || (matches!(self.words.get(t1), Some(&("it" | "they" | "this" | "that")))
                    && matches!(
                        self.words.get(t1 + 1),
                        Some(&("is" | "are" | "remains" | "remain"))
                    )
                    && matches!(
                        self.words.get(t1 + 2),
                        Some(&("necessary" | "needed" | "required"))
                    )
                    && ends(t1 + 3)))
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
        // The title bit of `covers` is set on every token of a title marker: the same answer
        // without a pass over the markers.
        self.covers.get(i).is_some_and(|&c| c & bits::TITLE != 0)
    }

    fn span_of(&self, t0: usize, t1: usize) -> ByteSpan {
        if t0 >= t1 || t1 > self.tokens.len() {
            return (0, 0);
        }
        (self.tokens[t0].start, self.tokens[t1 - 1].end)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.words.get(i).is_some_and(|x| *x == w)
    }

    /// Is the sentence a question (ends with '?', perhaps inside quotes)?
    /// Does word `i` look like a past tense or participle the lexicon does not list
    /// ("greeted", "settled"): lowercase, ending in "-ed", not an adjective such as "united"?
    fn looks_past(&self, i: usize) -> bool {
        let w = self.words[i];
        self.text[self.tokens[i].start as usize..].starts_with(char::is_lowercase)
            && w.len() > 4
            && w.ends_with("ed")
            && !matches!(w, "united" | "armed" | "allied")
    }

    /// The first word token at or after `from`.
    fn next_word(&self, from: usize) -> Option<usize> {
        (from..self.tokens.len()).find(|&k| self.tokens[k].is_word())
    }

    /// The last word token before `before`.
    fn prev_word(&self, before: usize) -> Option<usize> {
        (0..before).rev().find(|&k| self.tokens[k].is_word())
    }

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

    /// Does a condition marker follow the clause marker at `i` ("but only if", "but once")?
    fn condition_follows(&self, i: usize) -> bool {
        let next = self.next_word(i + 1);
        match next {
            Some(k) if self.words[k] == "only" => true,
            Some(k) => self.starts[k] & bits::CONDITION != 0,
            None => false,
        }
    }

    /// Can the actor mention starting at token `t` be a subject? Not after a preposition
    /// ("with Putin"), a verb or verbal topic whose object it is ("urged Putin", "meet Putin",
    /// "told Zelensky"); after an accusing verb ("accused Kyiv of") the clause has no holder at
    /// all. After "said" it can: "Witkoff said Putin had agreed".
    #[inline(always)]
    fn subjecthood(&self, t: usize) -> Subjecthood {
        let mut i = t;
        let mut skipped = 0;
        while i > 0 {
            i -= 1;
            let tok = &self.tokens[i];
            if !tok.is_word() {
                // Quotes may sit between ("with ‘Moscow’"), not commas.
                if matches!(tok.kind, TokenKind::Punct('"' | '“' | '‘' | '\'')) {
                    continue;
                }
                return Subjecthood::Subject;
            }
            let covers = self.covers[i];
            if covers & bits::ACCUSATION != 0 {
                return Subjecthood::Stop;
            }
            // "he would rather Ukraine did not need the missiles": the subject of a wish after
            // "would rather" is what the wisher wants of it, not a holder.
            if self.words[i] == "rather"
                && skipped == 0
                && i > 0
                && matches!(self.words[i - 1], "would" | "d")
            {
                return Subjecthood::Object;
            }
            // "a demand Kyiv rejects": a resumptive noun after its article is no verb. (The
            // article first: one load, where the list of nouns is a score of compares.)
            if i > 0
                && matches!(self.words[i - 1], "a" | "an" | "one" | "the")
                && RESUMPTIVE_NOUNS.contains(&self.words[i])
            {
                return Subjecthood::Subject;
            }
            // "…came after Trump had made…", "…a day after Trump, who had made…": a word that
            // also opens a clause, before an actor with a verb of its own, is a conjunction.
            if matches!(
                self.words[i],
                "after" | "before" | "since" | "until" | "once"
            ) && skipped == 0
                && self.has_own_verb(t)
            {
                return Subjecthood::Subject;
            }
            if covers & (bits::PREPOSITION | bits::OBJECT_VERB) != 0
                || self.cue_at[i].is_some()
                || self.topic_at[i].is_some()
            {
                return Subjecthood::Object;
            }
            if matches!(self.words[i], "the" | "a" | "an" | "both" | "all") && skipped == 0 {
                skipped += 1;
                continue;
            }
            // A verb the lexicon does not list: a lowercase past tense ("greeted Zelenskiy",
            // "hosted"), a common irregular one ("met Putin"), or an infinitive ("to accompany
            // Zelenskiy") makes the actor after it its object.
            let w = self.words[i];
            let lowercase = self.text[tok.start as usize..].starts_with(char::is_lowercase);
            let past = self.looks_past(i);
            let irregular = matches!(
                w,
                "met"
                    | "saw"
                    | "gave"
                    | "sent"
                    | "left"
                    | "brought"
                    | "took"
                    | "held"
                    | "kept"
                    | "called"
                    | "visited"
                    | "hosted"
                    | "phoned"
                    | "received"
                    | "joined"
            );
            let infinitive = lowercase && i > 0 && self.is_word(i - 1, "to");
            if past || irregular || infinitive {
                return Subjecthood::Object;
            }
            return Subjecthood::Subject;
        }
        Subjecthood::Subject
    }

    /// Does the mention starting at token `t0` stand in a condition ("if", "unless", …) that
    /// opens after the last break before it and is closed by a comma before token `to`?
    fn in_leading_condition(&self, t0: usize, to: usize) -> bool {
        // (Most sentences have no condition marker: no walk.)
        if self.roles & bits::CONDITION == 0 {
            return false;
        }
        let opener = (0..t0)
            .rev()
            .take_while(|&k| !matches!(self.tokens[k].kind, TokenKind::Punct(',' | ';' | ':')))
            .any(|k| self.starts[k] & bits::CONDITION != 0);
        opener && (t0..to).any(|k| self.tokens[k].is_punct(','))
    }

    /// Is the actor mention at token `t` followed by a verb of its own: an auxiliary or modal
    /// ("Trump had made…") or a relative "who" (", who had made…")?
    fn has_own_verb(&self, t: usize) -> bool {
        let Some(a) = self.actor_at.get(t).copied().flatten() else {
            return false;
        };
        self.next_word(self.actors[a].t1).is_some_and(|k| {
            self.starts[k] & (bits::AUXILIARY | bits::MODAL) != 0 || self.words[k] == "who"
        })
    }

    fn after_preposition(&self, t: usize) -> bool {
        self.subjecthood(t) != Subjecthood::Subject
    }

    /// The coordinated group ending with actor mention `last`: walks left over ", X", "and X".
    fn group_ending_at(&self, last: usize) -> usize {
        let mut first = last;
        while first > 0 {
            let prev = first - 1;
            let gap_start = self.actors[prev].t1;
            let gap_end = self.actors[first].t0;
            if gap_end < gap_start || gap_end - gap_start > 12 {
                break;
            }
            // Countries the lexicon does not list may stand between two actors of the list
            // ("Germany, Finland, Denmark, Sweden and Canada"): capitalized words (and "the"),
            // after a comma that sets them off.
            let listed = |i: usize| {
                self.words[i] == "the"
                    || self.text[self.tokens[i].start as usize..]
                        .starts_with(|c: char| c.is_ascii_uppercase())
            };
            let after_comma = self.tokens[gap_start].is_punct(',');
            let ok = (gap_start..gap_end).all(|i| {
                let t = &self.tokens[i];
                t.is_punct(',')
                    || (t.is_word()
                        && (COORDINATORS.contains(&self.words[i])
                            || QUANTIFIERS.contains(&self.words[i])
                            || (after_comma && listed(i))))
            }) && (gap_end - gap_start <= 3 || after_comma)
                && (gap_start..gap_end)
                    .any(|i| self.tokens[i].is_punct(',') || COORDINATORS.contains(&self.words[i]));
            if !ok {
                break;
            }
            first = prev;
        }
        // A list is "A, B and C" or "A and B"; commas alone ("European leaders, Trump") join
        // nothing.
        let joined = (self.actors[first].t1..self.actors[last].t0).any(|i| {
            self.tokens[i].is_word() && matches!(self.words[i], "and" | "or" | "&" | "plus")
        });
        if joined { first } else { last }
    }

    /// Does a verb-like word follow token `t` (an auxiliary, a modal, a cue or a reporting
    /// verb): is the actor before it a subject?
    fn verb_follows(&self, t: usize) -> bool {
        self.next_word(t).is_some_and(|k| {
            self.cue_at[k].is_some()
                || self.starts[k] & (bits::AUXILIARY | bits::MODAL | bits::REPORT) != 0
        })
    }

    /// Do ", and" stand right before token `t`?
    fn comma_and_before(&self, t: usize) -> bool {
        t >= 2 && self.is_word(t - 1, "and") && self.tokens[t - 2].is_punct(',')
    }

    /// Finds the subject before token `from`: see the module docs.
    fn scan_subject(&self, from: usize) -> Option<Found> {
        let memo = self.subject_memo.get();
        if let Some(&(_, found)) = memo.iter().find(|&&(t, _)| t == from) {
            return found;
        }
        let found = self.scan_subject_uncached(from);
        self.subject_memo.set([(from, found), memo[0]]);
        found
    }

    /// [`Sentence::scan_subject`], searched.
    fn scan_subject_uncached(&self, from: usize) -> Option<Found> {
        let mut i = from;
        let mut words = 0usize;
        // Crossing another verb cue with no clause break between: what stands before it is that
        // cue's subject, and the position scanned for is its object ("brushed aside European
        // plans to station troops").
        let mut broken = false;
        let own_cue = self.cue_at.get(from).copied().flatten();
        while i > 0 {
            i -= 1;
            if let Some(c) = self.cue_at[i]
                && Some(c) != own_cue
                && !broken
                && !self.chained_before(c, from)
                && words > 0
            {
                return None;
            }
            let tok = self.tokens[i];
            if tok.is_punct(',')
                || tok.is_punct(';')
                || self.covers[i] & (bits::CLAUSE | bits::REPORT) != 0
                || self.is_word(i, "and")
                || self.is_word(i, "that")
            {
                broken = true;
            }
            if let Some(a) = self.actor_at[i] {
                let mention = self.actors[a];
                let first = self.group_ending_at(a);
                // "If Moscow keeps dodging a truce, sanctions must follow": the subject of a
                // condition set off before the cue's clause is not the cue's.
                if self.in_leading_condition(self.actors[first].t0, from) {
                    i = self.actors[first].t0;
                    words += 1;
                    continue;
                }
                // "the missiles Kyiv has been requesting": the subject of a contact relative
                // clause stands right after its topic noun, a verb right after it.
                let t0 = self.actors[first].t0;
                if t0 > 0
                    && !broken
                    && self.topic_at[t0 - 1].is_some_and(|tp| self.topics[tp].t1 == t0)
                    && self.verb_follows(mention.t1)
                {
                    return Some(Found::Actors { first, last: a });
                }
                if self.credited(t0, mention.t1, from) {
                    return Some(Found::Actors { first, last: a });
                }
                match self.subjecthood(t0) {
                    Subjecthood::Stop => return None,
                    Subjecthood::Object if self.conjunction_subject(first, a, from) => {
                        return Some(Found::Actors { first, last: a });
                    }
                    // "the leaders of France, Britain and Germany backed…": their leaders, the
                    // sentence's list.
                    Subjecthood::Object if self.listed && self.leaders_before(first) => {
                        let t0 = self.actors[first].t0;
                        return Some(Found::Group {
                            t0: t0.saturating_sub(2),
                            t1: self.actors[a].t1,
                            here: true,
                        });
                    }
                    // "pledged air defence for Kyiv, and Denmark will…": two actors joined by
                    // ", and" where the first is an object; the last opens a clause of its own.
                    Subjecthood::Object
                        if first + 1 == a
                            && self.comma_and_before(mention.t0)
                            && self.verb_follows(mention.t1) =>
                    {
                        return Some(Found::Actors { first: a, last: a });
                    }
                    Subjecthood::Object => {
                        i = self.actors[first].t0;
                        words += 1;
                        continue;
                    }
                    Subjecthood::Subject
                        if self.possessor_of_noun(mention.t1)
                            || self.modifies_topic(mention.t0, mention.t1) =>
                    {
                        i = self.actors[first].t0;
                        words += 1;
                        continue;
                    }
                    Subjecthood::Subject => return Some(Found::Actors { first, last: a }),
                }
            }
            let tok = self.tokens[i];
            if tok.is_word() {
                let bits = self.covers[i];
                let start_bits = self.starts[i];
                // An object pronoun ("treat them as targets", "told him") is no subject.
                let object_case = matches!(
                    self.words[i],
                    "them" | "him" | "us" | "me" | "themselves" | "himself" | "herself" | "itself"
                );
                if bits & bits::PRONOUN != 0
                    && start_bits & bits::PRONOUN != 0
                    && !object_case
                    && !self.expletive_it(i)
                    && let Some(p) = self.pronoun_at(i)
                    && !self.after_preposition(i)
                    && self.possessive_at(i).is_none()
                {
                    return Some(Found::Pronoun {
                        pronoun: p,
                        t0: i,
                        t1: i + 1,
                    });
                }
                // "His government has dropped its demand…": the collective of "his".
                if self.starts[i] & bits::INSTITUTION != 0
                    && let Some(k) = self.prev_word(i)
                    && k + 1 == i
                    && let Some(pronoun) = self.possessive_at(k)
                    && !self.after_preposition(k)
                {
                    return Some(Found::Institution {
                        pronoun,
                        t0: k,
                        t1: i + 1,
                    });
                }
                if let Some((t0, t1)) = self.title_reference(i) {
                    return Some(Found::Title { t0, t1 });
                }
                // "The leaders reaffirmed…", "the same statement said…" after a sentence that
                // named them.
                if i > 0
                    && ((self.starts[i] & bits::GROUP != 0
                        && self.words[i - 1] == "the"
                        && !self.is_word(i + 1, "of"))
                        || (self.starts[i] & bits::STATEMENT != 0
                            && self.prev_listed
                            && matches!(self.words[i - 1], "the" | "same")))
                {
                    return Some(Found::Group {
                        t0: i - 1,
                        t1: i + 1,
                        here: false,
                    });
                }
                // "Trump spoke to Putin for an hour. The two leaders agreed…", "Estonia, Latvia
                // and Lithuania … The three governments urged…": the last persons (or
                // collectives) named, as many as the number says.
                let persons = self.starts[i] & bits::PERSONS_GROUP != 0;
                let collectives = self.starts[i] & bits::COLLECTIVES_GROUP != 0;
                if (persons || collectives)
                    && let Some(k) = self.prev_word(i)
                    && k + 1 == i
                {
                    // "both leaders" starts at "both", "the two leaders" at "the".
                    let (n, t0) = match self.words[k] {
                        "both" => (2, Some(k)),
                        w => {
                            let the = self
                                .prev_word(k)
                                .filter(|&j| j + 1 == k && self.words[j] == "the");
                            match w {
                                "two" => (2, the),
                                "three" => (3, the),
                                "four" => (4, the),
                                _ => (0, None),
                            }
                        }
                    };
                    if let Some(t0) = t0
                        && self.subjecthood(t0) == Subjecthood::Subject
                    {
                        return Some(Found::Several {
                            t0,
                            t1: i + 1,
                            n,
                            persons,
                        });
                    }
                }
                // "Starmer, Macron and Merz signed a joint statement backing…": the persons
                // listed before it.
                if self.joint_statement_at(i) {
                    return Some(Found::Group {
                        t0: i - 1,
                        t1: i + 1,
                        here: true,
                    });
                }
                // "Kyiv and its partners": a subject without an id coordinated with an actor
                // leaves the actor as the subject.
                // (Looked at only for a non-actor subject: most words are none.)
                let with_actor = || {
                    (i.saturating_sub(3)..i)
                        .rev()
                        .find(|&k| self.is_word(k, "and"))
                        .is_some_and(|k| k > 0 && self.actor_at[k - 1].is_some())
                        // "Kremlin officials", "EU diplomats": the actor names whose they are.
                        || (i > 0 && self.actor_at[i - 1].is_some_and(|a| self.actors[a].t1 == i))
                };
                if bits & bits::NONACTOR != 0 && !self.after_preposition(i) && !with_actor() {
                    // "European leaders have been careful…, but several insist that…": a
                    // quantifier standing alone as the subject is some of the plural group
                    // named before it in the sentence.
                    if let Some(g) = self.quantified_group(i) {
                        return Some(Found::Actors { first: g, last: g });
                    }
                    // A subject without an id ("the leaders", "26 countries"): when someone
                    // reports it, the record is the speaker's.
                    return self.report_before(i).map(|t| Found::Report { t });
                }
                if start_bits & bits::REPORT != 0 && words > 0 {
                    return Some(Found::Report { t: i });
                }
                if matches!(self.words[i], "who" | "which" | "that") && words <= 3 {
                    // A relative clause: its antecedent is the subject ("Zelensky, who rejected
                    // …"); an antecedent that is not an actor ("a deal that would require…")
                    // leaves the clause without a holder. "that" only counts right after a noun.
                    let mut j = i;
                    while j > 0 && !self.tokens[j - 1].is_word() {
                        j -= 1;
                    }
                    // "a joint statement, also backed by Zelenskiy, that supported…": the
                    // antecedent stands before the aside.
                    if j < i
                        && self.tokens[i - 1].is_punct(',')
                        && let Some(p) = self.parenthetical_start(i - 1)
                    {
                        j = p;
                        while j > 0 && !self.tokens[j - 1].is_word() {
                            j -= 1;
                        }
                    }
                    // A joint statement's content is its signatories' position.
                    if j > 0 && self.joint_statement_at(j - 1) {
                        return Some(Found::Group {
                            t0: j - 2,
                            t1: j,
                            here: true,
                        });
                    }
                    if j > 0
                        && let Some(a) = self.actor_at[j - 1]
                    {
                        let first = self.group_ending_at(a);
                        return Some(Found::Actors { first, last: a });
                    }
                    // "said repeatedly that", "said on Thursday that": the complementizer of
                    // a reporting verb a few words back, not a relative pronoun.
                    let report_near = (0..j)
                        .rev()
                        .filter(|&k| self.tokens[k].is_word())
                        .take(3)
                        .any(|k| self.covers[k] & bits::REPORT != 0);
                    let after_noun = j > 0
                        && !report_near
                        && (self.topic_at[j - 1].is_some()
                            || (self.covers[j - 1] & bits::REPORT == 0
                                && self.cue_at[j - 1].is_none()
                                && !matches!(
                                    self.words[j - 1],
                                    "said" | "says" | "say" | "so" | "such" | "now" | "and" | "but"
                                )));
                    if self.words[i] != "that" || (after_noun && j == i) {
                        return None;
                    }
                }
                words += 1;
                if words > SUBJECT_REACH {
                    return None;
                }
            } else if matches!(tok.kind, TokenKind::Punct(',' | '—' | '–' | '(' | ')'))
                && let Some(j) = self.parenthetical_start(i)
            {
                i = j;
            }
        }
        None
    }

    /// "Moscow insisted that Kyiv renounce its bid": a verb of demanding, "that", a subject
    /// and the bare verb at `t` (no modal, no -s or -ed) is what the demander wants done, so
    /// the demander holds it. Returns the speaker of the demanding verb.
    fn mandate_speaker(&self, t: usize) -> Option<Found> {
        let w = self.words[t];
        if w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing") {
            return None;
        }
        let mut subject_end = self.prev_word(t)?;
        // One adverb may stand between ("that Kyiv formally renounce").
        if self.words[subject_end].ends_with("ly") && self.actor_at[subject_end].is_none() {
            subject_end = self.prev_word(subject_end)?;
        }
        let a = self.actor_at[subject_end]?;
        let first = self.group_ending_at(a);
        // A plural subject's bare verb is also a plain present ("that France and Germany
        // back a ceasefire").
        if first != a {
            return None;
        }
        let that = self.prev_word(self.actors[first].t0)?;
        let verb = self.prev_word(that)?;
        let demanding = self.covers[verb] & bits::DEMANDING != 0;
        (self.actors[a].t1 == subject_end + 1
            && self.words[that] == "that"
            && demanding
            && self.covers[verb] & bits::REPORT != 0)
            .then(|| self.speaker_of(verb))
            .flatten()
    }

    /// The actors of an aside right after actor mention `last` that joins them to it: ", backed
    /// by Poland,", ", joined by Finland and Sweden,", ", along with Paris,". Empty when there
    /// is none; the aside must close with a comma.
    fn joined_aside(&self, last: usize) -> Vec<ActorIdx> {
        self.joined_aside_at(self.actors[last].t1)
    }

    /// [`Sentence::joined_aside`] after the subject that ends at token `t` (an actor or "a
    /// joint statement").
    fn joined_aside_at(&self, t: usize) -> Vec<ActorIdx> {
        let opens = self.tokens.get(t).is_some_and(|k| k.is_punct(','));
        let Some(w0) = self.next_word(t).filter(|_| opens) else {
            return Vec::new();
        };
        // The last word of a joining marker that starts there.
        let Some(j) = self
            .markers
            .iter()
            .find(|m| m.role == Role::Joining && m.t0 == w0)
            .map(|m| m.t1 - 1)
        else {
            return Vec::new();
        };
        let Some(first) = (0..self.actors.len()).find(|&m| self.actors[m].t0 > j) else {
            return Vec::new();
        };
        if self.prev_word(self.actors[first].t0) != Some(j) {
            return Vec::new();
        }
        // The group of actors after it ("Finland and Sweden"), then the closing comma.
        let end = self.group_end(first);
        let closes = self
            .tokens
            .get(self.actors[end].t1)
            .is_some_and(|k| k.is_punct(','));
        if !closes {
            return Vec::new();
        }
        (first..=end).map(|m| self.actors[m].actor).collect()
    }

    /// Is "it" at token `i` the empty subject of an extraposed clause ("it was for Ukraine
    /// alone to decide", "it is up to Kyiv", "it is clear that"), which refers to nothing?
    fn expletive_it(&self, i: usize) -> bool {
        if self.words[i] != "it" {
            return false;
        }
        let Some(be) = self.next_word(i + 1) else {
            return false;
        };
        if !matches!(
            self.words[be],
            "is" | "was"
                | "remains"
                | "remained"
                | "s"
                | "became"
                | "becomes"
                | "seemed"
                | "seems"
                | "appeared"
                | "appears"
        ) {
            return false;
        }
        let Some(k) = self.next_word(be + 1) else {
            return false;
        };
        match self.words[k] {
            // "it was for Ukraine to decide": an actor after "for".
            "for" => self.actor_at.get(k + 1).is_some_and(|a| a.is_some()),
            // "it is up to Kyiv".
            "up" => self.is_word(k + 1, "to"),
            "clear" | "unclear" | "important" | "essential" | "necessary" | "vital" | "crucial"
            | "time" | "possible" | "impossible" | "too" | "premature" | "hard" | "difficult" => {
                true
            }
            _ => false,
        }
    }

    /// Does a `leaders` marker ("leaders of", "heads of government of") end right before
    /// actor mention `m`, with at most "the" between?
    fn leaders_before(&self, m: usize) -> bool {
        let Some(mut k) = self.prev_word(self.actors[m].t0) else {
            return false;
        };
        if self.words[k] == "the" {
            let Some(j) = self.prev_word(k) else {
                return false;
            };
            k = j;
        }
        self.covers[k] & bits::LEADERS != 0
    }

    /// "after Zelenskyy said", "before Moscow agreed": a word that is a preposition or a
    /// conjunction opens a clause when the actors after it are followed by the verb at
    /// `verb` (at most two words between, such as "had" or "finally"): they are its subject.
    fn conjunction_subject(&self, first: usize, last: usize, verb: usize) -> bool {
        let t0 = self.actors[first].t0;
        let opener = self.prev_word(t0);
        let conjunction = opener.is_some_and(|k| {
            matches!(
                self.words[k],
                "after" | "before" | "since" | "until" | "till" | "as"
            )
        });
        let t1 = self.actors[last].t1;
        conjunction
            && t1 <= verb
            && (t1..verb).all(|k| self.tokens[k].is_word())
            && (t1..verb).count() <= 2
    }

    /// "thanked European leaders for agreeing to…", "praised Berlin for sending…": is the
    /// actor group at tokens `t0..t1` the object of a crediting verb, with only "for" between
    /// it and the -ing cue at `cue`? Then it holds that cue's position.
    #[inline(always)]
    fn credited(&self, t0: usize, t1: usize, cue: usize) -> bool {
        let verb = self.prev_word(t0).and_then(|k| {
            if self.words[k] == "the" {
                self.prev_word(k)
            } else {
                Some(k)
            }
        });
        verb.is_some_and(|k| self.covers[k] & bits::CREDITING != 0)
            && self
                .next_word(t1)
                .is_some_and(|k| self.words[k] == "for" && k + 1 == cue)
            && self.words.get(cue).is_some_and(|w| w.ends_with("ing"))
    }

    /// Do the words between tokens `from` and `to` hold a passive of forcing ("must not be
    /// forced to", "is not pressured to", "was made to")?
    fn forced_between(&self, from: usize, to: usize) -> bool {
        let words = (from..to.min(self.words.len()))
            .filter(|&k| self.tokens[k].is_word())
            .take(6);
        words.clone().zip(words.skip(1)).any(|(a, b)| {
            matches!(
                self.words[a],
                "be" | "been" | "being" | "is" | "are" | "was" | "were" | "get" | "got"
            ) && matches!(
                self.words[b],
                "forced" | "pressured" | "pressed" | "compelled" | "coerced" | "made" | "bullied"
            )
        })
    }

    /// The plural group a quantifier at token `i` stands for: "several", "some", "many",
    /// "most" alone as a subject (a clause opens before it, a verb follows it), and a
    /// collective named by a plural noun before it in the sentence ("European leaders").
    fn quantified_group(&self, i: usize) -> Option<usize> {
        if !matches!(self.words[i], "several" | "some" | "many" | "most") {
            return None;
        }
        let opens = self.prev_word(i).is_none_or(|k| {
            matches!(
                self.words[k],
                "but" | "and" | "while" | "though" | "although"
            ) || self.covers[k] & bits::CLAUSE != 0
        });
        if !opens || !self.verb_follows(i + 1) {
            return None;
        }
        (0..self.actors.len()).rev().find(|&a| {
            let m = self.actors[a];
            let last = self.words[m.t1 - 1];
            m.t1 <= i && last.len() > 3 && last.ends_with('s') && m.t1 > m.t0 + 1
        })
    }

    /// A title used alone as a reference    /// A title used alone as a reference ("the prime minister said", "the chancellor"), ending
    /// at token `i`: "the" before it and no name after it.
    fn title_reference(&self, i: usize) -> Option<(usize, usize)> {
        // Only a token a title marker covers can end one (asked of most words a subject
        // search passes: the bit spares the pass over the markers).
        if self.covers.get(i).is_none_or(|&c| c & bits::TITLE == 0) {
            return None;
        }
        let m = self
            .markers
            .iter()
            .find(|m| m.role == Role::Title && m.t0 <= i && i < m.t1 && m.t1 == i + 1)?;
        let before = self.prev_word(m.t0)?;
        let the = self.words[before] == "the";
        let named = self.actor_at.get(m.t1).copied().flatten().is_some();
        (the && !named).then_some((m.t0, m.t1))
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
                // An apposition after a name: ", the vice-president,", ", Macron's partner …,".
                let apposition = matches!(
                    self.words[first],
                    "the" | "a" | "an" | "his" | "her" | "its" | "their"
                ) || self.actor_at[first]
                    .is_some_and(|a| self.possessor_of_noun(self.actors[a].t1));
                let opens = apposition
                    || self.starts[first] & (bits::PREPOSITION | bits::REPORT | bits::PRONOUN) != 0
                    || matches!(
                        self.words[first],
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
                let has_actor_first = self.actor_at[first].is_some() && !apposition;
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
        self.possessive_s(t1) && t1 + 2 < self.tokens.len() && self.cue_at[t1 + 2].is_none()
    }

    /// Is token `i` the noun of "joint statement" in a sentence that lists three or more
    /// persons before it (its signatories)?
    fn joint_statement_at(&self, i: usize) -> bool {
        i > 0
            && self.listed
            && self.starts[i] & bits::STATEMENT != 0
            && self.words[i - 1] == "joint"
            && self.actors.first().is_some_and(|a| a.t1 <= i)
    }

    /// Does the actor mention at tokens `t0..t1` modify a topic noun right after it ("shelved
    /// the Putin summit", "a Kremlin peace plan")? Then it is no subject. A topic that
    /// opens with a verb has the actor as its subject ("demanded that Ukraine cede land").
    fn modifies_topic(&self, t0: usize, t1: usize) -> bool {
        // Only behind an article: "Kyiv talks peace but rejects…" keeps its subject.
        // Or, in a headline's style, right after a verb of the sentence's subject ("Trump
        // puts Putin summit on ice"): a word before it, not the sentence's first, that is no
        // connective, no reporting verb, no condition and no preposition.
        let determined = self.prev_word(t0).is_some_and(|k| {
            matches!(self.words[k], "the" | "a" | "an")
                || (k + 1 == t0
                    // (Not after an opening adverb: "Publicly Kyiv talks peace but…".)
                    && self.prev_word(k).is_some()
                    && self.cue_at[k].is_none()
                    && self.actor_at[k].is_none()
                    && self.topic_at[k].is_none()
                    && self.covers[k]
                        & (bits::CLAUSE
                            | bits::REPORT
                            | bits::CONDITION
                            | bits::PREPOSITION
                            | bits::ACCORDING
                            | bits::QUESTION)
                        == 0
                    && !matches!(
                        self.words[k],
                        "and" | "or" | "that" | "as" | "when" | "after"
                    ))
        });
        let Some(k) = self.topic_at.get(t1).copied().flatten() else {
            return false;
        };
        if self.topics[k].t0 != t1 {
            return false;
        }
        // "Peskov said U.S. sanctions were unacceptable", "repeated that Ukraine joining NATO
        // is off the table": the actor and the topic right after it are one noun phrase, the
        // subject of the verb that follows it (an auxiliary or a modal), wherever it stands.
        // (Not "Kyiv talks peace", where the topic word is the verb.)
        let subject_phrase = || {
            let verbal = self.starts[t1] & bits::TOPIC_VERB != 0;
            let gerund = self.words[t1].ends_with("ing");
            (!verbal || gerund)
                && self.next_word(self.topics[k].t1).is_some_and(|v| {
                    self.starts[v] & (bits::AUXILIARY | bits::MODAL) != 0 && self.words[v] != "to"
                })
        };
        (determined && self.starts[t1] & bits::TOPIC_VERB == 0) || subject_phrase()
    }

    /// Whether the mention ending at token `t1` carries a possessive "'s".
    /// The possessor of the noun a "that" clause holding token `t` completes: "Trump's view
    /// that a ceasefire could wait", "Kyiv's insistence that…" (an actor mention, then "'s", one
    /// noun, "that"). None when the clause names an actor of its own before `t`, or a break
    /// stands between.
    fn that_clause_possessor(&self, t: usize) -> Option<usize> {
        let mut k = t;
        loop {
            k = k.checked_sub(1)?;
            let tok = &self.tokens[k];
            if matches!(tok.kind, TokenKind::Punct(',' | ';' | ':' | '—' | '–'))
                || self.actor_at[k].is_some()
                || self.starts[k] & bits::CLAUSE != 0
            {
                return None;
            }
            if self.words[k] == "that" {
                break;
            }
        }
        let noun = self.prev_word(k)?;
        // Nouns that tell the clause as the possessor's own view; "Trump's denial that…",
        // "Kyiv's fear that…" tell something else.
        if !matches!(
            self.words[noun],
            "view"
                | "belief"
                | "position"
                | "stance"
                | "insistence"
                | "argument"
                | "assessment"
                | "conviction"
                | "line"
                | "demand"
                | "proposal"
                | "idea"
                | "hope"
                | "assurance"
                | "promise"
                | "pledge"
                | "offer"
                | "call"
                | "contention"
        ) {
            return None;
        }
        let s = self.prev_word(noun)?;
        let a = self.actor_at[s.checked_sub(2)?]?;
        (self.actors[a].t1 + 2 == noun && self.possessive_s(self.actors[a].t1)).then_some(a)
    }

    fn possessive_s(&self, t1: usize) -> bool {
        let apostrophe = self
            .tokens
            .get(t1)
            .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'));
        apostrophe && self.is_word(t1 + 1, "s")
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

    /// The possessor of a stance noun given by "of" after it: "the proposal of Starmer", "the
    /// demands of Moscow and Minsk" (translated news writes them so). Only after "the": "made
    /// demands of Ukraine" asks something of Ukraine. The stance noun's cue (tokens `t0..t1`)
    /// ends with "of" or is followed by it; an actor that possesses something after it ("the
    /// rejection of Russia's demands") is that thing's owner, not the holder.
    fn possessor_after(&self, tagger: &Tagger, t0: usize, t1: usize) -> Option<Found> {
        if self.prev_word(t0).is_none_or(|k| self.words[k] != "the") {
            return None;
        }
        // A cue that ends in "of" ("support of", "rejection of") takes its object there: only a
        // person after it ("the proposal of Starmer") is the one who proposes. A separate "of"
        // after the noun ("the demands of Moscow") names the holder, whoever it is.
        let (after_of, persons_only) = if t1 > 0 && self.words[t1 - 1] == "of" {
            (t1, true)
        } else if self.is_word(t1, "of") {
            (t1 + 1, false)
        } else {
            return None;
        };
        // The mention may take "the" in ("the European Commission") or not ("the Kremlin").
        let starting = |k: usize| {
            self.actor_at
                .get(k)
                .copied()
                .flatten()
                .filter(|&a| self.actors[a].t0 == k)
        };
        let a = starting(after_of).or_else(|| {
            self.is_word(after_of, "the")
                .then(|| starting(after_of + 1))
                .flatten()
        })?;
        let last = self.group_last(a, self.tokens.len());
        if self.possessive_s(self.actors[last].t1) {
            return None;
        }
        if persons_only
            && (a..=last)
                .any(|k| tagger.actor_kind[self.actors[k].actor.index()] != ActorKind::Person)
        {
            return None;
        }
        Some(Found::Actors { first: a, last })
    }

    /// "European plans to station troops", "Russian demands for land": an adjective naming an
    /// actor (the `adjectives` column of the actors) right before the stance noun at token `t`.
    fn adjective_before(&self, tagger: &Tagger, t: usize) -> Option<Found> {
        // Only nouns that name a position ("American support" pledged by Trump is aid, not
        // America's stance).
        let noun = self.words[t].strip_suffix('s').unwrap_or(self.words[t]);
        if !ADJECTIVE_POSITION_NOUNS.contains(&noun) {
            return None;
        }
        let k = t.checked_sub(1)?;
        if !self.tokens[k].is_word() || self.actor_at[k].is_some() || self.topic_at[k].is_some() {
            return None;
        }
        let w = self.words[k];
        let &(_, actor) = tagger.actor_adjectives.iter().find(|(a, _)| a == w)?;
        Some(Found::Adjective { actor, t: k })
    }

    /// Is the stance noun at token `t` (behind "the" or "a") the object of a verb by which
    /// its subject voices it as their own: "stressed the need for", "underlined the
    /// importance of", "spoke about the need for", "reiterated the call for"?
    fn voiced_noun(&self, t: usize) -> bool {
        let Some(det) = self.prev_word(t) else {
            return false;
        };
        if !matches!(self.words[det], "the" | "a" | "an") {
            return false;
        }
        let Some(v) = self.prev_word(det) else {
            return false;
        };
        // A voicing marker ("stressed", "spoke about") ends at `v`: it starts there, or its
        // last word ("about", "of") is `v` (no voicing phrase goes on past a determiner).
        self.covers[v] & bits::VOICING != 0
    }

    /// Does an actor stand after a stance noun's words ending at token `t1`, within three
    /// words or behind "of" / "by" ("the refusal of Russia to…", "the call for more
    /// sanctions by EU leaders")? The noun is then that actor's, not the subject's who
    /// voices it.
    fn holder_named_after(&self, t1: usize) -> bool {
        let clause = self.clause[t1.saturating_sub(1)];
        let mut words = 0;
        for k in t1..self.tokens.len() {
            if self.clause[k] != clause {
                return false;
            }
            if let Some(a) = self.actor_at[k] {
                let prev = self.prev_word(self.actors[a].t0);
                return words < 3 || prev.is_some_and(|p| matches!(self.words[p], "of" | "by"));
            }
            if self.tokens[k].is_word() {
                words += 1;
                if words > 8 {
                    return false;
                }
            }
        }
        false
    }

    /// Is the cue at token `t` used as a noun: right after a determiner or an adjective that
    /// is not an actor ("the plans to", "European plans to")?
    fn noun_use(&self, t: usize) -> bool {
        let Some(prev) = t.checked_sub(1) else {
            return false;
        };
        let tok = self.tokens[prev];
        if !tok.is_word()
            || self.actor_at[prev].is_some()
            || self.topic_at[prev].is_some()
            || self.covers[prev] != 0
        {
            return false;
        }
        let w = self.words[prev];
        if matches!(
            w,
            "the"
                | "a"
                | "an"
                | "these"
                | "those"
                | "such"
                | "any"
                | "new"
                | "recent"
                | "latest"
                | "earlier"
                | "fresh"
        ) {
            return true;
        }
        // A nationality or region adjective ("European plans", "Western proposals").
        let capitalized = self.text[tok.start as usize..].starts_with(char::is_uppercase);
        let adjective = ["an", "ian", "ean", "ese", "ish", "ch", "ern"]
            .iter()
            .any(|s| w.ends_with(s));
        capitalized && adjective
    }

    /// The agent of a passive: the chain's first cue is a participle after an auxiliary
    /// and "by ACTOR" follows. Returns the actor group.
    fn passive_agent(&self, first: &CueMention, last: &CueMention) -> Option<Found> {
        if !self.is_passive(first) {
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
                            self.tokens[k].is_punct(',') || COORDINATORS.contains(&self.words[k])
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

    /// Is the cue a passive participle ("was rejected", "has been offered")? A participle
    /// followed by "to" reads as an adjective with an active meaning ("is opposed to", "is
    /// committed to").
    #[inline(always)]
    fn is_passive(&self, c: &CueMention) -> bool {
        let ends_with_to = self
            .words
            .get(c.t1.wrapping_sub(1))
            .is_some_and(|w| *w == "to");
        if !c.participle || self.is_word(c.t1, "to") || ends_with_to {
            return false;
        }
        let mut i = c.t0;
        let mut skipped = 0;
        while i > 0 {
            i -= 1;
            if !self.tokens[i].is_word() {
                continue;
            }
            if matches!(
                self.words[i],
                "be" | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "being"
                    | "get"
                    | "gets"
                    | "got"
                    | "gotten"
            ) {
                return true;
            }
            if self.covers[i] & bits::AUXILIARY != 0 {
                // "has rejected": a perfect, not a passive.
                return false;
            }
            skipped += 1;
            if skipped > 1 {
                return false;
            }
        }
        false
    }

    /// The speaker of the reporting verb at token `t`: its subject, or the actor right after
    /// it (", said Lavrov").
    fn speaker_of(&self, t: usize) -> Option<Found> {
        self.speaker_of_depth(t, 0)
    }

    fn speaker_of_depth(&self, t: usize, depth: u8) -> Option<Found> {
        let report_here = self.starts.get(t).is_some_and(|&b| b & bits::REPORT != 0);
        let end = self
            .markers
            .iter()
            .filter(|_| report_here)
            .find(|m| m.t0 == t && m.role == Role::Report)
            .map_or(t + 1, |m| m.t1);
        if let Some(a) = self.actor_at.get(end).copied().flatten() {
            // ", said Lavrov." — an inverted speaker, after a comma or quote, ending the clause.
            let prev_punct = t > 0 && !self.tokens[t - 1].is_word();
            let after = self.actors[a].t1;
            let next = self.tokens[after..]
                .iter()
                .find(|x| !matches!(x.kind, TokenKind::Punct('"' | '”' | '’' | '\'' | ')')));
            let at_end = next.is_none_or(|x| {
                matches!(
                    x.kind,
                    TokenKind::Punct('.' | ',' | ';' | '!' | ':' | '—' | '–')
                )
            });
            if prev_punct && at_end {
                return Some(Found::Actors { first: a, last: a });
            }
        }
        // "Lavrov's line was that…", "Zelensky's message is that…": the possessor of the
        // reporting noun is the speaker.
        // (A reporting phrase that ends in "that", as the lexicon's "(line/message/…) (is/was)
        // that" does; not "counter" in "Europe's counter-proposal".)
        if report_here
            && end > t + 2
            && self.words[end - 1] == "that"
            && let Some(a) = self
                .actors
                .iter()
                .position(|m| m.t1 + 2 == t && self.possessive_s(m.t1))
        {
            return Some(Found::Actors { first: a, last: a });
        }
        // "The paper quoted Merz as saying…", "citing the prime minister as telling…": the one
        // quoted is the speaker (the paper only carries the words).
        if let Some(found) = self.quoted_as(t) {
            return Some(found);
        }
        // "“…,” she told her briefing, adding that…": a participle after a comma shares the
        // speaker of the clause's first reporting verb ("Macron said Putin had told him…,
        // adding that…" is Macron adding).
        if depth < 3
            && t > 0
            && self.tokens[t - 1].is_punct(',')
            && self.words[t].ends_with("ing")
            && let Some(before) = self
                .markers
                .iter()
                .find(|m| m.role == Role::Report && m.t1 < t && self.clause[m.t0] == self.clause[t])
        {
            return self.speaker_of_depth(before.t0, depth + 1);
        }
        match self.scan_subject(t) {
            Some(Found::Report { t: t2 }) if depth < 3 && t2 < t => {
                self.speaker_of_depth(t2, depth + 1)
            }
            Some(Found::Report { .. }) => None,
            // "Merz said he found it hard…, and argued that…": a coordinated reporting verb
            // shares the sentence's subject.
            None if self.prev_word(t).is_some_and(|k| self.words[k] == "and") => {
                self.main_subject(t)
            }
            None => None,
            found => found,
        }
    }

    /// "quoted Merz as saying", "cited the prime minister as telling", "quoted him as saying":
    /// the actors (one coordination, else the first), title or pronoun between a verb of
    /// quoting and "as" right before the reporting verb at `t`.
    fn quoted_as(&self, t: usize) -> Option<Found> {
        let k = self.prev_word(t).filter(|&k| self.words[k] == "as")?;
        // The words between the quoting verb and "as": a mention, or "the" and a title.
        let verb = (k.saturating_sub(5)..k).rev().find(|&v| {
            matches!(
                self.words[v],
                "quoted" | "quotes" | "quoting" | "cited" | "cites" | "citing"
            )
        })?;
        let first = self.next_word(verb + 1)?;
        if let Some(a) = self.actor_at[first] {
            // The actors up to "as" when they are one coordination ("quoted Macron and Merz
            // as saying"); else the first alone ("quoted Macron in Kyiv as saying").
            let last = (a..self.actors.len())
                .take_while(|&b| self.actors[b].t1 <= k)
                .last()?;
            let group = self.actors[last].t1 == k && self.group_ending_at(last) == a;
            return Some(Found::Actors {
                first: a,
                last: if group { last } else { a },
            });
        }
        // "quoted him as saying"
        if first + 1 == k
            && let Some(pronoun) = self.pronoun_at(first)
        {
            return Some(Found::Pronoun {
                pronoun,
                t0: first,
                t1: k,
            });
        }
        let title_from = if self.words[first] == "the" {
            first + 1
        } else {
            first
        };
        ((title_from..k).all(|i| self.title_word(i)) && title_from < k).then_some(Found::Title {
            t0: title_from,
            t1: k,
        })
    }

    /// Is the word at token `k` part of a live page's time stamp ("4h", "ago", "14", "GMT")?
    fn time_stamp_word(&self, k: usize) -> bool {
        let w = self.words[k];
        w.bytes().any(|b| b.is_ascii_digit())
            || matches!(
                w,
                "ago" | "am" | "pm" | "h" | "min" | "mins" | "gmt" | "utc" | "cet" | "bst" | "et"
            )
    }

    /// A speaker for the whole sentence: "according to X", or a trailing ", X said" after
    /// token `after`.
    fn sentence_speaker(&self, after: usize) -> Option<Found> {
        // "Zakharova: Russia will not accept…" — a speaker and a colon open the sentence,
        // after a live page's time stamp at most ("4h ago Zelensky: …", "14:05 GMT Merz: …").
        let first = (0..self.tokens.len())
            .filter(|&k| self.tokens[k].is_word())
            .find(|&k| !self.time_stamp_word(k));
        if let Some(first) = first
            && let Some(a) = self.actor_at[first]
        {
            let m = self.actors[a];
            if self.tokens.get(m.t1).is_some_and(|t| t.is_punct(':')) && m.t1 < after {
                return Some(Found::Actors { first: a, last: a });
            }
        }
        let according = self.roles & bits::ACCORDING != 0;
        for m in self.markers.iter().filter(|_| according) {
            if m.role == Role::AccordingTo
                && let Some(a) = self.actor_at.get(m.t1).copied().flatten()
            {
                return Some(Found::Actors { first: a, last: a });
            }
        }
        if self.roles & bits::REPORT == 0 {
            // No reporting verb: no trailing attribution, no parenthetical one.
            return None;
        }
        for m in self.markers.iter().rev() {
            if m.role == Role::Report && m.t0 > after {
                // Trailing attribution: "…, Macron said." / "…,” said Lavrov."
                let prev = self.prev_word(m.t0);
                // The speaker stands after a break or at the sentence's start ("…, Macron
                // said.", "…” he said.", "Zakharova said: “…"): "the territories Moscow
                // claims" is a relative clause, not an attribution.
                // (A title or capitalized words may come first: "…,” Foreign Ministry
                // spokeswoman Maria Zakharova told…")
                let after_break_at = |t0: usize| {
                    let mut s = t0;
                    while s > 0 && self.tokens[s - 1].is_word() && self.is_title_gap(s - 1, s) {
                        s -= 1;
                    }
                    s == 0 || !self.tokens[s - 1].is_word()
                };
                // (A title alone is a speaker too: "…,” the chancellor said.")
                let prev_is_actor = prev.is_some_and(|k| match self.actor_at[k] {
                    Some(a) => after_break_at(self.actors[self.group_ending_at(a)].t0),
                    None => {
                        (self.covers[k] & bits::PRONOUN != 0 || self.title_word(k))
                            && after_break_at(k)
                    }
                });
                let next_is_actor = self.actor_at.get(m.t1).copied().flatten().is_some();
                // "…,” said Lavrov" follows a break; "…, and Ushakov has said Moscow sees no
                // point…" reports a clause of its own (an actor or "that" right after the
                // verb), not the sentence.
                let after_break = m.t0 > 0 && !self.tokens[m.t0 - 1].is_word();
                // ("…, Putin told Macron." names a listener: the attribution still closes.)
                let clause_after_actor =
                    self.actor_at.get(m.t1).copied().flatten().is_some_and(|a| {
                        let end = self.actors[a].t1;
                        self.tokens.get(end).is_some_and(|t| t.is_word())
                            && self.starts[end] & bits::PREPOSITION == 0
                    });
                let own_clause = clause_after_actor
                    || self
                        .next_word(m.t1)
                        .is_some_and(|k| self.words[k] == "that" && k == m.t1);
                if (prev_is_actor && !own_clause) || (next_is_actor && after_break) {
                    return self.speaker_of(m.t0);
                }
            }
        }
        self.parenthetical_speaker(after)
    }

    /// "Any foreign troops, he said in Vladivostok, would be targets": a reporting clause set
    /// off by commas or dashes inside the sentence, before token `after`, speaks for it.
    fn parenthetical_speaker(&self, after: usize) -> Option<Found> {
        self.markers
            .iter()
            .filter(|m| m.role == Role::Report && m.t0 > 0 && m.t1 < after)
            .find_map(|m| self.aside_speaker(m, after))
    }

    /// The speaker of reporting verb `m` when the two are set off on both sides as an aside
    /// inside the sentence: a break before the speaker, and one within a few words after the
    /// verb, before token `until` ("…, he said in Vladivostok, …"). An actor before it
    /// ("Zelensky, he added, could end the war") stays the subject; the speaker counts where
    /// the clause is a prescription ("The EU, he said, should adopt new sanctions") or the
    /// speaker's own side.
    fn aside_speaker(&self, m: &MarkerMention, until: usize) -> Option<Found> {
        let is_break = |k: usize| matches!(self.tokens[k].kind, TokenKind::Punct(',' | '—' | '–'));
        let s = m.t0.checked_sub(1)?;
        let (t0, found) = if let Some(a) = self.actor_at[s] {
            let first = self.group_ending_at(a);
            if self.actors[a].t1 != m.t0 {
                return None;
            }
            (self.actors[first].t0, Found::Actors { first, last: a })
        } else {
            let pronoun = self.pronoun_at(s)?;
            (
                s,
                Found::Pronoun {
                    pronoun,
                    t0: s,
                    t1: s + 1,
                },
            )
        };
        let opened = t0 > 1 && is_break(t0 - 1);
        let closed = (m.t1..until.min(m.t1 + 6))
            .take_while(|&k| self.tokens[k].is_word() || is_break(k))
            .any(is_break);
        (opened && closed).then_some(found)
    }

    /// Is the reporting verb at token `r` an aside set into an actor subject ("Zelensky, he
    /// added, could end the war and accept…")? The subject keeps its clause.
    fn aside_in_actor_subject(&self, r: usize) -> bool {
        self.markers
            .iter()
            .find(|m| m.role == Role::Report && m.t0 == r)
            .and_then(|m| self.aside_speaker(m, self.tokens.len()))
            .is_some_and(|found| {
                let t0 = match found {
                    Found::Actors { first, .. } => self.actors[first].t0,
                    Found::Pronoun { t0, .. } => t0,
                    _ => return false,
                };
                t0 >= 2
                    && self.actor_at[t0 - 2].is_some_and(|a| {
                        !self.after_preposition(self.actors[self.group_ending_at(a)].t0)
                    })
            })
    }

    /// Does a topic mention start within `n` words from token `t`?
    fn topic_within_words(&self, t: usize, n: usize) -> bool {
        // (Topics are in text order: the first at or after `t` is found by halving.)
        let Some(next) = self.topics.get(self.topics.partition_point(|m| m.t0 < t)) else {
            return false;
        };
        let mut words = 0;
        let mut end = t;
        while end < self.tokens.len() && words < n && end <= next.t0 {
            if self.tokens[end].is_word() {
                words += 1;
            }
            end += 1;
        }
        next.t0 < end
    }

    /// The reporting verb governing the clause that contains token `t`, if one stands before
    /// it in the sentence ("Zakharova said [Moscow rejects …]").
    #[inline(always)]
    fn report_before(&self, t: usize) -> Option<usize> {
        // (A sentence without a reporting verb is not walked.)
        if self.roles & bits::REPORT == 0 {
            return None;
        }
        (0..t).rev().find(|&i| {
            self.starts[i] & bits::REPORT != 0
                && match self.cue_at[i] {
                    None => true,
                    // A cue that is also a reporting verb reports when "that" follows it
                    // ("Zakharova warned that Moscow would never accept…"), as the tagger
                    // reads it there (see `tag_chains`), or when no topic follows it within
                    // its reach ("Putin announced the halt on Saturday, ordering forces to
                    // stop…").
                    Some(c) => {
                        let cue = &self.cues[c];
                        self.next_word(cue.t1)
                            .is_some_and(|k| self.words[k] == "that")
                            || !self.topic_within_words(cue.t1, cue.reach)
                    }
                }
        })
    }

    /// The subject of the sentence's first verb (a cue or a reporting verb) before token
    /// `before`, for verbs that share it ("…, and argued that", ", warning that").
    fn main_subject(&self, before: usize) -> Option<Found> {
        let first_verb = self
            .markers
            .iter()
            // (Not an aside's: "Zelensky, he added, could end the war and accept…".)
            .filter(|m| {
                m.role == Role::Report
                    && m.t0 < before
                    && self.aside_speaker(m, self.tokens.len()).is_none()
            })
            .map(|m| m.t0)
            .chain(self.cues.iter().map(|c| c.t0))
            .filter(|&t| t < before)
            .min();
        match first_verb.and_then(|t| self.scan_subject(t)) {
            Some(Found::Actors { first, last }) => Some(Found::Actors { first, last }),
            Some(Found::Pronoun { pronoun, t0, t1 }) => Some(Found::Pronoun { pronoun, t0, t1 }),
            // No verb before, or the first has no subject of its own ("She accused the Baltic
            // states of pushing…, and said…"): the actor or pronoun the sentence opens with.
            None => self.sentence_opener(),
            _ => None,
        }
    }

    /// The actor or pronoun the sentence opens with, when it is a subject ("Zelensky has been
    /// talking to reporters…", "He called it…"); not the possessor of a person ("Putin's
    /// spokesman Dmitry Peskov…").
    fn sentence_opener(&self) -> Option<Found> {
        let first = self.tokens.iter().position(Token::is_word)?;
        if let Some(a) = self.actor_at[first] {
            let m = self.actors[a];
            let subject = self.subjecthood(m.t0) == Subjecthood::Subject;
            // Not the possessor of a person ("Putin's spokesman Dmitry Peskov…",
            // "Zelensky's chief of staff, Andriy Yermak, …").
            let of_person = self.possessive_s(m.t1)
                && self.next_word(m.t1 + 2).is_some_and(|k| {
                    self.covers[k] & (bits::TITLE | bits::NONACTOR) != 0
                        || self.actors[a + 1..]
                            .iter()
                            .any(|n| n.t0 > k && n.t0 <= k + 6)
                });
            return (subject && !of_person).then_some(Found::Actors { first: a, last: a });
        }
        let pronoun = self.pronoun_at(first)?;
        Some(Found::Pronoun {
            pronoun,
            t0: first,
            t1: first + 1,
        })
    }

    /// Does the sentence open with a quotation mark (its first token)?
    fn opens_with_quote(&self) -> bool {
        self.tokens
            .first()
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct('"' | '“' | '‘')))
    }

    /// Subjects of the sentence's first clause (for pronouns in the next sentence), and
    /// whether the sentence is a quote whose trailing speaker is a pronoun that cannot be
    /// resolved and it has no other subject ("“Putin cannot be trusted,” he said.", after
    /// two persons): the actors quoted are then no referents for a "he" after it, which goes
    /// on with the speaker nobody can tell.
    fn main_subjects(&self, tagger: &Tagger, ctx: &Context) -> (Vec<ActorIdx>, bool) {
        // "“Pressure is the only language Moscow understands,” he said, calling for…": a
        // sentence that opens with a quote is its speaker's; Moscow, inside the quote, is
        // no subject of the sentence.
        // (Not with "according to X", which names who reports the quote, not its speaker.)
        let mut unknown_speaker = false;
        if self.opens_with_quote()
            && self.roles & bits::ACCORDING == 0
            && let Some(found) = self.sentence_speaker(0)
        {
            match self.resolve(tagger, found, ctx, None, 1) {
                Some((ids, _, _)) if ids.len() == 1 => return (ids, false),
                Some(_) => {}
                None => unknown_speaker = matches!(found, Found::Pronoun { .. }),
            }
        }
        let subjects = self.clause_subjects(tagger, ctx);
        let unknown_speaker = unknown_speaker && subjects.is_empty();
        (subjects, unknown_speaker)
    }

    /// The subjects of the first verb of the sentence's first clause, else its opening
    /// actor or pronoun ([`Sentence::main_subjects`] past the quote's speaker).
    fn clause_subjects(&self, tagger: &Tagger, ctx: &Context) -> Vec<ActorIdx> {
        let first_verb = self
            .markers
            .iter()
            .filter(|m| m.role == Role::Report)
            .map(|m| m.t0)
            .chain(self.cues.iter().map(|c| c.t0))
            .min();
        // No subject found for the first verb: the actor or pronoun the sentence opens with
        // ("Trump's post deserves a closer look": the possessor of the opening noun).
        let found = first_verb
            .and_then(|t| self.scan_subject(t))
            .or_else(|| self.sentence_opener());
        match found {
            Some(Found::Actors { first, last }) => {
                (first..=last).map(|i| self.actors[i].actor).collect()
            }
            // "He called it a good meeting.": the person "he" is, for a "he" in the next
            // sentence (a chain of pronouns keeps its referent).
            Some(Found::Pronoun {
                pronoun: p @ (Pronoun::He | Pronoun::She),
                t0,
                ..
            }) => self
                .resolve_pronoun(tagger, p, t0, ctx)
                .filter(|ids| ids.len() == 1)
                .unwrap_or_default(),
            _ => Vec::new(),
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
                let mut ids: Vec<ActorIdx> = (first..=last).map(|i| self.actors[i].actor).collect();
                let mut t0 = self.actors[first].t0;
                // "he and Trump agreed": a pronoun coordinated before the actors.
                if t0 >= 2
                    && self.is_word(t0 - 1, "and")
                    && let Some(p) = self.pronoun_at(t0 - 2)
                    && p != Pronoun::We
                    && let Some(more) = self.resolve_pronoun(tagger, p, t0 - 2, ctx)
                {
                    for a in more.into_iter().rev() {
                        if !ids.contains(&a) {
                            ids.insert(0, a);
                        }
                    }
                    t0 -= 2;
                }
                // "The Baltic states, backed by Poland, want…": the actors of an aside that
                // joins others to the subject hold the position too.
                for a in self.joined_aside(last) {
                    if !ids.contains(&a) {
                        ids.push(a);
                    }
                }
                let span = self.span_of(t0, self.actors[last].t1);
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
            Found::Quoted => {
                let ids = ctx.inherited.clone()?;
                Some((ids, HolderRule::Speaker, (0, 0)))
            }
            Found::Adjective { actor, t } => {
                Some((vec![actor], HolderRule::Possessor, self.span_of(t, t + 1)))
            }
            Found::Group { t0, t1, here } => {
                let mut ids = if here {
                    ctx.here_list.clone()
                } else {
                    ctx.prev_list.clone()
                };
                // "The same statement said…" after "a joint statement, also backed by
                // Zelensky…": the persons who held the previous sentence's positions, when
                // they include its whole list.
                if !here && !ids.is_empty() && ids.iter().all(|a| ctx.prev_holders.contains(a)) {
                    for &a in &ctx.prev_holders {
                        if !ids.contains(&a) && tagger.actor_kind[a.index()] == ActorKind::Person {
                            ids.push(a);
                        }
                    }
                }
                // "a joint statement, also backed by Zelensky and von der Leyen, that…".
                if !ids.is_empty() {
                    for a in self.joined_aside_at(t1) {
                        if !ids.contains(&a) {
                            ids.push(a);
                        }
                    }
                }
                (!ids.is_empty()).then(|| (ids, HolderRule::Pronoun, self.span_of(t0, t1)))
            }
            Found::Several { t0, t1, n, persons } => {
                // The mentions of the right kind before it in this sentence (not the source of
                // the report: "According to Ushakov, the two presidents…"), then those of the
                // sentences before, most recent first; `n` mentions, or `n` persons.
                let kind = if persons {
                    ActorKind::Person
                } else {
                    ActorKind::Collective
                };
                let here = self
                    .actors
                    .iter()
                    .rev()
                    .filter(|m| {
                        m.t1 <= t0
                            && self
                                .prev_word(m.t0)
                                .is_none_or(|k| self.covers[k] & bits::ACCORDING == 0)
                    })
                    .map(|m| m.actor);
                let before = if persons {
                    &ctx.recent_persons
                } else {
                    &ctx.recent_collectives
                };
                let mut ids: Vec<ActorIdx> = Vec::with_capacity(n);
                let mut mentions = 0;
                for a in here.chain(before.iter().rev().copied()) {
                    if tagger.actor_kind[a.index()] != kind {
                        continue;
                    }
                    if persons && ids.contains(&a) {
                        continue;
                    }
                    mentions += 1;
                    if !ids.contains(&a) {
                        ids.push(a);
                    }
                    if mentions == n {
                        break;
                    }
                }
                // All must be found (several names of one collective count: "Estonia, Latvia
                // and Lithuania" are `baltics` three times).
                if ids.is_empty() || mentions < n {
                    return None;
                }
                ids.reverse();
                Some((ids, HolderRule::Pronoun, self.span_of(t0, t1)))
            }
            Found::Title { t0, t1 } => {
                let title = self.words[t0..t1]
                    .iter()
                    .filter(|w| !w.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
                // (The title with its "the".)
                let span = self.span_of(t0.saturating_sub(1), t1);
                let before: Vec<ActorIdx> = self
                    .actors
                    .iter()
                    .filter(|m| m.t1 <= t0)
                    .map(|m| m.actor)
                    .collect();
                let candidates = before.iter().rev().chain(ctx.recent_persons.iter().rev());
                for &a in candidates {
                    if tagger.actor_kind[a.index()] == ActorKind::Person
                        && tagger.person_titles[a.index()]
                            .iter()
                            .any(|form| bears_title(form, &title))
                    {
                        return Some((vec![a], HolderRule::Pronoun, span));
                    }
                }
                // No such person named lately: in the words of a person who reports it, the
                // title is their own side's ("Witkoff said … the president wanted…" is Trump;
                // "Peskov said the president…" is Putin): the one person of the speaker's
                // affiliation who bears it, if there is exactly one.
                // Only the titles of a side's head (the `head_title` markers: "the president",
                // "the prime minister", "the chancellor"): a side has one of each, where it has
                // many ministers, spokesmen and leaders the lexicon does not list. The whole
                // title must be one ("the former president" is not).
                if !self
                    .markers
                    .iter()
                    .any(|m| m.role == Role::HeadTitle && m.t0 == t0 && m.t1 == t1)
                {
                    return None;
                }
                // Not a title of another side: "the president of Ukraine", "in Kyiv the
                // president".
                let of_another = self.is_word(t1, "of")
                    || self.prev_word(t0.saturating_sub(1)).is_some_and(|k| {
                        self.actor_at[k].is_some()
                            && self.prev_word(k).is_some_and(|j| self.words[j] == "in")
                    });
                if of_another {
                    return None;
                }
                // The reporting verb in the title's clause ("…, while in Kyiv the president
                // rejected…" is not the reporter's report).
                let reported = self.report_before(t0).filter(|&r| {
                    (r..t0).all(|k| {
                        self.covers[k] & bits::CLAUSE == 0 && !self.tokens[k].is_punct(';')
                    })
                });
                let s = speaker
                    .or_else(|| reported.map(|t| Found::Report { t }))
                    .filter(|_| depth == 0)?;
                let (ids, _, _) = self.resolve(tagger, s, ctx, None, depth + 1)?;
                let [speaker] = ids[..] else {
                    return None;
                };
                // A collective's side is itself ("a White House official said the president…").
                let side = if tagger.actor_kind[speaker.index()] == ActorKind::Person {
                    tagger.actor_affiliation[speaker.index()]
                } else {
                    speaker
                };
                let mut bearers = (0..tagger.person_titles.len())
                    .map(|i| ActorIdx(i as u16))
                    .filter(|&a| {
                        a != speaker
                            && tagger.actor_kind[a.index()] == ActorKind::Person
                            && tagger.actor_affiliation[a.index()] == side
                            && tagger.person_titles[a.index()]
                                .iter()
                                .any(|form| bears_title(form, &title))
                    });
                match (bearers.next(), bearers.next()) {
                    (Some(a), None) => Some((vec![a], HolderRule::Pronoun, span)),
                    _ => None,
                }
            }
            Found::Pronoun { pronoun, t0, t1 } => {
                let span = self.span_of(t0, t1);
                if pronoun == Pronoun::We {
                    // (Past a blank line of a transcript's turn, the turn's person; under a
                    // statement's heading, its signers. Not a "we" someone else is reported
                    // or quoted saying: "Putin said that we will never accept…", "Trump
                    // told me: “We want a ceasefire.”")
                    let Some(s) = speaker else {
                        let own = self.report_before(t0).is_none()
                            && !self.tokens[..t0].iter().any(|k| {
                                matches!(k.kind, TokenKind::Punct('"' | '“' | '”' | '«' | '»'))
                            });
                        // (Nor "we at the Daily Planet": the outlet.)
                        if !own || self.is_word(t1, "at") {
                            return None;
                        }
                        let voice = match ctx.turn_voice {
                            Some(a) => vec![a],
                            None => ctx.statement_voice.clone(),
                        };
                        return (!voice.is_empty()).then_some((voice, HolderRule::Speaker, span));
                    };
                    let (ids, _, _) = self.resolve(tagger, s, ctx, None, depth + 1)?;
                    return Some((ids, HolderRule::Speaker, span));
                }
                let ids = self.resolve_pronoun(tagger, pronoun, t0, ctx)?;
                Some((ids, HolderRule::Pronoun, span))
            }
            Found::Institution { pronoun, t0, t1 } => {
                let ids = self.resolve_pronoun(tagger, pronoun, t0, ctx)?;
                let mut own: Vec<ActorIdx> = Vec::with_capacity(ids.len());
                for a in ids {
                    let c = tagger.actor_affiliation[a.index()];
                    if !own.contains(&c) {
                        own.push(c);
                    }
                }
                Some((own, HolderRule::Pronoun, self.span_of(t0, t1)))
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
        // In this sentence, before the pronoun: the first fitting actor that is a subject in
        // the pronoun's own clause, else in the clause before, and so on ("Moscow says it
        // will…; Washington has yet to say how it will…"), else the nearest fitting one.
        // A collective named by a plural noun ("Russian officials", "European leaders", "the
        // Americans") is "they" whatever the actor's own pronoun.
        let plural = |m: &ActorMention| {
            let last = self.words[m.t1 - 1];
            let lowercase =
                self.text[self.tokens[m.t1 - 1].start as usize..].starts_with(char::is_lowercase);
            p == Pronoun::They
                && tagger.actor_kind[m.actor.index()] == ActorKind::Collective
                && last.len() > 3
                && last.ends_with('s')
                && (lowercase || last.ends_with("ans"))
        };
        // "After calling Zelensky, Rutte and several European leaders, he wrote…": the
        // opening participle's subject is the main clause's, so its objects are not "he".
        let opening = self.opening_participle_end().filter(|&c| c < t);
        // "“Putin cannot be trusted,” he said": in a sentence that opens with a quote, the
        // actors of that first quote are not who its speaker's pronoun is. Only for the
        // speaker ("he said", "said he"): a "he" inside a quote re-opened after the
        // attribution ("…,” Witkoff said, “and he agreed…") may be a quoted actor.
        // (The quote first: most sentences open with none.)
        let speaker_pronoun = || {
            self.next_word(t + 1)
                .is_some_and(|k| self.starts[k] & bits::REPORT != 0)
                || self
                    .prev_word(t)
                    .is_some_and(|k| self.starts[k] & bits::REPORT != 0)
        };
        let quote_end = (self.opens_with_quote() && speaker_pronoun())
            .then(|| {
                (1..t).find(|&k| matches!(self.tokens[k].kind, TokenKind::Punct('"' | '”' | '’')))
            })
            .flatten();
        // "Zelensky, he said, should accept…": the subject a reporting aside is set into is
        // not the aside's speaker.
        let aside_subject = (t >= 2
            && matches!(self.tokens[t - 1].kind, TokenKind::Punct(',' | '—' | '–'))
            && self
                .next_word(t + 1)
                .is_some_and(|k| k == t + 1 && self.starts[k] & bits::REPORT != 0))
        .then(|| self.actor_at[t - 2])
        .flatten()
        .map(|a| self.actors[a].actor);
        let before: Vec<&ActorMention> = self
            .actors
            .iter()
            .filter(|m| m.t1 <= t && (fits(m.actor) || plural(m)))
            .filter(|m| opening.is_none_or(|c| m.t0 > c))
            .filter(|m| quote_end.is_none_or(|q| m.t0 > q))
            .filter(|m| aside_subject != Some(m.actor))
            .collect();
        let subject_in = |c: u16| {
            before.iter().copied().find(|m| {
                self.clause[m.t0] == c
                    && !self.after_preposition(m.t0)
                    && !self.possessor_of_noun(m.t1)
            })
        };
        let own = self.clause[t];
        if let Some(m) = subject_in(own) {
            // "French and German officials say they…": "they" is the whole coordination.
            if p == Pronoun::They
                && let Some(last) = self.actors.iter().position(|x| x.t0 == m.t0)
            {
                let first = self.group_ending_at(last);
                if first < last {
                    return Some((first..=last).map(|k| self.actors[k].actor).collect());
                }
            }
            return Some(vec![m.actor]);
        }
        // No subject in the pronoun's own clause: a possessor there ("…, but the Kremlin's
        // stance shows its opposition to…"), before the clauses before it.
        if let Some(m) = before.iter().rev().find(|m| {
            self.clause[m.t0] == own
                && !self.after_preposition(m.t0)
                && self.possessor_of_noun(m.t1)
        }) {
            return Some(vec![m.actor]);
        }
        // "the leaders of France, Britain and Germany said they…": the sentence's list of
        // leaders (their collectives stand after "of", so they are no subjects).
        if p == Pronoun::They
            && ctx.here_list_led
            && !ctx.here_list.is_empty()
            && ctx.here_list_end <= self.tokens[t].start
        {
            return Some(ctx.here_list.clone());
        }
        if let Some(m) = (0..own).rev().find_map(subject_in) {
            return Some(vec![m.actor]);
        }
        if let Some(m) = before.last() {
            return Some(vec![m.actor]);
        }
        if p == Pronoun::They {
            // A coordinated group of actors before it in this sentence ("Germany, Italy and
            // Poland signalled they…"), else the previous sentence's group of holders.
            let mut i = self.actors.len();
            while i > 0 {
                i -= 1;
                if self.actors[i].t1 > t {
                    continue;
                }
                let first = self.group_ending_at(i);
                if first < i {
                    return Some((first..=i).map(|k| self.actors[k].actor).collect());
                }
            }
            if ctx.prev_holders.len() > 1 {
                return Some(ctx.prev_holders.clone());
            }
            // The persons the previous sentence listed ("…met Macron, Merz and Starmer. They
            // agreed…").
            if !ctx.prev_list.is_empty() {
                return Some(ctx.prev_list.clone());
            }
        }
        // The previous sentence's holders, each once (a sentence with three records of one
        // holder lists it three times).
        let mut holders: Vec<ActorIdx> = Vec::new();
        for &a in &ctx.prev_holders {
            if fits(a) && !holders.contains(&a) {
                holders.push(a);
            }
        }
        if holders.len() == 1 {
            return Some(holders);
        }
        let mut distinct: Vec<ActorIdx> = Vec::new();
        for &a in &ctx.prev_actors {
            if fits(a) && !distinct.contains(&a) {
                distinct.push(a);
            }
        }
        if distinct.is_empty()
            && matches!(p, Pronoun::He | Pronoun::She)
            && ctx.since_person <= PERSON_CHAIN
        {
            // "He called the meeting regrettable… His letter offered … provided Russia does
            // the same. He added that…": with no person in the sentence before, "he" goes on
            // referring to the last person named, a few sentences back, when the gender fits.
            return ctx
                .recent_persons
                .last()
                .copied()
                .filter(|&a| fits(a))
                .map(|a| vec![a]);
        }
        (distinct.len() == 1).then_some(distinct)
    }

    /// The comma that closes an opening participle clause when a pronoun follows it as the
    /// main clause's subject ("After calling Zelensky, Rutte and European leaders, he
    /// wrote…", "Before meeting Putin, she said…"): its token. (Without the pronoun right
    /// after a comma, the clause's end is not told from a list: "After meeting Trump, Macron
    /// said…".)
    fn opening_participle_end(&self) -> Option<usize> {
        // (The opening words first: most sentences answer there, before any comma search.)
        let first = self.next_word(0)?;
        let verb = self.next_word(first + 1)?;
        let w = self.words[verb];
        let participle = w.len() > 5
            && w.ends_with("ing")
            && !matches!(w, "morning" | "evening" | "during" | "spring");
        if !(participle
            && matches!(
                self.words[first],
                "after" | "before" | "while" | "since" | "upon" | "on" | "when"
            ))
        {
            return None;
        }
        (verb + 1..self.tokens.len()).find(|&c| {
            self.tokens[c].is_punct(',')
                && self.tokens.get(c + 1).is_some_and(|n| n.is_word())
                && self.starts[c + 1] & bits::PRONOUN != 0
        })
    }

    /// The resumptive noun of ", a demand (that) Kyiv rejects" when the cue at token `t` is
    /// the verb of such an apposition: the noun's token. Between the noun and the cue stand
    /// only the answering actors and the verb's auxiliaries.
    fn resumed_head(&self, t: usize) -> Option<usize> {
        // Back from the cue to the punctuation that opens the apposition, at most 12 words.
        let mut k = t;
        let mut words = 0;
        while k > 0 && self.tokens[k - 1].is_word() {
            k -= 1;
            words += 1;
            if words > 12 {
                return None;
            }
        }
        let opens = k > 0
            && matches!(
                self.tokens[k - 1].kind,
                TokenKind::Punct(',' | '—' | '–' | ';' | ':')
            );
        if !opens {
            return None;
        }
        // "— options Zelensky has resisted": a plural noun needs no determiner.
        // (Not one that is also a verb cue, "demands Kyiv has rejected": the actor after it
        // would read as its object.)
        let bare_plural = self.words[k].ends_with('s')
            && RESUMPTIVE_NOUNS.contains(&self.words[k])
            && self.cue_at[k].is_none();
        if !bare_plural && !matches!(self.words[k], "a" | "an" | "one" | "the") {
            return None;
        }
        let noun = if bare_plural { k } else { k + 1 };
        if noun >= t || !RESUMPTIVE_NOUNS.contains(&self.words[noun]) {
            return None;
        }
        let mut answer = noun + 1;
        if answer < t && matches!(self.words[answer], "that" | "which") {
            answer += 1;
        }
        self.actor_at
            .get(answer)
            .copied()
            .flatten()
            .is_some_and(|a| self.actors[a].t0 == answer)
            .then_some(noun)
    }

    /// Groups cues into chains: a cue governs the next one when only link words stand between.
    /// (Written into `out`, cleared first.)
    fn chains(&self, tagger: &Tagger, out: &mut Vec<(usize, usize)>) {
        out.clear();
        let mut i = 0;
        while i < self.cues.len() {
            let mut j = i;
            while j + 1 < self.cues.len() {
                let (a, b) = (self.cues[j], self.cues[j + 1]);
                let gap = a.t1..b.t0;
                // A cue whose topic stands before it ("arms must stop") is a whole predicate:
                // a cue after it starts a position of its own ("… as part of any settlement").
                // An amount may stand between ("committed more than $2 billion to buy").
                let amount = |k: usize| {
                    self.tokens[k].is_word() && self.in_quantity(k)
                        || matches!(self.tokens[k].kind, TokenKind::Punct('$' | '€' | '£'))
                };
                // At most 3 links, each a link word: counted and checked in one pass, after
                // the tests that need no pass (the amount test reads the words around).
                let mut links = 0;
                let linked = b.t0 > a.t0
                    && gap.len() <= 12
                    && tagger.cue_side[a.cue.index()] != TopicSide::Before
                    && self.clause[a.t0] == self.clause[b.t0]
                    && gap.clone().filter(|&k| !amount(k)).all(|k| {
                        links += 1;
                        links <= 3
                            && self.tokens[k].is_word()
                            && CHAIN_LINKS.contains(&self.words[k])
                    });
                if !linked {
                    break;
                }
                j += 1;
            }
            out.push((i, j));
            i = j + 1;
        }
    }

    /// The topics governed by a chain ending with cue `last`: first topic on the cue's side,
    /// plus topics coordinated with it; and a negator standing between cue and topic ("accept
    /// *no* foreign troops"). An anaphor after the cue ("backed *it*", "dismissed *the idea*")
    /// refers to the nearest topic before the cue in this sentence, else the previous one's.
    fn find_topics(
        &self,
        tagger: &Tagger,
        last: &CueMention,
        next_cue_t0: Option<usize>,
        si: usize,
        ctx: &Context,
    ) -> (Vec<TopicRef>, Option<ByteSpan>) {
        let side = tagger.cue_side[last.cue.index()];
        let reach = tagger.cue_reach[last.cue.index()];
        let clause = self.clause[last.t0];
        // What an anaphor right after the cue refers to.
        let anaphor = |from: usize| -> Option<TopicRef> {
            let in_cue = (last.t0..last.t1).any(|k| self.starts[k] & bits::ANAPHOR != 0);
            let next_word = self.next_word(last.t1);
            // After "acknowledge that", "it" is the subject of the clause, not the object.
            let complementizer = last.t1 > 0 && self.words[last.t1 - 1] == "that";
            // "it" or "they" with a verb right after it is the subject of a clause of its own
            // ("When Moscow starts threatening, it means they are afraid"), not the object.
            let subject = |k: usize| {
                matches!(self.words[k], "it" | "they")
                    && self.next_word(k + 1).is_some_and(|v| {
                        self.starts[v] & (bits::AUXILIARY | bits::MODAL | bits::REPORT) != 0
                            || self.cue_at[v].is_some()
                            || self.looks_past(v)
                            || matches!(
                                self.words[v],
                                "means" | "seems" | "shows" | "suggests" | "appears" | "looks"
                            )
                    })
            };
            // "welcomed the American proposal for direct talks", "the idea of sending
            // troops": a noun phrase followed by what it is about refers to that, not back.
            let about_follows = |k: usize| {
                self.markers
                    .iter()
                    .filter(|m| m.role == Role::Anaphor && m.t0 == k && m.t1 > k + 1)
                    .any(|m| {
                        self.next_word(m.t1).is_some_and(|p| {
                            // ("resisted that step for nine months": a span of time.)
                            let span_of_time = self.words[p] == "for"
                                && (p + 1..p + 4).filter(|&q| q < self.words.len()).any(|q| {
                                    matches!(
                                        self.words[q],
                                        "months"
                                            | "years"
                                            | "weeks"
                                            | "days"
                                            | "decades"
                                            | "hours"
                                            | "while"
                                            | "time"
                                            | "now"
                                            | "month"
                                            | "year"
                                            | "week"
                                            | "decade"
                                            | "ages"
                                    )
                                });
                            m.t1 == p
                                && matches!(self.words[p], "to" | "for" | "of" | "on" | "about")
                                && !span_of_time
                        })
                    })
            };
            let after = !complementizer
                && next_word.is_some_and(|k| {
                    self.starts[k] & bits::ANAPHOR != 0 && !subject(k) && !about_follows(k)
                });
            if !(in_cue || after) {
                return None;
            }
            self.antecedent_topic(from, ctx)
        };
        let after = || -> Option<(TopicRef, usize, Option<ByteSpan>)> {
            if let Some(r) = anaphor(last.t0) {
                return Some((r, 0, None));
            }
            let stop = next_cue_t0.unwrap_or(self.tokens.len());
            let mut words = 0;
            let mut reach = reach;
            let mut negation = None;
            for i in last.t1..stop {
                // "floated a model in which the veto powers would jointly guarantee Ukraine's
                // security": the plan's content is its relative clause, counted afresh.
                if words <= 3
                    && (self.is_word(i, "whereby")
                        || (self.is_word(i, "which")
                            && i > 0
                            && matches!(self.words[i - 1], "in" | "under")))
                {
                    words = 0;
                    reach = RELATIVE_PLAN_REACH;
                    continue;
                }
                if Some(i) == self.item_start {
                    words = 0;
                }
                let report = self.starts[i] & bits::REPORT != 0 && self.cue_at[i].is_none();
                // "more than $2 billion" is an amount, not a contrast.
                let contrast = matches!(self.words[i], "alternative" | "instead" | "rather")
                    || (self.words[i] == "than" && !self.in_quantity(i));
                // "one of his central demands before the summit": what follows a preposition
                // of time is when, not what.
                let temporal = matches!(self.words[i], "before" | "after" | "during" | "since")
                    && self.cue_at[i].is_none();
                if self.clause[i] != clause
                    || self.starts[i] & bits::CONDITION != 0
                    || report
                    || contrast
                    || temporal
                {
                    return None;
                }
                if let Some(tp) = self.topic_at[i] {
                    return Some((self.topic_ref(tp), words, negation));
                }
                if self.starts[i] & bits::NEGATION != 0 {
                    negation = self
                        .markers
                        .iter()
                        .find(|m| m.role == Role::Negation && m.t0 == i)
                        .map(|m| self.span_of(m.t0, m.t1));
                }
                if self.counts_as_word(i) {
                    words += 1;
                    if words > reach {
                        return None;
                    }
                }
            }
            None
        };
        let before = || -> Option<(TopicRef, usize, Option<ByteSpan>)> {
            let mut words = 0;
            let mut i = last.t0;
            while i > 0 {
                i -= 1;
                // "Such a presence — whether labeled a peacekeeping mission or a training
                // operation — would mean…": an aside between dashes or in parentheses names
                // what the subject may be called, not the subject; it is passed over.
                let opening = match self.tokens[i].kind {
                    TokenKind::Punct(c @ ('—' | '–')) => Some(c),
                    TokenKind::Punct(')') => Some('('),
                    _ => None,
                };
                if let Some(open) = opening
                    && let Some(j) = (0..i).rev().find(|&j| self.tokens[j].is_punct(open))
                {
                    i = j;
                    continue;
                }
                if self.clause[i] != clause
                    || (self.cue_at[i].is_some() && i < last.t0) && !self.in_chain_with(i, last)
                {
                    return None;
                }
                // "the air defence systems Ukraine required", "the weapons Kyiv requires must
                // arrive": a topic right before the cue's own subject is that subject's
                // object (a contact relative clause), not the subject the cue says it of.
                if let Some(a) = self.actor_at[i] {
                    let m = self.actors[a];
                    let subject_of_cue = (m.t1..last.t0).all(|k| {
                        self.tokens[k].is_word()
                            && self.starts[k] & (bits::AUXILIARY | bits::MODAL) != 0
                    });
                    let after_topic = m.t0.checked_sub(1).is_some_and(|k| {
                        self.topic_at[k].is_some_and(|tp| self.topics[tp].t1 == m.t0)
                    });
                    // "… keep arming Ukraine, and Europe should stop waiting": an actor
                    // that is the cue's own subject stands between it and any topic
                    // before, which is then no subject the cue says it of.
                    // (", and Europe should…" or "but France would…"; not "talks between
                    // Russia and Ukraine must…", where the actor is the topic's.)
                    let coordinated = self.prev_word(m.t0).is_some_and(|k| {
                        self.words[k] == "but"
                            || (self.words[k] == "and" && k > 0 && self.tokens[k - 1].is_punct(','))
                    });
                    if subject_of_cue && (after_topic || coordinated) {
                        return None;
                    }
                }
                if let Some(tp) = self.topic_at[i]
                    && !self.object_of_noun(self.topics[tp].t0)
                {
                    // "a ceasefire without security guarantees would be a trap": the topic
                    // after "without" is what the subject lacks; the subject is the topic
                    // before it (whose requirement, `requirement_after`, makes it conditional).
                    // ("without a prisoner exchange": an article may stand between.)
                    let lacked = self.topics[tp].t0;
                    let without = self.prev_word(lacked).and_then(|k| {
                        if matches!(self.words[k], "a" | "an" | "the" | "any") {
                            self.prev_word(k)
                        } else {
                            Some(k)
                        }
                    });
                    let tp = without
                        .filter(|&k| self.words[k] == "without" && k > 0)
                        .and_then(|k| self.topic_at[k - 1].filter(|&h| self.topics[h].t1 == k))
                        .unwrap_or(tp);
                    // "No ceasefire is acceptable": "no" on the subject negates the predicate.
                    // Only for the predicate's own subject, right before it ("no Western
                    // troops, no NATO membership — terms Kyiv calls unacceptable" is a list).
                    let (t0, t1) = (self.topics[tp].t0, self.topics[tp].t1);
                    let subject =
                        t1 + 3 >= last.t0 && (t1..last.t0).all(|k| self.tokens[k].is_word());
                    let negation = self
                        .prev_word(t0)
                        .filter(|&k| {
                            subject && self.words[k] == "no" && self.starts[k] & bits::NEGATION != 0
                        })
                        .map(|k| self.span_of(k, k + 1))
                        // "Trump did not put military aid on hold", "does not consider foreign
                        // troops acceptable": a negation of the verb whose object the topic is,
                        // the cue completing it. (Not a "no" on the topic: "no talks … could
                        // succeed without…" is a requirement, read elsewhere.)
                        .or_else(|| {
                            if tagger.cue_side[last.cue.index()] != TopicSide::Before {
                                return None;
                            }
                            self.negation_before(t0).filter(|&(a, b)| {
                                self.text
                                    .get(a as usize..b as usize)
                                    .is_some_and(|w| !w.eq_ignore_ascii_case("no"))
                            })
                        });
                    return Some((self.topic_ref(tp), words, negation));
                }
                // "makes it impossible to…", "it is unacceptable that…": an "it" that stands
                // for the clause after the cue refers to nothing before.
                let expletive = self.words[i] == "it"
                    && self
                        .next_word(last.t1)
                        .is_some_and(|k| matches!(self.words[k], "to" | "that"));
                if self.starts[i] & bits::ANAPHOR != 0 && !expletive {
                    // "The idea is unacceptable": the idea named before, in this sentence
                    // ("if foreign units turn up, … treat them as targets") or the one before.
                    return self.antecedent_topic(i, ctx).map(|r| (r, words, None));
                }
                if self.counts_as_word(i) {
                    words += 1;
                    if words > reach {
                        return None;
                    }
                }
            }
            None
        };
        let first = match side {
            TopicSide::After => after()
                .or_else(|| self.relative_antecedent(last))
                .or_else(|| self.prior_position(tagger, last, si, ctx)),
            TopicSide::Implicit => after().or_else(|| self.implicit_object(last, ctx)),
            TopicSide::Before => before(),
            TopicSide::Either => match (after(), before()) {
                // "European soldiers in Ukraine would be unacceptable under any settlement":
                // a topic after "under" (or "within", "as part of") says under what the
                // predicate holds; the subject before it is what it is said of.
                (Some(a), Some(b)) => Some(if a.1 < b.1 && !self.framing_topic(a.0) {
                    a
                } else {
                    b
                }),
                (a, b) => a.or(b),
            },
        };
        let Some((first, _, negation)) = first else {
            return (Vec::new(), None);
        };
        let topics = match self.topic_index(first) {
            Some(i) => {
                let mut i = self.modelled_on(i);
                // Read as a rejection: a rejecting cue, or a backing one negated ("will not
                // allow any agreement that…").
                let negated = self.negation_before(last.t0).is_some();
                let rejects = match tagger.cue_stance[last.cue.index()] {
                    Stance::Reject => !negated,
                    Stance::Support => negated,
                    Stance::Conditional => false,
                };
                if rejects {
                    i = self.content_of(i);
                }
                self.coordinated_topics(i)
                    .map(|k| self.topic_ref(k))
                    .collect()
            }
            None => vec![first],
        };
        (topics, negation)
    }

    /// Does topic `r` stand after "under", "within" or "as part of" (with "a", "an", "the",
    /// "any" between), a frame for a predicate rather than what it is said of?
    fn framing_topic(&self, r: TopicRef) -> bool {
        let Some(i) = self.topic_index(r) else {
            return false;
        };
        let mut k = self.prev_word(self.topics[i].t0);
        if let Some(d) = k.filter(|&d| matches!(self.words[d], "a" | "an" | "the" | "any")) {
            k = self.prev_word(d);
        }
        k.is_some_and(|k| {
            matches!(self.words[k], "under" | "within")
                || (self.words[k] == "of"
                    && k >= 2
                    && self.is_word(k - 1, "part")
                    && self.is_word(k - 2, "as"))
        })
    }

    /// What an anaphor at token `from` refers to: the nearest topic before it in this
    /// sentence, else the previous sentence's topic. A topic that only says where or when ("at
    /// last Monday's White House meeting", "hours before the meeting") is passed over for
    /// another one before it, else for the previous sentence's topic; it is taken only when
    /// there is nothing else.
    fn antecedent_topic(&self, from: usize, ctx: &Context) -> Option<TopicRef> {
        let adjunct = |i: usize| {
            let t0 = self.topics[i].t0;
            (t0.saturating_sub(8)..t0).any(|k| {
                matches!(self.words[k], "at" | "during" | "since" | "before" | "after")
                    // "only after a ceasefire" is a condition, not a time.
                    && self.covers[k] & bits::CONDITION == 0
                    // "at least", "at all", "at once" are no places.
                    && !matches!(
                        self.words.get(k + 1),
                        Some(&("least" | "all" | "most" | "once" | "first"))
                    )
            }) && !(t0.saturating_sub(8)..t0).any(|k| self.tokens[k].is_punct(','))
        };
        let mut earlier = (0..self.topics.len())
            .rev()
            .filter(|&i| self.topics[i].t1 <= from);
        let first = earlier.next();
        let chosen = match first {
            Some(i) if adjunct(i) => earlier.find(|&j| !adjunct(j)),
            other => other,
        };
        chosen
            .map(|i| self.topic_ref(i))
            .or(ctx.prev_topic)
            .or_else(|| first.map(|i| self.topic_ref(i)))
    }

    /// A noun right after the cue, behind a determiner or a possessor, that refers back to a
    /// position taken before, stance and all ("Zelensky dismissed *the objection*", "he brushed
    /// aside *Putin's warning*", "Kyiv has not abandoned *its goal*", "backed *that position*"):
    /// with a possessor, the possessor's (or its collective's) latest record in the last
    /// [`PRIOR_SENTENCES`] sentences, and nothing when it has none; without one, the position
    /// of the sentence before when its records all take the same one. Conditional records are
    /// not referred to. The topic comes back `opposite` when that record rejected it, so that
    /// dismissing an objection backs what was objected to.
    fn prior_position(
        &self,
        tagger: &Tagger,
        last: &CueMention,
        si: usize,
        ctx: &Context,
    ) -> Option<(TopicRef, usize, Option<ByteSpan>)> {
        let d = self.next_word(last.t1)?;
        if self.clause[d] != self.clause[last.t0] {
            return None;
        }
        let (possessor, noun_from) = match self.actor_at[d] {
            Some(a) if self.actors[a].t0 == d && self.possessive_s(self.actors[a].t1) => {
                (Some(self.actors[a].actor), self.actors[a].t1 + 2)
            }
            Some(_) => return None,
            // "Kyiv has not abandoned its goal": a possessive pronoun is the subject's own.
            None if matches!(self.words[d], "its" | "his" | "her" | "their") => {
                // The subject, when it agrees with the pronoun ("its" a collective, "his"
                // or "her" a person); else no possessor is known and nothing is referred to.
                let agrees = |a: ActorIdx| match self.words[d] {
                    "its" => tagger.actor_kind[a.index()] == ActorKind::Collective,
                    "his" | "her" => tagger.actor_kind[a.index()] == ActorKind::Person,
                    _ => false,
                };
                // An objection is someone else's: nobody dismisses their own.
                let objection = self.next_word(d + 1).is_some_and(|k| {
                    self.starts[k] & bits::OBJECTION != 0
                        || self
                            .next_word(k + 1)
                            .is_some_and(|k2| self.starts[k2] & bits::OBJECTION != 0)
                });
                match self.scan_subject(last.t0) {
                    Some(Found::Actors { first, last })
                        if !objection && first == last && agrees(self.actors[first].actor) =>
                    {
                        (Some(self.actors[first].actor), d + 1)
                    }
                    _ => return None,
                }
            }
            None if matches!(self.words[d], "the" | "that" | "this" | "those" | "these") => {
                (None, d + 1)
            }
            None => return None,
        };
        // The noun, or one plain word before it ("the whole objection", "Putin's latest
        // warning").
        let plain = |k: usize| {
            self.actor_at[k].is_none() && self.topic_at[k].is_none() && self.cue_at[k].is_none()
        };
        let is_noun = |k: usize| self.starts[k] & (bits::POSITION | bits::OBJECTION) != 0;
        let n = self.next_word(noun_from)?;
        let noun = if is_noun(n) {
            n
        } else {
            self.next_word(n + 1).filter(|&k| plain(n) && is_noun(k))?
        };
        let family = |a: ActorIdx| tagger.actor_affiliation[a.index()];
        // A conditional position has no single stance to compose with. A goal or an aim is
        // something wanted: only a supporting record can be it ("Kyiv has not abandoned its
        // goal" is not its refusal to give up land).
        let wanted = matches!(self.words[noun], "goal" | "goals" | "aim" | "aims");
        let usable = |r: &&PriorPosition| !(r.conditional || (wanted && r.topic.opposite));
        let topic = match possessor {
            // The possessor's own latest position; none, no record.
            Some(p) => {
                ctx.positions
                    .iter()
                    .rev()
                    .filter(usable)
                    .find(|r| r.holder == p || (family(r.holder) == p && family(p) == p))?
                    .topic
            }
            None => {
                // The previous sentence's position, when all its records take one (or those of
                // a sentence up to three back, when no other topic was named since: "…did not
                // allow him to give away territory. “Nobody will sign that. Not me,” he said.
                // European leaders have backed that position."); else an objection stands
                // against the topic named before ("the warnings" after troops were named); a
                // goal or a position might be either way.
                let last = ctx.positions.last().map_or(0, |r| r.sentence);
                let recent = last + 1 == si
                    || (last + 3 >= si
                        && ctx.positions.last().map(|r| r.topic.topic)
                            == ctx.prev_topic.map(|t| t.topic));
                let mut prev = ctx
                    .positions
                    .iter()
                    .rev()
                    .take_while(|r| recent && r.sentence == last)
                    .filter(usable);
                let first = prev.next().map(|r| r.topic);
                let one = first.filter(|t| {
                    prev.all(|r| r.topic.topic == t.topic && r.topic.opposite == t.opposite)
                });
                let objection = self.starts[noun] & bits::OBJECTION != 0;
                match one {
                    Some(t) => t,
                    None if first.is_none() && objection => {
                        let t = ctx.prev_topic?;
                        TopicRef {
                            opposite: !t.opposite,
                            ..t
                        }
                    }
                    None => return None,
                }
            }
        };
        Some((topic, 0, None))
    }

    /// The topic of a cue that stands with nothing after it in its clause ("Finland would
    /// contribute, provided…", "every ally should contribute."): the topic named last before
    /// it in this sentence, else the previous sentence's.
    fn implicit_object(
        &self,
        last: &CueMention,
        ctx: &Context,
    ) -> Option<(TopicRef, usize, Option<ByteSpan>)> {
        let next = last.t1;
        let nothing_after = match self.tokens.get(next) {
            None => true,
            Some(t) if !t.is_word() => !t.is_punct('-') && !t.is_punct('/'),
            Some(_) => {
                self.clause[next] != self.clause[last.t0]
                    || self.starts[next] & (bits::CONDITION | bits::CLAUSE) != 0
                    || matches!(self.words[next], "too" | "again" | "as")
            }
        };
        if !nothing_after {
            return None;
        }
        let earlier = (0..self.topics.len())
            .rev()
            .find(|&i| self.topics[i].t1 <= last.t0);
        earlier
            .map(|i| self.topic_ref(i))
            .or(ctx.prev_topic)
            .map(|r| (r, 0, None))
    }

    /// Does token `i` count toward a cue's reach? Words do; an actor mention counts once
    /// ("U.S." is one word, not two).
    #[inline(always)]
    fn counts_as_word(&self, i: usize) -> bool {
        self.tokens[i].is_word()
            && self.actor_at[i].is_none_or(|a| self.actors[a].t0 == i)
            && !self.in_quantity(i)
    }

    /// Is word `i` part of an amount ("as much as $90 billion in arms", "up to 5,000
    /// troops")? An amount is the cue's object's measure, not words between cue and object.
    #[inline(always)]
    fn in_quantity(&self, i: usize) -> bool {
        #[inline(always)]
        fn magnitude(w: &str) -> bool {
            w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w,
                    "hundred"
                        | "thousand"
                        | "million"
                        | "billion"
                        | "trillion"
                        | "bn"
                        | "mn"
                        | "dollars"
                        | "euros"
                        | "pounds"
                )
        }
        #[inline(always)]
        fn lead(w: &str) -> bool {
            matches!(
                w,
                "as" | "much"
                    | "many"
                    | "up"
                    | "to"
                    | "about"
                    | "around"
                    | "roughly"
                    | "nearly"
                    | "almost"
                    | "some"
                    | "another"
                    | "over"
                    | "well"
                    | "more"
                    | "less"
                    | "fewer"
                    | "than"
                    | "under"
                    | "at"
                    | "least"
                    | "just"
            )
        }
        let w = self.words[i];
        if magnitude(w) {
            return true;
        }
        // A lead word counts as part of the amount only when a number follows it.
        lead(w)
            && (i + 1..self.tokens.len())
                .filter(|&k| self.tokens[k].is_word())
                .find(|&k| !lead(self.words[k]))
                .is_some_and(|k| self.words[k].starts_with(|c: char| c.is_ascii_digit()))
    }

    fn topic_ref_of(&self, m: &TopicMention) -> TopicRef {
        TopicRef {
            topic: m.topic,
            opposite: m.opposite,
            span: self.span_of(m.t0, m.t1),
        }
    }

    /// The speaker named by a header line ("- Emmanuel Macron, French President, Paris:"):
    /// its first actor.
    fn header_speaker(&self) -> Option<Vec<ActorIdx>> {
        self.actors.first().map(|m| vec![m.actor])
    }

    /// The speaker a sentence attributes its quote to ("…,” Starmer said.", "Zakharova:").
    fn attributed_speaker(&self, tagger: &Tagger, ctx: &Context) -> Option<Vec<ActorIdx>> {
        let found = self.sentence_speaker(0)?;
        self.resolve(tagger, found, ctx, None, 1)
            .map(|(ids, _, _)| ids)
    }

    /// "a guarantee modelled on NATO's Article 5", "protection like Article 5": the topic a
    /// phrase is modelled on is the more specific one, and the one governed.
    fn modelled_on(&self, i: usize) -> usize {
        let Some(next) = self.topics.get(i + 1) else {
            return i;
        };
        // The words between the two: a link has at most six, so the first seven are read
        // (into an array: most gaps are long, and were collected whole into a vector), and a
        // gap of seven or more links nothing, as before.
        let mut gap_buf = [""; 7];
        let mut n_gap = 0;
        for k in (self.topics[i].t1..next.t0)
            .filter(|&k| self.tokens[k].is_word())
            .take(7)
        {
            gap_buf[n_gap] = self.words[k];
            n_gap += 1;
        }
        let gap = &gap_buf[..n_gap];
        // "any agreement on new sanctions", "a deal over security guarantees": a deal about
        // a topic is that topic.
        let deal = self.names_deal(self.topics[i]);
        if deal
            && next.topic != self.topics[i].topic
            && matches!(gap.first(), Some(&("on" | "over")))
            && gap.len() <= 3
            && gap.iter().skip(1).all(|w| {
                matches!(
                    *w,
                    "a" | "an" | "the" | "new" | "further" | "more" | "any" | "possible"
                )
            })
        {
            return i + 1;
        }
        let linked = matches!(
            gap,
            ["inspired", "by", ..]
                | ["modelled" | "modeled" | "based" | "patterned", "on", ..]
                | ["similar" | "akin", "to", ..]
                | ["like", ..]
                | ["along", "the", "lines", "of", ..]
        ) && gap.len() <= 6
            && gap.iter().skip(2).all(|w| {
                matches!(
                    *w,
                    "nato"
                        | "s"
                        | "the"
                        | "alliance"
                        | "alliance's"
                        | "of"
                        | "lines"
                        | "very"
                        | "much"
                )
            });
        if linked { i + 1 } else { i }
    }

    /// Is the topic mention starting at token `t0` the object of a preposition after a noun
    /// that is no topic ("no decision *on sanctions* was needed")? Then it is not the subject
    /// of a predicate after it; the noun is.
    fn object_of_noun(&self, t0: usize) -> bool {
        let Some(p) = self.prev_word(t0) else {
            return false;
        };
        matches!(self.words[p], "on" | "over" | "about" | "regarding")
            && self
                .prev_word(p)
                .is_some_and(|n| self.topic_at[n].is_none() && self.actor_at[n].is_none())
    }

    /// "rejects any peace deal that would require it to pull its forces out of Donetsk", "will
    /// not allow any agreement that would cede land": what is rejected is the content the
    /// relative clause gives the first topic, when it names another one close behind it in the
    /// same clause. (Backing such a deal backs the deal; only a rejection is read this way.)
    /// A clause with a negation of its own ("a deal that does not include guarantees") makes
    /// the other topic a missing part, not the content: see [`Sentence::lacking`].
    fn content_of(&self, i: usize) -> usize {
        let Some(next) = self.topics.get(i + 1) else {
            return i;
        };
        let first = self.topics[i];
        if next.topic == first.topic {
            return i;
        }
        // Words only, but for one comma before the relative word (", which would…").
        let mut gap = Vec::new();
        for k in first.t1..next.t0 {
            if self.tokens[k].is_word() {
                gap.push(k);
            } else if !(gap.is_empty() && self.tokens[k].is_punct(',')) {
                return i;
            }
        }
        // Only a deal, plan or agreement has a content ("the ceasefire, which led Europe to…"
        // says what followed, not what the ceasefire holds).
        let container = self.names_deal(first);
        let opens = gap.first().is_some_and(|&k| {
            matches!(
                self.words[k],
                "that" | "which" | "involving" | "requiring" | "entailing"
            )
        });
        // "a deal that would bar Ukraine from NATO", "a plan that limits guarantees": what the
        // clause keeps out is not the content rejected.
        let plain = gap.iter().all(|&k| {
            self.starts[k] & (bits::NEGATION | bits::CONDITION) == 0
                && !EXCLUDING_WORDS.contains(&self.words[k])
        });
        if container && opens && plain && gap.len() <= CONTENT_REACH {
            i + 1
        } else {
            i
        }
    }

    /// "urged that any peace deal include safeguards", "insisted that any agreement must
    /// respect…": a verb of demanding and "that", then the governed topic `m` as a deal (behind
    /// "any", "a", "the" or "every" at most) with a bare verb or "should"/"must" right after
    /// it. Also a verb of demanding or wanting with the deal as its object and an infinitive
    /// after it ("wants any peace deal to include guarantees", "wanted any ceasefire to be
    /// accompanied by guarantees"). Returns the element the clause names after that verb (if
    /// any) and the verb's span.
    fn demanded_content(
        &self,
        gov: &Governor<'_>,
        m: TopicRef,
    ) -> Option<(Option<TopicRef>, ByteSpan)> {
        let verb_bits = self.starts.get(gov.t0).copied().unwrap_or(0);
        if verb_bits & (bits::DEMANDING | bits::WANTING) == 0 {
            return None;
        }
        let next = self.next_word(gov.t1)?;
        // "that" and a clause (verbs of demanding), or the deal as the object and "to".
        let that = self.words[next] == "that";
        if that && verb_bits & bits::DEMANDING == 0 {
            return None;
        }
        let i = self.topic_index(m)?;
        let deal = self.topics[i];
        let from = if that { next + 1 } else { gov.t1 };
        let gap = (from..deal.t0).filter(|&k| self.tokens[k].is_word());
        if gap.clone().count() > 1
            || gap
                .clone()
                .any(|k| !matches!(self.words[k], "any" | "a" | "the" | "every"))
        {
            return None;
        }
        let mut v = self.next_word(deal.t1)?;
        if !that {
            // "to include", "to be accompanied by", "to come with", "to rest on".
            if self.words[v] != "to" {
                return None;
            }
            v = self.next_word(v + 1)?;
            // (Not "cover": "wants any ceasefire to cover the Black Sea" sets a scope.)
            if self.starts[v] & bits::CONTENT_INFINITIVE == 0 {
                return None;
            }
            let end = self
                .markers
                .iter()
                .filter(|k| k.role == Role::ContentInfinitive && k.t0 == v)
                .map(|k| k.t1)
                .max()?;
            let element = self
                .topics
                .iter()
                .position(|t| t.t0 > v && self.clause[t.t0] == self.clause[v])
                .map(|k| self.topic_ref(k));
            // (The verb with its participle or preposition: "be accompanied", "come with".)
            // A one-word verb other than "include" and "contain" also shows the word after it
            // ("guarantee Ukraine"), as it did when these verbs were a list in this file; the
            // marker's words alone would be the cleaner cue cell (a change of output, not made).
            let end = if end == v + 1 && !matches!(self.words[v], "include" | "contain") {
                self.next_word(v + 1).map_or(v + 1, |k| k + 1)
            } else {
                end
            };
            return Some((element, self.span_of(v, end)));
        }
        // A content verb, or "be", "should", "must" ("that any deal be backed by…").
        let demand_verb = self.starts[v] & bits::CONTENT_VERB != 0
            || matches!(self.words[v], "be" | "should" | "must");
        if !demand_verb || !(self.names_deal(deal) || self.is_word(deal.t0.wrapping_sub(1), "any"))
        {
            return None;
        }
        let element = self
            .topics
            .iter()
            .position(|t| t.t0 > v && self.clause[t.t0] == self.clause[v])
            .map(|k| self.topic_ref(k));
        Some((element, self.span_of(v, v + 1)))
    }

    /// The deal whose content topic `m` is ([`Sentence::content_of`]) by a relative clause
    /// ("that", "which"), and the clause between them (the condition its record shows).
    fn deal_of_content(&self, m: TopicRef) -> Option<(TopicRef, ByteSpan)> {
        let i = self.topic_index(m)?;
        let d = i.checked_sub(1)?;
        if self.content_of(d) != i {
            return None;
        }
        let (deal, content) = (self.topics[d], self.topics[i]);
        // Only a relative clause ("that would…", ", which would…"): "any plan involving a NATO
        // presence" rejects the presence alone (the guidelines' example).
        if !self
            .next_word(deal.t1)
            .is_some_and(|k| matches!(self.words[k], "that" | "which"))
        {
            return None;
        }
        // Only any deal of that kind ("any agreement, which…", "a deal that…"): "the peace
        // plan, which would bring European troops" is one plan, rejected for what it holds.
        let any = |k: usize| matches!(self.words[k], "any" | "a" | "an");
        if !(any(deal.t0) || self.prev_word(deal.t0).is_some_and(any)) {
            return None;
        }
        let clause = self.span_of(deal.t1, content.t0);
        Some((self.topic_ref(d), clause))
    }

    /// "any deal that did not include security guarantees", "any agreement that leaves out
    /// guarantees": the topic a deal (topic mention `i`) is said to lack, by a relative clause
    /// with a negation or an excluding word close behind it, and the clause's span (the
    /// condition a record shows). Rejecting such a deal requires the topic
    /// (tests/gold/POLICIES.md, P6).
    fn lacking(&self, i: usize) -> Option<(TopicRef, ByteSpan)> {
        let first = self.topics[i];
        let next = self.topics.get(i + 1)?;
        let container = self.names_deal(first);
        if !container || next.topic == first.topic {
            return None;
        }
        let gap = first.t1..next.t0;
        let words = gap.clone().filter(|&k| self.tokens[k].is_word()).count();
        let relative = self
            .next_word(first.t1)
            .is_some_and(|k| k < next.t0 && matches!(self.words[k], "that" | "which"));
        let all_words = gap.clone().all(|k| self.tokens[k].is_word());
        let lacks = gap.clone().any(|k| {
            self.starts[k] & bits::NEGATION != 0 || matches!(self.words[k], "without" | "lacks")
        });
        (container && relative && all_words && lacks && words <= CONTENT_REACH)
            .then(|| (self.topic_ref(i + 1), self.span_of(first.t1, next.t0)))
    }

    /// Does a topic mention name a deal, plan or agreement (its last word one of
    /// [`DEAL_NOUNS`])? Only those have a content of their own ("any agreement on sanctions",
    /// "a deal that would require…").
    fn names_deal(&self, m: TopicMention) -> bool {
        m.t1.checked_sub(1)
            .is_some_and(|k| DEAL_NOUNS.contains(&self.words[k]))
    }

    fn topic_ref(&self, i: usize) -> TopicRef {
        let m = self.topics[i];
        TopicRef {
            topic: m.topic,
            opposite: m.opposite,
            span: self.span_of(m.t0, m.t1),
        }
    }

    /// The index of a topic reference among this sentence's mentions, if it is one.
    fn topic_index(&self, r: TopicRef) -> Option<usize> {
        self.topics
            .iter()
            .position(|m| self.span_of(m.t0, m.t1) == r.span)
    }

    /// The topic `first` and topics coordinated after it ("guarantees and continued military
    /// support"): the topics that follow each other from `first` on, so a range of them (no
    /// list to allocate).
    fn coordinated_topics(&self, first: usize) -> std::ops::Range<usize> {
        let clause = self.clause[self.topics[first].t0];
        let mut cur = first;
        while let Some(next) = self.topics.get(cur + 1) {
            let gap = self.topics[cur].t1..next.t0;
            let ok = gap.len() <= 4
                && self.clause[next.t0] == clause
                && gap.clone().all(|k| {
                    let t = &self.tokens[k];
                    let linking = t.is_word()
                        && (COORDINATORS.contains(&self.words[k])
                            || matches!(
                                self.words[k],
                                "continued"
                                    | "for"
                                    | "to"
                                    | "on"
                                    | "of"
                                    | "more"
                                    | "new"
                                    | "further"
                                    | "the"
                                    | "a"
                                    | "an"
                                    | "other"
                                    | "also"
                                    | "with"
                            ));
                    // A capitalized qualifier: "and an American backstop".
                    let qualifier = t.is_word()
                        && self.text[t.start as usize..]
                            .starts_with(|c: char| c.is_ascii_uppercase());
                    // A plain gerund heading the next object: "help with training and with
                    // monitoring a truce" (a cue there would be a position of its own).
                    let gerund = t.is_word()
                        && self.words[k].len() > 5
                        && self.words[k].ends_with("ing")
                        && self.cue_at[k].is_none()
                        && self.covers[k] == 0
                        && k >= 2
                        && matches!(self.words[k - 2], "and" | "or")
                        && matches!(self.words[k - 1], "with" | "to" | "for" | "on" | "in");
                    t.is_punct(',') || linking || qualifier || gerund
                })
                && gap.clone().any(|k| {
                    self.is_word(k, "and") || self.is_word(k, "or") || self.tokens[k].is_punct(',')
                });
            if !ok && !self.list_item_gap(gap, clause, next.t1) {
                break;
            }
            cur += 1;
        }
        first..cur + 1
    }

    /// Is the gap between two topics the end of one item of a list of objects and the opening
    /// of the next ("asks for a full ceasefire of at least 30 days, an exchange of every
    /// prisoner…, the return of deported children")? Up to [`LIST_ITEM_TAIL`] tokens that
    /// name no actor and hold no cue, reporting verb, relative pronoun or other clause, then a
    /// comma, then at most six linking words (and, or, articles, "more", "new", …). The next
    /// item must end as a list item does (see [`Sentence::ends_list_item`]): "…, the peace
    /// talks having stalled" is an absolute clause, not an item.
    fn list_item_gap(&self, gap: std::ops::Range<usize>, clause: u16, next_t1: usize) -> bool {
        if gap.len() > LIST_ITEM_TAIL || gap.is_empty() || !self.ends_list_item(next_t1) {
            return false;
        }
        let Some(comma) = gap.clone().rev().find(|&k| self.tokens[k].is_punct(',')) else {
            return false;
        };
        let opening = comma + 1..gap.end;
        let linking = |k: usize| {
            self.tokens[k].is_word()
                && matches!(
                    self.words[k],
                    "and" | "or" | "a" | "an" | "the" | "more" | "new" | "further" | "other"
                )
        };
        let plain = |k: usize| {
            self.clause[k] == clause
                && self.cue_at[k].is_none()
                && self.actor_at[k].is_none()
                && self.starts[k] & (bits::REPORT | bits::MODAL | bits::AUXILIARY) == 0
                && !(self.tokens[k].is_word()
                    && matches!(self.words[k], "that" | "which" | "who" | "whom" | "while"))
                && !self.tokens[k].is_punct(';')
                && !self.tokens[k].is_punct(':')
        };
        opening.len() <= 6 && opening.clone().all(linking) && gap.clone().all(plain)
    }

    /// Does the list item whose topic ends at token `t` end as an item does: within
    /// [`LIST_ITEM_TAIL`] tokens, at a comma, "and", "or", a semicolon or the sentence's end,
    /// with no verb form, cue or "still"/"notwithstanding" before it ("the ceasefire being
    /// secondary", "the sanctions still in force", "a new package notwithstanding")?
    fn ends_list_item(&self, t: usize) -> bool {
        for k in t..(t + LIST_ITEM_TAIL).min(self.tokens.len()) {
            let tok = &self.tokens[k];
            if tok.is_punct(',') || tok.is_punct(';') || tok.is_punct('.') {
                return true;
            }
            if !tok.is_word() {
                continue;
            }
            let w = self.words[k];
            if matches!(w, "and" | "or") {
                return true;
            }
            let verbal = w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed"));
            if verbal
                || matches!(w, "still" | "notwithstanding" | "being" | "having")
                || self.cue_at[k].is_some()
                || self.starts[k] & (bits::REPORT | bits::MODAL | bits::AUXILIARY) != 0
            {
                return false;
            }
        }
        // The sentence ends within the tail (its last token may be a word).
        t + LIST_ITEM_TAIL >= self.tokens.len()
    }

    /// An object relative clause: "the ceasefire that Berlin and Paris pressed for" — the cue
    /// has no topic after it, and its subject follows "that"/"which" right after a topic.
    fn relative_antecedent(
        &self,
        last: &CueMention,
    ) -> Option<(TopicRef, usize, Option<ByteSpan>)> {
        if let Some(r) = self.contact_relative(last) {
            return Some(r);
        }
        let Some(Found::Actors { first, .. }) = self.scan_subject(last.t0) else {
            return None;
        };
        let t0 = self.actors[first].t0;
        let rel = self.prev_word(t0)?;
        if !matches!(self.words[rel], "that" | "which" | "whom") {
            return None;
        }
        let before = (0..rel)
            .rev()
            .find(|&k| self.tokens[k].is_word() || self.topic_at[k].is_some())?;
        self.topic_at[before].map(|tp| (self.topic_ref(tp), 0, None))
    }

    /// A contact relative clause, with no relative word, whose verb is the cue: "the Tomahawk
    /// missiles Kyiv has been requesting", "the guarantees Moscow rejected". An actor stands
    /// right before the cue (auxiliaries between) and a topic right before the actor, not
    /// after a preposition of time or place ("at the summit Putin refused").
    fn contact_relative(&self, last: &CueMention) -> Option<(TopicRef, usize, Option<ByteSpan>)> {
        // Back over auxiliaries and the cues of a chain ("Moscow has refused to accept").
        let mut k = self.prev_word(last.t0)?;
        let mut passed = 0;
        let adverb = |w: &str| {
            (w.len() > 4 && w.ends_with("ly"))
                || matches!(w, "long" | "already" | "still" | "also" | "once" | "now")
        };
        while self.covers[k] & (bits::AUXILIARY | bits::MODAL) != 0
            || self.cue_at[k].is_some()
            || CHAIN_LINKS.contains(&self.words[k])
            || adverb(self.words[k])
        {
            passed += 1;
            if passed > 6 || self.actor_at[k].is_some() || self.topic_at[k].is_some() {
                return None;
            }
            k = self.prev_word(k)?;
        }
        let a = self.actor_at[k]?;
        let actor = self.actors[a];
        if actor.t1 != k + 1 || actor.t0 == 0 {
            return None;
        }
        let tp = self.topic_at[actor.t0 - 1]?;
        let topic = self.topics[tp];
        if topic.t1 != actor.t0 {
            return None;
        }
        let mut j = self.prev_word(topic.t0);
        if j.is_some_and(|j| {
            j + 1 == topic.t0 && matches!(self.words[j], "the" | "any" | "those" | "these" | "such")
        }) {
            j = j.and_then(|j| self.prev_word(j));
        }
        // A fronted adverbial ("At the summit Putin refused", "Despite sanctions Moscow
        // refused"): a preposition that opens the sentence or follows punctuation. After a
        // verb ("flew home without the missiles Kyiv requested") the clause is a relative.
        let placed = j.is_some_and(|j| {
            let preposition = self.covers[j] & bits::PREPOSITION != 0
                || matches!(self.words[j], "during" | "since" | "until" | "as");
            let fronted = j == 0 || !self.tokens[j - 1].is_word();
            preposition && fronted
        });
        (!placed).then(|| (self.topic_ref(tp), 0, None))
    }

    /// Is cue `c` chained to the cue starting at token `t` ("refused *to* rule out")?
    fn chained_before(&self, c: usize, t: usize) -> bool {
        let end = self.cues[c].t1;
        end <= t
            && t - end <= 3
            && (end..t).all(|k| self.tokens[k].is_word() && CHAIN_LINKS.contains(&self.words[k]))
    }

    fn in_chain_with(&self, token: usize, last: &CueMention) -> bool {
        self.cue_at[token]
            .is_some_and(|c| self.cues[c].t1 <= last.t0 && last.t0 - self.cues[c].t1 <= 3)
    }

    /// Does the negation marker starting at token `t0` contract "will" or "would" with its
    /// negation ("won't", "wouldn't": three tokens)? ("Can't" and "cannot" are left out, as
    /// "can" is among the modals: they tell of what may not be done, often under a condition
    /// ("cannot hand over land by signature alone"), more than of a refusal.)
    fn contracted_modal(&self, t0: usize) -> bool {
        matches!(self.words[t0], "won" | "wouldn") && self.words.get(t0 + 2) == Some(&"t")
    }

    /// A negator shortly before token `t` in its clause, looking past one short aside
    /// between commas ("has not, so far, endorsed").
    #[inline(always)]
    fn negation_before(&self, t: usize) -> Option<ByteSpan> {
        // (Only a negation marker gives an answer: a sentence without one, most of them, is
        // not walked.)
        if self.roles & bits::NEGATION == 0 {
            return None;
        }
        let clause = self.clause.get(t).copied().unwrap_or(0);
        let mut words = 0;
        let mut i = t;
        let mut aside_skipped = false;
        while i > 0 {
            i -= 1;
            if self.tokens[i].is_punct(',')
                && !aside_skipped
                && let Some(open) = self.aside_before(i)
            {
                aside_skipped = true;
                i = open;
                continue;
            }
            if self.clause[i] != clause
                || self.actor_at[i].is_some()
                || self.topic_at[i].is_some()
                || self.tokens[i].is_punct(',')
            {
                return None;
            }
            if self.covers[i] & bits::NEGATION != 0 {
                let m = self
                    .markers
                    .iter()
                    .find(|m| m.role == Role::Negation && m.t0 <= i && i < m.t1)?;
                // A negator that runs into the cue ("is not" before the cue "not on the
                // table") is the cue's own word, not a negation of it.
                if m.t1 <= t {
                    return Some(self.span_of(m.t0, m.t1));
                }
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

    /// Do the commas at `open` and `close` set off an aside inside a verb phrase ("would not,
    /// however, commit"): an auxiliary, a modal or a negation before `open`, and no new
    /// subject after `close` (not "…if it must, however, Trump backs…", two clauses)?
    fn verb_phrase_aside(&self, open: usize, close: usize) -> bool {
        let before = open
            .checked_sub(1)
            .filter(|&k| self.tokens[k].is_word())
            .is_some_and(|k| {
                self.covers[k] & (bits::AUXILIARY | bits::MODAL | bits::NEGATION) != 0
            });
        let new_subject = self.next_word(close + 1).is_none_or(|k| {
            self.actor_at[k].is_some()
                || self.starts[k] & bits::PRONOUN != 0
                || matches!(self.words[k], "the" | "a" | "an" | "this" | "that")
        });
        before && !new_subject
    }

    /// The opening comma of a short aside ("so far", "for now", "as yet") that ends with the
    /// comma at token `close`: one to four words, none of them a mention, a cue, or a marker
    /// that starts a condition, a negation, a report or a question; a connective ("however")
    /// only alone and inside a verb phrase ([`Sentence::verb_phrase_aside`]).
    fn aside_before(&self, close: usize) -> Option<usize> {
        let mut words = 0;
        let mut k = close;
        // A connective alone between commas inside a verb phrase is an adverb ("would not,
        // however, commit"): an aside, where elsewhere it opens a clause.
        let mut connective = false;
        while k > 0 {
            k -= 1;
            if self.tokens[k].is_punct(',') {
                return (words > 0
                    && (!connective || (words == 1 && self.verb_phrase_aside(k, close))))
                .then_some(k);
            }
            let clause_word = self.covers[k] & bits::CLAUSE != 0;
            connective |= clause_word;
            if !self.tokens[k].is_word()
                || self.actor_at[k].is_some()
                || self.topic_at[k].is_some()
                || self.cue_at[k].is_some()
                || self.covers[k]
                    & (bits::NEGATION
                        | bits::CONDITION
                        | bits::REPORT
                        | bits::ACCORDING
                        | bits::QUESTION)
                    != 0
            {
                return None;
            }
            words += 1;
            if words > 4 {
                return None;
            }
        }
        None
    }

    /// A condition marker in the clause of token `t`, not inside a relative clause that
    /// follows the cue ("…, under which allies would help if it were attacked").
    fn condition_in_clause(&self, t: usize) -> Option<ByteSpan> {
        let clause = self.clause.get(t).copied()?;
        self.markers
            .iter()
            .filter(|m| m.role == Role::Condition && self.clause[m.t0] == clause)
            .filter(|m| {
                // "if necessary", "as long as necessary" state no condition.
                let next = self.next_word(m.t1);
                !next.is_some_and(|k| {
                    matches!(
                        self.words[k],
                        "necessary" | "needed" | "need" | "required" | "possible" | "appropriate"
                    )
                })
            })
            // ", and if the door stays shut, the West should…" after the cue opens a second
            // statement with its own condition (not ", and only if", which restricts this one).
            // Nor does one inside a second that-clause: "said a longer ceasefire was not on the
            // agenda and that Moscow would judge any proposal only after…".
            .filter(|m| {
                !(m.t0 > t
                    && ((matches!(self.words[m.t0], "if" | "unless")
                        && m.t0 >= 2
                        && self.is_word(m.t0 - 1, "and")
                        && self.tokens[m.t0 - 2].is_punct(','))
                        || (t..m.t0)
                            .any(|k| self.words[k] == "and" && self.is_word(k + 1, "that"))
                        || self.own_verb_after_comma_and(t, m.t0)))
            })
            .find(|m| {
                m.t0 < t
                    || !(t..m.t0).any(|k| {
                        matches!(self.words[k], "which" | "who" | "whom" | "whose" | "where")
                    })
            })
            .map(|m| self.span_of(m.t0, m.t1))
    }

    /// ", and on 14 July his government confirmed it was ready to finance more if…": between
    /// tokens `t` and `c`, a ", and" opens a second statement with a verb of its own (a cue
    /// or a reporting verb) before `c`, to which what stands at `c` belongs.
    fn own_verb_after_comma_and(&self, t: usize, c: usize) -> bool {
        let Some(and) =
            (t + 1..c).find(|&k| self.words[k] == "and" && self.tokens[k - 1].is_punct(','))
        else {
            return false;
        };
        // ("…, and London confirmed this would happen if…", "would do so only if": a second
        // statement that points back at the first states its condition.)
        let points_back = (and + 1..c).any(|k| {
            self.words[k] == "this" || (self.words[k] == "so" && self.is_word(k - 1, "do"))
        });
        !points_back
            && (and + 1..c).any(|k| self.cue_at[k].is_some() || self.starts[k] & bits::REPORT != 0)
    }

    /// Is topic `m`, rejected, rejected only on the condition at `c` ("would step back from the
    /// peace effort altogether, depending on whether…")? Not when the condition is part of the
    /// topic's own phrase ("plans to station troops after a peace deal": within four words, no
    /// comma between), when it is the next clause's ("…, and the administration made its
    /// participation contingent on…"), when it speaks of the topic (a threat: "troops would be
    /// targets if they arrived"), or when it concedes ("even if").
    fn rejected_on_condition(&self, m: TopicRef, c: ByteSpan) -> bool {
        let Some(i) = self.topic_index(m) else {
            return false;
        };
        let end = self.topics[i].t1;
        let Some(at) = (end..self.tokens.len()).find(|&k| self.tokens[k].start == c.0) else {
            return false;
        };
        if self.words[at] == "even" {
            return false;
        }
        let between = end..at;
        let comma = between.clone().any(|k| self.tokens[k].is_punct(','));
        let words = between
            .clone()
            .filter(|&k| self.tokens[k].is_word())
            .count();
        // (Only a condition of time or event is part of the topic's phrase: "troops after a
        // peace deal"; "a ceasefire unless Kyiv withdraws" is a condition on the position.)
        let event = matches!(
            self.words[at],
            "after" | "following" | "once" | "when" | "before" | "should"
        );
        if event && !comma && words <= 4 {
            return false;
        }
        let next_clause = between.clone().any(|k| {
            self.tokens[k].is_punct(';')
                || (self.tokens[k].is_punct(',')
                    && self
                        .next_word(k + 1)
                        .is_some_and(|j| matches!(self.words[j], "and" | "but")))
        });
        // (Not "it became clear that…", an "it" that stands for what follows.)
        let speaks_of_topic = (at..self.tokens.len())
            .take_while(|&k| !self.tokens[k].is_punct(','))
            .any(|k| matches!(self.words[k], "they" | "it" | "them") && !self.expletive_it(k));
        !next_clause && !speaks_of_topic
    }

    /// A requirement right after topic mention `m`: "without" ("talks without Ukraine"), or
    /// "before" / "until" opening a clause ("a ceasefire before a settlement is agreed"; not
    /// "a ceasefire before the summit", a date). Returns the word's span.
    fn requirement_after(&self, m: TopicRef) -> Option<ByteSpan> {
        let k = self.topics[self.topic_index(m)?].t1;
        if !self.tokens.get(k)?.is_word() {
            return None;
        }
        let opens_clause = || {
            (k + 1..self.tokens.len())
                .take_while(|&j| self.clause[j] == self.clause[k] && !self.tokens[j].is_punct(','))
                .filter(|&j| self.tokens[j].is_word())
                .take(6)
                .any(|j| self.starts[j] & (bits::AUXILIARY | bits::MODAL) != 0)
        };
        // "any peace deal that would require it to give up land": only deals of that kind.
        let t0 = self.topics[self.topic_index(m)?].t0;
        let of_kind = (t0.saturating_sub(2)..t0)
            .any(|j| matches!(self.words[j], "any" | "a" | "an" | "such"));
        let restrictive = || {
            of_kind
                && matches!(self.words[k], "that" | "which")
                && (k + 1..self.tokens.len())
                    .filter(|&j| self.tokens[j].is_word())
                    .take(2)
                    .any(|j| {
                        matches!(
                            self.words[j],
                            "require" | "requires" | "involve" | "involves" | "mean" | "means"
                        )
                    })
        };
        match self.words[k] {
            "without" => Some(self.span_of(k, k + 1)),
            "before" | "until" if opens_clause() => Some(self.span_of(k, k + 1)),
            "that" | "which" if restrictive() => Some(self.span_of(k, k + 1)),
            _ => None,
        }
    }

    /// The topic right after "before" that follows topic mention `m` ("a settlement before
    /// the guns fall silent", "a ceasefire before any talks"), a different topic, in the same
    /// clause, at most three words after "before".
    fn wanted_before(&self, m: TopicRef) -> Option<TopicRef> {
        let i = self.topic_index(m)?;
        // "wants guarantees before a truce", or with what is to be done to them between: a
        // participle and its "with" phrase ("settled", "agreed with Washington"). No times
        // ("on Monday before the summit") and no punctuation.
        let t1 = self.topics[i].t1;
        let mut k = t1;
        if k < self.tokens.len() && self.looks_past(k) {
            k += 1;
            if self.is_word(k, "with")
                && let Some(a) = self.actor_at.get(k + 1).copied().flatten()
            {
                k = self.actors[a].t1;
            }
        }
        if !self.is_word(k, "before") {
            return None;
        }
        let next = self.topics.get(i + 1)?;
        let gap = (k + 1..next.t0)
            .filter(|&j| self.tokens[j].is_word())
            .count();
        (gap <= 3 && next.topic != m.topic && self.clause[next.t0] == self.clause[k])
            .then(|| self.topic_ref(i + 1))
    }

    /// Why a cue at token `t` states no position of anyone, if it does not: it is inside an
    /// indirect question ("asked whether Putin had agreed…"), inside a condition ("depending on
    /// whether Putin agrees to meet"), or reported by a negated verb ("has not confirmed that…").
    #[inline(always)]
    fn out_of_scope(&self, t: usize) -> Option<&'static str> {
        // (The segment is only looked at for a question or condition marker: a sentence with
        // neither, most of them, goes straight to the reporting verb.)
        if self.roles & (bits::QUESTION | bits::CONDITION) != 0
            && let Some(reason) = self.segment_out_of_scope(t)
        {
            return Some(reason);
        }
        if let Some(r) = self.report_before(t)
            && self.negation_before(r).is_some()
        {
            return Some(
                "reported by a negated verb (\"has not confirmed that…\"): not a position",
            );
        }
        None
    }

    /// [`Sentence::out_of_scope`]'s tests within the cue's segment (from the last comma,
    /// semicolon, dash or colon before it): an indirect question or a condition.
    fn segment_out_of_scope(&self, t: usize) -> Option<&'static str> {
        let segment_start = (0..t)
            .rev()
            .find(|&k| {
                matches!(
                    self.tokens[k].kind,
                    TokenKind::Punct(',' | ';' | '—' | '–' | ':')
                )
            })
            .map_or(0, |k| k + 1);
        // Both tests below look for a marker start in the segment: most segments have
        // neither, told in one pass.
        let marks = (segment_start..t).fold(0, |acc, k| acc | self.starts[k]);
        // "until" (a question row's word that is also an `awaited` marker: an event awaited)
        // only before a clause, whose subject is an actor, a pronoun or a topic ("until Moscow
        // agrees to…"); before a time ("gave Putin until Friday to agree…", "until the very
        // end") it is none.
        let awaited_only = || {
            (segment_start..t)
                .filter(|&k| self.starts[k] & bits::QUESTION != 0)
                .all(|k| {
                    self.starts[k] & bits::AWAITED != 0
                        && !self.next_word(k + 1).is_some_and(|j| {
                            self.actor_at[j].is_some()
                                || self.topic_at[j].is_some()
                                || self.starts[j] & bits::PRONOUN != 0
                        })
                })
        };
        if marks & bits::QUESTION != 0 && !awaited_only() && self.answerer(t).is_none() {
            return Some(
                "inside an indirect question (\"whether…\") or an event awaited (\"until…\"): not a position",
            );
        }
        let clause = self.clause[t];
        if marks & bits::CONDITION != 0
            && (segment_start..t)
                .any(|k| self.starts[k] & bits::CONDITION != 0 && self.clause[k] == clause)
        {
            return Some("inside a condition (\"if…\", \"unless…\"): not a position");
        }
        None
    }

    /// Is token `t` in an indirect question: a question marker ("whether…") earlier in its
    /// comma-delimited segment?
    fn in_question(&self, t: usize) -> bool {
        // Asked for every cue chain: most sentences have no question marker at all.
        self.roles & bits::QUESTION != 0
            && (0..t)
                .rev()
                .take_while(|&k| {
                    !matches!(
                        self.tokens[k].kind,
                        TokenKind::Punct(',' | ';' | '—' | '–' | ':')
                    )
                })
                .any(|k| self.starts[k] & bits::QUESTION != 0)
    }

    /// "Asked whether he was ready to take that step, Trump answered that he was": a question
    /// that the sentence's answerer answers yes (an elliptic "he was", "they should", or "yes",
    /// "absolutely", "certainly", "of course") states the question's content as the answer's
    /// position. The question ends at the first comma after token `t`; then come a subject, a
    /// reporting verb, an optional "that", colon or quote mark, and the answer, which must end
    /// there (a comma, a full stop, a quote mark). Gives the answerer (the reporting verb's
    /// speaker), who holds the position, and the words of a no ("he would not", "no"), which
    /// negate the content.
    fn answerer(&self, t: usize) -> Option<(Found, Option<ByteSpan>)> {
        let comma = (t..self.tokens.len()).find(|&k| self.tokens[k].is_punct(','))?;
        let mut k = comma + 1;
        // The subject: an actor mention or a pronoun.
        match self.actor_at.get(k).copied().flatten() {
            Some(a) => k = self.actors[a].t1,
            None if self.covers.get(k).is_some_and(|c| c & bits::PRONOUN != 0) => k += 1,
            None => return None,
        }
        let verb = self
            .markers
            .iter()
            .find(|m| m.role == Role::Report && m.t0 == k)?;
        let answerer = Found::Report { t: verb.t0 };
        k = verb.t1;
        while k < self.tokens.len()
            && (self.is_word(k, "that")
                || matches!(
                    self.tokens[k].kind,
                    TokenKind::Punct(':' | '"' | '“' | '\'' | '‘')
                ))
        {
            k += 1;
        }
        let ends = |k: usize| self.tokens.get(k).is_none_or(|t| !t.is_word());
        let word = |k: usize| self.words.get(k).copied().unwrap_or("");
        let yes = (matches!(word(k), "yes" | "absolutely" | "certainly" | "definitely")
            && ends(k + 1))
            || (word(k) == "of" && word(k + 1) == "course" && ends(k + 2));
        let subject = matches!(word(k), "he" | "she" | "it" | "they" | "we" | "i");
        let auxiliary = matches!(
            word(k + 1),
            "was"
                | "is"
                | "were"
                | "are"
                | "would"
                | "will"
                | "should"
                | "could"
                | "can"
                | "did"
                | "does"
                | "do"
                | "had"
                | "has"
                | "have"
                | "must"
        );
        // "he would not", "they won't": the answer is no, and the question's content is
        // negated ("won't" is read as the words "won" and "t").
        let not = matches!(word(k + 2), "not" | "t" | "n't");
        let no = (word(k) == "no" && ends(k + 1)) || (subject && auxiliary && not && ends(k + 3));
        let elliptic = subject && auxiliary && ends(k + 2);
        if yes || elliptic {
            Some((answerer, None))
        } else if no {
            // The words that say no, shown as the record's negation.
            let end = if word(k) == "no" { k + 1 } else { k + 3 };
            Some((answerer, Some(self.span_of(k, end))))
        } else {
            None
        }
    }

    /// Does topic mention `m` stand alone as a slogan: only quote marks and bullets before it
    /// in its sentence, or a colon right before it; and after it nothing but punctuation (or
    /// "now") to the end of the sentence, or a comma closing the quote it ends?
    fn slogan(&self, m: &TopicMention) -> bool {
        let before = (0..m.t0).rev().find(|&k| {
            !matches!(
                self.tokens[k].kind,
                TokenKind::Punct('"' | '“' | '‘' | '\'' | '-' | '•' | '*')
            ) && !matches!(self.words[k], "a" | "an" | "the")
        });
        if !before.is_none_or(|k| self.tokens[k].is_punct(':')) {
            return false;
        }
        let closes =
            (m.t1..self.tokens.len()).all(|k| !self.tokens[k].is_word() || self.words[k] == "now");
        // …or the quote closes after it and an attribution follows ("…: all for all,”
        // Zelenskiy wrote").
        let after = if self.is_word(m.t1, "now") {
            m.t1 + 1
        } else {
            m.t1
        };
        let quote_ends = matches!(
            (self.tokens.get(after), self.tokens.get(after + 1)),
            (Some(c), Some(q)) if c.is_punct(',')
                && matches!(q.kind, TokenKind::Punct('"' | '”' | '’'))
        );
        closes || quote_ends
    }

    /// Verbal topic phrases after a modal that no cue governs: "Poland would not *send
    /// soldiers*", "Kyiv will never *cede territory*". Returns (modal token, topic, negation).
    fn implicit_cues(&self, governed: &[usize]) -> Vec<(usize, usize, Option<ByteSpan>)> {
        let mut out = Vec::new();
        for (ti, m) in self.topics.iter().enumerate() {
            if governed.contains(&ti) {
                continue;
            }
            // "there would be no American boots on the ground", "Moscow's terms: no Western
            // troops", "Italy will help, but no soldiers": a reject. Not a reported fact ("No such meeting was planned", "talks
            // ended with no ceasefire").
            let prev = (0..m.t0).rev().take(2).find(|&k| self.is_word(k, "no"));
            if let Some(k) = prev {
                let between_ok = (k + 1..m.t0).all(|j| {
                    self.tokens[j].is_word() && self.covers[j] == 0 && self.cue_at[j].is_none()
                });
                let before = (0..k).rev().find(|&j| {
                    !matches!(
                        self.tokens[j].kind,
                        TokenKind::Punct('"' | '“' | '‘' | '-' | '•' | '*')
                    )
                });
                let opens = match before {
                    None => true,
                    Some(j) => {
                        self.tokens[j].is_punct(':')
                            || self.tokens[j].is_punct(',')
                                && (0..j).any(|x| self.tokens[x].is_punct(':'))
                            || matches!(
                                self.words[j],
                                "be" | "is" | "are" | "was" | "were" | "been"
                            )
                            // "Meloni: Italy will help, but no soldiers"
                            || (self.words[j] == "but"
                                && j.checked_sub(1).is_some_and(|c| self.tokens[c].is_punct(',')))
                    }
                };
                let next = (m.t1..self.tokens.len()).find(|&j| self.tokens[j].is_word());
                let verb_follows =
                    next.is_some_and(|j| self.covers[j] & (bits::AUXILIARY | bits::MODAL) != 0);
                if between_ok && opens && !verb_follows {
                    out.push((k, ti, Some(self.span_of(k, k + 1))));
                }
                continue;
            }
            if self.starts[m.t0] & bits::TOPIC_VERB == 0 {
                // "“All for all.”", "Our goal has not changed: all for all": a topic standing
                // alone as a slogan, the whole sentence or all that follows its colon, is
                // backed by whoever says it.
                if self.slogan(m) {
                    out.push((m.t0, ti, None));
                }
                continue;
            }
            let mut i = m.t0;
            let mut negation = None;
            let mut modal = None;
            let mut skipped = 0;
            while i > 0 && skipped <= 2 {
                i -= 1;
                // (Before the test for a word: "won't" is three tokens, its apostrophe one.
                // "will" of "will not" is the modal, below.)
                if self.covers[i] & bits::NEGATION != 0 && self.covers[i] & bits::MODAL == 0 {
                    let mk = self
                        .markers
                        .iter()
                        .find(|x| x.role == Role::Negation && x.t0 <= i && i < x.t1);
                    negation = mk.map(|x| self.span_of(x.t0, x.t1));
                    // "Kyiv won't hand over land": a modal contracted with its negation is
                    // the modal too.
                    if let Some(x) = mk
                        && self.contracted_modal(x.t0)
                    {
                        modal = Some(x.t0);
                        break;
                    }
                    continue;
                }
                if !self.tokens[i].is_word() {
                    break;
                }
                if self.covers[i] & bits::MODAL != 0 {
                    let mk = self
                        .markers
                        .iter()
                        .find(|x| x.role == Role::Modal && x.t0 <= i && i < x.t1);
                    modal = mk.map(|x| x.t0);
                    break;
                }
                if self.cue_at[i].is_some()
                    || self.actor_at[i].is_some()
                    || self.topic_at[i].is_some()
                {
                    break;
                }
                skipped += 1;
            }
            let Some(modal) = modal else { continue };
            // Inside a relative clause ("a model in which the five powers would guarantee…"),
            // the phrase describes a proposal, not a position of its subject.
            let clause = self.clause[modal];
            if (0..modal).any(|k| {
                self.clause[k] == clause && matches!(self.words[k], "which" | "whom" | "whose")
            }) {
                continue;
            }
            // A cue right before the modal governs the topic ("refused to cede territory").
            let governed_by_cue =
                (modal.saturating_sub(2)..modal).any(|k| self.cue_at[k].is_some());
            if negation.is_none() {
                negation = self.negation_before(modal);
            }
            if !governed_by_cue {
                out.push((modal, ti, negation));
            }
        }
        out
    }

    /// A row of a table of positions ("| Poland | No troops on Ukrainian soil; logistics hub |
    /// — |"): the actors of its first cell hold what its other cells list. Each item of a cell
    /// (cells split at ';' and ',') gives a record for each topic in it:
    /// - nothing when it says the position is not taken yet ("Undecided on troops");
    /// - the stance of its own cue when it has one ("backs an Article 5-style clause"), negated
    ///   by a negation before the cue in the item;
    /// - `reject` when it opens with a negation ("No troops");
    /// - else `support`: the column lists what the actor offers or wants.
    ///
    /// A cell of a column of conditions that is not empty ("After a ceasefire", not "—" or
    /// "none") makes the row's support conditional. Returns false when the first cell is not
    /// actors alone, for the row to be read as prose.
    fn table_row(&self, tagger: &Tagger, si: usize, head: &TableHead, out: &mut Tagged) -> bool {
        let bars: Vec<usize> = (0..self.tokens.len())
            .filter(|&k| self.tokens[k].is_punct('|'))
            .collect();
        // (Two bars at least: a row split at a full stop in a cell ends after its second.)
        if bars.len() < 2 {
            return false;
        }
        let cell = |j: usize| {
            (
                bars[j] + 1,
                bars.get(j + 1).copied().unwrap_or(self.tokens.len()),
            )
        };
        // The first cell: actors, with only "and", "the" and punctuation beside them
        // ("Denmark, Norway and Sweden").
        let (h0, h1) = cell(0);
        let holders: Vec<ActorMention> = self
            .actors
            .iter()
            .filter(|m| m.t0 >= h0 && m.t1 <= h1)
            .copied()
            .collect();
        let only_actors = (h0..h1).all(|k| {
            !self.tokens[k].is_word()
                || self.actor_at[k].is_some()
                || matches!(self.words[k], "and" | "the")
        });
        if holders.is_empty() || !only_actors {
            return false;
        }
        // A condition cell that says there is none: "—", "none", "n/a", "no".
        // ("No conditions", "None yet", "Not applicable", "Unconditional" state none.)
        let stated = |(c0, c1): (usize, usize)| {
            let first = (c0..c1).find(|&k| self.tokens[k].is_word());
            first.is_some_and(|f| {
                self.starts[f] & bits::NEGATION == 0
                    && !matches!(
                        self.words[f],
                        "none" | "n" | "na" | "nil" | "unconditional" | "unconditionally"
                    )
            })
        };
        let condition = head
            .conditions
            .iter()
            .filter(|&&j| j < bars.len())
            .map(|&j| cell(j))
            .find(|&c| stated(c))
            .map(|(c0, c1)| {
                let first = (c0..c1)
                    .find(|&k| !self.tokens[k].is_punct('|'))
                    .unwrap_or(c0);
                self.span_of(first, c1)
            });
        let mut emitted = Emitted::default();
        for j in 1..bars.len() {
            if head.conditions.contains(&j) {
                continue;
            }
            let (c0, c1) = cell(j);
            let mut i0 = c0;
            while i0 < c1 {
                let i1 = (i0..c1)
                    .find(|&k| self.tokens[k].is_punct(';') || self.tokens[k].is_punct(','))
                    .unwrap_or(c1);
                self.table_item(
                    tagger,
                    si,
                    head,
                    (i0, i1),
                    head.rejecting.contains(&j),
                    &holders,
                    condition,
                    &mut emitted,
                    out,
                );
                i0 = i1 + 1;
            }
        }
        true
    }

    /// The records of one item of a table row (see [`Sentence::table_row`]).
    #[allow(clippy::too_many_arguments)]
    fn table_item(
        &self,
        tagger: &Tagger,
        si: usize,
        head: &TableHead,
        (i0, i1): (usize, usize),
        rejecting: bool,
        holders: &[ActorMention],
        condition: Option<ByteSpan>,
        emitted: &mut Emitted,
        out: &mut Tagged,
    ) {
        let inside = |t0: usize, t1: usize| t0 >= i0 && t1 <= i1;
        let cue = self.cues.iter().find(|c| inside(c.t0, c.t1));
        if !self.topics.iter().any(|m| inside(m.t0, m.t1)) {
            if let Some(c) = cue {
                out.notes.push(Note {
                    sentence: si,
                    cue: self.span_of(c.t0, c.t1),
                    reason: "a table row: no topic in this item of its cell".to_string(),
                });
            }
            return;
        }
        // An undecided item states nothing; one that names an actor ("Hungary blocks
        // sanctions") is that actor's, not the row's.
        // ("Air defence for Kyiv": an actor after a preposition is no such actor.)
        let other_actor = self
            .actors
            .iter()
            .any(|m| m.t0 >= i0 && m.t1 <= i1 && !self.after_preposition(m.t0));
        if other_actor || (i0..i1).any(|k| self.covers[k] & bits::UNDECIDED != 0) {
            return;
        }
        // A condition inside the item ("Troops once a ceasefire holds"): what follows it is
        // the condition, what comes before it is held on that condition.
        let inner_condition = (i0..i1)
            .find(|&k| self.starts[k] & bits::CONDITION != 0)
            .and_then(|k| {
                self.markers
                    .iter()
                    .find(|m| m.t0 == k && m.role == Role::Condition)
                    .map(|m| (k, self.span_of(m.t0, m.t1)))
            });
        let i1 = inner_condition.map_or(i1, |(k, _)| k);
        let condition = inner_condition.map(|(_, c)| c).or(condition);
        let inside = |t0: usize, t1: usize| t0 >= i0 && t1 <= i1;
        let cue = self.cues.iter().find(|c| inside(c.t0, c.t1));
        let negation_from = |t: usize| {
            (i0..t)
                .find(|&k| self.starts[k] & bits::NEGATION != 0)
                .map(|k| self.span_of(k, k + 1))
        };
        let first_word = (i0..i1).find(|&k| self.tokens[k].is_word());
        let (stance, cue_span, negation) = match cue {
            Some(c) => {
                let negation = negation_from(c.t0);
                let own = tagger.cue_stance[c.cue.index()];
                let stance = match negation {
                    Some(_) => Tagger::negate(own),
                    None => Some(own),
                };
                (stance, self.span_of(c.t0, c.t1), negation)
            }
            None => match first_word.filter(|&k| self.starts[k] & bits::NEGATION != 0) {
                Some(k) => (
                    Some(Stance::Reject),
                    head.heading,
                    Some(self.span_of(k, k + 1)),
                ),
                None if rejecting => (Some(Stance::Reject), head.heading, None),
                None => (Some(Stance::Support), head.heading, None),
            },
        };
        let Some(stance) = stance else {
            return;
        };
        for m in self.topics.iter().filter(|m| inside(m.t0, m.t1)) {
            let stance = match (stance, m.opposite) {
                (Stance::Support, true) => Stance::Reject,
                (Stance::Reject, true) => Stance::Support,
                (s, _) => s,
            };
            let stance = match (stance, condition) {
                (Stance::Support, Some(_)) => Stance::Conditional,
                (s, _) => s,
            };
            let mut cue_spans: Vec<ByteSpan> = vec![cue_span];
            cue_spans.extend(negation);
            cue_spans.sort_unstable();
            for h in holders {
                if emitted.insert((h.actor, m.topic, stance)) {
                    out.records.push(Record {
                        sentence: si,
                        holder: h.actor,
                        topic: m.topic,
                        stance,
                        cue_spans: cue_spans.clone(),
                        holder_span: self.span_of(h.t0, h.t1),
                        topic_span: self.span_of(m.t0, m.t1),
                        negation,
                        condition: condition.filter(|_| stance == Stance::Conditional),
                        rule: HolderRule::TableRow,
                    });
                }
            }
        }
    }

    /// Tags the sentence; `buffers` are [`Sentence::tag_buffers`], taken out by the caller
    /// for the whole document (taken out of a `Cell` and put back for each sentence, they
    /// were moved twice and an empty set dropped each time: 0.5 instructions a byte).
    fn tag(
        &self,
        tagger: &Tagger,
        si: usize,
        ctx: &Context,
        repeated: bool,
        out: &mut Tagged,
        buffers: &mut TagBuffers,
    ) {
        self.chains(tagger, &mut buffers.chains);
        buffers.plans.clear();
        buffers.governed.clear();
        buffers.emitted.0.clear();
        self.tag_chains(tagger, si, ctx, repeated, out, buffers);
    }

    /// [`Sentence::tag`] with the sentence's cue chains in `buffers`, its other buffers empty.
    fn tag_chains(
        &self,
        tagger: &Tagger,
        si: usize,
        ctx: &Context,
        repeated: bool,
        out: &mut Tagged,
        buffers: &mut TagBuffers,
    ) {
        let TagBuffers {
            chains,
            plans,
            governed,
            emitted,
        } = buffers;
        let chains: &[(usize, usize)] = chains;
        let note = |out: &mut Tagged, span: ByteSpan, reason: &str| {
            out.notes.push(Note {
                sentence: si,
                cue: span,
                reason: reason.to_string(),
            })
        };
        if repeated || self.is_question() || self.is_hypothetical() {
            let reason = if repeated {
                "the sentence repeats an earlier one (a repeated headline): recorded once"
            } else if self.is_question() {
                "the sentence is a question"
            } else {
                "the sentence opens with a hedge: hypothetical (\"Should…\") or a claim under scrutiny (\"Claim:\")"
            };
            for &(a, _) in chains {
                note(out, self.span_of(self.cues[a].t0, self.cues[a].t1), reason);
            }
            return;
        }
        // Pass 1: each chain's stance (composed, negated) and topics.
        for (ci, &(a, b)) in chains.iter().enumerate() {
            let (first, last) = (self.cues[a], self.cues[b]);
            // The chain after its first cue, composed from the last one back.
            let mut inner = Some(tagger.cue_stance[last.cue.index()]);
            for k in (a + 1..b).rev() {
                inner = Tagger::compose(tagger.cue_stance[self.cues[k].cue.index()], inner);
            }
            let first_stance = tagger.cue_stance[first.cue.index()];
            let mut stance = if a == b {
                Some(first_stance)
            } else {
                Tagger::compose(first_stance, inner)
            };
            // Two readings of one phrase (entries for the topic before and the one after)
            // start at the same token: the next cue is the first one after this chain's words.
            let next_cue = chains[ci + 1..]
                .iter()
                .map(|&(n, _)| self.cues[n].t0)
                .find(|&t| t >= last.t1);
            let passive = self.is_passive(&first);
            let (topics, gap_negation) = if passive {
                // In a passive the topic is the subject, before the verb.
                let before = (0..self.topics.len()).rev().find(|&i| {
                    self.topics[i].t1 <= first.t0
                        && self.clause[self.topics[i].t0] == self.clause[first.t0]
                });
                (
                    before
                        .into_iter()
                        .map(|i| self.topic_ref(i))
                        .collect::<Vec<_>>(),
                    None,
                )
            } else {
                self.find_topics(tagger, &last, next_cue, si, ctx)
            };
            governed.extend(topics.iter().filter_map(|r| self.topic_index(*r)));
            let negation = self.negation_before(first.t0).or(gap_negation);
            if negation.is_some() {
                // The first cue negated, composed with the rest of the chain ("has not
                // dropped its demand for" = still demands).
                let negated = tagger.cue_negated[first.cue.index()];
                stance = if a == b {
                    negated
                } else {
                    negated.and_then(|n| Tagger::compose(n, inner))
                };
            }
            plans.push(Plan {
                stance,
                negation,
                topics,
                scope: self.out_of_scope(first.t0),
                passive,
                took_next: false,
            });
        }
        // A predicate on a position ("Ukraine's rejection of NATO membership was an
        // indispensable part of any settlement") holds that position: its stance composes with
        // the stance of the chain that governs the same topic before it.
        for ci in 1..chains.len() {
            let last = self.cues[chains[ci].1];
            if tagger.cue_side[last.cue.index()] != TopicSide::Before {
                continue;
            }
            // (Not a relative clause after a comma: ", which had been the centerpiece of his
            // message" says what the position was, whatever became of it.)
            let first = self.cues[chains[ci].0];
            if matches!(self.words[first.t0], "which" | "that")
                && first.t0 > 0
                && self.tokens[first.t0 - 1].is_punct(',')
            {
                continue;
            }
            let Some(ti) = plans[ci].topics.first().and_then(|r| self.topic_index(*r)) else {
                continue;
            };
            // The inner chain is the topic's head noun or verb: at most one word between
            // ("rejection of NATO membership", "renounced any claim"), no reporting verb.
            let t0 = self.topics[ti].t0;
            let inner = (0..ci).rev().find(|&cj| {
                let (a, b) = chains[cj];
                let (first, last) = (self.cues[a], self.cues[b]);
                last.t1 <= t0
                    && (last.t1..t0).filter(|&k| self.tokens[k].is_word()).count() <= 1
                    && (first.t0..last.t1).all(|k| self.covers[k] & bits::REPORT == 0)
                    && plans[cj]
                        .topics
                        .iter()
                        .any(|r| self.topic_index(*r) == Some(ti))
            });
            if let Some(cj) = inner {
                let inner = plans[cj].stance;
                plans[ci].stance = plans[ci]
                    .stance
                    .and_then(|outer| Tagger::compose(outer, inner));
            }
        }
        // An apposition resuming the position before it, answered by another actor: "arms
        // shipments must stop as part of any settlement, a demand Kyiv and its partners
        // reject" (Kyiv backs the shipments). The answer composes with the resumed stance.
        for ci in 0..chains.len() {
            if !plans[ci].topics.is_empty() {
                continue;
            }
            let first = self.cues[chains[ci].0];
            let Some(head) = self.resumed_head(first.t0) else {
                continue;
            };
            let resumed = (0..ci).rev().find(|&cj| {
                self.cues[chains[cj].1].t1 <= head
                    && !plans[cj].topics.is_empty()
                    && plans[cj].stance != Some(Stance::Conditional)
            });
            // The resuming noun may itself be a cue ("demands"): it is no position of its own.
            let noun_cue = (0..ci).find(|&ck| self.cues[chains[ck].0].t0 == head);
            let Some(cj) = resumed else {
                // No position before it: the noun resumes the thing last named before it
                // ("… would first meet with Trump present, an arrangement Zelensky has said
                // he would accept").
                if let Some(i) = (0..self.topics.len())
                    .rev()
                    .find(|&i| self.topics[i].t1 <= head && self.topics[i].t1 + 8 >= head)
                {
                    plans[ci].topics = vec![self.topic_ref(i)];
                    if let Some(noun) = noun_cue {
                        plans[noun].scope = Some(
                            "a noun resuming the position before it (\", a demand Kyiv rejects\")",
                        );
                    }
                }
                continue;
            };
            let Some(outer) = plans[ci].stance else {
                continue;
            };
            let inner = plans[cj].stance;
            plans[ci].stance = match (outer, inner) {
                (Stance::Reject, Some(Stance::Reject)) => Some(Stance::Support),
                (outer, inner) => Tagger::compose(outer, inner),
            };
            plans[ci].topics = plans[cj].topics.clone();
            if let Some(noun) = noun_cue.filter(|&ck| ck > cj) {
                plans[noun].scope =
                    Some("a noun resuming the position before it (\", a demand Kyiv rejects\")");
            }
        }
        // A chain whose object is another chain's position takes its topics, composing the
        // stances: "welcomed Trump's readiness to contribute to guarantees", "brushed aside
        // European plans to station troops", "rejected Moscow's demand for land".
        for ci in (0..chains.len()).rev() {
            if !plans[ci].topics.is_empty() || ci + 1 >= chains.len() {
                continue;
            }
            let last = self.cues[chains[ci].1];
            let next = self.cues[chains[ci + 1].0];
            let reach = tagger.cue_reach[last.cue.index()];
            let gap = last.t1..next.t0;
            // Only a cue whose topic stands after it takes another chain as its object ("a
            // direct threat to Poland and called for sanctions": the threat is not to them).
            let object_after = tagger.cue_side[last.cue.index()] != TopicSide::Before;
            let near = object_after
                && next.t0 >= last.t1
                && self.clause[last.t0] == self.clause[next.t0]
                && gap.clone().filter(|&k| self.tokens[k].is_word()).count() <= reach.min(6)
                && !gap
                    .clone()
                    .any(|k| self.starts[k] & (bits::CONDITION | bits::REPORT) != 0);
            if near && !plans[ci + 1].topics.is_empty() {
                let inner = plans[ci + 1].stance;
                plans[ci].stance = plans[ci]
                    .stance
                    .and_then(|outer| Tagger::compose(outer, inner));
                plans[ci].topics = plans[ci + 1].topics.clone();
                plans[ci].took_next = true;
            }
        }
        // A stance verb with a "that" clause ("Putin agreed that the United States could offer
        // protection", "Moscow insists that NATO abandon…") holds the clause's position; the
        // clause's own subject holds nothing.
        for ci in 0..chains.len().saturating_sub(1) {
            let last = self.cues[chains[ci].1];
            let first = self.cues[chains[ci].0];
            // "agreed that…", "welcomed the signal that…", "dismissed suggestions that…".
            // (In an array: at most four.)
            let mut after_buf = [0usize; 4];
            let mut n_after = 0;
            for k in (last.t1..self.tokens.len())
                .filter(|&k| self.tokens[k].is_word())
                .take(4)
            {
                after_buf[n_after] = k;
                n_after += 1;
            }
            let words_after = &after_buf[..n_after];
            // ("agreed that" may be the cue itself.)
            let cue_ends_that = last.t1 > last.t0 && self.words[last.t1 - 1] == "that";
            let that_at = words_after.iter().position(|&k| self.words[k] == "that");
            let is_that = cue_ends_that
                || that_at.is_some_and(|n| {
                    // ("unacceptable and suggested that…": the clause is the other verb's;
                    // a reporting word after an article is a noun: "the signal that".)
                    words_after[..n].iter().all(|&k| {
                        let noun = k > 0 && matches!(self.words[k - 1], "the" | "a" | "an");
                        self.cue_at[k].is_none()
                            && self.actor_at[k].is_none()
                            && self.topic_at[k].is_none()
                            && (self.covers[k] & bits::REPORT == 0 || noun)
                            && self.words[k] != "and"
                    })
                });
            let reporting = (first.t0..last.t1).any(|k| self.covers[k] & bits::REPORT != 0);
            let next = self.cues[chains[ci + 1].0];
            let same_clause = self.clause[last.t0] == self.clause[next.t0];
            // "…, a demand that European leaders rejected": the clause answers the position
            // the apposition resumes; the noun holds nothing of its own.
            let resumed = self.resumed_head(next.t0).is_some();
            // "pledged that the EU would keep arming Ukraine and said she saw no case for…":
            // "and" with a reporting verb of the subject's own starts a second statement.
            // (Read last: most chains stop at an earlier test.)
            let second_statement = || {
                (last.t1..next.t0).any(|k| {
                    self.words[k] == "and"
                        && self
                            .next_word(k + 1)
                            .is_some_and(|n| self.starts[n] & bits::REPORT != 0)
                })
            };
            if is_that
                && !reporting
                && same_clause
                && !resumed
                && !plans[ci + 1].topics.is_empty()
                && !second_statement()
            {
                // Composed once: the loop before may have taken the clause's position already
                // ("demanded that Kyiv abandon its bid" is one reject, not a reject negated).
                if !plans[ci].took_next {
                    let inner = plans[ci + 1].stance;
                    plans[ci].stance = plans[ci]
                        .stance
                        .and_then(|outer| Tagger::compose(outer, inner));
                    plans[ci].topics = plans[ci + 1].topics.clone();
                }
                // "welcomed the signal (news, announcement, decision) that Washington was
                // prepared to…": the clause is told as a fact, so its subject holds its own
                // position too.
                let told_as_fact = that_at.and_then(|n| n.checked_sub(1)).is_some_and(|n| {
                    matches!(
                        self.words[words_after[n]],
                        "signal" | "news" | "announcement" | "decision" | "confirmation"
                    )
                });
                if !told_as_fact {
                    plans[ci + 1].scope = Some(
                        "inside the \"that\" clause of another stance verb, whose subject holds it",
                    );
                }
            }
        }
        // A cue that is also a reporting verb, right before "that", reports: "Trump warned
        // that sanctions would follow unless …" is a threat told, not opposition to sanctions.
        // The clause's own cues hold the position (their holder is the reporter).
        for (ci, &(a, b)) in chains.iter().enumerate() {
            let (first, last) = (self.cues[a], self.cues[b]);
            let reporting = (first.t0..last.t1)
                .all(|k| !self.tokens[k].is_word() || self.covers[k] & bits::REPORT != 0);
            let then_that = self
                .next_word(last.t1)
                .is_some_and(|k| self.words[k] == "that");
            if reporting && then_that && plans[ci].scope.is_none() {
                plans[ci].scope = Some(
                    "a reporting verb before \"that\": it tells what the clause says, the clause holds any position",
                );
            }
        }
        // "Vance stopped short of saying that Russia had dropped its demand…", "Merz did not
        // say that Berlin would send troops": a report that is withheld or denied asserts
        // nothing, so its clause holds no position.
        for (ci, &(a, _)) in chains.iter().enumerate() {
            let first = self.cues[a];
            let Some(r) = self.report_before(first.t0) else {
                continue;
            };
            if self.clause[r] != self.clause[first.t0] || plans[ci].scope.is_some() {
                continue;
            }
            // The two words before the report (in an array: at most two).
            let mut before_buf = [0usize; 2];
            let mut n_before = 0;
            for k in (0..r).rev().filter(|&k| self.tokens[k].is_word()).take(2) {
                before_buf[n_before] = k;
                n_before += 1;
            }
            let withheld = match &before_buf[..n_before] {
                [k1, k2] => {
                    matches!(
                        (self.words[*k2], self.words[*k1]),
                        ("short", "of") | ("declined", "to") | ("refused", "to")
                    ) || self.covers[*k1] & bits::NEGATION != 0
                }
                [k1] => self.covers[*k1] & bits::NEGATION != 0,
                _ => false,
            };
            if withheld {
                plans[ci].scope = Some(
                    "inside a report that is withheld or denied (\"stopped short of saying that…\", \"did not say that…\"): not a position",
                );
            }
        }
        // Pass 2: holders and records.
        for (ci, &(a, b)) in chains.iter().enumerate() {
            let (first, last) = (self.cues[a], self.cues[b]);
            let first_span = self.span_of(first.t0, first.t1);
            let plan = &plans[ci];
            if let Some(reason) = plan.scope {
                note(out, first_span, reason);
                continue;
            }
            let Some(stance) = plan.stance else {
                note(
                    out,
                    first_span,
                    "a negated or reversed reject (\"refused to rule out\", \"did not reject\"): no position",
                );
                continue;
            };
            if plan.topics.is_empty() {
                note(
                    out,
                    first_span,
                    "no topic governed by the cue within its reach in this clause",
                );
                continue;
            }
            let passive = if plan.passive {
                self.passive_agent(&first, &last)
            } else {
                None
            };
            if plan.passive && passive.is_none() {
                note(
                    out,
                    first_span,
                    "a passive with no agent (\"was offered\"): no holder",
                );
                continue;
            }
            // (Sized once: the negator, if any, and the chain's cues.)
            let mut cue_spans: Vec<ByteSpan> = Vec::with_capacity(b - a + 2);
            cue_spans.extend(plan.negation);
            for k in a..=b {
                cue_spans.push(self.span_of(self.cues[k].t0, self.cues[k].t1));
            }
            cue_spans.sort_unstable();
            let answer = self
                .in_question(first.t0)
                .then(|| self.answerer(first.t0))
                .flatten();
            // A question answered no: its content negated, as a negator would; the answer's
            // words are the record's negation.
            let no = answer.as_ref().and_then(|(_, n)| *n);
            if let Some(n) = no {
                cue_spans.push(n);
                cue_spans.sort_unstable();
            }
            let stance = match answer {
                Some((_, Some(_))) => match tagger.cue_negated[first.cue.index()] {
                    Some(s) => s,
                    None => {
                        note(
                            out,
                            first_span,
                            "a question answered no about a reject: no position",
                        );
                        continue;
                    }
                },
                _ => stance,
            };
            let answerer = answer.map(|(a, _)| a);
            let gov = Governor {
                t0: first.t0,
                t1: last.t1,
                stance,
                cue_spans,
                negation: plan.negation.or(no),
                topics: &plan.topics,
                passive,
                answerer,
                possessor_ok: true,
                topic_side: tagger.cue_side[last.cue.index()],
            };
            if let Err(reason) = self.emit(tagger, si, ctx, &gov, emitted, out) {
                note(out, first_span, reason);
            }
        }
        for (modal, ti, negation) in self.implicit_cues(governed) {
            let m = self.topics[ti];
            let span = self.span_of(modal, m.t0 + 1);
            if self.out_of_scope(modal).is_some() {
                continue;
            }
            let answer = self
                .in_question(modal)
                .then(|| self.answerer(modal))
                .flatten();
            let no = answer.as_ref().and_then(|(_, n)| *n);
            let stance = match (negation, no) {
                (None, Some(_)) => Stance::Reject,
                (Some(_), Some(_)) => continue,
                (Some(_), None) => Stance::Reject,
                (None, None) => Stance::Support,
            };
            let negation = negation.or(no);
            let mut cue_spans = vec![span];
            cue_spans.extend(negation);
            cue_spans.sort_unstable();
            let topics: Vec<TopicRef> = self
                .coordinated_topics(ti)
                .map(|k| self.topic_ref(k))
                .collect();
            let gov = Governor {
                t0: modal,
                t1: m.t0,
                stance,
                cue_spans,
                negation,
                topics: &topics,
                passive: None,
                answerer: answer.map(|(a, _)| a),
                possessor_ok: false,
                topic_side: TopicSide::After,
            };
            if let Err(reason) = self.emit(tagger, si, ctx, &gov, emitted, out) {
                note(out, span, reason);
            }
        }
        self.possessed_proposals(tagger, si, ctx, emitted, out);
        self.share_with_as_do(tagger, si, ctx, emitted, out);
    }

    /// "Vance dismissed Ukraine's NATO bid", "Kyiv welcomed Trump's peace plan": a topic phrase
    /// that ends in a noun of proposal (`proposal_noun` markers), right after a possessor, is
    /// the possessor's proposal, and the possessor backs the topic (the guidelines: the
    /// possessor of a stance noun holds it). Not in a question, a condition or a negated report,
    /// nor before a preposition that says whom or what the proposal is for ("sanctions plan
    /// against Kyiv").
    fn possessed_proposals(
        &self,
        tagger: &Tagger,
        si: usize,
        ctx: &Context,
        emitted: &mut Emitted,
        out: &mut Tagged,
    ) {
        if self.roles & bits::PROPOSAL_NOUN == 0 {
            return;
        }
        for (ti, m) in self.topics.iter().enumerate() {
            // The noun ends a phrase of two words or more ("NATO bid", not "the plan"), or
            // follows the topic ("ceasefire proposal").
            let last = (m.t0 + 1..m.t1).rev().find(|&k| self.tokens[k].is_word());
            let after = Some(m.t1).filter(|&k| k < self.tokens.len() && self.tokens[k].is_word());
            let Some(noun) = [last, after]
                .into_iter()
                .flatten()
                .find(|&k| self.starts[k] & bits::PROPOSAL_NOUN != 0)
            else {
                continue;
            };
            // ("Moscow's sanctions plan against Kyiv", "troop plans for the front", "arms
            // request to North Korea": what follows says whom or what it is for, which may not
            // be the topic's sense.)
            let directed = self.next_word(noun + 1).is_some_and(|p| {
                p == noun + 1
                    && matches!(
                        self.words[p],
                        "against" | "for" | "to" | "on" | "in" | "with" | "from" | "of"
                    )
            });
            if directed || self.out_of_scope(m.t0).is_some() {
                continue;
            }
            let Some(found) = self.possessor_before(m.t0) else {
                continue;
            };
            let pronoun_at = match found {
                Found::Pronoun { t0, .. } => Some(t0),
                _ => None,
            };
            let Some((holders, _, holder_span)) = self.resolve(tagger, found, ctx, None, 1) else {
                continue;
            };
            // "Moscow demanded that Kyiv abandon its NATO bid": a possessive pronoun is the
            // nearest actor before it that is no object; resolved to another, it is passed over.
            if let Some(p) = pronoun_at
                && let Some(a) = (0..self.actors.len())
                    .rev()
                    .filter(|&a| self.actors[a].t1 <= p)
                    .find(|&a| !self.after_preposition(self.actors[a].t0))
                && !holders.contains(&self.actors[a].actor)
            {
                continue;
            }
            let topics = [self.topic_ref(ti)];
            let gov = Governor {
                t0: noun,
                t1: noun + 1,
                stance: Stance::Support,
                cue_spans: vec![self.span_of(noun, noun + 1)],
                negation: None,
                topics: &topics,
                passive: None,
                answerer: None,
                possessor_ok: true,
                topic_side: TopicSide::Before,
            };
            self.write_records(
                &gov,
                si,
                &holders,
                holder_span,
                HolderRule::Possessor,
                emitted,
                out,
            );
        }
    }

    /// ", as do its European partners", ", as does Berlin": the actors after the comparison
    /// share the positions of the clause before it (the records of its last cue chain).
    fn share_with_as_do(
        &self,
        tagger: &Tagger,
        si: usize,
        ctx: &Context,
        emitted: &mut Emitted,
        out: &mut Tagged,
    ) {
        const AUXILIARIES: &[&str] = &[
            "do", "does", "did", "have", "has", "had", "will", "would", "is", "are", "was", "were",
        ];
        // Only a sentence with records of its own has a position to share.
        if out.records.last().is_none_or(|r| r.sentence != si) {
            return;
        }
        // The first share starts from ", as", the second from "same" or "suit", which most
        // sentences lack: one pass tells which to look for (the two passes cost about 3
        // instructions per byte of text).
        let (mut comma_as, mut same_suit) = (false, false);
        for (i, w) in self.words.iter().enumerate() {
            match *w {
                "as" => comma_as |= i > 0 && self.tokens[i - 1].is_punct(','),
                "same" | "suit" => same_suit = true,
                _ => {}
            }
        }
        for i in (1..self.tokens.len()).filter(|_| comma_as) {
            if !(self.is_word(i, "as") && self.tokens[i - 1].is_punct(',')) {
                continue;
            }
            let Some(aux) = self.next_word(i + 1) else {
                continue;
            };
            if !AUXILIARIES.contains(&self.words[aux]) {
                continue;
            }
            // The actors right after the auxiliary, past a determiner ("its", "the").
            let mut k = aux + 1;
            while k < self.tokens.len()
                && self.actor_at[k].is_none()
                && (!self.tokens[k].is_word()
                    || matches!(self.words[k], "its" | "their" | "the" | "his" | "her"))
                && k <= aux + 3
            {
                k += 1;
            }
            let Some(first) = self.actor_at.get(k).copied().flatten() else {
                continue;
            };
            if self.actors[first].t0 != k {
                continue;
            }
            let last = self.group_last(first, self.tokens.len());
            self.share(
                tagger,
                si,
                ctx,
                (first, last),
                self.tokens[i].start,
                emitted,
                out,
            );
        }
        // ", and Paris has signalled much the same", "…, and Rome followed suit": the actors
        // that open the last clause share the positions of the clause before.
        for i in (0..self.tokens.len()).filter(|_| same_suit) {
            let same = self.is_word(i, "same")
                && i > 0
                && self.is_word(i - 1, "the")
                && (i + 1 == self.tokens.len()
                    || !self.tokens[i + 1].is_word()
                    || matches!(
                        self.words[i + 1],
                        "position" | "line" | "view" | "stance" | "approach" | "thing"
                    ));
            let suit = self.is_word(i, "suit")
                && i > 0
                && matches!(self.words[i - 1], "followed" | "follow" | "follows");
            if !(same || suit) {
                continue;
            }
            // The clause opener before it: ", and" or ";", then the actors opening it.
            let Some(open) = (i.saturating_sub(8)..i)
                .rev()
                .find(|&k| self.tokens[k].is_punct(';') || self.comma_and_before(k + 1))
            else {
                continue;
            };
            // "…, and Hungary has not followed suit", "refused to do the same": no share.
            if (open..i).any(|k| {
                self.starts[k] & bits::NEGATION != 0
                    || self.cue_at[k].is_some_and(|c| {
                        tagger.cue_stance[self.cues[c].cue.index()] == Stance::Reject
                    })
            }) {
                continue;
            }
            let Some(first) = self.actor_at.get(open + 1).copied().flatten() else {
                continue;
            };
            let last = self.group_last(first, i);
            self.share(
                tagger,
                si,
                ctx,
                (first, last),
                self.tokens[open].start,
                emitted,
                out,
            );
        }
    }

    /// The last mention of the coordinated group that mention `first` opens or stands in
    /// ("Finland and Sweden" after "joined by"; "Zelensky and Tusk" after "statement with").
    fn group_end(&self, first: usize) -> usize {
        let mut end = first;
        while end + 1 < self.actors.len() && self.group_ending_at(end + 1) <= first {
            end += 1;
        }
        end
    }

    /// The last mention of the coordinated group that starts at mention `first` ("Berlin and
    /// Paris"), among the mentions that start before token `before`.
    fn group_last(&self, first: usize, before: usize) -> usize {
        let mut last = first;
        while last + 1 < self.actors.len()
            && self.actors[last + 1].t0 < before
            && self.group_ending_at(last + 1) == first
        {
            last += 1;
        }
        last
    }

    /// Gives the actors `group` (first and last mention) the records of the last cue chain
    /// before byte `before`, with the holder rule "shared".
    #[allow(clippy::too_many_arguments)]
    fn share(
        &self,
        tagger: &Tagger,
        si: usize,
        ctx: &Context,
        (first, last): (usize, usize),
        before: u32,
        emitted: &mut Emitted,
        out: &mut Tagged,
    ) {
        let Some((holders, _, holder_span)) =
            self.resolve(tagger, Found::Actors { first, last }, ctx, None, 0)
        else {
            return;
        };
        let shared: Vec<Record> = last_chain_records(out, si, before)
            .into_iter()
            .cloned()
            .collect();
        for r in shared {
            for &h in &holders {
                if emitted.insert((h, r.topic, r.stance)) {
                    out.records.push(Record {
                        holder: h,
                        holder_span,
                        rule: HolderRule::Shared,
                        ..r.clone()
                    });
                }
            }
        }
    }

    /// Finds the holders of a governor's position and writes its records.
    fn emit(
        &self,
        tagger: &Tagger,
        si: usize,
        ctx: &Context,
        gov: &Governor<'_>,
        emitted: &mut Emitted,
        out: &mut Tagged,
    ) -> Result<(), &'static str> {
        // Found when first needed: many governors find their holder without it.
        let speaker = std::cell::LazyCell::new(|| {
            self.sentence_speaker(gov.t1)
                .or_else(|| ctx.inherited.as_ref().map(|_| Found::Quoted))
        });
        let topic_first_t0 = self.topic_index(gov.topics[0]).map(|i| self.topics[i].t0);
        // Predicates ("[troops] are unacceptable") take their subject before the topic; a cue
        // whose topic stands after it has its subject before the cue, even when the topic it
        // governs was found before it (an anaphor, a relative antecedent).
        let side_before = !matches!(gov.topic_side, TopicSide::After | TopicSide::Implicit)
            && topic_first_t0.is_some_and(|t| t < gov.t0);
        // With no stance verb ("Ukraine would not be joining NATO"), a reported statement is the
        // speaker's position: "Trump wrote that Ukraine would not be joining NATO".
        // A person as the subject ("Lavrov said Putin would meet Zelensky") holds it.
        // So do the actors a crediting verb credits ("he thanked European leaders for
        // agreeing to…").
        let person_subject = || {
            matches!(self.scan_subject(gov.t0), Some(Found::Actors { first, last })
                if (first == last
                    && tagger.actor_kind[self.actors[first].actor.index()] == ActorKind::Person)
                    || self.credited(self.actors[first].t0, self.actors[last].t1, gov.t0))
        };
        let implicit_speaker = (!gov.possessor_ok)
            .then(|| self.report_before(gov.t0))
            .flatten()
            .filter(|&r| !person_subject() && !self.aside_in_actor_subject(r))
            .and_then(|r| self.speaker_of(r));
        let found = if let Some(a) = gov.answerer {
            Some((a, HolderRule::Speaker))
        } else if let Some(sp) = implicit_speaker {
            Some((sp, HolderRule::Speaker))
        } else if let Some(p) = gov.passive {
            Some((p, HolderRule::Passive))
        } else if let Some(p) = gov
            .possessor_ok
            .then(|| self.possessor_before(gov.t0))
            .flatten()
        {
            Some((p, HolderRule::Possessor))
        } else if let Some(a) = gov
            .possessor_ok
            .then(|| self.adjective_before(tagger, gov.t0))
            .flatten()
        {
            Some((a, HolderRule::Possessor))
        } else if let Some(p) = gov
            .possessor_ok
            .then(|| self.possessor_after(tagger, gov.t0, gov.t1))
            .flatten()
        {
            Some((p, HolderRule::Possessor))
        } else if gov.possessor_ok
            && !side_before
            && self.noun_use(gov.t0)
            && (!self.voiced_noun(gov.t0) || self.holder_named_after(gov.t1))
        {
            // (A predicate noun after its topic, "the plan is a non-starter", is no such noun.)
            // (A noun voiced by its subject, "Macron stressed the need for a ceasefire", is
            // the subject's: found below as a verb's is.)
            return Err("a stance noun (\"European plans to…\") with no possessor: no holder");
        } else {
            let from = match topic_first_t0 {
                Some(t) if side_before => t,
                _ => gov.t0,
            };
            // A participial adjunct (", warning that…", ", calling for…") shares the subject of
            // the sentence's first verb.
            let participle = gov.possessor_ok
                && gov.t0 > 0
                && self.tokens[gov.t0 - 1].is_punct(',')
                && self.words[gov.t0].ends_with("ing");
            // The subject before the cue, looked for once: "thanked European leaders for
            // agreeing to…" (the credited actors) first, else as the last resort below.
            let subject = self.scan_subject(from);
            // (Not when a title, a pronoun or a group word after the clause's last topic is
            // the subject: "said the meeting had gone well and that the president wanted…".)
            // ("we" is the reporter's own side: it leaves the clause to the reporter.)
            let referent_at = match subject {
                Some(Found::Pronoun {
                    pronoun: Pronoun::We,
                    ..
                }) => None,
                Some(
                    Found::Title { t0, .. }
                    | Found::Pronoun { t0, .. }
                    | Found::Several { t0, .. }
                    | Found::Institution { t0, .. }
                    | Found::Group { t0, .. },
                ) => Some(t0),
                _ => None,
            };
            // "Lavrov said that Ukraine's rejection of NATO membership was part of any
            // settlement": a reported clause whose subject is a position, with no actor but
            // possessors, is the reporter's.
            let position_speaker = || {
                let r = self
                    .report_before(gov.t0)
                    .filter(|&r| !self.aside_in_actor_subject(r))?;
                let between = r..gov.t0;
                let last_topic = between
                    .clone()
                    .rev()
                    .find(|&k| self.topic_at[k].is_some())?;
                let position_subject = referent_at.is_none_or(|t| t < last_topic)
                    && self.actors.iter().all(|m| {
                        !between.contains(&m.t0)
                            || self.possessive_s(m.t1)
                            || self.after_preposition(m.t0)
                    });
                position_subject.then(|| self.speaker_of(r)).flatten()
            };
            let credited = match subject {
                Some(f @ Found::Actors { first, last })
                    if self.credited(self.actors[first].t0, self.actors[last].t1, gov.t0) =>
                {
                    Some(f)
                }
                _ => None,
            };
            credited
                .or_else(|| participle.then(|| self.main_subject(gov.t0)).flatten())
                .map(|f| (f, HolderRule::Subject))
                .or_else(|| position_speaker().map(|f| (f, HolderRule::Speaker)))
                .or_else(|| {
                    self.mandate_speaker(gov.t0)
                        .map(|f| (f, HolderRule::Speaker))
                })
                .or_else(|| {
                    // "…insist that Ukraine must not be forced to give up land": the subject
                    // of a passive of forcing is made to act, not the holder; the one who
                    // reports the clause is, and without one nobody is.
                    match subject {
                        Some(Found::Actors { last, .. })
                            if self.forced_between(self.actors[last].t1, gov.t0) =>
                        {
                            self.report_before(gov.t0)
                                .map(|t| (Found::Report { t }, HolderRule::Speaker))
                        }
                        f => f.map(|f| (f, HolderRule::Subject)),
                    }
                })
                .or_else(|| speaker.map(|s| (s, HolderRule::Speaker)))
        };
        let Some((found, rule)) = found else {
            // "…agreed to hold an exchange, and to put the children's return first": a
            // coordinated verb shares the holders of the record before it in this sentence.
            let coordinated = (0..gov.t0)
                .rev()
                .filter(|&k| self.tokens[k].is_word())
                .take(2)
                .any(|k| self.words[k] == "and");
            // "…dropped his demand for a ceasefire, which had been the centerpiece of his
            // message": a relative clause on a position shares its holders.
            let relative = matches!(self.words[gov.t0], "which" | "that")
                && gov.t0 > 0
                && self.tokens[gov.t0 - 1].is_punct(',');
            let chain = last_chain_records(out, si, u32::MAX);
            // "The Kremlin has demanded that Ukraine renounce membership as part of any
            // settlement": a later cue of the "that" clause of the records before it, with no
            // break between, is their holders' too.
            let in_their_clause = chain.last().is_some_and(|prev| {
                let end = prev.cue_spans.iter().map(|c| c.1).max().unwrap_or(0);
                let Some(k) = (0..gov.t0).find(|&k| self.tokens[k].start >= end) else {
                    return false;
                };
                let that = self.words[k] == "that"
                    || (k > 0 && self.words[k - 1] == "that" && self.tokens[k - 1].end <= end);
                that && (k..gov.t0).all(|j| {
                    !matches!(self.tokens[j].kind, TokenKind::Punct(',' | ';' | ':' | '—'))
                        && self.starts[j] & bits::CLAUSE == 0
                })
            });
            // "Not everyone shared Trump's view that a ceasefire could wait": a clause told as
            // someone's view (belief, insistence, argument…) is theirs.
            if let Some(m) = self.that_clause_possessor(gov.t0) {
                let holders = [self.actors[m].actor];
                let span = self.span_of(self.actors[m].t0, self.actors[m].t1);
                self.write_records(gov, si, &holders, span, HolderRule::Possessor, emitted, out);
                return Ok(());
            }
            // "European leaders who flew in … described their visit as … and urged that…": a
            // coordinated verb with no record before it shares the subject of
            // the sentence's first verb, else the actor the sentence opens with.
            if coordinated && chain.is_empty() {
                let opening = || {
                    let first = self.tokens.iter().position(Token::is_word)?;
                    let a = self.actor_at[first]?;
                    let m = self.actors[a];
                    (self.subjecthood(m.t0) == Subjecthood::Subject && !self.possessive_s(m.t1))
                        .then_some(Found::Actors { first: a, last: a })
                };
                if let Some(f) = self.main_subject(gov.t0).or_else(opening)
                    && let Some((holders, rule, span)) = self.resolve(tagger, f, ctx, *speaker, 0)
                {
                    self.write_records(gov, si, &holders, span, rule, emitted, out);
                    return Ok(());
                }
            }
            if (coordinated || relative || in_their_clause)
                && let Some(prev) = chain.last()
            {
                let holders: Vec<ActorIdx> =
                    chain.iter().map(|r| r.holder).fold(Vec::new(), |mut v, h| {
                        if !v.contains(&h) {
                            v.push(h);
                        }
                        v
                    });
                let (span, rule) = (prev.holder_span, prev.rule);
                self.write_records(gov, si, &holders, span, rule, emitted, out);
                return Ok(());
            }
            return Err("no holder: no actor is the subject, possessor or speaker");
        };
        // "It is unacceptable, full stop," in a quote: an "it" that is the position itself
        // (the topic came from before this sentence) and resolves to no actor leaves the
        // record to the speaker.
        let it_is_the_topic = matches!(
            found,
            Found::Pronoun {
                pronoun: Pronoun::It,
                ..
            }
        ) && topic_first_t0.is_none();
        // "It would be unacceptable for Western troops to enter Ukraine, Lavrov said.": an
        // "it" that stands for what follows a predicate ("unacceptable", "a red line") and
        // resolves to no actor also leaves the record to the speaker.
        let it_extraposed = matches!(
            found,
            Found::Pronoun {
                pronoun: Pronoun::It,
                ..
            }
        ) && matches!(gov.topic_side, TopicSide::Either | TopicSide::Before)
            && topic_first_t0.is_some_and(|t| t >= gov.t1);
        // (`resolve` reads the speaker for a "we" and a title alone only.)
        let we = matches!(
            found,
            Found::Pronoun {
                pronoun: Pronoun::We,
                ..
            }
        );
        let title = matches!(found, Found::Title { .. });
        // An extraposed "it" ("it would be unacceptable for NATO troops to…") stands for
        // what follows, never for an actor (it had taken "Ukraine" named after it): the
        // record is the speaker's, trailing or before ("Lavrov said it would be…").
        let extraposed_speaker = || {
            (*speaker)
                .or_else(|| self.report_before(gov.t0).map(|t| Found::Report { t }))
                .and_then(|s| self.resolve(tagger, s, ctx, None, 0))
                .map(|(ids, _, span)| (ids, HolderRule::Speaker, span))
        };
        let resolved = if it_extraposed {
            extraposed_speaker()
        } else {
            self.resolve(
                tagger,
                found,
                ctx,
                if we || title { *speaker } else { None },
                0,
            )
        }
        .or_else(|| {
            // (An extraposed "it" has had its speaker looked for above.)
            it_is_the_topic
                .then(|| *speaker)
                .flatten()
                .and_then(|s| self.resolve(tagger, s, ctx, *speaker, 0))
        });
        let Some((mut holders, found_rule, mut holder_span)) = resolved else {
            return Err("no holder: a pronoun or speaker that cannot be resolved to an actor");
        };
        let mut rule = match (rule, found_rule) {
            (HolderRule::Subject, r) => r,
            (r, _) => r,
        };
        // "Kyiv was asked to accept a ceasefire", "Zelensky is not pressured to give up
        // territory": a subject asked (urged, pressed, forced …) to take a step does not take
        // it; the one who asks, after "by", does ("was urged by Trump to…").
        if let Found::Actors { last, .. } = found
            && self.roles & bits::OBJECT_VERB != 0
        {
            let (a, b) = (self.actors[last].t1, gov.t0);
            if b > a
                && b - a <= 8
                && let Some(k) = (a..b).find(|&k| {
                    self.covers[k] & bits::OBJECT_VERB != 0
                        && (self.words[k].ends_with("ed") || self.words[k] == "told")
                        && self.prev_word(k).is_some_and(|p| {
                            // A passive: a form of "be" before the participle ("has asked to
                            // join" is Kyiv's own request).
                            let be = |w: &str| {
                                matches!(w, "is" | "was" | "were" | "are" | "be" | "been" | "being")
                            };
                            be(self.words[p])
                                || (self.words[p] == "not"
                                    && self.prev_word(p).is_some_and(|q| be(self.words[q])))
                        })
                })
            {
                let agent = (k + 1..b)
                    .find(|&j| self.words[j] == "by")
                    .and_then(|j| self.actor_at.get(j + 1).copied().flatten());
                match agent {
                    Some(m) => {
                        holders = vec![self.actors[m].actor];
                        rule = HolderRule::Subject;
                        holder_span = self.span_of(self.actors[m].t0, self.actors[m].t1);
                    }
                    None => {
                        return Err(
                            "the subject is asked (urged, pressed) to take the step, not taking it",
                        );
                    }
                }
            }
        }
        // "European leaders issued a joint statement with Zelensky backing a halt…": the
        // co-signers named after "statement with" hold its positions too.
        if let Found::Actors { last, .. } = found
            && self.roles & bits::STATEMENT != 0
        {
            for k in self.actors[last].t1..gov.t0 {
                if self.starts[k] & bits::STATEMENT != 0
                    && let Some(w) = self.next_word(k + 1)
                    && self.words[w] == "with"
                    && let Some(a) = self.actor_at.get(w + 1).copied().flatten()
                {
                    for m in &self.actors[a..=self.group_end(a)] {
                        if !holders.contains(&m.actor) {
                            holders.push(m.actor);
                        }
                    }
                    break;
                }
            }
        }
        // A person reporting their own collective's position holds it, and so does one
        // reporting the position of a wider collective theirs belongs to ("Macron said
        // European countries were ready to…").
        let report = match found {
            Found::Actors { first: f, .. } => self.report_before(self.actors[f].t0),
            Found::Pronoun { t0, .. } | Found::Institution { t0, .. } => self.report_before(t0),
            Found::Report { .. }
            | Found::Title { .. }
            | Found::Group { .. }
            | Found::Several { .. }
            | Found::Quoted
            | Found::Adjective { .. } => None,
        };
        let outer_speaker = report.and_then(|r| self.speaker_of(r)).or_else(|| *speaker);
        // "Trump told European leaders that Ukraine might have to accept a land swap":
        // an obligation a speaker puts on someone else is the speaker's position.
        // (A pronoun subject too: "He said it should sign up to a full ceasefire".)
        let subject_end = match found {
            Found::Actors { last, .. } => Some(self.actors[last].t1),
            Found::Pronoun { t1, .. } if matches!(self.words[t1 - 1], "it" | "they") => Some(t1),
            _ => None,
        };
        let imposed = match subject_end {
            // (Cheap tests first: this runs for every governor with a speaker.)
            Some(end) if outer_speaker.is_some() && (end..=end + 6).contains(&gov.t0) => {
                let (a, b) = (end, gov.t0);
                // ("is going to have to": the future of "will have to".)
                let have_to = (a..b).any(|k| self.is_word(k, "have") && self.is_word(k + 1, "to"))
                    && (a..b).any(|k| {
                        matches!(self.words[k], "might" | "may" | "would" | "will")
                            || (self.words[k] == "going" && self.is_word(k + 2, "have"))
                    });
                // "Macron said Putin had to prove he wanted peace by accepting the
                // ceasefire", "says Europe has to pay": "must" in reported speech, where
                // the past tense shifts it to "had to". (Not "had to have": a guess.)
                // (A verb after "to": not "has to date", "to this day"; not "had had to",
                // a past necessity told as a fact.)
                let must_reported = (a..=b.min(self.words.len().saturating_sub(1))).any(|k| {
                    matches!(self.words[k], "has" | "had")
                        && !(k > 0 && self.is_word(k - 1, "had"))
                        && self.is_word(k + 1, "to")
                        && self.next_word(k + 2).is_some_and(|v| {
                            !matches!(
                                self.words[v],
                                "have"
                                    | "date"
                                    | "this"
                                    | "that"
                                    | "the"
                                    | "a"
                                    | "an"
                                    | "its"
                                    | "his"
                                    | "her"
                                    | "their"
                                    | "some"
                                    | "any"
                            )
                        })
                });
                // "said Europe should be ready to…", "says Putin must accept a
                // ceasefire": the speaker's prescription.
                // (Not "must have rejected": a guess at what was done, no prescription.)
                // (The cue's own first word too: "Europe should provide them", where
                // "should provide" is the cue.)
                let should = (a..=b.min(self.words.len().saturating_sub(1))).any(|k| {
                    matches!(self.words[k], "should" | "ought")
                        || (self.words[k] == "must" && !self.is_word(k + 1, "have"))
                });
                have_to || must_reported || should
            }
            _ => false,
        };
        let resolved = outer_speaker.and_then(|sp| self.resolve(tagger, sp, ctx, None, 1));
        // A prescription of a speaker who cannot be told ("He said Europe should send air
        // defence", "he" unresolved) is nobody's that can be named: no record, as for a
        // pronoun holder that cannot be resolved.
        if imposed && outer_speaker.is_some() && resolved.is_none() {
            return Err("no holder: a pronoun or speaker that cannot be resolved to an actor");
        }
        if let Some((ids, _, speaker_span)) = resolved
            && ids.len() == 1
        {
            let s = ids[0];
            let own = tagger.actor_affiliation[s.index()];
            let speaks_for = |h: &ActorIdx| {
                tagger.actor_kind[h.index()] == ActorKind::Collective
                    && tagger.actor_kind[s.index()] == ActorKind::Person
                    && (own == *h || tagger.actor_member_of[own.index()] == Some(*h))
            };
            // "Starmer said Britain and France would draw up a plan": a group of collectives
            // that holds the speaker's own country and others of its bloc (`member_of`) has no
            // id; the speaker speaks for it and the record is the speaker's alone. Members of
            // another side keep their records, positions the speaker reports ("Zelensky said
            // Ukraine and the United States agreed on a ceasefire").
            let bloc = tagger.actor_member_of[own.index()];
            let one_bloc = bloc.is_some()
                && holders
                    .iter()
                    .filter(|h| !speaks_for(h))
                    .all(|h| tagger.actor_member_of[h.index()] == bloc);
            let own_in_group = holders.len() > 1
                && holders.iter().any(speaks_for)
                && holders
                    .iter()
                    .all(|h| tagger.actor_kind[h.index()] == ActorKind::Collective);
            // (A prescription first: "Starmer said Britain and Russia should agree to a
            // ceasefire" is Starmer's alone.)
            if holders.iter().all(speaks_for) {
                holders = vec![s];
                rule = HolderRule::SpeaksFor;
                holder_span = speaker_span;
            } else if imposed && !holders.contains(&s) {
                holders = vec![s];
                rule = HolderRule::Speaker;
                holder_span = speaker_span;
            } else if own_in_group {
                if one_bloc {
                    holders = vec![s];
                } else {
                    let mut with_speaker = vec![s];
                    with_speaker.extend(holders.iter().filter(|h| !speaks_for(h)));
                    holders = with_speaker;
                }
                rule = HolderRule::SpeaksFor;
                holder_span = speaker_span;
            }
        }
        self.write_records(gov, si, &holders, holder_span, rule, emitted, out);
        Ok(())
    }

    /// Writes one record per holder and governed topic, once per (holder, topic, stance).
    #[allow(clippy::too_many_arguments)]
    fn write_records(
        &self,
        gov: &Governor<'_>,
        si: usize,
        holders: &[ActorIdx],
        holder_span: ByteSpan,
        rule: HolderRule,
        emitted: &mut Emitted,
        out: &mut Tagged,
    ) {
        let condition = self.condition_in_clause(gov.t0);
        let stance = match (condition, gov.stance) {
            (Some(_), Stance::Support) => Stance::Conditional,
            (_, s) => s,
        };
        // "wants no NATO membership and sanctions relief", "wants: a neutral Ukraine, no NATO
        // membership, and recognition of…": after a verb of wanting, a "no" right before the
        // first of topics joined by "and" negates that one only; a later one
        // without a "no" of its own is wanted (support). Not after "or" ("no ceasefire or
        // concessions" refuses both), nor after other verbs ("will tolerate no troops and
        // weapons").
        let words_before = |end: u32| {
            self.text
                .get(..end as usize)
                .unwrap_or("")
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("")
        };
        let no_first = gov.stance == Stance::Reject
            && gov.topics.len() > 1
            && self
                .starts
                .get(..=gov.t0)
                .is_some_and(|b| b.iter().any(|&b| b & bits::WANTING != 0))
            && gov.negation.is_some_and(|(a, b)| {
                self.text
                    .get(a as usize..b as usize)
                    .is_some_and(|w| w.eq_ignore_ascii_case("no"))
                    && gov.topics[0].span.0 >= b
                    && self
                        .text
                        .get(b as usize..gov.topics[0].span.0 as usize)
                        .is_some_and(|gap| gap.split_whitespace().count() <= 2)
            });
        for (j, &m) in gov.topics.iter().enumerate() {
            // (Read only for a "no" before the first topic: `no_first`.)
            let joined_by_and = no_first
                && j > 0
                && self
                    .text
                    .get(gov.topics[j - 1].span.1 as usize..m.span.0 as usize)
                    .is_some_and(|gap| {
                        let mut words = gap.split(|c: char| !c.is_alphanumeric());
                        words.clone().any(|w| w == "and") && !words.any(|w| w == "or")
                    });
            let stance = if joined_by_and
                && !matches!(
                    words_before(m.span.0).to_ascii_lowercase().as_str(),
                    "no" | "nor"
                ) {
                Stance::Support
            } else {
                stance
            };
            // A topic rejected only without something, or before something happens, is made
            // to depend on it: "guarantees without Russia are a dead end", "refused to commit
            // to a ceasefire before a settlement is agreed" (the guidelines' requirements).
            let requirement = (stance == Stance::Reject)
                .then(|| self.requirement_after(m))
                .flatten();
            // A topic rejected on a condition stated after it ("would step back from the
            // peace effort depending on whether Putin…", "declined to commit troops, saying a
            // decision could only come after a ceasefire") is rejected only under that
            // condition: conditional. A topic inside the condition stays rejected (a threat:
            // "if foreign troops appear, they will be targets"), and so does one rejected
            // "even if" something happens.
            let conditioned = stance == Stance::Reject
                && condition.is_some_and(|c| self.rejected_on_condition(m, c));
            // "rejected any deal that did not include guarantees": the deal is required to
            // hold the guarantees (conditional), and they are backed.
            let lacking = (stance == Stance::Reject && requirement.is_none())
                .then(|| self.topic_index(m))
                .flatten()
                .and_then(|i| self.lacking(i));
            // "urged that any peace deal include safeguards": a demand that a deal hold
            // something is a requirement (tests/gold/POLICIES.md, P6): the deal is conditional
            // and the element demanded is backed.
            let demanded =
                (stance == Stance::Support && requirement.is_none() && lacking.is_none())
                    .then(|| self.demanded_content(gov, m))
                    .flatten();
            let (stance, condition) = match (requirement, lacking, demanded) {
                (Some(r), _, _) => (Stance::Conditional, Some(r)),
                (None, Some((_, clause)), _) => (Stance::Conditional, Some(clause)),
                (None, None, Some((_, clause))) => (Stance::Conditional, Some(clause)),
                (None, None, None) if conditioned => (Stance::Conditional, condition),
                (None, None, None) => (stance, condition),
            };
            let s = if m.opposite { reverse(stance) } else { stance };
            // "wants a full settlement before the guns fall silent": what is wanted first
            // makes the topic after "before" wait for it (conditional).
            // Only for what is wanted ("wants", "demands", "insists on"), not what was done
            // ("accepted a ceasefire before talks in Istanbul").
            let wanting = self
                .starts
                .get(gov.t0)
                .is_some_and(|b| b & bits::WANTING != 0);
            let mut write = |topic: TopicRef, stance: Stance, condition: Option<ByteSpan>| {
                for &h in holders {
                    if emitted.insert((h, topic.topic, stance)) {
                        out.records.push(Record {
                            sentence: si,
                            holder: h,
                            topic: topic.topic,
                            stance,
                            cue_spans: gov.cue_spans.clone(),
                            holder_span,
                            topic_span: topic.span,
                            negation: gov.negation,
                            condition,
                            rule,
                        });
                    }
                }
            };
            if s == Stance::Support
                && wanting
                && let Some(later) = self.wanted_before(m)
            {
                write(later, Stance::Conditional, None);
            }
            // "will not allow any agreement that would freeze the front": a deal rejected
            // for its content is wanted only without it (conditional, as for a deal that
            // lacks something; the gold reads "reject any peace deal that would require it to
            // pull out" so); the content itself is rejected.
            // (The stance before an opposite is reversed: "ready to sign a peace deal that
            // would ease sanctions" backs the deal.)
            if let Some((deal, clause)) = (stance == Stance::Reject)
                .then(|| self.deal_of_content(m))
                .flatten()
            {
                write(deal, Stance::Conditional, Some(clause));
            }
            write(m, s, condition);
            if let Some((required, _)) = lacking {
                write(required, Stance::Support, None);
            }
            if let Some((Some(element), _)) = demanded {
                // (A demanded opposite is rejected: "wants any settlement to include the
                // lifting of sanctions", P6.)
                let s = if element.opposite {
                    Stance::Reject
                } else {
                    Stance::Support
                };
                write(element, s, None);
            }
        }
    }
}

/// The records of the last cue chain of sentence `si` whose cue words all end by byte
/// `before`: the last such record and the others written with the same cue spans.
fn last_chain_records(out: &Tagged, si: usize, before: u32) -> Vec<&Record> {
    let earlier: Vec<&Record> = out
        .records
        .iter()
        .filter(|r| r.sentence == si && r.cue_spans.iter().all(|c| c.1 <= before))
        .collect();
    let Some(last) = earlier.last() else {
        return Vec::new();
    };
    let spans = &last.cue_spans;
    earlier
        .iter()
        .copied()
        .filter(|r| r.cue_spans == *spans)
        .collect()
}

/// What governs a topic: a cue chain, or a modal before a verbal topic phrase.
struct Governor<'g> {
    /// First token of the governing words.
    t0: usize,
    /// One past their last token.
    t1: usize,
    /// Stance after composition and negation, before conditions and opposites.
    stance: Stance,
    /// The words that carried the stance.
    cue_spans: Vec<ByteSpan>,
    /// The negator that applied.
    negation: Option<ByteSpan>,
    /// Governed topics (borrowed from the chain's plan: a governor lives for one `emit`).
    topics: &'g [TopicRef],
    /// The agent of a passive.
    passive: Option<Found>,
    /// The one who answers yes to an indirect question holding the cue ("Asked whether…,
    /// Trump said he was"): the holder.
    answerer: Option<Found>,
    /// May a possessor before the cue hold the position ("Kyiv's demand for")?
    possessor_ok: bool,
    /// Where the governing cue expects its topic.
    topic_side: TopicSide,
}

/// The stance on a topic's opposite ("sanctions relief") as a stance on the topic.
fn reverse(s: Stance) -> Stance {
    match s {
        Stance::Support | Stance::Conditional => Stance::Reject,
        Stance::Reject => Stance::Support,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::pipeline::Engine;

    proptest::proptest! {
        /// The table of token starts gives the binary searches' token ranges, for spans that
        /// start on a token and spans that do not, over tokens with gaps (white space)
        /// between them, the table filled as `Sentence::read` fills it (words only, from a
        /// base) and holding stale entries elsewhere.
        #[test]
        fn token_table_gives_the_token_ranges(
            lengths in proptest::collection::vec((1u32..6, 0u32..3, proptest::prelude::any::<bool>()), 0..30),
            spans in proptest::collection::vec((0u32..120, 0u32..12), 0..30),
            stale in 0u32..40,
        ) {
            let mut tokens = Vec::new();
            let mut at = 5;
            for (len, gap, word) in lengths {
                at += gap;
                let kind = if word { TokenKind::Word } else { TokenKind::Punct(',') };
                tokens.push(Token { kind, start: at, end: at + len });
                at += len;
            }
            let base = 5;
            let mut table = vec![stale; 300];
            for (i, t) in tokens.iter().enumerate() {
                if t.is_word() {
                    table[(t.start - base) as usize] = i as u32;
                }
            }
            for (s, l) in spans {
                let e = s + l;
                proptest::prop_assert_eq!(
                    range_at(&tokens, &table, base, s, e),
                    token_range(&tokens, s, e)
                );
            }
        }
    }

    fn engine() -> &'static Engine {
        static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
        ENGINE.get_or_init(|| Engine::new(Lexicon::builtin().expect("lexicon")).expect("engine"))
    }

    #[test]
    fn a_title_is_borne_as_a_whole_office() {
        assert!(bears_title("president trump", "president"));
        assert!(bears_title("u.s. president", "president"));
        assert!(bears_title(
            "the president of the united states",
            "president"
        ));
        assert!(bears_title("british prime minister", "prime minister"));
        assert!(!bears_title("u.s. vice president", "president"));
        assert!(!bears_title("former president biden", "president"));
        assert!(!bears_title("vicepresident", "president"));
        assert!(!bears_title("presidential envoy", "president"));
        assert!(!bears_title("russian foreign minister", "prime minister"));
    }

    /// The quote scan character by character, as it was written first.
    fn quotes_by_chars(sentence: &str, in_quote: Open) -> (bool, Open) {
        let (mut open, mut any) = (in_quote, false);
        let chars: Vec<char> = sentence.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let before = if i == 0 { ' ' } else { chars[i - 1] };
            let after = chars.get(i + 1).copied().unwrap_or(' ');
            match c {
                '“' | '«' | '”' | '»' | '"' => {
                    let inside_single = matches!(open, Open::Single | Open::DoubleInSingle);
                    let opening = match c {
                        '“' | '«' => true,
                        '”' | '»' => false,
                        _ => !matches!(open, Open::Double | Open::DoubleInSingle),
                    };
                    open = match (opening, inside_single) {
                        (true, true) => Open::DoubleInSingle,
                        (true, false) => Open::Double,
                        (false, true) => Open::Single,
                        (false, false) => Open::None,
                    };
                    any = true;
                }
                '‘' if open == Open::None
                    && !before.is_ascii_alphanumeric()
                    && (after.is_ascii_alphabetic() || ('\u{C0}'..='\u{53F}').contains(&after)) =>
                {
                    (open, any) = (Open::Single, true);
                }
                '’' if open == Open::Single
                    && !before.is_ascii_whitespace()
                    && !after.is_ascii_alphanumeric() =>
                {
                    (open, any) = (Open::None, true);
                }
                _ => {}
            }
        }
        (any, open)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The byte scan of quotation marks agrees with decoding every character, on text
        /// made of the quote characters and their UTF-8 neighbours (other E2 80 xx and C2 xx
        /// characters: ‘ ’ – — … « » ¡ ©).
        #[test]
        fn quote_byte_scan_equals_char_scan(
            picks in proptest::collection::vec(0usize..16, 0..40),
            in_quote in 0u8..4,
        ) {
            const PARTS: [&str; 16] = [
                "\"", "“", "”", "«", "»", "‘", "’", "–", "—", "…", "¡", "©", "a", " ", "Kyiv", "é",
            ];
            let text: String = picks.iter().map(|&i| PARTS[i]).collect();
            let in_quote = [Open::None, Open::Double, Open::Single, Open::DoubleInSingle]
                [usize::from(in_quote)];
            let q = QuoteState::of(&text, in_quote);
            proptest::prop_assert_eq!((q.any, q.ends), quotes_by_chars(&text, in_quote));
        }
    }

    /// The (holder, topic, stance) records of `text`.
    fn records(text: &str) -> Vec<(String, String, &'static str)> {
        let e = engine();
        e.analyze(text)
            .tagged
            .records
            .iter()
            .map(|r| {
                (
                    e.lexicon.actor(r.holder).id.clone(),
                    e.lexicon.topic(r.topic).id.clone(),
                    r.stance.as_str(),
                )
            })
            .collect()
    }

    /// The byte readings of a sentence's end are the `trim_end` ones.
    /// The byte readings of a gap between two mentions are the character readings.
    #[test]
    fn a_possessive_opening_is_his_or_her_as_a_word() {
        assert_eq!(
            possessive_opening("His letter offered steps."),
            Some((Pronoun::He, 4))
        );
        assert_eq!(
            possessive_opening("her\u{a0}remarks"),
            Some((Pronoun::She, 5))
        );
        assert_eq!(possessive_opening("History repeats."), None);
        assert_eq!(possessive_opening("Herald reports"), None);
        assert_eq!(possessive_opening("His"), None);
        assert_eq!(possessive_opening("Hé"), None);
    }

    #[test]
    fn list_gaps_are_read_as_by_characters() {
        for g in [
            "",
            " ",
            ", ",
            " and ",
            "\nand\n",
            "and",
            "band",
            " and.",
            ", the ",
            " (and ",
            "\u{b}and\u{b}",
            "\u{1c}and",
            " and\u{a0}",
            "\u{a0}and ",
            " “and",
            "; ",
            ": ",
            "\t\r\n ",
            "\u{2003}",
            "x",
            " , ",
            "\"",
            "and,",
            " AND ",
        ] {
            let by_chars = (g.contains(',') || g.split_whitespace().any(|w| w == "and"))
                && !g.contains(['.', ';', ':', '(', '"', '“']);
            assert_eq!(list_gap(g), by_chars, "{g:?}");
            assert_eq!(blank(g), g.trim().is_empty(), "{g:?}");
        }
    }

    #[test]
    fn sentence_ends_are_read_as_trimmed() {
        for s in [
            "",
            ":",
            "a:",
            "a: ",
            "a:\u{a0}",
            "Kyiv.",
            "Kyiv. ",
            "Kyiv!…",
            "Kyiv …. ",
            "é.",
            "Kyiv\u{2003}.",
            "a:\n",
            "…",
            ". .",
            "Kyiv:\u{b}",
        ] {
            assert_eq!(ends_with_colon(s), s.trim_end().ends_with(':'), "{s:?}");
            assert_eq!(
                without_final_stop(s),
                s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '…')),
                "{s:?}"
            );
        }
    }

    #[test]
    fn a_sentence_too_long_to_be_one_is_not_read() {
        let short = "Moscow rejected the deployment of NATO troops.";
        assert_eq!(
            records(short),
            [("russia".into(), "troop_deployment".into(), "reject")]
        );
        let mut long = String::from(short.trim_end_matches('.'));
        while long.len() <= MAX_SENTENCE_BYTES as usize {
            long.push_str(" and the talks went on and on");
        }
        long.push('.');
        let a = engine().analyze(&long);
        assert_eq!(a.sentences.len(), 1);
        assert!(a.tagged.records.is_empty());
        assert!(
            a.tagged.notes.iter().any(|n| n.reason.contains("not read")),
            "{:?}",
            a.tagged.notes
        );
    }
}
