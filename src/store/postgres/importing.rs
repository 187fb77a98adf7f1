//! The PostgreSQL side of `claims import`: the importer's contract
//! ([`Importing`]) on the team database. Every operation carries the
//! session's user and the server's time. New claims, their tags and their
//! histories go in through `COPY` where the session may use it (the
//! tables' owner, whom row security does not hold), and as multi-row
//! `INSERT ... SELECT FROM unnest(...)` otherwise (PostgreSQL refuses `COPY
//! FROM` into a table under row security); both fire the same triggers.
//!
//! The owner filling an empty database sets the per-row history triggers
//! and the secondary indexes aside for the load, as SQLite's bulk load does
//! (`store::bulk`), and checks the same rules over the whole load with a
//! few set-based queries before the commit. The `ALTER TABLE` that
//! disables a trigger holds the table's exclusive lock until the
//! transaction ends, so no other session sees (or writes) the tables while
//! the triggers are away, and a failure or a killed process rolls the
//! change back with everything else.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::Value;
use sqlx::Row;
use uuid::Uuid;

use super::{ARTICLE_COLUMNS, TeamDatabase, article_from_row};
use crate::anchor::QuoteAnchor;
use crate::error::{Error, Result};
use crate::journal::{ClaimRecord, ClaimRecordRef, Operation};
use crate::model::{Article, Claim, Day, Relation, Source, SourceKind, SourceProfile, Status, StatusEvent};
use crate::store::importing::Importing;
use crate::store::journal::{Edited, NewOperation};
use crate::store::{ArticleParts, BulkLoad, NewClaim, NewEvent, fold_name, name_skeleton};

/// Indexes an owner's bulk load builds afterwards (a unique one checks
/// every key as it is built, and refuses the load on a repeat). The
/// primary keys and the claims' unique ids stay: the load looks rows up
/// by them.
const DEFERRABLE_INDEXES: &[&str] = &[
    "claims_short_id",
    "claims_source",
    "claims_source_status",
    "claims_article",
    "claims_said_on",
    "claims_origin",
    "claim_tags_tag",
    "claim_tags_unique",
    "status_events_claim",
    "status_events_operation",
];

/// The per-row history triggers a bulk load checks set-wise instead
/// (`table.trigger`).
const DEFERRABLE_TRIGGERS: &[(&str, &str)] = &[
    ("status_events", "status_events_continue_history"),
    ("status_events", "status_events_move_claim"),
    ("claims", "claims_follow_history"),
];

/// Events that break their claim's chain or clock, are not numbered from
/// 1 without a gap, or belong to no operation of the journal (unless older
/// than the journal), or to one out of order; claims not in the state
/// their history gives.
const BROKEN_LOAD: &str = "
    SELECT (SELECT count(*) FROM (
                SELECT from_status, at, operation_id, id,
                       lag(to_status) OVER history AS previous_status,
                       lag(at) OVER history AS previous_at,
                       row_number() OVER history AS n
                FROM status_events
                WINDOW history AS (PARTITION BY claim_id ORDER BY id)) e
            WHERE CASE WHEN n = 1 THEN from_status IS NOT NULL
                       ELSE from_status IS DISTINCT FROM previous_status OR at < previous_at END)
         + (SELECT count(*) FROM (
                SELECT id, operation_id, lag(operation_id) OVER (ORDER BY id) AS previous_operation
                FROM status_events) e
            WHERE operation_id < previous_operation
               OR (operation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM operations o WHERE o.id = e.operation_id))
               -- History older than the journal (a copied file's) comes
               -- before every event of an operation, as the row trigger has it.
               OR (operation_id IS NULL
                   AND id > (SELECT min(id) FROM status_events WHERE operation_id IS NOT NULL)))
         + (SELECT count(*) - coalesce(max(id), 0) FROM status_events)::bigint,
           (SELECT count(*) FROM claims c
                LEFT JOIN (SELECT DISTINCT ON (claim_id) claim_id, to_status FROM status_events
                           ORDER BY claim_id, id DESC) latest ON latest.claim_id = c.id
                LEFT JOIN (SELECT DISTINCT ON (claim_id) claim_id, rating FROM status_events
                           WHERE rating IS NOT NULL ORDER BY claim_id, id DESC) rated ON rated.claim_id = c.id
            WHERE c.status IS DISTINCT FROM latest.to_status OR c.rating IS DISTINCT FROM rated.rating)";

/// An article a bulk load logged, written with the next batch (before
/// any claim that cites it, and before any read of the articles).
pub(crate) struct DeferredArticle {
    key: i64,
    id: Uuid,
    url: String,
    title: String,
    publisher: Option<String>,
    published_on: Option<String>,
    body: Option<String>,
    digest: Option<String>,
}

/// Articles a bulk load holds before writing them in one batch.
const DEFERRED_ARTICLES: usize = 1000;

impl TeamDatabase {
    /// Writes the articles a bulk load holds, and their `article.create`
    /// operations: one INSERT each, where one article at a time took four
    /// round trips (a million claims cite 10,000 articles).
    async fn write_deferred_articles(&mut self) -> Result<()> {
        let articles = std::mem::take(&mut self.deferred_articles);
        if articles.is_empty() {
            return Ok(());
        }
        let a = &articles;
        sqlx::query(
            "INSERT INTO articles (id, uuid, url, title, publisher, published_on, body, body_sha256, created_at)
             SELECT id, uuid, url, title, publisher, published_on, body, body_sha256, claimtrack_now()
             FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                  AS a (id, uuid, url, title, publisher, published_on, body, body_sha256)",
        )
        .bind(a.iter().map(|a| a.key).collect::<Vec<_>>())
        .bind(a.iter().map(|a| a.id).collect::<Vec<_>>())
        .bind(a.iter().map(|a| a.url.as_str()).collect::<Vec<_>>())
        .bind(a.iter().map(|a| a.title.as_str()).collect::<Vec<_>>())
        .bind(a.iter().map(|a| a.publisher.as_deref()).collect::<Vec<_>>())
        .bind(a.iter().map(|a| a.published_on.as_deref()).collect::<Vec<_>>())
        .bind(a.iter().map(|a| a.body.as_deref()).collect::<Vec<_>>())
        .bind(a.iter().map(|a| a.digest.as_deref()).collect::<Vec<_>>())
        .execute(&mut self.conn)
        .await?;
        let operations = articles
            .into_iter()
            .map(|a| NewOperation {
                kind: "article.create",
                article_key: Some(a.key),
                new: Some(serde_json::json!({
                    "id": a.id.to_string(), "url": a.url, "title": a.title, "publisher": a.publisher,
                    "published_on": a.published_on, "body_sha256": a.digest,
                })),
                ..NewOperation::default()
            })
            .collect();
        self.record_operations(operations).await
    }

