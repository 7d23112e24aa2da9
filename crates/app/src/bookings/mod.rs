//! The booking lifecycle: a learner holds a free slot, pays (test-mode sandbox until real
//! payments exist), and either side may cancel or move it within the expert's policy.
//! Every change is a guarded transition in the store, recorded with who made it and why;
//! the schedule cache hears of every change that frees or takes time.

pub mod changes;
pub mod dashboard;
pub mod expiry;
pub mod feed;
pub mod hold;
pub mod lists;
pub mod money;
pub mod notices;
pub mod payment;
pub mod receipt;
pub mod suspension;

use domain::Permission;
use domain::booking::{Actor, BookingStatus, CancellationPolicy, rules};
use jiff::{SignedDuration, Timestamp};
use store::bookings::{BookingRow, EventRow};
use store::users::User;
use store::{Database, StoreError};
use uuid::Uuid;

use crate::FieldError;
use crate::mail::Mailer;
use crate::scheduling::ScheduleCache;
use crate::scheduling::SchedulingError;

/// Deployment settings for bookings.
#[derive(Debug, Clone, Copy)]
pub struct BookingRules {
    /// How long a hold keeps the slot while the learner pays.
    pub hold_minutes: i64,
    /// No payment provider is configured: the labelled sandbox takes payments.
    pub test_mode: bool,
    /// Unpaid holds one learner may have at once, so nobody can empty a calendar.
    pub max_active_holds: u64,
    /// How many times one session may be moved.
    pub max_reschedules: i32,
    /// The platform's commission in basis points, unless an operator set an expert's own.
    pub commission_bps: u16,
    /// How long after a session's outcome the expert is paid: the window in which the
    /// learner may still dispute it.
    pub payout_delay: SignedDuration,
}

impl Default for BookingRules {
    fn default() -> Self {
        Self {
            hold_minutes: 10,
            test_mode: true,
            max_active_holds: 3,
            max_reschedules: 3,
            commission_bps: domain::payment::commission::DEFAULT_BPS,
            payout_delay: SignedDuration::from_hours(48),
        }
    }
}

/// A learner's claim that the expert did not come may be made this long after the start.
pub const NO_SHOW_CLAIM_AFTER: SignedDuration = SignedDuration::from_mins(15);

/// The daily cap of the local day (in the expert's zone) a session starting at `start`
/// falls on, for the store to hold the booking to in its transaction.
pub(crate) fn day_cap_at(
    rules: &domain::schedule::Availability,
    start: Timestamp,
) -> Option<store::bookings::DayCap> {
    rules.daily_cap.map(|cap| {
        let (from, to) = domain::schedule::zones::local_day(&rules.time_zone, start);
        store::bookings::DayCap {
            cap: i64::from(cap),
            from,
            to,
        }
    })
}

/// What the booking use cases work with, borrowed from the application's state.
pub struct BookingDeps<'a> {
    /// The database every booking change is a transaction in.
    pub db: &'a Database,
    /// Told of every change that takes or frees an expert's time.
    pub schedules: &'a ScheduleCache,
    /// Sends confirmations, changes and cancellations with their calendar invites.
    pub mailer: &'a dyn Mailer,
    /// The deployment's hold, reschedule and test-mode settings.
    pub rules: &'a BookingRules,
    /// The public origin for links in email.
    pub base: &'a str,
}

impl<'a> BookingDeps<'a> {
    /// Who tells the participants: the centre, live, and email.
    pub fn notifier(&self) -> crate::notify::Notifier<'a> {
        crate::notify::Notifier {
            db: self.db,
            mailer: self.mailer,
            hub: self.schedules.hub(),
            base: self.base,
        }
    }
}

/// The name the sandbox provider goes by in bookings and the API.
pub const SANDBOX_PROVIDER: &str = "sandbox";

