//! Text utilities shared by the stages: folding for matching, word characters, tokens.
//!
//! **Folding** turns a document into the form the lexicon automata run on: ASCII letters
//! lowercased, and every run of characters that are not letters or digits (white space, line
//! breaks, punctuation, quotation marks, dashes) made one ASCII space, with one space before
//! the first word and after the last; an apostrophe between two letters stays, as `'`. Every
//! word of the folded text therefore starts after a space and ends before a space or an
//! apostrophe, which is what makes word boundaries cheap to find. A [`Folded`] text keeps a
//! sparse map back to byte offsets of the original text, so a hit found in folded text is
//! reported at its true position. Lexicon patterns are folded with the same function, so
//! "Ukraine’s" matches "Ukraine's", "security\nguarantees" in a hard-wrapped article matches
//! "security guarantees", "‘legitimate targets’" matches "legitimate targets", and
//! "Article 5-style" matches "Article 5 style".
//!
//! **Tokens** are what the stance tagger counts distances in: maximal runs of word characters,
//! and single punctuation characters. White space is not a token.

/// A fast, non-cryptographic hasher for in-process sets and maps of short keys (sentences,
/// words): 8-byte chunks multiplied in, as in the matcher's word hash. The standard SipHash
/// cost a visible share of a run; nothing here is exposed to hash flooding that matters
/// (a crafted article can only slow its own lookup).
#[derive(Clone, Copy, Debug, Default)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut h = self.0 ^ (bytes.len() as u64).wrapping_mul(K);
        // Whole chunks by fixed-size loads, then the last one zero-padded (a copy of a
        // variable length per chunk compiled to a call of memcpy per chunk).
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes);
            h = (h ^ v).wrapping_mul(K).rotate_left(31);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let v = rest.iter().rev().fold(0u64, |v, &x| v << 8 | u64::from(x));
            h = (h ^ v).wrapping_mul(K).rotate_left(31);
        }
        self.0 = h;
    }
}

/// A `HashSet` with [`FastHasher`].
pub type FastSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<FastHasher>>;

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// The lines of `text` as [`str::lines`] gives them (split at each line feed, a carriage
/// return before it dropped, no empty line after a final line feed), the line feeds found by
/// the memchr crate's vector search: the standard library's search goes a word at a time,
/// and the segmenter and the date finder read lines of whole paragraphs.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => Some(std::mem::take(&mut rest)),
        }
    })
}

/// Is `c` part of a word? Letters and digits of any script, and the underscore.
/// Apostrophes and hyphens are not: "Ukraine's" is the word "Ukraine", then "'", then "s".
#[inline]
pub fn is_word_char(c: char) -> bool {
    is_alnum(c) || c == '_'
}

/// `c.is_alphanumeric()`, with ASCII and the General Punctuation block (U+2000 to U+206F:
/// spaces, dashes, quotation marks, the ellipsis, which news text is full of) answered without
/// the Unicode tables: that block holds no letter or digit (a test checks every code point).
#[inline]
pub fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0x2000..=0x206f => false,
        _ => c.is_alphanumeric(),
    }
}

/// The character starting at byte `pos` of `s`, if `pos` is inside `s` and on a boundary.
#[inline]
pub fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|rest| rest.chars().next())
}

/// The character ending at byte `pos` of `s`, if there is one.
#[inline]
pub fn char_before(s: &str, pos: usize) -> Option<char> {
    s.get(..pos).and_then(|head| head.chars().next_back())
}

/// Folding of ASCII bytes: a lowercase letter, digit or `_`, or 0 for a separator.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            c.to_ascii_lowercase()
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_' {
            c
        } else {
            0
        };
        b += 1;
    }
    t
};

/// ASCII letters and digits (not `_`): the bytes of a simple word.
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// ASCII bytes that are not word characters (everything but letters, digits and `_`).
const ASCII_SEPARATOR: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ASCII_FOLD[b] == 0;
        b += 1;
    }
    t
};

/// ASCII separators that cannot continue the word before them (not an apostrophe or a
/// backtick, which may join two words): one table load where three tests were made.
const ENDS_SIMPLE_WORD: [bool; 256] = {
    let mut t = ASCII_SEPARATOR;
    t[b'\'' as usize] = false;
    t[b'`' as usize] = false;
    t
};

/// The high bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `v` (little-endian) that are ASCII letters or digits: the high bit of each
/// such byte set, every other bit clear. Byte-wise range checks with no carry between bytes
/// (each computed on the low seven bits, bytes with the high bit set then removed).
#[inline]
fn ascii_alnum_mask(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = v & !HIGH_BITS;
    // x in lo..=hi (x < 0x80): x + (0x80 - lo) has the high bit, x + (0x7f - hi) has not.
    let in_range = |x: u64, lo: u64, hi: u64| (x + ONES * (0x80 - lo)) & !(x + ONES * (0x7f - hi));
    let digit = in_range(low, b'0'.into(), b'9'.into());
    let letter = in_range(low | (ONES * 0x20), b'a'.into(), b'z'.into());
    (digit | letter) & !v & HIGH_BITS
}

/// The index after the ASCII letters and digits that start at `i`, read 8 bytes at a time
/// while 8 bytes remain (the tail of the slice is left to the caller's byte loop).
#[inline]
fn skip_ascii_alnum_8(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let run = (!ascii_alnum_mask(u64::from_le_bytes(chunk)) & HIGH_BITS).trailing_zeros()
            as usize
            / 8;
        i += run;
        if run < 8 {
            break;
        }
    }
    i
}

