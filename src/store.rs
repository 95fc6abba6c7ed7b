//! The output folder: one set of tables, replaced all at once.
//!
//! Layout of `OUT/`:
//!
//! ```text
//! OUT/documents.csv … OUT/actor_topic.csv   links to .stancemap/current/<table>
//! OUT/.stancemap/current                     link to the generation in use (gen-000003)
//! OUT/.stancemap/gen-000003/                 the five tables and manifest.txt
//! OUT/.stancemap/lock                        locked while a run writes
//! ```
//!
//! A run writes a whole new generation into `gen-NNNNNN.tmp`, syncs it, renames it to
//! `gen-NNNNNN`, and then points `current` at it with one `rename` of a symbolic link, which
//! POSIX makes atomic: whoever opens `OUT/stances.csv` gets the old set or the new set, never a
//! mix, never a file being written. A run killed at any moment leaves the old set in place
//! and a `.tmp` folder that the next run removes. The table names in `OUT/` are links made
//! once; they never change afterwards.
//!
//! `manifest.txt` records the format, the lexicon fingerprint and the program version, so a
//! run that appends can tell tables written with other lexicons.
//!
//! An output folder that is not empty and is not a stancemap folder, or that holds a file
//! named like a table that stancemap did not write, is refused unless the caller forces it
//! (files of other names are never touched).
//!
//! On systems without symbolic links the tables are copied into place one by one (not atomic
//! as a set); stancemap is built and tested on Linux.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::export::{HEADERS, TABLES};

/// The version of the layout and of the tables' columns.
pub const FORMAT: u32 = 2;

const META: &str = ".stancemap";
const CURRENT: &str = "current";
const LOCK: &str = "lock";
const MANIFEST: &str = "manifest.txt";

/// Why the output folder cannot be used; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder holds files stancemap did not write.
    #[error(
        "{0} holds files stancemap did not write ({1}); choose another --out folder, or pass \
         --force to write the tables there (files of other names are left alone; a file \
         named like a table is replaced)"
    )]
    Foreign(PathBuf, String),
    /// Another run holds the lock.
    #[error("another stancemap run is writing to {0}; wait for it to finish")]
    Locked(PathBuf),
    /// A file operation failed.
    #[error("{0}: {1}")]
    Io(PathBuf, io::Error),
    /// The folder's own files are not as stancemap writes them.
    #[error("{0}: {1}")]
    Corrupt(PathBuf, String),
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |e| StoreError::Io(path.to_path_buf(), e)
}

/// What a generation was written with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    /// [`FORMAT`] of the tables.
    pub format: u32,
    /// Fingerprint of the lexicons the rows were made with.
    pub lexicons: String,
    /// The program and version that wrote them.
    pub writer: String,
    /// Rows of `documents.csv`.
    pub documents: u64,
}

impl Manifest {
    fn render(&self) -> String {
        format!(
            "format={}\nlexicons={}\nwriter={}\ndocuments={}\n",
            self.format, self.lexicons, self.writer, self.documents
        )
    }

    fn parse(path: &Path, text: &str) -> Result<Manifest, StoreError> {
        let mut m = Manifest {
            format: 0,
            lexicons: String::new(),
            writer: String::new(),
            documents: 0,
        };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let bad = || StoreError::Corrupt(path.to_path_buf(), format!("bad line {line:?}"));
            let (k, v) = line.split_once('=').ok_or_else(bad)?;
            match k {
                "format" => m.format = v.parse().map_err(|_| bad())?,
                "lexicons" => m.lexicons = v.to_string(),
                "writer" => m.writer = v.to_string(),
                "documents" => m.documents = v.parse().map_err(|_| bad())?,
                _ => {}
            }
        }
        Ok(m)
    }
}

/// The tables of the generation in use.
#[derive(Clone, Debug)]
pub struct Generation {
    /// Its folder.
    pub dir: PathBuf,
    /// What it was written with.
    pub manifest: Manifest,
}

impl Generation {
    /// The path of table `name` in it.
    pub fn table(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

/// An output folder, locked for this run.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    meta: PathBuf,
    _lock: File,
}

/// Is `path` a table that stancemap wrote: a link into the generations, or (from a layout
/// without generations) a file that starts with the table's header?
fn ours(path: &Path, table: usize) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return true; // absent
    };
    if meta.file_type().is_symlink() {
        return std::fs::read_link(path)
            .is_ok_and(|t| t == Path::new(META).join(CURRENT).join(TABLES[table]));
    }
    if !meta.is_file() {
        return false;
    }
    let mut head = vec![0u8; HEADERS[table].len() + 1];
    File::open(path)
        .and_then(|mut f| io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && head[..HEADERS[table].len()] == *HEADERS[table].as_bytes()
        && head[HEADERS[table].len()] == b'\n'
}

