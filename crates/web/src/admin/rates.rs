//! The exchange rates viewers' estimates come from, for operators (`payments.refund`):
//! `/admin/rates` lists what is in force today and what is announced, and sets a rate
//! from a day (audited); the same in the API.

use app::payments::exchange_rates::{self, RateError};
use askama::Template;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use store::exchange_rates::Rate;
use utoipa::ToSchema;

use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::middleware::bearer::ApiCaller;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState};

/// A rate as shown.
#[derive(Serialize, ToSchema)]
#[schema(as = ExchangeRate)]
pub struct RateBody {
    /// ISO 4217.
    currency: String,
    /// Units of the currency one US dollar buys, as a decimal.
    per_usd: String,
    /// The day it applies from (UTC).
    #[schema(format = Date)]
    effective_on: String,
}

fn decimal(nano: i64) -> String {
    let text = format!("{}.{:09}", nano / 1_000_000_000, nano % 1_000_000_000);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn body(rate: &Rate) -> RateBody {
    RateBody {
        currency: rate.currency.clone(),
        per_usd: decimal(rate.per_usd_nano),
        effective_on: rate.effective_on.clone(),
    }
}

/// The rate table.
#[derive(Serialize, ToSchema)]
#[schema(as = ExchangeRates)]
pub struct RatesBody {
    /// In force today, by currency.
    in_force: Vec<RateBody>,
    /// Set for later days.
    upcoming: Vec<RateBody>,
}

/// Read the exchange rates estimates use.
#[utoipa::path(
    get, path = "/admin/rates", tag = "admin", operation_id = "exchange_rates",
    responses((status = 200, description = "The rates.", body = RatesBody)),
)]
pub async fn api_list(State(state): State<AppState>) -> Result<Json<RatesBody>, AppError> {
    let (in_force, upcoming) = exchange_rates::table(&state.db).await?;
    Ok(Json(RatesBody {
        in_force: in_force.iter().map(body).collect(),
        upcoming: upcoming.iter().map(body).collect(),
    }))
}

/// A rate to set.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = NewExchangeRate)]
pub struct SetRateBody {
    /// ISO 4217.
    currency: String,
    /// Units of the currency one US dollar buys, as a decimal (at most nine places).
    per_usd: String,
    /// The day it applies from (UTC); today when absent.
    #[serde(default)]
    #[schema(format = Date)]
    effective_on: String,
}

fn refused(e: RateError) -> AppError {
    match e {
        RateError::Invalid(fields) => AppError::fields(fields),
        RateError::Store(e) => e.into(),
    }
}

/// Set an exchange rate from a day (audited).
///
/// Replaces a rate set for the same currency and day. Only estimates use it: learners are
/// charged in the expert's currency.
#[utoipa::path(
    post, path = "/admin/rates", tag = "admin", operation_id = "set_exchange_rate",
    request_body = SetRateBody,
    responses((status = 200, description = "Set.", body = RateBody)),
)]
pub async fn api_set(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    JsonBody(req): JsonBody<SetRateBody>,
) -> Result<Json<RateBody>, AppError> {
    let rate = exchange_rates::set(
        &state.db,
        &state.rates,
        caller.user.id,
        &req.currency,
        &req.per_usd,
        &req.effective_on,
        &client,
    )
    .await
    .map_err(refused)?;
    Ok(Json(body(&rate)))
}

#[derive(Template)]
#[template(path = "admin/rates.html")]
struct RatesPage<'a> {
    shell: &'a Shell,
    in_force: Vec<RateBody>,
    upcoming: Vec<RateBody>,
    currency: String,
    per_usd: String,
    effective_on: String,
    currency_error: Option<String>,
    per_usd_error: Option<String>,
    effective_on_error: Option<String>,
    saved: bool,
}

impl RatesPage<'_> {
    /// A rate's first day as the page's language writes a date.
    fn day(&self, iso: &str) -> String {
        iso.parse::<jiff::civil::Date>()
            .map_or_else(|_| iso.to_owned(), |d| self.shell.locale.date(d))
    }
}

/// The form's fields, as typed.
#[derive(Debug, Default, Deserialize)]
pub struct RateForm {
    #[serde(default)]
    currency: String,
    #[serde(default)]
    per_usd: String,
    #[serde(default)]
    effective_on: String,
}

async fn page(
    state: &AppState,
    shell: &Shell,
    typed: RateForm,
    errors: &[app::FieldError],
    saved: bool,
) -> Result<Response, AppError> {
    let (in_force, upcoming) = exchange_rates::table(&state.db).await?;
    let error = |name: &str| {
        errors
            .iter()
            .find(|f| f.field == name)
            .map(|f| shell.t(f.message_id))
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render(
        RatesPage {
            shell,
            in_force: in_force.iter().map(body).collect(),
            upcoming: upcoming.iter().map(body).collect(),
            currency_error: error("currency"),
            per_usd_error: error("per_usd"),
            effective_on_error: error("effective_on"),
            currency: typed.currency,
            per_usd: typed.per_usd,
            effective_on: typed.effective_on,
            saved,
        },
        status,
    ))
}

/// `GET /admin/rates`.
pub async fn show(State(state): State<AppState>, shell: Shell) -> Result<Response, AppError> {
    page(&state, &shell, RateForm::default(), &[], false).await
}

/// `POST /admin/rates`: sets a rate; a refused one is explained beside its fields, what
/// was typed kept.
pub async fn set(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<RateForm>,
) -> Result<Response, AppError> {
    match exchange_rates::set(
        &state.db,
        &state.rates,
        viewer.user.id,
        &form.currency,
        &form.per_usd,
        &form.effective_on,
        &client,
    )
    .await
    {
        Ok(_) => page(&state, &shell, RateForm::default(), &[], true).await,
        Err(RateError::Invalid(fields)) => page(&state, &shell, form, &fields, false).await,
        Err(RateError::Store(e)) => Err(e.into()),
    }
}
