//! Outside calendars:
//! - `calendar_connections`: an expert's CalDAV account or subscribed ICS feed, with its
//!   secret sealed (encrypted with the deployment's key, never stored in the clear), its
//!   health (last and next sync, the last error in a stable code, failures in a row, when
//!   the expert was told) and what to do while it fails;
//! - `calendar_calendars`: the calendars a connection holds, which of them block time and
//!   the one that receives sessions, with each one's sync state (a CalDAV collection tag
//!   or an ICS feed's validators), so an unchanged calendar costs one small request;
//! - `calendar_events`: the event written for each session (per series: a moved session
//!   keeps its event), where it is, and whether it is still there.
//!
//! Busy times themselves go to `expert_busy_times` with the source `calendar:<id>`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::schema::{index, user_fk};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CalendarConnections::Table)
                    .col(uuid(CalendarConnections::Id).primary_key())
                    .col(uuid(CalendarConnections::UserId))
                    .col(string_len(CalendarConnections::Kind, 16))
                    .col(text(CalendarConnections::Address))
                    .col(text(CalendarConnections::Username).default(""))
                    .col(text_null(CalendarConnections::SecretSealed))
                    .col(boolean(CalendarConnections::KeepBooking).default(false))
                    .col(boolean(CalendarConnections::ShareNames).default(false))
                    .col(string_len_null(CalendarConnections::ErrorCode, 32))
                    .col(text_null(CalendarConnections::ErrorDetail))
                    .col(integer(CalendarConnections::Failures).default(0))
                    .col(big_integer_null(CalendarConnections::LastSyncAt))
                    .col(big_integer_null(CalendarConnections::LastSuccessAt))
                    .col(big_integer(CalendarConnections::NextSyncAt))
                    .col(big_integer_null(CalendarConnections::NotifiedAt))
                    .col(big_integer(CalendarConnections::CreatedAt))
                    .foreign_key(&mut user_fk(
                        "fk_calendar_connections_user",
                        CalendarConnections::Table,
                        CalendarConnections::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_calendar_connections_user",
            CalendarConnections::Table,
            CalendarConnections::UserId,
        )
        .await?;
        index(
            manager,
            "ix_calendar_connections_next",
            CalendarConnections::Table,
            CalendarConnections::NextSyncAt,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalendarCalendars::Table)
                    .col(uuid(CalendarCalendars::Id).primary_key())
                    .col(uuid(CalendarCalendars::ConnectionId))
                    .col(text(CalendarCalendars::RemoteUrl))
                    .col(text(CalendarCalendars::Name))
                    .col(boolean(CalendarCalendars::Blocks).default(true))
                    .col(boolean(CalendarCalendars::Receives).default(false))
                    .col(text_null(CalendarCalendars::SyncState))
                    .col(integer(CalendarCalendars::BusyCount).default(0))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_calendar_calendars_connection")
                            .from(CalendarCalendars::Table, CalendarCalendars::ConnectionId)
                            .to(CalendarConnections::Table, CalendarConnections::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_calendar_calendars_remote")
                    .table(CalendarCalendars::Table)
                    .col(CalendarCalendars::ConnectionId)
                    .col(CalendarCalendars::RemoteUrl)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalendarEvents::Table)
                    .col(uuid(CalendarEvents::SeriesId).primary_key())
                    .col(uuid(CalendarEvents::CalendarId))
                    .col(text(CalendarEvents::RemoteUrl))
                    .col(text_null(CalendarEvents::Etag))
                    .col(big_integer(CalendarEvents::StartAt))
                    .col(big_integer(CalendarEvents::EndAt))
                    .col(boolean(CalendarEvents::Deleted).default(false))
                    .col(big_integer(CalendarEvents::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_calendar_events_calendar")
                            .from(CalendarEvents::Table, CalendarEvents::CalendarId)
                            .to(CalendarCalendars::Table, CalendarCalendars::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum CalendarConnections {
    Table,
    Id,
    UserId,
    Kind,
    Address,
    Username,
    SecretSealed,
    KeepBooking,
    ShareNames,
    ErrorCode,
    ErrorDetail,
    Failures,
    LastSyncAt,
    LastSuccessAt,
    NextSyncAt,
    NotifiedAt,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CalendarCalendars {
    Table,
    Id,
    ConnectionId,
    RemoteUrl,
    Name,
    Blocks,
    Receives,
    SyncState,
    BusyCount,
}

#[derive(DeriveIden, Clone, Copy)]
enum CalendarEvents {
    Table,
    SeriesId,
    CalendarId,
    RemoteUrl,
    Etag,
    StartAt,
    EndAt,
    Deleted,
    UpdatedAt,
}
