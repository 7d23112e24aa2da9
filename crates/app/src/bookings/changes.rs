//! Changing a confirmed booking: cancelling (refund by the frozen policy; in full when the
//! expert or an admin cancels), moving it to another free time (the learner directly; an
//! expert proposes and the learner accepts), and recording how the session went.

use crate::live::AvailabilityChange;
use domain::booking::{Actor, BookingStatus, rules};
use domain::clock::shifted;
use domain::schedule::{Booked, Interval};
use jiff::{SignedDuration, Timestamp};
use store::bookings::{Attribution, Conflict, NewBooking, TransitionUpdates};
use store::users::User;
use uuid::Uuid;

use super::notices::{self, Notice};
use super::{Booking, BookingDeps, BookingError};
use crate::FieldError;

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

/// Checks a cancellation's reason before anything is asked or done: required of experts
/// and admins (the learner is told why), at most `REASON_MAX_CHARS` from anyone.
pub fn check_cancel_reason(role: Actor, reason: &str) -> Result<(), BookingError> {
    reason_of(reason, role != Actor::Learner).map(|_| ())
}

/// A cancelled booking and what went back to the learner.
#[derive(Debug, Clone)]
pub struct Cancelled {
    /// The booking, now `cancelled`.
    pub booking: Booking,
    /// What this cancellation refunds, in minor units of the booking's currency (0 when none).
    pub refund: i64,
}

/// Cancels a confirmed booking for `user` (learner, expert or admin).
pub async fn cancel(
    s: &BookingDeps<'_>,
    user: &User,
    id: Uuid,
    reason: &str,
    now: Timestamp,
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
    let mut changes = TransitionUpdates {
        refunded_amount: Some(booking.row.refunded_amount + refund),
        bump_sequence: true,
        // The cancellation emails commit with the cancellation.
        enqueue: vec![notices::job(id, Notice::Cancelled, Some(refund), now)],
        ..TransitionUpdates::default()
    };
    super::money::decide_refund(s.db, &booking, refund, "cancelled", now, &mut changes)?;
    let by = Attribution {
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
        by,
    )
    .await?;
    let Some(row) = moved else {
        return Err(raced(s, id, BookingStatus::Cancelled).await);
    };
    let booking = Booking::from_row(row)?;
    s.schedules
        .changed(booking.row.expert_id, AvailabilityChange::Released)
        .await;
    crate::jobs::worker::wake();
    Ok(Cancelled { booking, refund })
}

