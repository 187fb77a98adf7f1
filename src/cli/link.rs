//! `claims link A RELATION B`: record how two claims relate.

use clap::Args;

use super::Context;
use crate::error::Result;
use crate::model::{Relation, short_id};

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
    let (from, to, added) = ctx
        .store
        .write(async |store| {
            let from = store.resolve_claim(&args.from).await?;
            let to = store.resolve_claim(&args.to).await?;
            let added = store.add_link(&from, args.relation, &to, &actor).await?;
            Ok((from, to, added))
        })
        .await?;
    let (from, to) = (short_id(&from.id), short_id(&to.id));
    ctx.out.line(if added {
        format!("{from} {} {to}", args.relation)
    } else {
        format!(
            "{from} {} {to} was already recorded; nothing changed",
            args.relation
        )
    });
    Ok(())
}
