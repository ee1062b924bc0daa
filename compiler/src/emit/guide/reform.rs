//! 改革成效: each item handled on its own compared with the merged matter, per scenario.
//!
//! The method (spec/guide.md §改革成效): "before" handles every applicable item separately,
//! with its own acceptance, processing, delivery, visits, forms and materials; "after" is the
//! merged matter. Every count is taken per combination of answers and the figure printed is the
//! maximum over combinations, so alternatives that never apply together are never added up.

use super::words;
use crate::ir::documents::{Documents, Item, MaterialSource, MAX_REFORM_COMBINATIONS};
use crate::ir::MatterIr;
use serde::Serialize;
use std::collections::{BTreeSet, HashSet};
use yjs_artifacts::{Answers, Condition};

/// One figure: before → after with the change.
#[derive(Debug, Clone, Serialize)]
pub struct ReformRow {
    /// What is compared.
    pub aspect: String,
    /// One-by-one handling.
    pub before: String,
    /// The merged matter.
    pub after: String,
    /// The reduction, in words.
    pub change: String,
    /// How the figure is counted.
    pub basis: String,
}

/// The 环节 of handling one item on its own: 受理, 审批（办理）, 送达.
pub const STEPS_PER_ITEM: u64 = 3;

/// The counts of one scenario, before and after.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub departments: (u64, u64),
    pub steps: (u64, u64),
    pub fields: (u64, u64),
    pub materials: (u64, u64),
    pub workdays: (u64, u64),
    pub visits: (u64, u64),
    /// The sum of the applicable items' legal limits in working days, and how many applicable
    /// items have none (`legal unregulated` or no `legal`).
    pub legal: (u64, u64),
    /// The fees of the applicable items (`None` when one is not stated or not a number).
    pub fees: Option<f64>,
}

/// The counts of one scenario; `given` is `None` for the bound in which every item applies.
pub fn counts(ir: &MatterIr, given: Option<&Answers>) -> Counts {
    let docs = &ir.documents;
    let plan = &ir.plan.plan;
    let holds = |c: &Condition| given.is_none_or(|g| c.eval(g));
    let items: Vec<&Item> = docs.items.iter().filter(|i| holds(&i.applies)).collect();
    let n = items.len() as u64;
    // Each item's own limits for these answers (a limit by situation at its arm); the worst
    // arm for the bound.
    let workdays = |id: &str| {
        ir.plan.step(id).map_or(0, |s| {
            u64::from(given.map_or(&s.promise, |g| s.promise_for(g)).workdays)
        })
    };
    let legal_of = |id: &str| {
        ir.plan
            .step(id)
            .and_then(|s| given.map_or(s.legal.as_ref(), |g| s.legal_for(g)))
    };
    let (accept, deliver) = (workdays("accept"), workdays("deliver"));

    let departments: BTreeSet<&str> = items
        .iter()
        .filter_map(|i| i.department.as_ref().map(|d| d.id.as_str()))
        .collect();
    let fields_before: u64 = items.iter().map(|i| i.fields.len() as u64).sum();
    let mut merged: HashSet<(&str, &str)> = HashSet::new();
    for i in &items {
        for f in &i.fields {
            merged.insert(match &f.shared {
                Some(shared) => ("", shared.as_str()),
                None => (i.id.as_str(), f.name.as_str()),
            });
        }
    }
    let (mut materials_before, mut materials_after) = (0, 0);
    for r in &docs.materials {
        let uses = r.uses.iter().filter(|c| holds(c)).count() as u64;
        materials_before += uses;
        if uses > 0 && matches!(r.source, MaterialSource::Applicant(_)) {
            materials_after += 1;
        }
    }
    let days_before: u64 = items
        .iter()
        .map(|i| accept + workdays(&i.id) + deliver)
        .sum();
    // A scenario may name only the situations that decide the items.
    let days_after = given
        .and_then(|g| {
            plan.scenarios
                .list
                .iter()
                .find(|sc| sc.answers.iter().all(|(k, v)| g.get(k) == Some(v)))
        })
        .map_or(plan.total_workdays, |sc| sc.total_workdays);
    let legal: u64 = items
        .iter()
        .filter_map(|i| legal_of(&i.id))
        .map(|l| u64::from(l.workdays))
        .sum();
    let without_legal = items.iter().filter(|i| legal_of(&i.id).is_none()).count() as u64;
    Counts {
        departments: (departments.len() as u64, 1),
        steps: (n * STEPS_PER_ITEM, n + 2),
        fields: (fields_before, merged.len() as u64),
        materials: (materials_before, materials_after),
        workdays: (days_before, u64::from(days_after)),
        visits: (
            items.iter().map(|i| u64::from(i.visits.unwrap_or(1))).sum(),
            u64::from(docs.visits.unwrap_or(1)),
        ),
        legal: (legal, without_legal),
        fees: items
            .iter()
            .map(|i| words::fee_yuan(i.fee.as_ref()))
            .try_fold(0.0, |acc, f| f.map(|f| acc + f)),
    }
}

