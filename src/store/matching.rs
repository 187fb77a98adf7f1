//! The search index and the statistics of claim matching, and the contract
//! both backends implement for `claims similar`, `dedupe` and "seen
//! before": the candidates the full-text index finds for a text, and the
//! document frequencies of their grams. The scoring itself is
//! [`crate::matching`]'s, the same on both backends.
//!
//! The index is derived from the record. At the end of every write, the
//! claims it touched (new history events, operations naming a claim, and
//! the claims of a source renamed, merged or given an alias) are indexed
//! again in the same transaction, whatever command wrote: no command has
//! to remember to.

use std::collections::{HashMap, HashSet};

use sqlx::{QueryBuilder, Row, Sqlite};

use super::claims::{ClaimFilter, Dialect};
use super::{Store, Write};
use crate::error::Result;
use crate::matching::{self, Profile, Statistics, semantic};

use crate::model::Claim;

/// Claims indexed per statement batch: SQLite's bound-variable limit is far
/// above 400 rows x 6 columns.
const INSERT_ROWS: usize = 400;

/// Claims read back per query when indexing many.
const READ_BATCH: usize = 2_000;

/// One claim's row of the index, normalized.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SearchDocument {
    pub key: i64,
    pub text: String,
    pub quote: String,
    pub notes: String,
    pub source: String,
    pub tags: String,
}

impl SearchDocument {
    /// From the record's own values.
    pub(crate) fn normalized(
        key: i64,
        text: &str,
        quote: Option<&str>,
        notes: Option<&str>,
        source: &str,
        tags: Option<&str>,
    ) -> SearchDocument {
        SearchDocument {
            key,
            text: matching::normalize(text),
            quote: matching::normalize(quote.unwrap_or("")),
            notes: matching::normalize(notes.unwrap_or("")),
            source: matching::normalize(source),
            tags: matching::normalize(tags.unwrap_or("")),
        }
    }

    /// An index row as stored: (key, text, quote, notes, source, tags).
    pub(crate) fn from_columns(
        (key, text, quote, notes, source, tags): (i64, String, String, String, String, String),
    ) -> SearchDocument {
        SearchDocument {
            key,
            text,
            quote,
            notes,
            source,
            tags,
        }
    }

    /// What a claim is matched by: the claim, its words as said, and what
    /// checkers wrote of it (a fact-check's headline is its verdict note).
    pub(crate) fn matched_text(&self) -> String {
        join_matched(&self.text, &self.quote, &self.notes)
    }

    /// What a claim asks when it is the one looked up: what it claims, its
    /// text and quote. Not its notes: two claims a checker disputed with
    /// the same evidence are not the same claim.
    pub(crate) fn claimed_text(&self) -> String {
        join_matched(&self.text, &self.quote, "")
    }

    /// The statistics keys this document counts in (its grams and words,
    /// each once, sorted), and its length in the words BM25 counts.
    fn keys(&self) -> (Vec<i64>, i64) {
        let text = self.matched_text();
        let mut keys: Vec<i64> = Profile::of(&text).keys().collect();
        keys.extend(text.split(' ').filter(|w| !w.is_empty()).map(matching::word_key));
        keys.sort_unstable();
        keys.dedup();
        (keys, matching::counted_words(&text).count() as i64)
    }
}

/// The matched text of the three columns.
pub(crate) fn join_matched(text: &str, quote: &str, notes: &str) -> String {
    let mut joined = text.to_string();
    for part in [quote, notes] {
        if !part.is_empty() {
            joined.push(' ');
            joined.push_str(part);
        }
    }
    joined
}

/// Claims' previous index rows (key, text, quote, notes) by key.
pub(crate) fn previous_documents(rows: Vec<(i64, String, String, String)>) -> HashMap<i64, SearchDocument> {
    rows.into_iter()
        .map(|(key, text, quote, notes)| {
            let document = SearchDocument {
                key,
                text,
                quote,
                notes,
                ..SearchDocument::default()
            };
            (key, document)
        })
        .collect()
}

/// Adds the claims among `documents` that had no index row (new ones) to
/// `new`, with what they claim, up to one past [`SEEN_BEFORE_CHECKS`].
pub(crate) fn note_new_claims(
    documents: &[SearchDocument],
    old: &HashMap<i64, SearchDocument>,
    new: &mut Vec<(i64, String)>,
) {
    for document in documents {
        if !old.contains_key(&document.key) && new.len() <= SEEN_BEFORE_CHECKS {
            new.push((document.key, document.claimed_text()));
        }
    }
}

/// Changes to the statistics, applied once at the end of an indexing run.
#[derive(Debug, Default)]
pub(crate) struct StatisticsDelta {
    pub counts: matching::KeyMap<i64>,
}

impl StatisticsDelta {
    /// Moves the statistics from a claim's previous document (if it had
    /// one) to its new one.
    pub(crate) fn replace(&mut self, old: Option<&SearchDocument>, new: &SearchDocument) {
        let (new_keys, new_words) = new.keys();
        *self.counts.entry(matching::WORDS_KEY).or_default() += new_words;
        match old {
            None => {
                *self.counts.entry(matching::DOCUMENTS_KEY).or_default() += 1;
                for key in new_keys {
                    *self.counts.entry(key).or_default() += 1;
                }
            }
            Some(old) => {
                let (old_keys, old_words) = old.keys();
                *self.counts.entry(matching::WORDS_KEY).or_default() -= old_words;
                for key in &new_keys {
                    if old_keys.binary_search(key).is_err() {
                        *self.counts.entry(*key).or_default() += 1;
                    }
                }
                for key in &old_keys {
                    if new_keys.binary_search(key).is_err() {
                        *self.counts.entry(*key).or_default() -= 1;
                    }
                }
            }
        }
    }

