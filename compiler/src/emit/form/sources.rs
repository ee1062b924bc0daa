//! `form.sources.json`: where every part of the merged form comes from, keyed by JSON pointer.
//!
//! The schema carries standard keywords only, so provenance lives here: for every field and item
//! section, its type, the items binding it and their departments, when it applies and when it
//! is required (structured conditions, as in `projections.json`), and each contributing
//! constraint with its `file:line:col`. A list's entries are written `/<list>/*/<field>`.

use super::GENERATED;
use crate::ir::form::{Form, ItemForm, LocalField, Source, Ty};
use serde_json::{json, Map, Value};
use yjs_artifacts::Condition;

/// The provenance of the merged form.
pub fn form_sources(form: &Form) -> Value {
    let department = |item: &str| {
        form.items
            .iter()
            .find(|i| i.id == item)
            .map(|i| i.department.clone())
    };
    let mut fields = Vec::new();
    for f in &form.shared {
        let mut departments: Vec<String> = Vec::new();
        for d in f.items.iter().filter_map(|i| department(i)) {
            if !departments.contains(&d) {
                departments.push(d);
            }
        }
        let pointer = format!("/{}", f.id);
        fields.push(entry(Entry {
            pointer: &pointer,
            kind: "field",
            label: &f.label,
            ty: Some(&f.ty),
            items: &f.items,
            departments: &departments,
            applies: &f.applies,
            required: f.required.as_ref(),
            sources: &f.sources,
        }));
        list_entries(
            &f.ty,
            &pointer,
            &f.items,
            &departments,
            &f.applies,
            &mut fields,
        );
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        section(it, &mut fields);
    }
    let mut m = Map::new();
    m.insert("$comment".into(), json!(GENERATED));
    m.insert("matter".into(), json!(form.matter));
    m.insert("fields".into(), Value::Array(fields));
    Value::Object(m)
}

/// An item's section and its local fields.
fn section(it: &ItemForm, out: &mut Vec<Value>) {
    let items = [it.id.clone()];
    let departments = [it.department.clone()];
    let pointer = format!("/{}", it.id);
    out.push(entry(Entry {
        pointer: &pointer,
        kind: "section",
        label: &it.name,
        ty: None,
        items: &items,
        departments: &departments,
        applies: &it.applies,
        required: Some(&it.applies),
        sources: &[],
    }));
    for f in &it.locals {
        local(f, &pointer, &items, &departments, &it.applies, out);
    }
}

fn local(
    f: &LocalField,
    parent: &str,
    items: &[String],
    departments: &[String],
    applies: &Condition,
    out: &mut Vec<Value>,
) {
    let pointer = format!("{parent}/{}", f.id);
    // The field's own `when` narrows where it applies (its `required` includes it already).
    let applies = &crate::ir::cond::and(applies.clone(), f.applies.clone());
    let required = f
        .required
        .as_ref()
        .map(|r| crate::ir::cond::and(applies.clone(), r.clone()));
    out.push(entry(Entry {
        pointer: &pointer,
        kind: "field",
        label: &f.label,
        ty: Some(&f.ty),
        items,
        departments,
        applies,
        required: required.as_ref(),
        sources: &f.sources,
    }));
    list_entries(&f.ty, &pointer, items, departments, applies, out);
}

fn list_entries(
    ty: &Ty,
    pointer: &str,
    items: &[String],
    departments: &[String],
    applies: &Condition,
    out: &mut Vec<Value>,
) {
    if let Ty::List(fields) = ty {
        for f in fields {
            local(f, &format!("{pointer}/*"), items, departments, applies, out);
        }
    }
}

struct Entry<'a> {
    pointer: &'a str,
    kind: &'a str,
    label: &'a str,
    ty: Option<&'a Ty>,
    items: &'a [String],
    departments: &'a [String],
    applies: &'a Condition,
    required: Option<&'a Condition>,
    sources: &'a [Source],
}

fn entry(e: Entry<'_>) -> Value {
    let mut m = Map::new();
    m.insert("pointer".into(), json!(e.pointer));
    m.insert("kind".into(), json!(e.kind));
    m.insert("label".into(), json!(e.label));
    if let Some(ty) = e.ty {
        m.insert("type".into(), json!(ty.name()));
    }
    m.insert("items".into(), json!(e.items));
    m.insert("departments".into(), json!(e.departments));
    m.insert("applies".into(), json!(e.applies));
    m.insert("required".into(), json!(e.required));
    m.insert(
        "sources".into(),
        Value::Array(
            e.sources
                .iter()
                .map(|s| {
                    json!({
                        "item": s.item,
                        "department": s.department,
                        "constraint": s.constraint,
                        "at": s.at,
                    })
                })
                .collect(),
        ),
    );
    Value::Object(m)
}
