//! Waiting steps (公示期) in the runtime: a 20-day 公示 across 国庆 2026 ends by itself, later steps
//! and the matter's deadline move by it, no department sees or is blamed for it, a conditional
//! wait that does not apply is skipped, and the same on SQLite and PostgreSQL; marked
//! `roll_forward`, a period whose last day is a Sunday ends on the Monday.
//!
//! The plan is the compiler's real output for the newborn sample (`generated/newborn/`) with two
//! waiting steps inserted as the compiler writes them (`kind: wait`, no department, the duration
//! in `promise`, 0 days in the handling schedule): `publicity`, 20 days after `birth_cert`, which
//! `hukou` waits for; and `objection`, 5 working days after `insurance`, only when no social
//! security card is asked for (the sample asks for one, so it does not apply).

mod common;

use chrono::NaiveDate;
use common::{at, generated_dir, postgres_url, submission, PgSchemas};
use serde_json::json;
use yjs_artifacts::{Answer, Condition, Limit, Plan, Projections, Step, StepKind};
use yjs_runtime::calendar::Calendar;
use yjs_runtime::{
    Actor, CaseStore, ClockStatus, Code, Error, Event, EventKind, MatterArtifacts, MemoryStore,
    Outcome, PauseKind, PostgresStore, Role, Service, SqliteStore, StepStatus,
};

