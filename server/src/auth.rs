//! Who is calling: a Bearer token for the API, the same token in an HttpOnly session cookie for
//! the pages. Both name a user of the users file; a missing or bad one is 401.
//!
//! The cookie holds the token itself (HttpOnly, SameSite=Strict), so any instance behind a load
//! balancer can check it without shared session state. A page's writes go through the JSON API,
//! whose `Content-Type: application/json` a cross-site form cannot send without a preflight the
//! server never allows, and SameSite=Strict keeps the cookie off cross-site requests.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use yjs_runtime::{Actor, Role};

use crate::error::ApiError;
use crate::state::AppState;
use crate::users::User;

/// The session cookie's name.
pub const COOKIE: &str = "yjs_token";

/// An authenticated staff member.
#[derive(Debug, Clone)]
pub struct Caller(pub User);

impl Caller {
    /// The actor the caller acts as.
    pub fn actor(&self) -> Actor {
        self.0.actor()
    }

    /// The role.
    pub fn role(&self) -> Role {
        self.0.role
    }

    /// Refuses unless the caller has one of `roles`.
    pub fn require(&self, roles: &[Role], what: &str) -> Result<(), ApiError> {
        if roles.contains(&self.0.role) {
            Ok(())
        } else {
            Err(yjs_runtime::Error::Denied(yjs_runtime::Denied::Role {
                role: self.0.role,
                what: what.to_owned(),
            })
            .into())
        }
    }
}

/// The token of a request: the Bearer token, else the session cookie.
pub fn token(parts: &Parts) -> Option<String> {
    if let Some(v) = parts.headers.get(header::AUTHORIZATION) {
        let v = v.to_str().ok()?;
        let (scheme, token) = v.split_once(' ')?;
        return scheme
            .eq_ignore_ascii_case("bearer")
            .then(|| token.trim().to_owned());
    }
    cookie(parts, COOKIE)
}

/// A cookie's value.
pub fn cookie(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// Checks a token off the async threads (an unknown token costs an argon2 check).
pub async fn check(state: &Arc<AppState>, token: String) -> Result<Option<User>, ApiError> {
    let state = Arc::clone(state);
    tokio::task::spawn_blocking(move || state.authenticate(&token))
        .await
        .map_err(|e| {
            ApiError::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal_error",
                format!("验证令牌的线程失败：{e}"),
            )
        })?
        .map_err(|e| {
            ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "store",
                "users_unavailable",
                e.to_string(),
            )
        })
}

impl FromRequestParts<Arc<AppState>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let token = token(parts).ok_or_else(ApiError::unauthorized)?;
        let user = check(state, token)
            .await?
            .ok_or_else(ApiError::unauthorized)?;
        Ok(Caller(user))
    }
}
