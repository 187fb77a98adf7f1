//! The whole-database check behind `claims verify`: the journal's hash
//! chain, the rules the triggers enforce (in case they were dropped and put
//! back around a change), and that the rows are what the journal says they
//! are: every claim and event is covered by the digest of the operation that
//! created it, and every claim's fields follow from its edits.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use sqlx::Row;

use super::Store;
use super::matching::{
    SEARCH_INDEX_PENDING, SQLITE_DOCUMENTS, STORED_STATISTICS, SearchDocument, StatisticsDelta,
    document_from_row, json_keys,
};
use crate::error::Result;
use crate::journal::{ClaimRecord, EDITABLE_FIELDS, GENESIS, RowDigest};

/// One check and what it found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Finding {
    /// What was checked.
    pub check: &'static str,
    /// `None` when it holds; else the first break, in a sentence.
    pub problem: Option<String>,
}

/// What `verify` reports about the database.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Audit {
    /// Each check, in order.
    pub findings: Vec<Finding>,
    /// The journal's latest operation id and hash.
    pub head: (i64, String),
    /// Whether `extends` (a hash noted earlier) is in today's chain.
    pub extends: Option<bool>,
}

/// The triggers that make history and the journal append-only.
const GUARDS: &[&str] = &[
    "article_snapshots_no_update",
    "article_snapshots_no_delete",
    "article_snapshots_no_replace",
    "articles_body_kept_before_replaced",
    "status_events_no_update",
    "status_events_no_delete",
    "status_events_no_replace",
    "status_events_ids_in_order",
    "status_events_continue_history",
    "status_events_move_claim",
    "status_events_belong_to_an_operation",
    "claims_status_follows_history",
    "claims_rating_follows_history",
    "claims_no_delete_with_history",
    "claims_no_replace",
    "claims_insert_follows_history",
    "claims_identity_fixed",
    "claims_change_follows_journal",
    "claims_language_follows_journal",
    "operations_no_update",
    "operations_no_delete",
    "operations_append_in_order",
];

/// Digests an operation recorded of the rows it created.
#[derive(Debug, Default)]
struct Recorded {
    kind: String,
    claims: (u64, String),
    events: (u64, String),
}

fn problem(check: &'static str, found: Option<String>) -> Finding {
    Finding {
        check,
        problem: found,
    }
}

/// What the whole-database check reads, from either backend: the journal,
/// the rows as their canonical records, and the rules' own queries. The
/// check itself ([`audit`]) is one piece of logic over this contract.
pub(crate) trait Audited {
    /// Operations after id `after`, in id order, at most `limit`.
    async fn operations_after(&mut self, after: i64, limit: i64) -> Result<Vec<crate::journal::Operation>>;
    /// The latest operation's id and hash (`GENESIS` before the first).
    async fn chain_head(&mut self) -> Result<(i64, String)>;
    /// The guard triggers this backend must have that are missing.
    async fn missing_guards(&mut self) -> Result<Vec<String>>;
    /// A claim whose status or rating its history does not give: its id
    /// and status.
    async fn claim_off_its_history(&mut self) -> Result<Option<(uuid::Uuid, String)>>;
    /// A status event that does not continue its claim's history or runs
    /// back in time.
    async fn event_off_its_chain(&mut self) -> Result<Option<i64>>;
    /// Rows that point at nothing: how many, and the first one's table.
    async fn dangling_references(&mut self) -> Result<Option<(usize, String)>>;
    /// Events after `after` up to `upto`: (id, operation, record).
    async fn event_records(
        &mut self,
        after: i64,
        upto: i64,
        limit: i64,
    ) -> Result<Vec<(i64, Option<i64>, crate::journal::EventRecord)>>;
    /// The keys of the withdrawn claims.
    async fn withdrawn_claims(&mut self) -> Result<HashSet<i64>>;
    /// Claims after key `after` as canonical records.
    async fn claim_records(&mut self, after: i64, limit: i64) -> Result<Vec<(i64, ClaimRecord)>>;
    /// Whether the search index is still to be built (a database made by
    /// an earlier release, not written to since its upgrade).
    async fn search_index_pending(&mut self) -> Result<bool>;
    /// The search documents of the claims after key `after` (at most
    /// `limit`), made from the record as a write makes them.
    async fn record_documents(&mut self, after: i64, limit: i64) -> Result<Vec<SearchDocument>>;
    /// The search index's rows for the keys `from..=to`, as they stand (on
    /// PostgreSQL, a row whose vector is not its words' shows other words).
    async fn indexed_documents(&mut self, from: i64, to: i64) -> Result<Vec<SearchDocument>>;
    /// The search index's rows that belong to no claim.
    async fn index_rows_of_no_claim(&mut self) -> Result<i64>;
    /// The matching statistics as they stand, with a count above zero.
    async fn stored_statistics(&mut self) -> Result<Vec<(i64, i64)>>;
    /// The id of the claim with this key.
    async fn claim_uuid(&mut self, key: i64) -> Result<Option<uuid::Uuid>>;
}

