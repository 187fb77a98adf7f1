//! The database. `Store` owns one SQLite connection, applies the embedded
//! migrations on open, and is the only place in claimtrack that speaks SQL:
//! commands call its methods, so that another backend (PostgreSQL) can
//! follow by reimplementing this module alone.
//!
//! Every write goes through [`Store::write`], one `BEGIN IMMEDIATE`
//! transaction: the write lock is taken up front, so a write never fails
//! halfway on a lock upgrade, and an error anywhere rolls everything back.

mod articles;
mod claims;
mod exports;
mod reports;
mod sources;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteSynchronous};
use sqlx::{Connection, SqliteConnection};
use time::OffsetDateTime;

use crate::error::{Error, Result};

pub use claims::{ClaimFields, ClaimFilter, DeferredIndexes, NewClaim, NewEvent, QuoteToVerify};
pub use exports::ClaimRow;
pub use reports::{Report, ReportRow, SourceShare};
pub use sources::SourceSummary;

/// The migrations compiled into this build (`build.rs` reruns when the
/// folder changes).
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// `PRAGMA application_id` of a claimtrack database ('ClTk'), set by the
/// first migration.
pub const APPLICATION_ID: i64 = 0x436C_546B;

/// How long a command waits for another process's write lock before it gives
/// up. Imports hold it for seconds; a person at a terminal waits this long.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The page cache of a write transaction (see [`Store::write`]): 64 MiB.
pub(crate) const WRITE_CACHE: &str = "PRAGMA cache_size = -65536";

/// A claimtrack database.
pub struct Store {
    conn: SqliteConnection,
    path: PathBuf,
}

/// Where the database lives when neither `--db` nor `CLAIMS_DB` says:
/// `$XDG_DATA_HOME/claimtrack/claims.db`, else `~/.local/share/claimtrack/claims.db`.
pub fn default_path() -> Option<PathBuf> {
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")))?;
    Some(data_home.join("claimtrack").join("claims.db"))
}

/// The current time as claimtrack stores it: UTC, microseconds, `Z`.
pub fn now_timestamp() -> String {
    format_timestamp(OffsetDateTime::now_utc())
}

/// Formats a moment as a stored timestamp (`2017-12-18T09:30:00.000000Z`):
/// fixed width, so that text order is time order.
pub fn format_timestamp(at: OffsetDateTime) -> String {
    let utc = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second(),
        utc.microsecond()
    )
}

