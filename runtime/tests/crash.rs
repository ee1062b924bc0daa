//! Crash test: a writer process appending events is killed with SIGKILL; every acknowledged event survives.
//!
//! The test re-executes its own binary with `YJS_CRASH_WRITER` set to the database path; in that
//! child, [`crash_writer_child`] appends events in an endless legal cycle (补正 requested and
//! received on `hukou`) and prints each event id on stdout once `append` has returned, i.e. after
//! the commit. The parent kills the child mid-stream and reopens the database.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use common::{approve, at, engine, ev, submission};
use yjs_runtime::{id_prefix, CaseStore, EventKind, SqliteStore};

const WRITER_ENV: &str = "YJS_CRASH_WRITER";

/// The writer side; a no-op unless the parent test started this binary as the writer.
#[test]
fn crash_writer_child() {
    let Ok(db) = std::env::var(WRITER_ENV) else {
        return;
    };
    let store = match SqliteStore::open(std::path::Path::new(&db)) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    let case = "newborn-20260302-0001";
    let mut out = std::io::stdout().lock();
    for n in 0..1_000_000u32 {
        let kind = if n % 2 == 0 {
            EventKind::SpecialStart {
                step: "hukou".into(),
                procedure: "expert_review".into(),
                basis: format!("第 {n} 次专家评审"),
            }
        } else {
            EventKind::SpecialEnd {
                step: "hukou".into(),
            }
        };
        let id = format!("c{n}");
        if let Err(e) = store.append(case, &ev(&id, "2026-03-04 10:00", kind)) {
            panic!("{e}");
        }
        if writeln!(out, "ack {id}")
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

#[test]
fn acknowledged_events_survive_sigkill() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let db = dir.path().join("cases.db");
    {
        let store = match SqliteStore::open(&db) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        let received = at("2026-03-02 09:00");
        let record = match engine().submit(&submission(), received) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        if let Err(e) = store.create(&id_prefix("newborn", received), record) {
            panic!("{e}");
        }
        for (id, step) in [("a", "accept"), ("b", "birth_cert")] {
            if let Err(e) = store.append(
                "newborn-20260302-0001",
                &ev(id, "2026-03-03 09:00", approve(step)),
            ) {
                panic!("{e}");
            }
        }
    }
    let exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    let mut child = match Command::new(exe)
        .args([
            "--exact",
            "crash_writer_child",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(WRITER_ENV, &db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let Some(stdout) = child.stdout.take() else {
        panic!("no stdout");
    };
    let mut acked = Vec::new();
    let mut lines = BufReader::new(stdout).lines();
    while acked.len() < 40 {
        match lines.next() {
            Some(Ok(line)) => {
                if let Some(id) = line.strip_prefix("ack ") {
                    acked.push(id.to_owned());
                }
            }
            _ => panic!("the writer stopped after {} events", acked.len()),
        }
    }
    // SIGKILL on Unix: no destructor, no flush, no orderly close of the database.
    if let Err(e) = child.kill() {
        panic!("{e}");
    }
    // Acknowledgements already in the pipe count too.
    for line in lines.map_while(Result::ok) {
        if let Some(id) = line.strip_prefix("ack ") {
            acked.push(id.to_owned());
        }
    }
    let status = child.wait();
    assert!(matches!(status, Ok(s) if !s.success()), "{status:?}");

    let store = match SqliteStore::open(&db) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    let case = match store.load("newborn-20260302-0001") {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let stored: Vec<&str> = case.events.iter().map(|e| e.id.as_str()).collect();
    for id in &acked {
        assert!(
            stored.contains(&id.as_str()),
            "acknowledged event {id} lost"
        );
    }
    // The log is a prefix of the writer's sequence: nothing half-written, nothing reordered.
    let expected: Vec<String> = ["a", "b"]
        .iter()
        .map(|s| (*s).to_owned())
        .chain((0..stored.len().saturating_sub(2)).map(|n| format!("c{n}")))
        .collect();
    assert_eq!(stored, expected);
    assert!(stored.len() >= acked.len() + 2);
}
