//! The one migration set, applied on SQLite and PostgreSQL alike.
//!
//! Migrations are written with sea-query so they are portable; where a backend needs its
//! own SQL (PostgreSQL exclusion constraints, later), it branches on
//! `manager.get_database_backend()` inside the migration, and nowhere else.

use sea_orm_migration::{MigrationTrait, MigratorTrait};

use crate::{Database, StoreError};

mod m20261125_000001_accounts;
mod m20261125_000002_sessions_mail_audit;
mod m20261125_000003_tokens_factors_profile;
mod m20261126_000004_experts;
mod m20261130_000005_availability;
mod m20261130_000006_directory_version;
mod m20261130_000007_bookings;
mod m20261203_000008_hardening;
mod m20261203_000009_devices_and_move_notices;
mod m20261204_000010_storage_probe;
mod m20261204_000011_jobs;
mod m20261204_000012_test_clock;
mod m20261204_000013_payments;
mod m20261205_000014_payouts;
mod m20261205_000015_notifications;
mod m20261205_000016_rooms;
mod m20261206_000017_learning;
mod m20261207_000018_calendars;
mod m20261208_000019_calendar_push;
mod m20261209_000020_directory_search_index;
pub use m20261126_000004_experts::{UNRANKED, listed};
mod schema;

pub struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_accounts::Migration),
            Box::new(m20261125_000002_sessions_mail_audit::Migration),
            Box::new(m20261125_000003_tokens_factors_profile::Migration),
            Box::new(m20261126_000004_experts::Migration),
            Box::new(m20261130_000005_availability::Migration),
            Box::new(m20261130_000006_directory_version::Migration),
            Box::new(m20261130_000007_bookings::Migration),
            Box::new(m20261203_000008_hardening::Migration),
            Box::new(m20261203_000009_devices_and_move_notices::Migration),
            Box::new(m20261204_000010_storage_probe::Migration),
            Box::new(m20261204_000011_jobs::Migration),
            Box::new(m20261204_000012_test_clock::Migration),
            Box::new(m20261204_000013_payments::Migration),
            Box::new(m20261205_000014_payouts::Migration),
            Box::new(m20261205_000015_notifications::Migration),
            Box::new(m20261205_000016_rooms::Migration),
            Box::new(m20261206_000017_learning::Migration),
            Box::new(m20261207_000018_calendars::Migration),
            Box::new(m20261208_000019_calendar_push::Migration),
            Box::new(m20261209_000020_directory_search_index::Migration),
        ]
    }
}

/// One migration and whether it has been applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationState {
    pub name: String,
    pub applied: bool,
}

/// Applies every pending migration. Returns the names it applied.
pub async fn apply(db: &Database) -> Result<Vec<String>, StoreError> {
    let pending = pending(db).await?;
    Migrator::up(db.conn(), None).await?;
    Ok(pending)
}

/// Names of the migrations not yet applied, oldest first.
pub async fn pending(db: &Database) -> Result<Vec<String>, StoreError> {
    Ok(Migrator::get_pending_migrations(db.conn())
        .await?
        .iter()
        .map(|m| m.name().to_owned())
        .collect())
}

/// The names of every migration this binary knows, oldest first.
pub fn known() -> Vec<String> {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect()
}

/// Every migration this binary knows, with its state.
pub async fn status(db: &Database) -> Result<Vec<MigrationState>, StoreError> {
    let pending = pending(db).await?;
    Ok(Migrator::migrations()
        .iter()
        .map(|m| MigrationState {
            name: m.name().to_owned(),
            applied: !pending.iter().any(|p| p == m.name()),
        })
        .collect())
}
