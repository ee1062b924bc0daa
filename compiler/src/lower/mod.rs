//! The lower stage: the resolved model and check's results to the IR, one matter at a time.
//!
//! Lowering reports nothing: every problem was found by `check`, and `lower` runs only on what
//! check analysed. It is the one place where model types become IR types: resolved conditions
//! become artifact `Condition`s (`cond.rs`), spans become `file:line:col` provenance
//! (`form.rs`), typed ids become names.

mod cond;
mod documents;
mod form;
mod plan;

pub use plan::DEFAULT_WARN_PERCENT;

use crate::check::Analysis;
use crate::files::Files;
use crate::ir::MatterIr;
use crate::resolve::{Matter, Program};

/// One matter's IR: its merged form, its plan and its documents.
///
/// The analysis is consumed: each field's facts are freed as soon as the field is lowered, so a
/// large form's analysis and IR are not both held in full.
pub fn matter(files: &Files, program: &Program, matter: &Matter, analysis: Analysis) -> MatterIr {
    let Analysis { form, plan, reform } = analysis;
    MatterIr {
        form: form::form(files, program, matter, form),
        plan: plan::plan(program, matter, &plan),
        documents: documents::documents(program, matter, &reform),
    }
}
