//! The process of one plan as BPMN elements with their places: what `plan.bpmn` holds, before
//! it is written as XML.
//!
//! Every step is one user task. A step that waits for several steps starts with a parallel
//! join; a step that several steps wait for ends with a parallel fork. A conditional item sits
//! between an exclusive decision and an exclusive merge: the decision takes the task when the
//! item's condition holds and the skip flow (its default) otherwise, so a skipped item still
//! passes one token on to each successor, right after its own predecessors finished — the
//! plan's "a skipped item passes ordering through". Edges the plan implies through a longer
//! path (`PlanGraph::is_implied`) are left out: every step fires exactly once, so they add no
//! ordering.

use super::feel::{self, Variables};
use super::ids::{feel_entry, xml_id};
use super::layout::{self, Bounds, Slot};
use crate::ir::plan::PlanIr;
use yjs_artifacts::{Condition, PlanGraph, Step, StepKind};

/// One flow node.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub name: Option<String>,
    pub kind: Kind,
    pub bounds: Bounds,
}

/// What a flow node is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// The process's none start event.
    Start,
    /// The process's none end event.
    End,
    /// A step's user task.
    Task(Task),
    /// A parallel gateway that splits or joins.
    Parallel,
    /// An exclusive gateway choosing between a task and its skip flow; the skip flow's id.
    Decide { default: String },
    /// The exclusive gateway where the task and its skip flow meet again: it passes on the one
    /// token that arrives.
    Merge,
    /// A non-interrupting boundary timer on `attached` at the FEEL date `date`.
    Timer { attached: String, date: String },
    /// A wait step (公告期, 公示期): an intermediate timer catch event, the token waits there
    /// until the period has passed.
    Wait(WaitTimer),
    /// A message end event whose job (type [`SUPERVISION_JOB`]) tells the caller a timer fired.
    Supervision { step: String, timer: &'static str },
}

/// When a wait step's timer fires.
#[derive(Debug, Clone, PartialEq)]
pub enum WaitTimer {
    /// `N days`: an ISO 8601 duration (`P20D`), natural days the engine counts itself.
    Duration(String),
    /// `N workdays`, or `N days roll_forward`: a FEEL date the caller fills from the holiday
    /// calendar (`=waitEnds.x`), as it fills the due dates: no engine knows the official
    /// calendar.
    Date(String),
}

/// The job type of the supervision end events.
pub const SUPERVISION_JOB: &str = "yjs-supervision";

/// What the user task of a step carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// The step's department id: the task's candidate group.
    pub group: String,
    /// FEEL expressions of the due date and the warning date.
    pub due: String,
    pub warn: String,
    /// The FEEL expression of the item's packet, mapped to the task's local `packet`; none for
    /// acceptance and delivery.
    pub packet: Option<String>,
    /// The form the task shows, as a reference into the matter's build folder: the item's
    /// packet schema in `projections.json`, or the merged form for the window's steps.
    pub form: String,
    /// A one-line description: department, limits, condition.
    pub documentation: String,
}

/// One sequence flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub id: String,
    pub name: Option<String>,
    pub source: String,
    pub target: String,
    /// A FEEL condition, with its leading `=`.
    pub condition: Option<String>,
    pub waypoints: Vec<(i32, i32)>,
}

/// The process of one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Process {
    pub id: String,
    pub name: String,
    /// The situation variables the conditions read, `(situation, variable)`, in the plan's
    /// order of deciding situations.
    pub variables: Vec<(String, String)>,
    pub nodes: Vec<Node>,
    pub flows: Vec<Flow>,
}

