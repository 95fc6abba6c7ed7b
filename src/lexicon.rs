//! Lexicons: the analysts' data, parsed and validated.
//!
//! In: the CSV files of a lexicon folder (`actors.csv`, `topics.csv`, `cues.csv`,
//! `markers.csv`, `abbreviations.csv`; formats in `lexicons/README.md`), or the copies built
//! into the binary. Out: an immutable [`Lexicon`] with every pattern expanded to the literal
//! forms the matcher looks for.
//!
//! Always: every problem of every file is reported at once as `file:line: problem`
//! ([`LexiconErrors`]); a lexicon with any error is never built, so a run with a bad lexicon
//! stops before it writes anything. This module knows nothing of automata: files can be
//! checked without matching anything.
//!
//! Pattern syntax, shared by aliases, cues and markers: `[a/b]` is an optional group (nothing,
//! `a` or `b`), so `security guarantee[s]` is two forms and `guarantee [Ukraine's/Kyiv's]
//! security` three. Cues and markers whose part of speech is `verb` are inflected on their first
//! word (`rule out` gives rules out, ruled out, ruling out); `noun` adds the plural of the word
//! before any trailing preposition (`objection to` gives objections to).

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crate::text::{FastMap, FastSet, fold_pattern};

/// The names of the files of a lexicon folder, in the order they are read.
pub const LEXICON_FILES: [&str; 5] = [
    "actors.csv",
    "topics.csv",
    "cues.csv",
    "markers.csv",
    "abbreviations.csv",
];

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u16);

        impl $name {
            /// The position in its lexicon list.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// An actor: a position in [`Lexicon::actors`].
    ActorIdx
);
index_type!(
    /// A topic: a position in [`Lexicon::topics`].
    TopicIdx
);
index_type!(
    /// A stance cue: a position in [`Lexicon::cues`].
    CueIdx
);
index_type!(
    /// A context word: a position in [`Lexicon::contexts`].
    ContextIdx
);
index_type!(
    /// A grammatical marker: a position in [`Lexicon::markers`].
    MarkerIdx
);

/// A person or a collective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorKind {
    /// One human being (`trump`).
    Person,
    /// A state, alliance, institution or group (`russia`, `nato`, `europe`).
    Collective,
}

/// Which pronouns may refer to an actor, or which actors a pronoun may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    /// he, him, his
    He,
    /// she, her
    She,
    /// it, its
    It,
    /// they, them, their
    They,
    /// we, our: the speaker of the quote or the reported speech
    We,
}

/// Support, reject or conditional, per the guidelines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Backs, wants, pledges, agrees to, pushes for, proposes or welcomes the topic.
    Support,
    /// Rejects, rules out, opposes, dismisses, refuses, resists or warns against it.
    Reject,
    /// Backs it only under a stated condition.
    Conditional,
}

impl Stance {
    /// The word used in tables and lexicons.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Reject => "reject",
            Stance::Conditional => "conditional",
        }
    }

    /// Parses the word used in tables and lexicons.
    pub fn parse(s: &str) -> Option<Stance> {
        match s {
            "support" => Some(Stance::Support),
            "reject" => Some(Stance::Reject),
            "conditional" => Some(Stance::Conditional),
            _ => None,
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One literal form of a pattern, folded for matching.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// The folded text the matcher looks for (see [`crate::text::fold`]).
    pub text: String,
    /// The form as written (after expansion and inflection).
    pub written: String,
    /// Must the letters match case exactly? (Short all-capital aliases: "US", "UN".)
    pub exact_case: bool,
    /// Is this the past participle of a verb (for passives: "was rejected by")?
    pub participle: bool,
}

/// An actor of `actors.csv`.
#[derive(Clone, Debug)]
pub struct Actor {
    /// Stable id used in every table (`trump`).
    pub id: String,
    /// Human-readable name.
    pub label: String,
    /// Person or collective.
    pub kind: ActorKind,
    /// The collective a person belongs to, or the collective itself.
    pub affiliation: ActorIdx,
    /// Which pronouns may refer to this actor, if known.
    pub pronoun: Option<Pronoun>,
    /// For a collective, the person who leads it, if known: "the leaders of France, Britain
    /// and Germany" are these persons.
    pub leader: Option<ActorIdx>,
    /// For a collective, the wider collective it belongs to, if the lexicon says (`france` →
    /// `europe`): a person of the member who reports the wider one's position holds it.
    pub member_of: Option<ActorIdx>,
    /// Adjectives that name the actor before a stance noun ("European plans to…", "Russian
    /// demands for…"), lowercase: the noun is the actor's position.
    pub adjectives: Vec<String>,
    /// Every form of every alias.
    pub forms: Vec<Form>,
    /// The line of the file that defines it.
    pub line: usize,
}

/// A topic of `topics.csv`.
#[derive(Clone, Debug)]
pub struct Topic {
    /// Stable id used in every table (`ceasefire`).
    pub id: String,
    /// Human-readable name.
    pub label: String,
    /// Every form of every alias.
    pub forms: Vec<Form>,
    /// Forms that name the topic's opposite ("sanctions relief"): a stance on them is the
    /// reverse stance on the topic.
    pub opposite_forms: Vec<Form>,
    /// Forms that name the topic only once the document has named it by an alias
    /// ("membership" after "NATO membership").
    pub context_forms: Vec<Form>,
    /// The `absorbs` column: other topics whose mentions, near a mention of this one, are
    /// read as this one ("air defense" in a paragraph about the eastern flank is the flank's).
    pub absorbs: Vec<Absorption>,
    /// The `target` column: the actor the topic acts against (sanctions: `russia`). That
    /// actor, and any actor of its side, never backs the topic: such a record misread its
    /// holder and is not written.
    pub target: Option<ActorIdx>,
    /// The line of the file that defines it.
    pub line: usize,
}

/// One item of a topic's `absorbs` column: `military_aid unless ukraine`. A mention of
/// `topic` is read as the absorbing topic when its sentence, or the sentence before in its
/// paragraph, names the absorbing topic by an alias, and its sentence names none of the
/// `unless` actors (aid named beside Ukraine stays aid).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Absorption {
    /// The topic absorbed.
    pub topic: TopicIdx,
    /// Actors whose mention in the sentence keeps the topic as it is.
    pub unless: Vec<ActorIdx>,
}

/// A word of the `context` column: the topics that claim it. In a document it names the one
/// of them named last before it, and nothing when none was.
#[derive(Clone, Debug)]
pub struct ContextWord {
    /// The form, as the first topic claiming it gives it.
    pub form: Form,
    /// The topics that list it, in file order.
    pub topics: Vec<TopicIdx>,
}

/// How a cue or marker pattern is inflected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOfSpeech {
    /// The first word is a verb: all its forms are generated.
    Verb,
    /// The word before any trailing preposition is a noun: its plural is generated.
    Noun,
    /// Matched as written.
    Phrase,
}

/// Where the topic governed by a cue stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicSide {
    /// After the cue: "rejected [the deployment]", "support for [a ceasefire]".
    After,
    /// Before the cue: "[foreign troops] are unacceptable".
    Before,
    /// Either side, the nearer first: "[troops] are a red line", "a red line on [troops]".
    Either,
    /// After the cue; a cue with nothing after it in its clause ("Helsinki would
    /// contribute, provided…") takes the topic named last before it, in this sentence or the
    /// previous one.
    Implicit,
}

/// A stance cue of `cues.csv`.
#[derive(Clone, Debug)]
pub struct Cue {
    /// The pattern as written in the file.
    pub phrase: String,
    /// How the pattern is inflected.
    pub pos: PartOfSpeech,
    /// The stance the cue expresses when not negated.
    pub stance: Stance,
    /// Where its topic stands.
    pub topic_side: TopicSide,
    /// The stance when a negation stands before it (`None`: no position). By default a
    /// supporting or conditional cue negated rejects ("did not endorse") and a rejecting one
    /// gives nothing ("did not reject"); giving something up negated keeps it ("has not
    /// abandoned the goal": support).
    pub negated: Option<Stance>,
    /// How many words may stand between the cue and its topic.
    pub reach: usize,
    /// The literal forms (empty for a regex cue).
    pub forms: Vec<Form>,
    /// A regular expression run on folded text instead of literal forms.
    pub regex: Option<String>,
    /// Sentences in which the cue must be found.
    pub examples: Vec<String>,
    /// Sentences in which it must not be found.
    pub counterexamples: Vec<String>,
    /// The line of the file that defines it.
    pub line: usize,
}

/// What a grammatical marker does for the tagger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Negates a cue that follows it in its clause: "not", "never", "no longer".
    Negation,
    /// Makes a supporting position conditional: "if", "provided that", "in exchange for".
    Condition,
    /// Separates two positions in one sentence: "but", "while", "whereas".
    Clause,
    /// Introduces reported speech; its subject is the speaker: "said", "told", "insisted".
    Report,
    /// Introduces a source after it: "according to".
    AccordingTo,
    /// A personal pronoun that can be a holder.
    Pronoun(Pronoun),
    /// A possessive determiner that can own a stance noun.
    Possessive(Pronoun),
    /// An actor after it is not a subject: "with", "between", "against".
    Preposition,
    /// A human subject that is not an actor: "analysts", "officials", "critics".
    NonActor,
    /// A title between a collective and a person: "aide", "spokesperson".
    Title,
    /// A form of "be" or "have" before a participle (passives): "was", "been".
    Auxiliary,
    /// A word that opens a hypothetical sentence: "Should Kyiv obtain…".
    Hedge,
    /// A word that opens an indirect question: "asked whether", "unclear whether".
    Question,
    /// A verb whose object is not the subject of what follows: "urged Putin to…".
    ObjectVerb,
    /// A verb whose object is accused of what follows: "accused Kyiv of sabotaging…".
    Accusation,
    /// A modal or "to" before a verb: "would", "will", "to".
    Modal,
    /// Words that refer back to a topic named earlier: "it", "the idea", "the proposal".
    Anaphor,
    /// Nouns that refer back to a position taken earlier, stance and all, after a determiner
    /// or a possessor: "dismissed *the objection*", "brushed aside *Putin's warning*".
    Position,
    /// A position noun that is itself against something: "the objection", "Putin's warning".
    /// With no earlier record to refer to, it stands against the topic named before.
    Objection,
    /// A verb of wanting ("wants", "demanded", "urges"): "wants A before B" makes B wait for
    /// A; after a verb of doing ("accepted a ceasefire before talks") it does not.
    Wanting,
    /// A group noun that, after "the", stands for the persons the sentence before listed:
    /// "the leaders", "the participants".
    Group,
    /// A text several actors put their names to: "a joint statement" after a list of persons
    /// holds their position; "the same statement said…" in the next sentence too.
    Statement,
    /// Words after which a list of collectives stands for their leaders (the `leader` column
    /// of `actors.csv`): "the leaders of France, Britain and Germany".
    Leaders,
    /// Verbs of demanding ("insist", "urge"): with "that", a singular subject and a bare verb
    /// after them, the clause is what the speaker wants done.
    Demanding,
    /// Words that open an aside adding actors to the subject (", backed by Poland,").
    Joining,
    /// Plural nouns for persons after "the two", "both" ("the two leaders").
    PersonsGroup,
    /// Plural nouns for collectives after "the three" ("the three governments").
    CollectivesGroup,
    /// Verbs that credit their object with what follows "for" ("thanked Berlin for sending",
    /// "praised Paris for agreeing to"): the object holds that position.
    Crediting,
    /// A verb that opens a verbal topic phrase ("send troops", "cede territory"): after a modal
    /// the topic phrase is itself the position.
    TopicVerb,
    /// A table heading that names a column of conditions ("| Country | Pledge | Conditions |"):
    /// a cell of that column makes the row's supporting positions conditional.
    ConditionHeading,
    /// Words that say a position is not taken yet ("undecided on troops", "under review"):
    /// in a table of positions the cell states no position.
    Undecided,
    /// The people or body who act for an actor ("government", "administration", "aides",
    /// "ministers"): after a possessive pronoun, the collective of the one it refers to ("his
    /// government" after Zelensky is Ukraine).
    Institution,
    /// Verbs by which a subject voices a stance noun as their own ("stressed the need for",
    /// "spoke about the need for"): the noun's position is the subject's.
    Voicing,
    /// Bare verbs that state what a deal must hold, after a verb of demanding, "that" and the
    /// deal ("urged that any peace deal include safeguards").
    ContentVerb,
    /// Verbs (with their participle or preposition) that state what a deal must hold, after
    /// "to" ("wants any peace deal to include guarantees", "to be backed by").
    ContentInfinitive,
    /// Titles of a side's head, one to a side ("president", "prime minister"): used alone in
    /// the words of a person who reports it, the title is that person's own side's head.
    HeadTitle,
    /// Question words that open an event awaited ("until Moscow agrees to…") only before an
    /// actor, a pronoun or a topic: before a time ("until Friday") they open no question.
    Awaited,
    /// Nouns of a proposal that end a topic phrase ("NATO bid", "peace plan", "ceasefire
    /// proposal"): a possessor before the phrase ("Ukraine's NATO bid") backs the topic.
    ProposalNoun,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        use Pronoun::*;
        Some(match s {
            "negation" => Role::Negation,
            "condition" => Role::Condition,
            "clause" => Role::Clause,
            "report" => Role::Report,
            "according_to" => Role::AccordingTo,
            "pronoun_he" => Role::Pronoun(He),
            "pronoun_she" => Role::Pronoun(She),
            "pronoun_it" => Role::Pronoun(It),
            "pronoun_they" => Role::Pronoun(They),
            "pronoun_we" => Role::Pronoun(We),
            "possessive_he" => Role::Possessive(He),
            "possessive_she" => Role::Possessive(She),
            "possessive_it" => Role::Possessive(It),
            "possessive_they" => Role::Possessive(They),
            "possessive_we" => Role::Possessive(We),
            "preposition" => Role::Preposition,
            "nonactor" => Role::NonActor,
            "title" => Role::Title,
            "auxiliary" => Role::Auxiliary,
            "hedge" => Role::Hedge,
            "question" => Role::Question,
            "object_verb" => Role::ObjectVerb,
            "accusation" => Role::Accusation,
            "modal" => Role::Modal,
            "topic_verb" => Role::TopicVerb,
            "anaphor" => Role::Anaphor,
            "position" => Role::Position,
            "objection" => Role::Objection,
            "wanting" => Role::Wanting,
            "group" => Role::Group,
            "statement" => Role::Statement,
            "leaders" => Role::Leaders,
            "demanding" => Role::Demanding,
            "joining" => Role::Joining,
            "persons_group" => Role::PersonsGroup,
            "collectives_group" => Role::CollectivesGroup,
            "crediting" => Role::Crediting,
            "condition_heading" => Role::ConditionHeading,
            "undecided" => Role::Undecided,
            "institution" => Role::Institution,
            "voicing" => Role::Voicing,
            "content_verb" => Role::ContentVerb,
            "content_infinitive" => Role::ContentInfinitive,
            "head_title" => Role::HeadTitle,
            "awaited" => Role::Awaited,
            "proposal_noun" => Role::ProposalNoun,
            _ => return None,
        })
    }
}

