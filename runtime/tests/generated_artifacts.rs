//! The case engine on the compiler's real output for the sample (`generated/newborn/`), not the fixtures.

mod common;

use common::{approve, at, engine_at, ev, generated_dir, submission};
use serde_json::json;
use yjs_runtime::engine::view;
use yjs_runtime::{id_prefix, CaseStore, EventKind, MemoryStore, Outcome, StoreError, SubmitError};

#[test]
fn the_generated_newborn_artifacts_run_a_case_to_delivery() {
    let engine = engine_at(&generated_dir());
    let received = at("2026-03-02 09:00");
    let record = match engine.submit(&submission(), received) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        record.items,
        ["birth_cert", "vaccine", "hukou", "insurance", "sscard"]
    );
    let hukou = &record.packets["hukou"];
    assert_eq!(hukou.department, "gaj");
    assert_eq!(hukou.fields["guardian_id"], json!("110105199001011232"));
    assert!(!hukou.fields.contains_key("insured_address"));
    assert!(!hukou.fields.contains_key("baby_id_holder"));
    assert_eq!(
        record.packets["insurance"].fields["baby_id_holder"],
        json!("110105199001011232")
    );

    let store = MemoryStore::new();
    let case = match store.create(&id_prefix("newborn", received), record) {
        Ok(r) => r.id,
        Err(e) => panic!("{e}"),
    };
    let append = |id: &str, when: &str, kind: EventKind| store.append(&case, &ev(id, when, kind));
    assert!(matches!(
        append("x", "2026-03-02 10:00", approve("insurance")),
        Err(StoreError::Refused(r)) if r.code == "predecessor_open"
    ));
    for (id, step, when) in [
        ("1", "accept", "2026-03-02 10:00"),
        ("2", "birth_cert", "2026-03-03 10:00"),
        ("3", "vaccine", "2026-03-03 10:00"),
        ("4", "hukou", "2026-03-05 10:00"),
    ] {
        if let Err(e) = append(id, when, approve(step)) {
            panic!("{step}: {e}");
        }
    }
    assert!(matches!(
        append("d0", "2026-03-05 11:00", EventKind::Deliver { method: "mail".into() }),
        Err(StoreError::Refused(r)) if r.code == "items_open"
    ));
    for (id, step) in [("5", "insurance"), ("6", "sscard")] {
        if let Err(e) = append(id, "2026-03-06 10:00", approve(step)) {
            panic!("{step}: {e}");
        }
    }
    if let Err(e) = append(
        "d",
        "2026-03-06 15:00",
        EventKind::Deliver {
            method: "mail".into(),
        },
    ) {
        panic!("{e}");
    }
    let loaded = match store.load(&case) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(loaded.outcome(), Outcome::Granted);
    let v = match view(&loaded, engine.calendar(), received.date()) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(v.clock.due.to_string(), "2026-03-11");
}

#[test]
fn the_generated_form_reports_three_errors_at_once() {
    let engine = engine_at(&generated_dir());
    let mut bad = submission();
    bad["mother_id"] = json!("110105199001011233");
    bad["birth_date"] = json!("2026-02-30");
    bad["hukou"] = json!({});
    let problems = match engine.submit(&bad, at("2026-03-02 09:00")) {
        Err(SubmitError::Invalid(p)) => p,
        other => panic!("expected problems, got {other:?}"),
    };
    let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        ["/birth_date", "/hukou/household_address", "/mother_id"]
    );
    assert_eq!(problems[2].label, "母亲身份证号码");
}