impl Store {
    /// Checks the whole database; `extends` is a chain head noted earlier.
    /// Reads one snapshot.
    pub async fn audit(&mut self, extends: Option<&str>) -> Result<Audit> {
        self.read(async |store| audit(store, extends).await).await
    }
}

/// The whole-database check, over one snapshot of either backend.
pub(crate) async fn audit(db: &mut impl Audited, extends: Option<&str>) -> Result<Audit> {
    let mut findings = Vec::new();

    // 1. The hash chain, operation by operation.
    let mut previous = GENESIS.to_string();
    let mut expected_id = 1;
    let mut chain_break = None;
    let mut seen_extends = extends.map(|h| h == GENESIS);
    let mut recorded: HashMap<i64, Recorded> = HashMap::new();
    let mut edits: HashMap<i64, Vec<(i64, Value, Value)>> = HashMap::new();
    let mut withdrawals: HashMap<i64, bool> = HashMap::new();
    let mut upgrade: Option<(i64, i64)> = None;
    let mut last_at = String::new();
    let mut after = 0;
    loop {
        let batch = db.operations_after(after, 2000).await?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        for operation in batch {
            if chain_break.is_none() {
                if operation.id != expected_id {
                    chain_break = Some(format!(
                        "operation {} follows operation {}: operations are missing",
                        operation.id,
                        expected_id - 1
                    ));
                } else if operation.chained_hash(&previous) != operation.hash {
                    chain_break = Some(format!(
                        "operation {} ({}) does not match its hash: it was changed after it was written",
                        operation.id, operation.kind
                    ));
                } else if operation.at < last_at {
                    chain_break = Some(format!(
                        "operation {} is earlier than the one before it",
                        operation.id
                    ));
                }
            }
            expected_id = operation.id + 1;
            previous = operation.hash.clone();
            last_at = operation.at.clone();
            if let Some(wanted) = extends
                && operation.hash == wanted
            {
                seen_extends = Some(true);
            }
            let new = operation.new.clone().unwrap_or(Value::Null);
            if let (Some(claims), Some(events)) = (new.get("claims_sha256"), new.get("events_sha256")) {
                let count = |k: &str| new.get(k).and_then(Value::as_u64).unwrap_or(0);
                recorded.insert(
                    operation.id,
                    Recorded {
                        kind: operation.kind.clone(),
                        claims: (count("claims"), claims.as_str().unwrap_or("").to_string()),
                        events: (count("events"), events.as_str().unwrap_or("").to_string()),
                    },
                );
            }
            if operation.kind == "upgrade" {
                let upto = new.get("events_upto").and_then(Value::as_i64).unwrap_or(0);
                upgrade = Some((operation.id, upto));
            }
            match (operation.kind.as_str(), operation.claim_key) {
                ("claim.edit" | "import.edit", Some(claim)) => edits.entry(claim).or_default().push((
                    operation.id,
                    operation.old.clone().unwrap_or(Value::Null),
                    new.clone(),
                )),
                // A merge moved its claims from one source to another:
                // for `verify`, an edit of each one's source.
                ("source.merge", _) => {
                    let moved = operation.old.as_ref().and_then(|o| o.get("claims"));
                    let (from, to) = (
                        operation.old.as_ref().and_then(|o| o.get("source")).cloned(),
                        new.get("source").cloned(),
                    );
                    for claim in moved.and_then(Value::as_array).into_iter().flatten() {
                        if let (Some(claim), Some(from), Some(to)) = (claim.as_i64(), &from, &to) {
                            edits.entry(claim).or_default().push((
                                operation.id,
                                serde_json::json!({ "source": from }),
                                serde_json::json!({ "source": to }),
                            ));
                        }
                    }
                }
                ("claim.withdraw", Some(claim)) => {
                    withdrawals.insert(claim, true);
                }
                ("claim.reinstate", Some(claim)) => {
                    withdrawals.insert(claim, false);
                }
                _ => {}
            }
        }
    }
    let head = db.chain_head().await?;
    findings.push(problem("journal hash chain", chain_break));

    // 2. The guards are in place.
    let missing = db.missing_guards().await?;
    findings.push(problem(
        "history and journal triggers present",
        (!missing.is_empty()).then(|| format!("missing: {}", missing.join(", "))),
    ));

    // 3. Every claim has history and is in the state it gives.
    let off = db.claim_off_its_history().await?;
    findings.push(problem(
        "every claim has history, in the status and rating it gives",
        off.map(|(id, status)| format!("claim {id} is {status}, which its history does not give")),
    ));

    // 4. Histories continue their chain and never run back in time.
    let broken = db.event_off_its_chain().await?;
    findings.push(problem(
        "histories continue their chain and never run backwards",
        broken.map(|id| format!("status event {id} does not continue its claim's history")),
    ));

    // 5. Foreign keys.
    let dangling = db.dangling_references().await?;
    findings.push(problem(
        "foreign keys",
        dangling.map(|(rows, table)| format!("{rows} rows point at nothing (first in {table})")),
    ));

    // 6. Every event belongs to the operation that recorded it, and the
    // events of each operation are what it recorded.
    let mut digests: HashMap<i64, RowDigest> = HashMap::new();
    let mut created_by: HashMap<i64, i64> = HashMap::new();
    let mut orphan_event = None;
    let mut after = 0;
    loop {
        let batch = db.event_records(after, i64::MAX, 20_000).await?;
        let Some(last) = batch.last() else { break };
        after = last.0;
        for (id, operation, record) in batch {
            let operation = match (operation, upgrade) {
                (Some(op), _) => op,
                (None, Some((op, upto))) if id <= upto => op,
                _ => {
                    orphan_event.get_or_insert(id);
                    continue;
                }
            };
            created_by.entry(record.claim).or_insert(operation);
            digests.entry(operation).or_default().add(&record);
        }
    }
    let mut events_problem =
        orphan_event.map(|id| format!("status event {id} belongs to no operation of the journal"));
    for (id, recorded) in &recorded {
        let digest = digests.remove(id).unwrap_or_default();
        if events_problem.is_none()
            && (digest.rows() != recorded.events.0 || digest.hex() != recorded.events.1)
        {
            events_problem = Some(format!(
                "the status events of operation {id} ({}) are not the ones it recorded",
                recorded.kind
            ));
        }
    }
    if let (None, Some(id)) = (&events_problem, digests.keys().min()) {
        events_problem = Some(format!("status events name operation {id}, which recorded none"));
    }
    findings.push(problem(
        "every status event is the one its operation recorded",
        events_problem,
    ));

    // 7. Every claim, its edits undone, is the one its operation created;
    // its fields follow from its edits; its withdrawal from the journal.
    let mut claim_digests: HashMap<i64, RowDigest> = HashMap::new();
    let mut claims_problem = None;
    let mut withdrawn_problem = None;
    let withdrawn = db.withdrawn_claims().await?;
    let mut after = 0;
    loop {
        let batch = db.claim_records(after, 20_000).await?;
        let Some((last, _)) = batch.last() else { break };
        after = *last;
        for (key, current) in batch {
            let mut original = current.clone();
            if let Some(list) = edits.get(&key)
                && let Err(op) = revert(&mut original, list)
                && claims_problem.is_none()
            {
                claims_problem = Some(format!(
                    "claim {}: its fields do not follow from its edits (operation {op})",
                    current.id
                ));
            }
            match created_by.get(&key) {
                Some(op) => claim_digests.entry(*op).or_default().add(&original),
                None => {
                    claims_problem.get_or_insert(format!("claim {} has no history", current.id));
                }
            }
            let journal_says = withdrawals.get(&key).copied().unwrap_or(false);
            if journal_says != withdrawn.contains(&key) && withdrawn_problem.is_none() {
                withdrawn_problem = Some(format!(
                    "claim {} is {}withdrawn, which the journal does not say",
                    current.id,
                    if journal_says { "not " } else { "" }
                ));
            }
        }
    }
    for (id, recorded) in &recorded {
        let digest = claim_digests.remove(id).unwrap_or_default();
        if claims_problem.is_none()
            && (digest.rows() != recorded.claims.0 || digest.hex() != recorded.claims.1)
        {
            claims_problem = Some(format!(
                "the claims created by operation {id} ({}) are not the ones it recorded",
                recorded.kind
            ));
        }
    }
    findings.push(problem(
        "every claim is what the journal recorded",
        claims_problem,
    ));
    findings.push(problem("withdrawals are the journal's", withdrawn_problem));

    // 8. The search index and its statistics are derived from the record:
    // made again from it, they must be what is stored. Anyone who may log a
    // claim may write them (on a team server, with psql too), and a claim
    // left out of the index is a claim `similar` never says was checked.
    findings.push(problem(
        "the search index follows the record",
        search_index_problem(db).await?,
    ));

    Ok(Audit {
        findings,
        head,
        extends: seen_extends,
    })
}

