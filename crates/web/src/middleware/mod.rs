//! Cross-cutting request handling, applied to every route by `router.rs`.

pub mod bearer;
pub mod body_limit;
pub mod cookies;
pub mod csrf;
pub mod observe;
pub mod render_errors;
pub mod security_headers;
pub mod simulated_time;
pub mod storage_watch;
pub mod text_input;
pub mod viewer;

pub use csrf::CsrfToken;
pub use observe::RequestId;
pub use viewer::Viewer;
