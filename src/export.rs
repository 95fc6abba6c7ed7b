//! Export: analyses to the five CSV tables.
//!
//! In: per document, its [`Analysis`] (or the reason it failed). Out: `documents.csv`,
//! `sentences.csv`, `mentions.csv`, `stances.csv` and `actor_topic.csv` in an output folder
//! (columns in the README).
//!
//! Each document is rendered to CSV bytes by [`render`] on the worker thread that analysed it;
//! [`Tables`] only appends those bytes, in document order, to temporary files in the output
//! folder, and [`Tables::commit`] renames them into place once every row is written. Until
//! then the previous tables (if any) stay untouched; dropping a `Tables` without committing
//! removes the temporary files.
//!
//! Cells are UTF-8; line breaks inside a cell (a hard-wrapped sentence) are written as single
//! spaces, so every row is one line in a spreadsheet; offsets still index the original text.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::lexicon::{ActorIdx, Lexicon, Stance, TopicIdx};
use crate::matcher::Target;
use crate::pipeline::Analysis;
use crate::stance::Record;

/// The table files, in the order they are written.
pub const TABLES: [&str; 5] = [
    "documents.csv",
    "sentences.csv",
    "mentions.csv",
    "stances.csv",
    "actor_topic.csv",
];

/// A row of `documents.csv`.
#[derive(Debug, Serialize)]
pub struct DocumentRow<'a> {
    /// Document name.
    pub doc: &'a str,
    /// First non-empty line.
    pub title: Cow<'a, str>,
    /// Publication date (YYYY-MM-DD) or empty.
    pub date: &'a str,
    /// File size in bytes.
    pub bytes: u64,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of actor and topic mentions.
    pub mentions: usize,
    /// Number of stance records.
    pub stances: usize,
    /// `ok`, or why the document failed.
    pub status: Cow<'a, str>,
}

/// A row of `sentences.csv`.
#[derive(Debug, Serialize)]
pub struct SentenceRow<'a> {
    /// Document name.
    pub doc: &'a str,
    /// 0-based index of the sentence in its document.
    pub sentence: usize,
    /// First byte of the sentence.
    pub start: u32,
    /// One past its last byte.
    pub end: u32,
    /// The sentence.
    pub text: Cow<'a, str>,
}

/// A row of `mentions.csv`.
#[derive(Debug, Serialize)]
pub struct MentionRow<'a> {
    /// Document name.
    pub doc: &'a str,
    /// Index of the sentence holding the mention.
    pub sentence: usize,
    /// First byte of the mention.
    pub start: u32,
    /// One past its last byte.
    pub end: u32,
    /// `actor` or `topic`.
    pub kind: &'static str,
    /// Actor or topic id.
    pub id: &'a str,
    /// The words as they stand in the article.
    pub text: Cow<'a, str>,
}

/// A row of `stances.csv`.
#[derive(Debug, Serialize)]
pub struct StanceRow<'a> {
    /// Document name.
    pub doc: &'a str,
    /// Index of the sentence expressing the stance.
    pub sentence: usize,
    /// First byte of the sentence.
    pub start: u32,
    /// One past its last byte.
    pub end: u32,
    /// Actor id of the holder.
    pub holder: &'a str,
    /// The holder's collective.
    pub affiliation: &'a str,
    /// Topic id.
    pub topic: &'a str,
    /// support, reject or conditional.
    pub stance: Stance,
    /// The words that carried the stance.
    pub cue: Cow<'a, str>,
    /// The sentence (the evidence).
    pub text: Cow<'a, str>,
}

/// A row of `actor_topic.csv`.
#[derive(Debug, Serialize)]
pub struct ActorTopicRow<'a> {
    /// Actor id of the holder.
    pub holder: &'a str,
    /// The holder's collective.
    pub affiliation: &'a str,
    /// Topic id.
    pub topic: &'a str,
    /// Number of support records.
    pub support: u64,
    /// Number of reject records.
    pub reject: u64,
    /// Number of conditional records.
    pub conditional: u64,
    /// All records.
    pub total: u64,
}

