//! The check stage: the resolved model to diagnostics (and, for forms, the merged IR).

pub mod form;
pub mod plan;
