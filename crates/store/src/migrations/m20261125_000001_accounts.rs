//! Accounts and their roles.

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
                    .table(Users::Table)
                    .col(uuid(Users::Id).primary_key())
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len(Users::DisplayName, 100))
                    // Null for accounts that will sign in with passkeys only.
                    .col(string_len_null(Users::PasswordHash, 255))
                    .col(string_len(Users::Locale, 16).default("en"))
                    .col(string_len(Users::TimeZone, 64).default("UTC"))
                    .col(char_len(Users::Currency, 3).default("USD"))
                    .col(timestamp_with_time_zone_null(Users::EmailVerifiedAt))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UserRoles::Table)
                    .col(uuid(UserRoles::UserId))
                    .col(string_len(UserRoles::Role, 32))
                    .col(timestamp_with_time_zone(UserRoles::GrantedAt))
                    .primary_key(Index::create().col(UserRoles::UserId).col(UserRoles::Role))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_user_roles_user")
                            .from(UserRoles::Table, UserRoles::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(UserRoles::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Users::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    Locale,
    TimeZone,
    Currency,
    EmailVerifiedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum UserRoles {
    Table,
    UserId,
    Role,
    GrantedAt,
}
