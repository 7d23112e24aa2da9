//! The notification centre: a person's notifications in their language and zone, the
//! unread count, marking read.

use domain::notification::Kind;
use i18n::Locale;
use jiff::Timestamp;
use store::Database;
use store::notifications::Notification;
use store::users::User;
use uuid::Uuid;

use crate::bookings::notices::when_for;

/// How many notifications a page of the centre lists.
pub const PAGE: u64 = 30;

/// One notification as its person reads it.
#[derive(Debug, Clone)]
pub struct Shown {
    /// Its id, for marking it read.
    pub id: Uuid,
    /// What happened, in their language, times in their zone.
    pub text: String,
    /// Where to act on it.
    pub link: String,
    /// When it was told.
    pub created_at: Timestamp,
    /// Not yet read.
    pub unread: bool,
}

/// A page of the centre: the notifications, and whether older ones follow.
#[derive(Debug, Clone)]
pub struct Page {
    /// Newest first.
    pub shown: Vec<Shown>,
    /// How many of all the person's notifications are unread.
    pub unread: u64,
    /// Whether an older page follows.
    pub older: bool,
}

/// The viewer's notifications, newest first, page `page` (from 0).
pub async fn page(db: &Database, viewer: &User, page: u64) -> Result<Page, store::StoreError> {
    let mut rows = store::notifications::newest(db, viewer.id, PAGE + 1, page * PAGE).await?;
    let older = rows.len() as u64 > PAGE;
    rows.truncate(PAGE as usize);
    let locale = Locale::from_tag(&viewer.locale).unwrap_or(Locale::En);
    Ok(Page {
        shown: rows.iter().map(|n| shown(locale, viewer, n)).collect(),
        unread: store::notifications::unread_count(db, viewer.id).await?,
        older,
    })
}

/// How many of the viewer's notifications are unread (the badge).
pub async fn unread(db: &Database, viewer: &User) -> Result<u64, store::StoreError> {
    store::notifications::unread_count(db, viewer.id).await
}

/// Marks one of the viewer's own notifications read; false when it is not theirs.
pub async fn mark_read(db: &Database, viewer: &User, id: Uuid) -> Result<bool, store::StoreError> {
    store::notifications::mark_read(db, viewer.id, id, db.clock().now()).await
}

/// Marks one of the viewer's notifications read and says where it leads; None when it
/// is not theirs.
pub async fn open(
    db: &Database,
    viewer: &User,
    id: Uuid,
) -> Result<Option<String>, store::StoreError> {
    let Some(found) = store::notifications::find_own(db, viewer.id, id).await? else {
        return Ok(None);
    };
    store::notifications::mark_read(db, viewer.id, id, db.clock().now()).await?;
    Ok(Some(link_of(&found)))
}

/// Marks all the viewer's notifications read.
pub async fn mark_all_read(db: &Database, viewer: &User) -> Result<u64, store::StoreError> {
    store::notifications::mark_all_read(db, viewer.id, db.clock().now()).await
}

/// Where acting on a notification happens.
fn link_of(n: &Notification) -> String {
    match (n.booking_id, Kind::parse(&n.kind)) {
        (Some(id), _) => format!("/bookings/{id}"),
        (None, Some(Kind::SecurityAlert)) => "/account/security".to_owned(),
        (None, Some(Kind::ApplicationDecided)) => "/experts/apply".to_owned(),
        (None, Some(Kind::PaidOut | Kind::DisputeOpened)) => "/experts/earnings".to_owned(),
        (None, Some(Kind::CalendarFailing)) => "/calendars".to_owned(),
        _ => "/notifications".to_owned(),
    }
}

fn shown(locale: Locale, viewer: &User, n: &Notification) -> Shown {
    let data: serde_json::Value = serde_json::from_str(&n.data).unwrap_or_default();
    let text_of = |key: &str| {
        data.get(key)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let when = data
        .get("start")
        .and_then(serde_json::Value::as_str)
        .and_then(|s| s.parse::<Timestamp>().ok())
        .map(|at| when_for(viewer, at))
        .unwrap_or_default();
    let text = locale.t_args(
        &format!("notification-{}", n.kind.replace('_', "-")),
        &[
            ("other", text_of("other")),
            ("when", when),
            ("refund", text_of("refund")),
        ],
    );
    Shown {
        id: n.id,
        text,
        link: link_of(n),
        created_at: Timestamp::from_second(n.created_at).unwrap_or_default(),
        unread: n.read_at.is_none(),
    }
}
