//! `claims extract FILE|-`: propose the attributed claims of an article,
//! as a table, JSON, a claim-file draft to review, or straight into the
//! database. `claims evaluate DIR` scores the extractor on annotated text.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use clap::Args;

use super::{day, url};
use crate::claimfile;
use crate::error::{Error, Result};
use crate::extract::{self, Proposal};
use crate::import::{self, ImportOptions};
use crate::model::Day;
use crate::render::{Format, Output, Record};
use crate::replace::Replacement;
use crate::store::Store;

/// `claims extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The article's text, UTF-8; `-` reads standard input.
    pub file: PathBuf,
    /// Replace invalid UTF-8 instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// The article's URL (needed for --draft and --import).
    #[arg(long, value_parser = url)]
    pub url: Option<String>,
    /// The article's title [default: its first line].
    #[arg(long)]
    pub title: Option<String>,
    /// Who published it.
    #[arg(long)]
    pub publisher: Option<String>,
    /// When it was published (YYYY-MM-DD).
    #[arg(long, value_parser = day)]
    pub published: Option<Day>,
    /// Write a claim file to review and `claims import` (statuses unverified, the text as snapshot).
    #[arg(long, value_name = "PATH")]
    pub draft: Option<PathBuf>,
    /// Replace an existing --draft file (which may hold a reviewer's edits).
    #[arg(long, requires = "draft")]
    pub force: bool,
    /// Only proposals at least this sure (0 to 1; see docs/extract.md for what confidence means).
    #[arg(long, value_name = "P", value_parser = probability)]
    pub min_confidence: Option<f64>,
    /// Import the proposals straight into the database.
    #[arg(long)]
    pub import: bool,
    #[command(flatten)]
    pub acting: super::Acting,
    #[command(flatten)]
    pub listing: super::Listing,
}

/// `claims evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// A folder in brat-standoff layout: text/NAME.txt and attributions/NAME_ANNOTATOR.ann (PolNeAR's); with --speakers, the folder the gold file's article paths are under.
    pub dir: PathBuf,
    /// Score speakers too: a gold file of claims (article, content offsets, speaker's names); a proposal is right only with the right speaker.
    #[arg(long, value_name = "GOLD")]
    pub speakers: Option<PathBuf>,
    /// Print up to N wrong proposals and N missed attributions per article to stderr.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show_errors: usize,
    #[command(flatten)]
    pub listing: super::Listing,
}

/// Runs `extract`; `store` is the database when one was named (or when
/// importing), whose sources and aliases then resolve speakers.
pub(super) async fn run(
    args: ExtractArgs,
    store: Option<Store>,
    out: &mut Output,
    actor: &str,
) -> Result<()> {
    if let Some(path) = &args.draft
        && path.exists()
        && !args.force
    {
        return Err(Error::invalid(format!(
            "{} already exists (a draft may hold a reviewer's edits); --force replaces it",
            path.display()
        )));
    }
    let text = read_input(&args.file, args.lossy)?;
    let mut store = store;
    let known = match store.as_mut() {
        Some(store) => store.source_names().await?,
        None => HashMap::new(),
    };
    let mut proposals = extract::extract(&text, &known);
    if let Some(least) = args.min_confidence {
        proposals.retain(|p| p.confidence >= least);
    }
    // Each proposal already in the database, reworded or not, with its
    // verdict: a checker does not research it twice.
    let seen = match store.as_mut() {
        Some(store) => {
            store
                .read(async |store| seen_before(store, &proposals).await)
                .await?
        }
        None => HashMap::new(),
    };
    if args.draft.is_none() && !args.import {
        for line in seen.values() {
            eprintln!("claims: {}", crate::render::inert(line));
        }
    }
    if args.draft.is_some() || args.import {
        let Some(url) = &args.url else {
            return Err(Error::invalid("--draft and --import need the article's --url"));
        };
        let draft = draft_file(&args, url, &text, &proposals, &seen);
        if let Some(path) = &args.draft {
            let protected = store.as_ref().map(Store::files).unwrap_or_default();
            let mut replacement = Replacement::new(path, &protected)?;
            replacement.write_all(draft.as_bytes())?;
            replacement.finish()?;
            eprintln!(
                "claims: wrote {} proposals to {}",
                proposals.len(),
                path.display()
            );
        }
        if args.import {
            let store = store
                .as_mut()
                .ok_or_else(|| Error::invalid("--import needs a database"))?;
            let path = args.draft.clone().unwrap_or_else(|| PathBuf::from("<extracted>"));
            let file = claimfile::parse(&path, &draft).map_err(Error::Files)?;
            let options = ImportOptions {
                actor: actor.to_string(),
                allow_orphans: true,
                ..ImportOptions::default()
            };
            let summary = store
                .write(async |s| import::import(s, vec![file], &options).await)
                .await?;
            super::say_seen_before(&store.take_seen_before());
            eprintln!(
                "claims: imported {} claims ({} already there)",
                summary.claims.added, summary.claims.unchanged
            );
        }
    }
    match out.format {
        Format::Json => out.json(&proposals),
        _ => out.records(&proposals),
    }
}

