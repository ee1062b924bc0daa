//! Wait steps (公告期, 公示期) in the plan: 0 days in the handling schedule and its checks, their
//! duration in `elapsed_workdays`, skipped like an item where their condition does not hold.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::collections::BTreeMap;
use std::path::PathBuf;
use yjs_artifacts::{Plan, StepKind};
use yjs_compiler::resolve::{Disk, Memory};

fn fixture() -> (Plan, Vec<String>) {
    let checked = yjs_compiler::check(&Disk, &[PathBuf::from("tests/fixtures/waits/closing.yjs")]);
    let codes = checked
        .diagnostics
        .iter()
        .map(|d| d.code.0.to_string())
        .collect();
    (checked.matters[0].plan.plan.clone(), codes)
}

fn scenario<'a>(plan: &'a Plan, mode: &str) -> &'a yjs_artifacts::Scenario {
    plan.scenarios
        .list
        .iter()
        .find(|s| serde_json::to_value(&s.answers).unwrap()["mode"] == serde_json::json!(mode))
        .unwrap()
}

#[test]
fn waits_count_no_handling_time_but_their_duration_elapses() {
    let (plan, codes) = fixture();
    assert!(codes.iter().all(|c| c.starts_with('W')), "{codes:?}");
    // accept 1 + tax 2 + (wait 0) + dereg 1 + deliver 1: the promise of 5 workdays holds.
    assert_eq!(plan.total_workdays, 5);
    assert_eq!(plan.best_workdays, 5);
    // The longest wait (债权申报 45 days) elapses in the ordinary case.
    assert_eq!(plan.elapsed_workdays, 50);
    let simple = scenario(&plan, "simple");
    assert_eq!((simple.total_workdays, simple.elapsed_workdays), (5, 25));
    assert_eq!(
        simple.critical_path,
        ["accept", "tax", "publicity", "dereg", "deliver"]
    );
    let ordinary = scenario(&plan, "ordinary");
    assert_eq!(
        (ordinary.total_workdays, ordinary.elapsed_workdays),
        (5, 50)
    );
    // The joint cap counts handling time only: accept 1 + dereg 3 (清税 is a 行政确认, not
    // counted), never the 45 days of 债权申报.
    assert_eq!(plan.joint.legal_workdays, 4);
    assert!(!plan.joint.legal_path.iter().any(|s| s == "creditors"));
}

#[test]
fn a_wait_step_has_no_department_and_keeps_its_basis() {
    let (plan, _) = fixture();
    let wait = plan.steps.iter().find(|s| s.id == "publicity").unwrap();
    assert_eq!(wait.kind, StepKind::Wait);
    assert_eq!(wait.department, None);
    assert_eq!(wait.department_name, None);
    assert_eq!(
        (wait.promise.unit.as_str(), wait.promise.amount),
        ("days", 20)
    );
    assert_eq!(wait.legal, None);
    assert_eq!(
        wait.basis.as_deref(),
        Some("《市场主体登记管理条例》第三十三条")
    );
    assert_eq!(wait.after, ["tax"]);
    // Handling schedule: the wait takes 0 days.
    assert_eq!((wait.earliest_start, wait.earliest_finish), (3, 3));
    let dereg = plan.steps.iter().find(|s| s.id == "dereg").unwrap();
    assert_eq!(dereg.after, ["publicity", "creditors"]);
    let deliver = plan.steps.iter().find(|s| s.id == "deliver").unwrap();
    assert!(deliver.after.iter().any(|s| s == "creditors"));
}

fn check_src(src: String) -> yjs_compiler::Checked {
    let files = BTreeMap::from([(PathBuf::from("main.yjs"), src)]);
    yjs_compiler::check(&Memory(files), &[PathBuf::from("main.yjs")])
}

fn source() -> String {
    std::fs::read_to_string("tests/fixtures/waits/closing.yjs").unwrap()
}

#[test]
fn the_matter_promise_is_checked_against_handling_time_only() {
    // 45 days of 公告 under a promise of 5 workdays: no E0306.
    assert!(!check_src(source()).has_errors());
    // 5 handling days against a promise of 4: E0306, whatever the waits add.
    let tight = check_src(source().replace("promise 5 workdays", "promise 4 workdays"));
    let codes: Vec<&str> = tight.diagnostics.iter().map(|d| d.code.0).collect();
    assert!(codes.contains(&"E0306"), "{codes:?}");
}

#[test]
fn a_wait_in_a_cycle_is_reported_with_the_items() {
    let checked =
        check_src(source().replace("deliver 1 workday", "dereg -> tax\n    deliver 1 workday"));
    let cycle = checked
        .diagnostics
        .iter()
        .find(|d| d.code.0 == "E0302")
        .unwrap();
    assert!(format!("{cycle:?}").contains("publicity"), "{cycle:?}");
}

#[test]
fn a_rolled_wait_is_marked_in_the_plan_timed_on_the_calendar_and_worded_in_the_guide() {
    let rolled = source().replace("20 days basis", "20 days roll_forward basis");
    let checked = check_src(rolled);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let ir = &checked.matters[0];
    let plan = &ir.plan.plan;
    let step = |id: &str| plan.steps.iter().find(|s| s.id == id).unwrap();
    assert!(step("publicity").roll_forward);
    assert!(!step("creditors").roll_forward);
    // Written only where it holds, so plans without it read as before.
    let json = serde_json::to_value(plan).unwrap();
    let marked: Vec<&str> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s.get("roll_forward").is_some())
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["publicity"]);
    // The elapsed schedule's bound of N working days holds for a rolled period too.
    assert_eq!(scenario(plan, "simple").elapsed_workdays, 25);

    let files = yjs_compiler::emit::matter(ir).unwrap();
    let file = |name: &str| {
        let path = format!("{}/{name}", ir.id());
        &files.iter().find(|(p, _)| *p == path).unwrap().1
    };
    // No engine knows the holiday calendar: the caller computes the rolled end.
    let bpmn = file("plan.bpmn");
    assert!(bpmn.contains("=waitEnds.publicity"), "{bpmn}");
    assert!(!bpmn.contains("P20D"));
    assert!(
        bpmn.contains("P45D"),
        "the creditors' period is still a duration"
    );
    let guide = file("guide.md");
    assert!(guide.contains(
        "| 简易注销公示 | 20日（自然日，最后一日遇法定休假日顺延） | 注销方式为「简易注销」的 | \
         《市场主体登记管理条例》第三十三条；顺延：《中华人民共和国民法典》第二百零三条 |"
    ), "{guide}");
    assert!(guide.contains("| 债权人申报债权期间 | 45日（自然日） |"));
}
