//! The parser reads every file exactly as `grammar.pest` does: tests compare, construct by
//! construct, the syntax tree with pest's parse of the same text, on every `.yjs` file of the
//! repository and on mutated and random files.
//!
//! Each pest pair whose rule has a kind of the same name (`promise_stmt` ↔ `PROMISE_STMT`,
//! `kw_promise` ↔ `PROMISE_KW`, `bad_stmt` ↔ `ERROR`) must be a node or token of the tree
//! with the same range, and the other way round. One difference is normalised: pest's span
//! of a rule ending in an absent `x?` or `x*` runs over the blanks and comments skipped
//! before it, while a tree node ends at its last token.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::grammar::{Rule, YjsParser};
use super::kind::SyntaxKind::{self, *};
use super::lex::{self, Tokens};
use super::parser;
use crate::files::FileId;
use pest::Parser as _;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

type Shape = Vec<(String, usize, usize)>;

/// The kind name a pest rule corresponds to, if any.
fn kind_name(rule: Rule) -> Option<String> {
    let name = format!("{rule:?}");
    let kind = match name.strip_prefix("kw_") {
        Some(word) => format!("{}_KW", word.to_uppercase()),
        None if name == "bad_stmt" => "ERROR".to_string(),
        None => name.to_uppercase(),
    };
    SyntaxKind::all()
        .any(|k| format!("{k:?}") == kind)
        .then_some(kind)
}

/// The end of the last non-trivia token that starts in `start..end`.
fn trim(tokens: &Tokens, start: usize, end: usize) -> usize {
    let mut i = tokens.starts[..tokens.len()].partition_point(|s| (*s as usize) < end);
    while i > 0 && tokens.starts[i - 1] as usize >= start {
        if !tokens.kinds[i - 1].is_trivia() {
            return (tokens.starts[i] as usize).min(end);
        }
        i -= 1;
    }
    start
}

fn pest_shape(src: &str, tokens: &Tokens) -> Result<Shape, String> {
    let pairs = YjsParser::parse(Rule::file, src).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for p in pairs.flatten() {
        if let Some(kind) = kind_name(p.as_rule()) {
            let s = p.as_span();
            let end = if kind == "FILE" {
                s.end()
            } else {
                trim(tokens, s.start(), s.end())
            };
            out.push((kind, s.start(), end));
        }
    }
    out.sort();
    Ok(out)
}

fn tree_shape(src: &str, tokens: Tokens) -> Shape {
    let tree = parser::parse(FileId(0), src, tokens);
    assert_eq!(tree.text(), src, "the tree is not lossless");
    let mut out = Vec::new();
    for n in tree.root().descendants() {
        let r = n.range();
        out.push((format!("{:?}", n.kind()), r.start, r.end));
    }
    for t in tree.tokens() {
        let in_error = t.parent().ancestors().any(|n| n.kind() == ERROR);
        let named = matches!(t.kind(), IDENT | NUMBER) || t.kind().is_keyword();
        if t.kind() == STRING || (named && !in_error) {
            let r = t.range();
            out.push((format!("{:?}", t.kind()), r.start, r.end));
        }
    }
    out.sort();
    out
}

/// Compares the tree with pest's parse; `None` when the lexer refuses the text (neither
/// parser runs then).
fn compare(src: &str) -> Option<Result<(), String>> {
    let (tokens, refused) = lex::lex(FileId(0), src, true);
    if !refused.is_empty() {
        return None;
    }
    let expected = match pest_shape(src, &tokens) {
        Ok(s) => s,
        Err(e) => return Some(Err(format!("pest cannot parse the file:\n{e}"))),
    };
    let found = tree_shape(src, tokens);
    if expected == found {
        return Some(Ok(()));
    }
    let missing: Vec<_> = expected.iter().filter(|x| !found.contains(x)).collect();
    let extra: Vec<_> = found.iter().filter(|x| !expected.contains(x)).collect();
    let show = |v: &[&(String, usize, usize)]| {
        v.iter()
            .take(8)
            .map(|(k, s, e)| format!("  {k} {s}..{e} {:?}", &src[*s..*e]))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Some(Err(format!(
        "only pest has:\n{}\nonly the tree has:\n{}",
        show(&missing),
        show(&extra)
    )))
}

fn repo_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    let mut todo: Vec<PathBuf> = ["dsl-examples", "tests", "compiler/tests", "spec"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|e| e == "yjs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_repository_file_parses_as_the_grammar_says() {
    let files = repo_files();
    assert!(files.len() > 40, "found only {} .yjs files", files.len());
    let mut compared = 0;
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap();
        match compare(&src) {
            Some(Ok(())) => compared += 1,
            Some(Err(e)) => panic!("{}: {e}", path.display()),
            None => {}
        }
    }
    assert!(compared > 40);
}

