//! Expert profiles and applications: content, review transitions, suspension, payout
//! state, verification documents and decisions.
//!
//! Every transition is one conditional UPDATE (`… WHERE status IN (allowed)`), so two
//! verifiers deciding at once, or an edit racing a submit, cannot both win.

use chrono::{DateTime, Utc};
use domain::expert::{ApplicationStatus, Decision};
use jiff::Timestamp;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::entities::{
    expert_decision, expert_document, expert_language, expert_profile, expert_rate,
    expert_specialty, user,
};
use crate::instant::{from_chrono, to_chrono};
use crate::migrations::UNRANKED;
use crate::{Database, StoreError};

/// An expert's profile as stored, with its rates, specialties and languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertProfile {
    pub user_id: Uuid,
    pub slug: String,
    pub status: ApplicationStatus,
    pub headline: String,
    /// Markdown source, as the expert wrote it.
    pub bio: String,
    /// The bio rendered and sanitised at save time.
    pub bio_html: String,
    pub currency: String,
    pub intro_video_url: Option<String>,
    pub languages: Vec<String>,
    pub specialties: Vec<String>,
    /// (minutes, amount in minor units), shortest first.
    pub rates: Vec<(i32, i64)>,
    pub hourly_from_minor: Option<i64>,
    pub rating_centi: i32,
    pub rating_count: i32,
    pub submitted_at: Option<Timestamp>,
    pub decided_at: Option<Timestamp>,
    pub verified_at: Option<Timestamp>,
    pub decision_reason: Option<String>,
    pub suspended_at: Option<Timestamp>,
    pub suspension_reason: Option<String>,
    pub payout: PayoutState,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl ExpertProfile {
    /// Approved, not suspended, and able to take payments and receive payouts.
    pub fn bookable(&self) -> bool {
        self.status == ApplicationStatus::Approved
            && self.suspended_at.is_none()
            && self.payout.charges_enabled
            && self.payout.payouts_enabled
    }
}

/// The expert's connected payout account, as last reported by the payment provider.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PayoutState {
    pub account_id: Option<String>,
    pub charges_enabled: bool,
    pub payouts_enabled: bool,
    /// What the provider still needs (`individual.verification.document`, …).
    pub requirements: Vec<String>,
}

/// What an applicant writes; already validated.
#[derive(Debug, Clone, Default)]
pub struct ApplicationContent {
    pub headline: String,
    pub bio: String,
    pub bio_html: String,
    pub currency: String,
    pub intro_video_url: Option<String>,
    pub languages: Vec<String>,
    pub specialties: Vec<String>,
    pub rates: Vec<(i32, i64)>,
    pub hourly_from_minor: Option<i64>,
    pub hourly_from_usd_cents: Option<i64>,
    /// Everything full-text search should find the expert by.
    pub search_text: String,
}

/// Why a change to an application did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// There is no application.
    Missing,
    /// The application is in a state that does not allow it.
    WrongState(ApplicationStatus),
}

pub async fn find(db: &Database, user_id: Uuid) -> Result<Option<ExpertProfile>, StoreError> {
    let model = expert_profile::Entity::find_by_id(user_id)
        .one(db.conn())
        .await?;
    match model {
        Some(m) => Ok(Some(assemble(db, m).await?)),
        None => Ok(None),
    }
}

pub async fn find_by_slug(db: &Database, slug: &str) -> Result<Option<ExpertProfile>, StoreError> {
    let model = expert_profile::Entity::find()
        .filter(expert_profile::Column::Slug.eq(slug))
        .one(db.conn())
        .await?;
    match model {
        Some(m) => Ok(Some(assemble(db, m).await?)),
        None => Ok(None),
    }
}

