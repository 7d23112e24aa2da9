//! Rate limits and progressive lockout, counted in Redis when configured (shared by every
//! instance) and in this process otherwise.
//!
//! Counters are fixed windows: the first hit starts the window, later hits count until it
//! ends. Lockout keys on the email address as typed (normalised), whether or not an account
//! has it, so a locked-out answer reveals nothing about which addresses exist.

use std::time::Duration;

use futures::future::BoxFuture;

mod in_process;
mod in_redis;

pub use in_process::InProcess;
pub use in_redis::{InRedis, SharedOrLocal};

/// A limit: at most `max` hits per `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Hits allowed in one window; the next one is refused.
    pub max: u64,
    /// How long a window lasts from its first hit.
    pub window: Duration,
}

impl Limit {
    /// At most `max` hits per `window`.
    pub const fn per(max: u64, window: Duration) -> Self {
        Self { max, window }
    }
}

/// Every limit Mentora applies. Operators rarely change these; tests tighten them.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Login attempts from one client address.
    pub login_per_ip: Limit,
    /// Login attempts naming one address from devices the account does not know.
    pub login_per_account: Limit,
    /// Sign-ups from one client address.
    pub register_per_ip: Limit,
    /// Sign-ups naming one address (each sends its owner an email).
    pub register_per_account: Limit,
    /// Password reset requests from one client address.
    pub reset_per_ip: Limit,
    /// Password reset requests naming one address (each sends an email).
    pub reset_per_account: Limit,
    /// Email verification attempts and resends from one client address.
    pub verification_per_ip: Limit,
    /// Verification emails resent for one account.
    pub verification_per_account: Limit,
    /// Holds one account may place (each takes a slot from everyone else for a while).
    pub holds_per_account: Limit,
    /// Photos and documents one account may upload.
    pub uploads_per_account: Limit,
    /// CSP violation reports one address may send.
    pub csp_reports_per_ip: Limit,
    /// Passkey sign-in ceremonies one address may start.
    pub passkey_logins_per_ip: Limit,
    /// Failed logins on one address before the first lockout.
    pub lockout_after: u64,
    /// First lockout; each further failure doubles it, up to `lockout_max`.
    pub lockout_base: Duration,
    /// The longest a lockout grows to.
    pub lockout_max: Duration,
}

const MINUTE: Duration = Duration::from_secs(60);

impl Default for Limits {
    fn default() -> Self {
        Self {
            login_per_ip: Limit::per(30, 10 * MINUTE),
            login_per_account: Limit::per(10, 10 * MINUTE),
            register_per_ip: Limit::per(10, 60 * MINUTE),
            register_per_account: Limit::per(3, 60 * MINUTE),
            reset_per_ip: Limit::per(10, 60 * MINUTE),
            reset_per_account: Limit::per(3, 60 * MINUTE),
            verification_per_ip: Limit::per(30, 10 * MINUTE),
            verification_per_account: Limit::per(5, 60 * MINUTE),
            holds_per_account: Limit::per(20, 10 * MINUTE),
            uploads_per_account: Limit::per(30, 10 * MINUTE),
            csp_reports_per_ip: Limit::per(60, MINUTE),
            passkey_logins_per_ip: Limit::per(30, 10 * MINUTE),
            lockout_after: 5,
            lockout_base: MINUTE,
            lockout_max: 60 * MINUTE,
        }
    }
}

impl Limits {
    /// Every per-window maximum multiplied by `factor` (lockout is left as it is: it
    /// protects one account, whatever the traffic).
    pub fn scaled(self, factor: u32) -> Self {
        let scale = |l: Limit| Limit::per(l.max.saturating_mul(u64::from(factor)), l.window);
        Self {
            login_per_ip: scale(self.login_per_ip),
            login_per_account: scale(self.login_per_account),
            register_per_ip: scale(self.register_per_ip),
            register_per_account: scale(self.register_per_account),
            reset_per_ip: scale(self.reset_per_ip),
            reset_per_account: scale(self.reset_per_account),
            verification_per_ip: scale(self.verification_per_ip),
            verification_per_account: scale(self.verification_per_account),
            holds_per_account: scale(self.holds_per_account),
            uploads_per_account: scale(self.uploads_per_account),
            csp_reports_per_ip: scale(self.csp_reports_per_ip),
            passkey_logins_per_ip: scale(self.passkey_logins_per_ip),
            ..self
        }
    }
}

