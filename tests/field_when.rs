//! Field-level `when` and situations listed in forms, end to end: the compiled artifacts of the
//! ui cases, loaded by the runtime. A field exists only where its condition holds — the form
//! requires it there and refuses a value elsewhere, the packet carries it only there, the notice
//! lists it only for those answers — and a situation a form lists reaches the packet.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;
use yjs_artifacts::{Answer, Answers};
use yjs_runtime::calendar::Calendar;
use yjs_runtime::{Engine, MatterArtifacts, NaiveDateTime, SubmitError};

/// Builds a ui case with the real `yjs build` and loads its matter `close` in the runtime.
fn engine(case: &str) -> (Engine, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/ui/pass")
        .join(case);
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .arg("build")
        .arg(&src)
        .arg("--out")
        .arg(dir.path())
        .output()
        .expect("run yjs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let artifacts = MatterArtifacts::load(&dir.path().join("close")).expect("artifacts load");
    let engine = Engine::new(artifacts, Calendar::official().expect("calendar")).expect("engine");
    (engine, dir)
}

fn received() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-03-02 09:00", "%Y-%m-%d %H:%M").expect("time")
}

/// The pointers of the problems of a refused submission.
fn refused(engine: &Engine, s: &Value) -> Vec<(String, String)> {
    match engine.submit(s, received()) {
        Err(SubmitError::Invalid(problems)) => {
            problems.into_iter().map(|p| (p.pointer, p.code)).collect()
        }
        other => panic!("expected a refusal of {s}, got {other:?}"),
    }
}

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

#[test]
fn a_field_exists_only_where_its_condition_holds() {
    let (engine, _dir) = engine("field-level-when.yjs");
    // 简易注销, no debts: no liquidation report, no creditor notice for the registrar, no plan.
    let simple = json!({
        "mode": "simple",
        "debts": false,
        "company_name": "某某有限公司",
        "creditor_notice_date": "2026-01-05",
        "cancel_reg": {}
    });
    let record = engine.submit(&simple, received()).expect("accepted");
    let reg = &record.packets["cancel_reg"].fields;
    assert!(reg.contains_key("company_name"));
    assert!(
        !reg.contains_key("creditor_notice_date"),
        "the registrar's binding has `when mode == ordinary`: {reg:?}"
    );
    assert!(
        record.packets["tax_clear"]
            .fields
            .contains_key("creditor_notice_date"),
        "the tax office binds it unconditionally"
    );

    // A value for a field that does not apply is refused, wherever it sits.
    let mut extra = simple.clone();
    extra["liquidation_report"] = json!("QS-2026-001");
    extra["cancel_reg"]["debt_plan"] = json!("分期清偿");
    let problems = refused(&engine, &extra);
    assert_eq!(
        problems,
        [
            ("/cancel_reg/debt_plan".to_string(), "not".to_string()),
            ("/liquidation_report".to_string(), "not".to_string())
        ],
        "each value is refused at its own place"
    );

    // 普通注销 with debts: both fields apply and are required.
    let mut ordinary = simple.clone();
    ordinary["mode"] = json!("ordinary");
    ordinary["debts"] = json!(true);
    let missing = refused(&engine, &ordinary);
    assert!(
        missing
            .iter()
            .any(|(p, c)| c == "required" && p.contains("liquidation_report")),
        "{missing:?}"
    );
    assert!(
        missing
            .iter()
            .any(|(p, c)| c == "required" && p.contains("debt_plan")),
        "{missing:?}"
    );
    ordinary["liquidation_report"] = json!("QS-2026-001");
    ordinary["cancel_reg"]["debt_plan"] = json!("分期清偿");
    let record = engine.submit(&ordinary, received()).expect("accepted");
    let reg = &record.packets["cancel_reg"].fields;
    assert_eq!(reg["liquidation_report"], json!("QS-2026-001"));
    assert_eq!(reg["creditor_notice_date"], json!("2026-01-05"));
    assert_eq!(reg["debt_plan"], json!("分期清偿"));
}

#[test]
fn the_notice_lists_a_field_only_for_the_answers_where_it_applies() {
    let (engine, _dir) = engine("field-level-when.yjs");
    let labels = |a: &Answers| -> Vec<String> {
        yjs_runtime::notice::notice(&engine, a)
            .fields
            .into_iter()
            .map(|f| f.label)
            .collect()
    };
    let simple = labels(&answers(&[
        ("mode", Answer::Option("simple".into())),
        ("debts", Answer::Bool(false)),
    ]));
    assert!(!simple.iter().any(|l| l == "清算报告编号"), "{simple:?}");
    assert!(!simple.iter().any(|l| l == "债务清偿方案"), "{simple:?}");
    assert!(
        simple.iter().any(|l| l == "债权人公告日期"),
        "the tax office asks it: {simple:?}"
    );
    let ordinary = labels(&answers(&[
        ("mode", Answer::Option("ordinary".into())),
        ("debts", Answer::Bool(true)),
    ]));
    assert!(ordinary.iter().any(|l| l == "清算报告编号"), "{ordinary:?}");
    assert!(ordinary.iter().any(|l| l == "债务清偿方案"), "{ordinary:?}");
}