fn date(s: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

fn read<T: serde::de::DeserializeOwned>(file: &str) -> T {
    let path = generated_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// A waiting step as the compiler writes it.
fn wait(id: &str, name: &str, unit: &str, amount: u32, after: &str, at_day: u32) -> Step {
    Step {
        id: id.to_owned(),
        kind: StepKind::Wait,
        name: name.to_owned(),
        department: None,
        department_name: None,
        after: vec![after.to_owned()],
        condition: Condition::Always,
        legal: None,
        promise: Limit {
            unit: unit.to_owned(),
            amount,
            workdays: amount,
        },
        promise_by: Vec::new(),
        legal_by: Vec::new(),
        basis: Some("《公示办法》第五条".to_owned()),
        roll_forward: false,
        earliest_start: at_day,
        earliest_finish: at_day,
        latest_finish: at_day,
        slack: 0,
        critical: false,
    }
}

/// The newborn plan with `publicity` before `hukou` and a conditional `objection` before delivery.
fn plan() -> Plan {
    let mut plan: Plan = read("plan.json");
    let index = |plan: &Plan, id: &str| {
        plan.steps
            .iter()
            .position(|s| s.id == id)
            .unwrap_or_else(|| panic!("no step {id}"))
    };
    let hukou = index(&plan, "hukou");
    plan.steps[hukou].after = vec!["publicity".to_owned()];
    plan.steps.insert(
        hukou,
        wait("publicity", "出生登记公示", "days", 20, "birth_cert", 2),
    );
    let mut objection = wait("objection", "异议期", "workdays", 5, "insurance", 5);
    objection.condition = Condition::In {
        situation: "card".to_owned(),
        values: vec![Answer::Bool(false)],
    };
    let deliver = index(&plan, "deliver");
    plan.steps[deliver].after.push("objection".to_owned());
    plan.steps.insert(deliver, objection);
    plan.elapsed_workdays = plan.total_workdays + 20;
    plan
}

fn service<S: CaseStore>(store: S) -> Service<S> {
    service_with(store, plan())
}

fn service_with<S: CaseStore>(store: S, plan: Plan) -> Service<S> {
    let artifacts = MatterArtifacts::new(
        read("form.schema.json"),
        read::<Projections>("projections.json"),
        plan,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut service = Service::new(
        store,
        Calendar::official().unwrap_or_else(|e| panic!("{e}")),
    );
    if let Err(e) = service.add_matter(artifacts) {
        panic!("{e}");
    }
    service
}

fn event(service: &Service<impl CaseStore>, case: &str, when: &str, kind: EventKind) {
    if let Err(e) = service.event(case, Event::new(None, at(when), kind)) {
        panic!("{when}: {e}");
    }
}

fn approve(step: &str) -> EventKind {
    EventKind::Approve {
        step: step.to_owned(),
        output: json!({ "number": format!("{step}-001") }),
    }
}

fn refusal<T: std::fmt::Debug>(result: Result<T, Error>) -> Code {
    match result {
        Err(e) => e.code(),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

/// The whole case on `store`: received on Thursday 2026-09-24 (中秋 is 09-25..27, 国庆 10-01..07,
/// 10-10 a working Saturday), `birth_cert` approved on Monday 09-28, so the 公示 counts from 09-29
/// and its 20th day is Sunday 10-18.
fn flow<S: CaseStore>(service: &Service<S>) {
    let case = match service.submit("newborn", &submission(), at("2026-09-24 09:00")) {
        Ok(v) => v.id,
        Err(e) => panic!("{e}"),
    };
    event(service, &case, "2026-09-24 10:00", approve("accept"));
    event(service, &case, "2026-09-24 11:00", approve("vaccine"));
    event(service, &case, "2026-09-28 10:00", approve("birth_cert"));

    // The wait runs: no department acts on it, and what waits for it cannot start.
    let Ok(v) = service.show(&case, date("2026-10-16")) else {
        panic!("show");
    };
    let publicity = &v.steps[3];
    assert_eq!(
        (publicity.id.as_str(), publicity.status),
        ("publicity", StepStatus::Waiting)
    );
    assert_eq!(publicity.department, None);
    assert!(publicity.clock.is_none());
    let Some(w) = &publicity.wait else {
        panic!("no wait view");
    };
    assert_eq!(w.text, "出生登记公示期至2026年10月18日届满");
    assert_eq!(
        (w.started, w.ends),
        (Some(date("2026-09-28")), Some(date("2026-10-18")))
    );
    assert_eq!(w.basis.as_deref(), Some("《公示办法》第五条"));
    // The conditional wait does not apply: skipped like an item.
    let objection = v.steps.iter().find(|s| s.id == "objection");
    assert_eq!(objection.map(|s| s.status), Some(StepStatus::NotApplicable));
    // The matter's clock is paused while the case only waits: 7 working days from 09-24 would
    // end on 10-12 (with 09-28 the first); without the 公示 days (09-29..10-18) it ends on 10-26.
    assert_eq!(v.clock.due, date("2026-10-26"));
    assert!(v.clock.suspended);
    assert_eq!(v.clock.status, ClockStatus::OnTrack);
    // hukou's 4th working day would be 10-08; it moves past the 公示 to 10-21.
    let hukou = v.steps.iter().find(|s| s.id == "hukou");
    assert_eq!(
        hukou.and_then(|s| s.clock.as_ref()).map(|c| c.due),
        Some(date("2026-10-21"))
    );
    assert!(v
        .suspensions
        .iter()
        .any(|s| s.kind == PauseKind::Wait && s.to.is_none()));

    for kind in [
        approve("publicity"),
        EventKind::Start {
            step: "publicity".into(),
        },
    ] {
        let e = service.event(&case, Event::new(None, at("2026-10-16 09:00"), kind));
        assert_eq!(refusal(e), Code::WaitIsClocked);
    }
    let forged = EventKind::WaitEnd {
        step: "publicity".into(),
    };
    let e = service.event(&case, Event::new(None, at("2026-10-19 09:00"), forged));
    assert_eq!(refusal(e), Code::WaitIsClocked);
    let e = service.event(
        &case,
        Event::new(None, at("2026-10-16 09:00"), approve("hukou")),
    );
    assert_eq!(refusal(e), Code::PredecessorOpen);

    // Nobody is warned or blamed for the wait, and nobody is late because of it.
    let Ok(alerts) = service.overdue(date("2026-10-16")) else {
        panic!("overdue");
    };
    assert!(alerts.alerts.is_empty(), "{:?}", alerts.alerts);
    let Ok(board) = service.board(date("2026-10-16")) else {
        panic!("board");
    };
    assert!(board.charges.is_empty(), "{:?}", board.charges);
    assert!(board
        .waiting
        .iter()
        .all(|w| w.step != "publicity" && w.charged_to.iter().all(|d| !d.is_empty())));

    // On its last day it still runs; the day after, it has ended by itself.
    let Ok(v) = service.show(&case, date("2026-10-18")) else {
        panic!("show");
    };
    assert_eq!(v.steps[3].status, StepStatus::Waiting);
    event(service, &case, "2026-10-19 09:00", approve("hukou"));
    let Ok(stored) = service.case(&case) else {
        panic!("load");
    };
    let ends: Vec<&Event> = stored
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::WaitEnd { .. }))
        .collect();
    assert_eq!(ends.len(), 1, "{ends:?}");
    let end = chrono::NaiveDateTime::parse_from_str("2026-10-18 23:59:59", "%Y-%m-%d %H:%M:%S");
    assert_eq!(Ok(ends[0].at), end);
    assert_eq!(ends[0].id, "wait_end:publicity:2026-10-18T23:59:59");
    // Reading again records nothing more.
    let _ = service.show(&case, date("2026-10-20"));
    let Ok(again) = service.case(&case) else {
        panic!("load");
    };
    assert_eq!(again.events.len(), stored.events.len());

    event(service, &case, "2026-10-20 09:00", approve("insurance"));
    event(service, &case, "2026-10-20 15:00", approve("sscard"));
    event(
        service,
        &case,
        "2026-10-21 09:00",
        EventKind::Deliver {
            method: "mail".into(),
        },
    );
    let Ok(v) = service.show(&case, date("2026-10-21")) else {
        panic!("show");
    };
    assert_eq!(v.outcome, Outcome::Granted);
    assert_eq!(v.steps[3].status, StepStatus::Elapsed);
    assert_eq!(
        v.steps[3].wait.as_ref().map(|w| w.text.as_str()),
        Some("出生登记公示期已于2026年10月18日届满")
    );
    // Delivered on 10-21, within the matter's promise once the 公示 is left out.
    assert_eq!(v.clock.due, date("2026-10-26"));
    assert_eq!(v.clock.status, ClockStatus::OnTrack);
}

#[test]
fn a_publicity_period_ends_by_itself_across_national_day_on_memory() {
    flow(&service(MemoryStore::new()));
}

#[test]
fn a_publicity_period_ends_by_itself_on_sqlite_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("cases.db");
    flow(&service(
        SqliteStore::open(&path).unwrap_or_else(|e| panic!("{e}")),
    ));
    // The stored log replays to the same delivered case with its one recorded end.
    let again = service(SqliteStore::open(&path).unwrap_or_else(|e| panic!("{e}")));
    let Ok(list) = again.list(date("2026-10-22")) else {
        panic!("list");
    };
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].outcome, Some(Outcome::Granted));
}

