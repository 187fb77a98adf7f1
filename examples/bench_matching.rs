//! Benchmark: `cargo build --release && cargo run --release --example bench_matching -- DIR N`
//!
//! Claim matching at scale. Writes N synthetic claims whose words follow a
//! Zipf law over a 40,000-word vocabulary (as news text does: a few words
//! everywhere, most words rare), 8 to 30 words each, with 1,000 sources,
//! tags, and a verdict note on every third claim; as JSON Lines, and the
//! same rows as CSV. Then, in one run:
//! - `claims import --format jsonl` into a fresh database, search index and
//!   statistics included, against the `sqlite3` CLI's `.import` of the CSV
//!   into a table of those columns with the indexes of claimtrack's
//!   `claims` table (target: within 2x, medians of `IMPORT_ROUNDS` rounds
//!   taken in turns, default 1); peak memory;
//! - `claims list --search` (two mid-frequency words, a phrase, a prefix;
//!   the first 50 by relevance) over the imported database (target: under
//!   30 ms, median);
//! - `claims similar --text` with rewordings of claims in the database
//!   (words dropped, shuffled and added) (target: under 50 ms, median), and
//!   how often the reworded claim comes first;
//! - `claims add` of a rewording, which looks it up ("seen before").
//!
//! Each figure includes starting the `claims` process, as a person at a
//! terminal or a script pays it.

#[path = "common/mod.rs"]
mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{median, ms, run, size_mb, verdict};

/// A small deterministic generator (xorshift64*): the same claims on
/// every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The vocabulary: pronounceable made-up words, most frequent first.
fn vocabulary(size: usize) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "pl",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
    let mut random = Random(0x5eed);
    let mut words = std::collections::BTreeSet::new();
    let mut ordered = Vec::with_capacity(size);
    while ordered.len() < size {
        let syllables = 1 + random.below(3) + usize::from(ordered.len() > 2_000);
        let mut word = String::new();
        for _ in 0..syllables {
            word.push_str(ONSETS[random.below(ONSETS.len())]);
            word.push_str(VOWELS[random.below(VOWELS.len())]);
        }
        if random.below(3) == 0 {
            word.push_str(["n", "s", "r", "t"][random.below(4)]);
        }
        if words.insert(word.clone()) {
            ordered.push(word);
        }
    }
    ordered
}

/// Draws word ranks from a Zipf law (exponent 1.05).
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(size: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=size)
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(1.05);
                total
            })
            .collect::<Vec<_>>();
        let cumulative = cumulative.into_iter().map(|c| c / total).collect();
        Zipf { cumulative }
    }
    fn draw(&self, random: &mut Random) -> usize {
        let u = random.unit();
        self.cumulative
            .partition_point(|c| *c < u)
            .min(self.cumulative.len() - 1)
    }
}

const COLUMNS: &str = "id,source,source_kind,text,quote,said_on,status,rating,note,tags,article_url,article_title,article_publisher,article_published,origin";

/// Writes the claims; returns every 1,000th claim's text (to reword).
fn write_inputs(jsonl: &Path, csv_path: &Path, n: usize, words: &[String]) -> Vec<String> {
    let zipf = Zipf::new(words.len());
    let mut random = Random(42);
    let mut json_out = std::io::BufWriter::new(std::fs::File::create(jsonl).unwrap());
    let mut csv_out = csv::Writer::from_path(csv_path).unwrap();
    csv_out.write_record(COLUMNS.split(',')).unwrap();
    let mut kept = Vec::new();
    let sentence = |random: &mut Random, length: usize| {
        let mut text: Vec<&str> = (0..length).map(|_| words[zipf.draw(random)].as_str()).collect();
        let mut first = text[0].to_string();
        first[..1].make_ascii_uppercase();
        text[0] = "";
        format!("{first}{}.", text.join(" "))
    };
    for i in 0..n {
        let length = 8 + random.below(23);
        let text = sentence(&mut random, length);
        let note = if i % 3 == 0 {
            let length = 6 + random.below(10);
            sentence(&mut random, length)
        } else {
            String::new()
        };
        let source = format!("Source {}", i % 1000);
        let tag = words[50 + i % 200].clone();
        let row = [
            common::claim_id(i),
            source.clone(),
            "person".to_string(),
            text.clone(),
            String::new(),
            format!("20{:02}-{:02}-{:02}", 10 + i % 15, i % 12 + 1, i % 28 + 1),
            "unverified".to_string(),
            String::new(),
            note.clone(),
            tag.clone(),
            format!("https://news.example/{}", i / 100),
            format!("Article {}", i / 100),
            "Example News".to_string(),
            "2020-01-01".to_string(),
            String::new(),
        ];
        csv_out.write_record(&row).unwrap();
        let mut value = serde_json::json!({
            "id": row[0], "source": source, "source_kind": "person", "text": text,
            "said_on": row[5], "status": "unverified", "tags": [tag],
            "article_url": row[10], "article_title": row[11], "article_publisher": row[12], "article_published": row[13],
        });
        if !note.is_empty() {
            value["note"] = serde_json::json!(note);
        }
        serde_json::to_writer(&mut json_out, &value).unwrap();
        json_out.write_all(b"\n").unwrap();
        if i % 1000 == 500 {
            kept.push(text);
        }
    }
    csv_out.into_inner().unwrap().sync_all().unwrap();
    json_out.into_inner().unwrap().sync_all().unwrap();
    kept
}

