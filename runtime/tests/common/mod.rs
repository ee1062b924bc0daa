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
