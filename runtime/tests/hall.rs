//! The service as a hall uses it: roles and department isolation, 补正 once, blame on the 督办
//! board, 差评 and 整改, statistics and the 一次告知, on the newborn fixtures.

mod common;

use chrono::NaiveDate;
use common::{at, newborn_dir, submission};
use serde_json::json;
use yjs_runtime::calendar::Calendar;
use yjs_runtime::{
    Actor, ClockStatus, Code, Error, Event, EventKind, MatterArtifacts, MemoryStore, Position,
    Role, Service,
};

fn date(s: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

fn service() -> Service<MemoryStore> {
    let cal = match Calendar::official() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let mut service = Service::new(MemoryStore::new(), cal);
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

fn submit(service: &Service<MemoryStore>, when: &str) -> String {
    match service.submit("newborn", &submission(), at(when)) {
        Ok(v) => v.id,
        Err(e) => panic!("{e}"),
    }
}

fn window() -> Actor {
    Actor::new("w1", Role::Window)
}

fn supervisor() -> Actor {
    Actor::new("s1", Role::Supervisor)
}

fn officer(dept: &str) -> Actor {
    Actor::officer(format!("{dept}-1"), dept)
}

fn approve(step: &str) -> EventKind {
    EventKind::Approve {
        step: step.to_owned(),
        output: json!({ "number": format!("{step}-001") }),
    }
}

/// Records `kind` at `when` as `actor`; panics on a refusal.
fn act(service: &Service<MemoryStore>, actor: &Actor, case: &str, when: &str, kind: EventKind) {
    if let Err(e) = service.event_as(actor, case, Event::new(None, at(when), kind)) {
        panic!("{e}");
    }
}

/// The code of a call that must fail.
fn code<T: std::fmt::Debug>(result: Result<T, Error>) -> Code {
    match result {
        Err(e) => e.code(),
        Ok(v) => panic!("expected an error, got {v:?}"),
    }
}

fn try_act(
    service: &Service<MemoryStore>,
    actor: &Actor,
    case: &str,
    when: &str,
    kind: EventKind,
) -> Code {
    code(service.event_as(actor, case, Event::new(None, at(when), kind)))
}

fn correction(step: &str) -> EventKind {
    EventKind::RequestCorrection {
        step: step.to_owned(),
        reason: "出生医学证明复印件不清晰".to_owned(),
    }
}

/// Approves every step of the sample and delivers.
fn finish(service: &Service<MemoryStore>, case: &str) {
    act(
        service,
        &window(),
        case,
        "2026-03-02 10:00",
        approve("accept"),
    );
    let wsjk = officer("wsjk");
    act(
        service,
        &wsjk,
        case,
        "2026-03-03 10:00",
        approve("birth_cert"),
    );
    act(service, &wsjk, case, "2026-03-03 10:05", approve("vaccine"));
    act(
        service,
        &officer("gaj"),
        case,
        "2026-03-04 10:00",
        approve("hukou"),
    );
    act(
        service,
        &officer("ybj"),
        case,
        "2026-03-05 10:00",
        approve("insurance"),
    );
    act(
        service,
        &officer("rsj"),
        case,
        "2026-03-06 10:00",
        approve("sscard"),
    );
    act(
        service,
        &window(),
        case,
        "2026-03-09 10:00",
        EventKind::Deliver {
            method: "window".into(),
        },
    );
}

#[test]
fn a_step_may_request_correction_once_unless_the_supervisor_escalates() {
    let service = service();
    let case = submit(&service, "2026-03-02 09:00");
    act(
        &service,
        &window(),
        &case,
        "2026-03-02 10:00",
        approve("accept"),
    );
    let wsjk = officer("wsjk");
    act(
        &service,
        &wsjk,
        &case,
        "2026-03-02 11:00",
        correction("birth_cert"),
    );
    let received = EventKind::CorrectionReceived {
        step: "birth_cert".into(),
    };
    act(&service, &wsjk, &case, "2026-03-03 09:00", received.clone());
    assert_eq!(
        try_act(
            &service,
            &wsjk,
            &case,
            "2026-03-03 10:00",
            correction("birth_cert")
        ),
        Code::CorrectionRepeated
    );
    let escalate = EventKind::Escalate {
        step: "birth_cert".into(),
        reason: "申请人补交的材料仍缺页".into(),
    };
    // Only the supervisor escalates.
    assert_eq!(
        try_act(&service, &wsjk, &case, "2026-03-03 10:00", escalate.clone()),
        Code::RoleForbidden
    );
    assert_eq!(
        try_act(
            &service,
            &window(),
            &case,
            "2026-03-03 10:00",
            escalate.clone()
        ),
        Code::RoleForbidden
    );
    act(&service, &supervisor(), &case, "2026-03-03 10:00", escalate);
    act(
        &service,
        &wsjk,
        &case,
        "2026-03-03 11:00",
        correction("birth_cert"),
    );
    act(&service, &wsjk, &case, "2026-03-04 09:00", received);
    // One escalation buys one more request, not two.
    assert_eq!(
        try_act(
            &service,
            &wsjk,
            &case,
            "2026-03-04 10:00",
            correction("birth_cert")
        ),
        Code::CorrectionRepeated
    );
    // Every event names who recorded it.
    let Ok(stored) = service.case(&case) else {
        panic!("case");
    };
    let roles: Vec<Option<Role>> = stored
        .events
        .iter()
        .map(|e| e.by.as_ref().map(|a| a.role))
        .collect();
    assert_eq!(
        roles,
        [
            Some(Role::Window),
            Some(Role::Department),
            Some(Role::Department),
            Some(Role::Supervisor),
            Some(Role::Department),
            Some(Role::Department),
        ]
    );
    assert_eq!(
        stored.events[1]
            .by
            .as_ref()
            .and_then(|a| a.department.clone()),
        Some("wsjk".to_owned())
    );
}

#[test]
fn a_department_sees_and_acts_on_its_own_steps_and_packets_only() {
    let service = service();
    let case = submit(&service, "2026-03-02 09:00");
    act(
        &service,
        &window(),
        &case,
        "2026-03-02 10:00",
        approve("accept"),
    );
    let wsjk = officer("wsjk");
    assert!(service.packet(&wsjk, &case, "birth_cert").is_ok());
    // Another department's packet and a packet that does not exist read the same.
    let other = service.packet(&wsjk, &case, "hukou");
    let none = service.packet(&wsjk, &case, "nothing");
    assert_eq!(code(other), Code::UnknownPacket);
    assert_eq!(code(none), Code::UnknownPacket);
    // The window reads no department's packet.
    assert_eq!(
        code(service.packet(&window(), &case, "birth_cert")),
        Code::RoleForbidden
    );
    // Acting on another department's step is a step that does not exist.
    for step in ["hukou", "accept", "deliver", "nothing"] {
        assert_eq!(
            try_act(&service, &wsjk, &case, "2026-03-02 11:00", approve(step)),
            Code::StepNotFound,
            "{step}"
        );
    }
    // The window accepts and delivers, never decides an item.
    assert_eq!(
        try_act(
            &service,
            &window(),
            &case,
            "2026-03-02 11:00",
            approve("birth_cert")
        ),
        Code::RoleForbidden
    );
    // A department's own view holds its packets only and others' steps by status only.
    let Ok(view) = service.department_case(&wsjk, &case, date("2026-03-02")) else {
        panic!("department view");
    };
    let own: Vec<&str> = view.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(own, ["birth_cert", "vaccine"]);
    assert!(view.packets.iter().all(|p| p.department == "wsjk"));
    assert!(view.others.iter().any(|s| s.id == "hukou"));
    // A department with no applicable step in a case does not see the case at all.
    let mut other = submission();
    other["card"] = json!(false);
    if let Some(o) = other.as_object_mut() {
        o.remove("sscard");
    }
    let quiet = match service.submit("newborn", &other, at("2026-03-02 09:30")) {
        Ok(v) => v.id,
        Err(e) => panic!("{e}"),
    };
    let rsj = officer("rsj");
    assert_eq!(
        code(service.department_case(&rsj, &quiet, date("2026-03-02"))),
        Code::UnknownCase
    );
    assert_eq!(
        code(service.packet(&rsj, &quiet, "sscard")),
        Code::UnknownCase
    );
    assert_eq!(
        try_act(
            &service,
            &rsj,
            &quiet,
            "2026-03-02 11:00",
            approve("sscard")
        ),
        Code::UnknownCase
    );
    let listed: Vec<String> = match service.list_as(&rsj, date("2026-03-02")) {
        Ok(l) => l.into_iter().map(|s| s.id).collect(),
        Err(e) => panic!("{e}"),
    };
    assert_eq!(listed, std::slice::from_ref(&case));
    assert_eq!(
        code(service.show_as(&rsj, &case, date("2026-03-02"))),
        Code::UnknownCase
    );
}

#[test]
fn a_waiting_step_is_not_overdue_and_its_delay_is_charged_to_the_holder() {
    let service = service();
    // Received Monday 2026-03-02: birth_cert is due on working day 2 (03-04), hukou on day 4.
    let case = submit(&service, "2026-03-02 09:00");
    act(
        &service,
        &window(),
        &case,
        "2026-03-02 10:00",
        approve("accept"),
    );
    let Ok(board) = service.board(date("2026-03-10")) else {
        panic!("board");
    };
    let charged: Vec<(&str, &str, ClockStatus)> = board
        .charges
        .iter()
        .map(|c| (c.step.as_str(), c.department.as_str(), c.status))
        .collect();
    assert_eq!(
        charged,
        // By due date: the immediate vaccine step was due first.
        [
            ("vaccine", "wsjk", ClockStatus::Overdue),
            ("birth_cert", "wsjk", ClockStatus::Overdue)
        ]
    );
    let hukou = board.waiting.iter().find(|w| w.step == "hukou");
    assert_eq!(
        hukou.map(|w| w.waiting_on.clone()),
        Some(vec!["birth_cert".to_owned()])
    );
    assert_eq!(
        hukou.map(|w| w.charged_to.clone()),
        Some(vec!["wsjk".to_owned()])
    );
    // The old static report would charge gaj for hukou; the board does not.
    assert!(board.charges.iter().all(|c| c.department != "gaj"));

    // birth_cert is approved a week late: hukou's own two days start now.
    act(
        &service,
        &officer("wsjk"),
        &case,
        "2026-03-10 16:00",
        approve("birth_cert"),
    );
    let Ok(inbox) = service.inbox("gaj", date("2026-03-11")) else {
        panic!("inbox");
    };
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].position, Position::Holding);
    let clock = inbox[0].clock.clone();
    assert_eq!(clock.as_ref().map(|c| c.due), Some(date("2026-03-12")));
    assert_eq!(clock.map(|c| c.status), Some(ClockStatus::OnTrack));
    let Ok(board) = service.board(date("2026-03-11")) else {
        panic!("board");
    };
    assert!(board.charges.iter().all(|c| c.step != "hukou"));
    let Ok(board) = service.board(date("2026-03-13")) else {
        panic!("board");
    };
    let hukou = board.charges.iter().find(|c| c.step == "hukou");
    assert_eq!(
        hukou.map(|c| (c.status, c.days_late)),
        Some((ClockStatus::Overdue, 1))
    );
    assert_eq!(hukou.map(|c| c.department.as_str()), Some("gaj"));
    let Ok(inbox) = service.inbox("ybj", date("2026-03-13")) else {
        panic!("inbox");
    };
    assert_eq!(inbox.first().map(|e| e.position), Some(Position::Waiting));
}

