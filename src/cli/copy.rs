//! `claims copy --to DEST`: a whole SQLite database (claims, history,
//! journal, article snapshots, links) into an empty PostgreSQL database, to
//! move a desk onto its team server. Both ends are then compared: rows per
//! table, and the journal's chain head recomputed on the destination.

use clap::Args;

use super::Context;
use crate::error::{Error, Result};
use crate::store::postgres::{self, TeamDatabase};

/// `claims copy`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims --db claims.db copy --to postgres://db.example/desk\n  claims --db claims.db copy --to postgres://db.example/desk && claims --db postgres://db.example/desk team init"
)]
pub struct CopyArgs {
    /// The destination: an empty PostgreSQL database (postgres://HOST/DATABASE), set up by its owner, before `team init`.
    #[arg(long, value_name = "URL")]
    pub to: String,
}

pub(super) async fn run(args: CopyArgs, ctx: &mut Context) -> Result<()> {
    if !postgres::is_url(&args.to) {
        return Err(Error::invalid(format!(
            "--to '{}' is not a PostgreSQL URL: claims copy moves a SQLite database onto a team server (postgres://HOST/DATABASE); for a copy into another SQLite file, use claims backup",
            args.to
        )));
    }
    let before = ctx
        .store
        .read(async |s| Ok((s.copied_table_counts().await?, s.chain_head().await?)))
        .await?;
    let (source_counts, source_head) = before;
    let mut destination = TeamDatabase::connect(&args.to).await?;
    let copied = destination.copy_from(&mut ctx.store).await?;
    let head = destination.recomputed_head().await?;
    destination.close().await?;
    if copied != source_counts {
        return Err(Error::Verification(format!(
            "the copy does not hold what the source does: {:?} against {:?}",
            copied.tables, source_counts.tables
        )));
    }
    if head != source_head {
        return Err(Error::Verification(format!(
            "the copy's journal ends at operation {} {}, the source's at operation {} {}",
            head.0, head.1, source_head.0, source_head.1
        )));
    }
    let rows: Vec<String> = copied
        .tables
        .iter()
        .map(|(table, n)| format!("{table} {n}"))
        .collect();
    ctx.out.line(format!(
        "copied to {}: {}",
        postgres::redacted(&args.to),
        rows.join(", ")
    ));
    ctx.out
        .line(format!("journal head on both: operation {} {}", head.0, head.1));
    Ok(())
}
