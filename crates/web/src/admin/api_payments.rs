//! The money, for operators (`payments.refund`) in the API: the ledger's trial balance at
//! any instant, and setting an expert's own commission rate (audited).

use app::payments::operators::{self, CommissionError};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, ErrorCode};

/// `?at=`: the instant to balance at (RFC 3339); now when absent.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AtQuery {
    #[serde(default)]
    #[param(format = DateTime)]
    pub at: Option<String>,
}

impl AtQuery {
    /// The instant asked for, or `now`; unreadable text is a 400.
    pub fn instant(&self, now: jiff::Timestamp) -> Result<jiff::Timestamp, AppError> {
        match self.at.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            None => Ok(now),
            Some(text) => text.parse().map_err(|_| {
                AppError::new(ErrorCode::BadRequest)
                    .with_arg("problem", "at must be an RFC 3339 instant")
            }),
        }
    }
}

/// One account's balance in one currency.
#[derive(Serialize, ToSchema)]
#[schema(as = AccountBalance)]
pub struct BalanceBody {
    /// `platform:cash`, `platform:commission`, `expert:{id}:payable`, `learner:{id}:refunds`.
    account: String,
    currency: String,
    /// Minor units; debits positive, credits negative.
    balance: i64,
}

/// The trial balance.
#[derive(Serialize, ToSchema)]
#[schema(as = TrialBalance)]
pub struct TrialBalanceBody {
    /// The instant balanced at.
    #[schema(format = DateTime)]
    at: String,
    /// True when every currency's balances add up to zero (always, unless the ledger is broken).
    balanced: bool,
    accounts: Vec<BalanceBody>,
}

/// The ledger's trial balance.
///
/// Every account's balance per currency at an instant.
#[utoipa::path(
    get, path = "/admin/ledger", tag = "admin", operation_id = "trial_balance",
    params(AtQuery),
    responses((status = 200, description = "The trial balance.", body = TrialBalanceBody)),
)]
pub async fn trial_balance(
    State(state): State<AppState>,
    Query(query): Query<AtQuery>,
) -> Result<Json<TrialBalanceBody>, AppError> {
    let at = query.instant(state.clock().now())?;
    let balances = operators::trial_balance(&state.db, at).await?;
    let mut sums = std::collections::BTreeMap::<&str, i64>::new();
    for b in &balances {
        *sums.entry(b.currency.as_str()).or_default() += b.balance;
    }
    Ok(Json(TrialBalanceBody {
        at: crate::instants::rfc3339_secs(&at),
        balanced: sums.values().all(|s| *s == 0),
        accounts: balances
            .into_iter()
            .map(|b| BalanceBody {
                account: b.account,
                currency: b.currency,
                balance: b.balance,
            })
            .collect(),
    }))
}

/// An expert's own commission rate.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = CommissionRate)]
pub struct CommissionBody {
    /// Basis points, 0–10 000 (1500 = 15 %); null for the platform's rate.
    #[schema(minimum = 0, maximum = 10000)]
    commission_bps: Option<i64>,
}

/// Set an expert's commission rate (audited).
///
/// Applies to sessions held from now on; booked ones keep the rate frozen on them.
#[utoipa::path(
    put, path = "/admin/experts/{id}/commission", tag = "admin", operation_id = "set_commission",
    params(("id" = Uuid, Path, description = "The expert's id.")),
    request_body = CommissionBody,
    responses((status = 204, description = "Set.")),
)]
pub async fn set_commission(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<CommissionBody>,
) -> Result<StatusCode, AppError> {
    operators::set_commission(&state.db, caller.user.id, id, body.commission_bps, &client)
        .await
        .map_err(|e| match e {
            CommissionError::Invalid(fields) => AppError::fields(fields),
            CommissionError::NotFound => AppError::new(ErrorCode::NotFound),
            CommissionError::Store(e) => e.into(),
        })?;
    Ok(StatusCode::NO_CONTENT)
}

/// `?q=`: a booking id, or part of a learner's or expert's email or name.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    #[serde(default)]
    pub q: String,
}

/// A paid booking found by a search.
#[derive(Serialize, ToSchema)]
#[schema(as = PaymentSearchResult)]
pub struct PaidBookingBody {
    id: Uuid,
    status: String,
    #[schema(format = DateTime)]
    start: String,
    currency: String,
    /// Minor units.
    price: i64,
    paid: i64,
    refunded: i64,
    learner_email: String,
    expert_email: String,
}

