//! Builders for items and what they hold: fees, materials, outputs, review points, and the flow.

use super::fields::RawArgs;
use super::*;

impl Builder {
    pub(super) fn item(&mut self, n: SyntaxNode<'_>) -> Option<Item> {
        let id = self.ident_in(n)?;
        let name = self.string_in(n)?;
        let block = self.need(n, n.child(ITEM_BLOCK))?;
        let mut item = Item {
            id,
            name,
            department: None,
            code: None,
            kind: None,
            basis: Vec::new(),
            conditions: Vec::new(),
            legal: None,
            unregulated: None,
            promise: None,
            sources: Sources::default(),
            notes: Vec::new(),
            fee: None,
            fee_by: None,
            costs: Vec::new(),
            visits: None,
            when: None,
            optional: None,
            form: None,
            materials: Vec::new(),
            outputs: Vec::new(),
            review: Vec::new(),
            faqs: Vec::new(),
            span: n.span(),
        };
        let mut seen = Seen::default();
        for s in block.children() {
            match s.kind() {
                DEPARTMENT_STMT => {
                    let v = self.ident_in(s);
                    self.put(&mut seen, s, &mut item.department, v);
                }
                CODE_STMT => {
                    let v = self.string_in(s);
                    item.sources.code = self.source(s);
                    self.put(&mut seen, s, &mut item.code, v);
                }
                KIND_STMT => {
                    let v = self.ident_in(s);
                    self.put(&mut seen, s, &mut item.kind, v);
                }
                BASIS_STMT => item.basis.extend(self.string_in(s)),
                CONDITION_STMT => item.conditions.extend(self.string_in(s)),
                LEGAL_STMT => {
                    item.sources.legal = self.source(s);
                    if let Some(t) = s.token(UNREGULATED_KW) {
                        self.put(&mut seen, s, &mut item.unregulated, Some(t.span()));
                    } else {
                        let v = self.limit(s);
                        self.put(&mut seen, s, &mut item.legal, v);
                    }
                }
                PROMISE_STMT => {
                    let v = self.limit(s);
                    item.sources.promise = self.source(s);
                    self.put(&mut seen, s, &mut item.promise, v);
                }
                NOTE_STMT => item.notes.extend(self.string_in(s)),
                FEE_STMT => match s.child(FEE_TABLE) {
                    Some(t) => {
                        let v = self.fee_table(t);
                        self.put(&mut seen, s, &mut item.fee_by, v);
                    }
                    None => {
                        let v = self.fee(s);
                        self.put(&mut seen, s, &mut item.fee, v);
                    }
                },
                COST_STMT => {
                    let basis = self.source(s);
                    if let Some(text) = self.string_in(s) {
                        item.costs.push(Cost {
                            text,
                            basis,
                            span: s.span(),
                        });
                    }
                }
                VISITS_STMT => {
                    let v = self.count_in(s, "visits");
                    self.put(&mut seen, s, &mut item.visits, v);
                }
                WHEN_STMT => {
                    let v = self.need(s, s.child(EXPR)).and_then(|e| self.expr(e));
                    self.put(&mut seen, s, &mut item.when, v);
                }
                OPTIONAL_STMT => {
                    let v = self.string_in(s);
                    self.put(&mut seen, s, &mut item.optional, v);
                }
                FORM => {
                    let v = s.child(ENTRY_BLOCK).map(|b| Block {
                        entries: self.entries(b),
                        span: s.span(),
                    });
                    let v = self.need(s, v);
                    self.put(&mut seen, s, &mut item.form, v);
                }
                MATERIAL => item.materials.extend(self.material(s)),
                OUTPUT => item.outputs.extend(self.output(s)),
                REVIEW => self.review(s, &mut item.review),
                FAQ => {
                    let mut strings = s.tokens().filter(|t| t.kind() == STRING);
                    if let (Some(q), Some(a)) = (strings.next(), strings.next()) {
                        let question = self.string(q);
                        let answer = self.string(a);
                        item.faqs.push(Faq {
                            question,
                            answer,
                            span: s.span(),
                        });
                    } else {
                        self.unexpected(SyntaxElement::Node(s));
                    }
                }
                ERROR if starts_optional(s) => {
                    self.diags.push(d::optional_without_question(s.span()));
                }
                ERROR => self.bad(s, Context::Item),
                _ => self.unexpected(SyntaxElement::Node(s)),
            }
        }
        Some(item)
    }

    /// `review { "point" … }`.
    fn review(&mut self, s: SyntaxNode<'_>, out: &mut Vec<Str>) {
        let Some(block) = self.need(s, s.child(REVIEW_BLOCK)) else {
            return;
        };
        for p in significant(block) {
            match (p.kind(), p) {
                (L_BRACE | R_BRACE | SEMICOLON, _) => {}
                (STRING, SyntaxElement::Token(t)) => {
                    let v = self.string(t);
                    out.push(v);
                }
                (ERROR, SyntaxElement::Node(e)) => self.bad(e, Context::Review),
                _ => self.unexpected(p),
            }
        }
    }

