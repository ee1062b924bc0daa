//! `yjs serve` end to end over HTTP, with each store (SQLite, PostgreSQL): the release contract
//! (flags, 401, the two fixed routes, /openapi.json), roles, department isolation (every
//! department's token tries every other department's packets and steps), 补正 once, blame on
//! the 督办 board, 差评 and 整改, statistics, the applicant's progress, graceful shutdown.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};

const YJS: &str = env!("CARGO_BIN_EXE_yjs");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample submission of the newborn matter (settle local, card true).
fn submission() -> Value {
    let text =
        std::fs::read_to_string(root().join("runtime/tests/fixtures/newborn/submission.json"))
            .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Adds a user and returns its token.
fn add_user(users: &Path, id: &str, role: &str, dept: Option<&str>) -> String {
    let mut cmd = Command::new(YJS);
    cmd.args(["serve", "user", "add", "--users"])
        .arg(users)
        .args([id, "--role", role]);
    if let Some(d) = dept {
        cmd.args(["--department", d]);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A running `yjs serve`, stopped (SIGTERM) when dropped.
struct Served {
    child: Child,
    base: String,
    agent: ureq::Agent,
}

impl Served {
    /// Starts `yjs serve` with `args` and waits until it says where it listens.
    fn start(dir: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(YJS)
            .arg("serve")
            .args(args)
            .current_dir(dir)
            .env("YJS_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        let Some(stderr) = child.stderr.take() else {
            panic!("no stderr");
        };
        let mut lines = BufReader::new(stderr).lines();
        let addr = loop {
            let Some(Ok(line)) = lines.next() else {
                let _ = child.kill();
                panic!("yjs serve stopped before listening");
            };
            let log: Value = serde_json::from_str(&line).unwrap_or(Value::Null);
            if log["fields"]["message"] == "yjs serve listening" {
                break log["fields"]["addr"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
            }
        };
        // Keep reading the log so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        // A fresh connection per request: a request refused before its body is read (a POST
        // without a token) may leave its connection to be closed by the server, and a pooled
        // reuse of it would race with that close.
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_idle_connections(0)
            .max_idle_connections_per_host(0)
            .build()
            .into();
        Self {
            child,
            base: format!("http://{addr}"),
            agent,
        }
    }

    /// A request: `(status, content type, body)`.
    fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> (u16, String, String) {
        let url = format!("{}{path}", self.base);
        let auth = token.map(|t| format!("Bearer {t}"));
        let result = match (method, body) {
            ("GET", _) => {
                let mut r = self.agent.get(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.call()
            }
            (_, body) => {
                let mut r = self.agent.post(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.send_json(body.cloned().unwrap_or(Value::Null))
            }
        };
        let mut response = result.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status().as_u16();
        let ty = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let text = response.body_mut().read_to_string().unwrap_or_default();
        (status, ty, text)
    }

    /// A JSON request: `(status, body)`.
    fn json(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> (u16, Value) {
        let (status, _, text) = self.call(method, path, token, body);
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Stops the server with SIGTERM and waits: a graceful shutdown exits 0.
    fn stop(mut self) {
        let pid = self.child.id().to_string();
        let killed = Command::new("kill").args(["-TERM", &pid]).status();
        assert!(killed.is_ok_and(|s| s.success()));
        let status = self.child.wait().unwrap_or_else(|e| panic!("{e}"));
        assert!(status.success(), "yjs serve exited with {status}");
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The tokens of the hall: one window clerk, one supervisor, one officer per department.
struct Hall {
    window: String,
    supervisor: String,
    departments: Vec<(&'static str, String)>,
}

impl Hall {
    fn new(users: &Path) -> Self {
        let departments = ["wsjk", "gaj", "ybj", "rsj"]
            .into_iter()
            .map(|d| (d, add_user(users, &format!("{d}1"), "department", Some(d))))
            .collect();
        Self {
            window: add_user(users, "w1", "window", None),
            supervisor: add_user(users, "s1", "supervisor", None),
            departments,
        }
    }

    fn dept(&self, d: &str) -> &str {
        self.departments
            .iter()
            .find(|(id, _)| *id == d)
            .map_or("", |(_, t)| t.as_str())
    }
}

/// Records an event and returns `(status, body)`.
fn event(s: &Served, token: &str, case: &str, body: Value) -> (u16, Value) {
    s.json(
        "POST",
        &format!("/api/cases/{case}/events"),
        Some(token),
        Some(&body),
    )
}

/// Records an event that must be accepted; returns the answer.
fn ok_event(s: &Served, token: &str, case: &str, body: Value) -> Value {
    let (status, answer) = event(s, token, case, body.clone());
    assert_eq!(status, 200, "{body} → {answer}");
    answer
}

/// The whole scenario against one store (`--db`).
fn scenario(db: &str) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let users = dir.path().join("users.json");
    let hall = Hall::new(&users);
    let artifacts = root().join("generated");
    let s = Served::start(
        dir.path(),
        &[
            "--artifacts",
            &artifacts.to_string_lossy(),
            "--db",
            db,
            "--users",
            &users.to_string_lossy(),
            "--listen",
            "127.0.0.1:0",
            "--now",
            "2026-03-13T08:00:00",
        ],
    );

    // The fixed contract: no token or a bad one is 401 with a stable code.
    for token in [None, Some("w1.nope"), Some("nobody.00")] {
        let (status, body) = s.json("GET", "/api/cases", token, None);
        assert_eq!(status, 401);
        assert_eq!(body["code"], "unauthorized");
    }
    let (status, _) = s.json(
        "POST",
        "/api/matters/newborn/cases",
        None,
        Some(&submission()),
    );
    assert_eq!(status, 401);
    let (status, ty, doc) = s.call("GET", "/openapi.json", None, None);
    assert_eq!((status, ty.as_str()), (200, "application/json"));
    let committed =
        std::fs::read_to_string(root().join("spec/schemas/openapi.json")).unwrap_or_default();
    assert_eq!(doc, committed, "the served document is the committed one");
    assert_eq!(s.call("GET", "/healthz", None, None).0, 200);
    assert_eq!(s.call("GET", "/readyz", None, None).0, 200);

    // Intake: every problem at once, then two cases.
    let (status, body) = s.json(
        "POST",
        "/api/matters/newborn/cases",
        Some(&hall.window),
        Some(&json!({})),
    );
    assert_eq!(status, 422);
    assert_eq!(body["code"], "invalid_submission");
    assert!(
        body["problems"].as_array().is_some_and(|p| p.len() >= 10),
        "{body}"
    );
    let (status, body) = s.json(
        "POST",
        "/api/matters/newborn/cases?received=2026-03-02T09:00",
        Some(&hall.window),
        Some(&submission()),
    );
    assert_eq!(status, 201, "{body}");
    let case = body["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(case, "newborn-20260302-0001");
    assert_eq!(
        body["packets"],
        json!({}),
        "the window's answer holds no department's packet"
    );
    let mut quiet = submission();
    quiet["card"] = json!(false);
    if let Some(o) = quiet.as_object_mut() {
        o.remove("sscard");
    }
    let (status, body) = s.json(
        "POST",
        "/api/matters/newborn/cases?received=2026-03-02T09:30",
        Some(&hall.window),
        Some(&quiet),
    );
    assert_eq!(status, 201, "{body}");
    let quiet_case = body["id"].as_str().unwrap_or_default().to_owned();

    // Roles: only the window submits; the window reads no packet; a department decides no
    // acceptance.
    let (status, body) = s.json(
        "POST",
        "/api/matters/newborn/cases",
        Some(hall.dept("gaj")),
        Some(&submission()),
    );
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("role_forbidden"))
    );
    let (status, _) = s.json(
        "GET",
        &format!("/api/cases/{case}/packets/hukou"),
        Some(&hall.window),
        None,
    );
    assert_eq!(status, 403);
    let (status, _) = s.json(
        "GET",
        &format!("/api/cases/{case}"),
        Some(hall.dept("gaj")),
        None,
    );
    assert_eq!(status, 403);

    // Isolation: every department's token tries every other department's packets and steps.
    let items = [
        ("birth_cert", "wsjk"),
        ("vaccine", "wsjk"),
        ("hukou", "gaj"),
        ("insurance", "ybj"),
        ("sscard", "rsj"),
    ];
    let packet_values = [
        "王小明",
        "李华",
        "110105199001011232",
        "工商银行朝阳支行",
        "市妇幼保健院",
        "13800138000",
    ];
    let mut tries = 0;
    for (dept, token) in &hall.departments {
        for (item, owner) in items {
            let path = format!("/api/cases/{case}/packets/{item}");
            let (status, _, text) = s.call("GET", &path, Some(token), None);
            if owner == *dept {
                assert_eq!(status, 200, "{dept} reads its own {item}");
                continue;
            }
            tries += 1;
            assert_eq!(status, 404, "{dept} → {item}: {text}");
            assert!(
                packet_values.iter().all(|v| !text.contains(v)),
                "leak: {text}"
            );
            let (nothing, _, none_text) = s.call(
                "GET",
                &format!("/api/cases/{case}/packets/no_such_item"),
                Some(token),
                None,
            );
            assert_eq!(nothing, 404);
            assert_eq!(
                none_text.replace("no_such_item", item),
                text,
                "another department's packet reads exactly as one that does not exist"
            );
            for kind in ["start", "approve", "reject", "correction"] {
                let (status, body) = event(
                    &s,
                    token,
                    &case,
                    json!({"kind": kind, "step": item, "reason": "试探"}),
                );
                assert_eq!(
                    (status, body["code"].as_str()),
                    (404, Some("step_not_found")),
                    "{dept} {kind} {item}"
                );
            }
        }
        // A department's own view lists only its own packets.
        let (status, body) = s.json(
            "GET",
            &format!("/api/department/cases/{case}"),
            Some(token),
            None,
        );
        assert_eq!(status, 200);
        assert!(body["packets"]
            .as_array()
            .is_some_and(|p| p.iter().all(|p| p["department"] == *dept)));
    }
    assert_eq!(tries, 15);
    // rsj has no step in the quiet case: the case does not exist for it.
    for path in [
        format!("/api/department/cases/{quiet_case}"),
        format!("/api/cases/{quiet_case}/packets/sscard"),
    ] {
        let (status, body) = s.json("GET", &path, Some(hall.dept("rsj")), None);
        assert_eq!(
            (status, body["code"].as_str()),
            (404, Some("unknown_case")),
            "{path}"
        );
    }
    let (_, listed) = s.json("GET", "/api/cases", Some(hall.dept("rsj")), None);
    assert_eq!(listed.as_array().map(Vec::len), Some(1));

    // Acceptance by the window; every event records its operator and role.
    let answer = ok_event(
        &s,
        &hall.window,
        &case,
        json!({"kind": "approve", "step": "accept", "at": "2026-03-02T10:00"}),
    );
    assert_eq!(
        answer["event"]["by"],
        json!({"operator": "w1", "role": "window"})
    );
    ok_event(
        &s,
        &hall.window,
        &quiet_case,
        json!({"kind": "approve", "step": "accept", "at": "2026-03-02T10:00"}),
    );

    // 补正 once: a second request needs the supervisor's escalation.
    let wsjk = hall.dept("wsjk");
    let answer = ok_event(
        &s,
        wsjk,
        &case,
        json!({"kind": "correction", "step": "birth_cert", "reason": "出生体重与病历不符", "at": "2026-03-02T11:00"}),
    );
    assert_eq!(
        answer["event"]["by"],
        json!({"operator": "wsjk1", "role": "department", "department": "wsjk"})
    );
    ok_event(
        &s,
        wsjk,
        &case,
        json!({"kind": "correction_received", "step": "birth_cert", "at": "2026-03-03T09:00"}),
    );
    let again = json!({"kind": "correction", "step": "birth_cert", "reason": "再次补正", "at": "2026-03-03T10:00"});
    let (status, body) = event(&s, wsjk, &case, again.clone());
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("correction_repeated"))
    );
    let escalate = json!({"kind": "escalate", "step": "birth_cert", "reason": "申请人补交材料缺页", "at": "2026-03-03T09:30"});
    let (status, body) = event(&s, wsjk, &case, escalate.clone());
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("role_forbidden"))
    );
    ok_event(&s, &hall.supervisor, &case, escalate);
    ok_event(&s, wsjk, &case, again);
    ok_event(
        &s,
        wsjk,
        &case,
        json!({"kind": "correction_received", "step": "birth_cert", "at": "2026-03-03T15:00"}),
    );

    // Blame: birth_cert runs late; hukou waits and is never the one overdue.
    let (status, board) = s.json(
        "GET",
        "/api/supervision?at=2026-03-10",
        Some(&hall.supervisor),
        None,
    );
    assert_eq!(status, 200, "{board}");
    let charged: Vec<&str> = board["charges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["step"].as_str())
        .collect();
    assert!(charged.contains(&"birth_cert"), "{board}");
    assert!(!charged.contains(&"hukou"), "{board}");
    let hukou = board["waiting"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|w| w["case"] == case.as_str() && w["step"] == "hukou");
    assert_eq!(
        hukou.map(|w| w["charged_to"].clone()),
        Some(json!(["wsjk"])),
        "{board}"
    );
    let (status, _) = s.json("GET", "/api/supervision", Some(&hall.window), None);
    assert_eq!(status, 403);
    ok_event(
        &s,
        wsjk,
        &case,
        json!({"kind": "approve", "step": "birth_cert", "output": "出生医学证明 Q110000001", "at": "2026-03-10T16:00"}),
    );
    let (_, inbox) = s.json(
        "GET",
        "/api/inbox?at=2026-03-11",
        Some(hall.dept("gaj")),
        None,
    );
    let hukou = inbox
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["case"] == case.as_str());
    assert_eq!(hukou.map(|e| e["position"].clone()), Some(json!("holding")));
    assert_eq!(
        hukou.map(|e| e["clock"]["due"].clone()),
        Some(json!("2026-03-12")),
        "hukou's own two days"
    );
    let (_, board) = s.json(
        "GET",
        "/api/supervision?at=2026-03-11",
        Some(&hall.supervisor),
        None,
    );
    assert!(
        board["charges"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|c| c["step"] != "hukou"),
        "{board}"
    );

    // The rest of the case, then delivery by the window.
    ok_event(
        &s,
        wsjk,
        &case,
        json!({"kind": "approve", "step": "vaccine", "at": "2026-03-10T16:30"}),
    );
    ok_event(
        &s,
        hall.dept("gaj"),
        &case,
        json!({"kind": "approve", "step": "hukou", "at": "2026-03-11T10:00"}),
    );
    ok_event(
        &s,
        hall.dept("ybj"),
        &case,
        json!({"kind": "approve", "step": "insurance", "at": "2026-03-11T15:00"}),
    );
    ok_event(
        &s,
        hall.dept("rsj"),
        &case,
        json!({"kind": "approve", "step": "sscard", "at": "2026-03-12T10:00"}),
    );
    let (status, body) = event(
        &s,
        hall.dept("rsj"),
        &case,
        json!({"kind": "deliver", "method": "mail"}),
    );
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("role_forbidden"))
    );
    ok_event(
        &s,
        &hall.window,
        &case,
        json!({"kind": "deliver", "method": "window", "at": "2026-03-12T15:00"}),
    );

    // The applicant: progress behind the phone's last four digits, then a 差评.
    let (status, body) = s.json(
        "GET",
        &format!("/api/progress/{case}?phone=0000"),
        None,
        None,
    );
    assert_eq!((status, body["code"].as_str()), (404, Some("unknown_case")));
    let (status, progress) = s.json(
        "GET",
        &format!("/api/progress/{case}?phone=8000"),
        None,
        None,
    );
    assert_eq!(status, 200, "{progress}");
    assert_eq!(progress["can_evaluate"], true);
    assert!(
        !progress.to_string().contains("110105199001011232"),
        "no department data in progress"
    );
    let (status, _) = s.json(
        "POST",
        &format!("/api/progress/{case}/evaluation"),
        None,
        Some(&json!({"phone": "8000", "score": 1, "comment": "等了太久"})),
    );
    assert_eq!(status, 200);

    // 差评 → 整改 on the board, closed only with a note, by the supervisor.
    let (_, board) = s.json(
        "GET",
        "/api/supervision?at=2026-03-12",
        Some(&hall.supervisor),
        None,
    );
    assert_eq!(
        board["rectifications"].as_array().map(Vec::len),
        Some(1),
        "{board}"
    );
    let (status, body) = event(
        &s,
        &hall.supervisor,
        &case,
        json!({"kind": "rectify", "note": "  "}),
    );
    assert_eq!((status, body["code"].as_str()), (409, Some("blank_note")));
    let (status, body) = event(
        &s,
        &hall.window,
        &case,
        json!({"kind": "rectify", "note": "已整改"}),
    );
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("role_forbidden"))
    );
    ok_event(
        &s,
        &hall.supervisor,
        &case,
        json!({"kind": "rectify", "note": "已约谈卫健窗口，补正一次告知到位"}),
    );
    let (_, board) = s.json(
        "GET",
        "/api/supervision?at=2026-03-12",
        Some(&hall.supervisor),
        None,
    );
    assert_eq!(board["rectifications"], json!([]));

    // Statistics, JSON and CSV.
    let (status, stats) = s.json(
        "GET",
        "/api/statistics?at=2026-03-20",
        Some(&hall.supervisor),
        None,
    );
    assert_eq!(status, 200, "{stats}");
    let newborn = stats["matters"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["id"] == "newborn");
    assert_eq!(
        newborn.map(|m| (m["cases"].clone(), m["finished"].clone())),
        Some((json!(2), json!(1)))
    );
    assert_eq!(newborn.map(|m| m["corrections"].clone()), Some(json!(2)));
    assert_eq!(
        newborn.map(|m| m["evaluation_average"].clone()),
        Some(json!(1.0))
    );
    let wsjk_row = stats["departments"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["id"] == "wsjk");
    assert_eq!(wsjk_row.map(|d| d["corrections"].clone()), Some(json!(2)));
    let (status, ty, csv) = s.call(
        "GET",
        "/api/statistics.csv?at=2026-03-20",
        Some(&hall.supervisor),
        None,
    );
    assert_eq!(status, 200);
    assert!(ty.starts_with("text/csv"));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("matter,newborn,新生儿出生一件事,2,1,")),
        "{csv}"
    );

    s.stop();
}

