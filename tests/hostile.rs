//! Hostile inputs: each gets a diagnostic and exit 1 or 2, never a panic, a stack overflow or a hang.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

fn yjs_check(dir: &Path, name: &str, content: &[u8]) -> (i32, String) {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write input");
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run yjs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "{name}: yjs panicked:\n{text}");
    (out.status.code().unwrap_or(-1), text)
}

fn expect(name: &str, content: &[u8], code: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, text) = yjs_check(dir.path(), name, content);
    assert!(status == 1 || status == 2, "{name}: exit {status}:\n{text}");
    assert!(
        text.contains(code),
        "{name}: expected {code}:\n{}",
        &text[..text.len().min(2000)]
    );
}

const HEAD: &str = "department d \"部门\"\nmatter m \"事\" {\n  lead d\n  window d\n  promise 1 workday\n  situation s \"问\" bool\n";

#[test]
fn ten_thousand_nested_parentheses() {
    let cond = format!("{}s{}", "(".repeat(10_000), ")".repeat(10_000));
    let src = format!("{HEAD}  item i \"项\" {{\n    department d\n    promise 1 workday\n    when {cond}\n  }}\n}}\n");
    expect("deep.yjs", src.as_bytes(), "E0008");
}

#[test]
fn ten_megabyte_file() {
    let mut src = String::from(HEAD);
    while src.len() < 10 * 1024 * 1024 {
        src.push_str("  // padding padding padding padding padding padding padding padding\n");
    }
    src.push_str("}\n");
    expect("huge.yjs", src.as_bytes(), "E0002");
}

#[test]
fn invalid_utf8() {
    let mut bytes = HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(b"  code \"\xd6\xd0\xb9\xfa\"\n}\n");
    expect("gbk.yjs", &bytes, "E0003");
}

#[test]
fn nul_byte() {
    let src = format!("{HEAD}  code \"a\0b\"\n}}\n");
    expect("nul.yjs", src.as_bytes(), "E0004");
}

#[test]
fn unterminated_string() {
    let src = format!("{HEAD}  code \"abc\n}}\n");
    expect("string.yjs", src.as_bytes(), "E0005");
}

#[test]
fn unterminated_block_comment() {
    let src = format!("{HEAD}  /* never closed\n}}\n");
    expect("comment.yjs", src.as_bytes(), "E0006");
}

#[test]
fn file_that_uses_itself() {
    expect("self.yjs", b"use \"self.yjs\"\n", "E0102");
}

#[test]
fn missing_path_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(["check", "no/such/dir"])
        .output()
        .expect("run yjs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn deeply_nested_blocks_and_long_chains() {
    // 100,000 `->` steps and 50,000 statements on one line stay linear and safe.
    let chain = (0..100_000)
        .map(|i| format!("i{i}"))
        .collect::<Vec<_>>()
        .join(" -> ");
    let src = format!("{HEAD}  flow {{\n    {chain}\n  }}\n}}\n");
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, text) = yjs_check(dir.path(), "chain.yjs", src.as_bytes());
    assert_eq!(status, 1, "{}", &text[..text.len().min(2000)]);
    assert!(text.contains("E0104"));
}

/// `a and (b or (a and …))`, `levels` lists deep: each parenthesised list alternates the operator.
fn alternating(levels: usize) -> String {
    let mut cond = "a and b".to_owned();
    for k in 2..=levels {
        let op = if k % 2 == 0 { "or" } else { "and" };
        cond = format!("b {op} ({cond})");
    }
    cond
}

/// A matter whose item, field requirement and material all apply under `cond`.
fn matter_with(cond: &str) -> String {
    format!(
        "department d \"部门\"\nmatter m \"事\" {{\n  lead d\n  window d\n  promise 1 workday\n  \
         situation a \"问一\" bool\n  situation b \"问二\" bool\n  item i \"项\" {{\n    department d\n    \
         legal 1 workday\n    promise 1 workday\n    when {cond}\n    form {{\n      \
         x \"字段\" text {{ required when {cond} }}\n    }}\n    \
         material p \"材料\" {{ original 1; when {cond} }}\n  }}\n}}\n"
    )
}

/// Builds `src` into a temporary folder; the exit code, the output and the folder.
fn yjs_build(src: &str) -> (i32, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.yjs");
    std::fs::write(&path, src).expect("write input");
    let out = Command::new(env!("CARGO_BIN_EXE_yjs"))
        .arg("build")
        .arg(&path)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .expect("run yjs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text, dir)
}

/// Every JSON artifact parses within serde_json's recursion limit, and the runtime loads the matter.
fn artifacts_load(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("matter folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&path).expect("read artifact");
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&text);
            assert!(parsed.is_ok(), "{}: {parsed:?}", path.display());
        }
    }
    let loaded = yjs_runtime::artifacts::MatterArtifacts::load(dir);
    assert!(loaded.is_ok(), "{loaded:?}");
}

#[test]
fn thousands_of_nots_are_refused() {
    let cond = format!("{}a", "not ".repeat(5_000));
    let dir = tempfile::tempdir().expect("tempdir");
    let (status, text) = yjs_check(dir.path(), "nots.yjs", matter_with(&cond).as_bytes());
    assert_eq!(status, 1, "{}", &text[..text.len().min(2000)]);
    assert!(text.contains("E0019"), "{}", &text[..text.len().min(2000)]);
}

#[test]
fn nots_inside_sixty_parentheses_are_refused() {
    let cond = format!("{}a{}", "not (".repeat(60), ")".repeat(60));
    expect("notparen.yjs", matter_with(&cond).as_bytes(), "E0019");
}

#[test]
fn one_level_too_deep_is_refused_once_per_condition() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = matter_with(&alternating(33));
    let (status, text) = yjs_check(dir.path(), "deep.yjs", src.as_bytes());
    assert_eq!(status, 1, "{text}");
    // The item's `when`, the field's `required when` and the material's `when`.
    assert_eq!(text.matches("\"E0019\"").count(), 3, "{text}");
}

#[test]
fn the_deepest_condition_accepted_builds_and_its_artifacts_load() {
    let (status, text, dir) = yjs_build(&matter_with(&alternating(32)));
    assert_eq!(status, 0, "{text}");
    artifacts_load(&dir.path().join("out/m"));
}

#[test]
fn long_and_or_chains_check_build_and_their_artifacts_load() {
    // A chain is one flat list: 100,000 operands check without recursion; a build writes each
    // condition several times over (plan, form, projections, guide), so it gets 10,000.
    for op in [" and ", " or "] {
        let chain = vec!["a"; 100_000].join(op);
        let dir = tempfile::tempdir().expect("tempdir");
        let (status, text) = yjs_check(dir.path(), "chain.yjs", matter_with(&chain).as_bytes());
        assert_eq!(status, 0, "{op}: {}", &text[..text.len().min(2000)]);
        let chain = vec!["a"; 10_000].join(op);
        let (status, text, dir) = yjs_build(&matter_with(&chain));
        assert_eq!(status, 0, "{op}: {}", &text[..text.len().min(2000)]);
        artifacts_load(&dir.path().join("out/m"));
    }
    let mixed = vec!["a and not b"; 5_000].join(" or ");
    let (status, text, dir) = yjs_build(&matter_with(&mixed));
    assert_eq!(status, 0, "{}", &text[..text.len().min(2000)]);
    artifacts_load(&dir.path().join("out/m"));
}