    /// `fee none` or `fee AMOUNT yuan`, with `basis "…"` (or the older `fee AMOUNT yuan "…"`).
    fn fee(&mut self, s: SyntaxNode<'_>) -> Option<Fee> {
        let span = s.span();
        let old = s.token(STRING).map(|t| self.string(t));
        let source = self.source(s);
        if let (Some(old), Some(_)) = (&old, &source) {
            self.diags.push(d::malformed_entry(
                old.span,
                crate::diagnostics::t!("e0014-fee-basis-twice"),
                crate::diagnostics::t!("e0014-fee-basis-twice-help"),
            ));
        }
        let basis = source.or(old);
        if s.token(NONE_KW).is_some() {
            return Some(Fee {
                yuan: None,
                basis,
                span,
            });
        }
        let yuan = self.need(s, s.token(NUMBER))?;
        let yuan = self.number(yuan);
        let cents_ok = yuan
            .text
            .split_once('.')
            .is_none_or(|(_, frac)| frac.len() <= 2);
        if yuan.text.starts_with('-') || !cents_ok {
            self.diags.push(d::bad_number(
                yuan.span,
                crate::diagnostics::t!("e0013-fee"),
            ));
            return None;
        }
        Some(Fee {
            yuan: Some(yuan),
            basis,
            span,
        })
    }

    /// `{ 10 yuan basis "…" when a; otherwise none basis "…" }`: the arms with a condition,
    /// then one `otherwise` arm (E0116 for any other shape).
    fn fee_table(&mut self, t: SyntaxNode<'_>) -> Option<FeeTable> {
        let mut arms = Vec::new();
        let mut otherwise: Option<Fee> = None;
        let mut ok = true;
        for a in t.children().filter(|a| a.kind() == FEE_ARM) {
            let is_otherwise = a.token(OTHERWISE_KW).is_some();
            let when = a.child(EXPR);
            let fee = self.fee(a);
            let problem = match (is_otherwise, when, otherwise.is_some()) {
                (_, _, true) => Some("e0116-after-otherwise"),
                (true, Some(_), _) => Some("e0116-otherwise-when"),
                (false, None, _) => Some("e0116-no-when"),
                _ => None,
            };
            if let Some(key) = problem {
                self.diags.push(d::fee_table(a.span(), key));
                ok = false;
                continue;
            }
            let Some(fee) = fee else {
                ok = false;
                continue;
            };
            match when {
                None => otherwise = Some(fee),
                Some(e) => match self.expr(e) {
                    Some(e) => arms.push((fee, e)),
                    None => ok = false,
                },
            }
        }
        if otherwise.is_none() && ok {
            self.diags
                .push(d::fee_table(t.span(), "e0116-missing-otherwise"));
        }
        Some(FeeTable {
            arms,
            otherwise: otherwise.filter(|_| ok),
            span: t.span(),
        })
    }

    fn material(&mut self, n: SyntaxNode<'_>) -> Option<Material> {
        let span = n.span();
        let path = self.need(n, n.child(PATH))?;
        let path = self.path(path)?;
        let name = n.token(STRING).map(|t| self.string(t));
        let attrs = match n.child(ATTR_BLOCK) {
            Some(b) => self.attrs(b, Context::Material),
            None => Vec::new(),
        };
        if let Some(output) = path.second.clone() {
            if let Some(n) = name {
                self.diags.push(d::malformed_entry(
                    n.span,
                    crate::diagnostics::t!("e0014-reuse-named"),
                    crate::diagnostics::t!("e0014-reuse-named-help"),
                ));
            }
            let mut when = None;
            for a in attrs {
                match (canonical(kw::MATERIAL_ATTRS, &a.name.name), a.args) {
                    (Some("when"), RawArgs::When(Some(e))) => when = Some(e),
                    (Some("when"), RawArgs::When(None)) => {}
                    (Some("template"), _) => self.diags.push(d::template_not_submitted(
                        a.span,
                        &format!("{}.{}", path.first.name, output.name),
                        crate::diagnostics::t!("e0115-reused"),
                    )),
                    _ => self.diags.push(d::unknown_attr(
                        a.name.span,
                        &a.name.name,
                        crate::diagnostics::t!("context-reuse-attribute"),
                        &["when"],
                    )),
                }
            }
            return Some(Material::Reuse(MaterialReuse {
                item: path.first,
                output,
                when,
                span,
            }));
        }
        let Some(name) = name else {
            self.diags.push(d::malformed_entry(
                span,
                crate::diagnostics::t!("e0014-material-no-name", name = path.first.name.as_str()),
                crate::diagnostics::t!(
                    "e0014-material-no-name-help",
                    name = path.first.name.as_str()
                ),
            ));
            return None;
        };
        let mut m = MaterialAttrs::default();
        let mut seen = Seen::default();
        for a in attrs {
            let Some(key) = canonical(kw::MATERIAL_ATTRS, &a.name.name) else {
                self.diags.push(d::unknown_attr(
                    a.name.span,
                    &a.name.name,
                    crate::diagnostics::t!("context-material-attribute"),
                    &spellings(kw::MATERIAL_ATTRS),
                ));
                continue;
            };
            let span = a.span;
            match key {
                "original" | "copy" => {
                    let v = self.one_count(&a, key);
                    let slot = if key == "original" {
                        &mut m.original
                    } else {
                        &mut m.copy
                    };
                    self.once(&mut seen, key, span, slot, v);
                }
                "electronic" | "optional" | "deferred" | "pledge" => {
                    let v = self.flag(&a, key);
                    if v.is_none() && key == "optional" {
                        // `optional "question"` belongs to an item: say so beside E0011.
                        if let Some(last) = self.diags.pop() {
                            self.diags.push(
                                last.with_note(crate::diagnostics::t!("e0011-optional-note")),
                            );
                        }
                    }
                    let slot = match key {
                        "electronic" => &mut m.electronic,
                        "optional" => &mut m.optional,
                        "deferred" => &mut m.deferred,
                        _ => &mut m.pledge,
                    };
                    self.once(&mut seen, key, span, slot, v);
                }
                "shared" | "basis" | "accept" | "template" => {
                    let v = self.one_string(&a, key);
                    let slot = match key {
                        "shared" => &mut m.shared,
                        "basis" => &mut m.basis,
                        "template" => &mut m.template,
                        _ => &mut m.accept,
                    };
                    self.once(&mut seen, key, span, slot, v);
                }
                _ => match a.args {
                    RawArgs::When(e @ Some(_)) => self.once(&mut seen, key, span, &mut m.when, e),
                    RawArgs::When(None) => {}
                    _ => self.diags.push(d::bad_value(
                        span,
                        "when",
                        crate::diagnostics::t!("expect-condition"),
                    )),
                },
            }
        }
        Some(Material::Own(Box::new(MaterialDecl {
            id: path.first,
            name,
            attrs: m,
            span,
        })))
    }

