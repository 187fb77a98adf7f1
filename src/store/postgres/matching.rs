//! Claim matching on PostgreSQL: the search index (`claim_search`, a
//! weighted `tsvector` per claim with a GIN index) and the statistics kept
//! in step with the record at the end of every write, and the candidates
//! `claims similar` scores. The same documents, statistics and scoring as
//! on SQLite (see `store::matching`); only the SQL differs.

use std::fmt::Write as _;

use sqlx::{Postgres, QueryBuilder};

use super::TeamDatabase;
use crate::error::Result;
use crate::matching::query::{LONGEST_LEXEME, push_quoted_lexeme, quoted_lexeme, tsquery_word};
use crate::matching::{Statistics, semantic};
use crate::model::Claim;
use crate::store::ClaimFilter;
use crate::store::matching::{
    CLEAR_SEARCH_INDEX, EMBEDDED_PER_WRITE, Embedded, EmbeddingsDue, MatchCandidate, Matching,
    SEARCH_INDEX_PENDING, SEEN_BEFORE_CHECKS, STORED_STATISTICS, SearchDocument, StatisticsDelta,
    claims_of_sources, document_from_row, embeddings_due, join_matched, note_new_claims, previous_documents,
    renamed_sources, seen_before, seen_before_of_pending, statistics_from, touched_claims, with_totals,
};

/// The record's columns a claim's document is made of, for the claims whose
/// keys are `$1`: for a few claims, each one's notes, aliases and tags
/// looked up in turn.
const DOCUMENTS: &str = "SELECT c.id, c.text, c.quote, s.name AS source,
        (SELECT string_agg(note, ' ' ORDER BY e.id) FROM status_events e WHERE e.claim_id = c.id AND e.note IS NOT NULL) AS notes,
        (SELECT string_agg(alias, ' ') FROM source_aliases a WHERE a.source_id = c.source_id) AS aliases,
        (SELECT string_agg(tag, ' ') FROM claim_tags t WHERE t.claim_id = c.id) AS tags
    FROM claims c JOIN sources s ON s.id = c.source_id
    WHERE c.id = ANY($1) ORDER BY c.id";

/// The same for many claims, each table read once for all of them: right
/// after a bulk load, before the planner has statistics of the new rows, the
/// lookups in turn took 350 to 510 ms per 5,000 claims and this 75 ms
/// (60 ms and 75 ms once analyzed); for one claim it takes 0.8 ms against
/// 0.5 (`EXPLAIN ANALYZE`, 100,000 claims).
const DOCUMENTS_OF_MANY: &str = "SELECT c.id, c.text, c.quote, s.name AS source, n.notes, a.aliases, t.tags
    FROM claims c JOIN sources s ON s.id = c.source_id
    LEFT JOIN (SELECT e.claim_id, string_agg(e.note, ' ' ORDER BY e.id) AS notes FROM status_events e
               WHERE e.claim_id = ANY($1) AND e.note IS NOT NULL GROUP BY e.claim_id) n ON n.claim_id = c.id
    LEFT JOIN (SELECT t.claim_id, string_agg(t.tag, ' ') AS tags FROM claim_tags t
               WHERE t.claim_id = ANY($1) GROUP BY t.claim_id) t ON t.claim_id = c.id
    LEFT JOIN (SELECT a.source_id, string_agg(a.alias, ' ') AS aliases FROM source_aliases a
               WHERE a.source_id IN (SELECT source_id FROM claims WHERE id = ANY($1)) GROUP BY a.source_id) a
        ON a.source_id = c.source_id
    WHERE c.id = ANY($1) ORDER BY c.id";

/// From this many claims on, their documents are read with
/// [`DOCUMENTS_OF_MANY`].
const MANY_DOCUMENTS: usize = 100;

/// The documents query for `keys`.
fn documents_of(keys: &[i64]) -> &'static str {
    if keys.len() >= MANY_DOCUMENTS {
        DOCUMENTS_OF_MANY
    } else {
        DOCUMENTS
    }
}

/// The highest position in a `tsvector`: later words all take this one.
const LAST_POSITION: usize = 16_383;

