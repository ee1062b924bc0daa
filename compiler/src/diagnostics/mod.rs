//! Diagnostics as data: one presentation type for every stage, rendered in one place.

mod codes;
mod render;
mod text;

pub use codes::{explanation, explanation_in, Code, ALL_CODES, ZH_EXPLANATIONS};
pub use render::{
    render_human, render_human_in, render_json, render_json_in, JsonDiagnostic, JsonLabel,
};
pub(crate) use text::t;
pub use text::{catalog_ids, catalog_sources, has_message, message, Arg, Lang, Text};

use crate::files::Span;
use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input is wrong: nothing is built.
    Error,
    /// The input is suspicious: artifacts are still built.
    Warning,
}

/// A place in the source with a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there.
    pub message: Text,
}

/// One problem found in the input: what is wrong, where, why it matters, what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The registry code, e.g. `E0101`.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// One sentence saying what is wrong.
    pub message: Text,
    /// The main place, when the problem has one.
    pub primary: Option<Label>,
    /// Other places that explain the problem.
    pub secondary: Vec<Label>,
    /// Why it matters, and context.
    pub notes: Vec<Text>,
    /// What to do.
    pub help: Option<Text>,
}

impl Diagnostic {
    /// An error with a primary label.
    #[cold]
    pub fn error(code: Code, message: impl Into<Text>, span: Span, label: impl Into<Text>) -> Self {
        Self::new(code, Severity::Error, message, span, label)
    }

    /// A warning with a primary label.
    #[cold]
    pub fn warning(
        code: Code,
        message: impl Into<Text>,
        span: Span,
        label: impl Into<Text>,
    ) -> Self {
        Self::new(code, Severity::Warning, message, span, label)
    }

    fn new(
        code: Code,
        severity: Severity,
        message: impl Into<Text>,
        span: Span,
        label: impl Into<Text>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            primary: Some(Label {
                span,
                message: label.into(),
            }),
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
        }
    }

    /// An error that points nowhere (I/O before any file is read).
    #[cold]
    pub fn bare_error(code: Code, message: impl Into<Text>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
        }
    }

    /// A warning that points nowhere (about files found, before any is read).
    #[cold]
    pub fn bare_warning(code: Code, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::bare_error(code, message)
        }
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<Text>) -> Self {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<Text>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file, position and code, so output is stable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            d.primary
                .as_ref()
                .map(|l| (l.span.file, l.span.start, l.span.end))
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.message.as_str().cmp(b.message.as_str()))
    });
}

/// The closest name to `wanted` among `candidates`, for "did you mean" help.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(wanted, c);
        if score >= 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// "did you mean `x`?" or a list of what is valid, as help text.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<Text> {
    if let Some(s) = suggest(wanted, candidates.clone()) {
        return Some(t!("did-you-mean", name = s));
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    if all.is_empty() {
        None
    } else if all.len() <= 12 {
        let names = all
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ");
        Some(t!("expected-one-of", names = names))
    } else {
        None
    }
}