/// How long to wait before trying again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub Duration);

impl RetryAfter {
    /// Whole seconds, at least one, for the `Retry-After` header.
    pub fn seconds(self) -> u64 {
        self.0.as_secs_f64().ceil().max(1.0) as u64
    }
}

/// The counter store (Redis) failed; checks log it and let the request through.
#[derive(Debug, thiserror::Error)]
#[error("rate-limit store failed: {0}")]
pub struct ThrottleError(pub String);

/// Where counters live.
pub trait CounterStore: Send + Sync {
    /// Adds one to `key`, starting a window of `window` on the first hit. Returns the
    /// count and the time left in the window.
    fn hit(
        &self,
        key: &str,
        window: Duration,
    ) -> BoxFuture<'_, Result<(u64, Duration), ThrottleError>>;
    /// Time left on a flag set with `set`, if it is set.
    fn remaining(&self, key: &str) -> BoxFuture<'_, Result<Option<Duration>, ThrottleError>>;
    /// Sets a flag on `key` that lasts `ttl` (a lockout, a distrusted device).
    fn set(&self, key: &str, ttl: Duration) -> BoxFuture<'_, Result<(), ThrottleError>>;
    /// Removes a flag (a lifted lockout).
    fn clear(&self, key: &str) -> BoxFuture<'_, Result<(), ThrottleError>>;
}

/// What a failed login led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureOutcome {
    /// Not locked (yet).
    Counted,
    /// This failure locked the address for the given time; `first` when it is the first
    /// lockout in this series (the owner is emailed once per series).
    LockedOut {
        /// How long the address stays locked.
        duration: Duration,
        /// Whether this lock starts a new series (the owner is emailed then).
        first: bool,
    },
}

/// Rate limits and lockout for this deployment, over a shared or local counter store.
pub struct Throttle {
    store: Box<dyn CounterStore>,
    /// Namespaces the keys, so instances of different deployments sharing Redis (or test
    /// runs) never share counters.
    prefix: String,
    /// The limits in force.
    pub limits: Limits,
}

impl Throttle {
    /// Counters in this process only: right for one instance, or tests.
    pub fn in_process(limits: Limits) -> Self {
        Self::new(Box::new(InProcess::default()), "mentora", limits)
    }

    /// Counters in `store`, with keys under `prefix` so deployments sharing Redis never mix.
    pub fn new(store: Box<dyn CounterStore>, prefix: &str, limits: Limits) -> Self {
        Self {
            store,
            prefix: prefix.to_owned(),
            limits,
        }
    }

    /// Counts one hit on `what` (e.g. `login:ip:203.0.113.9`); refuses once over `limit`.
    pub async fn check(&self, what: &str, limit: Limit) -> Result<(), RetryAfter> {
        let key = format!("{}:rl:{what}", self.prefix);
        match self.store.hit(&key, limit.window).await {
            Ok((count, left)) if count > limit.max => Err(RetryAfter(left)),
            Ok(_) => Ok(()),
            Err(e) => {
                // A broken counter store must not lock everyone out: log and allow.
                tracing::error!(error = %e, "rate-limit check failed; allowing the request");
                Ok(())
            }
        }
    }

    /// Time left on the address's lockout, if it is locked.
    pub async fn locked(&self, email: &str) -> Option<RetryAfter> {
        let key = format!("{}:lock:{email}", self.prefix);
        match self.store.remaining(&key).await {
            Ok(left) => left.map(RetryAfter),
            Err(e) => {
                tracing::error!(error = %e, "lockout check failed; allowing the request");
                None
            }
        }
    }

    /// Counts a failed login on the address, locking it once failures reach the threshold:
    /// `base`, then doubling with each further failure, capped at `max`.
    pub async fn login_failed(&self, email: &str) -> FailureOutcome {
        let failures_key = format!("{}:fail:{email}", self.prefix);
        let failures = match self
            .store
            .hit(&failures_key, Duration::from_secs(24 * 3600))
            .await
        {
            Ok((count, _)) => count,
            Err(e) => {
                tracing::error!(error = %e, "counting a failed login failed");
                return FailureOutcome::Counted;
            }
        };
        let Some(over) = failures.checked_sub(self.limits.lockout_after) else {
            return FailureOutcome::Counted;
        };
        let factor = 1u32.checked_shl(over.min(20) as u32).unwrap_or(u32::MAX);
        let duration = self
            .limits
            .lockout_base
            .saturating_mul(factor)
            .min(self.limits.lockout_max);
        let lock_key = format!("{}:lock:{email}", self.prefix);
        if let Err(e) = self.store.set(&lock_key, duration).await {
            tracing::error!(error = %e, "setting a lockout failed");
        }
        FailureOutcome::LockedOut {
            duration,
            first: over == 0,
        }
    }

