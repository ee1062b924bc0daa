//! 一次表单: checks field types and unifies every shared field over the items that bind it.
//!
//! [`analyse`] checks one resolved matter and returns check's own results, [`FormAnalysis`]: the
//! unified constraints of every bound shared field, of every local field, and of every
//! binding as its department sees it, each constraint with its provenance. It reports every
//! problem at once: constraints that do not fit their type (E0201–E0203), empty intersections
//! and conflicting defaults (E0204–E0205), type clashes (E0206), defaults their own constraints
//! refuse (E0209), and lints (W0201–W0203).
//! [`check`] checks the dictionaries, for `yjs check`. `lower::form` turns the results into
//! the merged-form IR.

mod applies;
mod diagnostics;
mod fit;
mod lints;
mod memo;
mod satisfy;
mod unify;

pub use unify::{Bound, Bounds, Pattern, Provenance, Unified};

use crate::diagnostics::Diagnostic;
use crate::files::Files;
use crate::resolve::{Binding, Field, FieldType, Item, ItemField, Matter, Program};
use diagnostics as d;
use la_arena::{ArenaMap, Idx};
use std::sync::Arc;
use unify::{Unifier, Who};

/// What the form checks found out about one matter.
#[derive(Debug, Clone, Default)]
pub struct FormAnalysis {
    /// Every shared field that some item binds, unified over its declaration (a dictionary
    /// field's own constraints first) and every binding. A field no item binds is absent.
    pub shared: ArenaMap<Idx<Field>, Checked>,
    /// Every item's form fields, one per entry of `Item::fields`, in order.
    pub items: ArenaMap<Idx<Item>, Vec<FieldFacts>>,
}

/// A checked field that one declaration owns: its unification and, for a list, its entries'
/// fields (aligned with the fields of `FieldType::List`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    pub unified: Unified,
    pub entries: Vec<Checked>,
}

/// One field of an item's form, as its department sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldFacts {
    /// A field only this item declares.
    Local(Box<Checked>),
    /// A situation's answer, which the form already asks.
    Situation,
    /// A binding to a shared field.
    Shared {
        /// The constraints the department declared itself (its narrowing).
        own: Box<Bounds>,
        /// Everything the department's packet must satisfy: the shared declaration's
        /// constraints (a dictionary's first) plus its own.
        effective: Box<Bounds>,
    },
}

/// Checks the form side of every dictionary; the diagnostics only.
pub fn check(files: &Files, program: &Program) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for dict in program.dictionaries.values() {
        for f in &dict.fields {
            let who = Who {
                item: None,
                text: Arc::new(d::who_dictionary(&dict.id.to_string())),
                span: f.span,
            };
            local_field(files, f, &who, &mut diags);
        }
    }
    diags
}

