//! Sending email. Without SMTP configured every message goes to the dev outbox, which
//! administrators can read, and to the log. With SMTP, requests queue each message as a
//! durable `email` job ([`QueuedMailer`]) and the job workers send it ([`SmtpMailer`]),
//! retrying with backoff; either way a message is composed the same way ([`compose`]):
//! plain text and HTML in the recipient's language, the session's invite attached, and
//! a one-click unsubscribe header on what is not essential.

use futures::future::BoxFuture;
use store::Database;

/// One message to one person, already in their language.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Email {
    /// The recipient's address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body (links included as text).
    pub text: String,
    /// An iCalendar invite (`text/calendar`) to go with the text, for session emails.
    pub calendar: Option<String>,
    /// The one-click unsubscribe URL of non-essential mail (`List-Unsubscribe`, POSTed
    /// to by mail clients).
    #[serde(default)]
    pub unsubscribe: Option<String>,
    /// The page the footer's unsubscribe link opens (it asks before it changes anything).
    #[serde(default)]
    pub unsubscribe_page: Option<String>,
    /// The recipient's language tag, for the HTML part's `lang` and direction.
    #[serde(default)]
    pub lang: Option<String>,
}

/// A message that could not be handed to the transport; callers log it and carry on.
#[derive(Debug, thiserror::Error)]
#[error("email to {to} could not be sent: {reason}")]
pub struct MailError {
    /// The address it was for.
    pub to: String,
    /// What the transport said.
    pub reason: String,
}

/// Where email goes. A trait object so deployments (and tests) choose the transport.
pub trait Mailer: Send + Sync {
    /// Hands the message to the transport; `Ok` means accepted, not delivered.
    fn send(&self, email: Email) -> BoxFuture<'_, Result<(), MailError>>;

    /// Sends a message known by `id`, for a job that may run again after a crash: where
    /// the transport can tell, the same id twice is one message (the outbox stores it
    /// once). A transport that cannot tell sends it again: at least once, not exactly.
    fn send_once(&self, id: uuid::Uuid, email: Email) -> BoxFuture<'_, Result<(), MailError>> {
        let _ = id;
        self.send(email)
    }
}

/// Stores every message in the outbox table instead of sending it.
pub struct OutboxMailer {
    db: Database,
}

impl OutboxMailer {
    /// An outbox mailer writing to `db`.
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

impl Mailer for OutboxMailer {
    fn send(&self, email: Email) -> BoxFuture<'_, Result<(), MailError>> {
        // A message of its own: a fresh id, stored once like any other.
        self.send_once(self.db.new_id(), email)
    }

    fn send_once(&self, id: uuid::Uuid, email: Email) -> BoxFuture<'_, Result<(), MailError>> {
        Box::pin(async move {
            let stored = store::outbox::push_once(
                &self.db,
                id,
                &email.to,
                &email.subject,
                &email.text,
                email.calendar.as_deref(),
            )
            .await
            .map_err(|e| MailError {
                to: email.to.clone(),
                reason: e.to_string(),
            })?;
            if stored {
                tracing::info!(to = %email.to, subject = %email.subject, "email stored in the dev outbox");
            }
            Ok(())
        })
    }
}

/// The newest `limit` messages of the dev outbox, for operators (and tests) to read.
pub async fn outbox(
    db: &Database,
    limit: u64,
) -> Result<Vec<store::outbox::OutboxMessage>, store::StoreError> {
    store::outbox::newest(db, limit).await
}

mod compose;
mod queued;
mod smtp;

pub use compose::{Sender, compose, html_of, mailbox};
pub use queued::QueuedMailer;
pub use smtp::{SmtpMailer, SmtpSettings, TlsMode};
