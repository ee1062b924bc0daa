//! Builder for limits by situation: `promise { 1 workday when a; otherwise 10 workdays }`.
//!
//! The arms must read as a table: every arm but the last has a `when`, the last is
//! `otherwise` (E0020 for an arm out of shape, E0310 when `otherwise` is missing). Whether arms
//! overlap, and what their conditions name, is decided later (resolve and check).

use super::*;

impl Builder {
    /// The limit of a `promise` or `legal` statement: one duration, or arms by situation.
    pub(super) fn limit(&mut self, s: SyntaxNode<'_>) -> Option<Limit> {
        if let Some(block) = s.child(LIMIT_BLOCK) {
            return self.limit_table(s, block);
        }
        let duration = self.duration_in(s)?;
        let Some(when) = s.token(WHEN_KW) else {
            return Some(Limit::One(duration));
        };
        // `promise 10 workdays when a`: a limit for some answers only.
        let expr = self.need(s, s.child(EXPR)).and_then(|e| self.expr(e));
        let span = Span::new(
            self.file,
            duration.span.start as usize,
            s.span().end as usize,
        );
        let what = keyword_word(s);
        self.diags.push(d::no_otherwise(
            span,
            what,
            false,
            &format!("{} when {}", duration_text(s), expr_text(s)),
        ));
        let _ = when;
        let basis = self.source(s);
        Some(Limit::By(LimitTable {
            arms: vec![LimitArm {
                duration,
                basis,
                when: expr,
                span,
            }],
            otherwise: None,
            braced: false,
            span,
        }))
    }

    fn limit_table(&mut self, s: SyntaxNode<'_>, block: SyntaxNode<'_>) -> Option<Limit> {
        let what = keyword_word(s);
        let mut arms = Vec::new();
        let mut otherwise: Option<LimitArm> = None;
        let mut first = String::new();
        let mut refused = false;
        for e in significant(block) {
            let n = match (e.kind(), e) {
                (L_BRACE | R_BRACE | SEMICOLON, _) => continue,
                (ERROR, SyntaxElement::Node(n)) => {
                    self.bad(n, Context::Limits);
                    continue;
                }
                (LIMIT_ARM, SyntaxElement::Node(n)) => n,
                _ => {
                    self.unexpected(e);
                    continue;
                }
            };
            let Some(duration) = self
                .need(n, n.child(DURATION))
                .and_then(|d| self.duration(d))
            else {
                continue;
            };
            let when = match n.child(EXPR) {
                Some(x) => match self.expr(x) {
                    Some(e) => Some(e),
                    None => {
                        refused = true;
                        continue;
                    }
                },
                None => None,
            };
            let arm = LimitArm {
                duration,
                basis: self.source(n),
                when,
                span: n.span(),
            };
            let is_otherwise = n.token(OTHERWISE_KW).is_some();
            if let Some(prev) = &otherwise {
                refused = true;
                self.diags
                    .push(d::arm_after_otherwise(n.span(), prev.span, what));
                continue;
            }
            match (is_otherwise, arm.when.is_some()) {
                (true, true) => {
                    refused = true;
                    self.diags.push(d::otherwise_with_when(n.span()));
                }
                (true, false) => otherwise = Some(arm),
                (false, true) => {
                    if arms.is_empty() {
                        first = n.text().trim().to_string();
                    }
                    arms.push(arm);
                }
                (false, false) => {
                    refused = true;
                    self.diags.push(d::arm_without_when(n.span(), what));
                }
            }
        }
        let span = block.span();
        if arms.is_empty() && !refused {
            // An arm refused above already says what is wrong.
            self.diags.push(d::no_arms(span, what));
            return otherwise.map(|o| Limit::One(o.duration));
        }
        if otherwise.is_none() && !refused && !arms.is_empty() {
            self.diags.push(d::no_otherwise(span, what, true, &first));
        }
        Some(Limit::By(LimitTable {
            arms,
            otherwise,
            braced: true,
            span,
        }))
    }
}

impl Builder {
    /// The matter's promise: one duration. A limit by situation is refused (E0021): the matter's
    /// promise is what the whole matter is promised to take; it stands for the worst arm, so
    /// that no second error follows.
    pub(super) fn matter_promise(&mut self, s: SyntaxNode<'_>) -> Option<Duration> {
        if s.child(LIMIT_BLOCK).is_none() && s.token(WHEN_KW).is_none() {
            return self.duration_in(s);
        }
        let span = s.child(LIMIT_BLOCK).map_or_else(|| s.span(), |b| b.span());
        self.diags.push(d::matter_promise_by(span));
        let durations: Vec<Duration> = s
            .descendants()
            .filter(|n| n.kind() == DURATION)
            .filter_map(|n| self.duration(n))
            .collect();
        durations.into_iter().max_by_key(|d| rough_workdays(d.kind))
    }
}

/// `promise` or `legal`: the statement's keyword in its English spelling.
fn keyword_word(s: SyntaxNode<'_>) -> &'static str {
    s.keyword()
        .and_then(|t| t.keyword())
        .map_or("promise", |k| k.english[0])
}

fn duration_text(s: SyntaxNode<'_>) -> String {
    s.child(DURATION)
        .map_or(String::new(), |d| d.text().to_string())
}

fn expr_text(s: SyntaxNode<'_>) -> String {
    s.child(EXPR)
        .map_or(String::new(), |e| e.text().trim().to_string())
}

/// The working days a duration counts for at most (as `check::plan::units::workdays`), to pick
/// the worst arm of a refused matter promise.
fn rough_workdays(d: DurationKind) -> u32 {
    match d {
        DurationKind::Immediate => 0,
        DurationKind::Workdays(n) | DurationKind::Days(n) => n,
        DurationKind::Hours(h) => h.div_ceil(8),
    }
}
