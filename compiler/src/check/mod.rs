//! The check stage: the resolved model to diagnostics, plus check's own analysis results.
//!
//! Check reads the model and never builds IR: it returns what it found out (unified fields
//! with provenance, the flow graph, durations, schedules, scenarios) in its own types, and
//! `lower` turns those into the IR.

pub mod combinations;
mod fees;
pub mod form;
pub mod plan;
pub mod reform;
pub mod sources;

use crate::diagnostics::Diagnostic;
use crate::files::Files;
use crate::resolve::{Matter, Program};

/// What the checks found out about one matter: the input of `lower`, next to the model.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The form checks' results.
    pub form: form::FormAnalysis,
    /// The plan checks' results.
    pub plan: plan::Analysis,
    /// The 改革成效 figures merging can make worse, with the acknowledged ones.
    pub reform: reform::Reform,
}

/// Checks what belongs to no single matter (the dictionaries).
pub fn program(files: &Files, program: &Program) -> Vec<Diagnostic> {
    form::check(files, program)
}

/// Checks one matter: its form, its plan and the sources of its facts.
pub fn matter(files: &Files, program: &Program, matter: &Matter) -> (Analysis, Vec<Diagnostic>) {
    let (form, mut diags) = form::analyse(files, program, matter);
    let (plan, more) = plan::analyse(matter);
    diags.extend(more);
    diags.extend(sources::check(program, matter));
    diags.extend(fees::check(matter));
    let (reform, more) = reform::check(matter, &plan);
    diags.extend(more);
    (Analysis { form, plan, reform }, diags)
}
