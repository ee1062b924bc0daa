//! Applicability conditions as structured JSON, and their evaluation over situation answers.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer to a situation: an option id, yes/no for a `bool` situation, or the chosen
/// option ids of a multi-select situation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Answer {
    /// A yes/no answer.
    Bool(bool),
    /// The id of the chosen option.
    Option(String),
    /// The ids of the chosen options of a multi-select situation (possibly none).
    Options(Vec<String>),
}

/// The applicant's answers, by situation id.
pub type Answers = BTreeMap<String, Answer>;

/// When something applies, over situation answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Condition {
    /// Always.
    Always,
    /// The situation's answer is one of `values`.
    In {
        situation: String,
        values: Vec<Answer>,
    },
    /// The multi-select situation's answer includes `option`.
    Has { situation: String, option: String },
    /// Every argument holds.
    All { args: Vec<Condition> },
    /// At least one argument holds.
    Any { args: Vec<Condition> },
    /// The argument does not hold.
    Not { arg: Box<Condition> },
}

impl Condition {
    /// Whether the condition holds; an unanswered situation makes its test false.
    pub fn eval(&self, answers: &Answers) -> bool {
        match self {
            Condition::Always => true,
            Condition::In { situation, values } => {
                answers.get(situation).is_some_and(|a| values.contains(a))
            }
            Condition::Has { situation, option } => answers
                .get(situation)
                .is_some_and(|a| matches!(a, Answer::Options(v) if v.contains(option))),
            Condition::All { args } => args.iter().all(|c| c.eval(answers)),
            Condition::Any { args } => args.iter().any(|c| c.eval(answers)),
            Condition::Not { arg } => !arg.eval(answers),
        }
    }

    /// The situations the condition mentions, sorted and without repeats.
    pub fn situations(&self) -> Vec<&str> {
        fn walk<'a>(c: &'a Condition, out: &mut Vec<&'a str>) {
            match c {
                Condition::Always => {}
                Condition::In { situation, .. } | Condition::Has { situation, .. } => {
                    out.push(situation)
                }
                Condition::All { args } | Condition::Any { args } => {
                    args.iter().for_each(|a| walk(a, out))
                }
                Condition::Not { arg } => walk(arg, out),
            }
        }
        let mut out = Vec::new();
        walk(self, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether this is `Always`.
    pub fn is_always(&self) -> bool {
        matches!(self, Condition::Always)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluates_nested_conditions() {
        let c = Condition::All {
            args: vec![
                Condition::In {
                    situation: "settle".into(),
                    values: vec![Answer::Option("local".into())],
                },
                Condition::Not {
                    arg: Box::new(Condition::In {
                        situation: "card".into(),
                        values: vec![Answer::Bool(true)],
                    }),
                },
            ],
        };
        let mut a = Answers::new();
        a.insert("settle".into(), Answer::Option("local".into()));
        a.insert("card".into(), Answer::Bool(false));
        assert!(c.eval(&a));
        a.insert("card".into(), Answer::Bool(true));
        assert!(!c.eval(&a));
        assert_eq!(c.situations(), vec!["card", "settle"]);
        let json = serde_json::to_string(&c).unwrap_or_default();
        assert!(json.contains(r#""op":"all""#), "{json}");
    }

    #[test]
    fn a_multi_select_answer_is_a_set() {
        let c = Condition::Has {
            situation: "regs".into(),
            option: "customs".into(),
        };
        let mut a = Answers::new();
        assert!(!c.eval(&a), "unanswered is false");
        a.insert("regs".into(), Answer::Options(vec![]));
        assert!(!c.eval(&a));
        a.insert(
            "regs".into(),
            Answer::Options(vec!["social".into(), "customs".into()]),
        );
        assert!(c.eval(&a));
        a.insert("regs".into(), Answer::Option("customs".into()));
        assert!(!c.eval(&a), "a single answer is not a set");
        let back: Answers =
            serde_json::from_str(r#"{"regs":["customs"],"card":true,"settle":"local"}"#).unwrap();
        assert_eq!(back["regs"], Answer::Options(vec!["customs".into()]));
        assert_eq!(back["card"], Answer::Bool(true));
        assert!(c.eval(&back));
    }
}
