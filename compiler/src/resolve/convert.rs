//! Conversions of AST leaves (names, strings, numbers, durations, outputs, …) into the model's own types.
//!
//! They carry no name to resolve; everything that does is in `mod.rs`. After these, nothing of
//! the AST is left in the model.

use super::model::{
    Cond, ConstraintKind, Cost, Duration, DurationKind, Extension, Faq, Fee, Literal,
    MaterialAttrs, Name, Number, Output, Sources, Text,
};
use crate::syntax::ast;

/// A name.
pub fn name(i: &ast::Ident) -> Name {
    Name {
        name: i.name.clone(),
        span: i.span,
    }
}

/// A string.
pub fn text(s: &ast::Str) -> Text {
    Text {
        value: s.value.clone(),
        span: s.span,
    }
}

/// Several strings.
pub fn texts(list: &[ast::Str]) -> Vec<Text> {
    list.iter().map(text).collect()
}

/// A number as written.
pub fn number(n: &ast::Number) -> Number {
    Number {
        text: n.text.clone(),
        span: n.span,
    }
}

/// A time limit.
pub fn duration(d: ast::Duration) -> Duration {
    Duration {
        kind: match d.kind {
            ast::DurationKind::Immediate => DurationKind::Immediate,
            ast::DurationKind::Workdays(n) => DurationKind::Workdays(n),
            ast::DurationKind::Days(n) => DurationKind::Days(n),
            ast::DurationKind::Hours(n) => DurationKind::Hours(n),
        },
        span: d.span,
    }
}

/// A literal value.
pub fn literal(l: &ast::Literal) -> Literal {
    match l {
        ast::Literal::Str(s) => Literal::Str(text(s)),
        ast::Literal::Number(n) => Literal::Number(number(n)),
        ast::Literal::Bool(b, s) => Literal::Bool(*b, *s),
        ast::Literal::Ident(i) => Literal::Ident(name(i)),
    }
}

/// A constraint, with its condition (if any) resolved by `cond`; `None` when that fails.
pub fn constraint(
    kind: &ast::ConstraintKind,
    cond: impl FnOnce(&ast::Expr) -> Option<Cond>,
) -> Option<ConstraintKind> {
    use ast::ConstraintKind as A;
    use ConstraintKind as K;
    Some(match kind {
        A::Required(None) => K::Required(None),
        A::Required(Some(e)) => K::Required(Some(cond(e)?)),
        A::Min(n) => K::Min(number(n)),
        A::Max(n) => K::Max(number(n)),
        A::MinLength(n) => K::MinLength(number(n)),
        A::MaxLength(n) => K::MaxLength(number(n)),
        A::Pattern(s) => K::Pattern(text(s)),
        A::MinItems(n) => K::MinItems(number(n)),
        A::MaxItems(n) => K::MaxItems(number(n)),
        A::Default(l) => K::Default(literal(l)),
        A::Help(s) => K::Help(text(s)),
        A::Placeholder(s) => K::Placeholder(text(s)),
        A::Hint(s) => K::Hint(text(s)),
        A::Message(s) => K::Message(text(s)),
        A::NotBefore(l) => K::NotBefore(literal(l)),
        A::NotAfter(l) => K::NotAfter(literal(l)),
    })
}

/// A fee.
pub fn fee(f: &ast::Fee) -> Fee {
    Fee {
        yuan: f.yuan.as_ref().map(number),
        basis: f.basis.as_ref().map(text),
        span: f.span,
    }
}

/// A cost besides the fee.
pub fn cost(c: &ast::Cost) -> Cost {
    Cost {
        text: text(&c.text),
        basis: c.basis.as_ref().map(text),
        span: c.span,
    }
}

/// The sources written after a matter's or an item's facts.
pub fn sources(s: &ast::Sources) -> Sources {
    Sources {
        code: s.code.as_ref().map(text),
        legal: s.legal.as_ref().map(text),
        promise: s.promise.as_ref().map(text),
    }
}

/// An output of an item.
pub fn output(o: &ast::Output) -> Output {
    Output {
        id: name(&o.id),
        name: text(&o.name),
        electronic: o.electronic,
        paper: o.paper,
        span: o.span,
    }
}

/// A question and its answer.
pub fn faq(f: &ast::Faq) -> Faq {
    Faq {
        question: text(&f.question),
        answer: text(&f.answer),
        span: f.span,
    }
}

/// A joint-handling extension.
pub fn extension(e: &ast::Extension) -> Extension {
    Extension {
        duration: duration(e.duration),
        reason: text(&e.reason),
        span: e.span,
    }
}

/// A declared material's attributes, without its condition (resolved by the caller).
pub fn material_attrs(a: &ast::MaterialAttrs) -> MaterialAttrs {
    MaterialAttrs {
        original: a.original,
        copy: a.copy,
        electronic: a.electronic,
        shared: a.shared.as_ref().map(text),
        optional: a.optional,
        deferred: a.deferred,
        pledge: a.pledge,
        basis: a.basis.as_ref().map(text),
        accept: a.accept.as_ref().map(text),
    }
}
