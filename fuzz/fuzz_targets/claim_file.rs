//! Fuzz target: the claim-file parser on arbitrary text never panics and
//! every problem it reports names a line and column inside the file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(problems) = claimtrack::claimfile::parse(Path::new("fuzz.toml"), text) {
        let lines = text.lines().count().max(1);
        for p in problems {
            assert!(p.loc.line >= 1 && p.loc.line <= lines + 1 && p.loc.column >= 1);
        }
    }
});
