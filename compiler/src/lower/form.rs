//! Lowers one matter's fields and check's form results to the merged-form IR (`ir::form::Form`).
//!
//! Check has unified every field; here the unified bounds get their provenance as text (item,
//! department, the constraint as written, `file:line:col`), requiredness and applicability
//! become artifact conditions, and the per-item views and projected materials are assembled.

use super::cond::{artifact, required};
use crate::check::form::{self as facts, Checked, FieldFacts, FormAnalysis, Provenance};
use crate::files::{Files, Span};
use crate::ir::cond::{and, and_opt, or};
use crate::ir::form::{
    Bound, Bounds, ChoiceOption, DateBound, Form, ItemForm, LocalField, Pattern, Question,
    SharedField, Source, Ty, ViewField,
};
use crate::par;
use crate::resolve::{Field, FieldType, FieldWhen, Item, ItemField, Material, Matter, Program};
use la_arena::{ArenaMap, Idx};
use rustc_hash::FxHashMap;
use std::sync::Arc;
use yjs_artifacts::{Condition, ProjectedMaterial};

/// The merged form of one matter.
pub fn form(files: &Files, program: &Program, matter: &Matter, mut a: FormAnalysis) -> Form {
    let sits = &matter.situations;
    let mut prov = Provenances::new(files, program, matter);
    let applies: ArenaMap<Idx<Item>, Condition> = matter
        .items
        .iter()
        .map(|(i, it)| (i, artifact(it.when.as_ref(), sits)))
        .collect();

    let by_shared = matter.bindings();
    let mut shared = Vec::with_capacity(matter.shared.len());
    let mut shared_ty: ArenaMap<Idx<Field>, Ty> = ArenaMap::default();
    for (si, f) in matter.shared.iter() {
        let Some(checked) = a.shared.get(si) else {
            continue;
        };
        let base_required = required(base_constraints(f), sits);
        let mut req = None;
        let mut shown = None;
        let mut items = Vec::new();
        for (ii, b) in by_shared.get(si).into_iter().flatten() {
            let here = and(applies[*ii].clone(), own_when(b.when.as_ref(), sits));
            let own = or(base_required.clone(), required(&b.constraints, sits));
            req = or(req, and_opt(&here, own));
            shown = or(shown, Some(here));
            items.push(matter.items[*ii].id.name.clone());
        }
        let Some(shown) = shown else { continue };
        // The field's own `when` narrows every place it is shown and required.
        let when = own_when(f.when.as_ref(), sits);
        let shown = and(when.clone(), shown);
        let req = req.map(|r| and(when.clone(), r));
        let ty = ty(&f.ty, &checked.entries, matter, &prov);
        shared_ty.insert(si, ty.clone());
        shared.push(SharedField {
            id: f.id.name.clone(),
            label: f.label.value.clone(),
            ty,
            bounds: bounds_with(&checked.unified.bounds, |p| prov.source(p)),
            required: req,
            applies: shown,
            items,
            sources: prov.sources(&checked.unified.sources),
        });
    }

    // A situation's answer has no bounds of its own; its views share one empty set.
    let no_bounds = Arc::new(Bounds::default());
    let cx = ItemCx {
        program,
        matter,
        applies: &applies,
        shared_ty: &shared_ty,
        no_bounds: &no_bounds,
    };
    let work: Vec<_> = matter
        .items
        .iter()
        .map(|(ii, it)| (ii, it, a.items.remove(ii).unwrap_or_default()))
        .collect();
    let fields_before: usize = matter.items.values().map(|it| it.fields.len()).sum();
    // Items are independent once the shared fields are unified: a large form lowers them on
    // several threads, each with its own provenance memo (a small one lowers them in turn).
    let items: Vec<ItemForm> = if fields_before >= crate::par::LARGE_FORM {
        par::map_owned(work, |(ii, it, facts)| {
            let mut prov = Provenances::new(files, program, matter);
            item_form(&cx, &mut prov, ii, it, facts)
        })
    } else {
        work.into_iter()
            .map(|(ii, it, facts)| item_form(&cx, &mut prov, ii, it, facts))
            .collect()
    };

    let fields_after = shared.len() + items.iter().map(|i| i.locals.len()).sum::<usize>();
    Form {
        matter: matter.id.name.clone(),
        name: matter.name.value.clone(),
        situations: questions(matter),
        rules: matter
            .rules
            .iter()
            .map(|r| yjs_artifacts::SituationRule {
                text: r.text.value.clone(),
                condition: super::cond::artifact(Some(&r.cond), &matter.situations),
            })
            .collect(),
        shared,
        items,
        fields_before,
        fields_after,
    }
}

