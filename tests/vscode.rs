//! The editor extension's TextMate grammar is derived from the keyword table: this test builds
//! it from `syntax::keywords` and compares it with `editors/vscode/syntaxes/yjs.tmLanguage.json`
//! (`YJS_UPDATE=1 cargo test --test vscode` rewrites the file). How the grammar scopes the
//! examples is tested with vscode-textmate in `tests/consumers/vscode/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Value};
use std::path::PathBuf;
use yjs_compiler::syntax::keywords;
use yjs_compiler::syntax::SyntaxKind::*;

/// A regex matching any of the words as a whole word (no letter, digit or `_` around it),
/// longest first so that `workdays` wins over `workday`.
fn words(mut list: Vec<&str>) -> String {
    list.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    list.dedup();
    format!(
        "(?<![\\p{{L}}\\p{{N}}_])(?:{})(?![\\p{{L}}\\p{{N}}_])",
        list.join("|")
    )
}

fn spellings(kinds: &[yjs_compiler::syntax::SyntaxKind]) -> Vec<&'static str> {
    keywords::KEYWORDS
        .iter()
        .filter(|k| kinds.contains(&k.kind))
        .flat_map(|k| k.spellings())
        .collect()
}

fn table(tables: &[&[(&'static str, &'static str)]]) -> Vec<&'static str> {
    tables
        .iter()
        .flat_map(|t| t.iter().flat_map(|(en, zh)| [*en, *zh]))
        .collect()
}

/// The grammar, from the keyword table and the contextual word tables.
fn grammar() -> Value {
    let logical = [AND_KW, OR_KW, NOT_KW, IN_KW];
    let constants = [TRUE_KW, FALSE_KW];
    let units = [
        WORKDAYS_KW,
        DAYS_KW,
        HOURS_KW,
        IMMEDIATE_KW,
        YUAN_KW,
        NONE_KW,
    ];
    let types = [BOOL_KW, CHOICE_KW, MULTI_CHOICE_KW, LIST_KW];
    let special: Vec<_> = logical
        .iter()
        .chain(&constants)
        .chain(&units)
        .chain(&types)
        .copied()
        .collect();
    let statements: Vec<_> = keywords::KEYWORDS
        .iter()
        .map(|k| k.kind)
        .filter(|k| !special.contains(k))
        .collect();
    json!({
        "$comment": "generated from compiler/src/syntax/keywords.rs by tests/vscode.rs (YJS_UPDATE=1 cargo test --test vscode) — do not edit",
        "name": "yjs",
        "scopeName": "source.yjs",
        "fileTypes": ["yjs"],
        "patterns": [
            { "include": "#comments" },
            { "include": "#strings" },
            { "include": "#keywords" },
            { "include": "#words" },
            { "include": "#numbers" },
            { "include": "#operators" }
        ],
        "repository": {
            "comments": { "patterns": [
                { "name": "comment.line.double-slash.yjs", "match": "//.*$" },
                { "name": "comment.block.yjs", "begin": "/\\*", "end": "\\*/" }
            ]},
            "strings": {
                "name": "string.quoted.double.yjs",
                "begin": "\"",
                "end": "\"|$",
                "patterns": [
                    { "name": "constant.character.escape.yjs", "match": "\\\\(?:u\\{[0-9A-Fa-f]+\\}|.)" }
                ]
            },
            "keywords": { "patterns": [
                { "name": "keyword.operator.logical.yjs", "match": words(spellings(&logical)) },
                { "name": "constant.language.boolean.yjs", "match": words(spellings(&constants)) },
                { "name": "keyword.other.unit.yjs", "match": words(spellings(&units)) },
                { "name": "storage.type.yjs", "match": words(spellings(&types)) },
                { "name": "keyword.other.yjs", "match": words(spellings(&statements)) }
            ]},
            "words": { "patterns": [
                { "name": "support.type.yjs", "match": words(table(&[keywords::FIELD_TYPES])) },
                { "name": "support.constant.yjs", "match": words(table(&[keywords::ITEM_KINDS, keywords::DELIVERY])) },
                { "name": "entity.other.attribute-name.yjs", "match": words(table(&[
                    keywords::CONSTRAINTS,
                    keywords::MATERIAL_ATTRS,
                    keywords::OUTPUT_ATTRS,
                    keywords::DEPARTMENT_ATTRS,
                ])) }
            ]},
            "numbers": { "patterns": [
                { "name": "constant.numeric.yjs", "match": "(?<![\\p{L}\\p{N}_])-?[0-9]+(?:\\.[0-9]+)?%?" }
            ]},
            "operators": { "patterns": [
                { "name": "keyword.operator.yjs", "match": "->|==|!=|=" },
                { "name": "punctuation.separator.yjs", "match": "[,;.]" }
            ]}
        }
    })
}

#[test]
fn the_grammar_is_derived_from_the_keyword_table() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("editors/vscode/syntaxes/yjs.tmLanguage.json");
    let want = serde_json::to_string_pretty(&grammar()).unwrap() + "\n";
    if std::env::var_os("YJS_UPDATE").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale: run `YJS_UPDATE=1 cargo test --test vscode`",
        path.display()
    );
    // Every spelling of every keyword is in one of the keyword patterns.
    for k in keywords::KEYWORDS {
        for s in k.spellings() {
            assert!(
                have.contains(&format!("|{s}|"))
                    || have.contains(&format!(":{s}|"))
                    || have.contains(&format!("|{s})"))
                    || have.contains(&format!(":{s})")),
                "{s}"
            );
        }
    }
}
