//! The IR: checked, span-light, serde-ready representations that the emitters read.

pub mod cond;
pub mod form;
pub mod plan;
