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
    /// The instant balanced at, as the form shows it (RFC 3339, UTC), or what was typed
    /// when it could not be read.
    at: String,
    /// Why the typed instant could not be read (shown under the field; nothing is listed).
    at_error: Option<String>,
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
    let Ok(at) = query.instant(state.clock().now()) else {
        // A typo keeps what was typed and says what is expected, beside the field.
        let page = PaymentsPage {
            shell: &shell,
            at: query.at.clone().unwrap_or_default(),
            at_error: Some(shell.t("payments-at-invalid")),
            currencies: Vec::new(),
        };
        return Ok(render(page, StatusCode::UNPROCESSABLE_ENTITY));
    };
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
            at_error: None,
            currencies,
        },
        StatusCode::OK,
    ))
}