#[test]
fn a_poor_evaluation_opens_a_rectification_closed_only_with_a_note() {
    let service = service();
    let case = submit(&service, "2026-03-02 09:00");
    finish(&service, &case);
    let evaluate = |tail: &str| {
        service.evaluate_as_applicant(
            &case,
            tail,
            Event::new(
                None,
                at("2026-03-09 11:00"),
                EventKind::Evaluate {
                    score: 2,
                    comment: "窗口让我多跑了一次".into(),
                },
            ),
        )
    };
    assert_eq!(
        code(evaluate("0000")),
        Code::UnknownCase,
        "a wrong phone tail"
    );
    assert!(evaluate("8000").is_ok());
    let Ok(board) = service.board(date("2026-03-09")) else {
        panic!("board");
    };
    assert_eq!(board.rectifications.len(), 1);
    assert_eq!(board.rectifications[0].rectification.score, 2);
    let rectify = |note: &str| EventKind::Rectify { note: note.into() };
    assert_eq!(
        try_act(
            &service,
            &supervisor(),
            &case,
            "2026-03-10 09:00",
            rectify("  ")
        ),
        Code::BlankNote
    );
    assert_eq!(
        try_act(
            &service,
            &window(),
            &case,
            "2026-03-10 09:00",
            rectify("已整改")
        ),
        Code::RoleForbidden
    );
    act(
        &service,
        &supervisor(),
        &case,
        "2026-03-10 09:00",
        rectify("已约谈窗口负责人，材料清单改为一次告知"),
    );
    let Ok(board) = service.board(date("2026-03-10")) else {
        panic!("board");
    };
    assert!(board.rectifications.is_empty());
    assert_eq!(
        try_act(
            &service,
            &supervisor(),
            &case,
            "2026-03-10 10:00",
            rectify("再次")
        ),
        Code::NothingToRectify
    );
    let Ok(progress) = service.progress(&case, "8000", date("2026-03-10")) else {
        panic!("progress");
    };
    assert_eq!(progress.evaluation.map(|e| e.score), Some(2));
    assert!(!progress.can_evaluate);
}

