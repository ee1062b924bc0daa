//! The routing plan of the normative sample: worst and best cases, critical path, scenarios, schema and emitted files.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::path::PathBuf;
use yjs_artifacts::PlanGraph;
use yjs_compiler::emit::plan::{emit, plan_schema, step};
use yjs_compiler::ir::plan::PlanIr;
use yjs_compiler::resolve::{Disk, Memory};

fn sample_source() -> String {
    std::fs::read_to_string("tests/fixtures/newborn.yjs").unwrap()
}

fn plan_of(
    checked: &yjs_compiler::Checked,
) -> (PlanIr, Vec<yjs_compiler::diagnostics::Diagnostic>) {
    // `check` runs the plan stage too: its diagnostics are the plan's; nothing else may fail.
    // The sample's source lints (W04xx) are pinned by tests/examples.rs.
    let (plan_diags, others): (Vec<_>, Vec<_>) = checked
        .diagnostics
        .iter()
        .filter(|d| !d.code.0.starts_with("W04"))
        .cloned()
        .partition(|d| d.code.0.starts_with("E03") || d.code.0.starts_with("W03"));
    assert!(others.is_empty(), "{others:?}");
    (checked.matters[0].plan.clone(), plan_diags)
}

fn sample() -> (PlanIr, Vec<yjs_compiler::diagnostics::Diagnostic>) {
    let checked = yjs_compiler::check(&Disk, &[PathBuf::from("tests/fixtures/newborn.yjs")]);
    plan_of(&checked)
}

#[test]
fn sample_worst_case_is_seven_working_days_along_the_chain() {
    let (ir, diags) = sample();
    assert!(diags.is_empty(), "{diags:?}");
    let plan = &ir.plan;
    assert_eq!(plan.total_workdays, 7);
    assert_eq!(plan.best_workdays, 4);
    assert_eq!(
        plan.critical_path,
        [
            "accept",
            "birth_cert",
            "hukou",
            "insurance",
            "sscard",
            "deliver"
        ]
    );
    let days: Vec<(&str, u32)> = plan
        .steps
        .iter()
        .map(|s| (s.id.as_str(), s.promise.workdays))
        .collect();
    assert_eq!(
        days,
        [
            ("accept", 1),
            ("birth_cert", 1),
            ("vaccine", 0),
            ("hukou", 2),
            ("insurance", 1),
            ("sscard", 1),
            ("deliver", 1)
        ]
    );
    let hukou = step(plan, "hukou").unwrap();
    assert_eq!(
        (
            hukou.earliest_start,
            hukou.earliest_finish,
            hukou.latest_finish,
            hukou.slack
        ),
        (2, 4, 4, 0)
    );
    assert!(hukou.critical);
    assert_eq!(hukou.after, ["birth_cert"]);
    let vaccine = step(plan, "vaccine").unwrap();
    assert_eq!(vaccine.after, ["accept"]);
    assert_eq!(
        (
            vaccine.earliest_finish,
            vaccine.latest_finish,
            vaccine.slack
        ),
        (1, 6, 5)
    );
    assert!(!vaccine.critical);
    let insurance = step(plan, "insurance").unwrap();
    assert_eq!(insurance.after, ["birth_cert", "hukou"]);
    let deliver = step(plan, "deliver").unwrap();
    assert_eq!((deliver.earliest_start, deliver.earliest_finish), (6, 7));
    assert_eq!(deliver.department.as_deref(), Some("zwfw"));
    assert_eq!(
        step(plan, "accept").unwrap().department_name.as_deref(),
        Some("市政务服务中心")
    );
    assert_eq!(plan.supervision.warn_percent, 80);
    assert_eq!(plan.format_version, yjs_artifacts::FORMAT_VERSION);
    // No item of the sample is a 行政许可, so the joint cap counts only acceptance.
    assert!(plan.joint.counted.is_empty());
    assert_eq!(plan.joint.legal_workdays, 1);
}

