//! The yjs compiler: `.yjs` sources to merged forms, routing plans and service guides.
//!
//! The pipeline, one call per stage (see ARCHITECTURE.md):
//!
//! | stage   | module    | input → output |
//! |---------|-----------|----------------|
//! | parse   | `syntax`  | text → spanned AST (never fails) |
//! | resolve | `resolve` | ASTs → `Program`: names are indexes, `use` files loaded |

// pest without its `std` feature (no per-rule stack probe; see spec/scale.md) generates
// code that names `alloc::`.
extern crate alloc;

pub mod diagnostics;
pub mod files;
pub mod resolve;
pub mod syntax;

use diagnostics::Diagnostic;
use files::Files;
use resolve::{Program, Source};
use std::path::PathBuf;

/// The result of checking sources: the model and every diagnostic, sorted.
pub struct Checked {
    pub files: Files,
    pub program: Program,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses, resolves and checks the given root files and everything they use.
pub fn check(source: &dyn Source, roots: &[PathBuf]) -> Checked {
    let (loaded, mut diags) = resolve::load(source, roots);
    let (program, more) = resolve::resolve(&loaded);
    diags.extend(more);
    diagnostics::sort(&mut diags);
    Checked {
        files: loaded.files,
        program,
        diagnostics: diags,
    }
}
