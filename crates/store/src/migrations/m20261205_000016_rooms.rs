//! Meeting for sessions:
//! - `room_stays`: each participant's stays in a session's built-in room (joined, left or
//!   last seen), from which attendance settles the session;
//! - `room_messages`: the room's text chat, kept with the session;
//! - `recording_consents`: who agreed to be recorded in which session, when, for what,
//!   and when they withdrew;
//! - `recordings` and `recording_chunks`: each side's recorded stream, as ordered chunks
//!   in object storage;
//! - `attendance_reviews`: sessions attendance could not settle (`nobody` came,
//!   `one_side` only was seen in a meeting whose reports may be incomplete), for an
//!   operator to decide, and sessions at a provider that reports no attendance
//!   (`unreported`: the expert records how it went, as before);
//! - `video_meetings`: a session series' meeting at an outside provider (Jitsi's room
//!   name; Zoom's or Google's meeting id, join link, the start it is set for, and the
//!   provider's last refusal for the expert to see);
//! - `expert_profiles.video_provider`: where the expert meets (`builtin` by default).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::schema::booking_fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ExpertProfiles::Table)
                    .add_column(string_len(ExpertProfiles::VideoProvider, 16).default("builtin"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoomStays::Table)
                    .col(uuid(RoomStays::Id).primary_key())
                    .col(uuid(RoomStays::BookingId))
                    .col(uuid(RoomStays::AccountId))
                    .col(string_len(RoomStays::Role, 16))
                    .col(big_integer(RoomStays::JoinedAt))
                    .col(big_integer(RoomStays::SeenAt))
                    .col(big_integer_null(RoomStays::LeftAt))
                    .foreign_key(&mut booking_fk(
                        "fk_room_stays_booking",
                        RoomStays::Table,
                        RoomStays::BookingId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_room_stays_booking")
                    .table(RoomStays::Table)
                    .col(RoomStays::BookingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoomMessages::Table)
                    .col(uuid(RoomMessages::Id).primary_key())
                    .col(uuid(RoomMessages::BookingId))
                    .col(uuid(RoomMessages::AccountId))
                    .col(text(RoomMessages::Body))
                    .col(big_integer(RoomMessages::CreatedAt))
                    .foreign_key(&mut booking_fk(
                        "fk_room_messages_booking",
                        RoomMessages::Table,
                        RoomMessages::BookingId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_room_messages_booking")
                    .table(RoomMessages::Table)
                    .col(RoomMessages::BookingId)
                    .col(RoomMessages::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RecordingConsents::Table)
                    .col(uuid(RecordingConsents::Id).primary_key())
                    .col(uuid(RecordingConsents::BookingId))
                    .col(uuid(RecordingConsents::AccountId))
                    .col(string_len(RecordingConsents::Purpose, 32))
                    .col(big_integer(RecordingConsents::GivenAt))
                    .col(big_integer_null(RecordingConsents::WithdrawnAt))
                    .foreign_key(&mut booking_fk(
                        "fk_recording_consents_booking",
                        RecordingConsents::Table,
                        RecordingConsents::BookingId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_recording_consents_booking")
                    .table(RecordingConsents::Table)
                    .col(RecordingConsents::BookingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Recordings::Table)
                    .col(uuid(Recordings::Id).primary_key())
                    .col(uuid(Recordings::BookingId))
                    .col(uuid(Recordings::AccountId))
                    .col(big_integer(Recordings::StartedAt))
                    .col(big_integer_null(Recordings::EndedAt))
                    .col(integer(Recordings::Chunks).default(0))
                    .col(big_integer(Recordings::Bytes).default(0))
                    .col(big_integer(Recordings::DeleteAfter))
                    .col(big_integer_null(Recordings::DeletedAt))
                    .foreign_key(&mut booking_fk(
                        "fk_recordings_booking",
                        Recordings::Table,
                        Recordings::BookingId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_recordings_booking")
                    .table(Recordings::Table)
                    .col(Recordings::BookingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RecordingChunks::Table)
                    .col(uuid(RecordingChunks::RecordingId))
                    .col(integer(RecordingChunks::Seq))
                    .col(string_len(RecordingChunks::StorageKey, 200))
                    .col(big_integer(RecordingChunks::Bytes))
                    .primary_key(
                        Index::create()
                            .col(RecordingChunks::RecordingId)
                            .col(RecordingChunks::Seq),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_recording_chunks_recording")
                            .from(RecordingChunks::Table, RecordingChunks::RecordingId)
                            .to(Recordings::Table, Recordings::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AttendanceReviews::Table)
                    .col(uuid(AttendanceReviews::BookingId).primary_key())
                    .col(string_len(AttendanceReviews::Reason, 24))
                    .col(big_integer(AttendanceReviews::CreatedAt))
                    .foreign_key(&mut booking_fk(
                        "fk_attendance_reviews_booking",
                        AttendanceReviews::Table,
                        AttendanceReviews::BookingId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VideoMeetings::Table)
                    .col(uuid(VideoMeetings::SeriesId).primary_key())
                    .col(string_len(VideoMeetings::Provider, 16))
                    .col(string_len(VideoMeetings::Room, 200))
                    .col(text_null(VideoMeetings::JoinUrl))
                    .col(big_integer_null(VideoMeetings::StartAt))
                    .col(boolean(VideoMeetings::Deleted).default(false))
                    .col(text_null(VideoMeetings::Error))
                    .col(big_integer(VideoMeetings::CreatedAt))
                    .col(big_integer(VideoMeetings::UpdatedAt))
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertProfiles {
    Table,
    VideoProvider,
}

#[derive(DeriveIden, Clone, Copy)]
enum RoomStays {
    Table,
    Id,
    BookingId,
    AccountId,
    Role,
    JoinedAt,
    SeenAt,
    LeftAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RoomMessages {
    Table,
    Id,
    BookingId,
    AccountId,
    Body,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RecordingConsents {
    Table,
    Id,
    BookingId,
    AccountId,
    Purpose,
    GivenAt,
    WithdrawnAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Recordings {
    Table,
    Id,
    BookingId,
    AccountId,
    StartedAt,
    EndedAt,
    Chunks,
    Bytes,
    DeleteAfter,
    DeletedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RecordingChunks {
    Table,
    RecordingId,
    Seq,
    StorageKey,
    Bytes,
}

#[derive(DeriveIden, Clone, Copy)]
enum AttendanceReviews {
    Table,
    BookingId,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum VideoMeetings {
    Table,
    SeriesId,
    Provider,
    Room,
    JoinUrl,
    StartAt,
    Deleted,
    Error,
    CreatedAt,
    UpdatedAt,
}
