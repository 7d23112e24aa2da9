//! Reviews: the learner rates a completed session once (and may change it for 48 hours),
//! the expert replies once, anyone signed in marks a review helpful or reports it, and
//! operators hide or restore it with a reason, audited.

use domain::Permission;
use domain::booking::Actor;
use domain::learning::rating::RatingSummary;
use domain::learning::review::{EDIT_WINDOW, MAX_TEXT_CHARS, ReviewRefusal};
use domain::learning::{Stars, may_edit, may_review};
use jiff::Timestamp;
use store::Database;
use store::audit::NewAuditEvent;
use store::learning::reviews::{self, Mark, Order, ReviewRow, Verdict};
use store::logins::ClientInfo;
use store::users::User;
use uuid::Uuid;

use super::{LearningError, bounded, invalid, required, session};
use crate::bookings::notices::{Notice, tell};
use crate::notify::Notifier;

/// The longest report reason and moderation reason, in characters.
pub const MAX_REASON_CHARS: usize = 500;
/// A report's or a decision's reason: required, and not too long.
const REASON_MESSAGES: (&str, &str) = ("review-reason-required", "review-reason-too-long");
/// Reviews on one page of a profile.
pub const PAGE_SIZE: u64 = 10;

/// What a learner fills in: stars (1–5), optional aspects (1–5), optional words.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ReviewInput {
    /// Overall, 1 to 5 stars.
    pub rating: i64,
    /// How clearly the expert explained, 1 to 5 (optional).
    #[serde(default)]
    pub clarity: Option<i64>,
    /// How well prepared they were, 1 to 5 (optional).
    #[serde(default)]
    pub preparation: Option<i64>,
    /// Whether they were on time, 1 to 5 (optional).
    #[serde(default)]
    pub punctuality: Option<i64>,
    /// The review's words (optional, at most 4,000 characters).
    #[serde(default)]
    pub body: String,
}

fn verdict(input: &ReviewInput) -> Result<Verdict, LearningError> {
    let mut errors = Vec::new();
    let rating = Stars::new(input.rating);
    if rating.is_none() {
        errors.push(invalid("rating", "review-rating-invalid"));
    }
    let mut aspect = |value: Option<i64>, field: &'static str| match value {
        None => None,
        Some(v) => match Stars::new(v) {
            Some(s) => Some(i32::from(s.get())),
            None => {
                errors.push(invalid(field, "review-aspect-invalid"));
                None
            }
        },
    };
    let clarity = aspect(input.clarity, "clarity");
    let preparation = aspect(input.preparation, "preparation");
    let punctuality = aspect(input.punctuality, "punctuality");
    let body = bounded(
        &input.body,
        MAX_TEXT_CHARS,
        "body",
        "review-body-too-long",
        &mut errors,
    );
    match rating {
        Some(rating) if errors.is_empty() => Ok(Verdict {
            rating: i32::from(rating.get()),
            clarity,
            preparation,
            punctuality,
            body,
        }),
        _ => Err(LearningError::Invalid(errors)),
    }
}

fn refusal(r: ReviewRefusal) -> LearningError {
    match r {
        ReviewRefusal::NotCompleted => LearningError::NotCompleted,
        ReviewRefusal::WindowClosed => LearningError::ReviewWindowClosed,
        ReviewRefusal::EditClosed => LearningError::ReviewEditClosed,
    }
}

/// The session `booking` if `user` is its learner (only learners write reviews).
async fn learners_session(
    db: &Database,
    user: &User,
    booking: Uuid,
) -> Result<super::Session, LearningError> {
    let s = session(db, user, booking).await?;
    if s.side != Actor::Learner {
        return Err(LearningError::NotYours);
    }
    Ok(s)
}

/// The learner reviews their completed session, once; the expert is told (they may
/// reply).
pub async fn create(
    notifier: &Notifier<'_>,
    user: &User,
    booking: Uuid,
    input: &ReviewInput,
    now: Timestamp,
) -> Result<ReviewRow, LearningError> {
    let db = notifier.db;
    let s = learners_session(db, user, booking).await?;
    may_review(s.booking.status, s.booking.row.end_at, now).map_err(refusal)?;
    let verdict = verdict(input)?;
    let row = &s.booking.row;
    if !reviews::insert(db, booking, row.expert_id, row.learner_id, &verdict, now).await? {
        return Err(LearningError::ReviewExists);
    }
    tell(notifier, &s.booking, Notice::ReviewReceived, None).await;
    reviews::find(db, booking)
        .await?
        .ok_or(LearningError::NotFound)
}

