//! After a room closes, its attendance becomes the session's outcome (see
//! `domain::room::attendance` for the rules): the `attendance_settle` job looks every few
//! minutes for confirmed sessions whose room has closed. The outcome is an ordinary
//! guarded transition made by the system, with the stays on the timeline: the payout
//! and refunds follow as they do for an admin's verdict (a `no_show_expert` refunds the
//! learner in full). A session nobody attended waits for an operator, who decides with
//! the admin transitions. Either side may still dispute the outcome within the window.

use domain::booking::{Actor, BookingStatus};
use domain::room::{Presence, RoomWindow, Verdict};
use jiff::Timestamp;
use store::bookings::{Attribution, TransitionUpdates};
use uuid::Uuid;

use crate::bookings::notices::{self, Notice};
use crate::bookings::{Booking, BookingDeps, BookingError};

/// What settling one session came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// It now stands in this status.
    Outcome(BookingStatus),
    /// Nobody came: it waits for an operator.
    Review,
    /// Nothing to do (not confirmed any more, or its room has not closed).
    Skipped,
}

/// Settles every confirmed session whose room closed by `now`. Returns how many moved
/// or went to review.
pub async fn sweep(s: &BookingDeps<'_>, now: Timestamp) -> Result<usize, BookingError> {
    let ended_by = domain::clock::shifted(now, -domain::room::window::CLOSES_AFTER);
    let mut done = 0;
    for id in store::rooms::unsettled(s.db, ended_by, 100).await? {
        if settle(s, id, now).await? != Settled::Skipped {
            done += 1;
        }
    }
    Ok(done)
}

/// Each side's stays in the room of `booking`.
async fn stays(
    s: &BookingDeps<'_>,
    booking: &Booking,
) -> Result<(Vec<Presence>, Vec<Presence>), BookingError> {
    let mut learner = Vec::new();
    let mut expert = Vec::new();
    for stay in store::rooms::stays(s.db, booking.row.id).await? {
        let at = |s: i64| Timestamp::from_second(s).unwrap_or(Timestamp::UNIX_EPOCH);
        let presence = Presence {
            joined: at(stay.joined_at),
            // A stay whose leave was never recorded (its instance went away) lasted until
            // its connection was last seen.
            left: at(stay.left_at.unwrap_or(stay.seen_at)),
        };
        if stay.account_id == booking.row.learner_id {
            learner.push(presence);
        } else if stay.account_id == booking.row.expert_id {
            expert.push(presence);
        }
    }
    Ok((learner, expert))
}

/// Settles one session by its attendance, if it is confirmed and its room has closed.
pub async fn settle(
    s: &BookingDeps<'_>,
    id: Uuid,
    now: Timestamp,
) -> Result<Settled, BookingError> {
    let Some(row) = store::bookings::find(s.db, id).await? else {
        return Ok(Settled::Skipped);
    };
    let booking = Booking::from_row(row)?;
    let window = RoomWindow::of(booking.row.start_at, booking.row.end_at);
    if booking.status != BookingStatus::Confirmed || now < window.closes {
        return Ok(Settled::Skipped);
    }
    let (learner, expert) = stays(s, &booking).await?;
    let to =
        match domain::room::verdict(&learner, &expert, booking.row.start_at, booking.row.end_at) {
            Verdict::Outcome(to) => to,
            Verdict::Review => {
                if store::rooms::ask_review(s.db, id, now).await? {
                    tracing::info!(booking = %id, "nobody attended: an operator decides");
                }
                return Ok(Settled::Review);
            }
        };
    let minutes = |stays: &[Presence]| {
        domain::room::attendance::time_present(stays, booking.row.start_at, booking.row.end_at)
            .as_mins()
    };
    let reason = format!(
        "settled by attendance: learner {} min, expert {} min in the room",
        minutes(&learner),
        minutes(&expert)
    );
    let mut changes = TransitionUpdates::default();
    if to == BookingStatus::NoShowExpert {
        let rest = booking.row.paid_amount - booking.row.refunded_amount;
        changes.refunded_amount = Some(booking.row.paid_amount);
        crate::bookings::money::decide_refund(
            s.db,
            &booking,
            rest,
            "the expert did not come",
            now,
            &mut changes,
        )?;
    }
    let by = Attribution {
        actor: Actor::System,
        actor_id: None,
        reason: Some(&reason),
        now,
    };
    let Some(row) =
        store::bookings::transition(s.db, id, BookingStatus::Confirmed, to, &changes, by).await?
    else {
        // Someone recorded an outcome meanwhile: theirs stands.
        return Ok(Settled::Skipped);
    };
    let booking = Booking::from_row(row)?;
    if to == BookingStatus::Completed {
        notices::tell(&s.notifier(), &booking, Notice::ReviewRequest, None).await;
    } else {
        notices::announce(s.schedules.hub(), &booking).await;
    }
    crate::jobs::worker::wake();
    tracing::info!(booking = %id, status = %to, "session settled by attendance");
    Ok(Settled::Outcome(to))
}
