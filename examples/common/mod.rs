//! Helpers shared by the benchmarks: find the built binary, run a command,
//! take the median of several runs.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs per timed command; the median is reported.
pub const RUNS: usize = 7;

/// The release `claims` binary beside this example, if built.
pub fn claims_bin() -> Option<PathBuf> {
    let bin = std::env::current_exe().ok()?.parent()?.parent()?.join("claims");
    bin.exists().then_some(bin)
}

/// Runs a program to completion, output discarded; returns how long it took.
pub fn run(program: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .status()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    let elapsed = start.elapsed();
    assert!(status.success(), "{} {args:?} failed", program.display());
    elapsed
}

/// The median of [`RUNS`] timings, after one run that warms the page cache.
pub fn median(mut f: impl FnMut() -> Duration) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..RUNS).map(|_| f()).collect();
    times.sort();
    times[RUNS / 2]
}

/// Milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// "ok" or "MISSED".
pub fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISSED" }
}

/// Runs a command under GNU time; returns seconds and peak RSS in MB.
pub fn timed_with_memory(program: &Path, args: &[&str]) -> (f64, f64) {
    let start = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(program)
        .args(args)
        .output()
        .expect("run /usr/bin/time (apt-get install time)");
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{} {args:?} failed: {stderr}",
        program.display()
    );
    let kb: f64 = stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0.0);
    (seconds, kb / 1024.0)
}

/// The baseline's table: the claim table's columns as CSV, with the
/// indexes of claimtrack's `claims` table (unique id, short id,
/// source+status+date, article, date).
pub const CLAIMS_CSV_SCHEMA: &str =
    "CREATE TABLE claims_csv (id TEXT, source TEXT, source_kind TEXT, text TEXT, quote TEXT, said_on TEXT,
        status TEXT, rating TEXT, note TEXT, tags TEXT, article_url TEXT, article_title TEXT,
        article_publisher TEXT, article_published TEXT, origin TEXT);
    CREATE UNIQUE INDEX c_id ON claims_csv (id);
    CREATE INDEX c_short ON claims_csv (substr(id, 29, 8));
    CREATE INDEX c_source_status ON claims_csv (source, status, said_on);
    CREATE INDEX c_article ON claims_csv (article_url);
    CREATE INDEX c_said ON claims_csv (said_on);";

/// `claims import --format jsonl JSONL` into a fresh `db` against the
/// `sqlite3` CLI's `.import` of the same rows as CSV into
/// [`CLAIMS_CSV_SCHEMA`], in turns, `IMPORT_ROUNDS` times (else
/// `default_rounds`): imports take tens of seconds, and a busy neighbour
/// can slow one by a fifth. Returns the medians (ours, baseline) in
/// seconds, the peak RSS in MB, and the number of rounds.
pub fn compare_imports(
    claims: &Path,
    db: &Path,
    jsonl: &Path,
    csv: &Path,
    default_rounds: usize,
) -> (f64, f64, f64, usize) {
    let rounds: usize = std::env::var("IMPORT_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(default_rounds);
    let baseline_db = db.with_file_name("baseline.db");
    let (mut ours_times, mut base_times, mut memory) = (Vec::new(), Vec::new(), 0f64);
    for round in 1..=rounds {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let (ours, peak) = timed_with_memory(
            claims,
            &[
                "--db",
                db.to_str().unwrap(),
                "import",
                "--format",
                "jsonl",
                jsonl.to_str().unwrap(),
            ],
        );
        let baseline = sqlite_import(&baseline_db, CLAIMS_CSV_SCHEMA, "claims_csv", csv);
        println!("  round {round}: claims import {ours:>6.2} s, sqlite3 .import {baseline:>6.2} s");
        ours_times.push(ours);
        base_times.push(baseline);
        memory = memory.max(peak);
    }
    let middle = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    (middle(&mut ours_times), middle(&mut base_times), memory, rounds)
}

/// Times the `sqlite3` CLI's `.import` of `csv` (header skipped) into a
/// table made by `schema` in a fresh database `db`, with claimtrack's
/// journal settings (WAL, synchronous NORMAL).
pub fn sqlite_import(db: &Path, schema: &str, table: &str, csv: &Path) -> f64 {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let pragmas = [
        "-cmd",
        "PRAGMA journal_mode=WAL",
        "-cmd",
        "PRAGMA synchronous=NORMAL",
    ];
    let status = Command::new("sqlite3")
        .arg(db)
        .args(pragmas)
        .arg(schema)
        .stdout(Stdio::null())
        .status()
        .expect("run sqlite3");
    assert!(status.success());
    let start = Instant::now();
    let status = Command::new("sqlite3")
        .arg(db)
        .args(pragmas)
        .arg(format!(".import --csv --skip 1 {} {table}", csv.display()))
        .stdout(Stdio::null())
        .status()
        .expect("run sqlite3");
    assert!(status.success());
    start.elapsed().as_secs_f64()
}

/// Statuses and ratings the synthetic claims cycle through.
const STATUSES: [(&str, &str); 5] = [
    ("refuted", "false"),
    ("confirmed", "true"),
    ("disputed", "half-true"),
    ("refuted", "pants-fire"),
    ("unverified", ""),
];

/// The claim table's columns the synthetic rows fill.
const COLUMNS: &str = "id,source,source_kind,text,quote,said_on,status,rating,note,tags,article_url,article_title,article_publisher,article_published,origin";

/// The id the inputs give claim `i`.
pub fn claim_id(i: usize) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, i.to_string().as_bytes()).to_string()
}

