//! Meetings at Zoom or Google Meet, kept in step with their session: made when it is
//! confirmed, moved when it moves, deleted when it is called off, by the `video_meeting`
//! job (enqueued with the change's notice, so a provider that is down delays the link,
//! never the booking). A refusal is kept on the meeting for the expert to read on the
//! session's pages and the job retries; the next call that succeeds clears it. Zoom's
//! participant webhooks feed the same attendance as the built-in room.

use ::meetings::{MeetingError, MeetingRequest};
use domain::booking::BookingStatus;
use domain::room::VideoProvider;
use jiff::Timestamp;
use store::Database;
use uuid::Uuid;

use super::{OutsideProviders, RoomError};
use crate::bookings::Booking;

/// What syncing a session's meeting did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    /// The expert meets elsewhere, or the session needs nothing now.
    Nothing,
    /// The meeting was made.
    Created,
    /// The meeting was moved to the session's time.
    Moved,
    /// The meeting was deleted.
    Deleted,
}

/// Why syncing failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The provider refused or was away (kept on the meeting for the expert).
    #[error(transparent)]
    Provider(#[from] MeetingError),
    /// The database failed.
    #[error(transparent)]
    Room(#[from] RoomError),
}

impl From<store::StoreError> for SyncError {
    fn from(e: store::StoreError) -> Self {
        Self::Room(RoomError::Store(e))
    }
}

/// Brings the provider's meeting of booking `id` in line with the booking as it stands.
pub async fn sync(
    db: &Database,
    outside: &OutsideProviders,
    id: Uuid,
    now: Timestamp,
) -> Result<Synced, SyncError> {
    let Some(row) = store::bookings::find(db, id).await? else {
        return Ok(Synced::Nothing);
    };
    let booking = Booking::from_row(row)
        .map_err(|e| RoomError::Store(store::StoreError::Corrupt(e.to_string())))?;
    let series = booking.row.series_id;
    let existing = store::rooms::meeting(db, series).await?;
    // A meeting already made stays with its provider (the expert may have changed their
    // choice since: it is moved or deleted where it is).
    let provider = match &existing {
        Some(m) if !m.room.is_empty() => VideoProvider::parse(&m.provider).unwrap_or_default(),
        _ => super::provider_of(db, booking.row.expert_id).await?,
    };
    // A session meets where its expert met when it was confirmed: a later change of
    // choice applies to sessions booked after it.
    if existing.is_none() && booking.status == BookingStatus::Confirmed && !provider.is_scheduled()
    {
        let chosen = store::rooms::Meeting {
            series_id: series,
            provider: provider.as_str().to_owned(),
            room: String::new(),
            join_url: None,
            start_at: Some(booking.row.start_at.as_second()),
            deleted: false,
            error: None,
        };
        store::rooms::save_meeting(db, &chosen, now).await?;
        return Ok(Synced::Nothing);
    }
    let Some(client) = outside.client(provider) else {
        return Ok(Synced::Nothing);
    };
    let made = existing
        .as_ref()
        .filter(|m| !m.room.is_empty() && !m.deleted);
    let outcome = match (booking.status, made) {
        (BookingStatus::Confirmed, None) => {
            let request = request_for(db, &booking).await?;
            client.create(&request).await.map(|meeting| {
                (
                    Synced::Created,
                    store::rooms::Meeting {
                        series_id: series,
                        provider: provider.as_str().to_owned(),
                        room: meeting.external_id,
                        join_url: Some(meeting.join_url),
                        start_at: Some(booking.row.start_at.as_second()),
                        deleted: false,
                        error: None,
                    },
                )
            })
        }
        (BookingStatus::Confirmed, Some(m))
            if m.start_at != Some(booking.row.start_at.as_second()) =>
        {
            let request = request_for(db, &booking).await?;
            client.update(&m.room, &request).await.map(|()| {
                (
                    Synced::Moved,
                    store::rooms::Meeting {
                        start_at: Some(booking.row.start_at.as_second()),
                        ..m.clone()
                    },
                )
            })
        }
        (BookingStatus::Cancelled, Some(m)) => client.delete(&m.room).await.map(|()| {
            (
                Synced::Deleted,
                store::rooms::Meeting {
                    deleted: true,
                    ..m.clone()
                },
            )
        }),
        _ => return Ok(Synced::Nothing),
    };
    match outcome {
        Ok((synced, meeting)) => {
            store::rooms::save_meeting(db, &meeting, now).await?;
            Ok(synced)
        }
        Err(e) => {
            store::rooms::meeting_failed(db, series, provider.as_str(), &e.to_string(), now)
                .await?;
            Err(e.into())
        }
    }
}

/// The meeting a confirmed session asks for.
async fn request_for(db: &Database, booking: &Booking) -> Result<MeetingRequest, SyncError> {
    let expert = crate::accounts::by_id(db, booking.row.expert_id).await?;
    let learner = crate::accounts::by_id(db, booking.row.learner_id).await?;
    let (Some(expert), Some(learner)) = (expert, learner) else {
        return Err(RoomError::NotFound.into());
    };
    Ok(MeetingRequest {
        topic: format!(
            "Mentora: {} × {}",
            expert.display_name, learner.display_name
        ),
        start: booking.row.start_at.to_string(),
        end: booking.row.end_at.to_string(),
        minutes: i64::from(booking.row.duration_minutes),
        attendees: vec![expert.email, learner.email],
        request_id: format!("mentora{}", booking.row.series_id.simple()),
    })
}

/// The join link of a session's outside meeting, and the provider's last refusal.
pub async fn link(
    db: &Database,
    booking: &Booking,
) -> Result<(Option<String>, Option<String>), RoomError> {
    Ok(
        match store::rooms::meeting(db, booking.row.series_id).await? {
            Some(m) if !m.deleted => (m.join_url, m.error),
            _ => (None, None),
        },
    )
}

/// Records a join or leave Zoom reported for its meeting `meeting_id`: by the
/// participant's email, as the learner's or the expert's stay in the session's room.
/// Unknown meetings and people are ignored (a guest the expert let in).
pub async fn zoom_participant(
    db: &Database,
    event: &::meetings::zoom_webhook::ParticipantEvent,
) -> Result<bool, RoomError> {
    let Some(meeting) = store::rooms::meeting_by_room(db, "zoom", &event.meeting_id).await? else {
        return Ok(false);
    };
    let Some(at) = event.at.parse::<Timestamp>().ok() else {
        return Ok(false);
    };
    let Some(row) = store::bookings::current_of_series(db, meeting.series_id).await? else {
        return Ok(false);
    };
    let Some(email) = event.email.as_deref() else {
        return Ok(false);
    };
    let role = match (
        crate::accounts::by_id(db, row.learner_id).await?,
        crate::accounts::by_id(db, row.expert_id).await?,
    ) {
        (Some(l), _) if l.email.eq_ignore_ascii_case(email) => (l.id, "learner"),
        (_, Some(e)) if e.email.eq_ignore_ascii_case(email) => (e.id, "expert"),
        _ => return Ok(false),
    };
    if event.joined {
        store::rooms::join(db, Uuid::new_v4(), row.id, role.0, role.1, at).await?;
    } else {
        store::rooms::leave_open(db, row.id, role.0, at).await?;
    }
    Ok(true)
}
