//! The language reference and the tutorial are executable: every ```yjs block compiles without errors.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yjs_compiler::resolve::Memory;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The ```yjs blocks of a Markdown file, with the line each starts on.
pub fn yjs_blocks(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (n, line) in text.lines().enumerate() {
        match &mut current {
            None if line.trim_end() == "```yjs" => current = Some((n + 2, String::new())),
            Some((_, body)) if line.trim_end() == "```" => {
                let _ = body;
                out.extend(current.take());
            }
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
            None => {}
        }
    }
    out
}

fn check_blocks(doc: &Path) {
    check_blocks_with(doc, false);
}

/// Compiles every block of `doc`; with `clean`, a block may warn only about a fact without its
/// source (W0401–W0403), so that a pattern shows no other problem.
fn check_blocks_with(doc: &Path, clean: bool) {
    let text = std::fs::read_to_string(doc).expect("read doc");
    let blocks = yjs_blocks(&text);
    assert!(!blocks.is_empty(), "{} has no ```yjs block", doc.display());
    let common = std::fs::read_to_string(root().join("dsl-examples/common/departments.yjs"))
        .expect("departments");
    for (line, block) in blocks {
        let mut files = BTreeMap::new();
        files.insert(PathBuf::from("common/departments.yjs"), common.clone());
        files.insert(PathBuf::from("example.yjs"), block.clone());
        let checked = yjs_compiler::check(&Memory(files), &[PathBuf::from("example.yjs")]);
        let rendered =
            yjs_compiler::diagnostics::render_human(&checked.files, &checked.diagnostics, false);
        assert!(
            !checked.has_errors(),
            "{}:{line}: the example does not compile:\n{block}\n{rendered}",
            doc.display()
        );
        if clean {
            let others: Vec<_> = checked
                .diagnostics
                .iter()
                .filter(|d| !d.code.0.starts_with("W040"))
                .collect();
            assert!(
                others.is_empty(),
                "{}:{line}: the pattern has diagnostics:\n{block}\n{rendered}",
                doc.display()
            );
        }
    }
}

#[test]
fn language_reference_examples_compile() {
    check_blocks(&root().join("spec/language.md"));
}

#[test]
fn modelling_patterns_compile_cleanly() {
    check_blocks_with(&root().join("spec/patterns.md"), true);
}

#[test]
fn tutorial_snippets_compile() {
    let path = root().join("spec/tutorial.md");
    if path.exists() {
        check_blocks(&path);
    }
}
