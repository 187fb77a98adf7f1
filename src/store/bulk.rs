//! Bulk loads into an empty database: what a first import of a large file
//! sets aside while its rows go in, and how the same rules are checked
//! again, once, over the whole load before it may commit.
//!
//! A row-by-row load pays twice for every claim: the secondary indexes are
//! updated at random places, and the history rules run a trigger program
//! (with its own index seeks) per row. Over a million claims that was a
//! fifth of the import's time. Into empty tables, both can wait: an index
//! built afterwards sorts each key once, and the history rules hold for the
//! whole load exactly when a few set-based queries find no row that breaks
//! them. Everything happens inside the one write transaction, under the
//! write lock: no other connection can write, or even see the tables, while
//! the checks are away, and a failure or a crash rolls their removal back
//! with the rest.

use sqlx::QueryBuilder;

use super::Write;
use crate::error::{Error, Result};

/// What [`Write::begin_bulk_load`] set aside, to be put back by
/// [`Write::finish_bulk_load`].
#[derive(Debug, Default)]
pub struct BulkLoad {
    /// `CREATE INDEX` statements, from the schema itself.
    indexes: Vec<String>,
    /// `CREATE TRIGGER` statements, from the schema itself.
    triggers: Vec<String>,
}

impl BulkLoad {
    /// What a backend set aside: its `CREATE INDEX` statements and the
    /// statements that put its triggers back.
    pub(crate) fn from_statements(indexes: Vec<String>, triggers: Vec<String>) -> BulkLoad {
        BulkLoad { indexes, triggers }
    }

    /// The statements to run when the load is done: (indexes, triggers).
    pub(crate) fn into_statements(self) -> (Vec<String>, Vec<String>) {
        (self.indexes, self.triggers)
    }
}

/// Indexes that a bulk load may set aside: none that a trigger, a
/// uniqueness check or a foreign key needs while rows go in (the history
/// index serves the triggers that stay, and the deferred foreign keys).
const DEFERRABLE_INDEXES: &[&str] = &[
    "claims_short_id",
    "claims_source_status",
    "claims_article",
    "claims_said_on",
    "claim_tags_tag",
];

/// The triggers a bulk load sets aside: the history rules that only check
/// rows on insert, which [`Write::finish_bulk_load`] checks over the whole
/// load instead, and the one that moves a claim to each new event's status.
/// A bulk load writes each claim in the state its whole history gives, so
/// that move would only rewind it event by event; an event appended later
/// in the same load moves its claim itself (see [`Write::append_event`]).
const DEFERRABLE_TRIGGERS: &[&str] = &[
    "status_events_no_replace",
    "status_events_ids_in_order",
    "status_events_continue_history",
    "status_events_move_claim",
    "status_events_belong_to_an_operation",
    "claims_no_replace",
    "claims_insert_follows_history",
];

/// Events that break the chain or the clock, or belong to no operation
/// (which of the load's operations, their digests tell): the first event
/// of a claim comes from no status, every
/// later one from the status the one before it went to, and no event is
/// earlier than the one before it. One pass in the order of the history
/// index.
const BROKEN_EVENTS: &str = "
    SELECT count(*) FROM (
        SELECT from_status, at, operation_id,
               lag(to_status) OVER history AS previous_status,
               lag(at) OVER history AS previous_at,
               row_number() OVER history AS n
        FROM status_events
        WINDOW history AS (PARTITION BY claim_id ORDER BY id)
    )
    WHERE operation_id IS NULL
       OR CASE WHEN n = 1 THEN from_status IS NOT NULL
               ELSE from_status IS NOT previous_status OR at < previous_at END";

/// Claims whose status or rating is not the one their history gives (a
/// claim without history has no status to match, so it is counted too): the
/// rule `claims_insert_follows_history` checks on each insert, here a seek
/// or two in the history index per claim.
const CLAIMS_OFF_HISTORY: &str = "
    SELECT count(*) FROM claims c
    WHERE c.status IS NOT (SELECT to_status FROM status_events e
                           WHERE e.claim_id = c.id ORDER BY e.id DESC LIMIT 1)
       OR c.rating IS NOT (SELECT rating FROM status_events e
                           WHERE e.claim_id = c.id AND e.rating IS NOT NULL
                           ORDER BY e.id DESC LIMIT 1)";