/// Creates the application (as a draft, under `slug`) or replaces its content, in one
/// transaction. An existing application must be in a state that allows editing.
pub async fn save_content(
    db: &Database,
    user_id: Uuid,
    slug: &str,
    content: ApplicationContent,
) -> Result<Result<(), Refused>, StoreError> {
    let now = db.now();
    let txn = db.begin_write().await?;
    let existing = expert_profile::Entity::find_by_id(user_id)
        .one(&txn)
        .await?;
    match existing {
        None => {
            expert_profile::ActiveModel {
                user_id: Set(user_id),
                slug: Set(slug.to_owned()),
                status: Set(ApplicationStatus::Draft.as_str().to_owned()),
                headline: Set(content.headline.clone()),
                bio: Set(content.bio.clone()),
                bio_html: Set(content.bio_html.clone()),
                currency: Set(content.currency.clone()),
                intro_video_url: Set(content.intro_video_url.clone()),
                languages: Set(content.languages.join(",")),
                hourly_from_minor: Set(content.hourly_from_minor),
                hourly_from_usd_cents: Set(content.hourly_from_usd_cents),
                rating_centi: Set(0),
                rating_count: Set(0),
                next_available_at: Set(None),
                // No reviews yet: the prior alone (see `domain::learning::rating`).
                rank_rating: Set(-domain::learning::rating::bayesian_score(0, 0)),
                rank_price: Set(price_rank(content.hourly_from_usd_cents)),
                rank_soonest: Set(UNRANKED),
                search_text: Set(content.search_text.clone()),
                submitted_at: Set(None),
                decided_at: Set(None),
                verified_at: Set(None),
                decision_reason: Set(None),
                suspended_at: Set(None),
                suspension_reason: Set(None),
                payout_account_id: Set(None),
                payout_charges_enabled: Set(false),
                payout_payouts_enabled: Set(false),
                payout_requirements: Set(String::new()),
                payout_synced_at: Set(0),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await
            .map_err(|e| StoreError::unique_as(e, "an expert profile"))?;
        }
        Some(_) => {
            let editable: Vec<&str> = ApplicationStatus::ALL
                .into_iter()
                .filter(|s| s.editable())
                .map(ApplicationStatus::as_str)
                .collect();
            let updated = expert_profile::Entity::update_many()
                .col_expr(
                    expert_profile::Column::Headline,
                    Expr::value(&content.headline),
                )
                .col_expr(expert_profile::Column::Bio, Expr::value(&content.bio))
                .col_expr(
                    expert_profile::Column::BioHtml,
                    Expr::value(&content.bio_html),
                )
                .col_expr(
                    expert_profile::Column::Currency,
                    Expr::value(&content.currency),
                )
                .col_expr(
                    expert_profile::Column::IntroVideoUrl,
                    Expr::value(content.intro_video_url.clone()),
                )
                .col_expr(
                    expert_profile::Column::Languages,
                    Expr::value(content.languages.join(",")),
                )
                .col_expr(
                    expert_profile::Column::HourlyFromMinor,
                    Expr::value(content.hourly_from_minor),
                )
                .col_expr(
                    expert_profile::Column::HourlyFromUsdCents,
                    Expr::value(content.hourly_from_usd_cents),
                )
                .col_expr(
                    expert_profile::Column::RankPrice,
                    Expr::value(price_rank(content.hourly_from_usd_cents)),
                )
                .col_expr(
                    expert_profile::Column::SearchText,
                    Expr::value(&content.search_text),
                )
                .col_expr(expert_profile::Column::UpdatedAt, Expr::value(now))
                .filter(expert_profile::Column::UserId.eq(user_id))
                .filter(expert_profile::Column::Status.is_in(editable))
                .exec(&txn)
                .await?;
            if updated.rows_affected != 1 {
                let status = current_status(&txn, user_id).await?;
                txn.rollback().await?;
                return Ok(Err(status.map_or(Refused::Missing, Refused::WrongState)));
            }
            expert_rate::Entity::delete_many()
                .filter(expert_rate::Column::UserId.eq(user_id))
                .exec(&txn)
                .await?;
            expert_specialty::Entity::delete_many()
                .filter(expert_specialty::Column::UserId.eq(user_id))
                .exec(&txn)
                .await?;
            expert_language::Entity::delete_many()
                .filter(expert_language::Column::UserId.eq(user_id))
                .exec(&txn)
                .await?;
        }
    }
    for (duration, amount) in &content.rates {
        expert_rate::ActiveModel {
            user_id: Set(user_id),
            duration_minutes: Set(*duration),
            amount_minor: Set(*amount),
        }
        .insert(&txn)
        .await?;
    }
    for slug in &content.specialties {
        expert_specialty::ActiveModel {
            user_id: Set(user_id),
            specialty_slug: Set(slug.clone()),
        }
        .insert(&txn)
        .await?;
    }
    for language in &content.languages {
        expert_language::ActiveModel {
            user_id: Set(user_id),
            language: Set(language.clone()),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(()))
}

/// Sends a draft (or an application with changes requested) for review.
pub async fn submit(db: &Database, user_id: Uuid) -> Result<Result<(), Refused>, StoreError> {
    let now = db.now();
    let from: Vec<&str> = ApplicationStatus::ALL
        .into_iter()
        .filter(|s| s.submittable())
        .map(ApplicationStatus::as_str)
        .collect();
    let updated = expert_profile::Entity::update_many()
        .col_expr(
            expert_profile::Column::Status,
            Expr::value(ApplicationStatus::Submitted.as_str()),
        )
        .col_expr(expert_profile::Column::SubmittedAt, Expr::value(now))
        .col_expr(expert_profile::Column::UpdatedAt, Expr::value(now))
        .filter(expert_profile::Column::UserId.eq(user_id))
        .filter(expert_profile::Column::Status.is_in(from))
        .exec(db.conn())
        .await?;
    refused_unless_one(db.conn(), updated.rows_affected, user_id).await
}

/// Records a verifier's decision on a submitted application, with its reason, in one
/// transaction: the status change and the decision's history row.
pub async fn decide(
    db: &Database,
    user_id: Uuid,
    decision: Decision,
    reason: &str,
    decided_by: Uuid,
) -> Result<Result<(), Refused>, StoreError> {
    let now = db.now();
    let txn = db.begin_write().await?;
    let mut update = expert_profile::Entity::update_many()
        .col_expr(
            expert_profile::Column::Status,
            Expr::value(decision.outcome().as_str()),
        )
        .col_expr(expert_profile::Column::DecidedAt, Expr::value(now))
        .col_expr(expert_profile::Column::DecisionReason, Expr::value(reason))
        .col_expr(expert_profile::Column::UpdatedAt, Expr::value(now));
    if decision == Decision::Approve {
        update = update.col_expr(expert_profile::Column::VerifiedAt, Expr::value(now));
    }
    let updated = update
        .filter(expert_profile::Column::UserId.eq(user_id))
        .filter(expert_profile::Column::Status.eq(ApplicationStatus::Submitted.as_str()))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        let refused = refused_unless_one(&txn, 0, user_id).await?;
        txn.rollback().await?;
        return Ok(refused);
    }
    expert_decision::ActiveModel {
        id: Set(db.new_id()),
        user_id: Set(user_id),
        decision: Set(decision.as_str().to_owned()),
        reason: Set(reason.to_owned()),
        decided_by: Set(Some(decided_by)),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// Hides an approved expert (true) or brings them back (false). Returns whether anything
/// changed: suspending a suspended expert changes nothing.
pub async fn set_suspended(
    db: &Database,
    user_id: Uuid,
    suspended: bool,
    reason: &str,
) -> Result<Result<bool, Refused>, StoreError> {
    let Some(profile) = expert_profile::Entity::find_by_id(user_id)
        .one(db.conn())
        .await?
    else {
        return Ok(Err(Refused::Missing));
    };
    let status = parse_status(&profile.status)?;
    if status != ApplicationStatus::Approved {
        return Ok(Err(Refused::WrongState(status)));
    }
    let now = db.now();
    let mut update = expert_profile::Entity::update_many()
        .filter(expert_profile::Column::UserId.eq(user_id))
        .col_expr(expert_profile::Column::UpdatedAt, Expr::value(now));
    update = if suspended {
        update
            .col_expr(expert_profile::Column::SuspendedAt, Expr::value(now))
            .col_expr(
                expert_profile::Column::SuspensionReason,
                Expr::value(reason),
            )
            .filter(expert_profile::Column::SuspendedAt.is_null())
    } else {
        update
            .col_expr(
                expert_profile::Column::SuspendedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(
                expert_profile::Column::SuspensionReason,
                Expr::value(Option::<String>::None),
            )
            .filter(expert_profile::Column::SuspendedAt.is_not_null())
    };
    let updated = update.exec(db.conn()).await?;
    Ok(Ok(updated.rows_affected == 1))
}

/// Remembers the expert's payout account, unless one is already set (two tabs starting
/// onboarding at once keep the first). Returns the account the expert now has.
pub async fn set_payout_account(
    db: &Database,
    user_id: Uuid,
    account_id: &str,
) -> Result<Option<String>, StoreError> {
    expert_profile::Entity::update_many()
        .col_expr(
            expert_profile::Column::PayoutAccountId,
            Expr::value(account_id),
        )
        .filter(expert_profile::Column::UserId.eq(user_id))
        .filter(expert_profile::Column::PayoutAccountId.is_null())
        .exec(db.conn())
        .await?;
    Ok(expert_profile::Entity::find_by_id(user_id)
        .one(db.conn())
        .await?
        .and_then(|p| p.payout_account_id))
}

/// Applies the provider's view of a payout account, unless a newer view (by the
/// provider's own timestamp, `as_of`) was applied already: webhooks arrive in any order.
/// Returns the expert whose account it is, when it changed anything.
pub async fn update_payout_state(
    db: &Database,
    account_id: &str,
    state: &PayoutState,
    as_of: Timestamp,
) -> Result<Option<Uuid>, StoreError> {
    let as_of = as_of.as_second();
    let updated = expert_profile::Entity::update_many()
        .col_expr(
            expert_profile::Column::PayoutChargesEnabled,
            Expr::value(state.charges_enabled),
        )
        .col_expr(
            expert_profile::Column::PayoutPayoutsEnabled,
            Expr::value(state.payouts_enabled),
        )
        .col_expr(
            expert_profile::Column::PayoutRequirements,
            Expr::value(state.requirements.join(",")),
        )
        .col_expr(expert_profile::Column::PayoutSyncedAt, Expr::value(as_of))
        .col_expr(expert_profile::Column::UpdatedAt, Expr::value(db.now()))
        .filter(expert_profile::Column::PayoutAccountId.eq(account_id))
        .filter(expert_profile::Column::PayoutSyncedAt.lte(as_of))
        .exec(db.conn())
        .await?;
    if updated.rows_affected == 0 {
        return Ok(None);
    }
    Ok(expert_profile::Entity::find()
        .filter(expert_profile::Column::PayoutAccountId.eq(account_id))
        .one(db.conn())
        .await?
        .map(|p| p.user_id))
}

/// The expert whose connected payout account is `account_id`.
pub async fn with_payout_account(
    db: &Database,
    account_id: &str,
) -> Result<Option<Uuid>, StoreError> {
    Ok(expert_profile::Entity::find()
        .filter(expert_profile::Column::PayoutAccountId.eq(account_id))
        .one(db.conn())
        .await?
        .map(|p| p.user_id))
}

/// The experts who list `specialty`.
pub async fn holding_specialty(db: &Database, specialty: &str) -> Result<Vec<Uuid>, StoreError> {
    Ok(expert_specialty::Entity::find()
        .filter(expert_specialty::Column::SpecialtySlug.eq(specialty))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|s| s.user_id)
        .collect())
}

/// Sets the denormalised search text (after the expert's name changes).
pub async fn set_search_text(db: &Database, user_id: Uuid, text: &str) -> Result<(), StoreError> {
    expert_profile::Entity::update_many()
        .col_expr(expert_profile::Column::SearchText, Expr::value(text))
        .filter(expert_profile::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Sets the first free slot the directory filters and sorts on; the
/// scheduling engine keeps it current. Writes only when it changed: every profile write
/// moves the directory's version (and so empties result caches), and the periodic sweep
/// recomputes many experts whose answer is the same.
pub async fn set_next_available(
    db: &Database,
    user_id: Uuid,
    at: Option<Timestamp>,
) -> Result<(), StoreError> {
    let at = at.map(|t| t.as_second());
    let column = expert_profile::Column::NextAvailableAt;
    let changed = match at {
        Some(at) => Condition::any().add(column.is_null()).add(column.ne(at)),
        None => Condition::all().add(column.is_not_null()),
    };
    expert_profile::Entity::update_many()
        .col_expr(column, Expr::value(at))
        .col_expr(
            expert_profile::Column::RankSoonest,
            Expr::value(at.unwrap_or(UNRANKED)),
        )
        .filter(expert_profile::Column::UserId.eq(user_id))
        .filter(changed)
        .exec(db.conn())
        .await?;
    Ok(())
}

/// One application in the verification queue.
#[derive(Debug, Clone)]
pub struct QueueEntry {
    pub user_id: Uuid,
    pub display_name: String,
    pub email: String,
    pub headline: String,
    pub status: ApplicationStatus,
    pub submitted_at: Option<Timestamp>,
    pub suspended: bool,
}

/// Applications in `status`, oldest submission first (the queue's order of fairness).
pub async fn by_status(
    db: &Database,
    status: ApplicationStatus,
    limit: u64,
) -> Result<Vec<QueueEntry>, StoreError> {
    let rows = expert_profile::Entity::find()
        .filter(expert_profile::Column::Status.eq(status.as_str()))
        .order_by_asc(expert_profile::Column::SubmittedAt)
        .order_by_asc(expert_profile::Column::UserId)
        .limit(limit)
        .all(db.conn())
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.user_id).collect();
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db.conn())
        .await?;
    rows.into_iter()
        .map(|r| {
            let owner = users.iter().find(|u| u.id == r.user_id);
            Ok(QueueEntry {
                user_id: r.user_id,
                display_name: owner.map(|u| u.display_name.clone()).unwrap_or_default(),
                email: owner.map(|u| u.email.clone()).unwrap_or_default(),
                headline: r.headline,
                status: parse_status(&r.status)?,
                submitted_at: r.submitted_at.map(from_chrono),
                suspended: r.suspended_at.is_some(),
            })
        })
        .collect()
}

/// A past decision on an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRecord {
    pub decision: String,
    pub reason: String,
    pub decided_by: Option<Uuid>,
    pub created_at: Timestamp,
}

/// Every decision on the application, newest first.
pub async fn decisions(db: &Database, user_id: Uuid) -> Result<Vec<DecisionRecord>, StoreError> {
    Ok(expert_decision::Entity::find()
        .filter(expert_decision::Column::UserId.eq(user_id))
        .order_by_desc(expert_decision::Column::Id)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|d| DecisionRecord {
            decision: d.decision,
            reason: d.reason,
            decided_by: d.decided_by,
            created_at: from_chrono(d.created_at),
        })
        .collect())
}

/// A verification document's record (its bytes are in object storage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: Uuid,
    pub user_id: Uuid,
    pub kind: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub storage_key: String,
    pub created_at: Timestamp,
}

