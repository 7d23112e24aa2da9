//! Whether a calendar may be written (one shared read-only never receives sessions), and
//! push from signed-in calendars: each calendar of a Google or Microsoft connection that
//! blocks time keeps the channel its provider tells changes on (Google's watch channel,
//! Graph's subscription): its id, Google's resource id, the SHA-256 of the secret the
//! provider echoes with each notification (so a stolen database cannot forge one), and
//! when it ends (it is renewed before).

use sea_orm_migration::prelude::*;

use super::schema::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            ColumnDef::new(CalendarCalendars::WatchId)
                .string_len(200)
                .null()
                .to_owned(),
            ColumnDef::new(CalendarCalendars::WatchResource)
                .string_len(200)
                .null()
                .to_owned(),
            ColumnDef::new(CalendarCalendars::WatchSecretHash)
                .string_len(64)
                .null()
                .to_owned(),
            ColumnDef::new(CalendarCalendars::WatchExpiresAt)
                .big_integer()
                .null()
                .to_owned(),
            ColumnDef::new(CalendarCalendars::Writable)
                .boolean()
                .not_null()
                .default(true)
                .to_owned(),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(CalendarCalendars::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        index(
            manager,
            "ix_calendar_calendars_watch",
            CalendarCalendars::Table,
            CalendarCalendars::WatchId,
        )
        .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum CalendarCalendars {
    Table,
    WatchId,
    WatchResource,
    WatchSecretHash,
    WatchExpiresAt,
    Writable,
}
