//! The journal in SQLite: appending operations to the hash chain, the
//! operation a write's new claims and events belong to, reading the journal
//! back for `claims log`, and covering history from before the journal.
//!
//! Two orders, both enforced by the database: an operation that changes a
//! claim (an edit, a withdrawal) is appended *before* the change, which the
//! claim's trigger checks; an operation that creates claims or events (a
//! mark, an import) is appended *after* them, because it carries digests of
//! what it created, and each event names the id that operation will take.

use serde_json::{Map, Value, json};
use sqlx::{QueryBuilder, Row, Sqlite};

use super::{Store, Write};
use crate::error::{Error, Result};
use crate::journal::{ClaimRecord, EventRecord, GENESIS, Operation, RowDigest};

/// An operation to append; the store adds its id, time and hash.
#[derive(Debug, Clone, Default)]
pub struct NewOperation {
    /// What it does (`claim.edit`, ...).
    pub kind: &'static str,
    /// The claim it is about.
    pub claim_key: Option<i64>,
    /// The source it is about.
    pub source_key: Option<i64>,
    /// The article it is about.
    pub article_key: Option<i64>,
    /// Old values of what it changes.
    pub old: Option<Value>,
    /// New values.
    pub new: Option<Value>,
    /// Why.
    pub note: Option<String>,
    /// Who.
    pub actor: String,
    /// The operation it reverts.
    pub undoes: Option<i64>,
}

impl NewOperation {
    /// The journal's entry `id` this becomes, recorded by `actor` at `at`
    /// and chained to the entry before it (`previous`, its hash): the one
    /// way every backend makes an operation.
    pub(crate) fn chained(self, id: i64, actor: String, at: String, previous: &str) -> Operation {
        let mut operation = Operation {
            id,
            kind: self.kind.to_string(),
            claim_key: self.claim_key,
            source_key: self.source_key,
            article_key: self.article_key,
            old: self.old,
            new: self.new,
            note: self.note,
            actor,
            at,
            undoes: self.undoes,
            hash: String::new(),
        };
        operation.hash = operation.chained_hash(previous);
        operation
    }
}

/// The operation that the claims and events being written belong to, with
/// running digests of them.
#[derive(Debug)]
pub(crate) struct OpenOperation {
    /// The id it will take.
    pub(crate) id: i64,
    pub(crate) claims: RowDigest,
    pub(crate) events: RowDigest,
}

impl OpenOperation {
    /// A new operation that will take id `id`.
    pub(crate) fn new(id: i64) -> OpenOperation {
        OpenOperation {
            id,
            claims: RowDigest::default(),
            events: RowDigest::default(),
        }
    }

    /// `operation` with the counts and digests of the claims and events
    /// written under this one added to its `new` values, as the journal
    /// records them on either backend.
    pub(crate) fn close(&self, mut operation: NewOperation) -> NewOperation {
        let mut new = match operation.new.take() {
            Some(Value::Object(map)) => map,
            Some(other) => {
                let mut map = Map::new();
                map.insert("value".into(), other);
                map
            }
            None => Map::new(),
        };
        new.insert("claims".into(), json!(self.claims.rows()));
        new.insert("claims_sha256".into(), json!(self.claims.hex()));
        new.insert("events".into(), json!(self.events.rows()));
        new.insert("events_sha256".into(), json!(self.events.hex()));
        operation.new = Some(Value::Object(new));
        operation
    }
}

/// Which operations `claims log` shows.
#[derive(Debug, Clone, Default)]
pub struct OperationFilter {
    /// About this claim (internal key).
    pub claim_key: Option<i64>,
    /// About this source (internal key).
    pub source_key: Option<i64>,
    /// By this actor.
    pub actor: Option<String>,
    /// Recorded on or after this timestamp.
    pub since: Option<String>,
    /// At most this many, latest first when set.
    pub limit: Option<i64>,
}

