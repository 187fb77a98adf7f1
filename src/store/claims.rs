//! Claims, their tags, their status history and the links between them.
//! Writes go through one batched path, [`Write::insert_claims`], whether a
//! person logs one claim or an import loads a million.

use sqlx::{QueryBuilder, Row, Sqlite};

use crate::journal::{ClaimRecordRef, EventRecordRef};
use uuid::Uuid;

use super::{Store, Write, parse_id, refusal};
use crate::anchor::QuoteAnchor;
use crate::error::{Error, Result};
use crate::model::{Claim, ClaimLink, Day, Relation, Status, StatusEvent, short_id};

/// The plan of a short-id lookup, for the test that pins it to an index.
pub(super) const LOOKUP_EXPLAIN: &str = "EXPLAIN QUERY PLAN SELECT id, uuid FROM claims WHERE short_id >= 'abcd' AND short_id < 'abcdg' ORDER BY id LIMIT 10";

/// Rows per multi-row INSERT: well under SQLite's bound-parameter limit
/// (32,766) at the widest table's sixteen columns.
const BATCH_ROWS: usize = 1000;

/// A claim to be written, with its whole history (at least one event: the
/// one that logged it).
#[derive(Debug, Clone)]
pub struct NewClaim {
    /// Its public id.
    pub id: Uuid,
    /// Who made it (internal key of the source).
    pub source_key: i64,
    /// Where it was reported (internal key of the article).
    pub article_key: Option<i64>,
    /// The claim, stated so it can be checked.
    pub text: String,
    /// The verbatim words.
    pub quote: Option<String>,
    /// When it was made.
    pub said_on: Option<Day>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Its history, oldest first; the first event logs it.
    pub history: Vec<NewEvent>,
    /// Where its quote stands in the article's snapshot.
    pub anchor: Option<QuoteAnchor>,
    /// Where it came from outside claimtrack (a data set's row id).
    pub origin: Option<String>,
    /// The language it was made in (BCP 47, see [`crate::model::checked_language`]).
    pub language: Option<String>,
}

/// A status event to append.
#[derive(Debug, Clone)]
pub struct NewEvent {
    /// The new status.
    pub to: Status,
    /// A verdict label, kept verbatim.
    pub rating: Option<String>,
    /// Why.
    pub note: Option<String>,
    /// Evidence URLs.
    pub evidence: Vec<String>,
    /// Who records it.
    pub actor: String,
    /// When (a stored UTC timestamp).
    pub at: String,
    /// The day it took effect, when earlier than the day of `at`
    /// ('YYYY-MM-DD'; `None`: that day).
    pub effective_on: Option<String>,
}

impl NewEvent {
    /// The effective day as stored: only when it differs from the day of
    /// `at`, so that a verdict dated the day it is recorded stores (and
    /// hashes) the same whether or not the day was given.
    pub(crate) fn stored_effective_on(&self) -> Option<&str> {
        self.effective_on
            .as_deref()
            .filter(|day| !self.at.starts_with(day))
    }
}

/// Which claims `list` and `report` look at. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimFilter {
    /// Only claims by these sources (internal keys).
    pub sources: Vec<i64>,
    /// Only claims credited to this source (internal key): its own, and
    /// those its speakers made while they spoke for it (`--rollup`).
    pub credited_to: Option<i64>,
    /// Only claims in one of these statuses (as of `as_of` when set).
    pub statuses: Vec<Status>,
    /// Only claims from this article (internal key).
    pub article: Option<i64>,
    /// Only claims that come from no article.
    pub without_article: bool,
    /// Only claims with this tag (ASCII case-insensitive).
    pub tag: Option<String>,
    /// Only claims made on or after this day.
    pub since: Option<Day>,
    /// Only claims made on or before this day.
    pub until: Option<Day>,
    /// Only claims the full-text index finds for this search (text, quote,
    /// notes, source names and aliases, tags).
    pub search: Option<crate::matching::query::SearchQuery>,
    /// Order by relevance to `search` rather than newest said first.
    pub by_relevance: bool,
    /// Only the claims with these internal keys.
    pub keys: Option<Vec<i64>>,
    /// Statuses in effect on this day: each claim's latest verdict that
    /// took effect by then (`unverified` for a claim said by then that had
    /// none yet); claims said later, or undated and logged later, are left
    /// out.
    pub as_of: Option<Day>,
    /// Only what the database knew at the end of this day (UTC): events
    /// and claims recorded later are left out.
    pub known_on: Option<Day>,
    /// At most this many claims.
    pub limit: Option<i64>,
    /// Also claims withdrawn as logged by mistake (left out by default).
    pub include_withdrawn: bool,
}

/// What the claim filters need to know of the backend they are built for:
/// how to bind a value, and the few places where SQLite's and PostgreSQL's
/// SQL differ. One filter builder serves both.
pub(crate) trait Dialect: sqlx::Database {
    /// Whether this is PostgreSQL.
    const POSTGRES: bool;
    /// Binds a text value.
    fn bind_text(sql: &mut QueryBuilder<Self>, value: String);
    /// Binds an integer.
    fn bind_int(sql: &mut QueryBuilder<Self>, value: i64);
    /// Binds a value of a copied row.
    fn bind_value(sql: &mut QueryBuilder<Self>, value: super::copy::Value) {
        use super::copy::Value;
        match value {
            Value::Text(text) => Self::bind_optional_text(sql, text),
            Value::Int(int) => Self::bind_optional_int(sql, int),
            Value::Id(id) => Self::bind_id(sql, id),
        }
    }
    /// Binds a text that may be NULL.
    fn bind_optional_text(sql: &mut QueryBuilder<Self>, value: Option<String>);
    /// Binds an integer that may be NULL.
    fn bind_optional_int(sql: &mut QueryBuilder<Self>, value: Option<i64>);
    /// Binds a UUID.
    fn bind_id(sql: &mut QueryBuilder<Self>, value: Uuid);
    /// Pushes "`column` is one of `keys`" as one bound value, whatever the
    /// number of keys: the server's log once showed a list of 200
    /// placeholders (`similar`'s candidates) taking 50 ms to plan, and
    /// SQLite caps the number of placeholders a statement may have.
    fn push_one_of(sql: &mut QueryBuilder<Self>, column: &str, keys: &[i64]);
}

