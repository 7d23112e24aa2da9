//! Experts over the API: the directory and public profiles (anyone), the caller's own
//! application, documents and payouts (signed in).

use app::experts::application::{self, Amount, ApplicationInput, OwnApplication, RateInput};
use app::experts::directory::{self, DirectoryParams};
use app::experts::{documents, payouts};
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use store::experts::Document;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::api_bodies::{
    ApplicationBody, DirectoryBody, DocumentBody, PayoutsBody, ProfileBody, TaxonomyBody,
};

use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, ErrorCode, Links, uploads};

fn test_mode(state: &AppState) -> bool {
    state.payments.mode() == payments::ProviderMode::Sandbox
}

/// The caller's application as the API shows it.
pub fn application_body(state: &AppState, own: &OwnApplication) -> ApplicationBody {
    ApplicationBody::new(test_mode(state), own)
}

/// Search the directory.
///
/// Verified, bookable experts matching the filters; pages follow `next_cursor`. Prices
/// are estimated in the viewer's currency (the `currency` parameter, else the signed-in
/// account's, else USD).
#[utoipa::path(
    get, path = "/experts", tag = "experts", operation_id = "search_experts",
    params(DirectoryParams),
    security((), ("bearer" = [])),
    responses((status = 200, description = "A page of experts.", body = DirectoryBody)),
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Option<Extension<ApiCaller>>,
    Query(params): Query<DirectoryParams>,
) -> Result<Json<DirectoryBody>, AppError> {
    let viewer = caller.as_ref().map(|c| &c.0.user);
    let results =
        directory::search(&state.db, &state.directory, &state.rates, &params, viewer).await?;
    Ok(Json(DirectoryBody::from(&results)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CurrencyParam {
    /// ISO 4217 code to estimate prices in (default: the account's, else USD).
    #[serde(default)]
    currency: Option<String>,
}

/// Read an expert's public profile.
#[utoipa::path(
    get, path = "/experts/{id}", tag = "experts", operation_id = "get_expert",
    params(("id" = String, Path, description = "The expert's id or profile slug."), CurrencyParam),
    security((), ("bearer" = [])),
    responses((status = 200, description = "The profile.", body = ProfileBody)),
)]
pub async fn show(
    State(state): State<AppState>,
    caller: Option<Extension<ApiCaller>>,
    Path(id): Path<String>,
    Query(q): Query<CurrencyParam>,
) -> Result<Json<ProfileBody>, AppError> {
    let viewer = caller.as_ref().map(|c| &c.0.user);
    let currency = directory::viewer_currency(q.currency.as_deref(), viewer)
        .map_err(|e| AppError::fields(vec![e]))?;
    let p = directory::public_profile(&state.db, &state.rates, &id, viewer, currency).await?;
    Ok(Json(ProfileBody::from(&p)))
}

/// List the specialties experts can offer, by category.
#[utoipa::path(
    get, path = "/specialties", tag = "experts", operation_id = "list_specialties",
    responses((status = 200, description = "The taxonomy.", body = TaxonomyBody)),
)]
pub async fn specialties(State(state): State<AppState>) -> Result<Json<TaxonomyBody>, AppError> {
    let categories = app::experts::taxonomy::all(&state.db).await?;
    Ok(Json(TaxonomyBody::from(categories.as_slice())))
}

/// A price for a session length.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = RateInput)]
pub struct RateBody {
    /// One of 30, 45, 60, 90 or 120.
    duration_minutes: i32,
    /// Minor units of the application's currency (4500 = 45.00 EUR).
    amount: i64,
}

/// The fields of an application to set; absent ones stay as they are.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ApplicationInput)]
pub struct ApplicationInputBody {
    headline: Option<String>,
    bio: Option<String>,
    specialties: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    currency: Option<String>,
    rates: Option<Vec<RateBody>>,
    intro_video_url: Option<String>,
}

impl From<ApplicationInputBody> for ApplicationInput {
    fn from(b: ApplicationInputBody) -> Self {
        ApplicationInput {
            headline: b.headline,
            bio: b.bio,
            specialties: b.specialties,
            languages: b.languages,
            currency: b.currency,
            rates: b.rates.map(|rates| {
                rates
                    .into_iter()
                    .map(|r| RateInput {
                        duration_minutes: r.duration_minutes,
                        amount: Amount::Minor(r.amount),
                    })
                    .collect()
            }),
            intro_video_url: b.intro_video_url,
        }
    }
}

/// Read the caller's expert application.
#[utoipa::path(
    get, path = "/experts/application", tag = "experts", operation_id = "get_own_application",
    responses((status = 200, description = "The application, with its documents and decisions.", body = ApplicationBody)),
)]
pub async fn own(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<ApplicationBody>, AppError> {
    let own = application::own(&state.db, &caller.user)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok(Json(application_body(&state, &own)))
}

/// Apply as an expert: start a draft application.
#[utoipa::path(
    post, path = "/experts/application", tag = "experts", operation_id = "start_application",
    request_body = ApplicationInputBody,
    responses((status = 201, description = "The draft.", body = ApplicationBody)),
)]
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    JsonBody(body): JsonBody<ApplicationInputBody>,
) -> Result<(StatusCode, Json<ApplicationBody>), AppError> {
    let own = application::create(&state.db, &caller.user, body.into(), &client).await?;
    Ok((StatusCode::CREATED, Json(application_body(&state, &own))))
}

