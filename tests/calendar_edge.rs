//! The calendar's edge, end to end with the binary: from 27 November the sample is accepted with
//! estimated (估算) due dates, `yjs calendar add-year` installs next year's notice, and the same
//! cases become exact; the HTTP API carries the same marker.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const YJS: &str = env!("CARGO_BIN_EXE_yjs");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn yjs(args: &[&str]) -> Output {
    Command::new(YJS)
        .args(args)
        .current_dir(root())
        .env_remove("YJS_CALENDAR_DIR")
        .output()
        .expect("run yjs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn fixture() -> String {
    root()
        .join("runtime/tests/fixtures/calendar/2027.txt")
        .to_string_lossy()
        .into_owned()
}

/// `yjs case ARGS --db DB --calendar-dir CAL` as JSON, with its exit code.
fn case(db: &Path, cal: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["case", "--db", db.to_str().unwrap()];
    all.extend(["--calendar-dir", cal.to_str().unwrap()]);
    all.extend(args);
    let out = yjs(&all);
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), json)
}

/// The due dates of every step's legal clock, by step.
fn legal_dues(view: &Value) -> Vec<(String, String)> {
    view["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["legal_clock"].is_null())
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_owned(),
                s["legal_clock"]["due"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_sample_is_accepted_from_27_november_and_exact_once_the_year_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cases.db");
    let cal = dir.path().join("yjs-calendar");
    let sample = root().join("runtime/tests/fixtures/newborn/submission.json");
    let (code, submitted) = case(
        &db,
        &cal,
        &[
            "submit",
            "--artifacts",
            "generated/newborn",
            "--received",
            "2026-11-27T10:00:00",
            sample.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{submitted}");
    let view = &submitted["case"];
    let id = view["id"].as_str().unwrap().to_owned();
    assert_eq!(view["estimate"]["years"], serde_json::json!([2027]));
    assert!(view["estimate"]["reason"]
        .as_str()
        .unwrap()
        .contains("估算"));
    let estimated = legal_dues(view);
    assert!(estimated.iter().any(|(_, due)| due.starts_with("2027")));
    // The text output marks the estimated dates and gives the reason.
    let text = yjs(&[
        "case",
        "--db",
        db.to_str().unwrap(),
        "--calendar-dir",
        cal.to_str().unwrap(),
        "--format",
        "text",
        "show",
        &id,
        "--at",
        "2027-01-05",
    ]);
    assert_eq!(text.status.code(), Some(0));
    let text = stdout(&text);
    assert!(
        text.contains("（估算）") && text.contains("2027 年"),
        "{text}"
    );
    // Listing and supervision in 2027 work too, marked.
    let (code, list) = case(&db, &cal, &["list", "--at", "2027-01-20"]);
    assert_eq!(code, 0);
    assert_eq!(list[0]["estimate"]["years"], serde_json::json!([2027]));
    let (code, sup) = case(&db, &cal, &["overdue", "--at", "2027-01-20"]);
    assert_eq!(code, 0);
    assert!(sup["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| !a["estimate"].is_null()));

    // `check` says what it would install and installs nothing.
    let cal_arg = cal.to_str().unwrap();
    let checked = yjs(&["calendar", "check", &fixture(), "--calendar-dir", cal_arg]);
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    assert!(stdout(&checked).contains("2027"));
    assert!(!cal.join("2027.txt").exists());
    // Before: an estimate, refused with --exact.
    let due = |extra: &[&str]| {
        let mut args = vec![
            "calendar",
            "due",
            "--from",
            "2026-12-25",
            "--workdays",
            "10",
            "--calendar-dir",
            cal_arg,
        ];
        args.extend(extra);
        yjs(&args)
    };
    assert!(stdout(&due(&[])).starts_with("2027-01-08 估算："));
    assert_eq!(due(&["--exact"]).status.code(), Some(1));

    // add-year installs the notice atomically; again is a no-op; a different file is refused.
    let added = yjs(&[
        "calendar",
        "add-year",
        &fixture(),
        "--calendar-dir",
        cal_arg,
    ]);
    assert_eq!(added.status.code(), Some(0), "{added:?}");
    assert!(stdout(&added).contains("已收录 2027 年"));
    let installed: Vec<String> = std::fs::read_dir(&cal)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(installed, vec!["2027.txt".to_owned()]);
    let again = yjs(&[
        "calendar",
        "add-year",
        &fixture(),
        "--calendar-dir",
        cal_arg,
    ]);
    assert_eq!(again.status.code(), Some(0));
    assert!(stdout(&again).contains("未作改变"));
    let other = dir.path().join("2027.txt");
    let text = std::fs::read_to_string(fixture()).unwrap() + "holiday 2027-01-04  测试\n";
    std::fs::write(&other, text).unwrap();
    let other = other.to_str().unwrap();
    let refused = yjs(&["calendar", "add-year", other, "--calendar-dir", cal_arg]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        std::fs::read(cal.join("2027.txt")).unwrap(),
        std::fs::read(fixture()).unwrap()
    );
    // A year the program has, and a broken file, are refused and install nothing.
    let embedded = root().join("runtime/calendar/2026.txt");
    let embedded = yjs(&[
        "calendar",
        "add-year",
        embedded.to_str().unwrap(),
        "--calendar-dir",
        cal_arg,
    ]);
    assert_eq!(embedded.status.code(), Some(1));
    let broken = dir.path().join("2028.txt");
    std::fs::write(&broken, "year 2028\nholiday 2028-02-30 x\n").unwrap();
    let broken = yjs(&[
        "calendar",
        "add-year",
        broken.to_str().unwrap(),
        "--calendar-dir",
        cal_arg,
    ]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(!cal.join("2028.txt").exists());

    // After: exact. New Year's Day is off, so the same computation ends one working day later.
    assert_eq!(stdout(&due(&[])), "2027-01-11");
    assert_eq!(stdout(&due(&["--exact"])), "2027-01-11");
    let years = stdout(&yjs(&["calendar", "years", "--calendar-dir", cal_arg]));
    assert!(years
        .lines()
        .any(|l| l.starts_with("2027") && l.contains("2027.txt")));
    let (code, shown) = case(&db, &cal, &["show", &id, "--at", "2026-11-27"]);
    assert_eq!(code, 0);
    assert!(shown["estimate"].is_null(), "{}", shown["estimate"]);
    let exact = legal_dues(&shown);
    for ((step, before), (_, after)) in estimated.iter().zip(&exact) {
        if before.as_str() >= "2027-01-01" {
            assert!(after > before, "{step}: {before} → {after}");
        }
    }
}

/// Adds a user to `users` and returns its token.
fn add_user(users: &Path, id: &str, role: &str) -> String {
    let out = yjs(&[
        "serve",
        "user",
        "add",
        "--users",
        users.to_str().unwrap(),
        id,
        "--role",
        role,
    ]);
    assert!(out.status.success(), "{out:?}");
    stdout(&out)
}

#[test]
fn the_http_api_marks_estimated_dates() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let users = dir.path().join("users.json");
    let token = add_user(&users, "w1", "window");
    let mut child = Command::new(YJS)
        .args(["serve", "--artifacts"])
        .arg(root().join("generated"))
        .args(["--db"])
        .arg(dir.path().join("cases.db"))
        .args(["--users"])
        .arg(&users)
        .args(["--listen", "127.0.0.1:0", "--now", "2026-12-28T09:00"])
        .current_dir(dir.path())
        .env("YJS_CALENDAR_DIR", dir.path().join("yjs-calendar"))
        .env("YJS_LOG", "info")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("listening").unwrap();
        let log: Value = serde_json::from_str(&line).unwrap_or(Value::Null);
        if log["fields"]["message"] == "yjs serve listening" {
            break log["fields"]["addr"].as_str().unwrap().to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let auth = format!("Bearer {token}");
    let sample: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("runtime/tests/fixtures/newborn/submission.json"))
            .unwrap(),
    )
    .unwrap();
    let mut created = agent
        .post(format!(
            "http://{addr}/api/matters/newborn/cases?received=2026-12-28T09:00"
        ))
        .header("Authorization", &auth)
        .send_json(&sample)
        .unwrap();
    assert_eq!(created.status().as_u16(), 201);
    let created: Value = created.body_mut().read_json().unwrap();
    assert_eq!(
        created["clock"]["estimate"]["years"],
        serde_json::json!([2027])
    );
    let mut listed = agent
        .get(format!("http://{addr}/api/cases?at=2027-01-05"))
        .header("Authorization", &auth)
        .call()
        .unwrap();
    let listed: Value = listed.body_mut().read_json().unwrap();
    assert_eq!(
        listed[0]["estimate"]["years"],
        serde_json::json!([2027]),
        "{listed}"
    );
    assert!(listed[0]["estimate"]["reason"]
        .as_str()
        .unwrap()
        .contains("估算"));
    // An Idempotency-Key header makes a retried POST return the same case, creating nothing.
    let post = || {
        let mut r = agent
            .post(format!(
                "http://{addr}/api/matters/newborn/cases?received=2026-12-28T10:00"
            ))
            .header("Authorization", &auth)
            .header("Idempotency-Key", "intake-7")
            .send_json(&sample)
            .unwrap();
        let status = r.status().as_u16();
        (status, r.body_mut().read_json::<Value>().unwrap())
    };
    let (s1, first) = post();
    let (s2, again) = post();
    assert_eq!((s1, s2), (201, 201));
    assert_eq!(first["id"], again["id"]);
    let mut listed = agent
        .get(format!("http://{addr}/api/cases?at=2027-01-05"))
        .header("Authorization", &auth)
        .call()
        .unwrap();
    let listed: Value = listed.body_mut().read_json().unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(2));
    let _ = child.kill();
    let _ = child.wait();
}

/// `yjs calendar period-end` counts a rolled 公示期 as the runtime does: over a year without data
/// it is an estimate (2027-01-01, a Friday, counted as a working day); once the year's notice
/// is installed, that 元旦 is a day off and the period ends on Monday 2027-01-04, exactly.
#[test]
fn a_rolled_period_end_turns_exact_when_the_year_is_added() {
    let cal = tempfile::tempdir().unwrap();
    let dir = cal.path().to_str().unwrap();
    let end = |extra: &[&str]| {
        let mut args = vec![
            "calendar",
            "period-end",
            "--from",
            "2026-12-12",
            "--days",
            "20",
        ];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--calendar-dir", dir]);
        yjs(&args)
    };
    let plain = end(&[]);
    assert_eq!(
        stdout(&plain),
        "2027-01-01",
        "natural days read no calendar"
    );
    let estimated = end(&["--roll-forward"]);
    assert!(estimated.status.success());
    assert!(
        stdout(&estimated).starts_with("2027-01-01 估算："),
        "{}",
        stdout(&estimated)
    );
    assert_eq!(end(&["--roll-forward", "--exact"]).status.code(), Some(1));
    let added = yjs(&["calendar", "add-year", &fixture(), "--calendar-dir", dir]);
    assert!(added.status.success(), "{added:?}");
    let exact = end(&["--roll-forward", "--exact"]);
    assert_eq!(stdout(&exact), "2027-01-04");
    // One length only, and a date the command line can read.
    let both = end(&["--workdays", "3"]);
    assert_eq!(both.status.code(), Some(2));
    let bad = yjs(&[
        "calendar",
        "period-end",
        "--from",
        "2026-1-2",
        "--days",
        "3",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}
