//! The money, for operators (`payments.refund`): the ledger's trial balance per currency
//! at any instant, with whether each currency balances; paid bookings by search, each
//! with a refund form (an amount and a reason, audited); transfers to experts waiting,
//! chargebacks, the latest ledger check; and the commission report by period, also as
//! CSV.

use app::bookings::BookingError;
use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::api_payments::{AtQuery, PeriodQuery, midnight};
use crate::extract::Client;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, Links};

#[derive(Template)]
#[template(path = "admin/payments.html")]
struct PaymentsPage<'a> {
    shell: &'a Shell,
    /// The instant balanced at, as the form shows it (RFC 3339, UTC), or what was typed
    /// when it could not be read.
    at: String,
    /// Why the typed instant could not be read (shown under the field; nothing is listed).
    at_error: Option<String>,
    currencies: Vec<CurrencyView>,
    q: String,
    bookings: Vec<BookingView>,
    transfers: Vec<TransferView>,
    disputes: Vec<DisputeView>,
    /// Sessions attendance could not settle: (booking, when in UTC, learner, expert).
    verdicts: Vec<(uuid::Uuid, String, String, String)>,
    check: Option<CheckView>,
    from: String,
    to: String,
    period_error: Option<String>,
    report: Vec<ReportView>,
}

/// One currency's accounts.
struct CurrencyView {
    code: String,
    balanced: bool,
    accounts: Vec<(String, String)>,
}

struct BookingView {
    id: Uuid,
    status: String,
    learner: String,
    expert: String,
    paid: String,
    refunded: String,
    /// Something is left to refund.
    refundable: bool,
    /// The refunded total shown (minor units), sent back with the form.
    refunded_minor: i64,
    /// It was just refunded (say so).
    just_refunded: bool,
    currency: String,
    /// What was typed when the refund was refused, and why.
    amount_typed: String,
    reason_typed: String,
    amount_error: Option<String>,
    reason_error: Option<String>,
}

struct TransferView {
    booking: Uuid,
    amount: String,
    failure: Option<String>,
}

struct DisputeView {
    id: String,
    booking: Uuid,
    amount: String,
    status: String,
    outcome: Option<String>,
}

struct CheckView {
    ok: bool,
    at: String,
    detail: String,
}

struct ReportView {
    currency: String,
    gross: String,
    refunded: String,
    commission: String,
    paid_out: String,
}

/// `?at=&q=&from=&to=&refunded=`.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    q: String,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    refunded: Option<Uuid>,
}

/// A refund the form asked for, and why it was refused.
struct Refused {
    booking: Uuid,
    amount: String,
    reason: String,
    amount_error: Option<String>,
    reason_error: Option<String>,
}

/// `GET /admin/payments`.
pub async fn show(
    State(state): State<AppState>,
    shell: Shell,
    Query(query): Query<PageQuery>,
) -> Result<Response, AppError> {
    page(&state, &shell, &query, None).await
}