impl Dialect for Sqlite {
    fn bind_optional_text(sql: &mut QueryBuilder<Self>, value: Option<String>) {
        sql.push_bind(value);
    }
    fn bind_optional_int(sql: &mut QueryBuilder<Self>, value: Option<i64>) {
        sql.push_bind(value);
    }
    fn bind_id(sql: &mut QueryBuilder<Self>, value: Uuid) {
        sql.push_bind(value);
    }
    const POSTGRES: bool = false;
    fn bind_text(sql: &mut QueryBuilder<Self>, value: String) {
        sql.push_bind(value);
    }
    fn bind_int(sql: &mut QueryBuilder<Self>, value: i64) {
        sql.push_bind(value);
    }
    fn push_one_of(sql: &mut QueryBuilder<Self>, column: &str, keys: &[i64]) {
        sql.push(" AND ")
            .push(column)
            .push(" IN (SELECT value FROM json_each(")
            .push_bind(super::matching::json_keys(keys))
            .push("))");
    }
}

impl Dialect for sqlx::Postgres {
    fn bind_optional_text(sql: &mut QueryBuilder<Self>, value: Option<String>) {
        sql.push_bind(value);
    }
    fn bind_optional_int(sql: &mut QueryBuilder<Self>, value: Option<i64>) {
        sql.push_bind(value);
    }
    fn bind_id(sql: &mut QueryBuilder<Self>, value: Uuid) {
        sql.push_bind(value);
    }
    const POSTGRES: bool = true;
    fn bind_text(sql: &mut QueryBuilder<Self>, value: String) {
        sql.push_bind(value);
    }
    fn bind_int(sql: &mut QueryBuilder<Self>, value: i64) {
        sql.push_bind(value);
    }
    fn push_one_of(sql: &mut QueryBuilder<Self>, column: &str, keys: &[i64]) {
        sql.push(" AND ")
            .push(column)
            .push(" = ANY(")
            .push_bind(keys.to_vec())
            .push(")");
    }
}

/// Tags match ASCII case-insensitively: SQLite's NOCASE column does it,
/// PostgreSQL folds both sides the same way (and its tag index is on this
/// expression).
const FOLD_TAG: &str = "translate(t.tag, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";

