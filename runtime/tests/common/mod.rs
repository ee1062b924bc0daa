//! Shared helpers of the runtime's integration tests: the newborn fixtures and short constructors.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::NaiveDateTime;
use serde_json::Value;
use yjs_runtime::calendar::Calendar;
use yjs_runtime::{Engine, Event, EventKind, MatterArtifacts};

/// The fixture folder of the newborn matter.
pub fn newborn_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/newborn")
}

/// The compiler's real output for the newborn sample, `generated/newborn/`.
pub fn generated_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../generated/newborn")
}

/// The engine of the newborn matter (hand-written fixtures) on the official calendar.
pub fn engine() -> Engine {
    engine_at(&newborn_dir())
}

/// The engine of the artifacts in `dir` on the official calendar.
pub fn engine_at(dir: &std::path::Path) -> Engine {
    let artifacts = match MatterArtifacts::load(dir) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    };
    let cal = match Calendar::official() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    match Engine::new(artifacts, cal) {
        Ok(e) => e,
        Err(e) => panic!("{e}"),
    }
}

/// The valid sample submission.
pub fn submission() -> Value {
    let text = match std::fs::read_to_string(newborn_dir().join("submission.json")) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    }
}

/// `2026-03-02 09:00` style timestamps.
pub fn at(text: &str) -> NaiveDateTime {
    match NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M") {
        Ok(t) => t,
        Err(e) => panic!("{text}: {e}"),
    }
}

/// An event.
pub fn ev(id: &str, when: &str, kind: EventKind) -> Event {
    Event {
        id: id.to_owned(),
        at: at(when),
        kind,
        by: None,
    }
}

/// An approval with a small output.
pub fn approve(step: &str) -> EventKind {
    EventKind::Approve {
        step: step.to_owned(),
        output: serde_json::json!({ "number": format!("{step}-001") }),
    }
}

/// The PostgreSQL server the tests use: `YJS_TEST_POSTGRES` (scripts/test.sh sets it). Without
/// it the test fails, saying what to do, unless `YJS_SKIP_POSTGRES=1` asks to skip on purpose:
/// a missing database never passes silently.
pub fn postgres_url() -> Option<String> {
    if let Ok(url) = std::env::var("YJS_TEST_POSTGRES") {
        return Some(url);
    }
    if std::env::var("YJS_SKIP_POSTGRES").as_deref() == Ok("1") {
        eprintln!("YJS_SKIP_POSTGRES=1: the PostgreSQL tests are skipped");
        return None;
    }
    panic!(
        "YJS_TEST_POSTGRES is not set: run scripts/test.sh (it finds or starts a server), or set \
         YJS_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/test, or YJS_SKIP_POSTGRES=1 to \
         skip the PostgreSQL tests on purpose"
    );
}

/// Fresh PostgreSQL schemas for one test, dropped when it ends.
pub struct PgSchemas {
    url: String,
    names: std::sync::Mutex<Vec<String>>,
}

impl PgSchemas {
    /// Schemas on the server at `url`.
    pub fn new(url: &str) -> Self {
        Self {
            url: url.to_owned(),
            names: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// A new schema name, unique to this process and call.
    pub fn fresh(&self) -> String {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!("yjs_test_{}_{nanos}_{n}", std::process::id());
        if let Ok(mut names) = self.names.lock() {
            names.push(name.clone());
        }
        name
    }
}

impl Drop for PgSchemas {
    fn drop(&mut self) {
        let Ok(names) = self.names.lock() else { return };
        if let Ok(mut client) = postgres::Client::connect(&self.url, postgres::NoTls) {
            for name in names.iter() {
                let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"));
            }
        }
    }
}
