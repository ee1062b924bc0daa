//! Layering invariants from ARCHITECTURE.md that a test can check: the runtime never links the
//! compiler, and `syntax` imports nothing of the later stages.

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap_or_default()
}

#[test]
fn runtime_depends_on_artifacts_not_on_the_compiler() {
    let manifest = read("runtime/Cargo.toml");
    assert!(
        manifest.contains("yjs-artifacts"),
        "the runtime reads the artifact types"
    );
    assert!(
        !manifest.contains("yjs-compiler"),
        "the runtime must not depend on the compiler"
    );
}

#[test]
fn syntax_never_reaches_forward() {
    for file in [
        "ast.rs",
        "parser.rs",
        "lex.rs",
        "keywords.rs",
        "diagnostics.rs",
        "mod.rs",
    ] {
        let text = read(&format!("compiler/src/syntax/{file}"));
        assert!(!text.is_empty(), "compiler/src/syntax/{file} exists");
        for later in ["crate::resolve", "crate::check", "crate::ir", "crate::emit"] {
            assert!(
                !text.contains(later),
                "compiler/src/syntax/{file} uses {later}"
            );
        }
    }
}
