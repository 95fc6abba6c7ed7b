//! Inputs: from command-line paths to documents.
//!
//! In: the folders and files named on the command line. Out: [`Source`]s (a document name and
//! a path) in a deterministic order, [`Problem`]s for what could not be walked, and, per
//! source, a decoded [`Document`] or a [`DocError`] naming the file and the reason.
//!
//! Always: folders are walked recursively in sorted order (inputs in the order given); `doc`
//! is the path relative to the input it was found under, with `/` separators, unique in the
//! run (when two inputs hold the same relative path, each such doc is prefixed with its input
//! folder's name). A leading BOM is dropped; CRLF and LF are kept as they are (offsets count
//! them). Nothing here panics on any bytes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use regex::Regex;

/// A file to analyse and the name it has in the tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Name in the tables: relative path with `/` separators.
    pub doc: String,
    /// Where to read it.
    pub path: PathBuf,
}

/// Something under an input that could not be walked (an unreadable folder, a broken link).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The name used in the tables and messages.
    pub doc: String,
    /// What went wrong.
    pub message: String,
}

/// A document, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Name in the tables.
    pub doc: String,
    /// The text as decoded (BOM dropped). Offsets in the tables index this.
    pub text: String,
    /// Size of the file on disk, in bytes.
    pub bytes: u64,
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{doc}: {reason}")]
pub struct DocError {
    /// The document's name in the tables.
    pub doc: String,
    /// The reason, as written in the `status` column.
    pub reason: String,
}

/// Which files are articles.
fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Lists the articles under `inputs`, in order, with unique names.
pub fn discover(inputs: &[PathBuf]) -> (Vec<Source>, Vec<Problem>) {
    let mut found: Vec<(usize, String, PathBuf)> = Vec::new();
    let mut problems = Vec::new();
    for (k, input) in inputs.iter().enumerate() {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                problems.push(Problem {
                    doc: input.display().to_string(),
                    message: format!("cannot read: {e}"),
                });
                continue;
            }
        };
        if meta.is_file() {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            found.push((k, name, input.clone()));
            continue;
        }
        let walker = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_file() && is_article(e.path()) {
                        let rel = e.path().strip_prefix(input).unwrap_or(e.path());
                        found.push((k, slash_path(rel), e.path().to_path_buf()));
                    }
                }
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| input.clone());
                    let rel = path
                        .strip_prefix(input)
                        .map(slash_path)
                        .unwrap_or_else(|_| path.display().to_string());
                    let message = if e.loop_ancestor().is_some() {
                        "symbolic link loop: skipped".to_string()
                    } else {
                        match e.io_error() {
                            Some(io) => format!("cannot read: {io}"),
                            None => format!("cannot read: {e}"),
                        }
                    };
                    problems.push(Problem {
                        doc: if rel.is_empty() {
                            path.display().to_string()
                        } else {
                            rel
                        },
                        message,
                    });
                }
            }
        }
    }
    // Unique names: prefix colliding docs with their input folder's name.
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (_, doc, _) in &found {
        *count.entry(doc.as_str()).or_default() += 1;
    }
    let colliding: Vec<bool> = found
        .iter()
        .map(|(_, d, _)| count[d.as_str()] > 1)
        .collect();
    let mut sources: Vec<Source> = Vec::with_capacity(found.len());
    let mut used: HashMap<String, usize> = HashMap::new();
    for ((k, doc, path), collide) in found.iter().zip(colliding) {
        let mut name = if collide {
            let root = inputs[*k]
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| format!("input{}", k + 1));
            format!("{root}/{doc}")
        } else {
            doc.clone()
        };
        let n = used.entry(name.clone()).or_default();
        *n += 1;
        if *n > 1 {
            name = format!("{name}#{n}");
        }
        sources.push(Source {
            doc: name,
            path: path.clone(),
        });
    }
    (sources, problems)
}

/// Reads and decodes one source.
pub fn read(source: &Source) -> Result<Document, DocError> {
    let fail = |reason: String| DocError {
        doc: source.doc.clone(),
        reason,
    };
    let bytes = std::fs::read(&source.path).map_err(|e| fail(format!("cannot read: {e}")))?;
    decode(&source.doc, bytes)
}

