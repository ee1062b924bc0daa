//! Builders for conditions: `not` binds tighter than `and`, `and` tighter than `or`, both left
//! to right, applied in one pass over the flat `EXPR` node (only parentheses recurse).

use super::*;

impl Builder {
    pub(super) fn expr(&mut self, n: SyntaxNode<'_>) -> Option<Expr> {
        // `or` of `and` chains: `done` holds the `or` so far, `chain` the `and` being built.
        let mut done: Option<Expr> = None;
        let mut chain: Option<Expr> = None;
        let mut op = None;
        let mut nots: Vec<Span> = Vec::new();
        for p in significant(n) {
            let operand = match p {
                SyntaxElement::Token(t) => {
                    match t.kind() {
                        NOT_KW => nots.push(t.span()),
                        AND_KW | OR_KW => op = Some(t.kind()),
                        _ => self.unexpected(p),
                    }
                    continue;
                }
                SyntaxElement::Node(x) => self.operand(x)?,
            };
            let operand = nots.drain(..).rev().fold(operand, |e, not| {
                let span = Span::new(self.file, not.start as usize, e.span().end as usize);
                Expr::Not(Box::new(e), span)
            });
            chain = Some(match (op.take(), chain.take()) {
                (Some(AND_KW), Some(lhs)) => Expr::And(Box::new(lhs), Box::new(operand)),
                (_, previous) => {
                    done = match (done.take(), previous) {
                        (Some(lhs), Some(rhs)) => Some(Expr::Or(Box::new(lhs), Box::new(rhs))),
                        (lhs, rhs) => lhs.or(rhs),
                    };
                    operand
                }
            });
        }
        match (done, chain) {
            (Some(lhs), Some(rhs)) => Some(Expr::Or(Box::new(lhs), Box::new(rhs))),
            (lhs, rhs) => {
                let e = rhs.or(lhs);
                self.need(n, e)
            }
        }
    }

    fn operand(&mut self, n: SyntaxNode<'_>) -> Option<Expr> {
        let span = n.span();
        let mut tokens = n
            .tokens()
            .filter(|t| !t.kind().is_trivia() && t.kind() != NEWLINE);
        match n.kind() {
            PAREN => {
                let inner = self.need(n, n.child(EXPR))?;
                self.expr(inner)
            }
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
