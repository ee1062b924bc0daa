//! 一次表单: checks field types and unifies every shared field over the items that bind it.
//!
//! [`merge`] turns one resolved matter into the merged-form IR (`ir::form::Form`) and reports every
//! problem at once: constraints that do not fit their type (E0201–E0203), empty intersections and
//! conflicting defaults (E0204–E0205), type clashes (E0206), and lints (W0201–W0203).
//! [`check`] runs it over a whole program, plus the dictionaries, for `yjs check`.

mod diagnostics;
mod fit;
mod lints;
mod unify;

use crate::diagnostics::Diagnostic;
use crate::files::Files;
use crate::ir::cond as req;
use crate::ir::form::{Choice, Form, ItemForm, LocalField, Question, SharedField, Ty, ViewField};
use crate::resolve::{Field, FieldType, Item, ItemField, Material, Matter, Program};
use unify::{Unifier, Who};
use yjs_artifacts::{Condition, ProjectedMaterial};

/// Checks the form side of every dictionary and matter; the diagnostics only.
pub fn check(files: &Files, program: &Program) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for dict in &program.dictionaries {
        for f in &dict.fields {
            let who = Who {
                item: None,
                department: None,
                text: format!("dictionary `{}`", dict.id),
                span: f.span,
            };
            local_field(files, f, &who, &[], &mut diags);
        }
    }
    diags
}

