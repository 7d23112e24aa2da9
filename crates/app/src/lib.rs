//! Use cases: what learners, experts and operators do, in the product's words. Handlers
//! (web pages and the JSON API alike) call these and only translate inputs and outputs.

pub mod accounts;
pub mod mail;