/// Decodes the bytes of a document: UTF-8, a leading BOM dropped.
pub fn decode(doc: &str, bytes: Vec<u8>) -> Result<Document, DocError> {
    let size = bytes.len() as u64;
    let text = String::from_utf8(bytes).map_err(|e| DocError {
        doc: doc.to_string(),
        reason: format!(
            "not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Document {
        doc: doc.to_string(),
        text,
        bytes: size,
    })
}

/// The title: the first non-empty line, trimmed.
pub fn title(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// Finds publication dates near the top of an article.
#[derive(Clone, Debug)]
pub struct DateFinder {
    numeric: Regex,
    iso: Regex,
    month_first: Regex,
    day_first: Regex,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2200).contains(&y) && (1..=days).contains(&d)
}

impl Default for DateFinder {
    fn default() -> Self {
        Self::new()
    }
}

impl DateFinder {
    /// Compiles the date patterns.
    pub fn new() -> DateFinder {
        const MONTH: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
        let build =
            |p: &str| Regex::new(p).unwrap_or_else(|e| unreachable!("built-in date pattern: {e}"));
        DateFinder {
            numeric: build(r"(?-u:\b)(\d{1,2})/(\d{1,2})/(\d{4})(?-u:\b)"),
            iso: build(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?:(?-u:\b)|T)"),
            month_first: build(&format!(
                r"(?i)(?-u:\b){MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)"
            )),
            day_first: build(&format!(
                r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+(\d{{4}})(?-u:\b)"
            )),
        }
    }

    /// The first date stated in the first lines of `text` (up to 12 non-empty lines, 2,000
    /// bytes), as YYYY-MM-DD. "08/19/2025" is read month first unless the first number
    /// exceeds 12.
    pub fn find(&self, text: &str) -> Option<String> {
        let mut budget = 2000usize;
        for line in text.lines().filter(|l| !l.trim().is_empty()).take(12) {
            let line = if line.len() > budget {
                let mut cut = budget;
                while !line.is_char_boundary(cut) {
                    cut -= 1;
                }
                &line[..cut]
            } else {
                line
            };
            // Every format has a four-digit year.
            if line.bytes().any(|b| b.is_ascii_digit())
                && let Some(d) = self.find_in_line(line)
            {
                return Some(d);
            }
            budget = budget.saturating_sub(line.len());
            if budget == 0 {
                break;
            }
        }
        None
    }

    fn find_in_line(&self, line: &str) -> Option<String> {
        let mut best: Option<(usize, String)> = None;
        let mut offer = |pos: usize, y: u32, m: u32, d: u32| {
            if valid(y, m, d) && best.as_ref().is_none_or(|(p, _)| pos < *p) {
                best = Some((pos, format!("{y:04}-{m:02}-{d:02}")));
            }
        };
        let num = |s: &str| s.parse::<u32>().unwrap_or(0);
        for c in self.numeric.captures_iter(line) {
            let (a, b, y) = (num(&c[1]), num(&c[2]), num(&c[3]));
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            offer(c.get(0).map_or(0, |m| m.start()), y, m, d);
        }
        for c in self.iso.captures_iter(line) {
            offer(
                c.get(0).map_or(0, |m| m.start()),
                num(&c[1]),
                num(&c[2]),
                num(&c[3]),
            );
        }
        for c in self.month_first.captures_iter(line) {
            if let Some(m) = month_number(&c[1]) {
                offer(c.get(0).map_or(0, |m| m.start()), num(&c[3]), m, num(&c[2]));
            }
        }
        for c in self.day_first.captures_iter(line) {
            if let Some(m) = month_number(&c[2]) {
                offer(c.get(0).map_or(0, |m| m.start()), num(&c[3]), m, num(&c[1]));
            }
        }
        best.map(|(_, d)| d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_formats_news_uses() {
        let f = DateFinder::new();
        for (text, expected) in [
            ("Site\n\n08/19/2025\n\nBody", Some("2025-08-19")),
            ("Headline\nAugust 18, 2025\n", Some("2025-08-18")),
            (
                "Headline\nPublished: Aug. 20, 2025 10:14",
                Some("2025-08-20"),
            ),
            ("Headline\nThursday, Sept. 4, 2025", Some("2025-09-04")),
            ("Headline\n2025-08-21T09:00", Some("2025-08-21")),
            ("Headline\n19 August 2025 | World", Some("2025-08-19")),
            ("Headline\n19/08/2025", Some("2025-08-19")),
            ("Headline\nOn 02/30/2025 nothing", None),
            ("Headline\nafter the August 18 summit", None),
            ("", None),
        ] {
            assert_eq!(f.find(text).as_deref(), expected, "{text:?}");
        }
    }

    #[test]
    fn only_the_top_of_the_article_counts() {
        let f = DateFinder::new();
        let mut text = String::from("Headline\n");
        for i in 0..20 {
            text.push_str(&format!("Paragraph {i} of the story.\n"));
        }
        text.push_str("August 18, 2025\n");
        assert_eq!(f.find(&text), None);
    }

    #[test]
    fn title_is_the_first_non_empty_line() {
        assert_eq!(title("\n \u{a0}\n  Daily Review \r\nNext"), "Daily Review");
        assert_eq!(title(""), "");
    }

    #[test]
    fn decode_drops_a_bom_and_rejects_invalid_utf8() {
        let d = decode("a.txt", b"\xef\xbb\xbfHi".to_vec()).unwrap();
        assert_eq!(d.text, "Hi");
        assert_eq!(d.bytes, 5);
        let e = decode("b.txt", b"ok\xff".to_vec()).unwrap_err();
        assert_eq!(e.reason, "not UTF-8 (invalid byte at offset 2)");
    }

    #[test]
    fn discovery_is_sorted_relative_and_unique() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("day1");
        let b = dir.path().join("day2");
        std::fs::create_dir_all(a.join("sub")).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        for p in [
            a.join("b.txt"),
            a.join("a.txt"),
            a.join("sub/c.txt"),
            b.join("a.txt"),
            a.join("skip.pdf"),
        ] {
            std::fs::write(p, "x").unwrap();
        }
        let (sources, problems) = discover(&[a, b]);
        assert!(problems.is_empty());
        let docs: Vec<&str> = sources.iter().map(|s| s.doc.as_str()).collect();
        assert_eq!(docs, ["day1/a.txt", "b.txt", "sub/c.txt", "day2/a.txt"]);
    }

    #[test]
    fn missing_input_is_a_problem() {
        let (sources, problems) = discover(&[PathBuf::from("/definitely/not/here")]);
        assert!(sources.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.starts_with("cannot read"));
    }
}