    /// [`StatisticsDelta::replace`] for many documents, on every core:
    /// the grams of a million claims are most of the work of indexing them.
    pub(crate) fn replace_all(&mut self, old: &HashMap<i64, SearchDocument>, documents: &[SearchDocument]) {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        if threads < 2 || documents.len() < 64 {
            for document in documents {
                self.replace(old.get(&document.key), document);
            }
            return;
        }
        let parts: Vec<StatisticsDelta> = std::thread::scope(|scope| {
            let handles: Vec<_> = documents
                .chunks(documents.len().div_ceil(threads))
                .map(|part| {
                    scope.spawn(move || {
                        let mut delta = StatisticsDelta::default();
                        for document in part {
                            delta.replace(old.get(&document.key), document);
                        }
                        delta
                    })
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        for part in parts {
            self.merge(part);
        }
    }

    /// Adds another delta's changes to this one.
    pub(crate) fn merge(&mut self, other: StatisticsDelta) {
        if self.counts.is_empty() {
            self.counts = other.counts;
            return;
        }
        for (key, n) in other.counts {
            *self.counts.entry(key).or_default() += n;
        }
    }

    /// The changes that are not zero, by key.
    pub(crate) fn changes(&self) -> Vec<(i64, i64)> {
        let mut changes: Vec<(i64, i64)> = self
            .counts
            .iter()
            .filter(|(_, n)| **n != 0)
            .map(|(k, n)| (*k, *n))
            .collect();
        changes.sort_unstable();
        changes
    }
}

/// Where a write starts, for [`Write::refresh_search`]: the last operation
/// and history event before it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SearchMark {
    operation: i64,
    event: i64,
}

/// The operations on a source that change what its claims are found by.
pub(crate) const SOURCE_RENAMES: &str = "('source.alias', 'source.rename', 'source.merge')";

/// The claims a write touched since `mark`, as SQL over either backend
/// (the same tables): new history events and operations naming a claim.
/// The claims of renamed sources are [`renamed_sources`]' business.
pub(crate) fn touched_claims<DB: Dialect>(mark_operation: i64, mark_event: i64) -> QueryBuilder<DB> {
    let mut sql = QueryBuilder::<DB>::new("SELECT claim_id FROM status_events WHERE id > ");
    DB::bind_int(&mut sql, mark_event);
    sql.push(" UNION SELECT claim_id FROM operations WHERE claim_id IS NOT NULL AND id > ");
    DB::bind_int(&mut sql, mark_operation);
    sql
}

/// The sources a write renamed, merged or gave an alias since `mark`:
/// every claim of theirs is found by new names. Asked apart, because
/// finding a source's claims, withdrawn ones too, reads the whole claims
/// table (its source index holds live claims only), which only such a
/// write should pay for.
pub(crate) fn renamed_sources<DB: Dialect>(mark_operation: i64) -> QueryBuilder<DB> {
    let mut sql = QueryBuilder::<DB>::new(
        "SELECT DISTINCT source_id FROM operations WHERE source_id IS NOT NULL AND kind IN ",
    );
    sql.push(SOURCE_RENAMES).push(" AND id > ");
    DB::bind_int(&mut sql, mark_operation);
    sql
}

/// The claims of these sources (SQL over either backend).
pub(crate) fn claims_of_sources<DB: Dialect>(sources: &[i64]) -> QueryBuilder<DB> {
    let mut sql = QueryBuilder::<DB>::new("SELECT id FROM claims WHERE source_id IN (");
    for (i, source) in sources.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        DB::bind_int(&mut sql, *source);
    }
    sql.push(")");
    sql
}

/// The record's columns a claim's document is made of, for the claims
/// whose keys are bound as `json_each` / `unnest` of the one parameter.
pub(crate) const SQLITE_DOCUMENTS: &str = "SELECT c.id, c.text, c.quote, s.name AS source,
        (SELECT group_concat(note, ' ') FROM (SELECT note FROM status_events e WHERE e.claim_id = c.id AND e.note IS NOT NULL ORDER BY e.id)) AS notes,
        (SELECT group_concat(alias, ' ') FROM source_aliases a WHERE a.source_id = c.source_id) AS aliases,
        (SELECT group_concat(tag, ' ') FROM claim_tags t WHERE t.claim_id = c.id) AS tags
    FROM claims c JOIN sources s ON s.id = c.source_id
    WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id";

/// A document from a row of the documents query (either backend).
pub(crate) fn document_from_row<R: Row>(row: &R) -> Result<SearchDocument>
where
    for<'a> &'a str: sqlx::ColumnIndex<R>,
    i64: sqlx::Type<R::Database> + for<'r> sqlx::Decode<'r, R::Database>,
    String: sqlx::Type<R::Database> + for<'r> sqlx::Decode<'r, R::Database>,
    Option<String>: sqlx::Type<R::Database> + for<'r> sqlx::Decode<'r, R::Database>,
{
    let source: String = row.try_get("source")?;
    let aliases: Option<String> = row.try_get("aliases")?;
    let names = match aliases {
        Some(aliases) => format!("{source} {aliases}"),
        None => source,
    };
    let text: String = row.try_get("text")?;
    let quote: Option<String> = row.try_get("quote")?;
    let notes: Option<String> = row.try_get("notes")?;
    let tags: Option<String> = row.try_get("tags")?;
    Ok(SearchDocument::normalized(
        row.try_get("id")?,
        &text,
        quote.as_deref(),
        notes.as_deref(),
        &names,
        tags.as_deref(),
    ))
}

/// The keys as a JSON array, bound as one parameter.
pub(crate) fn json_keys(keys: &[i64]) -> String {
    serde_json::to_string(keys).unwrap_or_else(|_| "[]".into())
}

impl Store {
    /// Where a write starts (see [`Write::refresh_search`]).
    pub(super) async fn search_mark(&mut self) -> Result<SearchMark> {
        let (operation, event): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT coalesce(max(id), 0) FROM operations), (SELECT coalesce(max(id), 0) FROM status_events)",
        )
        .fetch_one(self.conn())
        .await?;
        Ok(SearchMark { operation, event })
    }

