//! Reading busy times from an expert's blocking calendars into the slot engine.
//!
//! Incremental: a CalDAV calendar is read again only when its collection tag moved; a
//! feed is asked with its last ETag / Last-Modified, and a 304 costs no download and no
//! parse; a Google calendar only when its sync token, a Microsoft one only when its delta
//! link, says it changed. What a calendar reports replaces its earlier busy times in one go, and every
//! instance drops its cached schedule (so the next slots request, anywhere, sees it).
//!
//! A failure is kept on the connection in a stable code the health page words, retried
//! with backoff, and told to the expert once (by email and in the centre) as soon as it
//! counts as failing (`is_failing`): at once for a wrong password or a calendar gone,
//! after three tries for a server that is away.

use ::calendars::CalendarError;
use ::calendars::caldav::CalDavClient;
use ::calendars::feed::{Fetched, Validators};
use ::calendars::ics::{self, Busy};
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::calendars::{Calendar, Connection};
use uuid::Uuid;

use super::{Calendars, backoff, is_failing};
use crate::live::AvailabilityChange;
use crate::notify::{Message, Notifier};
use crate::scheduling::ScheduleCache;

/// How far back and ahead busy times are read: a day back (a session may still run into
/// today); ahead, the longest booking horizon (365 days, through the end of a local day)
/// with the longest session, and the day a full read may be old (it is redone daily).
const LOOK_BACK: SignedDuration = SignedDuration::from_hours(24);
const LOOK_AHEAD: SignedDuration = SignedDuration::from_hours(24 * 370);

/// What one sync of a connection came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Synced {
    /// Every blocking calendar was read (or found unchanged): how many were read anew.
    Ok {
        /// Calendars whose busy times were replaced.
        read: usize,
        /// Calendars found unchanged (tag or 304).
        unchanged: usize,
    },
    /// The server failed; kept on the connection.
    Failed(CalendarError),
    /// No such connection (removed meanwhile).
    Gone,
}

/// Syncs connection `id` now. Failures of the calendar server are recorded, not
/// returned; only the database's are errors. `notifier` tells the expert of a new
/// failure (none when the expert is looking at the page that shows it).
pub async fn sync_connection(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    notifier: Option<&Notifier<'_>>,
    id: Uuid,
) -> Result<Synced, store::StoreError> {
    let Some(connection) = store::calendars::connection(db, id).await? else {
        return Ok(Synced::Gone);
    };
    let now = db.clock().now();
    let was_failing = is_failing(&connection);
    let blocking: Vec<Calendar> = store::calendars::calendars_of(db, id)
        .await?
        .into_iter()
        .filter(|c| c.blocks)
        .collect();
    let home = home_zone(db, schedules, connection.user_id).await;
    let outcome = read_all(db, calendars, schedules, &connection, &blocking, &home, now).await;
    match outcome {
        Ok((read, unchanged)) => {
            store::calendars::synced(db, id, now, now + calendars.sync_every).await?;
            // Google and Microsoft tell of changes between reads.
            super::push::keep_watching(db, calendars, &connection, &blocking).await;
            if was_failing {
                // Slots paused or marked "not checked" by the failure are back to normal.
                schedules
                    .changed(connection.user_id, AvailabilityChange::RulesChanged)
                    .await;
            }
            Ok(Synced::Ok { read, unchanged })
        }
        Err(Failure::Store(e)) => Err(e),
        Err(failure) => {
            let (code, detail, outcome) = match failure {
                Failure::Calendar(e) => (e.code(), e.to_string(), Synced::Failed(e)),
                // The deployment's key changed (or differs between instances): only a
                // reconnect with the app password can fix it; operators see it logged.
                _ => (
                    SECRET_UNREADABLE,
                    "the stored secret does not open with this deployment's key".to_owned(),
                    Synced::Failed(CalendarError::Unauthorized),
                ),
            };
            let next = now + backoff(connection.failures);
            tracing::warn!(connection = %id, code, error = %detail, "calendar sync failed");
            let updated = store::calendars::failed(db, id, code, &detail, now, next).await?;
            if let Some(updated) = updated
                && is_failing(&updated)
            {
                if !was_failing {
                    schedules
                        .changed(connection.user_id, AvailabilityChange::RulesChanged)
                        .await;
                }
                if let Some(notifier) = notifier
                    && store::calendars::mark_notified(db, id, now).await?
                {
                    tell_expert(notifier, &updated, code, now).await;
                }
            }
            Ok(outcome)
        }
    }
}

