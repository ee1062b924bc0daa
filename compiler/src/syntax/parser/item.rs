//! Builders for items and what they hold: fees, materials, outputs, and the flow.

use super::*;

impl Builder {
    pub(super) fn item(&mut self, p: Pair<Rule>) -> Option<Item> {
        let span = self.span(&p);
        let mut it = p.into_inner().filter(|x| x.as_rule() != Rule::kw_item);
        let id = self.ident(it.next()?);
        let name = self.string(it.next()?);
        let block = it.next()?;
        let mut item = Item {
            id,
            name,
            department: None,
            code: None,
            kind: None,
            basis: Vec::new(),
            conditions: Vec::new(),
            legal: None,
            promise: None,
            fee: None,
            visits: None,
            when: None,
            form: None,
            materials: Vec::new(),
            outputs: Vec::new(),
            review: Vec::new(),
            faqs: Vec::new(),
            span,
        };
        for s in block.into_inner() {
            let sspan = self.span(&s);
            match s.as_rule() {
                Rule::department_stmt => {
                    if let Some(v) = self.last_ident(s) {
                        self.set_once(&mut item.department, v, sspan, |x| x.span, "department");
                    }
                }
                Rule::code_stmt => {
                    if let Some(v) = self.last_string(s) {
                        self.set_once(&mut item.code, v, sspan, |x| x.span, "code");
                    }
                }
                Rule::kind_stmt => {
                    if let Some(v) = self.last_ident(s) {
                        self.set_once(&mut item.kind, v, sspan, |x| x.span, "kind");
                    }
                }
                Rule::basis_stmt => item.basis.extend(self.last_string(s)),
                Rule::condition_stmt => item.conditions.extend(self.last_string(s)),
                Rule::legal_stmt => {
                    if let Some(v) = self.last_duration(s) {
                        self.set_once(&mut item.legal, v, sspan, |x| x.span, "legal");
                    }
                }
                Rule::promise_stmt => {
                    if let Some(v) = self.last_duration(s) {
                        self.set_once(&mut item.promise, v, sspan, |x| x.span, "promise");
                    }
                }
                Rule::fee_stmt => {
                    if let Some(f) = self.fee(s) {
                        self.set_once(&mut item.fee, f, sspan, |_| sspan, "fee");
                    }
                }
                Rule::visits_stmt => {
                    if let Some(v) = self.last_count(s, "visits") {
                        self.set_once(&mut item.visits, v, sspan, |x| x.1, "visits");
                    }
                }
                Rule::when_stmt => {
                    if let Some(e) = s
                        .into_inner()
                        .find(|x| x.as_rule() == Rule::expr)
                        .and_then(|e| self.expr(e))
                    {
                        self.set_once(&mut item.when, e, sspan, |x| x.span(), "when");
                    }
                }
                Rule::form => {
                    if let Some(b) = s.into_inner().find(|x| x.as_rule() == Rule::entry_block) {
                        let entries = self.entries(b);
                        self.set_once(
                            &mut item.form,
                            Block {
                                entries,
                                span: sspan,
                            },
                            sspan,
                            |x| x.span,
                            "form",
                        );
                    }
                }
                Rule::material => item.materials.extend(self.material(s)),
                Rule::output => item.outputs.extend(self.output(s)),
                Rule::review => {
                    if let Some(b) = s.into_inner().find(|x| x.as_rule() == Rule::review_block) {
                        for r in b.into_inner() {
                            match r.as_rule() {
                                Rule::string => {
                                    let v = self.string(r);
                                    item.review.push(v);
                                }
                                Rule::bad_stmt => self.bad(r, Rule::review_alone, Context::Review),
                                _ => self.unexpected(&r),
                            }
                        }
                    }
                }
                Rule::faq => {
                    let mut strs = s.into_inner().filter(|x| x.as_rule() == Rule::string);
                    if let (Some(q), Some(a)) = (strs.next(), strs.next()) {
                        let question = self.string(q);
                        let answer = self.string(a);
                        item.faqs.push(Faq {
                            question,
                            answer,
                            span: sspan,
                        });
                    }
                }
                Rule::bad_stmt => self.bad(s, Rule::item_alone, Context::Item),
                _ => self.unexpected(&s),
            }
        }
        Some(item)
    }

    fn fee(&mut self, p: Pair<Rule>) -> Option<Fee> {
        let span = self.span(&p);
        let mut it = p
            .into_inner()
            .filter(|x| x.as_rule() != Rule::kw_fee && x.as_rule() != Rule::kw_yuan);
        let first = it.next()?;
        if first.as_rule() == Rule::kw_none {
            return Some(Fee::None(span));
        }
        let yuan = self.number(first);
        let basis = self.string(it.next()?);
        let cents_ok = yuan
            .text
            .split_once('.')
            .is_none_or(|(_, frac)| frac.len() <= 2);
        if yuan.text.starts_with('-') || !cents_ok {
            self.diags.push(d::bad_number(
                yuan.span,
                "a fee is a non-negative amount of yuan with at most 2 decimals",
            ));
            return None;
        }
        Some(Fee::Amount { yuan, basis, span })
    }

