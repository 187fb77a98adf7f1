//! What `claims mark` (and `confirm`, `dispute`, `refute`) and `claims add`
//! need inside their write transaction, as contracts both backends
//! implement: the claim an id names, its history, an operation that
//! appends one status event; the source, article and duplicate checks of a
//! new claim, and the claim written with its first event.
//! On PostgreSQL the event and the operation carry the session's user and
//! the server's time, whatever the command was told.

use uuid::Uuid;

use super::claims::{NewClaim, NewEvent};
use super::journal::NewOperation;
use super::{Store, Write};
use crate::error::Result;
use crate::journal::Operation;
use crate::model::{Claim, SourceKind, StatusEvent};

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
    /// Withdraws a claim (`withdrawn` true) or reinstates it, recording
    /// `claim.withdraw` or `claim.reinstate`; refuses a claim already so.
    async fn set_withdrawn_state(
        &mut self,
        claim: &Claim,
        withdrawn: bool,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation>;
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

    async fn set_withdrawn_state(
        &mut self,
        claim: &Claim,
        withdrawn: bool,
        note: Option<String>,
        actor: &str,
    ) -> Result<Operation> {
        self.set_withdrawn(claim, withdrawn, note, actor).await
    }
}

/// What `claims add` needs inside its write transaction, from either
/// backend: the source (found, or made with `--new-source`), the article
/// and its snapshot, the duplicate check, and the claim written with its
/// first event under one operation.
pub(crate) trait Adding {
    /// The key and name of the source `name` names; with `new_kind`, one
    /// is made when none does (recorded as `source.create`).
    async fn source_for(&mut self, name: &str, new_kind: Option<SourceKind>) -> Result<(i64, String)>;
    /// The key and current body of the article a URL or id names.
    async fn article_for(&mut self, given: &str) -> Result<(i64, Option<String>)>;
    /// A claim with the same words by the same source, article and day.
    async fn duplicate_of(
        &mut self,
        source_key: i64,
        article_key: Option<i64>,
        said_on: Option<crate::model::Day>,
        text: &str,
    ) -> Result<Option<Uuid>>;
    /// Whether some claim already shows this short id.
    async fn short_id_in_use(&mut self, id: &Uuid) -> Result<bool>;
    /// Writes the claim with its history under one operation, `operation`.
    async fn create_claim(&mut self, claim: NewClaim, operation: NewOperation) -> Result<Operation>;
}

/// The SQLite side.
impl Adding for Write<'_> {
    async fn source_for(&mut self, name: &str, new_kind: Option<SourceKind>) -> Result<(i64, String)> {
        let source = match (self.find_source(name).await?, new_kind) {
            (Some(source), _) => source,
            (None, Some(kind)) => self.add_source(name, kind, None).await?,
            (None, None) => {
                let suggestions = self.similar_sources(name).await?;
                return Err(crate::error::Error::UnknownSource {
                    name: name.to_string(),
                    suggestions,
                });
            }
        };
        Ok((source.key, source.name))
    }

    async fn article_for(&mut self, given: &str) -> Result<(i64, Option<String>)> {
        let article = self.resolve_article(given).await?;
        let body = self.article_body(article.key).await?;
        Ok((article.key, body))
    }

    async fn duplicate_of(
        &mut self,
        source_key: i64,
        article_key: Option<i64>,
        said_on: Option<crate::model::Day>,
        text: &str,
    ) -> Result<Option<Uuid>> {
        self.find_duplicate(source_key, article_key, said_on, text).await
    }

    async fn short_id_in_use(&mut self, id: &Uuid) -> Result<bool> {
        self.short_id_taken(id).await
    }

    async fn create_claim(&mut self, claim: NewClaim, operation: NewOperation) -> Result<Operation> {
        self.open_operation().await?;
        let keys = self.insert_claims(vec![claim]).await?;
        self.close_operation(NewOperation {
            claim_key: keys.first().copied(),
            ..operation
        })
        .await
    }
}