/// Change the caller's application (the fields given).
#[utoipa::path(
    patch, path = "/experts/application", tag = "experts", operation_id = "update_application",
    request_body = ApplicationInputBody,
    responses((status = 200, description = "The application as changed.", body = ApplicationBody)),
)]
pub async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    JsonBody(body): JsonBody<ApplicationInputBody>,
) -> Result<Json<ApplicationBody>, AppError> {
    let own = application::update(&state.db, &caller.user, body.into(), &client).await?;
    Ok(Json(application_body(&state, &own)))
}

/// Submit the caller's application for verification.
#[utoipa::path(
    post, path = "/experts/application/submit", tag = "experts", operation_id = "submit_application",
    responses((status = 200, description = "Submitted: waiting for a verifier.", body = ApplicationBody)),
)]
pub async fn submit(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
) -> Result<Json<ApplicationBody>, AppError> {
    let own = application::submit(&state.db, &caller.user, &client).await?;
    Ok(Json(application_body(&state, &own)))
}

/// A verification document to upload.
#[derive(ToSchema)]
#[allow(dead_code)] // Describes the multipart form; `uploads::read` parses it.
struct DocumentUpload {
    /// `identity`, `qualification` or `other`.
    kind: String,
    /// PDF, PNG, JPEG or WebP, judged by its content; at most 10 MB.
    #[schema(value_type = String, format = Binary)]
    document: Vec<u8>,
}

/// Upload a verification document to the caller's application.
#[utoipa::path(
    post, path = "/experts/application/documents", tag = "experts", operation_id = "upload_document",
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses((status = 201, description = "Stored.", body = DocumentBody)),
)]
pub async fn upload_document(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    multipart: Multipart,
) -> Result<(StatusCode, Json<DocumentBody>), AppError> {
    let upload = uploads::read(multipart, "document").await?;
    let (file_name, bytes) = upload.file.clone().unwrap_or_default();
    let doc = documents::upload(
        &state.db,
        state.files.as_ref(),
        &state.throttle,
        &caller.user,
        upload.field("kind"),
        &file_name,
        bytes,
        &client,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(DocumentBody::from(&doc))))
}

/// Delete a document from the caller's application.
#[utoipa::path(
    delete, path = "/experts/application/documents/{id}", tag = "experts", operation_id = "delete_document",
    params(("id" = Uuid, Path, description = "The document's id.")),
    responses((status = 204, description = "Deleted.")),
)]
pub async fn delete_document(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
) -> Result<StatusCode, AppError> {
    documents::remove(&state.db, state.files.as_ref(), &caller.user, id, &client).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A document's bytes, never rendered inline: always a download, never sniffed.
pub fn document_response(document: &Document, bytes: bytes::Bytes) -> Response {
    let ascii: String = document
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, document.content_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// Download a document.
///
/// For its owner and verifiers only; always an attachment, never rendered inline.
#[utoipa::path(
    get, path = "/experts/documents/{id}", tag = "experts", operation_id = "download_document",
    params(("id" = Uuid, Path, description = "The document's id.")),
    responses((status = 200, description = "The file's bytes, with its own content type.", content_type = "application/octet-stream", body = Vec<u8>)),
)]
pub async fn download_document(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (document, bytes) =
        documents::read(&state.db, state.files.as_ref(), &caller.user, id).await?;
    Ok(document_response(&document, bytes))
}

/// Read where the caller stands with payouts.
#[utoipa::path(
    get, path = "/experts/me/payouts", tag = "experts", operation_id = "get_payouts",
    responses((status = 200, description = "The payout account's state.", body = PayoutsBody)),
)]
pub async fn payout_status(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<PayoutsBody>, AppError> {
    let profile = payouts::refresh(&state.db, state.payments.as_ref(), &caller.user).await?;
    Ok(Json(PayoutsBody::new(test_mode(&state), &profile)))
}

/// Where to send the expert to set up payouts.
#[derive(Serialize, ToSchema)]
#[schema(as = OnboardingLink)]
pub struct OnboardingBody {
    /// The provider's onboarding page (or the sandbox's).
    url: String,
}

/// Start (or resume) payout onboarding.
#[utoipa::path(
    post, path = "/experts/me/payouts/onboarding", tag = "experts", operation_id = "start_payout_onboarding",
    responses((status = 200, description = "Where to send the expert.", body = OnboardingBody)),
)]
pub async fn start_onboarding(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
) -> Result<Json<OnboardingBody>, AppError> {
    let url = payouts::start_onboarding(
        &state.db,
        state.payments.as_ref(),
        app::accounts::LinkBase(&base),
        &caller.user,
        &client,
    )
    .await?;
    Ok(Json(OnboardingBody { url }))
}
