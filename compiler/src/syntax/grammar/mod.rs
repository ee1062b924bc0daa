//! `grammar.pest`, compiled by pest: the documented grammar, asked why a statement is bad.
//!
//! The parser (`parser/`) follows these rules over tokens; when a statement does not parse,
//! pest re-parses its text alone with the statement rule of its block (`*_alone`) and its
//! error, in our words (`errors.rs`), becomes the E0001 diagnostic. Tests compare pest's parse
//! of whole files with the parser's tree (`conformance.rs`).

mod errors;

use super::diagnostics as d;
use super::keywords::Context;
use crate::diagnostics::Diagnostic;
use crate::files::{FileId, Span};
use errors::pest_error;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "syntax/grammar.pest"]
pub(super) struct YjsParser;

/// The rule that reads one statement of a context on its own.
fn alone(context: Context) -> Rule {
    match context {
        Context::Top => Rule::top_alone,
        Context::Matter => Rule::matter_alone,
        Context::Item => Rule::item_alone,
        Context::Flow => Rule::flow_alone,
        Context::Options => Rule::option_alone,
        Context::Entries => Rule::entry_alone,
        Context::Review => Rule::review_alone,
        Context::Limits => Rule::limit_alone,
        Context::Department | Context::Constraints | Context::Material | Context::Output => {
            Rule::attr_alone
        }
    }
}

/// Why a bad statement, the text at byte `start` of `file`, is not a statement of `context`.
pub(super) fn diagnose(file: FileId, text: &str, start: usize, context: Context) -> Diagnostic {
    match YjsParser::parse(alone(context), text) {
        Err(e) => pest_error(file, text, start, &e, Some(context)),
        Ok(_) => d::syntax(
            Span::new(file, start, start + text.len()),
            crate::diagnostics::t!("expect-statement"),
            crate::diagnostics::t!("found-unreadable"),
        ),
    }
}
