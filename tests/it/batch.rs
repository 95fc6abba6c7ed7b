//! Daily batch runs: appending, interrupted runs, the output folder, and every kind of bad
//! input an article folder holds. The articles are short texts written for these tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::util::{Scratch, Table, root, stancemap};

const TABLES: [&str; 5] = [
    "documents.csv",
    "sentences.csv",
    "mentions.csv",
    "stances.csv",
    "actor_topic.csv",
];

const ARTICLE_A: &str = "Kremlin rejects troops\n\nMoscow rejected the deployment of NATO troops \
                         in Ukraine on Monday, a spokesman said.\n";
const ARTICLE_B: &str = "Paris backs a truce\n\nMacron voiced support for a ceasefire before \
                         the talks in Washington.\n";
const ARTICLE_B2: &str = "Paris backs guarantees\n\nMacron pledged security guarantees for \
                          Ukraine after the talks.\n";
const ARTICLE_C: &str = "Berlin on sanctions\n\nMerz called for tougher sanctions on Russia \
                         at the summit.\n";
const ARTICLE_D: &str = "Rome weighs in\n\nMeloni backed a ceasefire, her office said on \
                         Friday.\n";

/// The bytes of every table in `out`.
fn snapshot(out: &Path) -> Vec<Vec<u8>> {
    TABLES
        .iter()
        .map(|t| std::fs::read(out.join(t)).unwrap_or_else(|e| panic!("{t}: {e}")))
        .collect()
}

fn docs(out: &Path) -> Vec<String> {
    Table::read(&out.join("documents.csv"))
        .project(&["doc"])
        .into_iter()
        .map(|r| r[0].clone())
        .collect()
}

fn run_append(s: &Scratch, input: &str) -> crate::util::Run {
    stancemap(s.dir.path(), &["run", input, "--out", "tables", "--append"])
}

#[test]
fn appending_adds_new_articles_skips_known_content_and_replaces_changed_files() {
    let s = Scratch::new();
    s.write("day1/a.txt", ARTICLE_A);
    s.write("day1/b.txt", ARTICLE_B);
    run_append(&s, "day1").expect_code(0);
    let out = s.path("tables");
    assert_eq!(docs(&out), ["a.txt", "b.txt"]);

    // Day 2: a new article, and day 1's first article sent again under another name.
    s.write("day2/c.txt", ARTICLE_C);
    s.write("day2/a-resent.txt", ARTICLE_A);
    let run = run_append(&s, "day2");
    run.expect_code(0);
    assert_eq!(docs(&out), ["a.txt", "b.txt", "c.txt"]);
    assert!(
        run.stderr()
            .contains("a-resent.txt: already in the tables as a.txt"),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains("1 already in the tables"));
    let day2 = snapshot(&out);

    // The same command again: nothing changes, to the byte.
    let again = run_append(&s, "day2");
    again.expect_code(0);
    assert!(
        again.stderr().contains("tables unchanged"),
        "{}",
        again.stderr()
    );
    // day2 holds c.txt (unchanged, only counted) and a-resent.txt (named, with its holder).
    assert!(again.stderr().contains("1 unchanged"), "{}", again.stderr());
    assert!(!again.stderr().contains("c.txt"), "{}", again.stderr());
    assert!(
        again
            .stderr()
            .contains("a-resent.txt: already in the tables as a.txt")
    );
    assert_eq!(snapshot(&out), day2);

    // A day-1 file edited in place: its old rows go, its new rows come, under its name.
    s.write("day1/b.txt", ARTICLE_B2);
    let run = run_append(&s, "day1");
    run.expect_code(0);
    assert!(run.stderr().contains("1 replaced"), "{}", run.stderr());
    assert_eq!(docs(&out), ["a.txt", "c.txt", "b.txt"]);
    let stances = Table::read(&out.join("stances.csv")).project(&["doc", "holder", "topic"]);
    assert!(stances.contains(&vec![
        "b.txt".into(),
        "macron".into(),
        "security_guarantees".into()
    ]));
    assert!(
        !stances
            .iter()
            .any(|r| r[0] == "b.txt" && r[2] == "ceasefire"),
        "the replaced article's old record is gone: {stances:?}"
    );
    let sentences = Table::read(&out.join("sentences.csv")).project(&["text"]);
    assert!(!sentences.iter().any(|r| r[0].contains("voiced support")));

    // Day 3: another article that happens to have an old name.
    s.write("day3/a.txt", ARTICLE_D);
    run_append(&s, "day3").expect_code(0);
    assert_eq!(docs(&out), ["a.txt", "c.txt", "b.txt", "day3/a.txt"]);
    let hashes = Table::read(&out.join("documents.csv")).project(&["sha256"]);
    assert_eq!(hashes.len(), 4);
    assert!(hashes.iter().all(|h| h[0].len() == 64));
    // actor_topic.csv counts the rows of stances.csv.
    let stances = Table::read(&out.join("stances.csv")).rows.len();
    let totals: usize = Table::read(&out.join("actor_topic.csv"))
        .project(&["total"])
        .iter()
        .map(|r| r[0].parse::<usize>().unwrap())
        .sum();
    assert_eq!(totals, stances);
}