/// Header lines of the tables, in [`TABLES`] order (checked against the row structs by a test).
pub const HEADERS: [&str; 5] = [
    "doc,title,date,bytes,sentences,mentions,stances,status",
    "doc,sentence,start,end,text",
    "doc,sentence,start,end,kind,id,text",
    "doc,sentence,start,end,holder,affiliation,topic,stance,cue,text",
    "holder,affiliation,topic,support,reject,conditional,total",
];

/// A table row that writes itself as one CSV line: the same bytes as the `csv` crate's
/// `serialize` with its defaults (fields quoted only when they hold `,`, `"`, CR or LF, quotes
/// doubled, `\n` after the row), checked against it by a test. Hand-written because rows are
/// most of a run's output: the serde path cost about a sixth of the whole run.
pub trait CsvRow {
    /// Appends the row and its line end to `out`.
    fn write_to(&self, out: &mut Vec<u8>);
}

/// Appends one CSV field.
fn field(out: &mut Vec<u8>, s: &[u8]) {
    let special = if s.len() < 16 {
        s.iter().any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    } else {
        memchr::memchr3(b',', b'"', b'\n', s).is_some() || memchr::memchr(b'\r', s).is_some()
    };
    if !special {
        out.extend_from_slice(s);
        return;
    }
    out.push(b'"');
    let mut rest = s;
    while let Some(i) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=i]);
        out.push(b'"');
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Appends an unsigned number in decimal.
fn number(out: &mut Vec<u8>, mut n: u64) {
    if n < 10 {
        out.push(b'0' + n as u8);
        return;
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// Writes fields separated by commas, then the line end.
macro_rules! csv_row {
    ($out:expr; $($kind:ident $value:expr),+ $(,)?) => {{
        let out: &mut Vec<u8> = $out;
        let mut first = true;
        $(
            if !first {
                out.push(b',');
            }
            first = false;
            csv_row!(@field out, $kind, $value);
        )+
        let _ = first;
        out.push(b'\n');
    }};
    (@field $out:ident, str, $v:expr) => { field($out, AsRef::<str>::as_ref(&$v).as_bytes()) };
    (@field $out:ident, num, $v:expr) => { number($out, $v as u64) };
}

impl CsvRow for DocumentRow<'_> {
    fn write_to(&self, out: &mut Vec<u8>) {
        csv_row!(out; str self.doc, str self.title, str self.date, num self.bytes,
            num self.sentences, num self.mentions, num self.stances, str self.status);
    }
}

impl CsvRow for SentenceRow<'_> {
    fn write_to(&self, out: &mut Vec<u8>) {
        csv_row!(out; str self.doc, num self.sentence, num self.start, num self.end, str self.text);
    }
}

impl CsvRow for MentionRow<'_> {
    fn write_to(&self, out: &mut Vec<u8>) {
        csv_row!(out; str self.doc, num self.sentence, num self.start, num self.end,
            str self.kind, str self.id, str self.text);
    }
}

impl CsvRow for StanceRow<'_> {
    fn write_to(&self, out: &mut Vec<u8>) {
        csv_row!(out; str self.doc, num self.sentence, num self.start, num self.end,
            str self.holder, str self.affiliation, str self.topic, str self.stance.as_str(),
            str self.cue, str self.text);
    }
}

impl CsvRow for ActorTopicRow<'_> {
    fn write_to(&self, out: &mut Vec<u8>) {
        csv_row!(out; str self.holder, str self.affiliation, str self.topic, num self.support,
            num self.reject, num self.conditional, num self.total);
    }
}

/// Writes a cell's text on one line: every run of white space that holds a line break becomes
/// one space.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut run_has_break = false;
    let mut run = String::new();
    for c in s.chars() {
        if c.is_whitespace() {
            run_has_break |= c == '\n' || c == '\r';
            run.push(c);
            pending_space = true;
            continue;
        }
        if pending_space {
            if run_has_break {
                out.push(' ');
            } else {
                out.push_str(&run);
            }
            run.clear();
            run_has_break = false;
            pending_space = false;
        }
        out.push(c);
    }
    if pending_space && !run_has_break {
        out.push_str(&run);
    }
    Cow::Owned(out)
}