#[test]
fn the_hall_over_http_with_sqlite() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    scenario(&dir.path().join("cases.db").to_string_lossy());
}

#[test]
fn the_hall_over_http_with_postgres() {
    let url = match std::env::var("YJS_TEST_POSTGRES") {
        Ok(u) => u,
        Err(_) if std::env::var("YJS_SKIP_POSTGRES").as_deref() == Ok("1") => {
            eprintln!("YJS_SKIP_POSTGRES=1: the PostgreSQL test is skipped");
            return;
        }
        Err(_) => panic!(
            "YJS_TEST_POSTGRES is not set: run scripts/test.sh, or set \
             YJS_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/test, or YJS_SKIP_POSTGRES=1"
        ),
    };
    let schema = format!("yjs_serve_test_{}", std::process::id());
    let mut client =
        postgres::Client::connect(&url, postgres::NoTls).unwrap_or_else(|e| panic!("{e}"));
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    let sep = if url.contains('?') { '&' } else { '?' };
    let db = format!("{url}{sep}options=-csearch_path%3D{schema}");
    let result = std::panic::catch_unwind(|| scenario(&db));
    let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// `yjs serve --artifacts generated` alone works on a fresh machine: SQLite file and users file
/// in the working directory, 127.0.0.1:8080.
#[test]
fn serve_needs_no_other_flag() {
    if std::net::TcpListener::bind("127.0.0.1:8080").is_err() {
        panic!("127.0.0.1:8080 is taken; this test needs the default port free");
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let artifacts = root().join("generated");
    let s = Served::start(dir.path(), &["--artifacts", &artifacts.to_string_lossy()]);
    assert_eq!(s.base, "http://127.0.0.1:8080");
    assert_eq!(s.json("GET", "/api/cases", None, None).0, 401);
    assert_eq!(s.call("GET", "/readyz", None, None).0, 200);
    let (status, ty, page) = s.call("GET", "/", None, None);
    assert_eq!(status, 200);
    assert!(ty.starts_with("text/html"));
    assert!(page.contains("工作人员登录") || page.contains("login.js"));
    s.stop();
    assert!(dir.path().join("yjs-cases.db").is_file());
}

/// The newborn matter's compiled artifacts with a 20-day 公示 (`publicity`, a waiting step as the
/// compiler writes it) between `birth_cert` and `hukou`, written to `dir/newborn/`.
fn matter_with_a_wait(dir: &Path) -> PathBuf {
    let from = root().join("generated/newborn");
    let to = dir.join("newborn");
    std::fs::create_dir_all(&to).unwrap_or_else(|e| panic!("{e}"));
    for file in ["form.schema.json", "projections.json"] {
        std::fs::copy(from.join(file), to.join(file)).unwrap_or_else(|e| panic!("{e}"));
    }
    let text = std::fs::read_to_string(from.join("plan.json")).unwrap_or_default();
    let mut plan: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let Some(steps) = plan["steps"].as_array_mut() else {
        panic!("no steps");
    };
    let hukou = steps
        .iter()
        .position(|s| s["id"] == "hukou")
        .unwrap_or_else(|| panic!("no hukou"));
    steps[hukou]["after"] = json!(["publicity"]);
    steps.insert(
        hukou,
        json!({
            "id": "publicity", "kind": "wait", "name": "出生登记公示",
            "department": null, "department_name": null, "after": ["birth_cert"],
            "condition": {"op": "always"}, "legal": null,
            "promise": {"unit": "days", "amount": 20, "workdays": 20},
            "basis": "《公示办法》第五条",
            "earliest_start": 2, "earliest_finish": 2, "latest_finish": 2, "slack": 0,
            "critical": false
        }),
    );
    let text = serde_json::to_string_pretty(&plan).unwrap_or_default();
    std::fs::write(to.join("plan.json"), text).unwrap_or_else(|e| panic!("{e}"));
    to
}

/// A 公示 over HTTP: it runs on its own (no department's inbox, no 督办), the window and the
/// applicant see 等待中 with its end, and it ends by itself across 国庆 2026 so `hukou` can act.
fn wait_scenario(db: &str) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let users = dir.path().join("users.json");
    let hall = Hall::new(&users);
    let artifacts = matter_with_a_wait(dir.path());
    let s = Served::start(
        dir.path(),
        &[
            "--artifacts",
            &artifacts.to_string_lossy(),
            "--db",
            db,
            "--users",
            &users.to_string_lossy(),
            "--listen",
            "127.0.0.1:0",
            "--now",
            "2026-10-16T08:00:00",
        ],
    );
    let (status, body) = s.json(
        "POST",
        "/api/matters/newborn/cases?received=2026-09-24T09:00",
        Some(&hall.window),
        Some(&submission()),
    );
    assert_eq!(status, 201, "{body}");
    let case = body["id"].as_str().unwrap_or_default().to_owned();
    ok_event(
        &s,
        &hall.window,
        &case,
        json!({"kind": "approve", "step": "accept", "at": "2026-09-24T10:00"}),
    );
    ok_event(
        &s,
        hall.dept("wsjk"),
        &case,
        json!({"kind": "approve", "step": "birth_cert", "at": "2026-09-28T10:00"}),
    );
    ok_event(
        &s,
        hall.dept("wsjk"),
        &case,
        json!({"kind": "approve", "step": "vaccine", "at": "2026-09-28T11:00"}),
    );

    // The window sees the 公示 running, with no department and no clock of its own, and the
    // matter's deadline moved past it (10-12 without it, 10-26 with it).
    let (status, view) = s.json(
        "GET",
        &format!("/api/cases/{case}"),
        Some(&hall.window),
        None,
    );
    assert_eq!(status, 200, "{view}");
    let publicity = view["steps"]
        .as_array()
        .and_then(|steps| steps.iter().find(|s| s["id"] == "publicity"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(publicity["status"], "waiting", "{publicity}");
    assert_eq!(publicity["department"], Value::Null);
    assert_eq!(publicity["clock"], Value::Null);
    assert_eq!(
        publicity["wait"]["text"],
        "出生登记公示期至2026年10月18日届满"
    );
    assert_eq!(publicity["wait"]["ends"], "2026-10-18");
    assert_eq!(view["clock"]["due"], "2026-10-26");
    let (_, list) = s.json("GET", "/api/cases", Some(&hall.window), None);
    assert_eq!(
        list[0]["waiting"],
        json!(["出生登记公示期至2026年10月18日届满"])
    );

    // No department holds it or may act on it; hukou waits behind it; nobody is chased for it.
    for (dept, token) in &hall.departments {
        let (status, inbox) = s.json("GET", "/api/inbox", Some(token), None);
        assert_eq!(status, 200);
        let steps: Vec<&str> = inbox
            .as_array()
            .map(|a| a.iter().filter_map(|e| e["step"].as_str()).collect())
            .unwrap_or_default();
        assert!(!steps.contains(&"publicity"), "{dept}: {inbox}");
        let (status, body) = event(
            &s,
            token,
            &case,
            json!({"kind": "approve", "step": "publicity", "at": "2026-10-16T09:00"}),
        );
        assert_eq!(
            (status, body["code"].as_str()),
            (404, Some("step_not_found"))
        );
    }
    let (status, body) = event(
        &s,
        hall.dept("gaj"),
        &case,
        json!({"kind": "approve", "step": "hukou", "at": "2026-10-16T09:00"}),
    );
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("predecessor_open"))
    );
    let (status, board) = s.json("GET", "/api/supervision", Some(&hall.supervisor), None);
    assert_eq!(status, 200);
    assert_eq!(board["charges"], json!([]), "{board}");

    // The applicant: 等待中, the period's last day as the step's date.
    let (status, progress) = s.json(
        "GET",
        &format!("/api/progress/{case}?phone=8000"),
        None,
        None,
    );
    assert_eq!(status, 200, "{progress}");
    let step = progress["steps"]
        .as_array()
        .and_then(|steps| steps.iter().find(|s| s["name"] == "出生登记公示"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(
        (&step["status"], &step["due"], &step["department_name"]),
        (&json!("waiting"), &json!("2026-10-18"), &Value::Null)
    );

    // The Monday after its last day, hukou acts: the 公示 has ended by itself on 10-18.
    let answer = ok_event(
        &s,
        hall.dept("gaj"),
        &case,
        json!({"kind": "approve", "step": "hukou", "at": "2026-10-19T09:00"}),
    );
    assert_eq!(answer["applied"], "appended");
    let (_, view) = s.json(
        "GET",
        &format!("/api/cases/{case}?at=2026-10-19"),
        Some(&hall.window),
        None,
    );
    let publicity = view["steps"]
        .as_array()
        .and_then(|steps| steps.iter().find(|s| s["id"] == "publicity"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(publicity["status"], "elapsed", "{publicity}");
    assert_eq!(publicity["finished"], "2026-10-18T23:59:59");
    assert_eq!(
        publicity["wait"]["text"],
        "出生登记公示期已于2026年10月18日届满"
    );
    s.stop();
}

#[test]
fn a_waiting_period_over_http_with_sqlite() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    wait_scenario(&dir.path().join("cases.db").to_string_lossy());
}

#[test]
fn a_waiting_period_over_http_with_postgres() {
    let url = match std::env::var("YJS_TEST_POSTGRES") {
        Ok(u) => u,
        Err(_) if std::env::var("YJS_SKIP_POSTGRES").as_deref() == Ok("1") => {
            eprintln!("YJS_SKIP_POSTGRES=1: the PostgreSQL test is skipped");
            return;
        }
        Err(_) => panic!(
            "YJS_TEST_POSTGRES is not set: run scripts/test.sh, or set \
             YJS_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/test, or YJS_SKIP_POSTGRES=1"
        ),
    };
    let schema = format!("yjs_serve_wait_test_{}", std::process::id());
    let mut client =
        postgres::Client::connect(&url, postgres::NoTls).unwrap_or_else(|e| panic!("{e}"));
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    let sep = if url.contains('?') { '&' } else { '?' };
    let db = format!("{url}{sep}options=-csearch_path%3D{schema}");
    let result = std::panic::catch_unwind(|| wait_scenario(&db));
    let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}
