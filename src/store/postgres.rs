//! The team database on PostgreSQL: connecting (URL, `PGPASSWORD`,
//! `.pgpass` and `sslmode` as libpq users expect), its own migrations
//! (`migrations/postgres`), and the desk's membership (`claims team`).
//! The rules (append-only history and journal, the actor of every change
//! being the session's user, who may mark what) are the database's own:
//! triggers and grants that hold for any program that connects.
//!
//! Commands other than `team` do not run on PostgreSQL yet; this module is
//! where the PostgreSQL backend of the store grows.

use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgConnection};
use sqlx::{Connection, Row};

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
        // As libpq: the URL's user, else PGUSER, else the operating
        // system's name for this process's user (not $USER, which anyone
        // can set).
        if !names_user(url)
            && std::env::var_os("PGUSER").is_none()
            && let Some(login) = os_login()
        {
            options = options.username(&login);
        }
        let mut conn = PgConnection::connect_with(&options)
            .await
            .map_err(|e| Error::Server {
                url: shown.clone(),
                // The server's own sentence, without the driver's wrapping.
                reason: redact_in(
                    &e.as_database_error()
                        .map_or_else(|| e.to_string(), |d| d.message().to_string()),
                    url,
                ),
            })?;
        migrate(&mut conn, &shown).await?;
        Ok(TeamDatabase { conn, shown })
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
    let exists: bool = sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
        .fetch_one(&mut *conn)
        .await
        .map_err(refused)?;
    let applied: Option<i64> = match exists {
        true => Some(
            sqlx::query_scalar("SELECT coalesce(max(version), 0) FROM _sqlx_migrations WHERE success")
                .fetch_one(&mut *conn)
                .await
                .map_err(refused)?,
        ),
        false => None,
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

/// Appends an operation to the journal, chained to the one before: the
/// actor is the session's user and the time the server's, which the
/// database checks (see `operations_append_in_order`).
async fn append(
    conn: &mut PgConnection,
    kind: &str,
    old: Option<serde_json::Value>,
    new: Option<serde_json::Value>,
) -> Result<Operation> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('claimtrack journal'))")
        .execute(&mut *conn)
        .await?;
    let head: Option<(i64, String)> =
        sqlx::query_as("SELECT id, hash FROM operations ORDER BY id DESC LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?;
    let (last, previous) = head.unwrap_or((0, GENESIS.to_string()));
    let (actor, at): (String, String) = sqlx::query_as("SELECT session_user::text, claimtrack_now()")
        .fetch_one(&mut *conn)
        .await?;
    let mut operation = Operation {
        id: last + 1,
        kind: kind.to_string(),
        claim_key: None,
        source_key: None,
        article_key: None,
        old,
        new,
        note: None,
        actor,
        at,
        undoes: None,
        hash: String::new(),
    };
    operation.hash = operation.chained_hash(&previous);
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
    Ok(operation)
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
        Some("42501") => Error::Refused(message),
        // unique_violation, and the rules of the history.
        Some("23505") | Some("23000") => Error::Conflict(message),
        // invalid_parameter_value, no_data_found, not set up yet.
        Some("22023") | Some("P0002") | Some("55000") => Error::invalid(message),
        _ => Error::Database(e),
    }
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
}