    /// Whether this session may `COPY` into the tables (row security does
    /// not hold it: their owner, a superuser, or a role that bypasses it),
    /// and whether it records history in others' names (only the owner).
    async fn loading_rights(&mut self) -> Result<(bool, bool, String)> {
        Ok(sqlx::query_as(
            "SELECT (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'claims') = current_user::text
                    OR coalesce((SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user), false),
                    claimtrack_is_owner(), session_user::text",
        )
        .fetch_one(&mut self.conn)
        .await?)
    }

    /// Drops the index `name` (one of this module's constants, never
    /// input) if it exists; returns the statement that builds it again.
    async fn drop_index(&mut self, name: &str) -> Result<Option<String>> {
        let definition: Option<String> = sqlx::query_scalar(
            "SELECT pg_get_indexdef(c.oid) FROM pg_class c
             WHERE c.relkind = 'i' AND c.relname = $1 AND c.relnamespace = current_schema()::regnamespace",
        )
        .bind(name)
        .fetch_optional(&mut self.conn)
        .await?;
        if definition.is_some() {
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP INDEX {name}")))
                .execute(&mut self.conn)
                .await?;
        }
        Ok(definition)
    }

    /// Drops the foreign keys of `tables`; returns the statements that add
    /// them back.
    async fn drop_keys(&mut self, tables: &[&str]) -> Result<Vec<String>> {
        let keys: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT t.relname::text, c.conname::text, pg_get_constraintdef(c.oid)
             FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
             WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace
               AND t.relname = ANY($1)
             ORDER BY t.relname, c.conname",
        )
        .bind(tables)
        .fetch_all(&mut self.conn)
        .await?;
        let mut add = Vec::new();
        for (table, name, definition) in keys {
            // Names and definitions come from the catalog, not from input.
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "ALTER TABLE {table} DROP CONSTRAINT \"{name}\""
            )))
            .execute(&mut self.conn)
            .await?;
            add.push(format!(
                "ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}"
            ));
        }
        Ok(add)
    }

    /// Puts back the search index's GIN index and key if a bulk load set
    /// them aside, once the write's refresh has written the rows.
    pub(super) async fn search_indexed(&mut self) -> Result<()> {
        let saved = std::mem::take(&mut self.search_unindexed);
        self.run_saved(saved).await
    }

    /// Runs, in order, statements a bulk load saved to put back what it set
    /// aside (made from the catalog and this module's constants, never
    /// from input).
    async fn run_saved(&mut self, statements: impl IntoIterator<Item = String>) -> Result<()> {
        for sql in statements {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&mut self.conn)
                .await?;
        }
        Ok(())
    }

    /// Puts the claims' unique-id constraint back if a bulk load set it
    /// aside: checked over every claim at once, and from then on serving
    /// lookups by id.
    async fn ids_indexed(&mut self) -> Result<()> {
        let saved = self.ids_unindexed.take();
        self.run_saved(saved).await
    }

    fn open_id(&self) -> Result<i64> {
        self.open
            .as_ref()
            .map(|o| o.id)
            .ok_or_else(|| Error::Internal("no operation is open".into()))
    }
}

/// An event as a member's session may record it: in the member's own name.
/// A file that names someone else keeps that name in the note, so that
/// nothing it said is lost.
fn recorded_by(mut event: NewEvent, login: &str, owner: bool) -> NewEvent {
    if !owner && event.actor != login {
        let named = format!("recorded by {} in the imported file", event.actor);
        event.note = Some(match event.note.take() {
            Some(note) if !note.is_empty() => format!("{note} ({named})"),
            _ => named,
        });
        event.actor = login.to_string();
    }
    event
}

/// Rows in PostgreSQL's `COPY` text format.
#[derive(Default)]
struct CopyText {
    text: String,
    first: bool,
}

impl CopyText {
    fn field(&mut self, value: Option<&str>) -> &mut Self {
        if !self.first {
            self.text.push('\t');
        }
        self.first = false;
        match value {
            None => self.text.push_str("\\N"),
            // Most values have nothing to escape: copied whole.
            Some(value) if !value.bytes().any(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r')) => {
                self.text.push_str(value)
            }
            Some(value) => {
                for c in value.chars() {
                    match c {
                        '\\' => self.text.push_str("\\\\"),
                        '\t' => self.text.push_str("\\t"),
                        '\n' => self.text.push_str("\\n"),
                        '\r' => self.text.push_str("\\r"),
                        c => self.text.push(c),
                    }
                }
            }
        }
        self
    }

    fn number(&mut self, value: Option<i64>) -> &mut Self {
        match value {
            Some(n) => {
                let mut digits = String::new();
                let _ = write!(digits, "{n}");
                self.field(Some(&digits))
            }
            None => self.field(None),
        }
    }

    fn end_row(&mut self) {
        self.text.push('\n');
        self.first = true;
    }

    fn start(&mut self) {
        self.first = true;
    }
}

/// New claims laid out as the rows of the three tables they fill.
#[derive(Default)]
struct ClaimRows {
    events: Vec<(i64, i64, Option<Status>, NewEvent, String)>,
    claims: Vec<ClaimRow>,
    tags: Vec<(i64, String)>,
}

struct ClaimRow {
    key: i64,
    claim: NewClaim,
    status: Status,
    rating: Option<String>,
    created: String,
    updated: String,
}

