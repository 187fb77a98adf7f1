//! `claims publish DIR --base-url URL`: the verdicts as a static site
//! (see `docs/publish.md`). The record is read in one snapshot; then each
//! page is written as it is built, only if its bytes changed, through a
//! temporary file renamed over the old one, so a reader never sees half a
//! page and a publish that stops midway leaves whole pages.

use std::collections::HashSet;
use std::path::PathBuf;

use clap::Args;

use super::Context;
use super::list::FilterArgs;
use crate::error::{Error, Result};
use crate::publish::{self, Options, Record};
use crate::render::Output;
use crate::store::postgres::TeamDatabase;
use crate::store::publishing::Publishing;
use crate::store::{ClaimFilter, OperationFilter};

/// `claims publish`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Publishes every claim with a verdict (any status but unverified) that is not withdrawn; a withdrawn claim that had a verdict keeps a page saying so and why. Republishing rewrites only the files whose content changed.\n\nExamples:\n  claims publish site/ --base-url https://checks.example.org/ --publisher \"Example Desk\"\n  claims publish site/ --base-url https://checks.example.org/ --tag russia --no-notes"
)]
pub struct PublishArgs {
    /// The folder to write the site into: new, empty, or holding an earlier publish.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Where the site will be served from (every page's canonical URL and ClaimReview url start with it).
    #[arg(long, value_name = "URL", value_parser = base_url)]
    pub base_url: String,
    /// The fact-checking organization the site speaks for [default: the base URL's host].
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,
    /// Leave the verdicts' notes out (internal reasoning); the verdicts, ratings and evidence stay.
    #[arg(long)]
    pub no_notes: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// A base URL: a URL, ending in `/` (one is added).
fn base_url(given: &str) -> std::result::Result<String, String> {
    let url = super::url(given)?;
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(format!(
            "'{given}' is not a web address (expected https://... or http://...)"
        ));
    }
    Ok(if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    })
}

pub(super) async fn run(args: PublishArgs, ctx: &mut Context) -> Result<()> {
    let record = ctx.store.read(async |store| gather(&args, store).await).await?;
    finish(args, &record, &mut ctx.out)
}

/// `claims publish` from a team database on PostgreSQL: the same site.
pub(super) async fn run_on_postgres(args: PublishArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let record = database.snapshot(async |d| gather(&args, d).await).await;
    database.close().await?;
    finish(args, &record?, out)
}

/// Everything the site shows, from one snapshot of either backend.
async fn gather(args: &PublishArgs, store: &mut impl Publishing) -> Result<Record> {
    let mut filter = args.filters.resolve(store).await?;
    // Withdrawn claims get tombstones, not pages: never among the selected.
    filter.include_withdrawn = false;
    let mut rows = Vec::new();
    let withdrawn = if filter == ClaimFilter::default() {
        // Everything: no claim query to select with (a third of the time
        // of publishing LIAR went to two of them).
        store
            .each_row(|row| {
                rows.push(row.clone());
                Ok(())
            })
            .await?;
        store.withdrawn_claims().await?
    } else {
        let selected: HashSet<i64> = store.claims(&filter).await?.iter().map(|c| c.key).collect();
        let mut everything = filter.clone();
        everything.include_withdrawn = true;
        let withdrawn = store
            .claims(&everything)
            .await?
            .into_iter()
            .filter(|c| !selected.contains(&c.key))
            .collect();
        store
            .each_row(|row| {
                if selected.contains(&row.key) {
                    rows.push(row.clone());
                }
                Ok(())
            })
            .await?;
        withdrawn
    };
    Ok(Record {
        rows,
        withdrawn,
        events: store.every_event().await?,
        links: store.every_link().await?,
        sources: store.all_sources().await?,
        articles: store.all_articles().await?,
        operations: store.journal(&OperationFilter::default()).await?,
    })
}

fn finish(args: PublishArgs, record: &Record, out: &mut Output) -> Result<()> {
    let publisher = match args.publisher.as_deref().map(str::trim) {
        Some("") => return Err(Error::invalid("--publisher cannot be empty")),
        Some(name) => name.to_string(),
        None => host(&args.base_url),
    };
    let options = Options {
        base_url: args.base_url,
        publisher,
        notes: !args.no_notes,
    };
    let mut writer = publish::SiteWriter::open(&args.dir)?;
    let site = match publish::build(record, &options, &mut writer) {
        Ok(site) => site,
        Err(error) => {
            let _ = writer.abandon();
            return Err(error);
        }
    };
    let written = writer.finish()?;
    out.line(format!(
        "published {} claim{} ({} speaker{}, {} withdrawn) to {}: {} file{} written, {} unchanged, {} removed",
        site.claims,
        plural(site.claims),
        site.speakers,
        plural(site.speakers),
        site.tombstones,
        args.dir.display(),
        written.written,
        plural(written.written),
        written.unchanged,
        written.removed
    ));
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The host of a URL (`https://checks.example.org/x/` gives
/// `checks.example.org`).
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest).to_string()
}