    /// Indexes every claim logged before the index existed (once, after the
    /// migration that made it).
    pub(super) async fn backfill_search(&mut self) -> Result<()> {
        let pending: Option<i64> = sqlx::query_scalar("SELECT pending FROM search_backfill")
            .fetch_optional(self.conn())
            .await?;
        if pending != Some(1) {
            return Ok(());
        }
        self.write(async |w| {
            let keys: Vec<i64> = sqlx::query_scalar("SELECT id FROM claims ORDER BY id")
                .fetch_all(w.conn())
                .await?;
            w.reindex(&keys).await?;
            sqlx::query("DELETE FROM search_backfill")
                .execute(w.conn())
                .await?;
            Ok(())
        })
        .await
    }
}

/// Claims embedded per write by `claims embed`. The vectors are derived
/// data: a run cut short keeps the writes it finished, and the next run
/// goes on from there instead of starting again.
pub(crate) const EMBEDDED_PER_WRITE: usize = 1_000;

/// What `claims embed` did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Embedded {
    /// Claims given a new embedding.
    pub embedded: usize,
    /// Claims whose embedding was already of their text.
    pub current: usize,
}

impl Embedded {
    pub(crate) fn add(&mut self, due: &EmbeddingsDue) {
        self.embedded += due.rows.len();
        self.current += due.current;
    }
}

impl Store {
    /// Gives every claim of the index an embedding of its text, where it
    /// has none of this model and text ([`EMBEDDED_PER_WRITE`] per write).
    pub async fn embed_claims(&mut self, embedder: &dyn semantic::Embedder) -> Result<Embedded> {
        let keys: Vec<i64> = sqlx::query_scalar("SELECT rowid FROM claim_search ORDER BY rowid")
            .fetch_all(self.conn())
            .await?;
        let mut total = Embedded::default();
        for chunk in keys.chunks(EMBEDDED_PER_WRITE) {
            let due = self
                .write(async |w| w.embed(embedder, chunk, usize::MAX).await)
                .await?;
            total.add(&due);
        }
        Ok(total)
    }
}

/// Whether the search index is still to be built (either backend).
pub(crate) const SEARCH_INDEX_PENDING: &str = "SELECT count(*) FROM search_backfill WHERE pending = 1";

/// The matching statistics as stored, those that count anything (either
/// backend).
pub(crate) const STORED_STATISTICS: &str = "SELECT key, documents FROM match_statistics WHERE documents <> 0";

/// What a rebuild of the search index empties first (either backend): the
/// rows, the statistics, and any pending backfill mark.
pub(crate) const CLEAR_SEARCH_INDEX: [&str; 3] = [
    "DELETE FROM claim_search",
    "DELETE FROM match_statistics",
    "DELETE FROM search_backfill",
];

impl Store {
    /// Builds the search index and the matching statistics again from the
    /// record, in one write (`claims reindex`, after `claims verify` found
    /// them off); returns how many claims it indexed.
    pub async fn rebuild_search_index(&mut self) -> Result<usize> {
        self.write(async |w| {
            for statement in CLEAR_SEARCH_INDEX {
                sqlx::query(statement).execute(w.conn()).await?;
            }
            let keys: Vec<i64> = sqlx::query_scalar("SELECT id FROM claims ORDER BY id")
                .fetch_all(w.conn())
                .await?;
            w.reindex(&keys).await?;
            Ok(keys.len())
        })
        .await
    }
}

