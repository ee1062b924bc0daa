//! The one plan-graph API: a plan's steps indexed, with predecessors, successors, ranks,
//! topological order and applicability in a scenario, for the compiler and the runtime alike.
//!
//! A [`PlanGraph`] is built once from a [`Plan`] and checked on the way: step ids are unique,
//! every `after` names a step, and the `after` edges have no cycle. Indexes are positions in
//! `plan.steps`, so they can index any per-step vector built in the same order.

use crate::condition::Answers;
use crate::plan::Plan;
use std::collections::BTreeMap;
use std::fmt;

/// Why a plan does not form a graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// Two steps share an id.
    DuplicateStep(String),
    /// A step waits for a step the plan does not have.
    UnknownStep {
        /// The step whose `after` names it.
        step: String,
        /// The missing step id.
        after: String,
    },
    /// The `after` edges form a cycle; the steps on it, in order.
    Cycle(Vec<String>),
}

impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GraphError::DuplicateStep(id) => write!(f, "the plan has two steps `{id}`"),
            GraphError::UnknownStep { step, after } => {
                write!(f, "step `{step}` waits for `{after}`, which is not a step")
            }
            GraphError::Cycle(ids) => write!(f, "the steps wait in a circle: {}", ids.join(" → ")),
        }
    }
}

impl std::error::Error for GraphError {}

/// A checked, indexed view of a plan's `after` edges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanGraph {
    ids: Vec<String>,
    index: BTreeMap<String, usize>,
    preds: Vec<Vec<usize>>,
    succs: Vec<Vec<usize>>,
    topo: Vec<usize>,
}

impl PlanGraph {
    /// Indexes `plan.steps` and checks that their `after` edges form a graph without cycles.
    pub fn new(plan: &Plan) -> Result<Self, GraphError> {
        Self::from_edges(
            plan.steps
                .iter()
                .map(|s| (s.id.as_str(), s.after.iter().map(String::as_str))),
        )
    }

    /// Builds the graph from `(step id, the ids it waits for)` pairs, in step order.
    pub fn from_edges<'a, A>(
        steps: impl IntoIterator<Item = (&'a str, A)>,
    ) -> Result<Self, GraphError>
    where
        A: IntoIterator<Item = &'a str>,
    {
        let steps: Vec<(&str, Vec<&str>)> = steps
            .into_iter()
            .map(|(id, after)| (id, after.into_iter().collect()))
            .collect();
        let mut index = BTreeMap::new();
        let mut ids = Vec::with_capacity(steps.len());
        for (i, (id, _)) in steps.iter().enumerate() {
            if index.insert((*id).to_string(), i).is_some() {
                return Err(GraphError::DuplicateStep((*id).to_string()));
            }
            ids.push((*id).to_string());
        }
        let mut preds = vec![Vec::new(); steps.len()];
        let mut succs = vec![Vec::new(); steps.len()];
        for (i, (id, after)) in steps.iter().enumerate() {
            for a in after {
                let Some(&j) = index.get(*a) else {
                    return Err(GraphError::UnknownStep {
                        step: (*id).to_string(),
                        after: (*a).to_string(),
                    });
                };
                if !preds[i].contains(&j) {
                    preds[i].push(j);
                    succs[j].push(i);
                }
            }
        }
        let topo = topological(&preds, &succs).map_err(|cycle| {
            GraphError::Cycle(cycle.into_iter().map(|i| ids[i].clone()).collect())
        })?;
        Ok(PlanGraph {
            ids,
            index,
            preds,
            succs,
            topo,
        })
    }

    /// The number of steps.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the plan has no step.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The index of a step id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The id of step `i`.
    pub fn id(&self, i: usize) -> &str {
        self.ids.get(i).map_or("", String::as_str)
    }

    /// The steps `i` waits for directly, in the order its `after` names them.
    pub fn predecessors(&self, i: usize) -> &[usize] {
        self.preds.get(i).map_or(&[], Vec::as_slice)
    }

    /// The steps that wait for `i` directly, in step order.
    pub fn successors(&self, i: usize) -> &[usize] {
        self.succs.get(i).map_or(&[], Vec::as_slice)
    }

    /// Every step, each after all the steps it waits for; ties keep step order.
    pub fn topological_order(&self) -> &[usize] {
        &self.topo
    }

    /// Each step's longest-path rank: 0 for a step that waits for nothing, else one more than
    /// the highest rank it waits for.
    pub fn ranks(&self) -> Vec<usize> {
        let mut rank = vec![0usize; self.len()];
        for &i in &self.topo {
            rank[i] = self.preds[i]
                .iter()
                .map(|&p| rank[p] + 1)
                .max()
                .unwrap_or(0);
        }
        rank
    }

    /// Whether `to` can be reached from `from` over one or more edges.
    pub fn reaches(&self, from: usize, to: usize) -> bool {
        let mut seen = vec![false; self.len()];
        let mut todo: Vec<usize> = self.successors(from).to_vec();
        while let Some(x) = todo.pop() {
            if x == to {
                return true;
            }
            if !std::mem::replace(&mut seen[x], true) {
                todo.extend_from_slice(self.successors(x));
            }
        }
        false
    }

    /// Whether the edge `from → to` is implied by a longer path from `from` to `to`.
    pub fn is_implied(&self, from: usize, to: usize) -> bool {
        self.predecessors(to)
            .iter()
            .any(|&other| other != from && self.reaches(from, other))
    }