pub async fn add_document(db: &Database, doc: &Document) -> Result<(), StoreError> {
    expert_document::ActiveModel {
        id: Set(doc.id),
        user_id: Set(doc.user_id),
        kind: Set(doc.kind.clone()),
        file_name: Set(doc.file_name.clone()),
        content_type: Set(doc.content_type.clone()),
        size_bytes: Set(doc.size_bytes),
        sha256: Set(doc.sha256.clone()),
        storage_key: Set(doc.storage_key.clone()),
        created_at: Set(to_chrono(doc.created_at)),
    }
    .insert(db.conn())
    .await?;
    Ok(())
}

pub async fn documents(db: &Database, user_id: Uuid) -> Result<Vec<Document>, StoreError> {
    Ok(expert_document::Entity::find()
        .filter(expert_document::Column::UserId.eq(user_id))
        .order_by_asc(expert_document::Column::CreatedAt)
        .all(db.conn())
        .await?
        .into_iter()
        .map(to_document)
        .collect())
}

pub async fn document(db: &Database, id: Uuid) -> Result<Option<Document>, StoreError> {
    Ok(expert_document::Entity::find_by_id(id)
        .one(db.conn())
        .await?
        .map(to_document))
}

/// Removes the record of one of the account's documents. Returns whether it existed.
pub async fn delete_document(db: &Database, user_id: Uuid, id: Uuid) -> Result<bool, StoreError> {
    let deleted = expert_document::Entity::delete_many()
        .filter(expert_document::Column::Id.eq(id))
        .filter(expert_document::Column::UserId.eq(user_id))
        .exec(db.conn())
        .await?;
    Ok(deleted.rows_affected == 1)
}