/// What `claims log` reads, from either backend: the journal, and the
/// names of what each operation is about.
pub(crate) trait JournalReader {
    /// The internal key of the claim an id names (full UUID or short id).
    async fn claim_key(&mut self, given: &str) -> Result<i64>;
    /// The internal key of the source a name or alias names.
    async fn source_key(&mut self, given: &str) -> Result<i64>;
    /// The operations `filter` selects, oldest first.
    async fn journal(&mut self, filter: &OperationFilter) -> Result<Vec<Operation>>;
    /// A claim's short id.
    async fn claim_short_id(&mut self, key: i64) -> Result<String>;
    /// A source's name, if it still exists.
    async fn source_name_of(&mut self, key: i64) -> Result<Option<String>>;
    /// An article's URL.
    async fn article_url(&mut self, key: i64) -> Result<String>;
}

/// The SQLite side of the journal's reading.
impl JournalReader for Store {
    async fn claim_key(&mut self, given: &str) -> Result<i64> {
        Ok(self.resolve_claim(given).await?.key)
    }

    async fn source_key(&mut self, given: &str) -> Result<i64> {
        Ok(self.resolve_source(given).await?.key)
    }

    async fn journal(&mut self, filter: &OperationFilter) -> Result<Vec<Operation>> {
        self.operations(filter).await
    }

    async fn claim_short_id(&mut self, key: i64) -> Result<String> {
        Ok(crate::model::short_id(&self.claim(key).await?.id))
    }

    async fn source_name_of(&mut self, key: i64) -> Result<Option<String>> {
        self.source_name(key).await
    }

    async fn article_url(&mut self, key: i64) -> Result<String> {
        Ok(self.article(key).await?.url)
    }
}

/// The journal's operations `filter` selects, latest first, in either
/// backend's words.
pub(crate) fn operations_query<DB: super::claims::Dialect>(filter: &OperationFilter) -> QueryBuilder<DB> {
    let mut sql = QueryBuilder::<DB>::new("SELECT ");
    sql.push(if DB::POSTGRES {
        OPERATION_COLUMNS_POSTGRES
    } else {
        OPERATION_COLUMNS
    })
    .push(" FROM operations WHERE 1 = 1");
    if let Some(claim) = filter.claim_key {
        // Its own operations, and those that wrote its history (the
        // import that created it, marks).
        sql.push(" AND (claim_id = ");
        DB::bind_int(&mut sql, claim);
        sql.push(" OR id IN (SELECT operation_id FROM status_events WHERE claim_id = ");
        DB::bind_int(&mut sql, claim);
        sql.push("))");
    }
    if let Some(source) = filter.source_key {
        sql.push(" AND source_id = ");
        DB::bind_int(&mut sql, source);
    }
    if let Some(actor) = &filter.actor {
        sql.push(" AND actor = ");
        DB::bind_text(&mut sql, actor.clone());
    }
    if let Some(since) = &filter.since {
        sql.push(" AND at >= ");
        DB::bind_text(&mut sql, since.clone());
    }
    sql.push(" ORDER BY id DESC");
    if let Some(limit) = filter.limit {
        sql.push(" LIMIT ");
        DB::bind_int(&mut sql, limit);
    }
    sql
}

/// [`OPERATION_COLUMNS`] with PostgreSQL's time domain read as its text.
pub(crate) const OPERATION_COLUMNS_POSTGRES: &str =
    "id, kind, claim_id, source_id, article_id, old, new, note, actor, at::text AS at, undoes, hash";

const OPERATION_COLUMNS: &str =
    "id, kind, claim_id, source_id, article_id, old, new, note, actor, at, undoes, hash";

fn operation_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Operation> {
    let json = |name: &str| -> Result<Option<Value>> {
        let text: Option<String> = row.try_get(name)?;
        text.map(|t| serde_json::from_str(&t))
            .transpose()
            .map_err(|e| Error::Verification(format!("operation {name} is not JSON: {e}")))
    };
    Ok(Operation {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        claim_key: row.try_get("claim_id")?,
        source_key: row.try_get("source_id")?,
        article_key: row.try_get("article_id")?,
        old: json("old")?,
        new: json("new")?,
        note: row.try_get("note")?,
        actor: row.try_get("actor")?,
        at: row.try_get("at")?,
        undoes: row.try_get("undoes")?,
        hash: row.try_get("hash")?,
    })
}

/// What [`Store::fields_edited_by_hand`] looks at (internal keys).
#[derive(Debug, Clone, Copy)]
pub enum Edited {
    /// A claim.
    Claim(i64),
    /// An article.
    Article(i64),
}

