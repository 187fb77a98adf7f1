//! Corrections: edits to a claim's fields, withdrawing and reinstating a
//! claim, removing a link, renaming a source. Each records its operation in
//! the journal first (old and new values, who, when, why), then changes the
//! rows; the database refuses the change to a claim without that operation.

use serde_json::{Map, Value, json};

use super::journal::NewOperation;
use super::{Store, Write};
use crate::error::{Error, Result};
use crate::journal::{ClaimRecord, Operation};
use crate::model::{Claim, Relation, Source, short_id};

/// A claim record as a JSON object, field by field.
fn fields_of(record: &ClaimRecord) -> Map<String, Value> {
    let mut map = match serde_json::to_value(record).expect("plain values serialize") {
        Value::Object(map) => map,
        _ => unreachable!("a struct serializes as an object"),
    };
    map.remove("id");
    map
}

/// What an edit bringing `current` to `wanted` changes: `wanted` as the
/// database keeps it (text trimmed, tags sorted), and the old and new
/// values of the fields that differ (none: nothing changes).
pub(crate) fn claim_edit(
    current: &ClaimRecord,
    wanted: &ClaimRecord,
) -> (ClaimRecord, Map<String, Value>, Map<String, Value>) {
    let mut wanted = wanted.clone();
    wanted.text = wanted.text.trim().to_string();
    wanted.tags.sort();
    let (before, after) = (fields_of(current), fields_of(&wanted));
    let (mut old, mut new) = (Map::new(), Map::new());
    // Both sides' fields: a record leaves an empty language out, so a
    // language cleared is a field only the current record has.
    for field in before.keys().chain(after.keys()) {
        let (was, will) = (
            before.get(field).unwrap_or(&Value::Null),
            after.get(field).unwrap_or(&Value::Null),
        );
        if was != will {
            old.insert(field.clone(), was.clone());
            new.insert(field.clone(), will.clone());
        }
    }
    (wanted, old, new)
}

impl Store {
    /// A claim's fields as a canonical record.
    pub async fn claim_record(&mut self, key: i64) -> Result<ClaimRecord> {
        self.claim_records(key - 1, 1)
            .await?
            .into_iter()
            .next()
            .filter(|(found, _)| *found == key)
            .map(|(_, record)| record)
            .ok_or_else(|| Error::Internal(format!("claim key {key} vanished")))
    }
}

