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

use super::fields::{FieldSchema, ObjectSchema};
use super::json::{Empty, Keys, One, Seq};
use super::{CondSchema, IfSchema, QuestionSchema, DRAFT_07, GENERATED};
use crate::ir::cond;
use crate::ir::form::{Form, ItemForm, Question, Ty};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::ser::{Serialize, SerializeMap, Serializer};
use yjs_artifacts::plan::RULE_COMMENT;
use yjs_artifacts::{Condition, SituationRule};

/// The merged form's schema, borrowing the IR; serializing it writes `form.schema.json`.
pub struct FormSchema<'a> {
    form: &'a Form,
    /// The unconditional top-level properties, in order.
    props: Vec<(&'a str, Def<'a>)>,
    /// Every top-level name (for `propertyNames`).
    names: Vec<&'a str>,
    required: Vec<&'a str>,
    presence: Presence<'a>,
    rules: Rules,
}

/// What a property is defined as.
#[derive(Clone, Copy)]
enum Def<'a> {
    Question(&'a Question),
    Field(FieldSchema<'a>),
    Section(&'a ItemForm),
}

impl Serialize for Def<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Def::Question(q) => QuestionSchema(q).serialize(s),
            Def::Field(f) => f.serialize(s),
            Def::Section(it) => {
                let mut m = s.serialize_map(None)?;
                m.serialize_entry("title", &section_title(it))?;
                ObjectSchema::section(&it.locals).entries(&mut m)?;
                m.end()
            }
        }
    }
}

/// A rule between situations: once its situations are answered, its condition must hold. The
/// condition sits under a double `not` (the same meaning): RJSF draws an `anyOf` or `oneOf` it
/// meets as a choice of schemas, an extra control, but never draws a `not`.
struct RuleSchema<'a>(&'a SituationRule);

impl Serialize for RuleSchema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let sits: Vec<&str> = r.condition.situations();
        let mut seen = FxHashSet::default();
        let defined = sits.iter().filter(|s| seen.insert(**s)).collect::<Vec<_>>();
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("$comment", RULE_COMMENT)?;
        m.serialize_entry("description", &r.text)?;
        m.serialize_entry("if", &IfRequired(Keys(defined.iter(), Empty), &sits))?;
        m.serialize_entry("then", &One("not", One("not", CondSchema(&r.condition))))?;
        m.end()
    }
}

/// `{ "properties": …, "required": … }`.
struct IfRequired<'a, P: Serialize>(P, &'a [&'a str]);

impl<P: Serialize> Serialize for IfRequired<'_, P> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("properties", &self.0)?;
        m.serialize_entry("required", self.1)?;
        m.end()
    }
}

/// The merged form's schema.
pub fn form_schema(form: &Form) -> FormSchema<'_> {
    let mut props = Vec::new();
    let mut names = Vec::new();
    let mut required = Vec::new();
    let mut presence = Presence::default();
    let mut rules = Rules::default();
    for q in &form.situations {
        props.push((q.id.as_str(), Def::Question(q)));
        names.push(q.id.as_str());
        required.push(q.id.as_str());
    }
    for f in &form.shared {
        let m = Def::Field(FieldSchema::new(&f.label, &f.ty, &f.bounds));
        names.push(&f.id);
        match &f.required {
            Some(Condition::Always) => required.push(&f.id),
            // A conditional field's requirement implies its presence: both hold together.
            Some(c) if *c == f.applies => presence.require(c, &f.id),
            Some(c) => rules.need(c, &[], &f.id),
            None => {}
        }
        if f.applies.is_always() {
            props.push((&f.id, m));
        } else {
            presence.define(&f.applies, &f.id, m);
        }
        list_rules(&f.ty, &[f.id.as_str()], &mut rules);
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        // The section's unconditional requirements hold whenever it is there; the rest are rules.
        for f in &it.locals {
            match &f.required {
                Some(Condition::Always) => {}
                Some(r) => rules.need(&cond::and(it.applies.clone(), r.clone()), &[&it.id], &f.id),
                None => {}
            }
            list_rules(&f.ty, &[it.id.as_str(), f.id.as_str()], &mut rules);
        }
        names.push(&it.id);
        if it.applies.is_always() {
            required.push(&it.id);
            props.push((&it.id, Def::Section(it)));
        } else {
            presence.define(&it.applies, &it.id, Def::Section(it));
            presence.require(&it.applies, &it.id);
        }
        // A field with its own `when` is defined inside the section only while that holds;
        // after the section's own entry, so that a reader looking for the section finds that.
        for f in it.locals.iter().filter(|f| !f.applies.is_always()) {
            let m = Def::Field(FieldSchema::new(&f.label, &f.ty, &f.bounds));
            presence.define_in(&f.applies, &it.id, &f.id, m);
        }
    }
    FormSchema {
        form,
        props,
        names,
        required,
        presence,
        rules,
    }
}

