//! Layering invariants from ARCHITECTURE.md that a test can check: the runtime and the server
//! never link the compiler, and `syntax` imports nothing of the later stages.

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
fn the_server_depends_on_the_runtime_not_on_the_compiler() {
    let manifest = read("server/Cargo.toml");
    assert!(
        manifest.contains("yjs-runtime"),
        "the server serves the runtime"
    );
    assert!(
        !manifest.contains("yjs-compiler"),
        "the server must not depend on the compiler"
    );
}

#[test]
fn syntax_never_reaches_forward() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("compiler/src/syntax");
    let mut seen = 0;
    let mut todo = vec![dir];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                seen += 1;
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                for later in ["crate::resolve", "crate::check", "crate::ir", "crate::emit"] {
                    assert!(!text.contains(later), "{} uses {later}", p.display());
                }
            }
        }
    }
    assert!(
        seen >= 5,
        "found only {seen} files under compiler/src/syntax"
    );
}