impl ClaimFilter {
    /// Pushes `FROM claims c ...` with the history join that `as_of` and
    /// `known_on` need, and returns the expression that is each claim's
    /// status.
    pub(crate) fn push_from<DB: Dialect>(&self, sql: &mut QueryBuilder<DB>) -> &'static str {
        sql.push(" FROM claims c");
        if let Some(search) = &self.search {
            // The index's relevance of each claim found: BM25 on SQLite
            // (lower is better; the claim's own words weigh most), ts_rank
            // on PostgreSQL (higher is better).
            if DB::POSTGRES {
                sql.push(
                    " JOIN (SELECT m.claim_id, -ts_rank('{0.2, 0.4, 0.6, 1.0}', m.document, q.query) AS relevance
                       FROM claim_search m, (SELECT CAST(",
                );
                DB::bind_text(sql, search.tsquery());
                sql.push(" AS tsquery) AS query) q WHERE m.document @@ q.query) m ON m.claim_id = c.id");
            } else {
                sql.push(
                    " JOIN (SELECT rowid AS claim_id, bm25(claim_search, 4.0, 3.0, 2.0, 2.0, 1.0) AS relevance
                       FROM claim_search WHERE claim_search MATCH ",
                );
                DB::bind_text(sql, search.fts5());
                sql.push(") m ON m.claim_id = c.id");
            }
        }
        match (self.as_of, self.known_on) {
            (None, None) if DB::POSTGRES => "c.status::text",
            (None, None) => "c.status",
            (None, Some(known_on)) if DB::POSTGRES => {
                sql.push(
                    " JOIN (SELECT DISTINCT ON (claim_id) claim_id, to_status::text AS status, id AS last_event
                       FROM status_events e WHERE ",
                );
                push_known(sql, known_on);
                sql.push(" ORDER BY claim_id, id DESC) h ON h.claim_id = c.id");
                "h.status"
            }
            (None, Some(known_on)) => {
                // Event ids follow the order of recording: SQLite returns
                // the bare column `to_status` from the row that holds
                // max(id), each claim's latest event known by then.
                sql.push(" JOIN (SELECT claim_id, to_status AS status, max(id) AS last_event FROM status_events e WHERE ");
                push_known(sql, known_on);
                sql.push(" GROUP BY claim_id) h ON h.claim_id = c.id");
                "h.status"
            }
            (Some(as_of), known_on) => {
                // Effective days need not follow ids (a verdict recorded
                // today can take effect in 2005), so the latest in effect
                // is the first by (day, id) descending.
                sql.push(
                    " LEFT JOIN (SELECT claim_id, to_status AS status FROM (
                        SELECT claim_id, to_status, row_number() OVER (
                            PARTITION BY claim_id ORDER BY coalesce(effective_on, substr(at, 1, 10)) DESC, id DESC) AS n
                        FROM status_events e WHERE coalesce(effective_on, substr(at, 1, 10)) <= ",
                );
                DB::bind_text(sql, as_of.to_string());
                if let Some(known_on) = known_on {
                    sql.push(" AND ");
                    push_known(sql, known_on);
                }
                sql.push(") ranked WHERE n = 1) h ON h.claim_id = c.id");
                if DB::POSTGRES {
                    "coalesce(h.status::text, 'unverified')"
                } else {
                    "coalesce(h.status, 'unverified')"
                }
            }
        }
    }

    /// Pushes ` WHERE ...` (always, possibly `WHERE 1 = 1`) for every filter
    /// set. `source_column` is what `sources` filters: the claim's own
    /// source, or in a roll-up the organization it is credited to.
    pub(crate) fn push_where<DB: Dialect>(
        &self,
        sql: &mut QueryBuilder<DB>,
        status: &'static str,
        source_column: &'static str,
    ) {
        sql.push(" WHERE 1 = 1");
        if !self.include_withdrawn {
            // Also what lets reports use the index of live claims.
            sql.push(" AND c.withdrawn_at IS NULL");
        }
        if let Some(as_of) = self.as_of {
            // A claim exists from the day it was said; an undated one from
            // its first verdict in effect.
            sql.push(" AND (h.claim_id IS NOT NULL OR c.said_on <= ");
            DB::bind_text(sql, as_of.to_string());
            sql.push(")");
            if let Some(known_on) = self.known_on {
                sql.push(" AND EXISTS (SELECT 1 FROM status_events e WHERE e.claim_id = c.id AND ");
                push_known(sql, known_on);
                sql.push(")");
            }
        }
        if let Some(org) = self.credited_to {
            sql.push(" AND (c.source_id = ");
            DB::bind_int(sql, org);
            sql.push(
                " OR EXISTS (SELECT 1 FROM speaks_for f WHERE f.speaker_id = c.source_id AND f.org_id = ",
            );
            DB::bind_int(sql, org);
            sql.push(" AND ").push(IN_ROLE).push("))");
        }
        if !self.sources.is_empty() {
            sql.push(" AND ").push(source_column).push(" IN (");
            for (i, key) in self.sources.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                DB::bind_int(sql, *key);
            }
            sql.push(")");
        }
        if !self.statuses.is_empty() {
            sql.push(" AND ").push(status).push(" IN (");
            for (i, s) in self.statuses.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                DB::bind_text(sql, s.as_str().to_string());
            }
            sql.push(")");
        }
        if let Some(article) = self.article {
            sql.push(" AND c.article_id = ");
            DB::bind_int(sql, article);
        }
        if self.without_article {
            sql.push(" AND c.article_id IS NULL");
        }
        if let Some(tag) = &self.tag {
            if DB::POSTGRES {
                sql.push(" AND EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND ")
                    .push(FOLD_TAG)
                    .push(" = ");
                DB::bind_text(sql, tag.trim().to_ascii_lowercase());
            } else {
                sql.push(" AND EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND t.tag = ");
                DB::bind_text(sql, tag.trim().to_string());
            }
            sql.push(")");
        }
        if let Some(since) = self.since {
            sql.push(" AND c.said_on >= ");
            DB::bind_text(sql, since.to_string());
        }
        if let Some(until) = self.until {
            sql.push(" AND c.said_on <= ");
            DB::bind_text(sql, until.to_string());
        }
        if let Some(keys) = &self.keys {
            DB::push_one_of(sql, "c.id", keys);
        }
    }
}

/// Event `e` was recorded by the end of `day`: an event since the journal
/// when its operation was (operations are appended in time order, so
/// that is every operation up to the last one before the cut-off); one
/// from before the journal by its own time.
fn push_known<DB: Dialect>(sql: &mut QueryBuilder<DB>, day: Day) {
    let cutoff = day.end_cutoff();
    sql.push("(e.operation_id <= (SELECT coalesce(max(id), 0) FROM operations WHERE at < ");
    DB::bind_text(sql, cutoff.clone());
    sql.push(") OR (e.operation_id IS NULL AND e.at < ");
    DB::bind_text(sql, cutoff);
    sql.push("))");
}

/// A claim `c` falls inside speaks-for link `f`'s date range (an open end,
/// or a claim with no date, counts as inside).
pub(super) const IN_ROLE: &str = "(f.since IS NULL OR c.said_on IS NULL OR c.said_on >= f.since)
    AND (f.until IS NULL OR c.said_on IS NULL OR c.said_on <= f.until)";

impl Store {
    async fn insert_events(&mut self, events: Vec<(i64, Option<Status>, NewEvent)>) -> Result<()> {
        let operation = self.open_operation_id()?;
        for (key, from, event) in &events {
            let evidence = evidence_text(&event.evidence);
            self.digest_event(&event_record(*key, *from, event, &evidence));
        }
        events_statement(events, operation)
            .build()
            .execute(self.conn())
            .await
            .map_err(|e| refused_or_failed(e, "status event"))?;
        Ok(())
    }

    /// Whether a claim with this source, article, day and text is already
    /// logged; returns its id.
    pub async fn find_duplicate(
        &mut self,
        source_key: i64,
        article_key: Option<i64>,
        said_on: Option<Day>,
        text: &str,
    ) -> Result<Option<Uuid>> {
        Ok(sqlx::query_scalar(
            "SELECT uuid FROM claims WHERE source_id = ? AND article_id IS ? AND said_on IS ? AND text = ? LIMIT 1",
        )
        .bind(source_key)
        .bind(article_key)
        .bind(said_on.map(|d| d.to_string()))
        .bind(text.trim())
        .fetch_optional(self.conn())
        .await?)
    }

