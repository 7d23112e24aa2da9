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
use crate::pages::confirm::{self, Confirm};
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
    /// `yes` once the operator has seen what the change means (see `pages::confirm`).
    #[serde(default)]
    confirmed: String,
}

pub async fn set_role(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(viewer): SignedIn,
    shell: Shell,
    Path(user_id): Path<Uuid>,
    Form(form): Form<RoleForm>,
) -> Result<Response, AppError> {
    let Ok(role @ (Role::Expert | Role::Admin)) = form.role.parse::<Role>() else {
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
    let person = app::accounts::by_id(&state.db, user_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound))?;
    let back = serde_urlencoded::to_string([("q", form.q.as_str())]).unwrap_or_default();
    let back = format!("/admin/users?{back}");
    if !confirm::given(&form.confirmed) {
        return Ok(ask(&shell, &person, role, &form, back));
    }
    app::roles::set_role(&state.db, viewer.user.id, user_id, role, grant, &client).await?;
    Ok(crate::redirect::to(&back))
}

/// The step before a role changes: the person by name and email, and what the role allows.
fn ask(shell: &Shell, person: &User, role: Role, form: &RoleForm, back: String) -> Response {
    let action = form.action.as_str();
    let who = [
        ("name", person.display_name.clone()),
        ("email", person.email.clone()),
        ("role", shell.t(&format!("role-{}", role.as_str()))),
    ];
    let mut lead = vec![shell.t_args(&format!("admin-role-ask-{action}"), &who)];
    lead.push(shell.t(&format!("admin-role-allows-{}", role.as_str())));
    confirm::page(
        shell,
        Confirm {
            title: shell.t_args(&format!("admin-role-ask-{action}-title"), &who),
            lead,
            keep: shell.t("admin-role-keep"),
            keep_href: back,
            go: shell.t(&format!("admin-{action}-{}", role.as_str())),
            action: format!("/admin/users/{}/roles", person.id),
            fields: vec![
                ("role", role.as_str().to_owned()),
                ("action", action.to_owned()),
                ("q", form.q.clone()),
            ],
        },
    )
}
