//! Reviews, session notes and resources over the API.

use app::learning::notes::Notes;
use app::learning::reviews::{self, ReviewInput};
use app::learning::{notes, resources};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use store::learning::resources::Resource;
use store::learning::reviews::{Order, ReviewRow};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, ErrorCode, Links};

/// Unix seconds as RFC 3339 (empty for a value out of range).
pub(super) fn rfc3339(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// A session's review, as its participants read it.
#[derive(Serialize, ToSchema)]
#[schema(as = SessionReview)]
pub struct ReviewBody {
    /// The reviewed booking.
    booking_id: Uuid,
    /// Overall stars, 1 to 5.
    rating: i32,
    /// Clarity, 1 to 5, if rated.
    clarity: Option<i32>,
    /// Preparation, 1 to 5, if rated.
    preparation: Option<i32>,
    /// Punctuality, 1 to 5, if rated.
    punctuality: Option<i32>,
    /// The review's words.
    body: String,
    /// When it was written, RFC 3339.
    created_at: String,
    /// When it was last changed, RFC 3339.
    edited_at: Option<String>,
    /// Until when the learner may change it, RFC 3339.
    editable_until: String,
    /// The expert's reply.
    reply: Option<String>,
    /// When the expert replied, RFC 3339.
    replied_at: Option<String>,
    /// How many people found it helpful.
    helpful_count: i32,
    /// Whether an operator hid it (it then counts for nothing and shows nowhere).
    hidden: bool,
}

fn review_body(r: ReviewRow) -> ReviewBody {
    ReviewBody {
        booking_id: r.booking_id,
        rating: r.rating,
        clarity: r.clarity,
        preparation: r.preparation,
        punctuality: r.punctuality,
        body: r.body,
        editable_until: rfc3339(r.created_at + domain::learning::review::EDIT_WINDOW.as_secs()),
        created_at: rfc3339(r.created_at),
        edited_at: r.edited_at.map(rfc3339),
        reply: r.reply,
        replied_at: r.replied_at.map(rfc3339),
        helpful_count: r.helpful_count,
        hidden: r.hidden_at.is_some(),
    }
}

/// A review as a profile shows it to everyone.
#[derive(Serialize, ToSchema)]
pub struct PublicReview {
    /// The reviewed booking: what marking it helpful or reporting it names.
    booking_id: Uuid,
    /// The learner's first name.
    learner_name: String,
    /// Overall stars, 1 to 5.
    rating: i32,
    /// Clarity, 1 to 5, if rated.
    clarity: Option<i32>,
    /// Preparation, 1 to 5, if rated.
    preparation: Option<i32>,
    /// Punctuality, 1 to 5, if rated.
    punctuality: Option<i32>,
    /// The review's words.
    body: String,
    /// When it was written, RFC 3339.
    created_at: String,
    /// Whether it was changed after it was written.
    edited: bool,
    /// The expert's reply.
    reply: Option<String>,
    /// How many people found it helpful.
    helpful_count: i32,
}

/// An expert's reviews: how ratings spread, and a page of them.
#[derive(Serialize, ToSchema)]
pub struct ExpertReviewsBody {
    /// The expert's id.
    expert_id: Uuid,
    /// The plain average in hundredths of a star (450 = 4.5★); 0 without reviews.
    average_centi: i64,
    /// The number of visible reviews.
    count: i64,
    /// How many gave 1, 2, 3, 4 and 5 stars.
    by_stars: Vec<i64>,
    /// The directory's order key: the Bayesian score in ten-thousandths of a star (see
    /// the README's "Ratings").
    bayesian_score: i64,
    /// This page.
    reviews: Vec<PublicReview>,
    /// The next page's number, if there are more.
    next_page: Option<u64>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReviewsParams {
    /// `newest` (default) or `helpful` (most helpful first).
    #[serde(default)]
    order: Option<String>,
    /// The page, from 0.
    #[serde(default)]
    #[param(minimum = 0, maximum = 1000)]
    page: Option<u64>,
}

/// The order named in a query, or the field error.
pub(super) fn order(text: Option<&str>) -> Result<Order, AppError> {
    match text.unwrap_or("newest") {
        "newest" => Ok(Order::Newest),
        "helpful" => Ok(Order::MostHelpful),
        _ => Err(AppError::fields(vec![app::FieldError {
            field: "order",
            message_id: "reviews-order-invalid",
        }])),
    }
}

/// Read an expert's reviews.
#[utoipa::path(
    get, path = "/experts/{slug}/reviews", tag = "learning", operation_id = "list_expert_reviews",
    params(("slug" = String, Path, description = "The expert's slug or id."), ReviewsParams),
    responses((status = 200, description = "The rating's spread and a page of reviews.", body = ExpertReviewsBody)),
)]
pub async fn expert_reviews(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<ReviewsParams>,
) -> Result<Json<ExpertReviewsBody>, AppError> {
    let order = order(q.order.as_deref())?;
    let page = q.page.unwrap_or(0);
    if page > 1000 {
        return Err(AppError::fields(vec![app::FieldError {
            field: "page",
            message_id: "reviews-page-invalid",
        }]));
    }
    let (expert_id, _, found) = reviews::of_profile(&state.db, &slug, order, page, None).await?;
    let full = u64::try_from(found.reviews.len()).unwrap_or(0) == reviews::PAGE_SIZE;
    Ok(Json(ExpertReviewsBody {
        expert_id,
        average_centi: found.summary.average_centi(),
        count: found.summary.count(),
        by_stars: found.summary.by_stars.to_vec(),
        bayesian_score: found.summary.bayesian_score(),
        next_page: full.then_some(page + 1),
        reviews: found
            .reviews
            .into_iter()
            .map(|s| PublicReview {
                booking_id: s.row.booking_id,
                learner_name: s.learner_name,
                rating: s.row.rating,
                clarity: s.row.clarity,
                preparation: s.row.preparation,
                punctuality: s.row.punctuality,
                body: s.row.body,
                created_at: rfc3339(s.row.created_at),
                edited: s.row.edited_at.is_some(),
                reply: s.row.reply,
                helpful_count: s.row.helpful_count,
            })
            .collect(),
    }))
}

