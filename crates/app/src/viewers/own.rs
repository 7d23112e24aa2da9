//! What a viewer's own pages read on every visit — "My sessions" reads the person's
//! bookings, whether their calendar feed is on, where they stand with the recommendation
//! question — kept with the viewer's account and dropped with it, and the display names of
//! the people those pages show, each dropped with its own account.
//!
//! Both are only as fresh as the announcements behind them: the store announces an
//! account at every committed change to its row, roles, logins and notifications, and at
//! every write to a booking (both its people), to its calendar feed or to its answers to
//! the question. A slot that reads anything else must have its writes announced too.

use std::collections::HashMap;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

use store::{Database, StoreError};
use uuid::Uuid;

use super::{CAPACITY, Own, ViewerCache};

/// About the most bytes all accounts' own copies weigh together: a viewer's dashboard is a
/// few kilobytes, so this keeps thousands. A copy that would pass it drops all of them.
const OWN_BUDGET: usize = 32 << 20;

/// One kind of value kept per account, and its type: each slot is declared once, next to
/// the code that fills it, so two callers cannot keep different types under one name.
pub struct Slot<T> {
    name: &'static str,
    kind: PhantomData<fn() -> T>,
}

impl<T> Slot<T> {
    /// A slot named `name`, unique among slots.
    pub const fn new(name: &'static str) -> Self {
        Self {
            name,
            kind: PhantomData,
        }
    }
}

impl ViewerCache {
    /// The copy of `account`'s `slot` kept here, or what `load` reads: the value and about
    /// what it weighs in bytes. It is kept only with the account's own copy (a viewer's, so
    /// after `signed_in` or `account`), for as long as that copy, and only when nothing
    /// about any account changed while it was read.
    pub async fn own<T, E, F, Fut>(
        &self,
        account: Uuid,
        slot: &Slot<T>,
        load: F,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<(T, usize), E>>,
    {
        if let Some(Some(copy)) =
            self.with_account(account, |a| a.own.get(slot.name).map(|o| o.value.clone()))
            && let Ok(value) = copy.downcast::<T>()
        {
            return Ok(value);
        }
        let began = self.begin();
        let (value, weight) = load().await?;
        let value = Arc::new(value);
        let kept = value.clone();
        self.keep(began, |state, _| {
            if !state.accounts.contains_key(&account) {
                return;
            }
            if state.own_bytes.saturating_add(weight) > OWN_BUDGET {
                for a in state.accounts.values_mut() {
                    a.own.clear();
                }
                state.own_bytes = 0;
            }
            let Some(a) = state.accounts.get_mut(&account) else {
                return;
            };
            if let Some(old) = a.own.insert(
                slot.name,
                Own {
                    value: kept,
                    weight,
                },
            ) {
                state.own_bytes = state.own_bytes.saturating_sub(old.weight);
            }
            state.own_bytes = state.own_bytes.saturating_add(weight);
        });
        Ok(value)
    }

    /// The display names of `ids`; an account that is gone has none. Names kept here are
    /// not read again; the others are read in one statement and kept.
    pub async fn names(
        &self,
        db: &Database,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, String>, StoreError> {
        let mut found = HashMap::with_capacity(ids.len());
        let mut missing = Vec::new();
        match self.serving() {
            Some(generation) => {
                let state = self.lock();
                for id in ids {
                    match state.names.get(id) {
                        Some(copy) if self.fresh(copy, generation) => {
                            found.insert(*id, copy.value.clone());
                        }
                        _ => missing.push(*id),
                    }
                }
            }
            None => missing.extend_from_slice(ids),
        }
        if missing.is_empty() {
            return Ok(found);
        }
        let began = self.begin();
        let read = store::users::display_names(db, &missing).await?;
        self.keep(began, |state, stamp| {
            // Names outlast their lifetime until read again: past the cap, start afresh.
            if state.names.len() + read.len() > CAPACITY {
                state.names.clear();
            }
            for (id, name) in &read {
                state.names.insert(*id, stamp.copy(name.clone()));
            }
        });
        found.extend(read);
        Ok(found)
    }

    /// Whether this instance keeps `account`'s `slot` now (for tests).
    pub fn keeps<T>(&self, account: Uuid, slot: &Slot<T>) -> bool {
        self.with_account(account, |a| a.own.contains_key(slot.name))
            .unwrap_or(false)
    }
}