/// Runs `evaluate`.
pub(super) fn evaluate(args: EvaluateArgs, ctx_out: &mut Output) -> Result<()> {
    let score = match &args.speakers {
        Some(gold) => extract::evaluate::evaluate_speakers(gold, &args.dir, args.show_errors)?,
        None => extract::evaluate::evaluate_dir(&args.dir, args.show_errors)?,
    };
    match ctx_out.format {
        Format::Json => ctx_out.json(&serde_json::json!({
            "articles": score.articles, "proposed": score.proposed, "correct": score.correct,
            "gold": score.gold, "found": score.found,
            "precision": score.precision(), "recall": score.recall(), "f1": score.f1(),
            "confidence_auc": score.auc(),
            "at_confidence_0_9": {"proposals": score.at_confidence(0.9).0, "precision": score.at_confidence(0.9).1},
        })),
        _ => {
            ctx_out.line(format!(
                "{} articles: {} proposals, {} correct; {} gold attributions, {} found",
                score.articles, score.proposed, score.correct, score.gold, score.found
            ));
            ctx_out.line(format!(
                "precision {:.3}  recall {:.3}  F1 {:.3}",
                score.precision(),
                score.recall(),
                score.f1()
            ));
            let (kept, right) = score.at_confidence(0.9);
            let auc = score.auc().map_or_else(
                || "n/a (no wrong proposals, or no right ones)".to_string(),
                |auc| format!("{auc:.3}"),
            );
            ctx_out.line(format!(
                "confidence: ROC AUC {auc}; at 0.9 or more, {kept} proposals, {right:.3} right"
            ));
            Ok(())
        }
    }
}

/// Parses a probability: a number from 0 to 1.
fn probability(given: &str) -> std::result::Result<f64, String> {
    given
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|p| (0.0..=1.0).contains(p))
        .ok_or_else(|| format!("'{given}' is not a confidence between 0 and 1"))
}

fn read_input(file: &std::path::Path, lossy: bool) -> Result<String> {
    let mut bytes = Vec::new();
    if file.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(file).map_err(|source| Error::ReadFile {
            path: file.to_path_buf(),
            source,
        })?;
    }
    super::decode_utf8(bytes, file, lossy).map_err(|e| match e {
        Error::Invalid(message) => Error::invalid(format!("{message} (pass --lossy to replace it)")),
        other => other,
    })
}

/// The proposals that match a claim of the database from the seen-before
/// score up: "seen before: ID by SOURCE, STATUS, score S: TEXT", by the
/// proposal's text.
async fn seen_before(store: &mut Store, proposals: &[Proposal]) -> Result<HashMap<String, String>> {
    let filter = crate::store::ClaimFilter::default();
    let mut seen = HashMap::new();
    let mut cache = crate::store::matching::StatisticsCache::default();
    for proposal in proposals {
        let text = &proposal.content.text;
        if seen.contains_key(text) {
            continue;
        }
        let best = crate::store::matching::similar_to(
            store,
            &mut cache,
            text,
            |_| false,
            &filter,
            1,
            crate::store::matching::Reach::Words,
        )
        .await?;
        if let Some(best) = best
            .into_iter()
            .next()
            .filter(|b| b.score >= crate::matching::seen_before_threshold())
        {
            let line = super::seen_before_line(&crate::store::SeenBefore {
                text: text.clone(),
                earlier: best,
            });
            seen.insert(text.clone(), line);
        }
    }
    Ok(seen)
}

