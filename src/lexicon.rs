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

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use crate::text::fold_pattern;

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
    /// The line of the file that defines it.
    pub line: usize,
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
    /// A verb that opens a verbal topic phrase ("send troops", "cede territory"): after a modal
    /// the topic phrase is itself the position.
    TopicVerb,
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

    /// Reads and validates the lexicon files of `dir`.
    pub fn from_dir(dir: &Path) -> Result<Lexicon, LexiconErrors> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for name in LEXICON_FILES {
            let path = dir.join(name);
            let shown = path.display().to_string();
            match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => files.push(LexiconFile { name: shown, text }),
                    Err(e) => errors.push(LexiconError {
                        file: shown,
                        line: line_of_byte(e.as_bytes(), e.utf8_error().valid_up_to()),
                        message: "not valid UTF-8 (save the file as UTF-8)".into(),
                    }),
                },
                Err(e) => errors.push(LexiconError {
                    file: shown,
                    line: 0,
                    message: format!("cannot read: {e}"),
                }),
            }
        }
        if !errors.is_empty() {
            return Err(LexiconErrors(errors));
        }
        Lexicon::parse(&files)
    }

    /// Parses and validates the five files, in the order of [`LEXICON_FILES`].
    pub fn parse(files: &[LexiconFile]) -> Result<Lexicon, LexiconErrors> {
        let mut errs = Errors::default();
        let get = |i: usize| {
            files.get(i).cloned().unwrap_or_else(|| LexiconFile {
                name: LEXICON_FILES[i].to_string(),
                text: String::new(),
            })
        };
        let actors = parse_actors(&get(0), &mut errs);
        let topics = parse_topics(&get(1), &mut errs);
        let cues = parse_cues(&get(2), &mut errs);
        let markers = parse_markers(&get(3), &mut errs);
        let abbreviations = parse_abbreviations(&get(4), &mut errs);
        check_shared_aliases(&get(0), &actors, &get(1), &topics, &mut errs);
        if !errs.0.is_empty() {
            return Err(LexiconErrors(errs.0));
        }
        let fingerprint = fingerprint(files);
        Ok(Lexicon {
            actors,
            topics,
            cues,
            markers,
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
    fields: HashMap<&'a str, String>,
}

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        self.fields.get(column).map(String::as_str).unwrap_or("")
    }
}

