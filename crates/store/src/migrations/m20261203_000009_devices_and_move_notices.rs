//! Two tables that came with hardening, after migration 8:
//! - `known_devices`: browsers and API clients that have signed in to an account before
//!   (a long-lived secret each, stored as a digest). While strangers' failed logins have an
//!   address locked, the owner's known devices still sign in with the right password.
//! - `booking_move_notices`: per session, when its last "moved" email went and which later
//!   move waits to be announced, so rapid moves make one email, not one each.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KnownDevices::Table)
                    .col(char_len(KnownDevices::TokenDigest, 64).primary_key())
                    .col(uuid(KnownDevices::UserId))
                    .col(timestamp_with_time_zone(KnownDevices::CreatedAt))
                    .col(timestamp_with_time_zone(KnownDevices::LastSeenAt))
                    .col(timestamp_with_time_zone(KnownDevices::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_known_devices_user")
                            .from(KnownDevices::Table, KnownDevices::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_known_devices_user")
                    .table(KnownDevices::Table)
                    .col(KnownDevices::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BookingMoveNotices::Table)
                    .col(uuid(BookingMoveNotices::SeriesId).primary_key())
                    .col(big_integer(BookingMoveNotices::LastSentAt))
                    .col(uuid_null(BookingMoveNotices::PendingBookingId))
                    .col(big_integer_null(BookingMoveNotices::DueAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_booking_move_notices_due")
                    .table(BookingMoveNotices::Table)
                    .col(BookingMoveNotices::DueAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum BookingMoveNotices {
    Table,
    SeriesId,
    LastSentAt,
    PendingBookingId,
    DueAt,
}

#[derive(DeriveIden)]
enum KnownDevices {
    Table,
    TokenDigest,
    UserId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}
