//! `mentora`: one binary for the web server, migrations and operator tasks.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mentora::commands::{admin, backup, demo, migrate, serve, worker};
use mentora::config::{Config, Sources};
use mentora::telemetry;

mod allocator;

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
    allocator::limit_malloc_arenas();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mentora: {e:#}");
            ExitCode::FAILURE
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