/// Builds the merged form of one matter, with every diagnostic about its fields.
///
/// Dictionary fields are type-checked by [`check`], not here, so that a dictionary used by
/// several matters reports each problem once.
pub fn merge(files: &Files, program: &Program, matter: &Matter) -> (Form, Vec<Diagnostic>) {
    let sits = &matter.situations;
    let mut diags = Vec::new();
    let situations = sits
        .iter()
        .map(|s| Question {
            id: s.id.name.clone(),
            question: s.question.value.clone(),
            is_bool: s.is_bool,
            options: if s.is_bool {
                Vec::new()
            } else {
                s.options
                    .iter()
                    .map(|o| Choice {
                        id: o.id.clone(),
                        label: o.label.clone(),
                    })
                    .collect()
            },
        })
        .collect();
    let whos: Vec<Who> = matter
        .items
        .iter()
        .map(|it| item_who(program, it))
        .collect();
    let applies: Vec<Condition> = matter
        .items
        .iter()
        .map(|it| req::applies(it.when.as_ref(), sits))
        .collect();

    let mut shared = Vec::new();
    for (si, f) in matter.shared.iter().enumerate() {
        let decl = Who {
            item: None,
            department: None,
            text: "the `shared` block".into(),
            span: f.span,
        };
        let ty = lower_type(files, &f.ty, &decl, sits, &mut diags);
        fit::check(&f.ty, &f.constraints, f.span, &mut diags);
        let mut u = Unifier::new(files, &f.id.name, &f.ty);
        let base = base_constraints(f);
        if let Some(o) = &f.origin {
            u.add(
                Who {
                    text: format!("dictionary `{}`", o.dictionary),
                    span: o.span,
                    ..decl.clone()
                },
                &o.constraints,
            );
        }
        u.add(decl.clone(), &f.constraints);
        let base_required = req::required(&base, sits);
        let mut required = None;
        let mut shown = None;
        let mut items = Vec::new();
        for (ii, it) in matter.items.iter().enumerate() {
            for b in bindings(it).filter(|b| b.shared == si) {
                fit::check(&f.ty, &b.constraints, f.span, &mut diags);
                u.add(
                    Who {
                        span: b.span,
                        ..whos[ii].clone()
                    },
                    &b.constraints,
                );
                let own = req::or(base_required.clone(), req::required(&b.constraints, sits));
                required = req::or(required, req::and_opt(&applies[ii], own));
                shown = req::or(shown, Some(applies[ii].clone()));
                items.push(it.id.name.clone());
            }
        }
        let (bounds, sources, more) = u.finish();
        diags.extend(more);
        let Some(shown) = shown else {
            diags.push(diagnostics::unused_shared(&f.id.name, f.id.span));
            continue;
        };
        shared.push(SharedField {
            id: f.id.name.clone(),
            label: f.label.value.clone(),
            ty,
            bounds,
            required,
            applies: shown,
            items,
            sources,
        });
    }

    let mut items = Vec::new();
    for (ii, it) in matter.items.iter().enumerate() {
        let mut locals = Vec::new();
        let mut view = Vec::new();
        for field in &it.fields {
            match field {
                ItemField::Local(f) => {
                    let lf = local_field(files, f, &whos[ii], sits, &mut diags);
                    view.push(ViewField {
                        name: lf.id.clone(),
                        label: lf.label.clone(),
                        pointer: format!("/{}/{}", it.id.name, lf.id),
                        shared: None,
                        ty: lf.ty.clone(),
                        own: lf.bounds.clone(),
                        effective: lf.bounds.clone(),
                        required: lf.required.clone(),
                    });
                    locals.push(lf);
                }
                ItemField::Shared(b) => {
                    let Some(f) = matter.shared.get(b.shared) else {
                        continue;
                    };
                    let ty = lower_type(files, &f.ty, &whos[ii], sits, &mut Vec::new());
                    let mut own = Unifier::new(files, &b.local.name, &f.ty);
                    own.add(whos[ii].clone(), &b.constraints);
                    let mut all = Unifier::new(files, &b.local.name, &f.ty);
                    if let Some(o) = &f.origin {
                        all.add(whos[ii].clone(), &o.constraints);
                    }
                    all.add(whos[ii].clone(), &f.constraints);
                    all.add(whos[ii].clone(), &b.constraints);
                    let required = req::or(
                        req::required(&base_constraints(f), sits),
                        req::required(&b.constraints, sits),
                    );
                    view.push(ViewField {
                        name: b.local.name.clone(),
                        label: b
                            .label
                            .as_ref()
                            .map_or_else(|| f.label.value.clone(), |l| l.value.clone()),
                        pointer: format!("/{}", f.id.name),
                        shared: Some(f.id.name.clone()),
                        ty,
                        own: own.finish().0,
                        effective: all.finish().0,
                        required,
                    });
                }
            }
        }
        let (department, department_name) = it
            .department
            .and_then(|(d, _)| program.departments.get(d))
            .map_or_else(Default::default, |d| (d.id.clone(), d.name.clone()));
        items.push(ItemForm {
            id: it.id.name.clone(),
            name: it.name.value.clone(),
            department,
            department_name,
            applies: applies[ii].clone(),
            locals,
            view,
            materials: materials(matter, it, &applies[ii]),
        });
    }
    lints::locals(matter, &whos, &mut diags);

    let fields_before = matter.items.iter().map(|it| it.fields.len()).sum();
    let fields_after = shared.len() + items.iter().map(|i| i.locals.len()).sum::<usize>();
    let form = Form {
        matter: matter.id.name.clone(),
        name: matter.name.value.clone(),
        situations,
        shared,
        items,
        fields_before,
        fields_after,
    };
    (form, diags)
}

/// The constraints of a shared field before any item narrows it: the dictionary's, then the matter's.
fn base_constraints(f: &Field) -> Vec<crate::resolve::Constraint> {
    let mut out: Vec<_> = f
        .origin
        .as_ref()
        .map(|o| o.constraints.clone())
        .unwrap_or_default();
    out.extend(f.constraints.iter().cloned());
    out
}

/// The item's bindings to shared fields.
fn bindings(it: &Item) -> impl Iterator<Item = &crate::resolve::Binding> {
    it.fields.iter().filter_map(|f| match f {
        ItemField::Shared(b) => Some(b),
        ItemField::Local(_) => None,
    })
}

