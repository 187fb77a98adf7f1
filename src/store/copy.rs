//! A whole database as rows, for `claims copy`: every table as stored
//! (keys, texts and timestamps verbatim, so the journal's hashes and
//! digests hold on the other side), read from one backend ([`CopySource`])
//! and written into another ([`CopySink`]) in the order the destination's
//! rules accept: each claim right after its first status event, each
//! operation after its events. [`copy`] is that order, once, for every
//! pair of backends; this file also holds the SQLite side of both traits.
// The row types mirror the tables column for column; docs/data-model.md
// says what each column holds.
#![allow(missing_docs)]

use std::collections::VecDeque;

use uuid::Uuid;

use sqlx::Sqlite;

use super::claims::Dialect;
use super::{Store, Write};
use crate::error::Result;

/// A source row.
#[derive(Debug, Clone, sqlx::FromRow)]
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
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AliasRow {
    pub alias_key: String,
    pub alias: String,
    pub source_id: i64,
}

/// A speaks-for row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SpeaksForRow {
    pub speaker_id: i64,
    pub org_id: i64,
    pub role: String,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// An article row, with its current body.
#[derive(Debug, Clone, sqlx::FromRow)]
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
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SnapshotRow {
    pub id: i64,
    pub article_id: i64,
    pub body: String,
    pub body_sha256: String,
    pub replaced_at: String,
    pub replaced_by: i64,
}

/// A claim row as it stands, with the id of its first status event.
#[derive(Debug, Clone, sqlx::FromRow)]
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
#[derive(Debug, Clone, sqlx::FromRow)]
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
#[derive(Debug, Clone, sqlx::FromRow)]
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
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TagRow {
    pub claim_id: i64,
    pub tag: String,
}

/// A link row.
#[derive(Debug, Clone, sqlx::FromRow)]
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

/// What a copy reads from its source.
pub(crate) trait CopySource {
    /// Every source, alias and speaks-for row.
    async fn copy_sources(&mut self) -> Result<(Vec<SourceRow>, Vec<AliasRow>, Vec<SpeaksForRow>)>;
    /// Every article (with its current body) and every earlier body.
    async fn copy_articles(&mut self) -> Result<(Vec<ArticleRow>, Vec<SnapshotRow>)>;
    /// Claims in the order of their first event, after that event id.
    async fn copy_claims(&mut self, after: i64) -> Result<Vec<ClaimCopyRow>>;
    /// Status events after id `after`, in id order.
    async fn copy_events(&mut self, after: i64) -> Result<Vec<EventRow>>;
    /// Operations after id `after`, in id order.
    async fn copy_operations(&mut self, after: i64) -> Result<Vec<OperationRow>>;
    /// Every tag and link row.
    async fn copy_tags_and_links(&mut self) -> Result<(Vec<TagRow>, Vec<LinkRow>)>;
    /// Rows per copied table.
    async fn copied_table_counts(&mut self) -> Result<TableCounts>;
}

/// Where a copy writes, inside the destination's one transaction.
pub(crate) trait CopySink {
    /// Writes one row.
    async fn row(&mut self, row: Insert) -> Result<()>;
    /// Called before each status event: `legacy` when it is history older
    /// than the journal (it belongs to no operation).
    async fn before_event(&mut self, legacy: bool) -> Result<()>;
    /// Rows per copied table, as written.
    async fn copied_table_counts(&mut self) -> Result<TableCounts>;
}

/// One row to write: its table, columns and values, in either backend's
/// words (see [`Insert::query`]).
pub(crate) struct Insert {
    table: &'static str,
    columns: &'static [&'static str],
    values: Vec<Value>,
}

/// A value of a copied row.
pub(crate) enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Id(Uuid),
}

