//! `yjs case` with a waiting step (公示期): `show` and `list` say 等待中 with the period's end as a
//! 公文 date, a caller cannot end or handle it, and it ends by itself so the step after it acts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn case(db: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_yjs"))
        .args(["case", "--db", db.to_str().unwrap(), "--format", "text"])
        .args(args)
        .current_dir(root())
        .output()
        .expect("run yjs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The compiled newborn artifacts with `publicity`, a 20-day 公示 between `birth_cert` and
/// `hukou`, as the compiler writes a waiting step.
fn artifacts(dir: &Path) -> PathBuf {
    let from = root().join("generated/newborn");
    let to = dir.join("newborn");
    std::fs::create_dir_all(&to).unwrap();
    for file in ["form.schema.json", "projections.json"] {
        std::fs::copy(from.join(file), to.join(file)).unwrap();
    }
    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(from.join("plan.json")).unwrap()).unwrap();
    let steps = plan["steps"].as_array_mut().unwrap();
    let hukou = steps.iter().position(|s| s["id"] == "hukou").unwrap();
    steps[hukou]["after"] = json!(["publicity"]);
    steps.insert(
        hukou,
        json!({
            "id": "publicity", "kind": "wait", "name": "出生登记公示",
            "department": null, "department_name": null, "after": ["birth_cert"],
            "condition": {"op": "always"}, "legal": null,
            "promise": {"unit": "days", "amount": 20, "workdays": 20},
            "earliest_start": 2, "earliest_finish": 2, "latest_finish": 2, "slack": 0,
            "critical": false
        }),
    );
    std::fs::write(to.join("plan.json"), plan.to_string()).unwrap();
    to
}

#[test]
fn a_waiting_period_shows_and_ends_by_itself_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    let matter = artifacts(dir.path());
    let submission = dir.path().join("submission.json");
    std::fs::copy(
        root().join("runtime/tests/fixtures/newborn/submission.json"),
        &submission,
    )
    .unwrap();
    let out = case(
        &db,
        &[
            "submit",
            "--artifacts",
            matter.to_str().unwrap(),
            "--received",
            "2026-09-24T09:00",
            submission.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let id = "newborn-20260924-0001";
    for (step, at) in [
        ("accept", "2026-09-24T10:00"),
        ("birth_cert", "2026-09-28T10:00"),
        ("vaccine", "2026-09-28T11:00"),
    ] {
        let out = case(&db, &["event", id, "approve", step, "--at", at]);
        assert!(out.status.success(), "{step}: {}", text(&out));
    }

    let shown = text(&case(&db, &["show", id, "--at", "2026-10-16"]));
    let line = shown
        .lines()
        .find(|l| l.trim_start().starts_with("publicity"))
        .unwrap_or_default();
    assert!(
        line.contains("（无办理部门）")
            && line.contains("等待中")
            && line.contains("出生登记公示期至2026年10月18日届满"),
        "{shown}"
    );
    assert!(shown.contains("总时限至 2026-10-26"), "{shown}");
    let listed = text(&case(&db, &["list", "--at", "2026-10-16"]));
    assert!(
        listed.contains("等待中：出生登记公示期至2026年10月18日届满"),
        "{listed}"
    );

    // No one ends or handles a waiting period by hand.
    let out = case(
        &db,
        &[
            "event",
            id,
            "wait_end",
            "publicity",
            "--at",
            "2026-10-19T09:00",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("unknown_event_kind"), "{}", text(&out));
    let out = case(
        &db,
        &[
            "event",
            id,
            "approve",
            "publicity",
            "--at",
            "2026-10-16T09:00",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("wait_is_clocked"), "{}", text(&out));

    // The Monday after its last day (Sunday 10-18) it has ended, and hukou acts.
    let out = case(
        &db,
        &["event", id, "approve", "hukou", "--at", "2026-10-19T09:00"],
    );
    assert!(out.status.success(), "{}", text(&out));
    let shown = text(&case(&db, &["show", id, "--at", "2026-10-19"]));
    assert!(
        shown.contains("已届满") && shown.contains("出生登记公示期已于2026年10月18日届满"),
        "{shown}"
    );
}
