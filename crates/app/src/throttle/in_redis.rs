//! Counters in Redis, shared by every instance — and, while Redis is away, this instance's
//! own counters in its place.

use std::time::Duration;

use futures::future::BoxFuture;

use super::{CounterStore, InProcess, ThrottleError};
use crate::redis_link::{RedisLink, Unavailable};

/// Counters in Redis, shared by every instance.
pub struct InRedis {
    link: RedisLink,
}

impl InRedis {
    /// Counters over `link`; each call fails fast while Redis is away.
    pub fn new(link: RedisLink) -> Self {
        Self { link }
    }
}

/// INCR and start the window on the first hit, atomically; return count and time left.
const HIT_SCRIPT: &str = r"
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
";

fn unavailable(e: Unavailable) -> ThrottleError {
    ThrottleError(e.to_string())
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX).max(1)
}

impl CounterStore for InRedis {
    fn hit(
        &self,
        key: &str,
        window: Duration,
    ) -> BoxFuture<'_, Result<(u64, Duration), ThrottleError>> {
        let key = key.to_owned();
        Box::pin(async move {
            let (count, ttl): (u64, i64) = self
                .link
                .run(|mut conn| async move {
                    redis::Script::new(HIT_SCRIPT)
                        .key(key)
                        .arg(millis(window))
                        .invoke_async(&mut conn)
                        .await
                })
                .await
                .map_err(unavailable)?;
            Ok((count, Duration::from_millis(ttl.max(0) as u64)))
        })
    }

    fn remaining(&self, key: &str) -> BoxFuture<'_, Result<Option<Duration>, ThrottleError>> {
        let key = key.to_owned();
        Box::pin(async move {
            let ttl: i64 =
                self.link
                    .run(|mut conn| async move {
                        redis::cmd("PTTL").arg(key).query_async(&mut conn).await
                    })
                    .await
                    .map_err(unavailable)?;
            Ok((ttl > 0).then(|| Duration::from_millis(ttl as u64)))
        })
    }

    fn set(&self, key: &str, ttl: Duration) -> BoxFuture<'_, Result<(), ThrottleError>> {
        let key = key.to_owned();
        Box::pin(async move {
            self.link
                .run(|mut conn| async move {
                    redis::cmd("SET")
                        .arg(key)
                        .arg(1)
                        .arg("PX")
                        .arg(millis(ttl))
                        .query_async::<()>(&mut conn)
                        .await
                })
                .await
                .map_err(unavailable)
        })
    }

    fn clear(&self, key: &str) -> BoxFuture<'_, Result<(), ThrottleError>> {
        let key = key.to_owned();
        Box::pin(async move {
            self.link
                .run(|mut conn| async move {
                    redis::cmd("DEL")
                        .arg(key)
                        .query_async::<()>(&mut conn)
                        .await
                })
                .await
                .map_err(unavailable)
        })
    }
}

/// Redis's counters while it answers, this instance's own while it does not. During an
/// outage each instance counts on its own, so a limit of N lets through up to N per
/// instance — looser, never open. Lockouts set during the outage hold on the instance that
/// set them; lockouts set before it are unseen until Redis is back.
pub struct SharedOrLocal {
    shared: InRedis,
    local: InProcess,
}

impl SharedOrLocal {
    /// Redis's counters over `link`, falling back to this process's own.
    pub fn new(link: RedisLink) -> Self {
        Self {
            shared: InRedis::new(link),
            local: InProcess::default(),
        }
    }
}

impl CounterStore for SharedOrLocal {
    fn hit(
        &self,
        key: &str,
        window: Duration,
    ) -> BoxFuture<'_, Result<(u64, Duration), ThrottleError>> {
        let key = key.to_owned();
        Box::pin(async move {
            match self.shared.hit(&key, window).await {
                Ok(hit) => Ok(hit),
                Err(_) => self.local.hit(&key, window).await,
            }
        })
    }

    fn remaining(&self, key: &str) -> BoxFuture<'_, Result<Option<Duration>, ThrottleError>> {
        let key = key.to_owned();
        Box::pin(async move {
            match self.shared.remaining(&key).await {
                // A flag set locally during an outage still counts once Redis is back.
                Ok(shared) => Ok(shared.max(self.local.remaining(&key).await?)),
                Err(_) => self.local.remaining(&key).await,
            }
        })
    }

    fn set(&self, key: &str, ttl: Duration) -> BoxFuture<'_, Result<(), ThrottleError>> {
        let key = key.to_owned();
        Box::pin(async move {
            match self.shared.set(&key, ttl).await {
                Ok(()) => Ok(()),
                Err(_) => self.local.set(&key, ttl).await,
            }
        })
    }

    fn clear(&self, key: &str) -> BoxFuture<'_, Result<(), ThrottleError>> {
        let key = key.to_owned();
        Box::pin(async move {
            // Both: a flag may have been set locally during an outage.
            self.local.clear(&key).await?;
            self.shared.clear(&key).await
        })
    }
}
