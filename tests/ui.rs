//! UI tests: every `tests/ui/pass/*.yjs` checks clean, every `tests/ui/fail/*.yjs` fails; both are snapshotted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use yjs_compiler::diagnostics::render_human;
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
    let rendered = render_human(&checked.files, &checked.diagnostics, false);
    (
        format!("----- SOURCE\n{source}----- DIAGNOSTICS\n{rendered}"),
        checked.has_errors(),
    )
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
        insta::assert_snapshot!(snap);
    });
}

#[test]
fn fail_cases_have_errors() {
    insta::glob!("ui/fail/*.yjs", |path| {
        let (snap, has_errors) = snapshot(path);
        assert!(has_errors, "{} must fail:\n{snap}", path.display());
        // A fail case names the code it exists for in its first line: `// E0104: …`.
        let source = std::fs::read_to_string(path).unwrap_or_default();
        if let Some(code) = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// "))
            .and_then(|l| l.split(':').next())
        {
            assert!(
                snap.contains(&format!("[{code}]")),
                "{} must produce {code}:\n{snap}",
                path.display()
            );
        }
        insta::assert_snapshot!(snap);
    });
}