/// Read a session's review (its learner or expert).
#[utoipa::path(
    get, path = "/bookings/{id}/review", tag = "learning", operation_id = "get_session_review",
    params(("id" = Uuid, Path, description = "The booking.")),
    responses((status = 200, description = "The review.", body = ReviewBody)),
)]
pub async fn session_review(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<ReviewBody>, AppError> {
    let review = reviews::of_session(&state.db, &caller.user, id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    Ok(Json(review_body(review)))
}

/// Review a completed session (its learner, once, within 30 days of the end).
#[utoipa::path(
    post, path = "/bookings/{id}/review", tag = "learning", operation_id = "create_session_review",
    params(("id" = Uuid, Path, description = "The booking.")),
    request_body = ReviewInput,
    responses((status = 201, description = "Published.", body = ReviewBody)),
)]
pub async fn create_review(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(input): JsonBody<ReviewInput>,
) -> Result<(StatusCode, Json<ReviewBody>), AppError> {
    let notifier = state.booking_deps(&base).notifier();
    let row = reviews::create(&notifier, &caller.user, id, &input, state.clock().now()).await?;
    Ok((StatusCode::CREATED, Json(review_body(row))))
}

/// Change one's review (within 48 hours of writing it).
#[utoipa::path(
    put, path = "/bookings/{id}/review", tag = "learning", operation_id = "edit_session_review",
    params(("id" = Uuid, Path, description = "The booking.")),
    request_body = ReviewInput,
    responses((status = 200, description = "Changed.", body = ReviewBody)),
)]
pub async fn edit_review(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(input): JsonBody<ReviewInput>,
) -> Result<Json<ReviewBody>, AppError> {
    let row = reviews::edit(&state.db, &caller.user, id, &input, state.clock().now()).await?;
    Ok(Json(review_body(row)))
}

