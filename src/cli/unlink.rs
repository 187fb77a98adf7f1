//! `claims unlink A RELATION B`: remove a link recorded by mistake; the
//! journal keeps who linked them, when, and who removed the link.

use clap::Args;

use super::{Context, text};
use crate::error::Result;
use crate::journal::Operation;
use crate::model::{Claim, Relation, short_id};
use crate::store::correcting::Correcting;

/// `claims unlink`.
#[derive(Debug, Args)]
pub struct UnlinkArgs {
    /// The claim the relation starts from.
    pub from: String,
    /// contradicts, supports, repeats, denies or retracts.
    pub relation: Relation,
    /// The claim it points to.
    pub to: String,
    /// Why.
    #[arg(long, value_parser = text)]
    pub note: Option<String>,
    #[command(flatten)]
    pub acting: super::Acting,
}

pub(super) async fn run(args: UnlinkArgs, ctx: &mut Context) -> Result<()> {
    let actor = ctx.actor.clone();
    let done = ctx
        .store
        .write(async |store| unlink(store, &args, &actor).await)
        .await?;
    ctx.out.line(said(&args, done));
    Ok(())
}

/// `claims unlink` on a team database, under your login (an editor's right).
pub(super) async fn run_on_postgres(args: UnlinkArgs, url: &str, out: &mut super::Output) -> Result<()> {
    let mut db = crate::store::postgres::TeamDatabase::connect(url).await?;
    let done = db.write(async |db| unlink(db, &args, "").await).await?;
    out.line(said(&args, done));
    db.close().await
}

/// The removal, inside the caller's write transaction, on either backend.
async fn unlink(
    store: &mut impl Correcting,
    args: &UnlinkArgs,
    actor: &str,
) -> Result<(Claim, Claim, Operation)> {
    let from = store.claim_to_mark(&args.from).await?;
    let to = store.claim_to_mark(&args.to).await?;
    let operation = store
        .remove_link(&from, args.relation, &to, args.note.clone(), actor)
        .await?;
    Ok((from, to, operation))
}

fn said(args: &UnlinkArgs, (from, to, operation): (Claim, Claim, Operation)) -> String {
    format!(
        "{} no longer {} {} (operation {})",
        short_id(&from.id),
        args.relation,
        short_id(&to.id),
        operation.id
    )
}
