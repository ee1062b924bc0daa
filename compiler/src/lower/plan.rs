//! Lowers one matter and check's plan analysis to the plan IR: the `plan.json` artifact and the
//! conditions the Mermaid picture shows.

use super::cond::{artifact, picked};
use crate::check::plan::units;
use crate::check::plan::{self as check, step_name, Analysis, StepRef, Timing};
use crate::ir::plan::PlanIr;
use crate::resolve::model::LimitCase;
use crate::resolve::{DeptId, DurationKind, FlowNode, Matter, Pick, Situation};
use la_arena::Idx;
use yjs_artifacts::{
    Answers, Condition, Joint, Plan, Scenario, Scenarios, SituationRule, Step, StepKind,
    Supervision,
};

/// The supervision threshold without a `warn` statement, in percent of a step's promised time.
pub const DEFAULT_WARN_PERCENT: u32 = 80;

/// The plan IR of one matter.
pub fn plan(program: &crate::resolve::Program, matter: &Matter, a: &Analysis) -> PlanIr {
    let dept = |id: Option<DeptId>| -> (String, String) {
        id.map(|i| &program.departments[i])
            .map_or_else(Default::default, |d| (d.id.clone(), d.name.clone()))
    };
    let window = matter.window.map(|(d, _)| d);
    let mut steps = Vec::with_capacity(matter.items.len() + 2);
    let mut conditions = Vec::with_capacity(matter.items.len() + 2);
    let accept_kind = matter
        .flow
        .accept
        .map_or(DurationKind::Immediate, |(d, _, _)| d.kind);
    let accept_dept = matter.flow.accept.map(|(_, d, _)| d).or(window);
    let (id, name) = dept(accept_dept);
    steps.push(step(
        matter,
        Head {
            at: StepRef::Accept,
            name: "受理",
            kind: StepKind::Accept,
            department: Some((id, name)),
            after: Vec::new(),
            condition: Condition::Always,
            legal: None,
            promise: accept_kind,
        },
        a.schedule.accept,
    ));
    conditions.push(None);
    let after = |node: FlowNode| -> Vec<String> {
        let preds = a.graph.preds(node);
        if preds.is_empty() {
            vec!["accept".to_string()]
        } else {
            preds
                .iter()
                .map(|p| matter.node_name(*p).to_string())
                .collect()
        }
    };
    for (i, item) in matter.items.iter() {
        let after = after(FlowNode::Item(i));
        let mut s = step(
            matter,
            Head {
                at: StepRef::Item(i),
                name: &item.name.value,
                kind: StepKind::Item,
                department: Some(dept(item.department.map(|(d, _)| d))),
                after,
                condition: artifact(item.when.as_ref(), &matter.situations),
                legal: item.legal.map(|l| l.kind),
                promise: item
                    .promise
                    .or(item.legal)
                    .map_or(DurationKind::Immediate, |p| p.kind),
            },
            a.schedule.timing(StepRef::Item(i)),
        );
        s.promise_by = cases(matter, &item.promise_by);
        s.legal_by = cases(matter, &item.legal_by);
        steps.push(s);
        conditions.push(item.when.as_ref().map(|c| c.display(&matter.situations)));
    }
    for (w, wait) in matter.flow.waits.iter() {
        // A wait is held by no department; its length is its "promise" (spec/plan.md).
        let mut s = step(
            matter,
            Head {
                at: StepRef::Wait(w),
                name: &wait.name.value,
                kind: StepKind::Wait,
                department: None,
                after: after(FlowNode::Wait(w)),
                condition: artifact(wait.when.as_ref(), &matter.situations),
                legal: None,
                promise: wait.duration.kind,
            },
            a.schedule.timing(StepRef::Wait(w)),
        );
        s.basis = wait.basis.as_ref().map(|b| b.value.clone());
        s.roll_forward = wait.roll_forward.is_some();
        steps.push(s);
        conditions.push(wait.when.as_ref().map(|c| c.display(&matter.situations)));
    }
    let deliver_after = if matter.items.is_empty() && matter.flow.waits.is_empty() {
        vec!["accept".to_string()]
    } else {
        matter
            .items
            .values()
            .map(|i| i.id.name.clone())
            .chain(matter.flow.waits.values().map(|w| w.id.name.clone()))
            .collect()
    };
    steps.push(step(
        matter,
        Head {
            at: StepRef::Deliver,
            name: "送达",
            kind: StepKind::Deliver,
            department: Some(dept(window)),
            after: deliver_after,
            condition: Condition::Always,
            legal: None,
            promise: matter
                .flow
                .deliver
                .map_or(DurationKind::Immediate, |d| d.kind),
        },
        a.schedule.deliver,
    ));
    conditions.push(None);
    let set = &a.scenarios;
    let names =
        |path: &[StepRef]| -> Vec<String> { path.iter().map(|s| step_name(matter, *s)).collect() };
    let counted: Vec<String> = matter
        .items
        .values()
        .filter(|i| check::under_licensing_law(i))
        .map(|i| i.id.name.clone())
        .collect();
    let mut legal_path = names(&set.legal_worst.legal.critical_path);
    legal_path.retain(|s| s == "accept" || counted.contains(s));
    let extension = matter.extension.as_ref();
    let plan = Plan {
        format_version: yjs_artifacts::FORMAT_VERSION,
        matter: matter.id.name.clone(),
        name: matter.name.value.clone(),
        lead: dept(matter.lead.map(|(d, _)| d)).0,
        window: dept(window).0,
        promise: units::limit(matter.promise.map_or(DurationKind::Immediate, |p| p.kind)),
        total_workdays: set.worst.promised.total,
        best_workdays: set.best.promised.total,
        critical_path: names(&set.worst.promised.critical_path),
        elapsed_workdays: elapsed_worst(set),
        joint: Joint {
            legal_workdays: set.legal_worst.legal.total,
            legal_path,
            counted,
            cap_workdays: check::JOINT_CAP_WORKDAYS,
            extension_workdays: extension.map_or(0, |e| units::workdays(e.duration.kind)),
            extension_reason: extension.map(|e| e.reason.value.clone()),
        },
        steps,
        scenarios: Scenarios {
            complete: set.complete,
            deciding: set
                .deciding
                .iter()
                .map(|s| matter.situations[*s].id.name.clone())
                .collect(),
            combinations: set.combinations,
            list: set
                .list
                .iter()
                .map(|s| Scenario {
                    answers: answers(matter, &s.answers),
                    items: matter
                        .items
                        .values()
                        .map(|i| &i.id.name)
                        .zip(&s.applies)
                        .filter(|(_, a)| **a)
                        .map(|(i, _)| i.clone())
                        .collect(),
                    total_workdays: s.promised.total,
                    critical_path: names(&s.promised.critical_path),
                    elapsed_workdays: s.elapsed.total,
                })
                .collect(),
        },
        supervision: Supervision {
            warn_percent: matter.warn_percent.map_or(DEFAULT_WARN_PERCENT, |(p, _)| p),
        },
        rules: matter
            .rules
            .iter()
            .map(|r| SituationRule {
                text: r.text.value.clone(),
                condition: artifact(Some(&r.cond), &matter.situations),
            })
            .collect(),
    };
    PlanIr { plan, conditions }
}

