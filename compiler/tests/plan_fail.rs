//! The plan checks' failure cases: every E03xx/W03xx code, from `tests/ui/fail/plan_*.yjs` and the `spec/errors` examples.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::collections::BTreeMap;
use std::path::PathBuf;
use yjs_compiler::diagnostics::{Diagnostic, Label};
use yjs_compiler::files::Files;
use yjs_compiler::resolve::Memory;

/// Resolves and plans one in-memory file: every diagnostic, sorted.
fn check(src: &str) -> (Files, Vec<Diagnostic>, Vec<yjs_artifacts::Plan>) {
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("main.yjs"), src.to_string());
    let checked = yjs_compiler::check(&Memory(files), &[PathBuf::from("main.yjs")]);
    // The source lints (W04xx) are beside the point of the plan cases.
    let diags: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| !d.code.0.starts_with("W04"))
        .cloned()
        .collect();
    let plans = checked
        .matters
        .iter()
        .map(|m| m.plan.plan.clone())
        .collect();
    (checked.files, diags, plans)
}

fn ui(name: &str) -> String {
    // Error cases live in `fail/`, warning-only cases in `pass/`.
    std::fs::read_to_string(format!("../tests/ui/fail/{name}.yjs"))
        .or_else(|_| std::fs::read_to_string(format!("../tests/ui/pass/{name}.yjs")))
        .unwrap()
}

/// `line:text` of a label.
fn at(files: &Files, l: &Label) -> String {
    let (line, _) = files.line_col(l.span.file, l.span.start as usize);
    format!("{line}:{}", files.text(l.span))
}

/// The one diagnostic of a case: its code, primary `line:text`, and secondary `line:text`s.
fn only(name: &str) -> (String, String, Vec<String>, Diagnostic) {
    let (files, diags, _) = check(&ui(name));
    assert_eq!(diags.len(), 1, "{name}: {diags:#?}");
    let d = diags.into_iter().next().unwrap();
    let primary = at(&files, d.primary.as_ref().unwrap());
    let secondary = d.secondary.iter().map(|l| at(&files, l)).collect();
    (d.code.0.to_string(), primary, secondary, d)
}

#[test]
fn self_edge() {
    let (code, primary, secondary, d) = only("plan_self_edge");
    assert_eq!(code, "E0301");
    assert_eq!(primary, "16:hukou -> hukou");
    assert!(secondary.is_empty());
    assert!(d.help.unwrap().contains("delete `hukou -> hukou`"));
}

#[test]
fn cycle_labels_every_edge() {
    let (code, primary, secondary, d) = only("plan_cycle");
    assert_eq!(code, "E0302");
    assert_eq!(primary, "23:hukou -> birth");
    assert_eq!(secondary, ["22:birth -> hukou"]);
    assert_eq!(
        d.message,
        "the flow has a cycle: `birth` -> `hukou` -> `birth`"
    );
}

#[test]
fn three_step_cycle_names_each_step() {
    let src = ui("plan_cycle").replace("    hukou -> birth\n", "    hukou -> third -> birth\n").replace(
        "  flow {",
        "  item third \"第三项\" {\n    department pol\n    legal 2 workdays\n    promise 1 workday\n  }\n  flow {",
    );
    let (files, diags, _) = check(&src);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.code.0, "E0302");
    assert_eq!(
        d.message,
        "the flow has a cycle: `birth` -> `hukou` -> `third` -> `birth`"
    );
    assert_eq!(
        at(&files, d.primary.as_ref().unwrap())
            .split_once(':')
            .unwrap()
            .1,
        "third -> birth"
    );
    let rest: Vec<String> = d
        .secondary
        .iter()
        .map(|l| files.text(l.span).to_string())
        .collect();
    assert_eq!(rest, ["birth -> hukou", "hukou -> third"]);
}

#[test]
fn reuse_without_a_path_suggests_the_edge() {
    let (code, primary, secondary, d) = only("plan_reuse_unordered");
    assert_eq!(code, "E0303");
    assert_eq!(primary, "20:material birth.cert");
    assert_eq!(secondary.len(), 1);
    assert!(secondary[0].starts_with("22:flow {"), "{secondary:?}");
    assert_eq!(
        d.help.unwrap(),
        "add this line to the flow: `birth -> hukou`"
    );
}

#[test]
fn reuse_of_the_own_output() {
    let src = ui("plan_reuse_unordered").replace(
        "material birth.cert",
        "material hukou.rec\n    output rec \"记录\" { electronic }",
    );
    let (files, diags, _) = check(&src);
    let codes: Vec<&str> = diags.iter().map(|d| d.code.0).collect();
    assert_eq!(codes, ["E0303"], "{diags:#?}");
    assert_eq!(
        at(&files, diags[0].primary.as_ref().unwrap()),
        "20:material hukou.rec"
    );
    assert!(diags[0].message.contains("its own output"));
}

#[test]
fn reuse_when_the_producer_may_be_skipped_gives_a_counterexample() {
    let (code, primary, secondary, d) = only("plan_reuse_unsound");
    assert_eq!(code, "E0304");
    assert_eq!(primary, "25:material hukou.record");
    assert_eq!(secondary, ["16:settle == local"]);
    assert!(d.primary.unwrap().message.contains("`settle = other`"));
    assert!(d
        .help
        .unwrap()
        .contains("material hukou.record { when settle == local }"));
}