/// A grammatical marker of `markers.csv`.
#[derive(Clone, Debug)]
pub struct Marker {
    /// The pattern as written in the file.
    pub phrase: String,
    /// What it does.
    pub role: Role,
    /// The literal forms.
    pub forms: Vec<Form>,
    /// Sentences in which it must be found.
    pub examples: Vec<String>,
    /// Sentences in which it must not be found.
    pub counterexamples: Vec<String>,
    /// The line of the file that defines it.
    pub line: usize,
}

/// When a sentence break after an abbreviation is undone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevRule {
    /// Never ends a sentence: titles ("Mr.", "Gen.").
    Title,
    /// Does not end a sentence before a number ("Jan. 5", "No. 3").
    Number,
    /// Does not end a sentence unless the next word is a usual sentence opener ("U.S.").
    Acronym,
    /// Not an abbreviation: a word that usually opens a sentence ("The", "He").
    Starter,
}

/// An entry of `abbreviations.csv`.
#[derive(Clone, Debug)]
pub struct Abbreviation {
    /// The token as it appears, with its final period ("Gen.", "U.S.").
    pub word: String,
    /// When it keeps a sentence going.
    pub rule: AbbrevRule,
}

/// One problem in a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// The file, as given (a path, or `builtin:actors.csv`).
    pub file: String,
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Every problem found in a lexicon, in file and line order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconErrors(pub Vec<LexiconError>);

impl fmt::Display for LexiconErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconErrors {}

/// The text of one lexicon file and the name to report it by.
#[derive(Clone, Debug)]
pub struct LexiconFile {
    /// Name used in messages (a path, or `builtin:…`).
    pub name: String,
    /// The file's contents.
    pub text: String,
}

/// The lexicon files built into the binary, from the repository's `lexicons/` folder.
pub const BUILTIN: [(&str, &str); 5] = [
    ("actors.csv", include_str!("../lexicons/actors.csv")),
    ("topics.csv", include_str!("../lexicons/topics.csv")),
    ("cues.csv", include_str!("../lexicons/cues.csv")),
    ("markers.csv", include_str!("../lexicons/markers.csv")),
    (
        "abbreviations.csv",
        include_str!("../lexicons/abbreviations.csv"),
    ),
];

/// A validated lexicon: everything the matcher, segmenter and tagger need.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// Actors in file order.
    pub actors: Vec<Actor>,
    /// Topics in file order.
    pub topics: Vec<Topic>,
    /// Stance cues in file order.
    pub cues: Vec<Cue>,
    /// Grammatical markers in file order.
    pub markers: Vec<Marker>,
    /// The distinct forms of the topics' `context` columns.
    pub contexts: Vec<ContextWord>,
    /// Sentence-split exceptions.
    pub abbreviations: Vec<Abbreviation>,
    /// A fingerprint of the files' contents (16 hex digits), recorded with the tables.
    pub fingerprint: String,
}

impl Lexicon {
    /// The lexicon built into the binary.
    pub fn builtin() -> Result<Lexicon, LexiconErrors> {
        let files = BUILTIN.map(|(name, text)| LexiconFile {
            name: format!("builtin:lexicons/{name}"),
            text: text.to_string(),
        });
        Lexicon::parse(&files)
    }

    /// Reads and validates the lexicon files of `dir`. A file that cannot be read is reported
    /// and the others are still checked; a file that is not UTF-8 is reported and checked as
    /// far as it can be read.
    pub fn from_dir(dir: &Path) -> Result<Lexicon, LexiconErrors> {
        let mut files = Vec::new();
        let mut errs = Errors::default();
        for name in LEXICON_FILES {
            let path = dir.join(name);
            let shown = path.display().to_string();
            let file = match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => Some(LexiconFile { name: shown, text }),
                    Err(e) => {
                        let line = line_of_byte(e.as_bytes(), e.utf8_error().valid_up_to());
                        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                        let file = LexiconFile { name: shown, text };
                        errs.add(
                            &file,
                            line,
                            "not valid UTF-8 (save the file as \"CSV UTF-8\")",
                        );
                        Some(file)
                    }
                },
                Err(e) => {
                    let file = LexiconFile {
                        name: shown,
                        text: String::new(),
                    };
                    let message = if e.kind() == std::io::ErrorKind::NotFound {
                        format!(
                            "missing file (a lexicon folder holds {})",
                            LEXICON_FILES.join(", ")
                        )
                    } else {
                        format!("cannot read the file: {e}")
                    };
                    errs.add(&file, 1, message);
                    None
                }
            };
            files.push(file);
        }
        Lexicon::parse_all(files, errs)
    }

    /// Parses and validates the five files, in the order of [`LEXICON_FILES`]. Every problem of
    /// every file is reported, in file and line order.
    pub fn parse(files: &[LexiconFile]) -> Result<Lexicon, LexiconErrors> {
        let files = (0..LEXICON_FILES.len())
            .map(|i| {
                Some(files.get(i).cloned().unwrap_or_else(|| LexiconFile {
                    name: LEXICON_FILES[i].to_string(),
                    text: String::new(),
                }))
            })
            .collect();
        Lexicon::parse_all(files, Errors::default())
    }

    /// Parses the files that could be read (`None`: reported already in `errs`).
    fn parse_all(
        files: Vec<Option<LexiconFile>>,
        mut errs: Errors,
    ) -> Result<Lexicon, LexiconErrors> {
        let absent = |i: usize| LexiconFile {
            name: LEXICON_FILES[i].to_string(),
            text: String::new(),
        };
        let file = |i: usize| files[i].clone().unwrap_or_else(|| absent(i));
        // Actors and topics on one worker, cues, markers and abbreviations on another (the
        // engine is built before any document is read, with the other cores idle). Each file's
        // problems are found by its own parsers only, so with the first worker's problems
        // before the second's, they come out as when the files were parsed one after another.
        let entities = || {
            let actors = files[0]
                .as_ref()
                .map_or_else(Vec::new, |f| parse_actors(f, &mut errs));
            let (mut topics, topic_cells) = files[1]
                .as_ref()
                .map_or_else(|| (Vec::new(), Vec::new()), |f| parse_topics(f, &mut errs));
            link_topic_cells(&file(1), &actors, &mut topics, &topic_cells, &mut errs);
            check_shared_aliases(&file(0), &actors, &file(1), &topics, &mut errs);
            let contexts = context_words(&file(1), &actors, &topics, &mut errs);
            (actors, topics, contexts, errs)
        };
        let rest = || {
            let mut errs = Errors::default();
            let cues = files[2]
                .as_ref()
                .map_or_else(Vec::new, |f| parse_cues(f, &mut errs));
            let markers = files[3]
                .as_ref()
                .map_or_else(Vec::new, |f| parse_markers(f, &mut errs));
            let abbreviations = files[4]
                .as_ref()
                .map_or_else(Vec::new, |f| parse_abbreviations(f, &mut errs));
            (cues, markers, abbreviations, errs)
        };
        let ((actors, topics, contexts, mut errs), (cues, markers, abbreviations, more)) =
            rayon::join(entities, rest);
        errs.0.extend(more.0);
        if !errs.0.is_empty() {
            // File order, then line order; problems of one line in the order found.
            let names: Vec<String> = (0..LEXICON_FILES.len()).map(|i| file(i).name).collect();
            let mut errors = errs.0;
            // (A file that could not be read is named by its path in its error but is absent
            // from `names`: its place is that of its file name.)
            errors.sort_by_key(|e| {
                let base = Path::new(&e.file).file_name().and_then(|n| n.to_str());
                (
                    names
                        .iter()
                        .position(|n| *n == e.file)
                        .or_else(|| LEXICON_FILES.iter().position(|f| Some(*f) == base))
                        .unwrap_or(names.len()),
                    e.line,
                )
            });
            return Err(LexiconErrors(errors));
        }
        let files: Vec<LexiconFile> = files.into_iter().flatten().collect();
        let fingerprint = fingerprint(&files);
        Ok(Lexicon {
            actors,
            topics,
            cues,
            markers,
            contexts,
            abbreviations,
            fingerprint,
        })
    }

    /// The actor with id `id`.
    pub fn actor_by_id(&self, id: &str) -> Option<ActorIdx> {
        self.actors
            .iter()
            .position(|a| a.id == id)
            .map(|i| ActorIdx(i as u16))
    }

    /// The topic with id `id`.
    pub fn topic_by_id(&self, id: &str) -> Option<TopicIdx> {
        self.topics
            .iter()
            .position(|t| t.id == id)
            .map(|i| TopicIdx(i as u16))
    }

    /// The actor at `idx`.
    pub fn actor(&self, idx: ActorIdx) -> &Actor {
        &self.actors[idx.index()]
    }

    /// The topic at `idx`.
    pub fn topic(&self, idx: TopicIdx) -> &Topic {
        &self.topics[idx.index()]
    }

    /// The cue at `idx`.
    pub fn cue(&self, idx: CueIdx) -> &Cue {
        &self.cues[idx.index()]
    }

    /// The marker at `idx`.
    pub fn marker(&self, idx: MarkerIdx) -> &Marker {
        &self.markers[idx.index()]
    }
}

/// FNV-1a over names and contents: stable across platforms and versions.
fn fingerprint(files: &[LexiconFile]) -> String {
    // SHA-256 of each file's canonical name and text; where the files came from does not
    // matter, only what they say.
    let mut all = Vec::new();
    for (i, f) in files.iter().enumerate() {
        all.extend_from_slice(LEXICON_FILES.get(i).copied().unwrap_or("").as_bytes());
        all.push(0);
        all.extend_from_slice(f.text.as_bytes());
        all.push(0);
    }
    crate::input::sha256_hex(&all)[..16].to_string()
}

