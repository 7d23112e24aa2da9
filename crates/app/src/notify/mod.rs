//! Telling a person something: in the notification centre (live, with the unread badge)
//! and by email, each as their preferences say, once.
//!
//! Every message has an id fixed by its cause (a job's id, a booking and a reminder), so
//! a cause handled twice stores one notification and sends one email where the transport
//! can tell. Essential email (account security, a session paid for, money) goes whatever
//! the preference; the rest carries a one-click unsubscribe link for its topic.

pub mod centre;
pub mod preferences;
pub mod unsubscribe;

use domain::notification::Kind;
use store::Database;
use store::users::User;
use uuid::Uuid;

use crate::live::{Channel, LiveHub};
use crate::mail::{Email, Mailer};

/// What telling needs.
#[derive(Clone, Copy)]
pub struct Notifier<'a> {
    /// Where notifications and preferences are stored.
    pub db: &'a Database,
    /// Where email goes (a durable queue when SMTP is configured).
    pub mailer: &'a dyn Mailer,
    /// Where the live badge hears of a new notification.
    pub hub: &'a LiveHub,
    /// The public origin, for unsubscribe links.
    pub base: &'a str,
}

/// One thing to tell one person.
#[derive(Debug, Clone)]
pub struct Message {
    /// Fixed by the cause: the same cause twice is one notification and one email.
    pub id: Uuid,
    /// What happened.
    pub kind: Kind,
    /// The booking it is about, for the link.
    pub booking_id: Option<Uuid>,
    /// The in-app wording's parameters (`other`, `start`, `refund`, …; see `centre`).
    pub data: serde_json::Value,
    /// The email, already in the person's language; none for in-app only.
    pub email: Option<Email>,
}

/// Why telling did not finish; a job retries (the notification is stored once by id,
/// and the email handed over once where the mailer can tell).
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// The notification could not be stored.
    #[error(transparent)]
    Store(#[from] store::StoreError),
    /// The email could not be handed over.
    #[error(transparent)]
    Mail(#[from] crate::mail::MailError),
}

impl Notifier<'_> {
    /// Tells `to` of `message` on the channels they chose.
    pub async fn tell(&self, to: &User, message: Message) -> Result<(), NotifyError> {
        let topic = message.kind.topic();
        let channels = match preferences::channels(self.db, to, topic).await {
            Ok(channels) => channels,
            Err(e) => {
                tracing::error!(error = %e, "reading notification preferences failed; using the defaults");
                domain::notification::DEFAULT_CHANNELS
            }
        };
        if channels.in_app {
            self.store_and_announce(to, &message).await?;
        }
        let Some(mut email) = message.email else {
            return Ok(());
        };
        if !message.kind.essential() {
            if !channels.email {
                return Ok(());
            }
            match unsubscribe::links(self.db, self.base, to.id, topic).await {
                Ok((one_click, page)) => {
                    email.unsubscribe = Some(one_click);
                    email.unsubscribe_page = Some(page);
                }
                Err(e) => {
                    // Without a working link the mail would break the promise of its
                    // header: better not to send a reminder than to send it unstoppable.
                    tracing::error!(error = %e, "no unsubscribe link; the email is not sent");
                    return Ok(());
                }
            }
        }
        Ok(self.mailer.send_once(message.id, email).await?)
    }

    async fn store_and_announce(
        &self,
        to: &User,
        message: &Message,
    ) -> Result<(), store::StoreError> {
        let row = store::notifications::Notification {
            id: message.id,
            account_id: to.id,
            topic: message.kind.topic().as_str().to_owned(),
            kind: message.kind.as_str().to_owned(),
            booking_id: message.booking_id,
            data: message.data.to_string(),
            created_at: self.db.clock().now().as_second(),
            read_at: None,
        };
        if !store::notifications::add(self.db, &row).await? {
            // Stored by an earlier run of the same cause, and announced then.
            return Ok(());
        }
        let unread = store::notifications::unread_count(self.db, to.id)
            .await
            .unwrap_or(0);
        self.hub
            .publish(
                Channel::Person(to.id),
                "notification",
                serde_json::json!({
                    "id": message.id,
                    "kind": message.kind.as_str(),
                    "booking_id": message.booking_id,
                    "unread": unread,
                }),
            )
            .await;
        Ok(())
    }
}

/// A message id made from a cause's id and a place (the n-th person told by one job).
pub fn id_from(cause: Uuid, n: u128) -> Uuid {
    Uuid::from_u128(cause.as_u128().wrapping_add(n))
}
