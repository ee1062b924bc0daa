//! 一次告知单: for one combination of situation answers, exactly the items, fields and materials that apply.

use super::materials::{self, MaterialRow};
use super::model::{dept_name, step};
use super::{words, GuideError};
use crate::resolve::{ItemField, Matter, Program, Situation};
use serde::Serialize;
use std::fmt;
use yjs_artifacts::{Answer, Answers, Plan};

/// Notices are written for every combination only up to this many.
pub const MAX_NOTICES: u64 = 64;

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
    pub delivery: Vec<String>,
    pub place: String,
    pub hours: String,
    pub consult: String,
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
}

/// Why a set of answers cannot produce a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeError {
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
        valid: Vec<String>,
    },
    /// The plan or projections do not belong to the matter, or a template failed.
    Guide(String),
}

impl fmt::Display for NoticeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoticeError::UnknownSituation { given, valid } => write!(
                f,
                "unknown situation `{given}`; the situations are: {}",
                valid.join(", ")
            ),
            NoticeError::UnknownValue {
                situation,
                given,
                valid,
            } => write!(
                f,
                "`{given}` is not an answer of situation `{situation}`; valid answers: {}",
                valid.join(", ")
            ),
            NoticeError::Missing { situation, valid } => write!(
                f,
                "situation `{situation}` is not answered; give --answer {situation}=VALUE with one of: {}",
                valid.join(", ")
            ),
            NoticeError::Guide(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for NoticeError {}

impl From<GuideError> for NoticeError {
    fn from(e: GuideError) -> Self {
        NoticeError::Guide(e.to_string())
    }
}

fn option_count(s: &Situation) -> usize {
    if s.is_bool {
        2
    } else {
        s.options.len()
    }
}

/// The spelling of answer `index` of a situation: `true`/`false` or the option id.
fn value_id(s: &Situation, index: usize) -> String {
    match s.answer(index) {
        Answer::Bool(b) => b.to_string(),
        Answer::Option(id) => id,
    }
}

fn valid_values(s: &Situation) -> Vec<String> {
    (0..option_count(s)).map(|i| value_id(s, i)).collect()
}

/// How many combinations the matter's situations allow (saturating).
pub fn combination_count(matter: &Matter) -> u64 {
    matter
        .situations
        .iter()
        .fold(1u64, |acc, s| acc.saturating_mul(option_count(s) as u64))
}

/// Every combination, first situation slowest, each option in declaration order;
/// empty past `MAX_NOTICES`.
pub fn combinations(matter: &Matter) -> Vec<Vec<usize>> {
    if combination_count(matter) > MAX_NOTICES {
        return Vec::new();
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for s in &matter.situations {
        let n = option_count(s);
        out = out
            .into_iter()
            .flat_map(|prefix| {
                (0..n).map(move |i| {
                    let mut v = prefix.clone();
                    v.push(i);
                    v
                })
            })
            .collect();
    }
    out
}

/// The file stem of a combination, e.g. `settle-local_card-true_surname-father`.
pub fn slug(matter: &Matter, answers: &[usize]) -> String {
    let parts: Vec<String> = matter
        .situations
        .iter()
        .zip(answers)
        .map(|(s, a)| format!("{}-{}", s.id.name, value_id(s, *a)))
        .collect();
    if parts.is_empty() {
        "all".to_string()
    } else {
        parts.join("_")
    }
}

/// Turns named answers into one option index per situation, rejecting unknown names and values.
pub fn indexes(matter: &Matter, answers: &Answers) -> Result<Vec<usize>, NoticeError> {
    let names: Vec<String> = matter
        .situations
        .iter()
        .map(|s| s.id.name.clone())
        .collect();
    if let Some(given) = answers.keys().find(|k| !names.contains(k)) {
        return Err(NoticeError::UnknownSituation {
            given: given.clone(),
            valid: names,
        });
    }
    let mut out = Vec::new();
    for s in &matter.situations {
        let valid = valid_values(s);
        let Some(a) = answers.get(&s.id.name) else {
            return Err(NoticeError::Missing {
                situation: s.id.name.clone(),
                valid,
            });
        };
        let index = (0..option_count(s)).find(|i| {
            &s.answer(*i) == a || {
                // `settle=true` written for an option id, or `card=local` for a bool: compare spellings.
                let spelled = match a {
                    Answer::Bool(b) => b.to_string(),
                    Answer::Option(o) => o.clone(),
                };
                value_id(s, *i) == spelled
            }
        });
        match index {
            Some(i) => out.push(i),
            None => {
                return Err(NoticeError::UnknownValue {
                    situation: s.id.name.clone(),
                    given: match a {
                        Answer::Bool(b) => b.to_string(),
                        Answer::Option(o) => o.clone(),
                    },
                    valid,
                })
            }
        }
    }
    Ok(out)
}

/// Builds the notice of one combination.
pub fn build(
    program: &Program,
    matter: &Matter,
    plan: &Plan,
    answers: &[usize],
) -> Result<Notice, GuideError> {
    let sits = &matter.situations;
    let applies = |c: Option<&crate::resolve::Cond>| c.is_none_or(|c| c.eval(answers));
    let mut items = Vec::new();
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut applicable = Vec::new();
    for item in &matter.items {
        if !applies(item.when.as_ref()) {
            continue;
        }
        let s = step(plan, matter, &item.id.name)?;
        applicable.push(item.id.name.clone());
        items.push(NoticeItem {
            name: item.name.value.clone(),
            department: dept_name(program, item.department),
            promise: words::promise(&s.promise),
        });
        for f in &item.fields {
            let (key, label) = match f {
                ItemField::Shared(b) => (
                    format!("/{}", b.shared),
                    matter
                        .shared
                        .get(b.shared)
                        .map_or_else(|| b.local.name.clone(), |f| f.label.value.clone()),
                ),
                ItemField::Local(l) => (
                    format!("{}/{}", item.id.name, l.id.name),
                    l.label.value.clone(),
                ),
            };
            if !fields.iter().any(|(k, _)| *k == key) {
                fields.push((key, label));
            }
        }
    }
    let rows: Vec<MaterialRow> = materials::merged(matter)
        .into_iter()
        .filter(|r| r.applies_under(answers))
        .collect();
    let (exempt, bring): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.exempt);
    let total = plan
        .scenarios
        .list
        .iter()
        .find(|sc| {
            // A scenario may name only the situations that decide the items.
            sc.answers.iter().all(|(k, v)| {
                sits.iter()
                    .zip(answers)
                    .any(|(s, a)| &s.id.name == k && &s.answer(*a) == v)
            })
        })
        .map_or(plan.total_workdays, |sc| sc.total_workdays);
    let window = program
        .departments
        .get(matter.window.or(matter.lead).map_or(usize::MAX, |(d, _)| d));
    let all_free = matter
        .items
        .iter()
        .filter(|i| applicable.contains(&i.id.name))
        .all(|i| matches!(i.fee, Some(crate::syntax::ast::Fee::None(_))));
    Ok(Notice {
        matter: matter.name.value.clone(),
        code: matter
            .code
            .as_ref()
            .map_or_else(|| "未载明".to_string(), |c| c.value.clone()),
        slug: slug(matter, answers),
        answers: sits
            .iter()
            .zip(answers)
            .map(|(s, a)| AnswerRow {
                question: s.question.value.clone(),
                answer: words::answer_label(Some(s), &s.answer(*a)),
            })
            .collect(),
        items,
        fields: fields.into_iter().map(|(_, l)| l).collect(),
        bring,
        exempt,
        total_workdays: total,
        promise: words::promise(&plan.promise),
        fee: if all_free {
            "不收费".to_string()
        } else {
            matter
                .items
                .iter()
                .filter(|i| applicable.contains(&i.id.name))
                .map(|i| format!("{}：{}", i.name.value, words::fee(i.fee.as_ref())))
                .collect::<Vec<_>>()
                .join("；")
        },
        delivery: matter
            .delivery
            .iter()
            .map(|(c, _)| words::delivery(c))
            .collect(),
        place: window.map_or_else(
            || "未载明".to_string(),
            |d| match &d.address {
                Some(a) => format!("{}（{a}）", d.name),
                None => d.name.clone(),
            },
        ),
        hours: window
            .and_then(|d| d.hours.clone())
            .unwrap_or_else(|| "未载明".to_string()),
        consult: matter
            .consult
            .as_ref()
            .map_or_else(|| "未载明".to_string(), |c| c.value.clone()),
    })
}
