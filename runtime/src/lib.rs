//! The yjs runtime.

pub mod calendar;
