//! `formats.mjs`: the custom formats of every form schema as one ES module, at the build's root.
//!
//! The module's text is `formats.mjs` next to this file, with the province table of
//! `yjs_artifacts::validators` filled in; `tests/consumers/forms/` runs it on the test vectors
//! the Rust validators run (`artifacts/src/validators/vectors.json`).

use super::GENERATED;
use crate::ir::form::{Bounds, Form, LocalField, Ty};
use std::collections::BTreeSet;
use yjs_artifacts::validators::PROVINCES;

/// The module's path relative to the build folder.
pub const FORMATS_MJS: &str = "formats.mjs";

/// The module's text, with a format for every fixed date bound of `forms`.
pub fn formats_mjs<'a>(forms: impl IntoIterator<Item = &'a Form>) -> String {
    let mut dates = BTreeSet::new();
    for form in forms {
        for f in &form.shared {
            collect(&f.ty, &f.bounds, &mut dates);
        }
        for it in &form.items {
            locals(&it.locals, &mut dates);
        }
    }
    let dates: String = dates
        .iter()
        .map(|(before, d)| {
            let side = if *before { "before" } else { "after" };
            format!("  'date-not-{side}-{d}': dateLimit({before}, '{d}'),\n")
        })
        .collect();
    let provinces = PROVINCES
        .iter()
        .map(|p| format!("'{p}'"))
        .collect::<Vec<_>>()
        .join(", ");
    include_str!("formats.mjs")
        .replace("__GENERATED__", GENERATED)
        .replace("__PROVINCES__", &format!("[{provinces}]"))
        .replace("__DATES__", &dates)
}

fn locals(fields: &[LocalField], out: &mut BTreeSet<(bool, String)>) {
    for f in fields {
        collect(&f.ty, &f.bounds, out);
    }
}

/// The fixed date bounds of a field (`today` is always in the module).
fn collect(ty: &Ty, bounds: &Bounds, out: &mut BTreeSet<(bool, String)>) {
    for d in bounds.dates.iter().filter(|d| d.value != "today") {
        out.insert((d.not_before, d.value.clone()));
    }
    if let Ty::List(fields) = ty {
        locals(fields, out);
    }
}
