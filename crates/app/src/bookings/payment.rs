//! Taking payment for a hold. Until real payments exist (and whenever no Stripe key is
//! set) the test-mode sandbox does it: its labelled checkout page, or for API clients
//! `POST /api/v1/test-mode/bookings/{id}/pay`.

use crate::live::AvailabilityChange;
use domain::booking::{Actor, BookingStatus};
use domain::clock::shifted;
use jiff::{SignedDuration, Timestamp};
use store::bookings::{Attribution, Revival, TransitionUpdates};
use store::users::User;
use uuid::Uuid;

use super::notices::{self, Notice};
use super::{Booking, BookingDeps, BookingError};

/// What the sandbox is told to do with a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SandboxOutcome {
    /// The payment goes through and confirms the booking (or refunds it when too late).
    Succeed,
    /// The payment is declined (`payment_declined`); the hold stands until it runs out.
    Fail,
}

/// Where a payment left the booking.
#[derive(Debug, Clone)]
pub struct PaymentResult {
    /// The booking after the payment: confirmed, or expired and refunded.
    pub booking: Booking,
    /// The payment came too late for a slot someone else took: it was refunded in full.
    pub refunded: bool,
}

/// The learner pays in the sandbox.
pub async fn pay_in_sandbox(
    s: &BookingDeps<'_>,
    payer: &User,
    id: Uuid,
    outcome: SandboxOutcome,
    now: Timestamp,
) -> Result<PaymentResult, BookingError> {
    if !s.rules.test_mode {
        return Err(BookingError::NotTestMode);
    }
    let (booking, role, _) = super::visible(s.db, payer, id).await?;
    if role != Actor::Learner {
        return Err(BookingError::NotYours);
    }
    if outcome == SandboxOutcome::Fail {
        return Err(BookingError::PaymentDeclined);
    }
    let payment_ref = format!("sandbox_{}", s.db.new_id().simple());
    paid(s, booking, &payment_ref, now).await
}

/// Money for `booking` arrived: confirm it, or — when the hold ran out and the time is
/// gone — refund it in full and tell the learner.
pub async fn paid(
    s: &BookingDeps<'_>,
    booking: Booking,
    payment_ref: &str,
    now: Timestamp,
) -> Result<PaymentResult, BookingError> {
    let changes = TransitionUpdates {
        paid_amount: Some(booking.row.price_amount),
        payment_ref: Some(payment_ref.to_owned()),
        // The confirmation emails and the reminders commit with the confirmation, and the
        // money with them.
        enqueue: std::iter::once(notices::job(booking.row.id, Notice::Confirmed, None, now))
            .chain(crate::jobs::reminder::jobs(
                booking.row.id,
                booking.row.start_at,
                now,
            ))
            .collect(),
        post: vec![super::money::payment(
            &booking.row,
            booking.row.price_amount,
        )?],
        ..TransitionUpdates::default()
    };
    // Late: the hold ran out (marked expired or not yet). Such a payment confirms only what
    // could be booked now.
    let late = booking.status == BookingStatus::Expired || booking.hold_lapsed(now);
    let by = Attribution {
        actor: Actor::System,
        actor_id: None,
        reason: late.then_some("payment arrived after the hold ran out; the time was still free"),
        now,
    };
    // A payment after the hold ran out confirms only what could be booked now: the
    // expert's current rules and standing, and a start still ahead.
    if late
        && matches!(booking.status, BookingStatus::Held | BookingStatus::Expired)
        && !still_bookable(s, &booking, now).await?
    {
        if booking.status == BookingStatus::Held {
            let expire = Attribution {
                reason: Some("the hold ran out"),
                ..by
            };
            store::bookings::transition(
                s.db,
                booking.row.id,
                BookingStatus::Held,
                BookingStatus::Expired,
                &TransitionUpdates::default(),
                expire,
            )
            .await?;
        }
        return refund_late(
            s,
            &booking,
            payment_ref,
            "payment arrived after the hold expired and the time can no longer be booked: refunded in full",
            now,
        )
        .await;
    }
    match booking.status {
        // Already paid: a repeated callback changes nothing.
        BookingStatus::Confirmed => {
            return Ok(PaymentResult {
                booking,
                refunded: false,
            });
        }
        BookingStatus::Held => {
            let moved = store::bookings::transition(
                s.db,
                booking.row.id,
                BookingStatus::Held,
                BookingStatus::Confirmed,
                &changes,
                by,
            )
            .await?;
            if let Some(row) = moved {
                return confirmed(s, Booking::from_row(row)?).await;
            }
            // The expiry job marked it meanwhile: carry on as a late payment.
        }
        BookingStatus::Expired => {}
        other => {
            return Err(BookingError::InvalidTransition {
                from: other,
                to: BookingStatus::Confirmed,
            });
        }
    }
    let by = Attribution {
        reason: Some("payment arrived after the hold expired; the time was still free"),
        ..by
    };
    match store::bookings::revive(s.db, booking.row.id, &changes, by).await? {
        Revival::Confirmed(row) => confirmed(s, Booking::from_row(*row)?).await,
        Revival::NotExpired => {
            let row = store::bookings::find(s.db, booking.row.id)
                .await?
                .ok_or(BookingError::NotFound)?;
            Ok(PaymentResult {
                booking: Booking::from_row(row)?,
                refunded: false,
            })
        }
        Revival::Refused(_) => {
            refund_late(
                s,
                &booking,
                payment_ref,
                "payment arrived after the hold expired and the time was taken: refunded in full",
                now,
            )
            .await
        }
    }
}

