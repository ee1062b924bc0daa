//! The co-approval graph of one matter's steps, with petgraph kept behind a small domain API.
//!
//! Nodes are the items of `Matter::items` and the wait steps of the flow, named by
//! [`FlowNode`]; inside, the items come first, then the waits ("positions", as the schedule
//! indexes its timings). No petgraph index leaves this module. The graph is
//! kept acyclic: an edge that would close a cycle is not added but returned as a [`Cycle`] (the
//! named steps and every edge), and an edge from an item to itself is returned apart.

use crate::files::Span;
use crate::resolve::model::{id_at, ix, Edge, FlowNode};
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction;
use std::collections::VecDeque;

/// The item-to-item ordering of one matter's `flow`.
#[derive(Debug, Clone)]
pub struct FlowGraph {
    graph: DiGraph<usize, Span>,
    items: usize,
    self_edges: Vec<Edge>,
    cycles: Vec<Cycle>,
}

/// A cycle found in the flow: the steps in order, and each edge with the span that declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    /// The items on the cycle, starting at the target of the edge that closes it.
    pub items: Vec<FlowNode>,
    /// The edges `(from, to, span)` in cycle order; the last one closes the cycle.
    pub edges: Vec<(FlowNode, FlowNode, Span)>,
}

impl FlowGraph {
    /// Builds the graph of `items` items and `waits` wait steps from the flow's edges, in
    /// declaration order.
    pub fn build(items: usize, waits: usize, edges: &[Edge]) -> Self {
        let nodes = items + waits;
        let mut graph = DiGraph::with_capacity(nodes, edges.len());
        for i in 0..nodes {
            graph.add_node(i);
        }
        let mut g = FlowGraph {
            graph,
            items,
            self_edges: Vec::new(),
            cycles: Vec::new(),
        };
        for e in edges {
            let (from, to) = (g.position(e.from), g.position(e.to));
            if from >= nodes || to >= nodes {
                continue;
            }
            if e.from == e.to {
                g.self_edges.push(*e);
                continue;
            }
            let (a, b) = (NodeIndex::new(from), NodeIndex::new(to));
            if g.graph.find_edge(a, b).is_some() {
                continue;
            }
            if let Some(back) = g.path(e.to, e.from) {
                let mut edge_list: Vec<(FlowNode, FlowNode, Span)> = back
                    .windows(2)
                    .filter_map(|w| g.edge_span(w[0], w[1]).map(|s| (w[0], w[1], s)))
                    .collect();
                edge_list.push((e.from, e.to, e.span));
                g.cycles.push(Cycle {
                    items: back,
                    edges: edge_list,
                });
                continue;
            }
            g.graph.add_edge(a, b, e.span);
        }
        g
    }

    /// How many steps (items and waits) the graph has.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    /// How many of the steps are items (they come first).
    pub fn item_count(&self) -> usize {
        self.items
    }

    /// The position of a step: an item's arena position, or the item count plus a wait's.
    pub fn position(&self, node: FlowNode) -> usize {
        match node {
            FlowNode::Item(i) => ix(i),
            FlowNode::Wait(w) => self.items + ix(w),
        }
    }

    /// The step at a position (the inverse of [`FlowGraph::position`]).
    pub fn node(&self, position: usize) -> FlowNode {
        if position < self.items {
            FlowNode::Item(id_at(position))
        } else {
            FlowNode::Wait(id_at(position - self.items))
        }
    }

