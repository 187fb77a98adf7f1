//! What `claims undo` needs inside its write transaction, as a contract
//! both backends implement: on top of correcting's (edits, links,
//! withdrawals, marks), the operation to revert and whether it was, and
//! marking the next operation as its undoing. On PostgreSQL "your latest"
//! is the session login's, and the undoing is recorded under it.

use super::correcting::Correcting;
use super::{Store, Write};
use crate::error::Result;
use crate::journal::Operation;

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
}
