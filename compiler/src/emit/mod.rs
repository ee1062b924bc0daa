//! The emit stage: IR to artifact files, as pure functions returning `(relative path, contents)` pairs.

pub mod form;
pub mod guide;
pub mod plan;