    /// Every step that waits for `i`, directly or transitively, in step order.
    pub fn downstream(&self, i: usize) -> Vec<usize> {
        let mut seen = vec![false; self.len()];
        let mut todo: Vec<usize> = self.successors(i).to_vec();
        while let Some(x) = todo.pop() {
            if !std::mem::replace(&mut seen[x], true) {
                todo.extend_from_slice(self.successors(x));
            }
        }
        (0..self.len()).filter(|&j| seen[j]).collect()
    }

    /// The steps `i` really waits for when only the steps with `applies[j]` take part: its
    /// predecessors, looking through each skipped one to the steps that one waits for
    /// (a skipped step passes ordering through). Sorted, without repeats.
    pub fn applicable_predecessors(&self, i: usize, applies: &[bool]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut seen = vec![false; self.len()];
        let mut todo: Vec<usize> = self.predecessors(i).to_vec();
        while let Some(p) = todo.pop() {
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            if applies.get(p).copied().unwrap_or(true) {
                out.push(p);
            } else {
                todo.extend_from_slice(self.predecessors(p));
            }
        }
        out.sort_unstable();
        out
    }
}

/// Which steps of `plan` apply under `answers`, by step index.
pub fn applicability(plan: &Plan, answers: &Answers) -> Vec<bool> {
    plan.steps
        .iter()
        .map(|s| s.condition.eval(answers))
        .collect()
}

/// Kahn's algorithm, taking the lowest ready index first; on a cycle, the steps of one cycle.
fn topological(preds: &[Vec<usize>], succs: &[Vec<usize>]) -> Result<Vec<usize>, Vec<usize>> {
    let n = preds.len();
    let mut indegree: Vec<usize> = preds.iter().map(Vec::len).collect();
    let mut ready: std::collections::BTreeSet<usize> =
        (0..n).filter(|&i| indegree[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop_first() {
        order.push(i);
        for &s in &succs[i] {
            indegree[s] -= 1;
            if indegree[s] == 0 {
                ready.insert(s);
            }
        }
    }
    if order.len() == n {
        return Ok(order);
    }
    // Every step left has a predecessor left: walk back until a step repeats.
    let left: Vec<bool> = indegree.iter().map(|d| *d > 0).collect();
    let Some(start) = (0..n).find(|&i| left[i]) else {
        return Err(Vec::new());
    };
    let mut path = vec![start];
    let mut pos = vec![usize::MAX; n];
    pos[start] = 0;
    let mut x = start;
    loop {
        let Some(&p) = preds[x].iter().find(|&&p| left[p]) else {
            return Err(path);
        };
        if pos[p] != usize::MAX {
            let mut cycle: Vec<usize> = path[pos[p]..].to_vec();
            cycle.reverse();
            return Err(cycle);
        }
        pos[p] = path.len();
        path.push(p);
        x = p;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(steps: &[(&'static str, &[&'static str])]) -> Result<PlanGraph, GraphError> {
        PlanGraph::from_edges(steps.iter().map(|(id, after)| (*id, after.iter().copied())))
    }

    #[test]
    fn indexes_orders_and_ranks() {
        let g = graph(&[
            ("accept", &[]),
            ("b", &["accept"]),
            ("h", &["b"]),
            ("v", &["accept"]),
            ("deliver", &["h", "v", "b"]),
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(g.len(), 5);
        assert_eq!(g.index("h"), Some(2));
        assert_eq!(g.predecessors(4), &[2, 3, 1]);
        assert_eq!(g.successors(0), &[1, 3]);
        assert_eq!(g.topological_order(), &[0, 1, 2, 3, 4]);
        assert_eq!(g.ranks(), vec![0, 1, 2, 1, 3]);
        assert!(g.reaches(0, 4) && !g.reaches(4, 0) && !g.reaches(3, 2));
        assert!(
            g.is_implied(1, 4),
            "b → deliver is implied by b → h → deliver"
        );
        assert!(!g.is_implied(2, 4));
        assert_eq!(g.downstream(1), vec![2, 4]);
    }

    #[test]
    fn skipped_steps_pass_ordering_through() {
        let g = graph(&[("a", &[]), ("b", &["a"]), ("c", &["b"]), ("d", &["c", "a"])])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            g.applicable_predecessors(3, &[true, false, false, true]),
            vec![0]
        );
        assert_eq!(
            g.applicable_predecessors(3, &[true, true, false, true]),
            vec![0, 1]
        );
        assert_eq!(g.applicable_predecessors(3, &[true; 4]), vec![0, 2]);
    }

    #[test]
    fn refuses_what_is_not_a_graph() {
        assert_eq!(
            graph(&[("a", &[]), ("a", &[])]),
            Err(GraphError::DuplicateStep("a".into()))
        );
        assert_eq!(
            graph(&[("a", &["z"])]),
            Err(GraphError::UnknownStep {
                step: "a".into(),
                after: "z".into()
            })
        );
        let Err(GraphError::Cycle(c)) =
            graph(&[("s", &[]), ("a", &["c"]), ("b", &["a"]), ("c", &["b"])])
        else {
            panic!("a cycle must be refused");
        };
        assert_eq!(c.len(), 3);
        assert!(c.contains(&"a".to_string()) && c.contains(&"c".to_string()));
        assert!(matches!(graph(&[("a", &["a"])]), Err(GraphError::Cycle(c)) if c == ["a"]));
    }
}
