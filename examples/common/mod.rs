//! Helpers shared by the benchmarks: find the built binary, run a command,
//! take the median of several runs.

#![allow(dead_code)]

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
