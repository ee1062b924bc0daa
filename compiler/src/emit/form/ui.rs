//! `form.ui.json`: the RJSF uiSchema of the merged form.
//!
//! `ui:order` lists the situations first, then the shared fields, then one section per item with
//! local fields; `ui:groups` names the groups a small `ObjectFieldTemplate` draws (办理情形,
//! 基本信息; each section is its own group under its title). Yes/no questions and choices with at
//! most four options use radio buttons, multi-select situations checkboxes, long text a textarea.
//! Help is the schema's `description`, which RJSF shows once; the uiSchema adds only placeholders.

use super::json::{One, Seq};
use super::schema::section_title;
use crate::ir::form::{Bounds, Form, ItemForm, LocalField, Scalar, Ty};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

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

/// The merged form's uiSchema, borrowing the IR; serializing it writes `form.ui.json`.
pub struct UiSchema<'a>(&'a Form);

/// The merged form's uiSchema.
pub fn ui_schema(form: &Form) -> UiSchema<'_> {
    UiSchema(form)
}

impl Serialize for UiSchema<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let form = self.0;
        let sections = || form.items.iter().filter(|i| !i.locals.is_empty());
        let mut m = s.serialize_map(None)?;
        let order = form
            .situations
            .iter()
            .map(|q| q.id.as_str())
            .chain(form.shared.iter().map(|f| f.id.as_str()))
            .chain(sections().map(|it| it.id.as_str()));
        m.serialize_entry("ui:order", &Seq::new(order))?;
        m.serialize_entry("ui:groups", &Groups(form))?;
        m.serialize_entry("ui:submitButtonOptions", &One("submitText", SUBMIT))?;
        for q in &form.situations {
            if q.multi {
                m.serialize_entry(&q.id, &One("ui:widget", "checkboxes"))?;
            } else if q.is_bool || q.options.len() <= RADIO_MAX {
                m.serialize_entry(&q.id, &One("ui:widget", "radio"))?;
            }
        }
        for f in &form.shared {
            let ui = FieldUi::new(&f.ty, &f.bounds);
            if !ui.is_empty() {
                m.serialize_entry(&f.id, &ui)?;
            }
        }
        for it in sections() {
            m.serialize_entry(&it.id, &SectionUi(it))?;
        }
        m.end()
    }
}

/// `ui:groups`: the situations, the shared fields, then one untitled group per section.
struct Groups<'a>(&'a Form);

impl Serialize for Groups<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let form = self.0;
        let mut seq = s.serialize_seq(None)?;
        let situations = form.situations.iter().map(|q| q.id.as_str());
        seq.serialize_element(&UiGroup(Some(SITUATIONS), Seq::new(situations)))?;
        if !form.shared.is_empty() {
            let shared = form.shared.iter().map(|f| f.id.as_str());
            seq.serialize_element(&UiGroup(Some(SHARED), Seq::new(shared)))?;
        }
        for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
            seq.serialize_element(&UiGroup(None, [&it.id]))?;
        }
        seq.end()
    }
}

/// `{ "title": …, "fields": … }`.
struct UiGroup<F: Serialize>(Option<&'static str>, F);

impl<F: Serialize> Serialize for UiGroup<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("title", &self.0)?;
        m.serialize_entry("fields", &self.1)?;
        m.end()
    }
}

/// An item's section: its fields' uiSchema, then its title.
struct SectionUi<'a>(&'a ItemForm);

impl Serialize for SectionUi<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        group_ui(&self.0.locals, &mut m)?;
        m.serialize_entry("ui:title", &section_title(self.0))?;
        m.end()
    }
}

/// The uiSchema of an object of fields (an item's section or a list entry).
fn group_ui<M: SerializeMap>(fields: &[LocalField], m: &mut M) -> Result<(), M::Error> {
    m.serialize_entry("ui:order", &Seq::new(fields.iter().map(|f| f.id.as_str())))?;
    for f in fields {
        let sub = FieldUi::new(&f.ty, &f.bounds);
        if !sub.is_empty() {
            m.serialize_entry(&f.id, &sub)?;
        }
    }
    Ok(())
}

/// A list entry's uiSchema.
struct EntryUi<'a>(&'a [LocalField]);

impl Serialize for EntryUi<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        group_ui(self.0, &mut m)?;
        m.end()
    }
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

/// One field's uiSchema: its widget (or its list entry's uiSchema) and its placeholder.
struct FieldUi<'a> {
    widget: Option<&'static str>,
    items: Option<&'a [LocalField]>,
    placeholder: Option<&'a str>,
}

impl<'a> FieldUi<'a> {
    fn new(ty: &'a Ty, bounds: &'a Bounds) -> Self {
        let mut ui = FieldUi {
            widget: None,
            items: None,
            placeholder: bounds
                .placeholder
                .as_ref()
                .or(bounds.hint.as_ref())
                .map(String::as_str),
        };
        match ty {
            Ty::Choice {
                multi: false,
                options,
            } if options.len() <= RADIO_MAX => ui.widget = Some("radio"),
            Ty::Scalar(Scalar::Bool) => ui.widget = Some("radio"),
            Ty::Choice { multi: true, .. } => ui.widget = Some("checkboxes"),
            Ty::Scalar(Scalar::File) => ui.widget = Some("file"),
            Ty::List(fields) => ui.items = Some(fields),
            _ if is_long_text(ty, bounds) => ui.widget = Some("textarea"),
            _ => {}
        }
        ui
    }

    fn is_empty(&self) -> bool {
        self.widget.is_none() && self.items.is_none() && self.placeholder.is_none()
    }
}

impl Serialize for FieldUi<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        if let Some(w) = self.widget {
            m.serialize_entry("ui:widget", w)?;
        }
        if let Some(fields) = self.items {
            m.serialize_entry("items", &EntryUi(fields))?;
        }
        if let Some(p) = self.placeholder {
            m.serialize_entry("ui:placeholder", p)?;
        }
        m.end()
    }
}
