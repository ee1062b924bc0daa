//! `yjs notice`: prints the one-time notice (一次告知单) for one set of situation answers.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;
use yjs_artifacts::{Answer, Answers};
use yjs_compiler::emit::guide::NoticeError;

/// Arguments of `yjs notice`.
#[derive(Args, Debug)]
pub struct NoticeArgs {
    /// The files or directories holding the matter.
    pub paths: Vec<PathBuf>,
    /// The matter id.
    #[arg(long)]
    pub matter: String,
    /// An answer `SITUATION=VALUE` (`true`/`false` or `是`/`否` for yes/no situations); repeat for
    /// each situation.
    #[arg(long = "answer", value_name = "SITUATION=VALUE")]
    pub answers: Vec<String>,
    /// `markdown` or `html`.
    #[arg(long, default_value = "markdown", value_parser = ["markdown", "html"])]
    pub format: String,
}

/// Prints the notice; exit 1 for an unknown matter, situation or value, 2 on usage problems.
pub fn run(args: &NoticeArgs) -> ExitCode {
    let Some(checked) = crate::cmd::check_paths(&args.paths) else {
        return ExitCode::from(2);
    };
    if checked.has_errors() {
        crate::cmd::check::print_diagnostics(
            &checked.files,
            &checked.diagnostics,
            crate::cmd::check::Format::Human,
        );
        return ExitCode::from(1);
    }
    let Some(ir) = checked.matter(&args.matter) else {
        let ids: Vec<&str> = checked.matters.iter().map(|m| m.id()).collect();
        eprintln!(
            "error: unknown matter `{}`; the matters are: {}",
            args.matter,
            ids.join(", ")
        );
        return ExitCode::from(1);
    };
    let mut answers = Answers::new();
    for a in &args.answers {
        let Some((k, v)) = a.split_once('=') else {
            eprintln!("error: `--answer {a}` must be SITUATION=VALUE");
            return ExitCode::from(2);
        };
        // The notice reads `是`/`否` (and `true`/`false`) for a yes/no situation itself.
        answers.insert(k.to_string(), Answer::Option(v.to_string()));
    }
    match yjs_compiler::emit::guide::notice(ir, &answers, args.format == "html") {
        Ok(text) => {
            let _ = std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(NoticeError::Guide(e)) => {
            let internal = yjs_compiler::EmitError::Guide(e).in_matter(&args.matter);
            crate::cmd::check::print_diagnostics(
                &checked.files,
                &[internal.diagnostic()],
                crate::cmd::check::Format::Human,
            );
            ExitCode::from(2)
        }
        Err(e) => {
            for p in e.problems() {
                eprintln!("error: {p}");
            }
            ExitCode::from(1)
        }
    }
}
