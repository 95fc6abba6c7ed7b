//! Inputs: from command-line paths to documents.
//!
//! In: the folders and files named on the command line. Out: [`Source`]s (a document name, a
//! path and a [`Kind`]) in a deterministic order, [`Problem`]s for what could not be walked,
//! and, per source, a decoded [`Document`] or a [`DocError`] naming the file and the reason.
//!
//! Always: folders are walked recursively in sorted order (inputs in the order given),
//! following symbolic links (a loop or a broken link is a problem, and the walk goes on);
//! `.txt` and `.md` files are read as text, `.html`/`.htm` files have their article text
//! extracted (markup, scripts, styles, navigation removed), other files are counted and left
//! alone. `doc` is the path relative to the input it was found under, with `/` separators,
//! unique in the run (when two inputs hold the same relative path, each such doc is prefixed
//! with its input folder's name).
//!
//! Reading: files over the size limit and binary files (known signatures, or NUL and control
//! bytes where text would be) are skipped with a status. Text that is not valid UTF-8 is
//! decoded, not rejected: UTF-16 with a byte-order mark; UTF-8 with a few damaged bytes (each
//! replaced by U+FFFD); otherwise the legacy encoding `chardetng` judges likeliest (Latin-1 and
//! Windows-1252 text from older sites comes out right). The encoding used is recorded. A
//! leading BOM is dropped; CRLF and LF are kept as they are (offsets count them). Box-drawing
//! and block characters, and Markdown's emphasis marks ("**Putin** said"), become spaces of
//! their byte length (a sidebar's borders would cut its sentences, a mark would stand between
//! a name and its verb; offsets do not move). Nothing here
//! panics on any bytes (the HTML parser runs under `catch_unwind`, as a third-party parser).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A file to analyse and the name it has in the tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Name in the tables: relative path with `/` separators.
    pub doc: String,
    /// Where to read it.
    pub path: PathBuf,
    /// How to read it.
    pub kind: Kind,
    /// The name of the input it was found under (its folder's name), to tell apart documents
    /// of the same name from different inputs.
    pub root: String,
}

/// How a file is read, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `.txt`, `.md`, `.markdown`: the text as it is.
    Text,
    /// `.html`, `.htm`, `.xhtml`: the article text extracted from the markup.
    Html,
}

impl Kind {
    /// The kind of `path`, or `None` for a file that is not an article.
    pub fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "markdown" => Some(Kind::Text),
            "html" | "htm" | "xhtml" => Some(Kind::Html),
            _ => None,
        }
    }
}

/// What [`discover`] found under the inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The articles, in order, with unique names.
    pub sources: Vec<Source>,
    /// What could not be walked.
    pub problems: Vec<Problem>,
    /// Files left alone because of their extension.
    pub ignored: usize,
}

/// Something under an input that could not be walked (an unreadable folder, a broken link).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The name used in the tables and messages.
    pub doc: String,
    /// Where it is.
    pub path: PathBuf,
    /// What went wrong, as a `status` cell: `failed: …` or `skipped: …`.
    pub message: String,
}

/// A document, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Name in the tables.
    pub doc: String,
    /// The text as decoded (BOM dropped; for HTML, the extracted article text). Offsets in
    /// the tables index this.
    pub text: String,
    /// Size of the file on disk, in bytes.
    pub bytes: u64,
    /// SHA-256 of the file's bytes, in lowercase hex (what `sha256sum` prints).
    pub sha256: String,
    /// How the bytes were decoded: `utf-8`, `utf-16le`, `windows-1252`, …, with a note when
    /// damaged bytes were replaced.
    pub encoding: String,
    /// A publication date the file states outside its text (an HTML page's metadata).
    pub date: Option<String>,
    /// A warning for the user (a legacy encoding, replaced bytes), if any.
    pub warning: Option<String>,
}

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{doc}: {status}")]
pub struct DocError {
    /// The document's name in the tables.
    pub doc: String,
    /// The `status` cell: `skipped: …` for a file that is not an article (binary, too large),
    /// `failed: …` for one that could not be read.
    pub status: String,
    /// SHA-256 of the bytes, when they could be read.
    pub sha256: Option<String>,
}

/// Files larger than this are skipped unless the caller sets another limit: no news article
/// comes near it, and a document's analysis needs several times its size in memory.
pub const DEFAULT_MAX_BYTES: u64 = 32 << 20;

fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The name that tells input `k` apart: its folder's name (a file's parent folder's).
fn root_name(input: &Path, k: usize) -> String {
    let named = if input.is_dir() {
        input.file_name()
    } else {
        input.parent().and_then(Path::file_name)
    };
    named
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("input{}", k + 1))
}

/// Lists the articles under `inputs`, in order, with unique names.
pub fn discover(inputs: &[PathBuf]) -> Found {
    let mut found: Vec<(usize, String, PathBuf, Kind)> = Vec::new();
    let mut problems = Vec::new();
    let mut ignored = 0;
    for (k, input) in inputs.iter().enumerate() {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                problems.push(Problem {
                    doc: input.display().to_string(),
                    path: input.clone(),
                    message: format!("failed: cannot read: {e}"),
                });
                continue;
            }
        };
        if !meta.is_dir() && !meta.is_file() {
            problems.push(Problem {
                doc: input.display().to_string(),
                path: input.clone(),
                message: "skipped: not a regular file (a pipe, socket or device)".to_string(),
            });
            continue;
        }
        if meta.is_file() {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // A file named on the command line is read whatever its extension (as text
            // unless it says HTML): the user asked for it.
            found.push((
                k,
                name,
                input.clone(),
                Kind::of(input).unwrap_or(Kind::Text),
            ));
            continue;
        }
        let walker = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_dir() {
                        continue;
                    }
                    if !e.file_type().is_file() {
                        // A pipe or device would block or never end: never opened.
                        if Kind::of(e.path()).is_some() {
                            let rel = e.path().strip_prefix(input).unwrap_or(e.path());
                            problems.push(Problem {
                                doc: slash_path(rel),
                                path: e.path().to_path_buf(),
                                message: "skipped: not a regular file (a pipe, socket or device)"
                                    .to_string(),
                            });
                        } else {
                            ignored += 1;
                        }
                        continue;
                    }
                    match Kind::of(e.path()) {
                        Some(kind) => {
                            let rel = e.path().strip_prefix(input).unwrap_or(e.path());
                            found.push((k, slash_path(rel), e.path().to_path_buf(), kind));
                        }
                        None => ignored += 1,
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
                        "skipped: a symbolic link loop".to_string()
                    } else if std::fs::symlink_metadata(&path)
                        .is_ok_and(|m| m.file_type().is_symlink())
                        && std::fs::metadata(&path).is_err()
                    {
                        "failed: a broken symbolic link".to_string()
                    } else {
                        match e.io_error() {
                            Some(io) => format!("failed: cannot read: {io}"),
                            None => format!("failed: cannot read: {e}"),
                        }
                    };
                    problems.push(Problem {
                        path: path.clone(),
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
    // Sized once (grown by doubling, each larger table was fresh memory for the kernel to
    // clear).
    let mut count: HashMap<&str, usize> = HashMap::with_capacity(found.len());
    for (_, doc, _, _) in &found {
        *count.entry(doc.as_str()).or_default() += 1;
    }
    let colliding: Vec<bool> = found
        .iter()
        .map(|(_, d, _, _)| count[d.as_str()] > 1)
        .collect();
    // Each input's name once (it asks the file system whether the input is a folder).
    let roots: Vec<String> = inputs
        .iter()
        .enumerate()
        .map(|(k, input)| root_name(input, k))
        .collect();
    let mut sources: Vec<Source> = Vec::with_capacity(found.len());
    let mut used: HashMap<String, usize> = HashMap::with_capacity(found.len());
    for ((k, doc, path, kind), collide) in found.iter().zip(colliding) {
        let mut name = if collide {
            format!("{}/{doc}", roots[*k])
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
            kind: *kind,
            root: roots[*k].clone(),
        });
    }
    Found {
        sources,
        problems,
        ignored,
    }
}

