//! The `mentora` binary's library half: configuration, wiring and the subcommands, so
//! integration tests can boot exactly what the binary boots.

pub mod app;
pub mod backup;
pub mod commands;
pub mod config;
pub mod connections;
pub mod telemetry;