/// A claim's weighted `tsvector`, in PostgreSQL's text form: its claim text
/// weighted A, quote B, notes C, names and tags D, each word at its place.
/// It is what `setweight(to_tsvector('simple', ..))` of each part, joined
/// with `||`, gives for the normalized text, built here rather than by the
/// server for two reasons. `to_tsvector`'s parser is slow (four calls a
/// claim: 100,000 claims' index rows took 4.0 s to insert into a table
/// without the GIN index, and 1.6 s with the same vectors in this form).
/// And the words are the normalized text's words split at spaces, as
/// SQLite's tokenizer splits them, whatever the server's locale takes for
/// a letter (in `C.UTF-8` its parser split "x²" and dropped "½"); queries
/// are written as `tsquery` text for the same reason.
pub(super) fn document_vector(document: &SearchDocument) -> String {
    // Names and tags are one part, D; their words follow on as in
    // `to_tsvector(source || ' ' || tags)`.
    let parts = [
        (document.text.as_str(), 'A'),
        (document.quote.as_str(), 'B'),
        (document.notes.as_str(), 'C'),
        (document.source.as_str(), 'D'),
        (document.tags.as_str(), 'D'),
    ];
    // Each part's positions follow the last one before it, as `||` places
    // its right operand after the left one's highest position.
    let mut words: Vec<(&str, usize, char)> = Vec::new();
    let mut offset = 0;
    for (text, weight) in parts {
        let mut position = 0;
        for word in text
            .split(' ')
            .filter(|w| !w.is_empty() && w.len() <= LONGEST_LEXEME)
        {
            position += 1;
            words.push((word, (offset + position).min(LAST_POSITION), weight));
        }
        offset = (offset + position).min(LAST_POSITION);
    }
    // By word, each word's positions in order (the sort is stable).
    words.sort_by(|a, b| a.0.cmp(b.0));
    let mut vector = String::with_capacity(words.len() * 12);
    let mut previous = None;
    for (word, position, weight) in words {
        if previous == Some(word) {
            vector.push(',');
        } else {
            if previous.is_some() {
                vector.push(' ');
            }
            push_quoted_lexeme(&mut vector, word);
            vector.push(':');
            previous = Some(word);
        }
        // Written into the vector, not made as a string of its own: this
        // runs for every word of every claim an import indexes.
        let _ = write!(vector, "{position}");
        // D is the default weight, written without its letter.
        if weight != 'D' {
            vector.push(weight);
        }
    }
    vector
}

/// A write that indexes this many claims refreshes the planner's statistics.
const ANALYZED_FROM: usize = 10_000;

/// Claims read back per query when indexing many.
const READ_BATCH: usize = 5_000;

impl TeamDatabase {
    /// Builds the search index and the matching statistics again from the
    /// record, in one write (`claims reindex`); returns how many claims it
    /// indexed. The write's own refresh does the indexing: it indexes every
    /// claim when the index is marked to be built.
    pub async fn rebuild_search_index(&mut self) -> Result<usize> {
        self.write(async |d| {
            for statement in CLEAR_SEARCH_INDEX {
                sqlx::query(statement).execute(&mut d.conn).await?;
            }
            sqlx::query("INSERT INTO search_backfill (pending) VALUES (1)")
                .execute(&mut d.conn)
                .await?;
            let claims: i64 = sqlx::query_scalar("SELECT count(*) FROM claims")
                .fetch_one(&mut d.conn)
                .await?;
            Ok(claims as usize)
        })
        .await
    }
}

/// Whether the search index is still to be built (see `verify`).
pub(super) async fn search_index_pending(database: &mut TeamDatabase) -> Result<bool> {
    let pending: i64 = sqlx::query_scalar(SEARCH_INDEX_PENDING)
        .fetch_one(&mut database.conn)
        .await?;
    Ok(pending > 0)
}

/// The search documents the record gives the claims after key `after`.
pub(super) async fn record_documents(
    database: &mut TeamDatabase,
    after: i64,
    limit: i64,
) -> Result<Vec<SearchDocument>> {
    let keys: Vec<i64> = sqlx::query_scalar("SELECT id FROM claims WHERE id > $1 ORDER BY id LIMIT $2")
        .bind(after)
        .bind(limit)
        .fetch_all(&mut database.conn)
        .await?;
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let rows = sqlx::query(documents_of(&keys))
        .bind(&keys)
        .fetch_all(&mut database.conn)
        .await?;
    rows.iter().map(document_from_row).collect()
}

