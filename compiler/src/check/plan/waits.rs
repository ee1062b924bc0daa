//! Checks on the flow's wait steps: a duration in days or working days (E0320), the basis that
//! sets it (W0320), which the guide prints, and a `roll_forward` that can move nothing (W0321).

use super::diagnostics as d;
use super::units;
use crate::diagnostics::Diagnostic;
use crate::resolve::model::{DurationKind, Matter};

/// Checks every wait step of the matter.
pub fn check(matter: &Matter, diags: &mut Vec<Diagnostic>) {
    for w in matter.flow.waits.values() {
        if let DurationKind::Immediate | DurationKind::Hours(_) = w.duration.kind {
            diags.push(d::wait_unit(
                &w.id.name,
                &units::show(w.duration.kind),
                w.duration.span,
            ));
        }
        if w.basis.is_none() {
            diags.push(d::wait_without_basis(&w.id.name, w.duration.span));
        }
        // The N-th working day is a working day: there is nothing to move.
        if let (Some(at), DurationKind::Workdays(_)) = (w.roll_forward, w.duration.kind) {
            diags.push(d::roll_forward_in_workdays(&w.id.name, at, w.duration.span));
        }
    }
}
