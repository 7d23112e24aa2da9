//! Everything the engine needs about one expert, loaded in one go: whether they can be
//! booked, their rules, busy times and active bookings.

use domain::schedule::{Availability, Booked, Interval, Window, free_slots};
use jiff::{SignedDuration, Timestamp};
use store::Database;
use store::experts::ExpertProfile;
use uuid::Uuid;

use super::SchedulingError;
use super::document::RulesDocument;

/// How far back busy times are read: nothing that ended earlier can block a slot shown.
const BUSY_LOOKBACK: SignedDuration = SignedDuration::from_hours(24);

/// How many days one search for the first free slot looks at.
const SEARCH_WEEK: SignedDuration = SignedDuration::from_hours(7 * 24);

/// Everything needed to compute an expert's free slots, as the schedule cache keeps it.
#[derive(Debug, Clone)]
pub struct ExpertSchedule {
    /// The expert's account id.
    pub expert_id: Uuid,
    /// Approved, not suspended, payouts ready: learners may see and book slots.
    pub bookable: bool,
    /// Session lengths with a price, shortest first.
    pub priced_durations: Vec<i32>,
    /// (minutes, price in minor units of `currency`), shortest first.
    pub prices: Vec<(i32, i64)>,
    /// The ISO 4217 code of `prices`.
    pub currency: String,
    /// None until the expert sets hours.
    pub rules: Option<Availability>,
    /// The stored rules document `rules` was read from: a hold checks, in its own
    /// transaction, that it is still the stored one (a cache can be stale).
    pub rules_document: Option<String>,
    /// External busy times (calendars) that block slots, from a day ago on.
    pub busy: Vec<Interval>,
    /// Active bookings: confirmed, and holds with when they run out.
    pub booked: Vec<BookedSpan>,
    /// Whether the expert's outside calendars could be read (see [`CalendarCheck`]).
    pub calendar: CalendarCheck,
}

/// What the expert's outside calendars say about their slots right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CalendarCheck {
    /// Every blocking calendar was read (or there is none).
    #[default]
    Checked,
    /// A blocking calendar cannot be read and the expert chose to keep taking bookings:
    /// slots are offered, marked "calendar not checked".
    Unchecked,
    /// A blocking calendar cannot be read and the expert did not choose to keep taking
    /// bookings: no slots until it works again.
    Paused,
}

/// A booking that blocks the expert's time; a hold only until `held_until`.
#[derive(Debug, Clone, Copy)]
pub struct BookedSpan {
    /// When the session starts and the time it blocks, buffers included.
    pub booked: Booked,
    /// For a hold, when it runs out and stops blocking; `None` once confirmed.
    pub held_until: Option<Timestamp>,
}

impl ExpertSchedule {
    /// Reads the expert's schedule; None when there is no such expert.
    pub async fn load(db: &Database, expert: Uuid) -> Result<Option<Self>, SchedulingError> {
        let Some(profile) = store::experts::find(db, expert).await? else {
            return Ok(None);
        };
        let rules_document = store::availability::rules(db, expert).await?;
        let rules = match &rules_document {
            Some(json) => Some(stored_rules(json, &profile)?),
            None => None,
        };
        let now = db.clock().now();
        let since = now - BUSY_LOOKBACK;
        let busy = store::availability::busy_times(db, expert, since)
            .await?
            .into_iter()
            .map(|(start, end)| Interval::between(start, end))
            .collect();
        // Holds count until they run out: the cache is told when one is placed or ends,
        // and `expires` below makes a cached schedule forget a hold at its expiry.
        let booked = store::bookings::blocking(db, expert, since, now)
            .await?
            .into_iter()
            .map(|b| BookedSpan {
                booked: Booked::stored(b.start_at, Interval::between(b.blocked_from, b.blocked_to)),
                held_until: (b.status == "held").then_some(b.hold_expires_at),
            })
            .collect();
        let failing: Vec<_> = store::calendars::failing_blockers(db, expert)
            .await?
            .into_iter()
            .filter(crate::calendars::is_failing)
            .collect();
        let calendar = if failing.iter().any(|c| !c.keep_booking) {
            CalendarCheck::Paused
        } else if failing.is_empty() {
            CalendarCheck::Checked
        } else {
            CalendarCheck::Unchecked
        };
        Ok(Some(Self {
            calendar,
            expert_id: expert,
            bookable: profile.bookable(),
            priced_durations: profile.rates.iter().map(|(minutes, _)| *minutes).collect(),
            prices: profile.rates.clone(),
            currency: profile.currency.clone(),
            rules,
            rules_document,
            busy,
            booked,
        }))
    }

    /// Session lengths learners can book now: offered in the rules and priced.
    pub fn durations(&self) -> Vec<u16> {
        self.rules
            .as_ref()
            .map(|r| {
                r.durations
                    .iter()
                    .copied()
                    .filter(|d| self.priced_durations.contains(&i32::from(*d)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Free slots of `duration_minutes` starting in `[from, to)`, as seen at `now`.
    pub fn slots(
        &self,
        from: Timestamp,
        to: Timestamp,
        now: Timestamp,
        duration_minutes: u16,
    ) -> Vec<Interval> {
        let booked: Vec<Booked> = self
            .booked
            .iter()
            .filter(|b| b.held_until.is_none_or(|until| until > now))
            .map(|b| b.booked)
            .collect();
        match &self.rules {
            // A calendar that cannot be read may hide a clash: nothing is offered.
            Some(_) if self.calendar == CalendarCheck::Paused => Vec::new(),
            Some(rules) => free_slots(
                rules,
                &self.busy,
                &booked,
                Window {
                    from,
                    to,
                    now,
                    duration_minutes,
                },
            ),
            None => Vec::new(),
        }
    }

    /// The start of the first free slot of the shortest bookable length, within the
    /// booking horizon.
    pub fn next_available(&self, now: Timestamp) -> Option<Timestamp> {
        let rules = self.rules.as_ref()?;
        let shortest = *self.durations().first()?;
        // Week by week, so an expert free tomorrow costs one short call.
        let horizon = rules.horizon_end(now);
        let mut from = now;
        while from < horizon {
            let to = (from + SEARCH_WEEK).min(horizon);
            if let Some(first) = self.slots(from, to, now, shortest).first() {
                return Some(first.start_at());
            }
            from = to;
        }
        None
    }
}

/// Rules as stored. They were checked when saved; prices may have changed since, so
/// lengths are checked against the stored list and narrowed to priced ones when used.
pub(crate) fn stored_rules(
    json: &str,
    profile: &ExpertProfile,
) -> Result<Availability, SchedulingError> {
    let doc: RulesDocument = serde_json::from_str(json)
        .map_err(|e| SchedulingError::Internal(format!("stored rules unreadable: {e}")))?;
    let stored: Vec<i32> = doc
        .durations
        .iter()
        .flatten()
        .filter_map(|d| i32::try_from(*d).ok())
        .collect();
    let priced: Vec<i32> = profile.rates.iter().map(|(m, _)| *m).collect();
    let input = doc.to_input(&priced);
    Availability::parse(&input, &stored).map_err(|problems| {
        SchedulingError::Internal(format!("stored rules no longer valid: {problems:?}"))
    })
}
