//! Benchmark: `cargo build --release && cargo run --release --example bench_postgres -- DIR N [HOST:PORT]`
//!
//! The team database on PostgreSQL, against `psql` in the same run:
//! - N synthetic claims (as `bench_jsonl` makes them) imported into a
//!   SQLite file, then `claims copy --to` a fresh PostgreSQL database
//!   (`claimtrack_bench`, dropped and made again): claims copied per
//!   second, with the destination checked whole (`verify`'s checks);
//! - `claims report` on the server against the equivalent GROUP BY that
//!   `psql` runs (target: within 1.5x), `claims list --by SOURCE` and
//!   `claims log --limit 20` (under 50 ms), `claims show` and `claims add`
//!   (under 20 ms each), `claims verify`.
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

    let psql = |database: &str, sql: &str| -> Duration {
        let start = Instant::now();
        let out = Command::new("psql")
            .args([
                "-h",
                host,
                "-p",
                port,
                "-d",
                database,
                "-XAtq",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ])
            .output()
            .expect("psql runs");
        assert!(
            out.status.success(),
            "psql: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        start.elapsed()
    };
    psql(
        "postgres",
        "DROP DATABASE IF EXISTS claimtrack_bench WITH (FORCE)",
    );
    psql("postgres", "CREATE DATABASE claimtrack_bench");
    let url = format!("postgres://{host}:{port}/claimtrack_bench");

    let copy = run(&claims, &["--db", db_arg, "copy", "--to", &url]);
    println!(
        "claims copy --to PostgreSQL:   {:>8.1} s   {:.0} claims/s (checked whole at both ends)",
        copy.as_secs_f64(),
        n as f64 / copy.as_secs_f64()
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
    let verify = run(&claims, &["--db", &url, "verify"]);
    println!("claims verify:               {:>8.1} s", verify.as_secs_f64());
    psql(
        "postgres",
        "DROP DATABASE IF EXISTS claimtrack_bench WITH (FORCE)",
    );
}
