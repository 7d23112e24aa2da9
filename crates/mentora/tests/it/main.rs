//! Integration tests: the real app over real HTTP, and the real binary, on SQLite and
//! (when `TEST_DATABASE_URL` is set) PostgreSQL.

// A failed expectation in a test is a panic; the workspace ban is for server code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod access;
mod accounts;
mod anonymous_pages;
mod api_auth;
mod api_logins;
mod assets;
mod availability;
mod availability_pages;
mod backup;
mod booking_rules;
mod bookings;
mod calendar_accounts;
mod calendars;
mod cli;
mod clock;
mod dashboards;
mod directory_cache;
mod directory_index;
mod errors;
mod exchange_rates;
mod expert_pages;
mod experts;
mod fake_calendars;
mod fake_meetings;
mod fake_stripe;
mod full_disk;
mod fuzz;
mod jobs;
mod layers;
mod learning;
mod limits;
mod live;
mod localstripe;
mod lockout;
mod meetings;
mod notifications;
mod openapi;
mod ops;
mod pages;
mod payments;
mod payouts;
mod payouts_stripe;
mod personas;
mod profile;
mod redis_gate;
mod redis_outage;
mod rooms;
mod security;
mod shutdown;
mod site_origin;
mod slow_clients;
mod smtp;
mod snapshots;
mod store_accounts;
mod test_clock;
pub mod testkit;
mod uploads;
mod viewers;
