//! `claims list`: the claims that pass a set of filters. The filters are
//! shared with `claims report`.

use clap::Args;

use super::{Context, day, tag};
use crate::error::Result;
use crate::model::{Claim, Day, Status, short_id};
use crate::render::{Output, Record, or_empty};
use crate::store::ClaimFilter;
use crate::store::postgres::TeamDatabase;
use crate::store::reading::Reading;

/// Filters over claims, shared by `list` and `report`.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only claims by this source (name or alias).
    #[arg(long, value_name = "SOURCE")]
    pub by: Option<String>,
    /// Only claims with this status; repeatable, or comma-separated.
    #[arg(long = "status", value_delimiter = ',', value_name = "STATUS")]
    pub statuses: Vec<Status>,
    /// Only claims from this article (URL, full UUID or short id).
    #[arg(long, value_name = "URL|ID")]
    pub article: Option<String>,
    /// Only claims with this tag.
    #[arg(long, value_parser = tag, value_name = "TAG")]
    pub tag: Option<String>,
    /// Only claims made on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub since: Option<Day>,
    /// Only claims made on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub until: Option<Day>,
    /// Only claims found by this full-text search over text, quote, notes, source names and aliases, and tags: words in any order, "a phrase", prefix*, a OR b, -word (see docs/matching.md).
    #[arg(long, value_name = "QUERY")]
    pub search: Option<String>,
    /// Also claims withdrawn as logged by mistake (`claims withdraw`).
    #[arg(long)]
    pub include_withdrawn: bool,
}

/// A point in time to look back at, shared by `list` and `report`: the
/// verdicts in effect on a day, and what the database knew by a day.
#[derive(Debug, Args, Default, Clone, Copy)]
pub struct PointInTime {
    /// Statuses in effect on this day: verdicts that took effect by then (see `mark --on`); claims said later are left out.
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub as_of: Option<Day>,
    /// Only what the database knew at the end of this day (UTC): verdicts and claims recorded later are left out.
    #[arg(long, value_parser = day, value_name = "DATE")]
    pub as_known_on: Option<Day>,
}

impl PointInTime {
    /// Sets the filter's point in time.
    pub(super) fn apply(self, filter: &mut ClaimFilter) {
        filter.as_of = self.as_of;
        filter.known_on = self.as_known_on;
    }

    /// "in effect on D", "as known at the end of D (UTC)", both, or none.
    pub(super) fn describe(self) -> Option<String> {
        match (self.as_of, self.as_known_on) {
            (None, None) => None,
            (Some(as_of), None) => Some(format!("in effect on {as_of}")),
            (None, Some(known)) => Some(format!("as known at the end of {known} (UTC)")),
            (Some(as_of), Some(known)) => Some(format!(
                "in effect on {as_of}, as known at the end of {known} (UTC)"
            )),
        }
    }
}

impl FilterArgs {
    /// Resolves names and ids into a store filter.
    pub(super) async fn resolve(&self, store: &mut impl Reading) -> Result<ClaimFilter> {
        let mut filter = ClaimFilter {
            statuses: self.statuses.clone(),
            tag: self.tag.clone(),
            since: self.since,
            until: self.until,
            search: self
                .search
                .as_deref()
                .map(crate::matching::query::SearchQuery::parse)
                .transpose()?,
            by_relevance: true,
            include_withdrawn: self.include_withdrawn,
            ..ClaimFilter::default()
        };
        if let Some(by) = &self.by {
            filter.sources.push(store.source_named(by).await?.0);
        }
        if let Some(article) = &self.article {
            filter.article = Some(store.article_key(article).await?);
        }
        if let (Some(since), Some(until)) = (self.since, self.until)
            && since > until
        {
            return Err(crate::Error::invalid(format!(
                "--since {since} is after --until {until}"
            )));
        }
        Ok(filter)
    }
}

/// `claims list`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims list --by Peskov --status refuted,disputed\n  claims list --search tip-off --since 2017-12-01 --format csv > out.csv\n  claims list --search '\"terrorist attack\" peskov OR kremlin -drill'\n  claims list --as-of 2017-12-19        # the statuses in effect that day"
)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub when: PointInTime,
    /// Print at most this many claims.
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
    /// The order: `relevance` (the default with --search) or `newest` (newest said first, the default otherwise).
    #[arg(long, value_enum, value_name = "ORDER")]
    pub sort: Option<SortOrder>,
    #[command(flatten)]
    pub listing: super::Listing,
}

/// How `claims list` orders what it prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortOrder {
    /// Most relevant to --search first.
    Relevance,
    /// Newest said first, undated last.
    Newest,
}

pub(super) async fn run(args: ListArgs, ctx: &mut Context) -> Result<()> {
    let claims = ctx.store.read(async |store| claims(&args, store).await).await?;
    ctx.out.records(&claims)
}

/// `claims list` against a team database on PostgreSQL: the same listing.
pub(super) async fn run_on_postgres(args: ListArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let claims = database.snapshot(async |d| claims(&args, d).await).await;
    database.close().await?;
    out.records(&claims?)
}

/// The claims `args` selects, from either backend.
async fn claims(args: &ListArgs, store: &mut impl Reading) -> Result<Vec<Claim>> {
    let mut filter = args.filters.resolve(store).await?;
    filter.limit = args.limit.map(i64::from);
    filter.by_relevance = args.sort != Some(SortOrder::Newest);
    args.when.apply(&mut filter);
    store.claims(&filter).await
}

impl Record for Claim {
    const HEADERS: &'static [&'static str] = &["Id", "Said on", "Source", "Status", "Claim", "Tags"];
    fn cells(&self) -> Vec<String> {
        let status = match &self.rating {
            Some(rating) => format!("{} ({rating})", self.status),
            None => self.status.to_string(),
        };
        vec![
            short_id(&self.id),
            or_empty(&self.said_on),
            self.source.clone(),
            status,
            self.text.clone(),
            self.tags.join(", "),
        ]
    }
    const CSV_HEADERS: &'static [&'static str] = &[
        "id",
        "source",
        "text",
        "quote",
        "said_on",
        "status",
        "rating",
        "tags",
        "article_id",
        "article_url",
        "created_at",
        "updated_at",
        "origin",
        "language",
    ];
    fn csv_cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.source.clone(),
            self.text.clone(),
            or_empty(&self.quote),
            or_empty(&self.said_on),
            self.status.to_string(),
            or_empty(&self.rating),
            self.tags.join("; "),
            self.article_id.map(|id| id.to_string()).unwrap_or_default(),
            or_empty(&self.article_url),
            self.created_at.clone(),
            self.updated_at.clone(),
            or_empty(&self.origin),
            or_empty(&self.language),
        ]
    }
}
