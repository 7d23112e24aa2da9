//! Expert applications and public profiles: the specialty taxonomy (seeded), profiles with
//! their rates, specialties and languages, verification documents, review decisions,
//! payout onboarding state, processed webhook events, and full-text search over profiles
//! (an FTS5 table kept by triggers on SQLite; a generated tsvector with a GIN index on
//! PostgreSQL).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::schema::{expert_fk, index, user_fk};
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A category's slug and name, and its specialties' slugs and names.
type SeedCategory = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// The taxonomy an installation starts with; operators edit it from `/admin/specialties`.
const TAXONOMY: &[SeedCategory] = &[
    (
        "programming",
        "Programming",
        &[
            ("rust", "Rust"),
            ("python", "Python"),
            ("javascript", "JavaScript and TypeScript"),
            ("go", "Go"),
            ("java", "Java"),
            ("web-development", "Web development"),
            ("mobile-development", "Mobile development"),
            ("devops", "DevOps and cloud"),
        ],
    ),
    (
        "data",
        "Data and AI",
        &[
            ("data-science", "Data science"),
            ("machine-learning", "Machine learning"),
            ("sql", "SQL and databases"),
            ("statistics", "Statistics"),
        ],
    ),
    (
        "design",
        "Design",
        &[
            ("ux-design", "UX design"),
            ("ui-design", "UI design"),
            ("illustration", "Illustration"),
        ],
    ),
    (
        "languages",
        "Languages",
        &[
            ("english", "English"),
            ("spanish", "Spanish"),
            ("german", "German"),
            ("french", "French"),
            ("arabic", "Arabic"),
            ("japanese", "Japanese"),
            ("mandarin", "Mandarin Chinese"),
        ],
    ),
    (
        "business",
        "Business and career",
        &[
            ("product-management", "Product management"),
            ("marketing", "Marketing"),
            ("interview-prep", "Interview preparation"),
            ("leadership", "Leadership"),
            ("entrepreneurship", "Entrepreneurship"),
        ],
    ),
    (
        "music",
        "Music",
        &[
            ("guitar", "Guitar"),
            ("piano", "Piano"),
            ("music-production", "Music production"),
            ("singing", "Singing"),
        ],
    ),
    (
        "academics",
        "Academics",
        &[
            ("mathematics", "Mathematics"),
            ("physics", "Physics"),
            ("chemistry", "Chemistry"),
            ("writing", "Academic writing"),
        ],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SpecialtyCategories::Table)
                    .col(string_len(SpecialtyCategories::Slug, 48).primary_key())
                    .col(string_len(SpecialtyCategories::Name, 80))
                    .col(integer(SpecialtyCategories::Position))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Specialties::Table)
                    .col(string_len(Specialties::Slug, 48).primary_key())
                    .col(string_len(Specialties::CategorySlug, 48))
                    .col(string_len(Specialties::Name, 80))
                    .col(integer(Specialties::Position))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_specialties_category")
                            .from(Specialties::Table, Specialties::CategorySlug)
                            .to(SpecialtyCategories::Table, SpecialtyCategories::Slug)
                            .on_update(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (position, (slug, name, specialties)) in TAXONOMY.iter().enumerate() {
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(SpecialtyCategories::Table)
                        .columns([
                            SpecialtyCategories::Slug,
                            SpecialtyCategories::Name,
                            SpecialtyCategories::Position,
                        ])
                        .values_panic([(*slug).into(), (*name).into(), (position as i32).into()])
                        .to_owned(),
                )
                .await?;
            for (inner, (specialty, label)) in specialties.iter().enumerate() {
                manager
                    .exec_stmt(
                        Query::insert()
                            .into_table(Specialties::Table)
                            .columns([
                                Specialties::Slug,
                                Specialties::CategorySlug,
                                Specialties::Name,
                                Specialties::Position,
                            ])
                            .values_panic([
                                (*specialty).into(),
                                (*slug).into(),
                                (*label).into(),
                                (inner as i32).into(),
                            ])
                            .to_owned(),
                    )
                    .await?;
            }
        }

        manager
            .create_table(
                Table::create()
                    .table(ExpertProfiles::Table)
                    .col(uuid(ExpertProfiles::UserId).primary_key())
                    .col(string_len_uniq(ExpertProfiles::Slug, 80))
                    .col(string_len(ExpertProfiles::Status, 24))
                    .col(string_len(ExpertProfiles::Headline, 200).default(""))
                    .col(text(ExpertProfiles::Bio).default(""))
                    .col(text(ExpertProfiles::BioHtml).default(""))
                    .col(char_len(ExpertProfiles::Currency, 3))
                    .col(string_len_null(ExpertProfiles::IntroVideoUrl, 500))
                    .col(string_len(ExpertProfiles::Languages, 100).default(""))
                    // The cheapest hour: in the expert's currency, and in US cents at the
                    // reference rates (the one scale price filters and sorting use).
                    .col(big_integer_null(ExpertProfiles::HourlyFromMinor))
                    .col(big_integer_null(ExpertProfiles::HourlyFromUsdCents))
                    // Average rating × 100 and the number of reviews (reviews come later).
                    .col(integer(ExpertProfiles::RatingCenti).default(0))
                    .col(integer(ExpertProfiles::RatingCount).default(0))
                    // Unix seconds of the first free slot, kept by the scheduling engine.
                    .col(big_integer_null(ExpertProfiles::NextAvailableAt))
                    // The directory's orders as plain columns (smaller first), so an index
                    // gives the first page without sorting every expert. See `directory.rs`.
                    .col(big_integer(ExpertProfiles::RankRating).default(0))
                    .col(big_integer(ExpertProfiles::RankPrice).default(UNRANKED))
                    .col(big_integer(ExpertProfiles::RankSoonest).default(UNRANKED))
                    .col(text(ExpertProfiles::SearchText).default(""))
                    .col(timestamp_with_time_zone_null(ExpertProfiles::SubmittedAt))
                    .col(timestamp_with_time_zone_null(ExpertProfiles::DecidedAt))
                    .col(timestamp_with_time_zone_null(ExpertProfiles::VerifiedAt))
                    .col(text_null(ExpertProfiles::DecisionReason))
                    .col(timestamp_with_time_zone_null(ExpertProfiles::SuspendedAt))
                    .col(text_null(ExpertProfiles::SuspensionReason))
                    .col(string_len_null(ExpertProfiles::PayoutAccountId, 64))
                    .col(boolean(ExpertProfiles::PayoutChargesEnabled).default(false))
                    .col(boolean(ExpertProfiles::PayoutPayoutsEnabled).default(false))
                    .col(text(ExpertProfiles::PayoutRequirements).default(""))
                    .col(big_integer(ExpertProfiles::PayoutSyncedAt).default(0))
                    .col(timestamp_with_time_zone(ExpertProfiles::CreatedAt))
                    .col(timestamp_with_time_zone(ExpertProfiles::UpdatedAt))
                    .foreign_key(&mut user_fk(
                        "fk_expert_profiles_user",
                        ExpertProfiles::Table,
                        ExpertProfiles::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_expert_profiles_status",
            ExpertProfiles::Table,
            ExpertProfiles::Status,
        )
        .await?;
        index(
            manager,
            "ix_expert_profiles_payout_account",
            ExpertProfiles::Table,
            ExpertProfiles::PayoutAccountId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ExpertRates::Table)
                    .col(uuid(ExpertRates::UserId))
                    .col(integer(ExpertRates::DurationMinutes))
                    .col(big_integer(ExpertRates::AmountMinor))
                    .primary_key(
                        Index::create()
                            .col(ExpertRates::UserId)
                            .col(ExpertRates::DurationMinutes),
                    )
                    .foreign_key(&mut expert_fk(
                        "fk_expert_rates_profile",
                        ExpertRates::Table,
                        ExpertRates::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExpertSpecialties::Table)
                    .col(uuid(ExpertSpecialties::UserId))
                    .col(string_len(ExpertSpecialties::SpecialtySlug, 48))
                    .primary_key(
                        Index::create()
                            .col(ExpertSpecialties::UserId)
                            .col(ExpertSpecialties::SpecialtySlug),
                    )
                    .foreign_key(&mut expert_fk(
                        "fk_expert_specialties_profile",
                        ExpertSpecialties::Table,
                        ExpertSpecialties::UserId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_expert_specialties_specialty")
                            .from(ExpertSpecialties::Table, ExpertSpecialties::SpecialtySlug)
                            .to(Specialties::Table, Specialties::Slug)
                            .on_update(ForeignKeyAction::Cascade)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_expert_specialties_specialty")
                    .table(ExpertSpecialties::Table)
                    .col(ExpertSpecialties::SpecialtySlug)
                    .col(ExpertSpecialties::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExpertLanguages::Table)
                    .col(uuid(ExpertLanguages::UserId))
                    .col(char_len(ExpertLanguages::Language, 2))
                    .primary_key(
                        Index::create()
                            .col(ExpertLanguages::UserId)
                            .col(ExpertLanguages::Language),
                    )
                    .foreign_key(&mut expert_fk(
                        "fk_expert_languages_profile",
                        ExpertLanguages::Table,
                        ExpertLanguages::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_expert_languages_language")
                    .table(ExpertLanguages::Table)
                    .col(ExpertLanguages::Language)
                    .col(ExpertLanguages::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ExpertDocuments::Table)
                    .col(uuid(ExpertDocuments::Id).primary_key())
                    .col(uuid(ExpertDocuments::UserId))
                    .col(string_len(ExpertDocuments::Kind, 16))
                    .col(string_len(ExpertDocuments::FileName, 255))
                    .col(string_len(ExpertDocuments::ContentType, 64))
                    .col(big_integer(ExpertDocuments::SizeBytes))
                    .col(char_len(ExpertDocuments::Sha256, 64))
                    .col(string_len(ExpertDocuments::StorageKey, 200))
                    .col(timestamp_with_time_zone(ExpertDocuments::CreatedAt))
                    .foreign_key(&mut user_fk(
                        "fk_expert_documents_user",
                        ExpertDocuments::Table,
                        ExpertDocuments::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_expert_documents_user",
            ExpertDocuments::Table,
            ExpertDocuments::UserId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ExpertDecisions::Table)
                    .col(uuid(ExpertDecisions::Id).primary_key())
                    .col(uuid(ExpertDecisions::UserId))
                    .col(string_len(ExpertDecisions::Decision, 24))
                    .col(text(ExpertDecisions::Reason))
                    .col(uuid_null(ExpertDecisions::DecidedBy))
                    .col(timestamp_with_time_zone(ExpertDecisions::CreatedAt))
                    .foreign_key(&mut user_fk(
                        "fk_expert_decisions_user",
                        ExpertDecisions::Table,
                        ExpertDecisions::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_expert_decisions_user",
            ExpertDecisions::Table,
            ExpertDecisions::UserId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(WebhookEvents::Table)
                    .col(string_len(WebhookEvents::Id, 128).primary_key())
                    .col(string_len(WebhookEvents::Provider, 16))
                    .col(string_len(WebhookEvents::Kind, 64))
                    .col(timestamp_with_time_zone(WebhookEvents::ReceivedAt))
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        // One index per directory order, holding only listed (bookable) experts. The query
        // repeats this predicate word for word so both planners can use them.
        for (name, columns) in [
            // Membership alone: a text match is checked against it without reading the row.
            ("ix_listed_members", "user_id"),
            ("ix_listed_by_rating", "rank_rating, user_id"),
            ("ix_listed_by_price", "rank_price, user_id"),
            ("ix_listed_by_soonest", "rank_soonest, user_id"),
        ] {
            db.execute_unprepared(&format!(
                "CREATE INDEX {name} ON expert_profiles ({columns}) WHERE {}",
                listed("")
            ))
            .await?;
        }
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                for sql in POSTGRES_SEARCH {
                    db.execute_unprepared(sql).await?;
                }
            }
            _ => {
                for sql in SQLITE_SEARCH {
                    db.execute_unprepared(sql).await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(
                    "DROP TABLE IF EXISTS expert_search; \
                     DROP FUNCTION IF EXISTS expert_search_sync() CASCADE",
                )
                .await?;
        } else {
            manager
                .get_connection()
                .execute_unprepared("DROP TABLE IF EXISTS expert_search")
                .await?;
            manager
                .get_connection()
                .execute_unprepared("DROP TABLE IF EXISTS expert_search_keys")
                .await?;
        }
        for table in [
            WebhookEvents::Table.into_iden(),
            ExpertDecisions::Table.into_iden(),
            ExpertDocuments::Table.into_iden(),
            ExpertLanguages::Table.into_iden(),
            ExpertSpecialties::Table.into_iden(),
            ExpertRates::Table.into_iden(),
            ExpertProfiles::Table.into_iden(),
            Specialties::Table.into_iden(),
            SpecialtyCategories::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Which experts the directory lists: approved, not suspended, able to take payments and be
/// paid out. Columns are written `{prefix}column`: the indexes use no prefix, the
/// directory's query its table alias, and both get the same terms.
pub fn listed(prefix: &str) -> String {
    format!(
        "{prefix}status = 'approved' AND {prefix}suspended_at IS NULL \
         AND {prefix}payout_charges_enabled = TRUE AND {prefix}payout_payouts_enabled = TRUE"
    )
}

/// The rank of an expert with no value for an order (no price estimate, no free slot): last.
pub const UNRANKED: i64 = 9_000_000_000_000_000;

/// PostgreSQL: a narrow table of one tsvector per expert (GIN-indexed), kept by a trigger.
/// Apart from the profile so a search reads small rows, not the bio and its HTML. The
/// `simple` configuration (no stemming), because profiles are written in many languages.
const POSTGRES_SEARCH: &[&str] = &[
    "CREATE TABLE expert_search (user_id uuid PRIMARY KEY \
     REFERENCES expert_profiles (user_id) ON DELETE CASCADE, search_vector tsvector NOT NULL)",
    "CREATE INDEX ix_expert_search ON expert_search USING gin (search_vector)",
    "CREATE FUNCTION expert_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
     INSERT INTO expert_search (user_id, search_vector) \
     VALUES (NEW.user_id, to_tsvector('simple', NEW.search_text)) \
     ON CONFLICT (user_id) DO UPDATE SET search_vector = EXCLUDED.search_vector; \
     RETURN NEW; END $$",
    "CREATE TRIGGER expert_search_sync AFTER INSERT OR UPDATE OF search_text \
     ON expert_profiles FOR EACH ROW EXECUTE FUNCTION expert_search_sync()",
];

/// SQLite: an FTS5 table kept in step by triggers, diacritics folded. Its rows are keyed
/// by `expert_search_keys.id`, a stable integer per expert (an INTEGER PRIMARY KEY, which
/// VACUUM never renumbers), so a search reads neither the text nor a stored id back.
const SQLITE_SEARCH: &[&str] = &[
    "CREATE TABLE expert_search_keys (id INTEGER PRIMARY KEY, \
     user_id uuid_text NOT NULL UNIQUE REFERENCES expert_profiles (user_id) ON DELETE CASCADE)",
    "CREATE VIRTUAL TABLE expert_search USING fts5(search_text, \
     tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER expert_search_insert AFTER INSERT ON expert_profiles BEGIN \
     INSERT INTO expert_search_keys (user_id) VALUES (new.user_id); \
     INSERT INTO expert_search (rowid, search_text) VALUES (last_insert_rowid(), new.search_text); END",
    "CREATE TRIGGER expert_search_update AFTER UPDATE OF search_text ON expert_profiles BEGIN \
     UPDATE expert_search SET search_text = new.search_text \
     WHERE rowid = (SELECT id FROM expert_search_keys WHERE user_id = new.user_id); END",
    "CREATE TRIGGER expert_search_delete BEFORE DELETE ON expert_profiles BEGIN \
     DELETE FROM expert_search \
     WHERE rowid = (SELECT id FROM expert_search_keys WHERE user_id = old.user_id); END",
];

#[derive(DeriveIden, Clone, Copy)]
enum SpecialtyCategories {
    Table,
    Slug,
    Name,
    Position,
}

#[derive(DeriveIden, Clone, Copy)]
enum Specialties {
    Table,
    Slug,
    CategorySlug,
    Name,
    Position,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertProfiles {
    Table,
    UserId,
    Slug,
    Status,
    Headline,
    Bio,
    BioHtml,
    Currency,
    IntroVideoUrl,
    Languages,
    HourlyFromMinor,
    HourlyFromUsdCents,
    RatingCenti,
    RatingCount,
    NextAvailableAt,
    RankRating,
    RankPrice,
    RankSoonest,
    SearchText,
    SubmittedAt,
    DecidedAt,
    VerifiedAt,
    DecisionReason,
    SuspendedAt,
    SuspensionReason,
    PayoutAccountId,
    PayoutChargesEnabled,
    PayoutPayoutsEnabled,
    PayoutRequirements,
    PayoutSyncedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertRates {
    Table,
    UserId,
    DurationMinutes,
    AmountMinor,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertSpecialties {
    Table,
    UserId,
    SpecialtySlug,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertLanguages {
    Table,
    UserId,
    Language,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertDocuments {
    Table,
    Id,
    UserId,
    Kind,
    FileName,
    ContentType,
    SizeBytes,
    Sha256,
    StorageKey,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertDecisions {
    Table,
    Id,
    UserId,
    Decision,
    Reason,
    DecidedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum WebhookEvents {
    Table,
    Id,
    Provider,
    Kind,
    ReceivedAt,
}
