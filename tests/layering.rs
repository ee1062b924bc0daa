//! Layering invariants from ARCHITECTURE.md, checked on the source text: each compiler stage
//! names only the stages before it (and the bottom modules), `ir` names no stage, no AST type
//! passes `resolve`, the runtime and the server never link the compiler, and `yjs-artifacts`
//! links neither.

use std::path::{Path, PathBuf};

/// The modules under `compiler/src/` that every module may name: they name only each other.
const BOTTOM: &[&str] = &["files", "diagnostics", "par", "types"];

/// Each layered module of the compiler with the modules (besides itself and the bottom ones)
/// its files may name. The stages run syntax → resolve → check → lower → emit; `ir` is the
/// data `lower` builds and `emit` reads. Only `resolve` sees the AST, and `emit` sees only IR.
const LAYERS: &[(&str, &[&str])] = &[
    ("syntax", &[]),
    ("resolve", &["syntax"]),
    ("check", &["resolve"]),
    ("ir", &[]),
    ("lower", &["resolve", "check", "ir"]),
    ("emit", &["ir"]),
    ("format", &["syntax"]),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_default()
}

/// The modules a file of `module` may name with `crate::`.
fn allowed(module: &str) -> Option<Vec<&'static str>> {
    if let Some(m) = BOTTOM.iter().find(|b| **b == module) {
        return Some(BOTTOM.iter().copied().chain([*m]).collect());
    }
    let (name, may) = LAYERS.iter().find(|(name, _)| *name == module)?;
    Some(
        BOTTOM
            .iter()
            .chain(may.iter())
            .copied()
            .chain([*name])
            .collect(),
    )
}

/// The problems of one file of `module`, `depth` modules below it (0 for `module/mod.rs` or
/// `module.rs`, 1 for `module/x.rs`, …): every `crate::` path to a module it may not name,
/// and every `super::` chain that climbs out of the module. An inline `mod x {` (such as
/// `mod tests`) is one level deeper for the lines after it.
fn violations(module: &str, depth: usize, text: &str) -> Vec<String> {
    let mut depth = depth;
    let Some(ok) = allowed(module) else {
        return vec![format!(
            "`{module}` is not in the layering table of tests/layering.rs"
        )];
    };
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        // Comments may name any module; code may not.
        let code = line.split("//").next().unwrap_or("");
        let head = code.trim_start().trim_start_matches("pub ");
        if head.starts_with("mod ") && head.ends_with('{') {
            depth += 1;
        }
        for (at, _) in code.match_indices("crate::") {
            let named: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !ok.contains(&named.as_str()) {
                out.push(format!("line {}: `{module}` names `crate::{named}`", n + 1));
            }
        }
        let mut rest = code;
        while let Some(at) = rest.find("super::") {
            let chain = &rest[at..];
            let ups = chain
                .split("::")
                .take_while(|part| part.trim_start_matches("use ") == "super")
                .count();
            if ups > depth {
                out.push(format!(
                    "line {}: `{}` climbs out of `{module}`",
                    n + 1,
                    "super::".repeat(ups)
                ));
            }
            rest = &chain["super::".len() * ups.max(1)..];
        }
    }
    out
}

/// Every `.rs` file under `dir`, with its depth below the module `dir` is.
fn rust_files(dir: &Path) -> Vec<(PathBuf, usize)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let rel = p.strip_prefix(dir).unwrap_or(&p);
                let parts = rel.components().count();
                let depth = if p.file_name().is_some_and(|n| n == "mod.rs") {
                    parts - 1
                } else {
                    parts
                };
                out.push((p, depth));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_compiler_module_names_only_the_layers_below_it() {
    let src = root().join("compiler/src");
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(&src).into_iter().flatten().flatten() {
        let p = entry.path();
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name == "lib" {
            continue; // The pipeline calls every stage.
        }
        let files = if p.is_dir() {
            rust_files(&p)
        } else if p.extension().is_some_and(|e| e == "rs") {
            vec![(p.clone(), 0)]
        } else {
            continue;
        };
        for (file, depth) in &files {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            for v in violations(&name, *depth, &text) {
                problems.push(format!("{}: {v}", file.display()));
            }
        }
        seen.insert(name, files.len());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for (module, _) in LAYERS {
        let n = seen.get(*module).copied().unwrap_or(0);
        assert!(n > 0, "no file found for the layer `{module}`");
    }
}

#[test]
fn the_checker_catches_an_import_that_runs_back_up() {
    assert!(violations("check", 2, "use crate::resolve::Matter;\nuse super::fit;\n").is_empty());
    let back = violations(
        "check",
        2,
        "use crate::resolve::Matter;\nuse crate::ir::form::Form;\n",
    );
    assert_eq!(back, ["line 2: `check` names `crate::ir`"]);
    assert_eq!(
        violations("emit", 1, "    let p = crate::resolve::Program::default();"),
        ["line 1: `emit` names `crate::resolve`"]
    );
    assert_eq!(
        violations("lower", 1, "use crate::syntax::ast::Fee;"),
        ["line 1: `lower` names `crate::syntax`"],
        "no AST type past resolve"
    );
    assert_eq!(
        violations("ir", 1, "use crate::check::plan::Analysis;"),
        ["line 1: `ir` names `crate::check`"]
    );
    assert_eq!(
        violations("syntax", 2, "use crate::emit::guide;"),
        ["line 1: `syntax` names `crate::emit`"]
    );
    assert_eq!(
        violations("emit", 1, "use super::super::check::Analysis;"),
        ["line 1: `super::super::` climbs out of `emit`"]
    );
    assert!(violations("emit", 2, "use super::super::ir::MatterIr;").is_empty());
    assert_eq!(
        violations("files", 0, "use crate::resolve::Span;"),
        ["line 1: `files` names `crate::resolve`"]
    );
    assert!(violations("check", 1, "// see crate::emit::guide").is_empty());
    assert!(violations("types", 0, "mod tests {\n    use super::*;\n}").is_empty());
    assert_eq!(
        violations("types", 0, "use super::*;"),
        ["line 1: `super::` climbs out of `types`"]
    );
    assert_eq!(
        violations("cst", 0, ""),
        ["`cst` is not in the layering table of tests/layering.rs"]
    );
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
fn artifacts_depend_on_neither_compiler_nor_runtime() {
    let manifest = read("artifacts/Cargo.toml");
    assert!(
        manifest.contains("[package]"),
        "artifacts/Cargo.toml is read"
    );
    for other in ["yjs-compiler", "yjs-runtime"] {
        assert!(
            !manifest.contains(other),
            "yjs-artifacts must not depend on {other}"
        );
    }
}