/// What the search index and statistics hold that the record does not
/// give, in a sentence; `None` when they are exactly what a write makes.
async fn search_index_problem(db: &mut impl Audited) -> Result<Option<String>> {
    if db.search_index_pending().await? {
        return Ok(None);
    }
    let (mut missing, mut stale) = (Vec::new(), Vec::new());
    let mut expected = StatisticsDelta::default();
    let mut after = 0;
    loop {
        let documents = db.record_documents(after, 5_000).await?;
        let (Some(first), Some(last)) = (documents.first(), documents.last()) else {
            break;
        };
        let indexed: HashMap<i64, SearchDocument> = db
            .indexed_documents(first.key, last.key)
            .await?
            .into_iter()
            .map(|d| (d.key, d))
            .collect();
        after = last.key;
        for document in &documents {
            match indexed.get(&document.key) {
                None => missing.push(document.key),
                Some(row) if row != document => stale.push(document.key),
                Some(_) => {}
            }
        }
        expected.replace_all(&HashMap::new(), &documents);
    }
    let orphans = db.index_rows_of_no_claim().await?;
    let expected: HashMap<i64, i64> = expected.changes().into_iter().collect();
    let stored: HashMap<i64, i64> = db.stored_statistics().await?.into_iter().collect();
    let off = expected
        .iter()
        .filter(|(key, n)| stored.get(key) != Some(n))
        .count()
        + stored.keys().filter(|key| !expected.contains_key(key)).count();
    let mut parts = Vec::new();
    for (keys, what) in [
        (&missing, "not in it"),
        (&stale, "indexed with other words than the record's"),
    ] {
        if let Some(first) = keys.first() {
            let first = match db.claim_uuid(*first).await? {
                Some(id) => crate::model::short_id(&id),
                None => format!("key {first}"),
            };
            parts.push(format!("{} {what} (the first: {first})", claims(keys.len())));
        }
    }
    if orphans > 0 {
        parts.push(format!("{orphans} of its rows belong to no claim"));
    }
    if off > 0 {
        parts.push(format!("{off} of its word and gram counts are not the record's"));
    }
    Ok((!parts.is_empty()).then(|| {
        format!(
            "{}; `claims reindex` builds it again from the record",
            parts.join(", ")
        )
    }))
}

