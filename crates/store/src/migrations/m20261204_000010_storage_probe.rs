//! `storage_probe`: one row that `/readyz` rewrites to learn whether the database takes a
//! write again after changes were refused for lack of disk space.

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
                    .table(StorageProbe::Table)
                    .col(integer(StorageProbe::Id).primary_key())
                    .col(big_integer(StorageProbe::WrittenAt))
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum StorageProbe {
    Table,
    Id,
    WrittenAt,
}
