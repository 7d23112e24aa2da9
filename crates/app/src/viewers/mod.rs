//! Signed-in viewers kept in this process for a short while: the login behind a page's
//! cookie, the account with its roles and preferences, and its unread count. A signed-in
//! page otherwise reads two to four statements before doing any work of its own.
//!
//! A copy is dropped the moment its account changes: the store announces every committed
//! change to an account row, its roles, its logins or its notifications, and to the
//! account's bookings, calendar feed and answers to the recommendation question
//! (`Database::on_account_change`), and this cache forgets the account here and publishes
//! the change to the other instances through the live hub before the change's request
//! answers (the other instances drop their copy as the message arrives, within
//! milliseconds). A role change, a logout, a password change therefore applies at the
//! next request on every instance. The cache only serves while nothing can pass it by:
//! while the hub hears the other instances (Redis up and subscribed), or when this is the
//! only instance (SQLite without `allow_shared_sqlite`). Otherwise every request reads the
//! database. What a change made outside this binary (SQL by hand, an older version during
//! a rolling upgrade) does not announce applies within `viewer_cache_seconds`.
//!
//! With a viewer it keeps what their own pages read on every visit and the names of the
//! people those pages show (`own`).

mod own;

pub use own::Slot;

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures::FutureExt;
use store::logins::{self, Login};
use store::users::{self, User};
use store::{Database, StoreError};
use uuid::Uuid;

use crate::live::LiveHub;

/// The most logins (and as many accounts) one instance keeps; past it, all are dropped.
const CAPACITY: usize = 50_000;

/// Viewers of this instance, dropped on every instance when their account changes.
pub struct ViewerCache {
    hub: Arc<LiveHub>,
    /// How long a copy serves at most; zero turns the cache off.
    ttl: Duration,
    /// Whether every change is heard here (see the module's notes).
    hears_every_change: bool,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// Moves on at every forgotten account: a load that began before cannot be kept, since
    /// it may have read the row before the change was committed.
    epoch: u64,
    accounts: HashMap<Uuid, Account>,
    /// By the digest of the cookie's secret.
    logins: HashMap<String, Kept<Login>>,
    /// The digests of each account's kept logins, to forget them without a scan.
    logins_of: HashMap<Uuid, Vec<String>>,
    /// Display names of the people viewers' pages show (`own::names`).
    names: HashMap<Uuid, Kept<String>>,
    /// About what all accounts' `own` copies weigh in bytes (see `own::OWN_BUDGET`).
    own_bytes: usize,
}

struct Account {
    user: Kept<User>,
    unread: Option<u64>,
    /// What the account's own pages read, by slot (`ViewerCache::own`): kept as long as
    /// the account's copy, dropped with it.
    own: HashMap<&'static str, Own>,
}

/// One kept value of an account's own, and about what it weighs in bytes.
struct Own {
    value: Arc<dyn Any + Send + Sync>,
    weight: usize,
}

/// A copy and what it was read under.
struct Kept<T> {
    value: T,
    loaded: Instant,
    /// The hub's hearing and link generations then: a reconnect to Redis may have missed
    /// changes.
    generation: Generation,
}

/// (hearing, link): both move on when Redis comes back.
type Generation = (u64, u64);

impl ViewerCache {
    /// A cache for `db`'s viewers that tells other instances through `hub`. `single`: no
    /// other instance can write this database (SQLite with its serve lock), so a hub
    /// without Redis misses nothing.
    pub fn new(db: &Database, hub: Arc<LiveHub>, ttl: Duration, single: bool) -> Arc<Self> {
        let cache = Arc::new(Self {
            hears_every_change: hub.is_shared() || single,
            hub: hub.clone(),
            ttl,
            state: Mutex::default(),
        });
        let here = Arc::downgrade(&cache);
        db.on_account_change(move |account| {
            let here = here.clone();
            async move {
                let Some(cache) = here.upgrade() else { return };
                cache.forget(account);
                // On a task of its own: a request dropped while it publishes (a timeout, a
                // client gone) must not drop the announcement of what it committed.
                let hub = cache.hub.clone();
                drop(cache);
                let told = tokio::spawn(async move { hub.account_changed(account).await });
                if let Err(e) = told.await {
                    tracing::warn!(error = %e, "announcing an account change failed");
                }
            }
            .boxed()
        });
        let elsewhere = Arc::downgrade(&cache);
        hub.on_account_change(move |account| {
            if let Some(cache) = elsewhere.upgrade() {
                cache.forget(account);
            }
        });
        cache
    }

    /// The login a page cookie's `presented` secret opens, with its account: None when the
    /// login is unknown, ended or expired, or its account is gone.
    pub async fn signed_in(
        &self,
        db: &Database,
        presented: &str,
    ) -> Result<Option<(Login, User)>, StoreError> {
        let digest = domain::SecretDigest::of(presented);
        if let Some(mut login) = self.cached_login(digest.as_str())
            && logins::is_unexpired(db, &login)
            && let Some(user) = self.account(db, login.user_id).await?
        {
            let seen = login.last_seen_at;
            logins::touch_if_stale(db, &mut login).await?;
            if login.last_seen_at != seen {
                self.refresh_login(&login);
            }
            metrics::counter!("viewer_cache_total", "result" => "hit").increment(1);
            return Ok(Some((login, user)));
        }
        metrics::counter!("viewer_cache_total", "result" => "miss").increment(1);
        let began = self.begin();
        let Some(login) = logins::find_active(db, presented).await? else {
            return Ok(None);
        };
        let Some(user) = self.account(db, login.user_id).await? else {
            return Ok(None);
        };
        self.keep(began, |state, stamp| {
            let digest = login.digest.as_str().to_owned();
            let digests = state.logins_of.entry(login.user_id).or_default();
            if !digests.contains(&digest) {
                digests.push(digest.clone());
            }
            state.logins.insert(digest, stamp.copy(login.clone()));
        });
        Ok(Some((login, user)))
    }

