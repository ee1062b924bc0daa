//! The template context of the 服务指南: plain serde structs built from the IR alone.
//!
//! Templates receive these and nothing else, never IR or model nodes.

use super::materials::{self, MaterialRow};
use super::reform::{self, ReformRow};
use super::{notice, step, words, GuideError};
use crate::ir::documents::{self as docs, Department, Documents, MAX_NOTICES};
use crate::ir::MatterIr;
use serde::Serialize;
use yjs_artifacts::PlanGraph;

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
    /// The waiting periods (特殊环节: 公告期, 公示期), not counted in the limits; the guide
    /// names each with its own duration rather than a bound converted into working days.
    pub waits: Vec<WaitRow>,
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
    /// Costs applicants still pay besides the fees, per item.
    pub costs: Vec<NamedText>,
    /// 事项类型: the items' distinct kinds.
    pub kinds: String,
    /// 办理方式: the window, online where the window department gives an address, delivery.
    pub channels: Vec<String>,
    /// Materials the applicant brings as originals although no visit is needed: how they reach
    /// the department is not stated in the DSL, and the guide says so.
    pub originals_without_visit: Vec<String>,
    /// 行政救济 per item: the wording, or `None` when the DSL does not say (the item's kind is
    /// not an administrative act).
    pub remedies: Vec<NamedText>,
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
    /// For an optional item, the question that asks whether the applicant chooses it.
    pub optional: Option<String>,
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
    /// A waiting period: no department, it ends by itself, not counted in the limits.
    pub wait: bool,
    pub start: u32,
    pub finish: u32,
}

/// A waiting period (特殊环节): its name, duration, when it applies and its basis.
#[derive(Debug, Clone, Serialize)]
pub struct WaitRow {
    pub name: String,
    pub duration: String,
    pub applies: String,
    pub basis: String,
}

/// The legal and promised limits of one item, side by side.
#[derive(Debug, Clone, Serialize)]
pub struct LimitRow {
    pub name: String,
    /// 事项类型.
    pub kind: String,
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

/// Who may apply: the `applicant` lines, or derived from the field types (see spec/guide.md).
pub fn applicant(docs: &Documents) -> String {
    if !docs.applicant.is_empty() {
        return docs.applicant.join("、");
    }
    match (docs.identifies.person, docs.identifies.organisation) {
        (true, false) => "自然人".to_string(),
        (false, true) => "法人或其他组织".to_string(),
        (true, true) => "自然人、法人或其他组织".to_string(),
        (false, false) => "见受理条件".to_string(),
    }
}

/// Adds a department unless one with its id is there already.
fn push_unique<'a>(list: &mut Vec<&'a Department>, d: &'a Department) {
    if !list.iter().any(|x| x.id == d.id) {
        list.push(d);
    }
}