/// Reads and decodes one source; files over `max_bytes` are skipped.
pub fn read(source: &Source, max_bytes: u64) -> Result<Document, DocError> {
    read_opened(source, None, None, max_bytes)
}

/// Opens a source that is about to be read and asks the system to start reading its bytes
/// from disk (`posix_fadvise(WILLNEED)`), so that reading a batch of documents whose bytes
/// are not in the page cache overlaps with analysing the batch before it instead of
/// stopping the worker on each file (over 100 MB just written by `generate`, 1 thread:
/// 8.7–9.2 s → 5.7–6.4 s). `None` when it cannot be opened, and on systems other than Linux
/// (no such advice, and a lower limit of open files): [`read`] opens it when it reads it.
/// A run holds at most two batches of files open this way (512 with 256-document batches,
/// under Linux's usual limit of 1024).
pub fn open_ahead(source: &Source) -> Option<std::fs::File> {
    #[cfg(target_os = "linux")]
    {
        let file = std::fs::File::open(&source.path).ok()?;
        // Advice only: a file system that does not take it reads the file when asked.
        let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::WillNeed);
        Some(file)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = source;
        None
    }
}

/// [`read`], from the file [`open_ahead`] opened when there is one. `size` is the file's
/// size when the caller already has it (discovery's `lstat` of a plain file): the file is
/// then not asked for it again (one `statx` per file fewer). A file that grew since is still
/// cut at `max_bytes` and reported as too large.
pub fn read_opened(
    source: &Source,
    opened: Option<std::fs::File>,
    size: Option<u64>,
    max_bytes: u64,
) -> Result<Document, DocError> {
    let fail = |status: String| DocError {
        doc: source.doc.clone(),
        status,
        sha256: None,
    };
    let file = match opened {
        Some(f) => f,
        None => std::fs::File::open(&source.path)
            .map_err(|e| fail(format!("failed: cannot read: {e}")))?,
    };
    let size = size.unwrap_or_else(|| file.metadata().map(|m| m.len()).unwrap_or(0));
    if size > max_bytes {
        return Err(fail(too_large(size, max_bytes)));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    use std::io::Read;
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("failed: cannot read: {e}")))?;
    if bytes.len() as u64 > max_bytes {
        // The file grew while it was read.
        return Err(fail(too_large(bytes.len() as u64, max_bytes)));
    }
    decode(&source.doc, source.kind, bytes)
}

fn too_large(size: u64, max: u64) -> String {
    format!(
        "skipped: {:.1} MB, over the {:.1} MB limit for one article (--max-mb)",
        size as f64 / 1e6,
        max as f64 / 1e6
    )
}

/// SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = sha2::Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// What a file's first bytes say it is, when they say it is not text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"PK\x03\x04", "a zip archive (or an Office document)"),
        (b"PK\x05\x06", "a zip archive"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ\x00", "an xz archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old Office document",
        ),
        (b"\x7fELF", "a program"),
        (b"MZ", "a Windows program"),
        (b"RIFF", "a media file"),
        (b"ID3", "an MP3 file"),
        (b"OggS", "an Ogg media file"),
        (b"\x00\x00\x00\x18ftyp", "a video file"),
        (b"\x00\x00\x00\x20ftyp", "a video file"),
        (b"\x00\x00\x00\x1cftyp", "a video file"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"wOFF", "a web font"),
        (b"wOF2", "a web font"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(what);
    }
    // Without a BOM, text has next to no NUL or control bytes; binary data is full of them.
    // UTF-16 text has a NUL in every other byte, so a BOM is checked for first.
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = control_bytes(head);
    (head.len() >= 32 && control * 10 > head.len()).then_some("binary data")
}

/// Is `b` a control byte that text does not hold (below 0x20, but not a line break, tab, form
/// feed or escape)?
fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)
}

/// How many bytes of `bytes` are [`is_control`]. Sixteen bytes at a time where there is
/// SSE2 (the bytes below 0x20 that are not allowed, found by vector compares: about 15
/// instructions a block, where eight bytes took 12 and each block with a line break, most
/// of them in short-lined text, was counted byte by byte); eight at a time elsewhere.
fn control_bytes(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(16);
    let mut count = 0;
    for block in &mut blocks {
        let mask = control_mask(block);
        // (Most blocks have none: the count, a dozen instructions without POPCNT, is skipped.)
        if mask != 0 {
            count += mask.count_ones() as usize;
        }
    }
    count + control_bytes_8(blocks.remainder())
}

/// Bit `k` set where byte `k` of `block` (16 bytes; a shorter block gives 0) is
/// [`is_control`]: at most 0x1F, and not 0x09 to 0x0D (but for 0x0B) or 0x1B.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn control_mask(block: &[u8]) -> u32 {
    // SAFETY: `sse2_control_mask` requires nothing but the SSE2 feature, which this build
    // enables (the `cfg` above; every x86-64 target has it).
    unsafe { sse2_control_mask(block) }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
