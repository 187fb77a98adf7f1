//! The team database on PostgreSQL: connecting (URL, `PGPASSWORD`,
//! `.pgpass` and `sslmode` as libpq users expect), its own migrations
//! (`migrations/postgres`), and the desk's membership (`claims team`).
//! The rules (append-only history and journal, the actor of every change
//! being the session's user, who may mark what) are the database's own:
//! triggers and grants that hold for any program that connects.
//!
//! The store's contracts (`reading`, `marking`, `journal`, `audit`, `copy`,
//! `importing`) are implemented here for PostgreSQL; the import's own, with
//! its `COPY` and bulk load, is in `importing.rs`.

use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgConnection, PgSslMode};
use sqlx::{Connection, Row};

use super::copy::{
    AliasRow, ArticleRow, COPIED_TABLES, COPY_PAGE, ClaimCopyRow, CopySink, CopySource, EventRow, Insert,
    LinkRow, OperationRow, SnapshotRow, SourceRow, SpeaksForRow, TableCounts, TagRow, copy,
};
use super::journal::OPERATION_COLUMNS_POSTGRES as OPERATION_COLUMNS;

pub(crate) mod importing;
mod matching;
pub use matching::SeenBeforeLookup;
mod publishing;
use crate::error::{Error, Result};
use crate::journal::{GENESIS, Operation};
use crate::model::Day;

/// The PostgreSQL migrations compiled into this build.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Whether `--db` names a PostgreSQL database rather than a SQLite file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// The URL with any password blanked, for messages: a password never
/// reaches output or logs.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{name}:***@{host}"),
            None => format!("{user}@{host}"),
        },
        None => authority.to_string(),
    };
    // A password may also come as a query parameter.
    let tail: String = match tail.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=***"),
                    _ => pair.to_string(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

/// A role on the desk, each holding the rights of the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TeamRole {
    /// Reads everything.
    Viewer,
    /// Logs sources, articles and claims; marks unverified or disputed.
    Checker,
    /// Every status, edits, withdrawals, merges, links.
    Editor,
    /// Adds and removes members.
    Admin,
}

impl TeamRole {
    /// The role's name.
    pub fn as_str(self) -> &'static str {
        match self {
            TeamRole::Viewer => "viewer",
            TeamRole::Checker => "checker",
            TeamRole::Editor => "editor",
            TeamRole::Admin => "admin",
        }
    }
}

/// A member of the desk.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Member {
    /// The PostgreSQL login.
    pub login: String,
    /// viewer, checker, editor or admin.
    pub role: String,
    /// The last day of the membership, if it ends.
    pub until: Option<String>,
    /// Whether the membership has run out.
    pub expired: bool,
    /// Who added the member, and when (UTC).
    pub added_by: String,
    /// When.
    pub added_at: String,
}

/// A claimtrack database on a PostgreSQL server.
pub struct TeamDatabase {
    conn: PgConnection,
    /// The URL as given, its password blanked.
    shown: String,
    /// The operation that the events being written belong to.
    open: Option<super::journal::OpenOperation>,
    /// Whether an import has set the per-row history triggers aside (see
    /// `importing`).
    bulk_loading: bool,
    /// The statement that puts the claims' unique-id constraint back, while
    /// a bulk load has it set aside (see `importing`).
    ids_unindexed: Option<String>,
    /// The statements that put back the search index's GIN index and its
    /// key to the claims, while a bulk load has them set aside until the
    /// write's refresh has written its rows (see `importing`).
    search_unindexed: Vec<String>,
    /// Inside [`TeamDatabase::write`]: the journal's head as this
    /// transaction left it (known once it appended an operation).
    head: Option<JournalHead>,
    writing: bool,
    /// Articles a bulk load logged that are not written yet, and the key
    /// the next one gets (see `importing`).
    deferred_articles: Vec<importing::DeferredArticle>,
    next_article_key: Option<i64>,
    /// The operation the next one appended undoes (`claims undo`).
    undoing: Option<i64>,
    /// Claims a write logged that match earlier ones (see
    /// `store::matching::seen_before`), for the command line to say.
    seen_before: (Vec<super::SeenBefore>, bool),
    /// Whether a [`SeenBeforeLookup`] on another connection looks up the
    /// claims this connection's writes log, so that they do not.
    seen_before_elsewhere: bool,
}

/// The journal's head in a write transaction, which holds the journal's
/// lock, so nobody else moves it: with the session's login and the
/// server's clock, appending an operation is one INSERT instead of three
/// round trips (an import of 10,000 articles appends 10,000 operations).
struct JournalHead {
    id: i64,
    hash: String,
    login: String,
    /// The server's time of the operation that set the head, and when
    /// that was here: later times are the server's, read off this clock.
    server_at: time::OffsetDateTime,
    seen: std::time::Instant,
    at: String,
}

impl JournalHead {
    /// `new` as the operation that follows this head, at the server's time
    /// read off this side's clock (never before the head's); the head moves
    /// to it.
    fn next(&mut self, new: super::NewOperation) -> Operation {
        let now = crate::model::format_timestamp(self.server_at + self.seen.elapsed());
        let operation = new.chained(
            self.id + 1,
            self.login.clone(),
            now.max(self.at.clone()),
            &self.hash,
        );
        self.id = operation.id;
        self.hash = operation.hash.clone();
        self.at = operation.at.clone();
        operation
    }

    fn after(operation: &Operation) -> Option<JournalHead> {
        let server_at =
            time::OffsetDateTime::parse(&operation.at, &time::format_description::well_known::Rfc3339)
                .ok()?;
        Some(JournalHead {
            id: operation.id,
            hash: operation.hash.clone(),
            login: operation.actor.clone(),
            server_at,
            seen: std::time::Instant::now(),
            at: operation.at.clone(),
        })
    }
}

impl TeamDatabase {
    /// Connects and applies the migrations this build carries.
    pub async fn connect(url: &str) -> Result<TeamDatabase> {
        let shown = redacted(url);
        let mut options = PgConnectOptions::from_str(url)
            .map_err(|e| {
                Error::invalid(format!(
                    "{shown} is not a PostgreSQL URL: {}",
                    redact_in(&e.to_string(), url)
                ))
            })?
            .application_name("claimtrack");
        // No JIT compilation of queries (unless the URL's `options` asks
        // for it): claimtrack's statements run in milliseconds on indexes,
        // but the planner's estimate for a correlated subquery over a few
        // thousand claims passes `jit_above_cost`, and compiling cost more
        // than running: reading back 5,000 claims' search documents took
        // 189 ms with JIT and 15 ms without (EXPLAIN ANALYZE, PostgreSQL 15).
        if !url.contains("jit") {
            options = options.options([("jit", "off")]);
        }
        // As libpq: the URL's user, else PGUSER, else the operating
        // system's name for this process's user (not $USER, which anyone
        // can set).
        if !names_user(url)
            && std::env::var_os("PGUSER").is_none()
            && let Some(login) = os_login()
        {
            options = options.username(&login);
        }
        // On this machine's loopback, unless the URL or PGSSLMODE says
        // otherwise: plain first, TLS only if the server insists (libpq's
        // `allow`, which sqlx does not implement). `prefer`, the default,
        // checks no certificate, so over loopback it protects nothing and
        // costs a handshake per command (3 to 4 ms of a 16 to 20 ms
        // `claims show` on the development machine).
        let plain_first =
            !sets_ssl_mode(url) && std::env::var_os("PGSSLMODE").is_none() && is_loopback(options.get_host());
        let connected = match plain_first {
            true => match connect_without_delay(&options.clone().ssl_mode(PgSslMode::Disable)).await {
                Err(e) if wants_encryption(&e) => connect_without_delay(&options).await,
                other => other,
            },
            false => connect_without_delay(&options).await,
        };
        let mut conn = connected.map_err(|e| Error::Server {
            url: shown.clone(),
            // The server's own sentence, without the driver's wrapping.
            reason: redact_in(
                &e.as_database_error()
                    .map_or_else(|| e.to_string(), |d| d.message().to_string()),
                url,
            ),
        })?;
        migrate(&mut conn, &shown).await?;
        Ok(TeamDatabase {
            conn,
            shown,
            open: None,
            bulk_loading: false,
            ids_unindexed: None,
            search_unindexed: Vec::new(),
            head: None,
            writing: false,
            deferred_articles: Vec::new(),
            next_article_key: None,
            undoing: None,
            seen_before: (Vec::new(), false),
            seen_before_elsewhere: false,
        })
    }

    /// The URL, password blanked.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// The database's name and the session's user.
    pub async fn identity(&mut self) -> Result<(String, String)> {
        let row = sqlx::query("SELECT current_database()::text, session_user::text")
            .fetch_one(&mut self.conn)
            .await?;
        Ok((row.try_get(0)?, row.try_get(1)?))
    }

    /// Sets the desk up: the four roles and their rights (`team init`).
    /// Returns the roles' names.
    pub async fn init_team(&mut self) -> Result<Vec<String>> {
        self.in_transaction(async |conn| {
            sqlx::query("SELECT claimtrack_team_init()").execute(&mut *conn).await?;
            sqlx::query("SELECT claimtrack_grant_search()").execute(&mut *conn).await?;
            append(conn, "team.init", None, None).await?;
            let roles = sqlx::query_scalar(
                "SELECT claimtrack_role(kind) FROM unnest(ARRAY['viewer', 'checker', 'editor', 'admin']) AS kind",
            )
            .fetch_all(&mut *conn)
            .await?;
            Ok(roles)
        })
        .await
    }

    /// Makes `login` a member in `role`, until `until` if given.
    pub async fn add_member(&mut self, login: &str, role: TeamRole, until: Option<Day>) -> Result<()> {
        self.in_transaction(async |conn| {
            let until = until.map(|d| d.to_string());
            sqlx::query("SELECT claimtrack_team_add($1, $2, $3)")
                .bind(login)
                .bind(role.as_str())
                .bind(&until)
                .execute(&mut *conn)
                .await?;
            let new = serde_json::json!({ "login": login, "role": role.as_str(), "until": until });
            append(conn, "team.add", None, Some(new)).await?;
            Ok(())
        })
        .await
    }

    /// Takes `login` off the desk; returns the role it had.
    pub async fn remove_member(&mut self, login: &str) -> Result<String> {
        self.in_transaction(async |conn| {
            let role: String = sqlx::query_scalar("SELECT claimtrack_team_remove($1)")
                .bind(login)
                .fetch_one(&mut *conn)
                .await?;
            let old = serde_json::json!({ "login": login, "role": role });
            append(conn, "team.remove", Some(old), None).await?;
            Ok(role)
        })
        .await
    }

