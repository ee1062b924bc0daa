//! `yjs fmt`: rewrites `.yjs` files in the one canonical layout, or checks that they are.

use clap::{Args, ValueEnum};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yjs_compiler::files::Files;
use yjs_compiler::format::{format_file, Keywords, Options};

/// The keyword language `--keywords` asks for.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Lang {
    /// English keywords: `promise 5 workdays`.
    En,
    /// Chinese keywords: `承诺 5 工作日`.
    Zh,
}

/// Arguments of `yjs fmt`.
#[derive(Args, Debug)]
pub struct FmtArgs {
    /// Files or directories (searched recursively for `*.yjs`); default `dsl-examples`;
    /// `-` formats standard input to standard output.
    pub paths: Vec<PathBuf>,
    /// Changes nothing: lists the files that are not formatted and exits 1 if there are any.
    #[arg(long)]
    pub check: bool,
    /// Converts keywords to one language (default: keep the spelling each file uses).
    #[arg(long, value_enum)]
    pub keywords: Option<Lang>,
}

/// Formats; exit 0 when done (or, with `--check`, when every file is formatted), 1 when a
/// file has syntax errors or is not formatted, 2 on usage or I/O problems. A file with
/// errors stops the whole run before anything is written.
pub fn run(args: &FmtArgs) -> ExitCode {
    let options = Options {
        keywords: match args.keywords {
            None => Keywords::Keep,
            Some(Lang::En) => Keywords::English,
            Some(Lang::Zh) => Keywords::Chinese,
        },
    };
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        return stdin(args, options);
    }
    let roots = match yjs_compiler::resolve::discover(&crate::default_paths(&args.paths)) {
        Ok(roots) => roots,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut files = Files::new();
    let mut diags = Vec::new();
    let mut changed: Vec<(PathBuf, String)> = Vec::new();
    for path in &roots {
        // Only regular files, read up to the size limit: a FIFO or /dev/zero never hangs fmt.
        let bytes =
            match yjs_compiler::resolve::read_regular(path, yjs_compiler::syntax::MAX_FILE_BYTES) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("error: cannot read {}: {e}", path.display());
                    return ExitCode::from(2);
                }
            };
        let before = bytes.clone();
        match format_file(&mut files, &path.display().to_string(), bytes, options) {
            Ok(text) if text.as_bytes() != before => changed.push((path.clone(), text)),
            Ok(_) => {}
            Err(d) => diags.extend(d),
        }
    }
    if !diags.is_empty() {
        crate::cmd::check::print_diagnostics(&files, &diags, crate::cmd::check::Format::Human);
        eprintln!("nothing was written: fix the syntax errors above first");
        return ExitCode::from(1);
    }
    if args.check {
        for (path, _) in &changed {
            println!("{}", path.display());
        }
        if changed.is_empty() {
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "{} of {} file(s) are not formatted; run `yjs fmt` to format them",
            changed.len(),
            roots.len()
        );
        return ExitCode::from(1);
    }
    for (path, text) in &changed {
        if let Err(e) = write(path, text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    eprintln!("formatted {} of {} file(s)", changed.len(), roots.len());
    ExitCode::SUCCESS
}

/// `yjs fmt -`: standard input to standard output (for editors and pipes).
fn stdin(args: &FmtArgs, options: Options) -> ExitCode {
    if args.paths.len() > 1 {
        eprintln!("error: `-` (standard input) cannot be combined with other paths");
        return ExitCode::from(2);
    }
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("error: cannot read standard input: {e}");
        return ExitCode::from(2);
    }
    let mut files = Files::new();
    let before = bytes.clone();
    match format_file(&mut files, "<stdin>", bytes, options) {
        Ok(text) => {
            if args.check {
                return if text.as_bytes() == before {
                    ExitCode::SUCCESS
                } else {
                    println!("<stdin>");
                    ExitCode::from(1)
                };
            }
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(d) => {
            crate::cmd::check::print_diagnostics(&files, &d, crate::cmd::check::Format::Human);
            ExitCode::from(1)
        }
    }
}

/// Replaces a file through a temporary file in its folder, so a failed write leaves it whole.
fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = dir
        .unwrap_or(Path::new("."))
        .join(format!(".{}.yjs-fmt", name.unwrap_or_default()));
    std::fs::write(&tmp, text)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
