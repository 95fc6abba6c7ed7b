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
use std::io::{self, BufRead, BufWriter, Write};
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
    /// `ok`, `skipped: …` (not an article: binary, too large) or `failed: …` (unreadable).
    pub status: Cow<'a, str>,
    /// SHA-256 of the file's bytes (what identifies an article when appending), or empty
    /// when the file could not be read.
    pub sha256: &'a str,
    /// How the bytes were decoded (`utf-8`, `windows-1252`, …).
    pub encoding: &'a str,
    /// The file's path, absolute, as it was when read.
    pub source: &'a str,
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
    "doc,title,date,bytes,sentences,mentions,stances,status,sha256,encoding,source",
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

/// Does a field need quotes: does it hold `,`, `"`, CR or LF?
fn needs_quotes(s: &[u8]) -> bool {
    if s.len() < 16 {
        s.iter().any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    } else {
        memchr::memchr3(b',', b'"', b'\n', s).is_some() || memchr::memchr(b'\r', s).is_some()
    }
}

/// Appends one CSV field.
fn field(out: &mut Vec<u8>, s: &[u8]) {
    if !needs_quotes(s) {
        out.extend_from_slice(s);
        return;
    }
    quoted(out, s);
}

/// Appends `s` in quotes, its quotes doubled.
fn quoted(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    quoted_body(out, s);
}

/// Appends `s` with its quotes doubled, then the closing quote.
fn quoted_body(out: &mut Vec<u8>, s: &[u8]) {
    let mut rest = s;
    while let Some(i) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=i]);
        out.push(b'"');
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Does a cell need the formula guard: does it start with `=`, `+`, `-`, `@`, a tab or a
/// carriage return (what spreadsheets read as the start of a formula), after any number of
/// guard quotes?
///
/// The first byte decides, unless it is a guard quote (most cells start with a letter or a
/// digit): the search past guard quotes, an iterator set up for every cell, cost about 20
/// instructions a cell of the mention rows.
#[inline]
fn needs_guard(s: &str) -> bool {
    let first = match s.as_bytes().first() {
        Some(b'\'') => s.bytes().find(|&b| b != b'\''),
        first => first.copied(),
    };
    matches!(first, Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'))
}

/// The cell's text as written: one `'` put before a cell that spreadsheets would run as a
/// formula ("- Patriot systems", "=HYPERLINK(…)"), as OWASP advises. The rule is exactly
/// reversible: remove one leading `'` from every cell that matches `^'+[=+\-@\t\r]`.
pub fn guard_formula(s: &str) -> Cow<'_, str> {
    if needs_guard(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Appends a text cell, guarded against formulas.
fn text_field(out: &mut Vec<u8>, s: &str) {
    if needs_guard(s) {
        // The field of "'" followed by `s`, written without building that string: the guard
        // quote needs no quoting, so the cell is quoted exactly when `s` needs it, and the
        // guard then opens the quoted text.
        let b = s.as_bytes();
        if needs_quotes(b) {
            out.extend_from_slice(b"\"'");
            quoted_body(out, b);
        } else {
            out.push(b'\'');
            out.extend_from_slice(b);
        }
    } else {
        field(out, s.as_bytes());
    }
}

/// Appends an unsigned number in decimal.
fn number(out: &mut Vec<u8>, n: u64) {
    if n < 10 {
        out.push(b'0' + n as u8);
        return;
    }
    let mut buf = [0u8; 20];
    let i = digits_into(&mut buf, n);
    out.extend_from_slice(&buf[i..]);
}

/// The decimal digits of `n`, two at a time.
const DIGIT_PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566\
676869707172737475767778798081828384858687888990919293949596979899";

/// Writes `n` in decimal into `buf`, its last digit at `buf[end - 1]`; returns where its
/// digits start.
fn digits_before(buf: &mut [u8], end: usize, mut n: u64) -> usize {
    let mut i = end;
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    i
}

/// Writes `n` in decimal at the end of `buf`; returns where its digits start.
fn digits_into(buf: &mut [u8; 20], n: u64) -> usize {
    digits_before(buf, 20, n)
}

/// Appends `a,b,c,`: the three number cells that follow `doc` in the sentence, mention and
/// stance rows, each with its comma, in one copy. Written from the end of a buffer, the last
/// number first, so no digit count is needed. Inlined into the row loops: as a call it
/// saved registers and passed the numbers through memory, about 15 of its 120 instructions.
#[inline(always)]
fn three_numbers(out: &mut Vec<u8>, nums: [u64; 3]) {
    let mut row = [0u8; 64];
    let mut at = row.len();
    for &n in nums.iter().rev() {
        at -= 1;
        row[at] = b',';
        at = digits_before(&mut row, at, n);
    }
    out.extend_from_slice(&row[at..]);
}

/// Appends a text cell as the rows write it: [`one_line`], then [`text_field`]. Text with
/// no line break, no character that needs quoting and no formula start (most sentences) is
/// copied after one scan; text with no line break is its own one-line form, so a comma or a
/// quote only needs the quoting. Inlined into the row loops, like [`three_numbers`].
#[inline(always)]
fn text_cell(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    // A longer text with no quote and no line break (most sentences): the cell is the text,
    // in quotes if it holds a comma. One scan for those three bytes and the comma
    // ([`quote_break_comma`]), where a sentence with a comma was scanned up to it, then
    // whole for line breaks, then whole again for quotes to double.
    if b.len() >= 16
        && let (false, comma) = quote_break_comma(b)
    {
        if needs_guard(s) {
            text_field(out, s);
        } else if comma {
            out.push(b'"');
            out.extend_from_slice(b);
            out.push(b'"');
        } else {
            out.extend_from_slice(b);
        }
        return;
    }
    let plain = if b.len() < 16 {
        !b.iter().any(|&c| matches!(c, b',' | b'"' | b'\n' | b'\r'))
    } else {
        memchr::memchr3(b',', b'"', b'\n', b).is_none() && memchr::memchr(b'\r', b).is_none()
    };
    if plain && !needs_guard(s) {
        out.extend_from_slice(b);
    } else if !plain && !needs_guard(s) && memchr::memchr2(b'\n', b'\r', b).is_none() {
        quoted(out, b);
    } else {
        text_field(out, &one_line(s));
    }
}

/// Does `b` (16 bytes or more) hold a quote or a line break, and does it hold a comma? One
/// pass, 16 bytes a vector step (the last step over the last 16 bytes), where memchr made
/// one search for the first three and another for the comma, each with its set-up (about
/// 200 instructions for a sentence of 100 bytes, now about 80).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn quote_break_comma(b: &[u8]) -> (bool, bool) {
    // SAFETY: `sse2_quote_break_comma` requires nothing but the SSE2 feature, which this
    // build enables (the `cfg` above; every x86-64 target has it).
    unsafe { sse2_quote_break_comma(b) }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn sse2_quote_break_comma(b: &[u8]) -> (bool, bool) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_setzero_si128,
    };
    let mut special = _mm_setzero_si128();
    let mut comma = _mm_setzero_si128();
    let mut test = |chunk: &[u8]| {
        if chunk.len() < 16 {
            return;
        }
        // SAFETY: `chunk` holds at least 16 bytes of a live slice (tested above), and
        // `_mm_loadu_si128` reads 16 bytes from its pointer, with no alignment required.
        let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
        let is = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
        special = _mm_or_si128(
            special,
            _mm_or_si128(is(b'"'), _mm_or_si128(is(b'\n'), is(b'\r'))),
        );
        comma = _mm_or_si128(comma, is(b','));
    };
    let mut chunks = b.chunks_exact(16);
    for c in &mut chunks {
        test(c);
    }
    if !chunks.remainder().is_empty() {
        test(b.get(b.len().saturating_sub(16)..).unwrap_or_default());
    }
    (
        _mm_movemask_epi8(special) != 0,
        _mm_movemask_epi8(comma) != 0,
    )
}