impl Insert {
    /// Its table, columns and values, for a backend that writes rows its
    /// own way (PostgreSQL's bulk load, through `COPY`).
    pub(crate) fn into_parts(self) -> (&'static str, &'static [&'static str], Vec<Value>) {
        (self.table, self.columns, self.values)
    }

    /// The INSERT statement, with its values bound.
    pub(crate) fn query<DB: Dialect>(self) -> sqlx::QueryBuilder<DB> {
        let mut sql = sqlx::QueryBuilder::<DB>::new(format!(
            "INSERT INTO {} ({}) VALUES (",
            self.table,
            self.columns.join(", ")
        ));
        for (i, value) in self.values.into_iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            DB::bind_value(&mut sql, value);
        }
        sql.push(")");
        sql
    }
}

fn text(value: &Option<String>) -> Value {
    Value::Text(value.clone())
}

fn int(value: Option<i64>) -> Value {
    Value::Int(value)
}

impl SourceRow {
    fn insert(&self) -> Insert {
        Insert {
            table: "sources",
            columns: &[
                "id",
                "name",
                "name_key",
                "name_skeleton",
                "kind",
                "description",
                "job",
                "party",
                "region",
                "created_at",
            ],
            values: vec![
                int(Some(self.id)),
                text(&Some(self.name.clone())),
                text(&Some(self.name_key.clone())),
                text(&self.name_skeleton),
                text(&Some(self.kind.clone())),
                text(&self.description),
                text(&self.job),
                text(&self.party),
                text(&self.region),
                text(&Some(self.created_at.clone())),
            ],
        }
    }
}

impl AliasRow {
    fn insert(&self) -> Insert {
        Insert {
            table: "source_aliases",
            columns: &["alias_key", "alias", "source_id"],
            values: vec![
                text(&Some(self.alias_key.clone())),
                text(&Some(self.alias.clone())),
                int(Some(self.source_id)),
            ],
        }
    }
}

impl SpeaksForRow {
    fn insert(&self) -> Insert {
        Insert {
            table: "speaks_for",
            columns: &["speaker_id", "org_id", "role", "since", "until"],
            values: vec![
                int(Some(self.speaker_id)),
                int(Some(self.org_id)),
                text(&Some(self.role.clone())),
                text(&self.since),
                text(&self.until),
            ],
        }
    }
}

impl ArticleRow {
    fn insert(&self) -> Insert {
        Insert {
            table: "articles",
            columns: &[
                "id",
                "uuid",
                "url",
                "title",
                "publisher",
                "published_on",
                "body",
                "body_sha256",
                "created_at",
            ],
            values: vec![
                int(Some(self.id)),
                Value::Id(self.uuid),
                text(&Some(self.url.clone())),
                text(&Some(self.title.clone())),
                text(&self.publisher),
                text(&self.published_on),
                text(&self.body),
                text(&self.body_sha256),
                text(&Some(self.created_at.clone())),
            ],
        }
    }
}

impl EventRow {
    fn insert(&self) -> Insert {
        Insert {
            table: "status_events",
            columns: &[
                "id",
                "claim_id",
                "from_status",
                "to_status",
                "rating",
                "note",
                "evidence",
                "actor",
                "at",
                "operation_id",
                "effective_on",
            ],
            values: vec![
                int(Some(self.id)),
                int(Some(self.claim_id)),
                text(&self.from_status),
                text(&Some(self.to_status.clone())),
                text(&self.rating),
                text(&self.note),
                text(&Some(self.evidence.clone())),
                text(&Some(self.actor.clone())),
                text(&Some(self.at.clone())),
                int(self.operation_id),
                text(&self.effective_on),
            ],
        }
    }
}

