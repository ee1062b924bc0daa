//! The `CaseStore` contract (see `store/mod.rs` and ARCHITECTURE.md), checked for every store.
//!
//! A new store passes when [`contract`] passes for it: add one test that calls it with a
//! function making fresh, empty stores.

mod common;

use common::{approve, at, engine, ev, postgres_url, submission, PgSchemas};
use yjs_runtime::{
    id_prefix, Applied, CaseRecord, CaseStore, Code, EventKind, MemoryStore, PostgresStore,
    SqliteStore, StoreError,
};

/// A fresh record of the sample received at `when`, not stored yet.
fn record(when: &str) -> CaseRecord {
    match engine().submit(&submission(), at(when)) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    }
}

fn create(store: &dyn CaseStore, when: &str) -> String {
    let r = record(when);
    match store.create(&id_prefix(&r.matter, at(when)), r) {
        Ok(r) => r.id,
        Err(e) => panic!("{e}"),
    }
}

fn refusal(result: Result<Applied, StoreError>) -> Code {
    match result {
        Err(StoreError::Refused(r)) => r.code,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn events(store: &dyn CaseStore, id: &str) -> Vec<String> {
    match store.load(id) {
        Ok(c) => c.events.into_iter().map(|e| e.id).collect(),
        Err(e) => panic!("{e}"),
    }
}

/// Every guarantee, each on a fresh store from `make`.
fn contract<S: CaseStore + Sync>(make: impl Fn() -> S) {
    numbers_cases_per_prefix_and_keeps_records(&make());
    unknown_cases_are_not_found(&make());
    refused_and_repeated_events_write_nothing(&make());
    concurrent_appends_never_both_pass(&make());
    concurrent_creates_get_distinct_numbers(&make());
}

fn numbers_cases_per_prefix_and_keeps_records(store: &dyn CaseStore) {
    let r = record("2026-03-03 09:00");
    let stored = match store.create(&id_prefix("newborn", at("2026-03-03 09:00")), r.clone()) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(stored.id, "newborn-20260303-0001");
    assert_eq!(
        CaseRecord {
            id: String::new(),
            ..stored.clone()
        },
        r,
        "only the id is set"
    );
    assert_eq!(create(store, "2026-03-02 09:00"), "newborn-20260302-0001");
    assert_eq!(create(store, "2026-03-02 10:00"), "newborn-20260302-0002");
    assert_eq!(
        store.ids().ok(),
        Some(vec![
            "newborn-20260302-0001".to_owned(),
            "newborn-20260302-0002".to_owned(),
            "newborn-20260303-0001".to_owned(),
        ]),
        "ids in ascending order"
    );
    assert_eq!(
        store.load(&stored.id).map(|c| c.record).ok(),
        Some(stored),
        "a record reads back unchanged"
    );
}

fn unknown_cases_are_not_found(store: &dyn CaseStore) {
    assert!(matches!(store.load("nope"), Err(StoreError::NotFound(id)) if id == "nope"));
    assert!(matches!(
        store.append("nope", &ev("a", "2026-03-02 10:00", approve("accept"))),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(store.ids().ok(), Some(Vec::new()));
}

fn refused_and_repeated_events_write_nothing(store: &dyn CaseStore) {
    let id = create(store, "2026-03-02 09:00");
    let early = ev("h", "2026-03-02 10:00", approve("hukou"));
    assert_eq!(refusal(store.append(&id, &early)), Code::PredecessorOpen);
    assert!(events(store, &id).is_empty());
    let accept = ev("a", "2026-03-02 10:00", approve("accept"));
    assert_eq!(store.append(&id, &accept).ok(), Some(Applied::Appended));
    assert_eq!(store.append(&id, &accept).ok(), Some(Applied::Duplicate));
    let reused = ev(
        "a",
        "2026-03-02 11:00",
        EventKind::Start {
            step: "birth_cert".into(),
        },
    );
    assert_eq!(refusal(store.append(&id, &reused)), Code::EventIdReused);
    let next = ev("b", "2026-03-03 10:00", approve("birth_cert"));
    assert_eq!(store.append(&id, &next).ok(), Some(Applied::Appended));
    assert_eq!(events(store, &id), ["a", "b"], "events in append order");
}

/// Eight writers approve `accept` at once, each under its own event id: exactly one passes,
/// the others see the approved step.
fn concurrent_appends_never_both_pass<S: CaseStore + Sync>(store: &S) {
    let id = create(store, "2026-03-02 09:00");
    let results: Vec<Result<Applied, StoreError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|n| {
                let id = &id;
                scope.spawn(move || {
                    store.append(
                        id,
                        &ev(&format!("w{n}"), "2026-03-02 10:00", approve("accept")),
                    )
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or(Err(StoreError::Unavailable("a writer panicked".into())))
            })
            .collect()
    });
    let passed = results
        .iter()
        .filter(|r| matches!(r, Ok(Applied::Appended)))
        .count();
    assert_eq!(passed, 1, "{results:?}");
    assert!(results.iter().all(|r| match r {
        Ok(Applied::Appended) => true,
        Err(StoreError::Refused(r)) => r.code == Code::WrongStatus,
        _ => false,
    }));
    assert_eq!(events(store, &id).len(), 1);
}

fn concurrent_creates_get_distinct_numbers<S: CaseStore + Sync>(store: &S) {
    let mut ids: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| scope.spawn(|| create(store, "2026-03-02 09:00")))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    ids.sort();
    let expected: Vec<String> = (1..=8)
        .map(|n| format!("newborn-20260302-{n:04}"))
        .collect();
    assert_eq!(ids, expected);
}

#[test]
fn the_memory_store_keeps_the_contract() {
    contract(MemoryStore::new);
}

#[test]
fn the_sqlite_store_keeps_the_contract() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let n = std::sync::atomic::AtomicUsize::new(0);
    contract(|| {
        let k = n.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        match SqliteStore::open(&dir.path().join(format!("{k}.db"))) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    });
}

#[test]
fn the_postgres_store_keeps_the_contract() {
    let Some(url) = postgres_url() else { return };
    let schemas = PgSchemas::new(&url);
    contract(
        || match PostgresStore::open_in_schema(&url, &schemas.fresh()) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        },
    );
}