async fn page(
    state: &AppState,
    shell: &Shell,
    query: &PageQuery,
    refused: Option<Refused>,
) -> Result<Response, AppError> {
    let now = state.clock().now();
    let at_query = AtQuery {
        at: query.at.clone(),
    };
    let (at, at_error) = match at_query.instant(now) {
        Ok(at) => (Some(at), None),
        // A typo keeps what was typed and says what is expected, beside the field.
        Err(_) => (None, Some(shell.t("payments-at-invalid"))),
    };
    let mut currencies: Vec<CurrencyView> = Vec::new();
    if let Some(at) = at {
        let mut sums = Vec::<i64>::new();
        for b in app::payments::operators::trial_balance(&state.db, at).await? {
            if currencies.last().map(|c| c.code.as_str()) != Some(b.currency.as_str()) {
                currencies.push(CurrencyView {
                    code: b.currency.clone(),
                    balanced: true,
                    accounts: Vec::new(),
                });
                sums.push(0);
            }
            if let (Some(view), Some(sum)) = (currencies.last_mut(), sums.last_mut()) {
                *sum += b.balance;
                view.accounts
                    .push((b.account, shell.money(b.balance, &b.currency)));
            }
        }
        for (view, sum) in currencies.iter_mut().zip(sums) {
            view.balanced = sum == 0;
        }
    }
    let overview = app::payments::operators::overview(&state.db, &query.q).await?;
    let bookings = overview
        .bookings
        .into_iter()
        .map(|b| {
            let left = b.paid_amount - b.refunded_amount;
            let left_major = domain::profile::CurrencyCode::parse(&b.currency)
                .map(|c| domain::money::Money::new(left, c).major_text())
                .unwrap_or_default();
            let mine = refused.as_ref().filter(|r| r.booking == b.id);
            BookingView {
                id: b.id,
                status: b.status,
                learner: b.learner_email,
                expert: b.expert_email,
                paid: shell.money(b.paid_amount, &b.currency),
                refunded: shell.money(b.refunded_amount, &b.currency),
                amount_typed: mine.map_or(left_major, |r| r.amount.clone()),
                reason_typed: mine.map(|r| r.reason.clone()).unwrap_or_default(),
                amount_error: mine.and_then(|r| r.amount_error.clone()),
                reason_error: mine.and_then(|r| r.reason_error.clone()),
                refundable: left > 0,
                refunded_minor: b.refunded_amount,
                just_refunded: query.refunded == Some(b.id),
                currency: b.currency,
            }
        })
        .collect();
    let period = PeriodQuery {
        from: query.from.clone(),
        to: query.to.clone(),
    };
    let (from, to, period_error, report) = match period.period(now) {
        Ok((from, until)) => {
            let lines = app::payments::operators::commission_report(
                &state.db,
                midnight(from),
                midnight(until),
            )
            .await?;
            let report = lines
                .iter()
                .map(|l| ReportView {
                    gross: shell.money(l.gross, &l.currency),
                    refunded: shell.money(l.refunded, &l.currency),
                    commission: shell.money(l.commission_net(), &l.currency),
                    paid_out: shell.money(l.paid_out, &l.currency),
                    currency: l.currency.clone(),
                })
                .collect();
            let last = until.yesterday().unwrap_or(until);
            (from.to_string(), last.to_string(), None, report)
        }
        Err(_) => (
            query.from.clone().unwrap_or_default(),
            query.to.clone().unwrap_or_default(),
            Some(shell.t("payments-period-invalid")),
            Vec::new(),
        ),
    };
    let invalid = at_error.is_some() || period_error.is_some() || refused.is_some();
    let page = PaymentsPage {
        shell,
        at: at.map_or_else(
            || query.at.clone().unwrap_or_default(),
            |at| crate::instants::rfc3339_secs(&at),
        ),
        at_error,
        currencies,
        q: query.q.clone(),
        bookings,
        transfers: overview
            .transfers_waiting
            .into_iter()
            .map(|t| TransferView {
                booking: t.booking_id,
                amount: shell.money(t.amount, &t.currency),
                failure: t.failure,
            })
            .collect(),
        disputes: overview
            .disputes
            .into_iter()
            .map(|d| DisputeView {
                amount: shell.money(d.amount, &d.currency),
                id: d.id,
                booking: d.booking_id,
                status: d.status,
                outcome: d.outcome,
            })
            .collect(),
        verdicts: app::rooms::settle::awaiting_verdict(&state.db)
            .await?
            .into_iter()
            .map(|v| {
                (
                    v.booking.row.id,
                    crate::instants::rfc3339_secs(&v.booking.row.start_at),
                    v.names.0,
                    v.names.1,
                )
            })
            .collect(),
        check: overview.last_check.map(|c| CheckView {
            ok: c.ok,
            at: crate::instants::rfc3339_unix(c.checked_at),
            detail: c.detail,
        }),
        from,
        to,
        period_error,
        report,
    };
    let status = if invalid {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(render(page, status))
}

/// The refund form.
#[derive(Debug, Deserialize)]
pub struct RefundForm {
    booking: Uuid,
    /// Major units of the booking's currency, as typed.
    amount: String,
    reason: String,
    /// The refunded total the page showed: a second submit (a double click) refunds
    /// nothing more.
    refunded_before: Option<i64>,
    /// The search to come back to.
    #[serde(default)]
    q: String,
}

/// `POST /admin/payments/refund`: refunds, then back to the booking on the page; a
/// refused refund is explained beside its fields, with what was typed kept.
pub async fn refund(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<RefundForm>,
) -> Result<Response, AppError> {
    let result = app::payments::operators::refund_typed(
        &state.booking_deps(&base),
        &viewer.user,
        form.booking,
        &form.amount,
        form.refunded_before,
        &form.reason,
        &client,
    )
    .await;
    match result {
        Ok(_) => Ok(crate::redirect::to(&format!(
            "/admin/payments?q={}&refunded={}",
            form.booking, form.booking
        ))),
        Err(BookingError::Invalid(fields)) => {
            let message = |name: &str| {
                fields
                    .iter()
                    .find(|f| f.field == name)
                    .map(|f| shell.t(f.message_id))
            };
            let refused = Refused {
                booking: form.booking,
                amount: form.amount.clone(),
                reason: form.reason.clone(),
                amount_error: message("amount").or_else(|| message("refunded_before")),
                reason_error: message("reason"),
            };
            let query = PageQuery {
                q: if form.q.trim().is_empty() {
                    form.booking.to_string()
                } else {
                    form.q.clone()
                },
                ..PageQuery::default()
            };
            page(&state, &shell, &query, Some(refused)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /admin/payments/commission.csv?from=&to=`.
pub async fn commission_csv(
    State(state): State<AppState>,
    Query(period): Query<PeriodQuery>,
) -> Result<Response, AppError> {
    let (from, until) = period.period(state.clock().now()).map_err(|field| {
        AppError::new(crate::ErrorCode::BadRequest).with_arg(
            "problem",
            format!("{field} must be a date (YYYY-MM-DD), from ≤ to"),
        )
    })?;
    let lines =
        app::payments::operators::commission_report(&state.db, midnight(from), midnight(until))
            .await?;
    let name = format!(
        "attachment; filename=\"mentora-commission-{from}-{}.csv\"",
        until.yesterday().unwrap_or(until)
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        app::payments::operators::commission_csv(&lines),
    )
        .into_response())
}
