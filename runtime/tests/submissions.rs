//! Submissions the runtime refuses whatever the form's schema says: a key given twice, blank
//! required text, control characters, dates outside 1900–2100, a leap second, and the 10000th
//! case number of a matter and day. Each is refused with its code and stores nothing.

mod common;

use chrono::NaiveDate;
use common::{at, generated_dir, newborn_dir, submission};
use serde_json::{json, Value};
use std::path::PathBuf;
use yjs_runtime::calendar::Calendar;
use yjs_runtime::time::parse_time;
use yjs_runtime::validate::{parse_submission, FormValidator};
use yjs_runtime::{
    CaseStore, Code, Error, InputError, MatterArtifacts, MemoryStore, Service, SqliteStore,
};

fn service_at<S: CaseStore>(store: S, dir: &std::path::Path) -> Service<S> {
    let cal = Calendar::official().unwrap_or_else(|e| panic!("{e}"));
    let mut s = Service::new(store, cal);
    let artifacts = MatterArtifacts::load(dir).unwrap_or_else(|e| panic!("{e}"));
    if let Err(e) = s.add_matter(artifacts) {
        panic!("{e}");
    }
    s
}

/// The problems of a submission with `edit` applied, as `(pointer, code)`, on both the
/// hand-written fixture (an older schema without `pattern`s) and the compiler's real output.
fn problems(edit: impl Fn(&mut Value)) -> Vec<Vec<(String, String)>> {
    [newborn_dir(), generated_dir()]
        .iter()
        .map(|dir| {
            let s = service_at(MemoryStore::new(), dir);
            let mut sub = submission();
            edit(&mut sub);
            match s.submit("newborn", &sub, at("2026-03-02 09:00")) {
                Ok(v) => panic!("accepted {}", v.id),
                Err(Error::InvalidSubmission(p)) => {
                    assert!(s.list(NaiveDate::MIN).is_ok_and(|l| l.is_empty()));
                    p.into_iter().map(|p| (p.pointer, p.code)).collect()
                }
                Err(e) => panic!("{e}"),
            }
        })
        .collect()
}

fn set(key: &'static str, v: Value) -> impl Fn(&mut Value) {
    move |s: &mut Value| {
        if let Some(m) = s.as_object_mut() {
            m.insert(key.to_owned(), v.clone());
        }
    }
}

