//! Settings of the running process that commands share.

/// claimtrack's own data folder, where the database and the model files
/// live unless told otherwise: `$XDG_DATA_HOME/claimtrack` (an absolute
/// path only, as the XDG specification asks), else
/// `~/.local/share/claimtrack`; `None` without a home folder.
pub fn data_folder() -> Option<std::path::PathBuf> {
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME").map(|home| std::path::PathBuf::from(home).join(".local/share"))
        })?;
    Some(data_home.join("claimtrack"))
}

/// Asks Linux not to back this process's memory with transparent huge
/// pages from here on; `main` calls it first. The allocator asks for them
/// (`MADV_HUGEPAGE`), and a command that allocates and frees many
/// short-lived pages pays for it: zeroing 2 MB at each first touch took a
/// quarter of republishing LIAR (1.0 s; 0.75 s without), a fifth of
/// `claims show`'s processor time, and `claims extract` over the BBC set
/// peaked at 17.5 MB instead of 8 (a 100,000-claim import: 112 MB instead
/// of 128, in the same time). Failure only means the default stays.
pub fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory
    // of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