#[inline]
fn sse2_control_mask(block: &[u8]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    if block.len() < 16 {
        return 0;
    }
    // SAFETY: `block` holds at least 16 bytes of a live slice (tested above), and
    // `_mm_loadu_si128` reads 16 bytes from its pointer, with no alignment required.
    let v = unsafe { _mm_loadu_si128(block.as_ptr().cast::<__m128i>()) };
    let set = |b: u8| _mm_set1_epi8(b as i8);
    // v <= 0x1F exactly where min(v, 0x1F) == v.
    let low = _mm_cmpeq_epi8(_mm_min_epu8(v, set(0x1f)), v);
    // 0x09..=0x0D: v + (128 - 9) is then -128..-124 (signed), and no other byte is.
    let format = _mm_cmplt_epi8(_mm_add_epi8(v, set(128 - 9)), set(128 + 5));
    let allowed = _mm_or_si128(
        _mm_andnot_si128(_mm_cmpeq_epi8(v, set(0x0b)), format),
        _mm_cmpeq_epi8(v, set(0x1b)),
    );
    _mm_movemask_epi8(_mm_andnot_si128(allowed, low)) as u32
}

/// [`control_mask`] by table.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline]
fn control_mask(block: &[u8]) -> u32 {
    if block.len() < 16 {
        return 0;
    }
    block
        .iter()
        .take(16)
        .enumerate()
        .fold(0, |m, (k, &b)| m | u32::from(is_control(b)) << k)
}

/// [`control_bytes`] eight bytes at a time: a block with no byte below 0x20 (found by a
/// byte-wise compare with no carry between bytes) holds none; the others are counted byte
/// by byte.
fn control_bytes_8(bytes: &[u8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut blocks = bytes.chunks_exact(8);
    let mut count = 0;
    for block in &mut blocks {
        let v = <[u8; 8]>::try_from(block).map_or(0, u64::from_le_bytes);
        // High bit of each byte set when the byte is 0x20 or more (its low seven bits plus
        // 0x60 reach 0x80, or its own high bit is set).
        let at_least_space = ((v & LOW7) + 0x6060_6060_6060_6060) | v;
        if at_least_space & HIGH != HIGH {
            count += block.iter().filter(|&&b| is_control(b)).count();
        }
    }
    count
        + blocks
            .remainder()
            .iter()
            .filter(|&&b| is_control(b))
            .count()
}

/// Decodes the bytes of a document (see the module notes).
pub fn decode(doc: &str, kind: Kind, bytes: Vec<u8>) -> Result<Document, DocError> {
    let size = bytes.len() as u64;
    let sha256 = sha256_hex(&bytes);
    if let Some(what) = binary_kind(&bytes) {
        return Err(DocError {
            doc: doc.to_string(),
            status: format!("skipped: {what}, not text"),
            sha256: Some(sha256),
        });
    }
    let (text, encoding, warning) = decode_text(bytes);
    let (text, date, warning) = match kind {
        Kind::Text => (text, None, warning),
        Kind::Html => match html_text(&text) {
            Ok((text, date)) => (text, date, warning),
            Err(why) => {
                return Err(DocError {
                    doc: doc.to_string(),
                    status: format!("failed: {why}"),
                    sha256: Some(sha256),
                });
            }
        },
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let text = blank_emphasis(blank_layout(text));
    Ok(Document {
        doc: doc.to_string(),
        text,
        bytes: size,
        sha256,
        encoding,
        date,
        warning,
    })
}

/// Text from bytes: UTF-8 as it is; a BOM's encoding; UTF-8 with a few damaged bytes
/// replaced; else the legacy encoding chardetng judges likeliest. Returns the text, the
/// `encoding` cell and a warning.
fn decode_text(bytes: Vec<u8>) -> (String, String, Option<String>) {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, "utf-8".to_string(), None),
        Err(e) => e.into_bytes(),
    };
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, _, damaged) = enc.decode(&bytes);
        let name = enc.name().to_ascii_lowercase();
        let warning = damaged.then(|| format!("damaged {name}: bad sequences replaced"));
        return (text.into_owned(), name, warning);
    }
    // Mostly UTF-8: more good multi-byte characters than bad bytes.
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    if good >= bad.max(1) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let note = format!(
            "utf-8, {bad} damaged byte{} replaced",
            if bad == 1 { "" } else { "s" }
        );
        return (text, note.clone(), Some(format!("not valid UTF-8: {note}")));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _) = enc.decode_without_bom_handling(&bytes);
    let name = enc.name().to_ascii_lowercase();
    let warning = format!("not UTF-8: decoded as {name}");
    (text.into_owned(), name, Some(warning))
}