impl ClaimCopyRow {
    /// The claim as written right after `first`, its first event: in the
    /// status and with the rating that event gives (later events move it).
    fn insert(&self, first: &EventRow) -> Insert {
        Insert {
            table: "claims",
            columns: &[
                "id",
                "uuid",
                "article_id",
                "source_id",
                "text",
                "quote",
                "said_on",
                "status",
                "rating",
                "created_at",
                "updated_at",
                "quote_start",
                "quote_end",
                "quote_prefix",
                "quote_suffix",
                "origin",
                "withdrawn_at",
                "snapshot_id",
                "language",
            ],
            values: vec![
                int(Some(self.id)),
                Value::Id(self.uuid),
                int(self.article_id),
                int(Some(self.source_id)),
                text(&Some(self.text.clone())),
                text(&self.quote),
                text(&self.said_on),
                text(&Some(first.to_status.clone())),
                text(&first.rating),
                text(&Some(self.created_at.clone())),
                text(&Some(self.updated_at.clone())),
                int(self.quote_start),
                int(self.quote_end),
                text(&self.quote_prefix),
                text(&self.quote_suffix),
                text(&self.origin),
                text(&self.withdrawn_at),
                int(self.snapshot_id),
                text(&self.language),
            ],
        }
    }
}

impl OperationRow {
    fn insert(&self) -> Insert {
        Insert {
            table: "operations",
            columns: &[
                "id",
                "kind",
                "claim_id",
                "source_id",
                "article_id",
                "old",
                "new",
                "note",
                "actor",
                "at",
                "undoes",
                "hash",
            ],
            values: vec![
                int(Some(self.id)),
                text(&Some(self.kind.clone())),
                int(self.claim_id),
                int(self.source_id),
                int(self.article_id),
                text(&self.old),
                text(&self.new),
                text(&self.note),
                text(&Some(self.actor.clone())),
                text(&Some(self.at.clone())),
                int(self.undoes),
                text(&Some(self.hash.clone())),
            ],
        }
    }
}

impl TagRow {
    fn insert(&self) -> Insert {
        Insert {
            table: "claim_tags",
            columns: &["claim_id", "tag"],
            values: vec![int(Some(self.claim_id)), text(&Some(self.tag.clone()))],
        }
    }
}

impl LinkRow {
    fn insert(&self) -> Insert {
        Insert {
            table: "claim_links",
            columns: &["from_claim", "relation", "to_claim", "actor", "created_at"],
            values: vec![
                int(Some(self.from_claim)),
                text(&Some(self.relation.clone())),
                int(Some(self.to_claim)),
                text(&Some(self.actor.clone())),
                text(&Some(self.created_at.clone())),
            ],
        }
    }
}

impl SnapshotRow {
    fn insert(&self) -> Insert {
        Insert {
            table: "article_snapshots",
            columns: &[
                "id",
                "article_id",
                "body",
                "body_sha256",
                "replaced_at",
                "replaced_by",
            ],
            values: vec![
                int(Some(self.id)),
                int(Some(self.article_id)),
                text(&Some(self.body.clone())),
                text(&Some(self.body_sha256.clone())),
                text(&Some(self.replaced_at.clone())),
                int(Some(self.replaced_by)),
            ],
        }
    }
}

/// Copies every row of `source` into `sink`; returns the rows per table
/// the sink then holds.
pub(crate) async fn copy(source: &mut impl CopySource, sink: &mut impl CopySink) -> Result<TableCounts> {
    let (sources, aliases, speaks_for) = source.copy_sources().await?;
    for row in &sources {
        sink.row(row.insert()).await?;
    }
    for row in &aliases {
        sink.row(row.insert()).await?;
    }
    for row in &speaks_for {
        sink.row(row.insert()).await?;
    }
    let (articles, snapshots) = source.copy_articles().await?;
    for row in &articles {
        sink.row(row.insert()).await?;
    }
    // The history, in its own order.
    let mut claims = VecDeque::new();
    let (mut claims_after, mut claims_done) = (0, false);
    let mut operations = Operations::default();
    let mut events_after = 0;
    loop {
        let events = source.copy_events(events_after).await?;
        let Some(last) = events.last() else { break };
        events_after = last.id;
        for event in events {
            if let Some(op) = event.operation_id {
                operations.write_before(source, sink, op).await?;
            }
            sink.before_event(event.operation_id.is_none()).await?;
            sink.row(event.insert()).await?;
            if claims.is_empty() && !claims_done {
                claims.extend(source.copy_claims(claims_after).await?);
                claims_done = claims.is_empty();
                if let Some(last) = claims.back() {
                    claims_after = last.first_event;
                }
            }
            while claims
                .front()
                .is_some_and(|c: &ClaimCopyRow| c.first_event == event.id)
            {
                let claim = claims.pop_front().expect("just looked");
                sink.row(claim.insert(&event)).await?;
            }
        }
    }
    operations.write_before(source, sink, i64::MAX).await?;
    let (tags, links) = source.copy_tags_and_links().await?;
    for row in &tags {
        sink.row(row.insert()).await?;
    }
    for row in &links {
        sink.row(row.insert()).await?;
    }
    for row in &snapshots {
        sink.row(row.insert()).await?;
    }
    sink.copied_table_counts().await
}

