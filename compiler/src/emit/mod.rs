//! The emit stage: IR to artifact files, as pure functions returning `(path, contents)` pairs.

pub mod plan;
