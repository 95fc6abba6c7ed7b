//! Sentence segmentation: UAX #29 sentence boundaries, repaired for news text.
//!
//! In: a document's text and the abbreviation lexicon. Out: sentence spans, byte offsets into
//! the text, half-open, trimmed of white space, never empty, in order and not overlapping.
//!
//! The raw boundaries are Unicode's (UAX #29, via `unicode-segmentation`), which already end a
//! sentence at every line break, so headlines, bullet items, table rows and list items are
//! sentences of their own. Then boundaries are undone where UAX #29 is wrong for news:
//!
//! - after a title abbreviation ("Mr.", "Gen.", "Sen."), always;
//! - after an abbreviation used before numbers ("Aug.", "No.") when a number follows;
//! - after an acronym ("U.S.", "U.K.") unless the next word usually opens a sentence ("The",
//!   "He"): "U.S. President Donald Trump" is one sentence, "…aid from the U.S. The next day…"
//!   two;
//! - after an initial ("J.", "Kr.", "J.D.") between two capitalized words ("Samir Kr. Singh");
//! - at a line break inside a paragraph of hard-wrapped text (a document whose lines wrap at a
//!   fixed width), and at a line break followed by a lowercase word that continues the line.
//!
//! A blank line always ends a sentence. Every abbreviation lives in `abbreviations.csv`.

use crate::text::FastMap;

use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon::{AbbrevRule, Lexicon};

/// A sentence: byte offsets `[start, end)` into its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// The text of the span in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// Does the span contain byte offset `pos`?
    pub fn contains(&self, pos: u32) -> bool {
        self.start <= pos && pos < self.end
    }
}

/// The sentence splitter, built once from the abbreviation lexicon.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {
    /// Each abbreviation with the rules it is listed under (`TITLE` | `NUMBER` | `ACRONYM` |
    /// `STARTER` bits): one lookup per word instead of one per rule.
    words: FastMap<String, u8>,
    /// The shapes of `words`' keys: at a first byte, bit `min(length, 31)` set for each
    /// length a key with that first byte has (empty with `words`). A word whose shape is not
    /// listed is no key, found so by one load: most sentences end with a word that is no
    /// abbreviation, each of which was hashed and looked up.
    shapes: Vec<u32>,
}

/// Rule bits of [`Segmenter::words`].
const TITLE: u8 = 1;
const NUMBER: u8 = 2;
const ACRONYM: u8 = 4;
const STARTER: u8 = 8;

/// The raw UAX #29 sentence boundaries of `text`: every offset where a sentence starts, and the
/// text's length. This is the reference; [`fast_bounds`] gives the same bounds faster.
pub fn uax29_bounds(text: &str) -> Vec<usize> {
    let mut bounds: Vec<usize> = text
        .split_sentence_bound_indices()
        .map(|(i, _)| i)
        .collect();
    bounds.push(text.len());
    bounds
}

/// The non-ASCII characters after which UAX #29 may end a sentence (its STerm and ATerm
/// classes), as inclusive ranges. Derived from `unicode-segmentation` itself and checked
/// against it for every code point by a test.
const TERMINATORS: &[(u32, u32)] = &[
    (0x0589, 0x0589),
    (0x061D, 0x061F),
    (0x06D4, 0x06D4),
    (0x0700, 0x0702),
    (0x07F9, 0x07F9),
    (0x0837, 0x0837),
    (0x0839, 0x0839),
    (0x083D, 0x083E),
    (0x0964, 0x0965),
    (0x104A, 0x104B),
    (0x1362, 0x1362),
    (0x1367, 0x1368),
    (0x166E, 0x166E),
    (0x1735, 0x1736),
    (0x17D4, 0x17D5),
    (0x1803, 0x1803),
    (0x1809, 0x1809),
    (0x1944, 0x1945),
    (0x1AA8, 0x1AAB),
    (0x1B4E, 0x1B4F),
    (0x1B5A, 0x1B5B),
    (0x1B5E, 0x1B5F),
    (0x1B7D, 0x1B7F),
    (0x1C3B, 0x1C3C),
    (0x1C7E, 0x1C7F),
    (0x2024, 0x2024),
    (0x203C, 0x203D),
    (0x2047, 0x2049),
    (0x2CF9, 0x2CFB),
    (0x2E2E, 0x2E2E),
    (0x2E3C, 0x2E3C),
    (0x2E53, 0x2E54),
    (0x3002, 0x3002),
    (0xA4FF, 0xA4FF),
    (0xA60E, 0xA60F),
    (0xA6F3, 0xA6F3),
    (0xA6F7, 0xA6F7),
    (0xA876, 0xA877),
    (0xA8CE, 0xA8CF),
    (0xA92F, 0xA92F),
    (0xA9C8, 0xA9C9),
    (0xAA5D, 0xAA5F),
    (0xAAF0, 0xAAF1),
    (0xABEB, 0xABEB),
    (0xFE12, 0xFE12),
    (0xFE15, 0xFE16),
    (0xFE52, 0xFE52),
    (0xFE56, 0xFE57),
    (0xFF01, 0xFF01),
    (0xFF0E, 0xFF0E),
    (0xFF1F, 0xFF1F),
    (0xFF61, 0xFF61),
    (0x10A56, 0x10A57),
    (0x10F55, 0x10F59),
    (0x10F86, 0x10F89),
    (0x11047, 0x11048),
    (0x110BE, 0x110C1),
    (0x11141, 0x11143),
    (0x111C5, 0x111C6),
    (0x111CD, 0x111CD),
    (0x111DE, 0x111DF),
    (0x11238, 0x11239),
    (0x1123B, 0x1123C),
    (0x112A9, 0x112A9),
    (0x113D4, 0x113D5),
    (0x1144B, 0x1144C),
    (0x115C2, 0x115C3),
    (0x115C9, 0x115D7),
    (0x11641, 0x11642),
    (0x1173C, 0x1173E),
    (0x11944, 0x11944),
    (0x11946, 0x11946),
    (0x11A42, 0x11A43),
    (0x11A9B, 0x11A9C),
    (0x11C41, 0x11C42),
    (0x11EF7, 0x11EF8),
    (0x11F43, 0x11F44),
    (0x16A6E, 0x16A6F),
    (0x16AF5, 0x16AF5),
    (0x16B37, 0x16B38),
    (0x16B44, 0x16B44),
    (0x16D6E, 0x16D6F),
    (0x16E98, 0x16E98),
    (0x1BC9F, 0x1BC9F),
    (0x1DA88, 0x1DA88),
];