#[test]
fn tricky_statements_parse_as_the_grammar_says() {
    let cases = [
        "matter m \"x\" {\n flow {\n  accept -> b\n  accept 1 workday by d\n  a ->\n  b -> c\n  deliver -> x\n }\n}\n",
        "department d \"x\" { when a; phone \"1\", \"2\"; hours when; x 80% }  // c\n",
        "matter m \"x\" {\n item i \"y\" {\n  when not not (a\n and b) or c in [x,\n y] and d != true\n  when and\n  fee 1 yuan \"b\" x\n  form { a = b.c \"l\" { min -1 }; x \"l\" choice { option option \"o\"; option \"p\" }; y choice; z list { q \"w\" text } { min_items 1 } }\n  material a.b \"n\" { when x == y }\n }\n}\n",
        "matter m \"x\" { situation s \"q\" bool extra\n warn 80 %\n warn 80%\n code \"a\" ; code \"b\" }\n",
        "use \"a\" \"b\"\nuse \"a\"; matter\n}x{",
        "matter m \"x\" {\n item i \"y\" { review { \"a\"; b } }\n}\n",
        "matter m \"x\" {\n shared { a .b; c. d; e.f; g.h.i }\n item i \"y\" { material a .b }\n}\n",
    ];
    for src in cases {
        if let Some(Err(e)) = compare(src) {
            panic!("{src:?}: {e}");
        }
    }
}

/// A mutation of a seed file: delete, duplicate or insert a snippet.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize),
}

fn apply(seed: &str, muts: &[Mutation]) -> String {
    let mut s: Vec<char> = seed.chars().collect();
    for m in muts {
        let n = s.len().max(1);
        match m {
            Mutation::Delete(at, len) => {
                let at = at % n;
                let end = (at + len % 40).min(s.len());
                s.drain(at.min(end)..end);
            }
            Mutation::Insert(at, text) => {
                let at = at % (s.len() + 1);
                s.splice(at..at, text.chars());
            }
            Mutation::Duplicate(at, len) => {
                let at = at % n;
                let end = (at + len % 80).min(s.len());
                let piece: Vec<char> = s[at.min(end)..end].to_vec();
                s.splice(end..end, piece);
            }
        }
    }
    s.into_iter().collect()
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let snippet = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("\"".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("->".to_string()),
        Just("\n".to_string()),
        Just(";".to_string()),
        Just("/* c */".to_string()),
        Just(" // c".to_string()),
        Just(" when ".to_string()),
        Just(" and not ".to_string()),
        Just(" or ".to_string()),
        Just("事项".to_string()),
        Just("承诺".to_string()),
        Just(".".to_string()),
        Just("=".to_string()),
        Just("==".to_string()),
        Just(",".to_string()),
        Just("%".to_string()),
        Just(" 5 ".to_string()),
        Just("workdays".to_string()),
        Just("accept".to_string()),
        "[a-z_]{1,8}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, l)| Mutation::Delete(a, l)),
        (any::<usize>(), snippet).prop_map(|(a, t)| Mutation::Insert(a, t)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, l)| Mutation::Duplicate(a, l)),
    ]
}

fn seeds() -> &'static BTreeMap<PathBuf, String> {
    static SEEDS: std::sync::OnceLock<BTreeMap<PathBuf, String>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        repo_files()
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(&p).ok().map(|s| (p, s)))
            .collect()
    })
}

/// `PROPTEST_CASES` when set, else `default`: `PROPTEST_CASES=100000 cargo test --release
/// -p yjs-compiler --lib conformance` runs the comparison long.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn mutated_files_parse_as_the_grammar_says(
        pick in any::<usize>(),
        muts in prop::collection::vec(mutation(), 1..8),
    ) {
        let seeds: Vec<&String> = seeds().values().collect();
        let src = apply(seeds[pick % seeds.len()], &muts);
        if let Some(Err(e)) = compare(&src) {
            prop_assert!(false, "{src:?}\n{e}");
        }
    }

    #[test]
    fn random_statements_parse_as_the_grammar_says(tokens in prop::collection::vec(prop_oneof![
        Just("matter"), Just("item"), Just("{"), Just("}"), Just("\n"), Just("x"), Just("\"s\""),
        Just("when"), Just("=="), Just("("), Just(")"), Just("->"), Just("shared"), Just("form"),
        Just("1"), Just("workdays"), Just("situation"), Just("bool"), Just("use"), Just(";"),
        Just("and"), Just("not"), Just("in"), Just("["), Just("]"), Just(","), Just("flow"),
        Just("accept"), Just("by"), Just("a.b"), Just("="), Just("80%"), Just("choice"),
        Just("list"), Just("option"), Just("text"), Just("// c"), Just("fee"), Just("none"),
    ], 0..80)) {
        let src = tokens.join(" ");
        if let Some(Err(e)) = compare(&src) {
            prop_assert!(false, "{src:?}\n{e}");
        }
    }
}
