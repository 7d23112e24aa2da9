//! An expert's earnings: `GET /experts/earnings` (the page), `/experts/earnings.csv` and
//! `GET /api/v1/experts/me/earnings`. Only the caller's own; someone with no expert
//! profile has none to read.

use app::payments::earnings::{self, Earnings, Stage};
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Serialize;
use store::users::User;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::bookings::present::LocalTimes;
use crate::middleware::bearer::ApiCaller;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, ErrorCode};

async fn read(state: &AppState, user: &User) -> Result<Earnings, AppError> {
    earnings::of_expert(
        &state.db,
        user.id,
        state.booking_rules.payout_delay,
        state.clock().now(),
    )
    .await?
    .ok_or_else(|| AppError::new(ErrorCode::NotFound))
}

/// One currency's totals (minor units).
#[derive(Serialize, ToSchema)]
#[schema(as = EarningsTotals)]
pub struct TotalsBody {
    currency: String,
    /// Shares of sessions not yet given.
    upcoming: i64,
    /// Shares the learner may still dispute.
    in_dispute_window: i64,
    /// Shares held by a dispute.
    held: i64,
    /// Owed and due: paid at the next payout.
    available: i64,
    /// Transferred to the expert's payout account.
    paid_out: i64,
}

/// One paid session.
#[derive(Serialize, ToSchema)]
#[schema(as = SessionEarning)]
pub struct SessionBody {
    booking_id: Uuid,
    #[schema(format = DateTime)]
    start: String,
    learner_name: String,
    currency: String,
    /// Minor units: paid by the learner, refunded to them, the expert's share after
    /// refunds, and transferred to the expert.
    paid: i64,
    refunded: i64,
    earned: i64,
    paid_out: i64,
    /// `upcoming`, `in_dispute_window`, `held`, `available`, `paid_out` or `nothing`.
    stage: String,
}

/// A payout from the expert's payout account to their bank.
#[derive(Serialize, ToSchema)]
#[schema(as = BankPayout)]
pub struct BankPayoutBody {
    id: String,
    currency: String,
    amount: i64,
    /// `paid`, `pending`, `in_transit`, `failed` or `canceled`.
    status: String,
    #[schema(format = DateTime)]
    arrival: String,
    failure: Option<String>,
}

/// The caller's earnings.
#[derive(Serialize, ToSchema)]
#[schema(as = Earnings)]
pub struct EarningsBody {
    totals: Vec<TotalsBody>,
    sessions: Vec<SessionBody>,
    bank_payouts: Vec<BankPayoutBody>,
}

/// Read the caller's earnings as an expert.
///
/// Each paid session with where its money stands, totals per currency by stage, and the
/// payouts to the expert's bank.
#[utoipa::path(
    get, path = "/experts/me/earnings", tag = "experts", operation_id = "get_earnings",
    responses((status = 200, description = "The earnings.", body = EarningsBody)),
)]
pub async fn api(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<EarningsBody>, AppError> {
    let e = read(&state, &caller.user).await?;
    Ok(Json(EarningsBody {
        totals: e
            .totals
            .into_iter()
            .map(|t| TotalsBody {
                currency: t.currency,
                upcoming: t.upcoming,
                in_dispute_window: t.in_dispute_window,
                held: t.held,
                available: t.available,
                paid_out: t.paid_out,
            })
            .collect(),
        sessions: e
            .sessions
            .into_iter()
            .map(|s| SessionBody {
                booking_id: s.money.id,
                start: crate::instants::rfc3339_unix(s.money.start_at),
                learner_name: s.money.learner_name,
                currency: s.money.currency,
                paid: s.money.paid_amount,
                refunded: s.money.refunded_amount,
                earned: s.money.earned,
                paid_out: s.money.paid_out,
                stage: s.stage.as_str().to_owned(),
            })
            .collect(),
        bank_payouts: e
            .bank_payouts
            .into_iter()
            .map(|p| BankPayoutBody {
                id: p.id,
                currency: p.currency,
                amount: p.amount,
                status: p.status,
                arrival: crate::instants::rfc3339_unix(p.arrival_at),
                failure: p.failure,
            })
            .collect(),
    }))
}

#[derive(Template)]
#[template(path = "experts/earnings.html")]
struct EarningsPage<'a> {
    shell: &'a Shell,
    totals: Vec<TotalsView>,
    sessions: Vec<SessionView>,
    bank_payouts: Vec<PayoutView>,
    zone_name: String,
    delay_hours: i64,
}

struct TotalsView {
    currency: String,
    upcoming: String,
    in_dispute_window: String,
    held: String,
    available: String,
    paid_out: String,
}

struct SessionView {
    id: Uuid,
    when: String,
    learner: String,
    paid: String,
    earned: String,
    stage_label: String,
    stage: &'static str,
}

struct PayoutView {
    arrival: String,
    amount: String,
    status_label: String,
    failure: Option<String>,
}

/// `GET /experts/earnings`.
pub async fn page(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
) -> Result<Response, AppError> {
    let e = read(&state, &viewer.user).await?;
    let clock = LocalTimes::of(&viewer.user, shell.locale);
    let at = |seconds: i64| {
        jiff::Timestamp::from_second(seconds)
            .map(|t| clock.at(t))
            .unwrap_or_default()
    };
    let page = EarningsPage {
        shell: &shell,
        totals: e
            .totals
            .iter()
            .map(|t| TotalsView {
                currency: t.currency.clone(),
                upcoming: shell.money(t.upcoming, &t.currency),
                in_dispute_window: shell.money(t.in_dispute_window, &t.currency),
                held: shell.money(t.held, &t.currency),
                available: shell.money(t.available, &t.currency),
                paid_out: shell.money(t.paid_out, &t.currency),
            })
            .collect(),
        sessions: e
            .sessions
            .iter()
            .map(|s| SessionView {
                id: s.money.id,
                when: at(s.money.start_at),
                learner: s.money.learner_name.clone(),
                paid: shell.money(
                    s.money.paid_amount - s.money.refunded_amount,
                    &s.money.currency,
                ),
                earned: shell.money(s.money.earned, &s.money.currency),
                stage_label: shell.t(&format!("earnings-stage-{}", stage_id(s.stage))),
                stage: s.stage.as_str(),
            })
            .collect(),
        bank_payouts: e
            .bank_payouts
            .iter()
            .map(|p| PayoutView {
                arrival: at(p.arrival_at),
                amount: shell.money(p.amount, &p.currency),
                status_label: shell.t(&format!("earnings-payout-{}", payout_id(&p.status))),
                failure: p.failure.clone(),
            })
            .collect(),
        zone_name: clock.zone_name.clone(),
        delay_hours: state.booking_rules.payout_delay.as_hours(),
    };
    Ok(render(page, StatusCode::OK))
}

fn stage_id(stage: Stage) -> &'static str {
    match stage {
        Stage::Upcoming => "upcoming",
        Stage::InDisputeWindow => "window",
        Stage::Held => "held",
        Stage::Available => "available",
        Stage::PaidOut => "paid-out",
        Stage::Nothing => "nothing",
    }
}

fn payout_id(status: &str) -> &'static str {
    match status {
        "paid" => "paid",
        "failed" => "failed",
        "canceled" => "canceled",
        _ => "pending",
    }
}

/// `GET /experts/earnings.csv`.
pub async fn csv(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let e = read(&state, &viewer.user).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"mentora-earnings.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        earnings::csv(&e),
    )
        .into_response())
}
