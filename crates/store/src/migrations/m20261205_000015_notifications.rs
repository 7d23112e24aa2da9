//! Notifications:
//! - `notifications`: what each person was told in the app (the notification centre),
//!   stored with its wording's parameters so it reads in their language of the day, and
//!   when they read it;
//! - `notification_preferences`: per person and topic, whether it comes in the app and by
//!   email (no row: the topic's default);
//! - `users.reminder_channels`: `push`, never sent, becomes `in_app`;
//! - `unsubscribe_keys`: each person's secret that signs the one-click unsubscribe links
//!   in their email (created with their first such email).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // "Push" reminders never existed; what people meant is the app itself, which
        // now has a notification centre.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE users SET reminder_channels = REPLACE(reminder_channels, 'push', 'in_app')",
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(uuid(Notifications::Id).primary_key())
                    .col(uuid(Notifications::AccountId))
                    .col(string_len(Notifications::Topic, 32))
                    .col(string_len(Notifications::Kind, 48))
                    .col(uuid_null(Notifications::BookingId))
                    .col(text(Notifications::Data))
                    .col(big_integer(Notifications::CreatedAt))
                    .col(big_integer_null(Notifications::ReadAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_notifications_account")
                            .from(Notifications::Table, Notifications::AccountId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        let conn = manager.get_connection();
        // The centre lists a person's newest first; the badge counts their unread.
        conn.execute_unprepared(
            "CREATE INDEX ix_notifications_account ON notifications (account_id, created_at)",
        )
        .await?;
        conn.execute_unprepared(
            "CREATE INDEX ix_notifications_unread ON notifications (account_id) \
             WHERE read_at IS NULL",
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(NotificationPreferences::Table)
                    .col(uuid(NotificationPreferences::AccountId))
                    .col(string_len(NotificationPreferences::Topic, 32))
                    .col(boolean(NotificationPreferences::InApp))
                    .col(boolean(NotificationPreferences::Email))
                    .col(big_integer(NotificationPreferences::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(NotificationPreferences::AccountId)
                            .col(NotificationPreferences::Topic),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_notification_preferences_account")
                            .from(
                                NotificationPreferences::Table,
                                NotificationPreferences::AccountId,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(UnsubscribeKeys::Table)
                    .col(uuid(UnsubscribeKeys::AccountId).primary_key())
                    .col(string_len(UnsubscribeKeys::Secret, 64))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_unsubscribe_keys_account")
                            .from(UnsubscribeKeys::Table, UnsubscribeKeys::AccountId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    AccountId,
    Topic,
    Kind,
    BookingId,
    Data,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum NotificationPreferences {
    Table,
    AccountId,
    Topic,
    InApp,
    Email,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum UnsubscribeKeys {
    Table,
    AccountId,
    Secret,
}
