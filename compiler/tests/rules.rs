//! Rules between situations: the combinations they exclude are in no scenario, no notice and no
//! valid form, and `yjs notice` refuses them with the rule's text.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::path::PathBuf;
use yjs_artifacts::{Answer, Answers};
use yjs_compiler::emit::guide::{self, AnswerProblem};
use yjs_compiler::ir::MatterIr;
use yjs_compiler::resolve::Disk;

fn ir() -> MatterIr {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/ui/pass/rules-between-situations.yjs");
    let checked = yjs_compiler::check(&Disk, &[root]);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.matters[0].clone()
}

fn answers(mode: &str, revoked: bool) -> Answers {
    let mut a = Answers::new();
    a.insert("mode".into(), Answer::Option(mode.into()));
    a.insert("revoked".into(), Answer::Bool(revoked));
    a
}

#[test]
fn excluded_combinations_are_in_no_scenario_and_no_notice() {
    let ir = ir();
    let list = &ir.plan.plan.scenarios.list;
    assert_eq!(
        list.len(),
        3,
        "2 × 2 answers less the one the rule excludes"
    );
    assert!(!list.iter().any(|s| s.answers == answers("simple", true)));
    assert_eq!(ir.documents.notices.combinations, 3);
    assert_eq!(ir.documents.notices.list.len(), 3);
    // The worst case is the possible one: ordinary and revoked, not simple and revoked.
    let worst = list.iter().max_by_key(|s| s.total_workdays).unwrap();
    assert_eq!(worst.answers, answers("ordinary", true));
    assert_eq!(ir.plan.plan.rules.len(), 1);
    let files = yjs_compiler::emit::matter(&ir).unwrap();
    let notices = files
        .iter()
        .filter(|(p, _)| p.contains("/notices/"))
        .count();
    assert_eq!(notices, 3, "one notice per possible combination");
}

#[test]
fn the_notice_refuses_an_impossible_combination_with_the_rule() {
    let ir = ir();
    let err = guide::notice(&ir, &answers("simple", true), false).unwrap_err();
    assert_eq!(
        err.problems(),
        [AnswerProblem::Impossible {
            rule: "简易注销不适用于被吊销的企业".into()
        }]
    );
    assert!(guide::notice(&ir, &answers("simple", false), false).is_ok());
}

#[test]
fn the_form_schema_enforces_the_rule() {
    let ir = ir();
    let files = yjs_compiler::emit::matter(&ir).unwrap();
    let text = &files
        .iter()
        .find(|(p, _)| p == "dereg/form.schema.json")
        .unwrap()
        .1;
    let schema: serde_json::Value = serde_json::from_str(text).unwrap();
    let rule = schema["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["$comment"] == "yjs rule")
        .unwrap();
    assert_eq!(rule["description"], "简易注销不适用于被吊销的企业");
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let form = |mode: &str, revoked: bool| serde_json::json!({ "mode": mode, "revoked": revoked, "revoked_check": null });
    let errors = |v: serde_json::Value| -> Vec<String> {
        validator
            .iter_errors(&v)
            .filter(|e| e.schema_path().as_str().starts_with("/allOf"))
            .map(|e| e.schema_path().as_str().to_owned())
            .collect()
    };
    let rule_at = schema["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["$comment"] == "yjs rule")
        .unwrap();
    let broken = errors(form("simple", true));
    assert!(
        broken
            .iter()
            .any(|p| p.starts_with(&format!("/allOf/{rule_at}/"))),
        "{broken:?}"
    );
    assert!(!errors(form("simple", false))
        .iter()
        .any(|p| p.starts_with(&format!("/allOf/{rule_at}/"))));
}