impl Write<'_> {
    /// Indexes again every claim the write touched since `mark`, and looks
    /// up the claims it logged among those logged before (see
    /// [`SeenBefore`]).
    pub(super) async fn refresh_search(&mut self, mark: SearchMark) -> Result<()> {
        let mut keys: Vec<i64> = touched_claims::<Sqlite>(mark.operation, mark.event)
            .build_query_scalar()
            .fetch_all(self.conn())
            .await?;
        let sources: Vec<i64> = renamed_sources::<Sqlite>(mark.operation)
            .build_query_scalar()
            .fetch_all(self.conn())
            .await?;
        if !sources.is_empty() {
            let of_sources: Vec<i64> = claims_of_sources::<Sqlite>(&sources)
                .build_query_scalar()
                .fetch_all(self.conn())
                .await?;
            keys.extend(of_sources);
        }
        keys.sort_unstable();
        keys.dedup();
        let new = self.reindex(&keys).await?;
        // The model is loaded only by a write that touched a claim.
        if !keys.is_empty()
            && let Some(embedder) = semantic::embedder()
        {
            let due = self.embed(embedder, &keys, semantic::EMBEDDED_IN_WRITE).await?;
            semantic::defer(due.deferred);
        }
        if new.len() > SEEN_BEFORE_CHECKS {
            if let Some(first) = new.iter().map(|(key, _)| *key).min()
                && self.store.claims_logged_before(first).await?
            {
                self.store.seen_before_skipped = true;
            }
            return Ok(());
        }
        let found = seen_before(&mut *self.store, &new).await?;
        self.store.seen_before.extend(found);
        Ok(())
    }

    /// Stores the embeddings of those of these claims that need one, unless
    /// more than `limit` do (`claims embed`, and every write with the
    /// semantic tier on).
    pub(crate) async fn embed(
        &mut self,
        embedder: &dyn semantic::Embedder,
        keys: &[i64],
        limit: usize,
    ) -> Result<EmbeddingsDue> {
        let due = embeddings_due(&mut *self.store, embedder, keys, limit).await?;
        for rows in due.rows.chunks(INSERT_ROWS) {
            let mut sql = QueryBuilder::<Sqlite>::new(
                "INSERT INTO claim_embedding (claim_id, model, text_key, vector) ",
            );
            sql.push_values(rows, |mut row, (key, text_key, vector)| {
                row.push_bind(*key)
                    .push_bind(semantic::MODEL)
                    .push_bind(*text_key)
                    .push_bind(vector.as_slice());
            });
            sql.push(
                " ON CONFLICT (claim_id) DO UPDATE SET model = excluded.model, text_key = excluded.text_key, vector = excluded.vector",
            );
            sql.build().execute(self.conn()).await?;
        }
        Ok(due)
    }

    /// Writes the index rows of these claims (sorted keys) from the record,
    /// moving the statistics from their previous rows; returns the claims
    /// that had none (new ones) with their matched text.
    async fn reindex(&mut self, keys: &[i64]) -> Result<Vec<(i64, String)>> {
        let mut new = Vec::new();

        let mut delta = StatisticsDelta::default();
        for batch in keys.chunks(READ_BATCH) {
            let json = json_keys(batch);
            let rows = sqlx::query(SQLITE_DOCUMENTS)
                .bind(&json)
                .fetch_all(self.conn())
                .await?;
            let documents: Vec<SearchDocument> = rows.iter().map(document_from_row).collect::<Result<_>>()?;

            let old: Vec<(i64, String, String, String)> = sqlx::query_as(
                "SELECT rowid, text, quote, notes FROM claim_search WHERE rowid IN (SELECT value FROM json_each(?))",
            )
            .bind(&json)
            .fetch_all(self.conn())
            .await?;
            let old = previous_documents(old);
            if !old.is_empty() {
                sqlx::query("DELETE FROM claim_search WHERE rowid IN (SELECT value FROM json_each(?))")
                    .bind(&json)
                    .execute(self.conn())
                    .await?;
            }

            note_new_claims(&documents, &old, &mut new);
            // The statistics are counted on other threads while this one
            // waits for SQLite to write the rows.
            let documents = std::sync::Arc::new(documents);
            let counting = {
                let documents = std::sync::Arc::clone(&documents);
                std::thread::spawn(move || {
                    let mut part = StatisticsDelta::default();
                    part.replace_all(&old, &documents);
                    part
                })
            };

            for rows in documents.chunks(INSERT_ROWS) {
                let mut sql = QueryBuilder::<Sqlite>::new(
                    "INSERT INTO claim_search (rowid, text, quote, notes, source, tags) ",
                );
                sql.push_values(rows, |mut row, d| {
                    row.push_bind(d.key)
                        .push_bind(&d.text)
                        .push_bind(&d.quote)
                        .push_bind(&d.notes)
                        .push_bind(&d.source)
                        .push_bind(&d.tags);
                });
                sql.build().execute(self.conn()).await?;
            }
            let part = counting
                .join()
                .map_err(|_| crate::Error::Internal("counting the search statistics failed".into()))?;
            delta.merge(part);
        }
        let changes = delta.changes();
        for rows in changes.chunks(400) {
            let mut sql = QueryBuilder::<Sqlite>::new("INSERT INTO match_statistics (key, documents) ");
            sql.push_values(rows, |mut row, (key, n)| {
                row.push_bind(*key).push_bind(*n);
            });
            sql.push(" ON CONFLICT (key) DO UPDATE SET documents = documents + excluded.documents");
            sql.build().execute(self.conn()).await?;
        }
        Ok(new)
    }
}

/// How many claims of one write are looked up among earlier ones: a claim
/// file's worth, many times over, at a few milliseconds each. A larger
/// import is not held up by it (`claims dedupe` reviews the whole database).
pub(crate) const SEEN_BEFORE_CHECKS: usize = 500;

/// A claim just logged that matches one logged before it.
#[derive(Debug, Clone)]
pub struct SeenBefore {
    /// The new claim's text.
    pub text: String,
    /// The earlier claim, its verdict and the score.
    pub earlier: Similar,
}

