//! `jobs`: the durable queue. A job is written in the transaction of the change that
//! causes it, claimed by one worker at a time under a lease, retried with backoff, and
//! kept after it finishes (for a week) so a unique key enqueued again stays one job and
//! operators can see what ran.

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
                    .table(Jobs::Table)
                    .col(uuid(Jobs::Id).primary_key())
                    .col(string_len(Jobs::Kind, 64))
                    .col(text(Jobs::Payload))
                    // NULLs never collide, so jobs without a key are all distinct.
                    .col(string_len_null(Jobs::UniqueKey, 200).unique_key())
                    .col(string_len(Jobs::Status, 16))
                    // Unix seconds, like the bookings the jobs act on.
                    .col(big_integer(Jobs::RunAt))
                    .col(integer(Jobs::Attempts))
                    .col(integer(Jobs::MaxAttempts))
                    // How long a claim holds it (the kind's lease, fixed at enqueue).
                    .col(integer(Jobs::LeaseSeconds))
                    .col(text_null(Jobs::LastError))
                    .col(string_len_null(Jobs::LockedBy, 100))
                    .col(big_integer_null(Jobs::LockedUntil))
                    .col(big_integer(Jobs::CreatedAt))
                    .col(big_integer(Jobs::UpdatedAt))
                    .col(big_integer_null(Jobs::FinishedAt))
                    .to_owned(),
            )
            .await?;
        // What a claim reads: due jobs by status and time.
        manager
            .create_index(
                Index::create()
                    .name("jobs_due")
                    .table(Jobs::Table)
                    .col(Jobs::Status)
                    .col(Jobs::RunAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    Kind,
    Payload,
    UniqueKey,
    Status,
    RunAt,
    Attempts,
    MaxAttempts,
    LeaseSeconds,
    LastError,
    LockedBy,
    LockedUntil,
    CreatedAt,
    UpdatedAt,
    FinishedAt,
}
