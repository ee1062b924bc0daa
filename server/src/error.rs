//! An HTTP error: the runtime's [`Error`] mapped to a status code, or one of the server's own
//! (a missing token, too many attempts, a body that is not JSON), always as the JSON
//! [`ApiErrorBody`] `{"kind", "code", "message"}` with a stable code.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use yjs_runtime::{Error, ErrorKind, Problem};

/// The body of every error response: the runtime's `ErrorBody`, or the server's own codes
/// (`unauthorized`, `too_many_attempts`, `bad_request`, `not_found`, `payload_too_large`,
/// `timeout`) with the kinds `unauthorized`, `rate_limited`, `bad_input`, `not_found`,
/// `bad_input` and `unavailable`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ApiErrorBody {
    /// The class of the failure.
    pub kind: String,
    /// The stable code.
    pub code: String,
    /// What is wrong, in Chinese.
    pub message: String,
    /// Every problem of an invalid submission; absent otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ApiErrorBody,
}

/// The HTTP status of a runtime error kind (`spec/runtime.md`, the HTTP column).
pub fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::InvalidSubmission => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::IllegalEvent => StatusCode::CONFLICT,
        ErrorKind::Forbidden => StatusCode::FORBIDDEN,
        ErrorKind::BadInput => StatusCode::BAD_REQUEST,
        ErrorKind::Calendar => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::Artifacts | ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        ErrorKind::Store => StatusCode::SERVICE_UNAVAILABLE,
    }
}

impl ApiError {
    /// An error of the server's own.
    pub fn new(status: StatusCode, kind: &str, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            body: ApiErrorBody {
                kind: kind.to_owned(),
                code: code.to_owned(),
                message: message.into(),
                problems: Vec::new(),
            },
        }
    }

    /// A missing or bad token.
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "unauthorized",
            "需要有效的令牌：请求头 Authorization: Bearer TOKEN（令牌由 yjs serve user add 发放）",
        )
    }

    /// A request the server cannot read (a body that is not JSON of the expected shape, a bad
    /// query).
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_input", "bad_request", message)
    }

    /// The status code.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The body.
    pub fn body(&self) -> &ApiErrorBody {
        &self.body
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        let body = e.body();
        Self {
            status: status_of(body.kind),
            body: ApiErrorBody {
                kind: body.kind.as_str().to_owned(),
                code: body.code.as_str().to_owned(),
                message: body.message,
                problems: body.problems,
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = %self.body.code, message = %self.body.message, "request failed");
        }
        let mut response = (self.status, axum::Json(self.body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer realm=\"yjs\""),
            );
        }
        response
    }
}
