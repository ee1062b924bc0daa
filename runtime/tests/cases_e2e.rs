//! End-to-end tests of the case engine on the newborn fixtures: routing, order, pauses, 一次告知.

mod common;

use chrono::NaiveDate;
use common::{approve, at, engine, ev, submission};
use serde_json::json;
use yjs_runtime::case::Case;
use yjs_runtime::clock::ClockStatus;
use yjs_runtime::engine::view;
use yjs_runtime::supervise::{report, Alert, Limit};
use yjs_runtime::Engine;
use yjs_runtime::{
    id_prefix, Applied, CaseStore, EventKind, MemoryStore, Outcome, SqliteStore, StepStatus,
    StoreError, SubmitError,
};

fn date(s: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

fn submit(store: &mut dyn CaseStore, when: &str) -> String {
    let engine = engine();
    let received = at(when);
    let record = match engine.submit(&submission(), received) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    match store.create(&id_prefix("newborn", received), record) {
        Ok(r) => r.id,
        Err(e) => panic!("{e}"),
    }
}

fn ok(store: &mut dyn CaseStore, case: &str, event: yjs_runtime::Event) -> Applied {
    match store.append(case, &event) {
        Ok(a) => a,
        Err(e) => panic!("{:?} refused: {e}", event.kind),
    }
}

fn refused(store: &mut dyn CaseStore, case: &str, event: yjs_runtime::Event) -> yjs_runtime::Code {
    match store.append(case, &event) {
        Err(StoreError::Refused(r)) => r.code,
        other => panic!("{:?} should be refused, got {other:?}", event.kind),
    }
}

#[test]
fn accepts_and_routes_the_packets() {
    let engine = engine();
    let record = match engine.submit(&submission(), at("2026-03-02 09:00")) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        record.items,
        ["birth_cert", "vaccine", "hukou", "insurance", "sscard"]
    );
    let hukou = &record.packets["hukou"];
    assert_eq!(hukou.department, "gaj");
    assert_eq!(
        serde_json::Value::Object(hukou.fields.clone()),
        json!({
            "baby_name": "王小明",
            "baby_sex": "male",
            "birth_date": "2026-02-20",
            "guardian_id": "110105199001011232",
            "household_address": "北京市朝阳区某街道 1 号"
        })
    );
    // Nothing of the 医保 item reaches 公安.
    assert!(!hukou.fields.contains_key("insured_address"));
    assert!(!hukou.fields.contains_key("baby_id_holder"));
    let insurance = &record.packets["insurance"];
    assert_eq!(
        insurance.fields["baby_id_holder"],
        json!("110105199001011232")
    );
    assert_eq!(
        insurance.fields.keys().collect::<Vec<_>>(),
        ["baby_name", "baby_id_holder", "phone", "insured_address"]
    );
    assert_eq!(
        record.packets["vaccine"].fields["guardian_phone"],
        json!("13800138000")
    );

    // Another scenario: no local hukou and no card.
    let mut other = submission();
    other["settle"] = json!("other");
    other["card"] = json!(false);
    let record = match engine.submit(&other, at("2026-03-02 09:00")) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(record.items, ["birth_cert", "vaccine", "insurance"]);
    assert!(!record.packets.contains_key("hukou"));
}

#[test]
fn due_dates_come_from_the_plan_offsets() {
    let mut store = MemoryStore::new();
    let case = submit(&mut store, "2026-03-02 09:00");
    assert_eq!(case, "newborn-20260302-0001");
    assert_eq!(
        submit(&mut store, "2026-03-02 10:00"),
        "newborn-20260302-0002"
    );
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let v = match view(&loaded, engine().calendar(), date("2026-03-02")) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    let due = |id: &str| {
        v.steps
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.clock.as_ref())
            .map(|c| c.due.to_string())
    };
    assert_eq!(due("accept").as_deref(), Some("2026-03-03"));
    assert_eq!(due("birth_cert").as_deref(), Some("2026-03-04"));
    assert_eq!(due("hukou").as_deref(), Some("2026-03-06"));
    assert_eq!(due("deliver").as_deref(), Some("2026-03-11"));
    assert_eq!(v.clock.due.to_string(), "2026-03-11");
}

