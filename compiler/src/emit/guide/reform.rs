//! 改革成效: each item handled on its own compared with the merged matter, per scenario.
//!
//! The method (spec/guide.md §改革成效): "before" handles every applicable item separately,
//! with its own acceptance, processing, delivery, visits, forms and materials; "after" is the
//! merged matter. Every count is taken per combination of answers and the figure printed is the
//! maximum over combinations, so alternatives that never apply together are never added up.

use super::words;
use crate::ir::documents::{Documents, Item, MaterialSource, MAX_REFORM_COMBINATIONS};
use crate::ir::MatterIr;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
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

/// The counts of one scenario that only the merged form and materials table give (the other
/// figures are check's, in `Documents::reform`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub fields: (u64, u64),
    pub materials: (u64, u64),
    /// The fees of the applicable items (`None` when one is not stated or not a number).
    pub fees: Option<f64>,
}

/// The form's counts of a set of applicable items: the fields each item's own form has, summed,
/// and the fields of the merged form.
type FieldCounts = (u64, u64);

/// The counts of one scenario; `given` is `None` for the bound in which every item applies.
/// `fields` remembers the form's counts by the set of applicable items: a matter has hundreds of
/// combinations of answers but a few such sets, and merging the fields is most of the work.
fn counts(
    ir: &MatterIr,
    given: Option<&Answers>,
    fields: &mut FxHashMap<Vec<bool>, FieldCounts>,
) -> Counts {
    let docs = &ir.documents;
    let holds = |c: &Condition| given.is_none_or(|g| c.eval(g));
    let applies: Vec<bool> = docs.items.iter().map(|i| holds(&i.applies)).collect();
    let items: Vec<&Item> = docs
        .items
        .iter()
        .zip(&applies)
        .filter_map(|(i, a)| a.then_some(i))
        .collect();
    let fields = *fields.entry(applies).or_insert_with(|| {
        let before: u64 = items.iter().map(|i| i.fields.len() as u64).sum();
        let mut merged: FxHashSet<(&str, &str)> = FxHashSet::default();
        for i in &items {
            for f in &i.fields {
                merged.insert(match &f.shared {
                    Some(shared) => ("", shared.as_str()),
                    None => (i.id.as_str(), f.name.as_str()),
                });
            }
        }
        (before, merged.len() as u64)
    });
    let (mut materials_before, mut materials_after) = (0, 0);
    for r in &docs.materials {
        let uses = r.uses.iter().filter(|c| holds(c)).count() as u64;
        materials_before += uses;
        if uses > 0 && matches!(r.source, MaterialSource::Applicant(_)) {
            materials_after += 1;
        }
    }
    Counts {
        fields,
        materials: (materials_before, materials_after),
        fees: items
            .iter()
            .map(|i| {
                let fee = given.map_or_else(|| i.fee_worst(), |g| i.fee_for(g));
                words::fee_yuan(fee)
            })
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
        return (counts(ir, None, &mut FxHashMap::default()), bounded);
    }
    let mut w = Counts {
        fees: Some(0.0),
        ..Counts::default()
    };
    let mut fields = FxHashMap::default();
    for combination in all {
        let answers = super::notice::answers(sits, combination);
        let c = counts(ir, Some(&answers), &mut fields);
        let max = |a: (u64, u64), b: (u64, u64)| (a.0.max(b.0), a.1.max(b.1));
        w.fields = max(w.fields, c.fields);
        w.materials = max(w.materials, c.materials);
        w.fees = match (w.fees, c.fees) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
    }
    (w, false)
}

/// Computes every figure (see spec/guide.md §改革成效 for the method) from the matter's
/// [`worst`] counts, computed once by the caller (it also gives how many materials an
/// applicant brings).
pub fn figures(ir: &MatterIr, (c, bounded): (Counts, bool)) -> Vec<ReformRow> {
    let r = &ir.documents.reform;
    let bounded = bounded || r.bounded;
    let scope = if bounded {
        "（情形组合过多，按全部事项均适用计算，为上限）"
    } else {
        "（各情形组合中的最大值）"
    };
    // A waiting period (公示期) is no handling time on either side (行政许可法 第四十五条).
    let waits = if ir
        .plan
        .plan
        .steps
        .iter()
        .any(|s| s.kind == yjs_artifacts::StepKind::Wait)
    {
        "（公告期、公示期等特殊环节两侧均不计入）"
    } else {
        ""
    };
    let with = |basis: &str| format!("{basis}{scope}");
    let mut legal_basis = "适用事项法定时限之和".to_string();
    if r.without_legal > 0 {
        legal_basis += &format!(
            "（最多{}项法律法规未规定或未载明办理时限，未计入）",
            r.without_legal
        );
    }
    let mut rows = vec![
        row(
            "跑动部门（窗口）",
            r.departments,
            "个",
            &with("适用事项所属的不同部门数 → 1个综合受理窗口"),
        ),
        row(
            "办理环节",
            r.steps,
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
            r.days,
            "个工作日",
            &with(&format!(
                "适用事项各自「受理 + 承诺时限 + 送达」之和 → 联办计划该情形的总时限{waits}"
            )),
        ),
        row(
            "到现场次数",
            r.visits,
            "次",
            &with("适用事项到现场次数之和（未载明的按1次）→ 本事项到现场次数"),
        ),
        row(
            "法定时限（对照）",
            r.legal,
            "个工作日",
            &with(&format!("{legal_basis} → 联办计划该情形的总时限{waits}")),
        ),
        fee_row(c.fees),
    ];
    // A figure the analyst acknowledged as worse (`worse FIGURE "reason"`) carries the reason.
    for (figure, reason) in &r.accepted {
        let aspect = FIGURES.iter().find(|(f, _)| f == figure).map(|(_, a)| *a);
        if let Some(row) = rows.iter_mut().find(|r| Some(r.aspect.as_str()) == aspect) {
            row.change = format!("{}（说明：{reason}）", row.change);
        }
    }
    rows
}

/// The DSL names of the figures check counts, with their rows.
const FIGURES: [(&str, &str); 2] = [("days", "办理时间"), ("visits", "到现场次数")];

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
