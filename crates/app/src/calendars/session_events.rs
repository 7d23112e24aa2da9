//! A session in the expert's own calendar: written when it is confirmed, moved when it
//! moves, removed when it is called off, to the calendar the expert chose to receive
//! sessions (CalDAV, Google or Microsoft). The event belongs to the session series and is
//! named after it, so a moved session keeps its event and a retried write never makes a
//! second one: CalDAV's `mentora-session-<series>.ics` and Google's event id
//! `mentora<series>` are overwritten; Graph makes one event per `transactionId` (the
//! series) and is then addressed by the id it gave. CalDAV's busy-time reader skips it;
//! Google's and Graph's free/busy count it, at the session's own time, which the session
//! takes anyway.
//!
//! The title names the learner only when the expert chose it for that connection (their
//! calendar may be seen by colleagues or family); the description gives the time in
//! both zones, the room's link and the booking's page.

use ::calendars::CalendarError;
use ::calendars::caldav::CalDavClient;
use ::calendars::hosted::HostedEvent;
use ::calendars::ics::OWN_UID_PREFIX;
use domain::booking::ics::{Entry, entry};
use futures::FutureExt;
use i18n::Locale;
use jiff::Timestamp;
use store::Database;
use store::calendars::{Connection, SessionEvent};
use uuid::Uuid;

use super::Calendars;
use super::signed_in::{TokenFailure, with_token};

/// What syncing a session's event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    /// Nothing to do: no receiving calendar, or the calendar already matches.
    Nothing,
    /// The event was written (made or moved).
    Written,
    /// The event was removed.
    Removed,
}

/// Why it failed (the job retries with backoff).
#[derive(Debug, thiserror::Error)]
pub enum SessionEventError {
    /// The calendar server refused or was away.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// The session moved while its event was written: written again on the next run.
    #[error("the session moved while its event was written")]
    MovedMeanwhile,
    /// The connection's sealed secret does not open with this deployment's key.
    #[error("the calendar's stored secret does not open with this deployment's key")]
    SecretUnreadable,
}

/// Brings the event of booking `id`'s session in line with the session as it stands.
pub async fn sync(
    db: &Database,
    calendars: &Calendars,
    base: &str,
    id: Uuid,
) -> Result<Synced, SessionEventError> {
    let Some(row) = store::bookings::find(db, id).await? else {
        return Ok(Synced::Nothing);
    };
    let series = row.series_id;
    // The series as it stands now decides, whichever of its bookings the job was for.
    let current = store::bookings::current_of_series(db, series).await?;
    let existing = store::calendars::session_event(db, series)
        .await?
        .filter(|e| !e.deleted);
    let now = db.clock().now();
    match (current.map(|b| (Wanted::of(&b.status), b)), existing) {
        // A session that took place (or is being settled) keeps its event; one still
        // held has none yet.
        (Some((Wanted::Leave, _)), _) | (None, None) | (Some((Wanted::Absent, _)), None) => {
            Ok(Synced::Nothing)
        }
        (None | Some((Wanted::Absent, _)), Some(event)) => {
            let Some(writer) = writer_for(db, calendars, event.calendar_id).await? else {
                return Ok(Synced::Nothing);
            };
            writer.remove(db, calendars, &event.remote_url).await?;
            let removed = SessionEvent {
                deleted: true,
                ..event
            };
            store::calendars::save_session_event(db, &removed, now).await?;
            Ok(Synced::Removed)
        }
        (Some((Wanted::Present, booking)), existing) => {
            if let Some(e) = &existing
                && e.start_at == booking.start_at.as_second()
                && e.end_at == booking.end_at.as_second()
            {
                return Ok(Synced::Nothing);
            }
            // An event stays in the calendar it was written to; a new one goes to the
            // calendar chosen now.
            let target = match &existing {
                Some(e) => store::calendars::calendar(db, e.calendar_id).await?,
                None => store::calendars::receiving(db, booking.expert_id).await?,
            };
            let Some((calendar, connection)) = target else {
                return Ok(Synced::Nothing);
            };
            let Some(writer) = writer_for(db, calendars, calendar.id).await? else {
                return Ok(Synced::Nothing);
            };
            let parts = event_parts(db, base, &booking, connection.share_names).await?;
            let (remote_url, etag) = writer
                .write(db, calendars, &booking, existing.as_ref(), &parts, now)
                .await?;
            let record = SessionEvent {
                series_id: series,
                calendar_id: calendar.id,
                remote_url,
                etag,
                start_at: booking.start_at.as_second(),
                end_at: booking.end_at.as_second(),
                deleted: false,
            };
            store::calendars::save_session_event(db, &record, now).await?;
            // Called off while this was written (its own job may have found nothing to
            // remove yet): take the event back out. Moved meanwhile: fail, so the job
            // runs again and writes the new time.
            let still = store::bookings::current_of_series(db, series).await?;
            if let Some(b) = &still
                && Wanted::of(&b.status) == Wanted::Present
                && (b.start_at.as_second(), b.end_at.as_second())
                    != (record.start_at, record.end_at)
            {
                return Err(SessionEventError::MovedMeanwhile);
            }
            if still.is_none_or(|b| Wanted::of(&b.status) == Wanted::Absent) {
                writer.remove(db, calendars, &record.remote_url).await?;
                let removed = SessionEvent {
                    deleted: true,
                    ..record
                };
                store::calendars::save_session_event(db, &removed, now).await?;
                return Ok(Synced::Removed);
            }
            Ok(Synced::Written)
        }
    }
}

