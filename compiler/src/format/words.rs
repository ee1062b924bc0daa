//! The spelling a token is printed with: as written, or converted to one keyword language.
//!
//! Keywords convert through the one keyword table (`syntax::keywords::KEYWORDS`); the
//! contextual words the AST builder reads from names (field types, item kinds, delivery
//! channels, constraint and attribute names) convert through their tables, chosen by the node
//! the word stands in, exactly where the builder reads them. Names, strings and numbers never
//! change.

use crate::syntax::keywords::{CONSTRAINTS, DELIVERY, FIELD_TYPES, ITEM_KINDS, REFORM_FIGURES};
use crate::syntax::keywords::{DEPARTMENT_ATTRS, MATERIAL_ATTRS, OUTPUT_ATTRS};
use crate::syntax::{SyntaxKind::*, SyntaxToken};

/// Which keyword language the formatter writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Keywords {
    /// Keep each keyword as the analyst spelled it.
    #[default]
    Keep,
    /// English keywords (`promise 5 workdays`).
    English,
    /// Chinese keywords (`承诺 5 工作日`).
    Chinese,
}

/// The text to print for a token.
pub(super) fn spelling<'t>(tok: SyntaxToken<'t>, want: Keywords) -> &'t str {
    let text = tok.text();
    if want == Keywords::Keep {
        return text;
    }
    if let Some(kw) = tok.keyword() {
        let (same, other) = match want {
            Keywords::English => (kw.english, kw.chinese),
            _ => (kw.chinese, kw.english),
        };
        if same.contains(&text) || !other.contains(&text) {
            return text;
        }
        return match (want, singular(tok, kw.english)) {
            (Keywords::English, Some(one)) => one,
            _ => same[0],
        };
    }
    if tok.kind() != IDENT {
        return text;
    }
    let Some(table) = table_of(tok) else {
        return text;
    };
    match table.iter().find(|(en, zh)| *en == text || *zh == text) {
        Some((en, _)) if want == Keywords::English => en,
        Some((_, zh)) => zh,
        None => text,
    }
}

/// `workday` rather than `workdays` after the number 1, when the keyword has that spelling.
fn singular(tok: SyntaxToken<'_>, english: &'static [&'static str]) -> Option<&'static str> {
    let one = english
        .iter()
        .find(|s| english[0].strip_suffix('s') == Some(**s))?;
    let mut prev = tok.prev_token();
    while let Some(p) = prev.filter(|p| p.kind().is_trivia()) {
        prev = p.prev_token();
    }
    (prev?.text() == "1").then_some(*one)
}

/// The table of contextual words a name is read from where it stands, if it is one.
fn table_of(tok: SyntaxToken<'_>) -> Option<&'static [(&'static str, &'static str)]> {
    let parent = tok.parent();
    match parent.kind() {
        SIMPLE_TYPE => Some(FIELD_TYPES),
        KIND_STMT => Some(ITEM_KINDS),
        DELIVERY_STMT => Some(DELIVERY),
        WORSE_STMT => Some(REFORM_FIGURES),
        ATTR => {
            // Only the attribute's own name is a contextual word, not its values.
            let first = parent.tokens().find(|t| !t.kind().is_trivia())?;
            if first != tok {
                return None;
            }
            let owner = parent.parent()?.parent()?;
            match owner.kind() {
                ENTRY => Some(CONSTRAINTS),
                MATERIAL => Some(MATERIAL_ATTRS),
                OUTPUT => Some(OUTPUT_ATTRS),
                DEPARTMENT => Some(DEPARTMENT_ATTRS),
                _ => None,
            }
        }
        _ => None,
    }
}