/// One document's rows, rendered as CSV bytes (no headers), and its counts.
#[derive(Debug, Default)]
pub struct DocOutput {
    /// The `documents.csv` row.
    pub document: Vec<u8>,
    /// `sentences.csv` rows.
    pub sentences: Vec<u8>,
    /// `mentions.csv` rows.
    pub mentions: Vec<u8>,
    /// `stances.csv` rows.
    pub stances: Vec<u8>,
    /// Sentences, mentions, stance records.
    pub counts: [u64; 3],
    /// Stance counts per (holder, topic): support, reject, conditional.
    pub pairs: Vec<((ActorIdx, TopicIdx), Stance)>,
    /// Did the document fail?
    pub failed: bool,
    /// Bytes of input.
    pub bytes: u64,
}

/// The `cue` cell: the cue words, negator and condition marker, in order; contiguous pieces
/// are given as they stand, others joined with " … ".
fn cue_text<'a>(text: &'a str, r: &Record) -> Cow<'a, str> {
    let mut spans: Vec<(u32, u32)> = r.cue_spans.clone();
    if let Some(c) = r.condition {
        spans.push(c);
    }
    spans.sort_unstable();
    spans.dedup();
    let get = |(a, b): (u32, u32)| text.get(a as usize..b as usize).unwrap_or("");
    let mut out = String::new();
    let mut prev_end: Option<u32> = None;
    for &(a, b) in &spans {
        match prev_end {
            Some(pe)
                if a >= pe
                    && text
                        .get(pe as usize..a as usize)
                        .is_some_and(|g| g.trim().is_empty() || g.len() <= 12) =>
            {
                out.push_str(text.get(pe as usize..a as usize).unwrap_or(" "));
            }
            Some(_) => out.push_str(" … "),
            None => {}
        }
        out.push_str(get((a, b)));
        prev_end = Some(b);
    }
    Cow::Owned(one_line(&out).into_owned())
}

/// Renders one analysed document.
pub fn render(lexicon: &Lexicon, doc: &str, text: &str, bytes: u64, a: &Analysis) -> DocOutput {
    let mut out = DocOutput {
        bytes,
        ..DocOutput::default()
    };
    let text_bytes: usize = a.sentences.iter().map(|s| (s.end - s.start) as usize).sum();
    out.sentences
        .reserve(text_bytes + a.sentences.len() * (doc.len() + 24));
    for (i, s) in a.sentences.iter().enumerate() {
        SentenceRow {
            doc,
            sentence: i,
            start: s.start,
            end: s.end,
            text: one_line(s.text(text)),
        }
        .write_to(&mut out.sentences);
    }
    for (si, h) in &a.mentions {
        let (kind, id) = match h.target {
            Target::Actor(x) => ("actor", lexicon.actor(x).id.as_str()),
            Target::Topic { topic, .. } => ("topic", lexicon.topic(topic).id.as_str()),
            _ => continue,
        };
        let words = text.get(h.start as usize..h.end as usize).unwrap_or("");
        MentionRow {
            doc,
            sentence: *si,
            start: h.start,
            end: h.end,
            kind,
            id,
            text: one_line(words),
        }
        .write_to(&mut out.mentions);
    }
    for r in &a.tagged.records {
        let s = a.sentences[r.sentence];
        let holder = lexicon.actor(r.holder);
        StanceRow {
            doc,
            sentence: r.sentence,
            start: s.start,
            end: s.end,
            holder: &holder.id,
            affiliation: &lexicon.actor(holder.affiliation).id,
            topic: &lexicon.topic(r.topic).id,
            stance: r.stance,
            cue: cue_text(text, r),
            text: one_line(s.text(text)),
        }
        .write_to(&mut out.stances);
        out.pairs.push(((r.holder, r.topic), r.stance));
    }
    out.counts = [
        a.sentences.len() as u64,
        a.mentions.len() as u64,
        a.tagged.records.len() as u64,
    ];
    DocumentRow {
        doc,
        title: one_line(&a.title),
        date: a.date.as_deref().unwrap_or(""),
        bytes,
        sentences: a.sentences.len(),
        mentions: a.mentions.len(),
        stances: a.tagged.records.len(),
        status: Cow::Borrowed("ok"),
    }
    .write_to(&mut out.document);
    out
}

