//! `form.schema.json`: the merged form as one draft-07 JSON Schema in standard keywords only.
//!
//! Top level: one property per situation (always required), one per shared field that some item
//! binds, and one object per item that has local fields. A field or section whose items do not
//! apply in every scenario is **conditional**: it is defined only in the `then` of an `if` over
//! the situations (so a renderer draws it only while it applies), and the `else` refuses it; the
//! root lists every name under `propertyNames` instead of `additionalProperties: false`, which
//! would see only the unconditional ones. A section's field with its own `when` is defined the
//! same way, inside its section's object, by an entry of its own after the section's.
//! Requiredness that depends on situations is further
//! `if`/`then` rules, grouped by condition in first-use order. Every `if`/`then`/`else` defines the
//! names it requires under `properties`, and every object schema says `type: object` (Ajv strict).

use super::fields;
use super::{cond_schema, if_schema, question_schema, DRAFT_07, GENERATED};
use crate::ir::cond;
use crate::ir::form::{Form, Ty};
use serde_json::{json, Map, Value};
use yjs_artifacts::Condition;

use yjs_artifacts::plan::RULE_COMMENT;

/// A rule between situations: once its situations are answered, its condition must hold. The
/// condition sits under a double `not` (the same meaning): RJSF draws an `anyOf` or `oneOf` it
/// meets as a choice of schemas, an extra control, but never draws a `not`.
fn rule_schema(r: &yjs_artifacts::SituationRule) -> Value {
    let sits: Vec<&str> = r.condition.situations();
    let defined: Map<String, Value> = sits.iter().map(|s| (s.to_string(), json!({}))).collect();
    json!({
        "$comment": RULE_COMMENT,
        "description": r.text,
        "if": { "properties": defined, "required": sits },
        "then": { "not": { "not": cond_schema(&r.condition) } }
    })
}

/// The merged form's schema.
pub fn form_schema(form: &Form) -> Value {
    let mut props = Map::new();
    let mut names: Vec<Value> = Vec::new();
    let mut required: Vec<Value> = Vec::new();
    let mut presence = Presence::default();
    let mut rules = Rules::default();
    for q in &form.situations {
        props.insert(q.id.clone(), question_schema(q));
        names.push(json!(q.id));
        required.push(json!(q.id));
    }
    for f in &form.shared {
        let m = Value::Object(fields::field(&f.label, &f.ty, &f.bounds));
        names.push(json!(f.id));
        match &f.required {
            Some(Condition::Always) => required.push(json!(f.id)),
            // A conditional field's requirement implies its presence: both hold together.
            Some(c) if *c == f.applies => presence.require(c, &f.id),
            Some(c) => rules.need(c, &[], &f.id),
            None => {}
        }
        if f.applies.is_always() {
            props.insert(f.id.clone(), m);
        } else {
            presence.define(&f.applies, &f.id, m);
        }
        list_rules(&f.ty, &[f.id.as_str()], &mut rules);
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        let mut entry = fields::section(&it.locals);
        // The section's unconditional requirements hold whenever it is there; the rest are rules.
        for f in &it.locals {
            match &f.required {
                Some(Condition::Always) => {}
                Some(r) => rules.need(&cond::and(it.applies.clone(), r.clone()), &[&it.id], &f.id),
                None => {}
            }
            list_rules(&f.ty, &[it.id.as_str(), f.id.as_str()], &mut rules);
        }
        let mut m = Map::new();
        m.insert("title".into(), json!(section_title(it)));
        m.append(&mut entry);
        names.push(json!(it.id));
        if it.applies.is_always() {
            required.push(json!(it.id));
            props.insert(it.id.clone(), Value::Object(m));
        } else {
            presence.define(&it.applies, &it.id, Value::Object(m));
            presence.require(&it.applies, &it.id);
        }
        // A field with its own `when` is defined inside the section only while that holds;
        // after the section's own entry, so that a reader looking for the section finds that.
        for f in it.locals.iter().filter(|f| !f.applies.is_always()) {
            let m = Value::Object(fields::field(&f.label, &f.ty, &f.bounds));
            presence.define_in(&f.applies, &it.id, &f.id, m);
        }
    }
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!(DRAFT_07));
    schema.insert("$comment".into(), json!(GENERATED));
    schema.insert("title".into(), json!(form.name));
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(props));
    schema.insert("required".into(), Value::Array(required));
    if presence.0.is_empty() {
        schema.insert("additionalProperties".into(), json!(false));
    } else {
        schema.insert("propertyNames".into(), json!({ "enum": names }));
    }
    let all: Vec<Value> = presence
        .0
        .into_iter()
        .map(|((c, section), p)| p.to_json(&c, section.as_deref()))
        .chain(
            rules
                .0
                .into_iter()
                .map(|(c, then)| json!({ "if": if_schema(&c), "then": then.to_json() })),
        )
        .chain(form.rules.iter().map(rule_schema))
        .collect();
    if !all.is_empty() {
        schema.insert("allOf".into(), Value::Array(all));
    }
    Value::Object(schema)
}

