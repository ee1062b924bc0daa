//! Chinese wording shared by every document: time limits, fees, conditions, material forms.
//!
//! Conditions are worded by the phrase grammar of `phrase.rs`.
//!
//! The IR says what holds (a fee is none or an amount, a material has counts); the words are
//! chosen here, and only here.

use crate::ir::documents::{Copies, Department, Fee, FeeArm, Legal, Necessity};
use crate::ir::form::Question;
use yjs_artifacts::{Answer, Condition, Limit, LimitCase, Step};

/// A limit as a length, e.g. `即办`, `2个工作日`, `30日（自然日）`.
pub fn limit(l: &Limit) -> String {
    match l.unit.as_str() {
        "immediate" => "即办".to_string(),
        "workdays" => format!("{}个工作日", l.amount),
        "days" => format!("{}日（自然日）", l.amount),
        "hours" => format!("{}小时", l.amount),
        other => format!("{} {other}", l.amount),
    }
}

/// The article that moves a period's last day past a rest day.
pub const ROLL_FORWARD_BASIS: &str = "《中华人民共和国民法典》第二百零三条";

/// A waiting period's length: its limit, `20日（自然日，最后一日遇法定休假日顺延）` when its last
/// day rolls forward.
pub fn wait_length(s: &Step) -> String {
    if s.rolls_forward() {
        format!("{}日（自然日，最后一日遇法定休假日顺延）", s.promise.amount)
    } else {
        limit(&s.promise)
    }
}

/// A waiting period's basis: the article that sets its duration (or 未注明依据), and the one
/// that rolls its last day forward when it does.
pub fn wait_basis(s: &Step) -> String {
    let basis = s.basis.as_deref().unwrap_or("未注明依据");
    if s.rolls_forward() {
        format!("{basis}；顺延：{ROLL_FORWARD_BASIS}")
    } else {
        basis.to_string()
    }
}

/// A promised limit as the guide words it: `即办`, or `自受理之日起N个工作日内办结`.
pub fn promise(l: &Limit) -> String {
    match l.unit.as_str() {
        "immediate" => "即办".to_string(),
        _ => format!("自受理之日起{}内办结", limit(l)),
    }
}

/// A limit by situation, arm by arm in written order: `A的，即办；其他情形，自受理之日起13个工作日内办结`.
/// `word` words one arm's limit (it gets the arm's index, for its basis).
pub fn by_situation(
    cases: &[LimitCase],
    situations: &[Question],
    word: impl Fn(usize, &Limit) -> String,
) -> String {
    cases
        .iter()
        .enumerate()
        .map(|(i, c)| match &c.when {
            Condition::Always => format!("其他情形，{}", word(i, &c.limit)),
            w => format!("{}，{}", applies(w, situations), word(i, &c.limit)),
        })
        .collect::<Vec<_>>()
        .join("；")
}

/// A step's promise as the guide words it: one limit, or each arm by situation.
pub fn step_promise(step: &Step, situations: &[Question]) -> String {
    if step.promise_by.is_empty() {
        promise(&step.promise)
    } else {
        by_situation(&step.promise_by, situations, |_, l| promise(l))
    }
}

/// A step's legal limit as the documents print it: one limit with its source, or each arm by
/// situation with its own (`bases`, in the arms' order).
pub fn step_legal(
    legal_: &Legal,
    step: &Step,
    bases: &[Option<String>],
    situations: &[Question],
) -> String {
    if step.legal_by.is_empty() {
        return legal(legal_, step.legal.as_ref());
    }
    by_situation(&step.legal_by, situations, |i, l| {
        let basis = bases.get(i).cloned().flatten();
        legal(&Legal::Limit { basis }, Some(l))
    })
}

/// A step's promised length in a few characters: one limit, or its arms' distinct limits
/// joined with `或` (`即办或13个工作日`), for a chart's box.
pub fn step_limit(step: &Step) -> String {
    step_limit_with(step, limit)
}

/// A step's promise worded by `word`: one limit, or its arms' distinct wordings joined with `或`.
pub fn step_limit_with(step: &Step, word: impl Fn(&Limit) -> String) -> String {
    if step.promise_by.is_empty() {
        return word(&step.promise);
    }
    let mut seen: Vec<String> = Vec::new();
    for c in &step.promise_by {
        let w = word(&c.limit);
        if !seen.contains(&w) {
            seen.push(w);
        }
    }
    seen.join("或")
}