/// The figures over every scenario: each the maximum over the combinations of answers.
pub fn worst(ir: &MatterIr) -> (Counts, bool) {
    let docs: &Documents = &ir.documents;
    let sits = &ir.form.situations;
    let all = &docs.notices.all;
    let bounded = docs.notices.combinations > MAX_REFORM_COMBINATIONS;
    if bounded || all.is_empty() {
        return (counts(ir, None), bounded);
    }
    let mut w = Counts {
        fees: Some(0.0),
        ..Counts::default()
    };
    for combination in all {
        let c = counts(ir, Some(&super::notice::answers(sits, combination)));
        let max = |a: (u64, u64), b: (u64, u64)| (a.0.max(b.0), a.1.max(b.1));
        w.departments = max(w.departments, c.departments);
        w.steps = max(w.steps, c.steps);
        w.fields = max(w.fields, c.fields);
        w.materials = max(w.materials, c.materials);
        w.workdays = max(w.workdays, c.workdays);
        w.visits = max(w.visits, c.visits);
        w.legal = max(w.legal, c.legal);
        w.fees = match (w.fees, c.fees) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
    }
    (w, false)
}

/// Computes every figure (see spec/guide.md §改革成效 for the method).
pub fn figures(ir: &MatterIr) -> Vec<ReformRow> {
    let (c, bounded) = worst(ir);
    let scope = if bounded {
        "（情形组合过多，按全部事项均适用计算，为上限）"
    } else {
        "（各情形组合中的最大值）"
    };
    let with = |basis: &str| format!("{basis}{scope}");
    let mut legal_basis = "适用事项法定时限之和".to_string();
    if c.legal.1 > 0 {
        legal_basis += &format!("（最多{}项法律法规未规定办理时限，未计入）", c.legal.1);
    }
    vec![
        row(
            "跑动部门（窗口）",
            c.departments,
            "个",
            &with("适用事项所属的不同部门数 → 1个综合受理窗口"),
        ),
        row(
            "办理环节",
            c.steps,
            "个",
            &with("适用事项数 × 3（受理、办理、送达）→ 1次受理 + 各适用事项 + 1次送达"),
        ),
        row(
            "填报字段",
            c.fields,
            "项",
            &with("适用事项表单字段之和 → 合并表单中适用的字段数（共享字段只填一次）"),
        ),
        row(
            "申请材料",
            c.materials,
            "份",
            &with("适用事项逐项申请时各自提交的材料之和（含可共享、可复用的材料）→ 合并后申请人需提交的材料数"),
        ),
        row(
            "办理时间",
            c.workdays,
            "个工作日",
            &with("适用事项各自「受理 + 承诺时限 + 送达」之和 → 联办计划该情形的总时限"),
        ),
        row(
            "到现场次数",
            c.visits,
            "次",
            &with("适用事项到现场次数之和（未载明的按1次）→ 本事项到现场次数"),
        ),
        ReformRow {
            aspect: "法定时限（对照）".to_string(),
            before: format!("{}个工作日", c.legal.0),
            after: format!("{}个工作日", c.workdays.1),
            change: change(c.legal.0, c.workdays.1, "个工作日"),
            basis: with(&format!("{legal_basis} → 联办计划该情形的总时限")),
        },
        fee_row(c.fees),
    ]
}

fn row(aspect: &str, (before, after): (u64, u64), unit: &str, basis: &str) -> ReformRow {
    ReformRow {
        aspect: aspect.to_string(),
        before: format!("{before}{unit}"),
        after: format!("{after}{unit}"),
        change: change(before, after, unit),
        basis: basis.to_string(),
    }
}

/// `减少N单位（P%）`, `持平`, or `增加N单位`.
pub fn change(before: u64, after: u64, unit: &str) -> String {
    match after.cmp(&before) {
        std::cmp::Ordering::Less => {
            let d = before - after;
            let pct = (d * 100 + before / 2) / before.max(1);
            format!("减少{d}{unit}（{pct}%）")
        }
        std::cmp::Ordering::Equal => "持平".to_string(),
        std::cmp::Ordering::Greater => format!("增加{}{unit}", after - before),
    }
}

fn fee_row(fees: Option<f64>) -> ReformRow {
    let basis = "适用事项收费之和 → 合并办理的收费之和（合并办理不增加收费）".to_string();
    let (before, after, change) = match fees {
        Some(f) if f.abs() < f64::EPSILON => (
            "不收费".to_string(),
            "不收费".to_string(),
            "持平".to_string(),
        ),
        Some(f) => (format!("{f}元"), format!("{f}元"), "持平".to_string()),
        None => (
            "未载明".to_string(),
            "未载明".to_string(),
            "无法比较（有事项未载明收费）".to_string(),
        ),
    };
    ReformRow {
        aspect: "收费".to_string(),
        before,
        after,
        change,
        basis,
    }
}

#[cfg(test)]
mod tests {
    use super::change;

    #[test]
    fn change_words() {
        assert_eq!(change(20, 7, "个"), "减少13个（65%）");
        assert_eq!(change(5, 7, "个工作日"), "增加2个工作日");
        assert_eq!(change(0, 0, "次"), "持平");
    }
}