/// The classes of 64 bytes of text the word scanner reads, bit `k` for byte `k`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Classes {
    /// ASCII letters and digits ([`ASCII_ALNUM`]).
    alnum: u64,
    /// ASCII separators ([`ASCII_SEPARATOR`]).
    sep: u64,
}

/// The [`Classes`] of `block`, by table (the reference of the vector version, and the code
/// where there is none).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn table_classes(block: &[u8; 64]) -> Classes {
    block
        .iter()
        .enumerate()
        .fold(Classes::default(), |c, (k, &b)| Classes {
            alnum: c.alnum | u64::from(ASCII_ALNUM[b as usize]) << k,
            sep: c.sep | u64::from(ASCII_SEPARATOR[b as usize]) << k,
        })
}

/// The [`Classes`] of `block`, by table.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn classes(block: &[u8; 64]) -> Classes {
    table_classes(block)
}

/// The [`Classes`] of `block`, 16 bytes a step: SSE2 range tests for digits and letters
/// (signed compares of the bytes shifted so the range starts at -128), a compare for `_`,
/// and the sign bit for the bytes of 0x80 and above.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn classes(block: &[u8; 64]) -> Classes {
    // SAFETY: `sse2_classes` requires nothing but the SSE2 feature, which this build enables
    // (the `cfg` above; every x86-64 target has it).
    unsafe { sse2_classes(block) }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn sse2_classes(block: &[u8; 64]) -> Classes {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128,
    };
    let mut word = 0u64;
    let mut alnum = 0u64;
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: `chunk` is 16 bytes of a live slice, and `_mm_loadu_si128` reads exactly
        // 16 bytes from its pointer, with no alignment required.
        let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) };
        let set = |b: u8| _mm_set1_epi8(b as i8);
        // x in lo..lo + width: x + (128 - lo) wraps the range onto -128..-128 + width.
        let range = |x: __m128i, lo: u8, width: u8| {
            _mm_cmplt_epi8(
                _mm_add_epi8(x, set(128u8.wrapping_sub(lo))),
                set(128u8.wrapping_add(width)),
            )
        };
        let an = _mm_or_si128(
            range(v, b'0', 10),
            range(_mm_or_si128(v, set(0x20)), b'a', 26),
        );
        let w = _mm_or_si128(
            _mm_or_si128(an, _mm_cmpeq_epi8(v, set(b'_'))),
            _mm_cmplt_epi8(v, _mm_setzero_si128()),
        );
        let bits = |m: __m128i| u64::from(_mm_movemask_epi8(m) as u16) << (16 * k);
        alnum |= bits(an);
        word |= bits(w);
    }
    Classes { alnum, sep: !word }
}

/// Characters that are apostrophes when they stand between two letters ("Ukraine’s").
#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}'
    )
}

/// A folded copy of a text and the map back to the original's byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text: one space, then words (lowercase ASCII letters, digits, `_`, other
    /// letters as they are, apostrophes inside words) separated by single spaces, then one
    /// space. Always valid UTF-8.
    pub text: String,
    /// Checkpoints `(folded, original)`: from each checkpoint on, a folded offset `f` maps to
    /// `original + (f - folded)` until the next checkpoint. Sorted by both fields.
    map: Vec<(u32, u32)>,
    /// The words of the folded text, in order (recorded while folding, so the matcher does not
    /// scan for spaces again).
    pub words: Vec<Word>,
}

/// A word of a folded text: bytes `[start, end)`, and `stem_end`, where its first apostrophe
/// cuts it ("kyiv's" → "kyiv"), or `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// First byte.
    pub start: u32,
    /// One past the last byte (a space follows).
    pub end: u32,
    /// The first apostrophe, or `end`.
    pub stem_end: u32,
}

impl Folded {
    /// The byte offset in the original text of byte offset `f` of the folded text.
    ///
    /// The first byte of a folded word maps to the first byte of the word in the original;
    /// the end of a folded word maps to the end of the original word.
    pub fn original(&self, f: usize) -> usize {
        let f = f as u32;
        let i = self.map.partition_point(|&(folded, _)| folded <= f);
        if i == 0 {
            return f as usize;
        }
        let (folded, orig) = self.map[i - 1];
        (orig + (f - folded)) as usize
    }

    /// The byte offset in the folded text that corresponds to byte offset `o` of the original
    /// (the first folded byte at or after it).
    pub fn folded(&self, o: usize) -> usize {
        let o = o as u32;
        let i = self.map.partition_point(|&(_, orig)| orig <= o);
        let f = if i == 0 {
            o
        } else {
            let (folded, orig) = self.map[i - 1];
            folded + (o - orig)
        };
        // Inside a collapsed separator run: clamp to the next checkpoint.
        let next = self
            .map
            .get(i)
            .map_or(self.text.len() as u32, |&(folded, _)| folded);
        f.min(next) as usize
    }
}

/// Folds a whole document (see [`Folded`]): ASCII letters lowercased, every run of characters
/// that are neither letters nor digits (white space, punctuation, quotes, dashes) made one
/// space, apostrophes between letters kept as `'`. Offsets are `u32`: callers keep documents
/// under 4 GiB.
pub fn fold(text: &str) -> Folded {
    fold_with::<true>(text)
}