/// "item `birth_cert` (wsjk)", with the item's ids.
fn item_who(program: &Program, it: &Item) -> Who {
    let dept = it
        .department
        .and_then(|(d, _)| program.departments.get(d))
        .map(|d| d.id.clone());
    Who {
        text: match &dept {
            Some(d) => format!("item `{}` ({d})", it.id.name),
            None => format!("item `{}`", it.id.name),
        },
        item: Some(it.id.name.clone()),
        department: dept,
        span: it.id.span,
    }
}

/// Checks and lowers a field one declaration owns (an item's local field, a list entry's field,
/// a dictionary field).
fn local_field(
    files: &Files,
    f: &Field,
    who: &Who,
    sits: &[crate::resolve::Situation],
    diags: &mut Vec<Diagnostic>,
) -> LocalField {
    let ty = lower_type(files, &f.ty, who, sits, diags);
    fit::check(&f.ty, &f.constraints, f.span, diags);
    let mut u = Unifier::new(files, &f.id.name, &f.ty);
    u.add(
        Who {
            span: f.span,
            ..who.clone()
        },
        &f.constraints,
    );
    let (bounds, sources, more) = u.finish();
    diags.extend(more);
    LocalField {
        id: f.id.name.clone(),
        label: f.label.value.clone(),
        ty,
        bounds,
        required: req::required(&f.constraints, sits),
        sources,
    }
}

/// The IR type; a list's fields are checked and lowered on the way.
fn lower_type(
    files: &Files,
    ty: &FieldType,
    who: &Who,
    sits: &[crate::resolve::Situation],
    diags: &mut Vec<Diagnostic>,
) -> Ty {
    match ty {
        FieldType::Text => Ty::Text,
        FieldType::Integer => Ty::Integer,
        FieldType::Decimal => Ty::Decimal,
        FieldType::Money => Ty::Money,
        FieldType::Date => Ty::Date,
        FieldType::Datetime => Ty::Datetime,
        FieldType::Bool => Ty::Bool,
        FieldType::IdCard => Ty::IdCard,
        FieldType::Uscc => Ty::Uscc,
        FieldType::Region => Ty::Region,
        FieldType::Mobile => Ty::Mobile,
        FieldType::Phone => Ty::Phone,
        FieldType::Email => Ty::Email,
        FieldType::File => Ty::File,
        FieldType::Choice { multi, options } => {
            let options = options
                .iter()
                .map(|o| Choice {
                    id: o.id.clone(),
                    label: o.label.clone(),
                })
                .collect();
            if *multi {
                Ty::MultiChoice { options }
            } else {
                Ty::Choice { options }
            }
        }
        // A list entry's `required when` speaks of the matter's situations, like any other.
        FieldType::List(fields) => Ty::List {
            fields: fields
                .iter()
                .map(|f| local_field(files, f, who, sits, diags))
                .collect(),
        },
    }
}

/// The item's materials with their conditions (the item's own condition included).
fn materials(matter: &Matter, it: &Item, applies: &Condition) -> Vec<ProjectedMaterial> {
    let sits = &matter.situations;
    it.materials
        .iter()
        .map(|m| match m {
            Material::Own { decl, when } => ProjectedMaterial {
                id: decl.id.name.clone(),
                name: decl.name.value.clone(),
                source: if decl.attrs.shared.is_some() {
                    "shared".into()
                } else {
                    "applicant".into()
                },
                condition: req::and(applies.clone(), req::applies(when.as_ref(), sits)),
            },
            Material::Reuse {
                item, output, when, ..
            } => {
                let src = matter.items.get(*item);
                let out = src.and_then(|i| i.outputs.get(*output));
                ProjectedMaterial {
                    id: format!(
                        "{}.{}",
                        src.map_or("?", |i| i.id.name.as_str()),
                        out.map_or("?", |o| o.id.name.as_str())
                    ),
                    name: out.map_or_else(String::new, |o| o.name.value.clone()),
                    source: "output".into(),
                    condition: req::and(applies.clone(), req::applies(when.as_ref(), sits)),
                }
            }
        })
        .collect()
}
