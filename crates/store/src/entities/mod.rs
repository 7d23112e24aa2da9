pub mod audit_event;
pub mod email_token;
pub mod outbox_message;
pub mod session;
pub mod user;
pub mod user_role;
