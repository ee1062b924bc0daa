//! The lower stage: checked model to IR, serde-ready and span-light, ready to emit.

pub mod plan;
