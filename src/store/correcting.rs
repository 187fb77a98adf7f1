//! What `claims edit`, `link` and `unlink` need inside their write
//! transaction, as a contract both backends implement: on top of the
//! import's (whose claim edit, quote anchor and link they share) and of
//! marking's (which finds a claim by id), the source and article a name
//! gives, and removing a link. On PostgreSQL each change is recorded under
//! the session's login, and the database refuses what the member's role
//! does not allow (edits and links are an editor's).

use super::importing::Importing;
use super::journal::NewOperation;
use super::marking::Marking;
use super::{Store, Write};
use crate::error::{Error, Result};
use crate::journal::Operation;
use crate::model::{Claim, Relation, short_id};

/// The correcting side of a write transaction.
pub(crate) trait Correcting: Importing + Marking {
    /// The source a name or alias names, with its aliases; an unknown name
    /// is an error suggesting the closest.
    async fn source_resolved(&mut self, name: &str) -> Result<crate::model::Source>;
    /// The key of the source a name or alias names; an unknown name is an
    /// error suggesting the closest.
    async fn source_key_named(&mut self, name: &str) -> Result<i64>;
    /// The key of the article a URL or id names.
    async fn article_key_named(&mut self, given: &str) -> Result<i64>;
    /// Renames a source (`source.rename`), keeping the old name as an
    /// alias when `keep_alias`.
    async fn rename_source(
        &mut self,
        source: &crate::model::Source,
        new_name: &str,
        keep_alias: bool,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation>;
    /// Merges `duplicate` into `keep` (`source.merge`): its claims, aliases
    /// and roles move, its name becomes an alias.
    async fn merge_sources(
        &mut self,
        duplicate: &crate::model::Source,
        keep: &crate::model::Source,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation>;
    /// Removes a source no claim names (`source.remove`), with its aliases
    /// and roles.
    async fn remove_source(
        &mut self,
        source: &crate::model::Source,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation>;
    /// Removes the link `from relation to` (`link.remove`, with the link as
    /// it was); a link that is not there is an error.
    async fn remove_link(
        &mut self,
        from: &Claim,
        relation: Relation,
        to: &Claim,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation>;
}

/// The SQLite side.
impl Correcting for Write<'_> {
    async fn rename_source(
        &mut self,
        source: &crate::model::Source,
        new_name: &str,
        keep_alias: bool,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        Write::rename_source(self, source, new_name, keep_alias, note, actor).await
    }

    async fn remove_source(
        &mut self,
        source: &crate::model::Source,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        Write::remove_source(self, source, note, actor).await
    }

    async fn merge_sources(
        &mut self,
        duplicate: &crate::model::Source,
        keep: &crate::model::Source,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        Write::merge_sources(self, duplicate, keep, note, actor).await
    }

    async fn source_resolved(&mut self, name: &str) -> Result<crate::model::Source> {
        Store::resolve_source(self, name).await
    }

    async fn source_key_named(&mut self, name: &str) -> Result<i64> {
        Ok(Store::resolve_source(self, name).await?.key)
    }

    async fn article_key_named(&mut self, given: &str) -> Result<i64> {
        Ok(Store::resolve_article(self, given).await?.key)
    }

    async fn remove_link(
        &mut self,
        from: &Claim,
        relation: Relation,
        to: &Claim,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        Write::remove_link(self, from, relation, to, note, actor).await
    }
}

/// The PostgreSQL side.
impl Correcting for super::postgres::TeamDatabase {
    async fn rename_source(
        &mut self,
        source: &crate::model::Source,
        new_name: &str,
        keep_alias: bool,
        note: Option<String>,
        _actor: &str,
    ) -> Result<Operation> {
        let new_name = new_name.trim();
        let owner = Importing::find_source(self, new_name).await?;
        super::sources::check_new_name(source, new_name, owner.as_ref())?;
        let operation = self
            .record_change(NewOperation {
                kind: "source.rename",
                source_key: Some(source.key),
                old: Some(serde_json::json!({ "name": source.name })),
                new: Some(serde_json::json!({ "name": new_name, "old_name_kept_as_alias": keep_alias })),
                note,
                ..NewOperation::default()
            })
            .await?;
        self.rename_source_rows(source, new_name, keep_alias).await?;
        Ok(operation)
    }

    async fn remove_source(
        &mut self,
        source: &crate::model::Source,
        note: Option<String>,
        _actor: &str,
    ) -> Result<Operation> {
        let claims = self.claims_of_source(source.key).await?;
        if claims > 0 {
            return Err(Error::invalid(format!(
                "source '{}' has {claims} claims; merge it into another source, or withdraw its claims first",
                source.name
            )));
        }
        let operation = self
            .record_change(NewOperation {
                kind: "source.remove",
                source_key: Some(source.key),
                old: Some(serde_json::json!({
                    "name": source.name, "kind": source.kind.as_str(), "aliases": source.aliases,
                })),
                note,
                ..NewOperation::default()
            })
            .await?;
        self.delete_source_rows(source.key).await?;
        Ok(operation)
    }

    async fn merge_sources(
        &mut self,
        duplicate: &crate::model::Source,
        keep: &crate::model::Source,
        note: Option<String>,
        _actor: &str,
    ) -> Result<Operation> {
        if duplicate.key == keep.key {
            return Err(Error::invalid(format!(
                "'{}' and '{}' are the same source",
                duplicate.name, keep.name
            )));
        }
        let claims = self.claim_keys_of_source(duplicate.key).await?;
        let operation = self
            .record_change(NewOperation {
                kind: "source.merge",
                source_key: Some(keep.key),
                old: Some(serde_json::json!({
                    "source": duplicate.key, "name": duplicate.name,
                    "aliases": duplicate.aliases, "claims": claims,
                })),
                new: Some(serde_json::json!({ "source": keep.key, "name": keep.name })),
                note,
                ..NewOperation::default()
            })
            .await?;
        self.merge_source_rows(duplicate, keep.key).await?;
        Ok(operation)
    }

    async fn source_resolved(&mut self, name: &str) -> Result<crate::model::Source> {
        // The reading side's lookup names the closest sources when none matches.
        super::reading::Reading::source_named(self, name).await?;
        Importing::find_source(self, name)
            .await?
            .ok_or_else(|| Error::Internal(format!("source '{name}' vanished")))
    }

    async fn source_key_named(&mut self, name: &str) -> Result<i64> {
        Ok(super::reading::Reading::source_named(self, name).await?.0)
    }

    async fn article_key_named(&mut self, given: &str) -> Result<i64> {
        super::reading::Reading::article_key(self, given).await
    }

    async fn remove_link(
        &mut self,
        from: &Claim,
        relation: Relation,
        to: &Claim,
        note: Option<String>,
        _actor: &str,
    ) -> Result<Operation> {
        let link = self.link_of(from.key, relation, to.key).await?;
        let operation = self
            .record_change(link_removal(from, relation, to, link, note)?)
            .await?;
        self.delete_link(from.key, relation, to.key).await?;
        Ok(operation)
    }
}

/// The `link.remove` operation for the link `from relation to`, as it was
/// (who made it, when), on either backend; refused when `link` (its actor
/// and creation time) is not there.
pub(crate) fn link_removal(
    from: &Claim,
    relation: Relation,
    to: &Claim,
    link: Option<(String, String)>,
    note: Option<String>,
) -> Result<NewOperation> {
    let Some((by, created_at)) = link else {
        return Err(Error::invalid(format!(
            "claim {} has no '{relation}' link to {}",
            short_id(&from.id),
            short_id(&to.id)
        )));
    };
    Ok(NewOperation {
        kind: "link.remove",
        claim_key: Some(from.key),
        old: Some(serde_json::json!({
            "from": from.id.to_string(), "relation": relation.as_str(),
            "to": to.id.to_string(), "actor": by, "created_at": created_at,
        })),
        note,
        ..NewOperation::default()
    })
}
