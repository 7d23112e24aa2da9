//! Real payments:
//! - `bookings.commission_bps`: the platform's rate frozen on the booking when it is held
//!   (bookings made before this migration keep the default rate, 15 %);
//! - `expert_profiles.commission_bps`: an operator's override of the platform rate for one
//!   expert (NULL: the platform's);
//! - `webhook_events.payload`: the verified event, kept for the job that handles it;
//! - `ledger_journals` and `ledger_lines`: the append-only double-entry journal
//!   (`domain::payment::ledger`); the journal's `key` makes recording a movement twice
//!   impossible, and triggers refuse any UPDATE or DELETE on either table;
//! - `refunds`: each refund decided, and what the provider did with it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use super::schema::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Bookings::Table)
                    .add_column(
                        ColumnDef::new(Bookings::CommissionBps)
                            .integer()
                            .not_null()
                            .default(1500),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ExpertProfiles::Table)
                    .add_column(
                        ColumnDef::new(ExpertProfiles::CommissionBps)
                            .integer()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(WebhookEvents::Table)
                    .add_column(ColumnDef::new(WebhookEvents::Payload).text().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LedgerJournals::Table)
                    .col(uuid(LedgerJournals::Id).primary_key())
                    .col(string_len(LedgerJournals::Key, 200).unique_key())
                    .col(string_len(LedgerJournals::Kind, 32))
                    .col(string_len(LedgerJournals::Currency, 3))
                    .col(uuid_null(LedgerJournals::BookingId))
                    .col(big_integer(LedgerJournals::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_ledger_journals_booking",
            LedgerJournals::Table,
            LedgerJournals::BookingId,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(LedgerLines::Table)
                    .col(uuid(LedgerLines::Id).primary_key())
                    .col(uuid(LedgerLines::JournalId))
                    .col(string_len(LedgerLines::Account, 120))
                    .col(string_len(LedgerLines::Currency, 3))
                    .col(big_integer(LedgerLines::Amount))
                    .col(big_integer(LedgerLines::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_ledger_lines_journal")
                            .from(LedgerLines::Table, LedgerLines::JournalId)
                            .to(LedgerJournals::Table, LedgerJournals::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_ledger_lines_account")
                    .table(LedgerLines::Table)
                    .col(LedgerLines::Account)
                    .col(LedgerLines::Currency)
                    .col(LedgerLines::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Refunds::Table)
                    .col(uuid(Refunds::Id).primary_key())
                    .col(uuid(Refunds::BookingId))
                    .col(big_integer(Refunds::Amount))
                    .col(string_len(Refunds::Currency, 3))
                    .col(string_len(Refunds::Status, 16))
                    .col(string_len_null(Refunds::ProviderRef, 255))
                    .col(text_null(Refunds::Reason))
                    .col(text_null(Refunds::Failure))
                    .col(big_integer(Refunds::CreatedAt))
                    .col(big_integer(Refunds::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_refunds_booking")
                            .from(Refunds::Table, Refunds::BookingId)
                            .to(Bookings::Table, Bookings::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_refunds_booking",
            Refunds::Table,
            Refunds::BookingId,
        )
        .await?;
        // One row per refund the provider made: a refund reported twice (by two events,
        // or by an event and reconciliation) is recorded once.
        manager
            .create_index(
                Index::create()
                    .name("ux_refunds_provider_ref")
                    .table(Refunds::Table)
                    .col(Refunds::ProviderRef)
                    .unique()
                    .to_owned(),
            )
            .await?;
        append_only(manager).await
    }
}

/// Triggers that refuse changing or removing a recorded journal or line.
async fn append_only(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let conn = manager.get_connection();
    match manager.get_database_backend() {
        DatabaseBackend::Postgres => {
            conn.execute_unprepared(
                "CREATE FUNCTION ledger_append_only() RETURNS trigger AS $$ BEGIN \
                 RAISE EXCEPTION 'the ledger is append-only'; END; $$ LANGUAGE plpgsql",
            )
            .await?;
            for table in ["ledger_journals", "ledger_lines"] {
                conn.execute_unprepared(&format!(
                    "CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} \
                     FOR EACH ROW EXECUTE FUNCTION ledger_append_only()"
                ))
                .await?;
            }
        }
        _ => {
            for table in ["ledger_journals", "ledger_lines"] {
                for action in ["UPDATE", "DELETE"] {
                    conn.execute_unprepared(&format!(
                        "CREATE TRIGGER {table}_no_{action} BEFORE {action} ON {table} \
                         BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END",
                        action = action.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
    }
    Ok(())
}

#[derive(DeriveIden)]
enum Bookings {
    Table,
    Id,
    CommissionBps,
}

#[derive(DeriveIden)]
enum ExpertProfiles {
    Table,
    CommissionBps,
}

#[derive(DeriveIden)]
enum WebhookEvents {
    Table,
    Payload,
}

#[derive(DeriveIden)]
enum LedgerJournals {
    Table,
    Id,
    Key,
    Kind,
    Currency,
    BookingId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LedgerLines {
    Table,
    Id,
    JournalId,
    Account,
    Currency,
    Amount,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Refunds {
    Table,
    Id,
    BookingId,
    Amount,
    Currency,
    Status,
    ProviderRef,
    Reason,
    Failure,
    CreatedAt,
    UpdatedAt,
}
