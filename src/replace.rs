//! Files written whole. Exports, drafts and backups are written beside their
//! target under a hidden temporary name of their own (unique per run, so
//! that two runs writing the same target never write into, or remove, each
//! other's file) and moved into place only when complete: a run that stops
//! halfway (a crash, SIGKILL, a full disk) never leaves half a file where a
//! good one stood. Renaming and linking within one folder are atomic.
//!
//! No target may be the open database or its `-wal`/`-shm` files: an
//! export named like the database would otherwise replace it.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file being written in place of `target`. Dropped without
/// [`Replacement::finish`] or [`Replacement::finish_new`], it removes what
/// it wrote.
#[derive(Debug)]
pub struct Replacement {
    target: PathBuf,
    temp: tempfile::NamedTempFile,
}

impl Replacement {
    /// Prepares to write `target`, refusing it if it is one of the
    /// `protected` files (the open database's, see
    /// [`crate::store::Store::files`]), compared by device and inode and,
    /// for those that do not exist yet, by resolved path.
    pub fn new(target: &Path, protected: &[PathBuf]) -> Result<Replacement> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| Error::invalid(format!("{} is not a file name", target.display())))?;
        if let Some(clash) = protected.iter().find(|p| same_file(target, p)) {
            return Err(Error::invalid(format!(
                "{} is one of the open database's files ({}); write to another file",
                target.display(),
                clash.display()
            )));
        }
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        remove_abandoned(dir, &name);
        // Another run for the same target may take a new file for one a
        // killed run left, in the moment between its creation and its lock:
        // so the lock is waited for, and a file removed meanwhile is
        // replaced by a new one.
        for _ in 0..8 {
            let temp = tempfile::Builder::new()
                .prefix(&format!(".{name}."))
                .suffix(".partial")
                .tempfile_in(dir)
                .map_err(|source| Error::WriteFile {
                    path: target.to_path_buf(),
                    source,
                })?;
            // Held while this run writes: the next run for the same target
            // removes only temporary files nobody holds (left by a killed
            // run).
            let _ = temp.as_file().lock();
            if still_in_place(&temp) {
                return Ok(Replacement {
                    target: target.to_path_buf(),
                    temp,
                });
            }
        }
        Err(Error::WriteFile {
            path: target.to_path_buf(),
            source: std::io::Error::other("its temporary file kept being removed by other runs"),
        })
    }

    /// Where to write, for writers that take a path (SQLite's `VACUUM
    /// INTO`); the file exists and is empty.
    pub fn partial(&self) -> &Path {
        self.temp.path()
    }

    /// The open temporary file.
    pub fn file(&self) -> &File {
        self.temp.as_file()
    }

    /// Writes `bytes` as the whole content.
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        self.temp.write_all(bytes).map_err(|e| self.error(e))
    }

    /// A write error, named by the target.
    pub fn error(&self, source: std::io::Error) -> Error {
        Error::WriteFile {
            path: self.target.clone(),
            source,
        }
    }

    /// Syncs the written file and renames it over the target; returns the
    /// target.
    pub fn finish(self) -> Result<PathBuf> {
        self.temp.as_file().sync_all().map_err(|e| self.error(e))?;
        let target = self.target.clone();
        self.temp.persist(&target).map_err(|e| Error::WriteFile {
            path: target.clone(),
            source: e.error,
        })?;
        Ok(target)
    }

    /// Syncs the written file and moves it into place only if the target
    /// still does not exist (of two runs racing for one name, exactly one
    /// wins; the other is told and its file removed).
    pub fn finish_new(self) -> Result<PathBuf> {
        self.temp.as_file().sync_all().map_err(|e| self.error(e))?;
        let target = self.target.clone();
        self.temp.persist_noclobber(&target).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::invalid(format!(
                    "{} appeared while this copy was written; nothing was replaced, write to a new file",
                    target.display()
                ))
            } else {
                Error::WriteFile {
                    path: target.clone(),
                    source: e.error,
                }
            }
        })?;
        Ok(target)
    }
}

/// Whether a temporary file is still at its path (not removed as
/// abandoned by another run before this one held its lock).
fn still_in_place(temp: &tempfile::NamedTempFile) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(temp.path()), temp.as_file().metadata()) {
        (Ok(at_path), Ok(held)) => at_path.dev() == held.dev() && at_path.ino() == held.ino(),
        _ => false,
    }
}

/// Removes the temporary files of runs for the same target that were
/// killed before they could clean up: those whose lock nobody holds.
fn remove_abandoned(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !file_name.starts_with(&prefix) || !file_name.ends_with(".partial") {
            continue;
        }
        let path = entry.path();
        if let Ok(file) = File::open(&path)
            && file.try_lock().is_ok()
        {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Whether `a` and `b` name the same file: the same device and inode when
/// both exist (hard links, symbolic links and `..` all resolve), else the
/// same path once the folder is resolved.
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
        return ma.dev() == mb.dev() && ma.ino() == mb.ino();
    }
    match (resolved(a), resolved(b)) {
        (Some(ra), Some(rb)) => ra == rb,
        _ => false,
    }
}

/// The path with its folder made canonical (the file itself may not exist).
fn resolved(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    Some(dir.canonicalize().ok()?.join(name))
}
