//! The emit stage: IR → artifact files, as pure functions returning `(relative path, contents)`.

pub mod form;
pub mod plan;
