//! `claims dedupe [--min-score S] [--apply]`: likely repeats across the
//! database, each later claim with the earlier one it most resembles, for
//! review; `--apply` records each pair as a `repeats` link in the journal,
//! in one write.

use clap::Args;
use serde::Serialize;

use super::list::FilterArgs;
use super::{Acting, Context};
use crate::error::Result;
use crate::model::{Claim, Relation, short_id};
use crate::render::{Output, Record};
use crate::store::ClaimFilter;
use crate::store::correcting::Correcting;
use crate::store::matching::{Matching, Reach, StatisticsCache, similar_to};
use crate::store::postgres::TeamDatabase;
use crate::store::reading::Reading;

/// `claims dedupe`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Each claim the filters select is compared with the claims logged before it (a few milliseconds each: narrow a large database with --since or --by). Pairs already linked in any way are left out. A denial reads like the claim it denies: review before --apply.\n\nExamples:\n  claims dedupe\n  claims dedupe --since 2017-12-01 --min-score 0.6\n  claims dedupe --min-score 0.7 --apply    # record each pair as 'LATER repeats EARLIER'"
)]
pub struct DedupeArgs {
    /// Pairs scoring at least this (0 to 1) [default: 0.6].
    #[arg(long, value_name = "SCORE", value_parser = super::similar::score)]
    pub min_score: Option<f64>,
    /// Record each pair as a `repeats` link (later repeats earlier), in the journal.
    #[arg(long)]
    pub apply: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub acting: Acting,
    #[command(flatten)]
    pub listing: super::Listing,
}

/// A claim that repeats an earlier one, as printed.
#[derive(Debug, Serialize)]
struct Repeat {
    score: f64,
    later: Claim,
    earlier: Claim,
    /// Whether `--apply` recorded the link now (false: it was already there).
    #[serde(skip_serializing_if = "Option::is_none")]
    linked: Option<bool>,
}

/// The score from which two claims are listed as a likely repeat: well
/// above "seen before", since a pair listed for the whole database is a
/// proposal to link them.
const DEFAULT_MIN_SCORE: f64 = 0.6;

pub(super) async fn run(args: DedupeArgs, ctx: &mut Context) -> Result<()> {
    let actor = ctx.actor.clone();
    let mut repeats = ctx.store.read(async |store| find(&args, store).await).await?;
    if args.apply && !repeats.is_empty() {
        ctx.store
            .write(async |store| apply(&mut repeats, store, &actor).await)
            .await?;
    }
    ctx.out.records(&repeats)
}

/// `claims dedupe` on a team database (`--apply` needs an editor's rights).
pub(super) async fn run_on_postgres(args: DedupeArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let found = database.snapshot(async |d| find(&args, d).await).await;
    let mut repeats = match found {
        Ok(repeats) => repeats,
        Err(error) => {
            database.close().await?;
            return Err(error);
        }
    };
    if args.apply && !repeats.is_empty() {
        let applied = database.write(async |d| apply(&mut repeats, d, "").await).await;
        if let Err(error) = applied {
            database.close().await?;
            return Err(error);
        }
    }
    database.close().await?;
    out.records(&repeats)
}

/// Every claim the filters select, with the earlier claim it most resembles
/// from the minimum score up; best pairs first.
async fn find(args: &DedupeArgs, store: &mut (impl Reading + Matching)) -> Result<Vec<Repeat>> {
    let filter = args.filters.resolve(store).await?;
    let min = args.min_score.unwrap_or(DEFAULT_MIN_SCORE);
    let mut claims = store.claims(&filter).await?;
    claims.sort_by_key(|c| c.key);
    let everything = ClaimFilter::default();
    let mut repeats = Vec::new();
    // `find` reads one snapshot: the statistics stay as first read.
    let mut cache = StatisticsCache::default();
    for claim in claims {
        let Some(text) = store.claimed_text_of(claim.key).await? else {
            continue;
        };
        let key = claim.key;
        let best = similar_to(
            store,
            &mut cache,
            &text,
            |other| other >= key,
            &everything,
            1,
            Reach::Words,
        )
        .await?;
        if let Some(best) = best.into_iter().next().filter(|b| b.score >= min) {
            // A pair already linked (repeats, denies, contradicts ...) has
            // been reviewed: a denial reads like its claim, word for word.
            let linked = store.links(key).await?;
            if linked
                .iter()
                .any(|l| l.from_id == best.claim.id || l.to_id == best.claim.id)
            {
                continue;
            }
            repeats.push(Repeat {
                score: (best.score * 1000.0).round() / 1000.0,
                later: claim,
                earlier: best.claim,
                linked: None,
            });
        }
    }
    repeats.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.later.key.cmp(&b.later.key)));
    Ok(repeats)
}

/// Records each pair as "later repeats earlier", inside the caller's write.
async fn apply(repeats: &mut [Repeat], store: &mut impl Correcting, actor: &str) -> Result<()> {
    for repeat in repeats.iter_mut() {
        let later = store.claim_to_mark(&repeat.later.id.to_string()).await?;
        let earlier = store.claim_to_mark(&repeat.earlier.id.to_string()).await?;
        repeat.linked = Some(store.add_link(&later, Relation::Repeats, &earlier, actor).await?);
    }
    Ok(())
}

impl Record for Repeat {
    const HEADERS: &'static [&'static str] = &[
        "Score",
        "Claim",
        "Source",
        "Repeats",
        "Source ",
        "Status",
        "Earlier claim",
    ];
    fn cells(&self) -> Vec<String> {
        let status = match &self.earlier.rating {
            Some(rating) => format!("{} ({rating})", self.earlier.status),
            None => self.earlier.status.to_string(),
        };
        let mut earlier = short_id(&self.earlier.id);
        match self.linked {
            Some(true) => earlier.push_str(" (linked now)"),
            Some(false) => earlier.push_str(" (already linked)"),
            None => {}
        }
        vec![
            format!("{:.2}", self.score),
            format!("{} {}", short_id(&self.later.id), self.later.text),
            self.later.source.clone(),
            earlier,
            self.earlier.source.clone(),
            status,
            self.earlier.text.clone(),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "score",
        "claim_id",
        "claim_source",
        "claim_text",
        "earlier_id",
        "earlier_source",
        "earlier_status",
        "earlier_rating",
        "earlier_text",
        "linked",
    ];
    fn csv_cells(&self) -> Vec<String> {
        vec![
            format!("{:.3}", self.score),
            self.later.id.to_string(),
            self.later.source.clone(),
            self.later.text.clone(),
            self.earlier.id.to_string(),
            self.earlier.source.clone(),
            self.earlier.status.to_string(),
            self.earlier.rating.clone().unwrap_or_default(),
            self.earlier.text.clone(),
            self.linked.map(|l| l.to_string()).unwrap_or_default(),
        ]
    }
}