/// "1 claim is", "2 claims are".
fn claims(n: usize) -> String {
    match n {
        1 => "1 claim is".to_string(),
        n => format!("{n} claims are"),
    }
}

/// The SQLite backend's side of the check.
impl Audited for Store {
    async fn operations_after(&mut self, after: i64, limit: i64) -> Result<Vec<crate::journal::Operation>> {
        Store::operations_after(self, after, limit).await
    }

    async fn chain_head(&mut self) -> Result<(i64, String)> {
        Store::chain_head(self).await
    }

    async fn missing_guards(&mut self) -> Result<Vec<String>> {
        let present: Vec<String> =
            sqlx::query_scalar("SELECT name FROM sqlite_schema WHERE type = 'trigger'")
                .fetch_all(self.conn())
                .await?;
        Ok(GUARDS
            .iter()
            .filter(|g| !present.iter().any(|p| p == *g))
            .map(|g| g.to_string())
            .collect())
    }

    async fn claim_off_its_history(&mut self) -> Result<Option<(uuid::Uuid, String)>> {
        let off: Option<(uuid::Uuid, String)> = sqlx::query_as(
            "SELECT c.uuid, c.status FROM claims c
             WHERE c.status IS NOT (SELECT to_status FROM status_events e
                                    WHERE e.claim_id = c.id ORDER BY e.id DESC LIMIT 1)
                OR c.rating IS NOT (SELECT rating FROM status_events e
                                    WHERE e.claim_id = c.id AND e.rating IS NOT NULL ORDER BY e.id DESC LIMIT 1)
             LIMIT 1",
        )
        .fetch_optional(self.conn())
        .await?;
        Ok(off)
    }

