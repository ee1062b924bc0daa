//! `yjs case` refuses bad input before it stores anything: a key given twice, a leap second, a
//! time outside 1900–2100, blank and control-character text (exit codes and codes as documented).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Output;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn case(db: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(["case", "--db", db.to_str().unwrap()])
        .args(args)
        .current_dir(root())
        .output()
        .expect("run yjs")
}

fn submit(db: &Path, file: &Path, received: &str) -> Output {
    case(
        db,
        &[
            "submit",
            "--artifacts",
            "generated/newborn",
            "--received",
            received,
            file.to_str().unwrap(),
        ],
    )
}

fn sample() -> String {
    std::fs::read_to_string(root().join("runtime/tests/fixtures/newborn/submission.json")).unwrap()
}

#[test]
fn bad_input_exits_with_its_code_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    let file = dir.path().join("s.json");
    // A key given twice: the last value used to win silently.
    let twice = sample().replacen('{', "{\"mother_name\": \"王芳\",", 1);
    std::fs::write(&file, twice).unwrap();
    let out = submit(&db, &file, "2026-03-02T09:00");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[duplicate_key]"));
    std::fs::write(&file, sample()).unwrap();
    for (received, code) in [
        ("2026-11-27T10:00:60", "[bad_time]"),
        ("0000-01-01", "[time_out_of_range]"),
        ("9999-12-31T10:00", "[time_out_of_range]"),
    ] {
        let out = submit(&db, &file, received);
        assert_eq!(out.status.code(), Some(2), "{received}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(code),
            "{received}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Blank and control-character text: refused (exit 1) with every problem.
    let mut v: serde_json::Value = serde_json::from_str(&sample()).unwrap();
    v["mother_name"] = serde_json::json!("   ");
    v["father_name"] = serde_json::json!("王\u{0}强");
    std::fs::write(&file, v.to_string()).unwrap();
    let out = submit(&db, &file, "2026-03-02T09:00");
    assert_eq!(out.status.code(), Some(1));
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = answer["error"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"blank") && codes.contains(&"control_character"),
        "{codes:?}"
    );
    let list = case(&db, &["list", "--at", "2026-03-02"]);
    assert_eq!(list.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&list.stdout).trim(), "[]");
    // An event at a leap second is refused too.
    std::fs::write(&file, sample()).unwrap();
    let ok = submit(&db, &file, "2026-03-02T09:00");
    assert_eq!(ok.status.code(), Some(0));
    let ev = case(
        &db,
        &[
            "event",
            "newborn-20260302-0001",
            "approve",
            "accept",
            "--at",
            "2026-03-02T10:00:60",
        ],
    );
    assert_eq!(ev.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&ev.stderr).contains("[bad_time]"));
}

#[test]
fn a_submit_with_a_key_is_made_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    let file = dir.path().join("s.json");
    std::fs::write(&file, sample()).unwrap();
    let run = || {
        case(
            &db,
            &[
                "submit",
                "--artifacts",
                "generated/newborn",
                "--received",
                "2026-03-02T09:00",
                "--key",
                "client-42",
                file.to_str().unwrap(),
            ],
        )
    };
    let first = run();
    let again = run();
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(first.stdout, again.stdout);
    let list = case(&db, &["list", "--at", "2026-03-02"]);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.as_array().map(Vec::len), Some(1));
    // Events: --key is the event id; a retry answers `duplicate`.
    let id = rows[0]["id"].as_str().unwrap().to_owned();
    let event = || {
        case(
            &db,
            &[
                "event",
                &id,
                "approve",
                "accept",
                "--at",
                "2026-03-02T10:00",
                "--key",
                "ev-1",
            ],
        )
    };
    let e1: serde_json::Value = serde_json::from_slice(&event().stdout).unwrap();
    let e2: serde_json::Value = serde_json::from_slice(&event().stdout).unwrap();
    assert_eq!(
        (e1["applied"].as_str(), e2["applied"].as_str()),
        (Some("appended"), Some("duplicate"))
    );
    assert_eq!(e2["event"]["id"], "ev-1");
}