/// What a session's status asks of its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    /// Confirmed: in the calendar at its time.
    Present,
    /// Called off (cancelled, or a hold that ran out): not in the calendar.
    Absent,
    /// Held, or past (completed, no-show, disputed, resolved): left as it is.
    Leave,
}

impl Wanted {
    fn of(status: &str) -> Self {
        match status {
            "confirmed" => Self::Present,
            "cancelled" | "expired" => Self::Absent,
            _ => Self::Leave,
        }
    }
}

/// Who writes a calendar's events: its CalDAV server, or the signed-in account's API.
enum Writer {
    CalDav {
        client: CalDavClient,
        collection: String,
    },
    SignedIn {
        connection: Connection,
        calendar: String,
    },
}

impl Writer {
    /// Writes the session's event (made, or moved where it is); where it is now and its
    /// version (CalDAV's ETag).
    async fn write(
        &self,
        db: &Database,
        calendars: &Calendars,
        booking: &store::bookings::BookingRow,
        existing: Option<&SessionEvent>,
        parts: &EventParts,
        now: Timestamp,
    ) -> Result<(String, Option<String>), SessionEventError> {
        let event = HostedEvent {
            summary: parts.summary.clone(),
            description: parts.description.clone(),
            start: booking.start_at,
            end: booking.end_at,
        };
        match self {
            Writer::CalDav { client, collection } => {
                let uid = format!("{OWN_UID_PREFIX}{}", booking.series_id.simple());
                let text = entry(
                    &Entry {
                        uid: uid.clone(),
                        sequence: booking.sequence,
                        start: booking.start_at,
                        end: booking.end_at,
                        summary: parts.summary.clone(),
                        description: parts.description.clone(),
                        url: Some(parts.page.clone()),
                    },
                    now,
                );
                let stored = client.put(collection, &uid, &text).await?;
                Ok((stored.url, stored.etag))
            }
            Writer::SignedIn {
                connection,
                calendar,
            } => {
                let accounts = calendars.accounts();
                let event = &event;
                let calendar = calendar.as_str();
                match (
                    connection.kind.as_str(),
                    &accounts.google,
                    &accounts.microsoft,
                ) {
                    ("google", Some((_, api)), _) => {
                        // Google takes our id (a–v, 0–9): the series' own, so a retry
                        // overwrites.
                        let id = format!("mentora{}", booking.series_id.simple());
                        let id_ref = id.as_str();
                        with_token(db, calendars, connection, |t| {
                            async move { api.put_event(&t, calendar, id_ref, event).await }.boxed()
                        })
                        .await?;
                        Ok((id, None))
                    }
                    ("microsoft", _, Some((_, graph))) => {
                        if let Some(held) = existing {
                            let id = held.remote_url.as_str();
                            let moved = with_token(db, calendars, connection, |t| {
                                async move { graph.update_event(&t, id, event).await }.boxed()
                            })
                            .await;
                            match moved {
                                Ok(()) => return Ok((held.remote_url.clone(), None)),
                                // Deleted in Outlook meanwhile: made again below.
                                Err(TokenFailure::Calendar(CalendarError::Gone)) => {}
                                Err(e) => return Err(e.into()),
                            }
                        }
                        // The series' id as the transaction: a retried create returns
                        // the event the lost answer made.
                        let transaction = booking.series_id.to_string();
                        let transaction = transaction.as_str();
                        let id = with_token(db, calendars, connection, |t| {
                            async move {
                                graph.create_event(&t, calendar, transaction, event).await
                            }
                            .boxed()
                        })
                        .await?;
                        Ok((id, None))
                    }
                    _ => Err(SessionEventError::Calendar(CalendarError::Refused {
                        status: 0,
                        message: "this provider is no longer configured".into(),
                    })),
                }
            }
        }
    }

