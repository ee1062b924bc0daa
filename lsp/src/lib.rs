//! `yjs lsp`: the language server, a thin loop over the compiler's queries (spec/tools.md).
//!
//! `main_loop` reads LSP messages over stdio (`lsp-server`), keeps the open documents
//! (`world.rs`), re-checks a document on every change and publishes its diagnostics, and
//! answers requests with the queries of `features.rs` over the last analysis. Byte offsets are
//! used inside; positions are converted to and from UTF-16 columns only here (`lines.rs`).

pub mod features;
pub mod lines;
pub mod names;
pub mod world;

use lines::LineIndex;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types as lt;
use std::collections::HashMap;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use world::{Analysis, World};
use yjs_compiler::diagnostics::Lang;

type Failure = Box<dyn Error + Sync + Send>;

/// The language of diagnostics, set once from the client's locale at `initialize`.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// Runs the server on standard input and output until the client says `exit`.
pub fn run_stdio() -> Result<(), Failure> {
    let (connection, io_threads) = Connection::stdio();
    let caps = serde_json::to_value(capabilities())?;
    let params = connection.initialize(caps)?;
    // Diagnostics follow the client's locale (`initialize.locale`, e.g. `zh-CN`); English otherwise.
    let lang = params
        .get("locale")
        .and_then(serde_json::Value::as_str)
        .and_then(Lang::parse)
        .unwrap_or(Lang::En);
    let _ = LANG.set(lang);
    main_loop(&connection)?;
    // The writer thread ends when the connection's sender is dropped.
    drop(connection);
    io_threads.join()?;
    Ok(())
}

fn capabilities() -> lt::ServerCapabilities {
    lt::ServerCapabilities {
        text_document_sync: Some(lt::TextDocumentSyncCapability::Kind(
            lt::TextDocumentSyncKind::FULL,
        )),
        hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lt::OneOf::Left(true)),
        references_provider: Some(lt::OneOf::Left(true)),
        rename_provider: Some(lt::OneOf::Left(true)),
        document_symbol_provider: Some(lt::OneOf::Left(true)),
        document_formatting_provider: Some(lt::OneOf::Left(true)),
        code_action_provider: Some(lt::CodeActionProviderCapability::Simple(true)),
        completion_provider: Some(lt::CompletionOptions {
            trigger_characters: Some(vec!["=".into(), " ".into(), "[".into()]),
            ..Default::default()
        }),
        position_encoding: Some(lt::PositionEncodingKind::UTF16),
        ..Default::default()
    }
}

/// The server's state: the open documents and the last analysis of each.
#[derive(Default)]
struct Server {
    world: World,
    analyses: HashMap<PathBuf, Analysis>,
}

