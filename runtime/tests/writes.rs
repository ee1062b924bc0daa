//! One rule for every write: a call that fails stored nothing, and what is stored reads back; a
//! database already holding bad records stays listable, the bad case shown as unknown.

mod common;

use chrono::NaiveDate;
use common::{approve, at, ev, newborn_dir, submission};
use serde_json::{json, Value};
use yjs_runtime::calendar::Calendar;
use yjs_runtime::json::MAX_INPUT_DEPTH;
use yjs_runtime::{
    CaseStore, Code, Error, Event, EventKind, MatterArtifacts, Service, SqliteStore,
};

fn date(s: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

fn service(db: &std::path::Path) -> Service<SqliteStore> {
    let store = match SqliteStore::open(db) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    let cal = match Calendar::official() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let mut service = Service::new(store, cal);
    match MatterArtifacts::load(&newborn_dir()) {
        Ok(a) => {
            if let Err(e) = service.add_matter(a) {
                panic!("{e}");
            }
        }
        Err(e) => panic!("{e}"),
    }
    service
}

fn ok<T>(r: Result<T, Error>) -> T {
    match r {
        Ok(v) => v,
        Err(e) => panic!("{e} [{}]", e.code()),
    }
}

fn nested(n: usize) -> Value {
    let mut v = json!(1);
    for _ in 0..n {
        v = json!([v]);
    }
    v
}

fn nested_text(n: usize) -> String {
    format!("{}1{}", "[".repeat(n), "]".repeat(n))
}

/// A fresh database with one accepted case whose `accept` step is approved.
fn one_case(dir: &tempfile::TempDir) -> (std::path::PathBuf, String) {
    let db = dir.path().join("cases.db");
    let s = service(&db);
    let id = ok(s.submit("newborn", &submission(), at("2026-03-02 09:00"))).id;
    ok(s.event(&id, ev("a", "2026-03-02 10:00", approve("accept"))));
    (db, id)
}

fn tempdir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn an_output_nested_too_deep_is_refused_and_stores_nothing() {
    let dir = tempdir();
    let (db, id) = one_case(&dir);
    let s = service(&db);
    // 127 levels parsed fine but, wrapped in an event, did not read back: the case was lost.
    for depth in [MAX_INPUT_DEPTH + 1, 127, 300] {
        let kind = EventKind::Approve {
            step: "vaccine".to_owned(),
            output: nested(depth),
        };
        let e = match s.event(&id, ev("v", "2026-03-03 10:00", kind)) {
            Err(e) => e,
            Ok(r) => panic!("accepted at depth {depth}: {r:?}"),
        };
        assert_eq!(e.code(), Code::TooDeep, "{e}");
    }
    assert_eq!(ok(s.show(&id, date("2026-03-03"))).events, 1);
    // Just below the limit is fine and reads back.
    let kind = EventKind::Approve {
        step: "vaccine".to_owned(),
        output: nested(MAX_INPUT_DEPTH - 4),
    };
    ok(s.event(&id, ev("v", "2026-03-03 10:00", kind)));
    let again = service(&db);
    assert_eq!(ok(again.show(&id, date("2026-03-03"))).events, 2);
    assert_eq!(ok(again.list(date("2026-03-03")))[0].unknown, None);
}

#[test]
fn a_submission_nested_too_deep_is_refused() {
    let dir = tempdir();
    let s = service(&dir.path().join("cases.db"));
    let mut sub = submission();
    if let Some(map) = sub.as_object_mut() {
        map.insert("extra".to_owned(), nested(MAX_INPUT_DEPTH + 1));
    }
    let e = match s.submit("newborn", &sub, at("2026-03-02 09:00")) {
        Err(e) => e,
        Ok(v) => panic!("accepted {}", v.id),
    };
    assert_eq!(e.code(), Code::TooDeep);
    assert!(ok(s.list(date("2026-03-02"))).is_empty());
}

/// Appends a raw event row, as an older yjs or a hand edit could have left it.
fn raw_event(db: &std::path::Path, case: &str, seq: i64, body: &str) {
    let conn = match rusqlite::Connection::open(db) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let r = conn.execute(
        "INSERT INTO events (case_id, seq, event_id, at, kind, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![case, seq, format!("raw{seq}"), "2026-03-03 10:00:00", "approve", body],
    );
    if let Err(e) = r {
        panic!("{e}");
    }
}

#[test]
fn a_deep_event_an_older_version_stored_reads_back() {
    let dir = tempdir();
    let (db, id) = one_case(&dir);
    // What yjs stored before the limit: an output of 127 levels inside the event (130 in all).
    let event = Event {
        id: "raw1".to_owned(),
        at: at("2026-03-03 10:00"),
        kind: EventKind::Approve {
            step: "vaccine".to_owned(),
            output: Value::Null,
        },
        by: None,
    };
    let body = match serde_json::to_string(&event) {
        Ok(b) => b.replace("null", &nested_text(127)),
        Err(e) => panic!("{e}"),
    };
    assert!(
        serde_json::from_str::<Value>(&body).is_err(),
        "beyond serde_json's own limit"
    );
    raw_event(&db, &id, 1, &body);
    let s = service(&db);
    let v = ok(s.show(&id, date("2026-03-04")));
    assert_eq!(v.events, 2);
    assert_eq!(ok(s.list(date("2026-03-04")))[0].unknown, None);
}

#[test]
fn a_case_that_does_not_read_back_is_unknown_and_the_rest_stays_listable() {
    let dir = tempdir();
    let (db, bad) = one_case(&dir);
    let s = service(&db);
    let good = ok(s.submit("newborn", &submission(), at("2026-03-02 11:00"))).id;
    raw_event(&db, &bad, 1, "{\"not\": \"an event\"}");
    let s = service(&db);
    assert_eq!(
        s.show(&bad, date("2026-03-20")).map_err(|e| e.code()).err(),
        Some(Code::StoreCorrupt)
    );
    let list = ok(s.list(date("2026-03-20")));
    assert_eq!(list.len(), 2);
    let unknown = list[0].unknown.as_ref().map(|u| (u.case.as_str(), u.code));
    assert_eq!(unknown, Some((bad.as_str(), Code::StoreCorrupt)));
    assert_eq!(list[0].matter, "newborn");
    assert_eq!(list[0].due, None);
    assert_eq!(list[1].id, good);
    assert!(list[1].due.is_some());
    let sup = ok(s.overdue(date("2026-03-20")));
    assert_eq!(sup.unknown.len(), 1);
    assert!(sup.alerts.iter().all(|a| a.case == good));
    assert!(!sup.alerts.is_empty());
    let board = ok(s.board(date("2026-03-20")));
    assert_eq!(board.unknown.len(), 1);
    let stats = ok(s.statistics(date("2026-03-20")));
    assert_eq!(stats.unknown.len(), 1);
    assert_eq!(stats.matters.first().map(|r| r.cases), Some(1));
    // The store refuses to append to the unreadable case, and stores nothing.
    assert!(s
        .event(&bad, ev("x", "2026-03-05 10:00", approve("vaccine")))
        .is_err());
}

#[test]
fn every_store_refuses_what_would_not_read_back_before_writing() {
    let dir = tempdir();
    let (db, id) = one_case(&dir);
    let store = match SqliteStore::open(&db) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    // The store's own check, under the service's: an event that would not read back.
    let deep = ev(
        "deep",
        "2026-03-03 10:00",
        EventKind::Approve {
            step: "vaccine".to_owned(),
            output: nested(300),
        },
    );
    let r = store.append(&id, &deep);
    assert!(
        matches!(r, Err(ref e) if e.code() == Code::InternalError),
        "{r:?}"
    );
    match store.load(&id) {
        Ok(case) => assert_eq!(case.events.len(), 1),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn an_open_correction_reaching_next_year_breaks_nothing() {
    let dir = tempdir();
    let (db, id) = one_case(&dir);
    let s = service(&db);
    let other = ok(s.submit("newborn", &submission(), at("2026-03-02 11:00"))).id;
    let correction = EventKind::RequestCorrection {
        step: "hukou".to_owned(),
        reason: "请补充户口簿首页复印件".to_owned(),
    };
    // hukou waits for birth_cert: approve it first so the 补正 is legal.
    ok(s.event(&id, ev("b", "2026-03-03 10:00", approve("birth_cert"))));
    ok(s.event(&id, ev("c", "2026-12-20 10:00", correction)));
    // The open pause runs into 2027: every view works, marked as an estimate.
    for when in ["2026-12-31", "2027-01-15", "2027-06-30"] {
        let list = ok(s.list(date(when)));
        assert_eq!(list.len(), 2);
        assert!(list.iter().all(|r| r.unknown.is_none()), "{when}");
        let sup = ok(s.overdue(date(when)));
        assert!(sup.unknown.is_empty(), "{when}");
        assert!(ok(s.board(date(when))).unknown.is_empty());
        let v = ok(s.show(&id, date(when)));
        assert!(v.clock.suspended);
    }
    // The correction received next year is recorded, and the case stays showable and listable.
    let received = EventKind::CorrectionReceived {
        step: "hukou".to_owned(),
    };
    let r = ok(s.event(&id, ev("r", "2027-01-05 10:00", received)));
    assert!(r.case.estimate.is_some());
    assert!(ok(s.show(&other, date("2027-01-05"))).estimate.is_some());
    assert_eq!(ok(s.list(date("2027-02-01"))).len(), 2);
}