/// Text with its layout characters, box drawing (U+2500–U+257F) and block elements
/// (U+2580–U+259F), replaced by as many spaces as they have bytes. They only draw: a sidebar's
/// "│ Merz said Germany backs new │" border would otherwise cut its sentence at every line,
/// and as spaces the box's lines read as any hard-wrapped text does. Offsets do not move.
fn blank_layout(text: String) -> String {
    // Box drawing is E2 94 xx and E2 95 xx, block elements E2 96 80..=9F (after them, from
    // E2 96 A0, come geometric shapes such as "■" and "▪", which are list bullets); most
    // texts have none.
    let is_layout = |b: &[u8], i: usize| match (b.get(i + 1), b.get(i + 2)) {
        (Some(0x94 | 0x95), _) => true,
        (Some(0x96), Some(&c)) => c <= 0x9F,
        _ => false,
    };
    let b = text.as_bytes();
    let first = memchr::memchr_iter(0xE2, b).find(|&i| is_layout(b, i));
    let Some(first) = first else {
        return text;
    };
    let mut bytes = text.into_bytes();
    let mut i = first;
    while i < bytes.len() {
        if bytes[i] == 0xE2 && is_layout(&bytes, i) && i + 2 < bytes.len() {
            bytes[i..i + 3].copy_from_slice(b"   ");
            i += 3;
        } else {
            i += 1;
        }
    }
    // Whole three-byte characters became three ASCII bytes: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Text with Markdown's emphasis marks (a run of one to three `*` or `_` that opens or closes
/// emphasis: a letter or digit on one side only, "**Putin** said", "_never_") replaced by
/// spaces. Articles saved as Markdown, or pasted from it, would otherwise put a mark between
/// a name and its verb. Marks with letters on both sides ("snake_case") or neither ("* item",
/// "5 * 3") stay. Offsets do not move.
fn blank_emphasis(text: String) -> String {
    let b = text.as_bytes();
    // Most texts have no such mark: one fast scan, no copy.
    if memchr::memchr2(b'*', b'_', b).is_none() {
        return text;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut runs = Vec::new();
    let (mut token, mut address) = (0..0, false);
    let mut i = 0;
    while let Some(k) = memchr::memchr2(b'*', b'_', &b[i..]) {
        let start = i + k;
        let mark = b[start];
        let mut end = start;
        while end < b.len() && b[end] == mark {
            end += 1;
        }
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        // (Not inside a web address or an e-mail address: "t.me/_kremlin_news".)
        // The token is found once and reused for its further marks, so that a long token
        // full of marks costs linear time.
        if start >= token.end {
            let token_start = text[..start]
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace())
                .map_or(0, |(k, c)| k + c.len_utf8());
            let token_end = text[end..]
                .find(char::is_whitespace)
                .map_or(text.len(), |k| end + k);
            token = token_start..token_end;
            address = text[token.clone()].contains(['/', '@']);
        }
        if end - start <= 3 && word(before) != word(after) && !address {
            runs.push(start..end);
        }
        i = end;
    }
    if runs.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for r in runs {
        bytes[r].fill(b' ');
    }
    // ASCII bytes became ASCII bytes: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The date of an ISO 8601 timestamp ("2025-08-19T10:00:00Z" → "2025-08-19"), if valid.
fn iso_date(stamp: &str) -> Option<String> {
    let d = stamp.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| d[r].parse::<u32>().ok();
    let (y, m, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    valid(y, m, day).then(|| d.to_string())
}

/// The article text of an HTML page, and its publication date if its metadata states one.
fn html_text(html: &str) -> Result<(String, Option<String>), String> {
    let html = html.to_string();
    let parsed = std::panic::catch_unwind(move || {
        let cfg = dom_smoothie::Config {
            max_elements_to_parse: 200_000,
            text_mode: dom_smoothie::TextMode::Formatted,
            ..Default::default()
        };
        let mut r = dom_smoothie::Readability::new(html, None, Some(cfg)).ok()?;
        let article = r
            .parse()
            .or_else(|_| r.parse_with_policy(dom_smoothie::ParsePolicy::Raw))
            .ok()?;
        Some((
            article.title.trim().to_string(),
            article.text_content.to_string(),
            article.published_time,
        ))
    });
    match parsed {
        Ok(Some((title, body, published))) => {
            let body = body.trim();
            if body.is_empty() && title.is_empty() {
                return Err("no article text found in the HTML".to_string());
            }
            let text = if title.is_empty() || body.starts_with(&title) {
                body.to_string()
            } else {
                format!("{title}\n\n{body}")
            };
            let date = published.as_deref().and_then(iso_date);
            Ok((text, date))
        }
        Ok(None) => Err("no article text found in the HTML".to_string()),
        Err(_) => Err("the HTML parser failed on this page".to_string()),
    }
}

/// The title: the first non-empty line, trimmed.
pub fn title(text: &str) -> &str {
    crate::text::lines(text)
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// Finds publication dates near the top of an article.
///
/// The four formats are regular expressions (kept in the tests as the reference, and checked
/// against this reading on generated lines and the corpus); each is read here by hand, which
/// gives the same matches: the patterns' parts follow each other without ambiguity (a
/// shorter `\d{1,2}`, a month name without its optional ending or a missing `.`, `,` or
/// suffix would leave a digit or a letter where none can stand), so the first way each part
/// matches is the only one. A regex search with captures cost thousands of instructions a
/// line, and its lazy DFAs' warm-up was about half of the dates' time over a small corpus.
///
/// The patterns, as the regex crate reads them (`\d` any decimal digit, `\s` any white space,
/// `(?i)` with Unicode's simple case folding, `\b` an ASCII word boundary):
///
/// - numeric: `\b(\d{1,2})/(\d{1,2})/(\d{4})\b`
/// - ISO: `\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)`
/// - month first: `(?i)\bMONTH\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`
/// - day first: `(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+MONTH,?\s+(\d{4})\b`
///
/// where MONTH is `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|
/// Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`. Each is
/// searched as `captures_iter` does: the leftmost match, then the next from its end.
#[derive(Clone, Debug, Default)]
pub struct DateFinder {
    _private: (),
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The optional endings of each month's name after its first three letters, each one only
/// after the one before it ("Sep", "Sept", "September").
const MONTH_ENDINGS: [&[&str]; 12] = [
    &["uary"],
    &["ruary"],
    &["ch"],
    &["il"],
    &[],
    &["e"],
    &["y"],
    &["ust"],
    &["t", "ember"],
    &["ober"],
    &["ember"],
    &["ember"],
];

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// Can the line hold a month name for the patterns with one? Any line with a non-ASCII byte can
/// (under `(?i)`, "ſ" matches "s"); an ASCII line only if it holds the first three letters of
/// a month in any case.
fn may_name_a_month(line: &[u8]) -> bool {
    if !line.is_ascii() {
        return true;
    }
    line.windows(3).any(|w| {
        let w = [w[0] | 0x20, w[1] | 0x20, w[2] | 0x20];
        MONTHS.iter().any(|m| m.as_bytes() == w)
    })
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

/// The first code point of each run of ten decimal digits (Unicode's `Nd`, what the regex
/// crate's `\d` matches; every run holds the digits 0 to 9 in order). Derived from the regex
/// crate and checked against it for every code point by a test.
const DIGIT_ZEROS: [u32; 76] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50,
    0x11D50, 0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE,
    0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// Is `c` a decimal digit of any script (`\d`)?
fn is_decimal_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let c = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&z| z <= c);
    i > 0 && c - DIGIT_ZEROS[i - 1] < 10
}

/// Is `c` a word character of `(?-u:\b)` (ASCII letters, digits and `_`)?
fn is_ascii_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Does `c` match the lowercase ASCII letter `l` under `(?i)`? Only "s" and "k" have a
/// non-ASCII match in Unicode's simple case folding ("ſ", the Kelvin sign), and no pattern
/// has a "k".
fn same_letter(c: char, l: u8) -> bool {
    (c.is_ascii() && (c as u8 | 0x20) == l) || (l == b's' && c == '\u{17F}')
}

/// A line of text read by the date patterns: positions are byte offsets on character
/// boundaries; each method returns where its part ends, or `None` where it does not match.
struct DateLine<'a> {
    s: &'a str,
}

impl DateLine<'_> {
    fn at(&self, i: usize) -> Option<char> {
        crate::text::char_at(self.s, i)
    }

    /// `\b` at `i`.
    fn boundary(&self, i: usize) -> bool {
        is_ascii_word(crate::text::char_before(self.s, i)) != is_ascii_word(self.at(i))
    }

    /// One `\d`.
    fn digit(&self, i: usize) -> Option<usize> {
        let c = self.at(i)?;
        is_decimal_digit(c).then(|| i + c.len_utf8())
    }

    /// `\d{n}`.
    fn digits(&self, mut i: usize, n: usize) -> Option<usize> {
        for _ in 0..n {
            i = self.digit(i)?;
        }
        Some(i)
    }

    /// `\d{1,2}`, greedy (a second digit left over matches no part that follows).
    fn one_or_two_digits(&self, i: usize) -> Option<usize> {
        let i = self.digit(i)?;
        Some(self.digit(i).unwrap_or(i))
    }

    /// The ASCII character `b`, exactly.
    fn byte(&self, i: usize, b: u8) -> Option<usize> {
        (self.s.as_bytes().get(i) == Some(&b)).then_some(i + 1)
    }

    /// `b?`.
    fn optional_byte(&self, i: usize, b: u8) -> usize {
        self.byte(i, b).unwrap_or(i)
    }

    /// The lowercase ASCII letters `word` under `(?i)`.
    fn letters(&self, mut i: usize, word: &str) -> Option<usize> {
        for &l in word.as_bytes() {
            let c = self.at(i)?;
            if !same_letter(c, l) {
                return None;
            }
            i += c.len_utf8();
        }
        Some(i)
    }

    /// `\s+`.
    fn spaces(&self, i: usize) -> Option<usize> {
        let rest = self.s.get(i..)?;
        let n = rest.len() - rest.trim_start().len();
        (n > 0).then_some(i + n)
    }

    /// `(?:st|nd|rd|th)?` under `(?i)`.
    fn optional_suffix(&self, i: usize) -> usize {
        ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| self.letters(i, s))
            .unwrap_or(i)
    }

    /// MONTH (the name, then `\.?`) under `(?i)`: where the name ends, and where the part
    /// ends.
    fn month(&self, i: usize) -> Option<(usize, usize)> {
        let (k, mut end) = MONTHS
            .iter()
            .enumerate()
            .find_map(|(k, m)| Some((k, self.letters(i, m)?)))?;
        for ending in MONTH_ENDINGS[k] {
            match self.letters(end, ending) {
                Some(e) => end = e,
                None => break,
            }
        }
        Some((end, self.optional_byte(end, b'.')))
    }

    /// The numeric pattern at `p`: its end and fields (first number, second, year).
    fn numeric(&self, p: usize) -> Option<(usize, [(usize, usize); 3])> {
        if !self.boundary(p) {
            return None;
        }
        let a = self.one_or_two_digits(p)?;
        let b0 = self.byte(a, b'/')?;
        let b = self.one_or_two_digits(b0)?;
        let y0 = self.byte(b, b'/')?;
        let y = self.digits(y0, 4)?;
        self.boundary(y).then_some((y, [(p, a), (b0, b), (y0, y)]))
    }

    /// The ISO pattern at `p`: its end and fields (year, month, day).
    fn iso(&self, p: usize) -> Option<(usize, [(usize, usize); 3])> {
        if !self.boundary(p) {
            return None;
        }
        let y = self.digits(p, 4)?;
        let m0 = self.byte(y, b'-')?;
        let m = self.digits(m0, 2)?;
        let d0 = self.byte(m, b'-')?;
        let d = self.digits(d0, 2)?;
        let end = if self.boundary(d) {
            d
        } else {
            self.byte(d, b'T')?
        };
        Some((end, [(p, y), (m0, m), (d0, d)]))
    }

    /// The month-first pattern at `p`: its end and fields (month name, day, year).
    fn month_first(&self, p: usize) -> Option<(usize, [(usize, usize); 3])> {
        if !self.boundary(p) {
            return None;
        }
        let (name, m) = self.month(p)?;
        let d0 = self.spaces(m)?;
        let d = self.one_or_two_digits(d0)?;
        let y0 = self.spaces(self.optional_byte(self.optional_suffix(d), b','))?;
        let y = self.digits(y0, 4)?;
        self.boundary(y)
            .then_some((y, [(p, name), (d0, d), (y0, y)]))
    }

    /// The day-first pattern at `p`: its end and fields (day, month name, year).
    fn day_first(&self, p: usize) -> Option<(usize, [(usize, usize); 3])> {
        if !self.boundary(p) {
            return None;
        }
        let d = self.one_or_two_digits(p)?;
        let m0 = self.spaces(self.optional_suffix(d))?;
        let (name, m) = self.month(m0)?;
        let y0 = self.spaces(self.optional_byte(m, b','))?;
        let y = self.digits(y0, 4)?;
        self.boundary(y)
            .then_some((y, [(p, d), (m0, name), (y0, y)]))
    }

    /// Calls `f` with the start and fields of each match of `pattern`, as `captures_iter`
    /// finds them: the leftmost, then the leftmost from its end on, and so on. `first` tells
    /// the bytes a match can start with (a cheap test before the pattern's).
    fn each(
        &self,
        pattern: impl Fn(&Self, usize) -> Option<(usize, [(usize, usize); 3])>,
        first: impl Fn(u8) -> bool,
        mut f: impl FnMut(usize, [&str; 3]),
    ) {
        let bytes = self.s.as_bytes();
        let mut p = 0;
        while p < bytes.len() {
            // Only character starts: a continuation byte is 10xxxxxx.
            if bytes[p] & 0xC0 != 0x80
                && first(bytes[p])
                && let Some((end, fields)) = pattern(self, p)
            {
                let field = |(a, b): (usize, usize)| self.s.get(a..b).unwrap_or("");
                f(p, fields.map(field));
                p = end;
            } else {
                p += 1;
            }
        }
    }
}

/// Does `b` hold four ASCII digits in a row? Read by 8-byte loads five bytes apart (a run of
/// four that starts before the last load's fifth byte lies inside one of them), each byte's
/// digit flag ANDed with the next three's; the tail by `windows`. The lines searched for a
/// date are most of an article's first 2,000 bytes, and this test was most of the dates' time.
fn has_four_digits(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let v = u64::from_le_bytes(chunk);
        // The high bit of each byte that is '0'..='9' (on the low seven bits, no carry between
        // bytes; bytes with the high bit set removed).
        let low = v & !HIGH;
        let d = (low + ONES * (0x80 - 0x30)) & !(low + ONES * (0x7f - 0x39)) & !v & HIGH;
        if d & (d >> 8) & (d >> 16) & (d >> 24) != 0 {
            return true;
        }
        i += 5;
    }
    b.get(i..)
        .is_some_and(|t| t.windows(4).any(|w| w.iter().all(u8::is_ascii_digit)))
}

