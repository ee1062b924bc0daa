//! Source text to spanned AST: pest parses, one function per rule builds typed nodes.
//!
//! Parsing never fails: every problem becomes a diagnostic, and a bad statement
//! is skipped so the statements after it are still read.

use super::ast::*;
use super::diagnostics as d;
use super::keywords::{self as kw, canonical, spellings};
use super::lex;
use crate::diagnostics::{Code, Diagnostic};
use crate::files::{FileId, Span};
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser as _;
use std::sync::OnceLock;

mod errors;
mod expr;
mod item;

use errors::{pest_error, Context};

#[derive(pest_derive::Parser)]
#[grammar = "syntax/grammar.pest"]
struct YjsParser;

/// Parses one file. The AST holds everything that could be read.
pub fn parse(file: FileId, src: &str) -> (SourceFile, Vec<Diagnostic>) {
    let mut out = SourceFile {
        file,
        ..SourceFile::default()
    };
    if src.len() > lex::MAX_FILE_BYTES {
        return (
            out,
            vec![d::file_too_large(
                Span::new(file, 0, 0),
                src.len(),
                lex::MAX_FILE_BYTES,
            )],
        );
    }
    let pre = lex::precheck(file, src);
    if !pre.is_empty() {
        return (out, pre);
    }
    let mut b = Builder {
        file,
        diags: Vec::new(),
    };
    match YjsParser::parse(Rule::file, src) {
        Ok(mut pairs) => {
            if let Some(root) = pairs.next() {
                b.file_rule(root, &mut out);
            }
        }
        Err(e) => b.diags.push(pest_error(file, src, 0, &e, None)),
    }
    (out, b.diags)
}

struct Builder {
    file: FileId,
    diags: Vec<Diagnostic>,
}

fn pratt() -> &'static PrattParser<Rule> {
    static P: OnceLock<PrattParser<Rule>> = OnceLock::new();
    P.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::op_or, Assoc::Left))
            .op(Op::infix(Rule::op_and, Assoc::Left))
            .op(Op::prefix(Rule::op_not))
    })
}

