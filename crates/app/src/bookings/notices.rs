//! Telling both sides: a notification in the centre (heard live) and an email, each as
//! the person chose, in their language and zone. Session emails carry an iCalendar
//! invite (REQUEST to add or move the event, CANCEL to remove it) under the booking's
//! stable UID, with the SEQUENCE the booking has reached.
//!
//! A confirmation and a cancellation are enqueued as a `booking_notice` job in the
//! transaction of the change itself ([`job`]), so the change and its emails commit
//! together and a crash between them loses no email; the job sends them once (each under
//! an id made from the job's). The other notices are still sent after their change
//! committed. A failed delivery is logged, not returned (the change happened, and the
//! booking page and calendar feed show it).

use domain::booking::ics::{self, Event, Method, Person};
use domain::money::Money;
use domain::profile::CurrencyCode;
use domain::schedule::zones;
use i18n::Locale;
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::users::User;

use super::Booking;
use crate::live::Channel;
use crate::mail::Email;
use crate::notify::{Message, Notifier};
use domain::notification::Kind;

/// What happened, for the wording and the invite's method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// Paid: both sides get the session with a calendar invite.
    Confirmed,
    /// Moved: both sides get the new time; the invite updates the same calendar event.
    Rescheduled,
    /// Called off: both sides are told, the learner of the refund; the invite removes the event.
    Cancelled,
    /// The expert proposed another time; only the learner is told.
    Proposed,
    /// Payment came after the hold ran out and the time was taken: refunded in full.
    LateRefunded,
    /// The learner says the expert did not come: a dispute an admin settles.
    NoShowClaimed,
    /// The expert's share was paid to their payout account; only the expert is told.
    PaidOut,
    /// The learner's bank disputed the payment: the expert's share is held until the
    /// dispute ends; only the expert is told.
    Chargeback,
    /// A learner holds the expert's time while paying; only the expert is told.
    Held,
    /// The learner took the time the expert proposed; only the expert is told.
    ProposalAccepted,
    /// The learner kept the original time; only the expert is told.
    ProposalDeclined,
    /// The session is a day away: both sides are reminded.
    Reminder24h,
    /// The session is an hour away: both sides are reminded.
    Reminder1h,
    /// The session took place: the learner is asked how it went.
    ReviewRequest,
    /// The learner reviewed the session: only the expert is told (they may reply).
    ReviewReceived,
}

impl Notice {
    fn stem(self) -> &'static str {
        match self {
            Self::Confirmed => "email-booking-confirmed",
            Self::Rescheduled => "email-booking-rescheduled",
            Self::Cancelled => "email-booking-cancelled",
            Self::Proposed => "email-booking-proposed",
            Self::LateRefunded => "email-booking-late-refund",
            Self::NoShowClaimed => "email-booking-no-show-claim",
            Self::PaidOut => "email-booking-paid-out",
            Self::Chargeback => "email-booking-chargeback",
            Self::Held => "email-booking-held",
            Self::ProposalAccepted => "email-booking-proposal-accepted",
            Self::ProposalDeclined => "email-booking-proposal-declined",
            Self::Reminder24h => "email-booking-reminder-24h",
            Self::Reminder1h => "email-booking-reminder-1h",
            Self::ReviewRequest => "email-booking-review-request",
            Self::ReviewReceived => "email-booking-review-received",
        }
    }

    /// Whether the booking itself changed (its page should show it): not for reminders,
    /// review requests or a payout.
    fn changes_booking(self) -> bool {
        !matches!(
            self,
            Self::Reminder24h
                | Self::Reminder1h
                | Self::ReviewRequest
                | Self::ReviewReceived
                | Self::PaidOut
                | Self::Held
        )
    }

    /// The notification it is, for the preference it falls under and its wording.
    pub fn kind(self) -> Kind {
        match self {
            Self::Confirmed => Kind::BookingConfirmed,
            Self::Rescheduled => Kind::BookingRescheduled,
            Self::Cancelled => Kind::BookingCancelled,
            Self::Proposed => Kind::ProposalMade,
            Self::LateRefunded => Kind::BookingLateRefund,
            Self::NoShowClaimed => Kind::NoShowClaimed,
            Self::PaidOut => Kind::PaidOut,
            Self::Chargeback => Kind::DisputeOpened,
            Self::Held => Kind::BookingHeld,
            Self::ProposalAccepted => Kind::ProposalAccepted,
            Self::ProposalDeclined => Kind::ProposalDeclined,
            Self::Reminder24h => Kind::Reminder24h,
            Self::Reminder1h => Kind::Reminder1h,
            Self::ReviewRequest => Kind::ReviewRequest,
            Self::ReviewReceived => Kind::ReviewReceived,
        }
    }

    fn method(self) -> Option<Method> {
        match self {
            // A reminder carries the invite again: a calendar that missed the first one
            // (or lost it) gets the session back under the same UID and SEQUENCE.
            Self::Confirmed | Self::Rescheduled | Self::Reminder24h | Self::Reminder1h => {
                Some(Method::Request)
            }
            Self::Cancelled => Some(Method::Cancel),
            Self::Proposed
            | Self::LateRefunded
            | Self::NoShowClaimed
            | Self::PaidOut
            | Self::Chargeback
            | Self::Held
            | Self::ProposalAccepted
            | Self::ProposalDeclined
            | Self::ReviewRequest
            | Self::ReviewReceived => None,
        }
    }
}

