//! `form.jsonforms.json`: a JSON Forms UI schema for the merged form.
//!
//! A `VerticalLayout` of Groups: 办理情形 (the situations), 基本信息 (the shared fields), then one
//! Group per item section titled with its item and department. A conditional part (a section
//! or shared field that does not apply in every scenario) gets a `SHOW` rule whose condition is
//! the `if` of its `form.schema.json` entry, and its Control's scope points into that entry's
//! `then`, which JSON Forms maps to the same data path as a top-level property. A section's field
//! with its own `when` gets the same: a `SHOW` rule, and a scope into the `then` defining it. A
//! field's `placeholder` or `hint` is its Control's `options.placeholder`.

use super::schema::{section_title, Scopes};
use super::ui::{is_long_text, RADIO_MAX, SHARED, SITUATIONS};
use super::{form_schema, IfSchema};
use crate::ir::form::{Bounds, Form, LocalField, Scalar, Ty};
use serde::ser::{Serialize, SerializeMap, Serializer};
use yjs_artifacts::Condition;

/// The merged form's JSON Forms UI schema, borrowing the IR; serializing it writes
/// `form.jsonforms.json`.
pub struct JsonForms<'a> {
    groups: Vec<Group<'a>>,
}

/// The merged form's JSON Forms UI schema.
pub fn jsonforms_schema(form: &Form) -> JsonForms<'_> {
    let scopes = form_schema(form).scopes();
    let mut groups = Vec::new();
    let situations: Vec<Control> = form
        .situations
        .iter()
        .map(|q| {
            // A multi-select situation is an array: JSON Forms draws it as a list of choices.
            let radio = !q.multi && (q.is_bool || q.options.len() <= RADIO_MAX);
            Control::new(scopes.of(&q.id), radio.then_some("radio"))
        })
        .collect();
    groups.push(Group {
        label: SITUATIONS.into(),
        elements: situations,
        rule: None,
    });
    let shared: Vec<Control> = form
        .shared
        .iter()
        .map(|f| {
            let mut c = Control::field(scopes.of(&f.id), &f.ty, &f.bounds);
            if !f.applies.is_always() {
                c.rule = Some(&f.applies);
            }
            c
        })
        .collect();
    if !shared.is_empty() {
        groups.push(Group {
            label: SHARED.into(),
            elements: shared,
            rule: None,
        });
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        let base = scopes.of(&it.id);
        let fields = it
            .locals
            .iter()
            .map(|f| local(&scopes, &base, &it.id, f))
            .collect();
        let rule = (!it.applies.is_always()).then_some(&it.applies);
        groups.push(Group {
            label: section_title(it).into(),
            elements: fields,
            rule,
        });
    }
    JsonForms { groups }
}

impl Serialize for JsonForms<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("type", "VerticalLayout")?;
        m.serialize_entry("elements", &self.groups)?;
        m.end()
    }
}

/// The Control of a section's field, under the section's scope. A field with its own `when`:
/// its scope is in the `then` that defines it, and it is shown while that holds.
fn local<'a>(scopes: &Scopes<'_>, base: &str, section: &str, f: &'a LocalField) -> Control<'a> {
    if f.applies.is_always() {
        Control::field(format!("{base}/properties/{}", f.id), &f.ty, &f.bounds)
    } else {
        let mut c = Control::field(scopes.field(section, &f.id), &f.ty, &f.bounds);
        c.rule = Some(&f.applies);
        c
    }
}

/// A Group of Controls, shown while its rule's condition holds.
struct Group<'a> {
    label: std::borrow::Cow<'a, str>,
    elements: Vec<Control<'a>>,
    rule: Option<&'a Condition>,
}

impl Serialize for Group<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", "Group")?;
        m.serialize_entry("label", &self.label)?;
        m.serialize_entry("elements", &self.elements)?;
        if let Some(c) = self.rule {
            m.serialize_entry("rule", &Show(c))?;
        }
        m.end()
    }
}

/// One Control: its scope, its options, and the condition it is shown under.
struct Control<'a> {
    scope: String,
    format: Option<&'static str>,
    multi: bool,
    placeholder: Option<&'a str>,
    show_description: bool,
    rule: Option<&'a Condition>,
}

impl<'a> Control<'a> {
    fn new(scope: String, format: Option<&'static str>) -> Self {
        Control {
            scope,
            format,
            multi: false,
            placeholder: None,
            show_description: false,
            rule: None,
        }
    }

    fn field(scope: String, ty: &Ty, bounds: &'a Bounds) -> Self {
        let format = match ty {
            Ty::Scalar(Scalar::Bool) => Some("radio"),
            Ty::Choice {
                multi: false,
                options,
            } if options.len() <= RADIO_MAX => Some("radio"),
            _ => None,
        };
        // As in `form.ui.json`: what to type goes into the empty input (the vanilla text and
        // textarea cells read `options.placeholder`), and the help, the schema's `description`,
        // stays visible rather than only while the input has focus, as RJSF shows it.
        Control {
            multi: is_long_text(ty, bounds),
            placeholder: bounds
                .placeholder
                .as_ref()
                .or(bounds.hint.as_ref())
                .map(String::as_str),
            show_description: bounds.help.is_some(),
            ..Control::new(scope, format)
        }
    }

    fn has_options(&self) -> bool {
        self.format.is_some() || self.multi || self.placeholder.is_some() || self.show_description
    }
}

impl Serialize for Control<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", "Control")?;
        m.serialize_entry("scope", &self.scope)?;
        if self.has_options() {
            m.serialize_entry("options", &Options(self))?;
        }
        if let Some(c) = self.rule {
            m.serialize_entry("rule", &Show(c))?;
        }
        m.end()
    }
}

/// A Control's `options`.
struct Options<'a>(&'a Control<'a>);

impl Serialize for Options<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = s.serialize_map(None)?;
        if let Some(f) = c.format {
            m.serialize_entry("format", f)?;
        }
        if c.multi {
            m.serialize_entry("multi", &true)?;
        }
        if let Some(p) = c.placeholder {
            m.serialize_entry("placeholder", p)?;
        }
        if c.show_description {
            m.serialize_entry("showUnfocusedDescription", &true)?;
        }
        m.end()
    }
}

/// Shown while the condition holds (an unanswered situation counts as not holding).
struct Show<'a>(&'a Condition);

impl Serialize for Show<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("effect", "SHOW")?;
        m.serialize_entry("condition", &Scoped(IfSchema(self.0)))?;
        m.end()
    }
}

/// `{ "scope": "#", "schema": … }`.
struct Scoped<'a>(IfSchema<'a>);

impl Serialize for Scoped<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("scope", "#")?;
        m.serialize_entry("schema", &self.0)?;
        m.end()
    }
}
