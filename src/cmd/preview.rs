//! `yjs preview`: a page on 127.0.0.1 that shows each matter's form (drawn in the page from the
//! generated schema by `preview/form.js`), flow chart, guide and one-time notices — or the diagnostics when the sources have errors — rebuilt whenever a
//! source changes and pushed to the open page by server-sent events, without a reload.

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;
use clap::Args;
use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeSet;
use std::convert::Infallible;
use std::hash::{Hash, Hasher};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;
use yjs_compiler::resolve::{discover, Disk};

/// Arguments of `yjs preview`.
#[derive(Args, Debug)]
pub struct PreviewArgs {
    /// Files or directories (searched recursively for `*.yjs`); default `dsl-examples`.
    pub paths: Vec<PathBuf>,
    /// The loopback address to listen on (`127.0.0.1:0` picks a free port).
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub listen: SocketAddr,
}

/// What the page shows now.
struct Shared {
    paths: Vec<PathBuf>,
    fragment: Mutex<String>,
    version: watch::Sender<u64>,
}

/// Serves until interrupted; exit 2 when the address cannot be used.
pub fn run(args: &PreviewArgs) -> ExitCode {
    if !args.listen.ip().is_loopback() {
        eprintln!(
            "error: `yjs preview` listens on this machine only; use 127.0.0.1 (got {})",
            args.listen
        );
        return ExitCode::from(2);
    }
    let paths = crate::default_paths(&args.paths);
    let (fragment, files) = render(&paths);
    let (tx, _) = watch::channel(0u64);
    let shared = Arc::new(Shared {
        paths,
        fragment: Mutex::new(fragment),
        version: tx,
    });
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return ExitCode::from(2);
        }
    };
    let result = runtime.block_on(serve(shared, args.listen, files));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

async fn serve(shared: Arc<Shared>, addr: SocketAddr, files: Vec<PathBuf>) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("yjs preview on http://{}/", listener.local_addr()?);
    tokio::spawn(watch_sources(shared.clone(), files));
    let app = Router::new()
        .route("/", get(page))
        .route("/fragment", get(fragment))
        .route("/events", get(events))
        .route(
            "/favicon.ico",
            get(|| async { axum::http::StatusCode::NO_CONTENT }),
        )
        .with_state(shared);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Polls the sources (every file the last build read, and the `.yjs` files under the paths)
/// and rebuilds when their contents change.
async fn watch_sources(shared: Arc<Shared>, mut files: Vec<PathBuf>) {
    let mut last = fingerprint(&shared.paths, &files);
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let s = shared.clone();
        let f = files.clone();
        let Ok(now) = tokio::task::spawn_blocking(move || fingerprint(&s.paths, &f)).await else {
            continue;
        };
        if now == last {
            continue;
        }
        last = now;
        let s = shared.clone();
        let Ok((html, read)) = tokio::task::spawn_blocking(move || render(&s.paths)).await else {
            continue;
        };
        files = read;
        if let Ok(mut f) = shared.fragment.lock() {
            *f = html;
        }
        shared.version.send_modify(|v| *v += 1);
    }
}

/// A hash of the contents of every source file.
fn fingerprint(paths: &[PathBuf], files: &[PathBuf]) -> u64 {
    let mut all: BTreeSet<PathBuf> = files.iter().cloned().collect();
    all.extend(discover(paths).unwrap_or_default());
    let mut h = DefaultHasher::new();
    for p in all {
        p.hash(&mut h);
        std::fs::read(&p).ok().hash(&mut h);
    }
    h.finish()
}

async fn page(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let body = shared
        .fragment
        .lock()
        .map(|f| f.clone())
        .unwrap_or_default();
    Html(format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>yjs preview</title>\
<style>{STYLE}</style></head><body><header>yjs preview · 保存源文件后自动更新</header>\
<main id=\"preview\">{body}</main><script>{FORM_JS}</script><script>{SCRIPT}</script></body></html>"
    ))
}

async fn fragment(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    Html(
        shared
            .fragment
            .lock()
            .map(|f| f.clone())
            .unwrap_or_default(),
    )
}

async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let rx = shared.version.subscribe();
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.changed().await.ok()?;
        let v = *rx.borrow_and_update();
        Some((Ok(Event::default().data(v.to_string())), rx))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

