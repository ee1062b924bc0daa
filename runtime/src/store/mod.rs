//! Case storage behind a small trait: an append-only event log per case, state derived by replay.
//!
//! [`CaseStore`] is what the engine needs from a database: create a case under a fresh id,
//! append an event after checking it against the replayed state — both in one transaction — and
//! read cases back. [`SqliteStore`] is the embedded implementation; [`MemoryStore`] serves tests
//! and benchmarks. A server database only has to implement the same four methods.

mod memory;
mod sqlite;

use std::fmt;

pub use memory::MemoryStore;
pub use sqlite::SqliteStore;

use crate::case::{Applied, Case, CaseRecord, Event, Refusal};

/// Why a store operation failed.
#[derive(Debug)]
pub enum StoreError {
    /// No case has this id.
    NotFound(String),
    /// The rules refuse the event; nothing was written.
    Refused(Refusal),
    /// The database failed or holds data that does not replay.
    Backend(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(id) => write!(f, "没有编号为 {id} 的办件"),
            Self::Refused(r) => r.fmt(f),
            Self::Backend(msg) => write!(f, "办件库错误：{msg}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A store of cases.
pub trait CaseStore {
    /// Stores a new case: the id is `prefix` followed by the next free 4-digit sequence number.
    fn create(&mut self, prefix: &str, record: CaseRecord) -> Result<CaseRecord, StoreError>;

    /// Appends `event` to a case's log if the replayed state allows it, in one transaction.
    fn append(&mut self, case_id: &str, event: &Event) -> Result<Applied, StoreError>;

    /// A case, replayed from its log.
    fn load(&self, case_id: &str) -> Result<Case, StoreError>;

    /// Every case id, in order.
    fn ids(&self) -> Result<Vec<String>, StoreError>;
}

/// The id for sequence number `seq` under `prefix`.
pub(crate) fn case_id(prefix: &str, seq: u64) -> String {
    format!("{prefix}{seq:04}")
}

/// Replays a stored log, reporting a refusal as a corrupt store.
pub(crate) fn replay(record: CaseRecord, events: Vec<Event>) -> Result<Case, StoreError> {
    let id = record.id.clone();
    Case::replay(record, events)
        .map_err(|r| StoreError::Backend(format!("办件 {id} 的事件日志无法重放：{r}")))
}
