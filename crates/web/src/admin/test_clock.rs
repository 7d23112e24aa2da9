//! The test clock, for operators in the test-mode sandbox: where the simulated time
//! stands, and moving it forward (page and API). Outside test mode, and in production,
//! these answer 404: there is no clock to move.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Json};
use domain::ShiftedClock;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::instants::rfc3339_secs;
use crate::middleware::bearer::ApiCaller;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState, ErrorCode};

/// The moves the page offers as one click.
const PRESETS: [(&str, &str); 4] = [
    ("11m", "test-clock-preset-11m"),
    ("1h", "test-clock-preset-1h"),
    ("24h", "test-clock-preset-1d"),
    ("168h", "test-clock-preset-1w"),
];

/// A move as the form and the API send it: one of the two.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = ClockMove)]
pub struct MoveForm {
    #[serde(default)]
    pub advance_by: Option<String>,
    #[serde(default)]
    pub set_to: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/test_clock.html")]
struct ClockPage<'a> {
    shell: &'a Shell,
    simulated: Shown,
    real: Shown,
    ahead: String,
    presets: Vec<(&'static str, String)>,
    advance_by: String,
    set_to: String,
    errors: Vec<ShownError>,
}

impl ClockPage<'_> {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// The test clock, or 404 when there is none to move.
fn clock(state: &AppState) -> Result<Arc<ShiftedClock>, AppError> {
    state
        .test_clock
        .clone()
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))
}

/// "1 d 2 h 5 min" ahead, in the reader's language (whole minutes).
fn ahead_text(shell: &Shell, clock: &ShiftedClock) -> String {
    let minutes = clock.offset().as_secs() / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    shell.t_args(
        "test-clock-ahead-value",
        &[
            ("days", days.to_string()),
            ("hours", hours.to_string()),
            ("minutes", minutes.to_string()),
        ],
    )
}

fn page(state: &AppState, shell: &Shell, form: MoveForm, errors: Vec<ShownError>) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let now = state.clock().now();
    render(
        ClockPage {
            shell,
            simulated: Shown::minute(shell.locale, &now),
            // The real time is what devices show; never `now - offset`, which a stored
            // offset near the end of time would overflow.
            real: Shown::minute(shell.locale, &state.clock().device_now()),
            ahead: state
                .test_clock
                .as_deref()
                .map(|c| ahead_text(shell, c))
                .unwrap_or_default(),
            presets: PRESETS
                .iter()
                .map(|(value, label)| (*value, shell.t(label)))
                .collect(),
            advance_by: form.advance_by.unwrap_or_default(),
            set_to: form.set_to.unwrap_or_default(),
            errors,
        },
        status,
    )
}

/// `GET /admin/test-clock`.
pub async fn show(State(state): State<AppState>, shell: Shell) -> Result<Response, AppError> {
    clock(&state)?;
    Ok(page(&state, &shell, MoveForm::default(), Vec::new()))
}

/// `POST /admin/test-clock`: moves it and shows where it stands; a bad move is explained
/// next to its field and keeps what was typed.
pub async fn move_clock(
    State(state): State<AppState>,
    shell: Shell,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    let clock = clock(&state)?;
    match moved(&state, &clock, &form, viewer.user.id, &client).await {
        Ok(_) => Ok(crate::redirect::to("/admin/test-clock")),
        Err(AppError { fields, .. }) if !fields.is_empty() => {
            let errors = shown(&shell, &fields);
            Ok(page(&state, &shell, form, errors))
        }
        Err(e) => Err(e),
    }
}

async fn moved(
    state: &AppState,
    clock: &ShiftedClock,
    form: &MoveForm,
    operator: Uuid,
    client: &store::logins::ClientInfo,
) -> Result<jiff::Timestamp, AppError> {
    let how = app::test_clock::parse(form.advance_by.as_deref(), form.set_to.as_deref())?;
    Ok(app::test_clock::move_clock(&state.db, clock, how, operator, client).await?)
}

/// The test clock.
#[derive(Serialize, ToSchema)]
#[schema(as = TestClock)]
pub struct ClockBody {
    /// The simulated time every part of Mentora goes by.
    #[schema(format = DateTime)]
    now: String,
    /// The real time.
    #[schema(format = DateTime)]
    real_now: String,
    /// How far ahead the simulated time is.
    offset_seconds: i64,
}

fn clock_body(state: &AppState, clock: &ShiftedClock) -> ClockBody {
    let now = state.clock().now();
    ClockBody {
        now: rfc3339_secs(&now),
        real_now: rfc3339_secs(&state.clock().device_now()),
        offset_seconds: clock.offset().as_secs(),
    }
}

/// Read the test clock.
///
/// The simulated now, the real one, and the offset; 404 unless the app runs with a
/// test clock (test mode).
#[utoipa::path(
    get, path = "/test-mode/clock", tag = "test mode", operation_id = "get_test_clock",
    responses((status = 200, description = "The clock.", body = ClockBody)),
)]
pub async fn api_show(State(state): State<AppState>) -> Result<Json<ClockBody>, AppError> {
    let clock = clock(&state)?;
    Ok(Json(clock_body(&state, &clock)))
}

/// Move the test clock forward (audited).
///
/// `{"advance_by": "11m"}` or `{"set_to": RFC 3339}`; it never goes back. Jobs that fall
/// due run at once.
#[utoipa::path(
    post, path = "/test-mode/clock", tag = "test mode", operation_id = "move_test_clock",
    request_body = MoveForm,
    responses((status = 200, description = "The clock after the move.", body = ClockBody)),
)]
pub async fn api_move(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    JsonBody(body): JsonBody<MoveForm>,
) -> Result<Json<ClockBody>, AppError> {
    let clock = clock(&state)?;
    moved(&state, &clock, &body, caller.user.id, &client).await?;
    Ok(Json(clock_body(&state, &clock)))
}
