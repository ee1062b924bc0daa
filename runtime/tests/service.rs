//! The service API on the newborn fixtures: the whole flow, and every error kind with its code.

mod common;

use chrono::NaiveDate;
use common::{at, newborn_dir, submission};
use serde_json::{json, Value};
use yjs_artifacts::{Plan, Projections};
use yjs_runtime::calendar::Calendar;
use yjs_runtime::time::parse_time;
use yjs_runtime::validate::parse_submission;
use yjs_runtime::{
    Applied, CaseStore, ClockStatus, Code, Error, ErrorBody, ErrorKind, Event, EventDraft,
    EventKind, EventName, MatterArtifacts, MemoryStore, Outcome, Service, SqliteStore, StepStatus,
};

fn date(s: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

fn calendar() -> Calendar {
    match Calendar::official() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

fn artifacts() -> MatterArtifacts {
    match MatterArtifacts::load(&newborn_dir()) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    }
}

/// A service over `store` running the newborn matter.
fn service_with<S: CaseStore>(store: S) -> Service<S> {
    let mut service = Service::new(store, calendar());
    if let Err(e) = service.add_matter(artifacts()) {
        panic!("{e}");
    }
    service
}

fn service() -> Service<MemoryStore> {
    service_with(MemoryStore::new())
}

/// The error of a call that must fail, with its kind checked against its code.
fn error<T: std::fmt::Debug>(result: Result<T, Error>) -> Error {
    match result {
        Err(e) => {
            assert_eq!(e.kind(), e.code().kind(), "{e}");
            assert!(!e.message().is_empty());
            e
        }
        Ok(v) => panic!("expected an error, got {v:?}"),
    }
}

fn submit(service: &Service<impl CaseStore>, when: &str) -> String {
    match service.submit("newborn", &submission(), at(when)) {
        Ok(v) => v.id,
        Err(e) => panic!("{e}"),
    }
}

fn approve(step: &str, when: &str) -> Event {
    Event::new(
        None,
        at(when),
        EventKind::Approve {
            step: step.to_owned(),
            output: Value::Null,
        },
    )
}

fn case_count(service: &Service<impl CaseStore>) -> usize {
    service
        .store()
        .ids()
        .map(|ids| ids.len())
        .unwrap_or(usize::MAX)
}

#[test]
fn submit_event_show_list_and_overdue() {
    let service = service();
    assert_eq!(service.matters().collect::<Vec<_>>(), ["newborn"]);
    let accepted = match service.submit("newborn", &submission(), at("2026-03-02 09:00")) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(accepted.id, "newborn-20260302-0001");
    assert_eq!(accepted.outcome, Outcome::Open);
    assert_eq!(accepted.clock.due, date("2026-03-11"));
    assert!(accepted
        .steps
        .iter()
        .all(|s| s.status == StepStatus::Pending));
    let id = accepted.id;

    let recorded = match service.event(&id, approve("accept", "2026-03-02 10:00")) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(recorded.applied, Applied::Appended);
    assert_eq!(recorded.event.id, "approve:accept:2026-03-02T10:00:00");
    assert_eq!(recorded.case.events, 1);
    assert_eq!(recorded.case.steps[0].status, StepStatus::Approved);
    // The same command again: a duplicate, nothing new in the log.
    let again = service.event(&id, approve("accept", "2026-03-02 10:00"));
    assert_eq!(
        again.map(|r| (r.applied, r.case.events)).ok(),
        Some((Applied::Duplicate, 1))
    );

    let shown = match service.show(&id, date("2026-03-05")) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(shown.at, date("2026-03-05"));
    let list = match service.list(date("2026-03-05")) {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, id);
    assert_eq!(list[0].due, Some(date("2026-03-11")));
    assert_eq!(list[0].status, Some(ClockStatus::OnTrack));
    let overdue = match service.overdue(date("2026-03-05")) {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(overdue.at, date("2026-03-05"));
    let steps: Vec<&str> = overdue.alerts.iter().map(|a| a.step.as_str()).collect();
    assert_eq!(steps, ["vaccine", "birth_cert"]);
    // The JSON of the list keeps its documented keys.
    let row = serde_json::to_value(&list[0]).unwrap_or_default();
    for key in [
        "id", "matter", "received", "outcome", "due", "status", "items",
    ] {
        assert!(row.get(key).is_some(), "{key} missing in {row}");
    }
}

#[test]
fn an_invalid_submission_lists_every_problem_and_stores_nothing() {
    let service = service();
    let mut bad = submission();
    bad["mother_id"] = json!("110105199001011233");
    bad["birth_date"] = json!("2026-02-30");
    bad["hukou"] = json!({});
    let e = error(service.submit("newborn", &bad, at("2026-03-02 09:00")));
    assert_eq!(e.kind(), ErrorKind::InvalidSubmission);
    assert_eq!(e.code(), Code::InvalidSubmission);
    assert_eq!(e.problems().len(), 3);
    assert_eq!(e.message(), "申请有 3 处问题，请一并改正");
    assert!(e.to_string().contains("母亲身份证号码"), "{e}");
    // The body a program receives: kind, code, message and every problem.
    let body = serde_json::to_value(&e).unwrap_or_default();
    assert_eq!(body["kind"], "invalid_submission");
    assert_eq!(body["code"], "invalid_submission");
    assert_eq!(body["problems"].as_array().map(Vec::len), Some(3));
    let back: Result<ErrorBody, _> = serde_json::from_value(body);
    assert_eq!(back.ok(), Some(e.body()));
    assert_eq!(case_count(&service), 0);
}

#[test]
fn unknown_cases_and_matters_are_not_found() {
    let service = service();
    let e = error(service.show("newborn-20260302-0009", date("2026-03-02")));
    assert_eq!(
        (e.kind(), e.code()),
        (ErrorKind::NotFound, Code::UnknownCase)
    );
    let e = error(service.event("nope", approve("accept", "2026-03-02 10:00")));
    assert_eq!(e.code(), Code::UnknownCase);
    let e = error(service.submit("marriage", &submission(), at("2026-03-02 09:00")));
    assert_eq!(
        (e.kind(), e.code()),
        (ErrorKind::NotFound, Code::UnknownMatter)
    );
    assert!(e.message().contains("newborn"), "{e}");
    // A body without problems has no `problems` key.
    let body = serde_json::to_value(&e).unwrap_or_default();
    assert!(body.get("problems").is_none(), "{body}");
}

#[test]
fn an_illegal_event_is_refused_with_its_rule_and_stores_nothing() {
    let service = service();
    let id = submit(&service, "2026-03-02 09:00");
    let e = error(service.event(&id, approve("hukou", "2026-03-02 10:00")));
    assert_eq!(
        (e.kind(), e.code()),
        (ErrorKind::IllegalEvent, Code::PredecessorOpen)
    );
    assert_eq!(
        serde_json::to_value(&e).unwrap_or_default()["code"],
        "predecessor_open"
    );
    let e = error(service.event(
        &id,
        Event::new(
            None,
            at("2026-03-01 10:00"),
            EventKind::Deliver {
                method: "mail".into(),
            },
        ),
    ));
    assert_eq!(e.code(), Code::TimeBackwards);
    assert_eq!(
        service.show(&id, date("2026-03-02")).map(|v| v.events).ok(),
        Some(0)
    );
}

#[test]
fn a_suspended_step_is_refused_in_the_vocabulary_of_the_hall() {
    let service = service();
    let id = submit(&service, "2026-03-02 09:00");
    for event in [
        approve("accept", "2026-03-02 10:00"),
        approve("birth_cert", "2026-03-03 10:00"),
        Event::new(
            None,
            at("2026-03-04 10:00"),
            EventKind::RequestCorrection {
                step: "hukou".into(),
                reason: "户籍地址不符".into(),
            },
        ),
    ] {
        if let Err(e) = service.event(&id, event) {
            panic!("{e}");
        }
    }
    let e = error(service.event(&id, approve("hukou", "2026-03-05 10:00")));
    assert_eq!(e.code(), Code::WrongStatus);
    assert_eq!(e.message(), "步骤 hukou 当前状态为 暂停计时，不能作出决定");
}

#[test]
fn bad_input_has_its_own_codes() {
    let code = |e: Error| (e.kind(), e.code());
    let time = parse_time("2026-02-30").map_err(Error::from);
    assert_eq!(code(error(time)), (ErrorKind::BadInput, Code::BadTime));
    let kind = "frobnicate".parse::<EventName>().map_err(Error::from);
    assert_eq!(
        code(error(kind)),
        (ErrorKind::BadInput, Code::UnknownEventKind)
    );
    let no_step = EventDraft::default()
        .build(EventName::Approve)
        .map_err(Error::from);
    assert_eq!(
        code(error(no_step)),
        (ErrorKind::BadInput, Code::MissingStep)
    );
    let no_score = EventDraft::default()
        .build(EventName::Evaluate)
        .map_err(Error::from);
    assert_eq!(
        code(error(no_score)),
        (ErrorKind::BadInput, Code::MissingDetail)
    );
    let not_json = parse_submission("{\"settle\": ").map_err(Error::from);
    assert_eq!(
        code(error(not_json)),
        (ErrorKind::BadInput, Code::SubmissionNotJson)
    );
}

#[test]
fn dates_past_the_calendar_are_estimated_and_marked() {
    let service = service();
    // Received in the last days of 2026: the clocks reach 2027, which has no holiday data yet.
    // The case is accepted; every clock that reaches 2027 says it is an estimate, and why.
    let v = match service.submit("newborn", &submission(), at("2026-12-28 09:00")) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        v.clock.estimate.as_ref().map(|e| e.years.clone()),
        Some(vec![2027])
    );
    assert!(v
        .estimate
        .as_ref()
        .is_some_and(|e| e.reason.contains("估算")));
    let accept = v.steps.first().and_then(|s| s.clock.as_ref());
    assert_eq!(accept.map(|c| c.estimate.is_none()), Some(true));
    assert_eq!(case_count(&service), 1);
    // A case of 2026 shown, listed and supervised in 2027: estimated, never an error.
    let id = submit(&service, "2026-03-02 09:00");
    let shown = match service.show(&id, date("2027-01-05")) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(shown.clock.status, ClockStatus::Overdue);
    assert!(shown.clock.estimate.is_some());
    let recorded = service.event(&id, approve("accept", "2027-01-05 10:00"));
    assert!(recorded.is_ok(), "{recorded:?}");
    let list = match service.list(date("2027-01-05")) {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    };
    assert!(list
        .iter()
        .all(|s| s.unknown.is_none() && s.estimate.is_some()));
    let sup = match service.overdue(date("2027-01-05")) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    assert!(sup.unknown.is_empty());
    assert!(sup.alerts.iter().all(|a| a.estimate.is_some()));
    // A receipt after 2100 is refused before anything is computed, and nothing is stored; the
    // calendar's own limit (2199) is never reached through the service.
    let e = error(service.submit("newborn", &submission(), at("2101-01-03 09:00")));
    assert_eq!(
        (e.kind(), e.code()),
        (ErrorKind::BadInput, Code::TimeOutOfRange)
    );
    let late = service.submit("newborn", &submission(), at("2100-12-31 09:00"));
    assert!(late.is_ok_and(|v| v.estimate.is_some_and(|e| e.years == vec![2100, 2101])));
    assert_eq!(case_count(&service), 3);
}

/// The fixture plan and projections, as values to break.
fn parts() -> (Value, Projections, Plan) {
    let read = |name: &str| -> Value {
        let text = std::fs::read_to_string(newborn_dir().join(name)).unwrap_or_default();
        serde_json::from_str(&text).unwrap_or_default()
    };
    let projections = serde_json::from_value(read("projections.json"));
    let plan = serde_json::from_value(read("plan.json"));
    match (projections, plan) {
        (Ok(pr), Ok(pl)) => (read("form.schema.json"), pr, pl),
        _ => panic!("fixtures"),
    }
}

fn artifact_code(schema: Value, projections: Projections, plan: Plan) -> Code {
    error(MatterArtifacts::new(schema, projections, plan).map_err(Error::from)).code()
}

#[test]
fn artifacts_that_do_not_belong_together_are_refused() {
    let (schema, projections, plan) = parts();
    let mut twice = plan.clone();
    let dup = twice.steps[2].clone();
    twice.steps.push(dup);
    assert_eq!(
        artifact_code(schema.clone(), projections.clone(), twice),
        Code::DuplicateStep
    );
    let mut unknown = plan.clone();
    unknown.steps[3].after.push("nowhere".into());
    assert_eq!(
        artifact_code(schema.clone(), projections.clone(), unknown),
        Code::UnknownPredecessor
    );
    let mut cycle = plan.clone();
    cycle.steps[1].after.push("deliver".into());
    let e = error(
        MatterArtifacts::new(schema.clone(), projections.clone(), cycle).map_err(Error::from),
    );
    assert_eq!(
        (e.kind(), e.code()),
        (ErrorKind::Artifacts, Code::PlanCycle)
    );
    assert!(e.message().contains("循环"), "{e}");
    let mut version = plan.clone();
    version.format_version = 99;
    assert_eq!(
        artifact_code(schema.clone(), projections.clone(), version),
        Code::FormatVersion
    );
    let mut other = plan.clone();
    other.matter = "other".into();
    assert_eq!(
        artifact_code(schema.clone(), projections.clone(), other),
        Code::MatterMismatch
    );
    let mut stray = projections.clone();
    stray.items[0].item = "stray".into();
    assert_eq!(
        artifact_code(schema.clone(), stray, plan.clone()),
        Code::ProjectionWithoutStep
    );
    assert_eq!(
        artifact_code(json!([]), projections.clone(), plan.clone()),
        Code::FormSchemaInvalid
    );
    // A schema the validator cannot compile is refused when the matter is added.
    let broken = json!({ "type": "object", "properties": { "x": { "type": 7 } } });
    let mut service = Service::new(MemoryStore::new(), calendar());
    let loaded = match MatterArtifacts::new(broken, projections, plan) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        service.add_matter(loaded).map(|_| ()).map_err(|e| e.code()),
        Err(Code::FormSchemaInvalid)
    );
    // The same matter twice.
    let mut service = service_with(MemoryStore::new());
    assert_eq!(
        service
            .add_matter(artifacts())
            .map(|_| ())
            .map_err(|e| e.code()),
        Err(Code::DuplicateMatter)
    );
}