/// The index rows of the keys `from..=to`, as stored.
pub(super) async fn indexed_documents(
    database: &mut TeamDatabase,
    from: i64,
    to: i64,
) -> Result<Vec<SearchDocument>> {
    let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(
        "SELECT claim_id, text, quote, notes, source, tags FROM claim_search WHERE claim_id BETWEEN $1 AND $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&mut database.conn)
    .await?;
    let mut documents: Vec<SearchDocument> = rows.into_iter().map(SearchDocument::from_columns).collect();
    // The vector is written beside the words, so it can differ from them
    // (a row written behind claimtrack's back): such a row holds other
    // words than its columns say, and is shown so (normalized text never
    // holds a NUL), for `verify` to count with the rows whose words differ.
    let differ: std::collections::HashSet<i64> = sqlx::query_scalar::<_, i64>(
        "SELECT m.claim_id FROM claim_search m JOIN unnest($1::bigint[], $2::text[]) AS v (k, d) ON m.claim_id = v.k
         WHERE m.document IS DISTINCT FROM v.d::tsvector",
    )
    .bind(documents.iter().map(|d| d.key).collect::<Vec<i64>>())
    .bind(documents.iter().map(document_vector).collect::<Vec<String>>())
    .fetch_all(&mut database.conn)
    .await?
    .into_iter()
    .collect();
    for document in documents.iter_mut().filter(|d| differ.contains(&d.key)) {
        document.text.push('\0');
    }
    Ok(documents)
}

/// Index rows whose claim does not exist.
pub(super) async fn index_rows_of_no_claim(database: &mut TeamDatabase) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM claim_search m WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = m.claim_id)",
    )
    .fetch_one(&mut database.conn)
    .await?)
}

/// The statistics with a count other than zero.
pub(super) async fn stored_statistics(database: &mut TeamDatabase) -> Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as(STORED_STATISTICS)
        .fetch_all(&mut database.conn)
        .await?)
}

/// Where a write starts: the last operation and history event before it.
pub(super) async fn search_mark(database: &mut TeamDatabase) -> Result<(i64, i64)> {
    let mark: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT coalesce(max(id), 0) FROM operations), (SELECT coalesce(max(id), 0) FROM status_events)",
    )
    .fetch_one(&mut database.conn)
    .await?;
    Ok(mark)
}

/// Indexes again every claim the write touched since `mark` (every claim,
/// the first time after the migration that made the index), and returns
/// the claims it logged that match earlier ones.
pub(super) async fn refresh_search(
    database: &mut TeamDatabase,
    (operation, event): (i64, i64),
) -> Result<(Vec<crate::store::SeenBefore>, bool)> {
    let pending: Option<i32> = sqlx::query_scalar("SELECT pending FROM search_backfill")
        .fetch_optional(&mut database.conn)
        .await?;
    let rebuilt = pending == Some(1);
    let mut keys: Vec<i64> = if rebuilt {
        sqlx::query("DELETE FROM search_backfill")
            .execute(&mut database.conn)
            .await?;
        sqlx::query_scalar("SELECT id FROM claims")
            .fetch_all(&mut database.conn)
            .await?
    } else {
        let mut keys: Vec<i64> = touched_claims::<Postgres>(operation, event)
            .build_query_scalar()
            .fetch_all(&mut database.conn)
            .await?;
        let sources: Vec<i64> = renamed_sources::<Postgres>(operation)
            .build_query_scalar()
            .fetch_all(&mut database.conn)
            .await?;
        if !sources.is_empty() {
            let of_sources: Vec<i64> = claims_of_sources::<Postgres>(&sources)
                .build_query_scalar()
                .fetch_all(&mut database.conn)
                .await?;
            keys.extend(of_sources);
        }
        keys
    };
    keys.sort_unstable();
    keys.dedup();
    let new = reindex(database, &keys).await?;
    database.search_indexed().await?;
    // The model is loaded only by a write that touched a claim.
    if !keys.is_empty()
        && let Some(embedder) = semantic::embedder()
    {
        let due = embed(database, embedder, &keys, semantic::EMBEDDED_IN_WRITE).await?;
        semantic::defer(due.deferred);
    }
    if keys.len() >= ANALYZED_FROM {
        // Fresh statistics for the planner: without them, a search right
        // after a large import was planned as a scan of every claim (143 ms
        // instead of 3 on 100,000 claims), and `list --by` after a million
        // claims, its tags' subquery guessed at thousands of rows a claim,
        // as a parallel scan of every claim (700 ms instead of 24). Only
        // the owner may analyze; for anyone else autovacuum catches up.
        let owner: bool = sqlx::query_scalar("SELECT claimtrack_is_owner()")
            .fetch_one(&mut database.conn)
            .await?;
        if owner {
            sqlx::query("ANALYZE claims, claim_tags, status_events, claim_search, match_statistics")
                .execute(&mut database.conn)
                .await?;
        }
    }
    if rebuilt {
        // Every claim is new to an index built again: none was logged now.
        return Ok((Vec::new(), false));
    }
    if database.seen_before_elsewhere {
        return Ok((Vec::new(), false));
    }
    if new.len() > SEEN_BEFORE_CHECKS {
        let first = new.iter().map(|(key, _)| *key).min().unwrap_or(0);
        return Ok((Vec::new(), database.claims_logged_before(first).await?));
    }
    Ok((seen_before(database, &new).await?, false))
}

