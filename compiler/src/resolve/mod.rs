//! The resolve stage: loads `use`d files and turns names into indexes, reporting every unknown or duplicate name.

mod convert;
mod diagnostics;
mod limits;
mod load;
pub mod model;
mod templates;
mod waits;

pub use load::{
    discover, discover_all, load, normalize, read_regular, DiscoverError, Discovered, Disk, Loaded,
    Memory, ReadError, Source,
};
pub use model::*;
pub use templates::{read_templates, MAX_TEMPLATE_BYTES, TEMPLATE_KINDS};

use crate::diagnostics::Diagnostic;
use crate::files::{FileId, Span};
use crate::syntax::ast::{self, Expr, Ident};
use crate::syntax::keywords::{self as kw, canonical, spellings};
use convert::{name, text, texts};
use diagnostics as d;
use la_arena::{Arena, Idx};
use std::collections::BTreeMap;

/// Resolves every matter of the loaded files.
pub fn resolve(loaded: &Loaded) -> (Program, Vec<Diagnostic>) {
    let mut r = Resolver {
        loaded,
        diags: Vec::new(),
        dept_names: BTreeMap::new(),
        dict_names: BTreeMap::new(),
        used_situations: Default::default(),
        current: None,
        broken_shared: Default::default(),
    };
    let mut program = Program::default();
    for ast in &loaded.asts {
        for dep in &ast.departments {
            if let Some(&(first, _)) = r.dept_names.get(&dep.id.name) {
                let first_span = program.departments[first].span;
                r.diags.push(d::duplicate(
                    "department",
                    &dep.id.name,
                    dep.id.span,
                    first_span,
                ));
                continue;
            }
            let id = program.departments.alloc(Department {
                id: dep.id.name.clone(),
                name: dep.name.value.clone(),
                phone: dep.phone.as_ref().map(|s| s.value.clone()),
                address: dep.address.as_ref().map(|s| s.value.clone()),
                hours: dep.hours.as_ref().map(|s| s.value.clone()),
                website: dep.website.as_ref().map(|s| s.value.clone()),
                span: dep.id.span,
            });
            r.dept_names.insert(dep.id.name.clone(), (id, ast.file));
        }
    }
    for ast in &loaded.asts {
        for dict in &ast.dictionaries {
            if let Some(&(first, _)) = r.dict_names.get(&dict.id.name) {
                let first_span = program.dictionaries[first].span;
                r.diags.push(d::duplicate(
                    "dictionary",
                    &dict.id.name,
                    dict.id.span,
                    first_span,
                ));
                continue;
            }
            let mut seen = Seen::default();
            let mut fields = Vec::new();
            for f in &dict.fields {
                if r.check_unique(&mut seen, "dictionary field", &f.id) {
                    fields.extend(r.field_in(f, &Arena::new(), Some(true)));
                }
            }
            let id = program.dictionaries.alloc(Dictionary {
                id: dict.id.name.clone(),
                name: dict.name.value.clone(),
                fields,
                span: dict.id.span,
            });
            r.dict_names.insert(dict.id.name.clone(), (id, ast.file));
        }
    }
    let mut matter_names: BTreeMap<String, Span> = BTreeMap::new();
    for ast in &loaded.asts {
        for m in &ast.matters {
            if let Some(first) = matter_names.get(&m.id.name) {
                r.diags
                    .push(d::duplicate("matter", &m.id.name, m.id.span, *first));
                continue;
            }
            matter_names.insert(m.id.name.clone(), m.id.span);
            let resolved = r.matter(m, ast.file, &program);
            program.matters.push(resolved);
        }
    }
    (program, r.diags)
}

/// The ids of the steps every plan has besides its items.
const RESERVED_STEPS: [&str; 2] = ["accept", "deliver"];

struct Resolver<'a> {
    loaded: &'a Loaded,
    diags: Vec<Diagnostic>,
    dept_names: BTreeMap<String, (DeptId, FileId)>,
    dict_names: BTreeMap<String, (Idx<Dictionary>, FileId)>,
    /// The situations of the matter being resolved that some condition names.
    used_situations: std::collections::BTreeSet<Idx<Situation>>,
    /// The matter being resolved, searched for a field of that name when a condition names
    /// one (only then: indexing every field of every matter up front cost 5 % of `check`).
    current: Option<&'a ast::Matter>,
    /// The shared fields of the matter being resolved whose declaration has an error already
    /// reported (an unknown type): a form that binds one is not told it is undeclared.
    broken_shared: std::collections::BTreeSet<String>,
}

/// A matter's shared fields by name, made once for all its items' forms, so that a form of
/// thousands of entries binds in O(n), not O(n²); the first of two equal names wins, as the
/// duplicate is reported elsewhere.
type SharedByName<'n> = rustc_hash::FxHashMap<&'n str, Idx<Field>>;

fn shared_by_name(shared: &Arena<Field>) -> SharedByName<'_> {
    let mut by_name = SharedByName::default();
    by_name.reserve(shared.len());
    for (i, f) in shared.iter() {
        by_name.entry(f.id.name.as_str()).or_insert(i);
    }
    by_name
}

