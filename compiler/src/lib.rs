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

// pest without its `std` feature (no per-rule stack probe; see spec/scale.md) generates
// code that names `alloc::`.
extern crate alloc;

pub mod check;
pub mod diagnostics;
pub mod emit;
pub mod files;
pub mod ir;
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
    diags.extend(more);
    diags.extend(check::form::check(&loaded.files, &program));
    let mut matters = Vec::with_capacity(program.matters.len());
    for m in &program.matters {
        let (form, form_diags) = check::form::merge(&loaded.files, &program, m);
        let (plan, plan_diags) = ir::plan::build(&program, m);
        diags.extend(form_diags);
        diags.extend(plan_diags);
        matters.push(MatterIr { form, plan });
    }
    diagnostics::sort(&mut diags);
    Checked {
        files: loaded.files,
        program,
        matters,
        diagnostics: diags,
    }
}

/// The artifacts of a build, by path relative to the output folder.
pub type Artifacts = BTreeMap<String, String>;

/// Emits every artifact of a checked program; call only when it has no errors.
pub fn emit(checked: &Checked) -> Result<Artifacts, String> {
    let mut out = Artifacts::new();
    let mut index = Vec::new();
    for (m, ir) in checked.program.matters.iter().zip(&checked.matters) {
        let dir = &m.id.name;
        let mut put = |files: Vec<(String, String)>| {
            for (path, contents) in files {
                out.insert(format!("{dir}/{path}"), contents);
            }
        };
        put(emit::form::emit(&ir.form));
        put(emit::plan::emit(&ir.plan));
        let projections = emit::form::projections(&ir.form);
        let counts = emit::guide::FormCounts {
            fields_before: ir.form.fields_before,
            fields_after: ir.form.fields_after,
        };
        let guide =
            emit::guide::guide_files(&checked.program, m, &ir.plan.plan, &projections, counts)
                .map_err(|e| format!("matter `{}`: {e}", m.id.name))?;
        put(guide);
        index.push(emit::guide::IndexEntry::new(
            &checked.program,
            m,
            &ir.plan.plan,
        ));
    }
    out.insert("index.md".to_string(), emit::guide::index_md(&index));
    Ok(out)
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
