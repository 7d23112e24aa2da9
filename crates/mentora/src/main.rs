//! `mentora`: one binary for the web server, migrations and operator tasks.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mentora::commands::{admin, backup, demo, migrate, serve, worker};
use mentora::config::{Config, Sources};
use mentora::telemetry;

/// jemalloc instead of glibc's malloc for what Rust allocates: a page makes and frees a
/// few hundred small values, and glibc's malloc, free and their consolidation took a
/// quarter of a signed-in page's time. With jemalloc the anonymous home page serves
/// ~1.3 × and signed-in pages up to 1.6 × as many requests (BENCHMARKS.md, "The
/// allocator"). What C code allocates (SQLite's page caches) stays with glibc.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read when it starts (`_RJEM_MALLOC_CONF` in the environment
/// overrides them), chosen so that memory after a minute of mixed load stays where it was
/// with glibc: one arena, small per-thread caches (the server runs many threads: one per
/// pooled SQLite connection), and pages freed a second ago handed back to the system by a
/// background thread, so an instance that goes quiet shrinks.
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static ALLOCATOR_SETTINGS: &[u8] =
    b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0,narenas:1,tcache_max:4096\0";

#[derive(Parser)]
#[command(
    name = "mentora",
    version,
    about = "Mentora: learn from verified experts in live 1:1 sessions."
)]
struct Cli {
    /// Configuration file (default: ./mentora.toml when present).
    #[arg(long, global = true, env = "MENTORA_CONFIG", value_name = "PATH")]
    config: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default when no command is given).
    Serve {
        /// Address to listen on, such as 127.0.0.1:8080 (overrides MENTORA_ADDR).
        #[arg(long, value_name = "ADDR")]
        addr: Option<String>,
        /// Load the demo accounts and data before serving.
        #[arg(long)]
        demo: bool,
    },
    /// Run job workers only, without the web server (`jobs_workers` of them, at least one).
    Worker,
    /// Apply database migrations, or show their status.
    Migrate {
        #[command(subcommand)]
        action: Option<MigrateAction>,
    },
    /// Operator tasks.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Copy the database and uploaded files to a folder or a .tar file, while serving.
    Backup {
        /// A new or empty folder, or a new file ending in .tar.
        #[arg(long, value_name = "DIR|FILE.tar")]
        to: PathBuf,
    },
    /// Restore a backup into an empty database and data folder.
    Restore {
        /// A backup folder or .tar file made by `mentora backup`.
        #[arg(long, value_name = "DIR|FILE.tar")]
        from: PathBuf,
    },
    /// Demo data.
    Demo {
        #[command(subcommand)]
        action: DemoAction,
    },
}

#[derive(Subcommand)]
enum MigrateAction {
    /// Apply every pending migration (the default).
    Up,
    /// List migrations and whether each is applied.
    Status,
}

#[derive(Subcommand)]
enum AdminAction {
    /// Create an administrator. The password comes from MENTORA_ADMIN_PASSWORD or a prompt.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Rotate the key that signs API access tokens.
    RotateKeys,
}

#[derive(Subcommand)]
enum DemoAction {
    /// Load demo accounts and data; safe to run again.
    Seed {
        /// Also add this many generated bookable experts (for load tests of the directory).
        #[arg(long, value_name = "N", default_value_t = 0)]
        synthetic_experts: u32,
    },
}

fn main() -> ExitCode {
    limit_malloc_arenas();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mentora: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// For what C code allocates with glibc (SQLite's page caches; Rust's own allocations go
/// to jemalloc, above): glibc gives threads that allocate at the same time arenas of their own, up to eight per
/// core, and keeps what is freed in each for reuse: on two cores, after a minute of mixed
/// load, that was ~13 MiB more resident memory than with two arenas (BENCHMARKS.md). One
/// arena per core still lets every core allocate at once. `MALLOC_ARENA_MAX` in the
/// environment wins.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let arenas = std::ffi::c_int::try_from(cores.max(2)).unwrap_or(2);
        // SAFETY: `mallopt` sets one of the allocator's tunables; it runs first in `main`,
        // before any other thread exists, and takes no pointer.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut sources = Sources::from_process(cli.config.as_deref())?;
    let command = cli.command.unwrap_or(Command::Serve {
        addr: None,
        demo: false,
    });
    if let Command::Serve {
        addr: Some(addr), ..
    } = &command
    {
        sources.flags = HashMap::from([("addr", addr.clone())]);
    }
    let config = Config::load(&sources)?;
    telemetry::init_logs(&config.log_format, &config.log_level);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        match command {
            Command::Serve { demo, .. } => serve::run(&config, demo).await,
            Command::Worker => worker::run(&config).await,
            Command::Migrate { action } => match action.unwrap_or(MigrateAction::Up) {
                MigrateAction::Up => migrate::up(&config).await,
                MigrateAction::Status => migrate::status(&config).await,
            },
            Command::Admin {
                action: AdminAction::Create { email, name },
            } => admin::create(&config, &email, &name).await,
            Command::Admin {
                action: AdminAction::RotateKeys,
            } => admin::rotate_keys(&config).await,
            Command::Backup { to } => backup::backup(&config, &to).await,
            Command::Restore { from } => backup::restore(&config, &from).await,
            Command::Demo {
                action: DemoAction::Seed { synthetic_experts },
            } => demo::run(&config, synthetic_experts).await,
        }
    })
}
