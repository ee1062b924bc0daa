//! The yjs compiler: `.yjs` sources to merged forms, routing plans and service guides.
//!
//! The pipeline, one call per stage (see ARCHITECTURE.md):
//!
//! | stage   | module    | input → output |
//! |---------|-----------|----------------|
//! | parse   | `syntax`  | text → spanned AST (never fails) |
//! | resolve | `resolve` | ASTs → `Program`: names are indexes, `use` files loaded |
//! | check   | `check`   | `Program` → diagnostics: types, unification, graph, deadlines |
//! | lower   | `ir`      | checked matter → merged form IR and plan IR |
//! | emit    | `emit`    | IR → artifact files: form, plan, guide |

#![forbid(unsafe_code)]

// pest without its `std` feature (no per-rule stack probe; see spec/scale.md) generates
// code that names `alloc::`.
extern crate alloc;

pub mod check;
pub mod diagnostics;
pub mod emit;
pub mod files;
pub mod ir;
mod par;
pub mod resolve;
pub mod syntax;

use diagnostics::Diagnostic;
use files::Files;
use resolve::{Program, Source};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One matter's IR: its merged form and its plan.
pub struct MatterIr {
    pub form: ir::form::Form,
    pub plan: ir::plan::PlanIr,
}

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
}

/// Parses, resolves, checks and lowers the given root files and everything they use.
pub fn check(source: &dyn Source, roots: &[PathBuf]) -> Checked {
    let (loaded, mut diags) = resolve::load(source, roots);
    let (program, more) = resolve::resolve(&loaded);
    // The model owns what it needs; the ASTs are the largest structure, so free them now.
    let resolve::Loaded { files, asts, .. } = loaded;
    drop(asts);
    diags.extend(more);
    diags.extend(check::form::check(&files, &program));
    // Matters are independent once resolved: check them in parallel, keep declaration order.
    let per_matter = par::map(&program.matters, |m| {
        let (form, mut d) = check::form::merge(&files, &program, m);
        let (plan, plan_diags) = ir::plan::build(&program, m);
        d.extend(plan_diags);
        (MatterIr { form, plan }, d)
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

/// Emits every artifact of a checked program; call only when it has no errors.
pub fn emit(checked: &Checked) -> Result<Artifacts, String> {
    let mut out = Artifacts::new();
    emit_streaming(checked, |files| {
        out.extend(files);
        Ok(())
    })?;
    Ok(out)
}

/// Emits the matters in batches and hands each batch's files to `sink` before the next, so
/// a province-sized build never holds every artifact in memory at once.
pub fn emit_streaming(
    checked: &Checked,
    mut sink: impl FnMut(Vec<(String, String)>) -> Result<(), String>,
) -> Result<(), String> {
    let pairs: Vec<(&resolve::Matter, &MatterIr)> = checked
        .program
        .matters
        .iter()
        .zip(&checked.matters)
        .collect();
    for batch in pairs.chunks(64) {
        for files in par::map(batch, |(m, ir)| emit_matter(checked, m, ir)) {
            sink(files?)?;
        }
    }
    sink(vec![("index.md".to_string(), index(checked))])
}

/// One matter's artifacts, with paths relative to the output folder (`<matter>/…`).
fn emit_matter(
    checked: &Checked,
    m: &resolve::Matter,
    ir: &MatterIr,
) -> Result<Vec<(String, String)>, String> {
    {
        let mut files = emit::form::emit(&ir.form);
        files.extend(emit::plan::emit(&ir.plan));
        let projections = emit::form::projections(&ir.form);
        let counts = emit::guide::FormCounts {
            fields_before: ir.form.fields_before,
            fields_after: ir.form.fields_after,
        };
        let guide =
            emit::guide::guide_files(&checked.program, m, &ir.plan.plan, &projections, counts)
                .map_err(|e| format!("matter `{}`: {e}", m.id.name))?;
        files.extend(guide);
        let dir = &m.id.name;
        Ok(files
            .into_iter()
            .map(|(p, c)| (format!("{dir}/{p}"), c))
            .collect())
    }
}

/// `index.md`: every matter with its lead department, item count, worst case and guide link.
pub fn index(checked: &Checked) -> String {
    let entries: Vec<emit::guide::IndexEntry> = checked
        .program
        .matters
        .iter()
        .zip(&checked.matters)
        .map(|(m, ir)| emit::guide::IndexEntry::new(&checked.program, m, &ir.plan.plan))
        .collect();
    emit::guide::index_md(&entries)
}

/// The JSON Schemas of the artifact types, by file name under `spec/schemas/`.
pub fn artifact_schemas() -> Artifacts {
    let mut out = Artifacts::new();
    out.insert("plan.schema.json".to_string(), emit::plan::plan_schema());
    out.insert(
        "projections.schema.json".to_string(),
        emit::form::projections_schema(),
    );
    out
}
