//! Every diagnostic code has exactly one explanation in English and one in Chinese, each explanation's
//! example produces that code, and `yjs explain` prints the page of the chosen language.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use yjs_compiler::diagnostics::{ALL_CODES, ZH_EXPLANATIONS};
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
        .filter(|e| e.path().is_file())
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

#[test]
fn every_code_has_a_chinese_explanation_file_and_no_other() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("spec/errors/zh");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("spec/errors/zh exists")
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
        "spec/errors/zh/*.md and the code registry must match one to one"
    );
    let mut listed: Vec<String> = ZH_EXPLANATIONS
        .iter()
        .map(|(c, _)| c.0.to_string())
        .collect();
    listed.sort();
    assert_eq!(
        listed, codes,
        "codes.rs zh_explanations! must list every code"
    );
}

#[test]
fn every_chinese_example_produces_its_code() {
    for (code, text) in ZH_EXPLANATIONS {
        assert!(
            text.starts_with(&format!("# {code}：")),
            "zh/{code}.md must start with `# {code}：`"
        );
        assert!(
            text.contains("## 示例") && text.contains("## 处理办法"),
            "zh/{code}.md has the sections 示例 and 处理办法"
        );
        let Some(example) = first_yjs_block(text) else {
            assert!(
                NO_TEXT_EXAMPLE.contains(&code.0),
                "zh/{code}.md has no ```yjs example"
            );
            continue;
        };
        let mut files = BTreeMap::new();
        files.insert(PathBuf::from("example.yjs"), example.clone());
        let checked = yjs_compiler::check(&Memory(files), &[PathBuf::from("example.yjs")]);
        let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.0).collect();
        assert!(
            codes.contains(&code.0),
            "the example of zh/{code} produced {codes:?}, not {code}:\n{example}"
        );
    }
}

fn explain(args: &[&str], lang_env: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang_env)
        .output()
        .expect("run yjs")
}

#[test]
fn explain_prints_the_page_of_the_chosen_language() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let en = std::fs::read_to_string(root.join("spec/errors/E0104.md")).unwrap();
    let zh = std::fs::read_to_string(root.join("spec/errors/zh/E0104.md")).unwrap();
    for (args, lang, want) in [
        (&["explain", "E0104"][..], "C", &en),
        (&["explain", "e0104"][..], "zh_CN.UTF-8", &zh),
        (
            &["--lang", "zh", "explain", "E0104"][..],
            "en_US.UTF-8",
            &zh,
        ),
        (
            &["explain", "E0104", "--lang", "en"][..],
            "zh_CN.UTF-8",
            &en,
        ),
    ] {
        let out = explain(args, lang);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(
            &String::from_utf8(out.stdout).unwrap(),
            want,
            "{args:?} LANG={lang}"
        );
    }
    let out = explain(&["explain", "E9999"], "zh_CN.UTF-8");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("错误：未知的代码 `E9999`"), "{err}");
}
