//! The allocator's settings for a long batch run such as an ingest.

/// Has glibc's allocator keep the memory a batch frees for its next
/// allocations instead of handing it back to the system and asking for it
/// again: an ingest frees and makes millions of small records, and with the
/// default thresholds a tenth of its time goes to the kernel growing,
/// trimming and zeroing heap pages. The process ends when the batch does,
/// which gives the memory back.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::ffi::c_int;
        unsafe extern "C" {
            fn mallopt(param: c_int, value: c_int) -> c_int;
        }
        const M_TRIM_THRESHOLD: c_int = -1;
        const M_TOP_PAD: c_int = -2;
        const M_MMAP_THRESHOLD: c_int = -3;
        // SAFETY: mallopt only sets the allocator's thresholds; it takes
        // the allocator's own locks, and a value it refuses changes nothing.
        unsafe {
            mallopt(M_TOP_PAD, 64 << 20);
            mallopt(M_TRIM_THRESHOLD, 1 << 30);
            mallopt(M_MMAP_THRESHOLD, 32 << 20);
        }
    }
}