/// The error for a transition that lost a race: the booking moved meanwhile.
async fn raced(s: &BookingDeps<'_>, id: Uuid, to: BookingStatus) -> BookingError {
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

/// A start as the API gives it, to the whole second (slots never have a fraction).
pub(super) fn parse_start(raw: &str) -> Result<Timestamp, BookingError> {
    raw.trim()
        .parse::<Timestamp>()
        .map(|t| domain::schedule::instant(t.as_second()))
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
    s: &BookingDeps<'_>,
    user: &User,
    id: Uuid,
    start: &str,
    now: Timestamp,
) -> Result<Moved, BookingError> {
    let start = parse_start(start)?;
    let (booking, role, _) = super::visible(s.db, user, id).await?;
    if !booking.movable(now) {
        return Err(BookingError::InvalidTransition {
            from: booking.status,
            to: BookingStatus::Rescheduled,
        });
    }
    if booking.row.reschedule_count >= s.rules.max_reschedules {
        return Err(BookingError::RescheduleLimit(booking.row.reschedule_count));
    }
    let checks = check_free(s, &booking, start, now).await?;
    if role == Actor::Expert {
        if !store::bookings::set_proposal(s.db, id, Some(start), now).await? {
            return Err(raced(s, id, BookingStatus::Rescheduled).await);
        }
        let row = store::bookings::find(s.db, id)
            .await?
            .ok_or(BookingError::NotFound)?;
        let booking = Booking::from_row(row)?;
        notices::tell(&s.notifier(), &booking, Notice::Proposed, None).await;
        return Ok(Moved::Proposed(booking));
    }
    let to = Destination { start, checks };
    move_to(s, user, role, &booking, to, None, now)
        .await
        .map(Moved::Rescheduled)
}

/// The learner accepts the expert's proposed time.
pub async fn accept_proposal(
    s: &BookingDeps<'_>,
    user: &User,
    id: Uuid,
    now: Timestamp,
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
    // A proposal is an offer to move the session before it happens.
    if now >= booking.row.start_at {
        return Err(BookingError::ProposalExpired);
    }
    if booking.row.reschedule_count >= s.rules.max_reschedules {
        return Err(BookingError::RescheduleLimit(booking.row.reschedule_count));
    }
    let checks = check_free(s, &booking, start, now).await?;
    let moved = move_to(
        s,
        user,
        role,
        &booking,
        Destination { start, checks },
        Some(ACCEPTED_PROPOSAL),
        now,
    )
    .await?;
    notices::tell(&s.notifier(), &moved, Notice::ProposalAccepted, None).await;
    Ok(moved)
}

/// The timeline's reason when a learner accepts a proposed time: stored as written (the
/// API and the audit read it), shown on pages in the viewer's language.
pub const ACCEPTED_PROPOSAL: &str = "accepted the expert's proposed time";

/// The learner declines the expert's proposed time; the booking stays as it was.
pub async fn decline_proposal(
    s: &BookingDeps<'_>,
    user: &User,
    id: Uuid,
    now: Timestamp,
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
    let kept = Booking::from_row(row)?;
    notices::tell(&s.notifier(), &kept, Notice::ProposalDeclined, None).await;
    Ok(kept)
}

/// Whether `start` is free for this booking's length, ignoring the booking itself (a
/// session may move by less than its own length).
/// Where a session moves to, and what its transaction checks again: the daily cap of that
/// day, and that the expert's rules are still the ones the time was found free under.
struct Destination {
    start: Timestamp,
    checks: MoveChecks,
}

struct MoveChecks {
    day_cap: Option<store::bookings::DayCap>,
    rules_seen: Option<String>,
}

/// Whether the session could move to `start` by the (cached) schedule; what the move's
/// transaction must check again.
async fn check_free(
    s: &BookingDeps<'_>,
    booking: &Booking,
    start: Timestamp,
    now: Timestamp,
) -> Result<MoveChecks, BookingError> {
    let Some(mut schedule) = s.schedules.schedule(s.db, booking.row.expert_id).await? else {
        return Err(BookingError::NotFound);
    };
    if !schedule.bookable {
        return Err(BookingError::ExpertNotBookable);
    }
    let own = std::sync::Arc::make_mut(&mut schedule);
    let itself = Booked::stored(
        booking.row.start_at,
        Interval::between(booking.row.blocked_from, booking.row.blocked_to),
    );
    own.booked.retain(|b| b.booked != itself);
    let minutes = u16::try_from(booking.row.duration_minutes).unwrap_or(u16::MAX);
    let free = own
        .slots(
            start,
            shifted(start, SignedDuration::from_secs(1)),
            now,
            minutes,
        )
        .iter()
        .any(|slot| slot.start_at() == start);
    if !free {
        return Err(BookingError::SlotUnavailable);
    }
    Ok(MoveChecks {
        day_cap: own
            .rules
            .as_ref()
            .and_then(|rules| super::day_cap_at(rules, start)),
        rules_seen: own.rules_document.clone(),
    })
}

async fn move_to(
    s: &BookingDeps<'_>,
    user: &User,
    role: Actor,
    booking: &Booking,
    to: Destination,
    reason: Option<&str>,
    now: Timestamp,
) -> Result<Booking, BookingError> {
    let row = &booking.row;
    let start = to.start;
    let shift = row.start_at.duration_until(start);
    let new = NewBooking {
        id: s.db.new_id(),
        expert_id: row.expert_id,
        learner_id: row.learner_id,
        status: BookingStatus::Confirmed,
        start_at: start,
        end_at: shifted(row.end_at, shift),
        blocked_from: shifted(row.blocked_from, shift),
        blocked_to: shifted(row.blocked_to, shift),
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
        refunded_amount: row.refunded_amount,
        // The refund stays measured from the session's first start: moving a session
        // later cannot buy back what the policy already took.
        policy_start_at: row.policy_start_at,
        reschedule_count: row.reschedule_count + 1,
        commission_bps: row.commission_bps,
    };
    let by = Attribution {
        actor: role,
        actor_id: Some(user.id),
        reason,
        now,
    };
    let limits = store::bookings::HoldLimits {
        max_held: u64::MAX,
        day_cap: to.checks.day_cap,
        rules_seen: Some(to.checks.rules_seen.as_deref()),
    };
    let previous_start = row.start_at;
    match store::bookings::reschedule(s.db, row.id, &new, by, limits).await? {
        Ok(row) => {
            let booking = Booking::from_row(row)?;
            s.schedules
                .changed(booking.row.expert_id, AvailabilityChange::Released)
                .await;
            notices::tell_moved(&s.notifier(), &booking, previous_start, now).await;
            // The new time's reminders (the old ones find the session moved and stay
            // quiet), its outside meeting (Zoom, Google Meet) and its event in the
            // expert's calendar moved at once, whenever the email goes.
            let meeting = crate::jobs::video_meeting::job(
                booking.row.id,
                booking.status.as_str(),
                booking.row.start_at,
                now,
            );
            let event = crate::jobs::calendar_event::job(
                booking.row.id,
                booking.status.as_str(),
                booking.row.start_at,
                now,
            );
            let reminders = crate::jobs::reminder::jobs(booking.row.id, booking.row.start_at, now);
            for job in reminders.into_iter().chain([meeting, event]) {
                if let Err(e) = crate::jobs::enqueue_job(s.db, &job).await {
                    tracing::error!(error = %e, booking = %booking.row.id, kind = job.kind, "a job of a move could not be scheduled");
                }
            }
            crate::jobs::worker::wake();
            Ok(booking)
        }
        Err(None) => Err(raced(s, row.id, BookingStatus::Rescheduled).await),
        Err(Some(Conflict::SlotTaken)) => Err(BookingError::SlotUnavailable),
        Err(Some(Conflict::LearnerBusy)) => Err(BookingError::LearnerBusy),
        Err(Some(Conflict::HoldLimit)) => Err(BookingError::TooManyHolds(0)),
        Err(Some(Conflict::RulesChanged)) => {
            s.schedules
                .changed(row.expert_id, AvailabilityChange::RulesChanged)
                .await;
            Err(BookingError::SlotUnavailable)
        }
    }
}

/// The expert's side of a dispute (a learner's no-show claim, or a contested completed
/// session), written on the timeline for the admin who settles it. The booking stays
/// disputed; the expert may add to it until it is resolved.
pub async fn answer_dispute(
    s: &BookingDeps<'_>,
    user: &User,
    id: Uuid,
    answer: &str,
    now: Timestamp,
) -> Result<Booking, BookingError> {
    let (booking, role, _) = super::visible(s.db, user, id).await?;
    if role != Actor::Expert {
        return Err(BookingError::NotYours);
    }
    if booking.status != BookingStatus::Disputed {
        return Err(BookingError::InvalidTransition {
            from: booking.status,
            to: BookingStatus::Disputed,
        });
    }
    let answer = reason_of(answer, true)
        .map_err(|e| match e {
            BookingError::Invalid(fields) => BookingError::Invalid(
                fields
                    .into_iter()
                    .map(|f| FieldError {
                        field: "answer",
                        ..f
                    })
                    .collect(),
            ),
            other => other,
        })?
        .unwrap_or_default();
    let said = format!("answers the dispute: {answer}");
    let by = Attribution {
        actor: role,
        actor_id: Some(user.id),
        reason: Some(&said),
        now,
    };
    if !store::bookings::note(s.db, id, BookingStatus::Disputed, by).await? {
        return Err(raced(s, id, BookingStatus::Disputed).await);
    }
    let row = store::bookings::find(s.db, id)
        .await?
        .ok_or(BookingError::NotFound)?;
    Booking::from_row(row)
}

/// How an admin settles a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Settlement {
    /// The learner gets back everything not yet refunded.
    RefundLearner,
    /// The session stands as delivered; nothing is refunded.
    ExpertPaid,
}