/// The new claims (key, matched text) that match an earlier claim from
/// [`matching::seen_before_threshold`] up, each with its best match. With more new
/// claims than [`SEEN_BEFORE_CHECKS`] (the list stops one past it), none
/// are looked up and one notice says so.
pub(crate) async fn seen_before(store: &mut impl Matching, new: &[(i64, String)]) -> Result<Vec<SeenBefore>> {
    let Some(first_new) = new.iter().map(|(key, _)| *key).min() else {
        return Ok(Vec::new());
    };
    if new.len() > SEEN_BEFORE_CHECKS {
        return Ok(Vec::new());
    }
    let earlier = store.claims_logged_before(first_new).await?;
    if !earlier {
        return Ok(Vec::new());
    }
    let filter = ClaimFilter::default();
    let mut found = Vec::new();
    // The index is refreshed already: the lookups read it as it stays.
    let mut cache = StatisticsCache::default();
    for (key, text) in new {
        // Keys grow as claims are logged: this write's claims are the
        // newest, and are not "before" one another.
        let best = similar_to(
            store,
            &mut cache,
            text,
            |other| other >= first_new || other == *key,
            &filter,
            1,
            Reach::Words,
        )
        .await?;
        if let Some(best) = best
            .into_iter()
            .next()
            .filter(|b| b.score >= matching::seen_before_threshold())
        {
            let own = store
                .claims_by_keys(
                    &[*key],
                    &ClaimFilter {
                        include_withdrawn: true,
                        ..ClaimFilter::default()
                    },
                )
                .await?;
            found.push(SeenBefore {
                text: own
                    .into_iter()
                    .next()
                    .map(|c| c.text)
                    .unwrap_or_else(|| text.clone()),
                earlier: best,
            });
        }
    }
    Ok(found)
}

/// Whether a claim about to be logged was seen before, from a snapshot
/// taken before the write that logs it begins: `claims add` on the team
/// server looks it up on a connection of its own while the write runs,
/// instead of adding the lookup's round trips (8 to 20 ms on 100,000
/// claims) to the write's. The statistics count the claim as its write will
/// (`document`, with any key), so the match and its score are those
/// [`seen_before`] gives inside the write; `text` is the claim as logged.
pub(crate) async fn seen_before_of_pending(
    store: &mut impl Matching,
    document: &SearchDocument,
    text: &str,
) -> Result<Vec<SeenBefore>> {
    let mut cache = StatisticsCache::counting(document);
    let best = similar_to(
        store,
        &mut cache,
        &document.claimed_text(),
        |_| false,
        &ClaimFilter::default(),
        1,
        Reach::Words,
    )
    .await?;
    Ok(best
        .into_iter()
        .filter(|b| b.score >= matching::seen_before_threshold())
        .map(|earlier| SeenBefore {
            text: text.to_string(),
            earlier,
        })
        .collect())
}

/// A candidate of `claims similar`: a claim's key and matched text.
#[derive(Debug, Clone)]
pub(crate) struct MatchCandidate {
    pub key: i64,
    pub text: String,
}

impl MatchCandidate {
    /// From an index row: key, text, quote, notes.
    pub(crate) fn from_row((key, text, quote, notes): (i64, String, String, String)) -> MatchCandidate {
        MatchCandidate {
            key,
            text: join_matched(&text, &quote, &notes),
        }
    }
}

/// The keys asked for, and the keys of the totals (documents, words).
pub(crate) fn with_totals(keys: &[i64]) -> Vec<i64> {
    let mut all = keys.to_vec();
    all.extend([matching::DOCUMENTS_KEY, matching::WORDS_KEY]);
    all
}

/// The statistics one run of lookups has read, kept for the next: the
/// lookups of `dedupe`, of one write's seen before and of
/// `evaluate-matching` read the same grams' document frequencies over and
/// over, from a database that does not change between them. Start one per
/// snapshot or write; never keep one across a change to the index.
#[derive(Debug, Default)]
pub(crate) struct StatisticsCache {
    /// Documents per key; 0 for a key the database does not hold.
    known: matching::KeyMap<i64>,
    /// The totals: documents and their words.
    totals: Option<(i64, i64)>,
    /// What a claim not yet written adds to every count (see
    /// [`seen_before_of_pending`]); empty otherwise.
    pending: matching::KeyMap<i64>,
}

/// Keys kept before a cache starts again: 16 bytes or so each, so a few
/// tens of megabytes at most.
const CACHED_KEYS: usize = 2_000_000;

impl StatisticsCache {
    /// A cache whose counts take `document` as indexed already: the
    /// statistics its write will leave, read before it commits.
    pub(crate) fn counting(document: &SearchDocument) -> StatisticsCache {
        let mut delta = StatisticsDelta::default();
        delta.replace(None, document);
        StatisticsCache {
            pending: delta.counts,
            ..StatisticsCache::default()
        }
    }

    /// The statistics of these keys, reading from the store only those not
    /// read before.
    pub(crate) async fn read(&mut self, store: &mut impl Matching, keys: &[i64]) -> Result<Statistics> {
        if self.known.len() > CACHED_KEYS {
            self.known.clear();
        }
        let missing: Vec<i64> = keys
            .iter()
            .copied()
            .filter(|key| !self.known.contains_key(key))
            .collect();
        let totals = match self.totals {
            Some(totals) if missing.is_empty() => totals,
            _ => {
                let read = store.match_statistics(&missing).await?;
                let pending = |key: &i64| self.pending.get(key).copied().unwrap_or(0);
                for key in &missing {
                    let documents = read.frequencies.get(key).copied().unwrap_or(0) + pending(key);
                    self.known.insert(*key, documents);
                }
                let totals = (
                    read.documents + pending(&matching::DOCUMENTS_KEY),
                    read.words + pending(&matching::WORDS_KEY),
                );
                *self.totals.insert(totals)
            }
        };
        Ok(Statistics {
            documents: totals.0,
            words: totals.1,
            frequencies: keys
                .iter()
                .filter_map(|key| self.known.get(key).filter(|n| **n > 0).map(|n| (*key, *n)))
                .collect(),
        })
    }
}

