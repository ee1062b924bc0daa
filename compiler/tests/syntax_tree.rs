//! The lossless syntax tree: every byte of every file in exactly one token, the tree's text
//! equal to the source (valid files, bad statements, files the lexer refuses), keywords keep
//! the spelling used, and the helpers a formatter and a language server need.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use yjs_compiler::files::FileId;
use yjs_compiler::syntax::{
    parse_file, SyntaxElement, SyntaxKind, SyntaxKind::*, SyntaxTree, TokenAtOffset,
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.yjs` file under a directory of the repository, sorted.
fn yjs_files(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![root().join(dir)];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
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

/// Checks the tree's invariants against its source text.
fn assert_lossless(tree: &SyntaxTree, src: &str) {
    assert_eq!(tree.text(), src);
    // Tokens tile the text: contiguous, non-empty, in order.
    let mut at = 0;
    for t in tree.tokens() {
        assert_eq!(t.range().start, at, "gap or overlap before {t:?}");
        assert!(!t.range().is_empty(), "empty token {t:?}");
        at = t.range().end;
        let parent = t.parent().range();
        assert!(
            t.parent().kind() == FILE
                || (parent.start <= t.range().start && t.range().end <= parent.end),
            "{t:?} lies outside its parent {:?}",
            t.parent()
        );
    }
    assert_eq!(at, src.len());
    // Walking the tree meets every token once, in order, and each node's children spell it.
    let walked: String = tree
        .root()
        .preorder_with_tokens()
        .filter_map(SyntaxElement::into_token)
        .map(|t| t.text())
        .collect();
    assert_eq!(walked, src);
    for n in tree.root().descendants() {
        let spelled: String = n
            .children_with_tokens()
            .map(|e| match e {
                SyntaxElement::Node(c) => c.text(),
                SyntaxElement::Token(t) => t.text(),
            })
            .collect();
        assert_eq!(spelled, n.text(), "{n:?}");
        if n.kind() != FILE {
            let first = n.first_token().map(|t| t.kind());
            let last = n.last_token().map(|t| t.kind());
            assert!(
                first.is_some_and(|k| !k.is_trivia()) && last.is_some_and(|k| !k.is_trivia()),
                "{n:?} starts or ends with trivia"
            );
        }
    }
}

#[test]
fn every_repository_file_round_trips() {
    let mut seen = 0;
    for dir in [
        "dsl-examples",
        "tests/ui",
        "tests/fixtures",
        "compiler/tests/fixtures",
    ] {
        for path in yjs_files(dir) {
            let src = std::fs::read_to_string(&path).unwrap();
            let parse = parse_file(FileId(0), &src);
            assert_lossless(&parse.tree, &src);
            seen += 1;
        }
    }
    assert!(seen > 40, "found only {seen} files");
}

#[test]
fn refused_and_broken_files_round_trip() {
    let cases = [
        "",
        "\n\n",
        "matter m \"x\" {\n  code \"abc\n}\n",
        "matter m \"x\" {\n  /* never closed\n}\n",
        "matter m \"x\" {\n  lead d\n",
        "matter m \"x\" { ( }",
        "}}}",
        "code \"a\0b\"\r\n",
        "matter m \"x\" {\n  promise 7 wrkdays\n  deparment d // c\n}\n",
        "\u{FEFF}一件事 m \"x\" {\u{3000}牵头 d；}",
        "@#$ ' \\ ! - / < > ^ ~ ` | & * + ?",
    ];
    for src in cases {
        let parse = parse_file(FileId(0), src);
        assert_lossless(&parse.tree, src);
    }
    let deep = format!(
        "matter m \"x\" {{ item i \"y\" {{ when {}s{} }} }}",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    let parse = parse_file(FileId(0), &deep);
    assert_lossless(&parse.tree, &deep);
    assert!(parse
        .diagnostics
        .iter()
        .any(|d| d.code.to_string() == "E0008"));
}

#[test]
fn a_file_too_large_round_trips() {
    let line = "// padding padding padding padding padding padding padding padding\n";
    let src = line.repeat(yjs_compiler::syntax::MAX_FILE_BYTES / line.len() + 1);
    let parse = parse_file(FileId(0), &src);
    assert_eq!(parse.tree.text(), src);
    assert_eq!(parse.diagnostics.len(), 1);
    assert_eq!(parse.diagnostics[0].code.to_string(), "E0002");
}

#[test]
fn a_bad_statement_is_an_error_node_holding_its_tokens() {
    let src = "matter m \"x\" {\n  promise 7 wrkdays // later\n  lead d\n}\n";
    let parse = parse_file(FileId(0), src);
    let errors: Vec<_> = parse
        .tree
        .root()
        .descendants()
        .filter(|n| n.kind() == ERROR)
        .collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].text(), "promise 7 wrkdays");
    assert_eq!(errors[0].parent().map(|p| p.kind()), Some(MATTER_BLOCK));
    // Inside a bad statement every word is a plain name.
    assert!(errors[0].tokens().all(|t| !t.kind().is_keyword()));
    assert_eq!(parse.diagnostics.len(), 1);
    assert!(
        parse.ast.matters[0].lead.is_some(),
        "the statement after it is read"
    );
}

