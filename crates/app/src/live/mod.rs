//! Live events: what a page or API client hears the moment it happens, whichever instance
//! made it happen.
//!
//! Two kinds of channel carry events: a person's own (`person:{account}`: notifications,
//! their bookings changing) and an expert's availability (`expert:{expert}`: a slot held,
//! released or booked, the rules changed), which anyone may follow. The [`LiveHub`] of
//! each instance hands an event to the connections of that instance that follow its
//! channel and, when Redis is configured, publishes it for every other instance (see
//! `redis_bus`). The same Redis channel carries schedule-cache invalidations, so a change
//! reaches other instances' caches and their clients in one message, in order.
//!
//! Delivery is at most once per connection; a connection that comes back names the last
//! event it saw and gets what it missed from the hub's recent events, or is told to
//! reload (`resync`) when that is too far back or the hub itself may have missed events.

mod fanout;
mod hub;
mod redis_bus;

use std::fmt;

use uuid::Uuid;

pub use fanout::{Delivery, QUEUE, Subscription};
pub use hub::{Hearing, LiveHub, RECENT_EVENTS};

/// Where an event goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// One person's own events: notifications, their bookings changing.
    Person(Uuid),
    /// One expert's availability: anyone viewing the expert may follow it.
    Expert(Uuid),
    /// One session's room (by booking): presence, signalling, chat and recording, for
    /// those the room lets in while it is open.
    Room(Uuid),
}

impl Channel {
    /// Reads `person:{uuid}`, `expert:{uuid}` or `room:{uuid}`.
    pub fn parse(raw: &str) -> Option<Self> {
        let (kind, id) = raw.split_once(':')?;
        let id = Uuid::parse_str(id).ok()?;
        match kind {
            "person" => Some(Self::Person(id)),
            "expert" => Some(Self::Expert(id)),
            "room" => Some(Self::Room(id)),
            _ => None,
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Person(id) => write!(f, "person:{id}"),
            Self::Expert(id) => write!(f, "expert:{id}"),
            Self::Room(id) => write!(f, "room:{id}"),
        }
    }
}

impl serde::Serialize for Channel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Channel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Self::parse(&raw).ok_or_else(|| serde::de::Error::custom("not a live channel"))
    }
}

/// One event, as clients receive it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LiveEvent {
    /// Unique (random): a client names the last one it saw to catch up.
    pub id: Uuid,
    /// Where it went.
    pub channel: Channel,
    /// What happened: `slot_held`, `availability_changed`, `booking_changed`, `notification`.
    pub kind: String,
    /// The details, by kind.
    pub data: serde_json::Value,
}

/// Why an expert's availability changed, for the event's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AvailabilityChange {
    /// A hold or booking now blocks time (the span goes with the event).
    Held,
    /// A hold ran out or a session was called off: time is free again.
    Released,
    /// A hold was paid: the time stays blocked, as a session.
    Booked,
    /// The expert's weekly hours, time off, settings or standing changed.
    RulesChanged,
}

impl AvailabilityChange {
    /// The event kind clients see.
    pub fn kind(self) -> &'static str {
        match self {
            Self::Held => "slot_held",
            Self::Released => "slot_released",
            Self::Booked => "slot_booked",
            Self::RulesChanged => "rules_changed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_read_back_what_they_print() {
        let id = Uuid::new_v4();
        for channel in [Channel::Person(id), Channel::Expert(id), Channel::Room(id)] {
            assert_eq!(Channel::parse(&channel.to_string()), Some(channel));
        }
        assert_eq!(Channel::parse("admin:x"), None);
        assert_eq!(Channel::parse("person:not-a-uuid"), None);
    }
}
