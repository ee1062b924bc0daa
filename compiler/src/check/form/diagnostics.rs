//! Constructors for the form stage's diagnostics (codes E02xx and W02xx).

use crate::diagnostics::t;
use crate::diagnostics::{Arg, Code, Diagnostic, Text};
use crate::files::Span;
use crate::resolve::{Constraint, FieldType, Literal, Scalar};

/// One side of a collision: the constraint, its value, where, and who declared it.
pub struct Side<'a> {
    pub keyword: &'static str,
    pub value: &'a str,
    pub span: Span,
    pub who: &'a Text,
}

/// Who declared something, as a translated argument.
fn who(w: &Text) -> Arg {
    Arg::Text(w.clone())
}

/// "`max 5` from item `birth_cert` (wsjk)": a constraint as written, and who wrote it.
fn from(side: &Side<'_>) -> Text {
    t!(
        "e02-from",
        kw = side.keyword,
        value = side.value,
        who = who(side.who)
    )
}

/// "item `birth_cert` (wsjk)": an item, with its department when it has one.
pub fn who_item(item: &str, dept: Option<&str>) -> Text {
    match dept {
        Some(dept) => t!("who-item", name = item, dept = dept),
        None => t!("who-item-bare", name = item),
    }
}

/// "dictionary `person`".
pub fn who_dictionary(dict: &str) -> Text {
    t!("who-dictionary", name = dict)
}

/// "the `shared` block".
pub fn who_shared() -> Text {
    t!("who-shared")
}

#[cold]
pub fn wrong_type(c: &Constraint, ty: &FieldType, decl: Span, takes: Vec<&str>) -> Diagnostic {
    let kw = c.kind.keyword();
    Diagnostic::error(
        Code::E0201,
        t!("e0201", kw = kw, ty = ty.name()),
        c.span,
        t!("e0201-label", kw = kw, ty = ty.name()),
    )
    .with_label(decl, t!("e02-declared-as", ty = ty.name()))
    .with_note(t!("e0201-note"))
    .with_help(t!(
        "e0201-help",
        kw = kw,
        ty = ty.name(),
        takes = takes
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

#[cold]
pub fn not_whole(keyword: &str, text: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0202,
        t!("e0202-not-whole", keyword = keyword, text = text),
        span,
        t!("e0202-not-whole-label"),
    )
    .with_help(t!("e0202-not-whole-help", keyword = keyword))
}

#[cold]
pub fn bad_bound(keyword: &str, text: &str, ty: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0202,
        t!("e0202-bound", keyword = keyword, text = text, ty = ty),
        span,
        t!("e0202-bound-label"),
    )
    .with_help(if ty == "integer" {
        t!("e0202-bound-integer-help")
    } else {
        t!("e0202-bound-help")
    })
}

#[cold]
pub fn bad_pattern(pattern: &str, error: &str, span: Span) -> Diagnostic {
    let first = error.lines().next().unwrap_or(error);
    Diagnostic::error(
        Code::E0202,
        t!("e0202-pattern", pattern = pattern),
        span,
        t!("e0202-pattern-label", error = first),
    )
    .with_note(t!("e0202-pattern-note"))
    .with_help(t!("e0202-pattern-help"))
}

#[cold]
pub fn bad_date_limit(keyword: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0202,
        t!("e0202-date", keyword = keyword),
        span,
        t!("e0202-date-label"),
    )
    .with_help(t!("e0202-date-help", keyword = keyword))
}

#[cold]
pub fn pattern_not_ecmascript(pattern: &str, error: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0207,
        t!("e0207", pattern = pattern),
        span,
        t!("e0207-label", error = error),
    )
    .with_note(t!("e0207-note"))
    .with_help(t!("e0207-help"))
}

