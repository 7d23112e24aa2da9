//! Cross-cutting request handling, applied to every route by `router.rs`.

pub mod cookies;
pub mod observe;
pub mod render_errors;
pub mod security_headers;

pub use observe::RequestId;
