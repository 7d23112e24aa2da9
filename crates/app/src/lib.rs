//! Use cases: what learners, experts and operators do, in the product's words. Handlers
//! (web pages and the JSON API alike) call these and only translate inputs and outputs.

#![warn(missing_docs)]

pub mod account_security;
pub mod accounts;
pub mod api_tokens;
pub mod audit_log;
pub mod avatar;
pub mod bookings;
pub mod calendars;
pub mod experts;
pub mod factors;
mod field_error;
pub mod files;
pub mod health;
pub mod jobs;
pub mod learning;
pub mod live;
pub mod login;
pub mod mail;
pub mod notify;
pub mod passkeys;
pub mod payments;
pub mod profile;
pub mod redis_link;
pub mod roles;
pub mod rooms;
pub mod scheduling;
pub mod sign_in_link;
pub mod test_clock;
pub mod throttle;
pub mod viewers;

pub use field_error::FieldError;