/// Can a digit (`\d`) start at byte `b`? An ASCII digit, or any non-ASCII character's first
/// byte.
fn may_start_digit(b: u8) -> bool {
    b.is_ascii_digit() || b >= 0x80
}

/// Can a month name start at byte `b`? Its first letter in either case, or a non-ASCII
/// character ("ſ" for "s").
fn may_start_month(b: u8) -> bool {
    matches!(
        b | 0x20,
        b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
    ) || b >= 0x80
}

impl DateFinder {
    /// A date finder.
    pub fn new() -> DateFinder {
        DateFinder::default()
    }

    /// The first date stated in the first lines of `text` (up to 12 non-empty lines, 2,000
    /// bytes), as YYYY-MM-DD. "08/19/2025" is read month first unless the first number
    /// exceeds 12.
    pub fn find(&self, text: &str) -> Option<String> {
        let mut budget = 2000usize;
        for line in crate::text::lines(text)
            .filter(|l| !l.trim().is_empty())
            .take(12)
        {
            let line = if line.len() > budget {
                let mut cut = budget;
                while !line.is_char_boundary(cut) {
                    cut -= 1;
                }
                &line[..cut]
            } else {
                line
            };
            // Every format has a four-digit year, and a year is only valid (1900 to 2200) in
            // ASCII digits (`parse` reads no others): a line without four ASCII digits in a
            // row gives no date.
            if has_four_digits(line.as_bytes())
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
        self.find_in_line_with(line, true)
    }

    /// The first date of `line`; with `prefilter`, the patterns that cannot match are not run
    /// (the answer is the same: a test checks it).
    fn find_in_line_with(&self, line: &str, prefilter: bool) -> Option<String> {
        let mut best: Option<(usize, String)> = None;
        let mut offer = |pos: usize, y: u32, m: u32, d: u32| {
            if valid(y, m, d) && best.as_ref().is_none_or(|(p, _)| pos < *p) {
                best = Some((pos, format!("{y:04}-{m:02}-{d:02}")));
            }
        };
        let num = |s: &str| s.parse::<u32>().unwrap_or(0);
        // Each pattern needs a byte the line may lack: a search that cannot match is skipped.
        let bytes = line.as_bytes();
        let l = DateLine { s: line };
        if !prefilter || memchr::memchr(b'/', bytes).is_some() {
            l.each(DateLine::numeric, may_start_digit, |pos, [a, b, y]| {
                let (a, b, y) = (num(a), num(b), num(y));
                let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                offer(pos, y, m, d);
            });
        }
        if !prefilter || memchr::memchr(b'-', bytes).is_some() {
            l.each(DateLine::iso, may_start_digit, |pos, [y, m, d]| {
                offer(pos, num(y), num(m), num(d));
            });
        }
        if !prefilter || may_name_a_month(bytes) {
            l.each(DateLine::month_first, may_start_month, |pos, [m, d, y]| {
                if let Some(m) = month_number(m) {
                    offer(pos, num(y), m, num(d));
                }
            });
            l.each(DateLine::day_first, may_start_digit, |pos, [d, m, y]| {
                if let Some(m) = month_number(m) {
                    offer(pos, num(y), m, num(d));
                }
            });
        }
        best.map(|(_, d)| d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn four_digits_are_found_by_blocks_as_by_windows(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![b'0'..=b'9', proptest::prelude::any::<u8>()], 0..40)
        ) {
            let expected = bytes.windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
            proptest::prop_assert_eq!(has_four_digits(&bytes), expected);
        }

        #[test]
        fn control_bytes_are_counted_by_blocks_as_one_by_one(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![0u8..0x21, proptest::prelude::any::<u8>()], 0..100)
        ) {
            let expected = bytes.iter().filter(|&&b| is_control(b)).count();
            proptest::prop_assert_eq!(control_bytes(&bytes), expected);
            proptest::prop_assert_eq!(control_bytes_8(&bytes), expected);
        }

        /// Blanking marks and layout never panics, whatever stands beside a mark (a no-break
        /// space, an em space, a box corner, a slash), and keeps every offset.
        #[test]
        fn blanking_keeps_the_length_of_any_text(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "*", "_", "**", "___", "/", "@", " ", "\u{a0}", "\u{2003}", "\n", "─", "▌", "■",
                "a", "Putin", "é", "“", ".",
            ]), 0..40)
        ) {
            let text = parts.concat();
            let out = blank_emphasis(blank_layout(text.clone()));
            proptest::prop_assert_eq!(out.len(), text.len());
        }
    }

    #[test]
    fn control_masks_of_every_byte() {
        for b in 0..=255u8 {
            for at in [0, 7, 15] {
                let mut block = [b'a'; 16];
                block[at] = b;
                let expected = if is_control(b) { 1 << at } else { 0 };
                assert_eq!(control_mask(&block), expected, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn box_borders_become_spaces_of_their_length() {
        let boxed = "Intro.\n┌──┐\n│ Merz backs it │\n▌ end ╳\n“quoted” ─ x";
        let out = blank_layout(boxed.to_string());
        assert_eq!(out.len(), boxed.len(), "offsets must not move");
        assert_eq!(
            out,
            "Intro.\n            \n    Merz backs it    \n    end    \n“quoted”     x"
        );
        // Text without layout characters is returned as it was, curly quotes and all, and
        // so are the geometric shapes that serve as bullets (U+25A0 on).
        let plain = "He said “no” – and left…\n▪ one\n■ two\n▶ three";
        assert_eq!(blank_layout(plain.to_string()), plain);
        // The last block element (U+259F) is blanked, the first shape after it is not.
        assert_eq!(blank_layout("▟■".to_string()), "   ■");
    }

    #[test]
    fn emphasis_marks_become_spaces() {
        let text = "“**Putin** said _never_,” he wrote.\n* a bullet stays\n5 * 3 and snake_case stay; Putin*";
        let out = blank_emphasis(text.to_string());
        assert_eq!(
            out,
            "“  Putin   said  never ,” he wrote.\n* a bullet stays\n5 * 3 and snake_case stay; Putin "
        );
        assert_eq!(out.len(), text.len());
        // Addresses keep their marks.
        let addresses = "see https://t.me/_kremlin_news or jane_@kremlin.ru";
        assert_eq!(blank_emphasis(addresses.to_string()), addresses);
        // Longer runs are rules or separators, not emphasis.
        assert_eq!(blank_emphasis("****Note".to_string()), "****Note");
    }

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

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
            // Years in other digits match `\d` but are no year; lines without four ASCII
            // digits are not searched.
            (
                "Headline\nAugust 18, ２０２５\nBy staff, 3 min read\n19 Aug 2025",
                Some("2025-08-19"),
            ),
            ("", None),
        ] {
            assert_eq!(f.find(text).as_deref(), expected, "{text:?}");
        }
    }

    use proptest::strategy::Strategy;

    /// The date patterns as regular expressions: the reference for [`DateLine`].
    struct DateRegexes {
        numeric: regex::Regex,
        iso: regex::Regex,
        month_first: regex::Regex,
        day_first: regex::Regex,
    }

    impl DateRegexes {
        fn new() -> DateRegexes {
            const MONTH: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
            let build = |p: &str| regex::Regex::new(p).unwrap();
            DateRegexes {
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

        /// Each pattern's matches in `line` as (start, end, fields), by `captures_iter`.
        fn matches(&self, line: &str) -> [Vec<(usize, [String; 3])>; 4] {
            [&self.numeric, &self.iso, &self.month_first, &self.day_first].map(|re| {
                re.captures_iter(line)
                    .map(|c| {
                        let start = c.get(0).unwrap().start();
                        (start, [1, 2, 3].map(|k| c[k].to_string()))
                    })
                    .collect()
            })
        }
    }

    /// Each pattern's matches in `line` as [`DateLine`] reads them.
    fn hand_matches(line: &str) -> [Vec<(usize, [String; 3])>; 4] {
        let l = DateLine { s: line };
        let mut out: [Vec<(usize, [String; 3])>; 4] = Default::default();
        let [a, b, c, d] = &mut out;
        let own = |f: [&str; 3]| f.map(str::to_string);
        l.each(DateLine::numeric, may_start_digit, |p, f| {
            a.push((p, own(f)))
        });
        l.each(DateLine::iso, may_start_digit, |p, f| b.push((p, own(f))));
        l.each(DateLine::month_first, may_start_month, |p, f| {
            c.push((p, own(f)))
        });
        l.each(DateLine::day_first, may_start_digit, |p, f| {
            d.push((p, own(f)))
        });
        out
    }

    /// The date of `line` as the regular expressions gave it (the code the hand-written
    /// reading replaced).
    fn regex_date(re: &DateRegexes, line: &str) -> Option<String> {
        let mut best: Option<(usize, String)> = None;
        let mut offer = |pos: usize, y: u32, m: u32, d: u32| {
            if valid(y, m, d) && best.as_ref().is_none_or(|(p, _)| pos < *p) {
                best = Some((pos, format!("{y:04}-{m:02}-{d:02}")));
            }
        };
        let num = |s: &str| s.parse::<u32>().unwrap_or(0);
        for c in re.numeric.captures_iter(line) {
            let (a, b, y) = (num(&c[1]), num(&c[2]), num(&c[3]));
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            offer(c.get(0).unwrap().start(), y, m, d);
        }
        for c in re.iso.captures_iter(line) {
            offer(
                c.get(0).unwrap().start(),
                num(&c[1]),
                num(&c[2]),
                num(&c[3]),
            );
        }
        for c in re.month_first.captures_iter(line) {
            if let Some(m) = month_number(&c[1]) {
                offer(c.get(0).unwrap().start(), num(&c[3]), m, num(&c[2]));
            }
        }
        for c in re.day_first.captures_iter(line) {
            if let Some(m) = month_number(&c[2]) {
                offer(c.get(0).unwrap().start(), num(&c[3]), m, num(&c[1]));
            }
        }
        best.map(|(_, d)| d)
    }

    /// Pieces of lines that dates are made of, and the characters that read differently
    /// under the regex crate's Unicode rules (other digits, other white space, "ſ", the
    /// Kelvin sign).
    fn date_line() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(vec![
                    "2025",
                    "1999",
                    "20251",
                    "19",
                    "08",
                    "8",
                    "12",
                    "31",
                    "0",
                    "/",
                    "-",
                    " ",
                    ", ",
                    ",",
                    ".",
                    "  ",
                    "\t",
                    "\r",
                    "\u{a0}",
                    "\u{2009}",
                    "T",
                    "t",
                    "_",
                    "x",
                    "Aug",
                    "AUGUST",
                    "august",
                    "Auguſt",
                    "Sept",
                    "SEPT.",
                    "ſept",
                    "September",
                    "sep",
                    "Jan",
                    "january",
                    "Janu",
                    "Mar",
                    "March",
                    "May",
                    "may",
                    "June",
                    "Jun",
                    "July",
                    "jul",
                    "Feb",
                    "Apr",
                    "april",
                    "Oct",
                    "Nov",
                    "Dec",
                    "december",
                    "st",
                    "ST",
                    "nd",
                    "rd",
                    "th",
                    "ſt",
                    "\u{212A}",
                    "２",
                    "０",
                    "٣",
                    "٢٠٢٥",
                    "é",
                    "—",
                    "2025-08-19",
                    "08/19/2025",
                    "19 Aug 2025",
                ])
                .prop_map(str::to_string),
                "[0-9/ .,T-]{1,4}",
                "[a-zA-Z0-9]{1,3}",
            ],
            0..14,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Lines of dates in the four formats, glued together, with parts varied: other digits,
    /// other white space, a missing or extra digit or separator, so that most lines hold
    /// matches, some invalid, some overlapping.
    fn dense_date_line() -> impl Strategy<Value = String> {
        use proptest::sample::select;
        let day = || select(vec!["1", "12", "08", "31", "0", "123", "٣", "1٣", "２", ""]);
        let year = || {
            select(vec![
                "2025", "1999", "2100", "20251", "202", "٢٠٢٥", "2025٣",
            ])
        };
        let space = || select(vec![" ", "  ", "\u{a0}", "\t", "", " \u{2009}"]);
        let month = || {
            select(vec![
                "Aug",
                "august",
                "AUG.",
                "Auguſt",
                "Sept.",
                "ſep",
                "Sep",
                "September",
                "May",
                "June",
                "Jun",
                "Janu",
                "March",
                "Mar.",
                "Dece",
                "x",
            ])
        };
        let suffix = || select(vec!["", "", "st", "TH", "ſt", "nd", "s"]);
        let comma = || select(vec!["", ",", ", ", ".", ",,"]);
        let sep = || select(vec!["/", "-", "/", "-", " ", ""]);
        let unit = proptest::prop_oneof![
            (day(), sep(), day(), sep(), year())
                .prop_map(|(a, s, b, t, y)| format!("{a}{s}{b}{t}{y}")),
            (
                year(),
                sep(),
                day(),
                sep(),
                day(),
                select(vec!["", "T", "t", "T1", "x", "_"])
            )
                .prop_map(|(y, s, m, t, d, e)| format!("{y}{s}{m}{t}{d}{e}")),
            (month(), space(), day(), suffix(), comma(), space(), year())
                .prop_map(|(m, a, d, x, c, b, y)| format!("{m}{a}{d}{x}{c}{b}{y}")),
            (day(), suffix(), space(), month(), comma(), space(), year())
                .prop_map(|(d, x, a, m, c, b, y)| format!("{d}{x}{a}{m}{c}{b}{y}")),
        ];
        let glue = select(vec!["", " ", "x", "/", "-", "_", "é", "1", ", ", "T"]);
        proptest::collection::vec((glue, unit), 0..4).prop_map(|parts| {
            parts
                .iter()
                .map(|(g, u)| format!("{g}{u}"))
                .collect::<String>()
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn hand_read_dates_are_the_regex_matches(
            line in proptest::prop_oneof![date_line(), dense_date_line()]
        ) {
            let re = DateRegexes::new();
            proptest::prop_assert_eq!(hand_matches(&line), re.matches(&line));
            let expected = regex_date(&re, &line);
            let f = DateFinder::new();
            proptest::prop_assert_eq!(f.find_in_line_with(&line, false), expected.clone());
            proptest::prop_assert_eq!(f.find_in_line_with(&line, true), expected);
        }
    }

    #[test]
    fn hand_read_dates_are_the_regex_matches_on_the_corpus() {
        let re = DateRegexes::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut lines = 0;
        let mut dates = 0;
        for entry in std::fs::read_dir(root).unwrap() {
            let path = entry.unwrap().path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for line in text.lines() {
                assert_eq!(hand_matches(line), re.matches(line), "{line:?}");
                let expected = regex_date(&re, line);
                dates += usize::from(expected.is_some());
                assert_eq!(DateFinder::new().find_in_line(line), expected, "{line:?}");
                lines += 1;
            }
        }
        assert!(lines > 100 && dates > 5, "{lines} lines, {dates} dates");
    }

    /// `\d`, `\s` and the letters of the patterns under `(?i)`, read without the regex
    /// crate, against it for every code point.
    #[test]
    fn digit_space_and_letter_classes_are_the_regex_crates() {
        let digit = regex::Regex::new(r"^\d$").unwrap();
        let space = regex::Regex::new(r"^\s$").unwrap();
        const LETTERS: &str = "abcdefghijlmnoprstuvy";
        let letter = regex::Regex::new(&format!("(?i)^[{LETTERS}]$")).unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(is_decimal_digit(c), digit.is_match(s), "{c:?}");
            assert_eq!(c.is_whitespace(), space.is_match(s), "{c:?}");
            assert_eq!(
                LETTERS.bytes().any(|l| same_letter(c, l)),
                letter.is_match(s),
                "{c:?}"
            );
        }
        // Every month name and suffix letter is one of `LETTERS`.
        for w in MONTHS
            .iter()
            .chain(MONTH_ENDINGS.iter().flat_map(|e| e.iter()))
            .chain(["st", "nd", "rd", "th"].iter())
        {
            assert!(w.bytes().all(|b| LETTERS.as_bytes().contains(&b)), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn date_patterns_skipped_by_the_prefilter_would_not_have_matched(
            parts in proptest::collection::vec(proptest::prop_oneof![
                proptest::sample::select(vec![
                    "2025", "19", "08", "/", "-", " ", ", ", "Aug", "SEPT.", "ſept", "may", "th",
                    "T", "x", "２",
                ]).prop_map(str::to_string),
                "[a-zA-Z0-9/ -]{0,3}",
            ], 0..12)
        ) {
            let f = DateFinder::new();
            let line = parts.concat();
            proptest::prop_assert_eq!(
                f.find_in_line_with(&line, true),
                f.find_in_line_with(&line, false)
            );
        }
    }

    #[test]
    fn a_month_name_in_any_case_or_script_keeps_its_patterns() {
        let f = DateFinder::new();
        for (line, expected) in [
            ("SEPT. 4, 2025", Some("2025-09-04")),
            // The pattern matches "ſeptember" (so the line is searched), `month_number` reads
            // no month in it.
            ("4 ſeptember 2025", None),
            ("4 september 2025", Some("2025-09-04")),
            ("in 2025 nothing", None),
        ] {
            assert_eq!(f.find_in_line(line).as_deref(), expected, "{line:?}");
            assert_eq!(f.find_in_line_with(line, false).as_deref(), expected);
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
    fn decode_drops_a_bom_and_hashes_the_bytes() {
        let d = decode("a.txt", Kind::Text, b"\xef\xbb\xbfHi".to_vec()).unwrap();
        assert_eq!(d.text, "Hi");
        assert_eq!(d.bytes, 5);
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.warning, None);
        // sha256 of the five bytes, as `printf '\xef\xbb\xbfHi' | sha256sum` prints it.
        assert_eq!(
            d.sha256,
            "7169d3eccde6a49cc40d142c2196ccfc46c5deca049a00b92c677c7b72759feb"
        );
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
        let found = discover(&[a, b]);
        assert!(found.problems.is_empty());
        let docs: Vec<&str> = found.sources.iter().map(|s| s.doc.as_str()).collect();
        assert_eq!(docs, ["day1/a.txt", "b.txt", "sub/c.txt", "day2/a.txt"]);
        assert_eq!(found.ignored, 1, "skip.pdf is counted, not read");
    }

    #[test]
    fn missing_input_is_a_problem() {
        let found = discover(&[PathBuf::from("/definitely/not/here")]);
        assert!(found.sources.is_empty());
        assert_eq!(found.problems.len(), 1);
        assert!(found.problems[0].message.starts_with("failed: cannot read"));
    }
}
