//! `projections.json`: what each department receives of the merged submission.

use crate::condition::Condition;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Every item's projection of one matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Projections {
    /// Artifact format version.
    pub format_version: u32,
    /// The matter id.
    pub matter: String,
    /// One per item, in declaration order.
    pub items: Vec<Projection>,
}

/// What one item's department receives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Projection {
    /// The item id.
    pub item: String,
    /// The item name.
    pub name: String,
    /// The department id.
    pub department: String,
    /// The department name.
    pub department_name: String,
    /// When the item applies.
    pub condition: Condition,
    /// The item's fields, as its department names them, in its form's order.
    pub fields: Vec<ProjectedField>,
    /// The materials the item uses.
    pub materials: Vec<ProjectedMaterial>,
    /// A JSON Schema (draft-07) of the packet the department receives.
    pub packet_schema: serde_json::Value,
}

/// One field as a department knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectedField {
    /// The department's own name for the field (the packet's key).
    pub name: String,
    /// The department's label.
    pub label: String,
    /// JSON pointer into the merged submission, e.g. `/mother_id` or `/hukou/household_address`.
    pub pointer: String,
    /// The shared field it binds to, if any.
    pub shared: Option<String>,
    /// The situation whose answer it carries, for a situation the item's form lists: the
    /// applicant answers it with the situations, not in the form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub situation: Option<String>,
    /// The field type, e.g. `text`, `id_card`.
    #[serde(rename = "type")]
    pub ty: String,
    /// When the department receives it, given that the item applies (the field's own `when`):
    /// the applicant fills it in, and the packet carries it, only then. `always` when omitted.
    #[serde(default = "always", skip_serializing_if = "Condition::is_always")]
    pub applies: Condition,
    /// When the department requires it, given that the item applies (`applies` included);
    /// `null` when never.
    pub required: Option<Condition>,
    /// The constraints the department itself declared (JSON Schema keywords).
    pub constraints: serde_json::Map<String, serde_json::Value>,
}

fn always() -> Condition {
    Condition::Always
}

/// One material as a department receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectedMaterial {
    /// The material id (`ITEM.OUTPUT` for a reused output).
    pub id: String,
    /// The material name.
    pub name: String,
    /// `applicant`, `shared` (data sharing) or `output` (an earlier item's output).
    pub source: String,
    /// When the material applies (already including the item's own condition).
    pub condition: Condition,
}
