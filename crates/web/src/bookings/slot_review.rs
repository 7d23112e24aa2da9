//! A chosen slot (`/experts/{slug}/book?start=&duration=&tz=`): the session in the
//! learner's time and the expert's, its length and price, and whether it is still free
//! (someone may have taken it since the week was shown). Holding it comes with booking.

use app::experts::directory::{self, ShownRate};
use app::scheduling::slots::{self, SlotParams};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use domain::schedule::zones;
use jiff::Timestamp;

use super::arrival;
use crate::middleware::viewer::Viewer;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, ErrorCode};

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ReviewParams {
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    duration: Option<String>,
    #[serde(default)]
    tz: Option<String>,
    /// Back from logging in to book this time: hold it on arrival when still free (see
    /// `arrival`: only with the cookie that logging in set for this address).
    #[serde(default)]
    hold: Option<String>,
}

#[derive(Template)]
#[template(path = "bookings/slot_review.html")]
struct ReviewPage<'a> {
    shell: &'a Shell,
    expert_name: String,
    headline: String,
    /// The expert's profile slug, which the booking form posts to.
    slug: String,
    your_time: String,
    expert_time: Option<String>,
    minutes: u16,
    rate: Option<ShownRate>,
    free: bool,
    back: String,
    signed_in: bool,
    /// Signed in with an address not yet confirmed: holding waits for the confirmation.
    unverified: bool,
    /// The instant, as the form sends it back.
    start: String,
    /// One per drawn page: submitting twice holds once.
    request_id: uuid::Uuid,
    login: String,
    /// Creating an account, then back to this time.
    signup: String,
    /// The page holds the time as it opens (script submits its form; without script the
    /// person presses the button): the person came back from logging in to book it.
    hold_on_arrival: bool,
    policy_text: String,
}

impl ReviewPage<'_> {
    fn minutes_text(&self) -> String {
        self.shell
            .t1("availability-minutes", "minutes", &self.minutes.to_string())
    }
}

pub async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    viewer: Option<axum::Extension<Viewer>>,
    shell: Shell,
    Path(slug): Path<String>,
    Query(q): Query<ReviewParams>,
) -> Result<Response, AppError> {
    let user = viewer.as_ref().map(|v| &v.0.user);
    let Some(start) = q
        .start
        .as_deref()
        .and_then(|s| s.parse::<Timestamp>().ok())
        // Slots start on whole seconds.
        .map(|t| domain::schedule::instant(t.as_second()))
    else {
        return Err(AppError::new(ErrorCode::SlotWindowInvalid).with_arg("part", "start"));
    };
    let currency = directory::viewer_currency(None, user).map_err(|e| AppError::fields(vec![e]))?;
    let p = directory::public_profile(&state.db, &state.rates, &slug, user, currency).await?;
    let now = state.clock().now();
    let params = SlotParams {
        from: Some(zones::rfc3339(start)),
        to: Some(zones::rfc3339(domain::clock::shifted(
            start,
            jiff::SignedDuration::from_secs(1),
        ))),
        duration: q.duration.clone(),
        tz: q.tz.clone(),
    };
    let list = slots::find(
        &state.db,
        &state.schedules,
        p.profile.user_id,
        &params,
        user,
        now,
    )
    .await?;
    let Some(minutes) = list.duration_minutes else {
        return Err(AppError::new(ErrorCode::NotFound));
    };
    let free = list.slots.iter().any(|s| s.start_at() == start);
    let at = |tz: &jiff::tz::TimeZone, name: &str| {
        let local = zones::local(tz, start);
        format!("{} ({name})", shell.locale.date_time(local))
    };
    let your_time = at(&list.zone, &list.zone_name);
    let expert_time = list.expert_zone.as_ref().and_then(|tz| {
        let name = zones::canonical_name(tz);
        (name != list.zone_name).then(|| at(tz, &name))
    });
    let rate = p
        .rates
        .iter()
        .find(|r| r.duration_minutes == i32::from(minutes))
        .cloned();
    let back = format!(
        "/experts/{}?{}#slots",
        p.profile.slug,
        serde_urlencoded::to_string([
            ("tz", list.zone_name.as_str()),
            ("duration", minutes.to_string().as_str()),
        ])
        .unwrap_or_default()
    );
    let policy = match schedule_policy(&state, p.profile.user_id).await {
        domain::booking::PolicyPreset::Flexible => "policy-flexible",
        domain::booking::PolicyPreset::Moderate => "policy-moderate",
        domain::booking::PolicyPreset::Strict => "policy-strict",
    };
    let here = format!(
        "/experts/{}/book?{}",
        p.profile.slug,
        serde_urlencoded::to_string([
            ("start", zones::rfc3339(start).as_str()),
            ("duration", minutes.to_string().as_str()),
        ])
        .unwrap_or_default()
    );
    // After logging in (or signing up, confirming the address and logging in), the person
    // comes back to this time, and it is held for them if it is still free.
    let arrive = format!("{here}&hold=1");
    let login = crate::pages::language::with_next("/login", &arrive);
    let signup = crate::pages::language::with_next("/signup", &arrive);
    let arriving = q.hold.as_deref() == Some("1") && arrival::arriving(&headers, &arrive);
    let hold_on_arrival = arriving && free && user.is_some_and(|u| u.email_verified);
    let status = if free {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    let mut response = render(
        ReviewPage {
            shell: &shell,
            expert_name: p.expert.display_name,
            headline: p.profile.headline,
            slug: p.profile.slug,
            your_time,
            expert_time,
            minutes,
            rate,
            free,
            back,
            signed_in: user.is_some(),
            unverified: user.is_some_and(|u| !u.email_verified),
            start: zones::rfc3339(start),
            request_id: uuid::Uuid::new_v4(),
            login,
            signup,
            hold_on_arrival,
            policy_text: shell.t(policy),
        },
        status,
    );
    // The cookie is spent on arrival, held or not.
    if arriving
        && let Ok(value) =
            HeaderValue::from_str(&arrival::cleared(state.settings.served_over_https()))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// The cancellation policy a booking made now would carry.
async fn schedule_policy(state: &AppState, expert: uuid::Uuid) -> domain::booking::PolicyPreset {
    match state.schedules.schedule(&state.db, expert).await {
        Ok(Some(s)) => s
            .rules
            .as_ref()
            .map(|r| r.cancellation_policy)
            .unwrap_or_default(),
        _ => domain::booking::PolicyPreset::default(),
    }
}
