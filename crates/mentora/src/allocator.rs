//! Which allocator the server's memory comes from, and how it is tuned.
//!
//! Rust's allocations go to jemalloc: a page makes and frees a few hundred small values,
//! and glibc's malloc, free and their consolidation took a quarter of a signed-in page's
//! time. As configured here, the anonymous home page serves 1.25–1.37 × and signed-in
//! pages 1.07–1.40 × as many requests as with glibc (BENCHMARKS.md, "The allocator"),
//! with the same memory once a minute of mixed load has settled. What C code allocates
//! (SQLite's page caches) stays with glibc.

/// The allocator of everything Rust allocates in this binary.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read when it starts. `_RJEM_MALLOC_CONF` in the environment
/// overrides them (this jemalloc is built with the `_rjem_` prefix: plain `MALLOC_CONF`
/// is not read). Chosen on two cores so that memory after a minute of mixed load stays
/// where glibc had it:
/// - one arena: the threads' caches serve most allocations without its lock; on a host
///   with many cores, `_RJEM_MALLOC_CONF=narenas:N` gives more;
/// - thread caches only for sizes up to 4 KiB (the server runs many threads: the
///   runtime's, and one per pooled SQLite connection);
/// - pages unused for a second handed back to the system by a background thread, so an
///   instance that goes quiet shrinks;
/// - a mistyped setting stops the start instead of being ignored (the CLI tests start
///   the binary).
///
/// jemalloc reads a `const char *`: a thin pointer to the first byte of a NUL-terminated
/// string, as `tikv-jemalloc-sys` declares it.
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static ALLOCATOR_SETTINGS: &u8 =
    &b"abort_conf:true,background_thread:true,dirty_decay_ms:1000,narenas:1,tcache_max:4096\0"[0];

/// For what C code allocates with glibc. glibc gives threads that allocate at the same
/// time arenas of their own, up to eight per core, and keeps what is freed in each for
/// reuse: on two cores, after a minute of mixed load, that was ~13 MiB more resident
/// memory than with two arenas (BENCHMARKS.md; measured while Rust's memory was glibc's
/// too). One arena per core still lets every core allocate at once. `MALLOC_ARENA_MAX`
/// in the environment wins.
pub fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = std::ffi::c_int::try_from(cores.max(2)).unwrap_or(2);
        // SAFETY: `mallopt` sets one of glibc's tunables and takes no pointer; it is
        // thread-safe, and runs first in `main`, before glibc has served any thread.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}