/// Is `c` a sentence terminator (STerm or ATerm)?
#[inline]
fn is_terminator(c: char) -> bool {
    match c {
        '.' | '!' | '?' => true,
        c if (c as u32) < 0x80 => false,
        c => {
            let cp = c as u32;
            let i = TERMINATORS.partition_point(|&(_, hi)| hi < cp);
            TERMINATORS.get(i).is_some_and(|&(lo, _)| lo <= cp)
        }
    }
}

/// Bytes that may start a terminator, a paragraph separator or a non-ASCII character, and the
/// ASCII quote (collected for the tagger: [`fast_bounds_and_quotes`]).
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    let mut b = 0xC0;
    while b < 256 {
        t[b] = true;
        b += 1;
    }
    t
};

/// The interesting bytes of a text, found in order: a 64-byte window's mask (bit `k` set where
/// `bytes[win + k]` is interesting) is kept between calls, so that the search for the next
/// one after an interesting byte (most are a few bytes apart: periods, quotes, the lead bytes
/// of curly quotes and dashes) shifts the mask rather than testing the next 16 bytes again.
struct Interesting<'a> {
    bytes: &'a [u8],
    /// Where the window starts; before the first, far past the text (`i - win` then wraps
    /// to `i + 64`, past every window offset).
    win: usize,
    /// Bit `k`: `bytes[win + k]` is interesting.
    mask: u64,
}

impl<'a> Interesting<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Interesting {
            bytes,
            win: usize::MAX - 63,
            mask: 0,
        }
    }

    /// The first interesting byte at or after `i`, or `bytes.len()`. Most bytes are not: they
    /// are skipped 64 at a time (four vector tests a window on x86-64, a table load and an OR
    /// per byte elsewhere), then the last bytes of the text byte by byte.
    #[inline]
    fn next(&mut self, mut i: usize) -> usize {
        loop {
            let rel = i.wrapping_sub(self.win);
            if rel < 64 {
                let m = self.mask >> rel;
                if m != 0 {
                    return i + m.trailing_zeros() as usize;
                }
                i = self.win + 64;
            }
            match self
                .bytes
                .get(i..i + 64)
                .and_then(|b| <&[u8; 64]>::try_from(b).ok())
            {
                Some(block) => {
                    self.win = i;
                    self.mask = window_mask(block);
                }
                None => {
                    let bytes = self.bytes;
                    while i < bytes.len() && !INTERESTING[bytes[i] as usize] {
                        i += 1;
                    }
                    return i;
                }
            }
        }
    }
}

/// Bit `k` set where `block[k]` is interesting, 16 bytes at a time.
#[inline]
fn window_mask(block: &[u8; 64]) -> u64 {
    block.chunks_exact(16).enumerate().fold(0, |m, (k, chunk)| {
        let half = <&[u8; 16]>::try_from(chunk).map_or(0, interesting_mask);
        m | (u64::from(half) << (16 * k))
    })
}

/// Bit `k` set where `block[k]` is interesting: SSE2 compares the 16 bytes with each ASCII
/// terminator and separator and the quote at once, and with 0xC0 for the lead bytes.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn interesting_mask(block: &[u8; 16]) -> u32 {
    // SAFETY: `sse2_mask` requires nothing but the SSE2 feature, which this build enables
    // (the `cfg` above; every x86-64 target has it).
    unsafe { sse2_mask(block) }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn sse2_mask(block: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    // SAFETY: `block` is 16 bytes of a live array, and `_mm_loadu_si128` reads exactly 16
    // bytes from its pointer, with no alignment required. (One load, where the two 8-byte
    // halves were loaded and joined.)
    let v = unsafe { _mm_loadu_si128(block.as_ptr().cast::<__m128i>()) };
    let period = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'.' as i8));
    let bang = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'!' as i8));
    let question = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'?' as i8));
    let lf = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8));
    let cr = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\r' as i8));
    let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
    // v >= 0xC0 (unsigned) exactly where max(v, 0xC0) == v.
    let lead = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0xC0u8 as i8)), v);
    let any = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(period, bang), _mm_or_si128(question, lf)),
        _mm_or_si128(_mm_or_si128(cr, quote), lead),
    );
    _mm_movemask_epi8(any) as u32
}

/// Bit `k` set where `block[k]` is interesting, by table.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn interesting_mask(block: &[u8; 16]) -> u32 {
    table_mask(block)
}

/// [`interesting_mask`] by table, a byte at a time.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn table_mask(block: &[u8; 16]) -> u32 {
    block.iter().enumerate().fold(0, |m, (k, &b)| {
        m | (u32::from(INTERESTING[b as usize]) << k)
    })
}

/// How far a decision window may reach before the whole line is left to UAX #29.
const WINDOW_LIMIT: usize = 256;

/// The same bounds as [`uax29_bounds`], found faster: UAX #29 breaks only after a paragraph
/// separator (always) and after a terminator run (sometimes), so lines are split on their own,
/// and within a line the Unicode rules run only on a small window around each terminator: from
/// the word before it to the first ASCII letter after it, which settles every rule that applies
/// there. A line where a window would grow too long is given to UAX #29 whole.
pub fn fast_bounds(text: &str) -> Vec<usize> {
    fast_bounds_and_quotes(text, &mut Vec::new())
}

/// [`fast_bounds`], and the offsets of the bytes that may start a quotation mark (`"`, 0xC2,
/// 0xE2: the tagger's `quote_mark` candidates) appended to `quotes`, in order: the bytes the
/// search for bounds stops at anyway (the lead bytes) or for one more vector compare (the
/// quote), where a search of their own (`memchr3`) read the text again (about 1 instruction
/// a byte, the marks dense in news text).
pub fn fast_bounds_and_quotes(text: &str, quotes: &mut Vec<u32>) -> Vec<usize> {
    let bytes = text.as_bytes();
    // Room for a sentence or a line per 64 bytes (news text has one per 100 or more).
    let mut bounds = Vec::with_capacity(text.len() / 64 + 2);
    bounds.push(0);
    let mut line_start = 0;
    // Where the current line may hold a terminator: its ASCII terminators and the first
    // bytes of its non-ASCII characters (offsets in the line).
    let mut marks: Vec<usize> = Vec::with_capacity(64);
    // Scratch space of `line_bounds`, kept across lines.
    let mut found: Vec<usize> = Vec::with_capacity(64);
    let mut scan = Interesting::new(bytes);
    let mut i = 0;
    loop {
        i = scan.next(i);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if matches!(b, b'"' | 0xC2 | 0xE2) {
            quotes.push(i as u32);
            // (A quote is no terminator and no separator: nothing else to do here.)
            if b == b'"' {
                i += 1;
                continue;
            }
        }
        // Paragraph separators: CR, LF (CR LF is one), NEL, LS, PS.
        let sep_len = match b {
            b'\n' => 1,
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                }
            }
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => 0,
        };
        if sep_len > 0 {
            line_bounds(
                text,
                line_start,
                i,
                i + sep_len,
                &marks,
                &mut found,
                &mut bounds,
            );
            marks.clear();
            i += sep_len;
            line_start = i;
            continue;
        }
        marks.push(i - line_start);
        i += 1;
    }
    if line_start < bytes.len() {
        line_bounds(
            text,
            line_start,
            bytes.len(),
            bytes.len(),
            &marks,
            &mut found,
            &mut bounds,
        );
    }
    if bounds.last() != Some(&text.len()) {
        bounds.push(text.len());
    }
    bounds
}

