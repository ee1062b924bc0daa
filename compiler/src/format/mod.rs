//! `yjs fmt`: the one canonical layout of a `.yjs` file, printed from its lossless tree.
//!
//! The printer walks tree nodes and tokens generically, so a statement added to the grammar
//! is formatted without a rule of its own. Layout (spec/tools.md):
//!
//! - A block (any node with its own `{ … }`) written on one line stays on one line,
//!   `{ a; b }`; one written over several lines gets one statement a line, indented two
//!   spaces a level. Line breaks inside a statement (after `->`, `and`, `or`, in `( … )`)
//!   are kept and indented one level deeper.
//! - Tokens are separated by one space, except before `,` `;` `)` `]`, after `(` `[`, and
//!   inside `a.b` and `80%`; redundant `;` are dropped.
//! - Consecutive one-line statements of a block are aligned as a table: attributes (the
//!   statements a block takes once, `promise 5 workdays`) on their value column; repeated
//!   statements of one kind (`department`, `material`, field entries, options) on each
//!   column but the last, a field's own `{ constraints }` on one column after all of them.
//!   Trailing comments of such a run share one column.
//! - At most one blank line; none after `{` or before `}`; one between top-level
//!   declarations of different kinds or over several lines, and around every `item`.
//!   Comments stay on their line, and comment lines stay with the statement after them.
//!
//! The printer does not touch files with syntax errors: `format` returns their diagnostics.

mod words;

pub use words::Keywords;

use crate::diagnostics::Diagnostic;
use crate::files::FileId;
use crate::syntax::keywords::Times;
use crate::syntax::{self, SyntaxElement, SyntaxKind, SyntaxKind::*, SyntaxNode, SyntaxToken};
use unicode_width::UnicodeWidthStr;

/// Formatting choices.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The keyword language to write.
    pub keywords: Keywords,
}

/// Formats a source text; its syntax errors instead if it has any.
pub fn format(file: FileId, src: &str, options: Options) -> Result<String, Vec<Diagnostic>> {
    let parse = syntax::parse_file(file, src);
    let errors: Vec<Diagnostic> = parse
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(format_tree(&parse.tree, options))
}

/// Formats a tree without syntax errors.
pub fn format_tree(tree: &syntax::SyntaxTree, options: Options) -> String {
    let p = Printer {
        want: options.keywords,
    };
    let root = tree.root();
    let (_, lines) = collect(root);
    let mut out = p.lines(root, lines, 0);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

const INDENT: &str = "  ";

struct Printer {
    want: Keywords,
}

/// What a line of a block holds: statements (or block-level tokens such as review points)
/// and comments, in order.
#[derive(Clone, Copy)]
enum Elem<'t> {
    Stmt(SyntaxNode<'t>),
    Token(SyntaxToken<'t>),
    Comment(SyntaxToken<'t>),
}

/// One source line of a block.
enum Line<'t> {
    Blank,
    Code {
        elems: Vec<Elem<'t>>,
        /// A `// comment` after the last statement of the line.
        trailing: Option<SyntaxToken<'t>>,
    },
}

impl<'t> Line<'t> {
    /// The first statement of a line, if it has one.
    fn stmt(&self) -> Option<SyntaxNode<'t>> {
        match self {
            Line::Code { elems, .. } => elems.iter().find_map(|e| match e {
                Elem::Stmt(n) => Some(*n),
                _ => None,
            }),
            Line::Blank => None,
        }
    }

    fn is_code(&self) -> bool {
        match self {
            Line::Code { elems, .. } => elems.iter().any(|e| !matches!(e, Elem::Comment(_))),
            Line::Blank => false,
        }
    }

    fn is_comment(&self) -> bool {
        matches!(self, Line::Code { .. }) && !self.is_code()
    }
}

/// A node with braces of its own: its statements are a block.
fn is_block(n: SyntaxNode<'_>) -> bool {
    n.tokens().any(|t| t.kind() == L_BRACE)
}

/// Whether a node is written over several lines.
fn multiline(n: SyntaxNode<'_>) -> bool {
    n.descendant_tokens().any(|t| t.kind() == NEWLINE)
}

/// The lines of a block (the root, or a node with braces), and a `// comment` right after
/// its `{`.
fn collect(block: SyntaxNode<'_>) -> (Option<SyntaxToken<'_>>, Vec<Line<'_>>) {
    let mut lines = Vec::new();
    let mut elems = Vec::new();
    let mut trailing = None;
    let mut open_comment = None;
    let mut newlines = 1;
    let mut seen_newline = false;
    for el in block.children_with_tokens() {
        match el {
            SyntaxElement::Node(n) => elems.push(Elem::Stmt(n)),
            SyntaxElement::Token(t) => match t.kind() {
                L_BRACE | R_BRACE | WHITESPACE | SEMICOLON => {}
                NEWLINE => {
                    seen_newline = true;
                    if elems.is_empty() && trailing.is_none() {
                        newlines += 1;
                        if newlines == 2 {
                            lines.push(Line::Blank);
                        }
                    } else {
                        lines.push(Line::Code {
                            elems: std::mem::take(&mut elems),
                            trailing: trailing.take(),
                        });
                        newlines = 1;
                    }
                }
                LINE_COMMENT if block.kind() != FILE && !seen_newline && elems.is_empty() => {
                    open_comment = Some(t);
                }
                LINE_COMMENT if elems.iter().any(|e| !matches!(e, Elem::Comment(_))) => {
                    trailing = Some(t);
                }
                LINE_COMMENT | BLOCK_COMMENT => elems.push(Elem::Comment(t)),
                _ => elems.push(Elem::Token(t)),
            },
        }
    }
    if !elems.is_empty() || trailing.is_some() {
        lines.push(Line::Code { elems, trailing });
    }
    (open_comment, lines)
}

/// A statement's alignment class, its cells, which cells hold a block, and whether its last
/// cell is a constraints block of its own (`{ required }` after the name, label and type):
/// such a block starts on the run's block column, after every column of the run, so a row
/// without a label or a type does not put its block in their column.
type Row = (Class, Vec<String>, Vec<bool>, bool);

/// How a one-line statement lines up with its neighbours.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A statement a block takes once: aligned on its value.
    Attribute,
    /// A repeated statement of this kind: aligned column by column.
    Row(SyntaxKind),
}

