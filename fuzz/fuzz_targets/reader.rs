//! What every importer's fuzz target checks: reading arbitrary bytes never
//! panics, every record has a source and a text, and every problem names a
//! line inside the input.

use std::path::Path;
use std::sync::Arc;

use claimtrack::claimfile::Problem;
use claimtrack::formats::{ClaimRecord, ImportFormat, ReadOptions, read_from};

pub fn check(format: ImportFormat, data: &[u8]) {
    let path: Arc<Path> = Arc::from(Path::new("fuzz.input"));
    let lines = data.iter().filter(|b| **b == b'\n').count() + 1;
    let inside = |problem: &Problem| assert!(problem.loc.line >= 1 && problem.loc.line <= lines + 1, "{problem}");
    let mut each = |result: Result<ClaimRecord, Problem>| {
        match result {
            Ok(record) => {
                assert!(!record.claim.text.trim().is_empty());
                assert!(!record.source.name.trim().is_empty());
            }
            Err(problem) => inside(&problem),
        }
        true
    };
    if let Err(claimtrack::error::Error::Files(problems)) = read_from(format, &path, data, &ReadOptions::default(), &mut each) {
        problems.iter().for_each(inside);
    }
}