#[test]
fn approvals_in_plan_order_reach_delivery() {
    let mut store = MemoryStore::new();
    let case = submit(&mut store, "2026-03-02 09:00");
    // Out of order: hukou before birth_cert, and before acceptance.
    assert_eq!(
        refused(
            &mut store,
            &case,
            ev("e1", "2026-03-02 10:00", approve("hukou"))
        ),
        "predecessor_open"
    );
    ok(
        &mut store,
        &case,
        ev("e2", "2026-03-02 10:00", approve("accept")),
    );
    assert_eq!(
        refused(
            &mut store,
            &case,
            ev("e3", "2026-03-02 11:00", approve("insurance"))
        ),
        "predecessor_open"
    );
    ok(
        &mut store,
        &case,
        ev(
            "e4",
            "2026-03-03 09:00",
            EventKind::Start {
                step: "birth_cert".into(),
            },
        ),
    );
    ok(
        &mut store,
        &case,
        ev("e5", "2026-03-03 10:00", approve("birth_cert")),
    );
    ok(
        &mut store,
        &case,
        ev("e6", "2026-03-03 10:00", approve("vaccine")),
    );
    // Early delivery.
    let deliver = EventKind::Deliver {
        method: "mail".into(),
    };
    assert_eq!(
        refused(
            &mut store,
            &case,
            ev("e7", "2026-03-03 11:00", deliver.clone())
        ),
        "items_open"
    );
    ok(
        &mut store,
        &case,
        ev("e8", "2026-03-04 10:00", approve("hukou")),
    );
    // Repeating an event id is harmless.
    assert_eq!(
        ok(
            &mut store,
            &case,
            ev("e8", "2026-03-04 10:00", approve("hukou"))
        ),
        Applied::Duplicate
    );
    ok(
        &mut store,
        &case,
        ev("e9", "2026-03-05 10:00", approve("insurance")),
    );
    ok(
        &mut store,
        &case,
        ev("e10", "2026-03-06 10:00", approve("sscard")),
    );
    ok(
        &mut store,
        &case,
        ev("e11", "2026-03-06 15:00", deliver.clone()),
    );
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(loaded.outcome(), Outcome::Granted);
    assert_eq!(loaded.events.len(), 8);
    // Closed for processing; one evaluation, then nothing.
    assert_eq!(
        refused(&mut store, &case, ev("e12", "2026-03-06 16:00", deliver)),
        "case_closed"
    );
    assert_eq!(
        refused(
            &mut store,
            &case,
            ev(
                "e13",
                "2026-03-06 16:00",
                EventKind::Evaluate {
                    score: 6,
                    comment: String::new()
                }
            )
        ),
        "bad_score"
    );
    ok(
        &mut store,
        &case,
        ev(
            "e14",
            "2026-03-06 16:00",
            EventKind::Evaluate {
                score: 5,
                comment: "很方便".into(),
            },
        ),
    );
    assert_eq!(
        refused(
            &mut store,
            &case,
            ev(
                "e15",
                "2026-03-07 16:00",
                EventKind::Evaluate {
                    score: 4,
                    comment: String::new()
                }
            )
        ),
        "case_closed"
    );
}