#[cold]
pub fn bad_default(lit: &Literal, ty: &FieldType, decl: Span) -> Diagnostic {
    let expected = match ty {
        FieldType::Scalar(Scalar::Bool) => t!("expect-cmp-bool"),
        FieldType::Scalar(Scalar::Integer) => t!("e0203-whole"),
        FieldType::Scalar(Scalar::Decimal | Scalar::Money) => t!("expect-number"),
        FieldType::Scalar(Scalar::Date) => t!("e0203-date"),
        FieldType::Scalar(Scalar::Datetime) => t!("e0203-datetime"),
        FieldType::Choice { options, .. } => t!(
            "e0203-options",
            options = options
                .iter()
                .map(|o| format!("`{}`", o.id))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => t!("found-string"),
    };
    Diagnostic::error(
        Code::E0203,
        t!("e0203", ty = ty.name()),
        lit.span(),
        t!("e0001-label", expected = expected.clone()),
    )
    .with_label(decl, t!("e02-declared-as", ty = ty.name()))
    .with_help(t!("e0203-help", expected = expected))
}

#[cold]
pub fn empty_range(
    field: &str,
    what: &str,
    low: &Side<'_>,
    high: &Side<'_>,
    others: &[(Span, Text)],
) -> Diagnostic {
    // Dates have their own wording ("is later than", "move … or later"); the arguments are
    // the same.
    let dates = what == "date";
    let (message_id, fix_id) = if dates {
        ("e0204-dates", "e0204-dates-fix")
    } else {
        ("e0204", "e0204-fix")
    };
    let bounds = || -> Vec<(&'static str, Arg)> {
        vec![
            ("low_kw", low.keyword.into()),
            ("low", low.value.into()),
            ("high_kw", high.keyword.into()),
            ("high", high.value.into()),
        ]
    };
    let mut args = bounds();
    args.push(("field", field.into()));
    args.push((
        "what",
        match what {
            "value" => Arg::Text(t!("e0204-what-value")),
            "length" => Arg::Text(t!("e0204-what-length")),
            "number of entries" => Arg::Text(t!("e0204-what-entries")),
            other => Arg::from(other),
        },
    ));
    let message = Text::new(message_id, args);
    let mut d = Diagnostic::error(Code::E0204, message, low.span, from(low))
        .with_label(high.span, from(high));
    for (span, w) in others {
        d = d.with_label(*span, t!("e0204-also", who = who(w)));
    }
    let fix = Text::new(fix_id, bounds());
    if low.who == high.who && others.is_empty() {
        d.with_help(fix)
    } else {
        d.with_note(t!("e0204-note"))
            .with_help(t!("e0204-agree-help", fix = fix))
    }
}

#[cold]
pub fn conflicting_defaults(field: &str, first: &Side<'_>, second: &Side<'_>) -> Diagnostic {
    Diagnostic::error(
        Code::E0205,
        t!(
            "e0205",
            field = field,
            first = first.value,
            second = second.value
        ),
        second.span,
        from(second),
    )
    .with_label(first.span, from(first))
    .with_note(t!("e0205-note"))
    .with_help(t!("e0205-help"))
}

/// E0209: a field's default that one of its own merged constraints refuses; `bound` is that
/// constraint (its keyword, its value as written, where and by whom).
#[cold]
pub fn default_refused(field: &str, default: &Side<'_>, bound: &Side<'_>) -> Diagnostic {
    Diagnostic::error(
        Code::E0209,
        t!(
            "e0209",
            field = field,
            value = default.value,
            kw = bound.keyword,
            bound = bound.value
        ),
        default.span,
        from(default),
    )
    .with_label(bound.span, from(bound))
    .with_note(t!("e0209-note"))
    .with_help(t!("e0209-help", kw = bound.keyword, bound = bound.value))
}

/// E0204 for a `multi_choice` whose `min_items` asks for more choices than it has options.
#[cold]
pub fn too_few_options(field: &str, count: usize, min: &Side<'_>, decl: Span) -> Diagnostic {
    Diagnostic::error(
        Code::E0204,
        t!(
            "e0204-options",
            field = field,
            min = min.value,
            count = count
        ),
        min.span,
        from(min),
    )
    .with_label(decl, t!("e0204-options-label", count = count))
    .with_help(t!("e0204-options-fix", count = count))
}

/// A constraint as written, for a label: its keyword, its text, where and by whom.
pub struct Said {
    pub keyword: &'static str,
    pub text: String,
    pub span: Span,
    pub who: Text,
}

impl Said {
    fn label(&self) -> Text {
        from(&Side {
            keyword: self.keyword,
            value: &self.text,
            span: self.span,
            who: &self.who,
        })
    }
}

/// The pattern a field's type implies, and the field's declaration.
#[derive(Clone)]
pub struct Implied {
    pub ty: &'static str,
    pub pattern: &'static str,
    pub decl: Span,
}

/// What E0218 names: the smallest set of constraints no text satisfies together.
pub enum NoText {
    /// One pattern that matches nothing at all.
    Alone(Said),
    /// A pattern and the pattern the field's type implies.
    Type(Implied, Said),
    /// Two patterns.
    Pair(Said, Said),
    /// Patterns (the type's among them when `implied`) that no text matches together, or none
    /// of a length within the bounds: `first` and `rest` name them and the bounds.
    Together {
        kind: Together,
        implied: Option<Implied>,
        first: Said,
        rest: Vec<Said>,
    },
}

/// Which constraints an E0218 of [`NoText::Together`] names.
pub enum Together {
    /// The type's pattern and the length bounds.
    TypeLengths,
    /// Patterns, no bound.
    Patterns,
    /// Patterns and the length bounds.
    Lengths,
}

/// E0218: no text satisfies the field's patterns within its length bounds.
#[cold]
pub fn no_text(field: &str, why: NoText) -> Diagnostic {
    let (message, first, rest, implied) = match why {
        NoText::Alone(p) => (
            t!("e0218-alone", field = field, pattern = p.text.as_str()),
            p,
            Vec::new(),
            None,
        ),
        NoText::Type(implied, own) => (
            t!(
                "e0218-type",
                field = field,
                ty = implied.ty,
                pattern = own.text.as_str()
            ),
            own,
            Vec::new(),
            Some(implied),
        ),
        NoText::Pair(a, b) => (
            t!(
                "e0218-pair",
                field = field,
                a = a.text.as_str(),
                b = b.text.as_str()
            ),
            b,
            vec![a],
            None,
        ),
        NoText::Together {
            kind,
            implied,
            first,
            rest,
        } => {
            let message = match (kind, &implied) {
                (Together::TypeLengths, Some(t)) => {
                    t!("e0218-type-lengths", field = field, ty = t.ty)
                }
                (Together::Patterns, _) => t!("e0218-all", field = field),
                _ => t!("e0218-lengths", field = field),
            };
            (message, first, rest, implied)
        }
    };
    let mut d = Diagnostic::error(Code::E0218, message, first.span, first.label());
    for said in rest {
        d = d.with_label(said.span, said.label());
    }
    if let Some(t) = implied {
        let label = if t.pattern == yjs_artifacts::validators::pattern::NOT_BLANK {
            t!("e0218-blank-label", ty = t.ty)
        } else {
            t!("e0218-type-label", ty = t.ty, implied = t.pattern)
        };
        d = d.with_label(t.decl, label);
    }
    d.with_note(t!("e0218-note")).with_help(t!("e0218-help"))
}

#[cold]
pub fn type_clash(
    field: &str,
    local_ty: &str,
    shared_ty: &str,
    span: Span,
    shared: Span,
    w: &Text,
) -> Diagnostic {
    Diagnostic::error(
        Code::E0206,
        t!(
            "e0206",
            who = who(w),
            field = field,
            local = local_ty,
            shared = shared_ty
        ),
        span,
        t!("e0206-label", field = field, local = local_ty),
    )
    .with_label(
        shared,
        t!("e0206-shared", field = field, shared = shared_ty),
    )
    .with_note(t!("e0206-note"))
    .with_help(t!("e0206-help", field = field))
}

#[cold]
pub fn repeated_local(
    field: &str,
    span: Span,
    w: &Text,
    first: Span,
    first_who: &Text,
    same_type: bool,
) -> Diagnostic {
    let d = Diagnostic::warning(
        Code::W0201,
        t!("w0201", who = who(w), first = who(first_who), field = field),
        span,
        t!("w0201-label", who = who(w)),
    )
    .with_label(first, t!("w0201-first", who = who(first_who)))
    .with_note(t!("w0201-note"));
    if same_type {
        d.with_help(t!("w0201-same-help", field = field))
    } else {
        d.with_help(t!("w0201-other-help", field = field))
    }
}

#[cold]
pub fn top_level_clash(
    name: &str,
    span: Span,
    kind: super::lints::Top,
    first: Span,
    first_kind: super::lints::Top,
) -> Diagnostic {
    Diagnostic::error(
        Code::E0208,
        t!(
            "e0208",
            kind = top_kind(kind),
            first = top_kind(first_kind),
            name = name
        ),
        span,
        t!("e0208-label", kind = top_kind(kind), name = name),
    )
    .with_label(
        first,
        t!("e0208-first", first = top_kind(first_kind), name = name),
    )
    .with_note(t!("e0208-note"))
    .with_help(t!("e0208-help", name = name))
}

/// "situation", "shared field" or "item with fields of its own", in the reader's language.
fn top_kind(kind: super::lints::Top) -> Text {
    match kind {
        super::lints::Top::Situation => t!("e0208-situation"),
        super::lints::Top::Shared => t!("e0208-shared"),
        super::lints::Top::Section => t!("e0208-section"),
    }
}

#[cold]
pub fn unused_shared(field: &str, span: Span) -> Diagnostic {
    Diagnostic::warning(
        Code::W0202,
        t!("w0202", field = field),
        span,
        t!("w0202-label"),
    )
    .with_note(t!("w0202-note"))
    .with_help(t!("w0202-help", field = field))
}

#[cold]
pub fn shadows_shared(field: &str, span: Span, shared: Span, w: &Text) -> Diagnostic {
    Diagnostic::warning(
        Code::W0203,
        t!("w0203", who = who(w), field = field),
        span,
        t!("w0203-label"),
    )
    .with_label(shared, t!("w0203-shared"))
    .with_note(t!("w0203-note"))
    .with_help(t!("w0203-help", field = field))
}

/// W0210: `min_items` above 0 on a list that is shown without being required, in `example`
/// (`None`: anywhere it is shown).
#[cold]
pub fn min_items_where_optional(
    field: &str,
    span: Span,
    min: &str,
    min_span: Span,
    example: Option<&str>,
) -> Diagnostic {
    let label = match example {
        Some(e) => t!("w0210-label", field = field, example = e),
        None => t!("w0210-never-label", field = field),
    };
    Diagnostic::warning(
        Code::W0210,
        t!("w0210", min = min, field = field),
        span,
        label,
    )
    .with_label(min_span, t!("w0210-min"))
    .with_note(t!("w0210-note", min = min))
    .with_help(t!("w0210-help"))
}