/// Records how a session went, or a dispute and its resolution. Who may: an admin for
/// `completed` and `no_show_learner`, and the expert too where the room reports no
/// attendance (Jitsi, Google Meet; elsewhere attendance settles it); an admin for
/// `no_show_expert` (refunded in full). A learner's `no_show_expert` on a confirmed
/// session is a claim, not a verdict: from 15 minutes after the start it opens a dispute
/// the expert can answer and an admin settles. The side a settled outcome went against
/// disputes it within the payout delay of the outcome, an admin at any time; an admin
/// resolves a dispute with a `settlement` (refund the learner, or pay the expert).
/// Outcomes only once the session has started.
pub async fn record_outcome(
    s: &BookingDeps<'_>,
    user: &User,
    id: Uuid,
    to: BookingStatus,
    reason: &str,
    settlement: Option<Settlement>,
    now: Timestamp,
) -> Result<Booking, BookingError> {
    use BookingStatus::*;
    let (booking, role, _) = super::visible(s.db, user, id).await?;
    let (to, claim) = rules::outcome_requested(to, role);
    // A claim that the expert did not come is about a session still confirmed; on one
    // already settled it is a dispute like any other (the window, a reason).
    let claim = claim && booking.status == Confirmed;
    let Some(may) = rules::may_record(to, role) else {
        return Err(BookingError::InvalidTransition {
            from: booking.status,
            to,
        });
    };
    let reason = reason_of(reason, matches!(to, Disputed | Resolved) && !claim)?;
    // Only a claim disputes a session that has not been marked completed.
    let legal =
        booking.status.can_become(to) && (claim || (booking.status, to) != (Confirmed, Disputed));
    if !legal
        || (matches!(to, Completed | NoShowLearner | NoShowExpert | Disputed)
            && now < booking.row.start_at)
    {
        return Err(BookingError::InvalidTransition {
            from: booking.status,
            to,
        });
    }
    // A settled outcome is disputed by the side it went against. Within the payout delay
    // the expert's share waits; a dispute an operator opens later and settles for the
    // learner takes back what was transferred first (`payments::transfers`).
    let contest = to == Disputed && !claim && booking.status != Confirmed;
    let may = if contest {
        rules::may_dispute(booking.status, role)
    } else {
        may
    };
    if !may {
        return Err(BookingError::NotYours);
    }
    if role == Actor::Expert
        && matches!(to, Completed | NoShowLearner)
        && crate::rooms::met_on(s.db, &booking)
            .await?
            .reports_attendance()
    {
        return Err(BookingError::SettledByAttendance);
    }
    // The participants' window is the payout delay after the outcome: once it closed, the
    // expert's share is on its way and the outcome stands (an operator can still open a
    // dispute for someone who wrote to support).
    let decided_at = if contest {
        store::bookings::entered(s.db, id, booking.status)
            .await?
            .unwrap_or(booking.row.updated_at)
    } else {
        booking.row.updated_at
    };
    if contest && role != Actor::Admin && now >= shifted(decided_at, s.rules.payout_delay) {
        return Err(BookingError::DisputeWindowClosed {
            hours: s.rules.payout_delay.as_hours(),
        });
    }

    if claim && now < shifted(booking.row.start_at, super::NO_SHOW_CLAIM_AFTER) {
        return Err(BookingError::TooEarly {
            minutes: super::NO_SHOW_CLAIM_AFTER.as_mins(),
        });
    }
    let settlement = match (to, settlement) {
        (Resolved, None) => {
            return Err(BookingError::Invalid(vec![FieldError {
                field: "settlement",
                message_id: "booking-settlement-required",
            }]));
        }
        (Resolved, Some(s)) => Some(s),
        _ => None,
    };
    let mut changes = TransitionUpdates::default();
    if matches!(
        (to, settlement),
        (NoShowExpert, _) | (Resolved, Some(Settlement::RefundLearner))
    ) {
        let rest = booking.row.paid_amount - booking.row.refunded_amount;
        changes.refunded_amount = Some(booking.row.paid_amount);
        let why = if to == NoShowExpert {
            "the expert did not come"
        } else {
            "a dispute settled for the learner"
        };
        super::money::decide_refund(s.db, &booking, rest, why, now, &mut changes)?;
    }
    let claim_reason = claim.then(|| match &reason {
        Some(r) => format!("claims the expert did not come: {r}"),
        None => "claims the expert did not come".to_owned(),
    });
    let settled_reason = settlement.map(|s| {
        let how = match s {
            Settlement::RefundLearner => "refunded the learner",
            Settlement::ExpertPaid => "the session stands",
        };
        format!("{how}: {}", reason.as_deref().unwrap_or(""))
    });
    let by = Attribution {
        actor: role,
        actor_id: Some(user.id),
        reason: claim_reason
            .as_deref()
            .or(settled_reason.as_deref())
            .or(reason.as_deref()),
        now,
    };
    let row = match store::bookings::transition(s.db, id, booking.status, to, &changes, by).await? {
        Some(row) => row,
        None => return Err(raced(s, id, to).await),
    };
    let booking = Booking::from_row(row)?;
    if claim {
        notices::tell(&s.notifier(), &booking, Notice::NoShowClaimed, None).await;
    } else if booking.status == Completed {
        notices::tell(&s.notifier(), &booking, Notice::ReviewRequest, None).await;
    } else {
        notices::announce(s.schedules.hub(), &booking).await;
    }
    Ok(booking)
}

