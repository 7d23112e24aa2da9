//! The development outbox: where email goes when no SMTP server is configured, so that
//! operators (and tests) can read what would have been sent.

use jiff::Timestamp;
use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::outbox_message;
use crate::instant::from_chrono;
use crate::{Database, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub to: String,
    pub subject: String,
    pub text: String,
    /// The iCalendar invite that went with it, if any.
    pub calendar: Option<String>,
    pub created_at: Timestamp,
}

pub async fn push(
    db: &Database,
    to: &str,
    subject: &str,
    text: &str,
    calendar: Option<&str>,
) -> Result<Uuid, StoreError> {
    let id = db.new_id();
    outbox_message::ActiveModel {
        id: Set(id),
        to_address: Set(to.to_owned()),
        subject: Set(crate::logins::truncate(subject.to_owned(), 255)),
        text_body: Set(text.to_owned()),
        calendar_body: Set(calendar.map(str::to_owned)),
        created_at: Set(db.now()),
    }
    .insert(db.conn())
    .await?;
    Ok(id)
}

/// `push` under a given id: a second push with the same id stores nothing (a job that
/// sends email may run again after a crash). True when it was stored now.
pub async fn push_once(
    db: &Database,
    id: Uuid,
    to: &str,
    subject: &str,
    text: &str,
    calendar: Option<&str>,
) -> Result<bool, StoreError> {
    use sea_orm::ConnectionTrait;
    let stored = db
        .conn()
        .execute_raw(crate::sql::statement(
            db.backend(),
            "INSERT INTO outbox (id, to_address, subject, text_body, calendar_body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
            vec![
                id.into(),
                to.into(),
                crate::logins::truncate(subject.to_owned(), 255).into(),
                text.into(),
                calendar.map(str::to_owned).into(),
                db.now().into(),
            ],
        ))
        .await?
        .rows_affected();
    Ok(stored == 1)
}

/// The newest `limit` messages, newest first.
pub async fn newest(db: &Database, limit: u64) -> Result<Vec<OutboxMessage>, StoreError> {
    Ok(outbox_message::Entity::find()
        // Ids are UUIDv7, so they order by creation even within one clock tick.
        .order_by_desc(outbox_message::Column::Id)
        .limit(limit)
        .all(db.conn())
        .await?
        .into_iter()
        .map(|m| OutboxMessage {
            id: m.id,
            to: m.to_address,
            subject: m.subject,
            text: m.text_body,
            calendar: m.calendar_body,
            created_at: from_chrono(m.created_at),
        })
        .collect())
}
