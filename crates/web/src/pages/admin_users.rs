//! Operators find accounts and grant or revoke roles.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::Role;
use serde::Deserialize;
use store::users::User;
use uuid::Uuid;

use super::render;
use super::shell::Shell;
use crate::extract::Client;
use crate::middleware::viewer::SignedIn;
use crate::{AppError, AppState, ErrorCode};

const SHOWN: u64 = 100;

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage<'a> {
    shell: &'a Shell,
    query: String,
    users: Vec<User>,
    grantable: [Role; 2],
}

#[derive(Deserialize)]
pub struct SearchParam {
    #[serde(default)]
    q: String,
}

pub async fn list(
    State(state): State<AppState>,
    shell: Shell,
    Query(search): Query<SearchParam>,
) -> Response {
    match store::users::search(&state.db, &search.q, SHOWN).await {
        Ok(users) => render(
            UsersPage {
                shell: &shell,
                query: search.q,
                users,
                grantable: [Role::Expert, Role::Admin],
            },
            StatusCode::OK,
        ),
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
    /// `grant` or `revoke`.
    #[serde(default)]
    action: String,
    #[serde(default)]
    q: String,
}

pub async fn set_role(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    Path(user_id): Path<Uuid>,
    Form(form): Form<RoleForm>,
) -> Response {
    let Ok(role) = form.role.parse::<Role>() else {
        return AppError::new(ErrorCode::BadRequest)
            .with_arg("problem", "role must be expert or admin")
            .into_response();
    };
    let grant = match form.action.as_str() {
        "grant" => true,
        "revoke" => false,
        _ => {
            return AppError::new(ErrorCode::BadRequest)
                .with_arg("problem", "action must be grant or revoke")
                .into_response();
        }
    };
    // An admin cannot remove their own admin role: some admin must always remain.
    if !grant && role == Role::Admin && user_id == viewer.user.id {
        return AppError::new(ErrorCode::Forbidden).into_response();
    }
    match store::users::find_by_id(&state.db, user_id).await {
        Ok(Some(_)) => {}
        Ok(None) => return AppError::new(ErrorCode::NotFound).into_response(),
        Err(e) => return AppError::from(e).into_response(),
    }
    match app::roles::set_role(&state.db, viewer.user.id, user_id, role, grant, &client).await {
        Ok(_) => {
            let back = serde_urlencoded::to_string([("q", form.q.as_str())]).unwrap_or_default();
            crate::redirect::to(&format!("/admin/users?{back}"))
        }
        Err(e) => AppError::from(e).into_response(),
    }
}
