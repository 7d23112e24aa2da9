//! The learner's "My learning" page: goals (set, change, share) and one timeline of
//! sessions, notes, resources, reviews and goal changes; linking a session to a goal
//! from its booking page.

use app::learning::LearningError;
use app::learning::goals::{self, GoalInput};
use app::learning::timeline::{self, Happening};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use store::users::User;
use uuid::Uuid;

use crate::bookings::present::LocalTimes;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::pages::shown_error::{ShownError, shown};
use crate::{AppError, AppState};

/// A goal as the page lists it (and its form shows it).
struct GoalView {
    id: Uuid,
    title: String,
    detail: String,
    status: String,
    status_label: String,
    target: String,
    /// The target date as the page's language writes it ("Dec 31, 2026").
    target_shown: String,
    shared: bool,
    sessions: usize,
}

/// One line of the timeline.
struct TimelineItem {
    at: String,
    text: String,
    link: String,
}

/// A goal form sent back with its errors: the new-goal form (`goal` none) or one goal's.
struct Refused {
    goal: Option<Uuid>,
    input: GoalInput,
    errors: Vec<ShownError>,
}

#[derive(Template)]
#[template(path = "learning/goals.html")]
struct GoalsPage<'a> {
    shell: &'a Shell,
    goals: Vec<GoalView>,
    timeline: Vec<TimelineItem>,
    zone: String,
    /// The new-goal form's fields (kept when refused).
    draft: GoalInput,
    /// Errors of the new-goal form.
    errors: Vec<ShownError>,
    /// The goal whose form was refused, with its errors.
    goal_errors: Option<(Uuid, Vec<ShownError>)>,
}

impl GoalsPage<'_> {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// Whether `field` of the goal's refused form is invalid.
    fn goal_invalid(&self, goal: &Uuid, field: &str) -> bool {
        self.goal_errors
            .iter()
            .any(|(id, errors)| id == goal && errors.iter().any(|e| e.field == field))
    }

    /// The messages of the goal's refused form (none when it was not refused).
    fn goal_errors_of(&self, goal: &Uuid) -> Vec<&str> {
        self.goal_errors
            .iter()
            .filter(|(id, _)| id == goal)
            .flat_map(|(_, errors)| errors.iter())
            .map(|e| e.message.as_str())
            .collect()
    }

    fn status_label(&self, status: &str) -> String {
        self.shell.t(&format!("goal-status-{status}"))
    }

    fn draft_target(&self) -> &str {
        self.draft.target_date.as_deref().unwrap_or("")
    }
}

fn timeline_text(shell: &Shell, e: &timeline::Entry) -> String {
    let status = |s: &str| shell.t(&format!("booking-status-{}", s.replace('_', "-")));
    match e.what {
        Happening::Session => shell.t_args(
            "timeline-session",
            &[("expert", e.detail.clone()), ("status", status(&e.label))],
        ),
        Happening::Notes => shell.t("timeline-notes"),
        Happening::Resource => shell.t1("timeline-resource", "title", &e.label),
        Happening::Review => shell.t_args(
            "timeline-review",
            &[("expert", e.detail.clone()), ("stars", e.label.clone())],
        ),
        Happening::GoalSet => shell.t1("timeline-goal-set", "title", &e.label),
        Happening::GoalStatus => shell.t_args(
            "timeline-goal-status",
            &[
                ("title", e.label.clone()),
                ("status", shell.t(&format!("goal-status-{}", e.detail))),
            ],
        ),
        Happening::GoalTarget if e.detail.is_empty() => {
            shell.t1("timeline-goal-target-cleared", "title", &e.label)
        }
        Happening::GoalTarget => shell.t_args(
            "timeline-goal-target",
            &[
                ("title", e.label.clone()),
                ("date", shown_date(shell, Some(&e.detail))),
            ],
        ),
    }
}

