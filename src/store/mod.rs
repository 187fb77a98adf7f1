//! The database. `Store` owns one SQLite connection, applies the embedded
//! migrations on open, and is the only place in claimtrack that speaks SQL:
//! commands call its methods, so that another backend (PostgreSQL) can
//! follow by reimplementing this module alone.
//!
//! Every write goes through [`Store::write`], one `BEGIN IMMEDIATE`
//! transaction: the write lock is taken up front, so a write never fails
//! halfway on a lock upgrade, and an error anywhere rolls everything back.

pub(crate) mod articles;
pub(crate) mod audit;
mod bulk;
pub(crate) mod claims;
pub mod copy;
pub(crate) mod correcting;
pub(crate) mod corrections;
mod create;
pub(crate) mod exports;
pub(crate) mod importing;
pub(crate) mod journal;
pub(crate) mod marking;
pub mod matching;
pub mod postgres;
pub(crate) mod publishing;
pub(crate) mod reading;
pub(crate) mod reports;
mod restore;
pub(crate) mod sources;
pub(crate) mod undoing;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteSynchronous};
use sqlx::{AssertSqlSafe, Connection, SqliteConnection};

use crate::error::{Error, Result};
use crate::render::inert as render_inert;

pub use crate::model::ClaimRow;
pub use crate::model::SourceSummary;
pub use articles::ArticleParts;
pub use audit::{Audit, Finding};
pub use bulk::BulkLoad;
pub use claims::{ClaimFilter, NewClaim, NewEvent, QuoteToVerify};
pub use create::MigrationLock;
pub use journal::{Edited, NewOperation, OperationFilter};
pub use matching::{Embedded, SeenBefore, Similar};
pub use reports::{Report, ReportRow, SourceShare};

/// The migrations compiled into this build (`build.rs` reruns when the
/// folder changes).
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

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
    /// How long a write waits for another process's lock.
    wait: Duration,
    /// Whether a transaction is open (a read inside a write uses it).
    in_transaction: bool,
    /// Whether a bulk load has set the per-row history checks aside (see
    /// [`Write::begin_bulk_load`]).
    bulk_loading: bool,
    /// The operation that the claims and events being written belong to.
    open: Option<journal::OpenOperation>,
    /// Who the journal names for changes the commands make.
    actor: String,
    /// The journal's head (id, hash, time) as this write transaction left
    /// it, once read.
    head: Option<(i64, String, Option<String>)>,
    /// The operation the next one appended undoes (see [`Store::undoing`]).
    undoing: Option<i64>,
    /// Warnings for the person at the terminal (a new source whose name
    /// looks like an existing one), printed by the command line.
    notices: Vec<String>,
    /// Claims a write logged that match earlier ones, for the command line
    /// to say (see `matching::seen_before`).
    seen_before: Vec<matching::SeenBefore>,
    /// Whether a write logged too many claims to look each one up.
    seen_before_skipped: bool,
    /// Operations a bulk load appended that are not written yet (see
    /// `Store::append`).
    deferred: Vec<crate::journal::Operation>,
    /// Articles a bulk load created that are not written yet, and the key
    /// the next one gets.
    deferred_articles: Vec<DeferredArticle>,
    next_article_key: Option<i64>,
    /// A fixed time for the journal, so that tests can record operations on
    /// different days (`as_known_on` reads operation times).
    #[cfg(test)]
    clock: Option<String>,
}

/// The database inside one write transaction ([`Store::write`]). Only it
/// carries the methods that change the database, so that "must run inside
/// a write" is a type the compiler checks, not a comment; it reads like a
/// [`Store`] (it dereferences to one), within the same transaction.
///
/// A write outside a transaction does not compile:
///
/// ```compile_fail
/// # async fn outside(store: &mut claimtrack::store::Store) {
/// store.add_source("Kremlin", claimtrack::model::SourceKind::Organization, None).await;
/// # }
/// ```
///
/// Inside one, it does:
///
/// ```
/// # async fn inside(store: &mut claimtrack::store::Store) -> claimtrack::Result<()> {
/// store
///     .write(async |w| w.add_source("Kremlin", claimtrack::model::SourceKind::Organization, None).await)
///     .await?;
/// # Ok(())
/// # }
/// ```
pub struct Write<'a> {
    store: &'a mut Store,
}

impl std::ops::Deref for Write<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.store
    }
}

impl std::ops::DerefMut for Write<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.store
    }
}

