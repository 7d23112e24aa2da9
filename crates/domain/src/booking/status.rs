//! The booking state machine. The store applies a transition with one conditional UPDATE
//! (`… WHERE status = from`), so this table is the only place that says what may follow what.

/// Where a booking is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BookingStatus {
    /// The slot is reserved for the learner while they pay.
    Held,
    /// Paid; the session will take place.
    Confirmed,
    /// The hold ran out before payment.
    Expired,
    /// Called off by the learner, the expert or an admin; refunded by the frozen policy.
    Cancelled,
    /// Moved to another time; the booking that replaced it carries on.
    Rescheduled,
    /// The session took place: settled by the room's attendance, or recorded by an admin
    /// (or, where the room reports no attendance, the expert).
    Completed,
    /// The learner did not come (by attendance, an admin, or the expert where the room
    /// reports no attendance); no refund.
    NoShowLearner,
    /// The expert did not come, by an admin's verdict; refunded in full.
    NoShowExpert,
    /// The learner contests a completed session, or claims the expert did not come; an admin
    /// settles it.
    Disputed,
    /// An admin settled the dispute, refunding the learner or paying the expert.
    Resolved,
}

impl BookingStatus {
    /// Every status, for listing and parsing.
    pub const ALL: [BookingStatus; 10] = [
        Self::Held,
        Self::Confirmed,
        Self::Expired,
        Self::Cancelled,
        Self::Rescheduled,
        Self::Completed,
        Self::NoShowLearner,
        Self::NoShowExpert,
        Self::Disputed,
        Self::Resolved,
    ];

    /// The stored and API name (`held`, `no_show_learner`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Held => "held",
            Self::Confirmed => "confirmed",
            Self::Expired => "expired",
            Self::Cancelled => "cancelled",
            Self::Rescheduled => "rescheduled",
            Self::Completed => "completed",
            Self::NoShowLearner => "no_show_learner",
            Self::NoShowExpert => "no_show_expert",
            Self::Disputed => "disputed",
            Self::Resolved => "resolved",
        }
    }

    /// The status with this stored name; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Statuses that keep the expert's time blocked (a held booking only until its hold
    /// expires; the store checks the expiry).
    pub const ACTIVE: [BookingStatus; 2] = [Self::Held, Self::Confirmed];

    /// Whether this status keeps the expert's time blocked (see `ACTIVE`).
    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }

    /// Whether `self → next` is a legal transition.
    pub fn can_become(self, next: BookingStatus) -> bool {
        use BookingStatus::*;
        matches!(
            (self, next),
            (Held, Confirmed)
                | (Held, Expired)
                // A payment that arrives after the hold ran out still confirms the booking
                // when the slot is free; the caller checks that in the same transaction.
                | (Expired, Confirmed)
                | (Confirmed, Completed)
                | (Confirmed, NoShowLearner)
                | (Confirmed, NoShowExpert)
                | (Confirmed, Cancelled)
                | (Confirmed, Rescheduled)
                | (Completed, Disputed)
                // Contesting what the room's attendance settled: the learner says they
                // were there, or the expert does.
                | (NoShowLearner, Disputed)
                | (NoShowExpert, Disputed)
                // A learner's claim that the expert did not come: settled by an admin.
                | (Confirmed, Disputed)
                | (Disputed, Resolved)
        )
    }
}

impl std::fmt::Display for BookingStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who made a transition happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The learner who booked the session.
    Learner,
    /// The expert who gives it.
    Expert,
    /// An operator acting on the booking (cancel, verdicts, settling disputes).
    Admin,
    /// Jobs and payment callbacks.
    System,
}

impl Actor {
    /// The name stored on each transition.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Learner => "learner",
            Self::Expert => "expert",
            Self::Admin => "admin",
            Self::System => "system",
        }
    }

    /// The actor with this stored name; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Learner, Self::Expert, Self::Admin, Self::System]
            .into_iter()
            .find(|a| a.as_str() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::BookingStatus::{self, *};

    #[test]
    fn names_round_trip() {
        for s in BookingStatus::ALL {
            assert_eq!(BookingStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(BookingStatus::parse("pending"), None);
    }

    #[test]
    fn only_the_documented_transitions_are_legal() {
        let legal = [
            (Held, Confirmed),
            (Held, Expired),
            (Expired, Confirmed),
            (Confirmed, Completed),
            (Confirmed, NoShowLearner),
            (Confirmed, NoShowExpert),
            (Confirmed, Cancelled),
            (Confirmed, Rescheduled),
            (Completed, Disputed),
            (NoShowLearner, Disputed),
            (NoShowExpert, Disputed),
            (Confirmed, Disputed),
            (Disputed, Resolved),
        ];
        for from in BookingStatus::ALL {
            for to in BookingStatus::ALL {
                assert_eq!(
                    from.can_become(to),
                    legal.contains(&(from, to)),
                    "{from} → {to}"
                );
            }
        }
    }
}
