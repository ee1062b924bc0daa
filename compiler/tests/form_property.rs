//! Property test on the sample: the merged schema and the departments' packet schemas agree.
//!
//! For generated submissions (every scenario, a complete valid base with up to three random
//! mutations): a submission the merged schema accepts yields, for every applicable item, a packet
//! that item's projection accepts (with its situation-dependent requirements met); and a
//! submission that breaks an applicable item's own constraint is rejected by the merged schema.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::path::PathBuf;
use yjs_artifacts::{Answer, Answers, Projections};
use yjs_compiler::check::form::merge;
use yjs_compiler::emit::form::{form_schema, projections};

struct Fixture {
    merged: jsonschema::Validator,
    projections: Projections,
    packets: Vec<jsonschema::Validator>,
}

fn compile(schema: &Value) -> jsonschema::Validator {
    if let Err(e) = jsonschema::draft7::meta::validate(schema) {
        panic!("not draft-07: {e}");
    }
    match jsonschema::draft7::new(schema) {
        Ok(v) => v,
        Err(e) => panic!("does not compile: {e}"),
    }
}

fn fixture() -> Fixture {
    let checked = yjs_compiler::check(
        &yjs_compiler::resolve::Disk,
        &[PathBuf::from("tests/fixtures/newborn.yjs")],
    );
    assert!(!checked.has_errors());
    let (form, _) = merge(
        &checked.files,
        &checked.program,
        &checked.program.matters[0],
    );
    let projections = projections(&form);
    let packets = projections
        .items
        .iter()
        .map(|p| compile(&p.packet_schema))
        .collect();
    Fixture {
        merged: compile(&form_schema(&form)),
        projections,
        packets,
    }
}

/// Every field pointer with one valid value and some values that break a constraint.
fn candidates() -> Vec<(&'static str, Value, Vec<Value>)> {
    vec![
        (
            "/mother_name",
            json!("王芳"),
            vec![json!(""), json!("名".repeat(51)), json!(3)],
        ),
        (
            "/mother_id",
            json!("11010519491231002X"),
            vec![json!("123"), json!("11010519491231002x")],
        ),
        ("/father_name", json!("李强"), vec![json!("名".repeat(51))]),
        (
            "/father_id",
            json!("440524188001010014"),
            vec![json!("44052418800101001")],
        ),
        (
            "/baby_name",
            json!("李小明"),
            vec![json!("名".repeat(16)), json!("名".repeat(21)), json!(true)],
        ),
        ("/baby_sex", json!("female"), vec![json!("boy"), json!("")]),
        ("/birth_date", json!("2025-03-01"), vec![json!(20250301)]),
        (
            "/phone",
            json!("13800138000"),
            vec![json!("12345"), json!("010-62345678")],
        ),
        (
            "/birth_cert/birth_weight",
            json!(3200),
            vec![json!(299), json!(8001), json!(3200.5)],
        ),
        (
            "/birth_cert/hospital",
            json!("市妇幼保健院"),
            vec![json!(1)],
        ),
        (
            "/hukou/household_address",
            json!("中心路 1 号"),
            vec![json!("址".repeat(101))],
        ),
        (
            "/insurance/insured_address",
            json!("中心路 1 号"),
            vec![json!(null)],
        ),
        (
            "/sscard/bank_branch",
            json!("工行中心支行"),
            vec![json!([])],
        ),
    ]
}

fn set(doc: &mut Value, pointer: &str, v: Option<Value>) {
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    let mut node = doc;
    for p in &parts[..parts.len() - 1] {
        let Some(obj) = node.as_object_mut() else {
            return;
        };
        node = obj.entry(p.to_string()).or_insert_with(|| json!({}));
    }
    if let (Some(obj), Some(last)) = (node.as_object_mut(), parts.last()) {
        match v {
            Some(v) => {
                obj.insert(last.to_string(), v);
            }
            None => {
                obj.remove(*last);
            }
        }
    }
}

/// A mutation: which field, and either removal (0) or the n-th bad value (n ≥ 1).
fn mutation() -> impl Strategy<Value = (usize, usize)> {
    (0..13usize, 0..4usize)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn merged_and_packet_schemas_agree(
        settle in prop::sample::select(vec!["local", "other"]),
        card in any::<bool>(),
        surname in prop::sample::select(vec!["father", "mother"]),
        mutations in prop::collection::vec(mutation(), 0..4),
    ) {
        thread_local!(static FIX: Fixture = fixture());
        let mut doc = json!({ "settle": settle, "card": card, "surname": surname });
        let table = candidates();
        for (pointer, good, _) in &table {
            let item = pointer.trim_start_matches('/').split('/').next().unwrap_or("");
            let skip = (item == "hukou" && settle != "local") || (item == "sscard" && !card);
            if !skip {
                set(&mut doc, pointer, Some(good.clone()));
            }
        }
        for (field, how) in &mutations {
            let (pointer, _, bad) = &table[*field];
            let v = if *how == 0 { None } else { bad.get((how - 1) % bad.len()).cloned() };
            set(&mut doc, pointer, v);
        }
        let mut answers = Answers::new();
        answers.insert("settle".into(), Answer::Option(settle.into()));
        answers.insert("card".into(), Answer::Bool(card));
        answers.insert("surname".into(), Answer::Option(surname.into()));

        FIX.with(|fx| {
            let merged_ok = fx.merged.is_valid(&doc);
            for (p, packet_schema) in fx.projections.items.iter().zip(&fx.packets) {
                if !p.condition.eval(&answers) {
                    continue;
                }
                let mut packet = Map::new();
                let mut missing_required = false;
                for f in &p.fields {
                    match doc.pointer(&f.pointer) {
                        Some(v) => {
                            packet.insert(f.name.clone(), v.clone());
                        }
                        None => {
                            if f.required.as_ref().is_some_and(|c| c.eval(&answers)) {
                                missing_required = true;
                            }
                        }
                    }
                }
                let item_ok = packet_schema.is_valid(&Value::Object(packet)) && !missing_required;
                // Direction 1: accepted by the merged schema ⇒ every applicable packet is fine.
                if merged_ok {
                    prop_assert!(item_ok, "merged accepted, but {}'s packet is not: {doc}", p.item);
                }
                // Direction 2: an applicable item's own constraint broken ⇒ the merged schema rejects.
                if !item_ok {
                    prop_assert!(!merged_ok, "{}'s constraint is broken, yet merged accepted: {doc}", p.item);
                }
            }
            Ok(())
        })?;
    }
}

#[test]
fn the_valid_base_submission_is_accepted_in_every_scenario() {
    let fx = fixture();
    for settle in ["local", "other"] {
        for card in [true, false] {
            for surname in ["father", "mother"] {
                let mut doc = json!({ "settle": settle, "card": card, "surname": surname });
                for (pointer, good, _) in candidates() {
                    let item = pointer
                        .trim_start_matches('/')
                        .split('/')
                        .next()
                        .unwrap_or("");
                    if (item == "hukou" && settle != "local") || (item == "sscard" && !card) {
                        continue;
                    }
                    set(&mut doc, pointer, Some(good));
                }
                assert!(fx.merged.is_valid(&doc), "{doc}");
            }
        }
    }
}