#[test]
fn a_key_given_twice_is_refused() {
    let text = r#"{"mother_name": "李华", "mother_name": "王芳"}"#;
    let e = parse_submission(text).map_err(|e| e.code());
    assert_eq!(e, Err(Code::DuplicateKey));
    let nested = r#"{"hukou": {"household_address": "a", "household_address": "b"}}"#;
    assert_eq!(
        parse_submission(nested).map_err(|e| e.code()),
        Err(Code::DuplicateKey)
    );
    assert_eq!(
        parse_submission("{").map_err(|e| e.code()),
        Err(Code::SubmissionNotJson)
    );
    assert!(parse_submission(r#"{"a": 1, "b": {"a": 2}}"#).is_ok());
}

#[test]
fn blank_required_text_is_refused() {
    for blank in ["", "   ", "\u{3000}\t"] {
        for found in problems(set("mother_name", json!(blank))) {
            assert!(
                found.contains(&("/mother_name".to_owned(), "blank".to_owned())),
                "{blank:?}: {found:?}"
            );
        }
    }
}

/// The problems of a submission to the restaurant matter's real merged form, as
/// `(pointer, code)`: its contact and food-safety manager are required only for catering.
fn restaurant_problems(submission: Value) -> Vec<(String, String)> {
    let dir = generated_dir().join("../restaurant");
    let text = std::fs::read_to_string(dir.join("form.schema.json")).unwrap_or_default();
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let validator = FormValidator::new(&schema).unwrap_or_else(|e| panic!("{e}"));
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
    validator
        .validate(&submission, today)
        .into_iter()
        .map(|p| (p.pointer, p.code))
        .collect()
}

#[test]
fn blank_conditionally_required_text_is_refused_as_blank() {
    for blank in ["", "   ", "\u{3000}"] {
        let found = restaurant_problems(json!({
            "food_scope": "catering",
            "contact_name": blank,
            "food": {"safety_manager": blank},
        }));
        for pointer in ["/contact_name", "/food/safety_manager"] {
            assert!(
                found.contains(&(pointer.to_owned(), "blank".to_owned())),
                "{blank:?} at {pointer}: {found:?}"
            );
            assert!(
                !found.iter().any(|(p, c)| p == pointer && c == "pattern"),
                "{blank:?} at {pointer}: {found:?}"
            );
        }
    }
    // Where the branch does not apply the field is not required, so not blank either: it is
    // refused as given where the situation does not need it.
    let found = restaurant_problems(json!({"food_scope": "prepack", "contact_name": ""}));
    assert!(!found.iter().any(|(_, c)| c == "blank"), "{found:?}");
    assert!(found.iter().any(|(p, _)| p == "/contact_name"), "{found:?}");
}

/// A list entry's field required only in some situations: the merged form repeats the list in
/// a conditional branch to add the entry's `required` (tests/fixtures/list_when.yjs, as
/// `yjs build` writes it).
#[test]
fn blank_conditionally_required_list_entry_is_refused_as_blank() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = std::fs::read_to_string(dir.join("list_when.schema.json")).unwrap_or_default();
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let validator = FormValidator::new(&schema).unwrap_or_else(|e| panic!("{e}"));
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
    let found = |married: bool| -> Vec<(String, String, String)> {
        let kids = json!([{"kid_name": "李小华", "kid_id": " "}]);
        let submission = json!({"married": married, "a": {"kids": kids}});
        validator
            .validate(&submission, today)
            .into_iter()
            .map(|p| (p.pointer, p.code, p.label))
            .collect()
    };
    let blank = (
        "/a/kids/0/kid_id".to_owned(),
        "blank".to_owned(),
        "身份证号".to_owned(),
    );
    let married = found(true);
    assert!(married.contains(&blank), "{married:?}");
    assert!(
        !married.iter().any(|(_, c, _)| c == "pattern"),
        "{married:?}"
    );
    let single = found(false);
    assert!(!single.contains(&blank), "{single:?}");
}

#[test]
fn control_characters_are_refused() {
    for found in problems(set("mother_name", json!("李\u{0}华"))) {
        assert!(
            found.contains(&("/mother_name".to_owned(), "control_character".to_owned())),
            "{found:?}"
        );
    }
    for found in problems(set("mother_name", json!("李\u{7}华"))) {
        assert!(found.iter().any(|(_, c)| c == "control_character"));
    }
}

#[test]
fn dates_outside_1900_to_2100_are_refused() {
    for date in ["0000-01-01", "1899-12-31", "9999-12-31"] {
        for found in problems(set("birth_date", json!(date))) {
            assert!(
                found
                    .iter()
                    .any(|(p, c)| p == "/birth_date" && c.starts_with("date")),
                "{date}: {found:?}"
            );
        }
    }
}

#[test]
fn times_take_seconds_0_to_59_within_1900_to_2100() {
    assert!(matches!(
        parse_time("2026-11-27T10:00:60"),
        Err(InputError::Time { .. })
    ));
    assert!(parse_time("2026-11-27T10:00:59").is_ok());
    let s = service_at(MemoryStore::new(), &newborn_dir());
    // A leap second built by a program (not parsed) is refused by the service itself.
    let leap = NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_milli_opt(10, 0, 59, 1_500))
        .unwrap_or_default();
    let e = s
        .submit("newborn", &submission(), leap)
        .map_err(|e| e.code());
    assert_eq!(e.err(), Some(Code::BadTime));
    let e = s
        .submit("newborn", &submission(), at("1899-12-31 10:00"))
        .map_err(|e| e.code());
    assert_eq!(e.err(), Some(Code::TimeOutOfRange));
    assert!(s.list(NaiveDate::MIN).is_ok_and(|l| l.is_empty()));
}

