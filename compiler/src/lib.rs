//! The yjs compiler: `.yjs` sources to merged forms, routing plans and service guides.

pub mod diagnostics;
pub mod files;
pub mod syntax;
