//! Quality: the tagger scored against hand-annotated gold (`tests/gold/`), per the guidelines.
//!
//! The gold was annotated blind by two helper sessions per article and adjudicated by a third
//! (`tests/gold/POLICIES.md`); nobody who wrote the tagger's rules wrote a gold record. The F1
//! floors: on the seeds, the quality issue's target of strict F1 0.80 (reached on 2026-11-24:
//! 0.810 at that session's end, 64 of 87 gold records matched, 71 predicted; one record fewer
//! and it is under) and a precision floor of 0.89 (0.901 reached, over the 0.85); on
//! the corpus, just under the figures reached.
//! The corpus floor of F1 was 0.70 (the first issue's target) on 36 articles; six held-out
//! articles (37–42, unread by whoever writes rules) joined the corpus on 2026-11-24 and score
//! 0.36, which takes the 42-article figure to 0.68, so the floor is 0.67 (articles 01–36 are
//! at 0.72). In the next session 37–42 were opened for development and a new held-out set,
//! 43–48 (136 gold records, unread by whoever writes rules), joined the corpus; with it the
//! 48-article figure was 0.648 at that session's start and 0.677 (precision 0.840) at its end,
//! so the floors were 0.67 and 0.83. In the fifth session six more articles (49–54, set I,
//! 141 gold records) were written and annotated blind; scored before anyone read them (0.527,
//! precision 0.734, the same with the rules of that session's start) they took the 54-article
//! figure to 0.665 (precision 0.830), and were then opened for development; at that session's
//! end the 54-article figure was 0.686 (precision 0.845). In the sixth session eight more
//! articles (55–62, set J, 240 gold records) were written and annotated blind; scored before
//! anyone read them they gave 0.321 (precision 0.534), which took the 62-article figure to 0.629
//! (precision 0.807), so the floors were 0.62 and 0.80 while J was developed on; after the
//! eighth session the figure was 0.640 (precision 0.817), and the floors 0.63 and 0.81. In the
//! ninth session six more articles (63–68, set K, 173 gold records) were written and annotated
//! blind; scored before anyone read them they gave 0.363 (precision 0.547; 0.362 with the
//! rules of that session's start), which took the 68-article figure from 0.643 (precision
//! 0.821) to 0.613 (precision 0.796), so the floors were 0.60 and 0.79. In the tenth session
//! six more (69–74, set L, 218 gold records) were written and annotated blind; scored before
//! anyone read them they gave 0.423 (precision 0.730; the same with the rules of that session's
//! start), which took the 74-article figure to 0.597 (precision 0.794), so the floors were 0.59
//! and 0.79. In the eleventh session six more (75–80, set M, 204 gold records) were written and
//! annotated blind; scored before anyone read them they gave 0.313 (precision 0.707; the same
//! with the rules of that session's start), which took the 80-article figure to 0.578
//! (precision 0.795), so the floors were 0.57 and 0.79. In the twelfth session six more (81–86,
//! set N, 194 gold records) were written and annotated blind; scored before anyone read them
//! they gave 0.378 (precision 0.671; the same with the rules of that session's start), which
//! took the 86-article figure from 0.584 (precision 0.800) to 0.567 (precision 0.792), so the
//! floors are 0.56 and 0.78, over at least 2,100 gold records. The quality issue's corpus target (F1 0.85) is far higher, and the closing notes say how far off it is.

use std::path::PathBuf;

use stancemap::eval::{Report, load_gold, predict, score};
use stancemap::lexicon::Lexicon;
use stancemap::pipeline::Engine;

use crate::util::root;

fn evaluate(gold: PathBuf, texts: PathBuf) -> Report {
    let engine = Engine::new(Lexicon::builtin().unwrap_or_else(|e| panic!("{e}"))).expect("engine");
    let gold = load_gold(&gold, &texts).unwrap_or_else(|e| panic!("gold files are invalid:\n{e}"));
    let pred = predict(&engine, &texts).unwrap_or_else(|e| panic!("{e}"));
    score(&gold, &pred, &engine.lexicon)
}

fn check(name: &str, report: &Report, f1_floor: f64, precision_floor: f64) {
    let s = &report.strict;
    eprintln!(
        "{name}: {}",
        report.render(false).lines().next().unwrap_or("")
    );
    assert!(
        s.f1() >= f1_floor,
        "{name}: strict F1 {:.3} below the floor {f1_floor}",
        s.f1()
    );
    assert!(
        s.precision() >= precision_floor,
        "{name}: strict precision {:.3} below the floor {precision_floor}",
        s.precision()
    );
}

#[test]
fn corpus_quality_meets_its_floor() {
    let report = evaluate(root().join("tests/gold/corpus"), root().join("corpus"));
    assert!(
        report.strict.gold >= 2100,
        "corpus gold has {} records",
        report.strict.gold
    );
    check("corpus", &report, 0.56, 0.78);
}

/// The three real articles live outside the repository (`../shared/seeds`, or
/// `STANCEMAP_SEEDS`); their gold files are in `tests/gold/seeds`. Skipped when the articles
/// are not on this machine.
#[test]
fn seed_quality_meets_its_floor() {
    let texts = std::env::var_os("STANCEMAP_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/seeds"));
    if !texts.join("000_73f9b40f2d21bb09.txt").exists() {
        eprintln!("seed articles not found at {}: skipped", texts.display());
        return;
    }
    let report = evaluate(root().join("tests/gold/seeds"), texts);
    assert!(report.strict.gold >= 80);
    check("seeds", &report, 0.80, 0.89);
}