/// [`fold`]; without `TRACK`, the folded text alone (`map` and `words` left empty: the
/// folded text does not depend on them), for [`fold_pattern`].
fn fold_with<const TRACK: bool>(text: &str) -> Folded {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() + 2);
    let mut map: Vec<(u32, u32)> = Vec::new();
    let mut words: Vec<Word> = Vec::with_capacity(if TRACK { bytes.len() / 6 + 1 } else { 0 });
    // The current delta original - folded; a checkpoint is written where it changes. Within
    // a run of ASCII word bytes both offsets advance together, so only a run's first byte
    // needs the check.
    let mut delta: i64 = 0;
    let anchor = |out: &Vec<u8>, i: usize, delta: &mut i64, map: &mut Vec<(u32, u32)>| {
        if !TRACK {
            return;
        }
        let d = i as i64 - out.len() as i64;
        if d != *delta {
            *delta = d;
            map.push((out.len() as u32, i as u32));
        }
    };
    // The word being written (folded start, first apostrophe), if the last byte written is
    // not a space.
    let mut word: Option<(usize, Option<usize>)> = None;
    let close =
        |out: &Vec<u8>, word: &mut Option<(usize, Option<usize>)>, words: &mut Vec<Word>| {
            if let Some((start, apostrophe)) = word.take()
                && TRACK
            {
                let end = out.len();
                words.push(Word {
                    start: start as u32,
                    end: end as u32,
                    stem_end: apostrophe.unwrap_or(end) as u32,
                });
            }
        };
    out.push(b' ');
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let f = ASCII_FOLD[b as usize];
            if f != 0 {
                anchor(&out, i, &mut delta, &mut map);
                if word.is_none() {
                    word = Some((out.len(), None));
                }
                out.push(f);
                i += 1;
                while let Some(&b) = bytes.get(i) {
                    let f = if b < 0x80 { ASCII_FOLD[b as usize] } else { 0 };
                    if f == 0 {
                        break;
                    }
                    out.push(f);
                    i += 1;
                }
                continue;
            }
            if (b == b'\'' || b == b'`') && between_word_chars(text, i, 1) {
                anchor(&out, i, &mut delta, &mut map);
                if let Some((_, apostrophe @ None)) = &mut word {
                    *apostrophe = Some(out.len());
                }
                out.push(b'\'');
            } else if word.is_some() {
                anchor(&out, i, &mut delta, &mut map);
                close(&out, &mut word, &mut words);
                out.push(b' ');
            }
            i += 1;
            continue;
        }
        // Non-ASCII: one character. `text` is a str, so it decodes.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let n = c.len_utf8();
        if is_alnum(c) {
            anchor(&out, i, &mut delta, &mut map);
            if word.is_none() {
                word = Some((out.len(), None));
            }
            if c.is_lowercase() || !c.is_alphabetic() {
                out.extend_from_slice(&bytes[i..i + n]);
            } else {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        } else if is_apostrophe(c) && between_word_chars(text, i, n) {
            anchor(&out, i, &mut delta, &mut map);
            if let Some((_, apostrophe @ None)) = &mut word {
                *apostrophe = Some(out.len());
            }
            out.push(b'\'');
        } else if word.is_some() {
            anchor(&out, i, &mut delta, &mut map);
            close(&out, &mut word, &mut words);
            out.push(b' ');
        }
        i += n;
    }
    // The end of the folded text maps to the end of the original.
    anchor(&out, bytes.len(), &mut delta, &mut map);
    if word.is_some() {
        close(&out, &mut word, &mut words);
        out.push(b' ');
        anchor(&out, bytes.len(), &mut delta, &mut map);
    }
    // Whole characters were copied or replaced by ASCII, so this is UTF-8.
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Folded { text, map, words }
}

/// A word of a text found by [`scan_words`], in the text's own byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextWord {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// The first apostrophe inside the word ("Kyiv’s"), or `end`.
    pub stem_end: u32,
    /// Only ASCII letters and digits: its folded form is its bytes lowercased.
    pub simple: bool,
}

/// The words of `text[range]` in order, without building a folded copy: exactly the words of
/// [`fold`]'s output (runs of letters, digits and `_`, with apostrophes between two of them
/// kept inside), each at its place in the original text. Property-tested against `fold`.
pub fn scan_words(text: &str, range: std::ops::Range<usize>) -> Vec<TextWord> {
    let mut out = Vec::with_capacity(range.len() / 6 + 1);
    scan_words_into(text, range, &mut out);
    out
}

/// [`scan_words`], appending to `out`.
pub fn scan_words_into(text: &str, range: std::ops::Range<usize>, out: &mut Vec<TextWord>) {
    for_each_word(text, range, |w| out.push(w));
}

/// Calls `f` with each word of `text[range]`, in order (the words of [`scan_words`]).
#[inline]
pub fn for_each_word(text: &str, range: std::ops::Range<usize>, mut f: impl FnMut(TextWord)) {
    for_each_word_head(text, range, |w, _, _| f(w));
}

