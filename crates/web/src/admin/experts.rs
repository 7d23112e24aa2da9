//! Verifiers' pages: the queue (`/admin/experts`), one application with its documents and
//! the decision form (`/admin/experts/{id}`), suspensions, and the specialty taxonomy
//! (`/admin/specialties`).

use app::accounts::LinkBase;
use app::experts::ExpertError;
use app::experts::verification::{self, Review};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::expert::ApplicationStatus;
use serde::Deserialize;
use store::experts::QueueEntry;
use uuid::Uuid;

use crate::experts::document_view::DocumentView;
use crate::experts::taxonomy_view::{self, CategoryView};
use crate::extract::Client;
use crate::middleware::viewer::SignedIn;
use crate::pages::confirm::{self, Confirm};
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::pages::shown_instant::Shown;
use crate::{AppError, AppState, ErrorCode, Links};

#[derive(Template)]
#[template(path = "admin/experts.html")]
struct QueuePage<'a> {
    shell: &'a Shell,
    status: ApplicationStatus,
    entries: Vec<EntryView>,
    statuses: [ApplicationStatus; 5],
}

/// One application in the queue: who applied, and how long it has waited.
struct EntryView {
    user_id: Uuid,
    display_name: String,
    email: String,
    headline: String,
    suspended: bool,
    /// "3 days", "5 hours"; empty when never submitted.
    waited: String,
}

impl EntryView {
    /// `now` is when the page was made.
    fn of(entry: QueueEntry, shell: &Shell, now: jiff::Timestamp) -> Self {
        Self {
            waited: entry
                .submitted_at
                .map(|at| age(shell, now, at))
                .unwrap_or_default(),
            user_id: entry.user_id,
            display_name: entry.display_name,
            email: entry.email,
            headline: entry.headline,
            suspended: entry.suspended,
        }
    }
}

/// "3 days", "5 hours": how long an application submitted `at` has waited by `now`.
fn age(shell: &Shell, now: jiff::Timestamp, at: jiff::Timestamp) -> String {
    let waited = now.duration_since(at).as_secs();
    let (days, hours, minutes) = (waited / 86_400, waited / 3_600, waited / 60);
    if days >= 1 {
        shell.t1("age-days", "count", &days.to_string())
    } else if hours >= 1 {
        shell.t1("age-hours", "count", &hours.to_string())
    } else {
        shell.t1("age-minutes", "count", &minutes.max(0).to_string())
    }
}

impl QueuePage<'_> {
    fn status_text(&self, status: &ApplicationStatus) -> String {
        self.shell.t(&format!(
            "admin-review-status-{}",
            status.as_str().replace('_', "-")
        ))
    }
}

#[derive(Deserialize)]
pub struct StatusParam {
    #[serde(default)]
    status: Option<String>,
}

pub async fn queue(
    State(state): State<AppState>,
    shell: Shell,
    Query(q): Query<StatusParam>,
) -> Result<Response, AppError> {
    let status = q
        .status
        .as_deref()
        .and_then(ApplicationStatus::parse)
        .unwrap_or(ApplicationStatus::Submitted);
    let now = state.clock().now();
    let entries = verification::queue(&state.db, status)
        .await?
        .into_iter()
        .map(|entry| EntryView::of(entry, &shell, now))
        .collect();
    Ok(render(
        QueuePage {
            shell: &shell,
            status,
            entries,
            statuses: ApplicationStatus::ALL,
        },
        StatusCode::OK,
    ))
}

#[derive(Template)]
#[template(path = "admin/expert_review.html")]
struct ReviewPage<'a> {
    shell: &'a Shell,
    review: ReviewView,
    specialty_names: Vec<String>,
    errors: Vec<ShownError>,
    decision: String,
    reason: String,
    saved: Option<String>,
    /// Confirmed sessions the expert cancelled themselves (each refunded in full).
    expert_cancellations: i64,
}

