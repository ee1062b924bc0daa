//! Builders for field entries, field types, constraints and the attributes of any block.

use super::*;
use crate::syntax::kind::SyntaxKind;

/// An attribute before its block gives it a meaning.
pub(super) struct RawAttr {
    pub(super) name: Ident,
    pub(super) args: RawArgs,
    /// The attribute without the messages written after it.
    pub(super) span: Span,
    /// The `message "…"` written after it, in order, each with the span of the whole
    /// `message "…"`.
    pub(super) messages: Vec<(Str, Span)>,
}

/// What follows an attribute's name.
pub(super) enum RawArgs {
    None,
    When(Option<Expr>),
    Values(Vec<Value>),
}

/// One value of an attribute.
pub(super) enum Value {
    Literal(Literal),
    Percent,
}

/// The constraints a value can fail, each checked by a keyword of the form's schema; a
/// message may follow only these.
pub(crate) const CAN_FAIL: [&str; 10] = [
    "required",
    "min",
    "max",
    "min_length",
    "max_length",
    "pattern",
    "min_items",
    "max_items",
    "not_before",
    "not_after",
];

/// `min_items 1 when …`: a bad statement of a constraint block that puts a condition on a
/// constraint other than `required`; its constraint's name and the span of its `when`.
fn conditional_constraint(n: SyntaxNode<'_>) -> Option<(String, Span)> {
    let mut tokens = significant(n).filter_map(SyntaxElement::into_token);
    let first = tokens.next()?;
    let key = canonical(kw::CONSTRAINTS, first.text())?;
    if key == "required" {
        return None;
    }
    let when = tokens.find(|t| kw::WHEN.contains(&t.text()))?;
    Some((key.to_string(), when.span()))
}

impl Builder {
    /// The attributes of an attribute block standing in `context`. Only a field's constraints
    /// take a message: one after a department's, a material's or an output's attribute is
    /// E0215 here, and the attribute is read without it.
    pub(super) fn attrs(&mut self, block: SyntaxNode<'_>, context: Context) -> Vec<RawAttr> {
        let mut out = Vec::new();
        for a in block.children() {
            match a.kind() {
                ATTR => {
                    let Some(mut attr) = self.attr(a) else {
                        continue;
                    };
                    if context != Context::Constraints {
                        for (_, at) in attr.messages.drain(..) {
                            self.diags.push(d::message_cannot_fail(
                                at,
                                attr.span,
                                &attr.name.name,
                                false,
                            ));
                        }
                    }
                    out.push(attr);
                }
                ERROR if context == Context::Constraints => match conditional_constraint(a) {
                    Some((name, when)) => {
                        self.diags
                            .push(d::conditional_constraint(a.span(), when, &name))
                    }
                    None => self.bad(a, context),
                },
                ERROR => self.bad(a, context),
                _ => self.unexpected(SyntaxElement::Node(a)),
            }
        }
        out
    }

    fn attr(&mut self, a: SyntaxNode<'_>) -> Option<RawAttr> {
        let mut messages = Vec::new();
        let mut span = a.span();
        for m in a.children().filter(|m| m.kind() == CONSTRAINT_MESSAGE) {
            let text = self.need(m, m.token(STRING)).map(|t| self.string(t));
            messages.extend(text.map(|t| (t, m.span())));
        }
        // The attribute itself ends before its first message.
        let last = significant(a)
            .filter(|p| p.kind() != CONSTRAINT_MESSAGE)
            .last();
        if let Some(last) = last {
            span = Span::new(
                span.file,
                span.start as usize,
                element_span(last).end as usize,
            );
        }
        let mut parts = significant(a);
        let first = parts.next().and_then(SyntaxElement::into_token);
        let first = self.need(a, first)?;
        if first.kind() == WHEN_KW {
            let name = Ident {
                name: "when".into(),
                span: first.span(),
            };
            let cond = self.need(a, a.child(EXPR))?;
            let args = RawArgs::When(self.expr(cond));
            return Some(RawAttr {
                name,
                args,
                span,
                messages,
            });
        }
        let name = self.ident(first);
        let mut args = RawArgs::None;
        let mut values = Vec::new();
        for p in parts {
            match (p.kind(), p) {
                (WHEN_KW | COMMA | CONSTRAINT_MESSAGE, _) => {}
                (EXPR, SyntaxElement::Node(e)) => args = RawArgs::When(self.expr(e)),
                (PERCENT, _) => values.push(Value::Percent),
                (_, SyntaxElement::Token(t)) => match self.literal(t) {
                    Some(l) => values.push(Value::Literal(l)),
                    None => self.unexpected(p),
                },
                _ => self.unexpected(p),
            }
        }
        if !values.is_empty() {
            args = RawArgs::Values(values);
        }
        Some(RawAttr {
            name,
            args,
            span,
            messages,
        })
    }

