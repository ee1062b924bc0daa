//! The plan IR: the routing plan artifact of one matter, plus what the Mermaid emitter needs to show.

use serde::Serialize;
use yjs_artifacts::{Plan, Step};

/// The lowered plan of one matter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanIr {
    /// The artifact written as `plan.json`.
    pub plan: Plan,
    /// Per step (same order as `plan.steps`), its condition as the analyst wrote it, when it has one.
    pub conditions: Vec<Option<String>>,
}

impl PlanIr {
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.plan.steps.iter().find(|s| s.id == id)
    }
}
