//! Benchmark: `cargo build --release && cargo run --release --example bench_import -- DIR N`
//!
//! Writes N synthetic claims as claim files (100 claims per file: an
//! article with a body snapshot, its sources, claims with quotes that anchor,
//! a history entry each) and the same rows as one CSV file. Then, in the
//! same run, times:
//! - `claims import DIR` into a fresh database (rows per second, peak memory);
//! - the `sqlite3` CLI's `.import` of the CSV into a table with as many
//!   indexes as claimtrack's `claims` table, with the same journal settings
//!   (claimtrack also writes each claim's tags and history event, which the
//!   baseline does not).
//!
//! It prints the ratio (target: claimtrack at least half of sqlite3's rate),
//! then repeats the import with the same claims spread over ten times as
//! many files, to show that memory does not grow with the file count.

#[path = "common/mod.rs"]
mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: bench_import DIR N   (e.g. bench_import /tmp/claimfiles 100000)");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let claims_bin = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("claims");
    assert!(
        claims_bin.exists(),
        "build the binary first: cargo build --release"
    );

    let few = dir.join("per-file-100");
    let many = dir.join("per-file-10");
    let csv = dir.join("claims.csv");
    let _ = std::fs::remove_dir_all(&dir);
    write_files(&few, n, 100);
    write_files(&many, n, 10);
    write_csv(&csv, n);
    println!(
        "{n} claims: {} files of 100, {} files of 10",
        n.div_ceil(100),
        n.div_ceil(10)
    );

    let (ours, memory) = import(&claims_bin, &dir.join("few.db"), &few);
    let (_, memory_many) = import(&claims_bin, &dir.join("many.db"), &many);
    let baseline = sqlite_import(&dir.join("baseline.db"), &csv);
    let (ours_rate, base_rate) = (n as f64 / ours, n as f64 / baseline);
    println!("claims import:   {ours:>7.2} s  {ours_rate:>9.0} claims/s  peak RSS {memory:.0} MB");
    println!("sqlite3 .import: {baseline:>7.2} s  {base_rate:>9.0} rows/s");
    let ratio = ours_rate / base_rate;
    println!(
        "ratio {ratio:.2} (target >= 0.50) {}",
        if ratio >= 0.5 { "ok" } else { "MISSED" }
    );
    println!(
        "peak RSS with 10x the files: {memory_many:.0} MB ({:+.0}% against {memory:.0} MB)",
        (memory_many / memory - 1.0) * 100.0
    );
}

/// Runs `claims import` under GNU time; returns seconds and peak RSS in MB.
fn import(claims: &Path, db: &Path, dir: &Path) -> (f64, f64) {
    common::timed_with_memory(
        claims,
        &["--db", db.to_str().unwrap(), "import", dir.to_str().unwrap()],
    )
}

/// The sqlite3 CLI importing the same rows as CSV into a table with the same
/// indexes as `claims` (a unique id, a short-id expression index,
/// source+status+date, article, date).
fn sqlite_import(db: &Path, csv: &Path) -> f64 {
    let schema = "CREATE TABLE claims_csv (id TEXT, article_url TEXT, source TEXT, text TEXT, quote TEXT, said_on TEXT, status TEXT, tags TEXT, created_at TEXT);
        CREATE UNIQUE INDEX c_id ON claims_csv (id);
        CREATE INDEX c_short ON claims_csv (substr(id, 29, 8));
        CREATE INDEX c_source_status ON claims_csv (source, status, said_on);
        CREATE INDEX c_article ON claims_csv (article_url);
        CREATE INDEX c_said ON claims_csv (said_on);";
    common::sqlite_import(db, schema, "claims_csv", csv)
}

fn claim_text(i: usize) -> String {
    format!(
        "Synthetic claim {i}: the minister said the budget for region {} rose by {} percent",
        i % 83,
        i % 17
    )
}

fn quote(i: usize) -> String {
    format!("the budget rose by {} percent in case {i}", i % 17)
}

fn write_files(dir: &Path, n: usize, per_file: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for (file_index, first) in (0..n).step_by(per_file).enumerate() {
        let last = (first + per_file).min(n);
        let mut body = String::from("Synthetic article body.\n");
        for i in first..last {
            let _ = writeln!(
                body,
                "Paragraph {i}: officials said {}, according to the ministry.",
                quote(i)
            );
        }
        let mut out = String::new();
        let _ = writeln!(
            out,
            "[article]\nurl = \"https://news.example/{per_file}/{file_index}\"\ntitle = \"Article {file_index}\"\npublisher = \"Example News\"\npublished = 2020-01-01"
        );
        let _ = writeln!(out, "body = \"\"\"\n{body}\"\"\"\n");
        let sources: Vec<String> = (0..3)
            .map(|s| format!("Source {}", (file_index * 3 + s) % 1000))
            .collect();
        for source in &sources {
            let _ = writeln!(out, "[[sources]]\nname = \"{source}\"\nkind = \"person\"\n");
        }
        for i in first..last {
            let _ = writeln!(
                out,
                "[[claims]]\nby = \"{}\"\ntext = \"{}\"\nquote = \"{}\"\nsaid_on = 2020-01-{:02}\nstatus = \"unverified\"\ntags = [\"budget\"]\n[[claims.history]]\nstatus = \"unverified\"\nat = 2020-01-02T10:00:00Z\nby = \"bench\"\n",
                sources[i % 3],
                claim_text(i),
                quote(i),
                i % 28 + 1
            );
        }
        std::fs::write(dir.join(format!("{file_index:06}.toml")), out).unwrap();
    }
}

fn write_csv(path: &Path, n: usize) {
    let mut writer = csv::Writer::from_path(path).unwrap();
    writer
        .write_record([
            "id",
            "article_url",
            "source",
            "text",
            "quote",
            "said_on",
            "status",
            "tags",
            "created_at",
        ])
        .unwrap();
    for i in 0..n {
        let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, i.to_string().as_bytes()).to_string();
        let url = format!("https://news.example/100/{}", i / 100);
        let source = format!("Source {}", ((i / 100) * 3 + i % 3) % 1000);
        let said = format!("2020-01-{:02}", i % 28 + 1);
        writer
            .write_record([
                &id,
                &url,
                &source,
                &claim_text(i),
                &quote(i),
                &said,
                "unverified",
                "budget",
                "2020-01-02T10:00:00.000000Z",
            ])
            .unwrap();
    }
    writer.flush().unwrap();
}