/// A second connection to a team database that looks up whether the
/// claim a write on the first is logging was seen before, while it logs it
/// (see `store::matching::seen_before_of_pending`): in a snapshot taken
/// before that write began, so that the claim is not found as its own
/// match.
pub struct SeenBeforeLookup {
    database: TeamDatabase,
}

impl TeamDatabase {
    /// Takes this connection's snapshot now, for a lookup beside a write
    /// that `writer` is about to begin, and leaves `writer`'s writes no
    /// seen-before lookup of their own.
    pub async fn look_up_seen_before_for(mut self, writer: &mut TeamDatabase) -> Result<SeenBeforeLookup> {
        // PostgreSQL takes the snapshot at the transaction's first
        // statement, not at BEGIN.
        sqlx::raw_sql("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT 1")
            .execute(&mut self.conn)
            .await?;
        writer.seen_before_elsewhere = true;
        Ok(SeenBeforeLookup { database: self })
    }
}

impl SeenBeforeLookup {
    /// The earlier claim most like the one being logged, from the
    /// seen-before threshold up, with its verdict: the claim's text, quote
    /// and the note of the history entry that logs it (what its search
    /// document will hold).
    pub async fn of_claim(
        mut self,
        text: &str,
        quote: Option<&str>,
        note: Option<&str>,
    ) -> Result<Vec<crate::store::SeenBefore>> {
        let document = SearchDocument::normalized(0, text, quote, note, "", None);
        let found = seen_before_of_pending(&mut self.database, &document, text).await;
        let ended = sqlx::raw_sql("COMMIT").execute(&mut self.database.conn).await;
        let found = found?;
        ended?;
        self.database.close().await?;
        Ok(found)
    }
}

/// Writes the index rows of these claims from the record, moving the
/// statistics; returns the new claims (up to one past the seen-before
/// limit) with their matched text.
async fn reindex(database: &mut TeamDatabase, keys: &[i64]) -> Result<Vec<(i64, String)>> {
    let mut delta = StatisticsDelta::default();
    let mut new = Vec::new();
    for batch in keys.chunks(READ_BATCH) {
        let rows = sqlx::query(documents_of(batch))
            .bind(batch)
            .fetch_all(&mut database.conn)
            .await?;
        let documents: Vec<SearchDocument> = rows.iter().map(document_from_row).collect::<Result<_>>()?;
        let old: Vec<(i64, String, String, String)> = sqlx::query_as(
            "DELETE FROM claim_search WHERE claim_id = ANY($1) RETURNING claim_id, text, quote, notes",
        )
        .bind(batch)
        .fetch_all(&mut database.conn)
        .await?;
        let old = previous_documents(old);
        note_new_claims(&documents, &old, &mut new);
        delta.replace_all(&old, &documents);
        let column = |f: fn(&SearchDocument) -> &String| {
            documents.iter().map(|d| f(d).clone()).collect::<Vec<String>>()
        };
        sqlx::query(
            "INSERT INTO claim_search (claim_id, text, quote, notes, source, tags, document)
             SELECT k, t, q, n, s, g, d::tsvector
             FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                 AS d (k, t, q, n, s, g, d)",
        )
        .bind(documents.iter().map(|d| d.key).collect::<Vec<i64>>())
        .bind(column(|d| &d.text))
        .bind(column(|d| &d.quote))
        .bind(column(|d| &d.notes))
        .bind(column(|d| &d.source))
        .bind(column(|d| &d.tags))
        .bind(documents.iter().map(document_vector).collect::<Vec<String>>())
        .execute(&mut database.conn)
        .await?;
    }
    let changes = delta.changes();
    if !changes.is_empty() {
        sqlx::query(
            "INSERT INTO match_statistics (key, documents) SELECT * FROM unnest($1::bigint[], $2::bigint[])
             ON CONFLICT (key) DO UPDATE SET documents = match_statistics.documents + excluded.documents",
        )
        .bind(changes.iter().map(|(key, _)| *key).collect::<Vec<i64>>())
        .bind(changes.iter().map(|(_, n)| *n).collect::<Vec<i64>>())
        .execute(&mut database.conn)
        .await?;
    }
    Ok(new)
}