/// A transfer to an expert not yet made.
#[derive(Serialize, ToSchema)]
#[schema(as = WaitingTransfer)]
pub struct TransferBody {
    id: Uuid,
    booking_id: Uuid,
    expert_id: Uuid,
    currency: String,
    /// Minor units.
    amount: i64,
    /// Why the provider refused it last, if it did.
    failure: Option<String>,
    #[schema(format = DateTime)]
    decided_at: String,
}

/// A chargeback.
#[derive(Serialize, ToSchema)]
#[schema(as = Chargeback)]
pub struct DisputeBody {
    /// The provider's id.
    id: String,
    booking_id: Uuid,
    currency: String,
    /// Minor units.
    amount: i64,
    /// The provider's status.
    status: String,
    reason: String,
    /// `won` or `lost` once closed.
    outcome: Option<String>,
}

/// The latest check that the ledger balances and matches the provider.
#[derive(Serialize, ToSchema)]
#[schema(as = LedgerCheck)]
pub struct CheckBody {
    #[schema(format = DateTime)]
    checked_at: String,
    ok: bool,
    detail: String,
}

/// The payments overview.
#[derive(Serialize, ToSchema)]
#[schema(as = PaymentsOverview)]
pub struct OverviewBody {
    bookings: Vec<PaidBookingBody>,
    transfers_waiting: Vec<TransferBody>,
    disputes: Vec<DisputeBody>,
    last_check: Option<CheckBody>,
}

/// Payments: search paid bookings; transfers waiting; chargebacks.
///
/// Paid bookings matching `q` (a booking id, or part of a learner's or expert's email or
/// name), the transfers to experts not yet made, chargebacks (open first), and the latest
/// ledger check.
#[utoipa::path(
    get, path = "/admin/payments", tag = "admin", operation_id = "payments_overview",
    params(SearchQuery),
    responses((status = 200, description = "The overview.", body = OverviewBody)),
)]
pub async fn overview(
    State(state): State<AppState>,
    Query(query): Query<SearchQuery>,
) -> Result<Json<OverviewBody>, AppError> {
    let o = operators::overview(&state.db, &query.q).await?;
    Ok(Json(OverviewBody {
        bookings: o
            .bookings
            .into_iter()
            .map(|b| PaidBookingBody {
                id: b.id,
                status: b.status,
                start: crate::instants::rfc3339_unix(b.start_at),
                currency: b.currency,
                price: b.price_amount,
                paid: b.paid_amount,
                refunded: b.refunded_amount,
                learner_email: b.learner_email,
                expert_email: b.expert_email,
            })
            .collect(),
        transfers_waiting: o
            .transfers_waiting
            .into_iter()
            .map(|t| TransferBody {
                id: t.id,
                booking_id: t.booking_id,
                expert_id: t.expert_id,
                currency: t.currency,
                amount: t.amount,
                failure: t.failure,
                decided_at: crate::instants::rfc3339_unix(t.created_at),
            })
            .collect(),
        disputes: o
            .disputes
            .into_iter()
            .map(|d| DisputeBody {
                id: d.id,
                booking_id: d.booking_id,
                currency: d.currency,
                amount: d.amount,
                status: d.status,
                reason: d.reason,
                outcome: d.outcome,
            })
            .collect(),
        last_check: o.last_check.map(|c| CheckBody {
            checked_at: crate::instants::rfc3339_unix(c.checked_at),
            ok: c.ok,
            detail: c.detail,
        }),
    }))
}

/// An operator's refund.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = OperatorRefund)]
pub struct RefundBody {
    /// Minor units of the booking's currency: at most what is left, in steps the provider
    /// can refund (tens in three-decimal currencies).
    #[schema(minimum = 1)]
    amount: i64,
    /// Why (kept on the booking's timeline and in the audit log).
    reason: String,
    /// The refunded total (minor units) the caller saw. When given, a repeated request
    /// (a retry after a timeout) finds it changed and refunds nothing more: 422 naming
    /// `refunded_before`.
    #[serde(default)]
    refunded_before: Option<i64>,
}

/// A booking's money after a refund.
#[derive(Serialize, ToSchema)]
#[schema(as = RefundedBooking)]
pub struct RefundedBody {
    id: Uuid,
    status: String,
    currency: String,
    paid: i64,
    refunded: i64,
}

