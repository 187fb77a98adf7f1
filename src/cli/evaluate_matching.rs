//! `claims evaluate-matching --docs TSV --queries TSV --qrels FILE`: scores
//! `claims similar` the way CLEF CheckThat! scores verified-claim
//! retrieval. The verified claims go into a scratch database through the
//! ordinary JSON Lines import (text from the second column, the fact-check's
//! headline from the third as the verdict's note, as ClaimReview imports
//! give it), and every query runs through the same ranking as `claims
//! similar --text`.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use serde::Serialize;

use super::import::{FileFormat, ImportArgs};
use crate::error::{Error, Result};
use crate::matching::evaluate::{Scores, read_qrels, read_tsv, score};
use crate::render::{Output, Record};
use crate::store::matching::{Reach, StatisticsCache, similar_to};
use crate::store::{Access, ClaimFilter, Store};

/// `claims evaluate-matching`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Example (CheckThat! 2020 task 2, dev):\n  claims evaluate-matching --docs ../shared/data/checkthat2020/verified_claims.docs.tsv \\\n    --queries ../shared/data/checkthat2020/dev/tweets.queries.tsv \\\n    --qrels ../shared/data/checkthat2020/dev/tweet-vclaim-pairs.qrels"
)]
pub struct EvaluateMatchingArgs {
    /// The verified claims: TSV with a header, id, claim text, and optionally a title.
    #[arg(long, value_name = "TSV")]
    pub docs: PathBuf,
    /// The queries: TSV with a header, id and text.
    #[arg(long, value_name = "TSV")]
    pub queries: PathBuf,
    /// Which claims each query matches: TREC qrels (query 0 claim relevance).
    #[arg(long, value_name = "FILE")]
    pub qrels: PathBuf,
    /// Print up to N queries whose first match is wrong to stderr, with the right claim's rank.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show_errors: usize,
    #[command(flatten)]
    pub listing: super::Listing,
}

/// The scores, as printed.
#[derive(Debug, Serialize)]
struct Run {
    /// "lexical", or "semantic" with the embeddings fused in.
    tier: &'static str,
    queries: usize,
    claims: usize,
    map_at_1: f64,
    map_at_5: f64,
    mrr: f64,
    recall_at_5: f64,
    ms_per_query: f64,
    /// What embedding the claims cost (semantic tier).
    ms_per_claim_embedded: Option<f64>,
    /// Queries whose first match scores at least the seen-before threshold.
    seen_before: usize,
    /// The share of those whose first match is right.
    seen_before_right: f64,
}

/// How deep each query's ranking goes (MRR counts the first relevant claim
/// within it).
const DEPTH: usize = 100;

pub(super) async fn run(args: EvaluateMatchingArgs, out: &mut Output) -> Result<()> {
    let docs = read_tsv(&args.docs)?;
    let queries = read_tsv(&args.queries)?;
    let relevant = read_qrels(&args.qrels)?;
    let scratch =
        tempfile::tempdir().map_err(|e| Error::Internal(format!("cannot make a scratch folder: {e}")))?;
    let jsonl = scratch.path().join("verified-claims.jsonl");
    write_claims(&jsonl, &docs)?;
    let db = scratch.path().join("scratch.db");
    let mut store = Store::open_as(&db, Access::Write, std::time::Duration::from_secs(30)).await?;
    super::import::import_quietly(
        ImportArgs {
            paths: vec![jsonl],
            format: Some(FileFormat::Jsonl),
            status_map: None,
            skip_bad: false,
            allow_orphans: false,
            ours: false,
            theirs: false,
            acting: super::Acting::default(),
        },
        &mut store,
        "evaluate-matching",
    )
    .await?;
    // The semantic tier embeds every claim first, as `claims embed` would.
    let mut embedding = None;
    if let Some(embedder) = crate::matching::semantic::embedder() {
        let started = Instant::now();
        let done = store.embed_claims(embedder).await?;
        embedding = Some(started.elapsed().as_secs_f64() * 1000.0 / done.embedded.max(1) as f64);
    }
    // The scratch import's deferral is this command's own business.
    crate::matching::semantic::take_deferred();
    let filter = ClaimFilter::default();
    let started = Instant::now();
    let mut rankings: Vec<(String, Vec<String>)> = Vec::with_capacity(queries.len());
    let mut first_scores: Vec<Option<f64>> = Vec::with_capacity(queries.len());
    // The scratch database does not change while the queries run.
    let mut cache = StatisticsCache::default();
    for query in &queries {
        let text = query.columns.join(" ");
        let found = similar_to(
            &mut store,
            &mut cache,
            &text,
            |_| false,
            &filter,
            DEPTH,
            Reach::WordsAndMeaning,
        )
        .await?;
        let ranked: Vec<String> = found
            .iter()
            .filter_map(|s| {
                s.claim
                    .origin
                    .as_deref()
                    .and_then(|o| o.strip_prefix(ORIGIN))
                    .map(str::to_string)
            })
            .collect();
        first_scores.push(found.first().map(|s| s.score));
        rankings.push((query.id.clone(), ranked));
    }
    let elapsed = started.elapsed();
    store.close().await?;
    if args.show_errors > 0 {
        show_errors(&rankings, &relevant, &docs, &queries, args.show_errors);
    }
    let scores: Scores = score(&rankings, &relevant);
    let flagged: Vec<bool> = rankings
        .iter()
        .zip(&first_scores)
        .filter(|(_, first)| first.is_some_and(|s| s >= crate::matching::seen_before_threshold()))
        .map(|((query, ranked), _)| {
            ranked
                .first()
                .is_some_and(|d| relevant.get(query).is_some_and(|r| r.contains(d)))
        })
        .collect();
    let run = Run {
        tier: if embedding.is_some() {
            "semantic"
        } else {
            "lexical"
        },
        queries: scores.queries,
        claims: docs.len(),
        map_at_1: round(scores.map1),
        map_at_5: round(scores.map5),
        mrr: round(scores.mrr),
        recall_at_5: round(scores.recall5),
        ms_per_query: (elapsed.as_secs_f64() * 1000.0 / queries.len().max(1) as f64 * 10.0).round() / 10.0,
        ms_per_claim_embedded: embedding.map(|ms| (ms * 100.0).round() / 100.0),
        seen_before: flagged.len(),
        seen_before_right: round(flagged.iter().filter(|r| **r).count() as f64 / flagged.len().max(1) as f64),
    };
    out.records(&[run])
}

