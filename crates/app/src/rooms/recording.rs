//! Recording with consent. Either participant may ask; recording starts only once both
//! have consented in the room (each consent stored: who, when, for what), both see that
//! it is on, and a withdrawal stops it at once: the running recordings end and further
//! chunks are refused.
//!
//! Each side's browser records its own camera and microphone (MediaRecorder, WebM) and
//! uploads the stream in ordered chunks to object storage. The chunks are **kept as
//! they came and served joined**: MediaRecorder's first chunk carries the WebM header and
//! each later one continues the stream, so their concatenation is one valid WebM file.
//! It is not remuxed (no cues are written); playback answers HTTP byte ranges over the
//! joined chunks, so a player seeks by fetching the part it needs (browsers find the time
//! by bisecting, as they do for any WebM without cues). Only the two participants play
//! it back, and either may delete it; otherwise it is deleted after the retention period.

use bytes::Bytes;
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::users::User;
use uuid::Uuid;

use super::{RoomError, RoomPass};
use crate::files::FileStore;
use crate::live::{Channel, LiveHub};

/// What consent is recorded for.
pub const PURPOSE: &str = "session_recording";
/// The largest chunk taken, in bytes (under the 2 MiB request limit; the room's script
/// sends two seconds at a time, some 150 KiB).
pub const MAX_CHUNK: usize = 1536 * 1024;
/// The first bytes of every WebM (Matroska) file: the EBML header's id.
pub const WEBM_MAGIC: [u8; 4] = [0x1A, 0x45, 0xDF, 0xA3];

/// Where consent stands in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ConsentState {
    /// The learner's consent stands.
    pub learner: bool,
    /// The expert's consent stands.
    pub expert: bool,
}

impl ConsentState {
    /// Both consent: recording may run.
    pub fn both(self) -> bool {
        self.learner && self.expert
    }
}

/// Where consent stands now.
pub async fn consent_state(db: &Database, pass: &RoomPass) -> Result<ConsentState, RoomError> {
    let standing: Vec<Uuid> = store::recordings::consents(db, pass.booking_id())
        .await?
        .into_iter()
        .filter(|c| c.withdrawn_at.is_none())
        .map(|c| c.account_id)
        .collect();
    Ok(ConsentState {
        learner: standing.contains(&pass.booking.row.learner_id),
        expert: standing.contains(&pass.booking.row.expert_id),
    })
}

/// `user` gives (`given`) or withdraws consent in the open room; the room hears where it
/// stands. A withdrawal ends every running recording of the session at once.
pub async fn set_consent(
    db: &Database,
    hub: &LiveHub,
    pass: &RoomPass,
    user: &User,
    given: bool,
    now: Timestamp,
) -> Result<ConsentState, RoomError> {
    pass.require_participant()?;
    pass.require_open(now)?;
    if given {
        store::recordings::consent(db, Uuid::new_v4(), pass.booking_id(), user.id, PURPOSE, now)
            .await?;
    } else {
        store::recordings::withdraw(db, pass.booking_id(), user.id, now).await?;
        store::recordings::stop_all(db, pass.booking_id(), now).await?;
    }
    let state = consent_state(db, pass).await?;
    hub.publish(
        Channel::Room(pass.booking_id()),
        "recording",
        serde_json::json!({
            "learner": state.learner,
            "expert": state.expert,
            "on": state.both(),
            "by": user.display_name,
            "given": given,
        }),
    )
    .await;
    Ok(state)
}

/// Starts recording `user`'s own stream; both must consent.
pub async fn start(
    db: &Database,
    pass: &RoomPass,
    user: &User,
    retention_days: u32,
    now: Timestamp,
) -> Result<Uuid, RoomError> {
    pass.require_participant()?;
    pass.require_open(now)?;
    if !consent_state(db, pass).await?.both() {
        return Err(RoomError::NoConsent);
    }
    let id = Uuid::new_v4();
    let keep = SignedDuration::from_hours(24 * i64::from(retention_days.max(1)));
    store::recordings::start(
        db,
        &store::recordings::Recording {
            id,
            booking_id: pass.booking_id(),
            account_id: user.id,
            started_at: now.as_second(),
            ended_at: None,
            chunks: 0,
            bytes: 0,
            delete_after: domain::clock::shifted(now, keep).as_second(),
            deleted_at: None,
        },
    )
    .await?;
    Ok(id)
}

