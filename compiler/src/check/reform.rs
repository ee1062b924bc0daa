//! 改革成效 figures merging can make worse: counted per scenario, and an error when the published "after" is worse.
//!
//! The method is spec/guide.md §改革成效: "before" handles each applicable item on its own (its
//! own acceptance, processing and delivery, its own visits, its own department), "after" is the
//! merged matter; each figure is the maximum over the scenarios in which some item applies (in
//! the others nothing is handled either way). Departments and steps cannot grow by merging
//! once an item applies (one window for at least one department; 1 + n + 1 steps for 3n), nor
//! can fields, materials and fees (a merged field or row stands for at least one use): only
//! days and visits are checked. The 法定时限（对照） row is a reference: legal limits run
//! from acceptance to decision, while the merged total includes acceptance and delivery; the
//! law itself is checked per item (E0305) and on the joint path (E0307). The guide prints departments and steps
//! from here too, and counts fields, materials and fees itself. A figure whose "after" is
//! greater than its "before" is E0410 unless the matter acknowledges it with
//! `worse FIGURE "reason"` (the guide prints the reason next to the figure); an
//! acknowledgement of a figure that is not worse is W0410, so a stale reason never reaches a
//! public document.

use super::plan::{units, Analysis, Scenario};
use crate::diagnostics::{Code, Diagnostic};
use crate::resolve::model::{DeptId, Figure, Matter};
use std::collections::BTreeSet;

/// The 环节 of handling one item on its own: 受理, 审批（办理）, 送达.
pub const STEPS_PER_ITEM: u64 = 3;

/// The published figures (each the maximum over the scenarios).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reform {
    /// Distinct departments of the applicable items → the one window.
    pub departments: (u64, u64),
    /// Applicable items × 3 → 1 acceptance + the applicable items + 1 delivery.
    pub steps: (u64, u64),
    /// Σ (accept + promise + deliver) over applicable items → the plan's total.
    pub days: (u64, u64),
    /// Σ visits of the applicable items (1 when absent) → the matter's visits.
    pub visits: (u64, u64),
    /// Σ legal limits of the applicable items that have one → the plan's total.
    pub legal: (u64, u64),
    /// The most applicable items without a legal limit in one scenario (not counted in the
    /// legal sum).
    pub without_legal: u64,
    /// The figures are an upper bound (every item applies): too many combinations.
    pub bounded: bool,
    /// The figures the matter acknowledges as worse, with the analyst's reason.
    pub accepted: Vec<(Figure, String)>,
}

impl Reform {
    /// A figure's (before, after).
    pub fn figure(&self, f: Figure) -> (u64, u64) {
        match f {
            Figure::Days => self.days,
            Figure::Visits => self.visits,
        }
    }

    /// Whether merging makes the figure worse.
    pub fn worse(&self, f: Figure) -> bool {
        let (before, after) = self.figure(f);
        after > before
    }
}

/// Every figure, in the order the guide prints them.
pub const FIGURES: [Figure; 2] = [Figure::Days, Figure::Visits];

/// The figures of one matter, and E0410/W0410.
pub fn check(matter: &Matter, plan: &Analysis) -> (Reform, Vec<Diagnostic>) {
    let set = &plan.scenarios;
    let list: Vec<&Scenario> = if set.complete && !set.list.is_empty() {
        set.list.iter().collect()
    } else {
        vec![&set.worst]
    };
    let mut r = Reform {
        bounded: !set.complete,
        ..Reform::default()
    };
    for s in list.into_iter().filter(|s| s.applies.contains(&true)) {
        let c = counts(matter, plan, s);
        let max = |a: (u64, u64), b: (u64, u64)| (a.0.max(b.0), a.1.max(b.1));
        r.departments = max(r.departments, c.departments);
        r.steps = max(r.steps, c.steps);
        r.days = max(r.days, c.days);
        r.visits = max(r.visits, c.visits);
        r.legal = max(r.legal, c.legal);
        r.without_legal = r.without_legal.max(c.without_legal);
    }
    let mut diags = Vec::new();
    for f in FIGURES {
        let ack = matter.worse.iter().find(|w| w.figure == f);
        match (r.worse(f), ack) {
            (true, Some(w)) => r.accepted.push((f, w.reason.value.clone())),
            (true, None) => diags.push(worse(matter, f, r.figure(f))),
            (false, Some(w)) => diags.push(not_worse(f, r.figure(f), w.span)),
            (false, None) => {}
        }
    }
    (r, diags)
}

/// The counts of one scenario.
fn counts(matter: &Matter, plan: &Analysis, s: &Scenario) -> Reform {
    let d = &plan.durations;
    let items: Vec<_> = matter
        .items
        .values()
        .zip(&s.applies)
        .zip(&d.promised)
        .filter(|((_, a), _)| **a)
        .map(|((i, _), p)| (i, u64::from(*p)))
        .collect();
    let n = items.len() as u64;
    let departments: BTreeSet<DeptId> = items
        .iter()
        .filter_map(|(i, _)| i.department.map(|(d, _)| d))
        .collect();
    let per_item = u64::from(d.accept) + u64::from(d.deliver);
    let legal = items
        .iter()
        .filter_map(|(i, _)| i.legal.map(|l| u64::from(units::workdays(l.kind))));
    Reform {
        departments: (departments.len() as u64, 1),
        steps: (n * STEPS_PER_ITEM, n + 2),
        days: (
            items.iter().map(|(_, p)| per_item + p).sum(),
            u64::from(s.promised.total),
        ),
        visits: (
            items
                .iter()
                .map(|(i, _)| u64::from(i.visits.map_or(1, |(v, _)| v)))
                .sum(),
            u64::from(matter.visits.map_or(1, |(v, _)| v)),
        ),
        legal: (legal.sum(), u64::from(s.promised.total)),
        without_legal: items.iter().filter(|(i, _)| i.legal.is_none()).count() as u64,
        ..Reform::default()
    }
}

#[cold]
fn worse(matter: &Matter, f: Figure, (before, after): (u64, u64)) -> Diagnostic {
    Diagnostic::error(
        Code::E0410,
        crate::diagnostics::t!(
            "e0410",
            matter = matter.id.name.as_str(),
            figure = f.word(),
            before = before,
            after = after
        ),
        matter.id.span,
        crate::diagnostics::t!("e0410-label"),
    )
    .with_note(crate::diagnostics::t!("e0410-note"))
    .with_help(crate::diagnostics::t!("e0410-help", figure = f.word()))
}

#[cold]
fn not_worse(f: Figure, (before, after): (u64, u64), span: crate::files::Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0410,
        crate::diagnostics::t!("w0410", figure = f.word(), before = before, after = after),
        span,
        crate::diagnostics::t!("w0410-label"),
    )
    .with_help(crate::diagnostics::t!("w0410-help"))
}
