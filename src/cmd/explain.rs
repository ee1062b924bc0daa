//! `yjs explain CODE`: prints the explanation of a diagnostic code.

use std::process::ExitCode;
use yjs_compiler::diagnostics::{explanation, ALL_CODES};

/// Prints the explanation, or lists the codes when the code is unknown (exit 2).
pub fn run(code: &str) -> ExitCode {
    match explanation(code) {
        Some((_, _, text)) => {
            let _ = std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes());
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("error: unknown code `{code}`; the codes are:");
            for (c, title, _) in ALL_CODES {
                eprintln!("  {c}  {title}");
            }
            ExitCode::from(2)
        }
    }
}
