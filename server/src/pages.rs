//! The web pages, served by the binary with every template and asset embedded (no build step
//! for users): the window's intake and case list, a department's inbox, the 督办 board and the
//! applicant's progress page. Chinese throughout, usable at 390 px.
//!
//! Each page is one HTML shell ([`SHELL`]) with the page's script; the scripts call the JSON API
//! with the session cookie. Staff sign in once with their token (`POST /login`), which the
//! server checks and sets as an HttpOnly, SameSite=Strict cookie; a page without a valid cookie
//! sends the browser to the sign-in page. Status words come from the runtime's vocabulary,
//! embedded in each page, so a page says exactly what the command line says.
//!
//! The merged form is rendered in the browser by react-jsonschema-form (RJSF), bundled once with
//! esbuild from `tests/consumers`'s pinned packages into `assets/form.js` (committed; a consumer
//! test rebuilds it and compares). See `spec/serve.md` for why.

use std::sync::Arc;

use axum::extract::{Form, FromRequestParts, State};
use axum::http::{header, request::Parts, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use yjs_runtime::status::table;
use yjs_runtime::{Role, Vocabulary};

use crate::auth::{check, cookie, COOKIE};
use crate::state::AppState;
use crate::users::User;

/// The HTML shell of every page.
const SHELL: &str = include_str!("../assets/shell.html");

/// The embedded assets: their names under `/assets/` and their bytes.
const ASSETS: &[(&str, &[u8])] = &[
    ("app.css", include_bytes!("../assets/app.css")),
    ("common.js", include_bytes!("../assets/common.js")),
    ("login.js", include_bytes!("../assets/login.js")),
    ("intake.js", include_bytes!("../assets/intake.js")),
    ("inbox.js", include_bytes!("../assets/inbox.js")),
    ("board.js", include_bytes!("../assets/board.js")),
    ("progress.js", include_bytes!("../assets/progress.js")),
    ("form.js", include_bytes!("../assets/form.js")),
];

/// The content type of an asset, by its extension.
fn content_type(name: &str) -> &'static str {
    if name.ends_with(".css") {
        "text/css; charset=utf-8"
    } else {
        "text/javascript; charset=utf-8"
    }
}

/// A page: its path, title, script and the roles that may open it (none: anyone).
struct Page {
    path: &'static str,
    title: &'static str,
    script: &'static str,
    roles: &'static [Role],
}

const PAGES: &[Page] = &[
    Page {
        path: "/intake",
        title: "综合窗口 · 受理",
        script: "intake.js",
        roles: &[Role::Window],
    },
    Page {
        path: "/inbox",
        title: "部门待办",
        script: "inbox.js",
        roles: &[Role::Department],
    },
    Page {
        path: "/board",
        title: "督办看板",
        script: "board.js",
        roles: &[Role::Supervisor],
    },
    Page {
        path: "/progress",
        title: "办件进度查询",
        script: "progress.js",
        roles: &[],
    },
];

/// The page a role starts on.
fn home(role: Role) -> &'static str {
    match role {
        Role::Window => "/intake",
        Role::Department => "/inbox",
        Role::Supervisor => "/board",
        Role::Applicant => "/progress",
    }
}

/// The vocabulary every page reads: `{family: {code: 中文}}`, plus the roles.
fn vocabulary() -> Value {
    let mut out = Map::new();
    for (family, code, name) in table() {
        if let Value::Object(m) = out
            .entry(family.to_owned())
            .or_insert_with(|| Value::Object(Map::new()))
        {
            m.insert(code.to_owned(), Value::String(name.to_owned()));
        }
    }
    let roles: Map<String, Value> = Role::ALL
        .iter()
        .map(|r| (r.code().to_owned(), Value::String(r.name().to_owned())))
        .collect();
    out.insert("role".to_owned(), Value::Object(roles));
    Value::Object(out)
}

/// Text for an HTML element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The shell filled in for one page and its (signed-in) user.
fn render(title: &str, script: &str, user: Option<&User>, body_class: &str) -> Html<String> {
    let me = user.map_or(
        Value::Null,
        |u| json!({ "id": u.id, "role": u.role, "department": u.department }),
    );
    let data = json!({ "vocabulary": vocabulary(), "me": me });
    // `<` is escaped so the JSON cannot close the script element.
    let data = data.to_string().replace('<', "\\u003c");
    let who = user.map_or(String::new(), |u| {
        let dept = u.department.as_deref().map_or(String::new(), |d| format!("（{d}）"));
        format!(
            "<span class=\"who\">{} {}{}</span><form method=\"post\" action=\"/logout\"><button class=\"link\">退出</button></form>",
            escape(u.role.name()),
            escape(&u.id),
            escape(&dept)
        )
    });
    Html(
        SHELL
            .replace("{{title}}", &escape(title))
            .replace("{{who}}", &who)
            .replace("{{class}}", body_class)
            .replace("{{data}}", &data)
            .replace("{{script}}", script),
    )
}

/// The signed-in user of a page request, if the cookie holds a valid token.
async fn user_of(parts: &Parts, state: &Arc<AppState>) -> Option<User> {
    let token = cookie(parts, COOKIE)?;
    check(state, token).await.ok().flatten()
}

/// The signed-in user, or nobody.
struct PageUser(Option<User>);

impl FromRequestParts<Arc<AppState>> for PageUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self(user_of(parts, state).await))
    }
}

/// The sign-in page (and the applicant's way in).
async fn index(PageUser(user): PageUser) -> Response {
    match user {
        Some(u) => Redirect::to(home(u.role)).into_response(),
        None => render("一件事一次办 · 登录", "login.js", None, "login").into_response(),
    }
}

/// The sign-in form.
#[derive(Deserialize)]
struct Login {
    token: String,
}

/// Checks a token and sets it as the session cookie.
async fn login(State(state): State<Arc<AppState>>, Form(form): Form<Login>) -> Response {
    let token = form.token.trim().to_owned();
    match check(&state, token.clone()).await {
        Ok(Some(user)) => {
            let mut response = Redirect::to(home(user.role)).into_response();
            let cookie =
                format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200");
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                response.headers_mut().insert(header::SET_COOKIE, v);
            }
            tracing::info!(operator = %user.id, "signed in");
            response
        }
        _ => (
            StatusCode::UNAUTHORIZED,
            render("一件事一次办 · 登录", "login.js", None, "login failed"),
        )
            .into_response(),
    }
}

/// Clears the session cookie.
async fn logout() -> Response {
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("yjs_token=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    response
}

/// An embedded asset.
async fn asset(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _)| *n == name) {
        Some((n, bytes)) => (
            [
                (header::CONTENT_TYPE, content_type(n)),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "没有这个文件").into_response(),
    }
}

/// The page routes.
pub fn routes() -> Router<Arc<AppState>> {
    let mut router = Router::new()
        .route("/", get(index))
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/assets/{name}", get(asset))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }));
    for page in PAGES {
        router = router.route(
            page.path,
            get(move |PageUser(user): PageUser| async move {
                if page.roles.is_empty() {
                    return render(page.title, page.script, user.as_ref(), "").into_response();
                }
                match user {
                    Some(u) if page.roles.contains(&u.role) => {
                        render(page.title, page.script, Some(&u), "").into_response()
                    }
                    Some(u) => Redirect::to(home(u.role)).into_response(),
                    None => Redirect::to("/").into_response(),
                }
            }),
        );
    }
    router
}
