//! Changing a confirmed booking: cancelling (refund by the frozen policy; in full when the
//! expert or an admin cancels), moving it to another free time (the learner directly; an
//! expert proposes and the learner accepts), and recording how the session went.

use domain::booking::{Actor, BookingStatus};
use jiff::Timestamp;
use store::bookings::{Changes, Conflict, NewBooking, Step};
use store::users::User;
use uuid::Uuid;

use super::notices::{self, Notice};
use super::{Booking, BookingError, Services};
use crate::accounts::FieldError;

/// The longest reason kept on a timeline.
pub const REASON_MAX_CHARS: usize = 500;

fn reason_of(raw: &str, required: bool) -> Result<Option<String>, BookingError> {
    let reason = raw.trim();
    if reason.chars().count() > REASON_MAX_CHARS {
        return Err(BookingError::Invalid(vec![FieldError {
            field: "reason",
            message_id: "booking-reason-too-long",
        }]));
    }
    if reason.is_empty() {
        if required {
            return Err(BookingError::Invalid(vec![FieldError {
                field: "reason",
                message_id: "booking-reason-required",
            }]));
        }
        return Ok(None);
    }
    Ok(Some(reason.to_owned()))
}

/// A cancelled booking and what went back to the learner.
#[derive(Debug, Clone)]
pub struct Cancelled {
    pub booking: Booking,
    pub refund: i64,
}

/// Cancels a confirmed booking for `user` (learner, expert or admin).
pub async fn cancel(
    s: &Services<'_>,
    user: &User,
    id: Uuid,
    reason: &str,
    now: i64,
) -> Result<Cancelled, BookingError> {
    let (booking, role, _) = super::visible(s.db, user, id).await?;
    let reason = reason_of(reason, role != Actor::Learner)?;
    if booking.status != BookingStatus::Confirmed {
        return Err(BookingError::InvalidTransition {
            from: booking.status,
            to: BookingStatus::Cancelled,
        });
    }
    let refund = booking.refund_if_cancelled(role, now);
    let changes = Changes {
        refunded_amount: Some(booking.row.refunded_amount + refund),
        bump_sequence: true,
        ..Changes::default()
    };
    let step = Step {
        actor: role,
        actor_id: Some(user.id),
        reason: reason.as_deref(),
        now,
    };
    let moved = store::bookings::transition(
        s.db,
        id,
        BookingStatus::Confirmed,
        BookingStatus::Cancelled,
        &changes,
        step,
    )
    .await?;
    let Some(row) = moved else {
        return Err(raced(s, id, BookingStatus::Cancelled).await);
    };
    let booking = Booking::from_row(row)?;
    s.schedules.changed(booking.row.expert_id).await;
    notices::tell(
        s.db,
        s.mailer,
        s.base,
        &booking,
        Notice::Cancelled,
        Some(refund),
    )
    .await;
    Ok(Cancelled { booking, refund })
}

/// The error for a transition that lost a race: the booking moved meanwhile.
async fn raced(s: &Services<'_>, id: Uuid, to: BookingStatus) -> BookingError {
    match store::bookings::find(s.db, id).await {
        Ok(Some(row)) => match row.status() {
            Ok(from) => BookingError::InvalidTransition { from, to },
            Err(e) => e.into(),
        },
        Ok(None) => BookingError::NotFound,
        Err(e) => e.into(),
    }
}

/// What asking to move a booking came to.
#[derive(Debug, Clone)]
pub enum Moved {
    /// The booking that now stands for the session (the old one is `rescheduled`).
    Rescheduled(Booking),
    /// The expert's proposal waits for the learner.
    Proposed(Booking),
}

fn parse_start(raw: &str) -> Result<i64, BookingError> {
    raw.trim()
        .parse::<Timestamp>()
        .map(|t| t.as_second())
        .map_err(|_| {
            BookingError::Invalid(vec![FieldError {
                field: "start",
                message_id: "booking-start-invalid",
            }])
        })
}

