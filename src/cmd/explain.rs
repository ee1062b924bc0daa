//! `yjs explain CODE`: prints the explanation of a diagnostic code.

use std::process::ExitCode;
use yjs_compiler::diagnostics::{explanation_in, message, Lang, ALL_CODES};

/// Prints the explanation in `lang`, or lists the codes when the code is unknown (exit 2).
pub fn run(code: &str, lang: Lang) -> ExitCode {
    match explanation_in(code, lang) {
        Some((_, _, text)) => {
            let _ = std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes());
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "{}",
                message(lang, "cli-unknown-code", &[("code", code.to_string())])
            );
            for (c, title, _) in ALL_CODES {
                eprintln!("  {c}  {title}");
            }
            ExitCode::from(2)
        }
    }
}
