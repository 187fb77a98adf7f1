//! `claims withdraw ID --note WHY` and `claims reinstate ID`: take a claim
//! logged by mistake out of lists, reports and exports, or bring it back.
//! Nothing is deleted: the claim and its history stay, and the journal
//! records both.

use clap::Args;

use super::{Context, text};
use crate::error::Result;
use crate::journal::Operation;
use crate::model::{Claim, short_id};
use crate::render::Output;
use crate::store::marking::Marking;
use crate::store::postgres::TeamDatabase;

/// `claims withdraw`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims withdraw 1fa6748e --note \"a photo caption, not a claim\"\n  claims reinstate 1fa6748e"
)]
pub struct WithdrawArgs {
    /// The claims: full UUIDs or short ids.
    #[arg(required_unless_present = "ids_from")]
    pub ids: Vec<String>,
    /// Why they were logged by mistake.
    #[arg(long, value_parser = text)]
    pub note: String,
    #[command(flatten)]
    pub more: super::mark::MoreIds,
    #[command(flatten)]
    pub acting: super::Acting,
}

/// `claims reinstate`.
#[derive(Debug, Args)]
pub struct ReinstateArgs {
    /// The claim: full UUID or short id.
    pub id: String,
    /// Why it comes back.
    #[arg(long, value_parser = text)]
    pub note: Option<String>,
    #[command(flatten)]
    pub acting: super::Acting,
}

pub(super) async fn withdraw(args: WithdrawArgs, ctx: &mut Context) -> Result<()> {
    let mut ids = args.ids.clone();
    ids.extend(args.more.read()?.into_iter().map(|(id, _)| id));
    set(ctx, &ids, true, Some(args.note)).await
}

pub(super) async fn reinstate(args: ReinstateArgs, ctx: &mut Context) -> Result<()> {
    set(ctx, std::slice::from_ref(&args.id), false, args.note).await
}

/// Withdraws or reinstates every claim given, in one transaction.
async fn set(ctx: &mut Context, ids: &[String], withdrawn: bool, note: Option<String>) -> Result<()> {
    let actor = ctx.actor.clone();
    let done = ctx
        .store
        .write(async |store| set_each(ids, withdrawn, &note, &actor, store).await)
        .await?;
    print(done, withdrawn, &mut ctx.out);
    Ok(())
}

/// `withdraw` and `reinstate` against a team database on PostgreSQL: the
/// same, under the session's user (an editor's right).
pub(super) async fn withdraw_on_postgres(args: WithdrawArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut ids = args.ids.clone();
    ids.extend(args.more.read()?.into_iter().map(|(id, _)| id));
    set_on_postgres(&ids, true, Some(args.note), url, out).await
}

/// See [`withdraw_on_postgres`].
pub(super) async fn reinstate_on_postgres(args: ReinstateArgs, url: &str, out: &mut Output) -> Result<()> {
    set_on_postgres(std::slice::from_ref(&args.id), false, args.note, url, out).await
}

async fn set_on_postgres(
    ids: &[String],
    withdrawn: bool,
    note: Option<String>,
    url: &str,
    out: &mut Output,
) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let done = database
        .write(async |d| set_each(ids, withdrawn, &note, "", d).await)
        .await;
    database.close().await?;
    print(done?, withdrawn, out);
    Ok(())
}

async fn set_each(
    ids: &[String],
    withdrawn: bool,
    note: &Option<String>,
    actor: &str,
    store: &mut impl Marking,
) -> Result<Vec<(Claim, Operation)>> {
    let mut done = Vec::with_capacity(ids.len());
    for id in ids {
        let claim = store.claim_to_mark(id).await?;
        let operation = store
            .set_withdrawn_state(&claim, withdrawn, note.clone(), actor)
            .await?;
        done.push((claim, operation));
    }
    Ok(done)
}

fn print(done: Vec<(Claim, Operation)>, withdrawn: bool, out: &mut Output) {
    for (claim, operation) in done {
        out.line(format!(
            "{}: {} (operation {})",
            short_id(&claim.id),
            if withdrawn { "withdrawn" } else { "reinstated" },
            operation.id
        ));
    }
}