impl ClaimRows {
    /// The rows through `COPY`, one per table. Row by row, a claim's
    /// history goes in before it; in a bulk load (its history triggers set
    /// aside) the claims go first, the largest part, so that the server
    /// starts on it while the next chunk is laid out.
    async fn copy(self, conn: &mut sqlx::PgConnection, operation: i64, bulk: bool) -> Result<()> {
        let mut events = CopyText::default();
        events.start();
        for (id, claim, from, event, evidence) in &self.events {
            events
                .number(Some(*id))
                .number(Some(*claim))
                .field(from.map(Status::as_str))
                .field(Some(event.to.as_str()))
                .field(event.rating.as_deref())
                .field(event.note.as_deref())
                .field(Some(evidence))
                .field(Some(&event.actor))
                .field(Some(&event.at))
                .number(Some(operation))
                .field(event.stored_effective_on());
            events.end_row();
        }
        let mut claims = CopyText::default();
        claims.start();
        for row in &self.claims {
            let claim = &row.claim;
            let anchor = claim.anchor.as_ref();
            claims
                .number(Some(row.key))
                .field(Some(&claim.id.hyphenated().to_string()))
                .number(claim.article_key)
                .number(Some(claim.source_key))
                .field(Some(claim.text.trim()))
                .field(claim.quote.as_deref())
                .field(claim.said_on.map(|d| d.to_string()).as_deref())
                .field(Some(row.status.as_str()))
                .field(row.rating.as_deref())
                .field(Some(&row.created))
                .field(Some(&row.updated))
                .number(anchor.map(|a| a.start as i64))
                .number(anchor.map(|a| a.end as i64))
                .field(anchor.map(|a| a.prefix.as_str()))
                .field(anchor.map(|a| a.suffix.as_str()))
                .field(claim.origin.as_deref())
                .field(claim.language.as_deref());
            claims.end_row();
        }
        let mut tags = CopyText::default();
        tags.start();
        for (key, tag) in &self.tags {
            tags.number(Some(*key)).field(Some(tag));
            tags.end_row();
        }
        let events = (
            "COPY status_events (id, claim_id, from_status, to_status, rating, note, evidence, actor, at, operation_id, effective_on) FROM STDIN",
            events.text,
        );
        let claims = (
            "COPY claims (id, uuid, article_id, source_id, text, quote, said_on, status, rating, created_at, updated_at,
                          quote_start, quote_end, quote_prefix, quote_suffix, origin, language) FROM STDIN",
            claims.text,
        );
        let tags = ("COPY claim_tags (claim_id, tag) FROM STDIN", tags.text);
        let order = if bulk {
            [claims, events, tags]
        } else {
            [events, claims, tags]
        };
        for (statement, rows) in order {
            send(conn, statement, rows).await?;
        }
        Ok(())
    }

    /// The same rows as multi-row INSERTs, one per table, their columns
    /// bound as arrays.
    async fn insert(self, conn: &mut sqlx::PgConnection, operation: i64) -> Result<()> {
        let events = self.events;
        sqlx::query(
            "INSERT INTO status_events (id, claim_id, from_status, to_status, rating, note, evidence, actor, at, operation_id, effective_on)
             SELECT id, claim_id, from_status, to_status, rating, note, evidence, actor, at, $10, effective_on
             FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                         $9::text[], $11::text[])
                  AS e (id, claim_id, from_status, to_status, rating, note, evidence, actor, at, effective_on)
             ORDER BY id",
        )
        .bind(events.iter().map(|e| e.0).collect::<Vec<i64>>())
        .bind(events.iter().map(|e| e.1).collect::<Vec<i64>>())
        .bind(events.iter().map(|e| e.2.map(|s| s.as_str())).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.3.to.as_str()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.3.rating.as_deref()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.3.note.as_deref()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.4.as_str()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.3.actor.as_str()).collect::<Vec<_>>())
        .bind(events.iter().map(|e| e.3.at.as_str()).collect::<Vec<_>>())
        .bind(operation)
        .bind(events.iter().map(|e| e.3.stored_effective_on()).collect::<Vec<_>>())
        .execute(&mut *conn)
        .await?;
        let claims = self.claims;
        let anchors: Vec<Option<&QuoteAnchor>> = claims.iter().map(|c| c.claim.anchor.as_ref()).collect();
        sqlx::query(
            "INSERT INTO claims (id, uuid, article_id, source_id, text, quote, said_on, status, rating, created_at, updated_at,
                                 quote_start, quote_end, quote_prefix, quote_suffix, origin, language)
             SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[],
                                  $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::bigint[],
                                  $14::text[], $15::text[], $16::text[], $17::text[])",
        )
        .bind(claims.iter().map(|c| c.key).collect::<Vec<i64>>())
        .bind(claims.iter().map(|c| c.claim.id).collect::<Vec<Uuid>>())
        .bind(claims.iter().map(|c| c.claim.article_key).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.claim.source_key).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.claim.text.trim()).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.claim.quote.as_deref()).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.claim.said_on.map(|d| d.to_string())).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.status.as_str()).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.rating.as_deref()).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.created.as_str()).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.updated.as_str()).collect::<Vec<_>>())
        .bind(anchors.iter().map(|a| a.map(|a| a.start as i64)).collect::<Vec<_>>())
        .bind(anchors.iter().map(|a| a.map(|a| a.end as i64)).collect::<Vec<_>>())
        .bind(anchors.iter().map(|a| a.map(|a| a.prefix.as_str())).collect::<Vec<_>>())
        .bind(anchors.iter().map(|a| a.map(|a| a.suffix.as_str())).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.claim.origin.as_deref()).collect::<Vec<_>>())
        .bind(claims.iter().map(|c| c.claim.language.as_deref()).collect::<Vec<_>>())
        .execute(&mut *conn)
        .await?;
        if !self.tags.is_empty() {
            sqlx::query(
                "INSERT INTO claim_tags (claim_id, tag) SELECT * FROM unnest($1::bigint[], $2::text[])",
            )
            .bind(self.tags.iter().map(|t| t.0).collect::<Vec<i64>>())
            .bind(self.tags.iter().map(|t| t.1.as_str()).collect::<Vec<_>>())
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }
}

/// Claims per chunk that one `COPY` per table writes while the next chunk
/// is laid out.
const COPY_CHUNK: usize = 2000;

/// New claims laid out as their rows (keys and event ids from `next`,
/// which moves on), each claim and event added to the open operation's
/// digests as the database will hold it: the text and tags trimmed, a tag
/// differing only in ASCII case left out; events in the member's name.
fn lay_out(
    claims: Vec<NewClaim>,
    next: &mut (i64, i64),
    open: &mut crate::store::journal::OpenOperation,
    login: &str,
    owner: bool,
) -> ClaimRows {
    let mut rows = ClaimRows::default();
    for mut claim in claims {
        let key = next.0;
        next.0 += 1;
        let history: Vec<NewEvent> = std::mem::take(&mut claim.history)
            .into_iter()
            .map(|e| recorded_by(e, login, owner))
            .collect();
        let status = history.last().map(|e| e.to).unwrap_or(Status::Unverified);
        let rating = history.iter().rev().find_map(|e| e.rating.clone());
        let updated = history.iter().map(|e| e.at.clone()).max().unwrap_or_default();
        let created = history.first().map(|e| e.at.clone()).unwrap_or_default();
        let tags = crate::store::claims::stored_tags(std::mem::take(&mut claim.tags));
        let mut sorted: Vec<&str> = tags.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        let id = claim.id.hyphenated().to_string();
        let said_on = claim.said_on.map(|d| d.to_string());
        open.claims.add(&ClaimRecordRef {
            id: &id,
            source: claim.source_key,
            article: claim.article_key,
            text: claim.text.trim(),
            quote: claim.quote.as_deref(),
            said_on: said_on.as_deref(),
            tags: &sorted,
            language: claim.language.as_deref(),
        });
        rows.tags.extend(tags.into_iter().map(|t| (key, t)));
        let mut from = None;
        for event in history {
            let evidence = crate::store::claims::evidence_text(&event.evidence).into_owned();
            open.events
                .add(&crate::store::claims::event_record(key, from, &event, &evidence));
            let to = event.to;
            rows.events.push((next.1, key, from, event, evidence));
            next.1 += 1;
            from = Some(to);
        }
        rows.claims.push(ClaimRow {
            key,
            claim,
            status,
            rating,
            created,
            updated,
        });
    }
    rows
}