/// Refund (part of) a paid booking, with a reason (audited).
///
/// Sent through the payment provider by a job; when the expert was paid out already, their
/// part is reversed from their account first.
#[utoipa::path(
    post, path = "/admin/bookings/{id}/refund", tag = "admin", operation_id = "refund_booking",
    params(("id" = Uuid, Path, description = "The booking's id.")),
    request_body = RefundBody,
    responses((status = 200, description = "Refund decided.", body = RefundedBody)),
)]
pub async fn refund(
    State(state): State<AppState>,
    crate::Links(base): crate::Links,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<RefundBody>,
) -> Result<Json<RefundedBody>, AppError> {
    let b = operators::refund(
        &state.booking_deps(&base),
        &caller.user,
        id,
        body.amount,
        body.refunded_before,
        &body.reason,
        &client,
    )
    .await?;
    Ok(Json(RefundedBody {
        id: b.row.id,
        status: b.row.status,
        currency: b.row.currency,
        paid: b.row.paid_amount,
        refunded: b.row.refunded_amount,
    }))
}

/// `?from=&to=`: the period, as dates (`YYYY-MM-DD`, UTC; `to` inclusive). The current
/// month when absent.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    #[serde(default)]
    #[param(format = Date)]
    pub from: Option<String>,
    #[serde(default)]
    #[param(format = Date)]
    pub to: Option<String>,
}

impl PeriodQuery {
    /// The period's first day and the day after its last (both UTC midnights), or which
    /// field could not be read.
    pub fn period(
        &self,
        now: jiff::Timestamp,
    ) -> Result<(jiff::civil::Date, jiff::civil::Date), &'static str> {
        let today = domain::schedule::zones::local(&jiff::tz::TimeZone::UTC, now).date();
        let read = |text: &Option<String>, field: &'static str| match text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            None => Ok(None),
            Some(t) => t.parse::<jiff::civil::Date>().map(Some).map_err(|_| field),
        };
        let from = read(&self.from, "from")?.unwrap_or(today.first_of_month());
        let to = read(&self.to, "to")?.unwrap_or(today.last_of_month());
        if to < from {
            return Err("to");
        }
        Ok((from, to.tomorrow().map_err(|_| "to")?))
    }
}

/// Midnight UTC at the start of `day`.
pub fn midnight(day: jiff::civil::Date) -> jiff::Timestamp {
    domain::schedule::zones::start_of_day(&jiff::tz::TimeZone::UTC, day)
}

/// One currency's commission.
#[derive(Serialize, ToSchema)]
#[schema(as = CommissionReportLine)]
pub struct CommissionLineBody {
    currency: String,
    /// Minor units, all of them.
    gross: i64,
    refunded: i64,
    commission_earned: i64,
    commission_returned: i64,
    commission_net: i64,
    paid_out: i64,
}

/// The commission report.
#[derive(Serialize, ToSchema)]
#[schema(as = CommissionReport)]
pub struct CommissionReportBody {
    #[schema(format = Date)]
    from: String,
    /// Inclusive.
    #[schema(format = Date)]
    to: String,
    currencies: Vec<CommissionLineBody>,
}

/// The commission report by period and currency.
///
/// What learners paid, what went back, the commission kept and what experts were paid, per
/// currency, from the ledger. The same as CSV at `/admin/payments/commission.csv`.
#[utoipa::path(
    get, path = "/admin/commission", tag = "admin", operation_id = "commission_report",
    params(PeriodQuery),
    responses((status = 200, description = "The report.", body = CommissionReportBody)),
)]
pub async fn commission_report(
    State(state): State<AppState>,
    Query(query): Query<PeriodQuery>,
) -> Result<Json<CommissionReportBody>, AppError> {
    let (from, until) = query.period(state.clock().now()).map_err(|field| {
        AppError::new(ErrorCode::BadRequest).with_arg(
            "problem",
            format!("{field} must be a date (YYYY-MM-DD), from ≤ to"),
        )
    })?;
    let lines = operators::commission_report(&state.db, midnight(from), midnight(until)).await?;
    Ok(Json(CommissionReportBody {
        from: from.to_string(),
        to: until.yesterday().unwrap_or(until).to_string(),
        currencies: lines
            .into_iter()
            .map(|l| CommissionLineBody {
                commission_net: l.commission_net(),
                currency: l.currency,
                gross: l.gross,
                refunded: l.refunded,
                commission_earned: l.commission_earned,
                commission_returned: l.commission_returned,
                paid_out: l.paid_out,
            })
            .collect(),
    }))
}