    /// A literal token: a string, a number, `true`/`false` or a name.
    pub(super) fn literal(&mut self, t: SyntaxToken<'_>) -> Option<Literal> {
        Some(match t.kind() {
            STRING => Literal::Str(self.string(t)),
            NUMBER => Literal::Number(self.number(t)),
            TRUE_KW => Literal::Bool(true, t.span()),
            FALSE_KW => Literal::Bool(false, t.span()),
            IDENT => Literal::Ident(self.ident(t)),
            _ => return None,
        })
    }

    pub(super) fn one_string(&mut self, a: &RawAttr, key: &str) -> Option<Str> {
        if let RawArgs::Values(v) = &a.args {
            if let [Value::Literal(Literal::Str(s))] = v.as_slice() {
                return Some(s.clone());
            }
        }
        self.diags.push(d::bad_value(
            a.span,
            key,
            crate::diagnostics::t!("wants-one-string"),
        ));
        None
    }

    fn one_number(&mut self, a: &RawAttr, key: &str) -> Option<Number> {
        if let RawArgs::Values(v) = &a.args {
            if let [Value::Literal(Literal::Number(n))] = v.as_slice() {
                return Some(n.clone());
            }
        }
        self.diags.push(d::bad_value(
            a.span,
            key,
            crate::diagnostics::t!("wants-one-number"),
        ));
        None
    }

    pub(super) fn one_count(&mut self, a: &RawAttr, key: &str) -> Option<(u32, Span)> {
        let n = self.one_number(a, key)?;
        self.whole(&n, key).map(|v| (v, n.span))
    }

    /// An attribute without a value, such as `electronic`.
    pub(super) fn flag(&mut self, a: &RawAttr, key: &str) -> Option<Span> {
        if matches!(a.args, RawArgs::None) {
            Some(a.span)
        } else {
            self.diags.push(d::bad_value(
                a.span,
                key,
                crate::diagnostics::t!("wants-no-value"),
            ));
            None
        }
    }

    /// The entries of a `shared`, `form`, `dictionary` or `list` block.
    pub(super) fn entries(&mut self, block: SyntaxNode<'_>) -> Vec<Entry> {
        let mut out = Vec::with_capacity(block.children().count());
        for e in block.children() {
            match e.kind() {
                ENTRY => out.extend(self.entry(e)),
                ERROR => self.bad(e, Context::Entries),
                _ => self.unexpected(SyntaxElement::Node(e)),
            }
        }
        out
    }