/// The longest elapsed total: over the enumerated scenarios, or the "every step" bound.
fn elapsed_worst(set: &check::ScenarioSet) -> u32 {
    set.list
        .iter()
        .map(|s| s.elapsed.total)
        .chain([set.worst.elapsed.total])
        .max()
        .unwrap_or(0)
}

/// What a step of `plan.json` is, before its schedule.
struct Head<'a> {
    at: StepRef,
    name: &'a str,
    kind: StepKind,
    /// The department's id and name; `None` for a wait, which no department holds.
    department: Option<(String, String)>,
    after: Vec<String>,
    condition: Condition,
    legal: Option<DurationKind>,
    promise: DurationKind,
}

/// The step of `plan.json`: what it is, and when it runs.
fn step(matter: &Matter, head: Head, t: Timing) -> Step {
    let (department, department_name) = head.department.unzip();
    Step {
        id: step_name(matter, head.at),
        kind: head.kind,
        name: head.name.to_string(),
        department,
        department_name,
        after: head.after,
        condition: head.condition,
        legal: head.legal.map(units::limit),
        promise: units::limit(head.promise),
        basis: None,
        roll_forward: false,
        promise_by: Vec::new(),
        legal_by: Vec::new(),
        earliest_start: t.earliest_start,
        earliest_finish: t.earliest_finish,
        latest_finish: t.latest_finish,
        slack: t.slack,
        critical: t.critical(),
    }
}

/// The arms of a limit by situation, `otherwise` as `always`.
fn cases(matter: &Matter, cases: &[LimitCase]) -> Vec<yjs_artifacts::LimitCase> {
    cases
        .iter()
        .map(|c| yjs_artifacts::LimitCase {
            when: artifact(c.when.as_ref(), &matter.situations),
            limit: units::limit(c.duration.kind),
        })
        .collect()
}

fn answers(matter: &Matter, list: &[(Idx<Situation>, Pick)]) -> Answers {
    list.iter()
        .map(|(s, v)| {
            let sit = &matter.situations[*s];
            (sit.id.name.clone(), picked(sit, *v))
        })
        .collect()
}
