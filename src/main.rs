//! The `claims` binary: parse the command line, run it, and turn the outcome
//! into an exit code (0 ok, 1 failure, 2 bad usage or input) in one place.

use std::io::IsTerminal;
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
    // Before anything else touches the allocator's memory: most commands
    // live for milliseconds, and zeroing a 2 MB huge page at each first
    // touch was a fifth of `claims show`'s time on the processor.
    claimtrack::process::without_huge_pages();
    claimtrack::store::skip_memory_statistics();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    // A panic is a bug, but still a failed command: one line on stderr,
    // exit 1, and the open write transaction (dropped with its connection
    // while unwinding) is rolled back.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("claims: internal error (a bug in claimtrack, please report it): {what}{place}");
    }));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cli::execute(cli)));
    let Ok(outcome) = outcome else {
        eprintln!("claims: the command did not finish; what it had not committed was rolled back");
        return ExitCode::from(1);
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        // `claims list | head -1`: the reader has all it wanted.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            if matches!(error, claimtrack::Error::Interrupted) && std::io::stderr().is_terminal() {
                // Clear a progress line the interruption left half-drawn.
                eprint!("\r\x1b[2K");
            }
            // Claim-file errors come one per line, each with its file:line:column.
            // Messages quote names and values from files and the database:
            // shown inert, never as escape sequences.
            for line in error.to_string().lines() {
                eprintln!("claims: {}", claimtrack::render::inert(line));
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
    if let Some(clap::error::ContextValue::String(given)) =
        error.get(clap::error::ContextKind::InvalidSubcommand)
        && let Some(hint) = cli::instead_of(given)
    {
        eprintln!("claims: there is no '{given}' command: {hint}");
        return ExitCode::from(2);
    }
    let rendered = error.render().to_string();
    let command = mistyped_command();
    if error.kind() == ErrorKind::UnknownArgument
        && let Some(clap::error::ContextValue::String(given)) =
            error.get(clap::error::ContextKind::InvalidArg)
        && (given == "--as" || given.starts_with("--as="))
    {
        eprintln!(
            "claims: '{command}' only reads, so it takes no --as (who made a change is asked of the commands that make one)"
        );
        return ExitCode::from(2);
    }
    let message: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with("Usage:") && !line.starts_with("For more information"))
        .filter(|line| !line.is_empty())
        .collect();
    let message = message.join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    eprintln!("claims: {message} (see '{command} --help')");
    ExitCode::from(2)
}

/// "claims source add": the command whose arguments were wrong, to point
/// at its own --help. Followed through the command tree by name, since
/// clap's message names it only for some errors.
fn mistyped_command() -> String {
    let mut command = <Cli as clap::CommandFactory>::command();
    let mut path = vec!["claims".to_string()];
    for arg in std::env::args().skip(1) {
        if arg == "--" {
            break;
        }
        let Some(sub) = command.find_subcommand(&arg).cloned() else {
            continue;
        };
        path.push(sub.get_name().to_string());
        if !sub.has_subcommands() {
            break;
        }
        command = sub;
    }
    path.join(" ")
}
