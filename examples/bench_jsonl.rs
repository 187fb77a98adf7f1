//! Benchmark: `cargo build --release && cargo run --release --example bench_jsonl -- DIR N`
//!
//! Writes N synthetic claims (N/1000 sources, N/100 articles, a rating,
//! a note and a tag or two each) as a JSON Lines file, and the same rows as
//! CSV in the same columns. Then, in one run:
//! - `claims import --format jsonl` into a fresh database: rows per second
//!   and peak memory (target: at least the rate of the baseline, under
//!   200 MB);
//! - the baseline: the `sqlite3` CLI's `.import` of the CSV into a table of
//!   those columns with the same indexes as claimtrack's `claims` table
//!   (unique id, short id, source+status+date, article, date); the two
//!   imports run in turns, `IMPORT_ROUNDS` times (default 3), and their
//!   medians are compared;
//! - on the imported database, `claims report` against the equivalent
//!   `sqlite3` GROUP BY (target: within 1.2x), `claims list --by SOURCE`
//!   (under 50 ms) and `claims report --as-of DATE` and `--as-known-on DATE` (under 2 s each);
//! - the journal: `claims verify` of the whole database (under 10 s), and
//!   one `claims edit`, `claims mark` and `claims undo` (under 20 ms each).

#[path = "common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::{claim_id, median, ms, run, size_mb, source_name, verdict, write_inputs};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: bench_jsonl DIR N   (e.g. bench_jsonl /tmp/bench-jsonl 1000000)");
        std::process::exit(2);
    };
    let Some(claims) = common::claims_bin() else {
        eprintln!("build the binary first: cargo build --release");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (jsonl, csv) = (dir.join("claims.jsonl"), dir.join("claims.csv"));
    write_inputs(&jsonl, &csv, n);
    println!(
        "{n} claims: JSON Lines {:.0} MB, CSV {:.0} MB",
        size_mb(&jsonl),
        size_mb(&csv)
    );

    let db = dir.join("claims.db");
    let db_arg = db.to_str().unwrap();
    let (ours, baseline, memory, rounds) = common::compare_imports(&claims, &db, &jsonl, &csv, 3);
    let (ours_rate, base_rate) = (n as f64 / ours, n as f64 / baseline);
    println!(
        "claims import --format jsonl: {ours:>7.2} s {ours_rate:>9.0} claims/s  peak RSS {memory:.0} MB (target < 200 MB) {}  (median of {rounds})",
        verdict(memory < 200.0)
    );
    println!("sqlite3 .import (CSV):        {baseline:>7.2} s {base_rate:>9.0} rows/s  (median of {rounds})");
    let ratio = ours_rate / base_rate;
    println!(
        "import ratio {ratio:.2} (target >= 1.00) {}",
        verdict(ratio >= 1.0)
    );

    let report = median(|| run(&claims, &["--db", db_arg, "report", "--format", "csv"]));
    let sqlite = median(|| {
        run(
            Path::new("sqlite3"),
            &[
                db_arg,
                "SELECT source_id, status, count(*), max(said_on) FROM claims WHERE withdrawn_at IS NULL GROUP BY source_id, status",
            ],
        )
    });
    let ratio = report.as_secs_f64() / sqlite.as_secs_f64();
    println!(
        "claims report:           {:>8.1} ms   sqlite3 GROUP BY: {:>8.1} ms   ratio {ratio:.2} (target <= 1.20) {}",
        ms(report),
        ms(sqlite),
        verdict(ratio <= 1.2)
    );
    let source = source_name(n / 2);
    let list = median(|| {
        run(
            &claims,
            &["--db", db_arg, "list", "--by", &source, "--format", "csv"],
        )
    });
    println!(
        "claims list --by:        {:>8.1} ms   (target < 50 ms) {}",
        ms(list),
        verdict(ms(list) < 50.0)
    );
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let as_of = median(|| {
        run(
            &claims,
            &["--db", db_arg, "report", "--as-of", &today, "--format", "csv"],
        )
    });
    println!(
        "claims report --as-of:   {:>8.1} ms   (target < 2000 ms) {}",
        ms(as_of),
        verdict(ms(as_of) < 2000.0)
    );
    let known = median(|| {
        run(
            &claims,
            &[
                "--db",
                db_arg,
                "report",
                "--as-known-on",
                &today,
                "--format",
                "csv",
            ],
        )
    });
    println!(
        "claims report --as-known-on: {:>4.1} ms   (target < 2000 ms) {}",
        ms(known),
        verdict(ms(known) < 2000.0)
    );

    // The journal: checking the whole database, and single corrections on
    // a database this size.
    let verify = run(&claims, &["--db", db_arg, "verify"]);
    println!(
        "claims verify:           {:>8.0} ms   (target < 10000 ms) {}",
        ms(verify),
        verdict(ms(verify) < 10_000.0)
    );
    let id = claim_id(n / 2);
    let mut round = 0;
    let edit = median(|| {
        round += 1;
        let text = format!("Corrected wording, round {round}");
        run(
            &claims,
            &[
                "--db",
                db_arg,
                "edit",
                &id,
                "--text",
                &text,
                "--note",
                "benchmark",
            ],
        )
    });
    println!(
        "claims edit:             {:>8.1} ms   (target < 20 ms) {}",
        ms(edit),
        verdict(ms(edit) < 20.0)
    );
    let mut round = 0;
    let mark = median(|| {
        round += 1;
        let status = if round % 2 == 0 { "disputed" } else { "refuted" };
        run(
            &claims,
            &["--db", db_arg, "mark", &id, status, "--note", "benchmark"],
        )
    });
    println!(
        "claims mark:             {:>8.1} ms   (target < 20 ms) {}",
        ms(mark),
        verdict(ms(mark) < 20.0)
    );
    // Each run reverts the latest mark or edit not yet undone.
    let undo = median(|| run(&claims, &["--db", db_arg, "undo"]));
    println!(
        "claims undo:             {:>8.1} ms   (target < 20 ms) {}",
        ms(undo),
        verdict(ms(undo) < 20.0)
    );
}
