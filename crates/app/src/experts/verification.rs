//! Verifiers at work: the queue of applications, decisions with reasons (emailed to the
//! expert and written to the audit log), and suspending experts.

use domain::Role;
use domain::expert::{self, ApplicationStatus, Decision};
use i18n::Locale;
use store::experts::{self, ExpertProfile, QueueEntry};
use store::logins::ClientInfo;
use store::users::{self, User};
use store::{Database, audit};
use uuid::Uuid;

use super::application::OwnApplication;
use super::{ExpertError, field};
use crate::accounts::{LinkBase, send};
use crate::mail::Mailer;

/// Applications waiting in `status` (submitted ones: the queue), oldest first.
pub async fn queue(
    db: &Database,
    status: ApplicationStatus,
) -> Result<Vec<QueueEntry>, ExpertError> {
    Ok(experts::by_status(db, status, 200).await?)
}

/// How many sessions `expert` has cancelled, which verifiers weigh when suspending.
pub async fn expert_cancellations(db: &Database, expert: Uuid) -> Result<i64, ExpertError> {
    Ok(store::bookings::expert_cancellations(db, expert).await?)
}

/// One application as its verifier sees it: the applicant and everything they sent.
pub struct Review {
    /// The applicant's account.
    pub applicant: User,
    /// The application, its documents and earlier decisions.
    pub application: OwnApplication,
}

/// One application for its verifier; `NotFound` when the account never applied.
pub async fn review(db: &Database, expert_id: Uuid) -> Result<Review, ExpertError> {
    let applicant = users::find_by_id(db, expert_id)
        .await?
        .ok_or(ExpertError::NotFound)?;
    let application = super::application::own(db, &applicant)
        .await?
        .ok_or(ExpertError::NotFound)?;
    Ok(Review {
        applicant,
        application,
    })
}

/// A verifier's answer as it arrives: which application, what, and why.
pub struct DecisionInput<'a> {
    /// The applicant's account id.
    pub expert_id: Uuid,
    /// `approve`, `reject` or `request_changes`.
    pub decision: &'a str,
    /// Why; shown to the applicant and emailed (3 to 2,000 characters).
    pub reason: &'a str,
}

/// Decides a submitted application. Approval grants the expert role and the verified
/// badge; every decision's reason is emailed to the applicant and audited.
pub async fn decide(
    db: &Database,
    mailer: &dyn Mailer,
    links: LinkBase<'_>,
    verifier: &User,
    input: DecisionInput<'_>,
    client: &ClientInfo,
) -> Result<ExpertProfile, ExpertError> {
    let expert_id = input.expert_id;
    let decision = Decision::parse(input.decision);
    let reason = expert::parse_reason(input.reason);
    let mut errors = Vec::new();
    if decision.is_none() {
        errors.push(field("decision", "expert-decision-invalid"));
    }
    if let Err(e) = &reason {
        errors.push(field("reason", e.0));
    }
    let (Some(decision), Ok(reason)) = (decision, reason) else {
        return Err(ExpertError::Invalid(errors));
    };
    not_own(verifier, expert_id)?;
    let applicant = users::find_by_id(db, expert_id)
        .await?
        .ok_or(ExpertError::NotFound)?;
    experts::decide(db, expert_id, decision, &reason, verifier.id)
        .await?
        .map_err(ExpertError::from)?;
    if decision == Decision::Approve {
        users::grant_role(db, expert_id, Role::Expert).await?;
    }
    let kind = match decision {
        Decision::Approve => "expert.approved",
        Decision::Reject => "expert.rejected",
        Decision::RequestChanges => "expert.changes_requested",
    };
    audit::record(
        db,
        audit::NewAuditEvent {
            user_id: Some(expert_id),
            actor_id: Some(verifier.id),
            kind,
            client,
            detail: serde_json::json!({ "reason": reason }).to_string(),
        },
    )
    .await?;
    let locale = Locale::from_tag(&applicant.locale).unwrap_or(Locale::En);
    let stem = format!("email-expert-{}", decision.as_str().replace('_', "-"));
    let text = locale.t_args(
        &format!("{stem}-body"),
        &[
            ("name", applicant.display_name.clone()),
            ("reason", reason),
            ("link", format!("{}/experts/apply", links.0)),
        ],
    );
    tell(
        mailer,
        &applicant.email,
        locale.t(&format!("{stem}-subject")),
        text,
    )
    .await;
    crate::jobs::notify::later(
        db,
        applicant.id,
        domain::notification::Kind::ApplicationDecided,
        serde_json::json!({}),
    )
    .await;
    experts::find(db, expert_id)
        .await?
        .ok_or(ExpertError::NotFound)
}

/// Suspends (hidden from search, existing bookings kept) or reinstates an approved expert.
/// The expert is told by email either way. Returns the profile as it now is.
pub async fn set_suspended(
    db: &Database,
    mailer: &dyn Mailer,
    admin: &User,
    expert_id: Uuid,
    suspended: bool,
    reason: &str,
    client: &ClientInfo,
) -> Result<ExpertProfile, ExpertError> {
    let reason = expert::parse_reason(reason)
        .map_err(|e| ExpertError::Invalid(vec![field("reason", e.0)]))?;
    not_own(admin, expert_id)?;
    let expert = users::find_by_id(db, expert_id)
        .await?
        .ok_or(ExpertError::NotFound)?;
    let changed = experts::set_suspended(db, expert_id, suspended, &reason)
        .await?
        .map_err(ExpertError::from)?;
    if changed {
        audit::record(
            db,
            audit::NewAuditEvent {
                user_id: Some(expert_id),
                actor_id: Some(admin.id),
                kind: if suspended {
                    "expert.suspended"
                } else {
                    "expert.reinstated"
                },
                client,
                detail: serde_json::json!({ "reason": reason }).to_string(),
            },
        )
        .await?;
        // Learners with upcoming sessions are told by the booking code, which owns them.
        let locale = Locale::from_tag(&expert.locale).unwrap_or(Locale::En);
        let stem = if suspended {
            "email-expert-suspended"
        } else {
            "email-expert-reinstated"
        };
        let text = locale.t_args(
            &format!("{stem}-body"),
            &[("name", expert.display_name.clone()), ("reason", reason)],
        );
        tell(
            mailer,
            &expert.email,
            locale.t(&format!("{stem}-subject")),
            text,
        )
        .await;
        crate::jobs::notify::later(
            db,
            expert.id,
            domain::notification::Kind::ApplicationDecided,
            serde_json::json!({}),
        )
        .await;
    }
    experts::find(db, expert_id)
        .await?
        .ok_or(ExpertError::NotFound)
}

/// Verification is a second pair of eyes: an operator's own application (or suspension)
/// needs another operator, unless a role grants `experts.verify_own` (none does).
fn not_own(operator: &User, expert_id: Uuid) -> Result<(), ExpertError> {
    let own = operator.id == expert_id
        && !domain::permission::allows(&operator.roles, domain::Permission::ExpertsVerifyOwn);
    if own {
        Err(ExpertError::OwnApplication)
    } else {
        Ok(())
    }
}

/// Emails the expert about a change already committed. A failed delivery is logged, not
/// returned: the verifier's action happened, and answering 500 would invite a retry that
/// the application's new state refuses. The reason stays on the application page.
async fn tell(mailer: &dyn Mailer, to: &str, subject: String, text: String) {
    if let Err(e) = send(mailer, to, subject, text).await {
        tracing::error!(error = %e, "emailing an expert about a verification decision failed");
    }
}