/// The learner changes their review within 48 hours of writing it.
pub async fn edit(
    db: &Database,
    user: &User,
    booking: Uuid,
    input: &ReviewInput,
    now: Timestamp,
) -> Result<ReviewRow, LearningError> {
    learners_session(db, user, booking).await?;
    let existing = reviews::find(db, booking)
        .await?
        .ok_or(LearningError::NotFound)?;
    let written = Timestamp::from_second(existing.created_at).unwrap_or(Timestamp::MIN);
    may_edit(written, now).map_err(refusal)?;
    let verdict = verdict(input)?;
    // The store re-checks the window in its UPDATE, so a late save cannot slip through.
    if !reviews::update(db, booking, &verdict, now - EDIT_WINDOW, now).await? {
        return Err(LearningError::ReviewEditClosed);
    }
    reviews::find(db, booking)
        .await?
        .ok_or(LearningError::NotFound)
}

/// Writes the review, or changes it when there is one: what the booking page's one form
/// does.
pub async fn save(
    notifier: &Notifier<'_>,
    user: &User,
    booking: Uuid,
    input: &ReviewInput,
    now: Timestamp,
) -> Result<ReviewRow, LearningError> {
    match reviews::find(notifier.db, booking).await? {
        None => create(notifier, user, booking, input, now).await,
        Some(_) => edit(notifier.db, user, booking, input, now).await,
    }
}

/// The expert answers the review of their session, once.
pub async fn reply(
    db: &Database,
    user: &User,
    booking: Uuid,
    text: &str,
    now: Timestamp,
) -> Result<ReviewRow, LearningError> {
    let s = session(db, user, booking).await?;
    if s.side != Actor::Expert {
        return Err(LearningError::NotYours);
    }
    let text = required(
        text,
        MAX_TEXT_CHARS,
        "reply",
        ("review-reply-required", "review-reply-too-long"),
    )?;
    // A hidden review shows nowhere: there is nothing to answer.
    visible(db, booking).await?;
    if !reviews::reply(db, booking, &text, now).await? {
        return Err(LearningError::ReplyExists);
    }
    reviews::find(db, booking)
        .await?
        .ok_or(LearningError::NotFound)
}

/// Someone signed in marks a visible review helpful (not one they wrote or that is about
/// them); `false` when they already had.
pub async fn mark_helpful(
    db: &Database,
    user: &User,
    booking: Uuid,
    now: Timestamp,
) -> Result<bool, LearningError> {
    let review = visible(db, booking).await?;
    // Neither its author nor the expert it is about may push a review up.
    if review.learner_id == user.id || review.expert_id == user.id {
        return Err(LearningError::NotYours);
    }
    Ok(reviews::mark(db, booking, user.id, Mark::Helpful, "", now).await?)
}

/// Someone signed in reports a visible review for operators to look at, saying why;
/// `false` when they already had.
pub async fn report(
    db: &Database,
    user: &User,
    booking: Uuid,
    reason: &str,
    now: Timestamp,
) -> Result<bool, LearningError> {
    visible(db, booking).await?;
    let reason = required(reason, MAX_REASON_CHARS, "reason", REASON_MESSAGES)?;
    Ok(reviews::mark(db, booking, user.id, Mark::Report, &reason, now).await?)
}

async fn visible(db: &Database, booking: Uuid) -> Result<ReviewRow, LearningError> {
    reviews::find(db, booking)
        .await?
        .filter(|r| r.hidden_at.is_none())
        .ok_or(LearningError::NotFound)
}

/// What an operator decides about a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Take it off the profile and out of the rating.
    Hide,
    /// Show it again.
    Restore,
    /// Its reports were read and it stays shown: it leaves the queue.
    Keep,
}

/// An operator decides on a review, with a reason kept in the audit log; hiding and
/// restoring count the expert's rating again in the same transaction. A decision that
/// changes nothing (hiding a hidden review) is accepted and records nothing. Nobody
/// decides on a review of their own session.
pub async fn moderate(
    db: &Database,
    operator: &User,
    booking: Uuid,
    decision: Decision,
    reason: &str,
    client: &ClientInfo,
    now: Timestamp,
) -> Result<(), LearningError> {
    if !domain::permission::allows(&operator.roles, Permission::ReviewsModerate) {
        return Err(LearningError::NotYours);
    }
    let reason = required(reason, MAX_REASON_CHARS, "reason", REASON_MESSAGES)?;
    let review = reviews::find(db, booking)
        .await?
        .ok_or(LearningError::NotFound)?;
    if operator.id == review.expert_id || operator.id == review.learner_id {
        return Err(LearningError::NotYours);
    }
    let audit = NewAuditEvent {
        user_id: Some(review.learner_id),
        actor_id: Some(operator.id),
        kind: match decision {
            Decision::Hide => "review.hidden",
            Decision::Restore => "review.restored",
            Decision::Keep => "review.reports_cleared",
        },
        client,
        detail: serde_json::json!({ "booking": booking, "reason": reason }).to_string(),
    };
    match decision {
        Decision::Hide => {
            reviews::set_hidden(db, booking, Some(reason.as_str()), now, audit).await?;
        }
        Decision::Restore => {
            reviews::set_hidden(db, booking, None, now, audit).await?;
        }
        Decision::Keep => {
            reviews::clear_reports(db, booking, audit).await?;
        }
    }
    Ok(())
}