impl Builder {
    fn span(&self, p: &Pair<Rule>) -> Span {
        let s = p.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    /// A shape the grammar should never produce: an internal error, never a panic.
    #[cold]
    fn unexpected(&mut self, p: &Pair<Rule>) {
        let span = self.span(p);
        self.diags.push(
            Diagnostic::error(
                Code::I0001,
                format!("internal error: unexpected {:?}", p.as_rule()),
                span,
                "here",
            )
            .with_note("this is a bug in yjs, not in your file; please report it with this file"),
        );
    }

    /// Re-parses a bad statement with the statement rule of its context.
    fn bad(&mut self, p: Pair<Rule>, alone: Rule, context: Context) {
        let text = p.as_str();
        let start = p.as_span().start();
        let diag = match YjsParser::parse(alone, text) {
            Err(e) => pest_error(self.file, text, start, &e, Some(context)),
            Ok(_) => d::syntax(
                self.span(&p),
                "a statement",
                "text that cannot be read here",
            ),
        };
        self.diags.push(diag);
    }

    fn file_rule(&mut self, root: Pair<Rule>, out: &mut SourceFile) {
        for p in root.into_inner() {
            match p.as_rule() {
                Rule::use_stmt => {
                    let span = self.span(&p);
                    if let Some(s) = p.into_inner().find(|x| x.as_rule() == Rule::string) {
                        let path = self.string(s);
                        out.uses.push(Use { path, span });
                    }
                }
                Rule::department => {
                    if let Some(dep) = self.department(p) {
                        out.departments.push(dep);
                    }
                }
                Rule::dictionary => {
                    if let Some(dict) = self.dictionary(p) {
                        out.dictionaries.push(dict);
                    }
                }
                Rule::matter => {
                    if let Some(m) = self.matter(p) {
                        out.matters.push(m);
                    }
                }
                Rule::bad_stmt => self.bad(p, Rule::top_alone, Context::Top),
                Rule::EOI => {}
                _ => self.unexpected(&p),
            }
        }
    }

    fn ident(&self, p: Pair<Rule>) -> Ident {
        Ident {
            name: p.as_str().to_string(),
            span: self.span(&p),
        }
    }

    fn string(&mut self, p: Pair<Rule>) -> Str {
        let span = self.span(&p);
        let raw = p.as_str();
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

    fn number(&self, p: Pair<Rule>) -> Number {
        Number {
            text: p.as_str().to_string(),
            span: self.span(&p),
        }
    }

    fn whole(&mut self, n: &Number, what: &str) -> Option<u32> {
        let v = n.as_u32();
        if v.is_none() {
            self.diags.push(d::bad_number(
                n.span,
                &format!("{what} must be a whole number of at most 4294967295"),
            ));
        }
        v
    }

    fn path(&self, p: Pair<Rule>) -> Path {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let first = it.next().map(|x| self.ident(x)).unwrap_or(Ident {
            name: String::new(),
            span,
        });
        let second = it.next().map(|x| self.ident(x));
        Path {
            first,
            second,
            span,
        }
    }

    fn set_once<T>(
        &mut self,
        slot: &mut Option<T>,
        value: T,
        span: Span,
        first: impl Fn(&T) -> Span,
        what: &str,
    ) {
        if let Some(old) = slot {
            self.diags.push(d::repeated(span, first(old), what));
        } else {
            *slot = Some(value);
        }
    }

    fn department(&mut self, p: Pair<Rule>) -> Option<Department> {
        let span = self.span(&p);
        let mut it = p
            .into_inner()
            .filter(|x| x.as_rule() != Rule::kw_department);
        let id = self.ident(it.next()?);
        let name = self.string(it.next()?);
        let mut dep = Department {
            id,
            name,
            phone: None,
            address: None,
            hours: None,
            website: None,
            span,
        };
        if let Some(block) = it.next() {
            for a in self.attrs(block, Context::Department) {
                let Some(key) = canonical(kw::DEPARTMENT_ATTRS, &a.name.name) else {
                    self.diags.push(d::unknown_attr(
                        a.name.span,
                        &a.name.name,
                        "department attribute",
                        &spellings(kw::DEPARTMENT_ATTRS),
                    ));
                    continue;
                };
                let Some(s) = self.one_string(&a, key) else {
                    continue;
                };
                let slot = match key {
                    "phone" => &mut dep.phone,
                    "address" => &mut dep.address,
                    "hours" => &mut dep.hours,
                    _ => &mut dep.website,
                };
                let span = a.span;
                self.set_once(slot, s, span, |s| s.span, key);
            }
        }
        Some(dep)
    }

    fn attrs(&mut self, block: Pair<Rule>, ctx: Context) -> Vec<RawAttr> {
        let mut out = Vec::new();
        for a in block.into_inner() {
            match a.as_rule() {
                Rule::attr => {
                    let span = self.span(&a);
                    let mut inner = a.into_inner().peekable();
                    let Some(first) = inner.next() else { continue };
                    if first.as_rule() == Rule::attr_when {
                        let wspan = self.span(&first);
                        let mut wi = first.into_inner();
                        let kwp = wi.next();
                        let name = Ident {
                            name: "when".into(),
                            span: kwp.map(|k| self.span(&k)).unwrap_or(wspan),
                        };
                        let expr = wi.next().and_then(|e| self.expr(e));
                        out.push(RawAttr {
                            name,
                            args: RawArgs::When(expr),
                            span,
                        });
                        continue;
                    }
                    let name = self.ident(first);
                    let mut args = RawArgs::None;
                    let mut values = Vec::new();
                    for x in inner {
                        match x.as_rule() {
                            Rule::kw_when => {}
                            Rule::expr => args = RawArgs::When(self.expr(x)),
                            Rule::value => {
                                if let Some(v) = self.value(x) {
                                    values.push(v);
                                }
                            }
                            _ => self.unexpected(&x),
                        }
                    }
                    if !values.is_empty() {
                        args = RawArgs::Values(values);
                    }
                    out.push(RawAttr { name, args, span });
                }
                Rule::bad_stmt => self.bad(a, Rule::attr_alone, ctx),
                _ => self.unexpected(&a),
            }
        }
        out
    }

    fn value(&mut self, p: Pair<Rule>) -> Option<Value> {
        let inner = p.into_inner().next()?;
        Some(match inner.as_rule() {
            Rule::string => Value::Literal(Literal::Str(self.string(inner))),
            Rule::number => Value::Literal(Literal::Number(self.number(inner))),
            Rule::percent => {
                let span = self.span(&inner);
                let n = inner.into_inner().next().map(|n| self.number(n))?;
                let _ = (n, span);
                Value::Percent
            }
            Rule::kw_true => Value::Literal(Literal::Bool(true, self.span(&inner))),
            Rule::kw_false => Value::Literal(Literal::Bool(false, self.span(&inner))),
            Rule::ident => Value::Literal(Literal::Ident(self.ident(inner))),
            _ => {
                self.unexpected(&inner);
                return None;
            }
        })
    }

    fn one_string(&mut self, a: &RawAttr, key: &str) -> Option<Str> {
        match &a.args {
            RawArgs::Values(v) if v.len() == 1 => {
                if let Value::Literal(Literal::Str(s)) = &v[0] {
                    return Some(s.clone());
                }
            }
            _ => {}
        }
        self.diags
            .push(d::bad_value(a.span, key, "one string in double quotes"));
        None
    }

    fn one_number(&mut self, a: &RawAttr, key: &str) -> Option<Number> {
        if let RawArgs::Values(v) = &a.args {
            if let [Value::Literal(Literal::Number(n))] = v.as_slice() {
                return Some(n.clone());
            }
        }
        self.diags.push(d::bad_value(a.span, key, "one number"));
        None
    }

    fn one_count(&mut self, a: &RawAttr, key: &str) -> Option<(u32, Span)> {
        let n = self.one_number(a, key)?;
        self.whole(&n, key).map(|v| (v, n.span))
    }

    fn flag(&mut self, a: &RawAttr, key: &str) -> Option<Span> {
        if matches!(a.args, RawArgs::None) {
            Some(a.span)
        } else {
            self.diags.push(d::bad_value(a.span, key, "no value"));
            None
        }
    }

    fn dictionary(&mut self, p: Pair<Rule>) -> Option<Dictionary> {
        let span = self.span(&p);
        let mut it = p
            .into_inner()
            .filter(|x| x.as_rule() != Rule::kw_dictionary);
        let id = self.ident(it.next()?);
        let name = self.string(it.next()?);
        let mut fields = Vec::new();
        for e in self.entries(it.next()?) {
            match e {
                Entry::Def(f) => fields.push(f),
                Entry::Ref(r) => self.diags.push(d::malformed_entry(
                    r.span,
                    "a dictionary entry must declare a field",
                    "write `ID \"label\" TYPE { constraints }`, e.g. `name \"姓名\" text { max_length 50 }`",
                )),
            }
        }
        Some(Dictionary {
            id,
            name,
            fields,
            span,
        })
    }

    fn matter(&mut self, p: Pair<Rule>) -> Option<Matter> {
        let span = self.span(&p);
        let mut it = p.into_inner().filter(|x| x.as_rule() != Rule::kw_matter);
        let id = self.ident(it.next()?);
        let name = self.string(it.next()?);
        let block = it.next()?;
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
            situations: Vec::new(),
            shared: None,
            items: Vec::new(),
            flow: None,
            span,
        };
        for s in block.into_inner() {
            let sspan = self.span(&s);
            match s.as_rule() {
                Rule::code_stmt => {
                    let v = self.last_string(s);
                    if let Some(v) = v {
                        self.set_once(&mut m.code, v, sspan, |x| x.span, "code");
                    }
                }
                Rule::lead_stmt => {
                    if let Some(v) = self.last_ident(s) {
                        self.set_once(&mut m.lead, v, sspan, |x| x.span, "lead");
                    }
                }
                Rule::window_stmt => {
                    if let Some(v) = self.last_ident(s) {
                        self.set_once(&mut m.window, v, sspan, |x| x.span, "window");
                    }
                }
                Rule::promise_stmt => {
                    if let Some(v) = self.last_duration(s) {
                        self.set_once(&mut m.promise, v, sspan, |x| x.span, "promise");
                    }
                }
                Rule::visits_stmt => {
                    if let Some(v) = self.last_count(s, "visits") {
                        self.set_once(&mut m.visits, v, sspan, |x| x.1, "visits");
                    }
                }
                Rule::delivery_stmt => {
                    if !m.delivery.is_empty() {
                        let first = m.delivery[0].span;
                        self.diags.push(d::repeated(sspan, first, "delivery"));
                        continue;
                    }
                    m.delivery = s
                        .into_inner()
                        .filter(|x| x.as_rule() == Rule::ident)
                        .map(|x| self.ident(x))
                        .collect();
                }
                Rule::basis_stmt => m.basis.extend(self.last_string(s)),
                Rule::consult_stmt => {
                    if let Some(v) = self.last_string(s) {
                        self.set_once(&mut m.consult, v, sspan, |x| x.span, "consult");
                    }
                }
                Rule::complaint_stmt => {
                    if let Some(v) = self.last_string(s) {
                        self.set_once(&mut m.complaint, v, sspan, |x| x.span, "complaint");
                    }
                }
                Rule::applicant_stmt => {
                    let v: Vec<Str> = s
                        .into_inner()
                        .filter(|x| x.as_rule() == Rule::string)
                        .map(|x| self.string(x))
                        .collect();
                    m.applicant.extend(v);
                }
                Rule::warn_stmt => {
                    let pct = s.into_inner().find(|x| x.as_rule() == Rule::percent);
                    if let Some(n) = pct.and_then(|x| x.into_inner().next()) {
                        let n = self.number(n);
                        match n.as_u32().filter(|v| (1..=100).contains(v)) {
                            Some(v) => {
                                self.set_once(&mut m.warn, (v, sspan), sspan, |x| x.1, "warn")
                            }
                            None => self.diags.push(d::bad_number(
                                n.span,
                                "the warning threshold is a whole percentage from 1% to 100%",
                            )),
                        }
                    }
                }
                Rule::extension_stmt => {
                    let mut inner = s.into_inner().filter(|x| x.as_rule() != Rule::kw_extension);
                    let dur = inner.next().and_then(|x| self.duration(x));
                    let reason = inner.next().map(|x| self.string(x));
                    if let (Some(duration), Some(reason)) = (dur, reason) {
                        let e = Extension {
                            duration,
                            reason,
                            span: sspan,
                        };
                        self.set_once(&mut m.extension, e, sspan, |x| x.span, "extension");
                    }
                }
                Rule::situation => m.situations.extend(self.situation(s)),
                Rule::shared => {
                    if let Some(b) = s.into_inner().find(|x| x.as_rule() == Rule::entry_block) {
                        let bspan = self.span(&b);
                        let entries = self.entries(b);
                        self.set_once(
                            &mut m.shared,
                            Block {
                                entries,
                                span: sspan.to(bspan),
                            },
                            sspan,
                            |x| x.span,
                            "shared",
                        );
                    }
                }
                Rule::item => m.items.extend(self.item(s)),
                Rule::flow => {
                    if let Some(f) = self.flow(s) {
                        self.set_once(&mut m.flow, f, sspan, |x| x.span, "flow");
                    }
                }
                Rule::bad_stmt => self.bad(s, Rule::matter_alone, Context::Matter),
                _ => self.unexpected(&s),
            }
        }
        Some(m)
    }

    fn last_string(&mut self, p: Pair<Rule>) -> Option<Str> {
        let s = p
            .into_inner()
            .filter(|x| x.as_rule() == Rule::string)
            .last()?;
        Some(self.string(s))
    }

    fn last_ident(&mut self, p: Pair<Rule>) -> Option<Ident> {
        p.into_inner()
            .filter(|x| x.as_rule() == Rule::ident)
            .last()
            .map(|x| self.ident(x))
    }

    fn last_duration(&mut self, p: Pair<Rule>) -> Option<Duration> {
        let x = p.into_inner().find(|x| x.as_rule() == Rule::duration)?;
        self.duration(x)
    }

    fn last_count(&mut self, p: Pair<Rule>, what: &str) -> Option<(u32, Span)> {
        let n = p.into_inner().find(|x| x.as_rule() == Rule::number)?;
        let n = self.number(n);
        self.whole(&n, what).map(|v| (v, n.span))
    }

    fn duration(&mut self, p: Pair<Rule>) -> Option<Duration> {
        let span = self.span(&p);
        let mut it = p.into_inner();
        let first = it.next()?;
        if first.as_rule() == Rule::kw_immediate {
            return Some(Duration {
                kind: DurationKind::Immediate,
                span,
            });
        }
        let n = self.number(first);
        let v = self.whole(&n, "a time limit")?;
        let unit = it.next()?;
        let kind = match unit.as_rule() {
            Rule::kw_workdays => DurationKind::Workdays(v),
            Rule::kw_days => DurationKind::Days(v),
            Rule::kw_hours => DurationKind::Hours(v),
            _ => {
                self.unexpected(&unit);
                return None;
            }
        };
        Some(Duration { kind, span })
    }

    fn situation(&mut self, p: Pair<Rule>) -> Option<Situation> {
        let span = self.span(&p);
        let mut it = p.into_inner().filter(|x| x.as_rule() != Rule::kw_situation);
        let id = self.ident(it.next()?);
        let question = self.string(it.next()?);
        let k = it.next()?;
        let kind = match k.as_rule() {
            Rule::kw_bool_type => SituationKind::Bool,
            Rule::option_block => SituationKind::Options(self.options(k)),
            _ => {
                self.unexpected(&k);
                return None;
            }
        };
        Some(Situation {
            id,
            question,
            kind,
            span,
        })
    }

    fn options(&mut self, block: Pair<Rule>) -> Vec<OptionDecl> {
        let mut out = Vec::new();
        for o in block.into_inner() {
            match o.as_rule() {
                Rule::option => {
                    let span = self.span(&o);
                    let mut it = o.into_inner().filter(|x| x.as_rule() != Rule::kw_option);
                    let (Some(i), Some(l)) = (it.next(), it.next()) else {
                        continue;
                    };
                    let id = self.ident(i);
                    let label = self.string(l);
                    out.push(OptionDecl { id, label, span });
                }
                Rule::bad_stmt => self.bad(o, Rule::option_alone, Context::Options),
                _ => self.unexpected(&o),
            }
        }
        out
    }

    fn entries(&mut self, block: Pair<Rule>) -> Vec<Entry> {
        let mut out = Vec::new();
        for e in block.into_inner() {
            match e.as_rule() {
                Rule::entry => out.extend(self.entry(e)),
                Rule::bad_stmt => self.bad(e, Rule::entry_alone, Context::Entries),
                _ => self.unexpected(&e),
            }
        }
        out
    }

    fn entry(&mut self, p: Pair<Rule>) -> Option<Entry> {
        let span = self.span(&p);
        let mut head = None;
        let mut alias = None;
        let mut label = None;
        let mut ty = None;
        let mut constraints = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::path => head = Some(self.path(x)),
                Rule::alias => alias = x.into_inner().next().map(|t| self.path(t)),
                Rule::string => label = Some(self.string(x)),
                Rule::field_type => ty = self.field_type(x),
                Rule::attr_block => constraints = self.constraints(x),
                _ => self.unexpected(&x),
            }
        }
        let head = head?;
        match ty {
            Some(ty) => {
                if head.second.is_some() || alias.is_some() {
                    self.diags.push(d::malformed_entry(
                        span,
                        "a field declaration cannot also refer to another field",
                        "either declare a new field (`ID \"label\" TYPE`) or refer to one (`local = shared`), not both",
                    ));
                    return None;
                }
                let Some(label) = label else {
                    self.diags.push(d::malformed_entry(
                        span,
                        &format!(
                            "the field `{}` is declared without a label",
                            head.first.name
                        ),
                        &format!(
                            "give it the label the applicant reads: `{} \"标签\" …`",
                            head.first.name
                        ),
                    ));
                    return None;
                };
                Some(Entry::Def(FieldDef {
                    id: head.first,
                    label,
                    ty,
                    constraints,
                    span,
                }))
            }
            None => {
                let (local, target) = match alias {
                    Some(t) => {
                        if head.second.is_some() {
                            self.diags.push(d::malformed_entry(
                                span,
                                "the name before `=` must be a plain name",
                                "write `local = target`, e.g. `guardian_id = mother_id`",
                            ));
                            return None;
                        }
                        (Some(head.first), t)
                    }
                    None => (None, head),
                };
                Some(Entry::Ref(FieldRef {
                    local,
                    target,
                    label,
                    constraints,
                    span,
                }))
            }
        }
    }

    fn field_type(&mut self, p: Pair<Rule>) -> Option<TypeExpr> {
        let span = self.span(&p);
        let inner = p.into_inner().next()?;
        let kind = match inner.as_rule() {
            Rule::simple_type => TypeExprKind::Named(self.ident(inner.into_inner().next()?)),
            Rule::choice_type => {
                let mut it = inner.into_inner();
                let k = it.next()?;
                let multi = k.as_rule() == Rule::kw_multi_choice;
                let options = self.options(it.next()?);
                TypeExprKind::Choice { multi, options }
            }
            Rule::list_type => {
                let block = inner
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::entry_block)?;
                let mut fields = Vec::new();
                for e in self.entries(block) {
                    match e {
                        Entry::Def(f) => fields.push(f),
                        Entry::Ref(r) => self.diags.push(d::malformed_entry(
                            r.span,
                            "a list declares its own fields",
                            "write each member as `ID \"label\" TYPE { … }`",
                        )),
                    }
                }
                TypeExprKind::List(fields)
            }
            _ => {
                self.unexpected(&inner);
                return None;
            }
        };
        Some(TypeExpr { kind, span })
    }

    fn constraints(&mut self, block: Pair<Rule>) -> Vec<Constraint> {
        let mut out = Vec::new();
        for a in self.attrs(block, Context::Constraints) {
            let Some(key) = canonical(kw::CONSTRAINTS, &a.name.name) else {
                self.diags.push(d::unknown_attr(
                    a.name.span,
                    &a.name.name,
                    "constraint",
                    &spellings(kw::CONSTRAINTS),
                ));
                continue;
            };
            let kind = match key {
                "required" => match a.args {
                    RawArgs::None => ConstraintKind::Required(None),
                    RawArgs::When(Some(e)) => ConstraintKind::Required(Some(e)),
                    RawArgs::When(None) => continue,
                    RawArgs::Values(_) => {
                        self.diags.push(d::bad_value(
                            a.span,
                            "required",
                            "nothing, or `when` and a condition",
                        ));
                        continue;
                    }
                },
                "min" | "max" | "min_length" | "max_length" | "min_items" | "max_items" => {
                    let Some(n) = self.one_number(&a, key) else {
                        continue;
                    };
                    if key != "min" && key != "max" && self.whole(&n, key).is_none() {
                        continue;
                    }
                    match key {
                        "min" => ConstraintKind::Min(n),
                        "max" => ConstraintKind::Max(n),
                        "min_length" => ConstraintKind::MinLength(n),
                        "max_length" => ConstraintKind::MaxLength(n),
                        "min_items" => ConstraintKind::MinItems(n),
                        _ => ConstraintKind::MaxItems(n),
                    }
                }
                "pattern" | "help" | "placeholder" => {
                    let Some(s) = self.one_string(&a, key) else {
                        continue;
                    };
                    match key {
                        "pattern" => ConstraintKind::Pattern(s),
                        "help" => ConstraintKind::Help(s),
                        _ => ConstraintKind::Placeholder(s),
                    }
                }
                _ => match &a.args {
                    RawArgs::Values(v) if v.len() == 1 => match &v[0] {
                        Value::Literal(l) => ConstraintKind::Default(l.clone()),
                        Value::Percent => {
                            self.diags
                                .push(d::bad_value(a.span, "default", "one value"));
                            continue;
                        }
                    },
                    _ => {
                        self.diags
                            .push(d::bad_value(a.span, "default", "one value"));
                        continue;
                    }
                },
            };
            out.push(Constraint { kind, span: a.span });
        }
        out
    }
}

/// An attribute before it is given its meaning by its context.
struct RawAttr {
    name: Ident,
    args: RawArgs,
    span: Span,
}

enum RawArgs {
    None,
    When(Option<Expr>),
    Values(Vec<Value>),
}

enum Value {
    Literal(Literal),
    Percent,
}