/// Renders the `documents.csv` row of a document that could not be analysed.
pub fn render_failure(doc: &str, bytes: u64, reason: &str) -> DocOutput {
    let mut document = Vec::new();
    DocumentRow {
        doc,
        title: Cow::Borrowed(""),
        date: "",
        bytes,
        sentences: 0,
        mentions: 0,
        stances: 0,
        status: one_line(reason),
    }
    .write_to(&mut document);
    DocOutput {
        document,
        failed: true,
        bytes,
        ..DocOutput::default()
    }
}

/// The tables being written to an output folder.
pub struct Tables {
    dir: PathBuf,
    files: Vec<BufWriter<tempfile::NamedTempFile>>,
    pairs: BTreeMap<(ActorIdx, TopicIdx), [u64; 3]>,
}

impl Tables {
    /// Creates the output folder if needed and opens a temporary file for each table in it.
    pub fn create(dir: &Path) -> io::Result<Tables> {
        std::fs::create_dir_all(dir)?;
        let mut files = Vec::new();
        for (name, header) in TABLES.iter().zip(HEADERS) {
            let tmp = tempfile::Builder::new()
                .prefix(&format!(".{name}."))
                .suffix(".tmp")
                .tempfile_in(dir)?;
            let mut f = BufWriter::with_capacity(1 << 20, tmp);
            f.write_all(header.as_bytes())?;
            f.write_all(b"\n")?;
            files.push(f);
        }
        Ok(Tables {
            dir: dir.to_path_buf(),
            files,
            pairs: BTreeMap::new(),
        })
    }

    /// Appends one document's rows.
    pub fn append(&mut self, out: &DocOutput) -> io::Result<()> {
        self.files[0].write_all(&out.document)?;
        self.files[1].write_all(&out.sentences)?;
        self.files[2].write_all(&out.mentions)?;
        self.files[3].write_all(&out.stances)?;
        for &(pair, stance) in &out.pairs {
            let c = self.pairs.entry(pair).or_default();
            c[stance as usize] += 1;
        }
        Ok(())
    }

