//! The double-entry journal. Every movement of money is one journal of lines whose amounts
//! add up to zero (debits positive, credits negative), in one currency; it is stored in
//! the same transaction as the change that moves the money, and never changed afterwards.
//!
//! The accounts, and what a balance in each means:
//! - `platform:cash` (debit): money held at the payment provider for the platform;
//! - `platform:commission` (credit): commission earned, less commission refunded;
//! - `platform:processor_fees` (debit): the provider's fees;
//! - `platform:disputes` (debit): money the learner's bank took back while a dispute is
//!   open;
//! - `expert:{id}:payable` (credit): what the expert has earned and not been paid out
//!   (a debit balance: paid more than they now earn, until the transfer is reversed);
//! - `learner:{id}:refunds` (credit): refunds decided and not yet sent back.
//!
//! A payment debits cash and credits commission and the expert; a refund is decided
//! (commission and expert debited in proportion, the learner credited) in the transaction
//! that decides it, and sent (the learner debited, cash credited) when the provider has
//! made it. A transfer to the expert's connected account settles what is payable (the
//! expert debited, cash credited) and a reversal undoes it; what an expert was paid out
//! is the sum of their transfer and reversal journals, so no separate `paid_out` account
//! duplicates it. A dispute moves the disputed money from cash to `platform:disputes`;
//! won, it comes back; lost, it is taken from the commission and the expert's share in
//! proportion, as a refund is. The provider's fee on each charge moves from cash to
//! `platform:processor_fees`, in the currency the platform's balance settles in.

use super::Split;
use crate::profile::CurrencyCode;

/// A ledger account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Account {
    /// Money held at the provider.
    Cash,
    /// Commission earned.
    Commission,
    /// The provider's fees.
    ProcessorFees,
    /// Money held back by an open dispute.
    Disputes,
    /// What an expert (by id) is owed.
    ExpertPayable(String),
    /// Refunds owed to a learner (by id).
    LearnerRefunds(String),
}

impl Account {
    /// The stored name: `platform:cash`, `expert:{id}:payable`, …
    pub fn name(&self) -> String {
        match self {
            Self::Cash => "platform:cash".into(),
            Self::Commission => "platform:commission".into(),
            Self::ProcessorFees => "platform:processor_fees".into(),
            Self::Disputes => "platform:disputes".into(),
            Self::ExpertPayable(id) => format!("expert:{id}:payable"),
            Self::LearnerRefunds(id) => format!("learner:{id}:refunds"),
        }
    }
}

/// What a journal records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JournalKind {
    /// A learner's payment arrived.
    Payment,
    /// A refund was decided.
    RefundDecided,
    /// The provider sent a decided refund back.
    RefundSent,
    /// An expert's share went to their connected account.
    Transfer,
    /// (Part of) a transfer came back from the expert's account.
    TransferReversed,
    /// A learner's bank opened a dispute and took the money back for now.
    DisputeOpened,
    /// A dispute was won: the money came back.
    DisputeWon,
    /// A dispute was lost: the money is gone, out of commission and share.
    DisputeLost,
    /// The provider kept its fee on a charge.
    ProcessorFee,
}

impl JournalKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Payment => "payment",
            Self::RefundDecided => "refund_decided",
            Self::RefundSent => "refund_sent",
            Self::Transfer => "transfer",
            Self::TransferReversed => "transfer_reversed",
            Self::DisputeOpened => "dispute_opened",
            Self::DisputeWon => "dispute_won",
            Self::DisputeLost => "dispute_lost",
            Self::ProcessorFee => "processor_fee",
        }
    }
}

/// One line: a debit (positive) or credit (negative) to an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The account it moves.
    pub account: Account,
    /// Minor units of the journal's currency; debits positive.
    pub amount: i64,
}

/// Lines that do not add up to zero, or no lines at all: never stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a journal must have lines that add up to zero (they add up to {0})")]
pub struct Unbalanced(pub i64);

/// A balanced set of lines in one currency, with the key that makes recording it twice
/// impossible (`payment:{booking}`, `refund:{refund id}`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    /// Unique per movement: a second journal with the same key is not recorded.
    pub key: String,
    /// What it records.
    pub kind: JournalKind,
    /// The currency of every line.
    pub currency: CurrencyCode,
    /// The lines, adding up to zero; lines of zero are left out.
    pub lines: Vec<Line>,
}