fn line_of_byte(bytes: &[u8], pos: usize) -> usize {
    1 + bytes[..pos.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

#[derive(Default)]
struct Errors(Vec<LexiconError>);

impl Errors {
    fn add(&mut self, file: &LexiconFile, line: usize, message: impl Into<String>) {
        self.0.push(LexiconError {
            file: file.name.clone(),
            line,
            message: message.into(),
        });
    }
}

/// One data row of a lexicon CSV: its line and its fields by column name.
struct Row<'a> {
    line: usize,
    fields: FastMap<&'a str, String>,
}

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        self.fields.get(column).map(String::as_str).unwrap_or("")
    }
}

/// The data rows of a lexicon CSV, and the required columns its header lacks.
struct Table<'a> {
    rows: Vec<Row<'a>>,
    missing: Vec<&'a str>,
}

impl Table<'_> {
    /// Does the header have `column`? Checks of a missing column are skipped: it is reported
    /// once, on the header's line, not again on every row.
    fn has(&self, column: &str) -> bool {
        !self.missing.contains(&column)
    }
}

/// The problem with a value of a closed column: `unknown stance "suport" (use support, reject
/// or conditional)`.
fn unknown(column: &str, value: &str, allowed: &str) -> String {
    if value.is_empty() {
        format!("empty {column} (use {allowed})")
    } else {
        format!("unknown {column} {value:?} (use {allowed})")
    }
}

/// Reads a lexicon CSV: checks the header has `required` columns (others in `optional` are
/// allowed), skips blank rows, and returns the data rows. Rows are read even when a required
/// column is missing, so that the columns that are there are still checked.
fn read_rows<'a>(
    file: &LexiconFile,
    required: &[&'a str],
    optional: &[&'a str],
    errs: &mut Errors,
) -> Table<'a> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = rdr.records();
    let unreadable = Table {
        rows: Vec::new(),
        missing: required.to_vec(),
    };
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            let line = e.position().map_or(1, |p| p.line() as usize);
            errs.add(file, line, format!("cannot read the header: {e}"));
            return unreadable;
        }
        None => {
            errs.add(
                file,
                1,
                format!("empty file; expected a header with {}", required.join(",")),
            );
            return unreadable;
        }
    };
    let header_line = header.position().map_or(1, |p| p.line() as usize);
    let all: Vec<&str> = required.iter().chain(optional).copied().collect();
    let mut columns: Vec<Option<&'a str>> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        let known = required
            .iter()
            .chain(optional)
            .find(|c| **c == name)
            .copied();
        match known {
            None if name.is_empty() => errs.add(
                file,
                header_line,
                format!(
                    "column {} has no name in the header (columns are {})",
                    i + 1,
                    all.join(",")
                ),
            ),
            None => errs.add(
                file,
                header_line,
                format!("unknown column {name:?} (columns are {})", all.join(",")),
            ),
            Some(c) if columns.contains(&Some(c)) => {
                errs.add(
                    file,
                    header_line,
                    format!("column {c:?} appears twice in the header"),
                );
                columns.push(None);
                continue;
            }
            Some(_) => {}
        }
        columns.push(known);
    }
    let missing: Vec<&'a str> = required
        .iter()
        .copied()
        .filter(|c| !columns.contains(&Some(*c)))
        .collect();
    for col in &missing {
        errs.add(
            file,
            header_line,
            format!(
                "missing column {col:?} (the header must name {})",
                required.join(",")
            ),
        );
    }
    let mut rows = Vec::new();
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                errs.add(file, line, format!("cannot read the row: {e}"));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rec.len() > columns.len() {
            // The cells are shifted: checking them would only report the shift again.
            errs.add(
                file,
                line,
                format!(
                    "{} cells, but the header has {} columns (a cell holding a comma must be in double quotes)",
                    rec.len(),
                    columns.len()
                ),
            );
            continue;
        }
        let mut fields = FastMap::with_capacity_and_hasher(rec.len(), Default::default());
        for (i, value) in rec.iter().enumerate() {
            if let Some(Some(col)) = columns.get(i) {
                fields.insert(*col, value.trim().to_string());
            }
        }
        rows.push(Row { line, fields });
    }
    Table { rows, missing }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && id.as_bytes()[0].is_ascii_lowercase()
}

/// Is `s` its words joined by single spaces (what `split_whitespace` and `join(" ")` would
/// make of it)?
fn collapsed(s: &str) -> bool {
    // (Most forms are ASCII: their bytes are read; `char::is_whitespace` of an ASCII byte
    // is a space or one of tab, line feed, vertical tab, form feed, carriage return.)
    if s.is_ascii() {
        let b = s.as_bytes();
        return !b.windows(2).any(|w| w == b"  ")
            && !b.iter().any(|c| matches!(c, b'\t'..=b'\r'))
            && b.first() != Some(&b' ')
            && b.last() != Some(&b' ');
    }
    let mut after_space = true;
    for c in s.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || s.is_empty()
}

/// Expands the groups of a pattern: `[a/b]` is optional (nothing, `a` or `b`), `(a/b)` is one
/// of its alternatives. `guarantee[s]` → `guarantee`, `guarantees`; `(will/would) send` →
/// `will send`, `would send`. Groups do not nest. White space is collapsed, so `a [b] c`
/// without `b` is `a c`.
pub fn expand(pattern: &str) -> Result<Vec<String>, String> {
    const LIMIT: usize = 512;
    let mut out = vec![String::new()];
    let mut rest = pattern;
    while !rest.is_empty() {
        let Some(i) = rest.find(['[', ']', '(', ')']) else {
            for o in &mut out {
                o.push_str(rest);
            }
            break;
        };
        let open = rest.as_bytes()[i];
        let close_char = match open {
            b'[' => ']',
            b'(' => ')',
            other => return Err(format!("unmatched '{}' in {pattern:?}", other as char)),
        };
        for o in &mut out {
            o.push_str(&rest[..i]);
        }
        let after = &rest[i + 1..];
        let close = after
            .find(['[', ']', '(', ')'])
            .filter(|&j| after[j..].starts_with(close_char))
            .ok_or_else(|| {
                format!(
                    "'{}' without its '{close_char}' (groups cannot nest) in {pattern:?}",
                    open as char
                )
            })?;
        let group = &after[..close];
        if group.trim().is_empty() {
            return Err(format!("empty group in {pattern:?}"));
        }
        let optional = open == b'[';
        let mut next = Vec::with_capacity(out.len() * 3);
        for o in &out {
            if optional {
                next.push(o.clone());
            }
            for alt in group.split('/') {
                let mut form = String::with_capacity(o.len() + alt.len());
                form.push_str(o);
                form.push_str(alt);
                next.push(form);
            }
        }
        if next.len() > LIMIT {
            return Err(format!("{pattern:?} expands to more than {LIMIT} forms"));
        }
        out = next;
        rest = &after[close + 1..];
    }
    // White space collapsed (most forms have none to collapse: they are kept as they are),
    // then each distinct form once, in order. (The engine build expands every alias and cue:
    // a list and a string per form, and a copy of each for the set, were a tenth of it.)
    let out: Vec<String> = out
        .into_iter()
        .map(|s| {
            if collapsed(&s) {
                s
            } else {
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            }
        })
        .collect();
    let mut seen: FastSet<&str> = FastSet::with_capacity_and_hasher(out.len(), Default::default());
    let keep: Vec<bool> = out
        .iter()
        .map(|s| !s.is_empty() && seen.insert(s.as_str()))
        .collect();
    drop(seen);
    let forms: Vec<String> = out
        .into_iter()
        .zip(keep)
        .filter_map(|(s, k)| k.then_some(s))
        .collect();
    if forms.is_empty() {
        return Err(format!("{pattern:?} has no non-empty form"));
    }
    Ok(forms)
}

/// Should an alias match letter case exactly? Short all-capital aliases do ("US", "UN",
/// "EU", "U.S."), so that "us" and "un" in running text are not actors.
pub fn needs_exact_case(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 3 && letters.iter().all(|c| c.is_uppercase())
}

/// Irregular English verbs: base, third person, past, past participle, gerund.
const IRREGULAR: &[[&str; 5]] = &[
    ["be", "is", "was", "been", "being"],
    ["have", "has", "had", "had", "having"],
    ["do", "does", "did", "done", "doing"],
    ["say", "says", "said", "said", "saying"],
    ["tell", "tells", "told", "told", "telling"],
    ["give", "gives", "gave", "given", "giving"],
    ["take", "takes", "took", "taken", "taking"],
    ["make", "makes", "made", "made", "making"],
    ["stand", "stands", "stood", "stood", "standing"],
    ["seek", "seeks", "sought", "sought", "seeking"],
    ["hold", "holds", "held", "held", "holding"],
    ["keep", "keeps", "kept", "kept", "keeping"],
    ["put", "puts", "put", "put", "putting"],
    ["set", "sets", "set", "set", "setting"],
    ["let", "lets", "let", "let", "letting"],
    ["bring", "brings", "brought", "brought", "bringing"],
    ["buy", "buys", "bought", "bought", "buying"],
    ["fight", "fights", "fought", "fought", "fighting"],
    ["find", "finds", "found", "found", "finding"],
    ["get", "gets", "got", "gotten", "getting"],
    ["go", "goes", "went", "gone", "going"],
    ["lead", "leads", "led", "led", "leading"],
    ["leave", "leaves", "left", "left", "leaving"],
    ["mean", "means", "meant", "meant", "meaning"],
    ["meet", "meets", "met", "met", "meeting"],
    ["pay", "pays", "paid", "paid", "paying"],
    ["run", "runs", "ran", "run", "running"],
    ["see", "sees", "saw", "seen", "seeing"],
    ["sell", "sells", "sold", "sold", "selling"],
    ["send", "sends", "sent", "sent", "sending"],
    ["speak", "speaks", "spoke", "spoken", "speaking"],
    ["spend", "spends", "spent", "spent", "spending"],
    ["think", "thinks", "thought", "thought", "thinking"],
    ["throw", "throws", "threw", "thrown", "throwing"],
    ["win", "wins", "won", "won", "winning"],
    [
        "withdraw",
        "withdraws",
        "withdrew",
        "withdrawn",
        "withdrawing",
    ],
    ["write", "writes", "wrote", "written", "writing"],
    ["forbid", "forbids", "forbade", "forbidden", "forbidding"],
    ["uphold", "upholds", "upheld", "upheld", "upholding"],
    [
        "withhold",
        "withholds",
        "withheld",
        "withheld",
        "withholding",
    ],
    [
        "undertake",
        "undertakes",
        "undertook",
        "undertaken",
        "undertaking",
    ],
    ["strike", "strikes", "struck", "struck", "striking"],
    ["choose", "chooses", "chose", "chosen", "choosing"],
    ["hear", "hears", "heard", "heard", "hearing"],
    ["know", "knows", "knew", "known", "knowing"],
    ["come", "comes", "came", "come", "coming"],
    ["become", "becomes", "became", "become", "becoming"],
    ["draw", "draws", "drew", "drawn", "drawing"],
    ["lay", "lays", "laid", "laid", "laying"],
    ["shut", "shuts", "shut", "shut", "shutting"],
    ["cut", "cuts", "cut", "cut", "cutting"],
    ["veto", "vetoes", "vetoed", "vetoed", "vetoing"],
    ["sink", "sinks", "sank", "sunk", "sinking"],
    ["tear", "tears", "tore", "torn", "tearing"],
    ["quit", "quits", "quit", "quit", "quitting"],
    ["strive", "strives", "strove", "striven", "striving"],
    ["break", "breaks", "broke", "broken", "breaking"],
    ["freeze", "freezes", "froze", "frozen", "freezing"],
    ["shoot", "shoots", "shot", "shot", "shooting"],
    ["forgo", "forgoes", "forwent", "forgone", "forgoing"],
    ["forsake", "forsakes", "forsook", "forsaken", "forsaking"],
    ["swear", "swears", "swore", "sworn", "swearing"],
    ["shake", "shakes", "shook", "shaken", "shaking"],
    ["fall", "falls", "fell", "fallen", "falling"],
    ["feel", "feels", "felt", "felt", "feeling"],
    ["beat", "beats", "beat", "beaten", "beating"],
    ["bid", "bids", "bid", "bid", "bidding"],
    ["rise", "rises", "rose", "risen", "rising"],
    ["drive", "drives", "drove", "driven", "driving"],
    ["hit", "hits", "hit", "hit", "hitting"],
    ["split", "splits", "split", "split", "splitting"],
    ["spread", "spreads", "spread", "spread", "spreading"],
    [
        "overcome",
        "overcomes",
        "overcame",
        "overcome",
        "overcoming",
    ],
    [
        "override",
        "overrides",
        "overrode",
        "overridden",
        "overriding",
    ],
    [
        "withstand",
        "withstands",
        "withstood",
        "withstood",
        "withstanding",
    ],
    [
        "understand",
        "understands",
        "understood",
        "understood",
        "understanding",
    ],
    ["undo", "undoes", "undid", "undone", "undoing"],
    ["rebuild", "rebuilds", "rebuilt", "rebuilt", "rebuilding"],
    ["build", "builds", "built", "built", "building"],
    ["lend", "lends", "lent", "lent", "lending"],
    ["bend", "bends", "bent", "bent", "bending"],
    ["stick", "sticks", "stuck", "stuck", "sticking"],
    ["sweep", "sweeps", "swept", "swept", "sweeping"],
    ["wind", "winds", "wound", "wound", "winding"],
];