    /// Writes `actor_topic.csv`, flushes and syncs every table, and renames them into place.
    pub fn commit(mut self, lexicon: &Lexicon) -> io::Result<()> {
        let mut rows: Vec<(&str, &str, &str, [u64; 3])> = self
            .pairs
            .iter()
            .map(|(&(h, t), &c)| {
                let actor = lexicon.actor(h);
                (
                    actor.id.as_str(),
                    lexicon.actor(actor.affiliation).id.as_str(),
                    lexicon.topic(t).id.as_str(),
                    c,
                )
            })
            .collect();
        rows.sort_unstable();
        {
            let mut buf = Vec::new();
            for (holder, affiliation, topic, c) in rows {
                ActorTopicRow {
                    holder,
                    affiliation,
                    topic,
                    support: c[0],
                    reject: c[1],
                    conditional: c[2],
                    total: c.iter().sum(),
                }
                .write_to(&mut buf);
            }
            self.files[4].write_all(&buf)?;
        }
        let mut temps = Vec::new();
        for f in self.files {
            let tmp = f.into_inner().map_err(|e| e.into_error())?;
            // Temporary files are private (0600); tables are ordinary files (0644 before umask).
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                tmp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644))?;
            }
            tmp.as_file().sync_all()?;
            temps.push(tmp);
        }
        for (tmp, name) in temps.into_iter().zip(TABLES) {
            tmp.persist(self.dir.join(name)).map_err(|e| e.error)?;
        }
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_of<T: Serialize>(row: T) -> String {
        let mut w = csv::WriterBuilder::new()
            .has_headers(true)
            .from_writer(Vec::new());
        w.serialize(row).unwrap();
        let bytes = w.into_inner().unwrap();
        String::from_utf8(bytes)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string()
    }

    #[test]
    fn headers_match_the_row_structs() {
        let doc = DocumentRow {
            doc: "",
            title: "".into(),
            date: "",
            bytes: 0,
            sentences: 0,
            mentions: 0,
            stances: 0,
            status: "".into(),
        };
        let sent = SentenceRow {
            doc: "",
            sentence: 0,
            start: 0,
            end: 0,
            text: "".into(),
        };
        let men = MentionRow {
            doc: "",
            sentence: 0,
            start: 0,
            end: 0,
            kind: "",
            id: "",
            text: "".into(),
        };
        let st = StanceRow {
            doc: "",
            sentence: 0,
            start: 0,
            end: 0,
            holder: "",
            affiliation: "",
            topic: "",
            stance: Stance::Support,
            cue: "".into(),
            text: "".into(),
        };
        let at = ActorTopicRow {
            holder: "",
            affiliation: "",
            topic: "",
            support: 0,
            reject: 0,
            conditional: 0,
            total: 0,
        };
        assert_eq!(
            [
                header_of(doc),
                header_of(sent),
                header_of(men),
                header_of(st),
                header_of(at)
            ],
            HEADERS.map(String::from)
        );
    }

    fn serde_bytes<T: Serialize>(row: &T) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.serialize(row).unwrap();
        w.into_inner().unwrap()
    }

    #[test]
    fn hand_written_rows_are_the_csv_crates_bytes() {
        let nasty = [
            "",
            "plain",
            "a,b",
            "say \"no\"",
            "\"",
            "line\nbreak",
            "cr\rhere",
            "tail,",
            "’curly’ – dash",
            "=SUM(A1)",
            " spaced ",
        ];
        for (i, a) in nasty.iter().enumerate() {
            let b = nasty[(i * 7 + 3) % nasty.len()];
            let n = (i as u64) * 1_234_567_891;
            let rows: Vec<(Vec<u8>, Vec<u8>)> = vec![
                {
                    let r = DocumentRow {
                        doc: a,
                        title: Cow::Borrowed(b),
                        date: a,
                        bytes: n,
                        sentences: i,
                        mentions: 0,
                        stances: usize::MAX,
                        status: Cow::Borrowed(b),
                    };
                    let mut v = Vec::new();
                    r.write_to(&mut v);
                    (v, serde_bytes(&r))
                },
                {
                    let r = StanceRow {
                        doc: b,
                        sentence: i,
                        start: u32::MAX,
                        end: 0,
                        holder: a,
                        affiliation: b,
                        topic: a,
                        stance: [Stance::Support, Stance::Reject, Stance::Conditional][i % 3],
                        cue: Cow::Borrowed(a),
                        text: Cow::Borrowed(b),
                    };
                    let mut v = Vec::new();
                    r.write_to(&mut v);
                    (v, serde_bytes(&r))
                },
                {
                    let r = MentionRow {
                        doc: a,
                        sentence: 0,
                        start: 10,
                        end: 99,
                        kind: "actor",
                        id: b,
                        text: Cow::Borrowed(a),
                    };
                    let mut v = Vec::new();
                    r.write_to(&mut v);
                    (v, serde_bytes(&r))
                },
                {
                    let r = SentenceRow {
                        doc: b,
                        sentence: 7,
                        start: 1,
                        end: 2,
                        text: Cow::Borrowed(a),
                    };
                    let mut v = Vec::new();
                    r.write_to(&mut v);
                    (v, serde_bytes(&r))
                },
                {
                    let r = ActorTopicRow {
                        holder: a,
                        affiliation: b,
                        topic: "ceasefire",
                        support: n,
                        reject: 1,
                        conditional: 0,
                        total: n + 1,
                    };
                    let mut v = Vec::new();
                    r.write_to(&mut v);
                    (v, serde_bytes(&r))
                },
            ];
            for (mine, theirs) in rows {
                assert_eq!(
                    String::from_utf8_lossy(&mine),
                    String::from_utf8_lossy(&theirs),
                    "fields {a:?} / {b:?}"
                );
            }
        }
    }

    #[test]
    fn one_line_replaces_line_breaks_only() {
        assert_eq!(one_line("a  b"), "a  b");
        assert_eq!(
            one_line("security\r\n  guarantees now"),
            "security guarantees now"
        );
        assert_eq!(one_line("a\n\nb\n"), "a b");
    }

    #[test]
    fn uncommitted_tables_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut t = Tables::create(dir.path()).unwrap();
            t.append(&render_failure("x.txt", 3, "cannot read"))
                .unwrap();
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
