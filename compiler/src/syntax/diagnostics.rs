//! Constructors for the syntax stage's diagnostics (codes E00xx).

use crate::diagnostics::t;
use crate::diagnostics::{Arg, Code, Diagnostic, Text};
use crate::files::Span;

#[cold]
pub fn file_too_large(span: Span, size: usize, max: usize) -> Diagnostic {
    Diagnostic::error(
        Code::E0002,
        t!("e0002", size = size, max = max),
        span,
        t!("e0002-label"),
    )
    .with_note(t!("e0002-note"))
    .with_help(t!("e0002-help"))
}

#[cold]
pub fn control_char(span: Span, byte: u8) -> Diagnostic {
    Diagnostic::error(
        Code::E0004,
        t!("e0004", char = format!("U+{byte:04X}")),
        span,
        t!("e0004-label"),
    )
    .with_note(t!("e0004-note"))
    .with_help(t!("e0004-help"))
}

#[cold]
pub fn unterminated_string(span: Span) -> Diagnostic {
    Diagnostic::error(Code::E0005, t!("e0005"), span, t!("e0005-label"))
        .with_note(t!("e0005-note"))
        .with_help(t!("e0005-help"))
}

#[cold]
pub fn unterminated_comment(span: Span) -> Diagnostic {
    Diagnostic::error(Code::E0006, t!("e0006"), span, t!("e0006-label")).with_help(t!("e0006-help"))
}

#[cold]
pub fn mismatched(span: Span, found: char, open: Span, opened: char) -> Diagnostic {
    let expected = closer(opened);
    Diagnostic::error(
        Code::E0007,
        t!("e0007-mismatched", found = found),
        span,
        t!("e0007-mismatched-label", expected = expected),
    )
    .with_label(open, t!("e0007-still-open", opened = opened))
    .with_help(t!(
        "e0007-mismatched-help",
        opened = opened,
        expected = expected
    ))
}

#[cold]
pub fn unopened(span: Span, found: char) -> Diagnostic {
    Diagnostic::error(
        Code::E0007,
        t!("e0007-unopened", found = found),
        span,
        t!("e0007-unopened-label"),
    )
    .with_help(t!("e0007-unopened-help"))
}

#[cold]
pub fn unclosed(span: Span, open: char, nested: bool) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0007,
        t!("e0007-unclosed", open = open),
        span,
        t!("e0007-unclosed-label"),
    )
    .with_help(t!("e0007-unclosed-help", close = closer(open)));
    if nested {
        d = d.with_note(t!("e0007-unclosed-nested-note"));
    }
    d
}

fn closer(open: char) -> char {
    match open {
        '{' => '}',
        '(' => ')',
        _ => ']',
    }
}

#[cold]
pub fn too_deep(span: Span, max: usize) -> Diagnostic {
    Diagnostic::error(Code::E0008, t!("e0008", max = max), span, t!("e0008-label"))
        .with_note(t!("e0008-note"))
        .with_help(t!("e0008-help"))
}

#[cold]
pub fn lists_too_deep(span: Span, max: usize) -> Diagnostic {
    Diagnostic::error(
        Code::E0008,
        t!("e0008-lists", max = max),
        span,
        t!("e0008-lists-label"),
    )
    .with_note(t!("e0008-lists-note"))
    .with_help(t!("e0008-lists-help"))
}

#[cold]
pub fn condition_too_deep(span: Span, max: usize) -> Diagnostic {
    Diagnostic::error(Code::E0019, t!("e0019", max = max), span, t!("e0019-label"))
        .with_note(t!("e0019-note"))
        .with_help(t!("e0019-help"))
}

#[cold]
pub fn bad_escape(span: Span, esc: &str) -> Diagnostic {
    Diagnostic::error(Code::E0009, t!("e0009", esc = esc), span, t!("e0009-label"))
        .with_help(t!("e0009-help"))
}

#[cold]
pub fn syntax(span: Span, expected: impl Into<Arg>, found: impl Into<Arg>) -> Diagnostic {
    let expected = expected.into();
    Diagnostic::error(
        Code::E0001,
        t!("e0001", expected = expected.clone(), found = found),
        span,
        t!("e0001-label", expected = expected),
    )
}

#[cold]
pub fn unknown_attr(span: Span, name: &str, context: impl Into<Arg>, valid: &[&str]) -> Diagnostic {
    let context = context.into();
    let mut d = Diagnostic::error(
        Code::E0010,
        t!("e0010", name = name, context = context.clone()),
        span,
        t!("e0010-label", context = context),
    );
    let help = crate::diagnostics::did_you_mean(name, valid.iter().copied());
    if let Some(h) = help {
        d = d.with_help(h);
    }
    d
}

#[cold]
pub fn bad_value(span: Span, name: &str, wants: impl Into<Arg>) -> Diagnostic {
    let wants = wants.into();
    Diagnostic::error(
        Code::E0011,
        t!("e0011", name = name, wants = wants.clone()),
        span,
        t!("e0011-label", wants = wants.clone()),
    )
    .with_help(t!("e0011-help", name = name, wants = wants))
}

/// E0111: `optional` in an item without the question the applicant answers.
#[cold]
pub fn optional_without_question(span: Span) -> Diagnostic {
    Diagnostic::error(Code::E0111, t!("e0111"), span, t!("e0111-label"))
        .with_note(t!("e0111-note"))
        .with_help(t!("e0111-help"))
}

