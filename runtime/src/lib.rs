//! The yjs runtime.
