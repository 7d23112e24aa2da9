//! Durable jobs: work that must survive a crash and happen once in effect (the emails of
//! a confirmation or a cancellation, enqueued with the change; releasing lapsed holds,
//! the held-back move emails, keeping first free slots current, upkeep; later payments,
//! reminders, calendar sync and session events).
//!
//! One file per kind, each with its handler and a comment saying why running it twice
//! changes nothing; [`KINDS`] is the one registry. Jobs are stored by `store::jobs`,
//! claimed by the [`worker`]s every `mentora serve` (and `mentora worker`) runs, and
//! periodic kinds are put on the queue by [`schedule`], once per period across every
//! instance (their unique key names the period).

mod attendance_settle;
pub mod booking_notice;
pub mod calendar_event;
pub mod calendar_sync;
pub mod email;
mod first_free_slots;
mod hold_expiry;
mod ledger_check;
mod move_emails;
pub mod notify;
mod payouts_due;
pub mod ping;
mod reconcile_payments;
pub mod refund;
pub mod reminder;
pub mod schedule;
pub mod settle_payout;
pub mod stripe_event;
pub mod transfer;
mod upkeep;
pub mod video_meeting;
pub mod worker;

use std::sync::Arc;

use futures::future::BoxFuture;
use jiff::{SignedDuration, Timestamp};
use store::jobs::{Job, JobStatus, NewJob};
use store::{Database, StoreError};
use uuid::Uuid;

use crate::files::FileStore;
use crate::mail::Mailer;
use crate::scheduling::ScheduleCache;

/// What job handlers work with.
pub struct JobDeps {
    /// The database the jobs and their effects live in.
    pub db: Database,
    /// Told when a job frees or takes an expert's time.
    pub schedules: Arc<ScheduleCache>,
    /// The transport: what the `email` job sends each message through.
    pub mailer: Arc<dyn Mailer>,
    /// What jobs that tell people hand each email to: with SMTP, a queue of `email` jobs
    /// (one per message, each retried on its own, never sent twice by a retry of the
    /// job that wrote it); without, the outbox (which stores an id once).
    pub outgoing: Arc<dyn Mailer>,
    /// Where uploaded documents are kept (upkeep erases expired ones).
    pub files: Arc<dyn FileStore>,
    /// The public origin, for links in email.
    pub origin: String,
    /// How long documents of rejected applications are kept.
    pub document_retention: SignedDuration,
    /// The payment provider refunds are sent through and payments read from.
    pub payments: Arc<dyn payments::PaymentProvider>,
    /// The deployment's booking rules (a late payment is judged by them).
    pub booking_rules: crate::bookings::BookingRules,
    /// Zoom and Google Meet, whose meetings jobs make.
    pub video: crate::rooms::VideoSettings,
    /// Outside calendars: read by `calendar_sync`, written by `calendar_event`.
    pub calendars: std::sync::Arc<crate::calendars::Calendars>,
}

impl JobDeps {
    /// Who tells people from a job: the centre, live, and `outgoing` email.
    pub fn notifier(&self) -> crate::notify::Notifier<'_> {
        crate::notify::Notifier {
            db: &self.db,
            mailer: self.outgoing.as_ref(),
            hub: self.schedules.hub(),
            base: &self.origin,
        }
    }

    /// What the booking use cases need, from these parts.
    pub fn bookings(&self) -> crate::bookings::BookingDeps<'_> {
        crate::bookings::BookingDeps {
            db: &self.db,
            schedules: &self.schedules,
            mailer: self.outgoing.as_ref(),
            rules: &self.booking_rules,
            base: &self.origin,
        }
    }
}

/// Why a run failed, as kept on the job for operators.
pub type JobFailure = String;

/// A handler: runs one job to the end or says why it could not.
pub type Handler = for<'a> fn(&'a JobDeps, &'a Job) -> BoxFuture<'a, Result<(), JobFailure>>;

