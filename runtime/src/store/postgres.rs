//! The PostgreSQL case store, for a hall that runs several `yjs serve` instances on one database.
//!
//! Same layout and contract as the SQLite store (`spec/runtime.md`): `cases` holds each accepted
//! record as JSON text (text, not `jsonb`, so a record reads back with its keys in their order),
//! `case_seq` numbers cases per prefix, `events` is the append-only log. What the database
//! enforces, across every instance:
//!
//! - **one writer per case at a time**: `append` locks the case's row (`SELECT … FOR UPDATE`)
//!   before it reads and replays the log, so two instances never both pass a check made on the
//!   same state; the key `(case_id, seq)` is the backstop — an event goes in at sequence
//!   `events.len()` and a second insert at the same sequence fails;
//! - **unique case numbers**: `INSERT … ON CONFLICT DO UPDATE … RETURNING` increments the
//!   prefix's counter under a row lock in the same transaction that stores the case;
//! - **an append-only log**: a trigger aborts any `UPDATE` or `DELETE` on `events`.
//!
//! The driver is the synchronous `postgres` crate: `CaseStore` is a synchronous trait (the
//! service is a plain library, SQLite is blocking anyway) and the server calls the service on
//! blocking threads. Connections come from a small pool inside the store.

use std::str::FromStr;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, Config, NoTls, Transaction};

use super::{case_id, decode_column, encode, encode_checked, replay, CaseStore, StoreError};
use crate::case::{Case, CaseRecord};
use crate::event::Event;
use crate::status::Applied;

/// The layout version in `yjs_meta`.
const SCHEMA_VERSION: i64 = 1;

/// The layout, created once under an advisory lock so instances starting together do not race.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS yjs_meta (
    key   TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS cases (
    id       TEXT PRIMARY KEY,
    matter   TEXT NOT NULL,
    received TEXT NOT NULL,
    record   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_seq (
    prefix TEXT PRIMARY KEY,
    last   BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    case_id  TEXT NOT NULL REFERENCES cases(id),
    seq      INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    at       TEXT NOT NULL,
    kind     TEXT NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (case_id, seq),
    UNIQUE (case_id, event_id)
);
CREATE TABLE IF NOT EXISTS case_keys (
    key     TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id)
);
CREATE OR REPLACE FUNCTION yjs_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only';
END $$;
DROP TRIGGER IF EXISTS events_append_only ON events;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION yjs_events_append_only();
";

/// The advisory lock key that serializes layout creation (`yjs` in ASCII).
const LAYOUT_LOCK: i64 = 0x79_6a_73;

/// How many connections one store opens at most.
const MAX_CONNECTIONS: usize = 16;

/// How long a caller waits for a free connection.
const POOL_WAIT: Duration = Duration::from_secs(10);

/// How often an append is tried again when the sequence key catches a concurrent insert.
const APPEND_TRIES: usize = 3;

/// A case store in a PostgreSQL database.
pub struct PostgresStore {
    config: Config,
    /// The schema to use (`SET search_path`), when not the server's default.
    schema: Option<String>,
    pool: Mutex<Pool>,
    freed: Condvar,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("schema", &self.schema)
            .finish_non_exhaustive()
    }
}

#[derive(Default)]
struct Pool {
    idle: Vec<Client>,
    open: usize,
}

fn db(e: postgres::Error) -> StoreError {
    StoreError::Unavailable(e.to_string())
}