/// A claim as someone else would put it: a third of its words dropped, the
/// rest shuffled a little, two words added.
fn reword(text: &str, words: &[String], random: &mut Random) -> String {
    let mut kept: Vec<&str> = text
        .trim_end_matches('.')
        .split(' ')
        .filter(|_| random.below(3) != 0)
        .collect();
    for i in (1..kept.len()).rev() {
        if random.below(4) == 0 {
            kept.swap(i, i - 1);
        }
    }
    kept.push(&words[random.below(2000)]);
    kept.insert(0, &words[random.below(2000)]);
    kept.join(" ")
}

/// Runs `claims ARGS` and returns its time and stdout.
fn output(claims: &Path, args: &[&str]) -> (Duration, String) {
    let start = Instant::now();
    let out = std::process::Command::new(claims).args(args).output().unwrap();
    let elapsed = start.elapsed();
    assert!(
        out.status.success(),
        "claims {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (elapsed, String::from_utf8(out.stdout).unwrap())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: bench_matching DIR N   (e.g. bench_matching /tmp/bench-matching 1000000)");
        std::process::exit(2);
    };
    let Some(claims) = common::claims_bin() else {
        eprintln!("build the binary first: cargo build --release");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let words = vocabulary(40_000);
    let (jsonl, csv) = (dir.join("claims.jsonl"), dir.join("claims.csv"));
    let kept = write_inputs(&jsonl, &csv, n, &words);
    println!(
        "{n} claims: JSON Lines {:.0} MB, CSV {:.0} MB",
        size_mb(&jsonl),
        size_mb(&csv)
    );

    let db = dir.join("claims.db");
    let db_arg = db.to_str().unwrap().to_string();
    let (ours, baseline, memory, _) = common::compare_imports(&claims, &db, &jsonl, &csv, 1);
    println!(
        "import with the search index: {ours:>7.2} s, sqlite3 .import {baseline:>7.2} s: {:.2}x the baseline's time (target <= 2.00) {}  peak RSS {memory:.0} MB",
        ours / baseline,
        verdict(ours / baseline <= 2.0)
    );

    // Searches: two mid-frequency words, a phrase from a claim, a prefix.
    let mut random = Random(7);
    let mut searches: Vec<String> = (0..10)
        .map(|_| {
            format!(
                "{} {}",
                words[200 + random.below(3000)],
                words[200 + random.below(3000)]
            )
        })
        .collect();
    for text in kept.iter().take(5) {
        let parts: Vec<&str> = text.trim_end_matches('.').split(' ').collect();
        let at = random.below(parts.len() - 1);
        searches.push(format!("\"{} {}\"", parts[at], parts[at + 1]));
    }
    for _ in 0..5 {
        let word = &words[300 + random.below(3000)];
        searches.push(format!("{}*", &word[..word.len().min(4)]));
    }
    let mut times = Vec::new();
    let mut found = 0;
    for query in &searches {
        let args = [
            "--db",
            db_arg.as_str(),
            "list",
            "--search",
            query,
            "--limit",
            "50",
            "--format",
            "csv",
        ];
        let _ = output(&claims, &args);
        let (elapsed, out) = output(&claims, &args);
        times.push(elapsed);
        found += out.lines().count().saturating_sub(1);
    }
    times.sort();
    let search = times[times.len() / 2];
    println!(
        "claims list --search (first 50 by relevance): median {:>6.1} ms, slowest {:>6.1} ms over {} queries, {} rows printed (target median < 30 ms) {}",
        ms(search),
        ms(*times.last().unwrap()),
        searches.len(),
        found,
        verdict(ms(search) < 30.0)
    );

    // Similar: rewordings of claims in the database.
    let mut times = Vec::new();
    let mut first = 0;
    let rewordings: Vec<(String, String)> = kept
        .iter()
        .take(20)
        .map(|text| (reword(text, &words, &mut random), text.clone()))
        .collect();
    for (query, original) in &rewordings {
        let args = [
            "--db",
            db_arg.as_str(),
            "similar",
            "--text",
            query,
            "--limit",
            "10",
            "--format",
            "csv",
        ];
        let _ = output(&claims, &args);
        let (elapsed, out) = output(&claims, &args);
        times.push(elapsed);
        if out
            .lines()
            .nth(1)
            .is_some_and(|line| line.contains(original.trim_end_matches('.')))
        {
            first += 1;
        }
    }
    times.sort();
    let similar = times[times.len() / 2];
    println!(
        "claims similar --text: median {:>6.1} ms, slowest {:>6.1} ms over {} rewordings; the reworded claim first in {first} (target median < 50 ms) {}",
        ms(similar),
        ms(*times.last().unwrap()),
        rewordings.len(),
        verdict(ms(similar) < 50.0)
    );

    // Logging a rewording: looked up among a million claims.
    let mut round = 0;
    let add = median(|| {
        round += 1;
        let text = format!("{} {}", rewordings[round % rewordings.len()].0, round);
        run(
            &claims,
            &["--db", &db_arg, "add", "--by", "Source 1", "--text", &text],
        )
    });
    println!(
        "claims add (with the seen-before lookup): median {:>6.1} ms",
        ms(add)
    );
}