/// The recording `id` of this session, made by `user` (their own stream), still running.
async fn own_running(
    db: &Database,
    pass: &RoomPass,
    user: &User,
    id: Uuid,
) -> Result<store::recordings::Recording, RoomError> {
    match store::recordings::find(db, id).await? {
        Some(r) if r.booking_id == pass.booking_id() && r.account_id == user.id => Ok(r),
        _ => Err(RoomError::NotFound),
    }
}

/// One uploaded piece of a recording.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// The recording it belongs to.
    pub recording: Uuid,
    /// Its place in the stream, from 0.
    pub seq: i32,
    /// The WebM bytes.
    pub bytes: Bytes,
}

/// Stores `chunk` of `user`'s recording: the next in order, while both consent.
pub async fn add_chunk(
    db: &Database,
    files: &dyn FileStore,
    pass: &RoomPass,
    user: &User,
    chunk: Chunk,
    now: Timestamp,
) -> Result<(), RoomError> {
    let Chunk {
        recording: id,
        seq,
        bytes: chunk,
    } = chunk;
    pass.require_participant()?;
    // Once the room has closed nobody can withdraw in it: nothing more is recorded.
    pass.require_open(now)?;
    let recording = own_running(db, pass, user, id).await?;
    if !consent_state(db, pass).await?.both() {
        store::recordings::stop(db, id, now).await?;
        return Err(RoomError::NoConsent);
    }
    let invalid = |message_id| {
        RoomError::Invalid(crate::FieldError {
            field: "chunk",
            message_id,
        })
    };
    if chunk.is_empty() || chunk.len() > MAX_CHUNK {
        return Err(invalid("room-chunk-size"));
    }
    if seq == 0 && !chunk.starts_with(&WEBM_MAGIC) {
        return Err(invalid("room-chunk-not-webm"));
    }
    if recording.ended_at.is_some() || seq != recording.chunks {
        return Err(RoomError::ChunkRefused);
    }
    // Each upload under a key of its own: a chunk sent twice, or refused below, is
    // removed without touching the copy that was taken.
    let key = format!(
        "recordings/{}/{id}/{seq:06}-{}.webm",
        pass.booking_id(),
        Uuid::new_v4().simple()
    );
    let size = i64::try_from(chunk.len()).unwrap_or(i64::MAX);
    files.put(&key, chunk.to_vec()).await?;
    // Taken only if it is still the next one, the recording still runs and is not
    // deleted (a withdrawal or a deletion meanwhile ended it): otherwise it goes.
    if !store::recordings::add_chunk(db, id, seq, &key, size).await? {
        files.delete(&key).await?;
        return Err(RoomError::ChunkRefused);
    }
    Ok(())
}

/// Ends `user`'s recording `id` (they stopped it, or left).
pub async fn stop(
    db: &Database,
    pass: &RoomPass,
    user: &User,
    id: Uuid,
    now: Timestamp,
) -> Result<(), RoomError> {
    own_running(db, pass, user, id).await?;
    store::recordings::stop(db, id, now).await?;
    Ok(())
}

/// A recording of the session as the participants see it listed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct RecordingSummary {
    /// Its id.
    pub id: Uuid,
    /// Whose stream it holds.
    pub person: Uuid,
    /// When it started, RFC 3339.
    pub started_at: String,
    /// Its size in bytes.
    pub bytes: i64,
    /// When retention deletes it, RFC 3339.
    pub delete_after: String,
}

