//! The end-to-end suites and their shared helpers.

mod browser;
mod corpus;
mod datasets;
mod docs;
mod errors;
mod extract;
mod files;
mod formats;
mod harness;
mod hostile;
mod journal;
mod matching;
mod output;
mod publish;
mod reliability;
mod safety;
mod semantic;
mod story;
mod team;
