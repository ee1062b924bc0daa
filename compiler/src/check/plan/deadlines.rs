//! Deadline checks: each item's promise against its legal limit, the total against the matter's promise, and the joint-handling cap.

use super::diagnostics::{self as d, PathStep};
use super::scenarios::{Durations, ScenarioSet};
use super::schedule::{Schedule, StepRef};
use super::soundness::show_answers;
use super::units::{self, fits, Fit};
use crate::diagnostics::Diagnostic;
use crate::files::Span;
use crate::resolve::model::{Answers, Duration, DurationKind, Item, LimitCase, Matter};

/// The statutory cap on joint handling, in working days (行政许可法 第四十二条第二款).
pub const JOINT_CAP_WORKDAYS: u32 = 45;
/// The most the head of the 本级人民政府 may add.
pub const JOINT_EXTENSION_MAX_WORKDAYS: u32 = 15;

/// Whether the joint-handling cap counts an item: an `administrative_license` (行政许可), or an
/// item whose kind is not declared (assumed to be one, to stay on the safe side). Other kinds
/// (公共服务, 行政确认, 行政给付, …) are not governed by 行政许可法 (deadlines.md §2 rule 12).
pub fn under_licensing_law(item: &Item) -> bool {
    item.kind
        .as_ref()
        .is_none_or(|(k, _)| k == "administrative_license")
}

/// The steps' durations in working days. Without a `flow` (or without `accept`/`deliver` in
/// it) acceptance and delivery are `immediate`; an item without a promise counts its legal
/// limit (the missing promise is reported by resolve), and one without a legal limit counts
/// its promise in the legal schedule; an item the joint cap does not count
/// ([`under_licensing_law`]) takes 0 days there.
pub fn durations(matter: &Matter) -> Durations {
    durations_with(matter, |i| (i.promise, i.legal))
}

/// The steps' durations for one combination of answers: each limit by situation takes the
/// arm that applies (`Item::promise_for`, `Item::legal_for`).
pub fn durations_for(matter: &Matter, answers: &Answers) -> Durations {
    durations_with(matter, |i| (i.promise_for(answers), i.legal_for(answers)))
}

/// The steps' durations with each limit by situation at its shortest arm: with the
/// unconditional items only, the lower bound of the best case when scenarios are not
/// enumerated.
pub fn durations_least(matter: &Matter) -> Durations {
    let least = |cases: &[LimitCase], one: Option<Duration>| {
        cases
            .iter()
            .map(|c| c.duration)
            .min_by_key(|d| units::workdays(d.kind))
            .or(one)
    };
    durations_with(matter, |i| {
        (least(&i.promise_by, i.promise), least(&i.legal_by, i.legal))
    })
}

fn durations_with(
    matter: &Matter,
    limits: impl Fn(&Item) -> (Option<Duration>, Option<Duration>),
) -> Durations {
    let chosen: Vec<(Option<Duration>, Option<Duration>)> =
        matter.items.values().map(&limits).collect();
    let promised: Vec<u32> = chosen
        .iter()
        .map(|(p, l)| p.or(*l).map_or(0, |x| units::workdays(x.kind)))
        .collect();
    let legal = matter
        .items
        .values()
        .zip(&chosen)
        .zip(&promised)
        .map(|((i, (_, l)), p)| {
            if under_licensing_law(i) {
                l.map_or(*p, |x| units::workdays(x.kind))
            } else {
                0
            }
        })
        .collect();
    // A wait step is no handling time: 0 days in the promised and legal schedules, its
    // duration in the elapsed one.
    let waits = matter.flow.waits.len();
    let elapsed = promised
        .iter()
        .copied()
        .chain(
            matter
                .flow
                .waits
                .values()
                .map(|w| units::workdays(w.duration.kind)),
        )
        .collect();
    let mut promised = promised;
    promised.extend(std::iter::repeat_n(0, waits));
    let mut legal: Vec<u32> = legal;
    legal.extend(std::iter::repeat_n(0, waits));
    Durations {
        accept: accept_kind(matter).map_or(0, units::workdays),
        deliver: matter.flow.deliver.map_or(0, |x| units::workdays(x.kind)),
        promised,
        legal,
        elapsed,
    }
}

/// The acceptance duration as written, when the flow gives one.
pub fn accept_kind(matter: &Matter) -> Option<DurationKind> {
    matter.flow.accept.map(|(dur, _, _)| dur.kind)
}

/// Checks each item's promise against its legal limit.
pub fn check_items(matter: &Matter, diags: &mut Vec<Diagnostic>) {
    for item in matter.items.values() {
        let name = &item.id.name;
        let Some(legal) = item.legal else {
            // `legal unregulated` states that no law sets a limit: nothing is missing.
            if item.unregulated.is_some() {
                continue;
            }
            diags.push(d::missing_legal(
                name,
                item.id.span,
                item.promise.map(|p| p.span),
            ));
            continue;
        };
        let Some(promise) = item.promise else {
            continue;
        };
        // A limit by situation is compared arm by arm, for the answers where both apply.
        if !item.promise_by.is_empty() || !item.legal_by.is_empty() {
            continue;
        }
        let (p, l) = (units::show(promise.kind), units::show(legal.kind));
        match fits(promise.kind, legal.kind) {
            Fit::Fits => {}
            Fit::Exceeds => diags.push(d::promise_over_legal(
                name,
                &p,
                &l,
                promise.span,
                legal.span,
            )),
            Fit::Unproven => diags.push(d::unproven_units(
                crate::diagnostics::t!("w0303-promise-of", name = name),
                crate::diagnostics::t!("w0303-used", used = p.as_str()),
                crate::diagnostics::t!("w0303-legal-of", legal = l.as_str()),
                promise.span,
                legal.span,
            )),
        }
    }
}

