//! `claims mark` and its shortcuts `confirm`, `dispute`, `refute`: change a
//! claim's status by appending an event to its history.

use clap::Args;

use super::{Context, text, url};
use crate::error::{Error, Result};
use crate::model::{Status, short_id};
use crate::store::{NewEvent, NewOperation, now_timestamp};

/// `claims mark`.
#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The claim: full UUID or short id (a unique prefix of 4+ hex digits).
    pub id: String,
    /// unverified, disputed, confirmed, refuted, unverifiable or retracted.
    pub status: Status,
    #[command(flatten)]
    pub details: EventDetails,
}

/// `claims confirm|dispute|refute`.
#[derive(Debug, Args)]
pub struct ShortcutArgs {
    /// The claim: full UUID or short id (a unique prefix of 4+ hex digits).
    pub id: String,
    #[command(flatten)]
    pub details: EventDetails,
}

/// What a status change records besides the status.
#[derive(Debug, Args)]
pub struct EventDetails {
    /// Why: what was found, citing the evidence.
    #[arg(long, value_parser = text)]
    pub note: Option<String>,
    /// A URL of evidence; repeatable.
    #[arg(long = "evidence", value_parser = url, value_name = "URL")]
    pub evidence: Vec<String>,
    /// A verdict label kept verbatim ("Mostly False").
    #[arg(long, value_parser = text, value_name = "LABEL")]
    pub rating: Option<String>,
}

impl ShortcutArgs {
    /// The equivalent `mark` with `status`.
    pub fn with_status(self, status: Status) -> MarkArgs {
        MarkArgs {
            id: self.id,
            status,
            details: self.details,
        }
    }
}

pub(super) async fn run(args: MarkArgs, ctx: &mut Context) -> Result<()> {
    let actor = ctx.actor.clone();
    let (claim, event) = ctx
        .store
        .write(async |store| {
            let claim = store.resolve_claim(&args.id).await?;
            let details = &args.details;
            let adds_something = details.note.is_some()
                || !details.evidence.is_empty()
                || details.rating.as_ref().is_some_and(|r| Some(r) != claim.rating.as_ref());
            if claim.status == args.status && !adds_something {
                return Err(Error::invalid(format!(
                    "claim {} is already {}; add --note, --evidence or a new --rating to record more about it",
                    short_id(&claim.id),
                    claim.status
                )));
            }
            let event = NewEvent {
                to: args.status,
                rating: details.rating.clone(),
                note: details.note.clone(),
                evidence: details.evidence.clone(),
                actor: actor.clone(),
                at: now_timestamp(),
            };
            store.open_operation().await?;
            let recorded = store.append_event(claim.key, &event).await?;
            store
                .close_operation(NewOperation {
                    kind: "claim.mark",
                    claim_key: Some(claim.key),
                    old: Some(serde_json::json!({ "status": claim.status.as_str(), "rating": claim.rating })),
                    new: Some(serde_json::json!({ "status": recorded.to.as_str(), "rating": recorded.rating })),
                    note: recorded.note.clone(),
                    actor: actor.clone(),
                    ..NewOperation::default()
                })
                .await?;
            Ok((claim, recorded))
        })
        .await?;
    let id = short_id(&claim.id);
    ctx.out.line(match event.from {
        Some(from) if from == event.to => format!("{id}: {} (evidence added)", event.to),
        Some(from) => format!("{id}: {from} -> {}", event.to),
        None => format!("{id}: {}", event.to),
    });
    Ok(())
}