/// What lowering an item reads besides the item: the matter and what `form` computed first.
struct ItemCx<'a> {
    program: &'a Program,
    matter: &'a Matter,
    /// When each item applies.
    applies: &'a ArenaMap<Idx<Item>, Condition>,
    /// The type of each shared field some item binds.
    shared_ty: &'a ArenaMap<Idx<Field>, Ty>,
    /// The bounds of a situation's answer: none.
    no_bounds: &'a Arc<Bounds>,
}

/// One item's part of the merged form, its check facts consumed field by field.
fn item_form(
    cx: &ItemCx,
    prov: &mut Provenances,
    ii: Idx<Item>,
    it: &Item,
    item_facts: Vec<FieldFacts>,
) -> ItemForm {
    let (program, matter, applies, shared_ty) = (cx.program, cx.matter, cx.applies, cx.shared_ty);
    let sits = &matter.situations;
    // Sized up front: a field and its view are hundreds of bytes, and growing the vectors
    // of an item with thousands of fields copied them again and again (5 % of `check`).
    let own = it
        .fields
        .iter()
        .filter(|f| matches!(f, ItemField::Local(_)));
    let mut locals = Vec::with_capacity(own.count());
    let mut view = Vec::with_capacity(it.fields.len());
    for (field, fact) in it.fields.iter().zip(item_facts) {
        match (field, fact) {
            (ItemField::Local(f), FieldFacts::Local(checked)) => {
                let lf = local_field(f, &checked, matter, prov);
                view.push(ViewField {
                    name: lf.id.clone(),
                    label: lf.label.clone(),
                    pointer: pointer(&[&it.id.name, &lf.id]),
                    shared: None,
                    situation: None,
                    ty: lf.ty.clone(),
                    own: Arc::clone(&lf.bounds),
                    effective: Arc::clone(&lf.bounds),
                    applies: lf.applies.clone(),
                    required: lf.required.clone(),
                });
                locals.push(lf);
            }
            (ItemField::Shared(b), FieldFacts::Shared { own, effective }) => {
                let f = &matter.shared[b.shared];
                let Some(ty) = shared_ty.get(b.shared) else {
                    continue;
                };
                let here = and(
                    own_when(b.when.as_ref(), sits),
                    own_when(f.when.as_ref(), sits),
                );
                let req = or(
                    required(base_constraints(f), sits),
                    required(&b.constraints, sits),
                );
                view.push(ViewField {
                    name: b.local.name.clone(),
                    label: b
                        .label
                        .as_ref()
                        .map_or_else(|| f.label.value.clone(), |l| l.value.clone()),
                    pointer: format!("/{}", f.id.name),
                    shared: Some(f.id.name.clone()),
                    situation: None,
                    ty: ty.clone(),
                    own: Arc::new(bounds_with(&own, |p| prov.source(p))),
                    effective: Arc::new(bounds_with(&effective, |p| prov.source(p))),
                    required: and_opt(&here, req),
                    applies: here,
                });
            }
            (ItemField::Situation(a), FieldFacts::Situation) => {
                let s = &matter.situations[a.situation];
                view.push(ViewField {
                    name: a.local.name.clone(),
                    label: a
                        .label
                        .as_ref()
                        .map_or_else(|| s.question.value.clone(), |l| l.value.clone()),
                    pointer: format!("/{}", s.id.name),
                    shared: None,
                    situation: Some(s.id.name.clone()),
                    ty: situation_ty(s),
                    own: Arc::clone(cx.no_bounds),
                    effective: Arc::clone(cx.no_bounds),
                    applies: Condition::Always,
                    required: Some(Condition::Always),
                });
            }
            // Check returns one fact per field, of the field's kind.
            _ => {}
        }
    }
    let (department, department_name) = it
        .department
        .map(|(d, _)| &program.departments[d])
        .map_or_else(Default::default, |d| (d.id.clone(), d.name.clone()));
    ItemForm {
        id: it.id.name.clone(),
        name: it.name.value.clone(),
        department,
        department_name,
        applies: applies[ii].clone(),
        locals,
        view,
        materials: materials(matter, it, &applies[ii]),
    }
}

