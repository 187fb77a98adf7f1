//! What `claims undo` needs inside its write transaction, as a contract
//! both backends implement: on top of correcting's (edits, links,
//! withdrawals, marks), the operation to revert and whether it was, and
//! marking the next operation as its undoing. On PostgreSQL "your latest"
//! is the session login's, and the undoing is recorded under it.

use super::correcting::Correcting;
use super::{Store, Write};
use crate::error::{Error, Result};
use crate::journal::Operation;
use crate::model::Source;

/// The undo side of a write transaction.
pub(crate) trait Undoing: Correcting {
    /// The latest operation of one of `kinds` by `actor` (on PostgreSQL:
    /// the session's login) that nothing undid yet.
    async fn last_undoable(&mut self, actor: &str, kinds: &[&str]) -> Result<Option<i64>>;
    /// Operation `id`, and whether a later operation undid it.
    async fn operation_undone(&mut self, id: i64) -> Result<Option<(Operation, bool)>>;
    /// Marks the next operation appended as the undoing of `id`.
    fn undoing(&mut self, id: i64);
    /// The latest operation's id.
    async fn head_id(&mut self) -> Result<i64>;
    /// Renames a source (the inverse of a rename).
    async fn rename_source(
        &mut self,
        source: &Source,
        new_name: &str,
        keep_alias: bool,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation>;
}

/// The SQLite side.
impl Undoing for Write<'_> {
    async fn last_undoable(&mut self, actor: &str, kinds: &[&str]) -> Result<Option<i64>> {
        Store::last_undoable(self, actor, kinds).await
    }

    async fn operation_undone(&mut self, id: i64) -> Result<Option<(Operation, bool)>> {
        Store::operation_undone(self, id).await
    }

    fn undoing(&mut self, id: i64) {
        Store::undoing(self, id)
    }

    async fn head_id(&mut self) -> Result<i64> {
        Ok(Store::chain_head(self).await?.0)
    }

    async fn rename_source(
        &mut self,
        source: &Source,
        new_name: &str,
        keep_alias: bool,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        Write::rename_source(self, source, new_name, keep_alias, note, actor).await
    }
}

/// The PostgreSQL side.
impl Undoing for super::postgres::TeamDatabase {
    async fn last_undoable(&mut self, _actor: &str, kinds: &[&str]) -> Result<Option<i64>> {
        self.last_undoable_of_session(kinds).await
    }

    async fn operation_undone(&mut self, id: i64) -> Result<Option<(Operation, bool)>> {
        self.operation_and_undoing(id).await
    }

    fn undoing(&mut self, id: i64) {
        self.mark_undoing(id)
    }

    async fn head_id(&mut self) -> Result<i64> {
        Ok(super::audit::Audited::chain_head(self).await?.0)
    }

    async fn rename_source(
        &mut self,
        _source: &Source,
        _new_name: &str,
        _keep_alias: bool,
        _note: Option<String>,
        _actor: &str,
    ) -> Result<Operation> {
        Err(Error::invalid(
            "renaming a source runs on a SQLite file only in this version, and so does undoing a rename",
        ))
    }
}
