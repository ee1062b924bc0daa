//! `yjs serve`: the hall's HTTP service over the yjs runtime.
//!
//! A 政务服务中心 runs a matter with a window clerk, an officer of each department, a supervisor
//! (督办) and applicants, all at once. This crate puts `yjs_runtime::Service` behind HTTP: a JSON
//! API whose OpenAPI 3.1 document is derived from the code ([`api`]), users and tokens from a
//! file ([`users`], [`auth`]), and web pages served from the binary ([`pages`]). It depends on
//! the runtime and the artifact types only, never on the compiler. Handlers are thin: they parse
//! the request, call one service method on the blocking pool, and map the runtime's typed error
//! to a status code and a JSON body with its stable code ([`error`]).
//!
//! | module | what |
//! |---|---|
//! | [`app`] | the router, its limits and timeouts, logs with the case id, graceful shutdown |
//! | [`api`] | the JSON API and its OpenAPI document |
//! | [`pages`] | the web pages and their embedded assets |
//! | [`auth`] | Bearer tokens and the session cookie |
//! | [`users`] | the users file: roles, departments, argon2 token hashes |
//! | [`state`] | what requests share: the service, users, the clock |
//! | [`store`] | SQLite or PostgreSQL behind the runtime's `CaseStore` |
//! | [`error`] | HTTP errors with stable codes |

#![forbid(unsafe_code)]

pub mod api;
pub mod app;
pub mod auth;
pub mod error;
pub mod pages;
pub mod state;
pub mod store;
pub mod users;

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde_json::Value;
use yjs_runtime::calendar::{Calendar, CalendarError};
use yjs_runtime::{MatterArtifacts, StoreError};

pub use api::openapi_json;
pub use app::{run, Server};

/// How `yjs serve` runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The artifacts: a folder of matter folders (`yjs build --out`), or one matter's folder.
    pub artifacts: PathBuf,
    /// The store: a `postgres://` URL, or a SQLite file.
    pub db: String,
    /// The users file.
    pub users: PathBuf,
    /// The address to listen on.
    pub listen: SocketAddr,
    /// A fixed start for the clock (training instances, tests); default the system clock.
    pub now: Option<NaiveDateTime>,
}

/// Why the server cannot start.
#[derive(Debug)]
pub enum ServeError {
    /// No matter could be loaded.
    NoMatters(PathBuf),
    /// A matter's artifacts are unusable.
    Runtime(yjs_runtime::Error),
    /// The store cannot be opened.
    Store(StoreError),
    /// The calendar data is broken.
    Calendar(CalendarError),
    /// The users file is unusable.
    Users(users::UsersError),
    /// The address cannot be bound, or the server failed.
    Io(String),
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoMatters(p) => write!(
                f,
                "{} 下没有事项的产物（每个事项一个文件夹，含 plan.json）；请先运行 yjs build … --out {}",
                p.display(),
                p.display()
            ),
            Self::Runtime(e) => write!(f, "{e} [{}]", e.code()),
            Self::Store(e) => write!(f, "{e} [{}]", e.code()),
            Self::Calendar(e) => write!(f, "节假日数据无法读取：{e}"),
            Self::Users(e) => e.fmt(f),
            Self::Io(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for ServeError {}

impl From<yjs_runtime::Error> for ServeError {
    fn from(e: yjs_runtime::Error) -> Self {
        Self::Runtime(e)
    }
}

impl From<users::UsersError> for ServeError {
    fn from(e: users::UsersError) -> Self {
        Self::Users(e)
    }
}

/// The matters under `dir`: each sub-folder with a `plan.json` (sorted), or `dir` itself when it
/// is one matter's folder; each with its `form.ui.json` (empty when missing).
pub fn load_matters(dir: &Path) -> Result<Vec<(MatterArtifacts, Value)>, ServeError> {
    let mut folders = Vec::new();
    if dir.join("plan.json").is_file() {
        folders.push(dir.to_owned());
    } else {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| ServeError::Io(format!("{}：{e}", dir.display())))?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.join("plan.json").is_file() {
                folders.push(p);
            }
        }
        folders.sort();
    }
    if folders.is_empty() {
        return Err(ServeError::NoMatters(dir.to_owned()));
    }
    let mut out = Vec::new();
    for folder in folders {
        let artifacts = MatterArtifacts::load(&folder).map_err(yjs_runtime::Error::from)?;
        let ui = std::fs::read_to_string(folder.join("form.ui.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_else(|| Value::Object(serde_json::Map::new()));
        out.push((artifacts, ui));
    }
    Ok(out)
}

/// The shared state for `options`: matters, store, calendar, users, clock.
pub fn state(options: &Options) -> Result<state::AppState, ServeError> {
    let matters = load_matters(&options.artifacts)?;
    let store = store::AnyStore::open(&options.db).map_err(ServeError::Store)?;
    // The embedded years plus those a hall installed (`yjs calendar add-year`).
    let calendar =
        Calendar::installed(&yjs_runtime::calendar::default_dir()).map_err(ServeError::Calendar)?;
    let clock = options
        .now
        .map_or_else(state::Clock::system, state::Clock::from);
    state::AppState::new(store, calendar, matters, &options.users, clock)
}
