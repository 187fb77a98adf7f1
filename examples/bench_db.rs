//! Benchmark: `cargo build --release && cargo run --release --example bench_db -- PATH N`
//!
//! Writes a database of N synthetic claims (N/1000 sources, N/100 articles,
//! one to four status events each) through the store's own batched write
//! path in one transaction, and prints how long that took. Then, on that
//! file, times the built `claims` binary against a baseline measured in the
//! same run: `claims report` against the `sqlite3` CLI running the
//! equivalent GROUP BY, and `claims show PREFIX`, `claims add`,
//! `claims list --by SOURCE` and `claims report --as-of DATE` against their
//! targets. Each command runs several times; the median is reported.

#[path = "common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{median, ms, run, verdict};

use claimtrack::model::{Day, SourceKind, Status, short_id};
use claimtrack::store::{NewClaim, NewEvent, Store};
use uuid::Uuid;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(n)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: bench_db PATH N   (e.g. bench_db /tmp/bench.db 1000000)");
        std::process::exit(2);
    };
    let path = PathBuf::from(path);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (elapsed, sample) = runtime.block_on(write(&path, n));
    println!(
        "wrote {n} claims, {} sources, {} articles in {:.2} s ({:.0} claims/s)",
        (n / 1000).max(1),
        (n / 100).max(1),
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64()
    );
    println!(
        "database size: {:.1} MB",
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );

    let Some(claims) = common::claims_bin() else {
        println!("(build the binary with `cargo build --release` to time the commands)");
        return;
    };
    let db = path.to_str().unwrap();
    let report = median(|| run(&claims, &["--db", db, "report", "--format", "csv"]));
    let sqlite = median(|| {
        run(
            Path::new("sqlite3"),
            &[
                db,
                "SELECT source_id, status, count(*), max(said_on) FROM claims GROUP BY source_id, status",
            ],
        )
    });
    let ratio = report.as_secs_f64() / sqlite.as_secs_f64();
    println!(
        "claims report:          {:>8.1} ms   sqlite3 GROUP BY: {:>8.1} ms   ratio {ratio:.2} (target <= 2.00) {}",
        ms(report),
        ms(sqlite),
        verdict(ratio <= 2.0)
    );
    let prefix = &sample.0[..6];
    let show = median(|| run(&claims, &["--db", db, "show", prefix]));
    println!(
        "claims show {prefix}:     {:>8.1} ms   (target < 20 ms) {}",
        ms(show),
        verdict(ms(show) < 20.0)
    );
    let mut counter = 0;
    let add = median(|| {
        counter += 1;
        let text = format!("benchmark claim {counter} {}", Uuid::now_v7());
        run(
            &claims,
            &[
                "--db",
                db,
                "add",
                "--by",
                &sample.1,
                "--text",
                &text,
                "--said-on",
                "2024-01-01",
            ],
        )
    });
    println!(
        "claims add:              {:>8.1} ms   (target < 20 ms) {}",
        ms(add),
        verdict(ms(add) < 20.0)
    );
    let list = median(|| {
        run(
            &claims,
            &["--db", db, "list", "--by", &sample.1, "--format", "csv"],
        )
    });
    println!(
        "claims list --by:        {:>8.1} ms   (target < 50 ms) {}",
        ms(list),
        verdict(ms(list) < 50.0)
    );
    let as_of = median(|| {
        run(
            &claims,
            &["--db", db, "report", "--as-of", "2020-06-30", "--format", "csv"],
        )
    });
    println!(
        "claims report --as-of:   {:>8.1} ms   (target < 2000 ms) {}",
        ms(as_of),
        verdict(ms(as_of) < 2000.0)
    );
    let rollup = median(|| run(&claims, &["--db", db, "report", "--rollup", "--format", "csv"]));
    println!("claims report --rollup:  {:>8.1} ms", ms(rollup));
}

/// Writes the synthetic database; returns the time taken, one claim's short
/// id and one source's name to query afterwards.
async fn write(path: &Path, n: usize) -> (Duration, (String, String)) {
    let mut store = Store::open(path).await.unwrap();
    let start = Instant::now();
    let sample = store
        .write(async |s| {
            let source_count = (n / 1000).max(1);
            let mut sources = Vec::with_capacity(source_count);
            for i in 0..source_count {
                let kind = if i % 5 == 0 {
                    SourceKind::Organization
                } else {
                    SourceKind::Person
                };
                sources.push(s.add_source(&format!("Source {i:05}"), kind, None).await?);
            }
            // Every fifth person speaks for the organization before it, so
            // that roll-ups have work to do.
            for i in (1..source_count).filter(|i| i % 5 == 1) {
                let (person, org) = (&sources[i], &sources[i - 1]);
                s.add_speaks_for(person, org, "spokesperson", None, None).await?;
            }
            let mut articles = Vec::new();
            for i in 0..(n / 100).max(1) {
                let day = day_of(i);
                let url = format!("https://news.example/{i}");
                articles.push(
                    s.add_article(
                        &url,
                        &format!("Article {i}"),
                        Some("Example News"),
                        Some(day),
                        None,
                    )
                    .await?
                    .key,
                );
            }
            let mut first = None;
            let mut batch = Vec::with_capacity(10_000);
            for i in 0..n {
                let history = history_of(i);
                let claim = NewClaim {
                    origin: None,
                    language: None,
                    id: Uuid::now_v7(),
                    source_key: sources[i % source_count].key,
                    article_key: Some(articles[i % articles.len()]),
                    text: format!(
                        "Synthetic claim number {i}: something checkable was said about topic {}",
                        i % 97
                    ),
                    quote: (i % 3 == 0).then(|| format!("quoted words {i}")),
                    said_on: Some(day_of(i)),
                    tags: if i % 4 == 0 {
                        vec![format!("topic-{}", i % 20)]
                    } else {
                        vec![]
                    },
                    history,
                    anchor: None,
                };
                first.get_or_insert_with(|| short_id(&claim.id));
                batch.push(claim);
                if batch.len() == 10_000 {
                    s.insert_claims(std::mem::take(&mut batch)).await?;
                }
            }
            s.insert_claims(batch).await?;
            Ok((first.unwrap_or_default(), sources[source_count / 2].name.clone()))
        })
        .await
        .unwrap();
    (start.elapsed(), sample)
}

/// Dates spread over ten years, 2015 to 2024.
fn day_of(i: usize) -> Day {
    let base = time::macros::date!(2015 - 01 - 01);
    Day(base + time::Duration::days((i * 7919 % 3650) as i64))
}

/// One to four events: logged, then perhaps disputed, then a verdict.
fn history_of(i: usize) -> Vec<NewEvent> {
    let day = day_of(i);
    let at = |offset: i64| format!("{}T12:00:00.000000Z", Day(day.0 + time::Duration::days(offset)));
    let event = |to, offset| NewEvent {
        to,
        rating: None,
        note: None,
        evidence: vec![],
        actor: "bench".into(),
        at: at(offset),
        effective_on: None,
    };
    let mut history = vec![event(Status::Unverified, 0)];
    match i % 10 {
        0..=3 => {}
        4 | 5 => history.push(event(Status::Disputed, 3)),
        6 | 7 => {
            history.push(event(Status::Disputed, 3));
            history.push(event(Status::Refuted, 30));
        }
        8 => history.push(event(Status::Confirmed, 10)),
        _ => {
            history.push(event(Status::Disputed, 2));
            history.push(event(Status::Confirmed, 20));
            history.push(NewEvent {
                note: Some("more evidence".into()),
                ..event(Status::Confirmed, 40)
            });
        }
    }
    history
}
