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
