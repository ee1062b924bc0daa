//! UI tests: every `tests/ui/pass/*.yjs` checks clean, every `tests/ui/fail/*.yjs` fails; both are snapshotted,
//! in English and (a second snapshot set, `ui__*_in_chinese@*`) in Chinese.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use yjs_compiler::diagnostics::{render_human, render_human_in, Lang};
use yjs_compiler::resolve::Disk;

fn relative(path: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

fn snapshot(path: &Path) -> (String, bool) {
    let rel = relative(path);
    let checked = yjs_compiler::check(&Disk, std::slice::from_ref(&rel));
    let source = std::fs::read_to_string(path).unwrap_or_default();
    // The source lints (W04xx: a limit, fee or code without its source) would repeat on nearly
    // every case; only a case that exists for a 04xx code shows them. tests/examples.rs pins the
    // sample's exact set.
    let sources_case = header_code(path).is_some_and(|c| c.get(1..3) == Some("04"));
    let shown: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| sources_case || !d.code.0.starts_with("W04"))
        .cloned()
        .collect();
    let rendered = render_human(&checked.files, &shown, false);
    (
        format!("----- SOURCE\n{source}----- DIAGNOSTICS\n{rendered}"),
        checked.has_errors(),
    )
}

/// The code a case exists for, from its first line `// CODE: …`.
fn header_code(path: &Path) -> Option<String> {
    let source = std::fs::read_to_string(path).ok()?;
    let rest = source.lines().next()?.strip_prefix("// ")?;
    let code = rest.split(':').next()?;
    let digits = code
        .get(1..)
        .is_some_and(|d| d.chars().all(|c| c.is_ascii_digit()));
    (code.len() == 5 && code.starts_with(['E', 'W']) && digits).then(|| code.to_string())
}

/// Asserts that a case produced the code its header names, if it names one.
fn assert_header_code(path: &Path, snap: &str) {
    if let Some(code) = header_code(path) {
        assert!(
            snap.contains(&format!("[{code}]")),
            "{} must produce {code}:\n{snap}",
            path.display()
        );
    }
}

#[test]
fn pass_cases_have_no_errors() {
    insta::glob!("ui/pass/*.yjs", |path| {
        let (snap, has_errors) = snapshot(path);
        assert!(
            !has_errors,
            "{} must compile without errors:\n{snap}",
            path.display()
        );
        // A warning case names its code in its first line: `// W0202: …`.
        assert_header_code(path, &snap);
        insta::assert_snapshot!(snap);
    });
}

#[test]
fn fail_cases_have_errors() {
    insta::glob!("ui/fail/*.yjs", |path| {
        let (snap, has_errors) = snapshot(path);
        assert!(has_errors, "{} must fail:\n{snap}", path.display());
        // A fail case names the code it exists for in its first line: `// E0104: …`.
        assert_header_code(path, &snap);
        insta::assert_snapshot!(snap);
    });
}

/// The diagnostics of a case rendered in Chinese, through the same renderer.
fn snapshot_zh(path: &Path) -> String {
    let rel = relative(path);
    let checked = yjs_compiler::check(&Disk, std::slice::from_ref(&rel));
    let rendered = render_human_in(&checked.files, &checked.diagnostics, false, Lang::Zh);
    format!("----- DIAGNOSTICS (zh)\n{rendered}")
}

#[test]
fn fail_cases_in_chinese() {
    insta::glob!("ui/fail/*.yjs", |path| {
        insta::assert_snapshot!(snapshot_zh(path));
    });
}

#[test]
fn pass_cases_in_chinese() {
    insta::glob!("ui/pass/*.yjs", |path| {
        insta::assert_snapshot!(snapshot_zh(path));
    });
}
