//! What hardening before real money needs in the schema:
//! - `users.logins_version`: raised in the same transaction as any revocation of the
//!   account's API logins, so every instance's cache of "this login is live" misses at once
//!   (the row is read for every API request anyway).
//! - `bookings.policy_start_at`: the start a cancellation refund is measured from. It is
//!   the session's first start and moves with no reschedule, so moving a session later
//!   cannot buy back the refund the policy took away.
//! - `bookings.reschedule_count`: moves so far, carried to the booking a move creates.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(
                        ColumnDef::new(Users::LoginsVersion)
                            .big_integer()
                            .not_null()
                            .default(0),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Bookings::Table)
                    .add_column(
                        ColumnDef::new(Bookings::PolicyStartAt)
                            .big_integer()
                            .not_null()
                            .default(0),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Bookings::Table)
                    .add_column(
                        ColumnDef::new(Bookings::RescheduleCount)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .to_owned(),
            )
            .await?;
        // Existing bookings: the start of their series' first booking, whose id the series
        // carries (a reschedule keeps the series id). Never NULL: the column is NOT NULL.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE bookings SET policy_start_at = COALESCE((SELECT b.start_at FROM \
                 bookings b WHERE b.id = bookings.series_id), start_at)",
            )
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    LoginsVersion,
}

#[derive(DeriveIden)]
enum Bookings {
    Table,
    PolicyStartAt,
    RescheduleCount,
}
