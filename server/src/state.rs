//! What every request shares: the runtime service over the store, the users, the clock, the
//! matters' form documents, and the applicant's attempt counter.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant, SystemTime};

use chrono::NaiveDateTime;
use serde_json::Value;
use sha2::{Digest, Sha256};
use yjs_runtime::calendar::Calendar;
use yjs_runtime::{MatterArtifacts, Service};

use crate::error::ApiError;
use crate::store::AnyStore;
use crate::users::{User, Users, UsersError};

/// How many wrong second factors a case tolerates in [`ATTEMPT_WINDOW`].
pub const MAX_ATTEMPTS: u32 = 10;

/// The window of [`MAX_ATTEMPTS`].
pub const ATTEMPT_WINDOW: Duration = Duration::from_secs(600);

/// The server's shared state.
pub struct AppState {
    /// The runtime service.
    pub service: Service<AnyStore>,
    /// Each matter's form: the schema and the RJSF uiSchema, by matter id.
    pub forms: BTreeMap<String, FormDoc>,
    /// The clock.
    pub clock: Clock,
    users: UsersFile,
    attempts: Mutex<HashMap<String, (u32, Instant)>>,
}

/// A matter's form as the intake page renders it.
#[derive(Debug, Clone)]
pub struct FormDoc {
    /// The matter's name.
    pub name: String,
    /// `form.schema.json`.
    pub schema: Value,
    /// `form.ui.json` (empty when the folder has none).
    pub ui: Value,
    /// The situations the conditions mention, in the form's order.
    pub situations: Vec<String>,
}

/// The time the server goes by: the system clock in Asia/Shanghai, or (`--now`) a fixed start
/// that then advances with the real clock, for training instances and tests.
#[derive(Debug, Clone)]
pub struct Clock {
    start: Option<(NaiveDateTime, Instant)>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self { start: None }
    }

    /// A clock that reads `start` now and advances from there.
    pub fn from(start: NaiveDateTime) -> Self {
        Self {
            start: Some((start, Instant::now())),
        }
    }

    /// The current civil time in Asia/Shanghai, to the second.
    pub fn now(&self) -> Result<NaiveDateTime, ApiError> {
        let now = match self.start {
            Some((start, at)) => {
                let elapsed = chrono::Duration::from_std(at.elapsed()).unwrap_or_default();
                start.checked_add_signed(elapsed)
            }
            None => yjs_runtime::time::now_shanghai(),
        };
        now.map(|t| t.with_nanosecond_zero()).ok_or_else(|| {
            ApiError::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "internal_error",
                "无法读取系统时钟",
            )
        })
    }
}

/// Drops the fraction of a second, so times read back as they are shown.
trait NoNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl NoNanos for NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        chrono::Timelike::with_nanosecond(&self, 0).unwrap_or(self)
    }
}

/// The users file, re-read when it changes on disk, with a cache of verified tokens (by their
/// SHA-256, so the cache holds no token) to spare an argon2 check per request.
struct UsersFile {
    path: PathBuf,
    inner: RwLock<UsersCache>,
}

struct UsersCache {
    users: Users,
    modified: Option<SystemTime>,
    verified: HashMap<[u8; 32], User>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl AppState {
    /// The state for a service over `store` running `matters`.
    pub fn new(
        store: AnyStore,
        calendar: Calendar,
        matters: Vec<(MatterArtifacts, Value)>,
        users_path: &Path,
        clock: Clock,
    ) -> Result<Self, crate::ServeError> {
        let mut service = Service::new(store, calendar);
        let mut forms = BTreeMap::new();
        for (artifacts, ui) in matters {
            let name = artifacts.plan().name.clone();
            let schema = artifacts.schema().clone();
            let engine = service.add_matter(artifacts)?;
            let mut situations = engine.situations().to_vec();
            let order: Vec<&String> = schema
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| p.keys().collect())
                .unwrap_or_default();
            situations.sort_by_key(|s| order.iter().position(|k| *k == s));
            let matter = engine.artifacts().matter().to_owned();
            forms.insert(
                matter,
                FormDoc {
                    name,
                    schema,
                    ui,
                    situations,
                },
            );
        }
        let users = Users::load(users_path)?;
        Ok(Self {
            service,
            forms,
            clock,
            users: UsersFile {
                path: users_path.to_owned(),
                inner: RwLock::new(UsersCache {
                    users,
                    modified: modified(users_path),
                    verified: HashMap::new(),
                }),
            },
            attempts: Mutex::new(HashMap::new()),
        })
    }

    /// How many users the server knows.
    pub fn user_count(&self) -> usize {
        self.users
            .inner
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .users
            .users
            .len()
    }

    /// The user a token names, if it is valid. Blocking: an unknown token costs one argon2 check.
    pub fn authenticate(&self, token: &str) -> Result<Option<User>, UsersError> {
        let key: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let now = modified(&self.users.path);
        {
            let cache = self
                .users
                .inner
                .read()
                .unwrap_or_else(PoisonError::into_inner);
            if cache.modified == now {
                if let Some(user) = cache.verified.get(&key) {
                    return Ok(Some(user.clone()));
                }
            }
        }
        let mut cache = self
            .users
            .inner
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        if cache.modified != now {
            cache.users = Users::load(&self.users.path)?;
            cache.modified = now;
            cache.verified.clear();
        }
        let user = cache.users.verify(token).cloned();
        if let Some(u) = &user {
            cache.verified.insert(key, u.clone());
        }
        Ok(user)
    }

    /// Counts a wrong second factor for `case`.
    pub fn attempt_failed(&self, case: &str) {
        let mut attempts = self.attempts.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        attempts.retain(|_, (_, since)| now.duration_since(*since) < ATTEMPT_WINDOW);
        let entry = attempts.entry(case.to_owned()).or_insert((0, now));
        entry.0 += 1;
    }

    /// Whether `case` may be tried again (fewer than [`MAX_ATTEMPTS`] failures in the window).
    pub fn may_attempt(&self, case: &str) -> bool {
        let attempts = self.attempts.lock().unwrap_or_else(PoisonError::into_inner);
        attempts
            .get(case)
            .is_none_or(|(n, since)| *n < MAX_ATTEMPTS || since.elapsed() >= ATTEMPT_WINDOW)
    }
}