/// Builds the process of `ir`'s plan; `graph` is the plan's graph.
pub fn build(ir: &PlanIr, graph: &PlanGraph) -> Process {
    let plan = &ir.plan;
    let variables =
        super::ids::situation_variables(plan.scenarios.deciding.iter().map(String::as_str));
    let vars: Variables = variables.iter().cloned().collect();
    let step_ids: Vec<String> = plan.steps.iter().map(|s| xml_id(&s.id)).collect();
    let mut id = xml_id(&plan.matter);
    if step_ids.contains(&id) {
        id.push_str("-process");
    }
    let ranks = graph.ranks();
    let rows = rows(&ranks);
    let mut b = Builder::default();
    let mut cells = Vec::with_capacity(plan.steps.len());
    let mut items = 0usize;
    for (i, step) in plan.steps.iter().enumerate() {
        let form = if step.kind == StepKind::Item {
            items += 1;
            format!("projections.json#/items/{}/packet_schema", items - 1)
        } else {
            "form.schema.json".to_string()
        };
        let preds = kept(graph, i, graph.predecessors(i), true);
        let succs = kept(graph, i, graph.successors(i), false);
        cells.push(b.step(
            step,
            &step_ids[i],
            Place {
                rank: ranks[i],
                row: rows[i],
                join: preds.len() > 1,
                fork: succs.len() > 1,
            },
            form,
            &vars,
            ir.conditions.get(i).and_then(Option::as_ref),
        ));
    }
    let sources: Vec<usize> = (0..plan.steps.len())
        .filter(|&i| graph.predecessors(i).is_empty())
        .collect();
    let sinks: Vec<usize> = (0..plan.steps.len())
        .filter(|&i| graph.successors(i).is_empty())
        .collect();
    let start = b.node(
        "yjs-start",
        Some("提交申请"),
        Kind::Start,
        layout::start_event(),
    );
    let first = if sources.len() > 1 {
        let fork = b.node("yjs-fork", None, Kind::Parallel, layout::start(true));
        b.flow(&start, &fork, None, None);
        fork
    } else {
        start
    };
    for &s in &sources {
        b.flow(&first, &cells[s].entry, None, None);
    }
    for (i, cell) in cells.iter().enumerate() {
        for j in kept(graph, i, graph.successors(i), false) {
            b.flow(&cell.exit, &cells[j].entry, None, None);
        }
    }
    let last_rank = ranks.iter().copied().max().map_or(0, |r| r + 1);
    let end = b.node(
        "yjs-end",
        Some("办结"),
        Kind::End,
        layout::end(last_rank, false),
    );
    let last = if sinks.len() > 1 {
        let join = b.node(
            "yjs-join",
            None,
            Kind::Parallel,
            layout::end(last_rank, true),
        );
        b.flow(&join, &end, None, None);
        join
    } else {
        end
    };
    for &s in &sinks {
        b.flow(&cells[s].exit, &last, None, None);
    }
    Process {
        id,
        name: plan.name.clone(),
        variables,
        nodes: b.nodes,
        flows: b.flows,
    }
}

/// Each step's row within its rank: the steps of a rank in step order.
fn rows(ranks: &[usize]) -> Vec<usize> {
    let mut next = vec![0usize; ranks.iter().copied().max().map_or(0, |r| r + 1)];
    ranks
        .iter()
        .map(|&r| {
            let row = next[r];
            next[r] += 1;
            row
        })
        .collect()
}

/// The neighbours of step `i` (its predecessors when `before`, else its successors) whose
/// edge with `i` no longer path implies.
fn kept(graph: &PlanGraph, i: usize, neighbours: &[usize], before: bool) -> Vec<usize> {
    neighbours
        .iter()
        .copied()
        .filter(|&n| {
            if before {
                !graph.is_implied(n, i)
            } else {
                !graph.is_implied(i, n)
            }
        })
        .collect()
}

/// Where a step's cell is, and whether it starts with a join and ends with a fork.
#[derive(Debug, Clone, Copy)]
struct Place {
    rank: usize,
    row: usize,
    join: bool,
    fork: bool,
}

/// Where a step's elements are entered and left.
struct Cell {
    entry: String,
    exit: String,
}

/// Collects nodes and flows, numbering the flows.
#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    flows: Vec<Flow>,
}

impl Builder {
    /// Adds a node; returns its id.
    fn node(&mut self, id: &str, name: Option<&str>, kind: Kind, bounds: Bounds) -> String {
        self.nodes.push(Node {
            id: id.to_string(),
            name: name.map(str::to_string),
            kind,
            bounds,
        });
        id.to_string()
    }

    fn bounds(&self, id: &str) -> Bounds {
        self.nodes
            .iter()
            .find(|n| n.id == id)
            .map_or(layout::start_event(), |n| n.bounds)
    }

    /// Adds a flow, routed by `layout::connect` unless `waypoints` are given.
    fn flow(
        &mut self,
        source: &str,
        target: &str,
        named: Option<(&str, &str)>,
        waypoints: Option<Vec<(i32, i32)>>,
    ) {
        let waypoints =
            waypoints.unwrap_or_else(|| layout::connect(self.bounds(source), self.bounds(target)));
        let (id, name) = match named {
            Some((id, name)) => (id.to_string(), Some(name.to_string())),
            None => (format!("flow-{}", self.flows.len() + 1), None),
        };
        self.flows.push(Flow {
            id,
            name,
            source: source.to_string(),
            target: target.to_string(),
            condition: None,
            waypoints,
        });
    }

