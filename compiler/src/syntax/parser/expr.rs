//! Builders for conditions: the Pratt parser over `and`, `or` and `not`, and their operands.

use super::*;

impl Builder {
    pub(super) fn expr(&mut self, p: Pair<Rule>) -> Option<Expr> {
        let file = self.file;
        let diags = std::cell::RefCell::new(Vec::new());
        let result = pratt()
            .map_primary(|x| self.primary(x, &diags))
            .map_prefix(|op, rhs| {
                let s = op.as_span();
                let rhs = rhs?;
                let span = Span::new(file, s.start(), rhs.span().end as usize);
                Some(Expr::Not(Box::new(rhs), span))
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                Some(match op.as_rule() {
                    Rule::op_and => Expr::And(Box::new(lhs), Box::new(rhs)),
                    _ => Expr::Or(Box::new(lhs), Box::new(rhs)),
                })
            })
            .parse(p.into_inner());
        self.diags.extend(diags.into_inner());
        result
    }

    fn primary(&self, p: Pair<Rule>, diags: &std::cell::RefCell<Vec<Diagnostic>>) -> Option<Expr> {
        let span = self.span(&p);
        match p.as_rule() {
            Rule::paren => {
                let inner = p.into_inner().next()?;
                let mut sub = Builder {
                    file: self.file,
                    diags: Vec::new(),
                };
                let e = sub.expr(inner);
                diags.borrow_mut().extend(sub.diags);
                e
            }
            Rule::comparison => {
                let mut it = p.into_inner();
                let situation = self.ident(it.next()?);
                let negated = it.next()?.as_str() == "!=";
                let value = self.literal(it.next()?)?;
                Some(Expr::Compare {
                    situation,
                    value,
                    negated,
                    span,
                })
            }
            Rule::membership => {
                let mut it = p.into_inner().filter(|x| x.as_rule() != Rule::kw_in);
                let situation = self.ident(it.next()?);
                let values = it.filter_map(|x| self.literal(x)).collect();
                Some(Expr::In {
                    situation,
                    values,
                    span,
                })
            }
            Rule::bare => Some(Expr::Bare(self.ident(p.into_inner().next()?))),
            _ => {
                diags.borrow_mut().push(
                    Diagnostic::error(
                        Code::I0001,
                        format!("internal error: unexpected {:?}", p.as_rule()),
                        span,
                        "here",
                    )
                    .with_note("this is a bug in yjs, not in your file"),
                );
                None
            }
        }
    }

    fn literal(&self, p: Pair<Rule>) -> Option<Literal> {
        let inner = p.into_inner().next()?;
        let span = self.span(&inner);
        Some(match inner.as_rule() {
            Rule::kw_true => Literal::Bool(true, span),
            Rule::kw_false => Literal::Bool(false, span),
            _ => Literal::Ident(self.ident(inner)),
        })
    }
}