#[test]
fn a_publicity_period_ends_by_itself_on_postgres() {
    let Some(url) = postgres_url() else { return };
    let schemas = PgSchemas::new(&url);
    let store =
        PostgresStore::open_in_schema(&url, &schemas.fresh()).unwrap_or_else(|e| panic!("{e}"));
    flow(&service(store));
}

/// The same 公示 marked `roll_forward` (民法典 第二百零三条): its 20th day, Sunday 10-18, is a
/// rest day, so it ends on Monday 10-19, and what waits for it moves by that working day.
#[test]
fn a_rolled_publicity_period_ending_on_a_sunday_ends_on_the_monday() {
    let mut rolled = plan();
    for step in rolled.steps.iter_mut().filter(|s| s.id == "publicity") {
        step.roll_forward = true;
    }
    let service = service_with(MemoryStore::new(), rolled);
    let case = match service.submit("newborn", &submission(), at("2026-09-24 09:00")) {
        Ok(v) => v.id,
        Err(e) => panic!("{e}"),
    };
    let wait_of = |day: &str| {
        let Ok(v) = service.show(&case, date(day)) else {
            panic!("show");
        };
        let step = v.steps.iter().find(|s| s.id == "publicity").cloned();
        (v, step.unwrap_or_else(|| panic!("no publicity step")))
    };
    let (_, before) = wait_of("2026-09-24");
    let Some(w) = before.wait else {
        panic!("no wait view");
    };
    assert!(w.roll_forward);
    assert_eq!(
        w.text,
        "出生登记公示期20日，自前序步骤办结之次日起算，期间的最后一日是法定休假日的，\
         以法定休假日结束的次日为期间的最后一日"
    );

    event(&service, &case, "2026-09-24 10:00", approve("accept"));
    event(&service, &case, "2026-09-24 11:00", approve("vaccine"));
    event(&service, &case, "2026-09-28 10:00", approve("birth_cert"));
    let (v, publicity) = wait_of("2026-10-16");
    let Some(w) = publicity.wait else {
        panic!("no wait view");
    };
    assert_eq!(w.text, "出生登记公示期至2026年10月19日届满");
    assert_eq!(w.ends, Some(date("2026-10-19")));
    assert_eq!(w.estimate, None);
    assert!(v.clock.suspended);

    // Monday 10-19 is still inside the period: hukou cannot start.
    let (_, publicity) = wait_of("2026-10-19");
    assert_eq!(publicity.status, StepStatus::Waiting);
    let e = service.event(
        &case,
        Event::new(None, at("2026-10-19 09:00"), approve("hukou")),
    );
    assert_eq!(refusal(e), Code::PredecessorOpen);
    // Once it has ended, one more working day (10-19) has waited than without rolling: the
    // matter's due date (10-26 then) and hukou's (10-21 then) move by one.
    let (v, publicity) = wait_of("2026-10-20");
    assert_eq!(publicity.status, StepStatus::Elapsed);
    assert_eq!(v.clock.due, date("2026-10-27"));
    let hukou = v.steps.iter().find(|s| s.id == "hukou");
    assert_eq!(
        hukou.and_then(|s| s.clock.as_ref()).map(|c| c.due),
        Some(date("2026-10-22"))
    );
    event(&service, &case, "2026-10-20 09:00", approve("hukou"));
    let Ok(stored) = service.case(&case) else {
        panic!("load");
    };
    let ends: Vec<&str> = stored
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::WaitEnd { .. }))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ends, ["wait_end:publicity:2026-10-19T23:59:59"]);
    let (_, publicity) = wait_of("2026-10-20");
    assert_eq!(
        publicity.wait.map(|w| w.text),
        Some("出生登记公示期已于2026年10月19日届满".to_owned())
    );
}

