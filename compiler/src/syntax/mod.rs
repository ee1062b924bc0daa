//! The syntax stage: source text to a spanned AST, with every problem collected as a diagnostic.

pub mod ast;
mod diagnostics;
pub mod keywords;
mod lex;
mod parser;

pub use lex::{MAX_DEPTH, MAX_FILE_BYTES};
pub use parser::parse;