/// E0115: a `template` on a material the applicant does not submit (`why` says which).
#[cold]
pub fn template_not_submitted(span: Span, material: &str, why: impl Into<Arg>) -> Diagnostic {
    Diagnostic::error(
        Code::E0115,
        t!("e0115", material = material),
        span,
        t!("e0115-label", why = why.into()),
    )
    .with_help(t!("e0115-help"))
}

/// E0116: a fee by situation of the wrong shape; `key` says which (`e0116-…`).
#[cold]
pub fn fee_table(span: Span, key: &'static str) -> Diagnostic {
    Diagnostic::error(
        Code::E0116,
        crate::diagnostics::Text::new(key, Vec::new()),
        span,
        t!("e0116-label"),
    )
    .with_note(t!("e0116-note"))
    .with_help(t!("e0116-help"))
}

#[cold]
pub fn repeated(span: Span, first: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0012,
        t!("e0012", what = what),
        span,
        t!("e0012-label"),
    )
    .with_label(first, t!("e0012-first"))
    .with_help(t!("e0012-help", what = what))
}

#[cold]
pub fn bad_number(span: Span, what: impl Into<Arg>) -> Diagnostic {
    Diagnostic::error(
        Code::E0013,
        t!("e0013", what = what),
        span,
        t!("e0013-label"),
    )
    .with_help(t!("e0013-help"))
}

#[cold]
pub fn malformed_entry(span: Span, message: impl Into<Text>, help: impl Into<Text>) -> Diagnostic {
    Diagnostic::error(Code::E0014, message, span, t!("e0014-label")).with_help(help)
}

/// `min_items 1 when …`: only `required` takes a condition.
#[cold]
pub fn conditional_constraint(span: Span, when: Span, constraint: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0025,
        t!("e0025", constraint = constraint),
        when,
        t!("e0025-label", constraint = constraint),
    )
    .with_label(span, t!("e0025-statement"))
    .with_note(t!("e0025-note", constraint = constraint))
    .with_help(t!("e0025-help", constraint = constraint))
}

/// A limit given for some answers only: `promise 10 workdays when a`, or a table without
/// `otherwise` (E0310). The help adds the missing arm; it never drops the condition.
#[cold]
pub fn no_otherwise(span: Span, what: &str, braced: bool, first: &str) -> Diagnostic {
    let message = if braced {
        t!("e0310-table", what = what)
    } else {
        t!("e0310", what = what)
    };
    Diagnostic::error(Code::E0310, message, span, t!("e0310-label"))
        .with_note(t!("e0310-note"))
        .with_help(t!("e0310-help", what = what, first = first))
}

/// An arm after `otherwise` (E0020).
#[cold]
pub fn arm_after_otherwise(span: Span, otherwise: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0020,
        t!("e0020-after", what = what),
        span,
        t!("e0020-after-label"),
    )
    .with_label(otherwise, t!("e0020-otherwise-label"))
    .with_help(t!("e0020-after-help"))
}

/// `otherwise DURATION when …` (E0020).
#[cold]
pub fn otherwise_with_when(span: Span) -> Diagnostic {
    Diagnostic::error(Code::E0020, t!("e0020-when"), span, t!("e0020-when-label"))
        .with_help(t!("e0020-when-help"))
}

/// An arm that is neither `… when CONDITION` nor `otherwise …` (E0020).
#[cold]
pub fn arm_without_when(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0020,
        t!("e0020-bare", what = what),
        span,
        t!("e0020-bare-label"),
    )
    .with_help(t!("e0020-bare-help"))
}

/// A table with no arm that has a condition (E0020).
#[cold]
pub fn no_arms(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0020,
        t!("e0020-empty", what = what),
        span,
        t!("e0020-empty-label"),
    )
    .with_help(t!("e0020-empty-help", what = what))
}

/// A matter's promise by situation (E0021).
#[cold]
pub fn matter_promise_by(span: Span) -> Diagnostic {
    Diagnostic::error(Code::E0021, t!("e0021"), span, t!("e0021-label"))
        .with_note(t!("e0021-note"))
        .with_help(t!("e0021-help"))
}

/// `message "…"` after something a value cannot fail (`default`, `help`, a field's `when`, a
/// department's attribute, …): the applicant would never read it (E0215). `constraint` says
/// whether it stands after a field's constraint or after another block's attribute.
#[cold]
pub fn message_cannot_fail(message: Span, attr: Span, name: &str, constraint: bool) -> Diagnostic {
    let help = if constraint {
        t!("e0215-help", name = name)
    } else {
        t!("e0215-help-attribute")
    };
    Diagnostic::error(
        Code::E0215,
        t!("e0215", name = name),
        message,
        t!("e0215-label"),
    )
    .with_label(attr, t!("e0215-after", name = name))
    .with_note(t!("e0215-note"))
    .with_help(help)
}

/// An empty `message ""` (E0216) after a constraint, or the field's own (`name` is then
/// `message`): the applicant would read nothing where the form says why it refuses a value.
#[cold]
pub fn empty_message(message: Span, attr: Span, name: &str) -> Diagnostic {
    let text = if name == "message" {
        t!("e0216-own")
    } else {
        t!("e0216", name = name)
    };
    let diag = Diagnostic::error(Code::E0216, text, message, t!("e0216-label"));
    let diag = if name == "message" {
        diag
    } else {
        diag.with_label(attr, t!("e0216-of", name = name))
    };
    diag.with_help(t!("e0216-help", name = name))
}

/// A second `message "…"` after one constraint (E0217): a failed constraint shows one message.
#[cold]
pub fn second_message(again: Span, first: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0217,
        t!("e0217", name = name),
        again,
        t!("e0217-label"),
    )
    .with_label(first, t!("e0217-first"))
    .with_help(t!("e0217-help", name = name))
}
