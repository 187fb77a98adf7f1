//! Scoring proposals against attributions annotated in brat standoff, as
//! PolNeAR ships them (`text/NAME.txt`, `attributions/NAME_ANNOTATOR.ann`;
//! code-point offsets, discontinuous spans as `start end;start end`).
//!
//! - Gold, for recall: every attribution with a Source whose cue is a speech
//!   or report verb.
//! - A proposal is right, for precision, when it matches any annotated
//!   attribution with a Source: the contents share at least 30% of the
//!   shorter of the two, and the mention overlaps the Source.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::text::Span;
use super::{Proposal, cues};
use crate::error::{Error, Result};

/// One annotated attribution.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    /// The Source's spans (empty when it has none).
    pub source: Vec<Span>,
    /// The Cue's spans.
    pub cue: Vec<Span>,
    /// The Content's spans (with Content2).
    pub content: Vec<Span>,
    /// The cue's text.
    pub cue_text: String,
}

impl Attribution {
    /// Whether its cue is a speech or report verb (gold for recall).
    pub fn is_speech(&self) -> bool {
        !self.source.is_empty()
            && self
                .cue_text
                .split(|c: char| !c.is_alphanumeric())
                .any(cues::is_speech_verb)
    }
}

/// Reads one `.ann` file.
pub fn read_ann(text: &str) -> Vec<Attribution> {
    let mut spans: HashMap<&str, (String, Vec<Span>, String)> = HashMap::new();
    let mut events = Vec::new();
    for line in text.lines() {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(middle)) = (fields.next(), fields.next()) else {
            continue;
        };
        let surface = fields.next().unwrap_or("").to_string();
        if id.starts_with('T') {
            let (kind, offsets) = middle.split_once(' ').unwrap_or((middle, ""));
            let parts: Vec<Span> = offsets
                .split(';')
                .filter_map(|p| {
                    let (s, e) = p.trim().split_once(' ')?;
                    let (start, end): (usize, usize) = (s.parse().ok()?, e.parse().ok()?);
                    // A span that ends before it starts is malformed: skipped
                    // like any other line this reader cannot use.
                    (start <= end).then(|| Span::new(start, end))
                })
                .collect();
            spans.insert(id, (kind.to_string(), parts, surface));
        } else if id.starts_with('E') {
            events.push(middle.to_string());
        }
    }
    events
        .iter()
        .map(|event| {
            let mut attribution = Attribution::default();
            for role in event.split_whitespace() {
                let Some((name, target)) = role.split_once(':') else {
                    continue;
                };
                let Some((_, parts, surface)) = spans.get(target) else {
                    continue;
                };
                match name.trim_end_matches(char::is_numeric) {
                    "Source" => attribution.source.extend(parts),
                    "Cue" => {
                        attribution.cue.extend(parts);
                        attribution.cue_text = surface.clone();
                    }
                    "Content" => attribution.content.extend(parts),
                    _ => {}
                }
            }
            attribution
        })
        .collect()
}

fn overlap(a: &[Span], b: &[Span]) -> usize {
    a.iter()
        .map(|x| b.iter().map(|y| x.overlap(y)).sum::<usize>())
        .sum()
}

fn length(spans: &[Span]) -> usize {
    spans.iter().map(Span::len).sum()
}

/// Whether a proposal matches an attribution by the rules above.
pub fn matches(proposal: &Proposal, gold: &Attribution) -> bool {
    if gold.source.is_empty() {
        return false;
    }
    let content = [proposal.content.span()];
    let shared = overlap(&content, &gold.content);
    let shorter = length(&content).min(length(&gold.content)).max(1);
    let mention = [proposal.mention.span()];
    shared * 10 >= shorter * 3 && overlap(&mention, &gold.source) > 0
}

/// Precision, recall and F1 over a set of articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    /// Articles scored.
    pub articles: usize,
    /// Proposals made.
    pub proposed: usize,
    /// Proposals that match an annotated attribution.
    pub correct: usize,
    /// Gold attributions (speech cues with a Source).
    pub gold: usize,
    /// Gold attributions some proposal matches.
    pub found: usize,
    /// Each proposal's confidence and whether it was right.
    #[serde(skip)]
    pub ranked: Vec<(f64, bool)>,
}

impl Score {
    /// correct / proposed.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.proposed)
    }
    /// found / gold.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    /// Harmonic mean of the two.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    /// Adds one article's proposals against its annotations (every
    /// annotator's file counts: a proposal is right if any annotator
    /// marked it; each annotator's gold counts for recall).
    pub fn add(&mut self, proposals: &[Proposal], annotations: &[Vec<Attribution>]) {
        self.articles += 1;
        self.proposed += proposals.len();
        for p in proposals {
            let right = annotations.iter().flatten().any(|g| matches(p, g));
            self.correct += usize::from(right);
            self.ranked.push((p.confidence, right));
        }
        for gold in annotations.iter().flatten().filter(|g| g.is_speech()) {
            self.gold += 1;
            if proposals.iter().any(|p| matches(p, gold)) {
                self.found += 1;
            }
        }
    }
}