/// An application as its verifier reads it: the applicant, what they wrote, their
/// documents and earlier decisions.
struct ReviewView {
    expert_id: Uuid,
    name: String,
    email: String,
    status: ApplicationStatus,
    suspended: bool,
    headline: String,
    /// "en, es".
    languages: String,
    /// "60 minutes: $40.00", one per offered length.
    rates: Vec<String>,
    intro_video_url: Option<String>,
    /// Rendered and sanitised when saved.
    bio_html: String,
    documents: Vec<DocumentView>,
    decisions: Vec<DecisionView>,
}

/// An earlier decision: what (in the page's language), when, and why.
struct DecisionView {
    decision: String,
    /// "2026-12-04 15:17 UTC".
    at: String,
    reason: String,
}

impl ReviewView {
    fn of(review: Review, shell: &Shell) -> Self {
        let Review {
            applicant,
            application,
        } = review;
        let p = application.profile;
        let currency = domain::profile::CurrencyCode::parse(&p.currency).ok();
        let rates = p
            .rates
            .iter()
            .map(|(minutes, minor)| {
                let price = currency
                    .map(|c| shell.price(&domain::money::Money::new(*minor, c)))
                    .unwrap_or_default();
                format!(
                    "{}: {price}",
                    shell.t1("expert-rate-duration", "minutes", &minutes.to_string())
                )
            })
            .collect();
        Self {
            expert_id: p.user_id,
            name: applicant.display_name,
            email: applicant.email,
            status: p.status,
            suspended: p.suspended_at.is_some(),
            headline: p.headline,
            languages: p.languages.join(", "),
            rates,
            intro_video_url: p.intro_video_url,
            bio_html: p.bio_html,
            documents: application
                .documents
                .into_iter()
                .map(|d| DocumentView::of(d, shell))
                .collect(),
            decisions: application
                .decisions
                .into_iter()
                .map(|d| DecisionView {
                    decision: decision_text(shell, &d.decision),
                    at: Shown::minute(shell.locale, &d.created_at).text,
                    reason: d.reason,
                })
                .collect(),
        }
    }
}

/// A decision (`request_changes`, …) in the page's language.
fn decision_text(shell: &Shell, decision: &str) -> String {
    shell.t(&format!("expert-decision-{}", decision.replace('_', "-")))
}

impl ReviewPage<'_> {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    fn status_text(&self) -> String {
        self.shell.t(&format!(
            "admin-review-status-{}",
            self.review.status.as_str().replace('_', "-")
        ))
    }

    fn decidable(&self) -> bool {
        self.review.status == ApplicationStatus::Submitted
    }

    fn approved(&self) -> bool {
        self.review.status == ApplicationStatus::Approved
    }

    fn decision_text(&self, decision: &str) -> String {
        decision_text(self.shell, decision)
    }
}

#[derive(Deserialize)]
pub struct SavedParam {
    #[serde(default)]
    saved: Option<String>,
}

async fn review_page(
    state: &AppState,
    shell: &Shell,
    id: Uuid,
    errors: Vec<ShownError>,
    form: (String, String),
    saved: Option<String>,
) -> Result<Response, AppError> {
    let review = verification::review(&state.db, id).await?;
    let specialty_names =
        app::experts::taxonomy::names_of(&state.db, &review.application.profile.specialties)
            .await?;
    let expert_cancellations = verification::expert_cancellations(&state.db, id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render(
        ReviewPage {
            shell,
            review: ReviewView::of(review, shell),
            expert_cancellations,
            specialty_names,
            errors,
            decision: form.0,
            reason: form.1,
            saved: saved.filter(|s| ["decision", "suspension"].contains(&s.as_str())),
        },
        status,
    ))
}

