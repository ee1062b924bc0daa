//! The check stage: the resolved model to diagnostics (graph, deadlines, conditions), and the checked plan.

pub mod plan;