#[test]
fn unreadable_artifacts_are_refused() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let load = |d: &std::path::Path| error(MatterArtifacts::load(d).map_err(Error::from)).code();
    assert_eq!(load(dir.path()), Code::ArtifactUnreadable);
    for name in ["form.schema.json", "projections.json", "plan.json"] {
        let text = std::fs::read_to_string(newborn_dir().join(name)).unwrap_or_default();
        if let Err(e) = std::fs::write(dir.path().join(name), text) {
            panic!("{e}");
        }
    }
    if let Err(e) = std::fs::write(dir.path().join("plan.json"), "{\"steps\": 1}") {
        panic!("{e}");
    }
    assert_eq!(load(dir.path()), Code::ArtifactMalformed);
}

#[test]
fn store_failures_have_their_own_codes() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    // A folder is not a database file.
    let e = error(SqliteStore::open(dir.path()).map_err(Error::from));
    assert_eq!(
        (e.kind(), e.code()),
        (ErrorKind::Store, Code::StoreUnavailable)
    );

    let path = dir.path().join("cases.db");
    let id = {
        let service = match SqliteStore::open(&path) {
            Ok(s) => service_with(s),
            Err(e) => panic!("{e}"),
        };
        submit(&service, "2026-03-02 09:00")
    };
    // A record that does not read back: the case, and only the case, is corrupt.
    let conn = match rusqlite::Connection::open(&path) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    if let Err(e) = conn.execute("UPDATE cases SET record = '{' WHERE id = ?1", [&id]) {
        panic!("{e}");
    }
    let service = match SqliteStore::open(&path) {
        Ok(s) => service_with(s),
        Err(e) => panic!("{e}"),
    };
    let e = error(service.show(&id, date("2026-03-02")));
    assert_eq!((e.kind(), e.code()), (ErrorKind::Store, Code::StoreCorrupt));
    assert!(e.message().contains(&id), "{e}");
    // A database from a newer yjs.
    if let Err(e) = conn.execute_batch("PRAGMA user_version = 99") {
        panic!("{e}");
    }
    let e = error(SqliteStore::open(&path).map_err(Error::from));
    assert_eq!(e.code(), Code::StoreTooNew);
}