/// Operations held back during a bulk load before they are written anyway
/// (12 values each: well inside SQLite's limit on bound values).
const DEFERRED_OPERATIONS: usize = 1000;

impl Store {
    /// The id and hash of the latest operation (`GENESIS` before the first).
    pub async fn chain_head(&mut self) -> Result<(i64, String)> {
        self.write_deferred().await?;
        let head: Option<(i64, String)> =
            sqlx::query_as("SELECT id, hash FROM operations ORDER BY id DESC LIMIT 1")
                .fetch_optional(self.conn())
                .await?;
        Ok(head.unwrap_or((0, GENESIS.to_string())))
    }

    /// Appends an operation: now, or during a bulk load, with the next
    /// statement that must see it (each round trip to the database thread
    /// costs about a tenth of a millisecond, and a bulk import records an
    /// operation for every article and source it creates). Only operations
    /// that create rows wait: no trigger looks for them (a claim's change
    /// looks for the operation about that claim, which is written at once),
    /// and every read of the journal writes the waiting ones first.
    async fn append(&mut self, new: NewOperation) -> Result<Operation> {
        let waits = self.bulk_loading
            && new.claim_key.is_none()
            && matches!(
                new.kind,
                "import" | "article.create" | "source.create" | "source.alias" | "source.speaks_for"
            );
        let operation = self.chain_next(new).await?;
        if waits {
            self.deferred.push(operation.clone());
            if self.deferred.len() >= DEFERRED_OPERATIONS {
                self.write_deferred().await?;
            }
        } else {
            self.write_deferred().await?;
            self.deferred.push(operation.clone());
            self.write_deferred().await?;
        }
        Ok(operation)
    }

    /// Writes the operations [`Store::append`] held back, in order, in one
    /// statement. Everything that reads the journal, or appends to it,
    /// runs this first.
    pub(super) async fn write_deferred(&mut self) -> Result<()> {
        if !self.deferred_articles.is_empty() {
            let articles = std::mem::take(&mut self.deferred_articles);
            // 8 values a row: well inside SQLite's limit on bound values.
            for chunk in articles.chunks(1000) {
                let mut sql = QueryBuilder::<Sqlite>::new(
                    "INSERT INTO articles (id, uuid, url, title, publisher, published_on, body, body_sha256, created_at) ",
                );
                sql.push_values(chunk, |mut row, article| {
                    row.push_bind(article.key)
                        .push_bind(article.id)
                        .push_bind(article.url.clone())
                        .push_bind(article.title.clone())
                        .push_bind(article.publisher.clone())
                        .push_bind(article.published_on.clone())
                        .push_bind(article.body.clone())
                        .push_bind(article.body.as_deref().map(super::articles::body_digest))
                        .push_bind(article.created_at.clone());
                });
                sql.build().execute(self.conn()).await?;
            }
        }
        if self.deferred.is_empty() {
            return Ok(());
        }
        let operations = std::mem::take(&mut self.deferred);
        let text = |v: &Option<Value>| v.as_ref().map(Value::to_string);
        let mut sql = QueryBuilder::<Sqlite>::new(
            "INSERT INTO operations (id, kind, claim_id, source_id, article_id, old, new, note, actor, at, undoes, hash) ",
        );
        sql.push_values(&operations, |mut row, operation| {
            row.push_bind(operation.id)
                .push_bind(operation.kind.clone())
                .push_bind(operation.claim_key)
                .push_bind(operation.source_key)
                .push_bind(operation.article_key)
                .push_bind(text(&operation.old))
                .push_bind(text(&operation.new))
                .push_bind(operation.note.clone())
                .push_bind(operation.actor.clone())
                .push_bind(operation.at.clone())
                .push_bind(operation.undoes)
                .push_bind(operation.hash.clone());
        });
        sql.build().execute(self.conn()).await?;
        Ok(())
    }