    /// Whether some claim already shows this short id.
    pub async fn short_id_taken(&mut self, id: &Uuid) -> Result<bool> {
        let taken: Option<i64> = sqlx::query_scalar("SELECT 1 FROM claims WHERE short_id = ? LIMIT 1")
            .bind(short_id(id))
            .fetch_optional(self.conn())
            .await?;
        Ok(taken.is_some())
    }

    /// The claim named by `given`: a full UUID or a unique prefix (4 to 8
    /// hex digits) of a short id.
    pub async fn resolve_claim(&mut self, given: &str) -> Result<Claim> {
        let query = parse_id("claim", given)?;
        let matches = self.match_ids("claims", &query, 10).await?;
        let mut claims = Vec::with_capacity(matches.len());
        for (key, _) in matches {
            claims.push(self.claim(key).await?);
        }
        super::the_one_named("claim", given, claims, super::describe_claim)
    }

    /// One claim by internal key.
    pub async fn claim(&mut self, key: i64) -> Result<Claim> {
        // A claim named by its id is found even when withdrawn.
        let filter = ClaimFilter {
            include_withdrawn: true,
            ..ClaimFilter::default()
        };
        let mut sql = claim_select::<Sqlite>(&filter);
        sql.push(" AND c.id = ").push_bind(key);
        let row = sql.build().fetch_one(self.conn()).await?;
        claim_from_row(&row)
    }

    /// The claims that pass `filter`, newest first (by the day they were made;
    /// in logging order within a day).
    pub async fn list_claims(&mut self, filter: &ClaimFilter) -> Result<Vec<Claim>> {
        let mut sql = super::reading::listing::<Sqlite>(filter);
        let rows = sql.build().fetch_all(self.conn()).await?;
        rows.iter().map(claim_from_row).collect()
    }

    /// A claim's status history, oldest first.
    pub async fn history(&mut self, claim_key: i64) -> Result<Vec<StatusEvent>> {
        let rows = sqlx::query(
            "SELECT c.uuid, e.from_status, e.to_status, e.rating, e.note, e.evidence, e.actor, e.at,
                    coalesce(e.effective_on, substr(e.at, 1, 10)) AS effective_on
             FROM status_events e JOIN claims c ON c.id = e.claim_id
             WHERE e.claim_id = ? ORDER BY e.id",
        )
        .bind(claim_key)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(status_event_from_row).collect()
    }

    /// Every link from or to a claim: outgoing first, then incoming.
    pub async fn links_of(&mut self, claim_key: i64) -> Result<Vec<ClaimLink>> {
        let rows = sqlx::query(
            "SELECT f.uuid AS from_id, l.relation, t.uuid AS to_id, s.name AS other_source, o.text AS other_text,
                    l.from_claim = ?1 AS outgoing
             FROM claim_links l
             JOIN claims f ON f.id = l.from_claim
             JOIN claims t ON t.id = l.to_claim
             JOIN claims o ON o.id = CASE WHEN l.from_claim = ?1 THEN l.to_claim ELSE l.from_claim END
             JOIN sources s ON s.id = o.source_id
             WHERE l.from_claim = ?1 OR l.to_claim = ?1
             ORDER BY outgoing DESC, l.relation, o.id",
        )
        .bind(claim_key)
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|row| {
                let relation: String = row.try_get("relation")?;
                Ok(ClaimLink {
                    from_id: row.try_get("from_id")?,
                    relation: relation.parse()?,
                    to_id: row.try_get("to_id")?,
                    other_source: row.try_get("other_source")?,
                    other_text: row.try_get("other_text")?,
                })
            })
            .collect()
    }
}

/// A quote to check against its article's snapshot.
#[derive(Debug, Clone)]
pub struct QuoteToVerify {
    /// The claim's internal key.
    pub key: i64,
    /// The claim's id.
    pub id: Uuid,
    /// The claim's source.
    pub source: String,
    /// The quote.
    pub quote: String,
    /// The article's URL.
    pub article_url: String,
    /// The snapshot.
    pub body: String,
    /// The stored anchor, if any.
    pub anchor: Option<QuoteAnchor>,
}

impl Store {
    /// Whether the database holds any claim, and any article.
    pub async fn has_claims_and_articles(&mut self) -> Result<(bool, bool)> {
        Ok(
            sqlx::query_as("SELECT EXISTS (SELECT 1 FROM claims), EXISTS (SELECT 1 FROM articles)")
                .fetch_one(self.conn())
                .await?,
        )
    }

    /// Which of these ids are already claims: id to internal key.
    pub async fn existing_claims(&mut self, ids: &[Uuid]) -> Result<std::collections::HashMap<Uuid, i64>> {
        let mut found = std::collections::HashMap::new();
        for chunk in ids.chunks(BATCH_ROWS) {
            let mut sql = QueryBuilder::new("SELECT uuid, id FROM claims WHERE uuid IN (");
            let mut list = sql.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            sql.push(")");
            let rows: Vec<(Uuid, i64)> = sql.build_query_as().fetch_all(self.conn()).await?;
            found.extend(rows);
        }
        Ok(found)
    }

    /// A claim's source and article, as internal keys.
    pub async fn claim_keys(&mut self, key: i64) -> Result<(i64, Option<i64>)> {
        Ok(
            sqlx::query_as("SELECT source_id, article_id FROM claims WHERE id = ?")
                .bind(key)
                .fetch_one(self.conn())
                .await?,
        )
    }

    /// The claim with this exact id, if any.
    pub async fn claim_by_id(&mut self, id: &Uuid) -> Result<Option<Claim>> {
        let matches = self.match_ids("claims", &super::IdQuery::Full(*id), 1).await?;
        match matches.first() {
            Some((key, _)) => Ok(Some(self.claim(*key).await?)),
            None => Ok(None),
        }
    }

