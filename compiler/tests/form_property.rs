//! Property test on every matter of `dsl-examples/`: the merged schema and the departments'
//! packet schemas agree.
//!
//! Submissions come from `form_gen`, driven by each matter's form IR: a complete valid base for
//! a scenario (every situation answered), then up to three random mutations (remove a field, or
//! replace it with a value that breaks one of its constraints). Two directions:
//! 1. a submission the merged schema accepts yields, for every applicable item, a packet its
//!    projection schema accepts, with its situation-dependent requirements met;
//! 2. a submission that breaks an applicable item's own declaration (a constraint or a
//!    requirement, as the IR states it) is rejected by the merged schema, and by that item's
//!    packet check.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod form_gen;

use form_gen::Site;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Map, Value};
use std::path::PathBuf;
use yjs_artifacts::{Answers, Projections};
use yjs_compiler::emit::form::{form_schema, projections};
use yjs_compiler::ir::form::{Form, LocalField, Ty};
use yjs_compiler::resolve::{discover, Disk};

/// One matter, compiled.
struct Matter {
    form: Form,
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

fn load(root: &str) -> Vec<Matter> {
    let roots = discover(&[PathBuf::from(root)]).expect("readable");
    let checked = yjs_compiler::check(&Disk, &roots);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked
        .matters
        .into_iter()
        .map(|ir| {
            let projections = projections(&ir.form).unwrap();
            let packets = projections
                .items
                .iter()
                .map(|p| compile(&p.packet_schema))
                .collect();
            Matter {
                merged: compile(&serde_json::to_value(form_schema(&ir.form)).unwrap()),
                form: ir.form,
                projections,
                packets,
            }
        })
        .collect()
}

fn examples() -> Vec<Matter> {
    let matters = load("../dsl-examples");
    let mut ids: Vec<&str> = matters.iter().map(|m| m.form.matter.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids.len(), 6, "{ids:?}");
    matters
}

/// Why each applicable item rejects the submission (empty: every one accepts it).
fn item_failures(m: &Matter, doc: &Value, answers: &Answers) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for ((p, schema), it) in m
        .projections
        .items
        .iter()
        .zip(&m.packets)
        .zip(&m.form.items)
    {
        if !p.condition.eval(answers) {
            continue;
        }
        let mut packet = Map::new();
        let mut why = Vec::new();
        for (f, view) in p.fields.iter().zip(&it.view) {
            match doc.pointer(&f.pointer) {
                Some(v) => {
                    packet.insert(f.name.clone(), v.clone());
                    if let Ty::List(fields) = &view.ty {
                        entries_missing(fields, v, answers, &f.name, &mut why);
                    }
                }
                None if f.required.as_ref().is_some_and(|c| c.eval(answers)) => {
                    why.push(format!("`{}` is required", f.name));
                }
                None => {}
            }
        }
        let packet = Value::Object(packet);
        why.extend(schema.iter_errors(&packet).map(|e| e.to_string()));
        if !why.is_empty() {
            out.push((p.item.clone(), why.join("; ")));
        }
    }
    out
}

/// Situation-dependent requirements inside list entries (the packet schema states only the
/// unconditional ones).
fn entries_missing(
    fields: &[LocalField],
    list: &Value,
    answers: &Answers,
    at: &str,
    why: &mut Vec<String>,
) {
    let Some(entries) = list.as_array() else {
        return;
    };
    for (i, e) in entries.iter().enumerate() {
        let Some(e) = e.as_object() else { continue };
        for f in fields {
            match e.get(&f.id) {
                None if f.required.as_ref().is_some_and(|c| c.eval(answers)) => {
                    why.push(format!("`{at}/{i}/{}` is required", f.id));
                }
                Some(v) => {
                    if let Ty::List(fields) = &f.ty {
                        entries_missing(fields, v, answers, &format!("{at}/{i}/{}", f.id), why);
                    }
                }
                None => {}
            }
        }
    }
}

/// A mutation: the site (modulo their number) and how: removal (0) or the n-th bad value.
type Mutation = (usize, usize);

/// Applies the mutations in order.
fn mutate(doc: &mut Value, sites: &[Site], mutations: &[Mutation]) {
    for (site, how) in mutations {
        let s = &sites[site % sites.len()];
        let v = match how % (s.bad.len() + 1) {
            0 => None,
            n => Some(s.bad[n - 1].0.clone()),
        };
        form_gen::set(doc, &s.pointer, v);
    }
}

/// The items the final submission breaks at the mutated sites, as the IR states them.
fn known_broken(doc: &Value, sites: &[Site], mutations: &[Mutation]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (site, _) in mutations {
        let s = &sites[site % sites.len()];
        let items: &[String] = match doc.pointer(&s.pointer) {
            None => {
                let parent = s.pointer.rsplit_once('/').map_or("", |(p, _)| p);
                if doc.pointer(parent).is_some_and(Value::is_object) {
                    &s.required_by
                } else {
                    &[]
                }
            }
            Some(v) => s
                .bad
                .iter()
                .find(|(b, _)| b == v)
                .map_or(&[][..], |(_, items)| items),
        };
        for i in items {
            if !out.contains(i) {
                out.push(i.clone());
            }
        }
    }
    out
}