fn sync_dir(dir: &Path) {
    // Directory fsync makes renames durable; some file systems refuse it, which is harmless.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

impl Store {
    /// Opens (creating if needed) the output folder `dir`, checks that stancemap may write
    /// there, takes the lock and clears what killed runs left behind.
    pub fn open(dir: &Path, force: bool) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        let meta = dir.join(META);
        let is_store = meta.is_dir();
        let mut foreign: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io_err(dir))? {
            let entry = entry.map_err(io_err(dir))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let ok = match TABLES.iter().position(|t| *t == name) {
                Some(t) => ours(&path, t),
                None => name == META || is_store,
            };
            if !ok {
                foreign.push(name);
            }
        }
        if !foreign.is_empty() && !force {
            foreign.sort();
            let shown = foreign.len().min(5);
            let mut names = foreign[..shown].join(", ");
            if foreign.len() > shown {
                names.push_str(&format!(" and {} more", foreign.len() - shown));
            }
            return Err(StoreError::Foreign(dir.to_path_buf(), names));
        }
        std::fs::create_dir_all(&meta).map_err(io_err(&meta))?;
        let lock_path = meta.join(LOCK);
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io_err(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(StoreError::Locked(dir.to_path_buf()));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::Io(lock_path, e)),
        }
        let store = Store {
            dir: dir.to_path_buf(),
            meta,
            _lock: lock,
        };
        store.clean()?;
        Ok(store)
    }

    /// The output folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The name of the generation `current` points to, if any.
    fn current_name(&self) -> Option<String> {
        let link = self.meta.join(CURRENT);
        std::fs::read_link(&link)
            .ok()
            .map(|t| t.to_string_lossy().into_owned())
    }

    /// Removes unfinished generations, superseded ones, and temporary links.
    fn clean(&self) -> Result<(), StoreError> {
        let current = self.current_name();
        for entry in std::fs::read_dir(&self.meta).map_err(io_err(&self.meta))? {
            let Ok(entry) = entry else { continue };
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if name.starts_with("gen-") && Some(&name) != current.as_ref() {
                let _ = std::fs::remove_dir_all(&path);
            } else if name.ends_with(".new") {
                let _ = std::fs::remove_file(&path);
            }
        }
        for t in TABLES {
            let tmp = self.dir.join(format!("{t}.stancemap-new"));
            let _ = std::fs::remove_file(tmp);
        }
        Ok(())
    }

    /// The generation in use, if the folder has one.
    pub fn current(&self) -> Result<Option<Generation>, StoreError> {
        let Some(name) = self.current_name() else {
            return Ok(None);
        };
        let dir = self.meta.join(&name);
        let path = dir.join(MANIFEST);
        let text = std::fs::read_to_string(&path).map_err(io_err(&path))?;
        let manifest = Manifest::parse(&path, &text)?;
        Ok(Some(Generation { dir, manifest }))
    }

    /// Starts a new generation in a temporary folder.
    pub fn begin(&self) -> Result<Staged, StoreError> {
        let last = self
            .current_name()
            .and_then(|n| n.strip_prefix("gen-").and_then(|d| d.parse::<u64>().ok()))
            .unwrap_or(0);
        let name = format!("gen-{:06}", last + 1);
        let tmp = self.meta.join(format!("{name}.tmp"));
        std::fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
        Ok(Staged {
            dir: self.dir.clone(),
            meta: self.meta.clone(),
            tmp,
            name,
            previous: self.current_name(),
            done: false,
        })
    }
}

/// A generation being written; removed unless committed.
#[derive(Debug)]
pub struct Staged {
    dir: PathBuf,
    meta: PathBuf,
    tmp: PathBuf,
    name: String,
    previous: Option<String>,
    done: bool,
}

impl Staged {
    /// The folder the tables are written to.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Makes the staged tables the tables of the folder (see the module notes). The table
    /// files must be complete and synced.
    pub fn commit(mut self, manifest: &Manifest) -> Result<(), StoreError> {
        let path = self.tmp.join(MANIFEST);
        let mut f = File::create(&path).map_err(io_err(&path))?;
        f.write_all(manifest.render().as_bytes())
            .and_then(|()| f.sync_all())
            .map_err(io_err(&path))?;
        sync_dir(&self.tmp);
        let gen_dir = self.meta.join(&self.name);
        std::fs::rename(&self.tmp, &gen_dir).map_err(io_err(&gen_dir))?;
        self.done = true;
        sync_dir(&self.meta);
        self.switch(&gen_dir)?;
        if let Some(prev) = &self.previous
            && *prev != self.name
        {
            let _ = std::fs::remove_dir_all(self.meta.join(prev));
        }
        Ok(())
    }