#[test]
fn case_numbers_have_four_digits_and_the_10000th_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("cases.db");
    let s = service_at(
        SqliteStore::open(&db).unwrap_or_else(|e| panic!("{e}")),
        &newborn_dir(),
    );
    let first = s.submit("newborn", &submission(), at("2026-03-02 09:00"));
    assert!(first.is_ok_and(|v| v.id == "newborn-20260302-0001"));
    // As if 9997 more cases had come in that day.
    let conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let r = conn.execute(
        "UPDATE case_seq SET last = 9998 WHERE prefix = 'newborn-20260302-'",
        [],
    );
    assert_eq!(r.ok(), Some(1));
    let last = s.submit("newborn", &submission(), at("2026-03-02 17:00"));
    assert!(last.is_ok_and(|v| v.id == "newborn-20260302-9999"));
    let e = s
        .submit("newborn", &submission(), at("2026-03-02 17:30"))
        .map_err(|e| e.code());
    assert_eq!(e.err(), Some(Code::CaseNumbersExhausted));
    let ids = s.store().ids().unwrap_or_default();
    assert_eq!(ids, vec!["newborn-20260302-0001", "newborn-20260302-9999"]);
    // The next day numbers from 0001 again.
    let next = s.submit("newborn", &submission(), at("2026-03-03 09:00"));
    assert!(next.is_ok_and(|v| v.id == "newborn-20260303-0001"));
    // The memory store keeps the same rule.
    let m = service_at(MemoryStore::new(), &newborn_dir());
    for _ in 0..3 {
        assert!(m
            .submit("newborn", &submission(), at("2026-03-02 09:00"))
            .is_ok());
    }
}

/// Keyed submits on one store: a retry returns the original answer and creates nothing.
fn keyed<S: CaseStore>(store: S) {
    let s = service_at(store, &newborn_dir());
    let first = s.submit_keyed(
        "newborn",
        &submission(),
        at("2026-03-02 09:00"),
        Some("k-1"),
    );
    let first = first.unwrap_or_else(|e| panic!("{e}"));
    // The client lost the answer and retries later: same case, same answer, nothing new.
    for when in ["2026-03-02 09:00", "2026-03-05 16:00"] {
        let again = s.submit_keyed("newborn", &submission(), at(when), Some("k-1"));
        assert_eq!(again.ok().as_ref(), Some(&first));
    }
    assert_eq!(s.store().ids().map(|i| i.len()).ok(), Some(1));
    assert_eq!(
        s.store().find_key("k-1").ok().flatten(),
        Some(first.id.clone())
    );
    // The same key for a different submission is refused, and stores nothing.
    let mut other = submission();
    other["mother_name"] = json!("王芳");
    let e = s.submit_keyed("newborn", &other, at("2026-03-02 10:00"), Some("k-1"));
    assert_eq!(e.map_err(|e| e.code()).err(), Some(Code::KeyReused));
    for bad in ["", "a\u{0}b"] {
        let e = s.submit_keyed("newborn", &submission(), at("2026-03-02 10:00"), Some(bad));
        assert_eq!(e.map_err(|e| e.code()).err(), Some(Code::BadKey));
    }
    let long = "k".repeat(201);
    let e = s.submit_keyed(
        "newborn",
        &submission(),
        at("2026-03-02 10:00"),
        Some(&long),
    );
    assert_eq!(e.map_err(|e| e.code()).err(), Some(Code::BadKey));
    // Another key, and no key, make new cases.
    let second = s.submit_keyed(
        "newborn",
        &submission(),
        at("2026-03-02 11:00"),
        Some("k-2"),
    );
    assert!(second.is_ok_and(|v| v.id != first.id));
    assert!(s
        .submit("newborn", &submission(), at("2026-03-02 11:00"))
        .is_ok());
    assert_eq!(s.store().ids().map(|i| i.len()).ok(), Some(3));
}

#[test]
fn an_idempotency_key_returns_the_original_answer() {
    keyed(MemoryStore::new());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    keyed(SqliteStore::open(&dir.path().join("cases.db")).unwrap_or_else(|e| panic!("{e}")));
    if let Some(url) = common::postgres_url() {
        let schemas = common::PgSchemas::new(&url);
        let store = yjs_runtime::PostgresStore::open_in_schema(&url, &schemas.fresh());
        keyed(store.unwrap_or_else(|e| panic!("{e}")));
    }
}
