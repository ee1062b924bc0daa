//! Constructors for the syntax stage's diagnostics (codes E00xx).

use crate::diagnostics::{Code, Diagnostic};
use crate::files::Span;

#[cold]
pub fn file_too_large(span: Span, size: usize, max: usize) -> Diagnostic {
    Diagnostic::error(Code::E0002, format!("source file is too large ({size} bytes; the limit is {max})"), span, "the file starts here")
        .with_note("a matter fits in a few hundred lines; a file this large is almost certainly not a hand-written matter")
        .with_help("split the catalogue into one file per matter and `use` the shared parts")
}

#[cold]
pub fn control_char(span: Span, byte: u8) -> Diagnostic {
    Diagnostic::error(Code::E0004, format!("control character U+{byte:04X} in the source"), span, "this character is invisible")
        .with_note("control characters such as NUL are invisible in editors and usually come from a binary file or a bad copy")
        .with_help("delete the character, or re-save the file as plain UTF-8 text")
}

#[cold]
pub fn unterminated_string(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0005,
        "unterminated string",
        span,
        "this string has no closing `\"` on its line",
    )
    .with_note("a string must open and close on the same line")
    .with_help("add the closing `\"`; write `\\\"` for a quote inside the string")
}

#[cold]
pub fn unterminated_comment(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0006,
        "unterminated block comment",
        span,
        "this `/*` is never closed",
    )
    .with_help("close the comment with `*/`, or use `//` for a one-line comment")
}

#[cold]
pub fn mismatched(span: Span, found: char, open: Span, opened: char) -> Diagnostic {
    let expected = closer(opened);
    Diagnostic::error(
        Code::E0007,
        format!("mismatched `{found}`"),
        span,
        format!("expected `{expected}` here"),
    )
    .with_label(open, format!("this `{opened}` is still open"))
    .with_help(format!(
        "close the `{opened}` with `{expected}` before this point"
    ))
}

#[cold]
pub fn unopened(span: Span, found: char) -> Diagnostic {
    Diagnostic::error(
        Code::E0007,
        format!("unexpected `{found}`"),
        span,
        "nothing is open here",
    )
    .with_help("remove this bracket, or add the opening one it belongs to")
}

#[cold]
pub fn unclosed(span: Span, open: char, nested: bool) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0007,
        format!("unclosed `{open}`"),
        span,
        "opened here and never closed",
    )
    .with_help(format!("add the matching `{}`", closer(open)));
    if nested {
        d = d.with_note("an inner block may be the one missing its closing bracket: the brackets after it pair up differently than intended");
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
    Diagnostic::error(Code::E0008, format!("brackets are nested more than {max} deep"), span, "this bracket is too deep")
        .with_note("deep nesting cannot be read by people and is refused so that the compiler never exhausts its stack")
        .with_help("flatten the condition: `a and b and c` needs no parentheses")
}

#[cold]
pub fn lists_too_deep(span: Span, max: usize) -> Diagnostic {
    Diagnostic::error(
        Code::E0008,
        format!("lists are nested more than {max} deep"),
        span,
        "this list is too deep",
    )
    .with_note("every list inside a list is a form inside a form; each level is also three levels of JSON in the form's artifacts, which their readers limit")
    .with_help("flatten the form: give the inner list's fields to the outer list, or make it a list of its own")
}

#[cold]
pub fn condition_too_deep(span: Span, max: usize) -> Diagnostic {
    Diagnostic::error(
        Code::E0019,
        format!("this condition is nested more than {max} levels deep"),
        span,
        "nested too deeply",
    )
    .with_note("each `not`, and each `and` or `or` list inside a list of the other, is one level; such a condition cannot be read by people, and is refused so that no stage of the compiler, and no tool reading the artifacts, exhausts its stack")
    .with_help("drop doubled `not`s (`not not a` is `a`), write `s in [a, b]` for alternatives of one situation, and bring `not` inwards (`not (a and b)` is `not a or not b`)")
}

#[cold]
pub fn bad_escape(span: Span, esc: &str) -> Diagnostic {
    Diagnostic::error(Code::E0009, format!("invalid escape `{esc}` in a string"), span, "not an escape")
        .with_help("the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{XXXX}`; write `\\\\` for a backslash")
}

#[cold]
pub fn syntax(span: Span, expected: &str, found: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0001,
        format!("expected {expected}, found {found}"),
        span,
        format!("expected {expected}"),
    )
}

#[cold]
pub fn unknown_attr(span: Span, name: &str, context: &str, valid: &[&str]) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0010,
        format!("`{name}` is not a {context}"),
        span,
        format!("unknown {context}"),
    );
    let help = crate::diagnostics::did_you_mean(name, valid.iter().copied());
    if let Some(h) = help {
        d = d.with_help(h);
    }
    d
}

#[cold]
pub fn bad_value(span: Span, name: &str, wants: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0011,
        format!("`{name}` takes {wants}"),
        span,
        format!("expected {wants}"),
    )
    .with_help(format!("write it as `{name}` followed by {wants}"))
}

#[cold]
pub fn repeated(span: Span, first: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0012,
        format!("`{what}` is given twice"),
        span,
        "given again here",
    )
    .with_label(first, "first given here")
    .with_help(format!("keep one `{what}` statement and delete the other"))
}

#[cold]
pub fn bad_number(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(
        Code::E0013,
        format!("invalid number: {what}"),
        span,
        "this number",
    )
    .with_help(
        "write a whole number such as `3`, or a decimal such as `12.50` where money is meant",
    )
}

#[cold]
pub fn malformed_entry(span: Span, message: &str, help: &str) -> Diagnostic {
    Diagnostic::error(Code::E0014, message.to_string(), span, "this field entry")
        .with_help(help.to_string())
}
