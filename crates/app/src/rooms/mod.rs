//! Meeting for a session: entering its room (the two participants, and operators with the
//! support permission, announced), the ICE servers a browser connects through, who stayed
//! and for how long, the chat kept with the session, recording with both sides' consent,
//! and the settlement that turns attendance into the session's outcome.
//!
//! Media never passes through Mentora: browsers connect to each other (through TURN when
//! they must); signalling (offers, answers, candidates) travels over the live socket on
//! the room's channel, so it reaches the other participant on whichever instance they are.

pub mod attendance;
pub mod chat;
pub mod ice;
pub mod jitsi;
pub mod meetings;
pub mod recording;
pub mod settle;

use domain::Permission;
use domain::booking::{Actor, BookingStatus};
use domain::room::{RoomWindow, VideoProvider, WindowState};
use jiff::Timestamp;
use store::users::User;
use store::{Database, StoreError};
use uuid::Uuid;

use crate::bookings::Booking;
use crate::files::FileError;

pub use ice::{IceServer, IceSettings};
pub use jitsi::JitsiSettings;

/// The outside providers whose meetings jobs make (Zoom, Google Meet), when configured.
#[derive(Clone, Default)]
pub struct OutsideProviders {
    /// The deployment's Zoom app.
    pub zoom: Option<std::sync::Arc<dyn ::meetings::MeetingProvider>>,
    /// The deployment's Google account.
    pub meet: Option<std::sync::Arc<dyn ::meetings::MeetingProvider>>,
    /// The secret token Zoom signs its webhooks with.
    pub zoom_webhook_secret: Option<String>,
}

impl std::fmt::Debug for OutsideProviders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutsideProviders")
            .field("zoom", &self.zoom.is_some())
            .field("meet", &self.meet.is_some())
            .finish_non_exhaustive()
    }
}

impl OutsideProviders {
    /// The client for `provider`, when it is one jobs schedule and it is configured.
    pub fn client(&self, provider: VideoProvider) -> Option<&dyn ::meetings::MeetingProvider> {
        match provider {
            VideoProvider::Zoom => self.zoom.as_deref(),
            VideoProvider::GoogleMeet => self.meet.as_deref(),
            VideoProvider::BuiltIn | VideoProvider::Jitsi => None,
        }
    }
}

/// The deployment's video settings.
#[derive(Debug, Clone, Default)]
pub struct VideoSettings {
    /// STUN and TURN servers browsers gather candidates from (TURN credentials minted per
    /// participant when a shared secret is set).
    pub ice: IceSettings,
    /// The Jitsi server experts may choose instead of the built-in room.
    pub jitsi: Option<JitsiSettings>,
    /// How long recordings are kept, in days.
    pub recording_retention_days: u32,
    /// Zoom and Google Meet, when configured.
    pub outside: OutsideProviders,
}

/// How someone is in a room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomRole {
    /// The learner who booked.
    Learner,
    /// The expert giving the session.
    Expert,
    /// An operator with the support permission, announced to both.
    Support,
}

impl RoomRole {
    /// The stored and shown name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Learner => "learner",
            Self::Expert => "expert",
            Self::Support => "support",
        }
    }

    /// Whether this is one of the session's two participants.
    pub fn participates(self) -> bool {
        self != Self::Support
    }
}

