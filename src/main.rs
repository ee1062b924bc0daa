//! The `yjs` command line: check, build, explain, and run cases of 一件事一次办 matters.

#![forbid(unsafe_code)]

mod cmd;

/// The compiler allocates many small strings and trees; mimalloc is markedly faster than the
/// system allocator on them, and its v2 line than v3 on a run this short: v3 touches more
/// fresh memory, which the kernel must zero (see spec/scale.md for the figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Compiler and runtime for 一件事一次办 government services.
#[derive(Parser, Debug)]
#[command(name = "yjs", version, about)]
struct Cli {
    /// Language of diagnostics and messages (default: from LC_ALL / LC_MESSAGES / LANG, else en).
    #[arg(long, global = true, value_enum)]
    lang: Option<cmd::LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Checks `.yjs` files and prints every problem found.
    Check(cmd::check::CheckArgs),
    /// Checks, then writes every artifact of every matter (form, plan, guide) under `--out`.
    Build(cmd::build::BuildArgs),
    /// Prints the one-time notice (一次告知单) for one set of situation answers.
    Notice(cmd::notice::NoticeArgs),
    /// Prints one matter's plan as a BPMN 2.0 process for Camunda 8 (`plan.bpmn`).
    Bpmn(cmd::bpmn::BpmnArgs),
    /// Writes the JSON Schemas of the artifacts (default `spec/schemas`).
    Schemas {
        /// The output folder.
        #[arg(long, default_value = "spec/schemas")]
        out: PathBuf,
    },
    /// Rewrites `.yjs` files in the canonical layout (`--check` only lists the ones that differ).
    Fmt(cmd::fmt::FmtArgs),
    /// Runs the language server on standard input and output (for editors).
    Lsp,
    /// Serves a live preview of every matter (form, flow, guide, notices) on 127.0.0.1.
    Preview(cmd::preview::PreviewArgs),
    /// Prints the explanation of a diagnostic code, e.g. `yjs explain E0104`.
    Explain {
        /// The code, e.g. E0104.
        code: String,
    },
    /// Runs cases of a compiled matter: submit, events, clocks and supervision.
    Case(cmd::case::CaseArgs),
    /// Runs the hall's HTTP service (API, pages) over the cases, or manages its users.
    Serve(cmd::serve::ServeArgs),
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
    cmd::set_lang(cli.lang);
    match cli.command {
        Command::Check(args) => cmd::check::run(&args),
        Command::Build(args) => cmd::build::run(&args),
        Command::Notice(args) => cmd::notice::run(&args),
        Command::Bpmn(args) => cmd::bpmn::run(&args),
        Command::Schemas { out } => cmd::build::schemas(&out),
        Command::Fmt(args) => cmd::fmt::run(&args),
        Command::Lsp => cmd::lsp::run(),
        Command::Preview(args) => cmd::preview::run(&args),
        Command::Explain { code } => cmd::explain::run(&code, cmd::lang()),
        Command::Calendar(c) => cmd::calendar::run(c),
        Command::Case(c) => cmd::case::run(c),
        Command::Serve(args) => cmd::serve::run(args),
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