const STYLE: &str = "body{font-family:\"Noto Sans CJK SC\",sans-serif;margin:0 auto;max-width:1100px;padding:0 16px;color:#111}\
header{padding:8px 0;color:#555;border-bottom:1px solid #ccc}\
section.matter{border-bottom:2px solid #333;padding-bottom:16px}\
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 8px;text-align:left}\
pre.diagnostics{background:#fff3f3;border:1px solid #d33;padding:8px;white-space:pre-wrap}\
iframe{width:100%;height:480px;border:1px solid #bbb}svg{max-width:100%;height:auto}\
.yjs-form{max-width:720px}.yjs-form fieldset{border:1px solid #bbb;margin:12px 0;padding:8px 12px}\
.yjs-form legend{font-weight:bold}.yjs-field{margin:8px 0}.yjs-label{display:block;margin-bottom:4px}\
.yjs-required{color:#c00}.yjs-help{color:#555;font-size:90%;margin:4px 0}.yjs-choice{margin-right:16px}\
.yjs-form input[type=text],.yjs-form input[type=number],.yjs-form textarea,.yjs-form select{width:100%;box-sizing:border-box;padding:4px}";

/// Draws the forms (`yjsDrawForms`), compiled in: the page needs nothing from the network.
const FORM_JS: &str = include_str!("preview/form.js");

const SCRIPT: &str = "yjsDrawForms();const es=new EventSource('/events');\
es.onmessage=async(e)=>{const r=await fetch('/fragment');\
document.getElementById('preview').innerHTML=await r.text();yjsDrawForms();\
document.body.dataset.version=e.data;};";

/// Checks and builds the sources: the page's HTML, and the files read.
fn render(paths: &[PathBuf]) -> (String, Vec<PathBuf>) {
    let roots = match discover(paths) {
        Ok(r) => r,
        Err(e) => {
            return (
                format!("<pre class=\"diagnostics\">{}</pre>", esc(&e.to_string())),
                Vec::new(),
            )
        }
    };
    let checked = yjs_compiler::check(&Disk, &roots);
    let files = checked
        .files
        .iter()
        .map(|(_, f)| PathBuf::from(&f.name))
        .collect();
    let text = yjs_compiler::diagnostics::render_human(&checked.files, &checked.diagnostics, false);
    if checked.has_errors() {
        return (
            format!(
                "<h2>源文件有错误 — 修正后自动更新</h2><pre class=\"diagnostics\">{}</pre>",
                esc(&text)
            ),
            files,
        );
    }
    let artifacts = match yjs_compiler::emit(&checked) {
        Ok(a) => a,
        Err(e) => {
            let d = e.diagnostic();
            let t = yjs_compiler::diagnostics::render_human(&checked.files, &[d], false);
            return (
                format!("<pre class=\"diagnostics\">{}</pre>", esc(&t)),
                files,
            );
        }
    };
    let mut out = String::new();
    if !checked.diagnostics.is_empty() {
        out.push_str(&format!(
            "<details><summary>{} 条警告</summary><pre>{}</pre></details>",
            checked.diagnostics.len(),
            esc(&text)
        ));
    }
    for m in &checked.matters {
        matter(&mut out, m.id(), &artifacts);
    }
    (out, files)
}

fn matter(out: &mut String, id: &str, artifacts: &yjs_compiler::Artifacts) {
    let get = |name: &str| artifacts.get(&format!("{id}/{name}"));
    let guide = get("guide.html").cloned().unwrap_or_default();
    let title = guide
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or(id);
    out.push_str(&format!(
        "<section class=\"matter\" id=\"m-{}\"><h1>{title}</h1>",
        esc(id)
    ));
    out.push_str("<h2>一次表单</h2>");
    if let (Some(schema), Some(ui)) = (get("form.schema.json"), get("form.ui.json")) {
        // The generated JSON as is, for `form.js`; `<` is escaped so no text ends the script.
        let data = format!("{{\"schema\":{schema},\"ui\":{ui}}}").replace('<', "\\u003c");
        out.push_str(&format!(
            "<script type=\"application/json\">{data}</script>\
<div class=\"yjs-form\" data-matter=\"{}\"></div>",
            esc(id)
        ));
    }
    out.push_str("<h2>流程图（关键路径）</h2>");
    if let (Some(a), Some(b)) = (guide.find("<svg"), guide.rfind("</svg>")) {
        out.push_str(&guide[a..b + "</svg>".len()]);
    }
    out.push_str(&format!(
        "<h2>服务指南</h2><iframe title=\"服务指南\" srcdoc=\"{}\"></iframe>",
        esc(&guide)
    ));
    out.push_str("<h2>一次告知单</h2>");
    let prefix = format!("{id}/notices/");
    for (path, text) in artifacts.range(prefix.clone()..) {
        let Some(name) = path.strip_prefix(&prefix) else {
            break;
        };
        out.push_str(&format!(
            "<details><summary>{}</summary><pre>{}</pre></details>",
            esc(name),
            esc(text)
        ));
    }
    out.push_str("</section>");
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
