//! Meeting for a session: when its room is open, how attendance becomes an outcome, and
//! which video provider an expert meets in.

pub mod attendance;
pub mod provider;
pub mod window;

pub use attendance::{Presence, Verdict, minimum_presence, verdict};
pub use provider::VideoProvider;
pub use window::{RoomWindow, WindowState};