/// Does `b` hold a quote or a line break, and does it hold a comma? (By memchr where there
/// is no SSE2.)
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn quote_break_comma(b: &[u8]) -> (bool, bool) {
    (
        memchr::memchr3(b'"', b'\n', b'\r', b).is_some(),
        memchr::memchr(b',', b).is_some(),
    )
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
    (@field $out:ident, str, $v:expr) => { text_field($out, AsRef::<str>::as_ref(&$v)) };
    (@field $out:ident, num, $v:expr) => { number($out, $v as u64) };
}

impl CsvRow for DocumentRow<'_> {
    fn write_to(&self, out: &mut Vec<u8>) {
        csv_row!(out; str self.doc, str self.title, str self.date, num self.bytes,
            num self.sentences, num self.mentions, num self.stances, str self.status,
            str self.sha256, str self.encoding, str self.source);
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
/// one space (a run at the end is dropped).
///
/// Found from the line breaks: each one's white-space run is widened around it and the text
/// between runs copied whole (property-tested against a character-by-character reading).
pub fn one_line(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let Some(mut at) = memchr::memchr2(b'\n', b'\r', bytes) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    // `s[..copied]` is written; `at` is a line break at or after it.
    let mut copied = 0;
    loop {
        let mut run_start = at;
        while let Some(c) = crate::text::char_before(s, run_start)
            && c.is_whitespace()
        {
            run_start -= c.len_utf8();
        }
        let mut run_end = at;
        while let Some(c) = crate::text::char_at(s, run_end)
            && c.is_whitespace()
        {
            run_end += c.len_utf8();
        }
        out.push_str(s.get(copied..run_start).unwrap_or(""));
        if run_end < s.len() {
            out.push(' ');
        }
        copied = run_end;
        match memchr::memchr2(b'\n', b'\r', &bytes[run_end..]) {
            Some(k) => at = run_end + k,
            None => break,
        }
    }
    out.push_str(s.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// What the `documents.csv` row says about a file besides its analysis.
#[derive(Clone, Copy, Debug)]
pub struct DocMeta<'a> {
    /// Document name.
    pub doc: &'a str,
    /// Size on disk.
    pub bytes: u64,
    /// SHA-256 of the bytes, or "".
    pub sha256: &'a str,
    /// How the bytes were decoded, or "".
    pub encoding: &'a str,
    /// Absolute path of the file.
    pub source: &'a str,
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
    /// The `status` cell: `ok`, or why not.
    pub status: String,
    /// Did the document fail (or was it skipped)?
    pub failed: bool,
    /// Bytes of input.
    pub bytes: u64,
    /// SHA-256 of the file, or "" when it could not be read.
    pub sha256: String,
    /// A warning for the user (a legacy encoding, replaced bytes).
    pub warning: Option<String>,
}

/// The `cue` cell: the cue words, negator and condition marker, in order; contiguous pieces
/// are given as they stand, others joined with " … ".
#[cfg(test)]
fn cue_text<'a>(text: &'a str, r: &Record) -> Cow<'a, str> {
    let mut out = String::new();
    cue_text_into(text, r, &mut Vec::new(), &mut out);
    Cow::Owned(one_line(&out).into_owned())
}

