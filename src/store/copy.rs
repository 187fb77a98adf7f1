//! A whole database as rows, for `claims copy`: every table as stored
//! (keys, texts and timestamps verbatim, so the journal's hashes and
//! digests hold on the other side), read from a SQLite file in the order a
//! destination can write them in under its own rules. The PostgreSQL side
//! writes them (`postgres.rs`).
// The row types mirror the tables column for column; docs/data-model.md
// says what each column holds.
#![allow(missing_docs)]

use sqlx::Row;
use uuid::Uuid;

use super::Store;
use crate::error::Result;

/// A source row.
#[derive(Debug, Clone)]
pub struct SourceRow {
    pub id: i64,
    pub name: String,
    pub name_key: String,
    pub name_skeleton: Option<String>,
    pub kind: String,
    pub description: Option<String>,
    pub job: Option<String>,
    pub party: Option<String>,
    pub region: Option<String>,
    pub created_at: String,
}

/// An alias row.
#[derive(Debug, Clone)]
pub struct AliasRow {
    pub alias_key: String,
    pub alias: String,
    pub source_id: i64,
}

/// A speaks-for row.
#[derive(Debug, Clone)]
pub struct SpeaksForRow {
    pub speaker_id: i64,
    pub org_id: i64,
    pub role: String,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// An article row, with its current body.
#[derive(Debug, Clone)]
pub struct ArticleRow {
    pub id: i64,
    pub uuid: Uuid,
    pub url: String,
    pub title: String,
    pub publisher: Option<String>,
    pub published_on: Option<String>,
    pub body: Option<String>,
    pub body_sha256: Option<String>,
    pub created_at: String,
}

/// An earlier body of an article.
#[derive(Debug, Clone)]
pub struct SnapshotRow {
    pub id: i64,
    pub article_id: i64,
    pub body: String,
    pub body_sha256: String,
    pub replaced_at: String,
    pub replaced_by: i64,
}

/// A claim row as it stands, with the id of its first status event.
#[derive(Debug, Clone)]
pub struct ClaimCopyRow {
    pub id: i64,
    pub uuid: Uuid,
    pub article_id: Option<i64>,
    pub source_id: i64,
    pub text: String,
    pub quote: Option<String>,
    pub said_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub quote_start: Option<i64>,
    pub quote_end: Option<i64>,
    pub quote_prefix: Option<String>,
    pub quote_suffix: Option<String>,
    pub origin: Option<String>,
    pub withdrawn_at: Option<String>,
    pub snapshot_id: Option<i64>,
    pub language: Option<String>,
    /// Its first status event, after which it is written.
    pub first_event: i64,
}

/// A status event row.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub id: i64,
    pub claim_id: i64,
    pub from_status: Option<String>,
    pub to_status: String,
    pub rating: Option<String>,
    pub note: Option<String>,
    pub evidence: String,
    pub actor: String,
    pub at: String,
    pub operation_id: Option<i64>,
    pub effective_on: Option<String>,
}

/// An operation row, hash included.
#[derive(Debug, Clone)]
pub struct OperationRow {
    pub id: i64,
    pub kind: String,
    pub claim_id: Option<i64>,
    pub source_id: Option<i64>,
    pub article_id: Option<i64>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub note: Option<String>,
    pub actor: String,
    pub at: String,
    pub undoes: Option<i64>,
    pub hash: String,
}

/// A tag row.
#[derive(Debug, Clone)]
pub struct TagRow {
    pub claim_id: i64,
    pub tag: String,
}

/// A link row.
#[derive(Debug, Clone)]
pub struct LinkRow {
    pub from_claim: i64,
    pub relation: String,
    pub to_claim: i64,
    pub actor: String,
    pub created_at: String,
}

/// How many rows of each table a database holds, to compare both ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableCounts {
    /// (table, rows), in a fixed order.
    pub tables: Vec<(&'static str, i64)>,
}

/// The tables `claims copy` copies, in the order of [`TableCounts`].
pub const COPIED_TABLES: [&str; 10] = [
    "sources",
    "source_aliases",
    "speaks_for",
    "articles",
    "article_snapshots",
    "claims",
    "claim_tags",
    "status_events",
    "operations",
    "claim_links",
];

