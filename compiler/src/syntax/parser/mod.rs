//! Tokens to the lossless tree: `grammar.pest`'s rules, written out over tokens and dispatched
//! on each statement's first keyword.
//!
//! Each function here is one rule of `grammar.pest` with the same PEG meaning (ordered
//! choice, greedy repetition, backtracking), reading tokens instead of characters: blanks
//! and comments are skipped between any two tokens (pest's implicit `WHITESPACE` and
//! `COMMENT`), line breaks are tokens the rules name (`sep`, `nl`). A statement's first
//! keyword picks its rule through `keywords::KEYWORDS` instead of trying every alternative.
//! A statement that does not parse, or is not followed by the end of the statement, becomes
//! an `ERROR` node holding its tokens up to the end of the statement, as `bad_stmt` does;
//! the AST builder asks pest why (`grammar::diagnose`). A test compares the tree with pest's
//! parse of the same text on every example and on fuzzed input (`conformance.rs`).
//!
//! The parser writes the tree's arrays directly. A failed alternative is undone by
//! truncating them (`checkpoint`/`rollback`); a token's kind and parent are written each time
//! it is consumed, so the last consumption wins. Only bracket nesting recurses, and the
//! lexer caps it at `MAX_DEPTH`.

mod expr;
mod rules;

use super::keywords::{self, Context};
use super::kind::SyntaxKind::{self, *};
use super::lex::Tokens;
use super::tree::{NodeData, SyntaxTree, NO_PARENT};
use crate::files::FileId;

/// Parses lexed tokens into a tree whose text is `src`.
pub(super) fn parse(file: FileId, src: &str, tokens: Tokens) -> SyntaxTree {
    let mut p = Parser::new(src, tokens);
    p.statements(Context::Top);
    if p.peek().is_some() {
        // Unreachable with balanced brackets (the lexer checks them); kept lossless anyway.
        p.start(ERROR);
        while p.pos < p.lexed.len() {
            p.bump_raw();
        }
        p.finish();
    }
    p.into_tree(file)
}

/// A tree of one `FILE` node over every token: for a file the lexer refused.
pub(super) fn flat(file: FileId, src: &str, tokens: Tokens) -> SyntaxTree {
    let mut p = Parser::new(src, tokens);
    p.pos = p.lexed.len();
    p.into_tree(file)
}

pub(super) struct Parser<'s> {
    src: &'s str,
    /// The kinds as lexed: every word is `IDENT`. Rules read these.
    lexed: Vec<SyntaxKind>,
    /// The kinds as consumed: a word read as a keyword has the keyword's kind.
    kinds: Vec<SyntaxKind>,
    starts: Vec<u32>,
    parents: Vec<u32>,
    nodes: Vec<NodeData>,
    /// The nodes started and not finished, innermost last.
    open: Vec<u32>,
    /// The next token to consume.
    pos: usize,
}

/// Where to come back to when an alternative fails.
#[derive(Clone, Copy)]
struct Checkpoint {
    pos: usize,
    nodes: usize,
    open: usize,
}

