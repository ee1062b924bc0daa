//! A lexical pre-pass: catches what would make the parser cascade or recurse too deep.
//!
//! It checks strings, comments and the nesting of `{ ( [` before pest runs, so a
//! missing `}` is one diagnostic at the brace that opened it rather than a hundred
//! bad statements, and 10,000 nested parentheses never reach a recursive parser.

use super::diagnostics as d;
use crate::diagnostics::Diagnostic;
use crate::files::{FileId, Span};

/// The largest source file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The deepest nesting of brackets accepted.
pub const MAX_DEPTH: usize = 64;

/// Checks a source text; an empty result means the parser may run.
pub fn precheck(file: FileId, src: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut too_deep_reported = false;
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => match src[i + 2..].find("*/") {
                Some(end) => {
                    check_controls(file, src, i, i + 2 + end, &mut diags);
                    i += end + 4;
                    continue;
                }
                None => {
                    diags.push(d::unterminated_comment(Span::new(file, i, i + 2)));
                    return diags;
                }
            },
            b'"' => {
                let start = i;
                i += 1;
                loop {
                    match bytes.get(i) {
                        None | Some(b'\n') | Some(b'\r') => {
                            diags.push(d::unterminated_string(Span::new(file, start, i)));
                            break;
                        }
                        Some(b'\\') => i += 2,
                        Some(b'"') => {
                            i += 1;
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
                check_controls(file, src, start, i.min(src.len()), &mut diags);
                continue;
            }
            b'{' | b'(' | b'[' => {
                stack.push((c as char, i));
                if stack.len() > MAX_DEPTH && !too_deep_reported {
                    too_deep_reported = true;
                    diags.push(d::too_deep(Span::new(file, i, i + 1), MAX_DEPTH));
                }
            }
            b'}' | b')' | b']' => {
                let want = match c {
                    b'}' => '{',
                    b')' => '(',
                    _ => '[',
                };
                match stack.pop() {
                    Some((open, _)) if open == want => {}
                    Some((open, at)) => {
                        diags.push(d::mismatched(
                            Span::new(file, i, i + 1),
                            c as char,
                            Span::new(file, at, at + 1),
                            open,
                        ));
                        return diags;
                    }
                    None => {
                        diags.push(d::unopened(Span::new(file, i, i + 1), c as char));
                        return diags;
                    }
                }
            }
            b'\t' | b'\n' | b'\r' => {}
            0..=0x1f | 0x7f => diags.push(d::control_char(Span::new(file, i, i + 1), c)),
            _ => {}
        }
        i += 1;
    }
    if let Some((open, at)) = stack.last().copied().filter(|_| !too_deep_reported) {
        diags.push(d::unclosed(
            Span::new(file, at, at + 1),
            open,
            stack.len() > 1,
        ));
    }
    diags
}

fn check_controls(file: FileId, src: &str, start: usize, end: usize, diags: &mut Vec<Diagnostic>) {
    for (off, b) in src.as_bytes()[start..end].iter().enumerate() {
        if (*b < 0x20 && *b != b'\t' && *b != b'\n' && *b != b'\r') || *b == 0x7f {
            diags.push(d::control_char(
                Span::new(file, start + off, start + off + 1),
                *b,
            ));
        }
    }
}
