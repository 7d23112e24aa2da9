//! Persistence for Mentora: one code path over SQLite (default) and PostgreSQL.
//!
//! Entities are private to this crate; the rest of the workspace talks to repositories
//! (`users`, …) in the product's words. Backend-specific SQL lives only in `migrations/`,
//! `database.rs` and `directory.rs` (full-text search).

mod account_watch;
pub mod audit;
pub mod availability;
pub mod bank_payouts;
pub mod bookings;
pub mod calendar_feeds;
pub mod calendars;
pub mod challenges;
mod database;
pub mod directory;
pub mod disputes;
pub mod earnings;
pub mod email_tokens;
mod entities;
mod error;
pub mod exchange_rates;
pub mod experts;
pub mod health;
pub mod idempotency;
pub mod ids;
pub mod instant;
pub mod jobs;
pub mod known_devices;
pub mod learning;
pub mod ledger;
pub mod logins;
pub mod migrations;
pub mod move_notices;
pub mod notifications;
pub mod outbox;
pub mod passkeys;
pub mod recordings;
pub mod refresh_tokens;
pub mod refunds;
pub mod rooms;
pub mod second_factors;
pub mod signing_keys;
pub mod snapshot;
mod sql;
pub mod taxonomy;
pub mod test_clock;
pub mod transfers;
pub mod upkeep;
pub mod users;
pub mod webhook_events;

pub use database::{Backend, Database, PoolStats};
pub use error::StoreError;