#[test]
fn no_department_sees_the_wait_and_the_applicant_and_window_see_it_waiting() {
    let service = service(MemoryStore::new());
    let case = match service.submit("newborn", &submission(), at("2026-09-24 09:00")) {
        Ok(v) => v.id,
        Err(e) => panic!("{e}"),
    };
    event(&service, &case, "2026-09-24 10:00", approve("accept"));
    event(&service, &case, "2026-09-28 10:00", approve("birth_cert"));
    let day = date("2026-10-09");
    for dept in ["wsjk", "gaj", "ybj", "rsj"] {
        let Ok(inbox) = service.inbox(dept, day) else {
            panic!("inbox");
        };
        assert!(
            inbox.iter().all(|e| e.step != "publicity"),
            "{dept}: {inbox:?}"
        );
    }
    // gaj's hukou waits behind the 公示: it is not gaj's to hold yet.
    let Ok(inbox) = service.inbox("gaj", day) else {
        panic!("inbox");
    };
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].position, yjs_runtime::Position::Waiting);
    let gaj = Actor::officer("gaj-1", "gaj");
    let Ok(own) = service.department_case(&gaj, &case, day) else {
        panic!("department view");
    };
    assert!(own.steps.iter().all(|s| s.id != "publicity"));
    let other = own.others.iter().find(|s| s.id == "publicity");
    assert_eq!(
        other.map(|s| (s.status, s.department_name.clone())),
        Some((StepStatus::Waiting, None))
    );
    // A department may not act on the wait, as on any step not its own.
    let e = service.event_as(
        &gaj,
        &case,
        Event::new(None, at("2026-10-09 09:00"), approve("publicity")),
    );
    assert_eq!(refusal(e), Code::StepNotFound);

    // The applicant: 等待中 with the period's end as the date.
    let Ok(p) = service.progress(&case, "8000", day) else {
        panic!("progress");
    };
    let step = p.steps.iter().find(|s| s.name == "出生登记公示");
    assert_eq!(
        step.map(|s| (s.status, s.due)),
        Some((StepStatus::Waiting, Some(date("2026-10-18"))))
    );
    assert_eq!(
        step.and_then(|s| s.wait.as_ref()).map(|w| w.text.as_str()),
        Some("出生登记公示期至2026年10月18日届满")
    );
    // The window's list says the period next to the clock.
    let window = Actor::new("w1", Role::Window);
    let Ok(list) = service.list_as(&window, day) else {
        panic!("list");
    };
    assert_eq!(list[0].waiting, ["出生登记公示期至2026年10月18日届满"]);
    // Statistics count no department for the wait.
    let Ok(stats) = service.statistics(day) else {
        panic!("statistics");
    };
    assert!(stats.departments.iter().all(|d| !d.id.is_empty()));
}