impl Journal {
    /// Checks the lines balance; zero lines are dropped.
    pub fn new(
        key: String,
        kind: JournalKind,
        currency: CurrencyCode,
        lines: Vec<Line>,
    ) -> Result<Self, Unbalanced> {
        let sum = lines
            .iter()
            .try_fold(0i64, |sum, l| sum.checked_add(l.amount))
            .ok_or(Unbalanced(i64::MAX))?;
        let lines: Vec<Line> = lines.into_iter().filter(|l| l.amount != 0).collect();
        if sum != 0 || lines.is_empty() {
            return Err(Unbalanced(sum));
        }
        Ok(Self {
            key,
            kind,
            currency,
            lines,
        })
    }

    /// A payment of `split.commission + split.share` for an expert's session.
    pub fn payment(
        key: String,
        currency: CurrencyCode,
        expert: &str,
        split: Split,
    ) -> Result<Self, Unbalanced> {
        Self::new(
            key,
            JournalKind::Payment,
            currency,
            vec![
                line(Account::Cash, split.commission + split.share),
                line(Account::Commission, -split.commission),
                line(Account::ExpertPayable(expert.into()), -split.share),
            ],
        )
    }

    /// A refund decided: `back` comes out of the commission and the expert's share and is
    /// owed to the learner.
    pub fn refund_decided(
        key: String,
        currency: CurrencyCode,
        expert: &str,
        learner: &str,
        back: Split,
    ) -> Result<Self, Unbalanced> {
        Self::new(
            key,
            JournalKind::RefundDecided,
            currency,
            vec![
                line(Account::Commission, back.commission),
                line(Account::ExpertPayable(expert.into()), back.share),
                line(
                    Account::LearnerRefunds(learner.into()),
                    -(back.commission + back.share),
                ),
            ],
        )
    }

    /// A decided refund the provider has sent.
    pub fn refund_sent(
        key: String,
        currency: CurrencyCode,
        learner: &str,
        amount: i64,
    ) -> Result<Self, Unbalanced> {
        Self::moved(
            key,
            JournalKind::RefundSent,
            currency,
            Account::LearnerRefunds(learner.into()),
            Account::Cash,
            amount,
        )
    }

    /// `amount` of the expert's share paid to their connected account.
    pub fn transfer(
        key: String,
        currency: CurrencyCode,
        expert: &str,
        amount: i64,
    ) -> Result<Self, Unbalanced> {
        Self::moved(
            key,
            JournalKind::Transfer,
            currency,
            Account::ExpertPayable(expert.into()),
            Account::Cash,
            amount,
        )
    }

    /// `amount` of a transfer taken back from the expert's account.
    pub fn transfer_reversed(
        key: String,
        currency: CurrencyCode,
        expert: &str,
        amount: i64,
    ) -> Result<Self, Unbalanced> {
        Self::moved(
            key,
            JournalKind::TransferReversed,
            currency,
            Account::Cash,
            Account::ExpertPayable(expert.into()),
            amount,
        )
    }

    /// The provider's fee on a charge, kept out of the platform's balance: the platform
    /// bears it (the commission is computed on the gross).
    pub fn processor_fee(
        key: String,
        currency: CurrencyCode,
        amount: i64,
    ) -> Result<Self, Unbalanced> {
        Self::moved(
            key,
            JournalKind::ProcessorFee,
            currency,
            Account::ProcessorFees,
            Account::Cash,
            amount,
        )
    }

    /// A dispute opened: the bank took `amount` back from the platform's balance.
    pub fn dispute_opened(
        key: String,
        currency: CurrencyCode,
        amount: i64,
    ) -> Result<Self, Unbalanced> {
        Self::moved(
            key,
            JournalKind::DisputeOpened,
            currency,
            Account::Disputes,
            Account::Cash,
            amount,
        )
    }

    /// A dispute won: the money held back returns.
    pub fn dispute_won(
        key: String,
        currency: CurrencyCode,
        amount: i64,
    ) -> Result<Self, Unbalanced> {
        Self::moved(
            key,
            JournalKind::DisputeWon,
            currency,
            Account::Cash,
            Account::Disputes,
            amount,
        )
    }

    /// A dispute lost: the money held back is gone, `lost` out of the commission and the
    /// expert's share.
    pub fn dispute_lost(
        key: String,
        currency: CurrencyCode,
        expert: &str,
        lost: Split,
    ) -> Result<Self, Unbalanced> {
        Self::new(
            key,
            JournalKind::DisputeLost,
            currency,
            vec![
                line(Account::Commission, lost.commission),
                line(Account::ExpertPayable(expert.into()), lost.share),
                line(Account::Disputes, -(lost.commission + lost.share)),
            ],
        )
    }
}

