//! One module per subcommand.

pub mod admin;
pub mod demo;
pub mod demo_experts;
pub mod migrate;
pub mod serve;
mod serve_lock;
