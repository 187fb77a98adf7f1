//! `claims export`: write the database out as claim files (one per
//! article), as a CSV or JSON Lines claim table, or as ClaimReview JSON-LD.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::Context;
use crate::claimfile;
use crate::error::{Error, Result};
use crate::formats::{self, ClaimReviewOptions};
use crate::replace::Replacement;

/// The formats `claims export` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Claim files (TOML), one per article, into a folder: everything, history included.
    #[default]
    Toml,
    /// The claim table as CSV: one row per claim, current status.
    Csv,
    /// The claim table as JSON Lines.
    Jsonl,
    /// schema.org ClaimReview JSON-LD for every claim with a verdict.
    Claimreview,
}

/// `claims export`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims export backup/                   # one claim file per article\n  claims export --format csv claims.csv\n  claims export --format claimreview --publisher \"Our Desk\" \\\n      --review-url-base https://checks.example/ reviews.json"
)]
pub struct ExportArgs {
    /// The file format to write.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t)]
    pub format: ExportFormat,
    /// Where to write: a folder for claim files; a file for the other formats (standard output when absent or `-`).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// ClaimReview: the fact-checking organization named as author of every review [default: who recorded the latest verdict].
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,
    /// ClaimReview: the URL prefix where reviews are published; each review's url is this plus the claim's id [default: urn:uuid:ID].
    #[arg(long, value_name = "URL", value_parser = super::url)]
    pub review_url_base: Option<String>,
}

pub(super) async fn run(args: ExportArgs, ctx: &mut Context) -> Result<()> {
    let format = args.format;
    if format == ExportFormat::Toml {
        let dir = args
            .path
            .ok_or_else(|| Error::invalid("claim files need a folder: claims export DIR"))?;
        let written = claimfile::export_dir(&mut ctx.store, &dir).await?;
        for path in written {
            ctx.out.line(path.display().to_string());
        }
        return Ok(());
    }
    let options = ClaimReviewOptions {
        publisher: args.publisher,
        url_base: args.review_url_base,
    };
    match args.path.filter(|p| p != Path::new("-")) {
        None => {
            let stdout = std::io::stdout();
            let out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            write(format, ctx, out, &options).await?;
        }
        Some(path) => {
            // Written beside the target and renamed over it: an export
            // that stops halfway never replaces a good file.
            let replacement = Replacement::new(&path, &ctx.store.files())?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, replacement.file());
            let count = write(format, ctx, &mut out, &options)
                .await
                .map_err(|e| as_write_error(e, &replacement))?;
            out.flush().map_err(|e| replacement.error(e))?;
            drop(out);
            replacement.finish()?;
            ctx.out
                .line(format!("wrote {count} claims to {}", path.display()));
        }
    }
    Ok(())
}

async fn write(
    format: ExportFormat,
    ctx: &mut Context,
    out: impl Write,
    options: &ClaimReviewOptions,
) -> Result<usize> {
    match format {
        ExportFormat::Csv => formats::write_csv(&mut ctx.store, out).await,
        ExportFormat::Jsonl => formats::write_jsonl(&mut ctx.store, out).await,
        ExportFormat::Claimreview => formats::write_claimreview(&mut ctx.store, out, options).await,
        ExportFormat::Toml => unreachable!("claim files are written by export_dir"),
    }
}

/// An I/O error while writing the export is a failure to write the target
/// (a full disk), not to read anything.
fn as_write_error(error: Error, replacement: &Replacement) -> Error {
    match error {
        Error::Io(source) => replacement.error(source),
        other => other,
    }
}
