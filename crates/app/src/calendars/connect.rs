//! Connecting calendars and choosing what they do. A connection is checked before it is
//! kept: a CalDAV account by listing its calendars with the password given, a feed by
//! reading it. Every calendar found blocks time until the expert says otherwise; none
//! receives sessions until one is chosen.

use ::calendars::caldav::CalDavClient;
use ::calendars::feed::{Fetched, address};
use store::Database;
use store::calendars::{Calendar, Connection};
use store::users::User;
use uuid::Uuid;

use super::{CalendarUseError, Calendars, MAX_CONNECTIONS, field_error_of};
use crate::FieldError;
use crate::live::AvailabilityChange;
use crate::scheduling::ScheduleCache;

/// The one calendar of a feed connection (its address is the connection's sealed secret).
pub const FEED_CALENDAR: &str = "feed";

/// Longest address, user name and password taken.
pub const MAX_ADDRESS: usize = 2_000;
/// Longest user name taken.
pub const MAX_USERNAME: usize = 200;
/// Longest app password taken.
pub const MAX_PASSWORD: usize = 500;

/// What an expert types to connect a CalDAV account.
#[derive(Debug, Clone, Default)]
pub struct CalDavInput {
    /// The server's address (any page of it: root, principal or a calendar).
    pub url: String,
    /// The sign-in name.
    pub username: String,
    /// An app password (never the account's main password, where the provider has them).
    pub password: String,
}

/// A connection with its calendars, as the health page shows it.
#[derive(Debug, Clone)]
pub struct ConnectionView {
    /// The connection and its health.
    pub connection: Connection,
    /// Its calendars.
    pub calendars: Vec<Calendar>,
    /// Whether learners see it as failing (pause or "calendar not checked").
    pub failing: bool,
    /// `host[:port]/path` of its address: what the expert recognises, without user info
    /// or a feed's secret query.
    pub place: String,
}

/// A connection just made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connected {
    /// Its id.
    pub id: Uuid,
    /// Whether its first read worked (if not, the page shows why).
    pub read: bool,
}

/// A connection as first stored: due for its first read at once, nothing chosen yet
/// (every calendar blocks, none receives; bookings pause while it fails).
pub(super) fn new_connection(
    id: Uuid,
    user: &User,
    kind: &str,
    address: String,
    username: String,
    secret_sealed: Option<String>,
    now: jiff::Timestamp,
) -> Connection {
    Connection {
        id,
        user_id: user.id,
        kind: kind.to_owned(),
        address,
        username,
        secret_sealed,
        keep_booking: false,
        share_names: false,
        error_code: None,
        error_detail: None,
        failures: 0,
        last_sync_at: None,
        last_success_at: None,
        next_sync_at: now.as_second(),
        notified_at: None,
        created_at: now.as_second(),
    }
}

/// Whether the person may connect calendars (experts: their busy times block slots).
pub async fn can_connect(db: &Database, user: &User) -> Result<bool, CalendarUseError> {
    Ok(store::experts::find(db, user.id).await?.is_some())
}

fn place_of(address: &str) -> String {
    match url::Url::parse(address) {
        Ok(u) => {
            let host = u.host_str().unwrap_or_default();
            let port = u.port().map(|p| format!(":{p}")).unwrap_or_default();
            format!("{host}{port}{}", u.path())
        }
        Err(_) => String::new(),
    }
}

fn invalid(field: &'static str, message_id: &'static str) -> CalendarUseError {
    CalendarUseError::Invalid(vec![FieldError { field, message_id }])
}

async fn check_expert(db: &Database, user: &User) -> Result<(), CalendarUseError> {
    if store::experts::find(db, user.id).await?.is_none() {
        return Err(CalendarUseError::NotExpert);
    }
    if store::calendars::connections_of(db, user.id).await?.len() >= MAX_CONNECTIONS {
        return Err(CalendarUseError::TooMany);
    }
    Ok(())
}

fn check_caldav(input: &CalDavInput) -> Result<(), CalendarUseError> {
    let mut problems = Vec::new();
    let url = input.url.trim();
    if url.is_empty() {
        problems.push(FieldError {
            field: "url",
            message_id: "calendar-url-required",
        });
    } else if url.len() > MAX_ADDRESS
        || address(url).is_none()
        || url.to_ascii_lowercase().starts_with("webcal:")
    {
        problems.push(FieldError {
            field: "url",
            message_id: "calendar-url-invalid",
        });
    }
    if input.username.trim().is_empty() {
        problems.push(FieldError {
            field: "username",
            message_id: "calendar-username-required",
        });
    } else if input.username.trim().chars().count() > MAX_USERNAME {
        problems.push(FieldError {
            field: "username",
            message_id: "calendar-username-too-long",
        });
    }
    if input.password.is_empty() {
        problems.push(FieldError {
            field: "password",
            message_id: "calendar-password-required",
        });
    } else if input.password.chars().count() > MAX_PASSWORD {
        problems.push(FieldError {
            field: "password",
            message_id: "calendar-password-too-long",
        });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CalendarUseError::Invalid(problems))
    }
}

