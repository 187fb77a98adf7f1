//! Files replaced whole. Exports and backups are written beside their target
//! under a hidden `.NAME.partial` name and renamed into place only when
//! complete, so a run that stops halfway (a crash, SIGKILL, a full disk)
//! never leaves half a file where a good one stood. Renaming within one
//! folder is atomic.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file being written in place of `target`. Dropped without
/// [`Replacement::finish`], it removes what it wrote.
#[derive(Debug)]
pub struct Replacement {
    target: PathBuf,
    partial: PathBuf,
    finished: bool,
}

impl Replacement {
    /// Prepares to replace `target`; a partial file left by an earlier run
    /// that stopped is removed.
    pub fn new(target: &Path) -> Result<Replacement> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| Error::invalid(format!("{} is not a file name", target.display())))?;
        let partial = target.with_file_name(format!(".{name}.partial"));
        let _ = std::fs::remove_file(&partial);
        Ok(Replacement {
            target: target.to_path_buf(),
            partial,
            finished: false,
        })
    }

    /// Where to write.
    pub fn partial(&self) -> &Path {
        &self.partial
    }

    /// An I/O error, named by the target.
    pub fn error(&self, source: std::io::Error) -> Error {
        Error::ReadFile {
            path: self.target.clone(),
            source,
        }
    }

    /// Renames the written file into place; returns the target.
    pub fn finish(mut self) -> Result<PathBuf> {
        std::fs::rename(&self.partial, &self.target).map_err(|e| self.error(e))?;
        self.finished = true;
        Ok(self.target.clone())
    }
}

impl Drop for Replacement {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_file(&self.partial);
        }
    }
}