pub fn size_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
}

pub fn source_name(i: usize) -> String {
    format!("Speaker {}", i % 1000)
}

/// Writes N synthetic claims (N/1000 sources, N/100 articles) as JSON
/// Lines and as CSV in the same columns.
pub fn write_inputs(jsonl: &Path, csv_path: &Path, n: usize) {
    let mut json_out = std::io::BufWriter::new(std::fs::File::create(jsonl).unwrap());
    let mut csv_out = csv::Writer::from_path(csv_path).unwrap();
    csv_out.write_record(COLUMNS.split(',')).unwrap();
    for i in 0..n {
        let id = claim_id(i);
        let (status, rating) = STATUSES[i % STATUSES.len()];
        let article = i / 100;
        let row = [
            id,
            source_name(i),
            "person".to_string(),
            format!(
                "Synthetic claim {i}: the minister said the budget for region {} rose by {} percent",
                i % 83,
                i % 17
            ),
            format!("the budget rose by {} percent", i % 17),
            format!("2020-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
            status.to_string(),
            rating.to_string(),
            format!("checked against the ministry's figures, case {i}"),
            if i % 2 == 0 {
                "budget".to_string()
            } else {
                "budget; region".to_string()
            },
            format!("https://news.example/{article}"),
            format!("Article {article}"),
            "Example News".to_string(),
            "2020-01-01".to_string(),
            String::new(),
        ];
        csv_out.write_record(&row).unwrap();
        let tags: Vec<&str> = row[9].split("; ").collect();
        let value = serde_json::json!({
            "id": row[0], "source": row[1], "source_kind": row[2], "text": row[3], "quote": row[4],
            "said_on": row[5], "status": row[6], "rating": if rating.is_empty() { None } else { Some(rating) },
            "note": row[8], "tags": tags, "article_url": row[10], "article_title": row[11],
            "article_publisher": row[12], "article_published": row[13],
        });
        serde_json::to_writer(&mut json_out, &value).unwrap();
        json_out.write_all(b"\n").unwrap();
    }
    // On disk before anything is timed: otherwise the kernel writes the
    // inputs back (hundreds of MB) during the first measurement, which
    // then shares the disk with it (a million-claim import ran 54 s right
    // after them, 40 s without).
    csv_out.into_inner().unwrap().sync_all().unwrap();
    json_out.into_inner().unwrap().sync_all().unwrap();
}
