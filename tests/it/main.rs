//! Integration tests: the real `stancemap` binary on fixtures and on the team corpus.

mod batch;
mod cli;
mod constructions;
mod hygiene;
mod lexicons;
mod quality;
mod typography;
mod util;