/// The tables a copy's bulk sink writes, in an order in which every row
/// finds the rows it refers to (the keys checked on the spot).
const SINK_ORDER: [&str; 10] = [
    "sources",
    "source_aliases",
    "speaks_for",
    "articles",
    "operations",
    "claims",
    "status_events",
    "claim_tags",
    "claim_links",
    "article_snapshots",
];

/// Rows a copy's bulk sink holds before writing them.
const SINK_ROWS: usize = 20_000;

/// The destination of `claims copy` into an empty team database, as its
/// owner: the rows gather per table and go in through `COPY`, all tables at
/// once every [`SINK_ROWS`] rows, while a bulk load has the per-row history
/// checks set aside (its set-wise checks run before the commit).
pub(super) struct BulkSink<'d> {
    pub(super) db: &'d mut TeamDatabase,
    tables: Vec<(&'static str, &'static [&'static str], CopyText)>,
    rows: usize,
}

impl<'d> BulkSink<'d> {
    /// Moves every claim to the state its whole history gives, in one
    /// statement: what the trigger set aside (`status_events_move_claim`)
    /// does event by event. A copy writes each claim as its first event
    /// left it.
    pub(super) async fn move_claims_along_their_history(&mut self) -> Result<()> {
        sqlx::query(
            "WITH latest AS (SELECT DISTINCT ON (claim_id) claim_id, to_status FROM status_events
                             ORDER BY claim_id, id DESC),
                  rated AS (SELECT DISTINCT ON (claim_id) claim_id, rating FROM status_events
                            WHERE rating IS NOT NULL ORDER BY claim_id, id DESC),
                  lately AS (SELECT claim_id, max(at) AS at FROM status_events GROUP BY claim_id)
             UPDATE claims c
             SET status = l.to_status, rating = coalesce(r.rating, c.rating), updated_at = greatest(c.updated_at, a.at)
             FROM latest l LEFT JOIN rated r ON r.claim_id = l.claim_id JOIN lately a ON a.claim_id = l.claim_id
             WHERE l.claim_id = c.id
               AND (c.status IS DISTINCT FROM l.to_status OR c.rating IS DISTINCT FROM coalesce(r.rating, c.rating)
                    OR c.updated_at < a.at)",
        )
        .execute(&mut self.db.conn)
        .await?;
        Ok(())
    }

    pub(super) fn new(db: &'d mut TeamDatabase) -> BulkSink<'d> {
        BulkSink {
            db,
            tables: Vec::new(),
            rows: 0,
        }
    }

    /// Writes what is gathered, table by table in [`SINK_ORDER`].
    pub(super) async fn flush(&mut self) -> Result<()> {
        let mut tables = std::mem::take(&mut self.tables);
        tables.sort_by_key(|(table, _, _)| SINK_ORDER.iter().position(|t| t == table).unwrap_or(usize::MAX));
        for (table, columns, text) in tables {
            let statement = format!("COPY {table} ({}) FROM STDIN", columns.join(", "));
            send(&mut self.db.conn, &statement, text.text).await?;
        }
        self.rows = 0;
        Ok(())
    }
}

impl crate::store::copy::CopySink for BulkSink<'_> {
    async fn row(&mut self, row: crate::store::copy::Insert) -> Result<()> {
        use crate::store::copy::Value;
        let (table, columns, values) = row.into_parts();
        let at = match self
            .tables
            .iter()
            .position(|(t, c, _)| *t == table && *c == columns)
        {
            Some(at) => at,
            None => {
                let mut text = CopyText::default();
                text.start();
                self.tables.push((table, columns, text));
                self.tables.len() - 1
            }
        };
        let text = &mut self.tables[at].2;
        for value in &values {
            match value {
                Value::Text(value) => text.field(value.as_deref()),
                Value::Int(value) => text.number(*value),
                Value::Id(id) => text.field(Some(&id.hyphenated().to_string())),
            };
        }
        text.end_row();
        self.rows += 1;
        if self.rows >= SINK_ROWS {
            self.flush().await?;
        }
        Ok(())
    }

    async fn before_event(&mut self, _legacy: bool) -> Result<()> {
        Ok(())
    }

    async fn copied_table_counts(&mut self) -> Result<crate::store::copy::TableCounts> {
        self.flush().await?;
        super::table_counts(&mut self.db.conn).await
    }
}

/// Streams `rows` into a `COPY ... FROM STDIN`.
async fn send(conn: &mut sqlx::PgConnection, statement: &str, rows: String) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut copy = conn.copy_in_raw(statement).await?;
    if let Err(e) = copy.send(rows.into_bytes()).await {
        let _ = copy.abort("the import failed").await;
        return Err(e.into());
    }
    copy.finish().await?;
    Ok(())
}

impl Importing for TeamDatabase {
    fn claims_per_flush(&self) -> usize {
        // Four chunks a flush, the server writing one while the next is
        // laid out (see `insert_claims`).
        4 * COPY_CHUNK
    }

    async fn has_claims_and_articles(&mut self) -> Result<(bool, bool)> {
        Ok(
            sqlx::query_as("SELECT EXISTS (SELECT 1 FROM claims), EXISTS (SELECT 1 FROM articles)")
                .fetch_one(&mut self.conn)
                .await?,
        )
    }

