//! The co-approval graph of one matter's items, with petgraph kept behind a small domain API.
//!
//! Nodes are the items of `Matter::items`, named by `Idx<Item>`; no petgraph index leaves this module. The graph is
//! kept acyclic: an edge that would close a cycle is not added but returned as a [`Cycle`] (the
//! named steps and every edge), and an edge from an item to itself is returned apart.

use crate::files::Span;
use crate::resolve::model::{id_at, ix, Edge, Item};
use la_arena::Idx;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::Direction;
use std::collections::VecDeque;

/// The item-to-item ordering of one matter's `flow`.
#[derive(Debug, Clone)]
pub struct FlowGraph {
    graph: DiGraph<usize, Span>,
    self_edges: Vec<Edge>,
    cycles: Vec<Cycle>,
}

/// A cycle found in the flow: the steps in order, and each edge with the span that declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    /// The items on the cycle, starting at the target of the edge that closes it.
    pub items: Vec<Idx<Item>>,
    /// The edges `(from, to, span)` in cycle order; the last one closes the cycle.
    pub edges: Vec<(Idx<Item>, Idx<Item>, Span)>,
}

impl FlowGraph {
    /// Builds the graph of `items` items from the flow's edges, in declaration order.
    pub fn build(items: usize, edges: &[Edge]) -> Self {
        let mut graph = DiGraph::with_capacity(items, edges.len());
        for i in 0..items {
            graph.add_node(i);
        }
        let mut g = FlowGraph {
            graph,
            self_edges: Vec::new(),
            cycles: Vec::new(),
        };
        for e in edges {
            if ix(e.from) >= items || ix(e.to) >= items {
                continue;
            }
            if e.from == e.to {
                g.self_edges.push(*e);
                continue;
            }
            let (a, b) = (NodeIndex::new(ix(e.from)), NodeIndex::new(ix(e.to)));
            if g.graph.find_edge(a, b).is_some() {
                continue;
            }
            if let Some(back) = g.path(e.to, e.from) {
                let mut edge_list: Vec<(Idx<Item>, Idx<Item>, Span)> = back
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

    /// How many items the graph has.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    /// Whether the graph has no items.
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

    /// The items that must finish before `item`, in declaration order.
    pub fn preds(&self, item: Idx<Item>) -> Vec<Idx<Item>> {
        self.neighbours(item, Direction::Incoming)
    }

    /// The items that wait for `item`, in declaration order.
    pub fn succs(&self, item: Idx<Item>) -> Vec<Idx<Item>> {
        self.neighbours(item, Direction::Outgoing)
    }

    /// Whether `from -> … -> to` holds (an item reaches itself).
    pub fn has_path(&self, from: Idx<Item>, to: Idx<Item>) -> bool {
        ix(from) < self.len()
            && ix(to) < self.len()
            && petgraph::algo::has_path_connecting(
                &self.graph,
                NodeIndex::new(ix(from)),
                NodeIndex::new(ix(to)),
                None,
            )
    }

    /// The items in an order where every item comes after its predecessors; ties keep
    /// declaration order.
    pub fn order(&self) -> Vec<Idx<Item>> {
        let n = self.len();
        let mut indegree: Vec<usize> = (0..n).map(|i| self.preds(id_at(i)).len()).collect();
        let mut ready: std::collections::BTreeSet<usize> =
            (0..n).filter(|i| indegree[*i] == 0).collect();
        let mut out = Vec::with_capacity(n);
        while let Some(i) = ready.pop_first() {
            out.push(id_at(i));
            for s in self.succs(id_at(i)).into_iter().map(ix) {
                indegree[s] = indegree[s].saturating_sub(1);
                if indegree[s] == 0 {
                    ready.insert(s);
                }
            }
        }
        out
    }

    /// A shortest path `from -> … -> to` as items, when there is one.
    pub fn path(&self, from: Idx<Item>, to: Idx<Item>) -> Option<Vec<Idx<Item>>> {
        let (from, to) = (ix(from), ix(to));
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
                return Some(path.into_iter().map(id_at).collect());
            }
            for s in self.succs(id_at(i)).into_iter().map(ix) {
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
    pub fn edge_span(&self, from: Idx<Item>, to: Idx<Item>) -> Option<Span> {
        let e = self
            .graph
            .find_edge(NodeIndex::new(ix(from)), NodeIndex::new(ix(to)))?;
        self.graph.edge_weight(e).copied()
    }

    fn neighbours(&self, item: Idx<Item>, dir: Direction) -> Vec<Idx<Item>> {
        if ix(item) >= self.len() {
            return Vec::new();
        }
        let mut out: Vec<Idx<Item>> = self
            .graph
            .neighbors_directed(NodeIndex::new(ix(item)), dir)
            .map(|n| id_at(n.index()))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(n: usize) -> Idx<Item> {
        id_at(n)
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
            &[edge(0, 1, 0), edge(1, 2, 1), edge(2, 0, 2), edge(3, 3, 3)],
        );
        assert_eq!(g.self_edges().len(), 1);
        assert_eq!(g.cycles().len(), 1);
        assert_eq!(g.cycles()[0].items, vec![i(0), i(1), i(2)]);
        let closing: Vec<(usize, usize)> = g.cycles()[0]
            .edges
            .iter()
            .map(|e| (ix(e.0), ix(e.1)))
            .collect();
        assert_eq!(closing, vec![(0, 1), (1, 2), (2, 0)]);
        assert!(g.has_path(i(0), i(2)));
        assert!(!g.has_path(i(2), i(0)));
        assert_eq!(g.order(), vec![i(0), i(1), i(2), i(3)]);
        assert_eq!(g.preds(i(2)), vec![i(1)]);
        assert_eq!(g.path(i(0), i(2)), Some(vec![i(0), i(1), i(2)]));
    }
}
