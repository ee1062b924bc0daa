//! `yjs build`: check, then write every artifact of every matter under `--out`, replacing
//! only what an earlier build wrote (`output.rs`).

use crate::cmd::check::{print_diagnostics, Format};
use crate::cmd::output::{Output, OutputError};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yjs_compiler::StreamError;

/// Arguments of `yjs build`.
#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Files or directories (searched recursively for `*.yjs`); default `dsl-examples`.
    pub paths: Vec<PathBuf>,
    /// The output folder; one sub-folder per matter is written in it.
    #[arg(long, default_value = "generated")]
    pub out: PathBuf,
    /// Diagnostic format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Builds; exit 0 when written, 1 when the input has errors, 2 on I/O problems.
pub fn run(args: &BuildArgs) -> ExitCode {
    let Some(checked) = crate::cmd::check_paths(&args.paths) else {
        return ExitCode::from(2);
    };
    let code = build(args, &checked);
    crate::cmd::exit_leaving(checked, code)
}

/// Prints the diagnostics and, when there is no error, writes every artifact.
fn build(args: &BuildArgs, checked: &yjs_compiler::Checked) -> ExitCode {
    print_diagnostics(&checked.files, &checked.diagnostics, args.format);
    if checked.has_errors() {
        eprintln!("error: nothing was written because the input has errors");
        return ExitCode::from(1);
    }
    let mut output = match Output::open(&args.out) {
        Ok(output) => output,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    // Every matter is written into its own folder of the staging area as it is emitted, the
    // matters in parallel; its material templates first, as read when the sources were
    // checked (spec/guide.md).
    let mut top = output.writer();
    let result = yjs_compiler::emit_streaming(
        checked,
        |ir| {
            let mut writer = output.writer();
            for (path, bytes) in yjs_compiler::emit::templates(ir) {
                writer.file(&path, &bytes)?;
            }
            Ok(writer)
        },
        &mut top,
    );
    // On any error `output` is dropped without committing: its staging folder is removed and
    // the output folder is as it was.
    let result = result
        .map_err(|e| match e {
            StreamError::Emit(e) => Failed::Emit(e),
            StreamError::Sink(e) => Failed::Output(e),
        })
        .and_then(|writers| {
            let mut written = 0;
            for writer in writers.into_iter().chain([top]) {
                written += output.keep(writer);
            }
            output.commit().map_err(Failed::Output)?;
            Ok(written)
        });
    match result {
        Ok(written) => {
            eprintln!(
                "wrote {written} file(s) for {} matter(s) to {}",
                checked.matters.len(),
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(Failed::Emit(e)) => {
            print_diagnostics(&checked.files, &[e.diagnostic()], args.format);
            eprintln!("error: nothing was written");
            ExitCode::from(2)
        }
        Err(Failed::Output(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Why a build wrote nothing after the check passed.
enum Failed {
    Emit(yjs_compiler::emit::EmitError),
    Output(OutputError),
}

/// `yjs schemas`: writes the JSON Schemas of the artifact types and the OpenAPI document of
/// `yjs serve`.
pub fn schemas(out: &Path) -> ExitCode {
    let mut files = match yjs_compiler::artifact_schemas() {
        Ok(files) => files,
        Err(e) => {
            let files = yjs_compiler::files::Files::new();
            print_diagnostics(&files, &[e.diagnostic()], Format::Human);
            return ExitCode::from(2);
        }
    };
    files.insert("openapi.json".to_owned(), yjs_server::openapi_json());
    for (name, contents) in &files {
        let target = out.join(name);
        if let Err(e) = std::fs::create_dir_all(out).and_then(|_| std::fs::write(&target, contents))
        {
            eprintln!("error: cannot write `{}`: {e}", target.display());
            return ExitCode::from(2);
        }
    }
    eprintln!("wrote {} schema(s) to {}", files.len(), out.display());
    ExitCode::SUCCESS
}
