//! Sending email. Without SMTP configured every message goes to the dev outbox, which
//! administrators can read, and to the log.

use futures::future::BoxFuture;
use store::Database;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// An iCalendar invite (`text/calendar`) to go with the text, for session emails.
    pub calendar: Option<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("email to {to} could not be sent: {reason}")]
pub struct MailError {
    pub to: String,
    pub reason: String,
}

/// Where email goes. A trait object so deployments (and tests) choose the transport.
pub trait Mailer: Send + Sync {
    fn send(&self, email: Email) -> BoxFuture<'_, Result<(), MailError>>;
}

/// Stores every message in the outbox table instead of sending it.
pub struct OutboxMailer {
    db: Database,
}

impl OutboxMailer {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

impl Mailer for OutboxMailer {
    fn send(&self, email: Email) -> BoxFuture<'_, Result<(), MailError>> {
        Box::pin(async move {
            store::outbox::push(
                &self.db,
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
            tracing::info!(to = %email.to, subject = %email.subject, "email stored in the dev outbox");
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