/// The calendar event of a booking, as both sides' calendars should show it.
pub fn event(booking: &Booking, expert: &User, learner: &User, base: &str) -> Event {
    let link = format!("{base}/bookings/{}", booking.row.id);
    Event {
        uid: format!("{}@mentora", booking.row.series_id),
        sequence: booking.row.sequence,
        start: booking.row.start_at,
        end: booking.row.end_at,
        summary: format!(
            "Mentora: {} × {}",
            expert.display_name, learner.display_name
        ),
        description: format!("Mentora session. Details and changes: {link}"),
        url: Some(link),
        organizer: Person {
            name: expert.display_name.clone(),
            email: expert.email.clone(),
        },
        attendee: Person {
            name: learner.display_name.clone(),
            email: learner.email.clone(),
        },
        cancelled: booking.status == domain::booking::BookingStatus::Cancelled,
    }
}

/// "Mon, Dec 7, 2026, 10:00 AM (Europe/Madrid)": in `user`'s zone, as their language
/// writes it.
pub fn when_for(user: &User, at: Timestamp) -> String {
    let tz = zones::named(&user.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let locale = Locale::from_tag(&user.locale).unwrap_or(Locale::En);
    format!(
        "{} ({})",
        locale.date_time(zones::local(&tz, at)),
        zones::canonical_name(&tz)
    )
}

/// An amount in minor units as `locale` writes it ("€45.00", "45,00 €"), for messages to
/// a person; a currency that does not parse is shown as stored.
pub fn money_in(locale: Locale, amount: i64, currency: &str) -> String {
    match CurrencyCode::parse(currency) {
        Ok(code) => locale.money(amount, code.as_str(), domain::money::exponent(code)),
        Err(_) => format!("{amount} {currency}"),
    }
}

/// An amount in minor units as "45.00 EUR", for logs and audit reasons (messages to people
/// use [`money_in`]); a currency that does not parse is shown as stored.
pub fn money(amount: i64, currency: &str) -> String {
    match CurrencyCode::parse(currency) {
        Ok(code) => Money::new(amount, code).to_string(),
        Err(_) => format!("{amount} {currency}"),
    }
}

/// An amount in minor units as the currency writes it, without the code ("45.00"), for
/// CSV files; a currency that does not parse gives the minor units.
pub fn major(amount: i64, currency: &str) -> String {
    match CurrencyCode::parse(currency) {
        Ok(code) => Money::new(amount, code).major_text(),
        Err(_) => amount.to_string(),
    }
}

/// Tells the participants `notice` concerns (see [`messages`]), each as they chose:
/// in the centre, live, and by email. A failed delivery is logged, not returned (the
/// change happened, and the booking page and calendar feed show it).
pub async fn tell(notifier: &Notifier<'_>, booking: &Booking, notice: Notice, refund: Option<i64>) {
    let cause = notifier.db.new_id();
    if let Err(e) = tell_as(notifier, cause, booking, notice, refund).await {
        tracing::error!(error = %e, booking = %booking.row.id, "telling of a booking change failed");
    }
}

/// `tell`, under ids made from `cause` (a job's id: the same job run twice tells once).
pub async fn tell_as(
    notifier: &Notifier<'_>,
    cause: uuid::Uuid,
    booking: &Booking,
    notice: Notice,
    refund: Option<i64>,
) -> Result<(), String> {
    let told = messages(notifier.db, notifier.base, booking, notice, refund)
        .await
        .map_err(|e| e.to_string())?;
    // Each person is told whatever happens to the others; a retry tells again only
    // those not told (the ids make the rest no-ops).
    let mut failed = None;
    for (n, (to, mut message)) in told.into_iter().enumerate() {
        message.id = crate::notify::id_from(cause, n as u128);
        if let Err(e) = notifier.tell(&to, message).await {
            tracing::warn!(error = %e, booking = %booking.row.id, "telling one participant failed; retried");
            failed.get_or_insert(e.to_string());
        }
    }
    if notice.changes_booking() {
        announce(notifier.hub, booking).await;
    }
    failed.map_or(Ok(()), Err)
}

/// Both participants' open pages hear that the booking changed (its status, its time).
pub async fn announce(hub: &crate::live::LiveHub, booking: &Booking) {
    let data = serde_json::json!({
        "booking_id": booking.row.id,
        "status": booking.status.to_string(),
    });
    for person in [booking.row.learner_id, booking.row.expert_id] {
        hub.publish(Channel::Person(person), "booking_changed", data.clone())
            .await;
    }
}

/// What a `booking_notice` job carries: which booking, what happened, what it refunded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NoticeJob {
    /// The booking the notice is about.
    pub booking_id: uuid::Uuid,
    /// What happened.
    pub notice: Notice,
    /// What a cancellation refunded (or a payout paid), in minor units of the booking's
    /// currency.
    pub refund: Option<i64>,
}

