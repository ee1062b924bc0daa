//! The condition rules of `grammar.pest`: operands and operators kept flat in one `EXPR` node.
//!
//! `expr = { prefix* ~ primary ~ (infix ~ nl* ~ prefix* ~ primary)* }` is read as written,
//! without precedence: the AST builder applies `not` > `and` > `or` without recursion, so a
//! chain of 100,000 `and`s is one loop, and only parentheses nest.

use super::Parser;
use crate::syntax::kind::SyntaxKind::*;

impl Parser<'_> {
    /// `expr`: a condition.
    pub(super) fn expr(&mut self) -> bool {
        self.node(EXPR, |p| {
            p.nots();
            if !p.primary() {
                return false;
            }
            while p.attempt(|p| {
                (p.eat_keyword(AND_KW) || p.eat_keyword(OR_KW)) && {
                    p.newlines();
                    p.nots();
                    p.primary()
                }
            }) {}
            true
        })
    }

    /// `prefix*`: any number of `not`.
    fn nots(&mut self) {
        while self.eat_keyword(NOT_KW) {}
    }

    /// `primary = _{ paren | comparison | membership | has | bare }`.
    fn primary(&mut self) -> bool {
        if self.at(L_PAREN) {
            return self.node(PAREN, |p| {
                p.bump(L_PAREN);
                p.newlines();
                if !p.expr() {
                    return false;
                }
                p.newlines();
                p.eat(R_PAREN)
            });
        }
        if !self.at(IDENT) {
            return false;
        }
        self.node(COMPARISON, |p| {
            p.ident() && (p.eat(EQ2) || p.eat(NEQ)) && p.literal()
        }) || self.node(MEMBERSHIP, |p| {
            p.ident()
                && p.eat_keyword(IN_KW)
                && p.eat(L_BRACK)
                && {
                    p.newlines();
                    p.literal()
                }
                && {
                    while p.attempt(|p| {
                        p.eat(COMMA) && {
                            p.newlines();
                            p.literal()
                        }
                    }) {}
                    p.newlines();
                    p.eat(R_BRACK)
                }
        }) || self.node(HAS, |p| p.ident() && p.eat_keyword(IN_KW) && p.ident())
            || self.node(BARE, |p| p.ident())
    }

    /// `literal = { kw_true | kw_false | ident }`.
    fn literal(&mut self) -> bool {
        self.eat_keyword(TRUE_KW) || self.eat_keyword(FALSE_KW) || self.ident()
    }
}