#[test]
fn an_empty_list_is_no_longer_refused_where_the_list_does_not_apply() {
    // The bug: `members` is `when mode == ordinary; required; min_items 1`, so a
    // 简易注销 leaves it out and is accepted; a 普通注销 needs at least one member.
    let (engine, _dir) = engine("w0210-list-minimum-where-optional.yjs");
    let simple = json!({
        "mode": "simple",
        "company_name": "某某有限公司",
        "cancel_reg": { "pledge_date": "2026-02-01" }
    });
    engine
        .submit(&simple, received())
        .expect("a 简易注销 without members");
    let mut ordinary = json!({
        "mode": "ordinary",
        "company_name": "某某有限公司",
        "liquidators": [{ "member_name": "张三" }],
        "members": [],
        "cancel_reg": {}
    });
    let problems = refused(&engine, &ordinary);
    assert!(
        problems
            .iter()
            .any(|(p, c)| p == "/members" && c == "minItems"),
        "{problems:?}"
    );
    ordinary["members"] = json!([{ "member_name": "张三" }]);
    let record = engine.submit(&ordinary, received()).expect("accepted");
    assert!(record.packets["cancel_reg"].fields.contains_key("members"));
    assert!(
        !record.packets["cancel_reg"]
            .fields
            .contains_key("pledge_date"),
        "the 简易注销 pledge does not apply"
    );
}

#[test]
fn a_situation_listed_in_a_form_reaches_the_packet_under_the_departments_name() {
    let (engine, _dir) = engine("situation-in-a-form.yjs");
    let s = json!({
        "reason": "merger",
        "cancel_reg": { "company_name": "某某有限公司" }
    });
    let record = engine.submit(&s, received()).expect("accepted");
    assert_eq!(
        record.packets["cancel_reg"].fields["cancel_reason"],
        json!("merger")
    );
    let notice = yjs_runtime::notice::notice(
        &engine,
        &answers(&[("reason", Answer::Option("merger".into()))]),
    );
    assert!(
        notice.fields.iter().all(|f| f.pointer != "/reason"),
        "the answer is given with the situations, not filled in again: {:?}",
        notice.fields
    );
    assert!(notice.materials.iter().any(|m| m.id == "merger_agreement"));
}

#[test]
fn yjs_notice_lists_a_field_only_for_the_answers_where_it_applies() {
    // The compiler's notice of the real example (company-change: `new_name` is `when name in
    // changes`), as `yjs notice` prints it.
    let notice = |changes: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["notice", "dsl-examples", "--matter", "company_change"])
            .args(["--answer", &format!("changes={changes}")])
            .args(["--answer", "filer=rep", "--answer", "holds=none"])
            .output()
            .expect("run yjs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let address = notice("address");
    assert!(address.contains("- 变更后住所\n"), "{address}");
    assert!(!address.contains("- 变更后名称\n"), "{address}");
    let name = notice("name");
    assert!(name.contains("- 变更后名称\n"), "{name}");
    assert!(!name.contains("- 变更后住所\n"), "{name}");
}

#[test]
fn the_review_rules_say_where_a_conditional_field_is_filled_at_all() {
    // company-change's `change_reg` review: `new_name` is `when name in changes; required`, so
    // the department reads that it is filled only then (and required there), not "…的，必填"
    // as if it were asked of everyone; an unconditional required field keeps 必填.
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["build", "dsl-examples", "--out"])
        .arg(dir.path())
        .output()
        .expect("run yjs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let review = std::fs::read_to_string(dir.path().join("company_change/review/change_reg.md"))
        .expect("review");
    let row = |name: &str| {
        review
            .lines()
            .find(|l| l.starts_with(&format!("| `{name}` |")))
            .unwrap_or_else(|| panic!("no row for {name}:\n{review}"))
            .to_string()
    };
    assert!(
        row("new_name").ends_with("| 变更事项包括「名称」的，填写此项（必填）；其他情形不填 |"),
        "{}",
        row("new_name")
    );
    assert!(
        row("company_name").ends_with("| 必填 |"),
        "{}",
        row("company_name")
    );
}
