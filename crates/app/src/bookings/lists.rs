//! Sessions of one user, for the dashboards "My sessions" and "My schedule".

use domain::booking::BookingStatus;
use store::Database;
use store::bookings::Side;
use uuid::Uuid;

use super::{Booking, BookingError};

/// The dashboard tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Upcoming,
    Past,
    Cancelled,
}

impl Tab {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "upcoming" => Some(Self::Upcoming),
            "past" => Some(Self::Past),
            "cancelled" => Some(Self::Cancelled),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upcoming => "upcoming",
            Self::Past => "past",
            Self::Cancelled => "cancelled",
        }
    }
}

/// Upcoming: held and confirmed ones not yet ended, soonest first. Past: ended and
/// settled ones, latest first. Cancelled: cancelled and lapsed holds, latest first.
pub async fn sessions(
    db: &Database,
    user: Uuid,
    side: Side,
    tab: Tab,
    now: i64,
    limit: u64,
) -> Result<Vec<Booking>, BookingError> {
    use BookingStatus::*;
    let (statuses, from, to, ascending): (&[BookingStatus], i64, i64, bool) = match tab {
        Tab::Upcoming => (&[Held, Confirmed], now - 86_400, i64::MAX, true),
        Tab::Past => (
            &[
                Confirmed,
                Completed,
                NoShowLearner,
                NoShowExpert,
                Disputed,
                Resolved,
            ],
            i64::MIN,
            now,
            false,
        ),
        Tab::Cancelled => (&[Cancelled, Expired], i64::MIN, i64::MAX, false),
    };
    let query = store::bookings::ListQuery {
        side,
        statuses,
        from,
        to,
        ascending,
        limit,
    };
    let rows = store::bookings::for_user(db, user, query).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let b = Booking::from_row(row)?;
        let keep = match tab {
            // Lapsed holds go to "cancelled"; sessions that ended go to "past".
            Tab::Upcoming => !b.hold_lapsed(now) && b.row.end_at > now,
            Tab::Past => b.row.end_at <= now,
            Tab::Cancelled => true,
        };
        if keep {
            out.push(b);
        }
    }
    Ok(out)
}
