//! What people are told, under which preference, and which messages they cannot turn off.

/// A group of notifications a person turns on or off per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Topic {
    /// Sign-ins, lockouts, address changes.
    Security,
    /// Decisions on an expert application, suspension and reinstatement.
    Applications,
    /// Holds, confirmations, moves, proposals, cancellations and refunds.
    Bookings,
    /// 24 hours and 1 hour before a session.
    Reminders,
    /// After a session: asking how it went.
    Reviews,
    /// Money paid to an expert, and chargebacks.
    Payouts,
}

/// Every topic, in the order the settings page lists them.
pub const TOPICS: [Topic; 6] = [
    Topic::Bookings,
    Topic::Reminders,
    Topic::Reviews,
    Topic::Payouts,
    Topic::Applications,
    Topic::Security,
];

impl Topic {
    /// The stored and submitted name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Security => "security",
            Self::Applications => "applications",
            Self::Bookings => "bookings",
            Self::Reminders => "reminders",
            Self::Reviews => "reviews",
            Self::Payouts => "payouts",
        }
    }

    /// Reads a stored or submitted name.
    pub fn parse(raw: &str) -> Option<Self> {
        TOPICS.into_iter().find(|t| t.as_str() == raw.trim())
    }
}

/// One kind of notification: its topic and whether its email always goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Someone signed in from a new device, the account was locked, or its address changed.
    SecurityAlert,
    /// An expert application was approved, rejected, sent back, or the expert suspended or
    /// reinstated.
    ApplicationDecided,
    /// A learner holds the expert's time while they pay.
    BookingHeld,
    /// Paid: the session stands.
    BookingConfirmed,
    /// The session moved.
    BookingRescheduled,
    /// The session was called off (with the refund).
    BookingCancelled,
    /// Paid after the hold ran out and the time was gone: refunded.
    BookingLateRefund,
    /// The expert proposed another time.
    ProposalMade,
    /// The learner took the proposed time.
    ProposalAccepted,
    /// The learner kept the original time.
    ProposalDeclined,
    /// The learner says the expert did not come.
    NoShowClaimed,
    /// The session is 24 hours away.
    Reminder24h,
    /// The session is an hour away.
    Reminder1h,
    /// The session took place: how was it?
    ReviewRequest,
    /// The learner reviewed the expert's session (the expert may reply).
    ReviewReceived,
    /// The expert's share was sent to their payout account.
    PaidOut,
    /// The learner's bank disputed a payment.
    DisputeOpened,
    /// A connected calendar cannot be read (wrong password, gone, away): slots are paused
    /// or marked "calendar not checked" until it is fixed.
    CalendarFailing,
}

impl Kind {
    /// The preference it falls under.
    pub fn topic(self) -> Topic {
        match self {
            Self::SecurityAlert => Topic::Security,
            Self::ApplicationDecided => Topic::Applications,
            Self::BookingHeld
            | Self::BookingConfirmed
            | Self::BookingRescheduled
            | Self::BookingCancelled
            | Self::BookingLateRefund
            | Self::ProposalMade
            | Self::ProposalAccepted
            | Self::ProposalDeclined
            | Self::NoShowClaimed
            | Self::CalendarFailing => Topic::Bookings,
            Self::Reminder24h | Self::Reminder1h => Topic::Reminders,
            Self::ReviewRequest | Self::ReviewReceived => Topic::Reviews,
            Self::PaidOut | Self::DisputeOpened => Topic::Payouts,
        }
    }

    /// Whether its email goes whatever the person's preference: what they need to know
    /// about their account, their money and a session they paid for. Such mail carries
    /// no unsubscribe header.
    pub fn essential(self) -> bool {
        matches!(
            self,
            Self::SecurityAlert
                | Self::ApplicationDecided
                | Self::BookingConfirmed
                | Self::BookingRescheduled
                | Self::BookingCancelled
                | Self::BookingLateRefund
                | Self::NoShowClaimed
                | Self::PaidOut
                | Self::DisputeOpened
                | Self::CalendarFailing
        )
    }

    /// The stored name, and the stem of its wording (`notification-{name}`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SecurityAlert => "security_alert",
            Self::ApplicationDecided => "application_decided",
            Self::BookingHeld => "booking_held",
            Self::BookingConfirmed => "booking_confirmed",
            Self::BookingRescheduled => "booking_rescheduled",
            Self::BookingCancelled => "booking_cancelled",
            Self::BookingLateRefund => "booking_late_refund",
            Self::ProposalMade => "proposal_made",
            Self::ProposalAccepted => "proposal_accepted",
            Self::ProposalDeclined => "proposal_declined",
            Self::NoShowClaimed => "no_show_claimed",
            Self::Reminder24h => "reminder_24h",
            Self::Reminder1h => "reminder_1h",
            Self::ReviewRequest => "review_request",
            Self::ReviewReceived => "review_received",
            Self::PaidOut => "paid_out",
            Self::DisputeOpened => "dispute_opened",
            Self::CalendarFailing => "calendar_failing",
        }
    }

    /// Every kind.
    pub const ALL: [Kind; 18] = [
        Self::SecurityAlert,
        Self::ApplicationDecided,
        Self::BookingHeld,
        Self::BookingConfirmed,
        Self::BookingRescheduled,
        Self::BookingCancelled,
        Self::BookingLateRefund,
        Self::ProposalMade,
        Self::ProposalAccepted,
        Self::ProposalDeclined,
        Self::NoShowClaimed,
        Self::Reminder24h,
        Self::Reminder1h,
        Self::ReviewRequest,
        Self::ReviewReceived,
        Self::PaidOut,
        Self::DisputeOpened,
        Self::CalendarFailing,
    ];

    /// Reads a stored name.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

/// Whether a topic comes in the app and by email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Channels {
    /// In the notification centre (and live, with the unread badge).
    pub in_app: bool,
    /// By email.
    pub email: bool,
}

/// Both channels on: what a person gets until they choose otherwise.
pub const DEFAULT_CHANNELS: Channels = Channels {
    in_app: true,
    email: true,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        for topic in TOPICS {
            assert_eq!(Topic::parse(topic.as_str()), Some(topic));
        }
        assert_eq!(Topic::parse("push"), None);
    }

    #[test]
    fn account_and_money_mail_cannot_be_turned_off_but_reminders_can() {
        assert!(Kind::SecurityAlert.essential());
        assert!(Kind::BookingCancelled.essential());
        assert!(!Kind::Reminder24h.essential());
        assert!(!Kind::ReviewRequest.essential());
        assert!(!Kind::BookingHeld.essential());
    }
}
