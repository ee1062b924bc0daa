//! The one way a resolved condition becomes an artifact `Condition`, and requiredness as a condition.

use crate::ir::cond::or;
use crate::resolve::{Cond, Constraint, ConstraintKind, Pick, SitOption, Situation};
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

/// The artifact answer of a combination digit: an option (or yes/no), or the chosen options of
/// a multi-select situation in declaration order.
pub fn picked(s: &Situation, pick: Pick) -> Answer {
    if s.multi {
        Answer::Options(
            s.picked(pick)
                .into_iter()
                .map(|o| s.options[o].id.clone())
                .collect(),
        )
    } else {
        answer(s, crate::resolve::id_at(pick.0))
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
        Cond::Has {
            situation, option, ..
        } => {
            let s = &situations[*situation];
            Condition::Has {
                situation: s.id.name.clone(),
                option: s.options[*option].id.clone(),
            }
        }
        Cond::And(operands) => {
            let mut args = Vec::new();
            for c in operands {
                match convert(c, situations) {
                    Condition::All { args: inner } => args.extend(inner),
                    other => args.push(other),
                }
            }
            Condition::All { args }
        }
        Cond::Or(operands) => {
            let mut args = Vec::new();
            for c in operands {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::Span;
    use crate::resolve::{id_at, Name, Text};

    fn situation(id: &str, options: &[&str]) -> Situation {
        let span = Span::default();
        Situation {
            id: Name {
                name: id.into(),
                span,
            },
            question: Text {
                value: id.into(),
                span,
            },
            is_bool: options.is_empty(),
            multi: false,
            options: if options.is_empty() {
                &["false", "true"][..]
            } else {
                options
            }
            .iter()
            .map(|o| SitOption {
                id: (*o).into(),
                label: (*o).into(),
                span,
            })
            .collect(),
            span,
        }
    }

    fn is(s: usize, v: usize) -> Cond {
        Cond::Is {
            situation: id_at(s),
            values: vec![id_at(v)],
            span: Span::default(),
        }
    }

    #[test]
    fn nested_ands_flatten_and_answers_keep_their_kind() {
        let sits: Arena<Situation> = [
            situation("card", &[]),
            situation("settle", &["local", "other"]),
        ]
        .into_iter()
        .collect();
        // Built unflattened on purpose: lowering flattens what the model holds.
        let c = Cond::And(vec![
            Cond::And(vec![is(0, 1), is(1, 0)]),
            Cond::Not(Box::new(is(1, 1))),
        ]);
        let Condition::All { args } = artifact(Some(&c), &sits) else {
            panic!("an `and` is `All`");
        };
        assert_eq!(args.len(), 3);
        assert_eq!(
            args[0],
            Condition::In {
                situation: "card".into(),
                values: vec![Answer::Bool(true)]
            }
        );
        assert_eq!(
            args[1],
            Condition::In {
                situation: "settle".into(),
                values: vec![Answer::Option("local".into())]
            }
        );
        assert_eq!(artifact(None, &sits), Condition::Always);
    }
}
