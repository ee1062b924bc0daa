//! `notice.html`: one self-contained page per matter that asks the deciding situations and shows the matching 一次告知单.
//!
//! It works for any number of combinations: instead of one notice per combination, the page
//! embeds the matter's facts once (as JSON in a `<script type="application/json">`), each with
//! its applicability condition in the artifact format of `plan.json`, and a small inline script
//! evaluates them the way `Condition::eval` does. Every text is worded here in Rust (the same
//! words as `yjs notice`); the script only selects, orders and shows them with `textContent`.
//! A question is asked only while some condition still depends on it (partial evaluation over
//! the answers given so far), and an option a rule (`rule "…" { … }`) excludes together with
//! the other answers is disabled with the rule's text.

use super::materials;
use super::{step, words, GuideError};
use crate::ir::documents::Fee;
use crate::ir::MatterIr;
use serde::Serialize;
use std::io;
use yjs_artifacts::{Answers, Condition, StepKind};

/// Everything the page needs, embedded as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct Data {
    pub matter: String,
    pub code: String,
    pub promise: String,
    pub consult: String,
    pub complaint: String,
    pub channels: Vec<String>,
    /// The matter's own basis lines (the items' follow when they apply).
    pub basis: Vec<String>,
    pub situations: Vec<Situation>,
    pub rules: Vec<Rule>,
    pub items: Vec<Item>,
    pub steps: Vec<Step>,
    pub materials: Vec<Material>,
    pub scenarios: Vec<Scenario>,
    /// The plan's worst case, for answers no scenario names.
    pub worst: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Situation {
    pub id: String,
    pub question: String,
    /// `bool`, `choice` or `multi`.
    pub kind: &'static str,
    pub options: Vec<Choice>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// The answer's JSON value: `true`/`false` or the option id.
    pub value: serde_json::Value,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub text: String,
    pub condition: Condition,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: String,
    pub name: String,
    pub department: String,
    pub promise: String,
    pub legal: String,
    pub conditions: Vec<String>,
    pub basis: Vec<String>,
    pub fee: String,
    pub free: bool,
    /// Costs besides the fee, worded.
    pub costs: Vec<String>,
    pub applies: Condition,
    /// `(key, label)`: a shared field's key is its shared name, so it is listed once.
    pub fields: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub id: String,
    pub name: String,
    pub department: String,
    pub length: String,
    pub after: Vec<String>,
    pub deliver: bool,
    /// A wait step (特殊环节): when it applies, and the basis of its duration (or 未注明依据).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wait: Option<WaitStep>,
}

