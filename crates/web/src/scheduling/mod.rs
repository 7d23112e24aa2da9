//! Scheduling: experts' availability editor (weekly rules, time off, one-off days) and
//! the slot picker learners see; in the API, availability and free slots.

use axum::routing::{get, post};
use utoipa_axum::routes;

use crate::ErrorCode::*;

use crate::access::Access::{Public, SignedIn};
use crate::access::Routes;

mod api;
mod availability;
mod month_grid;
mod override_calendar;
pub mod slot_picker;
mod weekly_hours;
pub mod zone_picker;

/// The availability editor.
pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/experts/availability", SignedIn, get(availability::show))
        .post("/experts/availability", SignedIn, post(availability::save))
}

/// Availability and slots in the API.
pub(crate) fn api_routes() -> Routes {
    Routes::new(crate::api::PREFIX)
        .documented(SignedIn, routes!(api::own), &[ExpertProfileRequired])
        .documented(
            SignedIn,
            routes!(api::replace),
            &[ExpertProfileRequired, ValidationFailed, TimeZoneUnknown],
        )
        .documented(
            Public,
            routes!(api::list),
            &[
                NotFound,
                TimeZoneUnknown,
                DurationNotOffered,
                SlotWindowInvalid,
                SlotWindowTooLarge,
                ValidationFailed,
            ],
        )
}
