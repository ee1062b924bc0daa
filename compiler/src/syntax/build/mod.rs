//! The AST from the syntax tree: one function per construct, every AST node keeping its span.
//!
//! The tree has already the grammar's shape, so building is reading: names, decoded strings,
//! numbers, and the meaning of contextual words (constraints, attributes). The checks that
//! need that meaning live here: escapes (E0009), unknown attributes (E0010), values
//! (E0011), statements given twice (E0012, one mechanism: `once`), numbers (E0013) and
//! entries (E0014). A bad statement (`ERROR` node) is explained by pest (E0001). A shape
//! the grammar cannot produce is an internal error (I0001) through `unexpected`.

mod expr;
mod fields;
mod item;
mod limit;

use super::ast::*;
use super::diagnostics as d;
use super::grammar;
use super::keywords::{self as kw, canonical, spellings, Context};
use super::kind::SyntaxKind::*;
use super::tree::{SyntaxElement, SyntaxNode, SyntaxToken, SyntaxTree};
use crate::diagnostics::{Code, Diagnostic};
use crate::files::{FileId, Span};

/// Builds the AST of a parsed file, with the diagnostics found on the way.
pub(super) fn build(tree: &SyntaxTree) -> (SourceFile, Vec<Diagnostic>) {
    build_apart(tree, crate::par::LARGE_BLOCK)
}

/// [`build`], the items of a matter block of `apart` bytes or more built on several threads.
fn build_apart(tree: &SyntaxTree, apart: usize) -> (SourceFile, Vec<Diagnostic>) {
    let mut b = Builder {
        file: tree.file(),
        diags: Vec::new(),
        apart,
    };
    let mut out = SourceFile {
        file: tree.file(),
        ..SourceFile::default()
    };
    for n in tree.root().children() {
        match n.kind() {
            USE_STMT => {
                if let Some(s) = b.string_in(n) {
                    out.uses.push(Use {
                        path: s,
                        span: n.span(),
                    });
                }
            }
            DEPARTMENT => out.departments.extend(b.department(n)),
            DICTIONARY => out.dictionaries.extend(b.dictionary(n)),
            MATTER => out.matters.extend(b.matter(n)),
            ERROR => b.bad(n, Context::Top),
            _ => b.unexpected(SyntaxElement::Node(n)),
        }
    }
    (out, b.diags)
}

struct Builder {
    file: FileId,
    diags: Vec<Diagnostic>,
    /// The size of a matter block from which its items are built on several threads.
    apart: usize,
}

