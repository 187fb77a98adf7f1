//! First contact with a database file: creating a new one atomically, and
//! letting one process at a time upgrade an older one.
//!
//! A new database is built whole under a temporary name beside its target
//! (schema applied, WAL mode set) and then linked into place, which fails if
//! another process got there first. So a process killed while creating
//! leaves no half-made file under the real name, and sixteen processes
//! creating the same file at once all end up using one complete database.

use std::fs::File;
use std::path::Path;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

use super::{MIGRATOR, open_error};
use crate::error::{Error, Result};

/// Creates a claimtrack database at `path`, unless one appears there first.
pub(super) async fn create_new(path: &Path) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let refuse = |reason: String| Error::DatabasePath {
        path: path.to_path_buf(),
        reason,
    };
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}.creating-"))
        .tempfile_in(dir)
        .map_err(|e| refuse(format!("cannot create a file in {}: {e}", dir.display())))?
        .into_temp_path();
    let options = SqliteConnectOptions::new()
        .filename(&temp)
        .foreign_keys(true)
        .pragma("journal_mode", "WAL");
    let mut conn = SqliteConnection::connect_with(&options)
        .await
        .map_err(|e| open_error(path, e))?;
    MIGRATOR.run(&mut conn).await?;
    // A new database has no names to re-key: its keys are made with
    // today's fold.
    sqlx::query("UPDATE name_folding SET version = ?")
        .bind(super::NAME_FOLDING)
        .execute(&mut conn)
        .await?;
    // Closing the only connection checkpoints the log into the file and
    // removes it: what is linked into place is the whole database.
    conn.close().await?;
    match std::fs::hard_link(&temp, path) {
        Ok(()) => Ok(()),
        // Another process created it meanwhile: use that one.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // A file system without hard links: a rename, checked first.
        Err(_) if !path.exists() => {
            std::fs::rename(&temp, path).map_err(|e| refuse(format!("cannot create it: {e}")))
        }
        Err(e) => Err(refuse(format!("cannot create it: {e}"))),
    }
    // `temp` is removed when dropped; the database keeps its own name.
}

/// An exclusive advisory lock on the database file, held while its schema
/// is upgraded. SQLite's own locks are fcntl locks, which this flock does not
/// touch, so readers and writers of the data are never blocked by it.
#[derive(Debug)]
pub struct MigrationLock {
    _file: File,
}

impl MigrationLock {
    /// Waits for, then takes, the lock on `path`.
    pub fn take(path: &Path) -> Result<MigrationLock> {
        let file = File::open(path).map_err(|source| Error::ReadFile {
            path: path.to_path_buf(),
            source,
        })?;
        file.lock().map_err(|source| Error::ReadFile {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(MigrationLock { _file: file })
    }
}
