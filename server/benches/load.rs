//! A bounded load test of `yjs serve` on loopback, for each store: concurrent clients, each
//! submitting cases as the window and approving them (acceptance by the window, the first item
//! by its department), then reading the case. Prints requests per second and latency
//! percentiles per store.
//!
//! `cargo bench -p yjs-server --bench load` (SQLite always; PostgreSQL when `YJS_TEST_POSTGRES`
//! is set, in a fresh schema dropped afterwards). `YJS_LOAD_CLIENTS` and `YJS_LOAD_ROUNDS`
//! change the size (default 8 clients × 40 rounds × 4 requests). Every request goes to
//! 127.0.0.1 only, and the run stops by itself.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use yjs_runtime::Role;
use yjs_server::users::Users;
use yjs_server::{Options, Server};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One client's work: `rounds` cases, four requests each; returns each request's latency.
fn client(
    base: &str,
    window: &str,
    wsjk: &str,
    submission: &Value,
    rounds: usize,
) -> Vec<Duration> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut latencies = Vec::with_capacity(rounds * 4);
    let mut timed = |f: &mut dyn FnMut() -> Result<(u16, Value), ureq::Error>, want: u16| {
        let start = Instant::now();
        let result = f();
        latencies.push(start.elapsed());
        match result {
            Ok((status, body)) if status == want => Some(body),
            Ok((status, body)) => {
                eprintln!("unexpected {status}: {body}");
                None
            }
            Err(e) => {
                eprintln!("request failed: {e}");
                None
            }
        }
    };
    let post = |path: &str, token: &str, body: &Value| -> Result<(u16, Value), ureq::Error> {
        let mut r = agent
            .post(format!("{base}{path}"))
            .header("Authorization", format!("Bearer {token}"))
            .send_json(body)?;
        let status = r.status().as_u16();
        Ok((status, r.body_mut().read_json().unwrap_or(Value::Null)))
    };
    let get = |path: &str, token: &str| -> Result<(u16, Value), ureq::Error> {
        let mut r = agent
            .get(format!("{base}{path}"))
            .header("Authorization", format!("Bearer {token}"))
            .call()?;
        let status = r.status().as_u16();
        Ok((status, r.body_mut().read_json().unwrap_or(Value::Null)))
    };
    for _ in 0..rounds {
        let Some(view) = timed(
            &mut || {
                post(
                    "/api/matters/newborn/cases?received=2026-03-02T09:00",
                    window,
                    submission,
                )
            },
            201,
        ) else {
            continue;
        };
        let id = view["id"].as_str().unwrap_or_default().to_owned();
        let events = format!("/api/cases/{id}/events");
        timed(
            &mut || {
                post(
                    &events,
                    window,
                    &json!({"kind": "approve", "step": "accept", "at": "2026-03-02T10:00"}),
                )
            },
            200,
        );
        timed(
            &mut || {
                post(
                    &events,
                    wsjk,
                    &json!({"kind": "approve", "step": "birth_cert", "at": "2026-03-03T10:00"}),
                )
            },
            200,
        );
        timed(
            &mut || get(&format!("/api/cases/{id}?at=2026-03-03"), window),
            200,
        );
    }
    latencies
}

/// Serves on `db` and drives it; prints one line of figures.
fn run(label: &str, db: &str, clients: usize, rounds: usize) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let users_path = dir.path().join("users.json");
    let mut users = Users::default();
    let window = users
        .add("w1", Role::Window, None)
        .map_err(|e| e.to_string())?;
    let wsjk = users
        .add("wsjk1", Role::Department, Some("wsjk"))
        .map_err(|e| e.to_string())?;
    users.save(&users_path).map_err(|e| e.to_string())?;
    let options = Options {
        artifacts: root().join("generated"),
        db: db.to_owned(),
        users: users_path,
        listen: "127.0.0.1:0".parse().map_err(|e| format!("{e}"))?,
        now: chrono::NaiveDateTime::parse_from_str("2026-03-13 08:00", "%Y-%m-%d %H:%M").ok(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let server = runtime
        .block_on(Server::bind(&options))
        .map_err(|e| e.to_string())?;
    let base = format!("http://{}", server.local_addr().map_err(|e| e.to_string())?);
    let state = server.state();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = runtime.spawn(server.serve(async {
        let _ = stopped.await;
    }));
    let text =
        std::fs::read_to_string(root().join("runtime/tests/fixtures/newborn/submission.json"))
            .map_err(|e| e.to_string())?;
    let submission: Arc<Value> = Arc::new(serde_json::from_str(&text).map_err(|e| e.to_string())?);

    let start = Instant::now();
    let mut latencies: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|_| {
                let (base, window, wsjk, submission) = (&base, &window, &wsjk, &submission);
                scope.spawn(move || client(base, window, wsjk, submission, rounds))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let elapsed = start.elapsed();
    let _ = stop.send(());
    let _ = runtime.block_on(serving);
    drop(runtime);
    drop(state);

    latencies.sort();
    let pct = |p: f64| {
        let i = ((latencies.len() as f64 - 1.0) * p).round() as usize;
        latencies.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{label:8} {clients} clients × {rounds} rounds: {} requests in {:.2} s = {:.0} req/s; p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        pct(1.0),
    );
    Ok(())
}

fn main() {
    let clients = env_usize("YJS_LOAD_CLIENTS", 8);
    let rounds = env_usize("YJS_LOAD_ROUNDS", 40);
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let sqlite = dir.path().join("load.db");
    if let Err(e) = run("sqlite", &sqlite.to_string_lossy(), clients, rounds) {
        eprintln!("sqlite: {e}");
        std::process::exit(1);
    }
    match std::env::var("YJS_TEST_POSTGRES") {
        Ok(url) => {
            let schema = format!("yjs_load_{}", std::process::id());
            let Ok(mut admin) = postgres::Client::connect(&url, postgres::NoTls) else {
                eprintln!("postgres: cannot connect to {url}");
                std::process::exit(1);
            };
            let _ = admin.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"));
            let sep = if url.contains('?') { '&' } else { '?' };
            let db = format!("{url}{sep}options=-csearch_path%3D{schema}");
            let result = run("postgres", &db, clients, rounds);
            let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
            if let Err(e) = result {
                eprintln!("postgres: {e}");
                std::process::exit(1);
            }
        }
        Err(_) => eprintln!("YJS_TEST_POSTGRES is not set: PostgreSQL not measured"),
    }
}
