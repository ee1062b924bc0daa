//! `yjs lsp` end to end: the binary driven over stdio by a minimal LSP client, on the sample
//! with Chinese text before the cursor — diagnostics of unsaved buffers in UTF-16 columns,
//! hover, definition and references across `use`, completion, rename, symbols, formatting,
//! the "did you mean" code action — and the time from a change to its diagnostics.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: mpsc::Receiver<Value>,
    next: i64,
}

fn read_message(r: &mut BufReader<ChildStdout>) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse().ok();
        }
    }
    let mut buf = vec![0; len?];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_yjs"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            while let Some(m) = read_message(&mut out) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next: 1,
        }
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self.rx.recv_timeout(Duration::from_secs(30)).unwrap();
            if m["id"] == id {
                assert!(m.get("error").is_none(), "{method}: {m}");
                return m["result"].clone();
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let m = self.rx.recv_timeout(Duration::from_secs(30)).unwrap();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

fn uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

/// The LSP position (UTF-16 column) of the `nth` occurrence of `needle` in `text`, plus `plus`
/// characters.
fn pos(text: &str, needle: &str, nth: usize, plus: usize) -> Value {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle}"))
        .0;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count();
    let col: usize = text[line_start..at].encode_utf16().count() + plus;
    json!({ "line": line, "character": col })
}

/// A file of this repository (`rel`) opened as `name` in a fresh folder, checked free of
/// errors: the folder (kept alive with the client), the client and the document's URI.
fn open_clean(rel: &str, name: &str, edit: impl Fn(String) -> String) -> Opened {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let text =
        edit(std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap());
    std::fs::write(&path, &text).unwrap();
    let uri = uri(&path);
    let mut client = start(dir.path());
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "yjs", "version": 1, "text": text } }),
    );
    assert!(client.diagnostics(&uri).iter().all(|d| d["severity"] != 1));
    Opened {
        _dir: dir,
        client,
        uri,
        text,
    }
}

/// A document [`open_clean`] opened.
struct Opened {
    _dir: tempfile::TempDir,
    client: Client,
    uri: String,
    text: String,
}

impl Opened {
    /// The request's parameters at `plus` UTF-16 units into the first `needle`.
    fn at(&self, needle: &str, plus: usize) -> Value {
        json!({ "textDocument": { "uri": self.uri }, "position": pos(&self.text, needle, 0, plus) })
    }

    /// The hover's Markdown there.
    fn hover(&mut self, needle: &str, plus: usize) -> String {
        let at = self.at(needle, plus);
        let h = self.client.request("textDocument/hover", at);
        h["contents"]["value"].as_str().unwrap().to_owned()
    }

    /// Shuts the server down and waits for it.
    fn close(mut self) {
        let _ = self.client.request("shutdown", Value::Null);
        self.client.notify("exit", Value::Null);
        let _ = self.client.child.wait();
    }
}

fn sample(dir: &Path) -> (PathBuf, String) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(dir.join("common")).unwrap();
    std::fs::copy(
        root.join("dsl-examples/common/departments.yjs"),
        dir.join("common/departments.yjs"),
    )
    .unwrap();
    let text = std::fs::read_to_string(root.join("dsl-examples/newborn.yjs"))
        .unwrap()
        // Chinese text before the cursor on the lines the test points into.
        .replace(
            "    birth_cert -> hukou -> insurance",
            "    /* 先出生证明 */ birth_cert -> hukou -> insurance",
        )
        .replace(
            "    when       settle == local\n",
            "    /* 本市落户 */ when settle == local\n",
        );
    let path = dir.join("newborn.yjs");
    // The buffer is never saved: the disk holds an older text.
    std::fs::write(&path, "matter old \"旧\" {}\n").unwrap();
    (path, text)
}

fn start(dir: &Path) -> Client {
    let mut c = Client::start();
    let init = c.request(
        "initialize",
        json!({ "processId": null, "rootUri": uri(dir), "capabilities": {} }),
    );
    let caps = &init["capabilities"];
    for cap in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "renameProvider",
        "documentSymbolProvider",
        "documentFormattingProvider",
        "codeActionProvider",
        "completionProvider",
    ] {
        assert!(!caps[cap].is_null(), "{cap} missing: {caps}");
    }
    assert_eq!(caps["positionEncoding"], "utf-16");
    c.notify("initialized", json!({}));
    c
}