    async fn begin_bulk_load(&mut self) -> Result<Option<BulkLoad>> {
        let (may_copy, owner, _) = self.loading_rights().await?;
        let empty: bool = sqlx::query_scalar(
            "SELECT NOT EXISTS (SELECT 1 FROM claims) AND NOT EXISTS (SELECT 1 FROM status_events)",
        )
        .fetch_one(&mut self.conn)
        .await?;
        if !(may_copy && owner && empty) {
            return Ok(None);
        }
        let mut indexes = Vec::new();
        for name in DEFERRABLE_INDEXES {
            indexes.extend(self.drop_index(name).await?);
        }
        // Foreign keys check each row with a locking lookup of the row it
        // names (a tag locks its claim, a claim its source and article):
        // over a load, most of COPY's time. Added back after the load, each
        // is checked by one join over the whole table.
        let after = self.drop_keys(&["claims", "claim_tags", "status_events"]).await?;
        // The search index's rows are written after the load, by the
        // write's refresh: its GIN index is built once after them, and its
        // key to the claims checked by one join. On 100,000 claims, writing
        // the rows took 5.1 s with both in place, and 1.4 s without them
        // plus 1.7 s to build the index.
        let mut search = self.drop_keys(&["claim_search"]).await?;
        search.extend(self.drop_index("claim_search_document").await?);
        self.search_unindexed = search;
        // The claims' unique ids: a random key, so each row lands on a
        // random page of its index (5.5 of 17 s of a million claims' COPY).
        // Built once after the load instead, or as soon as the load looks a
        // claim up by id (`ids_indexed`).
        let (name, definition): (String, String) = sqlx::query_as(
            "SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint
             WHERE conrelid = 'claims'::regclass AND contype = 'u' AND conkey = ARRAY[(
                 SELECT attnum FROM pg_attribute WHERE attrelid = 'claims'::regclass AND attname = 'uuid')]",
        )
        .fetch_one(&mut self.conn)
        .await?;
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "ALTER TABLE claims DROP CONSTRAINT \"{name}\""
        )))
        .execute(&mut self.conn)
        .await?;
        self.ids_unindexed = Some(format!(
            "ALTER TABLE claims ADD CONSTRAINT \"{name}\" {definition}"
        ));
        let mut triggers = after;
        for (table, trigger) in DEFERRABLE_TRIGGERS {
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "ALTER TABLE {table} DISABLE TRIGGER {trigger}"
            )))
            .execute(&mut self.conn)
            .await?;
            triggers.push(format!("ALTER TABLE {table} ENABLE TRIGGER {trigger}"));
        }
        self.bulk_loading = true;
        Ok(Some(BulkLoad::from_statements(indexes, triggers)))
    }

    async fn finish_bulk_load(&mut self, bulk: BulkLoad) -> Result<()> {
        self.write_deferred_articles().await?;
        self.bulk_loading = false;
        let (indexes, triggers) = bulk.into_statements();
        // The load's deferred foreign-key checks are due before its tables
        // may change shape (an index, a trigger); both deferrable keys
        // defer again after.
        sqlx::query("SET CONSTRAINTS ALL IMMEDIATE")
            .execute(&mut self.conn)
            .await?;
        sqlx::query("SET CONSTRAINTS ALL DEFERRED")
            .execute(&mut self.conn)
            .await?;
        // An index build sorts in memory up to this much, then on disk; the
        // checks below hash and sort a million rows (with the default 4 MB,
        // their hash join spilled to disk in 16 batches: 2.2 s, not 1.5).
        // JIT compiling the checks' expressions cost more than it saved
        // (0.3 s of 3.2 s on a million claims).
        for setting in [
            "SET LOCAL maintenance_work_mem = '256MB'",
            "SET LOCAL work_mem = '256MB'",
            "SET LOCAL jit = off",
        ] {
            sqlx::query(setting).execute(&mut self.conn).await?;
        }
        self.run_saved(indexes).await?;
        self.ids_indexed().await?;
        // Whole-table passes (sorts and hash joins), not a lookup per row.
        let (broken, off): (i64, i64) = sqlx::query_as(BROKEN_LOAD).fetch_one(&mut self.conn).await?;
        if broken > 0 || off > 0 {
            return Err(Error::Internal(format!(
                "a bulk load broke the history rules ({broken} events out of order, {off} claims not in the state their history gives)"
            )));
        }
        self.run_saved(triggers).await
    }

    async fn find_source(&mut self, name: &str) -> Result<Option<Source>> {
        let row = sqlx::query(
            "SELECT s.id, s.name, s.kind, s.description, s.job, s.party, s.region FROM sources s WHERE s.name_key = $1
             UNION ALL
             SELECT s.id, s.name, s.kind, s.description, s.job, s.party, s.region
             FROM source_aliases a JOIN sources s ON s.id = a.source_id WHERE a.alias_key = $1
             LIMIT 1",
        )
        .bind(fold_name(name))
        .fetch_optional(&mut self.conn)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let key: i64 = row.try_get(0)?;
        let kind: String = row.try_get(2)?;
        let aliases: Vec<String> =
            sqlx::query_scalar("SELECT alias FROM source_aliases WHERE source_id = $1 ORDER BY alias_key")
                .bind(key)
                .fetch_all(&mut self.conn)
                .await?;
        Ok(Some(Source {
            key,
            name: row.try_get(1)?,
            kind: kind.parse()?,
            profile: SourceProfile {
                description: row.try_get(3)?,
                job: row.try_get(4)?,
                party: row.try_get(5)?,
                region: row.try_get(6)?,
            },
            aliases,
        }))
    }

    async fn add_source_with_profile(
        &mut self,
        name: &str,
        kind: SourceKind,
        profile: &SourceProfile,
    ) -> Result<Source> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid("a source name cannot be empty"));
        }
        if let Some(existing) = self.find_source(name).await? {
            return Err(Error::Conflict(if fold_name(&existing.name) == fold_name(name) {
                format!("source '{name}' already exists")
            } else {
                format!("'{name}' is already an alias of source '{}'", existing.name)
            }));
        }
        let description = profile
            .description
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let key: i64 = sqlx::query_scalar(
            "INSERT INTO sources (id, name, name_key, name_skeleton, kind, description, job, party, region, created_at)
             VALUES ((SELECT coalesce(max(id), 0) + 1 FROM sources), $1, $2, $3, $4, $5, $6, $7, $8, claimtrack_now())
             RETURNING id",
        )
        .bind(name)
        .bind(fold_name(name))
        .bind(name_skeleton(name))
        .bind(kind.as_str())
        .bind(description)
        .bind(&profile.job)
        .bind(&profile.party)
        .bind(&profile.region)
        .fetch_one(&mut self.conn)
        .await?;
        self.record_operation(NewOperation {
            kind: "source.create",
            source_key: Some(key),
            new: Some(serde_json::json!({
                "name": name, "kind": kind.as_str(), "description": profile.description,
                "job": profile.job, "party": profile.party, "region": profile.region,
            })),
            ..NewOperation::default()
        })
        .await?;
        Ok(Source {
            key,
            name: name.to_string(),
            kind,
            profile: profile.clone(),
            aliases: vec![],
        })
    }

    async fn update_source(
        &mut self,
        key: i64,
        kind: SourceKind,
        profile: &SourceProfile,
        note: Option<String>,
    ) -> Result<Option<Operation>> {
        let old: crate::store::sources::SourceState =
            sqlx::query_as("SELECT kind, description, job, party, region FROM sources WHERE id = $1")
                .bind(key)
                .fetch_one(&mut self.conn)
                .await?;
        let (before, after) = crate::store::sources::source_changes(&old, kind, profile);
        if after.is_empty() {
            return Ok(None);
        }
        let operation = self
            .record_operation(NewOperation {
                kind: "source.edit",
                source_key: Some(key),
                old: Some(before.into()),
                new: Some(after.into()),
                note,
                ..NewOperation::default()
            })
            .await?;
        sqlx::query(
            "UPDATE sources SET kind = $1, description = $2, job = $3, party = $4, region = $5 WHERE id = $6",
        )
        .bind(kind.as_str())
        .bind(&profile.description)
        .bind(&profile.job)
        .bind(&profile.party)
        .bind(&profile.region)
        .bind(key)
        .execute(&mut self.conn)
        .await?;
        Ok(Some(operation))
    }

    async fn add_alias(&mut self, source: &Source, alias: &str) -> Result<bool> {
        let alias = alias.trim();
        let owner = self.find_source(alias).await?;
        if !crate::store::sources::new_alias(source, alias, owner.as_ref())? {
            return Ok(false);
        }
        sqlx::query("INSERT INTO source_aliases (alias_key, alias, source_id) VALUES ($1, $2, $3)")
            .bind(fold_name(alias))
            .bind(alias)
            .bind(source.key)
            .execute(&mut self.conn)
            .await?;
        self.record_operation(NewOperation {
            kind: "source.alias",
            source_key: Some(source.key),
            new: Some(serde_json::json!({ "alias": alias })),
            ..NewOperation::default()
        })
        .await?;
        Ok(true)
    }

    async fn add_speaks_for(
        &mut self,
        speaker: &Source,
        organization: &Source,
        role: &str,
        since: Option<Day>,
        until: Option<Day>,
    ) -> Result<bool> {
        crate::store::sources::check_speaks_for(speaker, organization, since, until)?;
        let exists: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM speaks_for WHERE speaker_id = $1 AND org_id = $2 AND role = $3)",
        )
        .bind(speaker.key)
        .bind(organization.key)
        .bind(role.trim())
        .fetch_one(&mut self.conn)
        .await?;
        if exists {
            return Ok(false);
        }
        let added = sqlx::query(
            "INSERT INTO speaks_for (speaker_id, org_id, role, since, until) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING",
        )
        .bind(speaker.key)
        .bind(organization.key)
        .bind(role.trim())
        .bind(since.map(|d| d.to_string()))
        .bind(until.map(|d| d.to_string()))
        .execute(&mut self.conn)
        .await?
        .rows_affected()
            > 0;
        if added {
            self.record_operation(NewOperation {
                kind: "source.speaks_for",
                source_key: Some(speaker.key),
                new: Some(serde_json::json!({
                    "organization": organization.name, "role": role.trim(),
                    "since": since.map(|d| d.to_string()), "until": until.map(|d| d.to_string()),
                })),
                ..NewOperation::default()
            })
            .await?;
        }
        Ok(added)
    }

    async fn article(&mut self, key: i64) -> Result<Article> {
        self.write_deferred_articles().await?;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1"
        )))
        .bind(key)
        .fetch_one(&mut self.conn)
        .await?;
        article_from_row(&row)
    }

    async fn find_article_by_url(&mut self, url: &str) -> Result<Option<Article>> {
        self.write_deferred_articles().await?;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.url = $1"
        )))
        .bind(url.trim())
        .fetch_optional(&mut self.conn)
        .await?;
        row.as_ref().map(article_from_row).transpose()
    }

    async fn article_body(&mut self, key: i64) -> Result<Option<String>> {
        self.write_deferred_articles().await?;
        crate::store::reading::Reading::article_body_of(self, key).await
    }

    async fn add_article(
        &mut self,
        url: &str,
        title: &str,
        publisher: Option<&str>,
        published_on: Option<Day>,
        body: Option<&str>,
    ) -> Result<i64> {
        if let Some(existing) = self.find_article_by_url(url).await? {
            return Err(Error::Conflict(format!(
                "article {} is already logged as {}",
                url.trim(),
                crate::model::short_id(&existing.id)
            )));
        }
        self.insert_article(url, title, publisher, published_on, body)
            .await
    }

    async fn insert_article(
        &mut self,
        url: &str,
        title: &str,
        publisher: Option<&str>,
        published_on: Option<Day>,
        body: Option<&str>,
    ) -> Result<i64> {
        let (url, title) = (url.trim(), title.trim());
        if title.is_empty() {
            return Err(Error::invalid("an article title cannot be empty"));
        }
        let id = Uuid::now_v7();
        let publisher = publisher.map(str::trim).filter(|p| !p.is_empty());
        let digest = body.map(crate::store::articles::body_digest);
        if self.bulk_loading {
            // An empty database's load, under the write lock: it numbers
            // its articles itself and writes them in batches.
            let key = match self.next_article_key {
                Some(key) => key,
                None => {
                    sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM articles")
                        .fetch_one(&mut self.conn)
                        .await?
                }
            };
            self.next_article_key = Some(key + 1);
            self.deferred_articles.push(DeferredArticle {
                key,
                id,
                url: url.to_string(),
                title: title.to_string(),
                publisher: publisher.map(str::to_string),
                published_on: published_on.map(|d| d.to_string()),
                body: body.map(str::to_string),
                digest,
            });
            if self.deferred_articles.len() >= DEFERRED_ARTICLES {
                self.write_deferred_articles().await?;
            }
            return Ok(key);
        }
        let key: i64 = sqlx::query_scalar(
            "INSERT INTO articles (id, uuid, url, title, publisher, published_on, body, body_sha256, created_at)
             VALUES ((SELECT coalesce(max(id), 0) + 1 FROM articles), $1, $2, $3, $4, $5, $6, $7, claimtrack_now())
             RETURNING id",
        )
        .bind(id)
        .bind(url)
        .bind(title)
        .bind(publisher)
        .bind(published_on.map(|d| d.to_string()))
        .bind(body)
        .bind(&digest)
        .fetch_one(&mut self.conn)
        .await?;
        self.record_operation(NewOperation {
            kind: "article.create",
            article_key: Some(key),
            new: Some(serde_json::json!({
                "id": id.to_string(), "url": url, "title": title, "publisher": publisher,
                "published_on": published_on.map(|d| d.to_string()), "body_sha256": digest,
            })),
            ..NewOperation::default()
        })
        .await?;
        Ok(key)
    }

    async fn update_article(
        &mut self,
        key: i64,
        parts: &ArticleParts<'_>,
        kind: &'static str,
        note: Option<String>,
    ) -> Result<Option<Operation>> {
        self.write_deferred_articles().await?;
        let ArticleParts {
            title,
            publisher,
            published_on,
            body,
        } = *parts;
        let (old_title, old_publisher, old_published, old_sha, old_body): (
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        ) = sqlx::query_as(
            "SELECT title, publisher, published_on::text, body_sha256, body FROM articles WHERE id = $1",
        )
        .bind(key)
        .fetch_one(&mut self.conn)
        .await?;
        let old: crate::store::articles::ArticleState = (old_title, old_publisher, old_published, old_sha);
        let (before, after) = crate::store::articles::article_changes(&old, parts);
        if after.is_empty() {
            return Ok(None);
        }
        let operation = self
            .record_operation(NewOperation {
                kind,
                article_key: Some(key),
                old: Some(before.into()),
                new: Some(after.clone().into()),
                note,
                ..NewOperation::default()
            })
            .await?;
        if let (Some(old_body), Some(old_sha)) = (old_body, &old.3)
            && after.contains_key("body_sha256")
        {
            let snapshot: i64 = sqlx::query_scalar(
                "INSERT INTO article_snapshots (id, article_id, body, body_sha256, replaced_at, replaced_by)
                 VALUES ((SELECT coalesce(max(id), 0) + 1 FROM article_snapshots), $1, $2, $3, $4, $5)
                 RETURNING id",
            )
            .bind(key)
            .bind(old_body)
            .bind(old_sha)
            .bind(&operation.at)
            .bind(operation.id)
            .fetch_one(&mut self.conn)
            .await?;
            sqlx::query(
                "UPDATE claims SET snapshot_id = $1
                 WHERE article_id = $2 AND snapshot_id IS NULL AND quote_start IS NOT NULL",
            )
            .bind(snapshot)
            .bind(key)
            .execute(&mut self.conn)
            .await?;
        }
        sqlx::query(
            "UPDATE articles SET title = $1, publisher = $2, published_on = $3, body = $4, body_sha256 = $5 WHERE id = $6",
        )
        .bind(title)
        .bind(publisher)
        .bind(published_on.map(|d| d.to_string()))
        .bind(body)
        .bind(body.map(crate::store::articles::body_digest))
        .bind(key)
        .execute(&mut self.conn)
        .await?;
        Ok(Some(operation))
    }

    async fn fields_edited_by_hand(&mut self, subject: Edited) -> Result<HashMap<String, (String, String)>> {
        let (sql, key) = match subject {
            Edited::Claim(key) => (
                "SELECT new, actor, at::text FROM operations WHERE claim_id = $1 AND kind = 'claim.edit' ORDER BY id",
                key,
            ),
            Edited::Article(key) => (
                "SELECT new, actor, at::text FROM operations WHERE article_id = $1 AND kind = 'article.edit' ORDER BY id",
                key,
            ),
        };
        let edits: Vec<(Option<String>, String, String)> =
            sqlx::query_as(sql).bind(key).fetch_all(&mut self.conn).await?;
        let mut fields = HashMap::new();
        for (new, actor, at) in edits {
            let new: Value = new
                .as_deref()
                .map(serde_json::from_str)
                .transpose()
                .map_err(|e| Error::Verification(format!("an edit of {subject:?} is not JSON: {e}")))?
                .unwrap_or(Value::Null);
            for field in new.as_object().into_iter().flat_map(|o| o.keys()) {
                fields.insert(field.clone(), (actor.clone(), at.clone()));
            }
        }
        Ok(fields)
    }

    async fn existing_claims(&mut self, ids: &[Uuid]) -> Result<HashMap<Uuid, i64>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        self.ids_indexed().await?;
        let rows: Vec<(Uuid, i64)> = sqlx::query_as("SELECT uuid, id FROM claims WHERE uuid = ANY($1)")
            .bind(ids)
            .fetch_all(&mut self.conn)
            .await?;
        Ok(rows.into_iter().collect())
    }

    async fn claim_by_id(&mut self, id: &Uuid) -> Result<Option<Claim>> {
        self.ids_indexed().await?;
        let key: Option<i64> = sqlx::query_scalar("SELECT id FROM claims WHERE uuid = $1")
            .bind(id)
            .fetch_optional(&mut self.conn)
            .await?;
        match key {
            Some(key) => Ok(Some(self.claim(key).await?)),
            None => Ok(None),
        }
    }

    async fn claim(&mut self, key: i64) -> Result<Claim> {
        let filter = crate::store::ClaimFilter {
            include_withdrawn: true,
            ..crate::store::ClaimFilter::default()
        };
        let mut sql = crate::store::claims::claim_select::<sqlx::Postgres>(&filter);
        sql.push(" AND c.id = ").push_bind(key);
        let row = sql.build().fetch_one(&mut self.conn).await?;
        crate::store::claims::claim_from_row(&row)
    }

    async fn claim_record(&mut self, key: i64) -> Result<ClaimRecord> {
        crate::store::audit::Audited::claim_records(self, key - 1, 1)
            .await?
            .into_iter()
            .next()
            .filter(|(found, _)| *found == key)
            .map(|(_, record)| record)
            .ok_or_else(|| Error::Internal(format!("claim key {key} vanished")))
    }

    async fn history(&mut self, key: i64) -> Result<Vec<StatusEvent>> {
        crate::store::reading::Reading::claim_history(self, key).await
    }

    async fn latest_verdict_by_hand(&mut self, key: i64) -> Result<Option<(String, String)>> {
        let latest: Option<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT e.actor, e.at::text, o.kind FROM status_events e
             LEFT JOIN operations o ON o.id = e.operation_id
             WHERE e.claim_id = $1 ORDER BY e.id DESC LIMIT 1",
        )
        .bind(key)
        .fetch_optional(&mut self.conn)
        .await?;
        Ok(latest.and_then(|(actor, at, kind)| {
            matches!(kind.as_deref(), None | Some("claim.mark" | "claim.create")).then_some((actor, at))
        }))
    }

    async fn quote_kept_in_snapshot(&mut self, key: i64, quote: &str) -> Result<bool> {
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM claims WHERE id = $1 AND snapshot_id IS NOT NULL AND quote = $2)",
        )
        .bind(key)
        .bind(quote)
        .fetch_one(&mut self.conn)
        .await?)
    }

    async fn open_operation(&mut self) -> Result<()> {
        self.write_deferred_articles().await?;
        crate::store::marking::Marking::open(self).await
    }

    async fn close_operation(&mut self, operation: NewOperation) -> Result<Operation> {
        crate::store::marking::Marking::close(self, operation).await
    }

    async fn insert_claims(&mut self, claims: Vec<NewClaim>) -> Result<()> {
        for claim in &claims {
            if claim.history.is_empty() {
                return Err(Error::invalid(format!("claim {} has no history", claim.id)));
            }
            if claim.text.trim().is_empty() {
                return Err(Error::invalid("a claim's text cannot be empty"));
            }
        }
        if claims.is_empty() {
            return Ok(());
        }
        let operation = self.open_id()?;
        let (may_copy, owner, login) = self.loading_rights().await?;
        let (first_claim, first_event): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT coalesce(max(id), 0) + 1 FROM claims), (SELECT coalesce(max(id), 0) + 1 FROM status_events)",
        )
        .fetch_one(&mut self.conn)
        .await?;
        let bulk = self.bulk_loading;
        let conn = &mut self.conn;
        let open = self
            .open
            .as_mut()
            .ok_or_else(|| Error::Internal("no operation is open".into()))?;
        // Pipelined: while the server takes one chunk's rows, this side lays
        // out (and hashes into the operation's digests) the next chunk's.
        let mut next = (first_claim, first_event);
        let mut rest = claims.into_iter().peekable();
        let mut chunk = lay_out(
            rest.by_ref().take(COPY_CHUNK).collect(),
            &mut next,
            open,
            &login,
            owner,
        );
        loop {
            let following: Vec<NewClaim> = rest.by_ref().take(COPY_CHUNK).collect();
            let write = async {
                if may_copy {
                    chunk.copy(&mut *conn, operation, bulk).await
                } else {
                    chunk.insert(&mut *conn, operation).await
                }
            };
            let build =
                async { (!following.is_empty()).then(|| lay_out(following, &mut next, open, &login, owner)) };
            let (written, built) = tokio::join!(write, build);
            written?;
            match built {
                Some(rows) => chunk = rows,
                None => return Ok(()),
            }
        }
    }

    async fn append_event(&mut self, key: i64, event: &NewEvent) -> Result<()> {
        let operation = self.open_id()?;
        let (_, owner, login) = self.loading_rights().await?;
        let (current, last_at, id): (String, Option<String>, i64) = sqlx::query_as(
            "SELECT status::text, (SELECT at::text FROM status_events WHERE claim_id = claims.id ORDER BY id DESC LIMIT 1),
                    (SELECT coalesce(max(id), 0) + 1 FROM status_events)
             FROM claims WHERE id = $1",
        )
        .bind(key)
        .fetch_one(&mut self.conn)
        .await?;
        let from: Status = current.parse()?;
        let mut event = recorded_by(event.clone(), &login, owner);
        // A history never runs backwards: a clock behind the claim's last
        // event records at that event's time.
        if let Some(last_at) = last_at.filter(|last| *last > event.at) {
            event.at = last_at;
        }
        let evidence = crate::store::claims::evidence_text(&event.evidence).into_owned();
        let record = crate::store::claims::event_record(key, Some(from), &event, &evidence);
        if let Some(open) = self.open.as_mut() {
            open.events.add(&record);
        }
        super::insert_event(&mut self.conn, id, key, Some(from), &event, &evidence, operation).await?;
        if self.bulk_loading {
            // What `status_events_move_claim` does, while the load has it
            // set aside; the whole load is checked against the history.
            sqlx::query(
                "UPDATE claims SET status = $1, rating = coalesce($2, rating), updated_at = greatest(updated_at, $3)
                 WHERE id = $4",
            )
            .bind(event.to.as_str())
            .bind(&event.rating)
            .bind(&event.at)
            .bind(key)
            .execute(&mut self.conn)
            .await?;
        }
        Ok(())
    }

    async fn edit_claim(
        &mut self,
        key: i64,
        wanted: &ClaimRecord,
        kind: &'static str,
        note: Option<String>,
        _actor: &str,
    ) -> Result<Option<Operation>> {
        let current = self.claim_record(key).await?;
        let (wanted, old, new) = crate::store::corrections::claim_edit(&current, wanted);
        if new.is_empty() {
            return Ok(None);
        }
        let operation = self
            .record_operation(NewOperation {
                kind,
                claim_key: Some(key),
                old: Some(Value::Object(old)),
                new: Some(Value::Object(new.clone())),
                note,
                ..NewOperation::default()
            })
            .await?;
        if new.keys().any(|f| f != "tags") {
            sqlx::query(
                "UPDATE claims SET source_id = $1, article_id = $2, text = $3, quote = $4, said_on = $5, language = $6 WHERE id = $7",
            )
            .bind(wanted.source)
            .bind(wanted.article)
            .bind(&wanted.text)
            .bind(&wanted.quote)
            .bind(&wanted.said_on)
            .bind(&wanted.language)
            .bind(key)
            .execute(&mut self.conn)
            .await?;
        }
        if new.contains_key("tags") {
            sqlx::query("DELETE FROM claim_tags WHERE claim_id = $1")
                .bind(key)
                .execute(&mut self.conn)
                .await?;
            sqlx::query(
                "INSERT INTO claim_tags (claim_id, tag) SELECT $1, btrim(tag) FROM unnest($2::text[]) AS t (tag)
                 ON CONFLICT DO NOTHING",
            )
            .bind(key)
            .bind(&wanted.tags)
            .execute(&mut self.conn)
            .await?;
        }
        Ok(Some(operation))
    }

    async fn set_origin(&mut self, key: i64, origin: Option<&str>) -> Result<()> {
        sqlx::query("UPDATE claims SET origin = $1 WHERE id = $2")
            .bind(origin)
            .bind(key)
            .execute(&mut self.conn)
            .await?;
        Ok(())
    }

    async fn set_quote_anchor(&mut self, key: i64, anchor: Option<&QuoteAnchor>) -> Result<()> {
        sqlx::query(
            "UPDATE claims SET quote_start = $1, quote_end = $2, quote_prefix = $3, quote_suffix = $4, snapshot_id = NULL
             WHERE id = $5",
        )
        .bind(anchor.map(|a| a.start as i64))
        .bind(anchor.map(|a| a.end as i64))
        .bind(anchor.map(|a| a.prefix.as_str()))
        .bind(anchor.map(|a| a.suffix.as_str()))
        .bind(key)
        .execute(&mut self.conn)
        .await?;
        Ok(())
    }

    async fn add_link(&mut self, from: &Claim, relation: Relation, to: &Claim, _actor: &str) -> Result<bool> {
        if from.key == to.key {
            return Err(Error::invalid(format!(
                "claim {} cannot be linked to itself",
                crate::model::short_id(&from.id)
            )));
        }
        // Looked up first: a link already there is no change, and asks for
        // no right (a checker re-imports a file whose links an editor made).
        let exists: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM claim_links WHERE from_claim = $1 AND relation = $2 AND to_claim = $3)",
        )
        .bind(from.key)
        .bind(relation.as_str())
        .bind(to.key)
        .fetch_one(&mut self.conn)
        .await?;
        if exists {
            return Ok(false);
        }
        let added = sqlx::query(
            "INSERT INTO claim_links (from_claim, relation, to_claim, actor, created_at)
             VALUES ($1, $2, $3, session_user, claimtrack_now())
             ON CONFLICT DO NOTHING",
        )
        .bind(from.key)
        .bind(relation.as_str())
        .bind(to.key)
        .execute(&mut self.conn)
        .await?
        .rows_affected()
            > 0;
        if added {
            self.record_operation(NewOperation {
                kind: "link.add",
                claim_key: Some(from.key),
                new: Some(serde_json::json!({
                    "from": from.id.to_string(), "relation": relation.as_str(), "to": to.id.to_string(),
                })),
                ..NewOperation::default()
            })
            .await?;
        }
        Ok(added)
    }
}
