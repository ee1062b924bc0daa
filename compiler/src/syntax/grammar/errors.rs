//! Pest errors in our words: readable rule names, what was found, and per-context wording.

use super::Rule;
use crate::diagnostics::t;
use crate::diagnostics::{Code, Diagnostic, Text};
use crate::files::{FileId, Span};
use crate::syntax::diagnostics as d;
use crate::syntax::keywords::{self, Context};

/// Readable words for a grammar rule, or `None` for rules not worth naming.
fn describe(rule: Rule) -> Option<Text> {
    let t = match rule {
        Rule::EOI => t!("expect-end"),
        Rule::ident | Rule::path | Rule::bare => t!("expect-name"),
        Rule::string => t!("expect-string"),
        Rule::number => t!("expect-number"),
        Rule::percent => t!("expect-percent"),
        Rule::duration => t!("expect-duration"),
        Rule::expr | Rule::paren | Rule::comparison | Rule::membership | Rule::has => {
            t!("expect-condition")
        }
        Rule::literal => t!("expect-option-name"),
        Rule::cmp_op => t!("expect-cmp-op"),
        Rule::field_type | Rule::simple_type | Rule::choice_type | Rule::list_type => {
            t!("expect-field-type")
        }
        Rule::alias => t!("expect-code", code = "="),
        Rule::op_and | Rule::op_or => t!("expect-and-or"),
        Rule::op_not => t!("expect-code", code = "not"),
        Rule::attr_block
        | Rule::entry_block
        | Rule::option_block
        | Rule::matter_block
        | Rule::item_block
        | Rule::flow_block
        | Rule::review_block
        | Rule::limit_block => t!("expect-code", code = "{"),
        Rule::limit_arm => t!("stmt-limit"),
        Rule::value => t!("expect-value"),
        Rule::attr | Rule::attr_when => t!("expect-attribute"),
        Rule::entry => t!("expect-entry"),
        Rule::option => t!("expect-option"),
        r => return keyword_of(r).map(|k| t!("expect-code", code = k)),
    };
    Some(t)
}

/// The kind of statement a context holds, in words.
fn statement_name(ctx: Context) -> Text {
    match ctx {
        Context::Top => t!("stmt-top"),
        Context::Department => t!("stmt-department"),
        Context::Matter => t!("stmt-matter"),
        Context::Item => t!("stmt-item"),
        Context::Flow => t!("stmt-flow"),
        Context::Options => t!("stmt-options"),
        Context::Entries => t!("expect-entry"),
        Context::Constraints => t!("stmt-constraint"),
        Context::Material => t!("stmt-material"),
        Context::Output => t!("stmt-output"),
        Context::Review => t!("stmt-review"),
        Context::Limits => t!("stmt-limit"),
    }
}

/// The keyword a `kw_*` rule reads, by its canonical English spelling.
fn keyword_of(rule: Rule) -> Option<&'static str> {
    let name = format!("{rule:?}");
    let word = name.strip_prefix("kw_")?;
    keywords::KEYWORDS
        .iter()
        .map(|k| k.english[0])
        .find(|en| *en == word)
}

/// What stands at a byte offset, in words, and the word itself when it is one.
fn found_at(src: &str, pos: usize) -> (Text, String) {
    let rest = src.get(pos..).unwrap_or("");
    let Some(c) = rest.chars().next() else {
        return (t!("expect-end"), String::new());
    };
    if c == '\n' || c == '\r' || c == ';' {
        return (t!("expect-end"), String::new());
    }
    if unicode_ident::is_xid_continue(c) {
        let word: String = rest
            .chars()
            .take_while(|c| unicode_ident::is_xid_continue(*c) || *c == '_')
            .collect();
        return (t!("expect-code", code = word.as_str()), word);
    }
    if c == '"' {
        return (t!("found-string"), String::new());
    }
    (t!("expect-code", code = c), c.to_string())
}

/// Turns a pest error into our E0001 wording; `offset` places a re-parsed statement in its file.
pub(super) fn pest_error(
    file: FileId,
    src: &str,
    offset: usize,
    e: &pest::error::Error<Rule>,
    ctx: Option<Context>,
) -> Diagnostic {
    use pest::error::{ErrorVariant, InputLocation};
    let pos = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let (found, found_word) = found_at(src, pos);
    let word_len = src
        .get(pos..)
        .and_then(|r| {
            r.chars().next().map(|c| {
                if unicode_ident::is_xid_continue(c) {
                    r.chars()
                        .take_while(|c| unicode_ident::is_xid_continue(*c) || *c == '_')
                        .map(char::len_utf8)
                        .sum()
                } else if c == '\n' || c == '\r' {
                    0
                } else {
                    c.len_utf8()
                }
            })
        })
        .unwrap_or(0);
    let span = Span::new(file, offset + pos, offset + pos + word_len);
    if let (Some(ctx), 0) = (ctx, pos) {
        let what = statement_name(ctx);
        let words = ctx.starting_words();
        let mut diag = Diagnostic::error(
            Code::E0001,
            t!("e0001", expected = what.clone(), found = found),
            span,
            t!("e0001-not", expected = what),
        );
        if let Some(h) = crate::diagnostics::did_you_mean(&found_word, words.iter().copied()) {
            diag = diag.with_help(h);
        }
        return diag;
    }
    let expected = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let mut words: Vec<Text> = positives.iter().filter_map(|r| describe(*r)).collect();
            words.dedup();
            let mut seen = std::collections::BTreeSet::new();
            words.retain(|w| seen.insert(w.as_str().to_string()));
            let last = words.pop();
            match last {
                None => t!("expect-else"),
                Some(last) => match words
                    .into_iter()
                    .reduce(|a, b| t!("list-comma", a = a, b = b))
                {
                    None => last,
                    Some(head) => t!("list-or", a = head, b = last),
                },
            }
        }
        ErrorVariant::CustomError { message } => Text::raw(message.clone()),
    };
    let ends = expected.contains("the end of the statement");
    let mut diag = d::syntax(span, expected, found);
    if ends {
        diag = diag.with_help(t!("e0001-end-help"));
    }
    diag
}
