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

pub async fn run(config: &Config, synthetic_experts: u32) -> anyhow::Result<()> {
    let db = app::open_database(config).await?;
    store::migrations::apply(&db).await?;
    seed(&db, config).await?;
    if synthetic_experts > 0 {
        let started = std::time::Instant::now();
        let added = super::demo_experts::seed_synthetic(&db, synthetic_experts).await?;
        println!(
            "Added {added} generated experts in {:.1} s.",
            started.elapsed().as_secs_f64()
        );
    }
    db.close().await;
    println!("Demo data is in place.");
    print_accounts();
    Ok(())
}

/// Ensures every demo account exists with its roles, and the demo experts with their
/// approved, bookable profiles. Existing accounts are kept as they are (only missing roles
/// are added), so seeding twice changes nothing.
pub async fn seed(db: &Database, config: &Config) -> anyhow::Result<()> {
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
    let admin =
        EmailAddress::parse(&format!("admin@{DOMAIN}")).map_err(|e| anyhow::anyhow!("{e}"))?;
    let verifier = users::find_by_email(db, &admin)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo administrator is missing"))?;
    let hash = match hash {
        Some(h) => h,
        None => match users::password_hash(db, verifier.id).await? {
            Some(h) => h,
            None => password.hash()?,
        },
    };
    let files = ::app::files::ObjectFiles::local(&config.data_dir.join("files"))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    super::demo_experts::seed(db, &files, &hash, verifier.id, DOMAIN).await?;
    super::demo_experts::seed_availability(db, DOMAIN).await?;
    super::demo_learning::seed(db, &files, &hash, DOMAIN).await
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
    println!(
        "  expert1@{DOMAIN} … expert{}@{DOMAIN}  approved experts, shown at /experts",
        super::demo_experts::EXPERTS.len()
    );
}