    fn entry(&mut self, n: SyntaxNode<'_>) -> Option<Entry> {
        let span = n.span();
        let mut head = None;
        let mut alias = None;
        let mut label = None;
        let mut ty = None;
        let mut constraints = Vec::new();
        let mut when = None;
        for p in significant(n) {
            match (p.kind(), p) {
                (PATH, SyntaxElement::Node(x)) => head = self.path(x),
                (ALIAS, SyntaxElement::Node(x)) => {
                    let target = self.need(x, x.child(PATH));
                    alias = target.and_then(|t| self.path(t));
                }
                (STRING, SyntaxElement::Token(t)) => label = Some(self.string(t)),
                (CHOICE_TYPE | LIST_TYPE | SIMPLE_TYPE, SyntaxElement::Node(x)) => {
                    ty = self.field_type(x)
                }
                (ATTR_BLOCK, SyntaxElement::Node(x)) => (constraints, when) = self.constraints(x),
                _ => self.unexpected(p),
            }
        }
        let head = head?;
        match ty {
            Some(ty) => {
                if head.second.is_some() || alias.is_some() {
                    self.diags.push(d::malformed_entry(
                        span,
                        crate::diagnostics::t!("e0014-declare-and-refer"),
                        crate::diagnostics::t!("e0014-declare-and-refer-help"),
                    ));
                    return None;
                }
                let Some(label) = label else {
                    self.diags.push(d::malformed_entry(
                        span,
                        crate::diagnostics::t!("e0014-no-label", name = head.first.name.as_str()),
                        crate::diagnostics::t!(
                            "e0014-no-label-help",
                            name = head.first.name.as_str()
                        ),
                    ));
                    return None;
                };
                Some(Entry::Def(FieldDef {
                    id: head.first,
                    label,
                    ty,
                    constraints,
                    when,
                    span,
                }))
            }
            None => {
                let (local, target) = match alias {
                    Some(t) => {
                        if head.second.is_some() {
                            self.diags.push(d::malformed_entry(
                                span,
                                crate::diagnostics::t!("e0014-plain-name"),
                                crate::diagnostics::t!("e0014-plain-name-help"),
                            ));
                            return None;
                        }
                        (Some(head.first), t)
                    }
                    None => (None, head),
                };
                Some(Entry::Ref(FieldRef {
                    local,
                    target,
                    label,
                    constraints,
                    when,
                    span,
                }))
            }
        }
    }

    fn field_type(&mut self, n: SyntaxNode<'_>) -> Option<TypeExpr> {
        let kind = match n.kind() {
            SIMPLE_TYPE => TypeExprKind::Named(self.ident_in(n)?),
            CHOICE_TYPE => {
                let multi = n.keyword().map(|t| t.kind()) == Some(SyntaxKind::MULTI_CHOICE_KW);
                let block = self.need(n, n.child(OPTION_BLOCK))?;
                let options = self.options(block);
                TypeExprKind::Choice { multi, options }
            }
            _ => {
                // Node ancestors include the node itself: this list is one of them.
                let lists = n.ancestors().filter(|a| a.kind() == LIST_TYPE).count();
                if lists > crate::syntax::MAX_LIST_DEPTH {
                    // Its fields, deeper still, are not read (it stays a list, of no fields):
                    // one diagnostic, at the outermost list past the limit.
                    if lists == crate::syntax::MAX_LIST_DEPTH + 1 {
                        self.diags
                            .push(d::lists_too_deep(n.span(), crate::syntax::MAX_LIST_DEPTH));
                    }
                    return Some(TypeExpr {
                        kind: TypeExprKind::List(Vec::new()),
                        span: n.span(),
                    });
                }
                let block = self.need(n, n.child(ENTRY_BLOCK))?;
                let mut fields = Vec::new();
                for e in self.entries(block) {
                    match e {
                        Entry::Def(f) => fields.push(f),
                        Entry::Ref(r) => self.diags.push(d::malformed_entry(
                            r.span,
                            crate::diagnostics::t!("e0014-list-own-fields"),
                            crate::diagnostics::t!("e0014-list-own-fields-help"),
                        )),
                    }
                }
                TypeExprKind::List(fields)
            }
        };
        Some(TypeExpr {
            kind,
            span: n.span(),
        })
    }

