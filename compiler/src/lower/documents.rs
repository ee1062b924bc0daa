//! Lowers one matter to the documents IR: items with departments, fees, outputs and review
//! points, the merged materials table, and the combinations the one-time notices are written for.

use super::cond::artifact;
use crate::check::{self, combinations as combos};
use crate::ir::documents::{
    Copies, Department, Documents, Faq, Fee, FeeArm, FormLine, Identifies, Item, Legal,
    MaterialRow, MaterialSource, Necessity, Notices, Output, Reform, TemplateFile, MAX_NOTICES,
    MAX_REFORM_COMBINATIONS,
};
use crate::resolve::{self, Cond, DeptId, ItemField, Material, Matter, Pick, Program, Scalar};
use yjs_artifacts::Condition;

/// The documents IR of one matter.
pub fn documents(program: &Program, matter: &Matter, reform: &check::reform::Reform) -> Documents {
    let dept = |d: Option<(DeptId, crate::files::Span)>| d.map(|(d, _)| department(program, d));
    let text = |t: &Option<resolve::Text>| t.as_ref().map(|t| t.value.clone());
    let texts = |t: &[resolve::Text]| t.iter().map(|t| t.value.clone()).collect::<Vec<_>>();
    let items = matter
        .items
        .iter()
        .map(|(id, it)| Item {
            id: it.id.name.clone(),
            name: it.name.value.clone(),
            code: text(&it.code),
            kind: it.kind.as_ref().map(|(k, _)| k.clone()),
            department: dept(it.department),
            basis: texts(&it.basis),
            conditions: texts(&it.conditions),
            legal: match (it.unregulated, it.legal) {
                (Some(_), _) => Legal::Unregulated {
                    basis: text(&it.sources.legal),
                },
                (None, Some(_)) => Legal::Limit {
                    basis: text(&it.sources.legal),
                },
                (None, None) => Legal::Unstated,
            },
            promise_basis: text(&it.sources.promise),
            fee: it.fee.as_ref().map(|f| Fee {
                yuan: f.yuan.as_ref().map(|y| y.text.clone()),
                basis: text(&f.basis),
            }),
            fee_by: it
                .fee_by
                .iter()
                .map(|c| FeeArm {
                    fee: Fee {
                        yuan: c.fee.yuan.as_ref().map(|y| y.text.clone()),
                        basis: text(&c.fee.basis),
                    },
                    when: c
                        .when
                        .as_ref()
                        .map(|w| artifact(Some(w), &matter.situations)),
                })
                .collect(),
            visits: it.visits.map(|(v, _)| v),
            applies: artifact(it.when.as_ref(), &matter.situations),
            optional: it
                .optional
                .map(|s| matter.situations[s].question.value.clone()),
            fields: form_lines(matter, it),
            material_count: it.materials.len(),
            outputs: it
                .outputs
                .iter()
                .map(|(oi, o)| Output {
                    id: o.id.name.clone(),
                    name: o.name.value.clone(),
                    electronic: o.electronic.is_some(),
                    paper: o.paper.map(|(n, _)| n),
                    used_by: matter
                        .items
                        .values()
                        .filter(|other| {
                            other.materials.iter().any(|m| {
                                matches!(m, Material::Reuse { item, output, .. } if *item == id && *output == oi)
                            })
                        })
                        .map(|other| other.name.value.clone())
                        .collect(),
                })
                .collect(),
            review: texts(&it.review),
            faqs: it
                .faqs
                .iter()
                .map(|f| Faq {
                    question: f.question.value.clone(),
                    answer: f.answer.value.clone(),
                })
                .collect(),
        })
        .collect();
    let (materials, templates) = materials(matter);
    Documents {
        matter: matter.id.name.clone(),
        name: matter.name.value.clone(),
        code: text(&matter.code),
        lead: dept(matter.lead),
        window: dept(matter.window),
        visits: matter.visits.map(|(v, _)| v),
        delivery: matter.delivery.iter().map(|(c, _)| c.clone()).collect(),
        basis: texts(&matter.basis),
        consult: text(&matter.consult),
        complaint: text(&matter.complaint),
        applicant: texts(&matter.applicant),
        identifies: identifies(matter),
        items,
        materials,
        notices: notices(matter),
        templates,
        reform: Reform {
            departments: reform.departments,
            steps: reform.steps,
            days: reform.days,
            visits: reform.visits,
            legal: reform.legal,
            without_legal: reform.without_legal,
            bounded: reform.bounded,
            accepted: reform
                .accepted
                .iter()
                .map(|(f, why)| (f.word().to_string(), why.clone()))
                .collect(),
        },
    }
}