#[test]
fn skipped_items_do_not_block_and_rejection_cancels_dependents() {
    let engine = engine();
    let mut sub = submission();
    sub["settle"] = json!("other");
    sub["card"] = json!(true);
    let received = at("2026-03-02 09:00");
    let record = match engine.submit(&sub, received) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let mut store = MemoryStore::new();
    let case = match store.create(&id_prefix("newborn", received), record) {
        Ok(r) => r.id,
        Err(e) => panic!("{e}"),
    };
    ok(
        &mut store,
        &case,
        ev("a", "2026-03-02 10:00", approve("accept")),
    );
    assert_eq!(
        refused(
            &mut store,
            &case,
            ev("h", "2026-03-02 10:00", approve("hukou"))
        ),
        "not_applicable"
    );
    ok(
        &mut store,
        &case,
        ev("b", "2026-03-03 10:00", approve("birth_cert")),
    );
    // hukou does not apply: insurance waits only for birth_cert.
    ok(
        &mut store,
        &case,
        ev(
            "r",
            "2026-03-04 10:00",
            EventKind::Reject {
                step: "insurance".into(),
                reason: "参保地址不在本市".into(),
            },
        ),
    );
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let status = |id: &str| loaded.steps.iter().find(|s| s.id == id).map(|s| s.status);
    assert_eq!(status("sscard"), Some(StepStatus::Cancelled));
    assert_eq!(status("vaccine"), Some(StepStatus::Pending));
    ok(
        &mut store,
        &case,
        ev("v", "2026-03-04 11:00", approve("vaccine")),
    );
    ok(
        &mut store,
        &case,
        ev(
            "d",
            "2026-03-04 12:00",
            EventKind::Deliver {
                method: "window".into(),
            },
        ),
    );
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(loaded.outcome(), Outcome::PartlyRefused);
}

#[test]
fn a_correction_of_two_workdays_moves_the_due_date_by_two() {
    let mut store = MemoryStore::new();
    let case = submit(&mut store, "2026-03-02 09:00");
    ok(
        &mut store,
        &case,
        ev("a", "2026-03-03 09:00", approve("accept")),
    );
    ok(
        &mut store,
        &case,
        ev("b", "2026-03-04 09:00", approve("birth_cert")),
    );
    ok(
        &mut store,
        &case,
        ev(
            "c",
            "2026-03-04 10:00",
            EventKind::RequestCorrection {
                step: "hukou".into(),
                reason: "户籍地址与户口簿不一致".into(),
            },
        ),
    );
    // Suspended: no decision until the correction arrives.
    assert_eq!(
        refused(
            &mut store,
            &case,
            ev("x", "2026-03-05 10:00", approve("hukou"))
        ),
        "wrong_status"
    );
    let cal_engine = engine();
    let cal = cal_engine.calendar();
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    // While suspended the matter's due date keeps moving.
    let mid = match view(&loaded, cal, date("2026-03-05")) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert!(mid.clock.suspended);
    assert_eq!(mid.clock.due.to_string(), "2026-03-12");
    ok(
        &mut store,
        &case,
        ev(
            "d",
            "2026-03-06 10:00",
            EventKind::CorrectionReceived {
                step: "hukou".into(),
            },
        ),
    );
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let after = match view(&loaded, cal, date("2026-03-09")) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    let before = date("2026-03-11");
    assert_eq!(cal.workdays_between(before, after.clock.due), Ok(2));
    assert_eq!(after.clock.due.to_string(), "2026-03-13");
    assert_eq!(after.clock.suspended_workdays, 2);
    let step_due = |id: &str| {
        after
            .steps
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.clock.as_ref())
            .map(|c| c.due.to_string())
    };
    // The step and everything after it move; vaccine, upstream of nothing paused, does not.
    assert_eq!(step_due("hukou").as_deref(), Some("2026-03-10"));
    assert_eq!(step_due("deliver").as_deref(), Some("2026-03-13"));
    assert_eq!(step_due("vaccine").as_deref(), Some("2026-03-03"));
}

/// The sample case received 2026-03-02 and accepted on 03-03, with its 督办 alerts at `on`.
fn accepted_case_at(on: &str) -> (Case, Engine, Vec<Alert>) {
    let mut store = MemoryStore::new();
    let case = submit(&mut store, "2026-03-02 09:00");
    ok(
        &mut store,
        &case,
        ev("a", "2026-03-03 09:00", approve("accept")),
    );
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let engine = engine();
    let alerts = match report([&loaded], engine.calendar(), date(on)) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    };
    (loaded, engine, alerts)
}

