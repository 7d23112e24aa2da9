//! Who may change a booking, and when: the rules the use cases enforce and the pages
//! show, written once.

use jiff::Timestamp;

use super::{Actor, BookingStatus, CancellationPolicy, Refund};

/// A confirmed session that has not started can be moved to another time.
pub fn may_move(status: BookingStatus, start_at: Timestamp, now: Timestamp) -> bool {
    status == BookingStatus::Confirmed && start_at > now
}

/// A confirmed session can be cancelled (what it refunds depends on who and when).
pub fn may_cancel(status: BookingStatus) -> bool {
    status == BookingStatus::Confirmed
}

/// Who may record an outcome. A learner's "the expert did not come" is not an outcome but
/// a claim, recorded as a dispute an admin settles (see `outcome_requested`). An expert
/// records one only for a session whose room reports no attendance (the use case checks
/// where it met); an admin may open a dispute after the participants' window closed.
pub fn may_record(outcome: BookingStatus, actor: Actor) -> Option<bool> {
    use BookingStatus::*;
    let allowed: &[Actor] = match outcome {
        Completed | NoShowLearner => &[Actor::Expert, Actor::Admin],
        NoShowExpert => &[Actor::Admin],
        Disputed => &[Actor::Learner, Actor::Admin],
        Resolved => &[Actor::Admin],
        _ => return None,
    };
    Some(allowed.contains(&actor))
}

/// Who may dispute a settled session: the side the outcome went against (the learner a
/// completed session or their no-show, the expert their no-show), or an operator on
/// either's behalf (a complaint that reached support).
pub fn may_dispute(from: BookingStatus, actor: Actor) -> bool {
    use BookingStatus::*;
    matches!(
        (from, actor),
        (Completed | NoShowLearner, Actor::Learner)
            | (NoShowExpert, Actor::Expert)
            | (Completed | NoShowLearner | NoShowExpert, Actor::Admin)
    )
}

/// The status an outcome request becomes, and whether it is a learner's no-show claim.
pub fn outcome_requested(outcome: BookingStatus, actor: Actor) -> (BookingStatus, bool) {
    let claim = outcome == BookingStatus::NoShowExpert && actor == Actor::Learner;
    if claim {
        (BookingStatus::Disputed, true)
    } else {
        (outcome, false)
    }
}

/// What cancelling refunds of `paid`: by the booking's frozen policy when the learner
/// cancels, measured from the session's first start; in full when the expert or an admin
/// does (the learner did nothing wrong).
pub fn refund_on_cancel(
    policy: &CancellationPolicy,
    by: Actor,
    paid: i64,
    first_start: Timestamp,
    now: Timestamp,
) -> Refund {
    match by {
        Actor::Learner => policy.learner_refund(paid, first_start, now),
        Actor::Expert | Actor::Admin | Actor::System => CancellationPolicy::full(paid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BookingStatus::*;

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).expect("in range")
    }

    #[test]
    fn only_confirmed_sessions_not_yet_started_move() {
        assert!(may_move(Confirmed, at(100), at(99)));
        assert!(!may_move(Confirmed, at(100), at(100)));
        for status in [Held, Cancelled, Completed, Disputed] {
            assert!(!may_move(status, at(100), at(0)), "{status}");
        }
    }

    #[test]
    fn only_confirmed_sessions_cancel() {
        assert!(may_cancel(Confirmed));
        assert!(!may_cancel(Held) && !may_cancel(Cancelled) && !may_cancel(Completed));
    }

    #[test]
    fn each_outcome_has_its_own_deciders() {
        assert_eq!(may_record(Completed, Actor::Expert), Some(true));
        assert_eq!(may_record(Completed, Actor::Learner), Some(false));
        assert_eq!(may_record(NoShowLearner, Actor::Admin), Some(true));
        assert_eq!(may_record(NoShowExpert, Actor::Expert), Some(false));
        assert_eq!(may_record(Disputed, Actor::Learner), Some(true));
        assert_eq!(may_record(Disputed, Actor::Admin), Some(true));
        assert_eq!(may_record(Disputed, Actor::Expert), Some(false));
        assert_eq!(may_record(Resolved, Actor::Expert), Some(false));
        assert_eq!(may_record(Confirmed, Actor::Admin), None, "not an outcome");
    }

    #[test]
    fn the_side_an_outcome_went_against_disputes_it() {
        assert!(may_dispute(Completed, Actor::Learner));
        assert!(may_dispute(NoShowLearner, Actor::Learner));
        assert!(may_dispute(NoShowExpert, Actor::Expert));
        assert!(!may_dispute(NoShowExpert, Actor::Learner));
        assert!(!may_dispute(Completed, Actor::Expert));
        assert!(!may_dispute(NoShowLearner, Actor::Expert));
        assert!(may_dispute(Completed, Actor::Admin) && may_dispute(NoShowExpert, Actor::Admin));
    }

    #[test]
    fn a_learners_no_show_report_is_a_claim() {
        assert_eq!(
            outcome_requested(NoShowExpert, Actor::Learner),
            (Disputed, true)
        );
        assert_eq!(
            outcome_requested(NoShowExpert, Actor::Admin),
            (NoShowExpert, false)
        );
        assert_eq!(
            outcome_requested(Completed, Actor::Learner),
            (Completed, false)
        );
    }

    #[test]
    fn experts_and_admins_refund_in_full() {
        let strict = CancellationPolicy::from_stored("moderate:24=100,2=50")
            .unwrap_or_else(|| panic!("a stored policy"));
        let start = at(1_000_000);
        let late = at(1_000_000 - 60);
        assert_eq!(
            refund_on_cancel(&strict, Actor::Expert, 4000, start, late).amount,
            4000
        );
        assert_eq!(
            refund_on_cancel(&strict, Actor::Admin, 4000, start, late).amount,
            4000
        );
        assert!(refund_on_cancel(&strict, Actor::Learner, 4000, start, late).amount < 4000);
    }
}
