//! Learners' payments through the provider: starting a booking's payment, hearing of it
//! (signed webhooks, stored and handled by durable jobs), and reconciling what the
//! provider says with what Mentora recorded. The provider is the authority: every event
//! is a prompt to read the payment's current state, so events may come in any order, twice,
//! or not at all (reconciliation asks for bookings still waiting). After the session,
//! experts are paid their share (`transfers`), chargebacks hold or take it back
//! (`disputes`), and their bank payouts are shown to them (`bank_payouts`).

pub mod bank_payouts;
pub mod checkout;
pub mod disputes;
pub mod earnings;
pub mod exchange_rates;
pub mod ledger_check;
pub mod operators;
pub mod sync;
pub mod transfers;
pub mod webhooks;