    /// The next operation of the chain: its id, time and hash, from the
    /// head as this transaction left it.
    async fn chain_next(&mut self, new: NewOperation) -> Result<Operation> {
        // The head is read once per write transaction and then followed in
        // memory: under the write lock, only this connection appends (an
        // import of a million claims appends thousands of operations).
        let (previous_id, previous_hash, previous_at) = match self.head.take() {
            Some(head) => head,
            None => {
                let head: Option<(i64, String, String)> =
                    sqlx::query_as("SELECT id, hash, at FROM operations ORDER BY id DESC LIMIT 1")
                        .fetch_optional(self.conn())
                        .await?;
                match head {
                    Some((id, hash, at)) => (id, hash, Some(at)),
                    None => (0, GENESIS.to_string(), None),
                }
            }
        };
        let now = self.now();
        let at = match previous_at {
            Some(previous) if previous > now => previous,
            _ => now,
        };
        let actor = new.actor.clone();
        let undoes = new.undoes.or(self.undoing.take());
        let operation = NewOperation { undoes, ..new }.chained(previous_id + 1, actor, at, &previous_hash);
        self.head = Some((operation.id, operation.hash.clone(), Some(operation.at.clone())));
        Ok(operation)
    }

    /// Marks the next operation appended as the undoing of operation `id`
    /// (`claims undo`): the inverse is made by the ordinary corrections.
    pub fn undoing(&mut self, id: i64) {
        self.undoing = Some(id);
    }

