//! `mentora demo seed`: demo accounts (and, as features land, demo data for each), safe to
//! run any number of times.

use domain::{EmailAddress, NewPassword, Role};
use store::Database;
use store::users::{self, NewUser};

use crate::app;
use crate::config::Config;

pub const DOMAIN: &str = "demo.mentora.test";
pub const PASSWORD: &str = "mentora-demo-pass";

struct DemoAccount {
    local: &'static str,
    name: &'static str,
    roles: &'static [Role],
    time_zone: &'static str,
    currency: &'static str,
}

const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        local: "admin",
        name: "Ada Admin",
        roles: &[Role::Admin],
        time_zone: "UTC",
        currency: "USD",
    },
    DemoAccount {
        local: "learner",
        name: "Lena Learner",
        roles: &[],
        time_zone: "Europe/Madrid",
        currency: "EUR",
    },
];

pub async fn run(config: &Config) -> anyhow::Result<()> {
    let db = app::open_database(config).await?;
    store::migrations::apply(&db).await?;
    seed(&db).await?;
    db.close().await;
    println!("Demo data is in place.");
    print_accounts();
    Ok(())
}

/// Ensures every demo account exists with its roles. Existing accounts are kept as they
/// are (only missing roles are added), so seeding twice changes nothing.
pub async fn seed(db: &Database) -> anyhow::Result<()> {
    let password = NewPassword::parse(PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    // One hash for all accounts: hashing is deliberately slow, and these are demo accounts.
    let mut hash = None;
    for account in ACCOUNTS {
        let email = EmailAddress::parse(&format!("{}@{DOMAIN}", account.local))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        match users::find_by_email(db, &email).await? {
            Some(user) => {
                for role in account.roles {
                    users::grant_role(db, user.id, *role).await?;
                }
            }
            None => {
                let password_hash = match &hash {
                    Some(h) => Clone::clone(h),
                    None => {
                        let fresh = password.hash()?;
                        hash = Some(fresh.clone());
                        fresh
                    }
                };
                let created = users::create(
                    db,
                    NewUser {
                        email,
                        display_name: account.name.to_owned(),
                        password_hash,
                        email_verified: true,
                        extra_roles: account.roles.to_vec(),
                        locale: "en".into(),
                        time_zone: account.time_zone.into(),
                        currency: account.currency.into(),
                    },
                )
                .await;
                match created {
                    // Another process seeded it in between: that is the state we want.
                    Ok(_) | Err(store::StoreError::AlreadyExists(_)) => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
    }
    Ok(())
}

pub fn print_accounts() {
    println!("Demo accounts (password: {PASSWORD}):");
    for account in ACCOUNTS {
        let roles = if account.roles.is_empty() {
            "learner".to_owned()
        } else {
            account
                .roles
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let email = format!("{}@{DOMAIN}", account.local);
        println!("  {email:<32} {roles}");
    }
}
