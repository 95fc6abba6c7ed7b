//! `stancemap lexicon check` and `explain` through the binary.

use crate::util::{Scratch, root, stancemap};

#[test]
fn lexicon_check_passes_on_the_built_in_lexicons() {
    let s = Scratch::new();
    let run = stancemap(s.dir.path(), &["lexicon", "check"]);
    run.expect_code(0);
    assert!(
        run.stdout().trim_end().ends_with(" 0 problems"),
        "{}",
        run.stdout()
    );
}

#[test]
fn lexicon_check_names_file_and_line_of_every_problem() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("lex")).unwrap();
    for f in [
        "actors.csv",
        "topics.csv",
        "cues.csv",
        "markers.csv",
        "abbreviations.csv",
    ] {
        std::fs::copy(root().join("lexicons").join(f), s.path("lex").join(f)).unwrap();
    }
    // An entry whose example does not contain it.
    let cues = std::fs::read_to_string(s.path("lex/cues.csv")).unwrap();
    let lines = cues.lines().count();
    std::fs::write(
        s.path("lex/cues.csv"),
        format!("{cues}reprimand,verb,reject,after,,Kyiv scolded Moscow.,Reprimands are rare.,\n"),
    )
    .unwrap();
    let run = stancemap(s.dir.path(), &["lexicon", "check", "--lexicons", "lex"]);
    run.expect_code(1);
    let expected = format!(
        "cues.csv:{}: cue \"reprimand\" is not found in its example \"Kyiv scolded Moscow.\"",
        lines + 1
    );
    assert!(run.stdout().contains(&expected), "{}", run.stdout());
}

#[test]
fn explain_shows_the_rule_behind_each_record_and_why_cues_gave_none() {
    let s = Scratch::new();
    let file = s.write(
        "a.txt",
        "Kremlin aide Yuri Ushakov said Moscow rejects the deployment of NATO troops.\nKyiv refused to rule out a truce.\n",
    );
    let run = stancemap(s.dir.path(), &["explain", file.to_str().unwrap()]);
    run.expect_code(0);
    let out = run.stdout();
    assert!(
        out.contains("RECORD ushakov troop_deployment reject: holder «Yuri Ushakov» by rule 'speaker for own side'"),
        "{out}"
    );
    assert!(
        out.contains("no record from «refused»: a negated or reversed reject"),
        "{out}"
    );
}