/// Whether the schema name is a plain identifier (it is interpolated into `SET search_path`).
fn plain_identifier(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !name.as_bytes()[0].is_ascii_digit()
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user@host:port/db`) and creates the
    /// layout if it is missing.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        Self::connect(url, None)
    }

    /// Like [`PostgresStore::open`], in schema `schema` (created if missing): tests give each
    /// store a fresh one; a hall may keep several registries in one database.
    pub fn open_in_schema(url: &str, schema: &str) -> Result<Self, StoreError> {
        if !plain_identifier(schema) {
            return Err(StoreError::Unavailable(format!(
                "模式名 {schema} 只能由小写字母、数字和下划线组成"
            )));
        }
        Self::connect(url, Some(schema.to_owned()))
    }

    fn connect(url: &str, schema: Option<String>) -> Result<Self, StoreError> {
        let mut config = Config::from_str(url)
            // The URL is not repeated: it may hold a password.
            .map_err(|e| StoreError::Unavailable(format!("PostgreSQL 数据库地址无法解析：{e}")))?;
        config.connect_timeout(Duration::from_secs(10));
        config.application_name("yjs");
        let store = Self {
            config,
            schema,
            pool: Mutex::new(Pool::default()),
            freed: Condvar::new(),
        };
        store.init()?;
        Ok(store)
    }

    /// Creates the schema and the layout under an advisory lock and checks the layout version.
    fn init(&self) -> Result<(), StoreError> {
        self.with_conn(|conn| self.init_in(conn))
    }

    fn init_in(&self, conn: &mut Client) -> Result<(), StoreError> {
        let mut tx = conn.transaction().map_err(db)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LAYOUT_LOCK])
            .map_err(db)?;
        if let Some(schema) = &self.schema {
            tx.batch_execute(&format!(
                "CREATE SCHEMA IF NOT EXISTS {schema}; SET LOCAL search_path TO {schema}"
            ))
            .map_err(db)?;
        }
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS yjs_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)",
        )
        .map_err(db)?;
        let found: Option<i64> = tx
            .query_opt("SELECT value FROM yjs_meta WHERE key = 'layout'", &[])
            .map_err(db)?
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(db)?;
        if let Some(found) = found.filter(|&v| v > SCHEMA_VERSION) {
            return Err(StoreError::TooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        tx.batch_execute(SCHEMA).map_err(db)?;
        tx.execute(
            "INSERT INTO yjs_meta (key, value) VALUES ('layout', $1)
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            &[&SCHEMA_VERSION],
        )
        .map_err(db)?;
        tx.commit().map_err(db)
    }

    fn lock(&self) -> MutexGuard<'_, Pool> {
        self.pool.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` on a connection: an idle one, a new one while fewer than [`MAX_CONNECTIONS`]
    /// are open, or the next one freed within [`POOL_WAIT`]. The connection goes back to the
    /// pool afterwards, unless it broke.
    fn with_conn<T>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut client = self.take()?;
        let result = f(&mut client);
        let mut pool = self.lock();
        if client.is_closed() {
            pool.open = pool.open.saturating_sub(1);
        } else {
            pool.idle.push(client);
        }
        drop(pool);
        self.freed.notify_one();
        result
    }

    /// A connection taken from the pool (see [`PostgresStore::with_conn`]).
    fn take(&self) -> Result<Client, StoreError> {
        let mut pool = self.lock();
        loop {
            if let Some(client) = pool.idle.pop() {
                return Ok(client);
            }
            if pool.open < MAX_CONNECTIONS {
                pool.open += 1;
                drop(pool);
                let client = self.new_client();
                if client.is_err() {
                    let mut pool = self.lock();
                    pool.open = pool.open.saturating_sub(1);
                    drop(pool);
                    self.freed.notify_one();
                }
                return client;
            }
            let (next, timeout) = self
                .freed
                .wait_timeout(pool, POOL_WAIT)
                .unwrap_or_else(PoisonError::into_inner);
            pool = next;
            if timeout.timed_out() && pool.idle.is_empty() && pool.open >= MAX_CONNECTIONS {
                return Err(StoreError::Unavailable(format!(
                    "{} 秒内没有空闲的数据库连接",
                    POOL_WAIT.as_secs()
                )));
            }
        }
    }

    fn new_client(&self) -> Result<Client, StoreError> {
        let mut client = self.config.connect(NoTls).map_err(db)?;
        if let Some(schema) = &self.schema {
            client
                .batch_execute(&format!("SET search_path TO {schema}"))
                .map_err(db)?;
        }
        Ok(client)
    }

    /// Reads a case's record and log inside a transaction; `lock` takes the case's row lock.
    fn read(
        tx: &mut Transaction<'_>,
        case_id: &str,
        lock: bool,
    ) -> Result<(CaseRecord, Vec<Event>), StoreError> {
        let sql = if lock {
            "SELECT record FROM cases WHERE id = $1 FOR UPDATE"
        } else {
            "SELECT record FROM cases WHERE id = $1"
        };
        let row = tx.query_opt(sql, &[&case_id]).map_err(db)?;
        let record: String = row
            .ok_or_else(|| StoreError::NotFound(case_id.to_owned()))?
            .try_get(0)
            .map_err(db)?;
        let record: CaseRecord = decode_column(case_id, &record)?;
        let mut events = Vec::new();
        for row in tx
            .query(
                "SELECT body FROM events WHERE case_id = $1 ORDER BY seq",
                &[&case_id],
            )
            .map_err(db)?
        {
            let body: String = row.try_get(0).map_err(db)?;
            events.push(decode_column(case_id, &body)?);
        }
        Ok((record, events))
    }

    /// One try of [`CaseStore::append`]: `Ok(None)` when the sequence key caught a concurrent
    /// insert and the append should be tried again.
    fn try_append(
        conn: &mut Client,
        case_id: &str,
        event: &Event,
        body: &str,
    ) -> Result<Option<Applied>, StoreError> {
        let mut tx = conn.transaction().map_err(db)?;
        let (record, events) = Self::read(&mut tx, case_id, true)?;
        let seq = i32::try_from(events.len()).map_err(|_| StoreError::Corrupt {
            case: case_id.to_owned(),
            reason: "事件过多".to_owned(),
        })?;
        let case = replay(record, events)?;
        if case.check(event).map_err(StoreError::Refused)? == Applied::Duplicate {
            return Ok(Some(Applied::Duplicate));
        }
        let inserted = tx.execute(
            "INSERT INTO events (case_id, seq, event_id, at, kind, body)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &case_id,
                &seq,
                &event.id,
                &event.at.to_string(),
                &event.kind.name().tag(),
                &body,
            ],
        );
        match inserted {
            Ok(_) => {}
            Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => return Ok(None),
            Err(e) => return Err(db(e)),
        }
        tx.commit().map_err(db)?;
        Ok(Some(Applied::Appended))
    }
}

