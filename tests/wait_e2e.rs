//! A matter with `wait` lines, end to end: `yjs build` compiles it, the runtime runs a case on the
//! built artifacts. The 20-day 公示 of 简易注销 starts the day 清税 is approved (Monday
//! 2026-09-28), runs over 国庆, ends by itself on Sunday 10-18, and 注销登记 acts the next day;
//! the matter's deadline moves by the period; the 45-day 债权申报 wait of 普通注销 does not apply
//! and is skipped. On SQLite and on PostgreSQL. Written `roll_forward`, the same 公示 ends on
//! Monday 10-19 instead (民法典 第二百零三条), and 注销登记 acts from the Tuesday.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use serde_json::json;
use yjs_runtime::calendar::Calendar;
use yjs_runtime::{
    CaseStore, ClockStatus, Code, Event, EventKind, MatterArtifacts, NaiveDate, NaiveDateTime,
    Outcome, PostgresStore, Service, SqliteStore, StepStatus,
};

const MATTER: &str = r#"department win "政务服务中心"
department scj "市场监督管理局"
department sw "税务局"

matter closing "企业注销一件事" {
  lead    scj
  window  win
  promise 5 workdays
  situation mode "注销方式" {
    simple "简易注销"
    ordinary "普通注销"
  }
  item tax "清税" {
    department sw
    kind administrative_confirmation
    legal      2 workdays basis "《税务登记管理办法》第二十九条"
    promise    2 workdays
    fee        none basis "《税收征收管理法》"
  }
  item dereg "注销登记" {
    department scj
    legal      3 workdays basis "《市场主体登记管理条例实施细则》第五十条"
    promise    1 workday
    fee        none basis "《市场主体登记管理条例》"
  }
  flow {
    accept 1 workday by win
    wait publicity "简易注销公示" 20 days basis "《市场主体登记管理条例》第三十三条" when mode == simple
    wait creditors "债权人申报债权期间" 45 days basis "《中华人民共和国公司法》第二百三十五条" when mode == ordinary
    tax -> publicity -> dereg
    tax -> creditors -> dereg
    deliver 1 workday
  }
}
"#;

/// Builds the matter with `yjs build` into `dir/out/closing`.
fn build(dir: &Path) -> MatterArtifacts {
    build_source(dir, MATTER)
}

/// Builds `source` with `yjs build` into `dir/out/closing`.
fn build_source(dir: &Path, source: &str) -> MatterArtifacts {
    let src = dir.join("closing.yjs");
    std::fs::write(&src, source).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .arg("build")
        .arg(&src)
        .arg("--out")
        .arg(dir.join("out"))
        .output()
        .expect("run yjs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    MatterArtifacts::load(&dir.join("out/closing")).unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn approve(step: &str) -> EventKind {
    EventKind::Approve {
        step: step.to_owned(),
        output: json!(null),
    }
}

/// A 简易注销 case received on Thursday 2026-09-24, accepted that day, 清税 approved on Monday
/// 09-28: the 公示 counts from 09-29.
fn received_and_taxed<S: CaseStore>(service: &Service<S>) -> String {
    let case = service
        .submit(
            "closing",
            &json!({"mode": "simple"}),
            at("2026-09-24 09:00"),
        )
        .unwrap()
        .id;
    for (when, step) in [("2026-09-24 10:00", "accept"), ("2026-09-28 10:00", "tax")] {
        service
            .event(&case, Event::new(None, at(when), approve(step)))
            .unwrap();
    }
    case
}

fn run<S: CaseStore>(store: S, artifacts: MatterArtifacts) {
    let mut service = Service::new(store, Calendar::official().unwrap());
    service.add_matter(artifacts).unwrap();
    let plan = service
        .engine("closing")
        .unwrap()
        .artifacts()
        .plan()
        .clone();
    // The handling schedule counts the waits 0 days; the elapsed one counts the longer (45 days).
    assert_eq!(plan.total_workdays, 5);
    assert_eq!(plan.elapsed_workdays, 50);

    let case = received_and_taxed(&service);
    let event =
        |when: &str, kind: EventKind| service.event(&case, Event::new(None, at(when), kind));

    let v = service.show(&case, day("2026-10-16")).unwrap();
    let step =
        |v: &yjs_runtime::CaseView, id: &str| v.steps.iter().find(|s| s.id == id).cloned().unwrap();
    let publicity = step(&v, "publicity");
    assert_eq!(publicity.status, StepStatus::Waiting);
    assert_eq!(publicity.department, None);
    let wait = publicity.wait.unwrap();
    assert_eq!(wait.text, "简易注销公示期至2026年10月18日届满");
    assert_eq!(
        wait.basis.as_deref(),
        Some("《市场主体登记管理条例》第三十三条")
    );
    // 普通注销's 45-day period does not apply to a 简易注销: skipped, as an item would be.
    assert_eq!(step(&v, "creditors").status, StepStatus::NotApplicable);
    // Five working days from 09-24 end on 10-09; without the 公示 (09-29..10-18) on 10-22.
    assert_eq!(v.clock.due, day("2026-10-22"));
    assert_eq!(v.clock.status, ClockStatus::OnTrack);
    let refused = event("2026-10-16 09:00", approve("dereg")).unwrap_err();
    assert_eq!(refused.code(), Code::PredecessorOpen);
    assert!(service
        .overdue(day("2026-10-16"))
        .unwrap()
        .alerts
        .is_empty());

    // The period ends by itself on 10-18; 注销登记 acts on Monday 10-19; one delivery.
    event("2026-10-19 09:00", approve("dereg")).unwrap();
    event(
        "2026-10-19 15:00",
        EventKind::Deliver {
            method: "online".into(),
        },
    )
    .unwrap();
    let v = service.show(&case, day("2026-10-19")).unwrap();
    assert_eq!(v.outcome, Outcome::Granted);
    let publicity = step(&v, "publicity");
    assert_eq!(publicity.status, StepStatus::Elapsed);
    assert_eq!(
        publicity.finished,
        NaiveDateTime::parse_from_str("2026-10-18 23:59:59", "%Y-%m-%d %H:%M:%S").ok()
    );
    assert_eq!(v.clock.status, ClockStatus::OnTrack);
    let stats = service.statistics(day("2026-10-20")).unwrap();
    let ids: Vec<&str> = stats.departments.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["scj", "sw", "win"]);
}

