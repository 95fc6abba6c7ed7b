//! Quality: stance records scored against hand-annotated gold files.
//!
//! Gold files follow `gold-format.md` (one CSV per article: `doc,anchor,holder,topic,stance`).
//! Scoring follows the guidelines: a predicted record matches a gold record when document,
//! holder, topic and stance are equal and the predicted sentence span contains the first byte
//! of the gold anchor; each record matches at most once. Predicted records whose holder is not
//! a starter actor are left out, as the guidelines say; so are records on a topic that is not a
//! starter topic (a lexicon may add topics, which gold files do not annotate). The loose score
//! maps every holder to its affiliation first.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::input::{DEFAULT_MAX_BYTES, Kind, Source, discover, read};
use crate::lexicon::{Lexicon, Stance};
use crate::pipeline::Engine;

/// The starter actor ids of the guidelines (the only holders gold files annotate).
pub const STARTER_ACTORS: [&str; 32] = [
    "trump",
    "zelensky",
    "putin",
    "starmer",
    "macron",
    "merz",
    "meloni",
    "stubb",
    "von_der_leyen",
    "rutte",
    "witkoff",
    "lavrov",
    "zakharova",
    "ushakov",
    "vance",
    "biden",
    "tusk",
    "usa",
    "russia",
    "ukraine",
    "europe",
    "eu",
    "nato",
    "uk",
    "france",
    "germany",
    "italy",
    "finland",
    "poland",
    "baltics",
    "china",
    "un",
];

/// The starter topic ids of the guidelines (the only topics gold files annotate).
pub const STARTER_TOPICS: [&str; 10] = [
    "security_guarantees",
    "collective_defense",
    "ceasefire",
    "peace_talks",
    "troop_deployment",
    "nato_membership",
    "territorial_concessions",
    "sanctions",
    "military_aid",
    "prisoner_exchange",
];

/// A gold record, located in its article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldRecord {
    /// Article name.
    pub doc: String,
    /// The anchor text.
    pub anchor: String,
    /// Byte offset of the anchor's first byte.
    pub offset: u32,
    /// Holder id.
    pub holder: String,
    /// Topic id.
    pub topic: String,
    /// Stance.
    pub stance: Stance,
}

/// A predicted record: the sentence span it claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicted {
    /// Article name.
    pub doc: String,
    /// Sentence span.
    pub start: u32,
    /// End of the sentence span.
    pub end: u32,
    /// Holder id.
    pub holder: String,
    /// Topic id.
    pub topic: String,
    /// Stance.
    pub stance: Stance,
    /// The sentence, for listings.
    pub text: String,
}

/// Problems with gold files or predictions, each as `file:line: problem`.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.join("\n"))]
pub struct EvalError(pub Vec<String>);

/// Reads every gold file in `gold_dir`, checking each against its article in `texts_dir`.
pub fn load_gold(gold_dir: &Path, texts_dir: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let mut names: Vec<_> = std::fs::read_dir(gold_dir)
        .map_err(|e| EvalError(vec![format!("{}: cannot read: {e}", gold_dir.display())]))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for path in names {
        let shown = path.display().to_string();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc_name = format!("{stem}.txt");
        let source = Source {
            doc: doc_name.clone(),
            path: texts_dir.join(&doc_name),
            kind: Kind::Text,
            root: String::new(),
        };
        let text = match read(&source, DEFAULT_MAX_BYTES) {
            Ok(d) => d.text,
            Err(e) => {
                errs.push(format!(
                    "{shown}:1: its article {}: {}",
                    texts_dir.join(&doc_name).display(),
                    e.status
                ));
                continue;
            }
        };
        let mut rdr = match csv::Reader::from_path(&path) {
            Ok(r) => r,
            Err(e) => {
                errs.push(format!("{shown}:1: {e}"));
                continue;
            }
        };
        let header_ok = rdr.headers().is_ok_and(|h| {
            h.iter().collect::<Vec<_>>() == ["doc", "anchor", "holder", "topic", "stance"]
        });
        if !header_ok {
            errs.push(format!(
                "{shown}:1: the header must be doc,anchor,holder,topic,stance"
            ));
            continue;
        }
        for rec in rdr.records() {
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    errs.push(format!("{shown}: {e}"));
                    continue;
                }
            };
            let line = rec.position().map_or(0, |p| p.line());
            let f = |i: usize| rec.get(i).unwrap_or("").to_string();
            let (doc, anchor, holder, topic, stance) = (f(0), f(1), f(2), f(3), f(4));
            let mut bad = |m: String| errs.push(format!("{shown}:{line}: {m}"));
            if doc != doc_name {
                bad(format!("doc is {doc:?}, expected {doc_name:?}"));
            }
            let n = anchor.chars().count();
            if !(5..=60).contains(&n) {
                bad(format!("anchor has {n} characters (5 to 60 allowed)"));
            }
            let found: Vec<usize> = text
                .match_indices(anchor.as_str())
                .map(|(i, _)| i)
                .take(2)
                .collect();
            if found.len() != 1 {
                bad(format!(
                    "anchor {anchor:?} occurs {} times in the article (exactly once required)",
                    if found.len() == 2 {
                        "2 or more".to_string()
                    } else {
                        "0".to_string()
                    }
                ));
            }
            if !STARTER_ACTORS.contains(&holder.as_str()) {
                bad(format!("holder {holder:?} is not a starter actor"));
            }
            if !STARTER_TOPICS.contains(&topic.as_str()) {
                bad(format!("topic {topic:?} is not a starter topic"));
            }
            let Some(stance) = Stance::parse(&stance) else {
                bad(format!(
                    "stance {stance:?} is not support, reject or conditional"
                ));
                continue;
            };
            if found.len() == 1 {
                out.push(GoldRecord {
                    doc,
                    anchor,
                    offset: found[0] as u32,
                    holder,
                    topic,
                    stance,
                });
            }
        }
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(EvalError(errs))
    }
}