impl CaseStore for PostgresStore {
    fn create(&self, prefix: &str, record: CaseRecord) -> Result<CaseRecord, StoreError> {
        encode_checked(&record)?;
        // A concurrent create with the same key makes the second insert of the key fail; the
        // second try then finds the key and returns that case.
        let first = self.with_conn(|conn| Self::create_in(conn, prefix, record.clone()));
        match first {
            Err(StoreError::Unavailable(_)) if record.key.is_some() => {
                self.with_conn(|conn| Self::create_in(conn, prefix, record))
            }
            other => other,
        }
    }

    fn append(&self, case_id: &str, event: &Event) -> Result<Applied, StoreError> {
        let body = encode_checked(event)?;
        for _ in 0..APPEND_TRIES {
            if let Some(applied) =
                self.with_conn(|conn| Self::try_append(conn, case_id, event, &body))?
            {
                return Ok(applied);
            }
        }
        Err(StoreError::Unavailable(format!(
            "办件 {case_id} 的事件序号连续 {APPEND_TRIES} 次被并发写入占用"
        )))
    }

    fn load(&self, case_id: &str) -> Result<Case, StoreError> {
        let (record, events) = self.with_conn(|conn| {
            // One read-only transaction, so the record and the log are one snapshot.
            let mut tx = conn
                .build_transaction()
                .read_only(true)
                .isolation_level(postgres::IsolationLevel::RepeatableRead)
                .start()
                .map_err(db)?;
            let read = Self::read(&mut tx, case_id, false)?;
            tx.commit().map_err(db)?;
            Ok(read)
        })?;
        replay(record, events)
    }

    fn ids(&self) -> Result<Vec<String>, StoreError> {
        self.with_conn(|conn| {
            let rows = conn
                .query("SELECT id FROM cases ORDER BY id COLLATE \"C\"", &[])
                .map_err(db)?;
            rows.into_iter().map(|r| r.try_get(0).map_err(db)).collect()
        })
    }

    fn find_key(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.with_conn(|conn| {
            let row = conn
                .query_opt("SELECT case_id FROM case_keys WHERE key = $1", &[&key])
                .map_err(db)?;
            row.map(|r| r.try_get(0).map_err(db)).transpose()
        })
    }
}

impl PostgresStore {
    /// [`CaseStore::create`] on one connection: number and store in one transaction.
    fn create_in(
        conn: &mut Client,
        prefix: &str,
        mut record: CaseRecord,
    ) -> Result<CaseRecord, StoreError> {
        let mut tx = conn.transaction().map_err(db)?;
        if let Some(key) = &record.key {
            let existing = tx
                .query_opt("SELECT case_id FROM case_keys WHERE key = $1", &[key])
                .map_err(db)?;
            if let Some(row) = existing {
                let id: String = row.try_get(0).map_err(db)?;
                return Ok(Self::read(&mut tx, &id, false)?.0);
            }
        }
        let last: i64 = tx
            .query_one(
                "INSERT INTO case_seq (prefix, last) VALUES ($1, 1)
                 ON CONFLICT (prefix) DO UPDATE SET last = case_seq.last + 1 RETURNING last",
                &[&prefix],
            )
            .map_err(db)?
            .try_get(0)
            .map_err(db)?;
        let seq = u64::try_from(last).map_err(|_| StoreError::Corrupt {
            case: String::new(),
            reason: format!("case_seq 中 {prefix} 的序号 {last} 不是正数"),
        })?;
        record.id = case_id(prefix, seq)?;
        let body = encode(&record)?;
        tx.execute(
            "INSERT INTO cases (id, matter, received, record) VALUES ($1, $2, $3, $4)",
            &[
                &record.id,
                &record.matter,
                &record.received.to_string(),
                &body,
            ],
        )
        .map_err(db)?;
        if let Some(key) = &record.key {
            tx.execute(
                "INSERT INTO case_keys (key, case_id) VALUES ($1, $2)",
                &[key, &record.id],
            )
            .map_err(db)?;
        }
        tx.commit().map_err(db)?;
        Ok(record)
    }
}
