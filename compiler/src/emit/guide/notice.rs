//! 一次告知单: for one combination of situation answers, exactly the items, fields and materials that apply.

use super::materials::{self, MaterialRow};
use super::{step, words, GuideError};
use crate::ir::documents::Fee;
use crate::ir::form::Question;
use crate::ir::MatterIr;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;
use yjs_artifacts::{Answer, Answers};

/// The one-time notice of one combination of answers.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub matter: String,
    pub code: String,
    pub slug: String,
    pub answers: Vec<AnswerRow>,
    pub items: Vec<NoticeItem>,
    pub fields: Vec<String>,
    pub bring: Vec<MaterialRow>,
    pub exempt: Vec<MaterialRow>,
    pub total_workdays: u32,
    pub promise: String,
    pub fee: String,
    /// Costs the applicant still pays besides the fees, of the applicable items.
    pub costs: Vec<String>,
    pub consult: String,
    /// 依据: the matter's basis, then the applicable items' (each once).
    pub basis: Vec<String>,
    /// 办理流程: acceptance, the applicable items in plan order, delivery.
    pub flow: Vec<String>,
    /// 办理方式: at the window, online where the window gives an address.
    pub channels: Vec<String>,
    pub complaint: String,
}

/// A situation's question and the chosen answer's label.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow {
    pub question: String,
    pub answer: String,
}

/// An item that applies, in plan order.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeItem {
    pub name: String,
    pub department: String,
    pub promise: String,
    /// The legal limit with its source, or 法律法规未规定办理时限.
    pub legal: String,
    /// 受理条件: the item's `condition` lines.
    pub conditions: Vec<String>,
}

/// One thing wrong with the answers given for a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerProblem {
    /// No situation has this id.
    UnknownSituation { given: String, valid: Vec<String> },
    /// The situation has no such option.
    UnknownValue {
        situation: String,
        given: String,
        valid: Vec<String>,
    },
    /// A situation was not answered.
    Missing {
        situation: String,
        question: String,
        valid: Vec<String>,
    },
    /// The answers break a rule of the matter: the combination cannot occur.
    Impossible { rule: String },
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerProblem::UnknownSituation { given, valid } => write!(
                f,
                "unknown situation `{given}`; the situations are: {}",
                valid.join(", ")
            ),
            AnswerProblem::UnknownValue {
                situation,
                given,
                valid,
            } => write!(
                f,
                "`{given}` is not an answer of situation `{situation}`; valid answers: {}",
                valid.join(", ")
            ),
            AnswerProblem::Missing {
                situation,
                question,
                valid,
            } => write!(
                f,
                "situation `{situation}` ({question}) is not answered; give --answer {situation}=VALUE with one of: {}",
                valid.join(", ")
            ),
            AnswerProblem::Impossible { rule } => {
                write!(f, "these answers cannot occur together: {rule}")
            }
        }
    }
}

/// Why a set of answers cannot produce a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeError {
    /// Every problem with the answers, in situation order (unknown situations first), so that
    /// one run names all of them.
    Answers(Vec<AnswerProblem>),
    /// The IR is not consistent, or a template failed (a bug in yjs).
    Guide(GuideError),
}

impl NoticeError {
    /// The problems with the answers (none for an internal error).
    pub fn problems(&self) -> &[AnswerProblem] {
        match self {
            NoticeError::Answers(p) => p,
            NoticeError::Guide(_) => &[],
        }
    }
}