/// The job that tells both sides of `notice`, to enqueue with the change that causes it
/// (`TransitionUpdates::enqueue`).
pub fn job(
    booking_id: uuid::Uuid,
    notice: Notice,
    refund: Option<i64>,
    now: Timestamp,
) -> store::jobs::NewJob {
    let kind = &crate::jobs::booking_notice::KIND;
    store::jobs::NewJob {
        kind: kind.name.to_owned(),
        payload: serde_json::to_string(&NoticeJob {
            booking_id,
            notice,
            refund,
        })
        .unwrap_or_default(),
        unique_key: None,
        run_at: now,
        max_attempts: kind.max_attempts,
        lease: kind.lease,
    }
}

/// Who `notice` tells, each with their notification and email in their language and
/// zone (no one when a participant's account is gone; an error when the database could
/// not say). The messages' ids are left for the caller to fix.
pub async fn messages(
    db: &Database,
    base: &str,
    booking: &Booking,
    notice: Notice,
    refund: Option<i64>,
) -> Result<Vec<(User, Message)>, store::StoreError> {
    let (Some(expert), Some(learner)) = (
        store::users::find_by_id(db, booking.row.expert_id).await?,
        store::users::find_by_id(db, booking.row.learner_id).await?,
    ) else {
        tracing::error!(booking = %booking.row.id, "booking notice: a participant is missing");
        return Ok(Vec::new());
    };
    let now = db.clock().now();
    let calendar = notice
        .method()
        .map(|m| ics::invite(m, &event(booking, &expert, &learner, base), now));
    let recipients: Vec<(&User, &User)> = match notice {
        Notice::Proposed | Notice::ReviewRequest => vec![(&learner, &expert)],
        Notice::PaidOut
        | Notice::Chargeback
        | Notice::Held
        | Notice::ProposalAccepted
        | Notice::ProposalDeclined
        | Notice::ReviewReceived => vec![(&expert, &learner)],
        _ => vec![(&learner, &expert), (&expert, &learner)],
    };
    let proposed = booking.row.proposed_start.unwrap_or(booking.row.start_at);
    let mut out = Vec::with_capacity(recipients.len());
    for (to, other) in recipients {
        // The expert's side of a late refund reads differently: it was not their money.
        let stem = match notice {
            Notice::LateRefunded if to.id == expert.id => "email-booking-late-refund-expert",
            _ => notice.stem(),
        };
        let locale = Locale::from_tag(&to.locale).unwrap_or(Locale::En);
        let body = || {
            locale.t_args(
                &format!("{stem}-body"),
                &[
                    ("name", to.display_name.clone()),
                    ("other", other.display_name.clone()),
                    ("when", when_for(to, booking.row.start_at)),
                    ("proposed", when_for(to, proposed)),
                    (
                        "refund",
                        money_in(locale, refund.unwrap_or(0), &booking.row.currency),
                    ),
                    ("link", format!("{base}/bookings/{}", booking.row.id)),
                    ("room", format!("{base}/sessions/{}/room", booking.row.id)),
                    ("help", format!("{base}/support/video")),
                ],
            )
        };
        let start = if notice == Notice::Proposed {
            proposed
        } else {
            booking.row.start_at
        };
        out.push((
            to.clone(),
            Message {
                id: uuid::Uuid::nil(),
                kind: notice.kind(),
                booking_id: Some(booking.row.id),
                data: serde_json::json!({
                    "other": other.display_name,
                    "start": start.to_string(),
                    "refund": money_in(locale, refund.unwrap_or(0), &booking.row.currency),
                }),
                // A hold is not yet a session, and most that lapse would be noise in an
                // inbox: the expert sees it in the centre only.
                email: (notice != Notice::Held).then(|| Email {
                    to: to.email.clone(),
                    subject: locale.t(&format!("{stem}-subject")),
                    text: body(),
                    calendar: calendar.clone(),
                    lang: Some(locale.tag().to_owned()),
                    ..Email::default()
                }),
            },
        ));
    }
    Ok(out)
}

