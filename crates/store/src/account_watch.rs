//! Who is told when an account changes: a person's account row, roles, logins or unread
//! notifications. Every store function that writes one of them announces the account once
//! its write is committed, so a cache of signed-in viewers above (see `app::viewers`) can
//! drop its copy, here and, through what it does with the news, on other instances. Being
//! in the store, no writer can forget to tell: not a use case, not a test, not a job.

use std::sync::{Arc, RwLock};

use futures::future::BoxFuture;
use uuid::Uuid;

/// Returns a future so a listener can tell other instances before the write's caller
/// answers: the person's next request, wherever it lands, then finds no stale copy.
pub(crate) type Listener = Arc<dyn Fn(Uuid) -> BoxFuture<'static, ()> + Send + Sync>;

/// The listeners of one database (shared by its clones).
#[derive(Default)]
pub(crate) struct AccountWatch {
    listeners: RwLock<Vec<Listener>>,
}

impl AccountWatch {
    pub(crate) fn listen(&self, listener: Listener) {
        self.listeners
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(listener);
    }

    /// Tells every listener that `account` changed. Called after the write is committed:
    /// told before, a cache could read the old row again and keep it.
    pub(crate) async fn changed(&self, account: Uuid) {
        let listeners = self
            .listeners
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        for listener in listeners {
            listener(account).await;
        }
    }
}