impl fmt::Display for NoticeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoticeError::Answers(problems) => {
                let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                write!(f, "{}", lines.join("\n"))
            }
            NoticeError::Guide(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for NoticeError {}

impl From<GuideError> for NoticeError {
    fn from(e: GuideError) -> Self {
        NoticeError::Guide(e)
    }
}

fn option_count(s: &Question) -> usize {
    if s.is_bool {
        2
    } else {
        s.options.len()
    }
}

/// Whether bit `k` of a multi-select answer's mask is set.
fn bit(mask: usize, k: usize) -> bool {
    u32::try_from(k)
        .ok()
        .and_then(|k| mask.checked_shr(k))
        .is_some_and(|v| v & 1 == 1)
}

/// The answer at position `index` of a situation: its option, or for a multi-select situation
/// the options whose bits are set (the enumerator's digit).
fn answer(s: &Question, index: usize) -> Answer {
    if s.multi {
        Answer::Options(
            s.options
                .iter()
                .enumerate()
                .filter(|(k, _)| bit(index, *k))
                .map(|(_, o)| o.id.clone())
                .collect(),
        )
    } else if s.is_bool {
        Answer::Bool(index == 1)
    } else {
        Answer::Option(
            s.options
                .get(index)
                .map(|o| o.id.clone())
                .unwrap_or_default(),
        )
    }
}

/// The spelling of an answer: `true`/`false`, the option id, or a multi-select answer's option
/// ids joined by `+` (`none` for no option).
fn spelling(a: &Answer) -> String {
    match a {
        Answer::Bool(b) => b.to_string(),
        Answer::Option(o) => o.clone(),
        Answer::Options(v) if v.is_empty() => "none".to_string(),
        Answer::Options(v) => v.join("+"),
    }
}

fn valid_values(s: &Question) -> Vec<String> {
    if s.is_bool {
        return ["true", "false", "是", "否"].map(String::from).to_vec();
    }
    if s.multi {
        let mut v: Vec<String> = s.options.iter().map(|o| o.id.clone()).collect();
        v.push("none (or several joined by `,` or `+`)".to_string());
        return v;
    }
    (0..option_count(s))
        .map(|i| spelling(&answer(s, i)))
        .collect()
}

/// The answers of a combination (one option position per situation), by situation id.
pub fn answers(situations: &[Question], combination: &[usize]) -> Answers {
    situations
        .iter()
        .zip(combination)
        .map(|(s, a)| (s.id.clone(), answer(s, *a)))
        .collect()
}

/// The file stem of a combination, e.g. `settle-local_card-true_surname-father`, bounded in
/// length by `names::bounded`.
pub fn slug(situations: &[Question], combination: &[usize]) -> String {
    let parts: Vec<String> = situations
        .iter()
        .zip(combination)
        .map(|(s, a)| format!("{}-{}", s.id, spelling(&answer(s, *a))))
        .collect();
    if parts.is_empty() {
        "all".to_string()
    } else {
        crate::emit::names::bounded(&parts.join("_"))
    }
}

/// The spellings a yes/no answer may be given in, besides `true`/`false`: the keywords' Chinese
/// spellings (`是`/`否`), as conditions accept them.
fn yes_no(given: &str) -> Option<bool> {
    match given {
        "true" | "是" => Some(true),
        "false" | "否" => Some(false),
        _ => None,
    }
}

/// The option position of answer `a` to situation `s`, if it is one of its answers.
fn position(s: &Question, a: &Answer) -> Option<usize> {
    if s.multi {
        let ids: Vec<String> = match a {
            Answer::Options(v) => v.clone(),
            Answer::Option(o) if o.is_empty() || o == "none" => Vec::new(),
            Answer::Option(o) => o.split([',', '+']).map(|x| x.trim().to_string()).collect(),
            Answer::Bool(_) => return None,
        };
        let mut mask = 0usize;
        for id in ids {
            let k = s.options.iter().position(|o| o.id == id)?;
            mask |= 1usize.checked_shl(u32::try_from(k).ok()?)?;
        }
        return Some(mask);
    }
    if s.is_bool {
        let b = match a {
            Answer::Bool(b) => Some(*b),
            Answer::Option(o) => yes_no(o),
            Answer::Options(_) => None,
        }?;
        return Some(usize::from(b));
    }
    // `card=true` written for an option id: compare spellings.
    (0..option_count(s)).find(|i| spelling(&answer(s, *i)) == spelling(a))
}

/// Turns named answers into one option position per situation. Every unknown name, unknown
/// value and missing answer is reported at once.
pub fn combination(situations: &[Question], answers: &Answers) -> Result<Vec<usize>, NoticeError> {
    let names: Vec<String> = situations.iter().map(|s| s.id.clone()).collect();
    let mut problems: Vec<AnswerProblem> = answers
        .keys()
        .filter(|k| !names.contains(k))
        .map(|given| AnswerProblem::UnknownSituation {
            given: given.clone(),
            valid: names.clone(),
        })
        .collect();
    let mut out = Vec::new();
    for s in situations {
        let valid = valid_values(s);
        match answers.get(&s.id) {
            None => problems.push(AnswerProblem::Missing {
                situation: s.id.clone(),
                question: s.question.clone(),
                valid,
            }),
            Some(a) => match position(s, a) {
                Some(i) => out.push(i),
                None => problems.push(AnswerProblem::UnknownValue {
                    situation: s.id.clone(),
                    given: spelling(a),
                    valid,
                }),
            },
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(NoticeError::Answers(problems))
    }
}

/// The rules the answers of a combination break (none for a possible combination).
pub fn broken_rules(ir: &MatterIr, combination: &[usize]) -> Vec<AnswerProblem> {
    let given = answers(&ir.form.situations, combination);
    ir.form
        .rules
        .iter()
        .filter(|r| !r.condition.eval(&given))
        .map(|r| AnswerProblem::Impossible {
            rule: r.text.clone(),
        })
        .collect()
}

/// Builds the notice of one combination.
pub fn build(ir: &MatterIr, combination: &[usize]) -> Result<Notice, GuideError> {
    let docs = &ir.documents;
    let rows = materials::rows(&docs.materials, &docs.templates, &ir.form.situations);
    build_from(ir, combination, &rows)
}

/// [`build`] with the matter's materials table in words (`materials::rows`), made once for
/// all of a matter's notices: a row reads the same whatever the answers, and phrasing its
/// situations was a third of building a notice.
pub fn build_from(
    ir: &MatterIr,
    combination: &[usize],
    material_rows: &[MaterialRow],
) -> Result<Notice, GuideError> {
    let docs = &ir.documents;
    let sits = &ir.form.situations;
    let plan = &ir.plan.plan;
    let given = answers(sits, combination);
    let mut items = Vec::new();
    // The merged form's labels in first-use order. A shared field is listed once for the whole
    // notice (`seen` makes each lookup constant time: a linear search here made notices of a
    // 20,000-field form quadratic); an item's own fields are distinct and listed as they come.
    let mut fields: Vec<String> =
        Vec::with_capacity(docs.items.iter().map(|i| i.fields.len()).sum());
    let mut seen: HashSet<&str> = HashSet::new();
    let mut applicable = Vec::new();
    for item in docs.items.iter().filter(|i| i.applies.eval(&given)) {
        let s = step(ir, &item.id)?;
        applicable.push(item);
        items.push(NoticeItem {
            name: item.name.clone(),
            department: words::department(item.department.as_ref()),
            // The limits for these answers: a limit by situation at the arm they select.
            promise: words::promise(s.promise_for(&given)),
            legal: notice_legal(item, s, &given),
            conditions: item.conditions.clone(),
        });
        // A field with its own `when` only for the answers where it applies.
        for f in item.fields.iter().filter(|f| f.applies.eval(&given)) {
            if f.shared.as_deref().is_none_or(|shared| seen.insert(shared)) {
                fields.push(f.label.clone());
            }
        }
    }
    let rows: Vec<MaterialRow> = docs
        .materials
        .iter()
        .zip(material_rows)
        .filter(|(r, _)| r.uses.iter().any(|c| c.eval(&given)))
        .map(|(_, row)| row.clone())
        .collect();
    let (exempt, bring): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.exempt);
    // A scenario may name only the situations that decide the items.
    let total = plan
        .scenarios
        .list
        .iter()
        .find(|sc| sc.answers.iter().all(|(k, v)| given.get(k) == Some(v)))
        .map_or(plan.total_workdays, |sc| sc.total_workdays);
    let window = docs.window.as_ref().or(docs.lead.as_ref());
    let mut basis: Vec<String> = Vec::new();
    for b in docs
        .basis
        .iter()
        .chain(applicable.iter().flat_map(|i| &i.basis))
    {
        if !basis.contains(b) {
            basis.push(b.clone());
        }
    }
    let applies = |id: &str| {
        docs.items
            .iter()
            .find(|i| i.id == id)
            .is_none_or(|i| i.applies.eval(&given))
    };
    use yjs_artifacts::StepKind;
    // A wait step applies where its own condition holds; an item as the documents say.
    let step_applies = |st: &yjs_artifacts::Step| match st.kind {
        StepKind::Wait => st.condition.eval(&given),
        _ => applies(&st.id),
    };
    let waits: Vec<&yjs_artifacts::Step> = plan
        .steps
        .iter()
        .filter(|st| st.kind == StepKind::Wait && step_applies(st))
        .collect();
    let flow: Vec<String> = plan
        .steps
        .iter()
        .filter(|st| step_applies(st))
        .map(|st| {
            let before: Vec<&str> = st
                .after
                .iter()
                .filter_map(|p| plan.steps.iter().find(|x| &x.id == p))
                .filter(|x| {
                    (docs.items.iter().any(|i| i.id == x.id) || x.kind == StepKind::Wait)
                        && step_applies(x)
                })
                .map(|x| x.name.as_str())
                .collect();
            let after_wait = st.after.iter().any(|p| {
                plan.steps
                    .iter()
                    .any(|x| &x.id == p && x.kind == StepKind::Wait && step_applies(x))
            });
            if st.kind == StepKind::Wait {
                let mut line = format!(
                    "{}：特殊环节，{}，期满自动结束，所需时间不计入办理时限（依据：{}）",
                    st.name,
                    words::wait_length(st),
                    words::wait_basis(st)
                );
                if !before.is_empty() {
                    line.push_str(&format!("（在「{}」完成后开始）", before.join("」「")));
                }
                return line;
            }
            let mut line = format!(
                "{}：{}，{}",
                st.name,
                st.department_name.as_deref().unwrap_or_default(),
                words::limit(&st.promise)
            );
            if st.kind == StepKind::Deliver {
                line.push_str("（各事项办结后统一送达）");
            } else if !before.is_empty() {
                let verb = if after_wait { "完成" } else { "办结" };
                line.push_str(&format!("（在「{}」{verb}后办理）", before.join("」「")));
            }
            line
        })
        .collect();
    let all_free = applicable
        .iter()
        .all(|i| i.fee_for(&given).is_some_and(Fee::is_free));
    Ok(Notice {
        matter: docs.name.clone(),
        code: docs.code.clone().unwrap_or_else(|| "未载明".to_string()),
        slug: slug(sits, combination),
        answers: sits
            .iter()
            .zip(combination)
            .map(|(s, a)| AnswerRow {
                question: s.question.clone(),
                answer: words::answer_label(Some(s), &answer(s, *a)),
            })
            .collect(),
        items,
        fields,
        bring,
        exempt,
        total_workdays: total,
        promise: if waits.is_empty() {
            words::promise(&plan.promise)
        } else {
            format!(
                "{}（不含{}所需时间）",
                words::promise(&plan.promise),
                waits
                    .iter()
                    .map(|w| w.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            )
        },
        fee: if all_free {
            "不收费".to_string()
        } else {
            applicable
                .iter()
                .map(|i| format!("{}：{}", i.name, words::fee(i.fee_for(&given))))
                .collect::<Vec<_>>()
                .join("；")
        },
        costs: applicable
            .iter()
            .flat_map(|i| {
                i.costs
                    .iter()
                    .map(|(t, b)| format!("{}：{}", i.name, words::cost(t, b.as_deref())))
            })
            .collect(),
        consult: docs.consult.clone().unwrap_or_else(|| "未载明".to_string()),
        basis,
        flow,
        channels: words::channels(window, &docs.delivery),
        complaint: docs
            .complaint
            .clone()
            .unwrap_or_else(|| "未载明".to_string()),
    })
}

/// An item's legal limit for one set of answers: a legal limit by situation at the arm they
/// select, with that arm's source.
fn notice_legal(
    item: &crate::ir::documents::Item,
    s: &yjs_artifacts::Step,
    given: &yjs_artifacts::Answers,
) -> String {
    match s.legal_by.iter().position(|c| c.when.eval(given)) {
        Some(i) => words::legal(
            &crate::ir::documents::Legal::Limit {
                basis: item.legal_bases.get(i).cloned().flatten(),
            },
            Some(&s.legal_by[i].limit),
        ),
        None => words::legal(&item.legal, s.legal.as_ref()),
    }
}
