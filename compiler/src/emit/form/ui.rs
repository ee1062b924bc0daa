//! `form.ui.json`: the RJSF uiSchema of the merged form.
//!
//! `ui:order` lists the situations first, then the shared fields, then one section per item with
//! local fields. Yes/no situations and choices with at most four options use radio buttons,
//! multi-select situations checkboxes.

use crate::ir::form::{Bounds, Form, LocalField, Scalar, Ty};
use serde_json::{json, Map, Value};

/// The most options a choice may have and still be shown as radio buttons.
pub const RADIO_MAX: usize = 4;

/// The merged form's uiSchema.
pub fn ui_schema(form: &Form) -> Value {
    let mut ui = Map::new();
    let mut order = Vec::new();
    for q in &form.situations {
        order.push(json!(q.id));
        if q.multi {
            ui.insert(q.id.clone(), json!({ "ui:widget": "checkboxes" }));
        } else if q.is_bool || q.options.len() <= RADIO_MAX {
            ui.insert(q.id.clone(), json!({ "ui:widget": "radio" }));
        }
    }
    for f in &form.shared {
        order.push(json!(f.id));
        let m = field_ui(&f.ty, &f.bounds);
        if !m.is_empty() {
            ui.insert(f.id.clone(), Value::Object(m));
        }
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        order.push(json!(it.id));
        ui.insert(it.id.clone(), Value::Object(group_ui(&it.locals)));
    }
    let mut out = Map::new();
    out.insert("ui:order".into(), Value::Array(order));
    out.extend(ui);
    Value::Object(out)
}

/// The uiSchema of an object of fields (an item's section or a list entry).
fn group_ui(fields: &[LocalField]) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert(
        "ui:order".into(),
        json!(fields.iter().map(|f| f.id.as_str()).collect::<Vec<_>>()),
    );
    for f in fields {
        let sub = field_ui(&f.ty, &f.bounds);
        if !sub.is_empty() {
            m.insert(f.id.clone(), Value::Object(sub));
        }
    }
    m
}

fn field_ui(ty: &Ty, bounds: &Bounds) -> Map<String, Value> {
    let mut m = Map::new();
    match ty {
        Ty::Choice {
            multi: false,
            options,
        } if options.len() <= RADIO_MAX => {
            m.insert("ui:widget".into(), json!("radio"));
        }
        Ty::Scalar(Scalar::Bool) => {
            m.insert("ui:widget".into(), json!("radio"));
        }
        Ty::Choice { multi: true, .. } => {
            m.insert("ui:widget".into(), json!("checkboxes"));
        }
        Ty::Scalar(Scalar::File) => {
            m.insert("ui:widget".into(), json!("file"));
        }
        Ty::List(fields) => {
            m.insert("items".into(), Value::Object(group_ui(fields)));
        }
        _ => {}
    }
    if let Some(h) = &bounds.help {
        m.insert("ui:help".into(), json!(h));
    }
    if let Some(p) = &bounds.placeholder {
        m.insert("ui:placeholder".into(), json!(p));
    }
    m
}
