//! `test_clock`: how far the test-mode sandbox's simulated time runs ahead of the real
//! one. One row; every instance reads it, so they share one simulated "now", and it
//! survives a restart (a demo can stop and pick up where it was).

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
                    .table(TestClock::Table)
                    .col(integer(TestClock::Id).primary_key())
                    .col(big_integer(TestClock::OffsetSeconds))
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum TestClock {
    Table,
    Id,
    OffsetSeconds,
}
