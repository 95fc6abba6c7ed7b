//! Matching: every lexicon pattern found in a document.
//!
//! In: a [`Lexicon`] (once, to build), then document texts. Out: [`Hits`], three sorted lists
//! of spans in the document's byte offsets: entities (actor and topic mentions), stance cues,
//! and grammatical markers.
//!
//! How: every pattern is folded ([`crate::text::fold`]): lowercase, and every run of
//! non-letters made one space, so a pattern is a sequence of folded words. A document is not
//! folded: its words are found where they stand ([`crate::text::scan_words`], the same words
//! folding would give, property-tested) and each is looked up once in a dictionary of every
//! word of every pattern (a bitmap turns away most words, which are in no pattern, after one
//! hash; a word of ASCII letters and digits is hashed and compared in place, others are folded
//! first). Each layer is a trie over those word ids, so the patterns that start at a word are
//! found by walking the following words' ids. A match is a run of whole words; its last word
//! may also be a word's stem before its first apostrophe ("Kyiv" in "Kyiv's"). Short
//! all-capital aliases ("US", "UN") also need their letters in capitals in the original text,
//! so "us" and "un" are not actors.
//!
//! On this lexicon an aho-corasick DFA (10 MB) scanned about 200 MB/s alone and 55 MB/s
//! inside a run, where it competes for the cache; the dictionary and tries are a few hundred
//! KB (DESIGN.md has the figures).
//!
//! Three layers, each with its own trie:
//!
//! - **entities** (actor and topic aliases) and **cues**: leftmost-longest per layer. At each
//!   word start, the longest pattern that matches and holds its boundaries and case wins, and
//!   words inside it start nothing more in that layer: at every position the longest alias on
//!   word boundaries wins ("peacekeeping" in "peacekeeping forces" even where the longer alias
//!   "peacekeeping force" is a candidate). Cue entries sharing a phrase are all reported. One
//!   exception, for entities: an alias opening with "the" ("the U.S.") gives way to a longer
//!   one starting at its next word ("U.S. President" in "the U.S. President").
//! - **markers** (grammatical words): every pattern at every word start, but only in the
//!   sentences the tagger will read; a marker inside a longer marker of the same role is
//!   dropped ("no" in "no longer"), one of another role is kept ("would" in "would not").
//!   Markers written only with punctuation (";") are found in the original text.
//!
//! Regular-expression cues run on the folded text (folded only when the lexicon has one).
//!
//! Always: hits are on character boundaries of the document, inside it, sorted by start; the
//! same text gives the same hits.

use regex::Regex;

use crate::lexicon::{ActorIdx, ContextIdx, CueIdx, Form, Lexicon, MarkerIdx, Role, TopicIdx};
use crate::text::{
    FastMap, TextWord, fold, fold_word, for_each_word_head, letters, scan_words_into,
};

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
    /// A word that names a topic only after the document has named it ("membership"); the
    /// pipeline turns it into a [`Target::Topic`] or drops it before anyone else sees it.
    Context(ContextIdx),
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
    /// Where the text has a byte that may start a quotation mark (`"`, E2 or C2), when the
    /// pipeline has looked for them (it reads quotes to choose where markers are searched);
    /// the tagger looks for them itself otherwise.
    pub quote_marks: Option<Vec<u32>>,
    /// For each sentence the pipeline matched (in order), where its hits stand in the three
    /// lists, when the pipeline has found them on its way (choosing where markers are
    /// searched, searching them); the tagger finds them itself otherwise.
    pub sentence_hits: Option<Vec<SentenceHits>>,
}

/// The hits of one sentence: the index ranges of [`Hits::entities`], [`Hits::cues`] and
/// [`Hits::markers`] whose hits start inside it, and its first word in the word index where
/// the marker search found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceHits {
    /// The sentence's byte span `[start, end)` (what the rest was found for).
    pub span: (u32, u32),
    /// `entities[e0..e1]`.
    pub entities: (u32, u32),
    /// `cues[c0..c1]`.
    pub cues: (u32, u32),
    /// `markers[m0..m1]`.
    pub markers: (u32, u32),
    /// The index of the first word of the word index that ends after the sentence's start
    /// ([`Indexed::words_from`]), where the marker search looked in the sentence; else
    /// `u32::MAX`.
    pub first_word: u32,
    /// Whether a quotation mark in the sentence counts, and which quotation is open at its
    /// end, read from the document's start as the tagger reads them.
    pub(crate) quotes: (bool, crate::stance::Open),
    /// How many of its entity hits are actor mentions.
    pub(crate) actors: u32,
    /// Whether one of its entity hits is a topic mention.
    pub(crate) topics: bool,
}

/// A folded text and the dictionary ids of its words (see [`Matcher::index`]).
#[derive(Clone, Debug, Default)]
pub struct Indexed {
    words: Vec<WordId>,
}

impl Indexed {
    /// The text's words in order, from the first that ends after byte `pos` on (the words of
    /// [`crate::text::for_each_word`] over the whole text).
    pub fn words_from(&self, pos: u32) -> impl Iterator<Item = TextWord> + '_ {
        let i = self.words.partition_point(|w| w.end <= pos);
        self.words.get(i..).unwrap_or(&[]).iter().map(WordId::word)
    }

    /// [`Indexed::words_from`], searched from the index in `hint` on when every word before
    /// that index ends at or before `pos`, else over all the words; `hint` is then set to where
    /// the words from `pos` start. The tagger reads sentences in order, each a few dozen
    /// words after the one before: galloping from the last one's start takes a few probes,
    /// where a binary search over the whole document took a dozen steps a sentence.
    pub fn words_from_hint(
        &self,
        pos: u32,
        hint: &std::cell::Cell<usize>,
    ) -> impl Iterator<Item = TextWord> + '_ {
        let h = hint.get();
        // (The hint itself where it is the answer: a caller that knows a span's first word,
        // from the marker search, gives it as the hint.)
        if self.words.get(h).is_some_and(|w| w.end > pos)
            && h.checked_sub(1)
                .is_none_or(|k| self.words.get(k).is_some_and(|w| w.end <= pos))
        {
            return self.words.get(h..).unwrap_or(&[]).iter().map(WordId::word);
        }
        let i = match h.checked_sub(1).map(|k| self.words.get(k)) {
            // (`gallop` needs every word before `h` to end at or before `pos`.)
            None => gallop(&self.words, 0, |w| w.end <= pos),
            Some(Some(before)) if before.end <= pos => gallop(&self.words, h, |w| w.end <= pos),
            _ => self.words.partition_point(|w| w.end <= pos),
        };
        hint.set(i);
        self.words.get(i..).unwrap_or(&[]).iter().map(WordId::word)
    }
}

/// `from + words[from..].partition_point(pred)`, `pred` true on a prefix of `words[from..]`:
/// probes 16, 48, 112… words on, then a binary search between the last two probes. A span
/// of a sentence's words (a few dozen) is found in two probes and a short search, where a
/// binary search over the rest of the document took about 17 steps.
#[inline]
fn gallop(words: &[WordId], from: usize, pred: impl Fn(&WordId) -> bool) -> usize {
    let n = words.len();
    let mut lo = from.min(n);
    let mut step = 16;
    loop {
        let probe = lo + step;
        match words.get(probe) {
            Some(w) if pred(w) => {
                lo = probe + 1;
                step *= 2;
            }
            _ => {
                let hi = probe.min(n);
                return lo + words[lo..hi].partition_point(pred);
            }
        }
    }
}

/// What one pattern stands for (one folded string may stand for several entries, which
/// follow each other in [`Layer::infos`], the last one marked). 12 bytes, the exact-case
/// letters kept apart: a trie node leads straight to its pattern's first entry, and the
/// entries were the load a matched walk waited on most.
#[derive(Clone, Debug)]
struct PatternInfo {
    target: Target,
    /// For exact-case forms, the index in [`Layer::exacts`] of the letters the original must
    /// have; [`NONE`] for others.
    exact: u32,
    participle: bool,
    /// The written form ends with a period ("U.S."), which the mention includes.
    trailing_dot: bool,
    /// Is this the pattern's last entry?
    last: bool,
    /// For a marker entry, its role's slot ([`Matcher::marker_roles`]), set when the matcher
    /// is built (0 in the other layers): the marker search drops contained hits as it pushes
    /// them, reading the slot here (the byte the entry's padding had free).
    role: u8,
}

const HASH_K: u64 = 0x9E37_79B9_7F4A_7C15;

/// A hash of a folded word's bytes: 8-byte little-endian chunks, the last one zero-padded.
fn word_hash(w: &[u8]) -> u64 {
    let mut h = (w.len() as u64).wrapping_mul(HASH_K);
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let v = <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes);
        h = (h ^ v).wrapping_mul(HASH_K).rotate_left(31);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let v = rest.iter().rev().fold(0u64, |v, &x| v << 8 | u64::from(x));
        h = (h ^ v).wrapping_mul(HASH_K).rotate_left(31);
    }
    h ^ (h >> 29)
}

