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