impl Write<'_> {
    /// Sets aside the secondary indexes and the per-row history triggers of
    /// `claims` and `status_events`, if both tables are empty (otherwise
    /// `None`: rows already there are checked row by row as usual).
    /// [`Write::finish_bulk_load`] must run before the commit; if the load
    /// fails instead, the rollback brings everything back.
    pub async fn begin_bulk_load(&mut self) -> Result<Option<BulkLoad>> {
        let empty: bool = sqlx::query_scalar(
            "SELECT NOT EXISTS (SELECT 1 FROM claims) AND NOT EXISTS (SELECT 1 FROM status_events)",
        )
        .fetch_one(self.conn())
        .await?;
        if !empty {
            return Ok(None);
        }
        let mut bulk = BulkLoad::default();
        for (kind, names, kept) in [
            ("index", DEFERRABLE_INDEXES, &mut bulk.indexes),
            ("trigger", DEFERRABLE_TRIGGERS, &mut bulk.triggers),
        ] {
            for name in names {
                let sql: Option<String> =
                    sqlx::query_scalar("SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?")
                        .bind(kind)
                        .bind(name)
                        .fetch_optional(self.conn())
                        .await?;
                let Some(sql) = sql else { continue };
                // Kind and name come from the constant lists above, not
                // from input.
                let mut drop = QueryBuilder::<sqlx::Sqlite>::new("DROP ");
                drop.push(kind).push(" ").push(*name);
                drop.build().execute(self.conn()).await?;
                kept.push(sql);
            }
        }
        self.bulk_loading = true;
        Ok(Some(bulk))
    }

    /// Checks the history rules over everything the bulk load wrote, puts
    /// the triggers back and builds the indexes again, from their own stored
    /// definitions. A load that broke a rule is refused whole.
    pub async fn finish_bulk_load(&mut self, bulk: BulkLoad) -> Result<()> {
        self.write_deferred().await?;
        self.bulk_loading = false;
        // The tables were empty when the load began, so every row is the
        // load's own. Its inserts never name an event id or use OR REPLACE,
        // so no row was replaced; the ids are dense from 1 exactly when
        // their count reaches the largest.
        let (count, max_id): (i64, i64) =
            sqlx::query_as("SELECT count(*), coalesce(max(id), 0) FROM status_events")
                .fetch_one(self.conn())
                .await?;
        let broken: i64 = sqlx::query_scalar(BROKEN_EVENTS).fetch_one(self.conn()).await?;
        let off: i64 = sqlx::query_scalar(CLAIMS_OFF_HISTORY)
            .fetch_one(self.conn())
            .await?;
        if count != max_id || broken > 0 || off > 0 {
            return Err(Error::Internal(format!(
                "a bulk load broke the history rules ({count} events up to id {max_id}, \
                 {broken} out of order, {off} claims not in the state their history gives)"
            )));
        }
        for sql in bulk.triggers {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(self.conn())
                .await?;
        }
        // Building an index sorts every key. With temporary storage in
        // memory, a million claims' sort would sit in RAM; in a temporary
        // file, memory stays flat whatever the size. SQLite's sorter keeps
        // as much in memory as the page cache may hold before it spills: a
        // smaller cache during the build keeps the sort from doubling what
        // the load itself used.
        for pragma in ["PRAGMA temp_store = FILE", "PRAGMA cache_size = -16384"] {
            sqlx::query(pragma).execute(self.conn()).await?;
        }
        for sql in bulk.indexes {
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(self.conn())
                .await?;
        }
        // Back to the settings the rest of the write transaction runs with.
        for pragma in [super::WRITE_CACHE, "PRAGMA temp_store = MEMORY"] {
            sqlx::query(pragma).execute(self.conn()).await?;
        }
        Ok(())
    }
}