/// Rows read per page.
pub const COPY_PAGE: i64 = 5000;

impl Store {
    /// Every source, alias and speaks-for row.
    pub async fn copy_sources(&mut self) -> Result<(Vec<SourceRow>, Vec<AliasRow>, Vec<SpeaksForRow>)> {
        let sources = sqlx::query(
            "SELECT id, name, name_key, name_skeleton, kind, description, job, party, region, created_at
             FROM sources ORDER BY id",
        )
        .fetch_all(self.conn())
        .await?
        .iter()
        .map(|r| {
            Ok(SourceRow {
                id: r.try_get(0)?,
                name: r.try_get(1)?,
                name_key: r.try_get(2)?,
                name_skeleton: r.try_get(3)?,
                kind: r.try_get(4)?,
                description: r.try_get(5)?,
                job: r.try_get(6)?,
                party: r.try_get(7)?,
                region: r.try_get(8)?,
                created_at: r.try_get(9)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let aliases = sqlx::query_as::<_, (String, String, i64)>(
            "SELECT alias_key, alias, source_id FROM source_aliases ORDER BY alias_key",
        )
        .fetch_all(self.conn())
        .await?
        .into_iter()
        .map(|(alias_key, alias, source_id)| AliasRow {
            alias_key,
            alias,
            source_id,
        })
        .collect();
        let speaks_for = sqlx::query_as::<_, (i64, i64, String, Option<String>, Option<String>)>(
            "SELECT speaker_id, org_id, role, since, until FROM speaks_for ORDER BY speaker_id, org_id, role",
        )
        .fetch_all(self.conn())
        .await?
        .into_iter()
        .map(|(speaker_id, org_id, role, since, until)| SpeaksForRow {
            speaker_id,
            org_id,
            role,
            since,
            until,
        })
        .collect();
        Ok((sources, aliases, speaks_for))
    }

    /// Every article, with its current body, and every earlier body.
    pub async fn copy_articles(&mut self) -> Result<(Vec<ArticleRow>, Vec<SnapshotRow>)> {
        let articles = sqlx::query(
            "SELECT id, uuid, url, title, publisher, published_on, body, body_sha256, created_at
             FROM articles ORDER BY id",
        )
        .fetch_all(self.conn())
        .await?
        .iter()
        .map(|r| {
            Ok(ArticleRow {
                id: r.try_get(0)?,
                uuid: r.try_get(1)?,
                url: r.try_get(2)?,
                title: r.try_get(3)?,
                publisher: r.try_get(4)?,
                published_on: r.try_get(5)?,
                body: r.try_get(6)?,
                body_sha256: r.try_get(7)?,
                created_at: r.try_get(8)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let snapshots = sqlx::query_as::<_, (i64, i64, String, String, String, i64)>(
            "SELECT id, article_id, body, body_sha256, replaced_at, replaced_by FROM article_snapshots ORDER BY id",
        )
        .fetch_all(self.conn())
        .await?
        .into_iter()
        .map(|(id, article_id, body, body_sha256, replaced_at, replaced_by)| SnapshotRow {
            id,
            article_id,
            body,
            body_sha256,
            replaced_at,
            replaced_by,
        })
        .collect();
        Ok((articles, snapshots))
    }

    /// Claims in the order of their first status event, after `after`
    /// (a first-event id), a page at a time.
    pub async fn copy_claims(&mut self, after: i64) -> Result<Vec<ClaimCopyRow>> {
        let rows = sqlx::query(
            "SELECT c.id, c.uuid, c.article_id, c.source_id, c.text, c.quote, c.said_on, c.created_at, c.updated_at,
                    c.quote_start, c.quote_end, c.quote_prefix, c.quote_suffix, c.origin, c.withdrawn_at,
                    c.snapshot_id, c.language, f.first_event
             FROM (SELECT claim_id, min(id) AS first_event FROM status_events GROUP BY claim_id) f
             JOIN claims c ON c.id = f.claim_id
             WHERE f.first_event > ? ORDER BY f.first_event LIMIT ?",
        )
        .bind(after)
        .bind(COPY_PAGE)
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ClaimCopyRow {
                    id: r.try_get(0)?,
                    uuid: r.try_get(1)?,
                    article_id: r.try_get(2)?,
                    source_id: r.try_get(3)?,
                    text: r.try_get(4)?,
                    quote: r.try_get(5)?,
                    said_on: r.try_get(6)?,
                    created_at: r.try_get(7)?,
                    updated_at: r.try_get(8)?,
                    quote_start: r.try_get(9)?,
                    quote_end: r.try_get(10)?,
                    quote_prefix: r.try_get(11)?,
                    quote_suffix: r.try_get(12)?,
                    origin: r.try_get(13)?,
                    withdrawn_at: r.try_get(14)?,
                    snapshot_id: r.try_get(15)?,
                    language: r.try_get(16)?,
                    first_event: r.try_get(17)?,
                })
            })
            .collect()
    }

    /// Status events after id `after`, in id order, a page at a time.
    pub async fn copy_events(&mut self, after: i64) -> Result<Vec<EventRow>> {
        let rows = sqlx::query(
            "SELECT id, claim_id, from_status, to_status, rating, note, evidence, actor, at, operation_id, effective_on
             FROM status_events WHERE id > ? ORDER BY id LIMIT ?",
        )
        .bind(after)
        .bind(COPY_PAGE)
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(EventRow {
                    id: r.try_get(0)?,
                    claim_id: r.try_get(1)?,
                    from_status: r.try_get(2)?,
                    to_status: r.try_get(3)?,
                    rating: r.try_get(4)?,
                    note: r.try_get(5)?,
                    evidence: r.try_get(6)?,
                    actor: r.try_get(7)?,
                    at: r.try_get(8)?,
                    operation_id: r.try_get(9)?,
                    effective_on: r.try_get(10)?,
                })
            })
            .collect()
    }

    /// Operations after id `after`, in id order, a page at a time.
    pub async fn copy_operations(&mut self, after: i64) -> Result<Vec<OperationRow>> {
        let rows = sqlx::query(
            "SELECT id, kind, claim_id, source_id, article_id, old, new, note, actor, at, undoes, hash
             FROM operations WHERE id > ? ORDER BY id LIMIT ?",
        )
        .bind(after)
        .bind(COPY_PAGE)
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OperationRow {
                    id: r.try_get(0)?,
                    kind: r.try_get(1)?,
                    claim_id: r.try_get(2)?,
                    source_id: r.try_get(3)?,
                    article_id: r.try_get(4)?,
                    old: r.try_get(5)?,
                    new: r.try_get(6)?,
                    note: r.try_get(7)?,
                    actor: r.try_get(8)?,
                    at: r.try_get(9)?,
                    undoes: r.try_get(10)?,
                    hash: r.try_get(11)?,
                })
            })
            .collect()
    }

