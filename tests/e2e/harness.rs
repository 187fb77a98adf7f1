//! Helpers: a temporary database, running `claims`, and a fingerprint of
//! everything in a database to prove that a refused command wrote nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, Row, SqliteConnection};

/// A temporary folder with a database path in it.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

/// What a run of `claims` produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The database files of earlier releases the tests upgrade.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The sample claim files, `claims/`.
pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("claims")
}

impl Env {
    /// A new database with the sample imported.
    pub fn with_sample() -> Env {
        let env = Env::new();
        env.ok(&["import", sample_dir().to_str().unwrap()]);
        env
    }

    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db = dir.path().join("claims.db");
        Env { dir, db }
    }

    /// The `claims` command with this database, a known actor, no colour
    /// settings inherited from the person running the tests.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_claims"));
        command
            .args(args)
            .env("CLAIMS_DB", &self.db)
            .env("USER", "tester")
            // Lexical matching, whatever model files the machine has; the
            // semantic tier's tests ask for it (tests/e2e/semantic.rs).
            .env("CLAIMS_MODEL", "none")
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .env_remove("XDG_DATA_HOME");
        command
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let Output {
            status,
            stdout,
            stderr,
        } = self.command(args).output().expect("claims runs");
        Run {
            code: status.code().expect("claims exits with a code"),
            stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
        }
    }

    /// Runs a command that must succeed and say nothing on stderr but
    /// which claims were seen before (what logging a claim like an earlier
    /// one says, see `tests/e2e/matching.rs`); returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "claims {args:?} failed: {}", run.stderr);
        let other: Vec<&str> = run
            .stderr
            .lines()
            .filter(|line| !line.starts_with("claims: seen before: "))
            .collect();
        assert!(
            other.is_empty(),
            "claims {args:?} wrote to stderr: {}",
            run.stderr
        );
        run.stdout
    }

    /// Runs a command that must be refused with `code`, print nothing on
    /// stdout and exactly one line on stderr, and write nothing. Returns
    /// that line.
    pub fn refused(&self, args: &[&str], code: i32) -> String {
        let before = self.db.exists().then(|| fingerprint(&self.db));
        let run = self.run(args);
        assert_eq!(
            run.code, code,
            "claims {args:?}: expected exit {code}; stderr: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "", "claims {args:?} printed on stdout");
        assert_eq!(
            run.stderr.lines().count(),
            1,
            "claims {args:?}: one line on stderr, got {:?}",
            run.stderr
        );
        if let Some(before) = before {
            assert_eq!(
                fingerprint(&self.db),
                before,
                "claims {args:?} changed the database"
            );
        }
        run.stderr
    }
}

/// Every row of every table, in a stable order: equal fingerprints mean
/// equal contents.
pub fn fingerprint(db: &Path) -> String {
    block_on(async {
        let url = format!("sqlite://{}?mode=ro", db.display());
        let mut conn = SqliteConnection::connect(&url)
            .await
            .expect("open the database read-only");
        let tables: Vec<String> =
            sqlx::query_scalar("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                .fetch_all(&mut conn)
                .await
                .unwrap();
        let mut dump = String::new();
        for table in tables {
            // Every value through quote(): the row as SQL text, whatever its types.
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                    .bind(&table)
                    .fetch_all(&mut conn)
                    .await
                    .unwrap();
            let mut select = sqlx::QueryBuilder::<sqlx::Sqlite>::new("SELECT ");
            let mut list = select.separated(" || ',' || ");
            for column in &columns {
                list.push("quote(\"")
                    .push_unseparated(column)
                    .push_unseparated("\")");
            }
            select.push(" FROM \"").push(&table).push("\" ORDER BY 1");
            let rows = select.build().fetch_all(&mut conn).await.unwrap();
            dump.push_str(&format!("## {table}\n"));
            for row in rows {
                let line: Option<String> = row.try_get(0).unwrap();
                dump.push_str(&line.unwrap_or_default());
                dump.push('\n');
            }
        }
        dump
    })
}

pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(future)
}

/// The seed article's URL.
pub const RFERL: &str =
    "https://www.rferl.org/a/russia-united-states-st-petersburg-terror-plot-trump-putin/28924694.html";

/// Logs a few of the seed article's sources and claims by hand, the way the
/// README's tour does. Returns the short ids of Peskov's, the Kremlin's and
/// the FSB's claims.
pub fn seed(env: &Env) -> (String, String, String) {
    env.ok(&[
        "source",
        "add",
        "Kremlin",
        "--kind",
        "organization",
        "--alias",
        "the Kremlin",
    ]);
    env.ok(&[
        "source",
        "add",
        "Dmitry Peskov",
        "--kind",
        "person",
        "--alias",
        "Peskov",
        "--alias",
        "Putin's spokesman",
        "--speaks-for",
        "Kremlin",
        "--role",
        "press secretary",
        "--since",
        "2012-05-22",
    ]);
    env.ok(&[
        "source",
        "add",
        "FSB",
        "--kind",
        "agency",
        "--alias",
        "The agency",
    ]);
    env.ok(&[
        "article",
        "add",
        RFERL,
        "--title",
        "Putin's Spokesman Says 'Exemplary' CIA Tip-Off Helped Save Many Lives",
        "--publisher",
        "RFE/RL",
        "--published",
        "2017-12-18",
    ]);
    let peskov = env.ok(&[
        "add",
        "--by",
        "putin's SPOKESMAN",
        "--text",
        "A CIA tip-off helped save many lives in St. Petersburg",
        "--quote",
        "helped save many lives",
        "--article",
        RFERL,
        "--said-on",
        "2017-12-18",
        "--tag",
        "terrorism",
    ]);
    let kremlin = env.ok(&[
        "add",
        "--by",
        "the kremlin",
        "--text",
        "Information from the CIA helped detain terrorists",
        "--article",
        RFERL,
        "--said-on",
        "2017-12-17",
    ]);
    let fsb = env.ok(&[
        "add",
        "--by",
        "the agency",
        "--text",
        "A raid uncovered a cache of weapons and explosives",
        "--article",
        RFERL,
        "--said-on",
        "2017-12-15",
        "--tag",
        "terrorism",
    ]);
    (
        peskov.trim().to_string(),
        kremlin.trim().to_string(),
        fsb.trim().to_string(),
    )
}

/// One number from the database, read-only: a count, a check.
pub fn scalar(db: &Path, sql: &str) -> String {
    block_on(async {
        let url = format!("sqlite://{}?mode=ro", db.display());
        let mut conn = SqliteConnection::connect(&url)
            .await
            .expect("open the database read-only");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
            .fetch_one(&mut conn)
            .await
            .unwrap();
        match row.try_get::<i64, _>(0) {
            Ok(n) => n.to_string(),
            Err(_) => row.try_get::<String, _>(0).unwrap(),
        }
    })
}

/// Runs `sql` the way any other program would: SQLite's defaults, foreign
/// keys off. Returns the database's refusal, if any.
pub fn tamper(db: &Path, sql: &str) -> Result<(), String> {
    block_on(async {
        let mut conn = SqliteConnectOptions::new()
            .filename(db)
            .foreign_keys(false)
            .connect()
            .await
            .expect("open the database");
        let result = sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
            .execute(&mut conn)
            .await;
        conn.close().await.unwrap();
        result.map(|_| ()).map_err(|e| e.to_string())
    })
}