    fn material(&mut self, p: Pair<Rule>) -> Option<Material> {
        let span = self.span(&p);
        let mut path = None;
        let mut name = None;
        let mut attrs = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::kw_material => {}
                Rule::path => path = Some(self.path(x)),
                Rule::string => name = Some(self.string(x)),
                Rule::attr_block => attrs = self.attrs(x, Context::Material),
                _ => self.unexpected(&x),
            }
        }
        let path = path?;
        if let Some(output) = path.second.clone() {
            if let Some(n) = name {
                self.diags.push(d::malformed_entry(
                    n.span,
                    "a reused output takes its name from the output",
                    "delete the name, or declare a material of this item with `material ID \"name\"`",
                ));
            }
            let mut when = None;
            for a in attrs {
                match (canonical(kw::MATERIAL_ATTRS, &a.name.name), a.args) {
                    (Some("when"), RawArgs::When(Some(e))) => when = Some(e),
                    (Some("when"), RawArgs::When(None)) => {}
                    _ => self.diags.push(d::unknown_attr(
                        a.name.span,
                        &a.name.name,
                        "attribute of a reused output (only `when` is allowed)",
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
                &format!("the material `{}` has no name", path.first.name),
                &format!("write `material {} \"材料名称\" {{ original 1 }}`, or reuse an output as `material ITEM.OUTPUT`", path.first.name),
            ));
            return None;
        };
        let mut m = MaterialAttrs::default();
        for a in attrs {
            let Some(key) = canonical(kw::MATERIAL_ATTRS, &a.name.name) else {
                self.diags.push(d::unknown_attr(
                    a.name.span,
                    &a.name.name,
                    "material attribute",
                    &spellings(kw::MATERIAL_ATTRS),
                ));
                continue;
            };
            let span = a.span;
            match key {
                "original" => {
                    if let Some(v) = self.one_count(&a, key) {
                        self.set_once(&mut m.original, v, span, |x| x.1, key);
                    }
                }
                "copy" => {
                    if let Some(v) = self.one_count(&a, key) {
                        self.set_once(&mut m.copy, v, span, |x| x.1, key);
                    }
                }
                "electronic" | "optional" | "deferred" | "pledge" => {
                    if let Some(v) = self.flag(&a, key) {
                        let slot = match key {
                            "electronic" => &mut m.electronic,
                            "optional" => &mut m.optional,
                            "deferred" => &mut m.deferred,
                            _ => &mut m.pledge,
                        };
                        self.set_once(slot, v, span, |x| *x, key);
                    }
                }
                "shared" | "basis" | "accept" => {
                    if let Some(v) = self.one_string(&a, key) {
                        let slot = match key {
                            "shared" => &mut m.shared,
                            "basis" => &mut m.basis,
                            _ => &mut m.accept,
                        };
                        self.set_once(slot, v, span, |x| x.span, key);
                    }
                }
                _ => match a.args {
                    RawArgs::When(Some(e)) => {
                        self.set_once(&mut m.when, e, span, |x| x.span(), "when")
                    }
                    RawArgs::When(None) => {}
                    _ => self.diags.push(d::bad_value(span, "when", "a condition")),
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

    fn output(&mut self, p: Pair<Rule>) -> Option<Output> {
        let span = self.span(&p);
        let mut it = p.into_inner().filter(|x| x.as_rule() != Rule::kw_output);
        let id = self.ident(it.next()?);
        let name = self.string(it.next()?);
        let mut out = Output {
            id,
            name,
            electronic: None,
            paper: None,
            span,
        };
        if let Some(block) = it.next() {
            for a in self.attrs(block, Context::Output) {
                match canonical(kw::OUTPUT_ATTRS, &a.name.name) {
                    Some("electronic") => {
                        if let Some(v) = self.flag(&a, "electronic") {
                            self.set_once(&mut out.electronic, v, a.span, |x| *x, "electronic");
                        }
                    }
                    Some(_) => {
                        if let Some(v) = self.one_count(&a, "paper") {
                            self.set_once(&mut out.paper, v, a.span, |x| x.1, "paper");
                        }
                    }
                    None => self.diags.push(d::unknown_attr(
                        a.name.span,
                        &a.name.name,
                        "output attribute",
                        &spellings(kw::OUTPUT_ATTRS),
                    )),
                }
            }
        }
        Some(out)
    }

    pub(super) fn flow(&mut self, p: Pair<Rule>) -> Option<Flow> {
        let span = self.span(&p);
        let block = p.into_inner().find(|x| x.as_rule() == Rule::flow_block)?;
        let mut f = Flow {
            accept: None,
            deliver: None,
            chains: Vec::new(),
            span,
        };
        for s in block.into_inner() {
            let sspan = self.span(&s);
            match s.as_rule() {
                Rule::accept_stmt => {
                    let mut it = s
                        .into_inner()
                        .filter(|x| x.as_rule() == Rule::duration || x.as_rule() == Rule::ident);
                    let dur = it.next().and_then(|x| self.duration(x));
                    let dep = it.next().map(|x| self.ident(x));
                    if let (Some(duration), Some(department)) = (dur, dep) {
                        let a = Accept {
                            duration,
                            department,
                            span: sspan,
                        };
                        self.set_once(&mut f.accept, a, sspan, |x| x.span, "accept");
                    }
                }
                Rule::deliver_stmt => {
                    if let Some(v) = self.last_duration(s) {
                        self.set_once(&mut f.deliver, v, sspan, |x| x.span, "deliver");
                    }
                }
                Rule::chain => f
                    .chains
                    .push(s.into_inner().map(|x| self.ident(x)).collect()),
                Rule::bad_stmt => self.bad(s, Rule::flow_alone, Context::Flow),
                _ => self.unexpected(&s),
            }
        }
        Some(f)
    }
}