#[test]
fn supervision_lists_warnings_and_overdue_steps() {
    let (_, _, alerts) = accepted_case_at("2026-03-06");
    let find = |step: &str| alerts.iter().find(|a| a.step == step);
    let birth = find("birth_cert").map(|a| {
        (
            a.status,
            a.days_late,
            a.due.to_string(),
            a.department.as_str(),
        )
    });
    assert_eq!(
        birth,
        Some((ClockStatus::Overdue, 2, "2026-03-04".to_owned(), "wsjk"))
    );
    // hukou's window (offsets 2–4) is fully used on 03-06: warning, not yet overdue.
    assert_eq!(find("hukou").map(|a| a.status), Some(ClockStatus::Warning));
    assert!(find("accept").is_none());
    assert!(find("sscard").is_none());
}

#[test]
fn three_errors_are_reported_at_once() {
    let mut bad = submission();
    bad["mother_id"] = json!("110105199001011233"); // wrong check digit
    bad["birth_date"] = json!("2026-02-30"); // not a real date
    bad["hukou"] = json!({}); // household address missing
    let err = engine().submit(&bad, at("2026-03-02 09:00"));
    let problems = match err {
        Err(SubmitError::Invalid(p)) => p,
        other => panic!("expected problems, got {other:?}"),
    };
    let summary: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.pointer.as_str(), p.label.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("/birth_date", "出生日期"),
            ("/hukou/household_address", "户籍地址"),
            ("/mother_id", "母亲身份证号码"),
        ]
    );
    assert!(problems.iter().all(|p| !p.message.is_empty()));
    assert_eq!(problems[1].code, "required");

    // Missing a conditionally required object and a bad option: both reported.
    let mut bad = submission();
    bad["sscard"] = serde_json::Value::Null;
    if let Some(o) = bad.as_object_mut() {
        o.remove("sscard");
    }
    bad["baby_sex"] = json!("x");
    bad["baby_name"] = json!("一二三四五六七八九十一二三四五六");
    let problems = match engine().submit(&bad, at("2026-03-02 09:00")) {
        Err(SubmitError::Invalid(p)) => p,
        other => panic!("expected problems, got {other:?}"),
    };
    let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(pointers, ["/baby_name", "/baby_sex", "/sscard"]);
}

#[test]
fn sqlite_store_replays_the_same_state() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let path = dir.path().join("cases.db");
    let case = {
        let mut store = match SqliteStore::open(&path) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        let case = submit(&mut store, "2026-03-02 09:00");
        ok(
            &mut store,
            &case,
            ev("a", "2026-03-02 10:00", approve("accept")),
        );
        assert_eq!(
            refused(
                &mut store,
                &case,
                ev("h", "2026-03-02 10:00", approve("hukou"))
            ),
            "predecessor_open"
        );
        assert_eq!(
            ok(
                &mut store,
                &case,
                ev("a", "2026-03-02 10:00", approve("accept"))
            ),
            Applied::Duplicate
        );
        case
    };
    let store = match SqliteStore::open(&path) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(loaded.events.len(), 1);
    assert_eq!(
        loaded.record.packets["hukou"].fields["guardian_id"],
        json!("110105199001011232")
    );
    assert_eq!(store.ids().map_err(|e| e.to_string()), Ok(vec![case]));
    assert!(matches!(store.load("nope"), Err(StoreError::NotFound(_))));
}