/// Moves a confirmed booking to `start`. The learner (or an admin) moves it at once; the
/// expert's new time is a proposal the learner accepts or declines.
pub async fn reschedule(
    s: &Services<'_>,
    user: &User,
    id: Uuid,
    start: &str,
    now: i64,
) -> Result<Moved, BookingError> {
    let start = parse_start(start)?;
    let (booking, role, _) = super::visible(s.db, user, id).await?;
    let movable = booking.status == BookingStatus::Confirmed && booking.row.start_at > now;
    if !movable {
        return Err(BookingError::InvalidTransition {
            from: booking.status,
            to: BookingStatus::Rescheduled,
        });
    }
    check_free(s, &booking, start, now).await?;
    if role == Actor::Expert {
        if !store::bookings::set_proposal(s.db, id, Some(start), now).await? {
            return Err(raced(s, id, BookingStatus::Rescheduled).await);
        }
        let row = store::bookings::find(s.db, id)
            .await?
            .ok_or(BookingError::NotFound)?;
        let booking = Booking::from_row(row)?;
        notices::tell(s.db, s.mailer, s.base, &booking, Notice::Proposed, None).await;
        return Ok(Moved::Proposed(booking));
    }
    move_to(s, user, role, &booking, start, None, now)
        .await
        .map(Moved::Rescheduled)
}

/// The learner accepts the expert's proposed time.
pub async fn accept_proposal(
    s: &Services<'_>,
    user: &User,
    id: Uuid,
    now: i64,
) -> Result<Booking, BookingError> {
    let (booking, role, _) = super::visible(s.db, user, id).await?;
    if role != Actor::Learner {
        return Err(BookingError::NotYours);
    }
    let Some(start) = booking.row.proposed_start else {
        return Err(BookingError::NoProposal);
    };
    if booking.status != BookingStatus::Confirmed {
        return Err(BookingError::InvalidTransition {
            from: booking.status,
            to: BookingStatus::Rescheduled,
        });
    }
    check_free(s, &booking, start, now).await?;
    move_to(
        s,
        user,
        role,
        &booking,
        start,
        Some("accepted the expert's proposed time"),
        now,
    )
    .await
}

/// The learner declines the expert's proposed time; the booking stays as it was.
pub async fn decline_proposal(
    s: &Services<'_>,
    user: &User,
    id: Uuid,
    now: i64,
) -> Result<Booking, BookingError> {
    let (booking, role, _) = super::visible(s.db, user, id).await?;
    if role != Actor::Learner {
        return Err(BookingError::NotYours);
    }
    if booking.row.proposed_start.is_none() {
        return Err(BookingError::NoProposal);
    }
    store::bookings::set_proposal(s.db, id, None, now).await?;
    let row = store::bookings::find(s.db, id)
        .await?
        .ok_or(BookingError::NotFound)?;
    Booking::from_row(row)
}

/// Whether `start` is free for this booking's length, ignoring the booking itself (a
/// session may move by less than its own length).
async fn check_free(
    s: &Services<'_>,
    booking: &Booking,
    start: i64,
    now: i64,
) -> Result<(), BookingError> {
    let Some(mut schedule) = s.schedules.schedule(s.db, booking.row.expert_id).await? else {
        return Err(BookingError::NotFound);
    };
    if !schedule.bookable {
        return Err(BookingError::ExpertNotBookable);
    }
    let own = std::sync::Arc::make_mut(&mut schedule);
    own.booked.retain(|b| {
        !(b.booked.start == booking.row.start_at
            && b.booked.blocked.start == booking.row.blocked_from
            && b.booked.blocked.end == booking.row.blocked_to)
    });
    let minutes = u16::try_from(booking.row.duration_minutes).unwrap_or(u16::MAX);
    let free = own
        .slots(start, start + 1, now, minutes)
        .iter()
        .any(|slot| slot.start == start);
    if free {
        Ok(())
    } else {
        Err(BookingError::SlotUnavailable)
    }
}

