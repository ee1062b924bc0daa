//! One module per subcommand.

pub mod bpmn;
pub mod build;
pub mod calendar;
pub mod case;
pub mod check;
pub mod explain;
pub mod fmt;
pub mod lsp;
pub mod notice;
pub mod output;
pub mod preview;
pub mod serve;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;
use yjs_compiler::diagnostics::Lang;

/// The `--lang` values.
#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    /// 简体中文
    Zh,
    /// English
    En,
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Fixes the language of this run: `--lang` when given, else the locale environment.
pub fn set_lang(arg: Option<LangArg>) {
    let lang = match arg {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    };
    let _ = LANG.set(lang);
}

/// The language diagnostics and messages are written in.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Ends a command that checked sources with `code`, leaving the checked program to the
/// operating system: the process exits next, and the system reclaims its memory at once,
/// while freeing the IR's millions of small allocations one by one (many made on other
/// threads) took about a sixth of `yjs check` on a 1,000-matter catalog (spec/scale.md).
pub fn exit_leaving(checked: yjs_compiler::Checked, code: ExitCode) -> ExitCode {
    std::mem::forget(checked);
    code
}

/// Discovers the `.yjs` files under the given paths (default `dsl-examples`) and checks them;
/// `None` after printing the reason when a path cannot be read (exit code 2).
pub fn check_paths(paths: &[PathBuf]) -> Option<yjs_compiler::Checked> {
    match yjs_compiler::resolve::discover_all(&crate::default_paths(paths)) {
        Ok(found) => {
            let mut checked = yjs_compiler::check(&yjs_compiler::resolve::Disk, &found.roots);
            checked.diagnostics.splice(0..0, found.diagnostics);
            Some(checked)
        }
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}