    /// Adds a step's elements: join, decision, task with timers, merge, fork.
    fn step(
        &mut self,
        step: &Step,
        id: &str,
        place: Place,
        form: String,
        vars: &Variables,
        written: Option<&String>,
    ) -> Cell {
        let at = |slot| layout::cell(place.rank, place.row, slot);
        if step.kind == StepKind::Wait {
            let timer = match step.promise.unit.as_str() {
                "days" if !step.rolls_forward() => {
                    WaitTimer::Duration(format!("P{}D", step.promise.amount))
                }
                _ => WaitTimer::Date(format!("={}", feel_entry("waitEnds", &step.id))),
            };
            let wait = self.node(id, Some(&step.name), Kind::Wait(timer), at(Slot::Catch));
            return self.around(step, id, place, wait, vars, written);
        }
        let task = Task {
            group: step.department.clone().unwrap_or_default(),
            due: format!("={}", feel_entry("dueDates", &step.id)),
            warn: format!("={}", feel_entry("warnDates", &step.id)),
            packet: (step.kind == StepKind::Item)
                .then(|| format!("={}", feel_entry("packets", &step.id))),
            form,
            documentation: documentation(step, written),
        };
        let task = self.node(id, Some(&step.name), Kind::Task(task), at(Slot::Task));
        for (timer, end, role, end_role, name, end_name, date) in [
            (
                Slot::WarnTimer,
                Slot::WarnEnd,
                "warn",
                "warned",
                "预警",
                "预警督办",
                "warnDates",
            ),
            (
                Slot::DueTimer,
                Slot::DueEnd,
                "due",
                "overdue",
                "到期",
                "超期督办",
                "dueDates",
            ),
        ] {
            let timer_id = self.node(
                &format!("{id}-{role}"),
                Some(name),
                Kind::Timer {
                    attached: task.clone(),
                    date: format!("={}", feel_entry(date, &step.id)),
                },
                at(timer),
            );
            let end_id = self.node(
                &format!("{id}-{end_role}"),
                Some(end_name),
                Kind::Supervision {
                    step: step.id.clone(),
                    timer: role,
                },
                at(end),
            );
            let waypoints = layout::down(at(timer), at(end));
            self.flow(&timer_id, &end_id, None, Some(waypoints));
        }
        self.around(step, id, place, task, vars, written)
    }

    /// The decision and merge around a conditional step's node, and its join and fork.
    fn around(
        &mut self,
        step: &Step,
        id: &str,
        place: Place,
        task: String,
        vars: &Variables,
        written: Option<&String>,
    ) -> Cell {
        let at = |slot| layout::cell(place.rank, place.row, slot);
        let mut entry = task.clone();
        let mut exit = task.clone();
        if !step.condition.is_always() {
            let skip = format!("{id}-skip");
            let decide = self.node(
                &format!("{id}-decide"),
                written.map(String::as_str),
                Kind::Decide {
                    default: skip.clone(),
                },
                at(Slot::Decide),
            );
            let merge = self.node(&format!("{id}-merge"), None, Kind::Merge, at(Slot::Merge));
            self.flow(&decide, &task, Some((&format!("{id}-take"), "适用")), None);
            if let Some(f) = self.flows.last_mut() {
                f.condition = Some(format!("={}", feel::expression(&step.condition, vars)));
            }
            let over = layout::over(at(Slot::Decide), at(Slot::Merge));
            self.flow(&decide, &merge, Some((&skip, "不适用，跳过")), Some(over));
            self.flow(&task, &merge, None, None);
            entry = decide;
            exit = merge;
        }
        if place.join {
            let j = self.node(&format!("{id}-join"), None, Kind::Parallel, at(Slot::Join));
            self.flow(&j, &entry, None, None);
            entry = j;
        }
        if place.fork {
            let f = self.node(&format!("{id}-fork"), None, Kind::Parallel, at(Slot::Fork));
            self.flow(&exit, &f, None, None);
            exit = f;
        }
        Cell { entry, exit }
    }
}

/// The task's documentation: department, promised and legal limits, and the condition as the
/// analyst wrote it.
fn documentation(step: &Step, written: Option<&String>) -> String {
    let mut out = format!(
        "{} ({}); promise {}",
        step.department_name.as_deref().unwrap_or_default(),
        step.department.as_deref().unwrap_or_default(),
        limits(&step.promise_by).unwrap_or_else(|| limit(&step.promise))
    );
    if let Some(legal) = limits(&step.legal_by).or_else(|| step.legal.as_ref().map(limit)) {
        out.push_str(&format!("; legal {legal}"));
    }
    if let Some(w) = written {
        out.push_str(&format!("; when {w}"));
    } else if !matches!(step.condition, Condition::Always) {
        out.push_str("; conditional");
    }
    out
}

/// A limit by situation: `by situation: immediate | otherwise 13 workdays` (the conditions
/// are in plan.json; the timers read the case's own due dates).
fn limits(cases: &[yjs_artifacts::LimitCase]) -> Option<String> {
    if cases.is_empty() {
        return None;
    }
    let arms: Vec<String> = cases
        .iter()
        .map(|c| match c.when {
            Condition::Always => format!("otherwise {}", limit(&c.limit)),
            _ => limit(&c.limit),
        })
        .collect();
    Some(format!("by situation: {}", arms.join(" | ")))
}

/// A limit as written: `immediate`, `1 workday`, `20 workdays`.
fn limit(l: &yjs_artifacts::Limit) -> String {
    match (l.unit.as_str(), l.amount) {
        ("immediate", _) => "immediate".to_string(),
        (unit, 1) => format!("1 {}", unit.trim_end_matches('s')),
        (unit, n) => format!("{n} {unit}"),
    }
}