impl Matching for TeamDatabase {
    async fn claims_with_words(&mut self, words: &[&str], filter: &ClaimFilter) -> Result<Vec<(usize, i64)>> {
        // A statement per word: one statement joining the words to the
        // index took 1.6 to 2x as long on 100,000 claims (measured with
        // common words), more than the round trips it saves.
        let mut found = Vec::new();
        for (i, word) in words.iter().enumerate() {
            // In the claim, its quote or notes (weights A to C).
            let mut sql = QueryBuilder::<Postgres>::new(
                "SELECT m.claim_id FROM claim_search m WHERE m.document @@ CAST(",
            );
            sql.push_bind(format!("{}:ABC", quoted_lexeme(tsquery_word(word))));
            sql.push(" AS tsquery)");
            if filter.restricts() {
                sql.push(" AND m.claim_id IN (SELECT c.id");
                let status = filter.push_from(&mut sql);
                filter.push_where(&mut sql, status, "c.source_id");
                sql.push(")");
            }
            let keys: Vec<i64> = sql.build_query_scalar().fetch_all(&mut self.conn).await?;
            found.extend(keys.into_iter().map(|key| (i, key)));
        }
        Ok(found)
    }

    async fn matched_texts(&mut self, keys: &[i64]) -> Result<Vec<MatchCandidate>> {
        let rows: Vec<(i64, String, String, String)> =
            sqlx::query_as("SELECT claim_id, text, quote, notes FROM claim_search WHERE claim_id = ANY($1)")
                .bind(keys)
                .fetch_all(&mut self.conn)
                .await?;
        Ok(rows.into_iter().map(MatchCandidate::from_row).collect())
    }

    async fn match_statistics(&mut self, keys: &[i64]) -> Result<Statistics> {
        let all = with_totals(keys);
        let rows: Vec<(i64, i64)> =
            sqlx::query_as("SELECT key, documents FROM match_statistics WHERE key = ANY($1)")
                .bind(&all)
                .fetch_all(&mut self.conn)
                .await?;
        Ok(statistics_from(rows))
    }

    async fn claims_by_keys(&mut self, keys: &[i64], filter: &ClaimFilter) -> Result<Vec<Claim>> {
        let filter = ClaimFilter {
            keys: Some(keys.to_vec()),
            ..filter.clone()
        };
        let mut sql = crate::store::reading::listing::<Postgres>(&filter);
        let rows = sql.build().fetch_all(&mut self.conn).await?;
        rows.iter().map(crate::store::claims::claim_from_row).collect()
    }

    async fn claimed_text_of(&mut self, key: i64) -> Result<Option<String>> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT text, quote FROM claim_search WHERE claim_id = $1")
                .bind(key)
                .fetch_optional(&mut self.conn)
                .await?;
        Ok(row.map(|(text, quote)| join_matched(&text, &quote, "")))
    }

    async fn claims_logged_before(&mut self, key: i64) -> Result<bool> {
        let found: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM claims WHERE id < $1)")
            .bind(key)
            .fetch_one(&mut self.conn)
            .await?;
        Ok(found)
    }

    async fn embedded_texts(&mut self, keys: &[i64]) -> Result<Vec<(i64, String, i64)>> {
        Ok(
            sqlx::query_as("SELECT claim_id, model, text_key FROM claim_embedding WHERE claim_id = ANY($1)")
                .bind(keys)
                .fetch_all(&mut self.conn)
                .await?,
        )
    }

    async fn vectors_of(&mut self, keys: &[i64]) -> Result<Vec<(i64, Vec<u8>)>> {
        Ok(sqlx::query_as(
            "SELECT claim_id, vector FROM claim_embedding WHERE claim_id = ANY($1) AND model = $2",
        )
        .bind(keys)
        .bind(semantic::MODEL)
        .fetch_all(&mut self.conn)
        .await?)
    }

    async fn embeddings_after(&mut self, after: i64, page: i64) -> Result<Vec<(i64, Vec<u8>)>> {
        Ok(sqlx::query_as(
            "SELECT claim_id, vector FROM claim_embedding WHERE claim_id > $1 AND model = $2
             ORDER BY claim_id LIMIT $3",
        )
        .bind(after)
        .bind(semantic::MODEL)
        .bind(page)
        .fetch_all(&mut self.conn)
        .await?)
    }
}

