//! Artifact types shared by the compiler and the runtime: the contract of `yjs build`'s JSON output,
//! and the identifier validators both sides use.
//!
//! The compiler serialises these types; the runtime deserialises them and never
//! sees the parser. `spec/schemas/*.schema.json` are generated from them with schemars.

#![forbid(unsafe_code)]

pub mod condition;
pub mod form;
pub mod graph;
pub mod plan;
pub mod projection;
mod specialize;
pub mod validators;

pub use condition::{Answer, Answers, Condition};
pub use form::{ConstraintSource, EntryKind, FormMessages, FormSources, SourceEntry};
pub use graph::{applicability, GraphError, PlanGraph};
pub use plan::{
    Joint, Limit, LimitCase, Plan, Scenario, Scenarios, SituationRule, Step, StepKind, Supervision,
};
pub use projection::{ProjectedField, ProjectedMaterial, Projection, Projections};

/// The version of the artifact format; bumped on any incompatible change.
pub const FORMAT_VERSION: u32 = 1;
