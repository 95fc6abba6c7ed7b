//! `stancemap lexicon check` and `explain` through the binary.

use std::path::Path;

use crate::util::{Scratch, stancemap};

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
    s.copy_lexicons("lex");
    // An entry whose example does not contain it.
    let lines = s
        .append(
            "lex/cues.csv",
            "reprimand,verb,reject,after,,,Kyiv scolded Moscow.,Reprimands are rare.,\n",
        )
        .lines()
        .count();
    let run = stancemap(s.dir.path(), &["lexicon", "check", "--lexicons", "lex"]);
    run.expect_code(1);
    let expected = format!(
        "cues.csv:{}: cue \"reprimand\" is not found in its example \"Kyiv scolded Moscow.\"",
        lines + 1
    );
    assert!(run.stdout().contains(&expected), "{}", run.stdout());
}

/// The 1-based line of the first line of `text` that starts with `prefix`.
fn line_starting(text: &str, prefix: &str) -> usize {
    1 + text
        .lines()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?}"))
}

#[test]
fn every_lexicon_error_of_every_file_is_reported_and_nothing_is_written() {
    let s = Scratch::new();
    s.copy_lexicons("lex");
    let read = |f: &str| std::fs::read_to_string(s.path("lex").join(f)).unwrap();
    let shown = |f: &str| Path::new("lex").join(f).display().to_string();

    // actors.csv: a duplicate id; an empty alias and an alias of Russia in one row.
    let actors = s.append(
        "lex/actors.csv",
        "putin,Dup,person,russia,Vladimir V. Putin,he\nsmith,John Smith,person,usa,John Smith||the Kremlin,he\n",
    );
    let n = actors.lines().count();
    let putin = line_starting(&actors, "putin,");
    let russia = line_starting(&actors, "russia,");
    let (dup_actor, smith) = (n + 1, n + 2);

    // topics.csv: the label column renamed, so it is missing.
    let topics = read("topics.csv");
    let (header, rest) = topics.split_once('\n').unwrap();
    assert_eq!(header, "id,label,aliases,opposites,context,absorbs,target");
    std::fs::write(
        s.path("lex/topics.csv"),
        format!("id,name,aliases,opposites,context,absorbs,target\n{rest}"),
    )
    .unwrap();

    // cues.csv: a regular expression that does not compile; a row that repeats an existing one
    // and has a misspelled stance (the duplicate must not hide the stance).
    let cues = s.append(
        "lex/cues.csv",
        "re:(red line,phrase,reject,either,,,,,\npledge,verb,suport,after,,,Kyiv pledged a truce.,,\n",
    );
    let n = cues.lines().count();
    let pledge = line_starting(&cues, "pledge,verb,support,after,");
    let (bad_regex, dup_cue) = (n + 1, n + 2);

    let expected = [
        format!(
            "{}:{dup_actor}: duplicate id \"putin\" (first defined on line {putin})",
            shown("actors.csv")
        ),
        format!(
            "{}:{smith}: empty alias in column aliases (look for '||' or a '|' at either end)",
            shown("actors.csv")
        ),
        format!(
            "{}:{smith}: alias \"the Kremlin\" of \"smith\" is also an alias of \"russia\" ({}:{russia}); an alias must name one actor or topic",
            shown("actors.csv"),
            shown("actors.csv")
        ),
        format!(
            "{}:1: unknown column \"name\" (columns are id,label,aliases,opposites,context,absorbs,target,note)",
            shown("topics.csv")
        ),
        format!(
            "{}:1: missing column \"label\" (the header must name id,label,aliases)",
            shown("topics.csv")
        ),
        format!(
            "{}:{bad_regex}: regular expression \"(red line\" in column phrase does not compile: unclosed group",
            shown("cues.csv")
        ),
        format!(
            "{}:{dup_cue}: duplicate row: cue \"pledge\" with pos verb and topic after is already on line {pledge}",
            shown("cues.csv")
        ),
        format!(
            "{}:{dup_cue}: unknown stance \"suport\" (use support, reject or conditional)",
            shown("cues.csv")
        ),
    ];
    // Exactly these problems, in file and line order: none hidden, none reported twice.
    let problems = |stderr: &str| -> Vec<String> {
        stderr
            .lines()
            .filter(|l| l.starts_with(&shown("")))
            .map(String::from)
            .collect()
    };

    s.write("in/a.txt", "Moscow rejected the plan.\n");
    let out = s.path("out");
    let run = stancemap(
        s.dir.path(),
        &[
            "run",
            "in",
            "--out",
            out.to_str().unwrap(),
            "--lexicons",
            "lex",
        ],
    );
    run.expect_code(1);
    assert_eq!(problems(&run.stderr()), expected, "{}", run.stderr());
    assert!(!out.exists(), "the output folder was created");

    let check = stancemap(s.dir.path(), &["lexicon", "check", "--lexicons", "lex"]);
    check.expect_code(1);
    assert_eq!(problems(&check.stderr()), expected, "{}", check.stderr());
}

#[test]
fn explain_shows_the_rule_behind_each_record_and_why_cues_gave_none() {
    let s = Scratch::new();
    let file = s.write(
        "a.txt",
        "Kremlin aide Yuri Ushakov said Moscow rejects the deployment of NATO troops.\nKyiv refused to rule out a truce.\nBerlin has argued for months that talks can wait.\n",
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
    // A cue the tagger passed over (before a length of time) is explained too.
    assert!(
        out.contains("no record from «argued for»: passed over"),
        "{out}"
    );
}
