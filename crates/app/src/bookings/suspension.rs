//! Suspending an expert ends their upcoming sessions: learners are never left holding a
//! booking nobody will honour. Each confirmed session is cancelled as the admin's act
//! (refunded in full, both sides emailed with the calendar cancellation); unpaid holds
//! simply lapse now.

use crate::live::AvailabilityChange;
use domain::booking::{Actor, BookingStatus};
use jiff::Timestamp;
use store::bookings::{Attribution, ListQuery, Side, TransitionUpdates};
use store::users::User;
use uuid::Uuid;

use super::notices::{self, Notice};
use super::{Booking, BookingDeps, BookingError};

/// What suspending did to the expert's calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ended {
    /// Confirmed sessions cancelled and refunded in full.
    pub cancelled: usize,
    /// Unpaid holds released.
    pub released: usize,
}

/// Cancels every upcoming session of `expert` and releases their holds, as `admin`.
pub async fn end_upcoming(
    s: &BookingDeps<'_>,
    admin: &User,
    expert: Uuid,
    reason: &str,
    now: Timestamp,
) -> Result<Ended, BookingError> {
    let mut ended = Ended::default();
    let why = format!("the expert was suspended: {reason}");
    loop {
        let batch = store::bookings::for_user(
            s.db,
            expert,
            ListQuery {
                side: Side::Expert,
                statuses: &[BookingStatus::Confirmed, BookingStatus::Held],
                from: now,
                to: Timestamp::MAX,
                ascending: true,
                limit: 200,
                after: None,
            },
        )
        .await?;
        if batch.is_empty() {
            break;
        }
        let mut progressed = false;
        for row in batch {
            let booking = Booking::from_row(row)?;
            let by = Attribution {
                actor: Actor::Admin,
                actor_id: Some(admin.id),
                reason: Some(&why),
                now,
            };
            let (to, changes) = if booking.status == BookingStatus::Confirmed {
                let refund = booking.refund_if_cancelled(Actor::Admin, now);
                let mut changes = TransitionUpdates {
                    refunded_amount: Some(booking.row.refunded_amount + refund),
                    bump_sequence: true,
                    // The cancellation emails commit with the cancellation.
                    enqueue: vec![notices::job(
                        booking.row.id,
                        Notice::Cancelled,
                        Some(refund),
                        now,
                    )],
                    ..TransitionUpdates::default()
                };
                super::money::decide_refund(
                    s.db,
                    &booking,
                    refund,
                    "the expert was suspended",
                    now,
                    &mut changes,
                )?;
                (BookingStatus::Cancelled, changes)
            } else {
                (BookingStatus::Expired, TransitionUpdates::default())
            };
            // Moved meanwhile (paid, cancelled by someone else): the next pass sees it.
            let Some(row) =
                store::bookings::transition(s.db, booking.row.id, booking.status, to, &changes, by)
                    .await?
            else {
                continue;
            };
            progressed = true;
            if to == BookingStatus::Cancelled {
                ended.cancelled += 1;
                Booking::from_row(row)?;
                crate::jobs::worker::wake();
            } else {
                ended.released += 1;
            }
        }
        if !progressed {
            break;
        }
    }
    s.schedules
        .changed(expert, AvailabilityChange::RulesChanged)
        .await;
    Ok(ended)
}