/// What the page needs of a wait step.
#[derive(Debug, Clone, Serialize)]
pub struct WaitStep {
    pub when: yjs_artifacts::Condition,
    pub basis: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Material {
    pub name: String,
    pub form: String,
    pub necessity: String,
    pub items: Vec<String>,
    pub exempt: bool,
    pub reason: String,
    /// Its template (空白表格/示例样表), relative to the matter folder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    pub uses: Vec<Condition>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    pub answers: Answers,
    pub total: u32,
}

/// The page's data for one matter.
pub fn data(ir: &MatterIr) -> Result<Data, GuideError> {
    let docs = &ir.documents;
    let sits = &ir.form.situations;
    let plan = &ir.plan.plan;
    let window = docs.window.as_ref().or(docs.lead.as_ref());
    let mut items = Vec::new();
    for item in &docs.items {
        let s = step(ir, &item.id)?;
        items.push(Item {
            id: item.id.clone(),
            name: item.name.clone(),
            department: words::department(item.department.as_ref()),
            promise: words::promise(&s.promise),
            legal: words::legal(&item.legal, s.legal.as_ref()),
            conditions: item.conditions.clone(),
            basis: item.basis.clone(),
            fee: words::fee(item.fee.as_ref()),
            free: item.fee.as_ref().is_some_and(Fee::is_free),
            costs: item
                .costs
                .iter()
                .map(|(t, b)| words::cost(t, b.as_deref()))
                .collect(),
            applies: item.applies.clone(),
            fields: item
                .fields
                .iter()
                .map(|f| match &f.shared {
                    Some(shared) => (format!("shared:{shared}"), f.label.clone()),
                    None => (format!("{}:{}", item.id, f.name), f.label.clone()),
                })
                .collect(),
        });
    }
    Ok(Data {
        matter: docs.name.clone(),
        code: docs.code.clone().unwrap_or_else(|| "未载明".to_string()),
        promise: words::promise(&plan.promise),
        consult: docs.consult.clone().unwrap_or_else(|| "未载明".to_string()),
        complaint: docs
            .complaint
            .clone()
            .unwrap_or_else(|| "未载明".to_string()),
        channels: words::channels(window, &docs.delivery),
        basis: docs.basis.clone(),
        situations: sits
            .iter()
            .map(|q| Situation {
                id: q.id.clone(),
                question: q.question.clone(),
                kind: if q.is_bool {
                    "bool"
                } else if q.multi {
                    "multi"
                } else {
                    "choice"
                },
                options: if q.is_bool {
                    vec![
                        Choice {
                            value: serde_json::Value::Bool(true),
                            label: "是".to_string(),
                        },
                        Choice {
                            value: serde_json::Value::Bool(false),
                            label: "否".to_string(),
                        },
                    ]
                } else {
                    q.options
                        .iter()
                        .map(|o| Choice {
                            value: serde_json::Value::String(o.id.clone()),
                            label: o.label.clone(),
                        })
                        .collect()
                },
            })
            .collect(),
        rules: ir
            .form
            .rules
            .iter()
            .map(|r| Rule {
                text: r.text.clone(),
                condition: r.condition.clone(),
            })
            .collect(),
        items,
        steps: plan
            .steps
            .iter()
            .map(|s| Step {
                id: s.id.clone(),
                name: s.name.clone(),
                department: s.department_name.clone().unwrap_or_default(),
                length: if s.kind == StepKind::Wait {
                    words::wait_length(s)
                } else {
                    words::limit(&s.promise)
                },
                after: s.after.clone(),
                deliver: s.kind == StepKind::Deliver,
                wait: (s.kind == StepKind::Wait).then(|| WaitStep {
                    when: s.condition.clone(),
                    basis: words::wait_basis(s),
                }),
            })
            .collect(),
        materials: docs
            .materials
            .iter()
            .map(|r| {
                let row = materials::row(r, &docs.templates, sits);
                Material {
                    name: row.name,
                    form: row.form,
                    necessity: row.necessity,
                    items: row.items,
                    exempt: row.exempt,
                    reason: row.reason,
                    template: row.template,
                    uses: r.uses.clone(),
                }
            })
            .collect(),
        scenarios: plan
            .scenarios
            .list
            .iter()
            .map(|s| Scenario {
                answers: s.answers.clone(),
                total: s.total_workdays,
            })
            .collect(),
        worst: plan.total_workdays,
    })
}

/// The data as JSON that is safe inside a `<script>` element: `<`, `>`, `&` and the line
/// separators are written as `\uXXXX` escapes, so no label can close the element.
pub fn embedded_json(data: &Data) -> Result<String, GuideError> {
    script_safe(data).map_err(|e| GuideError::Template(format!("notice.html data: {e}")))
}

fn script_safe<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(4096);
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out, ScriptSafe,
    ))?;
    // serde_json writes only UTF-8, and every escape is ASCII.
    String::from_utf8(out).map_err(serde::ser::Error::custom)
}

/// Compact JSON whose strings also escape what could end a `<script>` element or a line of
/// script. Those characters occur only inside strings, so escaping the strings' unescaped runs
/// is escaping the whole text, in the same pass that writes it.
struct ScriptSafe;

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                    Some(0xA8) => b"\\u2028",
                    Some(0xA9) => b"\\u2029",
                    _ => continue,
                },
                _ => continue,
            };
            w.write_all(&bytes[start..i])?;
            w.write_all(escape)?;
            start = i + if b == 0xE2 { 3 } else { 1 };
        }
        w.write_all(&bytes[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the escaping must equal: serde_json's compact text with the five characters
    /// replaced afterwards.
    fn replaced(v: &serde_json::Value) -> String {
        let mut out = String::new();
        for c in serde_json::to_string(v).unwrap().chars() {
            match c {
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn script_safe_json_escapes_what_could_close_the_element() {
        let v = serde_json::json!({
            "</script><b>&": ["a\u{2028}b\u{2029}c", "引号\"与\\反斜杠\n", "\u{2027}\u{202a}—…"],
            "plain": "字段0-0",
            "n": [1, 2.5, true, null],
        });
        let text = script_safe(&v).unwrap();
        assert_eq!(text, replaced(&v));
        assert!(!text.contains('<') && !text.contains('\u{2028}'));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
    }
}
