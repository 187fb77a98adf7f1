//! The end-to-end suites and their shared helpers.

mod errors;
mod harness;
mod output;
mod story;
