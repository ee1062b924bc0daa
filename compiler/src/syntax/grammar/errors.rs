//! Pest errors in our words: readable rule names, what was found, and per-context wording.

use super::Rule;
use crate::diagnostics::{Code, Diagnostic};
use crate::files::{FileId, Span};
use crate::syntax::diagnostics as d;
use crate::syntax::keywords::{self, Context};

/// Readable words for a grammar rule, or `None` for rules not worth naming.
fn describe(rule: Rule) -> Option<String> {
    let s = match rule {
        Rule::EOI => "the end of the statement",
        Rule::ident | Rule::path | Rule::bare => "a name",
        Rule::string => "a string in double quotes",
        Rule::number => "a number",
        Rule::percent => "a percentage such as `80%`",
        Rule::duration => "a time limit such as `5 workdays` or `immediate`",
        Rule::expr | Rule::paren | Rule::comparison | Rule::membership | Rule::has => "a condition",
        Rule::literal => "an option name",
        Rule::cmp_op => "`==` or `!=`",
        Rule::field_type | Rule::simple_type | Rule::choice_type | Rule::list_type => {
            "a field type"
        }
        Rule::alias => "`=`",
        Rule::op_and | Rule::op_or => "`and` or `or`",
        Rule::op_not => "`not`",
        Rule::attr_block
        | Rule::entry_block
        | Rule::option_block
        | Rule::matter_block
        | Rule::item_block
        | Rule::flow_block
        | Rule::review_block => "`{`",
        Rule::value => "a value",
        Rule::attr | Rule::attr_when => "an attribute",
        Rule::entry => "a field entry",
        Rule::option => "an option",
        r => return keyword_of(r).map(|k| format!("`{k}`")),
    };
    Some(s.to_string())
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

/// What stands at a byte offset, in words.
fn found_at(src: &str, pos: usize) -> String {
    let rest = src.get(pos..).unwrap_or("");
    let Some(c) = rest.chars().next() else {
        return "the end of the statement".into();
    };
    if c == '\n' || c == '\r' || c == ';' {
        return "the end of the statement".into();
    }
    if unicode_ident::is_xid_continue(c) {
        let word: String = rest
            .chars()
            .take_while(|c| unicode_ident::is_xid_continue(*c) || *c == '_')
            .collect();
        return format!("`{word}`");
    }
    if c == '"' {
        return "a string".into();
    }
    format!("`{c}`")
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
    let found = found_at(src, pos);
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
        let what = ctx.statement_name();
        let words = ctx.starting_words();
        let word = found.trim_matches('`');
        let mut diag = Diagnostic::error(
            Code::E0001,
            format!("expected {what}, found {found}"),
            span,
            format!("not {what}"),
        );
        if let Some(h) = crate::diagnostics::did_you_mean(word, words.iter().copied()) {
            diag = diag.with_help(h);
        }
        return diag;
    }
    let expected = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let mut words: Vec<String> = positives.iter().filter_map(|r| describe(*r)).collect();
            words.dedup();
            let mut seen = std::collections::BTreeSet::new();
            words.retain(|w| seen.insert(w.clone()));
            match words.len() {
                0 => "something else".to_string(),
                1 => words.remove(0),
                _ => {
                    let last = words.pop().unwrap_or_default();
                    format!("{} or {last}", words.join(", "))
                }
            }
        }
        ErrorVariant::CustomError { message } => message.clone(),
    };
    let mut diag = d::syntax(span, &expected, &found);
    if expected.contains("the end of the statement") {
        diag =
            diag.with_help("put each statement on its own line, or separate statements with `;`");
    }
    diag
}
