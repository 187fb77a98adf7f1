//! Fuzz target: the jsonl importer's reader (see `reader.rs` for what it checks).
#![no_main]

#[path = "reader.rs"]
mod reader;

libfuzzer_sys::fuzz_target!(|data: &[u8]| reader::check(claimtrack::formats::ImportFormat::Jsonl, data));