/// Builds the guide context.
pub fn guide(ir: &MatterIr, graph: &PlanGraph) -> Result<Guide, GuideError> {
    let docs = &ir.documents;
    let plan = &ir.plan.plan;
    let sits = &ir.form.situations;
    let lead = words::department(docs.lead.as_ref());
    let mut co: Vec<&Department> = Vec::new();
    for d in docs.items.iter().filter_map(|i| i.department.as_ref()) {
        if docs.lead.as_ref().is_none_or(|l| l.id != d.id) {
            push_unique(&mut co, d);
        }
    }
    let co_departments = if co.is_empty() {
        "（无，由牵头部门独立办理）".to_string()
    } else {
        co.iter()
            .map(|d| d.name.clone())
            .collect::<Vec<_>>()
            .join("、")
    };

    let mut basis: Vec<BasisRow> = docs
        .basis
        .iter()
        .map(|b| BasisRow {
            scope: "本事项".to_string(),
            text: b.clone(),
        })
        .collect();
    let mut conditions = Vec::new();
    let mut limits = Vec::new();
    let mut fees = Vec::new();
    let mut results = Vec::new();
    let mut faqs = Vec::new();
    for item in &docs.items {
        let name = item.name.clone();
        let department = words::department(item.department.as_ref());
        let s = step(ir, &item.id)?;
        basis.extend(item.basis.iter().map(|b| BasisRow {
            scope: name.clone(),
            text: b.clone(),
        }));
        conditions.push(ItemConditions {
            name: name.clone(),
            department: department.clone(),
            applies: words::applies(&s.condition, sits),
            optional: item.optional.clone(),
            lines: item.conditions.clone(),
        });
        limits.push(LimitRow {
            name: name.clone(),
            kind: words::item_kind(item.kind.as_deref()),
            department,
            handling: step_handling(s).to_string(),
            legal: words::step_legal(&item.legal, s, &item.legal_bases, sits),
            promise: words::step_promise(s, sits),
            finish: s.earliest_finish,
        });
        fees.push(NamedText {
            name: name.clone(),
            text: if item.fee_by.is_empty() {
                words::fee(item.fee.as_ref())
            } else {
                words::fee_by(&item.fee_by, sits)
            },
        });
        for o in &item.outputs {
            results.push(ResultRow {
                item: name.clone(),
                name: o.name.clone(),
                form: words::output_form(o.electronic, o.paper),
                applies: words::applies(&s.condition, sits),
            });
        }
        faqs.extend(item.faqs.iter().map(|f| FaqRow {
            item: name.clone(),
            question: f.question.clone(),
            answer: f.answer.clone(),
        }));
    }

    let materials = materials::rows(&docs.materials, &docs.templates, sits);
    // The most a single applicant brings: the maximum over the combinations of answers, never
    // the rows of alternatives added up (spec/guide.md §改革成效).
    let worst = reform::worst(ir);
    let bring_count = usize::try_from(worst.0.materials.1).unwrap_or(usize::MAX);
    let notices = NoticeSummary {
        combinations: docs.notices.combinations,
        written: docs.notices.combinations <= MAX_NOTICES,
        limit: MAX_NOTICES,
        files: docs
            .notices
            .list
            .iter()
            .map(|a| format!("notices/{}.md", notice::slug(sits, a)))
            .collect(),
    };

    let name_of = |i: usize| {
        plan.steps
            .get(i)
            .map_or_else(|| graph.id(i).to_string(), |s| s.name.clone())
    };
    let steps = schedule_order(plan)
        .into_iter()
        .enumerate()
        .map(|(n, (i, s))| StepRow {
            n: n + 1,
            id: s.id.clone(),
            name: s.name.clone(),
            department: s.department_name.clone().unwrap_or_default(),
            promise: words::step_limit(s),
            after: if s.after.is_empty() {
                "—".to_string()
            } else {
                graph
                    .predecessors(i)
                    .iter()
                    .map(|a| name_of(*a))
                    .collect::<Vec<_>>()
                    .join("、")
            },
            applies: words::applies(&s.condition, sits),
            critical: s.critical,
            wait: s.kind == yjs_artifacts::StepKind::Wait,
            start: s.earliest_start,
            finish: s.earliest_finish,
        })
        .collect();
    let critical_path = plan
        .critical_path
        .iter()
        .map(|id| graph.index(id).map_or_else(|| id.clone(), name_of))
        .collect::<Vec<_>>()
        .join(" → ");

    let all_free = docs.items.iter().all(docs::Item::is_free);
    let window = docs.window.as_ref().or(docs.lead.as_ref());
    let place = Place {
        department: words::department(window),
        address: window
            .and_then(|d| d.address.clone())
            .unwrap_or_else(|| "未载明".to_string()),
        hours: window
            .and_then(|d| d.hours.clone())
            .unwrap_or_else(|| "未载明".to_string()),
    };
    let mut phone_depts: Vec<&Department> = docs.window.iter().collect();
    for d in docs.items.iter().filter_map(|i| i.department.as_ref()) {
        push_unique(&mut phone_depts, d);
    }
    let phones = phone_depts
        .iter()
        .map(|d| NamedText {
            name: d.name.clone(),
            text: d.phone.clone().unwrap_or_else(|| "未载明".to_string()),
        })
        .collect();

    let mut kinds: Vec<String> = Vec::new();
    for i in &docs.items {
        let k = words::item_kind(i.kind.as_deref());
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let window_dept = docs.window.as_ref().or(docs.lead.as_ref());
    let originals_without_visit: Vec<String> = if docs.visits == Some(0) {
        docs.materials
            .iter()
            .filter(|r| {
                matches!(&r.source, crate::ir::documents::MaterialSource::Applicant(c) if c.original.is_some())
            })
            .map(|r| r.name.clone())
            .collect()
    } else {
        Vec::new()
    };
    let remedies: Vec<NamedText> = docs
        .items
        .iter()
        .map(|i| NamedText {
            name: i.name.clone(),
            text: words::remedy(i.kind.as_deref()).map_or_else(
                || "未载明（该事项类型的救济途径请向办理部门确认）".to_string(),
                str::to_string,
            ),
        })
        .collect();
    let costs: Vec<NamedText> = docs
        .items
        .iter()
        .flat_map(|i| {
            i.costs.iter().map(|(t, b)| NamedText {
                name: i.name.clone(),
                text: words::cost(t, b.as_deref()),
            })
        })
        .collect();
    Ok(Guide {
        costs,
        kinds: kinds.join("、"),
        channels: words::channels(window_dept, &docs.delivery),
        originals_without_visit,
        remedies,
        id: docs.matter.clone(),
        name: docs.name.clone(),
        code: docs.code.clone().unwrap_or_else(|| "未载明".to_string()),
        lead,
        co_departments,
        window: place.department.clone(),
        applicant: applicant(docs),
        handling: handling(&plan.promise.unit).to_string(),
        visits: format!("{}次", docs.visits.unwrap_or(1)),
        basis,
        conditions,
        reform: reform::figures(ir, worst),
        materials,
        bring_count,
        notices,
        steps,
        critical_path,
        limits,
        matter_promise: words::promise(&plan.promise),
        worst_case: plan.total_workdays,
        best_case: plan.best_workdays,
        waits: plan
            .steps
            .iter()
            .filter(|s| s.kind == yjs_artifacts::StepKind::Wait)
            .map(|s| WaitRow {
                name: s.name.clone(),
                duration: words::wait_length(s),
                applies: words::applies(&s.condition, sits),
                basis: words::wait_basis(s),
            })
            .collect(),
        fees,
        fee_total: if all_free {
            "不收费".to_string()
        } else {
            "按各事项收费标准收取，见上表".to_string()
        },
        results,
        delivery: docs.delivery.iter().map(|c| words::delivery(c)).collect(),
        place,
        consult: docs.consult.clone().unwrap_or_else(|| "未载明".to_string()),
        phones,
        complaint: docs
            .complaint
            .clone()
            .unwrap_or_else(|| "未载明".to_string()),
        faqs,
    })
}

/// The steps in the order the 办理流程 lists them: the plan's order, each wait step moved to
/// right after the last of its predecessors (where it starts), so a 公示期 that runs beside
/// the items is not listed after all of them.
fn schedule_order(plan: &yjs_artifacts::Plan) -> Vec<(usize, &yjs_artifacts::Step)> {
    use yjs_artifacts::StepKind;
    let (waits, mut order): (Vec<_>, Vec<_>) = plan
        .steps
        .iter()
        .enumerate()
        .partition(|(_, s)| s.kind == StepKind::Wait);
    for (i, w) in waits {
        let at = order
            .iter()
            .rposition(|(_, s)| w.after.contains(&s.id))
            .map_or(order.len().min(1), |p| p + 1);
        // After any wait already placed there with the same predecessors, in declaration order.
        let at = at
            + order[at..]
                .iter()
                .take_while(|(_, s)| s.kind == StepKind::Wait)
                .count();
        order.insert(at.min(order.len()), (i, w));
    }
    order
}

/// 即办件 for an immediate promise, otherwise 承诺件.
/// 即办件 or 承诺件 for a step; a promise by situation that is 即办 in some cases only is both.
pub fn step_handling(s: &yjs_artifacts::Step) -> &'static str {
    let units: Vec<&str> = if s.promise_by.is_empty() {
        vec![s.promise.unit.as_str()]
    } else {
        s.promise_by.iter().map(|c| c.limit.unit.as_str()).collect()
    };
    match (
        units.contains(&"immediate"),
        units.iter().any(|u| *u != "immediate"),
    ) {
        (true, true) => "即办件或承诺件（分情形）",
        (true, false) => "即办件",
        _ => "承诺件",
    }
}

pub fn handling(unit: &str) -> &'static str {
    if unit == "immediate" {
        "即办件"
    } else {
        "承诺件"
    }
}
