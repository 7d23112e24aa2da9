//! `GET /bookings/{id}/receipt`: the learner's printable receipt for a paid session (an
//! operator may read it too): what was paid and when, each refund, what was kept.

use app::bookings::receipt;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use uuid::Uuid;

use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState};

use super::present::{LocalTimes, names};

#[derive(Template)]
#[template(path = "bookings/receipt.html")]
struct ReceiptPage<'a> {
    shell: &'a Shell,
    id: Uuid,
    number: String,
    learner_name: String,
    expert_name: String,
    when: String,
    paid_at: Option<String>,
    paid: String,
    refunds: Vec<RefundLine>,
    kept: String,
    /// Paid in the test-mode sandbox: no money moved.
    sandbox: bool,
    payment_ref: Option<String>,
    zone_name: String,
}

struct RefundLine {
    at: String,
    amount: String,
    sent: bool,
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let receipt = receipt::receipt(&state.db, &viewer.user, id).await?;
    let row = &receipt.booking.row;
    let who = names(&state, &[row.learner_id, row.expert_id]).await?;
    let clock = LocalTimes::of(&viewer.user, shell.locale);
    let page = ReceiptPage {
        shell: &shell,
        id,
        number: row.series_id.simple().to_string()[..12].to_uppercase(),
        learner_name: who.of(row.learner_id),
        expert_name: who.of(row.expert_id),
        when: clock.span(row.start_at, row.end_at),
        paid_at: receipt.paid_at.map(|at| clock.at(at)),
        paid: shell.money(row.paid_amount, &row.currency),
        refunds: receipt
            .refunds
            .iter()
            .map(|r| RefundLine {
                at: clock.at(r.at),
                amount: shell.money(r.amount, &row.currency),
                sent: r.sent,
            })
            .collect(),
        kept: shell.money(receipt.kept(), &row.currency),
        sandbox: row.payment_provider == app::bookings::SANDBOX_PROVIDER,
        payment_ref: row.payment_ref.clone(),
        zone_name: clock.zone_name.clone(),
    };
    Ok(render(page, StatusCode::OK))
}