#[test]
fn special_procedure_pauses_and_rejecting_acceptance_refuses_the_matter() {
    let mut store = MemoryStore::new();
    let case = submit(&mut store, "2026-03-02 09:00");
    ok(
        &mut store,
        &case,
        ev("a", "2026-03-02 10:00", approve("accept")),
    );
    // Only item steps take special procedures.
    assert_eq!(
        refused(
            &mut store,
            &case,
            ev(
                "s0",
                "2026-03-02 11:00",
                EventKind::SpecialStart {
                    step: "accept".into(),
                    procedure: "hearing".into(),
                    basis: String::new()
                }
            )
        ),
        "not_an_item"
    );
    ok(
        &mut store,
        &case,
        ev(
            "s1",
            "2026-03-03 09:00",
            EventKind::SpecialStart {
                step: "birth_cert".into(),
                procedure: "expert_review".into(),
                basis: "第四十五条".into(),
            },
        ),
    );
    assert_eq!(
        refused(
            &mut store,
            &case,
            ev(
                "e",
                "2026-03-03 10:00",
                EventKind::CorrectionReceived {
                    step: "birth_cert".into()
                }
            )
        ),
        "no_open_pause"
    );
    ok(
        &mut store,
        &case,
        ev(
            "s2",
            "2026-03-06 09:00",
            EventKind::SpecialEnd {
                step: "birth_cert".into(),
            },
        ),
    );
    let engine = engine();
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let v = match view(&loaded, engine.calendar(), date("2026-03-06")) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    // (03-03, 03-06] holds 3 working days: the matter moves from 03-11 to 03-16.
    assert_eq!(v.clock.due.to_string(), "2026-03-16");
    assert_eq!(v.clock.suspended_workdays, 3);

    // 不予受理 cancels every item; the matter is delivered once as refused.
    let case = submit(&mut store, "2026-03-02 09:00");
    ok(
        &mut store,
        &case,
        ev(
            "r",
            "2026-03-02 10:00",
            EventKind::Reject {
                step: "accept".into(),
                reason: "非本市出生".into(),
            },
        ),
    );
    ok(
        &mut store,
        &case,
        ev(
            "d",
            "2026-03-02 11:00",
            EventKind::Deliver {
                method: "online".into(),
            },
        ),
    );
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(loaded.outcome(), Outcome::Refused);
    assert!(loaded
        .steps
        .iter()
        .filter(|s| s.id != "accept" && s.id != "deliver")
        .all(|s| s.status == StepStatus::Cancelled));
}

#[test]
fn a_step_past_its_legal_limit_is_escalated() {
    let (loaded, engine, alerts) = accepted_case_at("2026-04-15");
    // birth_cert may start on working day 1; its legal limit of 20 working days ends on working
    // day 21 after receipt, 2026-03-31. On 04-15 that is 10 working days ago (清明 04-04…04-06 off).
    let legal = alerts
        .iter()
        .find(|a| a.step == "birth_cert" && a.limit == Limit::Legal)
        .map(|a| (a.status, a.due.to_string(), a.days_late));
    assert_eq!(
        legal,
        Some((ClockStatus::Overdue, "2026-03-31".to_owned(), 10))
    );
    assert!(alerts
        .iter()
        .any(|a| a.step == "birth_cert" && a.limit == Limit::Promised));
    // Legal escalations come before the promised ones among overdue alerts.
    let first_promised = alerts.iter().position(|a| a.limit == Limit::Promised);
    let last_legal = alerts.iter().rposition(|a| a.limit == Limit::Legal);
    assert!(last_legal < first_promised, "{alerts:?}");
    // The view shows both clocks; a step without a legal limit (accept) has no legal clock.
    let view = match view(&loaded, engine.calendar(), date("2026-04-15")) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    let step = |id: &str| view.steps.iter().find(|s| s.id == id);
    assert_eq!(
        step("birth_cert")
            .and_then(|s| s.legal_clock.as_ref())
            .map(|c| c.due.to_string())
            .as_deref(),
        Some("2026-03-31")
    );
    assert!(step("accept").is_some_and(|s| s.legal_clock.is_none()));
}