fn department(program: &Program, d: DeptId) -> Department {
    let d = &program.departments[d];
    Department {
        id: d.id.clone(),
        name: d.name.clone(),
        phone: d.phone.clone(),
        address: d.address.clone(),
        hours: d.hours.clone(),
        website: d.website.clone(),
    }
}

/// An item's form as a notice lists it: a shared field under its shared label.
fn form_lines(matter: &Matter, it: &resolve::Item) -> Vec<FormLine> {
    it.fields
        .iter()
        .map(|f| match f {
            ItemField::Shared(b) => {
                let shared = &matter.shared[b.shared];
                FormLine {
                    shared: Some(shared.id.name.clone()),
                    name: b.local.name.clone(),
                    label: shared.label.value.clone(),
                }
            }
            ItemField::Local(l) => FormLine {
                shared: None,
                name: l.id.name.clone(),
                label: l.label.value.clone(),
            },
        })
        .collect()
}

/// Which kinds of applicant the matter's fields identify: every shared field, and every
/// item's own fields (not the entries of lists).
fn identifies(matter: &Matter) -> Identifies {
    let mut types = matter.shared.values().map(|f| &f.ty).collect::<Vec<_>>();
    for item in matter.items.values() {
        for f in &item.fields {
            if let ItemField::Local(f) = f {
                types.push(&f.ty);
            }
        }
    }
    Identifies {
        person: types.iter().any(|t| t.is(Scalar::IdCard)),
        organisation: types.iter().any(|t| t.is(Scalar::Uscc)),
    }
}

/// The combinations of every situation's answers, up to [`MAX_NOTICES`].
fn notices(matter: &Matter) -> Notices {
    let radix: Vec<usize> = matter.situations.values().map(|s| s.radix()).collect();
    let combinations = combos::count(&radix);
    if combinations > MAX_REFORM_COMBINATIONS {
        // Too many to sift through the rules: the count is an upper bound, and no notice is
        // written one by one anyway.
        return Notices {
            combinations,
            list: Vec::new(),
            all: Vec::new(),
        };
    }
    // The combinations the rules allow: an impossible one gets no notice and no figure.
    let ids: Vec<_> = matter.situations.iter().map(|(i, _)| i).collect();
    let rules = combos::Rules::new(matter, &ids);
    let possible: Vec<Vec<usize>> = combos::combinations(&radix)
        .filter(|digits| {
            let answers: Vec<_> = ids
                .iter()
                .copied()
                .zip(digits.iter().map(|d| Pick(*d)))
                .collect();
            rules.allow(&answers)
        })
        .collect();
    Notices {
        combinations: possible.len() as u64,
        list: if possible.len() as u64 > MAX_NOTICES {
            Vec::new()
        } else {
            possible.clone()
        },
        all: possible,
    }
}

/// What makes two uses the same row of the materials table.
#[derive(PartialEq, Eq)]
enum Key {
    /// A material fetched by data sharing, by name.
    Shared(String),
    /// A material the applicant brings, by name and form.
    Own(String, Copies),
    /// A reused output.
    Output(la_arena::Idx<resolve::Item>, la_arena::Idx<resolve::Output>),
}