impl Printer {
    /// The lines of a block at `depth`, without the final line break.
    fn lines(&self, block: SyntaxNode<'_>, lines: Vec<Line<'_>>, depth: usize) -> String {
        let lines = self.spaced(block, lines);
        let indent = INDENT.repeat(depth);
        let mut out: Vec<String> = Vec::with_capacity(lines.len());
        let mut i = 0;
        while i < lines.len() {
            let run_end = (i..lines.len())
                .find(|&j| !self.in_run(&lines[j]))
                .unwrap_or(lines.len());
            if run_end > i {
                for text in self.run(&lines[i..run_end], depth) {
                    out.push(format!("{indent}{text}"));
                }
                i = run_end;
                continue;
            }
            match &lines[i] {
                Line::Blank => out.push(String::new()),
                Line::Code { elems, trailing } => {
                    let mut text = self.line(elems, depth);
                    if let Some(c) = trailing {
                        text.push_str("  ");
                        text.push_str(c.text().trim_end());
                    }
                    out.push(format!("{indent}{text}"));
                }
            }
            i += 1;
        }
        out.join("\n")
    }

    /// Blank lines normalized: at most one, none at the ends of a block, and one where
    /// declarations must be apart (before the comment lines that lead a statement).
    fn spaced<'t>(&self, block: SyntaxNode<'t>, lines: Vec<Line<'t>>) -> Vec<Line<'t>> {
        let mut out: Vec<Line<'t>> = Vec::with_capacity(lines.len());
        let mut prev: Option<SyntaxNode<'t>> = None;
        for line in lines {
            match &line {
                Line::Blank => {
                    if out.last().is_some_and(|l| !matches!(l, Line::Blank)) {
                        out.push(line);
                    }
                    continue;
                }
                _ if line.is_code() => {
                    let this = line.stmt();
                    if let (Some(a), Some(b)) = (prev, this) {
                        if apart(block, a, b) {
                            let mut at = out.len();
                            while at > 0 && out[at - 1].is_comment() {
                                at -= 1;
                            }
                            if at > 0 && !matches!(out[at - 1], Line::Blank) {
                                out.insert(at, Line::Blank);
                            }
                        }
                    }
                    if this.is_some() {
                        prev = this;
                    }
                }
                _ => {}
            }
            out.push(line);
        }
        while out.last().is_some_and(|l| matches!(l, Line::Blank)) {
            out.pop();
        }
        out
    }

