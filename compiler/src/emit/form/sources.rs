//! `form.sources.json`: where every part of the merged form comes from, keyed by JSON pointer.
//!
//! The schema carries standard keywords only, so provenance lives here: for every field and item
//! section, its type, the items binding it and their departments, when it applies and when it
//! is required (structured conditions, as in `projections.json`), and each contributing
//! constraint with its `file:line:col`. A list's entries are written `/<list>/*/<field>`.

use super::GENERATED;
use crate::ir::form::{Form, ItemForm, LocalField, Source, Ty};
use yjs_artifacts::{Condition, ConstraintSource, EntryKind, FormSources, SourceEntry};

/// The provenance of the merged form.
pub fn form_sources(form: &Form) -> FormSources {
    let department = |item: &str| {
        form.items
            .iter()
            .find(|i| i.id == item)
            .map(|i| i.department.clone())
    };
    let mut fields = Vec::new();
    for f in &form.shared {
        let mut departments: Vec<String> = Vec::new();
        for d in f.items.iter().filter_map(|i| department(i)) {
            if !departments.contains(&d) {
                departments.push(d);
            }
        }
        let pointer = format!("/{}", f.id);
        fields.push(entry(Entry {
            pointer: &pointer,
            kind: EntryKind::Field,
            label: &f.label,
            ty: Some(&f.ty),
            items: &f.items,
            departments: &departments,
            applies: &f.applies,
            required: f.required.as_ref(),
            sources: &f.sources,
        }));
        list_entries(
            &f.ty,
            &pointer,
            &f.items,
            &departments,
            &f.applies,
            &mut fields,
        );
    }
    for it in form.items.iter().filter(|i| !i.locals.is_empty()) {
        section(it, &mut fields);
    }
    FormSources {
        comment: GENERATED.to_string(),
        matter: form.matter.clone(),
        fields,
    }
}

/// An item's section and its local fields.
fn section(it: &ItemForm, out: &mut Vec<SourceEntry>) {
    let items = [it.id.clone()];
    let departments = [it.department.clone()];
    let pointer = format!("/{}", it.id);
    out.push(entry(Entry {
        pointer: &pointer,
        kind: EntryKind::Section,
        label: &it.name,
        ty: None,
        items: &items,
        departments: &departments,
        applies: &it.applies,
        required: Some(&it.applies),
        sources: &[],
    }));
    for f in &it.locals {
        local(f, &pointer, &items, &departments, &it.applies, out);
    }
}

fn local(
    f: &LocalField,
    parent: &str,
    items: &[String],
    departments: &[String],
    applies: &Condition,
    out: &mut Vec<SourceEntry>,
) {
    let pointer = format!("{parent}/{}", f.id);
    let required = f
        .required
        .as_ref()
        .map(|r| crate::ir::cond::and(applies.clone(), r.clone()));
    out.push(entry(Entry {
        pointer: &pointer,
        kind: EntryKind::Field,
        label: &f.label,
        ty: Some(&f.ty),
        items,
        departments,
        applies,
        required: required.as_ref(),
        sources: &f.sources,
    }));
    list_entries(&f.ty, &pointer, items, departments, applies, out);
}

fn list_entries(
    ty: &Ty,
    pointer: &str,
    items: &[String],
    departments: &[String],
    applies: &Condition,
    out: &mut Vec<SourceEntry>,
) {
    if let Ty::List(fields) = ty {
        for f in fields {
            local(f, &format!("{pointer}/*"), items, departments, applies, out);
        }
    }
}

struct Entry<'a> {
    pointer: &'a str,
    kind: EntryKind,
    label: &'a str,
    ty: Option<&'a Ty>,
    items: &'a [String],
    departments: &'a [String],
    applies: &'a Condition,
    required: Option<&'a Condition>,
    sources: &'a [Source],
}

fn entry(e: Entry<'_>) -> SourceEntry {
    SourceEntry {
        pointer: e.pointer.to_string(),
        kind: e.kind,
        label: e.label.to_string(),
        ty: e.ty.map(|ty| ty.name().to_string()),
        items: e.items.to_vec(),
        departments: e.departments.to_vec(),
        applies: e.applies.clone(),
        required: e.required.cloned(),
        sources: e
            .sources
            .iter()
            .map(|s| ConstraintSource {
                item: s.item.as_deref().map(str::to_string),
                department: s.department.as_deref().map(str::to_string),
                constraint: s.constraint.to_string(),
                at: s.at.to_string(),
            })
            .collect(),
    }
}