/// The expert's reply to a review.
#[derive(Deserialize, ToSchema)]
pub struct ReplyBody {
    /// Shown under the review (at most 4,000 characters).
    reply: String,
}

/// Reply to the review of one's session (its expert, once).
#[utoipa::path(
    post, path = "/bookings/{id}/review/reply", tag = "learning", operation_id = "reply_to_review",
    params(("id" = Uuid, Path, description = "The booking.")),
    request_body = ReplyBody,
    responses((status = 200, description = "The review with its reply.", body = ReviewBody)),
)]
pub async fn reply(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<ReplyBody>,
) -> Result<Json<ReviewBody>, AppError> {
    let row = reviews::reply(
        &state.db,
        &caller.user,
        id,
        &body.reply,
        state.clock().now(),
    )
    .await?;
    Ok(Json(review_body(row)))
}

/// Whether a mark was new.
#[derive(Serialize, ToSchema)]
pub struct MarkedBody {
    /// `false` when the caller had already made this mark.
    new: bool,
}

/// Mark a review helpful (anyone signed in but its author; once).
#[utoipa::path(
    post, path = "/reviews/{booking}/helpful", tag = "learning", operation_id = "mark_review_helpful",
    params(("booking" = Uuid, Path, description = "The reviewed booking.")),
    responses((status = 200, description = "Marked.", body = MarkedBody)),
)]
pub async fn helpful(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(booking): Path<Uuid>,
) -> Result<Json<MarkedBody>, AppError> {
    let new = reviews::mark_helpful(&state.db, &caller.user, booking, state.clock().now()).await?;
    Ok(Json(MarkedBody { new }))
}

/// Why a review should be looked at.
#[derive(Deserialize, ToSchema)]
pub struct ReportBody {
    /// At most 500 characters.
    reason: String,
}

/// Report a review to operators (anyone signed in; once).
#[utoipa::path(
    post, path = "/reviews/{booking}/reports", tag = "learning", operation_id = "report_review",
    params(("booking" = Uuid, Path, description = "The reviewed booking.")),
    request_body = ReportBody,
    responses((status = 200, description = "Reported.", body = MarkedBody)),
)]
pub async fn report(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(booking): Path<Uuid>,
    JsonBody(body): JsonBody<ReportBody>,
) -> Result<Json<MarkedBody>, AppError> {
    let new = reviews::report(
        &state.db,
        &caller.user,
        booking,
        &body.reason,
        state.clock().now(),
    )
    .await?;
    Ok(Json(MarkedBody { new }))
}

/// An operator's decision on a review.
#[derive(Deserialize, ToSchema)]
pub struct DecisionBody {
    /// `hide` (off the profile and out of the rating), `restore`, or `keep` (its reports
    /// were read; it leaves the moderation queue).
    decision: String,
    /// Why (kept in the audit log; at most 500 characters).
    reason: String,
}