    /// The desk's members, by login.
    pub async fn members(&mut self) -> Result<Vec<Member>> {
        let rows = sqlx::query(
            "SELECT login, role, until::text, coalesce(until < to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'), false),
                    added_by, added_at::text
             FROM team_members ORDER BY login",
        )
        .fetch_all(&mut self.conn)
        .await
        .map_err(refused)?;
        rows.iter()
            .map(|row| {
                Ok(Member {
                    login: row.try_get(0)?,
                    role: row.try_get(1)?,
                    until: row.try_get(2)?,
                    expired: row.try_get(3)?,
                    added_by: row.try_get(4)?,
                    added_at: row.try_get(5)?,
                })
            })
            .collect()
    }

    /// Whether `team init` has run.
    pub async fn has_team(&mut self) -> Result<bool> {
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM team)")
            .fetch_one(&mut self.conn)
            .await
            .map_err(refused)
    }

    /// Runs `body` in one transaction: committed when it returns `Ok`,
    /// rolled back otherwise (and when the command is interrupted).
    async fn in_transaction<T>(
        &mut self,
        body: impl AsyncFnOnce(&mut PgConnection) -> Result<T>,
    ) -> Result<T> {
        let mut tx = self.conn.begin().await?;
        match body(&mut tx).await {
            Ok(value) => {
                tx.commit().await.map_err(refused)?;
                Ok(value)
            }
            Err(Error::Database(e)) => Err(refused(e)),
            Err(other) => Err(other),
        }
    }

    /// Appends `new` to the journal under the session's user at the
    /// server's time; inside a write, from the head it keeps.
    async fn record_operation(&mut self, mut new: super::NewOperation) -> Result<Operation> {
        new.undoes = new.undoes.or(self.undoing.take());
        let Some(head) = self.head.as_mut() else {
            let operation = append_operation(&mut self.conn, new).await?;
            if self.writing {
                self.head = JournalHead::after(&operation);
            }
            return Ok(operation);
        };
        let operation = head.next(new);
        insert_operation(&mut self.conn, &operation).await?;
        Ok(operation)
    }

    /// Appends several operations in order, as [`Self::record_operation`]
    /// does one: the first (when the head is not known yet) on its own,
    /// the rest chained here and written by one INSERT.
    async fn record_operations(&mut self, mut news: Vec<super::NewOperation>) -> Result<()> {
        if news.is_empty() {
            return Ok(());
        }
        if self.head.is_none() {
            let first = news.remove(0);
            self.record_operation(first).await?;
        }
        let Some(head) = self.head.as_mut() else {
            // Outside a write: one at a time.
            for new in news {
                self.record_operation(new).await?;
            }
            return Ok(());
        };
        let operations: Vec<Operation> = news.into_iter().map(|new| head.next(new)).collect();
        let o = &operations;
        sqlx::query(
            "INSERT INTO operations (id, kind, claim_id, source_id, article_id, old, new, note, actor, at, undoes, hash)
             SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[],
                                  $8::text[], $9::text[], $10::text[], $11::bigint[], $12::text[])
             ORDER BY 1",
        )
        .bind(o.iter().map(|o| o.id).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.kind.as_str()).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.claim_key).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.source_key).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.article_key).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.old.as_ref().map(|v| v.to_string())).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.new.as_ref().map(|v| v.to_string())).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.note.as_deref()).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.actor.as_str()).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.at.as_str()).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.undoes).collect::<Vec<_>>())
        .bind(o.iter().map(|o| o.hash.as_str()).collect::<Vec<_>>())
        .execute(&mut self.conn)
        .await?;
        Ok(())
    }

    /// Appends an operation for a change the caller then makes (see
    /// `store::correcting`).
    pub(crate) async fn record_change(&mut self, new: super::NewOperation) -> Result<Operation> {
        self.record_operation(new).await
    }

    /// The session login's latest operation of one of `kinds` that nothing
    /// undid yet.
    pub(crate) async fn last_undoable_of_session(&mut self, kinds: &[&str]) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT o.id FROM operations o
             WHERE o.undoes IS NULL AND o.actor = session_user AND o.kind = ANY($1)
               AND NOT EXISTS (SELECT 1 FROM operations u WHERE u.undoes = o.id)
             ORDER BY o.id DESC LIMIT 1",
        )
        .bind(kinds)
        .fetch_optional(&mut self.conn)
        .await?)
    }

    /// Operation `id`, and whether a later operation undid it.
    pub(crate) async fn operation_and_undoing(&mut self, id: i64) -> Result<Option<(Operation, bool)>> {
        let Some(operation) = operations_after(&mut self.conn, id - 1, 1)
            .await?
            .into_iter()
            .find(|o| o.id == id)
        else {
            return Ok(None);
        };
        let undone: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM operations WHERE undoes = $1)")
            .bind(id)
            .fetch_one(&mut self.conn)
            .await?;
        Ok(Some((operation, undone)))
    }

    /// Marks the next operation appended as the undoing of operation `id`.
    pub(crate) fn mark_undoing(&mut self, id: i64) {
        self.undoing = Some(id);
    }

    /// Gives a source its new name (after its operation): the new name
    /// stops being one of its aliases, the old one becomes one if kept.
    pub(crate) async fn rename_source_rows(
        &mut self,
        source: &crate::model::Source,
        new_name: &str,
        keep_alias: bool,
    ) -> Result<()> {
        let key = crate::names::fold_name(new_name);
        sqlx::query("DELETE FROM source_aliases WHERE alias_key = $1 AND source_id = $2")
            .bind(&key)
            .bind(source.key)
            .execute(&mut self.conn)
            .await?;
        sqlx::query("UPDATE sources SET name = $1, name_key = $2, name_skeleton = $3 WHERE id = $4")
            .bind(new_name)
            .bind(&key)
            .bind(crate::names::name_skeleton(new_name))
            .bind(source.key)
            .execute(&mut self.conn)
            .await?;
        if keep_alias && crate::names::fold_name(&source.name) != key {
            sqlx::query("INSERT INTO source_aliases (alias_key, alias, source_id) VALUES ($1, $2, $3)")
                .bind(crate::names::fold_name(&source.name))
                .bind(&source.name)
                .bind(source.key)
                .execute(&mut self.conn)
                .await?;
        }
        Ok(())
    }

    /// The keys of a source's claims, in order.
    pub(crate) async fn claim_keys_of_source(&mut self, key: i64) -> Result<Vec<i64>> {
        Ok(
            sqlx::query_scalar("SELECT id FROM claims WHERE source_id = $1 ORDER BY id")
                .bind(key)
                .fetch_all(&mut self.conn)
                .await?,
        )
    }

    /// Moves a duplicate source's claims, roles and aliases to `keep` and
    /// deletes it, its name kept as an alias (after the merge's operation,
    /// which the claims' trigger looks for).
    pub(crate) async fn merge_source_rows(
        &mut self,
        duplicate: &crate::model::Source,
        keep: i64,
    ) -> Result<()> {
        // Roles between the two would be a source's own: gone.
        for sql in [
            "UPDATE claims SET source_id = $2 WHERE source_id = $1",
            "DELETE FROM speaks_for WHERE (speaker_id = $1 AND org_id = $2) OR (speaker_id = $2 AND org_id = $1)",
            "INSERT INTO speaks_for (speaker_id, org_id, role, since, until)
             SELECT $2, org_id, role, since, until FROM speaks_for WHERE speaker_id = $1 ON CONFLICT DO NOTHING",
            "INSERT INTO speaks_for (speaker_id, org_id, role, since, until)
             SELECT speaker_id, $2, role, since, until FROM speaks_for WHERE org_id = $1 ON CONFLICT DO NOTHING",
            "DELETE FROM speaks_for WHERE speaker_id = $1 OR org_id = $1",
            "UPDATE source_aliases SET source_id = $2 WHERE source_id = $1",
            "DELETE FROM sources WHERE id = $1",
        ] {
            sqlx::query(sql)
                .bind(duplicate.key)
                .bind(keep)
                .execute(&mut self.conn)
                .await?;
        }
        sqlx::query("INSERT INTO source_aliases (alias_key, alias, source_id) VALUES ($1, $2, $3)")
            .bind(crate::names::fold_name(&duplicate.name))
            .bind(&duplicate.name)
            .bind(keep)
            .execute(&mut self.conn)
            .await?;
        Ok(())
    }

    /// How many claims name a source.
    pub(crate) async fn claims_of_source(&mut self, key: i64) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT count(*) FROM claims WHERE source_id = $1")
                .bind(key)
                .fetch_one(&mut self.conn)
                .await?,
        )
    }

    /// Deletes a source with its roles and aliases (after its operation).
    pub(crate) async fn delete_source_rows(&mut self, key: i64) -> Result<()> {
        for sql in [
            "DELETE FROM speaks_for WHERE speaker_id = $1 OR org_id = $1",
            "DELETE FROM source_aliases WHERE source_id = $1",
            "DELETE FROM sources WHERE id = $1",
        ] {
            sqlx::query(sql).bind(key).execute(&mut self.conn).await?;
        }
        Ok(())
    }

    /// Who made the link `from relation to`, and when, if it is there.
    pub(crate) async fn link_of(
        &mut self,
        from: i64,
        relation: crate::model::Relation,
        to: i64,
    ) -> Result<Option<(String, String)>> {
        Ok(sqlx::query_as(
            "SELECT actor, created_at::text FROM claim_links WHERE from_claim = $1 AND relation = $2 AND to_claim = $3",
        )
        .bind(from)
        .bind(relation.as_str())
        .bind(to)
        .fetch_optional(&mut self.conn)
        .await?)
    }

    /// Deletes the link `from relation to` (after its operation).
    pub(crate) async fn delete_link(
        &mut self,
        from: i64,
        relation: crate::model::Relation,
        to: i64,
    ) -> Result<()> {
        sqlx::query("DELETE FROM claim_links WHERE from_claim = $1 AND relation = $2 AND to_claim = $3")
            .bind(from)
            .bind(relation.as_str())
            .bind(to)
            .execute(&mut self.conn)
            .await?;
        Ok(())
    }

    /// The source `given` names (its name or an alias, folded) with its
    /// name, in one statement: each statement a command sends costs a new
    /// session a parse and a plan, and `add` and `list --by` start with this.
    async fn source_and_name(&mut self, given: &str) -> Result<(i64, String)> {
        let found: Option<(i64, String)> = sqlx::query_as(
            "SELECT s.id, s.name FROM sources s
             WHERE s.id = (SELECT id FROM sources WHERE name_key = $1
                           UNION ALL SELECT source_id FROM source_aliases WHERE alias_key = $1 LIMIT 1)",
        )
        .bind(crate::names::fold_name(given))
        .fetch_optional(&mut self.conn)
        .await?;
        match found {
            Some(source) => Ok(source),
            // No such source: the lookup that says so, with the names
            // closest to the one given (or finds one made meanwhile).
            None => {
                let key = super::journal::JournalReader::source_key(self, given).await?;
                let name = sqlx::query_scalar("SELECT name FROM sources WHERE id = $1")
                    .bind(key)
                    .fetch_one(&mut self.conn)
                    .await?;
                Ok((key, name))
            }
        }
    }

    /// Whether the database holds nothing a copy could collide with.
    pub(crate) async fn is_empty_for_copy(&mut self) -> Result<bool> {
        sqlx::query_scalar(
            "SELECT NOT EXISTS (SELECT 1 FROM operations) AND NOT EXISTS (SELECT 1 FROM sources)
                AND NOT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM status_events)",
        )
        .fetch_one(&mut self.conn)
        .await
        .map_err(refused)
    }

    /// Copies every row of `source` into this database, which must be
    /// empty, in one transaction.
    pub(crate) async fn receive_copy(&mut self, source: &mut impl CopySource) -> Result<TableCounts> {
        // The owner's copy into an empty database is a bulk load, as an
        // import into one is (see `importing`): every row through `COPY`,
        // the history rules checked set-wise before the commit. A copy the
        // bulk load does not take goes row by row through the rules.
        let counts = self
            .write(
                async |db| match super::importing::Importing::begin_bulk_load(db).await? {
                    Some(bulk) => {
                        let mut sink = importing::BulkSink::new(db);
                        let counts = copy(source, &mut sink).await?;
                        sink.flush().await?;
                        sink.move_claims_along_their_history().await?;
                        super::importing::Importing::finish_bulk_load(sink.db, bulk).await?;
                        Ok(counts)
                    }
                    None => copy(source, &mut PgSink { conn: &mut db.conn }).await,
                },
            )
            .await?;
        // Fresh statistics, so that the first queries on the copy are
        // planned for its size.
        sqlx::query("ANALYZE")
            .execute(&mut self.conn)
            .await
            .map_err(refused)?;
        Ok(counts)
    }

    /// Runs `body` in one write transaction: the journal's lock is taken
    /// first (one writer appends at a time), everything commits when `body`
    /// returns `Ok` and nothing does otherwise.
    pub(crate) async fn write<T>(
        &mut self,
        body: impl AsyncFnOnce(&mut TeamDatabase) -> Result<T>,
    ) -> Result<T> {
        sqlx::query("BEGIN").execute(&mut self.conn).await?;
        let locked = sqlx::query("SELECT pg_advisory_xact_lock(hashtext('claimtrack journal'))")
            .execute(&mut self.conn)
            .await;
        (self.head, self.writing, self.undoing) = (None, true, None);
        // Nothing of an earlier write that failed carries over.
        (self.bulk_loading, self.ids_unindexed) = (false, None);
        self.search_unindexed.clear();
        self.deferred_articles.clear();
        self.next_article_key = None;
        let result = match locked {
            Ok(_) => match matching::search_mark(self).await {
                Ok(mark) => match body(self).await {
                    // The search index follows the record in the same
                    // transaction.
                    Ok(value) => match matching::refresh_search(self, mark).await {
                        Ok(found) => {
                            self.seen_before = found;
                            Ok(value)
                        }
                        Err(error) => Err(error),
                    },
                    Err(error) => Err(error),
                },
                Err(error) => Err(error),
            },
            Err(e) => Err(e.into()),
        };
        (self.head, self.writing) = (None, false);
        let unwritten = !std::mem::take(&mut self.deferred_articles).is_empty();
        let result = match result {
            Ok(_) if unwritten => Err(Error::Internal(
                "articles of a bulk load were left unwritten".into(),
            )),
            other => other,
        };
        let unclosed = self.open.take().is_some();
        let result = match result {
            Ok(_) if unclosed => Err(Error::Internal("an operation was left open".into())),
            other => other,
        };
        match result {
            Ok(value) => {
                sqlx::query("COMMIT")
                    .execute(&mut self.conn)
                    .await
                    .map_err(refused)?;
                Ok(value)
            }
            Err(error) => {
                let _ = sqlx::query("ROLLBACK").execute(&mut self.conn).await;
                Err(match error {
                    Error::Database(e) => refused(e),
                    other => other,
                })
            }
        }
    }

    /// Takes the claims the last write logged that were seen before.
    pub fn take_seen_before(&mut self) -> (Vec<super::SeenBefore>, bool) {
        std::mem::take(&mut self.seen_before)
    }

    /// Runs `body` on one consistent snapshot of this database (a copy's
    /// source).
    pub(crate) async fn snapshot<T>(
        &mut self,
        body: impl AsyncFnOnce(&mut TeamDatabase) -> Result<T>,
    ) -> Result<T> {
        // Without parameters or rows, in the simple protocol: one round
        // trip each instead of a prepare and an execute.
        sqlx::raw_sql("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .execute(&mut self.conn)
            .await?;
        let result = body(self).await;
        let ended = sqlx::raw_sql("COMMIT").execute(&mut self.conn).await;
        let value = result?;
        ended?;
        Ok(value)
    }

    /// The journal's head: the latest operation's id and hash, recomputed
    /// from every operation in order. A break in the chain is an error
    /// naming the first operation that does not follow.
    pub async fn recomputed_head(&mut self) -> Result<(i64, String)> {
        let mut previous = GENESIS.to_string();
        let mut last = 0;
        loop {
            let batch = operations_after(&mut self.conn, last, 5000).await?;
            if batch.is_empty() {
                return Ok((last, previous));
            }
            for operation in batch {
                if operation.id != last + 1 || operation.chained_hash(&previous) != operation.hash {
                    return Err(Error::Verification(format!(
                        "the journal's chain breaks at operation {}",
                        operation.id
                    )));
                }
                last = operation.id;
                previous = operation.hash;
            }
        }
    }

    /// The whole-database check behind `claims verify` (the same as on
    /// SQLite), over one snapshot.
    pub async fn audit(&mut self, extends: Option<&str>) -> Result<super::Audit> {
        sqlx::raw_sql("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .execute(&mut self.conn)
            .await?;
        let audit = super::audit::audit(self, extends).await;
        let ended = sqlx::raw_sql("COMMIT").execute(&mut self.conn).await;
        let audit = audit.map_err(|e| match e {
            Error::Database(e) => refused(e),
            other => other,
        })?;
        ended?;
        Ok(audit)
    }

    /// Every claim with a quote whose article has a snapshot, with its anchor.
    pub async fn quotes_to_verify(&mut self) -> Result<Vec<super::QuoteToVerify>> {
        let rows = sqlx::query(
            "SELECT c.id, c.uuid, s.name, c.quote, a.url,
                    CASE WHEN c.snapshot_id IS NULL THEN a.body ELSE p.body END,
                    c.quote_start, c.quote_end, c.quote_prefix, c.quote_suffix
             FROM claims c JOIN articles a ON a.id = c.article_id JOIN sources s ON s.id = c.source_id
                  LEFT JOIN article_snapshots p ON p.id = c.snapshot_id
             WHERE c.quote IS NOT NULL AND (a.body IS NOT NULL OR c.snapshot_id IS NOT NULL)
             ORDER BY a.url, c.id",
        )
        .fetch_all(&mut self.conn)
        .await
        .map_err(refused)?;
        rows.iter()
            .map(|row| {
                let (start, end): (Option<i64>, Option<i64>) = (row.try_get(6)?, row.try_get(7)?);
                let anchor = match (start, end) {
                    (Some(start), Some(end)) => Some(crate::anchor::QuoteAnchor {
                        start: start as usize,
                        end: end as usize,
                        prefix: row.try_get::<Option<String>, _>(8)?.unwrap_or_default(),
                        suffix: row.try_get::<Option<String>, _>(9)?.unwrap_or_default(),
                    }),
                    _ => None,
                };
                Ok(super::QuoteToVerify {
                    key: row.try_get(0)?,
                    id: row.try_get(1)?,
                    source: row.try_get(2)?,
                    quote: row.try_get(3)?,
                    article_url: row.try_get(4)?,
                    body: row.try_get(5)?,
                    anchor,
                })
            })
            .collect()
    }

    /// Closes the connection cleanly.
    pub async fn close(self) -> Result<()> {
        self.conn.close().await?;
        Ok(())
    }
}

/// Brings the schema up to this build's. Members have no right to change
/// the schema (only its owner has), so a database that is up to date is
/// left alone, and one that is not says who must upgrade it.
async fn migrate(conn: &mut PgConnection, shown: &str) -> Result<()> {
    let latest = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    // One statement on every connection: a database that never saw
    // claimtrack has no such table (undefined_table), outside any
    // transaction, so the failure costs nothing.
    let applied: Option<i64> = match sqlx::query_scalar(
        "SELECT coalesce(max(version), 0) FROM _sqlx_migrations WHERE success",
    )
    .fetch_one(&mut *conn)
    .await
    {
        Ok(applied) => Some(applied),
        Err(e) => match e.as_database_error().and_then(|d| d.code()).as_deref() {
            Some("42P01") => None,
            // Every role of the desk reads the schema's version: whoever
            // may not is on no team of this database.
            Some("42501") => {
                let login: String = sqlx::query_scalar("SELECT session_user::text")
                    .fetch_one(&mut *conn)
                    .await?;
                return Err(Error::Refused(format!(
                    "{login} is not a member of the team of {shown}: an admin of the desk adds members with `claims team add {login} --role ROLE` (a database without a team is its owner's alone; `claims team init` sets one up)"
                )));
            }
            _ => return Err(refused(e)),
        },
    };
    match applied {
        Some(applied) if applied == latest => return Ok(()),
        Some(applied) if applied > latest => {
            return Err(Error::invalid(format!(
                "{shown} was set up by a newer claimtrack (schema version {applied}; this build knows up to {latest}); upgrade claimtrack to use it"
            )));
        }
        _ => {}
    }
    // One migrator at a time, even when two people open a new database.
    sqlx::query("SELECT pg_advisory_lock(hashtext('claimtrack migrations'))")
        .execute(&mut *conn)
        .await?;
    let migrated = MIGRATOR.run(&mut *conn).await;
    sqlx::query("SELECT pg_advisory_unlock(hashtext('claimtrack migrations'))")
        .execute(&mut *conn)
        .await?;
    migrated.map_err(|e| match e {
        sqlx::migrate::MigrateError::Execute(inner) => match refused(inner) {
            Error::Refused(_) => Error::Refused(format!(
                "{shown} needs its schema set up or upgraded, which only its owner may do: run a claims command there as the owner"
            )),
            other => other,
        },
        other => Error::Migrate(other),
    })
}

/// The triggers that hold the rules on PostgreSQL; a missing or disabled
/// one is a finding of `verify`.
const GUARDS: &[&str] = &[
    "operations_no_update",
    "operations_no_delete",
    "operations_no_truncate",
    "operations_append_in_order",
    "status_events_no_update",
    "status_events_no_delete",
    "status_events_no_truncate",
    "status_events_continue_history",
    "status_events_move_claim",
    "article_snapshots_no_update",
    "article_snapshots_no_delete",
    "article_snapshots_no_truncate",
    "claims_no_truncate",
    "claims_no_delete",
    "claims_follow_history",
    "sources_no_truncate",
    "sources_id_fixed",
    "sources_name_not_an_alias",
    "source_aliases_not_a_name",
    "articles_no_truncate",
    "articles_identity_fixed",
    "claim_tags_no_truncate",
    "claim_links_no_truncate",
];

/// Operations after id `after`, in id order, at most `limit`.
async fn operations_after(conn: &mut PgConnection, after: i64, limit: i64) -> Result<Vec<Operation>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {OPERATION_COLUMNS} FROM operations WHERE id > $1 ORDER BY id LIMIT $2"
    )))
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await
    .map_err(refused)?;
    rows.iter().map(operation_from_row).collect()
}

