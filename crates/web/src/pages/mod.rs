//! Server-rendered pages.

pub mod account_security;
pub mod admin_outbox;
pub mod auth;
pub mod error_page;
pub mod home;
pub mod language;
pub mod password_reset;
pub mod shell;
