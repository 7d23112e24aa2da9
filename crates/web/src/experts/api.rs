//! Experts over the API: the directory and public profiles (anyone), the caller's own
//! application, documents and payouts (signed in).

use app::experts::application::{self, Amount, ApplicationInput, OwnApplication, RateInput};
use app::experts::directory::{self, DirectoryParams, PublicProfile, Results};
use app::experts::{documents, payouts};
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use domain::money::Money;
use serde::Deserialize;
use serde_json::{Value, json};
use store::experts::{Document, ExpertProfile};
use uuid::Uuid;

use crate::api::json::JsonBody;
use crate::extract::Client;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, ErrorCode, Links, uploads};

pub fn money(m: &Money) -> Value {
    json!({ "amount": m.minor, "currency": m.currency.as_str(), "display": m.to_string() })
}

use crate::instants::rfc3339_secs as rfc3339;

fn rating(centi: i32, count: i32) -> Value {
    json!({
        "average": (count > 0).then(|| f64::from(centi) / 100.0),
        "count": count,
    })
}

pub fn directory_json(results: &Results) -> Value {
    json!({
        "experts": results.cards.iter().map(|card| {
            let l = &card.listing;
            json!({
                "id": l.user_id,
                "slug": l.slug,
                "url": format!("/experts/{}", l.slug),
                "display_name": l.display_name,
                "avatar_url": l.avatar_key.as_ref().map(|k| format!("/avatars/{k}")),
                "headline": l.headline,
                "hourly_from": card.hourly_from.as_ref().map(money),
                "hourly_from_estimate": card.estimate.as_ref().map(money),
                "rating": rating(l.rating_centi, l.rating_count),
                "next_available_at": l.next_available_at.as_ref().map(rfc3339),
                "verified_at": l.verified_at.as_ref().map(rfc3339),
            })
        }).collect::<Vec<_>>(),
        "next_cursor": results.next_cursor,
        "currency": results.currency.as_str(),
        "sort": results.sort.as_str(),
    })
}

/// `GET /api/v1/experts`: the directory.
pub async fn list(
    State(state): State<AppState>,
    caller: Option<Extension<ApiCaller>>,
    Query(params): Query<DirectoryParams>,
) -> Result<Json<Value>, AppError> {
    let viewer = caller.as_ref().map(|c| &c.0.user);
    let results = directory::search(&state.db, &state.directory, &params, viewer).await?;
    Ok(Json(directory_json(&results)))
}

#[derive(Deserialize)]
pub struct CurrencyParam {
    #[serde(default)]
    currency: Option<String>,
}

pub fn public_json(p: &PublicProfile) -> Value {
    let profile = &p.profile;
    json!({
        "id": profile.user_id,
        "slug": profile.slug,
        "url": format!("/experts/{}", profile.slug),
        "display_name": p.expert.display_name,
        "avatar_url": p.expert.avatar_key.as_ref().map(|k| format!("/avatars/{k}")),
        "headline": profile.headline,
        "bio_html": profile.bio_html,
        "specialties": p.specialties.iter().map(|s| json!({"slug": s.slug, "name": s.name})).collect::<Vec<_>>(),
        "languages": profile.languages,
        "intro_video_url": profile.intro_video_url,
        "verified_at": profile.verified_at.as_ref().map(rfc3339),
        "bookable": profile.bookable(),
        "rates": p.rates.iter().map(|r| json!({
            "duration_minutes": r.duration_minutes,
            "price": money(&r.price),
            "estimate": r.estimate.as_ref().map(money),
        })).collect::<Vec<_>>(),
        "currency": p.currency.as_str(),
        "rating": rating(profile.rating_centi, profile.rating_count),
    })
}

/// `GET /api/v1/experts/{id}`: a bookable expert's public profile.
pub async fn show(
    State(state): State<AppState>,
    caller: Option<Extension<ApiCaller>>,
    Path(id): Path<String>,
    Query(q): Query<CurrencyParam>,
) -> Result<Json<Value>, AppError> {
    let viewer = caller.as_ref().map(|c| &c.0.user);
    let currency = directory::viewer_currency(q.currency.as_deref(), viewer)
        .map_err(|e| AppError::fields(vec![e]))?;
    let p = directory::public_profile(&state.db, &id, viewer, currency).await?;
    Ok(Json(public_json(&p)))
}

