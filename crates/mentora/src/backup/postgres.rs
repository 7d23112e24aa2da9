//! PostgreSQL backups go through PostgreSQL's own tools: `pg_dump` writes one consistent
//! snapshot of a live database in its custom format, and `pg_restore` loads it.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

/// What to do when the tools are missing, for the error message and the README.
const RECIPE: &str = "install PostgreSQL's client tools of the server's major version \
     (Debian: apt-get install postgresql-client), or run them yourself: \
     pg_dump --format=custom --no-owner --file database.pgdump \"$DATABASE_URL\" \
     and pg_restore --no-owner --exit-on-error --dbname \"$DATABASE_URL\" database.pgdump";

pub fn dump(url: &str, to: &Path) -> anyhow::Result<()> {
    run(Command::new("pg_dump")
        .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
        .arg(to)
        .arg(url))
    .context("pg_dump failed")
}

pub fn restore(url: &str, from: &Path) -> anyhow::Result<()> {
    run(Command::new("pg_restore")
        .args([
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
        ])
        .arg(url)
        .arg(from))
    .context("pg_restore failed")
}

fn run(command: &mut Command) -> anyhow::Result<()> {
    let program = command.get_program().to_string_lossy().into_owned();
    let output = match command.output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{program} was not found: {RECIPE}")
        }
        Err(e) => return Err(e).with_context(|| format!("cannot run {program}")),
    };
    if !output.status.success() {
        bail!(
            "{program} ended with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}
