//! Server-rendered pages.

pub mod error_page;
pub mod home;
pub mod language;
pub mod shell;
