//! `claims completions SHELL` and `claims man [DIR]`: shell completions and
//! man pages generated from the same definitions as `--help`, so that they
//! cannot drift from the commands.

use std::path::PathBuf;

use clap::{Args, CommandFactory};

use super::Cli;
use crate::error::{Error, Result};

/// `claims completions`.
#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  claims completions bash > ~/.local/share/bash-completion/completions/claims
  claims completions zsh > ~/.zfunc/_claims        # with fpath+=(~/.zfunc) in ~/.zshrc
  claims completions fish > ~/.config/fish/completions/claims.fish")]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    pub shell: clap_complete::Shell,
}

/// `claims man`.
#[derive(Debug, Args)]
#[command(after_long_help = "Examples:
  claims man | man -l -                  # read it now
  claims man ~/.local/share/man/man1     # claims.1, claims-add.1, ... for `man claims-add`")]
pub struct ManArgs {
    /// Write `claims.1` and one page per command into this folder, instead of printing `claims.1`.
    pub dir: Option<PathBuf>,
}

/// Prints the completion script for a shell.
pub fn completions(args: &CompletionsArgs) -> Result<()> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "claims", &mut out);
    print(&out)
}

/// Prints the main man page, or writes every page into a folder.
pub fn man(args: &ManArgs) -> Result<()> {
    let command = Cli::command();
    match &args.dir {
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(command).render(&mut out)?;
            print(&out)
        }
        Some(dir) => {
            if !dir.is_dir() {
                return Err(Error::invalid(format!(
                    "'{}' is not a folder: create it first",
                    dir.display()
                )));
            }
            let written = write_pages(command, dir, "claims")?;
            println!("wrote {written} man pages to {}", dir.display());
            Ok(())
        }
    }
}

/// Writes `name.1` for `command` and each of its subcommands; returns how
/// many. Each page is written whole to a temporary file and renamed.
fn write_pages(command: clap::Command, dir: &std::path::Path, name: &str) -> Result<usize> {
    let mut out = Vec::new();
    let page = command
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    clap_mangen::Man::new(page).render(&mut out)?;
    let path = dir.join(format!("{name}.1"));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut file, &out)?;
    file.persist(&path).map_err(|e| Error::Io(e.error))?;
    let mut written = 1;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        written += write_pages(sub.clone(), dir, &format!("{name}-{}", sub.get_name()))?;
    }
    Ok(written)
}

fn print(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(())
}
