//! Signing up, verifying an email address, logging in and out — as HTML forms that work
//! without JavaScript and show errors next to their fields.

use crate::pages::shown_error::{ShownError, shown};
use app::accounts::{self, AccountError, LinkBase, SignUp};
use app::login::{self, PasswordStep};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;

use crate::extract::Client;
use crate::middleware::viewer::{Viewer, device_cookie, session_cookie};
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, Links};

// --- Sign up ---

#[derive(Template)]
#[template(path = "accounts/signup.html")]
struct SignupPage<'a> {
    shell: &'a Shell,
    display_name: String,
    email: String,
    time_zone: String,
    currency: String,
    errors: Vec<ShownError>,
    /// Where the person was going (the time they chose), kept through sign-up.
    next: String,
}

impl SignupPage<'_> {
    /// The log-in link, keeping where the person was going.
    fn login_href(&self) -> String {
        crate::pages::language::with_next("/login", &self.next)
    }

    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

#[derive(Template)]
#[template(path = "accounts/check_inbox.html")]
struct CheckInboxPage<'a> {
    shell: &'a Shell,
    email: String,
}

#[derive(Deserialize)]
pub struct SignupForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    next: String,
}

pub async fn signup_form(
    State(state): State<AppState>,
    shell: Shell,
    Query(q): Query<NextParam>,
) -> Response {
    state.pages.page(&shell, |shell| {
        SignupPage {
            shell,
            display_name: String::new(),
            email: String::new(),
            time_zone: String::new(),
            currency: "USD".to_owned(),
            errors: Vec::new(),
            next: q.next.clone(),
        }
        .render()
    })
}

pub async fn signup(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    shell: Shell,
    Form(form): Form<SignupForm>,
) -> Result<Response, AppError> {
    let input = SignUp {
        email: &form.email,
        password: &form.password,
        display_name: &form.display_name,
        locale: shell.locale,
        time_zone: &form.time_zone,
        currency: &form.currency,
        then: Some(crate::pages::language::local_path(&form.next)).filter(|n| *n != "/"),
    };
    match accounts::sign_up(
        &state.db,
        state.mailer.as_ref(),
        &state.throttle,
        LinkBase(&base),
        input,
        &client,
    )
    .await
    {
        Ok(()) => Ok(render(
            CheckInboxPage {
                shell: &shell,
                email: form.email.trim().to_lowercase(),
            },
            StatusCode::OK,
        )),
        Err(AccountError::Invalid(errors)) => {
            let page = SignupPage {
                errors: shown(&shell, &errors),
                shell: &shell,
                display_name: form.display_name,
                email: form.email,
                time_zone: form.time_zone,
                currency: form.currency,
                next: form.next,
            };
            Ok(render(page, StatusCode::UNPROCESSABLE_ENTITY))
        }
        // `RateLimited` included: it becomes the same 429 as `AppError::from(wait)`.
        Err(e) => Err(e.into()),
    }
}

// --- Verify email ---

#[derive(Template)]
#[template(path = "accounts/verify.html")]
struct VerifyPage<'a> {
    shell: &'a Shell,
    token: String,
    outcome: VerifyOutcome,
    /// Where the person was going when they signed up (a local path), carried by the link.
    next: String,
    /// Already signed in (on this browser): the page goes on, it does not ask to log in.
    signed_in: bool,
}

/// Where to go on to, as a local path ("" when nowhere in particular, or not local).
fn onward(next: &str) -> String {
    match crate::pages::language::local_path(next) {
        "/" => String::new(),
        local => local.to_owned(),
    }
}

impl VerifyPage<'_> {
    /// Where "Continue" leads: where the person was going, else the home page.
    fn continue_href(&self) -> &str {
        if self.next.is_empty() {
            "/"
        } else {
            &self.next
        }
    }

    /// Logging in, then on to where the person was going.
    fn login_href(&self) -> String {
        crate::pages::language::with_next("/login", &self.next)
    }
}

#[derive(PartialEq, Eq)]
enum VerifyOutcome {
    /// Asking for confirmation: a link scanner's GET must not use up the token.
    Confirm,
    Verified,
    Invalid,
}

#[derive(Deserialize)]
pub struct TokenParam {
    #[serde(default)]
    token: String,
    #[serde(default)]
    next: String,
}

pub async fn verify_form(
    viewer: Option<Extension<Viewer>>,
    shell: Shell,
    Query(q): Query<TokenParam>,
) -> Response {
    render(
        VerifyPage {
            shell: &shell,
            token: q.token,
            outcome: VerifyOutcome::Confirm,
            next: onward(&q.next),
            signed_in: viewer.is_some(),
        },
        StatusCode::OK,
    )
}

pub async fn verify(
    State(state): State<AppState>,
    Client(client): Client,
    viewer: Option<Extension<Viewer>>,
    shell: Shell,
    Form(form): Form<TokenParam>,
) -> Result<Response, AppError> {
    let verified = accounts::verify_email(&state.db, &state.throttle, &form.token, &client).await;
    let (outcome, status) = match verified {
        Ok(_) => (VerifyOutcome::Verified, StatusCode::OK),
        Err(AccountError::InvalidLink) => (VerifyOutcome::Invalid, StatusCode::BAD_REQUEST),
        // `RateLimited` included: it becomes the same 429 as `AppError::from(wait)`.
        Err(e) => return Err(e.into()),
    };
    Ok(render(
        VerifyPage {
            shell: &shell,
            token: String::new(),
            outcome,
            next: onward(&form.next),
            signed_in: viewer.is_some(),
        },
        status,
    ))
}

