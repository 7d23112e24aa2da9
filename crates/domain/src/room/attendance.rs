//! From who was in the room, and for how long, to how the session went.
//!
//! Each participant's time in the room is the union of their stays, counted only within
//! the session's own start and end (arriving early or staying on afterwards is welcome,
//! but does not make a session). A participant counts as **present** when that time
//! reaches [`minimum_presence`]: half the session, or ten minutes, whichever is shorter.
//! Then:
//! - both present → `completed`;
//! - only the learner → `no_show_expert` (refunded in full);
//! - only the expert → `no_show_learner` (the cancellation policy's late case: no refund);
//! - neither → an operator reviews it (a shared outage, a session held elsewhere).

use jiff::{SignedDuration, Timestamp};

use crate::booking::BookingStatus;

/// The most a participant must be present to count, however long the session.
pub const PRESENCE_CAP: SignedDuration = SignedDuration::from_mins(10);

/// One stay in the room: from joining until leaving (or until last seen, when the
/// connection vanished without a word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presence {
    /// When they came in.
    pub joined: Timestamp,
    /// When they left.
    pub left: Timestamp,
}

/// How long someone must be present for a session from `start` to `end` to count.
pub fn minimum_presence(start: Timestamp, end: Timestamp) -> SignedDuration {
    let half = end.duration_since(start) / 2;
    half.min(PRESENCE_CAP).max(SignedDuration::ZERO)
}

/// The time `stays` cover between `start` and `end`, overlapping stays counted once.
pub fn time_present(stays: &[Presence], start: Timestamp, end: Timestamp) -> SignedDuration {
    let mut spans: Vec<(Timestamp, Timestamp)> = stays
        .iter()
        .map(|s| (s.joined.max(start), s.left.min(end)))
        .filter(|(from, to)| from < to)
        .collect();
    spans.sort();
    let mut total = SignedDuration::ZERO;
    let mut current: Option<(Timestamp, Timestamp)> = None;
    for (from, to) in spans {
        current = match current {
            Some((a, b)) if from <= b => Some((a, b.max(to))),
            Some((a, b)) => {
                total += b.duration_since(a);
                Some((from, to))
            }
            None => Some((from, to)),
        };
    }
    if let Some((a, b)) = current {
        total += b.duration_since(a);
    }
    total
}

/// What the room says about a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The session ends in this status.
    Outcome(BookingStatus),
    /// Nobody came: an operator decides.
    Review,
}

/// The verdict for a session from `start` to `end`, given each side's stays.
pub fn verdict(
    learner: &[Presence],
    expert: &[Presence],
    start: Timestamp,
    end: Timestamp,
) -> Verdict {
    let minimum = minimum_presence(start, end);
    let learner_came = time_present(learner, start, end) >= minimum;
    let expert_came = time_present(expert, start, end) >= minimum;
    match (learner_came, expert_came) {
        (true, true) => Verdict::Outcome(BookingStatus::Completed),
        (true, false) => Verdict::Outcome(BookingStatus::NoShowExpert),
        (false, true) => Verdict::Outcome(BookingStatus::NoShowLearner),
        (false, false) => Verdict::Review,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + minute * 60).expect("in range")
    }

    fn stay(from: i64, to: i64) -> Presence {
        Presence {
            joined: at(from),
            left: at(to),
        }
    }

    #[test]
    fn the_minimum_is_half_the_session_up_to_ten_minutes() {
        assert_eq!(
            minimum_presence(at(0), at(15)),
            SignedDuration::from_secs(450)
        );
        assert_eq!(minimum_presence(at(0), at(20)), PRESENCE_CAP);
        assert_eq!(minimum_presence(at(0), at(90)), PRESENCE_CAP);
    }

    #[test]
    fn only_time_within_the_session_counts_and_overlaps_count_once() {
        // Early by 10 minutes, a reconnect that overlapped, late by 20.
        let stays = [stay(-10, 5), stay(4, 20), stay(50, 80)];
        assert_eq!(
            time_present(&stays, at(0), at(60)),
            SignedDuration::from_mins(30)
        );
        assert_eq!(
            time_present(&[stay(-20, -1)], at(0), at(60)),
            SignedDuration::ZERO
        );
    }

    #[test]
    fn both_present_completes() {
        assert_eq!(
            verdict(&[stay(0, 60)], &[stay(-5, 61)], at(0), at(60)),
            Verdict::Outcome(BookingStatus::Completed)
        );
        // Exactly the minimum is enough.
        assert_eq!(
            verdict(&[stay(50, 60)], &[stay(0, 10)], at(0), at(60)),
            Verdict::Outcome(BookingStatus::Completed)
        );
    }

    #[test]
    fn only_the_learner_means_the_expert_did_not_come() {
        assert_eq!(
            verdict(&[stay(0, 60)], &[stay(0, 9)], at(0), at(60)),
            Verdict::Outcome(BookingStatus::NoShowExpert)
        );
        assert_eq!(
            verdict(&[stay(0, 60)], &[], at(0), at(60)),
            Verdict::Outcome(BookingStatus::NoShowExpert)
        );
    }

    #[test]
    fn only_the_expert_means_the_learner_did_not_come() {
        assert_eq!(
            verdict(&[stay(-10, 0)], &[stay(0, 60)], at(0), at(60)),
            Verdict::Outcome(BookingStatus::NoShowLearner)
        );
    }

    #[test]
    fn nobody_goes_to_review() {
        assert_eq!(verdict(&[], &[], at(0), at(60)), Verdict::Review);
        assert_eq!(
            verdict(&[stay(0, 2)], &[stay(3, 5)], at(0), at(60)),
            Verdict::Review
        );
    }
}
