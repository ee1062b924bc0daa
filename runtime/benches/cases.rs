//! Benchmarks: validate-and-route throughput in memory, and persisted submits and events in SQLite.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::NaiveDateTime;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde_json::Value;
use yjs_runtime::calendar::Calendar;
use yjs_runtime::{
    id_prefix, CaseStore, Engine, Event, EventKind, MatterArtifacts, MemoryStore, Service,
    SqliteStore,
};

fn setup() -> Option<(Engine, Value, NaiveDateTime)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/newborn");
    let artifacts = MatterArtifacts::load(&dir).ok()?;
    let engine = Engine::new(artifacts, Calendar::official().ok()?).ok()?;
    let text = std::fs::read_to_string(dir.join("submission.json")).ok()?;
    let submission = serde_json::from_str(&text).ok()?;
    let received = NaiveDateTime::parse_from_str("2026-03-02 09:00", "%Y-%m-%d %H:%M").ok()?;
    Some((engine, submission, received))
}

fn cases(c: &mut Criterion) {
    let Some((engine, submission, received)) = setup() else {
        eprintln!("the newborn fixtures do not load");
        return;
    };
    let prefix = id_prefix("newborn", received);
    let mut group = c.benchmark_group("cases");
    group.sample_size(10);
    group.throughput(Throughput::Elements(1));

    group.bench_function("validate_and_route", |b| {
        b.iter(|| black_box(engine.submit(black_box(&submission), received).is_ok()))
    });

    let mut invalid = submission.clone();
    invalid["mother_id"] = Value::String("110105199001011233".into());
    invalid["birth_date"] = Value::String("2026-02-30".into());
    group.bench_function("validate_invalid", |b| {
        b.iter(|| black_box(engine.submit(black_box(&invalid), received).is_err()))
    });

    let memory = MemoryStore::new();
    group.bench_function("submit_in_memory", |b| {
        b.iter(|| {
            if let Ok(record) = engine.submit(&submission, received) {
                black_box(memory.create(&prefix, record).is_ok());
            }
        })
    });

    let Ok(dir) = tempfile::tempdir() else { return };
    let Ok(sqlite) = SqliteStore::open(&dir.path().join("bench.db")) else {
        return;
    };
    group.bench_function("submit_sqlite", |b| {
        b.iter(|| {
            if let Ok(record) = engine.submit(&submission, received) {
                black_box(sqlite.create(&prefix, record).is_ok());
            }
        })
    });

    // Events on a fresh case each iteration: accept approved (load, replay, check, commit).
    group.bench_function("event_sqlite", |b| {
        b.iter(|| {
            if let Ok(record) = engine.submit(&submission, received) {
                if let Ok(r) = sqlite.create(&prefix, record) {
                    let event = Event {
                        id: "a".into(),
                        at: received,
                        kind: EventKind::Approve {
                            step: "accept".into(),
                            output: Value::Null,
                        },
                        by: None,
                    };
                    black_box(sqlite.append(&r.id, &event).is_ok());
                }
            }
        })
    });

    // The same through the service: submit computes the case's view before it stores the case;
    // an event is checked and viewed before the append and shown as stored after it.
    let Ok(service_store) = SqliteStore::open(&dir.path().join("service.db")) else {
        return;
    };
    let mut service = Service::new(service_store, engine.calendar().clone());
    let Some(artifacts) = MatterArtifacts::load(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/newborn"),
    )
    .ok() else {
        return;
    };
    if service.add_matter(artifacts).is_err() {
        return;
    }
    group.bench_function("service_submit_sqlite", |b| {
        b.iter(|| black_box(service.submit("newborn", &submission, received).is_ok()))
    });
    group.bench_function("service_event_sqlite", |b| {
        b.iter(|| {
            if let Ok(case) = service.submit("newborn", &submission, received) {
                let event = Event::new(
                    None,
                    received,
                    EventKind::Approve {
                        step: "accept".into(),
                        output: Value::Null,
                    },
                );
                black_box(service.event(&case.id, event).is_ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, cases);
criterion_main!(benches);
