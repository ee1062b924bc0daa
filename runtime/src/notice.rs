//! The 一次告知 for one set of situation answers, computed from the artifacts the runtime reads:
//! which items will be handled (by whom, within which promise), what to fill in and which
//! materials to bring. The intake page shows it between the situation questions and the form.
//!
//! It says the same as the compiler's `notices/*.md` for the same answers, from `plan.json` and
//! `projections.json` alone (the runtime never reads the compiler's documents).

use serde::{Deserialize, Serialize};
use yjs_artifacts::{Answers, StepKind};

use crate::engine::Engine;

/// The notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notice {
    /// The matter id.
    pub matter: String,
    /// The matter's name.
    pub name: String,
    /// The answers it is for.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// The items that will be handled, in plan order.
    pub items: Vec<NoticeItem>,
    /// The fields to fill in, in the form's order, each once.
    pub fields: Vec<NoticeField>,
    /// The materials, item by item.
    pub materials: Vec<NoticeMaterial>,
}

/// An item that will be handled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeItem {
    /// The item id.
    pub item: String,
    /// Its name.
    pub name: String,
    /// The department's id.
    pub department: String,
    /// The department's name.
    pub department_name: String,
    /// The promised working days (0 for an immediate item, 即办).
    pub promise_workdays: u32,
}

/// A field to fill in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeField {
    /// Where it is in the form.
    pub pointer: String,
    /// Its label.
    pub label: String,
    /// Whether it must be filled in for these answers.
    pub required: bool,
}

/// A material an item needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeMaterial {
    /// The item that needs it.
    pub item: String,
    /// The material's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Where it comes from: `applicant`, `shared` (data sharing), `output` (an earlier item), …
    pub source: String,
    /// Whether the applicant brings it (else the hall obtains it).
    pub bring: bool,
}

/// The notice of `engine`'s matter for `answers`.
pub fn notice(engine: &Engine, answers: &Answers) -> Notice {
    let plan = engine.artifacts().plan();
    let projections = &engine.artifacts().projections().items;
    let mut items = Vec::new();
    let mut fields: Vec<NoticeField> = Vec::new();
    let mut materials = Vec::new();
    for step in &plan.steps {
        if step.kind != StepKind::Item || !step.condition.eval(answers) {
            continue;
        }
        let Some(p) = projections.iter().find(|p| p.item == step.id) else {
            continue;
        };
        if !p.condition.eval(answers) {
            continue;
        }
        items.push(NoticeItem {
            item: step.id.clone(),
            name: step.name.clone(),
            department: step.department.clone().unwrap_or_default(),
            department_name: step.department_name.clone().unwrap_or_default(),
            promise_workdays: step.promise_for(answers).workdays,
        });
        // A situation's answer is already given; a field with its own `when` only where it applies.
        let asked = p.fields.iter().filter(|f| f.situation.is_none());
        for f in asked.filter(|f| f.applies.eval(answers)) {
            let required = f.required.as_ref().is_some_and(|c| c.eval(answers));
            match fields.iter_mut().find(|g| g.pointer == f.pointer) {
                Some(g) => g.required |= required,
                None => fields.push(NoticeField {
                    pointer: f.pointer.clone(),
                    label: f.label.clone(),
                    required,
                }),
            }
        }
        for m in p.materials.iter().filter(|m| m.condition.eval(answers)) {
            materials.push(NoticeMaterial {
                item: step.id.clone(),
                id: m.id.clone(),
                name: m.name.clone(),
                source: m.source.clone(),
                bring: m.source == "applicant",
            });
        }
    }
    // The form's order: the schema's `ui:order` is not read here, so follow the schema's keys.
    let order: Vec<&str> = engine
        .artifacts()
        .schema()
        .get("properties")
        .and_then(|p| p.as_object())
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let rank = |pointer: &str| {
        let top = pointer
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or("");
        order.iter().position(|k| *k == top).unwrap_or(order.len())
    };
    fields.sort_by_key(|f| rank(&f.pointer));
    Notice {
        matter: plan.matter.clone(),
        name: plan.name.clone(),
        answers: answers.clone(),
        items,
        fields,
        materials,
    }
}
