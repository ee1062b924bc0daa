//! The yjs compiler: `.yjs` sources to merged forms, routing plans and service guides.
//!
//! The pipeline, one call per stage (see ARCHITECTURE.md); each stage imports only the ones
//! before it and the bottom modules (`files`, `diagnostics`, `par`, `types`):
//!
//! | stage   | module    | input → output |
//! |---------|-----------|----------------|
//! | parse   | `syntax`  | text → spanned AST (never fails) |
//! | resolve | `resolve` | ASTs → `Program`: resolve's own model, names are typed ids, `use` files loaded |
//! | check   | `check`   | `Program` → diagnostics + check's analysis: unified fields, graph, schedules, scenarios |
//! | lower   | `lower`   | `Program` + analysis → `ir::MatterIr`: merged form, plan, documents |
//! | emit    | `emit`    | IR → artifact files: form, plan, guide |

#![forbid(unsafe_code)]

// pest without its `std` feature (no per-rule stack probe; see spec/scale.md) generates
// code that names `alloc::`.
extern crate alloc;

pub mod check;
pub mod diagnostics;
pub mod emit;
pub mod files;
pub mod format;
pub mod ir;
pub mod lower;
mod par;
pub mod resolve;
pub mod syntax;
pub mod types;

pub use emit::{EmitError, StreamError};
pub use ir::MatterIr;

use diagnostics::Diagnostic;
use files::Files;
use resolve::{Program, Source};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The result of checking sources: the model, each matter's IR and every diagnostic, sorted.
pub struct Checked {
    pub files: Files,
    pub program: Program,
    /// One per matter of `program`, in the same order.
    pub matters: Vec<MatterIr>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The IR of the matter with this id.
    pub fn matter(&self, id: &str) -> Option<&MatterIr> {
        self.matters.iter().find(|m| m.id() == id)
    }
}

/// Parses, resolves, checks and lowers the given root files and everything they use.
pub fn check(source: &dyn Source, roots: &[PathBuf]) -> Checked {
    // parse + resolve: `load` parses every file it reads.
    let (loaded, mut diags) = resolve::load(source, roots);
    let (mut program, more) = resolve::resolve(&loaded);
    diags.extend(more);
    diags.extend(resolve::read_templates(source, &loaded.files, &mut program));
    // The model owns what it needs; the ASTs are the largest structure, so free them now.
    let resolve::Loaded { files, asts, .. } = loaded;
    drop(asts);
    diags.extend(check::program(&files, &program));
    // Matters are independent once resolved: check and lower them in parallel, keeping
    // declaration order. Each analysis is dropped as soon as its matter is lowered.
    let per_matter = par::map(&program.matters, |m| {
        let (analysis, d) = check::matter(&files, &program, m);
        (lower::matter(&files, &program, m, analysis), d)
    });
    let mut matters = Vec::with_capacity(per_matter.len());
    for (ir, d) in per_matter {
        diags.extend(d);
        matters.push(ir);
    }
    quiet_broken_files(&mut diags);
    diagnostics::sort(&mut diags);
    Checked {
        files,
        program,
        matters,
        diagnostics: diags,
    }
}

/// Drops the warnings of files with syntax errors: a statement that could not be read leaves the
/// model incomplete, so "unused" lints there would blame the analyst for the parser's gap. They
/// come back once the file parses.
fn quiet_broken_files(diags: &mut Vec<Diagnostic>) {
    let broken: std::collections::BTreeSet<files::FileId> = diags
        .iter()
        .filter(|d| d.is_error() && d.code.0.starts_with("E00"))
        .filter_map(|d| d.primary.as_ref().map(|l| l.span.file))
        .collect();
    if broken.is_empty() {
        return;
    }
    diags.retain(|d| {
        d.is_error()
            || d.primary
                .as_ref()
                .is_none_or(|l| !broken.contains(&l.span.file))
    });
}

/// The artifacts of a build, by path relative to the output folder.
pub type Artifacts = BTreeMap<String, String>;

/// Emits every artifact of a checked program into memory ([`emit_streaming`] with
/// [`emit::Memory`] sinks); call only when it has no errors.
pub fn emit(checked: &Checked) -> Result<Artifacts, EmitError> {
    let mut top = emit::Memory::default();
    let matters = emit_streaming(checked, |_| Ok(emit::Memory::default()), &mut top)
        .map_err(StreamError::emitting)?;
    let mut out = Artifacts::new();
    for memory in matters.into_iter().chain([top]) {
        out.extend(memory.into_files()?);
    }
    Ok(out)
}

/// Emits every artifact of a checked program into sinks, each file written as it is produced,
/// so a build never holds an artifact's whole text: the matters in parallel, each into the
/// sink `open` makes for it, then `index.md` and `formats.mjs` into `top`. Returns the
/// matters' sinks in declaration order; on a failure, the first in that order.
pub fn emit_streaming<S>(
    checked: &Checked,
    open: impl Fn(&MatterIr) -> Result<S, S::Error> + Sync,
    top: &mut S,
) -> Result<Vec<S>, StreamError<S::Error>>
where
    S: emit::Sink + Send,
    S::Error: Send,
{
    let sinks = par::map(&checked.matters, |ir| -> Result<S, StreamError<S::Error>> {
        let mut sink = open(ir).map_err(StreamError::Sink)?;
        emit::matter_into(ir, &mut sink)?;
        Ok(sink)
    })
    .into_iter()
    .collect::<Result<Vec<S>, _>>()?;
    emit::top_into(&checked.matters, top)?;
    Ok(sinks)
}

/// The JSON Schemas of the artifact types, by file name under `spec/schemas/`.
pub fn artifact_schemas() -> Result<Artifacts, EmitError> {
    let mut out = Artifacts::new();
    out.insert("plan.schema.json".to_string(), emit::plan::plan_schema()?);
    out.insert(
        "projections.schema.json".to_string(),
        emit::form::projections_schema()?,
    );
    out.insert(
        "form.sources.schema.json".to_string(),
        emit::form::sources_schema()?,
    );
    out.insert(
        "form.i18n.schema.json".to_string(),
        emit::form::messages_schema()?,
    );
    Ok(out)
}