/// Reads a lexicon CSV: checks the header has `required` columns (others in `optional` are
/// allowed), skips blank rows, and returns the data rows.
fn read_rows<'a>(
    file: &LexiconFile,
    required: &[&'a str],
    optional: &[&'a str],
    errs: &mut Errors,
) -> Vec<Row<'a>> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = rdr.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            errs.add(file, 1, format!("cannot read the header: {e}"));
            return Vec::new();
        }
        None => {
            errs.add(
                file,
                1,
                format!("empty file; expected a header with {}", required.join(",")),
            );
            return Vec::new();
        }
    };
    let mut columns: Vec<Option<&'a str>> = Vec::new();
    for name in header.iter() {
        let name = name.trim();
        let known = required
            .iter()
            .chain(optional)
            .find(|c| **c == name)
            .copied();
        if known.is_none() {
            errs.add(
                file,
                1,
                format!(
                    "unknown column {name:?} (columns are {})",
                    required
                        .iter()
                        .chain(optional)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(",")
                ),
            );
        }
        columns.push(known);
    }
    for col in required {
        if !columns.contains(&Some(*col)) {
            errs.add(file, 1, format!("missing column {col:?}"));
        }
    }
    if required.iter().any(|c| !columns.contains(&Some(*c))) {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                errs.add(file, line, format!("cannot read the row: {e}"));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rec.len() > columns.len() {
            errs.add(
                file,
                line,
                format!(
                    "{} fields, but the header has {} columns",
                    rec.len(),
                    columns.len()
                ),
            );
            continue;
        }
        let mut fields = HashMap::new();
        for (i, value) in rec.iter().enumerate() {
            if let Some(Some(col)) = columns.get(i) {
                fields.insert(*col, value.trim().to_string());
            }
        }
        rows.push(Row { line, fields });
    }
    rows
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && id.as_bytes()[0].is_ascii_lowercase()
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
                next.push(format!("{o}{alt}"));
            }
        }
        if next.len() > LIMIT {
            return Err(format!("{pattern:?} expands to more than {LIMIT} forms"));
        }
        out = next;
        rest = &after[close + 1..];
    }
    let mut seen = std::collections::HashSet::new();
    let forms: Vec<String> = out
        .into_iter()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty() && seen.insert(s.clone()))
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
    let words: Vec<&str> = form.split(' ').collect();
    match pos {
        PartOfSpeech::Phrase => vec![(form.to_string(), false)],
        PartOfSpeech::Verb => {
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
            }
            forms
        }
        PartOfSpeech::Noun => {
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

/// Expands and inflects a pattern into folded forms, reporting problems at `line`.
fn forms_of(
    pattern: &str,
    pos: PartOfSpeech,
    alias: bool,
    file: &LexiconFile,
    line: usize,
    errs: &mut Errors,
) -> Vec<Form> {
    let expanded = match expand(pattern) {
        Ok(e) => e,
        Err(e) => {
            errs.add(file, line, e);
            return Vec::new();
        }
    };
    let mut out: Vec<Form> = Vec::new();
    for e in expanded {
        for (f, participle) in inflect(&e, pos) {
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
                    format!("form {f:?} of {pattern:?} has no letters or digits"),
                );
                continue;
            }
            if let Some(existing) = out
                .iter_mut()
                .find(|x| x.text == text && x.exact_case == exact_case)
            {
                existing.participle |= participle;
            } else {
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

/// The forms of a phrase cell: `|`-separated patterns sharing one part of speech.
fn phrase_forms(
    cell: &str,
    pos: PartOfSpeech,
    file: &LexiconFile,
    line: usize,
    errs: &mut Errors,
) -> Vec<Form> {
    let mut out: Vec<Form> = Vec::new();
    for pattern in split_list(cell, "phrase", file, line, errs) {
        for f in forms_of(&pattern, pos, false, file, line, errs) {
            if let Some(existing) = out.iter_mut().find(|x| x.text == f.text) {
                existing.participle |= f.participle;
            } else {
                out.push(f);
            }
        }
    }
    out
}

/// Splits a `|`-separated cell, reporting empty items.
fn split_list(
    cell: &str,
    what: &str,
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
                format!("empty {what} (check for '||' or a '|' at either end)"),
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

fn parse_actors(file: &LexiconFile, errs: &mut Errors) -> Vec<Actor> {
    let rows = read_rows(
        file,
        &["id", "label", "kind", "affiliation", "aliases"],
        &["pronoun"],
        errs,
    );
    let mut seen = BTreeMap::new();
    let mut actors = Vec::new();
    let mut affiliations = Vec::new();
    for row in &rows {
        let id = row.get("id");
        check_id(id, &mut seen, file, row.line, errs);
        let kind = match row.get("kind") {
            "person" => ActorKind::Person,
            "collective" => ActorKind::Collective,
            other => {
                errs.add(
                    file,
                    row.line,
                    format!("kind {other:?} must be person or collective"),
                );
                ActorKind::Collective
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
                    format!("pronoun {other:?} must be he, she, it, they or empty"),
                );
                None
            }
        };
        let aliases = split_list(row.get("aliases"), "alias", file, row.line, errs);
        if aliases.is_empty() {
            errs.add(file, row.line, format!("actor {id:?} has no aliases"));
        }
        let mut forms: Vec<Form> = Vec::new();
        for a in &aliases {
            for f in forms_of(a, PartOfSpeech::Phrase, true, file, row.line, errs) {
                // Two written forms that fold alike ("Article 5-style", "Article 5 style") are
                // one alias; the same form written twice is a mistake in the file.
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
        affiliations.push((row.get("affiliation").to_string(), row.line));
        actors.push(Actor {
            id: id.to_string(),
            label: row.get("label").to_string(),
            kind,
            affiliation: ActorIdx(actors.len() as u16),
            pronoun,
            forms,
            line: row.line,
        });
    }
    for (i, (aff, line)) in affiliations.iter().enumerate() {
        if aff.is_empty() {
            if actors[i].kind == ActorKind::Person {
                errs.add(
                    file,
                    *line,
                    format!(
                        "person {:?} needs an affiliation (a collective id)",
                        actors[i].id
                    ),
                );
            }
            continue;
        }
        match actors.iter().position(|a| &a.id == aff) {
            Some(j) if actors[j].kind == ActorKind::Collective => {
                actors[i].affiliation = ActorIdx(j as u16)
            }
            Some(_) => errs.add(
                file,
                *line,
                format!("affiliation {aff:?} is a person; it must be a collective"),
            ),
            None => errs.add(
                file,
                *line,
                format!("affiliation {aff:?} is not an actor id of this file"),
            ),
        }
    }
    if actors.len() > u16::MAX as usize {
        errs.add(file, 1, "too many actors (at most 65535)");
    }
    actors
}

fn parse_topics(file: &LexiconFile, errs: &mut Errors) -> Vec<Topic> {
    let rows = read_rows(
        file,
        &["id", "label", "aliases"],
        &["opposites", "note"],
        errs,
    );
    let mut seen = BTreeMap::new();
    let mut topics = Vec::new();
    for row in &rows {
        let id = row.get("id");
        check_id(id, &mut seen, file, row.line, errs);
        let aliases = split_list(row.get("aliases"), "alias", file, row.line, errs);
        if aliases.is_empty() {
            errs.add(file, row.line, format!("topic {id:?} has no aliases"));
        }
        let mut forms: Vec<Form> = Vec::new();
        let mut opposite_forms: Vec<Form> = Vec::new();
        let opposites = split_list(row.get("opposites"), "opposite", file, row.line, errs);
        for (list, is_opposite) in [(&aliases, false), (&opposites, true)] {
            for a in list {
                for f in forms_of(a, PartOfSpeech::Phrase, true, file, row.line, errs) {
                    match forms
                        .iter()
                        .chain(&opposite_forms)
                        .find(|x| x.text == f.text)
                    {
                        Some(x) if x.written == f.written => errs.add(
                            file,
                            row.line,
                            format!("alias {:?} is listed twice for {id:?}", f.written),
                        ),
                        Some(_) => {}
                        None if is_opposite => opposite_forms.push(f),
                        None => forms.push(f),
                    }
                }
            }
        }
        topics.push(Topic {
            id: id.to_string(),
            label: row.get("label").to_string(),
            forms,
            opposite_forms,
            line: row.line,
        });
    }
    topics
}

fn parse_pos(s: &str, file: &LexiconFile, line: usize, errs: &mut Errors) -> PartOfSpeech {
    match s {
        "verb" => PartOfSpeech::Verb,
        "noun" => PartOfSpeech::Noun,
        "phrase" | "" => PartOfSpeech::Phrase,
        other => {
            errs.add(
                file,
                line,
                format!("pos {other:?} must be verb, noun or phrase"),
            );
            PartOfSpeech::Phrase
        }
    }
}

fn parse_cues(file: &LexiconFile, errs: &mut Errors) -> Vec<Cue> {
    let rows = read_rows(
        file,
        &["phrase", "pos", "stance", "topic"],
        &["reach", "examples", "counterexamples", "note"],
        errs,
    );
    let mut cues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &rows {
        let phrase = row.get("phrase");
        if phrase.is_empty() {
            errs.add(file, row.line, "empty phrase");
            continue;
        }
        let key = format!("{}\u{0}{}\u{0}{}", phrase, row.get("pos"), row.get("topic"));
        if let Some(first) = seen.get(&key) {
            errs.add(
                file,
                row.line,
                format!("duplicate row: {phrase:?} is already on line {first}"),
            );
            continue;
        }
        seen.insert(key, row.line);
        let pos = parse_pos(row.get("pos"), file, row.line, errs);
        let stance = Stance::parse(row.get("stance")).unwrap_or_else(|| {
            errs.add(
                file,
                row.line,
                format!(
                    "stance {:?} must be support, reject or conditional",
                    row.get("stance")
                ),
            );
            Stance::Support
        });
        let topic_side = match row.get("topic") {
            "after" | "" => TopicSide::After,
            "before" => TopicSide::Before,
            "either" => TopicSide::Either,
            other => {
                errs.add(
                    file,
                    row.line,
                    format!("topic {other:?} must be after, before or either"),
                );
                TopicSide::After
            }
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
                        row.line,
                        format!("reach {r:?} must be a number of words from 0 to 40"),
                    );
                    8
                }),
        };
        let (forms, regex) = match phrase.strip_prefix("re:") {
            Some(re) => {
                let re = re.trim();
                if let Err(e) = regex::Regex::new(re) {
                    errs.add(
                        file,
                        row.line,
                        format!(
                            "regex does not compile: {}",
                            e.to_string().replace('\n', " ")
                        ),
                    );
                }
                (Vec::new(), Some(re.to_string()))
            }
            None => (phrase_forms(phrase, pos, file, row.line, errs), None),
        };
        let examples = split_list(row.get("examples"), "example", file, row.line, errs);
        let counterexamples = split_list(
            row.get("counterexamples"),
            "counterexample",
            file,
            row.line,
            errs,
        );
        cues.push(Cue {
            phrase: phrase.to_string(),
            pos,
            stance,
            topic_side,
            reach,
            forms,
            regex,
            examples,
            counterexamples,
            line: row.line,
        });
    }
    cues
}

fn parse_markers(file: &LexiconFile, errs: &mut Errors) -> Vec<Marker> {
    let rows = read_rows(
        file,
        &["phrase", "role", "pos"],
        &["examples", "counterexamples", "note"],
        errs,
    );
    let mut markers = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &rows {
        let phrase = row.get("phrase");
        if phrase.is_empty() {
            errs.add(file, row.line, "empty phrase");
            continue;
        }
        let key = format!("{}\u{0}{}\u{0}{}", phrase, row.get("role"), row.get("pos"));
        if let Some(first) = seen.get(&key) {
            errs.add(
                file,
                row.line,
                format!("duplicate row: {phrase:?} is already on line {first}"),
            );
            continue;
        }
        seen.insert(key, row.line);
        let Some(role) = Role::parse(row.get("role")) else {
            errs.add(
                file,
                row.line,
                format!("unknown role {:?}", row.get("role")),
            );
            continue;
        };
        let pos = parse_pos(row.get("pos"), file, row.line, errs);
        let forms = phrase_forms(phrase, pos, file, row.line, errs);
        let examples = split_list(row.get("examples"), "example", file, row.line, errs);
        let counterexamples = split_list(
            row.get("counterexamples"),
            "counterexample",
            file,
            row.line,
            errs,
        );
        markers.push(Marker {
            phrase: phrase.to_string(),
            role,
            forms,
            examples,
            counterexamples,
            line: row.line,
        });
    }
    markers
}

fn parse_abbreviations(file: &LexiconFile, errs: &mut Errors) -> Vec<Abbreviation> {
    let rows = read_rows(file, &["word", "rule"], &["note"], errs);
    let mut out: Vec<Abbreviation> = Vec::new();
    for row in &rows {
        let word = row.get("word");
        let rule = match row.get("rule") {
            "title" => AbbrevRule::Title,
            "number" => AbbrevRule::Number,
            "acronym" => AbbrevRule::Acronym,
            "starter" => AbbrevRule::Starter,
            other => {
                errs.add(
                    file,
                    row.line,
                    format!("rule {other:?} must be title, number, acronym or starter"),
                );
                continue;
            }
        };
        if word.is_empty() || word.contains(char::is_whitespace) {
            errs.add(
                file,
                row.line,
                format!("word {word:?} must be one token without spaces"),
            );
            continue;
        }
        if rule != AbbrevRule::Starter && !word.ends_with('.') {
            errs.add(
                file,
                row.line,
                format!("abbreviation {word:?} must end with '.'"),
            );
            continue;
        }
        if out.iter().any(|a| a.word == word && a.rule == rule) {
            errs.add(file, row.line, format!("duplicate row: {word:?}"));
            continue;
        }
        out.push(Abbreviation {
            word: word.to_string(),
            rule,
        });
    }
    out
}

/// Reports alias forms claimed by two different actors or topics.
fn check_shared_aliases(
    actors_file: &LexiconFile,
    actors: &[Actor],
    topics_file: &LexiconFile,
    topics: &[Topic],
    errs: &mut Errors,
) {
    let mut owner: HashMap<(&str, bool), (&str, &str, usize)> = HashMap::new();
    let entries = actors
        .iter()
        .map(|a| (actors_file, a.id.as_str(), a.line, &a.forms))
        .chain(
            topics
                .iter()
                .map(|t| (topics_file, t.id.as_str(), t.line, &t.forms)),
        )
        .chain(
            topics
                .iter()
                .map(|t| (topics_file, t.id.as_str(), t.line, &t.opposite_forms)),
        );
    for (file, id, line, forms) in entries {
        for f in forms {
            let key = (f.text.as_str(), f.exact_case);
            match owner.get(&key) {
                Some((other_file, other_id, other_line)) if *other_id != id => errs.add(
                    file,
                    line,
                    format!("alias {:?} of {id:?} is also an alias of {other_id:?} ({other_file}:{other_line})", f.text),
                ),
                Some(_) => {}
                None => {
                    owner.insert(key, (file.name.as_str(), id, line));
                }
            }
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
        let errs = Lexicon::parse(&files).unwrap_err();
        let text = errs.to_string();
        for expected in [
            "actors.csv:2: empty alias",
            "actors.csv:3: duplicate id \"russia\" (first defined on line 2)",
            "actors.csv:4: empty id",
            "actors.csv:5: affiliation \"nowhere\" is not an actor id",
            "actors.csv:5: alias \"moscow\" of \"putin\" is also an alias of \"russia\"",
            "cues.csv:2: stance \"maybe\" must be support",
            "cues.csv:3: regex does not compile",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
        }
    }

    #[test]
    fn reports_missing_columns() {
        let mut files = minimal();
        files[1] = file("topics.csv", "id,aliases\nceasefire,truce\n");
        let errs = Lexicon::parse(&files).unwrap_err();
        assert_eq!(errs.0.len(), 1);
        assert_eq!(errs.to_string(), "topics.csv:1: missing column \"label\"");
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
