//! Who may call each route. Every route is registered through `Routes` with an `Access`
//! decision, enforced by a layer on that route alone; `route_table()` lists them all, and a
//! test walks that list as every kind of caller. Registering a route any other way fails
//! the source check in that test, so no route can go without a decision.

use axum::Router;
use axum::extract::{OriginalUri, Request};
use axum::http::Method;
use axum::middleware::{Next, from_fn};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use domain::Permission;
use store::users::User;

use utoipa::openapi::RefOr;
use utoipa::openapi::path::Paths;
use utoipa::openapi::schema::Schema;
use utoipa_axum::router::UtoipaMethodRouter;

use crate::api::openapi;
use crate::middleware::bearer::{ApiCaller, BearerProblem};
use crate::middleware::viewer::Viewer;
use crate::{AppError, AppState, ErrorCode};

/// The authorisation decision for a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, logged in or not.
    Public,
    /// Any logged-in account (a session on pages, a bearer token under `/api`). Handlers
    /// of such routes act only on the caller's own resources.
    SignedIn,
    /// A logged-in account whose roles grant the permission.
    Permission(Permission),
}

/// One registered route, for the route-walk test and for documentation.
#[derive(Debug, Clone)]
pub struct RouteInfo {
    pub method: Method,
    pub path: String,
    pub access: Access,
}

/// A router being built, the table of what it holds, and the API document of the routes
/// registered with `documented`.
pub struct Routes {
    router: Router<AppState>,
    table: Vec<RouteInfo>,
    prefix: &'static str,
    paths: Paths,
    schemas: Vec<(String, RefOr<Schema>)>,
}

/// What `Routes` built: the router, its table, and the API document's paths and schemas.
pub struct Built {
    pub router: Router<AppState>,
    pub table: Vec<RouteInfo>,
    pub paths: Paths,
    pub schemas: Vec<(String, RefOr<Schema>)>,
}

impl Routes {
    /// Routes whose table paths start with `prefix` (where they will be nested).
    pub fn new(prefix: &'static str) -> Self {
        Self {
            router: Router::new(),
            table: Vec::new(),
            prefix,
            paths: Paths::new(),
            schemas: Vec::new(),
        }
    }

    /// Adds an API handler described by its `#[utoipa::path]` (pass `routes!(handler)`),
    /// behind `access`, and documents it: its own description, and from here who may call
    /// it and the problem+json errors it can answer — `errors`, the codes its own logic
    /// reports, with those the stack gives every route of its kind (see `api::openapi`).
    pub fn documented(
        mut self,
        access: Access,
        (schemas, paths, handler): UtoipaMethodRouter<AppState>,
        errors: &[ErrorCode],
    ) -> Self {
        // `routes!` with one handler yields one path; a loop keeps this total.
        for (path, mut item) in paths.paths {
            let has_path_params = path.contains('{');
            let full_path = format!("{}{path}", self.prefix);
            for (method, op) in openapi::operations(&mut item) {
                openapi::describe(op, has_path_params, access, errors);
                self.table.push(RouteInfo {
                    method,
                    path: full_path.clone(),
                    access,
                });
            }
            match self.paths.paths.get_mut(&full_path) {
                // Another method at the same path, registered separately.
                Some(existing) => existing.merge_operations(item),
                None => {
                    self.paths.paths.insert(full_path, item);
                }
            }
            let guarded = handler
                .clone()
                .route_layer(from_fn(move |req: Request, next: Next| {
                    enforce(access, req, next)
                }));
            self.router = self.router.route(&path, guarded);
        }
        self.schemas.extend(schemas);
        self
    }

    /// Adds `handler` for `method` at `path`, behind `access`.
    pub fn add(
        mut self,
        method: Method,
        path: &str,
        access: Access,
        handler: MethodRouter<AppState>,
    ) -> Self {
        let guarded = handler.route_layer(from_fn(move |req: Request, next: Next| {
            enforce(access, req, next)
        }));
        self.router = self.router.route(path, guarded);
        self.table.push(RouteInfo {
            method,
            path: format!("{}{path}", self.prefix),
            access,
        });
        self
    }

    pub fn get(self, path: &str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::GET, path, access, handler)
    }

    pub fn post(self, path: &str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::POST, path, access, handler)
    }

    pub fn patch(self, path: &str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::PATCH, path, access, handler)
    }

    pub fn put(self, path: &str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::PUT, path, access, handler)
    }

    pub fn delete(self, path: &str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::DELETE, path, access, handler)
    }

    /// Adds the routes of `other`, built with the same prefix (one feature's table).
    pub fn merge(mut self, other: Routes) -> Self {
        debug_assert_eq!(self.prefix, other.prefix, "merged tables share a prefix");
        self.router = self.router.merge(other.router);
        self.table.extend(other.table);
        self.paths.merge(other.paths);
        self.schemas.extend(other.schemas);
        self
    }

    /// Nests `inner` (built with this path as its prefix) under `path`.
    pub fn nest(
        mut self,
        path: &str,
        inner: Routes,
        wrap: impl FnOnce(Router<AppState>) -> Router<AppState>,
    ) -> Self {
        self.router = self.router.nest(path, wrap(inner.router));
        self.table.extend(inner.table);
        self.paths.merge(inner.paths);
        self.schemas.extend(inner.schemas);
        self
    }

    pub fn build(self) -> Built {
        Built {
            router: self.router,
            table: self.table,
            paths: self.paths,
            schemas: self.schemas,
        }
    }
}

/// The account making the request: the session's on pages, the bearer token's under `/api`.
pub fn caller(req: &Request) -> Option<&User> {
    req.extensions()
        .get::<ApiCaller>()
        .map(|c| &c.user)
        .or_else(|| req.extensions().get::<Viewer>().map(|v| &v.user))
}

async fn enforce(access: Access, req: Request, next: Next) -> Response {
    let permission = match access {
        Access::Public => return next.run(req).await,
        Access::SignedIn => None,
        Access::Permission(p) => Some(p),
    };
    let Some(user) = caller(&req) else {
        return not_signed_in(&req);
    };
    if let Some(p) = permission
        && !domain::permission::allows(&user.roles, p)
    {
        tracing::warn!(user = %user.id, permission = p.as_str(), "permission denied");
        return AppError::new(ErrorCode::Forbidden).into_response();
    }
    next.run(req).await
}

/// API callers get 401 naming what was wrong with their token; people on pages are sent
/// to log in and brought back (a form post has no page to come back to).
fn not_signed_in(req: &Request) -> Response {
    // Nested routers see their own part of the path; the original is kept aside.
    let uri = req
        .extensions()
        .get::<OriginalUri>()
        .map_or_else(|| req.uri().clone(), |o| o.0.clone());
    if crate::api::is_machine_path(uri.path()) {
        let code = req
            .extensions()
            .get::<BearerProblem>()
            .map_or(ErrorCode::Unauthorized, |p| p.0);
        return AppError::new(code).into_response();
    }
    let target = match (req.method(), uri.path_and_query()) {
        (&Method::GET, Some(page)) => serde_urlencoded::to_string([("next", page.as_str())])
            .map_or_else(|_| "/login".to_owned(), |query| format!("/login?{query}")),
        _ => "/login".to_owned(),
    };
    crate::redirect::to(&target)
}
