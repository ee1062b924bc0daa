//! The HTTP API: routes, and the OpenAPI 3.1 document derived from the same handlers and types
//! (utoipa), served at `/openapi.json` and committed as `spec/schemas/openapi.json`.

pub mod extract;
pub mod public;
pub mod staff;

use std::sync::Arc;

use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::ApiError;
use crate::state::AppState;

/// The OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "yjs serve",
        description = "一件事一次办 for a 政务服务中心: the window takes in applications, each department handles its own items, the supervisor (督办) chases delay and 差评, the applicant follows progress. Errors are JSON with a stable `code` (spec/runtime.md, spec/serve.md).",
        license(name = "MIT OR Apache-2.0"),
    ),
    paths(
        staff::me, staff::matters, staff::form, staff::notice, staff::submit, staff::cases,
        staff::case, staff::department_case, staff::packet, staff::event, staff::inbox,
        staff::supervision, staff::statistics, staff::statistics_csv,
        public::progress, public::evaluate, public::healthz, public::readyz, public::openapi,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "window", description = "综合窗口: intake and delivery"),
        (name = "department", description = "部门: a department's own packets and steps"),
        (name = "supervisor", description = "督办: the board and statistics"),
        (name = "staff", description = "every staff role"),
        (name = "applicant", description = "申请人: progress and evaluation, by case id and phone"),
        (name = "operations", description = "health, readiness, this document"),
    )
)]
pub struct ApiDoc;

/// Declares the Bearer token scheme the staff endpoints use.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A token from `yjs serve user add`; the pages send the same token in the yjs_token cookie",
                    ))
                    .build(),
            ),
        );
    }
}

/// The OpenAPI document as pretty JSON with a final newline, exactly as committed.
pub fn openapi_json() -> String {
    let mut doc = ApiDoc::openapi();
    // The version is the API's, not the crate's build: the committed document stays stable.
    doc.info.version = "1".to_owned();
    let text = doc.to_pretty_json().unwrap_or_else(|e| {
        format!("{{\"error\": \"the OpenAPI document does not serialize: {e}\"}}")
    });
    text + "\n"
}

/// The API's routes.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/me", get(staff::me))
        .route("/api/matters", get(staff::matters))
        .route("/api/matters/{matter}/form", get(staff::form))
        .route("/api/matters/{matter}/notice", post(staff::notice))
        .route("/api/matters/{matter}/cases", post(staff::submit))
        .route("/api/cases", get(staff::cases))
        .route("/api/cases/{case}", get(staff::case))
        .route("/api/department/cases/{case}", get(staff::department_case))
        .route("/api/cases/{case}/packets/{item}", get(staff::packet))
        .route("/api/cases/{case}/events", post(staff::event))
        .route("/api/inbox", get(staff::inbox))
        .route("/api/supervision", get(staff::supervision))
        .route("/api/statistics", get(staff::statistics))
        .route("/api/statistics.csv", get(staff::statistics_csv))
        .route("/api/progress/{case}", get(public::progress))
        .route("/api/progress/{case}/evaluation", post(public::evaluate))
        .route("/healthz", get(public::healthz))
        .route("/readyz", get(public::readyz))
        .route("/openapi.json", get(public::openapi))
}

/// The answer to a path no route has.
pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no_route",
        "没有这个地址；接口见 /openapi.json",
    )
}
