//! Bookings: holds, transitions and timelines.
//!
//! Two rules make double booking impossible. Every write that makes a booking active —
//! a hold, a late payment for an expired hold, a reschedule — runs in one transaction that
//! first writes (releasing holds that ran out), so on SQLite it holds the only write lock
//! before it looks; it then checks for overlaps and inserts. On PostgreSQL the exclusion
//! constraints of migration 7 decide whatever races past the check (SQLSTATE 23P01). Every
//! transition is one conditional UPDATE (`… WHERE status = from`), stored with its event.
//!
//! The SQL is written once with `$n` placeholders; SQLite reads them as `?n`.
//!
//! `lifecycle` holds the writes (holds, transitions, moves, late payments), `queries` the
//! reads; idempotency keys and calendar feeds have stores of their own.
//!
//! Every committed write to a booking row announces both people in it as changed
//! (`Database::on_account_change`): a signed-in dashboard kept in memory above (see
//! `app::viewers`) is then dropped on every instance before the write's caller answers.

mod lifecycle;
mod queries;

use std::ops::Deref;

use domain::booking::{Actor, BookingStatus};
use jiff::Timestamp;
use sea_orm::{
    ConnectionTrait, DatabaseTransaction, DbErr, FromQueryResult, QueryResult, RuntimeErr, Value,
};
use uuid::Uuid;

use crate::idempotency::IdempotencyKey;
use crate::instant::{from_seconds, secs, whole};
use crate::sql::{is_unique_violation, statement};
use crate::{Backend, Database, StoreError};

pub use lifecycle::{
    DayCap, HoldLimits, Revival, hold, hold_limited, note, record_refunded_payment, replay,
    reschedule, revive, set_proposal, transition,
};
pub use queries::{
    ListQuery, PaidBooking, Side, awaiting_payment, blocking, current_of_series, entered, events,
    expert_cancellations, expire_due, feed_for, find, for_user, has_session_ahead, paid_matching,
    set_payment_ref, whole_list, with_payment,
};

/// The two people of a booking: (learner, expert).
pub(crate) type Parties = (Uuid, Uuid);

/// Announces the people of bookings a committed write changed, each once.
pub(crate) async fn announce(db: &Database, parties: &[Parties]) {
    let mut told: Vec<Uuid> = Vec::with_capacity(parties.len() * 2);
    for &(learner, expert) in parties {
        for account in [learner, expert] {
            if !told.contains(&account) {
                told.push(account);
                db.account_changed(account).await;
            }
        }
    }
}

/// The people of the rows an `UPDATE … RETURNING learner_id, expert_id` changed: a write
/// learns whom to announce from the write itself, so nothing can fail between its commit
/// and the announcement.
#[derive(FromQueryResult)]
pub(crate) struct Changed {
    learner_id: Uuid,
    expert_id: Uuid,
}

impl Changed {
    pub(crate) fn parties(&self) -> Parties {
        (self.learner_id, self.expert_id)
    }
}

impl BookingRow {
    /// (learner, expert).
    pub(crate) fn parties(&self) -> Parties {
        (self.learner_id, self.expert_id)
    }
}

/// A booking as stored. Its instants are kept as whole Unix seconds (the exclusion
/// constraints compare integers); they cross into `Timestamp` when a row is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingRow {
    pub id: Uuid,
    pub expert_id: Uuid,
    pub learner_id: Uuid,
    pub status: String,
    pub start_at: Timestamp,
    pub end_at: Timestamp,
    pub blocked_from: Timestamp,
    pub blocked_to: Timestamp,
    pub duration_minutes: i32,
    pub hold_expires_at: Timestamp,
    pub price_amount: i64,
    pub currency: String,
    pub policy: String,
    pub note: Option<String>,
    pub series_id: Uuid,
    pub sequence: i32,
    pub rescheduled_from: Option<Uuid>,
    pub proposed_start: Option<Timestamp>,
    pub payment_provider: String,
    pub payment_ref: Option<String>,
    pub paid_amount: i64,
    pub refunded_amount: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The start the cancellation policy measures from: the session's first start.
    pub policy_start_at: Timestamp,
    /// How many times the session was moved before this booking.
    pub reschedule_count: i32,
    /// The platform's commission in basis points, frozen when the session was first held.
    pub commission_bps: i32,
}

impl FromQueryResult for BookingRow {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        let at = |column: &str| -> Result<Timestamp, DbErr> {
            Ok(from_seconds(res.try_get(pre, column)?))
        };
        let proposed: Option<i64> = res.try_get(pre, "proposed_start")?;
        Ok(Self {
            id: res.try_get(pre, "id")?,
            expert_id: res.try_get(pre, "expert_id")?,
            learner_id: res.try_get(pre, "learner_id")?,
            status: res.try_get(pre, "status")?,
            start_at: at("start_at")?,
            end_at: at("end_at")?,
            blocked_from: at("blocked_from")?,
            blocked_to: at("blocked_to")?,
            duration_minutes: res.try_get(pre, "duration_minutes")?,
            hold_expires_at: at("hold_expires_at")?,
            price_amount: res.try_get(pre, "price_amount")?,
            currency: res.try_get(pre, "currency")?,
            policy: res.try_get(pre, "policy")?,
            note: res.try_get(pre, "note")?,
            series_id: res.try_get(pre, "series_id")?,
            sequence: res.try_get(pre, "sequence")?,
            rescheduled_from: res.try_get(pre, "rescheduled_from")?,
            proposed_start: proposed.map(from_seconds),
            payment_provider: res.try_get(pre, "payment_provider")?,
            payment_ref: res.try_get(pre, "payment_ref")?,
            paid_amount: res.try_get(pre, "paid_amount")?,
            refunded_amount: res.try_get(pre, "refunded_amount")?,
            created_at: at("created_at")?,
            updated_at: at("updated_at")?,
            policy_start_at: at("policy_start_at")?,
            reschedule_count: res.try_get(pre, "reschedule_count")?,
            commission_bps: res.try_get(pre, "commission_bps")?,
        })
    }
}

