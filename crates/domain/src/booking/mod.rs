//! Bookings: the states a session moves through, the cancellation policies that decide
//! refunds, and the calendar invites that go out with every change.

pub mod ics;
pub mod policy;
pub mod rules;
pub mod status;

pub use policy::{CancellationPolicy, PolicyPreset, Refund};
pub use status::{Actor, BookingStatus};
