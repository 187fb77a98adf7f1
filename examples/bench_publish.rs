//! Benchmark: `cargo build --release && cargo run --release --example bench_publish -- DIR [LIAR_DIR]`
//!
//! Publishing LIAR (PolitiFact's 12,836 statements by 3,318 speakers, the
//! three splits in `../shared/data/liar` unless LIAR_DIR is given) as a
//! static site, in the same run as baselines:
//! - `claims publish` into a new folder (target: a few seconds), its peak
//!   memory, the files and bytes it writes; against `cp -r` of the finished
//!   site (the same files written, nothing computed) and `claims export
//!   --format claimreview` of the same database (the same claims read);
//! - republishing with nothing changed (nothing is written);
//! - republishing after one `claims mark` (target: under 1 s), and how many
//!   files that rewrites.

#[path = "common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use common::{median, ms, run, timed_with_memory, verdict};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: bench_publish DIR [LIAR_DIR]   (e.g. bench_publish /tmp/bench-publish)");
        std::process::exit(2);
    };
    let liar = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/liar"));
    if !liar.join("train.tsv").exists() {
        eprintln!(
            "LIAR is not at {} (give its folder as the second argument)",
            liar.display()
        );
        std::process::exit(2);
    }
    let Some(claims) = common::claims_bin() else {
        eprintln!("build the binary first: cargo build --release");
        std::process::exit(2);
    };
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("liar.db");
    let db = db.to_str().unwrap();
    let splits: Vec<String> = ["train.tsv", "valid.tsv", "test.tsv"]
        .iter()
        .map(|s| liar.join(s).to_string_lossy().into_owned())
        .collect();
    let mut import = vec!["--db", db, "import", "--format", "liar"];
    import.extend(splits.iter().map(String::as_str));
    run(&claims, &import);

    let site = dir.join("site");
    let site_arg = site.to_str().unwrap();
    let publish_args = [
        "--db",
        db,
        "publish",
        site_arg,
        "--base-url",
        "https://checks.example.org/",
        "--publisher",
        "Bench Desk",
    ];
    let (first, memory) = timed_with_memory(&claims, &publish_args);
    let (files, bytes) = size(&site);
    println!(
        "claims publish (new folder): {first:>7.2} s   {files} files, {:.1} MB, peak RSS {memory:.0} MB (target: a few seconds) {}",
        bytes as f64 / 1e6,
        verdict(first < 5.0)
    );
    let copy = dir.join("copy");
    let started = Instant::now();
    let status = Command::new("cp")
        .args(["-r", site_arg, copy.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let cp = started.elapsed().as_secs_f64();
    println!("cp -r of the site:           {cp:>7.2} s   (the same files written, nothing computed)");
    let export = median(|| {
        run(
            &claims,
            &[
                "--db",
                db,
                "export",
                "--format",
                "claimreview",
                dir.join("reviews.json").to_str().unwrap(),
            ],
        )
    });
    println!(
        "claims export claimreview:   {:>7.2} s   (the same claims read and written as one file; median)",
        export.as_secs_f64()
    );
    let again = median(|| run(&claims, &publish_args));
    println!("republish, nothing changed:  {:>7.1} ms", ms(again));

    // One verdict changed, then republished; each round marks another
    // claim so that every republish has one change to write.
    let csv = Command::new(&claims)
        .args([
            "--db", db, "list", "--status", "disputed", "--limit", "20", "--format", "csv",
        ])
        .output()
        .unwrap();
    let ids: Vec<String> = String::from_utf8_lossy(&csv.stdout)
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let mut times = Vec::new();
    let mut written = String::new();
    for id in ids.iter().take(7) {
        run(
            &claims,
            &["--db", db, "refute", id, "--note", "benchmark correction"],
        );
        let started = Instant::now();
        let out = Command::new(&claims).args(publish_args).output().unwrap();
        times.push(started.elapsed());
        assert!(out.status.success());
        written = String::from_utf8_lossy(&out.stdout).trim().to_string();
    }
    times.sort();
    let after_mark = times[times.len() / 2];
    println!(
        "republish after one mark:    {:>7.1} ms   (median of {}; target < 1000 ms) {}\n  last: {written}",
        ms(after_mark),
        times.len(),
        verdict(ms(after_mark) < 1000.0)
    );
}

/// Files and bytes under `dir`.
fn size(dir: &Path) -> (usize, u64) {
    let (mut files, mut bytes) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                files += 1;
                bytes += entry.metadata().unwrap().len();
            }
        }
    }
    (files, bytes)
}
