//! `claims export DIR`: write the database out as claim files.

use std::path::PathBuf;

use clap::Args;

use super::Context;
use crate::claimfile;
use crate::error::Result;

/// `claims export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The folder to write claim files into (created if needed); one file per article.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

pub(super) async fn run(args: ExportArgs, ctx: &mut Context) -> Result<()> {
    let written = claimfile::export_dir(&mut ctx.store, &args.dir).await?;
    for path in written {
        ctx.out.line(path.display().to_string());
    }
    Ok(())
}
