//! The team database's side of [`crate::store::publishing::Publishing`]:
//! the same two bulk reads, in PostgreSQL's SQL.

use sqlx::Row;
use uuid::Uuid;

use super::{TeamDatabase, status_event_from_row};
use crate::error::Result;
use crate::model::Claim;
use crate::store::claims::{claim_from_row, claim_select};
use crate::store::publishing::{Link, Publishing, RecordedEvent, every_claim, links_of};

impl Publishing for TeamDatabase {
    async fn every_event(&mut self) -> Result<Vec<RecordedEvent>> {
        // The first nine columns are `claim_history`'s, in its order.
        let rows = sqlx::query(
            "SELECT c.uuid, e.from_status::text, e.to_status::text, e.rating, e.note, e.evidence, e.actor, e.at::text,
                    coalesce(e.effective_on, substr(e.at, 1, 10))::text, e.claim_id, e.operation_id
             FROM status_events e JOIN claims c ON c.id = e.claim_id
             ORDER BY e.claim_id, e.id",
        )
        .fetch_all(&mut self.conn)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(RecordedEvent {
                    claim_key: row.try_get(9)?,
                    operation: row.try_get(10)?,
                    event: status_event_from_row(row)?,
                })
            })
            .collect()
    }

    async fn every_link(&mut self) -> Result<Vec<Link>> {
        let rows: Vec<(Uuid, String, Uuid)> = sqlx::query_as(
            "SELECT f.uuid, l.relation::text, t.uuid FROM claim_links l
             JOIN claims f ON f.id = l.from_claim JOIN claims t ON t.id = l.to_claim
             ORDER BY l.from_claim, l.relation, l.to_claim",
        )
        .fetch_all(&mut self.conn)
        .await?;
        links_of(rows)
    }

    async fn withdrawn_claims(&mut self) -> Result<Vec<Claim>> {
        let mut sql = claim_select::<sqlx::Postgres>(&every_claim());
        sql.push(" AND c.withdrawn_at IS NOT NULL ORDER BY c.id");
        let rows = sql.build().fetch_all(&mut self.conn).await?;
        rows.iter().map(claim_from_row).collect()
    }
}