fn main_loop(connection: &Connection) -> Result<(), Failure> {
    let mut server = Server::default();
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    return Ok(());
                }
                let resp = server.request(req);
                connection.sender.send(Message::Response(resp))?;
            }
            Message::Notification(n) => {
                for out in server.notification(n) {
                    connection.sender.send(Message::Notification(out))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// `file:///a/b%20c.yjs` → `/a/b c.yjs`.
pub fn uri_to_path(uri: &lt::Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

/// `/a/b c.yjs` → `file:///a/b%20c.yjs`.
pub fn path_to_uri(path: &Path) -> Option<lt::Uri> {
    let mut s = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    lt::Uri::from_str(&s).ok()
}

impl Server {
    fn notification(&mut self, n: Notification) -> Vec<Notification> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<lt::DidOpenTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                let Some(path) = uri_to_path(&p.text_document.uri) else {
                    return Vec::new();
                };
                self.world.docs.insert(path.clone(), p.text_document.text);
                self.refresh()
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<lt::DidChangeTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                let (Some(path), Some(change)) = (
                    uri_to_path(&p.text_document.uri),
                    p.content_changes.into_iter().last(),
                ) else {
                    return Vec::new();
                };
                self.world.docs.insert(path, change.text);
                self.refresh()
            }
            "textDocument/didClose" => {
                let Ok(p) = serde_json::from_value::<lt::DidCloseTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                if let Some(path) = uri_to_path(&p.text_document.uri) {
                    self.world.docs.remove(&path);
                    self.analyses.remove(&path);
                }
                let mut out = self.refresh();
                out.push(publish(p.text_document.uri, Vec::new()));
                out
            }
            _ => Vec::new(),
        }
    }

    /// Re-checks every open document (a change to one may change what another uses) and
    /// publishes the diagnostics of each.
    fn refresh(&mut self) -> Vec<Notification> {
        let paths: Vec<PathBuf> = self.world.docs.keys().cloned().collect();
        let mut out = Vec::new();
        for path in paths {
            let a = self.world.analyse(&path);
            if let Some(uri) = path_to_uri(&path) {
                out.push(publish(uri, diagnostics(&a)));
            }
            self.analyses.insert(path, a);
        }
        out
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        match self.answer(req) {
            Ok(v) => Response::new_ok(id, v),
            Err(e) => Response::new_err(id, -32602, e),
        }
    }

    fn analysis(&self, uri: &lt::Uri) -> Result<&Analysis, String> {
        let path = uri_to_path(uri).ok_or("not a file URI")?;
        self.analyses
            .get(&path)
            .ok_or_else(|| format!("{} is not open", path.display()))
    }

    fn answer(&mut self, req: Request) -> Result<serde_json::Value, String> {
        let params = req.params;
        let e = |x: serde_json::Error| x.to_string();
        match req.method.as_str() {
            "textDocument/hover" => {
                let p: lt::HoverParams = serde_json::from_value(params).map_err(e)?;
                let a = self.analysis(&p.text_document_position_params.text_document.uri)?;
                let idx = LineIndex::new(a.own_text());
                let at = idx.offset(p.text_document_position_params.position);
                json(features::hover(a, at).map(|(text, r)| lt::Hover {
                    contents: lt::HoverContents::Markup(lt::MarkupContent {
                        kind: lt::MarkupKind::Markdown,
                        value: text,
                    }),
                    range: Some(idx.range(r)),
                }))
            }
            "textDocument/definition" => {
                let p: lt::GotoDefinitionParams = serde_json::from_value(params).map_err(e)?;
                let a = self.analysis(&p.text_document_position_params.text_document.uri)?;
                let at =
                    LineIndex::new(a.own_text()).offset(p.text_document_position_params.position);
                json(locations(a, features::definition(a, at)))
            }
            "textDocument/references" => {
                let p: lt::ReferenceParams = serde_json::from_value(params).map_err(e)?;
                let a = self.analysis(&p.text_document_position.text_document.uri)?;
                let at = LineIndex::new(a.own_text()).offset(p.text_document_position.position);
                json(locations(a, features::references(a, at)))
            }
            // lsp-types keys edits by `Uri`, which clippy sees as mutable; it is only hashed here.
            #[allow(clippy::mutable_key_type)]
            "textDocument/rename" => {
                let p: lt::RenameParams = serde_json::from_value(params).map_err(e)?;
                let a = self.analysis(&p.text_document_position.text_document.uri)?;
                let at = LineIndex::new(a.own_text()).offset(p.text_document_position.position);
                let edits = features::rename(a, at, &p.new_name)?;
                let mut changes: HashMap<lt::Uri, Vec<lt::TextEdit>> = HashMap::new();
                for ((file, range), text) in edits {
                    let Some((uri, idx)) = place(a, file) else {
                        continue;
                    };
                    changes.entry(uri).or_default().push(lt::TextEdit {
                        range: idx.range(range),
                        new_text: text,
                    });
                }
                json(lt::WorkspaceEdit {
                    changes: Some(changes),
                    ..Default::default()
                })
            }
            "textDocument/documentSymbol" => {
                let p: lt::DocumentSymbolParams = serde_json::from_value(params).map_err(e)?;
                let a = self.analysis(&p.text_document.uri)?;
                let idx = LineIndex::new(a.own_text());
                #[allow(deprecated)]
                let syms: Vec<lt::SymbolInformation> = features::symbols(a)
                    .into_iter()
                    .map(|s| lt::SymbolInformation {
                        name: if s.detail.is_empty() {
                            s.name
                        } else {
                            format!("{} {}", s.name, s.detail)
                        },
                        kind: symbol_kind(&s.table),
                        tags: None,
                        deprecated: None,
                        location: lt::Location {
                            uri: p.text_document.uri.clone(),
                            range: idx.range(s.range),
                        },
                        container_name: s.container,
                    })
                    .collect();
                json(lt::DocumentSymbolResponse::Flat(syms))
            }
            "textDocument/formatting" => {
                let p: lt::DocumentFormattingParams = serde_json::from_value(params).map_err(e)?;
                let a = self.analysis(&p.text_document.uri)?;
                let text = a.own_text();
                match yjs_compiler::format::format(
                    a.file,
                    text,
                    yjs_compiler::format::Options::default(),
                ) {
                    Ok(new) if new != text => json(vec![lt::TextEdit {
                        range: LineIndex::new(text).range(0..text.len()),
                        new_text: new,
                    }]),
                    // Formatted already, or syntax errors (shown as diagnostics): no edit.
                    _ => json(Vec::<lt::TextEdit>::new()),
                }
            }
            "textDocument/completion" => {
                let p: lt::CompletionParams = serde_json::from_value(params).map_err(e)?;
                let a = self.analysis(&p.text_document_position.text_document.uri)?;
                let at = LineIndex::new(a.own_text()).offset(p.text_document_position.position);
                let items: Vec<lt::CompletionItem> = features::completion(a, at)
                    .into_iter()
                    .map(|(label, kind)| lt::CompletionItem {
                        kind: Some(match kind.as_str() {
                            "keyword" => lt::CompletionItemKind::KEYWORD,
                            "option" => lt::CompletionItemKind::ENUM_MEMBER,
                            "shared" => lt::CompletionItemKind::FIELD,
                            "item" => lt::CompletionItemKind::FUNCTION,
                            _ => lt::CompletionItemKind::REFERENCE,
                        }),
                        detail: Some(kind),
                        label,
                        ..Default::default()
                    })
                    .collect();
                json(lt::CompletionResponse::Array(items))
            }
            #[allow(clippy::mutable_key_type)]
            "textDocument/codeAction" => {
                let p: lt::CodeActionParams = serde_json::from_value(params).map_err(e)?;
                let a = self.analysis(&p.text_document.uri)?;
                let idx = LineIndex::new(a.own_text());
                let want = idx.offset(p.range.start)..idx.offset(p.range.end);
                let actions: Vec<lt::CodeActionOrCommand> = features::fixes(a)
                    .into_iter()
                    .filter(|(_, r, _)| r.start <= want.end && want.start <= r.end)
                    .map(|(d, r, name)| {
                        let edit = lt::TextEdit {
                            range: idx.range(r),
                            new_text: name.clone(),
                        };
                        lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                            title: format!("Replace with `{name}`"),
                            kind: Some(lt::CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![diagnostic(a, &idx, d)]),
                            edit: Some(lt::WorkspaceEdit {
                                changes: Some(HashMap::from([(
                                    p.text_document.uri.clone(),
                                    vec![edit],
                                )])),
                                ..Default::default()
                            }),
                            is_preferred: Some(true),
                            ..Default::default()
                        })
                    })
                    .collect();
                json(actions)
            }
            other => Err(format!("unsupported request {other}")),
        }
    }
}

