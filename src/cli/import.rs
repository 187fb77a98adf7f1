//! `claims import PATH...`: load claim files (or folders of them) into the
//! database, all or nothing.

use std::path::{Path, PathBuf};

use clap::Args;

use super::Context;
use crate::claimfile::{self, ImportOptions, ImportSummary, Loc, Problem, Tally};
use crate::error::{Error, Result};
use crate::render::Format;

/// `claims import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Claim files (.toml), or folders searched recursively for them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Keep claims whose quote is not found in the article's snapshot, with a warning, instead of failing.
    #[arg(long)]
    pub allow_orphans: bool,
}

pub(super) async fn run(args: ImportArgs, ctx: &mut Context) -> Result<()> {
    let mut paths = Vec::new();
    for path in &args.paths {
        collect(path, &mut paths)?;
    }
    paths.sort();
    paths.dedup();
    let mut files = Vec::with_capacity(paths.len());
    let mut problems: Vec<Problem> = Vec::new();
    for path in &paths {
        let bytes = std::fs::read(path).map_err(|source| Error::ReadFile {
            path: path.clone(),
            source,
        })?;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or("");
                let line = valid.matches('\n').count() + 1;
                let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                problems.push(Problem {
                    loc: Loc {
                        file: path.clone(),
                        line,
                        column,
                    },
                    message: format!("not UTF-8 text: invalid byte at offset {offset}"),
                });
                continue;
            }
        };
        match claimfile::parse(path, &text) {
            Ok(file) => files.push(file),
            Err(found) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Files(problems));
    }
    let options = ImportOptions {
        actor: ctx.actor.clone(),
        allow_orphans: args.allow_orphans,
    };
    let summary = ctx
        .store
        .write(async |store| claimfile::import(store, &files, &options).await)
        .await?;
    for orphan in &summary.orphans {
        eprintln!("claims: warning: {orphan}");
    }
    match ctx.out.format {
        Format::Json => ctx.out.json(&summary)?,
        _ => ctx.out.line(describe(&summary)),
    }
    Ok(())
}

/// Files named directly, and `*.toml` files found under folders.
fn collect(path: &Path, into: &mut Vec<PathBuf>) -> Result<()> {
    let metadata = std::fs::metadata(path).map_err(|source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    if !metadata.is_dir() {
        into.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| Error::ReadFile {
            path: path.to_path_buf(),
            source,
        })?;
        let child = entry.path();
        let hidden = child
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if child.is_dir() {
            collect(&child, into)?;
        } else if child.extension().is_some_and(|e| e == "toml") {
            into.push(child);
        }
    }
    Ok(())
}

fn describe(summary: &ImportSummary) -> String {
    let files = match summary.files {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    };
    if summary.changed_nothing() {
        return format!(
            "nothing changed: {files} already imported ({} articles, {} sources, {} claims, {} links unchanged)",
            summary.articles.unchanged,
            summary.sources.unchanged,
            summary.claims.unchanged,
            summary.links.unchanged
        );
    }
    let part = |name: &str, t: &Tally| {
        format!(
            "{name} {} added, {} updated, {} unchanged",
            t.added, t.updated, t.unchanged
        )
    };
    format!(
        "imported {files}: {}; {}; {}; {} history events added; {}",
        part("articles", &summary.articles),
        part("sources", &summary.sources),
        part("claims", &summary.claims),
        summary.events_added,
        part("links", &summary.links)
    )
}
