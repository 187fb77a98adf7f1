//! Team mode on PostgreSQL: the desk's roles are the database's, so what a
//! member may not do is refused whatever program asks, `psql` included.
//! Each test makes its own uniquely named database and roles on the local
//! server (127.0.0.1:5432, or `CLAIMTRACK_TEST_PG`) and drops them after.
//! Without a server the tests skip, saying why; where `CI` is set they
//! must run.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use super::harness::Env;

/// The server, as a libpq host/port pair for `psql` and a URL prefix.
fn server() -> Option<(String, String)> {
    let given = std::env::var("CLAIMTRACK_TEST_PG").unwrap_or_else(|_| "127.0.0.1:5432".to_string());
    let (host, port) = given.split_once(':').unwrap_or((&given, "5432"));
    let probe = Command::new("psql")
        .args(["-h", host, "-p", port, "-d", "postgres", "-XAtqc", "SELECT 1"])
        .output();
    let reason = match probe {
        Ok(out) if out.status.success() => return Some((host.to_string(), port.to_string())),
        Ok(out) => String::from_utf8_lossy(&out.stderr).trim().to_string(),
        Err(e) => format!("psql: {e}"),
    };
    if std::env::var_os("CI").is_some() {
        panic!(
            "CI is set, so the PostgreSQL tests must run, but the server at {given} is not usable: {reason}"
        );
    }
    eprintln!(
        "skipping a PostgreSQL test: no usable server at {given} ({reason}); set CLAIMTRACK_TEST_PG=HOST:PORT"
    );
    None
}

/// A database of its own on the server, dropped (with the roles the test
/// made) when the test ends.
pub(super) struct Desk {
    host: String,
    port: String,
    name: String,
    env: Env,
}

impl Desk {
    pub(super) fn new() -> Option<Desk> {
        Desk::called("ct_")
    }

    /// A desk whose database's name starts with `prefix` (quoted wherever
    /// SQL names it, so that it may hold capitals or a hyphen).
    fn called(prefix: &str) -> Option<Desk> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let (host, port) = server()?;
        let name = format!(
            "{prefix}{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let desk = Desk {
            host,
            port,
            name,
            env: Env::new(),
        };
        desk.psql_as(None, "postgres", &format!("CREATE DATABASE \"{}\"", desk.name))
            .expect("a scratch database");
        Some(desk)
    }

    pub(super) fn url(&self) -> String {
        format!("postgres://{}:{}/{}", self.host, self.port, self.name)
    }

    /// A login of this test (unique across tests on the server; a login
    /// claimtrack takes is in lowercase).
    fn login(&self, name: &str) -> String {
        format!("{}_m_{name}", self.name.to_lowercase())
    }

    /// `claims --db URL ARGS` as the server's default user (the owner).
    pub(super) fn claims(&self, args: &[&str]) -> super::harness::Run {
        self.claims_at(&self.url(), args)
    }

    /// `claims --db URL ARGS` as `login` (a member of the desk, or not).
    fn claims_as(&self, login: &str, args: &[&str]) -> super::harness::Run {
        self.claims_at(
            &format!("postgres://{login}@{}:{}/{}", self.host, self.port, self.name),
            args,
        )
    }

    fn claims_at(&self, url: &str, args: &[&str]) -> super::harness::Run {
        let mut all = vec!["--db", url];
        all.extend_from_slice(args);
        self.env.run(&all)
    }

    /// Runs SQL through `psql` as `user` (None: the default, the owner) in
    /// database `database`; stdout on success, stderr on failure.
    fn psql_as(&self, user: Option<&str>, database: &str, sql: &str) -> Result<String, String> {
        let mut command = Command::new("psql");
        command.args([
            "-h",
            &self.host,
            "-p",
            &self.port,
            "-d",
            database,
            "-XAtq",
            "-v",
            "ON_ERROR_STOP=1",
        ]);
        if let Some(user) = user {
            command.args(["-U", user]);
        }
        let Output {
            status,
            stdout,
            stderr,
        } = command.args(["-c", sql]).output().expect("psql runs");
        if status.success() {
            Ok(String::from_utf8_lossy(&stdout).trim().to_string())
        } else {
            Err(String::from_utf8_lossy(&stderr).trim().to_string())
        }
    }

    pub(super) fn sql(&self, user: Option<&str>, sql: &str) -> Result<String, String> {
        self.psql_as(user, &self.name, sql)
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        let roles: Vec<String> = self
            .psql_as(
                None,
                "postgres",
                &format!(
                    "SELECT rolname FROM pg_roles WHERE rolname ILIKE '{}\\_%'",
                    self.name
                ),
            )
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect();
        let _ = self.psql_as(
            None,
            "postgres",
            &format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name),
        );
        for role in roles {
            let _ = self.psql_as(None, "postgres", &format!("DROP ROLE IF EXISTS \"{role}\""));
        }
    }
}

/// Logs a claim by hand through SQL as `user`, the way any program could:
/// a source, the claim's first event, the claim, and the operation that
/// covers them (the actor and time the database expects).
fn log_claim_sql(source: i64, claim: i64, text: &str) -> String {
    format!(
        "BEGIN;
         INSERT INTO sources (id, name, name_key, kind, created_at)
             VALUES ({source}, 'Source {source}', 'source {source}', 'person', claimtrack_now());
         INSERT INTO status_events (id, claim_id, from_status, to_status, actor, at, operation_id)
             VALUES ((SELECT coalesce(max(id), 0) + 1 FROM status_events), {claim}, NULL, 'unverified',
                     session_user, claimtrack_now(), (SELECT coalesce(max(id), 0) + 1 FROM operations));
         INSERT INTO claims (id, uuid, source_id, text, status, created_at, updated_at)
             VALUES ({claim}, gen_random_uuid(), {source}, '{text}', 'unverified', claimtrack_now(), claimtrack_now());
         INSERT INTO operations (id, kind, claim_id, actor, at, hash)
             VALUES ((SELECT coalesce(max(id), 0) + 1 FROM operations), 'claim.create', {claim},
                     session_user, claimtrack_now(), repeat('0', 64));
         COMMIT;"
    )
}

/// Marks claim `claim` from `from` to `to` through SQL as the session's user.
fn mark_sql(claim: i64, from: &str, to: &str) -> String {
    format!(
        "BEGIN;
         INSERT INTO status_events (id, claim_id, from_status, to_status, actor, at, operation_id)
             VALUES ((SELECT max(id) + 1 FROM status_events), {claim}, '{from}', '{to}',
                     session_user, claimtrack_now(), (SELECT max(id) + 1 FROM operations));
         INSERT INTO operations (id, kind, claim_id, actor, at, hash)
             VALUES ((SELECT max(id) + 1 FROM operations), 'claim.mark', {claim},
                     session_user, claimtrack_now(), repeat('0', 64));
         COMMIT;"
    )
}

