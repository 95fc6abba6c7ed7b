//! The per-document pipeline: text in, [`Analysis`] out.
//!
//! [`Engine`] holds everything built once from a lexicon (matcher, segmenter, tagger, date
//! finder); it is immutable, `Send + Sync`, and shared by all worker threads. [`Engine::analyze`]
//! runs the stages on one document: segment → match → tag, plus title and date. The same text
//! always gives the same analysis, whatever thread runs it.

use crate::export::Cells;
use crate::input::{DateFinder, title};
use crate::lexicon::Lexicon;
use crate::matcher::{BuildError, Hit, Indexed, Matcher, SentenceHits, Target};
use crate::segment::{Segmenter, Span};
use crate::stance::{Open, QuoteMark, Tagged, Tagger, possessive_opening, quote_mark};

/// How far into a sentence its first actor may start to be read as the sentence's subject
/// ("Finnish President Alexander Stubb said…"; a longer opening is a fronted clause).
const OPENING_ACTOR_BYTES: u32 = 12;

/// Everything built once from a lexicon.
#[derive(Debug)]
pub struct Engine {
    /// The lexicon the engine was built from.
    pub lexicon: Lexicon,
    /// The lexicon automaton.
    pub matcher: Matcher,
    /// The sentence splitter.
    pub segmenter: Segmenter,
    /// The stance tagger.
    pub tagger: Tagger,
    /// The lexicon's cells as the tables write them.
    pub cells: Cells,
    dates: DateFinder,
    /// Per actor, the words [`Engine::names_in_words`] looks for: its adjectives as written,
    /// then its aliases that are not exact-case, lowercased (empty ones left out); searched
    /// with searchers built once, where each call lowercased the aliases again and set up a
    /// string search per word.
    in_words: Vec<Vec<memchr::memmem::Finder<'static>>>,
}

/// What the pipeline found in one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// The first non-empty line.
    pub title: String,
    /// Publication date as YYYY-MM-DD, if stated near the top.
    pub date: Option<String>,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Actor and topic mentions, in order, each with the index of its sentence.
    pub mentions: Vec<(usize, Hit)>,
    /// Stance records and notes.
    pub tagged: Tagged,
}

impl Engine {
    /// Builds the engine.
    pub fn new(lexicon: Lexicon) -> Result<Engine, BuildError> {
        let matcher = Matcher::new(&lexicon)?;
        let segmenter = Segmenter::new(&lexicon);
        let tagger = Tagger::new(&lexicon);
        let cells = Cells::new(&lexicon);
        let in_words = lexicon
            .actors
            .iter()
            .map(|actor| {
                let adjectives = actor.adjectives.iter().map(|w| w.as_bytes().to_vec());
                let forms = actor
                    .forms
                    .iter()
                    .filter(|f| !f.exact_case)
                    .map(|f| f.written.to_ascii_lowercase().into_bytes());
                adjectives
                    .chain(forms)
                    .filter(|w| !w.is_empty())
                    .map(|w| memchr::memmem::Finder::new(&w).into_owned())
                    .collect()
            })
            .collect();
        Ok(Engine {
            in_words,
            lexicon,
            matcher,
            segmenter,
            tagger,
            cells,
            dates: DateFinder::new(),
        })
    }

    /// The lexicon hits of a document: entities and cues everywhere, markers in the sentences
    /// that hold a cue or a topic (the only ones the tagger reads).
    pub fn hits(&self, text: &str, sentences: &[Span]) -> crate::matcher::Hits {
        self.hits_indexed(text, sentences).0
    }

    /// [`Engine::hits`], and the document's word index they were found with (the tagger
    /// takes its tokens from its words).
    fn hits_indexed(&self, text: &str, sentences: &[Span]) -> (crate::matcher::Hits, Indexed) {
        let mut ix = Indexed::default();
        let quote_marks = memchr::memchr3_iter(b'"', 0xE2, 0xC2, text.as_bytes())
            .map(|k| k as u32)
            .collect();
        let hits = self.hits_into(text, sentences, &mut ix, quote_marks);
        (hits, ix)
    }