impl Write<'_> {
    /// Brings a claim's fields to `wanted`, recording an operation of
    /// `kind` (`claim.edit` by hand, `import.edit` from a file) with the
    /// fields that change (old and new values) first. Returns `None` when
    /// nothing changes.
    pub async fn edit_claim(
        &mut self,
        key: i64,
        wanted: &ClaimRecord,
        kind: &'static str,
        note: Option<String>,
        actor: &str,
    ) -> Result<Option<Operation>> {
        let current = self.claim_record(key).await?;
        let (wanted, old, new) = claim_edit(&current, wanted);
        if new.is_empty() {
            return Ok(None);
        }
        let operation = self
            .record(NewOperation {
                kind,
                claim_key: Some(key),
                old: Some(Value::Object(old)),
                new: Some(Value::Object(new.clone())),
                note,
                actor: actor.to_string(),
                ..NewOperation::default()
            })
            .await?;
        if new.keys().any(|f| f != "tags") {
            sqlx::query(
                "UPDATE claims SET source_id = ?, article_id = ?, text = ?, quote = ?, said_on = ?, language = ? WHERE id = ?",
            )
            .bind(wanted.source)
            .bind(wanted.article)
            .bind(&wanted.text)
            .bind(&wanted.quote)
            .bind(&wanted.said_on)
            .bind(&wanted.language)
            .bind(key)
            .execute(self.conn())
            .await?;
        }
        if new.contains_key("tags") {
            self.set_tags(key, &wanted.tags).await?;
        }
        Ok(Some(operation))
    }

    /// Withdraws a claim (`withdrawn` true) or reinstates it. Refuses a
    /// claim already in that state.
    pub async fn set_withdrawn(
        &mut self,
        claim: &Claim,
        withdrawn: bool,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        let current: Option<String> = sqlx::query_scalar("SELECT withdrawn_at FROM claims WHERE id = ?")
            .bind(claim.key)
            .fetch_one(self.conn())
            .await?;
        if current.is_some() == withdrawn {
            return Err(Error::invalid(format!(
                "claim {} is {} withdrawn",
                short_id(&claim.id),
                if withdrawn { "already" } else { "not" }
            )));
        }
        let operation = self
            .record(NewOperation {
                kind: if withdrawn {
                    "claim.withdraw"
                } else {
                    "claim.reinstate"
                },
                claim_key: Some(claim.key),
                old: Some(json!({ "withdrawn": current.is_some() })),
                new: Some(json!({ "withdrawn": withdrawn })),
                note,
                actor: actor.to_string(),
                ..NewOperation::default()
            })
            .await?;
        // The operation's own time is the withdrawal's: one clock for both.
        let at = withdrawn.then(|| operation.at.clone());
        sqlx::query("UPDATE claims SET withdrawn_at = ? WHERE id = ?")
            .bind(&at)
            .bind(claim.key)
            .execute(self.conn())
            .await?;
        Ok(operation)
    }

    /// Removes a link, recording `link.remove`. Refuses a link that is not
    /// there.
    pub async fn remove_link(
        &mut self,
        from: &Claim,
        relation: Relation,
        to: &Claim,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        let link: Option<(String, String)> = sqlx::query_as(
            "SELECT actor, created_at FROM claim_links WHERE from_claim = ? AND relation = ? AND to_claim = ?",
        )
        .bind(from.key)
        .bind(relation.as_str())
        .bind(to.key)
        .fetch_optional(self.conn())
        .await?;
        let operation = self
            .record(NewOperation {
                actor: actor.to_string(),
                ..super::correcting::link_removal(from, relation, to, link, note)?
            })
            .await?;
        sqlx::query("DELETE FROM claim_links WHERE from_claim = ? AND relation = ? AND to_claim = ?")
            .bind(from.key)
            .bind(relation.as_str())
            .bind(to.key)
            .execute(self.conn())
            .await?;
        Ok(operation)
    }

    /// Renames a source, keeping the old name as an alias unless
    /// `keep_alias` is false. Refuses a new name that another source has
    /// (as its name or an alias).
    pub async fn rename_source(
        &mut self,
        source: &Source,
        new_name: &str,
        keep_alias: bool,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        let new_name = new_name.trim();
        let key = super::fold_name(new_name);
        let owner = self.find_source(new_name).await?;
        super::sources::check_new_name(source, new_name, owner.as_ref())?;
        let operation = self
            .record(NewOperation {
                kind: "source.rename",
                source_key: Some(source.key),
                old: Some(json!({ "name": source.name })),
                new: Some(json!({ "name": new_name, "old_name_kept_as_alias": keep_alias })),
                note,
                actor: actor.to_string(),
                ..NewOperation::default()
            })
            .await?;
        // The new name may be one of this source's own aliases: it stops
        // being an alias when it becomes the name.
        sqlx::query("DELETE FROM source_aliases WHERE alias_key = ? AND source_id = ?")
            .bind(&key)
            .bind(source.key)
            .execute(self.conn())
            .await?;
        sqlx::query("UPDATE sources SET name = ?, name_key = ?, name_skeleton = ? WHERE id = ?")
            .bind(new_name)
            .bind(&key)
            .bind(super::name_skeleton(new_name))
            .bind(source.key)
            .execute(self.conn())
            .await?;
        if keep_alias && super::fold_name(&source.name) != key {
            sqlx::query("INSERT INTO source_aliases (alias_key, alias, source_id) VALUES (?, ?, ?)")
                .bind(super::fold_name(&source.name))
                .bind(&source.name)
                .bind(source.key)
                .execute(self.conn())
                .await?;
        }
        Ok(operation)
    }

    /// Merges `duplicate` into `keep`: its claims, aliases and speaks-for
    /// links move to `keep`, its name becomes an alias of `keep`, and the
    /// duplicate is gone. The operation lists the claims it moved, so that
    /// `verify` can follow them.
    pub async fn merge_sources(
        &mut self,
        duplicate: &Source,
        keep: &Source,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        if duplicate.key == keep.key {
            return Err(Error::invalid(format!(
                "'{}' and '{}' are the same source",
                duplicate.name, keep.name
            )));
        }
        let claims: Vec<i64> = sqlx::query_scalar("SELECT id FROM claims WHERE source_id = ? ORDER BY id")
            .bind(duplicate.key)
            .fetch_all(self.conn())
            .await?;
        let operation = self
            .record(NewOperation {
                kind: "source.merge",
                source_key: Some(keep.key),
                old: Some(json!({
                    "source": duplicate.key, "name": duplicate.name,
                    "aliases": duplicate.aliases, "claims": claims,
                })),
                new: Some(json!({ "source": keep.key, "name": keep.name })),
                note,
                actor: actor.to_string(),
                ..NewOperation::default()
            })
            .await?;
        sqlx::query("UPDATE claims SET source_id = ? WHERE source_id = ?")
            .bind(keep.key)
            .bind(duplicate.key)
            .execute(self.conn())
            .await?;
        // Links between the two become links of a source to itself: gone.
        for sql in [
            "DELETE FROM speaks_for WHERE (speaker_id = ?1 AND org_id = ?2) OR (speaker_id = ?2 AND org_id = ?1)",
            "INSERT OR IGNORE INTO speaks_for (speaker_id, org_id, role, since, until)
             SELECT ?2, org_id, role, since, until FROM speaks_for WHERE speaker_id = ?1",
            "INSERT OR IGNORE INTO speaks_for (speaker_id, org_id, role, since, until)
             SELECT speaker_id, ?2, role, since, until FROM speaks_for WHERE org_id = ?1",
            "DELETE FROM speaks_for WHERE speaker_id = ?1 OR org_id = ?1",
            "UPDATE source_aliases SET source_id = ?2 WHERE source_id = ?1",
            "DELETE FROM sources WHERE id = ?1",
        ] {
            sqlx::query(sql)
                .bind(duplicate.key)
                .bind(keep.key)
                .execute(self.conn())
                .await?;
        }
        sqlx::query("INSERT INTO source_aliases (alias_key, alias, source_id) VALUES (?, ?, ?)")
            .bind(super::fold_name(&duplicate.name))
            .bind(&duplicate.name)
            .bind(keep.key)
            .execute(self.conn())
            .await?;
        Ok(operation)
    }

    /// Removes a source that no claim names (a junk source a draft made).
    pub async fn remove_source(
        &mut self,
        source: &Source,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        let claims: i64 = sqlx::query_scalar("SELECT count(*) FROM claims WHERE source_id = ?")
            .bind(source.key)
            .fetch_one(self.conn())
            .await?;
        if claims > 0 {
            return Err(Error::invalid(format!(
                "source '{}' has {claims} claims; merge it into another source, or withdraw its claims first",
                source.name
            )));
        }
        let operation = self
            .record(NewOperation {
                kind: "source.remove",
                source_key: Some(source.key),
                old: Some(
                    json!({ "name": source.name, "kind": source.kind.as_str(), "aliases": source.aliases }),
                ),
                note,
                actor: actor.to_string(),
                ..NewOperation::default()
            })
            .await?;
        for sql in [
            "DELETE FROM speaks_for WHERE speaker_id = ?1 OR org_id = ?1",
            "DELETE FROM source_aliases WHERE source_id = ?1",
            "DELETE FROM sources WHERE id = ?1",
        ] {
            sqlx::query(sql).bind(source.key).execute(self.conn()).await?;
        }
        Ok(operation)
    }
}
