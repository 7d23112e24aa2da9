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

use super::json::JsonBody;
use crate::extract::Client;
use crate::middleware::bearer::ApiCaller;
use crate::{AppError, AppState, ErrorCode, Links, uploads};

pub fn money(m: &Money) -> Value {
    json!({ "amount": m.minor, "currency": m.currency.as_str(), "display": m.to_string() })
}

fn rfc3339(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

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
                "next_available_at": l.next_available_at
                    .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                    .map(|t| rfc3339(&t)),
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
) -> Response {
    let viewer = caller.as_ref().map(|c| &c.0.user);
    match directory::search(&state.db, &state.directory, &params, viewer).await {
        Ok(results) => Json(directory_json(&results)).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
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
) -> Response {
    let viewer = caller.as_ref().map(|c| &c.0.user);
    let currency = match directory::viewer_currency(q.currency.as_deref(), viewer) {
        Ok(c) => c,
        Err(e) => return AppError::fields(vec![e]).into_response(),
    };
    match directory::public_profile(&state.db, &id, viewer, currency).await {
        Ok(p) => Json(public_json(&p)).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `GET /api/v1/specialties`: the taxonomy.
pub async fn specialties(State(state): State<AppState>) -> Response {
    match store::taxonomy::all(&state.db).await {
        Ok(categories) => Json(json!({
            "categories": categories.iter().map(|c| json!({
                "slug": c.slug,
                "name": c.name,
                "specialties": c.specialties.iter().map(|s| json!({"slug": s.slug, "name": s.name})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>()
        }))
        .into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
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
) -> Response {
    match application::own(&state.db, &caller.user).await {
        Ok(Some(own)) => Json(application_json(&state, &own)).into_response(),
        Ok(None) => AppError::new(ErrorCode::NotFound).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `POST /api/v1/experts/application`: starts a draft → 201.
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    JsonBody(body): JsonBody<ApplicationBody>,
) -> Response {
    match application::create(&state.db, &caller.user, body.into(), &client).await {
        Ok(own) => (StatusCode::CREATED, Json(application_json(&state, &own))).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `PATCH /api/v1/experts/application`: changes the fields given.
pub async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    JsonBody(body): JsonBody<ApplicationBody>,
) -> Response {
    match application::update(&state.db, &caller.user, body.into(), &client).await {
        Ok(own) => Json(application_json(&state, &own)).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `POST /api/v1/experts/application/submit`
pub async fn submit(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
) -> Response {
    match application::submit(&state.db, &caller.user, &client).await {
        Ok(own) => Json(application_json(&state, &own)).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `POST /api/v1/experts/application/documents`: multipart with `kind` and `document` → 201.
pub async fn upload_document(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    multipart: Multipart,
) -> Response {
    let upload = match uploads::read(multipart, "document").await {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let (file_name, bytes) = upload.file.clone().unwrap_or_default();
    match documents::upload(
        &state.db,
        state.files.as_ref(),
        &state.throttle,
        &caller.user,
        upload.field("kind"),
        &file_name,
        bytes,
        &client,
    )
    .await
    {
        Ok(doc) => (StatusCode::CREATED, Json(document_json(&doc))).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `DELETE /api/v1/experts/application/documents/{id}` → 204.
pub async fn delete_document(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
    Path(id): Path<Uuid>,
) -> Response {
    match documents::remove(&state.db, state.files.as_ref(), &caller.user, id, &client).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
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
) -> Response {
    match documents::read(&state.db, state.files.as_ref(), &caller.user, id).await {
        Ok((document, bytes)) => document_response(&document, bytes),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `GET /api/v1/experts/me/payouts`
pub async fn payout_status(
    State(state): State<AppState>,
    Extension(caller): Extension<ApiCaller>,
) -> Response {
    match payouts::refresh(&state.db, state.payouts.as_ref(), &caller.user).await {
        Ok(profile) => Json(payouts_json(&state, &profile)).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// `POST /api/v1/experts/me/payouts/onboarding` → {url}: where to send the expert.
pub async fn start_onboarding(
    State(state): State<AppState>,
    Links(base): Links,
    Extension(caller): Extension<ApiCaller>,
    Client(client): Client,
) -> Response {
    match payouts::start_onboarding(
        &state.db,
        state.payouts.as_ref(),
        app::accounts::LinkBase(&base),
        &caller.user,
        &client,
    )
    .await
    {
        Ok(url) => Json(json!({ "url": url })).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}