/// The conditional parts of the form, one group per distinct condition (and section) in
/// first-use order: the fields and sections defined while it holds, and which of them are then
/// required. A group with a section holds fields of that item's section (their own `when`).
#[derive(Default)]
struct Presence(Vec<((Condition, Option<String>), Part)>);

#[derive(Default)]
struct Part {
    defined: Vec<(String, Value)>,
    required: Vec<String>,
}

impl Presence {
    fn part(&mut self, c: &Condition, section: Option<&str>) -> &mut Part {
        let key = (c.clone(), section.map(str::to_string));
        let i = match self.0.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                self.0.push((key, Part::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    fn define(&mut self, c: &Condition, name: &str, schema: Value) {
        self.part(c, None).defined.push((name.to_string(), schema));
    }

    /// `name`, a field of `section`, is defined while `c` holds.
    fn define_in(&mut self, c: &Condition, section: &str, name: &str, schema: Value) {
        let part = self.part(c, Some(section));
        part.defined.push((name.to_string(), schema));
    }

    fn require(&mut self, c: &Condition, name: &str) {
        self.part(c, None).required.push(name.to_string());
    }
}

impl Part {
    /// `if` the condition holds, `then` the parts are defined (and some required), `else` none of
    /// them may be given. In a section, the parts are fields of that item's object.
    fn to_json(&self, c: &Condition, section: Option<&str>) -> Value {
        let defined: Map<String, Value> = self.defined.iter().cloned().collect();
        let mut then = Map::new();
        match section {
            None => then.insert("properties".into(), Value::Object(defined)),
            Some(s) => then.insert(
                "properties".into(),
                json!({ s: { "type": "object", "properties": defined } }),
            ),
        };
        if !self.required.is_empty() {
            then.insert("required".into(), json!(self.required));
        }
        let absent: Vec<Value> = self
            .defined
            .iter()
            .map(|(name, _)| {
                let here = json!({ "properties": { name: {} }, "required": [name] });
                match section {
                    None => here,
                    Some(s) => {
                        let mut inner = here;
                        inner["type"] = json!("object");
                        json!({ "properties": { s: inner }, "required": [s] })
                    }
                }
            })
            .collect();
        let refuse = match absent.as_slice() {
            [one] => one.clone(),
            _ => json!({ "anyOf": absent }),
        };
        json!({ "if": if_schema(c), "then": then, "else": { "not": refuse } })
    }
}

/// Conditional requirements inside list entries: `required when` on a list's field.
fn list_rules(ty: &Ty, path: &[&str], rules: &mut Rules) {
    let Ty::List(fields) = ty else { return };
    for f in fields {
        if let Some(c) = f.required.as_ref().filter(|c| !c.is_always()) {
            rules.need_in_entries(c, path, &f.id);
        }
        let mut deeper: Vec<&str> = path.to_vec();
        deeper.push("[]");
        deeper.push(&f.id);
        list_rules(&f.ty, &deeper, rules);
    }
}

/// One `then` clause: names required at this level, and deeper levels by property or `items`.
#[derive(Default)]
struct Then {
    required: Vec<String>,
    properties: Vec<(String, Then)>,
    items: Option<Box<Then>>,
}

impl Then {
    /// The node at `path` (`[]` steps into list entries), created on the way.
    fn at(&mut self, path: &[&str]) -> &mut Then {
        let Some((first, rest)) = path.split_first() else {
            return self;
        };
        if *first == "[]" {
            return self.items.get_or_insert_with(Default::default).at(rest);
        }
        let i = match self.properties.iter().position(|(k, _)| k == first) {
            Some(i) => i,
            None => {
                self.properties
                    .push(((*first).to_string(), Then::default()));
                self.properties.len() - 1
            }
        };
        // A nested object is itself required where something inside it is.
        if !self.required.iter().any(|r| r == first) {
            self.required.push((*first).to_string());
        }
        self.properties[i].1.at(rest)
    }

    /// The clause as a schema; a nested one (`nested`) is an object's or an array's schema and
    /// says so with `type`, and every name under `required` is defined under `properties`.
    fn to_json(&self) -> Value {
        self.json(None)
    }

    fn json(&self, ty: Option<&str>) -> Value {
        let mut m = Map::new();
        if let Some(ty) = ty {
            m.insert("type".into(), json!(ty));
        }
        let mut props: Map<String, Value> = self
            .properties
            .iter()
            .map(|(k, t)| {
                let ty = if t.items.is_some() { "array" } else { "object" };
                (k.clone(), t.json(Some(ty)))
            })
            .collect();
        for r in &self.required {
            props.entry(r.clone()).or_insert_with(|| json!({}));
        }
        if !props.is_empty() {
            m.insert("properties".into(), Value::Object(props));
        }
        if !self.required.is_empty() {
            m.insert("required".into(), json!(self.required));
        }
        if let Some(items) = &self.items {
            m.insert("items".into(), items.json(Some("object")));
        }
        Value::Object(m)
    }
}

/// The `if`/`then` rules, one per distinct condition, in first-use order.
#[derive(Default)]
struct Rules(Vec<(Condition, Then)>);

impl Rules {
    fn then(&mut self, c: &Condition) -> &mut Then {
        let i = match self.0.iter().position(|(k, _)| k == c) {
            Some(i) => i,
            None => {
                self.0.push((c.clone(), Then::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    /// `name` (under the object at `path`) is required when `c` holds.
    fn need(&mut self, c: &Condition, path: &[&str], name: &str) {
        let node = self.then(c).at(path);
        if !node.required.iter().any(|r| r == name) {
            node.required.push(name.to_string());
        }
    }

    /// `name` is required in every entry of the list at `path` when `c` holds; the list itself
    /// is not made required.
    fn need_in_entries(&mut self, c: &Condition, path: &[&str], name: &str) {
        let then = self.then(c);
        let mut node = then;
        for step in path {
            if *step == "[]" {
                node = node.items.get_or_insert_with(Default::default);
                continue;
            }
            let i = match node.properties.iter().position(|(k, _)| k == step) {
                Some(i) => i,
                None => {
                    node.properties.push(((*step).to_string(), Then::default()));
                    node.properties.len() - 1
                }
            };
            node = &mut node.properties[i].1;
        }
        let entries = node.items.get_or_insert_with(Default::default);
        if !entries.required.iter().any(|r| r == name) {
            entries.required.push(name.to_string());
        }
    }
}

/// A section's title: the item and its department, `出生登记（市公安局）`.
pub fn section_title(it: &crate::ir::form::ItemForm) -> String {
    format!("{}（{}）", it.name, it.department_name)
}
