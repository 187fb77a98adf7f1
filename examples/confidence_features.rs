//! Training data for the confidence model:
//! `cargo run --release --example confidence_features -- ../shared/data/polnear/train > train.tsv`
//!
//! Runs `claims extract` over a brat-standoff folder (PolNeAR's layout) and
//! prints one line per proposal: 1 when it matches an annotated
//! attribution (the rule `claims evaluate` scores by), else 0, then the
//! features the model reads, tab-separated. `tools/fit_confidence.py`
//! fits the weights `src/extract/confidence.tsv` ships from it.

use std::collections::HashMap;
use std::path::PathBuf;

use claimtrack::extract::evaluate::{for_each_article, matches};

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: confidence_features DIR   (e.g. ../shared/data/polnear/train)");
        std::process::exit(2);
    };
    if !dir.join("text").is_dir() {
        eprintln!("skipped: {} is not here", dir.join("text").display());
        return;
    }
    let known = HashMap::new();
    let read = for_each_article(&dir, |_, text, gold| {
        for p in claimtrack::extract::extract_explained(text, &known) {
            let right = gold.iter().flatten().any(|g| matches(&p, g));
            println!("{}\t{}", u8::from(right), p.features.join("\t"));
        }
    });
    if let Err(e) = read {
        eprintln!("confidence_features: {e}");
        std::process::exit(1);
    }
}
