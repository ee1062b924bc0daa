//! `form.sources.json`: where every part of the merged form comes from, keyed by JSON pointer.
//!
//! The schema carries standard keywords only, so provenance lives here: for every field and item
//! section, its type, the items binding it and their departments, when it applies and when it
//! is required (structured conditions, as in `projections.json`), and each contributing
//! constraint with its `file:line:col`. A list's entries are written `/<list>/*/<field>`.

use super::GENERATED;
use crate::ir::form::{Form, ItemForm, LocalField, Source, Ty};
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use yjs_artifacts::Condition;

/// `form.sources.json`, serialized straight from the IR: one entry per field and section, in
/// the merged form's order, each serialized as it is made (no list of 20,000 entries is held).
/// Typed rather than built as a `serde_json::Value`: a value tree of a 20,000-field form (a map
/// with hashed keys per entry and per source) cost more than writing it out; the bytes are the
/// same (keys in declaration order).
#[derive(Debug, Serialize)]
pub struct FormSources<'a> {
    #[serde(rename = "$comment")]
    comment: &'static str,
    matter: &'a str,
    fields: Fields<'a>,
}

/// The provenance of the merged form.
pub fn form_sources(form: &Form) -> FormSources<'_> {
    FormSources {
        comment: GENERATED,
        matter: &form.matter,
        fields: Fields(form),
    }
}

/// The `fields` array: every shared field (and its list's entry fields), then every item's
/// section and its local fields.
#[derive(Debug)]
struct Fields<'a>(&'a Form);

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let form = self.0;
        let mut out = s.serialize_seq(None)?;
        let department = |item: &str| {
            form.items
                .iter()
                .find(|i| i.id == item)
                .map(|i| i.department.clone())
        };
        for f in &form.shared {
            let mut departments: Vec<String> = Vec::new();
            for d in f.items.iter().filter_map(|i| department(i)) {
                if !departments.contains(&d) {
                    departments.push(d);
                }
            }
            let pointer = format!("/{}", f.id);
            let list = Lineage {
                items: Shared::Many(&f.items),
                departments: Shared::Owned(departments),
                applies: Cow::Borrowed(&f.applies),
            };
            out.serialize_element(&Entry {
                pointer: &pointer,
                kind: "field",
                label: &f.label,
                ty: Some(f.ty.name()),
                items: list.items.clone(),
                departments: list.departments.clone(),
                applies: Cow::Borrowed(&f.applies),
                required: f.required.clone(),
                sources: &f.sources,
                messages: f.bounds.written_messages(&f.ty),
            })?;
            list_entries(&f.ty, &pointer, &list, &mut out)?;
        }
        for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
            section(it, &mut out)?;
        }
        out.end()
    }
}

/// The items and departments a field belongs to, and when it applies, passed down to a
/// list's entry fields.
struct Lineage<'a> {
    items: Shared<'a>,
    departments: Shared<'a>,
    applies: Cow<'a, Condition>,
}

/// A list of ids: borrowed from the IR, one id of it, or computed.
#[derive(Debug, Clone)]
enum Shared<'a> {
    Many(&'a [String]),
    One(&'a str),
    Owned(Vec<String>),
}

impl Serialize for Shared<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Shared::Many(v) => v.serialize(s),
            Shared::One(one) => [one].serialize(s),
            Shared::Owned(v) => v.serialize(s),
        }
    }
}

/// An item's section and its local fields.
fn section<S: SerializeSeq>(it: &ItemForm, out: &mut S) -> Result<(), S::Error> {
    let pointer = format!("/{}", it.id);
    let lineage = Lineage {
        items: Shared::One(&it.id),
        departments: Shared::One(&it.department),
        applies: Cow::Borrowed(&it.applies),
    };
    out.serialize_element(&Entry {
        pointer: &pointer,
        kind: "section",
        label: &it.name,
        ty: None,
        items: lineage.items.clone(),
        departments: lineage.departments.clone(),
        applies: Cow::Borrowed(&it.applies),
        required: Some(it.applies.clone()),
        sources: &[],
        messages: BTreeMap::new(),
    })?;
    for f in &it.locals {
        local(f, &pointer, &lineage, out)?;
    }
    Ok(())
}

fn local<S: SerializeSeq>(
    f: &LocalField,
    parent: &str,
    lineage: &Lineage<'_>,
    out: &mut S,
) -> Result<(), S::Error> {
    let pointer = format!("{parent}/{}", f.id);
    // The field's own `when` narrows where it applies (its `required` includes it already).
    let lineage = &Lineage {
        items: lineage.items.clone(),
        departments: lineage.departments.clone(),
        applies: match &f.applies {
            Condition::Always => lineage.applies.clone(),
            own => Cow::Owned(crate::ir::cond::and(
                lineage.applies.clone().into_owned(),
                own.clone(),
            )),
        },
    };
    let required = f
        .required
        .as_ref()
        .map(|r| crate::ir::cond::and(lineage.applies.clone().into_owned(), r.clone()));
    out.serialize_element(&Entry {
        pointer: &pointer,
        kind: "field",
        label: &f.label,
        ty: Some(f.ty.name()),
        items: lineage.items.clone(),
        departments: lineage.departments.clone(),
        applies: lineage.applies.clone(),
        required,
        sources: &f.sources,
        messages: f.bounds.written_messages(&f.ty),
    })?;
    list_entries(&f.ty, &pointer, lineage, out)
}

fn list_entries<S: SerializeSeq>(
    ty: &Ty,
    pointer: &str,
    lineage: &Lineage<'_>,
    out: &mut S,
) -> Result<(), S::Error> {
    if let Ty::List(fields) = ty {
        let pointer = format!("{pointer}/*");
        for f in fields {
            local(f, &pointer, lineage, out)?;
        }
    }
    Ok(())
}

/// One field or section of `form.sources.json`.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    pointer: &'a str,
    kind: &'static str,
    label: &'a str,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    ty: Option<&'static str>,
    items: Shared<'a>,
    departments: Shared<'a>,
    applies: Cow<'a, Condition>,
    required: Option<Condition>,
    sources: &'a [Source],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    messages: BTreeMap<String, String>,
}
