//! Constructors for the form stage's diagnostics (codes E02xx and W02xx).

use crate::diagnostics::{Code, Diagnostic};
use crate::files::Span;
use crate::resolve::{Constraint, FieldType, Literal, Scalar};

/// One side of a collision: the constraint, its value, where, and who declared it.
pub struct Side<'a> {
    pub keyword: &'static str,
    pub value: &'a str,
    pub span: Span,
    pub who: &'a str,
}

#[cold]
pub fn wrong_type(c: &Constraint, ty: &FieldType, decl: Span, takes: Vec<&str>) -> Diagnostic {
    let kw = c.kind.keyword();
    Diagnostic::error(
        Code::E0201,
        format!("`{kw}` does not apply to a `{}` field", ty.name()),
        c.span,
        format!("`{kw}` on a `{}` field", ty.name()),
    )
    .with_label(decl, format!("the field is declared `{}` here", ty.name()))
    .with_note(
        "a constraint the type cannot carry would be silently lost in the form schema and in every department's packet",
    )
    .with_help(format!(
        "remove `{kw}`; a `{}` field takes {}",
        ty.name(),
        takes.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
    ))
}

#[cold]
pub fn not_whole(keyword: &str, text: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0202,
        format!("`{keyword} {text}` must be a whole number of 0 or more"),
        span,
        "not a whole count",
    )
    .with_help(format!("write a count such as `{keyword} 20`"))
}

#[cold]
pub fn bad_bound(keyword: &str, text: &str, ty: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0202,
        format!("`{keyword} {text}` is not a valid bound for a `{ty}` field"),
        span,
        "invalid bound",
    )
    .with_help(if ty == "integer" {
        "an integer field's bounds are whole numbers; use `decimal` for fractions"
    } else {
        "write the bound as a plain number"
    })
}

#[cold]
pub fn bad_pattern(pattern: &str, error: &str, span: Span) -> Diagnostic {
    let first = error.lines().next().unwrap_or(error);
    Diagnostic::error(
        Code::E0202,
        format!("`pattern \"{pattern}\"` is not a valid regular expression"),
        span,
        first.to_string(),
    )
    .with_note("patterns use JavaScript (ECMA-262) regular expressions, as JSON Schema does; a backslash is written `\\\\` inside a string")
    .with_help("fix the expression; anchor it with `^…$` to match the whole value")
}

#[cold]
pub fn bad_date_limit(keyword: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0202,
        format!("`{keyword}` takes a date or `today`"),
        span,
        "not a date",
    )
    .with_help(format!(
        "write a real date such as `{keyword} \"2000-01-01\"`, or `{keyword} today` for the day the form is checked"
    ))
}

#[cold]
pub fn pattern_not_ecmascript(pattern: &str, error: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0207,
        format!("`pattern \"{pattern}\"` is not a JavaScript regular expression"),
        span,
        format!("a browser refuses it: {error}"),
    )
    .with_note("forms check patterns in the browser with `new RegExp(pattern, \"u\")` (Ajv, RJSF, JSON Forms); a pattern the runtime accepts but a browser refuses breaks the whole form")
    .with_help("use ECMAScript syntax: `[Xx]` instead of `(?i)`, `$` instead of `\\z`; anchor with `^…$`")
}

