//! `claims restore BACKUP`: replace the database with a backup, safely
//! while other processes have it open, keeping what it replaces.

use std::path::PathBuf;

use clap::Args;

use super::Context;
use crate::error::{Error, Result};
use crate::store::Store;

/// `claims restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore (a file written by `claims backup`).
    #[arg(value_name = "BACKUP")]
    pub backup: PathBuf,
}

pub(super) async fn run(args: RestoreArgs, ctx: &mut Context) -> Result<()> {
    let live = ctx.store.path().to_path_buf();
    if crate::replace::same_file(&args.backup, &live) {
        return Err(Error::invalid(format!(
            "{} is the database itself; restore from a backup",
            args.backup.display()
        )));
    }
    // The backup is checked before anything is touched: a claimtrack
    // database, not newer than this build, and sound.
    let mut backup = Store::inspect(&args.backup).await?;
    let verdict = backup.integrity_check().await?;
    if verdict != "ok" {
        return Err(Error::invalid(format!(
            "{} fails its integrity check ({verdict}); nothing was restored",
            args.backup.display()
        )));
    }
    let aside = aside_path(&live);
    let aside_for_copy = aside.clone();
    ctx.store
        .restore_from(&mut backup, async || {
            // A second, read-only connection copies the database as last
            // committed; the restoring connection holds the write lock, so
            // that is exactly what the restore replaces.
            let mut current = Store::inspect(&live).await?;
            current.backup_into(&aside_for_copy).await?;
            current.close().await
        })
        .await?;
    backup.close().await?;
    // A backup from an older claimtrack is brought up to date now, under
    // the same rules as any other open.
    let reopened = Store::open(&live).await?;
    reopened.close().await?;
    ctx.out.line(format!(
        "restored {} from {}; the database it replaced is kept as {}",
        live.display(),
        args.backup.display(),
        aside.display()
    ));
    Ok(())
}

/// `NAME.before-restore-<UTC time>` beside the database.
fn aside_path(live: &std::path::Path) -> PathBuf {
    let stamp = crate::store::now_timestamp().replace([':', '.'], "");
    let mut name = live.as_os_str().to_owned();
    name.push(format!(".before-restore-{stamp}"));
    PathBuf::from(name)
}