async fn move_to(
    s: &Services<'_>,
    user: &User,
    role: Actor,
    booking: &Booking,
    start: i64,
    reason: Option<&str>,
    now: i64,
) -> Result<Booking, BookingError> {
    let row = &booking.row;
    let shift = start - row.start_at;
    let new = NewBooking {
        id: Uuid::now_v7(),
        expert_id: row.expert_id,
        learner_id: row.learner_id,
        status: BookingStatus::Confirmed,
        start_at: start,
        end_at: row.end_at + shift,
        blocked_from: row.blocked_from + shift,
        blocked_to: row.blocked_to + shift,
        duration_minutes: row.duration_minutes,
        hold_expires_at: now,
        price_amount: row.price_amount,
        currency: row.currency.clone(),
        policy: row.policy.clone(),
        note: row.note.clone(),
        series_id: row.series_id,
        sequence: row.sequence + 1,
        rescheduled_from: Some(row.id),
        payment_provider: row.payment_provider.clone(),
        payment_ref: row.payment_ref.clone(),
        paid_amount: row.paid_amount,
    };
    let step = Step {
        actor: role,
        actor_id: Some(user.id),
        reason,
        now,
    };
    match store::bookings::reschedule(s.db, row.id, &new, step).await? {
        Ok(row) => {
            let booking = Booking::from_row(row)?;
            s.schedules.changed(booking.row.expert_id).await;
            notices::tell(s.db, s.mailer, s.base, &booking, Notice::Rescheduled, None).await;
            Ok(booking)
        }
        Err(None) => Err(raced(s, row.id, BookingStatus::Rescheduled).await),
        Err(Some(Conflict::SlotTaken)) => Err(BookingError::SlotUnavailable),
        Err(Some(Conflict::LearnerBusy)) => Err(BookingError::LearnerBusy),
    }
}

/// Records how a session went, or a dispute and its resolution. Who may: the expert or an
/// admin for `completed` and `no_show_learner`; the learner or an admin for
/// `no_show_expert` (refunded in full); the learner disputes a completed session; an admin
/// resolves a dispute. Outcomes only once the session has started.
pub async fn record_outcome(
    s: &Services<'_>,
    user: &User,
    id: Uuid,
    to: BookingStatus,
    reason: &str,
    now: i64,
) -> Result<Booking, BookingError> {
    use BookingStatus::*;
    let (booking, role, _) = super::visible(s.db, user, id).await?;
    let allowed: &[Actor] = match to {
        Completed | NoShowLearner => &[Actor::Expert, Actor::Admin],
        NoShowExpert => &[Actor::Learner, Actor::Admin],
        Disputed => &[Actor::Learner],
        Resolved => &[Actor::Admin],
        other => {
            return Err(BookingError::InvalidTransition {
                from: booking.status,
                to: other,
            });
        }
    };
    let reason = reason_of(reason, matches!(to, Disputed | Resolved))?;
    if !booking.status.can_become(to)
        || (matches!(to, Completed | NoShowLearner | NoShowExpert) && now < booking.row.start_at)
    {
        return Err(BookingError::InvalidTransition {
            from: booking.status,
            to,
        });
    }
    if !allowed.contains(&role) {
        return Err(BookingError::NotYours);
    }
    let changes = if to == NoShowExpert {
        Changes {
            refunded_amount: Some(booking.row.paid_amount),
            ..Changes::default()
        }
    } else {
        Changes::default()
    };
    let step = Step {
        actor: role,
        actor_id: Some(user.id),
        reason: reason.as_deref(),
        now,
    };
    match store::bookings::transition(s.db, id, booking.status, to, &changes, step).await? {
        Some(row) => Booking::from_row(row),
        None => Err(raced(s, id, to).await),
    }
}
