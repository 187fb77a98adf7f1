//! Fuzz target: the liar reader on arbitrary bytes never panics, every
//! record it gives has a source and a text, and every problem names a line
//! inside the input.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use claimtrack::formats::{ImportFormat, ReadOptions, read_from};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path: Arc<Path> = Arc::from(Path::new("fuzz.input"));
    let options = ReadOptions::default();
    let lines = data.iter().filter(|b| **b == b'\n').count() + 1;
    let mut check = |result: Result<claimtrack::formats::ClaimRecord, claimtrack::claimfile::Problem>| {
        match result {
            Ok(record) => {
                assert!(!record.claim.text.trim().is_empty());
                assert!(!record.source.name.trim().is_empty());
            }
            Err(problem) => assert!(problem.loc.line >= 1 && problem.loc.line <= lines + 1, "{problem}"),
        }
        true
    };
    if let Err(claimtrack::error::Error::Files(problems)) = read_from(ImportFormat::Liar, &path, data, &options, &mut check) {
        for problem in problems {
            assert!(problem.loc.line >= 1 && problem.loc.line <= lines + 1, "{problem}");
        }
    }
});
