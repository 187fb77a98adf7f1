//! Claims read out a page at a time, flat, for the table and ClaimReview
//! exports: each claim with its source, article, tags and latest event.
//! The file writers (`formats`) get the rows from the command, never from
//! the store.

use sqlx::{QueryBuilder, Sqlite};

use super::Store;
use super::claims::TAGS_COLUMN;
use crate::error::Result;
use crate::model::ClaimRow;

/// Rows read per page when exporting.
const PAGE: i64 = 5000;

impl Store {
    /// Calls `write` on every live claim, in the order they were logged,
    /// a page at a time from one snapshot (an export taken while others
    /// mark claims is the database as it stood at one moment). Returns how
    /// many rows it passed.
    pub async fn each_claim_row(&mut self, mut write: impl FnMut(&ClaimRow) -> Result<()>) -> Result<usize> {
        self.read(async |store| {
            let (mut after, mut passed) = (0, 0);
            loop {
                let page = store.claim_rows(after, PAGE).await?;
                let Some(last) = page.last() else {
                    return Ok(passed);
                };
                after = last.key;
                for row in &page {
                    write(row)?;
                    passed += 1;
                }
            }
        })
        .await
    }

    /// Up to `limit` claims with keys after `after`, in key order (the order
    /// they were logged in), so that a caller can page through millions in
    /// flat memory.
    pub async fn claim_rows(&mut self, after: i64, limit: i64) -> Result<Vec<ClaimRow>> {
        let mut sql = QueryBuilder::<Sqlite>::new(
            "SELECT c.id, c.uuid, s.name AS source, s.kind AS source_kind, c.text, c.quote, c.said_on,
                    c.status, c.rating, c.origin, c.language, c.updated_at,
                    a.url AS article_url, a.title AS article_title, a.publisher AS article_publisher,
                    a.published_on AS article_published, e.note, e.actor,
                    coalesce(e.effective_on, substr(e.at, 1, 10)) AS reviewed_on, s.job, s.party,
                    (SELECT group_concat(v.evidence, char(31)) FROM status_events v
                     WHERE v.claim_id = c.id AND v.evidence <> '[]') AS evidence, ",
        );
        sql.push(TAGS_COLUMN).push(
            " FROM claims c
             JOIN sources s ON s.id = c.source_id
             LEFT JOIN articles a ON a.id = c.article_id
             JOIN status_events e ON e.id = (SELECT max(id) FROM status_events WHERE claim_id = c.id)
             WHERE c.withdrawn_at IS NULL AND c.id > ",
        );
        sql.push_bind(after)
            .push(" ORDER BY c.id LIMIT ")
            .push_bind(limit);
        let rows = sql.build().fetch_all(self.conn()).await?;
        rows.iter().map(claim_row).collect()
    }
}

/// The columns the export query selects, by name, as either backend
/// returns them; [`claim_row`] makes the row.
#[derive(sqlx::FromRow)]
pub(crate) struct ClaimRowColumns {
    id: i64,
    uuid: uuid::Uuid,
    source: String,
    source_kind: String,
    text: String,
    quote: Option<String>,
    said_on: Option<String>,
    status: String,
    rating: Option<String>,
    note: Option<String>,
    actor: String,
    reviewed_on: String,
    evidence: Option<String>,
    job: Option<String>,
    party: Option<String>,
    updated_at: String,
    tags: Option<String>,
    article_url: Option<String>,
    article_title: Option<String>,
    article_publisher: Option<String>,
    article_published: Option<String>,
    origin: Option<String>,
    language: Option<String>,
}

/// An export row from a row of the export query, on either backend.
pub(crate) fn claim_row<'r, R: sqlx::Row>(row: &'r R) -> Result<ClaimRow>
where
    ClaimRowColumns: sqlx::FromRow<'r, R>,
{
    let c = <ClaimRowColumns as sqlx::FromRow<'r, R>>::from_row(row)?;
    Ok(ClaimRow {
        key: c.id,
        id: c.uuid,
        source: c.source,
        source_kind: c.source_kind.parse()?,
        text: c.text,
        quote: c.quote,
        said_on: c.said_on,
        status: c.status.parse()?,
        rating: c.rating,
        note: c.note,
        reviewer: c.actor,
        reviewed_on: c.reviewed_on,
        evidence: evidence_of(c.evidence),
        source_job: c.job,
        source_party: c.party,
        updated_at: c.updated_at,
        tags: super::claims::split_tags(c.tags),
        article_url: c.article_url,
        article_title: c.article_title,
        article_publisher: c.article_publisher,
        article_published: c.article_published,
        origin: c.origin,
        language: c.language,
    })
}

/// The history's evidence lists (JSON arrays joined by the unit separator)
/// as one list, in order, each URL once.
fn evidence_of(lists: Option<String>) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    for list in lists.iter().flat_map(|l| l.split('\u{1f}')) {
        for url in serde_json::from_str::<Vec<String>>(list).unwrap_or_default() {
            if !urls.contains(&url) {
                urls.push(url);
            }
        }
    }
    urls
}