/// The source's operations not written yet, read a page at a time.
#[derive(Default)]
struct Operations {
    pending: VecDeque<OperationRow>,
    after: i64,
    done: bool,
}

impl Operations {
    /// Writes the operations with ids below `before`, in order.
    async fn write_before(
        &mut self,
        source: &mut impl CopySource,
        sink: &mut impl CopySink,
        before: i64,
    ) -> Result<()> {
        loop {
            if self.pending.is_empty() && !self.done {
                self.pending.extend(source.copy_operations(self.after).await?);
                self.done = self.pending.is_empty();
                if let Some(last) = self.pending.back() {
                    self.after = last.id;
                }
            }
            match self.pending.front() {
                Some(op) if op.id < before => {
                    let op = self.pending.pop_front().expect("just looked");
                    sink.row(op.insert()).await?;
                }
                _ => return Ok(()),
            }
        }
    }
}

/// The SQLite side of a copy's source.
impl CopySource for Store {
    /// Every source, alias and speaks-for row.
    async fn copy_sources(&mut self) -> Result<(Vec<SourceRow>, Vec<AliasRow>, Vec<SpeaksForRow>)> {
        let sources = sqlx::query_as(
            "SELECT id, name, name_key, name_skeleton, kind, description, job, party, region, created_at
             FROM sources ORDER BY id",
        )
        .fetch_all(self.conn())
        .await?;
        let aliases =
            sqlx::query_as("SELECT alias_key, alias, source_id FROM source_aliases ORDER BY alias_key")
                .fetch_all(self.conn())
                .await?;
        let speaks_for = sqlx::query_as(
            "SELECT speaker_id, org_id, role, since, until FROM speaks_for ORDER BY speaker_id, org_id, role",
        )
        .fetch_all(self.conn())
        .await?;
        Ok((sources, aliases, speaks_for))
    }

    /// Every article, with its current body, and every earlier body.
    async fn copy_articles(&mut self) -> Result<(Vec<ArticleRow>, Vec<SnapshotRow>)> {
        let articles = sqlx::query_as(
            "SELECT id, uuid, url, title, publisher, published_on, body, body_sha256, created_at
             FROM articles ORDER BY id",
        )
        .fetch_all(self.conn())
        .await?;
        let snapshots = sqlx::query_as(
            "SELECT id, article_id, body, body_sha256, replaced_at, replaced_by FROM article_snapshots ORDER BY id",
        )
        .fetch_all(self.conn())
        .await?;
        Ok((articles, snapshots))
    }

