//! The merged materials table (一套材料): every material once, with the items that need it and its source.

use super::words;
use crate::resolve::{self, Cond, Material, Matter};
use serde::Serialize;

/// One row of the merged materials table.
#[derive(Debug, Clone, Serialize)]
pub struct MaterialRow {
    /// The material name.
    pub name: String,
    /// The names of the items that need it, in declaration order.
    pub items: Vec<String>,
    /// 原件/复印件/电子 and 份数.
    pub form: String,
    /// 必要, 非必要, 容缺后补 or 告知承诺.
    pub necessity: String,
    /// The situations in which it applies, in words.
    pub applies: String,
    /// `applicant`, `shared` (data sharing) or `output` (an earlier item's output).
    pub source: String,
    /// Whether the applicant submits nothing (免提交).
    pub exempt: bool,
    /// Who provides it, or why it is exempt.
    pub reason: String,
    /// Why the material is required, when stated.
    pub basis: Option<String>,
    /// What makes it acceptable at intake (受理标准), when stated.
    pub accept: Option<String>,
    /// When each use applies (item condition and material condition); `None` is always.
    #[serde(skip)]
    pub uses: Vec<Option<Cond>>,
    #[serde(skip)]
    key: String,
}

impl MaterialRow {
    /// Whether the material applies under answers given as one option index per situation.
    pub fn applies_under(&self, answers: &[usize]) -> bool {
        self.uses
            .iter()
            .any(|c| c.as_ref().is_none_or(|c| c.eval(answers)))
    }
}

/// Builds the merged table: a reused output, a shared material and a same-named applicant
/// material of the same form each appear once, however many items use them.
pub fn merged(matter: &Matter) -> Vec<MaterialRow> {
    let sits = &matter.situations;
    let mut rows: Vec<MaterialRow> = Vec::new();
    for item in &matter.items {
        for m in &item.materials {
            let (row, when) = match m {
                Material::Own { decl, when } => {
                    let a = &decl.attrs;
                    let mut form = words::material_form(a);
                    if a.shared.is_some() && form == "未载明" {
                        form = "电子数据（共享获取）".to_string();
                    }
                    let (key, source, exempt, reason) = match &a.shared {
                        Some(system) => (
                            format!("shared:{}", decl.name.value),
                            "shared",
                            true,
                            format!("通过数据共享从「{}」获取", system.value),
                        ),
                        None => (
                            format!("own:{}:{form}", decl.name.value),
                            "applicant",
                            false,
                            "申请人提供".to_string(),
                        ),
                    };
                    let row = MaterialRow {
                        name: decl.name.value.clone(),
                        items: Vec::new(),
                        form,
                        necessity: words::necessity(a).to_string(),
                        applies: String::new(),
                        source: source.to_string(),
                        exempt,
                        reason,
                        basis: a.basis.as_ref().map(|s| s.value.clone()),
                        accept: a.accept.as_ref().map(|s| s.value.clone()),
                        uses: Vec::new(),
                        key,
                    };
                    (row, when)
                }
                Material::Reuse {
                    item: from,
                    output,
                    when,
                    ..
                } => {
                    let Some(source_item) = matter.items.get(*from) else {
                        continue;
                    };
                    let Some(out) = source_item.outputs.get(*output) else {
                        continue;
                    };
                    let row = MaterialRow {
                        name: out.name.value.clone(),
                        items: Vec::new(),
                        form: words::output_form(out),
                        necessity: "必要".to_string(),
                        applies: String::new(),
                        source: "output".to_string(),
                        exempt: true,
                        reason: format!("由「{}」办结后直接获取", source_item.name.value),
                        basis: None,
                        accept: None,
                        uses: Vec::new(),
                        key: format!("output:{}.{}", source_item.id.name, out.id.name),
                    };
                    (row, when)
                }
            };
            let use_cond = resolve::and(item.when.as_ref(), when.as_ref());
            let idx = match rows.iter().position(|r| r.key == row.key) {
                Some(i) => i,
                None => {
                    rows.push(row);
                    rows.len() - 1
                }
            };
            if let Some(r) = rows.get_mut(idx) {
                if !r.items.contains(&item.name.value) {
                    r.items.push(item.name.value.clone());
                }
                r.uses.push(use_cond);
            }
        }
    }
    for r in &mut rows {
        r.applies = applies_text(&r.uses, sits);
    }
    rows
}

/// The union of the uses' conditions in words.
fn applies_text(uses: &[Option<Cond>], sits: &[resolve::Situation]) -> String {
    if uses.iter().any(Option::is_none) {
        return "所有情形".to_string();
    }
    let mut union: Option<Cond> = None;
    for c in uses.iter().flatten() {
        if union.as_ref().is_some_and(|u| u == c) {
            continue;
        }
        union = Some(match union {
            None => c.clone(),
            Some(u) => Cond::Or(Box::new(u), Box::new(c.clone())),
        });
    }
    match union {
        Some(c) => words::applies(&c.to_artifact(sits), sits),
        None => "所有情形".to_string(),
    }
}