pub async fn review(
    State(state): State<AppState>,
    shell: Shell,
    Path(id): Path<Uuid>,
    Query(q): Query<SavedParam>,
) -> Result<Response, AppError> {
    review_page(&state, &shell, id, Vec::new(), Default::default(), q.saved).await
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

pub async fn decide(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let decided = verification::decide(
        &state.db,
        state.mailer.as_ref(),
        LinkBase(&base),
        &viewer.user,
        verification::DecisionInput {
            expert_id: id,
            decision: &form.decision,
            reason: &form.reason,
        },
        &client,
    )
    .await;
    match decided {
        Ok(_) => Ok(crate::redirect::to(&format!(
            "/admin/experts/{id}?saved=decision"
        ))),
        Err(ExpertError::Invalid(fields)) => {
            let errors = shown(&shell, &fields);
            review_page(
                &state,
                &shell,
                id,
                errors,
                (form.decision, form.reason),
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct SuspensionForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
    /// `yes` once the operator has seen what suspending means (see `pages::confirm`).
    #[serde(default)]
    confirmed: String,
}

pub async fn suspension(
    State(state): State<AppState>,
    Links(base): Links,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<SuspensionForm>,
) -> Result<Response, AppError> {
    let suspend = form.action != "reinstate";
    // Reinstating gives back; suspending hides the expert and ends their sessions: asked
    // first (a blank reason is refused on the real post, with the form kept).
    if suspend && !confirm::given(&form.confirmed) && !form.reason.trim().is_empty() {
        let expert = app::accounts::by_id(&state.db, id)
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
        let name = [
            ("name", expert.display_name),
            ("reason", form.reason.clone()),
        ];
        let href = format!("/admin/experts/{id}");
        return Ok(confirm::page(
            &shell,
            Confirm {
                title: shell.t_args("admin-suspend-ask-title", &name),
                lead: vec![
                    shell.t_args("admin-suspend-ask-what", &name),
                    shell.t_args("admin-suspend-ask-reason", &name),
                ],
                keep: shell.t("admin-suspend-keep"),
                go: shell.t("admin-experts-suspend"),
                action: format!("{href}/suspension"),
                keep_href: href,
                fields: vec![("action", "suspend".to_owned()), ("reason", form.reason)],
            },
        ));
    }
    match verification::set_suspended(
        &state.db,
        state.mailer.as_ref(),
        &viewer.user,
        id,
        suspend,
        &form.reason,
        &client,
    )
    .await
    {
        Ok(_) => {
            state
                .after_suspension(&base, &viewer.user, id, suspend, &form.reason)
                .await?;
            Ok(crate::redirect::to(&format!(
                "/admin/experts/{id}?saved=suspension"
            )))
        }
        Err(ExpertError::Invalid(fields)) => {
            let errors = shown(&shell, &fields);
            review_page(&state, &shell, id, errors, Default::default(), None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "admin/specialties.html")]
struct TaxonomyPage<'a> {
    shell: &'a Shell,
    categories: Vec<CategoryView>,
    errors: Vec<ShownError>,
}

impl TaxonomyPage<'_> {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

async fn taxonomy_page(
    state: &AppState,
    shell: &Shell,
    errors: Vec<ShownError>,
) -> Result<Response, AppError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let categories = taxonomy_view::categories(app::experts::taxonomy::all(&state.db).await?);
    Ok(render(
        TaxonomyPage {
            shell,
            categories,
            errors,
        },
        status,
    ))
}

pub async fn specialties(
    State(state): State<AppState>,
    shell: Shell,
) -> Result<Response, AppError> {
    taxonomy_page(&state, &shell, Vec::new()).await
}

#[derive(Deserialize)]
pub struct SpecialtyForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    name: String,
}

/// Adds a specialty to a category; its slug comes from its name.
pub async fn add_specialty(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<SpecialtyForm>,
) -> Result<Response, AppError> {
    match app::experts::taxonomy::add_specialty(
        &state.db,
        &viewer.user,
        &form.category,
        &form.name,
        &client,
    )
    .await
    {
        Ok(()) => Ok(crate::redirect::to("/admin/specialties")),
        Err(ExpertError::Invalid(fields)) => {
            taxonomy_page(&state, &shell, shown(&shell, &fields)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct RenameForm {
    #[serde(default)]
    name: String,
}

pub async fn rename_specialty(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(slug): Path<String>,
    Form(form): Form<RenameForm>,
) -> Result<Response, AppError> {
    match app::experts::taxonomy::rename_specialty(
        &state.db,
        &viewer.user,
        &slug,
        &form.name,
        &client,
    )
    .await
    {
        Ok(()) => Ok(crate::redirect::to("/admin/specialties")),
        Err(ExpertError::Invalid(fields)) => {
            taxonomy_page(&state, &shell, shown(&shell, &fields)).await
        }
        Err(e) => Err(e.into()),
    }
}
