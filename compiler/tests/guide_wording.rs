//! Golden wording of every condition in the examples: each item's and material's condition, as
//! written in the DSL's terms, next to the 公文 phrase the guide prints for it (one snapshot per
//! matter). A reviewer reads these files to sign off the wording; a change in the phrase grammar
//! shows up here line by line.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::PathBuf;
use yjs_artifacts::{Answer, Condition};
use yjs_compiler::emit::guide::condition_words;
use yjs_compiler::resolve::{discover, Disk};

/// The condition in the DSL's own notation.
fn code(c: &Condition) -> String {
    let answer = |a: &Answer| match a {
        Answer::Bool(b) => b.to_string(),
        Answer::Option(o) => o.clone(),
        Answer::Options(o) => format!("{{{}}}", o.join(", ")),
    };
    let group = |c: &Condition| match c {
        Condition::All { .. } | Condition::Any { .. } => format!("({})", code(c)),
        _ => code(c),
    };
    match c {
        Condition::Always => "always".to_string(),
        Condition::In { situation, values } => match values.as_slice() {
            [Answer::Bool(true)] => situation.clone(),
            [Answer::Bool(false)] => format!("not {situation}"),
            [one] => format!("{situation} == {}", answer(one)),
            _ => {
                let v: Vec<String> = values.iter().map(answer).collect();
                format!("{situation} in [{}]", v.join(", "))
            }
        },
        Condition::Has { situation, option } => format!("{option} in {situation}"),
        Condition::All { args } => args.iter().map(group).collect::<Vec<_>>().join(" and "),
        Condition::Any { args } => args.iter().map(group).collect::<Vec<_>>().join(" or "),
        Condition::Not { arg } => format!("not {}", group(arg)),
    }
}

#[test]
fn every_condition_of_every_example_in_words() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dsl-examples");
    let roots = discover(&[root]).expect("dsl-examples exists");
    let checked = yjs_compiler::check(&Disk, &roots);
    assert!(!checked.has_errors());
    assert_eq!(checked.matters.len(), 6);
    for ir in &checked.matters {
        let sits = &ir.form.situations;
        let docs = &ir.documents;
        let mut out = String::new();
        let mut line = |what: &str, c: &Condition| {
            let words = condition_words(c, sits);
            writeln!(out, "{what}\n  {}\n  → {words}", code(c)).unwrap();
            // The wording never falls back to code or to a double negative.
            assert!(
                !words.contains("并非") && !words.contains("为「是」时"),
                "{words}"
            );
        };
        for item in &docs.items {
            line(&format!("item {}", item.id), &item.applies);
        }
        for row in &docs.materials {
            line(&format!("material 「{}」", row.name), &row.applies);
        }
        insta::assert_snapshot!(format!("wording_{}", docs.matter), out);
    }
}