/// The fee as the guide prints it: `不收费` for `fee none`, never "无".
pub fn fee(f: Option<&Fee>) -> String {
    let Some(f) = f else {
        return "未载明（请向办理部门确认）".to_string();
    };
    let amount = match &f.yuan {
        None => "不收费".to_string(),
        Some(yuan) => format!("{yuan}元"),
    };
    match &f.basis {
        Some(basis) => format!("{amount}（依据：{basis}）"),
        None => amount,
    }
}

/// A fee by situation: each arm with its fee and source, when it applies, the `otherwise` arm
/// last as 其他情形: `为城市最低生活保障对象的：不收费（依据：…）；其他情形：20元（依据：…）`.
pub fn fee_by(arms: &[FeeArm], situations: &[Question]) -> String {
    arms.iter()
        .map(|a| {
            let when = match &a.when {
                Some(c) => applies(c, situations),
                None => "其他情形".to_string(),
            };
            format!("{when}：{}", fee(Some(&a.fee)))
        })
        .collect::<Vec<_>>()
        .join("；")
}

/// The legal time limit as the documents print it: the length with the article that sets
/// it, or `法律法规未规定办理时限`; a length without a source says so, never passing as law.
pub fn legal(legal: &Legal, length: Option<&Limit>) -> String {
    match (legal, length) {
        (Legal::Unregulated { .. }, _) => "法律法规未规定办理时限".to_string(),
        (Legal::Limit { basis: Some(b) }, Some(l)) => format!("{}（依据：{b}）", limit(l)),
        (Legal::Limit { basis: None }, Some(l)) => format!("{}（未注明法律依据）", limit(l)),
        _ => "未载明".to_string(),
    }
}

/// The fee in yuan, for the reform figures (`None` when not stated or not a number).
pub fn fee_yuan(f: Option<&Fee>) -> Option<f64> {
    match f?.yuan.as_ref() {
        None => Some(0.0),
        Some(yuan) => yuan.parse().ok(),
    }
}

/// The name of a department, or `未载明`.
pub fn department(d: Option<&Department>) -> String {
    d.map_or_else(|| "未载明".to_string(), |d| d.name.clone())
}

/// 办理方式: where and how the matter is applied for — the window (with its address and
/// hours), online where the window department gives an address, and how results arrive.
pub fn channels(window: Option<&Department>, delivery: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(d) = window {
        let mut at = format!("窗口办理：{}", d.name);
        if let Some(a) = &d.address {
            at.push_str(&format!("（{a}）"));
        }
        if let Some(h) = &d.hours {
            at.push_str(&format!("，办理时间{h}"));
        }
        out.push(at);
        if let Some(w) = &d.website {
            out.push(format!("网上办理：{w}"));
        }
    }
    if !delivery.is_empty() {
        let d: Vec<String> = delivery.iter().map(|c| self::delivery(c)).collect();
        out.push(format!("结果送达：{}", d.join("、")));
    }
    out
}

/// A cost besides the fee, with its basis or `（未注明依据）`.
pub fn cost(text: &str, basis: Option<&str>) -> String {
    match basis {
        Some(b) => format!("{text}（依据：{b}）"),
        None => format!("{text}（未注明依据）"),
    }
}

/// An item's kind (事项类型) in Chinese, `未载明` when the DSL gives none.
pub fn item_kind(kind: Option<&str>) -> String {
    match kind {
        Some("administrative_license") => "行政许可",
        Some("administrative_confirmation") => "行政确认",
        Some("administrative_payment") => "行政给付",
        Some("administrative_award") => "行政奖励",
        Some("administrative_ruling") => "行政裁决",
        Some("filing") => "备案",
        Some("public_service") => "公共服务",
        Some("other") => "其他",
        Some(other) => other,
        None => "未载明",
    }
    .to_string()
}

/// 行政救济 for an item of this kind: an administrative act (许可、确认、给付、奖励、裁决) may be
/// challenged by 行政复议 or 行政诉讼 under those two laws; for other kinds the guide says the
/// way is not stated rather than guess (`None`).
pub fn remedy(kind: Option<&str>) -> Option<&'static str> {
    match kind {
        Some(
            "administrative_license"
            | "administrative_confirmation"
            | "administrative_payment"
            | "administrative_award"
            | "administrative_ruling",
        ) => Some(
            "申请人对办理结果不服的，可以依法申请行政复议或者提起行政诉讼（依据：《中华人民共和国行政复议法》《中华人民共和国行政诉讼法》）",
        ),
        _ => None,
    }
}

