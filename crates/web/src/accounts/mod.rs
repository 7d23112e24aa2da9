//! Accounts: sign-up, email confirmation, login (password, sign-in link, second factor,
//! passkeys), password reset, the profile, and the security page (logins, two-factor,
//! recovery codes); in the API, registration, tokens and `/me`.

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::routes;

use crate::ErrorCode::*;
use crate::access::Access::{Public, SignedIn};
use crate::access::Routes;
use crate::middleware::body_limit;

mod api;
mod api_me;
mod auth;
mod passkeys;
mod password_reset;
mod profile;
mod second_factor;
mod security;
mod two_factor;

/// The account pages.
pub(crate) fn routes() -> Routes {
    Routes::new("")
        .get("/signup", Public, get(auth::signup_form))
        .post("/signup", Public, post(auth::signup))
        .get("/verify-email", Public, get(auth::verify_form))
        .post("/verify-email", Public, post(auth::verify))
        .get("/login", Public, get(auth::login_form))
        .post("/login", Public, post(auth::login))
        .get("/login/link", Public, get(auth::sign_in_link_form))
        .post("/login/link", Public, post(auth::sign_in_link))
        .get("/login/second-factor", Public, get(second_factor::form))
        .post("/login/second-factor", Public, post(second_factor::submit))
        .post("/login/passkey/start", Public, post(passkeys::login_start))
        .post(
            "/login/passkey/finish",
            Public,
            post(passkeys::login_finish),
        )
        .post(
            "/login/second-factor/passkey/start",
            Public,
            post(passkeys::second_factor_start),
        )
        .post(
            "/login/second-factor/passkey/finish",
            Public,
            post(passkeys::second_factor_finish),
        )
        .post("/logout", Public, post(auth::logout))
        .get("/forgot-password", Public, get(password_reset::forgot_form))
        .post("/forgot-password", Public, post(password_reset::forgot))
        .get("/reset-password", Public, get(password_reset::reset_form))
        .post("/reset-password", Public, post(password_reset::reset))
        .get("/account/profile", SignedIn, get(profile::show))
        .post("/account/profile", SignedIn, post(profile::save))
        .post(
            "/account/avatar",
            SignedIn,
            post(profile::upload_avatar)
                .layer(DefaultBodyLimit::max(body_limit::UPLOAD_LIMIT_BYTES)),
        )
        .post("/account/email", SignedIn, post(profile::change_email))
        .post(
            "/account/verification/resend",
            SignedIn,
            post(profile::resend_verification),
        )
        .post(
            "/account/password",
            SignedIn,
            post(profile::change_password),
        )
        .get("/avatars/{file}", Public, get(profile::avatar))
        .get("/account/security", SignedIn, get(security::show))
        .post("/account/sessions/end", SignedIn, post(security::end_one))
        .post(
            "/account/sessions/end-all",
            SignedIn,
            post(security::end_all),
        )
        .post("/account/totp/start", SignedIn, post(two_factor::start))
        .post("/account/totp/confirm", SignedIn, post(two_factor::confirm))
        .post("/account/totp/remove", SignedIn, post(two_factor::remove))
        .post(
            "/account/recovery-codes",
            SignedIn,
            post(two_factor::new_codes),
        )
        .post(
            "/account/passkeys/start",
            SignedIn,
            post(passkeys::register_start),
        )
        .post(
            "/account/passkeys/finish",
            SignedIn,
            post(passkeys::register_finish),
        )
        .post("/account/passkeys/remove", SignedIn, post(passkeys::remove))
}

/// The account API: registration, tokens, `/me`.
pub(crate) fn api_routes() -> Routes {
    Routes::new(crate::api::PREFIX)
        .documented(
            Public,
            routes!(api::register),
            &[ValidationFailed, RateLimited],
        )
        .documented(
            Public,
            routes!(api::login),
            &[
                InvalidCredentials,
                SecondFactorRequired,
                SecondFactorInvalid,
                RateLimited,
                LoginLocked,
            ],
        )
        .documented(
            Public,
            routes!(api::login_with_link),
            &[
                BadRequest,
                SecondFactorRequired,
                SecondFactorInvalid,
                RateLimited,
            ],
        )
        .documented(
            Public,
            routes!(api::refresh),
            &[RefreshTokenInvalid, RefreshTokenReused],
        )
        .documented(Public, routes!(api::logout), &[])
        .documented(SignedIn, routes!(api_me::show), &[])
        .documented(SignedIn, routes!(api_me::update), &[ValidationFailed])
}