/// The situation questions; a yes/no question lists no options.
fn questions(matter: &Matter) -> Vec<Question> {
    matter
        .situations
        .values()
        .map(|s| Question {
            id: s.id.name.clone(),
            question: s.question.value.clone(),
            is_bool: s.is_bool,
            multi: s.multi,
            options: if s.is_bool {
                Vec::new()
            } else {
                s.options
                    .values()
                    .map(|o| ChoiceOption {
                        id: o.id.clone(),
                        label: o.label.clone(),
                    })
                    .collect()
            },
        })
        .collect()
}

/// The type of a situation's answer as a department receives it: yes/no, one option, or a set.
fn situation_ty(s: &crate::resolve::Situation) -> Ty {
    if s.is_bool {
        return Ty::Scalar(crate::ir::form::Scalar::Bool);
    }
    Ty::Choice {
        multi: s.multi,
        options: s
            .options
            .values()
            .map(|o| ChoiceOption {
                id: o.id.clone(),
                label: o.label.clone(),
            })
            .collect(),
    }
}

/// The constraints of a shared field before any item narrows it: the dictionary's, then the matter's.
fn base_constraints(f: &Field) -> impl Iterator<Item = &crate::resolve::Constraint> {
    f.origin
        .iter()
        .flat_map(|o| &o.constraints)
        .chain(&f.constraints)
}

/// A field one declaration owns, with its checked unification.
///
/// Every constraint of a local field is its own, so its provenance is made once per source and
/// its bounds point at the same `Source`s, found in the field's short list rather than in the
/// matter-wide memo (a 20,000-field form otherwise fills and searches a table of 40,000).
fn local_field(f: &Field, checked: &Checked, matter: &Matter, prov: &Provenances) -> LocalField {
    let applies = own_when(f.when.as_ref(), &matter.situations);
    let u = &checked.unified;
    let sources: Vec<Source> = u.sources.iter().map(|p| prov.make(*p)).collect();
    let bounds = bounds_with(&u.bounds, |p| {
        match u.sources.iter().position(|q| *q == p) {
            Some(i) => sources[i].clone(),
            None => prov.make(p),
        }
    });
    LocalField {
        id: f.id.name.clone(),
        label: f.label.value.clone(),
        ty: ty(&f.ty, &checked.entries, matter, prov),
        bounds: Arc::new(bounds),
        required: and_opt(&applies, required(&f.constraints, &matter.situations)),
        applies,
        sources,
    }
}

/// A field's or a binding's own `when` as a condition (`Always` without one).
fn own_when(w: Option<&FieldWhen>, sits: &la_arena::Arena<crate::resolve::Situation>) -> Condition {
    artifact(w.map(|w| &w.cond), sits)
}

/// The IR type; a list's entry fields come with their checked unification.
fn ty(t: &FieldType, entries: &[Checked], matter: &Matter, prov: &Provenances) -> Ty {
    match t {
        FieldType::Scalar(s) => Ty::Scalar(*s),
        FieldType::Choice { multi, options } => Ty::Choice {
            multi: *multi,
            options: options.clone(),
        },
        // A list entry's `required when` speaks of the matter's situations, like any other.
        FieldType::List(fields) => Ty::List(
            fields
                .iter()
                .zip(entries)
                .map(|(f, c)| local_field(f, c, matter, prov))
                .collect(),
        ),
    }
}

/// The item's materials with their conditions (the item's own condition included).
fn materials(matter: &Matter, it: &Item, applies: &Condition) -> Vec<ProjectedMaterial> {
    let sits = &matter.situations;
    it.materials
        .iter()
        .map(|m| match m {
            Material::Own(own) => ProjectedMaterial {
                id: own.id.name.clone(),
                name: own.name.value.clone(),
                source: if own.attrs.shared.is_some() {
                    "shared".into()
                } else {
                    "applicant".into()
                },
                condition: and(applies.clone(), artifact(own.when.as_ref(), sits)),
            },
            Material::Reuse {
                item, output, when, ..
            } => {
                let src = &matter.items[*item];
                let out = &src.outputs[*output];
                ProjectedMaterial {
                    id: format!("{}.{}", src.id.name, out.id.name),
                    name: out.name.value.clone(),
                    source: "output".into(),
                    condition: and(applies.clone(), artifact(when.as_ref(), sits)),
                }
            }
        })
        .collect()
}