/// Whether the expert could take this booking now, by their current rules: not suspended,
/// the start still ahead, and the time free (the lapsed hold itself no longer counts).
async fn still_bookable(
    s: &BookingDeps<'_>,
    booking: &Booking,
    now: Timestamp,
) -> Result<bool, BookingError> {
    if booking.row.start_at <= now {
        return Ok(false);
    }
    let Some(schedule) = s.schedules.schedule(s.db, booking.row.expert_id).await? else {
        return Ok(false);
    };
    if !schedule.bookable {
        return Ok(false);
    }
    let minutes = u16::try_from(booking.row.duration_minutes).unwrap_or(u16::MAX);
    let start = booking.row.start_at;
    Ok(schedule
        .slots(
            start,
            shifted(start, SignedDuration::from_secs(1)),
            now,
            minutes,
        )
        .iter()
        .any(|slot| slot.start_at() == start))
}

/// Records a late payment and its refund in full, and tells the learner, in one
/// transaction (a second report of the same payment changes nothing).
async fn refund_late(
    s: &BookingDeps<'_>,
    booking: &Booking,
    payment_ref: &str,
    reason: &str,
    now: Timestamp,
) -> Result<PaymentResult, BookingError> {
    let amount = booking.row.price_amount;
    let mut changes = TransitionUpdates {
        enqueue: vec![notices::job(
            booking.row.id,
            Notice::LateRefunded,
            Some(amount),
            now,
        )],
        post: vec![super::money::payment(&booking.row, amount)?],
        ..TransitionUpdates::default()
    };
    super::money::refund(&booking.row, s.db.new_id(), amount, 0, amount, reason, now)?
        .into_updates(&mut changes);
    store::bookings::record_refunded_payment(
        s.db,
        booking.row.id,
        amount,
        payment_ref,
        &changes,
        Attribution {
            actor: Actor::System,
            actor_id: None,
            reason: Some(reason),
            now,
        },
    )
    .await?;
    crate::jobs::worker::wake();
    let row = store::bookings::find(s.db, booking.row.id)
        .await?
        .ok_or(BookingError::NotFound)?;
    Ok(PaymentResult {
        booking: Booking::from_row(row)?,
        refunded: true,
    })
}

/// A confirmed booking: its emails were enqueued with it; the workers are woken to send
/// them now.
async fn confirmed(s: &BookingDeps<'_>, booking: Booking) -> Result<PaymentResult, BookingError> {
    s.schedules
        .changed(booking.row.expert_id, AvailabilityChange::Booked)
        .await;
    crate::jobs::worker::wake();
    Ok(PaymentResult {
        booking,
        refunded: false,
    })
}
