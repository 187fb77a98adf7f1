//! Benchmark: `cargo build --release && cargo run --release --example bench_postgres -- DIR N [HOST:PORT]`
//!
//! The team database on PostgreSQL, against `psql` in the same run:
//! - N synthetic claims (as `bench_jsonl` makes them) imported from JSON
//!   Lines into a fresh PostgreSQL database (`claimtrack_bench`, dropped
//!   and made again) by its owner, through COPY, against `psql \copy` of
//!   the same rows as CSV into a table with as many indexes (target: at or
//!   above its rate), and against `psql \copy` of every row the import
//!   wrote (claims, history, tags, journal) into tables made LIKE those,
//!   `IMPORT_ROUNDS` rounds (default 1) alternating;
//! - `claims copy --to` PostgreSQL of a SQLite file of the same claims:
//!   claims copied per second, both ends checked whole;
//! - `claims report` on the server against the equivalent GROUP BY that
//!   `psql` runs (target: within 1.5x), `claims list --by SOURCE` and
//!   `claims log --limit 20` (under 50 ms), `claims show` and `claims add`
//!   (under 20 ms each; `add` also of a sentence like the imported claims,
//!   whose seen-before lookup has more to read) by the owner and then by an
//!   editor of the desk
//!   (whose every statement row security checks), beside what `psql
//!   SELECT 1` takes (a process, a new server backend, authentication: the
//!   floor under every command), `claims verify`. `psql` is the binary
//!   (`pg_config --bindir`), not Debian's Perl wrapper, and on loopback it
//!   goes without TLS, as claims does.
//!
//! The server defaults to 127.0.0.1:5432 (trust authentication, as on the
//! development machines).

