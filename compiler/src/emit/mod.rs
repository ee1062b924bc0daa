//! The emit stage: IR to artifact files, written into a [`Sink`] as they are produced.
//!
//! Emitters read the IR only (and the artifact types): `form` the merged form, `plan` the plan,
//! `bpmn` the plan as a Camunda 8 process,
//! `guide` all three plus the documents IR. [`matter_into`] writes one matter into a sink
//! (`sink.rs`: the CLI's writes files, [`Memory`] keeps them); [`matter`] is the same into
//! memory, as `(relative path, contents)` pairs; [`index`] is the list of every matter.

pub mod bpmn;
mod error;
pub mod form;
pub mod guide;
mod indent;
pub mod names;
pub mod plan;
mod sink;

pub use error::EmitError;
pub use sink::{in_memory, Memory, Out, SendSink, Sink, StreamError, CHUNK};

use crate::ir::MatterIr;
use yjs_artifacts::PlanGraph;

/// One matter's artifacts, with paths relative to the output folder (`<matter>/…`, the
/// matter's id bounded by `names::bounded`): [`matter_into`] into memory.
pub fn matter(ir: &MatterIr) -> Result<Vec<(String, String)>, EmitError> {
    let mut memory = Memory::default();
    matter_into(ir, &mut memory).map_err(StreamError::emitting)?;
    memory.into_files()
}

/// Writes one matter's artifacts into `sink`, each as it is produced, with paths relative to
/// the output folder (`<matter>/…`).
pub fn matter_into<E: Send>(
    ir: &MatterIr,
    sink: &mut dyn Sink<Error = E>,
) -> Result<(), StreamError<E>> {
    let mut out = Out::under(sink, &names::bounded(ir.id()));
    files(ir, &mut out).map_err(|e| e.in_matter(ir.id()))
}

fn files<E: Send>(ir: &MatterIr, out: &mut Out<'_, E>) -> Result<(), StreamError<E>> {
    let graph = PlanGraph::new(&ir.plan.plan).map_err(EmitError::Graph)?;
    if ir.form.fields_before < crate::par::DOCUMENTS_APART {
        data(ir, &graph, out)?;
        return guide::documents(ir, &graph, &mut |path, text| out.text(path, &text));
    }
    // A form of a thousand fields or more: its guide documents are rendered on a second
    // thread while its JSON is written here. Where the sink takes files from two threads, that
    // thread also writes them, and `projections.json`, into their files: the two halves then
    // cost about the same.
    if let Some(mut forked) = out.fork()? {
        let (documents, written) = std::thread::scope(|s| {
            let documents = s.spawn(|| {
                let mut second = forked.out();
                guide::documents(ir, &graph, &mut |path, text| second.text(path, &text))?;
                form::write_projections(&ir.form, &mut second)
            });
            let written =
                form::write_form(&ir.form, out).and_then(|()| plan_files(ir, &graph, out));
            (documents.join(), written)
        });
        written?;
        // A panicking renderer is a bug; re-raise it here with its payload.
        return documents.unwrap_or_else(|payload| std::panic::resume_unwind(payload));
    }
    // Otherwise the documents are kept until the JSON is written, then written in turn.
    let (documents, written) = std::thread::scope(|s| {
        let documents = s.spawn(|| guide::guide_files(ir, &graph));
        let written = data(ir, &graph, out);
        (documents.join(), written)
    });
    written?;
    let documents = documents.unwrap_or_else(|payload| std::panic::resume_unwind(payload))?;
    for (path, text) in documents {
        out.text(&path, &text)?;
    }
    Ok(())
}

/// The data artifacts of a matter: the form's JSON, the plan and its BPMN.
fn data<E>(ir: &MatterIr, graph: &PlanGraph, out: &mut Out<'_, E>) -> Result<(), StreamError<E>> {
    form::write(&ir.form, out)?;
    plan_files(ir, graph, out)
}

/// The plan's artifacts: `plan.json`, `flow.mmd` and `plan.bpmn`.
fn plan_files<E>(
    ir: &MatterIr,
    graph: &PlanGraph,
    out: &mut Out<'_, E>,
) -> Result<(), StreamError<E>> {
    plan::write(&ir.plan, graph, &ir.form.situations, out)?;
    for (path, text) in bpmn::emit(&ir.plan, graph) {
        out.text(&path, &text)?;
    }
    Ok(())
}

/// `index.md` and `formats.mjs`, the files at the top of the output folder, into `sink`.
pub fn top_into<E>(
    matters: &[MatterIr],
    sink: &mut dyn Sink<Error = E>,
) -> Result<(), StreamError<E>> {
    let mut out = Out::new(sink);
    out.text("index.md", &index(matters))?;
    out.text(
        form::FORMATS_MJS,
        &form::formats_mjs(matters.iter().map(|m| &m.form)),
    )
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