fn operation_from_row(row: &sqlx::postgres::PgRow) -> Result<Operation> {
    let json = |i: usize| -> Result<Option<serde_json::Value>> {
        let text: Option<String> = row.try_get(i)?;
        text.map(|t| serde_json::from_str(&t))
            .transpose()
            .map_err(|e| Error::Verification(format!("an operation's values are not JSON: {e}")))
    };
    Ok(Operation {
        id: row.try_get(0)?,
        kind: row.try_get(1)?,
        claim_key: row.try_get(2)?,
        source_key: row.try_get(3)?,
        article_key: row.try_get(4)?,
        old: json(5)?,
        new: json(6)?,
        note: row.try_get(7)?,
        actor: row.try_get(8)?,
        at: row.try_get(9)?,
        undoes: row.try_get(10)?,
        hash: row.try_get(11)?,
    })
}

/// The PostgreSQL side of marking: the event and its operation carry the
/// session's user and the server's time (the database checks both).
impl super::marking::Marking for TeamDatabase {
    async fn claim_to_mark(&mut self, given: &str) -> Result<crate::model::Claim> {
        super::reading::Reading::claim_named(self, given).await
    }

    async fn history_of(&mut self, claim_key: i64) -> Result<Vec<crate::model::StatusEvent>> {
        super::reading::Reading::claim_history(self, claim_key).await
    }

