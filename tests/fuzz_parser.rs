//! Property test: mutated and random inputs never make any stage panic, from parsing to emission,
//! and the syntax tree of every input is lossless (its text is the input, byte for byte).
//!
//! Runs a small budget in `cargo test`; `PROPTEST_CASES=100000 cargo test --release --test fuzz_parser`
//! runs it long.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use yjs_compiler::resolve::Memory;

fn seeds() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["dsl-examples", "tests/ui/pass", "tests/ui/fail"] {
        if let Ok(paths) = yjs_compiler::resolve::discover(&[root.join(dir)]) {
            out.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
        }
    }
    if out.is_empty() {
        out.push("matter m \"x\" { lead d }".into());
    }
    out
}

/// `PROPTEST_CASES` when set, else `default`.
fn long_run_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The syntax tree's tokens tile the input exactly, and walking the tree spells it.
fn assert_round_trip(src: &str) {
    let parse = yjs_compiler::syntax::parse_file(yjs_compiler::files::FileId(0), src);
    assert_eq!(parse.tree.text(), src);
    let mut at = 0;
    for t in parse.tree.tokens() {
        assert_eq!(
            t.range().start,
            at,
            "gap or overlap before {t:?} in {src:?}"
        );
        at = t.range().end;
    }
    assert_eq!(at, src.len(), "{src:?}");
    let walked: String = parse
        .tree
        .root()
        .preorder_with_tokens()
        .filter_map(|e| e.into_token())
        .map(|t| t.text())
        .collect();
    assert_eq!(walked, src);
}

fn check(src: String) {
    assert_round_trip(&src);
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("fuzz.yjs"), src);
    files.insert(
        PathBuf::from("common/departments.yjs"),
        "department wsjk \"卫健\"\n".into(),
    );
    let checked = yjs_compiler::check(&Memory(files), &[PathBuf::from("fuzz.yjs")]);
    // Rendering must not panic either.
    let _ = yjs_compiler::diagnostics::render_human(&checked.files, &checked.diagnostics, false);
    let _ = yjs_compiler::diagnostics::render_json(&checked.files, &checked.diagnostics);
    // A program that checks clean must also build: emission may not panic on odd input either.
    if !checked.has_errors() {
        let _ = yjs_compiler::emit(&checked);
    }
}

/// A mutation applied to a seed: delete, duplicate or insert a snippet at a position.
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
                if at < end {
                    s.drain(at..end);
                }
            }
            Mutation::Insert(at, text) => {
                let at = at % (s.len() + 1);
                for (k, c) in text.chars().enumerate() {
                    s.insert(at + k, c);
                }
            }
            Mutation::Duplicate(at, len) => {
                let at = at % n;
                let end = (at + len % 80).min(s.len());
                let piece: Vec<char> = s[at..end].to_vec();
                for (k, c) in piece.into_iter().enumerate() {
                    s.insert(end + k, c);
                }
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
        Just("->".to_string()),
        Just("\n".to_string()),
        Just(";".to_string()),
        Just("/*".to_string()),
        Just(" when ".to_string()),
        Just(" and not ".to_string()),
        Just("事项".to_string()),
        Just(".".to_string()),
        Just("=".to_string()),
        Just("\\u{".to_string()),
        "[a-z_]{1,8}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, l)| Mutation::Delete(a, l)),
        (any::<usize>(), snippet).prop_map(|(a, t)| Mutation::Insert(a, t)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, l)| Mutation::Duplicate(a, l)),
    ]
}

proptest! {
    // 256 cases in `cargo test`; `PROPTEST_CASES=N` runs N (an explicit count here would
    // otherwise override the variable).
    #![proptest_config(ProptestConfig { cases: long_run_cases(256), ..ProptestConfig::default() })]

    #[test]
    fn mutated_seeds_never_panic(pick in any::<usize>(), muts in prop::collection::vec(mutation(), 1..8)) {
        let seeds = seeds();
        let seed = &seeds[pick % seeds.len()];
        check(apply(seed, &muts));
    }

    #[test]
    fn random_text_never_panics(src in "\\PC{0,400}") {
        check(src);
    }

    #[test]
    fn random_tokens_never_panic(tokens in prop::collection::vec(prop_oneof![
        Just("matter"), Just("item"), Just("{"), Just("}"), Just("\n"), Just("x"), Just("\"s\""),
        Just("when"), Just("=="), Just("("), Just(")"), Just("->"), Just("shared"), Just("form"),
        Just("1"), Just("workdays"), Just("situation"), Just("bool"), Just("use"), Just(";"),
    ], 0..120)) {
        check(tokens.join(" "));
    }
}