#[cold]
pub fn bad_default(lit: &Literal, ty: &FieldType, decl: Span) -> Diagnostic {
    let expected = match ty {
        FieldType::Scalar(Scalar::Bool) => "`true` or `false`".to_string(),
        FieldType::Scalar(Scalar::Integer) => "a whole number".to_string(),
        FieldType::Scalar(Scalar::Decimal | Scalar::Money) => "a number".to_string(),
        FieldType::Scalar(Scalar::Date) => "a date string such as \"2024-01-31\"".to_string(),
        FieldType::Scalar(Scalar::Datetime) => {
            "a string such as \"2024-01-31T09:00:00\"".to_string()
        }
        FieldType::Choice { options, .. } => format!(
            "one of the options {}",
            options
                .iter()
                .map(|o| format!("`{}`", o.id))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => "a string".to_string(),
    };
    Diagnostic::error(
        Code::E0203,
        format!("this `default` is not a value of a `{}` field", ty.name()),
        lit.span(),
        format!("expected {expected}"),
    )
    .with_label(decl, format!("the field is declared `{}` here", ty.name()))
    .with_help(format!("give {expected} as the default, or remove it"))
}

#[cold]
pub fn empty_range(
    field: &str,
    what: &str,
    low: &Side<'_>,
    high: &Side<'_>,
    others: &[(Span, String)],
) -> Diagnostic {
    let mut d = Diagnostic::error(
        Code::E0204,
        format!(
            "the field `{field}` allows no {what}: `{} {}` is above `{} {}`",
            low.keyword, low.value, high.keyword, high.value
        ),
        low.span,
        format!("`{} {}` from {}", low.keyword, low.value, low.who),
    )
    .with_label(
        high.span,
        format!("`{} {}` from {}", high.keyword, high.value, high.who),
    );
    for (span, who) in others {
        d = d.with_label(*span, format!("{who} also contributes to this field"));
    }
    let fix = format!(
        "raise `{}` to at least {} or lower `{}` to at most {}",
        high.keyword, low.value, low.keyword, high.value
    );
    if low.who == high.who && others.is_empty() {
        d.with_help(fix)
    } else {
        d.with_note("a merged field must satisfy every declaration that contributes to it, so it takes the tightest bound on each side")
            .with_help(format!("the departments must agree: {fix}, in whichever declaration is wrong"))
    }
}

#[cold]
pub fn conflicting_defaults(field: &str, first: &Side<'_>, second: &Side<'_>) -> Diagnostic {
    Diagnostic::error(
        Code::E0205,
        format!(
            "the field `{field}` gets two defaults: {} and {}",
            first.value, second.value
        ),
        second.span,
        format!("`default {}` from {}", second.value, second.who),
    )
    .with_label(first.span, format!("`default {}` from {}", first.value, first.who))
    .with_note("the merged form shows one pre-filled value to the applicant, so every declaration must agree on it")
    .with_help("keep one default, in the `shared` declaration, and remove the others")
}

#[cold]
pub fn type_clash(
    field: &str,
    local_ty: &str,
    shared_ty: &str,
    span: Span,
    shared: Span,
    who: &str,
) -> Diagnostic {
    Diagnostic::error(
        Code::E0206,
        format!("{who} declares its own `{field}` as `{local_ty}`, but the shared field `{field}` is `{shared_ty}`"),
        span,
        format!("`{field}` declared `{local_ty}` here"),
    )
    .with_label(shared, format!("the shared `{field}` is `{shared_ty}`"))
    .with_note("in a matter a field name means one thing; two types under one name would give the applicant two different questions that look the same")
    .with_help(format!(
        "bind the shared field with `{field}` (narrowing it if needed), or give this field another name"
    ))
}

#[cold]
pub fn repeated_local(
    field: &str,
    span: Span,
    who: &str,
    first: Span,
    first_who: &str,
    same_type: bool,
) -> Diagnostic {
    let d = Diagnostic::warning(
        Code::W0201,
        format!("{who} and {first_who} both declare their own field `{field}`"),
        span,
        format!("declared again by {who}"),
    )
    .with_label(first, format!("declared by {first_who}"))
    .with_note("local fields are not merged: the applicant is asked for this twice");
    if same_type {
        d.with_help(format!(
            "move `{field}` to the matter's `shared` block and write `{field}` in both forms"
        ))
    } else {
        d.with_help(format!(
            "if both mean the same thing, move `{field}` to `shared` with one type; otherwise rename one of them"
        ))
    }
}

#[cold]
pub fn unused_shared(field: &str, span: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0202,
        format!("no item uses the shared field `{field}`"),
        span,
        "declared here, bound by no item's form",
    )
    .with_note("a shared field no item binds never appears in the merged form")
    .with_help(format!(
        "write `{field}` in the form of each item that needs it, or delete it"
    ))
}

#[cold]
pub fn shadows_shared(field: &str, span: Span, shared: Span, who: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::W0203,
        format!("{who} declares its own `{field}` although the matter shares a field of that name"),
        span,
        "a separate, item-only field",
    )
    .with_label(shared, "the shared field")
    .with_note(
        "the applicant is asked for both, and the department does not receive the shared answer",
    )
    .with_help(format!(
        "write just `{field}` (with narrowing constraints if needed) to bind the shared field"
    ))
}