impl Serialize for FormSchema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("$schema", DRAFT_07)?;
        m.serialize_entry("$comment", GENERATED)?;
        m.serialize_entry("title", &self.form.name)?;
        m.serialize_entry("type", "object")?;
        m.serialize_entry("properties", &Named(&self.props))?;
        m.serialize_entry("required", &self.required)?;
        if self.presence.0.is_empty() {
            m.serialize_entry("additionalProperties", &false)?;
        } else {
            m.serialize_entry("propertyNames", &One("enum", &self.names))?;
        }
        let parts = self
            .presence
            .0
            .iter()
            .map(|((c, section), p)| Conditional::Part(c, *section, p));
        let rules = self
            .rules
            .0
            .iter()
            .map(|(c, then)| Conditional::Rule(c, then));
        let between = self.form.rules.iter().map(Conditional::Situations);
        let all = Seq::new(parts.chain(rules).chain(between));
        if !self.presence.0.is_empty() || !self.rules.0.is_empty() || !self.form.rules.is_empty() {
            m.serialize_entry("allOf", &all)?;
        }
        m.end()
    }
}

impl<'a> FormSchema<'a> {
    /// Where JSON Forms finds each part of the form in this schema.
    pub fn scopes(&self) -> Scopes<'a> {
        let mut part = FxHashMap::default();
        let mut field = FxHashMap::default();
        for (i, ((_, section), p)) in self.presence.0.iter().enumerate() {
            match section {
                None => {
                    for (name, _) in &p.defined {
                        part.entry(*name).or_insert(i);
                    }
                }
                Some(s) => {
                    part.entry(*s).or_insert(i);
                    for (name, _) in &p.defined {
                        field.entry((*s, *name)).or_insert(i);
                    }
                }
            }
        }
        Scopes {
            top: self.props.iter().map(|(name, _)| *name).collect(),
            part,
            field,
        }
    }
}

/// Where each part of the form is defined in `form.schema.json`: at the top, or in the `then`
/// of the `allOf` entry (by index) that defines it while its condition holds.
pub struct Scopes<'a> {
    top: FxHashSet<&'a str>,
    part: FxHashMap<&'a str, usize>,
    field: FxHashMap<(&'a str, &'a str), usize>,
}

impl Scopes<'_> {
    /// The scope of a top-level property: `#/properties/<name>`, or, for a conditional part,
    /// the `then` of the `allOf` entry that defines it.
    pub fn of(&self, name: &str) -> String {
        match self.part.get(name) {
            Some(i) if !self.top.contains(name) => format!("#/allOf/{i}/then/properties/{name}"),
            _ => format!("#/properties/{name}"),
        }
    }

    /// The scope of a section's field that has its own `when`: in the `then` of the `allOf`
    /// entry that defines it.
    pub fn field(&self, section: &str, name: &str) -> String {
        match self.field.get(&(section, name)) {
            Some(i) => format!("#/allOf/{i}/then/properties/{section}/properties/{name}"),
            None => format!("#/properties/{section}/properties/{name}"),
        }
    }
}

/// Properties by name.
struct Named<'a>(&'a [(&'a str, Def<'a>)]);

impl Serialize for Named<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (name, def) in self.0 {
            m.serialize_entry(name, def)?;
        }
        m.end()
    }
}

/// One entry of the schema's `allOf`.
#[derive(Clone, Copy)]
enum Conditional<'a> {
    /// Parts of the form defined while a condition holds (in a section, when given).
    Part(&'a Condition, Option<&'a str>, &'a Part<'a>),
    /// Requirements that hold while a condition does.
    Rule(&'a Condition, &'a Then),
    /// A rule between situations.
    Situations(&'a SituationRule),
}

impl Serialize for Conditional<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Conditional::Part(c, section, part) => part.serialize(c, section, s),
            Conditional::Rule(c, then) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("if", &IfSchema(c))?;
                m.serialize_entry("then", &ThenSchema(then, None))?;
                m.end()
            }
            Conditional::Situations(r) => RuleSchema(r).serialize(s),
        }
    }
}

/// The conditional parts of the form, one group per distinct condition (and section) in
/// first-use order: the fields and sections defined while it holds, and which of them are then
/// required. A group with a section holds fields of that item's section (their own `when`).
#[derive(Default)]
struct Presence<'a>(Vec<((Condition, Option<&'a str>), Part<'a>)>);

#[derive(Default)]
struct Part<'a> {
    defined: Vec<(&'a str, Def<'a>)>,
    required: Vec<&'a str>,
}

