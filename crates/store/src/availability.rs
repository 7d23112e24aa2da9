//! Experts' availability rules (one JSON document each, checked before it gets here) and
//! the busy times their calendars report.

use jiff::Timestamp;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

use crate::entities::{expert_availability, expert_busy_time};
use crate::instant::from_seconds;
use crate::migrations::listed;
use crate::{Database, StoreError};

/// The stored rules document, if the expert has set any.
pub async fn rules(db: &Database, user_id: Uuid) -> Result<Option<String>, StoreError> {
    Ok(expert_availability::Entity::find_by_id(user_id)
        .one(db.conn())
        .await?
        .map(|m| m.rules))
}

/// Stores the rules document, replacing any before it.
pub async fn save_rules(db: &Database, user_id: Uuid, rules: &str) -> Result<(), StoreError> {
    expert_availability::Entity::insert(expert_availability::ActiveModel {
        user_id: Set(user_id),
        rules: Set(rules.to_owned()),
        updated_at: Set(db.now()),
    })
    .on_conflict(
        OnConflict::column(expert_availability::Column::UserId)
            .update_columns([
                expert_availability::Column::Rules,
                expert_availability::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(db.conn())
    .await?;
    Ok(())
}

/// Busy times that end after `from`, earliest first, as (start, end).
pub async fn busy_times(
    db: &Database,
    user_id: Uuid,
    from: Timestamp,
) -> Result<Vec<(Timestamp, Timestamp)>, StoreError> {
    Ok(expert_busy_time::Entity::find()
        .filter(expert_busy_time::Column::UserId.eq(user_id))
        .filter(expert_busy_time::Column::EndsAt.gt(from.as_second()))
        .order_by_asc(expert_busy_time::Column::StartsAt)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|m| (from_seconds(m.starts_at), from_seconds(m.ends_at)))
        .collect())
}

/// Replaces every busy time `source` reported for the expert, in one transaction (a
/// calendar sync sees its whole calendar at once).
pub async fn replace_busy_times(
    db: &Database,
    user_id: Uuid,
    source: &str,
    intervals: &[(Timestamp, Timestamp)],
) -> Result<(), StoreError> {
    let txn = db.begin_write().await?;
    replace_busy_times_in(db, &txn, user_id, source, intervals).await?;
    txn.commit().await?;
    Ok(())
}

/// `replace_busy_times` inside the caller's transaction.
pub(crate) async fn replace_busy_times_in(
    db: &Database,
    txn: &sea_orm::DatabaseTransaction,
    user_id: Uuid,
    source: &str,
    intervals: &[(Timestamp, Timestamp)],
) -> Result<(), StoreError> {
    expert_busy_time::Entity::delete_many()
        .filter(expert_busy_time::Column::UserId.eq(user_id))
        .filter(expert_busy_time::Column::Source.eq(source))
        .exec(txn)
        .await?;
    let rows: Vec<expert_busy_time::ActiveModel> = intervals
        .iter()
        .filter(|(start, end)| end > start)
        .map(|(start, end)| expert_busy_time::ActiveModel {
            id: Set(db.new_id()),
            user_id: Set(user_id),
            source: Set(source.to_owned()),
            starts_at: Set(start.as_second()),
            ends_at: Set(end.as_second()),
        })
        .collect();
    for chunk in rows.chunks(200) {
        expert_busy_time::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// Listed experts with rules whose first free slot is unknown or has passed by `now`:
/// the ones the directory's "available soon" needs recomputed. At most `limit`, by id
/// after `after` (to page through all of them).
pub async fn needing_next_available(
    db: &Database,
    now: Timestamp,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Uuid>, StoreError> {
    #[derive(FromQueryResult)]
    struct Row {
        user_id: Uuid,
    }
    let sql = format!(
        "SELECT e.user_id FROM expert_profiles e \
         JOIN expert_availability a ON a.user_id = e.user_id \
         WHERE {} AND (e.next_available_at IS NULL OR e.next_available_at < $1) \
         AND e.user_id > $2 ORDER BY e.user_id LIMIT $3",
        listed("e.")
    );
    let statement = crate::sql::statement(
        db.backend(),
        &sql,
        vec![
            now.as_second().into(),
            after.unwrap_or(Uuid::nil()).into(),
            (limit as i64).into(),
        ],
    );
    Ok(Row::find_by_statement(statement)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect())
}

/// Removes busy times that ended before `before` (they can never block a slot again).
pub async fn forget_past_busy_times(db: &Database, before: Timestamp) -> Result<u64, StoreError> {
    let result = expert_busy_time::Entity::delete_many()
        .filter(expert_busy_time::Column::EndsAt.lt(before.as_second()))
        .exec(db.conn())
        .await?;
    Ok(result.rows_affected)
}