#[test]
fn reuse_guarded_by_the_material_condition_is_sound() {
    let src = ui("plan_reuse_unsound").replace(
        "material hukou.record",
        "material hukou.record { when settle == local }",
    );
    let (_, diags, _) = check(&src);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn counterexample_uses_every_condition_involved() {
    // insurance applies when card; the material when settle == other; hukou when settle == local or card.
    let src = ui("plan_reuse_unsound")
        .replace(
            "    local \"本市\"\n    other \"外省市\"\n  }\n",
            "    local \"本市\"\n    other \"外省市\"\n  }\n  situation card \"是否申领\" bool\n",
        )
        .replace(
            "when       settle == local",
            "when       settle == local and not card",
        )
        .replace(
            "    department med\n",
            "    department med\n    when card\n",
        )
        .replace(
            "material hukou.record",
            "material hukou.record { when settle == local }",
        );
    let (_, diags, _) = check(&src);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].code.0, "E0304");
    assert!(
        diags[0].notes[0].starts_with("when `settle = local`, `card = true`,"),
        "{:?}",
        diags[0].notes
    );
    assert_eq!(diags[0].secondary.len(), 3);
}

#[test]
fn promise_over_legal_labels_both_limits() {
    let (code, primary, secondary, _) = only("plan_promise_over_legal");
    assert_eq!(code, "E0305");
    assert_eq!(primary, "12:25 workdays");
    assert_eq!(secondary, ["11:20 workdays"]);
}

#[test]
fn total_over_promise_walks_the_critical_path() {
    let (code, primary, secondary, d) = only("plan_total_over_promise");
    assert_eq!(code, "E0306");
    assert_eq!(primary, "9:3 workdays");
    assert_eq!(
        secondary,
        [
            "21:accept 1 workday by win",
            "13:1 workday",
            "18:2 workdays",
            "23:1 workday"
        ]
    );
    assert!(d.message.contains("5 working days"));
    let texts: Vec<&str> = d.secondary.iter().map(|l| l.message.as_str()).collect();
    assert_eq!(texts[2], "hukou: 2 promised working days (days 2–4)");
}

#[test]
fn joint_cap_over_sixty_is_an_error() {
    let (code, primary, secondary, d) = only("plan_joint_cap_exceeded");
    assert_eq!(code, "E0307");
    assert_eq!(primary, "7:demo");
    assert_eq!(
        secondary,
        [
            "27:accept 1 workday by win",
            "13:30 workdays",
            "18:20 workdays",
            "23:20 workdays"
        ]
    );
    assert!(d.message.contains("71 working days"), "{}", d.message);
}

#[test]
fn joint_cap_between_45_and_60_warns_without_extension_and_passes_with_one() {
    let (code, primary, secondary, d) = only("plan_joint_cap_needs_extension");
    assert_eq!(code, "W0302");
    assert_eq!(primary, "6:demo");
    assert_eq!(
        secondary,
        [
            "21:accept 1 workday by win",
            "12:30 workdays",
            "17:20 workdays"
        ]
    );
    assert!(d.message.contains("51 working days"));
    let with = ui("plan_joint_cap_needs_extension").replace(
        "  promise 10 workdays\n",
        "  promise 10 workdays\n  extension 15 workdays \"经市人民政府负责人批准\"\n",
    );
    let (_, diags, plans) = check(&with);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(plans[0].joint.legal_workdays, 51);
    assert_eq!(plans[0].joint.extension_workdays, 15);
    assert_eq!(plans[0].joint.legal_path, ["accept", "first", "second"]);
    // An extension too small for the path is an error, labelled on the extension.
    let small = with.replace("extension 15 workdays", "extension 3 workdays");
    let (files, diags, _) = check(&small);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].code.0, "E0307");
    let last = diags[0].secondary.last().unwrap();
    assert!(
        at(&files, last).starts_with("10:extension 3 workdays"),
        "{}",
        at(&files, last)
    );
}

#[test]
fn joint_cap_ignores_items_outside_the_licensing_law() {
    let src = ui("plan_joint_cap_exceeded").replace(
        "    department a\n",
        "    department a\n    kind public_service\n",
    );
    let (_, diags, plans) = check(&src);
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(plans[0].joint.counted, ["second", "third"]);
    assert_eq!(plans[0].joint.legal_workdays, 41);
}

#[test]
fn missing_legal_is_a_warning() {
    let (code, primary, secondary, _) = only("plan_missing_legal");
    assert_eq!(code, "W0301");
    assert_eq!(primary, "9:hukou");
    assert_eq!(secondary, ["11:1 workday"]);
}