/// An item's id and its department's id, shared by every source the item declared.
struct Owner {
    item: Arc<str>,
    department: Option<Arc<str>>,
}

/// Provenance as the IR writes it, made once per constraint and shared by every field view
/// that repeats it.
struct Provenances<'a> {
    files: &'a Files,
    /// Per item, its id and its department's id.
    items: ArenaMap<Idx<Item>, Owner>,
    /// Looked up only, never iterated, so a hash map (Fx: the keys are a few integers, and
    /// there is one per constraint of the matter).
    made: FxHashMap<Provenance, Source>,
}

impl<'a> Provenances<'a> {
    fn new(files: &'a Files, program: &Program, matter: &Matter) -> Self {
        let items = matter
            .items
            .iter()
            .map(|(i, it)| {
                let dept = it
                    .department
                    .map(|(d, _)| Arc::from(program.departments[d].id.as_str()));
                let owner = Owner {
                    item: Arc::from(it.id.name.as_str()),
                    department: dept,
                };
                (i, owner)
            })
            .collect();
        Provenances {
            files,
            items,
            made: FxHashMap::default(),
        }
    }

    /// The provenance of `p` as text, made anew.
    fn make(&self, p: Provenance) -> Source {
        let (item, department) = p
            .item
            .and_then(|i| self.items.get(i))
            .map_or((None, None), |o| {
                (Some(o.item.clone()), o.department.clone())
            });
        Source {
            item,
            department,
            constraint: self.files.text(p.span).trim().into(),
            at: at(self.files, p.span).into(),
        }
    }

    /// The provenance of `p`, made once per matter and shared by every view that repeats it
    /// (a shared field's declaration is repeated in every binding's effective bounds).
    fn source(&mut self, p: Provenance) -> Source {
        if let Some(s) = self.made.get(&p) {
            return s.clone();
        }
        let s = self.make(p);
        self.made.insert(p, s.clone());
        s
    }

    fn sources(&mut self, list: &[Provenance]) -> Vec<Source> {
        list.iter().map(|p| self.source(*p)).collect()
    }
}

/// Check's bounds with their provenance as text, `source` giving each one's.
fn bounds_with(b: &facts::Bounds, mut source: impl FnMut(Provenance) -> Source) -> Bounds {
    let mut bound = |x: &Option<facts::Bound>| {
        x.as_ref().map(|x| {
            Box::new(Bound {
                value: x.value.clone(),
                source: source(x.at),
            })
        })
    };
    Bounds {
        min: bound(&b.min),
        max: bound(&b.max),
        min_length: bound(&b.min_length),
        max_length: bound(&b.max_length),
        min_items: bound(&b.min_items),
        max_items: bound(&b.max_items),
        patterns: b
            .patterns
            .iter()
            .map(|p| Pattern {
                pattern: p.pattern.clone(),
                source: source(p.at),
            })
            .collect(),
        dates: b
            .dates
            .iter()
            .map(|d| DateBound {
                not_before: d.not_before,
                value: d.value.clone(),
                source: source(d.at),
            })
            .collect(),
        default: b.default.clone(),
        help: b.help.clone(),
        placeholder: b.placeholder.clone(),
        hint: b.hint.clone(),
        message: b.message.clone(),
        messages: b
            .messages
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    }
}

/// The JSON pointer of a property path, sized once (`format!` grew it several times per field).
fn pointer(path: &[&str]) -> String {
    let mut p = String::with_capacity(path.iter().map(|s| s.len() + 1).sum());
    for part in path {
        p.push('/');
        p.push_str(part);
    }
    p
}

/// `file:line:col` of a span's start, into a string sized for it once (`format!` sized it for
/// its two colons and grew it four times; there is one per constraint of a form).
fn at(files: &Files, span: Span) -> String {
    use std::fmt::Write;
    let (line, col) = files.line_col(span.file, span.start as usize);
    let name = files.name(span.file);
    let mut at = String::with_capacity(name.len() + 2 * 11);
    // Writing into a String cannot fail.
    let _ = write!(at, "{name}:{line}:{col}");
    at
}
