//! The JSON API under `/api/v1`. Callers authenticate with bearer tokens (see
//! `middleware/bearer.rs`); every route is registered with its access decision.

use axum::extract::DefaultBodyLimit;
use axum::routing::{delete, get, patch, post, put};
use domain::Permission::{ExpertsVerify, UsersManage};

use crate::access::Access::{Permission as Needs, Public, SignedIn};
use crate::access::Routes;

mod admin;
mod auth;
mod availability;
pub mod bookings;
mod csp_reports;
pub mod experts;
pub mod json;
mod me;
mod verification;
mod webhooks;

pub fn routes() -> Routes {
    Routes::new("/api/v1")
        .post("/csp-reports", Public, post(csp_reports::receive))
        .post("/auth/register", Public, post(auth::register))
        .post("/auth/login", Public, post(auth::login))
        .post("/auth/login/link", Public, post(auth::login_with_link))
        .post("/auth/refresh", Public, post(auth::refresh))
        .post("/auth/logout", Public, post(auth::logout))
        .get("/me", SignedIn, get(me::show))
        .patch("/me", SignedIn, patch(me::update))
        .get("/admin/outbox", Needs(UsersManage), get(admin::outbox))
        .get("/admin/audit", Needs(UsersManage), get(admin::audit))
        .get("/specialties", Public, get(experts::specialties))
        .get("/experts", Public, get(experts::list))
        .get("/experts/application", SignedIn, get(experts::own))
        .post("/experts/application", SignedIn, post(experts::create))
        .patch("/experts/application", SignedIn, patch(experts::update))
        .post(
            "/experts/application/submit",
            SignedIn,
            post(experts::submit),
        )
        .post(
            "/experts/application/documents",
            SignedIn,
            post(experts::upload_document).layer(DefaultBodyLimit::max(
                crate::middleware::body_limit::DOCUMENT_LIMIT_BYTES,
            )),
        )
        .delete(
            "/experts/application/documents/{id}",
            SignedIn,
            delete(experts::delete_document),
        )
        .get(
            "/experts/documents/{id}",
            SignedIn,
            get(experts::download_document),
        )
        .get("/experts/me/payouts", SignedIn, get(experts::payout_status))
        .post(
            "/experts/me/payouts/onboarding",
            SignedIn,
            post(experts::start_onboarding),
        )
        .get("/experts/me/availability", SignedIn, get(availability::own))
        .put(
            "/experts/me/availability",
            SignedIn,
            put(availability::replace),
        )
        .get("/experts/{id}/slots", Public, get(availability::list))
        .get("/experts/{id}", Public, get(experts::show))
        .get(
            "/admin/experts",
            Needs(ExpertsVerify),
            get(verification::queue),
        )
        .get(
            "/admin/experts/{id}",
            Needs(ExpertsVerify),
            get(verification::review),
        )
        .post(
            "/admin/experts/{id}/decision",
            Needs(ExpertsVerify),
            post(verification::decide),
        )
        .post(
            "/admin/experts/{id}/suspension",
            Needs(ExpertsVerify),
            post(verification::suspension),
        )
        .post("/webhooks/stripe", Public, post(webhooks::stripe))
        .post("/bookings", SignedIn, post(bookings::create))
        .get("/bookings", SignedIn, get(bookings::list))
        .get("/bookings/{id}", SignedIn, get(bookings::show))
        .post("/bookings/{id}/cancel", SignedIn, post(bookings::cancel))
        .post(
            "/bookings/{id}/reschedule",
            SignedIn,
            post(bookings::reschedule),
        )
        .post(
            "/bookings/{id}/proposal/accept",
            SignedIn,
            post(bookings::accept),
        )
        .post(
            "/bookings/{id}/proposal/decline",
            SignedIn,
            post(bookings::decline),
        )
        .post(
            "/bookings/{id}/transitions",
            SignedIn,
            post(bookings::transition),
        )
        .post(
            "/bookings/{id}/dispute/answer",
            SignedIn,
            post(bookings::answer_dispute),
        )
        .post(
            "/test-mode/bookings/{id}/pay",
            SignedIn,
            post(bookings::pay),
        )
        .post("/me/calendar-feed", SignedIn, post(bookings::renew_feed))
        .delete("/me/calendar-feed", SignedIn, delete(bookings::revoke_feed))
}
