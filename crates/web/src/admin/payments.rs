//! The money, for operators (`payments.refund`): the ledger's trial balance per currency
//! at any instant, with whether each currency balances.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::api_payments::AtQuery;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "admin/payments.html")]
struct PaymentsPage<'a> {
    shell: &'a Shell,
    /// The instant balanced at, as the form shows it (RFC 3339, UTC).
    at: String,
    currencies: Vec<CurrencyView>,
}

/// One currency's accounts.
struct CurrencyView {
    code: String,
    balanced: bool,
    accounts: Vec<(String, String)>,
}

/// `GET /admin/payments[?at=]`.
pub async fn show(
    State(state): State<AppState>,
    shell: Shell,
    Query(query): Query<AtQuery>,
) -> Result<Response, AppError> {
    let at = query.instant(state.clock().now())?;
    let balances = app::payments::operators::trial_balance(&state.db, at).await?;
    let mut currencies: Vec<CurrencyView> = Vec::new();
    let mut sums = Vec::<i64>::new();
    for b in balances {
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
            view.accounts.push((
                b.account,
                app::bookings::notices::money(b.balance, &b.currency),
            ));
        }
    }
    for (view, sum) in currencies.iter_mut().zip(sums) {
        view.balanced = sum == 0;
    }
    Ok(render(
        PaymentsPage {
            shell: &shell,
            at: crate::instants::rfc3339_secs(&at),
            currencies,
        },
        StatusCode::OK,
    ))
}
