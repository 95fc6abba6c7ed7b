//! Running the binary in a scratch folder, and reading its tables.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A scratch folder that is removed when dropped.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("scratch dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file (creating folders), returning its path.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, bytes).expect("write");
        p
    }

    /// Copies the repository's lexicon files into folder `rel` (for tests that edit one),
    /// returning the folder.
    /// Appends `more` to the file at `rel` and returns what the file held before.
    pub fn append(&self, rel: &str, more: &str) -> String {
        let before = std::fs::read_to_string(self.path(rel)).expect("read");
        std::fs::write(self.path(rel), format!("{before}{more}")).expect("write");
        before
    }

    pub fn copy_lexicons(&self, rel: &str) -> PathBuf {
        let dir = self.path(rel);
        std::fs::create_dir_all(&dir).expect("mkdir");
        for f in stancemap::lexicon::LEXICON_FILES {
            std::fs::copy(root().join("lexicons").join(f), dir.join(f)).expect("copy lexicon");
        }
        dir
    }
}

/// The outcome of one run of the binary.
pub struct Run {
    pub cmd: String,
    pub out: Output,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.out.status.code().unwrap_or(-1)
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }

    /// Panics with the whole story unless the exit code is `code`.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code(),
            code,
            "\ncommand: {}\nstatus: {:?}\nstdout:\n{}\nstderr:\n{}",
            self.cmd,
            self.out.status,
            self.stdout(),
            self.stderr()
        );
        self
    }
}

/// Runs `stancemap ARGS` with a cleared environment, in `cwd`.
pub fn stancemap(cwd: &Path, args: &[&str]) -> Run {
    let bin = env!("CARGO_BIN_EXE_stancemap");
    let out = Command::new(bin)
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .output()
        .expect("run stancemap");
    Run {
        cmd: format!("stancemap {}", args.join(" ")),
        out,
    }
}

/// A CSV table as a header and rows of strings.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn read(path: &Path) -> Table {
        let mut rdr =
            csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let header = rdr
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect();
        let rows = rdr
            .records()
            .map(|r| r.expect("row").iter().map(String::from).collect())
            .collect();
        Table { header, rows }
    }

    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    /// The values of columns `names` in every row.
    pub fn project(&self, names: &[&str]) -> Vec<Vec<String>> {
        let idx: Vec<usize> = names.iter().map(|n| self.col(n)).collect();
        self.rows
            .iter()
            .map(|r| idx.iter().map(|&i| r[i].clone()).collect())
            .collect()
    }
}

/// The records `engine` finds in `text`, as sorted (holder id, topic id, stance) triples.
pub fn records(engine: &stancemap::pipeline::Engine, text: &str) -> Vec<(String, String, String)> {
    let analysis = engine.analyze(text);
    let mut got: Vec<_> = analysis
        .tagged
        .records
        .iter()
        .map(|r| {
            (
                engine.lexicon.actor(r.holder).id.to_string(),
                engine.lexicon.topic(r.topic).id.to_string(),
                r.stance.as_str().to_string(),
            )
        })
        .collect();
    got.sort();
    got
}

/// The `.txt` articles of `corpus/`, sorted by name, as (file name, text).
pub fn corpus_articles() -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read_to_string(p).expect("UTF-8 article"))
        })
        .collect()
}