/// Folds a name for matching: Unicode lowercase, runs of white space
/// collapsed to one space, trimmed. "  Dmitry   PESKOV " matches "Dmitry Peskov".
pub fn fold_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Store {
    /// Opens (creating if needed) the database at `path`, refusing a file
    /// that is not a claimtrack database or was written by a newer schema,
    /// and brings an older schema up to date.
    pub async fn open(path: &Path) -> Result<Store> {
        let path = path.to_path_buf();
        check_path(&path)?;
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .synchronous(SqliteSynchronous::Normal)
            // Statement journals (for a multi-row INSERT that could fail
            // halfway) stay in memory instead of temporary files.
            .pragma("temp_store", "MEMORY");
        let conn = SqliteConnection::connect_with(&options)
            .await
            .map_err(|e| open_error(&path, e))?;
        let mut store = Store { conn, path };
        store.check_identity().await?;
        // Only now, once the file is known to be ours (or new), switch it to
        // WAL: readers then never block the writer. It is a no-op when the
        // file is already in WAL mode.
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&mut store.conn)
            .await
            .map_err(|e| open_error(&store.path, e))?;
        store.migrate().await?;
        Ok(store)
    }

    /// A fresh in-memory database with the schema applied, for tests.
    pub async fn open_in_memory() -> Result<Store> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
        let conn = SqliteConnection::connect_with(&options).await?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `body` inside one write transaction, taken with `BEGIN IMMEDIATE`:
    /// committed when it returns `Ok`, rolled back on any error.
    pub async fn write<T>(&mut self, body: impl AsyncFnOnce(&mut Store) -> Result<T>) -> Result<T> {
        // A bulk write in one transaction spills SQLite's default 2 MB page
        // cache into the WAL again and again; 64 MiB keeps the hot index
        // pages in memory. Reads keep the small default: a scan never comes
        // back to a page, and a large cache only costs it fresh allocations
        // (measured: 150 ms against 130 ms for a million-claim report).
        sqlx::query(WRITE_CACHE).execute(&mut self.conn).await?;
        sqlx::query("BEGIN IMMEDIATE").execute(&mut self.conn).await?;
        match body(self).await {
            Ok(value) => {
                sqlx::query("COMMIT").execute(&mut self.conn).await?;
                Ok(value)
            }
            Err(error) => {
                // The error that caused the rollback is the one to report; a
                // failed rollback leaves nothing committed either.
                let _ = sqlx::query("ROLLBACK").execute(&mut self.conn).await;
                Err(error)
            }
        }
    }

    /// Closes the database. The last connection to close checkpoints the
    /// write-ahead log into the database file; a process that just exits
    /// leaves the log for the next reader to search through page by page
    /// (after a million-claim import, `report` took 285 ms instead of 110).
    pub async fn close(self) -> Result<()> {
        Connection::close(self.conn).await?;
        Ok(())
    }

    /// The schema version (newest migration) this build knows.
    pub fn known_schema_version() -> i64 {
        MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
    }

    /// The newest migration applied to this database.
    pub async fn schema_version(&mut self) -> Result<i64> {
        let version: Option<i64> =
            sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&mut self.conn)
                .await?;
        Ok(version.unwrap_or(0))
    }

    /// Writes a consistent copy of the database to `target` (which must not
    /// exist) with `VACUUM INTO`: it reads one snapshot, so writers may go
    /// on while it runs (WAL), and the copy is compacted and holds no
    /// write-ahead log of its own.
    pub async fn backup_into(&mut self, target: &Path) -> Result<()> {
        let target = target
            .to_str()
            .ok_or_else(|| Error::invalid(format!("{} is not a UTF-8 path", target.display())))?;
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(&mut self.conn)
            .await?;
        Ok(())
    }

    /// Runs `PRAGMA integrity_check` and returns its verdict ("ok" when sound).
    pub async fn integrity_check(&mut self) -> Result<String> {
        let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&mut self.conn)
            .await?;
        Ok(rows.join("; "))
    }

    /// The query plan SQLite chooses for a claim id lookup, for tests that
    /// pin down that the lookup is an index search and never a scan.
    pub async fn explain_claim_lookup(&mut self) -> Result<Vec<String>> {
        let rows: Vec<(i64, i64, i64, String)> = sqlx::query_as(claims::LOOKUP_EXPLAIN)
            .fetch_all(&mut self.conn)
            .await?;
        Ok(rows.into_iter().map(|r| r.3).collect())
    }

    /// Refuses a file that is not a claimtrack database (another program's
    /// SQLite file) or that a newer claimtrack wrote.
    async fn check_identity(&mut self) -> Result<()> {
        let application_id: i64 = sqlx::query_scalar("PRAGMA application_id")
            .fetch_one(&mut self.conn)
            .await
            .map_err(|e| open_error(&self.path, e))?;
        if application_id != APPLICATION_ID {
            let tables: i64 = sqlx::query_scalar("SELECT count(*) FROM sqlite_schema")
                .fetch_one(&mut self.conn)
                .await
                .map_err(|e| open_error(&self.path, e))?;
            if tables > 0 || application_id != 0 {
                let reason = if application_id != 0 {
                    format!("its SQLite application id is {application_id}")
                } else {
                    format!("it is a SQLite database with {tables} tables or indexes of another program")
                };
                return Err(Error::NotClaimtrack {
                    path: self.path.clone(),
                    reason,
                });
            }
            return Ok(()); // a new, empty file: the migrations make it ours
        }
        let found = self.schema_version().await?;
        let known = Self::known_schema_version();
        if found > known {
            return Err(Error::NewerSchema {
                path: self.path.clone(),
                found,
                known,
            });
        }
        Ok(())
    }

    async fn migrate(&mut self) -> Result<()> {
        // sqlx applies each migration in its own transaction and records it
        // in `_sqlx_migrations`; skipping the call when the file is current
        // keeps start-up to one query.
        let current = match self.schema_version().await {
            Ok(version) => version,
            Err(Error::Database(_)) => 0, // no `_sqlx_migrations` yet
            Err(other) => return Err(other),
        };
        if current < Self::known_schema_version() {
            MIGRATOR.run(&mut self.conn).await?;
        }
        Ok(())
    }

    pub(crate) fn conn(&mut self) -> &mut SqliteConnection {
        &mut self.conn
    }
}

