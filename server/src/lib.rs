//! `yjs serve`: the hall's HTTP service over the yjs runtime (filled in by the next commits).
