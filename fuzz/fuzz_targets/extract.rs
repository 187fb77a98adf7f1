//! Fuzz target: `claims extract` on arbitrary text never panics, never
//! hangs, and every offset it returns points into the input.
#![no_main]

use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars = text.chars().count();
    for p in claimtrack::extract::extract(&text, &HashMap::new()) {
        for piece in [&p.mention, &p.cue, &p.content] {
            assert!(piece.start <= piece.end && piece.end <= chars);
        }
    }
});
