//! `yjs bpmn`: prints one matter's `plan.bpmn`, the plan as a Camunda 8 process (spec/bpmn.md).

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `yjs bpmn`.
#[derive(Args, Debug)]
pub struct BpmnArgs {
    /// The files or directories holding the matter.
    pub paths: Vec<PathBuf>,
    /// The matter id.
    #[arg(long)]
    pub matter: String,
}

/// Prints the process; exit 1 when the sources have errors or the matter is unknown, 2 on
/// usage problems and internal errors.
pub fn run(args: &BpmnArgs) -> ExitCode {
    let Some(checked) = crate::cmd::check_paths(&args.paths) else {
        return ExitCode::from(2);
    };
    let print = |diags: &[yjs_compiler::diagnostics::Diagnostic]| {
        crate::cmd::check::print_diagnostics(
            &checked.files,
            diags,
            crate::cmd::check::Format::Human,
        );
    };
    if checked.has_errors() {
        print(&checked.diagnostics);
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
    match yjs_compiler::emit::bpmn::matter(ir) {
        Ok(xml) => {
            let _ = std::io::Write::write_all(&mut std::io::stdout(), xml.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            print(&[e.diagnostic()]);
            ExitCode::from(2)
        }
    }
}
