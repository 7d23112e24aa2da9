//! Operators find accounts and grant or revoke roles.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::Role;
use serde::Deserialize;
use store::users::User;
use uuid::Uuid;

use crate::extract::Client;
use crate::middleware::viewer::SignedIn;
use crate::pages::render;
use crate::pages::shell::Shell;
use crate::{AppError, AppState, ErrorCode};

const SHOWN: u64 = 100;

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage<'a> {
    shell: &'a Shell,
    query: String,
    users: Vec<AccountView>,
    grantable: [Role; 2],
}

/// An account as the list shows it: who, and the roles it has.
struct AccountView {
    id: Uuid,
    display_name: String,
    email: String,
    roles: Vec<Role>,
}

impl From<User> for AccountView {
    fn from(user: User) -> Self {
        Self {
            id: user.id,
            display_name: user.display_name,
            email: user.email,
            roles: user.roles,
        }
    }
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
) -> Result<Response, AppError> {
    let users = app::roles::search(&state.db, &search.q, SHOWN).await?;
    Ok(render(
        UsersPage {
            shell: &shell,
            query: search.q,
            users: users.into_iter().map(AccountView::from).collect(),
            grantable: [Role::Expert, Role::Admin],
        },
        StatusCode::OK,
    ))
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
) -> Result<Response, AppError> {
    let Ok(role) = form.role.parse::<Role>() else {
        return Err(AppError::new(ErrorCode::BadRequest)
            .with_arg("problem", "role must be expert or admin"));
    };
    let grant = match form.action.as_str() {
        "grant" => true,
        "revoke" => false,
        _ => {
            return Err(AppError::new(ErrorCode::BadRequest)
                .with_arg("problem", "action must be grant or revoke"));
        }
    };
    // An admin cannot remove their own admin role: some admin must always remain.
    if !grant && role == Role::Admin && user_id == viewer.user.id {
        return Err(AppError::new(ErrorCode::Forbidden));
    }
    app::accounts::by_id(&state.db, user_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    app::roles::set_role(&state.db, viewer.user.id, user_id, role, grant, &client).await?;
    let back = serde_urlencoded::to_string([("q", form.q.as_str())]).unwrap_or_default();
    Ok(crate::redirect::to(&format!("/admin/users?{back}")))
}