    fn output(&mut self, n: SyntaxNode<'_>) -> Option<Output> {
        let id = self.ident_in(n)?;
        let name = self.string_in(n)?;
        let mut out = Output {
            id,
            name,
            electronic: None,
            paper: None,
            span: n.span(),
        };
        let Some(block) = n.child(ATTR_BLOCK) else {
            return Some(out);
        };
        let mut seen = Seen::default();
        for a in self.attrs(block, Context::Output) {
            match canonical(kw::OUTPUT_ATTRS, &a.name.name) {
                Some("electronic") => {
                    let v = self.flag(&a, "electronic");
                    self.once(&mut seen, "electronic", a.span, &mut out.electronic, v);
                }
                Some(_) => {
                    let v = self.one_count(&a, "paper");
                    self.once(&mut seen, "paper", a.span, &mut out.paper, v);
                }
                None => self.diags.push(d::unknown_attr(
                    a.name.span,
                    &a.name.name,
                    crate::diagnostics::t!("context-output-attribute"),
                    &spellings(kw::OUTPUT_ATTRS),
                )),
            }
        }
        Some(out)
    }

    pub(super) fn flow(&mut self, n: SyntaxNode<'_>) -> Option<Flow> {
        let block = self.need(n, n.child(FLOW_BLOCK))?;
        let mut f = Flow {
            accept: None,
            deliver: None,
            waits: Vec::new(),
            chains: Vec::new(),
            span: n.span(),
        };
        let mut seen = Seen::default();
        for s in block.children() {
            match s.kind() {
                ACCEPT_STMT => {
                    let duration = self.duration_in(s);
                    let department = self.ident_in(s);
                    let v = duration
                        .zip(department)
                        .map(|(duration, department)| Accept {
                            duration,
                            department,
                            span: s.span(),
                        });
                    self.put(&mut seen, s, &mut f.accept, v);
                }
                DELIVER_STMT => {
                    let v = self.duration_in(s);
                    self.put(&mut seen, s, &mut f.deliver, v);
                }
                WAIT_STMT => {
                    let id = self.ident_in(s);
                    let name = self.string_in(s);
                    let duration = self.duration_in(s);
                    // A condition that does not build was reported; the wait is left out.
                    let when = match s.child(EXPR) {
                        Some(e) => self.expr(e).map(Some),
                        None => Some(None),
                    };
                    if let (Some(id), Some(name), Some(duration), Some(when)) =
                        (id, name, duration, when)
                    {
                        f.waits.push(Wait {
                            id,
                            name,
                            duration,
                            roll_forward: s.token(ROLL_FORWARD_KW).map(|t| t.span()),
                            basis: self.source(s),
                            when,
                            span: s.span(),
                        });
                    }
                }
                CHAIN => {
                    let steps = s.tokens().filter(|t| t.kind() == IDENT);
                    f.chains.push(steps.map(|t| self.ident(t)).collect());
                }
                ERROR => self.bad(s, Context::Flow),
                _ => self.unexpected(SyntaxElement::Node(s)),
            }
        }
        Some(f)
    }
}

/// Whether a bad item statement starts with `optional`: its question is missing or not a string.
fn starts_optional(s: SyntaxNode<'_>) -> bool {
    s.tokens()
        .find(|t| !t.kind().is_trivia())
        .is_some_and(|t| kw::lookup(t.text()) == Some(OPTIONAL_KW))
}
