//! The lexer: source text to tokens, every byte in exactly one token, and the lexical checks.
//!
//! It checks strings, comments, control characters and the nesting of `{ ( [` before the
//! parser runs, so a missing `}` is one diagnostic at the brace that opened it rather than a
//! hundred bad statements, and 10,000 nested parentheses never reach a recursive parser.
//! When it reports a problem the file is not parsed; its tokens still make a lossless tree.
//!
//! Names use pest's own Unicode tables (`pest::unicode::XID_START`, `XID_CONTINUE`), so a
//! token is a name exactly when the grammar's `ident` rule would read it as one.

use super::diagnostics as d;
use super::kind::SyntaxKind::{self, *};
use crate::diagnostics::Diagnostic;
use crate::files::{FileId, Span};

/// The largest source file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The deepest nesting of brackets accepted.
pub const MAX_DEPTH: usize = 64;

/// The tokens of a text: kinds, and start offsets with the text's length appended.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// The kind of each token.
    pub kinds: Vec<SyntaxKind>,
    /// The first byte of each token, then one entry more: the length of the text.
    pub starts: Vec<u32>,
}

impl Tokens {
    /// How many tokens there are.
    pub(super) fn len(&self) -> usize {
        self.kinds.len()
    }

    fn push(&mut self, kind: SyntaxKind, start: usize) {
        self.kinds.push(kind);
        self.starts.push(start as u32);
    }
}

/// Splits a text into tokens; with `check`, also reports what the parser must not see.
/// An empty diagnostic list means the parser may run.
pub fn lex(file: FileId, src: &str, check: bool) -> (Tokens, Vec<Diagnostic>) {
    let mut lx = Lexer {
        file,
        src,
        bytes: src.as_bytes(),
        tokens: Tokens {
            kinds: Vec::with_capacity(src.len() / 3),
            starts: Vec::with_capacity(src.len() / 3 + 1),
        },
        diags: Vec::new(),
        checking: check,
        stack: Vec::new(),
        too_deep_reported: false,
    };
    lx.run();
    lx.tokens.starts.push(src.len() as u32);
    (lx.tokens, lx.diags)
}

struct Lexer<'s> {
    file: FileId,
    src: &'s str,
    bytes: &'s [u8],
    tokens: Tokens,
    diags: Vec<Diagnostic>,
    /// Cleared after a problem that makes later ones meaningless (a mismatched bracket).
    checking: bool,
    stack: Vec<(u8, usize)>,
    too_deep_reported: bool,
}

