//! The `claims` binary: parse the command line, run it, and turn the outcome
//! into an exit code (0 ok, 1 failure, 2 bad usage or input) in one place.

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use claimtrack::cli::{self, Cli};

// An import builds each row's values on one thread and frees them on the
// database thread; glibc's allocator spends a fifth of a million-claim
// import on such cross-thread frees, mimalloc a fraction of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("claims: cannot start: {error}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        // `claims list | head -1`: the reader has all it wanted.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            // Claim-file errors come one per line, each with its file:line:column.
            for line in error.to_string().lines() {
                eprintln!("claims: {line}");
            }
            ExitCode::from(error.exit_code())
        }
    }
}

/// Help and version go to stdout with success; a usage error becomes one
/// line on stderr (clap's message without its usage block) and exit 2.
fn usage_error(error: clap::Error) -> ExitCode {
    if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = error.print();
        return ExitCode::from(2);
    }
    let rendered = error.render().to_string();
    let message: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with("Usage:") && !line.starts_with("For more information"))
        .filter(|line| !line.is_empty())
        .collect();
    let message = message.join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    eprintln!("claims: {message} (see 'claims --help')");
    ExitCode::from(2)
}
