//! `form.ui.json`: the RJSF uiSchema of the merged form.
//!
//! `ui:order` lists the situations first, then the shared fields, then one section per item with
//! local fields; `ui:groups` names the groups a small `ObjectFieldTemplate` draws (办理情形,
//! 基本信息; each section is its own group under its title). Yes/no questions and choices with at
//! most four options use radio buttons, multi-select situations checkboxes, long text a textarea.
//! Help is the schema's `description`, which RJSF shows once; the uiSchema adds only placeholders.

use super::schema::section_title;
use crate::ir::form::{Bounds, Form, LocalField, Scalar, Ty};
use serde_json::{json, Map, Value};

/// The most options a choice may have and still be shown as radio buttons.
pub const RADIO_MAX: usize = 4;

/// The shortest `max_length` for which text gets a textarea (and text without `max_length`
/// does not: names and numbers are usually short).
pub const TEXTAREA_MIN: u64 = 100;

/// The title of the situation questions' group.
pub const SITUATIONS: &str = "办理情形";

/// The submit button's text.
pub const SUBMIT: &str = "提交申请";

/// The title of the shared fields' group.
pub const SHARED: &str = "基本信息";

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
    let sections: Vec<_> = form.items.iter().filter(|i| !i.locals.is_empty()).collect();
    for it in &sections {
        order.push(json!(it.id));
        let mut m = group_ui(&it.locals);
        m.insert("ui:title".into(), json!(section_title(it)));
        ui.insert(it.id.clone(), Value::Object(m));
    }
    let mut groups = vec![json!({
        "title": SITUATIONS,
        "fields": form.situations.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
    })];
    if !form.shared.is_empty() {
        groups.push(json!({
            "title": SHARED,
            "fields": form.shared.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
        }));
    }
    for it in &sections {
        groups.push(json!({ "title": null, "fields": [it.id] }));
    }
    let mut out = Map::new();
    out.insert("ui:order".into(), Value::Array(order));
    out.insert("ui:groups".into(), Value::Array(groups));
    out.insert(
        "ui:submitButtonOptions".into(),
        json!({ "submitText": SUBMIT }),
    );
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

/// Whether a field is long text, drawn as a textarea.
pub fn is_long_text(ty: &Ty, bounds: &Bounds) -> bool {
    matches!(ty, Ty::Scalar(Scalar::Text))
        && bounds
            .max_length
            .as_ref()
            .and_then(|b| b.value.as_u64())
            .is_some_and(|n| n >= TEXTAREA_MIN)
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
        _ if is_long_text(ty, bounds) => {
            m.insert("ui:widget".into(), json!("textarea"));
        }
        _ => {}
    }
    if let Some(p) = bounds.placeholder.as_ref().or(bounds.hint.as_ref()) {
        m.insert("ui:placeholder".into(), json!(p));
    }
    m
}
