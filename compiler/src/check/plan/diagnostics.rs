//! Constructors for the plan checks' diagnostics (codes E03xx and W03xx).

use crate::diagnostics::{Code, Diagnostic};
use crate::files::Span;

/// A step on a path, for labels: where it is declared and what it says.
pub struct PathStep {
    /// The span to label.
    pub span: Span,
    /// The label text.
    pub text: String,
}

#[cold]
pub fn self_edge(item: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0301,
        format!("the flow makes `{item}` wait for itself"),
        span,
        "an edge from an item to itself",
    )
    .with_note("an item that waits for itself can never start, so the matter could never finish")
    .with_help(format!(
        "delete `{item} -> {item}`, or name the item it really waits for"
    ))
}

#[cold]
pub fn cycle(names: &[String], edges: &[(String, String, Span)]) -> Diagnostic {
    let shown = names
        .iter()
        .chain(names.first())
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(" -> ");
    let mut it = edges.iter().rev();
    let (primary, rest): (Option<&(String, String, Span)>, Vec<_>) =
        (it.next(), it.rev().collect());
    let Some((from, to, span)) = primary else {
        return Diagnostic::bare_error(Code::E0302, format!("the flow has a cycle: {shown}"));
    };
    let mut d = Diagnostic::error(
        Code::E0302,
        format!("the flow has a cycle: {shown}"),
        *span,
        format!("`{from} -> {to}` closes the cycle"),
    );
    for (a, b, s) in rest {
        d = d.with_label(*s, format!("`{a}` comes before `{b}` here"));
    }
    d.with_note("every item on a cycle waits for another one on it, so none of them can start")
        .with_help(format!(
            "delete one edge of the cycle, usually `{from} -> {to}`"
        ))
}

#[cold]
pub fn reuse_own_output(item: &str, output: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0303,
        format!("`{item}` uses its own output `{item}.{output}` as a material"),
        span,
        "an item's output exists only after the item is decided",
    )
    .with_help("declare the document as the item's own material instead, with `material ID \"名称\" { original 1 }`")
}

#[cold]
pub fn reuse_without_path(
    consumer: &str,
    producer: &str,
    output: &str,
    span: Span,
    flow: Option<Span>,
    reversed: bool,
) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0303,
        format!("`{consumer}` uses `{producer}.{output}`, but the flow does not make `{consumer}` wait for `{producer}`"),
        span,
        format!("needs the output of `{producer}`"),
    )
    .with_note(format!(
        "without a path `{producer} -> … -> {consumer}` in the flow both run in parallel, and `{consumer}` would start before the document exists"
    ));
    if let Some(f) = flow {
        d = d.with_label(f, "the flow is declared here");
    }
    if reversed {
        d = d.with_note(format!(
            "the flow already makes `{producer}` wait for `{consumer}`; adding the edge would close a cycle, so reorder the flow"
        ));
    }
    d.with_help(format!(
        "add this line to the flow: `{producer} -> {consumer}`"
    ))
}

/// A label describing one condition, for [`reuse_unsound`].
pub struct CondLabel {
    /// Where the condition is written.
    pub span: Span,
    /// What it says.
    pub text: String,
}

#[cold]
pub fn reuse_unsound(
    consumer: &str,
    producer: &str,
    output: &str,
    span: Span,
    counterexample: &str,
    producer_cond: &str,
    labels: Vec<CondLabel>,
) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0304,
        format!("`{consumer}` may need `{producer}.{output}` when `{producer}` does not apply"),
        span,
        format!("needed here, also when {counterexample}"),
    );
    for l in labels {
        d = d.with_label(l.span, l.text);
    }
    d.with_note(format!(
        "when {counterexample}, `{consumer}` applies and asks for this material, but `{producer}` is skipped, so the document is never issued"
    ))
    .with_help(format!(
        "limit the material to the cases where `{producer}` applies: `material {producer}.{output} {{ when {producer_cond} }}`, or widen the condition of `{producer}`"
    ))
}

#[cold]
pub fn promise_over_legal(item: &str, promise: &str, legal: &str, p: Span, l: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0305,
        format!("`{item}` promises {promise}, more than its legal limit of {legal}"),
        p,
        format!("promises {promise}"),
    )
    .with_label(l, format!("the law allows {legal}"))
    .with_note("a 承诺时限 is a commitment to be faster than the 法定时限; it may never exceed it")
    .with_help(format!(
        "promise at most {legal}, or correct the legal limit"
    ))
}

#[cold]
pub fn missing_legal(item: &str, span: Span, promise: Option<Span>) -> Diagnostic {
    let mut d = Diagnostic::warning(
        Code::W0301,
        format!("`{item}` has no legal limit"),
        span,
        "no `legal` statement in this item",
    );
    if let Some(p) = promise {
        d = d.with_label(p, "its promise cannot be checked against the law");
    }
    d.with_note("without a 法定时限 the promise cannot be checked and the joint-handling cap counts the promise instead")
        .with_help("add the limit with the article that sets it, e.g. `legal 20 workdays basis \"《…》第…条\"`, or `legal unregulated` when no law or regulation sets one")
}

#[cold]
pub fn unproven_units(what: &str, used: &str, budget: &str, u: Span, b: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0303,
        format!("cannot prove statically that {what} {used} fits within {budget}: the units differ"),
        u,
        used.to_string(),
    )
    .with_label(b, budget.to_string())
    .with_note("the static schedule counts N calendar days as N working days and H hours as ceil(H/8) working days (spec/plan.md); whether a number of working days fits a number of calendar days depends on the holiday calendar")
    .with_help("state both limits in the same unit, preferably `workdays` (行政许可法 第八十二条)")
}

#[cold]
pub fn total_over_promise(
    matter: &str,
    total: u32,
    promise: &str,
    span: Span,
    path: Vec<PathStep>,
    scenario: Option<String>,
) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0306,
        format!("the matter `{matter}` takes {total} working days in the worst case, more than its promise of {promise}"),
        span,
        format!("promises {promise}"),
    );
    for s in path {
        d = d.with_label(s.span, s.text);
    }
    if let Some(sc) = scenario {
        d = d.with_note(format!("the worst case is the scenario {sc}"));
    }
    d.with_note("the total is acceptance + the longest chain of promised item limits + delivery; parallel items count once")
        .with_help(format!("promise at least {total} working days, shorten a step on the critical path, or run it in parallel"))
}

#[cold]
pub fn joint_cap(
    total: u32,
    allowed: u32,
    span: Span,
    path: Vec<PathStep>,
    extension: Option<Span>,
    error: bool,
) -> Diagnostic {
    let message = format!(
        "joint handling takes up to {total} working days by the legal limits, more than the {allowed} allowed"
    );
    let label = format!("{total} working days from 受理 to decision");
    let mut d = if error {
        Diagnostic::error(Code::E0307, message, span, label)
    } else {
        Diagnostic::warning(Code::W0302, message, span, label)
    };
    for s in path {
        d = d.with_label(s.span, s.text);
    }
    if let Some(e) = extension {
        d = d.with_label(e, "the declared extension");
    }
    d = d.with_note("行政许可法 第四十二条第二款: joint handling (统一、联合、集中办理) must finish within 45 working days; the head of the 本级人民政府 may approve 15 more");
    if error {
        d.with_help("shorten the legal path: split the matter, or move items off the longest chain; an extension adds at most 15 working days")
    } else {
        d.with_help("record the approved extension: `extension 15 workdays \"经本级人民政府负责人批准：理由\"`, or shorten the legal path")
    }
}