    async fn open(&mut self) -> Result<()> {
        if self.open.is_some() {
            return Err(Error::Internal("an operation opened twice".into()));
        }
        let last: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM operations")
            .fetch_one(&mut self.conn)
            .await?;
        self.open = Some(super::journal::OpenOperation::new(last + 1));
        Ok(())
    }

    async fn append(&mut self, claim_key: i64, event: &super::NewEvent) -> Result<crate::model::StatusEvent> {
        let Some(open) = self.open.as_ref().map(|o| o.id) else {
            return Err(Error::Internal("no operation is open".into()));
        };
        let (current, last_at, actor, now): (String, Option<String>, String, String) = sqlx::query_as(
            "SELECT status::text, (SELECT at::text FROM status_events WHERE claim_id = claims.id ORDER BY id DESC LIMIT 1),
                    session_user::text, claimtrack_now()
             FROM claims WHERE id = $1",
        )
        .bind(claim_key)
        .fetch_one(&mut self.conn)
        .await?;
        let from: crate::model::Status = current.parse()?;
        let mut event = event.clone();
        event.actor = actor;
        event.at = last_at.filter(|last| *last > now).unwrap_or(now);
        let evidence = super::claims::evidence_text(&event.evidence);
        let id: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM status_events")
            .fetch_one(&mut self.conn)
            .await?;
        insert_event(&mut self.conn, id, claim_key, Some(from), &event, &evidence, open).await?;
        let record = super::claims::event_record(claim_key, Some(from), &event, &evidence);
        if let Some(open) = self.open.as_mut() {
            open.events.add(&record);
        }
        super::reading::Reading::claim_history(self, claim_key)
            .await?
            .pop()
            .ok_or_else(|| Error::Internal("an event was just appended".into()))
    }

    async fn set_withdrawn_state(
        &mut self,
        claim: &crate::model::Claim,
        withdrawn: bool,
        note: Option<String>,
        _actor: &str,
    ) -> Result<Operation> {
        let current: Option<String> =
            sqlx::query_scalar("SELECT withdrawn_at::text FROM claims WHERE id = $1")
                .bind(claim.key)
                .fetch_one(&mut self.conn)
                .await?;
        if current.is_some() == withdrawn {
            return Err(Error::invalid(format!(
                "claim {} is {} withdrawn",
                crate::model::short_id(&claim.id),
                if withdrawn { "already" } else { "not" }
            )));
        }
        let operation = self
            .record_operation(super::NewOperation {
                kind: if withdrawn {
                    "claim.withdraw"
                } else {
                    "claim.reinstate"
                },
                claim_key: Some(claim.key),
                old: Some(serde_json::json!({ "withdrawn": current.is_some() })),
                new: Some(serde_json::json!({ "withdrawn": withdrawn })),
                note,
                ..super::NewOperation::default()
            })
            .await?;
        // The operation's own time is the withdrawal's: one clock for both.
        sqlx::query("UPDATE claims SET withdrawn_at = $1 WHERE id = $2")
            .bind(withdrawn.then(|| operation.at.clone()))
            .bind(claim.key)
            .execute(&mut self.conn)
            .await?;
        Ok(operation)
    }

    async fn close(&mut self, operation: super::NewOperation) -> Result<Operation> {
        let open = self
            .open
            .take()
            .ok_or_else(|| Error::Internal("no operation is open".into()))?;
        let operation = open.close(operation);
        let appended = self.record_operation(operation).await?;
        if appended.id != open.id {
            return Err(Error::Internal(
                "the journal moved while an operation was open".into(),
            ));
        }
        Ok(appended)
    }
}

/// The PostgreSQL side of logging a claim: its first event and its
/// operation carry the session's user and the server's time.
impl super::marking::Adding for TeamDatabase {
    async fn source_for(
        &mut self,
        name: &str,
        new_kind: Option<crate::model::SourceKind>,
    ) -> Result<(i64, String)> {
        let found = self.source_and_name(name).await;
        match (found, new_kind) {
            (Ok(source), _) => Ok(source),
            (Err(Error::UnknownSource { .. }), Some(kind)) => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(Error::invalid("a source name cannot be empty"));
                }
                let key: i64 = sqlx::query_scalar(
                    "INSERT INTO sources (id, name, name_key, name_skeleton, kind, created_at)
                     VALUES ((SELECT coalesce(max(id), 0) + 1 FROM sources), $1, $2, $3, $4, claimtrack_now())
                     RETURNING id",
                )
                .bind(name)
                .bind(crate::names::fold_name(name))
                .bind(crate::names::name_skeleton(name))
                .bind(kind.as_str())
                .fetch_one(&mut self.conn)
                .await?;
                self.record_operation(super::NewOperation {
                    kind: "source.create",
                    source_key: Some(key),
                    new: Some(serde_json::json!({
                        "name": name, "kind": kind.as_str(), "description": null,
                        "job": null, "party": null, "region": null,
                    })),
                    ..super::NewOperation::default()
                })
                .await?;
                Ok((key, name.to_string()))
            }
            (Err(error), _) => Err(error),
        }
    }

    async fn article_for(&mut self, given: &str) -> Result<(i64, Option<String>)> {
        let key = super::reading::Reading::article_key(self, given).await?;
        let body = super::reading::Reading::article_body_of(self, key).await?;
        Ok((key, body))
    }

    async fn duplicate_of(
        &mut self,
        source_key: i64,
        article_key: Option<i64>,
        said_on: Option<crate::model::Day>,
        text: &str,
    ) -> Result<Option<uuid::Uuid>> {
        Ok(sqlx::query_scalar(
            "SELECT uuid FROM claims WHERE source_id = $1 AND article_id IS NOT DISTINCT FROM $2
               AND said_on IS NOT DISTINCT FROM $3 AND text = $4 LIMIT 1",
        )
        .bind(source_key)
        .bind(article_key)
        .bind(said_on.map(|d| d.to_string()))
        .bind(text.trim())
        .fetch_optional(&mut self.conn)
        .await?)
    }

    async fn short_id_in_use(&mut self, id: &uuid::Uuid) -> Result<bool> {
        Ok(
            sqlx::query_scalar::<_, i32>("SELECT 1 FROM claims WHERE short_id = $1 LIMIT 1")
                .bind(crate::model::short_id(id))
                .fetch_optional(&mut self.conn)
                .await?
                .is_some(),
        )
    }

    async fn create_claim(
        &mut self,
        claim: super::NewClaim,
        operation: super::NewOperation,
    ) -> Result<Operation> {
        let [first] = <[super::NewEvent; 1]>::try_from(claim.history.clone())
            .map_err(|_| Error::Internal("a claim logged by hand has one event".into()))?;
        let (actor, now, operation_id, event_id, key): (String, String, i64, i64, i64) = sqlx::query_as(
            "SELECT session_user::text, claimtrack_now(),
                    (SELECT coalesce(max(id), 0) + 1 FROM operations),
                    (SELECT coalesce(max(id), 0) + 1 FROM status_events),
                    (SELECT coalesce(max(id), 0) + 1 FROM claims)",
        )
        .fetch_one(&mut self.conn)
        .await?;
        let mut open = super::journal::OpenOperation::new(operation_id);
        let event = super::NewEvent {
            actor,
            at: now,
            ..first
        };
        let evidence = super::claims::evidence_text(&event.evidence);
        insert_event(
            &mut self.conn,
            event_id,
            key,
            None,
            &event,
            &evidence,
            operation_id,
        )
        .await?;
        let text = claim.text.trim().to_string();
        let said_on = claim.said_on.map(|d| d.to_string());
        let anchor = claim.anchor.as_ref();
        sqlx::query(
            "INSERT INTO claims (id, uuid, article_id, source_id, text, quote, said_on, status, rating, created_at, updated_at,
                                 quote_start, quote_end, quote_prefix, quote_suffix, origin, language)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14, $15, $16)",
        )
        .bind(key)
        .bind(claim.id)
        .bind(claim.article_key)
        .bind(claim.source_key)
        .bind(&text)
        .bind(&claim.quote)
        .bind(&said_on)
        .bind(event.to.as_str())
        .bind(&event.rating)
        .bind(&event.at)
        .bind(anchor.map(|a| a.start as i64))
        .bind(anchor.map(|a| a.end as i64))
        .bind(anchor.map(|a| a.prefix.clone()))
        .bind(anchor.map(|a| a.suffix.clone()))
        .bind(&claim.origin)
        .bind(&claim.language)
        .execute(&mut self.conn)
        .await?;
        // The tags as the database keeps them: trimmed, once each in any
        // ASCII case; the digest holds them sorted by their bytes.
        let mut tags: Vec<String> = Vec::new();
        for tag in &claim.tags {
            let tag = tag.trim().to_string();
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
        for tag in &tags {
            sqlx::query("INSERT INTO claim_tags (claim_id, tag) VALUES ($1, $2)")
                .bind(key)
                .bind(tag)
                .execute(&mut self.conn)
                .await?;
        }
        let mut sorted: Vec<&str> = tags.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        let id = claim.id.hyphenated().to_string();
        open.claims.add(&crate::journal::ClaimRecordRef {
            id: &id,
            source: claim.source_key,
            article: claim.article_key,
            text: &text,
            quote: claim.quote.as_deref(),
            said_on: said_on.as_deref(),
            tags: &sorted,
            language: claim.language.as_deref(),
        });
        open.events
            .add(&super::claims::event_record(key, None, &event, &evidence));
        let appended = self
            .record_operation(open.close(super::NewOperation {
                claim_key: Some(key),
                ..operation
            }))
            .await?;
        if appended.id != operation_id {
            return Err(Error::Internal(
                "the journal moved while an operation was open".into(),
            ));
        }
        Ok(appended)
    }
}