#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{median, ms, run, source_name, verdict, write_inputs};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: bench_postgres DIR N [HOST:PORT]   (e.g. bench_postgres /tmp/bench-pg 100000)");
        std::process::exit(2);
    };
    let server = args.next().unwrap_or_else(|| "127.0.0.1:5432".to_string());
    let (host, port) = server.split_once(':').unwrap_or((&server, "5432"));
    let Some(claims) = common::claims_bin() else {
        eprintln!("build the binary first: cargo build --release");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (jsonl, csv) = (dir.join("claims.jsonl"), dir.join("claims.csv"));
    write_inputs(&jsonl, &csv, n);
    let psql_bin = psql_binary();
    // One psql run of `sqls` in turn (each a `-c`), timed whole.
    let psql_all = |database: &str, sqls: &[String]| -> Duration {
        let start = Instant::now();
        let mut command = Command::new(&psql_bin);
        if matches!(host, "127.0.0.1" | "localhost" | "::1") {
            // As claims connects on loopback: without TLS (whose handshake
            // would add some 8 ms to every psql run).
            command.env("PGSSLMODE", "disable");
        }
        command.args([
            "-h",
            host,
            "-p",
            port,
            "-d",
            database,
            "-XAtq",
            "-v",
            "ON_ERROR_STOP=1",
        ]);
        for sql in sqls {
            command.args(["-c", sql]);
        }
        let out = command.output().expect("psql runs");
        assert!(
            out.status.success(),
            "psql: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        start.elapsed()
    };
    let psql = |database: &str, sql: &str| psql_all(database, &[sql.to_string()]);
    let fresh = |name: &str| {
        psql(
            "postgres",
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        );
        psql("postgres", &format!("CREATE DATABASE {name}"));
        format!("postgres://{host}:{port}/{name}")
    };

    // The import, rounds alternating with the baselines (see the top).
    let rounds: usize = std::env::var("IMPORT_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let (mut ours, mut same_table, mut text_table, mut all_tables) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut url = String::new();
    let rows = dir.join("claims-rows.tsv");
    let columns = "id, uuid, article_id, source_id, text, quote, said_on, status, rating, created_at, updated_at, \
                   quote_start, quote_end, quote_prefix, quote_suffix, origin, language";
    for round in 1..=rounds {
        url = fresh("claimtrack_bench");
        let import = run(
            &claims,
            &[
                "--db",
                &url,
                "import",
                "--format",
                "jsonl",
                jsonl.to_str().unwrap(),
            ],
        );
        // The rows the import wrote, into a table made LIKE the claims
        // table (its column types and checks, and its indexes), in the
        // same database: the same rows into a table with the same indexes.
        psql(
            "claimtrack_bench",
            &format!(
                "\\copy (SELECT {columns} FROM claims ORDER BY id) TO '{}'",
                rows.display()
            ),
        );
        psql(
            "claimtrack_bench",
            "CREATE TABLE baseline (LIKE claims INCLUDING ALL)",
        );
        let like = psql(
            "claimtrack_bench",
            &format!("\\copy baseline ({columns}) FROM '{}'", rows.display()),
        );
        psql("claimtrack_bench", "DROP TABLE baseline");
        // Every row the import wrote (claims, their history and tags, the
        // journal), into tables made LIKE each of those: the same work of
        // storing, less the checks that tie the tables together.
        let mut out = Vec::new();
        let (mut create, mut load) = (Vec::new(), Vec::new());
        for (table, table_columns) in WRITTEN_TABLES {
            let table_columns = if *table == "claims" {
                columns
            } else {
                table_columns
            };
            let file = dir.join(format!("{table}-rows.tsv"));
            out.push(format!(
                "\\copy (SELECT {table_columns} FROM {table}) TO '{}'",
                file.display()
            ));
            create.push(format!(
                "CREATE TABLE baseline_{table} (LIKE {table} INCLUDING ALL)"
            ));
            load.push(format!(
                "\\copy baseline_{table} ({table_columns}) FROM '{}'",
                file.display()
            ));
        }
        psql_all("claimtrack_bench", &out);
        psql_all("claimtrack_bench", &create);
        let all = psql_all("claimtrack_bench", &load);
        let drop: Vec<String> = WRITTEN_TABLES
            .iter()
            .map(|(table, _)| format!("DROP TABLE baseline_{table}"))
            .collect();
        psql_all("claimtrack_bench", &drop);
        // And the input's CSV twin into plain text columns with as many
        // indexes: no types to check.
        fresh("claimtrack_baseline");
        psql("claimtrack_baseline", BASELINE_TABLE);
        let text = psql(
            "claimtrack_baseline",
            &format!(
                "\\copy baseline FROM '{}' WITH (FORMAT csv, HEADER true)",
                csv.display()
            ),
        );
        println!(
            "  round {round}: claims import {:>6.2} s, psql \\copy into LIKE claims {:>6.2} s, into text columns {:>6.2} s, \\copy of every row written {:>6.2} s",
            import.as_secs_f64(),
            like.as_secs_f64(),
            text.as_secs_f64(),
            all.as_secs_f64()
        );
        ours.push(import);
        same_table.push(like);
        text_table.push(text);
        all_tables.push(all);
    }
    for list in [&mut ours, &mut same_table, &mut text_table, &mut all_tables] {
        list.sort();
    }
    let (import, like, text, all) = (
        ours[rounds / 2],
        same_table[rounds / 2],
        text_table[rounds / 2],
        all_tables[rounds / 2],
    );
    let rate = n as f64 / import.as_secs_f64();
    println!(
        "claims import (JSON Lines):  {:>8.2} s {rate:>9.0} claims/s (median of {rounds}; claims, history, tags, journal, all checked)",
        import.as_secs_f64()
    );
    for (what, took) in [
        ("into LIKE claims", like),
        ("into text columns", text),
        ("of every row", all),
    ] {
        let base_rate = n as f64 / took.as_secs_f64();
        println!(
            "psql \\copy {what:<18} {:>8.2} s {base_rate:>9.0} claims/s ratio {:.2} (target >= 1.00) {}",
            took.as_secs_f64(),
            rate / base_rate,
            verdict(rate >= base_rate)
        );
    }
    psql(
        "postgres",
        "DROP DATABASE IF EXISTS claimtrack_baseline WITH (FORCE)",
    );

    // `claims copy` from a SQLite file of the same claims.
    let db = dir.join("claims.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let db_arg = db.to_str().unwrap();
    run(
        &claims,
        &[
            "--db",
            db_arg,
            "import",
            "--format",
            "jsonl",
            jsonl.to_str().unwrap(),
        ],
    );
    let copy_url = fresh("claimtrack_bench_copy");
    let copied = run(&claims, &["--db", db_arg, "copy", "--to", &copy_url]);
    println!(
        "claims copy --to PostgreSQL: {:>8.1} s   {:.0} claims/s (checked whole at both ends)",
        copied.as_secs_f64(),
        n as f64 / copied.as_secs_f64()
    );
    psql(
        "postgres",
        "DROP DATABASE IF EXISTS claimtrack_bench_copy WITH (FORCE)",
    );

    let report = median(|| run(&claims, &["--db", &url, "report", "--format", "csv"]));
    let group_by = median(|| {
        psql(
            "claimtrack_bench",
            "SELECT c.source_id, c.status, count(*), max(c.said_on) FROM claims c
             WHERE c.withdrawn_at IS NULL GROUP BY c.source_id, c.status",
        )
    });
    let ratio = report.as_secs_f64() / group_by.as_secs_f64();
    println!(
        "claims report:               {:>8.1} ms   psql GROUP BY: {:>8.1} ms   ratio {ratio:.2} (target <= 1.50) {}",
        ms(report),
        ms(group_by),
        verdict(ratio <= 1.5)
    );
    let source = source_name(n / 2);
    let list = median(|| {
        run(
            &claims,
            &["--db", &url, "list", "--by", &source, "--format", "csv"],
        )
    });
    println!(
        "claims list --by:            {:>8.1} ms   (target < 50 ms) {}",
        ms(list),
        verdict(ms(list) < 50.0)
    );
    let log = median(|| run(&claims, &["--db", &url, "log", "--limit", "20"]));
    println!(
        "claims log --limit 20:       {:>8.1} ms   (target < 50 ms) {}",
        ms(log),
        verdict(ms(log) < 50.0)
    );
    // What any client pays before its first query: a process, a new
    // server backend, authentication. `show` and `add` pay it too.
    let floor = median(|| psql("claimtrack_bench", "SELECT 1"));
    println!(
        "psql SELECT 1 (the floor):   {:>8.1} ms   ({})",
        ms(floor),
        psql_bin.display()
    );
    let id = common::claim_id(n / 2);
    let show = median(|| run(&claims, &["--db", &url, "show", &id[28..]]));
    println!(
        "claims show:                 {:>8.1} ms   (target < 20 ms) {}",
        ms(show),
        verdict(ms(show) < 20.0)
    );
    let mut added = 0;
    let add = median(|| {
        added += 1;
        let text = format!("Benchmark claim number {added}");
        run(&claims, &["--db", &url, "add", "--by", &source, "--text", &text])
    });
    println!(
        "claims add:                  {:>8.1} ms   (target < 20 ms) {}",
        ms(add),
        verdict(ms(add) < 20.0)
    );
    // A desk's members are not the owner: row security asks on each of
    // their statements whether they may read or write, and the history
    // triggers what they may mark. The same two commands as an editor.
    run(&claims, &["--db", &url, "team", "init"]);
    let member = format!("claimtrack_bench_member_{}", std::process::id());
    psql("postgres", &format!("CREATE ROLE {member} LOGIN"));
    run(
        &claims,
        &["--db", &url, "team", "add", &member, "--role", "editor"],
    );
    let member_url = format!("postgres://{member}@{host}:{port}/claimtrack_bench");
    let member_show = median(|| run(&claims, &["--db", &member_url, "show", &id[28..]]));
    println!(
        "claims show, as a member:    {:>8.1} ms   (target < 20 ms) {}",
        ms(member_show),
        verdict(ms(member_show) < 20.0)
    );
    let member_add = median(|| {
        added += 1;
        let text = format!("Benchmark claim number {added}");
        run(
            &claims,
            &["--db", &member_url, "add", "--by", &source, "--text", &text],
        )
    });
    println!(
        "claims add, as a member:     {:>8.1} ms   (target < 20 ms) {}",
        ms(member_add),
        verdict(ms(member_add) < 20.0)
    );
    // The adds above are of four words; a sentence like the imported
    // claims shares words with thousands of them, and its seen-before
    // lookup reads their posting lists. By the owner, last, so that the
    // adds above are timed as in earlier runs.
    let sentence_add = median(|| {
        added += 1;
        let text = format!(
            "The minister said the budget for region {} rose by {} percent in {}",
            added % 1000,
            added % 97,
            1990 + added
        );
        run(&claims, &["--db", &url, "add", "--by", &source, "--text", &text])
    });
    println!(
        "claims add, a sentence:      {:>8.1} ms   (with its seen-before lookup)",
        ms(sentence_add)
    );
    let verify = run(&claims, &["--db", &url, "verify"]);
    println!("claims verify:               {:>8.1} s", verify.as_secs_f64());
    psql(
        "postgres",
        "DROP DATABASE IF EXISTS claimtrack_bench WITH (FORCE)",
    );
    // Roles belong to the server, not the database.
    for role in [
        member.as_str(),
        "claimtrack_bench_viewer",
        "claimtrack_bench_checker",
        "claimtrack_bench_editor",
        "claimtrack_bench_admin",
    ] {
        psql("postgres", &format!("DROP ROLE IF EXISTS {role}"));
    }
}

/// The psql program itself: on Debian `psql` on the PATH is a Perl
/// wrapper that picks a cluster first, which adds 25 to 60 ms to every run
/// and would flatter each comparison with it. `pg_config --bindir` names
/// the binary's directory.
fn psql_binary() -> PathBuf {
    Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("psql"))
        .filter(|psql| psql.is_file())
        .unwrap_or_else(|| PathBuf::from("psql"))
}

/// The tables a claims import writes row by row, with their columns (the
/// claims' are the bench's own list, without the generated short id).
const WRITTEN_TABLES: &[(&str, &str)] = &[
    ("claims", ""),
    (
        "status_events",
        "id, claim_id, from_status, to_status, rating, note, evidence, actor, at, operation_id, effective_on",
    ),
    ("claim_tags", "claim_id, tag"),
    (
        "operations",
        "id, kind, claim_id, source_id, article_id, old, new, note, actor, at, undoes, hash",
    ),
];

/// The baseline's table: the claim table's columns as text, with as many
/// indexes as `claims` has, on the matching columns (id unique, short id,
/// source and date, source, status and date, article, date, origin).
const BASELINE_TABLE: &str = "
    CREATE TABLE baseline (
        id uuid PRIMARY KEY, source text, source_kind text, text text, quote text, said_on text,
        status text, rating text, note text, tags text, article_url text, article_title text,
        article_publisher text, article_published text, origin text);
    CREATE INDEX baseline_short_id ON baseline (right(replace(id::text, '-', ''), 8));
    CREATE INDEX baseline_source ON baseline (source, said_on);
    CREATE INDEX baseline_source_status ON baseline (source, status, said_on);
    CREATE INDEX baseline_article ON baseline (article_url);
    CREATE INDEX baseline_said_on ON baseline (said_on);
    CREATE INDEX baseline_origin ON baseline (origin) WHERE origin IS NOT NULL";
