//! `claims copy --to DEST`: a whole database (claims, history, journal,
//! article snapshots, links) into an empty one, between SQLite and
//! PostgreSQL either way: to move a desk onto its team server, or its
//! record back into a file. Both ends are then compared: rows per table,
//! and the destination checked whole (`verify`'s checks) with the same
//! journal head as the source.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::error::{Error, Result};
use crate::render::Output;
use crate::store::copy::{CopySource, TableCounts};
use crate::store::postgres::{self, TeamDatabase};
use crate::store::{Audit, Store};

/// `claims copy`.
#[derive(Debug, Args)]
#[command(
    after_long_help = "Examples:\n  claims --db claims.db copy --to postgres://db.example/desk\n  claims --db postgres://db.example/desk copy --to desk-2026-12-01.db"
)]
pub struct CopyArgs {
    /// The destination, empty: a PostgreSQL database (postgres://HOST/DATABASE, set up by its owner, before `team init`) or a new SQLite file.
    #[arg(long, value_name = "URL|PATH")]
    pub to: String,
}

/// One end of a copy. (Two of them live for one command: their sizes do
/// not matter.)
#[allow(clippy::large_enum_variant)]
enum End {
    Sqlite(Store),
    Postgres(TeamDatabase),
}

impl End {
    async fn audit(&mut self) -> Result<Audit> {
        match self {
            End::Sqlite(store) => store.audit(None).await,
            End::Postgres(database) => database.audit(None).await,
        }
    }

    async fn is_empty(&mut self) -> Result<bool> {
        match self {
            End::Sqlite(store) => store.is_empty_for_copy().await,
            End::Postgres(database) => database.is_empty_for_copy().await,
        }
    }

    async fn receive(&mut self, source: &mut impl CopySource) -> Result<TableCounts> {
        match self {
            End::Sqlite(store) => store.receive_copy(source).await,
            End::Postgres(database) => database.receive_copy(source).await,
        }
    }

    async fn close(self) -> Result<()> {
        match self {
            End::Sqlite(store) => store.close().await,
            End::Postgres(database) => database.close().await,
        }
    }
}

/// Copies the database `from` (`--db`: a path or a PostgreSQL URL) into
/// `args.to`.
pub(super) async fn run(args: CopyArgs, from: &str, out: &mut Output) -> Result<()> {
    let mut source = match postgres::is_url(from) {
        true => End::Postgres(TeamDatabase::connect(from).await?),
        false => End::Sqlite(Store::open_read(Path::new(from)).await?),
    };
    let (mut destination, created) = match postgres::is_url(&args.to) {
        true => (End::Postgres(TeamDatabase::connect(&args.to).await?), None),
        false => {
            let path = PathBuf::from(&args.to);
            let created = (!path.exists()).then(|| path.clone());
            (End::Sqlite(Store::open(&path).await?), created)
        }
    };
    let shown = postgres::redacted(&args.to);
    let result = copy(&mut source, &mut destination, &shown).await;
    source.close().await?;
    destination.close().await?;
    match result {
        Ok((copied, head)) => {
            let rows: Vec<String> = copied
                .tables
                .iter()
                .map(|(table, n)| format!("{table} {n}"))
                .collect();
            out.line(format!("copied to {shown}: {}", rows.join(", ")));
            out.line(format!("journal head on both: operation {} {}", head.0, head.1));
            Ok(())
        }
        Err(error) => {
            // A file this command made holds nothing worth keeping.
            if let Some(path) = created {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Err(error)
        }
    }
}

async fn copy(source: &mut End, destination: &mut End, shown: &str) -> Result<(TableCounts, (i64, String))> {
    if !destination.is_empty().await? {
        return Err(Error::invalid(format!(
            "{shown} is not empty: claims copy writes into an empty database (on PostgreSQL, before claims team init)"
        )));
    }
    // The source from one snapshot: what is counted is what is copied.
    let (counts, copied) = match source {
        End::Sqlite(store) => {
            store
                .read(async |s| {
                    let counts = s.copied_table_counts().await?;
                    Ok((counts, destination.receive(s).await?))
                })
                .await?
        }
        End::Postgres(database) => {
            database
                .snapshot(async |d| {
                    let counts = d.copied_table_counts().await?;
                    Ok((counts, destination.receive(d).await?))
                })
                .await?
        }
    };
    if copied != counts {
        return Err(Error::Verification(format!(
            "the copy does not hold what the source does: {:?} against {:?}",
            copied.tables, counts.tables
        )));
    }
    // Both ends checked whole, as `claims verify` does.
    let (before, after) = (source.audit().await?, destination.audit().await?);
    for (end, audit) in [("the source", &before), ("the copy", &after)] {
        if let Some(finding) = audit.findings.iter().find(|f| f.problem.is_some()) {
            return Err(Error::Verification(format!(
                "{end} does not verify: {}: {}",
                finding.check,
                finding.problem.as_deref().unwrap_or_default()
            )));
        }
    }
    if before.head != after.head {
        return Err(Error::Verification(format!(
            "the copy's journal ends at operation {} {}, the source's at operation {} {}",
            after.head.0, after.head.1, before.head.0, before.head.1
        )));
    }
    Ok((copied, after.head))
}
