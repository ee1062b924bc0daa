//! The emit stage: IR to artifact files, as pure functions returning `(relative path, contents)` pairs.
//!
//! Emitters read the IR only (and the artifact types): `form` the merged form, `plan` the plan,
//! `bpmn` the plan as a Camunda 8 process,
//! `guide` all three plus the documents IR. [`matter`] emits one matter; [`index`] the list of
//! every matter.

pub mod bpmn;
mod error;
pub mod form;
pub mod guide;
pub mod names;
pub mod plan;

pub use error::EmitError;

use crate::ir::MatterIr;
use yjs_artifacts::PlanGraph;

/// One matter's artifacts, with paths relative to the output folder (`<matter>/…`, the
/// matter's id bounded by `names::bounded`).
pub fn matter(ir: &MatterIr) -> Result<Vec<(String, String)>, EmitError> {
    files(ir).map_err(|e| e.in_matter(ir.id()))
}

fn files(ir: &MatterIr) -> Result<Vec<(String, String)>, EmitError> {
    let graph = PlanGraph::new(&ir.plan.plan).map_err(EmitError::Graph)?;
    let mut files = form::emit(&ir.form)?;
    files.extend(plan::emit(&ir.plan, &graph, &ir.form.situations)?);
    files.extend(bpmn::emit(&ir.plan, &graph));
    files.extend(guide::guide_files(ir, &graph)?);
    let dir = names::bounded(ir.id());
    Ok(files
        .into_iter()
        .map(|(p, c)| (format!("{dir}/{p}"), c))
        .collect())
}

/// The material templates of one matter, as `(path relative to the output folder, bytes)`:
/// copied as read when the sources were checked, next to the guide that links them.
pub fn templates(ir: &MatterIr) -> Vec<(String, std::sync::Arc<[u8]>)> {
    let dir = names::bounded(ir.id());
    ir.documents
        .templates
        .iter()
        .map(|t| {
            (
                format!("{dir}/{}", names::template_path(t)),
                t.bytes.clone(),
            )
        })
        .collect()
}

/// `index.md`: every matter with its lead department, item count, worst case and guide link.
pub fn index(matters: &[MatterIr]) -> String {
    let entries: Vec<guide::IndexEntry> = matters.iter().map(guide::IndexEntry::new).collect();
    guide::index_md(&entries)
}