/// Documents of applications rejected before `before`: past their retention period.
pub async fn documents_of_rejected_before(
    db: &Database,
    before: Timestamp,
) -> Result<Vec<Document>, StoreError> {
    let before = to_chrono(before);
    let owners: Vec<Uuid> = expert_profile::Entity::find()
        .filter(expert_profile::Column::Status.eq(ApplicationStatus::Rejected.as_str()))
        .filter(expert_profile::Column::DecidedAt.lt(before))
        .all(db.conn())
        .await?
        .into_iter()
        .map(|p| p.user_id)
        .collect();
    if owners.is_empty() {
        return Ok(Vec::new());
    }
    Ok(expert_document::Entity::find()
        .filter(expert_document::Column::UserId.is_in(owners))
        .all(db.conn())
        .await?
        .into_iter()
        .map(to_document)
        .collect())
}

async fn current_status<C: ConnectionTrait>(
    conn: &C,
    user_id: Uuid,
) -> Result<Option<ApplicationStatus>, StoreError> {
    expert_profile::Entity::find_by_id(user_id)
        .one(conn)
        .await?
        .map(|p| parse_status(&p.status))
        .transpose()
}

async fn refused_unless_one<C: ConnectionTrait>(
    conn: &C,
    rows: u64,
    user_id: Uuid,
) -> Result<Result<(), Refused>, StoreError> {
    if rows == 1 {
        return Ok(Ok(()));
    }
    Ok(Err(current_status(conn, user_id)
        .await?
        .map_or(Refused::Missing, Refused::WrongState)))
}