enum Failure {
    Calendar(CalendarError),
    /// The sealed secret does not open.
    Secret,
    Store(store::StoreError),
}

/// The stored code of a secret that no longer opens.
const SECRET_UNREADABLE: &str = "secret-unreadable";

impl From<store::StoreError> for Failure {
    fn from(e: store::StoreError) -> Self {
        Self::Store(e)
    }
}

impl From<CalendarError> for Failure {
    fn from(e: CalendarError) -> Self {
        Self::Calendar(e)
    }
}

impl From<super::signed_in::TokenFailure> for Failure {
    fn from(e: super::signed_in::TokenFailure) -> Self {
        use super::signed_in::TokenFailure as T;
        match e {
            T::Calendar(e) => Self::Calendar(e),
            T::Secret => Self::Secret,
            T::Store(e) => Self::Store(e),
        }
    }
}

async fn read_all(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    connection: &Connection,
    blocking: &[Calendar],
    home: &jiff::tz::TimeZone,
    now: Timestamp,
) -> Result<(usize, usize), Failure> {
    let (from, to) = (now - LOOK_BACK, now + LOOK_AHEAD);
    let today = now.as_second().div_euclid(86_400);
    let (mut read, mut unchanged) = (0, 0);
    match connection.kind.as_str() {
        "caldav" => {
            let password = match &connection.secret_sealed {
                Some(sealed) => calendars
                    .key()
                    .open(connection.id, sealed)
                    .map_err(|_| Failure::Secret)?,
                None => return Err(Failure::Secret),
            };
            let client = CalDavClient::new(
                &connection.address,
                &connection.username,
                &password,
                calendars.allow_private(),
            )?;
            for calendar in blocking {
                let last = SyncState::of(calendar, today);
                let tag = client.ctag(&calendar.remote_url).await?;
                if tag.is_some() && tag == last.tag {
                    unchanged += 1;
                    continue;
                }
                let mut busy: Vec<Busy> = Vec::new();
                let mut unread = 0;
                for text in client.events(&calendar.remote_url, from, to).await? {
                    let reading = ics::read(&text, from, to, home)?;
                    busy.extend(reading.busy);
                    unread += reading.unread_series;
                }
                let state = SyncState {
                    tag,
                    day: today,
                    unread,
                    ..SyncState::default()
                };
                store_busy(db, schedules, connection, calendar, busy, &state).await?;
                read += 1;
            }
        }
        "google" | "microsoft" => {
            let span = (from, to, today);
            (read, unchanged) =
                read_signed_in(db, calendars, schedules, connection, blocking, span, home).await?;
        }
        _ => {
            let url = match &connection.secret_sealed {
                Some(sealed) => calendars
                    .key()
                    .open(connection.id, sealed)
                    .map_err(|_| Failure::Secret)?,
                None => return Err(Failure::Secret),
            };
            for calendar in blocking {
                let last = SyncState::of(calendar, today);
                match calendars.feeds().fetch(&url, &last.validators).await? {
                    Fetched::NotModified => unchanged += 1,
                    Fetched::Changed { text, validators } => {
                        let reading = ics::read(&text, from, to, home)?;
                        let state = SyncState {
                            validators,
                            day: today,
                            unread: reading.unread_series,
                            ..SyncState::default()
                        };
                        store_busy(db, schedules, connection, calendar, reading.busy, &state)
                            .await?;
                        read += 1;
                    }
                }
            }
        }
    }
    Ok((read, unchanged))
}