    #[cfg(unix)]
    fn switch(&self, _gen_dir: &Path) -> Result<(), StoreError> {
        use std::os::unix::fs::symlink;
        let next = self.meta.join(format!("{CURRENT}.new"));
        let _ = std::fs::remove_file(&next);
        symlink(&self.name, &next).map_err(io_err(&next))?;
        let current = self.meta.join(CURRENT);
        std::fs::rename(&next, &current).map_err(io_err(&current))?;
        sync_dir(&self.meta);
        // The names analysts open: made once, pointing through `current`.
        for t in TABLES {
            let link = self.dir.join(t);
            let target = Path::new(META).join(CURRENT).join(t);
            if std::fs::read_link(&link).is_ok_and(|l| l == target) {
                continue;
            }
            let tmp = self.dir.join(format!("{t}.stancemap-new"));
            let _ = std::fs::remove_file(&tmp);
            symlink(&target, &tmp).map_err(io_err(&tmp))?;
            std::fs::rename(&tmp, &link).map_err(io_err(&link))?;
        }
        sync_dir(&self.dir);
        Ok(())
    }

    #[cfg(not(unix))]
    fn switch(&self, gen_dir: &Path) -> Result<(), StoreError> {
        // No symbolic links: record the generation in a file and copy each table into place.
        let current = self.meta.join(CURRENT);
        std::fs::write(&current, &self.name).map_err(io_err(&current))?;
        for t in TABLES {
            let tmp = self.dir.join(format!("{t}.stancemap-new"));
            std::fs::copy(gen_dir.join(t), &tmp).map_err(io_err(&tmp))?;
            std::fs::rename(&tmp, self.dir.join(t)).map_err(io_err(&tmp))?;
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(docs: u64) -> Manifest {
        Manifest {
            format: FORMAT,
            lexicons: "abc".into(),
            writer: "test".into(),
            documents: docs,
        }
    }

    fn write_tables(dir: &Path, tag: &str) {
        for (t, h) in TABLES.iter().zip(HEADERS) {
            std::fs::write(dir.join(t), format!("{h}\n{tag}\n")).unwrap();
        }
    }

    #[test]
    fn a_commit_switches_every_table_and_drops_the_old_generation() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        for (round, tag) in ["one", "two"].iter().enumerate() {
            let store = Store::open(&out, false).unwrap();
            let staged = store.begin().unwrap();
            write_tables(staged.path(), tag);
            staged.commit(&manifest(round as u64)).unwrap();
            for (t, h) in TABLES.iter().zip(HEADERS) {
                let text = std::fs::read_to_string(out.join(t)).unwrap();
                assert_eq!(text, format!("{h}\n{tag}\n"));
            }
            let current = store.current().unwrap().unwrap();
            assert_eq!(current.manifest, manifest(round as u64));
        }
        let gens: Vec<String> = std::fs::read_dir(out.join(META))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("gen-"))
            .collect();
        assert_eq!(gens, ["gen-000002"]);
    }

    #[test]
    fn an_abandoned_generation_leaves_the_tables_and_is_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        {
            let store = Store::open(&out, false).unwrap();
            let staged = store.begin().unwrap();
            write_tables(staged.path(), "kept");
            staged.commit(&manifest(1)).unwrap();
        }
        {
            let store = Store::open(&out, false).unwrap();
            let staged = store.begin().unwrap();
            write_tables(staged.path(), "half");
            // A killed run: the staged folder stays on disk.
            std::mem::forget(staged);
        }
        let text = std::fs::read_to_string(out.join("stances.csv")).unwrap();
        assert!(text.ends_with("kept\n"));
        assert!(out.join(META).join("gen-000002.tmp").exists());
        let _store = Store::open(&out, false).unwrap();
        assert!(!out.join(META).join("gen-000002.tmp").exists());
    }

    #[test]
    fn foreign_files_are_refused_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        let err = Store::open(&out, false).unwrap_err();
        assert!(
            matches!(err, StoreError::Foreign(_, ref n) if n == "notes.txt"),
            "{err}"
        );
        assert!(!out.join(META).exists(), "nothing written");
        let store = Store::open(&out, true).unwrap();
        let staged = store.begin().unwrap();
        write_tables(staged.path(), "x");
        staged.commit(&manifest(0)).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("notes.txt")).unwrap(),
            "mine"
        );
        drop(store);
        // Once it is a stancemap folder, other files may live beside the tables.
        Store::open(&out, false).unwrap();
        // A file named like a table that stancemap did not write is refused again.
        std::fs::remove_file(out.join("stances.csv")).unwrap();
        std::fs::write(out.join("stances.csv"), "my own stances\n").unwrap();
        let err = Store::open(&out, false).unwrap_err();
        assert!(
            matches!(err, StoreError::Foreign(_, ref n) if n == "stances.csv"),
            "{err}"
        );
    }

    #[test]
    fn a_second_writer_is_turned_away() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let _first = Store::open(&out, false).unwrap();
        let err = Store::open(&out, false).unwrap_err();
        assert!(matches!(err, StoreError::Locked(_)), "{err}");
    }
}