    /// The account with its roles and preferences, None when there is none.
    pub async fn account(&self, db: &Database, id: Uuid) -> Result<Option<User>, StoreError> {
        if let Some(user) = self.with_account(id, |a| a.user.value.clone()) {
            return Ok(Some(user));
        }
        let began = self.begin();
        let Some(user) = users::find_by_id(db, id).await? else {
            return Ok(None);
        };
        self.keep(began, |state, stamp| {
            state.put_account(
                id,
                Account {
                    user: stamp.copy(user.clone()),
                    unread: None,
                    own: HashMap::new(),
                },
            );
        });
        Ok(Some(user))
    }

    /// How many of the account's notifications are unread.
    pub async fn unread(&self, db: &Database, viewer: &User) -> Result<u64, StoreError> {
        if let Some(Some(n)) = self.with_account(viewer.id, |a| a.unread) {
            return Ok(n);
        }
        let began = self.begin();
        let n = store::notifications::unread_count(db, viewer.id).await?;
        self.keep(began, |state, _| {
            if let Some(account) = state.accounts.get_mut(&viewer.id) {
                account.unread = Some(n);
            }
        });
        Ok(n)
    }

    /// Whether this instance keeps a copy of `account` now (for tests).
    pub fn holds(&self, account: Uuid) -> bool {
        self.with_account(account, |_| ()).is_some()
    }

    /// Drops what this instance holds of `account`.
    pub fn forget(&self, account: Uuid) {
        let mut state = self.lock();
        state.epoch += 1;
        state.drop_account(account);
        state.names.remove(&account);
        for digest in state.logins_of.remove(&account).unwrap_or_default() {
            state.logins.remove(&digest);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether copies may serve now, and the generation they must have been read under.
    fn serving(&self) -> Option<Generation> {
        (!self.ttl.is_zero() && self.hears_every_change && self.hub.hears_others())
            .then(|| (self.hub.hearing().generation, self.hub.link_generation()))
    }

    fn fresh<T>(&self, copy: &Kept<T>, generation: Generation) -> bool {
        copy.generation == generation && copy.loaded.elapsed() < self.ttl
    }

    fn cached_login(&self, digest: &str) -> Option<Login> {
        let generation = self.serving()?;
        let state = self.lock();
        let copy = state.logins.get(digest)?;
        self.fresh(copy, generation).then(|| copy.value.clone())
    }

    fn with_account<R>(&self, id: Uuid, read: impl FnOnce(&Account) -> R) -> Option<R> {
        let generation = self.serving()?;
        let state = self.lock();
        let account = state.accounts.get(&id)?;
        self.fresh(&account.user, generation).then(|| read(account))
    }

    fn refresh_login(&self, login: &Login) {
        if let Some(copy) = self.lock().logins.get_mut(login.digest.as_str()) {
            copy.value.last_seen_at = login.last_seen_at;
        }
    }

    /// Before a load: the epoch and generation it will be kept under, if it may be kept.
    fn begin(&self) -> Option<(u64, Generation)> {
        let generation = self.serving()?;
        Some((self.lock().epoch, generation))
    }

    /// Keeps what a load read, unless an account changed (or the hub reconnected) since it
    /// began.
    fn keep(&self, began: Option<(u64, Generation)>, put: impl FnOnce(&mut State, Stamp)) {
        let Some((epoch, generation)) = began else {
            return;
        };
        if self.serving() != Some(generation) {
            return;
        }
        let mut state = self.lock();
        if state.epoch != epoch {
            return;
        }
        if state.logins.len() >= CAPACITY || state.accounts.len() >= CAPACITY {
            state.logins.clear();
            state.logins_of.clear();
            state.accounts.clear();
            state.own_bytes = 0;
        }
        put(
            &mut state,
            Stamp {
                loaded: Instant::now(),
                generation,
            },
        );
    }
}

impl State {
    /// Keeps `account` in place of any earlier copy, whose own copies go with it.
    fn put_account(&mut self, id: Uuid, account: Account) {
        self.drop_account(id);
        self.accounts.insert(id, account);
    }

    fn drop_account(&mut self, id: Uuid) {
        if let Some(gone) = self.accounts.remove(&id) {
            let weight: usize = gone.own.values().map(|o| o.weight).sum();
            self.own_bytes = self.own_bytes.saturating_sub(weight);
        }
    }
}

/// When and under which generation a load is kept.
#[derive(Clone, Copy)]
struct Stamp {
    loaded: Instant,
    generation: Generation,
}

impl Stamp {
    fn copy<T>(self, value: T) -> Kept<T> {
        Kept {
            value,
            loaded: self.loaded,
            generation: self.generation,
        }
    }
}