/// What claim matching needs of a backend.
pub(crate) trait Matching {
    /// For each of these (normalized) words, the claims whose text, quote
    /// or notes hold it, among those `filter` selects when it restricts
    /// them: (the word's index in `words`, the claim), the posting lists of
    /// the full-text index read without ranking.
    async fn claims_with_words(&mut self, words: &[&str], filter: &ClaimFilter) -> Result<Vec<(usize, i64)>>;
    /// The matched text (text, quote, notes) of these claims.
    async fn matched_texts(&mut self, keys: &[i64]) -> Result<Vec<MatchCandidate>>;
    /// The document frequencies of these keys, and the number of documents.
    async fn match_statistics(&mut self, keys: &[i64]) -> Result<Statistics>;
    /// The claims with these keys that `filter` selects.
    async fn claims_by_keys(&mut self, keys: &[i64], filter: &ClaimFilter) -> Result<Vec<Claim>>;
    /// What one claim claims, normalized: its text and quote (the query of
    /// `similar ID` and `dedupe`).
    async fn claimed_text_of(&mut self, key: i64) -> Result<Option<String>>;
    /// Whether any claim has a key below `key` (was logged before it).
    async fn claims_logged_before(&mut self, key: i64) -> Result<bool>;
    /// Which model embedded which text of these claims: (key, model, text
    /// key), without the vectors (1.5 KB each), which deciding what is due
    /// does not read.
    async fn embedded_texts(&mut self, keys: &[i64]) -> Result<Vec<(i64, String, i64)>>;
    /// This model's vectors of these claims.
    async fn vectors_of(&mut self, keys: &[i64]) -> Result<Vec<(i64, Vec<u8>)>>;
    /// The next page of this model's embeddings, by key from `after`.
    async fn embeddings_after(&mut self, after: i64, page: i64) -> Result<Vec<(i64, Vec<u8>)>>;
}

impl Matching for Store {
    async fn claims_with_words(&mut self, words: &[&str], filter: &ClaimFilter) -> Result<Vec<(usize, i64)>> {
        // FTS5 reads one posting list per MATCH.
        let mut found = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let mut sql =
                QueryBuilder::<Sqlite>::new("SELECT rowid FROM claim_search WHERE claim_search MATCH ");
            sql.push_bind(format!("{{text quote notes}} : \"{word}\""));
            if filter.restricts() {
                sql.push(" AND rowid IN (SELECT c.id");
                let status = filter.push_from(&mut sql);
                filter.push_where(&mut sql, status, "c.source_id");
                sql.push(")");
            }
            let keys: Vec<i64> = sql.build_query_scalar().fetch_all(self.conn()).await?;
            found.extend(keys.into_iter().map(|key| (i, key)));
        }
        Ok(found)
    }

    async fn matched_texts(&mut self, keys: &[i64]) -> Result<Vec<MatchCandidate>> {
        let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT rowid, text, quote, notes FROM claim_search WHERE rowid IN (SELECT value FROM json_each(?))",
        )
        .bind(json_keys(keys))
        .fetch_all(self.conn())
        .await?;
        Ok(rows.into_iter().map(MatchCandidate::from_row).collect())
    }

    async fn match_statistics(&mut self, keys: &[i64]) -> Result<Statistics> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT key, documents FROM match_statistics WHERE key IN (SELECT value FROM json_each(?))",
        )
        .bind(json_keys(&with_totals(keys)))
        .fetch_all(self.conn())
        .await?;
        Ok(statistics_from(rows))
    }

    async fn claims_by_keys(&mut self, keys: &[i64], filter: &ClaimFilter) -> Result<Vec<Claim>> {
        let filter = ClaimFilter {
            keys: Some(keys.to_vec()),
            ..filter.clone()
        };
        self.list_claims(&filter).await
    }

    async fn claimed_text_of(&mut self, key: i64) -> Result<Option<String>> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT text, quote FROM claim_search WHERE rowid = ?")
                .bind(key)
                .fetch_optional(self.conn())
                .await?;
        Ok(row.map(|(text, quote)| join_matched(&text, &quote, "")))
    }

    async fn claims_logged_before(&mut self, key: i64) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM claims WHERE id < ? LIMIT 1")
            .bind(key)
            .fetch_optional(self.conn())
            .await?;
        Ok(found.is_some())
    }

    async fn embedded_texts(&mut self, keys: &[i64]) -> Result<Vec<(i64, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT claim_id, model, text_key FROM claim_embedding
             WHERE claim_id IN (SELECT value FROM json_each(?))",
        )
        .bind(json_keys(keys))
        .fetch_all(self.conn())
        .await?)
    }

    async fn vectors_of(&mut self, keys: &[i64]) -> Result<Vec<(i64, Vec<u8>)>> {
        Ok(sqlx::query_as(
            "SELECT claim_id, vector FROM claim_embedding
             WHERE claim_id IN (SELECT value FROM json_each(?)) AND model = ?",
        )
        .bind(json_keys(keys))
        .bind(semantic::MODEL)
        .fetch_all(self.conn())
        .await?)
    }

    async fn embeddings_after(&mut self, after: i64, page: i64) -> Result<Vec<(i64, Vec<u8>)>> {
        Ok(sqlx::query_as(
            "SELECT claim_id, vector FROM claim_embedding WHERE claim_id > ? AND model = ?
             ORDER BY claim_id LIMIT ?",
        )
        .bind(after)
        .bind(semantic::MODEL)
        .bind(page)
        .fetch_all(self.conn())
        .await?)
    }
}

