//! The directory's version: one number that changes whenever anything a listing shows or
//! is filtered by changes (profiles, their specialties and languages, experts' names and
//! photos). Triggers keep it, so no write path can forget; result caches compare it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, the events that change listings).
const WATCHED: &[(&str, &[&str])] = &[
    ("expert_profiles", &["INSERT", "UPDATE", "DELETE"]),
    ("expert_specialties", &["INSERT", "DELETE"]),
    ("expert_languages", &["INSERT", "DELETE"]),
    ("users", &["UPDATE OF display_name, avatar_key"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE TABLE directory_state (id integer PRIMARY KEY, version bigint NOT NULL)",
        )
        .await?;
        db.execute_unprepared("INSERT INTO directory_state (id, version) VALUES (1, 0)")
            .await?;
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        if postgres {
            db.execute_unprepared(
                "CREATE FUNCTION directory_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
                 UPDATE directory_state SET version = version + 1 WHERE id = 1; RETURN NULL; END $$",
            )
            .await?;
        }
        for (table, events) in WATCHED {
            for (i, event) in events.iter().enumerate() {
                let name = format!("directory_bump_{table}_{i}");
                // Per changed row on both: a PostgreSQL statement trigger would also fire
                // for an UPDATE that changed nothing, and empty every cache for no reason.
                let sql = if postgres {
                    format!(
                        "CREATE TRIGGER {name} AFTER {event} ON {table} \
                         FOR EACH ROW EXECUTE FUNCTION directory_bump()"
                    )
                } else {
                    format!(
                        "CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN \
                         UPDATE directory_state SET version = version + 1 WHERE id = 1; END"
                    )
                };
                db.execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        for (table, events) in WATCHED {
            for i in 0..events.len() {
                let name = format!("directory_bump_{table}_{i}");
                let sql = if postgres {
                    format!("DROP TRIGGER IF EXISTS {name} ON {table}")
                } else {
                    format!("DROP TRIGGER IF EXISTS {name}")
                };
                db.execute_unprepared(&sql).await?;
            }
        }
        if postgres {
            db.execute_unprepared("DROP FUNCTION IF EXISTS directory_bump()")
                .await?;
        }
        db.execute_unprepared("DROP TABLE IF EXISTS directory_state")
            .await?;
        Ok(())
    }
}