/// A claim file of the proposals, for a person to review and import; each
/// claim seen before says so in a comment.
fn draft_file(
    args: &ExtractArgs,
    url: &str,
    text: &str,
    proposals: &[Proposal],
    seen_before: &HashMap<String, String>,
) -> String {
    use crate::claimfile::quoted;
    let title = args.title.clone().unwrap_or_else(|| {
        text.lines()
            .map(str::trim)
            .find(|l| l.len() > 20)
            .unwrap_or("Untitled")
            .to_string()
    });
    let mut out = String::from(
        "# Drafted by `claims extract`: review every claim, then `claims import` this file.\n\n[article]\n",
    );
    out.push_str(&format!("url = {}\ntitle = {}\n", quoted(url), quoted(&title)));
    if let Some(publisher) = &args.publisher {
        out.push_str(&format!("publisher = {}\n", quoted(publisher)));
    }
    if let Some(day) = args.published {
        out.push_str(&format!("published = {day}\n"));
    }
    out.push_str(&format!("body = {}\n", crate::claimfile::multiline(text)));
    let mut sources: Vec<&Proposal> = proposals.iter().collect();
    sources.sort_by_key(|p| p.source.to_lowercase());
    sources.dedup_by_key(|p| p.source.to_lowercase());
    for proposal in sources {
        let source = &proposal.source;
        // Guesses for the reviewer to correct: the kind from the name's
        // shape, the description from the role the article gives.
        out.push_str(&format!(
            "\n[[sources]]\nname = {}\nkind = \"{}\"\n",
            quoted(source),
            extract::guess_kind(source)
        ));
        let role = proposals
            .iter()
            .filter(|p| p.source.eq_ignore_ascii_case(source))
            .find_map(|p| p.role.as_deref());
        if let Some(role) = role {
            out.push_str(&format!("description = {}\n", quoted(role)));
        }
    }
    // The doubtful first, where a reviewer's attention is fresh; in text
    // order among equals.
    let mut ordered: Vec<&Proposal> = proposals.iter().collect();
    ordered.sort_by(|a, b| {
        a.confidence
            .total_cmp(&b.confidence)
            .then(a.content.start.cmp(&b.content.start))
    });
    let mut seen = std::collections::HashSet::new();
    for p in ordered {
        if !seen.insert((p.source.to_lowercase(), p.content.text.clone())) {
            continue;
        }
        // Review aids, as comments: the sentence, what the rule read, and
        // how sure it is.
        let sentence: String = text
            .chars()
            .skip(p.sentence.start)
            .take(p.sentence.len())
            .collect();
        out.push_str(&format!(
            "\n# {}\n# \"{} {}\": confidence {:.2} (rule {})\n",
            crate::model::excerpt(&crate::render::inert(&sentence).replace('\n', " "), 300),
            crate::render::inert(&p.mention.text).replace('\n', " "),
            crate::render::inert(&p.cue.text).replace('\n', " "),
            p.confidence,
            p.pattern,
        ));
        if let Some(line) = seen_before.get(&p.content.text) {
            out.push_str(&format!("# {}\n", crate::render::inert(line).replace('\n', " ")));
        }
        out.push_str(&format!(
            "[[claims]]\nby = {}\ntext = {}\n",
            quoted(&p.source),
            quoted(&p.content.text)
        ));
        if let Some(quote) = &p.quote {
            out.push_str(&format!("quote = {}\n", quoted(quote)));
        }
        // Said when the article was published, unless a reviewer knows
        // better: a claim without a day falls out of every --since.
        if let Some(day) = args.published {
            out.push_str(&format!("said_on = {day}\n"));
        }
        out.push_str("status = \"unverified\"\n");
    }
    out
}

impl Record for Proposal {
    const HEADERS: &'static [&'static str] = &["Source", "Cue", "Claim", "Confidence"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.source.clone(),
            self.cue.text.clone(),
            self.content.text.clone(),
            format!("{:.2}", self.confidence),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "source",
        "mention",
        "mention_start",
        "mention_end",
        "cue",
        "content",
        "content_start",
        "content_end",
        "quote",
        "confidence",
        "pattern",
        "role",
        "sentence_start",
        "sentence_end",
    ];
    fn csv_cells(&self) -> Vec<String> {
        vec![
            self.source.clone(),
            self.mention.text.clone(),
            self.mention.start.to_string(),
            self.mention.end.to_string(),
            self.cue.text.clone(),
            self.content.text.clone(),
            self.content.start.to_string(),
            self.content.end.to_string(),
            self.quote.clone().unwrap_or_default(),
            format!("{:.2}", self.confidence),
            self.pattern.to_string(),
            self.role.clone().unwrap_or_default(),
            self.sentence.start.to_string(),
            self.sentence.end.to_string(),
        ]
    }
}