#[test]
fn appending_with_other_lexicons_is_refused_and_changes_nothing() {
    let s = Scratch::new();
    s.write("day1/a.txt", ARTICLE_A);
    run_append(&s, "day1").expect_code(0);
    let before = snapshot(&s.path("tables"));
    s.copy_lexicons("lex");
    s.append(
        "lex/cues.csv",
        "frown upon,verb,reject,after,,,They frowned upon the truce.,,\n",
    );
    s.write("day2/c.txt", ARTICLE_C);
    let run = stancemap(
        s.dir.path(),
        &[
            "run",
            "day2",
            "--out",
            "tables",
            "--append",
            "--lexicons",
            "lex",
        ],
    );
    run.expect_code(1);
    assert!(run.stderr().contains("other lexicons"), "{}", run.stderr());
    assert_eq!(snapshot(&s.path("tables")), before);
}

#[test]
fn a_folder_holding_other_files_is_not_clobbered_without_force() {
    let s = Scratch::new();
    s.write("in/a.txt", ARTICLE_A);
    s.write("mine/notes.txt", "my notes");
    s.write("mine/stances.csv", "my own table\n");
    let run = stancemap(s.dir.path(), &["run", "in", "--out", "mine"]);
    run.expect_code(1);
    assert!(run.stderr().contains("--force"), "{}", run.stderr());
    assert!(run.stderr().contains("notes.txt"), "{}", run.stderr());
    assert_eq!(
        run.stderr().matches("did not write").count(),
        1,
        "said once: {}",
        run.stderr()
    );
    assert_eq!(
        std::fs::read_to_string(s.path("mine/stances.csv")).unwrap(),
        "my own table\n"
    );
    assert!(!s.path("mine/documents.csv").exists());
    stancemap(s.dir.path(), &["run", "in", "--out", "mine", "--force"]).expect_code(0);
    assert_eq!(
        std::fs::read_to_string(s.path("mine/notes.txt")).unwrap(),
        "my notes"
    );
    assert_eq!(docs(&s.path("mine")), ["a.txt"]);
}

/// Starts `stancemap ARGS` without waiting for it.
fn spawn(cwd: &Path, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn stancemap")
}