    /// A field's constraints, and its own `when` (given at most once).
    fn constraints(&mut self, block: SyntaxNode<'_>) -> (Vec<Constraint>, Option<FieldWhen>) {
        let mut out = Vec::new();
        let mut when = None;
        let mut seen = Seen::default();
        for a in self.attrs(block, Context::Constraints) {
            if a.name.name == "when" {
                let span = a.span;
                for (_, at) in &a.messages {
                    self.diags
                        .push(d::message_cannot_fail(*at, span, "when", true));
                }
                match a.args {
                    RawArgs::When(Some(cond)) => {
                        let w = Some(FieldWhen { cond, span });
                        self.once(&mut seen, "when", span, &mut when, w);
                    }
                    RawArgs::When(None) => {}
                    _ => self.diags.push(d::bad_value(
                        span,
                        "when",
                        crate::diagnostics::t!("expect-condition"),
                    )),
                }
                continue;
            }
            let Some(key) = canonical(kw::CONSTRAINTS, &a.name.name) else {
                self.diags.push(d::unknown_attr(
                    a.name.span,
                    &a.name.name,
                    crate::diagnostics::t!("context-constraint"),
                    &spellings(kw::CONSTRAINTS),
                ));
                continue;
            };
            let message = self.constraint_message(&a, key);
            let kind = match key {
                "required" => match a.args {
                    RawArgs::None => ConstraintKind::Required(None),
                    RawArgs::When(Some(e)) => ConstraintKind::Required(Some(e)),
                    RawArgs::When(None) => continue,
                    RawArgs::Values(_) => {
                        self.diags.push(d::bad_value(
                            a.span,
                            "required",
                            crate::diagnostics::t!("wants-required"),
                        ));
                        continue;
                    }
                },
                "min" | "max" | "min_length" | "max_length" | "min_items" | "max_items" => {
                    let Some(n) = self.one_number(&a, key) else {
                        continue;
                    };
                    if key != "min" && key != "max" && self.whole(&n, key).is_none() {
                        continue;
                    }
                    match key {
                        "min" => ConstraintKind::Min(n),
                        "max" => ConstraintKind::Max(n),
                        "min_length" => ConstraintKind::MinLength(n),
                        "max_length" => ConstraintKind::MaxLength(n),
                        "min_items" => ConstraintKind::MinItems(n),
                        _ => ConstraintKind::MaxItems(n),
                    }
                }
                "pattern" | "help" | "placeholder" | "hint" | "message" => {
                    let Some(s) = self.one_string(&a, key) else {
                        continue;
                    };
                    match key {
                        "pattern" => ConstraintKind::Pattern(s),
                        "help" => ConstraintKind::Help(s),
                        "hint" => ConstraintKind::Hint(s),
                        "message" => ConstraintKind::Message(s),
                        _ => ConstraintKind::Placeholder(s),
                    }
                }
                "not_before" | "not_after" => match &a.args {
                    RawArgs::Values(v) => match v.as_slice() {
                        [Value::Literal(l @ (Literal::Str(_) | Literal::Ident(_)))] => {
                            if key == "not_before" {
                                ConstraintKind::NotBefore(l.clone())
                            } else {
                                ConstraintKind::NotAfter(l.clone())
                            }
                        }
                        _ => {
                            self.diags.push(d::bad_value(
                                a.span,
                                key,
                                crate::diagnostics::t!("wants-date"),
                            ));
                            continue;
                        }
                    },
                    _ => {
                        self.diags.push(d::bad_value(
                            a.span,
                            key,
                            crate::diagnostics::t!("wants-date"),
                        ));
                        continue;
                    }
                },
                _ => match &a.args {
                    RawArgs::Values(v) => match v.as_slice() {
                        [Value::Literal(l)] => ConstraintKind::Default(l.clone()),
                        _ => {
                            self.diags.push(d::bad_value(
                                a.span,
                                "default",
                                crate::diagnostics::t!("wants-one-value"),
                            ));
                            continue;
                        }
                    },
                    _ => {
                        self.diags.push(d::bad_value(
                            a.span,
                            "default",
                            crate::diagnostics::t!("wants-one-value"),
                        ));
                        continue;
                    }
                },
            };
            if let ConstraintKind::Message(m) = &kind {
                if m.value.trim().is_empty() {
                    self.diags.push(d::empty_message(m.span, a.span, "message"));
                    continue;
                }
            }
            out.push(Constraint {
                kind,
                span: a.span,
                message,
            });
        }
        (out, when)
    }

    /// The `message "…"` written after a constraint: E0217 for a second one, E0215 after a
    /// constraint that cannot fail, E0216 for an empty one (each then dropped).
    fn constraint_message(&mut self, a: &RawAttr, key: &str) -> Option<Str> {
        let mut messages = a.messages.iter();
        let (first, first_at) = messages.next()?;
        for (_, again) in messages {
            self.diags.push(d::second_message(*again, *first_at, key));
        }
        if !CAN_FAIL.contains(&key) {
            self.diags
                .push(d::message_cannot_fail(*first_at, a.span, key, true));
            return None;
        }
        if first.value.trim().is_empty() {
            self.diags.push(d::empty_message(first.span, a.span, key));
            return None;
        }
        Some(first.clone())
    }
}