/// Verbs of more than one syllable that double their final consonant.
const DOUBLING: &[&str] = &[
    "commit", "admit", "regret", "refer", "prefer", "omit", "submit", "rebut", "control", "patrol",
    "equip", "occur", "transfer", "confer", "deter", "compel", "permit", "allot", "abhor", "embed",
    "outstrip", "upset", "incur",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Does a regular verb double its last consonant before -ed/-ing? (drop → dropped)
fn doubles(verb: &str) -> bool {
    if DOUBLING.contains(&verb) {
        return true;
    }
    let b = verb.as_bytes();
    let n = b.len();
    if n < 3 || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    let vowels = b.iter().filter(|&&c| is_vowel(c)).count();
    vowels == 1
        && !is_vowel(c1)
        && is_vowel(v)
        && !is_vowel(c2)
        && !matches!(c2, b'w' | b'x' | b'y')
}

/// The forms of an English verb: base, third person singular, past, past participle, gerund.
pub fn verb_forms(base: &str) -> [String; 5] {
    if let Some(row) = IRREGULAR.iter().find(|r| r[0] == base) {
        return row.map(String::from);
    }
    let b = base.as_bytes();
    let last = b.last().copied().unwrap_or(b' ');
    let before_last = if b.len() >= 2 { b[b.len() - 2] } else { b' ' };
    let third = if base.ends_with('s')
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('o')
    {
        format!("{base}es")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    };
    let (past, gerund) = if last == b'e' {
        let stem = &base[..base.len() - 1];
        let ger = if base.ends_with("ee") || base.ends_with("ye") || base.ends_with("oe") {
            format!("{base}ing")
        } else if let Some(root) = base.strip_suffix("ie") {
            format!("{root}ying")
        } else {
            format!("{stem}ing")
        };
        (format!("{base}d"), ger)
    } else if last == b'y' && !is_vowel(before_last) {
        (
            format!("{}ied", &base[..base.len() - 1]),
            format!("{base}ing"),
        )
    } else if doubles(base) {
        let c = last as char;
        (format!("{base}{c}ed"), format!("{base}{c}ing"))
    } else {
        (format!("{base}ed"), format!("{base}ing"))
    };
    [base.to_string(), third, past.clone(), past, gerund]
}

/// The stem a verb takes before -ed and -ing in British spelling when it doubles a final "l"
/// after a single vowel ("signal" → "signall"), if it does and American spelling does not.
fn british_doubled_l(verb: &str) -> Option<String> {
    let b = verb.as_bytes();
    let n = b.len();
    let doubled = n >= 4
        && b.iter().all(u8::is_ascii_lowercase)
        && b[n - 1] == b'l'
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
        && !doubles(verb);
    doubled.then(|| format!("{verb}l"))
}

/// The plural of an English noun (regular rules; "policy" → "policies").
pub fn noun_plural(noun: &str) -> String {
    let b = noun.as_bytes();
    let last = b.last().copied().unwrap_or(b' ');
    let before_last = if b.len() >= 2 { b[b.len() - 2] } else { b' ' };
    if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else {
        format!("{noun}s")
    }
}

const PREPOSITIONS: &[&str] = &[
    "to", "for", "of", "on", "against", "at", "in", "with", "about", "from", "over", "upon",
];

/// The inflected forms of one expanded pattern, with a participle flag.
fn inflect(form: &str, pos: PartOfSpeech) -> Vec<(String, bool)> {
    // (Not split for a phrase, which is only itself.)
    let words = || form.split(' ').collect::<Vec<&str>>();
    match pos {
        PartOfSpeech::Phrase => vec![(form.to_string(), false)],
        PartOfSpeech::Verb => {
            let words = words();
            let rest = words[1..].join(" ");
            let join = |w: &str| {
                if rest.is_empty() {
                    w.to_string()
                } else {
                    format!("{w} {rest}")
                }
            };
            let mut forms: Vec<(String, bool)> = Vec::new();
            let head = words[0];
            let mut push = |w: &str, participle: bool| {
                let f = join(w);
                if let Some(existing) = forms.iter_mut().find(|(x, _)| *x == f) {
                    existing.1 |= participle;
                } else {
                    forms.push((f, participle));
                }
            };
            if head == "be" {
                for w in [
                    "be",
                    "is",
                    "are",
                    "was",
                    "were",
                    "been",
                    "being",
                    "'s",
                    "'re",
                    "remain",
                    "remains",
                    "remained",
                    "remaining",
                ] {
                    push(w, false);
                }
                // The predicate alone, so that an adverb between does not hide it: "was
                // genuinely interested in", "remains firmly opposed to".
                let bare_preposition = PREPOSITIONS.contains(&rest.as_str());
                if !rest.is_empty() && !bare_preposition && !forms.iter().any(|(x, _)| *x == rest) {
                    forms.push((rest.clone(), false));
                }
            } else {
                let [base, third, past, participle, gerund] = verb_forms(head);
                push(&base, false);
                push(&third, false);
                push(&past, false);
                push(&participle, true);
                push(&gerund, false);
                // British spelling doubles a final "l" after one vowel: signal → signalled,
                // signalling; cancel → cancelled.
                if let Some(british) = british_doubled_l(head) {
                    push(&format!("{british}ed"), true);
                    push(&format!("{british}ing"), false);
                }
            }
            forms
        }
        PartOfSpeech::Noun => {
            let words = words();
            let mut head = words.len() - 1;
            while head > 0 && PREPOSITIONS.contains(&words[head]) {
                head -= 1;
            }
            let mut plural = words.clone();
            let p = noun_plural(words[head]);
            plural[head] = &p;
            vec![(form.to_string(), false), (plural.join(" "), false)]
        }
    }
}

/// Expands and inflects a pattern of column `column` into folded forms, reporting problems at
/// `line`.
fn forms_of(
    pattern: &str,
    pos: PartOfSpeech,
    alias: bool,
    column: &str,
    file: &LexiconFile,
    line: usize,
    errs: &mut Errors,
) -> Vec<Form> {
    let expanded = match expand(pattern) {
        Ok(e) => e,
        Err(e) => {
            errs.add(file, line, format!("{e} (column {column})"));
            return Vec::new();
        }
    };
    let mut out: Vec<Form> = Vec::new();
    let mut index = FormIndex::default();
    for e in expanded {
        // (A phrase, most forms, is its expansion itself, not copied by `inflect`.)
        let inflected = match pos {
            PartOfSpeech::Phrase => vec![(e, false)],
            _ => inflect(&e, pos),
        };
        for (f, participle) in inflected {
            let exact_case = needs_exact_case(&f);
            let text = fold_pattern(&f);
            // Aliases need a letter or digit; a marker may be punctuation (";").
            if (text.is_empty() && (alias || f.trim().is_empty()))
                || (pos == PartOfSpeech::Phrase
                    && alias
                    && !text.chars().any(crate::text::is_word_char))
            {
                errs.add(
                    file,
                    line,
                    format!("form {f:?} of {pattern:?} has no letters or digits (column {column})"),
                );
                continue;
            }
            if let Some(existing) = index.find(&mut out, &text, Some(exact_case)) {
                existing.participle |= participle;
            } else {
                index.add(&text, Some(exact_case), out.len());
                out.push(Form {
                    text,
                    written: f.clone(),
                    exact_case,
                    participle,
                });
            }
        }
    }
    out
}

/// Where a list of forms holds the first form of each text (and case rule, where that
/// counts): a search of the list for every new form was quadratic in a pattern's hundreds of
/// forms. Keyed by the text's hash; a form whose hash another text has is searched for.
#[derive(Default)]
struct FormIndex {
    first: FastMap<(u64, Option<bool>), usize>,
}

impl FormIndex {
    fn key(text: &str, exact_case: Option<bool>) -> (u64, Option<bool>) {
        use std::hash::BuildHasher;
        let hasher = std::hash::BuildHasherDefault::<crate::text::FastHasher>::default();
        (hasher.hash_one(text), exact_case)
    }

    /// The form of `forms` with this text (and case rule, unless `None`).
    fn find<'f>(
        &self,
        forms: &'f mut [Form],
        text: &str,
        exact_case: Option<bool>,
    ) -> Option<&'f mut Form> {
        let same = |x: &Form| x.text == text && exact_case.is_none_or(|e| x.exact_case == e);
        let k = *self.first.get(&Self::key(text, exact_case))?;
        if forms.get(k).is_some_and(same) {
            return forms.get_mut(k);
        }
        forms.iter_mut().find(|x| same(x))
    }

    /// Records `forms[k]`, a form of this text not in the list before.
    fn add(&mut self, text: &str, exact_case: Option<bool>, k: usize) {
        self.first.entry(Self::key(text, exact_case)).or_insert(k);
    }
}

/// The forms of a phrase cell: `|`-separated patterns sharing one part of speech.
fn phrase_forms(
    cell: &str,
    pos: PartOfSpeech,
    file: &LexiconFile,
    line: usize,
    errs: &mut Errors,
) -> Vec<Form> {
    let mut out: Vec<Form> = Vec::new();
    let mut index = FormIndex::default();
    for pattern in split_list(cell, "pattern", "phrase", file, line, errs) {
        for f in forms_of(&pattern, pos, false, "phrase", file, line, errs) {
            if let Some(existing) = index.find(&mut out, &f.text, None) {
                existing.participle |= f.participle;
            } else {
                index.add(&f.text, None, out.len());
                out.push(f);
            }
        }
    }
    out
}

/// Splits a `|`-separated cell of column `column`, reporting empty items (`what`: one item).
fn split_list(
    cell: &str,
    what: &str,
    column: &str,
    file: &LexiconFile,
    line: usize,
    errs: &mut Errors,
) -> Vec<String> {
    if cell.trim().is_empty() {
        return Vec::new();
    }
    let mut items = Vec::new();
    for item in cell.split('|') {
        let item = item.trim();
        if item.is_empty() {
            errs.add(
                file,
                line,
                format!("empty {what} in column {column} (look for '||' or a '|' at either end)"),
            );
        } else {
            items.push(item.to_string());
        }
    }
    items
}

fn check_id(
    id: &str,
    seen: &mut BTreeMap<String, usize>,
    file: &LexiconFile,
    line: usize,
    errs: &mut Errors,
) {
    if id.is_empty() {
        errs.add(file, line, "empty id");
    } else if !valid_id(id) {
        errs.add(
            file,
            line,
            format!("id {id:?} must be lowercase letters, digits and '_', starting with a letter"),
        );
    } else if let Some(first) = seen.get(id) {
        errs.add(
            file,
            line,
            format!("duplicate id {id:?} (first defined on line {first})"),
        );
    } else {
        seen.insert(id.to_string(), line);
    }
}

