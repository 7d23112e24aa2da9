//! The API described from the code (OpenAPI 3.1). Each handler says its own method, path,
//! parameters and bodies with `#[utoipa::path]`; its feature registers it with
//! `Routes::documented`, which adds what the route table already knows: who may call it
//! (the bearer scheme, 401 and 403) and the problem+json errors it can answer, by status,
//! each restricted to the codes that status carries on that route. Served at
//! `/api/openapi.json` and browsed at `/api/docs`.

use std::sync::LazyLock;

use axum::http::Method;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::request_body::RequestBody;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{AllOfBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi as Document, RefOr};
use utoipa::{Modify, OpenApi};

use crate::access::Access;
use crate::error::{AppError, ErrorCode};

/// The name of the bearer scheme in the document.
pub const BEARER: &str = "bearer";

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Mentora API",
        description = "Book and run live 1:1 sessions with verified experts.\n\n\
            **Authentication.** `POST /api/v1/auth/login` returns an access token (a JWT valid \
            for 15 minutes) and a single-use refresh token; send the access token as \
            `Authorization: Bearer …` and trade the refresh token at `POST /api/v1/auth/refresh` \
            for the next pair.\n\n\
            **Errors** are RFC 9457 `application/problem+json` bodies whose `code` is one of \
            the stable codes listed per response; `validation_failed` lists each field's \
            problem in `errors`.\n\n\
            **Pagination.** Lists that can grow without bound return `next_cursor`; pass it \
            back as `cursor` for the next page (null on the last page).\n\n\
            **Time** is RFC 3339 in UTC unless a field says it is local; money is an integer \
            `amount` in the currency's minor units with its ISO 4217 `currency`.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    components(schemas(crate::middleware::render_errors::Problem, crate::middleware::render_errors::FieldProblem)),
    modifiers(&BearerScheme),
    tags(
        (name = "accounts", description = "Sign-up, API logins and the caller's own account."),
        (name = "experts", description = "The directory, public profiles, and the caller's own expert application, documents and payouts."),
        (name = "scheduling", description = "Availability rules and free slots."),
        (name = "bookings", description = "Holding a slot, paying, cancelling, moving and settling sessions."),
        (name = "learning", description = "What stays after a session: reviews, shared and private notes, resources, goals, the learner's timeline, the recommendation question."),
        (name = "admin", description = "Operators: verification, audit log, outbox and the job queue."),
        (name = "test mode", description = "Only while the app runs in test mode: the sandbox payment and the test clock."),
        (name = "webhooks", description = "Deliveries from payment providers."),
        (name = "browsers", description = "Reports browsers send on their own."),
    )
)]
struct Base;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, doc: &mut Document) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "The `access_token` of `POST /api/v1/auth/login` or `/auth/refresh`.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The whole document: the base above with every documented route's paths and schemas.
pub fn document(
    paths: utoipa::openapi::path::Paths,
    schemas: Vec<(String, RefOr<Schema>)>,
) -> Document {
    let mut doc = Base::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    doc.paths = paths;
    let components = doc.components.get_or_insert_with(Default::default);
    for (name, schema) in schemas {
        components.schemas.insert(name, schema);
    }
    doc
}

static SERVED: LazyLock<Result<Vec<u8>, String>> = LazyLock::new(|| {
    serde_json::to_vec_pretty(&crate::router::api_document()).map_err(|e| e.to_string())
});

/// `GET /api/openapi.json`: built once, from the code of this binary.
pub async fn serve() -> Result<Response, AppError> {
    let document = SERVED.as_ref().map_err(AppError::internal)?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "application/json"),
            (axum::http::header::CACHE_CONTROL, "public, max-age=300"),
        ],
        document.as_slice(),
    )
        .into_response())
}

/// The operations of a path item with their methods, to describe each in turn.
pub fn operations(item: &mut PathItem) -> Vec<(Method, &mut Operation)> {
    [
        (Method::GET, &mut item.get),
        (Method::PUT, &mut item.put),
        (Method::POST, &mut item.post),
        (Method::DELETE, &mut item.delete),
        (Method::PATCH, &mut item.patch),
    ]
    .into_iter()
    .filter_map(|(method, op)| op.as_mut().map(|op| (method, op)))
    .collect()
}

/// Adds to `op` what follows from its registration: who may call it and every error it
/// can answer — its own `errors`, and those the stack gives any route of its kind.
pub fn describe(op: &mut Operation, has_path_params: bool, access: Access, errors: &[ErrorCode]) {
    use ErrorCode::*;
    // Any request: refused characters, an unknown Host, a stalled or oversized body, a
    // full disk (reads write too: sessions, refreshed payout states), the unexpected.
    let mut codes = vec![
        ControlCharacter,
        HostUnknown,
        RequestTimeout,
        PayloadTooLarge,
        Internal,
        StorageFull,
    ];
    if has_path_params || op.parameters.as_ref().is_some_and(|p| !p.is_empty()) {
        codes.push(BadRequest);
    }
    if takes_json(op.request_body.as_ref()) {
        codes.extend([MalformedJson, UnsupportedMediaType, InvalidBody]);
    }
    match access {
        Access::Public => {}
        Access::SignedIn | Access::Permission(_) => {
            if op.security.is_none() {
                op.security = Some(vec![SecurityRequirement::new(BEARER, Vec::<String>::new())]);
            }
            codes.extend([
                Unauthorized,
                TokenMalformed,
                TokenExpired,
                TokenInvalid,
                TokenRevoked,
            ]);
            if matches!(access, Access::Permission(_)) {
                codes.push(Forbidden);
            }
        }
    }
    codes.extend_from_slice(errors);
    add_problems(op, &codes);
}

fn takes_json(body: Option<&RefOr<RequestBody>>) -> bool {
    matches!(body, Some(RefOr::T(b)) if b.content.keys().any(|media| media.ends_with("json")))
}

/// One response per status, its body a `Problem` whose `code` is one of that status's
/// codes here, each named with its English title in the description.
fn add_problems(op: &mut Operation, codes: &[ErrorCode]) {
    let mut by_status: std::collections::BTreeMap<u16, Vec<ErrorCode>> = Default::default();
    for &code in codes {
        let list = by_status.entry(code.status().as_u16()).or_default();
        if !list.contains(&code) {
            list.push(code);
        }
    }
    for (status, codes) in by_status {
        let description = codes
            .iter()
            .map(|c| {
                let title = i18n::Locale::En.t(&format!("{}-title", c.message_stem()));
                format!("`{}`: {title}", c.as_str())
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        let code_enum = ObjectBuilder::new().property(
            "code",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(codes.iter().map(|c| c.as_str()))),
        );
        let schema = AllOfBuilder::new()
            .item(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                "Problem",
            )))
            .item(code_enum);
        let response = ResponseBuilder::new()
            .description(description)
            .content(
                PROBLEM_JSON,
                ContentBuilder::new().schema(Some(schema)).build(),
            )
            .build();
        op.responses
            .responses
            .entry(status.to_string())
            .or_insert(RefOr::T(response));
    }
}
