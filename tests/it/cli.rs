//! The `run` command on fixtures: tables, offsets, exit codes, determinism.

use crate::util::{Scratch, Table, root, stancemap};

fn fixture(name: &str) -> String {
    root()
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// The expected stance rows of `tests/fixtures/basic/white_house.txt`, read off the article by
/// hand with the guidelines: the pledge, the rejection, the conditional acceptance (spoken for
/// Ukraine by its president), and the coordinated support; nothing from the analysts.
const WHITE_HOUSE_STANCES: [[&str; 3]; 5] = [
    ["trump", "security_guarantees", "support"],
    ["russia", "troop_deployment", "reject"],
    ["zelensky", "ceasefire", "conditional"],
    ["macron", "ceasefire", "support"],
    ["merz", "ceasefire", "support"],
];

#[test]
fn writes_the_five_tables_with_the_hand_checked_records() {
    let s = Scratch::new();
    let out = s.path("tables");
    stancemap(
        s.dir.path(),
        &["run", &fixture("basic"), "--out", out.to_str().unwrap()],
    )
    .expect_code(0);
    for t in [
        "documents.csv",
        "sentences.csv",
        "mentions.csv",
        "stances.csv",
        "actor_topic.csv",
    ] {
        assert!(out.join(t).exists(), "{t} missing");
    }
    let stances = Table::read(&out.join("stances.csv"));
    assert_eq!(
        stances.header,
        [
            "doc",
            "sentence",
            "start",
            "end",
            "holder",
            "affiliation",
            "topic",
            "stance",
            "cue",
            "text"
        ]
    );
    let got = stances.project(&["holder", "topic", "stance"]);
    assert_eq!(
        got,
        WHITE_HOUSE_STANCES
            .map(|r| r.map(String::from).to_vec())
            .to_vec()
    );
    let docs = Table::read(&out.join("documents.csv"));
    assert_eq!(
        docs.project(&["doc", "title", "date", "sentences", "stances", "status"]),
        [[
            "white_house.txt",
            "Capital Review",
            "2025-08-20",
            "8",
            "5",
            "ok"
        ]
        .map(String::from)
        .to_vec()]
    );
    let pairs = Table::read(&out.join("actor_topic.csv"));
    assert!(
        pairs
            .project(&[
                "holder",
                "affiliation",
                "topic",
                "support",
                "reject",
                "conditional",
                "total"
            ])
            .contains(
                &["zelensky", "ukraine", "ceasefire", "0", "0", "1", "1"]
                    .map(String::from)
                    .to_vec()
            )
    );
}

#[test]
fn offsets_index_the_decoded_text_and_rows_are_their_own_evidence() {
    let s = Scratch::new();
    for (name, file) in [
        ("basic", "white_house.txt"),
        ("crlf", "white_house_crlf.txt"),
    ] {
        let out = s.path(name);
        stancemap(
            s.dir.path(),
            &["run", &fixture(name), "--out", out.to_str().unwrap()],
        )
        .expect_code(0);
        let raw = std::fs::read(root().join("tests/fixtures").join(name).join(file)).unwrap();
        let text = String::from_utf8(raw).unwrap();
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let one_line = |s: &str| {
            s.split(['\r', '\n'])
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for table in ["sentences.csv", "stances.csv"] {
            let t = Table::read(&out.join(table));
            for row in t.project(&["start", "end", "text"]) {
                let (a, b): (usize, usize) = (row[0].parse().unwrap(), row[1].parse().unwrap());
                assert_eq!(one_line(&text[a..b]), row[2], "{name}/{table}");
            }
        }
        let mentions = Table::read(&out.join("mentions.csv"));
        for row in mentions.project(&["start", "end", "text"]) {
            let (a, b): (usize, usize) = (row[0].parse().unwrap(), row[1].parse().unwrap());
            assert_eq!(&text[a..b], row[2]);
        }
        // CRLF and BOM change offsets but not what is found.
        let stances = Table::read(&out.join("stances.csv"));
        assert_eq!(stances.rows.len(), WHITE_HOUSE_STANCES.len(), "{name}");
    }
}

/// A sidebar drawn with box characters: its borders would cut each sentence at every line.
/// Its sentences read as hard-wrapped text, and the offsets still index the file as it is.
#[test]
fn a_box_drawn_sidebar_is_read_as_text_with_its_offsets_kept() {
    let s = Scratch::new();
    let boxed = "Berlin, Monday.\n\n┌─────────────────────────────┐\n│ WHERE THEY STAND            │\n\
                 │ Merz said Germany backs new │\n│ sanctions on Moscow. Putin  │\n\
                 │ rejected the truce plan.    │\n└─────────────────────────────┘\n";
    s.write("in/box.txt", boxed);
    let out = s.path("out");
    stancemap(s.dir.path(), &["run", "in", "--out", out.to_str().unwrap()]).expect_code(0);
    let stances = Table::read(&out.join("stances.csv"));
    let rows = stances.project(&["holder", "topic", "stance", "start", "end", "text"]);
    let got: Vec<_> = rows.iter().map(|r| [&r[0], &r[1], &r[2]]).collect();
    assert_eq!(
        got,
        [
            ["merz", "sanctions", "support"],
            ["putin", "ceasefire", "reject"]
        ]
    );
    for r in &rows {
        let (a, b): (usize, usize) = (r[3].parse().unwrap(), r[4].parse().unwrap());
        let span = boxed
            .get(a..b)
            .expect("offsets on character boundaries of the file");
        let words: Vec<&str> = span
            .split([' ', '\n', '│'])
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(words.join(" "), r[5]);
    }
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let s = Scratch::new();
    let corpus = root().join("corpus").display().to_string();
    let one = s.path("one");
    let four = s.path("four");
    stancemap(
        s.dir.path(),
        &[
            "run",
            &corpus,
            "--out",
            one.to_str().unwrap(),
            "--threads",
            "1",
        ],
    )
    .expect_code(0);
    stancemap(
        s.dir.path(),
        &[
            "run",
            &corpus,
            "--out",
            four.to_str().unwrap(),
            "--threads",
            "4",
        ],
    )
    .expect_code(0);
    for t in [
        "documents.csv",
        "sentences.csv",
        "mentions.csv",
        "stances.csv",
        "actor_topic.csv",
    ] {
        let a = std::fs::read(one.join(t)).unwrap();
        let b = std::fs::read(four.join(t)).unwrap();
        assert!(a == b, "{t} differs between --threads 1 and --threads 4");
        assert!(!a.is_empty());
    }
    let docs = Table::read(&one.join("documents.csv"));
    let articles = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    assert!(articles >= 30);
    assert_eq!(docs.rows.len(), articles);
}

#[test]
fn a_bad_article_is_reported_and_the_others_are_written() {
    let s = Scratch::new();
    s.write(
        "in/good.txt",
        "Moscow rejected the deployment of NATO troops.\n",
    );
    // A link to nothing: named on stderr and in documents.csv, exit code 2.
    #[cfg(unix)]
    std::os::unix::fs::symlink(s.path("nowhere.txt"), s.path("in/bad.txt")).unwrap();
    let out = s.path("out");
    let run = stancemap(s.dir.path(), &["run", "in", "--out", out.to_str().unwrap()]);
    run.expect_code(2);
    assert!(run.stderr().contains("bad.txt"), "{}", run.stderr());
    let docs = Table::read(&out.join("documents.csv"));
    let rows = docs.project(&["doc", "status"]);
    assert_eq!(rows[0], ["good.txt", "ok"]);
    assert_eq!(rows[1], ["bad.txt", "failed: a broken symbolic link"]);
    let stances = Table::read(&out.join("stances.csv"));
    assert_eq!(
        stances.project(&["doc", "holder", "stance"]),
        [["good.txt", "russia", "reject"]]
    );
}

#[test]
fn a_bad_lexicon_stops_the_run_before_anything_is_written() {
    let s = Scratch::new();
    s.copy_lexicons("lex");
    s.append(
        "lex/actors.csv",
        "putin,Dup,person,russia,Vladimir V. Putin,he\n",
    );
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
    assert!(run.stderr().contains("actors.csv:"), "{}", run.stderr());
    assert!(
        run.stderr().contains("duplicate id \"putin\""),
        "{}",
        run.stderr()
    );
    assert!(!out.exists(), "the output folder was created");
}

#[test]
fn no_inputs_and_unwritable_output_are_fatal() {
    let s = Scratch::new();
    std::fs::create_dir_all(s.path("empty")).unwrap();
    let run = stancemap(s.dir.path(), &["run", "empty", "--out", "out"]);
    run.expect_code(1);
    assert!(run.stderr().contains("no inputs"), "{}", run.stderr());
    assert!(!s.path("out").exists());
    s.write("in/a.txt", "Kyiv backs a truce.\n");
    s.write("blocked", "a file where the output folder should be");
    let run = stancemap(s.dir.path(), &["run", "in", "--out", "blocked"]);
    run.expect_code(1);
    assert!(run.stderr().contains("blocked"), "{}", run.stderr());
}

#[test]
fn doc_names_are_relative_and_unique_across_inputs() {
    let s = Scratch::new();
    s.write("day1/a.txt", "Kyiv backs a truce.\n");
    s.write("day1/sub/b.txt", "Moscow rejects a truce.\n");
    s.write("day2/a.txt", "Paris backs sanctions.\n");
    let run = stancemap(s.dir.path(), &["run", "day1", "day2", "--out", "out"]);
    run.expect_code(0);
    let docs = Table::read(&s.path("out/documents.csv"));
    let names: Vec<String> = docs
        .project(&["doc"])
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(names, ["day1/a.txt", "sub/b.txt", "day2/a.txt"]);
}

#[test]
fn lexicons_flag_replaces_the_built_in_lexicons() {
    let s = Scratch::new();
    s.write(
        "lex/actors.csv",
        "id,label,kind,affiliation,aliases\natlantis,Atlantis,collective,,Atlantis\n",
    );
    s.write(
        "lex/topics.csv",
        "id,label,aliases\nbridges,Bridges,bridge[s]\n",
    );
    s.write(
        "lex/cues.csv",
        "phrase,pos,stance,topic\nfavour,verb,support,after\n",
    );
    s.write("lex/markers.csv", "phrase,role,pos\nnot,negation,phrase\n");
    s.write("lex/abbreviations.csv", "word,rule\nMr.,title\n");
    s.write(
        "in/a.txt",
        "Atlantis favours bridges. Kyiv backs a truce.\n",
    );
    stancemap(
        s.dir.path(),
        &["run", "in", "--out", "out", "--lexicons", "lex"],
    )
    .expect_code(0);
    let stances = Table::read(&s.path("out/stances.csv"));
    assert_eq!(
        stances.project(&["holder", "topic", "stance"]),
        [["atlantis", "bridges", "support"]]
    );
}

#[test]
fn the_summary_line_reports_counts_and_throughput() {
    let s = Scratch::new();
    let run = stancemap(s.dir.path(), &["run", &fixture("basic"), "--out", "out"]);
    run.expect_code(0);
    let last = run.stderr().lines().last().unwrap_or("").to_string();
    assert!(
        last.starts_with("1 documents, 8 sentences, 16 mentions, 5 stances, 0 failures in "),
        "{last}"
    );
    assert!(last.ends_with(" MB/s)"), "{last}");
}

/// A reader that stops early (`stancemap explain … | head`) closes the pipe: the report
/// ends quietly, with no panic and a success exit code (`print!` panicked on the broken
/// pipe). The read end is closed before the program has loaded its lexicons, so its first
/// write finds the pipe closed.
#[test]
fn a_closed_pipe_ends_a_report_quietly() {
    use std::process::{Command, Stdio};
    let article = root().join("corpus/01_alaska_summit_no_ceasefire.txt");
    for args in [
        vec!["explain", article.to_str().unwrap()],
        vec!["lexicon", "check"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stancemap"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("stancemap starts");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("stancemap ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !stderr.contains("panicked"),
            "{args:?}: {:?}\n{stderr}",
            out.status
        );
    }
}
