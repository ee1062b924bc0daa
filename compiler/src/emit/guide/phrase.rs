//! 公文 wording of conditions: a small phrase grammar over simplified, positive conditions.
//!
//! A condition is first put in a positive form: negations are pushed down to the answers
//! (`not small` → the negative phrase of the question, `not x == a` → the other options),
//! answers on the same situation are merged (`x == a or x == b` → `x` is a or b), an answer
//! set that covers every option is dropped, and conjuncts common to every alternative are
//! factored out. The phrase grammar then words it:
//!
//! | condition | phrase |
//! |---|---|
//! | a yes/no question `…是否X…`, yes | `…X…` (是否 dropped) |
//! | the same, no | `…不X…`; `已X` → `未X`; `被X` → `未被X`; `有X` → `无X` |
//! | any other yes/no question | `问题为「是」` / `问题为「否」` |
//! | `x == a`, `x in [a, b]` | `问题为「a」` / `问题为「a」或「b」` |
//! | the same, when the question asks `是否…` in options | `a` / `a或b` (the labels answer it) |
//! | `a in x` (multi), several in an `or` / an `and` | `问题包括「a」` / `包括「a」、「b」或「c」` / `包括「a」和「b」` |
//! | `not a in x` | `问题不包括「a」` |
//! | A and B | `A，且B` (`A and (A or B)` is `A`; `A or (A and B)` is `A`) |
//! | A or B inside an `and` | `（A，或者B）` |
//!
//! and [`applies`] closes it the way a regulation does: `均适用`, `A的`, or, for alternatives,
//! `有下列情形之一的：一、A；二、B`.

use crate::ir::form::Question;
use yjs_artifacts::{Answer, Condition};

/// The Chinese numerals for numbering alternatives (一、二、…); past ten, Arabic numbers.
const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// How many rounds of simplification at most (each round only shrinks the condition).
const MAX_ROUNDS: usize = 8;

/// "Applies when …" in 公文 form: `均适用`, `同时申领社会保障卡的`, or numbered alternatives.
pub fn applies(c: &Condition, sits: &[Question]) -> String {
    match simplify(c, sits) {
        Condition::Always => "均适用".to_string(),
        Condition::Any { args } if args.is_empty() => "任何情形均不适用".to_string(),
        Condition::Any { args } if !merged_has(&args) => {
            let parts: Vec<String> = args
                .iter()
                .enumerate()
                .map(|(i, a)| format!("{}、{}", numeral(i), phrase(a, sits)))
                .collect();
            format!("有下列情形之一的：{}", parts.join("；"))
        }
        c => format!("{}的", phrase(&c, sits)),
    }
}

fn numeral(i: usize) -> String {
    NUMERALS
        .get(i)
        .map_or_else(|| (i + 1).to_string(), |n| (*n).to_string())
}

/// The condition simplified into its positive form (see the module docs).
pub fn simplify(c: &Condition, sits: &[Question]) -> Condition {
    let mut c = positive(c, false, sits);
    for _ in 0..MAX_ROUNDS {
        let next = step(&c, sits);
        if next == c {
            break;
        }
        c = next;
    }
    c
}

fn never() -> Condition {
    Condition::Any { args: Vec::new() }
}

fn is_never(c: &Condition) -> bool {
    matches!(c, Condition::Any { args } if args.is_empty())
}

/// Every answer of a single-answer situation (`None` for a multi-select one or an unknown one).
fn domain(situation: &str, sits: &[Question]) -> Option<Vec<Answer>> {
    let q = sits.iter().find(|q| q.id == situation)?;
    if q.is_bool {
        Some(vec![Answer::Bool(false), Answer::Bool(true)])
    } else if q.multi {
        None
    } else {
        Some(
            q.options
                .iter()
                .map(|o| Answer::Option(o.id.clone()))
                .collect(),
        )
    }
}

/// Pushes `not` down to the answers, turning `not x in S` into `x in (domain − S)`.
fn positive(c: &Condition, negated: bool, sits: &[Question]) -> Condition {
    match (c, negated) {
        (Condition::Not { arg }, _) => positive(arg, !negated, sits),
        (Condition::All { args }, false) | (Condition::Any { args }, true) => Condition::All {
            args: args.iter().map(|a| positive(a, negated, sits)).collect(),
        },
        (Condition::Any { args }, false) | (Condition::All { args }, true) => Condition::Any {
            args: args.iter().map(|a| positive(a, negated, sits)).collect(),
        },
        (Condition::Always, true) => never(),
        (Condition::In { situation, values }, true) => match domain(situation, sits) {
            Some(all) => Condition::In {
                situation: situation.clone(),
                values: all.into_iter().filter(|v| !values.contains(v)).collect(),
            },
            None => Condition::Not {
                arg: Box::new(c.clone()),
            },
        },
        (_, true) => Condition::Not {
            arg: Box::new(c.clone()),
        },
        (_, false) => c.clone(),
    }
}