#[test]
fn a_compiled_wait_runs_end_to_end_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let artifacts = build(dir.path());
    run(
        SqliteStore::open(&dir.path().join("cases.db")).unwrap(),
        artifacts,
    );
}

#[test]
fn a_compiled_wait_runs_end_to_end_on_postgres() {
    let url = match std::env::var("YJS_TEST_POSTGRES") {
        Ok(u) => u,
        Err(_) if std::env::var("YJS_SKIP_POSTGRES").as_deref() == Ok("1") => return,
        Err(_) => panic!(
            "YJS_TEST_POSTGRES is not set: run scripts/test.sh, or set \
             YJS_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/test, or YJS_SKIP_POSTGRES=1"
        ),
    };
    let schema = format!("yjs_wait_e2e_{}", std::process::id());
    let dir = tempfile::tempdir().unwrap();
    let artifacts = build(dir.path());
    let store = PostgresStore::open_in_schema(&url, &schema).unwrap();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(store, artifacts)));
    if let Ok(mut client) = postgres::Client::connect(&url, postgres::NoTls) {
        let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
    }
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

#[test]
fn a_compiled_rolled_wait_ends_on_the_next_working_day() {
    let dir = tempfile::tempdir().unwrap();
    let source = MATTER.replace("20 days basis", "20 days roll_forward basis");
    let mut service = Service::new(
        SqliteStore::open(&dir.path().join("cases.db")).unwrap(),
        Calendar::official().unwrap(),
    );
    service
        .add_matter(build_source(dir.path(), &source))
        .unwrap();
    let case = received_and_taxed(&service);
    let event =
        |when: &str, kind: EventKind| service.event(&case, Event::new(None, at(when), kind));
    let publicity = |v: &yjs_runtime::CaseView| {
        v.steps
            .iter()
            .find(|s| s.id == "publicity")
            .cloned()
            .unwrap()
    };
    let v = service.show(&case, day("2026-10-16")).unwrap();
    let wait = publicity(&v).wait.unwrap();
    assert!(wait.roll_forward);
    // The 20th day, Sunday 10-18, is a rest day: the period runs through Monday 10-19.
    assert_eq!(wait.text, "简易注销公示期至2026年10月19日届满");
    let refused = event("2026-10-19 09:00", approve("dereg")).unwrap_err();
    assert_eq!(refused.code(), Code::PredecessorOpen);
    event("2026-10-20 09:00", approve("dereg")).unwrap();
    let v = service.show(&case, day("2026-10-20")).unwrap();
    assert_eq!(
        publicity(&v).finished,
        NaiveDateTime::parse_from_str("2026-10-19 23:59:59", "%Y-%m-%d %H:%M:%S").ok()
    );
    // One more working day waited than without rolling: the deadline moves from 10-22.
    assert_eq!(v.clock.due, day("2026-10-23"));
    assert_eq!(v.clock.status, ClockStatus::OnTrack);
}
