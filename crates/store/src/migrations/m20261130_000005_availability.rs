//! Scheduling: each expert's availability rules, and the busy times their connected
//! calendars report. Instants are Unix seconds, the scale the slot engine works in.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::schema::expert_fk;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ExpertAvailability::Table)
                    .col(uuid(ExpertAvailability::UserId).primary_key())
                    // The checked rules as JSON, in the API's shape: one document the expert
                    // edits as a whole, read as a whole by the engine.
                    .col(text(ExpertAvailability::Rules))
                    .col(timestamp_with_time_zone(ExpertAvailability::UpdatedAt))
                    .foreign_key(&mut expert_fk(
                        "fk_expert_availability_profile",
                        ExpertAvailability::Table,
                        ExpertAvailability::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExpertBusyTimes::Table)
                    .col(uuid(ExpertBusyTimes::Id).primary_key())
                    .col(uuid(ExpertBusyTimes::UserId))
                    // Which calendar reported it; a sync replaces its own source's rows.
                    .col(string_len(ExpertBusyTimes::Source, 64))
                    .col(big_integer(ExpertBusyTimes::StartsAt))
                    .col(big_integer(ExpertBusyTimes::EndsAt))
                    .foreign_key(&mut expert_fk(
                        "fk_expert_busy_times_profile",
                        ExpertBusyTimes::Table,
                        ExpertBusyTimes::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_expert_busy_times_user_end")
                    .table(ExpertBusyTimes::Table)
                    .col(ExpertBusyTimes::UserId)
                    .col(ExpertBusyTimes::EndsAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ExpertBusyTimes::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ExpertAvailability::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertAvailability {
    Table,
    UserId,
    Rules,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertBusyTimes {
    Table,
    Id,
    UserId,
    Source,
    StartsAt,
    EndsAt,
}
