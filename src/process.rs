//! Settings of the running process that commands share.

/// Asks Linux not to back this process's memory with transparent huge
/// pages from here on. The allocator asks for them (`MADV_HUGEPAGE`), and a
/// command that allocates and frees many short-lived pages pays for it:
/// zeroing 2 MB at each first touch took a quarter of republishing LIAR
/// (1.0 s; 0.75 s without), and `claims extract` over the BBC set peaked
/// at 17.5 MB instead of 8. Failure only means the default stays.
pub fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory
    // of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
