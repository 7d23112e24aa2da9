//! The audit log as operators search it: by account, kind of event and dates.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Deserialize;
use store::Database;
use store::audit::{AuditEvent, AuditFilter};

/// A filter that cannot be applied, with what is wrong with it.
#[derive(Debug, thiserror::Error)]
pub enum AuditQueryError {
    /// A date or address that does not parse; the message says which and how to write it.
    #[error("{0}")]
    BadFilter(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// Filters, as query parameters (so a filtered view can be bookmarked and shared).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// The account's email address.
    #[serde(default)]
    pub email: String,
    /// Kind prefix, e.g. `login` or `role.granted`.
    #[serde(default)]
    pub kind: String,
    /// First day included, `YYYY-MM-DD` (UTC).
    #[serde(default)]
    pub from: String,
    /// Last day included, `YYYY-MM-DD` (UTC).
    #[serde(default)]
    pub to: String,
    /// How many events to return: 200 when absent, at most 500.
    #[serde(default)]
    pub limit: Option<u64>,
}

impl AuditQuery {
    /// The matching events, newest first, or which filter is wrong.
    pub async fn run(&self, db: &Database) -> Result<Vec<AuditEvent>, AuditQueryError> {
        let bad = |what: &str| AuditQueryError::BadFilter(what.to_owned());
        let day = |text: &str, name: &str| -> Result<Option<Date>, AuditQueryError> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            Date::strptime("%Y-%m-%d", text)
                .map(Some)
                .map_err(|_| bad(&format!("{name} must be a date as YYYY-MM-DD")))
        };
        let from = day(&self.from, "from")?;
        let to = day(&self.to, "to")?;
        let user_id = match self.email.trim() {
            "" => None,
            email => {
                let parsed = domain::EmailAddress::parse(email)
                    .map_err(|_| bad("email is not a valid address"))?;
                match store::users::find_by_email(db, &parsed).await? {
                    Some(user) => Some(user.id),
                    // No such account: no events, not an error.
                    None => return Ok(Vec::new()),
                }
            }
        };
        let start_of = |d: Date| {
            TimeZone::UTC
                .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .ok()
        };
        let filter = AuditFilter {
            user_id,
            kind_prefix: Some(self.kind.trim().to_owned()).filter(|k| !k.is_empty()),
            from: from.and_then(start_of),
            until: to.and_then(|d| d.tomorrow().ok()).and_then(start_of),
            limit: self.limit.unwrap_or(200),
        };
        Ok(store::audit::search(db, &filter).await?)
    }
}

/// The people an operator's list names (the events' accounts and actors), by id: their
/// display name and address. Ids with no account left (erased) are absent.
pub async fn people(
    db: &Database,
    ids: &[uuid::Uuid],
) -> Result<std::collections::HashMap<uuid::Uuid, (String, String)>, store::StoreError> {
    store::users::names_and_emails(db, ids).await
}
