//! Bookings, their timelines, the idempotency keys that make a retried request safe, and
//! the secret tokens of users' calendar feeds.
//!
//! The guarantee against double booking lives here. PostgreSQL: two exclusion constraints
//! over active bookings — an expert's blocked range (the session widened by their buffers)
//! and a learner's session may not overlap another active one. SQLite has no such
//! constraint; the store checks and inserts in one write transaction, and SQLite runs one
//! writer at a time. Instants are Unix seconds, so the ranges are `int8range` (half-open,
//! exactly the engine's intervals) rather than `tstzrange`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

use super::schema::{index, user_fk};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Bookings::Table)
                    .col(uuid(Bookings::Id).primary_key())
                    .col(uuid(Bookings::ExpertId))
                    .col(uuid(Bookings::LearnerId))
                    .col(string_len(Bookings::Status, 32))
                    .col(big_integer(Bookings::StartAt))
                    .col(big_integer(Bookings::EndAt))
                    .col(big_integer(Bookings::BlockedFrom))
                    .col(big_integer(Bookings::BlockedTo))
                    .col(integer(Bookings::DurationMinutes))
                    .col(big_integer(Bookings::HoldExpiresAt))
                    .col(big_integer(Bookings::PriceAmount))
                    .col(string_len(Bookings::Currency, 3))
                    // The cancellation policy in force when it was booked (see
                    // `domain::booking::policy`), frozen.
                    .col(string_len(Bookings::Policy, 120))
                    .col(text_null(Bookings::Note))
                    // The calendar event's UID: kept by the booking a reschedule creates.
                    .col(uuid(Bookings::SeriesId))
                    .col(integer(Bookings::Sequence))
                    .col(uuid_null(Bookings::RescheduledFrom))
                    .col(big_integer_null(Bookings::ProposedStart))
                    .col(string_len(Bookings::PaymentProvider, 16))
                    .col(string_len_null(Bookings::PaymentRef, 255))
                    .col(big_integer(Bookings::PaidAmount))
                    .col(big_integer(Bookings::RefundedAmount))
                    .col(big_integer(Bookings::CreatedAt))
                    .col(big_integer(Bookings::UpdatedAt))
                    // Bookings are financial records: deleting a user must not take them
                    // along (account deletion anonymises instead).
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_bookings_expert")
                            .from(Bookings::Table, Bookings::ExpertId)
                            .to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_bookings_learner")
                            .from(Bookings::Table, Bookings::LearnerId)
                            .to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("ix_bookings_expert_start", Bookings::ExpertId),
            ("ix_bookings_learner_start", Bookings::LearnerId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Bookings::Table)
                        .col(col)
                        .col(Bookings::StartAt)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ix_bookings_status_hold")
                    .table(Bookings::Table)
                    .col(Bookings::Status)
                    .col(Bookings::HoldExpiresAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(BookingEvents::Table)
                    .col(uuid(BookingEvents::Id).primary_key())
                    .col(uuid(BookingEvents::BookingId))
                    .col(string_len_null(BookingEvents::FromStatus, 32))
                    .col(string_len(BookingEvents::ToStatus, 32))
                    .col(string_len(BookingEvents::Actor, 16))
                    .col(uuid_null(BookingEvents::ActorId))
                    .col(text_null(BookingEvents::Reason))
                    .col(big_integer(BookingEvents::At))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_booking_events_booking")
                            .from(BookingEvents::Table, BookingEvents::BookingId)
                            .to(Bookings::Table, Bookings::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_booking_events_booking",
            BookingEvents::Table,
            BookingEvents::BookingId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(IdempotencyKeys::Table)
                    .col(uuid(IdempotencyKeys::UserId))
                    .col(string_len(IdempotencyKeys::Scope, 32))
                    .col(string_len(IdempotencyKeys::Key, 255))
                    // SHA-256 of the request body: the same key with another body is refused.
                    .col(string_len(IdempotencyKeys::Fingerprint, 64))
                    .col(uuid(IdempotencyKeys::ResourceId))
                    .col(big_integer(IdempotencyKeys::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(IdempotencyKeys::UserId)
                            .col(IdempotencyKeys::Scope)
                            .col(IdempotencyKeys::Key),
                    )
                    .foreign_key(&mut user_fk(
                        "fk_idempotency_keys_user",
                        IdempotencyKeys::Table,
                        IdempotencyKeys::UserId,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .col(uuid(CalendarFeeds::UserId).primary_key())
                    // SHA-256 of the secret in the feed's address, hex.
                    .col(string_len(CalendarFeeds::TokenDigest, 64).unique_key())
                    .col(big_integer(CalendarFeeds::CreatedAt))
                    .foreign_key(&mut user_fk(
                        "fk_calendar_feeds_user",
                        CalendarFeeds::Table,
                        CalendarFeeds::UserId,
                    ))
                    .to_owned(),
            )
            .await?;

        // Session emails carry a calendar invite; the dev outbox keeps it beside the text.
        manager
            .alter_table(
                Table::alter()
                    .table(Outbox::Table)
                    .add_column(text_null(Outbox::CalendarBody))
                    .to_owned(),
            )
            .await?;

        if manager.get_database_backend() == DatabaseBackend::Postgres {
            let db = manager.get_connection();
            db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS btree_gist")
                .await?;
            db.execute_unprepared(
                "ALTER TABLE bookings ADD CONSTRAINT bookings_expert_no_overlap \
                 EXCLUDE USING gist (expert_id WITH =, int8range(blocked_from, blocked_to) WITH &&) \
                 WHERE (status IN ('held', 'confirmed'))",
            )
            .await?;
            db.execute_unprepared(
                "ALTER TABLE bookings ADD CONSTRAINT bookings_learner_no_overlap \
                 EXCLUDE USING gist (learner_id WITH =, int8range(start_at, end_at) WITH &&) \
                 WHERE (status IN ('held', 'confirmed'))",
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Outbox::Table)
                    .drop_column(Outbox::CalendarBody)
                    .to_owned(),
            )
            .await?;
        for table in [
            CalendarFeeds::Table.into_iden(),
            IdempotencyKeys::Table.into_iden(),
            BookingEvents::Table.into_iden(),
            Bookings::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Outbox {
    Table,
    CalendarBody,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Bookings {
    Table,
    Id,
    ExpertId,
    LearnerId,
    Status,
    StartAt,
    EndAt,
    BlockedFrom,
    BlockedTo,
    DurationMinutes,
    HoldExpiresAt,
    PriceAmount,
    Currency,
    Policy,
    Note,
    SeriesId,
    Sequence,
    RescheduledFrom,
    ProposedStart,
    PaymentProvider,
    PaymentRef,
    PaidAmount,
    RefundedAmount,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum BookingEvents {
    Table,
    Id,
    BookingId,
    FromStatus,
    ToStatus,
    Actor,
    ActorId,
    Reason,
    At,
}

#[derive(DeriveIden, Clone, Copy)]
enum IdempotencyKeys {
    Table,
    UserId,
    Scope,
    Key,
    Fingerprint,
    ResourceId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CalendarFeeds {
    Table,
    UserId,
    TokenDigest,
    CreatedAt,
}