impl<'a> Presence<'a> {
    fn part(&mut self, c: &Condition, section: Option<&'a str>) -> &mut Part<'a> {
        let i = match self
            .0
            .iter()
            .position(|((k, s), _)| *s == section && k == c)
        {
            Some(i) => i,
            None => {
                self.0.push(((c.clone(), section), Part::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    fn define(&mut self, c: &Condition, name: &'a str, schema: Def<'a>) {
        self.part(c, None).defined.push((name, schema));
    }

    /// `name`, a field of `section`, is defined while `c` holds.
    fn define_in(&mut self, c: &Condition, section: &'a str, name: &'a str, schema: Def<'a>) {
        self.part(c, Some(section)).defined.push((name, schema));
    }

    fn require(&mut self, c: &Condition, name: &'a str) {
        self.part(c, None).required.push(name);
    }
}

impl<'a> Part<'a> {
    /// `if` the condition holds, `then` the parts are defined (and some required), `else` none of
    /// them may be given. In a section, the parts are fields of that item's object.
    fn serialize<S: Serializer>(
        &self,
        c: &Condition,
        section: Option<&'a str>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("if", &IfSchema(c))?;
        m.serialize_entry("then", &PartThen(self, section))?;
        let absent = |(name, _): &(&'a str, Def<'a>)| Absent(name, section);
        match self.defined.as_slice() {
            [one] => m.serialize_entry("else", &One("not", absent(one)))?,
            many => m.serialize_entry(
                "else",
                &One("not", One("anyOf", Seq::new(many.iter().map(absent)))),
            )?,
        }
        m.end()
    }
}

/// The `then` of a conditional part: its definitions, and what of it is required.
struct PartThen<'a>(&'a Part<'a>, Option<&'a str>);

impl Serialize for PartThen<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let PartThen(part, section) = self;
        let mut m = s.serialize_map(None)?;
        let defined = Named(&part.defined);
        match section {
            None => m.serialize_entry("properties", &defined)?,
            Some(s) => m.serialize_entry("properties", &One(s, InObject(defined)))?,
        }
        if !part.required.is_empty() {
            m.serialize_entry("required", &part.required)?;
        }
        m.end()
    }
}

/// `{ "type": "object", "properties": … }`.
struct InObject<P: Serialize>(P);

impl<P: Serialize> Serialize for InObject<P> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("type", "object")?;
        m.serialize_entry("properties", &self.0)?;
        m.end()
    }
}

/// What is true when a name is given: `{ properties: { name: {} }, required: [name] }`, inside
/// its section's object when it has one.
struct Absent<'a>(&'a str, Option<&'a str>);

impl Serialize for Absent<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Absent(name, section) = *self;
        let mut m = s.serialize_map(None)?;
        match section {
            None => {
                m.serialize_entry("properties", &One(name, Empty))?;
                m.serialize_entry("required", &[name])?;
            }
            Some(s) => {
                m.serialize_entry("properties", &One(s, Absent(name, None).with_type()))?;
                m.serialize_entry("required", &[s])?;
            }
        }
        m.end()
    }
}

impl<'a> Absent<'a> {
    /// The same, saying `type: object` after (a section's object).
    fn with_type(self) -> AbsentObject<'a> {
        AbsentObject(self.0)
    }
}

/// `{ properties: { name: {} }, required: [name], type: "object" }`.
struct AbsentObject<'a>(&'a str);

impl Serialize for AbsentObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("properties", &One(self.0, Empty))?;
        m.serialize_entry("required", &[self.0])?;
        m.serialize_entry("type", "object")?;
        m.end()
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
}

/// A `then` clause as a schema; a nested one is an object's or an array's schema and says so
/// with `type`, and every name under `required` is defined under `properties`.
struct ThenSchema<'a>(&'a Then, Option<&'static str>);

impl Serialize for ThenSchema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ThenSchema(then, ty) = *self;
        let mut m = s.serialize_map(None)?;
        if let Some(ty) = ty {
            m.serialize_entry("type", ty)?;
        }
        if !then.properties.is_empty() || !then.required.is_empty() {
            m.serialize_entry("properties", &ThenProperties(then))?;
        }
        if !then.required.is_empty() {
            m.serialize_entry("required", &then.required)?;
        }
        if let Some(items) = &then.items {
            m.serialize_entry("items", &ThenSchema(items, Some("object")))?;
        }
        m.end()
    }
}

/// The nested clauses by name, then `{}` for every required name not among them.
struct ThenProperties<'a>(&'a Then);

impl Serialize for ThenProperties<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let then = self.0;
        let mut m = s.serialize_map(None)?;
        for (k, t) in &then.properties {
            let ty = if t.items.is_some() { "array" } else { "object" };
            m.serialize_entry(k, &ThenSchema(t, Some(ty)))?;
        }
        for r in &then.required {
            if !then.properties.iter().any(|(k, _)| k == r) {
                m.serialize_entry(r, &Empty)?;
            }
        }
        m.end()
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
