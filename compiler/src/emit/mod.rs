//! Emit stage: the checked model, plan and projections turned into the files `yjs build` writes.

pub mod guide;