/// Checks the worst-case total against the matter's promise.
pub fn check_total(matter: &Matter, set: &ScenarioSet, diags: &mut Vec<Diagnostic>) {
    let Some(promise) = matter.promise else {
        return;
    };
    // An item without a promise is already an error (E0108); its legal limit stands in for the
    // schedule, but a total built on it would only repeat that error in other words.
    if matter.items.values().any(|i| i.promise.is_none()) {
        return;
    }
    let worst = &set.worst.promised;
    let total = worst.total;
    let shown = units::show(promise.kind);
    match fits(DurationKind::Workdays(total), promise.kind) {
        Fit::Fits => {}
        Fit::Exceeds => {
            let scenario = if !set.complete {
                Some(crate::diagnostics::Arg::from(crate::diagnostics::t!(
                    "e0306-bound"
                )))
            } else if set.worst.answers.is_empty() {
                None
            } else {
                Some(crate::diagnostics::Arg::from(show_answers(
                    matter,
                    &set.worst.answers,
                )))
            };
            diags.push(d::total_over_promise(
                &matter.id.name,
                total,
                &shown,
                promise.span,
                walk(matter, worst, "promised"),
                scenario,
            ));
        }
        Fit::Unproven => diags.push(d::unproven_units(
            crate::diagnostics::t!("w0303-worst-case", total = total),
            crate::diagnostics::t!("w0303-days", total = total),
            crate::diagnostics::t!("w0303-matter-promise", promise = shown.as_str()),
            promise.span,
            matter.id.span,
        )),
    }
}

/// Checks the joint-handling cap: acceptance plus the longest path over legal limits.
pub fn check_joint(matter: &Matter, set: &ScenarioSet, diags: &mut Vec<Diagnostic>) {
    let legal = &set.legal_worst.legal;
    let total = legal.total;
    if total <= JOINT_CAP_WORKDAYS {
        return;
    }
    let extension = matter
        .extension
        .as_ref()
        .map(|e| (units::workdays(e.duration.kind), e.span));
    let granted = extension.map_or(0, |(n, _)| n.min(JOINT_EXTENSION_MAX_WORKDAYS));
    let allowed = JOINT_CAP_WORKDAYS + granted;
    if total <= allowed {
        return;
    }
    let error = extension.is_some() || total > JOINT_CAP_WORKDAYS + JOINT_EXTENSION_MAX_WORKDAYS;
    let path = walk(matter, legal, "legal")
        .into_iter()
        .take(legal.critical_path.len().saturating_sub(1))
        .collect();
    diags.push(d::joint_cap(
        total,
        allowed,
        matter.id.span,
        path,
        extension.map(|(_, s)| s),
        error,
    ));
}

/// Labels that walk a schedule's critical path, each with the step's days and finish.
fn walk(matter: &Matter, s: &Schedule, which: &str) -> Vec<PathStep> {
    s.critical_path
        .iter()
        .map(|step| {
            let t = s.timing(*step);
            PathStep {
                span: step_span(matter, *step, which == "legal"),
                text: crate::diagnostics::t!(
                    "e03-path-step",
                    step = step_name(matter, *step),
                    days = t.days,
                    which = which,
                    plural = if t.days == 1 { "one" } else { "other" },
                    start = t.earliest_start,
                    finish = t.earliest_finish
                ),
            }
        })
        .collect()
}

/// The step's id: `accept`, the item or wait id, or `deliver`.
pub fn step_name(matter: &Matter, step: StepRef) -> String {
    match step {
        StepRef::Accept => "accept".to_string(),
        StepRef::Item(i) => matter.items[i].id.name.clone(),
        StepRef::Wait(w) => matter.flow.waits[w].id.name.clone(),
        StepRef::Deliver => "deliver".to_string(),
    }
}

/// Where a step's duration is declared: the flow's `accept`/`deliver`, the item's `promise`
/// (or `legal`), falling back to the window and the item's name.
pub fn step_span(matter: &Matter, step: StepRef, legal: bool) -> Span {
    let fallback = matter.window.map_or(matter.id.span, |(_, s)| s);
    match step {
        StepRef::Accept => matter.flow.accept.map_or(fallback, |(_, _, s)| s),
        StepRef::Item(i) => {
            let it = &matter.items[i];
            let first = if legal { it.legal } else { it.promise };
            first
                .or(if legal { it.promise } else { it.legal })
                .map_or(it.id.span, |x| x.span)
        }
        StepRef::Wait(w) => matter.flow.waits[w].duration.span,
        StepRef::Deliver => matter
            .flow
            .deliver
            .map(|x| x.span)
            .or(matter.flow.span)
            .unwrap_or(fallback),
    }
}
