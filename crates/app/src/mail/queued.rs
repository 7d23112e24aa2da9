//! The mailer requests use when a real transport is configured: each message becomes a
//! durable `email` job, so a slow or failing relay never holds up a page, and a message
//! survives a crash and is retried with backoff by the workers (which send it through
//! the real transport).

use futures::future::BoxFuture;
use store::Database;

use super::{Email, MailError, Mailer};

/// Queues every message as an `email` job.
pub struct QueuedMailer {
    db: Database,
}

impl QueuedMailer {
    /// Queues into `db`'s job table.
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

impl Mailer for QueuedMailer {
    fn send(&self, email: Email) -> BoxFuture<'_, Result<(), MailError>> {
        self.send_once(self.db.new_id(), email)
    }

    fn send_once(&self, id: uuid::Uuid, email: Email) -> BoxFuture<'_, Result<(), MailError>> {
        Box::pin(async move {
            crate::jobs::email::send_later_once(&self.db, id, &email)
                .await
                .map(|_| ())
                .map_err(|e| MailError {
                    to: email.to.clone(),
                    reason: e.to_string(),
                })
        })
    }
}
