//! In the test-mode sandbox, once the clock was moved, every page says so: the request
//! carries the simulated now for the layout's banner.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use jiff::{SignedDuration, Timestamp};

use crate::AppState;

/// The simulated now, when the test clock runs ahead of the real time.
#[derive(Debug, Clone, Copy)]
pub struct SimulatedTime(pub Timestamp);

pub async fn mark(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if let Some(clock) = &state.test_clock
        && clock.offset() > SignedDuration::ZERO
    {
        req.extensions_mut()
            .insert(SimulatedTime(state.clock().now()));
    }
    next.run(req).await
}
