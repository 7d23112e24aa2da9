//! Chargebacks. When a learner's bank disputes a payment the provider takes the money
//! back from the platform at once: Mentora records that (`platform:disputes` in the
//! ledger), holds the expert's share (no transfer while it is open) or takes back what
//! was transferred, tells the expert, and lists it for operators. When it closes, a win
//! returns the money (and the expert is paid again by the next sweep); a loss is taken
//! out of the commission and the expert's share in proportion, as a refund is.

use domain::payment::Journal;
use payments::{Dispute, PaymentProvider};
use store::ledger::Posting;

use super::transfers::{self, PayoutError};
use crate::bookings::notices::{self, Notice};
use crate::bookings::{BookingDeps, money};

/// What a dispute event came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Recorded or closed now.
    Applied,
    /// Known already, or about no payment of Mentora's.
    Ignored,
}

/// Records `dispute` as the provider reports it (opened, updated, or closed), in any
/// order: a dispute closed before Mentora heard it open is opened and closed.
pub async fn record(
    s: &BookingDeps<'_>,
    provider: &dyn PaymentProvider,
    dispute: &Dispute,
) -> Result<Recorded, PayoutError> {
    let Some(payment) = dispute.payment_intent.as_deref() else {
        return Ok(Recorded::Ignored);
    };
    // An inquiry (`warning_*`) takes no money: only a chargeback is recorded; an inquiry
    // that becomes one arrives again with its new status.
    if dispute.status.starts_with("warning_") {
        tracing::info!(
            dispute = dispute.id,
            status = dispute.status,
            "a payment inquiry; no money moved"
        );
        return Ok(Recorded::Ignored);
    }
    // The payment first: a dispute may be delivered before the payment's own event.
    if let Err(e) = super::sync::payment(s, provider, payment).await {
        tracing::warn!(payment, error = %e, "reading a disputed payment failed; recording the dispute anyway");
    }
    let Some(row) = store::bookings::with_payment(s.db, payment).await? else {
        return Ok(Recorded::Ignored);
    };
    if row.payment_provider != money::STRIPE_PROVIDER {
        return Ok(Recorded::Ignored);
    }
    let code = money::stored_currency(&row.currency)?;
    let amount = money::stripe_currency(&row.currency)?.from_wire(dispute.wire_amount);
    let now = s.db.clock().now();
    let opened = Journal::dispute_opened(format!("dispute:{}", dispute.id), code, amount)
        .map_err(unbalanced)?;
    let stored = store::disputes::Dispute {
        id: dispute.id.clone(),
        booking_id: row.id,
        amount,
        currency: row.currency.clone(),
        status: dispute.status.clone(),
        reason: dispute.reason.chars().take(64).collect(),
        outcome: None,
        created_at: now.as_second(),
        updated_at: now.as_second(),
    };
    let posting = Posting {
        journal: opened,
        booking_id: Some(row.id),
    };
    let mut applied = false;
    if store::disputes::opened(s.db, &stored, &posting, now).await? {
        applied = true;
        tracing::warn!(booking = %row.id, dispute = dispute.id, amount, "a payment was disputed");
        crate::jobs::enqueue_job(
            s.db,
            &notices::job(row.id, Notice::Chargeback, Some(amount), now),
        )
        .await?;
    }
    let cause = format!("dispute:{}", dispute.id);
    let Some(won) = dispute.outcome() else {
        // Open: nothing of the session may stay with the expert meanwhile.
        transfers::settle_or_retry(s.db, provider, &row, &cause).await?;
        return Ok(if applied {
            Recorded::Applied
        } else {
            Recorded::Ignored
        });
    };
    let journal = if won {
        Journal::dispute_won(format!("dispute_won:{}", dispute.id), code, amount)
    } else {
        let lost = money::split_of(&row, code, row.paid_amount).refund(
            row.paid_amount,
            row.refunded_amount,
            amount,
            money::step(code),
        );
        Journal::dispute_lost(
            format!("dispute_lost:{}", dispute.id),
            code,
            &row.expert_id.to_string(),
            lost,
        )
    }
    .map_err(unbalanced)?;
    let outcome = if won { "won" } else { "lost" };
    let posting = Posting {
        journal,
        booking_id: Some(row.id),
    };
    if store::disputes::closed(s.db, &dispute.id, &dispute.status, outcome, &posting, now).await? {
        applied = true;
        tracing::info!(booking = %row.id, dispute = dispute.id, outcome, "a dispute closed");
    }
    // Recorded first: whatever happens to a reversal, the outcome stands. Lost, the
    // expert keeps nothing of what the bank took (anything transferred and not yet taken
    // back comes back); won, the next sweep pays them again.
    transfers::settle_or_retry(s.db, provider, &row, &cause).await?;
    Ok(if applied {
        Recorded::Applied
    } else {
        Recorded::Ignored
    })
}

fn unbalanced(e: domain::payment::Unbalanced) -> PayoutError {
    PayoutError::Store(store::StoreError::Corrupt(e.to_string()))
}