/// Up to how many claims `claims similar` also looks among all of them for
/// the nearest by meaning, which finds a rewording that shares no rare word
/// with its claim: a scan of every vector, 1.5 KB a claim, at each query.
/// Above it, only the lexical candidates are scored by meaning.
pub(crate) const MEANING_SCAN: i64 = 100_000;

/// How many of the nearest by meaning join the lexical candidates.
const MEANING_CANDIDATES: usize = 50;

/// Vectors read per query while scanning.
const SCAN_PAGE: i64 = 2_000;

/// The claims nearest `query` by meaning, best first, at most `n`, when
/// the database indexes at most [`MEANING_SCAN`] claims (`claims`).
pub(crate) async fn nearest_by_meaning(
    store: &mut impl Matching,
    query: &[f32],
    n: usize,
    claims: i64,
) -> Result<Vec<i64>> {
    if claims > MEANING_SCAN {
        return Ok(Vec::new());
    }
    let mut best: Vec<(f64, i64)> = Vec::with_capacity(n * 2 + SCAN_PAGE as usize);
    let mut after = i64::MIN;
    loop {
        let page = store.embeddings_after(after, SCAN_PAGE).await?;
        let Some(&(last, _)) = page.last() else { break };
        after = last;
        best.extend(page.iter().filter_map(|(key, bytes)| {
            semantic::cosine_of_stored(query, bytes).map(|cosine| (cosine, *key))
        }));
        if best.len() > n {
            best.select_nth_unstable_by(n, |a, b| b.0.total_cmp(&a.0));
            best.truncate(n);
        }
    }
    best.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(best.into_iter().map(|(_, key)| key).collect())
}

/// What to store for claims whose embedding is missing or out of date.
#[derive(Debug, Default)]
pub struct EmbeddingsDue {
    /// (key, text key, vector) to write.
    pub rows: Vec<(i64, i64, Vec<u8>)>,
    /// Claims left unembedded: more were due than the limit.
    pub deferred: usize,
    /// Claims whose stored embedding was already of their text.
    pub current: usize,
}

/// Embeds those of these claims whose stored embedding is missing, of
/// another model or of an earlier text (their indexed text, quote and
/// notes), unless more than `limit` are due: then none, and the count is
/// reported instead.
pub(crate) async fn embeddings_due(
    store: &mut impl Matching,
    embedder: &dyn semantic::Embedder,
    keys: &[i64],
    limit: usize,
) -> Result<EmbeddingsDue> {
    let texts = store.matched_texts(keys).await?;
    // What each stored embedding was made of (the text key, see
    // [`matching::text_key`]) and by which model.
    let stored: HashMap<i64, (String, i64)> = store
        .embedded_texts(keys)
        .await?
        .into_iter()
        .map(|(key, model, text_key)| (key, (model, text_key)))
        .collect();
    let mut due = EmbeddingsDue::default();
    let mut texts: Vec<(i64, i64, String)> = texts
        .into_iter()
        .map(|c| (c.key, matching::text_key(&c.text), c.text))
        .filter(|(key, text_key, _)| match stored.get(key) {
            Some((model, stored_key)) if model == semantic::MODEL && stored_key == text_key => {
                due.current += 1;
                false
            }
            _ => true,
        })
        .collect();
    if texts.len() > limit {
        due.deferred = texts.len();
        return Ok(due);
    }
    texts.sort_unstable_by_key(|(key, _, _)| *key);
    let refs: Vec<&str> = texts.iter().map(|(_, _, text)| text.as_str()).collect();
    let vectors = embedder.embed(&refs)?;
    due.rows = texts
        .into_iter()
        .zip(vectors)
        .map(|((key, text_key, _), vector)| (key, text_key, semantic::to_bytes(&vector)))
        .collect();
    Ok(due)
}

/// The cosine of the query's embedding with each candidate's that has one
/// of this model (none when the tier is off).
async fn semantic_cosines(
    store: &mut impl Matching,
    query: Option<&[f32]>,
    keys: &[i64],
) -> Result<matching::KeyMap<f64>> {
    let mut cosines = matching::KeyMap::default();
    let Some(query) = query else {
        return Ok(cosines);
    };
    for (key, bytes) in store.vectors_of(keys).await? {
        if let Some(vector) = semantic::from_bytes(&bytes) {
            cosines.insert(key, semantic::cosine(query, &vector));
        }
    }
    Ok(cosines)
}

/// Statistics from (key, documents) rows, the document count under
/// [`matching::DOCUMENTS_KEY`].
pub(crate) fn statistics_from(rows: Vec<(i64, i64)>) -> Statistics {
    let mut statistics = Statistics::default();
    for (key, documents) in rows {
        if key == matching::DOCUMENTS_KEY {
            statistics.documents = documents;
        } else if key == matching::WORDS_KEY {
            statistics.words = documents;
        } else {
            statistics.frequencies.insert(key, documents);
        }
    }
    statistics
}

