//! The merged-form IR: one matter's situations, unified shared fields, per-item local fields and projections.
//!
//! Built by `lower::form`, read by `emit::form` and the guide emitter. It is serde-ready and
//! span-free: provenance is kept as `file:line:col` strings, conditions as artifact `Condition`s.

use serde::Serialize;
use serde_json::{Number, Value};
use std::collections::BTreeMap;
use std::sync::Arc;
use yjs_artifacts::{Condition, ProjectedMaterial};

pub use crate::types::{ChoiceOption, Scalar};

/// The merged form of one matter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Form {
    /// The matter id.
    pub matter: String,
    /// The matter name.
    pub name: String,
    /// The situation questions, in declaration order; every submission answers all of them.
    pub situations: Vec<Question>,
    /// The rules between the situations' answers, in declaration order.
    pub rules: Vec<yjs_artifacts::SituationRule>,
    /// The shared fields that at least one item binds, in `shared` declaration order.
    pub shared: Vec<SharedField>,
    /// One entry per item, in declaration order.
    pub items: Vec<ItemForm>,
    /// The sum over items of their form fields (what the applicant filled in before the merge).
    pub fields_before: usize,
    /// The fields of the merged form: used shared fields plus every item's local fields
    /// (situation questions not counted).
    pub fields_after: usize,
}

/// A situation question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub id: String,
    pub question: String,
    /// A yes/no question; `options` is then empty.
    pub is_bool: bool,
    /// A multi-select question: the answer is any set of `options`.
    pub multi: bool,
    pub options: Vec<ChoiceOption>,
}

/// The type of a field, with its sub-structure: a list's entries are [`LocalField`]s.
pub type Ty = crate::types::FieldType<LocalField>;

/// Where a constraint was declared; shared (`Arc`) because every view of a field copies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The item whose form declared it; `None` for the `shared` block or a dictionary.
    pub item: Option<Arc<str>>,
    /// That item's department.
    pub department: Option<Arc<str>>,
    /// The constraint as written, e.g. `max_length 15`.
    pub constraint: Arc<str>,
    /// `file:line:col` of the constraint.
    pub at: Arc<str>,
}

/// A numeric bound with the declaration that set it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bound {
    /// The value, exact as written.
    pub value: Number,
    /// The declaration that gave the tightest value.
    pub source: Source,
}

/// A `pattern` with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pattern {
    pub pattern: String,
    pub source: Source,
}

/// A date bound with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateBound {
    /// `true` for `not_before`, `false` for `not_after`.
    pub not_before: bool,
    /// `YYYY-MM-DD`, or `today`: the day of validation.
    pub value: String,
    pub source: Source,
}

impl DateBound {
    /// The custom format that checks it (implemented by the build's `formats.mjs` and by the
    /// runtime): `date-not-before-2000-01-01`, `date-not-after-today`.
    pub fn format(&self) -> String {
        let side = if self.not_before { "before" } else { "after" };
        format!("date-not-{side}-{}", self.value)
    }
}

/// The value constraints of a field (requiredness is kept apart, because it depends on situations).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Bounds {
    pub min: Option<Box<Bound>>,
    pub max: Option<Box<Bound>>,
    pub min_length: Option<Box<Bound>>,
    pub max_length: Option<Box<Bound>>,
    pub min_items: Option<Box<Bound>>,
    pub max_items: Option<Box<Bound>>,
    /// Every pattern that must hold, beyond the one a domain type implies.
    pub patterns: Vec<Pattern>,
    /// Every date bound that must hold.
    pub dates: Vec<DateBound>,
    /// The default value, as JSON.
    pub default: Option<Value>,
    /// Help text (`description`).
    pub help: Option<String>,
    /// Placeholder text.
    pub placeholder: Option<String>,
    /// What to type (`hint`), shown in the empty input when no placeholder is given.
    pub hint: Option<String>,
    /// The message for a failed pattern or format (`message`).
    pub message: Option<String>,
    /// The messages written after constraints, by the JSON Schema keyword that checks each
    /// (`maxLength`, `required`, `format` for a date bound, …); they win over `message`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub messages: BTreeMap<String, String>,
}

impl Bounds {
    /// The messages the sources write for a field of type `ty`, by JSON Schema keyword: those
    /// written after constraints, and the field's own `message` for `pattern` and `format`
    /// (where no constraint's message explains them) on a field of a single value.
    pub fn written_messages(&self, ty: &Ty) -> BTreeMap<String, String> {
        let mut out = self.messages.clone();
        if let (Some(m), Ty::Scalar(_)) = (&self.message, ty) {
            for kw in ["pattern", "format"] {
                out.entry(kw.to_string()).or_insert_with(|| m.clone());
            }
        }
        out
    }
}

/// A field of the shared part of the merged form, unified over its declaration and every binding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedField {
    pub id: String,
    /// The `shared` declaration's label.
    pub label: String,
    pub ty: Ty,
    /// The tightest constraints over every contributing declaration.
    pub bounds: Bounds,
    /// When the field is required; `None` when never.
    pub required: Option<Condition>,
    /// When the field is shown: some item binding it applies.
    pub applies: Condition,
    /// The items that bind it, in declaration order.
    pub items: Vec<String>,
    /// Every constraint that contributed, in declaration order (shared block first).
    pub sources: Vec<Source>,
}

/// A field that one item declares for itself (or a field of a list).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalField {
    pub id: String,
    pub label: String,
    pub ty: Ty,
    /// Shared with the field's view in its item (`ViewField::own` and `effective`): a field
    /// of a large form is stored once, not three times.
    pub bounds: Arc<Bounds>,
    /// When the field is there, given that its item's section (or list entry) is: its own
    /// `when`; `Always` for a list entry's field.
    pub applies: Condition,
    /// When the field is required, given that its item (or list entry) is there (its own `when`
    /// included); `None` when never.
    pub required: Option<Condition>,
    /// Every constraint as declared.
    pub sources: Vec<Source>,
}

/// One item's part of the merged form and its projection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemForm {
    pub id: String,
    pub name: String,
    pub department: String,
    pub department_name: String,
    /// When the item applies.
    pub applies: Condition,
    /// The fields only this item needs; they sit under `/<item id>/` in the submission.
    pub locals: Vec<LocalField>,
    /// The item's form as its department declared it, in order.
    pub view: Vec<ViewField>,
    /// The materials the item uses.
    pub materials: Vec<ProjectedMaterial>,
}

/// One field of an item's form, as its department knows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewField {
    /// The department's name for the field: the key of its packet.
    pub name: String,
    /// The department's label.
    pub label: String,
    /// JSON pointer into the merged submission.
    pub pointer: String,
    /// The shared field it binds, if any.
    pub shared: Option<String>,
    /// The situation whose answer it is, for a situation the item's form lists.
    pub situation: Option<String>,
    pub ty: Ty,
    /// The constraints the department declared itself (a binding's narrowing, or a local field's).
    pub own: Arc<Bounds>,
    /// Everything the department's packet must satisfy: the shared declaration's constraints
    /// plus its own.
    pub effective: Arc<Bounds>,
    /// When the department receives it, given that the item applies: the binding's and the
    /// field's own `when`.
    pub applies: Condition,
    /// When the department requires it, given that the item applies (`applies` included);
    /// `None` when never.
    pub required: Option<Condition>,
}