/// The once-only statements (or attributes) of one block, with the span of the first of each.
#[derive(Default)]
struct Seen(Vec<(&'static str, Span)>);

/// The significant children of a node: nodes and tokens, without blanks, comments and line breaks.
fn significant(n: SyntaxNode<'_>) -> impl Iterator<Item = SyntaxElement<'_>> {
    n.children_with_tokens()
        .filter(|e| !e.kind().is_trivia() && e.kind() != NEWLINE)
}

fn element_span(e: SyntaxElement<'_>) -> Span {
    match e {
        SyntaxElement::Node(n) => n.span(),
        SyntaxElement::Token(t) => t.span(),
    }
}

impl Builder {
    /// A shape the grammar should never produce: an internal error, never a panic.
    #[cold]
    fn unexpected(&mut self, e: SyntaxElement<'_>) {
        self.diags.push(
            Diagnostic::error(
                Code::I0001,
                crate::diagnostics::t!("i0001-unexpected", kind = format!("{:?}", e.kind())),
                element_span(e),
                crate::diagnostics::t!("i0001-here"),
            )
            .with_note(crate::diagnostics::t!("i0001-syntax-note")),
        );
    }

    /// A part the grammar guarantees: when it is missing, the node is reported as unexpected.
    fn need<T>(&mut self, n: SyntaxNode<'_>, part: Option<T>) -> Option<T> {
        if part.is_none() {
            self.unexpected(SyntaxElement::Node(n));
        }
        part
    }

    /// Explains a bad statement of `context` (E0001).
    fn bad(&mut self, n: SyntaxNode<'_>, context: Context) {
        let diag = grammar::diagnose(self.file, n.text(), n.range().start, context);
        self.diags.push(diag);
    }

    /// Stores a statement that may be given once per block; a second one is E0012, labelled
    /// at both statements. A statement whose value could not be read (`None`) is skipped.
    fn once<T>(
        &mut self,
        seen: &mut Seen,
        what: &'static str,
        span: Span,
        slot: &mut Option<T>,
        value: Option<T>,
    ) {
        let Some(value) = value else { return };
        match seen.0.iter().find(|(w, _)| *w == what) {
            Some(&(_, first)) => self.diags.push(d::repeated(span, first, what)),
            None => {
                seen.0.push((what, span));
                *slot = Some(value);
            }
        }
    }

    /// `once` for a statement node, named by its keyword's canonical spelling.
    fn put<T>(
        &mut self,
        seen: &mut Seen,
        stmt: SyntaxNode<'_>,
        slot: &mut Option<T>,
        value: Option<T>,
    ) {
        let what = stmt
            .keyword()
            .and_then(|t| t.keyword())
            .map(|k| k.english[0]);
        if let Some(what) = self.need(stmt, what) {
            self.once(seen, what, stmt.span(), slot, value);
        }
    }

    fn ident(&self, t: SyntaxToken<'_>) -> Ident {
        Ident {
            name: t.text().to_string(),
            span: t.span(),
        }
    }

    fn number(&self, t: SyntaxToken<'_>) -> Number {
        Number {
            text: t.text().to_string(),
            span: t.span(),
        }
    }

    /// A string token with its escapes decoded; a bad escape is E0009.
    fn string(&mut self, t: SyntaxToken<'_>) -> Str {
        let span = t.span();
        let raw = t.text();
        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
        let mut value = String::with_capacity(inner.len());
        let mut chars = inner.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                value.push(c);
                continue;
            }
            let esc_start = span.start as usize + 1 + i;
            match chars.next() {
                Some((_, '"')) => value.push('"'),
                Some((_, '\\')) => value.push('\\'),
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, 'u')) => {
                    let rest: String = inner[i + 2..].chars().take_while(|c| *c != '}').collect();
                    let decoded = rest
                        .strip_prefix('{')
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                        .and_then(char::from_u32);
                    match decoded {
                        Some(ch) if inner[i + 2..].contains('}') => {
                            value.push(ch);
                            for _ in 0..rest.chars().count() + 1 {
                                chars.next();
                            }
                        }
                        _ => {
                            let len = 2 + rest.len();
                            self.diags.push(d::bad_escape(
                                Span::new(
                                    self.file,
                                    esc_start,
                                    (esc_start + len).min(span.end as usize),
                                ),
                                &format!("\\u{rest}"),
                            ));
                        }
                    }
                }
                Some((_, other)) => {
                    let end = esc_start + 1 + other.len_utf8();
                    self.diags.push(d::bad_escape(
                        Span::new(self.file, esc_start, end),
                        &format!("\\{other}"),
                    ));
                }
                None => {}
            }
        }
        Str { value, span }
    }

    /// The first string of a node.
    fn string_in(&mut self, n: SyntaxNode<'_>) -> Option<Str> {
        let t = self.need(n, n.token(STRING))?;
        Some(self.string(t))
    }

    /// The first name of a node.
    fn ident_in(&mut self, n: SyntaxNode<'_>) -> Option<Ident> {
        let t = self.need(n, n.token(IDENT))?;
        Some(self.ident(t))
    }

    /// The `basis "…"` written after a fact, if any.
    fn source(&mut self, n: SyntaxNode<'_>) -> Option<Str> {
        let src = n.child(SOURCE)?;
        self.string_in(src)
    }

    /// The duration of a statement.
    fn duration_in(&mut self, n: SyntaxNode<'_>) -> Option<Duration> {
        let d = self.need(n, n.child(DURATION))?;
        self.duration(d)
    }

    /// The whole number of a statement, with its span.
    fn count_in(&mut self, n: SyntaxNode<'_>, what: &str) -> Option<(u32, Span)> {
        let t = self.need(n, n.token(NUMBER))?;
        let n = self.number(t);
        self.whole(&n, what).map(|v| (v, n.span))
    }

    fn whole(&mut self, n: &Number, what: &str) -> Option<u32> {
        let v = n.as_u32();
        if v.is_none() {
            self.diags.push(d::bad_number(
                n.span,
                crate::diagnostics::t!("e0013-whole", what = what),
            ));
        }
        v
    }

    /// `name` or `name.name`.
    fn path(&mut self, n: SyntaxNode<'_>) -> Option<Path> {
        let mut names = n.tokens().filter(|t| t.kind() == IDENT);
        let first = names.next().map(|t| self.ident(t));
        let first = self.need(n, first)?;
        let second = names.next().map(|t| self.ident(t));
        Some(Path {
            first,
            second,
            span: n.span(),
        })
    }

    /// `5 workdays`, `immediate`, …
    fn duration(&mut self, n: SyntaxNode<'_>) -> Option<Duration> {
        let span = n.span();
        let mut it = n.tokens().filter(|t| !t.kind().is_trivia());
        let first = self.need(n, it.next())?;
        if first.kind() == IMMEDIATE_KW {
            return Some(Duration {
                kind: DurationKind::Immediate,
                span,
            });
        }
        let number = self.number(first);
        let v = self.whole(&number, "a time limit")?;
        let unit = self.need(n, it.next())?;
        let kind = match unit.kind() {
            WORKDAYS_KW => DurationKind::Workdays(v),
            DAYS_KW => DurationKind::Days(v),
            HOURS_KW => DurationKind::Hours(v),
            _ => {
                self.unexpected(SyntaxElement::Token(unit));
                return None;
            }
        };
        Some(Duration { kind, span })
    }

    fn department(&mut self, n: SyntaxNode<'_>) -> Option<Department> {
        let id = self.ident_in(n)?;
        let name = self.string_in(n)?;
        let mut dep = Department {
            id,
            name,
            phone: None,
            address: None,
            hours: None,
            website: None,
            span: n.span(),
        };
        let Some(block) = n.child(ATTR_BLOCK) else {
            return Some(dep);
        };
        let mut seen = Seen::default();
        for a in self.attrs(block, Context::Department) {
            let Some(key) = canonical(kw::DEPARTMENT_ATTRS, &a.name.name) else {
                self.diags.push(d::unknown_attr(
                    a.name.span,
                    &a.name.name,
                    crate::diagnostics::t!("context-department-attribute"),
                    &spellings(kw::DEPARTMENT_ATTRS),
                ));
                continue;
            };
            let value = self.one_string(&a, key);
            let slot = match key {
                "phone" => &mut dep.phone,
                "address" => &mut dep.address,
                "hours" => &mut dep.hours,
                _ => &mut dep.website,
            };
            self.once(&mut seen, key, a.span, slot, value);
        }
        Some(dep)
    }

    fn dictionary(&mut self, n: SyntaxNode<'_>) -> Option<Dictionary> {
        let id = self.ident_in(n)?;
        let name = self.string_in(n)?;
        let block = self.need(n, n.child(ENTRY_BLOCK))?;
        let mut fields = Vec::new();
        for e in self.entries(block) {
            match e {
                Entry::Def(f) => fields.push(f),
                Entry::Ref(r) => self.diags.push(d::malformed_entry(
                    r.span,
                    crate::diagnostics::t!("e0014-dictionary-ref"),
                    crate::diagnostics::t!("e0014-dictionary-ref-help"),
                )),
            }
        }
        Some(Dictionary {
            id,
            name,
            fields,
            span: n.span(),
        })
    }

    /// The items of a large matter block, built on several threads, each with its own
    /// diagnostics, in the block's order; empty for a block under `apart` bytes, whose items
    /// are built in turn. Merged in order, the AST and the diagnostics are the same either way.
    fn large_items(
        &self,
        block: SyntaxNode<'_>,
    ) -> std::vec::IntoIter<(Option<Item>, Vec<Diagnostic>)> {
        let range = block.range();
        if range.end - range.start < self.apart {
            return Vec::new().into_iter();
        }
        let nodes: Vec<SyntaxNode<'_>> = block.children().filter(|s| s.kind() == ITEM).collect();
        let (file, apart) = (self.file, self.apart);
        crate::par::map(&nodes, |&s| {
            let mut b = Builder {
                file,
                diags: Vec::new(),
                apart,
            };
            let item = b.item(s);
            (item, b.diags)
        })
        .into_iter()
    }

    fn matter(&mut self, n: SyntaxNode<'_>) -> Option<Matter> {
        let id = self.ident_in(n)?;
        let name = self.string_in(n)?;
        let block = self.need(n, n.child(MATTER_BLOCK))?;
        let mut m = Matter {
            id,
            name,
            code: None,
            lead: None,
            window: None,
            promise: None,
            visits: None,
            delivery: Vec::new(),
            basis: Vec::new(),
            consult: None,
            complaint: None,
            applicant: Vec::new(),
            warn: None,
            extension: None,
            worse: Vec::new(),
            sources: Sources::default(),
            notes: Vec::new(),
            situations: Vec::new(),
            rules: Vec::new(),
            shared: None,
            items: Vec::new(),
            flow: None,
            span: n.span(),
        };
        let mut seen = Seen::default();
        let mut delivery = None;
        let mut items = self.large_items(block);
        for s in block.children() {
            let span = s.span();
            match s.kind() {
                CODE_STMT => {
                    let v = self.string_in(s);
                    m.sources.code = self.source(s);
                    self.put(&mut seen, s, &mut m.code, v);
                }
                NOTE_STMT => m.notes.extend(self.string_in(s)),
                LEAD_STMT => {
                    let v = self.ident_in(s);
                    self.put(&mut seen, s, &mut m.lead, v);
                }
                WINDOW_STMT => {
                    let v = self.ident_in(s);
                    self.put(&mut seen, s, &mut m.window, v);
                }
                PROMISE_STMT => {
                    let v = self.matter_promise(s);
                    m.sources.promise = self.source(s);
                    self.put(&mut seen, s, &mut m.promise, v);
                }
                VISITS_STMT => {
                    let v = self.count_in(s, "visits");
                    self.put(&mut seen, s, &mut m.visits, v);
                }
                DELIVERY_STMT => {
                    let v = s.tokens().filter(|t| t.kind() == IDENT);
                    let v = v.map(|t| self.ident(t)).collect();
                    self.put(&mut seen, s, &mut delivery, Some(v));
                }
                BASIS_STMT => m.basis.extend(self.string_in(s)),
                CONSULT_STMT => {
                    let v = self.string_in(s);
                    self.put(&mut seen, s, &mut m.consult, v);
                }
                COMPLAINT_STMT => {
                    let v = self.string_in(s);
                    self.put(&mut seen, s, &mut m.complaint, v);
                }
                APPLICANT_STMT => {
                    for t in s.tokens().filter(|t| t.kind() == STRING) {
                        let v = self.string(t);
                        m.applicant.push(v);
                    }
                }
                WARN_STMT => {
                    let v = self.warn(s);
                    self.put(&mut seen, s, &mut m.warn, v);
                }
                EXTENSION_STMT => {
                    let duration = self.duration_in(s);
                    let reason = self.string_in(s);
                    let v = duration.zip(reason).map(|(duration, reason)| Extension {
                        duration,
                        reason,
                        span,
                    });
                    self.put(&mut seen, s, &mut m.extension, v);
                }
                WORSE_STMT => {
                    let figure = self.ident_in(s);
                    let reason = self.string_in(s);
                    if let (Some(figure), Some(reason)) = (figure, reason) {
                        m.worse.push(Worse {
                            figure,
                            reason,
                            span,
                        });
                    }
                }
                SITUATION => m.situations.extend(self.situation(s)),
                RULE_STMT => {
                    let text = self.string_in(s);
                    let block = self.need(s, s.child(RULE_BLOCK));
                    let cond = block
                        .and_then(|b| self.need(b, b.child(EXPR)))
                        .and_then(|e| self.expr(e));
                    if let (Some(text), Some(cond)) = (text, cond) {
                        m.rules.push(Rule {
                            text,
                            cond,
                            span: s.span(),
                        });
                    }
                }
                SHARED => {
                    let v = s.child(ENTRY_BLOCK).map(|b| Block {
                        entries: self.entries(b),
                        span: span.to(b.span()),
                    });
                    let v = self.need(s, v);
                    self.put(&mut seen, s, &mut m.shared, v);
                }
                ITEM => {
                    let item = match items.next() {
                        Some((item, diags)) => {
                            self.diags.extend(diags);
                            item
                        }
                        None => self.item(s),
                    };
                    m.items.extend(item);
                }
                FLOW => {
                    let v = self.flow(s);
                    self.put(&mut seen, s, &mut m.flow, v);
                }
                ERROR => self.bad(s, Context::Matter),
                _ => self.unexpected(SyntaxElement::Node(s)),
            }
        }
        m.delivery = delivery.unwrap_or_default();
        Some(m)
    }

    /// `warn 80%`: a whole percentage from 1 to 100, with the statement's span.
    fn warn(&mut self, s: SyntaxNode<'_>) -> Option<(u32, Span)> {
        let pct = self.need(s, s.child(PERCENT))?;
        let t = self.need(pct, pct.token(NUMBER))?;
        let n = self.number(t);
        match n.as_u32().filter(|v| (1..=100).contains(v)) {
            Some(v) => Some((v, s.span())),
            None => {
                self.diags
                    .push(d::bad_number(n.span, crate::diagnostics::t!("e0013-warn")));
                None
            }
        }
    }

    fn situation(&mut self, n: SyntaxNode<'_>) -> Option<Situation> {
        let id = self.ident_in(n)?;
        let question = self.string_in(n)?;
        let kind = match n.child(OPTION_BLOCK) {
            Some(block) if n.token(MULTI_CHOICE_KW).is_some() => {
                SituationKind::Multi(self.options(block))
            }
            Some(block) => SituationKind::Options(self.options(block)),
            None => {
                self.need(n, n.token(BOOL_KW))?;
                SituationKind::Bool
            }
        };
        Some(Situation {
            id,
            question,
            kind,
            span: n.span(),
        })
    }

    fn options(&mut self, block: SyntaxNode<'_>) -> Vec<OptionDecl> {
        let mut out = Vec::new();
        for o in block.children() {
            match o.kind() {
                OPTION => {
                    let (Some(id), Some(label)) = (self.ident_in(o), self.string_in(o)) else {
                        continue;
                    };
                    out.push(OptionDecl {
                        id,
                        label,
                        span: o.span(),
                    });
                }
                ERROR => self.bad(o, Context::Options),
                _ => self.unexpected(SyntaxElement::Node(o)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::build_apart;
    use crate::files::FileId;

    /// Ten items with a problem each (an unknown attribute, a statement given twice, a bad
    /// number, a bad escape), and statements of the matter between and after them.
    fn source() -> String {
        let mut s = String::from("department d \"部门\"\nmatter m \"一件事\" {\n  lead d\n");
        for i in 0..10 {
            s.push_str(&format!(
                "  item i{i} \"事项{i}\" {{\n    department d\n    promise 1 workday\n"
            ));
            match i % 4 {
                0 => s.push_str("    colour red\n"),
                1 => s.push_str("    promise 2 workdays\n"),
                2 => s.push_str("    form { f \"字段\" text { max_length 1.5 } }\n"),
                _ => s.push_str("    form { f \"字段\\q\" text }\n"),
            }
            s.push_str("  }\n");
            if i == 4 {
                s.push_str("  window d\n  window d\n");
            }
        }
        s.push_str("  promise 1 workday\n}\n");
        s
    }

    #[test]
    fn items_built_apart_give_the_same_ast_and_diagnostics_in_the_same_order() {
        let src = source();
        let parsed = crate::syntax::parse_file(FileId(0), &src);
        let (one_ast, one_diags) = build_apart(&parsed.tree, usize::MAX);
        let (apart_ast, apart_diags) = build_apart(&parsed.tree, 0);
        assert_eq!(format!("{one_ast:?}"), format!("{apart_ast:?}"));
        assert_eq!(format!("{one_diags:?}"), format!("{apart_diags:?}"));
        assert_eq!(one_ast.matters[0].items.len(), 10);
        assert!(one_diags.len() >= 11, "{one_diags:#?}");
    }
}