/// Why someone cannot do something in a room.
#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    /// No such session, or not one the person may enter (ids reveal nothing).
    #[error("no such session")]
    NotFound,
    /// The session is not one that meets (held, cancelled, moved, …).
    #[error("a {0} session has no room")]
    NoMeeting(BookingStatus),
    /// The room is not open yet: it opens at this instant.
    #[error("the room opens at {0}")]
    NotYetOpen(Timestamp),
    /// The room has closed for good.
    #[error("the room has closed")]
    Closed,
    /// Only the two participants may do this (support staff watch and talk only).
    #[error("only the session's participants may do this")]
    ParticipantsOnly,
    /// Recording needs both participants' standing consent.
    #[error("recording needs both participants' consent")]
    NoConsent,
    /// A chunk came out of order, or for a recording that has stopped.
    #[error("the recording is not taking this chunk")]
    ChunkRefused,
    /// A byte range past the end of a recording of this many bytes.
    #[error("the range is past the end of the recording ({0} bytes)")]
    RangeNotSatisfiable(u64),
    /// Input the caller must correct.
    #[error("invalid input: {0:?}")]
    Invalid(crate::FieldError),
    /// Storing a recording's chunk failed.
    #[error(transparent)]
    Files(#[from] FileError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A person's way into a session's room.
#[derive(Debug, Clone)]
pub struct RoomPass {
    /// The session.
    pub booking: Booking,
    /// How they are in it.
    pub role: RoomRole,
    /// When the room is open.
    pub window: RoomWindow,
    /// Where the expert meets.
    pub provider: VideoProvider,
}

impl RoomPass {
    /// Whether the room is open at `now`, or when it opens.
    pub fn state(&self, now: Timestamp) -> WindowState {
        self.window.state(now)
    }

    /// Refuses unless the room is open at `now`.
    pub fn require_open(&self, now: Timestamp) -> Result<(), RoomError> {
        match self.state(now) {
            WindowState::Open => Ok(()),
            WindowState::NotYet(at) => Err(RoomError::NotYetOpen(at)),
            WindowState::Closed => Err(RoomError::Closed),
        }
    }

    /// Refuses unless the person is one of the two participants.
    pub fn require_participant(&self) -> Result<(), RoomError> {
        if self.role.participates() {
            Ok(())
        } else {
            Err(RoomError::ParticipantsOnly)
        }
    }

    /// The booking's id.
    pub fn booking_id(&self) -> Uuid {
        self.booking.row.id
    }
}

/// Whether `user` may check the TURN relay from the video help page: someone with a
/// confirmed session ahead (who will need it), or support staff (who help them).
pub async fn may_check_relay(
    db: &Database,
    user: &User,
    now: Timestamp,
) -> Result<bool, StoreError> {
    Ok(may_support(user) || store::bookings::has_session_ahead(db, user.id, now).await?)
}

/// Whether `user` may enter any session's room to help (announced in the room).
pub fn may_support(user: &User) -> bool {
    domain::permission::allows(&user.roles, Permission::SessionsSupport)
}

/// The pass of `user` into the room of booking `id`: for the learner and the expert of a
/// confirmed (or just completed) session, and for support staff. Anyone else gets
/// `NotFound`, whatever the id. Says nothing of the time: see [`RoomPass::state`].
pub async fn pass(db: &Database, user: &User, id: Uuid) -> Result<RoomPass, RoomError> {
    let pass = pass_whatever_status(db, user, id).await?;
    if !matches!(
        pass.booking.status,
        BookingStatus::Confirmed | BookingStatus::Completed
    ) {
        return Err(RoomError::NoMeeting(pass.booking.status));
    }
    Ok(pass)
}

/// The pass of `user` into what the session keeps (its recordings), whatever became of
/// the session since: a no-show or a dispute does not take a recording from its
/// participants. Anyone else gets `NotFound`.
pub async fn pass_whatever_status(
    db: &Database,
    user: &User,
    id: Uuid,
) -> Result<RoomPass, RoomError> {
    let row = store::bookings::find(db, id)
        .await?
        .ok_or(RoomError::NotFound)?;
    let booking = Booking::from_row(row).map_err(|_| RoomError::NotFound)?;
    let role = match booking.role_of(user) {
        Some(Actor::Learner) => RoomRole::Learner,
        Some(Actor::Expert) => RoomRole::Expert,
        _ if may_support(user) => RoomRole::Support,
        _ => return Err(RoomError::NotFound),
    };
    // Where the session meets was fixed when it was confirmed (see `meetings::sync`);
    // sessions from before that was recorded meet where the expert meets now.
    let recorded = store::rooms::meeting(db, booking.row.series_id).await?;
    let provider = match recorded
        .as_ref()
        .and_then(|m| VideoProvider::parse(&m.provider))
    {
        Some(provider) => provider,
        None => provider_of(db, booking.row.expert_id).await?,
    };
    let window = RoomWindow::of(booking.row.start_at, booking.row.end_at);
    Ok(RoomPass {
        booking,
        role,
        window,
        provider,
    })
}

/// Where the expert meets (the built-in room unless they chose otherwise).
pub async fn provider_of(db: &Database, expert: Uuid) -> Result<VideoProvider, RoomError> {
    Ok(store::experts::video_provider(db, expert)
        .await?
        .as_deref()
        .and_then(VideoProvider::parse)
        .unwrap_or_default())
}

/// Where `booking`'s session meets: where the meeting was made when it was confirmed,
/// else the expert's choice now.
pub async fn met_on(db: &Database, booking: &Booking) -> Result<VideoProvider, StoreError> {
    let recorded = store::rooms::meeting(db, booking.row.series_id).await?;
    let recorded = recorded
        .as_ref()
        .and_then(|m| VideoProvider::parse(&m.provider));
    Ok(match recorded {
        Some(provider) => provider,
        None => store::experts::video_provider(db, booking.row.expert_id)
            .await?
            .as_deref()
            .and_then(VideoProvider::parse)
            .unwrap_or_default(),
    })
}

/// The expert's choice of where to meet, among those this deployment offers
/// ([`offered_providers`]); `NotFound` for someone without an expert profile.
pub async fn set_provider(
    db: &Database,
    settings: &VideoSettings,
    expert: Uuid,
    raw: &str,
) -> Result<VideoProvider, RoomError> {
    let invalid = RoomError::Invalid(crate::FieldError {
        field: "video_provider",
        message_id: "room-provider-invalid",
    });
    let provider = VideoProvider::parse(raw.trim()).ok_or(invalid)?;
    if !offered_providers(settings).contains(&provider) {
        return Err(RoomError::Invalid(crate::FieldError {
            field: "video_provider",
            message_id: "room-provider-unavailable",
        }));
    }
    // Only someone with an expert profile meets learners.
    if store::experts::video_provider(db, expert).await?.is_none() {
        return Err(RoomError::NotFound);
    }
    store::experts::set_video_provider(db, expert, provider.as_str()).await?;
    Ok(provider)
}

/// The providers an expert may choose on this deployment.
pub fn offered_providers(settings: &VideoSettings) -> Vec<VideoProvider> {
    VideoProvider::ALL
        .into_iter()
        .filter(|p| match p {
            VideoProvider::BuiltIn => true,
            VideoProvider::Jitsi => settings.jitsi.is_some(),
            VideoProvider::Zoom | VideoProvider::GoogleMeet => {
                settings.outside.client(*p).is_some()
            }
        })
        .collect()
}