    /// Whether the claim has this quote, anchored in an earlier body of its
    /// article (see `article_snapshots`).
    pub async fn quote_kept_in_snapshot(&mut self, key: i64, quote: &str) -> Result<bool> {
        Ok(sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM claims WHERE id = ? AND snapshot_id IS NOT NULL AND quote = ?",
        )
        .bind(key)
        .bind(quote)
        .fetch_one(self.conn())
        .await?
            > 0)
    }

    /// Every claim with a quote whose article has a snapshot, with its anchor.
    pub async fn quotes_to_verify(&mut self) -> Result<Vec<QuoteToVerify>> {
        let rows = sqlx::query(
            // A quote anchored in an earlier snapshot is checked there.
            "SELECT c.id, c.uuid, s.name AS source, c.quote, a.url,
                    CASE WHEN c.snapshot_id IS NULL THEN a.body ELSE p.body END AS body,
                    c.quote_start, c.quote_end, c.quote_prefix, c.quote_suffix
             FROM claims c JOIN articles a ON a.id = c.article_id JOIN sources s ON s.id = c.source_id
                  LEFT JOIN article_snapshots p ON p.id = c.snapshot_id
             WHERE c.quote IS NOT NULL AND (a.body IS NOT NULL OR c.snapshot_id IS NOT NULL)
             ORDER BY a.url, c.id",
        )
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|row| {
                let start: Option<i64> = row.try_get("quote_start")?;
                let end: Option<i64> = row.try_get("quote_end")?;
                let anchor = match (start, end) {
                    (Some(start), Some(end)) => Some(QuoteAnchor {
                        start: start as usize,
                        end: end as usize,
                        prefix: row
                            .try_get::<Option<String>, _>("quote_prefix")?
                            .unwrap_or_default(),
                        suffix: row
                            .try_get::<Option<String>, _>("quote_suffix")?
                            .unwrap_or_default(),
                    }),
                    _ => None,
                };
                Ok(QuoteToVerify {
                    key: row.try_get("id")?,
                    id: row.try_get("uuid")?,
                    source: row.try_get("source")?,
                    quote: row.try_get("quote")?,
                    article_url: row.try_get("url")?,
                    body: row.try_get("body")?,
                    anchor,
                })
            })
            .collect()
    }
}

/// The statements that write one chunk of claims (at most [`BATCH_ROWS`]),
/// each named for error messages. Owned values move into the arguments: a
/// bulk import copies each string once, not twice.
///
/// A claim's history goes in first, then the claim: the database refuses a
/// claim whose status or rating its history does not give (foreign keys are
/// checked at the commit, see `Store::write`). During a bulk load that check
/// waits for the end (see `Write::begin_bulk_load`), and `claims_first`
/// writes the claims before their events: each event then finds its claim
/// at once, and SQLite never has to look for an event left waiting for its
/// claim (measured at a million claims: 33 s before, 30 s after).
fn build_chunk(
    chunk: Vec<(NewClaim, i64)>,
    claims_first: bool,
    open: &mut super::journal::OpenOperation,
) -> Vec<(&'static str, QueryBuilder<Sqlite>)> {
    let mut rows = Vec::with_capacity(chunk.len());
    let mut tags: Vec<(i64, String)> = Vec::new();
    let mut events: Vec<(i64, Option<Status>, NewEvent)> = Vec::new();
    for (mut claim, key) in chunk {
        // The claim is written in its final state, so that the trigger that
        // follows each event has nothing to update.
        let last = claim.history.last().map(|e| e.to).unwrap_or(Status::Unverified);
        let rating = claim.history.iter().rev().find_map(|e| e.rating.clone());
        let updated = claim
            .history
            .iter()
            .map(|e| e.at.clone())
            .max()
            .unwrap_or_default();
        let created = claim.history[0].at.clone();
        // What the operation's digest holds is what the database will: the
        // text and tags trimmed, a tag that differs only in ASCII case from
        // an earlier one left out (the tags table folds them alike).
        let stored_tags = stored_tags(std::mem::take(&mut claim.tags));
        let mut sorted: Vec<&str> = stored_tags.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        let mut id = uuid::Uuid::encode_buffer();
        let said_on = claim.said_on.map(|d| d.to_string());
        open.claims.add(&ClaimRecordRef {
            id: claim.id.hyphenated().encode_lower(&mut id),
            source: claim.source_key,
            article: claim.article_key,
            text: claim.text.trim(),
            quote: claim.quote.as_deref(),
            said_on: said_on.as_deref(),
            tags: &sorted,
            language: claim.language.as_deref(),
        });
        tags.extend(stored_tags.into_iter().map(|t| (key, t)));
        let mut from = None;
        for event in claim.history.drain(..) {
            let to = event.to;
            let evidence = evidence_text(&event.evidence);
            open.events.add(&event_record(key, from, &event, &evidence));
            events.push((key, from, event));
            from = Some(to);
        }
        rows.push((key, claim, last, rating, created, updated));
    }
    let mut sql = QueryBuilder::new(
        "INSERT INTO claims (id, uuid, article_id, source_id, text, quote, said_on, status, rating, created_at, updated_at,
         quote_start, quote_end, quote_prefix, quote_suffix, origin, language) ",
    );
    sql.push_values(rows, |mut row, (key, claim, last, rating, created, updated)| {
        let (start, end, prefix, suffix) = match claim.anchor {
            Some(a) => (
                Some(a.start as i64),
                Some(a.end as i64),
                Some(a.prefix),
                Some(a.suffix),
            ),
            None => (None, None, None, None),
        };
        let text = match claim.text.trim() {
            trimmed if trimmed.len() == claim.text.len() => claim.text,
            trimmed => trimmed.to_string(),
        };
        row.push_bind(key)
            .push_bind(claim.id)
            .push_bind(claim.article_key)
            .push_bind(claim.source_key)
            .push_bind(text)
            .push_bind(claim.quote)
            .push_bind(claim.said_on.map(|d| d.to_string()))
            .push_bind(last.as_str())
            .push_bind(rating)
            .push_bind(created)
            .push_bind(updated)
            .push_bind(start)
            .push_bind(end)
            .push_bind(prefix)
            .push_bind(suffix)
            .push_bind(claim.origin)
            .push_bind(claim.language);
    });
    let mut statements = Vec::new();
    while !events.is_empty() {
        let chunk: Vec<_> = events.drain(..events.len().min(BATCH_ROWS)).collect();
        statements.push(("status event", events_statement(chunk, open.id)));
    }
    let at = if claims_first { 0 } else { statements.len() };
    statements.insert(at, ("claim", sql));
    for tag_chunk in tags.chunks(BATCH_ROWS) {
        let mut sql = QueryBuilder::new("INSERT OR IGNORE INTO claim_tags (claim_id, tag) ");
        sql.push_values(tag_chunk, |mut row, (key, tag)| {
            row.push_bind(*key).push_bind(tag.as_str());
        });
        statements.push(("tag", sql));
    }
    statements
}