#[test]
fn internal_errors_say_they_are_bugs() {
    let e = Error::Internal("a state the rules exclude".into());
    assert_eq!(
        (e.kind(), e.code()),
        (ErrorKind::Internal, Code::InternalError)
    );
    assert!(e.message().contains("内部错误"), "{e}");
}

#[test]
fn a_service_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<Service<MemoryStore>>();
    shared::<Service<SqliteStore>>();
    let service = service();
    let ids: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| submit(&service, "2026-03-02 09:00")))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 4, "{ids:?}");
}

#[test]
fn statistics_counted_over_a_year_without_data_are_marked_estimated() {
    let service = service();
    let id = submit(&service, "2026-03-02 09:00");
    // Within 2026, which has data: every figure is exact.
    let exact = match service.statistics(date("2026-03-03")) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(exact.matters.len(), 1);
    assert!(exact.estimate.is_none());
    assert!(exact
        .matters
        .iter()
        .chain(&exact.departments)
        .all(|r| r.estimate.is_none()));
    assert!(exact.to_csv().lines().all(|l| !l.contains("估算")));
    // Measured in 2027: the open clocks count days of 2027, weekends only.
    let recorded = service.event(&id, approve("accept", "2027-01-05 10:00"));
    assert!(recorded.is_ok(), "{recorded:?}");
    let later = match service.statistics(date("2027-01-06")) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        later.estimate.as_ref().map(|e| e.years.clone()),
        Some(vec![2027])
    );
    let row = &later.matters[0];
    assert_eq!(row.overdue_open, 1);
    assert!(row
        .estimate
        .as_ref()
        .is_some_and(|e| e.reason.contains("估算") && e.reason.contains("2027")));
    // The accepting department's step finished in 2027: its row is an estimate too.
    assert!(later.departments.iter().any(|r| r.estimate.is_some()));
    let csv = later.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",estimate"));
    assert!(lines[1].starts_with("matter,newborn,") && lines[1].contains("估算"));
    // The JSON says it too.
    let json = serde_json::to_value(&later).unwrap_or_default();
    assert!(json["matters"][0]["estimate"]["reason"]
        .as_str()
        .is_some_and(|r| r.contains("估算")));
}
