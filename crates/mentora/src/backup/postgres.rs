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
    run(with_url(Command::new("pg_dump"), url)
        .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
        .arg(to))
    .context("pg_dump failed")
}

pub fn restore(url: &str, from: &Path) -> anyhow::Result<()> {
    run(with_url(Command::new("pg_restore"), url)
        .args([
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
        ])
        .arg(from))
    .context("pg_restore failed")
}

/// Points a client tool at `url`, the password (if any) passed in `PGPASSWORD` rather than
/// on the command line, where every user of the machine could read it.
fn with_url(mut command: Command, url: &str) -> Command {
    let (without, password) = split_password(url);
    command.arg("--dbname").arg(without);
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    command
}

/// `postgres://user:secret@host/db` → (`postgres://user@host/db`, `secret` decoded).
fn split_password(url: &str) -> (String, Option<String>) {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return (url.to_owned(), None);
    };
    let authority_end = url[scheme_end..]
        .find('/')
        .map_or(url.len(), |i| scheme_end + i);
    let Some(at) = url[scheme_end..authority_end]
        .rfind('@')
        .map(|i| scheme_end + i)
    else {
        return (url.to_owned(), None);
    };
    let Some((user, password)) = url[scheme_end..at].split_once(':') else {
        return (url.to_owned(), None);
    };
    let without = format!("{}{user}{}", &url[..scheme_end], &url[at..]);
    (without, Some(percent_decode(password)))
}

fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_leave_the_url_for_the_environment() {
        assert_eq!(
            split_password("postgres://app:s%40cret@db:5432/m?sslmode=disable"),
            (
                "postgres://app@db:5432/m?sslmode=disable".to_owned(),
                Some("s@cret".to_owned())
            )
        );
        assert_eq!(
            split_password("postgres://postgres@127.0.0.1/test"),
            ("postgres://postgres@127.0.0.1/test".to_owned(), None)
        );
    }
}
