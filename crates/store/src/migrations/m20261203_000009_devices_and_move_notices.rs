//! Two tables that came with hardening, after migration 8:
//! - `known_devices`: browsers and API clients that have signed in to an account before
//!   (a long-lived secret each, stored as a digest). While strangers' failed logins have an
//!   address locked, the owner's known devices still sign in with the right password.
//! - `booking_move_notices`: per session, when its last "moved" email went and which later
//!   move waits to be announced, so rapid moves make one email, not one each.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KnownDevices::Table)
                    .col(
                        ColumnDef::new(KnownDevices::TokenDigest)
                            .char_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(KnownDevices::UserId).uuid().not_null())
                    .col(
                        ColumnDef::new(KnownDevices::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(KnownDevices::LastSeenAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(KnownDevices::ExpiresAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
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
                    .col(
                        ColumnDef::new(BookingMoveNotices::SeriesId)
                            .uuid()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(BookingMoveNotices::LastSentAt)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(BookingMoveNotices::PendingBookingId)
                            .uuid()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(BookingMoveNotices::DueAt)
                            .big_integer()
                            .null(),
                    )
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
