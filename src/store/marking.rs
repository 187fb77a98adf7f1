//! What `claims mark` (and `confirm`, `dispute`, `refute`) needs inside its
//! write transaction, as a contract both backends implement: the claim an
//! id names, its history, and an operation that appends one status event.
//! On PostgreSQL the event and the operation carry the session's user and
//! the server's time, whatever the command was told.

use super::claims::NewEvent;
use super::journal::NewOperation;
use super::{Store, Write};
use crate::error::Result;
use crate::journal::Operation;
use crate::model::{Claim, StatusEvent};

/// The marking side of a write transaction.
pub(crate) trait Marking {
    /// The claim an id names (full UUID or short id), withdrawn or not.
    async fn claim_to_mark(&mut self, given: &str) -> Result<Claim>;
    /// A claim's status history, oldest first.
    async fn history_of(&mut self, claim_key: i64) -> Result<Vec<StatusEvent>>;
    /// Opens the operation the next event belongs to.
    async fn open(&mut self) -> Result<()>;
    /// Appends one event to a claim's history, continuing from its status.
    async fn append(&mut self, claim_key: i64, event: &NewEvent) -> Result<StatusEvent>;
    /// Appends the open operation, with the digest of its event.
    async fn close(&mut self, operation: NewOperation) -> Result<Operation>;
}

/// The SQLite side.
impl Marking for Write<'_> {
    async fn claim_to_mark(&mut self, given: &str) -> Result<Claim> {
        self.resolve_claim(given).await
    }

    async fn history_of(&mut self, claim_key: i64) -> Result<Vec<StatusEvent>> {
        Store::history(self, claim_key).await
    }

    async fn open(&mut self) -> Result<()> {
        self.open_operation().await
    }

    async fn append(&mut self, claim_key: i64, event: &NewEvent) -> Result<StatusEvent> {
        self.append_event(claim_key, event).await
    }

    async fn close(&mut self, operation: NewOperation) -> Result<Operation> {
        self.close_operation(operation).await
    }
}