/// An article a bulk load created, waiting to be written with the next
/// batch (see `Write::insert_article`).
#[derive(Debug)]
struct DeferredArticle {
    key: i64,
    id: uuid::Uuid,
    url: String,
    title: String,
    publisher: Option<String>,
    published_on: Option<String>,
    body: Option<String>,
    created_at: String,
}

/// What a command needs of the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reading only: the file must exist, and nothing is created or written.
    Read,
    /// Reading and writing: the file is created if it does not exist.
    Write,
}

/// Where the database lives when neither `--db` nor `CLAIMS_DB` says:
/// `$XDG_DATA_HOME/claimtrack/claims.db`, else `~/.local/share/claimtrack/claims.db`.
pub fn default_path() -> Option<PathBuf> {
    Some(crate::process::data_folder()?.join("claims.db"))
}

// Pure helpers the store uses too, kept where the layers below it can
// reach them without depending on the store.
pub use crate::model::{format_timestamp, now_timestamp};
pub use crate::names::{fold_name, name_skeleton};

/// Which name fold the keys in a database were made with (`name_folding`).
const NAME_FOLDING: i64 = 1;

impl Store {
    /// Opens the database at `path` for writing, creating it if it does not
    /// exist; refuses a file that is not a claimtrack database or was
    /// written by a newer schema, and brings an older schema up to date.
    pub async fn open(path: &Path) -> Result<Store> {
        Store::open_as(path, Access::Write, BUSY_TIMEOUT).await
    }

    /// Opens an existing database for reading only: nothing is created (a
    /// mistyped path is an error, not a new empty database), and the
    /// connection cannot write, so it works on a read-only folder or mount.
    pub async fn open_read(path: &Path) -> Result<Store> {
        Store::open_as(path, Access::Read, BUSY_TIMEOUT).await
    }

    /// Opens a database file to look at it as it is (a backup before it is
    /// restored): read-only, refused if it is not a claimtrack database or
    /// is newer than this build, and never upgraded.
    pub async fn inspect(path: &Path) -> Result<Store> {
        let path = absolute(path)?;
        check_path(&path, Access::Read)?;
        let mut store = Store::connect(&path, Access::Read, BUSY_TIMEOUT).await?;
        store.check_identity().await?;
        if store.applied_version().await? == 0 {
            return Err(Error::NotClaimtrack {
                path,
                reason: "it holds no claimtrack schema".into(),
            });
        }
        Ok(store)
    }

    /// Opens with the access asked for; `wait` is how long a command waits
    /// for another process's write lock before it gives up.
    pub async fn open_as(path: &Path, access: Access, wait: Duration) -> Result<Store> {
        let path = absolute(path)?;
        check_path(&path, access)?;
        if access == Access::Write && !path.exists() {
            create::create_new(&path).await?;
        }
        let mut store = Store::connect(&path, access, wait).await?;
        store.check_identity().await?;
        if store.applied_version().await? < Self::known_schema_version() {
            store = store.upgrade(access).await?;
        }
        if access == Access::Write {
            store.journal_legacy_history().await?;
        }
        Ok(store)
    }

    /// One connection with claimtrack's settings.
    async fn connect(path: &Path, access: Access, wait: Duration) -> Result<Store> {
        // A reader that may not write the file or its folder would leave a
        // `-wal` and `-shm` of its own behind, which the owner's next write
        // then cannot use ("attempt to write a readonly database"); on a
        // read-only folder it could not open at all. With no `-wal` present
        // the file alone is the whole database, so such a reader opens it
        // as immutable: no locks, no companion files.
        let immutable = access == Access::Read
            && !companion(path, "-wal").exists()
            && !(writable(path) && writable(path.parent().unwrap_or(Path::new("."))));
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(false)
            .read_only(access == Access::Read)
            .immutable(immutable)
            .foreign_keys(true)
            .busy_timeout(wait)
            .synchronous(SqliteSynchronous::Normal)
            // Statement journals (for a multi-row INSERT that could fail
            // halfway) stay in memory instead of temporary files.
            .pragma("temp_store", "MEMORY");
        let conn = SqliteConnection::connect_with(&options)
            .await
            .map_err(|e| open_error(path, e))?;
        Ok(Store::on(conn, path.to_path_buf(), wait))
    }

