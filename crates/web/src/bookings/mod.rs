//! Bookings: reviewing a slot and holding it, the test-mode checkout, one booking's page
//! (cancel, move, proposals), "My sessions" / "My schedule" and the calendar feed; in the
//! API, the same lifecycle including outcomes and disputes.

use axum::routing::{get, post};
use utoipa_axum::routes;

use crate::ErrorCode::{self, *};
use crate::access::Access::{Public, SignedIn};
use crate::access::Routes;

mod add_to_calendar;
mod api;
pub(crate) mod arrival;
pub(crate) mod pages;
pub(crate) mod present;
mod receipt;
mod sessions;
mod slot_review;
mod stripe_checkout;

/// The booking pages.
pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/experts/{slug}/book", Public, get(slot_review::show))
        .post("/experts/{slug}/book", SignedIn, post(pages::hold))
        .get("/bookings/{id}", SignedIn, get(pages::show))
        .get("/bookings/{id}/checkout", SignedIn, get(pages::checkout))
        .post("/bookings/{id}/checkout", SignedIn, post(pages::pay))
        .get(
            "/bookings/{id}/checkout/complete",
            SignedIn,
            get(stripe_checkout::complete),
        )
        .get("/bookings/{id}/receipt", SignedIn, get(receipt::show))
        .get(
            "/bookings/{id}/calendar.ics",
            SignedIn,
            get(add_to_calendar::file),
        )
        .post("/bookings/{id}/cancel", SignedIn, post(pages::cancel))
        .post("/bookings/{id}/outcome", SignedIn, post(pages::outcome))
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

/// What any change to a booking can meet: someone else's booking, a status that does
/// not allow the change, a field out of bounds.
const CHANGE: &[ErrorCode] = &[NotFound, Forbidden, InvalidTransition, ValidationFailed];

/// The bookings API.
pub(crate) fn api_routes() -> Routes {
    let change = |extra: &[ErrorCode]| [CHANGE, extra].concat();
    Routes::new(crate::api::PREFIX)
        .documented(
            SignedIn,
            routes!(api::create),
            &[
                BadRequest,
                ValidationFailed,
                EmailUnverified,
                ExpertNotBookable,
                OwnSession,
                IdempotencyKeyReused,
                SlotUnavailable,
                LearnerBusy,
                HoldLimit,
                RateLimited,
            ],
        )
        .documented(SignedIn, routes!(api::list), &[ValidationFailed])
        .documented(SignedIn, routes!(api::show), &[NotFound])
        .documented(SignedIn, routes!(api::cancel), &change(&[]))
        .documented(
            SignedIn,
            routes!(api::reschedule),
            &change(&[
                SlotUnavailable,
                LearnerBusy,
                RescheduleLimit,
                ExpertNotBookable,
            ]),
        )
        .documented(
            SignedIn,
            routes!(api::accept),
            &change(&[
                NoProposal,
                ProposalExpired,
                SlotUnavailable,
                LearnerBusy,
                RescheduleLimit,
                ExpertNotBookable,
            ]),
        )
        .documented(SignedIn, routes!(api::decline), &change(&[NoProposal]))
        .documented(
            SignedIn,
            routes!(api::transition),
            &change(&[NoShowTooEarly, DisputeWindowClosed, SettledByAttendance]),
        )
        .documented(SignedIn, routes!(api::answer_dispute), &change(&[]))
        .documented(SignedIn, routes!(api::pay), &change(&[PaymentDeclined]))
        .documented(SignedIn, routes!(api::renew_feed), &[])
        .documented(SignedIn, routes!(api::revoke_feed), &[])
}