    /// Every step, items first, then waits.
    pub fn nodes(&self) -> impl Iterator<Item = FlowNode> + '_ {
        (0..self.len()).map(|i| self.node(i))
    }

    /// Whether the graph has no steps.
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// The `X -> X` edges, which the graph leaves out.
    pub fn self_edges(&self) -> &[Edge] {
        &self.self_edges
    }

    /// The cycles, one per edge that would have closed one (that edge is left out).
    pub fn cycles(&self) -> &[Cycle] {
        &self.cycles
    }

    /// The steps that must finish before `node`, items first, each in declaration order.
    pub fn preds(&self, node: FlowNode) -> Vec<FlowNode> {
        self.neighbours(node, Direction::Incoming)
    }

    /// The steps that wait for `node`, items first, each in declaration order.
    pub fn succs(&self, node: FlowNode) -> Vec<FlowNode> {
        self.neighbours(node, Direction::Outgoing)
    }

    /// Whether `from -> … -> to` holds (a step reaches itself).
    pub fn has_path(&self, from: FlowNode, to: FlowNode) -> bool {
        let (from, to) = (self.position(from), self.position(to));
        from < self.len()
            && to < self.len()
            && petgraph::algo::has_path_connecting(
                &self.graph,
                NodeIndex::new(from),
                NodeIndex::new(to),
                None,
            )
    }

    /// The steps in an order where every step comes after its predecessors; ties keep
    /// position order (items, then waits).
    pub fn order(&self) -> Vec<FlowNode> {
        let n = self.len();
        let mut indegree: Vec<usize> = (0..n).map(|i| self.preds(self.node(i)).len()).collect();
        let mut ready: std::collections::BTreeSet<usize> =
            (0..n).filter(|i| indegree[*i] == 0).collect();
        let mut out = Vec::with_capacity(n);
        while let Some(i) = ready.pop_first() {
            out.push(self.node(i));
            for s in self
                .succs(self.node(i))
                .into_iter()
                .map(|s| self.position(s))
            {
                indegree[s] = indegree[s].saturating_sub(1);
                if indegree[s] == 0 {
                    ready.insert(s);
                }
            }
        }
        out
    }

    /// A shortest path `from -> … -> to` as steps, when there is one.
    pub fn path(&self, from: FlowNode, to: FlowNode) -> Option<Vec<FlowNode>> {
        let (from, to) = (self.position(from), self.position(to));
        if from >= self.len() || to >= self.len() {
            return None;
        }
        let mut prev: Vec<Option<usize>> = vec![None; self.len()];
        let mut seen = vec![false; self.len()];
        let mut queue = VecDeque::from([from]);
        seen[from] = true;
        while let Some(i) = queue.pop_front() {
            if i == to {
                let mut path = vec![to];
                let mut at = to;
                while let Some(p) = prev[at] {
                    path.push(p);
                    at = p;
                }
                path.reverse();
                return Some(path.into_iter().map(|p| self.node(p)).collect());
            }
            for s in self
                .succs(self.node(i))
                .into_iter()
                .map(|s| self.position(s))
            {
                if !seen[s] {
                    seen[s] = true;
                    prev[s] = Some(i);
                    queue.push_back(s);
                }
            }
        }
        None
    }

    /// The span of the first declaration of `from -> to`.
    pub fn edge_span(&self, from: FlowNode, to: FlowNode) -> Option<Span> {
        let e = self.graph.find_edge(
            NodeIndex::new(self.position(from)),
            NodeIndex::new(self.position(to)),
        )?;
        self.graph.edge_weight(e).copied()
    }

    fn neighbours(&self, node: FlowNode, dir: Direction) -> Vec<FlowNode> {
        let at = self.position(node);
        if at >= self.len() {
            return Vec::new();
        }
        let mut out: Vec<FlowNode> = self
            .graph
            .neighbors_directed(NodeIndex::new(at), dir)
            .map(|n| self.node(n.index()))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(n: usize) -> FlowNode {
        FlowNode::Item(id_at(n))
    }

    fn edge(from: usize, to: usize, at: u32) -> Edge {
        Edge {
            from: i(from),
            to: i(to),
            span: Span {
                start: at,
                end: at + 1,
                ..Span::default()
            },
        }
    }

    #[test]
    fn orders_paths_and_cycles() {
        let g = FlowGraph::build(
            4,
            0,
            &[edge(0, 1, 0), edge(1, 2, 1), edge(2, 0, 2), edge(3, 3, 3)],
        );
        assert_eq!(g.self_edges().len(), 1);
        assert_eq!(g.cycles().len(), 1);
        assert_eq!(g.cycles()[0].items, vec![i(0), i(1), i(2)]);
        let closing: Vec<(usize, usize)> = g.cycles()[0]
            .edges
            .iter()
            .map(|e| (g.position(e.0), g.position(e.1)))
            .collect();
        assert_eq!(closing, vec![(0, 1), (1, 2), (2, 0)]);
        assert!(g.has_path(i(0), i(2)));
        assert!(!g.has_path(i(2), i(0)));
        assert_eq!(g.order(), vec![i(0), i(1), i(2), i(3)]);
        assert_eq!(g.preds(i(2)), vec![i(1)]);
        assert_eq!(g.path(i(0), i(2)), Some(vec![i(0), i(1), i(2)]));
    }
}
