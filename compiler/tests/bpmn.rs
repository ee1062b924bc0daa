//! `plan.bpmn`: the sample's process as a golden file, and the mapping's properties on the
//! examples and on made-up matters (ids unique, flows connected, conditions and skips, names).

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use yjs_compiler::emit::bpmn;
use yjs_compiler::resolve::{Disk, Memory};

fn checked(paths: &[&str]) -> yjs_compiler::Checked {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let roots = yjs_compiler::resolve::discover(&paths).unwrap();
    let checked = yjs_compiler::check(&Disk, &roots);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked
}

/// The sample with `edit` applied, checked from memory.
fn edited(edit: impl Fn(String) -> String) -> yjs_compiler::Checked {
    let src = std::fs::read_to_string("tests/fixtures/newborn.yjs").unwrap();
    let deps = std::fs::read_to_string("tests/fixtures/common/departments.yjs").unwrap();
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("newborn.yjs"), edit(src));
    files.insert(PathBuf::from("common/departments.yjs"), deps);
    let checked = yjs_compiler::check(&Memory(files), &[PathBuf::from("newborn.yjs")]);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked
}

/// The values of every `attr="…"` in the document, in order.
fn attrs<'a>(xml: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    xml.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &xml[at + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn sample_process_matches_the_golden_file() {
    let checked = checked(&["tests/fixtures/newborn.yjs"]);
    let xml = bpmn::matter(&checked.matters[0]).unwrap();
    insta::assert_snapshot!("newborn_plan_bpmn", xml);
}

#[test]
fn every_example_is_well_formed_and_connected() {
    let checked = checked(&["../dsl-examples"]);
    for ir in &checked.matters {
        let xml = bpmn::matter(ir).unwrap();
        assert_eq!(xml, bpmn::matter(ir).unwrap(), "deterministic");
        let ids = attrs(&xml, "id");
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{}: ids are unique", ir.id());
        for id in &ids {
            assert!(bpmn::ids::is_ncname(id), "{id} is an NCName");
        }
        for r in attrs(&xml, "sourceRef")
            .into_iter()
            .chain(attrs(&xml, "targetRef"))
            .chain(attrs(&xml, "attachedToRef"))
            .chain(attrs(&xml, "bpmnElement"))
            .chain(attrs(&xml, "default"))
        {
            assert!(unique.contains(r), "{}: `{r}` names an element", ir.id());
        }
        let plan = &ir.plan.plan;
        for step in &plan.steps {
            // A wait step (公告期, 公示期) is a timer catch event; every other step a task.
            let element = if step.kind == yjs_artifacts::StepKind::Wait {
                "bpmn:intermediateCatchEvent"
            } else {
                "bpmn:userTask"
            };
            assert!(
                xml.contains(&format!("<{element} id=\"{}\" name=\"", step.id)),
                "{}: one {element} per step",
                step.id
            );
            let decides = xml.contains(&format!("id=\"{}-decide\"", step.id));
            assert_eq!(decides, !step.condition.is_always(), "{}", step.id);
        }
        assert_eq!(
            attrs(&xml, "candidateGroups").len(),
            plan.steps
                .iter()
                .filter(|s| s.kind != yjs_artifacts::StepKind::Wait)
                .count(),
            "each task has its department; a wait step has none"
        );
    }
}

#[test]
fn conditions_are_feel_over_the_situations() {
    let checked = checked(&["tests/fixtures/newborn.yjs"]);
    let xml = bpmn::matter(&checked.matters[0]).unwrap();
    assert!(xml.contains(">=settle = \"local\"<"));
    assert!(xml.contains(">=card = true<"));
    assert!(xml.contains("default=\"hukou-skip\""));
    assert!(xml.contains("<zeebe:input source=\"=packets.hukou\" target=\"packet\" />"));
    assert!(xml.contains("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">=dueDates.hukou<"));
}

#[test]
fn situations_named_as_feel_keywords_get_free_variables() {
    let checked = edited(|s| {
        s.replace(
            "situation card \"是否同时申领社会保障卡\" bool",
            "situation in \"是否同时申领社会保障卡\" bool\n  situation in_ \"另一个问题\" bool",
        )
        .replace("when       card", "when       in and in_")
    });
    let xml = bpmn::matter(&checked.matters[0]).unwrap();
    assert!(xml.contains(">=in__ = true and in_ = true<"), "{xml}");
    assert!(xml.contains("in__ (situation in)"));
}

#[test]
fn a_matter_named_as_one_of_its_steps_keeps_the_ids_apart() {
    let checked = edited(|s| s.replace("matter newborn ", "matter hukou "));
    let xml = bpmn::matter(&checked.matters[0]).unwrap();
    assert!(xml.contains("<bpmn:process id=\"hukou-process\""));
    assert!(xml.contains("<bpmn:userTask id=\"hukou\""));
}

#[test]
fn chinese_identifiers_stay_readable() {
    let checked = edited(|s| s.replace("hukou", "出生登记"));
    let xml = bpmn::matter(&checked.matters[0]).unwrap();
    assert!(xml.contains("<bpmn:userTask id=\"出生登记\" name=\"出生登记\""));
    assert!(xml.contains("=dueDates.出生登记<"));
}