fn parse_status(raw: &str) -> Result<ApplicationStatus, StoreError> {
    ApplicationStatus::parse(raw)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown application status {raw:?}")))
}

async fn assemble(db: &Database, m: expert_profile::Model) -> Result<ExpertProfile, StoreError> {
    let rates = expert_rate::Entity::find()
        .filter(expert_rate::Column::UserId.eq(m.user_id))
        .order_by_asc(expert_rate::Column::DurationMinutes)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|r| (r.duration_minutes, r.amount_minor))
        .collect();
    let specialties = expert_specialty::Entity::find()
        .filter(expert_specialty::Column::UserId.eq(m.user_id))
        .order_by_asc(expert_specialty::Column::SpecialtySlug)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|s| s.specialty_slug)
        .collect();
    Ok(ExpertProfile {
        user_id: m.user_id,
        slug: m.slug,
        status: parse_status(&m.status)?,
        headline: m.headline,
        bio: m.bio,
        bio_html: m.bio_html,
        currency: m.currency,
        intro_video_url: m.intro_video_url,
        languages: split(&m.languages),
        specialties,
        rates,
        hourly_from_minor: m.hourly_from_minor,
        rating_centi: m.rating_centi,
        rating_count: m.rating_count,
        submitted_at: m.submitted_at.map(from_chrono),
        decided_at: m.decided_at.map(from_chrono),
        verified_at: m.verified_at.map(from_chrono),
        decision_reason: m.decision_reason,
        suspended_at: m.suspended_at.map(from_chrono),
        suspension_reason: m.suspension_reason,
        payout: PayoutState {
            account_id: m.payout_account_id,
            charges_enabled: m.payout_charges_enabled,
            payouts_enabled: m.payout_payouts_enabled,
            requirements: split(&m.payout_requirements),
        },
        created_at: from_chrono(m.created_at),
        updated_at: from_chrono(m.updated_at),
    })
}

