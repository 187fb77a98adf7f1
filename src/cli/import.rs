//! `claims import PATH...`: load claim files (or folders of them) into the
//! database, all or nothing.

use std::path::{Path, PathBuf};

use clap::Args;

use super::Context;
use crate::claimfile::{self, ImportOptions, ImportSummary, Importer, Loc, Problem, Tally};
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
    let options = ImportOptions {
        actor: ctx.actor.clone(),
        allow_orphans: args.allow_orphans,
    };
    // A second thread reads and parses the files (anchoring quotes) while
    // this one writes the previous ones: both cores work. The channel holds
    // a few files at most, so memory does not grow with the file count.
    let (sender, receiver) = std::sync::mpsc::sync_channel(4);
    let reader = std::thread::Builder::new()
        .name("claims-reader".into())
        .spawn(move || {
            for path in paths {
                if sender.send(read_claim_file(&path)).is_err() {
                    break; // the import stopped early
                }
            }
        })?;
    // Files stream through one transaction. Any problem in any file rolls
    // the whole import back.
    let summary = ctx
        .store
        .write(async |store| {
            let mut importer = Importer::new(&options);
            while let Ok(parsed) = receiver.recv() {
                match parsed? {
                    Ok(file) if !importer.has_problems() => importer.add(store, file).await?,
                    // After a problem, files are still checked but no longer written.
                    Ok(_) => importer.reject(vec![]),
                    Err(problems) => importer.reject(problems),
                }
            }
            importer.finish(store).await
        })
        .await;
    drop(receiver);
    let _ = reader.join();
    let summary = summary?;
    for orphan in &summary.orphans {
        eprintln!("claims: warning: {orphan}");
    }
    match ctx.out.format {
        Format::Json => ctx.out.json(&summary)?,
        _ => ctx.out.line(describe(&summary)),
    }
    Ok(())
}

/// Reads and parses one claim file: `Ok(Err(problems))` when it is not a
/// valid claim file, `Err` when it cannot be read at all.
fn read_claim_file(path: &Path) -> Result<std::result::Result<claimfile::ClaimFile, Vec<Problem>>> {
    let bytes = std::fs::read(path).map_err(|source| Error::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or("");
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Ok(Err(vec![Problem {
                loc: Loc {
                    file: path.to_path_buf(),
                    line,
                    column,
                },
                message: format!("not UTF-8 text: invalid byte at offset {offset}"),
            }]));
        }
    };
    Ok(claimfile::parse(path, &text))
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
