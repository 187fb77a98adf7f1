//! Benchmark: `cargo run --release --example bench_extract -- ../shared/data/bbc`
//!
//! Streams every `*.txt` under the folder through `claims extract`'s
//! pipeline on one core, one article at a time, and prints the throughput
//! in MB of article text per second (target: at least 20, issue 15). The baseline,
//! measured in the same run, is reading and decoding the same files alone.
//! The machines this runs on move a single pass by a third from run to run,
//! so it makes `PASSES` passes (default 5), each reading the files again,
//! and judges the median pass; every pass's rate is printed.
//! Peak memory is read from /proc after a quarter of the articles of the
//! first pass and at the end: it must not grow with the number of articles.

use std::collections::HashMap;

// The allocator the `claims` binary runs with (src/main.rs), so that the
// figure is the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bench_extract DIR   (e.g. ../shared/data/bbc)");
        std::process::exit(2);
    };
    if !dir.is_dir() {
        println!(
            "skipped: {} does not exist (the BBC data set lives in ../shared/data/bbc)",
            dir.display()
        );
        return;
    }
    // As `claims extract` runs.
    claimtrack::process::without_huge_pages();
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let known = HashMap::new();
    let passes: usize = std::env::var("PASSES")
        .ok()
        .and_then(|p| p.parse().ok())
        .filter(|&p| p > 0)
        .unwrap_or(5);
    let (mut bytes, mut proposals) = (0usize, 0usize);
    let (mut read_rates, mut rates) = (Vec::new(), Vec::new());
    let mut quarter_peak = 0;
    for pass in 0..passes {
        let (mut pass_bytes, mut pass_proposals) = (0usize, 0usize);
        let (mut read_time, mut extract_time) = (Duration::ZERO, Duration::ZERO);
        for (i, path) in files.iter().enumerate() {
            let start = Instant::now();
            let raw = std::fs::read(path).unwrap();
            // One file in the set is not UTF-8: `--lossy` behaviour.
            let text = String::from_utf8_lossy(&raw).into_owned();
            read_time += start.elapsed();
            pass_bytes += text.len();
            let start = Instant::now();
            pass_proposals += claimtrack::extract::extract(&text, &known).len();
            extract_time += start.elapsed();
            if pass == 0 && i == files.len() / 4 {
                quarter_peak = peak_rss_kb();
            }
        }
        bytes = pass_bytes;
        proposals = pass_proposals;
        let mb = bytes as f64 / 1e6;
        read_rates.push(mb / read_time.as_secs_f64());
        rates.push(mb / extract_time.as_secs_f64());
    }
    println!(
        "{} articles, {:.1} MB of text, {proposals} proposals, {passes} passes",
        files.len(),
        bytes as f64 / 1e6
    );
    let read = median(&read_rates);
    println!("read + decode alone: {read:>8.1} MB/s (median pass)");
    let rate = median(&rates);
    println!(
        "extract:             {rate:>8.1} MB/s (median pass; target >= 20) {}",
        if rate >= 20.0 { "ok" } else { "MISSED" }
    );
    let passes: Vec<String> = rates.iter().map(|r| format!("{r:.1}")).collect();
    println!("extract, each pass:  {} MB/s", passes.join(", "));
    println!(
        "peak RSS: {quarter_peak} KB after a quarter of the articles, {} KB after all",
        peak_rss_kb()
    );
}

/// The median of some rates (the upper one of an even count).
fn median(rates: &[f64]) -> f64 {
    let mut sorted = rates.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

fn collect(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, into);
        } else if path.extension().is_some_and(|e| e == "txt") {
            into.push(path);
        }
    }
}

/// VmHWM from /proc/self/status, in KB (0 where there is no /proc).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}