/// Reads predicted records from a `stances.csv`.
pub fn load_predictions(path: &Path, lexicon: &Lexicon) -> Result<Vec<Predicted>, EvalError> {
    let _ = lexicon;
    let shown = path.display().to_string();
    let mut rdr =
        csv::Reader::from_path(path).map_err(|e| EvalError(vec![format!("{shown}: {e}")]))?;
    let headers = rdr
        .headers()
        .map_err(|e| EvalError(vec![format!("{shown}:1: {e}")]))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let cols: Vec<Option<usize>> = ["doc", "start", "end", "holder", "topic", "stance", "text"]
        .iter()
        .map(|c| col(c))
        .collect();
    if cols[..6].iter().any(Option::is_none) {
        return Err(EvalError(vec![format!(
            "{shown}:1: not a stances.csv (needs doc,start,end,holder,topic,stance)"
        )]));
    }
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| EvalError(vec![format!("{shown}: {e}")]))?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: usize| cols[i].and_then(|c| rec.get(c)).unwrap_or("");
        let (Ok(start), Ok(end)) = (get(1).parse::<u32>(), get(2).parse::<u32>()) else {
            errs.push(format!("{shown}:{line}: start and end must be numbers"));
            continue;
        };
        let Some(stance) = Stance::parse(get(5)) else {
            errs.push(format!("{shown}:{line}: unknown stance {:?}", get(5)));
            continue;
        };
        out.push(Predicted {
            doc: get(0).to_string(),
            start,
            end,
            holder: get(3).to_string(),
            topic: get(4).to_string(),
            stance,
            text: get(6).to_string(),
        });
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(EvalError(errs))
    }
}

/// Runs the pipeline on every article of `texts_dir` and returns its records.
pub fn predict(engine: &Engine, texts_dir: &Path) -> Result<Vec<Predicted>, EvalError> {
    let found = discover(&[texts_dir.to_path_buf()]);
    if let Some(p) = found.problems.first() {
        return Err(EvalError(vec![format!("{}: {}", p.doc, p.message)]));
    }
    let mut out = Vec::new();
    for s in found.sources {
        let doc = read(&s, DEFAULT_MAX_BYTES).map_err(|e| EvalError(vec![e.to_string()]))?;
        let a = engine.analyze(&doc.text);
        for r in &a.tagged.records {
            let span = a.sentences[r.sentence];
            out.push(Predicted {
                doc: doc.doc.clone(),
                start: span.start,
                end: span.end,
                holder: engine.lexicon.actor(r.holder).id.clone(),
                topic: engine.lexicon.topic(r.topic).id.clone(),
                stance: r.stance,
                text: span.text(&doc.text).to_string(),
            });
        }
    }
    Ok(out)
}

/// Precision, recall and F1 of one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Gold records.
    pub gold: usize,
    /// Predicted records scored.
    pub predicted: usize,
    /// Matched pairs.
    pub matched: usize,
}

impl Prf {
    /// matched / predicted.
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.matched as f64 / self.predicted as f64
        }
    }
    /// matched / gold.
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall, computed from the counts (2·matched / (gold +
    /// predicted)) so that a figure on a round number is that number: 62 matched of 68
    /// predicted and 87 gold is 0.8, where the mean of the two rounded ratios gives 0.79999….
    pub fn f1(&self) -> f64 {
        if self.matched == 0 {
            0.0
        } else {
            2.0 * self.matched as f64 / (self.gold + self.predicted) as f64
        }
    }
}

/// The scores of a run against gold, with the unmatched records.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Exact holder ids.
    pub strict: Prf,
    /// Holders mapped to their affiliation.
    pub by_affiliation: Prf,
    /// Strict, per gold/predicted stance: support, reject, conditional.
    pub per_stance: [Prf; 3],
    /// Predicted records left out (holder not a starter actor; topic not a starter topic
    /// records are dropped before scoring and not counted here).
    pub left_out: usize,
    /// Gold records not matched (strict).
    pub misses: Vec<GoldRecord>,
    /// Predicted records not matched (strict).
    pub false_records: Vec<Predicted>,
}