/// A review as profiles show it.
#[derive(Debug, Clone)]
pub struct ShownReview {
    /// The review as stored.
    pub row: ReviewRow,
    /// The learner's first name only: reviews are public, learners are not.
    pub learner_name: String,
    /// Whether the viewer marked it helpful.
    pub marked_helpful: bool,
}

/// A page of an expert's visible reviews, with their rating's spread.
#[derive(Debug, Clone)]
pub struct ProfileReviews {
    /// How the visible reviews spread over the stars.
    pub summary: RatingSummary,
    /// This page of reviews.
    pub reviews: Vec<ShownReview>,
    /// Whether another page follows.
    pub more: bool,
}

/// The expert's visible reviews in `order`, page `page` (from 0), as `viewer` sees them.
pub async fn of_expert(
    db: &Database,
    expert: Uuid,
    order: Order,
    page: u64,
    viewer: Option<&User>,
) -> Result<ProfileReviews, LearningError> {
    let summary = reviews::summary(db, expert).await?;
    // One more than a page, to know whether another follows.
    let mut rows = reviews::for_expert(db, expert, order, PAGE_SIZE + 1, page * PAGE_SIZE).await?;
    let more = u64::try_from(rows.len()).unwrap_or(0) > PAGE_SIZE;
    rows.truncate(usize::try_from(PAGE_SIZE).unwrap_or(10));
    let learners: Vec<Uuid> = rows.iter().map(|r| r.learner_id).collect();
    let names = crate::bookings::lists::names(db, &learners).await?;
    let marked = match viewer {
        Some(v) => {
            let ids: Vec<Uuid> = rows.iter().map(|r| r.booking_id).collect();
            reviews::marked_helpful(db, v.id, &ids).await?
        }
        None => Vec::new(),
    };
    let reviews = rows
        .into_iter()
        .map(|row| ShownReview {
            learner_name: first_name(names.get(&row.learner_id).map_or("", String::as_str)),
            marked_helpful: marked.contains(&row.booking_id),
            row,
        })
        .collect();
    Ok(ProfileReviews {
        summary,
        reviews,
        more,
    })
}

/// The first word of a display name ("Lena Learner" → "Lena").
fn first_name(name: &str) -> String {
    name.split_whitespace().next().unwrap_or("").to_owned()
}

/// The review of a session, for its participants (the learner writing or changing it,
/// the expert replying).
pub async fn of_session(
    db: &Database,
    user: &User,
    booking: Uuid,
) -> Result<Option<ReviewRow>, LearningError> {
    session(db, user, booking).await?;
    Ok(reviews::find(db, booking).await?)
}

/// A review waiting for an operator, with why people reported it.
#[derive(Debug, Clone)]
pub struct ReportedReview {
    /// The review.
    pub row: ReviewRow,
    /// The learner's and the expert's names.
    pub learner_name: String,
    /// The expert's name.
    pub expert_name: String,
    /// Each report's reason, oldest first.
    pub reasons: Vec<String>,
}

/// Reported and hidden reviews, most reported first, for operators.
pub async fn for_moderation(db: &Database) -> Result<Vec<ReportedReview>, LearningError> {
    let rows = reviews::for_moderation(db, 100).await?;
    let people: Vec<Uuid> = rows
        .iter()
        .flat_map(|r| [r.learner_id, r.expert_id])
        .collect();
    let names = crate::bookings::lists::names(db, &people).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let reasons = reviews::reports(db, row.booking_id)
            .await?
            .into_iter()
            .map(|r| r.reason)
            .collect();
        out.push(ReportedReview {
            learner_name: names.get(&row.learner_id).cloned().unwrap_or_default(),
            expert_name: names.get(&row.expert_id).cloned().unwrap_or_default(),
            reasons,
            row,
        });
    }
    Ok(out)
}

/// The visible reviews of the expert `slug_or_id` (a listed one, or one the viewer may
/// preview), with the expert's id and name.
pub async fn of_profile(
    db: &Database,
    slug_or_id: &str,
    order: Order,
    page: u64,
    viewer: Option<&User>,
) -> Result<(Uuid, String, ProfileReviews), LearningError> {
    let profile = match Uuid::parse_str(slug_or_id) {
        Ok(id) => store::experts::find(db, id).await?,
        Err(_) => store::experts::find_by_slug(db, slug_or_id).await?,
    }
    .ok_or(LearningError::NotFound)?;
    if !profile.bookable() && !crate::experts::directory::may_preview(viewer, profile.user_id) {
        return Err(LearningError::NotFound);
    }
    let names = crate::bookings::lists::names(db, &[profile.user_id]).await?;
    let reviews = of_expert(db, profile.user_id, order, page, viewer).await?;
    Ok((
        profile.user_id,
        names.get(&profile.user_id).cloned().unwrap_or_default(),
        reviews,
    ))
}