    /// Removes the event at `remote` (CalDAV: its address; Google and Graph: its id).
    async fn remove(
        &self,
        db: &Database,
        calendars: &Calendars,
        remote: &str,
    ) -> Result<(), SessionEventError> {
        match self {
            Writer::CalDav { client, .. } => Ok(client.delete(remote).await?),
            Writer::SignedIn {
                connection,
                calendar,
            } => {
                let accounts = calendars.accounts();
                let calendar = calendar.as_str();
                match (
                    connection.kind.as_str(),
                    &accounts.google,
                    &accounts.microsoft,
                ) {
                    ("google", Some((_, api)), _) => with_token(db, calendars, connection, |t| {
                        async move { api.delete_event(&t, calendar, remote).await }.boxed()
                    })
                    .await
                    .map_err(Into::into),
                    ("microsoft", _, Some((_, graph))) => {
                        with_token(db, calendars, connection, |t| {
                            async move { graph.delete_event(&t, remote).await }.boxed()
                        })
                        .await
                        .map_err(Into::into)
                    }
                    _ => Ok(()),
                }
            }
        }
    }
}

impl From<TokenFailure> for SessionEventError {
    fn from(e: TokenFailure) -> Self {
        match e {
            TokenFailure::Calendar(e) => Self::Calendar(e),
            TokenFailure::Secret => Self::SecretUnreadable,
            TokenFailure::Store(e) => Self::Store(e),
        }
    }
}

/// The writer of the connection that holds `calendar`; None when it is gone or reads
/// only (a feed).
async fn writer_for(
    db: &Database,
    calendars: &Calendars,
    calendar: Uuid,
) -> Result<Option<Writer>, SessionEventError> {
    let Some((calendar, connection)) = store::calendars::calendar(db, calendar).await? else {
        return Ok(None);
    };
    match connection.kind.as_str() {
        "caldav" => {
            let Some(sealed) = connection.secret_sealed.as_deref() else {
                return Ok(None);
            };
            let password = calendars
                .key()
                .open(connection.id, sealed)
                .map_err(|_| SessionEventError::SecretUnreadable)?;
            Ok(Some(Writer::CalDav {
                client: CalDavClient::new(
                    &connection.address,
                    &connection.username,
                    &password,
                    calendars.allow_private(),
                )?,
                collection: calendar.remote_url,
            }))
        }
        "google" | "microsoft" => Ok(Some(Writer::SignedIn {
            connection,
            calendar: calendar.remote_url,
        })),
        _ => Ok(None),
    }
}

/// What a session's event says, whatever calendar holds it.
struct EventParts {
    summary: String,
    description: String,
    /// The booking's page.
    page: String,
}

/// The event: in the expert's language, the time in both people's zones.
async fn event_parts(
    db: &Database,
    base: &str,
    booking: &store::bookings::BookingRow,
    share_names: bool,
) -> Result<EventParts, SessionEventError> {
    let expert = store::users::find_by_id(db, booking.expert_id).await?;
    let learner = store::users::find_by_id(db, booking.learner_id).await?;
    let locale = expert
        .as_ref()
        .and_then(|e| Locale::from_tag(&e.locale))
        .unwrap_or(Locale::En);
    let zone_of = |u: &Option<store::users::User>| {
        u.as_ref()
            .map(|u| u.time_zone.clone())
            .filter(|z| jiff::tz::TimeZone::get(z).is_ok())
            .unwrap_or_else(|| "UTC".to_owned())
    };
    let (expert_zone, learner_zone) = (zone_of(&expert), zone_of(&learner));
    let span = |zone: &str| {
        let tz = jiff::tz::TimeZone::get(zone).unwrap_or(jiff::tz::TimeZone::UTC);
        locale.span(
            tz.to_datetime(booking.start_at),
            tz.to_datetime(booking.end_at),
        )
    };
    let summary = match (&learner, share_names) {
        (Some(l), true) => locale.t_args(
            "calendar-event-title-named",
            &[("learner", l.display_name.clone())],
        ),
        _ => locale.t("calendar-event-title"),
    };
    let base = base.trim_end_matches('/');
    let page = format!("{base}/bookings/{}", booking.id);
    let description = locale.t_args(
        "calendar-event-description",
        &[
            ("expert_time", span(&expert_zone)),
            ("expert_zone", expert_zone.clone()),
            ("learner_time", span(&learner_zone)),
            ("learner_zone", learner_zone.clone()),
            ("join", format!("{base}/sessions/{}/room", booking.id)),
            ("page", page.clone()),
        ],
    );
    Ok(EventParts {
        summary,
        description,
        page,
    })
}
