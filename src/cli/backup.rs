//! `claims backup PATH`: a consistent copy of the database, taken while
//! other processes may be writing to it.

use std::path::PathBuf;

use clap::Args;

use super::Context;
use crate::error::{Error, Result};
use crate::replace::Replacement;
use crate::store::Store;

/// `claims backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The file to write the copy to; it must not exist yet.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
}

pub(super) async fn run(args: BackupArgs, ctx: &mut Context) -> Result<()> {
    let replacement = Replacement::new(&args.path, &ctx.store.files())?;
    if args.path.exists() {
        return Err(Error::invalid(format!(
            "{} already exists; back up to a new file",
            args.path.display()
        )));
    }
    // The copy is written beside the target under a name of its own and
    // moved into place only once it has been checked against the database
    // it copies: a backup that stopped halfway, a bad copy, or a copy that
    // lost rows never takes the name of a good one, and a backup that ends
    // up at the target is one that holds the data.
    let partial = replacement.partial().to_path_buf();
    let checked = async {
        let before = ctx.store.table_counts().await?;
        ctx.store.backup_into(&partial).await?;
        let after = ctx.store.table_counts().await?;
        let mut copy = Store::open_read(&partial).await?;
        let verdict = copy.integrity_check().await?;
        let copied = copy.table_counts().await?;
        copy.close().await?;
        if verdict != "ok" {
            return Err(Error::Verification(format!(
                "the copy failed its integrity check: {verdict}; nothing was backed up"
            )));
        }
        check_counts(&before, &copied, &after)
    }
    .await;
    // A read-only open of the copy leaves no log files, but a copy that
    // failed its checks is removed with everything beside it.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    checked?;
    replacement.finish_new()?;
    ctx.out.line(format!("backed up to {}", args.path.display()));
    Ok(())
}

/// The copy is one snapshot taken between the two counts of the database,
/// and claimtrack only ever adds rows: every table of the copy must hold at
/// least as many rows as the database had before and at most as many as it
/// had after.
fn check_counts(before: &[(String, i64)], copied: &[(String, i64)], after: &[(String, i64)]) -> Result<()> {
    for (table, low) in before {
        let find = |counts: &[(String, i64)]| counts.iter().find(|(t, _)| t == table).map(|(_, n)| *n);
        let high = find(after).unwrap_or(*low);
        let got = find(copied).unwrap_or(0);
        if got < *low.min(&high) || got > *low.max(&high) {
            return Err(Error::Verification(format!(
                "the copy holds {got} rows of {table} where the database has {high}; nothing was backed up"
            )));
        }
    }
    Ok(())
}