/// The session's recordings, for its participants only.
pub async fn list(db: &Database, pass: &RoomPass) -> Result<Vec<RecordingSummary>, RoomError> {
    pass.require_participant()?;
    let rfc = |s: i64| {
        Timestamp::from_second(s)
            .map(|t| t.to_string())
            .unwrap_or_default()
    };
    Ok(store::recordings::of_booking(db, pass.booking_id())
        .await?
        .into_iter()
        .filter(|r| r.chunks > 0)
        .map(|r| RecordingSummary {
            id: r.id,
            person: r.account_id,
            started_at: rfc(r.started_at),
            bytes: r.bytes,
            delete_after: rfc(r.delete_after),
        })
        .collect())
}

/// The part of a recording asked for: bytes `first..=last` of the joined file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteRange {
    /// The first byte.
    pub first: u64,
    /// The last byte (included).
    pub last: u64,
}

/// What an HTTP `Range` header asks of a file of `size` bytes: `Ok(None)` for the whole
/// file (no header, several ranges, or another unit), `Ok(Some(range))` for one
/// satisfiable range, `Err(())` for a range past the end (416).
#[allow(clippy::result_unit_err)]
pub fn requested_range(header: Option<&str>, size: u64) -> Result<Option<ByteRange>, ()> {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ok(None);
    };
    if spec.contains(',') {
        return Ok(None);
    }
    let Some((from, to)) = spec.split_once('-') else {
        return Ok(None);
    };
    let (from, to) = (from.trim(), to.trim());
    let range = if from.is_empty() {
        // The last `to` bytes.
        let Ok(n) = to.parse::<u64>() else {
            return Ok(None);
        };
        if n == 0 || size == 0 {
            return Err(());
        }
        ByteRange {
            first: size.saturating_sub(n),
            last: size - 1,
        }
    } else {
        let Ok(first) = from.parse::<u64>() else {
            return Ok(None);
        };
        let last = match to {
            "" => size.saturating_sub(1),
            t => match t.parse::<u64>() {
                Ok(l) if l >= first => l.min(size.saturating_sub(1)),
                _ => return Ok(None),
            },
        };
        if first >= size {
            return Err(());
        }
        ByteRange { first, last }
    };
    Ok(Some(range))
}

/// Which chunks (storage key, offset into it, bytes from there) make up `range` of the
/// file the chunks of `sizes` join into.
fn pieces(sizes: &[(String, u64)], range: ByteRange) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0u64;
    for (key, size) in sizes {
        let end = start + size;
        if end > range.first && start <= range.last {
            let from = range.first.saturating_sub(start);
            let to = (range.last + 1).min(end) - start;
            out.push((
                key.clone(),
                usize::try_from(from).unwrap_or(usize::MAX),
                usize::try_from(to - from).unwrap_or(usize::MAX),
            ));
        }
        start = end;
    }
    out
}

/// A recording's joined file (or the part of it `range` asks for), for the session's
/// participants only: the whole file's size, the range served, and the bytes read chunk
/// after chunk as they are sent (never the whole file in memory at once).
pub async fn playback(
    db: &Database,
    files: std::sync::Arc<dyn FileStore>,
    pass: &RoomPass,
    id: Uuid,
    range: Option<&str>,
) -> Result<
    (
        u64,
        Option<ByteRange>,
        impl futures::Stream<Item = Result<Bytes, RoomError>> + use<>,
    ),
    RoomError,
> {
    use futures::StreamExt;
    pass.require_participant()?;
    match store::recordings::find(db, id).await? {
        Some(r) if r.booking_id == pass.booking_id() && r.deleted_at.is_none() => r,
        _ => return Err(RoomError::NotFound),
    };
    let sizes = store::recordings::chunk_sizes(db, id).await?;
    let size: u64 = sizes.iter().map(|(_, n)| n).sum();
    let asked = requested_range(range, size).map_err(|()| RoomError::RangeNotSatisfiable(size))?;
    let whole = ByteRange {
        first: 0,
        last: size.saturating_sub(1),
    };
    let parts = if size == 0 {
        Vec::new()
    } else {
        pieces(&sizes, asked.unwrap_or(whole))
    };
    let chunks = futures::stream::iter(parts).then(move |(key, from, take)| {
        let files = files.clone();
        async move {
            match files.get(&key).await? {
                Some(chunk) if from <= chunk.len() => {
                    let to = from.saturating_add(take).min(chunk.len());
                    Ok(chunk.slice(from..to))
                }
                _ => Err(RoomError::NotFound),
            }
        }
    });
    Ok((size, asked, chunks))
}