/// A delivery channel in Chinese.
pub fn delivery(channel: &str) -> String {
    match channel {
        "online" => "网上送达（电子证照推送至申请人账户）".to_string(),
        "mail" => "邮寄送达".to_string(),
        "window" => "窗口领取".to_string(),
        other => other.to_string(),
    }
}

/// The form of a declared material: `原件1份`, `复印件2份`, `电子`.
pub fn material_form(a: &Copies) -> String {
    let mut parts = Vec::new();
    if let Some(n) = a.original {
        parts.push(format!("原件{n}份"));
    }
    if let Some(n) = a.copy {
        parts.push(format!("复印件{n}份"));
    }
    if a.electronic {
        parts.push("电子".to_string());
    }
    if parts.is_empty() {
        "未载明".to_string()
    } else {
        parts.join("、")
    }
}

/// The form of an item's output: `电子证照`, `纸质1份`.
pub fn output_form(electronic: bool, paper: Option<u32>) -> String {
    let mut parts = Vec::new();
    if electronic {
        parts.push("电子证照".to_string());
    }
    if let Some(n) = paper {
        parts.push(format!("纸质{n}份"));
    }
    if parts.is_empty() {
        "未载明".to_string()
    } else {
        parts.join("、")
    }
}

/// The necessity of a declared material (必要/非必要/容缺后补/告知承诺).
pub fn necessity(n: Necessity) -> &'static str {
    match n {
        Necessity::Pledge => "告知承诺",
        Necessity::Deferred => "容缺后补",
        Necessity::Optional => "非必要",
        Necessity::Required => "必要",
    }
}

/// An answer as the applicant saw it: `「本市户籍家庭户」`, `「是」`.
pub fn answer_label(s: Option<&Question>, a: &Answer) -> String {
    match a {
        Answer::Bool(true) => "「是」".to_string(),
        Answer::Bool(false) => "「否」".to_string(),
        Answer::Option(id) => {
            let label = s
                .and_then(|s| s.options.iter().find(|o| &o.id == id))
                .map_or(id.as_str(), |o| o.label.as_str());
            format!("「{label}」")
        }
        Answer::Options(ids) if ids.is_empty() => "「均无」".to_string(),
        Answer::Options(ids) => {
            let labels: Vec<&str> = ids
                .iter()
                .map(|id| {
                    s.and_then(|s| s.options.iter().find(|o| &o.id == id))
                        .map_or(id.as_str(), |o| o.label.as_str())
                })
                .collect();
            format!("「{}」", labels.join("、"))
        }
    }
}

/// "Applies when …" in 公文 form (`均适用`, `同时申领社会保障卡的`, numbered alternatives): the
/// phrase grammar of `phrase.rs`.
pub fn applies(c: &Condition, situations: &[Question]) -> String {
    super::phrase::applies(c, situations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_limits_and_fees() {
        let l = Limit {
            unit: "workdays".into(),
            amount: 2,
            workdays: 2,
        };
        assert_eq!(promise(&l), "自受理之日起2个工作日内办结");
        let now = Limit {
            unit: "immediate".into(),
            amount: 0,
            workdays: 0,
        };
        assert_eq!(promise(&now), "即办");
        let free = Fee {
            yuan: None,
            basis: None,
        };
        assert_eq!(fee(Some(&free)), "不收费");
        let paid = Fee {
            yuan: Some("20".into()),
            basis: Some("《居民身份证法》第二十条".into()),
        };
        assert_eq!(fee(Some(&paid)), "20元（依据：《居民身份证法》第二十条）");
        let sourced = Legal::Limit {
            basis: Some("《社会保险经办条例》第六条".into()),
        };
        assert_eq!(
            legal(&sourced, Some(&l)),
            "2个工作日（依据：《社会保险经办条例》第六条）"
        );
        let bare = Legal::Limit { basis: None };
        assert_eq!(legal(&bare, Some(&l)), "2个工作日（未注明法律依据）");
        let none = Legal::Unregulated { basis: None };
        assert_eq!(legal(&none, None), "法律法规未规定办理时限");
        assert_eq!(output_form(true, Some(1)), "电子证照、纸质1份");
    }
}