    /// Every tag and link row.
    pub async fn copy_tags_and_links(&mut self) -> Result<(Vec<TagRow>, Vec<LinkRow>)> {
        let tags =
            sqlx::query_as::<_, (i64, String)>("SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, tag")
                .fetch_all(self.conn())
                .await?
                .into_iter()
                .map(|(claim_id, tag)| TagRow { claim_id, tag })
                .collect();
        let links = sqlx::query_as::<_, (i64, String, i64, String, String)>(
            "SELECT from_claim, relation, to_claim, actor, created_at FROM claim_links ORDER BY from_claim, relation, to_claim",
        )
        .fetch_all(self.conn())
        .await?
        .into_iter()
        .map(|(from_claim, relation, to_claim, actor, created_at)| LinkRow {
            from_claim,
            relation,
            to_claim,
            actor,
            created_at,
        })
        .collect();
        Ok((tags, links))
    }

    /// The journal's backfill mark (events up to it predate the journal).
    pub async fn copy_backfill(&mut self) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT events_upto FROM journal_backfill")
            .fetch_optional(self.conn())
            .await?)
    }

    /// Rows per copied table.
    pub async fn copied_table_counts(&mut self) -> Result<TableCounts> {
        let mut tables = Vec::new();
        for table in COPIED_TABLES {
            let count: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
                .fetch_one(self.conn())
                .await?;
            tables.push((table, count));
        }
        Ok(TableCounts { tables })
    }
}