impl TeamDatabase {
    /// Gives every claim of the index an embedding of its text, where it
    /// has none of this model and text (a thousand per write, as on SQLite).
    pub async fn embed_claims(&mut self, embedder: &dyn semantic::Embedder) -> Result<Embedded> {
        let keys: Vec<i64> = sqlx::query_scalar("SELECT claim_id FROM claim_search ORDER BY claim_id")
            .fetch_all(&mut self.conn)
            .await?;
        let mut total = Embedded::default();
        for chunk in keys.chunks(EMBEDDED_PER_WRITE) {
            let due = self
                .write(async |d| embed(d, embedder, chunk, usize::MAX).await)
                .await?;
            total.add(&due);
        }
        Ok(total)
    }
}

/// Stores the embeddings of those of these claims that need one, unless
/// more than `limit` do (inside a write: `claims embed`, and every write
/// with the semantic tier on).
pub(super) async fn embed(
    database: &mut TeamDatabase,
    embedder: &dyn semantic::Embedder,
    keys: &[i64],
    limit: usize,
) -> Result<EmbeddingsDue> {
    let due = embeddings_due(database, embedder, keys, limit).await?;
    if !due.rows.is_empty() {
        sqlx::query(
            "INSERT INTO claim_embedding (claim_id, model, text_key, vector)
             SELECT key, $1, text_key, vector FROM unnest($2::bigint[], $3::bigint[], $4::bytea[]) AS r (key, text_key, vector)
             ON CONFLICT (claim_id) DO UPDATE SET model = excluded.model, text_key = excluded.text_key, vector = excluded.vector",
        )
        .bind(semantic::MODEL)
        .bind(due.rows.iter().map(|(key, _, _)| *key).collect::<Vec<i64>>())
        .bind(due.rows.iter().map(|(_, text_key, _)| *text_key).collect::<Vec<i64>>())
        .bind(due.rows.iter().map(|(_, _, vector)| vector.as_slice()).collect::<Vec<&[u8]>>())
        .execute(&mut database.conn)
        .await?;
    }
    Ok(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str, quote: &str, notes: &str, source: &str, tags: &str) -> SearchDocument {
        SearchDocument {
            key: 1,
            text: text.into(),
            quote: quote.into(),
            notes: notes.into(),
            source: source.into(),
            tags: tags.into(),
        }
    }

    /// Each part's words follow the last position of the part before (an
    /// empty part takes none), weighted by part, each word's positions
    /// together and in order.
    #[test]
    fn a_document_vector_places_and_weights_each_part() {
        assert_eq!(
            document_vector(&document(
                "the cia saved lives",
                "",
                "the tip saved",
                "dmitry peskov",
                "cia"
            )),
            "'cia':2A,10 'dmitry':8 'lives':4A 'peskov':9 'saved':3A,7C 'the':1A,5C 'tip':6C"
        );
        assert_eq!(
            document_vector(&document("a b", "a", "", "x", "")),
            "'a':1A,3B 'b':2A 'x':4"
        );
        assert_eq!(document_vector(&document("", "", "", "", "")), "");
    }

    /// PostgreSQL's limits: a word longer than 2,047 bytes is left out and
    /// takes no position; positions stop at 16,383; a quote or backslash
    /// in a word is escaped.
    #[test]
    fn a_document_vector_keeps_within_postgresqls_limits() {
        let long = "é".repeat(1024);
        assert_eq!(
            document_vector(&document(&format!("x {long} y"), "", "", "", "")),
            "'x':1A 'y':2A"
        );
        let many = vec!["w"; 16_390].join(" ");
        let vector = document_vector(&document(&many, "", "", "", "tag"));
        assert!(vector.starts_with("'tag':16383 'w':1A,2A,"), "{}", &vector[..40]);
        assert!(vector.ends_with(",16382A,16383A,16383A,16383A,16383A,16383A,16383A,16383A,16383A"));
        assert_eq!(
            document_vector(&document("o'neil a\\b", "", "", "", "")),
            "'a\\\\b':2A 'o''neil':1A"
        );
    }
}
