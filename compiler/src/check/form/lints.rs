//! Lints over item-local fields: names repeated across items, and local fields that shadow a shared one.

use super::diagnostics as d;
use super::unify::Who;
use crate::diagnostics::Diagnostic;
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
            ItemField::Shared(_) => None,
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
