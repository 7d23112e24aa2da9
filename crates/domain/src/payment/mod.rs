//! Money that moves: what Stripe can charge in each currency, how a payment splits between
//! the platform and the expert, and the balanced journals every movement is recorded as.

pub mod commission;
pub mod currencies;
pub mod ledger;

pub use commission::{CommissionRate, Split};
pub use currencies::{ChargeRefusal, StripeCurrency};
pub use ledger::{Account, Journal, JournalKind, Line, Unbalanced};