/// The text of the `cue` cell before [`one_line`], appended to `out`; `spans` is scratch
/// space (both are kept across the records of a document, which allocates nothing once they
/// have grown).
fn cue_text_into(text: &str, r: &Record, spans: &mut Vec<(u32, u32)>, out: &mut String) {
    spans.clear();
    spans.extend_from_slice(&r.cue_spans);
    if let Some(c) = r.condition {
        spans.push(c);
    }
    spans.sort_unstable();
    spans.dedup();
    let get = |(a, b): (u32, u32)| text.get(a as usize..b as usize).unwrap_or("");
    let mut prev_end: Option<u32> = None;
    for &(a, b) in spans.iter() {
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
}

/// The short cells of the mention and stance rows (ids, kinds, stances), each rendered once
/// per lexicon with its comma, so that a row copies them instead of checking every id for
/// quotes and formula starts again.
#[derive(Clone, Debug, Default)]
pub struct Cells {
    /// Per actor: `actor,<id>,`, the kind and id cells of a mention row.
    actor_mention: Vec<Vec<u8>>,
    /// Per topic: `topic,<id>,`.
    topic_mention: Vec<Vec<u8>>,
    /// Per actor: `<id>,<affiliation id>,`, the holder and affiliation cells of a stance row.
    holder: Vec<Vec<u8>>,
    /// Per topic: `<id>,`.
    topic: Vec<Vec<u8>>,
    /// Per stance (in the order of [`Stance`]'s values): `<stance>,`.
    stance: Vec<Vec<u8>>,
}

/// Appends `prefix`, then each of `parts` as a cell followed by its comma: the short cells
/// of mention and stance rows.
fn short_cells(out: &mut Vec<u8>, prefix: &[u8], parts: &[&str]) {
    out.extend_from_slice(prefix);
    for p in parts {
        text_field(out, p);
        out.push(b',');
    }
}

impl Cells {
    /// The cells of `lexicon`'s actors, topics and stances.
    pub fn new(lexicon: &Lexicon) -> Cells {
        let with_kind = |kind: &[u8], id: &str| {
            let mut out = Vec::new();
            short_cells(&mut out, kind, &[id]);
            out
        };
        let cells = |parts: &[&str]| {
            let mut out = Vec::new();
            short_cells(&mut out, b"", parts);
            out
        };
        Cells {
            actor_mention: lexicon
                .actors
                .iter()
                .map(|a| with_kind(b"actor,", &a.id))
                .collect(),
            topic_mention: lexicon
                .topics
                .iter()
                .map(|t| with_kind(b"topic,", &t.id))
                .collect(),
            holder: lexicon
                .actors
                .iter()
                .map(|a| cells(&[&a.id, &lexicon.actor(a.affiliation).id]))
                .collect(),
            topic: lexicon.topics.iter().map(|t| cells(&[&t.id])).collect(),
            stance: {
                // Indexed by the value's number, whatever order the values are declared in.
                let all = [Stance::Support, Stance::Reject, Stance::Conditional];
                let mut v = vec![Vec::new(); all.len()];
                for st in all {
                    if let Some(c) = v.get_mut(st as usize) {
                        *c = cells(&[st.as_str()]);
                    }
                }
                v
            },
        }
    }
}

/// Renders one analysed document (building the lexicon's [`Cells`] first: a run builds
/// them once and calls [`render_with`]).
pub fn render(lexicon: &Lexicon, meta: &DocMeta, text: &str, a: &Analysis) -> DocOutput {
    render_with(&Cells::new(lexicon), lexicon, meta, text, a)
}

/// Renders one analysed document with the cells of its lexicon.
pub fn render_with(
    cells: &Cells,
    lexicon: &Lexicon,
    meta: &DocMeta,
    text: &str,
    a: &Analysis,
) -> DocOutput {
    let doc = meta.doc;
    let mut out = DocOutput {
        bytes: meta.bytes,
        status: "ok".to_string(),
        sha256: meta.sha256.to_string(),
        ..DocOutput::default()
    };
    // The rows are written cell by cell here rather than through the row structs (the same
    // bytes, tested): every row of a document starts with the same `doc` cell, written once,
    // and the three numbers after it are one copy.
    let mut doc_cell = Vec::with_capacity(doc.len() + 3);
    text_field(&mut doc_cell, doc);
    doc_cell.push(b',');
    let text_bytes: usize = a.sentences.iter().map(|s| (s.end - s.start) as usize).sum();
    out.sentences
        .reserve(text_bytes + a.sentences.len() * (doc_cell.len() + 24));
    // Where each sentence's row and text cell stand in `out.sentences`: a stance row starts
    // with the same cells (doc, sentence, start, end) and ends with the same text cell (its
    // evidence), copied from there, not rendered (the numbers written, the text scanned for
    // quoting) again.
    let mut sentence_rows: Vec<[usize; 3]> = Vec::with_capacity(a.sentences.len());
    for (i, s) in a.sentences.iter().enumerate() {
        let o = &mut out.sentences;
        let row_start = o.len();
        o.extend_from_slice(&doc_cell);
        three_numbers(o, [i as u64, s.start.into(), s.end.into()]);
        let cell_start = o.len();
        text_cell(o, s.text(text));
        sentence_rows.push([row_start, cell_start, o.len()]);
        o.push(b'\n');
    }
    // Room for every row, so that the buffers are not grown (and copied) row by row: a row
    // is its doc cell, three numbers (at most 11 bytes each with their commas), its short
    // cells (ids: a few dozen bytes) and its text cells (their bytes, plus quotes).
    let mention_bytes: usize = a
        .mentions
        .iter()
        .map(|(_, h)| (h.end - h.start) as usize)
        .sum();
    out.mentions
        .reserve(mention_bytes + a.mentions.len() * (doc_cell.len() + 80));
    let record_bytes: usize = a
        .tagged
        .records
        .iter()
        .map(|r| {
            let s = a.sentences[r.sentence];
            (s.end - s.start) as usize
        })
        .sum();
    out.stances
        .reserve(record_bytes + a.tagged.records.len() * (doc_cell.len() + 200));
    // A lexicon index past the cells (never the case: cells are built from the same
    // lexicon) falls back to rendering the cell here.
    let mut spare = Vec::new();
    for (si, h) in &a.mentions {
        let kind_id: &[u8] = match h.target {
            Target::Actor(x) => match cells.actor_mention.get(x.index()) {
                Some(c) => c,
                None => {
                    spare.clear();
                    short_cells(&mut spare, b"actor,", &[&lexicon.actor(x).id]);
                    &spare
                }
            },
            Target::Topic { topic, .. } => match cells.topic_mention.get(topic.index()) {
                Some(c) => c,
                None => {
                    spare.clear();
                    short_cells(&mut spare, b"topic,", &[&lexicon.topic(topic).id]);
                    &spare
                }
            },
            _ => continue,
        };
        let words = text.get(h.start as usize..h.end as usize).unwrap_or("");
        let o = &mut out.mentions;
        o.extend_from_slice(&doc_cell);
        three_numbers(o, [*si as u64, h.start.into(), h.end.into()]);
        o.extend_from_slice(kind_id);
        text_cell(o, words);
        o.push(b'\n');
    }
    let mut cue = String::new();
    let mut cue_spans = Vec::new();
    for r in &a.tagged.records {
        let s = a.sentences[r.sentence];
        let o = &mut out.stances;
        let row = sentence_rows.get(r.sentence);
        match row.and_then(|&[a, b, _]| out.sentences.get(a..b)) {
            Some(cells) => o.extend_from_slice(cells),
            None => {
                o.extend_from_slice(&doc_cell);
                three_numbers(o, [r.sentence as u64, s.start.into(), s.end.into()]);
            }
        }
        match (
            cells.holder.get(r.holder.index()),
            cells.topic.get(r.topic.index()),
            cells.stance.get(r.stance as usize),
        ) {
            (Some(h), Some(t), Some(st)) => {
                o.extend_from_slice(h);
                o.extend_from_slice(t);
                o.extend_from_slice(st);
            }
            _ => {
                let holder = lexicon.actor(r.holder);
                short_cells(
                    o,
                    b"",
                    &[
                        &holder.id,
                        &lexicon.actor(holder.affiliation).id,
                        &lexicon.topic(r.topic).id,
                        r.stance.as_str(),
                    ],
                );
            }
        }
        // `text_cell` is `one_line`, then `text_field`: what the cell was written with.
        cue.clear();
        cue_text_into(text, r, &mut cue_spans, &mut cue);
        text_cell(o, &cue);
        o.push(b',');
        match row.and_then(|&[_, b, c]| out.sentences.get(b..c)) {
            Some(cell) => o.extend_from_slice(cell),
            None => text_cell(o, s.text(text)),
        }
        o.push(b'\n');
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
        bytes: meta.bytes,
        sentences: a.sentences.len(),
        mentions: a.mentions.len(),
        stances: a.tagged.records.len(),
        status: Cow::Borrowed("ok"),
        sha256: meta.sha256,
        encoding: meta.encoding,
        source: meta.source,
    }
    .write_to(&mut out.document);
    out
}

/// Renders the `documents.csv` row of a document that could not be analysed (`status` says
/// why).
pub fn render_failure(meta: &DocMeta, status: &str) -> DocOutput {
    let mut document = Vec::new();
    DocumentRow {
        doc: meta.doc,
        title: Cow::Borrowed(""),
        date: "",
        bytes: meta.bytes,
        sentences: 0,
        mentions: 0,
        stances: 0,
        status: one_line(status),
        sha256: meta.sha256,
        encoding: meta.encoding,
        source: meta.source,
    }
    .write_to(&mut document);
    DocOutput {
        document,
        status: status.to_string(),
        failed: true,
        bytes: meta.bytes,
        sha256: meta.sha256.to_string(),
        ..DocOutput::default()
    }
}

/// The tables being written into a staged generation (see [`crate::store`]).
pub struct Tables {
    files: Vec<BufWriter<File>>,
    pairs: BTreeMap<(ActorIdx, TopicIdx), [u64; 3]>,
    documents: u64,
    /// The thread of [`Tables::sync_behind`], once started, and how to wake it.
    syncer: Option<(std::sync::mpsc::Sender<()>, std::thread::JoinHandle<()>)>,
    /// Bytes of rows appended since the last sync was asked for.
    unsynced: usize,
}

/// How many bytes of rows [`Tables::sync_behind`] lets pile up before it asks for a sync:
/// each sync also flushes the disk's cache, so one per batch (about 3 MB of rows) cost more
/// system time than it saved waiting.
const SYNC_EVERY: usize = 32 << 20;

/// Why rows of existing tables could not be carried over.
#[derive(Debug, thiserror::Error)]
pub enum CarryError {
    /// Reading or writing failed.
    #[error("{0}: {1}")]
    Io(PathBuf, io::Error),
    /// The table is not as this version writes it.
    #[error("{0}: {1}")]
    Format(PathBuf, String),
}

/// Reads the next CSV record of `r` (with its line end) into `buf`: up to a line feed outside
/// quotes. Returns false at the end.
fn next_record(r: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<bool> {
    buf.clear();
    loop {
        let n = r.read_until(b'\n', buf)?;
        if n == 0 {
            return Ok(!buf.is_empty());
        }
        // Quotes come in pairs inside a quoted field, so an odd count means the line feed
        // just read is inside a field.
        if buf.iter().filter(|&&b| b == b'"').count() % 2 == 0 {
            return Ok(true);
        }
    }
}

/// The first `n` fields of one CSV record as written by [`CsvRow`] (line end included or not),
/// quotes removed. A hand-written reader: building a `csv::Reader` for each carried row made
/// appending to a million-row table take seconds.
fn record_fields(record: &[u8], n: usize) -> Vec<Cow<'_, str>> {
    let record = record.strip_suffix(b"\n").unwrap_or(record);
    let record = record.strip_suffix(b"\r").unwrap_or(record);
    let mut fields = Vec::with_capacity(n);
    let mut i = 0;
    while fields.len() < n && i <= record.len() {
        if record.get(i) == Some(&b'"') {
            let mut value = Vec::new();
            i += 1;
            while i < record.len() {
                if record[i] == b'"' {
                    if record.get(i + 1) == Some(&b'"') {
                        value.push(b'"');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                value.push(record[i]);
                i += 1;
            }
            // Anything between the closing quote and the comma is kept, as the csv crate does.
            let end = next_comma(record, i);
            value.extend_from_slice(&record[i..end]);
            fields.push(Cow::Owned(String::from_utf8_lossy(&value).into_owned()));
            i = end + 1;
        } else {
            let end = next_comma(record, i);
            fields.push(String::from_utf8_lossy(&record[i..end]));
            i = end + 1;
        }
    }
    fields
}

/// The index of the next comma at or after `from`, or the end of `record`.
fn next_comma(record: &[u8], from: usize) -> usize {
    let from = from.min(record.len());
    memchr::memchr(b',', &record[from..]).map_or(record.len(), |p| from + p)
}

/// Removes the formula guard of [`guard_formula`] from a cell read back.
pub fn unguard_formula(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

/// The rows a document gives table `t` (0 to 3: documents, sentences, mentions, stances).
fn table_rows(o: &DocOutput, t: usize) -> &[u8] {
    match t {
        0 => &o.document,
        1 => &o.sentences,
        2 => &o.mentions,
        _ => &o.stances,
    }
}

/// Writes every byte of `bufs`, in order (`Write::write_all_vectored` is not stable).
fn write_all_vectored(w: &mut File, mut bufs: &mut [io::IoSlice<'_>]) -> io::Result<()> {
    while !bufs.is_empty() {
        match w.write_vectored(bufs) {
            Ok(0) => {
                return Err(io::Error::new(
                    io::ErrorKind::WriteZero,
                    "failed to write whole buffer",
                ));
            }
            Ok(n) => io::IoSlice::advance_slices(&mut bufs, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

impl Tables {
    /// Creates the five table files, with their headers, in folder `dir`.
    pub fn create(dir: &Path) -> io::Result<Tables> {
        let mut files = Vec::new();
        for (name, header) in TABLES.iter().zip(HEADERS) {
            let mut f = BufWriter::with_capacity(1 << 20, File::create(dir.join(name))?);
            f.write_all(header.as_bytes())?;
            f.write_all(b"\n")?;
            files.push(f);
        }
        Ok(Tables {
            files,
            pairs: BTreeMap::new(),
            documents: 0,
            syncer: None,
            unsynced: 0,
        })
    }

    /// Asks a thread of its own to write what the tables hold so far to disk (`fdatasync`
    /// of each file, errors left to [`Tables::finish`]'s sync), while the run goes on: the
    /// sync at the end then only waits for the last rows, where it waited for all of them
    /// with the cores idle (about 0.15 s over 100 MB of articles, 280 MB of tables, on this
    /// virtual disk). Called after each batch, it asks once [`SYNC_EVERY`] bytes of rows
    /// have been appended since it last did; a request made while a sync is under way is
    /// served by the next one. The thread is started at the first request; when it cannot
    /// be (or the files cannot be shared with it), the tables are synced at the end only.
    pub fn sync_behind(&mut self) {
        if self.unsynced < SYNC_EVERY {
            return;
        }
        self.unsynced = 0;
        if self.syncer.is_none() {
            let Ok(files) = self
                .files
                .iter()
                .map(|f| f.get_ref().try_clone())
                .collect::<io::Result<Vec<File>>>()
            else {
                return;
            };
            let (tx, rx) = std::sync::mpsc::channel::<()>();
            let spawned = std::thread::Builder::new()
                .name("stancemap-sync".to_string())
                .spawn(move || {
                    while rx.recv().is_ok() {
                        while rx.try_recv().is_ok() {}
                        for f in &files {
                            let _ = f.sync_data();
                        }
                    }
                });
            match spawned {
                Ok(handle) => self.syncer = Some((tx, handle)),
                Err(_) => return,
            }
        }
        if let Some((tx, _)) = &self.syncer {
            let _ = tx.send(());
        }
    }

    /// Copies the rows of the tables in folder `old` whose document `keep` accepts, byte for
    /// byte and in their order, counting their stance records for `actor_topic.csv`.
    pub fn carry(
        &mut self,
        old: &Path,
        lexicon: &Lexicon,
        keep: impl Fn(&str) -> bool,
    ) -> Result<(), CarryError> {
        let mut record = Vec::new();
        for (t, name) in TABLES.iter().enumerate().take(4) {
            let path = old.join(name);
            let io_err = |e| CarryError::Io(path.clone(), e);
            let mut r = io::BufReader::with_capacity(1 << 20, File::open(&path).map_err(io_err)?);
            next_record(&mut r, &mut record).map_err(io_err)?;
            if record.strip_suffix(b"\n") != Some(HEADERS[t].as_bytes()) {
                return Err(CarryError::Format(
                    path.clone(),
                    format!("its header is not {:?}", HEADERS[t]),
                ));
            }
            while next_record(&mut r, &mut record).map_err(io_err)? {
                let fields = record_fields(&record, if t == 3 { 8 } else { 1 });
                let Some(doc) = fields.first() else {
                    continue;
                };
                if !keep(unguard_formula(doc.as_ref())) {
                    continue;
                }
                if t == 3 {
                    // doc,sentence,start,end,holder,affiliation,topic,stance,…
                    let ids = (
                        fields.get(4).and_then(|h| lexicon.actor_by_id(h.as_ref())),
                        fields.get(6).and_then(|t| lexicon.topic_by_id(t.as_ref())),
                        fields.get(7).and_then(|s| Stance::parse(s.as_ref())),
                    );
                    let (Some(h), Some(tp), Some(st)) = ids else {
                        return Err(CarryError::Format(
                            path.clone(),
                            format!(
                                "a stance row names an actor, topic or stance these lexicons \
                                 do not have: {}",
                                String::from_utf8_lossy(&record).trim_end()
                            ),
                        ));
                    };
                    self.pairs.entry((h, tp)).or_default()[st as usize] += 1;
                }
                if t == 0 {
                    self.documents += 1;
                }
                self.files[t].write_all(&record).map_err(io_err)?;
            }
        }
        Ok(())
    }

    /// Appends one document's rows.
    pub fn append(&mut self, out: &DocOutput) -> io::Result<()> {
        self.unsynced += (0..4).map(|t| table_rows(out, t).len()).sum::<usize>();
        self.files[0].write_all(&out.document)?;
        self.files[1].write_all(&out.sentences)?;
        self.files[2].write_all(&out.mentions)?;
        self.files[3].write_all(&out.stances)?;
        for &(pair, stance) in &out.pairs {
            let c = self.pairs.entry(pair).or_default();
            c[stance as usize] += 1;
        }
        self.documents += 1;
        Ok(())
    }

    /// [`Tables::append`] for several documents, in order. A table's rows of the batch
    /// are written with `writev` from the documents' own buffers, not copied into the
    /// table's buffer first (the 280 MB of tables of 100 MB of articles were copied once
    /// more that way); a table with few bytes in the batch takes the buffered path.
    pub fn append_all(&mut self, outs: &[&DocOutput]) -> io::Result<()> {
        /// Below this, a table's rows of the batch are copied into its buffer.
        const VECTORED_BYTES: usize = 64 << 10;
        let mut slices: Vec<io::IoSlice<'_>> = Vec::with_capacity(outs.len());
        for t in 0..4 {
            let total: usize = outs.iter().map(|o| table_rows(o, t).len()).sum();
            self.unsynced += total;
            let file = &mut self.files[t];
            if total < VECTORED_BYTES {
                for o in outs {
                    file.write_all(table_rows(o, t))?;
                }
                continue;
            }
            slices.clear();
            slices.extend(
                outs.iter()
                    .map(|o| table_rows(o, t))
                    .filter(|b| !b.is_empty())
                    .map(io::IoSlice::new),
            );
            // What the buffer holds (the header, carried rows) goes first.
            file.flush()?;
            write_all_vectored(file.get_mut(), &mut slices)?;
        }
        for o in outs {
            for &(pair, stance) in &o.pairs {
                let c = self.pairs.entry(pair).or_default();
                c[stance as usize] += 1;
            }
            self.documents += 1;
        }
        Ok(())
    }

    /// Rows of `documents.csv` so far.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Writes `actor_topic.csv`, then flushes and syncs every table.
    pub fn finish(mut self, lexicon: &Lexicon) -> io::Result<()> {
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
        // The sync thread's last sync is waited for: the files are synced once more below.
        if let Some((tx, handle)) = self.syncer.take() {
            drop(tx);
            let _ = handle.join();
        }
        let files = self
            .files
            .into_iter()
            .map(|f| f.into_inner().map_err(|e| e.into_error()))
            .collect::<io::Result<Vec<File>>>()?;
        // The five syncs are waited for at once, not one after another (each waits for the
        // disk: 20 ms in all on this virtual disk, with every core idle at the end of a run).
        // (A file whose thread cannot be started is synced here.)
        std::thread::scope(|scope| {
            let syncs: Vec<_> = files
                .iter()
                .map(|file| {
                    std::thread::Builder::new()
                        .spawn_scoped(scope, move || file.sync_all())
                        .map_err(|_| file)
                })
                .collect();
            syncs.into_iter().try_for_each(|sync| match sync {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|_| Err(io::Error::other("sync failed"))),
                Err(file) => file.sync_all(),
            })
        })
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
            sha256: "",
            encoding: "",
            source: "",
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

    fn doc_row<'x>(a: &'x str, b: &'x str, i: usize) -> DocumentRow<'x> {
        DocumentRow {
            doc: a,
            title: Cow::Borrowed(b),
            date: a,
            bytes: (i as u64) * 1_234_567_891,
            sentences: i,
            mentions: 0,
            stances: usize::MAX,
            status: Cow::Borrowed(b),
            sha256: a,
            encoding: b,
            source: a,
        }
    }

    fn stance_row<'x>(a: &'x str, b: &'x str, i: usize) -> StanceRow<'x> {
        StanceRow {
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
        }
    }

    fn mention_row<'x>(a: &'x str, b: &'x str, _: usize) -> MentionRow<'x> {
        MentionRow {
            doc: a,
            sentence: 0,
            start: 10,
            end: 99,
            kind: "actor",
            id: b,
            text: Cow::Borrowed(a),
        }
    }

    fn sentence_row<'x>(a: &'x str, b: &'x str, _: usize) -> SentenceRow<'x> {
        SentenceRow {
            doc: b,
            sentence: 7,
            start: 1,
            end: 2,
            text: Cow::Borrowed(a),
        }
    }

    fn pair_row<'x>(a: &'x str, b: &'x str, i: usize) -> ActorTopicRow<'x> {
        ActorTopicRow {
            holder: a,
            affiliation: b,
            topic: "ceasefire",
            support: i as u64 * 77,
            reject: 1,
            conditional: 0,
            total: i as u64 * 77 + 1,
        }
    }

    /// Our bytes for fields `a`, `b` against the csv crate's for the same fields with the
    /// formula guard applied to every text field.
    fn same_bytes<'x, R: CsvRow + Serialize>(
        make: fn(&'x str, &'x str, usize) -> R,
        a: &'x str,
        b: &'x str,
        ga: &'x str,
        gb: &'x str,
        i: usize,
    ) {
        let mut mine = Vec::new();
        make(a, b, i).write_to(&mut mine);
        let theirs = serde_bytes(&make(ga, gb, i));
        assert_eq!(
            String::from_utf8_lossy(&mine),
            String::from_utf8_lossy(&theirs),
            "fields {a:?} / {b:?}"
        );
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
            "- bullet, with comma",
            "'=already quoted",
            "@handle",
            " spaced ",
        ];
        for (i, a) in nasty.iter().enumerate() {
            let b = nasty[(i * 7 + 3) % nasty.len()];
            let (ga, gb) = (guard_formula(a), guard_formula(b));
            same_bytes(doc_row, a, b, &ga, &gb, i);
            same_bytes(stance_row, a, b, &ga, &gb, i);
            same_bytes(mention_row, a, b, &ga, &gb, i);
            same_bytes(sentence_row, a, b, &ga, &gb, i);
            same_bytes(pair_row, a, b, &ga, &gb, i);
        }
    }

    /// `render` writes its rows cell by cell; they are the row structs' bytes.
    #[test]
    fn rendered_rows_are_the_row_structs_bytes() {
        let engine = crate::pipeline::Engine::new(Lexicon::builtin().unwrap()).unwrap();
        let lexicon = &engine.lexicon;
        let text = "=Kyiv rejects, firmly, any \"ceasefire\" without security guarantees.\n\
                    - Moscow said it backs a ceasefire\r\nin Ukraine, \"for now\".\n\
                    +Washington supports sanctions. NATO troops in Ukraine are a red line for \
                    Russia, the Kremlin said.";
        for doc in ["a.txt", "=b,\"c\".txt", "'-d.txt"] {
            let a = engine.analyze(text);
            assert!(!a.tagged.records.is_empty() && !a.mentions.is_empty());
            let meta = DocMeta {
                doc,
                bytes: text.len() as u64,
                sha256: "ab",
                encoding: "utf-8",
                source: "/x",
            };
            let out = render(lexicon, &meta, text, &a);
            let mut sentences = Vec::new();
            for (i, s) in a.sentences.iter().enumerate() {
                SentenceRow {
                    doc,
                    sentence: i,
                    start: s.start,
                    end: s.end,
                    text: one_line(s.text(text)),
                }
                .write_to(&mut sentences);
            }
            let mut mentions = Vec::new();
            for (si, h) in &a.mentions {
                let (kind, id) = match h.target {
                    Target::Actor(x) => ("actor", lexicon.actor(x).id.as_str()),
                    Target::Topic { topic, .. } => ("topic", lexicon.topic(topic).id.as_str()),
                    _ => continue,
                };
                MentionRow {
                    doc,
                    sentence: *si,
                    start: h.start,
                    end: h.end,
                    kind,
                    id,
                    text: one_line(&text[h.start as usize..h.end as usize]),
                }
                .write_to(&mut mentions);
            }
            let mut stances = Vec::new();
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
                .write_to(&mut stances);
            }
            let show = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
            assert_eq!(show(&out.sentences), show(&sentences));
            assert_eq!(show(&out.mentions), show(&mentions));
            assert_eq!(show(&out.stances), show(&stances));
        }
    }

    #[test]
    fn numbers_are_decimal() {
        for n in [
            0,
            7,
            10,
            99,
            100,
            101,
            999,
            1000,
            65_535,
            u32::MAX as u64,
            u64::MAX,
        ] {
            let mut out = Vec::new();
            number(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
            let mut out = Vec::new();
            three_numbers(&mut out, [n, 5, n / 3]);
            assert_eq!(out, format!("{n},5,{},", n / 3).into_bytes());
        }
    }

    #[test]
    fn formula_cells_are_guarded_and_the_guard_comes_off_exactly() {
        for (cell, written) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("- Patriot systems", "'- Patriot systems"),
            ("+1 more", "'+1 more"),
            ("@user", "'@user"),
            ("\tindented", "'\tindented"),
            ("'=already", "''=already"),
            ("'plain quote'", "'plain quote'"),
            ("a - b", "a - b"),
            ("", ""),
        ] {
            assert_eq!(guard_formula(cell), written, "{cell:?}");
            assert_eq!(unguard_formula(written), cell, "{written:?}");
        }
    }

    /// [`one_line`] read one character at a time: the definition it keeps.
    fn one_line_by_chars(s: &str) -> String {
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
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// A text cell is `one_line`, then `text_field`, whichever shortcut writes it.
        #[test]
        fn text_fields_are_the_fields_of_the_guarded_text(s in "[a-z ,\"\n\r=+@'\té-]{0,40}") {
            let mut fast = Vec::new();
            text_field(&mut fast, &s);
            let mut slow = Vec::new();
            field(&mut slow, guard_formula(&s).as_bytes());
            proptest::prop_assert_eq!(fast, slow);
        }

        /// The guard test by the first byte is the search past every guard quote.
        #[test]
        fn the_guard_is_decided_as_past_every_guard_quote(s in "['=+@\t\r a-z-]{0,8}") {
            let searched = matches!(
                s.bytes().find(|&b| b != b'\''),
                Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
            );
            proptest::prop_assert_eq!(needs_guard(&s), searched);
        }

        #[test]
        fn quotes_breaks_and_commas_are_found_anywhere(
            s in "[a-z ,\"\n\r'é]{16,80}",
            plain in "[a-z é]{16,80}",
            at in 0..80usize,
            mark in "[,\"\n\r]",
        ) {
            let expected = |b: &[u8]| {
                (
                    b.iter().any(|&c| matches!(c, b'"' | b'\n' | b'\r')),
                    b.contains(&b','),
                )
            };
            proptest::prop_assert_eq!(quote_break_comma(s.as_bytes()), expected(s.as_bytes()));
            // One mark in text without any, at every place (the last, overlapping step too).
            let mut one = plain.into_bytes();
            let k = at % one.len();
            one[k] = mark.as_bytes()[0];
            proptest::prop_assert_eq!(quote_break_comma(&one), expected(&one));
        }

        /// Short cells (byte by byte) and long ones (16 bytes a vector step) alike.
        #[test]
        fn text_cells_are_one_line_then_text_field(s in proptest::prop_oneof![
            "[a-z ,\"\n\r=+@'\té-]{0,40}",
            "[a-z ,\"\n\r=+@'\té-]{16,90}",
        ]) {
            let mut fast = Vec::new();
            text_cell(&mut fast, &s);
            let mut slow = Vec::new();
            text_field(&mut slow, &one_line(&s));
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn one_line_is_the_character_reading(
            picks in proptest::collection::vec(0usize..12, 0..40)
        ) {
            const PIECES: [&str; 12] =
                ["a", "Kyiv", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{a0}", "\u{2028}", "é", ","];
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(one_line(&text).into_owned(), one_line_by_chars(&text));
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
    fn carried_fields_are_read_as_the_csv_crate_reads_them() {
        let records: [&[u8]; 8] = [
            b"a,b,c\n",
            b"\"a,1\",\"say \"\"no\"\"\",c\r\n",
            b"\"multi\nline\",x\n",
            b",,\n",
            b"'=1+1,\"\",z",
            b"\"\"",
            b"",
            b"caf\xc3\xa9,\xff,end\n",
        ];
        for record in records {
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(record);
            let want: Vec<String> = match rdr.byte_records().next() {
                Some(Ok(r)) => r
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect(),
                _ => vec![String::new()],
            };
            let got = record_fields(record, 99);
            assert_eq!(got, want, "{:?}", String::from_utf8_lossy(record));
            assert_eq!(record_fields(record, 1), want[..1], "first field only");
        }
    }

    #[test]
    fn carried_rows_keep_their_bytes_and_drop_replaced_documents() {
        let lexicon = Lexicon::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("old"), dir.path().join("new"));
        std::fs::create_dir_all(&old).unwrap();
        std::fs::create_dir_all(&new).unwrap();
        let rows = [
            // documents, sentences, mentions, stances
            "a.txt,A,,10,1,0,1,ok,aa,utf-8,/x/a.txt\n\"b,\"\"odd\"\".txt\",B,,5,1,0,1,ok,bb,utf-8,/x/b.txt\n'-c.txt,C,,3,0,0,0,ok,cc,utf-8,/x/-c.txt\n",
            "a.txt,0,0,5,\"Kyiv said \"\"no\"\",\nfirmly\"\n\"b,\"\"odd\"\".txt\",0,0,4,B.\n",
            "",
            "a.txt,0,0,5,putin,russia,ceasefire,reject,said no,Kyiv said no\n\"b,\"\"odd\"\".txt\",0,0,4,trump,usa,ceasefire,support,b,B.\n",
        ];
        for (t, body) in rows.iter().enumerate() {
            std::fs::write(old.join(TABLES[t]), format!("{}\n{body}", HEADERS[t])).unwrap();
        }
        std::fs::write(old.join(TABLES[4]), format!("{}\n", HEADERS[4])).unwrap();
        let mut tables = Tables::create(&new).unwrap();
        tables
            .carry(&old, &lexicon, |doc| doc != "b,\"odd\".txt")
            .unwrap();
        assert_eq!(tables.documents(), 2);
        tables.finish(&lexicon).unwrap();
        let read = |t: usize| std::fs::read_to_string(new.join(TABLES[t])).unwrap();
        assert_eq!(
            read(0),
            format!(
                "{}\na.txt,A,,10,1,0,1,ok,aa,utf-8,/x/a.txt\n'-c.txt,C,,3,0,0,0,ok,cc,utf-8,/x/-c.txt\n",
                HEADERS[0]
            )
        );
        assert_eq!(
            read(1),
            format!(
                "{}\na.txt,0,0,5,\"Kyiv said \"\"no\"\",\nfirmly\"\n",
                HEADERS[1]
            )
        );
        assert_eq!(
            read(4),
            format!("{}\nputin,russia,ceasefire,0,1,0,1\n", HEADERS[4])
        );
        // A row naming an actor these lexicons do not have cannot be counted: refused.
        std::fs::write(
            old.join(TABLES[3]),
            format!(
                "{}\na.txt,0,0,5,nobody,x,ceasefire,reject,c,t\n",
                HEADERS[3]
            ),
        )
        .unwrap();
        let err = Tables::create(&new)
            .unwrap()
            .carry(&old, &lexicon, |_| true)
            .unwrap_err();
        assert!(err.to_string().contains("these lexicons"), "{err}");
    }

    #[test]
    fn batches_written_at_once_give_the_rows_written_one_by_one() {
        let lexicon = Lexicon::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (one, all) = (dir.path().join("one"), dir.path().join("all"));
        std::fs::create_dir_all(&one).unwrap();
        std::fs::create_dir_all(&all).unwrap();
        // Documents of every size, some tables empty: batches over and under the size that
        // takes the vectored path.
        let outs: Vec<DocOutput> = (0..300)
            .map(|i| {
                let rows = |t: &str, n: usize| -> Vec<u8> {
                    (0..n)
                        .map(|k| format!("d{i},{t},{k},some text of the row\n"))
                        .collect::<String>()
                        .into_bytes()
                };
                DocOutput {
                    document: rows("doc", 1),
                    sentences: rows("sentence", (i * 37) % 400),
                    mentions: rows("mention", (i * 11) % 7),
                    stances: rows("stance", usize::from(i % 5 == 0)),
                    ..Default::default()
                }
            })
            .collect();
        let mut a = Tables::create(&one).unwrap();
        for o in &outs {
            a.append(o).unwrap();
        }
        a.finish(&lexicon).unwrap();
        let mut b = Tables::create(&all).unwrap();
        let refs: Vec<&DocOutput> = outs.iter().collect();
        for batch in refs.chunks(23).chain(std::iter::once(&refs[..0])) {
            b.append_all(batch).unwrap();
            b.sync_behind();
        }
        assert_eq!(b.documents(), 300);
        b.finish(&lexicon).unwrap();
        for name in TABLES {
            let want = std::fs::read(one.join(name)).unwrap();
            let got = std::fs::read(all.join(name)).unwrap();
            assert_eq!(got, want, "{name}");
        }
    }
}
