//! Replacing a live database with a backup.
//!
//! A file copied over a database whose `-wal` is still there is mixed with
//! that log on the next open and corrupted for good. SQLite's online backup
//! API does it safely: it writes the backup's pages into the live database
//! through its own pager, under its write lock and through its log, so
//! every connection (in this process or another) sees either the old
//! database or the restored one.

use std::ffi::CStr;

use libsqlite3_sys as ffi;

use super::Store;
use crate::error::{Error, Result};

impl Store {
    /// Replaces this database's content with `backup`'s, after `keep_aside`
    /// has copied the content being replaced: the copy runs while this
    /// process holds the write lock, so it is exactly what is replaced and
    /// no other process's write can fall between the two.
    pub async fn restore_from(
        &mut self,
        backup: &mut Store,
        keep_aside: impl AsyncFnOnce() -> Result<()>,
    ) -> Result<()> {
        let (path, wait) = (self.path.clone(), self.wait);
        let failed = |rc: i32| step_error(rc, &path, wait);
        let mut dest_guard = self.conn.lock_handle().await?;
        let mut source_guard = backup.conn.lock_handle().await?;
        let dest = dest_guard.as_raw_handle().as_ptr();
        let source = source_guard.as_raw_handle().as_ptr();
        let main = c"main";
        // SAFETY: both handles are open connections whose worker threads are
        // held off by the guards for as long as the raw handles are used.
        let backup_op = unsafe { ffi::sqlite3_backup_init(dest, main.as_ptr(), source, main.as_ptr()) };
        if backup_op.is_null() {
            // SAFETY: `dest` is an open connection; errmsg returns its message.
            return Err(Error::Verification(format!(
                "cannot start the restore: {}",
                unsafe { message(ffi::sqlite3_errmsg(dest)) }
            )));
        }
        // The first step takes the destination's write lock and keeps it
        // until the last step: nobody writes between the copy set aside and
        // the restore.
        // SAFETY: `backup_op` was returned by a successful init.
        let first = unsafe { ffi::sqlite3_backup_step(backup_op, 1) };
        let outcome = if first != ffi::SQLITE_OK && first != ffi::SQLITE_DONE {
            Err(failed(first))
        } else {
            match keep_aside().await {
                // SAFETY: as above; -1 copies every remaining page.
                Ok(()) => match unsafe { ffi::sqlite3_backup_step(backup_op, -1) } {
                    ffi::SQLITE_DONE => Ok(()),
                    rc => Err(failed(rc)),
                },
                Err(e) => Err(e),
            }
        };
        // Finishing an unfinished backup rolls the destination back.
        // SAFETY: `backup_op` is finished exactly once.
        let finished = unsafe { ffi::sqlite3_backup_finish(backup_op) };
        outcome?;
        if finished != ffi::SQLITE_OK {
            return Err(failed(finished));
        }
        Ok(())
    }
}

fn step_error(rc: i32, path: &std::path::Path, wait: std::time::Duration) -> Error {
    // SAFETY: errstr returns a static string for any result code.
    let text = unsafe { message(ffi::sqlite3_errstr(rc)) };
    if rc & 0xff == ffi::SQLITE_BUSY {
        Error::Busy {
            path: path.to_path_buf(),
            seconds: wait.as_secs(),
        }
    } else {
        Error::Verification(format!("the restore failed and was rolled back: {text}"))
    }
}

/// # Safety
/// `text` is NULL or a NUL-terminated string that outlives the call.
unsafe fn message(text: *const std::ffi::c_char) -> String {
    if text.is_null() {
        return "unknown error".into();
    }
    // SAFETY: the caller promises a NUL-terminated string.
    unsafe { CStr::from_ptr(text) }.to_string_lossy().into_owned()
}
