//! `claims unlink A RELATION B`: remove a link recorded by mistake; the
//! journal keeps who linked them, when, and who removed the link.

use clap::Args;

use super::{Context, text};
use crate::error::Result;
use crate::model::{Relation, short_id};

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
    let (from, to, operation) = ctx
        .store
        .write(async |store| {
            let from = store.resolve_claim(&args.from).await?;
            let to = store.resolve_claim(&args.to).await?;
            let operation = store
                .remove_link(&from, args.relation, &to, args.note.clone(), &actor)
                .await?;
            Ok((from, to, operation))
        })
        .await?;
    ctx.out.line(format!(
        "{} no longer {} {} (operation {})",
        short_id(&from.id),
        args.relation,
        short_id(&to.id),
        operation.id
    ));
    Ok(())
}