fn json(x: impl serde::Serialize) -> Result<serde_json::Value, String> {
    serde_json::to_value(x).map_err(|e| e.to_string())
}

fn symbol_kind(table: &str) -> lt::SymbolKind {
    match table {
        "dept" => lt::SymbolKind::NAMESPACE,
        "dict" => lt::SymbolKind::STRUCT,
        "dictfield" | "shared" => lt::SymbolKind::FIELD,
        "sit" => lt::SymbolKind::ENUM,
        "opt" => lt::SymbolKind::ENUM_MEMBER,
        "item" => lt::SymbolKind::FUNCTION,
        "out" => lt::SymbolKind::OBJECT,
        _ => lt::SymbolKind::VARIABLE,
    }
}

/// The URI and line index of a file of the analysis.
fn place(a: &Analysis, file: yjs_compiler::files::FileId) -> Option<(lt::Uri, LineIndex<'_>)> {
    let name = &a.checked.files.get(file)?.name;
    Some((path_to_uri(Path::new(name))?, LineIndex::new(a.text(file))))
}

fn locations(a: &Analysis, places: Vec<features::Place>) -> Vec<lt::Location> {
    places
        .into_iter()
        .filter_map(|(file, range)| {
            let (uri, idx) = place(a, file)?;
            Some(lt::Location {
                uri,
                range: idx.range(range),
            })
        })
        .collect()
}

fn publish(uri: lt::Uri, diagnostics: Vec<lt::Diagnostic>) -> Notification {
    Notification::new(
        "textDocument/publishDiagnostics".into(),
        lt::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        },
    )
}

/// The diagnostics of the document itself (those of the files it uses are published with
/// those files when they are open).
pub fn diagnostics(a: &Analysis) -> Vec<lt::Diagnostic> {
    let idx = LineIndex::new(a.own_text());
    a.checked
        .diagnostics
        .iter()
        .filter(|d| d.primary.as_ref().is_none_or(|l| l.span.file == a.file))
        .map(|d| diagnostic(a, &idx, d))
        .collect()
}

fn diagnostic(
    a: &Analysis,
    idx: &LineIndex<'_>,
    d: &yjs_compiler::diagnostics::Diagnostic,
) -> lt::Diagnostic {
    let range = d
        .primary
        .as_ref()
        .map_or_else(|| idx.range(0..0), |l| idx.range(l.span.range()));
    let lang = lang();
    let (note, help) = match lang {
        Lang::Zh => ("说明：", "处理办法："),
        Lang::En => ("note: ", "help: "),
    };
    let mut message = d.message.resolve(lang);
    for n in &d.notes {
        message.push_str(&format!("\n{note}{}", n.resolve(lang)));
    }
    if let Some(h) = &d.help {
        message.push_str(&format!("\n{help}{}", h.resolve(lang)));
    }
    let related: Vec<lt::DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|l| {
            let (uri, li) = place(a, l.span.file)?;
            Some(lt::DiagnosticRelatedInformation {
                location: lt::Location {
                    uri,
                    range: li.range(l.span.range()),
                },
                message: l.message.resolve(lang),
            })
        })
        .collect();
    lt::Diagnostic {
        range,
        severity: Some(if d.is_error() {
            lt::DiagnosticSeverity::ERROR
        } else {
            lt::DiagnosticSeverity::WARNING
        }),
        code: Some(lt::NumberOrString::String(d.code.0.to_string())),
        source: Some("yjs".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}
