//! A plan for one case: each limit by situation replaced by the arm the case's answers select,
//! and the static schedule recomputed with those limits.
//!
//! The schedule keeps the plan's rule that every item counts (`spec/plan.md`), so a case's
//! clocks are those of the plan with its own limits: an applicant who answered 即时清税 gets
//! the same-day limit, not the ten days of 一般清税.

use crate::condition::Answers;
use crate::graph::PlanGraph;
use crate::plan::{Plan, Step};

impl Plan {
    /// This plan with each step's limits for `answers`: `promise` and `legal` become the arms
    /// that apply (the arms are dropped), and the times are recomputed over `graph` (the
    /// plan's own). A plan without limits by situation is returned unchanged.
    pub fn for_answers(&self, graph: &PlanGraph, answers: &Answers) -> Plan {
        let mut plan = self.clone();
        if !plan.steps.iter().any(|s| s.varies()) {
            return plan;
        }
        for step in &mut plan.steps {
            let promise = step.promise_for(answers).clone();
            let legal = step.legal_for(answers).cloned();
            step.promise = promise;
            step.legal = legal;
            step.promise_by.clear();
            step.legal_by.clear();
        }
        let n = plan.steps.len().min(graph.len());
        let days: Vec<u32> = plan.steps.iter().map(Step::handling_workdays).collect();
        let mut finish = vec![0u32; n];
        for &i in graph.topological_order() {
            if i >= n {
                continue;
            }
            let start = graph
                .predecessors(i)
                .iter()
                .map(|&p| finish.get(p).copied().unwrap_or(0))
                .max()
                .unwrap_or(0);
            finish[i] = start.saturating_add(days[i]);
            plan.steps[i].earliest_start = start;
            plan.steps[i].earliest_finish = finish[i];
        }
        let total = finish.iter().copied().max().unwrap_or(0);
        let mut latest = vec![total; n];
        for &i in graph.topological_order().iter().rev() {
            if i >= n {
                continue;
            }
            latest[i] = graph
                .successors(i)
                .iter()
                .filter(|&&s| s < n)
                .map(|&s| latest[s].saturating_sub(days[s]))
                .min()
                .unwrap_or(total);
            let step = &mut plan.steps[i];
            step.latest_finish = latest[i];
            step.slack = latest[i].saturating_sub(step.earliest_finish);
            step.critical = step.slack == 0;
        }
        plan
    }
}

#[cfg(test)]
mod tests {
    use crate::condition::{Answer, Answers, Condition};
    use crate::graph::PlanGraph;
    use crate::plan::*;

    fn limit(workdays: u32) -> Limit {
        Limit {
            unit: if workdays == 0 {
                "immediate"
            } else {
                "workdays"
            }
            .to_string(),
            amount: workdays,
            workdays,
        }
    }

    fn step(id: &str, kind: StepKind, after: &[&str], promise: u32) -> Step {
        Step {
            id: id.to_string(),
            kind,
            name: id.to_string(),
            department: Some("d".to_string()),
            department_name: Some("d".to_string()),
            after: after.iter().map(|s| s.to_string()).collect(),
            condition: Condition::Always,
            legal: None,
            promise: limit(promise),
            basis: None,
            roll_forward: false,
            promise_by: Vec::new(),
            legal_by: Vec::new(),
            earliest_start: 0,
            earliest_finish: 0,
            latest_finish: 0,
            slack: 0,
            critical: false,
        }
    }

    fn plan() -> Plan {
        let fast = Condition::In {
            situation: "mode".to_string(),
            values: vec![Answer::Option("fast".to_string())],
        };
        let mut clear = step("clear", StepKind::Item, &["accept"], 10);
        clear.promise_by = vec![
            LimitCase {
                when: fast,
                limit: limit(0),
            },
            LimitCase {
                when: Condition::Always,
                limit: limit(10),
            },
        ];
        let other = step("other", StepKind::Item, &["accept"], 3);
        Plan {
            format_version: crate::FORMAT_VERSION,
            matter: "m".to_string(),
            name: "m".to_string(),
            lead: "d".to_string(),
            window: "d".to_string(),
            promise: limit(12),
            total_workdays: 12,
            best_workdays: 5,
            critical_path: Vec::new(),
            elapsed_workdays: 12,
            joint: Joint {
                legal_workdays: 0,
                legal_path: Vec::new(),
                counted: Vec::new(),
                cap_workdays: 45,
                extension_workdays: 0,
                extension_reason: None,
            },
            steps: vec![
                step("accept", StepKind::Accept, &[], 1),
                clear,
                other,
                step("deliver", StepKind::Deliver, &["clear", "other"], 1),
            ],
            scenarios: Scenarios {
                complete: true,
                deciding: vec!["mode".to_string()],
                combinations: 2,
                list: Vec::new(),
            },
            supervision: Supervision { warn_percent: 80 },
            rules: Vec::new(),
        }
    }

    fn answers(mode: &str) -> Answers {
        [("mode".to_string(), Answer::Option(mode.to_string()))].into()
    }

    #[test]
    fn a_case_gets_the_arm_its_answers_select_and_its_own_times() {
        let p = plan();
        let g = PlanGraph::new(&p).expect("a graph");
        let fast = p.for_answers(&g, &answers("fast"));
        assert_eq!(fast.steps[1].promise, limit(0));
        assert!(fast.steps[1].promise_by.is_empty());
        assert_eq!(
            fast.steps
                .iter()
                .map(|s| s.earliest_finish)
                .collect::<Vec<_>>(),
            [1, 1, 4, 5]
        );
        // `clear` is off the critical path once it is same-day; `other` is on it.
        assert!(!fast.steps[1].critical && fast.steps[2].critical);
        let normal = p.for_answers(&g, &answers("normal"));
        assert_eq!(
            normal
                .steps
                .iter()
                .map(|s| s.earliest_finish)
                .collect::<Vec<_>>(),
            [1, 11, 4, 12]
        );
        assert_eq!(normal.steps[2].slack, 7);
    }

    #[test]
    fn a_waiting_period_counts_no_handling_days() {
        let mut p = plan();
        // `other` waits for a 20-day 公示 after acceptance: the handling schedule counts it 0.
        let mut wait = step("publicity", StepKind::Wait, &["accept"], 20);
        wait.department = None;
        wait.department_name = None;
        wait.promise.unit = "days".to_string();
        p.steps[2].after = vec!["publicity".to_string()];
        p.steps.insert(2, wait);
        let g = PlanGraph::new(&p).expect("a graph");
        let fast = p.for_answers(&g, &answers("fast"));
        assert_eq!(
            fast.steps
                .iter()
                .map(|s| (s.earliest_start, s.earliest_finish))
                .collect::<Vec<_>>(),
            [(0, 1), (1, 1), (1, 1), (1, 4), (4, 5)]
        );
    }

    #[test]
    fn a_plan_without_limits_by_situation_is_unchanged() {
        let mut p = plan();
        p.steps[1].promise_by.clear();
        let g = PlanGraph::new(&p).expect("a graph");
        assert_eq!(p.for_answers(&g, &answers("fast")), p);
    }
}
