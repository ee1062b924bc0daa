//! The static schedule (critical path method) in working days: accept, the items and wait
//! steps, deliver.
//!
//! An item that does not apply in a scenario takes 0 days but stays in the graph, so ordering
//! flows through it: its predecessors connect to its successors, and it never blocks them. It
//! never appears on a critical path.

use super::graph::FlowGraph;
use crate::resolve::model::{ix, FlowNode, Item, Wait};
use la_arena::Idx;

/// A step of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StepRef {
    /// Acceptance at the window.
    Accept,
    /// An item.
    Item(Idx<Item>),
    /// A wait step.
    Wait(Idx<Wait>),
    /// The one delivery.
    Deliver,
}

/// One step's times, in working days from the start of the case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timing {
    /// The step's duration (0 when it does not apply).
    pub days: u32,
    /// Earliest start.
    pub earliest_start: u32,
    /// Earliest finish.
    pub earliest_finish: u32,
    /// Latest finish that keeps the total.
    pub latest_finish: u32,
    /// `latest_finish - earliest_finish`.
    pub slack: u32,
}

impl Timing {
    /// Whether the step is critical (no slack).
    pub fn critical(&self) -> bool {
        self.slack == 0
    }
}

/// The schedule of one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The acceptance step.
    pub accept: Timing,
    /// One per flow step, by graph position: the items in arena (declaration) order, then the
    /// wait steps.
    pub items: Vec<Timing>,
    /// How many of `items` are items (the waits follow).
    pub item_count: usize,
    /// The delivery step.
    pub deliver: Timing,
    /// accept + longest path + deliver.
    pub total: u32,
    /// The critical path, from accept to deliver, without items that do not apply.
    pub critical_path: Vec<StepRef>,
}

impl Schedule {
    /// The timing of a step.
    pub fn timing(&self, step: StepRef) -> Timing {
        match step {
            StepRef::Accept => self.accept,
            StepRef::Item(i) => self.items.get(ix(i)).copied().unwrap_or_default(),
            StepRef::Wait(w) => self
                .items
                .get(self.item_count + ix(w))
                .copied()
                .unwrap_or_default(),
            StepRef::Deliver => self.deliver,
        }
    }
}

/// Schedules the steps; `items[i]` is the duration of the step at graph position `i` (an item,
/// or a wait after the items), or `None` when it does not apply.
pub fn schedule(graph: &FlowGraph, accept: u32, items: &[Option<u32>], deliver: u32) -> Schedule {
    let n = graph.len().min(items.len());
    let order: Vec<usize> = graph
        .order()
        .into_iter()
        .map(|s| graph.position(s))
        .collect();
    let preds = |i: usize| -> Vec<usize> {
        graph
            .preds(graph.node(i))
            .into_iter()
            .map(|p| graph.position(p))
            .collect()
    };
    let days = |i: usize| items.get(i).copied().flatten().unwrap_or(0);
    let mut t = vec![Timing::default(); n];
    for &i in &order {
        let start = preds(i)
            .iter()
            .map(|p| t[*p].earliest_finish)
            .max()
            .unwrap_or(accept);
        t[i].days = days(i);
        t[i].earliest_start = start;
        t[i].earliest_finish = start.saturating_add(days(i));
    }
    let deliver_start = t
        .iter()
        .map(|x| x.earliest_finish)
        .max()
        .unwrap_or(accept)
        .max(accept);
    let total = deliver_start.saturating_add(deliver);
    for &i in order.iter().rev() {
        let lf = graph
            .succs(graph.node(i))
            .into_iter()
            .map(|s| graph.position(s))
            .map(|s| t[s].latest_finish.saturating_sub(t[s].days))
            .min()
            .unwrap_or(deliver_start)
            .min(deliver_start);
        t[i].latest_finish = lf;
        t[i].slack = lf.saturating_sub(t[i].earliest_finish);
    }
    let accept_lf = (0..n)
        .filter(|i| preds(*i).is_empty())
        .map(|i| t[i].latest_finish.saturating_sub(t[i].days))
        .min()
        .unwrap_or(deliver_start)
        .min(deliver_start);
    let accept_t = Timing {
        days: accept,
        earliest_start: 0,
        earliest_finish: accept,
        latest_finish: accept_lf,
        slack: accept_lf.saturating_sub(accept),
    };
    let deliver_t = Timing {
        days: deliver,
        earliest_start: deliver_start,
        earliest_finish: total,
        latest_finish: total,
        slack: 0,
    };
    let critical_path = walk_back(graph, &t, items, deliver_start);
    Schedule {
        accept: accept_t,
        items: t,
        item_count: graph.item_count(),
        deliver: deliver_t,
        total,
        critical_path,
    }
}

/// Walks from deliver back to accept through predecessors that finish exactly when the next
/// step starts, preferring items that apply, then declaration order.
fn walk_back(
    graph: &FlowGraph,
    t: &[Timing],
    items: &[Option<u32>],
    deliver_start: u32,
) -> Vec<StepRef> {
    let applies = |i: usize| items.get(i).is_some_and(Option::is_some);
    let pick = |cands: Vec<usize>, at: u32| -> Option<usize> {
        let tight: Vec<usize> = cands
            .into_iter()
            .filter(|i| t[*i].earliest_finish == at && t[*i].slack == 0)
            .collect();
        tight
            .iter()
            .copied()
            .find(|i| applies(*i))
            .or_else(|| tight.first().copied())
    };
    let mut path = vec![StepRef::Deliver];
    let mut current = pick((0..t.len()).collect(), deliver_start);
    while let Some(i) = current {
        if applies(i) {
            path.push(match graph.node(i) {
                FlowNode::Item(item) => StepRef::Item(item),
                FlowNode::Wait(wait) => StepRef::Wait(wait),
            });
        }
        current = pick(
            graph
                .preds(graph.node(i))
                .into_iter()
                .map(|p| graph.position(p))
                .collect(),
            t[i].earliest_start,
        );
    }
    path.push(StepRef::Accept);
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::Span;
    use crate::resolve::model::{id_at, Edge};

    fn e(from: usize, to: usize) -> Edge {
        Edge {
            from: FlowNode::Item(id_at(from)),
            to: FlowNode::Item(id_at(to)),
            span: Span::default(),
        }
    }

    #[test]
    fn computes_slack_and_flows_through_skipped_items() {
        // 0 -> 1 -> 2, 0 -> 2, and 3 alone.
        let g = FlowGraph::build(4, 0, &[e(0, 1), e(1, 2), e(0, 2)]);
        let s = schedule(&g, 1, &[Some(1), Some(2), Some(1), Some(0)], 1);
        assert_eq!(s.total, 6);
        assert_eq!(s.items[3].slack, 4);
        assert_eq!(
            s.critical_path,
            vec![
                StepRef::Accept,
                StepRef::Item(id_at(0)),
                StepRef::Item(id_at(1)),
                StepRef::Item(id_at(2)),
                StepRef::Deliver
            ]
        );
        let skipped = schedule(&g, 1, &[Some(1), None, Some(1), Some(0)], 1);
        assert_eq!(skipped.total, 4);
        assert_eq!(
            skipped.critical_path,
            vec![
                StepRef::Accept,
                StepRef::Item(id_at(0)),
                StepRef::Item(id_at(2)),
                StepRef::Deliver
            ]
        );
    }

    #[test]
    fn schedules_a_matter_without_items() {
        let g = FlowGraph::build(0, 0, &[]);
        let s = schedule(&g, 1, &[], 2);
        assert_eq!(s.total, 3);
        assert_eq!(s.critical_path, vec![StepRef::Accept, StepRef::Deliver]);
    }
}
