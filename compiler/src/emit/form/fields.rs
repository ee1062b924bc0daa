//! JSON Schema (draft-07) for one field: its type and its constraints, in standard keywords only.
//!
//! Identifiers whose check digits JSON Schema cannot express get a custom `format` (`id-card`,
//! `uscc`, `region-code`, implemented by the build's `formats.mjs`) next to their `pattern`, so a
//! validator that does not know the format still applies the pattern. Text must contain a
//! character that is not blank (`pattern: "\\S"`); yes/no fields list 是/否 as `oneOf` titles.

use crate::ir::form::{Bounds, ChoiceOption, LocalField, Scalar, Ty};
use serde_json::{json, Map, Value};
use yjs_artifacts::validators::pattern;

/// The pattern every text value matches: at least one character that is not blank.
pub const NOT_BLANK: &str = "\\S";

/// The custom formats of the identifiers, by field type: `(type, format)`.
pub const FORMATS: [(Scalar, &str); 3] = [
    (Scalar::IdCard, "id-card"),
    (Scalar::Uscc, "uscc"),
    (Scalar::Region, "region-code"),
];

/// The schema of one field: `title`, `description`, the type's keywords, then the constraints.
pub fn field(label: &str, ty: &Ty, bounds: &Bounds) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("title".into(), json!(label));
    if let Some(h) = &bounds.help {
        m.insert("description".into(), json!(h));
    }
    type_keywords(ty, &mut m);
    keywords(bounds, &mut m);
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
    for d in &bounds.dates {
        extra.push(json!({ "format": d.format() }));
    }
    if !extra.is_empty() {
        m.insert("allOf".into(), Value::Array(extra));
    }
    if let Some(d) = &bounds.default {
        m.insert("default".into(), d.clone());
    }
}

/// The keywords a type implies.
fn type_keywords(ty: &Ty, m: &mut Map<String, Value>) {
    let domain = |m: &mut Map<String, Value>, p: &str, s: Scalar| {
        m.insert("type".into(), json!("string"));
        if let Some((_, format)) = FORMATS.iter().find(|(t, _)| *t == s) {
            m.insert("format".into(), json!(format));
        }
        m.insert("pattern".into(), json!(p));
    };
    match ty {
        Ty::Scalar(Scalar::Text | Scalar::File) => {
            m.insert("type".into(), json!("string"));
            m.insert("pattern".into(), json!(NOT_BLANK));
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
            m.extend(yes_no());
        }
        Ty::Scalar(s @ Scalar::IdCard) => domain(m, pattern::ID_CARD, *s),
        Ty::Scalar(s @ Scalar::Uscc) => domain(m, pattern::USCC, *s),
        Ty::Scalar(s @ Scalar::Region) => domain(m, pattern::REGION, *s),
        Ty::Scalar(s @ Scalar::Mobile) => domain(m, pattern::MOBILE, *s),
        Ty::Scalar(s @ Scalar::Phone) => domain(m, pattern::PHONE, *s),
        Ty::Scalar(s @ Scalar::Email) => domain(m, pattern::EMAIL, *s),
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
            m.insert("items".into(), Value::Object(entry(fields)));
        }
    }
}

/// The object schema of one list entry; sub-fields required unconditionally are listed under
/// `required` (conditional ones are added by the caller through `if`/`then`).
pub fn entry(fields: &[LocalField]) -> Map<String, Value> {
    object(fields.iter(), None)
}

/// The object schema of an item's section: like [`entry`], but a field with its own `when` is
/// defined by a conditional part of the form (`schema.rs`) instead, and then the section lists
/// every name under `propertyNames` (`additionalProperties: false` would see only the others).
pub fn section(fields: &[LocalField]) -> Map<String, Value> {
    if fields.iter().all(|f| f.applies.is_always()) {
        return entry(fields);
    }
    let names: Vec<Value> = fields.iter().map(|f| json!(f.id)).collect();
    object(fields.iter().filter(|f| f.applies.is_always()), Some(names))
}

fn object<'a>(
    fields: impl Iterator<Item = &'a LocalField>,
    names: Option<Vec<Value>>,
) -> Map<String, Value> {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in fields {
        props.insert(
            f.id.clone(),
            Value::Object(field(&f.label, &f.ty, &f.bounds)),
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
    match names {
        Some(names) => m.insert("propertyNames".into(), json!({ "enum": names })),
        None => m.insert("additionalProperties".into(), json!(false)),
    };
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

/// A yes/no value: `type: boolean` with 是/否 as the titles of its two constants, which both
/// renderers show instead of their own "Yes"/"No".
pub fn yes_no() -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), json!("boolean"));
    m.insert(
        "oneOf".into(),
        json!([{ "const": true, "title": "是" }, { "const": false, "title": "否" }]),
    );
    m
}
