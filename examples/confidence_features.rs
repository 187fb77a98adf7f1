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

use claimtrack::extract::evaluate::{matches, read_ann};

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: confidence_features DIR   (e.g. ../shared/data/polnear/train)");
        std::process::exit(2);
    };
    let texts = dir.join("text");
    let Ok(entries) = std::fs::read_dir(&texts) else {
        eprintln!("skipped: {} is not here", texts.display());
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let annotations: Vec<String> = std::fs::read_dir(dir.join("attributions"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    let known = HashMap::new();
    for name in names {
        let stem = name.trim_end_matches(".txt");
        let gold: Vec<_> = annotations
            .iter()
            .filter(|a| a.rsplit_once('_').is_some_and(|(s, _)| s == stem))
            .filter_map(|a| std::fs::read_to_string(dir.join("attributions").join(a)).ok())
            .flat_map(|t| read_ann(&t))
            .collect();
        if gold.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(texts.join(&name)).unwrap();
        for p in claimtrack::extract::extract(&text, &known) {
            let right = gold.iter().any(|g| matches(&p, g));
            println!("{}\t{}", u8::from(right), p.features.join("\t"));
        }
    }
}
