//! The checkout with Stripe: Stripe.js's Payment Element is mounted with the booking's
//! PaymentIntent (card data goes from the browser to Stripe only: PCI SAQ-A), confirmed
//! with `stripe.confirmPayment` (3-D Secure handled by Stripe.js), and Stripe sends the
//! learner back to a status page that waits for the webhook to confirm the booking.
//!
//! Only this page's Content-Security-Policy opens Stripe.js's origin (scripts and
//! frames), `hooks.stripe.com` (3-D Secure frames) and `api.stripe.com` (its requests).

use app::bookings::{self as bookings, Booking};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::booking::{Actor, BookingStatus};
use serde::Deserialize;
use store::users::User;
use uuid::Uuid;

use crate::middleware::viewer::SignedIn;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, StripeCheckout};

use super::present::{LocalTimes, names};

#[derive(Template)]
#[template(path = "bookings/checkout_stripe.html")]
struct CheckoutPage<'a> {
    shell: &'a Shell,
    expert_name: String,
    when: String,
    held_until: String,
    /// Unix seconds the hold lapses at, for the countdown.
    expires_at: i64,
    price: String,
    publishable_key: &'a str,
    client_secret: String,
    js_url: &'a str,
    return_url: String,
    /// Stripe sent the learner back after a failed attempt.
    failed: bool,
}

/// The checkout page's policy: the site's own, plus Stripe.js where it must reach.
fn content_security_policy(stripe: &StripeCheckout) -> String {
    let js = origin_of(&stripe.js_url);
    format!(
        "default-src 'self'; script-src 'self' {js} https://*.js.stripe.com; style-src 'self'; \
         img-src 'self' data: https://*.stripe.com; font-src 'self'; \
         connect-src 'self' {js} https://api.stripe.com; \
         frame-src {js} https://*.js.stripe.com https://hooks.stripe.com; media-src 'self'; \
         object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'; \
         report-uri /api/v1/csp-reports"
    )
}

/// `https://js.stripe.com` from `https://js.stripe.com/v3/`.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(slash) => &url[..after_scheme + slash],
        None => url,
    }
}

/// A held booking's checkout with Stripe.
pub struct Checkout<'a> {
    pub stripe: &'a StripeCheckout,
    /// The learner's held booking.
    pub booking: Booking,
    /// Stripe sent the learner back after a failed attempt.
    pub failed: bool,
    /// The origin as the learner's browser sees it: Stripe sends them back there (where
    /// their session cookie is).
    pub origin: &'a str,
}

/// `GET /bookings/{id}/checkout` when Stripe takes the payment.
pub async fn page(
    state: &AppState,
    user: &User,
    shell: &Shell,
    checkout: Checkout<'_>,
) -> Result<Response, AppError> {
    let Checkout {
        stripe,
        booking,
        failed,
        origin,
    } = checkout;
    let Some(payment) =
        app::payments::checkout::start(&state.db, state.payments.as_ref(), &booking).await?
    else {
        return Err(AppError::new(crate::ErrorCode::NotFound));
    };
    let id = booking.id();
    if payment.status != payments::PaymentStatus::Open {
        // Paid (or being processed) already: the status page follows it.
        return Ok(crate::redirect::to(&format!(
            "/bookings/{id}/checkout/complete"
        )));
    }
    let client_secret = payment.client_secret.unwrap_or_default();
    let expert_name = names(state, &[booking.row.expert_id])
        .await?
        .of(booking.row.expert_id);
    let clock = LocalTimes::of(user, shell.locale);
    let page = CheckoutPage {
        shell,
        when: format!(
            "{} ({})",
            clock.span(booking.row.start_at, booking.row.end_at),
            clock.zone_name
        ),
        held_until: format!(
            "{} ({})",
            clock.at(booking.row.hold_expires_at),
            clock.zone_name
        ),
        expires_at: booking.row.hold_expires_at.as_second(),
        price: shell.money(booking.row.price_amount, &booking.row.currency),
        expert_name,
        publishable_key: &stripe.publishable_key,
        client_secret,
        js_url: &stripe.js_url,
        return_url: format!("{origin}/bookings/{id}/checkout/complete"),
        failed,
    };
    let mut response = crate::pages::render(page, StatusCode::OK);
    // Never cached: the page carries the payment's client secret.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(stripe)) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "bookings/checkout_complete.html")]
struct CompletePage<'a> {
    shell: &'a Shell,
    id: Uuid,
}

/// What Stripe adds to the return address.
#[derive(Deserialize)]
pub struct Returned {
    #[serde(default)]
    redirect_status: Option<String>,
}

/// `GET /bookings/{id}/checkout/complete`: where Stripe sends the learner back. It waits
/// for the webhook (asking again every two seconds through htmx) and goes to the booking
/// once it is confirmed; a failed attempt goes back to the checkout, the hold still there.
pub async fn complete(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    headers: HeaderMap,
    Path(id): Path<Uuid>,
    Query(returned): Query<Returned>,
) -> Result<Response, AppError> {
    let (booking, role, _) = bookings::visible(&state.db, &viewer.user, id).await?;
    if role != Actor::Learner {
        return Ok(crate::redirect::to(&format!("/bookings/{id}")));
    }
    let waiting = booking.status == BookingStatus::Held && booking.row.paid_amount == 0;
    let to = if returned.redirect_status.as_deref() == Some("failed") && waiting {
        Some(format!("/bookings/{id}/checkout?failed=1"))
    } else if waiting {
        None
    } else {
        Some(format!("/bookings/{id}?booked=1"))
    };
    let htmx = headers.contains_key("hx-request");
    match to {
        Some(to) if htmx => {
            let mut response = StatusCode::NO_CONTENT.into_response();
            if let Ok(value) = HeaderValue::from_str(&to) {
                response.headers_mut().insert("hx-redirect", value);
            }
            Ok(response)
        }
        Some(to) => Ok(crate::redirect::to(&to)),
        None => Ok(crate::pages::render(
            CompletePage { shell: &shell, id },
            StatusCode::OK,
        )),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_origin_is_the_scheme_and_host() {
        assert_eq!(
            super::origin_of("https://js.stripe.com/v3/"),
            "https://js.stripe.com"
        );
        assert_eq!(
            super::origin_of("http://127.0.0.1:4242/v3/"),
            "http://127.0.0.1:4242"
        );
        assert_eq!(
            super::origin_of("https://js.stripe.com"),
            "https://js.stripe.com"
        );
    }
}
