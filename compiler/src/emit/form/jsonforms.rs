//! `form.jsonforms.json`: a JSON Forms UI schema for the merged form.
//!
//! A `VerticalLayout` of Groups: 办理情形 (the situations), 基本信息 (the shared fields), then one
//! Group per item section titled with its item and department. A conditional part (a section
//! or shared field that does not apply in every scenario) gets a `SHOW` rule whose condition is
//! the `if` of its `form.schema.json` entry, and its Control's scope points into that entry's
//! `then`, which JSON Forms maps to the same data path as a top-level property. A section's field
//! with its own `when` gets the same: a `SHOW` rule, and a scope into the `then` defining it. A
//! field's `placeholder` or `hint` is its Control's `options.placeholder`.

use super::schema::section_title;
use super::ui::{is_long_text, RADIO_MAX, SHARED, SITUATIONS};
use super::{form_schema, if_schema};
use crate::ir::form::{Bounds, Form, LocalField, Scalar, Ty};
use serde_json::{json, Map, Value};
use yjs_artifacts::Condition;

/// The merged form's JSON Forms UI schema.
pub fn jsonforms_schema(form: &Form) -> Value {
    let schema = form_schema(form);
    let mut elements = Vec::new();
    let situations: Vec<Value> = form
        .situations
        .iter()
        .map(|q| {
            // A multi-select situation is an array: JSON Forms draws it as a list of choices.
            let radio = !q.multi && (q.is_bool || q.options.len() <= RADIO_MAX);
            control(&scope_of(&schema, &q.id), radio.then_some("radio"))
        })
        .collect();
    elements.push(group(SITUATIONS, situations, None));
    let shared: Vec<Value> = form
        .shared
        .iter()
        .map(|f| {
            let mut c = field_control(&scope_of(&schema, &f.id), &f.ty, &f.bounds);
            if !f.applies.is_always() {
                c.insert("rule".into(), show(&f.applies));
            }
            Value::Object(c)
        })
        .collect();
    if !shared.is_empty() {
        elements.push(group(SHARED, shared, None));
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        let base = scope_of(&schema, &it.id);
        let mut fields = locals(&base, &it.locals);
        // A field with its own `when`: its scope is in the `then` that defines it, and it is
        // shown while that holds.
        for (c, f) in fields.iter_mut().zip(&it.locals) {
            if f.applies.is_always() {
                continue;
            }
            if let Value::Object(c) = c {
                c.insert("scope".into(), json!(field_scope(&schema, &it.id, &f.id)));
                c.insert("rule".into(), show(&f.applies));
            }
        }
        let rule = (!it.applies.is_always()).then(|| show(&it.applies));
        elements.push(group(&section_title(it), fields, rule));
    }
    json!({ "type": "VerticalLayout", "elements": elements })
}

/// The Controls of an object's fields, under the object's scope.
fn locals(base: &str, fields: &[LocalField]) -> Vec<Value> {
    fields
        .iter()
        .map(|f| {
            Value::Object(field_control(
                &format!("{base}/properties/{}", f.id),
                &f.ty,
                &f.bounds,
            ))
        })
        .collect()
}

fn field_control(scope: &str, ty: &Ty, bounds: &Bounds) -> Map<String, Value> {
    let format = match ty {
        Ty::Scalar(Scalar::Bool) => Some("radio"),
        Ty::Choice {
            multi: false,
            options,
        } if options.len() <= RADIO_MAX => Some("radio"),
        _ => None,
    };
    let Value::Object(mut c) = control(scope, format) else {
        return Map::new();
    };
    let mut options = match c.remove("options") {
        Some(Value::Object(o)) => o,
        _ => Map::new(),
    };
    if is_long_text(ty, bounds) {
        options.insert("multi".into(), json!(true));
    }
    // As in `form.ui.json`: what to type goes into the empty input (the vanilla text and
    // textarea cells read `options.placeholder`), and the help, the schema's `description`,
    // stays visible rather than only while the input has focus, as RJSF shows it.
    if let Some(p) = bounds.placeholder.as_ref().or(bounds.hint.as_ref()) {
        options.insert("placeholder".into(), json!(p));
    }
    if bounds.help.is_some() {
        options.insert("showUnfocusedDescription".into(), json!(true));
    }
    if !options.is_empty() {
        c.insert("options".into(), Value::Object(options));
    }
    c
}

fn control(scope: &str, format: Option<&str>) -> Value {
    let mut c = Map::new();
    c.insert("type".into(), json!("Control"));
    c.insert("scope".into(), json!(scope));
    if let Some(f) = format {
        c.insert("options".into(), json!({ "format": f }));
    }
    Value::Object(c)
}

fn group(label: &str, elements: Vec<Value>, rule: Option<Value>) -> Value {
    let mut g = Map::new();
    g.insert("type".into(), json!("Group"));
    g.insert("label".into(), json!(label));
    g.insert("elements".into(), Value::Array(elements));
    if let Some(r) = rule {
        g.insert("rule".into(), r);
    }
    Value::Object(g)
}

/// Shown while the condition holds (an unanswered situation counts as not holding).
fn show(c: &Condition) -> Value {
    json!({ "effect": "SHOW", "condition": { "scope": "#", "schema": if_schema(c) } })
}

/// The scope of a section's field that has its own `when`: in the `then` of the `allOf` entry
/// that defines it.
fn field_scope(schema: &Value, section: &str, name: &str) -> String {
    let all = schema["allOf"].as_array().map_or(&[][..], Vec::as_slice);
    match all.iter().position(|r| {
        r["then"]["properties"][section]["properties"]
            .get(name)
            .is_some()
    }) {
        Some(i) => format!("#/allOf/{i}/then/properties/{section}/properties/{name}"),
        None => format!("#/properties/{section}/properties/{name}"),
    }
}

/// The scope of a top-level property: `#/properties/<name>`, or, for a conditional part, the
/// `then` of the `allOf` entry that defines it.
fn scope_of(schema: &Value, name: &str) -> String {
    if schema["properties"].get(name).is_some() {
        return format!("#/properties/{name}");
    }
    let all = schema["allOf"].as_array().map_or(&[][..], Vec::as_slice);
    match all
        .iter()
        .position(|r| r["then"]["properties"].get(name).is_some())
    {
        Some(i) => format!("#/allOf/{i}/then/properties/{name}"),
        None => format!("#/properties/{name}"),
    }
}