/// The PostgreSQL side of the reading commands (`list`, `report`).
impl super::reading::Reading for TeamDatabase {
    async fn source_named(&mut self, given: &str) -> Result<(i64, String)> {
        self.source_and_name(given).await
    }

    async fn article_key(&mut self, given: &str) -> Result<i64> {
        if let Some(key) = sqlx::query_scalar::<_, i64>("SELECT id FROM articles WHERE url = $1")
            .bind(given.trim())
            .fetch_optional(&mut self.conn)
            .await?
        {
            return Ok(key);
        }
        if given.contains(':') && uuid::Uuid::parse_str(given.trim()).is_err() {
            return Err(Error::NotFound {
                kind: "article",
                given: given.to_string(),
            });
        }
        let matches: Vec<(i64, uuid::Uuid, String)> = match super::parse_id("article", given)? {
            super::IdQuery::Full(id) => {
                sqlx::query_as("SELECT id, uuid, url FROM articles WHERE uuid = $1")
                    .bind(id)
                    .fetch_all(&mut self.conn)
                    .await?
            }
            super::IdQuery::ShortPrefix(prefix) => {
                sqlx::query_as(
                    // Ordered by id after the range (not by the query: with
                    // a LIMIT, the planner may walk the whole primary key).
                    "SELECT id, uuid, url FROM (SELECT id, uuid, url FROM articles WHERE short_id >= $1 AND short_id < $2
                     LIMIT 10) m ORDER BY id",
                )
                .bind(&prefix)
                .bind(format!("{prefix}g"))
                .fetch_all(&mut self.conn)
                .await?
            }
        };
        super::the_one_named("article", given, matches, |(_, id, url)| format!("{id} ({url})"))
            .map(|(key, ..)| key)
    }

    async fn claims(&mut self, filter: &super::ClaimFilter) -> Result<Vec<crate::model::Claim>> {
        let mut sql = super::reading::listing::<sqlx::Postgres>(filter);
        let rows = sql.build().fetch_all(&mut self.conn).await?;
        rows.iter().map(super::claims::claim_from_row).collect()
    }

    async fn report(&mut self, filter: &super::ClaimFilter, rollup: bool) -> Result<super::Report> {
        let groups: Vec<super::reports::Group> =
            super::reports::report_query::<sqlx::Postgres>(filter, rollup)
                .build_query_as()
                .fetch_all(&mut self.conn)
                .await?;
        let names: Vec<(i64, String, String)> = sqlx::query_as("SELECT id, name, kind FROM sources")
            .fetch_all(&mut self.conn)
            .await?;
        super::reports::assemble(groups, names, filter, rollup)
    }

    async fn claim_named(&mut self, given: &str) -> Result<crate::model::Claim> {
        // The id's matches read whole in one statement, not their keys
        // first and then the claim: a statement costs a millisecond on a
        // new connection.
        let query = super::parse_id("claim", given)?;
        let filter = super::ClaimFilter {
            include_withdrawn: true,
            ..super::ClaimFilter::default()
        };
        let mut sql = super::claims::claim_select::<sqlx::Postgres>(&filter);
        match &query {
            super::IdQuery::Full(id) => sql.push(" AND c.uuid = ").push_bind(*id),
            super::IdQuery::ShortPrefix(prefix) => sql
                .push(" AND c.id IN (SELECT id FROM claims WHERE short_id >= ")
                .push_bind(prefix.clone())
                .push(" AND short_id < ")
                .push_bind(format!("{prefix}g"))
                .push(" LIMIT 10)"),
        };
        sql.push(" ORDER BY c.id");
        let claims = sql
            .build()
            .fetch_all(&mut self.conn)
            .await?
            .iter()
            .map(super::claims::claim_from_row)
            .collect::<Result<Vec<_>>>()?;
        super::the_one_named("claim", given, claims, super::describe_claim)
    }

    async fn source_summary_named(&mut self, given: &str) -> Result<crate::model::SourceSummary> {
        // Found by its name or an alias in the summary's own statement;
        // only a miss pays for the lookup that suggests names.
        if let Some(summary) = self
            .source_summary_of(None, &crate::names::fold_name(given))
            .await?
        {
            return Ok(summary);
        }
        let key = super::journal::JournalReader::source_key(self, given).await?;
        self.source_summary_of(Some(key), "")
            .await?
            .ok_or_else(|| Error::NotFound {
                kind: "source",
                given: given.to_string(),
            })
    }

    async fn all_sources(&mut self) -> Result<Vec<crate::model::SourceSummary>> {
        // Three queries for all of them, not four per source.
        let rows = sqlx::query(
            "SELECT s.id, s.name, s.kind, s.description, s.job, s.party, s.region, coalesce(n.claims, 0)
             FROM sources s
             LEFT JOIN (SELECT source_id, count(*) AS claims FROM claims GROUP BY source_id) n ON n.source_id = s.id
             ORDER BY 8 DESC, s.name_key",
        )
        .fetch_all(&mut self.conn)
        .await?;
        let aliases: Vec<(i64, String)> =
            sqlx::query_as("SELECT source_id, alias FROM source_aliases ORDER BY source_id, alias_key")
                .fetch_all(&mut self.conn)
                .await?;
        let links: Vec<crate::store::sources::SpeaksForRow> = sqlx::query_as(
            "SELECT f.speaker_id, f.org_id, p.name, o.name, f.role, f.since::text, f.until::text
             FROM speaks_for f JOIN sources p ON p.id = f.speaker_id JOIN sources o ON o.id = f.org_id
             ORDER BY p.name_key, o.name_key, f.role",
        )
        .fetch_all(&mut self.conn)
        .await?;
        let mut summaries = Vec::with_capacity(rows.len());
        for row in rows {
            summaries.push(crate::model::SourceSummary {
                source: source_from_row(&row)?,
                speaks_for: vec![],
                spoken_for_by: vec![],
                claims: row.try_get(7)?,
            });
        }
        Ok(crate::store::sources::assemble_summaries(
            summaries, aliases, links,
        ))
    }

    async fn all_articles(&mut self) -> Result<Vec<crate::model::Article>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a ORDER BY a.published_on IS NULL, a.published_on DESC, a.id DESC"
        )))
        .fetch_all(&mut self.conn)
        .await?;
        rows.iter().map(article_from_row).collect()
    }

    async fn article_named(&mut self, given: &str) -> Result<crate::model::Article> {
        let key = super::reading::Reading::article_key(self, given).await?;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1"
        )))
        .bind(key)
        .fetch_one(&mut self.conn)
        .await?;
        article_from_row(&row)
    }

    async fn article_body_of(&mut self, article_key: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT body FROM articles WHERE id = $1")
            .bind(article_key)
            .fetch_one(&mut self.conn)
            .await?)
    }

    async fn each_row(
        &mut self,
        mut write: impl FnMut(&crate::model::ClaimRow) -> Result<()>,
    ) -> Result<usize> {
        let (mut after, mut passed): (i64, usize) = (0, 0);
        loop {
            let rows = sqlx::query(
                "SELECT c.id, c.uuid, s.name AS source, s.kind AS source_kind, c.text, c.quote, c.said_on::text AS said_on,
                        c.status::text AS status, c.rating, c.origin, c.language, c.updated_at::text AS updated_at,
                        a.url AS article_url, a.title AS article_title, a.publisher AS article_publisher,
                        a.published_on::text AS article_published, e.note, e.actor,
                        coalesce(e.effective_on, substr(e.at, 1, 10))::text AS reviewed_on, s.job, s.party,
                        (SELECT string_agg(v.evidence, chr(31) ORDER BY v.id) FROM status_events v
                         WHERE v.claim_id = c.id AND v.evidence <> '[]') AS evidence,
                        (SELECT string_agg(tag, chr(31)) FROM claim_tags t WHERE t.claim_id = c.id) AS tags
                 FROM claims c
                 JOIN sources s ON s.id = c.source_id
                 LEFT JOIN articles a ON a.id = c.article_id
                 JOIN status_events e ON e.id = (SELECT max(id) FROM status_events WHERE claim_id = c.id)
                 WHERE c.withdrawn_at IS NULL AND c.id > $1 ORDER BY c.id LIMIT $2",
            )
            .bind(after)
            .bind(COPY_PAGE)
            .fetch_all(&mut self.conn)
            .await?;
            let Some(last) = rows.last() else {
                return Ok(passed);
            };
            after = last.try_get("id")?;
            for row in &rows {
                let claim = super::exports::claim_row(row)?;
                write(&claim)?;
                passed += 1;
            }
        }
    }

    async fn snapshots_of(&mut self, article_key: i64) -> Result<Vec<crate::model::ArticleSnapshot>> {
        let rows: Vec<(String, i64, String, i64, i64)> = sqlx::query_as(
            "SELECT p.body_sha256, length(p.body)::bigint, p.replaced_at::text, p.replaced_by,
                    (SELECT count(*) FROM claims c WHERE c.snapshot_id = p.id)
             FROM article_snapshots p WHERE p.article_id = $1 ORDER BY p.id",
        )
        .bind(article_key)
        .fetch_all(&mut self.conn)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(body_sha256, body_chars, replaced_at, replaced_by, anchored_quotes)| {
                    crate::model::ArticleSnapshot {
                        body_sha256,
                        body_chars,
                        replaced_at,
                        replaced_by,
                        anchored_quotes,
                    }
                },
            )
            .collect())
    }

    async fn article_by_url(&mut self, url: &str) -> Result<Option<crate::model::Article>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.url = $1"
        )))
        .bind(url.trim())
        .fetch_optional(&mut self.conn)
        .await?;
        row.as_ref().map(article_from_row).transpose()
    }

    async fn links(&mut self, claim_key: i64) -> Result<Vec<crate::model::ClaimLink>> {
        let rows = sqlx::query(
            "SELECT f.uuid, l.relation, t.uuid, s.name, o.text, l.from_claim = $1 AS outgoing
             FROM claim_links l
             JOIN claims f ON f.id = l.from_claim
             JOIN claims t ON t.id = l.to_claim
             JOIN claims o ON o.id = CASE WHEN l.from_claim = $1 THEN l.to_claim ELSE l.from_claim END
             JOIN sources s ON s.id = o.source_id
             WHERE l.from_claim = $1 OR l.to_claim = $1
             ORDER BY outgoing DESC, l.relation, o.id",
        )
        .bind(claim_key)
        .fetch_all(&mut self.conn)
        .await?;
        rows.iter()
            .map(|row| {
                let relation: String = row.try_get(1)?;
                Ok(crate::model::ClaimLink {
                    from_id: row.try_get(0)?,
                    relation: relation.parse()?,
                    to_id: row.try_get(2)?,
                    other_source: row.try_get(3)?,
                    other_text: row.try_get(4)?,
                })
            })
            .collect()
    }

    async fn claim_history(&mut self, claim_key: i64) -> Result<Vec<crate::model::StatusEvent>> {
        let rows = sqlx::query(
            "SELECT c.uuid, e.from_status::text, e.to_status::text, e.rating, e.note, e.evidence, e.actor, e.at::text,
                    coalesce(e.effective_on, substr(e.at, 1, 10))::text
             FROM status_events e JOIN claims c ON c.id = e.claim_id
             WHERE e.claim_id = $1 ORDER BY e.id",
        )
        .bind(claim_key)
        .fetch_all(&mut self.conn)
        .await?;
        rows.iter().map(status_event_from_row).collect()
    }
}

