//! `claims link A RELATION B`: record how two claims relate.

use clap::Args;

use super::Context;
use crate::error::Result;
use crate::model::{Claim, Relation, short_id};
use crate::store::correcting::Correcting;

/// `claims link`.
#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The claim the relation starts from.
    pub from: String,
    /// contradicts, supports, repeats, denies or retracts.
    pub relation: Relation,
    /// The claim it points to.
    pub to: String,
    #[command(flatten)]
    pub acting: super::Acting,
}

pub(super) async fn run(args: LinkArgs, ctx: &mut Context) -> Result<()> {
    let actor = ctx.actor.clone();
    let done = ctx
        .store
        .write(async |store| link(store, &args, &actor).await)
        .await?;
    ctx.out.line(said(&args, done));
    Ok(())
}

/// `claims link` on a team database, under your login (an editor's right).
pub(super) async fn run_on_postgres(args: LinkArgs, url: &str, out: &mut super::Output) -> Result<()> {
    let mut db = crate::store::postgres::TeamDatabase::connect(url).await?;
    let done = db.write(async |db| link(db, &args, "").await).await?;
    out.line(said(&args, done));
    db.close().await
}

/// The link, inside the caller's write transaction, on either backend.
async fn link(store: &mut impl Correcting, args: &LinkArgs, actor: &str) -> Result<(Claim, Claim, bool)> {
    let from = store.claim_to_mark(&args.from).await?;
    let to = store.claim_to_mark(&args.to).await?;
    let added = store.add_link(&from, args.relation, &to, actor).await?;
    Ok((from, to, added))
}

fn said(args: &LinkArgs, (from, to, added): (Claim, Claim, bool)) -> String {
    let (from, to) = (short_id(&from.id), short_id(&to.id));
    if added {
        format!("{from} {} {to}", args.relation)
    } else {
        format!(
            "{from} {} {to} was already recorded; nothing changed",
            args.relation
        )
    }
}
