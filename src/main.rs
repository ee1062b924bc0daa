//! The `yjs` command line: check, build, explain, and run cases of 一件事一次办 matters.

mod cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Compiler and runtime for 一件事一次办 government services.
#[derive(Parser, Debug)]
#[command(name = "yjs", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Checks `.yjs` files and prints every problem found.
    Check(cmd::check::CheckArgs),
    /// Prints the explanation of a diagnostic code, e.g. `yjs explain E0104`.
    Explain {
        /// The code, e.g. E0104.
        code: String,
    },
    /// Working-day arithmetic on the official holiday calendar.
    #[command(subcommand)]
    Calendar(cmd::calendar::CalendarCmd),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check(args) => cmd::check::run(&args),
        Command::Explain { code } => cmd::explain::run(&code),
        Command::Calendar(c) => cmd::calendar::run(c),
    }
}

/// The default input when no path is given.
pub fn default_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("dsl-examples")]
    } else {
        paths.to_vec()
    }
}
