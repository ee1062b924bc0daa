//! Lints over item-local fields: names repeated across items, and local fields that shadow a shared one.

use super::diagnostics as d;
use super::unify::Who;
use crate::diagnostics::Diagnostic;
use crate::resolve::{Field, Item, ItemField, Matter};
use la_arena::{ArenaMap, Idx};
use std::collections::BTreeMap;

/// W0201 for a local name declared by two items, W0203 / E0206 for a local field named like a
/// shared field.
pub fn locals(matter: &Matter, whos: &ArenaMap<Idx<Item>, Who>, diags: &mut Vec<Diagnostic>) {
    let mut first: BTreeMap<&str, (&Field, &Who)> = BTreeMap::new();
    for (i, it) in matter.items.iter() {
        let who = &whos[i];
        for f in it.fields.iter().filter_map(|f| match f {
            ItemField::Local(f) => Some(f),
            ItemField::Shared(_) | ItemField::Situation(_) => None,
        }) {
            let name = f.id.name.as_str();
            if let Some(s) = matter.shared.values().find(|s| s.id.name == name) {
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