/// An event from a row whose first nine columns are those `claim_history`
/// selects (the claim's uuid, from, to, rating, note, evidence, actor, at,
/// effective day).
pub(crate) fn status_event_from_row(row: &sqlx::postgres::PgRow) -> Result<crate::model::StatusEvent> {
    let from: Option<String> = row.try_get(1)?;
    let to: String = row.try_get(2)?;
    let evidence: String = row.try_get(5)?;
    Ok(crate::model::StatusEvent {
        claim_id: row.try_get(0)?,
        from: from.map(|s| s.parse()).transpose()?,
        to: to.parse()?,
        rating: row.try_get(3)?,
        note: row.try_get(4)?,
        evidence: serde_json::from_str(&evidence)
            .map_err(|e| Error::invalid(format!("stored evidence is not a JSON list: {e}")))?,
        actor: row.try_get(6)?,
        at: row.try_get(7)?,
        effective_on: row.try_get(8)?,
    })
}

impl TeamDatabase {
    /// A source with its aliases, roles and claim count, by key.
    /// The source `key` names, else the one whose folded name or alias is
    /// `folded`, with its claim count, aliases and speaks-for links.
    async fn source_summary_of(
        &mut self,
        key: Option<i64>,
        folded: &str,
    ) -> Result<Option<crate::model::SourceSummary>> {
        let Some(row) = sqlx::query(
            "SELECT id, name, kind, description, job, party, region,
                    (SELECT count(*) FROM claims c WHERE c.source_id = s.id),
                    ARRAY(SELECT alias FROM source_aliases WHERE source_id = s.id ORDER BY alias_key)
             FROM sources s
             WHERE id = coalesce($1, (SELECT id FROM sources WHERE name_key = $2
                                      UNION ALL SELECT source_id FROM source_aliases WHERE alias_key = $2 LIMIT 1))",
        )
        .bind(key)
        .bind(folded)
        .fetch_optional(&mut self.conn)
        .await?
        else {
            return Ok(None);
        };
        let key: i64 = row.try_get(0)?;
        // The links both ways in one statement: every statement on a new
        // connection is parsed and planned cold (about a millisecond).
        let links: Vec<(bool, crate::model::SpeaksFor)> = sqlx::query(
            "SELECT f.speaker_id = $1 AS speaks, p.name AS speaker, o.name AS organization, f.role,
                    f.since::text AS since, f.until::text AS until
             FROM speaks_for f JOIN sources p ON p.id = f.speaker_id JOIN sources o ON o.id = f.org_id
             WHERE f.speaker_id = $1 OR f.org_id = $1 ORDER BY p.name_key, o.name_key, f.role",
        )
        .bind(key)
        .fetch_all(&mut self.conn)
        .await?
        .iter()
        .map(|row| {
            Ok((
                row.try_get("speaks")?,
                <crate::model::SpeaksFor as sqlx::FromRow<_>>::from_row(row)?,
            ))
        })
        .collect::<Result<_>>()?;
        let (speaks_for, spoken_for_by): (Vec<_>, Vec<_>) =
            links.into_iter().partition(|(speaks, _)| *speaks);
        let speaks_for = speaks_for.into_iter().map(|(_, link)| link).collect();
        let spoken_for_by = spoken_for_by.into_iter().map(|(_, link)| link).collect();
        let mut source = source_from_row(&row)?;
        source.aliases = row.try_get(8)?;
        Ok(Some(crate::model::SourceSummary {
            source,
            speaks_for,
            spoken_for_by,
            claims: row.try_get(7)?,
        }))
    }
}

/// A source from a row whose first seven columns are its id, name, kind,
/// description, job, party and region (aliases left empty).
fn source_from_row(row: &sqlx::postgres::PgRow) -> Result<crate::model::Source> {
    let kind: String = row.try_get(2)?;
    Ok(crate::model::Source {
        key: row.try_get(0)?,
        name: row.try_get(1)?,
        kind: kind.parse()?,
        profile: crate::model::SourceProfile {
            description: row.try_get(3)?,
            job: row.try_get(4)?,
            party: row.try_get(5)?,
            region: row.try_get(6)?,
        },
        aliases: vec![],
    })
}

/// The article columns, dates and times as their text.
const ARTICLE_COLUMNS: &str =
    "a.id, a.uuid, a.url, a.title, a.publisher, a.published_on::text AS published_on,
    a.body_sha256, length(a.body)::bigint AS body_chars, a.created_at::text AS created_at,
    (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims,
    (SELECT count(*) FROM article_snapshots p WHERE p.article_id = a.id) AS earlier_snapshots";

fn article_from_row(row: &sqlx::postgres::PgRow) -> Result<crate::model::Article> {
    Ok(crate::model::Article {
        key: row.try_get("id")?,
        id: row.try_get("uuid")?,
        url: row.try_get("url")?,
        title: row.try_get("title")?,
        publisher: row.try_get("publisher")?,
        published_on: row.try_get("published_on")?,
        body_sha256: row.try_get("body_sha256")?,
        body_chars: row.try_get("body_chars")?,
        created_at: row.try_get("created_at")?,
        claims: row.try_get("claims")?,
        earlier_snapshots: row.try_get("earlier_snapshots")?,
    })
}

/// The PostgreSQL side of the journal's reading (`claims log`).
impl super::journal::JournalReader for TeamDatabase {
    async fn claim_key(&mut self, given: &str) -> Result<i64> {
        // The same lookup as `show`'s, and the same message for an id that
        // matches none or several.
        Ok(super::reading::Reading::claim_named(self, given).await?.key)
    }

    async fn source_key(&mut self, given: &str) -> Result<i64> {
        let key = crate::names::fold_name(given);
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM sources WHERE name_key = $1
             UNION ALL SELECT source_id FROM source_aliases WHERE alias_key = $1 LIMIT 1",
        )
        .bind(&key)
        .fetch_optional(&mut self.conn)
        .await?;
        if let Some(found) = found {
            return Ok(found);
        }
        let known: Vec<(String, String)> = sqlx::query_as(
            "SELECT name, name_key FROM sources
             UNION ALL SELECT s.name, a.alias_key FROM source_aliases a JOIN sources s ON s.id = a.source_id",
        )
        .fetch_all(&mut self.conn)
        .await?;
        Err(Error::UnknownSource {
            name: given.to_string(),
            suggestions: crate::names::closest(given, known),
        })
    }

    async fn journal(&mut self, filter: &super::OperationFilter) -> Result<Vec<Operation>> {
        let mut sql = super::journal::operations_query::<sqlx::Postgres>(filter);
        let rows = sql.build().fetch_all(&mut self.conn).await?;
        let mut operations = rows.iter().map(operation_from_row).collect::<Result<Vec<_>>>()?;
        operations.reverse();
        Ok(operations)
    }

    async fn claim_short_id(&mut self, key: i64) -> Result<String> {
        Ok(sqlx::query_scalar("SELECT short_id FROM claims WHERE id = $1")
            .bind(key)
            .fetch_one(&mut self.conn)
            .await?)
    }

    async fn source_name_of(&mut self, key: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT name FROM sources WHERE id = $1")
            .bind(key)
            .fetch_optional(&mut self.conn)
            .await?)
    }

    async fn article_url(&mut self, key: i64) -> Result<String> {
        Ok(sqlx::query_scalar("SELECT url FROM articles WHERE id = $1")
            .bind(key)
            .fetch_one(&mut self.conn)
            .await?)
    }
}

/// The PostgreSQL backend's side of the whole-database check.
impl super::audit::Audited for TeamDatabase {
    async fn operations_after(&mut self, after: i64, limit: i64) -> Result<Vec<Operation>> {
        operations_after(&mut self.conn, after, limit).await
    }

    async fn chain_head(&mut self) -> Result<(i64, String)> {
        let head: Option<(i64, String)> =
            sqlx::query_as("SELECT id, hash FROM operations ORDER BY id DESC LIMIT 1")
                .fetch_optional(&mut self.conn)
                .await?;
        Ok(head.unwrap_or((0, GENESIS.to_string())))
    }