/// The scripted desk: the owner sets the team up; an admin adds members;
/// a viewer cannot write, a checker cannot confirm nor sign as someone
/// else, an editor can; nobody truncates the history; a guest whose time
/// ran out reads nothing; each change is in the journal under the real
/// database user.
#[test]
fn the_database_holds_each_member_to_their_role() {
    let Some(desk) = Desk::new() else { return };
    let run = desk.claims(&["team", "init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!("{}_checker", desk.name)),
        "{}",
        run.stdout
    );
    let again = desk.claims(&["team", "init"]);
    assert_eq!(again.code, 2, "{}", again.stderr);
    assert!(again.stderr.contains("already set up"), "{}", again.stderr);

    let (admin, checker, editor, viewer, guest) = (
        desk.login("admin"),
        desk.login("checker"),
        desk.login("editor"),
        desk.login("viewer"),
        desk.login("guest"),
    );
    let run = desk.claims(&["team", "add", &admin, "--role", "admin"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The admin (not the owner) adds the others: team management is the
    // admin role's right, not the owner's alone.
    let as_admin = |args: &[&str]| desk.claims_as(&admin, args);
    for (login, role) in [(&checker, "checker"), (&editor, "editor"), (&viewer, "viewer")] {
        let run = as_admin(&["team", "add", login, "--role", role]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let article = if role == "editor" || role == "admin" {
            "an"
        } else {
            "a"
        };
        assert_eq!(run.stdout.trim(), format!("{login} is {article} {role}"));
    }
    let run = as_admin(&["team", "add", &guest, "--role", "viewer", "--until", "2020-01-31"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // A checker cannot add members.
    let url = format!("postgres://{checker}@{}:{}/{}", desk.host, desk.port, desk.name);
    let run = desk
        .env
        .run(&["--db", &url, "team", "add", &desk.login("x"), "--role", "admin"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("only admins add members"), "{}", run.stderr);

    let listed = desk.claims(&["team", "list", "--format", "csv"]).stdout;
    assert!(
        listed.contains(&format!("{guest},viewer,2020-01-31,true,{admin},")),
        "{listed}"
    );
    assert!(
        listed.contains(&format!("{checker},checker,,false,{admin},")),
        "{listed}"
    );

    // A viewer reads but cannot write, through psql.
    assert_eq!(
        desk.sql(Some(&viewer), "SELECT count(*) FROM claims"),
        Ok("0".to_string())
    );
    let refused = desk.sql(
        Some(&viewer),
        "INSERT INTO sources (id, name, name_key, kind, created_at) VALUES (99, 'x', 'x', 'person', claimtrack_now())",
    );
    assert!(
        refused.as_ref().is_err_and(|e| e.contains("permission denied")),
        "{refused:?}"
    );

    // A checker logs a claim and disputes it, but cannot confirm it.
    desk.sql(Some(&checker), &log_claim_sql(1, 1, "Seven were detained"))
        .unwrap();
    desk.sql(Some(&checker), &mark_sql(1, "unverified", "disputed"))
        .unwrap();
    let refused = desk.sql(Some(&checker), &mark_sql(1, "disputed", "confirmed"));
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.contains("is a checker: marking a claim confirmed takes an editor")),
        "{refused:?}"
    );
    // Nor sign an operation as someone else.
    let forged = desk.sql(
        Some(&checker),
        &format!(
            "INSERT INTO operations (id, kind, actor, at, hash)
             VALUES ((SELECT max(id) + 1 FROM operations), 'source.create', '{editor}', claimtrack_now(), repeat('0', 64))"
        ),
    );
    assert!(
        forged
            .as_ref()
            .is_err_and(|e| e.contains("actor is the database user who makes it")),
        "{forged:?}"
    );
    // Nor edit a claim's words (an editor's right).
    let edited = desk.sql(
        Some(&checker),
        "UPDATE claims SET text = 'Six were detained' WHERE id = 1",
    );
    assert!(
        edited.as_ref().is_err_and(|e| e.contains("permission denied")),
        "{edited:?}"
    );

    // An editor confirms it.
    desk.sql(Some(&editor), &mark_sql(1, "disputed", "confirmed"))
        .unwrap();
    assert_eq!(
        desk.sql(Some(&viewer), "SELECT status FROM claims WHERE id = 1"),
        Ok("confirmed".to_string())
    );

    // The history cannot be rewritten or truncated, not even by the owner.
    for (user, sql, why) in [
        (
            Some(editor.as_str()),
            "UPDATE status_events SET to_status = 'refuted' WHERE id = 1",
            "permission denied",
        ),
        (
            Some(editor.as_str()),
            "DELETE FROM operations",
            "permission denied",
        ),
        (
            Some(editor.as_str()),
            "TRUNCATE status_events CASCADE",
            "permission denied",
        ),
        (
            None,
            "TRUNCATE operations CASCADE",
            "the journal is append-only: it cannot be truncated",
        ),
        (None, "TRUNCATE claims CASCADE", "claims cannot be truncated"),
        (None, "DELETE FROM status_events", "an event cannot be deleted"),
        (
            None,
            "UPDATE operations SET actor = 'someone' WHERE id = 1",
            "an operation cannot be changed",
        ),
        (
            None,
            "UPDATE claims SET status = 'refuted' WHERE id = 1",
            "changes only by appending a status event",
        ),
    ] {
        let refused = desk.sql(user, sql);
        assert!(
            refused.as_ref().is_err_and(|e| e.contains(why)),
            "{user:?}: {sql}: {refused:?}"
        );
    }

    // A guest whose membership ran out sees nothing.
    assert_eq!(
        desk.sql(Some(&guest), "SELECT count(*) FROM claims"),
        Ok("0".to_string())
    );
    assert_eq!(
        desk.sql(Some(&viewer), "SELECT count(*) FROM claims"),
        Ok("1".to_string())
    );

    // Every change is in the journal under the database user who made it.
    let journal = desk
        .sql(None, "SELECT kind || ' ' || actor FROM operations ORDER BY id")
        .unwrap();
    let owner = desk.sql(None, "SELECT session_user").unwrap();
    let expected = [
        format!("team.init {owner}"),
        format!("team.add {owner}"),
        format!("team.add {admin}"),
        format!("team.add {admin}"),
        format!("team.add {admin}"),
        format!("team.add {admin}"),
        format!("claim.create {checker}"),
        format!("claim.mark {checker}"),
        format!("claim.mark {editor}"),
    ];
    assert_eq!(journal.lines().collect::<Vec<_>>(), expected);
    // `claims log` on the server says the same, read by any member.
    let url = format!("postgres://{viewer}@{}:{}/{}", desk.host, desk.port, desk.name);
    let log = desk.env.ok(&["--db", &url, "log", "--format", "csv"]);
    let rows: Vec<String> = log
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            format!("{} {}", cells[3], cells[2])
        })
        .collect();
    assert_eq!(rows, expected, "{log}");
    let by_editor = desk.env.ok(&["--db", &url, "log", "--actor", &editor]);
    assert!(
        by_editor.contains("claim.mark") && !by_editor.contains(&checker),
        "{by_editor}"
    );
    let short = desk
        .sql(None, "SELECT short_id FROM claims WHERE id = 1")
        .unwrap();
    let one_claim = desk.env.ok(&["--db", &url, "log", &short, "--format", "csv"]);
    assert_eq!(
        one_claim.lines().count(),
        4,
        "created, disputed, confirmed: {one_claim}"
    );
    let line = desk.env.refused(&["--db", &url, "log", "--source", "Nobody"], 2);
    assert!(line.contains("unknown source 'Nobody'"), "{line}");

    // Removed, the checker can no longer write.
    let run = as_admin(&["team", "remove", &checker]);
    assert_eq!(
        run.stdout.trim(),
        format!("{checker} is off the team (was a checker)"),
        "{}",
        run.stderr
    );
    let refused = desk.sql(Some(&checker), &log_claim_sql(2, 2, "Another"));
    assert!(refused.is_err(), "a removed checker still writes");
}

/// Team commands need a PostgreSQL URL; the other commands do not run on
/// one yet and say so; a password in the URL never reaches a message.
/// The desk's roles are named after the database, so a database whose
/// name needs quoting ("Desk-2026") must work as any other: a checker's
/// write keeps the search index (whose rights were once left out of such a
/// desk's roles), and a login on no team is told so by name.
#[test]
fn a_desk_whose_name_needs_quoting_works_as_any_other() {
    let Some(desk) = Desk::called("Ct-Desk-") else {
        return;
    };
    let run = desk.claims(&["team", "init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (checker, editor, outsider) = (
        desk.login("checker"),
        desk.login("editor"),
        desk.login("outsider"),
    );
    for (login, role) in [(&checker, "checker"), (&editor, "editor")] {
        let run = desk.claims(&["team", "add", login, "--role", role]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    desk.sql(None, &format!("CREATE ROLE \"{outsider}\" LOGIN"))
        .unwrap();
    let run = desk.claims(&["source", "add", "Dmitry Peskov", "--kind", "person"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = desk.claims_as(
        &checker,
        &[
            "add",
            "--by",
            "Dmitry Peskov",
            "--text",
            "A CIA tip-off helped stop a terror plot",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let id = run.stdout.trim().to_string();
    let run = desk.claims_as(&editor, &["confirm", &id]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let found = desk.claims_as(&checker, &["list", "--search", "tip-off", "--format", "csv"]);
    assert_eq!(found.code, 0, "{}", found.stderr);
    assert!(found.stdout.contains("confirmed"), "{}", found.stdout);

    let run = desk.claims_as(&outsider, &["list"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("{outsider} is not a member of the team of"))
            && run.stderr.contains("claims team add"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn team_mode_is_refused_cleanly_where_it_does_not_apply() {
    let env = Env::new();
    let line = env.refused(&["team", "list"], 2);
    assert!(
        line.contains("claims team works on a PostgreSQL database"),
        "{line}"
    );
    let url = "postgres://ana:s3cret@127.0.0.1:1/desk";
    let run = env.run(&["--db", url, "team", "list"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot connect to postgres://ana:***@127.0.0.1:1/desk")
            && !run.stderr.contains("s3cret"),
        "{}",
        run.stderr
    );
    let run = env.run(&["--db", url, "backup", "x.db"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("where this version runs claims list, report, show, source list|show, article list|show, log, export, publish, verify, import, add, mark (confirm, dispute, refute), edit, link, unlink, undo, withdraw, reinstate, source (all of it), article add|edit, team and copy")
            && !run.stderr.contains("s3cret"),
        "{}",
        run.stderr
    );
    let line = env.refused(
        &[
            "--db",
            "postgres://127.0.0.1:1/desk",
            "team",
            "add",
            "Ana Smith",
            "--role",
            "viewer",
        ],
        2,
    );
    assert!(line.contains("'Ana Smith' is not a login"), "{line}");
}

/// TLS is the URL's `sslmode`, as with libpq: `require` connects
/// encrypted (sqlx refuses when it cannot: "server does not support TLS",
/// or, before claimtrack was built with TLS, "built without TLS
/// support"), and a certificate that cannot be read fails the
/// connection, naming the URL, with the password blanked.
#[test]
fn a_team_server_is_reached_over_tls_when_the_url_asks() {
    let Some(desk) = Desk::new() else { return };
    if desk.sql(None, "SHOW ssl").as_deref() != Ok("on") {
        eprintln!("skipping the TLS test: the server at {} has ssl off", desk.url());
        return;
    }
    let url = format!("{}?sslmode=require", desk.url());
    let run = desk.env.run(&["--db", &url, "team", "init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = desk.env.run(&[
        "--db",
        &url,
        "add",
        "--by",
        "Ana Lee",
        "--new-source",
        "person",
        "--text",
        "Over TLS",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let listed = desk.env.ok(&["--db", &url, "list", "--format", "csv"]);
    assert!(listed.contains("Over TLS"), "{listed}");
    // The same desk without TLS, on loopback plain by default: one record.
    let listed = desk.claims(&["list", "--format", "csv"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(listed.stdout.contains("Over TLS"), "{}", listed.stdout);

    let missing = desk.env.dir.path().join("no-such-root.crt");
    let url = format!(
        "postgres://ana:s3cret@{}:{}/{}?sslmode=verify-ca&sslrootcert={}",
        desk.host,
        desk.port,
        desk.name,
        missing.display()
    );
    let run = desk.env.run(&["--db", &url, "list"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot connect to postgres://ana:***@")
            && !run.stderr.contains("s3cret")
            && run.stderr.lines().count() == 1,
        "{}",
        run.stderr
    );
}

/// A desk's SQLite database moves onto the team server whole: every row
/// as stored (history older than the journal, edits, withdrawals, earlier
/// article bodies, links), the journal's chain recomputed to the same
/// head; then the team is set up over it and members read it.
#[test]
fn a_sqlite_database_moves_to_the_team_server_whole() {
    let Some(desk) = Desk::new() else { return };
    // An old file (history from before the journal), worked on since.
    let env = &desk.env;
    std::fs::copy(super::harness::fixtures_dir().join("first-release.db"), &env.db).unwrap();
    let csv = env.ok(&["list", "--format", "csv"]);
    let id = csv.lines().nth(1).unwrap().split(',').next().unwrap().to_string();
    env.ok(&["refute", &id, "--note", "court record", "--rating", "False"]);
    env.ok(&[
        "edit",
        &id,
        "--text",
        "Corrected words",
        "--language",
        "ru",
        "--note",
        "typo",
    ]);
    let other = csv.lines().nth(2).unwrap().split(',').next().unwrap().to_string();
    env.ok(&["withdraw", &other, "--note", "logged twice"]);
    let article = env.ok(&["article", "list", "--format", "csv"]);
    let article = article
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let newer = env.dir.path().join("newer.txt");
    let body =
        std::fs::read_to_string(super::harness::sample_dir().join("rferl-2017-12-18-peskov-cia-tip-off.txt"))
            .unwrap();
    std::fs::write(&newer, format!("{body}\nUpdated: a paragraph added later.\n")).unwrap();
    env.ok(&[
        "article",
        "edit",
        &article,
        "--body",
        newer.to_str().unwrap(),
        "--note",
        "updated",
    ]);
    let head = env.ok(&["verify"]);
    let head = head.lines().last().unwrap().to_string();

    let url = desk.url();
    let out = env.ok(&["copy", "--to", &url]);
    assert!(
        out.contains("article_snapshots 1") && out.contains("claims 40"),
        "{out}"
    );
    assert_eq!(
        out.lines().last().unwrap(),
        head.replace("journal head:", "journal head on both:")
    );

    // Row for row, the same values on both ends.
    let same = |sqlite: &str, postgres: &str| {
        let here = super::harness::scalar(&env.db, sqlite);
        let there = desk.sql(None, postgres).unwrap();
        assert_eq!(here, there, "{sqlite}");
    };
    same(
        "SELECT group_concat(lower(hex(uuid)) || '|' || status || '|' || coalesce(rating, '') || '|' || text || '|' || updated_at || '|' || coalesce(withdrawn_at, '') || '|' || coalesce(language, ''), char(10)) FROM (SELECT * FROM claims ORDER BY id)",
        "SELECT string_agg(replace(uuid::text, '-', '') || '|' || status || '|' || coalesce(rating, '') || '|' || text || '|' || updated_at || '|' || coalesce(withdrawn_at, '') || '|' || coalesce(language, ''), chr(10) ORDER BY id) FROM claims",
    );
    same(
        "SELECT group_concat(id || '|' || claim_id || '|' || to_status || '|' || actor || '|' || at || '|' || coalesce(operation_id, ''), char(10)) FROM (SELECT * FROM status_events ORDER BY id)",
        "SELECT string_agg(id || '|' || claim_id || '|' || to_status || '|' || actor || '|' || at || '|' || coalesce(operation_id::text, ''), chr(10) ORDER BY id) FROM status_events",
    );
    same(
        "SELECT group_concat(id || '|' || kind || '|' || actor || '|' || hash, char(10)) FROM (SELECT * FROM operations ORDER BY id)",
        "SELECT string_agg(id || '|' || kind || '|' || actor || '|' || hash, chr(10) ORDER BY id) FROM operations",
    );
    same(
        "SELECT group_concat(body_sha256, ',') FROM (SELECT body_sha256 FROM article_snapshots UNION ALL SELECT body_sha256 FROM articles)",
        "SELECT string_agg(body_sha256, ',') FROM (SELECT body_sha256 FROM article_snapshots UNION ALL SELECT body_sha256 FROM articles) b",
    );

    // `verify` on the server: the same checks, the same head as the file's.
    let there = desk.claims(&["verify"]);
    assert_eq!(there.code, 0, "{}{}", there.stdout, there.stderr);
    assert_eq!(there.stdout.lines().last().unwrap(), head, "{}", there.stdout);
    assert!(
        there.stdout.contains("15 quotes checked: 15 anchored"),
        "{}",
        there.stdout
    );

    // The reading commands print the same on both ends, filter by filter.
    let today = env.ok(&["list", "--format", "csv"]);
    assert!(today.lines().count() > 30, "{today}");
    for args in [
        vec!["report", "--format", "csv"],
        vec!["report", "--rollup", "--format", "csv"],
        vec!["report", "--as-of", "2017-12-15", "--format", "csv"],
        vec!["report", "--as-known-on", "2017-12-31", "--format", "json"],
        vec!["report", "--source", "Kremlin", "--rollup", "--format", "json"],
        vec!["report", "--status", "disputed,unverifiable", "--format", "csv"],
        vec!["list", "--format", "csv"],
        vec!["list", "--format", "csv", "--include-withdrawn"],
        vec!["list", "--by", "putin's spokesman", "--format", "csv"],
        vec!["list", "--tag", "TERRORISM", "--format", "csv"],
        vec![
            "list", "--search", "tip-off", "--sort", "newest", "--format", "csv",
        ],
        vec![
            "list",
            "--since",
            "2017-12-15",
            "--until",
            "2017-12-17",
            "--limit",
            "3",
            "--format",
            "json",
        ],
        vec![
            "list",
            "--article",
            &article,
            "--as-of",
            "2017-12-31",
            "--format",
            "csv",
        ],
        vec!["log", "--format", "csv"],
        vec!["show", &id],
        vec!["show", &id, "--format", "json"],
        vec!["show", &other, "--format", "csv"],
        vec!["source", "list"],
        vec!["source", "list", "--format", "json"],
        vec!["source", "show", "putin's spokesman"],
        vec!["source", "show", "Kremlin", "--format", "json"],
        vec!["article", "list", "--format", "csv"],
        vec!["article", "show", &article],
        vec!["article", "show", &article, "--format", "json"],
        vec!["export", "--format", "csv", "-"],
        vec!["export", "--format", "jsonl"],
        vec!["export", "--format", "claimreview", "--publisher", "Desk", "-"],
    ] {
        let here = env.ok(&args);
        let there = desk.claims(&args);
        assert_eq!(there.code, 0, "{args:?}: {}", there.stderr);
        assert_eq!(there.stdout, here, "{args:?}");
    }
    // Claim files, file for file.
    let (here, there) = (
        env.dir.path().join("files-here"),
        env.dir.path().join("files-there"),
    );
    env.ok(&["export", here.to_str().unwrap()]);
    let run = desk.claims(&["export", there.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut names: Vec<_> = std::fs::read_dir(&here)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in &names {
        assert_eq!(
            std::fs::read_to_string(there.join(name)).unwrap(),
            std::fs::read_to_string(here.join(name)).unwrap(),
            "{name:?}"
        );
    }
    for (args, expected) in [
        (vec!["list", "--by", "Nobody"], "unknown source 'Nobody'"),
        (
            vec!["list", "--article", "ffff0000"],
            "no article matches 'ffff0000'",
        ),
        (
            vec!["edit", &id, "--text", "x"],
            "is refuted: say why it changes with --note",
        ),
        (
            vec!["backup", "x.db"],
            "the other commands that change the record work on a SQLite file",
        ),
    ] {
        let run = desk.claims(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
    }

    // Into a database that is not empty: refused, nothing written.
    let line = env.refused(&["copy", "--to", &url], 2);
    assert!(line.contains("is not empty"), "{line}");
    // And back into a new SQLite file: the same rows, the same head, and
    // the copy is a database like any other.
    let back = env.dir.path().join("back.db");
    let run = desk.claims(&["copy", "--to", back.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().last().unwrap(), out.lines().last().unwrap());
    for sql in [
        "SELECT group_concat(lower(hex(uuid)) || status || coalesce(rating, '') || text || updated_at || coalesce(withdrawn_at, '') || coalesce(language, ''), char(10)) FROM (SELECT * FROM claims ORDER BY id)",
        "SELECT group_concat(id || claim_id || to_status || actor || at || coalesce(operation_id, '') || evidence, char(10)) FROM (SELECT * FROM status_events ORDER BY id)",
        "SELECT group_concat(id || kind || coalesce(old, '') || coalesce(new, '') || actor || at || hash, char(10)) FROM (SELECT * FROM operations ORDER BY id)",
        "SELECT group_concat(body_sha256, ',') FROM (SELECT body_sha256 FROM article_snapshots UNION ALL SELECT body_sha256 FROM articles)",
        "SELECT group_concat(claim_id || tag, ',') FROM (SELECT * FROM claim_tags ORDER BY claim_id, tag)",
    ] {
        assert_eq!(
            super::harness::scalar(&back, sql),
            super::harness::scalar(&env.db, sql),
            "{sql}"
        );
    }
    let copy = Env::new();
    std::fs::copy(&back, &copy.db).unwrap();
    assert_eq!(copy.ok(&["verify"]).lines().last().unwrap(), head);
    copy.ok(&["add", "--by", "Kremlin", "--text", "Logged after the round trip"]);
    // Then the team over it: a viewer reads what was copied.
    assert_eq!(desk.claims(&["team", "init"]).code, 0);
    let viewer = desk.login("viewer");
    assert_eq!(desk.claims(&["team", "add", &viewer, "--role", "viewer"]).code, 0);
    assert_eq!(
        desk.sql(
            Some(&viewer),
            "SELECT count(*) FROM claims WHERE withdrawn_at IS NULL"
        ),
        Ok("39".to_string())
    );
    // A destination that exists and holds claims is refused.
    let run = desk.claims(&["copy", "--to", env.db.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is not empty"), "{}", run.stderr);

    // An owner who disables a trigger around a change is caught by verify,
    // as is a trigger left disabled.
    desk.sql(
        None,
        "ALTER TABLE claims DISABLE TRIGGER claims_follow_history;
         UPDATE claims SET text = 'Words nobody said' WHERE id = 3;
         ALTER TABLE claims ENABLE TRIGGER claims_follow_history;
         ALTER TABLE operations DISABLE TRIGGER operations_no_update;",
    )
    .unwrap();
    let run = desk.claims(&["verify", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("every claim is what the journal recorded")
            && run.stderr.contains("missing: operations_no_update"),
        "{}",
        run.stderr
    );
    // A copy of a database that does not verify fails, and leaves no file.
    let spoiled = env.dir.path().join("spoiled.db");
    let run = desk.claims(&["copy", "--to", spoiled.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("the source does not verify"),
        "{}",
        run.stderr
    );
    assert!(!spoiled.exists());
}

/// The desk at work through the command line: two checkers and an editor
/// mark claims at once; the database refuses a checker's confirm and
/// anyone's `--as`; the journal names each real login; the chain holds.
#[test]
fn checkers_and_an_editor_mark_claims_at_once_through_the_cli() {
    let Some(desk) = Desk::new() else { return };
    let env = &desk.env;
    env.ok(&["import", super::harness::sample_dir().to_str().unwrap()]);
    env.ok(&["copy", "--to", &desk.url()]);
    assert_eq!(desk.claims(&["team", "init"]).code, 0);
    let (ana, ben, cleo) = (desk.login("ana"), desk.login("ben"), desk.login("cleo"));
    for (login, role) in [(&ana, "checker"), (&ben, "checker"), (&cleo, "editor")] {
        let run = desk.claims(&["team", "add", login, "--role", role]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let url_of = |login: &str| format!("postgres://{login}@{}:{}/{}", desk.host, desk.port, desk.name);
    let ids: Vec<String> = env
        .ok(&["list", "--status", "unverified", "--format", "csv"])
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap()[28..].to_string())
        .collect();
    assert!(ids.len() >= 12, "{ids:?}");
    let totals = |report: &str| -> (i64, i64) {
        let sum = |column: usize| -> i64 {
            report
                .lines()
                .skip(1)
                .map(|l| l.split(',').nth(column).unwrap().parse::<i64>().unwrap())
                .sum()
        };
        (sum(4), sum(5))
    };
    let (disputed, confirmed) = totals(&env.ok(&["report", "--format", "csv"]));

    // A checker may not confirm, nor name someone else.
    let refused = env.run(&["--db", &url_of(&ana), "confirm", &ids[0], "--note", "sure"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("marking a claim confirmed takes an editor"),
        "{}",
        refused.stderr
    );
    let refused = env.run(&["--db", &url_of(&ana), "dispute", &ids[0], "--as", &cleo]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("--as is not taken on a team database"),
        "{}",
        refused.stderr
    );

    // A checker logs claims, with a new source too; the journal has them
    // under the checker's login.
    let added = env.ok(&[
        "--db",
        &url_of(&ben),
        "add",
        "--by",
        "Kremlin",
        "--text",
        "Talks went well",
        "--tag",
        "Talks",
        "--said-on",
        "2017-12-19",
        "--language",
        "ru",
    ]);
    let added = added.trim().to_string();
    let fresh = env.ok(&[
        "--db",
        &url_of(&ben),
        "add",
        "--by",
        "Sergei Lavrov",
        "--new-source",
        "person",
        "--text",
        "No comment",
    ]);
    let shown = desk.claims(&["show", &added, "--format", "json"]).stdout;
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        (shown["source"].as_str(), shown["language"].as_str()),
        (Some("Kremlin"), Some("ru"))
    );
    assert_eq!(shown["history"][0]["actor"].as_str(), Some(ben.as_str()));
    let again = env.run(&[
        "--db",
        &url_of(&ana),
        "add",
        "--by",
        "kremlin",
        "--text",
        "Talks went well",
        "--said-on",
        "2017-12-19",
    ]);
    assert_eq!(again.code, 2, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains(&format!("already has this claim logged as {added}")),
        "{}",
        again.stderr
    );
    assert_eq!(desk.claims(&["show", fresh.trim()]).code, 0);

    // Three members at once, four claims each.
    let workers: Vec<_> = [(&ana, "dispute", 0), (&ben, "dispute", 4), (&cleo, "confirm", 8)]
        .into_iter()
        .map(|(login, verb, first)| {
            let (url, bin) = (url_of(login), env!("CARGO_BIN_EXE_claims"));
            let ids = ids[first..first + 4].to_vec();
            std::thread::spawn(move || {
                for id in ids {
                    let out = std::process::Command::new(bin)
                        .args(["--db", &url, verb, &id, "--note", "checked"])
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "{verb} {id}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }

    let log = desk.claims(&["log", "--format", "csv"]).stdout;
    assert_eq!(
        log.lines()
            .filter(|l| l.contains(&format!(",{ben},claim.create,")))
            .count(),
        2,
        "{log}"
    );
    assert_eq!(
        log.lines()
            .filter(|l| l.contains(&format!(",{ben},source.create,")))
            .count(),
        1,
        "{log}"
    );
    for (login, kind_count) in [(&ana, 4), (&ben, 4), (&cleo, 4)] {
        let marks = log
            .lines()
            .filter(|l| l.contains(&format!(",{login},claim.mark,")))
            .count();
        assert_eq!(marks, kind_count, "{login}: {log}");
    }
    let report = desk.claims(&["report", "--format", "csv"]).stdout;
    assert_eq!(
        totals(&report),
        (disputed + 8, confirmed + 4),
        "disputed, confirmed: {report}"
    );
    // Withdrawing is an editor's: a checker's is refused by the database.
    let refused = env.run(&[
        "--db",
        &url_of(&ben),
        "withdraw",
        fresh.trim(),
        "--note",
        "logged by mistake",
    ]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("permission denied"), "{}", refused.stderr);
    let out = env.ok(&[
        "--db",
        &url_of(&cleo),
        "withdraw",
        fresh.trim(),
        "--note",
        "logged by mistake",
    ]);
    assert!(out.contains("withdrawn (operation"), "{out}");
    assert!(
        !desk
            .claims(&["list", "--format", "csv"])
            .stdout
            .contains("No comment")
    );
    let again = env.run(&[
        "--db",
        &url_of(&cleo),
        "withdraw",
        fresh.trim(),
        "--note",
        "twice",
    ]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("is already withdrawn"), "{}", again.stderr);
    env.ok(&["--db", &url_of(&cleo), "reinstate", fresh.trim()]);
    assert!(
        desk.claims(&["list", "--format", "csv"])
            .stdout
            .contains("No comment")
    );

    let verified = desk.claims(&["verify"]);
    assert_eq!(verified.code, 0, "{}{}", verified.stdout, verified.stderr);
    // And the server's record comes back to a file that verifies too.
    let back = env.dir.path().join("back.db");
    let run = desk.claims(&["copy", "--to", back.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().last().unwrap(),
        verified
            .stdout
            .lines()
            .last()
            .unwrap()
            .replace("journal head:", "journal head on both:")
    );
}

/// Sixteen members writing at once lose nothing and fail nothing: each
/// logs claims and disputes them, and every change is in the journal, in
/// one unbroken chain.
#[test]
fn sixteen_writers_at_once_lose_nothing() {
    let Some(desk) = Desk::new() else { return };
    assert_eq!(desk.claims(&["team", "init"]).code, 0);
    let owner = desk.claims(&["source", "list", "--format", "csv"]);
    assert_eq!(owner.code, 0, "{}", owner.stderr);
    const WRITERS: usize = 16;
    // Each round: one add, one dispute. CLAIMTRACK_WRITER_ROUNDS=50 gives
    // the full 16 x 100 operations (about a minute here).
    let rounds: usize = std::env::var("CLAIMTRACK_WRITER_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(6);
    let logins: Vec<String> = (0..WRITERS).map(|i| desk.login(&format!("w{i}"))).collect();
    for login in &logins {
        let run = desk.claims(&["team", "add", login, "--role", "checker"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    // The source they all cite, made once by the first.
    let url_of = |login: &str| format!("postgres://{login}@{}:{}/{}", desk.host, desk.port, desk.name);
    desk.env.ok(&[
        "--db",
        &url_of(&logins[0]),
        "add",
        "--by",
        "Kremlin",
        "--new-source",
        "organization",
        "--text",
        "Opening statement",
    ]);
    let workers: Vec<_> = logins
        .iter()
        .enumerate()
        .map(|(i, login)| {
            let (url, bin) = (url_of(login), env!("CARGO_BIN_EXE_claims"));
            std::thread::spawn(move || {
                for round in 0..rounds {
                    let text = format!("Writer {i} says thing {round}");
                    let out = std::process::Command::new(bin)
                        .args(["--db", &url, "add", "--by", "Kremlin", "--text", &text])
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "add: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
                    let out = std::process::Command::new(bin)
                        .args(["--db", &url, "dispute", &id, "--note", "checking"])
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "dispute: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let count = |sql: &str| desk.sql(None, sql).unwrap().parse::<usize>().unwrap();
    assert_eq!(count("SELECT count(*) FROM claims"), 1 + WRITERS * rounds);
    assert_eq!(
        count("SELECT count(*) FROM status_events"),
        1 + 2 * WRITERS * rounds
    );
    assert_eq!(
        count("SELECT count(*) FROM claims WHERE status = 'disputed'"),
        WRITERS * rounds
    );
    assert_eq!(
        count("SELECT count(DISTINCT actor) FROM operations WHERE kind = 'claim.mark'"),
        WRITERS
    );
    let verified = desk.claims(&["verify"]);
    assert_eq!(verified.code, 0, "{}{}", verified.stdout, verified.stderr);
}

/// `claims import` on the team server: the owner fills an empty database
/// in one bulk load (through COPY) that reads back as the same file
/// imported into SQLite; a checker's import that sets a verdict only an
/// editor may is refused whole by the database; an editor's goes in under
/// the editor's login, and importing it again changes nothing.
#[test]
fn a_desk_imports_claim_files() {
    let Some(desk) = Desk::new() else { return };
    let sample = super::harness::sample_dir();
    let sample = sample.to_str().unwrap();
    // The owner's bulk load, against the same files in SQLite.
    let here = desk.env.ok(&["import", sample]);
    let there = desk.claims(&["import", sample]);
    assert_eq!(there.code, 0, "{}", there.stderr);
    assert_eq!(there.stdout, here);
    for args in [
        vec!["report", "--format", "csv"],
        vec!["report", "--rollup", "--format", "csv"],
        vec!["source", "list", "--format", "csv"],
    ] {
        assert_eq!(desk.claims(&args).stdout, desk.env.ok(&args), "{args:?}");
    }
    // Times of writing and the article's own id (a UUIDv7, made when it
    // was logged) differ between the two runs; the rest may not.
    let strip_times = |csv: String| -> Vec<String> {
        let made_now =
            |f: &&str| (f.contains('T') && f.ends_with('Z')) || (f.len() == 36 && f.as_bytes()[14] == b'7');
        let mut rows: Vec<String> = csv
            .lines()
            .map(|l| {
                l.split(',')
                    .filter(|f| !made_now(f))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect();
        rows.sort();
        rows
    };
    assert_eq!(
        strip_times(
            desk.claims(&["list", "--format", "csv", "--include-withdrawn"])
                .stdout
        ),
        strip_times(desk.env.ok(&["list", "--format", "csv", "--include-withdrawn"]))
    );
    let verified = desk.claims(&["verify"]);
    assert_eq!(verified.code, 0, "{}{}", verified.stdout, verified.stderr);
    assert!(
        verified.stdout.contains("quotes checked") && !verified.stdout.contains("orphaned: 1"),
        "{}",
        verified.stdout
    );
    let again = desk.claims(&["import", sample]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.starts_with("nothing changed"), "{}", again.stdout);
    // The load put every trigger and index back.
    let disabled = desk
        .sql(
            None,
            "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'",
        )
        .unwrap();
    assert_eq!(disabled, "0");
    let indexes = desk
        .sql(None, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('claims_short_id', 'status_events_claim', 'claim_tags_tag')")
        .unwrap();
    assert_eq!(indexes, "3");

    // On a second desk, members import; one of the sample's verdicts is
    // "confirmed", which a checker may not record.
    let Some(team) = Desk::new() else { return };
    assert_eq!(team.claims(&["team", "init"]).code, 0);
    let (checker, editor) = (team.login("checker"), team.login("editor"));
    for (login, role) in [(&checker, "checker"), (&editor, "editor")] {
        let run = team.claims(&["team", "add", login, "--role", role]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let as_member = |login: &str, args: &[&str]| team.claims_as(login, args);
    let journal = || team.sql(None, "SELECT count(*) FROM operations").unwrap();
    let membership = journal();
    let refused = as_member(&checker, &["import", sample]);
    assert_eq!(refused.code, 2, "{}{}", refused.stdout, refused.stderr);
    assert!(
        refused.stderr.contains("is a checker: marking a claim")
            && refused.stderr.contains("takes an editor"),
        "{}",
        refused.stderr
    );
    assert_eq!(team.sql(None, "SELECT count(*) FROM claims").unwrap(), "0");
    assert_eq!(journal(), membership, "nothing of the refused import stays");

    let imported = as_member(&editor, &["import", sample]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert_eq!(imported.stdout, here);
    // Every operation and event is the editor's; a file's own reviewer is
    // kept in the event's note.
    let actors = team
        .sql(None, "SELECT string_agg(DISTINCT actor, ',') FROM (SELECT actor FROM operations WHERE kind NOT LIKE 'team.%' UNION ALL SELECT actor FROM status_events) a")
        .unwrap();
    assert_eq!(actors, editor);
    let named = team
        .sql(
            None,
            "SELECT count(*) FROM status_events WHERE note LIKE '%in the imported file%'",
        )
        .unwrap();
    assert_ne!(named, "0", "the sample names reviewers of its verdicts");
    let log = as_member(&editor, &["log", "--format", "csv"]);
    assert!(
        log.stdout.contains(&format!(",{editor},import,")),
        "{}",
        log.stdout
    );
    let verified = as_member(&checker, &["verify"]);
    assert_eq!(verified.code, 0, "{}{}", verified.stdout, verified.stderr);
    let again = as_member(&editor, &["import", sample]);
    assert!(again.stdout.starts_with("nothing changed"), "{}", again.stdout);

    // A later copy of the file moves one claim's verdict, within a
    // checker's rights: appended to its history, under the checker's login.
    let original = std::fs::read_to_string(
        super::harness::sample_dir().join("rferl-2017-12-18-peskov-cia-tip-off.toml"),
    )
    .unwrap();
    let before = "status = \"unverified\"\ntags = [\"terrorism\", \"us-russia-cooperation\"]";
    assert!(original.contains(before));
    let later = team.env.dir.path().join("later");
    std::fs::create_dir(&later).unwrap();
    std::fs::write(
        later.join("rferl-2017-12-18-peskov-cia-tip-off.toml"),
        original.replacen(before, &before.replace("unverified", "disputed"), 1),
    )
    .unwrap();
    std::fs::copy(
        super::harness::sample_dir().join("rferl-2017-12-18-peskov-cia-tip-off.txt"),
        later.join("rferl-2017-12-18-peskov-cia-tip-off.txt"),
    )
    .unwrap();
    let events = || team.sql(None, "SELECT count(*) FROM status_events").unwrap();
    let events_before: i64 = events().parse().unwrap();
    let run = as_member(&checker, &["import", later.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("claims 0 added, 1 updated"), "{}", run.stdout);
    assert_eq!(events().parse::<i64>().unwrap(), events_before + 1);
    let latest = team
        .sql(
            None,
            "SELECT to_status || ' ' || actor FROM status_events ORDER BY id DESC LIMIT 1",
        )
        .unwrap();
    assert_eq!(latest, format!("disputed {checker}"));
    let verified = as_member(&checker, &["verify"]);
    assert_eq!(verified.code, 0, "{}{}", verified.stdout, verified.stderr);
}

/// An owner's bulk import into the team server, killed (SIGKILL) at points
/// across it: the server rolls the whole transaction back, the triggers
/// and indexes the load had set aside included, so each time the database
/// holds none of it and is whole; a rerun then imports all of it.
#[test]
fn a_killed_import_on_the_team_server_leaves_nothing_of_it() {
    const N: usize = 30_000;
    let Some(desk) = Desk::new() else { return };
    let input = super::reliability::bulk_claims(&desk.env, "bulk.jsonl", "Bulk", N);
    let input = input.to_str().unwrap();
    let url = desk.url();
    // How long a whole import takes here, on a scratch database.
    let Some(scratch) = Desk::new() else { return };
    let started = std::time::Instant::now();
    let run = scratch.claims(&["import", input]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let whole = started.elapsed();
    drop(scratch);

    let busy = || {
        desk.psql_as(
            None,
            "postgres",
            &format!(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '{}' AND application_name = 'claimtrack'",
                desk.name
            ),
        )
        .unwrap()
    };
    let mut killed = 0;
    for fraction in [0.2, 0.4, 0.6, 0.8] {
        let finished = super::reliability::kill_after(
            &desk.env,
            &["--db", &url, "import", input],
            whole.mul_f64(fraction),
        );
        // The server ends the session once it finds the client gone.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while busy() != "0" {
            assert!(std::time::Instant::now() < deadline, "the killed session lingers");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let claims = desk.sql(None, "SELECT count(*) FROM claims").unwrap();
        if finished || claims != "0" {
            // It got as far as its commit: then all of it is in.
            assert_eq!(claims, N.to_string(), "killed at {fraction} of the import");
            break;
        }
        killed += 1;
        for table in ["status_events", "operations", "sources", "articles", "claim_tags"] {
            assert_eq!(
                desk.sql(None, &format!("SELECT count(*) FROM {table}")).unwrap(),
                "0",
                "{table} after a kill at {fraction}"
            );
        }
        // What the load set aside is back: triggers on, indexes and keys there.
        assert_eq!(
            desk.sql(
                None,
                "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'"
            )
            .unwrap(),
            "0"
        );
        assert_eq!(
            desk.sql(None, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('claims_short_id', 'status_events_claim', 'claim_tags_unique')")
                .unwrap(),
            "3"
        );
        assert_eq!(
            desk.sql(None, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conname IN ('claim_tags_claim_id_fkey', 'status_events_claim_id_fkey', 'claims_source_id_fkey')")
                .unwrap(),
            "3"
        );
    }
    assert!(killed >= 2, "only {killed} kills landed during the import");
    let rerun = desk.claims(&["import", input]);
    assert_eq!(rerun.code, 0, "{}", rerun.stderr);
    assert_eq!(
        desk.sql(None, "SELECT count(*) FROM claims").unwrap(),
        N.to_string()
    );
    let verified = desk.claims(&["verify"]);
    assert_eq!(verified.code, 0, "{}{}", verified.stdout, verified.stderr);
}

/// The bad-input corpus on the team server: each file is refused the way
/// a SQLite file refuses it (exit 2, the same first line naming the value
/// and its `file:line`), and the database is as it was, row for row.
#[test]
fn the_bad_input_corpus_is_refused_alike_on_the_team_server() {
    let Some(desk) = Desk::new() else { return };
    let sample = super::harness::sample_dir();
    let sample = sample.to_str().unwrap();
    desk.env.ok(&["import", sample]);
    let run = desk.claims(&["import", sample]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Every row of every table, as text, hashed per table.
    let contents = || {
        let tables = [
            "sources",
            "source_aliases",
            "speaks_for",
            "articles",
            "article_snapshots",
            "claims",
            "claim_tags",
            "status_events",
            "claim_links",
            "operations",
        ];
        tables
            .iter()
            .map(|t| {
                desk.sql(
                    None,
                    &format!(
                        "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {t} t"
                    ),
                )
                .unwrap()
            })
            .collect::<Vec<_>>()
    };
    let before = contents();
    for (name, _, _) in super::corpus::CORPUS {
        let path = super::corpus::corpus_dir().join(name);
        let path = path.to_str().unwrap();
        let args = ["import", "--format", super::corpus::format_of(name), path];
        let here = desk.env.run(&args);
        let there = desk.claims(&args);
        assert_eq!(there.code, 2, "{name}: {}", there.stderr);
        assert_eq!(there.stdout, "", "{name}");
        assert_eq!(
            there.stderr.lines().next(),
            here.stderr.lines().next(),
            "{name}: the two backends say different things"
        );
        assert!(there.stderr.lines().count() <= 2, "{name}: {}", there.stderr);
    }
    assert_eq!(contents(), before, "a refused import changed the team database");
}

/// Corrections on the team server: an editor edits a claim's words and
/// tags, links two claims and removes the link, each under the editor's
/// login; a checker's edit and link are refused by the database, whole;
/// `verify` finds the record whole after all of it.
#[test]
fn an_editor_corrects_claims_on_the_team_server() {
    let Some(team) = Desk::new() else { return };
    assert_eq!(team.claims(&["team", "init"]).code, 0);
    let (checker, editor) = (team.login("checker"), team.login("editor"));
    for (login, role) in [(&checker, "checker"), (&editor, "editor")] {
        assert_eq!(team.claims(&["team", "add", login, "--role", role]).code, 0);
    }
    let as_member = |login: &str, args: &[&str]| team.claims_as(login, args);
    let sample = super::harness::sample_dir();
    let run = as_member(&editor, &["import", sample.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = team
        .sql(None, "SELECT right(replace(uuid::text, '-', ''), 8) FROM claims WHERE status = 'unverified' ORDER BY id LIMIT 2")
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let (first, second) = (&ids[0], &ids[1]);
    let journal = || team.sql(None, "SELECT count(*) FROM operations").unwrap();

    // A checker logs sources, their aliases and roles, and articles.
    let run = as_member(
        &checker,
        &[
            "source",
            "add",
            "Anna Voice",
            "--kind",
            "person",
            "--alias",
            "A. Voice",
            "--speaks-for",
            "Kremlin",
            "--role",
            "aide",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "added source Anna Voice");
    let run = as_member(&checker, &["source", "alias", "anna voice", "Voice"]);
    assert_eq!(
        run.stdout.trim(),
        "'Voice' is now an alias of Anna Voice",
        "{}",
        run.stderr
    );
    let run = as_member(&checker, &["source", "alias", "Voice", "A. Voice"]);
    assert!(run.stdout.contains("already names Anna Voice"), "{}", run.stderr);
    let run = as_member(&checker, &["source", "add", "Kremlin", "--kind", "government"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    // A source's profile is an editor's to change.
    let refused = as_member(&checker, &["source", "edit", "Voice", "--job", "aide"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    let run = as_member(
        &editor,
        &[
            "source",
            "edit",
            "Voice",
            "--job",
            "Deputy spokeswoman",
            "--note",
            "per the Kremlin site",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("Anna Voice: edited job"), "{}", run.stdout);
    let shown = as_member(&checker, &["source", "show", "Voice", "--format", "json"]).stdout;
    assert!(shown.contains("Deputy spokeswoman"), "{shown}");
    assert!(
        shown.contains("\"aide\"") && shown.contains("A. Voice"),
        "{shown}"
    );
    let run = as_member(
        &checker,
        &[
            "article",
            "add",
            "https://example.org/desk-note",
            "--title",
            "A desk note",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim().len(), 8, "{}", run.stdout);
    // Renaming and removing sources are an editor's; a rename is undone.
    let refused = as_member(&checker, &["source", "rename", "Voice", "Anna V. Voice"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    let run = as_member(&editor, &["source", "rename", "Voice", "Anna V. Voice"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Anna Voice is now Anna V. Voice; the old name stays an alias"),
        "{}",
        run.stdout
    );
    let run = as_member(&editor, &["undo"]);
    assert!(
        run.stdout.contains("(source.rename) undone"),
        "{}{}",
        run.stdout,
        run.stderr
    );
    assert_eq!(
        team.sql(None, "SELECT name FROM sources WHERE name_key = 'anna voice'")
            .unwrap(),
        "Anna Voice"
    );
    let run = as_member(&checker, &["source", "add", "Earlier", "--kind", "person"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = as_member(
        &editor,
        &["source", "remove", "Earlier", "--note", "an adverb from a draft"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("Earlier removed (operation"),
        "{}",
        run.stdout
    );
    let run = as_member(&editor, &["source", "remove", "Kremlin"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("has 4 claims"), "{}", run.stderr);
    // A merge moves the duplicate's claims (the database lets a claim change
    // speaker only after the merge's operation) and keeps its name as an alias.
    let run = as_member(
        &checker,
        &["source", "merge", "Washington", "into", "White House"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = as_member(
        &editor,
        &[
            "source",
            "merge",
            "Washington",
            "into",
            "White House",
            "--note",
            "the same speaker",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Washington merged into White House; 'Washington' is now an alias"),
        "{}",
        run.stdout
    );
    let shown = as_member(&checker, &["source", "show", "Washington", "--format", "json"]).stdout;
    assert!(
        shown.contains("\"name\": \"White House\"") || shown.contains("\"name\":\"White House\""),
        "{shown}"
    );

    // Editing an article is an editor's: its body, when replaced, is kept
    // as an earlier snapshot.
    let refused = as_member(
        &checker,
        &["article", "edit", "https://example.org/desk-note", "--title", "x"],
    );
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("permission denied"), "{}", refused.stderr);
    let (body, newer) = (
        team.env.dir.path().join("body.txt"),
        team.env.dir.path().join("newer.txt"),
    );
    std::fs::write(&body, "The desk met on Monday.\n").unwrap();
    std::fs::write(&newer, "The desk met on Monday and Tuesday.\n").unwrap();
    for (args, expected) in [
        (vec!["--title", "A desk note, corrected"], "edited title"),
        (vec!["--body", body.to_str().unwrap()], "edited body"),
        (
            vec!["--body", newer.to_str().unwrap(), "--note", "second day"],
            "edited body",
        ),
    ] {
        let mut all = vec!["article", "edit", "https://example.org/desk-note"];
        all.extend(args);
        let run = as_member(&editor, &all);
        assert_eq!(run.code, 0, "{all:?}: {}", run.stderr);
        assert!(run.stdout.contains(expected), "{all:?}: {}", run.stdout);
    }
    assert_eq!(
        team.sql(None, "SELECT count(*) FROM article_snapshots").unwrap(),
        "1"
    );
    let log = as_member(&checker, &["log", "--limit", "20", "--format", "csv"]).stdout;
    for kind in [
        "source.create",
        "source.alias",
        "source.speaks_for",
        "article.create",
    ] {
        assert!(log.contains(&format!(",{checker},{kind},")), "{kind}: {log}");
    }

    // A checker may not change a claim's words, nor link claims.
    let before = journal();
    let refused = as_member(&checker, &["edit", first, "--text", "A checker's rewording"]);
    assert_eq!(refused.code, 2, "{}{}", refused.stdout, refused.stderr);
    assert!(refused.stderr.contains("permission denied"), "{}", refused.stderr);
    let refused = as_member(&checker, &["link", first, "contradicts", second]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert_eq!(journal(), before, "nothing of a refused change stays");

    let run = as_member(
        &editor,
        &[
            "edit",
            first,
            "--text",
            "An editor's rewording",
            "--tag",
            "desk-reviewed",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stored = team
        .sql(
            None,
            &format!("SELECT text FROM claims WHERE short_id = '{first}'"),
        )
        .unwrap();
    assert_eq!(stored, "An editor's rewording");
    let again = as_member(&editor, &["edit", first, "--text", "An editor's rewording"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already says that"), "{}", again.stderr);
    let run = as_member(&editor, &["link", first, "contradicts", second]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), format!("{first} contradicts {second}"));
    let run = as_member(
        &editor,
        &[
            "unlink",
            first,
            "contradicts",
            second,
            "--note",
            "not the same event",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let missing = as_member(&editor, &["unlink", first, "contradicts", second]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("has no 'contradicts' link"),
        "{}",
        missing.stderr
    );

    let log = as_member(&checker, &["log", "--limit", "3", "--format", "csv"]).stdout;
    for kind in ["claim.edit", "link.add", "link.remove"] {
        assert!(log.contains(&format!(",{editor},{kind},")), "{kind}: {log}");
    }

    // Undo: an editor's latest (the link's removal) and then a verdict;
    // each undoing is an operation of the editor's naming what it undoes.
    let run = as_member(&editor, &["undo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("(link.remove) undone by operation"),
        "{}",
        run.stdout
    );
    let linked = format!(
        "SELECT count(*) FROM claim_links l JOIN claims a ON a.id = l.from_claim JOIN claims b ON b.id = l.to_claim
         WHERE a.short_id = '{first}' AND b.short_id = '{second}' AND l.relation = 'contradicts'"
    );
    assert_eq!(team.sql(None, &linked).unwrap(), "1", "the link is back");
    let run = as_member(&editor, &["confirm", second, "--note", "two sources agree"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = as_member(&editor, &["undo", "--note", "confirmed the wrong claim"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("(claim.mark) undone by operation"),
        "{}",
        run.stdout
    );
    let status = team
        .sql(
            None,
            &format!("SELECT status FROM claims WHERE short_id = '{second}'"),
        )
        .unwrap();
    assert_eq!(status, "unverified");
    let undoes = team
        .sql(
            None,
            "SELECT actor || ' ' || (undoes IS NOT NULL) FROM operations ORDER BY id DESC LIMIT 1",
        )
        .unwrap();
    assert_eq!(undoes, format!("{editor} true"));
    // A checker has nothing of the kinds undo reverts; the message says so.
    let run = as_member(&checker, &["undo"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains(&format!("{checker} has no operation left to undo")),
        "{}",
        run.stderr
    );
    let verified = as_member(&checker, &["verify"]);
    assert_eq!(verified.code, 0, "{}{}", verified.stdout, verified.stderr);
    // `show` reads the edit back from the server as from a file.
    let shown = as_member(&checker, &["show", first]);
    assert!(shown.stdout.contains("An editor's rewording"), "{}", shown.stdout);
    assert!(shown.stdout.contains("desk-reviewed"), "{}", shown.stdout);
}

/// `publish` reads the team database as it reads a SQLite file: a file
/// copied to the server publishes byte for byte the same site.
#[test]
fn the_team_server_publishes_the_same_site_as_the_file_it_was_copied_from() {
    let Some(desk) = Desk::new() else { return };
    let env = &desk.env;
    env.ok(&["import", super::harness::sample_dir().to_str().unwrap()]);
    let csv = env.ok(&["list", "--status", "disputed", "--format", "csv"]);
    let id = csv.lines().nth(1).unwrap().split(',').next().unwrap().to_string();
    env.ok(&["refute", &id, "--note", "court record", "--rating", "False"]);
    let other = csv.lines().nth(2).unwrap().split(',').next().unwrap().to_string();
    env.ok(&["withdraw", &other, "--note", "logged twice"]);
    env.ok(&["copy", "--to", &desk.url()]);
    let (from_file, from_server) = (
        env.dir.path().join("file-site"),
        env.dir.path().join("server-site"),
    );
    let base = ["--base-url", "https://checks.example.org/", "--publisher", "Desk"];
    let mut args = vec!["publish", from_file.to_str().unwrap()];
    args.extend(base);
    env.ok(&args);
    let mut args = vec!["publish", from_server.to_str().unwrap()];
    args.extend(base);
    let run = desk.claims(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("1 withdrawn"), "{}", run.stdout);
    let (a, b) = (
        super::publish::files(&from_file),
        super::publish::files(&from_server),
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{name} differs between the file and the server"
        );
    }
}

/// The search index's pending list (GIN's unsorted list of new entries,
/// read whole by every search until it is merged) stays a few pages long
/// however claims arrive: one import of many, or one claim at a time. With
/// PostgreSQL's default of 4 MB it held thousands of claims after an import,
/// and each word a search looked up cost over ten times more.
#[test]
fn the_search_index_keeps_its_pending_list_short() {
    let Some(desk) = Desk::new() else { return };
    let lines: String = (0..600)
        .map(|i| {
            format!(
                "{{\"source\":\"Speaker {s}\",\"source_kind\":\"person\",\"text\":\"Claim {i}: the harbour of town {i} handled {n} containers in year {y}\",\"note\":\"figures from port authority report {i}\"}}\n",
                s = i % 7,
                n = i * 37,
                y = 1990 + i % 30
            )
        })
        .collect();
    let file = desk.env.dir.path().join("many.jsonl");
    std::fs::write(&file, lines).unwrap();
    desk.claims(&["import", "--format", "jsonl", file.to_str().unwrap()]);
    for i in 0..5 {
        let run = desk.claims(&[
            "add",
            "--by",
            "Speaker 1",
            "--text",
            &format!("One more claim about harbour {i}"),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    desk.sql(None, "CREATE EXTENSION IF NOT EXISTS pgstattuple")
        .unwrap();
    let (pages, claims) = {
        let row = desk
            .sql(
                None,
                "SELECT pending_pages, pending_tuples FROM pgstatginindex('claim_search_document')",
            )
            .unwrap();
        let (p, t) = row.split_once('|').unwrap();
        (p.parse::<i64>().unwrap(), t.parse::<i64>().unwrap())
    };
    // 64 kB is 8 pages of 8 kB, and a page may be left partly filled.
    assert!(
        pages <= 9,
        "{pages} pages ({claims} claims) pending in the search index"
    );
    let count = desk.sql(None, "SELECT count(*) FROM claim_search").unwrap();
    assert_eq!(count, "605", "every claim is indexed");
}

/// claimtrack writes each claim's search vector itself (the server's
/// parser was most of an import's time): what it writes is what
/// `to_tsvector` gives for the same normalized parts, by the bulk load of
/// an empty database and by one claim at a time; the bulk load puts the
/// GIN index and the key to the claims back after the rows; and search
/// finds words, phrases and prefixes in them, accents and case aside.
#[test]
fn search_vectors_are_what_the_server_would_compute() {
    let Some(desk) = Desk::new() else { return };
    let lines = [
        r#"{"source":"Dmitry Peskov","source_kind":"person","text":"The CIA tip-off saved lives in St. Petersburg, the Kremlin said","quote":"saved lives","tags":["terror","cia"],"note":"Confirmed by the White House's readout"}"#,
        r#"{"source":"Café São Paulo","source_kind":"organization","text":"Prices at the café rose 3.5% — the café's owner, O'Neil, says so twice: twice!","said_on":"2020-03-01"}"#,
        r#"{"source":"Кремль","source_kind":"organization","text":"Кремль заявил, что Путин поблагодарил Трампа","note":"перевод"}"#,
    ];
    let file = desk.env.dir.path().join("vectors.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let run = desk.claims(&["import", "--format", "jsonl", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = desk.claims(&[
        "add",
        "--by",
        "Dmitry Peskov",
        "--text",
        "Naïve words, repeated: words WORDS words",
        "--tag",
        "Über",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let differ = desk
        .sql(
            None,
            "SELECT count(*) FILTER (WHERE document IS DISTINCT FROM
                    setweight(to_tsvector('simple', text), 'A') || setweight(to_tsvector('simple', quote), 'B')
                    || setweight(to_tsvector('simple', notes), 'C') || setweight(to_tsvector('simple', source || ' ' || tags), 'D')),
                    count(*)
             FROM claim_search",
        )
        .unwrap();
    assert_eq!(differ, "0|4");
    let put_back = desk
        .sql(
            None,
            "SELECT (SELECT count(*) FROM pg_indexes WHERE indexname = 'claim_search_document'),
                    (SELECT count(*) FROM pg_constraint WHERE conrelid = 'claim_search'::regclass AND contype = 'f')",
        )
        .unwrap();
    assert_eq!(put_back, "1|1", "the GIN index and the key to the claims");
    for (query, found) in [
        ("\"tip off\" kremlin", "The CIA tip-off"),
        ("CAFE \"o neil\"", "Prices at the café"),
        ("путин", "Кремль заявил"),
        ("naive uber", "Naïve words"),
        ("readou*", "The CIA tip-off"),
    ] {
        let out = desk
            .claims(&["list", "--search", query, "--format", "csv"])
            .stdout;
        assert!(out.contains(found), "{query}: {out}");
        assert_eq!(out.lines().count(), 2, "{query}: {out}");
    }
    // A vector written behind claimtrack's back, its words left as they
    // were: `verify` finds it, `reindex` mends it.
    desk.sql(
        None,
        "UPDATE claim_search SET document = to_tsvector('simple', 'hidden') WHERE text LIKE 'naive%'",
    )
    .unwrap();
    let run = desk.claims(&["verify"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("1 claim is indexed with other words than the record's"),
        "{}",
        run.stderr
    );
    assert_eq!(desk.claims(&["reindex"]).code, 0);
    let run = desk.claims(&["verify"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