/// [`for_each_word`], `f` also given the word's folded head and tail where the scanner read
/// it whole in one or two 8-byte loads (a simple word of fewer than 16 bytes): its first 8
/// bytes (the head) and the next ones (the tail, 0 for a word under 8 bytes) with the 0x20
/// bit set (lowercase), little-endian, zero-padded; 0 and 0 for other words (no word's head
/// is 0). The matcher's dictionary looks such a word up by them, which it would otherwise
/// load (and, past 8 bytes, hash in a loop) again.
///
/// Separators and a word's letters and digits are found from the bits of a 64-byte window
/// ([`Classes`], 16 bytes a vector step), renewed every 48 bytes or so: a word then costs
/// two shifts and two bit counts, where its 8-byte load was tested byte-wise for letters and
/// digits (about 25 instructions) after a byte loop over the separators before it. The last
/// 64 bytes of the text are read the older way, by loads.
#[inline]
pub fn for_each_word_head(
    text: &str,
    range: std::ops::Range<usize>,
    mut f: impl FnMut(TextWord, u64, u64),
) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let bytes = slice.as_bytes();
    let n = bytes.len();
    let ends = |next: u8| ENDS_SIMPLE_WORD[next as usize];
    let load = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            .map(u64::from_le_bytes)
    };
    // The letters and digits that open `v`, and `v` lowercased with the bytes past them
    // cleared; `None` when all 8 bytes are letters and digits.
    let opening = |v: u64| {
        let run = (!ascii_alnum_mask(v) & HIGH_BITS).trailing_zeros() as usize / 8;
        (run < 8).then(|| {
            let next = (v >> (8 * run)) as u8;
            (
                run,
                next,
                (v | 0x2020_2020_2020_2020) & ((1u64 << (8 * run)) - 1),
            )
        })
    };
    // The byte classes of `block`, `bytes[win..win + 64]` ([`Classes`]), read while `i` is
    // at most 48 bytes into it, so that a word of up to 15 bytes and the byte after it are
    // inside; `win` is `n` (behind every `i`, so `i - win` wraps past 48) where the text has
    // no 64 bytes left.
    let mut win = n;
    let mut cls = Classes::default();
    let mut block = &[0u8; 64];
    let mut i = 0;
    while i < n {
        let mut rel = i.wrapping_sub(win);
        if rel > 48 {
            match bytes
                .get(i..i + 64)
                .and_then(|b| <&[u8; 64]>::try_from(b).ok())
            {
                Some(b) => {
                    block = b;
                    cls = classes(b);
                    win = i;
                    rel = 0;
                }
                None => win = n,
            }
        }
        // The common word: fewer than 16 ASCII letters and digits, then an ASCII separator
        // that cannot continue it (not `_`, `'` or a backtick), read whole in one 8-byte
        // load, or two. `(length, head, tail)`.
        let short = if rel <= 48 {
            // Separators a run at a time, then the word's letters and digits, from the
            // window's bits.
            let sep = cls.sep >> rel;
            if sep & 1 != 0 {
                i += (!sep).trailing_zeros() as usize;
                continue;
            }
            let run = (!(cls.alnum >> rel)).trailing_zeros() as usize;
            if run > 0
                && run < 16
                && block
                    .get(rel + run)
                    .is_some_and(|&next| ENDS_SIMPLE_WORD[next as usize])
            {
                // `rel + 16 <= 64`: both loads are inside the block.
                let at = |k: usize| {
                    block
                        .get(rel + k..rel + k + 8)
                        .and_then(|c| <[u8; 8]>::try_from(c).ok())
                        .map_or(0, u64::from_le_bytes)
                        | 0x2020_2020_2020_2020
                };
                Some(if run < 8 {
                    (run, at(0) & ((1u64 << (8 * run)) - 1), 0)
                } else {
                    (run, at(0), at(8) & ((1u64 << (8 * (run - 8))) - 1))
                })
            } else {
                None
            }
        } else {
            // Skip ASCII separators a run at a time; anything else is decided below.
            while i < n && ASCII_SEPARATOR[bytes[i] as usize] {
                i += 1;
            }
            if i >= n {
                break;
            }
            load(i).and_then(|v| match opening(v) {
                Some((run, next, h)) => (run > 0 && ends(next)).then_some((run, h, 0)),
                None => {
                    let (run, next, t) = opening(load(i + 8)?)?;
                    ends(next).then_some((8 + run, v | 0x2020_2020_2020_2020, t))
                }
            })
        };
        let start = i;
        let mut stem_end: Option<usize> = None;
        let mut simple = true;
        let mut head = 0;
        let mut tail = 0;
        if let Some((run, h, t)) = short {
            i += run;
            head = h;
            tail = t;
        } else {
            if bytes[i] >= 0x80 {
                let Some(c) = slice[i..].chars().next() else {
                    break;
                };
                if !is_alnum(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            // A word: word characters, and apostrophes with a word character on each side.
            loop {
                // The common run: ASCII letters and digits, 8 at a time where the slice has
                // 8 bytes left, then the tail by table.
                i = skip_ascii_alnum_8(bytes, i);
                while i < n && ASCII_ALNUM[bytes[i] as usize] {
                    i += 1;
                }
                let Some(&b) = bytes.get(i) else {
                    break;
                };
                if b == b'_' {
                    simple = false;
                    i += 1;
                    continue;
                }
                if b < 0x80 {
                    if (b == b'\'' || b == b'`') && char_at(slice, i + 1).is_some_and(is_word_char)
                    {
                        stem_end.get_or_insert(i);
                        simple = false;
                        i += 1;
                        continue;
                    }
                    break;
                }
                let Some(c) = slice[i..].chars().next() else {
                    break;
                };
                let len = c.len_utf8();
                if is_alnum(c) {
                    simple = false;
                    i += len;
                    continue;
                }
                if is_apostrophe(c) && char_at(slice, i + len).is_some_and(is_word_char) {
                    stem_end.get_or_insert(i);
                    simple = false;
                    i += len;
                    continue;
                }
                break;
            }
        }
        f(
            TextWord {
                start: (base + start) as u32,
                end: (base + i) as u32,
                stem_end: (base + stem_end.unwrap_or(i)) as u32,
                simple,
            },
            head,
            tail,
        );
        // A word read by the loads was read with the separator after it: passed here, not
        // by another turn of the separator loop.
        if head != 0 {
            i += 1;
        }
    }
}

/// Appends the folded form of `text[start..end]` (one word) to `out`, as [`fold`] writes it.
pub fn fold_word(text: &str, start: usize, end: usize, out: &mut Vec<u8>) {
    let Some(word) = text.get(start..end) else {
        return;
    };
    for c in word.chars() {
        if c.is_ascii() {
            match ASCII_FOLD[c as usize] {
                0 => out.push(b'\''),
                f => out.push(f),
            }
        } else if is_alnum(c) {
            let mut buf = [0u8; 4];
            if c.is_lowercase() || !c.is_alphabetic() {
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            } else {
                for l in c.to_lowercase() {
                    out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        } else {
            // An apostrophe inside the word.
            out.push(b'\'');
        }
    }
}

/// Is the character at `[i, i + n)` of `text` between two word characters (an apostrophe in
/// "Ukraine's", not a quotation mark)?
fn between_word_chars(text: &str, i: usize, n: usize) -> bool {
    char_before(text, i).is_some_and(is_word_char) && char_at(text, i + n).is_some_and(is_word_char)
}

/// Folds a lexicon pattern the way [`fold`] folds documents, without the surrounding spaces:
/// "Ukraine’s Security-Council" → "ukraine's security council".
pub fn fold_pattern(pattern: &str) -> String {
    // (Trimmed in place: the folded text is not copied again.)
    let mut text = fold_with::<false>(pattern).text;
    text.truncate(text.trim_end().len());
    let lead = text.len() - text.trim_start().len();
    text.drain(..lead);
    text
}

/// The letters and digits of a text, case kept: what an exact-case alias must match ("U.S."
/// → "US").
pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of word characters.
    Word,
    /// One punctuation or symbol character.
    Punct(char),
}

/// A token of a sentence: its kind and byte span in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Word or punctuation.
    pub kind: TokenKind,
    /// Byte offset of the first byte in the document.
    pub start: u32,
    /// Byte offset one past the last byte in the document.
    pub end: u32,
}

impl Token {
    /// Is this a word token?
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Is this the punctuation character `c`?
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
}

/// Splits `text[start..end]` into tokens, appending them to `out` with document offsets.
///
/// Word characters are taken a run at a time (ASCII by table, others decoded); the same
/// tokens as a character-by-character reading (property-tested against one).
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let bytes = slice.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            if ASCII_FOLD[b as usize] == 0 {
                if !(b.is_ascii_whitespace() || b == 0x0b) {
                    out.push(Token {
                        kind: TokenKind::Punct(b as char),
                        start: (start + i) as u32,
                        end: (start + i + 1) as u32,
                    });
                }
                i += 1;
                continue;
            }
            (b as char, 1)
        } else {
            let Some(c) = slice[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if !is_word_char(c) {
                if !c.is_whitespace() {
                    out.push(Token {
                        kind: TokenKind::Punct(c),
                        start: (start + i) as u32,
                        end: (start + i + len) as u32,
                    });
                }
                i += len;
                continue;
            }
            (c, len)
        };
        // A word: its first character is `c`; then every word character after it.
        debug_assert!(is_word_char(c));
        let ws = i;
        i += len;
        loop {
            // ASCII letters and digits 8 at a time, then the rest (`_`, the tail) by table.
            i = skip_ascii_alnum_8(bytes, i);
            while i < n && bytes[i] < 0x80 && ASCII_FOLD[bytes[i] as usize] != 0 {
                i += 1;
            }
            if i < n
                && bytes[i] >= 0x80
                && let Some(d) = slice[i..].chars().next()
                && is_word_char(d)
            {
                i += d.len_utf8();
                continue;
            }
            break;
        }
        out.push(Token {
            kind: TokenKind::Word,
            start: (start + ws) as u32,
            end: (start + i) as u32,
        });
        // Most words are followed by one space, no token: passed here, not by another turn.
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    }
}

