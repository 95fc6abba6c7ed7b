//! A corpus of any size for measuring speed and memory: the team corpus repeated and varied.
//!
//! Each generated article is one of the source articles with deterministic variations, so that
//! no two files are identical and the text keeps the shape of real input: the spelling of names
//! changes (Zelensky, Zelenskyy, Zelenskiy; Kyiv, Kiev), curly quotes become straight or stay,
//! body paragraphs are rotated, line endings are LF or CRLF, and a small header with the copy's
//! number is added. The same seed and size always give the same files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A small deterministic random number generator (xorshift64*), so that the corpus does not
/// depend on a crate's version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Spellings that real news alternates between.
const VARIANTS: &[&[&str]] = &[
    &["Zelensky", "Zelenskyy", "Zelenskiy"],
    &["Kyiv", "Kiev"],
    &["defense", "defence"],
    &["U.S.", "US"],
];

/// One varied copy of `text`, number `k`.
pub fn vary(text: &str, k: u64, rng_seed: u64) -> String {
    let mut rng = Rng(rng_seed ^ k.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut t = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    for group in VARIANTS {
        let pick = group[rng.below(group.len())];
        for v in group.iter() {
            if *v != pick {
                t = t.replace(v, pick);
            }
        }
    }
    if rng.below(3) == 0 {
        t = t.replace(['“', '”'], "\"").replace(['‘', '’'], "'");
    }
    // Rotate the body paragraphs (keep the first three, which hold site, headline and date).
    let mut paras: Vec<&str> = t.split("\n\n").collect();
    if paras.len() > 5 {
        let body = &mut paras[3..];
        let r = rng.below(body.len());
        body.rotate_left(r);
    }
    let mut out = format!("Copy {k}\n\n{}", paras.join("\n\n"));
    if rng.below(4) == 0 {
        out = out.replace('\n', "\r\n");
    }
    out
}

/// Writes articles varied from the `.txt` files of `from` into `out` (1,000 per folder) until
/// `bytes` bytes have been written. Returns the number of files and bytes written.
pub fn generate(from: &Path, out: &Path, bytes: u64, seed: u64) -> io::Result<(u64, u64)> {
    let mut sources: Vec<PathBuf> = std::fs::read_dir(from)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    sources.sort();
    let texts: Vec<String> = sources
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    if texts.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("no .txt articles in {}", from.display()),
        ));
    }
    let mut written = 0u64;
    let mut k = 0u64;
    while written < bytes {
        let text = vary(&texts[(k % texts.len() as u64) as usize], k, seed);
        let dir = out.join(format!("{:04}", k / 1000));
        if k.is_multiple_of(1000) {
            std::fs::create_dir_all(&dir)?;
        }
        let mut f = std::fs::File::create(dir.join(format!("{k:07}.txt")))?;
        f.write_all(text.as_bytes())?;
        written += text.len() as u64;
        k += 1;
    }
    Ok((k, written))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_vary_deterministically() {
        let text = "Site\n\nHeadline\n\nAug. 1\n\nZelensky met Kyiv officials.\n\nSecond.\n\nThird “quote”.\n\nFourth.";
        let a = vary(text, 1, 7);
        let b = vary(text, 1, 7);
        let c = vary(text, 2, 7);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.starts_with("Copy 1"));
        for v in [&a, &c] {
            assert!(v.contains("Zelensk") && (v.contains("Kyiv") || v.contains("Kiev")));
        }
    }

    #[test]
    fn generates_about_the_size_asked() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src");
        std::fs::create_dir_all(&src).unwrap();
        std::fs::write(
            src.join("a.txt"),
            "Headline\n\nBody of the article about Kyiv.\n",
        )
        .unwrap();
        let (files, bytes) = generate(&src, &dir.path().join("out"), 10_000, 1).unwrap();
        assert!((10_000..10_100).contains(&bytes), "{bytes}");
        assert_eq!(
            files as usize,
            std::fs::read_dir(dir.path().join("out/0000"))
                .unwrap()
                .count()
        );
    }
}
