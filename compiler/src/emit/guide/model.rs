//! The template context of the 服务指南: plain serde structs built from the model, plan and projections.
//!
//! Templates receive these and nothing else, never AST nodes.

use super::materials::{self, MaterialRow};
use super::reform::{self, ReformRow};
use super::{notice, words, FormCounts, GuideError};
use crate::files::Span;
use crate::resolve::{DeptId, FieldType, ItemField, Matter, Program};
use serde::Serialize;
use yjs_artifacts::{Plan, Step};

/// The 服务指南 of one matter.
#[derive(Debug, Clone, Serialize)]
pub struct Guide {
    pub id: String,
    pub name: String,
    pub code: String,
    pub lead: String,
    pub co_departments: String,
    pub window: String,
    pub applicant: String,
    pub handling: String,
    pub visits: String,
    pub basis: Vec<BasisRow>,
    pub conditions: Vec<ItemConditions>,
    pub materials: Vec<MaterialRow>,
    /// How many materials the applicant brings in the worst case.
    pub bring_count: usize,
    pub notices: NoticeSummary,
    pub steps: Vec<StepRow>,
    pub critical_path: String,
    pub limits: Vec<LimitRow>,
    pub matter_promise: String,
    pub worst_case: u32,
    pub best_case: u32,
    pub fees: Vec<NamedText>,
    pub fee_total: String,
    pub results: Vec<ResultRow>,
    pub delivery: Vec<String>,
    pub place: Place,
    pub consult: String,
    pub phones: Vec<NamedText>,
    pub complaint: String,
    pub faqs: Vec<FaqRow>,
    pub reform: Vec<ReformRow>,
}

/// A basis line and what it is the basis of.
#[derive(Debug, Clone, Serialize)]
pub struct BasisRow {
    pub scope: String,
    pub text: String,
}

/// An item's acceptance conditions and when it applies.
#[derive(Debug, Clone, Serialize)]
pub struct ItemConditions {
    pub name: String,
    pub department: String,
    pub applies: String,
    pub lines: Vec<String>,
}

/// Which one-time notices were written.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeSummary {
    pub combinations: u64,
    pub written: bool,
    pub limit: u64,
    pub files: Vec<String>,
}

/// One step of the 办理流程.
#[derive(Debug, Clone, Serialize)]
pub struct StepRow {
    pub n: usize,
    pub id: String,
    pub name: String,
    pub department: String,
    pub promise: String,
    pub after: String,
    pub applies: String,
    pub critical: bool,
    pub start: u32,
    pub finish: u32,
}

/// The legal and promised limits of one item, side by side.
#[derive(Debug, Clone, Serialize)]
pub struct LimitRow {
    pub name: String,
    pub department: String,
    pub handling: String,
    pub legal: String,
    pub promise: String,
    pub finish: u32,
}

/// A name with a text (fee per item, phone per department).
#[derive(Debug, Clone, Serialize)]
pub struct NamedText {
    pub name: String,
    pub text: String,
}

/// One result (审批结果) of an item.
#[derive(Debug, Clone, Serialize)]
pub struct ResultRow {
    pub item: String,
    pub name: String,
    pub form: String,
    pub applies: String,
}

/// Where and when to go.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub department: String,
    pub address: String,
    pub hours: String,
}

/// A question and its answer.
#[derive(Debug, Clone, Serialize)]
pub struct FaqRow {
    pub item: String,
    pub question: String,
    pub answer: String,
}

/// The name of a department, or `未载明`.
pub fn dept_name(program: &Program, d: Option<(DeptId, Span)>) -> String {
    d.and_then(|(d, _)| program.departments.get(d))
        .map_or_else(|| "未载明".to_string(), |d| d.name.clone())
}

/// The plan step of an item; a plan that lacks one is not this matter's plan.
pub fn step<'p>(plan: &'p Plan, matter: &Matter, id: &str) -> Result<&'p Step, GuideError> {
    plan.steps
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| GuideError::MissingStep {
            matter: matter.id.name.clone(),
            step: id.to_string(),
        })
}

