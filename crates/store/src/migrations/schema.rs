//! Building blocks the migrations share. They produce the same SQL a migration would write
//! out by hand, so an applied migration keeps meaning what it meant.

use sea_orm_migration::prelude::*;

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

/// A foreign key from `table.column` to `users.id`, removed with the account.
pub fn user_fk<T: IntoIden + Copy + 'static, C: IntoIden + 'static>(
    name: &str,
    table: T,
    column: C,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[derive(DeriveIden, Clone, Copy)]
enum Bookings {
    Table,
    Id,
}

/// A foreign key from `table.column` to `bookings.id`, removed with the booking.
pub fn booking_fk<T: IntoIden + 'static, C: IntoIden + 'static>(
    name: &str,
    table: T,
    column: C,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Bookings::Table, Bookings::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertProfiles {
    Table,
    UserId,
}

/// A foreign key from `table.column` to `expert_profiles.user_id`, removed with the profile.
pub fn expert_fk<T: IntoIden + Copy + 'static, C: IntoIden + 'static>(
    name: &str,
    table: T,
    column: C,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(ExpertProfiles::Table, ExpertProfiles::UserId)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// A plain index on one column.
pub async fn index<T: IntoIden + 'static, C: IntoIden + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    column: C,
) -> Result<(), DbErr> {
    manager
        .create_index(
            Index::create()
                .name(name)
                .table(table)
                .col(column)
                .to_owned(),
        )
        .await
}