/// The evidence list as the events table stores it (most events have
/// none: that case costs no allocation).
pub(crate) fn evidence_text(evidence: &[String]) -> std::borrow::Cow<'static, str> {
    if evidence.is_empty() {
        "[]".into()
    } else {
        serde_json::to_string(evidence)
            .expect("a list of strings serializes")
            .into()
    }
}

/// An event as its operation's digest holds it.
pub(crate) fn event_record<'a>(
    key: i64,
    from: Option<Status>,
    event: &'a NewEvent,
    evidence: &'a str,
) -> EventRecordRef<'a> {
    EventRecordRef {
        claim: key,
        from: from.map(Status::as_str),
        to: event.to.as_str(),
        rating: event.rating.as_deref(),
        note: event.note.as_deref(),
        evidence,
        actor: &event.actor,
        at: &event.at,
        effective_on: event.stored_effective_on(),
    }
}

/// One multi-row INSERT of status events, all belonging to `operation`.
fn events_statement(events: Vec<(i64, Option<Status>, NewEvent)>, operation: i64) -> QueryBuilder<Sqlite> {
    let mut sql = QueryBuilder::new(
        "INSERT INTO status_events (claim_id, from_status, to_status, rating, note, evidence, actor, at, operation_id, effective_on) ",
    );
    sql.push_values(events, |mut row, (key, from, event)| {
        let evidence = evidence_text(&event.evidence).into_owned();
        let effective_on = event.stored_effective_on().map(str::to_string);
        row.push_bind(key)
            .push_bind(from.map(Status::as_str))
            .push_bind(event.to.as_str())
            .push_bind(event.rating)
            .push_bind(event.note)
            .push_bind(evidence)
            .push_bind(event.actor)
            .push_bind(event.at)
            .push_bind(operation)
            .push_bind(effective_on);
    });
    sql
}

/// `SELECT <claim columns> FROM claims c ... WHERE <filter>`, ready for more
/// `AND` conditions.
pub(crate) fn claim_select<DB: Dialect>(filter: &ClaimFilter) -> QueryBuilder<DB> {
    let mut sql = QueryBuilder::new("SELECT c.id, c.uuid, s.name AS source, c.text, c.quote, ");
    // PostgreSQL's dates and times are text domains: read as their text.
    sql.push(if DB::POSTGRES {
        "c.said_on::text AS said_on,"
    } else {
        "c.said_on,"
    });
    sql.push(" a.uuid AS article_uuid, a.url AS article_url, ");
    // The status column depends on the as-of join, which comes after the
    // column list; push the join into a second builder to learn its name.
    let mut from = QueryBuilder::<DB>::new("");
    let status = filter.push_from(&mut from);
    sql.push(if DB::POSTGRES {
        TAGS_COLUMN_POSTGRES
    } else {
        TAGS_COLUMN
    });
    if status == "c.status" || status == "c.status::text" {
        sql.push(", c.rating");
    } else {
        // The rating of the past is only known to be today's while the
        // status is (a later verdict may have changed it).
        sql.push(", CASE WHEN ")
            .push(status)
            .push(" = c.status THEN c.rating END AS rating");
    }
    if DB::POSTGRES {
        sql.push(
            ", c.created_at::text AS created_at, c.updated_at::text AS updated_at, c.origin, c.language, ",
        );
    } else {
        sql.push(", c.created_at, c.updated_at, c.origin, c.language, ");
    }
    sql.push(status).push(" AS status");
    filter.push_from(&mut sql);
    sql.push(" JOIN sources s ON s.id = c.source_id LEFT JOIN articles a ON a.id = c.article_id");
    filter.push_where(&mut sql, status, "c.source_id");
    sql
}

/// How listings order claims: newest said first, undated last.
pub(crate) const LISTING_ORDER: &str = " ORDER BY c.said_on IS NULL, c.said_on DESC, c.id";

/// How a search orders them: most relevant first (see
/// [`ClaimFilter::push_from`]), then as listings do.
pub(crate) const RELEVANCE_ORDER: &str = " ORDER BY m.relevance, c.said_on IS NULL, c.said_on DESC, c.id";