/// `GET /api/v1/specialties`: the taxonomy.
pub async fn specialties(State(state): State<AppState>) -> Result<Json<Value>, AppError> {
    let categories = app::experts::taxonomy::all(&state.db).await?;
    Ok(Json(json!({
        "categories": categories.iter().map(|c| json!({
            "slug": c.slug,
            "name": c.name,
            "specialties": c.specialties.iter().map(|s| json!({"slug": s.slug, "name": s.name})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>()
    })))
}

pub fn document_json(d: &Document) -> Value {
    json!({
        "id": d.id,
        "kind": d.kind,
        "file_name": d.file_name,
        "content_type": d.content_type,
        "size_bytes": d.size_bytes,
        "sha256": d.sha256,
        "created_at": rfc3339(&d.created_at),
        "url": format!("/api/v1/experts/documents/{}", d.id),
    })
}

fn payouts_json(state: &AppState, profile: &ExpertProfile) -> Value {
    let test_mode = state.payouts.mode() == payments::ProviderMode::Sandbox;
    json!({
        "provider": if test_mode { "sandbox" } else { "stripe" },
        "test_mode": test_mode,
        "account_id": profile.payout.account_id,
        "charges_enabled": profile.payout.charges_enabled,
        "payouts_enabled": profile.payout.payouts_enabled,
        "requirements": profile.payout.requirements,
    })
}

pub fn application_json(state: &AppState, own: &OwnApplication) -> Value {
    let p = &own.profile;
    json!({
        "user_id": p.user_id,
        "slug": p.slug,
        "status": p.status.as_str(),
        "headline": p.headline,
        "bio": p.bio,
        "bio_html": p.bio_html,
        "specialties": p.specialties,
        "languages": p.languages,
        "currency": p.currency,
        "rates": p.rates.iter().map(|(minutes, amount)| json!({"duration_minutes": minutes, "amount": amount})).collect::<Vec<_>>(),
        "intro_video_url": p.intro_video_url,
        "submitted_at": p.submitted_at.as_ref().map(rfc3339),
        "decided_at": p.decided_at.as_ref().map(rfc3339),
        "verified_at": p.verified_at.as_ref().map(rfc3339),
        "decision_reason": p.decision_reason,
        "suspended": p.suspended_at.is_some(),
        "suspension_reason": p.suspension_reason,
        "bookable": p.bookable(),
        "documents": own.documents.iter().map(document_json).collect::<Vec<_>>(),
        "decisions": own.decisions.iter().map(|d| json!({
            "decision": d.decision, "reason": d.reason, "created_at": rfc3339(&d.created_at),
        })).collect::<Vec<_>>(),
        "payouts": payouts_json(state, p),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateBody {
    duration_minutes: i32,
    /// Minor units of the application's currency (4500 = 45.00 EUR).
    amount: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationBody {
    headline: Option<String>,
    bio: Option<String>,
    specialties: Option<Vec<String>>,
    languages: Option<Vec<String>>,
    currency: Option<String>,
    rates: Option<Vec<RateBody>>,
    intro_video_url: Option<String>,
}

impl From<ApplicationBody> for ApplicationInput {
    fn from(b: ApplicationBody) -> Self {
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

/// `GET /api/v1/experts/application`
pub async fn own(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<Value>, AppError> {
    let own = application::own(&state.db, &caller.user)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok(Json(application_json(&state, &own)))
}

/// `POST /api/v1/experts/application`: starts a draft → 201.
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    JsonBody(body): JsonBody<ApplicationBody>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let own = application::create(&state.db, &caller.user, body.into(), &client).await?;
    Ok((StatusCode::CREATED, Json(application_json(&state, &own))))
}

/// `PATCH /api/v1/experts/application`: changes the fields given.
pub async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    JsonBody(body): JsonBody<ApplicationBody>,
) -> Result<Json<Value>, AppError> {
    let own = application::update(&state.db, &caller.user, body.into(), &client).await?;
    Ok(Json(application_json(&state, &own)))
}

/// `POST /api/v1/experts/application/submit`
pub async fn submit(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
) -> Result<Json<Value>, AppError> {
    let own = application::submit(&state.db, &caller.user, &client).await?;
    Ok(Json(application_json(&state, &own)))
}

/// `POST /api/v1/experts/application/documents`: multipart with `kind` and `document` → 201.
pub async fn upload_document(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    multipart: Multipart,
) -> Result<(StatusCode, Json<Value>), AppError> {
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
    Ok((StatusCode::CREATED, Json(document_json(&doc))))
}

/// `DELETE /api/v1/experts/application/documents/{id}` → 204.
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

/// `GET /api/v1/experts/documents/{id}`: for the owner and verifiers only.
pub async fn download_document(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (document, bytes) =
        documents::read(&state.db, state.files.as_ref(), &caller.user, id).await?;
    Ok(document_response(&document, bytes))
}

/// `GET /api/v1/experts/me/payouts`
pub async fn payout_status(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Result<Json<Value>, AppError> {
    let profile = payouts::refresh(&state.db, state.payouts.as_ref(), &caller.user).await?;
    Ok(Json(payouts_json(&state, &profile)))
}

/// `POST /api/v1/experts/me/payouts/onboarding` → {url}: where to send the expert.
pub async fn start_onboarding(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
) -> Result<Json<Value>, AppError> {
    let url = payouts::start_onboarding(
        &state.db,
        state.payouts.as_ref(),
        app::accounts::LinkBase(&base),
        &caller.user,
        &client,
    )
    .await?;
    Ok(Json(json!({ "url": url })))
}