/// [`tokenize`] of `text[start..end]` from the words [`for_each_word`] finds in the whole of
/// `text` (`words`: those words in order, from the first that ends after `start` on), instead
/// of reading every byte again: between two such words stand only punctuation and white
/// space, and a word is one token unless it holds an apostrophe ("Kyiv’s" is three). The same
/// tokens as [`tokenize`] (property-tested). Returns `false`, with `out` as it was, where a
/// word crosses `start` or `end`: the caller then tokenizes the bytes.
///
/// Inlined into the tagger's sentence loop, where the word iterator's steps then run in
/// place; with it, [`gap_tokens`] (about three calls a sentence) is inlined here.
#[inline(always)]
pub fn tokenize_words(
    text: &str,
    start: usize,
    end: usize,
    words: impl Iterator<Item = TextWord>,
    out: &mut Vec<Token>,
) -> bool {
    if text.get(start..end).is_none() {
        return true;
    }
    let before = out.len();
    let bytes = text.as_bytes();
    let mut at = start;
    for w in words {
        let (ws, we) = (w.start as usize, w.end as usize);
        if ws >= end {
            break;
        }
        if ws < at || we > end {
            out.truncate(before);
            return false;
        }
        // Most words follow another and one space.
        if ws - at > 1 || (ws - at == 1 && bytes.get(at) != Some(&b' ')) {
            gap_tokens(text, at, ws, out);
        }
        if w.stem_end == w.end {
            out.push(Token {
                kind: TokenKind::Word,
                start: w.start,
                end: w.end,
            });
        } else {
            tokenize(text, ws, we, out);
        }
        at = we;
    }
    gap_tokens(text, at, end, out);
    true
}