/// The merged materials table: a reused output, a shared material and a same-named applicant
/// material of the same form each appear once, however many items use them; the first use
/// gives the row its attributes.
fn materials(matter: &Matter) -> (Vec<MaterialRow>, Vec<TemplateFile>) {
    let sits = &matter.situations;
    let mut rows: Vec<(Key, MaterialRow, Vec<Option<Cond>>)> = Vec::new();
    let mut templates: Vec<TemplateFile> = Vec::new();
    for item in matter.items.values() {
        for m in &item.materials {
            let (key, row, when) = match m {
                Material::Own(own) => {
                    let a = &own.attrs;
                    let copies = Copies {
                        original: a.original.map(|(n, _)| n),
                        copy: a.copy.map(|(n, _)| n),
                        electronic: a.electronic.is_some(),
                    };
                    let (key, source) = match &a.shared {
                        Some(system) => (
                            Key::Shared(own.name.value.clone()),
                            MaterialSource::Shared {
                                system: system.value.clone(),
                                copies,
                            },
                        ),
                        None => (
                            Key::Own(own.name.value.clone(), copies),
                            MaterialSource::Applicant(copies),
                        ),
                    };
                    let necessity = if a.pledge.is_some() {
                        Necessity::Pledge
                    } else if a.deferred.is_some() {
                        Necessity::Deferred
                    } else if a.optional.is_some() {
                        Necessity::Optional
                    } else {
                        Necessity::Required
                    };
                    let row = row(
                        &own.name.value,
                        source,
                        necessity,
                        a.basis.as_ref().map(|s| s.value.clone()),
                        a.accept.as_ref().map(|s| s.value.clone()),
                    );
                    (key, row, &own.when)
                }
                Material::Reuse {
                    item: from,
                    output,
                    when,
                    ..
                } => {
                    let producer = &matter.items[*from];
                    let out = &producer.outputs[*output];
                    let source = MaterialSource::Output {
                        item: producer.name.value.clone(),
                        electronic: out.electronic.is_some(),
                        paper: out.paper.map(|(n, _)| n),
                    };
                    let row = row(&out.name.value, source, Necessity::Required, None, None);
                    (Key::Output(*from, *output), row, when)
                }
            };
            let use_cond = resolve::and(item.when.as_ref(), when.as_ref());
            let at = match rows.iter().position(|(k, _, _)| *k == key) {
                Some(i) => i,
                None => {
                    rows.push((key, row, Vec::new()));
                    rows.len() - 1
                }
            };
            if let Some((_, r, uses)) = rows.get_mut(at) {
                // The first use that gives a template gives the row its template.
                if let (None, Material::Own(own)) = (r.template, m) {
                    if let Some((t, bytes)) = own
                        .template
                        .as_ref()
                        .and_then(|t| Some((t, t.bytes.clone()?)))
                    {
                        r.template = Some(templates.len());
                        templates.push(TemplateFile {
                            item: item.id.name.clone(),
                            material: own.id.name.clone(),
                            ext: t.ext.clone(),
                            bytes,
                        });
                    }
                }
                if !r.items.contains(&item.name.value) {
                    r.items.push(item.name.value.clone());
                }
                r.uses.push(artifact(use_cond.as_ref(), sits));
                uses.push(use_cond);
            }
        }
    }
    let rows = rows
        .into_iter()
        .map(|(_, mut row, uses)| {
            row.applies = union(&uses, sits);
            row
        })
        .collect();
    (rows, templates)
}

fn row(
    name: &str,
    source: MaterialSource,
    necessity: Necessity,
    basis: Option<String>,
    accept: Option<String>,
) -> MaterialRow {
    MaterialRow {
        name: name.to_string(),
        items: Vec::new(),
        source,
        necessity,
        basis,
        accept,
        template: None,
        applies: Condition::Always,
        uses: Vec::new(),
    }
}

/// When some use applies: `Always` when one use always applies, else the `or` of the uses'
/// conditions, a use written the same way at the same place as the one before counted once.
fn union(uses: &[Option<Cond>], sits: &la_arena::Arena<resolve::Situation>) -> Condition {
    if uses.iter().any(Option::is_none) {
        return Condition::Always;
    }
    let mut alternatives: Vec<Cond> = Vec::new();
    for c in uses.iter().flatten() {
        if alternatives.last() == Some(c) {
            continue;
        }
        alternatives.push(c.clone());
    }
    let union = (!alternatives.is_empty()).then(|| Cond::any(alternatives));
    artifact(union.as_ref(), sits)
}