/// Two connections to one file, as two processes would hold: writes through either are
/// serialized by the database, and each sees the other's.
#[test]
fn two_sqlite_connections_on_one_file_never_both_pass() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let path = dir.path().join("shared.db");
    let open = || match SqliteStore::open(&path) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    two_instances_never_both_pass(&open(), &open());
}

/// Two stores on one PostgreSQL database, as two `yjs serve` instances behind a load balancer
/// hold: the database serializes writes to one case and numbers cases uniquely.
#[test]
fn two_postgres_instances_on_one_database_never_both_pass() {
    let Some(url) = postgres_url() else { return };
    let schemas = PgSchemas::new(&url);
    let schema = schemas.fresh();
    let open = || match PostgresStore::open_in_schema(&url, &schema) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    two_instances_never_both_pass(&open(), &open());
}

/// Eight writers through two stores on one database approve `accept` at once: one passes; two
/// creates at once get distinct numbers.
fn two_instances_never_both_pass<S: CaseStore + Sync>(a: &S, b: &S) {
    let id = create(a, "2026-03-02 09:00");
    let results: Vec<Result<Applied, StoreError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|n| {
                let store = if n % 2 == 0 { a } else { b };
                let id = &id;
                scope.spawn(move || {
                    store.append(
                        id,
                        &ev(&format!("w{n}"), "2026-03-02 10:00", approve("accept")),
                    )
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or(Err(StoreError::Unavailable("a writer panicked".into())))
            })
            .collect()
    });
    let passed = results
        .iter()
        .filter(|r| matches!(r, Ok(Applied::Appended)))
        .count();
    assert_eq!(passed, 1, "{results:?}");
    assert_eq!(events(b, &id).len(), 1);
    let second: Vec<String> = std::thread::scope(|scope| {
        let h1 = scope.spawn(|| create(a, "2026-03-02 09:00"));
        let h2 = scope.spawn(|| create(b, "2026-03-02 09:00"));
        vec![h1.join().unwrap_or_default(), h2.join().unwrap_or_default()]
    });
    assert!(second[0] != second[1], "{second:?}");
}
