//! Rules between situations: they must leave some combination of answers possible (E0308), and
//! every conditional item must apply in some possible combination (W0304).

use super::diagnostics as d;
use super::soundness::MAX_COMBINATIONS;
use crate::check::combinations as combos;
use crate::diagnostics::Diagnostic;
use crate::resolve::model::{Answers, Matter, Pick, Situation};
use la_arena::Idx;

/// Checks the matter's rules.
pub fn check(matter: &Matter, diags: &mut Vec<Diagnostic>) {
    if matter.rules.is_empty() {
        return;
    }
    if !combos::Rules::new(matter, &[]).allow(&[]) {
        let rules: Vec<(String, crate::files::Span)> = matter
            .rules
            .iter()
            .map(|r| (r.text.value.clone(), r.span))
            .collect();
        diags.push(d::rules_exclude_everything(&rules));
        return;
    }
    for item in matter.items.values() {
        let Some(when) = &item.when else { continue };
        let involved: Vec<Idx<Situation>> = when.situations();
        let radix: Vec<usize> = involved
            .iter()
            .map(|s| matter.situations[*s].radix().max(1))
            .collect();
        if combos::count(&radix) > MAX_COMBINATIONS {
            continue;
        }
        let rules = combos::Rules::new(matter, &involved);
        let applies_somewhere = combos::combinations(&radix).any(|digits| {
            let answers: Vec<(Idx<Situation>, Pick)> = involved
                .iter()
                .copied()
                .zip(digits.into_iter().map(Pick))
                .collect();
            let full: Answers = answers.iter().copied().collect();
            when.eval(&full) && rules.allow(&answers)
        });
        if !applies_somewhere {
            let shown: Vec<(String, crate::files::Span)> = matter
                .rules
                .iter()
                .filter(|r| r.cond.situations().iter().any(|s| involved.contains(s)))
                .map(|r| (r.text.value.clone(), r.span))
                .collect();
            diags.push(d::item_excluded(
                &item.id.name,
                &when.display(&matter.situations),
                when.span(),
                &shown,
            ));
        }
    }
}
