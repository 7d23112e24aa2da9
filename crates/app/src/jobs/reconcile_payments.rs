//! `reconcile_payments`, every two minutes: asks the provider about every booking whose
//! payment was started and has not arrived (held, or lapsed within the last day), so a
//! missed webhook heals within minutes; and about the payments of refunds still pending
//! (one the provider accepted but had not completed is marked sent once it has).
//!
//! Twice is harmless: it only reads the provider and records what it says, through the
//! same keyed paths the webhooks use.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;
use payments::ProviderMode;
use store::jobs::Job;

use super::{JobDeps, JobFailure, Kind};
use crate::bookings::money::STRIPE_PROVIDER;

pub const KIND: Kind = Kind {
    name: "reconcile_payments",
    max_attempts: 3,
    lease: SignedDuration::from_mins(5),
    run,
};

/// How far back lapsed holds are still asked about.
const LOOK_BACK: SignedDuration = SignedDuration::from_hours(24);

fn run<'a>(deps: &'a JobDeps, _job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        if deps.payments.mode() != ProviderMode::Stripe {
            return Ok(());
        }
        let now = deps.db.clock().now();
        let since = domain::clock::shifted(now, -LOOK_BACK);
        let waiting = store::bookings::awaiting_payment(&deps.db, STRIPE_PROVIDER, since, 500)
            .await
            .map_err(|e| e.to_string())?;
        let mut failed = 0;
        for row in waiting {
            let Some(payment) = row.payment_ref.as_deref() else {
                continue;
            };
            if let Err(e) =
                crate::payments::sync::payment(&deps.bookings(), deps.payments.as_ref(), payment)
                    .await
            {
                failed += 1;
                tracing::warn!(booking = %row.id, payment, error = %e, "reconciling a payment failed");
            }
        }
        for refund in store::refunds::pending(&deps.db, 200)
            .await
            .map_err(|e| e.to_string())?
        {
            let Ok(Some(row)) = store::bookings::find(&deps.db, refund.booking_id).await else {
                continue;
            };
            let (Some(payment), true) = (row.payment_ref.as_deref(), row.payment_provider == STRIPE_PROVIDER)
            else {
                continue;
            };
            if let Err(e) =
                crate::payments::sync::refunds(&deps.bookings(), deps.payments.as_ref(), payment)
                    .await
            {
                failed += 1;
                tracing::warn!(refund = %refund.id, error = %e, "reconciling a refund failed");
            }
        }
        if failed > 0 {
            return Err(format!("{failed} payments could not be reconciled"));
        }
        Ok(())
    }
    .boxed()
}
