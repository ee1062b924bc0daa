//! Artifact types shared by the compiler and the runtime.

pub mod validators;
