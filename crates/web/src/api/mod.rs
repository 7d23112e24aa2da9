//! The JSON API under `/api/v1`. Callers authenticate with bearer tokens (see
//! `middleware/bearer.rs`); every route is registered with its access decision.

use axum::routing::{get, patch, post};
use domain::Permission::UsersManage;

use crate::access::Access::{Permission as Needs, Public, SignedIn};
use crate::access::Routes;

mod admin;
mod auth;
mod csp_reports;
pub mod json;
mod me;

pub fn routes() -> Routes {
    Routes::new("/api/v1")
        .post("/csp-reports", Public, post(csp_reports::receive))
        .post("/auth/register", Public, post(auth::register))
        .post("/auth/login", Public, post(auth::login))
        .post("/auth/refresh", Public, post(auth::refresh))
        .post("/auth/logout", Public, post(auth::logout))
        .get("/me", SignedIn, get(me::show))
        .patch("/me", SignedIn, patch(me::update))
        .get("/admin/outbox", Needs(UsersManage), get(admin::outbox))
        .get("/admin/audit", Needs(UsersManage), get(admin::audit))
}