impl Journal {
    /// `amount` moved from `credit` to `debit`: the two-line journal most movements are.
    fn moved(
        key: String,
        kind: JournalKind,
        currency: CurrencyCode,
        debit: Account,
        credit: Account,
        amount: i64,
    ) -> Result<Self, Unbalanced> {
        Self::new(
            key,
            kind,
            currency,
            vec![line(debit, amount), line(credit, -amount)],
        )
    }
}

fn line(account: Account, amount: i64) -> Line {
    Line { account, amount }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> CurrencyCode {
        CurrencyCode::parse("EUR").unwrap()
    }

    #[test]
    fn unbalanced_or_empty_journals_are_refused() {
        let lines = vec![line(Account::Cash, 10), line(Account::Commission, -9)];
        assert_eq!(
            Journal::new("k".into(), JournalKind::Payment, eur(), lines),
            Err(Unbalanced(1))
        );
        assert_eq!(
            Journal::new(
                "k".into(),
                JournalKind::Payment,
                eur(),
                vec![line(Account::Cash, 0)]
            ),
            Err(Unbalanced(0))
        );
        let overflow = vec![line(Account::Cash, i64::MAX), line(Account::Cash, 1)];
        assert!(Journal::new("k".into(), JournalKind::Payment, eur(), overflow).is_err());
    }

    #[test]
    fn a_full_refund_leaves_every_account_where_it_started() {
        let split = Split {
            commission: 683,
            share: 3872,
        };
        let journals = [
            Journal::payment("p".into(), eur(), "e", split).unwrap(),
            Journal::refund_decided("r".into(), eur(), "e", "l", split).unwrap(),
            Journal::refund_sent("s".into(), eur(), "l", 4555).unwrap(),
        ];
        let mut balances = std::collections::BTreeMap::<Account, i64>::new();
        for line in journals.iter().flat_map(|j| &j.lines) {
            *balances.entry(line.account.clone()).or_default() += line.amount;
        }
        assert!(balances.values().all(|b| *b == 0), "{balances:?}");
    }

    fn balances(journals: &[Journal]) -> std::collections::BTreeMap<Account, i64> {
        let mut balances = std::collections::BTreeMap::<Account, i64>::new();
        for line in journals.iter().flat_map(|j| &j.lines) {
            *balances.entry(line.account.clone()).or_default() += line.amount;
        }
        balances
    }

    #[test]
    fn a_refund_after_the_transfer_is_paid_for_by_its_reversal() {
        let split = Split {
            commission: 600,
            share: 3400,
        };
        let back = Split {
            commission: 150,
            share: 850,
        };
        let journals = [
            Journal::payment("p".into(), eur(), "e", split).unwrap(),
            Journal::transfer("t".into(), eur(), "e", 3400).unwrap(),
            Journal::refund_decided("r".into(), eur(), "e", "l", back).unwrap(),
            Journal::transfer_reversed("v".into(), eur(), "e", 850).unwrap(),
            Journal::refund_sent("s".into(), eur(), "l", 1000).unwrap(),
        ];
        let balances = balances(&journals);
        assert_eq!(balances[&Account::Cash], 4000 - 3400 + 850 - 1000);
        assert_eq!(balances[&Account::Commission], -450);
        assert_eq!(balances[&Account::ExpertPayable("e".into())], 0);
        assert_eq!(balances[&Account::LearnerRefunds("l".into())], 0);
    }

    #[test]
    fn a_lost_dispute_costs_commission_and_share_and_a_won_one_nothing() {
        let split = Split {
            commission: 600,
            share: 3400,
        };
        let lost = [
            Journal::payment("p".into(), eur(), "e", split).unwrap(),
            Journal::dispute_opened("d".into(), eur(), 4000).unwrap(),
            Journal::dispute_lost("l".into(), eur(), "e", split).unwrap(),
        ];
        assert!(balances(&lost).values().all(|b| *b == 0), "{lost:?}");
        let won = [
            Journal::payment("p".into(), eur(), "e", split).unwrap(),
            Journal::dispute_opened("d".into(), eur(), 4000).unwrap(),
            Journal::dispute_won("w".into(), eur(), 4000).unwrap(),
        ];
        let balances = balances(&won);
        assert_eq!(balances[&Account::Cash], 4000);
        assert_eq!(balances[&Account::Disputes], 0);
        assert_eq!(balances[&Account::ExpertPayable("e".into())], -3400);
    }
}