/// A claim found like another, with its score (0 to 1).
#[derive(Debug, Clone)]
pub struct Similar {
    /// The claim found.
    pub claim: Claim,
    /// How alike (cosine of their gram profiles).
    pub score: f64,
}

/// Where `similar_to` finds its candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// The claims sharing the query's rarest words: a lookup per claim
    /// logged, or per claim of the database (seen before, dedupe).
    Words,
    /// Those, and with the semantic tier the nearest by meaning
    /// ([`MEANING_SCAN`]): a question asked by a person (`claims similar`).
    WordsAndMeaning,
}

/// The claims most like `text`, best first, at most `limit`, among those
/// `filter` selects, leaving out the claims `skip` says to (the claim asked
/// about, or those of the same write).
pub(crate) async fn similar_to(
    store: &mut impl Matching,
    cache: &mut StatisticsCache,
    text: &str,
    skip: impl Fn(i64) -> bool,
    filter: &ClaimFilter,
    limit: usize,
    reach: Reach,
) -> Result<Vec<Similar>> {
    let normalized = matching::normalize(text);
    let query = matching::Candidate::of(0, &normalized);
    if query.profile.is_empty() {
        return Ok(Vec::new());
    }
    // With the semantic tier, the query's embedding (the model reads the
    // same normalized text as the claims' embeddings were made from).
    let meaning = match semantic::embedder() {
        Some(embedder) => embedder.embed(&[normalized.as_str()])?.pop(),
        None => None,
    };
    // The rarest words the database holds pick the candidates.
    let words = matching::content_words(&normalized);
    let word_keys: Vec<i64> = words.iter().map(|w| matching::word_key(w)).collect();
    let counts = cache.read(store, &word_keys).await?;
    let mut known: Vec<(i64, &str)> = words
        .iter()
        .zip(&word_keys)
        .filter_map(|(word, key)| {
            counts
                .frequencies
                .get(key)
                .filter(|n| **n > 0)
                .map(|n| (*n, *word))
        })
        .collect();
    known.sort_unstable();
    let chosen = matching::candidate_words(&known);
    // The candidates: the claims sharing the most of the rarest words,
    // each word weighing its inverse document frequency. Ranking the
    // posting lists here rather than in the index costs a few milliseconds
    // where the index's BM25 read every claim's length (20 ms at a million
    // claims), and is the same on both backends.
    let (words, weights): (Vec<&str>, Vec<f64>) = known
        .iter()
        .filter(|(_, w)| chosen.contains(w))
        .map(|&(documents, word)| {
            let weight = ((counts.documents.max(1) as f64 + 1.0) / (documents as f64 + 1.0)).ln() + 1.0;
            (word, weight)
        })
        .unzip();
    let mut tally: matching::KeyMap<f64> = matching::KeyMap::default();
    for (i, key) in store.claims_with_words(&words, filter).await? {
        if !skip(key) {
            *tally.entry(key).or_default() += weights[i];
        }
    }
    let mut best: Vec<(i64, f64)> = tally.into_iter().collect();
    best.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    best.truncate(matching::CANDIDATES as usize);
    let mut keys: Vec<i64> = best.iter().map(|(key, _)| *key).collect();
    if let (Some(meaning), Reach::WordsAndMeaning) = (&meaning, reach) {
        for key in nearest_by_meaning(store, meaning, MEANING_CANDIDATES, counts.documents).await? {
            if !skip(key) && !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    let found = store.matched_texts(&keys).await?;
    let candidates: Vec<matching::Candidate> = found
        .iter()
        .filter(|c| !skip(c.key))
        .map(|c| matching::Candidate::of(c.key, &c.text))
        .collect();
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    // The grams' statistics; the words' (and the totals) were read above.
    let mut keys: HashSet<i64> = query.profile.keys().collect();
    for candidate in &candidates {
        keys.extend(candidate.profile.keys());
    }
    let mut keys: Vec<i64> = keys.into_iter().collect();
    // In key order, the lookups walk the statistics index once, front to back.
    keys.sort_unstable();
    let mut statistics = cache.read(store, &keys).await?;
    statistics.frequencies.extend(counts.frequencies);
    let candidate_keys: Vec<i64> = candidates.iter().map(|c| c.key).collect();
    let cosines = semantic_cosines(store, meaning.as_deref(), &candidate_keys).await?;
    let ranked: Vec<(i64, f64)> = matching::rank(&query, &candidates, &statistics, &cosines)
        .into_iter()
        .filter(|(_, score)| *score > 0.0)
        .collect();
    // The claims themselves, best first, read only as far as `limit` needs:
    // seen before and `dedupe` want one of some two hundred ranked. A
    // claim the filter leaves out (withdrawn, say) makes the next read
    // larger.
    let mut found = Vec::with_capacity(limit.min(ranked.len()));
    let (mut at, mut chunk) = (0, limit.max(1) + 4);
    while found.len() < limit && at < ranked.len() {
        let end = (at + chunk).min(ranked.len());
        let wanted: Vec<i64> = ranked[at..end].iter().map(|(key, _)| *key).collect();
        let mut claims: HashMap<i64, Claim> = store
            .claims_by_keys(&wanted, filter)
            .await?
            .into_iter()
            .map(|claim| (claim.key, claim))
            .collect();
        found.extend(
            ranked[at..end]
                .iter()
                .filter_map(|&(key, score)| claims.remove(&key).map(|claim| Similar { claim, score })),
        );
        at = end;
        chunk *= 4;
    }
    found.truncate(limit);
    Ok(found)
}
