//! Where each field of a matter's form applies and where it is required, as conditions over
//! the situations, and W0210: a list minimum that refuses an empty list where it is optional.
//!
//! A field applies where some item that takes it applies, the binding's own `when` holds and
//! the field's own `when` holds; it is required where it applies and some `required` of its
//! declaration or of an applying binding holds. `lower::form` builds the same conditions as
//! artifact conditions for the form.

use super::diagnostics as d;
use super::{Checked, FieldFacts, FormAnalysis};
use crate::check::plan::soundness::{counterexample, show_answers};
use crate::diagnostics::Diagnostic;
use crate::resolve::{Binding, Cond, Constraint, ConstraintKind, Field, FieldWhen, Item, Matter};
use la_arena::Idx;

/// Where a field applies and where it is required.
struct Where {
    applies: Cond,
    required: Cond,
}

fn always() -> Cond {
    Cond::And(Vec::new())
}

fn never() -> Cond {
    Cond::Or(Vec::new())
}

fn both(a: Option<&Cond>, b: Option<&FieldWhen>) -> Cond {
    Cond::And(a.into_iter().chain(b.map(|w| &w.cond)).cloned().collect())
}

/// When the constraints make their field required: the OR of their `required`s.
fn required<'a>(cs: impl IntoIterator<Item = &'a Constraint>) -> Cond {
    let mut any = Vec::new();
    for c in cs {
        match &c.kind {
            ConstraintKind::Required(None) => return always(),
            ConstraintKind::Required(Some(cond)) => any.push(cond.clone()),
            _ => {}
        }
    }
    Cond::Or(any)
}

/// A shared field over the bindings of the items that take it.
fn shared(f: &Field, bindings: &[(Idx<Item>, &Binding)], matter: &Matter) -> Where {
    let base = f
        .origin
        .iter()
        .flat_map(|o| &o.constraints)
        .chain(&f.constraints);
    let base = required(base);
    let mut applies = Vec::new();
    let mut req = Vec::new();
    for (ii, b) in bindings {
        let here = both(matter.items[*ii].when.as_ref(), b.when.as_ref());
        let own = Cond::Or(vec![base.clone(), required(&b.constraints)]);
        req.push(Cond::And(vec![here.clone(), own]));
        applies.push(here);
    }
    let own = |c: Cond| Cond::And(f.when.iter().map(|w| w.cond.clone()).chain([c]).collect());
    Where {
        applies: own(Cond::Or(applies)),
        required: own(Cond::Or(req)),
    }
}

/// W0210 for every list field (of `shared` or of an item's own) with `min_items` above 0 that
/// some combination of answers shows without requiring it.
pub fn lint(matter: &Matter, a: &FormAnalysis, diags: &mut Vec<Diagnostic>) {
    let by_shared = matter.bindings();
    for (si, f) in matter.shared.iter() {
        let (Some(checked), Some(bindings)) = (a.shared.get(si), by_shared.get(si)) else {
            continue;
        };
        check(matter, f, checked, || shared(f, bindings, matter), diags);
    }
    for (ii, it) in matter.items.iter() {
        let facts = a.items.get(ii).map_or(&[][..], Vec::as_slice);
        for (field, fact) in it.fields.iter().zip(facts) {
            let (crate::resolve::ItemField::Local(f), FieldFacts::Local(checked)) = (field, fact)
            else {
                continue;
            };
            let local = || {
                let applies = both(it.when.as_ref(), f.when.as_ref());
                let req = required(&f.constraints);
                Where {
                    required: Cond::And(vec![applies.clone(), req]),
                    applies,
                }
            };
            check(matter, f, checked, local, diags);
        }
    }
}

fn check(
    matter: &Matter,
    f: &Field,
    checked: &Checked,
    place: impl FnOnce() -> Where,
    diags: &mut Vec<Diagnostic>,
) {
    // A list (a multi-select choice's minimum is an ordinary bound on a choice).
    if !matches!(f.ty, crate::resolve::FieldType::List(_)) {
        return;
    }
    let Some(min) = &checked.unified.bounds.min_items else {
        return;
    };
    if min.value.as_f64().is_none_or(|v| v <= 0.0) {
        return;
    }
    let w = place();
    if let Some(example) = counterexample(matter, &[&w.applies], &w.required) {
        // Required nowhere it applies, or only in some of it.
        let never = counterexample(matter, &[&w.applies, &w.required], &never()).is_none();
        let example = (!never).then(|| show_answers(matter, &example));
        diags.push(d::min_items_where_optional(
            &f.id.name,
            f.id.span,
            &min.value.to_string(),
            min.at.span,
            example.as_deref(),
        ));
    }
}
