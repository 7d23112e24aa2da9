//! `notify`: an in-app notification for a change whose email its own use case sends
//! (a security alert, an application decision), stored and announced live by a worker,
//! which has the live hub the use case does not. Twice is harmless: the notification's id
//! is the job's.

use futures::FutureExt;
use futures::future::BoxFuture;
use jiff::SignedDuration;
use store::Database;
use store::jobs::Job;
use uuid::Uuid;

use super::{JobDeps, JobFailure, Kind};
use domain::notification::Kind as NotificationKind;

/// The `notify` kind.
pub const KIND: Kind = Kind {
    name: "notify",
    max_attempts: 8,
    lease: SignedDuration::from_mins(1),
    run,
};

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    account_id: Uuid,
    kind: String,
    data: serde_json::Value,
}

/// Queues an in-app notification of `kind` for `account`; a failure is logged (the email
/// went by its own path).
pub async fn later(db: &Database, account: Uuid, kind: NotificationKind, data: serde_json::Value) {
    let payload = serde_json::json!({
        "account_id": account,
        "kind": kind.as_str(),
        "data": data,
    });
    if let Err(e) = super::enqueue(db, &KIND, &payload, None, db.clock().now()).await {
        tracing::error!(error = %e, "an in-app notification could not be queued");
    } else {
        super::worker::wake();
    }
}

fn run<'a>(deps: &'a JobDeps, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
    async move {
        let payload: Payload = serde_json::from_str(&job.payload)
            .map_err(|e| format!("unreadable notification: {e}"))?;
        let Some(kind) = NotificationKind::parse(&payload.kind) else {
            return Err(format!("unknown notification kind {}", payload.kind));
        };
        let Some(user) = store::users::find_by_id(&deps.db, payload.account_id)
            .await
            .map_err(|e| e.to_string())?
        else {
            return Ok(());
        };
        let notifier = deps.notifier();
        let message = crate::notify::Message {
            id: job.id,
            kind,
            booking_id: None,
            data: payload.data,
            email: None,
        };
        notifier
            .tell(&user, message)
            .await
            .map_err(|e| e.to_string())?;
        Ok(())
    }
    .boxed()
}
