//! iCalendar (RFC 5545) text for invites and feeds. Written by hand: the format is small,
//! and what calendar programs reject is exactly what this module controls — CRLF line
//! ends, lines folded at 75 octets, escaped text, UTC times, a stable UID and a SEQUENCE
//! that grows with every change (RFC 5546 iTIP).

use std::fmt::Write;

use jiff::Timestamp;

/// What a message asks of the receiving calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add or update the event (confirmation, reschedule).
    Request,
    /// Remove the event (cancellation).
    Cancel,
    /// A subscribed feed: the calendar shows what it is given.
    Publish,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Self::Request => "REQUEST",
            Self::Cancel => "CANCEL",
            Self::Publish => "PUBLISH",
        }
    }
}

/// Someone named on the event: the expert organises, the learner attends.
#[derive(Debug, Clone)]
pub struct Person {
    /// Shown by calendar programs as the person's name (quotes are dropped).
    pub name: String,
    /// The address calendar programs reply to and match the event against.
    pub email: String,
}

/// One session as a calendar event.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable across reschedules, so calendars update the event instead of adding one.
    pub uid: String,
    /// Raised with every change, so a calendar replaces its older copy (RFC 5546).
    pub sequence: i32,
    /// When the session starts.
    pub start: Timestamp,
    /// When it ends.
    pub end: Timestamp,
    /// The event's title in the calendar.
    pub summary: String,
    /// Free text under the title: what the session is and where to change it.
    pub description: String,
    /// The booking's page on Mentora, when there is one to link.
    pub url: Option<String>,
    /// The expert who gives the session.
    pub organizer: Person,
    /// The learner who booked it.
    pub attendee: Person,
    /// Marks the event cancelled even in a `Request` or a feed (`STATUS:CANCELLED`).
    pub cancelled: bool,
}

/// One invite: a calendar with a single event.
pub fn invite(method: Method, event: &Event, now: Timestamp) -> String {
    calendar(method, std::slice::from_ref(event), now)
}

/// A calendar of events (a feed when `method` is `Publish`).
pub fn calendar(method: Method, events: &[Event], now: Timestamp) -> String {
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//Mentora//Sessions//EN");
    out.line("CALSCALE:GREGORIAN");
    out.line(&format!("METHOD:{}", method.as_str()));
    for e in events {
        out.event_head(&e.entry(), now);
        out.line(&format!(
            "ORGANIZER;CN={}:mailto:{}",
            param(&e.organizer.name),
            e.organizer.email
        ));
        out.line(&format!(
            "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:{}",
            param(&e.attendee.name),
            e.attendee.email
        ));
        let status = if e.cancelled || method == Method::Cancel {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        out.line(&format!("STATUS:{status}"));
        out.line("TRANSP:OPAQUE");
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    out.text
}

/// A session as an event in the expert's own calendar (CalDAV): no METHOD (a stored
/// calendar object must not have one) and no organizer or attendee (a server that does
/// scheduling would otherwise send the learner a second invitation).
#[derive(Debug, Clone)]
pub struct Entry {
    /// Fixed per session series: the same resource is overwritten when it moves.
    pub uid: String,
    /// Raised with every change.
    pub sequence: i32,
    /// When the session starts.
    pub start: Timestamp,
    /// When it ends.
    pub end: Timestamp,
    /// The event's title.
    pub summary: String,
    /// Both zones' times, the join link and the booking's page.
    pub description: String,
    /// The booking's page.
    pub url: Option<String>,
}

impl Event {
    /// What an invite's event and a stored one share.
    fn entry(&self) -> Entry {
        Entry {
            uid: self.uid.clone(),
            sequence: self.sequence,
            start: self.start,
            end: self.end,
            summary: self.summary.clone(),
            description: self.description.clone(),
            url: self.url.clone(),
        }
    }
}

/// One session as a stored calendar object.
pub fn entry(e: &Entry, now: Timestamp) -> String {
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//Mentora//Sessions//EN");
    out.line("CALSCALE:GREGORIAN");
    out.event_head(e, now);
    out.line("STATUS:CONFIRMED");
    out.line("TRANSP:OPAQUE");
    out.line("END:VEVENT");
    out.line("END:VCALENDAR");
    out.text
}

/// `20261130T160000Z`.
fn utc(at: Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Parameter values are quoted; a quote cannot appear inside one, so it is dropped.
fn param(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("\"{clean}\"")
}

#[derive(Default)]
struct Lines {
    text: String,
}

impl Lines {
    /// An event's opening lines: its id, version, times, title, text and link.
    fn event_head(&mut self, e: &Entry, now: Timestamp) {
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{}", escape(&e.uid)));
        self.line(&format!("SEQUENCE:{}", e.sequence));
        self.line(&format!("DTSTAMP:{}", utc(now)));
        self.line(&format!("DTSTART:{}", utc(e.start)));
        self.line(&format!("DTEND:{}", utc(e.end)));
        self.line(&format!("SUMMARY:{}", escape(&e.summary)));
        self.line(&format!("DESCRIPTION:{}", escape(&e.description)));
        if let Some(url) = &e.url {
            self.line(&format!("URL:{url}"));
        }
    }

    /// Appends a content line folded at 75 octets, never inside a UTF-8 character.
    fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if width + len > 75 {
                self.text.push_str("\r\n ");
                width = 1;
            }
            self.text.push(c);
            width += len;
        }
        let _ = write!(self.text, "\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).expect("in range")
    }

    fn event() -> Event {
        Event {
            uid: "b1@mentora".into(),
            sequence: 2,
            start: at(1_800_000_000),
            end: at(1_800_003_600),
            summary: "Session with Ana, Díaz; ñ".into(),
            description: "Line one\nline two ".repeat(10),
            url: Some("https://mentora.example/bookings/1".into()),
            organizer: Person {
                name: "Ana \"the\" Expert".into(),
                email: "ana@example.com".into(),
            },
            attendee: Person {
                name: "Leo".into(),
                email: "leo@example.com".into(),
            },
            cancelled: false,
        }
    }

    #[test]
    fn invite_has_the_parts_calendars_need() {
        let text = invite(Method::Request, &event(), at(1_799_000_000));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.contains("METHOD:REQUEST\r\n"));
        assert!(text.contains("SEQUENCE:2\r\n"));
        assert!(text.contains("DTSTART:20270115T080000Z\r\n"));
        assert!(text.contains("SUMMARY:Session with Ana\\, Díaz\\; ñ\r\n"));
        assert!(text.contains("ORGANIZER;CN=\"Ana the Expert\":mailto:ana@example.com"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn lines_are_folded_at_75_octets() {
        let text = invite(Method::Cancel, &event(), Timestamp::UNIX_EPOCH);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!(
            "DESCRIPTION:{}",
            "Line one\\nline two ".repeat(10)
        )));
        assert!(text.contains("STATUS:CANCELLED"));
    }
}
