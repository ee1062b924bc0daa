//! Reused outputs: the flow must order the producer first, and the producer must apply whenever the material is needed.
//!
//! The conditional check enumerates only the situations named in the conditions involved (the
//! consumer's `when`, the material's `when`, the producer's `when`), so a matter with many
//! situations stays fast. Checks that would need more than [`MAX_COMBINATIONS`] combinations
//! are skipped (no realistic condition names that many situations).

use super::diagnostics::{self as d, CondLabel};
use super::graph::FlowGraph;
use crate::diagnostics::Diagnostic;
use crate::files::Span;
use crate::resolve::model::{Cond, Material, Matter};

/// The most situation combinations one implication check enumerates.
pub const MAX_COMBINATIONS: u64 = 1 << 16;

/// Checks every reused output of the matter.
pub fn check(matter: &Matter, graph: &FlowGraph, diags: &mut Vec<Diagnostic>) {
    for (y, item) in matter.items.iter().enumerate() {
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
            let Some(producer) = matter.items.get(*x) else {
                continue;
            };
            let out_name = producer
                .outputs
                .get(*output)
                .map_or("?", |o| o.id.name.as_str());
            if *x == y {
                diags.push(d::reuse_own_output(&item.id.name, out_name, *span));
                continue;
            }
            if !graph.has_path(*x, y) {
                diags.push(d::reuse_without_path(
                    &item.id.name,
                    &producer.id.name,
                    out_name,
                    *span,
                    matter.flow.span,
                    graph.has_path(y, *x),
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
                span: cond_span(conclusion),
                text: format!(
                    "`{}` applies only when {}",
                    producer.id.name,
                    conclusion.display(&matter.situations)
                ),
            }];
            if let Some(c) = &item.when {
                labels.push(CondLabel {
                    span: cond_span(c),
                    text: format!(
                        "`{}` applies when {}",
                        item.id.name,
                        c.display(&matter.situations)
                    ),
                });
            }
            if let Some(c) = when {
                labels.push(CondLabel {
                    span: cond_span(c),
                    text: format!(
                        "the material is needed when {}",
                        c.display(&matter.situations)
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
) -> Option<Vec<(usize, usize)>> {
    let mut involved: Vec<usize> = premise
        .iter()
        .flat_map(|c| c.situations())
        .chain(conclusion.situations())
        .filter(|s| *s < matter.situations.len())
        .collect();
    involved.sort_unstable();
    involved.dedup();
    let radix: Vec<usize> = involved
        .iter()
        .map(|s| matter.situations[*s].options.len().max(1))
        .collect();
    let total = radix.iter().fold(1u64, |a, r| a.saturating_mul(*r as u64));
    if total > MAX_COMBINATIONS {
        return None;
    }
    let mut answers = vec![0usize; matter.situations.len()];
    for k in 0..total {
        let mut rest = k;
        for (s, r) in involved.iter().zip(&radix).rev() {
            answers[*s] = (rest % *r as u64) as usize;
            rest /= *r as u64;
        }
        if premise.iter().all(|c| c.eval(&answers)) && !conclusion.eval(&answers) {
            return Some(involved.iter().map(|s| (*s, answers[*s])).collect());
        }
    }
    None
}

/// Answers as an analyst reads them, e.g. `settle = other, card = true`.
pub fn show_answers(matter: &Matter, answers: &[(usize, usize)]) -> String {
    answers
        .iter()
        .filter_map(|(s, v)| {
            let sit = matter.situations.get(*s)?;
            let value = if sit.is_bool {
                (*v == 1).to_string()
            } else {
                sit.options.get(*v)?.id.clone()
            };
            Some(format!("`{} = {value}`", sit.id.name))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The source range a condition covers.
pub fn cond_span(c: &Cond) -> Span {
    match c {
        Cond::Is { span, .. } => *span,
        Cond::And(a, b) | Cond::Or(a, b) => cond_span(a).to(cond_span(b)),
        Cond::Not(a) => cond_span(a),
    }
}
