//! stancemap: folders of news articles in, tables of who stands where out.
//!
//! The stages, each a module, in the order a document meets them:
//!
//! 1. [`input`]: walk the input folders, name each document, decode it (UTF-8, legacy
//!    encodings, HTML), skip what is not an article.
//! 2. [`segment`]: sentence spans (UAX #29 bounds repaired with the abbreviation lexicon).
//! 3. [`matcher`]: every actor, topic, cue and marker pattern of the [`lexicon`], found word
//!    by word through a dictionary of the patterns' words and a trie per layer.
//! 4. [`stance`]: per sentence, (holder, topic, stance) records with their evidence.
//! 5. [`export`]: the five CSV tables, written by [`run`] in document order into a new
//!    generation of the output folder, which [`store`] switches into place at once.
//!
//! [`pipeline::Engine`] holds what is built once from a lexicon and analyses one document;
//! [`run::run`] drives a whole run over folders on a thread pool; [`eval`] scores records against
//! hand-annotated gold; [`explain`] says why records were written; [`check`] runs the lexicon's
//! examples. Between stages only spans and ids travel; the text is owned by the caller.
//!
//! ```
//! use stancemap::lexicon::Lexicon;
//! use stancemap::pipeline::Engine;
//!
//! let engine = Engine::new(Lexicon::builtin().expect("valid lexicon")).expect("engine");
//! let text = "Kremlin aide Yuri Ushakov said Moscow rejects any NATO presence in Ukraine.";
//! let analysis = engine.analyze(text);
//! let record = &analysis.tagged.records[0];
//! // A person reporting their own side's position holds it.
//! assert_eq!(engine.lexicon.actor(record.holder).id, "ushakov");
//! assert_eq!(engine.lexicon.topic(record.topic).id, "troop_deployment");
//! assert_eq!(record.stance.as_str(), "reject");
//! ```
#![deny(missing_docs)]

pub mod check;
pub mod eval;
pub mod explain;
pub mod export;
pub mod generate;
pub mod input;
pub mod lexicon;
pub mod matcher;
pub mod pipeline;
pub mod run;
pub mod segment;
pub mod stance;
pub mod store;
pub mod text;

/// The README's Rust examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