    /// [`Engine::hits_indexed`], the word index written into `ix` (its buffer kept).
    /// `quote_marks` are where the document has a byte that may start a quotation mark (`"`,
    /// 0xC2, 0xE2, in order: [`crate::segment::fast_bounds_and_quotes`]).
    fn hits_into(
        &self,
        text: &str,
        sentences: &[Span],
        ix: &mut Indexed,
        quote_marks: Vec<u32>,
    ) -> crate::matcher::Hits {
        self.matcher.index_into(text, ix);
        let ix = &*ix;
        let mut hits = self.matcher.find_main(text, ix);
        self.resolve_context_words(&mut hits.entities);
        self.absorb_topics(text, sentences, &mut hits.entities);
        self.shared_heads(text, &mut hits.entities);
        // Markers only matter in sentences with a cue or a topic, and in those that open
        // with an actor (the speaker a pronoun in the next sentence may refer to): look for
        // them there.
        let mut candidates: Vec<(u32, u32)> = Vec::with_capacity(sentences.len());
        // The hits of each sentence, handed to the tagger (which walked the three lists
        // again to find them): entities and cues found here, markers where their search
        // gives each candidate's (a candidate's marker range is `CANDIDATE` until then).
        const CANDIDATE: (u32, u32) = (u32::MAX, 0);
        let mut ranges: Vec<SentenceHits> = Vec::with_capacity(sentences.len());
        let (mut ic, mut ie) = (0, 0);
        // Whether a quotation is open where a sentence starts (the marks read as the tagger
        // reads them).
        let (mut in_quote, mut iq) = (Open::None, 0);
        for s in sentences {
            // (Hits between sentences are passed over, as the tagger's walks passed them.)
            while ic < hits.cues.len() && hits.cues[ic].start < s.start {
                ic += 1;
            }
            let c0 = ic;
            while ic < hits.cues.len() && hits.cues[ic].start < s.end {
                ic += 1;
            }
            let mut has = ic > c0;
            while ie < hits.entities.len() && hits.entities[ie].start < s.start {
                ie += 1;
            }
            let e0 = ie;
            let mut first = true;
            let (mut actors, mut topics) = (0, false);
            while ie < hits.entities.len() && hits.entities[ie].start < s.end {
                let h = &hits.entities[ie];
                let actor = matches!(h.target, Target::Actor(_));
                actors += usize::from(actor);
                topics |= matches!(h.target, Target::Topic { .. });
                has |= first && actor && h.start - s.start <= OPENING_ACTOR_BYTES;
                first = false;
                ie += 1;
            }
            has |= topics;
            // A list of actors ("the leaders of France and Germany met…") is read for the
            // next sentence's "they" and "the leaders".
            has |= actors >= 2;
            // A sentence that closes a quote opened in an earlier one may name the speaker of
            // the quote's earlier sentences ("“…. …,” he said."): its attribution is read.
            // (The marks are walked once, read as the tagger reads them: `quote_mark`.)
            let open_before = in_quote;
            // (Marks between sentences are passed over, as the tagger reads sentences only.)
            while iq < quote_marks.len() && quote_marks[iq] < s.start {
                iq += 1;
            }
            // (Within the sentence, as the tagger reads them: a single mark is read by its
            // neighbours, and the sentence's ends count as white space.)
            let sentence = text
                .as_bytes()
                .get(s.start as usize..s.end as usize)
                .unwrap_or_default();
            // (And whether a mark counts, as `QuoteState` reads it: a single mark only where it
            // opens or closes a quotation.)
            let mut quotes_any = false;
            while iq < quote_marks.len() && quote_marks[iq] < s.end {
                if let Some(q) = quote_mark(sentence, (quote_marks[iq] - s.start) as usize) {
                    let next = q.after(in_quote);
                    quotes_any |= next != in_quote
                        || !matches!(q, QuoteMark::SingleOpen | QuoteMark::SingleClose);
                    in_quote = next;
                }
                iq += 1;
            }
            has |= open_before.is_open() && !in_quote.is_open();
            // A sentence that opens with "His"/"Her" is read for whether it reports ("His
            // successor said…"): the tagger keeps the person for the next sentence only if not.
            // (Most sentences do not open with an "h": their text is not sliced.)
            has |= matches!(text.as_bytes().get(s.start as usize), Some(b'H' | b'h'))
                && text
                    .get(s.start as usize..s.end as usize)
                    .is_some_and(|t| possessive_opening(t).is_some());
            if has {
                candidates.push((s.start, s.end));
            }
            let markers = if has { CANDIDATE } else { (0, 0) };
            ranges.push(SentenceHits {
                span: (s.start, s.end),
                entities: (e0 as u32, ie as u32),
                cues: (c0 as u32, ic as u32),
                markers,
                first_word: u32::MAX,
                quotes: (quotes_any, in_quote),
                actors: actors as u32,
                topics,
            });
        }
        let (markers, ends) = self.matcher.find_markers_by_span(text, ix, &candidates);
        hits.markers = markers;
        // A sentence's markers are its candidate span's, and none (where the list stands)
        // for a sentence that is no candidate.
        let (mut at, mut k) = (0u32, 0);
        for r in &mut ranges {
            if r.markers == CANDIDATE
                && let Some(&(first_word, end)) = ends.get(k)
            {
                r.markers = (at, end);
                r.first_word = first_word;
                at = end;
                k += 1;
            } else {
                r.markers = (at, at);
            }
        }
        hits.sentence_hits = Some(ranges);
        hits.quote_marks = Some(quote_marks);
        hits
    }

