//! The one way a resolved condition becomes an artifact `Condition`, and requiredness as a condition.

use crate::ir::cond::or;
use crate::resolve::{Cond, Constraint, ConstraintKind, SitOption, Situation};
use la_arena::{Arena, Idx};
use yjs_artifacts::{Answer, Condition};

/// The artifact answer of a situation's option: `true`/`false` for a yes/no situation, else
/// the option id.
pub fn answer(s: &Situation, option: Idx<SitOption>) -> Answer {
    if s.is_bool {
        Answer::Bool(u32::from(option.into_raw()) == 1)
    } else {
        Answer::Option(s.options[option].id.clone())
    }
}

/// The artifact form of an optional condition: `None` is `Always`. Nested `and`s and `or`s
/// are flattened into one `All` or `Any`.
pub fn artifact(c: Option<&Cond>, situations: &Arena<Situation>) -> Condition {
    c.map_or(Condition::Always, |c| convert(c, situations))
}

fn convert(c: &Cond, situations: &Arena<Situation>) -> Condition {
    match c {
        Cond::Is {
            situation, values, ..
        } => {
            let s = &situations[*situation];
            Condition::In {
                situation: s.id.name.clone(),
                values: values.iter().map(|v| answer(s, *v)).collect(),
            }
        }
        Cond::And(a, b) => {
            let mut args = Vec::new();
            for c in [a, b] {
                match convert(c, situations) {
                    Condition::All { args: inner } => args.extend(inner),
                    other => args.push(other),
                }
            }
            Condition::All { args }
        }
        Cond::Or(a, b) => {
            let mut args = Vec::new();
            for c in [a, b] {
                match convert(c, situations) {
                    Condition::Any { args: inner } => args.extend(inner),
                    other => args.push(other),
                }
            }
            Condition::Any { args }
        }
        Cond::Not(a) => Condition::Not {
            arg: Box::new(convert(a, situations)),
        },
    }
}

/// When constraints make their field required: the OR of their `required` constraints, in
/// order; `None` when never.
pub fn required<'a>(
    constraints: impl IntoIterator<Item = &'a Constraint>,
    situations: &Arena<Situation>,
) -> Option<Condition> {
    constraints.into_iter().fold(None, |acc, c| match &c.kind {
        ConstraintKind::Required(None) => or(acc, Some(Condition::Always)),
        ConstraintKind::Required(Some(cond)) => or(acc, Some(convert(cond, situations))),
        _ => acc,
    })
}
