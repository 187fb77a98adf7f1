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
    if args.path.exists() {
        return Err(Error::invalid(format!(
            "{} already exists; back up to a new file",
            args.path.display()
        )));
    }
    // The copy is written beside the target and renamed into place only
    // once it has passed an integrity check: a backup that stopped halfway,
    // or a bad copy, never takes the name of a good one.
    let replacement = Replacement::new(&args.path)?;
    let partial = replacement.partial();
    let copied = async {
        ctx.store.backup_into(partial).await?;
        let mut copy = Store::open(partial).await?;
        let verdict = copy.integrity_check().await?;
        copy.close().await?;
        if verdict != "ok" {
            return Err(Error::Verification(format!(
                "the copy failed its integrity check: {verdict}"
            )));
        }
        Ok(())
    }
    .await;
    if let Err(error) = copied {
        // The copy was opened as a database: its log files go too.
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
        }
        return Err(error);
    }
    replacement.finish()?;
    ctx.out.line(format!("backed up to {}", args.path.display()));
    Ok(())
}