/// Deletes recording `id` at either participant's request: its chunks go from storage.
pub async fn delete(
    db: &Database,
    files: &dyn FileStore,
    pass: &RoomPass,
    id: Uuid,
    now: Timestamp,
) -> Result<(), RoomError> {
    pass.require_participant()?;
    match store::recordings::find(db, id).await? {
        Some(r) if r.booking_id == pass.booking_id() && r.deleted_at.is_none() => {}
        _ => return Err(RoomError::NotFound),
    }
    erase(db, files, id, now).await
}

/// Deletes a recording: marked first, so no chunk is taken after its files are listed;
/// then its files; then their rows.
async fn erase(
    db: &Database,
    files: &dyn FileStore,
    id: Uuid,
    now: Timestamp,
) -> Result<(), RoomError> {
    store::recordings::mark_deleted(db, id, now).await?;
    for (key, _) in store::recordings::chunk_sizes(db, id).await? {
        files.delete(&key).await?;
    }
    store::recordings::forget_chunks(db, id).await?;
    Ok(())
}

/// Deletes the recordings past their retention. Returns how many.
pub async fn purge_expired(
    db: &Database,
    files: &dyn FileStore,
    now: Timestamp,
) -> Result<usize, RoomError> {
    let due = store::recordings::expired(db, now, 200).await?;
    for id in &due {
        erase(db, files, *id, now).await?;
    }
    Ok(due.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_header_asks_for_one_part_or_the_whole_file() {
        let r = |first, last| Ok(Some(ByteRange { first, last }));
        assert_eq!(requested_range(None, 100), Ok(None));
        assert_eq!(requested_range(Some("bytes=0-"), 100), r(0, 99));
        assert_eq!(requested_range(Some("bytes=10-19"), 100), r(10, 19));
        assert_eq!(requested_range(Some("bytes=90-500"), 100), r(90, 99));
        assert_eq!(requested_range(Some("bytes=-10"), 100), r(90, 99));
        assert_eq!(requested_range(Some("bytes=-500"), 100), r(0, 99));
        assert_eq!(requested_range(Some("bytes=100-"), 100), Err(()));
        assert_eq!(requested_range(Some("bytes=-0"), 100), Err(()));
        assert_eq!(requested_range(Some("bytes=0-1,5-6"), 100), Ok(None));
        assert_eq!(requested_range(Some("bytes=9-3"), 100), Ok(None));
        assert_eq!(requested_range(Some("items=0-3"), 100), Ok(None));
    }

    #[test]
    fn a_range_is_cut_from_the_chunks_it_spans() {
        let sizes = vec![
            ("a".to_owned(), 10),
            ("b".to_owned(), 5),
            ("c".to_owned(), 10),
        ];
        let range = |first, last| ByteRange { first, last };
        assert_eq!(
            pieces(&sizes, range(0, 24)),
            [("a".into(), 0, 10), ("b".into(), 0, 5), ("c".into(), 0, 10)]
        );
        assert_eq!(
            pieces(&sizes, range(8, 16)),
            [("a".into(), 8, 2), ("b".into(), 0, 5), ("c".into(), 0, 2)]
        );
        assert_eq!(pieces(&sizes, range(11, 12)), [("b".into(), 1, 2)]);
        assert_eq!(pieces(&sizes, range(24, 24)), [("c".into(), 9, 1)]);
    }
}