#[test]
fn the_language_server_answers_every_request_on_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let (path, text) = sample(dir.path());
    let u = uri(&path);
    let mut c = start(dir.path());
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": u, "languageId": "yjs", "version": 1, "text": text } }),
    );
    let diags = c.diagnostics(&u);
    assert!(
        diags.iter().all(|d| d["severity"] != 1),
        "the unsaved sample has no error: {diags:?}"
    );

    // A typo after Chinese text: the diagnostic's columns count UTF-16 units.
    let broken = text.replace(
        "/* 本市落户 */ when settle == local",
        "/* 本市落户 */ when settle == locl",
    );
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "text": broken }] }),
    );
    let diags = c.diagnostics(&u);
    let typo = diags
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("locl"))
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(typo["severity"], 1);
    assert!(typo["code"].as_str().unwrap().starts_with("E01"), "{typo}");
    let start = pos(&broken, "locl", 0, 0);
    assert_eq!(typo["range"]["start"], start, "{typo}");
    assert_eq!(
        typo["range"]["end"]["character"],
        start["character"].as_u64().unwrap() + 4
    );

    // Its "did you mean" is a code action that puts the right name in.
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": u }, "range": typo["range"], "context": { "diagnostics": [typo] } }),
    );
    let edit = &actions[0]["edit"]["changes"][&u][0];
    assert_eq!(edit["newText"], "local", "{actions}");
    assert_eq!(edit["range"], typo["range"]);

    // Back to the good text.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 3 }, "contentChanges": [{ "text": text }] }),
    );
    assert!(c.diagnostics(&u).iter().all(|d| d["severity"] != 1));
    let at = |needle: &str, nth: usize, plus: usize| json!({ "textDocument": { "uri": u }, "position": pos(&text, needle, nth, plus) });

    // Hover on an item after Chinese text: its limits, slack and the critical path.
    let h = c.request("textDocument/hover", at("birth_cert -> hukou", 0, 16));
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("item `hukou`") && md.contains("出生登记"),
        "{md}"
    );
    assert!(md.contains("| promise | 2 workdays"), "{md}");
    assert!(md.contains("| legal limit | 20 workdays"), "{md}");
    assert!(
        md.contains("| slack |") && md.contains("| critical path | **yes**"),
        "{md}"
    );

    // Hover on a shared field: the merged constraints with where each comes from.
    let h = c.request("textDocument/hover", at("baby_name   \"新生儿姓名\"", 0, 2));
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("shared field `baby_name`"), "{md}");
    assert!(md.contains("`max_length 20` — the `shared` block"), "{md}");
    assert!(md.contains("`max_length 15` — item `birth_cert`"), "{md}");
    assert!(md.contains("newborn.yjs:"), "{md}");

    // Hover on a keyword, Chinese before it.
    let h = c.request("textDocument/hover", at("when settle == local", 0, 1));
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("`when` / `当`"),
        "{h}"
    );

    // Definition across `use`: the department in common/departments.yjs.
    let d = c.request("textDocument/definition", at("lead     wsjk", 0, 10));
    assert_eq!(d.as_array().unwrap().len(), 1, "{d}");
    assert!(
        d[0]["uri"]
            .as_str()
            .unwrap()
            .ends_with("common/departments.yjs"),
        "{d}"
    );
    assert_eq!(
        d[0]["range"]["start"],
        json!({ "line": 2, "character": 11 })
    );

    // Definition of an option from a condition after Chinese text.
    let d = c.request("textDocument/definition", at("settle == local", 0, 11));
    assert_eq!(
        d[0]["range"]["start"],
        pos(&text, "local \"本市户籍家庭户\"", 0, 0),
        "{d}"
    );

    // References of an item: its declaration, the flow and the reused output.
    let r = c.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": u }, "position": pos(&text, "-> hukou", 0, 4), "context": { "includeDeclaration": true } }),
    );
    let lines: Vec<u64> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{r}");
    assert!(lines.contains(&pos(&text, "item hukou", 0, 0)["line"].as_u64().unwrap()));
    assert!(lines.contains(
        &pos(&text, "hukou.hukou_record", 0, 0)["line"]
            .as_u64()
            .unwrap()
    ));

    // Completion after `==` with Chinese before it: the situation's options.
    let edited = text.replace(
        "/* 本市落户 */ when settle == local",
        "/* 本市落户 */ when settle == ",
    );
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 4 }, "contentChanges": [{ "text": edited }] }),
    );
    let _ = c.diagnostics(&u);
    let items = c.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": u }, "position": pos(&edited, "when settle == ", 0, 15) }),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["local", "other"], "{items}");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 5 }, "contentChanges": [{ "text": text }] }),
    );
    let _ = c.diagnostics(&u);

    // Completion elsewhere: keywords in both languages and names in scope.
    let items = c.request("textDocument/completion", at("    fee        none", 0, 4));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    for want in [
        "promise",
        "承诺",
        "material",
        "材料",
        "birth_cert",
        "mother_id",
        "wsjk",
    ] {
        assert!(labels.contains(&want), "{want} missing from {labels:?}");
    }

    // Rename an item everywhere; the renamed text still checks clean.
    let edit = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": u }, "position": pos(&text, "item birth_cert", 0, 5), "newName": "birth_proof" }),
    );
    let edits = edit["changes"][&u].as_array().unwrap();
    assert_eq!(edits.len(), text.matches("birth_cert").count(), "{edit}");
    let renamed = text.replace("birth_cert", "birth_proof");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 6 }, "contentChanges": [{ "text": renamed }] }),
    );
    assert!(c.diagnostics(&u).iter().all(|d| d["severity"] != 1));
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 7 }, "contentChanges": [{ "text": text }] }),
    );
    let _ = c.diagnostics(&u);

    // Document symbols: the matter's situations, shared fields, items and outputs.
    let syms = c.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": u } }),
    );
    let names: Vec<&str> = syms
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for want in [
        "settle 新生儿落户地",
        "hukou 出生登记",
        "mother_id 母亲身份证号码",
        "cert 出生医学证明",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }

    // Formatting: one edit to the text `yjs fmt` prints.
    let edits = c.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": u }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let formatted = yjs_compiler::format::format(
        yjs_compiler::files::FileId(0),
        &text,
        yjs_compiler::format::Options::default(),
    )
    .unwrap();
    assert_eq!(edits[0]["newText"], formatted.as_str());

    let _ = c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success());
}

