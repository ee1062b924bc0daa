//! Resolves a flow's wait steps (`wait ID "name" DURATION roll_forward basis "…" when
//! CONDITION`): their ids share the items' namespace, their conditions are resolved as an
//! item's `when`.

use super::convert::{self, name, text};
use super::diagnostics as d;
use super::model::{Item, Situation, Wait};
use super::{Resolver, Seen, RESERVED_STEPS};
use crate::syntax::ast;
use la_arena::Arena;

impl Resolver<'_> {
    /// The waits of `flow`, each named once and never like an item or a reserved step.
    pub(super) fn waits(
        &mut self,
        flow: &ast::Flow,
        items: &Arena<Item>,
        situations: &Arena<Situation>,
    ) -> Arena<Wait> {
        let mut seen = Seen::default();
        for it in items.values() {
            seen.0.insert(it.id.name.as_str(), it.id.span);
        }
        let mut out = Arena::new();
        for w in &flow.waits {
            if RESERVED_STEPS.contains(&w.id.name.as_str()) {
                self.diags.push(d::reserved_step(&w.id.name, w.id.span));
                continue;
            }
            if !self.check_unique(&mut seen, "step", &w.id) {
                continue;
            }
            let when = match &w.when {
                Some(e) => match self.cond(e, situations) {
                    Some(c) => Some(c),
                    // The condition's error is reported; the wait is left out of the graph.
                    None => continue,
                },
                None => None,
            };
            out.alloc(Wait {
                id: name(&w.id),
                name: text(&w.name),
                duration: convert::duration(w.duration),
                roll_forward: w.roll_forward,
                basis: w.basis.as_ref().map(text),
                when,
                span: w.span,
            });
        }
        out
    }
}