/// Reports a list longer than its index type can count.
/// The actors an optional column of `actors.csv` names (`leader`, `member_of`), one per
/// actor: only a collective has one, and it names another actor of the file, of kind `want`.
/// `cells` holds each actor's cell and line; a bad cell is reported and gives None.
fn link_column(
    file: &LexiconFile,
    errs: &mut Errors,
    actors: &[Actor],
    kinds: &[Option<ActorKind>],
    cells: &[(String, usize)],
    column: &str,
    want: ActorKind,
) -> Vec<Option<ActorIdx>> {
    let name = |k: ActorKind| match k {
        ActorKind::Person => "person",
        ActorKind::Collective => "collective",
    };
    // (An actor whose kind cell was bad counts as a collective here, as it always did.)
    let fits = |k: Option<ActorKind>| match want {
        ActorKind::Person => k == Some(ActorKind::Person),
        ActorKind::Collective => k != Some(ActorKind::Person),
    };
    let mut out = vec![None; cells.len()];
    for (i, (cell, line)) in cells.iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        if kinds[i] == Some(ActorKind::Person) {
            let only = match want {
                ActorKind::Person => "only a collective has one",
                ActorKind::Collective => "only a collective belongs to another",
            };
            errs.add(
                file,
                *line,
                format!(
                    "person {:?} has a {column}; {only} (leave it empty)",
                    actors[i].id
                ),
            );
            continue;
        }
        let message = match actors.iter().position(|a| &a.id == cell) {
            Some(j) if !fits(kinds[j]) => {
                let other = match want {
                    ActorKind::Person => ActorKind::Collective,
                    ActorKind::Collective => ActorKind::Person,
                };
                format!(
                    "{column} {cell:?} is a {}; it must be a {}",
                    name(other),
                    name(want)
                )
            }
            Some(j) if j == i => format!("{column} {cell:?} is the actor itself"),
            Some(j) => {
                out[i] = Some(ActorIdx(j as u16));
                continue;
            }
            None => format!("{column} {cell:?} is not an actor id of this file"),
        };
        errs.add(file, *line, message);
    }
    out
}

fn check_count(n: usize, what: &str, file: &LexiconFile, errs: &mut Errors) {
    if n > u16::MAX as usize {
        errs.add(
            file,
            1,
            format!("too many {what}: {n} (at most {})", u16::MAX),
        );
    }
}

fn parse_actors(file: &LexiconFile, errs: &mut Errors) -> Vec<Actor> {
    let table = read_rows(
        file,
        &["id", "label", "kind", "affiliation", "aliases"],
        &["pronoun", "leader", "member_of", "adjectives"],
        errs,
    );
    let mut seen = BTreeMap::new();
    let mut actors = Vec::new();
    // Per actor: its kind if known, its affiliation cell and line, its leader and member_of
    // cells.
    let mut kinds: Vec<Option<ActorKind>> = Vec::new();
    let mut affiliations = Vec::new();
    let mut leaders = Vec::new();
    let mut wider = Vec::new();
    for row in &table.rows {
        let id = row.get("id");
        if table.has("id") {
            check_id(id, &mut seen, file, row.line, errs);
        }
        let kind = match row.get("kind") {
            _ if !table.has("kind") => None,
            "person" => Some(ActorKind::Person),
            "collective" => Some(ActorKind::Collective),
            other => {
                errs.add(
                    file,
                    row.line,
                    unknown("kind", other, "person or collective"),
                );
                None
            }
        };
        let pronoun = match row.get("pronoun") {
            "" => None,
            "he" => Some(Pronoun::He),
            "she" => Some(Pronoun::She),
            "it" => Some(Pronoun::It),
            "they" => Some(Pronoun::They),
            other => {
                errs.add(
                    file,
                    row.line,
                    unknown("pronoun", other, "he, she, it, they or leave it empty"),
                );
                None
            }
        };
        let mut forms: Vec<Form> = Vec::new();
        if table.has("aliases") {
            let aliases = split_list(row.get("aliases"), "alias", "aliases", file, row.line, errs);
            if aliases.is_empty() {
                errs.add(
                    file,
                    row.line,
                    format!("actor {id:?} has no aliases (column aliases is empty)"),
                );
            }
            for a in &aliases {
                for f in forms_of(
                    a,
                    PartOfSpeech::Phrase,
                    true,
                    "aliases",
                    file,
                    row.line,
                    errs,
                ) {
                    // Two written forms that fold alike ("Article 5-style", "Article 5 style")
                    // are one alias; the same form written twice is a mistake in the file.
                    match forms.iter().find(|x| x.text == f.text) {
                        Some(x) if x.written == f.written => errs.add(
                            file,
                            row.line,
                            format!("alias {:?} is listed twice for {id:?}", f.written),
                        ),
                        Some(_) => {}
                        None => forms.push(f),
                    }
                }
            }
        }
        // Adjectives are single words, each claimed by one actor.
        let mut adjectives = Vec::new();
        for adj in split_list(
            row.get("adjectives"),
            "adjective",
            "adjectives",
            file,
            row.line,
            errs,
        ) {
            let folded = adj.to_lowercase();
            if !folded.chars().all(|c| c.is_alphabetic() || c == '-') {
                errs.add(
                    file,
                    row.line,
                    format!("adjective {adj:?} must be one word of letters (and hyphens)"),
                );
            } else if let Some(other) = actors
                .iter()
                .find(|a: &&Actor| a.adjectives.contains(&folded))
            {
                errs.add(
                    file,
                    row.line,
                    format!(
                        "adjective {adj:?} is already an adjective of {:?}",
                        other.id
                    ),
                );
            } else if !adjectives.contains(&folded) {
                adjectives.push(folded);
            }
        }
        kinds.push(kind);
        affiliations.push((row.get("affiliation").to_string(), row.line));
        leaders.push((row.get("leader").to_string(), row.line));
        wider.push((row.get("member_of").to_string(), row.line));
        actors.push(Actor {
            id: id.to_string(),
            label: row.get("label").to_string(),
            kind: kind.unwrap_or(ActorKind::Collective),
            affiliation: ActorIdx(actors.len() as u16),
            pronoun,
            leader: None,
            member_of: None,
            adjectives,
            forms,
            line: row.line,
        });
    }
    // Affiliations name ids: without the id or affiliation column there is nothing to check.
    if table.has("id") && table.has("affiliation") {
        for (i, (aff, line)) in affiliations.iter().enumerate() {
            if aff.is_empty() {
                if kinds[i] == Some(ActorKind::Person) {
                    errs.add(
                        file,
                        *line,
                        format!(
                            "person {:?} needs an affiliation (the id of a collective)",
                            actors[i].id
                        ),
                    );
                }
                continue;
            }
            match actors.iter().position(|a| &a.id == aff) {
                Some(j) if kinds[j] == Some(ActorKind::Person) => errs.add(
                    file,
                    *line,
                    format!(
                        "affiliation {aff:?} is a person; it must be a collective (line {})",
                        actors[j].line
                    ),
                ),
                Some(j) => actors[i].affiliation = ActorIdx(j as u16),
                None => errs.add(
                    file,
                    *line,
                    format!("affiliation {aff:?} is not an actor id of this file"),
                ),
            }
        }
    }
    // A leader is a person of this file, and only a collective has one.
    let leader = link_column(
        file,
        errs,
        &actors,
        &kinds,
        &leaders,
        "leader",
        ActorKind::Person,
    );
    // A collective may belong to a wider one, another collective of this file.
    let member_of = link_column(
        file,
        errs,
        &actors,
        &kinds,
        &wider,
        "member_of",
        ActorKind::Collective,
    );
    for ((actor, leader), member_of) in actors.iter_mut().zip(leader).zip(member_of) {
        actor.leader = leader;
        actor.member_of = member_of;
    }
    check_count(actors.len(), "actors", file, errs);
    actors
}

/// A topic's cells that name other ids, with its line: linked by [`link_topic_cells`] once
/// actors and topics are all known.
struct LinkCells {
    absorbs: String,
    target: String,
    line: usize,
}

/// The topics of `topics.csv`, and each one's `absorbs` and `target` cells with its line.
fn parse_topics(file: &LexiconFile, errs: &mut Errors) -> (Vec<Topic>, Vec<LinkCells>) {
    let table = read_rows(
        file,
        &["id", "label", "aliases"],
        &["opposites", "context", "absorbs", "target", "note"],
        errs,
    );
    let mut topic_cells = Vec::new();
    let mut seen = BTreeMap::new();
    let mut topics = Vec::new();
    for row in &table.rows {
        let id = row.get("id");
        if table.has("id") {
            check_id(id, &mut seen, file, row.line, errs);
        }
        let aliases = if table.has("aliases") {
            let aliases = split_list(row.get("aliases"), "alias", "aliases", file, row.line, errs);
            if aliases.is_empty() {
                errs.add(
                    file,
                    row.line,
                    format!("topic {id:?} has no aliases (column aliases is empty)"),
                );
            }
            aliases
        } else {
            Vec::new()
        };
        let mut forms: Vec<Form> = Vec::new();
        let mut opposite_forms: Vec<Form> = Vec::new();
        let opposites = split_list(
            row.get("opposites"),
            "opposite",
            "opposites",
            file,
            row.line,
            errs,
        );
        let context = split_list(
            row.get("context"),
            "context word",
            "context",
            file,
            row.line,
            errs,
        );
        let mut context_forms: Vec<Form> = Vec::new();
        for c in &context {
            for f in forms_of(
                c,
                PartOfSpeech::Phrase,
                true,
                "context",
                file,
                row.line,
                errs,
            ) {
                if context_forms.iter().any(|x| x.text == f.text) {
                    errs.add(
                        file,
                        row.line,
                        format!("context word {:?} is listed twice for {id:?}", f.written),
                    );
                } else {
                    context_forms.push(f);
                }
            }
        }
        // The texts of the forms kept so far, each with its form's written alias (a text is
        // kept once: it was a search of the forms, quadratic in a topic's thousands of forms
        // and a fifth of the time to build the engine, before any document was read).
        // (Only looked up, never walked, as the other maps of the build: their hasher
        // decides no order. SipHash, the standard one, was about a tenth of the build.)
        let mut kept: FastMap<String, String> = FastMap::default();
        for (list, is_opposite) in [(&aliases, false), (&opposites, true)] {
            let column = if is_opposite { "opposites" } else { "aliases" };
            for a in list {
                for f in forms_of(a, PartOfSpeech::Phrase, true, column, file, row.line, errs) {
                    match kept.get(&f.text) {
                        Some(written) if *written == f.written => errs.add(
                            file,
                            row.line,
                            format!("alias {:?} is listed twice for {id:?}", f.written),
                        ),
                        Some(_) => {}
                        None => {
                            kept.insert(f.text.clone(), f.written.clone());
                            if is_opposite {
                                opposite_forms.push(f);
                            } else {
                                forms.push(f);
                            }
                        }
                    }
                }
            }
        }
        topics.push(Topic {
            id: id.to_string(),
            label: row.get("label").to_string(),
            forms,
            opposite_forms,
            context_forms,
            absorbs: Vec::new(),
            target: None,
            line: row.line,
        });
        topic_cells.push(LinkCells {
            absorbs: row.get("absorbs").trim().to_string(),
            target: row.get("target").trim().to_string(),
            line: row.line,
        });
    }
    check_count(topics.len(), "topics", file, errs);
    (topics, topic_cells)
}

/// Reads each topic's `absorbs` cell: items `TOPIC` or `TOPIC unless ACTOR[/ACTOR…]`, separated
/// by `|`, naming other topics and actors of the lexicon; and its `target` cell, one actor id.
fn link_topic_cells(
    file: &LexiconFile,
    actors: &[Actor],
    topics: &mut [Topic],
    cells: &[LinkCells],
    errs: &mut Errors,
) {
    for (i, cells) in cells.iter().enumerate() {
        let (cell, line) = (&cells.absorbs, &cells.line);
        if !cells.target.is_empty() {
            match actors.iter().position(|x| x.id == cells.target) {
                Some(k) => topics[i].target = Some(ActorIdx(k as u16)),
                None => errs.add(
                    file,
                    *line,
                    format!("target {:?}: no actor has that id", cells.target),
                ),
            }
        }
        if cell.is_empty() {
            continue;
        }
        let mut out = Vec::new();
        for item in cell.split('|').map(str::trim) {
            let (id, unless) = match item.split_once(" unless ") {
                Some((id, rest)) => (id.trim(), Some(rest.trim())),
                None => (item, None),
            };
            let Some(t) = topics.iter().position(|t| t.id == id) else {
                errs.add(
                    file,
                    *line,
                    format!(
                        "absorbs {item:?}: no topic has the id {id:?} (write `TOPIC` or `TOPIC unless ACTOR/ACTOR`)"
                    ),
                );
                continue;
            };
            if t == i {
                errs.add(file, *line, format!("topic {id:?} absorbs itself"));
                continue;
            }
            let mut unless_ids = Vec::new();
            for a in unless.into_iter().flat_map(|u| u.split('/')).map(str::trim) {
                match actors.iter().position(|x| x.id == a) {
                    Some(k) => unless_ids.push(ActorIdx(k as u16)),
                    None => errs.add(
                        file,
                        *line,
                        format!("absorbs {item:?}: no actor has the id {a:?}"),
                    ),
                }
            }
            out.push(Absorption {
                topic: TopicIdx(t as u16),
                unless: unless_ids,
            });
        }
        topics[i].absorbs = out;
    }
}