impl Score {
    /// How well confidence ranks right proposals above wrong ones: the
    /// area under the ROC curve (the chance that a right proposal scores
    /// above a wrong one; ties count half). None when every proposal is
    /// right, or every one wrong: there is nothing to rank.
    pub fn auc(&self) -> Option<f64> {
        let mut wrong: Vec<f64> = self.ranked.iter().filter(|r| !r.1).map(|r| r.0).collect();
        wrong.sort_by(f64::total_cmp);
        let right: Vec<f64> = self.ranked.iter().filter(|r| r.1).map(|r| r.0).collect();
        if right.is_empty() || wrong.is_empty() {
            return None;
        }
        let wins: f64 = right
            .iter()
            .map(|&c| {
                let below = wrong.partition_point(|&w| w < c);
                let tied = wrong.partition_point(|&w| w <= c) - below;
                below as f64 + tied as f64 / 2.0
            })
            .sum();
        Some(wins / (right.len() * wrong.len()) as f64)
    }

    /// The proposals with confidence at least `threshold`, and the share of
    /// them that are right.
    pub fn at_confidence(&self, threshold: f64) -> (usize, f64) {
        let kept: Vec<bool> = self
            .ranked
            .iter()
            .filter(|r| r.0 >= threshold)
            .map(|r| r.1)
            .collect();
        let right = kept.iter().filter(|&&r| r).count();
        (kept.len(), ratio(right, kept.len()))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The names of the files in `dir` that end with `suffix`, sorted.
fn files_ending(dir: &Path, suffix: &str) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::ReadFile {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(suffix))
        .collect();
    names.sort();
    Ok(names)
}

/// Scores `extract` over a brat folder (`text/`, `attributions/`).
/// With `show_errors`, prints that many wrong proposals and missed
/// attributions to standard error, for error analysis.
pub fn evaluate_dir(dir: &Path, show_errors: usize) -> Result<Score> {
    let mut score = Score::default();
    let known = HashMap::new();
    for_each_article(dir, |name, text, gold| {
        let proposals = super::extract(text, &known);
        print_errors(name, text, gold, &proposals, show_errors);
        score.add(&proposals, gold);
    })?;
    Ok(score)
}

/// Reads a whole text file, naming it in the error.
fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })
}

/// Visits each article of a brat folder (`text/NAME.txt`,
/// `attributions/NAME_ANNOTATOR.ann`) that has annotations, in name order:
/// its name, its text and every annotator's attributions. One article at a
/// time, so a split of any size is read in little memory.
pub fn for_each_article(dir: &Path, mut visit: impl FnMut(&str, &str, &[Vec<Attribution>])) -> Result<()> {
    let texts = dir.join("text");
    let annotations = dir.join("attributions");
    let names = files_ending(&texts, ".txt")?;
    let ann_files = files_ending(&annotations, ".ann")?;
    for name in names {
        let stem = name.trim_end_matches(".txt");
        let files: Vec<&String> = ann_files
            .iter()
            .filter(|a| a.rsplit_once('_').is_some_and(|(s, _)| s == stem))
            .collect();
        if files.is_empty() {
            continue;
        }
        let text = read_text(&texts.join(&name))?;
        let gold: Vec<Vec<Attribution>> = files
            .iter()
            .map(|f| read_text(&annotations.join(f)).map(|t| read_ann(&t)))
            .collect::<Result<_>>()?;
        visit(&name, &text, &gold);
    }
    Ok(())
}

