//! The expert application page (`/experts/apply`): write the application (saved as a
//! draft), upload verification documents, submit for review, see the verifier's answer,
//! and, once approved, connect payouts.

use app::accounts::LinkBase;
use app::experts::application::{self, Amount, ApplicationInput, OwnApplication, RateInput};
use app::experts::{ExpertError, documents, payouts};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::expert::{ApplicationStatus, RATE_DURATIONS};
use domain::money::Money;
use domain::profile::CurrencyCode;
use serde::Deserialize;
use store::users::User;
use uuid::Uuid;

use super::document_view::DocumentView;
use super::taxonomy_view::{self, CategoryView};
use crate::extract::Client;
use crate::middleware::viewer::SignedIn;
use crate::pages::confirm::{self, Confirm};
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState, Links, uploads};

/// The form's values: the saved application's, or what was just submitted.
#[derive(Debug, Clone, Default)]
pub struct ApplyForm {
    headline: String,
    bio: String,
    specialties: Vec<String>,
    languages: String,
    currency: String,
    /// (minutes, amount as typed) for every offered duration.
    rates: Vec<(i32, String)>,
    intro_video_url: String,
}

impl ApplyForm {
    fn of(user: &User, own: Option<&OwnApplication>) -> Self {
        let Some(own) = own else {
            return Self {
                languages: user.languages.join(", "),
                currency: user.currency.clone(),
                rates: RATE_DURATIONS.iter().map(|d| (*d, String::new())).collect(),
                ..Self::default()
            };
        };
        let p = &own.profile;
        let currency = CurrencyCode::parse(&p.currency).ok();
        Self {
            headline: p.headline.clone(),
            bio: p.bio.clone(),
            specialties: p.specialties.clone(),
            languages: p.languages.join(", "),
            currency: p.currency.clone(),
            rates: RATE_DURATIONS
                .iter()
                .map(|d| {
                    let amount = p
                        .rates
                        .iter()
                        .find(|(minutes, _)| minutes == d)
                        .zip(currency)
                        .map(|((_, minor), c)| Money::new(*minor, c).major_text())
                        .unwrap_or_default();
                    (*d, amount)
                })
                .collect(),
            intro_video_url: p.intro_video_url.clone().unwrap_or_default(),
        }
    }

    /// Reads a submitted form; `specialties` repeats, so serde's map form cannot.
    fn parse(body: &[u8]) -> Self {
        let mut form = Self {
            rates: RATE_DURATIONS.iter().map(|d| (*d, String::new())).collect(),
            ..Self::default()
        };
        for (key, value) in form_urlencoded::parse(body) {
            let value = value.into_owned();
            match key.as_ref() {
                "headline" => form.headline = value,
                "bio" => form.bio = value,
                "specialties" => form.specialties.push(value),
                "languages" => form.languages = value,
                "currency" => form.currency = value,
                "intro_video_url" => form.intro_video_url = value,
                other => {
                    if let Some(minutes) = other
                        .strip_prefix("rate_")
                        .and_then(|m| m.parse::<i32>().ok())
                        && let Some(slot) = form.rates.iter_mut().find(|(d, _)| *d == minutes)
                    {
                        slot.1 = value;
                    }
                }
            }
        }
        form
    }

    fn input(&self) -> ApplicationInput {
        ApplicationInput {
            headline: Some(self.headline.clone()),
            bio: Some(self.bio.clone()),
            specialties: Some(self.specialties.clone()),
            languages: Some(vec![self.languages.clone()]),
            currency: Some(self.currency.clone()),
            rates: Some(
                self.rates
                    .iter()
                    .map(|(minutes, amount)| RateInput {
                        duration_minutes: *minutes,
                        amount: Amount::Major(amount.clone()),
                    })
                    .collect(),
            ),
            intro_video_url: Some(self.intro_video_url.clone()),
        }
    }
}

#[derive(Template)]
#[template(path = "experts/apply.html")]
struct ApplyPage<'a> {
    shell: &'a Shell,
    form: ApplyForm,
    /// Where the application stands; `None` before the person applied.
    status: Option<ApplicationStatus>,
    own: Option<OwnView>,
    categories: Vec<CategoryView>,
    errors: Vec<ShownError>,
    saved: Option<String>,
    email_verified: bool,
    avatar_url: Option<String>,
    test_mode: bool,
}