async fn page(
    state: &AppState,
    user: &User,
    shell: &Shell,
    refused: Option<Refused>,
) -> Result<Response, AppError> {
    let clock = LocalTimes::of(user, shell.locale);
    let list = goals::of_learner(&state.db, user).await?;
    let entries = timeline::of_learner(&state.db, user).await?;
    let (draft, errors, goal_errors, status) = match refused {
        None => (GoalInput::default(), Vec::new(), None, StatusCode::OK),
        Some(Refused {
            goal: None,
            input,
            errors,
        }) => (input, errors, None, StatusCode::UNPROCESSABLE_ENTITY),
        Some(Refused {
            goal: Some(id),
            errors,
            input,
        }) => (
            GoalInput::default(),
            Vec::new(),
            Some((id, errors, input)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    // The refused goal's form shows what was sent, not what is stored.
    let edited = goal_errors
        .as_ref()
        .map(|(id, _, input)| (*id, input.clone()));
    let goal_errors = goal_errors.map(|(id, errors, _)| (id, errors));
    let page = GoalsPage {
        shell,
        goals: list
            .into_iter()
            .map(|g| {
                let mut view = GoalView {
                    id: g.row.id,
                    status_label: shell.t(&format!("goal-status-{}", g.row.status)),
                    title: g.row.title,
                    detail: g.row.detail,
                    status: g.row.status,
                    target_shown: shown_date(shell, g.row.target_date.as_deref()),
                    target: g.row.target_date.unwrap_or_default(),
                    shared: g.row.shared,
                    sessions: g.series.len(),
                };
                if let Some((_, sent)) = edited.as_ref().filter(|(id, _)| *id == view.id) {
                    view.title = sent.title.clone();
                    view.detail = sent.detail.clone();
                    view.status = sent.status.clone().unwrap_or(view.status);
                    view.target = sent.target_date.clone().unwrap_or_default();
                    view.shared = sent.shared;
                }
                view
            })
            .collect(),
        timeline: entries
            .iter()
            .map(|e| TimelineItem {
                at: clock.at(e.at),
                text: timeline_text(shell, e),
                link: e.link.clone(),
            })
            .collect(),
        zone: clock.zone_name.clone(),
        draft,
        errors,
        goal_errors,
    };
    Ok(render(page, status))
}

/// `GET /goals`: "My learning".
pub async fn show(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
) -> Result<Response, AppError> {
    page(&state, &viewer.user, &shell, None).await
}

#[derive(Deserialize)]
pub struct GoalForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    detail: String,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    target_date: Option<String>,
    /// A checkbox: present when ticked.
    #[serde(default)]
    shared: Option<String>,
}

impl From<GoalForm> for GoalInput {
    fn from(f: GoalForm) -> Self {
        GoalInput {
            title: f.title,
            detail: f.detail,
            status: f.status,
            target_date: f.target_date,
            shared: f.shared.is_some(),
        }
    }
}

async fn refused_or(
    state: &AppState,
    user: &User,
    shell: &Shell,
    goal: Option<Uuid>,
    input: GoalInput,
    result: Result<(), LearningError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(crate::redirect::to("/goals#goals")),
        Err(LearningError::Invalid(fields)) => {
            let errors = shown(shell, &fields);
            page(
                state,
                user,
                shell,
                Some(Refused {
                    goal,
                    input,
                    errors,
                }),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /goals`: a new goal.
pub async fn create(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Form(form): Form<GoalForm>,
) -> Result<Response, AppError> {
    let input = GoalInput::from(form);
    let result = goals::create(&state.db, &viewer.user, &input, state.clock().now())
        .await
        .map(|_| ());
    refused_or(&state, &viewer.user, &shell, None, input, result).await
}

/// `POST /goals/{id}`: a goal's new status, target date, sharing or words.
pub async fn update(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(id): Path<Uuid>,
    Form(form): Form<GoalForm>,
) -> Result<Response, AppError> {
    let input = GoalInput::from(form);
    let result = goals::update(&state.db, &viewer.user, id, &input, state.clock().now())
        .await
        .map(|_| ());
    refused_or(&state, &viewer.user, &shell, Some(id), input, result).await
}

#[derive(Deserialize)]
pub struct LinkForm {
    goal: Uuid,
    /// `link` (default) or `unlink`.
    #[serde(default)]
    action: String,
}

/// `POST /bookings/{id}/goals` {goal, action}: the learner links the session to a goal,
/// or unlinks it.
pub async fn link(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<Uuid>,
    Form(form): Form<LinkForm>,
) -> Result<Response, AppError> {
    let link = form.action != "unlink";
    goals::link(
        &state.db,
        &viewer.user,
        form.goal,
        id,
        link,
        state.clock().now(),
    )
    .await?;
    Ok(crate::redirect::to(&format!("/bookings/{id}#goals")))
}

/// A stored `YYYY-MM-DD` date as the page's language writes it; as stored if it is not one.
fn shown_date(shell: &Shell, stored: Option<&str>) -> String {
    let stored = stored.unwrap_or_default();
    stored
        .parse::<jiff::civil::Date>()
        .map_or_else(|_| stored.to_owned(), |d| shell.locale.date(d))
}