/// Names already defined in one scope, with where: borrowed from the AST and hashed, since a
/// form of thousands of fields looks each up once (a `BTreeMap` of cloned names was a tenth of
/// resolve on a 20,000-field form).
#[derive(Default)]
struct Seen<'n>(rustc_hash::FxHashMap<&'n str, Span>);

impl<'a> Resolver<'a> {
    fn check_unique<'n>(&mut self, seen: &mut Seen<'n>, kind: &str, id: &'n Ident) -> bool {
        match seen.0.entry(id.name.as_str()) {
            std::collections::hash_map::Entry::Occupied(first) => {
                self.diags
                    .push(d::duplicate(kind, &id.name, id.span, *first.get()));
                false
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(id.span);
                true
            }
        }
    }

    fn visible(&self, from: FileId, decl: FileId) -> bool {
        self.loaded
            .visible
            .get(from.0 as usize)
            .is_some_and(|v| v.contains(&decl))
    }

    fn department(
        &mut self,
        id: &Ident,
        from: FileId,
        m: Option<&ast::Matter>,
    ) -> Option<(DeptId, Span)> {
        match self.dept_names.get(&id.name) {
            Some(&(dep, file)) if self.visible(from, file) => Some((dep, id.span)),
            Some(&(_, file)) => {
                let path = self.loaded.files.name(file).to_string();
                self.diags.push(
                    d::unknown("department", &id.name, id.span, std::iter::empty()).with_help(
                        crate::diagnostics::t!("e0104-not-visible-help", path = path),
                    ),
                );
                None
            }
            None => {
                if let Some(m) = m {
                    if let Some(it) = m.items.iter().find(|i| i.id.name == id.name) {
                        self.diags.push(d::wrong_kind(
                            "a department",
                            "an item",
                            &id.name,
                            id.span,
                            it.id.span,
                        ));
                        return None;
                    }
                }
                let names: Vec<String> = self
                    .dept_names
                    .iter()
                    .filter(|(_, (_, f))| self.visible(from, *f))
                    .map(|(n, _)| n.clone())
                    .collect();
                self.diags.push(d::unknown(
                    "department",
                    &id.name,
                    id.span,
                    names.iter().map(String::as_str),
                ));
                None
            }
        }
    }

    fn field(&mut self, f: &ast::FieldDef, situations: &Arena<Situation>) -> Option<Field> {
        self.field_in(f, situations, None)
    }

    /// A field declaration; `fixed` says why it cannot have its own `when` (`Some(true)` in a
    /// dictionary, `Some(false)` in a list's entries): one is then reported, not resolved.
    fn field_in(
        &mut self,
        f: &ast::FieldDef,
        situations: &Arena<Situation>,
        fixed: Option<bool>,
    ) -> Option<Field> {
        let ty = self.field_type(&f.ty, situations)?;
        let constraints = self.constraints(&f.constraints, situations);
        let when = match (fixed, &f.when) {
            (Some(dictionary), Some(w)) => {
                self.diags
                    .push(d::when_not_here(w.span, &f.id.name, dictionary));
                None
            }
            _ => self.field_when(f.when.as_ref(), situations),
        };
        Some(Field {
            id: name(&f.id),
            label: text(&f.label),
            ty,
            constraints,
            when,
            origin: None,
            span: f.span,
        })
    }

    fn field_type(
        &mut self,
        t: &ast::TypeExpr,
        situations: &Arena<Situation>,
    ) -> Option<FieldType> {
        match &t.kind {
            ast::TypeExprKind::Named(n) => {
                let ty = canonical(kw::FIELD_TYPES, &n.name)
                    .and_then(Scalar::from_name)
                    .map(FieldType::Scalar);
                if ty.is_none() {
                    let mut names = spellings(kw::FIELD_TYPES);
                    names.extend(["choice", "multi_choice", "list"]);
                    self.diags.push(d::unknown_type(&n.name, n.span, &names));
                }
                ty
            }
            ast::TypeExprKind::Choice { multi, options } => {
                let mut seen = Seen::default();
                let mut out = Vec::new();
                for o in options {
                    if self.check_unique(&mut seen, "option", &o.id) {
                        out.push(ChoiceOption {
                            id: o.id.name.clone(),
                            label: o.label.value.clone(),
                        });
                    }
                }
                Some(FieldType::Choice {
                    multi: *multi,
                    options: out,
                })
            }
            ast::TypeExprKind::List(fields) => {
                let mut seen = Seen::default();
                let mut out = Vec::new();
                for f in fields {
                    if self.check_unique(&mut seen, "list field", &f.id) {
                        out.extend(self.field_in(f, situations, Some(false)));
                    }
                }
                Some(FieldType::List(out))
            }
        }
    }

    /// A field's own `when`, resolved; `None` when absent or wrong (already reported).
    fn field_when(
        &mut self,
        w: Option<&ast::FieldWhen>,
        situations: &Arena<Situation>,
    ) -> Option<FieldWhen> {
        let w = w?;
        Some(FieldWhen {
            cond: self.cond(&w.cond, situations)?,
            span: w.span,
        })
    }

    fn constraints(
        &mut self,
        cs: &[ast::Constraint],
        situations: &Arena<Situation>,
    ) -> Vec<Constraint> {
        // Sized exactly: collecting a `filter_map` starts at four entries, and a field has one
        // or two constraints (4.5 MB of a 20,000-field matter was that slack).
        let mut out = Vec::with_capacity(cs.len());
        for c in cs {
            if let Some(kind) = convert::constraint(&c.kind, |e| self.cond(e, situations)) {
                out.push(Constraint {
                    kind,
                    span: c.span,
                    message: c.message.as_ref().map(convert::text),
                });
            }
        }
        out
    }

    /// Resolves a condition; `None` when it has an error (already reported).
    fn cond(&mut self, e: &Expr, situations: &Arena<Situation>) -> Option<Cond> {
        match e {
            // Every operand is resolved, so each of its errors is reported.
            Expr::And(args) => {
                let args: Vec<Option<Cond>> =
                    args.iter().map(|a| self.cond(a, situations)).collect();
                Some(Cond::all(args.into_iter().collect::<Option<Vec<_>>>()?))
            }
            Expr::Or(args) => {
                let args: Vec<Option<Cond>> =
                    args.iter().map(|a| self.cond(a, situations)).collect();
                Some(Cond::any(args.into_iter().collect::<Option<Vec<_>>>()?))
            }
            Expr::Not(a, _) => Some(Cond::Not(Box::new(self.cond(a, situations)?))),
            Expr::Bare(id) => {
                let (si, s) = self.situation(id, situations)?;
                if s.multi {
                    self.diags.push(d::cond_multi_whole(
                        &id.name,
                        id.span,
                        s.id.span,
                        &[first(s)],
                    ));
                    return None;
                }
                if !s.is_bool {
                    let first = s
                        .options
                        .values()
                        .next()
                        .map_or("…", |o| o.id.as_str())
                        .to_string();
                    self.diags
                        .push(d::cond_bare_options(&id.name, id.span, s.id.span, &first));
                    return None;
                }
                Some(Cond::Is {
                    situation: si,
                    values: vec![id_at(1)],
                    span: id.span,
                })
            }
            Expr::Compare {
                situation,
                value,
                negated,
                span,
            } => {
                let (si, s) = self.situation(situation, situations)?;
                if s.multi {
                    let written = written_options(std::slice::from_ref(value), s);
                    self.diags.push(d::cond_multi_whole(
                        &situation.name,
                        *span,
                        s.id.span,
                        &written,
                    ));
                    return None;
                }
                let v = self.option(s, value)?;
                let is = Cond::Is {
                    situation: si,
                    values: vec![v],
                    span: *span,
                };
                Some(if *negated {
                    Cond::Not(Box::new(is))
                } else {
                    is
                })
            }
            Expr::Has {
                option,
                situation,
                span,
            } => self.has(option, situation, *span, situations),
            Expr::In {
                situation,
                values,
                span,
            } => {
                let (si, s) = self.situation(situation, situations)?;
                if s.multi {
                    let written = written_options(values, s);
                    self.diags.push(d::cond_multi_whole(
                        &situation.name,
                        *span,
                        s.id.span,
                        &written,
                    ));
                    return None;
                }
                let mut vs = Vec::new();
                for v in values {
                    vs.push(self.option(s, v)?);
                }
                vs.sort_unstable();
                vs.dedup();
                Some(Cond::Is {
                    situation: si,
                    values: vs,
                    span: *span,
                })
            }
        }
    }

    /// `OPTION in SITUATION`: only a multi-select situation holds several answers.
    fn has(
        &mut self,
        option: &Ident,
        situation: &Ident,
        span: Span,
        situations: &Arena<Situation>,
    ) -> Option<Cond> {
        let (si, s) = self.situation(situation, situations)?;
        if !s.multi {
            let rewrite = if s.is_bool {
                crate::diagnostics::t!("e0107-rewrite-bool", name = &s.id.name)
            } else {
                crate::diagnostics::t!(
                    "e0107-rewrite-option",
                    name = &s.id.name,
                    option = &option.name
                )
            };
            self.diags.push(d::cond_has_single(
                &option.name,
                &s.id.name,
                span,
                s.id.span,
                rewrite,
            ));
            return None;
        }
        let o = self.option(s, &ast::Literal::Ident(option.clone()))?;
        Some(Cond::Has {
            situation: si,
            option: o,
            span,
        })
    }

    fn situation<'s>(
        &mut self,
        id: &Ident,
        situations: &'s Arena<Situation>,
    ) -> Option<(Idx<Situation>, &'s Situation)> {
        let found = situations.iter().find(|(_, s)| s.id.name == id.name);
        if let Some((i, _)) = found {
            self.used_situations.insert(i);
        }
        if found.is_none() {
            if let Some((def, choice)) = self.current.and_then(|m| field_named(m, &id.name)) {
                self.diags
                    .push(d::field_in_condition(&id.name, id.span, def, choice));
                return None;
            }
            self.diags.push(d::unknown(
                "situation",
                &id.name,
                id.span,
                situations.iter().map(|(_, s)| s.id.name.as_str()),
            ));
        }
        found
    }

    fn option(&mut self, s: &Situation, v: &ast::Literal) -> Option<Idx<SitOption>> {
        match v {
            ast::Literal::Bool(b, span) => {
                if s.is_bool {
                    Some(id_at(usize::from(*b)))
                } else {
                    self.diags
                        .push(d::cond_bool_literal(&s.id.name, *span, s.id.span));
                    None
                }
            }
            ast::Literal::Ident(i) => {
                if s.is_bool {
                    self.diags
                        .push(d::cond_bool_option(&s.id.name, i.span, s.id.span));
                    return None;
                }
                let found = s
                    .options
                    .iter()
                    .find(|(_, o)| o.id == i.name)
                    .map(|(o, _)| o);
                if found.is_none() {
                    let mut diag = d::unknown(
                        "option",
                        &i.name,
                        i.span,
                        s.options.iter().map(|(_, o)| o.id.as_str()),
                    )
                    .with_label(s.id.span, crate::diagnostics::t!("e0104-situation-def"));
                    diag.message = crate::diagnostics::t!(
                        "e0104-not-option",
                        name = i.name.as_str(),
                        situation = s.id.name.as_str()
                    );
                    self.diags.push(diag);
                }
                found
            }
            ast::Literal::Str(x) => {
                self.diags
                    .push(d::cond_bool_literal(&s.id.name, x.span, s.id.span));
                None
            }
            ast::Literal::Number(x) => {
                self.diags
                    .push(d::cond_bool_literal(&s.id.name, x.span, s.id.span));
                None
            }
        }
    }

    fn matter(&mut self, m: &'a ast::Matter, file: FileId, program: &Program) -> Matter {
        self.used_situations.clear();
        self.current = Some(m);
        self.broken_shared.clear();
        let lead = m
            .lead
            .as_ref()
            .and_then(|l| self.department(l, file, Some(m)));
        let window = m
            .window
            .as_ref()
            .and_then(|w| self.department(w, file, Some(m)));
        for (what, present, example) in [
            ("lead", m.lead.is_some(), "lead wsjk"),
            ("window", m.window.is_some(), "window zwfw"),
            ("promise", m.promise.is_some(), "promise 5 workdays"),
        ] {
            if !present {
                self.diags.push(d::missing(
                    what,
                    crate::diagnostics::t!("owner-matter", name = m.id.name.as_str()),
                    m.id.span,
                    example,
                ));
            }
        }
        let mut delivery = Vec::new();
        for ch in &m.delivery {
            match canonical(kw::DELIVERY, &ch.name) {
                Some(c) => delivery.push((c.to_string(), ch.span)),
                None => self.diags.push(d::unknown(
                    "delivery channel",
                    &ch.name,
                    ch.span,
                    spellings(kw::DELIVERY),
                )),
            }
        }
        let mut situations = self.situations(&m.situations);
        let opt_ins = self.opt_ins(m, &mut situations);
        let mut worse: Vec<Worse> = Vec::new();
        for w in &m.worse {
            match canonical(kw::REFORM_FIGURES, &w.figure.name).and_then(Figure::from_word) {
                Some(figure) if worse.iter().any(|x| x.figure == figure) => {
                    let first = worse.iter().find(|x| x.figure == figure).map(|x| x.span);
                    let first = first.unwrap_or(w.span);
                    self.diags
                        .push(d::duplicate("reform figure", figure.word(), w.span, first));
                }
                Some(figure) => worse.push(Worse {
                    figure,
                    reason: text(&w.reason),
                    span: w.span,
                }),
                None => self.diags.push(d::unknown(
                    "reform figure",
                    &w.figure.name,
                    w.figure.span,
                    spellings(kw::REFORM_FIGURES),
                )),
            }
        }
        let rules: Vec<Rule> = m
            .rules
            .iter()
            .filter_map(|r| {
                Some(Rule {
                    text: text(&r.text),
                    cond: self.cond(&r.cond, &situations)?,
                    span: r.span,
                })
            })
            .collect();
        let shared = self.shared(m, file, &situations, program);
        let items = self.items(m, file, &situations, &shared, &opt_ins);
        let flow = self.flow(m, file, &items, &situations);
        // Every condition of the matter has been resolved: a situation none of them named
        // decides nothing. (Named in a condition with an error counts as used: no cascade.)
        for (i, s) in situations.iter() {
            if !self.used_situations.contains(&i) {
                self.diags.push(d::dead_situation(&s.id.name, s.id.span));
            }
        }
        Matter {
            id: name(&m.id),
            name: text(&m.name),
            file,
            code: m.code.as_ref().map(text),
            lead,
            window,
            promise: m.promise.map(convert::duration),
            visits: m.visits,
            delivery,
            basis: texts(&m.basis),
            consult: m.consult.as_ref().map(text),
            complaint: m.complaint.as_ref().map(text),
            applicant: texts(&m.applicant),
            warn_percent: m.warn,
            extension: m.extension.as_ref().map(convert::extension),
            worse,
            sources: convert::sources(&m.sources),
            notes: texts(&m.notes),
            situations,
            rules,
            shared,
            items,
            flow,
            span: m.span,
        }
    }

    fn situations(&mut self, list: &[ast::Situation]) -> Arena<Situation> {
        let mut seen = Seen::default();
        let mut out = Arena::new();
        for s in list {
            if !self.check_unique(&mut seen, "situation", &s.id) {
                continue;
            }
            let (is_bool, multi, options) = match &s.kind {
                ast::SituationKind::Bool => (
                    true,
                    false,
                    Arena::from_iter([
                        SitOption {
                            id: "false".into(),
                            label: "否".into(),
                            span: s.id.span,
                        },
                        SitOption {
                            id: "true".into(),
                            label: "是".into(),
                            span: s.id.span,
                        },
                    ]),
                ),
                ast::SituationKind::Options(opts) | ast::SituationKind::Multi(opts) => {
                    let multi = matches!(s.kind, ast::SituationKind::Multi(_));
                    let mut seen_o = Seen::default();
                    let mut v = Arena::new();
                    for o in opts {
                        if self.check_unique(&mut seen_o, "option", &o.id) {
                            v.alloc(SitOption {
                                id: o.id.name.clone(),
                                label: o.label.value.clone(),
                                span: o.span,
                            });
                        }
                    }
                    (false, multi, v)
                }
            };
            out.alloc(Situation {
                id: name(&s.id),
                question: text(&s.question),
                is_bool,
                multi,
                options,
                span: s.span,
            });
        }
        out
    }

    /// The question of each optional item, as a yes/no situation `ITEM_chosen` after the
    /// declared ones: the form, the scenarios, the notices and the runtime then treat the
    /// applicant's choice as any other answer. A declared situation of that name is E0110.
    fn opt_ins(
        &mut self,
        m: &ast::Matter,
        situations: &mut Arena<Situation>,
    ) -> BTreeMap<String, Idx<Situation>> {
        let mut out = BTreeMap::new();
        for it in &m.items {
            let Some(q) = &it.optional else { continue };
            if out.contains_key(&it.id.name) {
                continue;
            }
            let id = opt_in_name(&it.id.name);
            if let Some((_, s)) = situations.iter().find(|(_, s)| s.id.name == id) {
                self.diags
                    .push(d::opt_in_clash(&it.id.name, &id, q.span, s.id.span));
                continue;
            }
            let option = |id: &str, label: &str| SitOption {
                id: id.into(),
                label: label.into(),
                span: q.span,
            };
            let i = situations.alloc(Situation {
                id: Name {
                    name: id,
                    span: q.span,
                },
                question: text(q),
                is_bool: true,
                multi: false,
                options: Arena::from_iter([option("false", "否"), option("true", "是")]),
                span: q.span,
            });
            self.used_situations.insert(i);
            out.insert(it.id.name.clone(), i);
        }
        out
    }

    fn shared(
        &mut self,
        m: &ast::Matter,
        file: FileId,
        situations: &Arena<Situation>,
        program: &Program,
    ) -> Arena<Field> {
        let mut seen = Seen::default();
        let mut out = Arena::new();
        let Some(block) = &m.shared else { return out };
        for e in &block.entries {
            match e {
                ast::Entry::Def(f) => {
                    if self.check_unique(&mut seen, "shared field", &f.id) {
                        match self.field(f, situations) {
                            Some(field) => {
                                out.alloc(field);
                            }
                            None => {
                                self.broken_shared.insert(f.id.name.clone());
                            }
                        }
                    }
                }
                ast::Entry::Ref(r) => {
                    let Some(field_name) = &r.target.second else {
                        self.diags.push(
                            Diagnostic::error(
                                crate::diagnostics::Code::E0014,
                                crate::diagnostics::t!(
                                    "e0014-no-type",
                                    name = r.target.first.name.as_str()
                                ),
                                r.span,
                                crate::diagnostics::t!("e0014-no-type-label"),
                            )
                            .with_help(crate::diagnostics::t!(
                                "e0014-no-type-help",
                                name = r.target.first.name.as_str()
                            )),
                        );
                        continue;
                    };
                    let dict_id = &r.target.first;
                    let dict = match self.dict_names.get(&dict_id.name) {
                        Some(&(i, f)) if self.visible(file, f) => &program.dictionaries[i],
                        _ => {
                            let names: Vec<&str> = program
                                .dictionaries
                                .values()
                                .map(|x| x.id.as_str())
                                .collect();
                            self.diags.push(d::unknown(
                                "dictionary",
                                &dict_id.name,
                                dict_id.span,
                                names,
                            ));
                            continue;
                        }
                    };
                    let Some(df) = dict.fields.iter().find(|f| f.id.name == field_name.name) else {
                        let names: Vec<&str> =
                            dict.fields.iter().map(|f| f.id.name.as_str()).collect();
                        self.diags.push(d::unknown(
                            crate::diagnostics::t!("kind-field-of", dict = dict.id.as_str()),
                            &field_name.name,
                            field_name.span,
                            names,
                        ));
                        continue;
                    };
                    let local = r.local_name();
                    if !self.check_unique(&mut seen, "shared field", local) {
                        continue;
                    }
                    let constraints = self.constraints(&r.constraints, situations);
                    let when = self.field_when(r.when.as_ref(), situations);
                    out.alloc(Field {
                        id: name(local),
                        label: r.label.as_ref().map_or_else(|| df.label.clone(), text),
                        ty: df.ty.clone(),
                        constraints,
                        when,
                        origin: Some(DictOrigin {
                            dictionary: dict.id.clone(),
                            field: df.id.name.clone(),
                            span: df.span,
                            constraints: df.constraints.clone(),
                        }),
                        span: r.span,
                    });
                }
            }
        }
        out
    }

    fn items(
        &mut self,
        m: &ast::Matter,
        file: FileId,
        situations: &Arena<Situation>,
        shared: &Arena<Field>,
        opt_ins: &BTreeMap<String, Idx<Situation>>,
    ) -> Arena<Item> {
        let mut seen = Seen::default();
        let unique: Vec<&ast::Item> = m
            .items
            .iter()
            .filter(|i| self.check_unique(&mut seen, "item", &i.id))
            .collect();
        for it in &unique {
            if RESERVED_STEPS.contains(&it.id.name.as_str()) {
                self.diags.push(d::reserved_step(&it.id.name, it.id.span));
            }
        }
        let by_name = shared_by_name(shared);
        let mut out = Arena::new();
        for it in &unique {
            let department = it
                .department
                .as_ref()
                .and_then(|dp| self.department(dp, file, Some(m)));
            if it.department.is_none() {
                self.diags.push(d::missing(
                    "department",
                    crate::diagnostics::t!("owner-item", name = it.id.name.as_str()),
                    it.id.span,
                    "department wsjk",
                ));
            }
            if it.promise.is_none() {
                self.diags.push(d::missing(
                    "promise",
                    crate::diagnostics::t!("owner-item", name = it.id.name.as_str()),
                    it.id.span,
                    "promise 5 workdays",
                ));
            }
            // A fee by situation: its arms, `otherwise` last (an arm whose condition has an
            // error is dropped with the whole table, so no fee is guessed).
            let fee_by: Vec<FeeCase> = it
                .fee_by
                .as_ref()
                .and_then(|t| {
                    let mut out = Vec::new();
                    for (fee, e) in &t.arms {
                        let when = self.cond(e, situations);
                        out.push(when.map(|w| FeeCase {
                            fee: convert::fee(fee),
                            when: Some(w),
                            span: fee.span,
                        }));
                    }
                    let otherwise = t.otherwise.as_ref()?;
                    let mut out: Vec<FeeCase> = out.into_iter().collect::<Option<_>>()?;
                    out.push(FeeCase {
                        fee: convert::fee(otherwise),
                        when: None,
                        span: otherwise.span,
                    });
                    Some(out)
                })
                .unwrap_or_default();
            let kind = it
                .kind
                .as_ref()
                .and_then(|k| match canonical(kw::ITEM_KINDS, &k.name) {
                    Some(c) => Some((c.to_string(), k.span)),
                    None => {
                        self.diags.push(d::unknown(
                            "item kind",
                            &k.name,
                            k.span,
                            spellings(kw::ITEM_KINDS),
                        ));
                        None
                    }
                });
            let when = it.when.as_ref().and_then(|e| self.cond(e, situations));
            let own_or_shared = |name: &str| limit_field(it, shared, name);
            let name_ = it.id.name.as_str();
            let legal = self.limit(
                it.legal.as_ref(),
                "legal",
                name_,
                situations,
                &own_or_shared,
            );
            let promise = self.limit(
                it.promise.as_ref(),
                "promise",
                name_,
                situations,
                &own_or_shared,
            );
            let fields = self.form(it, situations, shared, &by_name);
            // An optional item applies where its `when` holds and the applicant chose it.
            let optional = opt_ins.get(&it.id.name).copied();
            let when = match (optional, it.optional.as_ref()) {
                (Some(s), Some(q)) => Some(Cond::all(when.into_iter().chain([Cond::Is {
                    situation: s,
                    values: vec![model::id_at(1)],
                    span: q.span,
                }]))),
                _ => when,
            };
            let mut seen_m = Seen::default();
            let mut seen_o = Seen::default();
            for o in &it.outputs {
                self.check_unique(&mut seen_o, "output", &o.id);
            }
            let mut materials = Vec::new();
            for mat in &it.materials {
                match mat {
                    ast::Material::Own(decl) => {
                        if self.check_unique(&mut seen_m, "material", &decl.id) {
                            let when = decl
                                .attrs
                                .when
                                .as_ref()
                                .and_then(|e| self.cond(e, situations));
                            let template = decl.attrs.template.as_ref().and_then(|t| {
                                if decl.attrs.shared.is_some() {
                                    self.diags.push(d::template_shared(t.span, &decl.id.name));
                                    return None;
                                }
                                templates::template(&text(t), file)
                                    .map_err(|e| self.diags.push(*e))
                                    .ok()
                            });
                            materials.push(Material::Own(Box::new(OwnMaterial {
                                id: name(&decl.id),
                                name: text(&decl.name),
                                attrs: convert::material_attrs(&decl.attrs),
                                when,
                                template,
                                span: decl.span,
                            })));
                        }
                    }
                    ast::Material::Reuse(r) => {
                        let when = r.when.as_ref().and_then(|e| self.cond(e, situations));
                        if let Some((item, output)) =
                            self.output_ref(&unique, &r.item, &r.output, m)
                        {
                            materials.push(Material::Reuse {
                                item,
                                output,
                                when,
                                span: r.span,
                            });
                        }
                    }
                }
            }
            out.alloc(Item {
                id: name(&it.id),
                name: text(&it.name),
                department,
                code: it.code.as_ref().map(text),
                kind,
                basis: texts(&it.basis),
                conditions: texts(&it.conditions),
                legal: legal.duration,
                unregulated: it.unregulated,
                promise: promise.duration,
                legal_by: legal.cases,
                promise_by: promise.cases,
                sources: convert::sources(&it.sources),
                notes: texts(&it.notes),
                fee: it.fee.as_ref().map(convert::fee),
                fee_by,
                costs: it.costs.iter().map(convert::cost).collect(),
                visits: it.visits,
                when,
                optional,
                fields,
                materials,
                outputs: it.outputs.iter().map(convert::output).collect(),
                review: texts(&it.review),
                faqs: it.faqs.iter().map(convert::faq).collect(),
                span: it.span,
            });
        }
        out
    }

    fn output_ref(
        &mut self,
        items: &[&ast::Item],
        item: &Ident,
        output: &Ident,
        m: &ast::Matter,
    ) -> Option<(Idx<Item>, Idx<Output>)> {
        let Some(ii) = items.iter().position(|i| i.id.name == item.name) else {
            if let Some(s) = m.situations.iter().find(|s| s.id.name == item.name) {
                self.diags.push(d::wrong_kind(
                    "an item",
                    "a situation",
                    &item.name,
                    item.span,
                    s.id.span,
                ));
                return None;
            }
            self.diags.push(d::unknown(
                "item",
                &item.name,
                item.span,
                items.iter().map(|i| i.id.name.as_str()),
            ));
            return None;
        };
        let outs = &items[ii].outputs;
        let Some(oi) = outs.iter().position(|o| o.id.name == output.name) else {
            let names: Vec<&str> = outs.iter().map(|o| o.id.name.as_str()).collect();
            let mut diag = d::unknown(
                crate::diagnostics::t!("kind-output-of", item = item.name.as_str()),
                &output.name,
                output.span,
                names.clone(),
            );
            if names.is_empty() {
                diag = diag.with_help(crate::diagnostics::t!(
                    "e0104-output-help",
                    item = item.name.as_str(),
                    output = output.name.as_str()
                ));
            }
            self.diags.push(diag);
            return None;
        };
        Some((id_at(ii), id_at(oi)))
    }

    fn form(
        &mut self,
        it: &ast::Item,
        situations: &Arena<Situation>,
        shared: &Arena<Field>,
        by_name: &SharedByName<'_>,
    ) -> Vec<ItemField> {
        let Some(block) = &it.form else {
            return Vec::new();
        };
        // Sized up front: a form entry is hundreds of bytes, and growing the vector of a form
        // of thousands of entries copied them again and again.
        let mut out = Vec::with_capacity(block.entries.len());
        let mut seen = Seen::default();
        for e in &block.entries {
            match e {
                ast::Entry::Def(f) => {
                    if self.check_unique(&mut seen, "form field", &f.id) {
                        out.extend(self.field(f, situations).map(ItemField::Local));
                    }
                }
                ast::Entry::Ref(r) => {
                    if let Some(second) = &r.target.second {
                        self.diags.push(
                            Diagnostic::error(
                                crate::diagnostics::Code::E0014,
                                crate::diagnostics::t!("e0014-dict-in-form"),
                                r.target.span,
                                crate::diagnostics::t!("e0014-dict-in-form-label"),
                            )
                            .with_help(crate::diagnostics::t!(
                                "e0014-dict-in-form-help",
                                field = second.name.as_str(),
                                dict = r.target.first.name.as_str()
                            )),
                        );
                        continue;
                    }
                    let target = &r.target.first;
                    let Some(&si) = by_name.get(target.name.as_str()) else {
                        if let Some((sit, s)) =
                            situations.iter().find(|(_, s)| s.id.name == target.name)
                        {
                            // The department receives the situation's answer.
                            if let Some(c) = r.constraints.first() {
                                self.diags.push(d::situation_constrained(
                                    &target.name,
                                    c.span,
                                    s.id.span,
                                ));
                                continue;
                            }
                            if let Some(w) = &r.when {
                                self.diags.push(d::situation_constrained(
                                    &target.name,
                                    w.span,
                                    s.id.span,
                                ));
                                continue;
                            }
                            // A department receives its answer: it is not a question that
                            // changes nothing (W0101).
                            self.used_situations.insert(sit);
                            let local = r.local_name();
                            if self.check_unique(&mut seen, "form field", local) {
                                out.push(ItemField::Situation(Asked {
                                    local: name(local),
                                    situation: sit,
                                    label: r.label.as_ref().map(text),
                                    span: r.span,
                                }));
                            }
                            continue;
                        }
                        if self.broken_shared.contains(&target.name) {
                            continue;
                        }
                        let mut diag = d::unknown(
                            "shared field",
                            &target.name,
                            target.span,
                            shared.iter().map(|(_, f)| f.id.name.as_str()),
                        );
                        if r.local.is_none() && r.label.is_some() {
                            diag = diag.with_note(crate::diagnostics::t!("e0104-local-field-note"));
                        }
                        self.diags.push(diag);
                        continue;
                    };
                    let local = r.local_name();
                    if !self.check_unique(&mut seen, "form field", local) {
                        continue;
                    }
                    let constraints = self.constraints(&r.constraints, situations);
                    let when = self.field_when(r.when.as_ref(), situations);
                    out.push(ItemField::Shared(Binding {
                        local: name(local),
                        shared: si,
                        label: r.label.as_ref().map(text),
                        constraints,
                        when,
                        span: r.span,
                    }));
                }
            }
        }
        out
    }

    fn flow(
        &mut self,
        m: &ast::Matter,
        file: FileId,
        items: &Arena<Item>,
        situations: &Arena<Situation>,
    ) -> Flow {
        let Some(f) = &m.flow else {
            return Flow::default();
        };
        let waits = self.waits(f, items, situations);
        let steps: Vec<&str> = items
            .values()
            .map(|i| i.id.name.as_str())
            .chain(waits.values().map(|w| w.id.name.as_str()))
            .collect();
        let accept = f.accept.as_ref().and_then(|a| {
            let dep = self.department(&a.department, file, Some(m))?;
            Some((convert::duration(a.duration), dep.0, a.span))
        });
        let mut edges = Vec::new();
        for chain in &f.chains {
            let idx: Vec<Option<FlowNode>> = chain
                .iter()
                .map(|id| {
                    let found = items
                        .iter()
                        .find(|(_, i)| i.id.name == id.name)
                        .map(|(i, _)| FlowNode::Item(i))
                        .or_else(|| {
                            waits
                                .iter()
                                .find(|(_, w)| w.id.name == id.name)
                                .map(|(w, _)| FlowNode::Wait(w))
                        });
                    if found.is_none() {
                        if self.dept_names.contains_key(&id.name) {
                            self.diags.push(
                                d::unknown("step", &id.name, id.span, steps.iter().copied())
                                    .with_note(crate::diagnostics::t!(
                                        "e0104-department-in-flow-note",
                                        name = id.name.as_str()
                                    )),
                            );
                        } else {
                            self.diags.push(d::unknown(
                                "step",
                                &id.name,
                                id.span,
                                steps.iter().copied(),
                            ));
                        }
                    }
                    found
                })
                .collect();
            for (w, pair) in idx.windows(2).zip(chain.windows(2)) {
                if let [Some(a), Some(b)] = w {
                    edges.push(Edge {
                        from: *a,
                        to: *b,
                        span: pair[0].span.to(pair[1].span),
                    });
                }
            }
        }
        Flow {
            accept,
            deliver: f.deliver.map(convert::duration),
            waits,
            edges,
            span: Some(f.span),
        }
    }
}

