//! Applicability conditions as FEEL expressions over the process variables that hold the
//! situations' answers (`settle = "local"`, `card = true`, `list contains(regs, "customs")`,
//! `not(…)`, `and`, `or`).
//!
//! The expression holds exactly when [`Condition::eval`] does: an unanswered situation is
//! `null` in FEEL, `null = "local"` is `false`, and `not(false)` is `true` — the same as
//! yjs's "an unanswered situation makes its test false".

use super::ids::feel_string;
use std::collections::BTreeMap;
use yjs_artifacts::{Answer, Condition};

/// The process variable of each situation, by situation id.
pub type Variables = BTreeMap<String, String>;

/// The FEEL expression (without the leading `=`) of `c`; `true` for `Always`.
pub fn expression(c: &Condition, vars: &Variables) -> String {
    match c {
        Condition::Always => "true".to_string(),
        Condition::In { situation, values } => {
            let var = vars
                .get(situation)
                .map_or(situation.as_str(), String::as_str);
            let tests: Vec<String> = values
                .iter()
                .map(|v| format!("{var} = {}", literal(v)))
                .collect();
            match tests.len() {
                0 => "false".to_string(),
                1 => tests.concat(),
                _ => format!("({})", tests.join(" or ")),
            }
        }
        Condition::Has { situation, option } => {
            let var = vars
                .get(situation)
                .map_or(situation.as_str(), String::as_str);
            // `list contains(null, …)` is null, so an unanswered situation is tested first.
            format!(
                "({var} != null and list contains({var}, {}))",
                feel_string(option)
            )
        }
        Condition::All { args } => join(args, " and ", "true", vars),
        Condition::Any { args } => join(args, " or ", "false", vars),
        Condition::Not { arg } => format!("not({})", expression(arg, vars)),
    }
}

/// The arguments joined by `op`, each compound argument in parentheses; `empty` when there is
/// none, and the one argument itself when there is one.
fn join(args: &[Condition], op: &str, empty: &str, vars: &Variables) -> String {
    match args {
        [] => empty.to_string(),
        [one] => expression(one, vars),
        _ => {
            let parts: Vec<String> = args
                .iter()
                .map(|a| {
                    let e = expression(a, vars);
                    if matches!(a, Condition::All { .. } | Condition::Any { .. }) {
                        format!("({e})")
                    } else {
                        e
                    }
                })
                .collect();
            parts.join(op)
        }
    }
}

/// A FEEL literal for an answer.
fn literal(a: &Answer) -> String {
    match a {
        Answer::Bool(b) => b.to_string(),
        Answer::Option(o) => feel_string(o),
        Answer::Options(v) => format!(
            "[{}]",
            v.iter()
                .map(|o| feel_string(o))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is(situation: &str, value: Answer) -> Condition {
        Condition::In {
            situation: situation.into(),
            values: vec![value],
        }
    }

    #[test]
    fn writes_comparisons_and_connectives() {
        let mut vars = Variables::new();
        vars.insert("settle".into(), "settle".into());
        vars.insert("in".into(), "in_".into());
        let local = is("settle", Answer::Option("local".into()));
        assert_eq!(expression(&local, &vars), "settle = \"local\"");
        assert_eq!(
            expression(&is("in", Answer::Bool(true)), &vars),
            "in_ = true"
        );
        let either = Condition::In {
            situation: "settle".into(),
            values: vec![Answer::Option("a".into()), Answer::Option("b".into())],
        };
        assert_eq!(
            expression(&either, &vars),
            "(settle = \"a\" or settle = \"b\")"
        );
        let c = Condition::All {
            args: vec![
                local.clone(),
                Condition::Any {
                    args: vec![
                        is("card", Answer::Bool(true)),
                        Condition::Not {
                            arg: Box::new(is("in", Answer::Bool(false))),
                        },
                    ],
                },
            ],
        };
        assert_eq!(
            expression(&c, &vars),
            "settle = \"local\" and (card = true or not(in_ = false))"
        );
        assert_eq!(expression(&Condition::Always, &vars), "true");
        assert_eq!(expression(&Condition::Any { args: vec![] }, &vars), "false");
    }
}
