//! `yjs check`: parse, resolve and check, then print every diagnostic.

use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use yjs_compiler::diagnostics::{message, render_human_in, render_json_in};

/// How diagnostics are printed.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// For people, with source excerpts (colour only on a terminal).
    Human,
    /// One JSON array, for editors and CI.
    Json,
}

/// Arguments of `yjs check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or directories (searched recursively for `*.yjs`); default `dsl-examples`.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Runs the check; exit 0 without errors, 1 with errors, 2 on usage or I/O problems.
pub fn run(args: &CheckArgs) -> ExitCode {
    let Some(checked) = crate::cmd::check_paths(&args.paths) else {
        return ExitCode::from(2);
    };
    print_diagnostics(&checked.files, &checked.diagnostics, args.format);
    if args.format == Format::Human {
        let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = checked.diagnostics.len() - errors;
        let summary = message(
            crate::cmd::lang(),
            "cli-checked",
            &[
                ("files", checked.files.iter().count().to_string()),
                ("matters", checked.matters.len().to_string()),
                ("errors", errors.to_string()),
                ("warnings", warnings.to_string()),
            ],
        );
        eprintln!("{summary}");
    }
    let code = if checked.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    crate::cmd::exit_leaving(checked, code)
}

/// Prints diagnostics in the chosen format: human text on stderr, JSON on stdout.
pub fn print_diagnostics(
    files: &yjs_compiler::files::Files,
    diags: &[yjs_compiler::diagnostics::Diagnostic],
    format: Format,
) {
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let text = render_human_in(files, diags, color, crate::cmd::lang());
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        // An empty array would claim there is no problem: a failure is said on stderr instead.
        Format::Json => {
            match serde_json::to_string_pretty(&render_json_in(files, diags, crate::cmd::lang())) {
                Ok(json) => {
                    let _ = writeln!(std::io::stdout(), "{json}");
                }
                Err(e) => {
                    eprintln!("error[I0001]: internal error: cannot serialize the diagnostics: {e}")
                }
            }
        }
    }
}
