//! Limits by situation: arms that overlap (E0311), and each promise arm against the legal arm
//! that applies for the same answers (E0305, W0303).
//!
//! Only the situations an item's limits name are combined, minus the combinations the rules
//! exclude; an item naming more than [`MAX_LIMIT_COMBINATIONS`] is left unchecked, as E0304
//! does.

use super::diagnostics as d;
use super::soundness::show_answers;
use super::units::{self, fits, Fit};
use crate::check::combinations as combos;
use crate::diagnostics::{t, Diagnostic};
use crate::resolve::model::{Answers, Item, LimitCase, Matter, Pick, Situation};
use la_arena::Idx;
use std::collections::BTreeSet;

/// The most combinations enumerated for one item's limits.
pub const MAX_LIMIT_COMBINATIONS: u64 = 65_536;

/// Checks the limits by situation of every item.
pub fn check(matter: &Matter, diags: &mut Vec<Diagnostic>) {
    for item in matter.items.values() {
        if item.promise_by.is_empty() && item.legal_by.is_empty() {
            continue;
        }
        check_item(matter, item, diags);
    }
}

fn check_item(matter: &Matter, item: &Item, diags: &mut Vec<Diagnostic>) {
    let sits = item.limit_situations();
    let radix: Vec<usize> = sits
        .iter()
        .map(|s| matter.situations[*s].radix().max(1))
        .collect();
    if combos::count(&radix) > MAX_LIMIT_COMBINATIONS {
        return;
    }
    let rules = combos::Rules::new(matter, &sits);
    let mut overlaps: BTreeSet<(&'static str, usize, usize)> = BTreeSet::new();
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for digits in combos::combinations(&radix) {
        let answers: Vec<(Idx<Situation>, Pick)> = sits
            .iter()
            .copied()
            .zip(digits.into_iter().map(Pick))
            .collect();
        if !rules.allow(&answers) {
            continue;
        }
        let full: Answers = answers.iter().copied().collect();
        for (what, cases) in [("promise", &item.promise_by), ("legal", &item.legal_by)] {
            let holding: Vec<usize> = cases
                .iter()
                .enumerate()
                .filter(|(_, c)| c.when.as_ref().is_some_and(|w| w.eval(&full)))
                .map(|(i, _)| i)
                .collect();
            if let [a, b, ..] = holding[..] {
                if overlaps.insert((what, a, b)) {
                    diags.push(d::arms_overlap(
                        what,
                        &item.id.name,
                        cases[a].span,
                        cases[b].span,
                        &show_answers(matter, &answers),
                    ));
                }
            }
        }
        let p = arm(&item.promise_by, &full);
        let l = arm(&item.legal_by, &full);
        if pairs.insert((p.unwrap_or(usize::MAX), l.unwrap_or(usize::MAX))) {
            compare(matter, item, p, l, &answers, diags);
        }
    }
}

/// The index of the arm that applies, `None` for a limit that does not vary.
fn arm(cases: &[LimitCase], answers: &Answers) -> Option<usize> {
    if cases.is_empty() {
        return None;
    }
    cases
        .iter()
        .position(|c| c.when.as_ref().is_some_and(|w| w.eval(answers)))
        .or_else(|| cases.iter().position(|c| c.when.is_none()))
}

/// One promise against one legal limit, for the answers where both apply.
fn compare(
    matter: &Matter,
    item: &Item,
    p: Option<usize>,
    l: Option<usize>,
    answers: &[(Idx<Situation>, Pick)],
    diags: &mut Vec<Diagnostic>,
) {
    let promise = p.map_or(item.promise, |i| Some(item.promise_by[i].duration));
    let legal = l.map_or(item.legal, |i| Some(item.legal_by[i].duration));
    let (Some(promise), Some(legal)) = (promise, legal) else {
        return;
    };
    let (ps, ls) = (units::show(promise.kind), units::show(legal.kind));
    let when = t!("e0305-when", answers = show_answers(matter, answers));
    match fits(promise.kind, legal.kind) {
        Fit::Fits => {}
        Fit::Exceeds => diags.push(
            d::promise_over_legal(&item.id.name, &ps, &ls, promise.span, legal.span)
                .with_note(when),
        ),
        Fit::Unproven => diags.push(
            d::unproven_units(
                t!("w0303-promise-of", name = item.id.name.as_str()),
                t!("w0303-used", used = ps.as_str()),
                t!("w0303-legal-of", legal = ls.as_str()),
                promise.span,
                legal.span,
            )
            .with_note(when),
        ),
    }
}
