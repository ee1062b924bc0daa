//! The embedded SQLite case store: WAL, one transaction per command, an append-only event log.
//!
//! Layout (see `spec/runtime.md`): `cases(id, matter, received, record)` holds the accepted
//! record as JSON; `case_seq(prefix, last)` numbers cases per matter and day; `events(case_id, seq, event_id, at, kind, body)` is the log, never updated
//! or deleted. `synchronous = FULL` makes a committed append durable before it is acknowledged.
//!
//! One connection serves the store, behind a mutex, so the store can be shared between threads;
//! `BEGIN IMMEDIATE` transactions and the busy timeout serialize writers of other processes.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{case_id, decode_column, encode, encode_checked, replay, CaseStore, StoreError};
use crate::case::{Case, CaseRecord};
use crate::event::Event;
use crate::status::Applied;

/// The schema version in `PRAGMA user_version`.
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS cases (
    id       TEXT PRIMARY KEY,
    matter   TEXT NOT NULL,
    received TEXT NOT NULL,
    record   TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS case_seq (
    prefix TEXT PRIMARY KEY,
    last   INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS events (
    case_id  TEXT NOT NULL REFERENCES cases(id),
    seq      INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    at       TEXT NOT NULL,
    kind     TEXT NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (case_id, seq),
    UNIQUE (case_id, event_id)
) STRICT;
CREATE TABLE IF NOT EXISTS case_keys (
    key     TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id)
) STRICT;
CREATE TRIGGER IF NOT EXISTS events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
";

/// A case store in one SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

fn db(e: rusqlite::Error) -> StoreError {
    StoreError::Unavailable(e.to_string())
}

impl SqliteStore {
    /// Opens or creates the database file.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::init(Connection::open(path).map_err(db)?)
    }

    /// A private in-memory database (for tests).
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory().map_err(db)?)
    }

    fn init(conn: Connection) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(db)?;
        // `journal_mode` answers with the mode; an in-memory database stays `memory`.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(db)?;
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .map_err(db)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(db)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        conn.execute_batch(SCHEMA).map_err(db)?;
        conn.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))
            .map_err(db)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    /// The connection, also after a panic in another thread: a panic inside a transaction drops
    /// it, which rolls it back, so the connection is never left mid-transaction.
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads a case's record and log inside the given connection or transaction.
    fn read(conn: &Connection, case_id: &str) -> Result<(CaseRecord, Vec<Event>), StoreError> {
        let record: Option<String> = conn
            .query_row("SELECT record FROM cases WHERE id = ?1", [case_id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(db)?;
        let record = record.ok_or_else(|| StoreError::NotFound(case_id.to_owned()))?;
        let record: CaseRecord = decode_column(case_id, &record)?;
        let mut stmt = conn
            .prepare_cached("SELECT body FROM events WHERE case_id = ?1 ORDER BY seq")
            .map_err(db)?;
        let bodies = stmt
            .query_map([case_id], |r| r.get::<_, String>(0))
            .map_err(db)?;
        let mut events = Vec::new();
        for body in bodies {
            events.push(decode_column(case_id, &body.map_err(db)?)?);
        }
        Ok((record, events))
    }
}

impl CaseStore for SqliteStore {
    fn create(&self, prefix: &str, mut record: CaseRecord) -> Result<CaseRecord, StoreError> {
        encode_checked(&record)?;
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        if let Some(key) = &record.key {
            let existing: Option<String> = tx
                .query_row("SELECT case_id FROM case_keys WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(db)?;
            if let Some(id) = existing {
                return Ok(Self::read(&tx, &id)?.0);
            }
        }
        let last: i64 = tx
            .query_row(
                "INSERT INTO case_seq (prefix, last) VALUES (?1, 1)
                 ON CONFLICT (prefix) DO UPDATE SET last = last + 1 RETURNING last",
                [prefix],
                |r| r.get(0),
            )
            .map_err(db)?;
        let seq = u64::try_from(last).map_err(|_| StoreError::Corrupt {
            case: String::new(),
            reason: format!("case_seq 中 {prefix} 的序号 {last} 不是正数"),
        })?;
        record.id = case_id(prefix, seq)?;
        let body = encode(&record)?;
        tx.execute(
            "INSERT INTO cases (id, matter, received, record) VALUES (?1, ?2, ?3, ?4)",
            params![record.id, record.matter, record.received.to_string(), body],
        )
        .map_err(db)?;
        if let Some(key) = &record.key {
            tx.execute(
                "INSERT INTO case_keys (key, case_id) VALUES (?1, ?2)",
                params![key, record.id],
            )
            .map_err(db)?;
        }
        tx.commit().map_err(db)?;
        Ok(record)
    }

    fn append(&self, case_id: &str, event: &Event) -> Result<Applied, StoreError> {
        let body = encode_checked(event)?;
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(db)?;
        let (record, events) = Self::read(&tx, case_id)?;
        let seq = i64::try_from(events.len()).map_err(|_| StoreError::Corrupt {
            case: case_id.to_owned(),
            reason: "事件过多".to_owned(),
        })?;
        let case = replay(record, events)?;
        match case.check(event).map_err(StoreError::Refused)? {
            Applied::Duplicate => return Ok(Applied::Duplicate),
            Applied::Appended => {}
        }
        let kind = event.kind.name().tag();
        tx.execute(
            "INSERT INTO events (case_id, seq, event_id, at, kind, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![case_id, seq, event.id, event.at.to_string(), kind, body],
        )
        .map_err(db)?;
        tx.commit().map_err(db)?;
        Ok(Applied::Appended)
    }

    fn load(&self, case_id: &str) -> Result<Case, StoreError> {
        let (record, events) = Self::read(&self.conn(), case_id)?;
        replay(record, events)
    }

    fn ids(&self) -> Result<Vec<String>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT id FROM cases ORDER BY id")
            .map_err(db)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(db)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(db)
    }

    fn find_key(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn()
            .query_row("SELECT case_id FROM case_keys WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(db)
    }
}
