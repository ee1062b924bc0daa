//! The 审查工作细则 of one item's department: what it receives, what it checks, and its time limits.

use super::{step, words, GuideError};
use crate::ir::form::Question;
use crate::ir::MatterIr;
use serde::Serialize;
use yjs_artifacts::{Condition, PlanGraph, Projections};

/// The review rules of one item.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub matter: String,
    pub id: String,
    pub name: String,
    pub code: String,
    pub department: String,
    pub applies: String,
    pub fields: Vec<ReviewField>,
    pub materials: Vec<ReviewMaterial>,
    pub points: Vec<String>,
    pub legal: String,
    pub promise: String,
    pub start: u32,
    pub finish: u32,
    pub latest: u32,
    pub slack: u32,
    pub critical: bool,
    pub waits_for: Vec<String>,
    pub feeds: Vec<String>,
    pub outputs: Vec<ReviewOutput>,
    pub warn_percent: u32,
    pub warn_after: String,
}

/// A field as the department receives it.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewField {
    pub name: String,
    pub label: String,
    pub ty: String,
    pub pointer: String,
    pub required: String,
}

/// A material as the department receives it.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewMaterial {
    pub name: String,
    pub source: String,
    pub applies: String,
}

/// An output and the items that reuse it.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewOutput {
    pub name: String,
    pub used_by: String,
}

/// Builds the review rules of item `index` (a position in the documents' items).
pub fn review(
    ir: &MatterIr,
    graph: &PlanGraph,
    index: usize,
    projections: &Projections,
) -> Result<Review, GuideError> {
    let docs = &ir.documents;
    let sits = &ir.form.situations;
    let plan = &ir.plan.plan;
    let item = docs
        .items
        .get(index)
        .ok_or_else(|| GuideError::MissingStep {
            matter: docs.matter.clone(),
            step: format!("#{index}"),
        })?;
    let id = item.id.clone();
    let s = step(ir, &id)?;
    let p = projections
        .items
        .iter()
        .find(|p| p.item == id)
        .ok_or_else(|| GuideError::MissingProjection {
            matter: docs.matter.clone(),
            item: id.clone(),
        })?;
    let name_of = |i: usize| {
        plan.steps.get(i).map_or_else(
            || graph.id(i).to_string(),
            |x| match &x.department_name {
                Some(d) => format!("{}（{}）", x.name, d),
                None => x.name.clone(),
            },
        )
    };
    let at = graph.index(&id).ok_or_else(|| GuideError::MissingStep {
        matter: docs.matter.clone(),
        step: id.clone(),
    })?;
    let outputs = item
        .outputs
        .iter()
        .map(|o| ReviewOutput {
            name: o.name.clone(),
            used_by: if o.used_by.is_empty() {
                "仅送达申请人".to_string()
            } else {
                o.used_by.join("、")
            },
        })
        .collect();
    let warn = plan.supervision.warn_percent;
    let warn_at = |l: &yjs_artifacts::Limit| match l.unit.as_str() {
        "immediate" => "即办事项，当场办结".to_string(),
        _ => {
            let tenths = u64::from(l.workdays) * u64::from(warn) / 10;
            format!("自本步骤开始后约{}.{}个工作日", tenths / 10, tenths % 10)
        }
    };
    let warn_after = if s.promise_by.is_empty() {
        warn_at(&s.promise)
    } else {
        words::by_situation(&s.promise_by, sits, |_, l| warn_at(l))
    };
    Ok(Review {
        matter: docs.name.clone(),
        id: id.clone(),
        name: item.name.clone(),
        code: item.code.clone().unwrap_or_else(|| "未载明".to_string()),
        department: words::department(item.department.as_ref()),
        applies: words::applies(&p.condition, sits),
        fields: p
            .fields
            .iter()
            .map(|f| ReviewField {
                name: f.name.clone(),
                label: f.label.clone(),
                ty: f.ty.clone(),
                pointer: f.pointer.clone(),
                required: need_words(&f.applies, f.required.as_required(), sits),
            })
            .collect(),
        materials: p
            .materials
            .iter()
            .map(|m| ReviewMaterial {
                name: m.name.clone(),
                source: match m.source.as_str() {
                    "applicant" => "申请人提交".to_string(),
                    "shared" => "数据共享获取".to_string(),
                    "output" => "前序事项办结结果".to_string(),
                    other => other.to_string(),
                },
                applies: words::applies(&m.condition, sits),
            })
            .collect(),
        points: item.review.clone(),
        legal: words::step_legal(&item.legal, s, &item.legal_bases, sits),
        promise: words::step_promise(s, sits),
        start: s.earliest_start,
        finish: s.earliest_finish,
        latest: s.latest_finish,
        slack: s.slack,
        critical: s.critical,
        waits_for: graph.predecessors(at).iter().map(|p| name_of(*p)).collect(),
        feeds: graph.successors(at).iter().map(|x| name_of(*x)).collect(),
        outputs,
        warn_percent: warn,
        warn_after,
    })
}

/// A projected field's `required`: a condition, or (in later artifact versions) an optional one
/// where `None` means never.
trait Required {
    fn as_required(&self) -> Option<&Condition>;
}

impl Required for Condition {
    fn as_required(&self) -> Option<&Condition> {
        Some(self)
    }
}

impl Required for Option<Condition> {
    fn as_required(&self) -> Option<&Condition> {
        self.as_ref()
    }
}

/// For a field with its own `when`, where it is filled at all before whether it must be:
/// `…的，填写此项（必填）；其他情形不填`. Otherwise [`required_words`].
fn need_words(applies: &Condition, req: Option<&Condition>, sits: &[Question]) -> String {
    if applies.is_always() {
        return required_words(req, sits);
    }
    let need = match req {
        // Required wherever it is filled (its `required` includes its `when`).
        Some(r) if r == applies || r.is_always() => "必填".to_string(),
        other => required_words(other, sits),
    };
    format!(
        "{}，填写此项（{need}）；其他情形不填",
        words::applies(applies, sits)
    )
}

/// `必填`, `选填`, or `…的，必填`.
fn required_words(req: Option<&Condition>, sits: &[Question]) -> String {
    match req {
        Some(Condition::Always) => "必填".to_string(),
        None => "选填".to_string(),
        Some(Condition::Any { args }) if args.is_empty() => "选填".to_string(),
        Some(Condition::Not { arg }) if arg.is_always() => "选填".to_string(),
        Some(c) => format!("{}，必填", words::applies(c, sits)),
    }
}
