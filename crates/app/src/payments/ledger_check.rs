//! The ledger check: every currency's accounts add up to zero, and for each session whose
//! money moved recently, what the ledger says came in and went back is what the payment
//! provider says. A failed check is stored (the operators' payments page shows it),
//! logged as an error, and fails its job so `/admin/jobs` shows it too.

use jiff::{SignedDuration, Timestamp};
use payments::{PaymentProvider, PaymentStatus, ProviderMode};
use store::Database;

use crate::bookings::money;

/// How far back sessions are compared with the provider on each run (runs are hourly;
/// the overlap means a run that failed is covered by the next).
pub const LOOK_BACK: SignedDuration = SignedDuration::from_hours(26);

/// What a check found: empty when all is well.
pub async fn run(
    db: &Database,
    provider: &dyn PaymentProvider,
    now: Timestamp,
) -> Result<Vec<String>, String> {
    let mut problems = Vec::new();
    let mut sums = std::collections::BTreeMap::<String, i64>::new();
    for b in store::ledger::trial_balance(db, now)
        .await
        .map_err(|e| e.to_string())?
    {
        *sums.entry(b.currency).or_default() += b.balance;
    }
    for (currency, sum) in &sums {
        if *sum != 0 {
            problems.push(format!(
                "{currency}: the accounts add up to {sum}, not zero"
            ));
        }
    }
    let mut compared = 0;
    if provider.mode() == ProviderMode::Stripe {
        let since = domain::clock::shifted(now, -LOOK_BACK);
        let moved = store::ledger::moved_since(db, money::STRIPE_PROVIDER, since, 1000)
            .await
            .map_err(|e| e.to_string())?;
        for session in moved {
            compared += 1;
            if let Some(problem) = compare(db, provider, &session).await? {
                problems.push(problem);
            }
        }
    }
    let detail = if problems.is_empty() {
        format!(
            "{} currencies balanced; {compared} sessions matched the provider",
            sums.len()
        )
    } else {
        problems.join("\n")
    };
    store::ledger::record_check(db, problems.is_empty(), &detail, now)
        .await
        .map_err(|e| e.to_string())?;
    if !problems.is_empty() {
        tracing::error!(problems = %detail, "the ledger check failed");
    }
    Ok(problems)
}

/// The ledger's view of one session against the provider's, or what differs.
async fn compare(
    db: &Database,
    provider: &dyn PaymentProvider,
    session: &store::ledger::Moved,
) -> Result<Option<String>, String> {
    let rules = money::stripe_currency(&session.currency).map_err(|e| e.to_string())?;
    let (paid, refunded) = store::ledger::session_cash(db, session.series_id)
        .await
        .map_err(|e| e.to_string())?;
    let payment = provider
        .payment(&session.payment_ref)
        .await
        .map_err(|e| e.to_string())?;
    let provider_paid = if payment.status == PaymentStatus::Succeeded {
        payment.wire_amount
    } else {
        0
    };
    let provider_refunded: i64 = provider
        .refunds_of(&session.payment_ref)
        .await
        .map_err(|e| e.to_string())?
        .iter()
        .filter(|r| r.sent())
        .map(|r| r.wire_amount)
        .sum();
    if rules.to_wire(paid) != provider_paid || rules.to_wire(refunded) != provider_refunded {
        return Ok(Some(format!(
            "session {} ({}): the ledger has {} paid and {} refunded on the wire; the provider \
             {provider_paid} and {provider_refunded}",
            session.series_id,
            session.payment_ref,
            rules.to_wire(paid),
            rules.to_wire(refunded),
        )));
    }
    Ok(None)
}
