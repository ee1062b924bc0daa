//! An in-memory case store for tests and benchmarks.

use std::collections::BTreeMap;

use super::{case_id, replay, CaseStore, StoreError};
use crate::case::{Applied, Case, CaseRecord, Event};

/// Cases kept in memory.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    cases: BTreeMap<String, Case>,
    /// The last sequence number used per id prefix.
    seqs: BTreeMap<String, u64>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

impl CaseStore for MemoryStore {
    fn create(&mut self, prefix: &str, mut record: CaseRecord) -> Result<CaseRecord, StoreError> {
        let seq = self.seqs.entry(prefix.to_owned()).or_insert(0);
        *seq += 1;
        record.id = case_id(prefix, *seq);
        self.cases
            .insert(record.id.clone(), replay(record.clone(), Vec::new())?);
        Ok(record)
    }

    fn append(&mut self, case_id: &str, event: &Event) -> Result<Applied, StoreError> {
        let case = self
            .cases
            .get_mut(case_id)
            .ok_or_else(|| StoreError::NotFound(case_id.to_owned()))?;
        case.apply(event.clone()).map_err(StoreError::Refused)
    }

    fn load(&self, case_id: &str) -> Result<Case, StoreError> {
        self.cases
            .get(case_id)
            .cloned()
            .ok_or_else(|| StoreError::NotFound(case_id.to_owned()))
    }

    fn ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.cases.keys().cloned().collect())
    }
}