    /// Operation `id` and whether a later operation already undid it.
    pub async fn operation_undone(&mut self, id: i64) -> Result<Option<(Operation, bool)>> {
        self.write_deferred().await?;
        let Some(operation) = self.operation(id).await? else {
            return Ok(None);
        };
        let undone: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM operations WHERE undoes = ?)")
            .bind(id)
            .fetch_one(self.conn())
            .await?;
        Ok(Some((operation, undone)))
    }

    /// The latest operation by `actor` that `claims undo` can revert and
    /// nobody has undone yet.
    pub async fn last_undoable(&mut self, actor: &str, kinds: &[&str]) -> Result<Option<i64>> {
        self.write_deferred().await?;
        let mut sql = QueryBuilder::<Sqlite>::new(
            "SELECT o.id FROM operations o WHERE o.undoes IS NULL AND o.actor = ",
        );
        sql.push_bind(actor.to_string())
            .push(" AND NOT EXISTS (SELECT 1 FROM operations u WHERE u.undoes = o.id) AND o.kind IN (");
        let mut list = sql.separated(", ");
        for kind in kinds {
            list.push_bind(kind.to_string());
        }
        sql.push(") ORDER BY o.id DESC LIMIT 1");
        Ok(sql.build_query_scalar().fetch_optional(self.conn()).await?)
    }

    /// Who recorded the claim's latest event, and when, if a person did:
    /// by `mark` or `add`, or before the journal existed (unknown, so taken
    /// as a person's); `None` when an import wrote it.
    pub async fn latest_verdict_by_hand(&mut self, claim_key: i64) -> Result<Option<(String, String)>> {
        self.write_deferred().await?;
        let latest: Option<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT e.actor, e.at, o.kind FROM status_events e
             LEFT JOIN operations o ON o.id = e.operation_id
             WHERE e.claim_id = ? ORDER BY e.id DESC LIMIT 1",
        )
        .bind(claim_key)
        .fetch_optional(self.conn())
        .await?;
        Ok(latest.and_then(|(actor, at, kind)| {
            matches!(kind.as_deref(), None | Some("claim.mark" | "claim.create")).then_some((actor, at))
        }))
    }

    /// The fields of a claim or article that a person edited (`claims
    /// edit`, `claims article edit`, or an undo of an edit), each with who
    /// last did and when: a file may not overrule those silently.
    pub async fn fields_edited_by_hand(
        &mut self,
        subject: Edited,
    ) -> Result<std::collections::HashMap<String, (String, String)>> {
        self.write_deferred().await?;
        let (sql, key) = match subject {
            Edited::Claim(key) => (
                "SELECT new, actor, at FROM operations WHERE claim_id = ? AND kind = 'claim.edit' ORDER BY id",
                key,
            ),
            Edited::Article(key) => (
                "SELECT new, actor, at FROM operations WHERE article_id = ? AND kind = 'article.edit' ORDER BY id",
                key,
            ),
        };
        let edits: Vec<(Option<String>, String, String)> =
            sqlx::query_as(sql).bind(key).fetch_all(self.conn()).await?;
        let mut fields = std::collections::HashMap::new();
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

    /// The id new events must name, or an error if no operation is open.
    pub(super) fn open_operation_id(&self) -> Result<i64> {
        self.open
            .as_ref()
            .map(|o| o.id)
            .ok_or_else(|| Error::Internal("a status event written outside an operation".into()))
    }

    /// Adds an event to the open operation's digest.
    pub(super) fn digest_event(&mut self, event: &impl serde::Serialize) {
        if let Some(open) = self.open.as_mut() {
            open.events.add(event);
        }
    }

    /// The journal, oldest first (or the latest `limit`, still oldest first).
    pub async fn operations(&mut self, filter: &OperationFilter) -> Result<Vec<Operation>> {
        self.write_deferred().await?;
        let rows = operations_query::<Sqlite>(filter)
            .build()
            .fetch_all(self.conn())
            .await?;
        let mut operations = rows.iter().map(operation_from_row).collect::<Result<Vec<_>>>()?;
        operations.reverse();
        Ok(operations)
    }

    /// Operations after id `after`, in id order, at most `limit`.
    pub(super) async fn operations_after(&mut self, after: i64, limit: i64) -> Result<Vec<Operation>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {OPERATION_COLUMNS} FROM operations WHERE id > ? ORDER BY id LIMIT ?"
        )))
        .bind(after)
        .bind(limit)
        .fetch_all(self.conn())
        .await?;
        rows.iter().map(operation_from_row).collect()
    }

    /// One operation by id.
    pub async fn operation(&mut self, id: i64) -> Result<Option<Operation>> {
        self.write_deferred().await?;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {OPERATION_COLUMNS} FROM operations WHERE id = ?"
        )))
        .bind(id)
        .fetch_optional(self.conn())
        .await?;
        row.as_ref().map(operation_from_row).transpose()
    }

    /// Covers history written before the journal with one `upgrade`
    /// operation, if the schema's upgrade left that to do: its digests hold
    /// every claim and event there was, so `verify` can tell them apart from
    /// rows added later without an operation.
    pub(super) async fn journal_legacy_history(&mut self) -> Result<()> {
        let pending: Option<i64> = sqlx::query_scalar("SELECT events_upto FROM journal_backfill")
            .fetch_optional(self.conn())
            .await?;
        let Some(events_upto) = pending else {
            return Ok(());
        };
        self.write(async |store| {
            store.open_operation().await?;
            let mut claims = RowDigest::default();
            let mut last = 0;
            loop {
                let batch = store.claim_records(last, 5000).await?;
                let Some((key, _)) = batch.last() else { break };
                last = *key;
                for (_, record) in &batch {
                    claims.add(record);
                }
            }
            let mut events = RowDigest::default();
            let mut last = 0;
            loop {
                let batch = store.event_records(last, events_upto, 5000).await?;
                let Some(record) = batch.last() else { break };
                last = record.0;
                for (_, _, record) in &batch {
                    events.add(record);
                }
            }
            if let Some(open) = store.open.as_mut() {
                open.claims = claims;
                open.events = events;
            }
            store
                .close_operation(NewOperation {
                    kind: "upgrade",
                    new: Some(json!({ "events_upto": events_upto })),
                    note: Some("history written before the journal existed".into()),
                    actor: "claimtrack".into(),
                    ..NewOperation::default()
                })
                .await?;
            sqlx::query("DELETE FROM journal_backfill")
                .execute(store.conn())
                .await?;
            Ok(())
        })
        .await
    }

    /// Claims after key `after`, in key order, as their canonical records
    /// (current values), with their keys.
    pub async fn claim_records(&mut self, after: i64, limit: i64) -> Result<Vec<(i64, ClaimRecord)>> {
        // One row per batch, the batch as a JSON array: a million rows
        // passed one by one from the database thread cost `verify` more
        // than reading and hashing them.
        type Row = (
            i64,
            String,
            i64,
            Option<i64>,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = self
            .json_batch(
                "SELECT json_group_array(json_array(c.id, hex(c.uuid), c.source_id, c.article_id, c.text, c.quote, c.said_on,
                        (SELECT group_concat(tag, char(31)) FROM claim_tags t WHERE t.claim_id = c.id), c.language))
                 FROM (SELECT * FROM claims WHERE id > ? ORDER BY id LIMIT ?) c",
                after,
                None,
                limit,
            )
            .await?;
        rows.into_iter()
            .map(
                |(key, uuid, source, article, text, quote, said_on, tags, language)| {
                    let uuid = uuid::Uuid::parse_str(&uuid)
                        .map_err(|e| Error::Verification(format!("claim {key} has a malformed id: {e}")))?;
                    let mut tags: Vec<String> = tags
                        .map(|t| t.split('\u{1f}').map(str::to_string).collect())
                        .unwrap_or_default();
                    tags.sort();
                    Ok((
                        key,
                        ClaimRecord {
                            id: uuid.to_string(),
                            source,
                            article,
                            text,
                            quote,
                            said_on,
                            tags,
                            language,
                        },
                    ))
                },
            )
            .collect()
    }

    /// Events after id `after` up to id `upto`, in id order: (id, the
    /// operation it belongs to, its canonical record).
    pub async fn event_records(
        &mut self,
        after: i64,
        upto: i64,
        limit: i64,
    ) -> Result<Vec<(i64, Option<i64>, EventRecord)>> {
        type Row = (
            i64,
            i64,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            String,
            String,
            String,
            Option<i64>,
            Option<String>,
        );
        let rows: Vec<Row> = self
            .json_batch(
                "SELECT json_group_array(json_array(id, claim_id, from_status, to_status, rating, note, evidence,
                        actor, at, operation_id, effective_on))
                 FROM (SELECT * FROM status_events WHERE id > ? AND id <= ? ORDER BY id LIMIT ?)",
                after,
                Some(upto),
                limit,
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, claim, from, to, rating, note, evidence, actor, at, operation, effective_on)| {
                    (
                        id,
                        operation,
                        EventRecord {
                            claim,
                            from,
                            to,
                            rating,
                            note,
                            evidence,
                            actor,
                            at,
                            effective_on,
                        },
                    )
                },
            )
            .collect())
    }

    /// Runs a query that returns one JSON array (bound: after, then upto
    /// if given, then limit) and reads it.
    async fn json_batch<T: serde::de::DeserializeOwned>(
        &mut self,
        sql: &'static str,
        after: i64,
        upto: Option<i64>,
        limit: i64,
    ) -> Result<Vec<T>> {
        let mut query = sqlx::query_scalar::<_, String>(sql).bind(after);
        if let Some(upto) = upto {
            query = query.bind(upto);
        }
        let text = query.bind(limit).fetch_one(self.conn()).await?;
        serde_json::from_str(&text)
            .map_err(|e| Error::Verification(format!("a batch of rows did not read back: {e}")))
    }
}

