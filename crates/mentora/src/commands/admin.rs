//! `mentora admin create --email E`: the first operator account.

use std::io::IsTerminal;

use anyhow::{Context, bail};
use domain::{EmailAddress, NewPassword, Role};
use store::users::{self, NewUser};

use crate::app;
use crate::config::Config;

pub const PASSWORD_ENV: &str = "MENTORA_ADMIN_PASSWORD";

pub async fn create(config: &Config, email: &str, name: &str) -> anyhow::Result<()> {
    let email = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let display_name = name.trim();
    if display_name.is_empty() || display_name.chars().count() > 100 {
        bail!("--name: a display name has 1 to 100 characters");
    }
    let password = read_password()?;
    let words = domain::password::personal_words(display_name, email.as_str());
    let password =
        NewPassword::parse_for(&password, &words).map_err(|e| anyhow::anyhow!("password: {e}"))?;
    let hash = tokio::task::spawn_blocking(move || password.hash()).await??;

    let db = app::open_database(config).await?;
    store::migrations::apply(&db).await?;
    let created = users::create(
        &db,
        NewUser {
            email: email.clone(),
            display_name: display_name.to_owned(),
            password_hash: hash,
            email_verified: true,
            extra_roles: vec![Role::Admin],
            locale: "en".into(),
            time_zone: "UTC".into(),
            currency: "USD".into(),
        },
    )
    .await;
    db.close().await;
    match created {
        Ok(user) => {
            tracing::info!(user_id = %user.id, "administrator created");
            println!("Created administrator {} ({}).", user.email, user.id);
            Ok(())
        }
        Err(store::StoreError::AlreadyExists(_)) => {
            bail!("an account with the email {email} already exists")
        }
        Err(e) => Err(e.into()),
    }
}

/// From `MENTORA_ADMIN_PASSWORD`, or asked twice on the terminal.
fn read_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var(PASSWORD_ENV) {
        return Ok(password);
    }
    if !std::io::stdin().is_terminal() {
        bail!("no terminal to ask for the password: set {PASSWORD_ENV}");
    }
    let first = rpassword::prompt_password("Password for the administrator: ")
        .context("reading the password")?;
    let second =
        rpassword::prompt_password("Repeat the password: ").context("reading the password")?;
    if first != second {
        bail!("the two passwords differ");
    }
    Ok(first)
}

/// Makes a new API token signing key and retires the others. Access tokens signed by a
/// retired key keep working until they expire (15 minutes); every instance picks the new
/// key up within a minute.
pub async fn rotate_keys(config: &Config) -> anyhow::Result<()> {
    let db = app::open_database(config).await?;
    store::migrations::apply(&db).await?;
    let kid = store::signing_keys::rotate(&db).await?;
    db.close().await;
    println!("New signing key {kid} is in use; older keys verify tokens until they expire.");
    Ok(())
}