    async fn event_off_its_chain(&mut self) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM (
                SELECT id, from_status, at,
                       lag(to_status) OVER history AS previous_status,
                       lag(at) OVER history AS previous_at,
                       row_number() OVER history AS n
                FROM status_events
                WINDOW history AS (PARTITION BY claim_id ORDER BY id))
             WHERE CASE WHEN n = 1 THEN from_status IS NOT NULL
                        ELSE from_status IS NOT previous_status OR at < previous_at END
             LIMIT 1",
        )
        .fetch_optional(self.conn())
        .await?)
    }

    async fn dangling_references(&mut self) -> Result<Option<(usize, String)>> {
        let dangling = sqlx::query("PRAGMA foreign_key_check")
            .fetch_all(self.conn())
            .await?;
        Ok(dangling.first().map(|row| {
            let table: String = row.try_get(0).unwrap_or_default();
            (dangling.len(), table)
        }))
    }

    async fn event_records(
        &mut self,
        after: i64,
        upto: i64,
        limit: i64,
    ) -> Result<Vec<(i64, Option<i64>, crate::journal::EventRecord)>> {
        Store::event_records(self, after, upto, limit).await
    }

    async fn withdrawn_claims(&mut self) -> Result<HashSet<i64>> {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT id FROM claims WHERE withdrawn_at IS NOT NULL")
                .fetch_all(self.conn())
                .await?
                .into_iter()
                .collect(),
        )
    }

    async fn claim_records(&mut self, after: i64, limit: i64) -> Result<Vec<(i64, ClaimRecord)>> {
        Store::claim_records(self, after, limit).await
    }

    async fn search_index_pending(&mut self) -> Result<bool> {
        let pending: i64 = sqlx::query_scalar(SEARCH_INDEX_PENDING)
            .fetch_one(self.conn())
            .await?;
        Ok(pending > 0)
    }

    async fn record_documents(&mut self, after: i64, limit: i64) -> Result<Vec<SearchDocument>> {
        let keys: Vec<i64> = sqlx::query_scalar("SELECT id FROM claims WHERE id > ? ORDER BY id LIMIT ?")
            .bind(after)
            .bind(limit)
            .fetch_all(self.conn())
            .await?;
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(SQLITE_DOCUMENTS)
            .bind(json_keys(&keys))
            .fetch_all(self.conn())
            .await?;
        rows.iter().map(document_from_row).collect()
    }

    async fn indexed_documents(&mut self, from: i64, to: i64) -> Result<Vec<SearchDocument>> {
        let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(
            "SELECT rowid, text, quote, notes, source, tags FROM claim_search WHERE rowid BETWEEN ? AND ?",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.conn())
        .await?;
        Ok(rows.into_iter().map(SearchDocument::from_columns).collect())
    }

    async fn index_rows_of_no_claim(&mut self) -> Result<i64> {
        Ok(
            sqlx::query_scalar(
                "SELECT count(*) FROM claim_search WHERE rowid NOT IN (SELECT id FROM claims)",
            )
            .fetch_one(self.conn())
            .await?,
        )
    }

    async fn stored_statistics(&mut self) -> Result<Vec<(i64, i64)>> {
        Ok(sqlx::query_as(STORED_STATISTICS).fetch_all(self.conn()).await?)
    }

    async fn claim_uuid(&mut self, key: i64) -> Result<Option<uuid::Uuid>> {
        Ok(sqlx::query_scalar("SELECT uuid FROM claims WHERE id = ?")
            .bind(key)
            .fetch_optional(self.conn())
            .await?)
    }
}

/// Undoes a claim's edits, latest first, checking that each edit's new
/// values are what the claim held after it. On a mismatch, the edit's id.
fn revert(record: &mut ClaimRecord, edits: &[(i64, Value, Value)]) -> std::result::Result<(), i64> {
    let mut fields = match serde_json::to_value(&*record).expect("plain values serialize") {
        Value::Object(map) => map,
        _ => unreachable!("a struct serializes as an object"),
    };
    for (op, old, new) in edits.iter().rev() {
        for field in EDITABLE_FIELDS {
            if let Some(value) = new.get(*field) {
                // A field a record leaves out when empty (language) is null.
                if fields.get(*field).unwrap_or(&Value::Null) != value {
                    return Err(*op);
                }
                fields.insert(field.to_string(), old.get(*field).cloned().unwrap_or(Value::Null));
            }
        }
    }
    *record = serde_json::from_value(Value::Object(fields)).map_err(|_| edits[0].0)?;
    Ok(())
}