/// A matter of about 300 lines: the sample with its items copied under new names.
fn big_matter() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("dsl-examples/newborn.yjs")).unwrap();
    let items_start = text.find("  item vaccine").unwrap();
    let items_end = text.find("  // 一次联办").unwrap();
    let items = &text[items_start..items_end];
    let mut out = text[..items_end].to_string();
    for k in 0..3 {
        out.push_str(
            &items
                .replace("item vaccine", &format!("item vaccine{k}"))
                .replace("item hukou", &format!("item hukou{k}"))
                .replace("item insurance", &format!("item insurance{k}"))
                .replace("item sscard", &format!("item sscard{k}")),
        );
    }
    out.push_str(&text[items_end..]);
    out
}

#[test]
fn diagnostics_follow_a_change_to_a_300_line_matter_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = sample(dir.path());
    let text = big_matter();
    assert!(text.lines().count() >= 300, "{}", text.lines().count());
    let u = uri(&path);
    let mut c = start(dir.path());
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": u, "languageId": "yjs", "version": 1, "text": text } }),
    );
    let _ = c.diagnostics(&u);
    let mut times = Vec::new();
    for v in 0..20 {
        // Alternate a typo and the fix, as an analyst types.
        let t = if v % 2 == 0 {
            text.replace("promise  7", "promise  8")
        } else {
            text.clone()
        };
        let sent = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": u, "version": v + 2 }, "contentChanges": [{ "text": t }] }),
        );
        let _ = c.diagnostics(&u);
        times.push(sent.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    eprintln!(
        "diagnostics after a change to a {}-line matter: median {median:?}",
        text.lines().count()
    );
    // The budget is for an optimised build; a debug build gets ten times as long.
    let budget = if cfg!(debug_assertions) { 200 } else { 20 };
    assert!(median < Duration::from_millis(budget), "median {median:?}");
    let _ = c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    let _ = c.child.wait();
}

#[test]
fn hover_shows_a_limit_by_situation_arm_by_arm() {
    let mut o = open_clean("tests/ui/pass/limits-by-situation.yjs", "limits.yjs", |t| t);
    let md = o.hover("clear -> close", 10);
    assert!(
        md.contains("| promise | by situation: 1 workdays (1 working days in the schedule) when `mode == simple`; otherwise 3 workdays"),
        "{md}"
    );
    assert!(
        md.contains("| legal limit | by situation: 3 workdays (3 working days in the schedule) when `mode == simple`; otherwise 20 workdays"),
        "{md}"
    );
    let md = o.hover("clear -> close", 1);
    assert!(md.contains("即办 (immediate) when `tax_fast`"), "{md}");
    o.close();
}

#[test]
fn hover_on_a_rolled_wait_and_on_its_keyword_says_the_last_day_rolls() {
    let mut o = open_clean(
        "compiler/tests/fixtures/waits/closing.yjs",
        "waits.yjs",
        |t| t.replace("20 days basis", "20 days 顺延 basis"),
    );
    let md = o.hover("tax -> publicity", 9);
    assert!(
        md.contains("a last day on a rest day rolls to the next working day (民法典 第二百零三条)"),
        "{md}"
    );
    let md = o.hover("顺延 basis", 1);
    assert!(md.contains("moves to the next working day"), "{md}");
    o.close();
}

#[test]
fn hover_on_a_wait_step_in_a_chain_shows_its_duration_and_basis() {
    let mut o = open_clean(
        "compiler/tests/fixtures/waits/closing.yjs",
        "waits.yjs",
        |t| t,
    );
    let md = o.hover("tax -> publicity", 9);
    assert!(md.contains("**wait `publicity`** 简易注销公示"), "{md}");
    assert!(
        md.contains("| basis | 《市场主体登记管理条例》第三十三条 |"),
        "{md}"
    );
    assert!(md.contains("not counted (行政许可法 第四十五条)"), "{md}");
    // The rolled reading is said only where the matter asks for it.
    assert!(!md.contains("民法典"), "{md}");
    let at = o.at("tax -> publicity", 9);
    let d = o.client.request("textDocument/definition", at);
    assert!(d.to_string().contains("waits.yjs"), "{d}");
    o.close();
}
