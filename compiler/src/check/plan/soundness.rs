//! Reused outputs: the flow must order the producer first, and the producer must apply whenever the material is needed.
//!
//! The conditional check enumerates only the situations named in the conditions involved (the
//! consumer's `when`, the material's `when`, the producer's `when`), so a matter with many
//! situations stays fast. Checks that would need more than [`MAX_COMBINATIONS`] combinations
//! are skipped (no realistic condition names that many situations).

use super::diagnostics::{self as d, CondLabel};
use super::graph::FlowGraph;
use crate::check::combinations as combos;
use crate::diagnostics::Diagnostic;
use crate::resolve::model::{Answers, Cond, FlowNode, Material, Matter, Pick, Situation};
use la_arena::Idx;

/// The most situation combinations one implication check enumerates.
pub const MAX_COMBINATIONS: u64 = 1 << 16;

/// Checks every reused output of the matter.
pub fn check(matter: &Matter, graph: &FlowGraph, diags: &mut Vec<Diagnostic>) {
    for (y, item) in matter.items.iter() {
        for m in &item.materials {
            let Material::Reuse {
                item: x,
                output,
                when,
                span,
            } = m
            else {
                continue;
            };
            let producer = &matter.items[*x];
            let out_name = producer.outputs[*output].id.name.as_str();
            if *x == y {
                diags.push(d::reuse_own_output(&item.id.name, out_name, *span));
                continue;
            }
            if !graph.has_path(FlowNode::Item(*x), FlowNode::Item(y)) {
                diags.push(d::reuse_without_path(
                    &item.id.name,
                    &producer.id.name,
                    out_name,
                    *span,
                    matter.flow.span,
                    graph.has_path(FlowNode::Item(y), FlowNode::Item(*x)),
                ));
            }
            let premise: Vec<&Cond> = item.when.iter().chain(when.iter()).collect();
            let Some(conclusion) = producer.when.as_ref() else {
                continue;
            };
            let Some(example) = counterexample(matter, &premise, conclusion) else {
                continue;
            };
            let mut labels = vec![CondLabel {
                span: conclusion.span(),
                text: crate::diagnostics::t!(
                    "e0304-applies-only",
                    item = producer.id.name.as_str(),
                    cond = conclusion.display(&matter.situations)
                ),
            }];
            if let Some(c) = &item.when {
                labels.push(CondLabel {
                    span: c.span(),
                    text: crate::diagnostics::t!(
                        "e0304-applies",
                        item = item.id.name.as_str(),
                        cond = c.display(&matter.situations)
                    ),
                });
            }
            if let Some(c) = when {
                labels.push(CondLabel {
                    span: c.span(),
                    text: crate::diagnostics::t!(
                        "e0304-needed",
                        cond = c.display(&matter.situations)
                    ),
                });
            }
            diags.push(d::reuse_unsound(
                &item.id.name,
                &producer.id.name,
                out_name,
                *span,
                &show_answers(matter, &example),
                &conclusion.display(&matter.situations),
                labels,
            ));
        }
    }
}

/// A combination of answers where every premise holds and the conclusion does not, over the
/// situations the conditions name; `None` when the premises imply the conclusion (or the
/// check would enumerate more than [`MAX_COMBINATIONS`]).
pub fn counterexample(
    matter: &Matter,
    premise: &[&Cond],
    conclusion: &Cond,
) -> Option<Vec<(Idx<Situation>, Pick)>> {
    let mut involved: Vec<Idx<Situation>> = premise
        .iter()
        .flat_map(|c| c.situations())
        .chain(conclusion.situations())
        .collect();
    involved.sort_unstable();
    involved.dedup();
    let radix: Vec<usize> = involved
        .iter()
        .map(|s| matter.situations[*s].radix().max(1))
        .collect();
    if combos::count(&radix) > MAX_COMBINATIONS {
        return None;
    }
    // Only a combination the rules allow is a counterexample.
    let rules = combos::Rules::new(matter, &involved);
    combos::combinations(&radix).find_map(|digits| {
        let example: Vec<(Idx<Situation>, Pick)> = involved
            .iter()
            .copied()
            .zip(digits.into_iter().map(Pick))
            .collect();
        let answers: Answers = example.iter().copied().collect();
        (premise.iter().all(|c| c.eval(&answers))
            && !conclusion.eval(&answers)
            && rules.allow(&example))
        .then_some(example)
    })
}

/// Answers as an analyst reads them, e.g. `settle = other, card = true`.
pub fn show_answers(matter: &Matter, answers: &[(Idx<Situation>, Pick)]) -> String {
    answers
        .iter()
        .map(|(s, v)| {
            let sit = &matter.situations[*s];
            let picked: Vec<&str> = sit
                .picked(*v)
                .into_iter()
                .map(|o| sit.options[o].id.as_str())
                .collect();
            if sit.multi {
                format!("`{} = [{}]`", sit.id.name, picked.join(", "))
            } else {
                format!("`{} = {}`", sit.id.name, picked.concat())
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
