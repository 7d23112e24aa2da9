//! Holding a slot: checked against the expert's rules at this instant, then placed by the
//! store, which is what guarantees nobody else gets the same time.

use super::notices::{self, Notice};
use crate::live::AvailabilityChange;
use domain::SecretDigest;
use domain::booking::{Actor, BookingStatus};
use domain::clock::shifted;
use domain::schedule::{Booked, Interval};
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::bookings::{Attribution, HoldOutcome, NewBooking};
use store::idempotency::IdempotencyKey;
use store::users::User;
use uuid::Uuid;

use super::{Booking, BookingError, BookingRules, SANDBOX_PROVIDER};
use crate::FieldError;
use crate::scheduling::schedule::BookedSpan;
use crate::scheduling::{ScheduleCache, slots};
use crate::throttle::Throttle;

/// The longest note a learner may leave for the expert.
pub const NOTE_MAX_CHARS: usize = 2000;

/// A slot to hold, as `POST /api/v1/bookings` takes it.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct HoldRequest {
    /// The expert's id (or profile slug).
    pub expert_id: String,
    /// RFC 3339; one of the expert's free slots.
    #[schema(format = DateTime)]
    pub start: String,
    /// The session length; one the expert offers.
    pub duration_minutes: i64,
    /// A message for the expert about what the learner wants from the session.
    #[serde(default)]
    pub note: Option<String>,
}

/// A placed hold, and whether it is a replay of an earlier identical request.
#[derive(Debug, Clone)]
pub struct Held {
    /// The held booking (`held` until paid or expired).
    pub booking: Booking,
    /// True when the same idempotency key and body placed this hold before; nothing new was made.
    pub replayed: bool,
}

struct Checked {
    start: Timestamp,
    minutes: u16,
    note: Option<String>,
}

fn check(req: &HoldRequest) -> Result<Checked, BookingError> {
    let mut errors = Vec::new();
    let start = super::changes::parse_start(&req.start).ok();
    if start.is_none() {
        errors.push(FieldError {
            field: "start",
            message_id: "booking-start-invalid",
        });
    }
    let minutes = u16::try_from(req.duration_minutes)
        .ok()
        .filter(|m| (5..=480).contains(m));
    if minutes.is_none() {
        errors.push(FieldError {
            field: "duration_minutes",
            message_id: "booking-duration-invalid",
        });
    }
    let note = req
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > NOTE_MAX_CHARS)
    {
        errors.push(FieldError {
            field: "note",
            message_id: "booking-note-too-long",
        });
    }
    match (start, minutes) {
        (Some(start), Some(minutes)) if errors.is_empty() => Ok(Checked {
            start,
            minutes,
            note,
        }),
        _ => Err(BookingError::Invalid(errors)),
    }
}

/// What makes two requests "the same" for an idempotency key: the SHA-256 of the checked
/// request, so `10:00:00Z` and `11:00:00+01:00` count as one.
fn fingerprint(expert: Uuid, c: &Checked) -> String {
    let canonical = format!(
        "{expert}\n{}\n{}\n{}",
        c.start.as_second(),
        c.minutes,
        c.note.as_deref().unwrap_or("")
    );
    SecretDigest::of(&canonical).as_str().to_owned()
}

