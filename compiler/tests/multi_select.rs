//! Multi-select situations through every stage: scenarios over every subset, the form's
//! checkboxes, one notice per subset, FEEL, and `yjs notice`'s spelling of a set.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::path::PathBuf;
use yjs_artifacts::{Answer, Answers, Condition};
use yjs_compiler::emit::guide::{self, AnswerProblem};
use yjs_compiler::ir::MatterIr;
use yjs_compiler::resolve::Disk;

fn ir() -> MatterIr {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/ui/pass/multi-select-situation.yjs");
    let checked = yjs_compiler::check(&Disk, &[root]);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.matters[0].clone()
}

fn set(ids: &[&str]) -> Answer {
    Answer::Options(ids.iter().map(|s| s.to_string()).collect())
}

#[test]
fn scenarios_cover_every_subset_of_the_options() {
    let ir = ir();
    let sc = &ir.plan.plan.scenarios;
    assert!(sc.complete);
    assert_eq!(sc.list.len(), 8, "2^3 subsets of three options");
    for s in &sc.list {
        let Answer::Options(picked) = &s.answers["regs"] else {
            panic!("a multi-select answer is a set: {:?}", s.answers);
        };
        let has = |o: &str| picked.iter().any(|p| p == o);
        let applies = |id: &str| s.items.iter().any(|a| a == id);
        assert_eq!(applies("customs_off"), has("customs"), "{picked:?}");
        assert_eq!(
            applies("social_off"),
            has("social") || has("fund"),
            "{picked:?}"
        );
        assert!(applies("license_off"));
    }
    let empty = sc
        .list
        .iter()
        .find(|s| s.answers["regs"] == set(&[]))
        .unwrap();
    assert_eq!(empty.items, ["license_off"]);
    assert_eq!(ir.plan.plan.best_workdays + 1, ir.plan.plan.total_workdays);
}

#[test]
fn the_form_asks_with_checkboxes_and_tests_with_contains() {
    let ir = ir();
    let files = yjs_compiler::emit::matter(&ir).unwrap();
    let get = |n: &str| {
        let text = &files
            .iter()
            .find(|(p, _)| *p == format!("dereg/{n}"))
            .unwrap()
            .1;
        serde_json::from_str::<serde_json::Value>(text).unwrap()
    };
    let schema = get("form.schema.json");
    let regs = &schema["properties"]["regs"];
    assert_eq!(regs["type"], "array");
    assert_eq!(regs["uniqueItems"], true);
    assert_eq!(regs["items"]["oneOf"][0]["const"], "customs");
    assert_eq!(get("form.ui.json")["regs"]["ui:widget"], "checkboxes");
    let plan = get("plan.json");
    let customs = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "customs_off")
        .unwrap();
    let when: Condition = serde_json::from_value(customs["condition"].clone()).unwrap();
    assert_eq!(
        when,
        Condition::Has {
            situation: "regs".into(),
            option: "customs".into()
        }
    );
    let bpmn = &files
        .iter()
        .find(|(p, _)| p == "dereg/plan.bpmn")
        .unwrap()
        .1;
    assert!(
        bpmn.contains(r#"(regs != null and list contains(regs, "customs"))"#),
        "the FEEL test of a ticked option"
    );
}

#[test]
fn one_notice_per_subset_each_with_its_items() {
    let ir = ir();
    assert_eq!(ir.documents.notices.list.len(), 8);
    let mut answers = Answers::new();
    answers.insert("regs".into(), Answer::Option("customs".into()));
    let customs = guide::notice(&ir, &answers, false).unwrap();
    assert!(customs.contains("海关报关单位备案注销") && !customs.contains("社会保险注销登记"));
    assert!(customs.contains("「海关报关单位备案」"), "{customs}");
    answers.insert("regs".into(), Answer::Option("fund+customs".into()));
    let both = guide::notice(&ir, &answers, false).unwrap();
    assert!(both.contains("海关报关单位备案注销") && both.contains("社会保险注销登记"));
    answers.insert("regs".into(), Answer::Option("customs,fund".into()));
    assert_eq!(both, guide::notice(&ir, &answers, false).unwrap());
    answers.insert("regs".into(), Answer::Option("none".into()));
    let none = guide::notice(&ir, &answers, false).unwrap();
    assert!(!none.contains("海关报关单位备案注销") && none.contains("「均无」"));
    answers.insert("regs".into(), Answer::Option("customs,bank".into()));
    let err = guide::notice(&ir, &answers, false).unwrap_err();
    assert!(matches!(
        err.problems(),
        [AnswerProblem::UnknownValue { .. }]
    ));
    assert!(err.to_string().contains("customs, social, fund"), "{err}");
}
