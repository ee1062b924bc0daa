//! `yjs build`: check, then write every artifact of every matter under `--out`.

use crate::cmd::check::{print_diagnostics, Format};
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
    print_diagnostics(&checked.files, &checked.diagnostics, args.format);
    if checked.has_errors() {
        eprintln!("error: nothing was written because the input has errors");
        return ExitCode::from(1);
    }
    let mut written = 0;
    let result = yjs_compiler::emit_streaming(&checked, |files| {
        written += files.len();
        write_files(&args.out, &files)
    });
    match result {
        Ok(()) => {
            eprintln!(
                "wrote {written} file(s) for {} matter(s) to {}",
                checked.matters.len(),
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(StreamError::Emit(e)) => {
            print_diagnostics(&checked.files, &[e.diagnostic()], args.format);
            ExitCode::from(2)
        }
        Err(StreamError::Sink(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes one matter's files under `out` (or `index.md`), first removing the matter folder
/// they replace, so no stale file of an earlier build stays.
pub fn write_files(out: &Path, files: &[(String, String)]) -> Result<(), String> {
    let mut dirs: Vec<&str> = files
        .iter()
        .filter_map(|(k, _)| k.split_once('/').map(|(d, _)| d))
        .collect();
    dirs.dedup();
    for d in dirs {
        let dir = out.join(d);
        if dir.is_dir() {
            std::fs::remove_dir_all(&dir)
                .map_err(|e| format!("cannot clear `{}`: {e}", dir.display()))?;
        }
    }
    for (path, contents) in files {
        let target = out.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
        }
        std::fs::write(&target, contents)
            .map_err(|e| format!("cannot write `{}`: {e}", target.display()))?;
    }
    Ok(())
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