    /// A store on an open connection, in its starting state.
    fn on(conn: SqliteConnection, path: PathBuf, wait: Duration) -> Store {
        Store {
            conn,
            path,
            wait,
            in_transaction: false,
            bulk_loading: false,
            open: None,
            actor: "claimtrack".into(),
            head: None,
            undoing: None,
            notices: Vec::new(),
            seen_before: Vec::new(),
            seen_before_skipped: false,
            deferred: Vec::new(),
            deferred_articles: Vec::new(),
            next_article_key: None,
            #[cfg(test)]
            clock: None,
        }
    }

    /// The time the journal records for an operation appended now.
    fn now(&self) -> String {
        #[cfg(test)]
        if let Some(clock) = &self.clock {
            return clock.clone();
        }
        now_timestamp()
    }

    /// Brings an older schema up to date, one process at a time: the first
    /// open after an upgrade of claimtrack may come from many processes at
    /// once, and two running the same migration would fail each other.
    /// A read-only open upgrades through a write connection of its own.
    async fn upgrade(self, access: Access) -> Result<Store> {
        let path = self.path.clone();
        let wait = self.wait;
        let lock = create::MigrationLock::take(&path)?;
        let mut writer = if access == Access::Write {
            self
        } else {
            self.close().await?;
            Store::connect(&path, Access::Write, wait).await.map_err(|e| Error::DatabasePath {
                path: path.clone(),
                reason: format!(
                    "its schema is older than this claimtrack's and must be upgraded, which needs write access ({e})"
                ),
            })?
        };
        // Another process may have upgraded it while this one waited.
        writer.check_identity().await?;
        if writer.applied_version().await? < Self::known_schema_version() {
            // Readers never block the writer in WAL mode; a no-op when the
            // file is in WAL mode already.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&mut writer.conn)
                .await
                .map_err(|e| open_error(&path, e))?;
            MIGRATOR.run(&mut writer.conn).await?;
            writer.refold_names().await?;
            writer.backfill_search().await?;
        }
        writer.journal_legacy_history().await?;
        drop(lock);
        if access == Access::Write {
            Ok(writer)
        } else {
            writer.close().await?;
            Store::connect(&path, Access::Read, wait).await
        }
    }