/// Why a booking use case refused; each has its own stable API error code.
#[derive(Debug, thiserror::Error)]
pub enum BookingError {
    /// Fields the caller must correct, each with its message.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// No such booking, or not one the caller may see.
    #[error("no such booking")]
    NotFound,
    /// The expert is not approved, is suspended, or cannot take payments yet.
    #[error("the expert cannot be booked now")]
    ExpertNotBookable,
    /// An expert tried to book their own time.
    #[error("experts cannot book themselves")]
    OwnSession,
    /// The time is taken or outside the expert's rules (also when a stale cached schedule
    /// offered it).
    #[error("the slot is no longer free")]
    SlotUnavailable,
    /// The learner already has an active session overlapping that time.
    #[error("the learner already has a session at that time")]
    LearnerBusy,
    /// The same `Idempotency-Key` came with a different request body.
    #[error("this Idempotency-Key was used for a different request")]
    IdempotencyKeyReused,
    /// Only accounts with a confirmed address may hold time.
    #[error("the account's email address must be confirmed first")]
    EmailUnverified,
    /// The learner already has as many unpaid holds as allowed (`booking_max_holds`).
    #[error("the learner already holds {0} unpaid times")]
    TooManyHolds(u64),
    /// The session was moved this many times already, the most allowed.
    #[error("this session was moved {0} times already")]
    RescheduleLimit(i32),
    /// The expert's proposed time can no longer be accepted: the session has started.
    #[error("the proposed time expired when the session started")]
    ProposalExpired,
    /// Too many holds placed recently; retry after the wait.
    #[error("too many attempts")]
    RateLimited(crate::throttle::RetryAfter),
    /// A learner's no-show claim came too soon after the start.
    #[error("a no-show can be reported from {minutes} minutes after the start")]
    TooEarly {
        /// Minutes after the start from which a claim is accepted.
        minutes: i64,
    },
    /// The expert records no outcome of a session whose room reports attendance (the
    /// built-in room, Zoom): attendance settles it, and an operator decides what it
    /// cannot.
    #[error("attendance settles this session")]
    SettledByAttendance,
    /// A settled outcome is contested after its dispute window (the payout delay) closed.
    #[error("the dispute window closed {hours} hours after the outcome")]
    DisputeWindowClosed {
        /// Hours after the outcome a dispute is taken.
        hours: i64,
    },
    /// The booking's status does not allow this change (it may have just moved on).
    #[error("a {from} booking cannot become {to}")]
    InvalidTransition {
        /// Where the booking stands.
        from: BookingStatus,
        /// Where the caller asked it to go.
        to: BookingStatus,
    },
    /// The caller takes part but may not make this change (a learner completing, …).
    #[error("not allowed for this participant")]
    NotYours,
    /// A sandbox payment was attempted while a real payment provider is configured.
    #[error("payments are not in test mode")]
    NotTestMode,
    /// The (sandbox) payment failed; the hold stands until it runs out.
    #[error("the payment was declined")]
    PaymentDeclined,
    /// The payment provider would refuse to charge this price (below its minimum, a
    /// currency it does not take, an amount it cannot represent).
    #[error("the price cannot be charged: {0}")]
    NotChargeable(domain::payment::ChargeRefusal),
    /// The payment provider could not be reached or refused; nothing was charged.
    #[error(transparent)]
    Provider(#[from] payments::PaymentError),
    /// Accepting or declining a proposal when the expert proposed no new time.
    #[error("there is no proposed time to answer")]
    NoProposal,
    /// Reading the expert's schedule failed.
    #[error(transparent)]
    Scheduling(#[from] SchedulingError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A booking with its frozen policy read back.
#[derive(Debug, Clone)]
pub struct Booking {
    /// The stored row, as the store returned it.
    pub row: BookingRow,
    /// Its status, parsed from the row.
    pub status: BookingStatus,
    /// The cancellation policy frozen on it when it was made.
    pub policy: CancellationPolicy,
}

impl Booking {
    /// Parses a stored row's status and policy; a row that does not parse is reported as corrupt.
    pub fn from_row(row: BookingRow) -> Result<Self, BookingError> {
        let status = row.status()?;
        let policy = CancellationPolicy::from_stored(&row.policy)
            .ok_or_else(|| StoreError::Corrupt(format!("booking policy {:?}", row.policy)))?;
        Ok(Self {
            row,
            status,
            policy,
        })
    }

    /// The booking's id (each reschedule makes a new one; the series id links them).
    pub fn id(&self) -> Uuid {
        self.row.id
    }

    /// How `user` takes part: learner, expert, admin (seeing someone else's), or not at all.
    pub fn role_of(&self, user: &User) -> Option<Actor> {
        if user.id == self.row.learner_id {
            Some(Actor::Learner)
        } else if user.id == self.row.expert_id {
            Some(Actor::Expert)
        } else if may_refund(user) {
            Some(Actor::Admin)
        } else {
            None
        }
    }

    /// Whether the hold has run out at `now` (it may not be marked yet).
    pub fn hold_lapsed(&self, now: Timestamp) -> bool {
        self.status == BookingStatus::Held && self.row.hold_expires_at <= now
    }

    /// What cancelling now would refund, by who cancels: the policy's share, rounded down
    /// to an amount the payment provider can send (ten fils in three-decimal currencies).
    pub fn refund_if_cancelled(&self, by: Actor, now: Timestamp) -> i64 {
        let paid = self.row.paid_amount - self.row.refunded_amount;
        let share =
            rules::refund_on_cancel(&self.policy, by, paid, self.row.policy_start_at, now).amount;
        let step = money::stored_currency(&self.row.currency)
            .map(money::step)
            .unwrap_or(1);
        share - share.rem_euclid(step)
    }

    /// Whether it can be moved to another time at `now`.
    pub fn movable(&self, now: Timestamp) -> bool {
        rules::may_move(self.status, self.row.start_at, now)
    }

    /// Whether it can be cancelled.
    pub fn cancellable(&self) -> bool {
        rules::may_cancel(self.status)
    }
}

/// Whether `user` may refund any booking: an operator, who sees others' bookings as
/// `Actor::Admin` (the role alone does not decide; its permissions do).
pub(crate) fn may_refund(user: &User) -> bool {
    user.roles
        .iter()
        .any(|r| r.permissions().contains(&Permission::PaymentsRefund))
}

/// Where a moved session now stands: for a booking the viewer may see that was
/// rescheduled, the booking that stands for the session today (its old address leads
/// there); `None` for any other booking.
pub async fn standing_for(
    db: &Database,
    viewer: &User,
    id: Uuid,
) -> Result<Option<Uuid>, BookingError> {
    let row = store::bookings::find(db, id)
        .await?
        .ok_or(BookingError::NotFound)?;
    let booking = Booking::from_row(row)?;
    booking.role_of(viewer).ok_or(BookingError::NotFound)?;
    if booking.status != BookingStatus::Rescheduled {
        return Ok(None);
    }
    let current = store::bookings::current_of_series(db, booking.row.series_id).await?;
    Ok(current.map(|c| c.id).filter(|c| *c != id))
}

/// A booking and its session's timeline (across reschedules), if `viewer` takes part in
/// it or is an admin.
pub async fn visible(
    db: &Database,
    viewer: &User,
    id: Uuid,
) -> Result<(Booking, Actor, Vec<EventRow>), BookingError> {
    let row = store::bookings::find(db, id)
        .await?
        .ok_or(BookingError::NotFound)?;
    let booking = Booking::from_row(row)?;
    // Someone else's booking is "not found", not "forbidden": ids reveal nothing.
    let role = booking.role_of(viewer).ok_or(BookingError::NotFound)?;
    let events = store::bookings::events(db, booking.row.series_id).await?;
    Ok((booking, role, events))
}
