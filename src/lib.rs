//! stancemap: folders of news articles in, tables of who stands where out.
#![deny(missing_docs)]

pub mod check;
pub mod eval;
pub mod explain;
pub mod export;
pub mod input;
pub mod lexicon;
pub mod matcher;
pub mod pipeline;
pub mod run;
pub mod segment;
pub mod stance;
pub mod text;