/// One kind of job.
pub struct Kind {
    /// The stored `kind`.
    pub name: &'static str,
    /// Attempts before the job is dead.
    pub max_attempts: i32,
    /// How long a claim holds the job: longer than a run takes, so a live worker never
    /// loses it; after it a dead worker's job is taken by another.
    pub lease: SignedDuration,
    /// Runs it.
    pub run: Handler,
}

/// Every kind of job there is.
pub static KINDS: &[Kind] = &[
    booking_notice::KIND,
    reminder::KIND,
    notify::KIND,
    email::KIND,
    hold_expiry::KIND,
    move_emails::KIND,
    ping::KIND,
    first_free_slots::KIND,
    upkeep::KIND,
    refund::KIND,
    stripe_event::KIND,
    reconcile_payments::KIND,
    payouts_due::KIND,
    ledger_check::KIND,
    transfer::KIND,
    settle_payout::KIND,
    attendance_settle::KIND,
    video_meeting::KIND,
    calendar_sync::KIND,
    calendar_sync::DUE,
    calendar_event::KIND,
];

/// The kind named `name`, if this build knows it.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// Puts a job of `kind` on the queue now. A unique key makes a repeat one job; false
/// when it was one already.
pub async fn enqueue(
    db: &Database,
    kind: &Kind,
    payload: &serde_json::Value,
    unique_key: Option<String>,
    run_at: Timestamp,
) -> Result<bool, StoreError> {
    store::jobs::enqueue(
        db,
        &NewJob {
            kind: kind.name.to_owned(),
            payload: payload.to_string(),
            unique_key,
            run_at,
            max_attempts: kind.max_attempts,
            lease: kind.lease,
        },
    )
    .await
    .inspect(|added| {
        if *added {
            worker::wake();
        }
    })
}

/// Puts `job` (built by its kind's own `job` function) on the queue; false when its
/// unique key was there already.
pub async fn enqueue_job(db: &Database, job: &NewJob) -> Result<bool, StoreError> {
    store::jobs::enqueue(db, job).await.inspect(|added| {
        if *added {
            worker::wake();
        }
    })
}

/// When a failed attempt runs again: 10 s doubling with each attempt, spread by up to a
/// fifth either way so jobs that failed together do not retry together, and never more
/// than an hour.
pub fn retry_delay(attempts: i32) -> SignedDuration {
    let exponent = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    let base = 10_i64.saturating_mul(1_i64 << exponent.min(30)).min(3600);
    let jitter = rand::random_range(-(base / 5)..=(base / 5));
    SignedDuration::from_secs((base + jitter).min(3600))
}

/// Jobs for the admin page and the API, most recently changed first.
pub async fn list(
    db: &Database,
    statuses: &[JobStatus],
    limit: u64,
) -> Result<Vec<Job>, StoreError> {
    store::jobs::list(db, statuses, limit).await
}

/// One job, if there is such a job.
pub async fn find(db: &Database, id: Uuid) -> Result<Option<Job>, StoreError> {
    store::jobs::find(db, id).await
}

/// Queue depth and age by kind and state.
pub async fn depth(db: &Database) -> Result<Vec<store::jobs::Depth>, StoreError> {
    store::jobs::depth(db).await
}

/// What an operator may do to a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperatorAction {
    /// Run a failed or dead job again, from its first attempt.
    Retry,
    /// Give up on a queued or failed job.
    Discard,
}

/// An operator retries or discards a job, recorded in the audit log in the same
/// transaction. False when the job is not in a state that allows it (it ran, or is
/// running).
pub async fn act(
    db: &Database,
    operator: Uuid,
    client: &store::logins::ClientInfo,
    id: Uuid,
    action: OperatorAction,
) -> Result<bool, StoreError> {
    let audit = |kind| store::audit::NewAuditEvent {
        user_id: None,
        actor_id: Some(operator),
        kind,
        client,
        detail: serde_json::json!({ "job": id }).to_string(),
    };
    // The change and its audit row commit together.
    Ok(match action {
        OperatorAction::Retry => store::jobs::retry(db, id, audit("job.retried")).await?,
        OperatorAction::Discard => {
            let reason = "discarded by an operator";
            store::jobs::discard(db, id, reason, audit("job.discarded")).await?
        }
    })
}
