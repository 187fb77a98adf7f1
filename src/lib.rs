//! claimtrack: a claim and fact-check tracker.
//!
//! News articles are full of claims tied to who made them. claimtrack keeps
//! each claim against its source, with a verification status whose every
//! change is appended to a history that the database itself refuses to
//! rewrite, and prints per-source reports of who claimed what and how much
//! of it held up.
//!
//! The library is the whole tool; the `claims` binary only parses the
//! command line, runs [`cli::run`] and maps errors to exit codes.
#![deny(missing_docs)]

pub mod anchor;
pub mod claimfile;
pub mod cli;
pub mod error;
pub mod extract;
pub mod formats;
pub mod import;
pub mod journal;
pub mod layout;
pub mod matching;
pub mod model;
pub mod names;
pub mod process;
pub mod publish;
pub mod render;
pub mod replace;
pub mod store;

pub use error::{Error, Result};
