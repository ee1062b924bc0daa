//! What needs no token: the applicant's progress and evaluation (behind the case id and the
//! last four digits of the phone in the application), health and readiness, and the OpenAPI
//! document.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use yjs_runtime::hall::Progress;
use yjs_runtime::{Applied, Error, Event, EventKind, StoreError};

use super::extract::{blocking, JsonBody, PathParams, QueryParams};
use super::staff::date_of;
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;

/// The applicant's second factor.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PhoneQuery {
    /// The last four digits of the mobile number given in the application.
    #[param(pattern = "^[0-9]{4}$", example = "8000")]
    pub phone: String,
}

/// The applicant's evaluation (好差评).
#[derive(Debug, Deserialize, ToSchema)]
pub struct EvaluationRequest {
    /// The last four digits of the mobile number given in the application.
    #[schema(pattern = "^[0-9]{4}$", example = "8000")]
    pub phone: String,
    /// 1 (非常不满意) to 5 (非常满意); 1 or 2 is a 差评 and opens a 整改 entry.
    #[schema(minimum = 1, maximum = 5)]
    pub score: u8,
    /// The comment.
    #[serde(default)]
    pub comment: String,
}

/// What the evaluation did.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvaluationAnswer {
    /// `appended`, or `duplicate`.
    pub applied: Applied,
}

fn too_many() -> ApiError {
    ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
        "too_many_attempts",
        "该办件的查询失败次数过多，请十分钟后再试",
    )
}

/// Counts a wrong second factor (an `unknown_case` answer) against the case.
fn count_failure<T>(state: &AppState, case: &str, r: Result<T, Error>) -> Result<T, ApiError> {
    if let Err(Error::UnknownCase(_)) = &r {
        state.attempt_failed(case);
    }
    Ok(r?)
}

/// The applicant's progress: statuses and promised dates, never the departments' data.
#[utoipa::path(get, path = "/api/progress/{case}", tag = "applicant",
    params(("case" = String, Path, description = "the case id"), PhoneQuery),
    responses(
        (status = 200, description = "the progress", body = Progress),
        (status = 400, description = "a bad query", body = ApiErrorBody),
        (status = 404, description = "no such case with this phone", body = ApiErrorBody),
        (status = 429, description = "too many wrong attempts on the case", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
    ))]
pub async fn progress(
    State(state): State<Arc<AppState>>,
    PathParams(case): PathParams<String>,
    QueryParams(q): QueryParams<PhoneQuery>,
) -> Result<Json<Progress>, ApiError> {
    if !state.may_attempt(&case) {
        return Err(too_many());
    }
    blocking(&state, move |s| {
        let at = date_of(s, None)?;
        let r = s.service.progress(&case, &q.phone, at);
        count_failure(s, &case, r).map(Json)
    })
    .await
}

/// The applicant's evaluation, once the case is delivered.
#[utoipa::path(post, path = "/api/progress/{case}/evaluation", tag = "applicant",
    params(("case" = String, Path, description = "the case id")),
    request_body(content = EvaluationRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "recorded", body = EvaluationAnswer),
        (status = 400, description = "a bad body", body = ApiErrorBody),
        (status = 404, description = "no such case with this phone", body = ApiErrorBody),
        (status = 409, description = "not delivered yet, already evaluated, or a score outside 1–5", body = ApiErrorBody),
        (status = 415, description = "the body is not declared JSON", body = ApiErrorBody),
        (status = 422, description = "a date the calendar does not cover", body = ApiErrorBody),
        (status = 429, description = "too many wrong attempts on the case", body = ApiErrorBody),
    ))]
pub async fn evaluate(
    State(state): State<Arc<AppState>>,
    PathParams(case): PathParams<String>,
    JsonBody(req): JsonBody<EvaluationRequest>,
) -> Result<Json<EvaluationAnswer>, ApiError> {
    if !state.may_attempt(&case) {
        return Err(too_many());
    }
    blocking(&state, move |s| {
        let event = Event::new(
            None,
            s.clock.now()?,
            EventKind::Evaluate {
                score: req.score,
                comment: req.comment,
            },
        );
        let r = s.service.evaluate_as_applicant(&case, &req.phone, event);
        let r = count_failure(s, &case, r)?;
        tracing::info!(case = %case, score = req.score, "evaluation recorded");
        Ok(Json(EvaluationAnswer { applied: r.applied }))
    })
    .await
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "alive", body = String, content_type = "text/plain")))]
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// Readiness: the store answers (a case that cannot exist is looked up).
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "ready", body = String, content_type = "text/plain"),
        (status = 503, description = "the store does not answer", body = ApiErrorBody),
    ))]
pub async fn readyz(State(state): State<Arc<AppState>>) -> Result<Response, ApiError> {
    blocking(&state, |s| {
        match yjs_runtime::CaseStore::load(s.service.store(), "-readyz-") {
            Ok(_) | Err(StoreError::NotFound(_)) => Ok("ready\n".into_response()),
            Err(e) => Err(Error::Store(e).into()),
        }
    })
    .await
}

/// The OpenAPI 3.1 document of this API.
#[utoipa::path(get, path = "/openapi.json", tag = "operations",
    responses((status = 200, description = "the OpenAPI document", body = Object)))]
pub async fn openapi() -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        super::openapi_json(),
    )
        .into_response()
}
