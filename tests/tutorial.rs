//! The tutorial's pasted `yjs check` output is real: each `<!-- tutorial-check … -->` names a
//! ```yjs block of the tutorial and an edit; the test makes the edit, runs `yjs check
//! my-matters` as the tutorial does, and compares with the ```text block that follows.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

/// The ```yjs blocks of the tutorial, in order.
fn yjs_blocks(text: &str) -> Vec<String> {
    text.split("```yjs\n")
        .skip(1)
        .filter_map(|b| b.split_once("```").map(|(body, _)| body.to_string()))
        .collect()
}

#[test]
fn pasted_output_matches_the_checker() {
    let text = std::fs::read_to_string("spec/tutorial.md").unwrap();
    let blocks = yjs_blocks(&text);
    let departments = std::fs::read_to_string("dsl-examples/common/departments.yjs").unwrap();
    let mut checked = 0;
    for piece in text.split("<!-- tutorial-check ").skip(1) {
        let (json, rest) = piece.split_once(" -->").unwrap();
        let directive: serde_json::Value = serde_json::from_str(json).unwrap();
        let base = directive["base"].as_u64().unwrap() as usize;
        let mut source = blocks[base - 1].clone();
        if let (Some(from), Some(to)) = (directive["replace"].as_str(), directive["with"].as_str())
        {
            assert_eq!(
                source.matches(from).count(),
                1,
                "the edit {from:?} must match exactly once"
            );
            source = source.replace(from, to);
        }
        let expected = rest
            .split_once("```text\n")
            .and_then(|(_, b)| b.split_once("```"))
            .unwrap()
            .0;

        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("my-matters/common")).unwrap();
        std::fs::write(
            dir.path().join("my-matters/common/departments.yjs"),
            &departments,
        )
        .unwrap();
        std::fs::write(dir.path().join("my-matters/baby.yjs"), &source).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
            .args(["check", "my-matters"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let actual = String::from_utf8_lossy(&out.stderr);
        let diff = similar::TextDiff::from_lines(expected, &actual)
            .unified_diff()
            .header("tutorial", "yjs check")
            .to_string();
        assert_eq!(
            expected, actual,
            "spec/tutorial.md shows output that `yjs check` no longer prints for {json}:\n{diff}"
        );
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} tutorial checks found");
}