/// Decide on a review (operators; not on a review of one's own session). A decision that
/// changes nothing (hiding a hidden review) is accepted and records nothing.
#[utoipa::path(
    post, path = "/admin/reviews/{booking}/decision", tag = "admin", operation_id = "moderate_review",
    params(("booking" = Uuid, Path, description = "The reviewed booking.")),
    request_body = DecisionBody,
    responses((status = 204, description = "Decided.")),
)]
pub async fn moderate(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    client: crate::extract::Client,
    Path(booking): Path<Uuid>,
    JsonBody(body): JsonBody<DecisionBody>,
) -> Result<StatusCode, AppError> {
    let decision = decision(&body.decision)?;
    reviews::moderate(
        &state.db,
        &caller.user,
        booking,
        decision,
        &body.reason,
        &client.0,
        state.clock().now(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The decision named `text`, or the field error.
pub(super) fn decision(text: &str) -> Result<reviews::Decision, AppError> {
    match text {
        "hide" => Ok(reviews::Decision::Hide),
        "restore" => Ok(reviews::Decision::Restore),
        "keep" => Ok(reviews::Decision::Keep),
        _ => Err(AppError::fields(vec![app::FieldError {
            field: "decision",
            message_id: "review-decision-invalid",
        }])),
    }
}

/// A session's shared notes.
#[derive(Serialize, ToSchema)]
pub struct NotesBody {
    /// Markdown.
    body: String,
    /// The notes as sanitised HTML.
    html: String,
    /// The version; a save names the version it read (0: nothing written yet).
    version: i32,
    /// Who saved them last.
    updated_by: Option<Uuid>,
    /// When, RFC 3339.
    updated_at: Option<String>,
}

fn notes_body(n: Notes) -> NotesBody {
    NotesBody {
        body: n.shared,
        html: n.shared_html,
        version: n.version,
        updated_by: n.updated_by,
        updated_at: (n.version > 0).then(|| rfc3339(n.updated_at)),
    }
}

/// New shared notes, over the version the writer read.
#[derive(Deserialize, ToSchema)]
pub struct SaveNotesBody {
    /// The version read (0 when there were none). A different current version is a 409
    /// `notes_conflict`, and nothing is saved.
    #[schema(minimum = 0)]
    version: i32,
    /// Markdown, at most 50,000 characters.
    body: String,
}

/// Read a session's shared notes (its learner or expert).
#[utoipa::path(
    get, path = "/bookings/{id}/notes", tag = "learning", operation_id = "get_session_notes",
    params(("id" = Uuid, Path, description = "The booking.")),
    responses((status = 200, description = "The notes and their version.", body = NotesBody)),
)]
pub async fn notes(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<NotesBody>, AppError> {
    Ok(Json(notes_body(
        notes::read(&state.db, &caller.user, id).await?,
    )))
}

/// Save a session's shared notes over the version read.
#[utoipa::path(
    put, path = "/bookings/{id}/notes", tag = "learning", operation_id = "save_session_notes",
    params(("id" = Uuid, Path, description = "The booking.")),
    request_body = SaveNotesBody,
    responses((status = 200, description = "Saved: the new version.", body = NotesBody)),
)]
pub async fn save_notes(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<SaveNotesBody>,
) -> Result<Json<NotesBody>, AppError> {
    let saved = notes::save_shared(
        &state.db,
        &caller.user,
        id,
        body.version,
        &body.body,
        state.clock().now(),
    )
    .await?;
    Ok(Json(notes_body(saved)))
}

/// One's private notes on a session.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct PrivateNotesBody {
    /// Plain text or Markdown, at most 50,000 characters; nobody else reads it.
    body: String,
}

/// Read one's private notes on a session.
#[utoipa::path(
    get, path = "/bookings/{id}/notes/private", tag = "learning", operation_id = "get_private_notes",
    params(("id" = Uuid, Path, description = "The booking.")),
    responses((status = 200, description = "The caller's own notes.", body = PrivateNotesBody)),
)]
pub async fn private_notes(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<PrivateNotesBody>, AppError> {
    let n = notes::read(&state.db, &caller.user, id).await?;
    Ok(Json(PrivateNotesBody { body: n.private }))
}

/// Replace one's private notes on a session.
#[utoipa::path(
    put, path = "/bookings/{id}/notes/private", tag = "learning", operation_id = "save_private_notes",
    params(("id" = Uuid, Path, description = "The booking.")),
    request_body = PrivateNotesBody,
    responses((status = 200, description = "Saved.", body = PrivateNotesBody)),
)]
pub async fn save_private_notes(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<PrivateNotesBody>,
) -> Result<Json<PrivateNotesBody>, AppError> {
    let n =
        notes::save_private(&state.db, &caller.user, id, &body.body, state.clock().now()).await?;
    Ok(Json(PrivateNotesBody { body: n.private }))
}