/// One round: flatten, merge answers on one situation, drop what is always true, factor out
/// common conjuncts.
fn step(c: &Condition, sits: &[Question]) -> Condition {
    match c {
        Condition::In { situation, values } => {
            let all = domain(situation, sits);
            if values.is_empty() {
                never()
            } else if all.is_some_and(|all| all.iter().all(|a| values.contains(a))) {
                Condition::Always
            } else {
                c.clone()
            }
        }
        Condition::All { args } => {
            let mut out: Vec<Condition> = Vec::new();
            for a in args.iter().map(|a| step(a, sits)) {
                match a {
                    Condition::Always => {}
                    Condition::All { args } => out.extend(args),
                    a if is_never(&a) => return never(),
                    a => out.push(a),
                }
            }
            let mut out = merge_in(out, Merge::Intersect);
            // Absorption: `A and (A or B)` is `A`.
            let absorbed = |c: &Condition, all: &[Condition]| matches!(c, Condition::Any { args } if args.iter().any(|a| all.contains(a)));
            let keep: Vec<bool> = out.iter().map(|c| !absorbed(c, &out)).collect();
            let mut k = keep.iter();
            out.retain(|_| k.next().copied().unwrap_or(true));
            match out.len() {
                0 => Condition::Always,
                1 => out.into_iter().next().unwrap_or(Condition::Always),
                _ => Condition::All { args: out },
            }
        }
        Condition::Any { args } => {
            let mut out: Vec<Condition> = Vec::new();
            for a in args.iter().map(|a| step(a, sits)) {
                match a {
                    Condition::Always => return Condition::Always,
                    Condition::Any { args } => out.extend(args),
                    a => out.push(a),
                }
            }
            let mut out = merge_in(out, Merge::Union);
            // Absorption: `A or (A and B)` is `A`.
            let absorbed = |c: &Condition, any: &[Condition]| matches!(c, Condition::All { args } if args.iter().any(|a| any.contains(a)));
            let keep: Vec<bool> = out.iter().map(|c| !absorbed(c, &out)).collect();
            let mut k = keep.iter();
            out.retain(|_| k.next().copied().unwrap_or(true));
            match out.len() {
                0 => never(),
                1 => out.into_iter().next().unwrap_or_else(never),
                _ => factor(out),
            }
        }
        Condition::Not { arg } => Condition::Not {
            arg: Box::new(step(arg, sits)),
        },
        Condition::Always | Condition::Has { .. } => c.clone(),
    }
}

#[derive(Clone, Copy)]
enum Merge {
    Union,
    Intersect,
}

/// Merges the `In` tests of one situation into the first of them; drops repeats.
fn merge_in(args: Vec<Condition>, how: Merge) -> Vec<Condition> {
    let mut out: Vec<Condition> = Vec::new();
    for a in args {
        if out.contains(&a) {
            continue;
        }
        if let Condition::In { situation, values } = &a {
            let earlier = out.iter_mut().find_map(|o| match o {
                Condition::In {
                    situation: s,
                    values: v,
                } if s == situation => Some(v),
                _ => None,
            });
            if let Some(v) = earlier {
                match how {
                    Merge::Union => {
                        for x in values {
                            if !v.contains(x) {
                                v.push(x.clone());
                            }
                        }
                    }
                    Merge::Intersect => v.retain(|x| values.contains(x)),
                }
                continue;
            }
        }
        out.push(a);
    }
    out
}

/// `(A and B) or (A and C)` → `A and (B or C)`: the conjuncts every alternative shares.
fn factor(alternatives: Vec<Condition>) -> Condition {
    let conjuncts = |c: &Condition| -> Vec<Condition> {
        match c {
            Condition::All { args } => args.clone(),
            c => vec![c.clone()],
        }
    };
    let lists: Vec<Vec<Condition>> = alternatives.iter().map(conjuncts).collect();
    let common: Vec<Condition> = lists[0]
        .iter()
        .filter(|c| lists[1..].iter().all(|l| l.contains(c)))
        .cloned()
        .collect();
    if common.is_empty() {
        return Condition::Any { args: alternatives };
    }
    let rests: Vec<Condition> = lists
        .into_iter()
        .map(|l| {
            let rest: Vec<Condition> = l.into_iter().filter(|c| !common.contains(c)).collect();
            match rest.len() {
                0 => Condition::Always,
                1 => rest.into_iter().next().unwrap_or(Condition::Always),
                _ => Condition::All { args: rest },
            }
        })
        .collect();
    let mut args = common;
    args.push(Condition::Any { args: rests });
    Condition::All { args }
}

