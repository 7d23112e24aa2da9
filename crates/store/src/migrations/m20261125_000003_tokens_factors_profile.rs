//! API tokens (signing keys, refresh-token families), second factors (TOTP, recovery codes,
//! passkeys), pending logins, and the profile preferences on accounts.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::schema::{index, user_fk};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one change per ALTER TABLE.
        let profile_columns = [
            text(Users::Languages).default("").to_owned(),
            text(Users::LearningGoals).default("").to_owned(),
            integer(Users::SessionLengthMinutes).default(60).to_owned(),
            string_len(Users::VideoProvider, 16)
                .default("builtin")
                .to_owned(),
            string_len(Users::ReminderChannels, 64)
                .default("email")
                .to_owned(),
            string_len_null(Users::AvatarKey, 128).to_owned(),
        ];
        for mut column in profile_columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(SigningKeys::Table)
                    .col(string_len(SigningKeys::Kid, 32).primary_key())
                    .col(string_len(SigningKeys::Secret, 64))
                    .col(timestamp_with_time_zone(SigningKeys::CreatedAt))
                    .col(timestamp_with_time_zone_null(SigningKeys::RetiredAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RefreshTokens::Table)
                    .col(char_len(RefreshTokens::TokenDigest, 64).primary_key())
                    .col(uuid(RefreshTokens::FamilyId))
                    .col(uuid(RefreshTokens::UserId))
                    .col(string_len_null(RefreshTokens::Ip, 64))
                    .col(string_len_null(RefreshTokens::UserAgent, 255))
                    .col(timestamp_with_time_zone(RefreshTokens::CreatedAt))
                    .col(timestamp_with_time_zone(RefreshTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(RefreshTokens::UsedAt))
                    .col(timestamp_with_time_zone_null(RefreshTokens::RevokedAt))
                    .foreign_key(&mut user_fk(
                        "fk_refresh_tokens_user",
                        RefreshTokens::Table,
                        RefreshTokens::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_refresh_tokens_family",
            RefreshTokens::Table,
            RefreshTokens::FamilyId,
        )
        .await?;
        index(
            manager,
            "ix_refresh_tokens_user",
            RefreshTokens::Table,
            RefreshTokens::UserId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(TotpFactors::Table)
                    .col(uuid(TotpFactors::UserId).primary_key())
                    .col(string_len(TotpFactors::Secret, 64))
                    .col(timestamp_with_time_zone_null(TotpFactors::ConfirmedAt))
                    // The last 30-second step accepted: a code is never accepted twice.
                    .col(big_integer(TotpFactors::LastStep).default(0))
                    .col(timestamp_with_time_zone(TotpFactors::CreatedAt))
                    .col(timestamp_with_time_zone_null(TotpFactors::LastUsedAt))
                    .foreign_key(&mut user_fk(
                        "fk_totp_user",
                        TotpFactors::Table,
                        TotpFactors::UserId,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RecoveryCodes::Table)
                    .col(char_len(RecoveryCodes::CodeDigest, 64).primary_key())
                    .col(uuid(RecoveryCodes::UserId))
                    .col(timestamp_with_time_zone(RecoveryCodes::CreatedAt))
                    .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                    .foreign_key(&mut user_fk(
                        "fk_recovery_codes_user",
                        RecoveryCodes::Table,
                        RecoveryCodes::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_recovery_codes_user",
            RecoveryCodes::Table,
            RecoveryCodes::UserId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Passkeys::Table)
                    .col(uuid(Passkeys::Id).primary_key())
                    .col(uuid(Passkeys::UserId))
                    .col(string_len_uniq(Passkeys::CredentialId, 1400))
                    .col(string_len(Passkeys::Name, 100))
                    .col(text(Passkeys::Passkey))
                    .col(timestamp_with_time_zone(Passkeys::CreatedAt))
                    .col(timestamp_with_time_zone_null(Passkeys::LastUsedAt))
                    .foreign_key(&mut user_fk(
                        "fk_passkeys_user",
                        Passkeys::Table,
                        Passkeys::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_passkeys_user",
            Passkeys::Table,
            Passkeys::UserId,
        )
        .await?;

        // A login between its first step and its second factor, or a WebAuthn ceremony in
        // flight: short-lived, single-use, stored by digest like every other secret.
        manager
            .create_table(
                Table::create()
                    .table(Challenges::Table)
                    .col(char_len(Challenges::TokenDigest, 64).primary_key())
                    .col(string_len(Challenges::Purpose, 32))
                    .col(uuid_null(Challenges::UserId))
                    .col(text(Challenges::State).default(""))
                    .col(integer(Challenges::Attempts).default(0))
                    .col(timestamp_with_time_zone(Challenges::CreatedAt))
                    .col(timestamp_with_time_zone(Challenges::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Challenges::Table.into_iden(),
            Passkeys::Table.into_iden(),
            RecoveryCodes::Table.into_iden(),
            TotpFactors::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
            SigningKeys::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in [
            Users::Languages,
            Users::LearningGoals,
            Users::SessionLengthMinutes,
            Users::VideoProvider,
            Users::ReminderChannels,
            Users::AvatarKey,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Languages,
    LearningGoals,
    SessionLengthMinutes,
    VideoProvider,
    ReminderChannels,
    AvatarKey,
}

#[derive(DeriveIden, Clone, Copy)]
enum SigningKeys {
    Table,
    Kid,
    Secret,
    CreatedAt,
    RetiredAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RefreshTokens {
    Table,
    TokenDigest,
    FamilyId,
    UserId,
    Ip,
    UserAgent,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    RevokedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum TotpFactors {
    Table,
    UserId,
    Secret,
    ConfirmedAt,
    LastStep,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RecoveryCodes {
    Table,
    CodeDigest,
    UserId,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Passkeys {
    Table,
    Id,
    UserId,
    CredentialId,
    Name,
    Passkey,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Challenges {
    Table,
    TokenDigest,
    Purpose,
    UserId,
    State,
    Attempts,
    CreatedAt,
    ExpiresAt,
}