/// [`word_hash`] of the folded form of a simple word (ASCII letters and digits only) at
/// `bytes[s..e]` of the original text: its bytes with the 0x20 bit set are its lowercase
/// (digits have it already). Whole 8-byte loads where the text has the bytes (it always
/// does but at its very end), the bytes past `e` masked off.
#[inline]
fn simple_word_hash(bytes: &[u8], s: usize, e: usize) -> u64 {
    let len = e - s;
    let mut h = (len as u64).wrapping_mul(HASH_K);
    let mut at = s;
    while at < e {
        let left = e - at;
        // A whole 8-byte load where the text has the bytes: one fixed-size read, where a
        // copy of `min(8, left)` bytes compiled to a call of memcpy per chunk.
        let raw = match bytes
            .get(at..at + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
        {
            Some(chunk) => u64::from_le_bytes(chunk),
            None => bytes[at..e]
                .iter()
                .rev()
                .fold(0u64, |v, &x| v << 8 | u64::from(x)),
        };
        let mut v = raw | 0x2020_2020_2020_2020;
        if left < 8 {
            v &= (1u64 << (8 * left)) - 1;
        }
        h = (h ^ v).wrapping_mul(HASH_K).rotate_left(31);
        at += 8;
    }
    h ^ (h >> 29)
}

/// The first 8 bytes of `w` as a little-endian `u64`, zero-padded ([`Dictionary::heads`]).
fn head(w: &[u8]) -> u64 {
    w.iter()
        .take(8)
        .rev()
        .fold(0u64, |v, &x| v << 8 | u64::from(x))
}

/// The key of a word of 1 to 7 bytes in [`Dictionary::short`]: its [`head`] with its length
/// in the top byte (which a head under 8 bytes leaves 0), never 0.
#[inline]
fn short_key(head: u64, len: usize) -> u64 {
    head | (len as u64) << 56
}

/// [`head`] of the folded form of the simple word at `bytes[s..e]`: its first 8 bytes with
/// the 0x20 bit set, the bytes past `e` masked off, by one load where the text has 8 bytes.
#[inline]
fn simple_head(bytes: &[u8], s: usize, e: usize) -> u64 {
    let len = e - s;
    let raw = match bytes
        .get(s..s + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        Some(chunk) => u64::from_le_bytes(chunk),
        None => head(&bytes[s..e]),
    } | 0x2020_2020_2020_2020;
    if len < 8 {
        raw & ((1u64 << (8 * len)) - 1)
    } else {
        raw
    }
}

/// "No word" / "no node" / "no pattern".
const NONE: u32 = u32::MAX;

/// The layers whose trie has a pattern starting at a word (bits of [`WordId::starts`]).
const STARTS_ENTITY: u16 = 1;
const STARTS_CUE: u16 = 2;
const STARTS_MARKER: u16 = 4;
/// The layers with a pattern in which a word stands after the first (also bits of
/// [`WordId::starts`]): a walk that meets any other word stops without searching the
/// node's children for it.
const CONTINUES_ENTITY: u16 = 8;
const CONTINUES_CUE: u16 = 16;
const CONTINUES_MARKER: u16 = 32;
/// The layers in which the word alone is a pattern (also bits of [`WordId::starts`]): a
/// word that is not, followed by one that continues nothing, starts no match in the layer,
/// and no walk is begun from it (the walk's first load, of its root node, was a miss).
const ALONE_ENTITY: u16 = 64;
const ALONE_CUE: u16 = 128;
const ALONE_MARKER: u16 = 256;

/// Role slots of the marker search's furthest ends: one per distinct role (a role's number
/// is a byte), and [`OTHER_SLOT`].
const ROLE_SLOTS: usize = 257;

/// The slot of a hit that is not a marker.
const OTHER_SLOT: usize = 256;

/// An empty slot of the dictionary (a real slot never holds id [`NONE`]).
const EMPTY: u64 = u64::MAX;

/// Every word of every pattern, interned: folded word bytes → a small id. An open-addressing
/// table (half full) of 8-byte slots behind a bitmap, so most words of a text, which are in no
/// pattern, are turned away after one hash and one bit test, and the table (8 bytes a slot, the
/// word's bytes kept apart) stays small enough for the cache: with 24-byte slots a quarter full
/// it was the largest miss of the word index.
#[derive(Clone, Debug)]
struct Dictionary {
    /// Per slot: the hash's top 16 bits, the word's length (4 bits, 15 for 15 or more), the
    /// layers the word starts, continues and is alone a pattern of (12 bits), the id (32
    /// bits); [`EMPTY`] for an empty slot.
    slots: Vec<u64>,
    /// Per id: `(start, len)` of its bytes in `arena`.
    spans: Vec<(u32, u32)>,
    /// Per id: its first 8 bytes as a little-endian `u64`, zero-padded: most words are
    /// compared with one load.
    heads: Vec<u64>,
    /// The words' bytes, one after the other.
    arena: Vec<u8>,
    /// One bit per word hash (modulo its length in bits).
    bits: Vec<u64>,
    /// The words under 8 bytes again, in a table of their own (a quarter full) keyed by
    /// [`short_key`]: `(key, id | layers << 32)`, key 0 for an empty slot. Most words of a
    /// text are short and in the dictionary (the markers hold the common words), so the
    /// bitmap turned few away; here a word is found by comparing the key in its slot, where
    /// the shared table needed the bitmap, the slot and the word's head, three dependent
    /// loads.
    short: Vec<(u64, u64)>,
    /// `64 - log2(short.len())`: the hash's top bits pick the slot.
    short_shift: u32,
    /// The words of 8 to 15 bytes again, in a table of their own (at most half full):
    /// `[head, medium_key(tail, len), id | layers << 32]`, head 0 for an empty slot. Such a
    /// word is found by comparing two keys in its slot, where the shared table took a hash
    /// of two rounds, the bitmap, the slot and three loads of the word's head, tail and
    /// length (about 60 instructions a word).
    medium: Vec<[u64; 3]>,
    /// `64 - log2(medium.len())`.
    medium_shift: u32,
}

/// The second key of a word of 8 to 15 bytes in [`Dictionary::medium`]: its bytes after the
/// first 8 (`tail`, little-endian, zero-padded, so the top byte is 0) with its length in the
/// top byte.
#[inline]
fn medium_key(tail: u64, len: usize) -> u64 {
    tail | (len as u64) << 56
}

/// The slot hash of a word of 8 to 15 bytes in [`Dictionary::medium`].
#[inline]
fn medium_slot_hash(head: u64, key: u64) -> u64 {
    (head ^ key.rotate_left(29)).wrapping_mul(HASH_K)
}

impl Dictionary {
    /// Builds the table of `words` (each given its id, its index); `starts[id]` says which
    /// layers have a pattern starting with the word.
    fn build(words: &[Box<[u8]>], starts: &[u16]) -> Dictionary {
        let size = (words.len() * 2).next_power_of_two().max(64);
        let mut d = Dictionary {
            slots: vec![EMPTY; size],
            spans: Vec::with_capacity(words.len()),
            heads: Vec::with_capacity(words.len()),
            arena: Vec::new(),
            bits: vec![0; (words.len() * 16).next_power_of_two().max(4096) / 64],
            short: Vec::new(),
            short_shift: 0,
            medium: Vec::new(),
            medium_shift: 0,
        };
        for (id, w) in words.iter().enumerate() {
            let h = word_hash(w);
            let bit = h as usize & (d.bits.len() * 64 - 1);
            d.bits[bit / 64] |= 1 << (bit % 64);
            let mut slot = h as usize & (size - 1);
            while d.slots[slot] != EMPTY {
                slot = (slot + 1) & (size - 1);
            }
            let flags = u64::from(starts.get(id).copied().unwrap_or(0) & 0x0fff)
                | (w.len().min(15) as u64) << 12;
            d.slots[slot] = (h >> 48) << 48 | flags << 32 | id as u64;
            d.spans.push((d.arena.len() as u32, w.len() as u32));
            d.heads.push(head(w));
            d.arena.extend_from_slice(w);
        }
        let shorts = words.iter().filter(|w| (1..8).contains(&w.len())).count();
        let size = (shorts * 2).next_power_of_two().max(64);
        d.short = vec![(0, 0); size];
        d.short_shift = 64 - size.trailing_zeros();
        for (id, w) in words.iter().enumerate() {
            if !(1..8).contains(&w.len()) {
                continue;
            }
            let key = short_key(head(w), w.len());
            let mut slot = (key.wrapping_mul(HASH_K) >> d.short_shift) as usize & (size - 1);
            while d.short[slot].0 != 0 {
                slot = (slot + 1) & (size - 1);
            }
            let layers = u64::from(starts.get(id).copied().unwrap_or(0) & 0x0fff);
            d.short[slot] = (key, id as u64 | layers << 32);
        }
        let mediums = words.iter().filter(|w| (8..16).contains(&w.len())).count();
        let size = (mediums * 2).next_power_of_two().max(64);
        d.medium = vec![[0; 3]; size];
        d.medium_shift = 64 - size.trailing_zeros();
        for (id, w) in words.iter().enumerate() {
            if !(8..16).contains(&w.len()) {
                continue;
            }
            let (h, key) = (head(w), medium_key(head(&w[8..]), w.len()));
            let mut slot = (medium_slot_hash(h, key) >> d.medium_shift) as usize & (size - 1);
            while d.medium[slot][0] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            let layers = u64::from(starts.get(id).copied().unwrap_or(0) & 0x0fff);
            d.medium[slot] = [h, key, id as u64 | layers << 32];
        }
        d
    }

    /// The id of the word with hash `h` for which `same(id)` holds and the layers it starts,
    /// or `(NONE, 0)`.
    #[inline]
    fn find(&self, h: u64, same: impl Fn(usize) -> bool) -> (u32, u16) {
        let bit = h as usize & (self.bits.len() * 64 - 1);
        if self.bits[bit / 64] & (1 << (bit % 64)) == 0 {
            return (NONE, 0);
        }
        let mask = self.slots.len() - 1;
        let mut slot = h as usize & mask;
        loop {
            let s = self.slots[slot];
            if s == EMPTY {
                return (NONE, 0);
            }
            let id = s as u32;
            if s >> 48 == h >> 48 && same(id as usize) {
                return (id, (s >> 32) as u16 & 0x0fff);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// [`Dictionary::find`] for a word of fewer than 8 bytes whose [`head`] is `head`: looked
    /// up in [`Dictionary::short`] by its head and length alone (equal heads and lengths are
    /// equal words), one load a probe.
    #[inline]
    fn find_short(&self, head: u64, len: usize) -> (u32, u16) {
        debug_assert!(len < 8);
        let key = short_key(head, len);
        let mask = self.short.len().wrapping_sub(1);
        let mut slot = (key.wrapping_mul(HASH_K) >> self.short_shift) as usize & mask;
        loop {
            let (k, v) = self.short.get(slot).copied().unwrap_or((0, 0));
            if k == key {
                return (v as u32, (v >> 32) as u16);
            }
            if k == 0 {
                return (NONE, 0);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// [`Dictionary::find`] for a word of 8 to 15 bytes whose [`head`] is `head` and whose
    /// bytes after the first 8 are `tail` (the same way): looked up in
    /// [`Dictionary::medium`] by the two and the length (equal keys are equal words), two
    /// compares a probe.
    #[inline]
    fn find_medium(&self, head: u64, tail: u64, len: usize) -> (u32, u16) {
        debug_assert!((8..16).contains(&len));
        let key = medium_key(tail, len);
        let mask = self.medium.len().wrapping_sub(1);
        let mut slot = (medium_slot_hash(head, key) >> self.medium_shift) as usize & mask;
        loop {
            let [h, k, v] = self.medium.get(slot).copied().unwrap_or([0; 3]);
            if h == head && k == key {
                return (v as u32, (v >> 32) as u16);
            }
            if h == 0 {
                return (NONE, 0);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The id of folded word `w` and the layers it starts, or `(NONE, 0)`.
    fn get(&self, w: &[u8]) -> (u32, u16) {
        self.find(word_hash(w), |id| self.bytes(id) == Some(w))
    }

    /// The bytes of word `id`.
    fn bytes(&self, id: usize) -> Option<&[u8]> {
        let &(start, len) = self.spans.get(id)?;
        self.arena.get(start as usize..(start + len) as usize)
    }

    /// The ids of word `w` of `text`; `buf` is scratch space.
    #[inline]
    fn ids(&self, text: &str, w: TextWord, buf: &mut Vec<u8>) -> WordId {
        let (s, e) = (w.start as usize, w.end as usize);
        if w.simple {
            let bytes = text.as_bytes();
            let lower_head = simple_head(bytes, s, e);
            if e - s < 8 {
                let (id, starts) = self.find_short(lower_head, e - s);
                return WordId::new(w, id, NONE, starts);
            }
            let word = &bytes[s..e];
            let (id, starts) = self.find(simple_word_hash(bytes, s, e), |id| {
                self.heads.get(id) == Some(&lower_head)
                    && self.bytes(id).is_some_and(|a| {
                        a.len() == word.len()
                            && (a.len() <= 8
                                || a[8..].iter().zip(&word[8..]).all(|(&x, &y)| x == y | 0x20))
                    })
            });
            return WordId::new(w, id, NONE, starts);
        }
        buf.clear();
        fold_word(text, s, e, buf);
        let (id, starts) = self.get(buf);
        let (stem, stem_starts) = if w.stem_end < w.end {
            let cut = memchr::memchr(b'\'', buf).unwrap_or(buf.len());
            self.get(&buf[..cut])
        } else {
            (NONE, 0)
        };
        WordId::new(w, id, stem, starts | stem_starts)
    }
}

/// A node of a layer's trie of word ids. Nodes are stored where they are reached from (the
/// root table, their parent's children), not in a table of their own: a step of a walk is one
/// load, where a node index to follow was a second, dependent one (and the walks' loads are
/// the matcher's cache misses).
#[derive(Clone, Copy, Debug)]
struct Node {
    /// The pattern that ends here, or [`NONE`].
    pattern: u32,
    /// Its children: `children[first..first + count]`, sorted by word id.
    first: u32,
    count: u32,
}

/// No node: no pattern ends here, nothing follows.
const NO_NODE: Node = Node {
    pattern: NONE,
    first: 0,
    count: 0,
};

/// A child of a trie node: the word id that leads to it, and the node.
#[derive(Clone, Copy, Debug)]
struct Child {
    word: u32,
    node: Node,
}

/// A child of a node with more than [`SCANNED_CHILDREN`] children, in [`Layer::wide`]:
/// its parent's `first` (which no other node with children shares), the word that leads
/// to it, the node.
#[derive(Clone, Copy, Debug)]
struct WideChild {
    parent: u32,
    word: u32,
    node: Node,
}

/// An empty slot of [`Layer::wide`] (a real child's word is never [`NONE`]).
const NO_WIDE: WideChild = WideChild {
    parent: NONE,
    word: NONE,
    node: NO_NODE,
};

/// A node with up to this many children has them scanned ([`Layer::child`]); those of a
/// node with more are looked up in [`Layer::wide`]. (With 8, the scan of up to 8 children
/// cost 0.2 instructions per byte more than the table, and no less time.)
const SCANNED_CHILDREN: u32 = 1;

/// The patterns of one layer, as a trie over word ids.
#[derive(Clone, Debug)]
struct Layer {
    /// The folded bytes of each pattern.
    patterns: Vec<Box<[u8]>>,
    /// The entries of every pattern, a pattern's one after the other; a trie node's
    /// `pattern` is the index of its first.
    infos: Vec<PatternInfo>,
    /// The letters of the exact-case forms ([`PatternInfo::exact`]).
    exacts: Vec<Box<str>>,
    /// Word id - `root_base` → the node its first word leads to ([`NO_NODE`] for none).
    root: Vec<Node>,
    /// The smallest word id that starts a pattern of the layer (ids are given layer by
    /// layer, so a later layer's table would otherwise begin with a run of empty nodes).
    root_base: u32,
    /// This layer's `CONTINUES_*` bit.
    continues: u16,
    /// This layer's `ALONE_*` bit.
    alone: u16,
    /// The children of every node, grouped by parent, sorted by word id within a group.
    children: Vec<Child>,
    /// The children of the nodes with more than [`SCANNED_CHILDREN`], again, in an
    /// open-addressing table (at most half full; a power of two long) by [`wide_slot`] of
    /// parent and word. A binary search of a node's children (up to 127 of them under the
    /// first words of many patterns: "the", "european") was a chain of dependent loads,
    /// most of them cache misses, and a scan of a few cost more than the table's one
    /// load (rarely two). About 4 MB for the built-in lexicons, shared by the threads.
    wide: Vec<WideChild>,
    /// One bit per [`pair_hash`] (modulo the bits) of each pattern's first two word ids:
    /// a word that is alone no pattern starts none unless its pair with the next word (or
    /// that word's stem) has its bit, tested without the trie (most walks from such a word
    /// found nothing, after a root load and a binary search of the root's children).
    pairs: Vec<u64>,
}

/// A layer's patterns before their words have ids ([`Layer::prepare`]).
struct Prepared<'a> {
    /// Each distinct text with its entries (in the order of the forms), sorted by text.
    by_text: Vec<(&'a str, Vec<PatternInfo>)>,
    exacts: Vec<Box<str>>,
    /// The words of the patterns, each once, in the order the build meets them.
    words: Vec<&'a [u8]>,
    /// The words of each pattern in order of text, as places in `words`, each pattern's
    /// followed by `NONE`.
    pattern_words: Vec<u32>,
}

/// The first slot of [`Layer::wide`] to look at for the child under word `w` of the node
/// whose children start at `first`; `mask` is the table's length − 1.
#[inline]
fn wide_slot(first: u32, w: u32, mask: usize) -> usize {
    ((u64::from(first) << 32 | u64::from(w)).wrapping_mul(HASH_K) >> 32) as usize & mask
}

/// The hash of two word ids for [`Layer::pairs`].
#[inline]
fn pair_hash(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32 | u64::from(b)).wrapping_mul(HASH_K)
}

impl Layer {
    /// The patterns of a layer by text, and their words in the order [`Layer::build`] meets
    /// them (each once): the part of a layer's build that needs no word ids, so that the
    /// three layers can be made at once and their words then given ids in the order one
    /// layer after another gave them.
    fn prepare<'a>(forms: Vec<(&'a Form, Target)>) -> Prepared<'a> {
        // The entries in the order of the forms, then sorted by text by a stable sort (the
        // order a map by text gave them, where inserting each form into a `BTreeMap` was
        // the largest part of `prepare`), then grouped by text.
        let mut entries: Vec<(&str, PatternInfo)> = Vec::with_capacity(forms.len());
        let mut exacts: Vec<Box<str>> = Vec::new();
        for (form, target) in forms {
            if form.text.is_empty() {
                continue;
            }
            let exact = if form.exact_case {
                exacts.push(letters(&form.written).into_boxed_str());
                (exacts.len() - 1) as u32
            } else {
                NONE
            };
            entries.push((
                form.text.as_str(),
                PatternInfo {
                    target,
                    exact,
                    participle: form.participle,
                    trailing_dot: form.written.ends_with('.'),
                    last: false,
                    role: 0,
                },
            ));
        }
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let mut by_text: Vec<(&str, Vec<PatternInfo>)> = Vec::new();
        for (text, info) in entries {
            match by_text.last_mut() {
                Some((last, list)) if *last == text => list.push(info),
                _ => by_text.push((text, vec![info])),
            }
        }
        // Each word's id in this layer (its place in `words`), and the patterns' words by
        // those ids, pattern after pattern.
        // (Only looked up, never walked: the hasher decides no order. SipHash, the
        // standard one, was a tenth of the engine's build.)
        let mut local: FastMap<&[u8], u32> =
            FastMap::with_capacity_and_hasher(by_text.len(), Default::default());
        let mut words = Vec::new();
        let mut pattern_words = Vec::new();
        for &(text, _) in &by_text {
            for word in text.split(' ').filter(|w| !w.is_empty()) {
                let id = *local.entry(word.as_bytes()).or_insert_with(|| {
                    words.push(word.as_bytes());
                    words.len() as u32 - 1
                });
                pattern_words.push(id);
            }
            pattern_words.push(NONE);
        }
        Prepared {
            by_text,
            exacts,
            words,
            pattern_words,
        }
    }

    /// Builds a layer from its [`Layer::prepare`]d patterns; `ids` gives each word of a
    /// pattern its dictionary id.
    fn build(prepared: Prepared<'_>, ids: &[u32]) -> Layer {
        let Prepared {
            by_text,
            exacts,
            pattern_words,
            ..
        } = prepared;
        let mut pattern_words = pattern_words.into_iter();
        // Build the trie as drafts first, then lay it out flat. A draft's children (and the
        // root's) are listed as they are made and sorted by word id once all are in; a step
        // is looked up by parent and word in one map (a `BTreeMap` per draft before).
        #[derive(Default)]
        struct Draft {
            pattern: Option<u32>,
            children: Vec<(u32, usize)>,
        }
        const ROOT: usize = usize::MAX;
        let mut drafts: Vec<Draft> = Vec::new();
        let mut root: Vec<(u32, usize)> = Vec::new();
        let mut steps: FastMap<(usize, u32), usize> =
            FastMap::with_capacity_and_hasher(pattern_words.len(), Default::default());
        let mut layer = Layer {
            patterns: Vec::with_capacity(by_text.len()),
            infos: Vec::new(),
            exacts,
            root: Vec::new(),
            root_base: 0,
            continues: 0,
            alone: 0,
            children: Vec::new(),
            wide: Vec::new(),
            pairs: Vec::new(),
        };
        for (text, mut list) in by_text {
            let id = layer.infos.len() as u32;
            if let Some(l) = list.last_mut() {
                l.last = true;
            }
            layer.infos.extend(list);
            layer.patterns.push(text.as_bytes().into());
            let mut node: Option<usize> = None;
            for local in pattern_words.by_ref().take_while(|&w| w != NONE) {
                let wid = ids[local as usize];
                let parent = node.unwrap_or(ROOT);
                let next = *steps.entry((parent, wid)).or_insert_with(|| {
                    drafts.push(Draft::default());
                    let k = drafts.len() - 1;
                    match drafts.get_mut(parent) {
                        Some(d) => d.children.push((wid, k)),
                        None => root.push((wid, k)),
                    }
                    k
                });
                node = Some(next);
            }
            if let Some(n) = node {
                drafts[n].pattern = Some(id);
            }
        }
        drop(steps);
        root.sort_unstable();
        for d in &mut drafts {
            d.children.sort_unstable();
        }
        // Each draft's children go at `firsts[k]`, in draft order.
        let mut firsts = Vec::with_capacity(drafts.len());
        let mut total = 0u32;
        for d in &drafts {
            firsts.push(total);
            total += d.children.len() as u32;
        }
        let node = |k: usize| Node {
            pattern: drafts[k].pattern.unwrap_or(NONE),
            first: firsts[k],
            count: drafts[k].children.len() as u32,
        };
        for d in &drafts {
            layer
                .children
                .extend(d.children.iter().map(|&(word, k)| Child {
                    word,
                    node: node(k),
                }));
        }
        let wide: usize = drafts
            .iter()
            .map(|d| d.children.len())
            .filter(|&n| n > SCANNED_CHILDREN as usize)
            .sum();
        if wide > 0 {
            layer.wide = vec![NO_WIDE; (wide * 2).next_power_of_two()];
            let mask = layer.wide.len() - 1;
            for (d, &first) in drafts.iter().zip(&firsts) {
                if d.children.len() <= SCANNED_CHILDREN as usize {
                    continue;
                }
                for &(word, k) in &d.children {
                    let mut slot = wide_slot(first, word, mask);
                    while layer.wide[slot].word != NONE {
                        slot = (slot + 1) & mask;
                    }
                    layer.wide[slot] = WideChild {
                        parent: first,
                        word,
                        node: node(k),
                    };
                }
            }
        }
        let base = root.first().map_or(0, |&(w, _)| w);
        let top = root.last().map_or(0, |&(w, _)| w as usize + 1);
        layer.root_base = base;
        layer.root = vec![NO_NODE; top.saturating_sub(base as usize)];
        for &(w, k) in &root {
            layer.root[(w - base) as usize] = node(k);
        }
        // 8 to 16 bits per pair, so that few pairs of a text that start no pattern test true
        // (16 to 32 gave the same instructions and more cache misses: 25 KB for the three
        // layers, 12.5 KB now).
        let pairs: usize = root.iter().map(|&(_, k)| drafts[k].children.len()).sum();
        let bits = (pairs * 8).next_power_of_two().max(4096);
        layer.pairs = vec![0; bits / 64];
        for &(w, k) in &root {
            for &(c, _) in &drafts[k].children {
                let bit = layer.pair_bit(w, c);
                layer.pairs[bit / 64] |= 1 << (bit % 64);
            }
        }
        layer
    }

    /// The bit of [`Layer::pairs`] of the word ids `a`, `b`.
    #[inline]
    fn pair_bit(&self, a: u32, b: u32) -> usize {
        (pair_hash(a, b) >> 32) as usize & (self.pairs.len() * 64 - 1)
    }

    /// May a pattern of the layer start with the words `a`, `b` (false: none does)?
    #[inline]
    fn may_pair(&self, a: u32, b: u32) -> bool {
        let bit = self.pair_bit(a, b);
        self.pairs
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// Puts the entries of each pattern in the order of `key` (a stable sort, so entries
    /// with equal keys keep their order), each pattern's last entry marked again.
    fn order_entries<K: Ord>(&mut self, key: impl Fn(&PatternInfo) -> K) {
        let mut first = 0;
        while first < self.infos.len() {
            let n = self.infos(first).len();
            let group = &mut self.infos[first..first + n];
            group.sort_by_key(&key);
            for (k, info) in group.iter_mut().enumerate() {
                info.last = k + 1 == n;
            }
            first += n;
        }
    }

    /// Does word `w` start a pattern of the layer?
    fn starts_with(&self, w: u32) -> bool {
        let n = self.first(w);
        n.pattern != NONE || n.count > 0
    }

    /// Can [`Layer::matches_at`] find anything at word `i` of `words`? Not when the word (or
    /// its stem) is alone no pattern and the next word (or its stem) stands after the first
    /// in no pattern, or after this one in none: decided from the words' dictionary bits
    /// and the layer's pair bits, without the trie.
    #[inline]
    fn may_match(&self, words: &[WordId], i: usize) -> bool {
        let Some(w) = words.get(i) else {
            return false;
        };
        w.starts & self.alone != 0
            || words.get(i + 1).is_some_and(|n| {
                n.starts & self.continues != 0
                    && (self.may_pair(w.id, n.id)
                        || (n.stem != NONE && self.may_pair(w.id, n.stem)))
            })
    }

    /// Where a hit of entry `info` over the word bytes `[os, oe)` ends: past a period the
    /// written form ends with ("U.S."); `None` when an exact-case form's letters are not the
    /// text's ("US" is not "us"). Shared by the main search and the marker search.
    #[inline(always)]
    fn hit_end(&self, info: &PatternInfo, os: usize, oe: usize, text: &str) -> Option<u32> {
        if let Some(exact) = self.exacts.get(info.exact as usize)
            && text.get(os..oe).is_none_or(|w| {
                // `letters(w) != exact`, without building the string.
                !w.chars().filter(|c| c.is_alphanumeric()).eq(exact.chars())
            })
        {
            return None;
        }
        Some(
            if info.trailing_dot && text.as_bytes().get(oe) == Some(&b'.') {
                oe as u32 + 1
            } else {
                oe as u32
            },
        )
    }

    /// The entries of the pattern whose first entry is `infos[first]`.
    fn infos(&self, first: usize) -> &[PatternInfo] {
        let rest = self.infos.get(first..).unwrap_or(&[]);
        let n = rest
            .iter()
            .position(|i| i.last)
            .map_or(rest.len(), |k| k + 1);
        &rest[..n]
    }

    /// The node word `w` leads to from the root, or [`NO_NODE`].
    #[inline]
    fn first(&self, w: u32) -> Node {
        self.root
            .get(w.wrapping_sub(self.root_base) as usize)
            .copied()
            .unwrap_or(NO_NODE)
    }

    /// The child of `node` under word `w`, or [`NO_NODE`].
    #[inline]
    fn child(&self, node: Node, w: u32) -> Node {
        if w == NONE {
            return NO_NODE;
        }
        // A node's only child is compared at once.
        if node.count <= SCANNED_CHILDREN {
            let kids = self
                .children
                .get(node.first as usize..(node.first + node.count) as usize)
                .unwrap_or(&[]);
            return match kids.iter().find(|c| c.word >= w) {
                Some(c) if c.word == w => c.node,
                _ => NO_NODE,
            };
        }
        // The table holds every child of such a node, and an empty slot: the probe ends.
        let mask = self.wide.len().wrapping_sub(1);
        let mut slot = wide_slot(node.first, w, mask);
        while let Some(c) = self.wide.get(slot) {
            if c.word == NONE {
                break;
            }
            if c.word == w && c.parent == node.first {
                return c.node;
            }
            slot = (slot + 1) & mask;
        }
        NO_NODE
    }

    /// The patterns that match at word `i` of `words`, shortest first, as `(pattern, folded
    /// end)`: every word equal, except that the last may be a word's stem before its first
    /// apostrophe ("Kyiv" in "Kyiv's"). A longer match is also a longer byte string.
    ///
    /// Inlined into its two callers (the entity and cue search, the marker search): as a
    /// call it saved and restored six registers and copied the word for each of its 15,000
    /// walks over `/tmp/big2`, about 17 of its 120 instructions a walk.
    #[inline(always)]
    fn matches_at(&self, words: &[WordId], i: usize, out: &mut Vec<(u32, u32)>) {
        out.clear();
        let w = words[i];
        if w.stem != NONE {
            let n = self.first(w.stem);
            if n.pattern != NONE {
                out.push((n.pattern, w.stem_end));
            }
        }
        if w.id == NONE {
            return;
        }
        let mut node = self.first(w.id);
        let mut k = i;
        loop {
            if node.pattern != NONE {
                out.push((node.pattern, words[k].end));
            }
            k += 1;
            if node.count == 0 || k >= words.len() || words[k].starts & self.continues == 0 {
                break;
            }
            let next = words[k];
            if next.stem != NONE {
                let c = self.child(node, next.stem);
                if c.pattern != NONE {
                    out.push((c.pattern, next.stem_end));
                }
            }
            node = self.child(node, next.id);
        }
    }
}

/// A word of the text with its dictionary ids: the whole word's, and its stem's when it holds
/// an apostrophe. The [`TextWord`]'s fields are laid out here, so that the `bool` shares
/// the padding after `starts`: 24 bytes a word, where the nested `TextWord` made it 28.
#[derive(Clone, Copy, Debug)]
struct WordId {
    /// [`TextWord::start`], [`TextWord::end`], [`TextWord::stem_end`].
    start: u32,
    end: u32,
    stem_end: u32,
    id: u32,
    stem: u32,
    /// The layers with a pattern that can start here (`STARTS_*` bits, of the word or its
    /// stem): the layers a walk from this word can find anything in; and those in which it
    /// (or its stem) can stand after a pattern's first word (`CONTINUES_*` bits).
    starts: u16,
    /// [`TextWord::simple`].
    simple: bool,
}

impl WordId {
    #[inline]
    fn new(w: TextWord, id: u32, stem: u32, starts: u16) -> WordId {
        WordId {
            start: w.start,
            end: w.end,
            stem_end: w.stem_end,
            id,
            stem,
            starts,
            simple: w.simple,
        }
    }

    /// The word as [`crate::text::for_each_word`] found it.
    fn word(&self) -> TextWord {
        TextWord {
            start: self.start,
            end: self.end,
            stem_end: self.stem_end,
            simple: self.simple,
        }
    }
}

/// The compiled lexicon patterns. Build once, share across threads.
#[derive(Clone, Debug)]
pub struct Matcher {
    /// Every word of every pattern of the three layers.
    dict: Dictionary,
    entities: Layer,
    cues: Layer,
    markers: Layer,
    /// Markers written only with punctuation (";"), found in the original text.
    punct_markers: Vec<(char, MarkerIdx)>,
    regexes: Vec<(Regex, CueIdx)>,
    /// The role of each marker as a small number, one per distinct role (containment is
    /// dropped only within a role).
    marker_roles: Vec<u8>,
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
        for (i, w) in lexicon.contexts.iter().enumerate() {
            entity_forms.push((&w.form, Target::Context(ContextIdx(i as u16))));
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
        // The three layers are prepared and built at once (on the run's workers: the
        // engine is built before any document is read); their words are given ids in
        // between, layer after layer, in the order each layer meets them.
        let (entities, (cues, markers)) = rayon::join(
            || Layer::prepare(entity_forms),
            || {
                rayon::join(
                    || Layer::prepare(cue_forms),
                    || Layer::prepare(marker_forms),
                )
            },
        );
        // (Only looked up, never walked, as each layer's `local`.)
        let all_words = entities.words.len() + cues.words.len() + markers.words.len();
        let mut ids: FastMap<&[u8], u32> =
            FastMap::with_capacity_and_hasher(all_words, Default::default());
        let mut list: Vec<Box<[u8]>> = Vec::new();
        // Per layer, the id of each of its words.
        let [e_ids, c_ids, m_ids] = [&entities, &cues, &markers].map(|p| {
            p.words
                .iter()
                .map(|&w| {
                    *ids.entry(w).or_insert_with(|| {
                        list.push(w.into());
                        list.len() as u32 - 1
                    })
                })
                .collect::<Vec<u32>>()
        });
        let (mut entities, (mut cues, mut markers)) = rayon::join(
            || Layer::build(entities, &e_ids),
            || {
                rayon::join(
                    || Layer::build(cues, &c_ids),
                    || Layer::build(markers, &m_ids),
                )
            },
        );
        // The marker search pushes every entry of a pattern found at a word, and its hits
        // must come out in the order of `marker_order`: with each pattern's entries in that
        // order, the hits of the words are pushed sorted.
        markers.order_entries(|i| target_order(i.target));
        entities.continues = CONTINUES_ENTITY;
        cues.continues = CONTINUES_CUE;
        markers.continues = CONTINUES_MARKER;
        entities.alone = ALONE_ENTITY;
        cues.alone = ALONE_CUE;
        markers.alone = ALONE_MARKER;
        let mut distinct_roles: Vec<Role> = Vec::new();
        let marker_roles: Vec<u8> = lexicon
            .markers
            .iter()
            .map(|m| match distinct_roles.iter().position(|&r| r == m.role) {
                Some(k) => k as u8,
                None => {
                    distinct_roles.push(m.role);
                    (distinct_roles.len() - 1) as u8
                }
            })
            .collect();
        for info in &mut markers.infos {
            if let Target::Marker(m) = info.target {
                info.role = marker_roles.get(m.index()).copied().unwrap_or(0);
            }
        }
        let mut starts = vec![0u16; list.len()];
        for (layer, bit) in [
            (&entities, STARTS_ENTITY),
            (&cues, STARTS_CUE),
            (&markers, STARTS_MARKER),
        ] {
            for (id, s) in starts.iter_mut().enumerate() {
                if layer.starts_with(id as u32) {
                    *s |= bit;
                }
                if layer.first(id as u32).pattern != NONE {
                    *s |= layer.alone;
                }
            }
            for c in &layer.children {
                if let Some(s) = starts.get_mut(c.word as usize) {
                    *s |= layer.continues;
                }
            }
        }
        Ok(Matcher {
            dict: Dictionary::build(&list, &starts),
            entities,
            cues,
            markers,
            punct_markers,
            regexes,
            marker_roles,
        })
    }

    /// Every hit in `text`, markers included everywhere (for checks and tests; the pipeline
    /// looks for markers only in the sentences it tags).
    pub fn find(&self, text: &str) -> Hits {
        let ix = self.index(text);
        let mut hits = self.find_main(text, &ix);
        hits.markers = self.find_markers(text, &ix, &[(0, text.len() as u32)]);
        hits
    }

    /// Finds the words of `text` and looks each up in the patterns' dictionary: the input of
    /// [`Matcher::find_main`] and [`Matcher::find_markers`].
    pub fn index(&self, text: &str) -> Indexed {
        let mut ix = Indexed::default();
        self.index_into(text, &mut ix);
        ix
    }

    /// [`Matcher::index`] into `ix`, whose buffer is kept (a caller that indexes one document
    /// after another allocates it once instead of once per document).
    pub fn index_into(&self, text: &str, ix: &mut Indexed) {
        // News text has a word per 6 bytes or so: sized for one per 4, so that the vector
        // is not grown (and copied) on the way.
        let words = &mut ix.words;
        words.clear();
        words.reserve(text.len() / 4 + 16);
        let mut buf = Vec::new();
        for_each_word_head(text, 0..text.len(), |w, head, tail| {
            if head == 0 {
                words.push(self.dict.ids(text, w, &mut buf));
                return;
            }
            // A word given its head is simple, with no apostrophe: its stem fields are
            // constants (written as such, where `WordId::new` copied them from the word
            // through the stack).
            let len = (w.end - w.start) as usize;
            let (id, starts) = if len < 8 {
                self.dict.find_short(head, len)
            } else {
                self.dict.find_medium(head, tail, len)
            };
            words.push(WordId {
                start: w.start,
                end: w.end,
                stem_end: w.end,
                id,
                stem: NONE,
                starts,
                simple: true,
            });
        });
    }

    /// How many bytes `ix`'s buffer holds.
    pub fn index_bytes(ix: &Indexed) -> usize {
        ix.words.capacity() * std::mem::size_of::<WordId>()
    }

    /// Entity and cue hits of an indexed text; `markers` is left empty.
    pub fn find_main(&self, text: &str, ix: &Indexed) -> Hits {
        // Room for a mention per 8 words and a cue per 16 (news text has fewer), so that
        // the lists are not grown (and copied) on the way.
        let mut hits = Hits {
            entities: Vec::with_capacity(ix.words.len() / 8 + 4),
            cues: Vec::with_capacity(ix.words.len() / 16 + 4),
            markers: Vec::new(),
            quote_marks: None,
            sentence_hits: None,
        };
        let (mut free_entity, mut free_cue) = (0u32, 0u32);
        let mut found: Vec<(u32, u32)> = Vec::with_capacity(16);
        for (i, w) in ix.words.iter().enumerate() {
            if w.starts & (STARTS_ENTITY | STARTS_CUE) == 0 {
                continue;
            }
            let start = w.start;
            let before = hits.entities.len();
            if w.starts & STARTS_ENTITY != 0
                && start >= free_entity
                && self.entities.may_match(&ix.words, i)
                && let Some(e) = self.longest(
                    &self.entities,
                    &ix.words,
                    i,
                    text,
                    &mut found,
                    &mut hits.entities,
                )
            {
                free_entity = e;
                // "the U.S. president", "the Kremlin spokesman": an alias that opens with
                // "the" ("the U.S.") gives way to a longer one starting at the next word
                // ("U.S. President"), which the article only introduces.
                if w.end == w.start + 3
                    && text
                        .get(w.start as usize..w.end as usize)
                        .is_some_and(|t| t.eq_ignore_ascii_case("the"))
                    && let Some(next) = ix.words.get(i + 1)
                    && next.starts & STARTS_ENTITY != 0
                    && self.entities.may_match(&ix.words, i + 1)
                {
                    let mut longer = Vec::new();
                    if let Some(e2) = self.longest(
                        &self.entities,
                        &ix.words,
                        i + 1,
                        text,
                        &mut found,
                        &mut longer,
                    ) && e2 > e
                    {
                        hits.entities.truncate(before);
                        hits.entities.append(&mut longer);
                        free_entity = e2;
                    }
                }
            }
            if w.starts & STARTS_CUE != 0
                && start >= free_cue
                && self.cues.may_match(&ix.words, i)
                && let Some(e) =
                    self.longest(&self.cues, &ix.words, i, text, &mut found, &mut hits.cues)
            {
                free_cue = e;
            }
        }
        if !self.regexes.is_empty() {
            let folded = fold(text);
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

    /// The longest pattern of `layer` at word `i` that holds (boundaries and case); pushes
    /// its hits and returns its end.
    fn longest(
        &self,
        layer: &Layer,
        words: &[WordId],
        i: usize,
        text: &str,
        found: &mut Vec<(u32, u32)>,
        out: &mut Vec<Hit>,
    ) -> Option<u32> {
        layer.matches_at(words, i, found);
        let s = words[i].start as usize;
        found
            .iter()
            .rev()
            .find(|&&(p, e)| self.push_valid(layer, p as usize, s, e as usize, text, out))
            .map(|&(_, e)| e)
    }

    /// Pushes the hits of pattern `p` at `[os, oe)` whose case check holds; returns whether
    /// any did. Inlined into the marker search, which pushes every pattern found, and into
    /// [`Matcher::longest`], where it was a call (about 19 of its 90 instructions saving and
    /// restoring registers) while the walk was one too.
    #[inline(always)]
    fn push_valid(
        &self,
        layer: &Layer,
        p: usize,
        os: usize,
        oe: usize,
        text: &str,
        out: &mut Vec<Hit>,
    ) -> bool {
        let mut any = false;
        for info in layer.infos(p) {
            let Some(end) = layer.hit_end(info, os, oe, text) else {
                continue;
            };
            out.push(Hit {
                start: os as u32,
                end,
                target: info.target,
                participle: info.participle,
            });
            any = true;
        }
        any
    }

    /// Marker hits of an indexed text inside the byte `spans` (sorted, not overlapping).
    /// A word a span cuts (sentence bounds do not fall inside words, but a caller's spans
    /// may) is looked at as the part inside the span.
    pub fn find_markers(&self, text: &str, ix: &Indexed, spans: &[(u32, u32)]) -> Vec<Hit> {
        self.marker_hits(text, ix, spans, true, &mut Vec::new())
    }

    /// [`Matcher::find_markers`], and for each span its first word in `ix` (the first that
    /// ends after its start) and where its hits end in the list (`ends[k].1`: the hits of
    /// `spans[k]` are those from `ends[k - 1].1`, or 0, to `ends[k].1`).
    pub fn find_markers_by_span(
        &self,
        text: &str,
        ix: &Indexed,
        spans: &[(u32, u32)],
    ) -> (Vec<Hit>, Vec<(u32, u32)>) {
        let mut ends = Vec::with_capacity(spans.len());
        let hits = self.marker_hits(text, ix, spans, true, &mut ends);
        (hits, ends)
    }

    /// Every marker pattern found in `spans`, sorted by [`marker_order`]; with `keep_only`,
    /// the hits [`Matcher::uncontained`] keeps of them, decided as they are pushed (a second
    /// pass over the list cost about 90 instructions a hit, unpacking each hit again for its
    /// role), else all of them, equal hits included.
    ///
    /// Decided as they are pushed: hits are pushed in [`marker_order`], so a pass over them
    /// in that order with the furthest end per role decides as the pass over the whole list
    /// did. Hits that share a span are the entries of one pattern at one word (two patterns
    /// found at a word end at different words or at a word and its stem), pushed by one call
    /// of [`Matcher::push_uncontained`], which decides them together. A span with a
    /// punctuation marker, whose hits are sorted after they are pushed, is decided after the
    /// sort ([`Matcher::keep_uncontained`]). Spans are apart, so a hit of one never contains
    /// a hit of a later one: deciding span by span is deciding over the whole list. A test
    /// compares the two ways on the corpus and on texts written for it.
    fn marker_hits(
        &self,
        text: &str,
        ix: &Indexed,
        spans: &[(u32, u32)],
        keep_only: bool,
        ends: &mut Vec<(u32, u32)>,
    ) -> Vec<Hit> {
        // The furthest end per role slot (0: none yet) and a group's role slots.
        let mut furthest = [0u32; ROLE_SLOTS];
        let mut pending: Vec<u8> = Vec::new();
        // Room for a marker per 4 words of the text (most documents' spans hold fewer), so
        // that the list is not grown (and copied) on the way.
        let mut raw: Vec<Hit> = Vec::with_capacity(ix.words.len() / 4 + 4);
        let mut found: Vec<(u32, u32)> = Vec::with_capacity(16);
        let mut local: Vec<WordId> = Vec::new();
        let mut cut: Vec<TextWord> = Vec::new();
        let mut buf = Vec::new();
        // The punctuation markers of the whole text, sorted by start: searched for once per
        // document (a search per span cost more to set up than to run on a sentence), then
        // taken span by span. A mark is a whole character, so the marks of the text inside a
        // span are the marks found in the span's text.
        let mut punct: Vec<Hit> = Vec::new();
        for &(pc, idx) in &self.punct_markers {
            let hit = |i: usize| Hit {
                start: i as u32,
                end: (i + pc.len_utf8()) as u32,
                target: Target::Marker(idx),
                participle: false,
            };
            // An ASCII mark (";") by the memchr crate's search.
            if pc.is_ascii() {
                punct.extend(memchr::memchr_iter(pc as u8, text.as_bytes()).map(hit));
            } else {
                punct.extend(text.match_indices(pc).map(|(i, _)| hit(i)));
            }
        }
        if self.punct_markers.len() > 1 {
            punct.sort_by_key(|h| h.start);
        }
        // Where the last span's words ended: spans come in order and apart, and most
        // follow the one before with no word between (a sentence after a sentence), so the
        // first word of a span is most often that one, known without a search.
        let mut after = 0;
        for &(a, b) in spans {
            let first = if ix.words.get(after).is_some_and(|w| w.end > a)
                && (after == 0 || ix.words.get(after - 1).is_some_and(|w| w.end <= a))
            {
                after
            } else {
                ix.words.partition_point(|w| w.end <= a)
            };
            let last = gallop(&ix.words, first, |w| w.start < b);
            after = last;
            let words = &ix.words[first..last];
            // The words are sorted and do not overlap: all are whole inside the span when the
            // first starts in it and the last ends in it.
            let whole = words.first().is_none_or(|w| w.start >= a)
                && words.last().is_none_or(|w| w.end <= b);
            let words: &[WordId] = if whole {
                words
            } else {
                local.clear();
                cut.clear();
                scan_words_into(text, a as usize..b as usize, &mut cut);
                local.extend(cut.iter().map(|&w| self.dict.ids(text, w, &mut buf)));
                &local
            };
            let span_first = raw.len();
            // The span's punctuation markers. (A span that does not fall on character
            // boundaries has no text to search.)
            let span_punct: &[Hit] =
                if !punct.is_empty() && text.get(a as usize..b as usize).is_some() {
                    let from = punct.partition_point(|h| h.start < a);
                    let rest = punct.get(from..).unwrap_or(&[]);
                    &rest[..rest.partition_point(|h| h.start < b)]
                } else {
                    &[]
                };
            let has_punct = span_punct.iter().any(|h| h.end <= b);
            // Decided as pushed where no punctuation marker is sorted in after.
            let as_pushed = keep_only && !has_punct;
            for i in 0..words.len() {
                if words[i].starts & STARTS_MARKER == 0 || !self.markers.may_match(words, i) {
                    continue;
                }
                let w = words[i];
                let s = w.start as usize;
                // The common case, a word without a stem whose node has no children (a
                // one-word marker, or none): `matches_at` would find that node's pattern
                // alone, ending with the word, so it is pushed without the walk.
                if w.stem == NONE && w.id != NONE {
                    let node = self.markers.first(w.id);
                    if node.count == 0 {
                        if node.pattern != NONE {
                            let (p, e) = (node.pattern as usize, w.end as usize);
                            if as_pushed {
                                let (f, pe) = (&mut furthest, &mut pending);
                                self.push_uncontained(p, s, e, text, f, pe, &mut raw);
                            } else {
                                self.push_valid(&self.markers, p, s, e, text, &mut raw);
                            }
                        }
                        continue;
                    }
                }
                self.markers.matches_at(words, i, &mut found);
                for &(p, e) in found.iter().rev() {
                    let (p, e) = (p as usize, e as usize);
                    if as_pushed {
                        let (f, pe) = (&mut furthest, &mut pending);
                        self.push_uncontained(p, s, e, text, f, pe, &mut raw);
                    } else {
                        self.push_valid(&self.markers, p, s, e, text, &mut raw);
                    }
                }
            }
            let words_end = raw.len();
            if has_punct {
                raw.extend(span_punct.iter().filter(|h| h.end <= b));
            }
            // The hits of the words come in order: by start (the words'), longest first
            // (`matches_at` finds the shorter first), then by target (the pattern's entries
            // are in that order, `order_entries`). Punctuation markers, pushed after them,
            // are sorted in with the span's hits; spans are sorted and apart, so the list is
            // then sorted as a whole. (A sort of the whole list, nearly all of it in order
            // already, cost about 4 instructions per byte of text.)
            if raw.len() > words_end {
                raw[span_first..].sort_by_key(marker_order);
            }
            if keep_only && !as_pushed {
                self.keep_uncontained(&mut raw, span_first, &mut furthest);
            }
            ends.push((first as u32, raw.len() as u32));
        }
        debug_assert!(raw.is_sorted_by_key(marker_order));
        raw
    }

    /// [`Matcher::push_valid`] for the marker layer, keeping only the hits
    /// [`Matcher::uncontained`] keeps: a hit is dropped when an earlier hit of its role ends
    /// at or after its end (`furthest`, per role slot, updated here), or when it equals the
    /// hit before it. The hits of one call start together; those that also end together (a
    /// span) are decided against the ends before them, then recorded. `pending` is scratch
    /// space (the span's role slots).
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn push_uncontained(
        &self,
        p: usize,
        os: usize,
        oe: usize,
        text: &str,
        furthest: &mut [u32; ROLE_SLOTS],
        pending: &mut Vec<u8>,
        out: &mut Vec<Hit>,
    ) {
        let layer = &self.markers;
        let infos = layer.infos(p);
        // The common case, a pattern of one entry: one hit, decided and recorded.
        if let [info] = infos {
            let Some(end) = layer.hit_end(info, os, oe, text) else {
                return;
            };
            let f = &mut furthest[usize::from(info.role)];
            if !(*f > 0 && *f >= end) {
                out.push(Hit {
                    start: os as u32,
                    end,
                    target: info.target,
                    participle: info.participle,
                });
            }
            *f = (*f).max(end);
            return;
        }
        let record = |furthest: &mut [u32; ROLE_SLOTS], pending: &[u8], end: u32| {
            for &r in pending {
                let f = &mut furthest[usize::from(r)];
                *f = (*f).max(end);
            }
        };
        let mut span_end: Option<u32> = None;
        let mut prev: Option<Hit> = None;
        pending.clear();
        for info in infos {
            let Some(end) = layer.hit_end(info, os, oe, text) else {
                continue;
            };
            let h = Hit {
                start: os as u32,
                end,
                target: info.target,
                participle: info.participle,
            };
            if span_end != Some(end) {
                if let Some(e) = span_end {
                    record(furthest, pending, e);
                }
                pending.clear();
                prev = None;
                span_end = Some(end);
            }
            pending.push(info.role);
            let repeat = prev == Some(h);
            prev = Some(h);
            let f = furthest[usize::from(info.role)];
            if !(repeat || (f > 0 && f >= end)) {
                out.push(h);
            }
        }
        if let Some(e) = span_end {
            record(furthest, pending, e);
        }
    }

    /// The slot of a hit's role in the furthest ends: its role's number, or [`OTHER_SLOT`]
    /// for a hit that is not a marker (never the case here; kept apart all the same).
    fn role_slot(&self, h: &Hit) -> usize {
        match h.target {
            Target::Marker(m) => self
                .marker_roles
                .get(m.index())
                .map_or(0, |&r| usize::from(r)),
            _ => OTHER_SLOT,
        }
    }

    /// Drops from `hits[from..]` (sorted by [`marker_order`]) the hits
    /// [`Matcher::uncontained`] drops, `furthest` carried over from the hits before them
    /// (and updated); the kept hits are moved down in place.
    fn keep_uncontained(&self, hits: &mut Vec<Hit>, from: usize, furthest: &mut [u32; ROLE_SLOTS]) {
        let n = hits.len();
        let mut kept = from;
        let mut i = from;
        while i < n {
            let h = hits[i];
            let mut j = i + 1;
            while j < n && (hits[j].start, hits[j].end) == (h.start, h.end) {
                j += 1;
            }
            // The common case, a span only one hit has.
            if j == i + 1 {
                let end = &mut furthest[self.role_slot(&h)];
                if !(*end > 0 && *end >= h.end) {
                    hits[kept] = h;
                    kept += 1;
                }
                *end = (*end).max(h.end);
                i = j;
                continue;
            }
            // The ends before the span decide each of its hits (the first of equal hits
            // only); then each is recorded. Kept hits move down to `kept` (at most `i`, so
            // the span's hits are copied out first).
            let span: Vec<Hit> = hits[i..j].to_vec();
            for (k, g) in span.iter().enumerate() {
                if k > 0 && span[k - 1] == *g {
                    continue;
                }
                let end = furthest[self.role_slot(g)];
                if !(end > 0 && end >= g.end) {
                    hits[kept] = *g;
                    kept += 1;
                }
            }
            for g in &span {
                let end = &mut furthest[self.role_slot(g)];
                *end = (*end).max(g.end);
            }
            i = j;
        }
        hits.truncate(kept);
    }
    /// Keeps every marker hit not strictly inside a longer marker hit of the same role (the
    /// reference for the hits [`Matcher::find_markers`] keeps as it pushes them). Hits
    /// come sorted by start, longest first, so any container of a hit comes before it: one pass
    /// with the furthest end seen so far per role decides. A hit equal to the one before it is
    /// dropped (equal hits share a span, so only the pass over a span several hits share needs
    /// to look: a separate pass of `dedup` over every hit cost more).
    #[cfg(test)]
    fn uncontained(&self, hits: Vec<Hit>) -> Vec<Hit> {
        // Slot of a hit's role: its role's number, or the last slot for a hit that is not a
        // marker (never the case here; kept apart all the same).
        let slot = |h: &Hit| self.role_slot(h);
        // The furthest end per role slot; 0 for none yet (every hit ends after its start).
        let mut furthest: Vec<u32> = vec![0; ROLE_SLOTS];
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        let mut i = 0;
        while i < hits.len() {
            let h = hits[i];
            // The common case, a span only one hit has: one role lookup.
            if hits
                .get(i + 1)
                .is_none_or(|n| (n.start, n.end) != (h.start, h.end))
            {
                if let Some(end) = furthest.get_mut(slot(&h)) {
                    if !(*end > 0 && *end >= h.end) {
                        out.push(h);
                    }
                    *end = (*end).max(h.end);
                } else {
                    out.push(h);
                }
                i += 1;
                continue;
            }
            let span = (hits[i].start, hits[i].end);
            let j = i + hits[i..]
                .iter()
                .take_while(|h| (h.start, h.end) == span)
                .count();
            for (k, h) in hits[i..j].iter().enumerate() {
                if k > 0 && hits[i + k - 1] == *h {
                    continue;
                }
                let end = furthest.get(slot(h)).copied().unwrap_or(0);
                if !(end > 0 && end >= h.end) {
                    out.push(*h);
                }
            }
            for h in &hits[i..j] {
                if let Some(end) = furthest.get_mut(slot(h)) {
                    *end = (*end).max(h.end);
                }
            }
            i = j;
        }
        out
    }
}

/// The order of marker hits: by start, longest first, then by target.
fn marker_order(h: &Hit) -> (u32, std::cmp::Reverse<u32>, (u8, u16, bool)) {
    (h.start, std::cmp::Reverse(h.end), target_order(h.target))
}

fn target_order(t: Target) -> (u8, u16, bool) {
    match t {
        Target::Actor(a) => (0, a.0, false),
        Target::Topic { topic, opposite } => (1, topic.0, opposite),
        Target::Context(w) => (2, w.0, false),
        Target::Cue(c) => (3, c.0, false),
        Target::Marker(m) => (4, m.0, false),
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

    /// `words_from_hint` gives the words `words_from` gives, whatever the hint (before,
    /// at, past the answer, past the end), and leaves the hint where they start.
    #[test]
    fn words_from_hint_gives_the_words_from() {
        let m = Matcher::new(&standard()).unwrap();
        let text =
            "Kyiv's allies, the U.S. and the EU, back sanctions. Zelensky said so.  Again: no.";
        let ix = m.index(text);
        let n = ix.words.len();
        for pos in 0..=text.len() as u32 + 1 {
            let want: Vec<TextWord> = ix.words_from(pos).collect();
            for h in 0..=n + 2 {
                let hint = std::cell::Cell::new(h);
                let got: Vec<TextWord> = ix.words_from_hint(pos, &hint).collect();
                assert_eq!(got, want, "pos {pos}, hint {h}");
                assert_eq!(hint.get(), n - want.len(), "pos {pos}, hint {h}");
            }
        }
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

    #[test]
    fn an_alias_opening_with_the_gives_way_to_a_longer_one_at_the_next_word() {
        let lex = lexicon(
            "usa,USA,collective,,the U.S.|U.S.\ntrump,T,person,usa,U.S. President|Trump\n",
            "sanctions,Sanctions,sanctions,\n",
        );
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            entities(&lex, "The U.S. President backs sanctions."),
            pairs(&[("U.S. President", "trump"), ("sanctions", "sanctions")])
        );
        // Not when the longer one ends no further ("the U.S." stays the U.S.).
        assert_eq!(
            entities(&lex, "Sanctions from the U.S. bite."),
            pairs(&[("Sanctions", "sanctions"), ("the U.S.", "usa")])
        );
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
        possessive_ends_a_longer_alias,
        "the European Union’s plan and the United States' role",
        [("European Union", "eu"), ("United States", "usa")]
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
    fn marker_hits_come_sorted_without_a_sort_and_are_kept_as_pushed() {
        // The built-in lexicon has punctuation markers (";"), phrases shared by markers
        // ("president" in the test lexicon), negations inside longer ones.
        let builtin = Lexicon::builtin().expect("lexicon");
        for lex in [builtin, standard()] {
            let m = Matcher::new(&lex).unwrap();
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
            let mut texts: Vec<String> = std::fs::read_dir(root)
                .expect("corpus")
                .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect();
            assert!(texts.len() > 10);
            texts.push(
                "The president would not; no longer; he said; Kyiv’s “no”; would; not".into(),
            );
            texts.push("No, no longer. Presidents would not, would not; ;; no no".into());
            for text in &texts {
                let ix = m.index(text);
                // Whole sentences, and spans that cut words.
                let n = text.len() as u32;
                let sentences: Vec<(u32, u32)> = crate::segment::Segmenter::new(&lex)
                    .segment(text)
                    .iter()
                    .map(|s| (s.start, s.end))
                    .collect();
                for spans in [
                    vec![(0, n)],
                    vec![(0, n / 3 + 1), (n / 2 + 1, n)],
                    sentences,
                ] {
                    let spans: Vec<(u32, u32)> = spans
                        .into_iter()
                        .map(|(a, b)| {
                            let on = |mut k: u32| {
                                while !text.is_char_boundary(k as usize) {
                                    k -= 1;
                                }
                                k
                            };
                            (on(a), on(b))
                        })
                        .collect();
                    let hits = m.marker_hits(text, &ix, &spans, false, &mut Vec::new());
                    let mut sorted = hits.clone();
                    sorted.sort_by_key(marker_order);
                    assert_eq!(hits, sorted);
                    // The hits kept as they are pushed are the hits a pass over all of them
                    // keeps.
                    assert_eq!(
                        m.marker_hits(text, &ix, &spans, true, &mut Vec::new()),
                        m.uncontained(hits.clone())
                    );
                    // The punctuation marks found once in the whole text are the marks of
                    // each span's own text.
                    let mut marks = Vec::new();
                    for &(a, b) in &spans {
                        for &(pc, idx) in &m.punct_markers {
                            let slice = &text[a as usize..b as usize];
                            marks.extend(slice.match_indices(pc).map(|(i, _)| (a + i as u32, idx)));
                        }
                    }
                    marks.sort();
                    let mut got: Vec<(u32, MarkerIdx)> = hits
                        .iter()
                        .filter_map(|h| match h.target {
                            Target::Marker(k)
                                if m.punct_markers.iter().any(|&(pc, idx)| {
                                    idx == k
                                        && text.get(h.start as usize..h.end as usize)
                                            == Some(pc.encode_utf8(&mut [0; 4]))
                                }) =>
                            {
                                Some((h.start, k))
                            }
                            _ => None,
                        })
                        .collect();
                    got.sort();
                    assert_eq!(got, marks);
                }
            }
        }
    }

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

    /// The word dictionary of the built-in lexicon, built once for the property tests.
    fn builtin_dict() -> &'static Dictionary {
        static BUILTIN: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        &BUILTIN
            .get_or_init(|| Matcher::new(&Lexicon::builtin().unwrap()).unwrap())
            .dict
    }

    /// A word's entry in the dictionary as the short and medium tables give it: its id and
    /// the low bits of its starts.
    fn dict_entry(d: &Dictionary, w: &[u8]) -> (u32, u16) {
        let (id, starts) = d.get(w);
        (id, starts & 0x0fff)
    }

    proptest::proptest! {
        /// A simple word hashed in place (8-byte loads, case bit set, bytes past its end
        /// masked) hashes like its folded bytes, wherever it stands, at the text's end too.
        #[test]
        fn simple_words_hash_like_their_folded_bytes(
            text in "[A-Za-z0-9 ]{0,40}",
            a in 0usize..40,
            len in 0usize..20,
        ) {
            let bytes = text.as_bytes();
            let s = a.min(bytes.len());
            let e = (s + len).min(bytes.len());
            let folded: Vec<u8> = bytes[s..e].iter().map(|b| b | 0x20).collect();
            proptest::prop_assert_eq!(simple_word_hash(bytes, s, e), word_hash(&folded));
            proptest::prop_assert_eq!(simple_head(bytes, s, e), head(&folded));
        }

        /// A word under 8 bytes is found in the table of short words as in the whole
        /// dictionary: every word of the built-in lexicon, and any short word of letters.
        #[test]
        fn short_words_are_found_as_in_the_dictionary(word in "[a-z0-9]{1,7}") {
            let d = builtin_dict();
            let get = |w: &[u8]| dict_entry(d, w);
            for id in 0..d.spans.len() {
                let w = d.bytes(id).unwrap();
                if (1..8).contains(&w.len()) {
                    proptest::prop_assert_eq!(d.find_short(head(w), w.len()), get(w));
                }
            }
            let w = word.as_bytes();
            proptest::prop_assert_eq!(d.find_short(head(w), w.len()), get(w));
        }

        /// A word of 8 to 15 bytes is found in the table of medium words as in the whole
        /// dictionary: every word of the built-in lexicon, and any such word of letters.
        #[test]
        fn medium_words_are_found_as_in_the_dictionary(word in "[a-z0-9]{8,15}") {
            let d = builtin_dict();
            let get = |w: &[u8]| dict_entry(d, w);
            let find = |w: &[u8]| d.find_medium(head(w), head(&w[8..]), w.len());
            let mut mediums = 0;
            for id in 0..d.spans.len() {
                let w = d.bytes(id).unwrap();
                if (8..16).contains(&w.len()) {
                    proptest::prop_assert_eq!(find(w), get(w));
                    mediums += 1;
                }
            }
            proptest::prop_assert!(mediums > 0);
            proptest::prop_assert_eq!(find(word.as_bytes()), get(word.as_bytes()));
        }

        /// The head and tail the word scanner hands over are the dictionary's keys of the
        /// word: given only for simple words under 16 bytes, equal to their `simple_head`s
        /// (the tail's from byte 8); and the word index is the one each word's own lookup
        /// gives.
        #[test]
        fn scanned_heads_are_the_words_heads(
            text in "([A-Za-z0-9_'`’é ,.-]|Kyiv|talks|peacekeeping){0,30}",
        ) {
            let bytes = text.as_bytes();
            let mut ok = true;
            crate::text::for_each_word_head(&text, 0..text.len(), |w, h, t| {
                let (s, e) = (w.start as usize, w.end as usize);
                if h != 0 {
                    ok &= w.simple && e - s < 16 && h == simple_head(bytes, s, e);
                    ok &= t == if e - s > 8 { simple_head(bytes, s + 8, e) } else { 0 };
                }
            });
            proptest::prop_assert!(ok);
            let m = Matcher::new(&standard()).unwrap();
            let ix = m.index(&text);
            let mut buf = Vec::new();
            let each: Vec<(u32, u32, u16)> = crate::text::scan_words(&text, 0..text.len())
                .into_iter()
                .map(|w| {
                    let id = m.dict.ids(&text, w, &mut buf);
                    (id.id, id.stem, id.starts)
                })
                .collect();
            let indexed: Vec<(u32, u32, u16)> =
                ix.words.iter().map(|w| (w.id, w.stem, w.starts)).collect();
            proptest::prop_assert_eq!(indexed, each);
        }
    }

    /// A word that the dictionary bits and the pair bits turn away starts no match of the
    /// layer: `may_match` is false only where `matches_at` finds nothing. On the corpus, and
    /// on each layer's patterns written one after the other (every pattern's own pairs, and
    /// pairs across two patterns that start none).
    #[test]
    fn wide_nodes_find_their_children_as_a_search_does() {
        // Every node's children, and the words of the layer's other nodes (absent from most
        // of them), looked up by `Layer::child` and by a search of the node's own children.
        let m = Matcher::new(&Lexicon::builtin().unwrap()).unwrap();
        let mut wide = 0;
        for layer in [&m.entities, &m.cues, &m.markers] {
            let parents: Vec<Node> = layer
                .root
                .iter()
                .chain(layer.children.iter().map(|c| &c.node))
                .copied()
                .filter(|n| n.count > 0)
                .collect();
            let words: Vec<u32> = layer.children.iter().map(|c| c.word).step_by(7).collect();
            for node in parents {
                if node.count > SCANNED_CHILDREN {
                    wide += 1;
                }
                let kids = &layer.children[node.first as usize..(node.first + node.count) as usize];
                for w in kids.iter().map(|c| c.word).chain(words.iter().copied()) {
                    let want = kids
                        .binary_search_by_key(&w, |c| c.word)
                        .map_or(NO_NODE, |i| kids[i].node);
                    let got = layer.child(node, w);
                    assert_eq!(
                        (got.pattern, got.first, got.count),
                        (want.pattern, want.first, want.count)
                    );
                }
            }
        }
        assert!(
            wide > 10,
            "{wide} nodes with more than {SCANNED_CHILDREN} children"
        );
    }

    #[test]
    fn words_turned_away_start_no_match() {
        let m = Matcher::new(&Lexicon::builtin().unwrap()).unwrap();
        let mut texts: Vec<String> = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for entry in std::fs::read_dir(root).unwrap() {
            if let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) {
                texts.push(text);
            }
        }
        for layer in [&m.entities, &m.cues, &m.markers] {
            let words: Vec<String> = layer
                .patterns
                .iter()
                .map(|p| String::from_utf8_lossy(p).into_owned())
                .collect();
            texts.push(words.join(" "));
            texts.push(words.join("'s "));
        }
        let mut found = Vec::new();
        let (mut matched, mut turned_away) = (0, 0);
        for text in &texts {
            let ix = m.index(text);
            for layer in [&m.entities, &m.cues, &m.markers] {
                for i in 0..ix.words.len() {
                    layer.matches_at(&ix.words, i, &mut found);
                    let may = layer.may_match(&ix.words, i);
                    if !found.is_empty() {
                        assert!(may, "{:?}", &text[ix.words[i].start as usize..]);
                        matched += 1;
                    }
                    turned_away += usize::from(!may);
                }
            }
        }
        assert!(
            matched > 10_000 && turned_away > 10_000,
            "{matched} {turned_away}"
        );
    }

    #[test]
    fn matcher_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Matcher>();
    }
}