impl Write<'_> {
    /// Appends an operation to the journal, chained to the one before. Its
    /// time never runs back: a writer whose clock is behind records at the
    /// previous operation's time.
    pub async fn record(&mut self, new: NewOperation) -> Result<Operation> {
        if self.open.is_some() {
            return Err(Error::Internal(
                "an operation recorded while another is open".into(),
            ));
        }
        self.append(new).await
    }

    /// Opens the operation that the claims and events written next belong
    /// to; [`Write::close_operation`] appends it.
    pub async fn open_operation(&mut self) -> Result<()> {
        if self.open.is_some() {
            return Err(Error::Internal("an operation opened twice".into()));
        }
        // The head as this transaction left it, when known (it counts the
        // operations still waiting to be written).
        let last = match &self.head {
            Some((id, _, _)) => *id,
            None => self.chain_head().await?.0,
        };
        self.open = Some(OpenOperation::new(last + 1));
        Ok(())
    }

    /// Appends the open operation, with the counts and digests of the
    /// claims and events written under it added to `new`.
    pub async fn close_operation(&mut self, operation: NewOperation) -> Result<Operation> {
        let open = self
            .open
            .take()
            .ok_or_else(|| Error::Internal("no operation is open".into()))?;
        let appended = self.append(open.close(operation)).await?;
        if appended.id != open.id {
            return Err(Error::Internal(
                "the journal moved while an operation was open".into(),
            ));
        }
        Ok(appended)
    }
}