impl Lexer<'_> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.bytes.len() {
            let (kind, end) = self.token(i);
            self.tokens.push(kind, i);
            i = end;
        }
        if !self.checking || self.too_deep_reported {
            return;
        }
        if let Some(&(open, at)) = self.stack.last() {
            let span = Span::new(self.file, at, at + 1);
            let nested = self.stack.len() > 1;
            self.diags.push(d::unclosed(span, open as char, nested));
        }
    }

    /// The token starting at `i`: its kind and where it ends.
    fn token(&mut self, i: usize) -> (SyntaxKind, usize) {
        let b = self.bytes;
        let next = b.get(i + 1).copied();
        match b[i] {
            b' ' | b'\t' => (WHITESPACE, self.blanks(i)),
            b'\n' => (NEWLINE, i + 1),
            b'\r' => (NEWLINE, if next == Some(b'\n') { i + 2 } else { i + 1 }),
            b'/' if next == Some(b'/') => {
                let len = b[i..]
                    .iter()
                    .position(|c| *c == b'\n' || *c == b'\r')
                    .unwrap_or(b.len() - i);
                (LINE_COMMENT, i + len)
            }
            b'/' if next == Some(b'*') => (BLOCK_COMMENT, self.block_comment(i)),
            b'"' => (STRING, self.string(i)),
            c @ (b'{' | b'(' | b'[') => {
                self.open(c, i);
                (bracket(c), i + 1)
            }
            c @ (b'}' | b')' | b']') => {
                self.close(c, i);
                (bracket(c), i + 1)
            }
            b',' => (COMMA, i + 1),
            b';' => (SEMICOLON, i + 1),
            b'.' => (DOT, i + 1),
            b'%' => (PERCENT_SIGN, i + 1),
            b'=' if next == Some(b'=') => (EQ2, i + 2),
            b'=' => (EQ, i + 1),
            b'!' if next == Some(b'=') => (NEQ, i + 2),
            b'-' if next == Some(b'>') => (ARROW, i + 2),
            b'-' if next.is_some_and(|c| c.is_ascii_digit()) => (NUMBER, self.number(i + 1)),
            b'0'..=b'9' => (NUMBER, self.number(i)),
            c if c.is_ascii_alphabetic() || c == b'_' => (IDENT, self.word(i + 1)),
            c @ (0..=0x1f | 0x7f) => {
                if self.checking {
                    let span = Span::new(self.file, i, i + 1);
                    self.diags.push(d::control_char(span, c));
                }
                (ERROR_TOKEN, i + 1)
            }
            c if c < 0x80 => (ERROR_TOKEN, i + 1),
            _ => {
                let ch = self.src[i..].chars().next().unwrap_or('\u{FFFD}');
                let end = i + ch.len_utf8();
                if is_blank(ch) {
                    (WHITESPACE, self.blanks(end))
                } else if pest::unicode::XID_START(ch) {
                    (IDENT, self.word(end))
                } else {
                    (ERROR_TOKEN, end)
                }
            }
        }
    }

    /// The end of a run of blanks from `i`.
    fn blanks(&self, mut i: usize) -> usize {
        while let Some(&c) = self.bytes.get(i) {
            if c == b' ' || c == b'\t' {
                i += 1;
            } else if c >= 0x80 {
                match self.src[i..].chars().next() {
                    Some(ch) if is_blank(ch) => i += ch.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        i
    }

    /// The end of a name whose identifier characters continue at `i`.
    fn word(&self, mut i: usize) -> usize {
        while let Some(&c) = self.bytes.get(i) {
            if c.is_ascii_alphanumeric() || c == b'_' {
                i += 1;
            } else if c >= 0x80 {
                match self.src[i..].chars().next() {
                    Some(ch) if pest::unicode::XID_CONTINUE(ch) => i += ch.len_utf8(),
                    _ => break,
                }
            } else {
                break;
            }
        }
        i
    }

    /// The end of a number whose digits start at `i`: `12` or `12.50`.
    fn number(&self, i: usize) -> usize {
        let b = self.bytes;
        let digits = |from: usize| {
            from + b[from..]
                .iter()
                .position(|c| !c.is_ascii_digit())
                .unwrap_or(b.len() - from)
        };
        let end = digits(i);
        if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            digits(end + 1)
        } else {
            end
        }
    }

    /// The end of a block comment opened at `i`; unterminated, it runs to the end of the text.
    fn block_comment(&mut self, i: usize) -> usize {
        match self.src[i + 2..].find("*/") {
            Some(at) => {
                self.controls(i, i + 2 + at);
                i + 2 + at + 2
            }
            None => {
                if self.checking {
                    let span = Span::new(self.file, i, i + 2);
                    self.diags.push(d::unterminated_comment(span));
                    self.checking = false;
                }
                self.bytes.len()
            }
        }
    }

    /// The end of a string opened at `i`. A string that meets the end of its line (also
    /// right after a backslash) is unterminated: the token stops before the line break.
    fn string(&mut self, i: usize) -> usize {
        let b = self.bytes;
        let mut j = i + 1;
        let closed = loop {
            match b.get(j) {
                None | Some(b'\n') | Some(b'\r') => break false,
                Some(b'"') => {
                    j += 1;
                    break true;
                }
                Some(b'\\') if !matches!(b.get(j + 1), None | Some(b'\n') | Some(b'\r')) => j += 2,
                Some(_) => j += 1,
            }
        };
        // A backslash may have stepped into a multi-byte character; end on a boundary.
        while !self.src.is_char_boundary(j) {
            j += 1;
        }
        if !closed && self.checking {
            self.diags
                .push(d::unterminated_string(Span::new(self.file, i, j)));
        }
        self.controls(i, j);
        j
    }

    /// Reports control characters inside a string or a block comment.
    fn controls(&mut self, start: usize, end: usize) {
        if !self.checking {
            return;
        }
        for (off, c) in self.bytes[start..end].iter().enumerate() {
            if (*c < 0x20 && !matches!(*c, b'\t' | b'\n' | b'\r')) || *c == 0x7f {
                let at = start + off;
                self.diags
                    .push(d::control_char(Span::new(self.file, at, at + 1), *c));
            }
        }
    }

    fn open(&mut self, c: u8, i: usize) {
        if !self.checking {
            return;
        }
        self.stack.push((c, i));
        if self.stack.len() > MAX_DEPTH && !self.too_deep_reported {
            self.too_deep_reported = true;
            self.diags
                .push(d::too_deep(Span::new(self.file, i, i + 1), MAX_DEPTH));
        }
    }

    fn close(&mut self, c: u8, i: usize) {
        if !self.checking {
            return;
        }
        let want = match c {
            b'}' => b'{',
            b')' => b'(',
            _ => b'[',
        };
        let span = Span::new(self.file, i, i + 1);
        match self.stack.pop() {
            Some((open, _)) if open == want => {}
            Some((open, at)) => {
                let opened = Span::new(self.file, at, at + 1);
                self.diags
                    .push(d::mismatched(span, c as char, opened, open as char));
                self.checking = false;
            }
            None => {
                self.diags.push(d::unopened(span, c as char));
                self.checking = false;
            }
        }
    }
}

fn bracket(c: u8) -> SyntaxKind {
    match c {
        b'{' => L_BRACE,
        b'}' => R_BRACE,
        b'(' => L_PAREN,
        b')' => R_PAREN,
        b'[' => L_BRACK,
        _ => R_BRACK,
    }
}

/// The blanks besides space and tab: the full-width space and a byte-order mark.
fn is_blank(c: char) -> bool {
    c == '\u{3000}' || c == '\u{FEFF}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(SyntaxKind, &str)> {
        let (t, _) = lex(FileId(0), src, true);
        (0..t.len())
            .map(|i| {
                (
                    t.kinds[i],
                    &src[t.starts[i] as usize..t.starts[i + 1] as usize],
                )
            })
            .collect()
    }

    #[test]
    fn every_byte_is_in_one_token() {
        let src = "a.b 80% -5 -> == != = 12.50 1. \"x\\\"y\" // c\r\n/* d\n */\u{3000}名字 @ -x !";
        let toks = kinds(src);
        assert_eq!(toks.iter().map(|(_, t)| *t).collect::<String>(), src);
        assert_eq!(
            toks.iter()
                .filter(|(k, _)| !k.is_trivia())
                .map(|(k, _)| *k)
                .collect::<Vec<_>>(),
            vec![
                IDENT,
                DOT,
                IDENT,
                NUMBER,
                PERCENT_SIGN,
                NUMBER,
                ARROW,
                EQ2,
                NEQ,
                EQ,
                NUMBER,
                NUMBER,
                DOT,
                STRING,
                NEWLINE,
                IDENT,
                ERROR_TOKEN,
                ERROR_TOKEN,
                IDENT,
                ERROR_TOKEN
            ]
        );
    }

    #[test]
    fn an_unterminated_string_stops_at_the_line_break() {
        let (t, diags) = lex(FileId(0), "code \"abc\\\nx", true);
        assert_eq!(t.kinds[2], STRING);
        assert_eq!(t.starts[3], 10);
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn problems_stop_at_a_mismatched_bracket() {
        let (_, diags) = lex(FileId(0), "{ ( } \u{1} ]", true);
        assert_eq!(diags.len(), 1, "{diags:?}");
    }
}
