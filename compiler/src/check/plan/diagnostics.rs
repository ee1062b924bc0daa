//! Constructors for the plan checks' diagnostics (codes E03xx and W03xx).

use crate::diagnostics::t;
use crate::diagnostics::{Code, Diagnostic, Text};
use crate::files::Span;

/// A step on a path, for labels: where it is declared and what it says.
pub struct PathStep {
    /// The span to label.
    pub span: Span,
    /// The label text.
    pub text: Text,
}

#[cold]
pub fn self_edge(item: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0301,
        t!("e0301", item = item),
        span,
        t!("e0301-label"),
    )
    .with_note(t!("e0301-note"))
    .with_help(t!("e0301-help", item = item))
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
        return Diagnostic::bare_error(Code::E0302, t!("e0302", shown = shown));
    };
    let mut d = Diagnostic::error(
        Code::E0302,
        t!("e0302", shown = shown),
        *span,
        t!("e0302-label", from = from, to = to),
    );
    for (a, b, s) in rest {
        d = d.with_label(*s, t!("e0302-before", a = a, b = b));
    }
    d.with_note(t!("e0302-note"))
        .with_help(t!("e0302-help", from = from, to = to))
}

#[cold]
pub fn reuse_own_output(item: &str, output: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0303,
        t!("e0303-own", item = item, output = output),
        span,
        t!("e0303-own-label"),
    )
    .with_help(t!("e0303-own-help"))
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
        t!(
            "e0303",
            consumer = consumer,
            producer = producer,
            output = output
        ),
        span,
        t!("e0303-label", producer = producer),
    )
    .with_note(t!("e0303-note", producer = producer, consumer = consumer));
    if let Some(f) = flow {
        d = d.with_label(f, t!("e0303-flow"));
    }
    if reversed {
        d = d.with_note(t!(
            "e0303-reversed-note",
            producer = producer,
            consumer = consumer
        ));
    }
    d.with_help(t!("e0303-help", producer = producer, consumer = consumer))
}

/// A label describing one condition, for [`reuse_unsound`].
pub struct CondLabel {
    /// Where the condition is written.
    pub span: Span,
    /// What it says.
    pub text: Text,
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
        t!(
            "e0304",
            consumer = consumer,
            producer = producer,
            output = output
        ),
        span,
        t!("e0304-label", counterexample = counterexample),
    );
    for l in labels {
        d = d.with_label(l.span, l.text);
    }
    d.with_note(t!(
        "e0304-note",
        counterexample = counterexample,
        consumer = consumer,
        producer = producer
    ))
    .with_help(t!(
        "e0304-help",
        producer = producer,
        output = output,
        cond = producer_cond
    ))
}

#[cold]
pub fn promise_over_legal(item: &str, promise: &str, legal: &str, p: Span, l: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0305,
        t!("e0305", item = item, promise = promise, legal = legal),
        p,
        t!("e03-promises", promise = promise),
    )
    .with_label(l, t!("e0305-law", legal = legal))
    .with_note(t!("e0305-note"))
    .with_help(t!("e0305-help", legal = legal))
}

#[cold]
pub fn missing_legal(item: &str, span: Span, promise: Option<Span>) -> Diagnostic {
    let mut d = Diagnostic::warning(
        Code::W0301,
        t!("w0301", item = item),
        span,
        t!("w0301-label"),
    );
    if let Some(p) = promise {
        d = d.with_label(p, t!("w0301-promise"));
    }
    d.with_note(t!("w0301-note")).with_help(t!("w0301-help"))
}

/// A wait step whose duration is `immediate` or in hours: a 公告期 or 公示期 runs in days.
#[cold]
pub fn wait_unit(wait: &str, shown: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0320,
        t!("e0320", wait = wait, duration = shown),
        span,
        t!("e0320-label"),
    )
    .with_note(t!("e0320-note"))
    .with_help(t!("e0320-help"))
}

