//! The library's error type. Every variant knows whether it is the user's
//! input that is wrong (exit 2) or something failed underneath (exit 1), so
//! that the binary maps errors to exit codes in exactly one place.

use std::path::PathBuf;

/// Everything that can go wrong in claimtrack.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that cannot be accepted as given: a malformed date, an empty
    /// text, an unknown status. The message names the offending value.
    #[error("{0}")]
    Invalid(String),

    /// A name that matches no source (or alias); `suggestions` are the
    /// closest known names.
    #[error("{}", unknown_source_message(.name, .suggestions))]
    UnknownSource {
        /// The name as given.
        name: String,
        /// Known names that look alike, closest first.
        suggestions: Vec<String>,
    },

    /// An id, URL or name that matches nothing of that kind.
    #[error("no {kind} matches '{given}'")]
    NotFound {
        /// "claim", "article" ...
        kind: &'static str,
        /// The id, prefix or URL as given.
        given: String,
    },

    /// An id prefix that matches more than one record.
    #[error("{kind} id '{given}' is ambiguous: it matches {}", .candidates.join(", "))]
    AmbiguousId {
        /// "claim" or "article".
        kind: &'static str,
        /// The prefix as given.
        given: String,
        /// Each candidate as "full-uuid (short description)".
        candidates: Vec<String>,
    },

    /// Something that would break a uniqueness rule: an alias already taken,
    /// a URL already logged.
    #[error("{0}")]
    Conflict(String),

    /// The database path cannot be used (its folder cannot be created or
    /// written, or it is a folder).
    #[error("cannot use database path {}: {reason}", .path.display())]
    DatabasePath {
        /// The path as resolved.
        path: PathBuf,
        /// Why, in a few words.
        reason: String,
    },

    /// A read-only command named a database that does not exist.
    #[error(
        "no database at {}; check the path, or create one by logging a claim (`claims add`) or importing (`claims import`)",
        .path.display()
    )]
    MissingDatabase {
        /// The path as resolved.
        path: PathBuf,
    },

    /// Another process held the database's write lock for the whole wait.
    #[error(
        "gave up after {seconds} s waiting to write to {}: another claimtrack process (a long import?) held the write lock all that time; nothing was written. Try again when it is done, or wait longer with --wait SECONDS",
        .path.display()
    )]
    Busy {
        /// The database.
        path: PathBuf,
        /// How long this command waited.
        seconds: u64,
    },

    /// A file could not be written.
    #[error("cannot write {}: {source}", .path.display())]
    WriteFile {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },

    /// The disk holding the database is full.
    #[error("the disk holding {} is full; nothing was written. Free some space and try again", .path.display())]
    DiskFull {
        /// The database.
        path: PathBuf,
    },

    /// The command was interrupted (Ctrl-C) before it finished.
    #[error("interrupted: nothing was written")]
    Interrupted,

    /// A bug: the command panicked. Nothing it was writing was committed.
    #[error("internal error (a bug in claimtrack, please report it): {0}; nothing was written")]
    Internal(String),

    /// The file exists but is not a claimtrack database.
    #[error("{} is not a claimtrack database ({reason}); refusing to touch it", .path.display())]
    NotClaimtrack {
        /// The path as resolved.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },

    /// The database was written by a newer claimtrack with a schema this
    /// build does not know; reading it could misread it.
    #[error(
        "{} was written by a newer claimtrack (schema version {found}; this build knows up to {known}); upgrade claimtrack to use it",
        .path.display()
    )]
    NewerSchema {
        /// The path as resolved.
        path: PathBuf,
        /// The newest migration recorded in the file.
        found: i64,
        /// The newest migration this build carries.
        known: i64,
    },

    /// A file given on the command line could not be read.
    #[error("cannot read {}: {source}", .path.display())]
    ReadFile {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },

    /// Problems found in claim files, each naming `file:line:column`.
    #[error("{}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Files(Vec<crate::claimfile::Problem>),

    /// The database refused for want of a right: a viewer writing, a
    /// checker confirming, a membership that has run out. The server's
    /// own sentence.
    #[error("refused by the database: {0}")]
    Refused(String),

    /// The database server could not be reached or refused the login.
    #[error("cannot connect to {url}: {reason}")]
    Server {
        /// The URL, its password blanked.
        url: String,
        /// What the server or the network said.
        reason: String,
    },

    /// A check found what it looks for: quotes that no longer anchor.
    #[error("{0}")]
    Verification(String),

    /// The database refused or failed an operation.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),

    /// Applying the schema failed.
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),

    /// Writing output failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

fn unknown_source_message(name: &str, suggestions: &[String]) -> String {
    let mut message = format!("unknown source '{name}'");
    match suggestions {
        [] => message.push_str("; add it with `claims source add` or pass --new-source KIND"),
        [only] => message.push_str(&format!("; did you mean '{only}'?")),
        many => {
            let quoted: Vec<String> = many.iter().map(|s| format!("'{s}'")).collect();
            message.push_str(&format!("; did you mean one of {}?", quoted.join(", ")));
        }
    }
    message
}

impl Error {
    /// The process exit code for this error: 2 when the user's input or
    /// usage is at fault, 1 when something failed.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Invalid(_)
            | Error::UnknownSource { .. }
            | Error::NotFound { .. }
            | Error::AmbiguousId { .. }
            | Error::Conflict(_)
            | Error::DatabasePath { .. }
            | Error::NotClaimtrack { .. }
            | Error::NewerSchema { .. }
            | Error::MissingDatabase { .. }
            | Error::ReadFile { .. }
            | Error::Refused(_)
            | Error::Files(_) => 2,
            Error::Verification(_)
            | Error::Server { .. }
            | Error::Database(_)
            | Error::Migrate(_)
            | Error::Io(_)
            | Error::Busy { .. }
            | Error::WriteFile { .. }
            | Error::DiskFull { .. }
            | Error::Interrupted
            | Error::Internal(_) => 1,
        }
    }

    /// True when the error is only a closed pipe on standard output
    /// (`claims list | head -1`), which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid(message.into())
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
