//! Storage trouble as `/readyz` reports it: a change refused for lack of space marks the
//! storage full until `/readyz` finds that the database and the file store take a write
//! again. Only that probe heals it: a request that succeeded may have written nothing (a
//! CSP report, say), and an instance left without traffic must heal too.

use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;
use crate::error::{ErrorCode, ErrorInfo};

/// Whether the last change this instance attempted was refused for lack of space.
#[derive(Debug, Default)]
pub struct StorageWatch {
    full: AtomicBool,
}

impl StorageWatch {
    pub fn is_full(&self) -> bool {
        self.full.load(Ordering::Relaxed)
    }

    pub fn set_full(&self, full: bool) {
        self.full.store(full, Ordering::Relaxed);
    }
}

/// Marks the storage full on a `storage_full` answer.
pub async fn watch(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let refused = response
        .extensions()
        .get::<ErrorInfo>()
        .is_some_and(|ErrorInfo(e)| e.code == ErrorCode::StorageFull);
    if refused {
        state.storage.set_full(true);
    }
    response
}
