//! `projections.json`: what each item's department receives, and a draft-07 schema of its packet.
//!
//! A packet's keys are the department's own field names; it holds exactly the fields the item's
//! form declares. Requirements that depend on situations cannot be checked on the packet alone
//! (the answers are not in it), so they appear as `x-yjs-required-when` and in
//! `ProjectedField::required`; unconditional ones are the packet schema's `required`. A field
//! with its own `when` is in the packet only where that holds (`x-yjs-when`, `applies`).

use super::fields;
use super::{DRAFT_07, GENERATED};
use crate::ir::form::{Form, ItemForm, ViewField};
use serde_json::{json, Map, Value};
use yjs_artifacts::{Condition, ProjectedField, Projection, Projections, FORMAT_VERSION};

/// Every item's projection.
pub fn projections(form: &Form) -> Projections {
    Projections {
        format_version: FORMAT_VERSION,
        matter: form.matter.clone(),
        items: form.items.iter().map(projection).collect(),
    }
}

fn projection(it: &ItemForm) -> Projection {
    Projection {
        item: it.id.clone(),
        name: it.name.clone(),
        department: it.department.clone(),
        department_name: it.department_name.clone(),
        condition: it.applies.clone(),
        fields: it
            .view
            .iter()
            .map(|f| {
                let mut constraints = Map::new();
                fields::keywords(&f.own, &mut constraints);
                ProjectedField {
                    name: f.name.clone(),
                    label: f.label.clone(),
                    pointer: f.pointer.clone(),
                    shared: f.shared.clone(),
                    situation: f.situation.clone(),
                    ty: f.ty.name().to_string(),
                    applies: f.applies.clone(),
                    required: f.required.clone(),
                    constraints,
                }
            })
            .collect(),
        materials: it.materials.clone(),
        packet_schema: packet_schema(it),
    }
}

/// The draft-07 schema of the packet an item's department receives.
pub fn packet_schema(it: &ItemForm) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in &it.view {
        props.insert(f.name.clone(), Value::Object(packet_field(f)));
        if f.required == Some(Condition::Always) {
            required.push(json!(f.name));
        }
    }
    let mut m = Map::new();
    m.insert("$schema".into(), json!(DRAFT_07));
    m.insert("$comment".into(), json!(GENERATED));
    m.insert(
        "title".into(),
        json!(format!("{}（{}）", it.name, it.department_name)),
    );
    m.insert("type".into(), json!("object"));
    m.insert("properties".into(), Value::Object(props));
    m.insert("required".into(), Value::Array(required));
    m.insert("additionalProperties".into(), json!(false));
    Value::Object(m)
}

fn packet_field(f: &ViewField) -> Map<String, Value> {
    let mut m = fields::field(&f.label, &f.ty, &f.effective);
    m.insert("x-yjs-pointer".into(), json!(f.pointer));
    if !f.applies.is_always() {
        m.insert("x-yjs-when".into(), json!(f.applies));
    }
    if let Some(c) = f.required.as_ref().filter(|c| !c.is_always()) {
        m.insert("x-yjs-required-when".into(), json!(c));
    }
    m
}
