//! Every diagnostic code has exactly one explanation, and the explanation's example produces that code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use yjs_compiler::diagnostics::ALL_CODES;
use yjs_compiler::resolve::Memory;

/// Codes whose trigger cannot be written in a Markdown example: `tests/hostile.rs` covers each,
/// except I0001, the internal error, which no input should produce.
const NO_TEXT_EXAMPLE: &[&str] = &["I0001", "E0002", "E0003", "E0004", "E0008", "W0110"];

fn first_yjs_block(text: &str) -> Option<String> {
    let start = text.find("```yjs\n")? + "```yjs\n".len();
    let end = text[start..].find("```")? + start;
    Some(text[start..end].to_string())
}

#[test]
fn every_explanation_file_belongs_to_a_code() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("spec/errors");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("spec/errors exists")
        .filter_map(|e| e.ok())
        .map(|e| {
            e.file_name()
                .to_string_lossy()
                .trim_end_matches(".md")
                .to_string()
        })
        .collect();
    files.sort();
    let mut codes: Vec<String> = ALL_CODES.iter().map(|(c, _, _)| c.0.to_string()).collect();
    codes.sort();
    assert_eq!(
        files, codes,
        "spec/errors/*.md and the code registry must match one to one"
    );
}

#[test]
fn every_example_produces_its_code() {
    for (code, title, text) in ALL_CODES {
        assert!(
            text.starts_with(&format!("# {code}: {title}")),
            "{code}.md must start with `# {code}: {title}`"
        );
        let Some(example) = first_yjs_block(text) else {
            assert!(
                NO_TEXT_EXAMPLE.contains(&code.0),
                "{code}.md has no ```yjs example"
            );
            continue;
        };
        let mut files = BTreeMap::new();
        files.insert(PathBuf::from("example.yjs"), example.clone());
        let checked = yjs_compiler::check(&Memory(files), &[PathBuf::from("example.yjs")]);
        let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.0).collect();
        assert!(
            codes.contains(&code.0),
            "the example of {code} produced {codes:?}, not {code}:\n{example}"
        );
    }
}
