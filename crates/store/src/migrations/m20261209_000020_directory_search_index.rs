//! The index a text search checks its matches against also holds `rank_price`, so a price
//! bound is judged from the index alone: before, every match read its wide profile row
//! (bio and its HTML) just to compare one number. Same name, so the query's `INDEXED BY`
//! still finds it.

use sea_orm_migration::prelude::*;

use super::m20261126_000004_experts::listed;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        recreate(manager, "user_id, rank_price").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        recreate(manager, "user_id").await
    }
}

async fn recreate(manager: &SchemaManager<'_>, columns: &str) -> Result<(), DbErr> {
    // One call, so both statements run on one connection: on SQLite another pooled
    // connection may still see the old schema and refuse the new index's name.
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "DROP INDEX IF EXISTS ix_listed_members; \
             CREATE INDEX ix_listed_members ON expert_profiles ({columns}) WHERE {}",
            listed("")
        ))
        .await?;
    Ok(())
}