impl BookingRow {
    pub fn status(&self) -> Result<BookingStatus, StoreError> {
        BookingStatus::parse(&self.status)
            .ok_or_else(|| StoreError::Corrupt(format!("booking status {:?}", self.status)))
    }
}

/// One step of a booking's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub from_status: Option<String>,
    pub to_status: String,
    pub actor: String,
    pub actor_id: Option<Uuid>,
    pub reason: Option<String>,
    pub at: Timestamp,
}

impl FromQueryResult for EventRow {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(Self {
            from_status: res.try_get(pre, "from_status")?,
            to_status: res.try_get(pre, "to_status")?,
            actor: res.try_get(pre, "actor")?,
            actor_id: res.try_get(pre, "actor_id")?,
            reason: res.try_get(pre, "reason")?,
            at: from_seconds(res.try_get(pre, "at")?),
        })
    }
}

/// A hold to place; the caller has checked the slot against the expert's rules.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub id: Uuid,
    pub expert_id: Uuid,
    pub learner_id: Uuid,
    pub status: BookingStatus,
    pub start_at: Timestamp,
    pub end_at: Timestamp,
    pub blocked_from: Timestamp,
    pub blocked_to: Timestamp,
    pub duration_minutes: i32,
    pub hold_expires_at: Timestamp,
    pub price_amount: i64,
    pub currency: String,
    pub policy: String,
    pub note: Option<String>,
    pub series_id: Uuid,
    pub sequence: i32,
    pub rescheduled_from: Option<Uuid>,
    pub payment_provider: String,
    pub payment_ref: Option<String>,
    pub paid_amount: i64,
    /// Refunded so far (a move carries it to the booking that replaces the old one).
    pub refunded_amount: i64,
    /// The session's first start (a new hold: its own start; a move keeps the old one's).
    pub policy_start_at: Timestamp,
    pub reschedule_count: i32,
    /// The commission rate frozen on it (a move keeps the first booking's).
    pub commission_bps: i32,
}

/// Why a booking could not become active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// The expert's time (with buffers) overlaps another active booking.
    SlotTaken,
    /// The learner already has an active booking at that time.
    LearnerBusy,
    /// The learner already holds as many unpaid times as one may.
    HoldLimit,
    /// The expert's rules changed since the schedule the request was checked against.
    RulesChanged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HoldOutcome {
    Created(BookingRow),
    /// The same key and body came before: here is what it made.
    Replayed(BookingRow),
    /// The same key came before with another body.
    KeyReused,
    Refused(Conflict),
}

/// Who acts, and why, for the timeline.
#[derive(Debug, Clone, Copy)]
pub struct Attribution<'a> {
    pub actor: Actor,
    pub actor_id: Option<Uuid>,
    pub reason: Option<&'a str>,
    pub now: Timestamp,
}

/// Columns a transition may change besides the status.
#[derive(Debug, Clone, Default)]
pub struct TransitionUpdates {
    /// Records a payment: only onto a booking with none recorded yet.
    pub paid_amount: Option<i64>,
    /// The new refunded total; set with `refunded_before`.
    pub refunded_amount: Option<i64>,
    /// The refunded total the change was computed from: it applies only if that is still
    /// the booking's (a refund recorded meanwhile makes it lose).
    pub refunded_before: Option<i64>,
    pub payment_ref: Option<String>,
    /// The calendar event changes: raise its SEQUENCE.
    pub bump_sequence: bool,
    /// Jobs the change causes (its emails), enqueued in its transaction: they exist if and
    /// only if the change does.
    pub enqueue: Vec<crate::jobs::NewJob>,
    /// Money the change moves, recorded in the ledger in its transaction.
    pub post: Vec<crate::ledger::Posting>,
    /// Refunds the change decides, stored pending in its transaction (their ledger
    /// journals and provider jobs come in `post` and `enqueue`).
    pub refunds: Vec<crate::refunds::NewRefund>,
}

const COLUMNS: &str = "id, expert_id, learner_id, status, start_at, end_at, blocked_from, \
    blocked_to, duration_minutes, hold_expires_at, price_amount, currency, policy, note, \
    series_id, sequence, rescheduled_from, proposed_start, payment_provider, payment_ref, \
    paid_amount, refunded_amount, created_at, updated_at, policy_start_at, reschedule_count, \
    commission_bps";

/// The name of the exclusion constraint a PostgreSQL error reports, if it is one.
fn exclusion_violated(err: &DbErr) -> Option<Conflict> {
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = err
    else {
        return None;
    };
    let sqlx::Error::Database(e) = e.deref() else {
        return None;
    };
    if e.code().as_deref() != Some("23P01") {
        return None;
    }
    Some(match e.constraint() {
        Some("bookings_learner_no_overlap") => Conflict::LearnerBusy,
        _ => Conflict::SlotTaken,
    })
}
