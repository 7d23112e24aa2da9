//! Mentora's domain: the product's types and rules, with no IO.
//!
//! Values here are parsed once at the edge (`EmailAddress::parse`, `NewPassword::parse`) so
//! that everything past the edge can rely on them being valid.

#![warn(missing_docs)]

pub mod booking;
pub mod clock;
pub mod device;
pub mod display_name;
pub mod email;
pub mod expert;
pub mod intro_video;
pub mod language;
pub mod learning;
pub mod markdown;
pub mod money;
pub mod notification;
pub mod password;
pub mod payment;
pub mod permission;
pub mod profile;
pub mod role;
pub mod room;
pub mod schedule;
pub mod secret;
pub mod totp;

pub use clock::{Clock, ManualClock, ShiftedClock, SystemClock};
pub use display_name::DisplayName;
pub use email::EmailAddress;
pub use password::{NewPassword, PasswordHash};
pub use permission::Permission;
pub use role::Role;
pub use secret::{Secret, SecretDigest};