impl<'s> Parser<'s> {
    fn new(src: &'s str, tokens: Tokens) -> Parser<'s> {
        let n = tokens.len();
        let root = NodeData {
            kind: FILE,
            parent: NO_PARENT,
            first: 0,
            end: 0,
            subtree_end: 0,
        };
        let mut nodes = Vec::with_capacity(n / 4 + 1);
        nodes.push(root);
        Parser {
            src,
            kinds: tokens.kinds.clone(),
            lexed: tokens.kinds,
            starts: tokens.starts,
            parents: vec![0; n],
            nodes,
            open: vec![0],
            pos: 0,
        }
    }

    fn into_tree(mut self, file: FileId) -> SyntaxTree {
        // Blanks and comments after the last statement belong to the file.
        let n = self.lexed.len();
        for i in self.pos..n {
            self.parents[i] = 0;
            self.kinds[i] = self.lexed[i];
        }
        self.nodes[0].end = n as u32;
        self.nodes[0].subtree_end = self.nodes.len() as u32;
        SyntaxTree::from_parts(
            file,
            self.src.to_string(),
            self.kinds,
            self.starts,
            self.parents,
            self.nodes,
        )
    }

    // ---------------------------------------------------------------- looking ahead

    /// The index of the next token that is not a blank or a comment.
    fn next_significant(&self) -> usize {
        let mut i = self.pos;
        while i < self.lexed.len() && self.lexed[i].is_trivia() {
            i += 1;
        }
        i
    }

    /// The kind of the next significant token, as lexed; `None` at the end of the file.
    fn peek(&self) -> Option<SyntaxKind> {
        self.lexed.get(self.next_significant()).copied()
    }

    fn at(&self, kind: SyntaxKind) -> bool {
        self.peek() == Some(kind)
    }

    /// The keyword the next token spells, if it is a word that spells one.
    fn keyword_at(&self) -> Option<SyntaxKind> {
        let i = self.next_significant();
        if self.lexed.get(i) != Some(&IDENT) {
            return None;
        }
        let text = &self.src[self.starts[i] as usize..self.starts[i + 1] as usize];
        keywords::lookup(text)
    }

    fn at_keyword(&self, kw: SyntaxKind) -> bool {
        self.keyword_at() == Some(kw)
    }

    /// Whether the token right at `pos`, with nothing skipped, is of a kind: inside the
    /// atomic rules `path` and `percent`.
    fn adjacent(&self, kind: SyntaxKind) -> bool {
        self.lexed.get(self.pos) == Some(&kind)
    }

    // ---------------------------------------------------------------- building

    fn current(&self) -> u32 {
        self.open.last().copied().unwrap_or(0)
    }

    /// Gives the blanks and comments before the next significant token to the open node.
    fn flush(&mut self) {
        let to = self.next_significant();
        let parent = self.current();
        while self.pos < to {
            self.parents[self.pos] = parent;
            self.kinds[self.pos] = self.lexed[self.pos];
            self.pos += 1;
        }
    }

    /// Consumes the next significant token as `kind`.
    fn bump(&mut self, kind: SyntaxKind) {
        self.flush();
        if self.pos < self.lexed.len() {
            self.kinds[self.pos] = kind;
            self.parents[self.pos] = self.current();
            self.pos += 1;
        }
    }

    /// Consumes the next significant token as lexed (a word stays a name).
    fn bump_raw(&mut self) {
        if let Some(kind) = self.lexed.get(self.next_significant()).copied() {
            self.bump(kind);
        }
    }

    fn start(&mut self, kind: SyntaxKind) {
        self.flush();
        let id = self.nodes.len() as u32;
        self.nodes.push(NodeData {
            kind,
            parent: self.current(),
            first: self.pos as u32,
            end: self.pos as u32,
            subtree_end: 0,
        });
        self.open.push(id);
    }

    fn finish(&mut self) {
        if let Some(id) = self.open.pop() {
            let subtree_end = self.nodes.len() as u32;
            let node = &mut self.nodes[id as usize];
            node.end = self.pos as u32;
            node.subtree_end = subtree_end;
        }
    }

    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            pos: self.pos,
            nodes: self.nodes.len(),
            open: self.open.len(),
        }
    }

    fn rollback(&mut self, cp: Checkpoint) {
        self.pos = cp.pos;
        self.nodes.truncate(cp.nodes);
        self.open.truncate(cp.open);
    }

    /// Runs an alternative; when it fails, nothing it did remains.
    fn attempt(&mut self, f: impl FnOnce(&mut Self) -> bool) -> bool {
        let cp = self.checkpoint();
        let ok = f(self);
        if !ok {
            self.rollback(cp);
        }
        ok
    }

    /// Runs a rule whose match becomes a node of `kind`.
    fn node(&mut self, kind: SyntaxKind, f: impl FnOnce(&mut Self) -> bool) -> bool {
        self.attempt(|p| {
            p.start(kind);
            let ok = f(p);
            if ok {
                p.finish();
            }
            ok
        })
    }

    // ---------------------------------------------------------------- terminals

    /// A token of `kind`.
    fn eat(&mut self, kind: SyntaxKind) -> bool {
        let ok = self.at(kind);
        if ok {
            self.bump(kind);
        }
        ok
    }

    /// A word read as the keyword `kw` (`kw_*` in the grammar).
    fn eat_keyword(&mut self, kw: SyntaxKind) -> bool {
        let ok = self.at_keyword(kw);
        if ok {
            self.bump(kw);
        }
        ok
    }

    /// A word read as a name, whatever it spells (`ident`).
    fn ident(&mut self) -> bool {
        self.eat(IDENT)
    }

    /// `nl*`: line breaks where a statement may continue on the next line.
    fn newlines(&mut self) {
        while self.eat(NEWLINE) {}
    }

    /// `sep`: one or more line breaks and semicolons. Whether there was one.
    fn separators(&mut self) -> bool {
        let mut any = false;
        while matches!(self.peek(), Some(NEWLINE | SEMICOLON)) {
            self.bump_raw();
            any = true;
        }
        any
    }

    // ---------------------------------------------------------------- blocks and statements

    /// `"{" ~ sep? ~ (stmt ~ (sep ~ stmt)* ~ sep?)? ~ "}"` as a node of `kind`, whose
    /// statements stand in `context`.
    fn block(&mut self, kind: SyntaxKind, context: Context) -> bool {
        if !self.at(L_BRACE) {
            return false;
        }
        self.node(kind, |p| {
            p.bump(L_BRACE);
            p.statements(context);
            p.eat(R_BRACE)
        })
    }

    /// The statements of a block, or of the file at the top level.
    fn statements(&mut self, context: Context) {
        self.separators();
        loop {
            match self.peek() {
                None => break,
                Some(R_BRACE) if context != Context::Top => break,
                _ => {}
            }
            self.statement(context);
            if !self.separators() {
                break;
            }
        }
    }

    /// One statement: its rule followed by the end of the statement, or a bad statement.
    fn statement(&mut self, context: Context) {
        let cp = self.checkpoint();
        if self.statement_rule(context) && self.at_statement_end(context) {
            return;
        }
        self.rollback(cp);
        self.bad_statement();
    }

    /// `&(sep | "}")` in a block, `&(sep | EOI)` at the top level.
    fn at_statement_end(&self, context: Context) -> bool {
        match self.peek() {
            None => context == Context::Top,
            Some(NEWLINE | SEMICOLON) => true,
            Some(R_BRACE) => context != Context::Top,
            Some(_) => false,
        }
    }

    /// The statement rules of a context; in a dispatched context the first keyword picks
    /// the rule from `keywords::KEYWORDS`.
    fn statement_rule(&mut self, context: Context) -> bool {
        match context {
            Context::Top | Context::Matter | Context::Item | Context::Flow => {
                let started = self
                    .keyword_at()
                    .and_then(|kw| keywords::start(kw, context));
                if let Some(start) = started {
                    if self.keyword_statement(start.node) == Some(true) {
                        return true;
                    }
                }
                // `accept -> b` is a chain whose first step is named `accept`.
                context == Context::Flow && self.chain()
            }
            Context::Options => self.option(),
            Context::Entries => self.entry(),
            Context::Department | Context::Constraints | Context::Material | Context::Output => {
                self.attr()
            }
            Context::Review => self.eat(STRING),
            Context::Limits => self.limit_arm(),
        }
    }

    /// `bad_stmt`: every token up to the end of the statement, `{ … }` kept whole.
    fn bad_statement(&mut self) {
        self.start(ERROR);
        let mut depth = 0usize;
        let mut first = true;
        while let Some(kind) = self.peek() {
            match kind {
                NEWLINE | SEMICOLON | R_BRACE if depth == 0 && !first => break,
                L_BRACE => depth += 1,
                R_BRACE => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.bump_raw();
            first = false;
        }
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(src: &str) -> SyntaxTree {
        let (tokens, diags) = super::super::lex::lex(FileId(0), src, true);
        assert!(diags.is_empty(), "{diags:?}");
        parse(FileId(0), src, tokens)
    }

    #[test]
    fn every_keyword_statement_of_the_table_has_a_rule() {
        for ctx in Context::DISPATCHED {
            for (k, start) in keywords::statement_keywords(ctx) {
                let mut p = Parser::new("", Tokens::default());
                assert!(
                    p.keyword_statement(start.node).is_some(),
                    "{:?} starts {:?} in {ctx:?} but the parser has no rule for it",
                    k.kind,
                    start.node
                );
            }
        }
    }

    #[test]
    fn a_word_is_a_keyword_only_where_the_grammar_reads_one() {
        let t = tree("matter item \"x\" {\n  flow { accept -> when }\n}\n");
        let words: Vec<(SyntaxKind, &str)> = t
            .tokens()
            .filter(|t| t.kind() == IDENT || t.kind().is_keyword())
            .map(|t| (t.kind(), t.text()))
            .collect();
        assert_eq!(
            words,
            vec![
                (MATTER_KW, "matter"),
                (IDENT, "item"),
                (FLOW_KW, "flow"),
                (IDENT, "accept"),
                (IDENT, "when"),
            ]
        );
    }

    #[test]
    fn a_bad_statement_keeps_its_tokens_and_its_block() {
        let src = "matter m \"x\" {\n  promise 7 wrkdays { a\n b }\n  lead d\n}\n";
        let t = tree(src);
        let err = t
            .root()
            .descendants()
            .find(|n| n.kind() == ERROR)
            .map(|n| n.text());
        assert_eq!(err, Some("promise 7 wrkdays { a\n b }"));
        assert!(t.root().descendants().any(|n| n.kind() == LEAD_STMT));
        assert_eq!(t.text(), src);
    }
}