/// Appends the bounds inside the line `[start, end)` (its content ends at `content_end`,
/// before the separator) and the bound after it. `marks` are the line's offsets where a
/// terminator may start, in order; `found` is scratch space.
///
/// Inlined into [`fast_bounds`]' loop over the lines: as a call (one a line, most lines
/// short) it passed seven arguments and saved registers, about 55 instructions a line.
#[inline(always)]
fn line_bounds(
    text: &str,
    start: usize,
    content_end: usize,
    end: usize,
    marks: &[usize],
    found: &mut Vec<usize>,
    bounds: &mut Vec<usize>,
) {
    let line = &text[start..content_end];
    let bytes = line.as_bytes();
    found.clear();
    // Marks before `i` were settled with an earlier one.
    let mut i = 0;
    for &m in marks {
        if m < i {
            continue;
        }
        i = m;
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let Some(c) = line.get(i..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let n = c.len_utf8();
        if !is_terminator(c) {
            continue;
        }
        // The common cases, decided without UAX #29 (SB6 to SB11): a run of ASCII
        // terminators, closing punctuation (quotes, brackets), then
        // - the end of the line: its end is the bound, nothing inside;
        // - spaces, maybe opening quotes, then an ASCII letter: a capital starts a new sentence
        //   after the spaces (SB11); a small letter continues one after a period (SB8) and
        //   starts one after "!" or "?" (SB11). Nothing before the run matters once a space
        //   follows it: SB6 and SB7 need the next character right after the terminator;
        // - right after one period, an ASCII letter ("U.S", "e.g"): no bound after a letter
        //   (SB7, SB8); after anything else a capital starts a sentence and a small letter
        //   does not (SB8, SB11).
        // Everything else (digits, other scripts, symbols) goes to the window below.
        if b < 0x80 {
            let close = |j: usize| -> usize {
                let rest = &bytes[j.min(bytes.len())..];
                // (The curly quotes start with 0xE2, the guillemets with 0xC2: most bytes here,
                // a space or a letter, are decided by the first match arm they fail.)
                match rest.first() {
                    Some(b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}') => 1,
                    Some(0xE2)
                        if rest.starts_with("”".as_bytes())
                            || rest.starts_with("“".as_bytes())
                            || rest.starts_with("’".as_bytes())
                            || rest.starts_with("‘".as_bytes()) =>
                    {
                        3
                    }
                    Some(0xC2)
                        if rest.starts_with("»".as_bytes()) || rest.starts_with("«".as_bytes()) =>
                    {
                        2
                    }
                    _ => 0,
                }
            };
            let mut j = i;
            let mut last = b;
            while let Some(&t @ (b'.' | b'!' | b'?')) = bytes.get(j) {
                last = t;
                j += 1;
            }
            let run = j - i;
            let after_run = j;
            while let n @ 1.. = close(j) {
                j += n;
            }
            let mut k = j;
            while matches!(bytes.get(k), Some(b' ' | b'\t' | 0x0B | 0x0C)) {
                k += 1;
            }
            if k >= bytes.len() {
                i = k;
                continue;
            }
            if k > j {
                let mut q = k;
                while let n @ 1.. = close(q) {
                    q += n;
                }
                match bytes.get(q) {
                    Some(l)
                        if l.is_ascii_uppercase() || (l.is_ascii_lowercase() && last != b'.') =>
                    {
                        found.push(start + k);
                        i = k;
                        continue;
                    }
                    Some(l) if l.is_ascii_lowercase() => {
                        i = k;
                        continue;
                    }
                    _ => {}
                }
            } else if run == 1 && after_run == j && last == b'.' {
                let before = i.checked_sub(1).map(|p| bytes[p]);
                match (before, bytes.get(j)) {
                    (Some(p), Some(l)) if p.is_ascii_alphabetic() && l.is_ascii_alphabetic() => {
                        i = j;
                        continue;
                    }
                    (p, Some(l)) if p.is_none_or(|p| p < 0x80) && l.is_ascii_lowercase() => {
                        i = j;
                        continue;
                    }
                    (p, Some(l)) if p.is_none_or(|p| p < 0x80) && l.is_ascii_uppercase() => {
                        found.push(start + j);
                        i = j;
                        continue;
                    }
                    _ => {}
                }
            }
        }
        // Left: back to the white space before the word that holds the terminator.
        let mut ws = i;
        while ws > 0 {
            let Some(p) = line[..ws].chars().next_back() else {
                break;
            };
            ws -= p.len_utf8();
            if p.is_whitespace() || i - ws > WINDOW_LIMIT {
                break;
            }
        }
        // Right: through the first ASCII letter after the terminator, or the line's end.
        let mut we = i + n;
        let mut to_end = true;
        while we < bytes.len() {
            let Some(d) = line[we..].chars().next() else {
                break;
            };
            we += d.len_utf8();
            if d.is_ascii_alphabetic() {
                to_end = false;
                break;
            }
        }
        if i - ws > WINDOW_LIMIT || we - i > WINDOW_LIMIT {
            // A pathological line: let UAX #29 have all of it.
            let whole = &text[start..end];
            bounds.extend(
                whole
                    .split_sentence_bound_indices()
                    .map(|(k, _)| start + k)
                    .filter(|&k| k > start),
            );
            if end > start {
                bounds.push(end);
            }
            return;
        }
        let (from, to) = if to_end {
            (start + ws, end)
        } else {
            (start + ws, start + we)
        };
        for (k, _) in text[from..to].split_sentence_bound_indices() {
            let k = from + k;
            if k > start + i && k < to && k < end {
                found.push(k);
            }
        }
        i += n;
    }
    found.sort_unstable();
    found.dedup();
    bounds.extend_from_slice(found);
    if end > start {
        bounds.push(end);
    }
}

const BULLETS: &[char] = &[
    '•', '·', '◦', '▪', '■', '●', '‣', '–', '—', '-', '*', '+', '|', '>', '#',
];

/// Does a line open with a list or table marker ("• ", "- ", "1. ", "| ")?
fn starts_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(BULLETS) {
        return true;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
}

/// The marks that may close a sentence after its last word: quotation marks, brackets.
const CLOSERS: [char; 7] = ['"', '\'', '”', '’', ')', ']', '»'];

/// Does the content of a line end like a finished sentence or a heading that introduces
/// something (terminal punctuation, a colon, or a closing quote after one)?
fn ends_finished(content: &str) -> bool {
    let t = content.trim_end_matches(CLOSERS);
    t.ends_with(['.', '!', '?', ':', ';', '…']) || t.len() < content.len() && t.ends_with(',')
}

/// The width a document is hard-wrapped at, if it is: many lines of similar, moderate length,
/// none very long. The width, in characters, is that of its longest lines, leaving out the
/// longest tenth (a table row or a line left unwrapped may run past it).
fn hard_wrap_width(text: &str) -> Option<usize> {
    // The lengths of the long lines (after trailing white space), in characters, and how
    // many lines are not empty.
    let mut long = Vec::new();
    let mut lines = 0usize;
    for line in crate::text::lines(text) {
        let line = line.trim_end();
        // (A table's rows are as wide as their cells make them, wrapped or not.)
        if line.trim_start().starts_with('|') {
            continue;
        }
        // Characters: the bytes of an ASCII line (most), else counted.
        let n = if line.is_ascii() {
            line.len()
        } else {
            line.chars().count()
        };
        if n > 100 {
            // A very long line: not hard-wrapped, whatever the other lines (most articles
            // are decided by their first paragraph here).
            return None;
        }
        if n > 0 {
            lines += 1;
            if n >= 50 {
                long.push(n);
            }
        }
    }
    if long.len() < 6 || long.len() * 2 < lines {
        return None;
    }
    long.sort_unstable();
    long.get((long.len() - 1) * 9 / 10).copied()
}

/// Characters of slack in the test of a wrapped line (by hand, a line may end a word or two
/// short of the width).
const WRAP_SLACK: usize = 3;

impl Segmenter {
    /// A segmenter with the abbreviations of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Segmenter {
        let mut s = Segmenter::default();
        for a in &lexicon.abbreviations {
            let bit = match a.rule {
                AbbrevRule::Title => TITLE,
                AbbrevRule::Number => NUMBER,
                AbbrevRule::Acronym => ACRONYM,
                AbbrevRule::Starter => STARTER,
            };
            *s.words.entry(a.word.clone()).or_default() |= bit;
        }
        s.shapes = vec![0; 256];
        for w in s.words.keys() {
            if let Some(&first) = w.as_bytes().first() {
                s.shapes[usize::from(first)] |= shape_bit(w);
            }
        }
        s
    }

    /// The rule bits of `word` (0 for a word that is not listed).
    #[inline]
    fn rules(&self, word: &str) -> u8 {
        let listed_shape = word.as_bytes().first().is_some_and(|&b| {
            self.shapes
                .get(usize::from(b))
                .is_some_and(|&s| s & shape_bit(word) != 0)
        });
        if !listed_shape {
            return 0;
        }
        self.words.get(word).copied().unwrap_or(0)
    }

    /// The sentences of `text`.
    pub fn segment(&self, text: &str) -> Vec<Span> {
        self.repair(text, &fast_bounds(text))
    }

    /// [`Segmenter::segment`], and the offsets of the bytes of `text` that may start a
    /// quotation mark (`"`, 0xC2, 0xE2, in order), found on the way
    /// ([`fast_bounds_and_quotes`]).
    pub fn segment_and_quotes(&self, text: &str) -> (Vec<Span>, Vec<u32>) {
        // (News text has one about every 200 bytes: room for one per 128, so that the list
        // is seldom grown.)
        let mut quotes = Vec::with_capacity(text.len() / 128 + 4);
        let bounds = fast_bounds_and_quotes(text, &mut quotes);
        (self.repair(text, &bounds), quotes)
    }

    /// Applies the repairs to raw boundaries `bounds` (sorted, from 0 to `text.len()`).
    pub fn repair(&self, text: &str, bounds: &[usize]) -> Vec<Span> {
        // The width the document is hard-wrapped at, if it is, read (a pass over all its
        // lines) only when a line break first needs it.
        let mut wrapped: Option<Option<usize>> = None;
        // At most a sentence per piece: sized once.
        let mut out = Vec::with_capacity(bounds.len());
        let mut start = 0usize;
        for w in bounds.windows(2) {
            let (piece_start, piece_end) = (w[0], w[1]);
            if piece_end >= text.len() {
                break;
            }
            if self.keeps_going(text, piece_start, piece_end, &mut wrapped) {
                continue;
            }
            push_trimmed(&mut out, text, start, piece_end);
            start = piece_end;
        }
        push_trimmed(&mut out, text, start, text.len());
        out
    }

    /// Should the boundary at `end` (closing the piece `[start, end)`) be undone?
    fn keeps_going(
        &self,
        text: &str,
        start: usize,
        end: usize,
        wrapped: &mut Option<Option<usize>>,
    ) -> bool {
        let width =
            |cache: &mut Option<Option<usize>>| *cache.get_or_insert_with(|| hard_wrap_width(text));
        let piece = &text[start..end];
        let content = trim_end(piece);
        if content.is_empty() {
            return false;
        }
        let gap = &piece[content.len()..];
        let next = &text[end..];
        let newlines = gap.bytes().filter(|&b| b == b'\n').count();
        let breaks = newlines + usize::from(newlines == 0 && gap.bytes().any(|b| b == b'\r'));
        if breaks > 0 {
            // A line break: kept unless the line continues on the next one.
            if breaks > 1
                || next
                    .trim_start_matches([' ', '\t'])
                    .starts_with(['\n', '\r'])
            {
                return false;
            }
            let next_line = crate::text::lines(next).next().unwrap_or("");
            if next_line.trim().is_empty() || starts_list_item(next_line) {
                return false;
            }
            let next_lower = next_line
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            // The whole physical line, which may start before this piece ("…patience.
            // Donald" + line break + "Trump has…": the piece is "Donald", the line is long).
            let upto = &text[..start + content.len()];
            let this_line = memchr::memrchr2(b'\n', b'\r', upto.as_bytes())
                .and_then(|k| upto.get(k + 1..))
                .unwrap_or(upto);
            // In a hard-wrapped article, a line ends at a wrap where its next word would not
            // have fitted; one that had room for it ends on purpose ("26 countries commit to
            // a force, Macron says" + line break + "U.S. role still unclear", a headline and
            // its subheading). Characters counted only when the answer depends on them.
            let at_wrap = |cache: &mut Option<Option<usize>>| {
                let n = this_line.chars().count();
                let next_word = next_line.split_whitespace().next().unwrap_or("");
                n >= 45
                    && width(cache)
                        .is_some_and(|w| n + 1 + next_word.chars().count() + WRAP_SLACK > w)
            };
            if ends_finished(content) {
                // In a hard-wrapped article a colon at the end of a line is where the line
                // was wrapped when the next line goes on in lowercase ("…what it will not
                // accept:" + line break + "no NATO membership, …"). (Not by the width: a
                // label before a quote ends so, "- Ursula von der Leyen, Brussels:" + line
                // break + "“Our package is on its way.”")
                if content.ends_with(':') {
                    return next_lower && width(wrapped).is_some();
                }
                // A quotation closed after a comma goes on on the next line ("…were “for
                // Europeans to decide,”" + line break + "and that the pressure…", "“We will
                // not yield,”" + line break + "Zelensky said."): nothing ends at a comma.
                // (Not before a line that opens a quotation, a time stamp or a speaker's
                // label: "Merz: We support…", "14:05 Merz: …", "TRUMP: We want…", which
                // begin statements of their own.)
                let own_statement = || {
                    let n = next_line.trim_start();
                    n.starts_with(['"', '“', '‘', '\'', '«'])
                        || n.starts_with(|c: char| c.is_ascii_digit())
                        || crate::stance::speaker_label(n).is_some()
                };
                if content.trim_end_matches(CLOSERS).ends_with(',') && !own_statement() {
                    return true;
                }
                // A hard-wrapped line that ends in an abbreviation where the line was full
                // goes on as the abbreviation's rule says ("Mr." + line break + "Trump
                // welcomed…"). (Not in unwrapped text, where a line ending "Corp." or "St."
                // ends a paragraph.)
                return self.abbreviation_continues(content, next) && at_wrap(wrapped);
            }
            if starts_list_item(this_line) && width(wrapped).is_none() {
                return false;
            }
            return next_lower || at_wrap(wrapped);
        }
        // A break after terminal punctuation: look at the last word and the next one.
        self.abbreviation_continues(content, next)
    }

    /// Does the sentence go on past the period of an abbreviation that ends `content`, before
    /// `next`? Always after a title ("Mr."), else as the abbreviation's rule says.
    fn abbreviation_continues(&self, content: &str, next: &str) -> bool {
        let last = last_word(content);
        let last = last.trim_start_matches(OPENING);
        let rules = self.rules(last);
        // (Most words are neither listed nor initials: the answer is no, whatever comes next.)
        if rules == 0 && !is_initials(last) {
            return false;
        }
        let Some(next_first) = next_word_first(next) else {
            return false;
        };
        if rules & TITLE != 0 {
            return true;
        }
        if rules & NUMBER != 0 && next_first.is_ascii_digit() {
            return true;
        }
        // Looked up only where it decides.
        let is_starter = || {
            let next_bare = next_word(next).trim_end_matches(|c: char| !c.is_alphanumeric());
            self.rules(next_bare) & STARTER != 0
        };
        if rules & ACRONYM != 0 {
            return !is_starter();
        }
        if is_initials(last) && next_first.is_uppercase() && !is_starter() {
            // An initial needs a capitalized word before it (a name), or to be dotted initials.
            let before = content[..content.len() - last.len()].trim_end();
            let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
            return before.is_empty()
                || last.matches('.').count() > 1
                || prev.chars().next().is_some_and(char::is_uppercase);
        }
        false
    }
}

