//! Claims read out a page at a time, flat, for the table and ClaimReview
//! exports: each claim with its source, article, tags and latest event.
//! The file writers (`formats`) get the rows from the command, never from
//! the store.

use sqlx::{QueryBuilder, Row, Sqlite};

use super::Store;
use super::claims::{TAGS_COLUMN, tags_of};
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

fn claim_row(row: &sqlx::sqlite::SqliteRow) -> Result<ClaimRow> {
    let status: String = row.try_get("status")?;
    let kind: String = row.try_get("source_kind")?;
    let tags = tags_of(row)?;
    Ok(ClaimRow {
        key: row.try_get("id")?,
        id: row.try_get("uuid")?,
        source: row.try_get("source")?,
        source_kind: kind.parse()?,
        text: row.try_get("text")?,
        quote: row.try_get("quote")?,
        said_on: row.try_get("said_on")?,
        status: status.parse()?,
        rating: row.try_get("rating")?,
        note: row.try_get("note")?,
        reviewer: row.try_get("actor")?,
        reviewed_on: row.try_get("reviewed_on")?,
        evidence: evidence_of(row.try_get("evidence")?),
        source_job: row.try_get("job")?,
        source_party: row.try_get("party")?,
        updated_at: row.try_get("updated_at")?,
        tags,
        article_url: row.try_get("article_url")?,
        article_title: row.try_get("article_title")?,
        article_publisher: row.try_get("article_publisher")?,
        article_published: row.try_get("article_published")?,
        origin: row.try_get("origin")?,
        language: row.try_get("language")?,
    })
}

/// The history's evidence lists (JSON arrays joined by the unit separator)
/// as one list, in order, each URL once.
pub(crate) fn evidence_of(lists: Option<String>) -> Vec<String> {
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
