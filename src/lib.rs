//! stancemap: folders of news articles in, tables of who stands where out.
#![deny(missing_docs)]

pub mod lexicon;
pub mod matcher;
pub mod text;