/// Who may apply: the `applicant` lines, or derived from the field types (see spec/guide.md).
pub fn applicant(matter: &Matter) -> String {
    if !matter.applicant.is_empty() {
        let v: Vec<&str> = matter.applicant.iter().map(|s| s.value.as_str()).collect();
        return v.join("、");
    }
    let mut types = matter.shared.iter().map(|f| &f.ty).collect::<Vec<_>>();
    for item in &matter.items {
        for f in &item.fields {
            if let ItemField::Local(f) = f {
                types.push(&f.ty);
            }
        }
    }
    let person = types.iter().any(|t| **t == FieldType::IdCard);
    let legal = types.iter().any(|t| **t == FieldType::Uscc);
    match (person, legal) {
        (true, false) => "自然人".to_string(),
        (false, true) => "法人或其他组织".to_string(),
        (true, true) => "自然人、法人或其他组织".to_string(),
        (false, false) => "见受理条件".to_string(),
    }
}

/// Builds the guide context.
pub fn guide(
    program: &Program,
    matter: &Matter,
    plan: &Plan,
    counts: FormCounts,
) -> Result<Guide, GuideError> {
    let sits = &matter.situations;
    let lead = dept_name(program, matter.lead);
    let lead_id = matter.lead.map(|(d, _)| d);
    let mut co: Vec<usize> = Vec::new();
    for item in &matter.items {
        if let Some((d, _)) = item.department {
            if Some(d) != lead_id && !co.contains(&d) {
                co.push(d);
            }
        }
    }
    let co_departments = if co.is_empty() {
        "（无，由牵头部门独立办理）".to_string()
    } else {
        co.iter()
            .filter_map(|d| program.departments.get(*d))
            .map(|d| d.name.clone())
            .collect::<Vec<_>>()
            .join("、")
    };

    let mut basis: Vec<BasisRow> = matter
        .basis
        .iter()
        .map(|b| BasisRow {
            scope: "本事项".to_string(),
            text: b.value.clone(),
        })
        .collect();
    let mut conditions = Vec::new();
    let mut limits = Vec::new();
    let mut fees = Vec::new();
    let mut results = Vec::new();
    let mut faqs = Vec::new();
    for item in &matter.items {
        let name = item.name.value.clone();
        let department = dept_name(program, item.department);
        let s = step(plan, matter, &item.id.name)?;
        basis.extend(item.basis.iter().map(|b| BasisRow {
            scope: name.clone(),
            text: b.value.clone(),
        }));
        conditions.push(ItemConditions {
            name: name.clone(),
            department: department.clone(),
            applies: words::applies(&s.condition, sits),
            lines: item.conditions.iter().map(|c| c.value.clone()).collect(),
        });
        let legal = s
            .legal
            .clone()
            .or_else(|| item.legal.as_ref().map(|d| words::duration_limit(d.kind)));
        limits.push(LimitRow {
            name: name.clone(),
            department,
            handling: handling(&s.promise.unit).to_string(),
            legal: legal.map_or_else(|| "未载明".to_string(), |l| words::limit(&l)),
            promise: words::promise(&s.promise),
            finish: s.earliest_finish,
        });
        fees.push(NamedText {
            name: name.clone(),
            text: words::fee(item.fee.as_ref()),
        });
        for o in &item.outputs {
            results.push(ResultRow {
                item: name.clone(),
                name: o.name.value.clone(),
                form: words::output_form(o),
                applies: words::applies(&s.condition, sits),
            });
        }
        faqs.extend(item.faqs.iter().map(|f| FaqRow {
            item: name.clone(),
            question: f.question.value.clone(),
            answer: f.answer.value.clone(),
        }));
    }

    let materials = materials::merged(matter);
    let bring_count = materials.iter().filter(|m| !m.exempt).count();
    let combos = notice::combination_count(matter);
    let notices = NoticeSummary {
        combinations: combos,
        written: combos <= notice::MAX_NOTICES,
        limit: notice::MAX_NOTICES,
        files: notice::combinations(matter)
            .iter()
            .map(|a| format!("notices/{}.md", notice::slug(matter, a)))
            .collect(),
    };

    let name_of = |id: &str| {
        plan.steps
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    };
    let steps = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepRow {
            n: i + 1,
            id: s.id.clone(),
            name: s.name.clone(),
            department: s.department_name.clone(),
            promise: words::limit(&s.promise),
            after: if s.after.is_empty() {
                "—".to_string()
            } else {
                s.after
                    .iter()
                    .map(|a| name_of(a))
                    .collect::<Vec<_>>()
                    .join("、")
            },
            applies: words::applies(&s.condition, sits),
            critical: s.critical,
            start: s.earliest_start,
            finish: s.earliest_finish,
        })
        .collect();
    let critical_path = plan
        .critical_path
        .iter()
        .map(|id| name_of(id))
        .collect::<Vec<_>>()
        .join(" → ");

    let all_free = matter
        .items
        .iter()
        .all(|i| matches!(i.fee, Some(crate::syntax::ast::Fee::None(_))));
    let window = program
        .departments
        .get(matter.window.or(matter.lead).map_or(usize::MAX, |(d, _)| d));
    let place = Place {
        department: window.map_or_else(|| "未载明".to_string(), |d| d.name.clone()),
        address: window
            .and_then(|d| d.address.clone())
            .unwrap_or_else(|| "未载明".to_string()),
        hours: window
            .and_then(|d| d.hours.clone())
            .unwrap_or_else(|| "未载明".to_string()),
    };
    let mut phone_depts: Vec<usize> = matter.window.iter().map(|(d, _)| *d).collect();
    for item in &matter.items {
        if let Some((d, _)) = item.department {
            if !phone_depts.contains(&d) {
                phone_depts.push(d);
            }
        }
    }
    let phones = phone_depts
        .iter()
        .filter_map(|d| program.departments.get(*d))
        .map(|d| NamedText {
            name: d.name.clone(),
            text: d.phone.clone().unwrap_or_else(|| "未载明".to_string()),
        })
        .collect();

    Ok(Guide {
        id: matter.id.name.clone(),
        name: matter.name.value.clone(),
        code: matter
            .code
            .as_ref()
            .map_or_else(|| "未载明".to_string(), |c| c.value.clone()),
        lead,
        co_departments,
        window: place.department.clone(),
        applicant: applicant(matter),
        handling: handling(&plan.promise.unit).to_string(),
        visits: format!("{}次", matter.visits.map_or(1, |(v, _)| v)),
        basis,
        conditions,
        reform: reform::figures(matter, plan, &materials, counts),
        materials,
        bring_count,
        notices,
        steps,
        critical_path,
        limits,
        matter_promise: words::promise(&plan.promise),
        worst_case: plan.total_workdays,
        best_case: plan.best_workdays,
        fees,
        fee_total: if all_free {
            "不收费".to_string()
        } else {
            "按各事项收费标准收取，见上表".to_string()
        },
        results,
        delivery: matter
            .delivery
            .iter()
            .map(|(c, _)| words::delivery(c))
            .collect(),
        place,
        consult: matter
            .consult
            .as_ref()
            .map_or_else(|| "未载明".to_string(), |c| c.value.clone()),
        phones,
        complaint: matter
            .complaint
            .as_ref()
            .map_or_else(|| "未载明".to_string(), |c| c.value.clone()),
        faqs,
    })
}

/// 即办件 for an immediate promise, otherwise 承诺件.
pub fn handling(unit: &str) -> &'static str {
    if unit == "immediate" {
        "即办件"
    } else {
        "承诺件"
    }
}
