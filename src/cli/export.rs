//! `claims export`: write the database out as claim files (one per
//! article), as a CSV or JSON Lines claim table, or as ClaimReview JSON-LD.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::Context;
use std::collections::{BTreeMap, BTreeSet};

use crate::claimfile::{self, ClaimFileContents, ExportedClaim};
use crate::error::{Error, Result};
use crate::formats::{self, ClaimReviewOptions};
use crate::model::{Article, SourceSummary};
use crate::names::fold_name;
use crate::render::Output;
use crate::replace::Replacement;
use crate::store::ClaimFilter;
use crate::store::postgres::TeamDatabase;
use crate::store::reading::Reading;

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
    after_long_help = "Examples:\n  claims export backup/                   # one claim file per article\n  claims export --format csv claims.csv\n  claims export --format claimreview --publisher \"Our Desk\" \\\n      --base-url https://checks.example/ reviews.json"
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
    /// ClaimReview: the URL prefix where our reviews are published; each review's url is this plus the claim's id (an imported review keeps its own URL) [default: urn:uuid:ID].
    #[arg(long, alias = "review-url-base", value_name = "URL", value_parser = super::url)]
    pub base_url: Option<String>,
}

pub(super) async fn run(args: ExportArgs, ctx: &mut Context) -> Result<()> {
    // Nothing is written over the database's own files; every file comes
    // from one snapshot.
    let protected = ctx.store.files();
    let out = &mut ctx.out;
    ctx.store
        .read(async |store| export(args, store, &protected, out).await)
        .await
}

/// `claims export` from a team database on PostgreSQL: the same files.
pub(super) async fn run_on_postgres(args: ExportArgs, url: &str, out: &mut Output) -> Result<()> {
    let mut database = TeamDatabase::connect(url).await?;
    let result = database.snapshot(async |d| export(args, d, &[], out).await).await;
    database.close().await?;
    result
}

/// The export `args` asks for, from either backend.
async fn export(
    args: ExportArgs,
    store: &mut impl Reading,
    protected: &[PathBuf],
    messages: &mut Output,
) -> Result<()> {
    let format = args.format;
    if format == ExportFormat::Toml {
        let dir = args
            .path
            .ok_or_else(|| Error::invalid("claim files need a folder: claims export DIR"))?;
        let written = export_dir(store, &dir, protected).await?;
        for path in written {
            messages.line(path.display().to_string());
        }
        return Ok(());
    }
    let options = ClaimReviewOptions {
        publisher: args.publisher,
        url_base: args.base_url,
    };
    match args.path.filter(|p| p != Path::new("-")) {
        None => {
            let stdout = std::io::stdout();
            let out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            write(format, store, out, &options).await?;
        }
        Some(path) => {
            // Written beside the target and renamed over it: an export
            // that stops halfway never replaces a good file.
            let replacement = Replacement::new(&path, protected)?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, replacement.file());
            let count = write(format, store, &mut out, &options)
                .await
                .map_err(|e| as_write_error(e, &replacement))?;
            out.flush().map_err(|e| replacement.error(e))?;
            drop(out);
            replacement.finish()?;
            messages.line(format!("wrote {count} claims to {}", path.display()));
        }
    }
    Ok(())
}

/// Writes the claim table in `format`, rows read from the store and fed to
/// the format's writer; returns how many claims were written.
async fn write(
    format: ExportFormat,
    store: &mut impl Reading,
    out: impl Write,
    options: &ClaimReviewOptions,
) -> Result<usize> {
    match format {
        ExportFormat::Csv => feed(store, &mut formats::CsvWriter::new(out)?).await,
        ExportFormat::Jsonl => feed(store, &mut formats::JsonlWriter::new(out)).await,
        ExportFormat::Claimreview => {
            let mut writer = formats::ClaimReviewWriter::new(out, options)?;
            feed(store, &mut writer).await?;
            Ok(writer.written())
        }
        ExportFormat::Toml => unreachable!("claim files are written by export_dir"),
    }
}

/// Every live claim through `writer`, then the file completed.
async fn feed(store: &mut impl Reading, writer: &mut impl formats::RowWriter) -> Result<usize> {
    let passed = store.each_row(|row| writer.write(row)).await?;
    writer.finish()?;
    Ok(passed)
}

/// Writes every article's claim file into `dir` (created if needed), and
/// `no-article.toml` for the rest. Returns the files written, in order.
async fn export_dir(store: &mut impl Reading, dir: &Path, protected: &[PathBuf]) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|source| Error::WriteFile {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut articles = store.all_articles().await?;
    articles.sort_by(|a, b| a.url.cmp(&b.url));
    let names = claimfile::file_names(&articles);
    let mut written = Vec::new();
    for (article, name) in articles.into_iter().zip(names) {
        let contents = claim_file_contents(store, Some(article)).await?;
        let text = claimfile::render(&contents);
        written.push(claimfile::write_atomically(dir, &name, &text, protected)?);
    }
    let rest = claimfile::render(&claim_file_contents(store, None).await?);
    if rest.contains("[[") {
        written.push(claimfile::write_atomically(
            dir,
            claimfile::NO_ARTICLE_FILE,
            &rest,
            protected,
        )?);
    }
    Ok(written)
}

/// What the claim file of `article` (or with `None`, of the claims with no
/// article and the sources that made no claim) holds.
async fn claim_file_contents(
    store: &mut impl Reading,
    article: Option<Article>,
) -> Result<ClaimFileContents> {
    let filter = match &article {
        Some(article) => ClaimFilter {
            article: Some(article.key),
            ..ClaimFilter::default()
        },
        None => ClaimFilter {
            without_article: true,
            ..ClaimFilter::default()
        },
    };
    let mut claims = store.claims(&filter).await?;
    claims.sort_by_key(|c| c.key);

    // Sources: those whose claims are here, and everything they speak for.
    let mut names: BTreeSet<String> = claims.iter().map(|c| c.source.clone()).collect();
    if article.is_none() {
        for summary in store.all_sources().await? {
            if summary.claims == 0 {
                names.insert(summary.source.name.clone());
            }
        }
    }
    let mut sources: BTreeMap<String, SourceSummary> = BTreeMap::new();
    let mut pending: Vec<String> = names.into_iter().collect();
    while let Some(name) = pending.pop() {
        if sources.contains_key(&fold_name(&name)) {
            continue;
        }
        let summary = store.source_summary_named(&name).await?;
        pending.extend(summary.speaks_for.iter().map(|l| l.organization.clone()));
        sources.insert(fold_name(&name), summary);
    }

    let mut exported = Vec::with_capacity(claims.len());
    for claim in claims {
        let history = store.claim_history(claim.key).await?;
        let mut links: Vec<_> = store
            .links(claim.key)
            .await?
            .into_iter()
            .filter(|l| l.from_id == claim.id)
            .collect();
        links.sort_by_key(|l| (l.relation, l.to_id.to_string()));
        exported.push(ExportedClaim {
            claim,
            history,
            links,
        });
    }
    let article = match article {
        Some(article) => {
            let body = store.article_body_of(article.key).await?;
            Some((article, body))
        }
        None => None,
    };
    Ok(ClaimFileContents {
        article,
        sources: sources.into_values().collect(),
        claims: exported,
    })
}

/// An I/O error while writing the export is a failure to write the target
/// (a full disk), not to read anything.
fn as_write_error(error: Error, replacement: &Replacement) -> Error {
    match error {
        Error::Io(source) => replacement.error(source),
        other => other,
    }
}