/// Reads a Google or Microsoft connection's blocking calendars: each is asked first
/// whether it changed since its cursor (Google's sync token, Graph's delta link); the
/// changed ones are read (Google: one free/busy request for all of them; Graph: each
/// calendar's view, which hands out the next cursor).
async fn read_signed_in(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    connection: &Connection,
    blocking: &[Calendar],
    (from, to, today): (Timestamp, Timestamp, i64),
    home: &jiff::tz::TimeZone,
) -> Result<(usize, usize), Failure> {
    use ::calendars::hosted::Changes;
    use futures::FutureExt;

    use super::signed_in::{TokenFailure, with_token};
    let accounts = calendars.accounts();
    let (mut read, mut unchanged) = (0, 0);
    let mut changed: Vec<(&Calendar, Option<String>)> = Vec::new();
    for calendar in blocking {
        let last = SyncState::of(calendar, today);
        let remote = calendar.remote_url.as_str();
        let (changes, cursor) = match (&connection.kind[..], &accounts.google, &accounts.microsoft)
        {
            ("google", Some((_, api)), _) => {
                let tag = last.tag.as_deref();
                let asked = with_token(db, calendars, connection, |t| {
                    async move { api.changes(&t, remote, tag, from).await }.boxed()
                })
                .await;
                match asked {
                    Ok((c, next)) => (c, Some(next)),
                    // A calendar whose events the account may not list (shared as
                    // free/busy only, or not its own): read by free/busy every time.
                    Err(TokenFailure::Calendar(CalendarError::Refused { status: 403, .. })) => {
                        (Changes::Some, None)
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            ("microsoft", _, Some((_, graph))) => match last.tag.as_deref() {
                Some(delta) => {
                    with_token(db, calendars, connection, |t| {
                        async move { graph.changes(&t, delta).await }.boxed()
                    })
                    .await?
                }
                None => (Changes::Some, None),
            },
            _ => {
                return Err(Failure::Calendar(CalendarError::Refused {
                    status: 0,
                    message: "this provider is no longer configured".into(),
                }));
            }
        };
        match changes {
            Changes::None => unchanged += 1,
            Changes::Some => changed.push((calendar, cursor)),
        }
    }
    if changed.is_empty() {
        return Ok((read, unchanged));
    }
    let mut results: Vec<(&Calendar, Vec<Busy>, Option<String>)> = Vec::new();
    if let ("google", Some((_, api))) = (&connection.kind[..], &accounts.google) {
        let ids: Vec<String> = changed.iter().map(|(c, _)| c.remote_url.clone()).collect();
        let ids = &ids;
        let busy = with_token(db, calendars, connection, |t| {
            async move { api.busy(&t, ids, from, to).await }.boxed()
        })
        .await?;
        for ((calendar, cursor), (_, blocks)) in changed.into_iter().zip(busy) {
            results.push((calendar, blocks, cursor));
        }
    } else if let Some((_, graph)) = &accounts.microsoft {
        for (calendar, _) in changed {
            let remote = calendar.remote_url.as_str();
            let (blocks, delta) = with_token(db, calendars, connection, |t| {
                async move { graph.read(&t, remote, from, to, home).await }.boxed()
            })
            .await?;
            results.push((calendar, blocks, Some(delta)));
        }
    }
    for (calendar, blocks, cursor) in results {
        let state = SyncState {
            tag: cursor,
            day: today,
            ..SyncState::default()
        };
        store_busy(db, schedules, connection, calendar, blocks, &state).await?;
        read += 1;
    }
    Ok((read, unchanged))
}

async fn store_busy(
    db: &Database,
    schedules: &ScheduleCache,
    connection: &Connection,
    calendar: &Calendar,
    busy: Vec<Busy>,
    state: &SyncState,
) -> Result<(), Failure> {
    let busy = ics::merge(busy);
    let state = serde_json::to_string(state).ok();
    // False when the calendar was disconnected or unticked meanwhile: nothing written.
    if store::calendars::replace_busy(db, calendar.id, &busy, state.as_deref()).await? {
        crate::scheduling::rules::busy_times_changed(db, schedules, connection.user_id).await;
    }
    Ok(())
}

/// What a calendar's last read left to compare with: its collection tag (CalDAV) or the
/// feed's validators, and the day it was read. A new day reads everything again, so a
/// series that repeats forever is expanded a year ahead of today, not of the last change.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
struct SyncState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tag: Option<String>,
    #[serde(default)]
    validators: Validators,
    #[serde(default)]
    day: i64,
    /// Repeating events whose rule could not be followed (each blocks its first date).
    #[serde(default)]
    unread: usize,
}

impl SyncState {
    /// The calendar's stored state; an empty one when it was read on another day.
    fn of(calendar: &Calendar, today: i64) -> Self {
        calendar
            .sync_state
            .as_deref()
            .and_then(|s| serde_json::from_str::<SyncState>(s).ok())
            .filter(|s| s.day == today)
            .unwrap_or_default()
    }
}

/// How many repeating events of the calendar's last read could not be followed.
pub fn unread_series(calendar: &Calendar) -> usize {
    calendar
        .sync_state
        .as_deref()
        .and_then(|s| serde_json::from_str::<SyncState>(s).ok())
        .map_or(0, |s| s.unread)
}

/// The zone whole-day and floating events are read in: the expert's own.
async fn home_zone(db: &Database, schedules: &ScheduleCache, expert: Uuid) -> jiff::tz::TimeZone {
    match schedules.schedule(db, expert).await {
        Ok(Some(s)) => s
            .rules
            .as_ref()
            .map(|r| r.time_zone.clone())
            .unwrap_or(jiff::tz::TimeZone::UTC),
        _ => jiff::tz::TimeZone::UTC,
    }
}

/// Syncs, with a time limit, every connection of `expert` whose busy times are older than
/// `fresh_for_holds`: called before a hold, so the time taken is checked against what the
/// expert's calendars say now (or at most that long ago when a server is slow to answer).
pub async fn refresh_for_hold(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    expert: Uuid,
) {
    let now = db.clock().now();
    let stale_before = (now - calendars.fresh_for_holds).as_second();
    let connections = match store::calendars::connections_of(db, expert).await {
        Ok(list) => list,
        Err(e) => {
            tracing::error!(error = %e, "reading calendar connections before a hold failed");
            return;
        }
    };
    // A connection waiting out its backoff after a failure is not read (a learner's hold
    // must not hammer a server that is away); the rest are read side by side.
    let stale = connections
        .into_iter()
        .filter(|c| c.error_code.is_none() && c.last_success_at.is_none_or(|t| t < stale_before));
    let reads = stale.map(|c| sync_connection(db, calendars, schedules, None, c.id));
    match tokio::time::timeout(HOLD_WAIT, futures::future::join_all(reads)).await {
        Ok(results) => {
            for e in results.into_iter().filter_map(Result::err) {
                tracing::error!(error = %e, "a calendar sync before a hold failed");
            }
        }
        Err(_) => {
            tracing::warn!(%expert, "a calendar was too slow before a hold; its last busy times count")
        }
    }
}

/// The longest a hold waits for the expert's calendars.
const HOLD_WAIT: std::time::Duration = std::time::Duration::from_secs(4);

/// Puts a `calendar_sync` job on the queue for every connection that is due.
pub async fn enqueue_due(db: &Database) -> Result<usize, store::StoreError> {
    let now = db.clock().now();
    let mut added = 0;
    for connection in store::calendars::due(db, now, 500).await? {
        let job = crate::jobs::calendar_sync::job(connection.id, now);
        if crate::jobs::enqueue_job(db, &job).await? {
            added += 1;
        }
    }
    Ok(added)
}

/// Tells the expert, once per failure, that a calendar is not being read and what the
/// learners see meanwhile.
async fn tell_expert(notifier: &Notifier<'_>, connection: &Connection, code: &str, now: Timestamp) {
    let Ok(Some(expert)) = store::users::find_by_id(notifier.db, connection.user_id).await else {
        return;
    };
    let locale = i18n::Locale::from_tag(&expert.locale).unwrap_or(i18n::Locale::En);
    let reason = locale.t(&super::problem_message(&connection.kind, code));
    let consequence = if connection.keep_booking {
        locale.t("calendar-failing-keep")
    } else {
        locale.t("calendar-failing-paused")
    };
    let link = format!("{}/calendars", notifier.base.trim_end_matches('/'));
    let email = crate::mail::Email {
        to: expert.email.clone(),
        subject: locale.t("email-calendar-failing-subject"),
        text: locale.t_args(
            "email-calendar-failing-body",
            &[
                ("name", expert.display_name.clone()),
                ("reason", reason.clone()),
                ("consequence", consequence),
                ("link", link),
            ],
        ),
        lang: Some(locale.tag().to_owned()),
        ..Default::default()
    };
    let message = Message {
        // Once per failure: the connection and the moment it was first told.
        id: crate::notify::id_from(connection.id, now.as_second().unsigned_abs().into()),
        kind: domain::notification::Kind::CalendarFailing,
        booking_id: None,
        data: serde_json::json!({ "other": reason }),
        email: Some(email),
    };
    if let Err(e) = notifier.tell(&expert, message).await {
        tracing::error!(error = %e, "telling an expert of a failing calendar failed");
    }
}
