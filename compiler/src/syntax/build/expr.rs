//! Builders for conditions: `not` binds tighter than `and`, `and` tighter than `or`, applied in
//! one pass over the flat `EXPR` node (only parentheses recurse, at most `MAX_DEPTH` deep).
//!
//! `and` and `or` build flat lists (`a and (b and c)` is one `And` of three), so a chain of
//! 100,000 operands is one level; each `not` and each change between `and` and `or` adds a
//! level, and a condition deeper than `MAX_COND_DEPTH` is refused (E0019) before any later
//! stage could recurse through it.

use super::*;
use crate::syntax::kind::SyntaxKind;

use crate::syntax::MAX_COND_DEPTH;

/// A built condition and its depth (0 for a comparison).
type Built = (Expr, usize);

impl Builder {
    pub(super) fn expr(&mut self, n: SyntaxNode<'_>) -> Option<Expr> {
        self.expr_depth(n).map(|(e, _)| e)
    }

    fn expr_depth(&mut self, n: SyntaxNode<'_>) -> Option<Built> {
        // `or` of `and` lists: `alternatives` holds the finished `and` lists, `chain` the one
        // being built.
        let mut alternatives: Vec<Vec<Built>> = Vec::new();
        let mut chain: Vec<Built> = Vec::new();
        let mut nots: Vec<Span> = Vec::new();
        for p in significant(n) {
            let operand = match p {
                SyntaxElement::Token(t) => {
                    match t.kind() {
                        NOT_KW => nots.push(t.span()),
                        AND_KW => {}
                        OR_KW => alternatives.push(std::mem::take(&mut chain)),
                        _ => self.unexpected(p),
                    }
                    continue;
                }
                SyntaxElement::Node(x) => self.operand(x)?,
            };
            let mut built = operand;
            for not in nots.drain(..).rev() {
                let (e, depth) = built;
                let span = Span::new(self.file, not.start as usize, e.span().end as usize);
                built = self.bounded(n, (Expr::Not(Box::new(e), span), depth + 1))?;
            }
            chain.push(built);
        }
        if !chain.is_empty() {
            alternatives.push(chain);
        }
        let mut ors = Vec::new();
        for and in alternatives {
            ors.push(self.list(n, and, AND_KW)?);
        }
        if ors.is_empty() {
            return self.need(n, None);
        }
        self.list(n, ors, OR_KW)
    }

    /// One operand, or the list of several joined by `op` (`AND_KW` or `OR_KW`), an operand
    /// that is already such a list (parenthesised) spliced in.
    fn list(&mut self, n: SyntaxNode<'_>, operands: Vec<Built>, op: SyntaxKind) -> Option<Built> {
        if operands.len() == 1 {
            return operands.into_iter().next();
        }
        let mut args = Vec::with_capacity(operands.len());
        let mut depth = 0;
        for (e, d) in operands {
            match (e, op) {
                (Expr::And(inner), AND_KW) | (Expr::Or(inner), OR_KW) => {
                    depth = depth.max(d);
                    args.extend(inner);
                }
                (e, _) => {
                    depth = depth.max(d + 1);
                    args.push(e);
                }
            }
        }
        let list = if op == AND_KW {
            Expr::And(args)
        } else {
            Expr::Or(args)
        };
        self.bounded(n, (list, depth))
    }

    /// The condition when within `MAX_COND_DEPTH`, else E0019 at the condition `n`.
    fn bounded(&mut self, n: SyntaxNode<'_>, built: Built) -> Option<Built> {
        if built.1 <= MAX_COND_DEPTH {
            return Some(built);
        }
        self.diags
            .push(d::condition_too_deep(n.span(), MAX_COND_DEPTH));
        None
    }

    /// An operand: a parenthesised condition, or a comparison (depth 0).
    fn operand(&mut self, n: SyntaxNode<'_>) -> Option<Built> {
        if n.kind() == PAREN {
            let inner = self.need(n, n.child(EXPR))?;
            return self.expr_depth(inner);
        }
        self.comparison(n).map(|e| (e, 0))
    }

    fn comparison(&mut self, n: SyntaxNode<'_>) -> Option<Expr> {
        let span = n.span();
        let mut tokens = n
            .tokens()
            .filter(|t| !t.kind().is_trivia() && t.kind() != NEWLINE);
        match n.kind() {
            COMPARISON => {
                let situation = self.need(n, tokens.next())?;
                let negated = self.need(n, tokens.next())?.kind() == NEQ;
                let value = self.need(n, tokens.next())?;
                Some(Expr::Compare {
                    situation: self.ident(situation),
                    value: self.expr_literal(value)?,
                    negated,
                    span,
                })
            }
            MEMBERSHIP => {
                let situation = self.need(n, tokens.next())?;
                let situation = self.ident(situation);
                let mut values = Vec::new();
                for t in tokens.skip_while(|t| t.kind() != L_BRACK) {
                    if matches!(t.kind(), IDENT | TRUE_KW | FALSE_KW) {
                        values.extend(self.expr_literal(t));
                    }
                }
                Some(Expr::In {
                    situation,
                    values,
                    span,
                })
            }
            HAS => {
                let option = self.need(n, tokens.next())?;
                let situation = self.need(n, tokens.nth(1))?;
                Some(Expr::Has {
                    option: self.ident(option),
                    situation: self.ident(situation),
                    span,
                })
            }
            BARE => {
                let name = self.need(n, tokens.next())?;
                Some(Expr::Bare(self.ident(name)))
            }
            _ => {
                self.unexpected(SyntaxElement::Node(n));
                None
            }
        }
    }

    /// An option name or a boolean in a condition.
    fn expr_literal(&mut self, t: SyntaxToken<'_>) -> Option<Literal> {
        match t.kind() {
            IDENT | TRUE_KW | FALSE_KW => self.literal(t),
            _ => {
                self.unexpected(SyntaxElement::Token(t));
                None
            }
        }
    }
}