/// A wait step without the basis of its duration.
#[cold]
pub fn wait_without_basis(wait: &str, span: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0320,
        t!("w0320", wait = wait),
        span,
        t!("w0320-label"),
    )
    .with_note(t!("w0320-note"))
    .with_help(t!("w0320-help"))
}

/// `roll_forward` on a wait counted in working days, whose last day is always a working day.
#[cold]
pub fn roll_forward_in_workdays(wait: &str, at: Span, duration: Span) -> Diagnostic {
    Diagnostic::warning(Code::W0321, t!("w0321", wait = wait), at, t!("w0321-label"))
        .with_label(duration, t!("w0321-duration"))
        .with_note(t!("w0321-note"))
        .with_help(t!("w0321-help"))
}

#[cold]
pub fn unproven_units(what: Text, used: Text, budget: Text, u: Span, b: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0303,
        t!(
            "w0303",
            what = what,
            used = used.clone(),
            budget = budget.clone()
        ),
        u,
        used,
    )
    .with_label(b, budget)
    .with_note(t!("w0303-note"))
    .with_help(t!("w0303-help"))
}

#[cold]
pub fn total_over_promise(
    matter: &str,
    total: u32,
    promise: &str,
    span: Span,
    path: Vec<PathStep>,
    scenario: Option<crate::diagnostics::Arg>,
) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0306,
        t!("e0306", matter = matter, total = total, promise = promise),
        span,
        t!("e03-promises", promise = promise),
    );
    for s in path {
        d = d.with_label(s.span, s.text);
    }
    if let Some(sc) = scenario {
        d = d.with_note(t!("e0306-scenario", scenario = sc));
    }
    d.with_note(t!("e0306-note"))
        .with_help(t!("e0306-help", total = total))
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
    let message = t!("e0307", total = total, allowed = allowed);
    let label = t!("e0307-label", total = total);
    let mut d = if error {
        Diagnostic::error(Code::E0307, message, span, label)
    } else {
        Diagnostic::warning(Code::W0302, message, span, label)
    };
    for s in path {
        d = d.with_label(s.span, s.text);
    }
    if let Some(e) = extension {
        d = d.with_label(e, t!("e0307-extension"));
    }
    d = d.with_note(t!("e0307-note"));
    if error {
        d.with_help(t!("e0307-help"))
    } else {
        d.with_help(t!("w0302-help"))
    }
}

#[cold]
pub fn rules_exclude_everything(rules: &[(String, Span)]) -> Diagnostic {
    let mut it = rules.iter();
    let Some((first, span)) = it.next() else {
        return Diagnostic::bare_error(Code::E0308, t!("e0308-bare"));
    };
    let mut d = Diagnostic::error(
        Code::E0308,
        t!("e0308"),
        *span,
        t!("e0308-label", rule = first.as_str()),
    );
    for (text, span) in it {
        d = d.with_label(*span, t!("e0308-label", rule = text.as_str()));
    }
    d.with_note(t!("e0308-note")).with_help(t!("e0308-help"))
}

#[cold]
pub fn item_excluded(item: &str, when: &str, span: Span, rules: &[(String, Span)]) -> Diagnostic {
    let mut d = Diagnostic::warning(
        Code::W0304,
        t!("w0304", item = item, when = when),
        span,
        t!("w0304-label"),
    );
    for (text, span) in rules {
        d = d.with_label(*span, t!("w0304-rule", rule = text.as_str()));
    }
    d.with_note(t!("w0304-note"))
        .with_help(t!("w0304-help", item = item))
}

/// Two arms of one limit by situation hold for the same answers (E0311).
#[cold]
pub fn arms_overlap(what: &str, item: &str, a: Span, b: Span, answers: &str) -> Diagnostic {
    let what = if what == "legal" {
        t!("limit-legal")
    } else {
        t!("limit-promise")
    };
    Diagnostic::error(
        Code::E0311,
        t!("e0311", what = what, item = item),
        b,
        t!("e0311-label"),
    )
    .with_label(a, t!("e0311-other"))
    .with_note(t!("e0311-note", answers = answers))
    .with_help(t!("e0311-help"))
}
