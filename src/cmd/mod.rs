//! One module per subcommand.

pub mod bpmn;
pub mod build;
pub mod calendar;
pub mod case;
pub mod check;
pub mod explain;
pub mod fmt;
pub mod lsp;
pub mod notice;
pub mod output;
pub mod preview;
pub mod serve;

use std::path::PathBuf;

/// Discovers the `.yjs` files under the given paths (default `dsl-examples`) and checks them;
/// `None` after printing the reason when a path cannot be read (exit code 2).
pub fn check_paths(paths: &[PathBuf]) -> Option<yjs_compiler::Checked> {
    match yjs_compiler::resolve::discover_all(&crate::default_paths(paths)) {
        Ok(found) => {
            let mut checked = yjs_compiler::check(&yjs_compiler::resolve::Disk, &found.roots);
            checked.diagnostics.splice(0..0, found.diagnostics);
            Some(checked)
        }
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}