/// An operator gives (part of) a paid booking's money back, with a reason, whatever its
/// status (except a booking a move replaced: the one that stands for the session holds
/// the money): `amount` in minor units of the booking's currency, at most what is left
/// (less what a lost chargeback took) and in steps the provider can refund; never while
/// a chargeback is open (the bank holds the money). `refunded_before`, when given, is
/// the refunded total the operator saw: a repeated request (a retry, a double click)
/// finds it changed and refunds nothing more. The refund is decided with its ledger
/// journal and job in one transaction, and the booking's timeline records who did it and
/// why. When the expert was paid out already, the job takes their part back first.
pub async fn refund_by_operator(
    s: &BookingDeps<'_>,
    operator: &User,
    id: Uuid,
    amount: i64,
    refunded_before: Option<i64>,
    reason: &str,
    now: Timestamp,
) -> Result<Booking, BookingError> {
    let reason = reason_of(reason, true)?.unwrap_or_default();
    let row = store::bookings::find(s.db, id)
        .await?
        .ok_or(BookingError::NotFound)?;
    let booking = Booking::from_row(row)?;
    if booking.status == BookingStatus::Rescheduled {
        return Err(BookingError::InvalidTransition {
            from: booking.status,
            to: booking.status,
        });
    }
    let invalid = |field, message_id| {
        Err(BookingError::Invalid(vec![FieldError {
            field,
            message_id,
        }]))
    };
    if refunded_before.is_some_and(|seen| seen != booking.row.refunded_amount) {
        return invalid("refunded_before", "refund-changed-meanwhile");
    }
    let disputes = store::disputes::for_booking(s.db, id).await?;
    if disputes.iter().any(|d| d.outcome.is_none()) {
        return invalid("amount", "refund-while-disputed");
    }
    let lost: i64 = disputes
        .iter()
        .filter(|d| d.outcome.as_deref() == Some("lost"))
        .map(|d| d.amount)
        .sum();
    let left = booking.row.paid_amount - booking.row.refunded_amount - lost;
    let code = super::money::stored_currency(&booking.row.currency)?;
    if amount <= 0 || amount > left || amount % super::money::step(code) != 0 {
        return invalid("amount", "refund-amount-invalid");
    }
    let mut changes = TransitionUpdates {
        refunded_amount: Some(booking.row.refunded_amount + amount),
        ..TransitionUpdates::default()
    };
    super::money::decide_refund(s.db, &booking, amount, &reason, now, &mut changes)?;
    let why = format!(
        "refunded {} by an operator: {reason}",
        notices::money(amount, &booking.row.currency)
    );
    let by = Attribution {
        actor: Actor::Admin,
        actor_id: Some(operator.id),
        reason: Some(&why),
        now,
    };
    let status = booking.status;
    match store::bookings::transition(s.db, id, status, status, &changes, by).await? {
        Some(row) => Booking::from_row(row),
        // The refunded total changed meanwhile (`decide_refund` guards it): refused, not
        // decided again, so a repeated request never refunds twice.
        None => invalid("refunded_before", "refund-changed-meanwhile"),
    }
}
