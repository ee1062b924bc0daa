//! Fees by situation: two arms must never apply to the same applicant (E0117).
//!
//! The arms of `fee { … when a; … when b; otherwise … }` are read first to last, so two that
//! hold together would make the fee depend on their order. Every possible combination of the
//! answers the arms and the item's `when` name (the matter's rules applied) is tried; past
//! `MAX_FEE_COMBINATIONS` the check is skipped rather than slowing `yjs check` down.

use super::combinations::{self as combos, Rules};
use crate::diagnostics::{t, Code, Diagnostic};
use crate::resolve::{Answers, Cond, Item, Matter, Pick};

/// The most combinations tried per item.
const MAX_FEE_COMBINATIONS: u64 = 4096;

/// E0117 for every item whose fee arms overlap, with the first combination where they do.
pub fn check(matter: &Matter) -> Vec<Diagnostic> {
    matter
        .items
        .values()
        .filter(|it| it.fee_by.iter().filter(|c| c.when.is_some()).count() > 1)
        .filter_map(|it| overlap(matter, it))
        .collect()
}

fn overlap(matter: &Matter, it: &Item) -> Option<Diagnostic> {
    let arms: Vec<(&Cond, crate::files::Span)> = it
        .fee_by
        .iter()
        .filter_map(|c| c.when.as_ref().map(|w| (w, c.fee.span)))
        .collect();
    let mut ids: Vec<_> = arms.iter().flat_map(|(w, _)| w.situations()).collect();
    ids.extend(it.when.iter().flat_map(Cond::situations));
    ids.sort_unstable();
    ids.dedup();
    let radix: Vec<usize> = ids.iter().map(|s| matter.situations[*s].radix()).collect();
    if combos::count(&radix) > MAX_FEE_COMBINATIONS {
        return None;
    }
    let rules = Rules::new(matter, &ids);
    for digits in combos::combinations(&radix) {
        let given: Vec<_> = ids
            .iter()
            .copied()
            .zip(digits.iter().map(|d| Pick(*d)))
            .collect();
        if !rules.allow(&given) {
            continue;
        }
        let answers: Answers = given.iter().copied().collect();
        if it.when.as_ref().is_some_and(|w| !w.eval(&answers)) {
            continue;
        }
        let holding: Vec<_> = arms.iter().filter(|(w, _)| w.eval(&answers)).collect();
        if let [first, second, ..] = holding.as_slice() {
            let words: Vec<String> = given
                .iter()
                .map(|(s, p)| {
                    let s = &matter.situations[*s];
                    let picked: Vec<&str> = s
                        .picked(*p)
                        .into_iter()
                        .map(|o| s.options[o].id.as_str())
                        .collect();
                    format!("{} = {}", s.id.name, picked.join("+"))
                })
                .collect();
            return Some(
                Diagnostic::error(
                    Code::E0117,
                    t!("e0117", item = it.id.name.as_str()),
                    second.1,
                    t!("e0117-other"),
                )
                .with_label(first.1, t!("e0117-label"))
                .with_note(t!("e0117-note", answers = words.join(", ")))
                .with_help(t!("e0117-help")),
            );
        }
    }
    None
}
