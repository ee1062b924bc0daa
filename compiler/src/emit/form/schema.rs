//! `form.schema.json`: the merged form as one draft-07 JSON Schema.
//!
//! Top level: one property per situation (always required), one per shared field that some item
//! binds, and one object per item that has local fields. Requiredness that depends on situations
//! is a flat top-level `allOf` of `if`/`then`, grouped by condition in first-use order.

use super::fields::{self, Style};
use super::{if_schema, question_schema, DRAFT_07, GENERATED};
use crate::ir::cond;
use crate::ir::form::{Form, Ty};
use serde_json::{json, Map, Value};
use yjs_artifacts::Condition;

/// The merged form's schema.
pub fn form_schema(form: &Form) -> Value {
    let style = Style { sources: true };
    let mut props = Map::new();
    let mut required: Vec<Value> = Vec::new();
    let mut rules = Rules::default();
    for q in &form.situations {
        props.insert(q.id.clone(), question_schema(q));
        required.push(json!(q.id));
    }
    for f in &form.shared {
        let mut m = fields::field(&f.label, &f.ty, &f.bounds, &f.sources, style);
        m.insert("x-yjs-items".into(), json!(f.items));
        if !f.applies.is_always() {
            m.insert("x-yjs-applies".into(), json!(f.applies));
        }
        props.insert(f.id.clone(), Value::Object(m));
        match &f.required {
            Some(Condition::Always) => required.push(json!(f.id)),
            Some(c) => rules.need(c, &[], &f.id),
            None => {}
        }
        list_rules(&f.ty, &[f.id.as_str()], &mut rules);
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        let mut entry = fields::entry(&it.locals, style);
        // Local requirements hold only while the item applies: when the item is conditional,
        // every one of them is an `if`/`then` rule, and the object lists none of its own.
        if it.applies.is_always() {
            required.push(json!(it.id));
        } else {
            entry.remove("required");
            rules.need(&it.applies, &[], &it.id);
        }
        for f in &it.locals {
            match &f.required {
                Some(Condition::Always) if it.applies.is_always() => {}
                Some(r) => rules.need(&cond::and(it.applies.clone(), r.clone()), &[&it.id], &f.id),
                None => {}
            }
            list_rules(&f.ty, &[it.id.as_str(), f.id.as_str()], &mut rules);
        }
        let mut m = Map::new();
        m.insert("title".into(), json!(it.name));
        m.insert("description".into(), json!(it.department_name));
        m.extend(entry);
        if !it.applies.is_always() {
            m.insert("x-yjs-applies".into(), json!(it.applies));
        }
        props.insert(it.id.clone(), Value::Object(m));
    }
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!(DRAFT_07));
    schema.insert("$comment".into(), json!(GENERATED));
    schema.insert("title".into(), json!(form.name));
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(props));
    schema.insert("required".into(), Value::Array(required));
    schema.insert("additionalProperties".into(), json!(false));
    if !rules.0.is_empty() {
        let all = rules
            .0
            .into_iter()
            .map(|(c, then)| json!({ "if": if_schema(&c), "then": then.to_json() }))
            .collect();
        schema.insert("allOf".into(), Value::Array(all));
    }
    Value::Object(schema)
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

    fn to_json(&self) -> Value {
        let mut m = Map::new();
        if !self.required.is_empty() {
            m.insert("required".into(), json!(self.required));
        }
        if !self.properties.is_empty() {
            let props: Map<String, Value> = self
                .properties
                .iter()
                .map(|(k, t)| (k.clone(), t.to_json()))
                .collect();
            m.insert("properties".into(), Value::Object(props));
        }
        if let Some(items) = &self.items {
            m.insert("items".into(), items.to_json());
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