#[test]
fn statistics_per_matter_and_department_as_json_and_csv() {
    let service = service();
    let done = submit(&service, "2026-03-02 09:00");
    finish(&service, &done);
    if let Err(e) = service.evaluate_as_applicant(
        &done,
        "8000",
        Event::new(
            None,
            at("2026-03-09 11:00"),
            EventKind::Evaluate {
                score: 4,
                comment: String::new(),
            },
        ),
    ) {
        panic!("{e}");
    }
    // A second case, still open, with one 补正 at wsjk.
    let open = submit(&service, "2026-03-02 09:30");
    act(
        &service,
        &window(),
        &open,
        "2026-03-02 10:00",
        approve("accept"),
    );
    act(
        &service,
        &officer("wsjk"),
        &open,
        "2026-03-02 11:00",
        correction("birth_cert"),
    );
    let Ok(stats) = service.statistics(date("2026-03-20")) else {
        panic!("statistics");
    };
    assert_eq!(stats.matters.len(), 1);
    let m = &stats.matters[0];
    assert_eq!((m.cases, m.finished, m.on_time), (2, 1, 1));
    assert_eq!(m.on_time_rate, Some(1.0));
    assert_eq!(m.corrections, 1);
    assert_eq!(m.evaluation_average, Some(4.0));
    // Received Monday, delivered the next Monday: 5 working days against a promise of 7.
    assert_eq!(m.average_workdays, Some(5.0));
    assert_eq!(m.average_promise_workdays, Some(7.0));
    let ids: Vec<&str> = stats.departments.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["gaj", "rsj", "wsjk", "ybj", "zwfw"]);
    let wsjk = &stats.departments[2];
    assert_eq!((wsjk.cases, wsjk.finished, wsjk.corrections), (2, 2, 1));
    let csv = stats.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 1 + 5);
    assert!(lines[0].starts_with("scope,id,name,cases,finished,on_time,on_time_rate"));
    assert!(lines[1].starts_with("matter,newborn,新生儿出生一件事,2,1,1,1.00,5.00,7.00,"));
}

#[test]
fn the_notice_follows_the_answers() {
    let service = service();
    let Ok(n) = service.notice("newborn", &json!({"settle": "other", "card": true})) else {
        panic!("notice");
    };
    let items: Vec<&str> = n.items.iter().map(|i| i.item.as_str()).collect();
    assert_eq!(items, ["birth_cert", "vaccine", "insurance", "sscard"]);
    assert!(n
        .materials
        .iter()
        .any(|m| m.id == "mother_idcard" && m.bring));
    assert!(n
        .materials
        .iter()
        .any(|m| m.id == "birth_cert.cert" && !m.bring));
    assert!(n
        .fields
        .iter()
        .any(|f| f.pointer == "/sscard/bank_branch" && f.required));
    assert!(n.fields.iter().all(|f| !f.pointer.starts_with("/hukou")));
    assert_eq!(
        code(service.notice("nothing", &json!({}))),
        Code::UnknownMatter
    );
}
