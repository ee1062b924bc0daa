//! `generated/` and `spec/schemas/` are always fresh: rebuilt in memory, they must equal what is committed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yjs_compiler::resolve::{discover, Disk};

/// Every file under `dir`, by path relative to it; lossy, since a material template may be
/// binary (its bytes are compared on their own).
fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    support::read_tree(dir)
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

fn compare(expected: &BTreeMap<String, String>, dir: &str, command: &str) {
    let actual = read_tree(Path::new(dir));
    let mut problems = Vec::new();
    for (path, want) in expected {
        match actual.get(path) {
            None => problems.push(format!("missing: {dir}/{path}")),
            Some(have) if have != want => {
                let diff = similar::TextDiff::from_lines(have.as_str(), want.as_str());
                let text = diff
                    .unified_diff()
                    .context_radius(2)
                    .header("committed", "fresh")
                    .to_string();
                problems.push(format!(
                    "stale: {dir}/{path}\n{}",
                    text.chars().take(3000).collect::<String>()
                ));
            }
            Some(_) => {}
        }
    }
    for path in actual.keys() {
        if !expected.contains_key(path) {
            problems.push(format!("not produced any more: {dir}/{path}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{dir}/ is stale; run `{command}` and commit the result:\n{}",
        problems.join("\n")
    );
}

#[test]
fn generated_is_fresh() {
    // Relative paths, exactly as the README's command gives them, so provenance strings match.
    let roots = discover(&[PathBuf::from("dsl-examples")]).expect("dsl-examples");
    let checked = yjs_compiler::check(&Disk, &roots);
    assert!(!checked.has_errors());
    let mut artifacts = yjs_compiler::emit(&checked).expect("emit");
    // Material templates are copied byte for byte beside the guide that links them.
    for (path, bytes) in checked
        .matters
        .iter()
        .flat_map(yjs_compiler::emit::templates)
    {
        let committed = std::fs::read(Path::new("generated").join(&path)).unwrap_or_default();
        assert!(
            *committed == *bytes,
            "generated/{path} differs from its template"
        );
        artifacts.insert(path, String::from_utf8_lossy(&bytes).into_owned());
    }
    compare(
        &artifacts,
        "generated",
        "cargo run -- build dsl-examples --out generated",
    );
}

#[test]
fn schemas_are_fresh() {
    let mut expected = yjs_compiler::artifact_schemas().expect("schemas serialize");
    expected.insert("openapi.json".to_owned(), yjs_server::openapi_json());
    compare(
        &expected,
        "spec/schemas",
        "cargo run -- schemas --out spec/schemas",
    );
}

#[test]
fn builds_are_byte_identical() {
    let roots = discover(&[PathBuf::from("dsl-examples")]).expect("dsl-examples");
    let a = yjs_compiler::emit(&yjs_compiler::check(&Disk, &roots)).expect("emit");
    let b = yjs_compiler::emit(&yjs_compiler::check(&Disk, &roots)).expect("emit");
    assert_eq!(a, b);
}

#[test]
fn every_generated_plan_matches_the_committed_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("spec/schemas/plan.schema.json").expect("schema"),
    )
    .expect("json");
    let validator = jsonschema::draft7::new(&schema).expect("valid schema");
    for (path, contents) in read_tree(Path::new("generated")) {
        if path.ends_with("plan.json") {
            let plan: serde_json::Value = serde_json::from_str(&contents).expect("plan json");
            let errors: Vec<String> = validator
                .iter_errors(&plan)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{path}: {errors:?}");
        }
    }
}

fn committed_schema(name: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("spec/schemas/{name}")).expect("schema"),
    )
    .expect("json");
    jsonschema::draft7::new(&schema).expect("valid schema")
}

#[test]
fn every_generated_form_sources_and_messages_file_matches_its_committed_schema() {
    let sources = committed_schema("form.sources.schema.json");
    let messages = committed_schema("form.i18n.schema.json");
    let mut seen = (0, 0);
    for (path, contents) in read_tree(Path::new("generated")) {
        let validator = if path.ends_with("form.sources.json") {
            seen.0 += 1;
            &sources
        } else if path.ends_with("form.i18n.zh.json") {
            seen.1 += 1;
            &messages
        } else {
            continue;
        };
        let value: serde_json::Value = serde_json::from_str(&contents).expect("json");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
    assert!(seen.0 >= 5 && seen.1 >= 5, "{seen:?}");
    // The schemas say something: a message under a key JSON Forms never asks for, an empty
    // message, and a source entry of an unknown kind are refused.
    assert!(!messages.is_valid(&serde_json::json!({ "mother_id.hint": "x" })));
    assert!(!messages.is_valid(&serde_json::json!({ "mother_id.label": "" })));
    assert!(messages.is_valid(&serde_json::json!({ "hukou.household_address.label": "户籍地址", "error.required": "此项为必填项" })));
    let entry = serde_json::json!({
        "$comment": "c", "matter": "m",
        "fields": [{ "pointer": "/a", "kind": "group", "label": "甲", "items": [], "departments": [],
                     "applies": { "op": "always" }, "required": null, "sources": [] }],
    });
    assert!(!sources.is_valid(&entry));
}
