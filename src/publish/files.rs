//! Writing a site into a folder, each file as it is built. Only the files
//! whose bytes changed are written (each to a temporary file beside it, renamed over it, so a
//! reader never sees half a page); the files an earlier publish wrote and
//! this one does not are removed; nothing else in the folder is touched.
//! The folder's manifest lists what claimtrack wrote there.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::SiteSink;
use crate::error::{Error, Result};

/// The manifest's name in the site's folder.
pub const MANIFEST: &str = ".claimtrack-site";

/// What a publish did to the folder.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Files written (new or changed).
    pub written: usize,
    /// Files already holding the same bytes, left alone.
    pub unchanged: usize,
    /// Files of an earlier publish removed (pages no longer published).
    pub removed: usize,
}

/// Writes a site into a folder as its files are built: [`SiteWriter::open`]
/// checks the folder, each file is written if its bytes changed, and
/// [`SiteWriter::finish`] removes what an earlier publish wrote and this
/// one did not, flushes everything to disk and writes the manifest.
pub struct SiteWriter {
    dir: PathBuf,
    earlier: BTreeSet<String>,
    written: BTreeSet<String>,
    done: Written,
}

fn write_error(path: &Path, source: std::io::Error) -> Error {
    Error::WriteFile {
        path: path.to_path_buf(),
        source,
    }
}

impl SiteWriter {
    /// Prepares to write into `dir` (made if missing). A folder that is
    /// not empty must hold an earlier publish's manifest: claimtrack does
    /// not write over files it did not write.
    pub fn open(dir: &Path) -> Result<SiteWriter> {
        let manifest_path = dir.join(MANIFEST);
        let earlier: BTreeSet<String> = match std::fs::read_to_string(&manifest_path) {
            Ok(text) => text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .filter(|l| is_inside(l))
                .map(str::to_string)
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if dir.exists() {
                    if !dir.is_dir() {
                        return Err(Error::invalid(format!(
                            "{} is not a folder; publish into a new or empty folder",
                            dir.display()
                        )));
                    }
                    let mut entries = std::fs::read_dir(dir).map_err(|e| write_error(dir, e))?;
                    if entries.next().is_some() {
                        return Err(Error::invalid(format!(
                            "{} is not empty and holds no earlier publish ({MANIFEST} is missing); publish into a new or empty folder",
                            dir.display()
                        )));
                    }
                }
                BTreeSet::new()
            }
            Err(e) => return Err(write_error(&manifest_path, e)),
        };
        std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
        Ok(SiteWriter {
            dir: dir.to_path_buf(),
            earlier,
            written: BTreeSet::new(),
            done: Written::default(),
        })
    }

    /// Removes the files of the earlier publish this one did not write,
    /// flushes the folder to disk, and writes the manifest.
    pub fn finish(mut self) -> Result<Written> {
        let dir = self.dir.clone();
        for path in self.earlier.iter().filter(|p| !self.written.contains(*p)) {
            let target = dir.join(path);
            match std::fs::remove_file(&target) {
                Ok(()) => self.done.removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(write_error(&target, e)),
            }
        }
        // Every page on disk before the manifest says so: one flush of the
        // file system instead of one per file (a first publish writes
        // thousands).
        sync_folder(&dir).map_err(|e| write_error(&dir, e))?;
        let manifest_path = dir.join(MANIFEST);
        let mut manifest =
            String::from("# Written by `claims publish`: the files it manages in this folder.\n");
        for path in &self.written {
            manifest.push_str(path);
            manifest.push('\n');
        }
        if std::fs::read_to_string(&manifest_path).ok().as_deref() != Some(manifest.as_str()) {
            replace(&manifest_path, manifest.as_bytes()).map_err(|e| write_error(&manifest_path, e))?;
            sync_folder(&dir).map_err(|e| write_error(&dir, e))?;
        }
        Ok(self.done)
    }
}

impl SiteWriter {
    /// After a publish that failed midway: lists every file written so far
    /// in the manifest with the earlier ones (so the next publish manages
    /// them), and removes nothing.
    pub fn abandon(self) -> Result<()> {
        let manifest_path = self.dir.join(MANIFEST);
        let mut manifest =
            String::from("# Written by `claims publish`: the files it manages in this folder.\n");
        for path in self.earlier.union(&self.written) {
            manifest.push_str(path);
            manifest.push('\n');
        }
        replace(&manifest_path, manifest.as_bytes()).map_err(|e| write_error(&manifest_path, e))
    }
}

impl SiteSink for SiteWriter {
    fn file(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        if !is_inside(path) {
            return Err(Error::Internal(format!("a site file outside the folder: {path}")));
        }
        self.written.insert(path.to_string());
        let target = self.dir.join(path);
        if std::fs::read(&target).is_ok_and(|old| old == bytes) {
            self.done.unchanged += 1;
            return Ok(());
        }
        let parent = target.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(parent).map_err(|e| write_error(parent, e))?;
        replace(&target, bytes).map_err(|e| write_error(&target, e))?;
        self.done.written += 1;
        Ok(())
    }
}

/// Whether a manifest line names a file inside the folder (a manifest
/// edited by hand cannot make a publish remove anything outside it).
fn is_inside(path: &str) -> bool {
    Path::new(path)
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `bytes` to a temporary file beside `target` and renames it over.
fn replace(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".publish.")
        .suffix(".partial")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// Flushes the file system holding `dir` to disk.
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    let folder = std::fs::File::open(dir)?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: syncfs only reads the descriptor, which `folder` keeps
        // open for the call.
        if unsafe { libc::syncfs(folder.as_raw_fd()) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    folder.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn publish(dir: &Path, files: &[(&str, &str)]) -> Result<Written> {
        let mut writer = SiteWriter::open(dir)?;
        for (path, bytes) in files {
            writer.file(path, bytes.as_bytes())?;
        }
        writer.finish()
    }

    #[test]
    fn republishing_writes_only_changes_and_removes_only_its_own_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let first = publish(
            &out,
            &[
                ("index.html", "a"),
                ("claims/x.html", "x"),
                ("claims/y.html", "y"),
            ],
        )
        .unwrap();
        assert_eq!(
            first,
            Written {
                written: 3,
                unchanged: 0,
                removed: 0
            }
        );
        std::fs::write(out.join("CNAME"), "checks.example").unwrap();
        let second = publish(&out, &[("index.html", "b"), ("claims/x.html", "x")]).unwrap();
        assert_eq!(
            second,
            Written {
                written: 1,
                unchanged: 1,
                removed: 1
            }
        );
        assert!(!out.join("claims/y.html").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("CNAME")).unwrap(),
            "checks.example"
        );
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "b");
    }

    #[test]
    fn a_folder_with_other_files_and_no_manifest_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let error = SiteWriter::open(dir.path()).err().unwrap();
        assert!(error.to_string().contains("is not empty"), "{error}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_manifest_cannot_point_outside_the_folder() {
        assert!(is_inside("claims/x.html"));
        assert!(!is_inside("../x.html"));
        assert!(!is_inside("/etc/passwd"));
        assert!(!is_inside("claims/../../x"));
    }
}
