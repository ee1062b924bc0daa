//! The store a server runs on: SQLite (embedded, the default) or PostgreSQL (several instances),
//! chosen by `--db`, behind the runtime's one `CaseStore` contract.

use yjs_runtime::Applied;
use yjs_runtime::{Case, CaseRecord, CaseStore, Event, PostgresStore, SqliteStore, StoreError};

/// Either store.
#[derive(Debug)]
pub enum AnyStore {
    /// One SQLite file.
    Sqlite(SqliteStore),
    /// A PostgreSQL database (boxed: its pool is larger than a SQLite handle).
    Postgres(Box<PostgresStore>),
}

impl AnyStore {
    /// Opens `--db`: a `postgres://` or `postgresql://` URL, else a SQLite file (created if missing).
    pub fn open(db: &str) -> Result<Self, StoreError> {
        if db.starts_with("postgres://") || db.starts_with("postgresql://") {
            Ok(Self::Postgres(Box::new(PostgresStore::open(db)?)))
        } else {
            Ok(Self::Sqlite(SqliteStore::open(std::path::Path::new(db))?))
        }
    }

    /// `sqlite` or `postgres`, for logs.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

impl CaseStore for AnyStore {
    fn create(&self, prefix: &str, record: CaseRecord) -> Result<CaseRecord, StoreError> {
        match self {
            Self::Sqlite(s) => s.create(prefix, record),
            Self::Postgres(s) => s.create(prefix, record),
        }
    }

    fn append(&self, case_id: &str, event: &Event) -> Result<Applied, StoreError> {
        match self {
            Self::Sqlite(s) => s.append(case_id, event),
            Self::Postgres(s) => s.append(case_id, event),
        }
    }

    fn load(&self, case_id: &str) -> Result<Case, StoreError> {
        match self {
            Self::Sqlite(s) => s.load(case_id),
            Self::Postgres(s) => s.load(case_id),
        }
    }

    fn ids(&self) -> Result<Vec<String>, StoreError> {
        match self {
            Self::Sqlite(s) => s.ids(),
            Self::Postgres(s) => s.ids(),
        }
    }

    fn find_key(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            Self::Sqlite(s) => s.find_key(key),
            Self::Postgres(s) => s.find_key(key),
        }
    }
}
