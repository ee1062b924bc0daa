//! 一次联办: the co-approval graph of one matter, its deadlines, critical path, scenarios and legal checks.
//!
//! Steps are `accept` (the window), one per item, one per wait step (公告期, 公示期), and
//! `deliver`. Flow edges order the items and waits; a step with no predecessor starts after
//! `accept`; `deliver` waits for every step. A wait counts 0 days in the handling schedule
//! (the totals, the checks) and its duration in the elapsed one (行政许可法 第四十五条). The
//! analysis is check's own result; `lower::plan` turns it into the plan IR.

pub mod deadlines;
pub mod diagnostics;
pub mod graph;
mod limits;
mod rules;
pub mod scenarios;
pub mod schedule;
pub mod soundness;
pub mod units;
mod waits;

pub use deadlines::{
    step_name, under_licensing_law, JOINT_CAP_WORKDAYS, JOINT_EXTENSION_MAX_WORKDAYS,
};
pub use graph::{Cycle, FlowGraph};
pub use scenarios::{Durations, Scenario, ScenarioSet, MAX_SCENARIOS};
pub use schedule::{Schedule, StepRef, Timing};

use crate::diagnostics::Diagnostic;
use crate::resolve::model::{FlowNode, Matter};

/// Everything the plan checks found out about one matter.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The item ordering (acyclic: edges closing a cycle are reported and left out).
    pub graph: FlowGraph,
    /// The steps' durations in working days.
    pub durations: Durations,
    /// The schedule in which every item applies: the per-step times of the plan.
    pub schedule: Schedule,
    /// The scenario analysis: worst and best cases, and the joint-cap path.
    pub scenarios: ScenarioSet,
}

/// Analyses one matter: builds and checks its graph, deadlines and scenarios.
pub fn analyse(matter: &Matter) -> (Analysis, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let graph = FlowGraph::build(
        matter.items.len(),
        matter.flow.waits.len(),
        &matter.flow.edges,
    );
    let name = |n: FlowNode| matter.node_name(n);
    for e in graph.self_edges() {
        diags.push(diagnostics::self_edge(name(e.from), e.span));
    }
    for c in graph.cycles() {
        let names: Vec<String> = c.items.iter().map(|i| name(*i).to_string()).collect();
        let edges: Vec<(String, String, crate::files::Span)> = c
            .edges
            .iter()
            .map(|(a, b, s)| (name(*a).to_string(), name(*b).to_string(), *s))
            .collect();
        diags.push(diagnostics::cycle(&names, &edges));
    }
    rules::check(matter, &mut diags);
    waits::check(matter, &mut diags);
    soundness::check(matter, &graph, &mut diags);
    deadlines::check_items(matter, &mut diags);
    limits::check(matter, &mut diags);
    let durations = deadlines::durations(matter);
    let every: Vec<Option<u32>> = durations.promised.iter().map(|d| Some(*d)).collect();
    let schedule = schedule::schedule(&graph, durations.accept, &every, durations.deliver);
    let scenarios = scenarios::analyse(matter, &graph, &durations);
    deadlines::check_total(matter, &scenarios, &mut diags);
    deadlines::check_joint(matter, &scenarios, &mut diags);
    crate::diagnostics::sort(&mut diags);
    (
        Analysis {
            graph,
            durations,
            schedule,
            scenarios,
        },
        diags,
    )
}