    /// "French and German officials", "British, French and Italian leaders": the modifiers
    /// coordinated before an actor mention whose alias starts with a capitalized modifier
    /// share its head noun. Each one that names an actor with that head ("French officials")
    /// becomes a mention of that actor, so the tagger reads a coordination of actors.
    fn shared_heads<'a>(&self, text: &'a str, entities: &mut Vec<Hit>) {
        let mut added: Vec<Hit> = Vec::new();
        for (i, h) in entities.iter().enumerate() {
            if !matches!(h.target, Target::Actor(_)) {
                continue;
            }
            let (start, end) = (h.start as usize, h.end as usize);
            // Nothing is shared without "and" right before the mention (most have none):
            // the rest is not read for them.
            if !text.get(..start).is_some_and(ends_with_and) {
                continue;
            }
            let Some(mention) = text.get(start..end) else {
                continue;
            };
            // (The head may follow a line break: "French and German" + line break +
            // "officials".)
            let Some(space) = mention.find(char::is_whitespace) else {
                continue;
            };
            if !mention.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let head = &mention[space..];
            // Back over "X and " and then any "Y, ": each X, Y a capitalized word of its own.
            let prev_end = if i > 0 {
                entities[i - 1].end as usize
            } else {
                0
            };
            let mut before = &text[..start];
            let mut first = true;
            // The text before a joiner: "X and " (also across a line break), then "Y, ".
            let strip = |before: &'a str, first: bool| -> Option<&'a str> {
                let t = before.trim_end();
                if t.len() == before.len() && first {
                    return None;
                }
                if first {
                    let rest = t.strip_suffix("and")?;
                    let trimmed = rest.trim_end();
                    (trimmed.len() < rest.len()).then_some(trimmed)
                } else {
                    t.strip_suffix(',')
                }
            };
            while let Some(rest) = strip(before, first) {
                let w0 = rest
                    .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
                    .map_or(0, |k| {
                        k + rest[k..].chars().next().map_or(1, char::len_utf8)
                    });
                let word = &rest[w0..];
                if w0 < prev_end || !word.starts_with(|c: char| c.is_uppercase()) {
                    break;
                }
                let candidate = format!("{word}{head}");
                // Entities only: `Matcher::find` would look for markers too.
                let found = self
                    .matcher
                    .find_main(&candidate, &self.matcher.index(&candidate))
                    .entities;
                match found.as_slice() {
                    [one]
                        if one.start == 0
                            && one.end as usize == candidate.len()
                            && matches!(one.target, Target::Actor(_)) =>
                    {
                        added.push(Hit {
                            start: w0 as u32,
                            end: rest.len() as u32,
                            target: one.target,
                            participle: false,
                        });
                    }
                    _ => break,
                }
                before = &rest[..w0];
                first = false;
            }
        }
        if !added.is_empty() {
            entities.extend(added);
            entities.sort_by_key(|h| h.start);
        }
    }

    /// Turns each context word ("membership", "the package") into a mention of the topic
    /// that claims it and was named last before it by an alias, and drops it where none was.
    fn resolve_context_words(&self, entities: &mut Vec<Hit>) {
        if !entities
            .iter()
            .any(|h| matches!(h.target, Target::Context(_)))
        {
            return;
        }
        // For each topic, the position of its last mention by an alias (0: none yet).
        let mut named: Vec<usize> = vec![0; self.lexicon.topics.len()];
        let mut n = 0;
        entities.retain_mut(|h| {
            n += 1;
            match h.target {
                Target::Topic { topic, .. } => {
                    if let Some(at) = named.get_mut(topic.index()) {
                        *at = n;
                    }
                    true
                }
                Target::Context(w) => {
                    let last = self.lexicon.contexts.get(w.index()).and_then(|w| {
                        w.topics
                            .iter()
                            .filter_map(|&t| Some((*named.get(t.index())?, t)))
                            .filter(|&(at, _)| at > 0)
                            .max_by_key(|&(at, _)| at)
                    });
                    match last {
                        Some((_, topic)) => {
                            h.target = Target::Topic {
                                topic,
                                opposite: false,
                            };
                            true
                        }
                        None => false,
                    }
                }
                _ => true,
            }
        });
    }

    /// The `absorbs` column of the topics ([`crate::lexicon::Absorption`]): a mention of an
    /// absorbed topic is read as the absorbing one when its sentence names the absorbing topic,
    /// or the sentence before did (with no blank line between), and its sentence names none of
    /// the `unless` actors, as a mention or inside other words ("Ukrainian pilots"). "Denmark and France have pledged air defense units" after
    /// "NATO launched Eastern Sentry to reinforce the eastern flank" is the flank's defence, not
    /// aid to Ukraine. Opposite forms ("a halt to arms deliveries") are left as they are.
    fn absorb_topics(&self, text: &str, sentences: &[Span], entities: &mut [Hit]) {
        let topics = &self.lexicon.topics;
        let absorbs = |t: crate::lexicon::TopicIdx| {
            topics.get(t.index()).is_some_and(|x| !x.absorbs.is_empty())
        };
        // Most documents name no absorbing topic: one pass over the mentions tells.
        if !entities
            .iter()
            .any(|h| matches!(h.target, Target::Topic { topic, opposite: false } if absorbs(topic)))
        {
            return;
        }
        debug_assert!(entities.windows(2).all(|w| w[0].start <= w[1].start));
        // Absorbing topics named in the sentence before, in the same paragraph, with the
        // sentence that named them (many scraped articles have no blank lines at all: the
        // paragraph alone would run to the end of the article).
        const ABSORB_SENTENCES: usize = 1;
        let mut in_paragraph: Vec<(crate::lexicon::TopicIdx, usize)> = Vec::new();
        let mut here: Vec<crate::lexicon::TopicIdx> = Vec::new();
        let mut prev_end = 0usize;
        let mut e = 0;
        for (si, s) in sentences.iter().enumerate() {
            let gap = text.get(prev_end..s.start as usize).unwrap_or("");
            if blank_line(gap) {
                in_paragraph.clear();
            }
            in_paragraph.retain(|&(_, at)| si - at <= ABSORB_SENTENCES);
            prev_end = s.end as usize;
            while e < entities.len() && entities[e].start < s.start {
                e += 1;
            }
            let mut end = e;
            while end < entities.len() && entities[end].start < s.end {
                end += 1;
            }
            let mentions = &mut entities[e..end];
            here.clear();
            for h in mentions.iter() {
                if let Target::Topic {
                    topic,
                    opposite: false,
                } = h.target
                    && absorbs(topic)
                    && !here.contains(&topic)
                {
                    here.push(topic);
                }
            }
            let sentence_text = text.get(s.start as usize..s.end as usize).unwrap_or("");
            // The sentence lowercased, made once and only when an `unless` test needs it.
            let mut lower: Option<String> = None;
            for absorber in in_paragraph
                .iter()
                .map(|&(t, _)| t)
                .chain(here.iter().copied())
            {
                for rule in &topics[absorber.index()].absorbs {
                    let absorbed = Target::Topic {
                        topic: rule.topic,
                        opposite: false,
                    };
                    // (The test for the `unless` actors reads the sentence's words: only
                    // where there is something to absorb.)
                    if !mentions.iter().any(|h| h.target == absorbed) {
                        continue;
                    }
                    let kept = mentions
                        .iter()
                        .any(|h| matches!(h.target, Target::Actor(a) if rule.unless.contains(&a)))
                        || {
                            let lower =
                                lower.get_or_insert_with(|| sentence_text.to_ascii_lowercase());
                            rule.unless.iter().any(|&a| self.names_in_words(a, lower))
                        };
                    if kept {
                        continue;
                    }
                    for h in mentions.iter_mut() {
                        if h.target == absorbed {
                            h.target = Target::Topic {
                                topic: absorber,
                                opposite: false,
                            };
                        }
                    }
                }
            }
            for t in here.drain(..) {
                in_paragraph.retain(|&(x, _)| x != t);
                in_paragraph.push((t, si));
            }
            e = end;
        }
    }

    /// Does a sentence (`lower`: its text, ASCII lowercase) name actor `a` inside other
    /// words: an adjective of it ("Ukrainian pilots") or one of its aliases inside a longer
    /// mention ("sending Kyiv Patriots" is a topic phrase, no actor mention)? Whole words.
    fn names_in_words(&self, a: crate::lexicon::ActorIdx, lower: &str) -> bool {
        let Some(words) = self.in_words.get(a.index()) else {
            return false;
        };
        // Occurrences as `str::match_indices` gives them: left to right, not overlapping.
        words.iter().any(|w| {
            w.find_iter(lower.as_bytes()).any(|i| {
                let before = lower.get(..i).and_then(|s| s.chars().next_back());
                let after = lower
                    .get(i + w.needle().len()..)
                    .and_then(|s| s.chars().next());
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
    }

    /// Runs every stage on one document's text.
    pub fn analyze(&self, text: &str) -> Analysis {
        // (The bytes that may start a quotation mark are found with the sentence bounds.)
        let (sentences, quote_marks) = self.segmenter.segment_and_quotes(text);
        // The word index (about 24 bytes a word, 6 a byte of text) is not needed past
        // tagging: its buffer is kept for the thread's next document. Allocated afresh for
        // each document, its pages were cleared by the kernel again and again (`clear_page`,
        // 1.5% of a run's cycles). A buffer over `KEEP_INDEX_BYTES` (a document of a few
        // hundred KB) is let go, so that one long document does not hold memory.
        const KEEP_INDEX_BYTES: usize = 4 << 20;
        thread_local! {
            static WORDS: std::cell::Cell<Indexed> = std::cell::Cell::new(Indexed::default());
        }
        let mut ix = WORDS.take();
        let hits = self.hits_into(text, &sentences, &mut ix, quote_marks);
        let tagged = self.tagger.tag_indexed(text, &sentences, &hits, Some(&ix));
        if Matcher::index_bytes(&ix) <= KEEP_INDEX_BYTES {
            WORDS.set(ix);
        }
        let mut mentions = Vec::with_capacity(hits.entities.len());
        let mut si = 0;
        for h in &hits.entities {
            while si < sentences.len() && sentences[si].end <= h.start {
                si += 1;
            }
            if si < sentences.len() && sentences[si].contains(h.start) && h.end <= sentences[si].end
            {
                debug_assert!(matches!(h.target, Target::Actor(_) | Target::Topic { .. }));
                mentions.push((si, *h));
            }
        }
        Analysis {
            title: title(text).to_string(),
            date: self.dates.find(text),
            sentences,
            mentions,
            tagged,
        }
    }
}

/// Does `before`, white space trimmed off its end, end with "and"? The white space is passed
/// over by bytes (a call of `trim_end` per mention cost about as much as the test saves); a
/// byte past ASCII leaves the answer to `trim_end`, which knows every white space character.
fn ends_with_and(before: &str) -> bool {
    let b = before.as_bytes();
    let mut e = b.len();
    // The ASCII characters `char::is_whitespace` holds: tab, line feed, vertical tab, form
    // feed, carriage return and space.
    while e > 0 && matches!(b[e - 1], b'\t'..=b'\r' | b' ') {
        e -= 1;
    }
    if e > 0 && b[e - 1] >= 0x80 {
        return before.trim_end().ends_with("and");
    }
    b[..e].ends_with(b"and")
}

/// Does the text between two sentences hold a blank line (two line breaks with only spaces
/// between them)?
fn blank_line(gap: &str) -> bool {
    let mut breaks = 0;
    for c in gap.chars() {
        match c {
            '\n' => {
                breaks += 1;
                if breaks >= 2 {
                    return true;
                }
            }
            c if c.is_whitespace() => {}
            _ => breaks = 0,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte test of "and" before a mention is the `trim_end` one.
    #[test]
    fn ends_with_and_is_the_trimmed_test() {
        for s in [
            "",
            "and",
            "and ",
            "and\n\t ",
            "band\u{a0}",
            "and\u{a0}",
            "and\u{2003} ",
            "anda ",
            " an d",
            "é and ",
            "and\u{b}",
            "x\u{85}",
        ] {
            assert_eq!(ends_with_and(s), s.trim_end().ends_with("and"), "{s:?}");
        }
    }

    #[test]
    fn engine_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Engine>();
        assert_send_sync::<Analysis>();
    }

    /// "French and German officials": "French" becomes a mention of France (the actor of
    /// "French officials"), also when a line break stands after "and"; a word that names no
    /// actor with that head ("Senior") does not.
    #[test]
    fn coordinated_modifiers_share_the_head_of_an_actor_mention() {
        let engine = Engine::new(Lexicon::builtin().expect("lexicon")).expect("engine");
        let actors = |text: &str| -> Vec<(String, String)> {
            let sentences = engine.segmenter.segment(text);
            engine
                .hits(text, &sentences)
                .entities
                .iter()
                .filter_map(|h| match h.target {
                    Target::Actor(a) => Some((
                        text[h.start as usize..h.end as usize].to_string(),
                        engine.lexicon.actor(a).id.clone(),
                    )),
                    _ => None,
                })
                .collect()
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            actors("British, French and\nGerman officials met."),
            pairs(&[
                ("British", "uk"),
                ("French", "france"),
                ("German officials", "germany")
            ])
        );
        assert_eq!(
            actors("Senior and German officials met."),
            pairs(&[("German officials", "germany")])
        );
    }

    /// The articles of `corpus/` (their paths and texts; more than ten).
    fn corpus_articles() -> Vec<(std::path::PathBuf, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut articles = Vec::new();
        for entry in std::fs::read_dir(root).expect("corpus") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("article");
                articles.push((path, text));
            }
        }
        assert!(articles.len() > 10);
        articles
    }

    /// Tokens taken from the word index tag every sentence of the corpus as tokens read from
    /// the bytes do.
    #[test]
    fn tagging_from_the_word_index_is_tagging_from_the_bytes() {
        let engine = Engine::new(Lexicon::builtin().expect("lexicon")).expect("engine");
        let articles = corpus_articles();
        for (path, text) in &articles {
            let sentences = engine.segmenter.segment(text);
            let (hits, ix) = engine.hits_indexed(text, &sentences);
            assert_eq!(
                engine
                    .tagger
                    .tag_indexed(text, &sentences, &hits, Some(&ix)),
                engine.tagger.tag(text, &sentences, &hits),
                "{}",
                path.display()
            );
        }
    }

    /// The hits of each sentence found by the pipeline (`Hits::sentence_hits`) are the hits
    /// that start inside it, for every sentence of the corpus, and tagging with them is
    /// tagging without them (the tagger then walks the lists).
    #[test]
    fn sentence_hit_ranges_are_the_hits_inside_each_sentence() {
        let engine = Engine::new(Lexicon::builtin().expect("lexicon")).expect("engine");
        let articles = corpus_articles();
        for (path, text) in &articles {
            let sentences = engine.segmenter.segment(text);
            let (hits, ix) = engine.hits_indexed(text, &sentences);
            let ranges = hits.sentence_hits.clone().expect("ranges");
            assert_eq!(ranges.len(), sentences.len());
            let inside = |list: &[crate::matcher::Hit], s: &Span| {
                let a = list.partition_point(|h| h.start < s.start);
                let b = list.partition_point(|h| h.start < s.end);
                (a as u32, b as u32)
            };
            for (s, r) in sentences.iter().zip(&ranges) {
                let want = [
                    inside(&hits.entities, s),
                    inside(&hits.cues, s),
                    inside(&hits.markers, s),
                ];
                assert_eq!(
                    [r.entities, r.cues, r.markers],
                    want,
                    "{} {s:?}",
                    path.display()
                );
                // The first word, where known, is the one the words from the start begin with.
                if r.first_word != u32::MAX {
                    let hint = std::cell::Cell::new(r.first_word as usize);
                    assert!(
                        ix.words_from_hint(s.start, &hint)
                            .eq(ix.words_from(s.start)),
                        "{} {s:?}",
                        path.display()
                    );
                    assert_eq!(
                        ix.words_from(s.start).count(),
                        ix.words_from(0).count() - r.first_word as usize,
                        "{} {s:?}",
                        path.display()
                    );
                }
            }
            let mut walked = hits.clone();
            walked.sentence_hits = None;
            // Ranges found for other sentences are not taken (here the first sentence's span
            // is not the one given, and its markers would be all of them): the lists are
            // walked.
            let mut other = hits.clone();
            if let Some(first) = other.sentence_hits.as_mut().and_then(|r| r.first_mut()) {
                first.span.1 += 1;
                first.markers = (0, hits.markers.len() as u32);
            }
            assert_eq!(
                engine
                    .tagger
                    .tag_indexed(text, &sentences, &other, Some(&ix)),
                engine
                    .tagger
                    .tag_indexed(text, &sentences, &walked, Some(&ix)),
                "{}",
                path.display()
            );
            assert_eq!(
                engine
                    .tagger
                    .tag_indexed(text, &sentences, &hits, Some(&ix)),
                engine
                    .tagger
                    .tag_indexed(text, &sentences, &walked, Some(&ix)),
                "{}",
                path.display()
            );
        }
    }
}