/// The first field of the matter (shared, then every form's own) named `name`: where it is
/// declared and whether it is a single choice, for a condition that names a field.
fn field_named(m: &ast::Matter, name: &str) -> Option<(Span, bool)> {
    let forms = m.items.iter().filter_map(|it| it.form.as_ref());
    for block in m.shared.iter().chain(forms) {
        for e in &block.entries {
            let (id, choice) = match e {
                ast::Entry::Def(f) => (
                    &f.id,
                    matches!(f.ty.kind, ast::TypeExprKind::Choice { multi: false, .. }),
                ),
                ast::Entry::Ref(r) if r.target.second.is_some() || r.local.is_some() => {
                    (r.local_name(), false)
                }
                ast::Entry::Ref(_) => continue,
            };
            if id.name == name {
                return Some((id.span, choice));
            }
        }
    }
    None
}

/// The first option's id of a situation, for examples in help texts.
/// The yes/no situation that asks whether the applicant chooses the optional item `item`.
pub fn opt_in_name(item: &str) -> String {
    format!("{item}_chosen")
}

fn first(s: &Situation) -> &str {
    s.options.values().next().map_or("…", |o| o.id.as_str())
}

/// The option names written in a condition that are options of `s`, else its first option.
fn written_options<'a>(values: &'a [ast::Literal], s: &'a Situation) -> Vec<&'a str> {
    let written: Vec<&str> = values
        .iter()
        .filter_map(|v| match v {
            ast::Literal::Ident(i) if s.options.values().any(|o| o.id == i.name) => {
                Some(i.name.as_str())
            }
            _ => None,
        })
        .collect();
    if written.is_empty() {
        vec![first(s)]
    } else {
        written
    }
}

/// Where `name` is declared if it is a name a limit's condition must not name: a shared field
/// (first) or one of the item's own fields. Searched only when a condition names something
/// that is not a situation: listing every field of every item up front was 7 % of resolving a
/// large form.
fn limit_field(it: &ast::Item, shared: &Arena<Field>, name: &str) -> Option<Span> {
    if let Some(f) = shared.values().find(|f| f.id.name == name) {
        return Some(f.id.span);
    }
    it.form
        .iter()
        .flat_map(|f| &f.entries)
        .find_map(|e| match e {
            ast::Entry::Def(d) if d.id.name == name => Some(d.id.span),
            ast::Entry::Ref(r) => r.local.as_ref().filter(|l| l.name == name).map(|l| l.span),
            ast::Entry::Def(_) => None,
        })
}