fn to_document(d: expert_document::Model) -> Document {
    Document {
        id: d.id,
        user_id: d.user_id,
        kind: d.kind,
        file_name: d.file_name,
        content_type: d.content_type,
        size_bytes: d.size_bytes,
        sha256: d.sha256,
        storage_key: d.storage_key,
        created_at: from_chrono(d.created_at),
    }
}

/// The price order: US cents of the cheapest hour, or last when it has no estimate.
fn price_rank(usd_cents: Option<i64>) -> i64 {
    usd_cents.unwrap_or(UNRANKED)
}

fn split(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The commission rate an operator set for this expert, in basis points (None: the
/// platform's).
pub async fn commission_bps(db: &Database, expert: Uuid) -> Result<Option<i32>, StoreError> {
    use sea_orm::FromQueryResult;
    #[derive(FromQueryResult)]
    struct Rate {
        commission_bps: Option<i32>,
    }
    let rate = Rate::find_by_statement(crate::sql::statement(
        db.backend(),
        "SELECT commission_bps FROM expert_profiles WHERE user_id = $1",
        vec![expert.into()],
    ))
    .one(db.conn())
    .await?;
    Ok(rate.and_then(|r| r.commission_bps))
}

/// Sets (or with None clears) the expert's own commission rate and records who did it, in
/// one transaction. False when there is no such expert.
pub async fn set_commission_bps(
    db: &Database,
    expert: Uuid,
    bps: Option<i32>,
    audit: crate::audit::NewAuditEvent<'_>,
) -> Result<bool, StoreError> {
    use sea_orm::ConnectionTrait;
    let txn = db.begin_write().await?;
    let updated = txn
        .execute_raw(crate::sql::statement(
            db.backend(),
            "UPDATE expert_profiles SET commission_bps = $2 WHERE user_id = $1",
            vec![expert.into(), bps.into()],
        ))
        .await?
        .rows_affected();
    if updated != 1 {
        txn.rollback().await?;
        return Ok(false);
    }
    crate::audit::record_in(db, &txn, audit).await?;
    txn.commit().await?;
    Ok(true)
}

/// Where the expert meets learners (`builtin`, `jitsi`); None without a profile.
pub async fn video_provider(db: &Database, expert: Uuid) -> Result<Option<String>, StoreError> {
    use sea_orm::FromQueryResult;
    #[derive(FromQueryResult)]
    struct Provider {
        video_provider: String,
    }
    Ok(Provider::find_by_statement(crate::sql::statement(
        db.backend(),
        "SELECT video_provider FROM expert_profiles WHERE user_id = $1",
        vec![expert.into()],
    ))
    .one(db.conn())
    .await?
    .map(|p| p.video_provider))
}

/// Sets where the expert meets learners.
pub async fn set_video_provider(
    db: &Database,
    expert: Uuid,
    provider: &str,
) -> Result<(), StoreError> {
    db.conn()
        .execute_raw(crate::sql::statement(
            db.backend(),
            "UPDATE expert_profiles SET video_provider = $1 WHERE user_id = $2",
            vec![provider.into(), expert.into()],
        ))
        .await?;
    Ok(())
}
