//! The syntax stage: source text to a lossless syntax tree and a spanned AST, every problem
//! collected as a diagnostic.
//!
//! ```text
//! text ──lex──▶ tokens ──parser──▶ SyntaxTree (lossless) ──build──▶ ast::SourceFile
//! ```
//!
//! - `lex.rs` splits the text into tokens (every byte in exactly one) and refuses what the
//!   parser must not see: unterminated strings and comments, unbalanced or too deep brackets,
//!   control characters. A refused file still gets a tree: its tokens under `FILE`.
//! - `parser/` follows `grammar.pest` over the tokens, choosing each statement's rule by its
//!   first keyword (`keywords.rs`); a bad statement becomes an `ERROR` node.
//! - `tree.rs` is the tree: tokens (blanks, line breaks and comments included) under nodes,
//!   keywords with their own kinds and the spelling used.
//! - `build/` reads the tree into the AST (`ast.rs`), the items of a large matter on several
//!   threads; `grammar/` asks pest why a bad statement is bad.
//!
//! Parsing never fails and never panics, and recursion is bounded by bracket nesting, which
//! the lexer caps at `MAX_DEPTH`.

pub mod ast;
mod build;
#[cfg(test)]
mod conformance;
mod diagnostics;
mod grammar;
pub mod keywords;
pub mod kind;
mod lex;
mod parser;
pub mod tree;

pub use kind::SyntaxKind;
pub use lex::{MAX_DEPTH, MAX_FILE_BYTES};

/// The deepest condition accepted (E0019): levels of `not` and of `and`/`or` lists inside a
/// list of the other operator; a chain of one operator is one level however long.
pub const MAX_COND_DEPTH: usize = 32;

/// The deepest nesting of `list` fields accepted (E0008): every level is three levels of
/// JSON in the form's artifacts, which readers limit (serde_json: 128).
pub const MAX_LIST_DEPTH: usize = 8;
pub use tree::{SyntaxElement, SyntaxNode, SyntaxToken, SyntaxTree, TokenAtOffset};

use crate::diagnostics::Diagnostic;
use crate::files::{FileId, Span};

/// The result of parsing one file: its lossless tree, its AST and the problems found.
#[derive(Debug, Clone)]
pub struct Parse {
    /// The concrete syntax tree; its text is the source, byte for byte.
    pub tree: SyntaxTree,
    /// The AST: everything that could be read.
    pub ast: ast::SourceFile,
    /// Syntax problems (E00xx), in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one file into its tree, its AST and its diagnostics. Never fails: a file too large
/// (E0002) or refused by the lexer (E0004–E0008) gets a flat tree and an empty AST; a bad
/// statement becomes an `ERROR` node and one diagnostic, and the rest of the file is read.
pub fn parse_file(file: FileId, src: &str) -> Parse {
    let empty = ast::SourceFile {
        file,
        ..ast::SourceFile::default()
    };
    if src.len() > MAX_FILE_BYTES {
        let (tokens, _) = lex::lex(file, src, false);
        return Parse {
            tree: parser::flat(file, src, tokens),
            ast: empty,
            diagnostics: vec![diagnostics::file_too_large(
                Span::new(file, 0, 0),
                src.len(),
                MAX_FILE_BYTES,
            )],
        };
    }
    let (tokens, refused) = lex::lex(file, src, true);
    if !refused.is_empty() {
        return Parse {
            tree: parser::flat(file, src, tokens),
            ast: empty,
            diagnostics: refused,
        };
    }
    let tree = parser::parse(file, src, tokens);
    let (ast, diagnostics) = build::build(&tree);
    Parse {
        tree,
        ast,
        diagnostics,
    }
}

/// Parses one file into its AST and diagnostics (`parse_file` without the tree).
pub fn parse(file: FileId, src: &str) -> (ast::SourceFile, Vec<Diagnostic>) {
    let p = parse_file(file, src);
    (p.ast, p.diagnostics)
}
