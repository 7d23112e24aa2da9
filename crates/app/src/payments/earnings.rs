//! An expert's earnings: each paid session with where its money stands, totals per
//! currency by stage, and their payouts to their bank. A session's share is
//! - upcoming until the session has an outcome;
//! - in the dispute window for `BookingRules::payout_delay` after an outcome that pays;
//! - held while the learner disputes it with Mentora or their bank disputes the payment;
//! - available once the window passed (paid by the next sweep, or as soon as the
//!   provider enables the expert's payouts);
//! - paid out once transferred.

use jiff::{SignedDuration, Timestamp};
use store::earnings::SessionMoney;
use store::{Database, StoreError};
use uuid::Uuid;

/// Where a session's money stands for the expert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Paid, session not yet given.
    Upcoming,
    /// Given; the learner may still dispute it.
    InDisputeWindow,
    /// Disputed: held until the dispute ends.
    Held,
    /// Owed and due: paid out at the next payout.
    Available,
    /// Transferred to the expert.
    PaidOut,
    /// Nothing for the expert (refunded in full, or cancelled).
    Nothing,
}

impl Stage {
    /// The API and CSV name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upcoming => "upcoming",
            Self::InDisputeWindow => "in_dispute_window",
            Self::Held => "held",
            Self::Available => "available",
            Self::PaidOut => "paid_out",
            Self::Nothing => "nothing",
        }
    }

    /// Where `session` stands at `now`, with a dispute window of `delay`.
    pub fn of(session: &SessionMoney, delay: SignedDuration, now: Timestamp) -> Stage {
        let settled = domain::clock::shifted(
            Timestamp::from_second(session.updated_at).unwrap_or(Timestamp::MIN),
            delay,
        );
        match session.status.as_str() {
            _ if session.chargeback == 1 => Stage::Held,
            "disputed" => Stage::Held,
            "held" | "confirmed" => Stage::Upcoming,
            "completed" | "no_show_learner" | "resolved" if session.owed() > 0 => {
                if now < settled {
                    Stage::InDisputeWindow
                } else {
                    Stage::Available
                }
            }
            _ if session.paid_out > 0 => Stage::PaidOut,
            _ => Stage::Nothing,
        }
    }
}

/// One session on the earnings page.
#[derive(Debug, Clone)]
pub struct SessionEarning {
    /// The money as stored.
    pub money: SessionMoney,
    /// Where it stands.
    pub stage: Stage,
}

/// One currency's totals by stage (minor units).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// The currency.
    pub currency: String,
    /// Shares of sessions not yet given.
    pub upcoming: i64,
    /// Shares still in the dispute window.
    pub in_dispute_window: i64,
    /// Shares held by disputes.
    pub held: i64,
    /// Owed and due.
    pub available: i64,
    /// Transferred so far.
    pub paid_out: i64,
}

/// The expert's earnings.
pub struct Earnings {
    /// Latest session first.
    pub sessions: Vec<SessionEarning>,
    /// Per currency, in the order first seen.
    pub totals: Vec<Totals>,
    /// Payouts from their connected account to their bank, latest first.
    pub bank_payouts: Vec<store::bank_payouts::BankPayout>,
}

/// The earnings of `user` at `now`; `None` when they have no expert profile.
pub async fn of_expert(
    db: &Database,
    user: Uuid,
    delay: SignedDuration,
    now: Timestamp,
) -> Result<Option<Earnings>, StoreError> {
    if store::experts::find(db, user).await?.is_none() {
        return Ok(None);
    }
    of(db, user, delay, now).await.map(Some)
}

/// The earnings of `expert` at `now`.
pub async fn of(
    db: &Database,
    expert: Uuid,
    delay: SignedDuration,
    now: Timestamp,
) -> Result<Earnings, StoreError> {
    let sessions: Vec<SessionEarning> = store::earnings::sessions(db, expert, 1000)
        .await?
        .into_iter()
        .map(|money| SessionEarning {
            stage: Stage::of(&money, delay, now),
            money,
        })
        .collect();
    let mut totals: Vec<Totals> = Vec::new();
    for s in &sessions {
        let index = match totals.iter().position(|t| t.currency == s.money.currency) {
            Some(i) => i,
            None => {
                totals.push(Totals {
                    currency: s.money.currency.clone(),
                    ..Totals::default()
                });
                totals.len() - 1
            }
        };
        let t = &mut totals[index];
        let owed = s.money.owed().max(0);
        match s.stage {
            Stage::Upcoming => t.upcoming += owed,
            Stage::InDisputeWindow => t.in_dispute_window += owed,
            Stage::Held => t.held += owed,
            Stage::Available => t.available += owed,
            Stage::PaidOut | Stage::Nothing => {}
        }
        t.paid_out += s.money.paid_out;
    }
    Ok(Earnings {
        sessions,
        totals,
        bank_payouts: store::bank_payouts::for_expert(db, expert, 50).await?,
    })
}

/// The sessions as CSV (amounts in major units as the currency writes them; times UTC).
pub fn csv(earnings: &Earnings) -> String {
    let mut csv = String::from(
        "booking,session_start_utc,learner,currency,paid,refunded,earned,paid_out,stage\n",
    );
    for s in &earnings.sessions {
        let m = &s.money;
        let major = |minor: i64| crate::bookings::notices::major(minor, &m.currency);
        let start = Timestamp::from_second(m.start_at)
            .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        csv.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            m.id,
            start,
            csv_field(&m.learner_name),
            m.currency,
            major(m.paid_amount),
            major(m.refunded_amount),
            major(m.earned),
            major(m.paid_out),
            s.stage.as_str(),
        ));
    }
    csv
}

/// A field quoted for CSV, and defused for spreadsheets: a leading `=`, `+`, `-` or `@`
/// would be read as a formula.
pub fn csv_field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("Ana \"A\" B"), "\"Ana \"\"A\"\" B\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "\"'=HYPERLINK(1)\"");
    }
}
