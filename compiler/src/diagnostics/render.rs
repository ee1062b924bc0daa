//! The one place that renders diagnostics: codespan-reporting for people, JSON for programs.

use super::{Diagnostic, Lang, Severity};
use crate::files::Files;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, termcolor, Config, Styles, StylesWriter};
use serde::Serialize;

fn to_codespan(d: &Diagnostic, lang: Lang) -> cs::Diagnostic<crate::files::FileId> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let mut labels = Vec::new();
    if let Some(p) = &d.primary {
        labels.push(
            cs::Label::primary(p.span.file, p.span.range()).with_message(p.message.resolve(lang)),
        );
    }
    for l in &d.secondary {
        labels.push(
            cs::Label::secondary(l.span.file, l.span.range()).with_message(l.message.resolve(lang)),
        );
    }
    let mut notes: Vec<String> = d
        .notes
        .iter()
        .map(|n| super::message(lang, "render-note", &[("text", n.resolve(lang))]))
        .collect();
    if let Some(h) = &d.help {
        notes.push(super::message(
            lang,
            "render-help",
            &[("text", h.resolve(lang))],
        ));
    }
    cs::Diagnostic::new(severity)
        .with_code(d.code.0)
        .with_message(d.message.resolve(lang))
        .with_labels(labels)
        .with_notes(notes)
}

/// Renders diagnostics for a person in English, with ANSI colour when `color` is set.
pub fn render_human(files: &Files, diags: &[Diagnostic], color: bool) -> String {
    render_human_in(files, diags, color, Lang::En)
}

/// Renders diagnostics for a person in `lang`, with ANSI colour when `color` is set.
pub fn render_human_in(files: &Files, diags: &[Diagnostic], color: bool, lang: Lang) -> String {
    let config = Config::default();
    let mut out = String::new();
    for d in diags {
        let cd = to_codespan(d, lang);
        if color {
            let mut buf = termcolor::Buffer::ansi();
            let styles = Styles::default();
            let mut w = StylesWriter::new(&mut buf, &styles);
            if term::emit_to_write_style(&mut w, &config, files, &cd).is_ok() {
                out.push_str(&localize_header(
                    &String::from_utf8_lossy(buf.as_slice()),
                    d,
                    lang,
                ));
                continue;
            }
        }
        match term::emit_into_string(&config, files, &cd) {
            Ok(s) => out.push_str(&localize_header(&s, d, lang)),
            Err(e) => out.push_str(&format!(
                "{}[{}]: {} ({e})\n",
                d.severity_word(lang),
                d.code,
                d.message.resolve(lang)
            )),
        }
    }
    out
}

/// codespan-reporting writes the severity of the header (`error[E0107]: …`) in English and has
/// no setting for it; the header is the first thing it writes for a diagnostic (after colour
/// codes), so its first `error[CODE]` is replaced by the word of `lang` (`错误[E0107]`).
fn localize_header(rendered: &str, d: &Diagnostic, lang: Lang) -> String {
    let english = format!("{}[{}]", d.severity_word(Lang::En), d.code);
    let local = format!("{}[{}]", d.severity_word(lang), d.code);
    if english == local {
        return rendered.to_string();
    }
    rendered.replacen(&english, &local, 1)
}

impl Diagnostic {
    fn severity_word(&self, lang: Lang) -> String {
        match self.severity {
            Severity::Error => super::message(lang, "render-error", &[]),
            Severity::Warning => super::message(lang, "render-warning", &[]),
        }
    }
}

/// A label in `--format json` output; lines and columns are 1-based.
#[derive(Debug, Serialize)]
pub struct JsonLabel {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    pub primary: bool,
}

/// A diagnostic in `--format json` output.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub labels: Vec<JsonLabel>,
    pub notes: Vec<String>,
    pub help: Option<String>,
}

/// Converts diagnostics to their JSON form, texts in English.
pub fn render_json(files: &Files, diags: &[Diagnostic]) -> Vec<JsonDiagnostic> {
    render_json_in(files, diags, Lang::En)
}

/// Converts diagnostics to their JSON form, texts in `lang`.
pub fn render_json_in(files: &Files, diags: &[Diagnostic], lang: Lang) -> Vec<JsonDiagnostic> {
    diags
        .iter()
        .map(|d| {
            let label = |l: &super::Label, primary: bool| {
                let (line, column) = files.line_col(l.span.file, l.span.start as usize);
                let (end_line, end_column) = files.line_col(l.span.file, l.span.end as usize);
                JsonLabel {
                    file: files.name(l.span.file).to_string(),
                    line,
                    column,
                    end_line,
                    end_column,
                    message: l.message.resolve(lang),
                    primary,
                }
            };
            let mut labels = Vec::new();
            if let Some(p) = &d.primary {
                labels.push(label(p, true));
            }
            labels.extend(d.secondary.iter().map(|l| label(l, false)));
            JsonDiagnostic {
                code: d.code.0.to_string(),
                severity: d.severity,
                message: d.message.resolve(lang),
                labels,
                notes: d.notes.iter().map(|n| n.resolve(lang)).collect(),
                help: d.help.as_ref().map(|h| h.resolve(lang)),
            }
        })
        .collect()
}