    async fn missing_guards(&mut self) -> Result<Vec<String>> {
        // A trigger disabled (ALTER TABLE ... DISABLE TRIGGER) guards
        // nothing: it counts as missing.
        let present: Vec<String> = sqlx::query_scalar(
            "SELECT tgname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = current_schema()",
        )
        .fetch_all(&mut self.conn)
        .await?;
        Ok(GUARDS
            .iter()
            .filter(|g| !present.iter().any(|p| p == *g))
            .map(|g| g.to_string())
            .collect())
    }

    async fn claim_off_its_history(&mut self) -> Result<Option<(uuid::Uuid, String)>> {
        Ok(sqlx::query_as(
            "SELECT c.uuid, c.status::text FROM claims c
             WHERE c.status IS DISTINCT FROM (SELECT to_status FROM status_events e
                                              WHERE e.claim_id = c.id ORDER BY e.id DESC LIMIT 1)
                OR c.rating IS DISTINCT FROM (SELECT rating FROM status_events e
                                              WHERE e.claim_id = c.id AND e.rating IS NOT NULL ORDER BY e.id DESC LIMIT 1)
             LIMIT 1",
        )
        .fetch_optional(&mut self.conn)
        .await?)
    }

    async fn event_off_its_chain(&mut self) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM (
                SELECT id, from_status, at,
                       lag(to_status) OVER history AS previous_status,
                       lag(at) OVER history AS previous_at,
                       row_number() OVER history AS n
                FROM status_events
                WINDOW history AS (PARTITION BY claim_id ORDER BY id)) h
             WHERE CASE WHEN n = 1 THEN from_status IS NOT NULL
                        ELSE from_status IS DISTINCT FROM previous_status OR at < previous_at END
             LIMIT 1",
        )
        .fetch_optional(&mut self.conn)
        .await?)
    }

    async fn dangling_references(&mut self) -> Result<Option<(usize, String)>> {
        // PostgreSQL enforces the foreign keys, unless someone with the
        // right disabled their triggers: counted here all the same.
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT t, n FROM (
                SELECT 'status_events' AS t, count(*) AS n FROM status_events e
                    WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = e.claim_id)
                UNION ALL SELECT 'claims', count(*) FROM claims c
                    WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = c.source_id)
                       OR (c.article_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id))
                       OR (c.snapshot_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM article_snapshots p WHERE p.id = c.snapshot_id))
                UNION ALL SELECT 'claim_tags', count(*) FROM claim_tags g
                    WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = g.claim_id)
                UNION ALL SELECT 'claim_links', count(*) FROM claim_links l
                    WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.from_claim)
                       OR NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.to_claim)
             ) d WHERE n > 0",
        )
        .fetch_all(&mut self.conn)
        .await?;
        let total: i64 = rows.iter().map(|(_, n)| n).sum();
        Ok(rows.first().map(|(table, _)| (total as usize, table.clone())))
    }

    async fn event_records(
        &mut self,
        after: i64,
        upto: i64,
        limit: i64,
    ) -> Result<Vec<(i64, Option<i64>, crate::journal::EventRecord)>> {
        let rows = sqlx::query(
            "SELECT id, claim_id, from_status::text, to_status::text, rating, note, evidence, actor, at::text,
                    operation_id, effective_on::text
             FROM status_events WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3",
        )
        .bind(after)
        .bind(upto)
        .bind(limit)
        .fetch_all(&mut self.conn)
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get(0)?,
                    row.try_get(9)?,
                    crate::journal::EventRecord {
                        claim: row.try_get(1)?,
                        from: row.try_get(2)?,
                        to: row.try_get(3)?,
                        rating: row.try_get(4)?,
                        note: row.try_get(5)?,
                        evidence: row.try_get(6)?,
                        actor: row.try_get(7)?,
                        at: row.try_get(8)?,
                        effective_on: row.try_get(10)?,
                    },
                ))
            })
            .collect()
    }

    async fn withdrawn_claims(&mut self) -> Result<std::collections::HashSet<i64>> {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT id FROM claims WHERE withdrawn_at IS NOT NULL")
                .fetch_all(&mut self.conn)
                .await?
                .into_iter()
                .collect(),
        )
    }

    async fn claim_records(
        &mut self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, crate::journal::ClaimRecord)>> {
        let rows = sqlx::query(
            "SELECT c.id, c.uuid, c.source_id, c.article_id, c.text, c.quote, c.said_on::text,
                    (SELECT string_agg(tag, chr(31)) FROM claim_tags t WHERE t.claim_id = c.id), c.language
             FROM claims c WHERE c.id > $1 ORDER BY c.id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&mut self.conn)
        .await?;
        rows.iter()
            .map(|row| {
                let id: uuid::Uuid = row.try_get(1)?;
                let mut tags: Vec<String> = row
                    .try_get::<Option<String>, _>(7)?
                    .map(|t| t.split('\u{1f}').map(str::to_string).collect())
                    .unwrap_or_default();
                tags.sort();
                Ok((
                    row.try_get(0)?,
                    crate::journal::ClaimRecord {
                        id: id.to_string(),
                        source: row.try_get(2)?,
                        article: row.try_get(3)?,
                        text: row.try_get(4)?,
                        quote: row.try_get(5)?,
                        said_on: row.try_get(6)?,
                        tags,
                        language: row.try_get(8)?,
                    },
                ))
            })
            .collect()
    }

    async fn search_index_pending(&mut self) -> Result<bool> {
        matching::search_index_pending(self).await
    }

    async fn record_documents(
        &mut self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<super::matching::SearchDocument>> {
        matching::record_documents(self, after, limit).await
    }

    async fn indexed_documents(
        &mut self,
        from: i64,
        to: i64,
    ) -> Result<Vec<super::matching::SearchDocument>> {
        matching::indexed_documents(self, from, to).await
    }

    async fn index_rows_of_no_claim(&mut self) -> Result<i64> {
        matching::index_rows_of_no_claim(self).await
    }

    async fn stored_statistics(&mut self) -> Result<Vec<(i64, i64)>> {
        matching::stored_statistics(self).await
    }

    async fn claim_uuid(&mut self, key: i64) -> Result<Option<uuid::Uuid>> {
        Ok(sqlx::query_scalar("SELECT uuid FROM claims WHERE id = $1")
            .bind(key)
            .fetch_optional(&mut self.conn)
            .await?)
    }
}

/// The PostgreSQL side of a copy's destination: the rows go in through
/// the schema's own rules, inside the caller's transaction.
struct PgSink<'c> {
    conn: &'c mut PgConnection,
}

impl CopySink for PgSink<'_> {
    async fn row(&mut self, row: Insert) -> Result<()> {
        row.query::<sqlx::Postgres>()
            .build()
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn before_event(&mut self, _legacy: bool) -> Result<()> {
        // The schema takes history older than the journal from the owner
        // while the journal is empty.
        Ok(())
    }

    async fn copied_table_counts(&mut self) -> Result<TableCounts> {
        table_counts(self.conn).await
    }
}

/// Rows per copied table.
async fn table_counts(conn: &mut PgConnection) -> Result<TableCounts> {
    let mut tables = Vec::new();
    for table in COPIED_TABLES {
        let count: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
            .fetch_one(&mut *conn)
            .await
            .map_err(refused)?;
        tables.push((table, count));
    }
    Ok(TableCounts { tables })
}

/// The PostgreSQL side of a copy's source. Domain-typed columns are read
/// as their text, exactly as stored.
impl CopySource for TeamDatabase {
    async fn copy_sources(&mut self) -> Result<(Vec<SourceRow>, Vec<AliasRow>, Vec<SpeaksForRow>)> {
        let sources = sqlx::query_as(
            "SELECT id, name, name_key, name_skeleton, kind, description, job, party, region, created_at::text
             FROM sources ORDER BY id",
        )
        .fetch_all(&mut self.conn)
        .await?;
        let aliases =
            sqlx::query_as("SELECT alias_key, alias, source_id FROM source_aliases ORDER BY alias_key")
                .fetch_all(&mut self.conn)
                .await?;
        let speaks_for = sqlx::query_as(
            "SELECT speaker_id, org_id, role, since::text, until::text FROM speaks_for ORDER BY speaker_id, org_id, role",
        )
        .fetch_all(&mut self.conn)
        .await?;
        Ok((sources, aliases, speaks_for))
    }

    async fn copy_articles(&mut self) -> Result<(Vec<ArticleRow>, Vec<SnapshotRow>)> {
        let articles = sqlx::query_as(
            "SELECT id, uuid, url, title, publisher, published_on::text, body, body_sha256, created_at::text
             FROM articles ORDER BY id",
        )
        .fetch_all(&mut self.conn)
        .await?;
        let snapshots = sqlx::query_as(
            "SELECT id, article_id, body, body_sha256, replaced_at::text, replaced_by FROM article_snapshots ORDER BY id",
        )
        .fetch_all(&mut self.conn)
        .await?;
        Ok((articles, snapshots))
    }

    async fn copy_claims(&mut self, after: i64) -> Result<Vec<ClaimCopyRow>> {
        Ok(sqlx::query_as(
            "SELECT c.id, c.uuid, c.article_id, c.source_id, c.text, c.quote, c.said_on::text, c.created_at::text,
                    c.updated_at::text, c.quote_start, c.quote_end, c.quote_prefix, c.quote_suffix, c.origin,
                    c.withdrawn_at::text, c.snapshot_id, c.language, f.first_event
             FROM (SELECT claim_id, min(id) AS first_event FROM status_events GROUP BY claim_id) f
             JOIN claims c ON c.id = f.claim_id
             WHERE f.first_event > $1 ORDER BY f.first_event LIMIT $2",
        )
        .bind(after)
        .bind(COPY_PAGE)
        .fetch_all(&mut self.conn)
        .await?)
    }

