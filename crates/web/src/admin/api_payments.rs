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