/// Where a verified claim came from: its row id in the docs TSV.
const ORIGIN: &str = "checkthat:";

/// The verified claims as claimtrack's JSON Lines.
fn write_claims(path: &std::path::Path, docs: &[crate::matching::evaluate::Row]) -> Result<()> {
    let file = std::fs::File::create(path)
        .map_err(|e| Error::Internal(format!("cannot write {}: {e}", path.display())))?;
    let mut writer = std::io::BufWriter::new(file);
    for doc in docs {
        let text = doc.columns.first().map(|t| t.trim()).unwrap_or("");
        let mut row = serde_json::json!({
            "source": "verified claims",
            "source_kind": "organization",
            "text": if text.is_empty() { doc.columns.join(" ") } else { text.to_string() },
            "status": "unverified",
            "origin": format!("{ORIGIN}{}", doc.id),
        });
        if let Some(title) = doc.columns.get(1).filter(|t| !t.trim().is_empty()) {
            row["note"] = serde_json::json!(title.trim());
        }
        writeln!(writer, "{row}")
            .map_err(|e| Error::Internal(format!("cannot write {}: {e}", path.display())))?;
    }
    writer
        .flush()
        .map_err(|e| Error::Internal(format!("cannot write {}: {e}", path.display())))
}

fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// The queries whose first match is not relevant, with the right claim's rank.
fn show_errors(
    rankings: &[(String, Vec<String>)],
    relevant: &HashMap<String, std::collections::HashSet<String>>,
    docs: &[crate::matching::evaluate::Row],
    queries: &[crate::matching::evaluate::Row],
    limit: usize,
) {
    let text_of = |rows: &[crate::matching::evaluate::Row], id: &str| {
        rows.iter()
            .find(|r| r.id == id)
            .map(|r| r.columns.join(" | ").chars().take(160).collect::<String>())
            .unwrap_or_default()
    };
    let mut shown = 0;
    for (query, ranked) in rankings {
        let Some(wanted) = relevant.get(query) else {
            continue;
        };
        if ranked.first().is_some_and(|d| wanted.contains(d)) || shown >= limit {
            continue;
        }
        shown += 1;
        let rank = ranked
            .iter()
            .position(|d| wanted.contains(d))
            .map_or("-".to_string(), |r| (r + 1).to_string());
        eprintln!(
            "query {query} (right claim at rank {rank}): {}",
            text_of(queries, query)
        );
        for id in wanted {
            eprintln!("    right: {}", text_of(docs, id));
        }
        if let Some(first) = ranked.first() {
            eprintln!("    first: {}", text_of(docs, first));
        }
    }
}

impl Record for Run {
    const HEADERS: &'static [&'static str] = &[
        "Tier",
        "Queries",
        "Claims",
        "MAP@1",
        "MAP@5",
        "MRR",
        "Recall@5",
        "ms per query",
        "ms per claim embedded",
        "Seen before",
        "of which right",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.tier.to_string(),
            self.queries.to_string(),
            self.claims.to_string(),
            format!("{:.3}", self.map_at_1),
            format!("{:.3}", self.map_at_5),
            format!("{:.3}", self.mrr),
            format!("{:.3}", self.recall_at_5),
            format!("{:.1}", self.ms_per_query),
            self.ms_per_claim_embedded
                .map(|ms| format!("{ms:.2}"))
                .unwrap_or_default(),
            self.seen_before.to_string(),
            format!("{:.3}", self.seen_before_right),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "tier",
        "queries",
        "claims",
        "map_at_1",
        "map_at_5",
        "mrr",
        "recall_at_5",
        "ms_per_query",
        "ms_per_claim_embedded",
        "seen_before",
        "seen_before_right",
    ];
    fn csv_cells(&self) -> Vec<String> {
        self.cells()
    }
}
