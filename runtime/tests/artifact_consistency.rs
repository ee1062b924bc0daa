//! The runtime refuses inconsistent artifacts on load, each with its own code: a plan with a cycle
//! or a repeated step, an item without exactly one projection, a projection of a non-item step, a
//! field named twice, a pointer that is not a JSON pointer. Cases of such artifacts could never
//! finish or would silently drop fields.

mod common;

use common::newborn_dir;
use serde_json::{json, Value};
use yjs_artifacts::{Plan, Projections};
use yjs_runtime::{Code, MatterArtifacts};

fn read(name: &str) -> Value {
    let text = std::fs::read_to_string(newborn_dir().join(name)).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// The code of loading the fixture after `edit` changed its plan and projections.
fn load_with(edit: impl FnOnce(&mut Value, &mut Value)) -> Result<(), (Code, String)> {
    let (mut plan, mut projections) = (read("plan.json"), read("projections.json"));
    edit(&mut plan, &mut projections);
    let plan: Plan = match serde_json::from_value(plan) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    let projections: Projections = match serde_json::from_value(projections) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    MatterArtifacts::new(read("form.schema.json"), projections, plan)
        .map(|_| ())
        .map_err(|e| (e.code(), e.to_string()))
}

fn code(r: Result<(), (Code, String)>) -> Code {
    match r {
        Ok(()) => panic!("accepted"),
        Err((c, message)) => {
            assert!(!message.is_empty());
            c
        }
    }
}

fn step<'a>(plan: &'a mut Value, id: &str) -> &'a mut Value {
    let steps = plan["steps"].as_array_mut();
    match steps.and_then(|s| s.iter_mut().find(|s| s["id"] == id)) {
        Some(s) => s,
        None => panic!("no step {id}"),
    }
}

fn projection<'a>(projections: &'a mut Value, item: &str) -> &'a mut Value {
    let items = projections["items"].as_array_mut();
    match items.and_then(|s| s.iter_mut().find(|p| p["item"] == item)) {
        Some(p) => p,
        None => panic!("no projection {item}"),
    }
}

#[test]
fn the_fixture_loads() {
    assert_eq!(load_with(|_, _| {}), Ok(()));
}

#[test]
fn a_cycle_a_repeated_step_and_an_unknown_predecessor_are_refused() {
    let cycle = load_with(|plan, _| {
        step(plan, "accept")["after"] = json!(["deliver"]);
    });
    assert_eq!(code(cycle), Code::PlanCycle);
    let repeated = load_with(|plan, _| {
        let copy = step(plan, "hukou").clone();
        if let Some(steps) = plan["steps"].as_array_mut() {
            steps.push(copy);
        }
    });
    assert_eq!(code(repeated), Code::DuplicateStep);
    let unknown = load_with(|plan, _| {
        step(plan, "hukou")["after"] = json!(["nowhere"]);
    });
    assert_eq!(code(unknown), Code::UnknownPredecessor);
}

#[test]
fn every_item_has_exactly_one_projection() {
    let none = load_with(|_, projections| {
        if let Some(items) = projections["items"].as_array_mut() {
            items.retain(|p| p["item"] != "hukou");
        }
    });
    assert_eq!(code(none), Code::ProjectionCount);
    let empty = load_with(|_, projections| projections["items"] = json!([]));
    assert_eq!(code(empty), Code::ProjectionCount);
    let twice = load_with(|_, projections| {
        let copy = projection(projections, "hukou").clone();
        if let Some(items) = projections["items"].as_array_mut() {
            items.push(copy);
        }
    });
    assert_eq!(code(twice), Code::ProjectionCount);
    let of_accept = load_with(|_, projections| {
        projection(projections, "hukou")["item"] = json!("accept");
    });
    assert_eq!(code(of_accept), Code::ProjectionOfNonItem);
    let without_step = load_with(|_, projections| {
        projection(projections, "hukou")["item"] = json!("nowhere");
    });
    assert_eq!(code(without_step), Code::ProjectionWithoutStep);
}

#[test]
fn pointers_are_well_formed_and_field_names_unique() {
    for bad in ["baby_name", "", "/baby~2name", "/baby_name~"] {
        let r = load_with(|_, projections| {
            projection(projections, "hukou")["fields"][0]["pointer"] = json!(bad);
        });
        assert_eq!(code(r), Code::BadPointer, "{bad:?}");
    }
    for good in ["/baby_name", "/a~1b", "/a~0b/0", "/"] {
        let r = load_with(|_, projections| {
            projection(projections, "hukou")["fields"][0]["pointer"] = json!(good);
        });
        assert_eq!(r, Ok(()), "{good:?}");
    }
    let twice = load_with(|_, projections| {
        let fields = &mut projection(projections, "hukou")["fields"];
        let name = fields[0]["name"].clone();
        fields[1]["name"] = name;
    });
    assert_eq!(code(twice), Code::DuplicateField);
}

#[test]
fn loading_from_disk_refuses_them_too() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    for name in ["form.schema.json", "plan.json", "projections.json"] {
        let mut v = read(name);
        if name == "projections.json" {
            projection(&mut v, "hukou")["fields"][0]["pointer"] = json!("baby_name");
        }
        if let Err(e) = std::fs::write(dir.path().join(name), v.to_string()) {
            panic!("{e}");
        }
    }
    let e = MatterArtifacts::load(dir.path())
        .map(|_| ())
        .map_err(|e| e.code());
    assert_eq!(e, Err(Code::BadPointer));
}
