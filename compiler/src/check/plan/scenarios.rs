//! Scenario analysis: per combination of situation answers, which items apply and how long the matter takes.
//!
//! Only the deciding situations (those named in some item's `when`) are combined: the others
//! change materials or fields, never the schedule. Up to [`MAX_SCENARIOS`] combinations are
//! enumerated; past that the worst case is bounded by "every item applies" and the best case
//! by "only the unconditional items apply", and the set says it is not complete.

use super::deadlines::{durations_for, durations_least};
use super::graph::FlowGraph;
use super::schedule::{schedule, Schedule};
use crate::check::combinations as combos;
use crate::resolve::model::{Answers, Item, Matter, Pick, Situation};
use la_arena::Idx;
use std::collections::BTreeMap;

/// The most combinations that are enumerated one by one.
pub const MAX_SCENARIOS: u64 = 4096;

/// The working-day durations of the steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Durations {
    /// The acceptance step.
    pub accept: u32,
    /// The delivery step.
    pub deliver: u32,
    /// Each step's promised limit, by graph position (items in arena order, then the waits,
    /// which count 0 days: a waiting period is not handling time).
    pub promised: Vec<u32>,
    /// Each step's legal limit as the joint cap counts it: its promise when it has none, and 0
    /// for an item not governed by 行政许可法 and for a wait.
    pub legal: Vec<u32>,
    /// Each step's time as it elapses: the promised limit, and a wait's duration.
    pub elapsed: Vec<u32>,
}

/// One scenario with its two schedules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// `(situation, answer)` for each deciding situation; empty for a bound.
    pub answers: Vec<(Idx<Situation>, Pick)>,
    /// Whether each step applies, by graph position (items, then waits).
    pub applies: Vec<bool>,
    /// The schedule over promised limits (the handling schedule: waits count 0 days).
    pub promised: Schedule,
    /// The schedule with each applicable wait counting its duration.
    pub elapsed: Schedule,
    /// The schedule over legal limits, accept included and delivery excluded (the joint cap).
    pub legal: Schedule,
}

/// The result of the scenario analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioSet {
    /// The deciding situations, in declaration order.
    pub deciding: Vec<Idx<Situation>>,
    /// How many combinations they allow (saturating).
    pub combinations: u64,
    /// Whether every combination was enumerated.
    pub complete: bool,
    /// The enumerated scenarios (empty when not complete).
    pub list: Vec<Scenario>,
    /// The longest scenario (the first one on ties), or the "every item" bound.
    pub worst: Scenario,
    /// The shortest scenario (the first one on ties), or the "unconditional items" bound.
    pub best: Scenario,
    /// The scenario with the longest legal path, or the "every item" bound.
    pub legal_worst: Scenario,
}

/// Enumerates the scenarios of a matter.
pub fn analyse(matter: &Matter, graph: &FlowGraph, d: &Durations) -> ScenarioSet {
    let mut deciding: Vec<Idx<Situation>> = matter
        .items
        .values()
        .filter_map(|i| i.when.as_ref())
        .chain(matter.flow.waits.values().filter_map(|w| w.when.as_ref()))
        .flat_map(|c| c.situations())
        .chain(matter.items.values().flat_map(Item::limit_situations))
        .collect();
    deciding.sort_unstable();
    deciding.dedup();
    let radix: Vec<usize> = deciding
        .iter()
        .map(|s| matter.situations[*s].radix().max(1))
        .collect();
    let combinations = combos::count(&radix);
    type Key = (Vec<bool>, Vec<u32>, Vec<u32>);
    let mut memo: BTreeMap<Key, (Schedule, Schedule, Schedule)> = BTreeMap::new();
    let mut run =
        |answers: Vec<(Idx<Situation>, Pick)>, applies: Vec<bool>, d: &Durations| -> Scenario {
            let key = (applies.clone(), d.promised.clone(), d.legal.clone());
            let (promised, legal, elapsed) = memo
                .entry(key)
                .or_insert_with(|| schedules(graph, d, &applies))
                .clone();
            Scenario {
                answers,
                applies,
                promised,
                elapsed,
                legal,
            }
        };
    if combinations > MAX_SCENARIOS {
        let all = vec![true; graph.len()];
        let unconditional: Vec<bool> = matter
            .items
            .values()
            .map(|i| i.when.is_none())
            .chain(matter.flow.waits.values().map(|w| w.when.is_none()))
            .collect();
        let worst = run(Vec::new(), all, d);
        let best = run(Vec::new(), unconditional, &durations_least(matter));
        return ScenarioSet {
            deciding,
            combinations,
            complete: false,
            list: Vec::new(),
            legal_worst: worst.clone(),
            worst,
            best,
        };
    }
    // A combination the rules exclude cannot occur. When they exclude every one (E0308), the
    // schedule is computed over all of them, so that a worst case still exists.
    let rules = combos::Rules::new(matter, &deciding);
    let every = |digits: Vec<usize>| -> Vec<(Idx<Situation>, Pick)> {
        deciding
            .iter()
            .copied()
            .zip(digits.into_iter().map(Pick))
            .collect()
    };
    let mut possible: Vec<Vec<(Idx<Situation>, Pick)>> = combos::combinations(&radix)
        .map(every)
        .filter(|a| rules.allow(a))
        .collect();
    if possible.is_empty() {
        possible = combos::combinations(&radix).map(every).collect();
    }
    let mut list = Vec::new();
    for answers in possible {
        let full: Answers = answers.iter().copied().collect();
        let applies: Vec<bool> = matter
            .items
            .values()
            .map(|i| i.when.as_ref())
            .chain(matter.flow.waits.values().map(|w| w.when.as_ref()))
            .map(|c| c.is_none_or(|c| c.eval(&full)))
            .collect();
        list.push(run(answers, applies, &durations_for(matter, &full)));
    }
    let pick = |better: &dyn Fn(&Scenario, &Scenario) -> bool| -> Scenario {
        let mut best = &list[0];
        for s in &list[1..] {
            if better(s, best) {
                best = s;
            }
        }
        best.clone()
    };
    let worst = pick(&|a, b| a.promised.total > b.promised.total);
    let best = pick(&|a, b| a.promised.total < b.promised.total);
    let legal_worst = pick(&|a, b| a.legal.total > b.legal.total);
    ScenarioSet {
        deciding,
        combinations,
        complete: true,
        list,
        worst,
        best,
        legal_worst,
    }
}

/// The promised, legal and elapsed schedules for one set of applicable steps.
fn schedules(graph: &FlowGraph, d: &Durations, applies: &[bool]) -> (Schedule, Schedule, Schedule) {
    let pick = |limits: &[u32]| -> Vec<Option<u32>> {
        applies
            .iter()
            .enumerate()
            .map(|(i, a)| a.then(|| limits.get(i).copied().unwrap_or(0)))
            .collect()
    };
    (
        schedule(graph, d.accept, &pick(&d.promised), d.deliver),
        schedule(graph, d.accept, &pick(&d.legal), 0),
        schedule(graph, d.accept, &pick(&d.elapsed), d.deliver),
    )
}
