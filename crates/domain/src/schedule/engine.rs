//! The slot engine: availability rules and what is already taken → the free slots of a
//! window, as UTC instants.
//!
//! How it works, in one pass:
//! 1. each local date around the window gets its hours (override, else weekday) turned
//!    into UTC pieces in the expert's zone; each piece knows where the open stretch it
//!    belongs to ends, so a session may run on into a touching interval or over midnight;
//! 2. everything that blocks (external busy times, time off, bookings widened by the
//!    buffers they were booked with) is sorted and merged;
//! 3. each piece is walked in steps from its own start (so the grid never depends on the
//!    window asked for); a candidate is kept when it fits in its open stretch, widened by
//!    the buffers touches nothing blocked, starts after the notice and before the
//!    horizon (the end of the N-th calendar day in the expert's zone), and its local date
//!    is under the daily cap. With `align_to_blocks`, a block that ends off the grid
//!    restarts the steps at its end (plus the buffer before), so a 15-minute booking at
//!    10:00 leaves 10:15 bookable rather than wasting the time until 10:30.
//!
//! Candidates only move forward, so the blocked list is read with one cursor: the cost
//! is linear in hours, blocks and candidates.
//!
//! DST, as PRODUCT.md says: a start in a spring-forward gap moves forward past the gap
//! (02:30 → 03:30); an ambiguous time (fall back) takes the earlier instant. An *end* in a
//! gap stops at the jump itself, so no session runs past the wall-clock time the expert
//! named.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, TimeZone};

use super::{Availability, Interval, UnixSeconds};

const MINUTE: i64 = 60;

/// A session that holds its time: held, pending or confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Booked {
    /// When it starts (its local date counts against the daily cap).
    pub start: UnixSeconds,
    /// What it blocks: its time widened by the buffers in force when it was booked.
    pub blocked: Interval,
}

impl Booked {
    /// A session from `start` to `end`, widened by the given buffers (minutes).
    pub fn new(start: Timestamp, end: Timestamp, before: u16, after: u16) -> Self {
        let (start, end) = (start.as_second(), end.as_second());
        Self {
            start,
            blocked: Interval::new(
                start - i64::from(before) * MINUTE,
                end + i64::from(after) * MINUTE,
            ),
        }
    }
}

impl Booked {
    /// A stored session: its start and the span it blocks (buffers already applied).
    pub fn stored(start: Timestamp, blocked: Interval) -> Self {
        Self {
            start: start.as_second(),
            blocked,
        }
    }
}

/// Which slots a caller wants: starts in `[from, to)`, of one session length, seen at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Earliest start wanted (the minimum notice may push it later).
    pub from: Timestamp,
    /// Starts must come before this (and before the horizon).
    pub to: Timestamp,
    /// The moment of asking: minimum notice and horizon count from here.
    pub now: Timestamp,
    /// The session length to fit, in minutes.
    pub duration_minutes: u16,
}

/// The free slots in `window`, sorted by start, as `[start, end)` intervals.
///
/// `busy` are external busy times (calendars); `booked` the expert's active sessions. The
/// result does not depend on who asks or from which zone.
pub fn free_slots(
    rules: &Availability,
    busy: &[Interval],
    booked: &[Booked],
    window: Window,
) -> Vec<Interval> {
    let (from, to, now) = (
        window.from.as_second(),
        window.to.as_second(),
        window.now.as_second(),
    );
    let duration = i64::from(window.duration_minutes) * MINUTE;
    let step = i64::from(rules.slot_step_minutes.max(1)) * MINUTE;
    let before = i64::from(rules.buffer_before_minutes) * MINUTE;
    let after = i64::from(rules.buffer_after_minutes) * MINUTE;
    let earliest = from.max(now + i64::from(rules.min_notice_minutes) * MINUTE);
    // Starts must be before both the window's end and the horizon.
    let end_of_starts = to.min(rules.horizon_end(window.now).as_second());
    if duration <= 0 || earliest >= end_of_starts {
        return Vec::new();
    }

    let open = open_pieces(rules, earliest, end_of_starts + duration);
    // Aligned, a piece's starts depend on every block since it opened (each one restarts
    // the steps), so the piece is walked from its opening whatever the window: a hold that
    // asks for one instant finds the same starts as the week's list.
    let walk_from = match open.first() {
        Some(first) if rules.align_to_blocks => first.hours.start.min(earliest),
        _ => earliest,
    };
    // Only blocks that can touch a widened candidate matter.
    let reach = Interval::new(walk_from - before, end_of_starts + duration + after);
    let blocked = merged_blocks(rules, busy, booked, reach);
    let full_days = full_days(rules, booked);

    let mut slots = Vec::new();
    let mut cursor = 0;
    for piece in open {
        // The first step of this piece at or after `earliest` (its opening, when aligned).
        let mut start = if piece.hours.start >= earliest || rules.align_to_blocks {
            piece.hours.start
        } else {
            piece.hours.start + (earliest - piece.hours.start + step - 1) / step * step
        };
        while start < piece.hours.end
            && start + duration <= piece.open_until
            && start < end_of_starts
        {
            let wanted = Interval::new(start - before, start + duration + after);
            while cursor < blocked.len() && blocked[cursor].end <= wanted.start {
                cursor += 1;
            }
            match blocked.get(cursor) {
                // Blocked: jump to the first step whose widened start clears the block, or,
                // when the expert aligns to blocks, to the very instant it clears (the grid
                // then runs on from there).
                Some(block) if block.start < wanted.end => {
                    let clear = block.end + before;
                    if rules.align_to_blocks {
                        start = clear.max(start + 1);
                    } else {
                        let steps = ((clear - start) + step - 1) / step;
                        start += steps.max(1) * step;
                    }
                    continue;
                }
                _ => {}
            }
            let on_a_full_day = || {
                !full_days.is_empty() && full_days.contains(&local_date(&rules.time_zone, start))
            };
            if start >= earliest && !on_a_full_day() {
                slots.push(Interval::new(start, start + duration));
            }
            start += step;
        }
    }
    slots
}