#[test]
fn chinese_keywords_keep_their_spelling() {
    let path = root().join("tests/fixtures/zh/newborn.yjs");
    let src = std::fs::read_to_string(path).unwrap();
    let parse = parse_file(FileId(0), &src);
    assert!(parse.diagnostics.is_empty(), "{:?}", parse.diagnostics);
    let promise = parse
        .tree
        .tokens()
        .find(|t| t.kind() == PROMISE_KW)
        .unwrap();
    assert_eq!(promise.text(), "承诺");
    assert_eq!(promise.keyword().map(|k| k.english[0]), Some("promise"));
    assert_eq!(promise.parent().kind(), PROMISE_STMT);
    let spelled = |kind: SyntaxKind| -> Vec<&str> {
        parse
            .tree
            .tokens()
            .filter(|t| t.kind() == kind)
            .map(|t| t.text())
            .collect()
    };
    assert_eq!(spelled(MATTER_KW), ["一件事"]);
    assert_eq!(spelled(USE_KW), ["引用"]);
    assert!(spelled(WORKDAYS_KW).iter().all(|s| *s == "工作日"));
    assert!(!spelled(ITEM_KW).is_empty() && spelled(ITEM_KW).iter().all(|s| *s == "事项"));
    // No English keyword spelling survives in a file written in Chinese.
    for t in parse.tree.tokens().filter(|t| t.kind().is_keyword()) {
        assert!(!t.text().is_ascii(), "{t:?}");
    }
}

#[test]
fn statements_know_their_keyword_and_order() {
    let src = "matter m \"x\" {\n  lead d\n  承诺 5 工作日\n  window w\n}\n";
    let parse = parse_file(FileId(0), src);
    let block = parse
        .tree
        .root()
        .descendants()
        .find(|n| n.kind() == MATTER_BLOCK)
        .unwrap();
    let order: Vec<(SyntaxKind, &str)> = block
        .children()
        .map(|s| (s.kind(), s.keyword().unwrap().text()))
        .collect();
    assert_eq!(
        order,
        [
            (LEAD_STMT, "lead"),
            (PROMISE_STMT, "承诺"),
            (WINDOW_STMT, "window")
        ]
    );
}

#[test]
fn the_token_at_an_offset_and_its_ancestors() {
    let src = "matter m \"x\" {\n  promise 5 workdays\n}\n";
    let parse = parse_file(FileId(0), src);
    let tree = &parse.tree;
    let at = src.find("workdays").unwrap();
    let TokenAtOffset::Between(before, token) = tree.token_at_offset(at) else {
        panic!("an offset at a token's start lies between two tokens");
    };
    assert_eq!((before.kind(), token.kind()), (WHITESPACE, WORKDAYS_KW));
    let TokenAtOffset::Single(inside) = tree.token_at_offset(at + 2) else {
        panic!("an offset inside a token gives that token");
    };
    assert_eq!(inside, token);
    let kinds: Vec<SyntaxKind> = token.ancestors().map(|n| n.kind()).collect();
    assert_eq!(kinds, [DURATION, PROMISE_STMT, MATTER_BLOCK, MATTER, FILE]);
    assert_eq!(tree.token_at_offset(src.len() + 1), TokenAtOffset::None);
    assert_eq!(tree.covering_node(at..at + 3).kind(), DURATION);
    let stmt = tree.covering_node(src.find("promise").unwrap()..at + 8);
    assert_eq!(stmt.kind(), PROMISE_STMT);
    assert_eq!(stmt.text(), "promise 5 workdays");
    assert_eq!(token.prev_token(), Some(before));
    assert_eq!(before.next_token(), Some(token));
}

#[test]
fn comments_and_blank_lines_are_kept_around_statements() {
    let src = "matter m \"x\" {\n  lead d\n\n  // The acceptance window.\n  /* two */ window w  // trailing\n}\n";
    let parse = parse_file(FileId(0), src);
    let window = parse
        .tree
        .root()
        .descendants()
        .find(|n| n.kind() == WINDOW_STMT)
        .unwrap();
    let leading: Vec<(SyntaxKind, &str)> = window
        .leading_trivia()
        .map(|t| (t.kind(), t.text()))
        .collect();
    assert_eq!(
        leading,
        [
            (NEWLINE, "\n"),
            (NEWLINE, "\n"),
            (WHITESPACE, "  "),
            (LINE_COMMENT, "// The acceptance window."),
            (NEWLINE, "\n"),
            (WHITESPACE, "  "),
            (BLOCK_COMMENT, "/* two */"),
            (WHITESPACE, " "),
        ]
    );
    let trailing: Vec<&str> = window.trailing_trivia().map(|t| t.text()).collect();
    assert_eq!(trailing, ["  ", "// trailing"]);
    // Comments between statements are children of the block, in order.
    let block = window.parent().unwrap();
    let comments: Vec<&str> = block
        .tokens()
        .filter(|t| matches!(t.kind(), LINE_COMMENT | BLOCK_COMMENT))
        .map(|t| t.text())
        .collect();
    assert_eq!(
        comments,
        ["// The acceptance window.", "/* two */", "// trailing"]
    );
}

#[test]
fn the_debug_dump_shows_the_tree() {
    let parse = parse_file(FileId(0), "use \"a.yjs\" // x\n");
    assert_eq!(
        format!("{:?}", parse.tree),
        "FILE 0..17\n  USE_STMT 0..11\n    USE_KW \"use\"\n    WHITESPACE \" \"\n    STRING \"\\\"a.yjs\\\"\"\n  WHITESPACE \" \"\n  LINE_COMMENT \"// x\"\n  NEWLINE \"\\n\"\n"
    );
}
