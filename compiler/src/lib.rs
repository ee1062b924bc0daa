//! The yjs compiler.
