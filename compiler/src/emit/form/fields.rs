//! JSON Schema (draft-07) for one field: its type, its constraints and its provenance.

use crate::ir::form::{Bounds, ChoiceOption, LocalField, Scalar, Source, Ty};
use serde_json::{json, Map, Value};
use yjs_artifacts::validators::pattern;

/// How field annotations look.
#[derive(Clone, Copy)]
pub struct Style {
    /// Add `x-yjs-sources` to each field.
    pub sources: bool,
}

/// The schema of one field: `title`, `description`, the type's keywords, then the constraints.
pub fn field(
    label: &str,
    ty: &Ty,
    bounds: &Bounds,
    sources: &[Source],
    style: Style,
) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("title".into(), json!(label));
    if let Some(h) = &bounds.help {
        m.insert("description".into(), json!(h));
    }
    type_keywords(ty, style, &mut m);
    keywords(bounds, &mut m);
    if style.sources && !sources.is_empty() {
        m.insert("x-yjs-sources".into(), sources_json(sources));
    }
    m
}

/// The JSON Schema keywords for a field's value constraints (no title, no type).
pub fn keywords(bounds: &Bounds, m: &mut Map<String, Value>) {
    let num = |b: &Option<Box<crate::ir::form::Bound>>| {
        b.as_ref().map(|b| Value::Number(b.value.clone()))
    };
    for (key, v) in [
        ("minimum", num(&bounds.min)),
        ("maximum", num(&bounds.max)),
        ("minLength", num(&bounds.min_length)),
        ("maxLength", num(&bounds.max_length)),
        ("minItems", num(&bounds.min_items)),
        ("maxItems", num(&bounds.max_items)),
    ] {
        if let Some(v) = v {
            m.insert(key.into(), v);
        }
    }
    let mut extra = Vec::new();
    for p in &bounds.patterns {
        if m.contains_key("pattern") {
            extra.push(json!({ "pattern": p.pattern }));
        } else {
            m.insert("pattern".into(), json!(p.pattern));
        }
    }
    if !extra.is_empty() {
        m.insert("allOf".into(), Value::Array(extra));
    }
    if let Some(d) = &bounds.default {
        m.insert("default".into(), d.clone());
    }
}

/// The keywords a type implies.
fn type_keywords(ty: &Ty, style: Style, m: &mut Map<String, Value>) {
    let domain = |m: &mut Map<String, Value>, p: &str, name: &str| {
        m.insert("type".into(), json!("string"));
        m.insert("pattern".into(), json!(p));
        m.insert("x-yjs-type".into(), json!(name));
    };
    match ty {
        Ty::Scalar(Scalar::Text) => {
            m.insert("type".into(), json!("string"));
        }
        Ty::Scalar(Scalar::Integer) => {
            m.insert("type".into(), json!("integer"));
        }
        Ty::Scalar(Scalar::Decimal) => {
            m.insert("type".into(), json!("number"));
        }
        Ty::Scalar(Scalar::Money) => {
            m.insert("type".into(), json!("number"));
            m.insert("multipleOf".into(), json!(0.01));
            m.insert("x-yjs-type".into(), json!("money"));
        }
        Ty::Scalar(Scalar::Date) => {
            m.insert("type".into(), json!("string"));
            m.insert("format".into(), json!("date"));
        }
        Ty::Scalar(Scalar::Datetime) => {
            m.insert("type".into(), json!("string"));
            m.insert("format".into(), json!("date-time"));
        }
        Ty::Scalar(Scalar::Bool) => {
            m.insert("type".into(), json!("boolean"));
        }
        Ty::Scalar(Scalar::IdCard) => domain(m, pattern::ID_CARD, "id_card"),
        Ty::Scalar(Scalar::Uscc) => domain(m, pattern::USCC, "uscc"),
        Ty::Scalar(Scalar::Region) => domain(m, pattern::REGION, "region"),
        Ty::Scalar(Scalar::Mobile) => domain(m, pattern::MOBILE, "mobile"),
        Ty::Scalar(Scalar::Phone) => domain(m, pattern::PHONE, "phone"),
        Ty::Scalar(Scalar::Email) => domain(m, pattern::EMAIL, "email"),
        Ty::Scalar(Scalar::File) => {
            m.insert("type".into(), json!("string"));
            m.insert("x-yjs-type".into(), json!("file"));
        }
        Ty::Choice {
            multi: false,
            options,
        } => {
            m.insert("type".into(), json!("string"));
            m.insert("oneOf".into(), one_of(options));
        }
        Ty::Choice {
            multi: true,
            options,
        } => {
            m.insert("type".into(), json!("array"));
            m.insert("uniqueItems".into(), json!(true));
            m.insert(
                "items".into(),
                json!({ "type": "string", "oneOf": one_of(options) }),
            );
        }
        Ty::List(fields) => {
            m.insert("type".into(), json!("array"));
            m.insert("items".into(), Value::Object(entry(fields, style)));
        }
    }
}

/// The object schema of one list entry; sub-fields required unconditionally are listed under
/// `required` (conditional ones are added by the caller through `if`/`then`).
pub fn entry(fields: &[LocalField], style: Style) -> Map<String, Value> {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in fields {
        props.insert(
            f.id.clone(),
            Value::Object(field(&f.label, &f.ty, &f.bounds, &f.sources, style)),
        );
        if f.required == Some(yjs_artifacts::Condition::Always) {
            required.push(json!(f.id));
        }
    }
    let mut m = Map::new();
    m.insert("type".into(), json!("object"));
    m.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        m.insert("required".into(), Value::Array(required));
    }
    m.insert("additionalProperties".into(), json!(false));
    m
}

/// `oneOf` of `{const, title}` for labelled options.
pub fn one_of(options: &[ChoiceOption]) -> Value {
    Value::Array(
        options
            .iter()
            .map(|o| json!({ "const": o.id, "title": o.label }))
            .collect(),
    )
}

/// `x-yjs-sources`: one `{item, department, constraint, at}` per contributing constraint.
pub fn sources_json(sources: &[Source]) -> Value {
    Value::Array(
        sources
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
    )
}