    async fn copy_events(&mut self, after: i64) -> Result<Vec<EventRow>> {
        Ok(sqlx::query_as(
            "SELECT id, claim_id, from_status::text, to_status::text, rating, note, evidence, actor, at::text,
                    operation_id, effective_on::text
             FROM status_events WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(COPY_PAGE)
        .fetch_all(&mut self.conn)
        .await?)
    }

    async fn copy_operations(&mut self, after: i64) -> Result<Vec<OperationRow>> {
        Ok(sqlx::query_as(
            "SELECT id, kind, claim_id, source_id, article_id, old, new, note, actor, at::text, undoes, hash
             FROM operations WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(COPY_PAGE)
        .fetch_all(&mut self.conn)
        .await?)
    }

    async fn copy_tags_and_links(&mut self) -> Result<(Vec<TagRow>, Vec<LinkRow>)> {
        let tags = sqlx::query_as("SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, tag")
            .fetch_all(&mut self.conn)
            .await?;
        let links = sqlx::query_as(
            "SELECT from_claim, relation, to_claim, actor, created_at::text FROM claim_links
             ORDER BY from_claim, relation, to_claim",
        )
        .fetch_all(&mut self.conn)
        .await?;
        Ok((tags, links))
    }

    async fn copied_table_counts(&mut self) -> Result<TableCounts> {
        table_counts(&mut self.conn).await
    }
}

/// Writes one status event of operation `operation` (a mark, or a new
/// claim's first event).
async fn insert_event(
    conn: &mut PgConnection,
    id: i64,
    claim_key: i64,
    from: Option<crate::model::Status>,
    event: &super::NewEvent,
    evidence: &str,
    operation: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO status_events (id, claim_id, from_status, to_status, rating, note, evidence, actor, at, operation_id, effective_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(claim_key)
    .bind(from.map(crate::model::Status::as_str))
    .bind(event.to.as_str())
    .bind(&event.rating)
    .bind(&event.note)
    .bind(evidence)
    .bind(&event.actor)
    .bind(&event.at)
    .bind(operation)
    .bind(event.stored_effective_on())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Appends an operation to the journal, chained to the one before: the
/// actor is the session's user and the time the server's, which the
/// database checks (see `operations_append_in_order`).
async fn append(
    conn: &mut PgConnection,
    kind: &'static str,
    old: Option<serde_json::Value>,
    new: Option<serde_json::Value>,
) -> Result<Operation> {
    append_operation(
        conn,
        super::NewOperation {
            kind,
            old,
            new,
            ..super::NewOperation::default()
        },
    )
    .await
}

/// Appends `new` to the journal, chained to the one before, under the
/// session's user at the server's time (whatever `new.actor` says).
async fn append_operation(conn: &mut PgConnection, new: super::NewOperation) -> Result<Operation> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('claimtrack journal'))")
        .execute(&mut *conn)
        .await?;
    // The head, who and when, in one round trip.
    let (last, previous, actor, at): (Option<i64>, Option<String>, String, String) = sqlx::query_as(
        "SELECT h.id, h.hash, session_user::text, claimtrack_now()
         FROM (SELECT 1) one LEFT JOIN (SELECT id, hash FROM operations ORDER BY id DESC LIMIT 1) h ON true",
    )
    .fetch_one(&mut *conn)
    .await?;
    let (last, previous) = (last.unwrap_or(0), previous.unwrap_or_else(|| GENESIS.to_string()));
    let operation = new.chained(last + 1, actor, at, &previous);
    insert_operation(conn, &operation).await?;
    Ok(operation)
}

/// Writes one operation as given (its id, time and hash already its own).
async fn insert_operation(conn: &mut PgConnection, operation: &Operation) -> Result<()> {
    sqlx::query(
        "INSERT INTO operations (id, kind, claim_id, source_id, article_id, old, new, note, actor, at, undoes, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(operation.id)
    .bind(&operation.kind)
    .bind(operation.claim_key)
    .bind(operation.source_key)
    .bind(operation.article_key)
    .bind(operation.old.as_ref().map(|v| v.to_string()))
    .bind(operation.new.as_ref().map(|v| v.to_string()))
    .bind(&operation.note)
    .bind(&operation.actor)
    .bind(&operation.at)
    .bind(operation.undoes)
    .bind(&operation.hash)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A database error as the person at the terminal should read it: the
/// server's own sentence when it refused (no right, a rule of the
/// history), by kind.
fn refused(e: sqlx::Error) -> Error {
    let Some(database) = e.as_database_error() else {
        return Error::Database(e);
    };
    let message = database.message().to_string();
    match database.code().as_deref() {
        // insufficient_privilege: a right the member does not have.
        // A missing grant is PostgreSQL's terse sentence: say whose right it is.
        Some("42501") if message.starts_with("permission denied for table") => Error::Refused(format!(
            "{message}: your role on this desk does not allow that change (editing claims, sources and articles, linking and withdrawing take an editor; `claims team list` shows each member's role)"
        )),
        Some("42501") => Error::Refused(message),
        // unique_violation, and the rules of the history.
        Some("23505") | Some("23000") => Error::Conflict(message),
        // invalid_parameter_value, no_data_found, not set up yet.
        Some("22023") | Some("P0002") | Some("55000") => Error::invalid(message),
        _ => Error::Database(e),
    }
}

/// Whether the URL's query sets `sslmode`.
fn sets_ssl_mode(url: &str) -> bool {
    url.split_once('?')
        .is_some_and(|(_, query)| query.split('&').any(|pair| pair.starts_with("sslmode=")))
}

/// Whether `host` is this machine: a loopback name or address, or a Unix
/// socket's directory.
fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost"
        || host.starts_with('/')
        || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Whether the server refused a plain connection in a way that TLS may
/// mend: its rules (`hostssl` in pg_hba.conf) refuse the connection with
/// invalid_authorization_specification. The message says "no encryption"
/// only in English; the code is the same in every language, and where the
/// refusal was for another reason, the second attempt fails alike.
fn wants_encryption(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.code().as_deref() == Some("28000"))
}

/// Whether a URL names its user (`postgres://ana@host/db`, `?user=ana`).
fn names_user(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    let in_authority = authority
        .rsplit_once('@')
        .is_some_and(|(user, _)| !user.split(':').next().unwrap_or_default().is_empty());
    let in_query = rest
        .split_once('?')
        .is_some_and(|(_, query)| query.split('&').any(|pair| pair.starts_with("user=")));
    in_authority || in_query
}

/// Connects as sqlx does, with Nagle's algorithm off from the moment the
/// socket exists: the first time the connection waits (for the socket to
/// connect, or the server's first answer), nothing has been written that
/// Nagle could hold back yet. Set after connecting, it came too late for
/// the TLS handshake, whose back-to-back writes each waited for the
/// server's delayed acknowledgement: 2 x 40 ms of a 114 ms `claims show`.
async fn connect_without_delay(options: &PgConnectOptions) -> sqlx::Result<PgConnection> {
    let mut connecting = std::pin::pin!(PgConnection::connect_with(options));
    let mut without_delay = false;
    std::future::poll_fn(|cx| {
        let polled = connecting.as_mut().poll(cx);
        if polled.is_pending() && !without_delay {
            without_delay = send_without_delay();
        }
        polled
    })
    .await
}

/// Turns Nagle's algorithm off on this process's TCP sockets (the
/// connection to the server is the only one), as libpq does on every
/// connection it makes; returns whether there was one. sqlx 0.9 leaves it
/// on, and then a `COPY`'s closing message, written after its data, waits
/// for the server's delayed acknowledgement of that data: 40 ms per
/// `COPY`, which made a 100,000-claim import 5 s slower. Sockets that are
/// not TCP, and other files, refuse the option and are left as they are.
fn send_without_delay() -> bool {
    let Ok(entries) = std::fs::read_dir("/proc/self/fd") else {
        return false;
    };
    let mut any = false;
    for entry in entries.flatten() {
        let Some(fd) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<libc::c_int>().ok())
        else {
            continue;
        };
        let on: libc::c_int = 1;
        // SAFETY: setsockopt reads `size_of::<c_int>()` bytes from `on`,
        // which lives across the call; on an fd that is not a TCP socket it
        // fails (ENOTSOCK, EOPNOTSUPP) without effect.
        let set = unsafe {
            libc::setsockopt(
                fd,
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                (&on as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        };
        any |= set == 0;
    }
    any
}

/// The operating system's login name of this process's user.
fn os_login() -> Option<String> {
    let mut buffer = vec![0u8; 4096];
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: getpwuid_r writes into `entry` and `buffer`, both ours and
    // sized as passed; `found` is null or points at `entry`.
    let status = unsafe {
        libc::getpwuid_r(
            libc::getuid(),
            &mut entry,
            buffer.as_mut_ptr().cast(),
            buffer.len(),
            &mut found,
        )
    };
    if status != 0 || found.is_null() || entry.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name points into `buffer`, NUL-terminated by getpwuid_r.
    let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
    name.to_str().ok().map(str::to_string)
}

/// `text` with every occurrence of the URL's password blanked.
fn redact_in(text: &str, url: &str) -> String {
    let password = url
        .split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?']).next())
        .and_then(|authority| authority.rsplit_once('@'))
        .and_then(|(user, _)| user.split_once(':'))
        .map(|(_, password)| password)
        .filter(|p| !p.is_empty());
    match password {
        Some(password) => text.replace(password, "***"),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_a_message() {
        assert_eq!(
            redacted("postgres://ana:s3cret@db.example:5432/desk?sslmode=require"),
            "postgres://ana:***@db.example:5432/desk?sslmode=require"
        );
        assert_eq!(
            redacted("postgresql://db.example/desk?user=ana&password=s3cret"),
            "postgresql://db.example/desk?user=ana&password=***"
        );
        assert_eq!(redacted("postgres://ana@db/desk"), "postgres://ana@db/desk");
        assert_eq!(
            redact_in(
                "password authentication failed (s3cret)",
                "postgres://ana:s3cret@db/desk"
            ),
            "password authentication failed (***)"
        );
        assert!(is_url("postgres://db/desk") && is_url("postgresql://db/desk"));
        assert!(!is_url("claims.db") && !is_url("sqlite:claims.db"));
        assert!(names_user("postgres://ana@db/desk") && names_user("postgres://ana:pw@db/desk"));
        assert!(names_user("postgres://db/desk?sslmode=require&user=ana"));
        assert!(!names_user("postgres://db/desk") && !names_user("postgres://db:5432/desk?sslmode=require"));
    }

    /// Plain first only on this machine and only when nothing asks for a
    /// `sslmode`: a remote server gets sqlx's (and libpq's) `prefer`.
    #[test]
    fn only_loopback_connects_plain_first() {
        for host in [
            "localhost",
            "127.0.0.1",
            "127.0.0.53",
            "::1",
            "[::1]",
            "/var/run/postgresql",
        ] {
            assert!(is_loopback(host), "{host}");
        }
        for host in [
            "db.example",
            "10.0.0.5",
            "192.168.1.10",
            "::2",
            "localhost.example",
            "",
        ] {
            assert!(!is_loopback(host), "{host}");
        }
        assert!(sets_ssl_mode("postgres://127.0.0.1/desk?sslmode=require"));
        assert!(sets_ssl_mode("postgres://127.0.0.1/desk?user=ana&sslmode=prefer"));
        assert!(!sets_ssl_mode("postgres://127.0.0.1/desk?user=ana"));
        assert!(!sets_ssl_mode("postgres://127.0.0.1/sslmode=require"));
    }
}
