//! What the reading commands (`list`, `report`, `show`, `source list|show`,
//! `article list|show`, `export`) need, as a contract both
//! backends implement: resolving the names and ids a filter gives, the
//! claims a filter selects, and the per-source report. The SQL of both
//! comes from one builder ([`super::claims::Dialect`]).

use super::claims::{ClaimFilter, LISTING_ORDER, RELEVANCE_ORDER, claim_select};
use super::journal::JournalReader;
use super::{Report, Store};
use crate::error::Result;
use crate::model::{Article, ArticleSnapshot, Claim, ClaimLink, ClaimRow, SourceSummary, StatusEvent};

/// The reading side of a claimtrack database.
pub(crate) trait Reading: JournalReader {
    /// The internal key and name of the source a name or alias names.
    async fn source_named(&mut self, given: &str) -> Result<(i64, String)>;
    /// The internal key of the article a URL, full UUID or short id names.
    async fn article_key(&mut self, given: &str) -> Result<i64>;
    /// The claims `filter` selects, newest said first.
    async fn claims(&mut self, filter: &ClaimFilter) -> Result<Vec<Claim>>;
    /// Claims per source and status (and with `rollup`, per organization).
    async fn report(&mut self, filter: &ClaimFilter, rollup: bool) -> Result<Report>;
    /// The claim an id names (full UUID or short id), withdrawn or not.
    async fn claim_named(&mut self, given: &str) -> Result<Claim>;
    /// A source (by name or alias) with its aliases, roles and claim count.
    async fn source_summary_named(&mut self, given: &str) -> Result<SourceSummary>;
    /// The article with this URL, if any.
    async fn article_by_url(&mut self, url: &str) -> Result<Option<Article>>;
    /// Every link from or to a claim: outgoing first, then incoming.
    async fn links(&mut self, claim_key: i64) -> Result<Vec<ClaimLink>>;
    /// A claim's status history, oldest first.
    async fn claim_history(&mut self, claim_key: i64) -> Result<Vec<StatusEvent>>;
    /// Every source with its aliases, roles and claim count, most claims first.
    async fn all_sources(&mut self) -> Result<Vec<SourceSummary>>;
    /// Every article, newest published first.
    async fn all_articles(&mut self) -> Result<Vec<Article>>;
    /// The article a URL, full UUID or short id names.
    async fn article_named(&mut self, given: &str) -> Result<Article>;
    /// An article's earlier bodies, oldest first.
    async fn snapshots_of(&mut self, article_key: i64) -> Result<Vec<ArticleSnapshot>>;
    /// An article's current body, if it has one.
    async fn article_body_of(&mut self, article_key: i64) -> Result<Option<String>>;
    /// Calls `write` on every live claim as an export row, in the order
    /// they were logged, a page at a time; returns how many.
    async fn each_row(&mut self, write: impl FnMut(&ClaimRow) -> Result<()>) -> Result<usize>;
}

/// The SQLite side.
impl Reading for Store {
    async fn source_named(&mut self, given: &str) -> Result<(i64, String)> {
        let source = self.resolve_source(given).await?;
        Ok((source.key, source.name))
    }

    async fn article_key(&mut self, given: &str) -> Result<i64> {
        Ok(self.resolve_article(given).await?.key)
    }

    async fn claims(&mut self, filter: &ClaimFilter) -> Result<Vec<Claim>> {
        self.list_claims(filter).await
    }

    async fn report(&mut self, filter: &ClaimFilter, rollup: bool) -> Result<Report> {
        Store::report(self, filter, rollup).await
    }

    async fn claim_named(&mut self, given: &str) -> Result<Claim> {
        self.resolve_claim(given).await
    }

    async fn source_summary_named(&mut self, given: &str) -> Result<SourceSummary> {
        let source = self.resolve_source(given).await?;
        self.source_summary(source).await
    }

    async fn article_by_url(&mut self, url: &str) -> Result<Option<Article>> {
        self.find_article_by_url(url).await
    }

    async fn links(&mut self, claim_key: i64) -> Result<Vec<ClaimLink>> {
        self.links_of(claim_key).await
    }

    async fn claim_history(&mut self, claim_key: i64) -> Result<Vec<StatusEvent>> {
        self.history(claim_key).await
    }

    async fn all_sources(&mut self) -> Result<Vec<SourceSummary>> {
        self.list_sources().await
    }

    async fn all_articles(&mut self) -> Result<Vec<Article>> {
        self.list_articles().await
    }

    async fn article_named(&mut self, given: &str) -> Result<Article> {
        self.resolve_article(given).await
    }

    async fn snapshots_of(&mut self, article_key: i64) -> Result<Vec<ArticleSnapshot>> {
        self.article_snapshots(article_key).await
    }

    async fn article_body_of(&mut self, article_key: i64) -> Result<Option<String>> {
        self.article_body(article_key).await
    }

    async fn each_row(&mut self, write: impl FnMut(&ClaimRow) -> Result<()>) -> Result<usize> {
        self.each_claim_row(write).await
    }
}

/// The claims query of a filter, in a backend's words.
pub(crate) fn listing<DB: super::claims::Dialect>(filter: &ClaimFilter) -> sqlx::QueryBuilder<DB> {
    let mut sql = claim_select::<DB>(filter);
    sql.push(if filter.search.is_some() && filter.by_relevance {
        RELEVANCE_ORDER
    } else {
        LISTING_ORDER
    });
    if let Some(limit) = filter.limit {
        sql.push(" LIMIT ");
        DB::bind_int(&mut sql, limit);
    }
    sql
}
