//! `yjs check`: parse, resolve and check, then print every diagnostic.

use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use yjs_compiler::diagnostics::{render_human, render_json};

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
        eprintln!(
            "checked {} file(s), {} matter(s): {errors} error(s), {warnings} warning(s)",
            checked.files.iter().count(),
            checked.matters.len()
        );
    }
    if checked.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
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
            let text = render_human(files, diags, color);
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        // An empty array would claim there is no problem: a failure is said on stderr instead.
        Format::Json => match serde_json::to_string_pretty(&render_json(files, diags)) {
            Ok(json) => {
                let _ = writeln!(std::io::stdout(), "{json}");
            }
            Err(e) => {
                eprintln!("error[I0001]: internal error: cannot serialize the diagnostics: {e}")
            }
        },
    }
}
