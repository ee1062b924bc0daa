//! 改革成效: one-by-one handling compared with the merged matter; formulas in spec/guide.md.

use super::materials::MaterialRow;
use super::words;
use crate::ir::MatterIr;
use serde::Serialize;
use std::collections::BTreeSet;

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

/// The typical steps of handling one item on its own: 申请, 受理, 审批, 送达.
pub const STEPS_PER_ITEM: usize = 4;

/// Computes every figure (see spec/guide.md §改革成效 for the formulas).
pub fn figures(ir: &MatterIr, rows: &[MaterialRow]) -> Vec<ReformRow> {
    let plan = &ir.plan.plan;
    let items = &ir.documents.items;
    let depts: BTreeSet<&str> = items
        .iter()
        .filter_map(|i| i.department.as_ref().map(|d| d.id.as_str()))
        .collect();

    let materials_before: usize = items.iter().map(|i| i.material_count).sum();
    let materials_after = rows.iter().filter(|r| !r.exempt).count();

    let days_before: u64 = items
        .iter()
        .map(|i| {
            ir.plan
                .step(&i.id)
                .map_or(0, |s| u64::from(s.promise.workdays))
        })
        .sum();

    let trips_before: u64 = items.iter().map(|i| u64::from(i.visits.unwrap_or(1))).sum();
    let trips_after = u64::from(ir.documents.visits.unwrap_or(1));

    let fees: Option<f64> = items
        .iter()
        .map(|i| words::fee_yuan(i.fee.as_ref()))
        .try_fold(0.0, |acc, f| f.map(|f| acc + f));

    vec![
        row(
            "跑动部门（窗口）",
            depts.len() as u64,
            1,
            "个",
            "事项所属的不同部门数 → 1个综合受理窗口",
        ),
        row(
            "办理环节",
            (items.len() * STEPS_PER_ITEM) as u64,
            plan.steps.len() as u64,
            "个",
            "事项数 × 4（申请、受理、审批、送达）→ 联办计划的步骤数（受理、各事项、送达）",
        ),
        row(
            "填报字段",
            ir.form.fields_before as u64,
            ir.form.fields_after as u64,
            "项",
            "各事项表单字段之和 → 一张合并表单的字段数",
        ),
        row(
            "申请材料",
            materials_before as u64,
            materials_after as u64,
            "份",
            "各事项逐项申请时提交的材料之和（含可共享、可复用的材料）→ 合并后申请人需提交的材料数",
        ),
        row(
            "办理时间",
            days_before,
            u64::from(plan.total_workdays),
            "个工作日",
            "各事项承诺时限之和 → 联办计划最长情形的总时限",
        ),
        row(
            "到现场次数",
            trips_before,
            trips_after,
            "次",
            "各事项到现场次数之和（未载明的按1次）→ 本事项到现场次数",
        ),
        fee_row(fees),
    ]
}

fn row(aspect: &str, before: u64, after: u64, unit: &str, basis: &str) -> ReformRow {
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
    let basis = "各事项收费之和 → 合并办理的收费之和（合并办理不增加收费）".to_string();
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
