//! An in-memory case store for tests and benchmarks.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::{case_id, encode_checked, replay, CaseStore, StoreError};
use crate::case::{Case, CaseRecord};
use crate::event::Event;
use crate::status::Applied;

/// Cases kept in memory, behind one lock (one "transaction" at a time).
#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    cases: BTreeMap<String, Case>,
    /// The last sequence number used per id prefix.
    seqs: BTreeMap<String, u64>,
    /// The case of each idempotency key.
    keys: BTreeMap<String, String>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The state, also after a panic in another thread: every method changes it in one step
    /// (an insert or an `apply` that checks before it changes anything), so it is never half-done.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl CaseStore for MemoryStore {
    fn create(&self, prefix: &str, mut record: CaseRecord) -> Result<CaseRecord, StoreError> {
        encode_checked(&record)?;
        let mut inner = self.lock();
        if let Some(key) = &record.key {
            let existing = inner.keys.get(key).and_then(|id| inner.cases.get(id));
            if let Some(case) = existing {
                return Ok(case.record.clone());
            }
        }
        let seq = inner.seqs.get(prefix).copied().unwrap_or(0) + 1;
        record.id = case_id(prefix, seq)?;
        let case = replay(record.clone(), Vec::new())?;
        inner.seqs.insert(prefix.to_owned(), seq);
        inner.cases.insert(record.id.clone(), case);
        if let Some(key) = &record.key {
            inner.keys.insert(key.clone(), record.id.clone());
        }
        Ok(record)
    }

    fn append(&self, case_id: &str, event: &Event) -> Result<Applied, StoreError> {
        encode_checked(event)?;
        let mut inner = self.lock();
        let case = inner
            .cases
            .get_mut(case_id)
            .ok_or_else(|| StoreError::NotFound(case_id.to_owned()))?;
        case.apply(event.clone()).map_err(StoreError::Refused)
    }

    fn load(&self, case_id: &str) -> Result<Case, StoreError> {
        self.lock()
            .cases
            .get(case_id)
            .cloned()
            .ok_or_else(|| StoreError::NotFound(case_id.to_owned()))
    }

    fn ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.lock().cases.keys().cloned().collect())
    }

    fn find_key(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.lock().keys.get(key).cloned())
    }
}