/// The person's own application, as the page shows where it stands.
struct OwnView {
    slug: String,
    /// "Verified since 2026-12-04", once verified.
    verified: Option<String>,
    /// The verifier's reason for the last decision.
    decision_reason: Option<String>,
    suspended: bool,
    suspension_reason: Option<String>,
    /// Approved, not suspended, and payouts connected.
    bookable: bool,
    /// What the payment provider still needs.
    payout_requirements: Vec<String>,
    /// Onboarding with the provider has begun (the button says "continue").
    payouts_started: bool,
    documents: Vec<DocumentView>,
}

impl OwnView {
    fn of(own: OwnApplication, shell: &Shell) -> Self {
        let p = own.profile;
        Self {
            bookable: p.bookable(),
            verified: p.verified_at.map(|at| {
                shell.t1(
                    "expert-verified-since",
                    "date",
                    &Shown::day(shell.locale, &at).text,
                )
            }),
            slug: p.slug,
            decision_reason: p.decision_reason,
            suspended: p.suspended_at.is_some(),
            suspension_reason: p.suspension_reason,
            payouts_started: p.payout.account_id.is_some(),
            payout_requirements: p.payout.requirements,
            documents: own
                .documents
                .into_iter()
                .map(|d| DocumentView::of(d, shell))
                .collect(),
        }
    }
}

impl ApplyPage<'_> {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    fn status_text(&self) -> String {
        match self.status {
            Some(s) => self
                .shell
                .t(&format!("expert-status-{}", s.as_str().replace('_', "-"))),
            None => self.shell.t("expert-status-none"),
        }
    }

    fn editable(&self) -> bool {
        self.status.is_none_or(ApplicationStatus::editable)
    }

    fn submittable(&self) -> bool {
        self.status.is_some_and(ApplicationStatus::submittable)
    }

    fn approved(&self) -> bool {
        self.status == Some(ApplicationStatus::Approved)
    }

    fn chosen(&self, slug: &str) -> bool {
        self.form.specialties.iter().any(|s| s == slug)
    }

    fn duration_text(&self, minutes: &i32) -> String {
        self.shell
            .t1("expert-rate-duration", "minutes", &minutes.to_string())
    }

    fn rate_field(&self, minutes: &i32) -> &'static str {
        application::rate_field(*minutes)
    }

    fn saved_message(&self) -> Option<String> {
        self.saved
            .as_ref()
            .map(|what| self.shell.t(&format!("expert-saved-{what}")))
    }
}

#[derive(Deserialize)]
pub struct SavedParam {
    #[serde(default)]
    saved: Option<String>,
}

/// Renders the page with the given form values and errors.
async fn page(
    state: &AppState,
    shell: &Shell,
    user: &User,
    form: Option<ApplyForm>,
    errors: Vec<ShownError>,
    saved: Option<String>,
) -> Result<Response, AppError> {
    let own = application::own(&state.db, user).await?;
    let categories = taxonomy_view::categories(app::experts::taxonomy::all(&state.db).await?);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render(
        ApplyPage {
            shell,
            form: form.unwrap_or_else(|| ApplyForm::of(user, own.as_ref())),
            status: own.as_ref().map(|o| o.profile.status),
            own: own.map(|o| OwnView::of(o, shell)),
            categories,
            errors,
            // Only the known confirmations, never text from the URL.
            saved: saved.filter(|s| {
                ["draft", "submitted", "document", "removed", "payouts"].contains(&s.as_str())
            }),
            email_verified: user.email_verified,
            avatar_url: user.avatar_key.as_ref().map(|k| format!("/avatars/{k}")),
            test_mode: state.payments.mode() == payments::ProviderMode::Sandbox,
        },
        status,
    ))
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Query(q): Query<SavedParam>,
) -> Result<Response, AppError> {
    page(&state, &shell, &viewer.user, None, Vec::new(), q.saved).await
}

/// How a page answers a failed use case: field errors inline, the rest as error pages.
async fn refused(
    state: &AppState,
    shell: &Shell,
    user: &User,
    form: Option<ApplyForm>,
    err: ExpertError,
) -> Result<Response, AppError> {
    match err {
        ExpertError::Invalid(fields) => {
            let errors = shown(shell, &fields);
            page(state, shell, user, form, errors, None).await
        }
        other => Err(other.into()),
    }
}