#[test]
fn sample_scenarios_skip_items_without_blocking_their_successors() {
    let (ir, _) = sample();
    let sc = &ir.plan.scenarios;
    assert!(sc.complete);
    assert_eq!(sc.deciding, ["settle", "card"]);
    assert_eq!(sc.combinations, 4);
    assert_eq!(sc.list.len(), 4);
    let find = |settle: &str, card: bool| {
        sc.list
            .iter()
            .find(|s| {
                s.answers.get("settle") == Some(&yjs_artifacts::Answer::Option(settle.into()))
                    && s.answers.get("card") == Some(&yjs_artifacts::Answer::Bool(card))
            })
            .unwrap()
    };
    let other_card = find("other", true);
    assert_eq!(other_card.total_workdays, 5);
    assert_eq!(
        other_card.items,
        ["birth_cert", "vaccine", "insurance", "sscard"]
    );
    assert_eq!(
        other_card.critical_path,
        ["accept", "birth_cert", "insurance", "sscard", "deliver"]
    );
    assert_eq!(find("local", true).total_workdays, 7);
    assert_eq!(find("local", false).total_workdays, 6);
    assert_eq!(find("other", false).total_workdays, 4);
}

#[test]
fn shrinking_the_promise_to_six_reports_the_critical_path_at_the_promise_line() {
    let src = sample_source().replace("promise  7 workdays", "promise  6 workdays");
    let deps = std::fs::read_to_string("tests/fixtures/common/departments.yjs").unwrap();
    let mut files = std::collections::BTreeMap::new();
    files.insert(PathBuf::from("newborn.yjs"), src);
    files.insert(PathBuf::from("common/departments.yjs"), deps);
    let checked = yjs_compiler::check(&Memory(files), &[PathBuf::from("newborn.yjs")]);
    let (_, diags) = plan_of(&checked);
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d.code.0, "E0306");
    let primary = d.primary.as_ref().unwrap();
    let (line, _) = checked
        .files
        .line_col(primary.span.file, primary.span.start as usize);
    assert_eq!(line, 10);
    assert_eq!(checked.files.text(primary.span), "6 workdays");
    let walked: Vec<(usize, &str)> = d
        .secondary
        .iter()
        .map(|l| {
            (
                checked.files.line_col(l.span.file, l.span.start as usize).0,
                l.message.split(':').next().unwrap(),
            )
        })
        .collect();
    let lines: Vec<usize> = walked.iter().map(|w| w.0).collect();
    let names: Vec<&str> = walked.iter().map(|w| w.1).collect();
    assert_eq!(
        names,
        [
            "accept",
            "birth_cert",
            "hukou",
            "insurance",
            "sscard",
            "deliver"
        ]
    );
    // accept, then each item's `promise` line, then deliver, in the flow.
    assert_eq!(lines, [145, 47, 91, 110, 129, 148]);
    assert!(
        d.secondary[2].message.contains("2 promised working days"),
        "{}",
        d.secondary[2].message
    );
}

#[test]
fn emitted_plan_matches_its_schema_and_the_flowchart_marks_the_path() {
    let checked = yjs_compiler::check(&Disk, &[PathBuf::from("tests/fixtures/newborn.yjs")]);
    let situations = checked.matters[0].form.situations.clone();
    let (ir, _) = plan_of(&checked);
    let graph = PlanGraph::new(&ir.plan).unwrap();
    let files = emit(&ir, &graph, &situations).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(names, ["plan.json", "flow.mmd"]);
    let json = &files[0].1;
    assert!(json.ends_with("}\n"));
    assert!(json.starts_with("{\n  \"format_version\": 1,"));
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&plan_schema().unwrap()).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let back: yjs_artifacts::Plan = serde_json::from_value(value).unwrap();
    assert_eq!(back, ir.plan);
    assert_eq!(
        emit(&ir, &graph, &situations).unwrap(),
        files,
        "emission is deterministic"
    );

    let mmd = &files[1].1;
    assert!(mmd.starts_with("%% generated by yjs build — do not edit\n"));
    assert!(mmd.contains("flowchart LR\n"));
    assert!(
        mmd.contains(
            "s3[\"出生登记<br/>市公安局<br/>承诺2个工作日<br/>适用情形：新生儿落户地为「本市户籍家庭户」的\"]"
        ),
        "{mmd}"
    );
    assert!(
        mmd.contains("  class s0,s1,s3,s4,s5,s6 critical\n"),
        "{mmd}"
    );
    assert!(mmd.contains("  class s3,s5 conditional\n"), "{mmd}");
    // accept->birth_cert, birth_cert->hukou, hukou->insurance, insurance->sscard, sscard->deliver.
    assert!(mmd.contains("  linkStyle 0,2,4,5,7 stroke:"), "{mmd}");
}