fn matches(
    gold: &[GoldRecord],
    pred: &[Predicted],
    map: &dyn Fn(&str) -> String,
) -> (Vec<bool>, Vec<bool>) {
    let mut used = vec![false; pred.len()];
    let mut found = vec![false; gold.len()];
    let mut by_key: HashMap<(&str, String, &str, Stance), Vec<usize>> = HashMap::new();
    for (i, p) in pred.iter().enumerate() {
        by_key
            .entry((p.doc.as_str(), map(&p.holder), p.topic.as_str(), p.stance))
            .or_default()
            .push(i);
    }
    for (gi, g) in gold.iter().enumerate() {
        if let Some(cands) =
            by_key.get(&(g.doc.as_str(), map(&g.holder), g.topic.as_str(), g.stance))
            && let Some(&pi) = cands
                .iter()
                .find(|&&pi| !used[pi] && pred[pi].start <= g.offset && g.offset < pred[pi].end)
        {
            used[pi] = true;
            found[gi] = true;
        }
    }
    (found, used)
}

/// Scores `pred` against `gold` (only documents that have gold count).
pub fn score(gold: &[GoldRecord], pred: &[Predicted], lexicon: &Lexicon) -> Report {
    let gold_docs: std::collections::HashSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let affiliation = |id: &str| -> String {
        lexicon
            .actor_by_id(id)
            .map(|a| lexicon.actor(lexicon.actor(a).affiliation).id.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let in_docs: Vec<Predicted> = pred
        .iter()
        .filter(|p| {
            gold_docs.contains(p.doc.as_str()) && STARTER_TOPICS.contains(&p.topic.as_str())
        })
        .cloned()
        .collect();
    let strict_pred: Vec<Predicted> = in_docs
        .iter()
        .filter(|p| STARTER_ACTORS.contains(&p.holder.as_str()))
        .cloned()
        .collect();
    let loose_pred: Vec<Predicted> = in_docs
        .iter()
        .filter(|p| STARTER_ACTORS.contains(&affiliation(&p.holder).as_str()))
        .cloned()
        .collect();
    let (found, used) = matches(gold, &strict_pred, &|h| h.to_string());
    let (lfound, _) = matches(gold, &loose_pred, &affiliation);
    let mut report = Report {
        strict: Prf {
            gold: gold.len(),
            predicted: strict_pred.len(),
            matched: found.iter().filter(|&&f| f).count(),
        },
        by_affiliation: Prf {
            gold: gold.len(),
            predicted: loose_pred.len(),
            matched: lfound.iter().filter(|&&f| f).count(),
        },
        left_out: in_docs.len() - strict_pred.len(),
        ..Report::default()
    };
    for (i, g) in gold.iter().enumerate() {
        let s = &mut report.per_stance[g.stance as usize];
        s.gold += 1;
        if found[i] {
            s.matched += 1;
        } else {
            report.misses.push(g.clone());
        }
    }
    for (i, p) in strict_pred.iter().enumerate() {
        report.per_stance[p.stance as usize].predicted += 1;
        if !used[i] {
            report.false_records.push(p.clone());
        }
    }
    report
}

impl Report {
    /// The report as text; with `list`, every miss and false record.
    pub fn render(&self, list: bool) -> String {
        let mut s = String::new();
        let line = |s: &mut String, name: &str, p: &Prf| {
            let _ = writeln!(
                s,
                "{name:<16} P {:.3}  R {:.3}  F1 {:.3}   (gold {}, predicted {}, matched {})",
                p.precision(),
                p.recall(),
                p.f1(),
                p.gold,
                p.predicted,
                p.matched
            );
        };
        line(&mut s, "strict", &self.strict);
        line(&mut s, "by affiliation", &self.by_affiliation);
        for (name, p) in ["support", "reject", "conditional"]
            .iter()
            .zip(&self.per_stance)
        {
            line(&mut s, &format!("  {name}"), p);
        }
        let _ = writeln!(
            s,
            "predicted records with a non-starter holder, left out: {}",
            self.left_out
        );
        if list {
            let _ = writeln!(s, "\nmisses (gold records not found):");
            for g in &self.misses {
                let _ = writeln!(
                    s,
                    "  {}\t{}\t{}\t{}\t{:?}",
                    g.doc, g.holder, g.topic, g.stance, g.anchor
                );
            }
            let _ = writeln!(s, "\nfalse records (predicted, not in gold):");
            for p in &self.false_records {
                let _ = writeln!(
                    s,
                    "  {}\t{}\t{}\t{}\t{:?}",
                    p.doc,
                    p.holder,
                    p.topic,
                    p.stance,
                    crate::export::one_line(&p.text)
                );
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::Prf;

    #[test]
    fn f1_on_a_round_figure_is_that_figure() {
        let s = Prf {
            gold: 87,
            predicted: 68,
            matched: 62,
        };
        assert_eq!(s.f1(), 0.8);
        assert!((s.precision() - 62.0 / 68.0).abs() < 1e-12);
        let none = Prf {
            gold: 5,
            predicted: 0,
            matched: 0,
        };
        assert_eq!(none.f1(), 0.0);
    }
}