/// How long after a move email further moves of the same session are held back and
/// coalesced into one email.
pub const MOVE_QUIET: SignedDuration = SignedDuration::from_mins(10);
/// A session starting sooner than this is announced at once, however recent the last
/// move email: a held-back email could arrive after the session began.
const IMMINENT: SignedDuration = SignedDuration::from_hours(2);

/// Tells both sides a session moved from `previous_start`, coalescing rapid moves (see
/// `store::move_notices`). A move to or from a time that is close is told at once.
pub async fn tell_moved(
    notifier: &Notifier<'_>,
    booking: &Booking,
    previous_start: Timestamp,
    now: Timestamp,
) {
    let row = &booking.row;
    // Whole seconds, as the stored start: exactly two hours ahead is not yet imminent.
    let ahead = row.start_at.min(previous_start).as_second() - now.as_second();
    let db = notifier.db;
    let send_now = if ahead < IMMINENT.as_secs() {
        store::move_notices::sent(db, row.series_id, now)
            .await
            .map(|()| true)
    } else {
        store::move_notices::moved(db, row.series_id, row.id, now, MOVE_QUIET).await
    };
    match send_now {
        Ok(false) => {}
        Ok(true) => tell(notifier, booking, Notice::Rescheduled, None).await,
        Err(e) => {
            // Better an email too many than none.
            tracing::error!(error = %e, booking = %row.id, "coalescing a move email failed");
            tell(notifier, booking, Notice::Rescheduled, None).await;
        }
    }
    // The pages open on the session show the move at once, whenever the email goes.
    announce(notifier.hub, booking).await;
}

/// Emails the held-back moves whose quiet period ended by `now`, each once, for the
/// booking the session moved to last. A session cancelled or moved again meanwhile is
/// skipped (its own email went, or waits). Returns how many were sent.
pub async fn send_held_back_moves(
    notifier: &Notifier<'_>,
    now: Timestamp,
) -> Result<usize, store::StoreError> {
    let db = notifier.db;
    let mut sent = 0;
    for due in store::move_notices::due(db, now, 200).await? {
        if !store::move_notices::claim(db, &due, now).await? {
            continue;
        }
        let Some(row) = store::bookings::find(db, due.booking_id).await? else {
            continue;
        };
        let Ok(booking) = Booking::from_row(row) else {
            continue;
        };
        if booking.status == domain::booking::BookingStatus::Confirmed {
            tell(notifier, &booking, Notice::Rescheduled, None).await;
            sent += 1;
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(locale: &str, time_zone: &str) -> User {
        User {
            id: uuid::Uuid::nil(),
            email: "p@example.org".into(),
            display_name: "P".into(),
            email_verified: true,
            roles: Vec::new(),
            locale: locale.into(),
            time_zone: time_zone.into(),
            currency: "EUR".into(),
            languages: Vec::new(),
            learning_goals: String::new(),
            session_length_minutes: 60,
            video_provider: "builtin".into(),
            reminder_channels: Vec::new(),
            avatar_key: None,
            created_at: Timestamp::UNIX_EPOCH,
            logins_version: 0,
        }
    }

    #[test]
    fn a_message_says_when_and_how_much_in_its_readers_language() {
        let at: Timestamp = "2026-12-07T13:05:00Z".parse().unwrap();
        assert_eq!(
            when_for(&person("de", "Europe/Berlin"), at),
            "Mo., 07.12.2026, 14:05 (Europe/Berlin)"
        );
        assert_eq!(
            when_for(&person("en", "America/New_York"), at),
            "Mon, Dec 7, 2026, 8:05\u{202f}AM (America/New_York)"
        );
        let arabic = when_for(&person("ar", "Asia/Dubai"), at);
        assert!(
            arabic.ends_with("(Asia/Dubai)") && !arabic.contains("2026-12-07"),
            "{arabic}"
        );
        assert_eq!(money_in(Locale::De, 4500, "EUR"), "45,00\u{a0}€");
        assert_eq!(money_in(Locale::En, 4500, "EUR"), "€45.00");
        assert_eq!(money_in(Locale::En, 4500, "ZZ"), "4500 ZZ");
    }
}