/// The bit of [`Segmenter::shapes`] for a word of `word`'s length.
#[inline]
fn shape_bit(word: &str) -> u32 {
    1 << word.len().min(31)
}

/// Marks that may open a word ("(The", "“Mr.").
const OPENING: [char; 6] = ['(', '[', '"', '\'', '“', '‘'];

/// The first word of `text` (its first run of characters that are not white space), without
/// its opening marks.
fn next_word(text: &str) -> &str {
    text.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_start_matches(OPENING)
}

/// The first character of [`next_word`], read without finding where the word ends (the
/// whole word is only needed for a starter lookup, which is rare): white space right after
/// the marks means the word was only marks.
fn next_word_first(text: &str) -> Option<char> {
    text.trim_start()
        .trim_start_matches(OPENING)
        .chars()
        .next()
        .filter(|c| !c.is_whitespace())
}

/// "J.", "Kr.", "J.D.": one or two letters, the first a capital, then a period, repeated.
fn is_initials(word: &str) -> bool {
    // Most words a sentence ends with start with a small ASCII letter: no initial.
    if word
        .as_bytes()
        .first()
        .is_some_and(|&b| b < 0x80 && !b.is_ascii_uppercase())
    {
        return false;
    }
    let mut parts = 0;
    for p in word.split_inclusive('.') {
        parts += 1;
        let letters = &p[..p.len() - usize::from(p.ends_with('.'))];
        if !(p.ends_with('.')
            && (1..=2).contains(&letters.chars().count())
            && letters.chars().next().is_some_and(|c| c.is_uppercase())
            && letters.chars().skip(1).all(|c| c.is_lowercase()))
        {
            return false;
        }
    }
    parts > 0
}