#[test]
fn mixed_units_are_never_compared_silently() {
    let (code, primary, secondary, _) = only("plan_mixed_units");
    assert_eq!(code, "W0303");
    assert_eq!(primary, "12:2 workdays");
    assert_eq!(secondary, ["11:3 days"]);
    // A working-day promise longer than a calendar-day limit is proven too long (and the total
    // then exceeds the matter's promise).
    let (_, diags, _) =
        check(&ui("plan_mixed_units").replace("promise    2 workdays", "promise    4 workdays"));
    let codes: Vec<&str> = diags.iter().map(|d| d.code.0).collect();
    assert_eq!(codes, ["E0306", "E0305"]);
    // A matter promise in calendar days is compared with the working-day total explicitly.
    let (_, diags, _) =
        check(&ui("plan_mixed_units").replace("promise 5 workdays", "promise 5 days"));
    let codes: Vec<&str> = diags.iter().map(|d| d.code.0).collect();
    assert_eq!(codes, ["W0303", "W0303"]);
}

#[test]
fn every_plan_code_has_an_explanation_whose_example_produces_it() {
    let mine: Vec<_> = yjs_compiler::diagnostics::ALL_CODES
        .iter()
        .filter(|(c, _, _)| c.0.starts_with("E03") || c.0.starts_with("W03"))
        .collect();
    assert_eq!(mine.len(), 18);
    for (code, title, text) in mine {
        assert!(
            text.starts_with(&format!("# {}: {title}\n", code.0)),
            "{code}"
        );
        let start = text.find("```yjs\n").unwrap() + "```yjs\n".len();
        let end = start + text[start..].find("```").unwrap();
        let (_, diags, _) = check(&text[start..end]);
        let codes: Vec<&str> = diags.iter().map(|d| d.code.0).collect();
        assert_eq!(codes, [code.0], "{code}: {diags:#?}");
    }
}

/// A matter with `n` yes/no situations, each deciding one chained item, and a reuse per item.
fn many_situations(n: usize) -> String {
    let mut src = String::from("department win \"窗口\"\ndepartment a \"甲局\"\nmatter big \"大事项\" {\n  lead a\n  window win\n  promise 100 workdays\n");
    for i in 0..n {
        src.push_str(&format!("  situation s{i} \"情形{i}\" bool\n"));
    }
    src.push_str("  item base \"基础\" {\n    department a\n    legal 2 workdays\n    promise 1 workday\n    output doc \"文书\" { electronic }\n  }\n");
    for i in 0..n {
        src.push_str(&format!(
            "  item i{i} \"事项{i}\" {{\n    department a\n    kind public_service\n    when s{i}\n    legal 2 workdays\n    promise 1 workday\n    material base.doc\n  }}\n"
        ));
    }
    let chain: Vec<String> = std::iter::once("base".to_string())
        .chain((0..n).map(|i| format!("i{i}")))
        .collect();
    src.push_str(&format!(
        "  flow {{\n    accept 1 workday by win\n    {}\n    deliver 1 workday\n  }}\n}}\n",
        chain.join(" -> ")
    ));
    src
}

#[test]
fn twenty_boolean_situations_are_bounded_not_enumerated() {
    let (_, diags, plans) = check(&many_situations(20));
    assert!(diags.is_empty(), "{diags:#?}");
    let plan = &plans[0];
    assert!(!plan.scenarios.complete);
    assert_eq!(plan.scenarios.combinations, 1 << 20);
    assert_eq!(plan.scenarios.deciding.len(), 20);
    assert!(plan.scenarios.list.is_empty());
    // Worst bound: every item applies; best bound: only `base`.
    assert_eq!(plan.total_workdays, 1 + 21 + 1);
    assert_eq!(plan.best_workdays, 1 + 1 + 1);
    assert_eq!(plan.critical_path.len(), 23);
    // The joint cap counts `base` only (the others are public services).
    assert_eq!(plan.joint.legal_workdays, 3);
}

#[test]
fn twelve_boolean_situations_are_enumerated() {
    let (_, diags, plans) = check(&many_situations(12));
    assert!(diags.is_empty(), "{diags:#?}");
    let sc = &plans[0].scenarios;
    assert!(sc.complete);
    assert_eq!(sc.list.len(), 4096);
    assert_eq!(plans[0].total_workdays, 1 + 13 + 1);
    assert_eq!(plans[0].best_workdays, 3);
    // Skipped items pass the ordering through: with only s11 the chain is base -> i11.
    let only_last = sc.list.iter().find(|s| s.items == ["base", "i11"]).unwrap();
    assert_eq!(only_last.total_workdays, 4);
    assert_eq!(
        only_last.critical_path,
        ["accept", "base", "i11", "deliver"]
    );
}

#[test]
fn an_item_may_not_take_the_name_of_a_built_in_step() {
    for name in ["accept", "deliver"] {
        let src = format!(
            "department d \"部门\"\nmatter m \"一件事\" {{\n  lead d\n  window d\n  promise 5 workdays\n  item {name} \"事项\" {{\n    department d\n    legal 5 workdays\n    promise 1 workday\n  }}\n}}\n"
        );
        let (files, diags, _) = check(&src);
        assert_eq!(diags.len(), 1, "{diags:?}");
        let d = &diags[0];
        assert_eq!(d.code.0, "E0103");
        assert_eq!(d.primary.as_ref().map(|l| files.text(l.span)), Some(name));
    }
}
