//! One module per subcommand.

pub mod admin;
pub mod backup;
pub mod demo;
pub mod demo_experts;
pub mod demo_learning;
pub mod migrate;
pub mod serve;
pub(crate) mod serve_lock;
pub mod worker;