/// Is `b` an ASCII byte that is white space to `char::is_whitespace` (tab, line feed, vertical
/// tab, form feed, carriage return, space)?
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// `s.trim_end()`: ASCII white space off the end byte by byte, the standard trim (any white
/// space) only where a non-ASCII character is left at the end.
fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut e = b.len();
    while e > 0 && is_ascii_space(b[e - 1]) {
        e -= 1;
    }
    let t = &s[..e];
    match t.as_bytes().last() {
        Some(&c) if c >= 0x80 => t.trim_end(),
        _ => t,
    }
}

/// The last word of `s`: `s.rsplit(char::is_whitespace).next()`, read byte by byte back to
/// an ASCII space (the standard search where a non-ASCII character comes first).
fn last_word(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 {
        let c = b[i - 1];
        if c >= 0x80 {
            return s.rsplit(char::is_whitespace).next().unwrap_or("");
        }
        if is_ascii_space(c) {
            break;
        }
        i -= 1;
    }
    &s[i..]
}

/// Pushes the span of `text[start..end]` without its white space at either end, if any is
/// left. Inlined into [`Segmenter::repair`] (a call a sentence).
#[inline(always)]
fn push_trimmed(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    // The standard trims (any white space) only where a non-ASCII character is at an end (a
    // printable ASCII byte is no white space).
    let piece = trim_end(&text[start..end]);
    let content = match piece.as_bytes().first() {
        Some(&c) if c > b' ' && c < 0x80 => piece,
        _ => piece.trim_start(),
    };
    let lead = piece.len() - content.len();
    if !content.is_empty() {
        let s = start + lead;
        out.push(Span {
            start: s as u32,
            end: (s + content.len()) as u32,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg() -> Segmenter {
        Segmenter::new(&Lexicon::builtin().unwrap_or_else(|e| panic!("{e}")))
    }

    fn sentences(text: &str) -> Vec<String> {
        seg()
            .segment(text)
            .iter()
            .map(|s| s.text(text).to_string())
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$($s:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let expected: Vec<String> = vec![$($s.to_string()),*];
                assert_eq!(sentences($text), expected);
            }
        };
    }

    t!(empty, "", []);
    t!(only_space, " \n\u{a0}\n\t", []);
    t!(
        two_plain_sentences,
        "Kyiv agreed. Moscow did not.",
        ["Kyiv agreed.", "Moscow did not."]
    );
    t!(
        us_before_a_title_does_not_end,
        "U.S. President Donald Trump spoke. He left.",
        ["U.S. President Donald Trump spoke.", "He left."]
    );
    t!(
        us_at_the_end_of_a_sentence,
        "Aid came from the U.S. The talks resumed.",
        ["Aid came from the U.S.", "The talks resumed."]
    );
    t!(
        title_abbreviations,
        "Gen. Smith and Mr. Jones met Dr. Lee.",
        ["Gen. Smith and Mr. Jones met Dr. Lee."]
    );
    t!(
        initials_in_names,
        "By Samir Kr. Singh and Samuel R. Ortiz today.",
        ["By Samir Kr. Singh and Samuel R. Ortiz today."]
    );
    t!(
        dotted_initials,
        "J.D. Vance spoke. J. D. Vance left.",
        ["J.D. Vance spoke.", "J. D. Vance left."]
    );
    t!(
        month_before_a_number,
        "It was signed on Aug. 15 in Alaska.",
        ["It was signed on Aug. 15 in Alaska."]
    );
    t!(
        month_at_the_end,
        "They met in Sept. The rest followed.",
        ["They met in Sept.", "The rest followed."]
    );
    t!(
        headline_then_body,
        "Trump Pushes for Talks\nThe president said more.",
        ["Trump Pushes for Talks", "The president said more."]
    );
    t!(
        crlf_lines,
        "Headline\r\n\r\nBody one. Body two.\r\n",
        ["Headline", "Body one.", "Body two."]
    );
    t!(
        bullets_each_end_one,
        "Discussions covered:\n  • Plans for meetings,\n  • NATO support\n- a dash item\n1. first\n",
        [
            "Discussions covered:",
            "• Plans for meetings,",
            "• NATO support",
            "- a dash item",
            "1. first"
        ]
    );
    t!(
        table_rows,
        "| Country | Pledge |\n| France | troops |",
        ["| Country | Pledge |", "| France | troops |"]
    );
    t!(
        lowercase_continuation_joins,
        "The leaders of the European\nallies met.",
        ["The leaders of the European\nallies met."]
    );
    t!(
        blank_line_always_ends,
        "A heading without a stop\n\nand then lowercase.",
        ["A heading without a stop", "and then lowercase."]
    );
    t!(
        quotes_close_a_sentence,
        "He said: “We reject it.” Then he left.",
        ["He said: “We reject it.”", "Then he left."]
    );
    t!(
        question_and_exclamation,
        "Will it hold? Nobody knows! Fine.",
        ["Will it hold?", "Nobody knows!", "Fine."]
    );
    t!(bom_is_not_a_sentence, "\u{feff}Title", ["\u{feff}Title"]);

    #[test]
    fn hard_wrapped_paragraphs_join() {
        let para = "WASHINGTON, Aug 18 - President Donald Trump told reporters on Monday\n\
                    that the United States would help guarantee the security of Ukraine\n\
                    as part of any settlement, though he gave few details about what the\n\
                    commitment would involve in practice or how it would be enforced by\n\
                    the allies. European leaders, who flew in for the meeting, welcomed\n\
                    the remarks but said the details mattered more than the headline and\n\
                    asked for a written text.\n\nSecond paragraph here.";
        let s = sentences(para);
        assert_eq!(s.len(), 3, "{s:#?}");
        assert!(s[0].starts_with("WASHINGTON") && s[0].ends_with("by\nthe allies."));
        assert!(
            s[1].starts_with("European leaders")
                && s[1].ends_with("the headline and\nasked for a written text.")
        );
        assert_eq!(s[2], "Second paragraph here.");
    }

    #[test]
    fn a_wrapped_line_break_after_a_sentence_end_joins_by_the_whole_line() {
        // The piece before the break is one word ("Donald"), but its line is long: the name
        // continues on the next line.
        let para = "The delegations met again in Geneva on Monday for a third round of talks.\n\
                    Both sides described the mood as businesslike and the agenda as long.\n\
                    There is also the uncomfortable matter of American patience. Donald\n\
                    Trump has spent the summer setting deadlines for the Kremlin and then\n\
                    watching them slide by while the envoys shuttled between the capitals.\n\
                    The next deadline falls in September, officials in Washington said.\n\
                    Nobody in either capital expects it to hold any better than the others.";
        let s = sentences(para);
        assert!(
            s.iter().any(|x| x.starts_with("Donald\nTrump has spent")),
            "{s:#?}"
        );
    }

    #[test]
    fn a_colon_where_a_hard_wrapped_line_breaks_joins_a_lowercase_line() {
        let para = "The delegations met again in Geneva on Monday for a third round of talks.\n\
                    Both sides described the mood as businesslike and the agenda as long.\n\
                    Moscow has spent the whole summer listing what it will never accept:\n\
                    no alliance membership for Kyiv, no foreign troops, no return of land.\n\
                    The next deadline falls in September, officials in Washington said.\n\
                    Its demands, the diplomats said, come down to three short headings:\n\
                    Membership, troops and land are all on the list of the Kremlin.";
        let s = sentences(para);
        assert!(
            s.iter()
                .any(|x| x.starts_with("Moscow has spent") && x.ends_with("no return of land.")),
            "{s:#?}"
        );
        // A capital after the colon starts a sentence of its own.
        assert!(
            s.iter().any(|x| x.starts_with("Membership, troops")),
            "{s:#?}"
        );
    }

    #[test]
    fn a_quotation_closed_after_a_comma_goes_on() {
        // Wrapped or not: a line that ends with a comma and a closing quotation mark goes on.
        let para = "Merz said the frozen assets were \u{201c}for Europeans to decide,\u{201d}\n\
                    and that the pressure on Moscow should stay until there was peace.\n\
                    \u{201c}We will not yield,\u{201d}\n\
                    Zelensky said in his evening address.";
        let s = sentences(para);
        assert!(
            s.iter()
                .any(|x| x.starts_with("Merz said") && x.ends_with("there was peace.")),
            "{s:#?}"
        );
        assert!(
            s.iter()
                .any(|x| x.starts_with("\u{201c}We will") && x.ends_with("evening address.")),
            "{s:#?}"
        );
        // Not before a speaker's label, a time stamp or a quotation of its own.
        for next in [
            "Merz: We support a ceasefire.",
            "14:05 Merz: We support a ceasefire.",
            "\"We will not send troops,\" Merz said.",
        ] {
            let para = format!("Trump called the talks \"very productive,\"\n{next}");
            let s = sentences(&para);
            assert!(s.iter().any(|x| x == next), "{s:#?}");
        }
    }

    /// A wrapped body, lines full to 70 characters, for the tests of what ends a line.
    const WRAPPED_BODY: &str = "The delegations met again in Geneva on Monday for a third round of\n\
        talks, and both sides described the mood as businesslike and the\n\
        agenda as long. Officials in Washington said the next deadline would\n\
        fall in September, though nobody in either capital expects it to hold\n\
        any better than the ones before it, and the envoys will keep shuttling\n\
        between the capitals while the fighting goes on along the front line\n\
        in the east of the country, where neither army has moved far.";

    #[test]
    fn a_wrapped_line_with_room_for_the_next_word_ends_there() {
        // A headline and its subheading over a wrapped body: the headline had room for
        // "U.S.", so its line break ends it.
        let text = format!(
            "26 countries commit to a postwar force, Macron says\n\
             U.S. role still being worked out as allies seek a backstop\n\n{WRAPPED_BODY}"
        );
        let s = sentences(&text);
        assert_eq!(
            s[0], "26 countries commit to a postwar force, Macron says",
            "{s:#?}"
        );
        assert!(s[1].starts_with("U.S. role"), "{s:#?}");
        // The body's lines were full: its sentences run over them.
        assert!(
            s.iter()
                .any(|x| x.starts_with("The delegations") && x.ends_with("as long.")),
            "{s:#?}"
        );
    }

    #[test]
    fn a_title_at_the_end_of_a_full_wrapped_line_goes_on() {
        let line = "The statement on the talks in Geneva was welcomed on Friday by Mr.";
        assert!(line.len() + 1 + "Trump".len() > 69, "the line is full");
        let text = format!("{WRAPPED_BODY}\n\n{line}\nTrump and by the allies.");
        let s = sentences(&text);
        assert_eq!(
            s.last().map(|x| x.as_str()),
            Some(&*format!("{line}\nTrump and by the allies."))
        );
        // Unwrapped text, one paragraph a line: a line ending "Corp." ends its sentence.
        let s = sentences(
            "The contract went to General Dynamics Corp.\nPutin rejected the truce plan.",
        );
        assert_eq!(s.len(), 2, "{s:#?}");
    }

    #[test]
    fn table_rows_do_not_set_the_wrap_width() {
        // The body's lines are 66, 64, 68, 69, 70, 68 and 61 characters: 69 with the
        // longest tenth (the 70) left out. A wide table in the article changes nothing.
        assert_eq!(hard_wrap_width(WRAPPED_BODY), Some(69));
        let text = format!(
            "{WRAPPED_BODY}\n\n| Country | Troops | Air defence | Condition for deployment after a ceasefire |\n"
        );
        assert_eq!(hard_wrap_width(&text), Some(69));
    }

    #[test]
    fn a_colon_at_the_end_of_an_unwrapped_line_ends_it() {
        let text = "Kyiv's request includes:\nair defence systems for the winter and more drones.\nZelensky spoke.";
        assert_eq!(sentences(text).len(), 3, "{:#?}", sentences(text));
    }

    #[test]
    fn web_text_lines_do_not_join() {
        // Long unwrapped paragraphs: line breaks before capitals stay boundaries.
        let text = "Allies Talk Guarantees\nThe ministers agreed that firm guarantees were needed before any settlement could hold, officials said on Monday evening.\nZelensky spoke.";
        assert_eq!(sentences(text).len(), 3);
    }

    /// Characters that exercise every rule of UAX #29's sentence algorithm: letters of each
    /// case, digits, both kinds of terminator (ASCII and not), closing punctuation, continuation
    /// punctuation, every kind of space and separator, extending and format characters, letters
    /// without case.
    const ALPHABET: &[char] = &[
        'a',
        'b',
        'x',
        'A',
        'B',
        'Z',
        'é',
        'É',
        'ß',
        'ω',
        'Ω',
        '中',
        'ا',
        '1',
        '9',
        '.',
        '.',
        '.',
        '!',
        '?',
        ',',
        ';',
        ':',
        '-',
        '"',
        '\'',
        ')',
        '(',
        ']',
        '“',
        '”',
        '’',
        '‘',
        '«',
        '»',
        ' ',
        ' ',
        ' ',
        '\t',
        '\n',
        '\r',
        '\u{a0}',
        '\u{2009}',
        '\u{85}',
        '\u{2028}',
        '\u{2029}',
        '\u{301}',
        '\u{200d}',
        '\u{ad}',
        '…',
        '‼',
        '。',
        '！',
        '؟',
        '\u{2024}',
        '\u{ff0e}',
        '\u{fe52}',
        '\u{1f600}',
        '#',
        '$',
        '%',
        '&',
        '*',
        '/',
        '\u{0}',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The vector test of a block marks the bytes the table does, for any 16 bytes (drawn
        /// mostly from the interesting ones and their neighbours).
        #[test]
        fn block_mask_is_the_table_mask(
            block in proptest::array::uniform16(proptest::prop_oneof![
                proptest::sample::select(vec![b'.', b'!', b'?', b'\n', b'\r', b'"', b'-', b'/', b'>', b'@', b'\t', b'\x0b', b'\x0c', b'\x0e', 0xBF, 0xC0, 0xC1, 0x7F, 0x80, 0xFF, 0x00]),
                0u8..,
            ])
        ) {
            proptest::prop_assert_eq!(interesting_mask(&block), table_mask(&block), "{:?}", block);
        }

        /// The windowed search finds the byte the table finds from any position, whatever
        /// positions it was asked from before (its window kept or moved).
        #[test]
        fn interesting_scan_is_the_table_search(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                8 => proptest::sample::select(vec![b'a', b' ', b'x', b'-']),
                1 => proptest::sample::select(vec![b'.', b'!', b'?', b'\n', b'\r', b'"', 0xC2, 0xE2, 0xBF, 0xFF]),
            ], 0..400),
            from in proptest::collection::vec(0usize..420, 1..40),
        ) {
            let mut scan = Interesting::new(&bytes);
            for i in from {
                let want = (i..bytes.len())
                    .find(|&k| INTERESTING[bytes[k] as usize])
                    .unwrap_or(bytes.len().max(i));
                proptest::prop_assert_eq!(scan.next(i), want, "from {}", i);
            }
        }

        /// The quote-mark candidates found with the bounds are the bytes a search for them
        /// finds, and the bounds are still UAX #29's.
        #[test]
        fn fast_bounds_quotes_are_memchr3s(
            text in "(\"|“|”|«|»|\u{2028}|\u{85}|é|[a-z]{1,6}| |\\.|!|\n|\r){0,60}"
        ) {
            let mut quotes = Vec::new();
            let bounds = fast_bounds_and_quotes(&text, &mut quotes);
            let expected: Vec<u32> = memchr::memchr3_iter(b'"', 0xE2, 0xC2, text.as_bytes())
                .map(|k| k as u32)
                .collect();
            proptest::prop_assert_eq!(quotes, expected, "{:?}", text);
            proptest::prop_assert_eq!(bounds, uax29_bounds(&text), "{:?}", text);
        }

        #[test]
        fn fast_bounds_equal_uax29_on_generated_text(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..80)
        ) {
            let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            proptest::prop_assert_eq!(fast_bounds(&text), uax29_bounds(&text), "{:?}", text);
        }

        #[test]
        fn fast_bounds_equal_uax29_on_word_like_text(
            words in proptest::collection::vec(
                (proptest::sample::select(vec!["Mr", "U", "S", "the", "Kyiv", "NATO", "a", "9", "x2", "É", "ﬁ", "“Kyiv", "(the", "‘a", "«S"]),
                 proptest::sample::select(vec![" ", ". ", "? ", "! ", ".” ", ".) ", ", ", ".\n", ".\r\n", "... ", ".", "\n\n", " — ", ".\u{a0}", "?!", ".1", "; "])),
                0..40)
        ) {
            let text: String = words.iter().map(|(w, p)| format!("{w}{p}")).collect();
            proptest::prop_assert_eq!(fast_bounds(&text), uax29_bounds(&text), "{:?}", text);
        }

        /// ASCII texts: terminators, quotes and line breaks without other scripts.
        #[test]
        fn fast_bounds_equal_uax29_on_ascii_text(
            words in proptest::collection::vec(
                (proptest::sample::select(vec!["Mr", "U", "S", "the", "Kyiv", "NATO", "a", "9", "x2", "\"Kyiv", "(the", "'a"]),
                 proptest::sample::select(vec![" ", ". ", "? ", "! ", ".\" ", ".) ", ", ", ".\n", ".\r\n", "\r", "... ", ".", "\n\n", " - ", "?!", ".1", "; ", "!"])),
                0..60)
        ) {
            let text: String = words.iter().map(|(w, p)| format!("{w}{p}")).collect();
            proptest::prop_assert_eq!(fast_bounds(&text), uax29_bounds(&text), "{:?}", text);
        }
    }

    #[test]
    fn fast_bounds_equal_uax29_on_real_text() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("corpus")];
        let seeds = root.join("../shared/seeds");
        if seeds.exists() {
            dirs.push(seeds);
        }
        let mut checked = 0;
        for dir in dirs {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    assert_eq!(
                        fast_bounds(&text),
                        uax29_bounds(&text),
                        "{}",
                        path.display()
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 30);
    }

    #[test]
    fn long_lines_without_spaces_fall_back_to_uax29() {
        let text = format!("{}. Then {}! x", "a".repeat(5000), "b.".repeat(400));
        assert_eq!(fast_bounds(&text), uax29_bounds(&text));
    }

    /// The terminator table is exactly the characters after which UAX #29 ends "x? Y".
    #[test]
    fn terminator_table_matches_unicode_segmentation() {
        for cp in 0x80u32..=0x10FFFF {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s = format!("x{c} Y");
            let breaks: Vec<usize> = s.split_sentence_bound_indices().map(|(i, _)| i).collect();
            let ends = breaks.contains(&(s.len() - 1)) && !breaks.contains(&(1 + c.len_utf8()));
            assert_eq!(is_terminator(c), ends, "U+{cp:04X}");
        }
    }

    #[test]
    fn initials_are_capitals_with_periods() {
        for (word, expected) in [
            ("J.", true),
            ("Kr.", true),
            ("J.D.", true),
            ("Ž.", true),
            ("Ža.", true),
            ("talks.", false),
            ("j.", false),
            (".J.", false),
            ("1.", false),
            ("(J.", false),
            ("JD.", false),
            ("J", false),
            ("", false),
        ] {
            assert_eq!(is_initials(word), expected, "{word:?}");
        }
    }

    #[test]
    fn next_word_first_is_the_next_words_first() {
        let parts = [
            "", " ", "\n", "\u{a0}", "(", "“", "'", "\"", "a", "B", "é", "1", ".", "x y",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in parts {
                        let text = [a, b, c, d].concat();
                        assert_eq!(
                            next_word_first(&text),
                            next_word(&text).chars().next(),
                            "{text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn trimmed_pieces_and_last_words_are_the_standard_ones() {
        fn check(text: &str) {
            let mut out = Vec::new();
            push_trimmed(&mut out, text, 0, text.len());
            let t = text.trim();
            let expected = (!t.is_empty()).then(|| {
                let s = text.len() - text.trim_start().len();
                Span {
                    start: s as u32,
                    end: (s + t.len()) as u32,
                }
            });
            assert_eq!(out.first().copied(), expected, "{text:?}");
            assert!(out.len() <= 1);
            assert_eq!(trim_end(text), text.trim_end(), "{text:?}");
            assert_eq!(
                last_word(text),
                text.rsplit(char::is_whitespace).next().unwrap_or(""),
                "{text:?}"
            );
        }
        let parts = [
            "", " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{2009}",
            "\u{3000}", "\u{7f}", "\u{1f}", "a", "é", ".", "“", "x y",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in parts {
                        check(&[a, b, c, d].concat());
                    }
                }
            }
        }
    }

    #[test]
    fn spans_are_trimmed_ordered_and_on_boundaries() {
        let text = "  Kyiv’s reply — “No.”  \n\n U.S. aid?  Yes.\u{a0}";
        let spans = seg().segment(text);
        let mut prev_end = 0;
        for s in &spans {
            assert!(s.start >= prev_end && s.start < s.end);
            assert!(
                text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize)
            );
            let t = s.text(text);
            assert_eq!(t, t.trim());
            prev_end = s.end;
        }
    }
}
