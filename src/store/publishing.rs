//! What `claims publish` reads beyond the reading contract, in bulk: every
//! claim's history with the operation that recorded each event (so a page
//! can name the journal head its content stands on), and every link
//! between claims. One query each instead of two per claim: a site of
//! 12,000 claims on the team server would otherwise take 24,000 round
//! trips.

use sqlx::Row;
use uuid::Uuid;

use super::ClaimFilter;
use super::Store;
use super::claims::{claim_from_row, claim_select};
use super::reading::Reading;
use crate::error::Result;
use crate::model::{Claim, Relation, StatusEvent};

/// One event of a claim's history, with where it stands in the journal.
#[derive(Debug, Clone)]
pub struct RecordedEvent {
    /// The claim's internal key.
    pub claim_key: i64,
    /// The operation that recorded it (none for history older than the
    /// journal, such as a file copied in from before it existed).
    pub operation: Option<i64>,
    /// The event.
    pub event: StatusEvent,
}

/// A link between two claims, by their public ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The claim the relation starts from.
    pub from: Uuid,
    /// The relation: `from` contradicts `to`.
    pub relation: Relation,
    /// The claim it points to.
    pub to: Uuid,
}

/// The bulk reads of a site's publication, on both backends.
pub(crate) trait Publishing: Reading {
    /// Every event of every claim (withdrawn ones too), by claim key, then
    /// in the order recorded.
    async fn every_event(&mut self) -> Result<Vec<RecordedEvent>>;
    /// Every link between claims, in a fixed order.
    async fn every_link(&mut self) -> Result<Vec<Link>>;
    /// Every withdrawn claim, in the order logged.
    async fn withdrawn_claims(&mut self) -> Result<Vec<Claim>>;
}

/// Links from rows of (from, relation, to), as both backends read them.
pub(crate) fn links_of(rows: Vec<(Uuid, String, Uuid)>) -> Result<Vec<Link>> {
    rows.into_iter()
        .map(|(from, relation, to)| {
            Ok(Link {
                from,
                relation: relation.parse()?,
                to,
            })
        })
        .collect()
}

/// The filter that selects every claim, withdrawn ones too.
pub(crate) fn every_claim() -> ClaimFilter {
    ClaimFilter {
        include_withdrawn: true,
        ..ClaimFilter::default()
    }
}

/// The SQLite side.
impl Publishing for Store {
    async fn every_event(&mut self) -> Result<Vec<RecordedEvent>> {
        let rows = sqlx::query(
            "SELECT e.claim_id, e.operation_id, c.uuid, e.from_status, e.to_status, e.rating, e.note,
                    e.evidence, e.actor, e.at, coalesce(e.effective_on, substr(e.at, 1, 10)) AS effective_on
             FROM status_events e JOIN claims c ON c.id = e.claim_id
             ORDER BY e.claim_id, e.id",
        )
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(RecordedEvent {
                    claim_key: row.try_get("claim_id")?,
                    operation: row.try_get("operation_id")?,
                    event: super::claims::status_event_from_row(row)?,
                })
            })
            .collect()
    }

    async fn every_link(&mut self) -> Result<Vec<Link>> {
        let rows: Vec<(Uuid, String, Uuid)> = sqlx::query_as(
            "SELECT f.uuid, l.relation, t.uuid FROM claim_links l
             JOIN claims f ON f.id = l.from_claim JOIN claims t ON t.id = l.to_claim
             ORDER BY l.from_claim, l.relation, l.to_claim",
        )
        .fetch_all(self.conn())
        .await?;
        links_of(rows)
    }

    async fn withdrawn_claims(&mut self) -> Result<Vec<Claim>> {
        let mut sql = claim_select::<sqlx::Sqlite>(&every_claim());
        sql.push(" AND c.withdrawn_at IS NOT NULL ORDER BY c.id");
        let rows = sql.build().fetch_all(self.conn()).await?;
        rows.iter().map(claim_from_row).collect()
    }
}