/// A link or file attached to a session.
#[derive(Serialize, ToSchema)]
#[schema(as = SessionResource)]
pub struct ResourceBody {
    /// The resource's id.
    id: Uuid,
    /// `link` or `file`.
    kind: &'static str,
    /// Its title.
    title: String,
    /// The link; for a file, where its participants download it (with their token).
    url: String,
    /// A file's checked type (`application/pdf`, `image/jpeg`, `image/png`).
    content_type: Option<String>,
    /// A file's size in bytes.
    size_bytes: Option<i64>,
    /// Who attached it.
    added_by: Uuid,
    /// When, RFC 3339.
    created_at: String,
}

pub(super) fn resource_body(booking: Uuid, r: Resource) -> ResourceBody {
    let (kind, url) = match r.url {
        Some(url) => ("link", url),
        None => (
            "file",
            format!("/api/v1/bookings/{booking}/resources/{}", r.id),
        ),
    };
    ResourceBody {
        id: r.id,
        kind,
        title: r.title,
        url,
        content_type: r.content_type,
        size_bytes: r.size_bytes,
        added_by: r.added_by,
        created_at: rfc3339(r.created_at),
    }
}

/// List a session's resources.
#[utoipa::path(
    get, path = "/bookings/{id}/resources", tag = "learning", operation_id = "list_session_resources",
    params(("id" = Uuid, Path, description = "The booking.")),
    responses((status = 200, description = "Oldest first.", body = [ResourceBody])),
)]
pub async fn resources(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<ResourceBody>>, AppError> {
    let list = resources::of_session(&state.db, &caller.user, id).await?;
    Ok(Json(
        list.into_iter().map(|r| resource_body(id, r)).collect(),
    ))
}

/// A link to attach.
#[derive(Deserialize, ToSchema)]
pub struct LinkBody {
    /// `http` or `https`, at most 2,000 characters.
    url: String,
    /// Optional; the link's host when empty.
    #[serde(default)]
    title: String,
}

/// Attach a link to a session (files are uploaded on the notes page).
#[utoipa::path(
    post, path = "/bookings/{id}/resources", tag = "learning", operation_id = "add_session_link",
    params(("id" = Uuid, Path, description = "The booking.")),
    request_body = LinkBody,
    responses((status = 201, description = "Attached.", body = ResourceBody)),
)]
pub async fn add_link(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
    JsonBody(body): JsonBody<LinkBody>,
) -> Result<(StatusCode, Json<ResourceBody>), AppError> {
    let r = resources::add_link(
        &state.db,
        &caller.user,
        id,
        &body.title,
        &body.url,
        state.clock().now(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(resource_body(id, r))))
}

/// Remove a resource one attached.
#[utoipa::path(
    delete, path = "/bookings/{id}/resources/{resource}", tag = "learning", operation_id = "remove_session_resource",
    params(
        ("id" = Uuid, Path, description = "The booking."),
        ("resource" = Uuid, Path, description = "The resource."),
    ),
    responses((status = 204, description = "Removed.")),
)]
pub async fn remove_resource(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path((id, resource)): Path<(Uuid, Uuid)>,
) -> Result<StatusCode, AppError> {
    resources::remove(&state.db, state.files.as_ref(), &caller.user, id, resource).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Download a session's file (its learner or expert).
#[utoipa::path(
    get, path = "/bookings/{id}/resources/{resource}", tag = "learning", operation_id = "download_session_file",
    params(
        ("id" = Uuid, Path, description = "The booking."),
        ("resource" = Uuid, Path, description = "The resource (a file)."),
    ),
    responses((status = 200, description = "The file, as an attachment with its checked type.", content_type = "application/octet-stream", body = Vec<u8>)),
)]
pub async fn download(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path((id, resource)): Path<(Uuid, Uuid)>,
) -> Result<axum::response::Response, AppError> {
    let (bytes, content_type, name) =
        resources::file(&state.db, state.files.as_ref(), &caller.user, id, resource).await?;
    Ok(super::notes::attachment(bytes, content_type, &name))
}
