//! In the test-mode sandbox every page says so, and once the clock was moved it says
//! what the simulated now is: the request carries both for the layout's banners.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use jiff::{SignedDuration, Timestamp};

use crate::AppState;

/// The simulated now, when the test clock runs ahead of the real time.
#[derive(Debug, Clone, Copy)]
pub struct SimulatedTime(pub Timestamp);

/// The labelled test-mode sandbox takes payments on this instance (no Stripe keys).
#[derive(Debug, Clone, Copy)]
pub struct TestMode;

pub async fn mark(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if state.booking_rules.test_mode {
        req.extensions_mut().insert(TestMode);
    }
    if let Some(clock) = &state.test_clock
        && clock.offset() > SignedDuration::ZERO
    {
        req.extensions_mut()
            .insert(SimulatedTime(state.clock().now()));
    }
    next.run(req).await
}