impl ClaimFilter {
    /// Whether the filter leaves out claims beyond withdrawn ones: what
    /// `claims similar` must then apply inside the index query.
    pub(crate) fn restricts(&self) -> bool {
        !self.sources.is_empty()
            || self.credited_to.is_some()
            || !self.statuses.is_empty()
            || self.article.is_some()
            || self.without_article
            || self.tag.is_some()
            || self.since.is_some()
            || self.until.is_some()
            || self.search.is_some()
            || self.as_of.is_some()
            || self.known_on.is_some()
            || self.include_withdrawn
    }
}

/// The columns the listing query selects, by name, as either backend
/// returns them; [`claim_from_row`] makes the claim.
#[derive(sqlx::FromRow)]
pub(crate) struct ClaimColumns {
    id: i64,
    uuid: Uuid,
    source: String,
    text: String,
    quote: Option<String>,
    said_on: Option<String>,
    article_uuid: Option<Uuid>,
    article_url: Option<String>,
    tags: Option<String>,
    status: String,
    rating: Option<String>,
    created_at: String,
    updated_at: String,
    origin: Option<String>,
    language: Option<String>,
}

/// A claim from a row of the listing query ([`claim_select`]), on either
/// backend.
pub(crate) fn claim_from_row<'r, R: Row>(row: &'r R) -> Result<Claim>
where
    ClaimColumns: sqlx::FromRow<'r, R>,
{
    let c = <ClaimColumns as sqlx::FromRow<'r, R>>::from_row(row)?;
    Ok(Claim {
        key: c.id,
        id: c.uuid,
        source: c.source,
        text: c.text,
        quote: c.quote,
        said_on: c.said_on,
        article_id: c.article_uuid,
        article_url: c.article_url,
        tags: split_tags(c.tags),
        status: c.status.parse()?,
        rating: c.rating,
        created_at: c.created_at,
        updated_at: c.updated_at,
        origin: c.origin,
        language: c.language,
    })
}

/// A claim's tags as one column, `tags`, joined by the unit separator
/// (which a tag cannot hold); [`split_tags`] splits them.
pub(super) const TAGS_COLUMN: &str =
    "(SELECT group_concat(tag, char(31)) FROM claim_tags t WHERE t.claim_id = c.id) AS tags";

/// [`TAGS_COLUMN`] in PostgreSQL's words.
const TAGS_COLUMN_POSTGRES: &str =
    "(SELECT string_agg(tag, chr(31)) FROM claim_tags t WHERE t.claim_id = c.id) AS tags";

