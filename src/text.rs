//! Text utilities shared by the stages: folding for matching, word characters, tokens.
//!
//! **Folding** turns a document into the form the lexicon automaton runs on: ASCII letters
//! lowercased, curly apostrophes and quotes straightened, every run of white space (including
//! line breaks and non-breaking spaces) collapsed to one ASCII space, Unicode hyphens made
//! ASCII. A [`Folded`] text keeps a sparse map back to byte offsets of the original text, so a
//! hit found in folded text is reported at its true position. Lexicon patterns are folded with
//! the same function, so "Ukraine’s" in an article matches the alias "Ukraine's", and
//! "security\nguarantees" in a hard-wrapped article matches "security guarantees".
//!
//! **Tokens** are what the stance tagger counts distances in: maximal runs of word characters,
//! and single punctuation characters. White space is not a token.

/// Is `c` part of a word? Letters and digits of any script, and the underscore.
/// Apostrophes and hyphens are not: "Ukraine's" is the word "Ukraine", then "'", then "s".
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
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

/// How one character is folded, or `None` when it is copied unchanged.
#[inline]
fn fold_char(c: char) -> Option<u8> {
    match c {
        'A'..='Z' => Some(c.to_ascii_lowercase() as u8),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' => {
            Some(b'\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '"' => Some(b'"'),
        '\u{2010}' | '\u{2011}' => Some(b'-'),
        _ => None,
    }
}

/// A folded copy of a text and the map back to the original's byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text. Always valid UTF-8 (folding replaces whole characters).
    pub text: String,
    /// Checkpoints `(folded, original)`: from each checkpoint on, a folded offset `f` maps to
    /// `original + (f - folded)` until the next checkpoint. Sorted by both fields.
    map: Vec<(u32, u32)>,
}

impl Folded {
    /// The byte offset in the original text of byte offset `f` of the folded text.
    ///
    /// Offsets on a character boundary of the folded text map to a character boundary of the
    /// original. The start of a collapsed white-space run maps to the start of the run.
    pub fn original(&self, f: usize) -> usize {
        let f = f as u32;
        let i = self.map.partition_point(|&(folded, _)| folded <= f);
        if i == 0 {
            return f as usize;
        }
        let (folded, orig) = self.map[i - 1];
        (orig + (f - folded)) as usize
    }
}

/// Folds a whole document (see the module docs). Offsets are `u32`: callers keep documents
/// under 4 GiB.
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::new();
    let mut in_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // ASCII fast path.
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
                if !in_space {
                    out.push(' ');
                    in_space = true;
                }
                i += 1;
                map.push((out.len() as u32, i as u32));
                continue;
            }
            if b == b'"' || (matches!(b, b'\'' | b'`') && !between_word_chars(text, i, 1)) {
                // Quotation marks are dropped: "‘legitimate targets’" matches the alias.
                i += 1;
                map.push((out.len() as u32, i as u32));
                continue;
            }
            in_space = false;
            out.push(if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b
            } as char);
            i += 1;
            continue;
        }
        // Non-ASCII: decode one character. `text` is a str, so this cannot fail.
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let n = c.len_utf8();
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                in_space = true;
            }
            i += n;
            map.push((out.len() as u32, i as u32));
            continue;
        }
        match fold_char(c) {
            Some(b'"') => {
                i += n;
                map.push((out.len() as u32, i as u32));
            }
            Some(b'\'') if !between_word_chars(text, i, n) => {
                i += n;
                map.push((out.len() as u32, i as u32));
            }
            Some(f) => {
                in_space = false;
                out.push(f as char);
                i += n;
                map.push((out.len() as u32, i as u32));
            }
            None => {
                in_space = false;
                out.push(c);
                i += n;
            }
        }
    }
    // Drop redundant checkpoints (same delta as the one before) to keep lookups short.
    let mut compact: Vec<(u32, u32)> = Vec::with_capacity(map.len());
    for (f, o) in map {
        let delta = o.wrapping_sub(f);
        match compact.last_mut() {
            Some(last) if last.0 == f => *last = (f, o),
            Some(last) if last.1.wrapping_sub(last.0) == delta => {}
            None if delta == 0 => {}
            _ => compact.push((f, o)),
        }
    }
    Folded {
        text: out,
        map: compact,
    }
}

/// Is the character at `[i, i + n)` of `text` between two word characters (an apostrophe in
/// "Ukraine's", not a quotation mark)?
fn between_word_chars(text: &str, i: usize, n: usize) -> bool {
    char_before(text, i).is_some_and(is_word_char) && char_at(text, i + n).is_some_and(is_word_char)
}

/// Folds a lexicon pattern the way [`fold`] folds documents, trimming it. When `keep_case`
/// is set, letters keep their case (for patterns that must match case exactly).
pub fn fold_pattern(pattern: &str, keep_case: bool) -> String {
    let folded = fold(pattern.trim());
    if !keep_case {
        return folded.text;
    }
    // Re-fold without lowercasing: apply only the punctuation and space rules.
    let mut out = String::with_capacity(pattern.len());
    let mut in_space = false;
    for c in pattern.trim().chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        match fold_char(c) {
            Some(f) if !c.is_ascii_uppercase() => out.push(f as char),
            _ => out.push(c),
        }
    }
    out
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
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let mut word_start: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        if is_word_char(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(ws) = word_start.take() {
            out.push(Token {
                kind: TokenKind::Word,
                start: (start + ws) as u32,
                end: (start + i) as u32,
            });
        }
        if !c.is_whitespace() {
            out.push(Token {
                kind: TokenKind::Punct(c),
                start: (start + i) as u32,
                end: (start + i + c.len_utf8()) as u32,
            });
        }
    }
    if let Some(ws) = word_start {
        out.push(Token {
            kind: TokenKind::Word,
            start: (start + ws) as u32,
            end: end as u32,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(f.text, "ukraine's security guarantees now");
        let f = fold("spoke of “swapping” territory, ‘legitimate targets’ and the allies' 'plan'");
        assert_eq!(
            f.text,
            "spoke of swapping territory, legitimate targets and the allies plan"
        );
    }

    #[test]
    fn maps_offsets_back_to_the_original() {
        let text = "A’b  c\u{a0}\u{a0}d\te";
        let f = fold(text);
        assert_eq!(f.text, "a'b c d e");
        // Every folded word starts where the original word starts.
        for (word, orig) in [("b", "b"), ("c", "c"), ("d", "d"), ("e", "e")] {
            let fpos = f.text.find(word).unwrap();
            assert_eq!(
                &text[f.original(fpos)..f.original(fpos) + 1],
                orig,
                "word {word}"
            );
            assert_eq!(f.original(fpos + 1), f.original(fpos) + 1);
        }
        assert_eq!(f.original(f.text.len()), text.len());
    }

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
        ] {
            let (_, offsets) = map_all(text);
            for w in offsets.windows(2) {
                assert!(w[0] <= w[1], "{text:?}: {offsets:?}");
            }
            for &o in &offsets {
                assert!(text.is_char_boundary(o), "{text:?}: {o}");
            }
        }
    }

    #[test]
    fn pattern_folding_keeps_case_on_request() {
        assert_eq!(
            fold_pattern("  Ukraine’s  Security ", false),
            "ukraine's security"
        );
        assert_eq!(fold_pattern("U.S.", true), "U.S.");
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