    /// A fresh in-memory database with the schema applied, for tests.
    pub async fn open_in_memory() -> Result<Store> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
        let conn = SqliteConnection::connect_with(&options).await?;
        let mut store = Store::on(conn, PathBuf::from(":memory:"), BUSY_TIMEOUT);
        MIGRATOR.run(&mut store.conn).await?;
        store.refold_names().await?;
        Ok(store)
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sets who the journal names for the changes made through this store.
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_string();
    }

    /// Who the journal names for changes made through this store.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Takes the claims found logged before (see `seen_before`).
    pub fn take_seen_before(&mut self) -> (Vec<matching::SeenBefore>, bool) {
        (
            std::mem::take(&mut self.seen_before),
            std::mem::take(&mut self.seen_before_skipped),
        )
    }

    /// Takes the warnings gathered so far (see `notices`).
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// The files that make up the database: the file and its `-wal` and
    /// `-shm` companions. No output may be written over any of them.
    pub fn files(&self) -> Vec<PathBuf> {
        vec![
            self.path.clone(),
            companion(&self.path, "-wal"),
            companion(&self.path, "-shm"),
        ]
    }

    /// Runs `body` inside one write transaction, taken with `BEGIN IMMEDIATE`:
    /// committed when it returns `Ok`, rolled back on any error.
    pub async fn write<T>(&mut self, body: impl AsyncFnOnce(&mut Write<'_>) -> Result<T>) -> Result<T> {
        // A bulk write in one transaction spills SQLite's default 2 MB page
        // cache into the WAL again and again; 64 MiB keeps the hot index
        // pages in memory. Reads keep the small default: a scan never comes
        // back to a page, and a large cache only costs it fresh allocations
        // (measured: 150 ms against 130 ms for a million-claim report).
        sqlx::query(WRITE_CACHE).execute(&mut self.conn).await?;
        self.begin_immediate().await?;
        self.in_transaction = true;
        self.head = None;
        // A claim's history is written before the claim (the database
        // refuses a claim in a state its history does not give), so the
        // events' references to their claim are checked at the commit.
        sqlx::query("PRAGMA defer_foreign_keys = ON")
            .execute(&mut self.conn)
            .await?;
        let result = match self.search_mark().await {
            Ok(mark) => {
                let mut result = body(&mut Write { store: self }).await;
                if result.is_ok()
                    && let Err(error) = self.write_deferred().await
                {
                    result = Err(error);
                }
                // The search index follows the record in the same
                // transaction (see `matching`).
                if result.is_ok()
                    && let Err(error) = (Write { store: self }).refresh_search(mark).await
                {
                    result = Err(error);
                }
                result
            }
            Err(error) => Err(error),
        };
        self.deferred.clear();
        self.deferred_articles.clear();
        self.next_article_key = None;
        self.in_transaction = false;
        self.bulk_loading = false;
        self.head = None;
        self.undoing = None;
        let unclosed = self.open.take().is_some();
        let result = match result {
            Ok(_) if unclosed => Err(Error::Internal("an operation was left open".into())),
            other => other,
        };
        match result {
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

    /// Takes the write lock. When another process holds it, says so on
    /// stderr (a silent wait looks like a hang), then waits up to the
    /// store's wait before giving up with an error that names the cause.
    async fn begin_immediate(&mut self) -> Result<()> {
        sqlx::query("PRAGMA busy_timeout = 100")
            .execute(&mut self.conn)
            .await?;
        let first = sqlx::query("BEGIN IMMEDIATE").execute(&mut self.conn).await;
        let outcome = match first {
            Err(e) if is_busy(&e) && self.wait > Duration::from_millis(100) => {
                eprintln!(
                    "claims: waiting for another claimtrack process to finish writing to {} (up to {} s; --wait SECONDS changes this)",
                    self.path.display(),
                    self.wait.as_secs()
                );
                sqlx::query(AssertSqlSafe(format!(
                    "PRAGMA busy_timeout = {}",
                    self.wait.as_millis().saturating_sub(100)
                )))
                .execute(&mut self.conn)
                .await?;
                sqlx::query("BEGIN IMMEDIATE").execute(&mut self.conn).await
            }
            other => other,
        };
        // Reads and checkpoints wait the whole time again.
        sqlx::query(AssertSqlSafe(format!(
            "PRAGMA busy_timeout = {}",
            self.wait.as_millis()
        )))
        .execute(&mut self.conn)
        .await?;
        match outcome {
            Ok(_) => Ok(()),
            Err(e) if is_busy(&e) => Err(Error::Busy {
                path: self.path.clone(),
                seconds: self.wait.as_secs(),
            }),
            Err(e) => Err(e.into()),
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

    /// Re-keys source names and aliases made with an older fold, in one
    /// transaction. Names that now fold alike are not merged: the later
    /// one keeps its old key, and each such pair is reported on stderr so
    /// that a person can merge or rename them.
    async fn refold_names(&mut self) -> Result<()> {
        let folded_with: i64 = sqlx::query_scalar("SELECT version FROM name_folding")
            .fetch_one(&mut self.conn)
            .await?;
        if folded_with >= NAME_FOLDING {
            return Ok(());
        }
        let collisions = self
            .write(async |store| {
                let names: Vec<(i64, String, String)> =
                    sqlx::query_as("SELECT id, name, name_key FROM sources ORDER BY id")
                        .fetch_all(store.conn())
                        .await?;
                let aliases: Vec<(String, String)> =
                    sqlx::query_as("SELECT alias_key, alias FROM source_aliases ORDER BY rowid")
                        .fetch_all(store.conn())
                        .await?;
                let mut taken: std::collections::HashMap<String, String> = std::collections::HashMap::new();
                let mut collisions = Vec::new();
                let mut new_names = Vec::new();
                for (id, name, old_key) in names {
                    let key = fold_name(&name);
                    let key = match taken.get(&key) {
                        Some(first) => {
                            collisions.push(format!("sources '{first}' and '{name}'"));
                            old_key
                        }
                        None => key,
                    };
                    taken.insert(key.clone(), name.clone());
                    new_names.push((id, key, name_skeleton(&name)));
                }
                let mut new_aliases = Vec::new();
                for (old_key, alias) in aliases {
                    let key = fold_name(&alias);
                    let key = match taken.get(&key) {
                        Some(first) => {
                            collisions.push(format!("'{first}' and the alias '{alias}'"));
                            old_key.clone()
                        }
                        None => key,
                    };
                    taken.insert(key.clone(), alias.clone());
                    new_aliases.push((old_key, key));
                }
                // Keys are unique: move every key out of the way first.
                sqlx::query("UPDATE sources SET name_key = char(0) || id")
                    .execute(store.conn())
                    .await?;
                sqlx::query("UPDATE source_aliases SET alias_key = char(0) || alias_key")
                    .execute(store.conn())
                    .await?;
                for (id, key, skeleton) in new_names {
                    sqlx::query("UPDATE sources SET name_key = ?, name_skeleton = ? WHERE id = ?")
                        .bind(key)
                        .bind(skeleton)
                        .bind(id)
                        .execute(store.conn())
                        .await?;
                }
                for (old_key, key) in new_aliases {
                    sqlx::query("UPDATE source_aliases SET alias_key = ? WHERE alias_key = char(0) || ?")
                        .bind(key)
                        .bind(old_key)
                        .execute(store.conn())
                        .await?;
                }
                sqlx::query("UPDATE name_folding SET version = ?")
                    .bind(NAME_FOLDING)
                    .execute(store.conn())
                    .await?;
                Ok(collisions)
            })
            .await?;
        for collision in collisions {
            eprintln!(
                "claims: warning: {} now fold to the same name (Unicode normalisation and case folding); they were kept apart: merge or rename them",
                render_inert(&collision)
            );
        }
        Ok(())
    }

    /// The newest migration applied, 0 for a file that has none yet.
    async fn applied_version(&mut self) -> Result<i64> {
        let table: i64 =
            sqlx::query_scalar("SELECT count(*) FROM sqlite_schema WHERE name = '_sqlx_migrations'")
                .fetch_one(&mut self.conn)
                .await
                .map_err(|e| open_error(&self.path, e))?;
        if table == 0 {
            return Ok(0);
        }
        self.schema_version().await
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

    /// The row count of every table claimtrack keeps, read in one snapshot,
    /// by table name: what a backup is checked against.
    pub async fn table_counts(&mut self) -> Result<Vec<(String, i64)>> {
        self.read(async |store| {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name",
            )
            .fetch_all(store.conn())
            .await?;
            let mut counts = Vec::with_capacity(tables.len());
            for table in tables {
                // Table names come from the schema, quoted as identifiers.
                let sql = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
                let count: i64 = sqlx::query_scalar(AssertSqlSafe(sql))
                    .fetch_one(store.conn())
                    .await?;
                counts.push((table, count));
            }
            Ok(counts)
        })
        .await
    }

    /// Runs `body` inside one read transaction: every query it makes sees
    /// the same snapshot of the database, whatever other processes commit
    /// meanwhile (WAL keeps the snapshot until the transaction ends).
    pub async fn read<T>(&mut self, body: impl AsyncFnOnce(&mut Store) -> Result<T>) -> Result<T> {
        if self.in_transaction {
            return body(self).await;
        }
        sqlx::query("BEGIN").execute(&mut self.conn).await?;
        self.in_transaction = true;
        // A deferred transaction takes its snapshot at the first read.
        let snapshot = sqlx::query("SELECT 1 FROM sqlite_schema LIMIT 1")
            .execute(&mut self.conn)
            .await;
        let result = match snapshot {
            Ok(_) => body(self).await,
            Err(e) => Err(e.into()),
        };
        // Ending a read transaction changes nothing; its error (if any)
        // matters less than the body's.
        self.in_transaction = false;
        let ended = sqlx::query("COMMIT").execute(&mut self.conn).await;
        let value = result?;
        ended?;
        Ok(value)
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
            // sqlx creates its bookkeeping table before the first migration
            // commits: a file holding only that was being created when its
            // process died, and is still new.
            let tables: i64 =
                sqlx::query_scalar("SELECT count(*) FROM sqlite_schema WHERE tbl_name <> '_sqlx_migrations'")
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

    pub(crate) fn conn(&mut self) -> &mut SqliteConnection {
        &mut self.conn
    }
}

/// The path made absolute, so that it is never read as an SQLite URI:
/// `file:x?mode=memory` would otherwise open a database that vanishes with
/// the process.
fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| Error::DatabasePath {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// The database's `-wal` or `-shm` file.
fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether this process may write `path` (access(2) with the real ids).
fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c_path` is a valid NUL-terminated string.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

/// Refuses paths that cannot be a database file, before SQLite gives a
/// vaguer error; for a write, creates the parent folder.
fn check_path(path: &Path, access: Access) -> Result<()> {
    let refuse = |reason: String| Error::DatabasePath {
        path: path.to_path_buf(),
        reason,
    };
    if path.is_dir() {
        return Err(refuse("it is a folder".into()));
    }
    if access == Access::Read && !path.exists() {
        return Err(Error::MissingDatabase {
            path: path.to_path_buf(),
        });
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && access == Access::Write
    {
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

/// SQLite's primary result code of a database error (the low byte of the
/// extended code).
fn primary_code(error: &sqlx::Error) -> Option<i64> {
    match error {
        sqlx::Error::Database(db) => db.code()?.parse::<i64>().ok().map(|code| code & 0xff),
        _ => None,
    }
}

/// SQLITE_BUSY: another connection holds a lock this one needs.
fn is_busy(error: &sqlx::Error) -> bool {
    primary_code(error) == Some(5)
}

/// Gives a database failure the cause a person can act on: a full disk
/// (SQLITE_FULL, or an I/O error while the disk has no room left) is named
/// as such instead of "disk I/O error (code 4874)".
pub fn explain_failure(path: &Path, error: Error) -> Error {
    let Error::Database(db) = &error else {
        return error;
    };
    match primary_code(db) {
        Some(13) => Error::DiskFull {
            path: path.to_path_buf(),
        },
        Some(10) if disk_has_no_room(path) => Error::DiskFull {
            path: path.to_path_buf(),
        },
        _ => error,
    }
}

/// Whether the folder of `path` has (almost) no free space, asked of the
/// file system with `df`'s figures through statvfs.
fn disk_has_no_room(path: &Path) -> bool {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs_free_bytes(dir).is_some_and(|free| free < 64 * 1024)
}

fn fs_free_bytes(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `c_path` is a valid NUL-terminated string and `stat` points
    // to writable memory of the right size for the call to fill.
    let rc = unsafe { libc::statvfs(c_path.as_ptr(), stat.as_mut_ptr()) };
    if rc != 0 {
        return None;
    }
    // SAFETY: statvfs returned 0, so it filled the structure.
    let stat = unsafe { stat.assume_init() };
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
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

/// The one row an id names, of those it matched (at most a handful): none
/// is "not found", several is "ambiguous", each candidate shown by
/// `describe`. The same answer on both backends, whatever they read.
pub(crate) fn the_one_named<T>(
    kind: &'static str,
    given: &str,
    mut matched: Vec<T>,
    describe: impl Fn(&T) -> String,
) -> Result<T> {
    match matched.len() {
        0 => Err(Error::NotFound {
            kind,
            given: given.to_string(),
        }),
        1 => Ok(matched.remove(0)),
        _ => Err(Error::AmbiguousId {
            kind,
            given: given.to_string(),
            candidates: matched.iter().map(describe).collect(),
        }),
    }
}

/// A claim as a candidate of an ambiguous id: its id, speaker and words.
pub(crate) fn describe_claim(claim: &crate::model::Claim) -> String {
    format!(
        "{} ({}: {})",
        claim.id,
        claim.source,
        crate::model::excerpt(&claim.text, 40)
    )
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

/// The parts that differ between two lists of named values (the same names
/// in the same order), as the `old` and `new` objects an operation records.
pub(crate) fn changed_parts<const N: usize>(
    was: [(&str, Option<String>); N],
    is: [(&str, Option<String>); N],
) -> (
    serde_json::Map<String, serde_json::Value>,
    serde_json::Map<String, serde_json::Value>,
) {
    let (mut before, mut after) = (serde_json::Map::new(), serde_json::Map::new());
    for ((name, old), (_, new)) in was.into_iter().zip(is) {
        if old != new {
            before.insert(name.into(), old.into());
            after.insert(name.into(), new.into());
        }
    }
    (before, after)
}

/// Turns off SQLite's memory-use statistics, which claimtrack never reads:
/// with them on, every allocation SQLite makes takes a global mutex.
/// Measured on 1,000,000 JSON Lines claims, in alternating runs: 19.4 and
/// 19.0 s with them, 18.3 and 18.0 s without. Must run before SQLite is
/// first used (the first thing `main` does); later calls change nothing.
pub fn skip_memory_statistics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: sqlite3_config is called once, before any connection is
        // opened (the first thing `main` does), as SQLite requires; its
        // argument for MEMSTATUS is one int.
        unsafe {
            libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int);
        }
    });
}

impl Write<'_> {
    /// Records an operation by this store's actor (see [`Write::record`]).
    pub(crate) async fn journal(
        &mut self,
        kind: &'static str,
        keys: (Option<i64>, Option<i64>, Option<i64>),
        old: Option<serde_json::Value>,
        new: Option<serde_json::Value>,
    ) -> Result<()> {
        let actor = self.actor.clone();
        self.record(NewOperation {
            kind,
            claim_key: keys.0,
            source_key: keys.1,
            article_key: keys.2,
            old,
            new,
            actor,
            ..NewOperation::default()
        })
        .await?;
        Ok(())
    }
}