/// The tags of a `tags` column, sorted the way listings show them.
pub(crate) fn split_tags(tags: Option<String>) -> Vec<String> {
    let mut tags: Vec<String> = tags
        .map(|t| t.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default();
    tags.sort_by_key(|t| t.to_lowercase());
    tags
}

/// A database refusal (a trigger, a CHECK) becomes input error naming what
/// was refused; anything else stays a failure.
fn refused_or_failed(error: sqlx::Error, what: &str) -> Error {
    match refusal(&error) {
        Some(message)
            if message.contains("constraint")
                || message.contains("history")
                || message.contains("append-only") =>
        {
            Error::invalid(format!("the database refused the {what}: {message}"))
        }
        _ => Error::Database(error),
    }
}

impl Write<'_> {
    /// Writes claims with their tags and histories in multi-row INSERTs.
    /// Keys are assigned from the current maximum, which is safe because a
    /// [`Write`] holds the transaction's write lock.
    /// Returns each claim's internal key, in order.
    pub async fn insert_claims(&mut self, claims: Vec<NewClaim>) -> Result<Vec<i64>> {
        for claim in &claims {
            if claim.history.is_empty() {
                return Err(Error::invalid(format!("claim {} has no history", claim.id)));
            }
            if claim.text.trim().is_empty() {
                return Err(Error::invalid("a claim's text cannot be empty"));
            }
        }
        if claims.is_empty() {
            return Ok(vec![]);
        }
        // Articles a bulk load holds back go in before the claims that cite
        // them: a parent row inserted after its children makes SQLite look
        // the children up to settle the deferred foreign key, and a bulk
        // load has set aside the index that lookup would use (a full scan
        // of the claims per article: 100,000 claims took 4.1 s, not 1.6 s).
        self.write_deferred().await?;
        let first: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM claims")
            .fetch_one(self.conn())
            .await?;
        let keys: Vec<i64> = (first..).take(claims.len()).collect();
        let mut rest = claims.into_iter().zip(keys.iter().copied()).peekable();
        // Pipelined: while the database thread runs one chunk's statements,
        // this thread builds the next chunk's, so both cores work.
        let claims_first = self.bulk_loading;
        self.open_operation_id()?;
        let open = self.open.as_mut().expect("checked just above");
        let mut next = Some(build_chunk(
            rest.by_ref().take(BATCH_ROWS).collect(),
            claims_first,
            open,
        ));
        while let Some(statements) = next.take() {
            let following: Vec<(NewClaim, i64)> = rest.by_ref().take(BATCH_ROWS).collect();
            // Disjoint fields of the store, borrowed at once.
            let store = &mut *self.store;
            let conn = &mut store.conn;
            let open = store.open.as_mut().expect("open for the whole insert");
            let run = async move {
                for (what, mut statement) in statements {
                    statement
                        .build()
                        .execute(&mut *conn)
                        .await
                        .map_err(|e| refused_or_failed(e, what))?;
                }
                Ok::<(), Error>(())
            };
            let build =
                async move { (!following.is_empty()).then(|| build_chunk(following, claims_first, open)) };
            let (ran, built) = tokio::join!(run, build);
            ran?;
            next = built;
        }
        Ok(keys)
    }

    /// Appends one event to a claim's history, continuing from the status
    /// the claim has now.
    pub async fn append_event(&mut self, claim_key: i64, event: &NewEvent) -> Result<StatusEvent> {
        let (current, last_at): (String, Option<String>) = sqlx::query_as(
            "SELECT status, (SELECT at FROM status_events WHERE claim_id = claims.id ORDER BY id DESC LIMIT 1)
             FROM claims WHERE id = ?",
        )
        .bind(claim_key)
        .fetch_one(self.conn())
        .await?;
        let from: Status = current.parse()?;
        // A writer whose clock is behind the claim's last event records at
        // that event's time: a history never runs backwards (and the
        // database refuses one that would).
        let mut event = event.clone();
        if let Some(last_at) = last_at.filter(|last| *last > event.at) {
            event.at = last_at;
        }
        let (to, rating, at) = (event.to, event.rating.clone(), event.at.clone());
        self.insert_events(vec![(claim_key, Some(from), event)]).await?;
        if self.bulk_loading {
            // What `status_events_move_claim` does, while a bulk load has it
            // set aside; the claim's update triggers still check the result
            // against the history.
            sqlx::query(
                "UPDATE claims SET status = ?, rating = coalesce(?, rating), updated_at = max(updated_at, ?)
                 WHERE id = ?",
            )
            .bind(to.as_str())
            .bind(rating)
            .bind(at)
            .bind(claim_key)
            .execute(self.conn())
            .await?;
        }
        Ok(self
            .history(claim_key)
            .await?
            .pop()
            .expect("an event was just appended"))
    }

    /// Links `from` to `to`. Returns false when that link already existed.
    pub async fn add_link(
        &mut self,
        from: &Claim,
        relation: Relation,
        to: &Claim,
        actor: &str,
    ) -> Result<bool> {
        if from.key == to.key {
            return Err(Error::invalid(format!(
                "claim {} cannot be linked to itself",
                short_id(&from.id)
            )));
        }
        let inserted = sqlx::query(
            "INSERT INTO claim_links (from_claim, relation, to_claim, actor, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
        )
        .bind(from.key)
        .bind(relation.as_str())
        .bind(to.key)
        .bind(actor)
        .bind(super::now_timestamp())
        .execute(self.conn())
        .await?;
        let added = inserted.rows_affected() > 0;
        if added {
            self.journal(
                "link.add",
                (Some(from.key), None, None),
                None,
                Some(serde_json::json!({
                    "from": from.id.to_string(), "relation": relation.as_str(), "to": to.id.to_string(),
                })),
            )
            .await?;
        }
        Ok(added)
    }

    /// Sets where a claim came from outside claimtrack (a data set's row
    /// id): bookkeeping of the import, not a change to the claim itself.
    pub async fn set_origin(&mut self, key: i64, origin: Option<&str>) -> Result<()> {
        sqlx::query("UPDATE claims SET origin = ? WHERE id = ?")
            .bind(origin)
            .bind(key)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Replaces a claim's tags.
    pub async fn set_tags(&mut self, key: i64, tags: &[String]) -> Result<()> {
        sqlx::query("DELETE FROM claim_tags WHERE claim_id = ?")
            .bind(key)
            .execute(self.conn())
            .await?;
        if tags.is_empty() {
            return Ok(());
        }
        let mut sql = QueryBuilder::new("INSERT OR IGNORE INTO claim_tags (claim_id, tag) ");
        sql.push_values(tags, |mut row, tag| {
            row.push_bind(key).push_bind(tag.trim().to_string());
        });
        sql.build().execute(self.conn()).await?;
        Ok(())
    }

    /// Stores (or clears) where a claim's quote stands in its article's
    /// current body.
    pub async fn set_quote_anchor(&mut self, key: i64, anchor: Option<&QuoteAnchor>) -> Result<()> {
        sqlx::query(
            "UPDATE claims SET quote_start = ?, quote_end = ?, quote_prefix = ?, quote_suffix = ?, snapshot_id = NULL
             WHERE id = ?",
        )
            .bind(anchor.map(|a| a.start as i64))
            .bind(anchor.map(|a| a.end as i64))
            .bind(anchor.map(|a| a.prefix.clone()))
            .bind(anchor.map(|a| a.suffix.clone()))
            .bind(key)
            .execute(self.conn())
            .await?;
        Ok(())
    }
}

/// An event from a row with the columns `history` selects (`uuid`,
/// `from_status`, `to_status`, `rating`, `note`, `evidence`, `actor`, `at`,
/// `effective_on`).
pub(crate) fn status_event_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<StatusEvent> {
    let from: Option<String> = row.try_get("from_status")?;
    let to: String = row.try_get("to_status")?;
    let evidence: String = row.try_get("evidence")?;
    Ok(StatusEvent {
        claim_id: row.try_get("uuid")?,
        from: from.map(|s| s.parse()).transpose()?,
        to: to.parse()?,
        rating: row.try_get("rating")?,
        note: row.try_get("note")?,
        evidence: serde_json::from_str(&evidence)
            .map_err(|e| Error::invalid(format!("stored evidence is not a JSON list: {e}")))?,
        actor: row.try_get("actor")?,
        at: row.try_get("at")?,
        effective_on: row.try_get("effective_on")?,
    })
}

/// A claim's tags as the database keeps them: trimmed, and a tag that
/// differs only in ASCII case from an earlier one left out (the tags table
/// folds them alike). Both backends' inserts and their digests use it.
pub(crate) fn stored_tags(tags: Vec<String>) -> Vec<String> {
    let mut stored: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let tag = tag.trim().to_string();
        if !stored.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            stored.push(tag);
        }
    }
    stored
}
