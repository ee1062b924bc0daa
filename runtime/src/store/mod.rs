//! Case storage behind a small trait: an append-only event log per case, state derived by replay.
//!
//! [`CaseStore`] is what the service needs from a database: create a case under a fresh id,
//! append an event after checking it against the replayed state — both in one transaction — and
//! read cases back. [`SqliteStore`] is the embedded implementation; [`PostgresStore`] serves
//! several server instances on one database; [`MemoryStore`] serves tests and benchmarks. Every method takes `&self`: a store is shared (by the threads of a server, by
//! several processes on one database) and synchronizes inside, so its guarantees hold under
//! concurrent calls. The contract is below and in ARCHITECTURE.md ("How to add a store");
//! `runtime/tests/store_contract.rs` checks it for every store.

mod memory;
mod postgres;
mod sqlite;

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

pub use memory::MemoryStore;
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

use crate::case::{Case, CaseRecord, Refusal};
use crate::error::Code;
use crate::event::Event;
use crate::json::decode_stored;
use crate::status::Applied;

/// Why a store operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No case has this id.
    NotFound(String),
    /// The rules refuse the event; nothing was written.
    Refused(Refusal),
    /// The database cannot be opened, read or written (I/O, locks, the driver).
    Unavailable(String),
    /// Stored data does not read back or does not replay.
    Corrupt {
        /// The case whose data is unreadable (empty when the fault is not one case's).
        case: String,
        /// What is wrong.
        reason: String,
    },
    /// The database's layout is newer than this program knows.
    TooNew {
        /// The database's layout version.
        found: i64,
        /// The newest layout this program knows.
        supported: i64,
    },
    /// A value could not be encoded for storage (a bug: the types always encode); nothing was written.
    Encode(String),
    /// Every case number of a prefix (matter and day) is used: 0001 to 9999; nothing was written.
    Exhausted {
        /// The prefix, `<matter>-<YYYYMMDD>-`.
        prefix: String,
    },
}

impl StoreError {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Self::NotFound(_) => Code::UnknownCase,
            Self::Refused(r) => r.code,
            Self::Unavailable(_) => Code::StoreUnavailable,
            Self::Corrupt { .. } => Code::StoreCorrupt,
            Self::TooNew { .. } => Code::StoreTooNew,
            Self::Encode(_) => Code::InternalError,
            Self::Exhausted { .. } => Code::CaseNumbersExhausted,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(id) => write!(f, "没有编号为 {id} 的办件"),
            Self::Refused(r) => r.fmt(f),
            Self::Unavailable(msg) => write!(f, "办件库无法使用：{msg}"),
            Self::Corrupt { case, reason } if case.is_empty() => {
                write!(f, "办件库中的数据无法读取：{reason}")
            }
            Self::Corrupt { case, reason } => {
                write!(f, "办件库中办件 {case} 的数据无法读取：{reason}")
            }
            Self::TooNew { found, supported } => write!(
                f,
                "办件库的结构版本 {found} 比本程序支持的 {supported} 新，请升级 yjs"
            ),
            Self::Encode(msg) => write!(f, "无法编码要存储的数据：{msg}"),
            Self::Exhausted { prefix } => write!(
                f,
                "办件编号 {prefix}0001 至 {prefix}{MAX_SEQ} 已全部使用，当日该事项不能再受理新办件"
            ),
        }
    }
}

impl std::error::Error for StoreError {}

/// A store of cases.
///
/// The contract, for every implementation:
/// - `create` gives the record the id `prefix` + the next sequence number of that prefix
///   (4 digits, from 0001 to 9999; the 10000th is `Exhausted` and writes nothing), unique among
///   every case ever created in the store, also when several processes or servers create at
///   once; the record is stored unchanged otherwise.
/// - `append` reads the case, replays it, [`Case::check`]s the event and writes it, all in one
///   transaction: a refused event (`Refused`) and a repeated one (`Applied::Duplicate`) write
///   nothing; two appends to one case never both pass a check made on the same state.
/// - Every write is durable when the method returns `Ok`; a failed write leaves nothing behind.
/// - What is written reads back: the value is encoded and decoded again ([`encode_checked`])
///   before the transaction begins, and stored JSON is read with [`decode_stored`].
/// - Records and events are never updated or deleted; `load` returns the events in append order.
/// - `load` of an unknown id is `NotFound`; stored data that does not replay is `Corrupt`.
/// - `ids` lists every case id, in ascending order.
/// - A record with an idempotency `key` is created at most once per key: `create` of a record
///   whose key is already stored returns the stored record and writes nothing (in the same
///   transaction as the numbering, so two concurrent creates with one key make one case);
///   `find_key` returns the case id of a key.
pub trait CaseStore {
    /// Stores a new case: the id is `prefix` followed by the next free 4-digit sequence number.
    fn create(&self, prefix: &str, record: CaseRecord) -> Result<CaseRecord, StoreError>;

    /// Appends `event` to a case's log if the replayed state allows it, in one transaction.
    fn append(&self, case_id: &str, event: &Event) -> Result<Applied, StoreError>;

    /// A case, replayed from its log.
    fn load(&self, case_id: &str) -> Result<Case, StoreError>;

    /// Every case id, in order.
    fn ids(&self) -> Result<Vec<String>, StoreError>;

    /// The case created with this idempotency key, if any.
    fn find_key(&self, key: &str) -> Result<Option<String>, StoreError>;
}

/// The highest sequence number of a prefix: case ids have exactly 4 digits, so they sort as
/// numbers (a fifth digit would put `…-10000` before `…-9999`).
pub const MAX_SEQ: u64 = 9999;

/// The id for sequence number `seq` under `prefix` (4 digits); past [`MAX_SEQ`] it is
/// `Exhausted` and the store writes nothing.
pub fn case_id(prefix: &str, seq: u64) -> Result<String, StoreError> {
    if seq == 0 || seq > MAX_SEQ {
        return Err(StoreError::Exhausted {
            prefix: prefix.to_owned(),
        });
    }
    Ok(format!("{prefix}{seq:04}"))
}

/// Replays a stored log, reporting a plan or an event the rules refuse as a corrupt store.
pub fn replay(record: CaseRecord, events: Vec<Event>) -> Result<Case, StoreError> {
    let id = record.id.clone();
    Case::replay(record, events).map_err(|e| StoreError::Corrupt {
        case: id,
        reason: format!("事件日志无法重放：{e}"),
    })
}

/// Encodes a value for storage and decodes the text back, before any transaction: a value that
/// would not read back as itself (nested too deep, say) is refused and nothing is written.
pub(crate) fn encode_checked<T>(value: &T) -> Result<String, StoreError>
where
    T: Serialize + DeserializeOwned + PartialEq,
{
    let text = serde_json::to_string(value).map_err(|e| StoreError::Encode(e.to_string()))?;
    match decode_stored::<T>(&text) {
        Ok(back) if back == *value => Ok(text),
        Ok(_) => Err(StoreError::Encode(
            "数据编码后读回与原值不同，未存储".to_owned(),
        )),
        Err(reason) => Err(StoreError::Encode(format!(
            "数据编码后无法读回，未存储：{reason}"
        ))),
    }
}

/// Encodes a value already checked by [`encode_checked`] (a record once the store numbered it).
pub(crate) fn encode<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Encode(e.to_string()))
}

/// Decodes a stored JSON column of `case`, reporting unreadable text as a corrupt store.
pub(crate) fn decode_column<T: DeserializeOwned>(case: &str, text: &str) -> Result<T, StoreError> {
    decode_stored(text).map_err(|reason| StoreError::Corrupt {
        case: case.to_owned(),
        reason,
    })
}