/// Prints up to `show_errors` of an article's wrong proposals and missed
/// attributions to standard error, for error analysis.
fn print_errors(
    name: &str,
    text: &str,
    gold: &[Vec<Attribution>],
    proposals: &[Proposal],
    show_errors: usize,
) {
    if show_errors == 0 {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    let cut = |spans: &[Span]| {
        spans
            .iter()
            .map(|s| {
                chars[s.start.min(chars.len())..s.end.min(chars.len())]
                    .iter()
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" … ")
    };
    for p in proposals
        .iter()
        .filter(|p| !gold.iter().flatten().any(|g| matches(p, g)))
        .take(show_errors)
    {
        eprintln!(
            "WRONG {name}: [{}] {} | {} | {}",
            p.pattern,
            p.mention.text,
            p.cue.text,
            crate::model::excerpt(&p.content.text, 90)
        );
    }
    for g in gold
        .iter()
        .flatten()
        .filter(|g| g.is_speech() && !proposals.iter().any(|p| matches(p, g)))
        .take(show_errors)
    {
        eprintln!(
            "MISSED {name}: {} | {} | {}",
            cut(&g.source),
            g.cue_text,
            crate::model::excerpt(&cut(&g.content), 90)
        );
    }
}

/// One attribution of a speaker-resolved gold file: where the claim is,
/// and every name its speaker may rightly be given.
#[derive(Debug, Clone)]
pub struct SpeakerGold {
    /// The article, relative to the folder the gold file is scored against.
    pub article: String,
    /// The content's code points.
    pub content: Span,
    /// The speaker's full name and aliases, folded.
    pub names: Vec<String>,
}

/// Reads a speaker-resolved gold file: one attribution per line, tab-separated
/// `article`, content start, content end (code points, end-exclusive) and
/// the speaker's names separated by `|`; `#` starts a comment line. Offsets,
/// not quoted text, so that no article text need be stored with the gold.
pub fn read_speaker_gold(path: &Path, text: &str) -> Result<Vec<SpeakerGold>> {
    let mut gold = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = || format!("{}:{}", path.display(), number + 1);
        let fields: Vec<&str> = line.split('\t').collect();
        let [article, start, end, names] = fields[..] else {
            return Err(Error::invalid(format!(
                "{}: expected 4 tab-separated fields (article, start, end, speaker names), found {}",
                at(),
                fields.len()
            )));
        };
        let offset = |value: &str| {
            value
                .trim()
                .parse::<usize>()
                .map_err(|_| Error::invalid(format!("{}: '{value}' is not a character offset", at())))
        };
        let (start, end) = (offset(start)?, offset(end)?);
        if end <= start {
            return Err(Error::invalid(format!(
                "{}: the content ends ({end}) before it starts ({start})",
                at()
            )));
        }
        let names: Vec<String> = names
            .split('|')
            .map(crate::names::fold_name)
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            return Err(Error::invalid(format!("{}: no speaker name", at())));
        }
        gold.push(SpeakerGold {
            article: article.to_string(),
            content: Span::new(start, end),
            names,
        });
    }
    Ok(gold)
}

/// Whether a proposal states the gold claim and gives it to the right
/// speaker: the contents share at least 30% of the shorter, as above, and
/// the proposal's source is one of the speaker's names.
pub fn matches_speaker(proposal: &Proposal, gold: &SpeakerGold) -> bool {
    let content = [proposal.content.span()];
    let shared = overlap(&content, &[gold.content]);
    let shorter = length(&content).min(gold.content.len()).max(1);
    shared * 10 >= shorter * 3 && gold.names.contains(&crate::names::fold_name(&proposal.source))
}

/// Scores `extract` against a speaker-resolved gold file, reading each
/// article it names under `root`: a proposal is right only when its content
/// and its resolved speaker both are. With `show_errors`, prints that many
/// wrong proposals and missed attributions per article to standard error.
pub fn evaluate_speakers(gold_file: &Path, root: &Path, show_errors: usize) -> Result<Score> {
    let gold = read_speaker_gold(gold_file, &read_text(gold_file)?)?;
    let mut articles: Vec<&str> = gold.iter().map(|g| g.article.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    let mut score = Score::default();
    let known = HashMap::new();
    for article in articles {
        let text = read_text(&root.join(article))?;
        let length = text.chars().count();
        let golds: Vec<&SpeakerGold> = gold.iter().filter(|g| g.article == article).collect();
        if let Some(outside) = golds.iter().find(|g| g.content.end > length) {
            return Err(Error::invalid(format!(
                "{}: the gold claim at {}..{} lies past the end of {article} ({length} characters): is it the same text?",
                gold_file.display(),
                outside.content.start,
                outside.content.end
            )));
        }
        let proposals = super::extract(&text, &known);
        score.articles += 1;
        score.proposed += proposals.len();
        let (mut wrong_shown, mut missed_shown) = (0, 0);
        for p in &proposals {
            let right = golds.iter().any(|g| matches_speaker(p, g));
            score.correct += usize::from(right);
            score.ranked.push((p.confidence, right));
            if !right && wrong_shown < show_errors {
                wrong_shown += 1;
                eprintln!(
                    "WRONG {article}: [{}] {} -> {} | {} | {}",
                    p.pattern,
                    p.mention.text,
                    p.source,
                    p.cue.text,
                    crate::model::excerpt(&p.content.text, 90)
                );
            }
        }
        for g in &golds {
            score.gold += 1;
            if proposals.iter().any(|p| matches_speaker(p, g)) {
                score.found += 1;
            } else if missed_shown < show_errors {
                missed_shown += 1;
                let content: String = text.chars().skip(g.content.start).take(g.content.len()).collect();
                eprintln!(
                    "MISSED {article}: {} | {}",
                    g.names[0],
                    crate::model::excerpt(&content, 90)
                );
            }
        }
    }
    Ok(score)
}
