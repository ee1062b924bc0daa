//! Lints over the names of the merged form: local names repeated across items, local fields that
//! shadow a shared one, and two parts of the form's top level under one name.

use super::diagnostics as d;
use super::unify::Who;
use crate::diagnostics::Diagnostic;
use crate::files::Span;
use crate::resolve::{Field, Item, ItemField, Matter};
use la_arena::{ArenaMap, Idx};
use rustc_hash::FxHashMap;

/// W0201 for a local name declared by two items, W0203 / E0206 for a local field named like a
/// shared field.
pub fn locals(matter: &Matter, whos: &ArenaMap<Idx<Item>, Who>, diags: &mut Vec<Diagnostic>) {
    // Looked up only, never iterated: a hash map keeps the diagnostics in field order.
    let mut first: FxHashMap<&str, (&Field, &Who)> = FxHashMap::default();
    // Shared fields by name, the first declared of a name as the search did before: a local
    // field is looked up once, not compared with every shared field.
    let mut shared: FxHashMap<&str, &Field> = FxHashMap::default();
    for s in matter.shared.values() {
        shared.entry(s.id.name.as_str()).or_insert(s);
    }
    for (i, it) in matter.items.iter() {
        let who = &whos[i];
        for f in it.fields.iter().filter_map(|f| match f {
            ItemField::Local(f) => Some(f),
            ItemField::Shared(_) | ItemField::Situation(_) => None,
        }) {
            let name = f.id.name.as_str();
            if let Some(s) = shared.get(name) {
                if s.ty == f.ty {
                    diags.push(d::shadows_shared(name, f.id.span, s.id.span, &who.text));
                } else {
                    diags.push(d::type_clash(
                        name,
                        f.ty.name(),
                        s.ty.name(),
                        f.id.span,
                        s.id.span,
                        &who.text,
                    ));
                }
                continue;
            }
            match first.get(name) {
                Some((prev, prev_who)) => diags.push(d::repeated_local(
                    name,
                    f.id.span,
                    &who.text,
                    prev.id.span,
                    &prev_who.text,
                    prev.ty == f.ty,
                )),
                None => {
                    first.insert(name, (f, who));
                }
            }
        }
    }
}

/// What sits at the top of the merged submission under a name.
#[derive(Clone, Copy)]
pub enum Top {
    Situation,
    Shared,
    /// An item's own fields, in the object under the item's id.
    Section,
}

/// E0208 for two parts of the merged form's top level under one name: situations' answers,
/// shared fields and each item's section (an item with fields of its own) sit side by side in
/// the submission, so a second of a name would overwrite the first.
pub fn top_level(matter: &Matter, diags: &mut Vec<Diagnostic>) {
    let situations = matter
        .situations
        .values()
        .map(|s| (s.id.name.as_str(), s.id.span, Top::Situation));
    let shared = matter
        .shared
        .values()
        .map(|f| (f.id.name.as_str(), f.id.span, Top::Shared));
    let sections = matter
        .items
        .values()
        .filter(|it| it.fields.iter().any(|f| matches!(f, ItemField::Local(_))))
        .map(|it| (it.id.name.as_str(), it.id.span, Top::Section));
    let mut first: FxHashMap<&str, (Span, Top)> = FxHashMap::default();
    for (name, span, kind) in situations.chain(shared).chain(sections) {
        match first.get(name) {
            // Two of one kind are E0103 (resolve) or W0201, reported there.
            Some((_, prev)) if std::mem::discriminant(prev) == std::mem::discriminant(&kind) => {}
            Some(&(at, prev)) => diags.push(d::top_level_clash(name, span, kind, at, prev)),
            None => {
                first.insert(name, (span, kind));
            }
        }
    }
}