/// Whether the alternatives are all `Has` tests of one multi-select situation (worded as one
/// phrase, `包括「a」、「b」或「c」`).
fn merged_has(args: &[Condition]) -> bool {
    let mut situations = args.iter().map(|a| match a {
        Condition::Has { situation, .. } => Some(situation),
        _ => None,
    });
    let first = situations.next().flatten();
    first.is_some() && situations.all(|s| s == first)
}

fn question<'a>(situation: &'a str, sits: &'a [Question]) -> (Option<&'a Question>, &'a str) {
    let q = sits.iter().find(|q| q.id == situation);
    (q, q.map_or(situation, |q| q.question.as_str()))
}

fn option_label<'a>(q: Option<&'a Question>, id: &'a str) -> &'a str {
    q.and_then(|q| q.options.iter().find(|o| o.id == id))
        .map_or(id, |o| o.label.as_str())
}

/// A simplified condition in words.
fn phrase(c: &Condition, sits: &[Question]) -> String {
    match c {
        Condition::Always => "所有情形".to_string(),
        Condition::In { situation, values } => {
            let (q, text) = question(situation, sits);
            match values.as_slice() {
                [Answer::Bool(yes)] => yes_no(text, *yes),
                // A choice that answers a 是否 question in words: the labels are the phrase
                // (`申领数电发票或申领税务Ukey并领用税控发票`).
                values
                    if text.contains("是否")
                        && values.iter().all(|v| matches!(v, Answer::Option(_))) =>
                {
                    let labels: Vec<&str> = values
                        .iter()
                        .filter_map(|v| match v {
                            Answer::Option(id) => Some(option_label(q, id)),
                            _ => None,
                        })
                        .collect();
                    labels.join("或")
                }
                _ => {
                    let labels: Vec<String> = values
                        .iter()
                        .map(|v| super::words::answer_label(q, v))
                        .collect();
                    format!("{text}为{}", labels.join("或"))
                }
            }
        }
        Condition::Has { situation, option } => {
            let (q, text) = question(situation, sits);
            format!("{text}包括「{}」", option_label(q, option))
        }
        Condition::Not { arg } => match arg.as_ref() {
            Condition::Has { situation, option } => {
                let (q, text) = question(situation, sits);
                format!("{text}不包括「{}」", option_label(q, option))
            }
            Condition::In { situation, values } => {
                let (q, text) = question(situation, sits);
                let labels: Vec<String> = values
                    .iter()
                    .map(|v| super::words::answer_label(q, v))
                    .collect();
                format!("{text}不为{}", labels.join("或"))
            }
            other => format!("不属于“{}”的情形", phrase(other, sits)),
        },
        Condition::All { args } => {
            if let Some(p) = has_group(args, sits, "和") {
                return p;
            }
            let parts: Vec<String> = args
                .iter()
                .map(|a| match a {
                    Condition::Any { args } if !merged_has(args) => {
                        let inner: Vec<String> = args.iter().map(|a| phrase(a, sits)).collect();
                        format!("（{}）", inner.join("，或者"))
                    }
                    a => phrase(a, sits),
                })
                .collect();
            parts.join("，且")
        }
        Condition::Any { args } if args.is_empty() => "任何情形均不适用".to_string(),
        Condition::Any { args } => has_group(args, sits, "或").unwrap_or_else(|| {
            let parts: Vec<String> = args.iter().map(|a| phrase(a, sits)).collect();
            parts.join("，或者")
        }),
    }
}

/// `Has` tests of one situation as one phrase: `问题包括「a」、「b」或「c」` (`和` for all of them).
fn has_group(args: &[Condition], sits: &[Question], word: &str) -> Option<String> {
    if !merged_has(args) {
        return None;
    }
    let Some(Condition::Has { situation, .. }) = args.first() else {
        return None;
    };
    let (q, text) = question(situation, sits);
    let labels: Vec<String> = args
        .iter()
        .filter_map(|a| match a {
            Condition::Has { option, .. } => Some(format!("「{}」", option_label(q, option))),
            _ => None,
        })
        .collect();
    let (last, rest) = labels.split_last()?;
    Some(if rest.is_empty() {
        format!("{text}包括{last}")
    } else {
        format!("{text}包括{}{word}{last}", rest.join("、"))
    })
}