// --- Log in and out ---

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginPage<'a> {
    shell: &'a Shell,
    email: String,
    next: String,
    failed: bool,
    /// Minutes to wait, when rate-limited or locked out.
    wait_minutes: Option<u64>,
    /// Locked after failed logins: a sign-in link went to the address.
    locked: bool,
}

impl LoginPage<'_> {
    /// The sign-up link, keeping where the person was going.
    fn signup_href(&self) -> String {
        crate::pages::language::with_next("/signup", &self.next)
    }
}

#[derive(Deserialize)]
pub struct NextParam {
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn login_form(
    State(state): State<AppState>,
    shell: Shell,
    Query(q): Query<NextParam>,
) -> Response {
    state.pages.page(&shell, |shell| {
        LoginPage {
            shell,
            email: String::new(),
            next: q.next.clone(),
            failed: false,
            wait_minutes: None,
            locked: false,
        }
        .render()
    })
}

pub async fn login(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    viewer: Option<Extension<Viewer>>,
    shell: Shell,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let step = login::log_in(
        &state.db,
        &state.mailer,
        &state.throttle,
        LinkBase(&base),
        &form.email,
        &form.password,
        &client,
    )
    .await;
    match step {
        Ok(PasswordStep::Done(logged_in)) => {
            // A fresh session on every login: a session id fixed before login is worthless.
            if let Some(Extension(old)) = viewer {
                let _ = accounts::log_out(&state.db, &old.login, &client).await;
            }
            Ok(logged_in_response(&state, &logged_in, &form.next))
        }
        Ok(PasswordStep::SecondFactor { challenge }) => Ok(super::second_factor::ask(
            &state,
            challenge.expose(),
            &form.next,
        )),
        Err(AccountError::InvalidCredentials) => {
            let page = LoginPage {
                shell: &shell,
                email: form.email,
                next: form.next,
                failed: true,
                wait_minutes: None,
                locked: false,
            };
            Ok(render(page, StatusCode::UNAUTHORIZED))
        }
        Err(AccountError::RateLimited(wait) | AccountError::LockedOut(wait)) => {
            let locked = matches!(step, Err(AccountError::LockedOut(_)));
            let page = LoginPage {
                shell: &shell,
                email: form.email,
                next: form.next,
                failed: false,
                wait_minutes: Some(wait.seconds().div_ceil(60)),
                locked,
            };
            let mut response = render(page, StatusCode::TOO_MANY_REQUESTS);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(wait.seconds()));
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

// --- One-time sign-in links (sent while an address is locked) ---

#[derive(Template)]
#[template(path = "accounts/sign_in_link.html")]
struct SignInLinkPage<'a> {
    shell: &'a Shell,
    token: String,
    /// The account the link signs in to; `None` when the link does not work.
    address: Option<String>,
}

/// Asks for a press of the button (a mail scanner's GET must not use the link up), naming
/// the account it signs in to.
pub async fn sign_in_link_form(
    State(state): State<AppState>,
    shell: Shell,
    Query(q): Query<TokenParam>,
) -> Result<Response, AppError> {
    let address = app::sign_in_link::address_of(&state.db, &q.token).await?;
    let status = if address.is_some() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = SignInLinkPage {
        shell: &shell,
        token: q.token,
        address,
    };
    Ok(render(page, status))
}

pub async fn sign_in_link(
    State(state): State<AppState>,
    Client(client): Client,
    viewer: Option<Extension<Viewer>>,
    shell: Shell,
    Form(form): Form<TokenParam>,
) -> Result<Response, AppError> {
    match app::sign_in_link::redeem(&state.db, &state.throttle, &form.token, &client).await {
        Ok(PasswordStep::Done(logged_in)) => {
            if let Some(Extension(old)) = viewer {
                let _ = accounts::log_out(&state.db, &old.login, &client).await;
            }
            Ok(logged_in_response(&state, &logged_in, "/"))
        }
        Ok(PasswordStep::SecondFactor { challenge }) => {
            Ok(super::second_factor::ask(&state, challenge.expose(), "/"))
        }
        Err(AccountError::InvalidLink) => {
            let page = SignInLinkPage {
                shell: &shell,
                token: String::new(),
                address: None,
            };
            Ok(render(page, StatusCode::BAD_REQUEST))
        }
        Err(e) => Err(e.into()),
    }
}

/// Sets the new session's cookie and goes on to `next` (a local path only).
pub(crate) fn logged_in_response(
    state: &AppState,
    logged_in: &login::LoggedIn,
    next: &str,
) -> Response {
    let cookie = session_cookie(
        state.settings.served_over_https(),
        logged_in.login.secret.expose(),
        login::LOGIN_LIFETIME.as_secs(),
    );
    let mut response = crate::redirect::to(crate::pages::language::local_path(next));
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    // Logging in to book a time: the review page may hold it as it opens (and only then).
    let https = state.settings.served_over_https();
    if let Some(cookie) = crate::bookings::arrival::cookie_for(https, next)
        && let Ok(value) = HeaderValue::from_str(&cookie)
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    if let Some(device) = &logged_in.new_device {
        let cookie = device_cookie(state.settings.served_over_https(), device.expose());
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

pub async fn logout(
    State(state): State<AppState>,
    Client(client): Client,
    viewer: Option<Extension<Viewer>>,
) -> Result<Response, AppError> {
    if let Some(Extension(viewer)) = viewer {
        accounts::log_out(&state.db, &viewer.login, &client).await?;
    }
    let cookie = session_cookie(state.settings.served_over_https(), "", 0);
    let mut response = crate::redirect::to("/");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}
