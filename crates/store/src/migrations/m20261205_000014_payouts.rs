//! Paying experts, and the money that can come back:
//! - `transfers`: each transfer of an expert's share to their connected account (pending
//!   until the provider made it, or cancelled when nothing was owed by the time it was
//!   asked for), with how much of it was reversed since;
//! - `transfer_reversals`: each reversal, keyed by its cause (`refund:{id}`,
//!   `dispute:{id}`), so a retried cause reverses once;
//! - `disputes`: chargebacks a learner's bank opened, and how they ended;
//! - `bank_payouts`: the experts' payouts from their connected account to their bank, as
//!   the provider reports them;
//! - `exchange_rates`: the dated table viewers' estimates in their own currency come
//!   from (operators add rows; learners are always charged in the expert's currency),
//!   seeded with the reference rates estimates used until now;
//! - `ledger_checks`: each run of the check that the ledger balances and matches the
//!   provider.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

use super::schema::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Transfers::Table)
                    .col(uuid(Transfers::Id).primary_key())
                    .col(uuid(Transfers::BookingId))
                    .col(uuid(Transfers::ExpertId))
                    .col(string_len(Transfers::Destination, 255))
                    .col(big_integer(Transfers::Amount))
                    .col(string_len(Transfers::Currency, 3))
                    .col(string_len(Transfers::Status, 16))
                    .col(string_len_null(Transfers::ProviderRef, 255).unique_key())
                    .col(big_integer(Transfers::ReversedAmount).default(0))
                    // When the provider was first asked: from then on the amount is fixed,
                    // so a retry asks with the same parameters as its idempotency key.
                    .col(big_integer_null(Transfers::AskedAt))
                    .col(text_null(Transfers::Failure))
                    .col(big_integer(Transfers::CreatedAt))
                    .col(big_integer(Transfers::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_transfers_booking")
                            .from(Transfers::Table, Transfers::BookingId)
                            .to(Bookings::Table, Bookings::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_transfers_booking",
            Transfers::Table,
            Transfers::BookingId,
        )
        .await?;
        index(
            manager,
            "ix_transfers_expert",
            Transfers::Table,
            Transfers::ExpertId,
        )
        .await?;
        // One transfer on its way per booking: two sweeps racing make one.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_transfers_pending ON transfers (booking_id) \
                 WHERE status = 'pending'",
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TransferReversals::Table)
                    .col(uuid(TransferReversals::Id).primary_key())
                    .col(uuid(TransferReversals::TransferId))
                    .col(string_len(TransferReversals::Cause, 200).unique_key())
                    .col(big_integer(TransferReversals::Amount))
                    .col(string_len(TransferReversals::Status, 16))
                    .col(string_len_null(TransferReversals::ProviderRef, 255))
                    .col(big_integer(TransferReversals::CreatedAt))
                    .col(big_integer(TransferReversals::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_transfer_reversals_transfer")
                            .from(TransferReversals::Table, TransferReversals::TransferId)
                            .to(Transfers::Table, Transfers::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Disputes::Table)
                    .col(string_len(Disputes::Id, 255).primary_key())
                    .col(uuid(Disputes::BookingId))
                    .col(big_integer(Disputes::Amount))
                    .col(string_len(Disputes::Currency, 3))
                    .col(string_len(Disputes::Status, 32))
                    .col(string_len(Disputes::Reason, 64))
                    .col(string_len_null(Disputes::Outcome, 8))
                    .col(big_integer(Disputes::CreatedAt))
                    .col(big_integer(Disputes::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_disputes_booking")
                            .from(Disputes::Table, Disputes::BookingId)
                            .to(Bookings::Table, Bookings::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_disputes_booking",
            Disputes::Table,
            Disputes::BookingId,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(BankPayouts::Table)
                    .col(string_len(BankPayouts::Id, 255).primary_key())
                    .col(uuid(BankPayouts::ExpertId))
                    .col(big_integer(BankPayouts::Amount))
                    .col(string_len(BankPayouts::Currency, 3))
                    .col(string_len(BankPayouts::Status, 16))
                    .col(big_integer(BankPayouts::ArrivalAt))
                    .col(text_null(BankPayouts::Failure))
                    // When the provider said it (an older event never overrules a newer).
                    .col(big_integer(BankPayouts::ReportedAt))
                    .col(big_integer(BankPayouts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_bank_payouts_expert",
            BankPayouts::Table,
            BankPayouts::ExpertId,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExchangeRates::Table)
                    .col(uuid(ExchangeRates::Id).primary_key())
                    .col(string_len(ExchangeRates::Currency, 3))
                    // How many units of `currency` one US dollar buys, times 10⁹.
                    .col(big_integer(ExchangeRates::PerUsdNano))
                    // The day it applies from (`YYYY-MM-DD`, UTC).
                    .col(string_len(ExchangeRates::EffectiveOn, 10))
                    .col(uuid_null(ExchangeRates::CreatedBy))
                    .col(big_integer(ExchangeRates::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_exchange_rates_day")
                    .table(ExchangeRates::Table)
                    .col(ExchangeRates::Currency)
                    .col(ExchangeRates::EffectiveOn)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LedgerChecks::Table)
                    .col(uuid(LedgerChecks::Id).primary_key())
                    .col(big_integer(LedgerChecks::CheckedAt))
                    .col(boolean(LedgerChecks::Ok))
                    .col(text(LedgerChecks::Detail))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_ledger_checks_at",
            LedgerChecks::Table,
            LedgerChecks::CheckedAt,
        )
        .await?;
        seed_rates(manager).await
    }
}

/// The rates Mentora starts with: the reference table estimates used before operators
/// could edit them (`domain::money::PER_USD`), dated 2026-12-01, so estimates work on a
/// fresh start; operators add newer rows.
async fn seed_rates(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let mut insert = Query::insert()
        .into_table(ExchangeRates::Table)
        .columns([
            ExchangeRates::Id,
            ExchangeRates::Currency,
            ExchangeRates::PerUsdNano,
            ExchangeRates::EffectiveOn,
            ExchangeRates::CreatedAt,
        ])
        .to_owned();
    for (n, (currency, rate)) in domain::money::PER_USD.iter().enumerate() {
        // Fixed ids: the seed is the same rows on every database.
        let id = uuid::Uuid::from_u128(0x6d65_6e74_6f72_6100_0000_0000_0000_0000 + n as u128);
        let nano = (rate * 1e9).round() as i64;
        insert.values_panic([
            id.into(),
            (*currency).into(),
            nano.into(),
            "2026-12-01".into(),
            1_764_547_200_i64.into(),
        ]);
    }
    manager.exec_stmt(insert).await
}

#[derive(DeriveIden)]
enum Bookings {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Transfers {
    Table,
    Id,
    BookingId,
    ExpertId,
    Destination,
    Amount,
    Currency,
    Status,
    ProviderRef,
    ReversedAmount,
    AskedAt,
    Failure,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum TransferReversals {
    Table,
    Id,
    TransferId,
    Cause,
    Amount,
    Status,
    ProviderRef,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Disputes {
    Table,
    Id,
    BookingId,
    Amount,
    Currency,
    Status,
    Reason,
    Outcome,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BankPayouts {
    Table,
    Id,
    ExpertId,
    Amount,
    Currency,
    Status,
    ArrivalAt,
    Failure,
    ReportedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ExchangeRates {
    Table,
    Id,
    Currency,
    PerUsdNano,
    EffectiveOn,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LedgerChecks {
    Table,
    Id,
    CheckedAt,
    Ok,
    Detail,
}
