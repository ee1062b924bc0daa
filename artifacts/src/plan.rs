//! `plan.json`: the routing plan of one matter (一次联办).

use crate::condition::{Answers, Condition};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The routing plan of one matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Plan {
    /// Artifact format version (`FORMAT_VERSION`).
    pub format_version: u32,
    /// The matter id.
    pub matter: String,
    /// The matter name.
    pub name: String,
    /// The lead department id.
    pub lead: String,
    /// The acceptance window's department id.
    pub window: String,
    /// The matter's promised limit.
    pub promise: Limit,
    /// The worst case over all scenarios, in working days (accept + longest path + deliver).
    pub total_workdays: u32,
    /// The best case over all scenarios, in working days.
    pub best_workdays: u32,
    /// The step ids of the worst case's critical path, in order.
    pub critical_path: Vec<String>,
    /// Every step: accept, one per item, deliver.
    pub steps: Vec<Step>,
    /// Per combination of situation answers: the applicable items and the total.
    pub scenarios: Scenarios,
    /// Supervision (督办) settings.
    pub supervision: Supervision,
}

/// A time limit with its unit, and its static equivalent in working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Limit {
    /// `immediate`, `workdays`, `days` or `hours`.
    pub unit: String,
    /// The amount in `unit` (0 for `immediate`).
    pub amount: u32,
    /// How many working days the static schedule counts for it (see spec/plan.md).
    pub workdays: u32,
}

/// The kind of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Acceptance at the window.
    Accept,
    /// One item's review and decision.
    Item,
    /// The one delivery of all results.
    Deliver,
}

/// One step of the plan, with its static schedule in working days after receipt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Step {
    /// `accept`, the item id, or `deliver`.
    pub id: String,
    /// What the step is.
    pub kind: StepKind,
    /// A readable name.
    pub name: String,
    /// The department that handles it.
    pub department: String,
    /// The department's name.
    pub department_name: String,
    /// The steps that must finish first.
    pub after: Vec<String>,
    /// When the step applies.
    pub condition: Condition,
    /// The legal limit, when there is one.
    pub legal: Option<Limit>,
    /// The promised limit.
    pub promise: Limit,
    /// Earliest start, in working days from the start of the case.
    pub earliest_start: u32,
    /// Earliest finish.
    pub earliest_finish: u32,
    /// Latest finish that keeps the worst-case total.
    pub latest_finish: u32,
    /// `latest_finish - earliest_finish`.
    pub slack: u32,
    /// Whether the step is on the critical path.
    pub critical: bool,
}

/// The scenario analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Scenarios {
    /// Whether every combination was enumerated (false past 4,096 combinations).
    pub complete: bool,
    /// How many combinations the situations allow.
    pub combinations: u64,
    /// The enumerated scenarios, in a stable order (empty when not complete).
    pub list: Vec<Scenario>,
}

/// One combination of situation answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Scenario {
    /// The answers.
    pub answers: Answers,
    /// The items that apply, in declaration order.
    pub items: Vec<String>,
    /// accept + longest path over the applicable items + deliver.
    pub total_workdays: u32,
    /// The critical path of this scenario.
    pub critical_path: Vec<String>,
}

/// Supervision settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Supervision {
    /// A step warns once this percentage of its promised time is used (default 80).
    pub warn_percent: u32,
}