    /// Whether a line takes part in a run of aligned lines: one line of code.
    fn in_run(&self, line: &Line<'_>) -> bool {
        match line {
            Line::Code { elems, .. } => {
                line.is_code()
                    && elems.iter().all(|e| match e {
                        Elem::Stmt(n) => !multiline(*n),
                        Elem::Token(_) => true,
                        Elem::Comment(c) => !c.text().contains('\n'),
                    })
            }
            Line::Blank => false,
        }
    }

    /// A run of one-line lines: statements aligned by class, trailing comments on one column.
    fn run(&self, lines: &[Line<'_>], depth: usize) -> Vec<String> {
        let rows: Vec<Option<Row>> = lines
            .iter()
            .map(|l| match l {
                Line::Code { elems, .. } => match elems.as_slice() {
                    [Elem::Stmt(n)] => self.cells(*n),
                    _ => None,
                },
                Line::Blank => None,
            })
            .collect();
        let mut widths: Vec<(Class, Vec<usize>)> = Vec::new();
        for (class, cells, blocks, _) in rows.iter().flatten() {
            let at = match widths.iter().position(|(c, _)| c == class) {
                Some(at) => at,
                None => {
                    widths.push((*class, Vec::new()));
                    widths.len() - 1
                }
            };
            let w = &mut widths[at].1;
            // Every cell counts, the last too (`id_card` lines up `text` before a block); only
            // a row's last cell is never padded, and a cell with a block is always last.
            for (j, cell) in cells.iter().enumerate() {
                if blocks.get(j).copied().unwrap_or(false) {
                    continue;
                }
                if w.len() <= j {
                    w.push(0);
                }
                w[j] = w[j].max(cell.width());
            }
        }
        let texts: Vec<String> = lines
            .iter()
            .zip(&rows)
            .map(|(line, row)| match (line, row) {
                (_, Some((class, cells, _, own_block))) => {
                    let w = widths
                        .iter()
                        .find(|(c, _)| c == class)
                        .map(|(_, w)| w.as_slice())
                        .unwrap_or(&[]);
                    let mut text = String::new();
                    for (j, cell) in cells.iter().enumerate() {
                        if j + 1 == cells.len() && *own_block {
                            // The columns this row leaves out, then its block.
                            for width in w.iter().skip(j) {
                                text.push_str(&" ".repeat(width + 1));
                            }
                        }
                        text.push_str(cell);
                        if j + 1 < cells.len() {
                            let pad = w.get(j).copied().unwrap_or(0).saturating_sub(cell.width());
                            text.push_str(&" ".repeat(pad + 1));
                        }
                    }
                    text
                }
                (Line::Code { elems, .. }, None) => self.line(elems, depth),
                (Line::Blank, None) => String::new(),
            })
            .collect();
        let column = lines
            .iter()
            .zip(&texts)
            .filter(|(l, _)| {
                matches!(
                    l,
                    Line::Code {
                        trailing: Some(_),
                        ..
                    }
                )
            })
            .map(|(_, t)| t.width())
            .max()
            .unwrap_or(0);
        lines
            .iter()
            .zip(texts)
            .map(|(line, mut text)| {
                if let Line::Code {
                    trailing: Some(c), ..
                } = line
                {
                    let pad = column - text.width() + 2;
                    text.push_str(&" ".repeat(pad));
                    text.push_str(c.text().trim_end());
                }
                text
            })
            .collect()
    }

    /// The cells a one-line statement is aligned by, if it is aligned.
    fn cells(&self, stmt: SyntaxNode<'_>) -> Option<Row> {
        let parts: Vec<SyntaxElement<'_>> = stmt
            .children_with_tokens()
            .filter(|e| e.kind() != WHITESPACE)
            .collect();
        if parts
            .iter()
            .any(|e| matches!(e.kind(), LINE_COMMENT | BLOCK_COMMENT | NEWLINE | ARROW))
        {
            return None;
        }
        let first = parts.first()?.into_token();
        let once = first.and_then(|t| t.keyword()).map(|k| {
            k.starts
                .iter()
                .any(|s| s.node == stmt.kind() && s.times == Times::Once)
        });
        // A repeated keyword statement that names no declaration (`basis "…"`) is an
        // attribute too; `material ID "name"` and `department ID "name"` are rows.
        let declares = parts
            .get(1)
            .is_some_and(|e| matches!(e.kind(), IDENT | PATH));
        if once == Some(true) || (once == Some(false) && !declares) {
            let mut w = Writer::new(self, 0);
            for e in &parts[1..] {
                w.element(*e);
            }
            let head = self.render(&parts[..1]);
            let cells = if w.out.is_empty() {
                vec![head]
            } else {
                vec![head, w.out]
            };
            let blocks = vec![false; cells.len()];
            return Some((Class::Attribute, cells, blocks, false));
        }
        // Cells up to the first one with a block (`choice { … }`, `{ constraints }`) are
        // aligned; that one and what follows it are the row's last cell.
        let mut cells: Vec<String> = Vec::new();
        let mut blocks: Vec<bool> = Vec::new();
        let mut last: Option<SyntaxKind> = None;
        let mut open = true;
        let mut own_block = false;
        for e in &parts {
            let (a, b) = ends(*e)?;
            let text = self.render(std::slice::from_ref(e));
            // A constraint's messages are its row's last cell and set no column, as a block
            // does: `required when a message "…"` does not widen the columns of its block.
            if e.kind() == CONSTRAINT_MESSAGE && open {
                cells.push(text);
                blocks.push(true);
                open = false;
                last = Some(b);
                continue;
            }
            match (cells.last_mut(), last) {
                (Some(cell), Some(l)) if !open || !spaced(l, a) || a == EQ => {
                    if spaced(l, a) {
                        cell.push(' ');
                    }
                    cell.push_str(&text);
                }
                _ => {
                    own_block = e.kind() == ATTR_BLOCK && !cells.is_empty();
                    cells.push(text);
                    blocks.push(false);
                }
            }
            if let SyntaxElement::Node(n) = e {
                if n.descendant_tokens().any(|t| t.kind() == L_BRACE) {
                    open = false;
                    if let Some(b) = blocks.last_mut() {
                        *b = true;
                    }
                }
            }
            last = Some(b);
        }
        Some((Class::Row(stmt.kind()), cells, blocks, own_block))
    }

    /// Elements rendered on one line.
    fn render(&self, parts: &[SyntaxElement<'_>]) -> String {
        let mut w = Writer::new(self, 0);
        for e in parts {
            w.element(*e);
        }
        w.out
    }

    /// One line of a block, without alignment: its statements joined by `; `.
    fn line(&self, elems: &[Elem<'_>], depth: usize) -> String {
        let mut w = Writer::new(self, depth);
        let mut after_stmt = false;
        for e in elems {
            match e {
                Elem::Stmt(n) => {
                    if after_stmt {
                        w.raw(";");
                    }
                    w.node(*n);
                    after_stmt = true;
                }
                Elem::Token(t) => {
                    if after_stmt {
                        w.raw(";");
                    }
                    w.token(*t);
                    after_stmt = true;
                }
                Elem::Comment(c) => w.token(*c),
            }
        }
        w.out
    }
}

/// Whether two neighbouring statements of a block must have a blank line between them.
fn apart(block: SyntaxNode<'_>, a: SyntaxNode<'_>, b: SyntaxNode<'_>) -> bool {
    if block.kind() == FILE {
        a.kind() != b.kind() || multiline(a) || multiline(b)
    } else {
        a.kind() == ITEM || b.kind() == ITEM
    }
}

/// The kinds of the first and last tokens of an element.
fn ends(e: SyntaxElement<'_>) -> Option<(SyntaxKind, SyntaxKind)> {
    match e {
        SyntaxElement::Token(t) => Some((t.kind(), t.kind())),
        SyntaxElement::Node(n) => Some((n.first_token()?.kind(), n.last_token()?.kind())),
    }
}

/// Whether one space stands between two tokens on a line.
fn spaced(prev: SyntaxKind, next: SyntaxKind) -> bool {
    !(matches!(
        next,
        COMMA | SEMICOLON | R_PAREN | R_BRACK | DOT | PERCENT_SIGN
    ) || matches!(prev, L_PAREN | L_BRACK | DOT)
        || (prev == L_BRACE && next == R_BRACE))
}

/// Writes tokens with the spacing rules; blocks over several lines through the printer.
struct Writer<'p> {
    p: &'p Printer,
    out: String,
    depth: usize,
    prev: Option<SyntaxKind>,
    semicolon: bool,
}

impl<'p> Writer<'p> {
    fn new(p: &'p Printer, depth: usize) -> Self {
        Writer {
            p,
            out: String::new(),
            depth,
            prev: None,
            semicolon: false,
        }
    }

    fn element(&mut self, e: SyntaxElement<'_>) {
        match e {
            SyntaxElement::Node(n) => self.node(n),
            SyntaxElement::Token(t) => self.token(t),
        }
    }

    fn node(&mut self, n: SyntaxNode<'_>) {
        if is_block(n) && multiline(n) {
            return self.block(n);
        }
        for e in n.children_with_tokens() {
            self.element(e);
        }
    }

    /// A block over several lines: `{`, its lines one level deeper, `}`.
    fn block(&mut self, n: SyntaxNode<'_>) {
        let (open, lines) = collect(n);
        for e in n.children_with_tokens() {
            match e {
                SyntaxElement::Token(t) if t.kind() == L_BRACE => break,
                e => self.element(e),
            }
        }
        self.put(L_BRACE, "{");
        if let Some(c) = open {
            self.out.push(' ');
            self.out.push_str(c.text().trim_end());
        }
        let body = self.p.lines(n, lines, self.depth + 1);
        if !body.is_empty() {
            self.out.push('\n');
            self.out.push_str(&body);
        }
        self.out.push('\n');
        self.out.push_str(&INDENT.repeat(self.depth));
        self.out.push('}');
        self.prev = Some(R_BRACE);
    }

    fn token(&mut self, t: SyntaxToken<'_>) {
        match t.kind() {
            WHITESPACE => {}
            SEMICOLON => self.semicolon = true,
            NEWLINE => {
                self.semicolon = false;
                self.out.push('\n');
                self.out.push_str(&INDENT.repeat(self.depth + 1));
                self.prev = None;
            }
            LINE_COMMENT => {
                if self.prev.is_some() {
                    self.out.push(' ');
                }
                self.out.push_str(t.text().trim_end());
                self.prev = Some(LINE_COMMENT);
            }
            kind => {
                let text = words::spelling(t, self.p.want);
                self.put(kind, text);
            }
        }
    }

    /// Writes a token after a pending `;` (dropped where redundant) and the right space.
    fn put(&mut self, kind: SyntaxKind, text: &str) {
        if std::mem::take(&mut self.semicolon)
            && !matches!(self.prev, None | Some(L_BRACE | SEMICOLON))
            && kind != R_BRACE
        {
            self.out.push(';');
            self.prev = Some(SEMICOLON);
        }
        if let Some(prev) = self.prev {
            if spaced(prev, kind) {
                self.out.push(' ');
            }
        }
        self.out.push_str(text);
        self.prev = Some(kind);
    }

    /// Text between statements of one line (`;`).
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
        self.prev = Some(SEMICOLON);
    }
}

/// Formats the bytes of a file, adding it to `files` so that its diagnostics can be shown:
/// the formatted text, or the problems that stop formatting (the file is not UTF-8, E0003,
/// or has syntax errors).
pub fn format_file(
    files: &mut crate::files::Files,
    name: &str,
    bytes: Vec<u8>,
    options: Options,
) -> Result<String, Vec<Diagnostic>> {
    match String::from_utf8(bytes) {
        Ok(text) => {
            let id = files.add(name, text.clone());
            format(id, &text, options)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let id = files.add_with_status(name, text, Some(at));
            Err(vec![not_utf8(crate::files::Span::new(id, at, at + 1))])
        }
    }
}

/// E0003, worded as `resolve` words it when it loads a file.
#[cold]
fn not_utf8(span: crate::files::Span) -> Diagnostic {
    Diagnostic::error(
        crate::diagnostics::Code::E0003,
        crate::diagnostics::t!("e0003"),
        span,
        crate::diagnostics::t!("e0003-label"),
    )
    .with_note(crate::diagnostics::t!("e0003-note"))
    .with_help(crate::diagnostics::t!("e0003-help"))
}