/// Checks the fields of one matter and unifies them, with every diagnostic about them.
///
/// Dictionary fields are type-checked by [`check`], not here, so that a dictionary used by
/// several matters reports each problem once.
pub fn analyse(
    files: &Files,
    program: &Program,
    matter: &Matter,
) -> (FormAnalysis, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let whos: ArenaMap<Idx<Item>, Who> = matter
        .items
        .iter()
        .map(|(i, it)| (i, item_who(program, i, it)))
        .collect();

    let by_shared = matter.bindings();
    let mut shared = ArenaMap::default();
    for (si, f) in matter.shared.iter() {
        let decl = Who {
            item: None,
            text: Arc::new(d::who_shared()),
            span: f.span,
        };
        let entries = entries(files, &f.ty, &decl, &mut diags);
        fit::check(&f.ty, &f.constraints, f.span, &mut diags);
        let mut u = Unifier::new(files, &f.id.name, &f.ty);
        if let Some(o) = &f.origin {
            u.add(
                Who {
                    text: Arc::new(d::who_dictionary(&o.dictionary.to_string())),
                    span: o.span,
                    ..decl.clone()
                },
                &o.constraints,
            );
        }
        u.add(decl.clone(), &f.constraints);
        let bindings = by_shared.get(si).map_or(&[][..], Vec::as_slice);
        for (ii, b) in bindings {
            fit::check(&f.ty, &b.constraints, f.span, &mut diags);
            u.add(
                Who {
                    span: b.span,
                    ..whos[*ii].clone()
                },
                &b.constraints,
            );
        }
        let (unified, more) = u.finish();
        diags.extend(more);
        if !bindings.is_empty() {
            shared.insert(si, Checked { unified, entries });
        } else {
            diags.push(diagnostics::unused_shared(&f.id.name, f.id.span));
        }
    }

    // Items are independent once the shared fields are unified: a large form checks them on
    // several threads (diagnostics are sorted at the end, so their order is unchanged).
    let list: Vec<(Idx<Item>, &Item)> = matter.items.iter().collect();
    let item = |(ii, it): (Idx<Item>, &Item)| {
        let who = &whos[ii];
        let mut diags = Vec::new();
        let facts: Vec<FieldFacts> = it
            .fields
            .iter()
            .map(|field| match field {
                ItemField::Local(f) => {
                    FieldFacts::Local(Box::new(local_field(files, f, who, &mut diags)))
                }
                ItemField::Shared(b) => view(files, &matter.shared[b.shared], b, who),
                ItemField::Situation(_) => FieldFacts::Situation,
            })
            .collect();
        (facts, diags)
    };
    let fields: usize = list.iter().map(|(_, it)| it.fields.len()).sum();
    let checked = if fields >= crate::par::LARGE_FORM {
        crate::par::map_owned(list.clone(), item)
    } else {
        list.iter().copied().map(item).collect()
    };
    let mut items = ArenaMap::default();
    for ((ii, _), (facts, more)) in list.iter().zip(checked) {
        items.insert(*ii, facts);
        diags.extend(more);
    }
    lints::locals(matter, &whos, &mut diags);
    lints::top_level(matter, &mut diags);
    let analysis = FormAnalysis { shared, items };
    applies::lint(matter, &analysis, &mut diags);
    (analysis, diags)
}

/// A binding as its department sees it. Collisions were reported with the shared field.
fn view(files: &Files, f: &Field, b: &Binding, who: &Who) -> FieldFacts {
    let mut own = Unifier::new(files, &b.local.name, &f.ty);
    own.add(who.clone(), &b.constraints);
    let mut all = Unifier::new(files, &b.local.name, &f.ty);
    if let Some(o) = &f.origin {
        all.add(who.clone(), &o.constraints);
    }
    all.add(who.clone(), &f.constraints);
    all.add(who.clone(), &b.constraints);
    FieldFacts::Shared {
        own: Box::new(own.bounds()),
        effective: Box::new(all.bounds()),
    }
}

/// "item `birth_cert` (wsjk)", with the item's id.
fn item_who(program: &Program, id: Idx<Item>, it: &Item) -> Who {
    let dept = it.department.map(|(d, _)| &program.departments[d].id);
    Who {
        text: Arc::new(d::who_item(
            &it.id.name,
            dept.map(|d| d.to_string()).as_deref(),
        )),
        item: Some(id),
        span: it.id.span,
    }
}

/// Checks and unifies a field one declaration owns (an item's local field, a list entry's
/// field, a dictionary field).
fn local_field(files: &Files, f: &Field, who: &Who, diags: &mut Vec<Diagnostic>) -> Checked {
    let entries = entries(files, &f.ty, who, diags);
    fit::check(&f.ty, &f.constraints, f.span, diags);
    let mut u = Unifier::new(files, &f.id.name, &f.ty);
    u.add(
        Who {
            span: f.span,
            ..who.clone()
        },
        &f.constraints,
    );
    let (unified, more) = u.finish();
    diags.extend(more);
    Checked { unified, entries }
}

/// A list's entry fields, checked; empty for any other type.
fn entries(files: &Files, ty: &FieldType, who: &Who, diags: &mut Vec<Diagnostic>) -> Vec<Checked> {
    match ty {
        FieldType::List(fields) => fields
            .iter()
            .map(|f| local_field(files, f, who, diags))
            .collect(),
        FieldType::Scalar(_) | FieldType::Choice { .. } => Vec::new(),
    }
}