    /// Claims in the order of their first status event, after `after`
    /// (a first-event id), a page at a time.
    async fn copy_claims(&mut self, after: i64) -> Result<Vec<ClaimCopyRow>> {
        Ok(sqlx::query_as(
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
        .await?)
    }

    /// Status events after id `after`, in id order, a page at a time.
    async fn copy_events(&mut self, after: i64) -> Result<Vec<EventRow>> {
        Ok(sqlx::query_as(
            "SELECT id, claim_id, from_status, to_status, rating, note, evidence, actor, at, operation_id, effective_on
             FROM status_events WHERE id > ? ORDER BY id LIMIT ?",
        )
        .bind(after)
        .bind(COPY_PAGE)
        .fetch_all(self.conn())
        .await?)
    }

    /// Operations after id `after`, in id order, a page at a time.
    async fn copy_operations(&mut self, after: i64) -> Result<Vec<OperationRow>> {
        Ok(sqlx::query_as(
            "SELECT id, kind, claim_id, source_id, article_id, old, new, note, actor, at, undoes, hash
             FROM operations WHERE id > ? ORDER BY id LIMIT ?",
        )
        .bind(after)
        .bind(COPY_PAGE)
        .fetch_all(self.conn())
        .await?)
    }

    /// Every tag and link row.
    async fn copy_tags_and_links(&mut self) -> Result<(Vec<TagRow>, Vec<LinkRow>)> {
        let tags = sqlx::query_as("SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, tag")
            .fetch_all(self.conn())
            .await?;
        let links = sqlx::query_as(
            "SELECT from_claim, relation, to_claim, actor, created_at FROM claim_links ORDER BY from_claim, relation, to_claim",
        )
        .fetch_all(self.conn())
        .await?;
        Ok((tags, links))
    }

    /// Rows per copied table.
    async fn copied_table_counts(&mut self) -> Result<TableCounts> {
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

/// The SQLite side of a copy's destination: the rows go in through the
/// schema's own rules, inside one write transaction.
pub(crate) struct SqliteSink<'w, 'a> {
    write: &'w mut Write<'a>,
    /// The rule that every event belongs to an operation, set aside while
    /// history older than the journal goes in (before the first
    /// operation, as the PostgreSQL schema allows), and put back after.
    set_aside: Option<String>,
}

impl<'w, 'a> SqliteSink<'w, 'a> {
    pub(crate) fn new(write: &'w mut Write<'a>) -> Self {
        SqliteSink {
            write,
            set_aside: None,
        }
    }

    /// Puts the set-aside rule back, if any.
    async fn restore_rule(&mut self) -> Result<()> {
        if let Some(create) = self.set_aside.take() {
            sqlx::query(sqlx::AssertSqlSafe(create))
                .execute(self.write.conn())
                .await?;
        }
        Ok(())
    }
}

impl CopySink for SqliteSink<'_, '_> {
    async fn row(&mut self, row: Insert) -> Result<()> {
        if row.table == "operations" {
            self.restore_rule().await?;
        }
        row.query::<Sqlite>().build().execute(self.write.conn()).await?;
        Ok(())
    }

    async fn before_event(&mut self, legacy: bool) -> Result<()> {
        match legacy {
            true if self.set_aside.is_none() => {
                let create: String = sqlx::query_scalar(
                    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'status_events_belong_to_an_operation'",
                )
                .fetch_one(self.write.conn())
                .await?;
                sqlx::query("DROP TRIGGER status_events_belong_to_an_operation")
                    .execute(self.write.conn())
                    .await?;
                self.set_aside = Some(create);
                Ok(())
            }
            true => Ok(()),
            false => self.restore_rule().await,
        }
    }

    async fn copied_table_counts(&mut self) -> Result<TableCounts> {
        self.restore_rule().await?;
        self.write.copied_table_counts().await
    }
}

impl Store {
    /// Whether the database holds nothing a copy could collide with.
    pub(crate) async fn is_empty_for_copy(&mut self) -> Result<bool> {
        Ok(sqlx::query_scalar(
            "SELECT NOT EXISTS (SELECT 1 FROM operations) AND NOT EXISTS (SELECT 1 FROM sources)
                AND NOT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM status_events)",
        )
        .fetch_one(self.conn())
        .await?)
    }

    /// Copies every row of `source` into this database, which must be
    /// empty, in one write transaction.
    pub(crate) async fn receive_copy(&mut self, source: &mut impl CopySource) -> Result<TableCounts> {
        self.write(async |write| copy(source, &mut SqliteSink::new(write)).await)
            .await
    }
}