/// Creates the parent folder and refuses paths that cannot be a database
/// file, before SQLite gives a vaguer error.
fn check_path(path: &Path) -> Result<()> {
    let refuse = |reason: String| Error::DatabasePath {
        path: path.to_path_buf(),
        reason,
    };
    if path.is_dir() {
        return Err(refuse("it is a folder".into()));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| refuse(format!("cannot create folder {}: {e}", parent.display())))?;
    }
    if let Ok(mut file) = std::fs::File::open(path) {
        use std::io::Read;
        let mut header = [0u8; 16];
        let read = file.read(&mut header).map_err(|e| refuse(e.to_string()))?;
        if read > 0 && (read < 16 || &header != b"SQLite format 3\0") {
            return Err(Error::NotClaimtrack {
                path: path.to_path_buf(),
                reason: "it is not an SQLite file".into(),
            });
        }
    }
    Ok(())
}

/// Turns a failure to open into the error a person can act on.
fn open_error(path: &Path, error: sqlx::Error) -> Error {
    let message = error.to_string();
    if message.contains("file is not a database") {
        Error::NotClaimtrack {
            path: path.to_path_buf(),
            reason: "it is not an SQLite file".into(),
        }
    } else if message.contains("unable to open")
        || message.contains("readonly")
        || message.contains("read-only")
        || message.contains("permission")
    {
        Error::DatabasePath {
            path: path.to_path_buf(),
            reason: message,
        }
    } else {
        Error::Database(error)
    }
}

/// The text SQLite gives when a trigger or constraint refuses a write, so
/// that callers can tell a refusal from a failure.
pub(crate) fn refusal(error: &sqlx::Error) -> Option<String> {
    match error {
        sqlx::Error::Database(db) => Some(db.message().to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

/// How a person wrote an id: the full UUID, or a prefix of its short form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum IdQuery {
    Full(uuid::Uuid),
    ShortPrefix(String),
}

/// Reads an id as typed: a full UUID (with or without hyphens), or 4 to 8
/// hex digits that begin a short id.
pub(crate) fn parse_id(kind: &str, given: &str) -> Result<IdQuery> {
    let trimmed = given.trim();
    if let Ok(full) = uuid::Uuid::parse_str(trimmed) {
        return Ok(IdQuery::Full(full));
    }
    let hex = trimmed.len() >= 4 && trimmed.len() <= 8 && trimmed.bytes().all(|b| b.is_ascii_hexdigit());
    if !hex {
        return Err(Error::invalid(format!(
            "invalid {kind} id '{given}': expected 4 to 8 hex digits of a short id, or a full UUID"
        )));
    }
    Ok(IdQuery::ShortPrefix(trimmed.to_ascii_lowercase()))
}

impl Store {
    /// The internal keys and UUIDs of the rows of `table` ("claims" or
    /// "articles") whose id matches `query`, at most `limit` of them. A
    /// prefix is a range over the indexed `short_id` column, never a scan:
    /// every hex string starting with "ab1" lies in ["ab1", "ab1g").
    pub(crate) async fn match_ids(
        &mut self,
        table: &'static str,
        query: &IdQuery,
        limit: i64,
    ) -> Result<Vec<(i64, uuid::Uuid)>> {
        let mut sql = sqlx::QueryBuilder::new("SELECT id, uuid FROM ");
        sql.push(table);
        match query {
            IdQuery::Full(full) => {
                sql.push(" WHERE uuid = ").push_bind(*full);
            }
            IdQuery::ShortPrefix(prefix) => {
                sql.push(" WHERE short_id >= ").push_bind(prefix.clone());
                sql.push(" AND short_id < ").push_bind(format!("{prefix}g"));
            }
        }
        sql.push(" ORDER BY id LIMIT ").push_bind(limit);
        Ok(sql.build_query_as().fetch_all(self.conn()).await?)
    }
}
