//! Learners' payments through the provider: starting a booking's payment, hearing of it
//! (signed webhooks, stored and handled by durable jobs), and reconciling what the
//! provider says with what Mentora recorded. The provider is the authority: every event
//! is a prompt to read the payment's current state, so events may come in any order, twice,
//! or not at all (reconciliation asks for bookings still waiting).

pub mod checkout;
pub mod operators;
pub mod sync;
pub mod webhooks;
