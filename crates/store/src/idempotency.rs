//! Idempotency keys: a client's retry of a request carries the same key and gets the same
//! answer. A key is claimed in the transaction of the change it guards, so twins wait for
//! each other and the second replays the first.

/// A request's idempotency key and the fingerprint of its body.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    pub key: String,
    pub fingerprint: String,
}

pub(crate) const IDEMPOTENCY_SCOPE: &str = "booking";