/// The tokens of `text[from..to]`, which holds no word character: a punctuation token for each
/// character that is not white space. The common gaps (one space; ASCII punctuation and
/// spaces) are read here, others by [`tokenize`].
#[inline(always)]
fn gap_tokens(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let Some(gap) = text.as_bytes().get(from..to) else {
        return;
    };
    match gap {
        [] | [b' '] => {}
        // A mark and a space (", ", ". "): the common gap between two words that is not one
        // space.
        [b, b' '] if *b > b' ' && *b < 0x80 => out.push(Token {
            kind: TokenKind::Punct(*b as char),
            start: from as u32,
            end: from as u32 + 1,
        }),
        [b] if *b < 0x80 => {
            if !(b.is_ascii_whitespace() || *b == 0x0b) {
                out.push(Token {
                    kind: TokenKind::Punct(*b as char),
                    start: from as u32,
                    end: from as u32 + 1,
                });
            }
        }
        _ if gap.is_ascii() => {
            for (k, &b) in gap.iter().enumerate() {
                debug_assert_eq!(ASCII_FOLD[b as usize], 0);
                if !(b.is_ascii_whitespace() || b == 0x0b) {
                    let at = (from + k) as u32;
                    out.push(Token {
                        kind: TokenKind::Punct(b as char),
                        start: at,
                        end: at + 1,
                    });
                }
            }
        }
        _ => tokenize(text, from, to, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_folded_pattern_is_the_folded_text_trimmed(s in "[ a-zA-Z0-9'’.,\\-\u{e9}\u{c9}\u{a0}]{0,16}") {
            let folded = fold(&s);
            proptest::prop_assert_eq!(fold_pattern(&s), folded.text.trim());
        }
    }

    proptest::proptest! {
        /// `lines` gives the lines `str::lines` gives.
        #[test]
        fn lines_are_the_standard_lines(text in "([a\\r\\n ]|\\r\\n|é){0,24}") {
            proptest::prop_assert_eq!(
                lines(&text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>()
            );
        }
    }

    fn map_all(text: &str) -> (String, Vec<usize>) {
        let f = fold(text);
        let offsets = (0..=f.text.len())
            .filter(|&i| f.text.is_char_boundary(i))
            .map(|i| f.original(i))
            .collect();
        (f.text, offsets)
    }

    #[test]
    fn folds_case_quotes_and_space() {
        let f = fold("Ukraine’s  “Security”\r\nGuarantees\u{a0}now");
        assert_eq!(f.text, " ukraine's security guarantees now ");
        let f = fold("spoke of “swapping” territory, ‘legitimate targets’ and the allies' 'plan'");
        assert_eq!(
            f.text,
            " spoke of swapping territory legitimate targets and the allies plan "
        );
        let f = fold("U.S.-led Article 5-style — Élysée, 2025");
        assert_eq!(f.text, " u s led article 5 style élysée 2025 ");
        assert_eq!(
            fold("Ukrainian İstanbul").text,
            " ukrainian i\u{307}stanbul "
        );
        assert_eq!(fold("").text, " ");
        assert_eq!(fold(" \n—").text, " ");
    }

    #[test]
    fn maps_offsets_back_to_the_original() {
        let text = "A’b  c\u{a0}\u{a0}d\te — “f.”";
        let f = fold(text);
        assert_eq!(f.text, " a'b c d e f ");
        // Every folded word starts and ends where the original word does.
        for word in ["a'b", "c", "d", "e", "f"] {
            let fpos = f.text.find(&format!(" {word} ")).unwrap() + 1;
            let (o0, o1) = (f.original(fpos), f.original(fpos + word.len()));
            let orig: String = text[o0..o1]
                .chars()
                .map(|c| {
                    if c == '’' {
                        '\''
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            assert_eq!(orig, word, "word {word}");
            assert_eq!(f.folded(o0), fpos, "inverse of {word}");
            assert_eq!((f.original(fpos), f.original(fpos + word.len())), (o0, o1));
        }
        assert_eq!(f.original(0), 0);
    }

    /// The words recorded while folding are the folded text split at spaces, each cut at its
    /// first apostrophe for the stem.
    fn check_words(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let f = fold(text);
        let mut expected = Vec::new();
        let mut at = 0;
        for piece in f.text.split(' ') {
            if !piece.is_empty() {
                let stem = piece.find('\'').unwrap_or(piece.len());
                expected.push(Word {
                    start: at as u32,
                    end: (at + piece.len()) as u32,
                    stem_end: (at + stem) as u32,
                });
            }
            at += piece.len() + 1;
        }
        proptest::prop_assert_eq!(&f.words, &expected, "{:?} → {:?}", text, f.text);
        Ok(())
    }

    /// The words [`scan_words`] finds in the original text are the folded text's words: the
    /// same folded bytes, at the offsets the folded words map back to.
    fn check_scan(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let f = fold(text);
        let scanned = scan_words(text, 0..text.len());
        proptest::prop_assert_eq!(scanned.len(), f.words.len(), "{:?}", text);
        for (w, fw) in scanned.iter().zip(&f.words) {
            let mut folded = Vec::new();
            fold_word(text, w.start as usize, w.end as usize, &mut folded);
            let expected = &f.text.as_bytes()[fw.start as usize..fw.end as usize];
            proptest::prop_assert_eq!(&folded[..], expected, "{:?}", text);
            proptest::prop_assert_eq!(f.original(fw.start as usize), w.start as usize);
            proptest::prop_assert_eq!(f.original(fw.end as usize), w.end as usize);
            proptest::prop_assert_eq!(f.original(fw.stem_end as usize), w.stem_end as usize);
            let ascii_alnum = text[w.start as usize..w.end as usize]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric());
            proptest::prop_assert_eq!(w.simple, ascii_alnum);
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn alnum_mask_of_any_eight_bytes(bytes in proptest::array::uniform8(0u8..)) {
            let expected = bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_alphanumeric())
                .fold(0u64, |m, (k, _)| m | 0x80 << (8 * k));
            proptest::prop_assert_eq!(ascii_alnum_mask(u64::from_le_bytes(bytes)), expected);
        }
    }

    proptest::proptest! {
        #[test]
        fn classes_are_the_tables_classes(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 64),
            pick in proptest::collection::vec(0..8usize, 64),
        ) {
            // Half the bytes drawn from the ones the classes tell apart.
            const EDGES: &[u8] = b"09azAZ_'";
            let mut block = [0u8; 64];
            for (k, b) in block.iter_mut().enumerate() {
                *b = if k % 2 == 0 { bytes[k] } else { EDGES[pick[k]] };
            }
            proptest::prop_assert_eq!(classes(&block), table_classes(&block));
        }
    }

    #[test]
    fn classes_of_every_byte() {
        for b in 0..=255u8 {
            let mut block = [b' '; 64];
            for k in [0, 15, 16, 40, 63] {
                block[k] = b;
            }
            assert_eq!(classes(&block), table_classes(&block), "byte {b:#x}");
        }
    }

    #[test]
    fn is_alnum_is_is_alphanumeric() {
        for cp in 0..0x11_0000u32 {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn alnum_mask_marks_ascii_letters_and_digits() {
        for b in 0..=255u8 {
            for at in [0, 3, 7] {
                let mut bytes = [b' '; 8];
                bytes[at] = b;
                let mask = ascii_alnum_mask(u64::from_le_bytes(bytes));
                let expected = if b.is_ascii_alphanumeric() {
                    0x80u64 << (8 * at)
                } else {
                    0
                };
                assert_eq!(mask, expected, "byte {b:#x} at {at}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn scanned_and_folded_words_agree_on_any_text(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..60)
        ) {
            let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            check_words(&text)?;
            check_scan(&text)?;
            check_heads(&text)?;
        }
    }

    /// A word is given its head exactly where one or two 8-byte loads read it with the byte
    /// after it: a simple word of 1 to 15 bytes followed by a separator that cannot continue
    /// it, the text holding 8 bytes from its start (16 for a word of 8 bytes or more).
    fn check_heads(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let b = text.as_bytes();
        let mut given = Vec::new();
        for_each_word_head(text, 0..text.len(), |w, h, t| given.push((w, h, t)));
        // The lowercase bytes `from..to` of the word, little-endian.
        let lower = |from: usize, to: usize| {
            b.get(from..to)
                .unwrap_or_default()
                .iter()
                .rev()
                .fold(0u64, |v, &x| v << 8 | u64::from(x.to_ascii_lowercase()))
        };
        for (w, h, t) in given {
            let (s, e) = (w.start as usize, w.end as usize);
            let len = e - s;
            let has_head = h != 0;
            if has_head {
                proptest::prop_assert_eq!(h, lower(s, e.min(s + 8)), "{:?} in {:?}", w, text);
                proptest::prop_assert_eq!(t, lower(s + 8, e.max(s + 8)), "{:?} in {:?}", w, text);
            }
            let expected = w.simple
                && (1..16).contains(&len)
                && b.get(e).is_some_and(|&x| ENDS_SIMPLE_WORD[x as usize])
                && s + if len < 8 { 8 } else { 16 } <= b.len();
            proptest::prop_assert_eq!(has_head, expected, "{:?} in {:?}", w, text);
        }
        Ok(())
    }

    /// Words of 9 to 12 bytes, for the long texts.
    const WORDS: &[&str] = &["Ukrainian", "peacekeeping", "ceasefire"];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// Long texts, where the scanner reads 64-byte windows (and the text's last bytes
        /// without one).
        #[test]
        fn long_texts_scan_as_they_fold(
            picks in proptest::collection::vec(0..ALPHABET.len() + WORDS.len(), 60..400)
        ) {
            let text: String = picks
                .iter()
                .map(|&i| ALPHABET.iter().chain(WORDS).nth(i).copied().unwrap_or(""))
                .collect();
            check_scan(&text)?;
            check_heads(&text)?;
        }
    }

    #[test]
    fn words_are_the_folded_words() {
        for text in [
            "",
            " ",
            "Kyiv’s reply",
            "rock'n'roll",
            "a'",
            "'a",
            "Élysée's 2025 U.S.-led",
            "x\u{2019}\u{2019}y",
        ] {
            check_words(text).unwrap();
        }
    }

    /// Pieces that exercise folding: letters of several scripts and cases, digits, apostrophes
    /// of every kind, quotes, dashes, white space and line breaks.
    const ALPHABET: &[&str] = &[
        "a", "Z", "é", "İ", "ß", "5", "_", "'", "’", "`", "‘", " ", "\n", "\r\n", "—", "-", ".",
        "\"", "“", "\u{a0}", "Kyiv", "U.S.", "ǅ",
    ];

    #[test]
    fn offsets_are_monotone_and_on_boundaries() {
        for text in [
            "",
            "   ",
            "x",
            "Kyiv’s\n\n\u{2029}reply — “No.”",
            "  lead",
            "trail  ",
            "a\u{3000}b",
            "é—ü",
        ] {
            let (_, offsets) = map_all(text);
            for w in offsets.windows(2) {
                assert!(w[0] <= w[1], "{text:?}: {offsets:?}");
            }
            for &o in &offsets {
                assert!(o <= text.len() && text.is_char_boundary(o), "{text:?}: {o}");
            }
        }
    }

    #[test]
    fn patterns_fold_like_text() {
        assert_eq!(
            fold_pattern("  Ukraine’s  Security-Council "),
            "ukraine's security council"
        );
        assert_eq!(fold_pattern("U.S."), "u s");
        assert_eq!(letters("U.S."), "US");
    }

    /// The plain definition of tokens, one `char` at a time: what [`tokenize`]'s byte scan
    /// must equal.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut word_start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if is_word_char(c) {
                word_start.get_or_insert(i);
                continue;
            }
            if let Some(ws) = word_start.take() {
                out.push(Token {
                    kind: TokenKind::Word,
                    start: ws as u32,
                    end: i as u32,
                });
            }
            if !c.is_whitespace() {
                let end = (i + c.len_utf8()) as u32;
                out.push(Token {
                    kind: TokenKind::Punct(c),
                    start: i as u32,
                    end,
                });
            }
        }
        if let Some(ws) = word_start {
            out.push(Token {
                kind: TokenKind::Word,
                start: ws as u32,
                end: text.len() as u32,
            });
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn tokens_are_the_char_by_char_tokens(
            picks in proptest::collection::vec(0..ALPHABET.len() + 4, 0..60)
        ) {
            let extra = ["\t", "\u{b}", "\u{1c}", "\u{85}"];
            let text: String = picks
                .iter()
                .map(|&i| ALPHABET.get(i).copied().unwrap_or_else(|| extra[i - ALPHABET.len()]))
                .collect();
            let mut toks = Vec::new();
            tokenize(&text, 0, text.len(), &mut toks);
            proptest::prop_assert_eq!(toks, tokenize_by_chars(&text), "{:?}", text);
        }

        /// Tokens from the whole text's words are the tokens of the bytes, for any range on
        /// the pieces' boundaries (a sentence), after tokens already in the buffer; where a
        /// word crosses the range's ends, nothing is added and the bytes are tokenized.
        #[test]
        fn tokens_from_the_words_are_the_tokens(
            picks in proptest::collection::vec(0..ALPHABET.len() + 4, 0..60),
            cut in (0usize..61, 0usize..61),
        ) {
            let extra = ["\t", "\u{b}", "\u{1c}", "\u{85}"];
            let pieces: Vec<&str> = picks
                .iter()
                .map(|&i| ALPHABET.get(i).copied().unwrap_or_else(|| extra[i - ALPHABET.len()]))
                .collect();
            let text = pieces.concat();
            let offset = |k: usize| pieces.iter().take(k).map(|p| p.len()).sum::<usize>();
            let (a, b) = (offset(cut.0.min(cut.1)), offset(cut.0.max(cut.1)));
            let words = scan_words(&text, 0..text.len());
            let from = words.iter().position(|w| w.end as usize > a).unwrap_or(words.len());
            let mut toks = vec![Token { kind: TokenKind::Word, start: 0, end: 0 }];
            let mut expected = toks.clone();
            tokenize(&text, a, b, &mut expected);
            if !tokenize_words(&text, a, b, words[from..].iter().copied(), &mut toks) {
                proptest::prop_assert_eq!(toks.len(), 1);
                tokenize(&text, a, b, &mut toks);
            }
            proptest::prop_assert_eq!(toks, expected, "{:?} {}..{}", text, a, b);
        }
    }

    #[test]
    fn tokens_from_words_give_up_on_a_word_across_the_range() {
        let text = "Kyiv’s “no”, she said";
        let words = scan_words(text, 0..text.len());
        let mut toks = Vec::new();
        assert!(tokenize_words(
            text,
            0,
            text.len(),
            words.iter().copied(),
            &mut toks
        ));
        let mut expected = Vec::new();
        tokenize(text, 0, text.len(), &mut expected);
        assert_eq!(toks, expected);
        // "said" crosses the end of "Kyiv’s “no”, she sa".
        toks.clear();
        assert!(!tokenize_words(
            text,
            0,
            text.len() - 2,
            words.iter().copied(),
            &mut toks
        ));
        assert!(toks.is_empty());
    }

    #[test]
    fn tokens_split_words_and_punctuation() {
        let text = "Moscow’s “no” — U.S.-led 2025";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let words: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.start as usize..t.end as usize])
            .collect();
        assert_eq!(
            words,
            [
                "Moscow", "’", "s", "“", "no", "”", "—", "U", ".", "S", ".", "-", "led", "2025"
            ]
        );
    }
}