/// One local interval in UTC, and the end of the open stretch (touching intervals
/// together) it belongs to.
#[derive(Debug, Clone, Copy)]
struct Piece {
    hours: Interval,
    open_until: UnixSeconds,
}

/// The open hours around `[from, to)` as pieces, oldest first.
fn open_pieces(rules: &Availability, from: UnixSeconds, to: UnixSeconds) -> Vec<Piece> {
    let tz = &rules.time_zone;
    // Hours that open the day before may run into the window (over midnight).
    let Ok(mut date) = local_date(tz, from).yesterday() else {
        return Vec::new();
    };
    let last = local_date(tz, to);
    let mut pieces: Vec<Piece> = Vec::new();
    while date <= last {
        for hours in rules.hours_on(date) {
            let start = resolve_start(tz, date, hours.start_minute);
            let end = resolve_end(tz, date, hours.end_minute);
            let (Some(mut start), Some(end)) = (start, end) else {
                continue;
            };
            // Where a fold repeats the hours of the day before, they are open once.
            if let Some(previous) = pieces.last() {
                start = start.max(previous.hours.end);
            }
            if end > start {
                pieces.push(Piece {
                    hours: Interval::new(start, end),
                    open_until: end,
                });
            }
        }
        match date.tomorrow() {
            Ok(next) => date = next,
            Err(_) => break,
        }
    }
    // Each piece's stretch runs on through the pieces that touch it.
    for i in (0..pieces.len().saturating_sub(1)).rev() {
        if pieces[i + 1].hours.start <= pieces[i].hours.end {
            pieces[i].open_until = pieces[i].hours.end.max(pieces[i + 1].open_until);
        }
    }
    pieces
}

/// Busy times, time off and widened bookings that overlap `reach`, sorted and merged.
fn merged_blocks(
    rules: &Availability,
    busy: &[Interval],
    booked: &[Booked],
    reach: Interval,
) -> Vec<Interval> {
    let mut all: Vec<Interval> = Vec::new();
    all.extend(busy.iter().filter(|b| b.overlaps(&reach)));
    all.extend(rules.time_off.iter().filter(|b| b.overlaps(&reach)));
    all.extend(
        booked
            .iter()
            .map(|b| b.blocked)
            .filter(|b| b.overlaps(&reach)),
    );
    all.sort_unstable();
    let mut merged: Vec<Interval> = Vec::with_capacity(all.len());
    for block in all {
        match merged.last_mut() {
            Some(last) if block.start <= last.end => last.end = last.end.max(block.end),
            _ => merged.push(block),
        }
    }
    merged
}

/// Local dates that already have as many sessions as the daily cap allows.
fn full_days(rules: &Availability, booked: &[Booked]) -> Vec<Date> {
    let Some(cap) = rules.daily_cap else {
        return Vec::new();
    };
    let mut counts: HashMap<Date, u16> = HashMap::new();
    for b in booked {
        *counts
            .entry(local_date(&rules.time_zone, b.start))
            .or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= cap)
        .map(|(d, _)| d)
        .collect()
}

/// The local date of an instant in `tz`.
pub(crate) fn local_date(tz: &TimeZone, at: UnixSeconds) -> Date {
    tz.to_datetime(timestamp(at)).date()
}

fn timestamp(at: UnixSeconds) -> Timestamp {
    Timestamp::from_second(at).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn civil(date: Date, minute: u16) -> Option<DateTime> {
    if minute >= 1440 {
        return date.tomorrow().ok().map(|d| d.at(0, 0, 0, 0));
    }
    Some(date.at((minute / 60) as i8, (minute % 60) as i8, 0, 0))
}

/// The instant an interval opens: past a gap by the gap's length, the earlier of a fold.
pub(crate) fn resolve_start(tz: &TimeZone, date: Date, minute: u16) -> Option<UnixSeconds> {
    let local = civil(date, minute)?;
    tz.to_ambiguous_timestamp(local)
        .compatible()
        .ok()
        .map(Timestamp::as_second)
}

/// The instant an interval closes: the earlier of a fold; inside a gap, the jump itself.
pub(crate) fn resolve_end(tz: &TimeZone, date: Date, minute: u16) -> Option<UnixSeconds> {
    let local = civil(date, minute)?;
    let ambiguous = tz.to_ambiguous_timestamp(local);
    match ambiguous.offset() {
        AmbiguousOffset::Gap { .. } => {
            let after_gap = ambiguous.compatible().ok()?;
            let jump = tz
                .preceding(after_gap + jiff::SignedDuration::from_secs(1))
                .next()?;
            Some(jump.timestamp().as_second())
        }
        _ => ambiguous.compatible().ok().map(Timestamp::as_second),
    }
}
