//! The 审查工作细则 of one item's department: what it receives, what it checks, and its time limits.

use super::model::{dept_name, step};
use super::{words, GuideError};
use crate::resolve::Situation;
use crate::resolve::{Material, Matter, Program};
use serde::Serialize;
use yjs_artifacts::{Condition, Plan, Projections};

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

/// Builds the review rules of item `index`.
pub fn review(
    program: &Program,
    matter: &Matter,
    index: usize,
    plan: &Plan,
    projections: &Projections,
) -> Result<Review, GuideError> {
    let sits = &matter.situations;
    let item = matter
        .items
        .get(index)
        .ok_or_else(|| GuideError::MissingStep {
            matter: matter.id.name.clone(),
            step: format!("#{index}"),
        })?;
    let id = item.id.name.clone();
    let s = step(plan, matter, &id)?;
    let p = projections
        .items
        .iter()
        .find(|p| p.item == id)
        .ok_or_else(|| GuideError::MissingProjection {
            matter: matter.id.name.clone(),
            item: id.clone(),
        })?;
    let name_of = |sid: &str| {
        plan.steps.iter().find(|x| x.id == sid).map_or_else(
            || sid.to_string(),
            |x| format!("{}（{}）", x.name, x.department_name),
        )
    };
    let outputs = item
        .outputs
        .iter()
        .enumerate()
        .map(|(oi, o)| {
            let users: Vec<String> = matter
                .items
                .iter()
                .filter(|other| {
                    other.materials.iter().any(|m| {
                        matches!(m, Material::Reuse { item: f, output, .. } if *f == index && *output == oi)
                    })
                })
                .map(|other| other.name.value.clone())
                .collect();
            ReviewOutput {
                name: o.name.value.clone(),
                used_by: if users.is_empty() {
                    "仅送达申请人".to_string()
                } else {
                    users.join("、")
                },
            }
        })
        .collect();
    let warn = plan.supervision.warn_percent;
    let warn_after = match s.promise.unit.as_str() {
        "immediate" => "即办事项，当场办结".to_string(),
        _ => {
            let tenths = u64::from(s.promise.workdays) * u64::from(warn) / 10;
            format!("自本步骤开始后约{}.{}个工作日", tenths / 10, tenths % 10)
        }
    };
    Ok(Review {
        matter: matter.name.value.clone(),
        id: id.clone(),
        name: item.name.value.clone(),
        code: item
            .code
            .as_ref()
            .map_or_else(|| "未载明".to_string(), |c| c.value.clone()),
        department: dept_name(program, item.department),
        applies: words::applies(&p.condition, sits),
        fields: p
            .fields
            .iter()
            .map(|f| ReviewField {
                name: f.name.clone(),
                label: f.label.clone(),
                ty: f.ty.clone(),
                pointer: f.pointer.clone(),
                required: required_words(f.required.as_required(), sits),
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
        points: item.review.iter().map(|r| r.value.clone()).collect(),
        legal: s
            .legal
            .as_ref()
            .map_or_else(|| "未载明".to_string(), words::limit),
        promise: words::promise(&s.promise),
        start: s.earliest_start,
        finish: s.earliest_finish,
        latest: s.latest_finish,
        slack: s.slack,
        critical: s.critical,
        waits_for: s.after.iter().map(|a| name_of(a)).collect(),
        feeds: plan
            .steps
            .iter()
            .filter(|x| x.after.contains(&id))
            .map(|x| name_of(&x.id))
            .collect(),
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

/// `必填`, `选填`, or `…时必填`.
fn required_words(req: Option<&Condition>, sits: &[Situation]) -> String {
    match req {
        Some(Condition::Always) => "必填".to_string(),
        None => "选填".to_string(),
        Some(Condition::Any { args }) if args.is_empty() => "选填".to_string(),
        Some(Condition::Not { arg }) if arg.is_always() => "选填".to_string(),
        Some(c) => format!("{}必填", words::applies(c, sits)),
    }
}