/// A yes/no question answered: `是否同时申领社会保障卡` → `同时申领社会保障卡` or
/// `不同时申领社会保障卡`; a question without 是否 keeps `为「是」` / `为「否」`.
pub fn yes_no(question: &str, yes: bool) -> String {
    let Some((before, after)) = question.split_once("是否") else {
        return format!("{question}为「{}」", if yes { "是" } else { "否" });
    };
    if yes {
        return format!("{before}{after}");
    }
    let negated = if let Some(rest) = after.strip_prefix('已') {
        format!("未{rest}")
    } else if after.starts_with('被') {
        // 是否被吊销 → 未被吊销: a passive is denied with 未, as 公文 write it.
        format!("未{after}")
    } else if let Some(rest) = after.strip_prefix('有') {
        format!("无{rest}")
    } else {
        format!("不{after}")
    };
    format!("{before}{negated}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::form::ChoiceOption;

    fn sits() -> Vec<Question> {
        let opt = |id: &str, label: &str| ChoiceOption {
            id: id.into(),
            label: label.into(),
        };
        vec![
            Question {
                id: "small".into(),
                question: "经营场所建筑面积是否在50㎡以下".into(),
                is_bool: true,
                multi: false,
                options: Vec::new(),
            },
            Question {
                id: "mode".into(),
                question: "消防安全检查办理方式".into(),
                is_bool: false,
                multi: false,
                options: vec![opt("pledge", "告知承诺"), opt("inspect", "先检查后许可")],
            },
            Question {
                id: "changes".into(),
                question: "变更事项".into(),
                is_bool: false,
                multi: true,
                options: vec![opt("name", "名称"), opt("rep", "法定代表人")],
            },
        ]
    }

    fn small(yes: bool) -> Condition {
        Condition::In {
            situation: "small".into(),
            values: vec![Answer::Bool(yes)],
        }
    }

    fn mode(id: &str) -> Condition {
        Condition::In {
            situation: "mode".into(),
            values: vec![Answer::Option(id.into())],
        }
    }

    fn has(id: &str) -> Condition {
        Condition::Has {
            situation: "changes".into(),
            option: id.into(),
        }
    }

    fn not(c: Condition) -> Condition {
        Condition::Not { arg: Box::new(c) }
    }

    fn all(args: Vec<Condition>) -> Condition {
        Condition::All { args }
    }

    fn any(args: Vec<Condition>) -> Condition {
        Condition::Any { args }
    }

    #[test]
    fn yes_no_questions_read_positively() {
        assert_eq!(yes_no("是否同时申领社会保障卡", true), "同时申领社会保障卡");
        assert_eq!(
            yes_no("是否同时申领社会保障卡", false),
            "不同时申领社会保障卡"
        );
        assert_eq!(
            yes_no("职工医保累计缴费年限是否已达到本地规定年限", false),
            "职工医保累计缴费年限未达到本地规定年限"
        );
        assert_eq!(yes_no("是否有犯罪记录", false), "无犯罪记录");
        assert_eq!(
            yes_no("是否被吊销营业执照、责令关闭或者撤销", false),
            "未被吊销营业执照、责令关闭或者撤销"
        );
        assert_eq!(yes_no("独生子女", true), "独生子女为「是」");
    }

    #[test]
    fn negations_become_positive_and_alternatives_merge() {
        let s = sits();
        let c = all(vec![not(small(true)), mode("pledge")]);
        assert_eq!(
            applies(&c, &s),
            "经营场所建筑面积不在50㎡以下，且消防安全检查办理方式为「告知承诺」的"
        );
        // (not small and pledge) or (not small and inspect): the modes cover every option.
        let both = any(vec![c, all(vec![not(small(true)), mode("inspect")])]);
        assert_eq!(applies(&both, &s), "经营场所建筑面积不在50㎡以下的");
        assert_eq!(
            applies(&not(mode("pledge")), &s),
            "消防安全检查办理方式为「先检查后许可」的"
        );
        assert_eq!(applies(&any(vec![small(true), small(false)]), &s), "均适用");
    }

    #[test]
    fn alternatives_are_numbered_and_options_grouped() {
        let s = sits();
        assert_eq!(
            applies(&any(vec![small(true), mode("inspect")]), &s),
            "有下列情形之一的：一、经营场所建筑面积在50㎡以下；二、消防安全检查办理方式为「先检查后许可」"
        );
        assert_eq!(
            applies(&any(vec![has("name"), has("rep")]), &s),
            "变更事项包括「名称」或「法定代表人」的"
        );
        assert_eq!(
            applies(
                &all(vec![small(false), any(vec![has("name"), has("rep")])]),
                &s
            ),
            "经营场所建筑面积不在50㎡以下，且变更事项包括「名称」或「法定代表人」的"
        );
        assert_eq!(
            applies(&not(has("rep")), &s),
            "变更事项不包括「法定代表人」的"
        );
    }
}
