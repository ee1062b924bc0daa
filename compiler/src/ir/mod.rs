//! The IR: plain, span-light, serde-ready data that `lower` builds and the emitters read.
//!
//! The IR imports no stage: only the bottom modules (`types`) and the artifact types. One
//! matter's IR is a [`MatterIr`]: its merged form, its plan and what its documents say.

pub mod cond;
pub mod documents;
pub mod form;
pub mod plan;

use serde::Serialize;

/// One matter's IR: everything its artifacts are emitted from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatterIr {
    /// The merged form (一次表单).
    pub form: form::Form,
    /// The routing plan (一次联办).
    pub plan: plan::PlanIr,
    /// What the guide, the notices and the review rules say (一次告知).
    pub documents: documents::Documents,
}

impl MatterIr {
    /// The matter id.
    pub fn id(&self) -> &str {
        &self.documents.matter
    }
}
