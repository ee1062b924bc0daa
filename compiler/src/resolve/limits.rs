//! Resolves an item's limits by situation: each arm's condition over situations only (E0312
//! for a field), and the worst arm, which stands for the limit where one figure is needed.

use super::convert;
use super::diagnostics as d;
use super::model::{worst_case, Duration, LimitCase, Situation};
use super::Resolver;
use crate::files::Span;
use crate::syntax::ast::{self, Expr, Ident};
use la_arena::Arena;

/// What an item's limit resolves to: the one (or worst) duration, and the arms.
pub(super) struct Resolved {
    pub duration: Option<Duration>,
    pub cases: Vec<LimitCase>,
}

impl Resolver<'_> {
    /// Resolves `promise` or `legal` of an item. `field` says where a name a condition must not
    /// name is declared (a shared field or one of the item's own), if it is one.
    pub(super) fn limit(
        &mut self,
        limit: Option<&ast::Limit>,
        what: &'static str,
        item: &str,
        situations: &Arena<Situation>,
        field: &dyn Fn(&str) -> Option<Span>,
    ) -> Resolved {
        let table = match limit {
            None => {
                return Resolved {
                    duration: None,
                    cases: Vec::new(),
                }
            }
            Some(ast::Limit::One(d)) => {
                return Resolved {
                    duration: Some(convert::duration(*d)),
                    cases: Vec::new(),
                }
            }
            Some(ast::Limit::By(t)) => t,
        };
        let mut cases = Vec::new();
        for arm in table.arms.iter().chain(&table.otherwise) {
            let when = match &arm.when {
                None => None,
                Some(e) => {
                    if self.names_a_field(e, what, item, situations, field) {
                        continue;
                    }
                    match self.cond(e, situations) {
                        Some(c) => Some(c),
                        None => continue,
                    }
                }
            };
            cases.push(LimitCase {
                duration: convert::duration(arm.duration),
                basis: arm.basis.as_ref().map(convert::text),
                when,
                span: arm.span,
            });
        }
        Resolved {
            duration: worst_case(&cases)
                .map(|c| c.duration)
                .or_else(|| table.arms.first().map(|a| convert::duration(a.duration))),
            cases,
        }
    }

    /// Reports (E0312) each name of the condition that is a field and not a situation.
    fn names_a_field(
        &mut self,
        e: &Expr,
        what: &'static str,
        item: &str,
        situations: &Arena<Situation>,
        field: &dyn Fn(&str) -> Option<Span>,
    ) -> bool {
        let mut names: Vec<&Ident> = Vec::new();
        collect(e, &mut names);
        let mut found = false;
        for id in names {
            if situations.iter().any(|(_, s)| s.id.name == id.name) {
                continue;
            }
            if let Some(def) = field(&id.name) {
                self.diags
                    .push(d::limit_names_field(what, item, &id.name, id.span, def));
                found = true;
            }
        }
        found
    }
}

/// The situation names a condition refers to.
fn collect<'e>(e: &'e Expr, out: &mut Vec<&'e Ident>) {
    match e {
        Expr::And(v) | Expr::Or(v) => v.iter().for_each(|x| collect(x, out)),
        Expr::Not(x, _) => collect(x, out),
        Expr::Compare { situation, .. }
        | Expr::In { situation, .. }
        | Expr::Has { situation, .. } => out.push(situation),
        Expr::Bare(id) => out.push(id),
    }
}
