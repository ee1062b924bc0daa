//! Extractors whose rejections are the server's JSON errors (axum's own answer in plain text,
//! which the OpenAPI document does not describe), and the helper that runs a blocking service
//! call off the async threads.

use std::sync::Arc;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::state::AppState;

/// A path's parameters.
pub struct PathParams<T>(pub T);

impl<T, S> FromRequestParts<S> for PathParams<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Self(p.0))
            .map_err(|e| ApiError::bad_request(format!("路径参数无法读取：{}", e.body_text())))
    }
}

/// A query string.
pub struct QueryParams<T>(pub T);

impl<T, S> FromRequestParts<S> for QueryParams<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Self(q.0))
            .map_err(|e| ApiError::bad_request(format!("查询参数无法读取：{}", e.body_text())))
    }
}

/// Whether the request says its body is JSON.
fn is_json(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| {
            let m = m.trim();
            m.eq_ignore_ascii_case("application/json")
                || (m.starts_with("application/") && m.ends_with("+json"))
        })
}

fn not_json() -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "bad_input",
        "unsupported_media_type",
        "请求体须为 JSON，并带请求头 Content-Type: application/json",
    )
}

/// The body of a request as text, which must be declared JSON (the runtime parses it, so a
/// submission's JSON rules — its own error codes — are the runtime's).
pub struct JsonText(pub String);

impl<S: Send + Sync> FromRequest<S> for JsonText {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if !is_json(&req) {
            return Err(not_json());
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| too_large_or_bad(e.status(), e.body_text()))?;
        String::from_utf8(bytes.to_vec())
            .map(Self)
            .map_err(|_| ApiError::bad_request("请求体不是 UTF-8 文本"))
    }
}

/// A JSON body of type `T`.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let JsonText(text) = JsonText::from_request(req, state).await?;
        serde_json::from_str(&text)
            .map(Self)
            .map_err(|e| ApiError::bad_request(format!("请求体不是所需的 JSON：{e}")))
    }
}

fn too_large_or_bad(status: StatusCode, text: String) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(
            status,
            "bad_input",
            "payload_too_large",
            "请求体过大（上限 1 MiB）",
        )
    } else {
        ApiError::bad_request(format!("请求体无法读取：{text}"))
    }
}

/// Runs `f` on the blocking pool: the service and its stores are synchronous.
pub async fn blocking<T, F>(state: &Arc<AppState>, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
{
    let state = Arc::clone(state);
    tokio::task::spawn_blocking(move || f(&state))
        .await
        .map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal_error",
                format!("处理请求的线程失败：{e}"),
            )
        })?
}