/// Holds the slot for `learner`. With an idempotency key, a repeat of the same request
/// returns the same booking (even after the slot stopped being free).
#[allow(clippy::too_many_arguments)]
pub async fn hold(
    db: &Database,
    schedules: &ScheduleCache,
    calendars: &crate::calendars::Calendars,
    throttle: &Throttle,
    rules: &BookingRules,
    learner: &User,
    req: &HoldRequest,
    idempotency_key: Option<&str>,
    now: Timestamp,
) -> Result<Held, BookingError> {
    // Holds take time from everyone else: only confirmed addresses may place them, and
    // only so many, so one account cannot empty an expert's calendar.
    if !learner.email_verified {
        return Err(BookingError::EmailUnverified);
    }
    let checked = check(req)?;
    let expert = slots::resolve(db, req.expert_id.trim())
        .await
        .map_err(|_| BookingError::Invalid(vec![expert_unknown()]))?;
    let key = idempotency_key.map(|key| IdempotencyKey {
        key: key.to_owned(),
        fingerprint: fingerprint(expert, &checked),
    });
    if let Some(key) = &key
        && let Some(done) = store::bookings::replay(db, learner.id, key).await?
    {
        return held_from(db, done, schedules, expert, rules).await;
    }
    if expert == learner.id {
        return Err(BookingError::OwnSession);
    }
    throttle
        .check(
            &format!("hold:account:{}", learner.id.simple()),
            throttle.limits.holds_per_account,
        )
        .await
        .map_err(BookingError::RateLimited)?;
    // The expert's outside calendars, read again first when their busy times are older
    // than `fresh_for_holds` (so a meeting they added a few minutes ago is not taken).
    crate::calendars::sync::refresh_for_hold(db, calendars, schedules, expert).await;
    let schedule = schedules
        .schedule(db, expert)
        .await?
        .ok_or_else(|| BookingError::Invalid(vec![expert_unknown()]))?;
    if !schedule.bookable {
        return Err(BookingError::ExpertNotBookable);
    }
    let Some(availability) = schedule.rules.as_ref() else {
        return Err(BookingError::SlotUnavailable);
    };
    if !schedule.durations().contains(&checked.minutes) {
        return Err(BookingError::Invalid(vec![FieldError {
            field: "duration_minutes",
            message_id: "booking-duration-not-offered",
        }]));
    }
    let free = schedule
        .slots(
            checked.start,
            shifted(checked.start, SignedDuration::from_secs(1)),
            now,
            checked.minutes,
        )
        .iter()
        .any(|s| s.start_at() == checked.start);
    if !free {
        // A twin request with the same key may have taken the slot since the replay check
        // above: then this is its repeat, not a request for a taken slot.
        if let Some(key) = &key
            && let Some(done) = store::bookings::replay(db, learner.id, key).await?
        {
            return held_from(db, done, schedules, expert, rules).await;
        }
        return Err(BookingError::SlotUnavailable);
    }
    let Some(&(_, price)) = schedule
        .prices
        .iter()
        .find(|(m, _)| *m == i32::from(checked.minutes))
    else {
        return Err(BookingError::SlotUnavailable);
    };
    // What the provider would refuse is refused before anything is held or charged.
    let code = domain::profile::CurrencyCode::parse(&schedule.currency)
        .map_err(|_| BookingError::ExpertNotBookable)?;
    domain::payment::StripeCurrency::of(code)
        .and_then(|c| c.chargeable(price))
        .map_err(BookingError::NotChargeable)?;
    // The platform's rate, or the one an operator set for this expert, frozen now.
    let commission_bps = store::experts::commission_bps(db, expert)
        .await?
        .unwrap_or(i32::from(rules.commission_bps));
    let end = shifted(
        checked.start,
        SignedDuration::from_mins(i64::from(checked.minutes)),
    );
    let widened = Booked::new(
        checked.start,
        end,
        availability.buffer_before_minutes,
        availability.buffer_after_minutes,
    );
    let id = db.new_id();
    let new = NewBooking {
        id,
        expert_id: expert,
        learner_id: learner.id,
        status: BookingStatus::Held,
        start_at: checked.start,
        end_at: end,
        blocked_from: widened.blocked.start_at(),
        blocked_to: widened.blocked.end_at(),
        duration_minutes: i32::from(checked.minutes),
        hold_expires_at: shifted(now, SignedDuration::from_mins(rules.hold_minutes)),
        price_amount: price,
        currency: schedule.currency.clone(),
        policy: availability.cancellation_policy.policy().to_stored(),
        note: checked.note.clone(),
        series_id: id,
        sequence: 0,
        rescheduled_from: None,
        payment_provider: if rules.test_mode {
            SANDBOX_PROVIDER
        } else {
            super::money::STRIPE_PROVIDER
        }
        .to_owned(),
        payment_ref: None,
        paid_amount: 0,
        refunded_amount: 0,
        policy_start_at: checked.start,
        reschedule_count: 0,
        commission_bps,
    };
    let by = Attribution {
        actor: Actor::Learner,
        actor_id: Some(learner.id),
        reason: None,
        now,
    };
    // The cache said the day had room; the hold's transaction makes sure (two holds for
    // different times on one capped day may race past the cache together).
    let limits = store::bookings::HoldLimits {
        max_held: rules.max_active_holds,
        day_cap: super::day_cap_at(availability, checked.start),
        rules_seen: Some(schedule.rules_document.as_deref()),
    };
    let outcome = store::bookings::hold_limited(db, &new, key.as_ref(), by, limits).await?;
    if outcome == HoldOutcome::Refused(store::bookings::Conflict::RulesChanged) {
        // This instance's schedule was stale (another instance changed the rules while
        // Redis was away, or another process on the same SQLite file): forget it, so the
        // next look sees the rules as stored.
        tracing::warn!(%expert, "a hold met changed rules: the cached schedule was stale");
        schedules
            .changed(expert, AvailabilityChange::RulesChanged)
            .await;
        return Err(BookingError::SlotUnavailable);
    }
    held_from(db, outcome, schedules, expert, rules).await
}

async fn held_from(
    db: &Database,
    outcome: HoldOutcome,
    schedules: &ScheduleCache,
    expert: Uuid,
    rules: &BookingRules,
) -> Result<Held, BookingError> {
    match outcome {
        HoldOutcome::Created(row) => {
            // The expert hears of it in the centre (and live); a failure to queue that
            // must not undo the hold.
            let told = notices::job(row.id, Notice::Held, None, db.clock().now());
            if let Err(e) = crate::jobs::enqueue_job(db, &told).await {
                tracing::error!(error = %e, booking = %row.id, "the expert could not be told of a hold");
            }
            let span = BookedSpan {
                booked: Booked::stored(
                    row.start_at,
                    Interval::between(row.blocked_from, row.blocked_to),
                ),
                held_until: Some(row.hold_expires_at),
            };
            schedules.booked(expert, span).await;
            Ok(Held {
                booking: Booking::from_row(row)?,
                replayed: false,
            })
        }
        HoldOutcome::Replayed(row) => Ok(Held {
            booking: Booking::from_row(row)?,
            replayed: true,
        }),
        HoldOutcome::KeyReused => Err(BookingError::IdempotencyKeyReused),
        HoldOutcome::Refused(store::bookings::Conflict::SlotTaken) => {
            Err(BookingError::SlotUnavailable)
        }
        HoldOutcome::Refused(store::bookings::Conflict::LearnerBusy) => {
            Err(BookingError::LearnerBusy)
        }
        HoldOutcome::Refused(store::bookings::Conflict::RulesChanged) => {
            Err(BookingError::SlotUnavailable)
        }
        HoldOutcome::Refused(store::bookings::Conflict::HoldLimit) => {
            Err(BookingError::TooManyHolds(rules.max_active_holds))
        }
    }
}

fn expert_unknown() -> FieldError {
    FieldError {
        field: "expert_id",
        message_id: "booking-expert-unknown",
    }
}
