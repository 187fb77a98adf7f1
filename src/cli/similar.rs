//! `claims similar ID | --text TEXT`: the claims most like a claim or a
//! text, best first, with a score, their speaker and verdict. The answer to
//! "has this been checked before?".

use clap::Args;
use serde::Serialize;

use super::Context;
use super::list::FilterArgs;
use crate::error::{Error, Result};
use crate::matching;
use crate::model::{Claim, short_id};
use crate::render::{Output, Record, or_empty};
use crate::store::matching::{Matching, Reach, Similar, StatisticsCache, similar_to};
use crate::store::postgres::TeamDatabase;
use crate::store::reading::Reading;

/// `claims similar`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims similar 6267f8a0\n  claims similar --text 'The CIA tipped off Russia about a terror plot' --limit 5\n  claims similar 6267 --status refuted,confirmed --format json"
)]
pub struct SimilarArgs {
    /// The claim to find others like: full UUID or short id.
    #[arg(value_name = "ID", required_unless_present = "text", conflicts_with = "text")]
    pub id: Option<String>,
    /// Find the claims like this text instead (a claim you are about to check).
    #[arg(long, value_name = "TEXT", value_parser = super::text)]
    pub text: Option<String>,
    /// Print at most this many.
    #[arg(long, value_name = "K", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub limit: u32,
    /// Only those scoring at least this (0 to 1; add and import call 0.4 and up seen before).
    #[arg(long, value_name = "SCORE", value_parser = score)]
    pub min_score: Option<f64>,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub listing: super::Listing,
}

/// A claim found, as printed.
#[derive(Debug, Serialize)]
pub(super) struct Found {
    /// How alike, 0 to 1, three decimals.
    score: f64,
    #[serde(flatten)]
    claim: Claim,
}

impl From<Similar> for Found {
    fn from(similar: Similar) -> Found {
        Found {
            score: (similar.score * 1000.0).round() / 1000.0,
            claim: similar.claim,
        }
    }
}

pub(super) async fn run(args: SimilarArgs, ctx: &mut Context) -> Result<()> {
    let found = ctx.store.read(async |store| similar(&args, store).await).await?;
    ctx.out.records(&found)
}

/// `claims similar` on a team database: the same ranking.
pub(super) async fn run_on_postgres(args: SimilarArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let found = database.snapshot(async |d| similar(&args, d).await).await;
    database.close().await?;
    out.records(&found?)
}

/// The claims `args` asks for, from either backend.
async fn similar(args: &SimilarArgs, store: &mut (impl Reading + Matching)) -> Result<Vec<Found>> {
    let filter = args.filters.resolve(store).await?;
    let (text, asked) = match (&args.id, &args.text) {
        (_, Some(text)) => (text.clone(), None),
        (Some(id), None) => {
            let claim = store.claim_named(id).await?;
            let text = match store.claimed_text_of(claim.key).await? {
                Some(text) => text,
                None => claim.text.clone(),
            };
            (text, Some(claim.key))
        }
        (None, None) => return Err(Error::invalid("name a claim (ID) or give --text TEXT")),
    };
    if matching::normalize(&text).chars().count() < 3 {
        return Err(Error::invalid(format!(
            "'{text}' is too short to compare: give a few words of the claim"
        )));
    }
    let min = args.min_score.unwrap_or(0.0);
    let found = similar_to(
        store,
        &mut StatisticsCache::default(),
        &text,
        |key| Some(key) == asked,
        &filter,
        args.limit as usize,
        Reach::WordsAndMeaning,
    )
    .await?;
    Ok(found
        .into_iter()
        .filter(|s| s.score >= min)
        .map(Found::from)
        .collect())
}

/// Checks a score flag: a number from 0 to 1.
pub(super) fn score(given: &str) -> std::result::Result<f64, String> {
    match given.trim().parse::<f64>() {
        Ok(score) if (0.0..=1.0).contains(&score) => Ok(score),
        _ => Err(format!("'{given}' is not a score from 0 to 1")),
    }
}

impl Record for Found {
    const HEADERS: &'static [&'static str] = &["Score", "Id", "Source", "Status", "Said on", "Claim"];
    fn cells(&self) -> Vec<String> {
        let claim = &self.claim;
        let status = match &claim.rating {
            Some(rating) => format!("{} ({rating})", claim.status),
            None => claim.status.to_string(),
        };
        vec![
            format!("{:.2}", self.score),
            short_id(&claim.id),
            claim.source.clone(),
            status,
            or_empty(&claim.said_on),
            claim.text.clone(),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] =
        &["score", "id", "source", "status", "rating", "said_on", "text"];
    fn csv_cells(&self) -> Vec<String> {
        let claim = &self.claim;
        vec![
            format!("{:.3}", self.score),
            claim.id.to_string(),
            claim.source.clone(),
            claim.status.to_string(),
            or_empty(&claim.rating),
            or_empty(&claim.said_on),
            claim.text.clone(),
        ]
    }
}
