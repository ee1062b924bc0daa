//! The merged materials table (一套材料) in words: one row per material of the documents IR.

use super::words;
use crate::ir::documents::{self as docs, MaterialSource};
use crate::ir::form::Question;
use serde::Serialize;

/// One row of the merged materials table, as the templates show it.
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
    /// Its template (空白表格/示例样表), relative to the matter folder.
    pub template: Option<String>,
}

/// The row of one material of the IR's table.
pub fn row(
    r: &docs::MaterialRow,
    templates: &[docs::TemplateFile],
    situations: &[Question],
) -> MaterialRow {
    let (form, source, exempt, reason) = match &r.source {
        MaterialSource::Applicant(copies) => (
            words::material_form(copies),
            "applicant",
            false,
            "申请人提供".to_string(),
        ),
        MaterialSource::Shared { system, copies } => {
            let mut form = words::material_form(copies);
            if form == "未载明" {
                form = "电子数据（共享获取）".to_string();
            }
            (
                form,
                "shared",
                true,
                format!("通过数据共享从「{system}」获取"),
            )
        }
        MaterialSource::Output {
            item,
            electronic,
            paper,
        } => (
            words::output_form(*electronic, *paper),
            "output",
            true,
            format!("由「{item}」办结后直接获取"),
        ),
    };
    MaterialRow {
        name: r.name.clone(),
        items: r.items.clone(),
        form,
        necessity: words::necessity(r.necessity).to_string(),
        applies: words::applies(&r.applies, situations),
        source: source.to_string(),
        exempt,
        reason,
        basis: r.basis.clone(),
        accept: r.accept.clone(),
        template: r
            .template
            .and_then(|i| templates.get(i))
            .map(crate::emit::names::template_path),
    }
}

/// Every row of the table.
pub fn rows(
    materials: &[docs::MaterialRow],
    templates: &[docs::TemplateFile],
    situations: &[Question],
) -> Vec<MaterialRow> {
    materials
        .iter()
        .map(|r| row(r, templates, situations))
        .collect()
}
