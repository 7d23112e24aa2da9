//! `/ws`: the live socket pages and API clients hear events on (see `app::live`).

pub mod gate;
mod socket;

use axum::routing::get;

use crate::access::{Access, Routes};

pub fn routes() -> Routes {
    // Public: anyone may follow an expert's availability. A person's own channel needs
    // the session cookie (same origin only) or an access token in the first message.
    Routes::new("").get("/ws", Access::Public, get(socket::connect))
}