    /// The owner proved control of the address (a completed sign-in by link): the lock
    /// lifts. The failures stay counted, so the next wrong password locks again at once.
    pub async fn unlock(&self, email: &str) {
        let key = format!("{}:lock:{email}", self.prefix);
        if let Err(e) = self.store.clear(&key).await {
            tracing::error!(error = %e, "clearing a lockout failed");
        }
    }

    /// A wrong password from a known device (`device` is its secret's digest). From
    /// `lockout_after` of them within a day, the device is distrusted for a day: it is
    /// held to the lock like any stranger's.
    pub async fn device_failed(&self, device: &str) {
        let day = Duration::from_secs(24 * 3600);
        let key = format!("{}:device-fail:{device}", self.prefix);
        match self.store.hit(&key, day).await {
            Ok((count, _)) if count >= self.limits.lockout_after => {
                let flag = format!("{}:device-distrusted:{device}", self.prefix);
                if let Err(e) = self.store.set(&flag, day).await {
                    tracing::error!(error = %e, "distrusting a device failed");
                }
            }
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "counting a device's failed login failed"),
        }
    }

    /// Whether a known device gave too many wrong passwords lately to be trusted.
    pub async fn device_distrusted(&self, device: &str) -> bool {
        let flag = format!("{}:device-distrusted:{device}", self.prefix);
        match self.store.remaining(&flag).await {
            Ok(left) => left.is_some(),
            Err(e) => {
                // A broken counter store: trust nothing extra.
                tracing::error!(error = %e, "reading a device's standing failed");
                true
            }
        }
    }

    /// A successful login ends the series of failures.
    pub async fn login_succeeded(&self, email: &str) {
        let key = format!("{}:fail:{email}", self.prefix);
        if let Err(e) = self.store.clear(&key).await {
            tracing::error!(error = %e, "clearing failed logins failed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tight() -> Limits {
        Limits {
            lockout_after: 3,
            lockout_base: Duration::from_secs(60),
            lockout_max: Duration::from_secs(300),
            ..Limits::default()
        }
    }

    #[tokio::test]
    async fn limits_refuse_past_the_maximum_with_the_time_left() {
        let throttle = Throttle::in_process(tight());
        let limit = Limit::per(2, Duration::from_secs(60));
        assert!(throttle.check("a", limit).await.is_ok());
        assert!(throttle.check("a", limit).await.is_ok());
        let refused = throttle.check("a", limit).await.unwrap_err();
        assert!(refused.seconds() > 0 && refused.seconds() <= 60);
        // Other keys are counted apart.
        assert!(throttle.check("b", limit).await.is_ok());
    }

    #[tokio::test]
    async fn lockout_starts_at_the_threshold_and_doubles_up_to_the_cap() {
        let throttle = Throttle::in_process(tight());
        let email = "who@example.org";
        assert_eq!(throttle.login_failed(email).await, FailureOutcome::Counted);
        assert_eq!(throttle.login_failed(email).await, FailureOutcome::Counted);
        assert!(throttle.locked(email).await.is_none());
        let minute = Duration::from_secs(60);
        assert_eq!(
            throttle.login_failed(email).await,
            FailureOutcome::LockedOut {
                duration: minute,
                first: true
            }
        );
        assert!(throttle.locked(email).await.is_some());
        assert_eq!(
            throttle.login_failed(email).await,
            FailureOutcome::LockedOut {
                duration: 2 * minute,
                first: false
            }
        );
        assert_eq!(
            throttle.login_failed(email).await,
            FailureOutcome::LockedOut {
                duration: 4 * minute,
                first: false
            }
        );
        assert_eq!(
            throttle.login_failed(email).await,
            FailureOutcome::LockedOut {
                duration: 5 * minute,
                first: false
            }
        );
        throttle.login_succeeded(email).await;
        assert_eq!(throttle.login_failed(email).await, FailureOutcome::Counted);
    }
}