#[test]
fn a_run_killed_at_any_moment_leaves_the_old_tables_or_the_new_never_a_mix() {
    let s = Scratch::new();
    // A corpus big enough that a run lasts a while, made from the team's articles.
    stancemap(
        s.dir.path(),
        &[
            "generate",
            "--from",
            root().join("corpus").to_str().unwrap(),
            "--out",
            "big",
            "--mb",
            "6",
        ],
    )
    .expect_code(0);
    stancemap(s.dir.path(), &["run", "big", "--out", "tables"]).expect_code(0);
    let old = snapshot(&s.path("tables"));
    // The new tables a finished run writes once the input changed.
    s.write("big/zz/extra.txt", ARTICLE_C);
    stancemap(s.dir.path(), &["run", "big", "--out", "reference"]).expect_code(0);
    let new = snapshot(&s.path("reference"));
    assert_ne!(old, new);

    let started = Instant::now();
    stancemap(s.dir.path(), &["run", "big", "--out", "timing"]).expect_code(0);
    let full = started.elapsed();
    let mut outcomes = (0, 0);
    for step in 0..12 {
        let delay = full.mul_f64(f64::from(step) / 10.0);
        let mut child = spawn(s.dir.path(), &["run", "big", "--out", "tables"]);
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&s.path("tables"));
        if now == old {
            outcomes.0 += 1;
        } else if now == new {
            outcomes.1 += 1;
            // Back to the old tables for the next round.
            std::fs::remove_file(s.path("big/zz/extra.txt")).unwrap();
            stancemap(s.dir.path(), &["run", "big", "--out", "tables"]).expect_code(0);
            assert_eq!(snapshot(&s.path("tables")), old);
            s.write("big/zz/extra.txt", ARTICLE_C);
        } else {
            let differing: Vec<&str> = TABLES
                .iter()
                .zip(now.iter().zip(&old))
                .filter(|(_, (a, b))| a != b)
                .map(|(t, _)| *t)
                .collect();
            panic!("after a kill at {delay:?} the tables are a mix: {differing:?} changed");
        }
    }
    assert!(
        outcomes.0 > 0,
        "no kill landed before the switch: {outcomes:?}"
    );
    // The next run clears what killed runs left and finishes.
    stancemap(s.dir.path(), &["run", "big", "--out", "tables"]).expect_code(0);
    assert_eq!(snapshot(&s.path("tables")), new);
    let leftovers: Vec<String> = std::fs::read_dir(s.path("tables/.stancemap"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The rows of documents.csv as (doc, status, encoding).
fn statuses(out: &Path) -> Vec<(String, String, String)> {
    Table::read(&out.join("documents.csv"))
        .project(&["doc", "status", "encoding"])
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
        .collect()
}

fn status_of(rows: &[(String, String, String)], doc: &str) -> (String, String) {
    rows.iter()
        .find(|(d, _, _)| d == doc)
        .map(|(_, s, e)| (s.clone(), e.clone()))
        .unwrap_or_else(|| panic!("no row for {doc}: {rows:?}"))
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

#[test]
fn every_kind_of_bad_input_is_reported_and_the_rest_is_processed() {
    let s = Scratch::new();
    s.write("in/good.txt", ARTICLE_A);
    // Legacy encodings: Latin-1 "é", Windows-1252 curly quotes and dash.
    s.write(
        "in/latin1.txt",
        b"Caf\xe9 talks\n\nLavrov rejected the ceasefire plan at a caf\xe9 in Moscow, \
          the ministry said.\n",
    );
    s.write(
        "in/cp1252.txt",
        b"Quotes\n\nZelensky said Kyiv would \x93never\x94 accept territorial concessions \
          \x96 not now, not later.\n",
    );
    s.write(
        "in/utf16.txt",
        utf16le("Guarantees\n\nStarmer pledged security guarantees for Ukraine.\n"),
    );
    s.write(
        "in/damaged.txt",
        b"Damaged \xe2\x80\x9cquote\xe2\x80\x9d\n\nRutte backed military aid \xff to Ukraine.\n",
    );
    // Binary files, whatever their names.
    s.write(
        "in/report.txt",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    );
    s.write(
        "in/photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    s.write("in/archive.md", b"PK\x03\x04\x14\x00\x00\x00\x08\x00");
    let mut noise = Vec::new();
    for i in 0..4096u32 {
        noise.push((i.wrapping_mul(2_654_435_761) >> 13) as u8);
    }
    s.write("in/noise.txt", &noise);
    // Not articles by extension: counted, never read.
    s.write("in/image.png", b"\x89PNG\r\n\x1a\n");
    s.write("in/data.json", b"{}");
    // Empty, blank, NUL bytes, one very long line.
    s.write("in/empty.txt", b"");
    s.write("in/blank.txt", b" \n\t\r\n   \n");
    s.write(
        "in/nul.txt",
        b"Nul bytes\n\nMerz called for sanctions\x00 on Russia.\x00\n",
    );
    let mut long = String::from("One endless line: ");
    while long.len() < 3_000_000 {
        long.push_str("Moscow rejected the deployment of NATO troops and ");
    }
    s.write("in/long.txt", &long);
    // Over the size limit: a sparse 200 MB file.
    let huge = s.write("in/huge.txt", b"");
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    // A deeply nested folder.
    let mut deep = PathBuf::from("in");
    for i in 0..60 {
        deep.push(format!("level{i}"));
    }
    s.write(deep.join("deep.txt").to_str().unwrap(), ARTICLE_B);
    // Markdown and HTML articles.
    s.write(
        "in/notes.md",
        "# Rome weighs in\n\n*Meloni* backed a ceasefire, her office said.\n",
    );
    s.write(
        "in/page.html",
        "<html><head><title>Berlin on sanctions</title>\
         <style>.x { content: 'Putin rejected sanctions'; }</style>\
         <script>var s = 'Trump rejected the ceasefire';</script></head>\
         <body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>\
         <article><h1>Berlin on sanctions</h1>\
         <p>Merz called for tougher sanctions on Russia at the summit in Brussels on \
         Thursday, saying the pressure had to grow until Moscow agreed to talks.</p>\
         <p>European diplomats said the new package would target the shadow fleet and \
         the banks that help Russia avoid the existing measures, and that it could be \
         approved within weeks if no member state objected.</p></article>\
         <footer>Copyright</footer></body></html>",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(s.path("gone.txt"), s.path("in/broken.txt")).unwrap();
        std::fs::create_dir_all(s.path("in/loop")).unwrap();
        symlink(s.path("in"), s.path("in/loop/back")).unwrap();
        let fifo = s.path("in/pipe.txt");
        let made = Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|st| st.success()), "mkfifo");
    }

    let run = stancemap(s.dir.path(), &["run", "in", "--out", "out"]);
    run.expect_code(2);
    let err = run.stderr();
    let rows = statuses(&s.path("out"));
    let ok = |doc: &str, enc: &str| {
        assert_eq!(
            status_of(&rows, doc),
            ("ok".to_string(), enc.to_string()),
            "{doc}"
        );
    };
    ok("good.txt", "utf-8");
    ok("latin1.txt", "windows-1252");
    ok("cp1252.txt", "windows-1252");
    ok("utf16.txt", "utf-16le");
    ok("damaged.txt", "utf-8, 1 damaged byte replaced");
    ok("empty.txt", "utf-8");
    ok("blank.txt", "utf-8");
    ok("nul.txt", "utf-8");
    ok("long.txt", "utf-8");
    ok("notes.md", "utf-8");
    ok("page.html", "utf-8");
    ok(
        &format!("{}/deep.txt", deep.strip_prefix("in").unwrap().display()),
        "utf-8",
    );
    for (doc, start) in [
        ("report.txt", "skipped: a PDF document"),
        ("photo.txt", "skipped: a PNG image"),
        ("archive.md", "skipped: a zip archive"),
        ("noise.txt", "skipped: binary data"),
        ("huge.txt", "skipped: 200.0 MB, over the 32.0 MB limit"),
        ("pipe.txt", "skipped: not a regular file"),
        ("broken.txt", "failed: a broken symbolic link"),
        ("loop/back", "skipped: a symbolic link loop"),
    ] {
        let (status, _) = status_of(&rows, doc);
        assert!(status.starts_with(start), "{doc}: {status}");
        assert!(err.contains(doc), "stderr names {doc}: {err}");
    }
    assert!(err.contains("2 other files ignored"), "{err}");
    assert!(
        err.contains("warning: latin1.txt: not UTF-8: decoded as windows-1252"),
        "{err}"
    );
    assert!(
        !rows
            .iter()
            .any(|(d, _, _)| d.ends_with(".png") || d.ends_with(".json"))
    );

    // The decoded text is right, not mangled.
    let sentences = Table::read(&s.path("out/sentences.csv")).project(&["doc", "text"]);
    let text_of = |doc: &str| -> String {
        sentences
            .iter()
            .filter(|r| r[0] == doc)
            .map(|r| r[1].clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(
        text_of("latin1.txt").contains("at a café in Moscow"),
        "{}",
        text_of("latin1.txt")
    );
    assert!(
        text_of("cp1252.txt").contains("would “never” accept"),
        "{}",
        text_of("cp1252.txt")
    );
    assert!(text_of("cp1252.txt").contains("concessions – not now"));
    assert!(text_of("utf16.txt").contains("Starmer pledged security guarantees"));
    assert!(text_of("damaged.txt").contains("military aid \u{fffd} to Ukraine"));
    // HTML: the article text without script, style or navigation.
    let page = text_of("page.html");
    assert!(page.contains("Merz called for tougher sanctions"), "{page}");
    for junk in ["Trump rejected", "Putin rejected", "Home", "Copyright"] {
        assert!(!page.contains(junk), "{junk} in {page}");
    }
    let stances = Table::read(&s.path("out/stances.csv")).project(&["doc", "holder", "topic"]);
    let has = |doc: &str, holder: &str, topic: &str| {
        stances
            .iter()
            .any(|r| r[0] == doc && r[1] == holder && r[2] == topic)
    };
    assert!(has("page.html", "merz", "sanctions"), "{stances:?}");
    assert!(has("latin1.txt", "lavrov", "ceasefire"), "{stances:?}");
    assert!(
        has("utf16.txt", "starmer", "security_guarantees"),
        "{stances:?}"
    );
    assert!(has("notes.md", "meloni", "ceasefire"), "{stances:?}");
    assert!(
        !stances
            .iter()
            .any(|r| r[0] == "page.html" && r[1] == "trump")
    );
}

#[test]
fn the_size_limit_is_the_users_to_set() {
    let s = Scratch::new();
    let mut long = String::new();
    while long.len() < 2_500_000 {
        long.push_str("Lavrov rejected the ceasefire plan in Moscow, ");
    }
    s.write("in/long.txt", &long);
    let run = stancemap(
        s.dir.path(),
        &["run", "in", "--out", "out", "--max-mb", "2"],
    );
    run.expect_code(0);
    let rows = statuses(&s.path("out"));
    assert!(
        status_of(&rows, "long.txt")
            .0
            .starts_with("skipped: 2.5 MB, over the 2.0 MB limit"),
        "{rows:?}"
    );
    stancemap(
        s.dir.path(),
        &["run", "in", "--out", "out", "--max-mb", "3"],
    )
    .expect_code(0);
    assert_eq!(status_of(&statuses(&s.path("out")), "long.txt").0, "ok");
}

#[test]
fn cells_that_spreadsheets_would_run_as_formulas_are_guarded() {
    let s = Scratch::new();
    s.write(
        "in/list.txt",
        "Positions\n\n- Moscow rejected the deployment of NATO troops.\n\
         =HYPERLINK(\"http://example.invalid\",\"click\")\n",
    );
    stancemap(s.dir.path(), &["run", "in", "--out", "out"]).expect_code(0);
    let sentences = Table::read(&s.path("out/sentences.csv")).project(&["text"]);
    let texts: Vec<&str> = sentences.iter().map(|r| r[0].as_str()).collect();
    assert!(
        texts.contains(&"'- Moscow rejected the deployment of NATO troops."),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("'=HYPERLINK(")),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.starts_with(['=', '+', '-', '@'])));
    let stances = Table::read(&s.path("out/stances.csv")).project(&["holder", "text"]);
    assert_eq!(
        stances,
        [[
            "russia",
            "'- Moscow rejected the deployment of NATO troops."
        ]]
    );
}

/// Runs the binary as the unprivileged user `nobody` (through `setpriv`), so that file
/// permissions apply even when the tests run as root.
#[cfg(unix)]
fn stancemap_as_nobody(cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .output()
        .expect("setpriv")
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_reported_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new();
    let mode =
        |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    s.write("in/good.txt", ARTICLE_A);
    let secret = s.write("in/secret.txt", ARTICLE_B);
    s.write("in/locked/inside.txt", ARTICLE_C);
    mode(s.dir.path(), 0o755);
    mode(&s.path("in"), 0o755);
    mode(&s.path("in/good.txt"), 0o644);
    mode(&secret, 0o000);
    mode(&s.path("in/locked"), 0o000);
    std::fs::create_dir_all(s.path("out")).unwrap();
    mode(&s.path("out"), 0o777);
    let out = stancemap_as_nobody(s.dir.path(), &["run", "in", "--out", "out"]);
    mode(&s.path("in/locked"), 0o755);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    let rows = statuses(&s.path("out"));
    assert_eq!(status_of(&rows, "good.txt").0, "ok");
    assert!(
        status_of(&rows, "secret.txt")
            .0
            .starts_with("failed: cannot read: Permission denied"),
        "{rows:?}"
    );
    assert!(
        status_of(&rows, "locked")
            .0
            .starts_with("failed: cannot read"),
        "{rows:?}"
    );
    assert!(
        err.contains("secret.txt") && err.contains("locked"),
        "{err}"
    );
}
