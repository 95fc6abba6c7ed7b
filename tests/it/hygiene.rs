//! The repository keeps no text of the real articles (`../shared/seeds`): tests, lexicon
//! examples and comments are written in the team's own words.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::util::root;

/// Runs of this many words shared with a seed article count as copied text (six-word runs
/// also catch stock phrases such as "rejected the deployment of NATO troops").
const RUN: usize = 7;

/// Lowercase words of letters, digits and apostrophes (curly apostrophes made straight).
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn runs(text: &str) -> HashSet<Vec<String>> {
    words(text).windows(RUN).map(<[String]>::to_vec).collect()
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// No seven-word run of a seed article appears in `src/`, `tests/it/` or `lexicons/`, except
/// runs the annotation guidelines quote themselves (their examples come from such articles and
/// are the project's spec). Skipped when the seeds are not on this machine.
#[test]
fn no_seed_text_in_the_repository() {
    let seeds = std::env::var_os("STANCEMAP_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/seeds"));
    let seed_files = files(&seeds, "txt");
    if seed_files.is_empty() {
        eprintln!("seed articles not found at {}: skipped", seeds.display());
        return;
    }
    let mut seed_runs = HashSet::new();
    for f in &seed_files {
        seed_runs.extend(runs(&std::fs::read_to_string(f).unwrap_or_default()));
    }
    let guidelines = root().join("../shared/docs/stance-guidelines.md");
    let spec = runs(&std::fs::read_to_string(guidelines).unwrap_or_default());
    let mut found = Vec::new();
    for (dir, ext) in [("src", "rs"), ("tests/it", "rs"), ("lexicons", "csv")] {
        for f in files(&root().join(dir), ext) {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            for run in runs(&text) {
                if seed_runs.contains(&run) && !spec.contains(&run) {
                    found.push(format!("{}: {}", f.display(), run.join(" ")));
                }
            }
        }
    }
    found.sort();
    assert!(
        found.is_empty(),
        "text of the seed articles in the repository:\n{}",
        found.join("\n")
    );
}
