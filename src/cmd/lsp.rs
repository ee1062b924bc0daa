//! `yjs lsp`: the language server on standard input and output (the `yjs-lsp` crate).

use std::process::ExitCode;

/// Serves until the client exits; exit 2 when the connection fails.
pub fn run() -> ExitCode {
    match yjs_lsp::run_stdio() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: the language server stopped: {e}");
            ExitCode::from(2)
        }
    }
}
