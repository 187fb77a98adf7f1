//! `claims withdraw ID --note WHY` and `claims reinstate ID`: take a claim
//! logged by mistake out of lists, reports and exports, or bring it back.
//! Nothing is deleted: the claim and its history stay, and the journal
//! records both.

use clap::Args;

use super::{Context, text};
use crate::error::Result;
use crate::model::short_id;

/// `claims withdraw`.
#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// The claim: full UUID or short id.
    pub id: String,
    /// Why it was logged by mistake.
    #[arg(long, value_parser = text)]
    pub note: String,
}

/// `claims reinstate`.
#[derive(Debug, Args)]
pub struct ReinstateArgs {
    /// The claim: full UUID or short id.
    pub id: String,
    /// Why it comes back.
    #[arg(long, value_parser = text)]
    pub note: Option<String>,
}

pub(super) async fn withdraw(args: WithdrawArgs, ctx: &mut Context) -> Result<()> {
    set(ctx, &args.id, true, Some(args.note)).await
}

pub(super) async fn reinstate(args: ReinstateArgs, ctx: &mut Context) -> Result<()> {
    set(ctx, &args.id, false, args.note).await
}

async fn set(ctx: &mut Context, id: &str, withdrawn: bool, note: Option<String>) -> Result<()> {
    let actor = ctx.actor.clone();
    let (claim, operation) = ctx
        .store
        .write(async |store| {
            let claim = store.resolve_claim(id).await?;
            let operation = store.set_withdrawn(&claim, withdrawn, note, &actor).await?;
            Ok((claim, operation))
        })
        .await?;
    ctx.out.line(format!(
        "{}: {} (operation {})",
        short_id(&claim.id),
        if withdrawn { "withdrawn" } else { "reinstated" },
        operation.id
    ));
    Ok(())
}
