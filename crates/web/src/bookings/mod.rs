//! Bookings: reviewing a slot and holding it, the test-mode checkout, one booking's page
//! (cancel, move, proposals), "My sessions" / "My schedule" and the calendar feed; in the
//! API, the same lifecycle including outcomes and disputes.

use axum::routing::{delete, get, post};

use crate::access::Access::{Public, SignedIn};
use crate::access::Routes;

mod api;
mod pages;
mod present;
mod sessions;
mod slot_review;

/// The booking pages.
pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/experts/{slug}/book", Public, get(slot_review::show))
        .post("/experts/{slug}/book", SignedIn, post(pages::hold))
        .get("/bookings/{id}", SignedIn, get(pages::show))
        .get("/bookings/{id}/checkout", SignedIn, get(pages::checkout))
        .post("/bookings/{id}/checkout", SignedIn, post(pages::pay))
        .post("/bookings/{id}/cancel", SignedIn, post(pages::cancel))
        .post(
            "/bookings/{id}/reschedule",
            SignedIn,
            post(pages::reschedule),
        )
        .post(
            "/bookings/{id}/proposal",
            SignedIn,
            post(pages::answer_proposal),
        )
        .get("/sessions", SignedIn, get(sessions::my_sessions))
        .get("/schedule", SignedIn, get(sessions::my_schedule))
        .post(
            "/sessions/calendar-feed",
            SignedIn,
            post(sessions::renew_feed),
        )
        .post(
            "/sessions/calendar-feed/revoke",
            SignedIn,
            post(sessions::revoke_feed),
        )
        .get("/calendar/{file}", Public, get(sessions::calendar_feed))
}

/// The bookings API.
pub(crate) fn api_routes() -> Routes {
    Routes::new(crate::api::PREFIX)
        .post("/bookings", SignedIn, post(api::create))
        .get("/bookings", SignedIn, get(api::list))
        .get("/bookings/{id}", SignedIn, get(api::show))
        .post("/bookings/{id}/cancel", SignedIn, post(api::cancel))
        .post("/bookings/{id}/reschedule", SignedIn, post(api::reschedule))
        .post(
            "/bookings/{id}/proposal/accept",
            SignedIn,
            post(api::accept),
        )
        .post(
            "/bookings/{id}/proposal/decline",
            SignedIn,
            post(api::decline),
        )
        .post(
            "/bookings/{id}/transitions",
            SignedIn,
            post(api::transition),
        )
        .post(
            "/bookings/{id}/dispute/answer",
            SignedIn,
            post(api::answer_dispute),
        )
        .post("/test-mode/bookings/{id}/pay", SignedIn, post(api::pay))
        .post("/me/calendar-feed", SignedIn, post(api::renew_feed))
        .delete("/me/calendar-feed", SignedIn, delete(api::revoke_feed))
}