/// Both directions for one generated submission.
fn agree(m: &Matter, picks: &[usize], mutations: &[Mutation]) -> Result<(), TestCaseError> {
    let (answers, situations) = form_gen::answers(&m.form, picks);
    let (mut doc, sites) = form_gen::base(&m.form, &answers, situations);
    mutate(&mut doc, &sites, mutations);
    let merged_ok = m.merged.is_valid(&doc);
    let failures = item_failures(m, &doc, &answers);
    let matter = &m.form.matter;
    // Direction 1: accepted by the merged schema ⇒ every applicable packet is fine.
    prop_assert!(
        !merged_ok || failures.is_empty(),
        "{matter}: merged accepted, but {failures:?}: {doc}"
    );
    // Direction 2: an applicable item's own declaration broken ⇒ the merged schema rejects it,
    // and so does that item's packet check.
    for item in known_broken(&doc, &sites, mutations) {
        prop_assert!(
            !merged_ok,
            "{matter}: `{item}`'s declaration is broken, yet merged accepted: {doc}"
        );
        prop_assert!(
            failures.iter().any(|(i, _)| *i == item),
            "{matter}: `{item}`'s declaration is broken, yet its packet passes: {doc}"
        );
    }
    Ok(())
}

fn scenario(m: &Matter) -> impl Strategy<Value = Vec<usize>> {
    m.form
        .situations
        .iter()
        .map(|q| 0..form_gen::arity(q))
        .collect::<Vec<_>>()
}

#[test]
fn merged_and_packet_schemas_agree_on_every_example() {
    for m in &examples() {
        let mut runner = TestRunner::new(Config {
            cases: 128,
            failure_persistence: None,
            ..Config::default()
        });
        let strategy = (
            scenario(m),
            prop::collection::vec((any::<usize>(), any::<usize>()), 0..4),
        );
        let result = runner.run(&strategy, |(picks, mutations)| agree(m, &picks, &mutations));
        if let Err(e) = result {
            panic!("{}: {e}", m.form.matter);
        }
    }
}

/// Every scenario of a matter (all answer combinations), up to `cap` of them.
fn scenarios(form: &Form, cap: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new()];
    for q in &form.situations {
        out = out
            .into_iter()
            .flat_map(|p| {
                (0..form_gen::arity(q)).map(move |a| {
                    let mut p = p.clone();
                    p.push(a);
                    p
                })
            })
            .take(cap)
            .collect();
    }
    out
}

#[test]
fn the_base_submission_is_accepted_in_every_scenario() {
    for m in &examples() {
        for picks in scenarios(&m.form, 4096) {
            let (answers, situations) = form_gen::answers(&m.form, &picks);
            // A combination the matter's rules exclude is refused by design.
            if m.form.rules.iter().any(|r| !r.condition.eval(&answers)) {
                continue;
            }
            let (doc, _) = form_gen::base(&m.form, &answers, situations);
            let errors: Vec<String> = m.merged.iter_errors(&doc).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}: {doc}", m.form.matter);
            let failures = item_failures(m, &doc, &answers);
            assert!(failures.is_empty(), "{}: {failures:?}", m.form.matter);
        }
    }
}

/// Every single mutation of every site, in a few scenarios per matter: each value the
/// generator derives from an applicable item's declaration really breaks it, and the merged
/// schema rejects it (the random test then combines mutations).
#[test]
fn every_single_violation_is_caught() {
    for m in &examples() {
        let all = scenarios(&m.form, 4096);
        let step = (all.len() / 6).max(1);
        for picks in all.iter().step_by(step) {
            let (answers, situations) = form_gen::answers(&m.form, picks);
            let (_, sites) = form_gen::base(&m.form, &answers, situations);
            for (i, s) in sites.iter().enumerate() {
                for how in 0..=s.bad.len() {
                    if let Err(e) = agree(m, picks, &[(i, how)]) {
                        panic!("{e}");
                    }
                }
            }
        }
    }
}

/// The sample's sharpest cases, by name: narrowings and item-only requirements.
#[test]
fn sample_cases() {
    let m = examples()
        .into_iter()
        .find(|m| m.form.matter == "newborn")
        .expect("newborn");
    let (answers, situations) = form_gen::answers(&m.form, &[0, 0, 0]);
    let (base, _) = form_gen::base(&m.form, &answers, situations);
    let case = |pointer: &str, v: Option<Value>| {
        let mut doc = base.clone();
        form_gen::set(&mut doc, pointer, v);
        (m.merged.is_valid(&doc), item_failures(&m, &doc, &answers))
    };
    // birth_cert narrows baby_name to 15: 16 characters pass the shared 20 but not the merge.
    let (ok, failures) = case("/baby_name", Some(json!("名".repeat(16))));
    assert!(!ok);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0].0, "birth_cert");
    let (ok, failures) = case("/baby_name", Some(json!("名".repeat(15))));
    assert!(ok && failures.is_empty(), "{failures:?}");
    // A local required field of an applicable item.
    let (ok, failures) = case("/birth_cert/birth_weight", None);
    assert!(!ok && !failures.is_empty());
    // Integer bounds at the edge.
    for (w, good) in [(300, true), (299, false), (8000, true), (8001, false)] {
        let (ok, _) = case("/birth_cert/birth_weight", Some(json!(w)));
        assert_eq!(ok, good, "{w}");
    }
    let (ok, _) = case("/birth_cert/birth_weight", Some(json!(3200.5)));
    assert!(!ok);
}