/// Connects a CalDAV account after listing its calendars, and reads their busy times.
pub async fn connect_caldav(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    user: &User,
    input: &CalDavInput,
) -> Result<Connected, CalendarUseError> {
    check_caldav(input)?;
    check_expert(db, user).await?;
    let url = input.url.trim();
    let username = input.username.trim();
    let client = CalDavClient::new(url, username, &input.password, calendars.allow_private())
        .map_err(|e| CalendarUseError::Invalid(vec![field_error_of(&e, "url")]))?;
    let found = client
        .discover()
        .await
        .map_err(|e| CalendarUseError::Invalid(vec![field_error_of(&e, "url")]))?;
    if found.is_empty() {
        return Err(invalid("url", "calendar-error-no-calendars"));
    }
    let id = db.new_id();
    let now = db.clock().now();
    let connection = new_connection(
        id,
        user,
        "caldav",
        url.to_owned(),
        username.to_owned(),
        Some(calendars.key().seal(id, &input.password)?),
        now,
    );
    let list: Vec<(String, String)> = found.into_iter().map(|c| (c.url, c.name)).collect();
    store::calendars::insert(db, &connection, &list).await?;
    audit(db, user, "calendar.connected", "caldav").await;
    let first = super::sync::sync_connection(db, calendars, schedules, None, id).await?;
    Ok(Connected {
        id,
        read: !matches!(first, super::sync::Synced::Failed(_)),
    })
}

/// Subscribes to an ICS feed after reading it once, and reads its busy times.
pub async fn connect_feed(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    user: &User,
    url: &str,
) -> Result<Connected, CalendarUseError> {
    let url = url.trim();
    if url.is_empty() {
        return Err(invalid("feed_url", "calendar-url-required"));
    }
    let Some(normalised) = address(url).filter(|_| url.len() <= MAX_ADDRESS) else {
        return Err(invalid("feed_url", "calendar-url-invalid"));
    };
    check_expert(db, user).await?;
    let now = db.clock().now();
    let first = calendars
        .feeds()
        .fetch(normalised.as_str(), &Default::default())
        .await
        .map_err(|e| CalendarUseError::Invalid(vec![field_error_of(&e, "feed_url")]))?;
    let Fetched::Changed { text, .. } = first else {
        return Err(invalid("feed_url", "calendar-error-unreadable"));
    };
    // Read once to refuse what is not a calendar before it is kept.
    ::calendars::ics::busy_times(&text, now, now, &jiff::tz::TimeZone::UTC)
        .map_err(|e| CalendarUseError::Invalid(vec![field_error_of(&e, "feed_url")]))?;
    let name = ::calendars::ics::calendar_name(&text).unwrap_or_else(|| {
        normalised
            .host_str()
            .map(str::to_owned)
            .unwrap_or_else(|| "ICS".into())
    });
    let id = db.new_id();
    // A feed's address is its credential (Google's "secret address"): it is sealed like a
    // password; only its origin is kept in the clear, to show.
    let origin = normalised.origin().ascii_serialization();
    let connection = new_connection(
        id,
        user,
        "ics",
        format!("{origin}/"),
        String::new(),
        Some(calendars.key().seal(id, normalised.as_str())?),
        now,
    );
    store::calendars::insert(db, &connection, &[(FEED_CALENDAR.to_owned(), name)]).await?;
    audit(db, user, "calendar.connected", "ics").await;
    let first = super::sync::sync_connection(db, calendars, schedules, None, id).await?;
    Ok(Connected {
        id,
        read: !matches!(first, super::sync::Synced::Failed(_)),
    })
}