pub async fn save(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = ApplyForm::parse(&body);
    match application::save(&state.db, &viewer.user, form.input(), &client).await {
        Ok(_) => Ok(crate::redirect::to("/experts/apply?saved=draft")),
        Err(e) => refused(&state, &shell, &viewer.user, Some(form), e).await,
    }
}

pub async fn submit(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
) -> Result<Response, AppError> {
    match application::submit(&state.db, &viewer.user, &client).await {
        Ok(_) => Ok(crate::redirect::to("/experts/apply?saved=submitted")),
        Err(e) => refused(&state, &shell, &viewer.user, None, e).await,
    }
}

/// Multipart: `csrf` first, then `kind` and `document`.
pub async fn upload_document(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let upload = uploads::read(multipart, "document").await?;
    let (file_name, bytes) = upload.file.clone().unwrap_or_default();
    match documents::upload(
        &state.db,
        state.files.as_ref(),
        &state.throttle,
        &viewer.user,
        upload.field("kind"),
        &file_name,
        bytes,
        &client,
    )
    .await
    {
        Ok(_) => Ok(crate::redirect::to(
            "/experts/apply?saved=document#documents",
        )),
        Err(e) => refused(&state, &shell, &viewer.user, None, e).await,
    }
}

/// The remove button's form: `confirmed` is `yes` once the expert has seen what removing
/// means (see `pages::confirm`).
#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    confirmed: String,
}

pub async fn remove_document(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, AppError> {
    if !confirm::given(&form.confirmed) {
        let document = documents::own(&state.db, &viewer.user, id).await?;
        let file = [("file", document.file_name)];
        return Ok(confirm::page(
            &shell,
            Confirm {
                title: shell.t_args("expert-document-ask-title", &file),
                lead: vec![shell.t("expert-document-ask-what")],
                keep: shell.t("expert-document-keep"),
                keep_href: "/experts/apply#documents".to_owned(),
                go: shell.t("expert-document-remove-yes"),
                action: format!("/experts/apply/documents/{id}/remove"),
                fields: Vec::new(),
            },
        ));
    }
    match documents::remove(&state.db, state.files.as_ref(), &viewer.user, id, &client).await {
        Ok(()) => Ok(crate::redirect::to(
            "/experts/apply?saved=removed#documents",
        )),
        Err(e) => refused(&state, &shell, &viewer.user, None, e).await,
    }
}

/// A document for its owner or a verifier (the review page links here too).
pub async fn download_document(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (document, bytes) =
        documents::read(&state.db, state.files.as_ref(), &viewer.user, id).await?;
    Ok(crate::experts::api::document_response(&document, bytes))
}

/// Sends the expert to the provider's onboarding (or the sandbox's page).
pub async fn start_payouts(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let url = payouts::start_onboarding(
        &state.db,
        state.payments.as_ref(),
        LinkBase(&base),
        &viewer.user,
        &client,
    )
    .await?;
    Ok(crate::redirect::to(&url))
}

/// The provider sent the expert back: read the account's state, show it.
pub async fn payouts_return(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    payouts::refresh(&state.db, state.payments.as_ref(), &viewer.user).await?;
    Ok(crate::redirect::to("/experts/apply?saved=payouts#payouts"))
}

#[derive(Template)]
#[template(path = "experts/payouts_sandbox.html")]
struct SandboxPage<'a> {
    shell: &'a Shell,
    email: String,
}

/// The sandbox's stand-in for the provider's onboarding, labelled as test mode.
pub async fn sandbox(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
) -> Result<Response, AppError> {
    if state.payments.mode() != payments::ProviderMode::Sandbox {
        return Err(ExpertError::NotTestMode.into());
    }
    Ok(render(
        SandboxPage {
            shell: &shell,
            email: viewer.user.email.clone(),
        },
        StatusCode::OK,
    ))
}

pub async fn sandbox_complete(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    payouts::complete_sandbox(&state.db, state.payments.as_ref(), &viewer.user, &client).await?;
    Ok(crate::redirect::to("/experts/payouts/return"))
}
