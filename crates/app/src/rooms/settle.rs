//! After a room closes, its attendance becomes the session's outcome (see
//! `domain::room::attendance` for the rules): the `attendance_settle` job looks every few
//! minutes for confirmed sessions whose room has closed. The outcome is an ordinary
//! guarded transition made by the system, with the time each side spent in the room on
//! the timeline; refunds and the payout follow as they do for an admin's verdict (a
//! `no_show_expert` refunds the learner in full). Any running recording stops.
//!
//! How far attendance is trusted depends on where the session met:
//! - the built-in room sees every join and leave itself: all four outcomes apply;
//! - Zoom reports participants by an email it does not always know, so a session it
//!   saw both sides in completes, and anything less goes to an operator rather than
//!   refunding or charging anyone on possibly missing reports;
//! - Jitsi and Google Meet report nothing: those sessions are left for the expert to
//!   record (and the learner to contest), as before rooms existed.
//!
//! A session nobody attended waits for an operator, who decides with the admin outcome
//! transitions. The side an outcome went against may dispute it.

use domain::booking::{Actor, BookingStatus};
use domain::room::{Presence, RoomWindow, Verdict, VideoProvider};
use jiff::Timestamp;
use store::bookings::{Attribution, TransitionUpdates};
use store::rooms::Unsettled;
use uuid::Uuid;

use crate::bookings::notices::{self, Notice};
use crate::bookings::{Booking, BookingDeps, BookingError};

/// What settling one session came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// It now stands in this status.
    Outcome(BookingStatus),
    /// Attendance could not settle it (see `Unsettled`).
    Left(Unsettled),
    /// Nothing to do (not confirmed any more, or its room has not closed).
    Skipped,
}

/// Settles every confirmed session whose room closed by `now`. A session that fails is
/// logged and left for the next run; the others go on. Returns how many were settled
/// or left for someone.
pub async fn sweep(s: &BookingDeps<'_>, now: Timestamp) -> Result<usize, BookingError> {
    let ended_by = domain::clock::shifted(now, -domain::room::window::CLOSES_AFTER);
    let mut done = 0;
    for id in store::rooms::unsettled(s.db, ended_by, 100).await? {
        match settle(s, id, now).await {
            Ok(Settled::Skipped) => {}
            Ok(_) => done += 1,
            Err(e) => {
                tracing::error!(booking = %id, error = %e, "settling a session by attendance failed")
            }
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
    store::recordings::stop_all(s.db, id, now).await?;
    let provider = super::met_on(s.db, &booking).await?;
    if matches!(provider, VideoProvider::Jitsi | VideoProvider::GoogleMeet) {
        store::rooms::not_settled(s.db, id, Unsettled::Unreported, now).await?;
        return Ok(Settled::Left(Unsettled::Unreported));
    }
    let (learner, expert) = stays(s, &booking).await?;
    let verdict =
        domain::room::verdict(&learner, &expert, booking.row.start_at, booking.row.end_at);
    let to = match (verdict, provider) {
        (Verdict::Outcome(BookingStatus::Completed), _) => BookingStatus::Completed,
        (Verdict::Outcome(_), VideoProvider::Zoom) => {
            store::rooms::not_settled(s.db, id, Unsettled::OneSide, now).await?;
            return Ok(Settled::Left(Unsettled::OneSide));
        }
        (Verdict::Outcome(to), _) => to,
        (Verdict::Review, _) => {
            if store::rooms::not_settled(s.db, id, Unsettled::Nobody, now).await? {
                tracing::info!(booking = %id, "nobody attended: an operator decides");
            }
            return Ok(Settled::Left(Unsettled::Nobody));
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

/// A session attendance could not settle, as operators see it listed.
#[derive(Debug, Clone)]
pub struct AwaitingVerdict {
    /// The session.
    pub booking: Booking,
    /// The learner's and the expert's names.
    pub names: (String, String),
}

/// The sessions waiting for an operator's verdict on attendance, oldest first.
pub async fn awaiting_verdict(db: &store::Database) -> Result<Vec<AwaitingVerdict>, BookingError> {
    let mut out = Vec::new();
    for id in store::rooms::awaiting_review(db, 100).await? {
        if let Some(row) = store::bookings::find(db, id).await? {
            let booking = Booking::from_row(row)?;
            let names =
                crate::bookings::lists::names(db, &[booking.row.learner_id, booking.row.expert_id])
                    .await?;
            let name = |id| names.get(&id).cloned().unwrap_or_default();
            out.push(AwaitingVerdict {
                names: (name(booking.row.learner_id), name(booking.row.expert_id)),
                booking,
            });
        }
    }
    Ok(out)
}