/// A new password (and user name) for a CalDAV connection, checked like a new one; then
/// it is read again at once.
pub async fn reconnect(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    user: &User,
    id: Uuid,
    input: &CalDavInput,
) -> Result<(), CalendarUseError> {
    let Some(connection) = own(db, user, id).await? else {
        return Err(CalendarUseError::NotFound);
    };
    if connection.kind != "caldav" {
        return Err(CalendarUseError::NotFound);
    }
    let input = CalDavInput {
        url: connection.address.clone(),
        ..input.clone()
    };
    check_caldav(&input)?;
    let client = CalDavClient::new(
        &input.url,
        input.username.trim(),
        &input.password,
        calendars.allow_private(),
    )
    .map_err(|e| CalendarUseError::Invalid(vec![field_error_of(&e, "url")]))?;
    let found = client
        .discover()
        .await
        .map_err(|e| CalendarUseError::Invalid(vec![field_error_of(&e, "url")]))?;
    let sealed = calendars.key().seal(id, &input.password)?;
    let now = db.clock().now();
    store::calendars::reconnect(db, user.id, id, input.username.trim(), Some(&sealed), now).await?;
    let list: Vec<(String, String)> = found.into_iter().map(|c| (c.url, c.name)).collect();
    store::calendars::add_calendars(db, id, &list).await?;
    audit(db, user, "calendar.reconnected", "caldav").await;
    super::sync::sync_connection(db, calendars, schedules, None, id).await?;
    Ok(())
}

/// Removes a connection with its busy times (slots free up at once everywhere); a
/// signed-in one's push channels are closed first.
pub async fn disconnect(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    user: &User,
    id: Uuid,
) -> Result<(), CalendarUseError> {
    if let Some(connection) = own(db, user, id).await? {
        super::push::close_all(db, calendars, &connection).await;
        super::signed_in::forget(calendars, id);
    }
    if !store::calendars::delete(db, user.id, id).await? {
        return Err(CalendarUseError::NotFound);
    }
    schedules
        .changed(user.id, AvailabilityChange::RulesChanged)
        .await;
    audit(db, user, "calendar.disconnected", "").await;
    Ok(())
}

/// Sets which of a connection's calendars block time and which receives sessions, and
/// what happens while it fails.
#[derive(Debug, Clone, Default)]
pub struct Choice {
    /// The calendars whose busy times block slots.
    pub blocking: Vec<Uuid>,
    /// The calendar sessions are written to (not a read-only feed), if any.
    pub receiving: Option<Uuid>,
    /// While the connection fails: keep taking bookings, marked "calendar not checked".
    pub keep_booking: bool,
    /// Name the learner in session events.
    pub share_names: bool,
}

/// Applies `choice` to connection `id`, then reads the blocking calendars again.
pub async fn choose(
    db: &Database,
    calendars: &Calendars,
    schedules: &ScheduleCache,
    user: &User,
    id: Uuid,
    choice: &Choice,
) -> Result<(), CalendarUseError> {
    let Some(connection) = own(db, user, id).await? else {
        return Err(CalendarUseError::NotFound);
    };
    if let Some(receiving) = choice.receiving {
        let writable = store::calendars::calendars_of(db, id)
            .await?
            .iter()
            .any(|c| c.id == receiving && c.writable);
        if connection.kind == "ics" || !writable {
            return Err(invalid("receiving", "calendar-receiving-read-only"));
        }
    }
    if !store::calendars::choose(db, user.id, id, &choice.blocking, choice.receiving).await? {
        return Err(CalendarUseError::NotFound);
    }
    store::calendars::set_options(db, user.id, id, choice.keep_booking, choice.share_names).await?;
    audit(db, user, "calendar.chosen", "").await;
    super::sync::sync_connection(db, calendars, schedules, None, id).await?;
    schedules
        .changed(user.id, AvailabilityChange::RulesChanged)
        .await;
    Ok(())
}

/// The person's connections with their calendars and health.
pub async fn overview(db: &Database, user: &User) -> Result<Vec<ConnectionView>, CalendarUseError> {
    let mut views = Vec::new();
    for connection in store::calendars::connections_of(db, user.id).await? {
        let calendars = store::calendars::calendars_of(db, connection.id).await?;
        // A signed-in account is known by its address; a server by where it is.
        let place = match connection.kind.as_str() {
            "google" | "microsoft" => connection.address.clone(),
            _ => place_of(&connection.address),
        };
        views.push(ConnectionView {
            failing: super::is_failing(&connection),
            place,
            connection,
            calendars,
        });
    }
    Ok(views)
}

async fn own(db: &Database, user: &User, id: Uuid) -> Result<Option<Connection>, CalendarUseError> {
    Ok(store::calendars::connection(db, id)
        .await?
        .filter(|c| c.user_id == user.id))
}

/// Records a calendar change in the audit log (never the address or the secret).
pub(super) async fn audit(db: &Database, user: &User, kind: &'static str, provider: &str) {
    let client = store::logins::ClientInfo::default();
    let entry = store::audit::NewAuditEvent {
        user_id: Some(user.id),
        actor_id: None,
        kind,
        client: &client,
        detail: serde_json::json!({ "provider": provider }).to_string(),
    };
    if let Err(e) = store::audit::record(db, entry).await {
        tracing::error!(error = %e, kind, "a calendar change was not audited");
    }
}