fn parse_pos(s: &str, file: &LexiconFile, line: usize, errs: &mut Errors) -> PartOfSpeech {
    match s {
        "verb" => PartOfSpeech::Verb,
        "noun" => PartOfSpeech::Noun,
        "phrase" | "" => PartOfSpeech::Phrase,
        other => {
            errs.add(file, line, unknown("pos", other, "verb, noun or phrase"));
            PartOfSpeech::Phrase
        }
    }
}

/// The words of a closed column as written, with the default for an empty cell.
fn or_default<'a>(value: &'a str, default: &'a str) -> &'a str {
    if value.is_empty() { default } else { value }
}

/// The compiler's complaint about a regular expression, on one line.
fn regex_problem(e: &regex::Error) -> String {
    let text = e.to_string();
    text.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .map(String::from)
        .unwrap_or_else(|| text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Checks the regular expression of a `re:` cue the way the matcher will compile it.
fn check_regex(re: &str, file: &LexiconFile, line: usize, errs: &mut Errors) {
    if re.is_empty() {
        errs.add(
            file,
            line,
            "empty regular expression after \"re:\" in column phrase",
        );
        return;
    }
    // As `Matcher::new` compiles it.
    match regex::Regex::new(&format!("(?i){re}")) {
        Err(e) => errs.add(
            file,
            line,
            format!(
                "regular expression {re:?} in column phrase does not compile: {}",
                regex_problem(&e)
            ),
        ),
        Ok(compiled) if compiled.is_match("") => errs.add(
            file,
            line,
            format!(
                "regular expression {re:?} in column phrase matches empty text, so it would be found everywhere"
            ),
        ),
        Ok(_) => {}
    }
}

fn parse_cues(file: &LexiconFile, errs: &mut Errors) -> Vec<Cue> {
    let table = read_rows(
        file,
        &["phrase", "pos", "stance", "topic"],
        &["reach", "negated", "examples", "counterexamples", "note"],
        errs,
    );
    let mut cues = Vec::new();
    let mut seen: FastMap<(&str, &str, &str), usize> = FastMap::default();
    for row in &table.rows {
        let line = row.line;
        let phrase = row.get("phrase");
        if table.has("phrase") {
            if phrase.is_empty() {
                errs.add(
                    file,
                    line,
                    "empty phrase (a cue needs patterns or a re:… regular expression)",
                );
            } else {
                let pos = or_default(row.get("pos"), "phrase");
                let side = or_default(row.get("topic"), "after");
                match seen.get(&(phrase, pos, side)) {
                    Some(first) => errs.add(
                        file,
                        line,
                        format!(
                            "duplicate row: cue {phrase:?} with pos {pos} and topic {side} is already on line {first}"
                        ),
                    ),
                    None => {
                        seen.insert((phrase, pos, side), line);
                    }
                }
            }
        }
        let pos = if table.has("pos") {
            parse_pos(row.get("pos"), file, line, errs)
        } else {
            PartOfSpeech::Phrase
        };
        let stance = match Stance::parse(row.get("stance")) {
            Some(s) => s,
            None => {
                if table.has("stance") {
                    errs.add(
                        file,
                        line,
                        unknown(
                            "stance",
                            row.get("stance"),
                            "support, reject or conditional",
                        ),
                    );
                }
                Stance::Support
            }
        };
        let topic_side = match row.get("topic") {
            "after" | "" => TopicSide::After,
            "before" => TopicSide::Before,
            "either" => TopicSide::Either,
            "implicit" => TopicSide::Implicit,
            other => {
                if table.has("topic") {
                    errs.add(
                        file,
                        line,
                        unknown(
                            "topic",
                            other,
                            "after, before, either or implicit: where the cue's topic stands",
                        ),
                    );
                }
                TopicSide::After
            }
        };
        let negated = match row.get("negated") {
            "" => match stance {
                Stance::Support | Stance::Conditional => Some(Stance::Reject),
                Stance::Reject => None,
            },
            "none" => None,
            other => Stance::parse(other).or_else(|| {
                errs.add(
                    file,
                    line,
                    unknown(
                        "negated",
                        other,
                        "support, reject, conditional or none (empty: the default)",
                    ),
                );
                None
            }),
        };
        let reach = match row.get("reach") {
            "" => 8,
            r => r
                .parse::<usize>()
                .ok()
                .filter(|&n| n <= 40)
                .unwrap_or_else(|| {
                    errs.add(
                        file,
                        line,
                        format!("reach {r:?} must be a number of words from 0 to 40 (or empty: 8)"),
                    );
                    8
                }),
        };
        let (forms, regex) = match phrase.strip_prefix("re:") {
            Some(re) => {
                let re = re.trim();
                check_regex(re, file, line, errs);
                (Vec::new(), Some(re.to_string()))
            }
            None => (phrase_forms(phrase, pos, file, line, errs), None),
        };
        let examples = split_list(row.get("examples"), "example", "examples", file, line, errs);
        let counterexamples = split_list(
            row.get("counterexamples"),
            "counterexample",
            "counterexamples",
            file,
            line,
            errs,
        );
        cues.push(Cue {
            phrase: phrase.to_string(),
            pos,
            stance,
            topic_side,
            negated,
            reach,
            forms,
            regex,
            examples,
            counterexamples,
            line,
        });
    }
    check_count(cues.len(), "cues", file, errs);
    cues
}

/// The words of the `role` column of `markers.csv`, as [`Role::parse`] reads them.
const ROLE_NAMES: [&str; 46] = [
    "negation",
    "condition",
    "clause",
    "report",
    "according_to",
    "pronoun_he",
    "pronoun_she",
    "pronoun_it",
    "pronoun_they",
    "pronoun_we",
    "possessive_he",
    "possessive_she",
    "possessive_it",
    "possessive_they",
    "possessive_we",
    "preposition",
    "nonactor",
    "title",
    "auxiliary",
    "hedge",
    "question",
    "object_verb",
    "accusation",
    "modal",
    "topic_verb",
    "anaphor",
    "position",
    "objection",
    "wanting",
    "group",
    "statement",
    "leaders",
    "demanding",
    "joining",
    "persons_group",
    "collectives_group",
    "crediting",
    "condition_heading",
    "undecided",
    "institution",
    "voicing",
    "content_verb",
    "content_infinitive",
    "head_title",
    "awaited",
    "proposal_noun",
];

fn parse_markers(file: &LexiconFile, errs: &mut Errors) -> Vec<Marker> {
    let table = read_rows(
        file,
        &["phrase", "role", "pos"],
        &["examples", "counterexamples", "note"],
        errs,
    );
    let mut markers = Vec::new();
    let mut seen: FastMap<(&str, &str, &str), usize> = FastMap::default();
    for row in &table.rows {
        let line = row.line;
        let phrase = row.get("phrase");
        if table.has("phrase") {
            if phrase.is_empty() {
                errs.add(file, line, "empty phrase (a marker needs patterns)");
            } else {
                let role = row.get("role");
                let pos = or_default(row.get("pos"), "phrase");
                match seen.get(&(phrase, role, pos)) {
                    Some(first) => errs.add(
                        file,
                        line,
                        format!(
                            "duplicate row: marker {phrase:?} with role {role} and pos {pos} is already on line {first}"
                        ),
                    ),
                    None => {
                        seen.insert((phrase, role, pos), line);
                    }
                }
            }
        }
        let role = Role::parse(row.get("role"));
        if role.is_none() && table.has("role") {
            let allowed = format!(
                "{} or {}",
                ROLE_NAMES[..ROLE_NAMES.len() - 1].join(", "),
                ROLE_NAMES[ROLE_NAMES.len() - 1]
            );
            errs.add(file, line, unknown("role", row.get("role"), &allowed));
        }
        let pos = if table.has("pos") {
            parse_pos(row.get("pos"), file, line, errs)
        } else {
            PartOfSpeech::Phrase
        };
        let forms = phrase_forms(phrase, pos, file, line, errs);
        let examples = split_list(row.get("examples"), "example", "examples", file, line, errs);
        let counterexamples = split_list(
            row.get("counterexamples"),
            "counterexample",
            "counterexamples",
            file,
            line,
            errs,
        );
        // Without a role the row is reported and left out; the rest of it is checked above.
        if let Some(role) = role {
            markers.push(Marker {
                phrase: phrase.to_string(),
                role,
                forms,
                examples,
                counterexamples,
                line,
            });
        }
    }
    check_count(markers.len(), "markers", file, errs);
    markers
}

fn parse_abbreviations(file: &LexiconFile, errs: &mut Errors) -> Vec<Abbreviation> {
    let table = read_rows(file, &["word", "rule"], &["note"], errs);
    let mut out: Vec<Abbreviation> = Vec::new();
    let mut seen: FastMap<(&str, &str), usize> = FastMap::default();
    for row in &table.rows {
        let line = row.line;
        let word = row.get("word");
        let rule = match row.get("rule") {
            _ if !table.has("rule") => None,
            "title" => Some(AbbrevRule::Title),
            "number" => Some(AbbrevRule::Number),
            "acronym" => Some(AbbrevRule::Acronym),
            "starter" => Some(AbbrevRule::Starter),
            other => {
                errs.add(
                    file,
                    line,
                    unknown("rule", other, "title, number, acronym or starter"),
                );
                None
            }
        };
        if !table.has("word") {
            continue;
        }
        if word.is_empty() || word.contains(char::is_whitespace) {
            errs.add(
                file,
                line,
                format!("word {word:?} must be one token without spaces"),
            );
            continue;
        }
        let Some(rule) = rule else { continue };
        if rule != AbbrevRule::Starter && !word.ends_with('.') {
            errs.add(
                file,
                line,
                format!(
                    "abbreviation {word:?} must end with '.' (only rule starter takes a word without one)"
                ),
            );
        }
        let key = (word, row.get("rule"));
        if let Some(first) = seen.get(&key) {
            errs.add(
                file,
                line,
                format!(
                    "duplicate row: {word:?} with rule {} is already on line {first}",
                    key.1
                ),
            );
            continue;
        }
        seen.insert(key, line);
        out.push(Abbreviation {
            word: word.to_string(),
            rule,
        });
    }
    out
}

/// The distinct context words of all topics, each with the topics that list it. A context word
/// that is also an alias of an actor or topic is reported: the alias would always win.
fn context_words(
    file: &LexiconFile,
    actors: &[Actor],
    topics: &[Topic],
    errs: &mut Errors,
) -> Vec<ContextWord> {
    let aliases: FastMap<(&str, bool), &str> = actors
        .iter()
        .map(|a| (a.id.as_str(), &a.forms))
        .chain(topics.iter().flat_map(|t| {
            [
                (t.id.as_str(), &t.forms),
                (t.id.as_str(), &t.opposite_forms),
            ]
        }))
        .flat_map(|(id, forms)| {
            forms
                .iter()
                .map(move |f| ((f.text.as_str(), f.exact_case), id))
        })
        .collect();
    let mut out: Vec<ContextWord> = Vec::new();
    let mut at: FastMap<(String, bool), usize> = FastMap::default();
    for (i, t) in topics.iter().enumerate() {
        for f in &t.context_forms {
            if let Some(owner) = aliases.get(&(f.text.as_str(), f.exact_case)) {
                errs.add(
                    file,
                    t.line,
                    format!(
                        "context word {:?} of {:?} is also an alias of {owner:?}; the alias \
                         would always win",
                        f.written, t.id
                    ),
                );
                continue;
            }
            let topic = TopicIdx(i as u16);
            match at.get(&(f.text.clone(), f.exact_case)) {
                Some(&k) => {
                    if let Some(w) = out.get_mut(k) {
                        w.topics.push(topic);
                    }
                }
                None => {
                    at.insert((f.text.clone(), f.exact_case), out.len());
                    out.push(ContextWord {
                        form: f.clone(),
                        topics: vec![topic],
                    });
                }
            }
        }
    }
    check_count(out.len(), "context words", file, errs);
    out
}

/// Reports alias forms claimed by two different actors or topics: once per entry and other
/// entry, on the line of the later one.
fn check_shared_aliases(
    actors_file: &LexiconFile,
    actors: &[Actor],
    topics_file: &LexiconFile,
    topics: &[Topic],
    errs: &mut Errors,
) {
    struct Owner<'a> {
        file: &'a str,
        id: &'a str,
        line: usize,
        written: &'a str,
    }
    let mut owner: FastMap<(&str, bool), Owner> = FastMap::default();
    let entries = actors
        .iter()
        .map(|a| (actors_file, a.id.as_str(), a.line, vec![&a.forms]))
        .chain(topics.iter().map(|t| {
            (
                topics_file,
                t.id.as_str(),
                t.line,
                vec![&t.forms, &t.opposite_forms],
            )
        }));
    for (file, id, line, lists) in entries {
        // Conflicts of this entry, grouped by the entry they conflict with.
        let mut conflicts: Vec<(String, Vec<String>)> = Vec::new();
        for f in lists.into_iter().flatten() {
            let key = (f.text.as_str(), f.exact_case);
            match owner.get(&key) {
                Some(o) if o.id != id => {
                    let other = format!("{:?} ({}:{})", o.id, o.file, o.line);
                    let mut alias = format!("{:?}", f.written);
                    if o.written != f.written {
                        alias.push_str(&format!(" (written {:?} there)", o.written));
                    }
                    match conflicts.iter_mut().find(|(o, _)| *o == other) {
                        Some((_, list)) => list.push(alias),
                        None => conflicts.push((other, vec![alias])),
                    }
                }
                Some(_) => {}
                None => {
                    owner.insert(
                        key,
                        Owner {
                            file: file.name.as_str(),
                            id,
                            line,
                            written: f.written.as_str(),
                        },
                    );
                }
            }
        }
        for (other, aliases) in conflicts {
            let message = if aliases.len() == 1 {
                format!(
                    "alias {} of {id:?} is also an alias of {other}; an alias must name one actor or topic",
                    aliases[0]
                )
            } else {
                format!(
                    "aliases {} of {id:?} are also aliases of {other}; an alias must name one actor or topic",
                    aliases.join(", ")
                )
            };
            errs.add(file, line, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> LexiconFile {
        LexiconFile {
            name: name.to_string(),
            text: text.to_string(),
        }
    }

    fn minimal() -> Vec<LexiconFile> {
        vec![
            file(
                "actors.csv",
                "id,label,kind,affiliation,aliases\nrussia,Russia,collective,,Russia|Moscow\nputin,Putin,person,russia,Putin\n",
            ),
            file(
                "topics.csv",
                "id,label,aliases\nceasefire,Ceasefire,ceasefire[s]|truce\n",
            ),
            file(
                "cues.csv",
                "phrase,pos,stance,topic\nreject,verb,reject,after\n",
            ),
            file("markers.csv", "phrase,role,pos\nnot,negation,phrase\n"),
            file("abbreviations.csv", "word,rule\nMr.,title\n"),
        ]
    }

    proptest::proptest! {
        #[test]
        fn collapsed_is_what_splitting_and_joining_keeps(s in "[ a\t\n\u{b}\u{c}\r\u{a0}\u{2003}b]{0,12}") {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(collapsed(&s), joined == s);
        }
    }

    #[test]
    fn expands_optional_groups() {
        assert_eq!(expand("guarantee[s]").unwrap(), ["guarantee", "guarantees"]);
        assert_eq!(
            expand("guarantee [Ukraine's/its] security").unwrap(),
            [
                "guarantee security",
                "guarantee Ukraine's security",
                "guarantee its security"
            ]
        );
        assert!(expand("a [b").is_err());
        assert!(expand("a ]b").is_err());
        assert!(expand("a [] b").is_err());
        assert!(expand("[a [b]]").is_err());
        assert_eq!(
            expand("(will/would) send[s]").unwrap(),
            ["will send", "will sends", "would send", "would sends"]
        );
        assert!(expand("(a/b").is_err());
        assert!(expand("a)").is_err());
    }

    #[test]
    fn inflects_british_doubled_l() {
        let forms: Vec<String> = inflect("signal", PartOfSpeech::Verb)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        for f in ["signaled", "signalled", "signalling", "signaling"] {
            assert!(forms.iter().any(|x| x == f), "{f} missing from {forms:?}");
        }
        // Not after two vowels ("appeal"), not where American spelling doubles too
        // ("control"), not a double "l" ("pull").
        for (verb, not) in [
            ("appeal", "appealled"),
            ("pull", "pullled"),
            ("control", "controllled"),
        ] {
            let forms = inflect(verb, PartOfSpeech::Verb);
            assert!(
                !forms.iter().any(|(x, _)| x == not),
                "{not} made from {verb}"
            );
        }
    }

    #[test]
    fn inflects_verbs() {
        assert_eq!(
            verb_forms("reject"),
            ["reject", "rejects", "rejected", "rejected", "rejecting"]
        );
        assert_eq!(
            verb_forms("rule"),
            ["rule", "rules", "ruled", "ruled", "ruling"]
        );
        assert_eq!(
            verb_forms("push"),
            ["push", "pushes", "pushed", "pushed", "pushing"]
        );
        assert_eq!(
            verb_forms("drop"),
            ["drop", "drops", "dropped", "dropped", "dropping"]
        );
        assert_eq!(
            verb_forms("commit"),
            ["commit", "commits", "committed", "committed", "committing"]
        );
        assert_eq!(
            verb_forms("deny"),
            ["deny", "denies", "denied", "denied", "denying"]
        );
        assert_eq!(
            verb_forms("agree"),
            ["agree", "agrees", "agreed", "agreed", "agreeing"]
        );
        assert_eq!(
            verb_forms("back"),
            ["back", "backs", "backed", "backed", "backing"]
        );
        assert_eq!(
            verb_forms("offer"),
            ["offer", "offers", "offered", "offered", "offering"]
        );
        assert_eq!(verb_forms("say")[2], "said");
    }

    #[test]
    fn inflects_phrases_on_their_head() {
        let forms: Vec<String> = inflect("rule out", PartOfSpeech::Verb)
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(forms, ["rule out", "rules out", "ruled out", "ruling out"]);
        let nouns: Vec<String> = inflect("objection to", PartOfSpeech::Noun)
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(nouns, ["objection to", "objections to"]);
        let nouns: Vec<String> = inflect("red line", PartOfSpeech::Noun)
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(nouns, ["red line", "red lines"]);
        let be: Vec<String> = inflect("be open to", PartOfSpeech::Verb)
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert!(be.contains(&"is open to".to_string()) && be.contains(&"were open to".to_string()));
        // The predicate alone too, for "is still open to".
        assert!(be.contains(&"open to".to_string()));
    }

    #[test]
    fn short_capitals_match_case_exactly() {
        assert!(needs_exact_case("US"));
        assert!(needs_exact_case("U.S."));
        assert!(needs_exact_case("UN"));
        assert!(!needs_exact_case("NATO"));
        assert!(!needs_exact_case("Kyiv"));
    }

    #[test]
    fn parses_a_minimal_lexicon() {
        let lex = Lexicon::parse(&minimal()).unwrap();
        assert_eq!(lex.actors.len(), 2);
        let putin = lex.actor_by_id("putin").unwrap();
        assert_eq!(lex.actor(lex.actor(putin).affiliation).id, "russia");
        let forms: Vec<&str> = lex.topics[0]
            .forms
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(forms, ["ceasefire", "ceasefires", "truce"]);
        assert_eq!(lex.fingerprint.len(), 16);
    }

    /// The messages of a lexicon that must fail, one a line.
    fn errors_of(files: &[LexiconFile]) -> Vec<String> {
        match Lexicon::parse(files) {
            Ok(_) => panic!("the lexicon parsed"),
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn reports_every_error_with_file_and_line() {
        let mut files = minimal();
        files[0] = file(
            "actors.csv",
            "id,label,kind,affiliation,aliases\nrussia,Russia,collective,,Russia||Moscow\nrussia,Dup,collective,,Kremlin\n,Empty,person,russia,Nobody\nputin,Putin,person,nowhere,Putin|Moscow\n",
        );
        files[2] = file(
            "cues.csv",
            "phrase,pos,stance,topic\nreject,verb,maybe,after\nre:(unclosed,phrase,reject,after\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "actors.csv:2: empty alias in column aliases (look for '||' or a '|' at either end)",
                "actors.csv:3: duplicate id \"russia\" (first defined on line 2)",
                "actors.csv:4: empty id",
                "actors.csv:5: affiliation \"nowhere\" is not an actor id of this file",
                "actors.csv:5: alias \"Moscow\" of \"putin\" is also an alias of \"russia\" (actors.csv:2); an alias must name one actor or topic",
                "cues.csv:2: unknown stance \"maybe\" (use support, reject or conditional)",
                "cues.csv:3: regular expression \"(unclosed\" in column phrase does not compile: unclosed group",
            ]
        );
    }

    #[test]
    fn a_leader_is_a_person_of_the_file_and_only_a_collective_has_one() {
        let mut files = minimal();
        files[0] = file(
            "actors.csv",
            "id,label,kind,affiliation,aliases,leader\nrussia,Russia,collective,,Russia,putin\nukraine,Ukraine,collective,,Kyiv,russia\nputin,Putin,person,russia,Putin,putin\npoland,Poland,collective,,Warsaw,tusk\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "actors.csv:3: leader \"russia\" is a collective; it must be a person",
                "actors.csv:4: person \"putin\" has a leader; only a collective has one (leave it empty)",
                "actors.csv:5: leader \"tusk\" is not an actor id of this file",
            ]
        );
        files[0] = file(
            "actors.csv",
            "id,label,kind,affiliation,aliases,leader\nrussia,Russia,collective,,Russia,putin\nputin,Putin,person,russia,Putin,\n",
        );
        let lex = Lexicon::parse(&files).expect("parses");
        let (russia, putin) = (lex.actor_by_id("russia"), lex.actor_by_id("putin"));
        assert_eq!(russia.and_then(|r| lex.actor(r).leader), putin);
        assert_eq!(putin.and_then(|p| lex.actor(p).leader), None);
    }

    #[test]
    fn a_collective_is_member_of_another_collective_of_the_file() {
        let mut files = minimal();
        files[0] = file(
            "actors.csv",
            "id,label,kind,affiliation,aliases,member_of\neurope,Europe,collective,,European leaders,\nfrance,France,collective,,Paris,europe\nmacron,Macron,person,france,Macron,europe\npoland,Poland,collective,,Warsaw,macron\nitaly,Italy,collective,,Rome,italy\nspain,Spain,collective,,Madrid,iberia\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "actors.csv:4: person \"macron\" has a member_of; only a collective belongs to another (leave it empty)",
                "actors.csv:5: member_of \"macron\" is a person; it must be a collective",
                "actors.csv:6: member_of \"italy\" is the actor itself",
                "actors.csv:7: member_of \"iberia\" is not an actor id of this file",
            ]
        );
        files[0] = file(
            "actors.csv",
            "id,label,kind,affiliation,aliases,member_of\neurope,Europe,collective,,European leaders,\nfrance,France,collective,,Paris,europe\n",
        );
        let lex = Lexicon::parse(&files).expect("parses");
        let (europe, france) = (lex.actor_by_id("europe"), lex.actor_by_id("france"));
        assert_eq!(france.and_then(|f| lex.actor(f).member_of), europe);
        assert_eq!(europe.and_then(|e| lex.actor(e).member_of), None);
    }

    #[test]
    fn an_adjective_is_one_word_of_one_actor() {
        let mut files = minimal();
        files[0] = file(
            "actors.csv",
            "id,label,kind,affiliation,aliases,adjectives\nrussia,Russia,collective,,Russia,Russian\nukraine,Ukraine,collective,,Kyiv,Ukrainian|russian\nputin,Putin,person,russia,Putin,Pro Russian\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "actors.csv:3: adjective \"russian\" is already an adjective of \"russia\"",
                "actors.csv:4: adjective \"Pro Russian\" must be one word of letters (and hyphens)",
            ]
        );
        files[0] = file(
            "actors.csv",
            "id,label,kind,affiliation,aliases,adjectives\nrussia,Russia,collective,,Russia,Russian\n",
        );
        let lex = Lexicon::parse(&files).expect("parses");
        let russia = lex
            .actor_by_id("russia")
            .map(|r| lex.actor(r).adjectives.clone());
        assert_eq!(russia, Some(vec!["russian".to_string()]));
    }

    #[test]
    fn a_missing_column_is_reported_once_and_the_other_columns_are_still_checked() {
        let mut files = minimal();
        // No label column; one row has an empty alias, the next a duplicate id.
        files[1] = file(
            "topics.csv",
            "id,aliases\nceasefire,truce||ceasefire\nceasefire,armistice\n",
        );
        // The other files are still checked.
        files[4] = file("abbreviations.csv", "word,rule\nMr.,titel\n");
        assert_eq!(
            errors_of(&files),
            [
                "topics.csv:1: missing column \"label\" (the header must name id,label,aliases)",
                "topics.csv:2: empty alias in column aliases (look for '||' or a '|' at either end)",
                "topics.csv:3: duplicate id \"ceasefire\" (first defined on line 2)",
                "abbreviations.csv:2: unknown rule \"titel\" (use title, number, acronym or starter)",
            ]
        );
        // A missing column is not reported again on every row.
        files[1] = file("topics.csv", "id,label\nceasefire,Ceasefire\ntruce,Truce\n");
        files[4] = minimal().remove(4);
        assert_eq!(
            errors_of(&files),
            ["topics.csv:1: missing column \"aliases\" (the header must name id,label,aliases)"]
        );
    }

    #[test]
    fn header_problems_are_on_its_line() {
        let mut files = minimal();
        files[3] = file(
            "markers.csv",
            "phrase,rol,pos,pos\nnot,negation,phrase,verb\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "markers.csv:1: unknown column \"rol\" (columns are phrase,role,pos,examples,counterexamples,note)",
                "markers.csv:1: column \"pos\" appears twice in the header",
                "markers.csv:1: missing column \"role\" (the header must name phrase,role,pos)",
            ]
        );
    }

    #[test]
    fn the_target_column_names_an_actor() {
        let mut files = minimal();
        files[1] = file(
            "topics.csv",
            "id,label,aliases,target\nceasefire,C,ceasefire,\nsanctions,S,sanctions,nobody\n",
        );
        assert_eq!(
            errors_of(&files),
            ["topics.csv:3: target \"nobody\": no actor has that id"]
        );
    }

    #[test]
    fn the_absorbs_column_names_other_topics_and_actors() {
        let mut files = minimal();
        files[1] = file(
            "topics.csv",
            "id,label,aliases,absorbs\nceasefire,C,ceasefire\ntruce_zone,T,buffer zone,ceasefire unless putin/russia\nfront,F,front line,front|talks|ceasefire unless nobody\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "topics.csv:4: topic \"front\" absorbs itself",
                "topics.csv:4: absorbs \"talks\": no topic has the id \"talks\" (write `TOPIC` or `TOPIC unless ACTOR/ACTOR`)",
                "topics.csv:4: absorbs \"ceasefire unless nobody\": no actor has the id \"nobody\"",
            ]
        );
        files[1] = file(
            "topics.csv",
            "id,label,aliases,absorbs\nceasefire,C,ceasefire\ntruce_zone,T,buffer zone,ceasefire unless putin/russia\n",
        );
        let lexicon = Lexicon::parse(&files).unwrap_or_else(|e| panic!("{e}"));
        let zone = &lexicon.topics[1];
        assert_eq!(
            zone.absorbs,
            [Absorption {
                topic: TopicIdx(0),
                unless: vec![ActorIdx(1), ActorIdx(0)],
            }]
        );
        assert!(lexicon.topics[0].absorbs.is_empty());
    }

    #[test]
    fn a_duplicate_cue_row_still_has_its_other_problems_reported() {
        let mut files = minimal();
        files[2] = file(
            "cues.csv",
            "phrase,pos,stance,topic,reach\nreject,verb,reject,after,\nreject,verb,suport,,99\n,nown,reject,sideways,\nre:,phrase,reject,after,\nre:a*,phrase,reject,after,\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "cues.csv:3: duplicate row: cue \"reject\" with pos verb and topic after is already on line 2",
                "cues.csv:3: unknown stance \"suport\" (use support, reject or conditional)",
                "cues.csv:3: reach \"99\" must be a number of words from 0 to 40 (or empty: 8)",
                "cues.csv:4: empty phrase (a cue needs patterns or a re:… regular expression)",
                "cues.csv:4: unknown pos \"nown\" (use verb, noun or phrase)",
                "cues.csv:4: unknown topic \"sideways\" (use after, before, either or implicit: where the cue's topic stands)",
                "cues.csv:5: empty regular expression after \"re:\" in column phrase",
                "cues.csv:6: regular expression \"a*\" in column phrase matches empty text, so it would be found everywhere",
            ]
        );
    }

    #[test]
    fn marker_and_abbreviation_rows_report_every_problem() {
        let mut files = minimal();
        files[3] = file(
            "markers.csv",
            "phrase,role,pos,examples\nnot,negation,phrase,\nnot,negation,,It is not.||No.\nif,conditon,verbb,\n,clause,phrase,\n",
        );
        files[4] = file(
            "abbreviations.csv",
            "word,rule\nMr.,title\nMr.,title\nGen,title\nGen,title\nSt. Paul,place\n,title\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "markers.csv:3: duplicate row: marker \"not\" with role negation and pos phrase is already on line 2",
                "markers.csv:3: empty example in column examples (look for '||' or a '|' at either end)",
                &format!(
                    "markers.csv:4: unknown role \"conditon\" (use {} or proposal_noun)",
                    ROLE_NAMES[..ROLE_NAMES.len() - 1].join(", ")
                ),
                "markers.csv:4: unknown pos \"verbb\" (use verb, noun or phrase)",
                "markers.csv:5: empty phrase (a marker needs patterns)",
                "abbreviations.csv:3: duplicate row: \"Mr.\" with rule title is already on line 2",
                "abbreviations.csv:4: abbreviation \"Gen\" must end with '.' (only rule starter takes a word without one)",
                "abbreviations.csv:5: abbreviation \"Gen\" must end with '.' (only rule starter takes a word without one)",
                "abbreviations.csv:5: duplicate row: \"Gen\" with rule title is already on line 4",
                "abbreviations.csv:6: unknown rule \"place\" (use title, number, acronym or starter)",
                "abbreviations.csv:6: word \"St. Paul\" must be one token without spaces",
                "abbreviations.csv:7: word \"\" must be one token without spaces",
            ]
        );
    }

    #[test]
    fn every_role_name_is_a_role() {
        for name in ROLE_NAMES {
            assert!(Role::parse(name).is_some(), "{name}");
        }
        assert!(Role::parse("conditon").is_none());
    }

    #[test]
    fn shared_aliases_are_reported_once_per_pair_of_entries_with_both_lines() {
        let mut files = minimal();
        files[1] = file(
            "topics.csv",
            "id,label,aliases,opposites\nceasefire,Ceasefire,ceasefire[s]|truce[s],\nputin_plan,Plan,Russia|Putin,MOSCOW\ndeal,Deal,truce[s]|deal,\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "topics.csv:3: aliases \"Russia\", \"MOSCOW\" (written \"Moscow\" there) of \"putin_plan\" are also aliases of \"russia\" (actors.csv:2); an alias must name one actor or topic",
                "topics.csv:3: alias \"Putin\" of \"putin_plan\" is also an alias of \"putin\" (actors.csv:3); an alias must name one actor or topic",
                "topics.csv:4: aliases \"truce\", \"truces\" of \"deal\" are also aliases of \"ceasefire\" (topics.csv:2); an alias must name one actor or topic",
            ]
        );
    }

    #[test]
    fn context_words_may_be_shared_by_topics_but_not_be_aliases() {
        let mut files = minimal();
        files[1] = file(
            "topics.csv",
            "id,label,aliases,opposites,context\nsanctions,S,sanctions,,the package|measures\naid,A,weapons,,the package|the package\ndeal,D,deal,,truce|Putin\nceasefire,C,truce,,\n",
        );
        assert_eq!(
            errors_of(&files),
            [
                "topics.csv:3: context word \"the package\" is listed twice for \"aid\"",
                "topics.csv:4: context word \"truce\" of \"deal\" is also an alias of \"ceasefire\"; the alias would always win",
                "topics.csv:4: context word \"Putin\" of \"deal\" is also an alias of \"putin\"; the alias would always win",
            ]
        );
        files[1] = file(
            "topics.csv",
            "id,label,aliases,opposites,context\nsanctions,S,sanctions,,the package|measures\naid,A,weapons,,the package\n",
        );
        let lex = Lexicon::parse(&files).unwrap();
        let shared: Vec<(&str, Vec<&str>)> = lex
            .contexts
            .iter()
            .map(|w| {
                let ids = w.topics.iter().map(|&t| lex.topic(t).id.as_str()).collect();
                (w.form.written.as_str(), ids)
            })
            .collect();
        assert_eq!(
            shared,
            [
                ("the package", vec!["sanctions", "aid"]),
                ("measures", vec!["sanctions"])
            ]
        );
    }

    #[test]
    fn a_folder_with_an_unreadable_file_still_has_the_others_checked() {
        let dir = tempfile::tempdir().unwrap();
        for f in minimal() {
            std::fs::write(dir.path().join(&f.name), &f.text).unwrap();
        }
        std::fs::remove_file(dir.path().join("markers.csv")).unwrap();
        std::fs::write(
            dir.path().join("cues.csv"),
            b"phrase,pos,stance,topic\nreject,verb,reject,after\nr\xe9ject,verb,against,after\n",
        )
        .unwrap();
        // A problem in the file after the missing one: the missing file's error comes first,
        // in file order.
        std::fs::write(
            dir.path().join("abbreviations.csv"),
            "word,rule\nMr.,honorific\n",
        )
        .unwrap();
        let errs = Lexicon::from_dir(dir.path()).unwrap_err();
        let shown = |name: &str| dir.path().join(name).display().to_string();
        let text: Vec<String> = errs.0.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                format!(
                    "{}:3: not valid UTF-8 (save the file as \"CSV UTF-8\")",
                    shown("cues.csv")
                ),
                format!(
                    "{}:3: unknown stance \"against\" (use support, reject or conditional)",
                    shown("cues.csv")
                ),
                format!(
                    "{}:1: missing file (a lexicon folder holds actors.csv, topics.csv, cues.csv, markers.csv, abbreviations.csv)",
                    shown("markers.csv")
                ),
                format!(
                    "{}:2: unknown rule \"honorific\" (use title, number, acronym or starter)",
                    shown("abbreviations.csv")
                ),
            ]
        );
    }

    #[test]
    fn builtin_lexicon_is_valid_and_has_the_starter_ids() {
        let lex = Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"));
        for id in [
            "trump",
            "zelensky",
            "putin",
            "starmer",
            "macron",
            "merz",
            "meloni",
            "stubb",
            "von_der_leyen",
            "rutte",
            "witkoff",
            "lavrov",
            "zakharova",
            "ushakov",
            "vance",
            "biden",
            "tusk",
            "usa",
            "russia",
            "ukraine",
            "europe",
            "eu",
            "nato",
            "uk",
            "france",
            "germany",
            "italy",
            "finland",
            "poland",
            "baltics",
            "china",
            "un",
        ] {
            assert!(lex.actor_by_id(id).is_some(), "missing actor {id}");
        }
        for id in [
            "security_guarantees",
            "collective_defense",
            "ceasefire",
            "peace_talks",
            "troop_deployment",
            "nato_membership",
            "territorial_concessions",
            "sanctions",
            "military_aid",
            "prisoner_exchange",
        ] {
            assert!(lex.topic_by_id(id).is_some(), "missing topic {id}");
        }
        // Guideline affiliations.
        for (person, collective) in [
            ("trump", "usa"),
            ("witkoff", "usa"),
            ("vance", "usa"),
            ("biden", "usa"),
            ("putin", "russia"),
            ("lavrov", "russia"),
            ("zakharova", "russia"),
            ("ushakov", "russia"),
            ("zelensky", "ukraine"),
            ("starmer", "uk"),
            ("macron", "france"),
            ("merz", "germany"),
            ("meloni", "italy"),
            ("stubb", "finland"),
            ("tusk", "poland"),
            ("von_der_leyen", "eu"),
            ("rutte", "nato"),
        ] {
            let p = lex.actor_by_id(person).unwrap();
            assert_eq!(
                lex.actor(lex.actor(p).affiliation).id,
                collective,
                "{person}"
            );
        }
    }
}
